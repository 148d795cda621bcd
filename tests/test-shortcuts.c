/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "xinzhi-application.h"
#include "xinzhi-window.h"
#include "xinzhi-test-ui.h"

/* The keyboard shortcuts, under a display: Ctrl+? and the main menu's item name
 * win.show-help-overlay, which shows an AdwShortcutsDialog where libadwaita is 1.8 or
 * newer and the GtkShortcutsWindow below it.  Run on Debian 13 (libadwaita 1.7) and on
 * unstable (1.10), it checks each branch where it applies.  Saves
 * screenshot-shortcuts.png into the build folder. */

static GApplication *app;

static gboolean
has_shortcuts_dialog (void)
{
  return adw_get_major_version () > 1 || adw_get_minor_version () >= 8;
}

/* The toplevel of the type named @type_name, if one is shown.  By name: the type of the
 * GtkShortcutsWindow is deprecated API. */
static GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), type_name) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
has_label_text (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static void
test_shortcuts_accelerator (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "win.show-help-overlay");
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app),
                                                                 "<Control>question");

  g_assert_cmpstrv (accels, ((const char *[]) { "<Control>question", NULL }));
  g_assert_cmpstrv (actions, ((const char *[]) { "win.show-help-overlay", NULL }));
}

static void
test_shortcuts_show (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (&error);
  XinzhiWindow *window;
  GtkWidget *shown;

  g_assert_no_error (error);
  window = xinzhi_window_new (ADW_APPLICATION (app), corpus, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (window), "devel");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));

  if (has_shortcuts_dialog ())
    {
      AdwDialog *dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));

      g_test_message ("libadwaita %u.%u: %s", adw_get_major_version (),
                      adw_get_minor_version (), G_OBJECT_TYPE_NAME (dialog));
      g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==, "AdwShortcutsDialog");
      g_assert_null (find_toplevel ("GtkShortcutsWindow"));
      shown = GTK_WIDGET (dialog);
      xinzhi_test_run_for (500);
      xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-shortcuts.png");
    }
  else
    {
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      GtkWindow *shortcuts;

      while ((shortcuts = find_toplevel ("GtkShortcutsWindow")) == NULL)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
      g_test_message ("libadwaita %u.%u: %s", adw_get_major_version (),
                      adw_get_minor_version (), G_OBJECT_TYPE_NAME (shortcuts));
      g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
      g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
      /* Through which the shortcuts that name an action find their accelerators. */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      g_assert_true (GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))) == shortcuts);
      G_GNUC_END_IGNORE_DEPRECATIONS
      shown = GTK_WIDGET (shortcuts);
      xinzhi_test_wait_until_mapped (shown);
      xinzhi_test_run_for (500);
      xinzhi_test_save_screenshot (shown, "screenshot-shortcuts.png");
    }

  /* Its shortcuts are the ones both .ui files list (check-shortcuts.py), with titles. */
  g_assert_nonnull (xinzhi_test_find_matching (shown, has_label_text, "Open Corpus"));
  g_assert_nonnull (xinzhi_test_find_matching (shown, has_label_text, "Find in Article"));

  if (ADW_IS_DIALOG (shown))
    adw_dialog_force_close (ADW_DIALOG (shown));
  else
    gtk_window_close (GTK_WINDOW (shown));
  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

/* Newer GDK (Debian unstable's) names the context menu key of newer keyboards, which GTK
 * binds beside Menu wherever Menu is bound. */
#ifndef GDK_KEY_ContextMenu
#define GDK_KEY_ContextMenu 0x100811b6
#endif

/* A key as the shortcuts list shows it: the keypad's keys as the main keys, the other
 * keys that do the same as the one listed (= as +, Space and Enter as Return, the
 * context menu key as Menu), the mouse's hardware Back and Forward keys as Alt+Left and
 * Alt+Right. */
static void
normalise_key (guint           *keyval,
               GdkModifierType *modifiers)
{
  switch (*keyval)
    {
    case GDK_KEY_KP_Left: *keyval = GDK_KEY_Left; break;
    case GDK_KEY_KP_Right: *keyval = GDK_KEY_Right; break;
    case GDK_KEY_KP_Up: *keyval = GDK_KEY_Up; break;
    case GDK_KEY_KP_Down: *keyval = GDK_KEY_Down; break;
    case GDK_KEY_KP_Home: *keyval = GDK_KEY_Home; break;
    case GDK_KEY_KP_End: *keyval = GDK_KEY_End; break;
    case GDK_KEY_KP_0: *keyval = GDK_KEY_0; break;
    case GDK_KEY_KP_Add: case GDK_KEY_equal: case GDK_KEY_KP_Equal: *keyval = GDK_KEY_plus; break;
    case GDK_KEY_KP_Subtract: *keyval = GDK_KEY_minus; break;
    case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter: case GDK_KEY_space: case GDK_KEY_KP_Space:
      *keyval = GDK_KEY_Return;
      break;
    case GDK_KEY_ContextMenu: *keyval = GDK_KEY_Menu; break;
    case GDK_KEY_Back: *keyval = GDK_KEY_Left; *modifiers |= GDK_ALT_MASK; break;
    case GDK_KEY_Forward: *keyval = GDK_KEY_Right; *modifiers |= GDK_ALT_MASK; break;
    default: break;
    }
}

static char *
key_name (guint           keyval,
          GdkModifierType modifiers)
{
  return gtk_accelerator_name (keyval, modifiers);
}

/* Every accelerator the shortcuts window lists (the dialog lists the same:
 * check-shortcuts). */
static GHashTable *
listed_accelerators (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/xinzhi/Xinzhi/xinzhi-shortcuts-window.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;
      g_auto(GStrv) keys = NULL;

      if (!g_str_equal (G_OBJECT_TYPE_NAME (l->data), "GtkShortcutsShortcut"))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action_name, NULL);
      /* A shortcut that names an action shows the application's accelerators of it. */
      if (accelerator == NULL && action_name != NULL)
        keys = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action_name);
      else if (accelerator != NULL)
        keys = g_strsplit (accelerator, " ", -1);
      else
        continue;
      for (guint i = 0; keys[i] != NULL; i++)
        {
          guint keyval;
          GdkModifierType modifiers;

          g_assert_true (gtk_accelerator_parse (keys[i], &keyval, &modifiers));
          g_hash_table_add (listed, key_name (keyval, modifiers));
        }
    }

  /* The shortcuts window is made the window's help overlay, to be found later: it
   * stays with the builder's objects here, so close it. */
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_WINDOW (l->data))
      gtk_window_destroy (l->data);

  return listed;
}

/* The keys our own widgets bind (gtk_widget_class_add_binding*() and shortcut
 * controllers), under @widget, and the application's accelerators on the window. */
static void
collect_bindings (GtkWidget  *widget,
                  GHashTable *bound)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Xinzhi"))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              guint keyval;
              GdkModifierType modifiers;

              /* GTK's own (the inspector, F10 for a menu bar) are signals. */
              if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
                  GTK_IS_SIGNAL_ACTION (gtk_shortcut_get_action (shortcut)))
                continue;
              keyval = gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger));
              modifiers = gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger));
              normalise_key (&keyval, &modifiers);
              g_hash_table_insert (bound, key_name (keyval, modifiers),
                                   (gpointer) G_OBJECT_TYPE_NAME (widget));
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_bindings (child, bound);
}

/* Every key the window and its views bind is in the list, with its Ctrl form counted
 * as the key (the timeline zooms with + and with Ctrl++ alike); the Down key that leaves
 * the search entry for the results is the entry's own business. */
static void
test_shortcuts_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (&error);
  g_autoptr(GHashTable) listed = listed_accelerators ();
  g_autoptr(GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *key;
  const char *owner;
  XinzhiWindow *window;
  guint n_missing = 0;

  g_assert_no_error (error);
  window = xinzhi_window_new (ADW_APPLICATION (app), corpus, NULL);
  /* Every view, built. */
  xinzhi_window_get_timeline_page (window);
  xinzhi_window_get_sectors_page (window);
  xinzhi_window_get_quotes_page (window);
  xinzhi_window_get_articles_page (window);
  collect_bindings (GTK_WIDGET (window), bound);
  g_assert_cmpuint (g_hash_table_size (bound), >, 10);

  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &owner))
    {
      guint keyval;
      GdkModifierType modifiers;
      g_autofree char *plain = NULL;

      gtk_accelerator_parse (key, &keyval, &modifiers);
      plain = key_name (keyval, modifiers & ~GDK_CONTROL_MASK);
      if (g_hash_table_contains (listed, key) || g_hash_table_contains (listed, plain) ||
          (g_str_equal (owner, "XinzhiWindow") && keyval == GDK_KEY_Down && modifiers == 0))
        continue;
      /* libadwaita's adaptive preview, a tool for developers. */
      if (keyval == GDK_KEY_m && modifiers == (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
        continue;
      g_test_message ("%s binds %s, which the shortcuts do not list", owner, key);
      n_missing++;
    }
  g_assert_cmpuint (n_missing, ==, 0);

  /* The heat map reads its keys itself (arrows, Page Up and Down, Home, End, Return). */
  for (const char * const *heatmap = (const char *[]) { "Left", "Right", "Up", "Down", "Page_Up",
                                                         "Page_Down", "Home", "End", "Return", NULL };
       *heatmap != NULL; heatmap++)
    g_assert_true (g_hash_table_contains (listed, *heatmap));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  /* The real application, whose startup sets the accelerators; not unique, so that it
   * does not meet another test's instance on the session bus. */
  app = G_APPLICATION (xinzhi_application_new ());
  g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  g_application_register (app, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/shortcuts/accelerator", test_shortcuts_accelerator);
  g_test_add_func ("/shortcuts/show", test_shortcuts_show);
  g_test_add_func ("/shortcuts/complete", test_shortcuts_complete);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

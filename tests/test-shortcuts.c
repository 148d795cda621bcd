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

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Corpora a person owns: New Corpus makes an empty one in the app's data folder (here a
 * temporary XDG_DATA_HOME) and shows it; Save a Copy writes the corpus shown, built-in
 * or from a file, and shows the copy.  Recent corpora: a corpus file opened is
 * remembered, first in the main menu's "Recent Corpora" and as the one to open at the
 * next start; the application started without a file opens it again; when it is gone,
 * the built-in corpus stays, an alert names the file, and it is forgotten.  Settings in
 * memory (GSETTINGS_BACKEND), as the suite has them.  Needs a display (build-aux/dev
 * provides one). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xinzhi-application.h"
#include "xinzhi-synth.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-window.h"

#define SEED 20261206

static AdwApplication *app;
static char *data_home;

static GSettings *
new_settings (void)
{
  GSettings *settings = g_settings_new ("io.github.xinzhi.Xinzhi");

  g_settings_set_boolean (settings, "welcome-dismissed", TRUE);
  return settings;
}

/* Runs the main loop until @window shows a corpus other than @before. */
static void
wait_for_corpus (XinzhiWindow *window,
                 XinzhiCorpus *before)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (xinzhi_window_get_corpus (window) == before)
    {
      AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

      if (ADW_IS_ALERT_DIALOG (dialog))
        g_error ("%s: %s", adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)),
                 adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Writes a small generated corpus to a new file in @dir, named @name. */
static GFile *
write_corpus (const char *dir,
              const char *name)
{
  g_autoptr(GBytes) bytes = xinzhi_synth_corpus_json (10, SEED);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return g_file_new_for_path (path);
}

/* The labels and targets of the main menu's win.open-recent items, in order. */
static void
collect_recent_items (GMenuModel *model,
                      GPtrArray  *labels,
                      GPtrArray  *uris)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_equal (action, "win.open-recent"))
        {
          char *label = NULL;
          char *uri = NULL;

          g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
          g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &uri));
          g_ptr_array_add (labels, label);
          g_ptr_array_add (uris, uri);
        }
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          collect_recent_items (linked, labels, uris);
        }
    }
}

static GMenuModel *
get_main_menu (XinzhiWindow *window)
{
  GtkWidget *button = xinzhi_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
}

/* Opened: remembered and listed; the next window reopens it; gone: an alert, the
 * built-in corpus, and forgotten. */
static void
test_recent_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (&error);
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-recent-XXXXXX", NULL);
  g_autoptr(GFile) first = write_corpus (dir, "first_corpus.json");
  g_autoptr(GFile) second = write_corpus (dir, "second.json");
  g_autofree char *first_uri = g_file_get_uri (first);
  g_autofree char *second_uri = g_file_get_uri (second);
  g_autofree char *first_path = g_file_get_path (first);
  g_autofree char *second_path = g_file_get_path (second);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) recent = NULL;
  g_autofree char *last = NULL;
  XinzhiWindow *window;
  AdwDialog *dialog;
  const char *body;

  g_assert_no_error (error);
  g_settings_reset (settings, "recent-corpora");
  g_settings_reset (settings, "last-corpus");

  /* Nothing yet: no recent items, nothing to reopen. */
  window = xinzhi_test_present_window_with_settings (app, builtin, settings, 1100, 760);
  collect_recent_items (get_main_menu (window), labels, uris);
  g_assert_cmpuint (labels->len, ==, 0);
  g_assert_false (xinzhi_window_reopen_last (window));

  /* Two opened: the latest first, each once, and the latest is the last corpus. */
  xinzhi_window_open_file (window, first);
  wait_for_corpus (window, builtin);
  {
    XinzhiCorpus *shown = xinzhi_window_get_corpus (window);

    xinzhi_window_open_file (window, second);
    wait_for_corpus (window, shown);
  }
  xinzhi_window_open_file (window, first);
  {
    g_autoptr(XinzhiCorpus) shown = g_object_ref (xinzhi_window_get_corpus (window));

    wait_for_corpus (window, shown);
  }
  recent = g_settings_get_strv (settings, "recent-corpora");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, first_uri);
  g_assert_cmpstr (recent[1], ==, second_uri);
  last = g_settings_get_string (settings, "last-corpus");
  g_assert_cmpstr (last, ==, first_uri);

  collect_recent_items (get_main_menu (window), labels, uris);
  g_assert_cmpuint (labels->len, ==, 2);
  /* The name without ".json"; an underscore doubled, not read as a mnemonic. */
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, "first__corpus");
  g_assert_cmpstr (g_ptr_array_index (uris, 0), ==, first_uri);
  g_assert_cmpstr (g_ptr_array_index (labels, 1), ==, "second");
  xinzhi_test_destroy_window (GTK_WINDOW (window));

  /* A new window reopens the last one. */
  window = xinzhi_test_present_window_with_settings (app, builtin, settings, 1100, 760);
  g_assert_true (xinzhi_window_reopen_last (window));
  wait_for_corpus (window, builtin);
  g_assert_cmpstr (xinzhi_corpus_get_name (xinzhi_window_get_corpus (window)), ==, first_path);
  /* And the menu's item opens the other. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", second_uri));
  {
    XinzhiCorpus *shown = xinzhi_window_get_corpus (window);

    wait_for_corpus (window, shown);
  }
  g_assert_cmpstr (xinzhi_corpus_get_name (xinzhi_window_get_corpus (window)), ==, second_path);
  xinzhi_test_destroy_window (GTK_WINDOW (window));

  /* Gone: the built-in corpus stays, the alert names the file, and it is forgotten. */
  g_assert_no_errno (g_remove (second_path));
  window = xinzhi_test_present_window_with_settings (app, builtin, settings, 1100, 760);
  g_assert_true (xinzhi_window_reopen_last (window));
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
  g_test_message ("%s: %s", adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), body);
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Reopen Corpus");
  g_assert_nonnull (strstr (body, "second.json"));
  g_assert_nonnull (strstr (body, "The built-in corpus is shown instead."));
  adw_dialog_force_close (dialog);
  g_assert_true (xinzhi_window_get_corpus (window) == builtin);
  g_clear_pointer (&last, g_free);
  last = g_settings_get_string (settings, "last-corpus");
  g_assert_cmpstr (last, ==, "");
  g_clear_pointer (&recent, g_strfreev);
  recent = g_settings_get_strv (settings, "recent-corpora");
  g_assert_cmpuint (g_strv_length (recent), ==, 1);
  g_assert_cmpstr (recent[0], ==, first_uri);
  g_assert_false (xinzhi_window_reopen_last (window));
  xinzhi_test_destroy_window (GTK_WINDOW (window));

  g_assert_no_errno (g_remove (first_path));
  g_assert_no_errno (g_rmdir (dir));
}

/* New Corpus, twice: "My Corpus", then "My Corpus 2", each empty, loaded, shown and
 * remembered. */
static void
test_corpora_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (&error);
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *first = g_build_filename (data_home, "xinzhi", "corpora", "My Corpus.json", NULL);
  g_autofree char *second = g_build_filename (data_home, "xinzhi", "corpora", "My Corpus 2.json", NULL);
  g_autofree char *last = NULL;
  g_autofree char *second_uri = NULL;
  XinzhiWindow *window;
  XinzhiCorpus *corpus;

  g_assert_no_error (error);
  window = xinzhi_test_present_window_with_settings (app, builtin, settings, 1100, 760);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-corpus", NULL));
  wait_for_corpus (window, builtin);
  corpus = xinzhi_window_get_corpus (window);
  g_assert_cmpstr (xinzhi_corpus_get_name (corpus), ==, first);
  g_assert_cmpstr (xinzhi_corpus_get_title (corpus), ==, "My Corpus");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)), ==, 0);
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-new-corpus.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-corpus", NULL));
  wait_for_corpus (window, corpus);
  corpus = xinzhi_window_get_corpus (window);
  g_assert_cmpstr (xinzhi_corpus_get_name (corpus), ==, second);
  g_assert_cmpstr (xinzhi_corpus_get_title (corpus), ==, "My Corpus 2");
  /* The first is still there, as it was. */
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  last = g_settings_get_string (settings, "last-corpus");
  second_uri = g_filename_to_uri (second, NULL, NULL);
  g_assert_cmpstr (last, ==, second_uri);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (first));
  g_assert_no_errno (g_remove (second));
  g_settings_reset (settings, "last-corpus");
  g_settings_reset (settings, "recent-corpora");
}

/* Save a Copy of the built-in corpus, then of that copy: each copy loads to the same
 * corpus, and is shown; a copy onto the file shown is refused. */
static void
test_corpora_save_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (&error);
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-copy-XXXXXX", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.json", NULL);
  g_autofree char *again_path = g_build_filename (dir, "again.json", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(GFile) again = g_file_new_for_path (again_path);
  XinzhiWindow *window;
  XinzhiCorpus *corpus;
  AdwDialog *dialog;

  g_assert_no_error (error);
  window = xinzhi_test_present_window_with_settings (app, builtin, settings, 1100, 760);

  xinzhi_window_save_copy (window, copy);
  wait_for_corpus (window, builtin);
  corpus = xinzhi_window_get_corpus (window);
  g_assert_cmpstr (xinzhi_corpus_get_name (corpus), ==, copy_path);
  g_assert_cmpstr (xinzhi_corpus_get_title (corpus), ==, xinzhi_corpus_get_title (builtin));
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus)), ==,
                    g_list_model_get_n_items (xinzhi_corpus_get_quotes (builtin)));
  g_assert_true (xinzhi_window_get_corpus_file (window) != NULL);

  /* A copy of a copy: the file's own bytes. */
  xinzhi_window_save_copy (window, again);
  wait_for_corpus (window, corpus);
  {
    g_autofree char *a = NULL, *b = NULL;
    gsize la, lb;

    g_assert_true (g_file_get_contents (copy_path, &a, &la, NULL));
    g_assert_true (g_file_get_contents (again_path, &b, &lb, NULL));
    g_assert_cmpmem (a, la, b, lb);
  }

  /* Onto itself: refused, named, nothing changed. */
  corpus = xinzhi_window_get_corpus (window);
  xinzhi_window_save_copy (window, again);
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Save a Copy");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "again.json"));
  adw_dialog_force_close (dialog);
  g_assert_true (xinzhi_window_get_corpus (window) == corpus);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (copy_path));
  g_assert_no_errno (g_remove (again_path));
  g_assert_no_errno (g_rmdir (dir));
  g_settings_reset (settings, "last-corpus");
  g_settings_reset (settings, "recent-corpora");
}

typedef struct
{
  GApplication *app;
  const char   *path;
  gboolean      shown;
} Start;

static gboolean
check_start_cb (gpointer user_data)
{
  Start *start = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (start->app));
  XinzhiCorpus *corpus = XINZHI_IS_WINDOW (window) ? xinzhi_window_get_corpus (XINZHI_WINDOW (window)) : NULL;

  if (corpus == NULL || g_strcmp0 (xinzhi_corpus_get_name (corpus), start->path) != 0)
    return G_SOURCE_CONTINUE;

  start->shown = TRUE;
  g_application_quit (start->app);
  return G_SOURCE_REMOVE;
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_application_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* The application, started without a file, opens the corpus opened last. */
static void
test_recent_start (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-recent-XXXXXX", NULL);
  g_autoptr(GFile) file = write_corpus (dir, "last.json");
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(XinzhiApplication) application = xinzhi_application_new ();
  char *argv[] = { (char *) "xinzhi", NULL };
  Start start = { G_APPLICATION (application), path, FALSE };
  guint check_id, give_up_id;
  int status;

  g_settings_set_string (settings, "last-corpus", uri);
  check_id = g_timeout_add (50, check_start_cb, &start);
  give_up_id = g_timeout_add_seconds (60, give_up_cb, application);
  status = g_application_run (G_APPLICATION (application), 1, argv);
  if (!start.shown)
    g_source_remove (check_id);
  g_source_remove (give_up_id);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (start.shown);

  g_settings_reset (settings, "last-corpus");
  g_settings_reset (settings, "recent-corpora");
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for the data folder. */
  data_home = g_dir_make_tmp ("xinzhi-corpora-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);
  app = xinzhi_test_new_application ();

  g_test_add_func ("/corpora/new", test_corpora_new);
  g_test_add_func ("/corpora/save-copy", test_corpora_save_copy);
  g_test_add_func ("/corpora/recent", test_recent_window);
  g_test_add_func ("/corpora/reopen-at-start", test_recent_start);

  status = g_test_run ();
  g_clear_object (&app);
  {
    g_autofree char *corpora = g_build_filename (data_home, "xinzhi", "corpora", NULL);
    g_autofree char *xinzhi = g_build_filename (data_home, "xinzhi", NULL);

    g_rmdir (corpora);
    g_rmdir (xinzhi);
    g_rmdir (data_home);
  }
  g_free (data_home);
  return status;
}

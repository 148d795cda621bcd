/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "xinzhi-application.h"
#include "xinzhi-note-editor.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-window.h"
#include "xinzhi-window-notes.h"
#include "xinzhi-test-ui.h"

/* Notes in the app, under a display: the application reads the notes file from the
 * user data folder (here a temporary one) and reports a damaged one; a person stars
 * and notes a quote, an event and an article, sees the star in the list of quotes, and
 * the notes are saved by themselves; export and import go through the window, an
 * invalid import is refused with the file and the place, and a valid one is merged
 * after a dialog that says so.  Screenshots of each are saved into the build folder. */

static XinzhiApplication *app;
static char *data_home;

static char *
notes_path (void)
{
  return g_build_filename (data_home, "xinzhi", "notes.json", NULL);
}

static XinzhiWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (XINZHI_IS_WINDOW (window));
  return XINZHI_WINDOW (window);
}

static void
close_dialog (AdwDialog *dialog)
{
  adw_dialog_force_close (dialog);
  xinzhi_test_run_for (300);
}

static void
show_view (XinzhiWindow *window,
           const char   *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (xinzhi_test_find_descendant (GTK_WIDGET (window),
                                                                     ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, name);
}

/* Types @text into the editor, as a person would, and stars the item when asked. */
static void
edit (XinzhiNoteEditor *editor,
      const char       *text,
      gboolean          star)
{
  GtkWidget *star_button = xinzhi_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON);
  GtkWidget *text_view = xinzhi_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  /* Both are reached with the keyboard. */
  g_assert_true (gtk_widget_get_focusable (text_view));
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (text_view)));
  if (star)
    {
      g_assert_true (gtk_widget_get_visible (star_button));
      g_assert_true (gtk_widget_grab_focus (star_button));
      /* As Space does: the button clicks when its press is shown. */
      g_assert_true (gtk_widget_activate (star_button));
      xinzhi_test_run_for (400);
    }
  g_assert_true (gtk_widget_grab_focus (text_view));
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
}

static gboolean
is_saved (const char *kind,
          const char *id,
          const char *note)
{
  g_autofree char *path = notes_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiNotes) on_disk = xinzhi_notes_new_from_import (file, NULL, NULL);

  return on_disk != NULL && g_strcmp0 (xinzhi_notes_get_note (on_disk, kind, id), note) == 0;
}

static void
wait_until_saved (const char *kind,
                  const char *id,
                  const char *note)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!is_saved (kind, id, note))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
shows_quote (GtkWidget     *widget,
             gconstpointer  quote)
{
  return XINZHI_IS_QUOTE_ROW (widget) && xinzhi_quote_row_get_quote (XINZHI_QUOTE_ROW (widget)) == quote;
}

static gboolean
shows_event (GtkWidget     *widget,
             gconstpointer  event)
{
  return gtk_widget_has_css_class (widget, "xinzhi-event-row") &&
         g_object_get_data (G_OBJECT (widget), "event") == event;
}

static void
assert_label (GtkWidget  *widget,
              const char *label)
{
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 label);

  if (problem != NULL)
    g_test_fail_printf ("%s", problem);
}

/* A damaged notes file is kept aside and the window says where. */
static void
test_damaged_file (void)
{
  g_autofree char *path = notes_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = NULL;
  XinzhiWindow *window;
  AdwDialog *dialog;
  const char *body;
  const char *name;
  gboolean kept = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"xinzhi-notes\", \"version\": 1, \"ite", -1, NULL));

  g_application_activate (G_APPLICATION (app));
  window = get_window ();
  gtk_widget_remove_css_class (GTK_WIDGET (window), "devel");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));

  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Notes Could Not Be Read");
  body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
  g_test_message ("%s", body);
  g_assert_true (g_str_has_prefix (body, path));
  g_assert_nonnull (strstr (body, "is damaged (not valid JSON: 1:"));
  g_assert_nonnull (strstr (body, "it was kept as " ));
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-notes-damaged.png");
  close_dialog (dialog);

  /* Kept aside, never overwritten. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    kept |= g_str_has_prefix (name, "notes.json.damaged-");
  g_assert_true (kept);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (xinzhi_window_get_notes (window));
}

/* Star and note a quote in the viewer: the list shows the star, the file gets both. */
static void
test_quote (void)
{
  XinzhiWindow *window = get_window ();
  XinzhiQuotesPage *page = xinzhi_window_get_quotes_page (window);
  XinzhiNotes *notes = xinzhi_window_get_notes (window);
  GListModel *quotes = xinzhi_corpus_get_quotes (xinzhi_window_get_corpus (window));
  g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, 0);
  const char *id = xinzhi_quote_get_id (quote);
  XinzhiNoteEditor *editor;
  GtkWidget *row = NULL;
  GtkWidget *text_view;

  show_view (window, "quotes");
  xinzhi_quotes_page_select_quote (page, quote);
  xinzhi_test_run_for (200);

  editor = XINZHI_NOTE_EDITOR (xinzhi_test_find_descendant (GTK_WIDGET (page), XINZHI_TYPE_NOTE_EDITOR));
  text_view = xinzhi_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  assert_label (text_view, "Your note on this quote");
  assert_label (xinzhi_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON), "Starred");
  edit (editor, "Check against the Xinhua text <b>later</b>", TRUE);

  g_assert_true (xinzhi_notes_get_starred (notes, "quote", id));
  g_assert_cmpstr (xinzhi_notes_get_note (notes, "quote", id), ==, "Check against the Xinhua text <b>later</b>");
  wait_until_saved ("quote", id, "Check against the Xinhua text <b>later</b>");

  /* The row of the quote in the list shows the star and the pencil. */
  row = xinzhi_test_find_matching (GTK_WIDGET (page), shows_quote, quote);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (xinzhi_test_find_with_css_class (row, "star")));

  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-notes-quote.png");

  /* Unstarring through the keyboard's activation clears the star. */
  gtk_widget_activate (xinzhi_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON));
  xinzhi_test_run_for (400);
  g_assert_false (xinzhi_notes_get_starred (notes, "quote", id));
  g_assert_false (gtk_widget_get_visible (xinzhi_test_find_with_css_class (row, "star")));
  gtk_widget_activate (xinzhi_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON));
  xinzhi_test_run_for (400);
}

static void
test_event (void)
{
  XinzhiWindow *window = get_window ();
  XinzhiTimelinePage *page = xinzhi_window_get_timeline_page (window);
  XinzhiNotes *notes = xinzhi_window_get_notes (window);
  GListModel *events = xinzhi_corpus_get_events (xinzhi_window_get_corpus (window));
  g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, 1);
  XinzhiNoteEditor *editor;

  show_view (window, "timeline");
  xinzhi_timeline_page_select_event (page, event);
  xinzhi_test_run_for (200);

  editor = XINZHI_NOTE_EDITOR (xinzhi_test_find_descendant (GTK_WIDGET (page), XINZHI_TYPE_NOTE_EDITOR));
  assert_label (xinzhi_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW),
                "Your note on this event");
  edit (editor, "第一次提出", TRUE);
  g_assert_true (xinzhi_notes_get_starred (notes, "event", xinzhi_event_get_id (event)));
  /* The event's row in the list shows the star. */
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (page), shows_event, event));
  g_assert_true (gtk_widget_get_visible (xinzhi_test_find_with_css_class (xinzhi_test_find_matching (GTK_WIDGET (page), shows_event, event),
                                                                          "star")));
  wait_until_saved ("event", xinzhi_event_get_id (event), "第一次提出");

  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-notes-event.png");
}

static void
test_article (void)
{
  XinzhiWindow *window = get_window ();
  XinzhiArticlesPage *page = xinzhi_window_get_articles_page (window);
  GListModel *documents = xinzhi_corpus_get_documents (xinzhi_window_get_corpus (window));
  g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, 0);
  XinzhiNoteEditor *editor;

  show_view (window, "articles");
  xinzhi_articles_page_select_document (page, document);
  xinzhi_test_run_for (300);

  editor = XINZHI_NOTE_EDITOR (xinzhi_test_find_descendant (GTK_WIDGET (page), XINZHI_TYPE_NOTE_EDITOR));
  /* Articles are noted, not starred. */
  g_assert_false (gtk_widget_get_visible (xinzhi_test_find_descendant (GTK_WIDGET (editor),
                                                                       GTK_TYPE_TOGGLE_BUTTON)));
  assert_label (xinzhi_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW),
                "Your note on this article");
  edit (editor, "Read with the CGTN piece.", FALSE);
  wait_until_saved ("document", xinzhi_document_get_id (document), "Read with the CGTN piece.");

  /* Focus scrolls the note, under the text, into view. */
  xinzhi_test_run_for (500);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-notes-article.png");
}

static GFile *
write_temp (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (data_home, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* The main menu offers export and import, and says that import merges. */
static void
test_menu (void)
{
  XinzhiWindow *window = get_window ();
  GtkWidget *button = xinzhi_test_find_matching (GTK_WIDGET (window), is_primary_menu_button, NULL);
  GMenuModel *model;
  GtkPopover *popover;
  gboolean has_export = FALSE, has_import = FALSE;

  g_assert_nonnull (button);
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          has_export |= g_strcmp0 (action, "win.export-notes") == 0 && g_strcmp0 (label, "_Export Notes…") == 0;
          has_import |= g_strcmp0 (action, "win.import-notes") == 0 &&
                        g_strcmp0 (label, "_Import and Merge Notes…") == 0;
        }
    }
  g_assert_true (has_export);
  g_assert_true (has_import);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  xinzhi_test_run_for (400);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* The menu is a surface of its own, not in the window's picture. */
  xinzhi_test_save_screenshot (GTK_WIDGET (popover), "screenshot-notes-menu.png");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  xinzhi_test_run_for (300);
}

static void
test_export_import (void)
{
  XinzhiWindow *window = get_window ();
  XinzhiNotes *notes = xinzhi_window_get_notes (window);
  GListModel *quotes = xinzhi_corpus_get_quotes (xinzhi_window_get_corpus (window));
  g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, 0);
  g_autoptr(XinzhiQuote) other = g_list_model_get_item (quotes, 1);
  g_autofree char *export_path = g_build_filename (data_home, "exported.json", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) good = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *good_json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad_path = NULL;
  XinzhiNoteEditor *editor;
  AdwDialog *dialog;
  const char *body;
  guint n_before;

  /* Export writes the notes as they are. */
  g_assert_true (xinzhi_window_export_notes (window, export_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (export_path, &exported, NULL, NULL));
  expected = xinzhi_notes_to_json (notes);
  g_assert_cmpstr (exported, ==, expected);

  /* An invalid file: refused with its name and the place, nothing changed. */
  n_before = xinzhi_notes_get_n_items (notes);
  bad = write_temp ("bad-notes.json",
                    "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [\n"
                    "  {\"kind\": \"quote\", \"id\": \"a\", \"starred\": true},\n"
                    "  {\"kind\": \"quote\", \"id\": \"b\", \"starred\": \"yes\"}\n]}\n");
  bad_path = g_file_get_path (bad);
  xinzhi_window_import_notes (window, bad);
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Import Notes");
  body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
  g_test_message ("%s", body);
  g_assert_true (g_str_has_prefix (body, bad_path));
  g_assert_nonnull (strstr (body, ": $.items[1].starred: expected true or false, found a string"));
  xinzhi_test_run_for (700);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-notes-import-error.png");
  close_dialog (dialog);
  g_assert_cmpuint (xinzhi_notes_get_n_items (notes), ==, n_before);

  /* A valid file: a dialog says it merges; merged, the open editor shows the note. */
  good_json = g_strdup_printf ("{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [\n"
                               "  {\"kind\": \"quote\", \"id\": \"%s\", \"starred\": true, \"note\": \"From a colleague\"},\n"
                               "  {\"kind\": \"quote\", \"id\": \"%s\", \"starred\": true}\n]}\n",
                               xinzhi_quote_get_id (quote), xinzhi_quote_get_id (other));
  good = write_temp ("good-notes.json", good_json);
  show_view (window, "quotes");
  xinzhi_quotes_page_select_quote (xinzhi_window_get_quotes_page (window), quote);
  xinzhi_window_import_notes (window, good);
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Merge Imported Notes?");
  body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "good-notes.json” has stars or notes on 2 items. They are merged with yours"));
  xinzhi_test_run_for (700);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-notes-import-merge.png");
  g_signal_emit_by_name (dialog, "response", "merge");
  close_dialog (dialog);

  g_assert_cmpstr (xinzhi_notes_get_note (notes, "quote", xinzhi_quote_get_id (quote)), ==, "From a colleague");
  g_assert_true (xinzhi_notes_get_starred (notes, "quote", xinzhi_quote_get_id (other)));
  /* What was noted elsewhere stays. */
  g_assert_cmpuint (xinzhi_notes_get_n_items (notes), ==, n_before + 1);
  editor = XINZHI_NOTE_EDITOR (xinzhi_test_find_descendant (GTK_WIDGET (xinzhi_window_get_quotes_page (window)),
                                                            XINZHI_TYPE_NOTE_EDITOR));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (
      xinzhi_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW)));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "From a colleague");
  }
  wait_until_saved ("quote", xinzhi_quote_get_id (quote), "From a colleague");
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-notes-imported.png");
}

/* When the notes cannot be saved, the person is told, once, with the reason. */
static void
test_save_fails (void)
{
  XinzhiWindow *window = get_window ();
  XinzhiNotes *notes = xinzhi_window_get_notes (window);
  g_autofree char *path = notes_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *moved = g_strconcat (dir, ".moved", NULL);
  AdwDialog *dialog;
  const char *body;

  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *note = g_strdup_printf ("Not saved yet %u", round);
      g_autofree char *saved = g_strdup_printf ("Saved now %u", round);

      /* A file where the notes' folder should be. */
      g_assert_cmpint (g_rename (dir, moved), ==, 0);
      g_assert_true (g_file_set_contents (dir, "", 0, NULL));

      xinzhi_notes_set_note (notes, "event", "somewhere", note);
      dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
      g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Notes Not Saved");
      body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
      g_test_message ("%s", body);
      g_assert_nonnull (strstr (body, dir));
      if (round == 0)
        {
          xinzhi_test_run_for (700);
          xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-notes-not-saved.png");
        }
      close_dialog (dialog);
      g_assert_true (xinzhi_notes_get_dirty (notes));

      /* Once: another failing change brings no second dialog. */
      xinzhi_notes_set_note (notes, "event", "somewhere", "Still not saved");
      xinzhi_test_run_for (1500);
      g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));

      /* Once the folder is back, the next change saves everything; a later failure is
       * reported again (the second round). */
      g_assert_cmpint (g_remove (dir), ==, 0);
      g_assert_cmpint (g_rename (moved, dir), ==, 0);
      xinzhi_notes_set_note (notes, "event", "somewhere", saved);
      wait_until_saved ("event", "somewhere", saved);
      g_assert_false (xinzhi_notes_get_dirty (notes));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks GLib for the user data folder. */
  data_home = g_dir_make_tmp ("xinzhi-notes-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* GTK's test backend keeps the accessible properties, so the test can read them. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  app = xinzhi_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/notes-ui/damaged-file", test_damaged_file);
  g_test_add_func ("/notes-ui/quote", test_quote);
  g_test_add_func ("/notes-ui/event", test_event);
  g_test_add_func ("/notes-ui/article", test_article);
  g_test_add_func ("/notes-ui/menu", test_menu);
  g_test_add_func ("/notes-ui/export-import", test_export_import);
  g_test_add_func ("/notes-ui/save-fails", test_save_fails);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

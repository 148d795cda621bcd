/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "xinzhi-application.h"
#include "xinzhi-note-editor.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-window.h"
#include "xinzhi-window-private.h"
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

static const char *
first_quote_id_in (XinzhiCorpus *corpus)
{
  g_autoptr(XinzhiQuote) quote = g_list_model_get_item (xinzhi_corpus_get_quotes (corpus), 0);

  /* The corpus holds the quote. */
  return xinzhi_quote_get_id (quote);
}

static const char *
first_quote_id (XinzhiWindow *window)
{
  return first_quote_id_in (xinzhi_window_get_corpus (window));
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

static gboolean
is_caption (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), "Kept on this computer and saved as you type") == 0;
}

/* The editor of the quote shown in the Quotes view, with that quote selected. */
static XinzhiNoteEditor *
show_quote_editor (XinzhiWindow *window)
{
  GListModel *quotes = xinzhi_corpus_get_quotes (xinzhi_window_get_corpus (window));
  g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, 0);
  XinzhiQuotesPage *page = xinzhi_window_get_quotes_page (window);

  show_view (window, "quotes");
  xinzhi_quotes_page_select_quote (page, quote);
  xinzhi_test_run_for (200);
  return XINZHI_NOTE_EDITOR (xinzhi_test_find_descendant (GTK_WIDGET (page), XINZHI_TYPE_NOTE_EDITOR));
}

/* The message under @editor that says the notes are not saved, or NULL when none shows. */
static const char *
get_save_problem (XinzhiNoteEditor *editor)
{
  GtkWidget *label = xinzhi_test_find_matching (GTK_WIDGET (editor), is_error_label, NULL);

  g_assert_nonnull (label);
  if (!gtk_widget_is_visible (label))
    return NULL;
  /* Never both: "saved as you type" would not be true. */
  g_assert_false (gtk_widget_is_visible (xinzhi_test_find_matching (GTK_WIDGET (editor), is_caption, NULL)));
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
wait_for_save_problem (XinzhiNoteEditor *editor)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (get_save_problem (editor) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Saves screenshots of @window, light and dark at 1000×700 and light at 360×640, as
 * NAME.png, NAME-dark.png and NAME-narrow.png. */
static void
save_screenshots (XinzhiWindow *window,
                  const char   *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *light = g_strconcat (name, ".png", NULL);
  g_autofree char *dark = g_strconcat (name, "-dark.png", NULL);
  g_autofree char *narrow = g_strconcat (name, "-narrow.png", NULL);
  GtkWidget *toasts = xinzhi_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);

  /* Toasts of earlier tests do not time out on a window that Xvfb never activates. */
  if (toasts != NULL)
    adw_toast_overlay_dismiss_all (ADW_TOAST_OVERLAY (toasts));

  xinzhi_test_run_for (700);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  xinzhi_test_run_for (500);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  xinzhi_test_run_for (700);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), narrow);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  xinzhi_test_run_for (500);
}

/* When the notes cannot be saved, the person is told where they write, with the file
 * and the reason, without a dialog in the way; once saving can work again it does, by
 * itself, and the message goes. */
static void
test_save_fails (void)
{
  XinzhiWindow *window = get_window ();
  XinzhiNotes *notes = xinzhi_window_get_notes (window);
  g_autofree char *path = notes_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *moved = g_strconcat (dir, ".moved", NULL);
  XinzhiNoteEditor *editor = show_quote_editor (window);
  g_autofree char *note = NULL;
  const char *problem;

  g_assert_null (get_save_problem (editor));

  /* A file where the notes' folder should be. */
  g_assert_cmpint (g_rename (dir, moved), ==, 0);
  g_assert_true (g_file_set_contents (dir, "", 0, NULL));

  edit (editor, " (not saved yet)", FALSE);
  note = g_strdup (xinzhi_notes_get_note (notes, "quote", first_quote_id (window)));
  wait_for_save_problem (editor);
  problem = get_save_problem (editor);
  g_test_message ("%s", problem);
  g_assert_true (g_str_has_prefix (problem, "Not saved: "));
  g_assert_nonnull (strstr (problem, dir));
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_true (xinzhi_notes_get_dirty (notes));
  save_screenshots (window, "screenshot-notes-not-saved");

  /* The folder is back: saved without another change, and the message goes. */
  g_assert_cmpint (g_remove (dir), ==, 0);
  g_assert_cmpint (g_rename (moved, dir), ==, 0);
  wait_until_saved ("quote", first_quote_id (window), note);
  g_assert_false (xinzhi_notes_get_dirty (notes));
  g_assert_null (get_save_problem (editor));
}

/* A notes file of a newer version: left alone, and the editor says so from the start,
 * before anything is lost. */
static void
test_newer_version (void)
{
  XinzhiWindow *window = get_window ();
  XinzhiNotes *notes = xinzhi_window_get_notes (window);
  g_autofree char *path = notes_path ();
  const char *newer = "{\"format\": \"xinzhi-notes\", \"version\": 2, \"items\": [], \"tags\": []}";
  g_autofree char *contents = NULL;
  XinzhiNoteEditor *editor = show_quote_editor (window);
  const char *problem;

  g_assert_true (g_file_set_contents (path, newer, -1, NULL));
  g_assert_false (xinzhi_notes_load (notes, NULL));
  problem = get_save_problem (editor);
  g_assert_nonnull (problem);
  g_test_message ("%s", problem);
  g_assert_nonnull (strstr (problem, path));
  g_assert_nonnull (strstr (problem, "notes of version 2"));

  edit (editor, "Written while the file is newer", TRUE);
  xinzhi_test_run_for (1500);
  g_assert_true (xinzhi_notes_get_dirty (notes));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, newer);
  save_screenshots (window, "screenshot-notes-newer");

  /* Back to a file this version reads: loaded, and the message goes. */
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_true (xinzhi_notes_load (notes, NULL));
  g_assert_null (get_save_problem (editor));
}

/* The editor refuses text that would make a note longer than a note may be, and says
 * so; it never cuts it. */
static void
test_note_limit (void)
{
  XinzhiWindow *window = get_window ();
  XinzhiNotes *notes = xinzhi_window_get_notes (window);
  XinzhiNoteEditor *editor = show_quote_editor (window);
  GtkWidget *text_view = xinzhi_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkWidget *warning = xinzhi_test_find_with_css_class (GTK_WIDGET (editor), "warning");
  const char *id = first_quote_id (window);
  g_autofree char *almost = g_strnfill (XINZHI_NOTES_MAX_NOTE_LENGTH - 1, 'x');
  g_autofree char *full = g_strconcat (almost, "y", NULL);

  gtk_text_buffer_set_text (buffer, "", -1);
  g_assert_true (gtk_widget_grab_focus (text_view));
  gtk_text_buffer_insert_at_cursor (buffer, almost, -1);
  g_assert_cmpstr (xinzhi_notes_get_note (notes, "quote", id), ==, almost);
  g_assert_false (gtk_widget_is_visible (warning));

  /* Two more characters: refused whole, not cut to one. */
  gtk_text_buffer_insert_at_cursor (buffer, "新质", -1);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, XINZHI_NOTES_MAX_NOTE_LENGTH - 1);
  g_assert_cmpstr (xinzhi_notes_get_note (notes, "quote", id), ==, almost);
  g_assert_true (gtk_widget_is_visible (warning));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (warning)), ==,
                   "A note holds at most 10000 characters: the text was not added.");
  /* Scrolled to the message, under the long note, once the note is laid out. */
  xinzhi_test_run_for (1000);
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (warning, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - gtk_adjustment_get_page_size (adjustment) / 2);
  }
  xinzhi_test_run_for (500);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-notes-limit.png");

  /* One more is room enough; the message goes with the next edit. */
  gtk_text_buffer_insert_at_cursor (buffer, "y", -1);
  g_assert_cmpstr (xinzhi_notes_get_note (notes, "quote", id), ==, full);
  g_assert_false (gtk_widget_is_visible (warning));

  gtk_text_buffer_set_text (buffer, "Short again", -1);
  wait_until_saved ("quote", id, "Short again");
}

/* An alert that quotes a file shows its controls written out: a bidirectional control
 * in an imported id would turn the alert's words around. */
static void
test_alert_escaped (void)
{
  XinzhiWindow *window = get_window ();
  g_autoptr(GFile) bad = write_temp ("bidi-notes.json",
                                     "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [\n"
                                     "  {\"kind\": \"quote\", \"id\": \"\\u202eevil\", \"starred\": true},\n"
                                     "  {\"kind\": \"quote\", \"id\": \"\\u202eevil\", \"starred\": true}\n]}\n");
  AdwDialog *dialog;
  const char *body;

  xinzhi_window_import_notes (window, bad);
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, ": $.items[1]: the quote “\\u202Eevil” is already noted at $.items[0]"));
  g_assert_null (strstr (body, "\u202e"));
  close_dialog (dialog);
}

static void
wait_until_destroyed (GtkWindow **window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*window != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* Closes the window with notes that cannot be saved: an alert says why and offers to
 * export them; Cancel keeps the window, Export writes the notes where the person
 * chooses and then closes it, Discard closes it. */
static AdwAlertDialog *
close_and_wait_for_alert (XinzhiWindow *window)
{
  AdwDialog *dialog;

  gtk_window_close (GTK_WINDOW (window));
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Keep Your Notes?");
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "export"));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "discard"));
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "cancel"));
  g_assert_cmpstr (adw_alert_dialog_get_close_response (ADW_ALERT_DIALOG (dialog)), ==, "cancel");
  return ADW_ALERT_DIALOG (dialog);
}

static void
test_close_request (void)
{
  XinzhiWindow *window = get_window ();
  XinzhiNotes *notes = xinzhi_window_get_notes (window);
  g_autofree char *path = notes_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *moved = g_strconcat (dir, ".moved", NULL);
  g_autofree char *export_path = g_build_filename (data_home, "kept-on-close.json", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(XinzhiNotes) exported = NULL;
  XinzhiNoteEditor *editor = show_quote_editor (window);
  AdwAlertDialog *dialog;
  const char *body;

  /* Saved: the handler lets the window close, without a word. */
  g_assert_false (xinzhi_notes_get_dirty (notes));
  g_assert_false (xinzhi_window_notes_close_request (window));

  g_assert_cmpint (g_rename (dir, moved), ==, 0);
  g_assert_true (g_file_set_contents (dir, "", 0, NULL));
  edit (editor, " — kept on closing", FALSE);
  wait_for_save_problem (editor);

  dialog = close_and_wait_for_alert (window);
  body = adw_alert_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, dir));
  g_assert_nonnull (strstr (body, "If you close Xinzhi now, they are lost."));
  /* libadwaita 1.7 leaks a render node of a window pictured while an alert shows (none
   * of Xinzhi's): under LeakSanitizer the pictures are left to the other runs. */
  if (!XINZHI_TEST_UNDER_ASAN)
    save_screenshots (window, "screenshot-notes-close");
  g_signal_emit_by_name (dialog, "response", "cancel");
  close_dialog (ADW_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (get_window () == window);

  /* Export: the notes are written where the person chooses; then the window closes.
   * (What the file chooser gives is handed over here: GTK's own chooser, which shows
   * without a portal, now and then trips over itself under Xvfb.) */
  dialog = close_and_wait_for_alert (window);
  g_signal_emit_by_name (dialog, "response", "cancel");
  close_dialog (ADW_DIALOG (dialog));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (data_home);
    AdwDialog *alert;

    /* Not written (a folder is no file): the window stays. */
    xinzhi_window_export_notes_and_close (window, folder);
    alert = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, "Could Not Export Notes");
    close_dialog (alert);
    g_assert_nonnull (window);
  }
  xinzhi_window_export_notes_and_close (window, export_file);
  wait_until_destroyed ((GtkWindow **) &window);
  exported = xinzhi_notes_new_from_import (export_file, NULL, NULL);
  g_assert_nonnull (exported);
  g_assert_cmpstr (xinzhi_notes_get_note (exported, "quote", first_quote_id_in (xinzhi_application_get_corpus (app))), ==,
                   xinzhi_notes_get_note (notes, "quote", first_quote_id_in (xinzhi_application_get_corpus (app))));

  /* Discard: the window closes, the notes stay unsaved. */
  g_application_activate (G_APPLICATION (app));
  window = get_window ();
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));
  dialog = close_and_wait_for_alert (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_signal_emit_by_name (dialog, "response", "discard");
  wait_until_destroyed ((GtkWindow **) &window);
  g_assert_true (xinzhi_notes_get_dirty (notes));

  g_assert_cmpint (g_remove (dir), ==, 0);
  g_assert_cmpint (g_rename (moved, dir), ==, 0);
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
  g_test_add_func ("/notes-ui/newer-version", test_newer_version);
  g_test_add_func ("/notes-ui/note-limit", test_note_limit);
  g_test_add_func ("/notes-ui/alert-escaped", test_alert_escaped);
  /* Last: it closes the window. */
  g_test_add_func ("/notes-ui/close-request", test_close_request);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

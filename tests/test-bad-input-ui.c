/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "xinzhi-model-private.h"
#include "xinzhi-window.h"
#include "xinzhi-test-ui.h"

/* Bad input in the window.  A corpus that cannot be opened (a folder, a 100 MB file)
 * gets an alert naming the file, and the window keeps the corpus it had; an address
 * that is not a web address is never opened.  Corpus text
 * is shown literally and safely: tests/data/hostile-text.json puts Pango
 * markup, control characters, right-to-left overrides and marks, and zero-width
 * characters into titles, names, paragraphs, quotes and events.  Each view must show
 * them as the very characters of the corpus: the widgets' text is read back and
 * compared, and no label parses it as markup (the laid-out text is the text itself).
 * Screenshots of each view are saved into the build folder. */

static AdwApplication *app;

static const char *markup = "<span foreground=\"red\" size=\"xx-large\">big</span> <b>bold</b> &amp; &lt;i&gt;";
static const char *override = "\u202e" "evil-override\u202c";

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A label on screen shows exactly @text, not parsed as markup. */
static void
assert_shown (GtkWidget  *widget,
              const char *what,
              const char *text)
{
  GtkLabel *label = GTK_LABEL (xinzhi_test_find_matching (widget, shows_text, text));

  if (label == NULL)
    {
      g_test_fail_printf ("%s: no label on screen shows “%s” literally", what, text);
      return;
    }
  g_assert_false (gtk_label_get_use_markup (label));
  /* What Pango lays out is the text itself: no tag was taken as markup. */
  g_assert_cmpstr (pango_layout_get_text (gtk_label_get_layout (label)), ==, text);
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
test_hostile_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hostile-text.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiDocument) document = NULL;
  g_autoptr(XinzhiQuote) quote = NULL;
  g_autoptr(XinzhiEvent) event = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *buffer_text = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  XinzhiWindow *window;
  XinzhiReader *reader;
  GtkWidget *text_view;
  const char *name;

  corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  document = g_list_model_get_item (xinzhi_corpus_get_documents (corpus), 0);
  quote = g_list_model_get_item (xinzhi_corpus_get_quotes (corpus), 0);
  event = g_list_model_get_item (xinzhi_corpus_get_events (corpus), 0);

  /* The corpus holds what the test is about. */
  g_assert_nonnull (strstr (xinzhi_document_get_title (document), markup));
  g_assert_nonnull (strstr (xinzhi_document_get_title (document), override));
  g_assert_nonnull (strstr (xinzhi_document_get_title (document), "\a"));
  g_assert_nonnull (strstr (xinzhi_quote_get_text (quote), "\u200b"));

  window = xinzhi_test_present_window (app, corpus, 1000, 700);

  /* Only the web address is ever offered to open. */
  g_assert_cmpstr (xinzhi_document_get_url (document), ==, "https://example.org/a");

  /* The title bar. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, xinzhi_corpus_get_title (corpus));

  /* Articles: the list row and the reader, headline and text. */
  xinzhi_test_show_view (window, "articles");
  xinzhi_articles_page_select_document (xinzhi_window_get_articles_page (window), document);
  xinzhi_test_run_for (300);
  reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  assert_shown (GTK_WIDGET (xinzhi_window_get_articles_page (window)), "article headline",
                xinzhi_document_get_title (document));
  text_view = xinzhi_test_find_with_css_class (GTK_WIDGET (reader), "article-text");
  g_assert_nonnull (text_view);
  for (guint i = 0; i < xinzhi_document_get_n_paragraphs (document); i++)
    g_string_append_printf (expected, "%s%s", i ? "\n" : "",
                            xinzhi_document_get_paragraph (document, i)->text);
  buffer_text = dup_buffer_text (GTK_TEXT_VIEW (text_view));
  g_assert_cmpstr (buffer_text, ==, expected->str);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-hostile-article.png");

  /* Quotes: the list row and the viewer. */
  xinzhi_test_show_view (window, "quotes");
  xinzhi_quotes_page_select_quote (xinzhi_window_get_quotes_page (window), quote);
  xinzhi_test_run_for (300);
  quoted = g_strdup_printf ("“%s”", xinzhi_quote_get_text (quote));
  name = xinzhi_person_get_name (xinzhi_quote_get_person (quote));
  /* Twice: in the row and in the viewer. */
  assert_shown (GTK_WIDGET (xinzhi_window_get_quotes_page (window)), "quote", quoted);
  assert_shown (GTK_WIDGET (xinzhi_window_get_quotes_page (window)), "speaker", name);
  assert_shown (GTK_WIDGET (xinzhi_window_get_quotes_page (window)), "quote's paragraph",
                xinzhi_document_get_paragraph (document, xinzhi_quote_get_paragraph (quote))->text);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-hostile-quotes.png");

  /* The timeline's details. */
  xinzhi_test_show_view (window, "timeline");
  xinzhi_timeline_page_select_event (xinzhi_window_get_timeline_page (window), event);
  xinzhi_test_run_for (300);
  assert_shown (GTK_WIDGET (xinzhi_window_get_timeline_page (window)), "event title",
                xinzhi_event_get_title (event));
  assert_shown (GTK_WIDGET (xinzhi_window_get_timeline_page (window)), "event summary",
                xinzhi_event_get_summary (event));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-hostile-timeline.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opens @file in a window showing the built-in corpus: an alert names the file and the
 * problem, and the built-in corpus stays. */
static void
assert_refused (GFile      *file,
                const char *problem,
                const char *screenshot)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *expected = g_strdup_printf ("%s: %s", name, problem);
  XinzhiWindow *window;
  AdwDialog *dialog;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  window = xinzhi_test_present_window (app, corpus, 900, 600);

  xinzhi_window_open_file (window, file);
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==, expected);
  g_assert_true (xinzhi_window_get_corpus (window) == corpus);
  if (screenshot != NULL)
    {
      xinzhi_test_run_for (700);
      xinzhi_test_save_screenshot (GTK_WIDGET (window), screenshot);
    }
  adw_dialog_force_close (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_not_a_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-bad-input-XXXXXX", &error);
  g_autofree char *huge_path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) huge = g_file_new_for_path (huge_path);
  int fd;

  g_assert_no_error (error);
  assert_refused (folder, "is a folder, not a corpus file", NULL);

  /* Sparse: 100 MB on paper, nothing on disk. */
  fd = g_open (huge_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 100 * 1000 * 1000), ==, 0);
  close (fd);
  assert_refused (huge, "the file is 96 MiB; files larger than 64 MiB are not read",
                  "screenshot-open-huge.png");

  g_remove (huge_path);
  g_rmdir (dir);
}

/* The loader takes only web addresses; should another ever reach the reader, it still
 * refuses to open it, with a message.  The address is changed behind the loader's back
 * to check that second line of defence. */
static void
test_open_original_refused (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(XinzhiDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiWindow *window;
  XinzhiReader *reader;
  AdwDialog *dialog;

  corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  document = g_list_model_get_item (xinzhi_corpus_get_documents (corpus), 0);
  g_free (document->url);
  document->url = g_strdup ("file:///etc/passwd");

  window = xinzhi_test_present_window (app, corpus, 900, 600);
  xinzhi_test_show_view (window, "articles");
  xinzhi_articles_page_select_document (xinzhi_window_get_articles_page (window), document);
  reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  g_assert_true (xinzhi_reader_get_document (reader) == document);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.open-original", NULL));
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Open the Original");
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==,
                   "Only web addresses are opened, and “file:///etc/passwd” is not one.");
  xinzhi_test_run_for (700);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-open-original-refused.png");
  adw_dialog_force_close (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A corpus whose problems quote a bidirectional control (in a member's name, in the
 * file's name), and an address with one: the alerts show it written out, so it cannot
 * turn the alert's words around. */
static void
test_alerts_escaped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-bad-input-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bad\u202e.json", NULL);
  g_autofree char *minimal_path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *minimal = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) minimal_file = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(XinzhiDocument) document = NULL;
  XinzhiWindow *window;
  AdwDialog *dialog;
  const char *body;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (minimal_path, &minimal, NULL, NULL));
  g_assert_true (g_str_has_prefix (minimal, "{"));
  /* Closed, so that the name passes the rules of names and is named as unknown. */
  bad = g_strconcat ("{\"\\u202eevil\\u202c\": 1,", minimal + 1, NULL);
  g_assert_true (g_file_set_contents (path, bad, -1, NULL));
  file = g_file_new_for_path (path);

  minimal_file = g_file_new_for_path (minimal_path);
  corpus = xinzhi_corpus_new_from_file (minimal_file, NULL, &error);
  g_assert_no_error (error);
  window = xinzhi_test_present_window (app, corpus, 900, 600);
  xinzhi_window_open_file (window, file);
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
  g_test_message ("%s", body);
  expected = g_strdup_printf ("%s/bad\\u202E.json: $.\\u202Eevil\\u202C: unknown member “\\u202Eevil\\u202C”", dir);
  g_assert_cmpstr (body, ==, expected);
  xinzhi_test_run_for (700);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-alert-escaped.png");
  adw_dialog_force_close (dialog);

  /* The reader's alert, about an address that is not a web address. */
  document = g_list_model_get_item (xinzhi_corpus_get_documents (corpus), 0);
  g_free (document->url);
  document->url = g_strdup ("file:///\u202eetc");
  xinzhi_test_show_view (window, "articles");
  xinzhi_articles_page_select_document (xinzhi_window_get_articles_page (window), document);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window))),
                                             "reader.open-original", NULL));
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==,
                   "Only web addresses are opened, and “file:///\\u202Eetc” is not one.");
  adw_dialog_force_close (dialog);
  gtk_window_destroy (GTK_WINDOW (window));

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  app = adw_application_new ("io.github.xinzhi.Xinzhi.Test", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/bad-input-ui/literal-text", test_hostile_text);
  g_test_add_func ("/bad-input-ui/open-not-a-corpus", test_open_not_a_corpus);
  g_test_add_func ("/bad-input-ui/open-original-refused", test_open_original_refused);
  g_test_add_func ("/bad-input-ui/alerts-escaped", test_alerts_escaped);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

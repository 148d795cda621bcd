/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding articles in the window (xinzhi_window_import_files(), what the main menu's
 * “Add Articles…” and a drop of article files call): with the built-in corpus shown,
 * two articles go into a new corpus in the app's data folder (here a temporary
 * XDG_DATA_HOME), which the window then shows, with a toast, and whose quotes the
 * Quotes view lists; more articles, dropped on the window, go into that file; a file
 * that gives nothing is named in an alert; Cancel writes nothing; text and a web page
 * pasted from the clipboard are added as files would be.  Saves screenshot-import.png and
 * screenshot-import-dark.png into the build folder. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xinzhi-extraction.h"
#include "xinzhi-import.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-window.h"

static AdwApplication *app;
static char *data_home;

static GFile *
extract_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "extract", name, NULL);

  return g_file_new_for_path (path);
}

static char *
corpora_path (const char *name)
{
  return g_build_filename (data_home, "xinzhi", "corpora", name, NULL);
}

static gboolean
has_label_prefix (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

/* The number of quotes the Quotes view lists from the document @id; @first, when not
 * %NULL, is given the first of them (or %NULL). */
static guint
count_listed_quotes (XinzhiWindow  *window,
                     const char    *id,
                     XinzhiQuote  **first)
{
  GListModel *shown = xinzhi_quotes_page_get_quotes (xinzhi_window_get_quotes_page (window));
  guint n = 0;

  if (first != NULL)
    *first = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (shown, i);

      if (!g_str_equal (xinzhi_document_get_id (xinzhi_quote_get_document (quote)), id))
        continue;
      if (first != NULL && n == 0)
        *first = quote;
      n++;
    }
  return n;
}

/* Drops @files on @window, as a file manager does. */
static void
drop_files (XinzhiWindow  *window,
            GFile        **files,
            guint          n_files)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, n_files));
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
}

static void
test_import_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (&error);
  g_autofree char *path = corpora_path ("My Corpus.json");
  g_autofree char *second = corpora_path ("My Corpus 2.json");
  g_autofree char *empty_path = g_build_filename (data_home, "empty.txt", NULL);
  g_autoptr(GFile) empty = g_file_new_for_path (empty_path);
  GFile *files[2];
  GFile *more[2];
  XinzhiWindow *window;
  XinzhiCorpus *corpus;
  XinzhiQuote *quote;
  AdwStyleManager *style = adw_style_manager_get_default ();
  AdwDialog *dialog;
  guint n_builtin;

  g_assert_no_error (error);
  n_builtin = g_list_model_get_n_items (xinzhi_corpus_get_documents (builtin));
  files[0] = extract_data ("quotes-en.txt");
  files[1] = extract_data ("quotes-zh.txt");

  window = xinzhi_window_new (app, builtin, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));
  g_assert_null (xinzhi_window_get_corpus_file (window));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (xinzhi_test_find_descendant (GTK_WIDGET (window),
                                                                                   ADW_TYPE_VIEW_STACK)),
                                         "quotes");

  /* The built-in corpus is read-only: a new corpus, a copy of it with the articles. */
  xinzhi_window_import_files (window, files, 2);
  xinzhi_test_wait_for_corpus_file (window, builtin);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *shown = g_file_get_path (xinzhi_window_get_corpus_file (window));

    g_assert_cmpstr (shown, ==, path);
  }
  corpus = xinzhi_window_get_corpus (window);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)), ==, n_builtin + 2);
  g_assert_nonnull (xinzhi_corpus_lookup_document (corpus, "quotes-en"));
  g_assert_cmpuint (count_listed_quotes (window, "quotes-zh", NULL), >, 0);
  g_assert_cmpuint (count_listed_quotes (window, "quotes-en", &quote), >, 0);
  xinzhi_quotes_page_select_quote (xinzhi_window_get_quotes_page (window), quote);

  xinzhi_test_run_for (300);
  /* quotes-en.txt's "He said …" after two people has no speaker: the toast says it was
   * left out. */
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), has_label_prefix,
                                               "Added 2 articles; 1 quote with no speaker was left out"));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-import.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  xinzhi_test_run_for (100);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-import-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* More articles, dropped, go into the file shown; the one that gives nothing is
   * named. */
  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
  more[0] = g_object_ref (empty);
  more[1] = extract_data ("agency-dateline.txt");
  {
    g_autoptr(XinzhiCorpus) before = g_object_ref (xinzhi_window_get_corpus (window));

    /* Dropped on the window, as a file manager offers files. */
    drop_files (window, more, 2);
    dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "1 File Was Not Added");
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "empty.txt"));
    g_assert_false (adw_alert_dialog_get_body_use_markup (ADW_ALERT_DIALOG (dialog)));
    adw_dialog_force_close (dialog);
    /* The good article was added all the same, to the same file, which is opened again. */
    xinzhi_test_wait_for_corpus_file (window, before);
  }
  corpus = xinzhi_window_get_corpus (window);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)), ==, n_builtin + 3);
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  for (guint i = 0; i < 2; i++)
    {
      g_object_unref (files[i]);
      g_object_unref (more[i]);
    }
  g_assert_no_errno (g_remove (empty_path));
}

/* Cancel, before the articles are written: nothing is. */
static void
test_import_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (&error);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folder = corpora_path (NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_corpora = 0;
  XinzhiWindow *window;

  g_assert_no_error (error);
  /* Enough files that the extraction is still under way when Cancel comes. */
  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (files, extract_data (i % 2 == 0 ? "page-en.html" : "quotes-en.txt"));

  window = xinzhi_window_new (app, builtin, NULL);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));

  xinzhi_window_import_files (window, (GFile **) files->pdata, files->len);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  xinzhi_test_run_for (1000);

  /* The built-in corpus is shown still, with no dialog, and no new corpus was made. */
  g_assert_true (xinzhi_window_get_corpus (window) == builtin);
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "My Corpus.json");
      n_corpora++;
    }
  g_assert_cmpuint (n_corpora, <=, 1);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

/* The one document @after has that @before has not. */
static XinzhiDocument *
find_new_document (XinzhiCorpus *before,
                   XinzhiCorpus *after)
{
  GListModel *documents = xinzhi_corpus_get_documents (after);
  XinzhiDocument *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);

      if (xinzhi_corpus_lookup_document (before, xinzhi_document_get_id (document)) == NULL)
        {
          g_assert_null (found);
          found = document;
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* How many quotes the import writes for @extraction into the built-in corpus: as
 * `xinzhi --import` would. */
static guint
n_quotes_imported (XinzhiCorpus     *builtin,
                   XinzhiExtraction *extraction)
{
  g_autoptr(GBytes) json = g_resources_lookup_data (RESOURCE_BASE "/corpus/xinzhi-corpus.json",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = NULL;
  guint n;

  g_assert_nonnull (json);
  merged = xinzhi_import_merge (g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                                &extraction, 1, builtin, &items, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  n = g_array_index (items, XinzhiImportItem, 0).n_quotes;
  return n;
}

/* Pastes what @clipboard holds into @window, and returns the document it added. */
static XinzhiDocument *
paste_article (XinzhiWindow *window)
{
  g_autoptr(XinzhiCorpus) before = g_object_ref (xinzhi_window_get_corpus (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-articles", NULL));
  xinzhi_test_wait_for_corpus_file (window, before);
  return find_new_document (before, xinzhi_window_get_corpus (window));
}

/* Whether the folder of temporary files holds anything a paste left. */
static gboolean
paste_left_files (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "xinzhi-paste-"))
      return TRUE;
  return FALSE;
}

/* Text on the clipboard is added as a text file would be, and a web page's HTML as a
 * web page; an empty clipboard says so, and one that holds more than an article file
 * may is refused; the files written for the import are gone after it. */
static void
test_import_paste (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (&error);
  g_autofree char *text_path = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes-en.txt", NULL);
  g_autofree char *html_path = g_test_build_filename (G_TEST_DIST, "data", "extract", "page-en.html", NULL);
  g_autofree char *text = NULL;
  g_autofree char *html = NULL;
  g_autofree char *corpus_path = NULL;
  g_autoptr(XinzhiExtraction) text_extraction = NULL;
  g_autoptr(XinzhiExtraction) html_extraction = NULL;
  g_autoptr(GBytes) html_bytes = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkClipboard *clipboard;
  XinzhiWindow *window;
  XinzhiDocument *document;
  gsize text_length, html_length;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (text_path, &text, &text_length, NULL));
  g_assert_true (g_file_get_contents (html_path, &html, &html_length, NULL));
  text_extraction = xinzhi_extraction_new_from_data ("pasted-article.txt", text, text_length, FALSE, &error);
  g_assert_no_error (error);
  html_extraction = xinzhi_extraction_new_from_html ("pasted-article.html", html, html_length, &error);
  g_assert_no_error (error);

  window = xinzhi_window_new (app, builtin, NULL);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));

  /* Nothing on the clipboard: a toast, no import. */
  gdk_clipboard_set_content (clipboard, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-articles", NULL));
  xinzhi_test_run_for (300);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), has_label_prefix,
                                               "The clipboard holds no text or web page to add"));
  g_assert_true (xinzhi_window_get_corpus (window) == builtin);

  /* Text: the article, with the quotes the extractor finds in that text. */
  gdk_clipboard_set_text (clipboard, text);
  document = paste_article (window);
  g_test_message ("pasted text: “%s”, %u quotes found, %u imported", xinzhi_document_get_title (document),
                  xinzhi_extraction_get_n_quotes (text_extraction),
                  n_quotes_imported (builtin, text_extraction));
  g_assert_cmpstr (xinzhi_document_get_title (document), ==, xinzhi_extraction_get_title (text_extraction));
  g_assert_cmpuint (count_listed_quotes (window, xinzhi_document_get_id (document), NULL), ==,
                    n_quotes_imported (builtin, text_extraction));
  g_assert_false (paste_left_files ());

  /* A web page's HTML, as a browser puts a copied page: read as a page, not as text. */
  html_bytes = g_bytes_new (html, html_length);
  provider = gdk_content_provider_new_for_bytes ("text/html", html_bytes);
  gdk_clipboard_set_content (clipboard, provider);
  document = paste_article (window);
  g_test_message ("pasted HTML: “%s”", xinzhi_document_get_title (document));
  g_assert_cmpstr (xinzhi_document_get_title (document), ==, xinzhi_extraction_get_title (html_extraction));
  g_assert_cmpstr (xinzhi_document_get_outlet (document), ==,
                   xinzhi_extraction_get_outlet (html_extraction, NULL, NULL));
  g_assert_false (paste_left_files ());

  /* More than an article may hold: refused with the limit, read no further than it,
   * and nothing is added. */
  {
    g_autoptr(XinzhiCorpus) before = g_object_ref (xinzhi_window_get_corpus (window));
    g_autoptr(GBytes) huge = g_bytes_new_take (g_malloc0 (XINZHI_EXTRACT_MAX_SIZE + 1), XINZHI_EXTRACT_MAX_SIZE + 1);
    g_autoptr(GdkContentProvider) huge_provider = gdk_content_provider_new_for_bytes ("text/html", huge);
    AdwDialog *alert;

    gdk_clipboard_set_content (clipboard, huge_provider);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-articles", NULL));
    alert = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, "Could Not Paste Articles");
    g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), ==,
                     "The clipboard holds more than an article may (67.1\u00a0MB)");
    adw_dialog_force_close (alert);
    g_assert_true (xinzhi_window_get_corpus (window) == before);
    g_assert_false (paste_left_files ());
  }

  corpus_path = g_file_get_path (xinzhi_window_get_corpus_file (window));
  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (corpus_path));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *corpus_path = NULL;
  int status;

  /* Before anything asks GLib for the data folder. */
  data_home = g_dir_make_tmp ("xinzhi-import-ui-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* A folder of temporary files of its own, to see that a paste leaves none. */
  g_setenv ("TMPDIR", data_home, TRUE);

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);
  app = xinzhi_test_new_application ();

  g_test_add_func ("/import-ui/builtin", test_import_builtin);
  g_test_add_func ("/import-ui/cancel", test_import_cancel);
  g_test_add_func ("/import-ui/paste", test_import_paste);

  status = g_test_run ();

  corpus_path = corpora_path ("My Corpus.json");
  g_remove (corpus_path);
  {
    g_autofree char *folder = corpora_path (NULL);
    g_autofree char *xinzhi = g_build_filename (data_home, "xinzhi", NULL);

    g_rmdir (folder);
    g_rmdir (xinzhi);
    g_rmdir (data_home);
  }
  g_clear_object (&app);
  g_free (data_home);
  return status;
}

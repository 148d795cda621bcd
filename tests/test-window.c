/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "xinzhi-view.h"
#include "xinzhi-window.h"
#include "xinzhi-test-ui.h"

/* The main window with the built-in corpus, under a display: the Articles view shows the
 * selected article, highlights its sector mentions, keeps corpus text literal, follows
 * the dark style and collapses on narrow windows.  Screenshots of each state are saved
 * into the build folder (or $XINZHI_SCREENSHOT_DIR) for a person to look at. */

static AdwApplication *app;

static GtkTextView *
get_text_view (XinzhiWindow *window)
{
  XinzhiReader *reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  GtkWidget *text_view = xinzhi_test_find_descendant (GTK_WIDGET (reader), GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (text_view);
  return GTK_TEXT_VIEW (text_view);
}

static char *
dup_buffer_text (XinzhiWindow *window)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_text_view (window));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static XinzhiWindow *
create_window (XinzhiCorpus *corpus,
               int           width,
               int           height)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  XinzhiWindow *window;

  /* The settings as the application has them, in memory (GSETTINGS_BACKEND). */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.xinzhi.Xinzhi", TRUE);
  if (schema != NULL)
    settings = g_settings_new_full (schema, NULL, NULL);

  window = xinzhi_window_new (app, corpus, settings);
  /* The development profile's striped header needs an SVG image loader, which a test
   * environment may lack; the screenshots show the release look. */
  gtk_widget_remove_css_class (GTK_WIDGET (window), "devel");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));

  return window;
}

/* Destroys @window and checks that nothing keeps it alive. */
static void
destroy_window (XinzhiWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));

  while (window != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* The first mention of a sector in @document, if any; the document keeps it alive. */
static XinzhiMention *
find_sector_mention (XinzhiDocument *document)
{
  GListModel *mentions = xinzhi_document_get_mentions (document);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);

      if (xinzhi_mention_get_sector (mention) != NULL)
        return mention;
    }

  return NULL;
}

/* The character offset in @buffer_text where @paragraph of @document begins. */
static int
paragraph_offset (const char     *buffer_text,
                  XinzhiDocument *document,
                  guint           paragraph)
{
  const char *from = buffer_text;
  const char *found = NULL;

  /* Paragraphs are in order, so search each one after the one before. */
  for (guint i = 0; i <= paragraph; i++)
    {
      found = strstr (from, xinzhi_document_get_paragraph (document, i)->text);
      g_assert_nonnull (found);
      from = found + strlen (xinzhi_document_get_paragraph (document, i)->text);
    }

  return (int) g_utf8_pointer_to_offset (buffer_text, found);
}

static void
test_window_articles (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiWindow *window;
  XinzhiArticlesPage *page;
  XinzhiReader *reader;
  GListModel *documents;
  g_autoptr(XinzhiDocument) second = NULL;
  XinzhiDocument *with_mention = NULL;
  const XinzhiParagraph *body = NULL;
  g_autofree char *text = NULL;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  documents = xinzhi_corpus_get_documents (corpus);
  g_assert_cmpuint (g_list_model_get_n_items (documents), >=, 2);

  window = create_window (corpus, 1100, 760);
  page = xinzhi_window_get_articles_page (window);
  reader = xinzhi_articles_page_get_reader (page);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   xinzhi_corpus_get_title (corpus));
  g_assert_false (xinzhi_view_get_collapsed (XINZHI_VIEW (page)));
  /* The newest article is shown from the start. */
  g_assert_nonnull (xinzhi_reader_get_document (reader));

  second = g_list_model_get_item (documents, 1);
  xinzhi_articles_page_select_document (page, second);
  xinzhi_test_run_for (300);
  g_assert_true (xinzhi_reader_get_document (reader) == second);
  g_assert_true (xinzhi_articles_page_get_selected_document (page) == second);

  text = dup_buffer_text (window);
  for (guint i = 0; i < xinzhi_document_get_n_paragraphs (second) && body == NULL; i++)
    if (xinzhi_document_get_paragraph (second, i)->kind == XINZHI_PARAGRAPH_BODY)
      body = xinzhi_document_get_paragraph (second, i);
  g_assert_nonnull (body);
  g_assert_nonnull (strstr (text, body->text));

  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-articles.png");

  /* A sector mention is highlighted exactly over its words. */
  for (guint i = 0; i < g_list_model_get_n_items (documents) && with_mention == NULL; i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);

      if (find_sector_mention (document) != NULL)
        with_mention = document;
    }
  g_assert_nonnull (with_mention);

  xinzhi_articles_page_select_document (page, with_mention);
  xinzhi_test_run_for (200);
  {
    XinzhiMention *mention = find_sector_mention (with_mention);
    guint index = xinzhi_mention_get_paragraph (mention);
    const char *paragraph = xinzhi_document_get_paragraph (with_mention, index)->text;
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (get_text_view (window));
    GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "sector");
    g_autofree char *all = dup_buffer_text (window);
    int start = paragraph_offset (all, with_mention, index);
    GtkTextIter iter;

    g_assert_nonnull (tag);
    const char *words = paragraph + xinzhi_mention_get_start (mention);
    gsize n_bytes = xinzhi_mention_get_end (mention) - xinzhi_mention_get_start (mention);

    start += (int) g_utf8_pointer_to_offset (paragraph, words);

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
    g_assert_true (gtk_text_iter_has_tag (&iter, tag));

    /* …and up to its last character. */
    gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                        start - 1 + (int) g_utf8_strlen (words, n_bytes));
    g_assert_true (gtk_text_iter_has_tag (&iter, tag));
  }

  destroy_window (window);
}

static void
test_window_scroll (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiWindow *window;
  XinzhiReader *reader;
  XinzhiDocument *document;
  GtkWidget *scrolled_window;
  GtkAdjustment *adjustment;
  guint n_paragraphs;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);

  window = create_window (corpus, 1000, 500);
  reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  document = xinzhi_reader_get_document (reader);
  g_assert_nonnull (document);
  n_paragraphs = xinzhi_document_get_n_paragraphs (document);

  scrolled_window = gtk_widget_get_ancestor (GTK_WIDGET (get_text_view (window)),
                                             GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled_window));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* Showing the last paragraph scrolls down to it. */
  xinzhi_reader_show_paragraph (reader, n_paragraphs - 1);
  xinzhi_test_run_for (400);
  if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment))
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-articles-paragraph.png");
  destroy_window (window);
}

static void
test_window_dark (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkRGBA) light = NULL;
  g_autoptr(GdkRGBA) dark = NULL;
  XinzhiWindow *window;
  GtkTextBuffer *buffer;
  GtkTextTag *tag;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);

  window = create_window (corpus, 1100, 760);
  buffer = gtk_text_view_get_buffer (get_text_view (window));
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "sector");
  g_object_get (tag, "background-rgba", &light, NULL);

  /* The highlights follow the style: a stronger tint on a dark background. */
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  xinzhi_test_run_for (400);
  g_object_get (tag, "background-rgba", &dark, NULL);
  g_assert_cmpfloat (dark->alpha, >, light->alpha);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-articles-dark.png");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  xinzhi_test_run_for (100);
  destroy_window (window);
}

static void
test_window_narrow (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiWindow *window;
  XinzhiArticlesPage *page;
  g_autoptr(XinzhiDocument) document = NULL;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);

  window = create_window (corpus, 360, 720);
  page = xinzhi_window_get_articles_page (window);

  /* Narrow, the list comes first; choosing an article opens it alone. */
  g_assert_true (xinzhi_view_get_collapsed (XINZHI_VIEW (page)));
  g_assert_false (xinzhi_view_get_content_only (XINZHI_VIEW (page)));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-articles-narrow.png");

  document = g_list_model_get_item (xinzhi_corpus_get_documents (corpus), 0);
  xinzhi_articles_page_select_document (page, document);
  xinzhi_test_run_for (600);
  g_assert_true (xinzhi_view_get_content_only (XINZHI_VIEW (page)));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-articles-narrow-reader.png");

  destroy_window (window);
}

/* Opening a file that is not a valid corpus keeps the current corpus and says what is
 * wrong and where; opening a valid one replaces it. */
static void
test_window_open_file (void)
{
  static const char json[] =
    "{ \"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"Tiny corpus\",\n"
    "  \"groups\": [], \"people\": [], \"sectors\": [], \"events\": [], \"quotes\": [],\n"
    "  \"documents\": [ { \"id\": \"tiny\", \"title\": \"Tiny\", \"date\": \"2024\",\n"
    "    \"date_estimated\": true, \"date_note\": \"A test.\",\n"
    "    \"paragraphs\": [ { \"text\": \"Tiny text.\" } ] } ] }\n";
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) bad = NULL;
  g_autoptr(GFile) good = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  AdwDialog *dialog;
  XinzhiWindow *window;
  gint64 deadline;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  window = create_window (corpus, 900, 600);

  bad = g_file_new_for_path (g_test_get_filename (G_TEST_DIST,
                                                  "data", "bad", "sector-not-in-text.json", NULL));
  xinzhi_window_open_file (window, bad);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)))
         == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)),
                            "sector-not-in-text.json"));
  g_assert_true (xinzhi_window_get_corpus (window) == corpus);
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-open-error.png");
  adw_dialog_force_close (dialog);

  good = g_file_new_tmp ("xinzhi-XXXXXX.json", &stream, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (stream)),
                             json, sizeof json - 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  xinzhi_window_open_file (window, good);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (xinzhi_window_get_corpus (window) == corpus)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (xinzhi_corpus_get_title (xinzhi_window_get_corpus (window)), ==, "Tiny corpus");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Tiny corpus");
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-open-toast.png");

  g_file_delete (good, NULL, NULL);
  destroy_window (window);
}

/* Corpus text is shown as written: markup in it is never interpreted. */
static void
test_window_literal_text (void)
{
  static const char json[] =
    "{\n"
    "  \"format\": \"xinzhi-corpus\",\n"
    "  \"version\": 1,\n"
    "  \"title\": \"<span>Markup</span> & corpus\",\n"
    "  \"groups\": [],\n"
    "  \"documents\": [\n"
    "    {\n"
    "      \"id\": \"markup\",\n"
    "      \"title\": \"<i>Headline</i> &amp; more\",\n"
    "      \"date\": \"2024-03\",\n"
    "      \"date_estimated\": true,\n"
    "      \"date_note\": \"<b>Estimated</b> from the text\",\n"
    "      \"paragraphs\": [ { \"text\": \"<b>bold?</b> &amp; more\" } ]\n"
    "    }\n"
    "  ],\n"
    "  \"people\": [],\n"
    "  \"sectors\": [],\n"
    "  \"events\": [],\n"
    "  \"quotes\": []\n"
    "}\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  XinzhiWindow *window;
  XinzhiReader *reader;
  GtkWidget *title;

  corpus = xinzhi_corpus_new_from_bytes (bytes, "markup.json", &error);
  g_assert_no_error (error);

  window = create_window (corpus, 900, 600);
  reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  g_assert_nonnull (xinzhi_reader_get_document (reader));

  text = dup_buffer_text (window);
  g_assert_cmpstr (text, ==, "<b>bold?</b> &amp; more");

  title = xinzhi_test_find_with_css_class (GTK_WIDGET (reader), "article-title");
  g_assert_nonnull (title);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (title)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "<i>Headline</i> &amp; more");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "<span>Markup</span> & corpus");

  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-literal.png");
  destroy_window (window);
}

static int
compare_event_dates (XinzhiEvent *a,
                     XinzhiEvent *b,
                     gpointer     user_data)
{
  guint32 first_a = xinzhi_date_first_day (xinzhi_event_get_start (a));
  guint32 first_b = xinzhi_date_first_day (xinzhi_event_get_start (b));
  guint32 last_a = xinzhi_date_last_day (xinzhi_event_get_end (a));
  guint32 last_b = xinzhi_date_last_day (xinzhi_event_get_end (b));

  /* As the timeline orders them: by the first day each may stand for, then the one
   * that ends first ("January 2024" before "2024"). */
  if (first_a != first_b)
    return first_a < first_b ? -1 : 1;
  if (last_a != last_b)
    return last_a < last_b ? -1 : 1;
  return g_strcmp0 (xinzhi_event_get_title (a), xinzhi_event_get_title (b));
}

/* The Timeline view: it opens first, Right walks the events in date order with the
 * details pane following, and a source opens the reader at its paragraph. */
static void
test_window_timeline (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) by_date = g_list_store_new (XINZHI_TYPE_EVENT);
  XinzhiWindow *window;
  XinzhiTimelinePage *page;
  XinzhiTimeline *timeline;
  GtkSelectionModel *selection;
  GListModel *events;
  GtkWidget *title_label;
  GtkWidget *sources_list;
  GtkListBoxRow *source_row;
  XinzhiDocument *document;
  guint paragraph;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  events = xinzhi_corpus_get_events (corpus);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, i);

      g_list_store_append (by_date, event);
    }
  g_list_store_sort (by_date, (GCompareDataFunc) compare_event_dates, NULL);

  window = create_window (corpus, 1280, 760);
  page = xinzhi_window_get_timeline_page (window);
  timeline = xinzhi_timeline_page_get_timeline (page);
  selection = xinzhi_timeline_page_get_selection (page);

  /* The Timeline is the view a person opens the app for. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  g_assert_null (xinzhi_timeline_get_selected (timeline));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-window-timeline.png");

  gtk_widget_grab_focus (GTK_WIDGET (timeline));
  title_label = xinzhi_test_find_with_css_class (GTK_WIDGET (page), "title-2");
  g_assert_nonnull (title_label);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(XinzhiEvent) expected = g_list_model_get_item (G_LIST_MODEL (by_date), i);
      g_autoptr(XinzhiEvent) selected = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.select-next", NULL));
      xinzhi_test_run_for (50);
      g_assert_true (xinzhi_timeline_get_selected (timeline) == expected);
      selected = g_list_model_get_item (G_LIST_MODEL (selection),
                                        gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)));
      g_assert_true (selected == expected);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title_label)), ==, xinzhi_event_get_title (expected));
    }
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-window-timeline-selected.png");

  /* The view exports as PNG and SVG. */
  {
    g_autofree char *png_path = g_test_build_filename (G_TEST_BUILT, "export-timeline.png", NULL);
    g_autofree char *svg_path = g_test_build_filename (G_TEST_BUILT, "export-timeline.svg", NULL);
    g_autoptr(GFile) png = g_file_new_for_path (png_path);
    g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
    g_autofree char *png_data = NULL, *svg_data = NULL;
    gsize png_length = 0;
    g_autoptr(GError) export_error = NULL;

    g_assert_true (xinzhi_timeline_page_export (page, png, &export_error));
    g_assert_no_error (export_error);
    g_assert_true (xinzhi_timeline_page_export (page, svg, &export_error));
    g_assert_no_error (export_error);
    g_assert_true (g_file_get_contents (png_path, &png_data, &png_length, NULL));
    g_assert_cmpuint (png_length, >, 1000);
    g_assert_cmpint (memcmp (png_data, "\x89PNG\r\n\x1a\n", 8), ==, 0);
    g_assert_true (g_file_get_contents (svg_path, &svg_data, NULL, NULL));
    g_assert_nonnull (strstr (svg_data, "<svg"));
    g_assert_nonnull (strstr (svg_data, "<path") ? strstr (svg_data, "<path") : strstr (svg_data, "<use"));
    g_test_message ("exported %s and %s", png_path, svg_path);
  }

  /* Activating a source opens its article at the paragraph. */
  sources_list = xinzhi_test_find_with_css_class (GTK_WIDGET (page), "boxed-list");
  while (sources_list && gtk_widget_get_next_sibling (sources_list))
    sources_list = gtk_widget_get_next_sibling (sources_list);
  g_assert_true (GTK_IS_LIST_BOX (sources_list));
  source_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sources_list), 0);
  g_assert_nonnull (source_row);
  document = xinzhi_event_get_source (xinzhi_timeline_get_selected (timeline), 0, &paragraph);
  g_signal_emit_by_name (source_row, "activate");
  xinzhi_test_run_for (300);
  g_assert_true (xinzhi_reader_get_document (xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window))) == document);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (xinzhi_window_get_articles_page (window))));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-window-timeline-source.png");

  destroy_window (window);
}

static gboolean
is_welcome_banner (GtkWidget     *widget,
                   gconstpointer  data)
{
  return ADW_IS_BANNER (widget) &&
         g_strcmp0 (adw_banner_get_button_label (ADW_BANNER (widget)), "_Dismiss") == 0;
}

/* The first window says what Xinzhi is and where to begin, until dismissed; a window
 * opened after that does not. */
static void
test_window_welcome (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (&error);
  XinzhiWindow *window;
  GtkWidget *banner;

  g_assert_no_error (error);
  window = create_window (corpus, 1000, 700);
  banner = xinzhi_test_find_matching (GTK_WIDGET (window), is_welcome_banner, NULL);
  g_assert_nonnull (banner);
  g_assert_true (adw_banner_get_revealed (ADW_BANNER (banner)));
  g_assert_nonnull (strstr (adw_banner_get_title (ADW_BANNER (banner)), "Xinzhi"));
  g_assert_nonnull (strstr (adw_banner_get_title (ADW_BANNER (banner)), "timeline"));
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-welcome.png");

  g_signal_emit_by_name (banner, "button-clicked");
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));
  destroy_window (window);

  window = create_window (corpus, 1000, 700);
  banner = xinzhi_test_find_matching (GTK_WIDGET (window), is_welcome_banner, NULL);
  g_assert_false (adw_banner_get_revealed (ADW_BANNER (banner)));
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  /* Registering runs the application's startup: GTK and libadwaita are initialised and
   * style.css is loaded from the resource base path, as in the real application. */
  app = adw_application_new ("io.github.xinzhi.Xinzhi.Test", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/articles", test_window_articles);
  g_test_add_func ("/window/scroll", test_window_scroll);
  g_test_add_func ("/window/dark", test_window_dark);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/open-file", test_window_open_file);
  g_test_add_func ("/window/literal-text", test_window_literal_text);
  g_test_add_func ("/window/timeline", test_window_timeline);
  /* Last: it dismisses the welcome, which the settings then remember for the others. */
  g_test_add_func ("/window/welcome", test_window_welcome);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

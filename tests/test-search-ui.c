/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "xinzhi-window.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-test-data.h"

/* Search in the window, under a display: a query typed opens the search view with its
 * results grouped by kind; an article result opens the reader at the words; Back
 * returns to the search, Forward to the article; Escape leaves the search.  Find in
 * the open article counts and steps through its matches.  Saves screenshot-search.png,
 * screenshot-search-empty.png and screenshot-find-in-article.png into the build folder
 * (or $XINZHI_SCREENSHOT_DIR). */

static AdwApplication *app;

static XinzhiWindow *
create_window (XinzhiCorpus *corpus)
{
  XinzhiWindow *window = xinzhi_window_new (app, corpus, NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (window), "devel");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));

  return window;
}

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

static const char *
visible_view (XinzhiWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (xinzhi_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child_name (stack);
}

static void
test_search_ui (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  XinzhiWindow *window = create_window (corpus);
  XinzhiSearchPage *page = xinzhi_window_get_search_page (window);
  GListModel *results = xinzhi_search_page_get_results (page);
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                          XINZHI_TYPE_WINDOW,
                                                                          "search_entry"));
  g_autoptr(XinzhiSearchResult) first = NULL;
  XinzhiReader *reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  XinzhiSearchKind last_kind = 0;
  g_autofree char *marked = NULL;
  const char *start_view = visible_view (window);

  /* Nowhere to go back to yet. */
  g_assert_false (xinzhi_window_go_back (window));

  /* Ctrl+F opens the search; typing searches. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  xinzhi_test_run_for (100);
  g_assert_cmpstr (visible_view (window), ==, "search");
  gtk_editable_set_text (GTK_EDITABLE (entry), "hydrogen");
  xinzhi_test_run_for (600);

  /* Grouped: articles first, then the other kinds in order. */
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 2);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (results, i);

      g_assert_cmpint (xinzhi_search_result_get_kind (result), >=, last_kind);
      last_kind = xinzhi_search_result_get_kind (result);
    }
  g_assert_cmpint (last_kind, >, XINZHI_SEARCH_KIND_ARTICLE);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-search.png");

  /* Down goes from the entry to the results. */
  g_assert_true (xinzhi_search_page_focus_results (page));
  xinzhi_test_run_for (100);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (page)));

  /* Escape leaves the search for the view it began in. */
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  g_signal_emit_by_name (entry, "stop-search");
  xinzhi_test_run_for (100);
  g_assert_cmpstr (visible_view (window), ==, start_view);

  /* The first article result whose match is in a paragraph opens the reader there,
   * with the words marked. */
  xinzhi_window_search (window, "hydrogen");
  xinzhi_test_run_for (300);
  g_assert_cmpstr (visible_view (window), ==, "search");
  for (guint i = 0; i < g_list_model_get_n_items (results) && first == NULL; i++)
    {
      g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (results, i);

      if (xinzhi_search_result_get_kind (result) == XINZHI_SEARCH_KIND_ARTICLE &&
          xinzhi_search_result_get_paragraph (result) != XINZHI_SEARCH_TITLE)
        {
          first = g_object_ref (result);
          xinzhi_search_page_activate_result (page, i);
        }
    }
  g_assert_nonnull (first);
  xinzhi_test_run_for (300);
  g_assert_cmpstr (visible_view (window), ==, "articles");
  g_assert_true (G_OBJECT (xinzhi_reader_get_document (reader)) == xinzhi_search_result_get_item (first));
  /* "hydrogen" begins the name of the sector Hydrogen energy: the words are the query's,
   * or the sector's term that holds them. */
  marked = xinzhi_test_dup_tagged_text (GTK_WIDGET (reader), "flash");
  g_assert_nonnull (marked);
  {
    g_autofree char *lowered = g_ascii_strdown (marked, -1);

    if (!g_str_equal (lowered, "hydrogen"))
      g_assert_true (g_strv_contains (xinzhi_sector_get_terms (xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy")),
                                      lowered));
  }

  /* Back to the search, with its query; Forward to the article again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  xinzhi_test_run_for (300);
  g_assert_cmpstr (visible_view (window), ==, "search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "hydrogen");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.forward", NULL));
  xinzhi_test_run_for (300);
  g_assert_cmpstr (visible_view (window), ==, "articles");
  g_assert_true (G_OBJECT (xinzhi_reader_get_document (reader)) == xinzhi_search_result_get_item (first));
  g_assert_true (xinzhi_window_go_back (window));
  xinzhi_test_run_for (100);
  g_assert_cmpstr (visible_view (window), ==, "search");
  /* Opening the search follows no link: the search is the first place. */
  g_assert_false (xinzhi_window_go_back (window));

  /* No results: the status page. */
  xinzhi_window_search (window, "no such words in any article");
  xinzhi_test_run_for (300);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-search-empty.png");

  destroy_window (window);
}

/* How many of @search's results the span of @filter keeps, and of them how many it
 * only possibly holds, from the model alone. */
static guint
count_kept (XinzhiSearch *search,
            XinzhiFilter *filter,
            guint        *n_found,
            guint        *n_possibly)
{
  guint n_kept = 0;

  *n_found = *n_possibly = 0;
  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    {
      GListModel *results = xinzhi_search_get_results (search, k);

      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (results, i);
          GObject *item = xinzhi_search_result_get_item (result);
          XinzhiSpanMatch match = XINZHI_SPAN_IN;

          if (XINZHI_IS_DOCUMENT (item) || XINZHI_IS_QUOTE (item) || XINZHI_IS_EVENT (item))
            match = xinzhi_filter_match_span (filter, item);
          (*n_found)++;
          n_kept += match != XINZHI_SPAN_OUT;
          *n_possibly += match == XINZHI_SPAN_POSSIBLY;
        }
    }
  return n_kept;
}

static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), data);
}

/* A time span narrows the search: what lies outside it is left out, what it only
 * possibly holds says so, and a search whose every result lies outside says that
 * rather than "No Results" alone.  The chip's removal brings every result back. */
static void
test_search_span (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  XinzhiWindow *window = create_window (corpus);
  XinzhiSearchPage *page = xinzhi_window_get_search_page (window);
  XinzhiSearch *search = xinzhi_search_page_get_search (page);
  GListModel *results = xinzhi_search_page_get_results (page);
  XinzhiFilter *filter = xinzhi_window_get_filter (window);
  static const char * const queries[] = { "Heilongjiang", "Politburo", "study session", "work conference" };
  guint n_found, n_possibly, n_kept;
  gboolean saw_empty = FALSE;

  xinzhi_window_search (window, "productive forces");
  xinzhi_test_run_for (300);
  n_found = g_list_model_get_n_items (results);

  /* The first half of March 2024, the Two Sessions. */
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 15)));
  xinzhi_test_run_for (300);
  n_kept = count_kept (search, filter, &n_found, &n_possibly);
  g_test_message ("“productive forces”: %u results, %u in 1–15 March 2024 or possibly (%u possibly)",
                  n_found, n_kept, n_possibly);
  g_assert_cmpuint (n_kept, <, n_found);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_kept);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (results, i);
      GObject *item = xinzhi_search_result_get_item (result);

      if (XINZHI_IS_DOCUMENT (item) || XINZHI_IS_QUOTE (item) || XINZHI_IS_EVENT (item))
        g_assert_cmpint (xinzhi_filter_match_span (filter, item), !=, XINZHI_SPAN_OUT);
    }
  if (n_possibly > 0)
    g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (page), is_mapped_label, "Possibly in the span"));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-search-span.png");

  /* A year no article reaches: what has a date is all outside. */
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2010, 1, 1), xinzhi_test_julian (2010, 12, 31)));
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      xinzhi_window_search (window, queries[q]);
      xinzhi_test_run_for (300);
      n_kept = count_kept (search, filter, &n_found, &n_possibly);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_kept);
      if (n_found > 0 && n_kept == 0)
        {
          g_autofree char *span = xinzhi_filter_dup_span_label (filter);
          g_autofree char *expected = g_strdup_printf ("Nothing found lies in %s; %u result%s lie%s outside it",
                                                        span, n_found, n_found == 1 ? "" : "s",
                                                        n_found == 1 ? "s" : "");

          g_test_message ("“%s”: %u results, none in 2010", queries[q], n_found);
          g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (page), is_mapped_label, expected));
          xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-search-span-empty.png");
          saw_empty = TRUE;
          break;
        }
    }
  g_assert_true (saw_empty);

  /* Without the span, every result again. */
  xinzhi_filter_clear_span (filter);
  xinzhi_test_run_for (300);
  n_kept = count_kept (search, filter, &n_found, &n_possibly);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, n_found);

  destroy_window (window);
}

static void
test_find_in_article (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  XinzhiWindow *window = create_window (corpus);
  XinzhiArticlesPage *page = xinzhi_window_get_articles_page (window);
  XinzhiReader *reader = xinzhi_articles_page_get_reader (page);
  GListModel *documents = xinzhi_corpus_get_documents (corpus);
  GtkLabel *count = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (reader), XINZHI_TYPE_READER,
                                                               "find_count_label"));
  XinzhiDocument *chosen = NULL;
  g_autofree char *expected = NULL;
  guint n, current, best = 0;

  /* The article with the most "energy" in it. */
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);
      guint hits = 0;

      for (guint p = 0; p < xinzhi_document_get_n_paragraphs (document); p++)
        {
          g_autoptr(GArray) ranges =
            xinzhi_search_find_all (xinzhi_document_get_paragraph (document, p)->text, "energy");

          hits += ranges->len;
        }
      if (hits > best)
        {
          best = hits;
          chosen = document;
        }
    }
  g_assert_nonnull (chosen);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (xinzhi_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "articles");
  xinzhi_articles_page_select_document (page, chosen);
  xinzhi_test_run_for (300);

  /* Ctrl+F in the Articles view finds in the article, not everywhere. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  xinzhi_test_run_for (100);
  g_assert_cmpstr (visible_view (window), ==, "articles");
  xinzhi_reader_find (reader, "ENERGY");
  xinzhi_test_run_for (200);

  n = xinzhi_reader_get_find_matches (reader, &current);
  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (n, ==, best);
  g_assert_cmpuint (current, ==, 0);
  expected = g_strdup_printf ("1 of %u", n);
  g_assert_cmpstr (gtk_label_get_text (count), ==, expected);

  /* Next, then previous twice: back round to the last. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.find-next", NULL));
  xinzhi_reader_get_find_matches (reader, &current);
  g_assert_cmpuint (current, ==, 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("2 of %u", n);
  g_assert_cmpstr (gtk_label_get_text (count), ==, expected);
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-find-in-article.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.find-previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.find-previous", NULL));
  xinzhi_reader_get_find_matches (reader, &current);
  g_assert_cmpuint (current, ==, n - 1);

  /* Nothing found. */
  xinzhi_reader_find (reader, "no such words here");
  g_assert_cmpuint (xinzhi_reader_get_find_matches (reader, NULL), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "No matches");

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

  app = adw_application_new ("io.github.xinzhi.Xinzhi.Test", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/search-ui/search", test_search_ui);
  g_test_add_func ("/search-ui/find-in-article", test_find_in_article);
  g_test_add_func ("/search-ui/span", test_search_span);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

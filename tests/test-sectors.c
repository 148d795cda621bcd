/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "xinzhi-mention-row.h"
#include "xinzhi-sector-chart.h"
#include "xinzhi-sector-chart-private.h"
#include "xinzhi-sector-heatmap.h"
#include "xinzhi-sector-row.h"
#include "xinzhi-sector-view-private.h"
#include "xinzhi-sectors-page-private.h"
#include "xinzhi-synth.h"
#include "xinzhi-test-data.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-view.h"

/* The Sectors view.  Headless: the chart's monthly buckets and the keyword-in-context
 * cut.  Under a display, with the built-in corpus: the list's sections and sort orders,
 * the mentions in context and the signal they send, the heat map's counts, the dark
 * style and the narrow layout.  Screenshots of each state are saved into the build
 * folder (or $XINZHI_SCREENSHOT_DIR) for a person to look at. */

static AdwApplication *app;

/* A small corpus with dates of every precision: a day in November 2023, an estimated
 * February 2024, a day in February 2024, and two articles dated only to a year. */
static const char buckets_json[] =
  "{ \"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"Buckets\",\n"
  "  \"groups\": [ { \"id\": \"g\", \"name\": \"<i>Group</i>\", \"name_zh\": \"组\" } ],\n"
  "  \"people\": [], \"events\": [], \"quotes\": [],\n"
  "  \"sectors\": [ { \"id\": \"widgets\", \"name\": \"<b>Widgets</b> & co\",\n"
  "    \"name_zh\": \"小部件\", \"group\": \"g\", \"terms\": [ \"widget\" ] } ],\n"
  "  \"documents\": [\n"
  "    { \"id\": \"nov\", \"title\": \"November\", \"date\": \"2023-11-05\",\n"
  "      \"date_text\": \"November 5, 2023\",\n"
  "      \"paragraphs\": [ { \"text\": \"On November 5, 2023 a widget was made.\" },\n"
  "                        { \"text\": \"Another widget followed.\" } ] },\n"
  "    { \"id\": \"feb-estimated\", \"title\": \"Some February\", \"date\": \"2024-02\",\n"
  "      \"date_estimated\": true, \"date_note\": \"From the content.\",\n"
  "      \"paragraphs\": [ { \"text\": \"A widget in winter.\" } ] },\n"
  "    { \"id\": \"year\", \"title\": \"Some year\", \"date\": \"2024\",\n"
  "      \"date_estimated\": true, \"date_note\": \"From the content.\",\n"
  "      \"paragraphs\": [ { \"text\": \"Widget talk.\" } ] },\n"
  "    { \"id\": \"feb\", \"title\": \"February\", \"date\": \"2024-02-20\",\n"
  "      \"date_text\": \"2024-02-20\",\n"
  "      \"paragraphs\": [ { \"text\": \"Published 2024-02-20. One widget.\" } ] },\n"
  "    { \"id\": \"old\", \"title\": \"Old\", \"date\": \"2022\",\n"
  "      \"date_estimated\": true, \"date_note\": \"From the content.\",\n"
  "      \"paragraphs\": [ { \"text\": \"Nothing to see.\" } ] }\n"
  "  ] }\n";

static XinzhiCorpus *
load_buckets_corpus (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (buckets_json, sizeof buckets_json - 1);
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus;

  corpus = xinzhi_corpus_new_from_bytes (bytes, "buckets.json", &error);
  g_assert_no_error (error);
  return corpus;
}

static const XinzhiChartBucket *
month (const XinzhiChartBuckets *buckets,
       guint                     index)
{
  g_assert_cmpuint (index, <, buckets->months->len);
  return &g_array_index (buckets->months, XinzhiChartBucket, index);
}

static void
test_buckets (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_buckets_corpus ();
  XinzhiSector *sector = xinzhi_corpus_lookup_sector (corpus, "widgets");
  g_autoptr(XinzhiChartBuckets) buckets = NULL;
  const XinzhiChartBucket *year;

  buckets = xinzhi_chart_buckets_new (xinzhi_corpus_get_documents (corpus),
                                      xinzhi_sector_get_mentions (sector), NULL);

  /* Every month from November 2023 to February 2024, the empty ones too. */
  g_assert_cmpuint (buckets->months->len, ==, 4);
  g_assert_cmpuint (month (buckets, 0)->year, ==, 2023);
  g_assert_cmpuint (month (buckets, 0)->month, ==, 11);
  g_assert_cmpuint (month (buckets, 0)->n_mentions, ==, 2);
  g_assert_cmpuint (month (buckets, 0)->n_documents, ==, 1);
  g_assert_cmpuint (month (buckets, 0)->n_estimated, ==, 0);
  g_assert_cmpuint (month (buckets, 1)->month, ==, 12);
  g_assert_cmpuint (month (buckets, 1)->n_mentions, ==, 0);
  g_assert_cmpuint (month (buckets, 2)->year, ==, 2024);
  g_assert_cmpuint (month (buckets, 2)->month, ==, 1);
  g_assert_cmpuint (month (buckets, 2)->n_mentions, ==, 0);

  /* An estimated month counts in its month, and says so. */
  g_assert_cmpuint (month (buckets, 3)->month, ==, 2);
  g_assert_cmpuint (month (buckets, 3)->n_mentions, ==, 2);
  g_assert_cmpuint (month (buckets, 3)->n_documents, ==, 2);
  g_assert_cmpuint (month (buckets, 3)->n_estimated, ==, 1);

  /* A year alone is never spread over, or put in, a month: it has a bucket of its own,
   * and so does every year that has such an article, mentioned or not. */
  g_assert_cmpuint (buckets->years->len, ==, 2);
  year = &g_array_index (buckets->years, XinzhiChartBucket, 0);
  g_assert_cmpuint (year->year, ==, 2022);
  g_assert_cmpuint (year->month, ==, 0);
  g_assert_cmpuint (year->n_mentions, ==, 0);
  year = &g_array_index (buckets->years, XinzhiChartBucket, 1);
  g_assert_cmpuint (year->year, ==, 2024);
  g_assert_cmpuint (year->n_mentions, ==, 1);
  g_assert_cmpuint (year->n_documents, ==, 1);

  g_assert_cmpuint (buckets->max_mentions, ==, 2);
  g_assert_cmpuint (buckets->n_mentions, ==, xinzhi_sector_get_n_mentions (sector));
}

static void
test_buckets_empty (void)
{
  g_autoptr(XinzhiChartBuckets) none = xinzhi_chart_buckets_new (NULL, NULL, NULL);
  g_autoptr(GListStore) documents = g_list_store_new (XINZHI_TYPE_DOCUMENT);
  g_autoptr(XinzhiChartBuckets) empty = NULL;

  g_assert_cmpuint (none->months->len, ==, 0);
  g_assert_cmpuint (none->years->len, ==, 0);
  g_assert_cmpuint (none->max_mentions, ==, 0);

  empty = xinzhi_chart_buckets_new (G_LIST_MODEL (documents), NULL, NULL);
  g_assert_cmpuint (empty->months->len, ==, 0);
}

/* Without the corpus's articles, the mentions' own articles set the axis. */
static void
test_buckets_from_mentions (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_buckets_corpus ();
  XinzhiSector *sector = xinzhi_corpus_lookup_sector (corpus, "widgets");
  g_autoptr(XinzhiChartBuckets) buckets = NULL;

  buckets = xinzhi_chart_buckets_new (NULL, xinzhi_sector_get_mentions (sector), NULL);
  g_assert_cmpuint (buckets->months->len, ==, 4);
  g_assert_cmpuint (buckets->years->len, ==, 1);
  g_assert_cmpuint (buckets->n_mentions, ==, 5);
}

static char *
cut (const char *text,
     const char *match,
     guint       radius,
     char      **matched)
{
  const char *found = strstr (text, match);
  gsize start, end;
  char *context;

  g_assert_nonnull (found);
  context = xinzhi_mention_row_cut_context (text, found - text, found - text + strlen (match),
                                           radius, &start, &end);
  *matched = g_strndup (context + start, end - start);
  return context;
}

static void
test_context (void)
{
  g_autofree char *context = NULL;
  g_autofree char *matched = NULL;

  /* Short text: all of it, without ellipses. */
  context = cut ("We need hydrogen energy now.", "hydrogen energy", 60, &matched);
  g_assert_cmpstr (context, ==, "We need hydrogen energy now.");
  g_assert_cmpstr (matched, ==, "hydrogen energy");
  g_clear_pointer (&context, g_free);
  g_clear_pointer (&matched, g_free);

  /* Long text: cut at whole words on both sides, with ellipses. */
  context = cut ("alpha beta gamma delta hydrogen epsilon zeta eta theta", "hydrogen", 8,
                 &matched);
  g_assert_cmpstr (context, ==, "…delta hydrogen epsilon…");
  g_assert_cmpstr (matched, ==, "hydrogen");
  g_clear_pointer (&context, g_free);
  g_clear_pointer (&matched, g_free);

  /* Chinese has no spaces: cut at characters, never inside one. */
  context = cut ("一二三四五六氢能七八九十一二三", "氢能", 3, &matched);
  g_assert_cmpstr (context, ==, "…四五六氢能七八九…");
  g_assert_cmpstr (matched, ==, "氢能");
  g_clear_pointer (&context, g_free);
  g_clear_pointer (&matched, g_free);

  /* No comma before the ellipsis; a space after a full stop. */
  context = cut ("one two hydrogen three four, five six", "hydrogen", 12, &matched);
  g_assert_cmpstr (context, ==, "one two hydrogen three four…");
  g_clear_pointer (&context, g_free);
  g_clear_pointer (&matched, g_free);
  context = cut ("one hydrogen two. Three four five", "hydrogen", 9, &matched);
  g_assert_cmpstr (context, ==, "one hydrogen two. …");
  g_clear_pointer (&context, g_free);
  g_clear_pointer (&matched, g_free);

  /* A match at the very start, and line breaks made spaces. */
  context = cut ("AI\nleads the way", "AI", 60, &matched);
  g_assert_cmpstr (context, ==, "AI leads the way");
  g_assert_cmpstr (matched, ==, "AI");
}

/* ---- Under a display ---------------------------------------------------------------- */

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (css_class == NULL || gtk_widget_has_css_class (child, css_class)))
        return child;
      if ((found = find_descendant (child, type, css_class)) != NULL)
        return found;
    }

  return NULL;
}

/* The window as it is drawn.  A widget still waiting for its layout draws nothing, so
 * under load (the UI tests share one display) this waits for a frame that has it. */
static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        return node;

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      xinzhi_test_run_for (50);
    }
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GskRenderNode) node = snapshot_widget (widget);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("XINZHI_SCREENSHOT_DIR");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (dir != NULL)
    path = g_build_filename (dir, name, NULL);
  else
    path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* A window as the application will have it: a header bar over the page, and the
 * breakpoint that collapses the page on narrow windows. */
static GtkWindow *
create_window (XinzhiCorpus       *corpus,
               int                 width,
               int                 height,
               XinzhiSectorsPage **page_out)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *toolbar_view = adw_toolbar_view_new ();
  GtkWidget *page = g_object_new (XINZHI_TYPE_SECTORS_PAGE, NULL);
  AdwBreakpoint *breakpoint;
  GValue collapsed = G_VALUE_INIT;

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), toolbar_view);
  gtk_window_set_title (GTK_WINDOW (window), "Sectors");

  breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse ("max-width: 600sp"));
  g_value_init (&collapsed, G_TYPE_BOOLEAN);
  g_value_set_boolean (&collapsed, TRUE);
  adw_breakpoint_add_setter (breakpoint, G_OBJECT (page), "collapsed", &collapsed);
  adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (window), breakpoint);
  gtk_widget_set_size_request (window, 360, 294);

  xinzhi_sectors_page_set_corpus (XINZHI_SECTORS_PAGE (page), corpus);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (window);

  *page_out = XINZHI_SECTORS_PAGE (page);
  return GTK_WINDOW (window);
}

static void
destroy_window (GtkWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);

  while (window != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static GListModel *
get_list_model (XinzhiSectorsPage *page)
{
  GtkWidget *list_view = find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, NULL);

  g_assert_nonnull (list_view);
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

static XinzhiSector *
get_sector (GListModel *model,
            guint       position)
{
  g_autoptr(XinzhiSector) sector = g_list_model_get_item (model, position);

  /* The corpus keeps it alive. */
  return sector;
}

typedef struct
{
  XinzhiCorpus   *corpus;
  guint           n_emitted;
  XinzhiDocument *document;
  guint           paragraph;
  guint           start;
  guint           end;
} ShowMention;

/* The page asks the window to show the article (win.show-mention); the test's window
 * records what it asked for. */
static void
show_mention_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 ShowMention   *result)
{
  const char *id;

  result->n_emitted++;
  g_variant_get (parameter, "(&suuu)", &id, &result->paragraph, &result->start, &result->end);
  result->document = xinzhi_corpus_lookup_document (result->corpus, id);
}

static void
catch_show_mention (GtkWindow   *window,
                    ShowMention *result)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("show-mention", G_VARIANT_TYPE ("(suuu)"));

  g_signal_connect (action, "activate", G_CALLBACK (show_mention_cb), result);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}

static void
test_page_sections (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiSectorsPage *page;
  GtkWindow *window;
  GListModel *model;
  XinzhiSector *first;
  GtkWidget *header;
  guint start, end, n_items;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  window = create_window (corpus, 1100, 760, &page);

  model = get_list_model (page);
  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, ==, g_list_model_get_n_items (xinzhi_corpus_get_sectors (corpus)));
  g_assert_true (GTK_IS_SECTION_MODEL (model));

  /* The first section is the first group, whole, and its header says so. */
  first = get_sector (model, 0);
  g_assert_cmpuint (xinzhi_sector_get_group_position (first), ==, 0);
  gtk_section_model_get_section (GTK_SECTION_MODEL (model), 0, &start, &end);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, <, n_items);
  for (guint i = start; i < end; i++)
    g_assert_cmpuint (xinzhi_sector_get_group_position (get_sector (model, i)), ==, 0);
  g_assert_cmpuint (xinzhi_sector_get_group_position (get_sector (model, end)), ==, 1);

  header = find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL, "sector-group-name");
  g_assert_nonnull (header);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (header)), ==, xinzhi_sector_get_group_name (first));

  /* Sections follow the groups' order throughout; by name within each. */
  for (guint i = 1; i < n_items; i++)
    {
      XinzhiSector *a = get_sector (model, i - 1);
      XinzhiSector *b = get_sector (model, i);

      g_assert_cmpuint (xinzhi_sector_get_group_position (a), <=, xinzhi_sector_get_group_position (b));
      if (xinzhi_sector_get_group_position (a) == xinzhi_sector_get_group_position (b))
        g_assert_cmpint (g_utf8_collate (xinzhi_sector_get_name (a), xinzhi_sector_get_name (b)), <=, 0);
    }

  /* The first sector is shown from the start. */
  g_assert_true (xinzhi_sectors_page_get_selected_sector (page) == first);

  destroy_window (window);
}

static void
test_page_sort (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiSectorsPage *page;
  XinzhiSector *most = NULL;
  GListModel *sectors;
  GListModel *model;
  GtkWindow *window;
  guint start = 0, end = 0;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  window = create_window (corpus, 1100, 760, &page);
  model = get_list_model (page);

  sectors = xinzhi_corpus_get_sectors (corpus);
  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      XinzhiSector *sector = get_sector (sectors, i);

      if (most == NULL || xinzhi_sector_get_n_mentions (sector) > xinzhi_sector_get_n_mentions (most))
        most = sector;
    }

  /* Through the action, as the sort menu does it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sectors.sort-by", "s", "mentions"));
  xinzhi_test_run_for (100);
  g_assert_cmpstr (xinzhi_sectors_page_get_sort_by (page), ==, "mentions");

  /* The most mentioned sector heads its group's section, and each section runs from
   * most to fewest mentions. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i = end)
    {
      gtk_section_model_get_section (GTK_SECTION_MODEL (model), i, &start, &end);
      if (xinzhi_sector_get_group_position (most) == xinzhi_sector_get_group_position (get_sector (model, start)))
        g_assert_true (get_sector (model, start) == most);
      for (guint j = start + 1; j < end; j++)
        g_assert_cmpuint (xinzhi_sector_get_n_mentions (get_sector (model, j - 1)), >=,
                          xinzhi_sector_get_n_mentions (get_sector (model, j)));
    }

  /* By first mention: earliest first within each section. */
  xinzhi_sectors_page_set_sort_by (page, "first-mention");
  xinzhi_test_run_for (100);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      XinzhiSector *a = get_sector (model, i - 1);
      XinzhiSector *b = get_sector (model, i);

      if (xinzhi_sector_get_group_position (a) == xinzhi_sector_get_group_position (b))
        g_assert_cmpint (xinzhi_earliest_compare (xinzhi_sector_get_first_mention (a),
                                                  xinzhi_sector_get_first_mention (b)), <=, 0);
    }

  destroy_window (window);
}

static const char *
summary_of (XinzhiSectorsPage *page,
            XinzhiCorpus      *corpus,
            const char        *sector_id)
{
  GtkWidget *summary;

  xinzhi_sectors_page_select_sector (page, xinzhi_corpus_lookup_sector (corpus, sector_id));
  xinzhi_test_run_for (50);
  summary = xinzhi_test_find_with_css_class (GTK_WIDGET (page), "sector-summary");
  g_assert_nonnull (summary);
  return gtk_label_get_text (GTK_LABEL (summary));
}

/* A sector's summary says what is known of its first mention and no more; sorted by
 * first mention, a sector mentioned only in an undated article never goes before a
 * dated one. */
static void
test_page_first_mention (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(XinzhiCorpus) dates = NULL;
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  XinzhiSectorsPage *page;
  GtkWindow *window;
  GListModel *model;
  guint start = 0, end = 0;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  window = create_window (corpus, 1100, 760, &page);

  g_assert_cmpstr (summary_of (page, corpus, "big-data"), ==,
                   "1 mention in 1 article · first dated mention: 7 March 2024");
  g_assert_cmpstr (summary_of (page, corpus, "hydrogen-energy"), ==,
                   "2 mentions in 2 articles · first dated mention: 7 March 2024; "
                   "one undated article (estimated June 2024)");
  /* The case: the article estimated to 2024 is not the first mention. */
  g_assert_cmpstr (summary_of (page, corpus, "artificial-intelligence"), ==,
                   "6 mentions in 4 articles · first dated mention: 7 March 2024; "
                   "2 undated articles (dates estimated)");
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-first-mention.png");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  xinzhi_test_run_for (100);
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-first-mention-dark.png");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  /* Green energy is mentioned only in the article estimated to 2024: by first
   * mention, it goes after every sector of its group with a dated mention. */
  xinzhi_sectors_page_set_sort_by (page, "first-mention");
  xinzhi_test_run_for (100);
  model = get_list_model (page);
  for (guint i = 0; i < g_list_model_get_n_items (model); i = end)
    {
      gtk_section_model_get_section (GTK_SECTION_MODEL (model), i, &start, &end);
      if (g_str_equal (xinzhi_sector_get_group_id (get_sector (model, start)), "cutting-edge-sectors"))
        break;
    }
  g_assert_cmpuint (end, >, start + 1);
  g_assert_cmpstr (xinzhi_sector_get_id (get_sector (model, end - 1)), ==, "green-energy");
  destroy_window (window);

  /* Less precise and estimated dates. */
  dates = xinzhi_test_load_data ("dates.json");
  window = create_window (dates, 1100, 760, &page);
  g_assert_cmpstr (summary_of (page, dates, "robots"), ==,
                   "4 mentions in 4 articles · first dated mention: 7 March 2024 or earlier; "
                   "one undated article (estimated March 2024)");
  g_assert_cmpstr (summary_of (page, dates, "drones"), ==,
                   "5 mentions in 4 articles · first dated mention: 7 March 2024; "
                   "one undated article (estimated March 2024)");
  g_assert_cmpstr (summary_of (page, dates, "lasers"), ==,
                   "1 mention in 1 article · no dated mention; "
                   "one undated article (estimated March 2024)");
  destroy_window (window);
}

static void
test_page_mentions (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  ShowMention result = { 0 };
  XinzhiSectorsPage *page;
  XinzhiSector *hydrogen;
  XinzhiMention *mention;
  GtkWindow *window;
  GtkWidget *list;
  GtkWidget *row;
  guint n_rows = 0;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  hydrogen = xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy");
  g_assert_nonnull (hydrogen);

  window = create_window (corpus, 1100, 760, &page);
  result.corpus = corpus;
  catch_show_mention (window, &result);

  xinzhi_sectors_page_select_sector (page, hydrogen);
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_true (xinzhi_sectors_page_get_selected_sector (page) == hydrogen);

  list = find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, "mentions-list");
  g_assert_nonnull (list);
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *lower = NULL;

      if (!XINZHI_IS_MENTION_ROW (row))
        continue;

      lower = g_utf8_strdown (xinzhi_mention_row_get_context (XINZHI_MENTION_ROW (row)), -1);
      g_assert_nonnull (strstr (lower, "hydrogen"));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >=, 2);
  g_assert_cmpuint (n_rows, ==, xinzhi_sector_get_n_mentions (hydrogen));

  save_screenshot (GTK_WIDGET (window), "screenshot-sectors.png");

  /* Activating a mention asks for its article, paragraph and words. */
  row = find_descendant (list, XINZHI_TYPE_MENTION_ROW, NULL);
  mention = xinzhi_mention_row_get_mention (XINZHI_MENTION_ROW (row));
  g_assert_true (gtk_widget_activate (row));
  g_assert_cmpuint (result.n_emitted, ==, 1);
  g_assert_true (result.document == xinzhi_mention_get_document (mention));
  g_assert_cmpuint (result.paragraph, ==, xinzhi_mention_get_paragraph (mention));
  g_assert_cmpuint (result.start, ==, xinzhi_mention_get_start (mention));
  g_assert_cmpuint (result.end, ==, xinzhi_mention_get_end (mention));
  {
    g_autofree char *words = xinzhi_mention_dup_text (mention);
    g_autofree char *lower = g_utf8_strdown (words, -1);

    g_assert_nonnull (strstr (lower, "hydrogen"));
  }

  /* The mentions per month are drawn on the corpus's calendar axis. */
  {
    XinzhiSectorChart *chart = XINZHI_SECTOR_CHART (find_descendant (GTK_WIDGET (page),
                                                                     XINZHI_TYPE_SECTOR_CHART,
                                                                     NULL));

    g_assert_nonnull (chart);
    g_assert_true (xinzhi_sector_chart_get_sector (chart) == hydrogen);
    g_assert_true (xinzhi_sector_chart_get_corpus (chart) == corpus);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (chart)), >, 0);
  }

  /* The events and quotes that concern a sector come after its mentions. */
  {
    XinzhiSector *sector = xinzhi_corpus_lookup_sector (corpus, "traditional-industries");
    GtkWidget *scrolled;
    GtkAdjustment *adjustment;

    g_assert_nonnull (sector);
    xinzhi_sectors_page_select_sector (page, sector);
    xinzhi_test_run_for (300);
    scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    xinzhi_test_run_for (300);
    save_screenshot (GTK_WIDGET (window), "screenshot-sectors-related.png");
  }

  destroy_window (window);
}

static guint
count_mention_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (XINZHI_IS_MENTION_ROW (row))
      n++;
  return n;
}

/* A sector of a large corpus has thousands of mentions: the page shows the first
 * hundred and a button for more, and still reaches a later article's mentions from the
 * heat map. */
static void
test_page_many_mentions (void)
{
  g_autoptr(GBytes) bytes = xinzhi_synth_corpus_json (200, 20241125);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *sectors;
  XinzhiSectorsPage *page;
  XinzhiSector *sector = NULL;
  XinzhiDocument *late = NULL;
  GtkWidget *list, *button, *heatmap;
  GtkWindow *window;
  guint n, late_index = 0;

  corpus = xinzhi_corpus_new_from_bytes (bytes, "synthetic.json", &error);
  g_assert_no_error (error);
  sectors = xinzhi_corpus_get_sectors (corpus);
  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      XinzhiSector *candidate = get_sector (sectors, i);

      if (sector == NULL || xinzhi_sector_get_n_mentions (candidate) > xinzhi_sector_get_n_mentions (sector))
        sector = candidate;
    }
  n = xinzhi_sector_get_n_mentions (sector);
  g_test_message ("%s: %u mentions", xinzhi_sector_get_id (sector), n);
  g_assert_cmpuint (n, >, 400);

  window = create_window (corpus, 1100, 760, &page);
  xinzhi_sectors_page_select_sector (page, sector);
  xinzhi_test_settle (GTK_WIDGET (window));

  list = find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, "mentions-list");
  button = gtk_widget_get_next_sibling (list);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpuint (count_mention_rows (list), ==, 100);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Show 200 More Mentions");
  {
    GtkWidget *viewport = gtk_widget_get_ancestor (button, GTK_TYPE_VIEWPORT);

    /* Once the rows are laid out. */
    xinzhi_test_run_for (300);
    gtk_viewport_scroll_to (GTK_VIEWPORT (viewport), button, NULL);
    xinzhi_test_run_for (300);
    save_screenshot (GTK_WIDGET (window), "screenshot-sectors-more.png");
  }

  /* A button activated as by the keyboard says it was clicked once its press is shown. */
  g_assert_true (gtk_widget_activate (button));
  xinzhi_test_run_for (500);
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (count_mention_rows (list), ==, 300);

  /* The first mention of an article past those shown. */
  for (guint i = 0; i < n; i++)
    if (xinzhi_sector_get_mention_document (sector, i) != xinzhi_sector_get_mention_document (sector, 0) && i >= 350)
      {
        late = xinzhi_sector_get_mention_document (sector, i);
        late_index = i;
        while (late_index > 0 && xinzhi_sector_get_mention_document (sector, late_index - 1) == late)
          late_index--;
        break;
      }
  g_assert_nonnull (late);
  g_assert_cmpuint (late_index, >=, 300);

  heatmap = find_descendant (GTK_WIDGET (page), XINZHI_TYPE_SECTOR_HEATMAP, NULL);
  g_signal_emit_by_name (heatmap, "cell-activated", sector, late);
  g_assert_cmpuint (count_mention_rows (list), >, late_index);
  /* The page scrolls to the article's first mention and focuses it once the new rows
   * are laid out, a few frames later (many more milliseconds under AddressSanitizer). */
  {
    gint64 deadline = g_get_monotonic_time () + (XINZHI_TEST_UNDER_ASAN ? 150 : 30) * G_USEC_PER_SEC;
    GtkWidget *focus;

    do
      {
        xinzhi_test_run_for (100);
        focus = gtk_root_get_focus (GTK_ROOT (window));
      }
    while (!XINZHI_IS_MENTION_ROW (focus) && g_get_monotonic_time () < deadline);

    g_assert_true (XINZHI_IS_MENTION_ROW (focus));
    g_assert_true (xinzhi_mention_get_document (xinzhi_mention_row_get_mention (XINZHI_MENTION_ROW (focus))) == late);
  }
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-many.png");

  /* Another sector starts at a hundred again. */
  xinzhi_sectors_page_select_sector (page, get_sector (sectors, 0) == sector ? get_sector (sectors, 1) : get_sector (sectors, 0));
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (count_mention_rows (list), <=, 100);

  destroy_window (window);
}

/* Sends @keyval to @widget's key controller, as a key press would. */
static gboolean
send_key (GtkWidget *widget,
          guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static void
test_page_heatmap (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiSectorsPage *page;
  XinzhiSectorHeatmap *heatmap;
  XinzhiSector *hydrogen;
  XinzhiDocument *document;
  GListModel *mentions;
  GtkWindow *window;
  guint expected = 0;
  guint total = 0;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  hydrogen = xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy");
  document = xinzhi_corpus_lookup_document (corpus, "pd-two-sessions-explainer");
  g_assert_nonnull (hydrogen);
  g_assert_nonnull (document);

  window = create_window (corpus, 1100, 760, &page);
  xinzhi_sectors_page_select_sector (page, hydrogen);

  /* Through the action, as the toggle button does it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sectors.show-heatmap", NULL));
  xinzhi_test_run_for (300);
  g_assert_true (xinzhi_sectors_page_get_show_heatmap (page));

  heatmap = XINZHI_SECTOR_HEATMAP (find_descendant (GTK_WIDGET (page), XINZHI_TYPE_SECTOR_HEATMAP, NULL));
  g_assert_nonnull (heatmap);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (heatmap)));

  /* The cell counts what the model finds, and every mention is in some cell. */
  mentions = xinzhi_sector_get_mentions (hydrogen);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);

      if (xinzhi_mention_get_document (mention) == document)
        expected++;
    }
  /* 1 in the built-in corpus as written; the model, not this test, is the reference. */
  g_test_message ("hydrogen-energy × pd-two-sessions-explainer: %u", expected);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (xinzhi_sector_heatmap_get_count (heatmap, hydrogen, document), ==, expected);

  for (guint i = 0; i < g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)); i++)
    {
      g_autoptr(XinzhiDocument) each = g_list_model_get_item (xinzhi_corpus_get_documents (corpus), i);

      total += xinzhi_sector_heatmap_get_count (heatmap, hydrogen, each);
    }
  g_assert_cmpuint (total, ==, xinzhi_sector_get_n_mentions (hydrogen));

  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-heatmap.png");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  xinzhi_test_run_for (400);
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-heatmap-dark.png");

  /* By keyboard: the cursor moves with the arrows and Enter shows the cell's sector,
   * in place of the heat map, at its first mention in the cell's article. */
  xinzhi_sectors_page_select_sector (page, get_sector (get_list_model (page), 0));
  xinzhi_sectors_page_set_show_heatmap (page, TRUE);
  xinzhi_test_run_for (300);
  gtk_widget_grab_focus (GTK_WIDGET (heatmap));
  gtk_window_set_focus_visible (window, TRUE);
  xinzhi_sector_heatmap_set_cursor (heatmap, hydrogen, document);
  g_assert_true (send_key (GTK_WIDGET (heatmap), GDK_KEY_Right));
  g_assert_true (send_key (GTK_WIDGET (heatmap), GDK_KEY_Down));
  xinzhi_test_run_for (200);
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-heatmap-focus.png");
  g_assert_true (send_key (GTK_WIDGET (heatmap), GDK_KEY_Left));
  g_assert_true (send_key (GTK_WIDGET (heatmap), GDK_KEY_Up));
  g_assert_true (send_key (GTK_WIDGET (heatmap), GDK_KEY_Return));
  xinzhi_test_run_for (600);
  g_assert_false (xinzhi_sectors_page_get_show_heatmap (page));
  g_assert_true (xinzhi_sectors_page_get_selected_sector (page) == hydrogen);
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-dark.png");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  xinzhi_test_run_for (100);
  destroy_window (window);
}

static void
test_page_narrow (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiSectorsPage *page;
  GtkWindow *window;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  window = create_window (corpus, 360, 720, &page);

  /* Narrow, the list comes first; choosing a sector opens it alone. */
  g_assert_true (xinzhi_view_get_collapsed (XINZHI_VIEW (page)));
  g_assert_false (xinzhi_view_get_content_only (XINZHI_VIEW (page)));
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-narrow.png");

  xinzhi_sectors_page_select_sector (page, xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy"));
  xinzhi_test_run_for (600);
  g_assert_true (xinzhi_view_get_content_only (XINZHI_VIEW (page)));
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-narrow-detail.png");

  xinzhi_sectors_page_set_show_heatmap (page, TRUE);
  xinzhi_test_run_for (600);
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-narrow-heatmap.png");

  destroy_window (window);
}

/* Names with markup characters are shown as written; a corpus without sectors gets the
 * empty state, and no heat map. */
static void
test_page_literal_and_empty (void)
{
  static const char json[] =
    "{ \"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"Tiny corpus\",\n"
    "  \"groups\": [], \"people\": [], \"sectors\": [], \"events\": [], \"quotes\": [],\n"
    "  \"documents\": [ { \"id\": \"tiny\", \"title\": \"Tiny\", \"date\": \"2024\",\n"
    "    \"date_estimated\": true, \"date_note\": \"A test.\",\n"
    "    \"paragraphs\": [ { \"text\": \"Tiny text.\" } ] } ] }\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(XinzhiCorpus) corpus = load_buckets_corpus ();
  g_autoptr(XinzhiCorpus) tiny = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiSectorsPage *page;
  GtkWindow *window;
  GtkWidget *row;
  GtkWidget *stack;

  window = create_window (corpus, 900, 700, &page);
  row = find_descendant (GTK_WIDGET (page), XINZHI_TYPE_SECTOR_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (xinzhi_sector_get_name (xinzhi_sector_row_get_sector (XINZHI_SECTOR_ROW (row))),
                   ==, "<b>Widgets</b> & co");
  {
    GtkWidget *label = find_descendant (row, GTK_TYPE_LABEL, NULL);

    g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "<b>Widgets</b> & co"));
  }
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-dates.png");

  tiny = xinzhi_corpus_new_from_bytes (bytes, "tiny.json", &error);
  g_assert_no_error (error);
  xinzhi_sectors_page_set_corpus (page, tiny);
  xinzhi_test_run_for (600);
  g_assert_null (xinzhi_sectors_page_get_selected_sector (page));
  stack = find_descendant (GTK_WIDGET (page), GTK_TYPE_STACK, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  /* The action is disabled: activating it does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (page), "sectors.show-heatmap", NULL);
  g_assert_false (xinzhi_sectors_page_get_show_heatmap (page));
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-empty.png");

  destroy_window (window);
}

/* The expected counts of @sector against @filter's span, from the model: each
 * mention's article through xinzhi_filter_match_span(). */
static void
count_expected (XinzhiSector    *sector,
                XinzhiFilter    *filter,
                XinzhiSpanCount *expected)
{
  GListModel *mentions = xinzhi_sector_get_mentions (sector);
  g_autoptr(GHashTable) in = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) possibly = g_hash_table_new (NULL, NULL);

  *expected = (XinzhiSpanCount) { 0 };
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);
      XinzhiDocument *document = xinzhi_mention_get_document (mention);

      switch (xinzhi_filter_match_span (filter, document))
        {
        case XINZHI_SPAN_IN:
          expected->n_mentions++;
          g_hash_table_add (in, document);
          break;
        case XINZHI_SPAN_POSSIBLY:
          expected->n_possibly_mentions++;
          g_hash_table_add (possibly, document);
          break;
        case XINZHI_SPAN_OUT:
        default:
          break;
        }
    }
  expected->n_documents = g_hash_table_size (in);
  expected->n_possibly_documents = g_hash_table_size (possibly);
}

/* The model's count of a sector's mentions against a span agrees, sector by sector,
 * with each mention's article asked through xinzhi_filter_match_span(), in a large
 * corpus; the cache shared by the sectors counts each article once; and with no span
 * every mention counts as in it. */
static void
test_span_count (void)
{
  g_autoptr(GBytes) bytes = xinzhi_synth_corpus_json (400, 20261206);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  g_autoptr(GHashTable) cache = xinzhi_span_count_new_cache ();
  g_autoptr(GHashTable) in = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) possibly = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *documents;
  GListModel *sectors;
  XinzhiSpanCount total = { 0 };
  guint32 first = G_MAXUINT32, last = 0;
  guint n_in = 0, n_possibly = 0;

  corpus = xinzhi_corpus_new_from_bytes (bytes, "synthetic.json", &error);
  g_assert_no_error (error);
  documents = xinzhi_corpus_get_documents (corpus);
  sectors = xinzhi_corpus_get_sectors (corpus);

  /* The middle third of the corpus's dated days. */
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);
      const XinzhiDate *date = xinzhi_document_get_date (document);

      if (date->precision == XINZHI_DATE_PRECISION_DAY)
        {
          first = MIN (first, xinzhi_date_first_day (date));
          last = MAX (last, xinzhi_date_first_day (date));
        }
    }
  g_assert_cmpuint (first, <, last);
  xinzhi_filter_set_span (filter, first + (last - first) / 3, last - (last - first) / 3);

  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);
      GListModel *mentions = xinzhi_sector_get_mentions (sector);
      XinzhiSpanCount count, expected, whole;

      xinzhi_span_count_sector (&count, sector, filter, cache);
      count_expected (sector, filter, &expected);
      g_assert_cmpmem (&count, sizeof count, &expected, sizeof expected);
      n_in += count.n_mentions;
      n_possibly += count.n_possibly_mentions;

      for (guint j = 0; j < g_list_model_get_n_items (mentions); j++)
        {
          g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, j);
          XinzhiDocument *document = xinzhi_mention_get_document (mention);
          XinzhiSpanMatch match = xinzhi_filter_match_span (filter, document);

          if (match == XINZHI_SPAN_IN)
            g_hash_table_add (in, document);
          else if (match == XINZHI_SPAN_POSSIBLY)
            g_hash_table_add (possibly, document);
        }

      /* Without a span, the sector's own counts. */
      xinzhi_span_count_sector (&whole, sector, NULL, NULL);
      g_assert_cmpuint (whole.n_mentions, ==, xinzhi_sector_get_n_mentions (sector));
      g_assert_cmpuint (whole.n_documents, ==, xinzhi_sector_get_n_documents (sector));
      g_assert_cmpuint (whole.n_possibly_mentions, ==, 0);
    }
  g_assert_cmpuint (n_in, >, 0);

  xinzhi_span_count_documents (&total, cache);
  g_assert_cmpuint (total.n_documents, ==, g_hash_table_size (in));
  g_assert_cmpuint (total.n_possibly_documents, ==, g_hash_table_size (possibly));
  g_test_message ("%u mentions in the span, %u possibly", n_in, n_possibly);
}

static void
collect_row_labels_in (GtkWidget  *widget,
                       GHashTable *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (XINZHI_IS_SECTOR_ROW (child) && xinzhi_sector_row_get_sector (XINZHI_SECTOR_ROW (child)) != NULL)
        g_hash_table_insert (labels, xinzhi_sector_row_get_sector (XINZHI_SECTOR_ROW (child)),
                             xinzhi_sector_row_dup_accessible_label (XINZHI_SECTOR_ROW (child)));
      else
        collect_row_labels_in (child, labels);
    }
}

/* Every sector row's screen-reader label, by sector. */
static GHashTable *
collect_row_labels (XinzhiSectorsPage *page)
{
  GHashTable *labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  collect_row_labels_in (find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, NULL), labels);
  return labels;
}

static const char *
get_label_text (XinzhiSectorsPage *page,
                const char        *css_class)
{
  GtkWidget *label = find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL, css_class);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* In each of the sector's lists, what is possibly in the span comes after what is in
 * it for certain, under one heading; nothing outside it is listed.  Returns how many
 * rows were possibly in the span. */
static guint
check_lists_apart (XinzhiSectorsPage *page,
                   XinzhiFilter      *filter)
{
  XinzhiSectorView *view = page->sector_view;
  GtkListBox *lists[] = { view->events_list, view->quotes_list };
  GListModel *models[] = { G_LIST_MODEL (view->events_shown), G_LIST_MODEL (view->quotes_shown) };
  guint n_possibly = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      gboolean seen_possibly = FALSE;

      /* A row for each item the list's model holds, in its order. */
      for (guint i = 0; i < g_list_model_get_n_items (models[l]); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (models[l], i);
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (lists[l], i);
          GtkWidget *header = gtk_list_box_row_get_header (row);
          XinzhiSpanMatch match = xinzhi_filter_match_span (filter, item);

          g_assert_nonnull (row);
          g_assert_cmpint (match, !=, XINZHI_SPAN_OUT);
          if (match == XINZHI_SPAN_POSSIBLY)
            {
              g_assert_true ((header != NULL) == !seen_possibly);
              seen_possibly = TRUE;
              n_possibly++;
            }
          else
            {
              g_assert_false (seen_possibly);
              g_assert_null (header);
            }
        }
      g_assert_null (gtk_list_box_get_row_at_index (lists[l], g_list_model_get_n_items (models[l])));
    }

  return n_possibly;
}

/* A time span on the window's filter narrows the counts, the chart, the sector's
 * mentions and the heat map's columns; what the dates cannot place is shown apart; and
 * clearing the span brings back the view as it was. */
static void
test_page_span (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) during = NULL;
  g_autofree char *summary_before = NULL;
  g_autofree char *span_label = NULL;
  XinzhiDate march = { .year = 2024, .month = 3, .precision = XINZHI_DATE_PRECISION_MONTH };
  XinzhiDate march_end = { .year = 2024, .month = 3, .day = 31, .precision = XINZHI_DATE_PRECISION_DAY };
  XinzhiSpanCount total = { 0 };
  XinzhiSpanCount expected;
  XinzhiSector *chosen = NULL;
  GListModel *sectors;
  XinzhiSectorsPage *page;
  XinzhiSectorChart *chart;
  XinzhiSectorHeatmap *heatmap;
  GtkWidget *span_line;
  GtkWidget *list;
  GtkWindow *window;
  guint n_chart, n_chart_possibly, n_rows = 0, n_headers = 0;
  gboolean possibly_seen = FALSE;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  sectors = xinzhi_corpus_get_sectors (corpus);
  window = create_window (corpus, 1100, 900, &page);
  /* As the window does: the page follows the window's filter. */
  g_object_set (page, "filter", filter, NULL);
  xinzhi_test_run_for (200);

  chart = XINZHI_SECTOR_CHART (find_descendant (GTK_WIDGET (page), XINZHI_TYPE_SECTOR_CHART, NULL));
  heatmap = XINZHI_SECTOR_HEATMAP (find_descendant (GTK_WIDGET (page), XINZHI_TYPE_SECTOR_HEATMAP, NULL));
  span_line = find_descendant (GTK_WIDGET (page), GTK_TYPE_LABEL, "span-label");
  g_assert_nonnull (span_line);
  g_assert_true (xinzhi_sector_chart_get_filter (chart) == filter);

  before = collect_row_labels (page);
  g_assert_cmpuint (g_hash_table_size (before), >, 0);
  summary_before = g_strdup (get_label_text (page, "sector-summary"));

  xinzhi_filter_set_span (filter, xinzhi_date_first_day (&march), xinzhi_date_first_day (&march_end));
  xinzhi_test_run_for (200);

  /* The corpus has mentions in March 2024 for certain, and in articles dated only to
   * 2024 or estimated, possibly in it: otherwise this test would prove nothing. */
  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);

      count_expected (sector, filter, &expected);
      total.n_mentions += expected.n_mentions;
      total.n_possibly_mentions += expected.n_possibly_mentions;
      if (expected.n_mentions > 0 && expected.n_possibly_mentions > 0 && chosen == NULL)
        chosen = sector;
    }
  g_assert_cmpuint (total.n_mentions, >, 0);
  g_assert_cmpuint (total.n_possibly_mentions, >, 0);
  g_assert_nonnull (chosen);

  /* Each row shown counts its sector's mentions in the span, and those possibly in it
   * apart. */
  during = collect_row_labels (page);
  g_assert_cmpuint (g_hash_table_size (during), ==, g_hash_table_size (before));
  {
    GHashTableIter iter;
    gpointer sector, label;

    g_hash_table_iter_init (&iter, during);
    while (g_hash_table_iter_next (&iter, &sector, &label))
      {
        g_autofree char *counts = NULL;

        count_expected (sector, filter, &expected);
        counts = xinzhi_sector_row_format_span_count (&expected);
        g_assert_nonnull (strstr (label, counts));
        if (expected.n_possibly_mentions > 0)
          {
            g_autofree char *possibly = g_strdup_printf ("%u more possibly", expected.n_possibly_mentions);

            g_assert_nonnull (strstr (label, possibly));
            possibly_seen = TRUE;
          }
      }
  }
  g_assert_true (possibly_seen);

  /* The line at the top says the view is narrowed, to which span. */
  span_label = xinzhi_filter_dup_span_label (filter);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (span_line))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (span_line)), span_label));

  /* The chosen sector: its summary, its chart and its mentions, possibly-in ones after
   * the rest under a heading of their own. */
  xinzhi_sectors_page_select_sector (page, chosen);
  xinzhi_test_settle (GTK_WIDGET (window));
  count_expected (chosen, filter, &expected);
  g_assert_nonnull (strstr (get_label_text (page, "sector-summary"), "in the time span"));
  {
    g_autofree char *possibly = g_strdup_printf ("%u more possibly", expected.n_possibly_mentions);

    g_assert_nonnull (strstr (get_label_text (page, "sector-summary"), possibly));
  }
  xinzhi_sector_chart_get_counts (chart, &n_chart, &n_chart_possibly);
  g_assert_cmpuint (n_chart, ==, expected.n_mentions);
  g_assert_cmpuint (n_chart_possibly, ==, expected.n_possibly_mentions);

  list = find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, "mentions-list");
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      XinzhiMention *mention;
      XinzhiSpanMatch match;
      GtkWidget *header;

      if (!XINZHI_IS_MENTION_ROW (row))
        continue;

      mention = xinzhi_mention_row_get_mention (XINZHI_MENTION_ROW (row));
      match = xinzhi_filter_match_span (filter, xinzhi_mention_get_document (mention));
      header = gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row));
      g_assert_cmpint (match, ==, n_rows < expected.n_mentions ? XINZHI_SPAN_IN : XINZHI_SPAN_POSSIBLY);
      if (header != NULL)
        {
          g_assert_true (gtk_widget_has_css_class (header, "possibly-in-span"));
          g_assert_cmpuint (n_rows, ==, expected.n_mentions);
          n_headers++;
        }
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, expected.n_mentions + expected.n_possibly_mentions);
  g_assert_cmpuint (n_headers, ==, 1);
  g_assert_cmpuint (check_lists_apart (page, filter), >, 0);
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-span.png");

  /* The mentions possibly in the span, under their heading. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t top;

    g_assert_true (gtk_widget_compute_point (list, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    gtk_adjustment_set_value (adjustment, top.y);
    xinzhi_test_run_for (300);
    save_screenshot (GTK_WIDGET (window), "screenshot-sectors-span-possibly.png");
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* The heat map marks each article's column by where it falls: with the first twenty
   * days of March, an article of 25 March lies outside. */
  march_end.day = 20;
  xinzhi_filter_set_span (filter, xinzhi_date_first_day (&march), xinzhi_date_first_day (&march_end));
  for (guint i = 0; i < g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)); i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (xinzhi_corpus_get_documents (corpus), i);

      g_assert_cmpint (xinzhi_sector_heatmap_get_span_match (heatmap, document), ==,
                       xinzhi_filter_match_span (filter, document));
    }
  xinzhi_sectors_page_set_show_heatmap (page, TRUE);
  xinzhi_test_run_for (300);
  save_screenshot (GTK_WIDGET (window), "screenshot-sectors-span-heatmap.png");
  xinzhi_sectors_page_set_show_heatmap (page, FALSE);

  {
    AdwStyleManager *style = adw_style_manager_get_default ();

    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
    xinzhi_test_run_for (300);
    save_screenshot (GTK_WIDGET (window), "screenshot-sectors-span-dark.png");
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    xinzhi_test_run_for (100);
  }

  /* Clearing the span brings back every count as it was. */
  xinzhi_filter_clear_span (filter);
  xinzhi_test_run_for (200);
  g_clear_pointer (&during, g_hash_table_unref);
  during = collect_row_labels (page);
  {
    GHashTableIter iter;
    gpointer sector, label;

    g_hash_table_iter_init (&iter, during);
    while (g_hash_table_iter_next (&iter, &sector, &label))
      if (g_hash_table_contains (before, sector))
        g_assert_cmpstr (label, ==, g_hash_table_lookup (before, sector));
  }
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_parent (span_line))));
  xinzhi_sector_chart_get_counts (chart, &n_chart, &n_chart_possibly);
  g_assert_cmpuint (n_chart, ==, xinzhi_sector_get_n_mentions (chosen));
  g_assert_cmpuint (n_chart_possibly, ==, 0);
  n_rows = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (XINZHI_IS_MENTION_ROW (row))
      {
        g_assert_null (gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row)));
        n_rows++;
      }
  g_assert_cmpuint (n_rows, ==, xinzhi_sector_get_n_mentions (chosen));
  xinzhi_sectors_page_select_sector (page, get_sector (get_list_model (page), 0));
  xinzhi_test_run_for (200);
  g_assert_cmpstr (get_label_text (page, "sector-summary"), ==, summary_before);

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

  g_test_add_func ("/sectors/buckets", test_buckets);
  g_test_add_func ("/sectors/buckets-empty", test_buckets_empty);
  g_test_add_func ("/sectors/buckets-from-mentions", test_buckets_from_mentions);
  g_test_add_func ("/sectors/context", test_context);
  g_test_add_func ("/sectors/span-count", test_span_count);

  /* Registering runs the application's startup: GTK and libadwaita are initialised and
   * style.css is loaded from the resource base path, as in the real application. */
  app = adw_application_new ("io.github.xinzhi.Xinzhi.TestSectors", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/sectors/page/sections", test_page_sections);
  g_test_add_func ("/sectors/page/sort", test_page_sort);
  g_test_add_func ("/sectors/page/first-mention", test_page_first_mention);
  g_test_add_func ("/sectors/page/mentions", test_page_mentions);
  g_test_add_func ("/sectors/page/many-mentions", test_page_many_mentions);
  g_test_add_func ("/sectors/page/heatmap", test_page_heatmap);
  g_test_add_func ("/sectors/page/narrow", test_page_narrow);
  g_test_add_func ("/sectors/page/literal-and-empty", test_page_literal_and_empty);
  g_test_add_func ("/sectors/page/span", test_page_span);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

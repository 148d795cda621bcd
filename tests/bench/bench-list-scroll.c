/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "xinzhi-bench.h"
#include "xinzhi-synth.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-window.h"

/* What a frame costs while the Articles list scrolls from top to bottom and an article
 * opens, in the real window, with synthetic corpora (xinzhi-synth.h) of 10 to 10,000
 * articles, against the same with 10 articles, in the same run.
 *
 *   bench-list-scroll [--sizes N,N,…] [OUTPUT.json]
 *
 * Needs a display (xvfb-run will do).  For each size, the window (1100×720) shows the
 * Articles view; the list's vertical adjustment goes from top to bottom in STEPS equal
 * steps, so that every size takes as many frames (a long list jumps further each frame,
 * binding rows anew), and the list is redrawn at each step even where it is too short
 * to move; then the last article of the list opens (xinzhi_window_show_document).  A
 * step's cost is the time of the call that makes the change plus the next frame's work,
 * from its before-paint to its after-paint (layout, snapshot and render; not the wait
 * for the frame clock's tick).  The figure is the median over the steps and the
 * opening, which a moment's load on a shared machine moves less than the mean; the mean,
 * the worst step and the opening are printed too.  Prints a table and replaces the
 * "list-scroll" entries of OUTPUT.json (by default bench.json in the build folder). */

#define MEASURE "list-scroll"
#define SEED 20241125
#define STEPS 200

static const guint default_sizes[] = { 10, 100, 1000, 10000 };

static GSettings *
memory_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.xinzhi.Xinzhi", TRUE);
  if (schema == NULL)
    g_error ("bench-list-scroll: no settings schema (GSETTINGS_SCHEMA_DIR)");

  return g_settings_new_full (schema, NULL, NULL);
}

typedef struct
{
  double median;
  double mean;
  double worst;
  double open;
} Result;

static Result
measure (AdwApplication *app,
         guint           n_articles)
{
  double costs[STEPS + 1];
  Result result = { 0 };
  g_autoptr(GBytes) bytes = xinzhi_synth_corpus_json (n_articles, SEED);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GSettings) settings = memory_settings ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiDocument) last = NULL;
  XinzhiWindow *window;
  GtkWidget *list_view;
  GtkAdjustment *adjustment;
  GListModel *items;
  g_autoptr(XinzhiTestFrameTimer) timer = NULL;

  corpus = xinzhi_corpus_new_from_bytes (bytes, "synthetic.json", &error);
  if (corpus == NULL)
    g_error ("bench-list-scroll: the synthetic corpus does not load: %s", error->message);

  window = xinzhi_test_present_window_with_settings (app, corpus, settings, 1100, 720);

  list_view = xinzhi_test_find_descendant (GTK_WIDGET (xinzhi_window_get_articles_page (window)),
                                           GTK_TYPE_LIST_VIEW);
  g_assert (list_view != NULL);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  items = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  g_assert (g_list_model_get_n_items (items) == n_articles);

  /* The Articles view, at the top of its list. */
  {
    g_autoptr(XinzhiDocument) first = g_list_model_get_item (items, 0);

    xinzhi_window_show_document (window, first, 0);
    xinzhi_test_run_for (300);
  }
  g_assert (gtk_widget_get_mapped (list_view));

  timer = xinzhi_test_frame_timer_new (GTK_WIDGET (window));
  for (guint step = 1; step <= STEPS; step++)
    {
      double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      xinzhi_test_frame_timer_start (timer);
      /* The list's estimate of its height changes as rows are measured: aim anew. */
      gtk_adjustment_set_value (adjustment, MAX (range, 0) * step / STEPS);
      costs[step - 1] = xinzhi_test_frame_timer_finish (timer, list_view);
    }

  /* Open the last article of the list. */
  last = g_list_model_get_item (items, g_list_model_get_n_items (items) - 1);
  g_assert (XINZHI_IS_DOCUMENT (last));
  xinzhi_test_frame_timer_start (timer);
  xinzhi_window_show_document (window, last, 0);
  result.open = xinzhi_test_frame_timer_finish (timer, GTK_WIDGET (window));
  costs[STEPS] = result.open;
  g_assert (xinzhi_articles_page_get_selected_document (xinzhi_window_get_articles_page (window)) == last);

  g_clear_pointer (&timer, xinzhi_test_frame_timer_free);
  xinzhi_test_destroy_window (GTK_WINDOW (window));

  for (guint i = 0; i <= STEPS; i++)
    {
      result.mean += costs[i] / (STEPS + 1);
      result.worst = MAX (result.worst, costs[i]);
    }
  result.median = xinzhi_bench_median (costs, STEPS + 1);

  return result;
}

static void
print_result (guint         n_articles,
              const Result *result)
{
  g_print ("%u articles: median %.3f ms a step (mean %.3f ms, worst %.3f ms, opening %.3f ms)\n",
           n_articles, result->median, result->mean, result->worst, result->open);
}

int
main (int   argc,
      char *argv[])
{
  const char *output = BENCH_JSON;
  g_autofree guint *sizes = g_memdup2 (default_sizes, sizeof default_sizes);
  guint n_sizes = G_N_ELEMENTS (default_sizes);
  g_autoptr(AdwApplication) app = NULL;
  g_autofree XinzhiBenchEntry *entries = NULL;
  Result baseline;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--sizes") && i + 1 < argc)
        {
          g_free (sizes);
          sizes = xinzhi_bench_parse_sizes (argv[++i], &n_sizes);
          if (sizes == NULL)
            {
              g_printerr ("bench-list-scroll: sizes are numbers of articles from 1 to 100000, such as 10,1000\n");
              return 2;
            }
        }
      else if (argv[i][0] != '-')
        output = argv[i];
      else
        {
          g_printerr ("usage: bench-list-scroll [--sizes N,N,…] [OUTPUT.json]\n");
          return 2;
        }
    }

  app = xinzhi_test_bench_init ();

  /* The baseline first, in the same run: 10 articles. */
  g_print ("baseline: ");
  baseline = measure (app, 10);
  print_result (10, &baseline);

  entries = g_new0 (XinzhiBenchEntry, n_sizes);
  for (guint s = 0; s < n_sizes; s++)
    {
      Result result = measure (app, sizes[s]);

      print_result (sizes[s], &result);
      entries[s] = (XinzhiBenchEntry) { MEASURE, sizes[s], result.median, "ms", baseline.median };
    }

  xinzhi_bench_print_table ("scrolling the Articles list top to bottom in 200 frames and opening "
                            "the last article, median cost of a step",
                            "the same with 10 articles, same run", entries, n_sizes, 1.5);
  xinzhi_bench_write_json (output, entries, n_sizes);
  g_print ("written to %s\n", output);

  return 0;
}

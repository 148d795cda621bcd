/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "timeline-synthetic.h"
#include "xinzhi-bench.h"
#include "xinzhi-timeline.h"

/* How long the timeline takes to snapshot one frame of its opening span, with 100 and
 * with 100,000 events.  Only what shows is drawn, found by binary search in a layout
 * cached for the zoom level, so the two should cost about the same.
 *
 *   bench-timeline [--runs N] [OUTPUT.json]
 *
 * Needs a display (xvfb-run will do).  Prints the medians and their ratio, and replaces
 * the "timeline-frame" entries of OUTPUT.json (by default bench.json in the build
 * folder), keeping the other measures there. */

#define MEASURE "timeline-frame"

static void
set_true_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* One frame: the widget's snapshot into a GtkSnapshot, and the render node freed. */
static double
time_frame (GtkWidget *timeline)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  gint64 start = g_get_monotonic_time ();

  GTK_WIDGET_GET_CLASS (timeline)->snapshot (timeline, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);

  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct
{
  double frame;        /* median, ms */
  double first_frame;  /* the first, which lays out the zoom level, ms */
  double load;         /* loading the synthetic corpus, ms */
  double set_model;    /* reading it into the timeline, ms */
  guint  n_runs;
} Result;

static Result
bench (guint n_events,
       guint n_runs)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWindow *window;
  GtkWidget *timeline;
  XinzhiDate september, march;
  Result result = { 0 };
  gint64 start;

  start = g_get_monotonic_time ();
  corpus = synthetic_corpus_new (n_events, 2024);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)), ==, n_events);
  result.load = (g_get_monotonic_time () - start) / 1000.0;

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, 1000, 300);
  timeline = xinzhi_timeline_new ();
  /* The span the benchmark has always measured (docs/benchmarks.md), September 2023 to
   * March 2024, rather than the synthetic corpus's own. */
  g_assert_true (xinzhi_date_parse ("2023-09", &september));
  g_assert_true (xinzhi_date_parse ("2024-03", &march));
  xinzhi_timeline_set_home_span (XINZHI_TIMELINE (timeline), xinzhi_date_first_day (&september),
                                 xinzhi_date_last_day (&march) + 1.0);
  xinzhi_timeline_reset_view (XINZHI_TIMELINE (timeline));
  gtk_window_set_child (window, timeline);
  start = g_get_monotonic_time ();
  xinzhi_timeline_set_model (XINZHI_TIMELINE (timeline), xinzhi_corpus_get_events (corpus));
  result.set_model = (g_get_monotonic_time () - start) / 1000.0;

  gtk_window_present (window);
  while (!gtk_widget_get_mapped (timeline) || gtk_widget_get_width (timeline) != 1000)
    g_main_context_iteration (NULL, TRUE);
  run_for (200);

  /* A new zoom level, so that the first frame lays it out. */
  xinzhi_timeline_zoom_in (XINZHI_TIMELINE (timeline));
  xinzhi_timeline_reset_view (XINZHI_TIMELINE (timeline));
  xinzhi_timeline_zoom_out (XINZHI_TIMELINE (timeline));
  xinzhi_timeline_zoom_out (XINZHI_TIMELINE (timeline));
  result.first_frame = time_frame (timeline);
  xinzhi_timeline_reset_view (XINZHI_TIMELINE (timeline));

  /* Warm up: the layout of the level, the text layouts and the glyph caches. */
  for (guint i = 0; i < 10; i++)
    time_frame (timeline);

  for (guint i = 0; i < n_runs; i++)
    {
      double ms = time_frame (timeline);

      g_array_append_val (times, ms);
    }

  g_array_sort (times, xinzhi_bench_compare_doubles);
  result.frame = g_array_index (times, double, times->len / 2);
  result.n_runs = n_runs;

  gtk_window_destroy (window);
  run_for (50);

  return result;
}

int
main (int   argc,
      char *argv[])
{
  const char *output = BENCH_JSON;
  guint n_runs = 51;
  Result small, large;
  double ratio;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          int runs = atoi (argv[++i]);

          n_runs = MAX (runs, 1);
        }
      else if (argv[i][0] != '-')
        output = argv[i];
      else
        {
          g_printerr ("usage: bench-timeline [--runs N] [OUTPUT.json]\n");
          return 2;
        }
    }

  /* Without an accessibility bus, unless asked for one: it only adds noise here. */
  g_setenv ("GTK_A11Y", "none", FALSE);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  small = bench (100, n_runs);
  large = bench (100000, n_runs);
  ratio = large.frame / small.frame;

  g_print ("timeline-frame, opening span, 1000×300, median of %u:\n", n_runs);
  g_print ("  %7u events: %8.3f ms\n", 100, small.frame);
  g_print ("  %7u events: %8.3f ms\n", 100000, large.frame);
  g_print ("  ratio: %.2f (target < 2)\n", ratio);
  g_print ("first frame at a new zoom level (lays the level out): %.1f ms, %.1f ms\n",
           small.first_frame, large.first_frame);
  g_print ("xinzhi_timeline_set_model (): %.1f ms, %.1f ms\n", small.set_model, large.set_model);
  g_print ("(loading the synthetic corpus: %.0f ms, %.0f ms)\n", small.load, large.load);

  xinzhi_bench_write_json (output, (XinzhiBenchEntry[]) {
                             { MEASURE, 100, small.frame, "ms", small.frame },
                             { MEASURE, 100000, large.frame, "ms", small.frame },
                           }, 2);
  g_print ("written to %s\n", output);

  return 0;
}

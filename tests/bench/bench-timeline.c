/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "timeline-synthetic.h"
#include "xinzhi-bench.h"
#include "xinzhi-timeline.h"

/* How long the timeline takes to snapshot one frame of its opening span, with 100,
 * 100,000 and 1,000,000 events.  Only what shows is drawn, found by binary search in a
 * layout cached for the zoom level, so the three should cost about the same.
 *
 *   bench-timeline [--runs N] [OUTPUT.json]
 *
 * Needs a display (xvfb-run will do).  Prints the medians and their ratios, and replaces
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
  guint       n_events;
  GPtrArray  *corpora;      /* the synthetic corpora the events come from */
  GListModel *events;
  GtkWindow  *window;
  GtkWidget  *timeline;
  GArray     *times;        /* of double: each timed frame, ms */
  double      first_frame;  /* the first, which lays out the zoom level, ms */
  double      load;         /* loading the synthetic corpora, ms */
  double      set_model;    /* reading them into the timeline, ms */
} Bench;

/* A corpus file holds at most XINZHI_CORPUS_MAX_SIZE (64 MiB, about 280,000 synthetic
 * events), so more events than PART come from several synthetic corpora of PART events
 * each, with seeds of their own, shown as one list as the timeline shows any model. */
#define PART 100000

static void
bench_load (Bench *bench)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  gint64 start = g_get_monotonic_time ();

  bench->corpora = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint done = 0, seed = 2024; done < bench->n_events; done += PART, seed++)
    {
      XinzhiCorpus *corpus = synthetic_corpus_new (MIN (PART, bench->n_events - done), seed);

      g_ptr_array_add (bench->corpora, corpus);
      g_list_store_append (parts, xinzhi_corpus_get_events (corpus));
    }

  bench->events = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
  g_assert_cmpuint (g_list_model_get_n_items (bench->events), ==, bench->n_events);
  bench->load = (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_show (Bench *bench)
{
  XinzhiTimeline *timeline;
  XinzhiDate september, march;
  gint64 start;

  bench->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (bench->window, FALSE);
  gtk_window_set_default_size (bench->window, 1000, 300);
  bench->timeline = xinzhi_timeline_new ();
  timeline = XINZHI_TIMELINE (bench->timeline);
  /* The span the benchmark has always measured (docs/benchmarks.md), September 2023 to
   * March 2024, rather than the synthetic corpus's own. */
  g_assert_true (xinzhi_date_parse ("2023-09", &september));
  g_assert_true (xinzhi_date_parse ("2024-03", &march));
  xinzhi_timeline_set_home_span (timeline, xinzhi_date_first_day (&september),
                                 xinzhi_date_last_day (&march) + 1.0);
  xinzhi_timeline_reset_view (timeline);
  gtk_window_set_child (bench->window, bench->timeline);
  start = g_get_monotonic_time ();
  xinzhi_timeline_set_model (timeline, bench->events);
  bench->set_model = (g_get_monotonic_time () - start) / 1000.0;

  gtk_window_present (bench->window);
  while (!gtk_widget_get_mapped (bench->timeline) || gtk_widget_get_width (bench->timeline) != 1000)
    g_main_context_iteration (NULL, TRUE);
  run_for (200);

  /* A new zoom level, so that the first frame lays it out. */
  xinzhi_timeline_zoom_in (timeline);
  xinzhi_timeline_reset_view (timeline);
  xinzhi_timeline_zoom_out (timeline);
  xinzhi_timeline_zoom_out (timeline);
  bench->first_frame = time_frame (bench->timeline);
  xinzhi_timeline_reset_view (timeline);

  /* Warm up: the layout of the level, the text layouts and the glyph caches. */
  for (guint i = 0; i < 10; i++)
    time_frame (bench->timeline);

  bench->times = g_array_new (FALSE, FALSE, sizeof (double));
}

static double
bench_median (Bench *bench)
{
  g_array_sort (bench->times, xinzhi_bench_compare_doubles);
  return g_array_index (bench->times, double, bench->times->len / 2);
}

static void
bench_clear (Bench *bench)
{
  gtk_window_destroy (bench->window);
  g_clear_object (&bench->events);
  g_clear_pointer (&bench->corpora, g_ptr_array_unref);
  g_clear_pointer (&bench->times, g_array_unref);
}

int
main (int   argc,
      char *argv[])
{
  const char *output = BENCH_JSON;
  guint n_runs = 51;
  Bench benches[] = { { .n_events = 100 }, { .n_events = 100000 }, { .n_events = 1000000 } };
  double median[G_N_ELEMENTS (benches)];

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

  for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
    {
      bench_load (&benches[i]);
      bench_show (&benches[i]);
    }

  /* The sizes take turns, frame by frame, so that whatever else the machine does in
   * the meantime weighs on each of them alike. */
  for (guint run = 0; run < n_runs; run++)
    for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
      {
        double ms = time_frame (benches[i].timeline);

        g_array_append_val (benches[i].times, ms);
      }

  for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
    median[i] = bench_median (&benches[i]);

  g_print ("timeline-frame, opening span, 1000×300, median of %u, the sizes in turn:\n", n_runs);
  for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
    g_print ("  %7u events: %8.3f ms (ratio %.2f)\n",
             benches[i].n_events, median[i], median[i] / median[0]);
  g_print ("  target: ratio < 2 at %u events\n", benches[G_N_ELEMENTS (benches) - 1].n_events);
  g_print ("first frame at a new zoom level (lays the level out), ms:");
  for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
    g_print (" %.1f", benches[i].first_frame);
  g_print ("\nxinzhi_timeline_set_model (), ms:");
  for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
    g_print (" %.1f", benches[i].set_model);
  g_print ("\n(loading the synthetic corpora, ms:");
  for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
    g_print (" %.0f", benches[i].load);
  g_print (")\n");

  xinzhi_bench_write_json (output, (XinzhiBenchEntry[]) {
                             { MEASURE, benches[0].n_events, median[0], "ms", median[0] },
                             { MEASURE, benches[1].n_events, median[1], "ms", median[0] },
                             { MEASURE, benches[2].n_events, median[2], "ms", median[0] },
                           }, G_N_ELEMENTS (benches));
  for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
    bench_clear (&benches[i]);
  g_print ("written to %s\n", output);

  return 0;
}

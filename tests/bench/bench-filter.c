/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "xinzhi-bench.h"
#include "xinzhi-synth.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-timeline.h"
#include "xinzhi-window.h"

/* What a change of the filter every view shares costs, in the real window, with a
 * synthetic corpus (xinzhi-synth.h) of 10,000 articles:
 *
 *   span-filter   the time span chosen anew (issue 19): a three-month span moved a
 *                 month at a time, as a drag on the timeline's axis chooses it (its
 *                 "span-chosen" signal)
 *   filter        a sector, a person or an outlet added to the filter or removed from
 *                 it (issue 20), as the filter chips and the "Show Only" menus do
 *
 *   bench-filter [--runs N] [--only span-filter|filter] [OUTPUT.json]
 *
 * Needs a display (xvfb-run will do).  Two windows of the same corpus take turns, change
 * by change: one where every view has been shown (Timeline, Sectors, Quotes and
 * Articles built, and a search open with its results), back on the Timeline, and one
 * where only the Timeline has ever been shown, the baseline.  A change's cost is the
 * time of the call that makes it, in which every built view takes the change, plus the
 * work of the next frame of the window.  Prints the medians and the worst, and replaces
 * the "span-filter" and "filter" entries of OUTPUT.json (by default bench.json in the
 * build folder). */

#define SEED 20241125
#define N_ARTICLES 10000
#define WIDTH 1100
#define HEIGHT 720
/* Issues 19 and 20: a change reaches every view within this many ms (median). */
#define TARGET_MS 50.0

typedef struct
{
  XinzhiWindow         *window;
  XinzhiFilter         *filter;
  GtkWidget            *timeline;
  XinzhiTestFrameTimer *timer;
  GArray               *costs;   /* of double, ms */
} Side;

static void
side_init (Side           *side,
           AdwApplication *app,
           XinzhiCorpus   *corpus,
           gboolean        every_view)
{
  side->window = xinzhi_test_present_window (app, corpus, WIDTH, HEIGHT);
  side->filter = xinzhi_window_get_filter (side->window);
  side->timeline = xinzhi_test_find_descendant (GTK_WIDGET (side->window), XINZHI_TYPE_TIMELINE);
  g_assert (side->timeline != NULL);
  side->costs = g_array_new (FALSE, FALSE, sizeof (double));

  if (every_view)
    {
      static const char * const views[] = { "sectors", "quotes", "articles" };

      for (guint i = 0; i < G_N_ELEMENTS (views); i++)
        xinzhi_test_show_view (side->window, views[i]);
      xinzhi_window_search (side->window, "productive forces");
      xinzhi_test_run_for (500);
    }

  xinzhi_test_show_view (side->window, "timeline");
  side->timer = xinzhi_test_frame_timer_new (GTK_WIDGET (side->window));
}

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->timer, xinzhi_test_frame_timer_free);
  g_clear_pointer (&side->costs, g_array_unref);
  xinzhi_test_destroy_window (GTK_WINDOW (side->window));
}

typedef void (*Change) (Side     *side,
                        guint     step,
                        gpointer  data);

static void
measure (Side    *side,
         Change   change,
         guint    step,
         gpointer data)
{
  double ms;

  xinzhi_test_frame_timer_start (side->timer);
  change (side, step, data);
  ms = xinzhi_test_frame_timer_finish (side->timer, GTK_WIDGET (side->window));
  g_array_append_val (side->costs, ms);
}

/* Three months from the month @step after January 2023, over the synthetic corpus's
 * years (2023 to 2025). */
static void
change_span (Side     *side,
             guint     step,
             gpointer  data)
{
  guint first_month = step % 34;
  g_autofree char *first_text = g_strdup_printf ("%04u-%02u", 2023 + first_month / 12, 1 + first_month % 12);
  g_autofree char *last_text = g_strdup_printf ("%04u-%02u", 2023 + (first_month + 2) / 12,
                                                1 + (first_month + 2) % 12);
  XinzhiDate first, last;
  guint32 first_day, last_day;

  if (!xinzhi_date_parse (first_text, &first) || !xinzhi_date_parse (last_text, &last))
    g_error ("bench-filter: %s or %s is not a date", first_text, last_text);
  g_signal_emit_by_name (side->timeline, "span-chosen",
                         (guint) xinzhi_date_first_day (&first), (guint) xinzhi_date_last_day (&last));
  if (!xinzhi_filter_get_span (side->filter, &first_day, &last_day) ||
      first_day != xinzhi_date_first_day (&first) || last_day != xinzhi_date_last_day (&last))
    g_error ("bench-filter: the span %s – %s did not reach the filter", first_text, last_text);
}

typedef struct
{
  XinzhiFilterKind kind;
  gpointer         value;
} Choice;

/* Even steps add a sector, a person or an outlet in turn; odd steps remove it. */
static void
change_filter (Side     *side,
               guint     step,
               gpointer  data)
{
  const Choice *choice = &((const Choice *) data)[(step / 2) % 3];
  gboolean changed = step % 2 == 0 ? xinzhi_filter_add (side->filter, choice->kind, choice->value)
                                   : xinzhi_filter_remove (side->filter, choice->kind, choice->value);

  if (!changed)
    g_error ("bench-filter: step %u did not change the filter", step);
}

typedef struct
{
  double median;
  double worst;
} Figures;

static Figures
figures (GArray *costs)
{
  Figures result = { xinzhi_bench_median ((const double *) (gconstpointer) costs->data, costs->len), 0 };

  for (guint i = 0; i < costs->len; i++)
    result.worst = MAX (result.worst, g_array_index (costs, double, i));
  return result;
}

/* Runs @n_runs changes on both sides in turn and prints and returns the figures. */
static XinzhiBenchEntry
run (const char *measure_name,
     const char *what,
     Side       *every,
     Side       *one,
     Change      change,
     gpointer    data,
     guint       n_runs)
{
  Figures a, b;

  g_array_set_size (every->costs, 0);
  g_array_set_size (one->costs, 0);
  for (guint step = 0; step < n_runs; step++)
    {
      measure (every, change, step, data);
      measure (one, change, step, data);
    }

  a = figures (every->costs);
  b = figures (one->costs);
  g_print ("%s: %s, %u articles, median of %u:\n", measure_name, what, N_ARTICLES, n_runs);
  g_print ("  every view built: %8.2f ms (worst %.2f ms)\n", a.median, a.worst);
  g_print ("  the timeline only: %7.2f ms (worst %.2f ms)\n", b.median, b.worst);
  g_print ("  ratio %.2f; target: median ≤ %.0f ms with every view: %s\n", a.median / b.median,
           TARGET_MS, a.median <= TARGET_MS ? "met" : "MISSED");

  return (XinzhiBenchEntry) { measure_name, N_ARTICLES, a.median, "ms", b.median };
}

int
main (int   argc,
      char *argv[])
{
  const char *output = BENCH_JSON;
  const char *only = NULL;
  guint n_runs = 20;
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiBenchEntry entries[2];
  guint n_entries = 0;
  Choice choices[3];
  Side every = { 0 }, one = { 0 };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          int runs = atoi (argv[++i]);

          n_runs = MAX (runs, 2);
        }
      else if (g_str_equal (argv[i], "--only") && i + 1 < argc &&
               (g_str_equal (argv[i + 1], "span-filter") || g_str_equal (argv[i + 1], "filter")))
        only = argv[++i];
      else if (argv[i][0] != '-')
        output = argv[i];
      else
        {
          g_printerr ("usage: bench-filter [--runs N] [--only span-filter|filter] [OUTPUT.json]\n");
          return 2;
        }
    }

  app = xinzhi_test_bench_init ();

  bytes = xinzhi_synth_corpus_json (N_ARTICLES, SEED);
  corpus = xinzhi_corpus_new_from_bytes (bytes, "synthetic.json", &error);
  if (corpus == NULL)
    g_error ("bench-filter: the synthetic corpus does not load: %s", error->message);

  /* The first sector, person and named outlet of the corpus. */
  {
    GListModel *documents = xinzhi_corpus_get_documents (corpus);
    g_autoptr(XinzhiSector) sector = g_list_model_get_item (xinzhi_corpus_get_sectors (corpus), 0);
    g_autoptr(XinzhiPerson) person = g_list_model_get_item (xinzhi_corpus_get_people (corpus), 0);
    const char *outlet = NULL;

    for (guint i = 0; outlet == NULL && i < g_list_model_get_n_items (documents); i++)
      {
        g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);

        outlet = xinzhi_document_get_outlet (document);
      }
    if (sector == NULL || person == NULL || outlet == NULL)
      g_error ("bench-filter: the synthetic corpus has no sector, person or outlet");
    choices[0] = (Choice) { XINZHI_FILTER_SECTOR, sector };
    choices[1] = (Choice) { XINZHI_FILTER_PERSON, person };
    /* The corpus holds the document, and so its outlet. */
    choices[2] = (Choice) { XINZHI_FILTER_OUTLET, (gpointer) outlet };
  }

  side_init (&every, app, corpus, TRUE);
  side_init (&one, app, corpus, FALSE);

  if (only == NULL || g_str_equal (only, "span-filter"))
    entries[n_entries++] = run ("span-filter", "a three-month span moved a month", &every, &one,
                                change_span, NULL, n_runs);
  if (only == NULL || g_str_equal (only, "filter"))
    {
      xinzhi_filter_clear_span (every.filter);
      xinzhi_filter_clear_span (one.filter);
      xinzhi_test_run_for (300);
      entries[n_entries++] = run ("filter", "a sector, a person, an outlet added and removed",
                                  &every, &one, change_filter, choices, n_runs);
    }

  side_clear (&every);
  side_clear (&one);

  xinzhi_bench_write_json (output, entries, n_entries);
  g_print ("written to %s\n", output);

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "xinzhi-bench.h"
#include "xinzhi-corpus.h"
#include "xinzhi-model-private.h"
#include "xinzhi-synth.h"

/* How soon a Cancel takes effect, and how steadily progress is told, when a corpus is
 * loaded as the window loads one: xinzhi_corpus_load_file_async() with a progress
 * callback, in the caller's main context.
 *
 *   bench-cancel [--sizes N] [OUTPUT.json]
 *
 * cancel: the load is cancelled from the progress callback at the first figure of each
 * stage (reading the file, raw check, parse, read, derive), three times each; the figure is the longest of
 * the stages' medians, from the cancel to the callback, against the whole load's time in
 * the same run.  Target: at most 100 ms in every stage (issue 14).  progress-gap: the
 * longest interval without a figure, the callback counted as a last figure of 1, the
 * median of three loads, against the whole load.  Target: a fifth of the load.  Prints
 * the figures and replaces their entries in OUTPUT.json (by default bench.json in the
 * build folder). */

#define SEED 20241205
#define RUNS 3
#define CANCEL_TARGET_MS 100.0

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  double        cancel_at;     /* cancel at the first figure from here, never if > 1 */
  double        last_figure;
  gint64        last_time;
  gint64        longest_gap;
  gint64        started_at;
  gint64        cancelled_at;
  double        cancelled_on;
  gint64        ended_at;
  XinzhiCorpus *corpus;
  GError       *error;
} Run;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Run *run = user_data;
  gint64 now = g_get_monotonic_time ();

  /* The wait before the first figure is the file's read, which tells no progress. */
  if (run->last_time != 0)
    run->longest_gap = MAX (run->longest_gap, now - run->last_time);
  run->last_time = now;
  run->last_figure = fraction;

  if (run->cancelled_at == 0 && fraction >= run->cancel_at)
    {
      run->cancelled_at = now;
      run->cancelled_on = fraction;
      g_cancellable_cancel (run->cancellable);
    }
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;

  run->ended_at = g_get_monotonic_time ();
  if (run->last_time != 0)
    run->longest_gap = MAX (run->longest_gap, run->ended_at - run->last_time);
  run->corpus = xinzhi_corpus_load_file_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

/* Loads @file, cancelling at the first figure from @cancel_at on; fills @run. */
static void
load (GFile  *file,
      double  cancel_at,
      Run    *run)
{
  *run = (Run) {
    .loop = g_main_loop_new (NULL, FALSE),
    .cancellable = g_cancellable_new (),
    .cancel_at = cancel_at,
    .started_at = g_get_monotonic_time (),
  };
  xinzhi_corpus_load_file_async (file, G_PRIORITY_DEFAULT, run->cancellable,
                                 progress_cb, run, NULL, load_cb, run);
  g_main_loop_run (run->loop);
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_object (&run->cancellable);
}

static void
run_clear (Run *run)
{
  g_clear_object (&run->corpus);
  g_clear_error (&run->error);
}

int
main (int   argc,
      char *argv[])
{
  const char *output = BENCH_JSON;
  guint n_articles = 10000;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  double loads[RUNS], gaps[RUNS];
  double worst_wait = 0;
  XinzhiBenchEntry entries[2];
  int fd;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--sizes") && i + 1 < argc)
        {
          g_autofree guint *sizes = NULL;
          guint n_sizes;

          sizes = xinzhi_bench_parse_sizes (argv[++i], &n_sizes);
          if (sizes == NULL || n_sizes != 1)
            {
              g_printerr ("bench-cancel: --sizes takes one number of articles, from 1 to 100000\n");
              return 2;
            }
          n_articles = sizes[0];
        }
      else if (argv[i][0] != '-')
        output = argv[i];
      else
        {
          g_printerr ("usage: bench-cancel [--sizes N] [OUTPUT.json]\n");
          return 2;
        }
    }

  g_type_ensure (XINZHI_TYPE_CORPUS);
  bytes = xinzhi_synth_corpus_json (n_articles, SEED);
  fd = g_file_open_tmp ("bench-cancel-XXXXXX.json", &path, &error);
  if (fd < 0 || !g_close (fd, &error) ||
      !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("bench-cancel: %s", error->message);
  file = g_file_new_for_path (path);

  g_print ("loading a synthetic corpus of %u articles (%.1f MB, xinzhi-synth, seed %u) "
           "with xinzhi_corpus_load_file_async()\n",
           n_articles, g_bytes_get_size (bytes) / 1e6, SEED);
  for (guint r = 0; r < RUNS; r++)
    {
      Run run;

      load (file, 2.0, &run);
      if (run.corpus == NULL)
        g_error ("bench-cancel: the synthetic corpus does not load: %s", run.error->message);
      loads[r] = (run.ended_at - run.started_at) / 1000.0;
      gaps[r] = run.longest_gap / 1000.0;
      g_print ("  whole load %.0f ms, longest interval without a figure %.0f ms\n", loads[r], gaps[r]);
      run_clear (&run);
    }

  g_print ("\ncancelled at the first figure of each stage, from the cancel to the callback:\n");
  g_print ("  %-10s  %s\n", "stage", "waits (ms)");
  for (guint stage = 0; stage < XINZHI_LOAD_N_STAGES; stage++)
    {
      double waits[RUNS];
      double median;

      g_print ("  %-10s ", xinzhi_load_stage_name (stage));
      for (guint r = 0; r < RUNS; r++)
        {
          Run run;

          load (file, xinzhi_load_stage_start (stage), &run);
          if (run.cancelled_at == 0 || !g_error_matches (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_error ("bench-cancel: the load was not cancelled in the %s stage", xinzhi_load_stage_name (stage));
          waits[r] = (run.ended_at - run.cancelled_at) / 1000.0;
          g_print (" %7.1f%s", waits[r],
                   xinzhi_load_stage_of (run.cancelled_on) != stage ? " (in a later stage)" : "");
          run_clear (&run);
        }
      median = xinzhi_bench_median (waits, RUNS);
      g_print ("   median %.1f%s\n", median, median > CANCEL_TARGET_MS ? "  (over the target)" : "");
      worst_wait = MAX (worst_wait, median);
    }
  g_print ("  target: at most %.0f ms in every stage\n", CANCEL_TARGET_MS);

  entries[0] = (XinzhiBenchEntry) { "cancel", n_articles, worst_wait, "ms",
                                    xinzhi_bench_median (loads, RUNS) };
  entries[1] = (XinzhiBenchEntry) { "progress-gap", n_articles, xinzhi_bench_median (gaps, RUNS), "ms",
                                    xinzhi_bench_median (loads, RUNS) };
  xinzhi_bench_print_table ("the longest of the stages' median waits from a cancel to the callback",
                            "the whole load, same run", &entries[0], 1, 0);
  xinzhi_bench_print_table ("the longest interval without a progress figure, median",
                            "the whole load, same run", &entries[1], 1, 0.2);

  g_unlink (path);
  xinzhi_bench_write_json (output, entries, G_N_ELEMENTS (entries));
  g_print ("written to %s\n", output);

  return 0;
}

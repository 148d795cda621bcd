/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "xinzhi-bench.h"
#include "xinzhi-corpus.h"
#include "xinzhi-synth.h"

/* How long loading a corpus into the model takes, against json-glib parsing the same
 * bytes alone, and how much memory it needs at its peak, against the file's size; for
 * synthetic corpora (xinzhi-synth.h) of 10 to 10,000 articles.
 *
 *   bench-load [--only load|load-rss] [--sizes N,N,…] [OUTPUT.json]
 *
 * load: xinzhi_corpus_new_from_bytes() and json_parser_load_from_data() on the same
 * bytes, taken in turns, in this process; the median of up to five runs of each (fewer
 * when a size takes long).  load-rss: each size in a fresh process of its own (this
 * program again, with --child FILE), which reads the file with
 * xinzhi_corpus_new_from_file(), as the app does; the figure is its peak resident set
 * (VmHWM) less its resident set before, so that neither the runtime nor an earlier size
 * is counted.  Prints a table per measure and replaces their entries in OUTPUT.json (by
 * default bench.json in the build folder). */

#define SEED 20241125
#define MAX_RUNS 5
/* Stop adding runs once a size has taken this long (µs). */
#define TIME_BUDGET (20 * G_USEC_PER_SEC)

static const guint default_sizes[] = { 10, 100, 1000, 10000 };

/* In the child: loads @path and prints the resident set before and the peak after, in KiB. */
static int
child_main (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  gsize before, peak;

  /* The types, so that registering them is not counted as loading. */
  g_type_ensure (XINZHI_TYPE_CORPUS);
  before = xinzhi_bench_status_kib ("VmRSS");
  corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  if (corpus == NULL)
    {
      g_printerr ("bench-load: %s\n", error->message);
      return 1;
    }
  peak = xinzhi_bench_status_kib ("VmHWM");
  g_print ("%" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT "\n", before, peak);

  return 0;
}

static double
time_load (GBytes *bytes)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  corpus = xinzhi_corpus_new_from_bytes (bytes, "synthetic.json", &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (corpus == NULL)
    g_error ("bench-load: the synthetic corpus does not load: %s", error->message);

  return ms;
}

static double
time_parse (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gint64 start = g_get_monotonic_time ();
  double ms;

  if (!json_parser_load_from_data (parser, data, size, &error))
    g_error ("bench-load: json-glib cannot parse the synthetic corpus: %s", error->message);
  ms = (g_get_monotonic_time () - start) / 1000.0;

  return ms;
}

static XinzhiBenchEntry
measure_load (GBytes *bytes,
              guint   n_articles)
{
  double loads[MAX_RUNS], parses[MAX_RUNS];
  gint64 start = g_get_monotonic_time ();
  guint runs = 0;

  /* In turns, so that a busy moment of the machine weighs on both alike. */
  while (runs < MAX_RUNS && (runs == 0 || g_get_monotonic_time () - start < TIME_BUDGET))
    {
      parses[runs] = time_parse (bytes);
      loads[runs] = time_load (bytes);
      runs++;
    }
  g_print ("  (%u articles: %u run%s)\n", n_articles, runs, runs == 1 ? "" : "s");

  return (XinzhiBenchEntry) { "load", n_articles, xinzhi_bench_median (loads, runs), "ms",
                              xinzhi_bench_median (parses, runs) };
}

static XinzhiBenchEntry
measure_load_rss (GBytes     *bytes,
                  guint       n_articles,
                  const char *dir)
{
  g_autofree char *path = g_strdup_printf ("%s/synthetic-%u.json", dir, n_articles);
  double mib = xinzhi_bench_child_peak_mib (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return (XinzhiBenchEntry) { "load-rss", n_articles, mib, "MiB",
                              g_bytes_get_size (bytes) / 1048576.0 };
}

int
main (int   argc,
      char *argv[])
{
  const char *output = BENCH_JSON;
  const char *only = NULL;
  g_autofree guint *sizes = g_memdup2 (default_sizes, sizeof default_sizes);
  guint n_sizes = G_N_ELEMENTS (default_sizes);
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (XinzhiBenchEntry));
  g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (XinzhiBenchEntry));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (XinzhiBenchEntry));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return child_main (argv[2]);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--only") && i + 1 < argc &&
          (g_str_equal (argv[i + 1], "load") || g_str_equal (argv[i + 1], "load-rss")))
        only = argv[++i];
      else if (g_str_equal (argv[i], "--sizes") && i + 1 < argc)
        {
          g_free (sizes);
          sizes = xinzhi_bench_parse_sizes (argv[++i], &n_sizes);
          if (sizes == NULL)
            {
              g_printerr ("bench-load: sizes are numbers of articles from 1 to 100000, such as 10,1000\n");
              return 2;
            }
        }
      else if (argv[i][0] != '-')
        output = argv[i];
      else
        {
          g_printerr ("usage: bench-load [--only load|load-rss] [--sizes N,N,…] [OUTPUT.json]\n");
          return 2;
        }
    }

  dir = g_dir_make_tmp ("bench-load-XXXXXX", &error);
  if (dir == NULL)
    g_error ("bench-load: %s", error->message);

  g_print ("loading synthetic corpora (xinzhi-synth, seed %u)\n", SEED);
  for (guint s = 0; s < n_sizes; s++)
    {
      g_autoptr(GBytes) bytes = xinzhi_synth_corpus_json (sizes[s], SEED);
      XinzhiBenchEntry entry;

      g_print ("  %u articles: %.1f MB\n", sizes[s], g_bytes_get_size (bytes) / 1e6);
      if (only == NULL || g_str_equal (only, "load"))
        {
          entry = measure_load (bytes, sizes[s]);
          g_array_append_val (loads, entry);
        }
      if (only == NULL || g_str_equal (only, "load-rss"))
        {
          entry = measure_load_rss (bytes, sizes[s], dir);
          g_array_append_val (rss, entry);
        }
    }
  g_rmdir (dir);

  if (loads->len > 0)
    {
      xinzhi_bench_print_table ("loading a corpus into the model (xinzhi_corpus_new_from_bytes), median",
                                "json_parser_load_from_data() on the same bytes, same run",
                                (XinzhiBenchEntry *) loads->data, loads->len, 1.5);
      g_array_append_vals (all, loads->data, loads->len);
    }
  if (rss->len > 0)
    {
      xinzhi_bench_print_table ("peak memory of loading a corpus file, in a fresh process (VmHWM less VmRSS before)",
                                "the file's size",
                                (XinzhiBenchEntry *) rss->data, rss->len, 4);
      g_array_append_vals (all, rss->data, rss->len);
    }

  xinzhi_bench_write_json (output, (XinzhiBenchEntry *) all->data, all->len);
  g_print ("written to %s\n", output);

  return 0;
}

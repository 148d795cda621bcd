/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* For memmem(). */
#define _GNU_SOURCE

#include <stdlib.h>
#include <string.h>

#include "xinzhi-bench.h"
#include "xinzhi-search.h"
#include "xinzhi-synth.h"

/* How long one search takes over 10,000 articles, against one plain memmem() pass over
 * all of their text, measured in the same run.  The folded index is built before the
 * clock starts (it is built once per corpus, on the first search).
 *
 *   bench-search [OUTPUT.json]
 *
 * The corpus is the shared synthetic one (xinzhi-synth.h), its queries words of its text.
 * Runs 100 queries (common words, rare words, Chinese, accented, absent), each five
 * times for its fastest, prints the median and the worst of them, and replaces the "search-worst" entry of OUTPUT.json (by default
 * bench.json in the build folder), keeping the other measures there. */

#define MEASURE "search-worst"
#define N_ARTICLES 10000
#define N_QUERIES 100
#define REPEATS 5

/* All the text a search looks at, unfolded, in one buffer. */
static GString *
concatenate_text (XinzhiCorpus *corpus)
{
  GListModel *documents = xinzhi_corpus_get_documents (corpus);
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);

      g_string_append (all, xinzhi_document_get_title (document));
      g_string_append_c (all, '\0');
      for (guint p = 0; p < xinzhi_document_get_n_paragraphs (document); p++)
        {
          g_string_append (all, xinzhi_document_get_paragraph (document, p)->text);
          g_string_append_c (all, '\0');
        }
    }

  return all;
}

/* One plain memmem() scan over all of the text for @needle: every occurrence found,
 * nothing folded, grouped or ranked. */
static double
time_scan (GString    *all,
           const char *needle)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gsize needle_len = strlen (needle);

  for (guint run = 0; run < 11; run++)
    {
      gint64 start = g_get_monotonic_time ();
      volatile guint n_found = 0;
      double ms;

      for (const char *p = all->str;
           (p = memmem (p, all->len - (p - all->str), needle, needle_len)) != NULL;
           p += needle_len)
        n_found++;
      /* Used, so that the compiler keeps the scan. */
      g_assert_cmpuint (n_found, <=, all->len);

      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_array_sort (times, xinzhi_bench_compare_doubles);
  return g_array_index (times, double, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *output = BENCH_JSON;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(XinzhiSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const char * const *words, * const *han, * const *rare;
  guint n_words, n_han, n_rare;
  GString *all;
  const char *worst_query = NULL;
  double load, build, absent, baseline, worst = 0, median;
  char worst_needle[64] = "";
  gint64 start;

  if (argc > 2 || (argc == 2 && argv[1][0] == '-'))
    {
      g_printerr ("usage: bench-search [OUTPUT.json]\n");
      return 2;
    }
  if (argc == 2)
    output = argv[1];

  start = g_get_monotonic_time ();
  words = xinzhi_synth_common_words (&n_words);
  han = xinzhi_synth_chinese_words (&n_han);
  rare = xinzhi_synth_rare_words (&n_rare);
  bytes = xinzhi_synth_corpus_json (N_ARTICLES, 20241125);
  corpus = xinzhi_corpus_new_from_bytes (bytes, "synthetic.json", &error);
  if (corpus == NULL)
    g_error ("bench-search: %s", error->message);
  load = (g_get_monotonic_time () - start) / 1000.0;

  all = concatenate_text (corpus);
  absent = time_scan (all, "absent words");

  search = xinzhi_search_new (corpus);
  start = g_get_monotonic_time ();
  xinzhi_search_set_query (search, "warm up: builds the index");
  build = (g_get_monotonic_time () - start) / 1000.0;

  for (guint q = 0; q < N_QUERIES; q++)
    {
      char query[64];
      guint kind = q % 5;
      double ms;

      /* Common words, rare words, Chinese, accented or capitalised, and absent. */
      if (kind == 0)
        g_snprintf (query, sizeof query, "%s", words[g_rand_int_range (rand, 0, n_words)]);
      else if (kind == 1)
        g_snprintf (query, sizeof query, "%s", rare[g_rand_int_range (rand, 0, n_rare)]);
      else if (kind == 2)
        g_snprintf (query, sizeof query, "%s", han[g_rand_int_range (rand, 0, n_han)]);
      else if (kind == 3)
        g_snprintf (query, sizeof query, "%s",
                    (const char *[]) { "ÉNERGIE", "Energy Storage", "zurich", "Hydrogen", "QUANTUM" }[q / 5 % 5]);
      else
        g_snprintf (query, sizeof query, "absent %u", q);

      /* The fastest of a few runs of each query, so that a moment's load on the machine
       * is not taken for the search's worst; the baseline is taken the same way.  An
       * empty query in between, or the search would see the same query and do nothing. */
      {
        double runs[REPEATS];

        for (guint r = 0; r < REPEATS; r++)
          {
            xinzhi_search_set_query (search, "");
            start = g_get_monotonic_time ();
            xinzhi_search_set_query (search, query);
            runs[r] = (g_get_monotonic_time () - start) / 1000.0;
          }
        qsort (runs, REPEATS, sizeof (double), xinzhi_bench_compare_doubles);
        ms = runs[0];
      }
      g_array_append_val (times, ms);

      if (ms > worst)
        {
          worst = ms;
          worst_query = q % 5 == 4 ? "(absent words)" : g_intern_string (query);
          g_strlcpy (worst_needle, query, sizeof worst_needle);
        }
    }

  g_array_sort (times, xinzhi_bench_compare_doubles);
  median = g_array_index (times, double, times->len / 2);
  /* The words as the search looks for them: folded, as they mostly are in the text. */
  {
    g_autofree char *folded = xinzhi_search_fold (worst_needle, -1, NULL);

    baseline = time_scan (all, folded);
  }

  g_print ("search over %u articles, %.1f MB of text, %u queries:\n",
           N_ARTICLES, all->len / 1e6, N_QUERIES);
  g_print ("  median: %8.3f ms\n", median);
  g_print ("  worst:  %8.3f ms (\"%s\")\n", worst, worst_query);
  g_print ("  one memmem() scan of all the text for the same words: %.3f ms\n", baseline);
  g_print ("  ratio worst / scan: %.2f (target <= 1)\n", worst / baseline);
  g_print ("  (one memmem() pass for absent words: %.3f ms; worst / that: %.2f)\n",
           absent, worst / absent);
  g_print ("(loading the synthetic corpus: %.0f ms; building the folded index: %.0f ms)\n",
           load, build);

  xinzhi_bench_write_json (output,
                           &(XinzhiBenchEntry) { MEASURE, N_ARTICLES, worst, "ms", baseline }, 1);
  g_print ("written to %s\n", output);

  g_string_free (all, TRUE);

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The synthetic corpus generator: what it makes is a valid corpus with the counts it
 * promises, and the same seed makes the same bytes. */
#include "config.h"

#include <string.h>

#include "xinzhi-corpus.h"
#include "xinzhi-synth.h"

static void
check_size (gconstpointer data)
{
  guint n_articles = GPOINTER_TO_UINT (data);
  g_autoptr(GBytes) bytes = xinzhi_synth_corpus_json (n_articles, 42);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiSynthCounts counts;
  GListModel *documents;
  guint n_chinese = 0, n_with_quotes = 0, n_paragraphs = 0;
  gsize n_bytes = 0;

  corpus = xinzhi_corpus_new_from_bytes (bytes, "synthetic.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);

  xinzhi_synth_get_counts (n_articles, &counts);
  g_assert_cmpuint (counts.n_documents, ==, n_articles);
  documents = xinzhi_corpus_get_documents (corpus);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, counts.n_documents);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_people (corpus)), ==, counts.n_people);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_sectors (corpus)), ==, counts.n_sectors);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)), ==, counts.n_events);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus)), ==, counts.n_quotes);

  /* Proportional: more articles, more of everything but sectors, which grow slower. */
  g_assert_cmpuint (counts.n_people, >=, n_articles / 5);
  g_assert_cmpuint (counts.n_events, >=, n_articles / 2);
  g_assert_cmpuint (counts.n_quotes, ==, 2 * n_articles);

  for (guint d = 0; d < n_articles; d++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, d);

      if (g_str_equal (xinzhi_document_get_language (document), "zh"))
        n_chinese++;
      if (g_list_model_get_n_items (xinzhi_document_get_quotes (document)) > 0)
        n_with_quotes++;
      for (guint p = 0; p < xinzhi_document_get_n_paragraphs (document); p++)
        {
          n_bytes += strlen (xinzhi_document_get_paragraph (document, p)->text);
          n_paragraphs++;
        }
    }

  /* Some Chinese, realistic paragraphs (the built-in corpus: about 240 bytes each). */
  g_assert_cmpuint (n_chinese, ==, (n_articles + 1) / 6);
  g_assert_cmpuint (n_with_quotes, >, n_articles / 2);
  g_test_message ("%u articles: %zu bytes of file, %u paragraphs, %zu bytes of text, "
                  "%zu bytes per paragraph", n_articles, g_bytes_get_size (bytes),
                  n_paragraphs, n_bytes, n_bytes / n_paragraphs);
  g_assert_cmpuint (n_bytes / n_paragraphs, >, 120);
  g_assert_cmpuint (n_bytes / n_paragraphs, <, 600);
  g_assert_cmpuint (n_paragraphs / n_articles, >=, 6);
}

static void
test_deterministic (void)
{
  g_autoptr(GBytes) one = xinzhi_synth_corpus_json (100, 7);
  g_autoptr(GBytes) two = xinzhi_synth_corpus_json (100, 7);
  g_autoptr(GBytes) other = xinzhi_synth_corpus_json (100, 8);

  g_assert_true (g_bytes_equal (one, two));
  g_assert_false (g_bytes_equal (one, other));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/synth/10", GUINT_TO_POINTER (10), check_size);
  g_test_add_data_func ("/synth/1000", GUINT_TO_POINTER (1000), check_size);
  g_test_add_func ("/synth/deterministic", test_deterministic);

  return g_test_run ();
}

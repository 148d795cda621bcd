/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A benchmark of accuracy, not speed: extracts the seed articles (tests/data/seeds/,
 * furniture and all) and scores the result against the curated built-in corpus, which
 * a careful person extracted from the same pages.
 *
 *   quote recall      curated quotes that an extracted quote matches
 *   quote precision   extracted quotes (with a speaker or not) that match a curated one
 *   speaker accuracy  matched quotes whose speaker is the curated person (by name or
 *                     variant); a quote with no speaker counts as wrong
 *   kind accuracy     matched quotes that are direct or paraphrase as curated
 *   dates right       documents whose date and precision are the curated ones
 *   furniture left    extracted paragraphs that are no curated paragraph of the document
 *   events found      curated events with a source in the document whose start date (at
 *                     its precision) a candidate event of the extraction gives, in the
 *                     paragraph the curated event cites; reported, no target
 *
 * A match: the two quotes lie in the same paragraph text and overlap by at least 80%
 * of the characters of each (so of the longer one), each matched once, in order.
 * Each extraction is paired with the curated document that shares most paragraphs.
 *
 *   build-aux/dev bench extract        bench-extract [--misses] [SEEDS_DIR] [bench.json]
 *
 * --misses lists the curated quotes no extracted one matched and the extracted quotes
 * that match none, with their rule: what to look at when a rule is added or changed.
 */
#include "config.h"

#include <string.h>

#include "xinzhi-bench.h"
#include "xinzhi-corpus.h"
#include "xinzhi-document.h"
#include "xinzhi-event.h"
#include "xinzhi-extraction.h"
#include "xinzhi-person.h"
#include "xinzhi-quote.h"

static gboolean
has_paragraph (XinzhiDocument *document,
               const char     *text)
{
  for (guint i = 0; i < xinzhi_document_get_n_paragraphs (document); i++)
    if (g_str_equal (xinzhi_document_get_paragraph (document, i)->text, text))
      return TRUE;
  return FALSE;
}

static XinzhiDocument *
pair (XinzhiCorpus     *corpus,
      XinzhiExtraction *extraction)
{
  GListModel *documents = xinzhi_corpus_get_documents (corpus);
  XinzhiDocument *best = NULL;
  guint best_shared = 0;

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, d);
      guint shared = 0;

      for (guint i = 0; i < xinzhi_extraction_get_n_paragraphs (extraction); i++)
        if (has_paragraph (document, xinzhi_extraction_get_paragraph (extraction, i)->text))
          shared++;
      if (shared > best_shared)
        {
          best_shared = shared;
          best = document;
        }
    }
  return best;
}

/* The characters the extracted quote and the curated one share, if the curated text
 * is in the extracted quote's paragraph; how long each is in @q_chars, @c_chars. */
static glong
overlap (const char *paragraph,
         gsize       q_start,
         gsize       q_end,
         const char *curated,
         glong      *q_chars,
         glong      *c_chars)
{
  const char *at = strstr (paragraph, curated);
  gsize c_start, c_end, from, to;

  *q_chars = g_utf8_strlen (paragraph + q_start, (gssize) (q_end - q_start));
  *c_chars = g_utf8_strlen (curated, -1);
  if (at == NULL)
    return 0;
  c_start = (gsize) (at - paragraph);
  c_end = c_start + strlen (curated);
  from = MAX (q_start, c_start);
  to = MIN (q_end, c_end);
  if (to <= from)
    return 0;
  return g_utf8_strlen (paragraph + from, (gssize) (to - from));
}

static gboolean
same_person (XinzhiPerson *person,
             const char   *name)
{
  const char * const *variants = xinzhi_person_get_variants (person);

  if (g_str_equal (xinzhi_person_get_name (person), name))
    return TRUE;
  for (guint i = 0; variants != NULL && variants[i] != NULL; i++)
    if (g_str_equal (variants[i], name))
      return TRUE;
  return FALSE;
}

/* The curated events with a source in @document, and those a candidate event of
 * @extraction dates alike in the paragraph the event cites. */
static void
count_events_found (XinzhiCorpus     *corpus,
                    XinzhiDocument   *document,
                    XinzhiExtraction *extraction,
                    gboolean          misses,
                    guint            *n_curated,
                    guint            *n_found)
{
  GListModel *events = xinzhi_corpus_get_events (corpus);

  for (guint e = 0; e < g_list_model_get_n_items (events); e++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, e);
      g_autofree char *date = xinzhi_date_to_iso (xinzhi_event_get_start (event));

      for (guint s = 0; s < xinzhi_event_get_n_sources (event); s++)
        {
          guint paragraph;
          const char *text;
          gboolean found = FALSE;

          if (xinzhi_event_get_source (event, s, &paragraph) != document)
            continue;
          (*n_curated)++;
          text = xinzhi_document_get_paragraph (document, paragraph)->text;
          for (guint c = 0; c < xinzhi_extraction_get_n_events (extraction) && !found; c++)
            {
              const XinzhiExtractEvent *candidate = xinzhi_extraction_get_event (extraction, c);
              g_autofree char *candidate_date = xinzhi_date_to_iso (&candidate->date);

              found = g_str_equal (candidate_date, date) &&
                      g_str_equal (xinzhi_extraction_get_paragraph (extraction, candidate->paragraph)->text, text);
            }
          if (found)
            (*n_found)++;
          else if (misses)
            g_print ("%s: curated event %s (%s) not found as a candidate\n",
                     xinzhi_document_get_id (document), xinzhi_event_get_display_title (event), date);
          break;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  gboolean misses = argc > 1 && g_str_equal (argv[1], "--misses");
  const char *seeds_dir = argc > 1 + misses ? argv[1 + misses] : SEEDS_DIR;
  const char *output = argc > 2 + misses ? argv[2 + misses] : BENCH_JSON;
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (&error);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n_curated = 0, n_extracted = 0, n_matched_curated = 0, n_matched_extracted = 0;
  guint n_speaker_right = 0, n_kind_right = 0, n_docs = 0, n_dates_right = 0, n_left_in = 0;
  guint n_curated_events = 0, n_events_found = 0, n_candidates = 0;
  const char *name;
  double recall, precision, speakers, kinds;

  g_assert_no_error (error);
  dir = g_dir_open (seeds_dir, 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (seeds_dir, name, NULL));
  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);

  for (guint f = 0; f < names->len; f++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (names, f));
      g_autoptr(XinzhiExtraction) extraction = xinzhi_extraction_new_from_file (file, NULL, &error);
      g_autofree gboolean *taken = NULL;
      g_autofree char *date = NULL;
      g_autofree char *curated_date = NULL;
      XinzhiDocument *document;
      GListModel *quotes;
      guint n_quotes;

      if (extraction == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      n_docs++;
      document = pair (corpus, extraction);
      if (document == NULL)
        {
          g_printerr ("%s: no curated document shares a paragraph with it\n",
                      (const char *) g_ptr_array_index (names, f));
          n_extracted += xinzhi_extraction_get_n_quotes (extraction);
          continue;
        }

      date = xinzhi_date_to_iso (xinzhi_extraction_get_date (extraction));
      curated_date = xinzhi_date_to_iso (xinzhi_document_get_date (document));
      if (g_str_equal (date, curated_date))
        n_dates_right++;
      for (guint i = 0; i < xinzhi_extraction_get_n_paragraphs (extraction); i++)
        if (!has_paragraph (document, xinzhi_extraction_get_paragraph (extraction, i)->text))
          n_left_in++;

      n_candidates += xinzhi_extraction_get_n_events (extraction);
      count_events_found (corpus, document, extraction, misses, &n_curated_events, &n_events_found);

      quotes = xinzhi_document_get_quotes (document);
      n_quotes = g_list_model_get_n_items (quotes);
      n_curated += n_quotes;
      n_extracted += xinzhi_extraction_get_n_quotes (extraction);
      taken = g_new0 (gboolean, n_quotes);

      for (guint i = 0; i < xinzhi_extraction_get_n_quotes (extraction); i++)
        {
          const XinzhiExtractQuote *q = xinzhi_extraction_get_quote (extraction, i);
          const char *paragraph = xinzhi_extraction_get_paragraph (extraction, q->paragraph)->text;
          gboolean matched = FALSE;

          for (guint c = 0; c < n_quotes; c++)
            {
              g_autoptr(XinzhiQuote) curated = g_list_model_get_item (quotes, c);
              glong q_chars, c_chars;
              glong shared;

              if (taken[c])
                continue;
              shared = overlap (paragraph, q->start, q->end, xinzhi_quote_get_text (curated),
                                &q_chars, &c_chars);
              if (shared * 10 < MAX (q_chars, c_chars) * 8)
                continue;
              taken[c] = TRUE;
              n_matched_extracted++;
              n_matched_curated++;
              if (q->person >= 0 &&
                  same_person (xinzhi_quote_get_person (curated),
                               xinzhi_extraction_get_person (extraction, (guint) q->person)->name))
                n_speaker_right++;
              if (q->direct == (xinzhi_quote_get_kind (curated) == XINZHI_QUOTE_DIRECT))
                n_kind_right++;
              matched = TRUE;
              break;
            }
          if (misses && !matched)
            g_print ("%s: extracted, matches no curated quote [%s]: %.*s\n",
                     xinzhi_document_get_id (document), q->rule,
                     (int) (q->end - q->start), paragraph + q->start);
        }
      for (guint c = 0; misses && c < n_quotes; c++)
        if (!taken[c])
          {
            g_autoptr(XinzhiQuote) curated = g_list_model_get_item (quotes, c);

            g_print ("%s: curated, not extracted: %s\n",
                     xinzhi_document_get_id (document), xinzhi_quote_get_text (curated));
          }
    }

  recall = n_curated > 0 ? (double) n_matched_curated / n_curated : 0;
  precision = n_extracted > 0 ? (double) n_matched_extracted / n_extracted : 0;
  speakers = n_matched_curated > 0 ? (double) n_speaker_right / n_matched_curated : 0;
  kinds = n_matched_curated > 0 ? (double) n_kind_right / n_matched_curated : 0;

  g_print ("extraction of %u seed articles against the curated corpus:\n", n_docs);
  g_print ("  quote recall:     %.2f (%u of %u curated quotes matched; target >= 0.90)\n",
           recall, n_matched_curated, n_curated);
  g_print ("  quote precision:  %.2f (%u of %u extracted quotes match; target >= 0.85)\n",
           precision, n_matched_extracted, n_extracted);
  g_print ("  speaker accuracy: %.2f (of matched quotes; target >= 0.90)\n", speakers);
  g_print ("  kind accuracy:    %.2f (direct or paraphrase, of matched quotes)\n", kinds);
  g_print ("  dates right:      %u of %u documents (date and precision)\n", n_dates_right, n_docs);
  g_print ("  paragraphs that are no curated paragraph (furniture left in, or cut otherwise): %u\n",
           n_left_in);
  g_print ("  candidate events: %u; curated events whose date one gives in the paragraph cited: %u of %u\n",
           n_candidates, n_events_found, n_curated_events);

  {
    XinzhiBenchEntry entries[] = {
      { "extract-quote-recall", n_docs, recall, "ratio", 0.9 },
      { "extract-quote-precision", n_docs, precision, "ratio", 0.85 },
      { "extract-speaker-accuracy", n_docs, speakers, "ratio", 0.9 },
      { "extract-kind-accuracy", n_docs, kinds, "ratio", 1.0 },
      { "extract-dates-right", n_docs, n_dates_right, "documents", n_docs },
      { "extract-furniture-left", n_docs, n_left_in, "paragraphs", 0 },
      { "extract-events-found", n_docs, n_events_found, "events", n_curated_events },
    };

    xinzhi_bench_write_json (output, entries, G_N_ELEMENTS (entries));
  }
  g_print ("written to %s\n", output);
  return 0;
}

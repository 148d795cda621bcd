/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What loading costs, headless: corpora of the shapes that once made it cost far more
 * than their size (xinzhi-adversarial.h), built here at 1 MB or so (what main's loader
 * took for each is given in the test: release build, the loader alone), load with the
 * right result, and in a memory bounded by their size; a cancel stops the load soon, in every stage.  No
 * test here asserts a wall-clock time: speed is what `build-aux/dev bench adversarial`
 * measures.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <time.h>

#include "xinzhi-adversarial.h"
#include "xinzhi-corpus.h"
#include "xinzhi-synth.h"
#include "xinzhi-test-tool.h"

#define SEED 20241205
#define MB 1000000

/* Memory checks mean nothing under valgrind (whose own memory is the process's) or
 * AddressSanitizer (its shadow and quarantine), which the test suite also runs under;
 * there, the sizes are smaller too, and only the results are checked: @size, or a tenth of
 * it under a tool. */
static gsize
sized (gsize size)
{
  return xinzhi_test_under_a_tool () ? size / 10 : size;
}

static gsize
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *prefix = g_strconcat ("\n", field, ":", NULL);
  const char *found;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  found = strstr (status, prefix);
  g_assert_nonnull (found);
  return g_ascii_strtoull (found + strlen (prefix), NULL, 10);
}

/* Loads @bytes, checking in a child process first that the peak memory of it is under
 * 40 times the file's size and 8 MiB besides (a synthetic corpus needs about 3 times;
 * the shapes here up to 10), where that can be measured. */
static XinzhiCorpus *
load_bounded (GBytes   *bytes,
              GError  **error)
{
  if (!xinzhi_test_under_a_tool ())
    {
      if (g_test_subprocess ())
        {
          g_autoptr(XinzhiCorpus) corpus = NULL;
          g_autoptr(GError) child_error = NULL;
          gsize before, peak, bound;

          g_type_ensure (XINZHI_TYPE_CORPUS);
          before = status_kib ("VmRSS");
          corpus = xinzhi_corpus_new_from_bytes (bytes, "shape.json", &child_error);
          peak = status_kib ("VmHWM");
          bound = 40 * g_bytes_get_size (bytes) / 1024 + 8 * 1024;
          g_test_message ("%.1f MB: peak %.1f MiB more than before; at most %.1f MiB",
                          g_bytes_get_size (bytes) / 1e6, (peak - before) / 1024.0, bound / 1024.0);
          g_assert_cmpuint (peak - before, <=, bound);
          return NULL;
        }
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }

  return xinzhi_corpus_new_from_bytes (bytes, "shape.json", error);
}

/* Whether @text holds @term at @at, with no letter or digit right before or after it
 * (the terms of these shapes are ASCII letters, or one Chinese character). */
static gboolean
word_at (const char *text,
         const char *at,
         gsize       length)
{
  gboolean latin = g_ascii_isalnum (at[0]);

  if (!latin)
    return TRUE;
  return (at == text || !g_ascii_isalnum (at[-1])) && !g_ascii_isalnum (at[length]);
}

/* How often @term occurs in @document's paragraphs as the loader matches it: ASCII case
 * aside, at word boundaries where it starts or ends with a letter, without overlaps. */
static guint
count_term (XinzhiDocument *document,
            const char     *term)
{
  g_autofree char *lowered_term = g_ascii_strdown (term, -1);
  gsize length = strlen (term);
  guint n = 0;

  for (guint p = 0; p < xinzhi_document_get_n_paragraphs (document); p++)
    {
      g_autofree char *text = g_ascii_strdown (xinzhi_document_get_paragraph (document, p)->text, -1);

      for (const char *at = strstr (text, lowered_term); at != NULL; at = strstr (at + 1, lowered_term))
        if (word_at (text, at, length))
          {
            n++;
            at += length - 1;
          }
    }
  return n;
}

static guint
count_in_corpus (XinzhiCorpus *corpus,
                 const char   *term)
{
  GListModel *documents = xinzhi_corpus_get_documents (corpus);
  guint n = 0;

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, d);

      n += count_term (document, term);
    }
  return n;
}

/* A sector's mentions as the terms' occurrences, counted here; for the first
 * @n_sectors sectors and @n_people people. */
static void
assert_mentions_counted (XinzhiCorpus *corpus,
                         guint         n_sectors,
                         guint         n_people)
{
  GListModel *sectors = xinzhi_corpus_get_sectors (corpus);
  GListModel *people = xinzhi_corpus_get_people (corpus);

  for (guint s = 0; s < MIN (n_sectors, g_list_model_get_n_items (sectors)); s++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, s);
      const char * const *terms = xinzhi_sector_get_terms (sector);
      guint n = 0;

      for (guint t = 0; terms[t]; t++)
        n += count_in_corpus (corpus, terms[t]);
      g_assert_cmpuint (xinzhi_sector_get_n_mentions (sector), ==, n);
      g_assert_cmpuint (g_list_model_get_n_items (xinzhi_sector_get_mentions (sector)), ==, n);
    }
  for (guint p = 0; p < MIN (n_people, g_list_model_get_n_items (people)); p++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, p);

      g_assert_cmpuint (xinzhi_person_get_n_mentions (person), ==,
                        count_in_corpus (corpus, xinzhi_person_get_name (person)));
    }
}

/* Eight sectors to each term, eight people to each name, those words every sixth word
 * of the text: main took 0.12 s and 18 MiB at 1 MB, and 1.4 GiB at 0.27 MB when more
 * shared each (one-term-for-all). */
static void
test_shared_terms (void)
{
  g_autoptr(GBytes) bytes = xinzhi_adversarial_corpus_json (XINZHI_ADVERSARIAL_SHARED_TERMS, sized (MB), SEED);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = load_bounded (bytes, &error);

  if (g_test_subprocess ())
    return;
  g_assert_no_error (error);
  /* Each group of eight: the same mentions, each its own copy. */
  assert_mentions_counted (corpus, 40, 40);
}

/* Loads a corpus of @shape of @size bytes, in a bounded memory, and checks that it is
 * refused by a limit, with @message first. */
static void
assert_refused (XinzhiAdversarialShape  shape,
                gsize                   size,
                const char             *message)
{
  g_autoptr(GBytes) bytes = xinzhi_adversarial_corpus_json (shape, size, SEED);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = load_bounded (bytes, &error);
  g_auto(GStrv) lines = NULL;

  if (g_test_subprocess ())
    return;
  g_assert_null (corpus);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_LIMIT);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpstr (lines[0], ==, message);
}

/* What main took minutes over (2 min 5 s at 1 MB): a thousand sectors and people with
 * one term.  Refused at once, the message naming the places. */
static void
test_one_term_for_all (void)
{
  assert_refused (XINZHI_ADVERSARIAL_ONE_TERM_FOR_ALL, sized (MB / 4),
                  "shape.json: $.sectors[8].terms[0]: “nexus” is already a term or name of 8 sectors, "
                  "people or concepts; at most 8 may share one (ASCII case aside)");
}

/* Documents where every character ends sixteen terms, each of eight sectors: within
 * the limits on sharing and on terms ending at one place, but the loader before the
 * limit on how often a document may name sectors and people took 205 MiB for 0.9 MB
 * of such text, and main 3.0 s and 646 MiB for 1 MB.  Refused, the first document
 * named, in a memory bounded by the size. */
static void
test_dense_mentions (void)
{
  assert_refused (XINZHI_ADVERSARIAL_DENSE_MENTIONS, sized (MB),
                  "shape.json: $.documents[0]: the document names sectors, people and concepts "
                  "more than 5016 times, the most its 20000 characters allow (16, and one for "
                  "every 4 characters); each occurrence of a term, name or variant counts once "
                  "for each sector, person or concept it belongs to");
}

/* 100 people named "Wanx …" for each 20 sectors with a term "wanx…", one-letter Latin
 * and Chinese terms, Chinese text where every character is a term: main took 0.9 s at
 * 1 MB, its matcher comparing every name at every "Wanx" (the issue: 300 s at 10 MB). */
static void
test_shared_prefixes (void)
{
  g_autoptr(GBytes) bytes = xinzhi_adversarial_corpus_json (XINZHI_ADVERSARIAL_SHARED_PREFIXES, sized (MB), SEED);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = load_bounded (bytes, &error);

  if (g_test_subprocess ())
    return;
  g_assert_no_error (error);
  assert_mentions_counted (corpus, 250, 100);
}

/* Whether @sectors holds a sector whose term occurs in @text as a word. */
static void
assert_sectors_named (GListModel *found,
                      GListModel *sectors,
                      const char *text)
{
  g_autoptr(GHashTable) expected = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < g_list_model_get_n_items (sectors); s++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, s);
      const char *term = xinzhi_sector_get_terms (sector)[0];

      for (const char *at = strstr (text, term); at != NULL; at = strstr (at + 1, term))
        if (word_at (text, at, strlen (term)))
          {
            g_hash_table_add (expected, sector);
            break;
          }
    }

  g_assert_cmpuint (g_list_model_get_n_items (found), ==, g_hash_table_size (expected));
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (found, i);

      g_assert_true (g_hash_table_contains (expected, sector));
    }
}

/* One document of long paragraphs full of mentions, each cited by 160 events (some
 * twice), quoted by 100 quotes and holding 60 roles, and every event citing the first:
 * main took 0.39 s at 1 MB. */
static void
test_busy_paragraph (void)
{
  g_autoptr(GBytes) bytes = xinzhi_adversarial_corpus_json (XINZHI_ADVERSARIAL_BUSY_PARAGRAPH, sized (MB), SEED);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = load_bounded (bytes, &error);
  GListModel *sectors, *events, *quotes;

  if (g_test_subprocess ())
    return;
  g_assert_no_error (error);
  sectors = xinzhi_corpus_get_sectors (corpus);
  events = xinzhi_corpus_get_events (corpus);
  quotes = xinzhi_corpus_get_quotes (corpus);
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);

  /* An event's sectors: those its paragraphs name. */
  for (guint e = 0; e < g_list_model_get_n_items (events); e += 7)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, e);
      g_autoptr(GString) cited = g_string_new (NULL);

      for (guint s = 0; s < xinzhi_event_get_n_sources (event); s++)
        {
          guint paragraph;
          XinzhiDocument *document = xinzhi_event_get_source (event, s, &paragraph);

          g_string_append_printf (cited, "%s\n", xinzhi_document_get_paragraph (document, paragraph)->text);
        }
      assert_sectors_named (xinzhi_event_get_sectors (event), sectors, cited->str);
    }

  /* A quote's place, and the sectors named within its words. */
  for (guint q = 0; q < g_list_model_get_n_items (quotes); q += 3)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, q);
      XinzhiDocument *document = xinzhi_quote_get_document (quote);
      const char *text = xinzhi_document_get_paragraph (document, xinzhi_quote_get_paragraph (quote))->text;
      const char *first = NULL;

      for (guint p = 0; p < xinzhi_document_get_n_paragraphs (document) && first == NULL; p++)
        if (strstr (xinzhi_document_get_paragraph (document, p)->text, xinzhi_quote_get_text (quote)) != NULL)
          first = strstr (xinzhi_document_get_paragraph (document, p)->text, xinzhi_quote_get_text (quote));
      g_assert_true (first == text + xinzhi_quote_get_start (quote));
      assert_sectors_named (xinzhi_quote_get_sectors (quote), sectors, xinzhi_quote_get_text (quote));
    }
}

/* A member name of 16 MB, unknown: main froze the window for 70 s at 3.7 GiB making
 * messages that held it twice.  Refused, the message without it. */
static void
test_long_member_name (void)
{
  gsize length = sized (16 * MB);
  g_autoptr(GString) json = g_string_sized_new (length + 1024);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autofree char *expected = NULL;

  g_string_append (json, "{\"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"t\", \"");
  for (gsize i = 0; i < length; i++)
    g_string_append_c (json, 'a' + i % 26);
  g_string_append (json, "\": 1, \"groups\": [], \"documents\": [], \"people\": [], \"sectors\": [], "
                         "\"events\": [], \"quotes\": []}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  corpus = load_bounded (bytes, &error);
  if (g_test_subprocess ())
    return;

  g_assert_null (corpus);
  expected = g_strdup_printf ("shape.json: $: a member name is %" G_GSIZE_FORMAT " characters long; "
                              "at most 1000 are allowed here", length);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, expected);
}

/* ---------------------------------------------------------------------------------- */

/* The CPU time of the whole process so far (every thread's), in milliseconds. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

typedef struct
{
  GMutex        lock;
  GCond         cond;
  double        cancel_at;      /* the figure of progress at which to cancel */
  double        reached;        /* the last figure told */
  gboolean      reached_it;
  gboolean      cancelled;
  GCancellable *cancellable;
  double        cpu_at_cancel;
  double        reached_at_cancel;
} Canceller;

static void
cancel_progress_cb (double   fraction,
                    gpointer user_data)
{
  Canceller *self = user_data;

  g_mutex_lock (&self->lock);
  self->reached = fraction;
  /* The load waits here for the cancel, so that it lands at this figure however
   * late the other thread runs. */
  if (!self->reached_it && fraction >= self->cancel_at)
    {
      self->reached_it = TRUE;
      g_cond_broadcast (&self->cond);
      while (!self->cancelled)
        g_cond_wait (&self->cond, &self->lock);
    }
  g_mutex_unlock (&self->lock);
}

/* In another thread, as the window's Cancel button: cancels once the load has come to
 * the figure asked for. */
static gpointer
cancel_thread (gpointer data)
{
  Canceller *self = data;

  g_mutex_lock (&self->lock);
  while (!self->reached_it)
    g_cond_wait (&self->cond, &self->lock);
  self->reached_at_cancel = self->reached;
  self->cpu_at_cancel = cpu_ms ();
  g_cancellable_cancel (self->cancellable);
  self->cancelled = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  return NULL;
}

/* A cancel stops the load in every stage, whatever the corpus's shape: main looked for
 * one every sixteen documents in the scan, and ran on for 15.9 s.  What is measured is
 * the work done after the cancel, as the CPU time of all the process's threads from the
 * cancel to the load's return, and of the thread that frees what it had made
 * (free_later() in xinzhi-corpus-loader.c) as far as it has run by then: not the time
 * on a clock, which the machine's other work stretches.  The bound is 100 ms (the
 * target for the thread to stop) and as much again for the freeing, which the 4 MB
 * corpora here take 30 to 90 ms of; under valgrind or AddressSanitizer, every
 * instruction costs ten to fifty times as much, and the bound is fifty times. */
static void
test_cancel_stages (void)
{
  static const double cancel_at[] = { 0.001, 0.10, 0.25, 0.40, 0.55, 0.75, 0.95 };
  static const XinzhiAdversarialShape shapes[] = {
    XINZHI_ADVERSARIAL_BUSY_PARAGRAPH, XINZHI_ADVERSARIAL_SHARED_PREFIXES,
    XINZHI_ADVERSARIAL_SHARED_TERMS,
  };
  double bound = xinzhi_test_under_a_tool () ? 50 * 200.0 : 200.0;
  g_autofree char *dir = g_dir_make_tmp ("test-load-cost-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "corpus.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint c = 0; c <= G_N_ELEMENTS (shapes); c++)
    {
      g_autoptr(GBytes) bytes = c < G_N_ELEMENTS (shapes)
                                  ? xinzhi_adversarial_corpus_json (shapes[c], sized (4 * MB), SEED)
                                  : xinzhi_synth_corpus_json (xinzhi_test_under_a_tool () ? 80 : 800, SEED);
      const char *name = c < G_N_ELEMENTS (shapes) ? xinzhi_adversarial_shape_name (shapes[c]) : "synthetic";

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      for (guint i = 0; i < G_N_ELEMENTS (cancel_at); i++)
        {
          Canceller canceller = { .cancel_at = cancel_at[i], .cancellable = g_cancellable_new () };
          g_autoptr(XinzhiCorpus) corpus = NULL;
          g_autoptr(GError) error = NULL;
          GThread *thread;
          double after;

          g_mutex_init (&canceller.lock);
          g_cond_init (&canceller.cond);
          thread = g_thread_new ("cancel", cancel_thread, &canceller);
          corpus = xinzhi_corpus_load_file (file, canceller.cancellable, cancel_progress_cb, &canceller, &error);
          after = cpu_ms ();

          /* A load that ends before the figure was reached lets the thread go: the
           * assertions below fail then. */
          g_mutex_lock (&canceller.lock);
          canceller.reached_it = TRUE;
          g_cond_broadcast (&canceller.cond);
          g_mutex_unlock (&canceller.lock);
          g_thread_join (thread);

          g_test_message ("%s, %.1f MB: cancelled at %.3f, stopped after %.1f ms of CPU",
                          name, g_bytes_get_size (bytes) / 1e6, canceller.reached_at_cancel,
                          after - canceller.cpu_at_cancel);
          g_assert_null (corpus);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_cmpfloat (after - canceller.cpu_at_cancel, <=, bound);

          g_mutex_clear (&canceller.lock);
          g_cond_clear (&canceller.cond);
          g_object_unref (canceller.cancellable);
        }
    }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/load-cost/shared-terms", test_shared_terms);
  g_test_add_func ("/load-cost/one-term-for-all", test_one_term_for_all);
  g_test_add_func ("/load-cost/dense-mentions", test_dense_mentions);
  g_test_add_func ("/load-cost/shared-prefixes", test_shared_prefixes);
  g_test_add_func ("/load-cost/busy-paragraph", test_busy_paragraph);
  g_test_add_func ("/load-cost/long-member-name", test_long_member_name);
  g_test_add_func ("/load-cost/cancel-stages", test_cancel_stages);

  return g_test_run ();
}

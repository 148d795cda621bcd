/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the built-in corpus: what it holds, and that all of it traces to the text;
 * and the one order of documents, events and quotes, over dates of every precision. */
#include "config.h"

#include <string.h>

#include "timeline-synthetic.h"
#include "xinzhi-corpus.h"
#include "xinzhi-test-data.h"

static XinzhiCorpus *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus = xinzhi_corpus_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  return corpus;
}

static void
test_counts (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();

  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_people (corpus)), ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_sectors (corpus)), ==, 20);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)), >=, 8);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus)), >=, 15);
}

/* Every paragraph is verbatim from its source article (tests/data/seeds/), and no page
 * furniture made it into the corpus. */
static void
test_paragraphs_verbatim (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  GListModel *documents = xinzhi_corpus_get_documents (corpus);
  g_autofree char *seeds_path = g_test_build_filename (G_TEST_DIST, "data", "seeds", NULL);
  g_autoptr(GDir) dir = g_dir_open (seeds_path, 0, NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  const char *furniture[] = {
    "Back To Top", "Leave a Reply", "cookie", "Contact Person", "Phone Number",
    "Related Stories", "Search Trends", "View the original press release", "I agree",
  };
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (seeds_path, name, NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_string_append (all, text);
    }

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, d);

      for (guint p = 0; p < xinzhi_document_get_n_paragraphs (document); p++)
        {
          const XinzhiParagraph *paragraph = xinzhi_document_get_paragraph (document, p);

          if (strstr (all->str, paragraph->text) == NULL)
            g_test_fail_printf ("%s paragraph %u is not verbatim: %s",
                                xinzhi_document_get_id (document), p, paragraph->text);
          for (guint f = 0; f < G_N_ELEMENTS (furniture); f++)
            if (strstr (paragraph->text, furniture[f]))
              g_test_fail_printf ("%s paragraph %u holds page furniture “%s”",
                                  xinzhi_document_get_id (document), p, furniture[f]);
        }
    }
}

/* Each quote sits in its document at the derived place, verbatim. */
static void
test_quotes_in_place (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  GListModel *quotes = xinzhi_corpus_get_quotes (corpus);
  guint direct = 0, paraphrase = 0;

  for (guint q = 0; q < g_list_model_get_n_items (quotes); q++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, q);
      XinzhiDocument *document = xinzhi_quote_get_document (quote);
      const XinzhiParagraph *paragraph = xinzhi_document_get_paragraph (document, xinzhi_quote_get_paragraph (quote));
      const char *text = xinzhi_quote_get_text (quote);
      const char *after;

      g_assert_cmpuint (xinzhi_quote_get_end (quote) - xinzhi_quote_get_start (quote), ==, strlen (text));
      g_assert_cmpint (strncmp (paragraph->text + xinzhi_quote_get_start (quote), text, strlen (text)), ==, 0);
      /* A quote runs to the end of what is attributed: the paragraph's end, the end of
       * a sentence, a closing quotation mark, or the comma before "…, he said". */
      g_test_message ("%s", xinzhi_quote_get_id (quote));
      after = paragraph->text + xinzhi_quote_get_end (quote);
      g_assert_true (strchr (".,?!\"", *after) != NULL || g_str_has_prefix (after, "”"));
      if (xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT)
        direct++;
      else
        paraphrase++;
    }

  /* The corpus has both, told apart. */
  g_assert_cmpuint (direct, >, 0);
  g_assert_cmpuint (paraphrase, >, 0);
}

/* A person's roles are all those each article gives: Xi Jinping is "President" in the
 * article that also calls him General Secretary. */
static void
test_roles (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiPerson *xi = xinzhi_corpus_lookup_person (corpus, "xi-jinping");
  XinzhiDocument *catchphrase = xinzhi_corpus_lookup_document (corpus, "two-sessions-catchphrase");
  g_autofree char *roles = xinzhi_person_dup_role_in (xi, catchphrase);

  g_assert_nonnull (strstr (roles, "President"));
  g_assert_nonnull (strstr (roles, "General Secretary of the Communist Party of China Central Committee"));
}

/* "Pan Jiafeng" in one article and "Pan Jiaofeng" in another are one person, with the
 * roles each article gives and quotes from both. */
static void
test_variant_spellings (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiPerson *pan = xinzhi_corpus_lookup_person (corpus, "pan-jiaofeng");
  GListModel *people = xinzhi_corpus_get_people (corpus);
  g_autoptr(GHashTable) documents = g_hash_table_new (NULL, NULL);
  GListModel *quotes;
  guint matching = 0;

  g_assert_nonnull (pan);
  g_assert_cmpstr (xinzhi_person_get_name (pan), ==, "Pan Jiaofeng");
  g_assert_true (g_strv_contains (xinzhi_person_get_variants (pan), "Pan Jiafeng"));

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, i);

      if (xinzhi_person_matches_name (person, "Pan Jiafeng"))
        {
          g_assert_true (person == pan);
          matching++;
        }
    }
  g_assert_cmpuint (matching, ==, 1);

  quotes = xinzhi_person_get_quotes (pan);
  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);

      g_hash_table_add (documents, xinzhi_quote_get_document (quote));
    }
  g_assert_true (g_hash_table_contains (documents, xinzhi_corpus_lookup_document (corpus, "two-sessions-catchphrase")));
  g_assert_true (g_hash_table_contains (documents, xinzhi_corpus_lookup_document (corpus, "whats-new-nqpf")));
  g_assert_cmpuint (xinzhi_person_get_n_roles (pan), >=, 2);
}

/* Mentions are derived from the terms, with offsets into the paragraph text. */
static void
test_mentions (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiSector *hydrogen = xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy");
  XinzhiDocument *explainer = xinzhi_corpus_lookup_document (corpus, "pd-two-sessions-explainer");
  GListModel *mentions = xinzhi_sector_get_mentions (hydrogen);
  gboolean found = FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (mentions), >=, 2);
  g_assert_cmpuint (xinzhi_sector_get_n_documents (hydrogen), ==, 2);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);
      g_autofree char *text = xinzhi_mention_dup_text (mention);

      if (xinzhi_mention_get_document (mention) == explainer)
        {
          const XinzhiParagraph *paragraph = xinzhi_document_get_paragraph (explainer, xinzhi_mention_get_paragraph (mention));
          const char *at = strstr (paragraph->text, "hydrogen power");

          g_assert_cmpstr (text, ==, "hydrogen power");
          g_assert_nonnull (at);
          g_assert_cmpuint (xinzhi_mention_get_start (mention), ==, at - paragraph->text);
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* Mentions are in date order: the explainer (March 2024) before the June seminar. */
  {
    g_autoptr(XinzhiMention) first = g_list_model_get_item (mentions, 0);

    g_assert_true (xinzhi_mention_get_document (first) == explainer);
  }

  /* The sectors a document touches are derived from the mentions. */
  g_assert_true (g_list_store_find (G_LIST_STORE (xinzhi_document_get_sectors (explainer)), hydrogen, NULL));
}

/* Mentions are made when first asked for: the counts and documents known before agree
 * with the lists made after, for every sector and person; and the lists are made once. */
static void
test_mentions_on_request (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  GListModel *sectors = xinzhi_corpus_get_sectors (corpus);
  GListModel *people = xinzhi_corpus_get_people (corpus);
  guint total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);
      guint n = xinzhi_sector_get_n_mentions (sector);
      g_autoptr(GPtrArray) documents = g_ptr_array_new ();
      GListModel *mentions;

      for (guint j = 0; j < n; j++)
        g_ptr_array_add (documents, xinzhi_sector_get_mention_document (sector, j));

      mentions = xinzhi_sector_get_mentions (sector);
      g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, n);
      g_assert_cmpuint (xinzhi_sector_get_n_mentions (sector), ==, n);
      g_assert_true (xinzhi_sector_get_mentions (sector) == mentions);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, j);

          g_assert_true (xinzhi_mention_get_sector (mention) == sector);
          g_assert_true (xinzhi_mention_get_document (mention) == g_ptr_array_index (documents, j));
          g_assert_true (xinzhi_sector_get_mention_document (sector, j) == g_ptr_array_index (documents, j));
        }
      total += n;
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, i);
      guint n = xinzhi_person_get_n_mentions (person);

      g_assert_cmpuint (g_list_model_get_n_items (xinzhi_person_get_mentions (person)), ==, n);
      total += n;
    }

  /* Concepts' too, each mention of a concept with the variant it is. */
  {
    GListModel *concepts = xinzhi_corpus_get_concepts (corpus);

    g_assert_cmpuint (g_list_model_get_n_items (concepts), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (concepts); i++)
      {
        g_autoptr(XinzhiConcept) concept = g_list_model_get_item (concepts, i);
        guint n = xinzhi_concept_get_n_mentions (concept);
        GListModel *mentions = xinzhi_concept_get_mentions (concept);
        guint by_variant = 0;

        g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, n);
        for (guint j = 0; j < n; j++)
          {
            g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, j);
            g_autofree char *text = xinzhi_mention_dup_text (mention);
            guint variant = xinzhi_concept_get_mention_variant (concept, j);

            g_assert_true (xinzhi_mention_get_concept (mention) == concept);
            g_assert_cmpint (g_ascii_strcasecmp (text, xinzhi_concept_get_variants (concept)[variant]), ==, 0);
          }
        for (guint v = 0; xinzhi_concept_get_variants (concept)[v] != NULL; v++)
          {
            guint n_variant = g_list_model_get_n_items (xinzhi_concept_get_variant_mentions (concept, v));

            /* Every variant occurs somewhere (the loader checks it). */
            g_assert_cmpuint (n_variant, >, 0);
            by_variant += n_variant;
          }
        g_assert_cmpuint (by_variant, ==, n);
        total += n;
      }
  }

  /* Every mention is in its document's list too, in text order. */
  {
    GListModel *documents = xinzhi_corpus_get_documents (corpus);
    guint in_documents = 0;

    for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
      {
        g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);
        GListModel *mentions = xinzhi_document_get_mentions (document);

        for (guint j = 1; j < g_list_model_get_n_items (mentions); j++)
          {
            g_autoptr(XinzhiMention) a = g_list_model_get_item (mentions, j - 1);
            g_autoptr(XinzhiMention) b = g_list_model_get_item (mentions, j);

            g_assert_true (xinzhi_mention_get_paragraph (a) < xinzhi_mention_get_paragraph (b) ||
                           (xinzhi_mention_get_paragraph (a) == xinzhi_mention_get_paragraph (b) &&
                            xinzhi_mention_get_start (a) <= xinzhi_mention_get_start (b)));
          }
        in_documents += g_list_model_get_n_items (mentions);
      }
    g_assert_cmpuint (in_documents, ==, total);
  }
  g_assert_cmpuint (total, >, 50);
}

/* A quote's sectors are those named within the quoted words. */
static void
test_quote_sectors (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, "li-competition-areas");
  GListModel *sectors = xinzhi_quote_get_sectors (quote);
  const char *expected[] = { "artificial-intelligence", "hydrogen-energy", "new-materials", "new-energy", "life-sciences" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_list_store_find (G_LIST_STORE (sectors), xinzhi_corpus_lookup_sector (corpus, expected[i]), NULL));
  g_assert_false (g_list_store_find (G_LIST_STORE (sectors), xinzhi_corpus_lookup_sector (corpus, "quantum-technology"), NULL));
}

static void
test_events (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiEvent *proposal = xinzhi_corpus_lookup_event (corpus, "xi-heilongjiang-tour");
  XinzhiEvent *seminar = xinzhi_corpus_lookup_event (corpus, "cns-seminar-2024");
  XinzhiEvent *study = xinzhi_corpus_lookup_event (corpus, "politburo-study-session-2024");
  XinzhiEvent *statement = xinzhi_corpus_lookup_event (corpus, "xi-stresses-acceleration-2024");
  XinzhiEvent *jiangsu = xinzhi_corpus_lookup_event (corpus, "xi-jiangsu-delegation");
  g_autofree char *label = NULL;

  g_assert_nonnull (proposal);
  g_assert_cmpint (xinzhi_event_get_start (proposal)->precision, ==, XINZHI_DATE_PRECISION_MONTH);
  g_assert_cmpuint (xinzhi_event_get_start (proposal)->year, ==, 2023);
  g_assert_cmpuint (xinzhi_event_get_start (proposal)->month, ==, 9);
  /* "an important agricultural and traditional industrial base" describes the
   * region toured, and tags no sector on the tour. */
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_event_get_sectors (proposal)), ==, 0);

  /* "in January" dates the study session; "On January 31, 2024" in another article
   * dates a statement of Xi's that it does not tie to the session. */
  g_assert_cmpint (xinzhi_event_get_start (study)->precision, ==, XINZHI_DATE_PRECISION_MONTH);
  g_assert_cmpuint (xinzhi_event_get_start (study)->month, ==, 1);
  g_assert_cmpint (xinzhi_event_get_start (statement)->precision, ==, XINZHI_DATE_PRECISION_DAY);

  /* The release names no year and its own date is an estimate. */
  g_assert_true (xinzhi_event_get_date_estimated (seminar));

  g_assert_true (xinzhi_event_is_range (seminar));
  label = xinzhi_event_dup_date_label (seminar);
  g_assert_cmpstr (label, ==, "17 June 2024 – 27 June 2024 (estimated)");
  /* Li Yuju "told CNS": the release does not say he spoke at its seminar. */
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_event_get_quotes (seminar)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_event_get_people (seminar)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_event_get_quotes (jiangsu)), >, 0);
}

/* The labels a list row shows: made once and kept, and the same as the properties. */
static void
test_document_labels (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  GListModel *documents = xinzhi_corpus_get_documents (corpus);
  guint n_estimated = 0;

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, d);
      const char *date = xinzhi_document_get_date_label (document);
      const char *outlet = xinzhi_document_get_outlet_label (document);
      g_autofree char *date_copy = xinzhi_document_dup_date_label (document);
      g_autofree char *date_property = NULL;
      g_autofree char *outlet_property = NULL;

      g_object_get (document, "date-label", &date_property, "outlet-label", &outlet_property, NULL);
      g_assert_nonnull (date);
      g_assert_true (xinzhi_document_get_date_label (document) == date);
      g_assert_cmpstr (date_copy, ==, date);
      g_assert_cmpstr (date_property, ==, date);
      g_assert_cmpstr (outlet_property, ==, outlet);
      if (xinzhi_document_get_outlet (document) != NULL)
        g_assert_cmpstr (outlet, ==, xinzhi_document_get_outlet (document));
      else
        g_assert_cmpstr (outlet, ==, "Outlet not named");
      if (xinzhi_document_get_date_estimated (document))
        {
          g_assert_true (g_str_has_suffix (date, " (estimated)"));
          n_estimated++;
        }
      else
        g_assert_false (g_str_has_suffix (date, " (estimated)"));
    }

  g_assert_cmpuint (n_estimated, >, 0);
}

/* The ids of the objects of @model, in its order, joined by spaces. */
static char *
ids_in_order (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;

      if (XINZHI_IS_MENTION (item))
        id = g_strdup (xinzhi_document_get_id (xinzhi_mention_get_document (XINZHI_MENTION (item))));
      else
        g_object_get (item, "id", &id, NULL);
      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

typedef gpointer (*LookupFunc) (XinzhiCorpus *corpus,
                                const char   *id);

/* Checks that @compare puts the objects @lookup finds by the ids of @in_order (by
 * spaces) in that order, every pair of them both ways: no two compare equal. */
static void
assert_in_order (XinzhiCorpus *corpus,
                 LookupFunc    lookup,
                 GCompareFunc  compare,
                 const char   *in_order)
{
  g_auto(GStrv) ids = g_strsplit (in_order, " ", -1);

  for (guint i = 0; ids[i] != NULL; i++)
    for (guint j = 0; ids[j] != NULL; j++)
      {
        int order = compare (lookup (corpus, ids[i]), lookup (corpus, ids[j]));

        g_test_message ("%s, %s", ids[i], ids[j]);
        g_assert_cmpint (order < 0 ? -1 : order > 0, ==, i < j ? -1 : i > j);
      }
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  XinzhiQuote *qa = *(XinzhiQuote **) a, *qb = *(XinzhiQuote **) b;
  XinzhiDocument *da = xinzhi_quote_get_document (qa), *db = xinzhi_quote_get_document (qb);

  if (da != db)
    return xinzhi_document_compare (db, da);
  return xinzhi_quote_compare (qa, qb);
}

/* xinzhi_corpus_get_quotes_newest_first() holds every quote once, newest article
 * first and each article's in order, as sorting them says. */
static void
assert_newest_first (XinzhiCorpus *corpus)
{
  GListModel *quotes = xinzhi_corpus_get_quotes (corpus);
  GListModel *newest_first = xinzhi_corpus_get_quotes_newest_first (corpus);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (quotes, i));
  g_ptr_array_sort (sorted, compare_newest_first);

  g_assert_cmpuint (g_list_model_get_n_items (newest_first), ==, sorted->len);
  g_assert_cmpuint (sorted->len, >, 1);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (newest_first, i);

      g_assert_cmpstr (xinzhi_quote_get_id (quote), ==,
                       xinzhi_quote_get_id (g_ptr_array_index (sorted, i)));
    }
}

/* xinzhi_corpus_get_documents_by_date() holds every document once, each before the
 * next by xinzhi_document_compare(). */
static void
assert_by_date (XinzhiCorpus *corpus)
{
  GListModel *by_date = xinzhi_corpus_get_documents_by_date (corpus);

  g_assert_cmpuint (g_list_model_get_n_items (by_date), ==,
                    g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)));
  for (guint i = 1; i < g_list_model_get_n_items (by_date); i++)
    {
      g_autoptr(XinzhiDocument) before = g_list_model_get_item (by_date, i - 1);
      g_autoptr(XinzhiDocument) after = g_list_model_get_item (by_date, i);

      g_assert_cmpint (xinzhi_document_compare (before, after), <, 0);
    }
}

/* Documents, events and quotes go by the last day their dates may stand for: an article
 * dated only to 2024, or estimated to March 2024, never before 7 March 2024, which it
 * may follow; articles of one day by title. */
static void
test_order (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("dates.json");
  g_autofree char *mention_documents = NULL;
  g_autofree char *day_events = NULL;
  g_autofree char *event_quotes = NULL;

  assert_in_order (corpus, (LookupFunc) xinzhi_corpus_lookup_document,
                   (GCompareFunc) xinzhi_document_compare,
                   "same-day day month-estimated later year");
  assert_in_order (corpus, (LookupFunc) xinzhi_corpus_lookup_event,
                   (GCompareFunc) xinzhi_event_compare,
                   "march-5 ten-days in-march the-year");
  assert_in_order (corpus, (LookupFunc) xinzhi_corpus_lookup_quote,
                   (GCompareFunc) xinzhi_quote_compare,
                   "everywhere weld stay");

  /* What the loader derives follows the same order. */
  mention_documents = ids_in_order (xinzhi_sector_get_mentions (xinzhi_corpus_lookup_sector (corpus, "robots")));
  g_assert_cmpstr (mention_documents, ==, "day month-estimated later year");
  day_events = ids_in_order (xinzhi_document_get_events (xinzhi_corpus_lookup_document (corpus, "same-day")));
  g_assert_cmpstr (day_events, ==, "march-5 ten-days");
  event_quotes = ids_in_order (xinzhi_event_get_quotes (xinzhi_corpus_lookup_event (corpus, "in-march")));
  g_assert_cmpstr (event_quotes, ==, "everywhere weld stay");

  /* And the documents and quotes as lists show them, here and in the built-in corpus. */
  assert_newest_first (corpus);
  {
    g_autoptr(XinzhiCorpus) builtin = load_builtin ();
    g_autofree char *by_date = ids_in_order (xinzhi_corpus_get_documents_by_date (corpus));

    g_assert_cmpstr (by_date, ==, "same-day day month-estimated later year");
    assert_newest_first (builtin);
    assert_by_date (builtin);
  }
}

/* A sector's first mention says what is known and no more. */
static void
test_first_mention (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("dates.json");
  const XinzhiEarliest *robots = xinzhi_sector_get_first_mention (xinzhi_corpus_lookup_sector (corpus, "robots"));
  const XinzhiEarliest *drones = xinzhi_sector_get_first_mention (xinzhi_corpus_lookup_sector (corpus, "drones"));
  const XinzhiEarliest *lasers = xinzhi_sector_get_first_mention (xinzhi_corpus_lookup_sector (corpus, "lasers"));
  g_autofree char *robots_first = xinzhi_date_to_iso (&robots->first);
  g_autofree char *robots_estimated = xinzhi_date_to_iso (&robots->estimated);
  g_autofree char *drones_first = xinzhi_date_to_iso (&drones->first);

  /* 7 March 2024 is the first day stated, but the article dated only to 2024 may be
   * earlier; the estimated March 2024 is counted apart. */
  g_assert_cmpstr (robots_first, ==, "2024-03-07");
  g_assert_false (xinzhi_earliest_is_certain (robots));
  g_assert_cmpuint (robots->n_dated, ==, 3);
  g_assert_cmpuint (robots->n_estimated, ==, 1);
  g_assert_cmpstr (robots_estimated, ==, "2024-03");

  /* Two articles of 7 March, then June: certainly 7 March. */
  g_assert_cmpstr (drones_first, ==, "2024-03-07");
  g_assert_true (xinzhi_earliest_is_certain (drones));
  g_assert_cmpuint (drones->n_estimated, ==, 1);

  /* Mentioned in an undated article only. */
  g_assert_cmpuint (lasers->n_dated, ==, 0);
  g_assert_false (xinzhi_earliest_is_certain (lasers));
  g_assert_cmpuint (lasers->n_estimated, ==, 1);

  /* The built-in corpus: artificial intelligence, first dated on 7 March 2024, and in
   * articles estimated to June 2024 and to 2024 that must not count as the first
   * mention, though the text of the one of 2024 may be earlier. */
  {
    g_autoptr(XinzhiCorpus) builtin = load_builtin ();
    const XinzhiEarliest *ai = xinzhi_sector_get_first_mention (xinzhi_corpus_lookup_sector (builtin, "artificial-intelligence"));
    g_autofree char *ai_first = xinzhi_date_to_iso (&ai->first);
    g_autofree char *ai_estimated = xinzhi_date_to_iso (&ai->estimated);

    g_assert_cmpstr (ai_first, ==, "2024-03-07");
    g_assert_true (xinzhi_earliest_is_certain (ai));
    g_assert_cmpuint (ai->n_estimated, ==, 2);
    g_assert_cmpstr (ai_estimated, ==, "2024-06");
  }
}

/* Objects outlive the corpus safely, and the corpus frees everything it made. */
static void
test_lifetime (void)
{
  XinzhiCorpus *corpus = load_builtin ();
  g_autoptr(XinzhiQuote) quote = g_list_model_get_item (xinzhi_corpus_get_quotes (corpus), 0);

  g_assert_finalize_object (corpus);
  g_assert_nonnull (xinzhi_quote_get_text (quote));
  g_assert_finalize_object (g_steal_pointer (&quote));
}

/* The corpus declares 新质生产力 with every rendering the articles use: each phrase
 * "[new ][high-]quality [High ]produc…" in the text is the start of a mention of it
 * (one article drops the "new": "the development of high quality productive forces"). */
static void
test_concept_renderings (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiConcept *concept = xinzhi_corpus_lookup_concept (corpus, "new-quality-productive-forces");
  GListModel *documents = xinzhi_corpus_get_documents (corpus);
  g_autoptr(GRegex) regex = g_regex_new ("\\b(new )?(high[- ])?quality (high )?produc", G_REGEX_CASELESS, 0, NULL);
  GListModel *mentions;
  guint n_phrases = 0;
  static const char * const renderings[] = {
    "new quality productive forces", "new quality productive capacity",
    "new high-quality productive forces", "new high-quality production forces",
    "new high-quality production capacity", "new quality High productivity",
    "high quality productive forces",
  };

  g_assert_nonnull (concept);
  g_assert_cmpstr (xinzhi_concept_get_name_zh (concept), ==, "新质生产力");
  for (guint i = 0; i < G_N_ELEMENTS (renderings); i++)
    g_assert_true (g_strv_contains (xinzhi_concept_get_variants (concept), renderings[i]));

  mentions = xinzhi_concept_get_mentions (concept);
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, d);

      for (guint p = 0; p < xinzhi_document_get_n_paragraphs (document); p++)
        {
          const char *text = xinzhi_document_get_paragraph (document, p)->text;
          g_autoptr(GMatchInfo) info = NULL;

          for (g_regex_match (regex, text, 0, &info); g_match_info_matches (info); g_match_info_next (info, NULL))
            {
              int start;
              gboolean found = FALSE;

              g_match_info_fetch_pos (info, 0, &start, NULL);
              for (guint m = 0; m < g_list_model_get_n_items (mentions) && !found; m++)
                {
                  g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, m);

                  found = xinzhi_mention_get_document (mention) == document &&
                          xinzhi_mention_get_paragraph (mention) == p &&
                          xinzhi_mention_get_start (mention) == (guint) start;
                }
              if (!found)
                g_test_fail_printf ("%s, paragraph %u: “%s” is not a mention of the concept",
                                    xinzhi_document_get_id (document), p, text + start);
              n_phrases++;
            }
        }
    }
  g_assert_cmpuint (n_phrases, ==, g_list_model_get_n_items (mentions));
  g_assert_cmpuint (n_phrases, ==, 31);
  g_assert_cmpuint (xinzhi_concept_get_n_documents (concept), ==, 5);
}

/* The Julian day number of the first day @iso, a date as the corpus format writes it,
 * may stand for. */
static guint32
first_day_of (const char *iso)
{
  XinzhiDate date;

  g_assert_true (xinzhi_date_parse (iso, &date));
  return xinzhi_date_first_day (&date);
}

/* The built-in corpus's home span is the one the timeline has always opened on: from
 * September 2023, when the phrase was first used (a date known to the month: from its
 * first day), to the end of March 2024, after the Two Sessions.  The two events after
 * it, a seminar in June and the Global Innovation Index of "2024" (to 31 December),
 * would stretch it to more than twice that, and are left to Show All Events. */
static void
test_home_span_builtin (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  GListModel *events = xinzhi_corpus_get_events (corpus);
  guint32 first = 0, last = 0;
  guint n_inside = 0;

  g_assert_true (xinzhi_corpus_get_home_span (corpus, &first, &last));
  g_assert_cmpuint (first, ==, first_day_of ("2023-09-01"));
  g_assert_cmpuint (last, ==, first_day_of ("2024-03-31"));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, i);

      if (xinzhi_date_last_day (xinzhi_event_get_end (event)) <= last)
        n_inside++;
    }
  g_assert_cmpuint (n_inside, ==, g_list_model_get_n_items (events) - 2);
  g_assert_nonnull (xinzhi_corpus_lookup_event (corpus, "cns-seminar-2024"));
  g_assert_cmpuint (xinzhi_date_first_day (xinzhi_event_get_start (xinzhi_corpus_lookup_event (corpus, "cns-seminar-2024"))),
                    >, last);
}

/* The home span of @corpus holds every one of its events, from the first day the
 * earliest may stand for to the last day the latest may. */
static void
assert_home_holds_events (XinzhiCorpus *corpus)
{
  GListModel *events = xinzhi_corpus_get_events (corpus);
  guint32 first = 0, last = 0, earliest = G_MAXUINT32, latest = 0;

  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);
  g_assert_true (xinzhi_corpus_get_home_span (corpus, &first, &last));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, i);

      earliest = MIN (earliest, xinzhi_date_first_day (xinzhi_event_get_start (event)));
      latest = MAX (latest, xinzhi_date_last_day (xinzhi_event_get_end (event)));
    }
  g_assert_cmpuint (first, ==, earliest);
  g_assert_cmpuint (last, ==, latest);
}

/* Other corpora open on their own events, whatever their years: small ones of a single
 * event or a few (to the month, the year, a range), and ones of many events spread over
 * three years. */
static void
test_home_span_events (void)
{
  static const char * const names[] = { "minimal.json", "dates.json", "version-2.json" };
  static const guint sizes[] = { 100, 600 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data (names[i]);

      g_test_message ("%s", names[i]);
      assert_home_holds_events (corpus);
    }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(XinzhiCorpus) corpus = synthetic_corpus_new (sizes[i], 7);

      g_test_message ("%u synthetic events", sizes[i]);
      assert_home_holds_events (corpus);
    }

  /* dates.json: "2024" stands for the whole year, so the span is the year. */
  {
    g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("dates.json");
    guint32 first = 0, last = 0;

    g_assert_true (xinzhi_corpus_get_home_span (corpus, &first, &last));
    g_assert_cmpuint (first, ==, first_day_of ("2024-01-01"));
    g_assert_cmpuint (last, ==, first_day_of ("2024-12-31"));
  }
}

/* Without events, the span of the documents' dates; without those either, none. */
static void
test_home_span_no_events (void)
{
  static const char empty_json[] =
    "{\"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"Empty\", \"groups\": [],\n"
    " \"documents\": [], \"people\": [], \"sectors\": [], \"events\": [], \"quotes\": []}\n";
  g_autoptr(XinzhiCorpus) markdown = xinzhi_test_load_data ("markdown.json");
  g_autoptr(XinzhiCorpus) citations = xinzhi_test_load_data ("citations.json");
  g_autoptr(GBytes) bytes = g_bytes_new_static (empty_json, strlen (empty_json));
  g_autoptr(XinzhiCorpus) empty = NULL;
  g_autoptr(GError) error = NULL;
  guint32 first = 0, last = 0;

  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (markdown)), ==, 0);
  g_assert_true (xinzhi_corpus_get_home_span (markdown, &first, &last));
  g_assert_cmpuint (first, ==, first_day_of ("2024-05-02"));
  g_assert_cmpuint (last, ==, first_day_of ("2024-05-02"));

  /* A document of "2024" may be of any day of the year, the others lie within it. */
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (citations)), ==, 0);
  g_assert_true (xinzhi_corpus_get_home_span (citations, &first, &last));
  g_assert_cmpuint (first, ==, first_day_of ("2024-01-01"));
  g_assert_cmpuint (last, ==, first_day_of ("2024-12-31"));

  empty = xinzhi_corpus_new_from_bytes (bytes, "empty.json", &error);
  g_assert_no_error (error);
  first = last = 7;
  g_assert_false (xinzhi_corpus_get_home_span (empty, &first, &last));
  g_assert_cmpuint (first, ==, 7);
  g_assert_cmpuint (last, ==, 7);
}

/* A new, empty corpus file: the loader takes it, with its title as given, whatever it
 * holds, and nothing in it. */
static void
test_empty_json (void)
{
  static const char * const titles[] = { "My Corpus", "我的“语料库” \\ \"quoted\"\n2" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GBytes) bytes = xinzhi_corpus_new_empty_json (titles[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_bytes (bytes, "empty.json", &error);

      g_assert_no_error (error);
      g_assert_cmpstr (xinzhi_corpus_get_title (corpus), ==, titles[i]);
      g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_people (corpus)), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_sectors (corpus)), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus)), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_concepts (corpus)), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus/counts", test_counts);
  g_test_add_func ("/corpus/empty-json", test_empty_json);
  g_test_add_func ("/corpus/paragraphs-verbatim", test_paragraphs_verbatim);
  g_test_add_func ("/corpus/quotes-in-place", test_quotes_in_place);
  g_test_add_func ("/corpus/variant-spellings", test_variant_spellings);
  g_test_add_func ("/corpus/roles", test_roles);
  g_test_add_func ("/corpus/mentions", test_mentions);
  g_test_add_func ("/corpus/mentions-on-request", test_mentions_on_request);
  g_test_add_func ("/corpus/concept-renderings", test_concept_renderings);
  g_test_add_func ("/corpus/quote-sectors", test_quote_sectors);
  g_test_add_func ("/corpus/events", test_events);
  g_test_add_func ("/corpus/document-labels", test_document_labels);
  g_test_add_func ("/corpus/order", test_order);
  g_test_add_func ("/corpus/first-mention", test_first_mention);
  g_test_add_func ("/corpus/lifetime", test_lifetime);
  g_test_add_func ("/corpus/home-span/builtin", test_home_span_builtin);
  g_test_add_func ("/corpus/home-span/events", test_home_span_events);
  g_test_add_func ("/corpus/home-span/no-events", test_home_span_no_events);

  return g_test_run ();
}

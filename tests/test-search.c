/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xinzhi-search.h"

/* Search, headless: Chinese without spaces, case and accents, Latin words at their
 * starts, grouping by kind, order, offsets that point at the words matched in the
 * original text, and what a query names: a person's quotes and articles, a concept's
 * or a sector's mentions in the other language. */

/* A corpus of tests/data/. */
static XinzhiCorpus *
load_test_corpus (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus = xinzhi_corpus_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return corpus;
}

static XinzhiSearchResult *
get_result (XinzhiSearch     *search,
            XinzhiSearchKind  kind,
            guint             position)
{
  return g_list_model_get_item (xinzhi_search_get_results (search, kind), position);
}

/* The text of the first match of @result. */
static char *
dup_first_match (XinzhiSearchResult *result)
{
  const XinzhiSearchRange *ranges;
  guint n_ranges;
  const char *text = xinzhi_search_result_get_text (result);

  ranges = xinzhi_search_result_get_ranges (result, &n_ranges);
  g_assert_cmpuint (n_ranges, >, 0);
  g_assert_cmpuint (ranges[0].end, <=, strlen (text));
  return g_strndup (text + ranges[0].start, ranges[0].end - ranges[0].start);
}

static void
test_search_chinese (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiSearch) search = xinzhi_search_new (corpus);
  g_autoptr(XinzhiSearchResult) sector = NULL;
  g_autoptr(XinzhiSearchResult) ai = NULL;
  g_autofree char *match = NULL;

  xinzhi_search_set_query (search, "氢能");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_SECTOR)), >=, 1);
  sector = get_result (search, XINZHI_SEARCH_KIND_SECTOR, 0);
  g_assert_cmpstr (xinzhi_sector_get_name (XINZHI_SECTOR (xinzhi_search_result_get_item (sector))), ==,
                   "Hydrogen energy");
  g_assert_true (xinzhi_search_result_get_in_name (sector));
  g_assert_cmpuint (xinzhi_search_result_get_paragraph (sector), ==, 1);   /* name_zh */
  match = dup_first_match (sector);
  g_assert_cmpstr (match, ==, "氢能");
  g_clear_pointer (&match, g_free);

  xinzhi_search_set_query (search, "人工智能");
  ai = get_result (search, XINZHI_SEARCH_KIND_SECTOR, 0);
  g_assert_nonnull (ai);
  g_assert_cmpstr (xinzhi_sector_get_name (XINZHI_SECTOR (xinzhi_search_result_get_item (ai))), ==,
                   "Artificial intelligence");

  g_assert_finalize_object (g_steal_pointer (&search));
}

static void
test_search_case (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiSearch) search = xinzhi_search_new (corpus);
  const char *queries[] = { "pan jiaofeng", "PAN JIAOFENG", "  Pan Jiaofeng ", "潘教峰" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(XinzhiSearchResult) person = NULL;

      xinzhi_search_set_query (search, queries[i]);
      person = get_result (search, XINZHI_SEARCH_KIND_PERSON, 0);
      g_assert_nonnull (person);
      g_assert_cmpstr (xinzhi_person_get_name (XINZHI_PERSON (xinzhi_search_result_get_item (person))),
                       ==, "Pan Jiaofeng");
    }

  /* "PAN" finds him first among people: a name match. */
  xinzhi_search_set_query (search, "PAN");
  {
    g_autoptr(XinzhiSearchResult) person = get_result (search, XINZHI_SEARCH_KIND_PERSON, 0);
    g_autofree char *match = dup_first_match (person);

    g_assert_cmpstr (xinzhi_person_get_name (XINZHI_PERSON (xinzhi_search_result_get_item (person))),
                     ==, "Pan Jiaofeng");
    g_assert_cmpstr (match, ==, "Pan");
  }

  /* An empty query, or only spaces, finds nothing. */
  xinzhi_search_set_query (search, "   ");
  g_assert_cmpuint (xinzhi_search_get_n_results (search), ==, 0);
  xinzhi_search_set_query (search, "no such words anywhere, surely");
  g_assert_cmpuint (xinzhi_search_get_n_results (search), ==, 0);
}

static const char accented_json[] =
  "{\"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"Accents\",\n"
  " \"groups\": [], \"people\": [], \"sectors\": [], \"events\": [], \"quotes\": [],\n"
  " \"documents\": [\n"
  "  {\"id\": \"body-only\", \"title\": \"Une autre page\", \"date\": \"2024-05-01\",\n"
  "   \"date_estimated\": true, \"date_note\": \"Test.\", \"language\": \"fr\",\n"
  "   \"paragraphs\": [{\"text\": \"Rien ici, sauf l’énergie.\"},\n"
  "                    {\"text\": \"L’ÉNERGIE nouvelle, l’énergie propre et l’Energie.\"}]},\n"
  "  {\"id\": \"in-title\", \"title\": \"Énergie nouvelle\", \"date\": \"2024-03-01\",\n"
  "   \"date_estimated\": true, \"date_note\": \"Test.\", \"language\": \"fr\",\n"
  "   \"paragraphs\": [{\"text\": \"La transition de l’énergie.\"}]},\n"
  "  {\"id\": \"newer\", \"title\": \"Plus récent\", \"date\": \"2024-06-01\",\n"
  "   \"date_estimated\": true, \"date_note\": \"Test.\", \"language\": \"fr\",\n"
  "   \"paragraphs\": [{\"text\": \"Energie, une fois.\"}]},\n"
  "  {\"id\": \"older\", \"title\": \"Plus ancien\", \"date\": \"2023-06-01\",\n"
  "   \"date_estimated\": true, \"date_note\": \"Test.\", \"language\": \"fr\",\n"
  "   \"paragraphs\": [{\"text\": \"Une fois: énergie.\"}]}\n"
  " ]}\n";

static void
test_search_accents (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (accented_json, strlen (accented_json));
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_bytes (bytes, "accents.json", &error);
  g_autoptr(XinzhiSearch) search = NULL;
  GListModel *articles;
  const char *expected[] = { "in-title", "body-only", "newer", "older" };

  g_assert_no_error (error);
  search = xinzhi_search_new (corpus);
  articles = xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_ARTICLE);

  /* With or without the accent, in any case. */
  for (guint q = 0; q < 3; q++)
    {
      xinzhi_search_set_query (search, (const char *[]) { "energie", "ÉNERGIE", "énergie" }[q]);
      g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 4);

      /* Title first; then the most paragraphs that match; then the newest. */
      for (guint i = 0; i < 4; i++)
        {
          g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (articles, i);
          XinzhiDocument *document = XINZHI_DOCUMENT (xinzhi_search_result_get_item (result));

          g_assert_cmpstr (xinzhi_document_get_id (document), ==, expected[i]);
        }
    }

  {
    g_autoptr(XinzhiSearchResult) title = g_list_model_get_item (articles, 0);
    g_autoptr(XinzhiSearchResult) body = g_list_model_get_item (articles, 1);
    g_autofree char *title_match = dup_first_match (title);
    const XinzhiSearchRange *ranges;
    guint n_ranges;

    g_assert_cmpuint (xinzhi_search_result_get_paragraph (title), ==, XINZHI_SEARCH_TITLE);
    g_assert_cmpstr (title_match, ==, "Énergie");
    g_assert_cmpuint (xinzhi_search_result_get_n_hits (title), ==, 2);

    /* Two paragraphs match; every match in the first shown, over its original bytes. */
    g_assert_cmpuint (xinzhi_search_result_get_paragraph (body), ==, 0);
    g_assert_cmpuint (xinzhi_search_result_get_n_hits (body), ==, 2);
    ranges = xinzhi_search_result_get_ranges (body, &n_ranges);
    g_assert_cmpuint (n_ranges, ==, 1);
    g_assert_cmpuint (ranges[0].end - ranges[0].start, ==, strlen ("énergie"));

    /* The second paragraph has three matches, found as a row asks for them. */
    {
      XinzhiDocument *document = XINZHI_DOCUMENT (xinzhi_search_result_get_item (body));
      const char *text = xinzhi_document_get_paragraph (document, 1)->text;
      g_autoptr(GArray) all = xinzhi_search_find_all (text, "energie");
      const char *words[] = { "ÉNERGIE", "énergie", "Energie" };

      g_assert_cmpuint (all->len, ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          const XinzhiSearchRange *range = &g_array_index (all, XinzhiSearchRange, i);
          g_autofree char *got = g_strndup (text + range->start, range->end - range->start);

          g_assert_cmpstr (got, ==, words[i]);
        }
    }
  }

  g_assert_finalize_object (g_steal_pointer (&search));
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

static void
test_search_groups (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_test_corpus ("minimal.json");
  g_autoptr(XinzhiSearch) search = xinzhi_search_new (corpus);
  g_autoptr(XinzhiSearchResult) article = NULL;
  g_autoptr(XinzhiSearchResult) quote = NULL;
  g_autoptr(XinzhiSearchResult) event = NULL;
  g_autofree char *match = NULL;
  guint n_changes = 0;

  /* "report" is in an event's title and summary and in an article's paragraph. */
  xinzhi_search_set_query (search, "Report");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_EVENT)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_ARTICLE)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_QUOTE)), ==, 0);
  event = get_result (search, XINZHI_SEARCH_KIND_EVENT, 0);
  g_assert_cmpuint (xinzhi_search_result_get_n_hits (event), ==, 2);
  g_assert_true (xinzhi_search_result_get_in_name (event));
  article = get_result (search, XINZHI_SEARCH_KIND_ARTICLE, 0);
  g_assert_cmpuint (xinzhi_search_result_get_paragraph (article), ==, 1);
  match = dup_first_match (article);
  g_assert_cmpstr (match, ==, "report");
  g_clear_pointer (&match, g_free);

  /* A quote, and the same words in its article. */
  xinzhi_search_set_query (search, "innovation IS");
  quote = get_result (search, XINZHI_SEARCH_KIND_QUOTE, 0);
  g_assert_nonnull (quote);
  match = dup_first_match (quote);
  g_assert_cmpstr (match, ==, "Innovation is");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_ARTICLE)), ==, 1);
  g_assert_cmpuint (xinzhi_search_get_n_results (search), ==, 2);

  /* The same query again changes nothing. */
  g_signal_connect (xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_QUOTE),
                    "items-changed", G_CALLBACK (count_changes_cb), &n_changes);
  xinzhi_search_set_query (search, "innovation IS");
  g_assert_cmpuint (n_changes, ==, 0);

  /* Chinese inside mixed text, with no spaces around it. */
  xinzhi_search_set_query (search, "质生产");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_ARTICLE)), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&search));
}

static void
test_search_fold (void)
{
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *folded = xinzhi_search_fold ("Ça, ÉTÉ 新质", -1, map);
  g_autoptr(GArray) ranges = xinzhi_search_find_all ("Straße STRASSE", "strasse");

  g_assert_cmpstr (folded, ==, "ca, ete 新质");
  g_assert_cmpuint (map->len, ==, strlen (folded));
  g_assert_cmpuint (g_array_index (map, guint32, 1), ==, 2);   /* after the two-byte Ç */

  /* ß folds to "ss". */
  g_assert_cmpuint (ranges->len, ==, 2);
  g_assert_cmpuint (g_array_index (ranges, XinzhiSearchRange, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (ranges, XinzhiSearchRange, 0).end, ==, strlen ("Straße"));
}

/* The words @query marks in @text, joined with "|". */
static char *
dup_marked (const char *text,
            const char *query)
{
  g_autoptr(GArray) ranges = xinzhi_search_find_all (text, query);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      const XinzhiSearchRange *range = &g_array_index (ranges, XinzhiSearchRange, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + range->start, range->end - range->start);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The ids of the results of @kind, in order, joined with " ". */
static char *
dup_result_ids (XinzhiSearch     *search,
                XinzhiSearchKind  kind)
{
  GListModel *results = xinzhi_search_get_results (search, kind);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (results, i);
      g_autofree char *id = NULL;

      g_object_get (xinzhi_search_result_get_item (result), "id", &id, NULL);
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, id);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The result for the object with @id among those of @kind, or NULL. */
static XinzhiSearchResult *
find_result (XinzhiSearch     *search,
             XinzhiSearchKind  kind,
             const char       *id)
{
  GListModel *results = xinzhi_search_get_results (search, kind);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (results, i);
      g_autofree char *item_id = NULL;

      g_object_get (xinzhi_search_result_get_item (result), "id", &item_id, NULL);
      if (g_str_equal (item_id, id))
        return g_steal_pointer (&result);
    }
  return NULL;
}

/* Whether the object with @id is among the results of @kind. */
static gboolean
has_result (XinzhiSearch     *search,
            XinzhiSearchKind  kind,
            const char       *id)
{
  g_autoptr(XinzhiSearchResult) result = find_result (search, kind, id);

  return result != NULL;
}

/* Every match of @result, joined with "|". */
static char *
dup_result_marked (XinzhiSearchResult *result)
{
  const char *text = xinzhi_search_result_get_text (result);
  g_autoptr(GString) out = g_string_new (NULL);
  const XinzhiSearchRange *ranges;
  guint n_ranges;

  ranges = xinzhi_search_result_get_ranges (result, &n_ranges);
  for (guint i = 0; i < n_ranges; i++)
    {
      g_assert_cmpuint (ranges[i].start, <, ranges[i].end);
      g_assert_cmpuint (ranges[i].end, <=, strlen (text));
      if (i > 0)
        {
          g_assert_cmpuint (ranges[i - 1].end, <=, ranges[i].start);
          g_string_append_c (out, '|');
        }
      g_string_append_len (out, text + ranges[i].start, ranges[i].end - ranges[i].start);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_marked(text, query, expected) \
  G_STMT_START { \
    g_autofree char *marked_ = dup_marked ((text), (query)); \
    g_assert_cmpstr (marked_, ==, (expected)); \
  } G_STMT_END

/* Latin words match at the start of a word, and a query of several words matches them
 * in sequence; spaces and dashes between words are all one. */
static void
test_search_word_start (void)
{
  assert_marked ("He said the chains were explained.", "AI", "");
  assert_marked ("He said the chains were explained.", "ai", "");
  assert_marked ("Said: AI, AI Plus and (AI) but not MAIN or ai2.", "ai", "AI|AI|AI|ai");
  /* An abbreviation typed in capitals is meant whole: not the start of a longer word. */
  assert_marked ("Said: AI, AI Plus and (AI) but not MAIN or ai2.", "AI", "AI|AI|AI");
  assert_marked ("They aim at AI-powered tools and AIGC.", "AI", "AI");
  assert_marked ("They aim at AI-powered tools and AIGC.", "ai", "ai|AI|AI");
  assert_marked ("They aim at AI-powered tools and AIGC.", "Ai", "ai|AI|AI");
  assert_marked ("5G and 5GW", "5G", "5G");
  assert_marked ("new quality productive forces (NQPF)", "new quality productive forces NQPF", "");
  assert_marked ("use AI Plus", "use AI", "use AI");
  assert_marked ("quantum computing and aquanta", "quant", "quant");
  assert_marked ("new quality productive forces, renew quality, new  quality", "new quality",
                 "new quality|new  quality");
  assert_marked ("new high-quality production forces", "high quality", "high-quality");
  assert_marked ("new high quality forces", "high-quality", "high quality");
  assert_marked ("new high\u2014quality forces", "high quality", "high\u2014quality");
  assert_marked ("the 2024 report, not 12024", "2024", "2024");
  assert_marked ("What\u2019s new", "what's", "What\u2019s");
  /* What does not start with a letter or digit matches anywhere. */
  assert_marked ("e.g. (AI)", "(ai", "(AI");
}

static void
test_search_word_start_accents (void)
{
  assert_marked ("L\u2019énergie, la bioénergie, l'ÉNERGIE", "energie", "énergie|ÉNERGIE");
  assert_marked ("L\u2019énergie, la bioénergie", "nergie", "");
  assert_marked ("Énergie nouvelle", "ÉNERGIE", "Énergie");
  assert_marked ("Énergie nouvelle", "éNER", "Éner");
  /* In capitals, a word is meant whole, as an abbreviation is. */
  assert_marked ("Énergie nouvelle", "ÉNER", "");
  /* A Greek word starts a word as a Latin one does. */
  assert_marked ("Η ενέργεια, αενέργεια", "ενεργεια", "ενέργεια");
}

/* Chinese has no word breaks: it matches anywhere, also beside Latin letters. */
static void
test_search_mixed (void)
{
  const char *text = "新质生产力 includes 人工智能AI and more";

  assert_marked (text, "质生产", "质生产");
  assert_marked (text, "生产力 includes", "生产力 includes");
  assert_marked (text, "力 includes 人", "力 includes 人");
  assert_marked (text, "ludes 人工", "");
  assert_marked (text, "AI", "AI");
  assert_marked (text, "智能AI", "智能AI");
}

/* "AI" over a corpus: the articles that say AI (or name its sector), never one only
 * for "said", "chains" or "explained". */
static void
test_search_ai (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_test_corpus ("concepts.json");
  g_autoptr(XinzhiSearch) search = xinzhi_search_new (corpus);
  g_autoptr(XinzhiSearchResult) a = NULL;
  g_autoptr(XinzhiSearchResult) b = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *marked = NULL;

  for (guint q = 0; q < 2; q++)
    {
      g_clear_object (&a);
      g_clear_object (&b);
      g_clear_pointer (&ids, g_free);
      g_clear_pointer (&marked, g_free);

      xinzhi_search_set_query (search, q == 0 ? "AI" : "ai");
      ids = dup_result_ids (search, XINZHI_SEARCH_KIND_ARTICLE);
      g_assert_cmpstr (ids, ==, "nqpf-b nqpf-a");
      g_assert_false (has_result (search, XINZHI_SEARCH_KIND_ARTICLE, "no-ai"));

      /* In its own words, once, after a "said" that is not marked. */
      a = find_result (search, XINZHI_SEARCH_KIND_ARTICLE, "nqpf-a");
      g_assert_null (xinzhi_search_result_get_via (a));
      g_assert_cmpuint (xinzhi_search_result_get_paragraph (a), ==, 2);
      marked = dup_result_marked (a);
      g_assert_cmpstr (marked, ==, "AI");
      g_clear_pointer (&marked, g_free);

      /* Through the sector whose term "AI" is: its Chinese mention. */
      b = find_result (search, XINZHI_SEARCH_KIND_ARTICLE, "nqpf-b");
      g_assert_true (XINZHI_IS_SECTOR (xinzhi_search_result_get_via (b)));
      marked = dup_result_marked (b);
      g_assert_cmpstr (marked, ==, "人工智能");
    }
}

/* A person: every spelling, every quote they said, every article that names them. */
static void
test_search_person (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_test_corpus ("concepts.json");
  g_autoptr(XinzhiSearch) search = xinzhi_search_new (corpus);
  const char *queries[] = { "Pan Jiaofeng", "pan jiafeng", "潘教峰", "Pan" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *people = NULL;
      g_autofree char *quotes = NULL;
      g_autoptr(XinzhiSearchResult) article = NULL;
      g_autoptr(XinzhiSearchResult) quote = NULL;
      g_autofree char *marked = NULL;

      g_test_message ("%s", queries[q]);
      xinzhi_search_set_query (search, queries[q]);
      people = dup_result_ids (search, XINZHI_SEARCH_KIND_PERSON);
      g_assert_cmpstr (people, ==, "pan-jiaofeng");
      g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_meant (search)), ==, 1);

      /* Both quotes, though neither holds his name. */
      quotes = dup_result_ids (search, XINZHI_SEARCH_KIND_QUOTE);
      g_assert_cmpstr (quotes, ==, "pan-forces pan-key");
      quote = find_result (search, XINZHI_SEARCH_KIND_QUOTE, "pan-key");
      g_assert_true (XINZHI_IS_PERSON (xinzhi_search_result_get_via (quote)));

      /* The article that spells him "Pan Jiafeng", his name marked as it is written. */
      article = find_result (search, XINZHI_SEARCH_KIND_ARTICLE, "nqpf-a");
      g_assert_nonnull (article);
      g_assert_cmpuint (xinzhi_search_result_get_paragraph (article), ==, 3);
      marked = dup_result_marked (article);
      g_assert_cmpstr (marked, ==, "Pan Jiafeng");
      g_assert_true (has_result (search, XINZHI_SEARCH_KIND_ARTICLE, "nqpf-b"));
      g_assert_false (has_result (search, XINZHI_SEARCH_KIND_ARTICLE, "no-ai"));
    }

  /* Words inside a name find the person, but do not name him: no quotes. */
  xinzhi_search_set_query (search, "Jiaofeng");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_PERSON)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_meant (search)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_QUOTE)), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&search));
}

/* In the built-in corpus: his quotes in both articles, and the article that misspells
 * him. */
static void
test_search_person_builtin (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiSearch) search = xinzhi_search_new (corpus);
  XinzhiPerson *pan = xinzhi_corpus_lookup_person (corpus, "pan-jiaofeng");
  GListModel *said = xinzhi_person_get_quotes (pan);
  g_autoptr(XinzhiSearchResult) catchphrase = NULL;
  g_autofree char *marked = NULL;

  xinzhi_search_set_query (search, "Pan Jiaofeng");
  g_assert_cmpuint (g_list_model_get_n_items (said), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (said); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (said, i);
      g_autoptr(XinzhiSearchResult) result = find_result (search, XINZHI_SEARCH_KIND_QUOTE,
                                                          xinzhi_quote_get_id (quote));

      if (result == NULL)
        g_test_fail_printf ("quote “%s” not found", xinzhi_quote_get_id (quote));
    }
  catchphrase = find_result (search, XINZHI_SEARCH_KIND_ARTICLE, "two-sessions-catchphrase");
  g_assert_nonnull (catchphrase);
  marked = dup_result_marked (catchphrase);
  g_assert_cmpstr (marked, ==, "Pan Jiafeng");
  g_assert_true (has_result (search, XINZHI_SEARCH_KIND_ARTICLE, "whats-new-nqpf"));
}

/* A concept's Chinese name finds its English renderings, and one rendering finds the
 * others and the Chinese. */
static void
test_search_concept (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_test_corpus ("concepts.json");
  g_autoptr(XinzhiSearch) search = xinzhi_search_new (corpus);
  g_autoptr(XinzhiSearchResult) concept = NULL;
  g_autoptr(XinzhiSearchResult) a = NULL;
  g_autoptr(XinzhiSearchResult) b = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *marked = NULL;

  xinzhi_search_set_query (search, "新质生产力");
  ids = dup_result_ids (search, XINZHI_SEARCH_KIND_CONCEPT);
  g_assert_cmpstr (ids, ==, "new-quality-productive-forces");
  g_clear_pointer (&ids, g_free);
  concept = find_result (search, XINZHI_SEARCH_KIND_CONCEPT, "new-quality-productive-forces");
  g_assert_true (xinzhi_search_result_get_in_name (concept));
  /* Two paragraphs each: the newer first. */
  ids = dup_result_ids (search, XINZHI_SEARCH_KIND_ARTICLE);
  g_assert_cmpstr (ids, ==, "nqpf-b nqpf-a");
  g_clear_pointer (&ids, g_free);
  a = find_result (search, XINZHI_SEARCH_KIND_ARTICLE, "nqpf-a");
  g_assert_true (XINZHI_IS_CONCEPT (xinzhi_search_result_get_via (a)));
  g_assert_cmpuint (xinzhi_search_result_get_paragraph (a), ==, 1);
  g_assert_cmpuint (xinzhi_search_result_get_n_hits (a), ==, 2);
  marked = dup_result_marked (a);
  g_assert_cmpstr (marked, ==, "new quality productive forces");
  g_clear_pointer (&marked, g_free);
  /* And the quote whose words render it. */
  ids = dup_result_ids (search, XINZHI_SEARCH_KIND_QUOTE);
  g_assert_cmpstr (ids, ==, "pan-forces");
  g_clear_pointer (&ids, g_free);
  {
    g_autoptr(XinzhiSearchResult) quote = find_result (search, XINZHI_SEARCH_KIND_QUOTE, "pan-forces");

    marked = dup_result_marked (quote);
    g_assert_cmpstr (marked, ==, "New High-Quality Production Forces");
    g_clear_pointer (&marked, g_free);
  }

  /* The reverse: an English rendering finds the Chinese one. */
  xinzhi_search_set_query (search, "new quality productive capacity");
  b = find_result (search, XINZHI_SEARCH_KIND_ARTICLE, "nqpf-b");
  g_assert_nonnull (b);
  g_assert_cmpuint (xinzhi_search_result_get_paragraph (b), ==, 0);
  g_clear_object (&b);
  xinzhi_search_set_query (search, "新质");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_meant (search)), ==, 1);

  /* Words inside a variant do not name the concept. */
  xinzhi_search_set_query (search, "production");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_meant (search)), ==, 0);
  ids = dup_result_ids (search, XINZHI_SEARCH_KIND_ARTICLE);
  g_assert_cmpstr (ids, ==, "nqpf-b");

  g_assert_finalize_object (g_steal_pointer (&search));
}

/* In the built-in corpus, 新质生产力 finds all five articles, each marked where it
 * renders the term, though none holds the Chinese. */
static void
test_search_concept_builtin (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiSearch) search = xinzhi_search_new (corpus);
  XinzhiConcept *nqpf = xinzhi_corpus_lookup_concept (corpus, "new-quality-productive-forces");
  GListModel *articles = xinzhi_search_get_results (search, XINZHI_SEARCH_KIND_ARTICLE);

  xinzhi_search_set_query (search, "新质生产力");
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (articles, i);
      const char *text = xinzhi_search_result_get_text (result);
      const XinzhiSearchRange *ranges;
      guint n_ranges;

      g_assert_true (xinzhi_search_result_get_via (result) == G_OBJECT (nqpf));
      ranges = xinzhi_search_result_get_ranges (result, &n_ranges);
      g_assert_cmpuint (n_ranges, >, 0);
      for (guint r = 0; r < n_ranges; r++)
        {
          g_autofree char *words = g_strndup (text + ranges[r].start, ranges[r].end - ranges[r].start);
          gboolean is_variant = FALSE;

          for (guint v = 0; xinzhi_concept_get_variants (nqpf)[v]; v++)
            is_variant |= g_ascii_strcasecmp (words, xinzhi_concept_get_variants (nqpf)[v]) == 0;
          if (!is_variant)
            g_test_fail_printf ("“%s” is not a rendering of 新质生产力", words);
        }
    }

  /* 未来产业 finds "future industries", "future-oriented industries", … */
  xinzhi_search_set_query (search, "未来产业");
  g_assert_cmpuint (g_list_model_get_n_items (articles), >=, 3);
}

/* A sector's Chinese name finds its English mentions, and an English term the Chinese. */
static void
test_search_sector (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_test_corpus ("concepts.json");
  g_autoptr(XinzhiSearch) search = xinzhi_search_new (corpus);
  g_autoptr(XinzhiSearchResult) a = NULL;
  g_autoptr(XinzhiSearchResult) b = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *marked = NULL;

  xinzhi_search_set_query (search, "人工智能");
  ids = dup_result_ids (search, XINZHI_SEARCH_KIND_ARTICLE);
  g_assert_cmpstr (ids, ==, "nqpf-b nqpf-a");
  a = find_result (search, XINZHI_SEARCH_KIND_ARTICLE, "nqpf-a");
  marked = dup_result_marked (a);
  g_assert_cmpstr (marked, ==, "AI");
  g_clear_pointer (&marked, g_free);
  g_clear_pointer (&ids, g_free);

  xinzhi_search_set_query (search, "artificial intelligence");
  ids = dup_result_ids (search, XINZHI_SEARCH_KIND_SECTOR);
  g_assert_cmpstr (ids, ==, "ai");
  g_clear_pointer (&ids, g_free);
  ids = dup_result_ids (search, XINZHI_SEARCH_KIND_ARTICLE);
  g_assert_cmpstr (ids, ==, "nqpf-b nqpf-a");
  b = find_result (search, XINZHI_SEARCH_KIND_ARTICLE, "nqpf-b");
  marked = dup_result_marked (b);
  g_assert_cmpstr (marked, ==, "人工智能");

  g_assert_finalize_object (g_steal_pointer (&search));
}

/* The results of @search, kind by kind, as items and hits, to compare two searches. */
static GString *
describe_results (XinzhiSearch *search)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "query “%s”, meant %u:", xinzhi_search_get_query (search),
                          g_list_model_get_n_items (xinzhi_search_get_meant (search)));
  for (XinzhiSearchKind k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    {
      GListModel *results = xinzhi_search_get_results (search, k);

      g_string_append_printf (out, "\n%s:", xinzhi_search_kind_get_name (k));
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (results, i);

          g_string_append_printf (out, " %p/%u/%u/%p", xinzhi_search_result_get_item (result),
                                  xinzhi_search_result_get_paragraph (result),
                                  xinzhi_search_result_get_n_hits (result),
                                  xinzhi_search_result_get_via (result));
        }
    }
  return out;
}

static void
wait_for_search (XinzhiSearch *search)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (xinzhi_search_is_searching (search) || xinzhi_search_get_n_searching () > 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A search in a thread finds what the same search on the main thread finds; until it
 * is done the results are those of the query before; only the query asked for last
 * becomes the results; a search on the main thread leaves one still running unused. */
static void
test_search_async (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiSearch) threaded = xinzhi_search_new (corpus);
  static const char * const queries[] = { "Pan", "新质生产力", "hydrogen", "productive forces", "AI", "" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(XinzhiSearch) direct = xinzhi_search_new (corpus);
      g_autoptr(GString) expected = NULL;
      g_autoptr(GString) found = NULL;
      g_autofree char *before = g_strdup (xinzhi_search_get_query (threaded));

      xinzhi_search_set_query (direct, queries[q]);
      expected = describe_results (direct);
      xinzhi_search_set_query_async (threaded, queries[q]);
      if (!g_str_equal (before, queries[q]))
        {
          g_assert_true (xinzhi_search_is_searching (threaded));
          g_assert_cmpstr (xinzhi_search_get_query (threaded), ==, before);
        }
      wait_for_search (threaded);
      found = describe_results (threaded);
      g_assert_cmpstr (found->str, ==, expected->str);
    }

  /* Typed on before the first was done: the last is what shows. */
  xinzhi_search_set_query_async (threaded, "hyd");
  xinzhi_search_set_query_async (threaded, "hydro");
  xinzhi_search_set_query_async (threaded, "hydrogen");
  wait_for_search (threaded);
  g_assert_cmpstr (xinzhi_search_get_query (threaded), ==, "hydrogen");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_search_get_results (threaded, XINZHI_SEARCH_KIND_ARTICLE)), >, 0);

  /* Asked on the main thread meanwhile: that one stands. */
  xinzhi_search_set_query_async (threaded, "Pan");
  xinzhi_search_set_query (threaded, "AI");
  g_assert_false (xinzhi_search_is_searching (threaded));
  wait_for_search (threaded);
  g_assert_cmpstr (xinzhi_search_get_query (threaded), ==, "AI");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_search_fold);
  g_test_add_func ("/search/async", test_search_async);
  g_test_add_func ("/search/chinese", test_search_chinese);
  g_test_add_func ("/search/case", test_search_case);
  g_test_add_func ("/search/accents", test_search_accents);
  g_test_add_func ("/search/groups", test_search_groups);
  g_test_add_func ("/search/word-start", test_search_word_start);
  g_test_add_func ("/search/word-start-accents", test_search_word_start_accents);
  g_test_add_func ("/search/mixed", test_search_mixed);
  g_test_add_func ("/search/ai", test_search_ai);
  g_test_add_func ("/search/person", test_search_person);
  g_test_add_func ("/search/person-builtin", test_search_person_builtin);
  g_test_add_func ("/search/concept", test_search_concept);
  g_test_add_func ("/search/concept-builtin", test_search_concept_builtin);
  g_test_add_func ("/search/sector", test_search_sector);

  return g_test_run ();
}

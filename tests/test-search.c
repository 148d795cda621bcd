/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xinzhi-search.h"

/* Search, headless: Chinese without spaces, case and accents, grouping by kind, order,
 * and offsets that point at the words matched in the original text. */

static XinzhiCorpus *
load_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
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
  g_autoptr(XinzhiCorpus) corpus = load_minimal ();
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_search_fold);
  g_test_add_func ("/search/chinese", test_search_chinese);
  g_test_add_func ("/search/case", test_search_case);
  g_test_add_func ("/search/accents", test_search_accents);
  g_test_add_func ("/search/groups", test_search_groups);

  return g_test_run ();
}

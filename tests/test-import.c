/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Merging extractions into a corpus (xinzhi-import.c): the corpus kept as it was, ids
 * unique, people reused by name or variant, roles and variants not repeated, articles
 * already there not added again; and the file written only when the loader accepts;
 * importing files in a thread: progress, cancel, a bad file in a batch. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xinzhi-extract-corpus.h"
#include "xinzhi-import.h"
#include "xinzhi-test-data.h"

/* Articles written for this test. */
static const char article_a[] =
  "Tide mills return to the estuary\n\n"
  "URL: https://example.org/news/tide-mills\n\n"
  "Maria Okafor, chief engineer of the Tidewater Energy Institute, said the first "
  "turbines would be installed before the autumn storms.\n\n"
  "\"The estuary gives us two strong tides every day, and we mean to use them,\" Okafor said.\n";

static const char article_b[] =
  "A second turbine field for the estuary\n\n"
  "Maria Okafor, chief engineer of the Tidewater Energy Institute, said a second field "
  "would follow once the first had run through a winter.\n\n"
  "\"We learned more from one winter of storms than from ten years of models,\" Okafor said.\n\n"
  "Peter Lang, a fisherman from the old harbour, said the boats had found new routes "
  "around the turbines.\n";

/* Another text at the address of article A. */
static const char article_a_moved[] =
  "Tide mills are back\n\n"
  "URL: https://example.org/news/tide-mills/\n\n"
  "The mills turned again on Monday, for the first time in a century.\n";

/* Names two sectors and a concept of the built-in corpus that a small corpus may lack
 * or have under its own ids, and one sector it has. */
static const char article_factories[] =
  "Factories of the future\n\n"
  "Wang Lu, an engineer at the plant, said quantum computing, hydrogen energy and "
  "biomanufacturing would shape new quality productive forces in the region.\n";

static const char article_schools[] =
  "Schools for the new plants\n\n"
  "The council plans two schools, as new quality productive forces need new skills.\n";

static XinzhiExtraction *
extract (const char *name,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  XinzhiExtraction *extraction = xinzhi_extraction_new_from_data (name, text, strlen (text), FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (extraction);
  return extraction;
}

/* Merges @extraction into @corpus_json and checks that the loader accepts the result. */
static char *
merge_one (const char        *corpus_json,
           XinzhiExtraction  *extraction,
           GArray           **items)
{
  g_autoptr(XinzhiCorpus) vocabulary = xinzhi_test_load_builtin ();
  g_autoptr(XinzhiCorpus) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *json = xinzhi_import_merge (corpus_json, corpus_json != NULL ? strlen (corpus_json) : 0,
                                    &extraction, 1, vocabulary, items, &error);

  g_assert_no_error (error);
  g_assert_nonnull (json);
  bytes = g_bytes_new (json, strlen (json));
  loaded = xinzhi_corpus_new_from_bytes (bytes, "merged.json", &error);
  g_assert_no_error (error);
  return json;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonArray *
get_array (JsonNode   *root,
           const char *member)
{
  return json_object_get_array_member (json_node_get_object (root), member);
}

/* The people of @root named @name. */
static guint
count_named (JsonNode   *root,
             const char *name)
{
  JsonArray *people = get_array (root, "people");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (people); i++)
    n += g_strcmp0 (json_object_get_string_member (json_array_get_object_element (people, i), "name"), name) == 0;
  return n;
}

static JsonObject *
find (JsonNode   *root,
      const char *kind,
      const char *id)
{
  JsonArray *array = get_array (root, kind);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (array, i), "id"), id) == 0)
      return json_array_get_object_element (array, i);
  return NULL;
}

/* Into no corpus, the result is what --extract writes. */
static void
test_new_corpus (void)
{
  g_autoptr(XinzhiExtraction) a = extract ("tide-mills.txt", article_a);
  g_autoptr(XinzhiCorpus) vocabulary = xinzhi_test_load_builtin ();
  g_autoptr(GArray) items = NULL;
  g_autofree char *json = merge_one (NULL, a, &items);
  g_autofree char *extracted = xinzhi_extract_corpus_to_json (&a, 1, vocabulary);
  XinzhiImportItem *item = &g_array_index (items, XinzhiImportItem, 0);

  g_assert_cmpstr (json, ==, extracted);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_false (item->duplicate);
  g_assert_cmpstr (item->document, ==, "tide-mills");
  g_assert_cmpuint (item->n_quotes, ==, 2);
  g_assert_cmpuint (item->n_left_out, ==, 0);
  g_assert_cmpuint (item->n_people, ==, 1);
}

/* A quote with no speaker is not written, and the item counts it. */
static void
test_left_out (void)
{
  static const char text[] =
    "A second crane for the port\n\n"
    "Ama Boateng, head of the dockers' union, said the crane would shorten the queues.\n\n"
    "\"The harbour needs a second crane before the summer,\" said Deputy Director of the Port Authority.\n";
  g_autoptr(XinzhiExtraction) a = extract ("crane.txt", text);
  g_autoptr(GArray) items = NULL;
  g_autofree char *json = merge_one (NULL, a, &items);
  g_autoptr(JsonNode) root = parse (json);
  XinzhiImportItem *item = &g_array_index (items, XinzhiImportItem, 0);

  g_assert_cmpuint (xinzhi_extraction_get_n_quotes (a), ==, 2);
  g_assert_cmpint (xinzhi_extraction_get_quote (a, 1)->person, ==, -1);
  g_assert_cmpuint (item->n_quotes, ==, 1);
  g_assert_cmpuint (item->n_left_out, ==, 1);
  g_assert_cmpuint (json_array_get_length (get_array (root, "quotes")), ==, 1);
}

/* Every member of the corpus stays as it was, the ones the model does not read too, but
 * for the version: a version 1 corpus becomes version 3 (the added quotes are
 * suggestions), its event's "date_text" a "date_sources" in the paragraph that holds
 * the words; the result loads. */
static void
test_preserves_members (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *minimal = NULL;
  g_autofree char *with_unknown = NULL;
  g_autofree char *json = NULL;
  g_autoptr(XinzhiExtraction) b = extract ("turbines.txt", article_b);
  g_autoptr(XinzhiCorpus) vocabulary = xinzhi_test_load_builtin ();
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) without = NULL;
  g_autoptr(GList) members = NULL;

  g_assert_true (g_file_get_contents (path, &minimal, NULL, NULL));
  /* A member no version of the format has, at the top and in a document. */
  with_unknown = g_strdup_printf ("{\"x-local\": {\"kept\": [1, 2.5, null, \"\\u00e9\"]},%s", minimal + 1);
  {
    g_auto(GStrv) parts = g_strsplit (with_unknown, "\"id\": \"doc-a\",", 2);

    g_free (with_unknown);
    with_unknown = g_strjoin ("\"id\": \"doc-a\", \"x-reviewed\": true,", parts[0], parts[1], NULL);
  }
  json = xinzhi_import_merge (with_unknown, strlen (with_unknown), &b, 1, vocabulary, &items, &error);
  g_assert_no_error (error);

  before = parse (with_unknown);
  after = parse (json);
  members = json_object_get_members (json_node_get_object (before));
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *old = json_object_get_member (json_node_get_object (before), l->data);
      JsonNode *now = json_object_get_member (json_node_get_object (after), l->data);

      g_assert_nonnull (now);
      if (g_str_equal (l->data, "version") || g_str_equal (l->data, "events"))
        continue;
      if (JSON_NODE_HOLDS_ARRAY (old))
        {
          /* What was there is there still, first, and as it was. */
          g_assert_cmpuint (json_array_get_length (json_node_get_array (now)), >=,
                            json_array_get_length (json_node_get_array (old)));
          for (guint i = 0; i < json_array_get_length (json_node_get_array (old)); i++)
            g_assert_true (json_node_equal (json_array_get_element (json_node_get_array (old), i),
                                            json_array_get_element (json_node_get_array (now), i)));
        }
      else
        g_assert_true (json_node_equal (old, now));
    }
  g_assert_true (json_object_get_boolean_member (find (after, "documents", "doc-a"), "x-reviewed"));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (after), "version"), ==,
                   XINZHI_CORPUS_FORMAT_VERSION);
  {
    JsonObject *event = find (after, "events", "report");
    JsonArray *date_sources = json_object_get_array_member (event, "date_sources");
    JsonObject *source;

    g_assert_false (json_object_has_member (event, "date_text"));
    g_assert_cmpuint (json_array_get_length (date_sources), ==, 1);
    source = json_array_get_object_element (date_sources, 0);
    g_assert_cmpstr (json_object_get_string_member (source, "document"), ==, "doc-a");
    g_assert_cmpint (json_object_get_int_member (source, "paragraph"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (source, "text"), ==, "March 5");
    /* Nothing else of the event changed. */
    g_assert_cmpstr (json_object_get_string_member (event, "summary"), ==, "A report was given.");
  }
  {
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(XinzhiCorpus) corpus = NULL;

    /* Without the members no version has, the upgraded corpus loads. */
    g_clear_pointer (&json, g_free);
    g_clear_pointer (&items, g_array_unref);
    json = xinzhi_import_merge (minimal, strlen (minimal), &b, 1, vocabulary, &items, &error);
    g_assert_no_error (error);
    bytes = g_bytes_new (json, strlen (json));
    corpus = xinzhi_corpus_new_from_bytes (bytes, "merged.json", &error);
    g_assert_no_error (error);
    /* The corpus's own quotes stay reviewed, the added ones are suggestions. */
    for (guint i = 0; i < g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus)); i++)
      {
        g_autoptr(XinzhiQuote) quote = g_list_model_get_item (xinzhi_corpus_get_quotes (corpus), i);
        const char *document = xinzhi_document_get_id (xinzhi_quote_get_document (quote));
        const char *rule = NULL, *evidence = NULL;

        g_assert_cmpint (xinzhi_quote_get_reviewed (quote), ==, g_str_equal (document, "doc-a"));
        if (xinzhi_quote_get_suggestion (quote, &rule, &evidence, NULL, NULL))
          {
            g_assert_nonnull (rule);
            g_assert_nonnull (strstr (xinzhi_document_get_paragraph (xinzhi_quote_get_document (quote),
                                                                     xinzhi_quote_get_paragraph (quote))->text,
                                      evidence));
          }
      }
  }
  g_assert_nonnull (find (after, "documents", "turbines"));

  /* Without the unknown members, the loader takes it. */
  g_clear_pointer (&items, g_array_unref);
  g_free (json);
  json = merge_one (minimal, b, &items);
  without = parse (json);
  g_assert_cmpuint (json_array_get_length (get_array (without, "documents")), ==, 2);
  g_assert_cmpuint (json_array_get_length (get_array (without, "quotes")), ==, 1 + g_array_index (items, XinzhiImportItem, 0).n_quotes);
}

/* A document, person or quote id the corpus has is not given again. */
static void
test_unique_ids (void)
{
  g_autoptr(XinzhiExtraction) a = extract ("article.txt", article_a);
  g_autoptr(XinzhiExtraction) b = extract ("article.txt", article_b);
  g_autoptr(GArray) items_a = NULL;
  g_autoptr(GArray) items_b = NULL;
  g_autofree char *first = merge_one (NULL, a, &items_a);
  g_autofree char *second = merge_one (first, b, &items_b);
  g_autoptr(JsonNode) root = parse (second);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *kinds[] = { "documents", "people", "quotes" };

  g_assert_cmpstr (g_array_index (items_b, XinzhiImportItem, 0).document, ==, "article-2");
  g_assert_nonnull (find (root, "documents", "article"));
  g_assert_nonnull (find (root, "documents", "article-2"));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      JsonArray *array = get_array (root, kinds[k]);

      g_hash_table_remove_all (ids);
      for (guint i = 0; i < json_array_get_length (array); i++)
        g_assert_true (g_hash_table_add (ids, (gpointer) json_object_get_string_member (json_array_get_object_element (array, i), "id")));
    }
  /* Two quotes from the first article and three from the second, each with an id of its own. */
  g_assert_cmpuint (json_array_get_length (get_array (root, "quotes")), ==, 5);
  g_assert_nonnull (find (root, "quotes", "quote-3"));
  g_assert_cmpstr (json_object_get_string_member (find (root, "quotes", "quote-3"), "document"), ==, "article-2");
}

/* Dated sentences of an article are written as candidate events, unreviewed: the
 * sentence their summary and the beginning of a long one their title, a stated date
 * with its words as its date source, a date without a year as an estimate with the
 * extractor's note; a second article's under ids and documents of its own. */
static void
test_candidate_events (void)
{
  static const char dated[] =
    "Ferries for the estuary\n\nPublished June 3, 2024\n\n"
    "The first electric ferry of the estuary, built over two winters at the old yard by a crew of "
    "forty, sailed from the pier on 12 May 2024 with the mayor on board.\n\n"
    "The harbour board approved a second ferry on March 4 after a long debate.\n";
  static const char dated_again[] =
    "A third ferry\n\nPublished July 1, 2024\n\n"
    "The third ferry was launched on 20 June 2024 at the old yard.\n";
  g_autoptr(XinzhiExtraction) a = extract ("ferries.txt", dated);
  g_autoptr(XinzhiExtraction) b = extract ("ferries.txt", dated_again);
  g_autofree char *cut = NULL;
  g_autoptr(GArray) items_a = NULL;
  g_autoptr(GArray) items_b = NULL;
  g_autofree char *first = merge_one (NULL, a, &items_a);
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) root = parse (first);
  g_autoptr(JsonNode) merged = NULL;
  JsonObject *stated, *estimated, *suggestion;
  const char *title;

  g_assert_cmpuint (g_array_index (items_a, XinzhiImportItem, 0).n_events, ==, 2);
  g_assert_cmpuint (json_array_get_length (get_array (root, "events")), ==, 2);

  stated = find (root, "events", "event-1");
  g_assert_nonnull (stated);
  g_assert_cmpstr (json_object_get_string_member (stated, "date"), ==, "2024-05-12");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (stated, "summary"), "The first electric ferry"));
  title = json_object_get_string_member (stated, "title");
  g_assert_true (g_str_has_suffix (title, "…"));
  g_assert_cmpuint (g_utf8_strlen (title, -1), <=, 120);
  cut = g_strndup (title, strlen (title) - strlen ("…"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (stated, "summary"), cut));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (stated, "date_sources"), 0), "text"),
                   ==, "12 May 2024");
  suggestion = json_object_get_object_member (stated, "suggestion");
  g_assert_cmpstr (json_object_get_string_member (suggestion, "rule"), ==, "dated-sentence");
  g_assert_cmpstr (json_object_get_string_member (suggestion, "evidence"), ==, "12 May 2024");

  estimated = find (root, "events", "event-2");
  g_assert_nonnull (estimated);
  g_assert_cmpstr (json_object_get_string_member (estimated, "date"), ==, "2024-03-04");
  g_assert_true (json_object_get_boolean_member (estimated, "date_estimated"));
  g_assert_nonnull (strstr (json_object_get_string_member (estimated, "date_note"), "names no year"));
  g_assert_false (json_object_has_member (estimated, "date_sources"));
  g_assert_cmpstr (json_object_get_string_member (estimated, "title"), ==,
                   "The harbour board approved a second ferry on March 4 after a long debate.");

  /* A second article of the same file name, as a second document: its event under an
   * id of its own, citing it. */
  second = merge_one (first, b, &items_b);
  merged = parse (second);
  g_assert_cmpuint (json_array_get_length (get_array (merged, "events")), ==, 3);
  g_assert_cmpstr (g_array_index (items_b, XinzhiImportItem, 0).document, ==, "ferries-2");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (find (merged, "events", "event-3"), "sources"), 0), "document"),
                   ==, g_array_index (items_b, XinzhiImportItem, 0).document);

  /* A dated sentence that opens an isolate its paragraph closes only in the next
   * sentence gives no candidate: its summary would reorder the text after it, which
   * the loader refuses; the article is imported all the same. */
  {
    static const char isolated[] =
      "Ferry names\n\nPublished July 2, 2024\n\n"
      "The ferry was named \u2068Sea Star on 12 May 2024. The name\u2069 stayed.\n";
    g_autoptr(XinzhiExtraction) c = extract ("names.txt", isolated);
    g_autoptr(GArray) items_c = NULL;
    g_autofree char *third = merge_one (second, c, &items_c);

    g_assert_false (g_array_index (items_c, XinzhiImportItem, 0).duplicate);
    g_assert_cmpuint (g_array_index (items_c, XinzhiImportItem, 0).n_events, ==, 0);
  }
}

/* A person the corpus has is reused: by the same name, with the new article's role
 * added once; by a variant, under the corpus's own name. */
static void
test_people_merged (void)
{
  g_autoptr(XinzhiExtraction) a = extract ("tide-mills.txt", article_a);
  g_autoptr(XinzhiExtraction) b = extract ("turbines.txt", article_b);
  g_autoptr(GArray) items = NULL;
  g_autofree char *first = merge_one (NULL, a, &items);
  g_autofree char *second = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *third = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) by_variant = NULL;
  JsonObject *okafor;
  JsonArray *roles;
  guint in_a = 0, in_b = 0;

  g_clear_pointer (&items, g_array_unref);
  second = merge_one (first, b, &items);
  root = parse (second);
  g_assert_cmpuint (count_named (root, "Maria Okafor"), ==, 1);
  g_assert_cmpuint (count_named (root, "Peter Lang"), ==, 1);
  g_assert_cmpuint (g_array_index (items, XinzhiImportItem, 0).n_people, ==, 2);
  okafor = find (root, "people", "maria-okafor");
  g_assert_nonnull (okafor);
  roles = json_object_get_array_member (okafor, "roles");
  for (guint r = 0; r < json_array_get_length (roles); r++)
    {
      JsonObject *role = json_array_get_object_element (roles, r);

      g_assert_cmpstr (json_object_get_string_member (role, "text"), ==,
                       "chief engineer of the Tidewater Energy Institute");
      in_a += g_str_equal (json_object_get_string_member (role, "document"), "tide-mills");
      in_b += g_str_equal (json_object_get_string_member (role, "document"), "turbines");
    }
  g_assert_cmpuint (in_a, ==, 1);
  g_assert_cmpuint (in_b, ==, 1);
  /* Both articles call her "Okafor": one variant. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (okafor, "variants")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (okafor, "variants"), 0), ==, "Okafor");
  /* The quotes of the new article are the known person's. */
  for (guint i = 0; i < json_array_get_length (get_array (root, "quotes")); i++)
    {
      JsonObject *quote = json_array_get_object_element (get_array (root, "quotes"), i);

      if (strstr (json_object_get_string_member (quote, "text"), "one winter") != NULL)
        g_assert_cmpstr (json_object_get_string_member (quote, "person"), ==, "maria-okafor");
    }

  /* The corpus calls her otherwise, with the article's name as a variant. */
  {
    g_autoptr(JsonNode) corpus = parse (first);
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    JsonObject *person = find (corpus, "people", "maria-okafor");
    JsonArray *variants = json_array_new ();

    json_object_set_string_member (person, "name", "Okafor Maria");
    json_array_add_string_element (variants, "Maria Okafor");
    json_object_set_array_member (person, "variants", variants);
    json_generator_set_root (generator, corpus);
    renamed = json_generator_to_data (generator, NULL);
  }
  g_clear_pointer (&items, g_array_unref);
  third = merge_one (renamed, b, &items);
  by_variant = parse (third);
  g_assert_cmpuint (count_named (by_variant, "Maria Okafor"), ==, 0);
  g_assert_cmpuint (count_named (by_variant, "Okafor Maria"), ==, 1);
  okafor = find (by_variant, "people", "maria-okafor");
  /* The article's surname is a new variant; her name in the article is one already. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (okafor, "variants")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (okafor, "variants"), 0), ==, "Maria Okafor");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (okafor, "variants"), 1), ==, "Okafor");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (okafor, "roles")), ==, 2);
}

/* An article the corpus has, by its text or its address, is not added again; nor one
 * given twice in a batch. */
static void
test_duplicates (void)
{
  g_autoptr(XinzhiExtraction) a = extract ("tide-mills.txt", article_a);
  g_autoptr(XinzhiExtraction) again = extract ("copy.txt", article_a);
  g_autoptr(XinzhiExtraction) moved = extract ("moved.txt", article_a_moved);
  g_autoptr(XinzhiExtraction) b = extract ("turbines.txt", article_b);
  g_autoptr(XinzhiCorpus) vocabulary = xinzhi_test_load_builtin ();
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = merge_one (NULL, a, &items);
  g_autofree char *same = NULL;
  g_autofree char *batch = NULL;
  XinzhiExtraction *both[] = { b, moved, b };
  XinzhiImportItem *item;

  g_clear_pointer (&items, g_array_unref);
  same = merge_one (first, again, &items);
  item = &g_array_index (items, XinzhiImportItem, 0);
  g_assert_true (item->duplicate);
  g_assert_false (item->same_url);
  g_assert_cmpstr (item->document, ==, "tide-mills");
  g_assert_cmpstr (same, ==, first);

  g_clear_pointer (&items, g_array_unref);
  batch = xinzhi_import_merge (first, strlen (first), both, G_N_ELEMENTS (both), vocabulary, &items, &error);
  g_assert_no_error (error);
  g_assert_false (g_array_index (items, XinzhiImportItem, 0).duplicate);
  g_assert_cmpstr (g_array_index (items, XinzhiImportItem, 0).document, ==, "turbines");
  item = &g_array_index (items, XinzhiImportItem, 1);
  g_assert_true (item->duplicate);
  g_assert_true (item->same_url);
  g_assert_cmpstr (item->document, ==, "tide-mills");
  item = &g_array_index (items, XinzhiImportItem, 2);
  g_assert_true (item->duplicate);
  g_assert_cmpstr (item->document, ==, "turbines");
  {
    g_autoptr(JsonNode) root = parse (batch);

    g_assert_cmpuint (json_array_get_length (get_array (root, "documents")), ==, 2);
  }
}

/* Sectors and concepts: the corpus's own are kept, those of the built-in corpus that the
 * article names and the corpus lacks are added, in the corpus's group of the same name;
 * a version 1 corpus gets them too, brought to the current version. */
static void
test_vocabulary (void)
{
  g_autofree char *minimal_path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *v2_path = g_test_build_filename (G_TEST_DIST, "data", "version-2.json", NULL);
  g_autofree char *minimal = NULL, *v2 = NULL;
  g_autofree char *merged = NULL, *merged_v2 = NULL, *renamed = NULL, *again = NULL;
  g_autoptr(XinzhiExtraction) factories = extract ("factories.txt", article_factories);
  g_autoptr(XinzhiExtraction) schools = extract ("schools.txt", article_schools);
  g_autoptr(GArray) items = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) root_v2 = NULL;
  g_autoptr(JsonNode) root_again = NULL;
  JsonObject *sector;

  g_assert_true (g_file_get_contents (minimal_path, &minimal, NULL, NULL));
  g_assert_true (g_file_get_contents (v2_path, &v2, NULL, NULL));

  merged = merge_one (minimal, factories, &items);
  root = parse (merged);
  /* "hydrogen energy" is a term of the corpus's own sector "hydrogen". */
  g_assert_nonnull (find (root, "sectors", "hydrogen"));
  g_assert_null (find (root, "sectors", "hydrogen-energy"));
  sector = find (root, "sectors", "quantum-technology");
  g_assert_nonnull (sector);
  g_assert_cmpstr (json_object_get_string_member (sector, "group"), ==, "future");
  g_assert_null (find (root, "groups", "future-industries"));
  sector = find (root, "sectors", "biomanufacturing");
  g_assert_nonnull (sector);
  g_assert_cmpstr (json_object_get_string_member (sector, "group"), ==, "new-growth-engines");
  g_assert_nonnull (find (root, "groups", "new-growth-engines"));
  g_assert_nonnull (find (root, "concepts", "new-quality-productive-forces"));

  g_clear_pointer (&items, g_array_unref);
  merged_v2 = merge_one (v2, factories, &items);
  root_v2 = parse (merged_v2);
  g_assert_nonnull (find (root_v2, "concepts", "new-quality-productive-forces"));

  /* The corpus has the concept under an id of its own: it is not added again. */
  {
    g_autoptr(JsonGenerator) generator = json_generator_new ();

    json_object_set_string_member (find (root_v2, "concepts", "new-quality-productive-forces"), "id", "nqpf");
    json_generator_set_root (generator, root_v2);
    renamed = json_generator_to_data (generator, NULL);
  }
  g_clear_pointer (&items, g_array_unref);
  again = merge_one (renamed, schools, &items);
  root_again = parse (again);
  g_assert_false (g_array_index (items, XinzhiImportItem, 0).duplicate);
  g_assert_nonnull (find (root_again, "concepts", "nqpf"));
  g_assert_null (find (root_again, "concepts", "new-quality-productive-forces"));
  g_assert_cmpuint (json_array_get_length (get_array (root_again, "concepts")), ==,
                    json_array_get_length (get_array (root_v2, "concepts")));
}

/* The file: created, added to with its mode kept, left alone when the loader refuses it
 * or when nothing is new. */
static void
test_into_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "corpus.json", NULL);
  g_autofree char *broken_path = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken = g_file_new_for_path (broken_path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(XinzhiExtraction) a = extract ("tide-mills.txt", article_a);
  g_autoptr(XinzhiExtraction) b = extract ("turbines.txt", article_b);
  g_autoptr(XinzhiCorpus) vocabulary = xinzhi_test_load_builtin ();
  g_autoptr(XinzhiCorpus) loaded = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *kept = NULL;
  GStatBuf info;

  g_assert_true (xinzhi_import_into_file (file, &a, 1, vocabulary, &items, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0644);

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_clear_pointer (&items, g_array_unref);
  g_assert_true (xinzhi_import_into_file (file, &b, 1, vocabulary, &items, &error));
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  loaded = xinzhi_corpus_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_documents (loaded)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (loaded)), ==, 5);
  g_clear_object (&loaded);

  /* Nothing new: the file is not touched. */
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_clear_pointer (&items, g_array_unref);
  g_assert_true (xinzhi_import_into_file (file, &a, 1, vocabulary, &items, &error));
  g_assert_true (g_array_index (items, XinzhiImportItem, 0).duplicate);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, written);

  /* A corpus the loader refuses stays as it is. */
  g_assert_true (g_file_set_contents (broken_path, "{\"format\": \"xinzhi-corpus\"}", -1, NULL));
  g_clear_pointer (&items, g_array_unref);
  g_assert_false (xinzhi_import_into_file (broken, &a, 1, vocabulary, &items, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == XINZHI_CORPUS_ERROR);
  g_assert_null (items);
  g_clear_pointer (&kept, g_free);
  g_assert_true (g_file_get_contents (broken_path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "{\"format\": \"xinzhi-corpus\"}");
  g_clear_error (&error);

  /* A result the loader would refuse is not written: eight people of the corpus share
   * the name the article gives, so a ninth with it breaks a limit of the format. */
  {
    g_autoptr(GString) crowded = g_string_new ("{\"format\": \"xinzhi-corpus\", \"version\": 2, "
                                               "\"title\": \"Crowded\", \"groups\": [], \"sectors\": [], "
                                               "\"events\": [], \"quotes\": [], \"documents\": [{\"id\": \"d\", "
                                               "\"title\": \"D\", \"date\": \"2024\", \"date_estimated\": true, "
                                               "\"date_note\": \"A test.\", \"paragraphs\": [{\"text\": "
                                               "\"Maria Okafor met the others.\"}]}], \"people\": [");
    g_autofree char *crowded_path = g_build_filename (dir, "crowded.json", NULL);
    g_autoptr(GFile) crowded_file = g_file_new_for_path (crowded_path);

    for (guint i = 1; i <= 8; i++)
      g_string_append_printf (crowded, "%s{\"id\": \"p%u\", \"name\": \"Person %u\", "
                              "\"variants\": [\"Maria Okafor\"]}", i > 1 ? ", " : "", i, i);
    g_string_append (crowded, "]}");
    g_assert_true (g_file_set_contents (crowded_path, crowded->str, -1, NULL));
    loaded = xinzhi_corpus_new_from_file (crowded_file, NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&loaded);

    g_clear_pointer (&items, g_array_unref);
    g_assert_false (xinzhi_import_into_file (crowded_file, &a, 1, vocabulary, &items, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "would break the corpus format"));
    g_clear_error (&error);
    g_clear_pointer (&kept, g_free);
    g_assert_true (g_file_get_contents (crowded_path, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, crowded->str);
    g_unlink (crowded_path);
  }

  /* A folder is named as one. */
  g_assert_false (xinzhi_import_into_file (folder, &a, 1, vocabulary, &items, &error));
  g_assert_nonnull (strstr (error->message, "is a folder, not a corpus file"));

  g_unlink (path);
  g_unlink (broken_path);
  g_rmdir (dir);
}

typedef struct
{
  GArray   *fractions;  /* of double: the figures given */
  GArray   *items;
  GBytes   *corpus;
  GError   *error;
  gboolean  done;
} Import;

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  Import *import = user_data;

  g_assert_false (import->done);
  g_array_append_val (import->fractions, fraction);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Import *import = user_data;

  import->items = xinzhi_import_files_finish (result, &import->corpus, &import->error);
  import->done = TRUE;
}

/* Imports @files into @target in a thread, and waits for the end. */
static void
import_files (Import        *import,
              GFile         *target,
              GBytes        *initial,
              GFile        **files,
              guint          n_files,
              XinzhiCorpus  *builtin,
              GCancellable  *cancellable)
{
  memset (import, 0, sizeof *import);
  import->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  xinzhi_import_files_async (target, initial, files, n_files, builtin, G_PRIORITY_DEFAULT,
                             cancellable, import_progress_cb, import, NULL,
                             import_done_cb, import);
  while (!import->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->fractions, g_array_unref);
  g_clear_pointer (&import->items, g_array_unref);
  g_clear_pointer (&import->corpus, g_bytes_unref);
  g_clear_error (&import->error);
}

static GFile *
write_article (const char *dir,
               const char *name,
               const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static void
test_files_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "corpus.json", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.json", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
  g_autoptr(XinzhiCorpus) builtin = xinzhi_test_load_builtin ();
  g_autoptr(XinzhiCorpus) loaded = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) initial = NULL;
  g_autoptr(GError) error = NULL;
  GFile *files[3];
  guint n_builtin = g_list_model_get_n_items (xinzhi_corpus_get_documents (builtin));
  Import import;
  gsize length;

  files[0] = write_article (dir, "tide-mills.txt", article_a);
  files[1] = write_article (dir, "empty.txt", " \n\n");
  files[2] = write_article (dir, "turbines.txt", article_b);

  /* Cancelled before it began: nothing is written, nothing is said done. */
  g_cancellable_cancel (cancellable);
  import_files (&import, target, NULL, files, 3, builtin, cancellable);
  g_assert_error (import.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (import.items);
  g_assert_null (import.corpus);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  import_clear (&import);

  /* A bad file in the batch is listed with its reason; the good ones are added. */
  import_files (&import, target, NULL, files, 3, builtin, NULL);
  g_assert_no_error (import.error);
  g_assert_nonnull (import.items);
  g_assert_cmpuint (import.items->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_file_equal (g_array_index (import.items, XinzhiImportItem, i).file, files[i]));
  g_assert_null (g_array_index (import.items, XinzhiImportItem, 0).error);
  g_assert_cmpstr (g_array_index (import.items, XinzhiImportItem, 0).document, ==, "tide-mills");
  g_assert_error (g_array_index (import.items, XinzhiImportItem, 1).error,
                  XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_EMPTY);
  g_assert_nonnull (strstr (g_array_index (import.items, XinzhiImportItem, 1).error->message, "empty.txt"));
  g_assert_null (g_array_index (import.items, XinzhiImportItem, 1).document);
  g_assert_cmpstr (g_array_index (import.items, XinzhiImportItem, 2).document, ==, "turbines");
  g_assert_false (g_array_index (import.items, XinzhiImportItem, 2).duplicate);

  /* The result is the file as written, which the loader opens. */
  g_assert_nonnull (import.corpus);
  g_assert_true (g_file_get_contents (path, &written, &length, NULL));
  g_assert_cmpmem (written, length, g_bytes_get_data (import.corpus, NULL), g_bytes_get_size (import.corpus));
  loaded = xinzhi_corpus_new_from_file (target, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_documents (loaded)), ==, 2);
  g_clear_object (&loaded);
  import_clear (&import);

  /* Again: nothing new, the file is as it was, and the result says so. */
  import_files (&import, target, NULL, files, 1, builtin, NULL);
  g_assert_no_error (import.error);
  g_assert_true (g_array_index (import.items, XinzhiImportItem, 0).duplicate);
  g_assert_cmpmem (written, length, g_bytes_get_data (import.corpus, NULL), g_bytes_get_size (import.corpus));
  import_clear (&import);

  /* The progress rises, a step per file.  Enough files that the thread is still at
   * work when the main loop takes the first figures (one on its way at the end is
   * dropped, by design). */
  {
    g_autofree char *many_path = g_build_filename (dir, "many.json", NULL);
    g_autoptr(GFile) many = g_file_new_for_path (many_path);
    g_autoptr(GPtrArray) batch = g_ptr_array_new ();

    for (guint i = 0; i < 200; i++)
      g_ptr_array_add (batch, files[i % 2 == 0 ? 0 : 2]);
    import_files (&import, many, NULL, (GFile **) batch->pdata, batch->len, builtin, NULL);
    g_assert_no_error (import.error);
    g_assert_cmpuint (import.items->len, ==, 200);
    g_assert_true (g_array_index (import.items, XinzhiImportItem, 199).duplicate);
    g_assert_cmpuint (import.fractions->len, >=, 2);
    for (guint i = 0; i < import.fractions->len; i++)
      {
        g_assert_cmpfloat (g_array_index (import.fractions, double, i), >, 0.0);
        g_assert_cmpfloat (g_array_index (import.fractions, double, i), <=, 1.0);
        if (i > 0)
          g_assert_cmpfloat (g_array_index (import.fractions, double, i), >,
                             g_array_index (import.fractions, double, i - 1));
      }
    import_clear (&import);
    g_unlink (many_path);
  }

  /* Only bad files: nothing is written. */
  import_files (&import, copy, NULL, &files[1], 1, builtin, NULL);
  g_assert_no_error (import.error);
  g_assert_nonnull (g_array_index (import.items, XinzhiImportItem, 0).error);
  g_assert_null (import.corpus);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  import_clear (&import);

  /* A new file starts as the corpus given: here the built-in one, with the article. */
  initial = g_resources_lookup_data (RESOURCE_BASE "/corpus/xinzhi-corpus.json",
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  import_files (&import, copy, initial, files, 1, builtin, NULL);
  g_assert_no_error (import.error);
  loaded = xinzhi_corpus_new_from_file (copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_documents (loaded)), ==, n_builtin + 1);
  import_clear (&import);

  for (guint i = 0; i < 3; i++)
    {
      g_file_delete (files[i], NULL, NULL);
      g_object_unref (files[i]);
    }
  g_unlink (path);
  g_unlink (copy_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/new-corpus", test_new_corpus);
  g_test_add_func ("/import/left-out", test_left_out);
  g_test_add_func ("/import/preserves-members", test_preserves_members);
  g_test_add_func ("/import/unique-ids", test_unique_ids);
  g_test_add_func ("/import/candidate-events", test_candidate_events);
  g_test_add_func ("/import/people-merged", test_people_merged);
  g_test_add_func ("/import/duplicates", test_duplicates);
  g_test_add_func ("/import/vocabulary", test_vocabulary);
  g_test_add_func ("/import/into-file", test_into_file);
  g_test_add_func ("/import/files-async", test_files_async);

  return g_test_run ();
}

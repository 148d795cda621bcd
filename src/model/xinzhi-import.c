/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Adding what the extractor found to a corpus file (docs/import.md, "Importing").
 *
 * The corpus is read as JSON and added to, never written again from the model's
 * objects: every member it has, including ones this code does not read, stays as it
 * was, but for its version: the quotes added are suggestions, unreviewed, which need
 * format version 3, and a corpus of an older version is brought to it
 * (upgrade_version()).  What is added is what --extract would write for the new articles
 * (xinzhi_extract_corpus_to_json()), fitted in: ids made unique against the corpus's, a
 * person the corpus has already (by name or variant) reused rather than repeated, and
 * only the sectors, groups and concepts the corpus lacks.  An article the corpus has
 * already, by its text or its address, is not added again.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xinzhi-escape.h"
#include "xinzhi-extract-corpus.h"
#include "xinzhi-import.h"
#include "xinzhi-json-tree.h"
#include "xinzhi-progress.h"
#include "xinzhi-read.h"
#include "xinzhi-write.h"

/* A name or variant that more than one person has, in the lookups below. */
#define AMBIGUOUS G_MAXUINT

static void
clear_item (gpointer data)
{
  XinzhiImportItem *item = data;

  g_clear_pointer (&item->document, g_free);
  g_clear_object (&item->file);
  g_clear_error (&item->error);
}

/* The array member @member of @object, or %NULL when there is none or it is not an
 * array. */
static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The string at @index of @array, or %NULL when it is something else. */
static const char *
get_string_at (JsonArray *array,
               guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* The length of @array, 0 for %NULL. */
static guint
count_elements (JsonArray *array)
{
  return array != NULL ? json_array_get_length (array) : 0;
}

/* The array member @member of @object, added empty when there is none. */
static JsonArray *
ensure_array (JsonObject  *object,
              const char  *member,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      json_object_set_array_member (object, member, json_array_new ());
      node = json_object_get_member (object, member);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_TYPE,
                   "$.%s: not an array", member);
      return NULL;
    }
  return json_node_get_array (node);
}

/* The object at @index of @array, or %NULL when it is something else. */
static JsonObject *
get_object_at (JsonArray *array,
               guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* @base, or the first of @base-2, @base-3 … that @taken lacks; added to @taken. */
static const char *
take_unique_id (const char *base,
                GHashTable *taken)
{
  char *id = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (taken, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (taken, id);
  return id;
}

/* Every run of white space one space, none at either end. */
static void
append_normalized (GString    *out,
                   const char *text)
{
  gboolean space = out->len > 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p;

      /* ASCII, most of the text, without decoding: the same spaces as
       * g_unichar_isspace(), which does not count \v. */
      if (c < 0x80)
        {
          if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
            {
              space = out->len > 0;
              continue;
            }
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, (char) c);
          continue;
        }
      c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
}

/* What makes two articles one: their body text, white space aside. */
static char *
make_extraction_key (XinzhiExtraction *extraction)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < xinzhi_extraction_get_n_paragraphs (extraction); i++)
    {
      const XinzhiExtractParagraph *p = xinzhi_extraction_get_paragraph (extraction, i);

      if (p->kind == XINZHI_EXTRACT_BODY)
        append_normalized (key, p->text);
    }
  return g_string_free (key, FALSE);
}

static char *
make_document_key (JsonObject *document)
{
  GString *key = g_string_new (NULL);
  JsonArray *paragraphs = get_array (document, "paragraphs");

  for (guint i = 0; i < count_elements (paragraphs); i++)
    {
      JsonObject *paragraph = get_object_at (paragraphs, i);
      const char *kind = xinzhi_json_tree_get_string (paragraph, "kind");
      const char *text = xinzhi_json_tree_get_string (paragraph, "text");

      if (text != NULL && (kind == NULL || g_str_equal (kind, "body")))
        append_normalized (key, text);
    }
  return g_string_free (key, FALSE);
}

/* An address without a final "/": the same page either way. */
static char *
make_url_key (const char *url)
{
  gsize n;

  if (url == NULL)
    return NULL;
  n = strlen (url);
  while (n > 0 && url[n - 1] == '/')
    n--;
  return g_strndup (url, n);
}

/* Notes that @key (ASCII case aside) belongs to the person at @index. */
static void
note_owner (GHashTable *owners,
            const char *key,
            guint       index)
{
  char *lower = g_ascii_strdown (key, -1);
  guint owner = GPOINTER_TO_UINT (g_hash_table_lookup (owners, lower));

  if (owner != 0 && owner != index + 1)
    owner = AMBIGUOUS;
  else
    owner = index + 1;
  g_hash_table_replace (owners, lower, GUINT_TO_POINTER (owner));
}

/* Notes the names and variants of @person, at @index of the people; with
 * @variant_uses, counts its variants there. */
static void
note_person (GHashTable *names,
             GHashTable *variants,
             GHashTable *variant_uses,
             JsonObject *person,
             guint       index)
{
  JsonArray *person_variants = get_array (person, "variants");

  if (xinzhi_json_tree_get_string (person, "name") != NULL)
    note_owner (names, xinzhi_json_tree_get_string (person, "name"), index);
  if (xinzhi_json_tree_get_string (person, "name_zh") != NULL)
    note_owner (names, xinzhi_json_tree_get_string (person, "name_zh"), index);
  for (guint v = 0; v < count_elements (person_variants); v++)
    {
      const char *variant = get_string_at (person_variants, v);
      char *lower;

      if (variant == NULL)
        continue;
      note_owner (variants, variant, index);
      if (variant_uses == NULL)
        continue;
      lower = g_ascii_strdown (variant, -1);
      g_hash_table_replace (variant_uses, lower,
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (variant_uses, lower)) + 1));
    }
}

/* Whether @person has @word as its name or one of its variants, ASCII case aside. */
static gboolean
has_name (JsonObject *person,
          const char *word)
{
  JsonArray *variants = get_array (person, "variants");
  const char *name = xinzhi_json_tree_get_string (person, "name");

  if (name != NULL && g_ascii_strcasecmp (name, word) == 0)
    return TRUE;
  for (guint v = 0; v < count_elements (variants); v++)
    {
      const char *variant = get_string_at (variants, v);

      if (variant != NULL && g_ascii_strcasecmp (variant, word) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether @variant may be added to a person: not another person's name, and not one
 * that three people have already (as xinzhi_extract_corpus_to_json() decides). */
static gboolean
can_add_variant (const char *variant,
                 GHashTable *names,
                 GHashTable *variant_uses)
{
  g_autofree char *lower = g_ascii_strdown (variant, -1);

  return !g_hash_table_contains (names, lower) &&
         GPOINTER_TO_UINT (g_hash_table_lookup (variant_uses, lower)) < 3;
}

/* The fresh person's variants and roles added to @person, each only if new; the
 * roles' documents renamed through @doc_ids. */
static void
add_variants_and_roles (JsonObject *person,
                        JsonObject *fresh,
                        GHashTable *doc_ids,
                        GHashTable *names,
                        GHashTable *variant_uses)
{
  JsonArray *fresh_variants = get_array (fresh, "variants");
  JsonArray *fresh_roles = get_array (fresh, "roles");

  for (guint v = 0; v < count_elements (fresh_variants); v++)
    {
      const char *variant = json_array_get_string_element (fresh_variants, v);
      g_autofree char *lower = g_ascii_strdown (variant, -1);
      JsonArray *variants;

      if (has_name (person, variant) || !can_add_variant (variant, names, variant_uses))
        continue;
      variants = ensure_array (person, "variants", NULL);
      if (variants == NULL)
        continue;
      json_array_add_string_element (variants, variant);
      g_hash_table_replace (variant_uses, g_strdup (lower),
                            GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (variant_uses, lower)) + 1));
    }

  for (guint r = 0; r < count_elements (fresh_roles); r++)
    {
      JsonObject *role = get_object_at (fresh_roles, r);
      const char *text = xinzhi_json_tree_get_string (role, "text");
      const char *document = g_hash_table_lookup (doc_ids, xinzhi_json_tree_get_string (role, "document"));
      JsonArray *roles = ensure_array (person, "roles", NULL);
      gboolean known = FALSE;
      JsonObject *added;

      for (guint k = 0; k < count_elements (roles) && !known; k++)
        {
          JsonObject *other = get_object_at (roles, k);

          known = other != NULL && g_strcmp0 (xinzhi_json_tree_get_string (other, "text"), text) == 0 &&
                  g_strcmp0 (xinzhi_json_tree_get_string (other, "document"), document) == 0;
        }
      if (known || roles == NULL)
        continue;
      added = json_object_new ();
      json_object_set_string_member (added, "text", text);
      json_object_set_string_member (added, "document", document);
      json_array_add_object_element (roles, added);
    }
}

static JsonObject *
find_by_id (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_object_at (array, i);

      if (object != NULL && g_strcmp0 (xinzhi_json_tree_get_string (object, "id"), id) == 0)
        return object;
    }
  return NULL;
}

static GHashTable *
collect_ids (JsonArray *array)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_object_at (array, i);

      if (object != NULL && xinzhi_json_tree_get_string (object, "id") != NULL)
        g_hash_table_add (ids, g_strdup (xinzhi_json_tree_get_string (object, "id")));
    }
  return ids;
}

/* The strings of the array @member of each object of @array, ASCII case aside. */
static GHashTable *
collect_words (JsonArray  *array,
               const char *member)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonArray *list = get_array (get_object_at (array, i), member);

      for (guint w = 0; w < count_elements (list); w++)
        {
          const char *word = get_string_at (list, w);

          if (word != NULL)
            g_hash_table_add (words, g_ascii_strdown (word, -1));
        }
    }
  return words;
}

/* Whether one of the strings of the array @member of @object is in @words. */
static gboolean
shares_a_word (JsonObject *object,
               const char *member,
               GHashTable *words)
{
  JsonArray *array = json_object_get_array_member (object, member);

  for (guint w = 0; w < json_array_get_length (array); w++)
    {
      g_autofree char *lower = g_ascii_strdown (json_array_get_string_element (array, w), -1);

      if (g_hash_table_contains (words, lower))
        return TRUE;
    }
  return FALSE;
}

/* The sectors (with their groups) and concepts of @fresh that @root lacks: not those
 * whose id it has, nor those that share a term or variant with one of its own, which
 * is the same thing under the corpus's own name.  A sector added goes into the
 * corpus's group of the same id or name, or else its group is added too. */
static gboolean
merge_vocabulary (JsonObject  *root,
                  JsonObject  *fresh,
                  GError     **error)
{
  JsonArray *groups = ensure_array (root, "groups", error);
  JsonArray *sectors = groups != NULL ? ensure_array (root, "sectors", error) : NULL;
  JsonArray *fresh_groups = json_object_get_array_member (fresh, "groups");
  JsonArray *fresh_sectors = json_object_get_array_member (fresh, "sectors");
  JsonArray *fresh_concepts = json_object_get_array_member (fresh, "concepts");
  g_autoptr(GHashTable) group_ids = NULL;
  g_autoptr(GHashTable) group_named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) sector_ids = NULL;
  g_autoptr(GHashTable) terms = NULL;
  g_autoptr(GHashTable) concept_ids = NULL;
  g_autoptr(GHashTable) variants = NULL;
  JsonArray *concepts;

  if (sectors == NULL)
    return FALSE;
  group_ids = collect_ids (groups);
  sector_ids = collect_ids (sectors);
  terms = collect_words (sectors, "terms");
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = get_object_at (groups, i);

      if (group != NULL && xinzhi_json_tree_get_string (group, "id") != NULL && xinzhi_json_tree_get_string (group, "name") != NULL)
        g_hash_table_insert (group_named, g_ascii_strdown (xinzhi_json_tree_get_string (group, "name"), -1),
                             (gpointer) xinzhi_json_tree_get_string (group, "id"));
    }

  for (guint i = 0; i < json_array_get_length (fresh_sectors); i++)
    {
      JsonObject *sector = get_object_at (fresh_sectors, i);
      JsonObject *group = find_by_id (fresh_groups, xinzhi_json_tree_get_string (sector, "group"));
      g_autofree char *group_name = g_ascii_strdown (xinzhi_json_tree_get_string (group, "name"), -1);
      const char *same_name = g_hash_table_lookup (group_named, group_name);

      if (g_hash_table_contains (sector_ids, xinzhi_json_tree_get_string (sector, "id")) ||
          shares_a_word (sector, "terms", terms))
        continue;
      if (!g_hash_table_contains (group_ids, xinzhi_json_tree_get_string (group, "id")) && same_name != NULL)
        json_object_set_string_member (sector, "group", same_name);
      else if (!g_hash_table_contains (group_ids, xinzhi_json_tree_get_string (group, "id")))
        {
          g_hash_table_add (group_ids, g_strdup (xinzhi_json_tree_get_string (group, "id")));
          json_array_add_object_element (groups, json_object_ref (group));
        }
      json_array_add_object_element (sectors, json_object_ref (sector));
    }

  /* The corpus is of the current version by now (upgrade_version()). */
  if (json_array_get_length (fresh_concepts) == 0)
    return TRUE;

  concepts = ensure_array (root, "concepts", error);
  if (concepts == NULL)
    return FALSE;
  concept_ids = collect_ids (concepts);
  variants = collect_words (concepts, "variants");
  for (guint i = 0; i < json_array_get_length (fresh_concepts); i++)
    {
      JsonObject *concept = get_object_at (fresh_concepts, i);

      if (!g_hash_table_contains (concept_ids, xinzhi_json_tree_get_string (concept, "id")) &&
          !shares_a_word (concept, "variants", variants))
        json_array_add_object_element (concepts, json_object_ref (concept));
    }
  return TRUE;
}

/* The text of paragraph @index of @document, or %NULL. */
static const char *
paragraph_text (JsonObject *document,
                gint64      index)
{
  JsonArray *paragraphs = get_array (document, "paragraphs");

  if (paragraphs == NULL || index < 0 || index >= json_array_get_length (paragraphs))
    return NULL;
  return xinzhi_json_tree_get_string (get_object_at (paragraphs, (guint) index), "text");
}

/* Brings @root, which is about to take quotes that are suggestions (new in version 3),
 * to the current format version.  A version 1 event's one "date_text" becomes its
 * "date_sources": each of its sources whose paragraph holds those words, with them.
 * Anything else that is not right is left for the loader to report, as it would have
 * been: an event whose words are in none of its sources keeps its "date_text". */
static void
upgrade_version (JsonObject *root)
{
  JsonNode *version = json_object_get_member (root, "version");
  JsonArray *documents = get_array (root, "documents");
  JsonArray *events = get_array (root, "events");
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1 || json_node_get_int (version) >= XINZHI_CORPUS_FORMAT_VERSION)
    return;

  for (guint i = 0; documents != NULL && i < json_array_get_length (documents); i++)
    {
      JsonObject *document = get_object_at (documents, i);

      if (xinzhi_json_tree_get_string (document, "id") != NULL)
        g_hash_table_insert (by_id, (gpointer) xinzhi_json_tree_get_string (document, "id"), document);
    }

  for (guint i = 0; json_node_get_int (version) == 1 && events != NULL && i < json_array_get_length (events); i++)
    {
      JsonObject *event = get_object_at (events, i);
      const char *date_text = xinzhi_json_tree_get_string (event, "date_text");
      JsonArray *sources = event != NULL ? get_array (event, "sources") : NULL;
      g_autoptr(JsonArray) date_sources = json_array_new ();

      if (date_text == NULL || sources == NULL)
        continue;
      for (guint j = 0; j < json_array_get_length (sources); j++)
        {
          JsonObject *source = get_object_at (sources, j);
          JsonNode *paragraph = source != NULL ? json_object_get_member (source, "paragraph") : NULL;
          const char *document = xinzhi_json_tree_get_string (source, "document");
          const char *text;
          JsonObject *date_source;

          if (document == NULL || paragraph == NULL || !JSON_NODE_HOLDS_VALUE (paragraph) ||
              json_node_get_value_type (paragraph) != G_TYPE_INT64)
            continue;
          text = paragraph_text (g_hash_table_lookup (by_id, document), json_node_get_int (paragraph));
          if (text == NULL || strstr (text, date_text) == NULL)
            continue;
          date_source = json_object_new ();
          json_object_set_string_member (date_source, "document", document);
          json_object_set_int_member (date_source, "paragraph", json_node_get_int (paragraph));
          json_object_set_string_member (date_source, "text", date_text);
          json_array_add_object_element (date_sources, date_source);
        }
      if (json_array_get_length (date_sources) == 0)
        continue;
      json_object_set_array_member (event, "date_sources", json_array_ref (date_sources));
      json_object_remove_member (event, "date_text");
    }

  json_object_set_int_member (root, "version", XINZHI_CORPUS_FORMAT_VERSION);
}

/* The first of "@prefix-N", "@prefix-N+1" … from *@next on that @taken lacks; *@next
 * then follows it. */
static char *
next_free_id (const char *prefix,
              guint      *next,
              GHashTable *taken)
{
  char *id = NULL;

  do
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", prefix, (*next)++);
    }
  while (g_hash_table_contains (taken, id));
  return id;
}

/* Renames the documents that the entries of @object's array @member cite, through
 * @doc_ids (a fresh document's id → its id in the corpus). */
static void
rename_cited_documents (JsonObject *object,
                        const char *member,
                        GHashTable *doc_ids)
{
  JsonArray *cited = get_array (object, member);

  for (guint i = 0; cited != NULL && i < json_array_get_length (cited); i++)
    {
      JsonObject *entry = get_object_at (cited, i);
      const char *renamed = entry != NULL ? g_hash_table_lookup (doc_ids, xinzhi_json_tree_get_string (entry, "document"))
                                          : NULL;

      if (renamed != NULL)
        json_object_set_string_member (entry, "document", renamed);
    }
}

/* Adds the documents, people, quotes and candidate events of @fresh to @root;
 * @doc_ids is filled with each fresh document's id in @root. */
static gboolean
merge_corpus (JsonObject  *root,
              JsonObject  *fresh,
              GHashTable  *doc_ids,
              GError     **error)
{
  JsonArray *documents = ensure_array (root, "documents", error);
  JsonArray *people = documents != NULL ? ensure_array (root, "people", error) : NULL;
  JsonArray *quotes = people != NULL ? ensure_array (root, "quotes", error) : NULL;
  JsonArray *events = quotes != NULL ? ensure_array (root, "events", error) : NULL;
  JsonArray *fresh_events = json_object_get_array_member (fresh, "events");
  JsonArray *fresh_documents = json_object_get_array_member (fresh, "documents");
  JsonArray *fresh_people = json_object_get_array_member (fresh, "people");
  JsonArray *fresh_quotes = json_object_get_array_member (fresh, "quotes");
  g_autoptr(GHashTable) taken_documents = NULL;
  g_autoptr(GHashTable) taken_people = NULL;
  g_autoptr(GHashTable) taken_quotes = NULL;
  g_autoptr(GHashTable) taken_events = NULL;
  g_autoptr(GHashTable) person_ids = g_hash_table_new (g_str_hash, g_str_equal);  /* fresh → root, borrowed */
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) variants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) variant_uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint next_quote = 1;
  guint next_event = 1;

  if (events == NULL)
    return FALSE;
  taken_documents = collect_ids (documents);
  taken_people = collect_ids (people);
  taken_quotes = collect_ids (quotes);
  taken_events = collect_ids (events);

  for (guint i = 0; i < json_array_get_length (fresh_documents); i++)
    {
      JsonObject *document = get_object_at (fresh_documents, i);
      const char *fresh_id = xinzhi_json_tree_get_string (document, "id");
      const char *id = take_unique_id (fresh_id, taken_documents);

      g_hash_table_insert (doc_ids, g_strdup (fresh_id), g_strdup (id));
      json_object_set_string_member (document, "id", id);
      json_array_add_object_element (documents, json_object_ref (document));
    }

  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *person = get_object_at (people, i);

      if (person != NULL)
        note_person (names, variants, variant_uses, person, i);
    }

  for (guint i = 0; i < json_array_get_length (fresh_people); i++)
    {
      JsonObject *person = get_object_at (fresh_people, i);
      const char *fresh_id = xinzhi_json_tree_get_string (person, "id");
      g_autofree char *key = g_ascii_strdown (xinzhi_json_tree_get_string (person, "name"), -1);
      guint owner = GPOINTER_TO_UINT (g_hash_table_lookup (names, key));
      JsonObject *added;

      /* The one person of the corpus with this name, or else with it as a variant;
       * never one of two. */
      if (owner == 0)
        owner = GPOINTER_TO_UINT (g_hash_table_lookup (variants, key));
      if (owner != 0 && owner != AMBIGUOUS)
        {
          JsonObject *known = get_object_at (people, owner - 1);

          g_hash_table_insert (person_ids, (gpointer) fresh_id, (gpointer) xinzhi_json_tree_get_string (known, "id"));
          add_variants_and_roles (known, person, doc_ids, names, variant_uses);
          continue;
        }

      added = json_object_new ();
      json_object_set_string_member (added, "id", take_unique_id (fresh_id, taken_people));
      json_object_set_string_member (added, "name", xinzhi_json_tree_get_string (person, "name"));
      add_variants_and_roles (added, person, doc_ids, names, variant_uses);
      json_array_add_object_element (people, added);
      g_hash_table_insert (person_ids, (gpointer) fresh_id, (gpointer) xinzhi_json_tree_get_string (added, "id"));
      /* Its variants are counted already, as they were added. */
      note_person (names, variants, NULL, added, json_array_get_length (people) - 1);
    }

  for (guint i = 0; i < json_array_get_length (fresh_quotes); i++)
    {
      JsonObject *quote = get_object_at (fresh_quotes, i);
      g_autofree char *id = next_free_id ("quote", &next_quote, taken_quotes);

      json_object_set_string_member (quote, "id", id);
      json_object_set_string_member (quote, "person", g_hash_table_lookup (person_ids, xinzhi_json_tree_get_string (quote, "person")));
      json_object_set_string_member (quote, "document", g_hash_table_lookup (doc_ids, xinzhi_json_tree_get_string (quote, "document")));
      json_array_add_object_element (quotes, json_object_ref (quote));
    }

  /* The candidate events, under ids the corpus does not have, citing the documents
   * by their ids in it. */
  for (guint i = 0; fresh_events != NULL && i < json_array_get_length (fresh_events); i++)
    {
      JsonObject *event = get_object_at (fresh_events, i);
      g_autofree char *id = next_free_id ("event", &next_event, taken_events);

      json_object_set_string_member (event, "id", id);
      rename_cited_documents (event, "sources", doc_ids);
      rename_cited_documents (event, "date_sources", doc_ids);
      json_array_add_object_element (events, json_object_ref (event));
    }

  return merge_vocabulary (root, fresh, error);
}

static char *
write_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/**
 * xinzhi_import_merge:
 * @corpus_json: (nullable): the corpus to add to, as JSON text, or %NULL for none
 * @length: the length of @corpus_json in bytes
 * @extractions: (array length=n_extractions): what the article files gave
 * @builtin: the corpus whose sectors, groups and concepts are looked for
 * @items: (out) (element-type XinzhiImportItem): what became of each extraction
 * @error: return location for a #XINZHI_CORPUS_ERROR, when @corpus_json is not JSON
 *
 * Adds the extractions to the corpus, as the file's comment says.  This does not check
 * the corpus or the result against the format: the loader does
 * (xinzhi_import_into_file()).  Without a corpus, the result is what
 * xinzhi_extract_corpus_to_json() gives for the articles (each once).
 *
 * Returns: (transfer full): the corpus with the articles added, as JSON text
 */
char *
xinzhi_import_merge (const char        *corpus_json,
                     gsize              length,
                     XinzhiExtraction **extractions,
                     guint              n_extractions,
                     XinzhiCorpus      *builtin,
                     GArray           **items,
                     GError           **error)
{
  g_autoptr(GArray) result = g_array_sized_new (FALSE, TRUE, sizeof (XinzhiImportItem), n_extractions);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) by_url = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) batch_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) batch_url = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) doc_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autofree int *repeats = g_new (int, MAX (n_extractions, 1));  /* the fresh index repeated, or -1 */
  g_autofree int *fresh_index = g_new (int, MAX (n_extractions, 1));
  g_autoptr(JsonNode) fresh_root = NULL;
  g_autoptr(GHashTable) quotes_of = g_hash_table_new (g_str_hash, g_str_equal);  /* id → count */
  JsonObject *root = NULL;
  JsonArray *fresh_documents;
  JsonArray *fresh_quotes;

  g_return_val_if_fail (n_extractions > 0, NULL);
  g_return_val_if_fail (XINZHI_IS_CORPUS (builtin), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  g_array_set_clear_func (result, clear_item);
  g_array_set_size (result, n_extractions);

  if (corpus_json != NULL)
    {
      JsonArray *documents;

      if (!json_parser_load_from_data (parser, corpus_json, (gssize) length, error))
        return NULL;
      if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_FORMAT,
                               "$: not a corpus: not an object");
          return NULL;
        }
      root = json_node_get_object (json_parser_get_root (parser));
      documents = ensure_array (root, "documents", error);
      if (documents == NULL)
        return NULL;
      for (guint i = 0; i < json_array_get_length (documents); i++)
        {
          JsonObject *document = get_object_at (documents, i);
          const char *id = document != NULL ? xinzhi_json_tree_get_string (document, "id") : NULL;
          char *url = id != NULL ? make_url_key (xinzhi_json_tree_get_string (document, "url")) : NULL;
          g_autofree char *key = NULL;

          if (id == NULL)
            continue;
          if (url != NULL && !g_hash_table_contains (by_url, url))
            g_hash_table_insert (by_url, url, g_strdup (id));
          else
            g_free (url);
          key = make_document_key (document);
          if (key[0] != '\0' && !g_hash_table_contains (by_text, key))
            g_hash_table_insert (by_text, g_steal_pointer (&key), g_strdup (id));
        }
    }

  /* Which articles are new: not in the corpus, nor earlier in the batch. */
  for (guint e = 0; e < n_extractions; e++)
    {
      XinzhiImportItem *item = &g_array_index (result, XinzhiImportItem, e);
      char *key = make_extraction_key (extractions[e]);
      char *url = make_url_key (xinzhi_extraction_get_url (extractions[e]));
      const char *known = g_hash_table_lookup (by_text, key);
      guint earlier = GPOINTER_TO_UINT (g_hash_table_lookup (batch_text, key));

      repeats[e] = fresh_index[e] = -1;
      item->same_url = known == NULL && earlier == 0 && url != NULL;
      if (known == NULL && url != NULL)
        known = g_hash_table_lookup (by_url, url);
      if (known == NULL && earlier == 0 && url != NULL)
        earlier = GPOINTER_TO_UINT (g_hash_table_lookup (batch_url, url));

      if (known != NULL || earlier != 0)
        {
          item->duplicate = TRUE;
          item->document = g_strdup (known);
          repeats[e] = known == NULL ? (int) earlier - 1 : -1;
          g_free (key);
          g_free (url);
          continue;
        }
      item->same_url = FALSE;
      fresh_index[e] = (int) fresh->len;
      g_ptr_array_add (fresh, extractions[e]);
      if (key[0] != '\0')
        g_hash_table_insert (batch_text, key, GUINT_TO_POINTER (fresh->len));
      else
        g_free (key);
      if (url != NULL)
        g_hash_table_insert (batch_url, url, GUINT_TO_POINTER (fresh->len));
    }

  if (fresh->len == 0)
    {
      *items = g_steal_pointer (&result);
      return g_strndup (corpus_json, length);
    }

  fresh_root = xinzhi_extract_corpus_to_node ((XinzhiExtraction **) fresh->pdata, fresh->len, builtin);
  fresh_documents = json_object_get_array_member (json_node_get_object (fresh_root), "documents");
  fresh_quotes = json_object_get_array_member (json_node_get_object (fresh_root), "quotes");

  /* The quotes of each document, counted in one pass (each document looking through
   * all the quotes cost their product on a large batch). */
  for (guint q = 0; q < json_array_get_length (fresh_quotes); q++)
    {
      const char *document = xinzhi_json_tree_get_string (get_object_at (fresh_quotes, q), "document");

      if (document != NULL)
        g_hash_table_insert (quotes_of, (gpointer) document,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (quotes_of, document)) + 1));
    }

  /* The counts, by the fresh ids. */
  for (guint e = 0; e < n_extractions; e++)
    {
      XinzhiImportItem *item = &g_array_index (result, XinzhiImportItem, e);
      const char *id;

      if (fresh_index[e] < 0)
        continue;
      id = xinzhi_json_tree_get_string (get_object_at (fresh_documents, (guint) fresh_index[e]), "id");
      item->document = g_strdup (id);
      item->n_people = xinzhi_extraction_get_n_people (extractions[e]);
      item->n_quotes = GPOINTER_TO_UINT (g_hash_table_lookup (quotes_of, id));
      /* Every candidate of the article is written. */
      item->n_events = xinzhi_extraction_get_n_events (extractions[e]);
      for (guint q = 0; q < xinzhi_extraction_get_n_quotes (extractions[e]); q++)
        if (xinzhi_extraction_get_quote (extractions[e], q)->person < 0)
          item->n_left_out++;
    }

  if (root != NULL)
    {
      upgrade_version (root);
      if (!merge_corpus (root, json_node_get_object (fresh_root), doc_ids, error))
        return NULL;
      for (guint e = 0; e < n_extractions; e++)
        {
          XinzhiImportItem *item = &g_array_index (result, XinzhiImportItem, e);

          if (fresh_index[e] >= 0)
            {
              char *id = g_strdup (g_hash_table_lookup (doc_ids, item->document));

              g_free (item->document);
              item->document = id;
            }
        }
    }

  /* A repeat within the batch names the document of the article it repeats. */
  for (guint e = 0; e < n_extractions; e++)
    if (repeats[e] >= 0)
      for (guint f = 0; f < e; f++)
        if (fresh_index[f] == repeats[e])
          g_array_index (result, XinzhiImportItem, e).document =
            g_strdup (g_array_index (result, XinzhiImportItem, f).document);

  *items = g_steal_pointer (&result);
  if (root == NULL)
    return write_json (fresh_root);
  return write_json (json_parser_get_root (parser));
}

/* xinzhi_import_into_file(), where a missing @target starts as @initial (when it is
 * not %NULL) rather than empty, and which gives the corpus as it is after in @corpus
 * (%NULL when @target was not there and nothing was added). */
static gboolean
import_into_file (GFile             *target,
                  GBytes            *initial,
                  XinzhiExtraction **extractions,
                  guint              n_extractions,
                  XinzhiCorpus      *builtin,
                  GArray           **items,
                  GBytes           **corpus,
                  GError           **error)
{
  g_autofree char *parse_name = g_file_get_parse_name (target);
  g_autofree char *name = xinzhi_escape_controls (parse_name, XINZHI_ESCAPE_DEFAULT);
  g_autofree char *real = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) old = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) result = NULL;
  g_autoptr(XinzhiCorpus) loaded = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean added = FALSE;
  gboolean exists;
  int mode;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  real = xinzhi_write_resolve (target, name, &exists, &mode, error);
  if (real == NULL)
    return FALSE;
  if (exists)
    {
      g_autoptr(GFile) file = g_file_new_for_path (real);

      /* The loader says why a file is no corpus (a folder, a pipe, a device, a file
       * it refuses) as --check does. */
      loaded = xinzhi_corpus_new_from_file (target, NULL, error);
      if (loaded == NULL)
        return FALSE;
      g_clear_object (&loaded);
      old = xinzhi_read_file (file, XINZHI_CORPUS_MAX_SIZE, NULL, &local_error);
      if (old == NULL)
        {
          g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_READ,
                       _("%s: cannot be read: %s"), name, local_error->message);
          return FALSE;
        }
    }
  else if (initial != NULL)
    old = g_bytes_ref (initial);

  json = xinzhi_import_merge (old != NULL ? g_bytes_get_data (old, NULL) : NULL,
                              old != NULL ? g_bytes_get_size (old) : 0,
                              extractions, n_extractions, builtin, &result, error);
  if (json == NULL)
    return FALSE;
  for (guint i = 0; i < result->len; i++)
    added |= !g_array_index (result, XinzhiImportItem, i).duplicate;

  if (added)
    {
      bytes = g_bytes_new_static (json, strlen (json));
      loaded = xinzhi_corpus_new_from_bytes (bytes, parse_name, &local_error);
      if (loaded == NULL)
        {
          g_set_error (error, XINZHI_CORPUS_ERROR, local_error->code,
                       _("The corpus with the new articles would break the corpus format, "
                         "so %s is not written:\n%s"), name, local_error->message);
          return FALSE;
        }
      text = g_strconcat (json, "\n", NULL);
      if (!xinzhi_write_file (real, name, text, strlen (text), mode, error))
        return FALSE;
      *corpus = g_bytes_new_take (g_steal_pointer (&text), strlen (json) + 1);
    }
  else
    *corpus = old != NULL && initial != old ? g_bytes_ref (old) : NULL;

  *items = g_steal_pointer (&result);
  return TRUE;
}

/**
 * xinzhi_import_into_file:
 * @target: the corpus file to add to, created if it does not exist
 * @extractions: (array length=n_extractions): what the article files gave
 * @builtin: the corpus whose sectors, groups and concepts are looked for
 * @items: (out) (element-type XinzhiImportItem): what became of each extraction
 * @error: return location for a #XINZHI_CORPUS_ERROR or a #G_IO_ERROR
 *
 * Adds the extractions to @target (xinzhi_import_merge()).  A file the loader refuses
 * is left alone, and so is one whose result the loader would refuse; nothing is
 * written when no article is new.  The file is replaced atomically, keeping its mode
 * (0644 for a new one): a crash leaves the old file or the new one, never a part.
 *
 * Returns: %TRUE when @items says what was added (maybe nothing), %FALSE with @error
 *   when nothing was written
 */
gboolean
xinzhi_import_into_file (GFile             *target,
                         XinzhiExtraction **extractions,
                         guint              n_extractions,
                         XinzhiCorpus      *builtin,
                         GArray           **items,
                         GError           **error)
{
  g_autoptr(GBytes) corpus = NULL;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  return import_into_file (target, NULL, extractions, n_extractions, builtin, items, &corpus, error);
}

/* ---- Importing in a thread ----------------------------------------------------------- */

typedef struct
{
  GFile               *target;
  GBytes              *initial;
  GPtrArray           *files;     /* of GFile */
  XinzhiCorpus        *builtin;
  XinzhiProgressRelay *relay;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
  GBytes              *corpus;    /* set by the thread, read once it has returned */
} ImportFiles;

static void
import_files_free (ImportFiles *import)
{
  g_clear_object (&import->target);
  g_clear_pointer (&import->initial, g_bytes_unref);
  g_clear_pointer (&import->files, g_ptr_array_unref);
  g_clear_object (&import->builtin);
  g_clear_pointer (&import->relay, xinzhi_progress_relay_unref);
  g_clear_pointer (&import->corpus, g_bytes_unref);
  g_free (import);
}

/* The extraction of an import's files, shared by the threads that do it: each takes
 * the next file and writes only its own file's item and extraction. */
typedef struct
{
  ImportFiles        *import;
  XinzhiImportItem   *items;        /* per file */
  XinzhiExtraction  **extractions;  /* per file, or NULL when it gave nothing */
  GCancellable       *cancellable;
  int                 next;         /* atomic: the next file to take */
  int                 done;         /* atomic: how many files are extracted */
} Extracting;

static gpointer
extract_files_worker (gpointer data)
{
  Extracting *x = data;
  guint n_files = x->import->files->len;

  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&x->next, 1);
      XinzhiImportItem *item;

      if (i >= n_files || g_cancellable_is_cancelled (x->cancellable))
        break;
      item = &x->items[i];
      x->extractions[i] = xinzhi_extraction_new_from_file (item->file, x->cancellable, &item->error);
      xinzhi_progress_relay_report ((g_atomic_int_add (&x->done, 1) + 1.0) / (n_files + 1.0),
                                    x->import->relay);
    }
  return NULL;
}

/* Extracts every file, in as many threads as the machine has cores (four at most: each
 * holds a page and its parse), keeping each file's result at its place. */
static void
extract_files (Extracting *x)
{
  guint n_files = x->import->files->len;
  guint n_threads = MIN (MIN ((guint) g_get_num_processors (), 4), n_files);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  for (guint t = 1; t < n_threads; t++)
    {
      g_autoptr(GError) error = NULL;
      GThread *thread = g_thread_try_new ("xinzhi-extract", extract_files_worker, x, &error);

      /* Fewer threads only make it slower. */
      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }
  extract_files_worker (x);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
}

static void
import_files_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ImportFiles *import = task_data;
  guint n_files = import->files->len;
  g_autoptr(GArray) items = g_array_sized_new (FALSE, TRUE, sizeof (XinzhiImportItem), n_files);
  g_autoptr(GPtrArray) extractions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) merged = NULL;
  g_autofree guint *good = g_new (guint, n_files);  /* the file of each extraction */
  GError *error = NULL;

  g_array_set_clear_func (items, clear_item);
  g_array_set_size (items, n_files);

  /* Extraction reads and parses: files in parallel, each cancellable within it. */
  for (guint i = 0; i < n_files; i++)
    g_array_index (items, XinzhiImportItem, i).file = g_object_ref (g_ptr_array_index (import->files, i));
  {
    g_autofree XinzhiExtraction **extracted = g_new0 (XinzhiExtraction *, n_files);
    Extracting x = { import, (XinzhiImportItem *) items->data, extracted, cancellable, 0, 0 };

    extract_files (&x);
    for (guint i = 0; i < n_files; i++)
      if (extracted[i] != NULL)
        {
          good[extractions->len] = i;
          g_ptr_array_add (extractions, extracted[i]);
        }
  }

  /* The last moment a cancel leaves everything as it was: merging and writing are not
   * cancelled halfway, so that what the result says is what the file holds. */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (extractions->len > 0)
    {
      if (!import_into_file (import->target, import->initial,
                             (XinzhiExtraction **) extractions->pdata, extractions->len,
                             import->builtin, &merged, &import->corpus, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      for (guint e = 0; e < merged->len; e++)
        {
          XinzhiImportItem *from = &g_array_index (merged, XinzhiImportItem, e);
          XinzhiImportItem *to = &g_array_index (items, XinzhiImportItem, good[e]);

          to->document = g_steal_pointer (&from->document);
          to->duplicate = from->duplicate;
          to->same_url = from->same_url;
          to->n_quotes = from->n_quotes;
          to->n_left_out = from->n_left_out;
          to->n_people = from->n_people;
          to->n_events = from->n_events;
        }
    }
  xinzhi_progress_relay_report (1.0, import->relay);

  g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify) g_array_unref);
}

/* In the caller's context, once the thread has returned. */
static void
import_files_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ImportFiles *import = g_task_get_task_data (G_TASK (result));

  xinzhi_progress_relay_finish (import->relay, import->callback, result, import->user_data);
}

/**
 * xinzhi_import_files_async:
 * @target: the corpus file to add to, created if it does not exist
 * @initial: (nullable): what a @target that does not exist starts as (a corpus's
 *   JSON), rather than nothing
 * @files: (array length=n_files): the article files, at least one
 * @builtin: the corpus whose sectors, groups and concepts are looked for
 * @io_priority: the I/O priority, as %G_PRIORITY_DEFAULT
 * @cancellable: (nullable): a #GCancellable; a cancel before the files are merged
 *   writes nothing, and one that comes after is too late to matter
 * @progress: (nullable) (scope notified) (closure progress_data): told how far the
 *   import has come (a step per file, the last for the merge and the write), as
 *   xinzhi_corpus_load_file_async() tells a load's
 * @progress_data: for @progress
 * @progress_notify: (nullable) (destroy progress_data): frees @progress_data after
 *   @callback has run
 * @callback: (scope async) (closure user_data): called in the thread-default main
 *   context of the caller when the import has ended
 * @user_data: for @callback
 *
 * Extracts @files in a thread and adds what they gave to @target as
 * xinzhi_import_into_file() does, with its rules: written atomically, and only if the
 * loader accepts the result.  A file that gives nothing is listed in the result with
 * its reason, and the others are imported all the same.
 */
void
xinzhi_import_files_async (GFile                    *target,
                           GBytes                   *initial,
                           GFile                   **files,
                           guint                     n_files,
                           XinzhiCorpus             *builtin,
                           int                       io_priority,
                           GCancellable             *cancellable,
                           XinzhiCorpusProgressFunc  progress,
                           gpointer                  progress_data,
                           GDestroyNotify            progress_notify,
                           GAsyncReadyCallback       callback,
                           gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportFiles *import;

  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (files != NULL && n_files > 0);
  g_return_if_fail (XINZHI_IS_CORPUS (builtin));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  import = g_new0 (ImportFiles, 1);
  import->target = g_object_ref (target);
  import->initial = initial != NULL ? g_bytes_ref (initial) : NULL;
  import->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (import->files, g_object_ref (files[i]));
  import->builtin = g_object_ref (builtin);
  import->relay = xinzhi_progress_relay_new (io_priority, "[xinzhi] import progress",
                                             progress, progress_data, progress_notify);
  import->callback = callback;
  import->user_data = user_data;

  task = g_task_new (NULL, cancellable, import_files_done_cb, NULL);
  g_task_set_source_tag (task, xinzhi_import_files_async);
  g_task_set_static_name (task, "[xinzhi] import");
  g_task_set_priority (task, io_priority);
  /* A cancel that came once the write had begun does not hide that it was written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, import, (GDestroyNotify) import_files_free);
  g_task_run_in_thread (task, import_files_thread);
}

/**
 * xinzhi_import_files_finish:
 * @result: the #GAsyncResult given to the callback of xinzhi_import_files_async()
 * @corpus: (out) (optional) (transfer full) (nullable): the corpus file's text as it
 *   is now: %NULL when the target did not exist and nothing was added
 * @error: return location for a #XINZHI_CORPUS_ERROR, a #G_IO_ERROR, or
 *   %G_IO_ERROR_CANCELLED when the import was cancelled before anything was written
 *
 * Returns: (transfer full) (element-type XinzhiImportItem) (nullable): what became of
 *   each file, in order, or %NULL when nothing was written
 */
GArray *
xinzhi_import_files_finish (GAsyncResult  *result,
                            GBytes       **corpus,
                            GError       **error)
{
  ImportFiles *import;
  GArray *items;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xinzhi_import_files_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  import = g_task_get_task_data (G_TASK (result));
  items = g_task_propagate_pointer (G_TASK (result), error);
  if (corpus != NULL)
    *corpus = items != NULL && import->corpus != NULL ? g_bytes_ref (import->corpus) : NULL;
  return items;
}

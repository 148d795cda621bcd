/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Editing a corpus file a person owns (docs/editing.md): accepting, rejecting or
 * correcting a quote the extractor suggested, adding one it missed, accepting or
 * rejecting a candidate event, and putting back what an edit replaced (undo, redo).
 *
 * As importing does, the file is read as JSON and changed where the edit says, never
 * written again from the model's objects, so every member stays as it was.  An edit
 * is written only when the file holds what the window shows (its checksum is the
 * corpus's, xinzhi_corpus_get_checksum()): a change another window or program made
 * is never written over.  The result is loaded before it is written, so an edit that
 * would break a rule of the format writes nothing, and it is written atomically
 * (xinzhi_write_file()), off the main thread.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "xinzhi-corpus.h"
#include "xinzhi-corpus-edit.h"
#include "xinzhi-escape.h"
#include "xinzhi-json-tree.h"
#include "xinzhi-model-private.h"
#include "xinzhi-read.h"
#include "xinzhi-write.h"

/* The object of @array whose "id" is @id, and where it is, or %NULL. */
static JsonObject *
find_object (JsonArray  *array,
             const char *id,
             guint      *index)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *quote = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (g_strcmp0 (xinzhi_json_tree_get_string (quote, "id"), id) == 0)
        {
          *index = i;
          return quote;
        }
    }

  return NULL;
}

/* Whether @array has an object whose "id" is @id. */
static gboolean
has_id (JsonArray  *array,
        const char *id)
{
  guint index;

  return find_object (array, id, &index) != NULL;
}

/* The document of the first source of @event, or %NULL. */
static const char *
first_source_document (JsonObject *event)
{
  JsonNode *sources = json_object_get_member (event, "sources");
  JsonNode *first;

  if (sources == NULL || !JSON_NODE_HOLDS_ARRAY (sources) ||
      json_array_get_length (json_node_get_array (sources)) == 0)
    return NULL;
  first = json_array_get_element (json_node_get_array (sources), 0);
  return JSON_NODE_HOLDS_OBJECT (first) ? xinzhi_json_tree_get_string (json_node_get_object (first), "document")
                                        : NULL;
}

/* The document a quote is in. */
static const char *
quote_document (JsonObject *quote)
{
  return xinzhi_json_tree_get_string (quote, "document");
}

/* Accepts every suggestion of @items (quotes, or events) that @document_of says is of
 * the document @id; says how many.  A candidate event is read from its first source,
 * as the extractor writes them. */
static guint
accept_document (JsonArray   *items,
                 const char  *id,
                 const char *(*document_of) (JsonObject *item))
{
  guint n = 0;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (item == NULL || !json_object_has_member (item, "suggestion") ||
          g_strcmp0 (document_of (item), id) != 0)
        continue;
      json_object_remove_member (item, "suggestion");
      n++;
    }

  return n;
}

/* Whether @root has the article @id; says so if not. */
static gboolean
has_article (JsonObject  *root,
             const char  *id,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, "documents");
  g_autofree char *shown = NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && has_id (json_node_get_array (node), id))
    return TRUE;
  shown = xinzhi_escape_controls (id, XINZHI_ESCAPE_DEFAULT);
  g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE,
               _("There is no article with the id “%s”"), shown);
  return FALSE;
}

/* The array member @member of @root, or %NULL. */
static JsonArray *
get_array (JsonObject *root,
           const char *member)
{
  JsonNode *node = json_object_get_member (root, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static char *take_speaker (JsonObject              *root,
                           const XinzhiQuoteDraft  *draft,
                           GError                 **error);
static gboolean add_role (JsonObject *root,
                          const char *id,
                          const char *document,
                          const char *role);

/* The event @id of @root, and where it is; or %NULL, having said so. */
static JsonObject *
find_event (JsonObject  *root,
            const char  *id,
            guint       *index,
            GError     **error)
{
  JsonObject *event = find_object (get_array (root, "events"), id, index);
  g_autofree char *shown = NULL;

  if (event != NULL)
    return event;
  shown = xinzhi_escape_controls (id, XINZHI_ESCAPE_DEFAULT);
  g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE,
               _("There is no event with the id “%s”"), shown);
  return NULL;
}

/* Accepts or rejects the candidate event @id of @root; says why not.  A rejected
 * event leaves the "events" of every quote that named it. */
static gboolean
review_event (JsonObject            *root,
              XinzhiCorpusEditKind   kind,
              const char            *id,
              GError               **error)
{
  g_autofree char *shown_id = xinzhi_escape_controls (id, XINZHI_ESCAPE_DEFAULT);
  JsonArray *events = get_array (root, "events");
  JsonArray *quotes = get_array (root, "quotes");
  JsonObject *event;
  guint index = 0;

  event = find_event (root, id, &index, error);
  if (event == NULL)
    return FALSE;
  if (!json_object_has_member (event, "suggestion"))
    {
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                   _("The event “%s” is not a suggestion: a person has reviewed it"), shown_id);
      return FALSE;
    }

  if (kind == XINZHI_CORPUS_EDIT_ACCEPT_EVENT)
    {
      json_object_remove_member (event, "suggestion");
      return TRUE;
    }

  json_array_remove_element (events, index);
  for (guint i = 0; quotes != NULL && i < json_array_get_length (quotes); i++)
    {
      JsonNode *node = json_array_get_element (quotes, i);
      JsonObject *quote = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonArray *named = quote != NULL ? get_array (quote, "events") : NULL;

      for (guint e = named != NULL ? json_array_get_length (named) : 0; e > 0; e--)
        {
          JsonNode *element = json_array_get_element (named, e - 1);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
              g_strcmp0 (json_node_get_string (element), id) == 0)
            json_array_remove_element (named, e - 1);
        }
    }
  return TRUE;
}

/* Sets a string a person writes: an event's title (@kind
 * %XINZHI_CORPUS_EDIT_SET_EVENT_TITLE, or its Chinese title with _ZH), or an article's
 * title or outlet, of @root to @value; says why not.  An event stays as reviewed as it
 * was.  An outlet a person gives drops the note on how the extractor knew the outlet.
 * The loader checks the result as it checks every such string. */
static gboolean
set_words (JsonObject            *root,
           XinzhiCorpusEditKind   kind,
           const char            *id,
           const char            *value,
           GError               **error)
{
  gboolean of_event = kind == XINZHI_CORPUS_EDIT_SET_EVENT_TITLE || kind == XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH;
  const char *member = kind == XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH ? "title_zh" :
                       kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET ? "outlet" : "title";
  g_autofree char *shown_id = xinzhi_escape_controls (id, XINZHI_ESCAPE_DEFAULT);
  g_autofree char *words = g_strstrip (g_strdup (value != NULL ? value : ""));
  JsonObject *object;
  guint index;

  if (of_event)
    object = find_event (root, id, &index, error);
  else if (has_article (root, id, error))
    object = find_object (get_array (root, "documents"), id, &index);
  else
    object = NULL;
  if (object == NULL)
    return FALSE;

  if (*words == '\0')
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                           of_event ? _("An event needs a title") :
                           kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET ? _("An outlet needs a name")
                                                                          : _("An article needs a title"));
      return FALSE;
    }
  if (g_strcmp0 (xinzhi_json_tree_get_string (object, member), words) == 0)
    {
      if (of_event)
        g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                     _("The event “%s” has that title already"), shown_id);
      else
        g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                     kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET ? _("The article “%s” has that outlet already")
                                                                    : _("The article “%s” has that title already"),
                     shown_id);
      return FALSE;
    }
  json_object_set_string_member (object, member, words);
  if (kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET && json_object_has_member (object, "outlet_note"))
    json_object_remove_member (object, "outlet_note");
  return TRUE;
}

/* The array member @member of @object, made empty if it has none. */
static JsonArray *
ensure_array (JsonObject *object,
              const char *member)
{
  if (get_array (object, member) == NULL)
    json_object_set_array_member (object, member, json_array_new ());
  return get_array (object, member);
}

/* Adds @name to the strings of the array member @member of @object (made if need be),
 * unless it is there already, ASCII case aside, or is @except; says whether it did. */
static gboolean
add_unique_string (JsonObject *object,
                   const char *member,
                   const char *name,
                   const char *except)
{
  JsonArray *array;

  if (name == NULL || *name == '\0' || (except != NULL && g_ascii_strcasecmp (name, except) == 0))
    return FALSE;
  array = ensure_array (object, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          g_ascii_strcasecmp (json_node_get_string (node), name) == 0)
        return FALSE;
    }
  json_array_add_string_element (array, name);
  return TRUE;
}

/* Removes the term @term, as it is written, from @sector's; says why not.  A sector
 * keeps at least one term, without which it could mark no mention. */
static gboolean
remove_term (JsonObject  *sector,
             const char  *id,
             const char  *term,
             GError     **error)
{
  g_autofree char *shown_term = xinzhi_escape_controls (term, XINZHI_ESCAPE_DEFAULT);
  g_autofree char *shown_id = xinzhi_escape_controls (id, XINZHI_ESCAPE_DEFAULT);
  JsonArray *terms = get_array (sector, "terms");
  guint n_terms = terms != NULL ? json_array_get_length (terms) : 0;

  for (guint i = 0; i < n_terms; i++)
    {
      JsonNode *node = json_array_get_element (terms, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          g_strcmp0 (json_node_get_string (node), term) != 0)
        continue;
      if (n_terms == 1)
        {
          g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                       _("“%s” is the only term of the sector “%s”, which needs one to mark a mention"),
                       shown_term, shown_id);
          return FALSE;
        }
      json_array_remove_element (terms, i);
      return TRUE;
    }

  g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
               _("“%s” is not a term of the sector “%s”"), shown_term, shown_id);
  return FALSE;
}

/* Adds @value to the terms of the sector @id of @root, or removes it from them; says
 * why not.  Terms match without regard to ASCII case, so a term that differs from one
 * of them only so is the same term. */
static gboolean
change_term (JsonObject            *root,
             XinzhiCorpusEditKind   kind,
             const char            *id,
             const char            *value,
             GError               **error)
{
  g_autofree char *term = g_strstrip (g_strdup (value != NULL ? value : ""));
  g_autofree char *shown_term = NULL;
  g_autofree char *shown_id = NULL;
  JsonObject *sector;
  guint index;

  sector = find_object (get_array (root, "sectors"), id, &index);
  if (sector == NULL)
    {
      shown_id = xinzhi_escape_controls (id, XINZHI_ESCAPE_DEFAULT);
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE,
                   _("There is no sector with the id “%s”"), shown_id);
      return FALSE;
    }
  if (kind == XINZHI_CORPUS_EDIT_REMOVE_TERM)
    return remove_term (sector, id, value != NULL ? value : "", error);
  if (*term == '\0')
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                           _("A term needs words of the article"));
      return FALSE;
    }

  if (!add_unique_string (sector, "terms", term, NULL))
    {
      shown_term = xinzhi_escape_controls (term, XINZHI_ESCAPE_DEFAULT);
      shown_id = xinzhi_escape_controls (id, XINZHI_ESCAPE_DEFAULT);
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                   _("“%s” is a term of the sector “%s” already"), shown_term, shown_id);
      return FALSE;
    }
  return TRUE;
}

/* Replaces the id @from by @into in the array of ids @ids, which names each id once. */
static void
replace_id (JsonArray  *ids,
            const char *from,
            const char *into)
{
  gboolean has_into = FALSE;

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    has_into = has_into || g_strcmp0 (json_array_get_string_element (ids, i), into) == 0;
  for (guint i = ids != NULL ? json_array_get_length (ids) : 0; i > 0; i--)
    {
      JsonNode *node = json_array_get_element (ids, i - 1);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          g_strcmp0 (json_node_get_string (node), from) != 0)
        continue;
      if (has_into)
        json_array_remove_element (ids, i - 1);
      else
        json_node_set_string (node, into);
    }
}

/* Makes the person @from of @root one with the person @into: @from's name, Chinese
 * name and spellings become @into's spellings (its Chinese name, if it has none), its
 * roles @into's, its quotes and events @into's; @from leaves the corpus.  Says why
 * not. */
static gboolean
merge_people (JsonObject  *root,
              const char  *from_id,
              const char  *into_id,
              GError     **error)
{
  JsonArray *people = get_array (root, "people");
  JsonArray *quotes = get_array (root, "quotes");
  JsonArray *events = get_array (root, "events");
  JsonObject *from, *into;
  JsonArray *variants, *roles;
  const char *into_name;
  guint from_index, into_index;

  from = find_object (people, from_id, &from_index);
  into = into_id != NULL ? find_object (people, into_id, &into_index) : NULL;
  if (from == NULL || into == NULL)
    {
      g_autofree char *shown = xinzhi_escape_controls (from == NULL ? from_id : into_id != NULL ? into_id : "",
                                                       XINZHI_ESCAPE_DEFAULT);

      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE,
                   _("There is no person with the id “%s”"), shown);
      return FALSE;
    }
  if (from == into)
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                           _("A person cannot be merged with themselves"));
      return FALSE;
    }

  /* Every spelling of the one becomes a spelling of the other. */
  into_name = xinzhi_json_tree_get_string (into, "name");
  add_unique_string (into, "variants", xinzhi_json_tree_get_string (from, "name"), into_name);
  variants = get_array (from, "variants");
  for (guint i = 0; variants != NULL && i < json_array_get_length (variants); i++)
    add_unique_string (into, "variants", json_array_get_string_element (variants, i), into_name);
  if (xinzhi_json_tree_get_string (into, "name_zh") == NULL &&
      xinzhi_json_tree_get_string (from, "name_zh") != NULL)
    json_object_set_string_member (into, "name_zh", xinzhi_json_tree_get_string (from, "name_zh"));
  else if (xinzhi_json_tree_get_string (from, "name_zh") != NULL)
    add_unique_string (into, "variants", xinzhi_json_tree_get_string (from, "name_zh"),
                       xinzhi_json_tree_get_string (into, "name_zh"));

  roles = get_array (from, "roles");
  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    {
      JsonNode *node = json_array_get_element (roles, i);
      JsonObject *role = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (role != NULL)
        add_role (root, into_id, xinzhi_json_tree_get_string (role, "document"),
                  xinzhi_json_tree_get_string (role, "text"));
    }

  for (guint i = 0; quotes != NULL && i < json_array_get_length (quotes); i++)
    {
      JsonNode *node = json_array_get_element (quotes, i);
      JsonObject *quote = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (quote != NULL && g_strcmp0 (xinzhi_json_tree_get_string (quote, "person"), from_id) == 0)
        json_object_set_string_member (quote, "person", into_id);
    }
  for (guint i = 0; events != NULL && i < json_array_get_length (events); i++)
    {
      JsonNode *node = json_array_get_element (events, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        replace_id (get_array (json_node_get_object (node), "people"), from_id, into_id);
    }

  json_array_remove_element (people, from_index);
  return TRUE;
}

/* Removes the role at @value, a position in decimal, from the roles of the person @id
 * of @root; says why not. */
static gboolean
remove_role (JsonObject  *root,
             const char  *id,
             const char  *value,
             GError     **error)
{
  g_autofree char *shown_id = xinzhi_escape_controls (id, XINZHI_ESCAPE_DEFAULT);
  JsonObject *person;
  JsonArray *roles;
  guint64 position;
  guint index;

  person = find_object (get_array (root, "people"), id, &index);
  if (person == NULL)
    {
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE,
                   _("There is no person with the id “%s”"), shown_id);
      return FALSE;
    }
  roles = get_array (person, "roles");
  if (value == NULL ||
      !g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &position, NULL) ||
      roles == NULL || position >= json_array_get_length (roles))
    {
      g_autofree char *shown_value = xinzhi_escape_controls (value != NULL ? value : "", XINZHI_ESCAPE_DEFAULT);

      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                   _("The person “%s” has no role at position “%s”"), shown_id, shown_value);
      return FALSE;
    }

  json_array_remove_element (roles, (guint) position);
  return TRUE;
}

/* Applies @kind to the corpus @root; says why not. */
static gboolean
apply (JsonObject            *root,
       XinzhiCorpusEditKind   kind,
       const char            *id,
       const char            *value,
       GError               **error)
{
  g_autofree char *shown_id = xinzhi_escape_controls (id, XINZHI_ESCAPE_DEFAULT);
  JsonArray *quotes = get_array (root, "quotes");
  JsonObject *quote;
  guint index = 0;

  if (kind == XINZHI_CORPUS_EDIT_ACCEPT_EVENT || kind == XINZHI_CORPUS_EDIT_REJECT_EVENT)
    return review_event (root, kind, id, error);

  if (kind == XINZHI_CORPUS_EDIT_ADD_TERM || kind == XINZHI_CORPUS_EDIT_REMOVE_TERM)
    return change_term (root, kind, id, value, error);
  if (kind == XINZHI_CORPUS_EDIT_MERGE_PEOPLE)
    return merge_people (root, id, value, error);
  if (kind == XINZHI_CORPUS_EDIT_REMOVE_ROLE)
    return remove_role (root, id, value, error);
  if (kind == XINZHI_CORPUS_EDIT_SET_EVENT_TITLE || kind == XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH ||
      kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE || kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET)
    return set_words (root, kind, id, value, error);
  if (kind == XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS)
    {
      if (!has_article (root, id, error))
        return FALSE;
      if (accept_document (get_array (root, "events"), id, first_source_document) > 0)
        return TRUE;
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                   _("The article “%s” has no candidate event that nobody has reviewed"), shown_id);
      return FALSE;
    }
  if (kind == XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT)
    {
      if (accept_document (quotes, id, quote_document) > 0)
        return TRUE;
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                   _("The document “%s” has no quote that nobody has reviewed"), shown_id);
      return FALSE;
    }

  quote = find_object (quotes, id, &index);
  if (quote == NULL)
    {
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE,
                   _("There is no quote with the id “%s”"), shown_id);
      return FALSE;
    }

  /* A correction: the quote stays as reviewed as it was, but how the extractor
   * resolved the speaker no longer says anything about it.  A new speaker is added to
   * the people first (or is the person of that name). */
  if (kind == XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER)
    {
      const XinzhiQuoteDraft draft = { .person_name = value };
      g_autofree char *speaker = take_speaker (root, &draft, error);

      return speaker != NULL && apply (root, XINZHI_CORPUS_EDIT_SET_SPEAKER, id, speaker, error);
    }
  if (kind == XINZHI_CORPUS_EDIT_ADD_ROLE)
    {
      g_autofree char *role = g_strstrip (g_strdup (value != NULL ? value : ""));

      if (*role == '\0')
        {
          g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                               _("A role needs words of the article"));
          return FALSE;
        }
      if (!add_role (root, xinzhi_json_tree_get_string (quote, "person"),
                     xinzhi_json_tree_get_string (quote, "document"), role))
        {
          g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                       _("The speaker of the quote “%s” has that role in its article already"), shown_id);
          return FALSE;
        }
      return TRUE;
    }
  if (kind == XINZHI_CORPUS_EDIT_SET_SPEAKER)
    {
      g_autofree char *shown_person = xinzhi_escape_controls (value != NULL ? value : "",
                                                              XINZHI_ESCAPE_DEFAULT);
      JsonNode *suggestion = json_object_get_member (quote, "suggestion");

      if (value == NULL || !has_id (get_array (root, "people"), value))
        {
          g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE,
                       _("There is no person with the id “%s”"), shown_person);
          return FALSE;
        }
      if (g_strcmp0 (xinzhi_json_tree_get_string (quote, "person"), value) == 0)
        {
          g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                       _("“%s” is the speaker of the quote “%s” already"), shown_person, shown_id);
          return FALSE;
        }
      json_object_set_string_member (quote, "person", value);
      if (suggestion != NULL && JSON_NODE_HOLDS_OBJECT (suggestion))
        json_object_remove_member (json_node_get_object (suggestion), "note");
      return TRUE;
    }

  if (kind == XINZHI_CORPUS_EDIT_SET_KIND)
    {
      if (g_strcmp0 (value, "direct") != 0 && g_strcmp0 (value, "paraphrase") != 0)
        {
          g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                       _("“%s” is not a quote kind (direct, paraphrase)"), value != NULL ? value : "");
          return FALSE;
        }
      if (g_strcmp0 (xinzhi_json_tree_get_string (quote, "kind"), value) == 0)
        {
          g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                       _("The quote “%s” is of that kind already"), shown_id);
          return FALSE;
        }
      json_object_set_string_member (quote, "kind", value);
      return TRUE;
    }

  if (!json_object_has_member (quote, "suggestion"))
    {
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                   _("The quote “%s” is not a suggestion: a person has reviewed it"), shown_id);
      return FALSE;
    }

  if (kind == XINZHI_CORPUS_EDIT_ACCEPT_QUOTE)
    json_object_remove_member (quote, "suggestion");
  else
    json_array_remove_element (quotes, index);
  return TRUE;
}

/* @base, or the first of @base-2, @base-3 … that no object of @array has as its id. */
static char *
unused_id (JsonArray  *array,
           const char *base)
{
  char *id = g_strdup (base);

  for (guint n = 2; has_id (array, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

/* The id of the person of @people named @name, or %NULL. */
static const char *
find_person_named (JsonArray  *people,
                   const char *name)
{
  for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
    {
      JsonNode *node = json_array_get_element (people, i);
      JsonObject *person = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (g_strcmp0 (xinzhi_json_tree_get_string (person, "name"), name) == 0)
        return xinzhi_json_tree_get_string (person, "id");
    }

  return NULL;
}

/* The id of the speaker @draft names: its person, one named as its new person already
 * is, or a new person added to @root's people. */
static char *
take_speaker (JsonObject              *root,
              const XinzhiQuoteDraft  *draft,
              GError                 **error)
{
  JsonArray *people = get_array (root, "people");
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  g_autoptr(JsonObject) person = NULL;
  const char *known;
  char *id;

  if (draft->person != NULL)
    {
      if (!has_id (people, draft->person))
        {
          g_autofree char *shown = xinzhi_escape_controls (draft->person, XINZHI_ESCAPE_DEFAULT);

          g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE,
                       _("There is no person with the id “%s”"), shown);
          return NULL;
        }
      return g_strdup (draft->person);
    }

  name = g_strstrip (g_strdup (draft->person_name != NULL ? draft->person_name : ""));
  if (*name == '\0')
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                           _("A new speaker needs a name"));
      return NULL;
    }
  /* A name the corpus has is that person, not a second one of the same name. */
  known = find_person_named (people, name);
  if (known != NULL)
    return g_strdup (known);
  if (people == NULL)
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_FORMAT,
                           _("The file is not a corpus"));
      return NULL;
    }

  base = xinzhi_corpus_id_from_text (name, "person");
  id = unused_id (people, base);
  person = json_object_new ();
  json_object_set_string_member (person, "id", id);
  json_object_set_string_member (person, "name", name);
  json_array_add_object_element (people, g_steal_pointer (&person));
  return id;
}

/* Adds @role in @document to the roles of the person @id of @root, unless they have it
 * (or there is no such person); says whether it did. */
static gboolean
add_role (JsonObject *root,
          const char *id,
          const char *document,
          const char *role)
{
  guint index;
  JsonObject *person = find_object (get_array (root, "people"), id, &index);
  JsonArray *roles;
  g_autoptr(JsonObject) added = NULL;

  if (person == NULL)
    return FALSE;

  roles = ensure_array (person, "roles");
  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      JsonNode *element = json_array_get_element (roles, i);
      JsonObject *other = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;

      if (g_strcmp0 (xinzhi_json_tree_get_string (other, "text"), role) == 0 &&
          g_strcmp0 (xinzhi_json_tree_get_string (other, "document"), document) == 0)
        return FALSE;
    }

  added = json_object_new ();
  json_object_set_string_member (added, "text", role);
  json_object_set_string_member (added, "document", document);
  json_array_add_object_element (roles, g_steal_pointer (&added));
  return TRUE;
}

/* Adds the quote @draft to @root, after the last quote of its document; its id in
 * @quote_id. */
static gboolean
add_quote (JsonObject              *root,
           const XinzhiQuoteDraft  *draft,
           char                   **quote_id,
           GError                 **error)
{
  JsonArray *quotes = get_array (root, "quotes");
  g_autofree char *shown = xinzhi_escape_controls (draft->document, XINZHI_ESCAPE_DEFAULT);
  g_autofree char *speaker = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *quote;
  guint n_quotes;
  guint at;

  if (quotes == NULL)
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_FORMAT,
                           _("The file is not a corpus"));
      return FALSE;
    }
  if (!has_article (root, draft->document, error))
    return FALSE;

  n_quotes = json_array_get_length (quotes);
  at = n_quotes;
  for (guint i = 0; i < n_quotes; i++)
    {
      JsonNode *element = json_array_get_element (quotes, i);
      JsonObject *other = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *text;

      if (g_strcmp0 (xinzhi_json_tree_get_string (other, "document"), draft->document) != 0)
        continue;
      text = xinzhi_json_tree_get_string (other, "text");
      /* The same words, or words of one within the other: one quote, not two. */
      if (text != NULL && (strstr (text, draft->text) != NULL || strstr (draft->text, text) != NULL))
        {
          g_autofree char *shown_text = xinzhi_escape_controls (text, XINZHI_ESCAPE_DEFAULT);

          g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                       _("The article “%s” has these words in a quote already: “%s”"), shown, shown_text);
          return FALSE;
        }
      at = i + 1;
    }

  speaker = take_speaker (root, draft, error);
  if (speaker == NULL)
    return FALSE;
  if (draft->role != NULL && *draft->role != '\0')
    add_role (root, speaker, draft->document, draft->role);

  base = g_strdup_printf ("quote-%u", n_quotes + 1);
  id = unused_id (quotes, base);
  node = json_node_new (JSON_NODE_OBJECT);
  quote = json_object_new ();
  json_object_set_string_member (quote, "id", id);
  json_object_set_string_member (quote, "person", speaker);
  json_object_set_string_member (quote, "document", draft->document);
  json_object_set_string_member (quote, "kind", draft->kind == XINZHI_QUOTE_DIRECT ? "direct" : "paraphrase");
  json_object_set_string_member (quote, "text", draft->text);
  json_node_take_object (node, quote);
  /* json-glib has no insert: the array is built again with the quote at its place. */
  {
    g_autoptr(JsonArray) rebuilt = json_array_sized_new (n_quotes + 1);

    for (guint i = 0; i <= n_quotes; i++)
      {
        if (i == at)
          json_array_add_element (rebuilt, json_node_copy (node));
        if (i < n_quotes)
          json_array_add_element (rebuilt, json_node_copy (json_array_get_element (quotes, i)));
      }
    json_object_set_array_member (root, "quotes", g_steal_pointer (&rebuilt));
  }

  if (quote_id != NULL)
    *quote_id = g_steal_pointer (&id);
  return TRUE;
}

/* A list of one paragraph @paragraph of @document, with @text when it is given: an
 * event's sources or date sources. */
static JsonArray *
cite_paragraph (const char *document,
                guint       paragraph,
                const char *text)
{
  JsonArray *array = json_array_new ();
  JsonObject *cited = json_object_new ();

  json_object_set_string_member (cited, "document", document);
  json_object_set_int_member (cited, "paragraph", paragraph);
  if (text != NULL)
    json_object_set_string_member (cited, "text", text);
  json_array_add_object_element (array, cited);
  return array;
}

/* Adds the event @draft to @root, after its events; its id in @event_id. */
static gboolean
add_event (JsonObject              *root,
           const XinzhiEventDraft  *draft,
           char                   **event_id,
           GError                 **error)
{
  JsonArray *events = get_array (root, "events");
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autofree char *date = xinzhi_date_to_iso (&draft->date);
  JsonObject *event;

  if (!has_article (root, draft->document, error))
    return FALSE;
  if (draft->title == NULL || *draft->title == '\0' || draft->summary == NULL || *draft->summary == '\0')
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                           _("An event needs a title and a summary"));
      return FALSE;
    }
  if (draft->date_words == NULL && (draft->date_note == NULL || *draft->date_note == '\0'))
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DATE,
                           _("A date the text does not state needs a note that says why it is an estimate"));
      return FALSE;
    }
  if (events == NULL)
    {
      events = json_array_new ();
      json_object_set_array_member (root, "events", events);
    }

  base = g_strdup_printf ("event-%u", json_array_get_length (events) + 1);
  id = unused_id (events, base);
  event = json_object_new ();
  json_object_set_string_member (event, "id", id);
  json_object_set_string_member (event, "title", draft->title);
  json_object_set_string_member (event, "summary", draft->summary);
  json_object_set_string_member (event, "date", date);
  /* The words that state the date are its evidence; without them, it is an estimate
   * that says why. */
  if (draft->date_words != NULL)
    json_object_set_array_member (event, "date_sources",
                                  cite_paragraph (draft->document, draft->paragraph, draft->date_words));
  else
    {
      json_object_set_boolean_member (event, "date_estimated", TRUE);
      json_object_set_string_member (event, "date_note", draft->date_note);
    }
  json_object_set_array_member (event, "sources", cite_paragraph (draft->document, draft->paragraph, NULL));
  json_array_add_object_element (events, event);

  if (event_id != NULL)
    *event_id = g_steal_pointer (&id);
  return TRUE;
}

/* The corpus @json as a tree, or %NULL with @error. */
static JsonParser *
parse_corpus (const char  *json,
              gsize        length,
              JsonObject **root,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_SYNTAX,
                   "%s", local_error->message);
      return NULL;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_FORMAT,
                           _("The file is not a corpus"));
      return NULL;
    }
  *root = json_node_get_object (node);
  return g_steal_pointer (&parser);
}

/* The tree @parser holds, as text. */
static char *
generate (JsonParser *parser)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * xinzhi_corpus_add_quote_json:
 * @json: a corpus, as the loader accepts it
 * @length: its length in bytes
 * @draft: the quote
 * @quote_id: (out) (optional) (transfer full): the id the quote gets
 * @error: return location for a #XINZHI_CORPUS_ERROR
 *
 * Adds a quote a person found: it is reviewed, with no "suggestion".  Its speaker is
 * @draft's person, or a new person of @draft's name (the person of the corpus who has
 * that name, when there is one), with @draft's role in the article added to the
 * speaker's roles.  It goes after the last quote of its article.  Words
 * that hold a quote of the article, or that a quote of it holds, are that quote.
 * Whether its words, and the role's, are in the article is for the loader to say.
 *
 * Returns: (transfer full) (nullable): the edited corpus as JSON, or %NULL with @error
 *   when the article or the person is not in the corpus, the new person has no name,
 *   or a quote of the article has these words, or they have its words
 */
char *
xinzhi_corpus_add_quote_json (const char              *json,
                              gsize                    length,
                              const XinzhiQuoteDraft  *draft,
                              char                   **quote_id,
                              GError                 **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (draft != NULL && draft->document != NULL && draft->text != NULL, NULL);

  parser = parse_corpus (json, length, &root, error);
  if (parser == NULL || !add_quote (root, draft, quote_id, error))
    return NULL;
  return generate (parser);
}

/**
 * xinzhi_corpus_set_document_date_json:
 * @json: a corpus, as the loader accepts it
 * @length: its length in bytes
 * @document: the id of an article of it
 * @draft: its date as a person corrects it
 * @error: return location for a #XINZHI_CORPUS_ERROR
 *
 * Gives the article @document the date @draft says: stated by its words (the
 * article's "date_text"), or an estimate with its note.  Whether the words are the
 * article's and state the date as precisely as it is written is for the loader to
 * say, and so is whatever else the date decides (the year of words without one).
 *
 * Returns: (transfer full) (nullable): the edited corpus as JSON, or %NULL with @error
 *   when the article is not in the corpus, or the date has neither words nor a note
 */
char *
xinzhi_corpus_set_document_date_json (const char             *json,
                                      gsize                   length,
                                      const char             *document,
                                      const XinzhiDateDraft  *draft,
                                      GError                **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *words = NULL;
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  JsonObject *root = NULL;
  JsonObject *object;
  guint index;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (document != NULL && draft != NULL, NULL);

  parser = parse_corpus (json, length, &root, error);
  if (parser == NULL || !has_article (root, document, error))
    return NULL;
  object = find_object (get_array (root, "documents"), document, &index);

  words = g_strstrip (g_strdup (draft->words != NULL ? draft->words : ""));
  note = g_strstrip (g_strdup (draft->note != NULL ? draft->note : ""));
  if (*words == '\0' && *note == '\0')
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DATE,
                           _("A date needs the words of the article that state it, or the "
                             "reason it is an estimate"));
      return NULL;
    }

  date = xinzhi_date_to_iso (&draft->date);
  json_object_set_string_member (object, "date", date);
  json_object_remove_member (object, "date_text");
  json_object_remove_member (object, "date_estimated");
  json_object_remove_member (object, "date_note");
  if (*words != '\0')
    json_object_set_string_member (object, "date_text", words);
  else
    {
      json_object_set_boolean_member (object, "date_estimated", TRUE);
      json_object_set_string_member (object, "date_note", note);
    }
  return generate (parser);
}

/**
 * xinzhi_corpus_add_event_json:
 * @json: a corpus, as the loader accepts it
 * @length: its length in bytes
 * @draft: the event
 * @event_id: (out) (optional) (transfer full): the id the event gets
 * @error: return location for a #XINZHI_CORPUS_ERROR
 *
 * Adds an event a person read in a paragraph: it is reviewed, with no "suggestion",
 * the paragraph its source and, when @draft gives them, the words of it that state
 * the date its date source; otherwise its date is an estimate with @draft's note.
 * Whether the words are in the paragraph and state the date is for the loader to say.
 *
 * Returns: (transfer full) (nullable): the edited corpus as JSON, or %NULL with @error
 *   when the article is not in the corpus, the title or summary is empty, or an
 *   estimate has no note
 */
char *
xinzhi_corpus_add_event_json (const char              *json,
                              gsize                    length,
                              const XinzhiEventDraft  *draft,
                              char                   **event_id,
                              GError                 **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (draft != NULL && draft->document != NULL, NULL);

  parser = parse_corpus (json, length, &root, error);
  if (parser == NULL || !add_event (root, draft, event_id, error))
    return NULL;
  return generate (parser);
}

/* Whether @c opens a quotation; is_closing_mark(), whether it closes one. */
static gboolean
is_opening_mark (gunichar c)
{
  return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E || c == 0x00AB || c == '"';
}

static gboolean
is_closing_mark (gunichar c)
{
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0x00BB || c == '"';
}

/* Whether the byte @offset of @paragraph is inside a quotation: more quotation marks
 * opened than closed before it (a straight double quote opens and closes in turn). */
static gboolean
inside_quotation (const char *paragraph,
                  gsize       offset)
{
  int depth = 0;
  gboolean straight = FALSE;

  for (const char *p = paragraph; p < paragraph + offset; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"')
        straight = !straight;
      else if (c == 0x201C || c == 0x300C || c == 0x300E || c == 0x00AB)
        depth++;
      else if ((c == 0x201D || c == 0x300D || c == 0x300F || c == 0x00BB) && depth > 0)
        depth--;
    }

  return depth > 0 || straight;
}

/**
 * xinzhi_corpus_edit_term_words:
 * @paragraph: the text of a paragraph
 * @start: the byte offset where a person's selection starts in it
 * @end: the byte offset just past it
 * @error: return location for a #XINZHI_CORPUS_ERROR
 *
 * The words of a selection as a sector's term: without the white space and the
 * punctuation at either end.  A term that starts or ends with a letter or digit of an
 * alphabetic script matches only at a word boundary there (docs/corpus-format.md), so
 * a selection that starts or ends inside a word would mark nothing where it was
 * selected: it is refused, and so is one of fewer than two characters or without a
 * letter or digit.
 *
 * Returns: (transfer full) (nullable): the term, or %NULL with @error
 */
char *
xinzhi_corpus_edit_term_words (const char  *paragraph,
                               gsize        start,
                               gsize        end,
                               GError     **error)
{
  gsize length;
  const char *first;
  const char *last;
  gboolean has_alnum = FALSE;

  g_return_val_if_fail (paragraph != NULL, NULL);

  length = strlen (paragraph);
  start = MIN (start, length);
  end = MIN (MAX (end, start), length);
  first = paragraph + start;
  last = paragraph + end;
  while (first < last && (g_unichar_isspace (g_utf8_get_char (first)) ||
                          g_unichar_ispunct (g_utf8_get_char (first))))
    first = g_utf8_next_char (first);
  while (last > first && (g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (last))) ||
                          g_unichar_ispunct (g_utf8_get_char (g_utf8_prev_char (last)))))
    last = g_utf8_prev_char (last);

  for (const char *p = first; p < last; p = g_utf8_next_char (p))
    has_alnum = has_alnum || g_unichar_isalnum (g_utf8_get_char (p));
  if (!has_alnum || g_utf8_strlen (first, last - first) < 2)
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                           _("A term needs at least two characters, with a letter or a digit. "
                             "Select the words that name the sector."));
      return NULL;
    }
  if ((first > paragraph && _xinzhi_is_word_char (g_utf8_get_char (first)) &&
       _xinzhi_is_word_char (g_utf8_get_char (g_utf8_prev_char (first)))) ||
      (*last != '\0' && _xinzhi_is_word_char (g_utf8_get_char (g_utf8_prev_char (last))) &&
       _xinzhi_is_word_char (g_utf8_get_char (last))))
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                           _("The selection starts or ends inside a word, where a term does not "
                             "match. Select whole words."));
      return NULL;
    }

  return g_strndup (first, last - first);
}

/**
 * xinzhi_corpus_edit_quote_words:
 * @paragraph: the text of a paragraph
 * @start: the byte offset where a person's selection starts in it
 * @end: the byte offset just past it
 * @marked: (out) (optional): whether the words stand inside quotation marks in the
 *   paragraph, as a direct quote's do
 *
 * The words of a selection as a quote's text: without the white space and the
 * quotation marks at either end.  A ‘single’ closing mark is taken off only when the
 * words open with one, since it may be an apostrophe ("the workers’").
 *
 * Returns: (transfer full) (nullable): the words, or %NULL when they have fewer than
 *   two letters or digits, as a quote needs
 */
char *
xinzhi_corpus_edit_quote_words (const char *paragraph,
                                gsize       start,
                                gsize       end,
                                gboolean   *marked)
{
  gsize length;
  const char *first;
  const char *last;
  gboolean single = FALSE;
  guint n_alnum = 0;

  g_return_val_if_fail (paragraph != NULL, NULL);

  length = strlen (paragraph);
  end = MIN (end, length);
  start = MIN (start, end);
  first = paragraph + start;
  last = paragraph + end;   /* just past the words */
  if (!g_utf8_validate (first, last - first, NULL))
    return NULL;

  while (first < last)
    {
      gunichar c = g_utf8_get_char (first);

      if (!g_unichar_isspace (c) && !is_opening_mark (c))
        break;
      if (c == 0x2018)
        single = TRUE;
      first = g_utf8_next_char (first);
    }
  while (last > first)
    {
      const char *prev = g_utf8_prev_char (last);
      gunichar c = g_utf8_get_char (prev);

      if (!g_unichar_isspace (c) && !(is_closing_mark (c) && (c != 0x2019 || single)))
        break;
      last = prev;
    }

  for (const char *p = first; p < last && n_alnum < 2; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      n_alnum++;
  if (n_alnum < 2)
    return NULL;

  if (marked != NULL)
    *marked = inside_quotation (paragraph, first - paragraph);
  return g_strndup (first, last - first);
}

/**
 * xinzhi_corpus_edit_json:
 * @json: a corpus, as the loader accepts it
 * @length: its length in bytes
 * @kind: what the edit does
 * @id: the id of the quote or event it does it to, or of the document for
 *   %XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT and %XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS
 * @value: (nullable): the person's id for %XINZHI_CORPUS_EDIT_SET_SPEAKER, a name for
 *   %XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER, a role for %XINZHI_CORPUS_EDIT_ADD_ROLE,
 *   "direct" or "paraphrase" for %XINZHI_CORPUS_EDIT_SET_KIND, a title for
 *   %XINZHI_CORPUS_EDIT_SET_EVENT_TITLE and %XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH, a
 *   term for %XINZHI_CORPUS_EDIT_ADD_TERM (whose @id is a sector's), the id of the
 *   person to keep for %XINZHI_CORPUS_EDIT_MERGE_PEOPLE (whose @id is the person merged
 *   into it), a title or outlet for %XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE and
 *   %XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET (whose @id is an article's), else %NULL
 * @error: return location for a #XINZHI_CORPUS_ERROR
 *
 * Applies one edit to the text of a corpus.  Accepting a quote takes away its
 * "suggestion" (docs/corpus-format.md): a person has reviewed it.  Rejecting one takes
 * the quote out of the corpus.  Either is only for a quote the extractor suggested
 * and nobody has reviewed yet.  Accepting a document's quotes accepts every one of
 * them that is a suggestion, and needs one at least.  Setting the speaker names
 * another person of the corpus as the quote's, and drops the suggestion's note on how
 * the extractor resolved the speaker; the quote stays as reviewed as it was.  Setting a
 * new speaker does the same with a person added by name (or the person of the corpus
 * who has that name).  Adding a role gives the quote's speaker a role in the quote's
 * article (the loader checks that the article has its words).  Setting the kind says
 * whether the words are quoted or reported, as the loader reads "kind".  Accepting a
 * document's events accepts every candidate event read from it (its first source),
 * and needs one at least.  Setting an event's title (or its Chinese title) gives it a
 * person's words; the event stays as reviewed as it was.  Adding a term gives a sector
 * one more (not one it has, ASCII case aside); the loader finds its mentions.  Merging
 * two people keeps the second: the first's name and spellings become its spellings,
 * and the first's roles, quotes and events its own.  Setting an article's title or
 * outlet writes a person's correction of what the extractor read; a new outlet drops
 * the note on how the old one was known.
 *
 * Returns: (transfer full) (nullable): the edited corpus as JSON, or %NULL with @error
 *   when there is no such quote or it is not a suggestion
 */
char *
xinzhi_corpus_edit_json (const char            *json,
                         gsize                  length,
                         XinzhiCorpusEditKind   kind,
                         const char            *id,
                         const char            *value,
                         GError               **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = NULL;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (kind != XINZHI_CORPUS_EDIT_ADD_QUOTE, NULL);

  parser = parse_corpus (json, length, &root, error);
  if (parser == NULL || !apply (root, kind, id, value, error))
    return NULL;
  return generate (parser);
}

/* ---- In a thread ---------------------------------------------------------------------- */

typedef struct
{
  GFile                *file;
  char                 *checksum;
  XinzhiCorpusEditKind  kind;
  char                 *id;        /* an edit's quote, or NULL to restore @contents */
  char                 *value;
  XinzhiQuoteDraft      draft;     /* a quote to add (its strings owned), with @id NULL */
  XinzhiEventDraft      event;     /* an event to add (its strings owned), with @id NULL */
  XinzhiDateDraft       date;      /* an article's date (its strings owned), with @id the article */
  GBytes               *contents;  /* (nullable): what to restore */
  char                 *added_id;  /* set by the thread: the id of the quote added */
  GBytes               *before;    /* set by the thread: what the file held */
  XinzhiCorpus         *corpus;    /* set by the thread: what it holds now, loaded */
} Edit;

static void
edit_free (Edit *edit)
{
  g_clear_object (&edit->file);
  g_free (edit->checksum);
  g_free (edit->id);
  g_free (edit->value);
  g_free ((char *) edit->draft.document);
  g_free ((char *) edit->draft.text);
  g_free ((char *) edit->draft.person);
  g_free ((char *) edit->draft.person_name);
  g_free ((char *) edit->draft.role);
  g_free ((char *) edit->event.document);
  g_free ((char *) edit->event.title);
  g_free ((char *) edit->event.summary);
  g_free ((char *) edit->event.date_words);
  g_free ((char *) edit->event.date_note);
  g_free ((char *) edit->date.words);
  g_free ((char *) edit->date.note);
  g_free (edit->added_id);
  g_clear_pointer (&edit->contents, g_bytes_unref);
  g_clear_pointer (&edit->before, g_bytes_unref);
  g_clear_object (&edit->corpus);
  g_free (edit);
}

/* An edit of @kind of @file, which the window loaded with @checksum. */
static Edit *
edit_new (GFile                *file,
          const char           *checksum,
          XinzhiCorpusEditKind  kind)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->file = g_object_ref (file);
  edit->checksum = g_strdup (checksum);
  edit->kind = kind;
  return edit;
}

/* Reads the file, checks that it is what the window shows, makes the new text, checks
 * that the loader accepts it and writes it.  Returns the new text. */
static GBytes *
edit_file (Edit          *edit,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *parse_name = g_file_get_parse_name (edit->file);
  g_autofree char *name = xinzhi_escape_controls (parse_name, XINZHI_ESCAPE_DEFAULT);
  g_autofree char *real = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(XinzhiCorpus) loaded = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean exists;
  int mode;

  real = xinzhi_write_resolve (edit->file, name, &exists, &mode, error);
  if (real == NULL)
    return NULL;
  if (!exists)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: is no longer there, so the change is not written"), name);
      return NULL;
    }
  file = g_file_new_for_path (real);
  before = xinzhi_read_file (file, XINZHI_CORPUS_MAX_SIZE, cancellable, &local_error);
  if (before == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  checksum = xinzhi_corpus_compute_checksum (before);
  if (g_strcmp0 (checksum, edit->checksum) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("%s: was changed by another window or program since it was opened, "
                     "so the change is not written. Open the corpus again to see what it "
                     "holds now."), name);
      return NULL;
    }

  if (edit->contents == NULL)
    {
      const char *data = g_bytes_get_data (before, NULL);
      gsize size = g_bytes_get_size (before);
      g_autofree char *json = NULL;

      if (edit->kind == XINZHI_CORPUS_EDIT_ADD_QUOTE)
        json = xinzhi_corpus_add_quote_json (data, size, &edit->draft, &edit->added_id, &local_error);
      else if (edit->kind == XINZHI_CORPUS_EDIT_ADD_EVENT)
        json = xinzhi_corpus_add_event_json (data, size, &edit->event, &edit->added_id, &local_error);
      else if (edit->kind == XINZHI_CORPUS_EDIT_SET_DOCUMENT_DATE)
        json = xinzhi_corpus_set_document_date_json (data, size, edit->id, &edit->date, &local_error);
      else
        json = xinzhi_corpus_edit_json (data, size, edit->kind, edit->id, edit->value, &local_error);

      if (json == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
          return NULL;
        }
      text = g_strconcat (json, "\n", NULL);
      after = g_bytes_new_take (g_steal_pointer (&text), strlen (json) + 1);
    }
  else
    after = g_bytes_ref (edit->contents);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  loaded = xinzhi_corpus_new_from_bytes (after, parse_name, &local_error);
  if (loaded == NULL)
    {
      g_set_error (error, XINZHI_CORPUS_ERROR, local_error->code,
                   _("The change would break the corpus format, so %s is not written:\n%s"),
                   name, local_error->message);
      return NULL;
    }

  if (!xinzhi_write_file (real, name, g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                          mode, error))
    return NULL;

  edit->before = g_steal_pointer (&before);
  edit->corpus = g_steal_pointer (&loaded);
  return g_steal_pointer (&after);
}

static void
edit_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GBytes *after = edit_file (task_data, cancellable, &error);

  if (after == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, after, (GDestroyNotify) g_bytes_unref);
}

static void
start (Edit                *edit,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, xinzhi_corpus_edit_file_async);
  g_task_set_task_data (task, edit, (GDestroyNotify) edit_free);
  /* One edit of a file at a time, in the order asked. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, edit_thread);
}

/**
 * xinzhi_corpus_edit_file_async:
 * @file: a corpus file
 * @checksum: what xinzhi_corpus_get_checksum() says of the corpus shown from @file
 * @kind: what the edit does
 * @id: the id of the quote it does it to (see xinzhi_corpus_edit_json())
 * @value: (nullable): the edit's value (see xinzhi_corpus_edit_json())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context once the file is written, or
 *   not
 * @user_data: data for @callback
 *
 * Applies xinzhi_corpus_edit_json() to @file, in a thread.  Nothing is written when the
 * file no longer holds what @checksum says (another window or program changed it),
 * when there is no such quote, or when the loader would refuse the result.
 */
void
xinzhi_corpus_edit_file_async (GFile                *file,
                               const char           *checksum,
                               XinzhiCorpusEditKind  kind,
                               const char           *id,
                               const char           *value,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  Edit *edit;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (checksum != NULL);
  g_return_if_fail (id != NULL);

  edit = edit_new (file, checksum, kind);
  edit->id = g_strdup (id);
  edit->value = g_strdup (value);
  start (edit, cancellable, callback, user_data);
}

/**
 * xinzhi_corpus_add_quote_file_async:
 * @file: a corpus file
 * @checksum: what xinzhi_corpus_get_checksum() says of the corpus shown from @file
 * @draft: the quote to add (see xinzhi_corpus_add_quote_json())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context once the file is written, or
 *   not
 * @user_data: data for @callback
 *
 * Applies xinzhi_corpus_add_quote_json() to @file, in a thread, under the rules of
 * xinzhi_corpus_edit_file_async(): nothing is written when the file changed, when the
 * quote cannot be added, or when the loader would refuse the result (the words are
 * not in one paragraph of the article, say).  xinzhi_corpus_edit_file_finish() gives
 * the result, and xinzhi_corpus_edit_file_get_added_id() the quote's id.
 */
void
xinzhi_corpus_add_quote_file_async (GFile                  *file,
                                    const char             *checksum,
                                    const XinzhiQuoteDraft *draft,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  Edit *edit;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (checksum != NULL);
  g_return_if_fail (draft != NULL && draft->document != NULL && draft->text != NULL);

  edit = edit_new (file, checksum, XINZHI_CORPUS_EDIT_ADD_QUOTE);
  edit->draft.document = g_strdup (draft->document);
  edit->draft.text = g_strdup (draft->text);
  edit->draft.kind = draft->kind;
  edit->draft.person = g_strdup (draft->person);
  edit->draft.person_name = g_strdup (draft->person_name);
  edit->draft.role = g_strdup (draft->role);
  start (edit, cancellable, callback, user_data);
}

/**
 * xinzhi_corpus_add_event_file_async:
 * @file: a corpus file
 * @checksum: what xinzhi_corpus_get_checksum() says of the corpus shown from @file
 * @draft: the event to add (see xinzhi_corpus_add_event_json())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context once the file is written, or
 *   not
 * @user_data: data for @callback
 *
 * Applies xinzhi_corpus_add_event_json() to @file, in a thread, under the rules of
 * xinzhi_corpus_edit_file_async().  xinzhi_corpus_edit_file_finish() gives the result,
 * and xinzhi_corpus_edit_file_get_added_id() the event's id.
 */
void
xinzhi_corpus_add_event_file_async (GFile                  *file,
                                    const char             *checksum,
                                    const XinzhiEventDraft *draft,
                                    GCancellable           *cancellable,
                                    GAsyncReadyCallback     callback,
                                    gpointer                user_data)
{
  Edit *edit;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (checksum != NULL);
  g_return_if_fail (draft != NULL && draft->document != NULL);

  edit = edit_new (file, checksum, XINZHI_CORPUS_EDIT_ADD_EVENT);
  edit->event = *draft;
  edit->event.document = g_strdup (draft->document);
  edit->event.title = g_strdup (draft->title);
  edit->event.summary = g_strdup (draft->summary);
  edit->event.date_words = g_strdup (draft->date_words);
  edit->event.date_note = g_strdup (draft->date_note);
  start (edit, cancellable, callback, user_data);
}

/**
 * xinzhi_corpus_set_document_date_file_async:
 * @file: a corpus file
 * @checksum: the checksum of the bytes the window loaded from it
 * @document: the id of an article of it
 * @draft: its date as a person corrects it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Gives the article its corrected date (xinzhi_corpus_set_document_date_json()) in
 * @file, as xinzhi_corpus_edit_file_async() edits: in a thread, only over the bytes
 * the window loaded, only with a result the loader accepts, atomically.  Finish with
 * xinzhi_corpus_edit_file_finish().
 */
void
xinzhi_corpus_set_document_date_file_async (GFile                 *file,
                                            const char            *checksum,
                                            const char            *document,
                                            const XinzhiDateDraft *draft,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data)
{
  Edit *edit;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (checksum != NULL);
  g_return_if_fail (document != NULL && draft != NULL);

  edit = edit_new (file, checksum, XINZHI_CORPUS_EDIT_SET_DOCUMENT_DATE);
  edit->id = g_strdup (document);
  edit->date = *draft;
  edit->date.words = g_strdup (draft->words);
  edit->date.note = g_strdup (draft->note);
  start (edit, cancellable, callback, user_data);
}

/**
 * xinzhi_corpus_edit_file_get_added_id:
 * @result: the result of xinzhi_corpus_add_quote_file_async() or
 *   xinzhi_corpus_add_event_file_async(), once finished
 *
 * Returns: (transfer none) (nullable): the id the quote or event added got, or %NULL
 *   when nothing was written
 */
const char *
xinzhi_corpus_edit_file_get_added_id (GAsyncResult *result)
{
  Edit *edit;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  edit = g_task_get_task_data (G_TASK (result));
  return edit->corpus != NULL ? edit->added_id : NULL;
}

/**
 * xinzhi_corpus_restore_file_async:
 * @file: a corpus file
 * @checksum: what xinzhi_corpus_get_checksum() says of the corpus shown from @file
 * @contents: what the file is to hold again: the @before or the result of an edit
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context once the file is written, or
 *   not
 * @user_data: data for @callback
 *
 * Undoes or redoes an edit: writes @contents to @file, in a thread, under the same
 * rules as xinzhi_corpus_edit_file_async().
 */
void
xinzhi_corpus_restore_file_async (GFile               *file,
                                  const char          *checksum,
                                  GBytes              *contents,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Edit *edit = g_new0 (Edit, 1);

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (checksum != NULL);
  g_return_if_fail (contents != NULL);

  edit->file = g_object_ref (file);
  edit->checksum = g_strdup (checksum);
  edit->contents = g_bytes_ref (contents);
  start (edit, cancellable, callback, user_data);
}

/**
 * xinzhi_corpus_edit_file_finish:
 * @result: the result given to the callback
 * @before: (out) (optional) (transfer full): what the file held before
 * @corpus: (out) (optional) (transfer full): the corpus the file holds now, as the
 *   edit loaded it to check it: the same as loading the file, without reading it again
 * @error: return location for a #XINZHI_CORPUS_ERROR or a #G_IO_ERROR; the message
 *   names the file
 *
 * Returns: (transfer full) (nullable): what the file holds now, or %NULL with @error
 *   when nothing was written
 */
GBytes *
xinzhi_corpus_edit_file_finish (GAsyncResult  *result,
                                GBytes       **before,
                                XinzhiCorpus **corpus,
                                GError       **error)
{
  GBytes *after;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xinzhi_corpus_edit_file_async, NULL);

  after = g_task_propagate_pointer (G_TASK (result), error);
  if (after != NULL)
    {
      Edit *edit = g_task_get_task_data (G_TASK (result));

      if (before != NULL)
        *before = g_bytes_ref (edit->before);
      if (corpus != NULL)
        *corpus = g_object_ref (edit->corpus);
    }
  return after;
}

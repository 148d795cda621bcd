/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Editing a corpus file a person owns (docs/editing.md): accepting or rejecting a
 * quote the extractor suggested, and putting back what an edit replaced (undo, redo).
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
#include "xinzhi-read.h"
#include "xinzhi-write.h"

/* The quote @id of @quotes, and where it is, or %NULL. */
static JsonObject *
find_quote (JsonArray  *quotes,
            const char *id,
            guint      *index)
{
  for (guint i = 0; quotes != NULL && i < json_array_get_length (quotes); i++)
    {
      JsonNode *node = json_array_get_element (quotes, i);
      JsonObject *quote = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (g_strcmp0 (xinzhi_json_tree_get_string (quote, "id"), id) == 0)
        {
          *index = i;
          return quote;
        }
    }

  return NULL;
}

/* Accepts every suggestion of the document @id in @quotes; says how many. */
static guint
accept_document (JsonArray  *quotes,
                 const char *id)
{
  guint n = 0;

  for (guint i = 0; quotes != NULL && i < json_array_get_length (quotes); i++)
    {
      JsonNode *node = json_array_get_element (quotes, i);
      JsonObject *quote = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (quote == NULL || g_strcmp0 (xinzhi_json_tree_get_string (quote, "document"), id) != 0 ||
          !json_object_has_member (quote, "suggestion"))
        continue;
      json_object_remove_member (quote, "suggestion");
      n++;
    }

  return n;
}

/* Whether @people has a person with the id @id. */
static gboolean
has_person (JsonArray  *people,
            const char *id)
{
  for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
    {
      JsonNode *node = json_array_get_element (people, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (xinzhi_json_tree_get_string (json_node_get_object (node), "id"), id) == 0)
        return TRUE;
    }

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

  if (kind == XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT)
    {
      if (accept_document (quotes, id) > 0)
        return TRUE;
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE,
                   _("The document “%s” has no quote that nobody has reviewed"), shown_id);
      return FALSE;
    }

  quote = find_quote (quotes, id, &index);
  if (quote == NULL)
    {
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE,
                   _("There is no quote with the id “%s”"), shown_id);
      return FALSE;
    }

  /* A correction: the quote stays as reviewed as it was, but how the extractor
   * resolved the speaker no longer says anything about it. */
  if (kind == XINZHI_CORPUS_EDIT_SET_SPEAKER)
    {
      g_autofree char *shown_person = xinzhi_escape_controls (value != NULL ? value : "",
                                                              XINZHI_ESCAPE_DEFAULT);
      JsonNode *suggestion = json_object_get_member (quote, "suggestion");

      if (value == NULL || !has_person (get_array (root, "people"), value))
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

/**
 * xinzhi_corpus_edit_json:
 * @json: a corpus, as the loader accepts it
 * @length: its length in bytes
 * @kind: what the edit does
 * @id: the id of the quote it does it to, or of the document for
 *   %XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT
 * @value: (nullable): the person's id for %XINZHI_CORPUS_EDIT_SET_SPEAKER, "direct" or
 *   "paraphrase" for %XINZHI_CORPUS_EDIT_SET_KIND, else %NULL
 * @error: return location for a #XINZHI_CORPUS_ERROR
 *
 * Applies one edit to the text of a corpus.  Accepting a quote takes away its
 * "suggestion" (docs/corpus-format.md): a person has reviewed it.  Rejecting one takes
 * the quote out of the corpus.  Either is only for a quote the extractor suggested
 * and nobody has reviewed yet.  Accepting a document's quotes accepts every one of
 * them that is a suggestion, and needs one at least.  Setting the speaker names
 * another person of the corpus as the quote's, and drops the suggestion's note on how
 * the extractor resolved the speaker; the quote stays as reviewed as it was.  Setting
 * the kind says whether the words are quoted or reported, as the loader reads "kind".
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
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_SYNTAX,
                   "%s", local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_FORMAT,
                           _("The file is not a corpus"));
      return NULL;
    }
  if (!apply (json_node_get_object (root), kind, id, value, error))
    return NULL;

  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* ---- In a thread ---------------------------------------------------------------------- */

typedef struct
{
  GFile                *file;
  char                 *checksum;
  XinzhiCorpusEditKind  kind;
  char                 *id;        /* an edit's quote, or NULL to restore @contents */
  char                 *value;
  GBytes               *contents;
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
  g_clear_pointer (&edit->contents, g_bytes_unref);
  g_clear_pointer (&edit->before, g_bytes_unref);
  g_clear_object (&edit->corpus);
  g_free (edit);
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

  if (edit->id != NULL)
    {
      g_autofree char *json = xinzhi_corpus_edit_json (g_bytes_get_data (before, NULL),
                                                       g_bytes_get_size (before),
                                                       edit->kind, edit->id, edit->value, &local_error);

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
  Edit *edit = g_new0 (Edit, 1);

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (checksum != NULL);
  g_return_if_fail (id != NULL);

  edit->file = g_object_ref (file);
  edit->checksum = g_strdup (checksum);
  edit->kind = kind;
  edit->id = g_strdup (id);
  edit->value = g_strdup (value);
  start (edit, cancellable, callback, user_data);
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The corpus loader: reads a corpus file (docs/corpus-format.md), checks every rule of
 * the format, derives what can be derived, and either fills in a whole
 * XinzhiCorpusContents or reports every problem it found.  Nothing is half-loaded.
 *
 * This file is the entry point, xinzhi_corpus_load(), which runs the stages in order;
 * each stage is a file of its own, sharing the Loader through xinzhi-loader-private.h:
 *
 *   xinzhi-loader-check.c    the raw bytes before parsing; the member names once parsed
 *   (this file)              the format and the version, then each reader in turn
 *   xinzhi-loader-read.c     the readers of each kind of record, and the rules of dates
 *   xinzhi-loader-places.c   where the words the file quotes are found, for the readers
 *   xinzhi-loader-derive.c   terms, scanning threads, mentions and the links they make
 *   xinzhi-loader-fields.c   problems, progress, paths and the getters, for all of them
 */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-escape.h"
#include "xinzhi-json.h"
#include "xinzhi-loader-private.h"

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->id);
  g_free (group->name);
  g_free (group->name_zh);
  g_free (group);
}

static const char * const top_members[] = {
  "format", "version", "title", "groups", "documents", "people", "sectors", "events",
  "quotes", "concepts", NULL
};

/* How many items the top-level arrays hold, for progress. */
static guint
count_items (const XinzhiJsonNode *root)
{
  static const char * const arrays[] = {
    "groups", "documents", "people", "sectors", "events", "quotes", "concepts", NULL
  };
  guint n = 0;

  for (guint i = 0; arrays[i]; i++)
    {
      const XinzhiJsonNode *node = xinzhi_json_object_get_member (root, arrays[i]);

      if (node != NULL && xinzhi_json_node_get_type (node) == XINZHI_JSON_ARRAY)
        n += xinzhi_json_node_get_length (node);
    }

  return n;
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->variants_found, g_hash_table_unref);
  g_clear_pointer (&self->places, g_hash_table_unref);
  g_clear_pointer (&self->group_ids, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->document_ids, g_hash_table_unref);
  g_clear_pointer (&self->person_ids, g_hash_table_unref);
  g_clear_pointer (&self->sector_ids, g_hash_table_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  g_clear_pointer (&self->quote_ids, g_hash_table_unref);
  g_clear_pointer (&self->concept_ids, g_hash_table_unref);
  g_clear_object (&self->quotes_newest_first);
  g_clear_object (&self->documents_by_date);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

/* What a cancelled load had read, freed in a thread of its own. */
typedef struct
{
  Loader               loader;
  XinzhiCorpusContents contents;
  XinzhiJson          *json;     /* the parsed file, whose bytes the documents may hold */
} Leftovers;

static gpointer
free_leftovers_thread (gpointer data)
{
  Leftovers *leftovers = data;

  loader_clear (&leftovers->loader);
  xinzhi_corpus_contents_clear (&leftovers->contents);
  g_clear_pointer (&leftovers->json, xinzhi_json_free);
  g_free (leftovers);
  return NULL;
}

/* Takes what @self and @contents hold, leaving both empty, and @json (nullable), and
 * frees it all in a thread of its own: after a cancel in the derive stage, freeing the
 * documents, mentions and indexes read so far took longer than the rest of the wait
 * (280 ms of 470 ms, 10,000 articles), and the person who pressed Cancel need not wait
 * for it.  Freed here if no thread can be made. */
static void
free_later (Loader               *self,
            XinzhiCorpusContents *contents,
            XinzhiJson           *json)
{
  Leftovers *leftovers = g_new0 (Leftovers, 1);
  GThread *thread;

  leftovers->loader = *self;
  leftovers->contents = *contents;
  leftovers->json = json;
  *self = (Loader) { 0 };
  *contents = (XinzhiCorpusContents) { 0 };
  thread = g_thread_try_new ("xinzhi-free", free_leftovers_thread, leftovers, NULL);
  if (thread != NULL)
    g_thread_unref (thread);
  else
    free_leftovers_thread (leftovers);
}

/* Breaks the reference cycles among the objects of a list.  Each class is called by
 * its own type: calling through a cast function pointer is undefined behaviour. */
static void
unlink_all (GListStore *store)
{
  if (store == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (XINZHI_IS_DOCUMENT (object))
        xinzhi_document_unlink (XINZHI_DOCUMENT (object));
      else if (XINZHI_IS_PERSON (object))
        xinzhi_person_unlink (XINZHI_PERSON (object));
      else if (XINZHI_IS_SECTOR (object))
        xinzhi_sector_unlink (XINZHI_SECTOR (object));
      else if (XINZHI_IS_EVENT (object))
        xinzhi_event_unlink (XINZHI_EVENT (object));
      else if (XINZHI_IS_QUOTE (object))
        xinzhi_quote_unlink (XINZHI_QUOTE (object));
      else if (XINZHI_IS_CONCEPT (object))
        xinzhi_concept_unlink (XINZHI_CONCEPT (object));
      else
        g_assert_not_reached ();
    }
}

void
xinzhi_corpus_contents_clear (XinzhiCorpusContents *contents)
{
  unlink_all (contents->documents);
  unlink_all (contents->people);
  unlink_all (contents->sectors);
  unlink_all (contents->events);
  unlink_all (contents->quotes);
  unlink_all (contents->concepts);
  g_clear_pointer (&contents->title, g_free);
  g_clear_pointer (&contents->checksum, g_free);
  g_clear_object (&contents->documents);
  g_clear_object (&contents->people);
  g_clear_object (&contents->sectors);
  g_clear_object (&contents->events);
  g_clear_object (&contents->quotes);
  g_clear_object (&contents->quotes_newest_first);
  g_clear_object (&contents->documents_by_date);
  g_clear_object (&contents->concepts);
  g_clear_pointer (&contents->document_ids, g_hash_table_unref);
  g_clear_pointer (&contents->person_ids, g_hash_table_unref);
  g_clear_pointer (&contents->sector_ids, g_hash_table_unref);
  g_clear_pointer (&contents->event_ids, g_hash_table_unref);
  g_clear_pointer (&contents->quote_ids, g_hash_table_unref);
  g_clear_pointer (&contents->concept_ids, g_hash_table_unref);
}

/* Told by the parser how far it has come, in bytes of the file. */
static gboolean
parse_progress_cb (gsize    offset,
                   gpointer user_data)
{
  Loader *self = user_data;

  if (_xinzhi_loader_cancelled (self))
    return FALSE;
  _xinzhi_loader_report (self, XINZHI_LOAD_STAGE_PARSE, (double) offset / self->size);
  return TRUE;
}

/**
 * xinzhi_corpus_load:
 * @bytes: (transfer full): the file's contents; taken without a copy when this is the
 *   only reference, and released once every item has been read, as the parsed
 *   document's strings are the file's own bytes
 * @name: the file's name, for messages
 * @cancellable: (nullable): stops the load; the parse and every loop over the items
 *   look at it
 * @progress: (nullable): told how far the load has come, in this thread
 * @user_data: for @progress
 * @contents: (out caller-allocates): the corpus, when it loads
 * @error: every problem found, one a line, when it does not; %G_IO_ERROR_CANCELLED
 *   when cancelled
 *
 * Returns: whether the corpus loaded; on failure @contents is left empty
 */
gboolean
xinzhi_corpus_load (GBytes                   *bytes,
                    const char               *name,
                    GCancellable             *cancellable,
                    XinzhiCorpusProgressFunc  progress,
                    gpointer                  user_data,
                    XinzhiCorpusContents     *contents,
                    GError                  **error)
{
  g_auto(Loader) self = { 0 };
  g_autoptr(GBytes) file_bytes = bytes;
  g_autoptr(XinzhiJson) json = NULL;
  XinzhiJsonError json_error;
  guint error_line, error_column;
  const char *error_reason;
  g_autofree char *summary = NULL;
  XinzhiCorpusContents result = { 0 };
  const XinzhiJsonNode *root;
  const XinzhiJsonNode *version;
  const XinzhiJsonNode *concepts;
  const XinzhiJsonNode *documents;
  const char *format;
  const char *data;
  gsize size;

  self.name = name;
  self.cancellable = cancellable;
  self.progress = progress;
  self.progress_data = user_data;
  self.problems = g_ptr_array_new_with_free_func (g_free);
  self.groups = g_ptr_array_new_with_free_func (group_free);
  self.group_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.document_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.person_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.sector_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.quote_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.concept_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.variants_found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.places = g_hash_table_new_full (_xinzhi_loader_place_hash, _xinzhi_loader_place_equal,
                                       g_free, NULL);
  result.documents = self.documents = g_list_store_new (XINZHI_TYPE_DOCUMENT);
  result.people = self.people = g_list_store_new (XINZHI_TYPE_PERSON);
  result.sectors = self.sectors = g_list_store_new (XINZHI_TYPE_SECTOR);
  result.events = self.events = g_list_store_new (XINZHI_TYPE_EVENT);
  result.quotes = self.quotes = g_list_store_new (XINZHI_TYPE_QUOTE);
  result.concepts = self.concepts = g_list_store_new (XINZHI_TYPE_CONCEPT);

  data = g_bytes_get_data (bytes, &size);
  self.size = size;
  if (!_xinzhi_loader_check_raw (&self, data, size))
    {
      g_clear_pointer (&self.checksum, g_free);
      goto failed;
    }
  result.checksum = g_steal_pointer (&self.checksum);

  _xinzhi_loader_begin_stage (&self, XINZHI_LOAD_STAGE_PARSE, 0);
  /* The parser keeps the file's bytes, and changes them: the strings without escapes
   * stay where they are.  This takes them without a copy when the caller gave its only
   * reference, as xinzhi_corpus_new_from_file() does. */
  data = g_bytes_unref_to_data (g_steal_pointer (&file_bytes), &size);
  json = xinzhi_json_parse ((char *) data, size, parse_progress_cb, &self,
                            &json_error, &error_line, &error_column, &error_reason);
  if (json == NULL)
    {
      if (json_error == XINZHI_JSON_ERROR_EMPTY)
        _xinzhi_loader_problem (&self, XINZHI_CORPUS_ERROR_SYNTAX, NULL,
                                _("the file holds no JSON value"));
      else if (json_error == XINZHI_JSON_ERROR_SYNTAX)
        _xinzhi_loader_problem (&self, XINZHI_CORPUS_ERROR_SYNTAX, NULL,
                                _("%u:%u: invalid JSON: %s"),
                                error_line, error_column, _(error_reason));
      goto failed;
    }

  root = xinzhi_json_get_root (json);
  if (xinzhi_json_node_get_type (root) != XINZHI_JSON_OBJECT)
    {
      _xinzhi_loader_problem (&self, XINZHI_CORPUS_ERROR_FORMAT, "$",
                              _("expected an object at the top level, found %s"),
                              _xinzhi_loader_node_type_name (root));
      goto failed;
    }

  /* Member names first: a name given twice, or one that no message may show, is
   * reported before any member is looked up or named. */
  _xinzhi_loader_check_names (&self, root, NULL);
  if (self.n_problems > 0 || _xinzhi_loader_cancelled (&self))
    goto failed;

  /* Format and version first: a file of another format or a newer version is not read
   * any further, so it gets one clear message rather than a list of consequences. */
  format = _xinzhi_loader_get_string (&self, root, "$", "format", TRUE);
  if (format == NULL)
    goto failed;
  if (!g_str_equal (format, "xinzhi-corpus"))
    {
      _xinzhi_loader_problem (&self, XINZHI_CORPUS_ERROR_FORMAT, "$.format",
                              _("“%s” is not a Xinzhi corpus (expected “xinzhi-corpus”)"), format);
      goto failed;
    }
  version = _xinzhi_loader_get_member (&self, root, "$", "version", TRUE);
  if (version == NULL)
    goto failed;
  if (xinzhi_json_node_get_type (version) != XINZHI_JSON_INT)
    {
      _xinzhi_loader_problem (&self, XINZHI_CORPUS_ERROR_TYPE, "$.version",
                              _("expected a whole number, found %s"),
                              _xinzhi_loader_node_type_name (version));
      goto failed;
    }
  self.version = xinzhi_json_node_get_int (version);
  if (self.version < 1 || self.version > XINZHI_CORPUS_FORMAT_VERSION)
    {
      _xinzhi_loader_problem (&self, XINZHI_CORPUS_ERROR_VERSION, "$.version",
                              _("format version %lld is not supported; this version of Xinzhi reads versions 1 to %d"),
                              (long long) self.version, XINZHI_CORPUS_FORMAT_VERSION);
      goto failed;
    }

  _xinzhi_loader_check_members (&self, root, "$", top_members);
  /* Reading counts a step for each item, and for each document in each of the two
   * passes that look for the quoted words (xinzhi-loader-places.c). */
  documents = xinzhi_json_object_get_member (root, "documents");
  if (documents != NULL && xinzhi_json_node_get_type (documents) == XINZHI_JSON_ARRAY)
    self.n_document_items = xinzhi_json_node_get_length (documents);
  _xinzhi_loader_begin_stage (&self, XINZHI_LOAD_STAGE_READ, count_items (root) + 2 * self.n_document_items);
  result.title = g_strdup (_xinzhi_loader_get_string (&self, root, "$", "title", TRUE));

  _xinzhi_loader_read_groups (&self, _xinzhi_loader_get_array (&self, root, "$", "groups", TRUE));
  _xinzhi_loader_read_documents (&self,
                                 _xinzhi_loader_get_array (&self, root, "$", "documents", TRUE));
  _xinzhi_loader_find_text_places (&self, xinzhi_json_object_get_member (root, "people"),
                                   xinzhi_json_object_get_member (root, "quotes"));
  _xinzhi_loader_read_people (&self, _xinzhi_loader_get_array (&self, root, "$", "people", TRUE));
  _xinzhi_loader_read_sectors (&self, _xinzhi_loader_get_array (&self, root, "$", "sectors", TRUE));
  _xinzhi_loader_read_events (&self, _xinzhi_loader_get_array (&self, root, "$", "events", TRUE));
  _xinzhi_loader_read_quotes (&self, _xinzhi_loader_get_array (&self, root, "$", "quotes", TRUE));
  /* Concepts came with version 2: in a file that says version 1 they are a mistake,
   * which would otherwise pass unnoticed by a reader of version 1. */
  concepts = _xinzhi_loader_get_array (&self, root, "$", "concepts", FALSE);
  if (concepts != NULL && self.version < 2)
    _xinzhi_loader_problem (&self, XINZHI_CORPUS_ERROR_VERSION, "$.concepts",
                            _("concepts need format version 2; the file says version %lld"),
                            (long long) self.version);
  else
    _xinzhi_loader_read_concepts (&self, concepts);

  /* Everything has been read out of the parsed file, which holds the file's bytes:
   * free it before deriving adds the mentions, so both are never held at once. */
  root = NULL;
  g_clear_pointer (&json, xinzhi_json_free);

  if (self.n_problems == 0 && !_xinzhi_loader_cancelled (&self))
    _xinzhi_loader_derive (&self);

  if (self.n_problems > 0 || _xinzhi_loader_cancelled (&self))
    goto failed;
  _xinzhi_loader_report (&self, XINZHI_LOAD_STAGE_DERIVE, 1.0);

  result.document_ids = g_steal_pointer (&self.document_ids);
  result.person_ids = g_steal_pointer (&self.person_ids);
  result.sector_ids = g_steal_pointer (&self.sector_ids);
  result.event_ids = g_steal_pointer (&self.event_ids);
  result.quote_ids = g_steal_pointer (&self.quote_ids);
  result.concept_ids = g_steal_pointer (&self.concept_ids);
  result.documents_by_date = g_steal_pointer (&self.documents_by_date);
  result.quotes_newest_first = g_steal_pointer (&self.quotes_newest_first);
  *contents = result;
  return TRUE;

failed:
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      free_later (&self, &result, g_steal_pointer (&json));
      return FALSE;
    }
  if (self.n_problems > self.problems->len)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s: … and %u more problem",
                                                            "%s: … and %u more problems",
                                                            self.n_problems - self.problems->len),
                                               name, self.n_problems - self.problems->len);

      g_ptr_array_add (self.problems, xinzhi_escape_controls (more, XINZHI_ESCAPE_DEFAULT));
    }
  g_ptr_array_add (self.problems, NULL);
  summary = g_strjoinv ("\n", (char **) self.problems->pdata);
  g_set_error_literal (error, XINZHI_CORPUS_ERROR, self.first_code, summary);
  xinzhi_corpus_contents_clear (&result);
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xinzhi-checksum.h"
#include "xinzhi-escape.h"
#include "xinzhi-model-private.h"
#include "xinzhi-progress.h"
#include "xinzhi-read.h"

/**
 * XinzhiCorpus:
 *
 * The corpus: documents, people, sectors, events, quotes and concepts, with what is
 * derived from them.  It is created whole from a corpus file or not at all, and does
 * not change afterwards; every view of the app reads from it.
 */
struct _XinzhiCorpus
{
  GObject               parent_instance;

  char                 *name;
  char                 *checksum;   /* xinzhi_corpus_compute_checksum() of its bytes */
  XinzhiCorpusContents  contents;

  /* The home span, worked out when first asked for (see xinzhi_corpus_get_home_span()) */
  gsize                 home_known;
  gboolean              has_home;
  guint32               home_first;
  guint32               home_last;
};

G_DEFINE_FINAL_TYPE (XinzhiCorpus, xinzhi_corpus, G_TYPE_OBJECT)
G_DEFINE_QUARK (xinzhi-corpus-error-quark, xinzhi_corpus_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 day_a = *(const guint32 *) a;
  guint32 day_b = *(const guint32 *) b;

  return day_a < day_b ? -1 : day_a > day_b;
}

/* The home span of xinzhi_corpus_get_home_span(), from the events: from the first day
 * the first of them may stand for to the last day by which four in five have ended, or
 * all of them when the last fifth does not stretch the span to more than twice that.
 * Every date counts as all the days its precision leaves open. */
static gboolean
find_events_span (GListModel *events,
                  guint32    *first,
                  guint32    *last)
{
  g_autoptr(GArray) lasts = NULL;
  guint n = g_list_model_get_n_items (events);
  guint32 bulk_last, all_last;
  guint n_bulk;

  if (n == 0)
    return FALSE;

  lasts = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  *first = G_MAXUINT32;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, i);
      guint32 event_last = xinzhi_date_last_day (xinzhi_event_get_end (event));

      *first = MIN (*first, xinzhi_date_first_day (xinzhi_event_get_start (event)));
      g_array_append_val (lasts, event_last);
    }
  g_array_sort (lasts, compare_days);

  /* Four in five, rounded up: every event of a corpus of up to four. */
  n_bulk = (4 * n + 4) / 5;
  bulk_last = g_array_index (lasts, guint32, n_bulk - 1);
  all_last = g_array_index (lasts, guint32, n - 1);

  /* In days, counting both ends. */
  if (2 * ((guint64) bulk_last - *first + 1) < (guint64) all_last - *first + 1)
    *last = bulk_last;
  else
    *last = all_last;

  return TRUE;
}

/* From the first day the earliest dated document may stand for to the last the latest
 * may; documents without a date do not count. */
static gboolean
find_documents_span (GListModel *documents,
                     guint32    *first,
                     guint32    *last)
{
  guint n = g_list_model_get_n_items (documents);
  gboolean found = FALSE;

  *first = G_MAXUINT32;
  *last = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);
      const XinzhiDate *date = xinzhi_document_get_date (document);

      if (date->precision == XINZHI_DATE_PRECISION_NONE)
        continue;

      *first = MIN (*first, xinzhi_date_first_day (date));
      *last = MAX (*last, xinzhi_date_last_day (date));
      found = TRUE;
    }

  return found;
}

static void
xinzhi_corpus_dispose (GObject *object)
{
  XinzhiCorpus *self = XINZHI_CORPUS (object);

  xinzhi_corpus_contents_clear (&self->contents);

  G_OBJECT_CLASS (xinzhi_corpus_parent_class)->dispose (object);
}

static void
xinzhi_corpus_finalize (GObject *object)
{
  XinzhiCorpus *self = XINZHI_CORPUS (object);

  g_free (self->name);
  g_free (self->checksum);

  G_OBJECT_CLASS (xinzhi_corpus_parent_class)->finalize (object);
}

static void
xinzhi_corpus_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XinzhiCorpus *self = XINZHI_CORPUS (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->contents.title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_corpus_class_init (XinzhiCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_corpus_dispose;
  object_class->finalize = xinzhi_corpus_finalize;
  object_class->get_property = xinzhi_corpus_get_property;

  /**
   * XinzhiCorpus:name:
   *
   * Where the corpus came from: a file name, for messages.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xinzhi_corpus_init (XinzhiCorpus *self)
{
}

/* Takes @bytes: the loader lets go of them once they are parsed. */
static XinzhiCorpus *
new_from_bytes (GBytes                    *bytes,
                const char                *name,
                GCancellable              *cancellable,
                XinzhiCorpusProgressFunc   progress,
                gpointer                   user_data,
                GError                   **error)
{
  XinzhiCorpusContents contents = { 0 };
  XinzhiCorpus *self;

  if (!xinzhi_corpus_load (bytes, name, cancellable, progress, user_data, &contents, error))
    return NULL;

  self = g_object_new (XINZHI_TYPE_CORPUS, NULL);
  self->name = g_strdup (name);
  self->checksum = g_steal_pointer (&contents.checksum);
  self->contents = contents;

  return self;
}

/**
 * xinzhi_corpus_new_from_bytes:
 * @bytes: a corpus file's contents
 * @name: the file's name, used in messages
 * @error: return location for a #XINZHI_CORPUS_ERROR listing every problem, one a line
 *
 * Returns: (transfer full) (nullable): the corpus, or %NULL if the file breaks a rule
 *   of docs/corpus-format.md
 */
XinzhiCorpus *
xinzhi_corpus_new_from_bytes (GBytes      *bytes,
                              const char  *name,
                              GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return new_from_bytes (g_bytes_ref (bytes), name, NULL, NULL, NULL, error);
}

/**
 * xinzhi_corpus_new_from_file:
 * @file: a corpus file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #XINZHI_CORPUS_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Returns: (transfer full) (nullable): the corpus, or %NULL
 */
XinzhiCorpus *
xinzhi_corpus_new_from_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return xinzhi_corpus_load_file (file, cancellable, NULL, NULL, error);
}

/* The caller's progress function, told each figure of a load from a file once: the
 * figures of reading the file, then the loader's, which starts where reading ends. */
typedef struct
{
  XinzhiCorpusProgressFunc progress;
  gpointer                 user_data;
  guint                    reported;    /* thousandths */
} FileProgress;

static void
file_progress_tell (FileProgress *self,
                    double        fraction)
{
  guint permille = (guint) (fraction * 1000.0 + 0.5);

  if (permille <= self->reported)
    return;
  self->reported = permille;
  self->progress (permille / 1000.0, self->user_data);
}

static void
read_progress_cb (gsize    done,
                  gsize    total,
                  gpointer user_data)
{
  double start = xinzhi_load_stage_start (XINZHI_LOAD_STAGE_FILE);
  double end = xinzhi_load_stage_start (XINZHI_LOAD_STAGE_FILE + 1);

  if (total > 0)
    file_progress_tell (user_data, start + MIN ((double) done / total, 1.0) * (end - start));
}

static void
load_progress_cb (double   fraction,
                  gpointer user_data)
{
  file_progress_tell (user_data, fraction);
}

/**
 * xinzhi_corpus_load_file:
 * @file: a corpus file
 * @cancellable: (nullable): a #GCancellable; the load stops soon after it is cancelled
 * @progress: (nullable) (scope call): told how far the load has come, in the calling
 *   thread, which for a large corpus should not be the main thread
 * @user_data: for @progress
 * @error: return location for a #XINZHI_CORPUS_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Like xinzhi_corpus_new_from_file(), telling @progress how far it has come.
 *
 * Returns: (transfer full) (nullable): the corpus, or %NULL
 */
XinzhiCorpus *
xinzhi_corpus_load_file (GFile                     *file,
                         GCancellable              *cancellable,
                         XinzhiCorpusProgressFunc   progress,
                         gpointer                   user_data,
                         GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *parse_name = NULL;
  g_autofree char *name = NULL;
  FileProgress figures = { progress, user_data, 0 };

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The name goes into messages, which show it whatever it holds. */
  parse_name = g_file_get_parse_name (file);
  name = xinzhi_escape_controls (parse_name, XINZHI_ESCAPE_DEFAULT);

  /* Never more than the loader accepts, so that a huge file or an endless device is
   * refused before it fills memory. */
  bytes = xinzhi_read_file_with_progress (file, XINZHI_CORPUS_MAX_SIZE, cancellable,
                                          progress ? read_progress_cb : NULL, &figures, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_READ,
                     _("%s: is a folder, not a corpus file"), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_LIMIT,
                     "%s: %s", name, local_error->message);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_READ,
                     "%s: %s", name, local_error->message);
      else
        g_set_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_READ,
                     _("%s: cannot be read: %s"), name, local_error->message);
      return NULL;
    }

  return new_from_bytes (g_steal_pointer (&bytes), parse_name, cancellable,
                         progress ? load_progress_cb : NULL, &figures, error);
}

/* ---- Loading in a thread ------------------------------------------------------------
 *
 * The loader runs in a GTask thread and tells its progress there; a XinzhiProgressRelay
 * (xinzhi-progress.c) brings the figures to the caller's main context, and none after
 * the caller's callback has been called. */

typedef struct
{
  GFile               *file;
  XinzhiProgressRelay *relay;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} LoadFile;

static void
load_file_free (LoadFile *load)
{
  g_clear_object (&load->file);
  g_clear_pointer (&load->relay, xinzhi_progress_relay_unref);
  g_free (load);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadFile *load = task_data;
  XinzhiCorpus *corpus;
  GError *error = NULL;

  /* Cancelled before it began: not even the file is read. */
  if (g_task_return_error_if_cancelled (task))
    return;

  corpus = xinzhi_corpus_load_file (load->file, cancellable,
                                    xinzhi_progress_relay_report, load->relay,
                                    &error);
  if (corpus == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, corpus, g_object_unref);
}

/* In the caller's context, once the loading thread has returned. */
static void
load_file_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadFile *load = g_task_get_task_data (G_TASK (result));

  xinzhi_progress_relay_finish (load->relay, load->callback, result, load->user_data);
}

/**
 * xinzhi_corpus_load_file_async:
 * @file: a corpus file
 * @io_priority: the I/O priority of the load, as %G_PRIORITY_DEFAULT; the progress
 *   figures come at this priority or %G_PRIORITY_DEFAULT_IDLE, whichever is lower
 * @cancellable: (nullable): a #GCancellable; the load stops soon after it is cancelled
 * @progress: (nullable) (scope notified) (closure progress_data): told how far the load
 *   has come, in the thread-default main context of the caller; only the latest figure
 *   is given when several came at once, each higher than the one before, and never one
 *   after @callback has run
 * @progress_data: for @progress
 * @progress_notify: (nullable) (destroy progress_data): frees @progress_data in the
 *   caller's thread-default main context, after @callback has run
 * @callback: (scope async) (closure user_data): called in the thread-default main
 *   context of the caller when the load has ended, its thread with it
 * @user_data: for @callback
 *
 * Loads the corpus in @file as xinzhi_corpus_load_file() does, in a thread; @callback
 * then gets the result from xinzhi_corpus_load_file_finish().
 */
void
xinzhi_corpus_load_file_async (GFile                    *file,
                               int                       io_priority,
                               GCancellable             *cancellable,
                               XinzhiCorpusProgressFunc  progress,
                               gpointer                  progress_data,
                               GDestroyNotify            progress_notify,
                               GAsyncReadyCallback       callback,
                               gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadFile *load;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  load = g_new0 (LoadFile, 1);
  load->file = g_object_ref (file);
  load->relay = xinzhi_progress_relay_new (io_priority, "[xinzhi] corpus load progress",
                                           progress, progress_data, progress_notify);
  load->callback = callback;
  load->user_data = user_data;

  /* The task calls load_file_done_cb(), which ends the progress before it calls
   * @callback. */
  task = g_task_new (NULL, cancellable, load_file_done_cb, NULL);
  g_task_set_source_tag (task, xinzhi_corpus_load_file_async);
  g_task_set_static_name (task, "[xinzhi] corpus load");
  g_task_set_priority (task, io_priority);
  g_task_set_task_data (task, load, (GDestroyNotify) load_file_free);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * xinzhi_corpus_load_file_finish:
 * @result: the #GAsyncResult given to the callback of xinzhi_corpus_load_file_async()
 * @error: return location for a #XINZHI_CORPUS_ERROR, or %G_IO_ERROR_CANCELLED when the
 *   load was cancelled, even if it had ended
 *
 * Returns: (transfer full) (nullable): the corpus, or %NULL
 */
XinzhiCorpus *
xinzhi_corpus_load_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xinzhi_corpus_load_file_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * xinzhi_corpus_new_builtin:
 *
 * Loads the corpus that ships with the app, from the application's resources.
 *
 * Returns: (transfer full) (nullable): the built-in corpus
 */
XinzhiCorpus *
xinzhi_corpus_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/corpus/xinzhi-corpus.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return xinzhi_corpus_new_from_bytes (bytes, _("Built-in corpus"), error);
}

/**
 * xinzhi_corpus_new_empty_json:
 * @title: the new corpus's title
 *
 * A corpus file with nothing in it yet, in the current format version
 * (docs/corpus-format.md): one a person makes to add articles to.
 *
 * Returns: (transfer full): its contents, which xinzhi_corpus_new_from_bytes() accepts
 */
GBytes *
xinzhi_corpus_new_empty_json (const char *title)
{
  static const char * const arrays[] = {
    "groups", "documents", "people", "sectors", "events", "quotes", "concepts",
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize length;

  g_return_val_if_fail (title != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "xinzhi-corpus");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, XINZHI_CORPUS_FORMAT_VERSION);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title);
  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      json_builder_set_member_name (builder, arrays[i]);
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);
  return g_bytes_new_take (data, length);
}

const char *
xinzhi_corpus_get_name (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return self->name;
}

/**
 * xinzhi_corpus_compute_checksum:
 * @bytes: a corpus file's contents
 *
 * The checksum xinzhi_corpus_get_checksum() gives of a corpus loaded from @bytes
 * (xinzhi-checksum.c: 128 bits, in hexadecimal).  It tells whether a file still holds
 * what was loaded, against accidents rather than attacks, and is made at every load:
 * it takes about 0.6 instructions a byte, where SHA-1 took 24 and was a seventh of
 * loading the synthetic corpora.
 *
 * Returns: (transfer full): the checksum
 */
char *
xinzhi_corpus_compute_checksum (GBytes *bytes)
{
  XinzhiChecksum checksum;
  gsize size;
  const void *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  xinzhi_checksum_init (&checksum);
  xinzhi_checksum_update (&checksum, data, size);
  return xinzhi_checksum_finish (&checksum);
}

/**
 * xinzhi_corpus_id_from_text:
 * @text: a name or a title
 * @fallback: the id when @text has no ASCII letter or digit, such as "person"
 *
 * An id as the format writes them (docs/corpus-format.md) made from @text: its ASCII
 * letters and digits in lower case, every other run as one "-", at most 60 bytes.  The
 * caller makes it unique.
 *
 * Returns: (transfer full): the id
 */
char *
xinzhi_corpus_id_from_text (const char *text,
                            const char *fallback)
{
  GString *id = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (fallback != NULL, NULL);

  for (const char *p = text; *p != '\0' && id->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, fallback);
  return g_string_free (id, FALSE);
}

/**
 * xinzhi_corpus_get_checksum:
 * @self: a corpus
 *
 * The checksum of the bytes the corpus was loaded from (xinzhi_corpus_compute_checksum()): an
 * edit compares it with the file's, so that it never writes over a change another
 * window or program made since (xinzhi_corpus_edit_file_async()).
 *
 * Returns: (transfer none): the checksum
 */
const char *
xinzhi_corpus_get_checksum (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return self->checksum;
}

const char *
xinzhi_corpus_get_title (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return self->contents.title;
}

/**
 * xinzhi_corpus_get_documents:
 *
 * Returns: (transfer none): the documents, in file order
 */
GListModel *
xinzhi_corpus_get_documents (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return G_LIST_MODEL (self->contents.documents);
}

GListModel *
xinzhi_corpus_get_people (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return G_LIST_MODEL (self->contents.people);
}

GListModel *
xinzhi_corpus_get_sectors (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return G_LIST_MODEL (self->contents.sectors);
}

GListModel *
xinzhi_corpus_get_events (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return G_LIST_MODEL (self->contents.events);
}

GListModel *
xinzhi_corpus_get_quotes (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return G_LIST_MODEL (self->contents.quotes);
}

/**
 * xinzhi_corpus_get_documents_by_date:
 *
 * The documents in their one order, oldest first (xinzhi_document_compare()), sorted
 * when the corpus was loaded, off the main thread.
 *
 * Returns: (transfer none): the documents, oldest first
 */
GListModel *
xinzhi_corpus_get_documents_by_date (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return self->contents.documents_by_date;
}

/**
 * xinzhi_corpus_get_quotes_newest_first:
 *
 * The quotes in the order lists show them: by article, newest first (the reverse of
 * xinzhi_document_compare()), and each article's in text order.  Worked out when the
 * corpus was loaded, off the main thread; a list that sorts quotes itself (as
 * xinzhi_quote_row_compare_quotes() does) finds them in its order already.
 *
 * Returns: (transfer none): the quotes, newest article first
 */
GListModel *
xinzhi_corpus_get_quotes_newest_first (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return self->contents.quotes_newest_first;
}

/**
 * xinzhi_corpus_get_concepts:
 *
 * Returns: (transfer none): the concepts, in file order; empty for a file of format
 *   version 1
 */
GListModel *
xinzhi_corpus_get_concepts (XinzhiCorpus *self)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  return G_LIST_MODEL (self->contents.concepts);
}

/**
 * xinzhi_corpus_get_home_span:
 * @self: a corpus
 * @first_day: (out): return location for the Julian day number of the span's first day
 * @last_day: (out): return location for the Julian day number of its last day
 *
 * The span of days a view of the corpus's dates opens on, as the timeline does, and
 * goes back to: where its story starts and most of it happens.  It runs from the first
 * day the earliest event may stand for (every date counting as all the days its
 * precision leaves open, so `2023-09` from 1 September) to the last day by which four
 * in five of the events have ended; the last fifth too when including them does not
 * stretch the span to more than twice that, so that one late event neither leaves the
 * rest crowded at one end nor, when the events spread evenly, is left out.  A corpus
 * without events spans its documents' dates.
 *
 * Worked out once, when first asked for.
 *
 * Returns: %TRUE, or %FALSE when the corpus has no event and no dated document, and so
 *   no span (@first_day and @last_day are then left alone)
 */
gboolean
xinzhi_corpus_get_home_span (XinzhiCorpus *self,
                             guint32      *first_day,
                             guint32      *last_day)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (first_day != NULL, FALSE);
  g_return_val_if_fail (last_day != NULL, FALSE);

  if (g_once_init_enter (&self->home_known))
    {
      self->has_home = find_events_span (G_LIST_MODEL (self->contents.events),
                                         &self->home_first, &self->home_last) ||
                       find_documents_span (G_LIST_MODEL (self->contents.documents),
                                            &self->home_first, &self->home_last);
      g_once_init_leave (&self->home_known, 1);
    }

  if (!self->has_home)
    return FALSE;

  *first_day = self->home_first;
  *last_day = self->home_last;
  return TRUE;
}

XinzhiDocument *
xinzhi_corpus_lookup_document (XinzhiCorpus *self,
                               const char   *id)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->contents.document_ids, id);
}

XinzhiPerson *
xinzhi_corpus_lookup_person (XinzhiCorpus *self,
                             const char   *id)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->contents.person_ids, id);
}

XinzhiSector *
xinzhi_corpus_lookup_sector (XinzhiCorpus *self,
                             const char   *id)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->contents.sector_ids, id);
}

XinzhiEvent *
xinzhi_corpus_lookup_event (XinzhiCorpus *self,
                            const char   *id)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->contents.event_ids, id);
}

XinzhiQuote *
xinzhi_corpus_lookup_quote (XinzhiCorpus *self,
                            const char   *id)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->contents.quote_ids, id);
}

XinzhiConcept *
xinzhi_corpus_lookup_concept (XinzhiCorpus *self,
                              const char   *id)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->contents.concept_ids, id);
}


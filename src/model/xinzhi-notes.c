/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a person writes in the app: stars and short notes on quotes, events and articles.
 * They live in one versioned JSON file in the user data folder, written atomically
 * (a temporary file, synced, then renamed over the old one), so that the file on disk is
 * always a whole old version or a whole new one, whenever the app dies.  A damaged file
 * is never overwritten: it is kept aside under another name and reported.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xinzhi-notes.h"
#include "xinzhi-read.h"

typedef struct
{
  char     *kind;
  char     *id;
  gboolean  starred;
  char     *note;
} Item;

struct _XinzhiNotes
{
  GObject     parent_instance;

  GFile      *file;
  GHashTable *items;     /* "kind\x1fid" → Item * */
  gboolean    writable;  /* FALSE after a newer version was found: never overwrite it */

  guint       autosave_delay;  /* in milliseconds; 0: no autosave */
  guint       autosave_source;
  gboolean    dirty;           /* changed since the last save */
};

G_DEFINE_FINAL_TYPE (XinzhiNotes, xinzhi_notes, G_TYPE_OBJECT)
G_DEFINE_QUARK (xinzhi-notes-error-quark, xinzhi_notes_error)

enum {
  CHANGED,
  SAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = { "quote", "event", "document", NULL };
static const char * const item_members[] = { "kind", "id", "starred", "note", NULL };
static const char * const top_members[] = { "format", "version", "items", NULL };

static void changed (XinzhiNotes *self);

static void
set_dirty (XinzhiNotes *self,
           gboolean     dirty)
{
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->kind);
  g_free (item->id);
  g_free (item->note);
  g_free (item);
}

static char *
make_key (const char *kind,
          const char *id)
{
  return g_strconcat (kind, "\x1f", id, NULL);
}

static Item *
lookup (XinzhiNotes *self,
        const char  *kind,
        const char  *id)
{
  g_autofree char *key = make_key (kind, id);

  return g_hash_table_lookup (self->items, key);
}

static Item *
ensure (XinzhiNotes *self,
        const char  *kind,
        const char  *id)
{
  Item *item = lookup (self, kind, id);

  if (item == NULL)
    {
      item = g_new0 (Item, 1);
      item->kind = g_strdup (kind);
      item->id = g_strdup (id);
      g_hash_table_insert (self->items, make_key (kind, id), item);
    }

  return item;
}

static void
drop_if_empty (XinzhiNotes *self,
               Item        *item)
{
  if (!item->starred && item->note == NULL)
    {
      g_autofree char *key = make_key (item->kind, item->id);

      g_hash_table_remove (self->items, key);
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = *(Item **) a, *ib = *(Item **) b;
  int by_kind = g_strcmp0 (ia->kind, ib->kind);

  return by_kind ? by_kind : g_strcmp0 (ia->id, ib->id);
}

static const char *
describe_type (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

/* Every member of @object is one of @allowed; else an error naming the place. */
static gboolean
check_members (JsonObject          *object,
               const char * const  *allowed,
               const char          *place,
               GError             **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                     _("%s.%s: unknown member “%s”"), place, (const char *) l->data,
                     (const char *) l->data);
        return FALSE;
      }

  return TRUE;
}

/* Reads a notes document into @items; nothing is changed when it is not valid.  Every
 * error names the place: line and column for JSON syntax, a JSON path otherwise. */
static gboolean
parse (const char  *data,
       gssize       length,
       GHashTable  *items,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *root_node;
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;

  if (length < 0)
    length = strlen (data);
  if (length == 0)
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID, _("the file is empty"));
      return FALSE;
    }
  if (memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                   _("the file is not UTF-8 text"));
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib's message starts "<data>:LINE:COL: "; the caller names the file. */
      const char *message = local_error->message;

      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                   _("not valid JSON: %s"), message);
      return FALSE;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root_node),
                                                             "format", NULL),
                 "xinzhi-notes") != 0)
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                   _("$.format: not a Xinzhi notes file (“format” is not “xinzhi-notes”)"));
      return FALSE;
    }

  root = json_node_get_object (root_node);
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                   _("$.version: missing, or not a whole number"));
      return FALSE;
    }
  if (json_node_get_int (node) != XINZHI_NOTES_FORMAT_VERSION)
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_VERSION,
                   _("$.version: notes of version %lld, but this version of Xinzhi reads version %d"),
                   (long long) json_node_get_int (node), XINZHI_NOTES_FORMAT_VERSION);
      return FALSE;
    }

  if (!check_members (root, top_members, "$", error))
    return FALSE;

  node = json_object_get_member (root, "items");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                   _("$.items: missing, or not an array"));
      return FALSE;
    }
  array = json_node_get_array (node);

  /* Check every item before taking any. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *place = g_strdup_printf ("$.items[%u]", i);
      g_autofree char *key = NULL;
      JsonObject *object;
      const char *kind, *id;
      JsonNode *member;
      gpointer first;

      node = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                       _("%s: expected an object, found %s"), place, describe_type (node));
          return FALSE;
        }
      object = json_node_get_object (node);
      if (!check_members (object, item_members, place, error))
        return FALSE;

      kind = json_object_get_string_member_with_default (object, "kind", NULL);
      id = json_object_get_string_member_with_default (object, "id", NULL);
      if (kind == NULL || !g_strv_contains (kinds, kind) || id == NULL || id[0] == '\0')
        {
          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                       _("%s: needs a “kind” (quote, event, document) and an “id”"), place);
          return FALSE;
        }

      member = json_object_get_member (object, "starred");
      if (member != NULL &&
          (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_BOOLEAN))
        {
          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                       _("%s.starred: expected true or false, found %s"), place, describe_type (member));
          return FALSE;
        }

      member = json_object_get_member (object, "note");
      if (member != NULL &&
          (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING))
        {
          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                       _("%s.note: expected a string, found %s"), place, describe_type (member));
          return FALSE;
        }

      /* Two items for one object would lose one of them silently. */
      key = make_key (kind, id);
      if (g_hash_table_lookup_extended (places, key, NULL, &first))
        {
          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                       _("%s: the %s “%s” is already noted at $.items[%u]"),
                       place, kind, id, GPOINTER_TO_UINT (first));
          return FALSE;
        }
      g_hash_table_insert (places, g_steal_pointer (&key), GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      Item *item = g_new0 (Item, 1);
      const char *note = json_object_get_string_member_with_default (object, "note", NULL);

      item->kind = g_strdup (json_object_get_string_member (object, "kind"));
      item->id = g_strdup (json_object_get_string_member (object, "id"));
      item->starred = json_object_get_boolean_member_with_default (object, "starred", FALSE);
      item->note = note && note[0] ? g_strdup (note) : NULL;
      if (!item->starred && item->note == NULL)
        item_free (item);
      else
        g_hash_table_replace (items, make_key (item->kind, item->id), item);
    }

  return TRUE;
}

/* g_file_set_contents_full() writes to PATH.XXXXXX and renames it over PATH; a process
 * killed in between leaves that file behind.  Only this app writes notes there, and it
 * runs once, so on loading they are leftovers and go. */
static void
remove_leftovers (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  gsize base_length = strlen (base);
  const char *name;

  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      gboolean leftover = strlen (name) == base_length + 7 &&
                          strncmp (name, base, base_length) == 0 &&
                          name[base_length] == '.';

      for (gsize i = base_length + 1; leftover && name[i] != '\0'; i++)
        leftover = g_ascii_isalnum (name[i]);

      if (leftover)
        {
          g_autofree char *leftover_path = g_build_filename (dir, name, NULL);

          g_remove (leftover_path);
        }
    }
}

static gboolean
autosave_cb (gpointer user_data)
{
  XinzhiNotes *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;
  if (!xinzhi_notes_save (self, &error))
    g_signal_emit (self, signals[SAVE_FAILED], 0, error);

  return G_SOURCE_REMOVE;
}

/* Something changed: tell the views, and save soon when autosaving. */
static void
changed (XinzhiNotes *self)
{
  set_dirty (self, TRUE);
  if (self->autosave_delay > 0 && self->writable)
    {
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      self->autosave_source = g_timeout_add (self->autosave_delay, autosave_cb, self);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
xinzhi_notes_dispose (GObject *object)
{
  XinzhiNotes *self = XINZHI_NOTES (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (xinzhi_notes_parent_class)->dispose (object);
}

static void
xinzhi_notes_finalize (GObject *object)
{
  XinzhiNotes *self = XINZHI_NOTES (object);

  g_clear_pointer (&self->items, g_hash_table_unref);

  G_OBJECT_CLASS (xinzhi_notes_parent_class)->finalize (object);
}

static void
xinzhi_notes_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XinzhiNotes *self = XINZHI_NOTES (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_notes_class_init (XinzhiNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_notes_dispose;
  object_class->finalize = xinzhi_notes_finalize;
  object_class->get_property = xinzhi_notes_get_property;

  /**
   * XinzhiNotes:dirty:
   *
   * Whether there are changes not saved yet.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XinzhiNotes::changed:
   *
   * A star or a note was set, or notes were loaded or imported.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * XinzhiNotes::save-failed:
   * @error: why, with the file's name
   *
   * Saving by itself (xinzhi_notes_set_autosave()) failed; the notes are still in
   * memory and the next change tries again.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
xinzhi_notes_init (XinzhiNotes *self)
{
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, item_free);
  self->writable = TRUE;
}

/**
 * xinzhi_notes_new:
 * @file: where the notes are kept
 *
 * Returns: (transfer full): empty notes, to be loaded with xinzhi_notes_load()
 */
XinzhiNotes *
xinzhi_notes_new (GFile *file)
{
  XinzhiNotes *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (XINZHI_TYPE_NOTES, NULL);
  self->file = g_object_ref (file);
  return self;
}

GFile *
xinzhi_notes_get_file (XinzhiNotes *self)
{
  g_return_val_if_fail (XINZHI_IS_NOTES (self), NULL);
  return self->file;
}

/**
 * xinzhi_notes_get_writable:
 *
 * Returns: %FALSE when saving would overwrite notes this version cannot read
 */
gboolean
xinzhi_notes_get_writable (XinzhiNotes *self)
{
  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);
  return self->writable;
}

/**
 * xinzhi_notes_load:
 * @error: why the notes could not be loaded
 *
 * Loads the notes file, and removes the temporary files of saves that a crash cut
 * short.  A missing file is no notes.  A damaged file is renamed to
 * FILE.damaged-DATE, kept for the person to look at, and reported with
 * %XINZHI_NOTES_ERROR_CORRUPT; the notes start empty.  A file of a newer version is
 * left alone and reported with %XINZHI_NOTES_ERROR_VERSION, and the notes are not
 * writable, so it is never overwritten.
 *
 * Returns: whether the notes loaded (or there were none)
 */
gboolean
xinzhi_notes_load (XinzhiNotes  *self,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  const char *contents;
  gsize length;

  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);

  path = g_file_get_path (self->file);
  remove_leftovers (path);
  bytes = xinzhi_read_file (self->file, XINZHI_NOTES_MAX_SIZE, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      /* Not read, so not known to be damaged: left alone, and never overwritten. */
      self->writable = FALSE;
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_READ,
                   _("%s: %s; new notes are not saved"), path, local_error->message);
      return FALSE;
    }
  contents = g_bytes_get_data (bytes, &length);

  items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, item_free);
  if (!parse (contents, length, items, &local_error))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);
      g_autoptr(GFile) aside_file = g_file_new_for_path (aside);
      g_autoptr(GError) move_error = NULL;
      const char *reason = local_error->message;

      if (g_error_matches (local_error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_VERSION))
        {
          self->writable = FALSE;
          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_VERSION,
                       _("%s: %s; it is left as it is, and new notes are not saved"),
                       path, reason);
          return FALSE;
        }

      if (!g_file_move (self->file, aside_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &move_error))
        {
          /* It could not be kept aside, so it must not be overwritten either. */
          self->writable = FALSE;
          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_CORRUPT,
                       _("%s is damaged (%s) and could not be kept aside (%s); new notes are not saved"),
                       path, reason, move_error->message);
          return FALSE;
        }

      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_CORRUPT,
                   _("%s is damaged (%s); it was kept as %s and the notes start empty"),
                   path, reason, aside);
      return FALSE;
    }

  g_clear_pointer (&self->items, g_hash_table_unref);
  self->items = g_steal_pointer (&items);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * xinzhi_notes_to_json:
 *
 * Returns: (transfer full): the notes as a notes file, items sorted
 */
char *
xinzhi_notes_to_json (XinzhiNotes *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) sorted = g_hash_table_get_values_as_ptr_array (self->items);

  g_return_val_if_fail (XINZHI_IS_NOTES (self), NULL);

  g_ptr_array_sort (sorted, compare_items);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "xinzhi-notes");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, XINZHI_NOTES_FORMAT_VERSION);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sorted->len; i++)
    {
      const Item *item = g_ptr_array_index (sorted, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, item->kind);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, item->id);
      json_builder_set_member_name (builder, "starred");
      json_builder_add_boolean_value (builder, item->starred);
      if (item->note)
        {
          json_builder_set_member_name (builder, "note");
          json_builder_add_string_value (builder, item->note);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * xinzhi_notes_save:
 * @error: why the notes could not be saved
 *
 * Writes the notes atomically: to a temporary file in the same folder, synced to disk,
 * then renamed over the notes file.
 *
 * Returns: whether the notes were saved
 */
gboolean
xinzhi_notes_save (XinzhiNotes  *self,
                   GError      **error)
{
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);

  path = g_file_get_path (self->file);
  if (!self->writable)
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_VERSION,
                   _("%s was not written: it holds notes this version of Xinzhi cannot read"),
                   path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  json = xinzhi_notes_to_json (self);
  if (!g_file_set_contents_full (path, json, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;

  set_dirty (self, FALSE);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  return TRUE;
}

gboolean
xinzhi_notes_get_starred (XinzhiNotes *self,
                          const char  *kind,
                          const char  *id)
{
  Item *item;

  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);

  item = lookup (self, kind, id);
  return item ? item->starred : FALSE;
}

void
xinzhi_notes_set_starred (XinzhiNotes *self,
                          const char  *kind,
                          const char  *id,
                          gboolean     starred)
{
  Item *item;

  g_return_if_fail (XINZHI_IS_NOTES (self));
  g_return_if_fail (g_strv_contains (kinds, kind));
  g_return_if_fail (id != NULL);

  if (xinzhi_notes_get_starred (self, kind, id) == !!starred)
    return;

  item = ensure (self, kind, id);
  item->starred = !!starred;
  drop_if_empty (self, item);
  changed (self);
}

/**
 * xinzhi_notes_get_note:
 *
 * Returns: (nullable): the note on the object, or %NULL
 */
const char *
xinzhi_notes_get_note (XinzhiNotes *self,
                       const char  *kind,
                       const char  *id)
{
  Item *item;

  g_return_val_if_fail (XINZHI_IS_NOTES (self), NULL);

  item = lookup (self, kind, id);
  return item ? item->note : NULL;
}

/**
 * xinzhi_notes_set_note:
 * @note: (nullable): the note; %NULL or empty removes it
 */
void
xinzhi_notes_set_note (XinzhiNotes *self,
                       const char  *kind,
                       const char  *id,
                       const char  *note)
{
  Item *item;

  g_return_if_fail (XINZHI_IS_NOTES (self));
  g_return_if_fail (g_strv_contains (kinds, kind));
  g_return_if_fail (id != NULL);

  if (note != NULL && note[0] == '\0')
    note = NULL;
  if (g_strcmp0 (xinzhi_notes_get_note (self, kind, id), note) == 0)
    return;

  item = ensure (self, kind, id);
  g_free (item->note);
  item->note = g_strdup (note);
  drop_if_empty (self, item);
  changed (self);
}

guint
xinzhi_notes_get_n_items (XinzhiNotes *self)
{
  g_return_val_if_fail (XINZHI_IS_NOTES (self), 0);
  return g_hash_table_size (self->items);
}

/**
 * xinzhi_notes_merge:
 * @other: notes to take in
 *
 * Merges @other into these: an object noted only in @other gains its star and note,
 * and where both note the same object, @other's star and note replace these ones.
 * Objects noted only here keep their stars and notes.
 *
 * Returns: how many objects @other noted
 */
guint
xinzhi_notes_merge (XinzhiNotes *self,
                    XinzhiNotes *other)
{
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (XINZHI_IS_NOTES (self), 0);
  g_return_val_if_fail (XINZHI_IS_NOTES (other), 0);

  g_hash_table_iter_init (&iter, other->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const Item *theirs = value;
      Item *item = ensure (self, theirs->kind, theirs->id);

      item->starred = theirs->starred;
      g_free (item->note);
      item->note = g_strdup (theirs->note);
    }

  if (g_hash_table_size (other->items) > 0)
    changed (self);

  return g_hash_table_size (other->items);
}

/**
 * xinzhi_notes_new_from_import:
 * @file: a notes file chosen to import
 * @cancellable: (nullable): a #GCancellable
 * @error: what is wrong with it, starting with the file's name and the place in it
 *
 * Reads notes to import, strictly: the file is never changed, and the notes it gives
 * are never saved (they are not writable); merge them with xinzhi_notes_merge().
 *
 * Returns: (transfer full) (nullable): the notes in @file
 */
XinzhiNotes *
xinzhi_notes_new_from_import (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(XinzhiNotes) notes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  bytes = xinzhi_read_file (file, XINZHI_NOTES_MAX_SIZE, cancellable, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_READ,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  notes = xinzhi_notes_new (file);
  notes->writable = FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (!parse (data ? data : "", length, notes->items, &local_error))
    {
      g_set_error (error, XINZHI_NOTES_ERROR, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&notes);
}

/**
 * xinzhi_notes_set_autosave:
 * @delay_ms: how long after the last change to save, in milliseconds; 0 for never
 *
 * Saves the notes by themselves, @delay_ms after a change that no other change
 * followed, in the thread-default main context.  A failure is reported with
 * #XinzhiNotes::save-failed.  Call xinzhi_notes_flush() before quitting.
 */
void
xinzhi_notes_set_autosave (XinzhiNotes *self,
                           guint        delay_ms)
{
  g_return_if_fail (XINZHI_IS_NOTES (self));

  self->autosave_delay = delay_ms;
  if (delay_ms == 0)
    g_clear_handle_id (&self->autosave_source, g_source_remove);
}

/**
 * xinzhi_notes_get_dirty:
 *
 * Returns: whether there are changes not saved yet
 */
gboolean
xinzhi_notes_get_dirty (XinzhiNotes *self)
{
  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);
  return self->dirty;
}

/**
 * xinzhi_notes_flush:
 * @error: why the notes could not be saved
 *
 * Saves the changes not saved yet, now, if they may be saved.
 *
 * Returns: whether nothing is left unsaved that could have been saved
 */
gboolean
xinzhi_notes_flush (XinzhiNotes  *self,
                    GError      **error)
{
  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (!self->dirty || !self->writable)
    return TRUE;

  return xinzhi_notes_save (self, error);
}

/**
 * xinzhi_notes_import:
 * @json: a notes file's contents, as written by xinzhi_notes_to_json()
 * @length: its length, or -1
 * @error: why it could not be imported
 *
 * Merges imported notes into these: an imported star or note replaces the one on the
 * same object.  Nothing is changed when @json is not valid.
 *
 * Returns: whether the notes were imported
 */
gboolean
xinzhi_notes_import (XinzhiNotes  *self,
                     const char   *json,
                     gssize        length,
                     GError      **error)
{
  g_autoptr(XinzhiNotes) other = NULL;

  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  other = xinzhi_notes_new (self->file);
  if (!parse (json, length, other->items, error))
    return FALSE;

  xinzhi_notes_merge (self, other);
  return TRUE;
}

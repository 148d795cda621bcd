/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What a person writes in the app: stars and short notes on quotes, events and articles.
 * They live in one versioned JSON file in the user data folder, written atomically
 * (a temporary file, synced, then renamed over the old one), so that the file on disk is
 * always a whole old version or a whole new one, whenever the app dies.  A damaged file
 * is never overwritten: it is kept aside under another name and reported.
 *
 * Two processes may keep notes in the same file: the release and the Devel build, or
 * two sessions of one person.  So a save does not just write what this process holds.
 * Under a lock (flock() on a lock file beside the notes), it reads the file again and
 * merges it item by item with the notes here, three ways, against what this process
 * last read or wrote (the base): an item only the other side changed takes the other
 * side's star and note, or goes if the other side removed it; an item only this side
 * changed keeps this side's; an item both changed takes the newer change, where a
 * change read from the file counts as made when the file was written.  Then it writes
 * the result, still under the lock.
 *
 * The temporary files are named .notes.json.xinzhi-save-XXXXXX, which nothing else
 * writes, and written only under the lock; so one found while holding the lock was
 * left by a save that died, and goes.  No other file is ever removed.
 */
#include "config.h"

/* For O_CLOEXEC, O_NOFOLLOW, flock(), lstat() and st_mtim. */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xinzhi-notes.h"
#include "xinzhi-read.h"
#include "xinzhi-notes-private.h"

/* How long a save waits for another process's save to end, and how long loading waits
 * before it reads the file without the lock (and leaves leftovers for later). */
#define SAVE_LOCK_TIMEOUT_MS 5000
#define LOAD_LOCK_TIMEOUT_MS 1000
/* After a failed save, the next try comes this many autosave delays later. */
#define RETRY_FACTOR 5

G_DEFINE_FINAL_TYPE (XinzhiNotes, xinzhi_notes, G_TYPE_OBJECT)
G_DEFINE_QUARK (xinzhi-notes-error-quark, xinzhi_notes_error)

enum {
  CHANGED,
  SAVE_FAILED,
  KEPT_ASIDE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_DIRTY,
  PROP_SAVE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kinds[] = { "quote", "event", "document", NULL };
static const char * const item_members[] = { "kind", "id", "starred", "note", NULL };
static const char * const top_members[] = { "format", "version", "items", NULL };

static void
set_dirty (XinzhiNotes *self,
           gboolean     dirty)
{
  if (self->dirty == dirty)
    return;

  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

/* Takes @error (or clears the error with %NULL), and says so when that changes. */
static void
set_save_error (XinzhiNotes *self,
                GError      *error)
{
  gboolean same = (error == NULL && self->save_error == NULL) ||
                  (error != NULL && self->save_error != NULL &&
                   g_error_matches (error, self->save_error->domain, self->save_error->code) &&
                   g_str_equal (error->message, self->save_error->message));

  if (same)
    {
      g_clear_error (&error);
      return;
    }

  g_clear_error (&self->save_error);
  self->save_error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
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

Item *
_xinzhi_notes_item_copy (const Item *item)
{
  Item *copy = g_new0 (Item, 1);

  copy->kind = g_strdup (item->kind);
  copy->id = g_strdup (item->id);
  copy->starred = item->starred;
  copy->note = g_strdup (item->note);
  return copy;
}

/* Whether two items (either may be %NULL: not noted) say the same. */
gboolean
_xinzhi_notes_item_equal (const Item *a,
                          const Item *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->starred == b->starred && g_strcmp0 (a->note, b->note) == 0;
}

GHashTable *
_xinzhi_notes_new_items (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, item_free);
}

static GHashTable *
copy_items (GHashTable *items)
{
  GHashTable *copy = _xinzhi_notes_new_items ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), _xinzhi_notes_item_copy (value));

  return copy;
}

static char *
make_key (const char *kind,
          const char *id)
{
  return g_strconcat (kind, "\x1f", id, NULL);
}

/* Marks the item changed here, now, so that a save keeps the change (or weighs it
 * against one made elsewhere to the same item). */
static void
note_change (XinzhiNotes *self,
             const char  *kind,
             const char  *id)
{
  gint64 now = g_get_real_time ();

  g_hash_table_replace (self->changes, make_key (kind, id), g_memdup2 (&now, sizeof now));
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

/* Finds the escape \u0000 in a JSON string of @data (valid UTF-8), and gives its line
 * and column (in characters), both from 1.  json-glib keeps strings as C strings, so it
 * would cut a note short at that character without a word. */
static gboolean
find_nul_escape (const char *data,
                 gsize       length,
                 guint      *line,
                 guint      *column)
{
  gboolean in_string = FALSE;
  const char *line_start = data;

  *line = 1;
  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        {
          (*line)++;
          line_start = data + i + 1;
        }
      else if (c == '"')
        in_string = !in_string;
      else if (c == '\\' && in_string && i + 1 < length)
        {
          if (length - i >= 6 && memcmp (data + i + 1, "u0000", 5) == 0)
            {
              *column = (guint) g_utf8_strlen (line_start, data + i - line_start) + 1;
              return TRUE;
            }
          /* The escaped character, whatever it is, neither ends the string nor starts
           * another escape. */
          i++;
        }
    }

  return FALSE;
}

/* Reads a notes document into @items; nothing is changed when it is not valid.  Every
 * error names the place: line and column for JSON syntax, a JSON path otherwise. */
gboolean
_xinzhi_notes_parse (const char  *data,
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
  guint line, column;

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
  if (find_nul_escape (data, length, &line, &column))
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID,
                   _("%u:%u: “\\u0000” (the NUL character) cannot be kept in notes"),
                   line, column);
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

static gboolean retry_cb (gpointer user_data);

/* A save failed: try again a while later, while there is anything to save. */
static void
schedule_retry (XinzhiNotes *self)
{
  if (self->retry_source != 0 || self->autosave_delay == 0 || !self->dirty)
    return;

  self->retry_source = g_timeout_add (self->autosave_delay * RETRY_FACTOR, retry_cb, self);
}

static gboolean
autosave_cb (gpointer user_data)
{
  XinzhiNotes *self = user_data;
  g_autoptr(GError) error = NULL;

  self->autosave_source = 0;
  if (!xinzhi_notes_save (self, &error))
    {
      g_signal_emit (self, signals[SAVE_FAILED], 0, error);
      schedule_retry (self);
    }

  return G_SOURCE_REMOVE;
}

static gboolean
retry_cb (gpointer user_data)
{
  XinzhiNotes *self = user_data;

  self->retry_source = 0;
  return autosave_cb (self);
}

/* Something changed: tell the views, and save soon when autosaving. */
void
_xinzhi_notes_changed (XinzhiNotes *self)
{
  set_dirty (self, TRUE);
  if (self->autosave_delay > 0 && !self->read_only)
    {
      g_clear_handle_id (&self->autosave_source, g_source_remove);
      g_clear_handle_id (&self->retry_source, g_source_remove);
      self->autosave_source = g_timeout_add (self->autosave_delay, autosave_cb, self);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
xinzhi_notes_dispose (GObject *object)
{
  XinzhiNotes *self = XINZHI_NOTES (object);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (xinzhi_notes_parent_class)->dispose (object);
}

static void
xinzhi_notes_finalize (GObject *object)
{
  XinzhiNotes *self = XINZHI_NOTES (object);

  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->base, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_error (&self->save_error);

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
    case PROP_SAVE_ERROR:
      g_value_set_boxed (value, self->save_error);
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

  /**
   * XinzhiNotes:save-error:
   *
   * Why the notes are not being saved (the file and the reason), or %NULL while they
   * are.  Set when loading finds a file that must not be written over, or when a save
   * fails; cleared when a save works.
   */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_boxed ("save-error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XinzhiNotes::changed:
   *
   * A star or a note was set, or notes were loaded, imported or merged with the file.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * XinzhiNotes::save-failed:
   * @error: why, with the file's name
   *
   * Saving by itself (xinzhi_notes_set_autosave()) failed; the notes are still in
   * memory, and saving is tried again with the next change and a while later.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * XinzhiNotes::kept-aside:
   * @error: what was damaged, why, and where it is kept
   *
   * A save found the notes file damaged (by something other than Xinzhi), kept it
   * aside as FILE.damaged-DATE, and wrote the notes in its place.
   */
  signals[KEPT_ASIDE] =
    g_signal_new ("kept-aside", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
xinzhi_notes_init (XinzhiNotes *self)
{
  self->items = _xinzhi_notes_new_items ();
  self->base = _xinzhi_notes_new_items ();
  self->changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
 * Returns: %FALSE for notes that are never saved (imported ones), and while the notes
 *   file is one that must not be written over (see #XinzhiNotes:save-error)
 */
gboolean
xinzhi_notes_get_writable (XinzhiNotes *self)
{
  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);
  return !self->read_only && self->save_error == NULL;
}

/**
 * xinzhi_notes_get_save_error:
 *
 * Returns: (nullable): why the notes are not being saved, naming the file, or %NULL
 */
const GError *
xinzhi_notes_get_save_error (XinzhiNotes *self)
{
  g_return_val_if_fail (XINZHI_IS_NOTES (self), NULL);
  return self->save_error;
}

/**
 * xinzhi_notes_load:
 * @error: why the notes could not be loaded
 *
 * Loads the notes file, and removes the temporary files of saves that a crash cut
 * short.  A missing file is no notes.  A damaged file is renamed to
 * FILE.damaged-DATE, kept for the person to look at, and reported with
 * %XINZHI_NOTES_ERROR_CORRUPT; the notes start empty.  A file that cannot be read, or
 * is of a newer version, is left alone and reported with %XINZHI_NOTES_ERROR_READ or
 * %XINZHI_NOTES_ERROR_VERSION; it is never written over, and saves fail (see
 * #XinzhiNotes:save-error) until it can be read as notes again.
 *
 * Returns: whether the notes loaded (or there were none)
 */
gboolean
xinzhi_notes_load (XinzhiNotes  *self,
                   GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) aside = NULL;
  g_autoptr(GHashTable) items = NULL;
  g_autofree char *path = NULL;
  gint64 written;
  gboolean ok;
  int lock;

  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);

  path = g_file_get_path (self->file);
  /* Without the lock (a folder that cannot be written, or another process saving for
   * long), the file is still read: it is always whole. */
  lock = _xinzhi_notes_lock_notes (path, LOAD_LOCK_TIMEOUT_MS, NULL);
  if (lock >= 0)
    _xinzhi_notes_remove_leftovers (path);
  ok = _xinzhi_notes_read_disk (self, path, &items, &written, &aside, &local_error);
  if (lock >= 0)
    _xinzhi_notes_unlock_notes (path, lock);

  if (!ok)
    {
      set_save_error (self, g_error_copy (local_error));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_hash_table_remove_all (self->changes);
  set_dirty (self, FALSE);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->base, g_hash_table_unref);
  self->items = items ? g_steal_pointer (&items) : _xinzhi_notes_new_items ();
  self->base = copy_items (self->items);
  set_save_error (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);

  if (aside != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&aside));
      return FALSE;
    }
  return TRUE;
}

char *
_xinzhi_notes_items_to_json (GHashTable *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) sorted = g_hash_table_get_values_as_ptr_array (items);

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
 * xinzhi_notes_to_json:
 *
 * Returns: (transfer full): the notes as a notes file, items sorted
 */
char *
xinzhi_notes_to_json (XinzhiNotes *self)
{
  g_return_val_if_fail (XINZHI_IS_NOTES (self), NULL);

  return _xinzhi_notes_items_to_json (self->items);
}

/**
 * xinzhi_notes_save:
 * @error: why the notes could not be saved, naming the file
 *
 * Merges the notes with what the file holds now (another process may have saved
 * since) and writes the result atomically: to a temporary file in the same folder,
 * synced to disk, then renamed over the notes file; all under a lock that other
 * processes saving these notes respect.  Notes that would make a file larger than
 * %XINZHI_NOTES_MAX_SIZE are not written.  A file that cannot be read, or is of a newer
 * version, is not written over.  On success the notes here are the merged ones.
 *
 * Returns: whether the notes were saved
 */
gboolean
xinzhi_notes_save (XinzhiNotes  *self,
                   GError      **error)
{
  g_autoptr(GHashTable) theirs = NULL;
  g_autoptr(GHashTable) merged = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) aside = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  gboolean changed_here;
  gint64 written;
  int lock;

  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);

  path = g_file_get_path (self->file);
  if (self->read_only)
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_WRITE,
                   _("%s was not written: imported notes are only merged, never saved"),
                   path);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      local_error = g_error_new (XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_WRITE,
                                 "%s: %s", dir, g_strerror (saved_errno));
      goto failed;
    }

  lock = _xinzhi_notes_lock_notes (path, SAVE_LOCK_TIMEOUT_MS, &local_error);
  if (lock < 0)
    goto failed;

  if (_xinzhi_notes_read_disk (self, path, &theirs, &written, &aside, &local_error))
    {
      merged = _xinzhi_notes_merge_with_disk (self, theirs, written);
      json = _xinzhi_notes_serialize (merged, path, &local_error);
      if (json != NULL && !_xinzhi_notes_write_atomically (path, json, &local_error))
        g_clear_pointer (&json, g_free);
    }
  _xinzhi_notes_unlock_notes (path, lock);

  if (aside != NULL)
    g_signal_emit (self, signals[KEPT_ASIDE], 0, aside);
  if (json == NULL)
    goto failed;

  /* What was written is what there is, here too. */
  changed_here = _xinzhi_notes_take_merged (self, merged);
  g_clear_pointer (&self->base, g_hash_table_unref);
  self->base = g_steal_pointer (&merged);
  g_hash_table_remove_all (self->changes);
  set_dirty (self, FALSE);
  set_save_error (self, NULL);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (changed_here)
    g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;

failed:
  set_save_error (self, g_error_copy (local_error));
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
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
  note_change (self, kind, id);
  _xinzhi_notes_changed (self);
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
  note_change (self, kind, id);
  _xinzhi_notes_changed (self);
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
      note_change (self, theirs->kind, theirs->id);
    }

  if (g_hash_table_size (other->items) > 0)
    _xinzhi_notes_changed (self);

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
  notes->read_only = TRUE;
  data = g_bytes_get_data (bytes, &length);
  if (!_xinzhi_notes_parse (data ? data : "", length, notes->items, &local_error))
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
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (!self->dirty)
    return TRUE;

  return xinzhi_notes_save (self, error);
}

/**
 * xinzhi_notes_export:
 * @file: where to write the notes
 * @error: why they were not written, naming the file
 *
 * Writes the notes to @file as a notes file, which xinzhi_notes_new_from_import()
 * reads; notes that would make a file larger than %XINZHI_NOTES_MAX_SIZE are not
 * written.
 *
 * Returns: whether the notes were written
 */
gboolean
xinzhi_notes_export (XinzhiNotes  *self,
                     GFile        *file,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (XINZHI_IS_NOTES (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_parse_name (file);
  json = _xinzhi_notes_serialize (self->items, name, error);
  if (json == NULL)
    return FALSE;

  if (!g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_WRITE,
                   "%s: %s", name, local_error->message);
      return FALSE;
    }

  return TRUE;
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
  if (!_xinzhi_notes_parse (json, length, other->items, error))
    return FALSE;

  xinzhi_notes_merge (self, other);
  return TRUE;
}

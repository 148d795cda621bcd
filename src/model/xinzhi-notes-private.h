/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the notes (xinzhi-notes.c: the items, parsing, the GObject and its API) and
 * their file (xinzhi-notes-file.c: locking, reading again, merging, writing) share.
 * Private to the two: nothing else includes it, and nothing is installed.  Each calls
 * the other's functions, prefixed _xinzhi_notes_; every other helper stays static in
 * its file. */

#include <gio/gio.h>

#include "xinzhi-notes.h"

G_BEGIN_DECLS

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
  GHashTable *items;     /* "kind\x1fid" → Item *: the notes as they are here */
  GHashTable *base;      /* "kind\x1fid" → Item *: as last read from the file or written */
  GHashTable *changes;   /* "kind\x1fid" → gint64 *: when changed here since then, real time */
  gboolean    read_only; /* imported notes: never saved */
  GError     *save_error;  /* why the notes are not being saved, or NULL */

  guint       autosave_delay;  /* in milliseconds; 0: no autosave */
  guint       autosave_source;
  guint       retry_source;
  gboolean    dirty;           /* changed since the last save */
};

Item *
_xinzhi_notes_item_copy (const Item *item);

gboolean
_xinzhi_notes_item_equal (const Item *a,
                          const Item *b);

GHashTable *
_xinzhi_notes_new_items (void);

gboolean
_xinzhi_notes_parse (const char  *data,
                     gssize       length,
                     GHashTable  *items,
                     GError     **error);

int
_xinzhi_notes_lock_notes (const char  *path,
                          guint        timeout_ms,
                          GError     **error);

void
_xinzhi_notes_unlock_notes (const char *path,
                            int         fd);

void
_xinzhi_notes_remove_leftovers (const char *path);

gboolean
_xinzhi_notes_read_disk (XinzhiNotes  *self,
                         const char   *path,
                         GHashTable  **items,
                         gint64       *written,
                         GError      **aside,
                         GError      **error);

GHashTable *
_xinzhi_notes_merge_with_disk (XinzhiNotes *self,
                               GHashTable  *theirs,
                               gint64       written);

gboolean
_xinzhi_notes_take_merged (XinzhiNotes *self,
                           GHashTable  *merged);

char *
_xinzhi_notes_serialize (GHashTable  *items,
                         const char  *name,
                         GError     **error);

gboolean
_xinzhi_notes_write_atomically (const char  *path,
                                const char  *json,
                                GError     **error);

void
_xinzhi_notes_changed (XinzhiNotes *self);

char *
_xinzhi_notes_items_to_json (GHashTable *items);

G_END_DECLS

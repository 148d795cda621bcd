/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XINZHI_NOTES_FORMAT_VERSION 1
/* The largest notes file, in bytes: one limit for reading and for writing, so that
 * notes once saved are always read again. */
#define XINZHI_NOTES_MAX_SIZE ((gsize) 16 * 1024 * 1024)
/* The longest note the note editor takes, in characters. */
#define XINZHI_NOTES_MAX_NOTE_LENGTH 10000
#define XINZHI_NOTES_ERROR (xinzhi_notes_error_quark ())

/**
 * XinzhiNotesError:
 * @XINZHI_NOTES_ERROR_CORRUPT: the notes file is damaged; it was kept aside
 * @XINZHI_NOTES_ERROR_VERSION: the notes file is of a newer version; it was left alone
 * @XINZHI_NOTES_ERROR_INVALID: notes to import are not a Xinzhi notes file
 * @XINZHI_NOTES_ERROR_READ: the notes file could not be read; it was left alone
 * @XINZHI_NOTES_ERROR_WRITE: the notes could not be written
 * @XINZHI_NOTES_ERROR_TOO_LARGE: the notes would make a file larger than
 *   %XINZHI_NOTES_MAX_SIZE; nothing was written
 * @XINZHI_NOTES_ERROR_BUSY: another process kept the notes file locked too long
 */
typedef enum
{
  XINZHI_NOTES_ERROR_CORRUPT,
  XINZHI_NOTES_ERROR_VERSION,
  XINZHI_NOTES_ERROR_INVALID,
  XINZHI_NOTES_ERROR_READ,
  XINZHI_NOTES_ERROR_WRITE,
  XINZHI_NOTES_ERROR_TOO_LARGE,
  XINZHI_NOTES_ERROR_BUSY,
} XinzhiNotesError;

#define XINZHI_TYPE_NOTES (xinzhi_notes_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiNotes, xinzhi_notes, XINZHI, NOTES, GObject)

GQuark       xinzhi_notes_error_quark (void);

XinzhiNotes *xinzhi_notes_new         (GFile        *file);
GFile       *xinzhi_notes_get_file    (XinzhiNotes  *self);
gboolean     xinzhi_notes_get_writable (XinzhiNotes *self);
gboolean     xinzhi_notes_load        (XinzhiNotes  *self,
                                       GError      **error);
gboolean     xinzhi_notes_save        (XinzhiNotes  *self,
                                       GError      **error);
gboolean     xinzhi_notes_get_starred (XinzhiNotes  *self,
                                       const char   *kind,
                                       const char   *id);
void         xinzhi_notes_set_starred (XinzhiNotes  *self,
                                       const char   *kind,
                                       const char   *id,
                                       gboolean      starred);
const char  *xinzhi_notes_get_note    (XinzhiNotes  *self,
                                       const char   *kind,
                                       const char   *id);
void         xinzhi_notes_set_note    (XinzhiNotes  *self,
                                       const char   *kind,
                                       const char   *id,
                                       const char   *note);
guint        xinzhi_notes_get_n_items (XinzhiNotes  *self);
char        *xinzhi_notes_to_json     (XinzhiNotes  *self);
gboolean     xinzhi_notes_import      (XinzhiNotes  *self,
                                       const char   *json,
                                       gssize        length,
                                       GError      **error);
XinzhiNotes *xinzhi_notes_new_from_import (GFile        *file,
                                           GCancellable *cancellable,
                                           GError      **error);
guint        xinzhi_notes_merge       (XinzhiNotes  *self,
                                       XinzhiNotes  *other);
void         xinzhi_notes_set_autosave (XinzhiNotes *self,
                                        guint        delay_ms);
gboolean     xinzhi_notes_get_dirty   (XinzhiNotes  *self);
const GError *xinzhi_notes_get_save_error (XinzhiNotes *self);
gboolean     xinzhi_notes_flush       (XinzhiNotes  *self,
                                       GError      **error);
gboolean     xinzhi_notes_export      (XinzhiNotes  *self,
                                       GFile        *file,
                                       GError      **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-notes.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_NOTE_EDITOR (xinzhi_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiNoteEditor, xinzhi_note_editor, XINZHI, NOTE_EDITOR, GtkWidget)

XinzhiNotes *xinzhi_note_editor_get_notes    (XinzhiNoteEditor *self);
gboolean     xinzhi_note_editor_get_can_star (XinzhiNoteEditor *self);
void         xinzhi_note_editor_set_notes    (XinzhiNoteEditor *self,
                                              XinzhiNotes      *notes);
void         xinzhi_note_editor_set_can_star (XinzhiNoteEditor *self,
                                              gboolean          can_star);
void         xinzhi_note_editor_set_item     (XinzhiNoteEditor *self,
                                              const char       *kind,
                                              const char       *id);

G_END_DECLS

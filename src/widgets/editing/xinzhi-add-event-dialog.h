/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-corpus-edit.h"
#include "xinzhi-document.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_ADD_EVENT_DIALOG (xinzhi_add_event_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiAddEventDialog, xinzhi_add_event_dialog, XINZHI, ADD_EVENT_DIALOG, AdwDialog)

AdwDialog *xinzhi_add_event_dialog_new       (XinzhiDocument       *document,
                                              guint                 paragraph,
                                              const char           *sentence,
                                              const XinzhiDate     *date,
                                              const char           *date_words,
                                              const char           *date_note);
void       xinzhi_add_event_dialog_get_draft (XinzhiAddEventDialog *self,
                                              XinzhiEventDraft     *draft);

G_END_DECLS

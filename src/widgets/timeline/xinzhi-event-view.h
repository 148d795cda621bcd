/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xinzhi-event.h"
#include "xinzhi-notes.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_EVENT_VIEW (xinzhi_event_view_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiEventView, xinzhi_event_view, XINZHI, EVENT_VIEW, GtkWidget)

XinzhiEvent *xinzhi_event_view_get_event         (XinzhiEventView *self);
void         xinzhi_event_view_set_event         (XinzhiEventView *self,
                                                  XinzhiEvent     *event);
void         xinzhi_event_view_set_editable      (XinzhiEventView *self,
                                                  gboolean         editable);
gboolean     xinzhi_event_view_get_reviewed_only (XinzhiEventView *self);
void         xinzhi_event_view_set_reviewed_only (XinzhiEventView *self,
                                                  gboolean         reviewed_only);
void         xinzhi_event_view_set_notes         (XinzhiEventView *self,
                                                  XinzhiNotes     *notes);

G_END_DECLS

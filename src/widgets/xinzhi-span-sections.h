/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xinzhi-filter.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_SPAN_SECTIONS (xinzhi_span_sections_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSpanSections, xinzhi_span_sections, XINZHI, SPAN_SECTIONS, GObject)

XinzhiSpanSections *xinzhi_span_sections_new            (GtkListView        *list_view);
GtkFilter          *xinzhi_span_sections_get_filter     (XinzhiSpanSections *self);
guint               xinzhi_span_sections_get_n_possibly (XinzhiSpanSections *self);
void                xinzhi_span_sections_finish         (XinzhiSpanSections *self);
void                xinzhi_span_sections_set_filter     (XinzhiSpanSections *self,
                                                         XinzhiFilter       *filter);
void                xinzhi_span_sections_sort           (XinzhiSpanSections *self);
void                xinzhi_span_sections_update         (XinzhiSpanSections *self);
void                xinzhi_span_sections_scroll_to      (XinzhiSpanSections *self,
                                                         guint               position,
                                                         GtkListScrollFlags  flags);
void                xinzhi_span_sections_bind_row       (XinzhiSpanSections *self,
                                                         GtkListItem        *list_item);
void                xinzhi_span_sections_unbind_row     (XinzhiSpanSections *self,
                                                         GtkListItem        *list_item);

G_END_DECLS

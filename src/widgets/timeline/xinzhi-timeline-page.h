/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"
#include "xinzhi-notes.h"
#include "xinzhi-timeline.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_TIMELINE_PAGE (xinzhi_timeline_page_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiTimelinePage, xinzhi_timeline_page, XINZHI, TIMELINE_PAGE, GtkWidget)

XinzhiTimeline *xinzhi_timeline_page_get_timeline   (XinzhiTimelinePage *self);
GtkSelectionModel *xinzhi_timeline_page_get_selection (XinzhiTimelinePage *self);
gboolean        xinzhi_timeline_page_get_collapsed  (XinzhiTimelinePage *self);
void            xinzhi_timeline_page_set_collapsed  (XinzhiTimelinePage *self,
                                                     gboolean            collapsed);
void            xinzhi_timeline_page_set_corpus     (XinzhiTimelinePage *self,
                                                     XinzhiCorpus       *corpus);
void            xinzhi_timeline_page_set_notes      (XinzhiTimelinePage *self,
                                                     XinzhiNotes        *notes);
void            xinzhi_timeline_page_set_editable   (XinzhiTimelinePage *self,
                                                     gboolean            editable);
void            xinzhi_timeline_page_select_event   (XinzhiTimelinePage *self,
                                                     XinzhiEvent        *event);
gboolean        xinzhi_timeline_page_export        (XinzhiTimelinePage *self,
                                                     GFile              *file,
                                                     GError            **error);
void            xinzhi_timeline_page_set_sector_filter (XinzhiTimelinePage *self,
                                                        XinzhiSector       *sector);
XinzhiFilter   *xinzhi_timeline_page_get_filter     (XinzhiTimelinePage *self);
void            xinzhi_timeline_page_set_filter     (XinzhiTimelinePage *self,
                                                     XinzhiFilter       *filter);

G_END_DECLS

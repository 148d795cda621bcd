/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"
#include "xinzhi-span-count.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_SECTOR_VIEW (xinzhi_sector_view_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSectorView, xinzhi_sector_view, XINZHI, SECTOR_VIEW, GtkWidget)

XinzhiSector *xinzhi_sector_view_get_sector          (XinzhiSectorView      *self);
void          xinzhi_sector_view_set_corpus          (XinzhiSectorView      *self,
                                                      XinzhiCorpus          *corpus);
void          xinzhi_sector_view_set_editable        (XinzhiSectorView      *self,
                                                      gboolean               editable);
void          xinzhi_sector_view_set_filter          (XinzhiSectorView      *self,
                                                      XinzhiFilter          *filter);
void          xinzhi_sector_view_show                (XinzhiSectorView      *self,
                                                      XinzhiSector          *sector,
                                                      const XinzhiSpanCount *count);
void          xinzhi_sector_view_follow_span         (XinzhiSectorView      *self);
void          xinzhi_sector_view_scroll_to_document  (XinzhiSectorView      *self,
                                                      XinzhiDocument        *document);
void          xinzhi_sector_view_stop_scrolling      (XinzhiSectorView      *self);

G_END_DECLS

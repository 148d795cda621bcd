/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_SECTOR_HEATMAP (xinzhi_sector_heatmap_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSectorHeatmap, xinzhi_sector_heatmap, XINZHI, SECTOR_HEATMAP, GtkWidget)

GtkWidget  *xinzhi_sector_heatmap_new           (void);
GListModel *xinzhi_sector_heatmap_get_sectors   (XinzhiSectorHeatmap *self);
GListModel *xinzhi_sector_heatmap_get_documents (XinzhiSectorHeatmap *self);
guint       xinzhi_sector_heatmap_get_count     (XinzhiSectorHeatmap *self,
                                                 XinzhiSector        *sector,
                                                 XinzhiDocument      *document);
XinzhiSpanMatch xinzhi_sector_heatmap_get_span_match (XinzhiSectorHeatmap *self,
                                                 XinzhiDocument      *document);
void        xinzhi_sector_heatmap_set_filter    (XinzhiSectorHeatmap *self,
                                                 XinzhiFilter        *filter);
void        xinzhi_sector_heatmap_set_sectors   (XinzhiSectorHeatmap *self,
                                                 GListModel          *sectors);
void        xinzhi_sector_heatmap_set_documents (XinzhiSectorHeatmap *self,
                                                 GListModel          *documents);
void        xinzhi_sector_heatmap_set_cursor    (XinzhiSectorHeatmap *self,
                                                 XinzhiSector        *sector,
                                                 XinzhiDocument      *document);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_SECTOR_CHART (xinzhi_sector_chart_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSectorChart, xinzhi_sector_chart, XINZHI, SECTOR_CHART, GtkWidget)

GtkWidget    *xinzhi_sector_chart_new        (void);
XinzhiCorpus *xinzhi_sector_chart_get_corpus (XinzhiSectorChart *self);
XinzhiSector *xinzhi_sector_chart_get_sector (XinzhiSectorChart *self);
XinzhiFilter *xinzhi_sector_chart_get_filter (XinzhiSectorChart *self);
void          xinzhi_sector_chart_get_counts (XinzhiSectorChart *self,
                                              guint             *n_mentions,
                                              guint             *n_possibly);
char         *xinzhi_sector_chart_dup_note   (XinzhiSectorChart *self);
void          xinzhi_sector_chart_set_corpus (XinzhiSectorChart *self,
                                              XinzhiCorpus      *corpus);
void          xinzhi_sector_chart_set_sector (XinzhiSectorChart *self,
                                              XinzhiSector      *sector);
void          xinzhi_sector_chart_set_filter (XinzhiSectorChart *self,
                                              XinzhiFilter      *filter);

G_END_DECLS

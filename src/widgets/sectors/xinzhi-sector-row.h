/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-sector.h"
#include "xinzhi-span-count.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_SECTOR_ROW (xinzhi_sector_row_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSectorRow, xinzhi_sector_row, XINZHI, SECTOR_ROW, AdwBin)

GtkWidget    *xinzhi_sector_row_new                   (void);
XinzhiSector *xinzhi_sector_row_get_sector            (XinzhiSectorRow *self);
char         *xinzhi_sector_row_dup_accessible_label  (XinzhiSectorRow *self);
void          xinzhi_sector_row_set_sector            (XinzhiSectorRow *self,
                                                       XinzhiSector    *sector);
void          xinzhi_sector_row_set_span_count        (XinzhiSectorRow       *self,
                                                       const XinzhiSpanCount *count);
char         *xinzhi_sector_row_format_counts         (XinzhiSector    *sector);
char         *xinzhi_sector_row_format_span_count     (const XinzhiSpanCount *count);

G_END_DECLS

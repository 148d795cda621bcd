/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What XinzhiSectorHeatmap (xinzhi-sector-heatmap.c: model, layout, input,
 * accessibility) and its drawing (xinzhi-sector-heatmap-draw.c) share.  Private to the
 * two: nothing else includes it.  The drawing calls the layout's functions, prefixed
 * _xinzhi_sector_heatmap_; every other helper stays static in its file. */

#include <gtk/gtk.h>

#include "xinzhi-sector-heatmap.h"

G_BEGIN_DECLS

#define PADDING 6
#define CELL_HEIGHT 30
#define CELL_GAP 2
#define GROUP_HEIGHT 34
#define MIN_COLUMN_WIDTH 56
#define MAX_COLUMN_WIDTH 96
#define MIN_ROW_HEADER_WIDTH 120
#define MAX_ROW_HEADER_WIDTH 240
#define N_LEVELS 5

typedef struct
{
  int           y;
  int           height;
  int           row;     /* index into rows, or -1 for a group's heading */
  XinzhiSector *sector;  /* borrowed: the row's sector, or the group's first */
} Entry;

typedef enum
{
  HIT_NONE,
  HIT_CELL,
  HIT_ROW_HEADER,
  HIT_COLUMN_HEADER,
} HitKind;

struct _XinzhiSectorHeatmap
{
  GtkWidget      parent_instance;

  /* Owned */
  GListModel    *sectors;
  GListModel    *documents;
  GPtrArray     *rows;        /* of XinzhiSector */
  GPtrArray     *columns;     /* of XinzhiDocument, by date */
  GHashTable    *column_of;   /* XinzhiDocument → its column + 1 */
  GArray        *entries;     /* of Entry, top to bottom */
  GArray        *row_entries; /* of guint: the entry of each row */
  guint         *counts;      /* row × column */
  guint          max_count;
  XinzhiFilter  *filter;
  guint8        *column_matches; /* per column, its XinzhiSpanMatch; NULL until needed */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;

  /* Layout, in pixels; valid while layout_valid */
  gboolean       layout_valid;
  int            row_header_natural;
  int            row_header_width;   /* as allocated: narrower on narrow windows */
  int            column_width;
  int            header_height;
  int            body_height;

  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  int            cursor_row;
  int            cursor_column;
  int            hover_row;
  int            hover_column;
};

guint
_xinzhi_sector_heatmap_n_columns (XinzhiSectorHeatmap *self);

void
_xinzhi_sector_heatmap_ensure_counts (XinzhiSectorHeatmap *self);

XinzhiSpanMatch
_xinzhi_sector_heatmap_get_column_match (XinzhiSectorHeatmap *self,
                                         guint                column);

guint
_xinzhi_sector_heatmap_get_cell (XinzhiSectorHeatmap *self,
                                 guint                row,
                                 guint                column);

char *
_xinzhi_sector_heatmap_format_short_date (XinzhiDocument *document);

const char *
_xinzhi_sector_heatmap_get_column_label (XinzhiDocument *document,
                                         gboolean       *is_outlet);

PangoLayout *
_xinzhi_sector_heatmap_create_layout (XinzhiSectorHeatmap *self,
                                      const char          *text,
                                      gboolean             caption,
                                      gboolean             bold);

PangoLayout *
_xinzhi_sector_heatmap_create_name_layout (XinzhiSectorHeatmap *self,
                                           const char          *name,
                                           const char          *name_zh,
                                           gboolean             bold,
                                           double               dim_alpha);

PangoLayout *
_xinzhi_sector_heatmap_create_header_layout (XinzhiSectorHeatmap *self,
                                             const char          *text,
                                             gboolean             bold,
                                             int                  width);

void
_xinzhi_sector_heatmap_ensure_layout (XinzhiSectorHeatmap *self);

double
_xinzhi_sector_heatmap_get_offset (GtkAdjustment *adjustment);

void
_xinzhi_sector_heatmap_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot);

G_END_DECLS

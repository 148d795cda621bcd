/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* XinzhiSectorView's instance struct, for the tests that look at its lists and the
 * models behind them (tests/test-sectors.c); nothing under src/ but its own file
 * includes it. */

#include <adwaita.h>

#include "xinzhi-paced-list.h"
#include "xinzhi-sector-chart.h"
#include "xinzhi-sector-view.h"

G_BEGIN_DECLS

struct _XinzhiSectorView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkScrolledWindow  *detail_scroll;
  GtkLabel           *group_label;
  GtkLabel           *name_label;
  GtkLabel           *name_zh_label;
  GtkLabel           *summary_label;
  GtkButton          *filter_button;
  AdwWrapBox         *terms_box;
  XinzhiSectorChart  *chart;
  GtkLabel           *chart_note_label;
  GtkLabel           *mentions_count_label;
  GtkListBox         *mentions_list;
  GtkButton          *more_mentions_button;
  GtkWidget          *events_box;
  GtkListBox         *events_list;
  GtkWidget          *quotes_box;
  GtkListBox         *quotes_list;

  /* Owned */
  XinzhiSector       *sector;
  XinzhiFilter       *filter;            /* its span and Reviewed Only narrow the lists */
  GtkFilterListModel *events;
  GtkFilterListModel *quotes;
  GtkSortListModel   *events_shown;      /* those, in the order the lists show them */
  GtkSortListModel   *quotes_shown;
  GtkSliceListModel  *mention_slice;
  XinzhiPacedList    *events_paced;      /* each list box's rows, made a batch a frame */
  XinzhiPacedList    *quotes_paced;
  XinzhiPacedList    *mentions_paced;
  GtkFilterListModel *mentions_in;       /* the sector's mentions in the span */
  GtkFilterListModel *mentions_possibly; /* and those possibly in it, after them */
  GtkSorter          *events_sorter;
  GtkSorter          *quotes_sorter;
  XinzhiDocument     *scroll_document;

  guint               scroll_tick;
  guint               scroll_frames;
  gboolean            editable;          /* the corpus shown is one a person owns */
};

G_END_DECLS

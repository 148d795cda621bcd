/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The Sectors view's files share its instance struct through this header, as the
 * window's do (xinzhi-window-private.h): xinzhi-sectors-page.c (the list of sectors, its
 * sort orders and its counts against the span, the selected sector's header and chart,
 * the heat map, the properties and the public API) and xinzhi-sectors-page-lists.c (the
 * selected sector's lists: its mentions in context, its events and its quotes, with
 * what is only possibly in the span after the rest, and scrolling to an article's
 * mention).  One class, two files: nothing outside them includes it. */

#include <adwaita.h>

#include "xinzhi-filter.h"
#include "xinzhi-notes.h"
#include "xinzhi-sector-chart.h"
#include "xinzhi-sector-heatmap.h"
#include "xinzhi-sectors-page.h"

G_BEGIN_DECLS

struct _XinzhiSectorsPage
{
  GtkWidget               parent_instance;

  /* Template widgets */
  AdwNavigationSplitView *split_view;
  GtkStack               *sidebar_stack;
  GtkListView            *list_view;
  GtkSingleSelection     *selection;
  GtkSortListModel       *sort_model;
  GtkRevealer            *span_revealer;
  GtkLabel               *span_label;
  GtkLabel               *heatmap_span_label;
  GtkMenuButton          *sort_button;
  AdwButtonContent       *sort_content;
  AdwNavigationPage      *content_page;
  GtkStack               *content_stack;
  GtkScrolledWindow      *detail_scroll;
  GtkLabel               *group_label;
  GtkLabel               *name_label;
  GtkLabel               *name_zh_label;
  GtkLabel               *summary_label;
  GtkButton              *filter_button;
  AdwWrapBox             *terms_box;
  XinzhiSectorChart      *chart;
  GtkLabel               *chart_note_label;
  GtkLabel               *mentions_count_label;
  GtkListBox             *mentions_list;
  GtkButton              *more_mentions_button;
  GtkWidget              *events_box;
  GtkListBox             *events_list;
  GtkWidget              *quotes_box;
  GtkListBox             *quotes_list;
  XinzhiSectorHeatmap    *heatmap;

  /* Owned */
  XinzhiCorpus           *corpus;
  XinzhiFilter           *filter;          /* its span narrows the view; its values do not */
  XinzhiNotes            *notes;           /* held for the window: nothing here is noted */
  GtkCustomSorter        *sorter;
  GtkFilterListModel     *events;
  GtkFilterListModel     *quotes;
  GtkSortListModel       *events_shown;      /* those, in the order the lists show them */
  GtkSortListModel       *quotes_shown;
  GtkSliceListModel      *mention_slice;
  GtkFilterListModel     *mentions_in;       /* the sector's mentions in the span */
  GtkFilterListModel     *mentions_possibly; /* and those possibly in it, after them */
  GtkSorter              *events_sorter;
  GtkSorter              *quotes_sorter;
  GHashTable             *span_counts;       /* XinzhiSector → XinzhiSpanCount; NULL without a span */
  GHashTable             *bound_rows;        /* GtkListItem → the XinzhiSectorRow it shows */
  char                   *sort_by;
  XinzhiDocument         *scroll_document;

  guint                   scroll_tick;
  guint                   scroll_frames;
  guint                   n_fills;
  gboolean                show_heatmap;
};

/* ---- xinzhi-sectors-page-lists.c ---------------------------------------------------- */

void _xinzhi_sectors_page_class_lists_init    (GtkWidgetClass    *widget_class);
void _xinzhi_sectors_page_lists_init          (XinzhiSectorsPage *self);
void _xinzhi_sectors_page_fill_lists          (XinzhiSectorsPage *self,
                                               XinzhiSector      *sector);
void _xinzhi_sectors_page_lists_follow_span   (XinzhiSectorsPage *self);
void _xinzhi_sectors_page_stop_scrolling      (XinzhiSectorsPage *self);
void _xinzhi_sectors_page_scroll_to_document  (XinzhiSectorsPage *self,
                                               XinzhiDocument    *document);

G_END_DECLS

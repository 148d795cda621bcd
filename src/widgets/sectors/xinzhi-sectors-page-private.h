/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The Sectors view's instance struct, for the tests that look at its list and its
 * counts (tests/test-sectors.c); nothing under src/ but xinzhi-sectors-page.c includes
 * it.  The selected sector's pane is an XinzhiSectorView (xinzhi-sector-view-private.h
 * for its own). */

#include <adwaita.h>

#include "xinzhi-filter.h"
#include "xinzhi-notes.h"
#include "xinzhi-paced-list.h"
#include "xinzhi-sector-heatmap.h"
#include "xinzhi-sector-view.h"
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
  XinzhiPacedList        *paced;        /* between the selection and @sort_model */
  GtkRevealer            *span_revealer;
  GtkLabel               *span_label;
  GtkLabel               *heatmap_span_label;
  GtkMenuButton          *sort_button;
  AdwButtonContent       *sort_content;
  AdwNavigationPage      *content_page;
  GtkStack               *content_stack;
  XinzhiSectorView       *sector_view;
  XinzhiSectorHeatmap    *heatmap;

  /* Owned */
  XinzhiCorpus           *corpus;
  XinzhiFilter           *filter;          /* its span narrows the view; its values do not */
  XinzhiNotes            *notes;           /* held for the window: nothing here is noted */
  GtkCustomSorter        *sorter;
  GHashTable             *span_counts;       /* XinzhiSector → XinzhiSpanCount; NULL without a span */
  GHashTable             *bound_rows;        /* GtkListItem → the XinzhiSectorRow it shows */
  char                   *sort_by;

  guint                   n_fills;
  gboolean                show_heatmap;
};

G_END_DECLS

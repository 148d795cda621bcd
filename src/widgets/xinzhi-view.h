/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"
#include "xinzhi-notes.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_VIEW (xinzhi_view_get_type ())

G_DECLARE_INTERFACE (XinzhiView, xinzhi_view, XINZHI, VIEW, GtkWidget)

/* The properties every view has, in this order from the first id a view gives
 * xinzhi_view_install_properties(). */
typedef enum
{
  XINZHI_VIEW_PROP_CORPUS,
  XINZHI_VIEW_PROP_FILTER,
  XINZHI_VIEW_PROP_NOTES,
  XINZHI_VIEW_PROP_COLLAPSED,
  XINZHI_VIEW_PROP_CONTENT_ONLY,
  XINZHI_VIEW_N_PROPS
} XinzhiViewProperty;

struct _XinzhiViewInterface
{
  GTypeInterface parent_iface;

  /* What the view shows now, for the window's history: an article, an event, a sector
   * or a quote, or NULL. */
  GObject *(*get_selected_item) (XinzhiView *self);
};

XinzhiCorpus *xinzhi_view_get_corpus        (XinzhiView             *self);
XinzhiFilter *xinzhi_view_get_filter        (XinzhiView             *self);
XinzhiNotes  *xinzhi_view_get_notes         (XinzhiView             *self);
gboolean      xinzhi_view_get_collapsed     (XinzhiView             *self);
gboolean      xinzhi_view_get_content_only  (XinzhiView             *self);
GObject      *xinzhi_view_get_selected_item (XinzhiView             *self);
void          xinzhi_view_set_corpus        (XinzhiView             *self,
                                             XinzhiCorpus           *corpus);
void          xinzhi_view_set_filter        (XinzhiView             *self,
                                             XinzhiFilter           *filter);
void          xinzhi_view_set_notes         (XinzhiView             *self,
                                             XinzhiNotes            *notes);
void          xinzhi_view_set_collapsed     (XinzhiView             *self,
                                             gboolean                collapsed);

/* For the views themselves. */
void          xinzhi_view_install_properties (GObjectClass          *object_class,
                                              guint                  first_prop);
void          xinzhi_view_follow_split_view  (XinzhiView            *self,
                                              AdwNavigationSplitView *split_view);
gboolean      xinzhi_view_split_view_content_only (XinzhiView       *self);
gboolean      xinzhi_view_split_view_collapsed (XinzhiView          *self);
void          xinzhi_view_set_split_view_collapsed (XinzhiView      *self,
                                                    gboolean         collapsed);
gboolean      xinzhi_view_is_row_at          (GtkWidget             *list,
                                              double                 x,
                                              double                 y);
GCallback     xinzhi_view_defer_while_hidden (GtkWidget             *widget,
                                              GCallback              changed_cb);
void          xinzhi_view_catch_up           (GtkWidget             *widget);

G_END_DECLS

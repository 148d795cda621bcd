/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xinzhi-event.h"
#include "xinzhi-timeline-figure.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_TIMELINE (xinzhi_timeline_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiTimeline, xinzhi_timeline, XINZHI, TIMELINE, GtkWidget)

GtkWidget   *xinzhi_timeline_new               (void);
GListModel  *xinzhi_timeline_get_model         (XinzhiTimeline *self);
XinzhiEvent *xinzhi_timeline_get_selected      (XinzhiTimeline *self);
void         xinzhi_timeline_get_visible_range (XinzhiTimeline *self,
                                                double         *start,
                                                double         *end);
void         xinzhi_timeline_get_home_span     (XinzhiTimeline *self,
                                                double         *start,
                                                double         *end);
void         xinzhi_timeline_set_model         (XinzhiTimeline *self,
                                                GListModel     *model);
void         xinzhi_timeline_set_selected      (XinzhiTimeline *self,
                                                XinzhiEvent    *event);
void         xinzhi_timeline_set_visible_range (XinzhiTimeline *self,
                                                double          start,
                                                double          end);
void         xinzhi_timeline_set_home_span     (XinzhiTimeline *self,
                                                double          start,
                                                double          end);
void         xinzhi_timeline_unset_home_span   (XinzhiTimeline *self);
void         xinzhi_timeline_set_span          (XinzhiTimeline *self,
                                                guint32         first_day,
                                                guint32         last_day);
void         xinzhi_timeline_unset_span        (XinzhiTimeline *self);
gboolean     xinzhi_timeline_get_span          (XinzhiTimeline *self,
                                                guint32        *first_day,
                                                guint32        *last_day);
void         xinzhi_timeline_reset_view        (XinzhiTimeline *self);
void         xinzhi_timeline_fit_all           (XinzhiTimeline *self);
void         xinzhi_timeline_zoom_in           (XinzhiTimeline *self);
void         xinzhi_timeline_zoom_out          (XinzhiTimeline *self);

gboolean     xinzhi_timeline_get_figure_span   (XinzhiTimeline                  *self,
                                                guint32                         *first_day,
                                                guint32                         *last_day);
gboolean     xinzhi_timeline_export_figure     (XinzhiTimeline                  *self,
                                                const XinzhiTimelineFigureTexts *texts,
                                                GFile                           *file,
                                                GError                         **error);

G_END_DECLS

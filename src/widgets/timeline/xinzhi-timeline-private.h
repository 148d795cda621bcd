/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What XinzhiTimeline shares among its files: xinzhi-timeline.c (the model, the view,
 * sizes, the GObject and its API, and the snapshot, drawn by its painter,
 * xinzhi-timeline-painter.h, which needs no widget) and xinzhi-timeline-input.c
 * (selection, hit testing, pointer, touch and keyboard input, actions).  Private to
 * them and the tests: nothing else includes it.  They call each other's
 * functions, prefixed _xinzhi_timeline_; every other helper stays static in its file. */

#include <adwaita.h>

#include "xinzhi-timeline.h"
#include "xinzhi-timeline-layout.h"
#include "xinzhi-timeline-painter.h"

G_BEGIN_DECLS

#define SCROLL_MARGIN    24
#define ZOOM_STEP        1.5
#define PAN_STEP         0.25 /* of the width, for Shift+Left/Right */
#define DRAG_THRESHOLD   4
#define ANIMATION_MS     250

/* What a drag on the axis or the density band holds of the span already there. */
typedef enum
{
  SPAN_GRIP_NONE,    /* nothing: it chooses a new span */
  SPAN_GRIP_MOVE,    /* its inside: it moves the span by its own units */
  SPAN_GRIP_START,   /* its start, within SPAN_EDGE pixels */
  SPAN_GRIP_END,     /* its end */
} SpanGrip;

#define SPAN_EDGE 6

struct _XinzhiTimeline
{
  GtkWidget              parent_instance;

  /* Owned */
  GListModel            *model;
  XinzhiTimelinePainter *painter;        /* the events, their layout and text */
  GHashTable            *event_ids;      /* XinzhiEvent → its id in the painter + 1 */
  AdwAnimation          *animation;

  /* The view, and where an animation takes it */
  XinzhiTimelineView     view;
  XinzhiTimelineView     animation_from;
  XinzhiTimelineView     animation_to;
  gboolean               fit_pending;
  double                 fit_start;
  double                 fit_end;

  /* The span the timeline opens on and goes back to, when one is set */
  gboolean               has_home;
  double                 home_start;
  double                 home_end;

  /* State */
  guint                  selected;       /* entry position, or G_MAXUINT */
  guint                  hover;          /* entry position (a cluster's first), or G_MAXUINT */
  double                 pointer_x;
  double                 press_x;
  double                 drag_start;     /* view.start when the drag began */
  gboolean               dragging;
  double                 pinch_span;     /* the span when the pinch began */
  double                 pinch_day;      /* the day under its centre */

  /* The time span that filters every view (xinzhi_timeline_set_span()), drawn over
   * the lanes and the axis; while a drag on the axis chooses a new one, that one */
  gboolean               has_span;
  guint32                span_first;     /* Julian day numbers, both included */
  guint32                span_last;
  gboolean               choosing_span;  /* the drag began on the axis */
  int                    span_grip;      /* SpanGrip: on the span, what the drag holds */
  double                 span_anchor;    /* the day under the drag's start */
  gboolean               has_chosen;
  guint32                chosen_first;
  guint32                chosen_last;

  /* A cluster opened in place (xinzhi-timeline-cluster.c), made at its first use */
  GtkPopover            *cluster_popover;
  GtkListBox            *cluster_list;
  GtkLabel              *cluster_heading;
  GtkButton             *cluster_zoom;
  GArray                *cluster_members; /* of guint: entry positions, as listed */
  double                 cluster_start;
  double                 cluster_end;

  /* Where the last figure drew the timeline, for tests: its view and its area */
  XinzhiTimelineView     figure_view;
  graphene_rect_t        figure_area;
};

gboolean
_xinzhi_timeline_is_period (XinzhiTimeline *self,
                            guint           position);

XinzhiEvent *
_xinzhi_timeline_get_event (XinzhiTimeline *self,
                            guint           position);

gboolean
_xinzhi_timeline_step_span (XinzhiTimeline *self,
                            int             direction,
                            gboolean        resize);

void
_xinzhi_timeline_span_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter);

void
_xinzhi_timeline_open_cluster (XinzhiTimeline           *self,
                               const XinzhiTimelineItem *item);

void
_xinzhi_timeline_close_cluster (XinzhiTimeline *self);

void
_xinzhi_timeline_present_cluster (XinzhiTimeline *self);

void
_xinzhi_timeline_dispose_cluster (XinzhiTimeline *self);

double
_xinzhi_timeline_header_height (XinzhiTimeline *self);

double
_xinzhi_timeline_axis_y (XinzhiTimeline *self);

double
_xinzhi_timeline_lane_middle (XinzhiTimeline *self,
                              guint           lane);

double
_xinzhi_timeline_content_top (XinzhiTimeline *self);






void
_xinzhi_timeline_ensure_fonts (XinzhiTimeline *self);


guint
_xinzhi_timeline_item_key (const XinzhiTimelineItem *item);

void
_xinzhi_timeline_emit_span_chosen (XinzhiTimeline *self,
                                   guint32         first_day,
                                   guint32         last_day);

void
_xinzhi_timeline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot);

double
_xinzhi_timeline_lanes_bottom (XinzhiTimeline *self);

double
_xinzhi_timeline_height (XinzhiTimeline *self);

double
_xinzhi_timeline_axis_height (XinzhiTimeline *self);

XinzhiTimelineView
_xinzhi_timeline_fitted_view (XinzhiTimeline *self,
                              double          start,
                              double          end,
                              double          width);



void
_xinzhi_timeline_rebuild (XinzhiTimeline *self);

void
_xinzhi_timeline_set_view (XinzhiTimeline           *self,
                           const XinzhiTimelineView *view);

void
_xinzhi_timeline_stop_animation (XinzhiTimeline *self);

XinzhiTimelineView
_xinzhi_timeline_target_view (XinzhiTimeline *self);

void
_xinzhi_timeline_animate_to (XinzhiTimeline           *self,
                             const XinzhiTimelineView *view);

void
_xinzhi_timeline_reset_view (XinzhiTimeline *self,
                             gboolean        animate);

void
_xinzhi_timeline_fit_all (XinzhiTimeline *self,
                          gboolean        animate);

void
_xinzhi_timeline_zoom_by (XinzhiTimeline *self,
                          double          factor);

void
_xinzhi_timeline_item_bounds (XinzhiTimeline           *self,
                              const XinzhiTimelineView *view,
                              const XinzhiTimelineItem *item,
                              double                   *x0,
                              double                   *x1);

void
_xinzhi_timeline_scroll_to_selected (XinzhiTimeline *self);

void
_xinzhi_timeline_select_position (XinzhiTimeline *self,
                                  guint           position,
                                  gboolean        scroll);

const XinzhiTimelineItem *
_xinzhi_timeline_item_at (XinzhiTimeline *self,
                          double          x,
                          double          y);

void
_xinzhi_timeline_animation_cb (double   value,
                               gpointer user_data);

void
_xinzhi_timeline_items_changed_cb (XinzhiTimeline *self,
                                   guint           position,
                                   guint           removed,
                                   guint           added,
                                   GListModel     *model);

void
_xinzhi_timeline_style_changed_cb (XinzhiTimeline *self);

void
_xinzhi_timeline_click_pressed_cb (XinzhiTimeline  *self,
                                   int              n_press,
                                   double           x,
                                   double           y,
                                   GtkGestureClick *gesture);

void
_xinzhi_timeline_click_released_cb (XinzhiTimeline  *self,
                                    int              n_press,
                                    double           x,
                                    double           y,
                                    GtkGestureClick *gesture);

void
_xinzhi_timeline_drag_begin_cb (XinzhiTimeline *self,
                                double          x,
                                double          y,
                                GtkGestureDrag *gesture);

void
_xinzhi_timeline_drag_update_cb (XinzhiTimeline *self,
                                 double          offset_x,
                                 double          offset_y,
                                 GtkGestureDrag *gesture);

void
_xinzhi_timeline_drag_end_cb (XinzhiTimeline *self,
                              double          offset_x,
                              double          offset_y,
                              GtkGestureDrag *gesture);

void
_xinzhi_timeline_pinch_begin_cb (XinzhiTimeline *self,
                                 GdkEventSequence *sequence,
                                 GtkGestureZoom   *gesture);

void
_xinzhi_timeline_pinch_scale_changed_cb (XinzhiTimeline *self,
                                         double          scale,
                                         GtkGestureZoom *gesture);

gboolean
_xinzhi_timeline_scroll_cb (XinzhiTimeline           *self,
                            double                    dx,
                            double                    dy,
                            GtkEventControllerScroll *controller);

void
_xinzhi_timeline_motion_cb (XinzhiTimeline           *self,
                            double                    x,
                            double                    y,
                            GtkEventControllerMotion *controller);

void
_xinzhi_timeline_leave_cb (XinzhiTimeline           *self,
                           GtkEventControllerMotion *controller);

void
_xinzhi_timeline_zoom_in_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter);

void
_xinzhi_timeline_zoom_out_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter);

void
_xinzhi_timeline_reset_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter);

void
_xinzhi_timeline_fit_all_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter);

void
_xinzhi_timeline_pan_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter);

void
_xinzhi_timeline_select_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter);

G_END_DECLS

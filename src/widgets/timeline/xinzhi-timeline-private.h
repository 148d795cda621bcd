/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What XinzhiTimeline shares among its files: xinzhi-timeline.c (the model, the view,
 * sizes and text, the GObject and its API), xinzhi-timeline-draw.c (drawing) and
 * xinzhi-timeline-input.c (selection, hit testing, pointer, touch and keyboard input,
 * actions).  Private to them: nothing else includes it.  They call each other's
 * functions, prefixed _xinzhi_timeline_; every other helper stays static in its file. */

#include <adwaita.h>

#include "xinzhi-timeline.h"
#include "xinzhi-timeline-layout.h"

G_BEGIN_DECLS

#define PADDING_TOP      6
#define BAND_ROW_HEIGHT  26
#define LANE_HEIGHT      30
#define BAR_HEIGHT       22
#define LANES_GAP        10   /* between the lowest lane and the axis */
#define TICK_SPACING     80   /* the least distance between two labelled ticks */
#define FIT_MARGIN       32
#define SCROLL_MARGIN    24
#define ZOOM_STEP        1.5
#define PAN_STEP         0.25 /* of the width, for Shift+Left/Right */
#define DRAG_THRESHOLD   4
#define ANIMATION_MS     250
#define MEASURE_LIMIT    4000 /* more events than this get their labels estimated */
#define ESTIMATE_SAMPLE  256  /* titles measured to calibrate the estimate */
#define MAX_TEXT_LAYOUTS 512
#define MIN_CONTENT_LANES 4   /* the least height the content takes, in lanes */

struct _XinzhiTimeline
{
  GtkWidget              parent_instance;

  /* Owned */
  GListModel            *model;
  GPtrArray             *events;         /* of XinzhiEvent, in model order */
  GHashTable            *event_ids;      /* XinzhiEvent → model position + 1 */
  XinzhiTimelineLayout  *layout;
  GPtrArray             *title_layouts;  /* of PangoLayout or NULL, by model position */
  GHashTable            *axis_layouts;   /* text → PangoLayout */
  GHashTable            *context_layouts;
  GHashTable            *count_layouts;
  PangoAttrList         *small_attrs;
  PangoAttrList         *heading_attrs;
  PangoAttrList         *count_attrs;
  AdwAnimation          *animation;
  GPtrArray             *scratch;        /* of XinzhiTimelineItem, reused each frame */

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

  /* Fonts */
  guint                  pango_serial;
  double                 small_height;
  double                 title_height;

  /* State */
  guint                  selected;       /* entry position, or G_MAXUINT */
  guint                  hover;          /* entry position (a cluster's first), or G_MAXUINT */
  gboolean               has_periods;
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
  double                 span_anchor;    /* the day under the drag's start */
  gboolean               has_chosen;
  guint32                chosen_first;
  guint32                chosen_last;

  /* While a figure is drawn (_xinzhi_timeline_draw_view()): its height; else 0 */
  double                 figure_height;
  /* Where the last figure drew the timeline, for tests: its view and its area */
  XinzhiTimelineView     figure_view;
  graphene_rect_t        figure_area;
};

/* The colours of a figure, always the light style's: for the page, not the screen. */
#define FIGURE_BG ((GdkRGBA) { 1, 1, 1, 1 })
#define FIGURE_FG ((GdkRGBA) { 0, 0, 6 / 255.0f, 0.8f })

/* Set on the snapshot of a figure: its texts keep their strings (xinzhi-timeline-figure.c) */
#define XINZHI_FIGURE_TEXT "xinzhi-figure-text"

gboolean
_xinzhi_timeline_is_period (XinzhiTimeline *self,
                            guint           position);

double
_xinzhi_timeline_header_height (XinzhiTimeline *self);

double
_xinzhi_timeline_axis_y (XinzhiTimeline *self);

double
_xinzhi_timeline_lane_middle (XinzhiTimeline *self,
                              guint           lane);

double
_xinzhi_timeline_content_top (XinzhiTimeline *self);

PangoLayout *
_xinzhi_timeline_text_layout (XinzhiTimeline *self,
                              GHashTable     *cache,
                              PangoAttrList  *attrs,
                              const char     *text);

PangoLayout *
_xinzhi_timeline_title_layout (XinzhiTimeline *self,
                               guint           position);

void
_xinzhi_timeline_append_text (GtkSnapshot   *snapshot,
                              PangoLayout   *layout,
                              double         x,
                              double         y,
                              const GdkRGBA *color);

int
_xinzhi_timeline_text_width (PangoLayout *layout);

double
_xinzhi_timeline_label_width (PangoLayout *measure,
                              const char  *text,
                              gboolean     estimate,
                              double       char_width);

void
_xinzhi_timeline_ensure_fonts (XinzhiTimeline *self);

double
_xinzhi_timeline_label_end (XinzhiTimeline           *self,
                            const XinzhiTimelineView *view,
                            guint                     position);

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
_xinzhi_timeline_draw_view (XinzhiTimeline           *self,
                            GtkSnapshot              *snapshot,
                            const XinzhiTimelineView *view,
                            double                    height,
                            guint                     max_lanes);

void
_xinzhi_timeline_draw_sample (XinzhiTimeline           *self,
                              GtkSnapshot              *snapshot,
                              XinzhiTimelineShape       shape,
                              XinzhiTimelineEntryFlags  flags,
                              double                    x0,
                              double                    x1,
                              double                    middle);

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

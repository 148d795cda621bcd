/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xinzhi-event.h"
#include "xinzhi-palette.h"
#include "xinzhi-timeline-density.h"
#include "xinzhi-timeline-layout.h"

G_BEGIN_DECLS

#define PADDING_TOP      6
#define BAND_ROW_HEIGHT  26
#define LANE_HEIGHT      30
#define BAR_HEIGHT       22
#define LANES_GAP        10   /* between the lowest lane and the axis */
#define TICK_SPACING     80   /* the least distance between two labelled ticks */
#define FIT_MARGIN       32
#define MEASURE_LIMIT    4000 /* more events than this get their labels estimated */
#define ESTIMATE_SAMPLE  256  /* titles measured to calibrate the estimate */
#define MAX_TEXT_LAYOUTS 512
#define MIN_CONTENT_LANES 4   /* the least height the content takes, in lanes */
#define DENSITY_HEIGHT   36   /* the density band at the top of the widget: its caption and bars */
#define DENSITY_GAP       2   /* between it and the content */
#define DENSITY_MIN_BIN  12   /* the least width of one of its bins, in pixels */

/* Set on the snapshot of a figure: its texts keep their strings (xinzhi-timeline-figure.c) */
#define XINZHI_FIGURE_TEXT "xinzhi-figure-text"

/* What one drawing of the timeline shows: the days, how high, and the state over
 * them.  The widget fills it from itself; a figure from its span, with no state. */
typedef struct
{
  XinzhiTimelineView view;
  double             height;
  guint              selected;     /* entry position, or G_MAXUINT */
  guint              hover;        /* entry position (a cluster's first), or G_MAXUINT */
  gboolean           focus;
  gboolean           has_span;     /* the span that filters the views, or the one being chosen */
  guint32            span_first;
  guint32            span_last;
  gboolean           figure;       /* for the page: no label cut at the edge */
  XinzhiPalette      style;        /* a figure's: xinzhi_palette_init_for_page() */
} XinzhiTimelineFrame;

/* What drawing the timeline needs and no widget: the events, their layout, the text
 * and its fonts from a PangoContext.  The widget draws the screen with one; a figure is
 * drawn with one of its own, made from any PangoContext, without a display
 * (xinzhi-timeline-painter.c). */
typedef struct
{
  /* Owned */
  PangoContext         *context;
  XinzhiTimelineLayout *layout;
  XinzhiTimelineDensity *density;
  GPtrArray            *events;         /* of XinzhiEvent, in model order */
  GPtrArray            *title_layouts;  /* of PangoLayout or NULL, by model position */
  GHashTable           *axis_layouts;   /* text → PangoLayout */
  GHashTable           *context_layouts;
  GHashTable           *count_layouts;
  GHashTable           *title_widths;   /* title → its measured width, a double */
  GHashTable           *heading_widths; /* a period's title → the same in its heading */
  PangoAttrList        *small_attrs;
  PangoAttrList        *heading_attrs;
  PangoAttrList        *count_attrs;
  GPtrArray            *scratch;        /* of XinzhiTimelineItem, reused each frame */

  /* Fonts */
  guint                 pango_serial;
  double                small_height;
  double                title_height;

  gboolean              has_periods;
  gboolean              density_band;   /* draws the density band at the top: the widget's */

  /* Where the last figure drew the timeline, for tests: its view and its area */
  XinzhiTimelineView    figure_view;
  graphene_rect_t       figure_area;
} XinzhiTimelinePainter;

XinzhiTimelinePainter *xinzhi_timeline_painter_new           (PangoContext           *context);
void                   xinzhi_timeline_painter_free          (XinzhiTimelinePainter  *self);
gboolean               xinzhi_timeline_painter_ensure_fonts  (XinzhiTimelinePainter  *self);
void                   xinzhi_timeline_painter_set_events    (XinzhiTimelinePainter  *self,
                                                              GListModel             *model);

gboolean               xinzhi_timeline_painter_is_period     (XinzhiTimelinePainter  *self,
                                                              guint                   position);
double                 xinzhi_timeline_painter_top           (XinzhiTimelinePainter  *self);
double                 xinzhi_timeline_painter_header_height (XinzhiTimelinePainter  *self);
double                 xinzhi_timeline_painter_axis_height   (XinzhiTimelinePainter  *self);
double                 xinzhi_timeline_painter_axis_y        (XinzhiTimelinePainter  *self,
                                                              double                  height);
double                 xinzhi_timeline_painter_lane_middle   (XinzhiTimelinePainter  *self,
                                                              double                  height,
                                                              guint                   lane);
double                 xinzhi_timeline_painter_content_top   (XinzhiTimelinePainter  *self,
                                                              const XinzhiTimelineView *view,
                                                              double                  height);
double                 xinzhi_timeline_painter_label_end     (XinzhiTimelinePainter  *self,
                                                              const XinzhiTimelineView *view,
                                                              guint                   position);
XinzhiTimelineView     xinzhi_timeline_painter_fitted_view   (XinzhiTimelinePainter  *self,
                                                              const XinzhiTimelineView *view,
                                                              double                  start,
                                                              double                  end,
                                                              double                  width);

PangoLayout           *xinzhi_timeline_painter_new_layout    (XinzhiTimelinePainter  *self,
                                                              const char             *text);
PangoLayout           *xinzhi_timeline_painter_text_layout   (XinzhiTimelinePainter  *self,
                                                              GHashTable             *cache,
                                                              PangoAttrList          *attrs,
                                                              const char             *text);
PangoLayout           *xinzhi_timeline_painter_title_layout  (XinzhiTimelinePainter  *self,
                                                              guint                   position);
void                   xinzhi_timeline_painter_append_text   (GtkSnapshot            *snapshot,
                                                              PangoLayout            *layout,
                                                              double                  x,
                                                              double                  y,
                                                              const GdkRGBA          *color);
int                    xinzhi_timeline_painter_text_width    (PangoLayout            *layout);

void                   xinzhi_timeline_painter_draw          (XinzhiTimelinePainter  *self,
                                                              GtkSnapshot            *snapshot,
                                                              const XinzhiTimelineFrame *frame);
void                   xinzhi_timeline_painter_draw_sample   (XinzhiTimelinePainter  *self,
                                                              GtkSnapshot            *snapshot,
                                                              const XinzhiPalette    *style,
                                                              XinzhiTimelineShape     shape,
                                                              XinzhiTimelineEntryFlags flags,
                                                              double                  x0,
                                                              double                  x1,
                                                              double                  middle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiTimelinePainter, xinzhi_timeline_painter_free)

G_END_DECLS

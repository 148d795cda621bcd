/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The timeline's geometry, without GTK: the mapping between days and pixels, the ticks
 * of the time axis, and the placement of events in lanes.  Everything here is plain
 * data, so that it is tested without a display.
 *
 * Days are GLib's Julian day numbers (g_date_get_julian(): 1 is 1 January of year 1),
 * as doubles: 738949.0 is the start of a day, 738949.5 its noon.
 */

#include <glib.h>

#include "xinzhi-date.h"

G_BEGIN_DECLS

/* The narrowest and the widest span a view may show, in days. */
#define XINZHI_TIMELINE_MIN_SPAN 3.0
#define XINZHI_TIMELINE_MAX_SPAN (30 * 365.25)

/* The days GDate can represent: 1 January 1 to 31 December 9999. */
#define XINZHI_TIMELINE_FIRST_DAY 1.0
#define XINZHI_TIMELINE_LAST_DAY  3652060.0

/* ------------------------------------------------------------------------------------ */
/* Views                                                                                */
/* ------------------------------------------------------------------------------------ */

/**
 * XinzhiTimelineView:
 * @start: the day at x = 0
 * @end: the day at x = @width
 * @width: the width in pixels
 *
 * What a timeline shows.  A plain value type: copy it by assignment.
 */
typedef struct
{
  double start;
  double end;
  double width;
} XinzhiTimelineView;

double   xinzhi_timeline_view_get_scale (const XinzhiTimelineView *view);
double   xinzhi_timeline_view_day_to_x  (const XinzhiTimelineView *view,
                                         double                    day);
double   xinzhi_timeline_view_x_to_day  (const XinzhiTimelineView *view,
                                         double                    x);
void     xinzhi_timeline_view_set_range (XinzhiTimelineView       *view,
                                         double                    start,
                                         double                    end);
gboolean xinzhi_timeline_view_zoom      (XinzhiTimelineView       *view,
                                         double                    factor,
                                         double                    x);
void     xinzhi_timeline_view_pan       (XinzhiTimelineView       *view,
                                         double                    dx);
void     xinzhi_timeline_view_fit       (XinzhiTimelineView       *view,
                                         double                    start,
                                         double                    end,
                                         double                    margin_start,
                                         double                    margin_end);
gboolean xinzhi_timeline_view_can_zoom  (const XinzhiTimelineView *view,
                                         double                    factor);

/* ------------------------------------------------------------------------------------ */
/* The time axis                                                                        */
/* ------------------------------------------------------------------------------------ */

typedef enum
{
  XINZHI_TIMELINE_UNIT_DAY,
  XINZHI_TIMELINE_UNIT_WEEK,
  XINZHI_TIMELINE_UNIT_MONTH,
  XINZHI_TIMELINE_UNIT_QUARTER,
  XINZHI_TIMELINE_UNIT_YEAR,
} XinzhiTimelineUnit;

/**
 * XinzhiTimelineTickSpec:
 * @unit: the unit of the labelled (major) ticks
 * @step: how many @unit between two major ticks (2 days, 5 years…)
 * @minor_unit: the unit of the unlabelled (minor) ticks
 * @minor_step: how many @minor_unit between two minor ticks; 0 for none
 * @context_unit: the unit of the context labels under the tick labels ("March 2024"
 *   under days, "2024" under months)
 * @has_context: whether there are context labels
 * @long_labels: whether there is room for long labels ("March" rather than "Mar")
 */
typedef struct
{
  XinzhiTimelineUnit unit;
  guint              step;
  XinzhiTimelineUnit minor_unit;
  guint              minor_step;
  XinzhiTimelineUnit context_unit;
  gboolean           has_context;
  gboolean           long_labels;
} XinzhiTimelineTickSpec;

/**
 * XinzhiTimelineTick:
 * @day: the day the tick stands at (its start)
 * @x: its position in the view
 * @major: whether the tick is labelled
 * @boundary: whether it also starts a context span (a new month, a new year)
 * @label: (nullable): the label of a major tick
 */
typedef struct
{
  double   day;
  double   x;
  gboolean major;
  gboolean boundary;
  char    *label;
} XinzhiTimelineTick;

/**
 * XinzhiTimelineContext:
 * @start: the first day of the span
 * @end: the day after its last
 * @label: "March 2024", "2024"
 */
typedef struct
{
  double  start;
  double  end;
  char   *label;
} XinzhiTimelineContext;

/**
 * XinzhiTimelineAxis:
 * @spec: the units chosen for the view
 * @ticks: (element-type XinzhiTimelineTick): the ticks in the view, left to right
 * @contexts: (element-type XinzhiTimelineContext): the context spans that meet the view
 */
typedef struct
{
  XinzhiTimelineTickSpec  spec;
  GArray                 *ticks;
  GArray                 *contexts;
} XinzhiTimelineAxis;

void                xinzhi_timeline_choose_ticks   (double                    scale,
                                                    double                    min_spacing,
                                                    XinzhiTimelineTickSpec   *spec);
char               *xinzhi_timeline_format_tick    (XinzhiTimelineUnit        unit,
                                                    guint32                   day,
                                                    gboolean                  long_label);
char               *xinzhi_timeline_format_context (XinzhiTimelineUnit        unit,
                                                    guint32                   day);
XinzhiTimelineAxis *xinzhi_timeline_axis_new       (const XinzhiTimelineView *view,
                                                    double                    min_spacing);
void                xinzhi_timeline_axis_free      (XinzhiTimelineAxis       *axis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiTimelineAxis, xinzhi_timeline_axis_free)

/* ------------------------------------------------------------------------------------ */
/* Entries: what the caller knows of each event                                         */
/* ------------------------------------------------------------------------------------ */

/**
 * XinzhiTimelineEntryFlags:
 * @XINZHI_TIMELINE_ENTRY_RANGE: the dates differ: a bar, not a pin
 * @XINZHI_TIMELINE_ENTRY_FUZZY_START: the start is known only to the month or year
 * @XINZHI_TIMELINE_ENTRY_FUZZY_END: the end is known only to the month or year
 * @XINZHI_TIMELINE_ENTRY_PERIOD: a period, drawn as a band across the full height
 * @XINZHI_TIMELINE_ENTRY_ESTIMATED: the sources do not state the date: it is an
 *   estimate (xinzhi_event_get_date_estimated()), whatever its precision
 */
typedef enum
{
  XINZHI_TIMELINE_ENTRY_RANGE       = 1 << 0,
  XINZHI_TIMELINE_ENTRY_FUZZY_START = 1 << 1,
  XINZHI_TIMELINE_ENTRY_FUZZY_END   = 1 << 2,
  XINZHI_TIMELINE_ENTRY_PERIOD      = 1 << 3,
  XINZHI_TIMELINE_ENTRY_ESTIMATED   = 1 << 4,
} XinzhiTimelineEntryFlags;

#define XINZHI_TIMELINE_ENTRY_FUZZY \
  (XINZHI_TIMELINE_ENTRY_FUZZY_START | XINZHI_TIMELINE_ENTRY_FUZZY_END)

/**
 * XinzhiTimelineEntry:
 * @start: the first day the event may cover
 * @end: the day after the last day it may cover
 * @label_width: the natural width of its label, in pixels
 * @flags: how it is drawn
 * @id: the caller's number for it (its position in a model)
 *
 * One event.  An entry that is neither a range nor fuzzy is a day, drawn as a pin.
 */
typedef struct
{
  double                   start;
  double                   end;
  double                   label_width;
  XinzhiTimelineEntryFlags flags;
  guint                    id;
} XinzhiTimelineEntry;

void xinzhi_timeline_entry_init (XinzhiTimelineEntry *entry,
                                 const XinzhiDate    *start,
                                 const XinzhiDate    *end,
                                 gboolean             period,
                                 double               label_width,
                                 guint                id);

/* ------------------------------------------------------------------------------------ */
/* Items: what is drawn at one scale                                                    */
/* ------------------------------------------------------------------------------------ */

/**
 * XinzhiTimelineMetrics:
 * @marker_size: the width of a day's pin, and of the mark of a span too short to draw
 * @label_gap: between a pin, mark or bar and the label beside it
 * @bar_padding: between the start of a bar and its label, and after the label
 * @item_gap: the least space between two items of a lane
 * @max_label_width: labels wider than this are ellipsized
 * @min_bar_width: the least width of a span drawn as a bar; a shorter span is a mark
 * @digit_width: the width of a digit, for the count of a cluster
 * @cluster_padding: on each side of a cluster's count
 * @cluster_cell: the width of the first cells events are clustered in
 *
 * The sizes the layout needs, in pixels.  The widget measures them in its font.
 */
typedef struct
{
  double marker_size;
  double label_gap;
  double bar_padding;
  double item_gap;
  double max_label_width;
  double min_bar_width;
  double digit_width;
  double cluster_padding;
  double cluster_cell;
} XinzhiTimelineMetrics;

typedef enum
{
  XINZHI_TIMELINE_ITEM_EVENT,
  XINZHI_TIMELINE_ITEM_CLUSTER,
  XINZHI_TIMELINE_ITEM_BAND,
} XinzhiTimelineItemKind;

/**
 * XinzhiTimelineItem:
 * @kind: an event, a cluster of events, or a period's band
 * @lane: the lane, from 0; for a band, the row of its title
 * @start: the event's first day; for a cluster, the first start of its events
 * @end: the day after the event's last day; for a cluster, the day after its last start
 * @extent_start: the first day anything of the item covers at its scale (a pin's or a
 *   mark's fixed size, its label)
 * @extent_end: the day after the last (labels included)
 * @entry: for an event or a band, the position of its entry
 * @n_members: for a cluster, how many events it stands for
 * @members: for a cluster, the positions of their entries, by date
 * @label_width: the width the label may take, in pixels
 *
 * One thing to draw.  Items belong to the layout, and remain valid until the entries,
 * metrics or lanes change, or the layout is asked for another scale.
 */
typedef struct
{
  XinzhiTimelineItemKind  kind;
  guint                   lane;
  double                  start;
  double                  end;
  double                  extent_start;
  double                  extent_end;
  guint                   entry;
  guint                   n_members;
  const guint            *members;
  double                  label_width;
} XinzhiTimelineItem;

/**
 * XinzhiTimelineShade:
 * @start: the first day of a stretch that periods cover
 * @end: the day after its last
 * @fuzzy_start: whether the period it starts with has an uncertain start
 * @fuzzy_end: whether the period that takes it furthest has an uncertain end
 *
 * The union of overlapping periods, shaded once so that many periods do not darken
 * into stripes.
 */
typedef struct
{
  double   start;
  double   end;
  gboolean fuzzy_start;
  gboolean fuzzy_end;
} XinzhiTimelineShade;

/**
 * XinzhiTimelineShape:
 * @XINZHI_TIMELINE_SHAPE_PIN: a single day: a diamond over the middle of the day
 * @XINZHI_TIMELINE_SHAPE_MARK: a span too short at this scale to be drawn to scale: a
 *   dot of a fixed size over its middle, which claims no length
 * @XINZHI_TIMELINE_SHAPE_BAR: a span drawn to scale, from its first day to its last
 * @XINZHI_TIMELINE_SHAPE_PILL: a cluster's count
 * @XINZHI_TIMELINE_SHAPE_BAND: a period, shaded across the full height over its days
 *
 * How an item is drawn at a scale.
 */
typedef enum
{
  XINZHI_TIMELINE_SHAPE_PIN,
  XINZHI_TIMELINE_SHAPE_MARK,
  XINZHI_TIMELINE_SHAPE_BAR,
  XINZHI_TIMELINE_SHAPE_PILL,
  XINZHI_TIMELINE_SHAPE_BAND,
} XinzhiTimelineShape;

/**
 * XinzhiTimelineGeometry:
 * @shape: how the item is drawn
 * @x0: where its days start, in pixels: the first day of an event or a band, the first
 *   start of a cluster's events
 * @x1: where they end: the end of the last day
 * @mark_x0: where what is drawn for it starts: @x0 for a bar or a band; for a pin, a
 *   mark or a pill, a box of a fixed size over the middle of its days
 * @mark_x1: where that ends
 * @label_x: where its label starts
 * @label_width: the width its label may take
 * @label_inside: whether the label is inside the bar or band, rather than beside it
 *
 * Where an item is drawn in a view.  @x0 and @x1 depend on the item's dates and the
 * view only, never on its label, its state or a least size: a bar is drawn from @x0 to
 * @x1 exactly, and a span too short for that is drawn as a mark instead.
 */
typedef struct
{
  XinzhiTimelineShape shape;
  double              x0;
  double              x1;
  double              mark_x0;
  double              mark_x1;
  double              label_x;
  double              label_width;
  gboolean            label_inside;
} XinzhiTimelineGeometry;

typedef struct _XinzhiTimelineLayout XinzhiTimelineLayout;

XinzhiTimelineLayout       *xinzhi_timeline_layout_new            (const XinzhiTimelineMetrics *metrics);
void                        xinzhi_timeline_layout_free           (XinzhiTimelineLayout        *self);
const XinzhiTimelineMetrics *xinzhi_timeline_layout_get_metrics   (XinzhiTimelineLayout        *self);
void                        xinzhi_timeline_layout_set_metrics    (XinzhiTimelineLayout        *self,
                                                                   const XinzhiTimelineMetrics *metrics);
guint                       xinzhi_timeline_layout_get_max_lanes  (XinzhiTimelineLayout        *self);
void                        xinzhi_timeline_layout_set_max_lanes  (XinzhiTimelineLayout        *self,
                                                                   guint                        max_lanes);
void                        xinzhi_timeline_layout_set_entries    (XinzhiTimelineLayout        *self,
                                                                   const XinzhiTimelineEntry   *entries,
                                                                   guint                        n_entries);
guint                       xinzhi_timeline_layout_get_n_entries  (XinzhiTimelineLayout        *self);
const XinzhiTimelineEntry  *xinzhi_timeline_layout_get_entry      (XinzhiTimelineLayout        *self,
                                                                   guint                        position);
guint                       xinzhi_timeline_layout_find_entry     (XinzhiTimelineLayout        *self,
                                                                   guint                        id);
gboolean                    xinzhi_timeline_layout_get_bounds     (XinzhiTimelineLayout        *self,
                                                                   double                      *start,
                                                                   double                      *end);
void                        xinzhi_timeline_layout_query_entries  (XinzhiTimelineLayout        *self,
                                                                   double                       start,
                                                                   double                       end,
                                                                   GArray                      *positions);
double                      xinzhi_timeline_layout_level_scale    (double                       scale);
const XinzhiTimelineItem   *xinzhi_timeline_layout_get_items      (XinzhiTimelineLayout        *self,
                                                                   double                       scale,
                                                                   guint                       *n_items,
                                                                   guint                       *n_lanes);
const XinzhiTimelineItem   *xinzhi_timeline_layout_get_bands      (XinzhiTimelineLayout        *self,
                                                                   double                       scale,
                                                                   guint                       *n_bands,
                                                                   guint                       *n_rows);
void                        xinzhi_timeline_layout_query_items    (XinzhiTimelineLayout        *self,
                                                                   const XinzhiTimelineView    *view,
                                                                   GPtrArray                   *items);
void                        xinzhi_timeline_layout_query_bands    (XinzhiTimelineLayout        *self,
                                                                   const XinzhiTimelineView    *view,
                                                                   GPtrArray                   *bands);
void                        xinzhi_timeline_layout_query_titles   (XinzhiTimelineLayout        *self,
                                                                   const XinzhiTimelineView    *view,
                                                                   GPtrArray                   *bands);
void                        xinzhi_timeline_layout_query_shade    (XinzhiTimelineLayout        *self,
                                                                   const XinzhiTimelineView    *view,
                                                                   GArray                      *shade);
const XinzhiTimelineItem   *xinzhi_timeline_layout_find_item      (XinzhiTimelineLayout        *self,
                                                                   double                       scale,
                                                                   guint                        position);
const XinzhiTimelineItem   *xinzhi_timeline_layout_hit_test       (XinzhiTimelineLayout        *self,
                                                                   const XinzhiTimelineView    *view,
                                                                   double                       x,
                                                                   guint                        lane);
void                        xinzhi_timeline_layout_get_geometry   (XinzhiTimelineLayout        *self,
                                                                   const XinzhiTimelineView    *view,
                                                                   const XinzhiTimelineItem    *item,
                                                                   XinzhiTimelineGeometry      *geometry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiTimelineLayout, xinzhi_timeline_layout_free)

G_END_DECLS

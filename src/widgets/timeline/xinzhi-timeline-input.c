/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "xinzhi-timeline.h"
#include "xinzhi-timeline-layout.h"
#include "xinzhi-timeline-private.h"

/* XinzhiTimeline's input: keeping the selection in view, hit testing, the pointer,
 * touch and scroll gestures, and the actions its keys and buttons name.  What the
 * timeline is and how it is laid out is told at the top of xinzhi-timeline.c. */

/* ------------------------------------------------------------------------------------ */
/* Selection                                                                            */
/* ------------------------------------------------------------------------------------ */

/* The pixels an item takes, its marker and its label. */
void
_xinzhi_timeline_item_bounds (XinzhiTimeline           *self,
                              const XinzhiTimelineView *view,
                              const XinzhiTimelineItem *item,
                              double                   *x0,
                              double                   *x1)
{
  XinzhiTimelineGeometry geometry;

  xinzhi_timeline_layout_get_geometry (self->painter->layout, view, item, &geometry);
  *x0 = MIN (geometry.mark_x0, geometry.label_x);
  *x1 = MAX (geometry.mark_x1, geometry.label_x + geometry.label_width);
  if (item->kind == XINZHI_TIMELINE_ITEM_BAND)
    *x1 = geometry.x1;
}

/* Pans, if needed, so that the selected event shows. */
void
_xinzhi_timeline_scroll_to_selected (XinzhiTimeline *self)
{
  XinzhiTimelineView view = _xinzhi_timeline_target_view (self);
  const XinzhiTimelineItem *item;
  double scale = xinzhi_timeline_view_get_scale (&view);
  double x0, x1, dx = 0;

  if (self->selected == G_MAXUINT || scale <= 0)
    return;

  item = xinzhi_timeline_layout_find_item (self->painter->layout, scale, self->selected);
  _xinzhi_timeline_item_bounds (self, &view, item, &x0, &x1);

  if (x1 > view.width - SCROLL_MARGIN)
    dx = x1 - (view.width - SCROLL_MARGIN);
  if (x0 - dx < SCROLL_MARGIN)
    dx = x0 - SCROLL_MARGIN;

  if (fabs (dx) >= 1)
    {
      xinzhi_timeline_view_pan (&view, dx);
      _xinzhi_timeline_animate_to (self, &view);
    }
}

/* The first (or last) event that shows, for Right (or Left) with nothing selected. */
static guint
first_visible (XinzhiTimeline *self,
               gboolean        last)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

  xinzhi_timeline_layout_query_entries (self->painter->layout, self->view.start, self->view.end,
                                        positions);
  if (positions->len == 0)
    return last ? xinzhi_timeline_layout_get_n_entries (self->painter->layout) - 1 : 0;

  return g_array_index (positions, guint, last ? positions->len - 1 : 0);
}

/* ------------------------------------------------------------------------------------ */
/* Hit testing                                                                          */
/* ------------------------------------------------------------------------------------ */

/* The event, cluster or band at (@x, @y): events and clusters in their lanes, bands by
 * their title or, failing anything else, anywhere across their height. */
const XinzhiTimelineItem *
_xinzhi_timeline_item_at (XinzhiTimeline *self,
                          double          x,
                          double          y)
{
  g_autoptr(GPtrArray) bands = g_ptr_array_new ();
  const XinzhiTimelineItem *found = NULL;
  double bottom = _xinzhi_timeline_lanes_bottom (self);

  if (self->view.width <= 0 || xinzhi_timeline_layout_get_n_entries (self->painter->layout) == 0)
    return NULL;

  double top = _xinzhi_timeline_content_top (self);

  if (y < bottom && y >= top + _xinzhi_timeline_header_height (self))
    {
      guint lane = (guint) floor ((bottom - y) / LANE_HEIGHT);
      double middle = _xinzhi_timeline_lane_middle (self, lane);

      if (fabs (y - middle) <= BAR_HEIGHT / 2 + 2)
        found = xinzhi_timeline_layout_hit_test (self->painter->layout, &self->view, x, lane);
      if (found != NULL)
        return found;
    }

  if (y < top || y >= _xinzhi_timeline_axis_y (self))
    return NULL;

  xinzhi_timeline_layout_query_bands (self->painter->layout, &self->view, bands);

  for (guint i = 0; i < bands->len; i++)
    {
      const XinzhiTimelineItem *band = g_ptr_array_index (bands, i);
      XinzhiTimelineGeometry geometry;

      xinzhi_timeline_layout_get_geometry (self->painter->layout, &self->view, band, &geometry);

      if (band->lane == 0 && y < top + _xinzhi_timeline_header_height (self) &&
          x >= geometry.label_x && x <= geometry.label_x + geometry.label_width)
        return band;

      /* Of nested bands, the shortest. */
      if (x >= geometry.x0 && x <= geometry.x1 &&
          (found == NULL || band->end - band->start < found->end - found->start))
        found = band;
    }

  return found;
}

guint
_xinzhi_timeline_item_key (const XinzhiTimelineItem *item)
{
  if (item == NULL)
    return G_MAXUINT;

  return item->kind == XINZHI_TIMELINE_ITEM_CLUSTER ? item->members[0] : item->entry;
}

/* ------------------------------------------------------------------------------------ */
/* Callbacks                                                                            */
/* ------------------------------------------------------------------------------------ */

void
_xinzhi_timeline_animation_cb (double   value,
                               gpointer user_data)
{
  XinzhiTimeline *self = user_data;
  XinzhiTimelineView view = self->view;

  view.start = self->animation_from.start + (self->animation_to.start - self->animation_from.start) * value;
  view.end = self->animation_from.end + (self->animation_to.end - self->animation_from.end) * value;
  _xinzhi_timeline_set_view (self, &view);
}

void
_xinzhi_timeline_items_changed_cb (XinzhiTimeline *self,
                                   guint           position,
                                   guint           removed,
                                   guint           added,
                                   GListModel     *model)
{
  _xinzhi_timeline_rebuild (self);
}

void
_xinzhi_timeline_style_changed_cb (XinzhiTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_xinzhi_timeline_click_pressed_cb (XinzhiTimeline  *self,
                                   int              n_press,
                                   double           x,
                                   double           y,
                                   GtkGestureClick *gesture)
{
  self->press_x = x;
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
_xinzhi_timeline_click_released_cb (XinzhiTimeline  *self,
                                    int              n_press,
                                    double           x,
                                    double           y,
                                    GtkGestureClick *gesture)
{
  const XinzhiTimelineItem *item;

  /* The end of a drag, not a click. */
  if (self->dragging || fabs (x - self->press_x) >= DRAG_THRESHOLD)
    return;

  item = _xinzhi_timeline_item_at (self, x, y);

  if (item == NULL)
    {
      _xinzhi_timeline_select_position (self, G_MAXUINT, FALSE);
      return;
    }

  if (item->kind == XINZHI_TIMELINE_ITEM_CLUSTER)
    {
      /* Its events, listed in place (xinzhi-timeline-cluster.c). */
      _xinzhi_timeline_open_cluster (self, item);
      return;
    }

  _xinzhi_timeline_select_position (self, item->entry, FALSE);
  if (n_press == 2)
    gtk_widget_activate_action (GTK_WIDGET (self), "timeline.activate", NULL);
}

/* A span's own unit (whole days, months or years, as it was chosen), by which a drag
 * and the keyboard move it. */
typedef enum
{
  SPAN_UNIT_DAY,
  SPAN_UNIT_MONTH,
  SPAN_UNIT_YEAR,
} SpanUnit;

static void
date_of_day (guint32  day,
             GDate   *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, day);
}

static SpanUnit
span_unit (guint32 first_day,
           guint32 last_day)
{
  GDate first, after;

  date_of_day (first_day, &first);
  date_of_day (last_day + 1, &after);
  if (g_date_get_day (&first) != 1 || g_date_get_day (&after) != 1)
    return SPAN_UNIT_DAY;
  if (g_date_get_month (&first) == G_DATE_JANUARY && g_date_get_month (&after) == G_DATE_JANUARY)
    return SPAN_UNIT_YEAR;
  return SPAN_UNIT_MONTH;
}

/* @date moved by @n units (back when negative). */
static void
add_units (GDate    *date,
           SpanUnit  unit,
           int       n)
{
  switch (unit)
    {
    case SPAN_UNIT_YEAR:
      n > 0 ? g_date_add_years (date, n) : g_date_subtract_years (date, -n);
      break;
    case SPAN_UNIT_MONTH:
      n > 0 ? g_date_add_months (date, n) : g_date_subtract_months (date, -n);
      break;
    case SPAN_UNIT_DAY:
    default:
      n > 0 ? g_date_add_days (date, n) : g_date_subtract_days (date, -n);
      break;
    }
}

void
_xinzhi_timeline_drag_begin_cb (XinzhiTimeline *self,
                                double          x,
                                double          y,
                                GtkGestureDrag *gesture)
{
  _xinzhi_timeline_stop_animation (self);
  self->drag_start = self->view.start;
  self->dragging = FALSE;
  /* On the axis or the density band, a drag chooses a span; over the lanes, it pans. */
  self->choosing_span = xinzhi_timeline_view_get_scale (&self->view) > 0 &&
                        (y >= _xinzhi_timeline_axis_y (self) - LANES_GAP / 2.0 ||
                         (self->painter->density_band && y < PADDING_TOP + DENSITY_HEIGHT + DENSITY_GAP / 2.0));
  self->span_anchor = xinzhi_timeline_view_x_to_day (&self->view, x);
  self->has_chosen = FALSE;
  self->span_grip = SPAN_GRIP_NONE;

  /* On the span itself: its edges resize it, its inside moves it. */
  if (self->choosing_span && self->has_span)
    {
      double x0 = xinzhi_timeline_view_day_to_x (&self->view, self->span_first);
      double x1 = xinzhi_timeline_view_day_to_x (&self->view, (double) self->span_last + 1);

      if (fabs (x - x0) <= SPAN_EDGE && fabs (x - x0) <= fabs (x - x1))
        {
          self->span_grip = SPAN_GRIP_START;
          self->span_anchor = self->span_last + 0.5;
        }
      else if (fabs (x - x1) <= SPAN_EDGE)
        {
          self->span_grip = SPAN_GRIP_END;
          self->span_anchor = self->span_first + 0.5;
        }
      else if (x > x0 && x < x1)
        self->span_grip = SPAN_GRIP_MOVE;
    }
}

/* The span moved by whole units of its own to follow the pointer at @day, from where
 * the drag began. */
static void
move_span (XinzhiTimeline *self,
           double          day,
           guint32        *first_day,
           guint32        *last_day)
{
  SpanUnit unit = span_unit (self->span_first, self->span_last);
  double unit_days = unit == SPAN_UNIT_YEAR ? 365.2425 : unit == SPAN_UNIT_MONTH ? 30.436875 : 1;
  int n = (int) CLAMP (round ((day - self->span_anchor) / unit_days), -100000, 100000);
  GDate first, after;

  date_of_day (self->span_first, &first);
  date_of_day (self->span_last + 1, &after);
  *first_day = self->span_first;
  *last_day = self->span_last;
  /* Not past what GDate holds, a year from its ends. */
  if (n == 0 ||
      g_date_get_year (&first) + n * unit_days / 365.2425 < 2 ||
      g_date_get_year (&after) + n * unit_days / 365.2425 > 9997)
    return;
  add_units (&first, unit, n);
  add_units (&after, unit, n);
  *first_day = g_date_get_julian (&first);
  *last_day = g_date_get_julian (&after) - 1;
}

/* The whole days from @a to @b, in either order, widened to whole months where a day
 * is narrower than a few pixels and to whole years where a month is: a span as precise
 * as the zoom lets a person point, and no more. */
static void
snap_span (XinzhiTimeline *self,
           double          a,
           double          b,
           guint32        *first_day,
           guint32        *last_day)
{
  double scale = xinzhi_timeline_view_get_scale (&self->view);
  double lo = CLAMP (MIN (a, b), 1, G_MAXUINT32 - 400);
  double hi = CLAMP (MAX (a, b), 1, G_MAXUINT32 - 400);
  GDate first, last;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, (guint32) floor (lo));
  g_date_set_julian (&last, (guint32) floor (hi));
  if (scale * 30 < 8)
    {
      g_date_set_dmy (&first, 1, G_DATE_JANUARY, g_date_get_year (&first));
      g_date_set_dmy (&last, 31, G_DATE_DECEMBER, g_date_get_year (&last));
    }
  else if (scale < 3)
    {
      g_date_set_day (&first, 1);
      g_date_set_day (&last, g_date_get_days_in_month (g_date_get_month (&last),
                                                        g_date_get_year (&last)));
    }
  *first_day = g_date_get_julian (&first);
  *last_day = g_date_get_julian (&last);
}

void
_xinzhi_timeline_drag_update_cb (XinzhiTimeline *self,
                                 double          offset_x,
                                 double          offset_y,
                                 GtkGestureDrag *gesture)
{
  XinzhiTimelineView view = self->view;

  if (!self->dragging)
    {
      if (fabs (offset_x) < DRAG_THRESHOLD)
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       self->span_grip == SPAN_GRIP_MOVE ? "grabbing" :
                                       self->choosing_span ? "col-resize" : "grabbing");
    }

  if (self->choosing_span)
    {
      double start_x, start_y;

      gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
      if (self->span_grip == SPAN_GRIP_MOVE)
        move_span (self, xinzhi_timeline_view_x_to_day (&self->view, start_x + offset_x),
                   &self->chosen_first, &self->chosen_last);
      else
        snap_span (self, self->span_anchor,
                   xinzhi_timeline_view_x_to_day (&self->view, start_x + offset_x),
                   &self->chosen_first, &self->chosen_last);
      self->has_chosen = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  view.end = self->drag_start + (view.end - view.start);
  view.start = self->drag_start;
  xinzhi_timeline_view_pan (&view, -offset_x);
  _xinzhi_timeline_set_view (self, &view);
}

void
_xinzhi_timeline_drag_end_cb (XinzhiTimeline *self,
                              double          offset_x,
                              double          offset_y,
                              GtkGestureDrag *gesture)
{
  gboolean chosen = self->choosing_span && self->has_chosen;

  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  self->dragging = FALSE;
  self->choosing_span = FALSE;
  self->has_chosen = FALSE;
  if (chosen)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      _xinzhi_timeline_emit_span_chosen (self, self->chosen_first, self->chosen_last);
    }
}

void
_xinzhi_timeline_pinch_begin_cb (XinzhiTimeline *self,
                                 GdkEventSequence *sequence,
                                 GtkGestureZoom   *gesture)
{
  double x, y;

  _xinzhi_timeline_stop_animation (self);
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = self->view.width / 2;

  self->pointer_x = x;
  self->pinch_span = self->view.end - self->view.start;
  self->pinch_day = xinzhi_timeline_view_x_to_day (&self->view, x);
}

void
_xinzhi_timeline_pinch_scale_changed_cb (XinzhiTimeline *self,
                                         double          scale,
                                         GtkGestureZoom *gesture)
{
  XinzhiTimelineView view = self->view;
  double span = CLAMP (self->pinch_span / MAX (scale, 1e-6),
                       XINZHI_TIMELINE_MIN_SPAN, XINZHI_TIMELINE_MAX_SPAN);
  double start;

  start = self->pinch_day - span * (self->pointer_x / MAX (view.width, 1));
  xinzhi_timeline_view_set_range (&view, start, start + span);
  _xinzhi_timeline_set_view (self, &view);
}

gboolean
_xinzhi_timeline_scroll_cb (XinzhiTimeline           *self,
                            double                    dx,
                            double                    dy,
                            GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  XinzhiTimelineView view;

  if (self->view.width <= 0)
    return GDK_EVENT_PROPAGATE;

  if (state & GDK_CONTROL_MASK)
    {
      if (dy == 0)
        return GDK_EVENT_PROPAGATE;

      _xinzhi_timeline_stop_animation (self);
      view = self->view;
      xinzhi_timeline_view_zoom (&view, exp (-dy * (wheel ? 0.2 : 0.01)), self->pointer_x);
      _xinzhi_timeline_set_view (self, &view);
      return GDK_EVENT_STOP;
    }

  /* A mouse wheel scrolls sideways with Shift; plain vertical scrolling is left to a
   * scrolled parent. */
  if (state & GDK_SHIFT_MASK && dx == 0)
    dx = dy;

  if (dx == 0)
    return GDK_EVENT_PROPAGATE;

  _xinzhi_timeline_stop_animation (self);
  view = self->view;
  xinzhi_timeline_view_pan (&view, dx * (wheel ? 48 : 1));
  _xinzhi_timeline_set_view (self, &view);
  return GDK_EVENT_STOP;
}

void
_xinzhi_timeline_motion_cb (XinzhiTimeline           *self,
                            double                    x,
                            double                    y,
                            GtkEventControllerMotion *controller)
{
  guint hover;

  self->pointer_x = x;
  if (self->dragging)
    return;

  hover = _xinzhi_timeline_item_key (_xinzhi_timeline_item_at (self, x, y));
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
_xinzhi_timeline_leave_cb (XinzhiTimeline           *self,
                           GtkEventControllerMotion *controller)
{
  self->pointer_x = self->view.width / 2;
  if (self->hover != G_MAXUINT)
    {
      self->hover = G_MAXUINT;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* ------------------------------------------------------------------------------------ */
/* Actions                                                                              */
/* ------------------------------------------------------------------------------------ */

void
_xinzhi_timeline_zoom_in_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  _xinzhi_timeline_zoom_by (XINZHI_TIMELINE (widget), ZOOM_STEP);
}

void
_xinzhi_timeline_zoom_out_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  _xinzhi_timeline_zoom_by (XINZHI_TIMELINE (widget), 1 / ZOOM_STEP);
}

void
_xinzhi_timeline_reset_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  _xinzhi_timeline_reset_view (XINZHI_TIMELINE (widget), TRUE);
}

void
_xinzhi_timeline_fit_all_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  _xinzhi_timeline_fit_all (XINZHI_TIMELINE (widget), TRUE);
}

void
_xinzhi_timeline_pan_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (widget);
  XinzhiTimelineView view = _xinzhi_timeline_target_view (self);

  xinzhi_timeline_view_pan (&view, g_variant_get_double (parameter) * view.width);
  _xinzhi_timeline_animate_to (self, &view);
}

void
_xinzhi_timeline_select_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (widget);
  guint n = xinzhi_timeline_layout_get_n_entries (self->painter->layout);
  guint position;

  if (n == 0)
    return;

  if (g_str_equal (action_name, "timeline.select-first"))
    position = 0;
  else if (g_str_equal (action_name, "timeline.select-last"))
    position = n - 1;
  else if (g_str_equal (action_name, "timeline.select-next"))
    position = self->selected == G_MAXUINT ? first_visible (self, FALSE)
                                           : MIN (self->selected + 1, n - 1);
  else
    position = self->selected == G_MAXUINT ? first_visible (self, TRUE)
                                           : (self->selected > 0 ? self->selected - 1 : 0);

  if (position == self->selected)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  _xinzhi_timeline_select_position (self, position, TRUE);
}

/* ---- The span by the keyboard -------------------------------------------------------
 *
 * Ctrl+Left and Ctrl+Right move the span that filters the views by its own unit, and
 * Ctrl+Shift+Left and Ctrl+Shift+Right move its end: whole years for a span of whole
 * years, whole months for one of whole months, days otherwise, so that it stays as
 * precise as it was chosen.  The new span goes to the views as a drag's does
 * ("span-chosen"), and the page announces it. */

/* Moves the span (@resize FALSE) or its end (@resize TRUE) by one of its units in
 * @direction; returns FALSE where it cannot (no span, the calendar's edge, an end
 * before the start). */
gboolean
_xinzhi_timeline_step_span (XinzhiTimeline *self,
                            int             direction,
                            gboolean        resize)
{
  SpanUnit unit;
  GDate first, after;
  guint32 first_day, last_day;

  if (!self->has_span)
    return FALSE;

  unit = span_unit (self->span_first, self->span_last);
  date_of_day (self->span_first, &first);
  date_of_day (self->span_last + 1, &after);
  /* Not past what GDate can hold, a year from its ends. */
  if (g_date_get_year (&first) < 2 || g_date_get_year (&after) > 9997)
    return FALSE;
  if (!resize)
    add_units (&first, unit, direction);
  add_units (&after, unit, direction);

  first_day = g_date_get_julian (&first);
  last_day = g_date_get_julian (&after) - 1;
  if (last_day < first_day)
    return FALSE;

  _xinzhi_timeline_emit_span_chosen (self, first_day, last_day);

  /* The span stays in sight: the view pans to it, at the same zoom, where it can. */
  {
    XinzhiTimelineView view = self->view;
    double margin = (view.end - view.start) * 0.05;
    double shift = 0;

    if (first_day < view.start)
      shift = first_day - margin - view.start;
    else if (last_day + 1.0 > view.end)
      shift = MIN (last_day + 1.0 + margin - view.end, first_day - margin - view.start);
    if (shift != 0)
      {
        view.start += shift;
        view.end += shift;
        _xinzhi_timeline_set_view (self, &view);
      }
  }
  return TRUE;
}

void
_xinzhi_timeline_span_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (widget);
  gboolean resize = g_str_has_prefix (action_name, "timeline.span-end");
  int direction = g_str_has_suffix (action_name, "-later") ? 1 : -1;

  if (!_xinzhi_timeline_step_span (self, direction, resize))
    gtk_widget_error_bell (widget);
}

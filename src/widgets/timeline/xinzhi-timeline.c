/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>

#include "xinzhi-palette.h"
#include "xinzhi-timeline.h"
#include "xinzhi-timeline-layout.h"
#include "xinzhi-timeline-private.h"

/* XinzhiTimeline draws the events of a model on a time axis: days as pins, dates known
 * only to the month or year as bars with faded ends and a dashed outline, ranges as
 * bars with hard ends, spans too short at the zoom to be drawn to scale as dots (hollow
 * where the dates are approximate), periods as bands across the full height, and, where
 * events crowd beyond the lanes there is room for, a count of the others in the top
 * lane ("+12").  A bar always spans its dates exactly, selected or not; titles go
 * inside a bar wide enough and beside it otherwise.  The geometry is the headless
 * XinzhiTimelineLayout's, laid out once per zoom level; this widget paints what shows
 * (xinzhi-timeline-draw.c) and handles input (xinzhi-timeline-input.c), the three
 * files sharing xinzhi-timeline-private.h.
 *
 * Vertically, from the top: a row for the titles of periods (if there are any), the
 * lanes (lane 0 lowest, nearest the axis), and the axis with its tick labels and, below
 * them, the context labels ("2024" under the months). */


G_DEFINE_FINAL_TYPE (XinzhiTimeline, xinzhi_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  N_PROPS
};

enum {
  SIGNAL_ACTIVATE_EVENT,
  SIGNAL_SPAN_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------ */
/* Helpers                                                                              */
/* ------------------------------------------------------------------------------------ */

/* The span the timeline opens on and goes back to: the one set with
 * xinzhi_timeline_set_home_span(), from the corpus, or while there is none (a timeline
 * with nothing to show yet, a corpus without a date) the current month, so that the
 * axis shows where it is rather than some date of no meaning. */
static void
get_home_span (XinzhiTimeline *self,
               double         *start,
               double         *end)
{
  g_autoptr(GDateTime) now = NULL;
  XinzhiDate month = { .precision = XINZHI_DATE_PRECISION_MONTH };
  int y, m;

  if (self->has_home)
    {
      *start = self->home_start;
      *end = self->home_end;
      return;
    }

  now = g_date_time_new_now_local ();
  g_date_time_get_ymd (now, &y, &m, NULL);
  month.year = (guint16) y;
  month.month = (guint8) m;
  *start = xinzhi_date_first_day (&month);
  *end = xinzhi_date_last_day (&month) + 1.0;
}

XinzhiEvent *
_xinzhi_timeline_get_event (XinzhiTimeline *self,
                            guint           position)
{
  const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (self->painter->layout, position);

  return g_ptr_array_index (self->painter->events, entry->id);
}

gboolean
_xinzhi_timeline_is_period (XinzhiTimeline *self,
                            guint           position)
{
  return xinzhi_timeline_painter_is_period (self->painter, position);
}

double
_xinzhi_timeline_header_height (XinzhiTimeline *self)
{
  return xinzhi_timeline_painter_header_height (self->painter);
}

double
_xinzhi_timeline_axis_height (XinzhiTimeline *self)
{
  return xinzhi_timeline_painter_axis_height (self->painter);
}

double
_xinzhi_timeline_height (XinzhiTimeline *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self));
}

double
_xinzhi_timeline_axis_y (XinzhiTimeline *self)
{
  return xinzhi_timeline_painter_axis_y (self->painter, _xinzhi_timeline_height (self));
}

double
_xinzhi_timeline_lanes_bottom (XinzhiTimeline *self)
{
  return _xinzhi_timeline_axis_y (self) - LANES_GAP;
}

double
_xinzhi_timeline_lane_middle (XinzhiTimeline *self,
                              guint           lane)
{
  return xinzhi_timeline_painter_lane_middle (self->painter, _xinzhi_timeline_height (self), lane);
}

double
_xinzhi_timeline_content_top (XinzhiTimeline *self)
{
  return xinzhi_timeline_painter_content_top (self->painter, &self->view, _xinzhi_timeline_height (self));
}

static guint
count_lanes (XinzhiTimeline *self,
             int             height)
{
  double room = height - _xinzhi_timeline_axis_height (self) - LANES_GAP - xinzhi_timeline_painter_top (self->painter) -
                _xinzhi_timeline_header_height (self);

  return (guint) MAX (1, floor (room / LANE_HEIGHT));
}

static void
update_actions (XinzhiTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_events = self->painter->events->len > 0;

  gtk_widget_action_set_enabled (widget, "timeline.zoom-in",
                                 xinzhi_timeline_view_can_zoom (&self->view, 2));
  gtk_widget_action_set_enabled (widget, "timeline.zoom-out",
                                 xinzhi_timeline_view_can_zoom (&self->view, 0.5));
  gtk_widget_action_set_enabled (widget, "timeline.fit-all", has_events);
  gtk_widget_action_set_enabled (widget, "timeline.select-next", has_events);
  gtk_widget_action_set_enabled (widget, "timeline.select-previous", has_events);
  gtk_widget_action_set_enabled (widget, "timeline.select-first", has_events);
  gtk_widget_action_set_enabled (widget, "timeline.select-last", has_events);
  gtk_widget_action_set_enabled (widget, "timeline.activate", self->selected != G_MAXUINT);
}

static void
update_accessible_description (XinzhiTimeline *self)
{
  XinzhiEvent *event = xinzhi_timeline_get_selected (self);
  g_autofree char *description = NULL;

  if (event != NULL)
    {
      g_autofree char *date = xinzhi_event_dup_date_label (event);

      /* Translators: the selected event of the timeline: its date, then its title */
      description = g_strdup_printf (_("%s: %s"), date, xinzhi_event_get_display_title (event));
    }
  else
    description = g_strdup (_("Events by date. Left and Right select events, "
                              "plus and minus zoom, 0 returns to the opening span."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Reads the model into the painter's entries, and finds the selection again. */
void
_xinzhi_timeline_rebuild (XinzhiTimeline *self)
{
  g_autoptr(XinzhiEvent) selected = NULL;
  gboolean had_periods = self->painter->has_periods;

  if (xinzhi_timeline_get_selected (self) != NULL)
    selected = g_object_ref (xinzhi_timeline_get_selected (self));

  self->hover = G_MAXUINT;
  /* An open cluster's events are positions in the entries about to change. */
  _xinzhi_timeline_close_cluster (self);
  xinzhi_timeline_painter_set_events (self->painter, self->model);
  g_hash_table_remove_all (self->event_ids);
  for (guint id = 0; id < self->painter->events->len; id++)
    g_hash_table_insert (self->event_ids, g_ptr_array_index (self->painter->events, id), GUINT_TO_POINTER (id + 1));
  xinzhi_timeline_layout_set_max_lanes (self->painter->layout,
                                        count_lanes (self, gtk_widget_get_height (GTK_WIDGET (self))));

  self->selected = G_MAXUINT;
  if (selected != NULL)
    {
      gpointer id = g_hash_table_lookup (self->event_ids, selected);

      if (id != NULL)
        self->selected = xinzhi_timeline_layout_find_entry (self->painter->layout, GPOINTER_TO_UINT (id) - 1);
      else
        {
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
          update_accessible_description (self);
        }
    }

  update_actions (self);

  /* The row of period titles comes and goes with periods. */
  if (self->painter->has_periods != had_periods)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Measures the fonts again when they change: the layout's metrics, the label widths
 * and every cached text depend on them. */
void
_xinzhi_timeline_ensure_fonts (XinzhiTimeline *self)
{
  if (xinzhi_timeline_painter_ensure_fonts (self->painter))
    _xinzhi_timeline_rebuild (self);
}

/* The screen: the view, with the selection, hover, span and focus as they are. */
void
_xinzhi_timeline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (widget);
  XinzhiTimelineFrame frame = {
    .view = self->view,
    .height = gtk_widget_get_height (widget),
    .selected = self->selected,
    .hover = self->hover,
    .focus = gtk_widget_has_visible_focus (widget),
  };

  _xinzhi_timeline_ensure_fonts (self);
  xinzhi_palette_init (&frame.style, widget);

  /* The span being chosen, or else the one that filters the views. */
  if (self->has_chosen || self->has_span)
    {
      frame.has_span = TRUE;
      frame.span_first = self->has_chosen ? self->chosen_first : self->span_first;
      frame.span_last = self->has_chosen ? self->chosen_last : self->span_last;
    }

  xinzhi_timeline_painter_draw (self->painter, snapshot, &frame);
}

/* ------------------------------------------------------------------------------------ */
/* The view                                                                             */
/* ------------------------------------------------------------------------------------ */

void
_xinzhi_timeline_set_view (XinzhiTimeline           *self,
                           const XinzhiTimelineView *view)
{
  gboolean start_changed = view->start != self->view.start;
  gboolean end_changed = view->end != self->view.end;

  self->view.start = view->start;
  self->view.end = view->end;

  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);

  if (start_changed || end_changed)
    {
      update_actions (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
_xinzhi_timeline_stop_animation (XinzhiTimeline *self)
{
  if (adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING)
    adw_animation_pause (self->animation);
}

/* Where the view is going: the end of a running animation, or the view itself. */
XinzhiTimelineView
_xinzhi_timeline_target_view (XinzhiTimeline *self)
{
  XinzhiTimelineView view = self->view;

  if (adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING)
    {
      view.start = self->animation_to.start;
      view.end = self->animation_to.end;
    }

  return view;
}

void
_xinzhi_timeline_animate_to (XinzhiTimeline           *self,
                             const XinzhiTimelineView *view)
{
  _xinzhi_timeline_stop_animation (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || self->view.width <= 0)
    {
      _xinzhi_timeline_set_view (self, view);
      return;
    }

  self->animation_from = self->view;
  self->animation_to = *view;
  adw_animation_reset (self->animation);
  adw_animation_play (self->animation);
}

/* The view that shows [@start, @end) across the width, with room on the right for the
 * labels of the events that end in it, so that the last of them are not cut off. */
XinzhiTimelineView
_xinzhi_timeline_fitted_view (XinzhiTimeline *self,
                              double          start,
                              double          end,
                              double          width)
{
  return xinzhi_timeline_painter_fitted_view (self->painter, &self->view, start, end, width);
}

/* Shows [@start, @end) across the width, now or, when the widget has no width yet, as
 * soon as it has one. */
static void
fit (XinzhiTimeline *self,
     double          start,
     double          end,
     gboolean        animate)
{
  XinzhiTimelineView view = self->view;

  if (self->view.width <= 0)
    {
      self->fit_pending = TRUE;
      self->fit_start = start;
      self->fit_end = end;
      xinzhi_timeline_view_set_range (&view, start, end);
      _xinzhi_timeline_set_view (self, &view);
      return;
    }

  view = _xinzhi_timeline_fitted_view (self, start, end, self->view.width);
  if (animate)
    _xinzhi_timeline_animate_to (self, &view);
  else
    {
      _xinzhi_timeline_stop_animation (self);
      _xinzhi_timeline_set_view (self, &view);
    }
}

void
_xinzhi_timeline_reset_view (XinzhiTimeline *self,
                             gboolean        animate)
{
  double start, end;

  get_home_span (self, &start, &end);
  fit (self, start, end, animate);
}

void
_xinzhi_timeline_fit_all (XinzhiTimeline *self,
                          gboolean        animate)
{
  double start, end;

  if (xinzhi_timeline_layout_get_bounds (self->painter->layout, &start, &end))
    fit (self, start, end, animate);
}

/* The x about which keyboard and button zooms happen: the selected event if it shows,
 * the middle of the view otherwise. */
static double
zoom_anchor (XinzhiTimeline *self)
{
  if (self->selected != G_MAXUINT)
    {
      const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (self->painter->layout, self->selected);
      double x = xinzhi_timeline_view_day_to_x (&self->view, (entry->start + entry->end) / 2);

      if (x >= 0 && x <= self->view.width)
        return x;
    }

  return self->view.width / 2;
}

void
_xinzhi_timeline_zoom_by (XinzhiTimeline *self,
                          double          factor)
{
  XinzhiTimelineView view = _xinzhi_timeline_target_view (self);
  double x = zoom_anchor (self);

  /* Anchor at the same day in the target as in the current view. */
  x = xinzhi_timeline_view_day_to_x (&view, xinzhi_timeline_view_x_to_day (&self->view, x));
  if (xinzhi_timeline_view_zoom (&view, factor, x))
    _xinzhi_timeline_animate_to (self, &view);
}

void
_xinzhi_timeline_select_position (XinzhiTimeline *self,
                                  guint           position,
                                  gboolean        scroll)
{
  if (position == self->selected)
    return;

  self->selected = position;
  update_actions (self);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);

  if (position != G_MAXUINT)
    {
      g_autofree char *date = xinzhi_event_dup_date_label (_xinzhi_timeline_get_event (self, position));
      g_autofree char *announcement = NULL;

      /* Translators: read out when an event of the timeline is selected: its title,
       * then its date */
      announcement = g_strdup_printf (_("%s, %s"),
                                      xinzhi_event_get_display_title (_xinzhi_timeline_get_event (self, position)),
                                      date);
      gtk_accessible_announce (GTK_ACCESSIBLE (self), announcement,
                               GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);

      if (scroll)
        _xinzhi_timeline_scroll_to_selected (self);
    }
}

void
_xinzhi_timeline_emit_span_chosen (XinzhiTimeline *self,
                                   guint32         first_day,
                                   guint32         last_day)
{
  g_signal_emit (self, signals[SIGNAL_SPAN_CHOSEN], 0, first_day, last_day);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (widget);
  XinzhiEvent *event = xinzhi_timeline_get_selected (self);
  double scale = xinzhi_timeline_view_get_scale (&self->view);
  const XinzhiTimelineItem *item = NULL;

  if (event == NULL)
    return;

  /* An event folded into a cluster cannot be told from the others at this zoom, and
   * was not seen: Enter opens the cluster in place, as a click does. */
  if (scale > 0 && !xinzhi_timeline_painter_is_period (self->painter, self->selected))
    item = xinzhi_timeline_layout_find_item (self->painter->layout, scale, self->selected);
  if (item != NULL && item->kind == XINZHI_TIMELINE_ITEM_CLUSTER)
    {
      _xinzhi_timeline_open_cluster (self, item);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_ACTIVATE_EVENT], 0, event);
}

/* ------------------------------------------------------------------------------------ */
/* GtkWidget                                                                            */
/* ------------------------------------------------------------------------------------ */

static void
xinzhi_timeline_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (widget);

  _xinzhi_timeline_ensure_fonts (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 720;
    }
  else
    {
      double base = xinzhi_timeline_painter_top (self->painter) + _xinzhi_timeline_header_height (self) + LANES_GAP +
                    _xinzhi_timeline_axis_height (self);

      *minimum = ceil (base + 2 * LANE_HEIGHT);
      *natural = ceil (base + 5 * LANE_HEIGHT);
    }
}

static void
xinzhi_timeline_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (widget);

  _xinzhi_timeline_ensure_fonts (self);
  xinzhi_timeline_layout_set_max_lanes (self->painter->layout, count_lanes (self, height));

  /* A resize keeps the days shown, and stretches them. */
  self->view.width = width;
  if (self->fit_pending && width > 0)
    {
      self->fit_pending = FALSE;
      fit (self, self->fit_start, self->fit_end, FALSE);
    }

  update_actions (self);
  _xinzhi_timeline_present_cluster (self);
}

static gboolean
xinzhi_timeline_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (widget);
  const XinzhiTimelineItem *item;
  g_autoptr(GString) text = g_string_new (NULL);
  double x0, x1, middle;

  if (keyboard_mode)
    {
      double scale = xinzhi_timeline_view_get_scale (&self->view);

      if (self->selected == G_MAXUINT || scale <= 0)
        return FALSE;
      item = xinzhi_timeline_layout_find_item (self->painter->layout, scale, self->selected);
    }
  else
    item = _xinzhi_timeline_item_at (self, x, y);

  if (item == NULL)
    return FALSE;

  if (item->kind == XINZHI_TIMELINE_ITEM_CLUSTER)
    {
      const guint shown = 6;

      g_string_append_printf (text,
                              ngettext ("%u more event", "%u more events", item->n_members),
                              item->n_members);
      for (guint i = 0; i < MIN (item->n_members, shown); i++)
        g_string_append_printf (text, "\n• %s",
                                xinzhi_event_get_display_title (_xinzhi_timeline_get_event (self, item->members[i])));
      if (item->n_members > shown)
        g_string_append (text, "\n…");
      g_string_append_printf (text, "\n%s", _("Click to list them"));
    }
  else
    {
      XinzhiEvent *event = _xinzhi_timeline_get_event (self, item->entry);
      g_autofree char *date = xinzhi_event_dup_date_label (event);
      const char *other_title = xinzhi_event_get_other_title (event);

      g_string_append (text, xinzhi_event_get_display_title (event));
      if (other_title != NULL)
        g_string_append_printf (text, "\n%s", other_title);
      g_string_append_printf (text, "\n%s", date);
    }

  gtk_tooltip_set_text (tooltip, text->str);

  _xinzhi_timeline_item_bounds (self, &self->view, item, &x0, &x1);
  if (item->kind == XINZHI_TIMELINE_ITEM_BAND)
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x0, _xinzhi_timeline_content_top (self), x1 - x0,
                                                        _xinzhi_timeline_axis_y (self) - _xinzhi_timeline_content_top (self) });
  else
    {
      middle = _xinzhi_timeline_lane_middle (self, item->lane);
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { x0, middle - BAR_HEIGHT / 2,
                                                          x1 - x0, BAR_HEIGHT });
    }

  return TRUE;
}

static void
xinzhi_timeline_state_flags_changed (GtkWidget     *widget,
                                     GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE |
                 GTK_STATE_FLAG_FOCUS_WITHIN))
    gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (xinzhi_timeline_parent_class)->state_flags_changed (widget, previous);
}

/* ------------------------------------------------------------------------------------ */
/* GObject                                                                              */
/* ------------------------------------------------------------------------------------ */

static void
xinzhi_timeline_dispose (GObject *object)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (object);

  if (self->animation != NULL)
    _xinzhi_timeline_stop_animation (self);
  g_clear_object (&self->animation);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, _xinzhi_timeline_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  _xinzhi_timeline_dispose_cluster (self);

  G_OBJECT_CLASS (xinzhi_timeline_parent_class)->dispose (object);
}

static void
xinzhi_timeline_finalize (GObject *object)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (object);

  g_clear_pointer (&self->painter, xinzhi_timeline_painter_free);

  G_OBJECT_CLASS (xinzhi_timeline_parent_class)->finalize (object);
}

static void
xinzhi_timeline_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, xinzhi_timeline_get_selected (self));
      break;
    case PROP_VISIBLE_START:
      g_value_set_double (value, self->view.start);
      break;
    case PROP_VISIBLE_END:
      g_value_set_double (value, self->view.end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_timeline_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XinzhiTimeline *self = XINZHI_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      xinzhi_timeline_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      xinzhi_timeline_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  modifiers,
             const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, modifiers, action, NULL);
}

static void
xinzhi_timeline_class_init (XinzhiTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_timeline_dispose;
  object_class->finalize = xinzhi_timeline_finalize;
  object_class->get_property = xinzhi_timeline_get_property;
  object_class->set_property = xinzhi_timeline_set_property;

  widget_class->measure = xinzhi_timeline_measure;
  widget_class->size_allocate = xinzhi_timeline_size_allocate;
  widget_class->snapshot = _xinzhi_timeline_snapshot;
  widget_class->query_tooltip = xinzhi_timeline_query_tooltip;
  widget_class->state_flags_changed = xinzhi_timeline_state_flags_changed;

  /**
   * XinzhiTimeline:model:
   *
   * The events to show, a #GListModel of #XinzhiEvent, in any order.
   */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * XinzhiTimeline:selected:
   *
   * The selected event, or %NULL.
   */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, XINZHI_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * XinzhiTimeline:visible-start:
   *
   * The day at the left edge, as a GLib Julian day number with a fraction (the numbers
   * of xinzhi_date_first_day()).
   */
  properties[PROP_VISIBLE_START] =
    g_param_spec_double ("visible-start", NULL, NULL,
                         XINZHI_TIMELINE_FIRST_DAY, XINZHI_TIMELINE_LAST_DAY, XINZHI_TIMELINE_FIRST_DAY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * XinzhiTimeline:visible-end:
   *
   * The day at the right edge, as for #XinzhiTimeline:visible-start.
   */
  properties[PROP_VISIBLE_END] =
    g_param_spec_double ("visible-end", NULL, NULL,
                         XINZHI_TIMELINE_FIRST_DAY, XINZHI_TIMELINE_LAST_DAY, XINZHI_TIMELINE_FIRST_DAY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XinzhiTimeline::activate-event:
   * @self: the timeline
   * @event: the event
   *
   * Emitted when an event is activated: Enter, Space or a double click.
   */
  signals[SIGNAL_ACTIVATE_EVENT] =
    g_signal_new ("activate-event",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, XINZHI_TYPE_EVENT);

  /**
   * XinzhiTimeline::span-chosen:
   * @self: the timeline
   * @first_day: the span's first day, a Julian day number
   * @last_day: its last day, included
   *
   * Emitted when a person has chosen a span by dragging across the time axis: whole
   * days, or whole months or years when the zoom is too coarse to tell days apart.  The
   * timeline does not draw it as the span until xinzhi_timeline_set_span() is called.
   */
  signals[SIGNAL_SPAN_CHOSEN] =
    g_signal_new ("span-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, _xinzhi_timeline_zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, _xinzhi_timeline_zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.reset", NULL, _xinzhi_timeline_reset_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, _xinzhi_timeline_fit_all_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan", "d", _xinzhi_timeline_pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-next", NULL, _xinzhi_timeline_select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-previous", NULL, _xinzhi_timeline_select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-first", NULL, _xinzhi_timeline_select_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-last", NULL, _xinzhi_timeline_select_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "timeline.span-earlier", NULL, _xinzhi_timeline_span_action);
  gtk_widget_class_install_action (widget_class, "timeline.span-later", NULL, _xinzhi_timeline_span_action);
  gtk_widget_class_install_action (widget_class, "timeline.span-end-earlier", NULL, _xinzhi_timeline_span_action);
  gtk_widget_class_install_action (widget_class, "timeline.span-end-later", NULL, _xinzhi_timeline_span_action);

  add_binding (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out");
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out");
  add_binding (widget_class, GDK_KEY_0, 0, "timeline.reset");
  add_binding (widget_class, GDK_KEY_KP_0, 0, "timeline.reset");
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.reset");
  add_binding (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.reset");
  add_binding (widget_class, GDK_KEY_Right, 0, "timeline.select-next");
  add_binding (widget_class, GDK_KEY_KP_Right, 0, "timeline.select-next");
  add_binding (widget_class, GDK_KEY_Left, 0, "timeline.select-previous");
  add_binding (widget_class, GDK_KEY_KP_Left, 0, "timeline.select-previous");
  add_binding (widget_class, GDK_KEY_Home, 0, "timeline.select-first");
  add_binding (widget_class, GDK_KEY_KP_Home, 0, "timeline.select-first");
  add_binding (widget_class, GDK_KEY_End, 0, "timeline.select-last");
  add_binding (widget_class, GDK_KEY_KP_End, 0, "timeline.select-last");
  add_binding (widget_class, GDK_KEY_Return, 0, "timeline.activate");
  add_binding (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate");
  add_binding (widget_class, GDK_KEY_ISO_Enter, 0, "timeline.activate");
  add_binding (widget_class, GDK_KEY_space, 0, "timeline.activate");
  add_binding (widget_class, GDK_KEY_KP_Space, 0, "timeline.activate");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK,
                                       "timeline.pan", "d", PAN_STEP);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK,
                                       "timeline.pan", "d", -PAN_STEP);
  add_binding (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "timeline.span-earlier");
  add_binding (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "timeline.span-later");
  add_binding (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "timeline.span-end-earlier");
  add_binding (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "timeline.span-end-later");

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
xinzhi_timeline_init (XinzhiTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *gesture;
  GtkEventController *controller;

  /* The widget's own context, whose fonts follow the settings. */
  self->painter = xinzhi_timeline_painter_new (gtk_widget_get_pango_context (widget));
  self->painter->density_band = TRUE;
  self->event_ids = g_hash_table_new (NULL, NULL);
  self->selected = G_MAXUINT;
  self->hover = G_MAXUINT;

  _xinzhi_timeline_reset_view (self, FALSE);

  self->animation =
    adw_timed_animation_new (widget, 0, 1, ANIMATION_MS,
                             adw_callback_animation_target_new (_xinzhi_timeline_animation_cb, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (_xinzhi_timeline_click_pressed_cb), self);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (_xinzhi_timeline_click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (_xinzhi_timeline_drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (_xinzhi_timeline_drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (_xinzhi_timeline_drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (_xinzhi_timeline_pinch_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (_xinzhi_timeline_pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (_xinzhi_timeline_scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (_xinzhi_timeline_motion_cb), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (_xinzhi_timeline_motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (_xinzhi_timeline_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  xinzhi_palette_watch (widget, G_CALLBACK (_xinzhi_timeline_style_changed_cb));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_accessible_description (self);
  update_actions (self);
}

/* ------------------------------------------------------------------------------------ */
/* Public API                                                                           */
/* ------------------------------------------------------------------------------------ */

GtkWidget *
xinzhi_timeline_new (void)
{
  return g_object_new (XINZHI_TYPE_TIMELINE, NULL);
}

/**
 * xinzhi_timeline_get_model:
 *
 * Returns: (transfer none) (nullable): the events shown
 */
GListModel *
xinzhi_timeline_get_model (XinzhiTimeline *self)
{
  g_return_val_if_fail (XINZHI_IS_TIMELINE (self), NULL);

  return self->model;
}

/**
 * xinzhi_timeline_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected event
 */
XinzhiEvent *
xinzhi_timeline_get_selected (XinzhiTimeline *self)
{
  g_return_val_if_fail (XINZHI_IS_TIMELINE (self), NULL);

  if (self->selected == G_MAXUINT)
    return NULL;

  return _xinzhi_timeline_get_event (self, self->selected);
}

/**
 * xinzhi_timeline_get_visible_range:
 * @self: a timeline
 * @start: (out) (optional): the day at the left edge
 * @end: (out) (optional): the day at the right edge
 *
 * Gets the days shown, as GLib Julian day numbers with a fraction: the numbers of
 * xinzhi_date_first_day(), where 738949.5 is the middle of a day.
 */
void
xinzhi_timeline_get_visible_range (XinzhiTimeline *self,
                                   double         *start,
                                   double         *end)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));

  if (start)
    *start = self->view.start;
  if (end)
    *end = self->view.end;
}

/**
 * xinzhi_timeline_set_model:
 * @self: a timeline
 * @model: (nullable): a #GListModel of #XinzhiEvent
 */
void
xinzhi_timeline_set_model (XinzhiTimeline *self,
                           GListModel     *model)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, _xinzhi_timeline_items_changed_cb, self);

  g_set_object (&self->model, model);

  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (_xinzhi_timeline_items_changed_cb),
                             self, G_CONNECT_SWAPPED);

  _xinzhi_timeline_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/**
 * xinzhi_timeline_set_selected:
 * @self: a timeline
 * @event: (nullable): an event of the model, or %NULL to select none
 *
 * Selects @event and pans, if needed, so that it shows.
 */
void
xinzhi_timeline_set_selected (XinzhiTimeline *self,
                              XinzhiEvent    *event)
{
  gpointer id = NULL;
  guint position = G_MAXUINT;

  g_return_if_fail (XINZHI_IS_TIMELINE (self));
  g_return_if_fail (event == NULL || XINZHI_IS_EVENT (event));

  if (event != NULL)
    id = g_hash_table_lookup (self->event_ids, event);
  if (id != NULL)
    position = xinzhi_timeline_layout_find_entry (self->painter->layout, GPOINTER_TO_UINT (id) - 1);

  _xinzhi_timeline_select_position (self, position, TRUE);
}

/**
 * xinzhi_timeline_set_visible_range:
 * @self: a timeline
 * @start: the day at the left edge
 * @end: the day at the right edge
 *
 * Shows [@start, @end), within the spans a timeline allows (3 days to 30 years).
 */
void
xinzhi_timeline_set_visible_range (XinzhiTimeline *self,
                                   double          start,
                                   double          end)
{
  XinzhiTimelineView view;

  g_return_if_fail (XINZHI_IS_TIMELINE (self));

  _xinzhi_timeline_stop_animation (self);
  self->fit_pending = FALSE;
  view = self->view;
  xinzhi_timeline_view_set_range (&view, start, end);
  _xinzhi_timeline_set_view (self, &view);
}

/**
 * xinzhi_timeline_get_home_span:
 * @self: a timeline
 * @start: (out): return location for the first day of the span
 * @end: (out): return location for the day after its last
 *
 * Gives the span xinzhi_timeline_reset_view() shows: the one set with
 * xinzhi_timeline_set_home_span(), or, when none is, the current month.
 */
void
xinzhi_timeline_get_home_span (XinzhiTimeline *self,
                               double         *start,
                               double         *end)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));
  g_return_if_fail (start != NULL);
  g_return_if_fail (end != NULL);

  get_home_span (self, start, end);
}

/**
 * xinzhi_timeline_set_home_span:
 * @self: a timeline
 * @start: the first day of the span, as a Julian day number
 * @end: the day after its last
 *
 * Sets the span the timeline goes back to with xinzhi_timeline_reset_view(): the corpus's
 * (xinzhi_corpus_get_home_span()).  The view stays where it is until then.
 */
void
xinzhi_timeline_set_home_span (XinzhiTimeline *self,
                               double          start,
                               double          end)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));
  g_return_if_fail (start < end);

  self->has_home = TRUE;
  self->home_start = start;
  self->home_end = end;
}

/**
 * xinzhi_timeline_unset_home_span:
 * @self: a timeline
 *
 * Leaves the timeline without a home span of its own, as for a corpus without a date:
 * xinzhi_timeline_reset_view() shows the current month.
 */
void
xinzhi_timeline_unset_home_span (XinzhiTimeline *self)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));

  self->has_home = FALSE;
}

/**
 * xinzhi_timeline_reset_view:
 *
 * Shows the home span again (xinzhi_timeline_set_home_span()) across the width, with
 * room for the titles of its last events; as the `timeline.reset` action does.  The view
 * moves there in an animation while the widget shows and animations are enabled.
 */
void
xinzhi_timeline_reset_view (XinzhiTimeline *self)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));

  _xinzhi_timeline_reset_view (self, TRUE);
}

/**
 * xinzhi_timeline_fit_all:
 *
 * Shows every event, as the `timeline.fit-all` action does, in an animation as for
 * xinzhi_timeline_reset_view().
 */
void
xinzhi_timeline_fit_all (XinzhiTimeline *self)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));

  _xinzhi_timeline_fit_all (self, TRUE);
}

/**
 * xinzhi_timeline_zoom_in:
 *
 * Zooms in by a step about the selected event, or the middle if it does not show; as
 * the `timeline.zoom-in` action does.
 */
void
xinzhi_timeline_zoom_in (XinzhiTimeline *self)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.zoom-in", NULL);
}

/**
 * xinzhi_timeline_zoom_out:
 *
 * Zooms out by a step, as the `timeline.zoom-out` action does.
 */
void
xinzhi_timeline_zoom_out (XinzhiTimeline *self)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "timeline.zoom-out", NULL);
}

/**
 * xinzhi_timeline_set_span:
 * @self: a timeline
 * @first_day: the first day of the span, a Julian day number
 * @last_day: its last day, included
 *
 * Draws @first_day to @last_day as the span that filters the views: over the lanes and
 * on the axis.  The view stays where it is.
 */
void
xinzhi_timeline_set_span (XinzhiTimeline *self,
                          guint32         first_day,
                          guint32         last_day)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));
  g_return_if_fail (first_day > 0 && first_day <= last_day);

  if (self->has_span && self->span_first == first_day && self->span_last == last_day)
    return;

  self->has_span = TRUE;
  self->span_first = first_day;
  self->span_last = last_day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * xinzhi_timeline_unset_span:
 * @self: a timeline
 *
 * Draws no span.
 */
void
xinzhi_timeline_unset_span (XinzhiTimeline *self)
{
  g_return_if_fail (XINZHI_IS_TIMELINE (self));

  if (!self->has_span)
    return;

  self->has_span = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * xinzhi_timeline_get_span:
 * @self: a timeline
 * @first_day: (out) (optional): the first day of the span drawn
 * @last_day: (out) (optional): its last day
 *
 * Returns: whether a span is drawn
 */
gboolean
xinzhi_timeline_get_span (XinzhiTimeline *self,
                          guint32        *first_day,
                          guint32        *last_day)
{
  g_return_val_if_fail (XINZHI_IS_TIMELINE (self), FALSE);

  if (first_day != NULL)
    *first_day = self->has_span ? self->span_first : 0;
  if (last_day != NULL)
    *last_day = self->has_span ? self->span_last : 0;
  return self->has_span;
}

/**
 * xinzhi_timeline_get_figure_span:
 * @first_day: (out) (optional): the first day a figure shows
 * @last_day: (out) (optional): its last day
 *
 * The days a figure of the timeline shows: the span that filters the views, when one
 * is set, or else those of every event the timeline has.
 *
 * Returns: %FALSE when there is neither a span nor an event
 */
gboolean
xinzhi_timeline_get_figure_span (XinzhiTimeline *self,
                                 guint32        *first_day,
                                 guint32        *last_day)
{
  g_return_val_if_fail (XINZHI_IS_TIMELINE (self), FALSE);

  _xinzhi_timeline_ensure_fonts (self);
  if (xinzhi_timeline_get_span (self, first_day, last_day))
    return TRUE;
  return xinzhi_timeline_figure_get_days (self->painter, first_day, last_day);
}

/**
 * xinzhi_timeline_export_figure:
 * @texts: the figure's title, subtitle and source lines
 *   (xinzhi_timeline_figure_texts_new())
 * @file: where to write; a name ending in ".svg" gives SVG, any other PNG
 * @error: why it could not be written
 *
 * Writes the figure of the days xinzhi_timeline_get_figure_span() gives
 * (xinzhi_timeline_figure_write()) with a painter of its own over the model
 * (xinzhi_timeline_figure_new_painter()), in the light style with the accent of the
 * screen.
 *
 * Returns: whether the figure was written
 */
gboolean
xinzhi_timeline_export_figure (XinzhiTimeline                   *self,
                               const XinzhiTimelineFigureTexts  *texts,
                               GFile                            *file,
                               GError                          **error)
{
  AdwStyleManager *style_manager;
  g_autoptr(XinzhiTimelinePainter) painter = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  XinzhiPalette style;
  guint32 first, last;
  gboolean svg;

  g_return_val_if_fail (XINZHI_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (texts != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!xinzhi_timeline_get_figure_span (self, &first, &last))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("There are no events to export"));
      return FALSE;
    }

  style_manager = adw_style_manager_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  xinzhi_palette_init_for_page (&style, adw_style_manager_get_accent_color (style_manager));
  basename = g_file_get_basename (file);
  lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;
  svg = lower != NULL && g_str_has_suffix (lower, ".svg");

  /* Not the screen's painter: the figure's fonts are the same whatever the desktop's,
   * as they are for xinzhi --export timeline. */
  painter = xinzhi_timeline_figure_new_painter (self->model);
  bytes = xinzhi_timeline_figure_write (painter, &style, first, last, texts,
                                        svg ? XINZHI_TIMELINE_FIGURE_SVG : XINZHI_TIMELINE_FIGURE_PNG, error);
  self->figure_view = painter->figure_view;
  self->figure_area = painter->figure_area;
  if (bytes == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "xinzhi-timeline-layout.h"

/* The view of a timeline (its visible days and scale) and its time axis (the ticks and
 * their labels): pure arithmetic on days, apart from the layout of events in
 * xinzhi-timeline-layout.c. */

/* ------------------------------------------------------------------------------------ */
/* Views                                                                                */
/* ------------------------------------------------------------------------------------ */

/**
 * xinzhi_timeline_view_get_scale:
 * @view: a view
 *
 * Returns: pixels per day, 0 while the view has no width
 */
double
xinzhi_timeline_view_get_scale (const XinzhiTimelineView *view)
{
  g_return_val_if_fail (view != NULL, 0);

  if (view->width <= 0 || view->end <= view->start)
    return 0;

  return view->width / (view->end - view->start);
}

double
xinzhi_timeline_view_day_to_x (const XinzhiTimelineView *view,
                               double                    day)
{
  g_return_val_if_fail (view != NULL, 0);

  return (day - view->start) * xinzhi_timeline_view_get_scale (view);
}

double
xinzhi_timeline_view_x_to_day (const XinzhiTimelineView *view,
                               double                    x)
{
  g_return_val_if_fail (view != NULL, 0);

  if (view->width <= 0)
    return view->start;

  return view->start + x * (view->end - view->start) / view->width;
}

/* Moves [start, start + span) inside the days GDate knows, keeping its span. */
static void
place_range (XinzhiTimelineView *view,
             double              start,
             double              span)
{
  span = CLAMP (span, XINZHI_TIMELINE_MIN_SPAN, XINZHI_TIMELINE_MAX_SPAN);
  start = CLAMP (start, XINZHI_TIMELINE_FIRST_DAY, XINZHI_TIMELINE_LAST_DAY - span);
  view->start = start;
  view->end = start + span;
}

/**
 * xinzhi_timeline_view_set_range:
 * @view: a view
 * @start: the first day to show
 * @end: the day after the last
 *
 * Shows [@start, @end), widened or narrowed about its middle to the spans a view
 * allows.
 */
void
xinzhi_timeline_view_set_range (XinzhiTimelineView *view,
                                double              start,
                                double              end)
{
  double span, middle;

  g_return_if_fail (view != NULL);

  if (end < start)
    {
      double tmp = start;

      start = end;
      end = tmp;
    }

  middle = (start + end) / 2;
  span = CLAMP (end - start, XINZHI_TIMELINE_MIN_SPAN, XINZHI_TIMELINE_MAX_SPAN);
  place_range (view, middle - span / 2, span);
}

/**
 * xinzhi_timeline_view_zoom:
 * @view: a view
 * @factor: how much larger to show things: 2 halves the span, 0.5 doubles it
 * @x: the pixel that stays in place, usually the pointer's
 *
 * Zooms about @x: the day under @x is under it afterwards, unless the span reaches its
 * limit or the view an end of the calendar.
 *
 * Returns: whether the view changed
 */
gboolean
xinzhi_timeline_view_zoom (XinzhiTimelineView *view,
                           double              factor,
                           double              x)
{
  XinzhiTimelineView old;
  double anchor, span;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (factor > 0, FALSE);

  old = *view;
  anchor = xinzhi_timeline_view_x_to_day (view, x);
  span = CLAMP ((view->end - view->start) / factor,
                XINZHI_TIMELINE_MIN_SPAN, XINZHI_TIMELINE_MAX_SPAN);

  if (view->width > 0)
    place_range (view, anchor - span * (x / view->width), span);
  else
    place_range (view, anchor - span / 2, span);

  return old.start != view->start || old.end != view->end;
}

/**
 * xinzhi_timeline_view_can_zoom:
 * @view: a view
 * @factor: as for xinzhi_timeline_view_zoom()
 *
 * Returns: whether zooming by @factor would change the span
 */
gboolean
xinzhi_timeline_view_can_zoom (const XinzhiTimelineView *view,
                               double                    factor)
{
  double span;

  g_return_val_if_fail (view != NULL, FALSE);

  span = view->end - view->start;
  if (factor > 1)
    return span > XINZHI_TIMELINE_MIN_SPAN * (1 + 1e-9);
  if (factor < 1)
    return span < XINZHI_TIMELINE_MAX_SPAN * (1 - 1e-9);
  return FALSE;
}

/**
 * xinzhi_timeline_view_pan:
 * @view: a view
 * @dx: pixels to move the content by; positive shows later days
 */
void
xinzhi_timeline_view_pan (XinzhiTimelineView *view,
                          double              dx)
{
  double scale;

  g_return_if_fail (view != NULL);

  scale = xinzhi_timeline_view_get_scale (view);
  if (scale <= 0)
    return;

  place_range (view, view->start + dx / scale, view->end - view->start);
}

/**
 * xinzhi_timeline_view_fit:
 * @view: a view with its width
 * @start: the first day to show
 * @end: the day after the last
 * @margin_start: pixels to leave before @start
 * @margin_end: pixels to leave after @end
 *
 * Shows [@start, @end) across the width, less the margins.
 */
void
xinzhi_timeline_view_fit (XinzhiTimelineView *view,
                          double              start,
                          double              end,
                          double              margin_start,
                          double              margin_end)
{
  double span;

  g_return_if_fail (view != NULL);

  if (end < start)
    {
      double tmp = start;

      start = end;
      end = tmp;
    }

  span = end - start;
  if (view->width > margin_start + margin_end + 1 && span >= XINZHI_TIMELINE_MIN_SPAN)
    {
      double full = span * view->width / (view->width - margin_start - margin_end);
      double first = start - margin_start * full / view->width;

      xinzhi_timeline_view_set_range (view, first, first + full);
    }
  else
    xinzhi_timeline_view_set_range (view, start, end);
}

/* ------------------------------------------------------------------------------------ */
/* The time axis                                                                        */
/* ------------------------------------------------------------------------------------ */

static const struct
{
  XinzhiTimelineUnit unit;
  guint              step;
  double             min_days;  /* the shortest interval between two ticks */
} ladder[] = {
  { XINZHI_TIMELINE_UNIT_DAY, 1, 1 },
  { XINZHI_TIMELINE_UNIT_DAY, 2, 2 },
  { XINZHI_TIMELINE_UNIT_WEEK, 1, 7 },
  { XINZHI_TIMELINE_UNIT_MONTH, 1, 28 },
  { XINZHI_TIMELINE_UNIT_QUARTER, 1, 90 },
  { XINZHI_TIMELINE_UNIT_YEAR, 1, 365 },
  { XINZHI_TIMELINE_UNIT_YEAR, 2, 730 },
  { XINZHI_TIMELINE_UNIT_YEAR, 5, 1826 },
  { XINZHI_TIMELINE_UNIT_YEAR, 10, 3652 },
  { XINZHI_TIMELINE_UNIT_YEAR, 20, 7305 },
  { XINZHI_TIMELINE_UNIT_YEAR, 50, 18262 },
  { XINZHI_TIMELINE_UNIT_YEAR, 100, 36524 },
  { XINZHI_TIMELINE_UNIT_YEAR, 500, 182621 },
  { XINZHI_TIMELINE_UNIT_YEAR, 1000, 365242 },
};

/* Minor ticks closer than this are left out. */
#define MIN_MINOR_SPACING 8.0

/**
 * xinzhi_timeline_choose_ticks:
 * @scale: pixels per day
 * @min_spacing: the least distance between two labelled ticks, in pixels
 * @spec: (out): the units
 *
 * Chooses the finest unit whose ticks stand at least @min_spacing apart, and finer
 * unlabelled ticks between them.
 */
void
xinzhi_timeline_choose_ticks (double                  scale,
                              double                  min_spacing,
                              XinzhiTimelineTickSpec *spec)
{
  guint i;

  g_return_if_fail (spec != NULL);

  for (i = 0; i < G_N_ELEMENTS (ladder) - 1; i++)
    if (ladder[i].min_days * scale >= min_spacing)
      break;

  spec->unit = ladder[i].unit;
  spec->step = ladder[i].step;
  spec->long_labels = ladder[i].min_days * scale >= 1.5 * min_spacing;
  spec->minor_step = 0;
  spec->minor_unit = spec->unit;
  spec->has_context = TRUE;

  switch (spec->unit)
    {
    case XINZHI_TIMELINE_UNIT_DAY:
      spec->context_unit = XINZHI_TIMELINE_UNIT_MONTH;
      if (spec->step > 1)
        {
          spec->minor_unit = XINZHI_TIMELINE_UNIT_DAY;
          spec->minor_step = 1;
        }
      break;

    case XINZHI_TIMELINE_UNIT_WEEK:
      spec->context_unit = XINZHI_TIMELINE_UNIT_MONTH;
      spec->minor_unit = XINZHI_TIMELINE_UNIT_DAY;
      spec->minor_step = 1;
      break;

    case XINZHI_TIMELINE_UNIT_MONTH:
      spec->context_unit = XINZHI_TIMELINE_UNIT_YEAR;
      spec->minor_unit = XINZHI_TIMELINE_UNIT_WEEK;
      spec->minor_step = 7 * scale >= MIN_MINOR_SPACING ? 1 : 0;
      break;

    case XINZHI_TIMELINE_UNIT_QUARTER:
      spec->context_unit = XINZHI_TIMELINE_UNIT_YEAR;
      spec->minor_unit = XINZHI_TIMELINE_UNIT_MONTH;
      spec->minor_step = 1;
      break;

    case XINZHI_TIMELINE_UNIT_YEAR:
    default:
      spec->has_context = FALSE;
      spec->context_unit = XINZHI_TIMELINE_UNIT_YEAR;
      if (spec->step == 1)
        {
          if (28 * scale >= MIN_MINOR_SPACING)
            spec->minor_unit = XINZHI_TIMELINE_UNIT_MONTH;
          else
            spec->minor_unit = XINZHI_TIMELINE_UNIT_QUARTER;
          spec->minor_step = 90 * scale >= MIN_MINOR_SPACING ? 1 : 0;
        }
      else
        {
          static const guint minor_steps[] = { 1, 5, 10, 50, 100 };

          for (guint j = 0; j < G_N_ELEMENTS (minor_steps); j++)
            if (spec->step % minor_steps[j] == 0 && minor_steps[j] < spec->step &&
                minor_steps[j] * 365 * scale >= MIN_MINOR_SPACING)
              {
                spec->minor_step = minor_steps[j];
                break;
              }
        }
      break;
    }
}

static void
date_from_day (GDate   *date,
               guint32  day)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, CLAMP (day, 1, (guint32) XINZHI_TIMELINE_LAST_DAY - 1));
}

/* The last boundary of @unit × @step at or before @day. */
static guint32
unit_floor (XinzhiTimelineUnit unit,
            guint              step,
            guint32            day)
{
  GDate date;
  guint months, year;

  switch (unit)
    {
    case XINZHI_TIMELINE_UNIT_DAY:
      return MAX (day - day % step, 1);

    case XINZHI_TIMELINE_UNIT_WEEK:
      /* Day 1, 1 January of year 1, was a Monday. */
      return day - (day - 1) % (7 * step);

    case XINZHI_TIMELINE_UNIT_MONTH:
    case XINZHI_TIMELINE_UNIT_QUARTER:
      date_from_day (&date, day);
      months = (unit == XINZHI_TIMELINE_UNIT_QUARTER ? 3 : 1) * step;
      months = (g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1) / months * months;
      g_date_set_dmy (&date, 1, months % 12 + 1, months / 12);
      return g_date_get_julian (&date);

    case XINZHI_TIMELINE_UNIT_YEAR:
    default:
      date_from_day (&date, day);
      year = g_date_get_year (&date) / step * step;
      g_date_set_dmy (&date, 1, 1, MAX (year, 1));
      return g_date_get_julian (&date);
    }
}

/* The boundary of @unit × @step after the boundary @day. */
static guint32
unit_next (XinzhiTimelineUnit unit,
           guint              step,
           guint32            day)
{
  GDate date;

  if (day >= XINZHI_TIMELINE_LAST_DAY - 400 * 366)
    return (guint32) XINZHI_TIMELINE_LAST_DAY;

  switch (unit)
    {
    case XINZHI_TIMELINE_UNIT_DAY:
      return day + step;

    case XINZHI_TIMELINE_UNIT_WEEK:
      return day + 7 * step;

    case XINZHI_TIMELINE_UNIT_MONTH:
    case XINZHI_TIMELINE_UNIT_QUARTER:
      date_from_day (&date, day);
      g_date_add_months (&date, (unit == XINZHI_TIMELINE_UNIT_QUARTER ? 3 : 1) * step);
      return g_date_get_julian (&date);

    case XINZHI_TIMELINE_UNIT_YEAR:
    default:
      date_from_day (&date, day);
      g_date_add_years (&date, step);
      return g_date_get_julian (&date);
    }
}

static GDateTime *
date_time_from_day (guint32 day)
{
  GDate date;

  date_from_day (&date, day);
  return g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
}

/**
 * xinzhi_timeline_format_tick:
 * @unit: the unit of the tick
 * @day: the day it stands at
 * @long_label: whether there is room for a long label
 *
 * Returns: (transfer full): the label of a tick: "Mon 4", "4 Mar", "Mar" or "March",
 *   "Q1", "2024"
 */
char *
xinzhi_timeline_format_tick (XinzhiTimelineUnit unit,
                             guint32            day,
                             gboolean           long_label)
{
  g_autoptr(GDateTime) dt = date_time_from_day (day);

  switch (unit)
    {
    case XINZHI_TIMELINE_UNIT_DAY:
      /* Translators: a day on the timeline's axis, as a strftime format: "Mon 4" */
      /* xgettext:no-c-format */
      return g_date_time_format (dt, C_("timeline axis", "%a %-d"));

    case XINZHI_TIMELINE_UNIT_WEEK:
      /* Translators: the Monday of a week on the timeline's axis, as a strftime
       * format: "4 Mar"; "%-m月%-d日" in Chinese */
      /* xgettext:no-c-format */
      return g_date_time_format (dt, C_("timeline axis", "%-d %b"));

    case XINZHI_TIMELINE_UNIT_MONTH:
      if (long_label)
        /* Translators: a month on the timeline's axis, as a strftime format: "March" */
        return g_date_time_format (dt, C_("timeline axis", "%B"));
      /* Translators: a month on the timeline's axis where space is short, as a
       * strftime format: "Mar" */
      return g_date_time_format (dt, C_("timeline axis", "%b"));

    case XINZHI_TIMELINE_UNIT_QUARTER:
      /* Translators: a quarter of a year on the timeline's axis: "Q1" */
      return g_strdup_printf (C_("timeline axis", "Q%d"),
                              (g_date_time_get_month (dt) - 1) / 3 + 1);

    case XINZHI_TIMELINE_UNIT_YEAR:
    default:
      /* Translators: a year on the timeline's axis, as a strftime format: "2024" */
      return g_date_time_format (dt, C_("timeline axis", "%Y"));
    }
}

/**
 * xinzhi_timeline_format_context:
 * @unit: the context unit
 * @day: the first day of the span
 *
 * Returns: (transfer full): the label of a context span: "March 2024" or "2024"
 */
char *
xinzhi_timeline_format_context (XinzhiTimelineUnit unit,
                                guint32            day)
{
  g_autoptr(GDateTime) dt = date_time_from_day (day);

  if (unit == XINZHI_TIMELINE_UNIT_YEAR)
    /* Translators: the year under the months of the timeline's axis, as a strftime
     * format: "2024" */
    return g_date_time_format (dt, C_("timeline axis", "%Y"));

  /* Translators: the month under the days of the timeline's axis, as a strftime
   * format: "March 2024" */
  return g_date_time_format (dt, C_("timeline axis", "%B %Y"));
}

static void
clear_tick (gpointer data)
{
  XinzhiTimelineTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

static void
clear_context (gpointer data)
{
  XinzhiTimelineContext *context = data;

  g_clear_pointer (&context->label, g_free);
}

static int
compare_ticks (gconstpointer a,
               gconstpointer b)
{
  const XinzhiTimelineTick *ta = a;
  const XinzhiTimelineTick *tb = b;

  if (ta->day != tb->day)
    return ta->day < tb->day ? -1 : 1;

  /* Major before minor, so that duplicates drop the minor one. */
  return (int) tb->major - (int) ta->major;
}

/**
 * xinzhi_timeline_axis_new:
 * @view: a view with its width
 * @min_spacing: the least distance between two labelled ticks, in pixels
 *
 * Returns: (transfer full): the ticks and context labels of @view
 */
XinzhiTimelineAxis *
xinzhi_timeline_axis_new (const XinzhiTimelineView *view,
                          double                    min_spacing)
{
  g_autoptr(XinzhiTimelineAxis) axis = g_new0 (XinzhiTimelineAxis, 1);
  guint32 first = (guint32) MAX (floor (view->start), 1);
  guint32 day;
  GArray *ticks;

  g_return_val_if_fail (view != NULL, NULL);

  axis->ticks = g_array_new (FALSE, TRUE, sizeof (XinzhiTimelineTick));
  g_array_set_clear_func (axis->ticks, clear_tick);
  axis->contexts = g_array_new (FALSE, TRUE, sizeof (XinzhiTimelineContext));
  g_array_set_clear_func (axis->contexts, clear_context);
  ticks = axis->ticks;

  if (xinzhi_timeline_view_get_scale (view) <= 0)
    return g_steal_pointer (&axis);

  xinzhi_timeline_choose_ticks (xinzhi_timeline_view_get_scale (view), min_spacing,
                                &axis->spec);

  for (day = unit_floor (axis->spec.unit, axis->spec.step, first);
       day < view->end;
       day = unit_next (axis->spec.unit, axis->spec.step, day))
    {
      XinzhiTimelineTick tick = { day, 0, TRUE, FALSE, NULL };

      if (day < view->start)
        continue;
      tick.label = xinzhi_timeline_format_tick (axis->spec.unit, day,
                                                axis->spec.long_labels);
      g_array_append_val (ticks, tick);
    }

  if (axis->spec.minor_step > 0)
    {
      for (day = unit_floor (axis->spec.minor_unit, axis->spec.minor_step, first);
           day < view->end;
           day = unit_next (axis->spec.minor_unit, axis->spec.minor_step, day))
        {
          XinzhiTimelineTick tick = { day, 0, FALSE, FALSE, NULL };

          if (day >= view->start)
            g_array_append_val (ticks, tick);
        }

      g_array_sort (ticks, compare_ticks);
      for (guint i = 1; i < ticks->len; )
        {
          if (g_array_index (ticks, XinzhiTimelineTick, i).day ==
              g_array_index (ticks, XinzhiTimelineTick, i - 1).day)
            g_array_remove_index (ticks, i);
          else
            i++;
        }
    }

  for (guint i = 0; i < ticks->len; i++)
    {
      XinzhiTimelineTick *tick = &g_array_index (ticks, XinzhiTimelineTick, i);

      tick->x = xinzhi_timeline_view_day_to_x (view, tick->day);
      tick->boundary = axis->spec.has_context &&
                       unit_floor (axis->spec.context_unit, 1, tick->day) == tick->day;
    }

  if (axis->spec.has_context)
    {
      for (day = unit_floor (axis->spec.context_unit, 1, first);
           day < view->end;
           day = unit_next (axis->spec.context_unit, 1, day))
        {
          XinzhiTimelineContext context;

          context.start = day;
          context.end = unit_next (axis->spec.context_unit, 1, day);
          context.label = xinzhi_timeline_format_context (axis->spec.context_unit, day);
          g_array_append_val (axis->contexts, context);
        }
    }

  return g_steal_pointer (&axis);
}

void
xinzhi_timeline_axis_free (XinzhiTimelineAxis *axis)
{
  if (axis == NULL)
    return;

  g_clear_pointer (&axis->ticks, g_array_unref);
  g_clear_pointer (&axis->contexts, g_array_unref);
  g_free (axis);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "xinzhi-timeline-density.h"

/* The density band counts, for each bin of a calendar unit (a day, a Monday-to-Sunday
 * week, a month, a quarter, a year), the events that certainly fall in it and those
 * that only may, so that it never says more than the dates do: an event known only
 * to March 2024 is certain in March's bin, and only possible in each of March's days
 * and weeks.  An event whose days are known and that runs over several bins (a
 * conference of a week) is certain in each: it goes on in all of them.  An event whose
 * date is an estimate (the sources do not state it) is only possible wherever it is
 * drawn.  Periods (the Two Sessions) are not counted: they hold events, and their
 * shade shows them.
 *
 * For each unit, the counts are a step function of the bin's number, kept as its
 * steps: built once, when the unit is first asked for, in O(n log n) for n events; a
 * query then finds its first bin by binary search and walks the bins it shows, so a
 * frame costs as much at a million events as at a hundred. */

#define N_UNITS (XINZHI_TIMELINE_UNIT_YEAR + 1)

/* The most bins one query gives: the caller asks for bins of a few pixels at least. */
#define MAX_QUERY_BINS 16384

typedef struct
{
  gint64 index;     /* the first bin of the step */
  guint  certain;   /* the counts from that bin on, to the next step */
  guint  possible;
} Step;

typedef struct
{
  gint64 index;
  int    certain;
  int    possible;
} Change;

typedef struct
{
  gint64 first;     /* the first and the last day it may cover */
  gint64 last;
  gboolean fuzzy;
  gboolean estimated;
} Span;

struct _XinzhiTimelineDensity
{
  GArray *spans;            /* of Span */
  GArray *steps[N_UNITS];   /* of Step, by index; NULL until asked for */
};

static gint64
clamp_day (double day)
{
  return (gint64) CLAMP (day, XINZHI_TIMELINE_FIRST_DAY, XINZHI_TIMELINE_LAST_DAY);
}

/* The number of the month (year × 12 + month − 1) of Julian day @day, by integer
 * arithmetic rather than GDate: building a unit's steps converts two days an event,
 * and GDate took most of the time (53 of 124 ms for 100,000 events).  The days from
 * 1 March of year 0 by 400-year eras (H. Hinnant's civil-from-days). */
static gint64
month_of (gint64 day)
{
  /* Julian day 1, 1 January of year 1, is 306 days after 1 March of year 0. */
  gint64 z = day - 1 + 306;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 month = mp < 10 ? mp + 3 : mp - 9;
  gint64 year = yoe + era * 400 + (month <= 2);

  return year * 12 + month - 1;
}

/* The number of the bin of @unit that holds @day.  Julian day 1 (1 January of year 1)
 * is a Monday, so weeks are counted from it. */
static gint64
bin_index (XinzhiTimelineUnit unit,
           gint64             day)
{
  switch (unit)
    {
    case XINZHI_TIMELINE_UNIT_DAY:
      return day;
    case XINZHI_TIMELINE_UNIT_WEEK:
      return (day - 1) / 7;
    case XINZHI_TIMELINE_UNIT_MONTH:
      return month_of (day);
    case XINZHI_TIMELINE_UNIT_QUARTER:
      return month_of (day) / 3;
    case XINZHI_TIMELINE_UNIT_YEAR:
    default:
      return month_of (day) / 12;
    }
}

/* The first day of the bin @index of @unit; past the last day GDate knows, the day
 * after it. */
static gint64
bin_first_day (XinzhiTimelineUnit unit,
               gint64             index)
{
  gint64 month;
  GDate date;

  switch (unit)
    {
    case XINZHI_TIMELINE_UNIT_DAY:
      return index;
    case XINZHI_TIMELINE_UNIT_WEEK:
      return index * 7 + 1;
    case XINZHI_TIMELINE_UNIT_MONTH:
      month = index;
      break;
    case XINZHI_TIMELINE_UNIT_QUARTER:
      month = index * 3;
      break;
    case XINZHI_TIMELINE_UNIT_YEAR:
    default:
      month = index * 12;
      break;
    }

  if (month / 12 > 9999 || month / 12 < 1)
    return month / 12 < 1 ? 1 : (gint64) XINZHI_TIMELINE_LAST_DAY + 1;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, (GDateMonth) (month % 12 + 1), (GDateYear) (month / 12));
  return g_date_get_julian (&date);
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const Change *change_a = a;
  const Change *change_b = b;

  return change_a->index < change_b->index ? -1 : change_a->index > change_b->index;
}

static GArray *
build_steps (XinzhiTimelineDensity *self,
             XinzhiTimelineUnit     unit)
{
  g_autoptr(GArray) changes = g_array_sized_new (FALSE, FALSE, sizeof (Change), 2 * self->spans->len);
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (Step));
  gint64 certain = 0, possible = 0;

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);
      gint64 first = bin_index (unit, span->first);
      gint64 last = bin_index (unit, span->last);
      gboolean sure = !span->estimated && (!span->fuzzy || first == last);
      Change start = { first, sure ? 1 : 0, sure ? 0 : 1 };
      Change stop = { last + 1, sure ? -1 : 0, sure ? 0 : -1 };

      g_array_append_val (changes, start);
      g_array_append_val (changes, stop);
    }
  g_array_sort (changes, compare_changes);

  for (guint i = 0; i < changes->len;)
    {
      gint64 index = g_array_index (changes, Change, i).index;
      Step step;

      for (; i < changes->len && g_array_index (changes, Change, i).index == index; i++)
        {
          certain += g_array_index (changes, Change, i).certain;
          possible += g_array_index (changes, Change, i).possible;
        }
      step = (Step) { index, (guint) certain, (guint) possible };
      g_array_append_val (steps, step);
    }

  return steps;
}

/* The position of the step that holds bin @index: the last whose index is at most
 * @index, or G_MAXUINT before the first. */
static guint
find_step (GArray *steps,
           gint64  index)
{
  guint lo = 0, hi = steps->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (steps, Step, mid).index <= index)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo == 0 ? G_MAXUINT : lo - 1;
}

/**
 * xinzhi_timeline_density_new:
 *
 * Returns: (transfer full): a density band with no events
 */
XinzhiTimelineDensity *
xinzhi_timeline_density_new (void)
{
  XinzhiTimelineDensity *self = g_new0 (XinzhiTimelineDensity, 1);

  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  return self;
}

void
xinzhi_timeline_density_free (XinzhiTimelineDensity *self)
{
  if (self == NULL)
    return;

  for (guint unit = 0; unit < N_UNITS; unit++)
    g_clear_pointer (&self->steps[unit], g_array_unref);
  g_array_unref (self->spans);
  g_free (self);
}

/**
 * xinzhi_timeline_density_set_entries:
 * @entries: (array length=n_entries): the timeline's events
 * @n_entries: how many
 *
 * Counts @entries from now on, periods left out.
 */
void
xinzhi_timeline_density_set_entries (XinzhiTimelineDensity     *self,
                                     const XinzhiTimelineEntry *entries,
                                     guint                      n_entries)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (entries != NULL || n_entries == 0);

  for (guint unit = 0; unit < N_UNITS; unit++)
    g_clear_pointer (&self->steps[unit], g_array_unref);
  g_array_set_size (self->spans, 0);

  for (guint i = 0; i < n_entries; i++)
    {
      const XinzhiTimelineEntry *entry = &entries[i];
      Span span;

      if (entry->flags & XINZHI_TIMELINE_ENTRY_PERIOD)
        continue;
      span.first = clamp_day (entry->start);
      /* The end is the day after the last. */
      span.last = MAX (span.first, clamp_day (ceil (entry->end) - 1));
      span.fuzzy = (entry->flags & XINZHI_TIMELINE_ENTRY_FUZZY) != 0;
      span.estimated = (entry->flags & XINZHI_TIMELINE_ENTRY_ESTIMATED) != 0;
      g_array_append_val (self->spans, span);
    }
}

/**
 * xinzhi_timeline_density_choose_unit:
 * @scale: pixels per day
 * @min_width: the least width of a bin, in pixels
 *
 * Returns: the shortest unit whose bins are at least @min_width wide at @scale, or
 *   years if none is
 */
XinzhiTimelineUnit
xinzhi_timeline_density_choose_unit (double scale,
                                     double min_width)
{
  static const struct { XinzhiTimelineUnit unit; double days; } units[] = {
    { XINZHI_TIMELINE_UNIT_DAY, 1 },
    { XINZHI_TIMELINE_UNIT_WEEK, 7 },
    { XINZHI_TIMELINE_UNIT_MONTH, 28 },
    { XINZHI_TIMELINE_UNIT_QUARTER, 90 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (scale * units[i].days >= min_width)
      return units[i].unit;
  return XINZHI_TIMELINE_UNIT_YEAR;
}

/**
 * xinzhi_timeline_density_bin_start:
 * @unit: a unit
 * @day: a day
 *
 * Returns: the first day of the bin of @unit that holds @day
 */
double
xinzhi_timeline_density_bin_start (XinzhiTimelineUnit unit,
                                   double             day)
{
  return bin_first_day (unit, bin_index (unit, clamp_day (floor (day))));
}

/**
 * xinzhi_timeline_density_query:
 * @unit: the unit of the bins
 * @start: the first day to show
 * @end: the day after the last
 * @bins: (element-type XinzhiTimelineBin): where the bins that meet @start to @end are
 *   appended, in order, empty ones included (at most a few thousand)
 *
 * Counts the events of each bin of @unit from @start to @end.
 */
void
xinzhi_timeline_density_query (XinzhiTimelineDensity *self,
                               XinzhiTimelineUnit     unit,
                               double                 start,
                               double                 end,
                               GArray                *bins)
{
  GArray *steps;
  gint64 first, last;
  guint step;

  g_return_if_fail (self != NULL);
  g_return_if_fail (unit < N_UNITS);
  g_return_if_fail (bins != NULL);

  if (end <= start)
    return;

  if (self->steps[unit] == NULL)
    self->steps[unit] = build_steps (self, unit);
  steps = self->steps[unit];

  first = bin_index (unit, clamp_day (floor (start)));
  last = bin_index (unit, clamp_day (ceil (end) - 1));
  last = MIN (last, first + MAX_QUERY_BINS - 1);

  step = find_step (steps, first);
  for (gint64 index = first; index <= last; index++)
    {
      XinzhiTimelineBin bin = { 0 };
      guint next = step == G_MAXUINT ? 0 : step + 1;

      for (; next < steps->len && g_array_index (steps, Step, next).index <= index; next++)
        step = next;
      if (step != G_MAXUINT)
        {
          bin.certain = g_array_index (steps, Step, step).certain;
          bin.possible = g_array_index (steps, Step, step).possible;
        }
      bin.start = bin_first_day (unit, index);
      bin.end = bin_first_day (unit, index + 1);
      g_array_append_val (bins, bin);
    }
}

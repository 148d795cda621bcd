/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "xinzhi-timeline-layout.h"

/* Layouts are cached for a few zoom levels, so that zooming in and back out again does
 * not lay the events out anew. */
#define N_LEVELS 4

/* Scales are rounded down to steps of 2^(1/LEVELS_PER_OCTAVE): the layout of a level is
 * valid at every scale of its step, because an item never takes fewer days at a larger
 * scale.  A pinch therefore lays out again every ninth of a doubling, not every frame. */
#define LEVELS_PER_OCTAVE 8

#define MAX_LANES 64

/* Spans are indexed by length class: class k holds spans no longer than 2^k days, so
 * that one long event does not widen the search for every short one. */
#define N_CLASSES 24

/* ------------------------------------------------------------------------------------ */
/* Entries                                                                              */
/* ------------------------------------------------------------------------------------ */

/**
 * xinzhi_timeline_entry_init:
 * @entry: (out caller-allocates): the entry
 * @start: the event's start
 * @end: the event's end (the same as @start for a single date)
 * @period: whether the event is a period
 * @label_width: the natural width of its label, in pixels
 * @id: the caller's number for it
 *
 * Fills in an entry from an event's dates.  A date known only to the month covers the
 * whole month, and is flagged fuzzy so that it is not drawn as a single day.
 */
void
xinzhi_timeline_entry_init (XinzhiTimelineEntry *entry,
                            const XinzhiDate    *start,
                            const XinzhiDate    *end,
                            gboolean             period,
                            double               label_width,
                            guint                id)
{
  g_return_if_fail (entry != NULL);
  g_return_if_fail (start != NULL && start->precision != XINZHI_DATE_PRECISION_NONE);
  g_return_if_fail (end != NULL && end->precision != XINZHI_DATE_PRECISION_NONE);

  entry->start = xinzhi_date_first_day (start);
  entry->end = MAX (xinzhi_date_last_day (end), xinzhi_date_last_day (start)) + 1;
  entry->label_width = MAX (label_width, 0);
  entry->id = id;
  entry->flags = 0;

  if (period)
    entry->flags |= XINZHI_TIMELINE_ENTRY_PERIOD;
  if (xinzhi_date_compare (start, end) != 0)
    entry->flags |= XINZHI_TIMELINE_ENTRY_RANGE;
  if (start->precision < XINZHI_DATE_PRECISION_DAY)
    entry->flags |= XINZHI_TIMELINE_ENTRY_FUZZY_START;
  if (end->precision < XINZHI_DATE_PRECISION_DAY)
    entry->flags |= XINZHI_TIMELINE_ENTRY_FUZZY_END;
}

static inline gboolean
entry_is_pin (const XinzhiTimelineEntry *entry)
{
  return (entry->flags & (XINZHI_TIMELINE_ENTRY_RANGE |
                          XINZHI_TIMELINE_ENTRY_FUZZY |
                          XINZHI_TIMELINE_ENTRY_PERIOD)) == 0;
}

/* ------------------------------------------------------------------------------------ */
/* An index of spans by length class                                                    */
/* ------------------------------------------------------------------------------------ */

typedef struct
{
  double start;
  double end;
  guint  index;
} Span;

typedef struct
{
  GArray *spans[N_CLASSES];      /* of Span, by start */
  double  max_length[N_CLASSES];
} SpanIndex;

static guint
length_class (double length)
{
  int exponent;

  if (length <= 1)
    return 0;

  frexp (length, &exponent);
  return MIN ((guint) exponent, N_CLASSES - 1);
}

static void
span_index_clear (SpanIndex *index)
{
  for (guint k = 0; k < N_CLASSES; k++)
    g_clear_pointer (&index->spans[k], g_array_unref);
}

/* Indexes @n spans given in order of start; span i has index i. */
static void
span_index_init (SpanIndex    *index,
                 const double *starts,
                 const double *ends,
                 gsize         stride,
                 guint         n)
{
  memset (index, 0, sizeof *index);

  for (guint i = 0; i < n; i++)
    {
      const double *s = (const double *) ((const char *) starts + i * stride);
      const double *e = (const double *) ((const char *) ends + i * stride);
      Span span = { *s, *e, i };
      guint k = length_class (span.end - span.start);

      if (index->spans[k] == NULL)
        index->spans[k] = g_array_new (FALSE, FALSE, sizeof (Span));
      g_array_append_val (index->spans[k], span);
      index->max_length[k] = MAX (index->max_length[k], span.end - span.start);
    }
}

/* The first span of @spans whose start is not less than @day. */
static guint
lower_bound (GArray *spans,
             double  day)
{
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (spans, Span, mid).start < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The first element of @array whose end, the double at @end_offset in it, is after
 * @day, where the elements do not overlap, so that their ends grow as their starts. */
static guint
first_ending_after (GArray *array,
                    gsize   end_offset,
                    double  day)
{
  guint size = g_array_get_element_size (array);
  guint lo = 0, hi = array->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      double end = *(const double *) (gconstpointer) (array->data + mid * size + end_offset);

      if (end > day)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* Appends to @out, in increasing order, the indices of the spans that meet
 * [@start, @end): a binary search in each length class, with that class's longest
 * span as the margin before @start. */
static void
span_index_query (const SpanIndex *index,
                  double           start,
                  double           end,
                  GArray          *out)
{
  guint first = out->len;

  for (guint k = 0; k < N_CLASSES; k++)
    {
      GArray *spans = index->spans[k];
      guint lo, hi;

      if (spans == NULL)
        continue;

      lo = lower_bound (spans, start - index->max_length[k]);
      hi = lower_bound (spans, end);
      for (guint i = lo; i < hi; i++)
        {
          const Span *span = &g_array_index (spans, Span, i);

          if (span->end > start)
            g_array_append_val (out, span->index);
        }
    }

  if (out->len > first + 1)
    qsort (&g_array_index (out, guint, first), out->len - first, sizeof (guint),
           compare_guint);
}

/* ------------------------------------------------------------------------------------ */
/* The layout                                                                           */
/* ------------------------------------------------------------------------------------ */

typedef struct
{
  double     scale;          /* the level's scale: the cache key */
  guint      serial;         /* when it was last used */
  GArray    *items;          /* of XinzhiTimelineItem, by extent_start */
  GArray    *bands;          /* of XinzhiTimelineItem, by start */
  GArray    *titled;         /* of Span: the bands in the first row, by start; their
                              * extents, which do not meet, and their index in bands */
  GArray    *shade;          /* of XinzhiTimelineShade, by start, apart */
  GArray    *members;        /* of guint: the clusters' members */
  guint     *item_of_entry;  /* entry position → index in items or bands */
  guint      n_lanes;
  guint      n_rows;
  SpanIndex  item_index;
  SpanIndex  band_index;
} Level;

struct _XinzhiTimelineLayout
{
  XinzhiTimelineMetrics  metrics;
  guint                  max_lanes;

  GArray                *entries;        /* of XinzhiTimelineEntry, by start */
  GHashTable            *position_of_id;  /* id → position + 1 */
  SpanIndex              entry_index;
  double                 first_day;
  double                 last_day;

  Level                 *levels[N_LEVELS];
  guint                  serial;
};

static const XinzhiTimelineMetrics default_metrics = {
  .marker_size = 12,
  .label_gap = 6,
  .bar_padding = 8,
  .item_gap = 12,
  .max_label_width = 340,
  .min_bar_width = 12,
  .digit_width = 8,
  .cluster_padding = 10,
  .cluster_cell = 80,
};

static void
level_free (Level *level)
{
  g_clear_pointer (&level->items, g_array_unref);
  g_clear_pointer (&level->bands, g_array_unref);
  g_clear_pointer (&level->titled, g_array_unref);
  g_clear_pointer (&level->shade, g_array_unref);
  g_clear_pointer (&level->members, g_array_unref);
  g_clear_pointer (&level->item_of_entry, g_free);
  span_index_clear (&level->item_index);
  span_index_clear (&level->band_index);
  g_free (level);
}

static void
drop_levels (XinzhiTimelineLayout *self)
{
  for (guint i = 0; i < N_LEVELS; i++)
    g_clear_pointer (&self->levels[i], level_free);
}

/**
 * xinzhi_timeline_layout_new:
 * @metrics: (nullable): the sizes to lay out with, or %NULL for defaults
 *
 * Returns: (transfer full): a layout with no entries and four lanes
 */
XinzhiTimelineLayout *
xinzhi_timeline_layout_new (const XinzhiTimelineMetrics *metrics)
{
  XinzhiTimelineLayout *self = g_new0 (XinzhiTimelineLayout, 1);

  self->metrics = metrics ? *metrics : default_metrics;
  self->max_lanes = 4;
  self->entries = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineEntry));
  self->position_of_id = g_hash_table_new (NULL, NULL);

  return self;
}

void
xinzhi_timeline_layout_free (XinzhiTimelineLayout *self)
{
  if (self == NULL)
    return;

  drop_levels (self);
  span_index_clear (&self->entry_index);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->position_of_id, g_hash_table_unref);
  g_free (self);
}

const XinzhiTimelineMetrics *
xinzhi_timeline_layout_get_metrics (XinzhiTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->metrics;
}

void
xinzhi_timeline_layout_set_metrics (XinzhiTimelineLayout        *self,
                                    const XinzhiTimelineMetrics *metrics)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (metrics != NULL);

  if (memcmp (&self->metrics, metrics, sizeof *metrics) == 0)
    return;

  self->metrics = *metrics;
  drop_levels (self);
}

guint
xinzhi_timeline_layout_get_max_lanes (XinzhiTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->max_lanes;
}

/**
 * xinzhi_timeline_layout_set_max_lanes:
 * @self: a layout
 * @max_lanes: how many lanes there is room for, at least 1
 *
 * Events that would need more lanes are merged into clusters.
 */
void
xinzhi_timeline_layout_set_max_lanes (XinzhiTimelineLayout *self,
                                      guint                 max_lanes)
{
  g_return_if_fail (self != NULL);

  max_lanes = CLAMP (max_lanes, 1, MAX_LANES);
  if (max_lanes == self->max_lanes)
    return;

  self->max_lanes = max_lanes;
  drop_levels (self);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const XinzhiTimelineEntry *ea = a;
  const XinzhiTimelineEntry *eb = b;

  if (ea->start != eb->start)
    return ea->start < eb->start ? -1 : 1;
  if (ea->end != eb->end)
    return ea->end < eb->end ? -1 : 1;
  return ea->id < eb->id ? -1 : ea->id > eb->id;
}

/**
 * xinzhi_timeline_layout_set_entries:
 * @self: a layout
 * @entries: (array length=n_entries): the events
 * @n_entries: how many
 *
 * Replaces the events.  They are kept sorted by date; positions, as used throughout
 * the layout, count in that order.
 */
void
xinzhi_timeline_layout_set_entries (XinzhiTimelineLayout      *self,
                                    const XinzhiTimelineEntry *entries,
                                    guint                      n_entries)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (entries != NULL || n_entries == 0);

  drop_levels (self);
  span_index_clear (&self->entry_index);
  g_array_set_size (self->entries, 0);
  g_hash_table_remove_all (self->position_of_id);

  g_array_append_vals (self->entries, entries, n_entries);
  g_array_sort (self->entries, compare_entries);

  self->first_day = G_MAXDOUBLE;
  self->last_day = -G_MAXDOUBLE;
  for (guint i = 0; i < self->entries->len; i++)
    {
      const XinzhiTimelineEntry *entry = &g_array_index (self->entries, XinzhiTimelineEntry, i);

      g_hash_table_insert (self->position_of_id, GUINT_TO_POINTER (entry->id),
                           GUINT_TO_POINTER (i + 1));
      self->first_day = MIN (self->first_day, entry->start);
      self->last_day = MAX (self->last_day, entry->end);
    }

  if (n_entries > 0)
    span_index_init (&self->entry_index,
                     &g_array_index (self->entries, XinzhiTimelineEntry, 0).start,
                     &g_array_index (self->entries, XinzhiTimelineEntry, 0).end,
                     sizeof (XinzhiTimelineEntry), self->entries->len);
}

guint
xinzhi_timeline_layout_get_n_entries (XinzhiTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

/**
 * xinzhi_timeline_layout_get_entry:
 * @self: a layout
 * @position: a position, in date order
 *
 * Returns: (transfer none): the entry at @position
 */
const XinzhiTimelineEntry *
xinzhi_timeline_layout_get_entry (XinzhiTimelineLayout *self,
                                  guint                 position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return &g_array_index (self->entries, XinzhiTimelineEntry, position);
}

/**
 * xinzhi_timeline_layout_find_entry:
 * @self: a layout
 * @id: the caller's number for an entry
 *
 * Returns: the entry's position, or %G_MAXUINT if there is none with @id
 */
guint
xinzhi_timeline_layout_find_entry (XinzhiTimelineLayout *self,
                                   guint                 id)
{
  gpointer position;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  position = g_hash_table_lookup (self->position_of_id, GUINT_TO_POINTER (id));
  return position ? GPOINTER_TO_UINT (position) - 1 : G_MAXUINT;
}

/**
 * xinzhi_timeline_layout_get_bounds:
 * @self: a layout
 * @start: (out) (optional): the first day of the first event
 * @end: (out) (optional): the day after the last day of the last
 *
 * Returns: %FALSE if there are no entries
 */
gboolean
xinzhi_timeline_layout_get_bounds (XinzhiTimelineLayout *self,
                                   double               *start,
                                   double               *end)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->entries->len == 0)
    return FALSE;

  if (start)
    *start = self->first_day;
  if (end)
    *end = self->last_day;
  return TRUE;
}

/**
 * xinzhi_timeline_layout_query_entries:
 * @self: a layout
 * @start: the first day of a span
 * @end: the day after its last
 * @positions: (element-type guint): where to append the positions of the entries that
 *   meet [@start, @end), in date order
 *
 * Finds the events in a span by binary search, without looking at the others.
 */
void
xinzhi_timeline_layout_query_entries (XinzhiTimelineLayout *self,
                                      double                start,
                                      double                end,
                                      GArray               *positions)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (positions != NULL);

  span_index_query (&self->entry_index, start, end, positions);
}

/**
 * xinzhi_timeline_layout_level_scale:
 * @scale: pixels per day
 *
 * Returns: the scale of the zoom level that @scale belongs to, at most @scale
 */
double
xinzhi_timeline_layout_level_scale (double scale)
{
  double step;

  if (scale <= 0)
    return 0;

  /* Rounding may land a step off either way; the level must not exceed @scale, and a
   * level's own scale must map to itself. */
  step = floor (log2 (scale) * LEVELS_PER_OCTAVE);
  if (exp2 (step / LEVELS_PER_OCTAVE) > scale)
    step--;
  else if (exp2 ((step + 1) / LEVELS_PER_OCTAVE) <= scale)
    step++;

  return exp2 (step / LEVELS_PER_OCTAVE);
}

/* Whether a bar is wide enough at @scale to hold its label. */
static inline gboolean
label_fits (const XinzhiTimelineMetrics *m,
            const XinzhiTimelineEntry   *entry,
            double                       scale,
            double                       label_width)
{
  return (entry->end - entry->start) * scale >= 2 * m->bar_padding + label_width;
}

/* Whether a span (not a day, not a period) is too short at @scale to be drawn to
 * scale.  It is then a mark of a fixed size: a least width given to a bar would claim
 * days the event does not have. */
static inline gboolean
entry_is_mark (const XinzhiTimelineMetrics *m,
               const XinzhiTimelineEntry   *entry,
               double                       scale)
{
  return !entry_is_pin (entry) && !(entry->flags & XINZHI_TIMELINE_ENTRY_PERIOD) &&
         (entry->end - entry->start) * scale < m->min_bar_width;
}

/* Lays out one event at @scale: its extent holds its pin, mark or bar and its label.
 * At any larger scale, the item takes no more days than this: a pin's or a mark's
 * fixed size and a label beside take fewer days, a mark that becomes a bar is within
 * the mark's days (the span is shorter than the mark), and a label that comes to fit
 * inside its bar takes none. */
static XinzhiTimelineItem
make_event_item (XinzhiTimelineLayout *self,
                 guint                 position,
                 double                scale)
{
  const XinzhiTimelineMetrics *m = &self->metrics;
  const XinzhiTimelineEntry *entry = &g_array_index (self->entries, XinzhiTimelineEntry, position);
  XinzhiTimelineItem item = { 0 };
  double label_width = MIN (entry->label_width, m->max_label_width);
  double label_room = label_width > 0 ? m->label_gap + label_width : 0;

  item.kind = XINZHI_TIMELINE_ITEM_EVENT;
  item.entry = position;
  item.start = entry->start;
  item.end = entry->end;
  item.label_width = label_width;

  if (entry_is_pin (entry) || entry_is_mark (m, entry, scale))
    {
      double middle = (entry->start + entry->end) / 2;

      item.extent_start = middle - m->marker_size / 2 / scale;
      item.extent_end = middle + (m->marker_size / 2 + label_room) / scale;
    }
  else if (entry->flags & XINZHI_TIMELINE_ENTRY_PERIOD)
    {
      /* A band's title is in a row of its own, from the start of the band on. */
      item.kind = XINZHI_TIMELINE_ITEM_BAND;
      item.extent_start = entry->start;
      item.extent_end = entry->end;
      if (label_width > 0)
        item.extent_end = MAX (item.extent_end,
                               entry->start + (2 * m->bar_padding + label_width) / scale);
    }
  else
    {
      /* A bar holds its label if it is wide enough, and is followed by it otherwise, so
       * that a label never straddles the end of a bar. */
      item.extent_start = entry->start;
      item.extent_end = entry->end;
      if (label_width > 0 && !label_fits (m, entry, scale, label_width))
        item.extent_end += label_room / scale;
    }

  return item;
}

static guint
count_digits (guint n)
{
  guint digits = 1;

  while (n >= 10)
    {
      n /= 10;
      digits++;
    }

  return digits;
}

/* A cluster of @n events whose dates start from @start to the day before @end: a pill
 * as wide as its count ("+12"), over the middle of those days. */
static XinzhiTimelineItem
make_cluster_item (XinzhiTimelineLayout *self,
                   double                start,
                   double                end,
                   guint                 n,
                   double                scale)
{
  const XinzhiTimelineMetrics *m = &self->metrics;
  XinzhiTimelineItem item = { 0 };
  double width;

  item.kind = XINZHI_TIMELINE_ITEM_CLUSTER;
  item.entry = G_MAXUINT;
  item.n_members = n;
  item.start = start;
  item.end = end;
  item.label_width = (count_digits (n) + 1) * m->digit_width;

  width = item.label_width + 2 * m->cluster_padding;
  item.extent_start = (start + end) / 2 - width / 2 / scale;
  item.extent_end = (start + end) / 2 + width / 2 / scale;

  return item;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const XinzhiTimelineItem *ia = a;
  const XinzhiTimelineItem *ib = b;

  if (ia->extent_start != ib->extent_start)
    return ia->extent_start < ib->extent_start ? -1 : 1;
  if (ia->start != ib->start)
    return ia->start < ib->start ? -1 : 1;
  return ia->entry < ib->entry ? -1 : ia->entry > ib->entry;
}

static int
compare_items_by_entry (gconstpointer a,
                        gconstpointer b)
{
  const XinzhiTimelineItem *ia = a;
  const XinzhiTimelineItem *ib = b;

  return ia->entry < ib->entry ? -1 : ia->entry > ib->entry;
}

/* Puts each of @n items, sorted by extent_start, in the lowest lane whose last item
 * ends at least @gap days before it starts.  Gives up as soon as more than @max_lanes
 * would be needed.
 *
 * Returns: the number of lanes used, or @max_lanes + 1 */
static guint
assign_lanes (XinzhiTimelineItem *items,
              guint               n,
              guint               max_lanes,
              double              gap)
{
  double lane_end[MAX_LANES + 1];
  guint used = 0;

  for (guint i = 0; i < n; i++)
    {
      guint lane;

      for (lane = 0; lane < used; lane++)
        if (lane_end[lane] + gap <= items[i].extent_start)
          break;

      if (lane == used)
        {
          if (used == max_lanes)
            return max_lanes + 1;
          used++;
        }

      items[i].lane = lane;
      lane_end[lane] = items[i].extent_end;
    }

  return used;
}

typedef struct
{
  guint  first;  /* in the overflow array */
  guint  n;
  double start;  /* the first start of its events */
  double end;    /* the day after the last start */
  XinzhiTimelineItem item;
} Run;

/* Lays out a group of events whose extents chain into each other and which need more
 * lanes than there are.  Events take the lanes but the top one, in date order, as long
 * as there is room; those left over are counted in clusters in the top lane: one per
 * cell of the axis, merged where they would touch.  So many events stay visible, and
 * the clusters say how many more there are, and where. */
static void
cluster_group (XinzhiTimelineLayout *self,
               Level                *level,
               XinzhiTimelineItem   *group,
               guint                 n,
               double                scale)
{
  g_autoptr(GArray) overflow = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineItem));
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  guint top = self->max_lanes - 1;
  double lane_end[MAX_LANES];
  double gap = self->metrics.item_gap / scale;
  double cell = self->metrics.cluster_cell / scale;
  double previous_end = -G_MAXDOUBLE;
  guint used = 0;

  /* The events that fit below the top lane. */
  for (guint i = 0; i < n; i++)
    {
      guint lane;

      for (lane = 0; lane < used; lane++)
        if (lane_end[lane] + gap <= group[i].extent_start)
          break;

      if (lane == used && used < top)
        used++;

      if (lane < used)
        {
          group[i].lane = lane;
          lane_end[lane] = group[i].extent_end;
          g_array_append_val (level->items, group[i]);
        }
      else
        g_array_append_val (overflow, group[i]);
    }

  /* The rest, by date, in runs of one cell each.  Cells count from a fixed origin, so
   * that clusters do not change as the view pans; they widen until the clusters of
   * neighbouring cells stop touching, and any that still touch merge. */
  g_array_sort (overflow, compare_items_by_entry);
  for (guint attempt = 0; ; attempt++)
    {
      gboolean last_attempt = attempt >= 6;
      guint collisions = 0;

      g_array_set_size (runs, 0);
      for (guint i = 0; i < overflow->len; )
        {
          const XinzhiTimelineItem *first = &g_array_index (overflow, XinzhiTimelineItem, i);
          double cell_index = floor (first->start / cell);
          Run run = { i, 0, first->start, first->start + 1 };
          Run *last = runs->len > 0 ? &g_array_index (runs, Run, runs->len - 1) : NULL;

          while (i < overflow->len &&
                 floor (g_array_index (overflow, XinzhiTimelineItem, i).start / cell) == cell_index)
            {
              run.end = g_array_index (overflow, XinzhiTimelineItem, i).start + 1;
              run.n++;
              i++;
            }

          run.item = make_cluster_item (self, run.start, run.end, run.n, scale);
          if (last != NULL && run.item.extent_start < last->item.extent_end + gap)
            {
              collisions++;
              if (last_attempt)
                {
                  last->n += run.n;
                  last->end = run.end;
                  last->item = make_cluster_item (self, last->start, last->end, last->n, scale);
                  continue;
                }
            }

          g_array_append_val (runs, run);
        }

      if (collisions == 0 || last_attempt)
        break;
      cell *= 1.5;
    }

  for (guint r = 0; r < runs->len; r++)
    {
      Run *run = &g_array_index (runs, Run, r);
      XinzhiTimelineItem *item = &run->item;

      /* A cluster of one is its event, if the event has the room. */
      if (run->n == 1)
        {
          XinzhiTimelineItem *event = &g_array_index (overflow, XinzhiTimelineItem, run->first);
          double next_start = r + 1 < runs->len
                              ? g_array_index (runs, Run, r + 1).item.extent_start : G_MAXDOUBLE;

          if (event->extent_start >= previous_end + gap && event->extent_end + gap <= next_start)
            item = event;
        }

      if (item->kind == XINZHI_TIMELINE_ITEM_CLUSTER)
        {
          /* The members array may still grow; the pointer is set when the level is
           * done. */
          item->members = GUINT_TO_POINTER (level->members->len);
          for (guint k = 0; k < run->n; k++)
            g_array_append_val (level->members,
                                g_array_index (overflow, XinzhiTimelineItem, run->first + k).entry);
        }

      item->lane = top;
      previous_end = item->extent_end;
      g_array_append_val (level->items, *item);
    }
}

/* What a frame needs of the periods, so that it need not look at each one in view (a
 * generated corpus of a million events has a thousand periods in a few months): the
 * union of the bands as stretches apart, and the bands whose titles show, in the first
 * row, where their extents do not meet. */
static void
level_shade_bands (XinzhiTimelineLayout *self,
                   Level                *level)
{
  XinzhiTimelineShade *last = NULL;

  level->titled = g_array_new (FALSE, FALSE, sizeof (Span));
  level->shade = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineShade));

  for (guint i = 0; i < level->bands->len; i++)
    {
      const XinzhiTimelineItem *band = &g_array_index (level->bands, XinzhiTimelineItem, i);
      const XinzhiTimelineEntry *entry = &g_array_index (self->entries, XinzhiTimelineEntry, band->entry);

      if (band->lane == 0)
        {
          Span title = { band->extent_start, band->extent_end, i };

          g_array_append_val (level->titled, title);
        }

      if (last != NULL && band->start <= last->end)
        {
          if (band->end > last->end)
            {
              last->end = band->end;
              last->fuzzy_end = (entry->flags & XINZHI_TIMELINE_ENTRY_FUZZY_END) != 0;
            }
        }
      else
        {
          XinzhiTimelineShade shade = {
            .start = band->start,
            .end = band->end,
            .fuzzy_start = (entry->flags & XINZHI_TIMELINE_ENTRY_FUZZY_START) != 0,
            .fuzzy_end = (entry->flags & XINZHI_TIMELINE_ENTRY_FUZZY_END) != 0,
          };

          g_array_append_val (level->shade, shade);
          last = &g_array_index (level->shade, XinzhiTimelineShade, level->shade->len - 1);
        }
    }
}

static Level *
build_level (XinzhiTimelineLayout *self,
             double                scale)
{
  Level *level = g_new0 (Level, 1);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineItem));
  double gap = self->metrics.item_gap / scale;
  guint n_entries = self->entries->len;
  XinzhiTimelineItem *all;
  double band_row_end[MAX_LANES];

  level->scale = scale;
  level->items = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineItem));
  level->bands = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineItem));
  level->members = g_array_new (FALSE, FALSE, sizeof (guint));
  level->item_of_entry = g_new (guint, MAX (n_entries, 1));

  /* Periods are bands behind everything; their titles take rows of their own. */
  for (guint i = 0; i < n_entries; i++)
    {
      const XinzhiTimelineEntry *entry = &g_array_index (self->entries, XinzhiTimelineEntry, i);

      if (entry->flags & XINZHI_TIMELINE_ENTRY_PERIOD)
        {
          XinzhiTimelineItem band = make_event_item (self, i, scale);
          guint row;

          for (row = 0; row < level->n_rows; row++)
            if (band_row_end[row] + gap <= band.extent_start)
              break;
          if (row == level->n_rows && level->n_rows < MAX_LANES)
            level->n_rows++;
          band.lane = MIN (row, MAX_LANES - 1);
          band_row_end[band.lane] = band.extent_end;
          g_array_append_val (level->bands, band);
        }
      else
        {
          XinzhiTimelineItem item = make_event_item (self, i, scale);

          g_array_append_val (events, item);
        }
    }

  /* Events chain into groups; each group is laid out on its own, and clustered only
   * if it needs more lanes than there are. */
  g_array_sort (events, compare_items);
  all = (XinzhiTimelineItem *) (gpointer) events->data;
  for (guint a = 0; a < events->len; )
    {
      double group_end = all[a].extent_end;
      guint b = a + 1;

      while (b < events->len && all[b].extent_start < group_end + gap)
        {
          group_end = MAX (group_end, all[b].extent_end);
          b++;
        }

      if (assign_lanes (all + a, b - a, self->max_lanes, gap) <= self->max_lanes)
        g_array_append_vals (level->items, all + a, b - a);
      else
        cluster_group (self, level, all + a, b - a, scale);

      a = b;
    }

  g_array_sort (level->items, compare_items);

  /* Now that the members array is complete, point the clusters into it. */
  for (guint i = 0; i < level->items->len; i++)
    {
      XinzhiTimelineItem *item = &g_array_index (level->items, XinzhiTimelineItem, i);

      if (item->kind == XINZHI_TIMELINE_ITEM_CLUSTER)
        {
          guint offset = GPOINTER_TO_UINT (item->members);

          item->members = &g_array_index (level->members, guint, offset);
          for (guint k = 0; k < item->n_members; k++)
            level->item_of_entry[item->members[k]] = i;
        }
      else
        level->item_of_entry[item->entry] = i;

      level->n_lanes = MAX (level->n_lanes, item->lane + 1);
    }

  for (guint i = 0; i < level->bands->len; i++)
    level->item_of_entry[g_array_index (level->bands, XinzhiTimelineItem, i).entry] = i;

  if (level->items->len > 0)
    span_index_init (&level->item_index,
                     &g_array_index (level->items, XinzhiTimelineItem, 0).extent_start,
                     &g_array_index (level->items, XinzhiTimelineItem, 0).extent_end,
                     sizeof (XinzhiTimelineItem), level->items->len);
  level_shade_bands (self, level);

  if (level->bands->len > 0)
    span_index_init (&level->band_index,
                     &g_array_index (level->bands, XinzhiTimelineItem, 0).extent_start,
                     &g_array_index (level->bands, XinzhiTimelineItem, 0).extent_end,
                     sizeof (XinzhiTimelineItem), level->bands->len);

  return level;
}

/* The level of @scale, from the cache or laid out now. */
static Level *
get_level (XinzhiTimelineLayout *self,
           double                scale)
{
  double level_scale = xinzhi_timeline_layout_level_scale (scale);
  guint oldest = 0;

  g_assert (scale > 0);

  for (guint i = 0; i < N_LEVELS; i++)
    {
      Level *level = self->levels[i];

      if (level != NULL && level->scale == level_scale)
        {
          level->serial = ++self->serial;
          return level;
        }

      if (level == NULL ||
          (self->levels[oldest] != NULL && level->serial < self->levels[oldest]->serial))
        oldest = i;
    }

  g_clear_pointer (&self->levels[oldest], level_free);
  self->levels[oldest] = build_level (self, level_scale);
  self->levels[oldest]->serial = ++self->serial;

  return self->levels[oldest];
}

/**
 * xinzhi_timeline_layout_get_items:
 * @self: a layout
 * @scale: pixels per day
 * @n_items: (out) (optional): how many items there are
 * @n_lanes: (out) (optional): how many lanes they take
 *
 * Lays out the events at @scale, or finds them laid out at its zoom level already:
 * each in the lowest lane where it meets nothing, or merged into a cluster where more
 * lanes would be needed than there are.
 *
 * Returns: (transfer none) (array length=n_items): the events and clusters, ordered by
 *   the day they start to take space
 */
const XinzhiTimelineItem *
xinzhi_timeline_layout_get_items (XinzhiTimelineLayout *self,
                                  double                scale,
                                  guint                *n_items,
                                  guint                *n_lanes)
{
  Level *level;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  level = get_level (self, scale);
  if (n_items)
    *n_items = level->items->len;
  if (n_lanes)
    *n_lanes = level->n_lanes;

  return (const XinzhiTimelineItem *) (gconstpointer) level->items->data;
}

/**
 * xinzhi_timeline_layout_get_bands:
 * @self: a layout
 * @scale: pixels per day
 * @n_bands: (out) (optional): how many bands there are
 * @n_rows: (out) (optional): how many rows their titles take
 *
 * Returns: (transfer none) (array length=n_bands): the periods, by date
 */
const XinzhiTimelineItem *
xinzhi_timeline_layout_get_bands (XinzhiTimelineLayout *self,
                                  double                scale,
                                  guint                *n_bands,
                                  guint                *n_rows)
{
  Level *level;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  level = get_level (self, scale);
  if (n_bands)
    *n_bands = level->bands->len;
  if (n_rows)
    *n_rows = level->n_rows;

  return (const XinzhiTimelineItem *) (gconstpointer) level->bands->data;
}

/* The level of @view's scale, or %NULL for a view without a width. */
static Level *
view_level (XinzhiTimelineLayout     *self,
            const XinzhiTimelineView *view)
{
  double scale = xinzhi_timeline_view_get_scale (view);

  return scale > 0 ? get_level (self, scale) : NULL;
}

static void
query_level (GArray          *array,
             const SpanIndex *index,
             double           start,
             double           end,
             GPtrArray       *out)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));

  span_index_query (index, start, end, found);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (out, &g_array_index (array, XinzhiTimelineItem,
                                          g_array_index (found, guint, i)));
}

/**
 * xinzhi_timeline_layout_query_items:
 * @self: a layout
 * @view: a view with its width
 * @items: (element-type XinzhiTimelineItem): where to append the events and clusters
 *   that show in @view
 *
 * Finds what to draw by binary search, without looking at the rest.
 */
void
xinzhi_timeline_layout_query_items (XinzhiTimelineLayout     *self,
                                    const XinzhiTimelineView *view,
                                    GPtrArray                *items)
{
  Level *level;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (items != NULL);

  if ((level = view_level (self, view)) == NULL)
    return;

  query_level (level->items, &level->item_index, view->start, view->end, items);
}

/**
 * xinzhi_timeline_layout_query_bands:
 * @self: a layout
 * @view: a view with its width
 * @bands: (element-type XinzhiTimelineItem): where to append the bands that show in
 *   @view
 */
void
xinzhi_timeline_layout_query_bands (XinzhiTimelineLayout     *self,
                                    const XinzhiTimelineView *view,
                                    GPtrArray                *bands)
{
  Level *level;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (bands != NULL);

  if ((level = view_level (self, view)) == NULL)
    return;

  query_level (level->bands, &level->band_index, view->start, view->end, bands);
}

/**
 * xinzhi_timeline_layout_query_titles:
 * @self: a layout
 * @view: a view with its width
 * @bands: (element-type XinzhiTimelineItem): where to append the bands of the first
 *   row that meet @view, whose titles show
 *
 * Bands in the first row do not meet, so these are found by binary search however
 * many periods overlap in @view.
 */
void
xinzhi_timeline_layout_query_titles (XinzhiTimelineLayout     *self,
                                     const XinzhiTimelineView *view,
                                     GPtrArray                *bands)
{
  Level *level;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (bands != NULL);

  if ((level = view_level (self, view)) == NULL)
    return;

  for (guint i = first_ending_after (level->titled, G_STRUCT_OFFSET (Span, end), view->start);
       i < level->titled->len && g_array_index (level->titled, Span, i).start < view->end;
       i++)
    g_ptr_array_add (bands, &g_array_index (level->bands, XinzhiTimelineItem,
                                            g_array_index (level->titled, Span, i).index));
}

/**
 * xinzhi_timeline_layout_query_shade:
 * @self: a layout
 * @view: a view with its width
 * @shade: (element-type XinzhiTimelineShade): where to append the stretches of
 *   overlapping periods that meet @view, left to right
 */
void
xinzhi_timeline_layout_query_shade (XinzhiTimelineLayout     *self,
                                    const XinzhiTimelineView *view,
                                    GArray                   *shade)
{
  Level *level;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (shade != NULL);

  if ((level = view_level (self, view)) == NULL)
    return;

  for (guint i = first_ending_after (level->shade, G_STRUCT_OFFSET (XinzhiTimelineShade, end), view->start);
       i < level->shade->len && g_array_index (level->shade, XinzhiTimelineShade, i).start < view->end;
       i++)
    g_array_append_val (shade, g_array_index (level->shade, XinzhiTimelineShade, i));
}

/**
 * xinzhi_timeline_layout_find_item:
 * @self: a layout
 * @scale: pixels per day
 * @position: the position of an entry
 *
 * Returns: (transfer none) (nullable): the item that shows the entry at @position
 *   (itself, its cluster, or its band)
 */
const XinzhiTimelineItem *
xinzhi_timeline_layout_find_item (XinzhiTimelineLayout *self,
                                  double                scale,
                                  guint                 position)
{
  const XinzhiTimelineEntry *entry;
  Level *level;
  guint index;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  if (position >= self->entries->len)
    return NULL;

  level = get_level (self, scale);
  entry = &g_array_index (self->entries, XinzhiTimelineEntry, position);
  index = level->item_of_entry[position];

  if (entry->flags & XINZHI_TIMELINE_ENTRY_PERIOD)
    return &g_array_index (level->bands, XinzhiTimelineItem, index);

  return &g_array_index (level->items, XinzhiTimelineItem, index);
}

/**
 * xinzhi_timeline_layout_get_geometry:
 * @self: a layout
 * @view: a view with its width
 * @item: an item of the level of @view
 * @geometry: (out caller-allocates): where it is drawn
 *
 * Places an item in a view.  Its days (@geometry's x0 and x1) are its dates mapped to
 * pixels and nothing else; the label goes inside a bar wide enough to hold it and
 * beside the pin, mark or bar otherwise, never widening it.  The label of a long bar or
 * band sticks to the left edge of the view while the bar goes on, so that it stays
 * readable.
 */
void
xinzhi_timeline_layout_get_geometry (XinzhiTimelineLayout         *self,
                                     const XinzhiTimelineView     *view,
                                     const XinzhiTimelineItem     *item,
                                     XinzhiTimelineGeometry       *geometry)
{
  const XinzhiTimelineMetrics *m;
  const XinzhiTimelineEntry *entry;
  double scale, middle, width;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (item != NULL);
  g_return_if_fail (geometry != NULL);

  m = &self->metrics;
  scale = xinzhi_timeline_view_get_scale (view);
  geometry->x0 = xinzhi_timeline_view_day_to_x (view, item->start);
  geometry->x1 = xinzhi_timeline_view_day_to_x (view, item->end);
  geometry->mark_x0 = geometry->x0;
  geometry->mark_x1 = geometry->x1;
  geometry->label_width = item->label_width;
  geometry->label_inside = FALSE;
  middle = (geometry->x0 + geometry->x1) / 2;

  if (item->kind == XINZHI_TIMELINE_ITEM_CLUSTER)
    {
      /* The count in a pill over the middle of the days its events start on. */
      width = item->label_width + 2 * m->cluster_padding;
      geometry->shape = XINZHI_TIMELINE_SHAPE_PILL;
      geometry->mark_x0 = middle - width / 2;
      geometry->mark_x1 = middle + width / 2;
      geometry->label_x = middle - item->label_width / 2;
      geometry->label_inside = TRUE;
      return;
    }

  entry = &g_array_index (self->entries, XinzhiTimelineEntry, item->entry);

  if (item->kind == XINZHI_TIMELINE_ITEM_EVENT &&
      (entry_is_pin (entry) || entry_is_mark (m, entry, scale)))
    {
      geometry->shape = entry_is_pin (entry) ? XINZHI_TIMELINE_SHAPE_PIN : XINZHI_TIMELINE_SHAPE_MARK;
      geometry->mark_x0 = middle - m->marker_size / 2;
      geometry->mark_x1 = middle + m->marker_size / 2;
      geometry->label_x = geometry->mark_x1 + m->label_gap;
    }
  else if (item->kind == XINZHI_TIMELINE_ITEM_BAND ||
           label_fits (m, entry, scale, item->label_width))
    {
      double label_x;

      /* Inside, and sticking to the left edge of the view while the bar goes on.  A
       * band's title has a row of its own, and may go on past a short band. */
      geometry->shape = item->kind == XINZHI_TIMELINE_ITEM_BAND ? XINZHI_TIMELINE_SHAPE_BAND
                                                                : XINZHI_TIMELINE_SHAPE_BAR;
      label_x = MAX (geometry->x0, 0) + m->bar_padding;
      label_x = MIN (label_x, MAX (geometry->x0 + m->bar_padding,
                                   geometry->x1 - m->bar_padding - item->label_width));
      geometry->label_x = label_x;
      geometry->label_inside = item->kind == XINZHI_TIMELINE_ITEM_EVENT;
    }
  else
    {
      geometry->shape = XINZHI_TIMELINE_SHAPE_BAR;
      geometry->label_x = geometry->x1 + m->label_gap;
    }
}

/**
 * xinzhi_timeline_layout_hit_test:
 * @self: a layout
 * @view: a view with its width
 * @x: a position in the view
 * @lane: a lane
 *
 * Returns: (transfer none) (nullable): the event or cluster whose marker or label is
 *   at @x in @lane
 */
const XinzhiTimelineItem *
xinzhi_timeline_layout_hit_test (XinzhiTimelineLayout     *self,
                                 const XinzhiTimelineView *view,
                                 double                    x,
                                 guint                    lane)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  const double slop = 2;
  double scale;
  Level *level;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (view != NULL, NULL);

  scale = xinzhi_timeline_view_get_scale (view);
  if (scale <= 0)
    return NULL;

  /* Only the items of the view's level that meet a few pixels around @x. */
  level = get_level (self, scale);
  query_level (level->items, &level->item_index,
               xinzhi_timeline_view_x_to_day (view, x - slop),
               xinzhi_timeline_view_x_to_day (view, x + slop),
               items);

  for (guint i = 0; i < items->len; i++)
    {
      const XinzhiTimelineItem *item = g_ptr_array_index (items, i);
      XinzhiTimelineGeometry geometry;
      double end;

      if (item->lane != lane)
        continue;

      xinzhi_timeline_layout_get_geometry (self, view, item, &geometry);
      end = MAX (geometry.mark_x1, geometry.label_x + geometry.label_width);
      if (x >= geometry.mark_x0 - slop && x <= end + slop)
        return item;
    }

  return NULL;
}

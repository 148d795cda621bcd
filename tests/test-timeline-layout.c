/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <math.h>

#include "timeline-synthetic.h"
#include "xinzhi-corpus.h"
#include "xinzhi-event.h"
#include "xinzhi-timeline-layout.h"
#include "xinzhi-test-data.h"

static XinzhiTimelineView
make_view (double start,
           double end,
           double width)
{
  XinzhiTimelineView view = { start, end, width };

  return view;
}

/* Random events over about a year from 2024, of every shape the corpus has. */
static GArray *
random_entries (GRand *rand,
                guint  n,
                double spread)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineEntry));
  double origin = xinzhi_test_julian (2024, 1, 1);

  for (guint i = 0; i < n; i++)
    {
      XinzhiTimelineEntry entry = { 0 };
      double start = origin + g_rand_int_range (rand, 0, (gint32) spread);
      guint shape = g_rand_int_range (rand, 0, 10);

      entry.start = start;
      entry.end = start + 1;
      entry.id = i;
      entry.label_width = g_rand_double_range (rand, 20, 300);

      if (shape < 5)
        ;  /* a day */
      else if (shape < 7)
        {
          entry.end = start + 30;
          entry.flags = XINZHI_TIMELINE_ENTRY_FUZZY;
        }
      else if (shape < 9)
        {
          entry.end = start + g_rand_int_range (rand, 2, 40);
          entry.flags = XINZHI_TIMELINE_ENTRY_RANGE;
        }
      else if (g_rand_boolean (rand))
        {
          entry.end = start + 365;
          entry.flags = XINZHI_TIMELINE_ENTRY_FUZZY;
        }
      else
        {
          entry.end = start + g_rand_int_range (rand, 5, 60);
          entry.flags = XINZHI_TIMELINE_ENTRY_PERIOD | XINZHI_TIMELINE_ENTRY_RANGE;
          /* Some with uncertain edges, without drawing from @rand for it. */
          if ((guint) start % 3 == 0)
            entry.flags |= XINZHI_TIMELINE_ENTRY_FUZZY_START;
          if ((guint) (entry.end - start) % 2 == 0)
            entry.flags |= XINZHI_TIMELINE_ENTRY_FUZZY_END;
        }

      g_array_append_val (entries, entry);
    }

  return entries;
}

static XinzhiTimelineLayout *
random_layout (GRand *rand,
               guint  n,
               double spread,
               guint  max_lanes)
{
  g_autoptr(GArray) entries = random_entries (rand, n, spread);
  XinzhiTimelineLayout *layout = xinzhi_timeline_layout_new (NULL);

  xinzhi_timeline_layout_set_max_lanes (layout, max_lanes);
  xinzhi_timeline_layout_set_entries (layout, (XinzhiTimelineEntry *) (gpointer) entries->data,
                                      entries->len);
  return layout;
}

/* ------------------------------------------------------------------------------------ */

static void
test_view_round_trip (void)
{
  XinzhiTimelineView view = make_view (xinzhi_test_julian (2023, 9, 1), xinzhi_test_julian (2024, 4, 1), 1000);
  double scale = xinzhi_timeline_view_get_scale (&view);

  g_assert_cmpfloat_with_epsilon (scale, 1000.0 / 213, 1e-9);
  g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_day_to_x (&view, view.start), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_day_to_x (&view, view.end), 1000, 1e-9);

  for (double x = -500; x <= 1500; x += 37.5)
    {
      double day = xinzhi_timeline_view_x_to_day (&view, x);

      g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_day_to_x (&view, day), x, 1e-6);
    }

  for (double day = view.start - 40; day < view.end + 40; day += 3.25)
    {
      double x = xinzhi_timeline_view_day_to_x (&view, day);

      g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_x_to_day (&view, x), day, 1e-6);
    }
}

static void
test_view_zoom_anchor (void)
{
  XinzhiTimelineView view = make_view (xinzhi_test_julian (2023, 9, 1), xinzhi_test_julian (2024, 4, 1), 1000);
  const double xs[] = { 0, 137, 500, 999.5, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      double before = xinzhi_timeline_view_x_to_day (&view, xs[i]);
      double span = view.end - view.start;

      g_assert_true (xinzhi_timeline_view_zoom (&view, 1.5, xs[i]));
      g_assert_cmpfloat_with_epsilon (view.end - view.start, span / 1.5, 1e-6);
      g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_x_to_day (&view, xs[i]), before, 1e-6);

      g_assert_true (xinzhi_timeline_view_zoom (&view, 1 / 1.5, xs[i]));
      g_assert_cmpfloat_with_epsilon (view.end - view.start, span, 1e-6);
      g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_x_to_day (&view, xs[i]), before, 1e-6);
    }

  /* The span stops at its limits, and the anchor still holds there. */
  {
    double before = xinzhi_timeline_view_x_to_day (&view, 250);

    g_assert_true (xinzhi_timeline_view_zoom (&view, 1e6, 250));
    g_assert_cmpfloat_with_epsilon (view.end - view.start, XINZHI_TIMELINE_MIN_SPAN, 1e-9);
    g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_x_to_day (&view, 250), before, 1e-6);
    g_assert_false (xinzhi_timeline_view_can_zoom (&view, 2));
    g_assert_true (xinzhi_timeline_view_can_zoom (&view, 0.5));
    g_assert_false (xinzhi_timeline_view_zoom (&view, 2, 250));

    g_assert_true (xinzhi_timeline_view_zoom (&view, 1e-6, 250));
    g_assert_cmpfloat_with_epsilon (view.end - view.start, XINZHI_TIMELINE_MAX_SPAN, 1e-9);
    g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_x_to_day (&view, 250), before, 1e-6);
    g_assert_false (xinzhi_timeline_view_can_zoom (&view, 0.5));
  }
}

static void
test_view_pan_fit (void)
{
  XinzhiTimelineView view = make_view (xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 3, 1), 600);
  double start = view.start;
  double scale = xinzhi_timeline_view_get_scale (&view);

  xinzhi_timeline_view_pan (&view, 120);
  g_assert_cmpfloat_with_epsilon (view.start, start + 120 / scale, 1e-9);
  g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_get_scale (&view), scale, 1e-9);
  xinzhi_timeline_view_pan (&view, -120);
  g_assert_cmpfloat_with_epsilon (view.start, start, 1e-9);

  xinzhi_timeline_view_fit (&view, xinzhi_test_julian (2023, 9, 1), xinzhi_test_julian (2024, 4, 1), 24, 24);
  g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_day_to_x (&view, xinzhi_test_julian (2023, 9, 1)), 24, 1e-6);
  g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_day_to_x (&view, xinzhi_test_julian (2024, 4, 1)), 576, 1e-6);

  /* A single day is widened to the narrowest span, about its middle. */
  xinzhi_timeline_view_fit (&view, xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 3, 6), 0, 0);
  g_assert_cmpfloat_with_epsilon (view.end - view.start, XINZHI_TIMELINE_MIN_SPAN, 1e-9);
  g_assert_cmpfloat_with_epsilon ((view.start + view.end) / 2, xinzhi_test_julian (2024, 3, 5) + 0.5, 1e-9);

  /* Unequal margins. */
  xinzhi_timeline_view_fit (&view, xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 2, 1), 10, 200);
  g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_day_to_x (&view, xinzhi_test_julian (2024, 1, 1)), 10, 1e-6);
  g_assert_cmpfloat_with_epsilon (xinzhi_timeline_view_day_to_x (&view, xinzhi_test_julian (2024, 2, 1)), 400, 1e-6);
}

/* ------------------------------------------------------------------------------------ */

static void
assert_major_spacing (const XinzhiTimelineAxis *axis,
                      double                    min_spacing)
{
  double last = -G_MAXDOUBLE;
  guint n_major = 0;

  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const XinzhiTimelineTick *tick = &g_array_index (axis->ticks, XinzhiTimelineTick, i);

      if (i > 0)
        g_assert_cmpfloat (tick->x, >, g_array_index (axis->ticks, XinzhiTimelineTick, i - 1).x);
      if (!tick->major)
        {
          g_assert_null (tick->label);
          continue;
        }

      g_assert_nonnull (tick->label);
      if (n_major++ > 0)
        g_assert_cmpfloat (tick->x - last, >=, min_spacing);
      last = tick->x;
    }

  g_assert_cmpuint (n_major, >=, 1);
}

static void
test_ticks_units (void)
{
  const struct {
    double             start;
    double             end;
    XinzhiTimelineUnit unit;
  } cases[] = {
    { xinzhi_test_julian (2015, 1, 1), xinzhi_test_julian (2025, 1, 1), XINZHI_TIMELINE_UNIT_YEAR },
    { xinzhi_test_julian (2023, 10, 1), xinzhi_test_julian (2024, 4, 1), XINZHI_TIMELINE_UNIT_MONTH },
    { xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 15), XINZHI_TIMELINE_UNIT_DAY },
    { xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 4), XINZHI_TIMELINE_UNIT_DAY },
    { xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 3, 15), XINZHI_TIMELINE_UNIT_WEEK },
    { xinzhi_test_julian (2022, 1, 1), xinzhi_test_julian (2025, 1, 1), XINZHI_TIMELINE_UNIT_QUARTER },
    { xinzhi_test_julian (1995, 1, 1), xinzhi_test_julian (2025, 1, 1), XINZHI_TIMELINE_UNIT_YEAR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      XinzhiTimelineView view = make_view (cases[i].start, cases[i].end, 1000);
      g_autoptr(XinzhiTimelineAxis) axis = xinzhi_timeline_axis_new (&view, 80);

      g_test_message ("case %u: unit %d, step %u", i, axis->spec.unit, axis->spec.step);
      g_assert_cmpint (axis->spec.unit, ==, cases[i].unit);
      assert_major_spacing (axis, 80);
    }

  /* The two-week view labels every other day, 71 px apart being too close. */
  {
    XinzhiTimelineView view = make_view (xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 15), 1000);
    XinzhiTimelineTickSpec spec;

    xinzhi_timeline_choose_ticks (xinzhi_timeline_view_get_scale (&view), 80, &spec);
    g_assert_cmpuint (spec.step, ==, 2);
    g_assert_cmpuint (spec.minor_step, ==, 1);
    g_assert_true (spec.has_context);
    g_assert_cmpint (spec.context_unit, ==, XINZHI_TIMELINE_UNIT_MONTH);
  }

  /* Thirty years on a narrow view take several years a tick. */
  {
    XinzhiTimelineView view = make_view (xinzhi_test_julian (1995, 1, 1), xinzhi_test_julian (2025, 1, 1), 400);
    g_autoptr(XinzhiTimelineAxis) axis = xinzhi_timeline_axis_new (&view, 80);

    g_assert_cmpint (axis->spec.unit, ==, XINZHI_TIMELINE_UNIT_YEAR);
    g_assert_cmpuint (axis->spec.step, ==, 10);
    assert_major_spacing (axis, 80);
  }

  /* Every zoom level a view allows gets ticks that keep their distance. */
  for (double span = XINZHI_TIMELINE_MIN_SPAN; span <= XINZHI_TIMELINE_MAX_SPAN; span *= 1.3)
    {
      XinzhiTimelineView view = make_view (xinzhi_test_julian (2010, 2, 3), xinzhi_test_julian (2010, 2, 3) + span, 900);
      g_autoptr(XinzhiTimelineAxis) axis = xinzhi_timeline_axis_new (&view, 80);

      assert_major_spacing (axis, 80);
    }
}

static void
test_ticks_labels (void)
{
  g_autofree char *year = xinzhi_timeline_format_tick (XINZHI_TIMELINE_UNIT_YEAR, xinzhi_test_julian (2024, 1, 1), FALSE);
  g_autofree char *quarter = xinzhi_timeline_format_tick (XINZHI_TIMELINE_UNIT_QUARTER, xinzhi_test_julian (2024, 4, 1), FALSE);
  g_autofree char *month = xinzhi_timeline_format_tick (XINZHI_TIMELINE_UNIT_MONTH, xinzhi_test_julian (2024, 3, 1), FALSE);
  g_autofree char *month_long = xinzhi_timeline_format_tick (XINZHI_TIMELINE_UNIT_MONTH, xinzhi_test_julian (2024, 3, 1), TRUE);
  g_autofree char *week = xinzhi_timeline_format_tick (XINZHI_TIMELINE_UNIT_WEEK, xinzhi_test_julian (2024, 3, 4), FALSE);
  g_autofree char *day = xinzhi_timeline_format_tick (XINZHI_TIMELINE_UNIT_DAY, xinzhi_test_julian (2024, 3, 4), FALSE);
  g_autofree char *context_month = xinzhi_timeline_format_context (XINZHI_TIMELINE_UNIT_MONTH, xinzhi_test_julian (2024, 3, 1));
  g_autofree char *context_year = xinzhi_timeline_format_context (XINZHI_TIMELINE_UNIT_YEAR, xinzhi_test_julian (2024, 1, 1));

  g_assert_cmpstr (year, ==, "2024");
  g_assert_cmpstr (quarter, ==, "Q2");
  g_assert_cmpstr (month, ==, "Mar");
  g_assert_cmpstr (month_long, ==, "March");
  g_assert_cmpstr (week, ==, "4 Mar");
  g_assert_cmpstr (day, ==, "Mon 4");
  g_assert_cmpstr (context_month, ==, "March 2024");
  g_assert_cmpstr (context_year, ==, "2024");

  /* The opening view: a month a tick, the years under them. */
  {
    XinzhiTimelineView view = make_view (xinzhi_test_julian (2023, 8, 25), xinzhi_test_julian (2024, 4, 7), 1000);
    g_autoptr(XinzhiTimelineAxis) axis = xinzhi_timeline_axis_new (&view, 80);
    g_autoptr(GString) labels = g_string_new (NULL);

    for (guint i = 0; i < axis->ticks->len; i++)
      {
        const XinzhiTimelineTick *tick = &g_array_index (axis->ticks, XinzhiTimelineTick, i);

        if (tick->major)
          g_string_append_printf (labels, "%s%s|", tick->label, tick->boundary ? "*" : "");
      }

    g_assert_cmpstr (labels->str, ==,
                     "September|October|November|December|January*|February|March|April|");
    g_assert_cmpuint (axis->contexts->len, ==, 2);
    g_assert_cmpstr (g_array_index (axis->contexts, XinzhiTimelineContext, 0).label, ==, "2023");
    g_assert_cmpfloat (g_array_index (axis->contexts, XinzhiTimelineContext, 0).start, ==, xinzhi_test_julian (2023, 1, 1));
    g_assert_cmpstr (g_array_index (axis->contexts, XinzhiTimelineContext, 1).label, ==, "2024");
  }

  /* Days: "Mon 4" every other day, under the month. */
  {
    XinzhiTimelineView view = make_view (xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 15), 1000);
    g_autoptr(XinzhiTimelineAxis) axis = xinzhi_timeline_axis_new (&view, 80);
    const XinzhiTimelineTick *first = NULL;

    for (guint i = 0; i < axis->ticks->len && first == NULL; i++)
      if (g_array_index (axis->ticks, XinzhiTimelineTick, i).major)
        first = &g_array_index (axis->ticks, XinzhiTimelineTick, i);

    g_assert_nonnull (first);
    g_assert_true (g_str_equal (first->label, "Sat 2") || g_str_equal (first->label, "Fri 1"));
    g_assert_cmpuint (axis->contexts->len, ==, 1);
    g_assert_cmpstr (g_array_index (axis->contexts, XinzhiTimelineContext, 0).label, ==, "March 2024");
  }
}

/* ------------------------------------------------------------------------------------ */

static void
test_entries_precision (void)
{
  XinzhiTimelineEntry entry;
  XinzhiDate month = { 2024, 2, 0, XINZHI_DATE_PRECISION_MONTH };
  XinzhiDate year = { 2024, 0, 0, XINZHI_DATE_PRECISION_YEAR };
  XinzhiDate day = { 2024, 3, 5, XINZHI_DATE_PRECISION_DAY };
  XinzhiDate later = { 2024, 6, 17, XINZHI_DATE_PRECISION_DAY };
  XinzhiDate later_month = { 2024, 7, 0, XINZHI_DATE_PRECISION_MONTH };

  /* A month covers the whole month, leap day included, and is fuzzy. */
  xinzhi_timeline_entry_init (&entry, &month, &month, FALSE, 100, 7);
  g_assert_cmpfloat (entry.start, ==, xinzhi_test_julian (2024, 2, 1));
  g_assert_cmpfloat (entry.end, ==, xinzhi_test_julian (2024, 3, 1));
  g_assert_cmpfloat (entry.end - entry.start, ==, 29);
  g_assert_cmpint (entry.flags, ==, XINZHI_TIMELINE_ENTRY_FUZZY);
  g_assert_cmpuint (entry.id, ==, 7);

  xinzhi_timeline_entry_init (&entry, &year, &year, FALSE, 100, 0);
  g_assert_cmpfloat (entry.start, ==, xinzhi_test_julian (2024, 1, 1));
  g_assert_cmpfloat (entry.end, ==, xinzhi_test_julian (2025, 1, 1));
  g_assert_cmpint (entry.flags, ==, XINZHI_TIMELINE_ENTRY_FUZZY);

  /* A day is one day, and a pin. */
  xinzhi_timeline_entry_init (&entry, &day, &day, FALSE, 100, 0);
  g_assert_cmpfloat (entry.end - entry.start, ==, 1);
  g_assert_cmpint (entry.flags, ==, 0);

  /* A range from a day to a month is a bar with a fuzzy end. */
  xinzhi_timeline_entry_init (&entry, &later, &later_month, FALSE, 100, 0);
  g_assert_cmpfloat (entry.start, ==, xinzhi_test_julian (2024, 6, 17));
  g_assert_cmpfloat (entry.end, ==, xinzhi_test_julian (2024, 8, 1));
  g_assert_cmpint (entry.flags, ==, XINZHI_TIMELINE_ENTRY_RANGE | XINZHI_TIMELINE_ENTRY_FUZZY_END);

  xinzhi_timeline_entry_init (&entry, &month, &month, TRUE, 100, 0);
  g_assert_cmpint (entry.flags, ==, XINZHI_TIMELINE_ENTRY_FUZZY | XINZHI_TIMELINE_ENTRY_PERIOD);

  /* The layout draws the month as a bar over the whole month. */
  {
    g_autoptr(XinzhiTimelineLayout) layout = xinzhi_timeline_layout_new (NULL);
    XinzhiTimelineView view = make_view (xinzhi_test_julian (2023, 12, 1), xinzhi_test_julian (2024, 5, 1), 1000);
    const XinzhiTimelineItem *item;
    XinzhiTimelineGeometry geometry;

    xinzhi_timeline_entry_init (&entry, &month, &month, FALSE, 100, 0);
    xinzhi_timeline_layout_set_entries (layout, &entry, 1);
    item = xinzhi_timeline_layout_find_item (layout, xinzhi_timeline_view_get_scale (&view), 0);
    g_assert_nonnull (item);
    g_assert_cmpint (item->kind, ==, XINZHI_TIMELINE_ITEM_EVENT);
    xinzhi_timeline_layout_get_geometry (layout, &view, item, &geometry);
    g_assert_cmpfloat_with_epsilon (geometry.x0, xinzhi_timeline_view_day_to_x (&view, xinzhi_test_julian (2024, 2, 1)), 1e-9);
    g_assert_cmpfloat_with_epsilon (geometry.x1, xinzhi_timeline_view_day_to_x (&view, xinzhi_test_julian (2024, 3, 1)), 1e-9);
  }
}

/* ------------------------------------------------------------------------------------ */

static void
assert_no_overlap (XinzhiTimelineLayout     *layout,
                   const XinzhiTimelineView *view)
{
  double scale = xinzhi_timeline_view_get_scale (view);
  double gap = xinzhi_timeline_layout_get_metrics (layout)->item_gap;
  const XinzhiTimelineItem *items;
  guint n_items, n_lanes;

  items = xinzhi_timeline_layout_get_items (layout, scale, &n_items, &n_lanes);
  g_assert_cmpuint (n_lanes, <=, xinzhi_timeline_layout_get_max_lanes (layout));

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      double last_end = -G_MAXDOUBLE;

      /* Items are ordered by where they start to take space. */
      for (guint i = 0; i < n_items; i++)
        {
          XinzhiTimelineGeometry geometry;
          double start, end;

          if (items[i].lane != lane)
            continue;

          xinzhi_timeline_layout_get_geometry (layout, view, &items[i], &geometry);
          start = MIN (geometry.mark_x0, geometry.label_x);
          end = MAX (geometry.mark_x1, geometry.label_x + geometry.label_width);

          /* The drawing stays within the extent the layout reserved… */
          g_assert_cmpfloat (start, >=, xinzhi_timeline_view_day_to_x (view, items[i].extent_start) - 1e-6);
          g_assert_cmpfloat (end, <=, xinzhi_timeline_view_day_to_x (view, items[i].extent_end) + 1e-6);
          /* …and keeps its distance from the item before it in the lane. */
          g_assert_cmpfloat (start - last_end, >=, gap - 1e-6);
          last_end = end;
        }
    }
}

static void
test_lanes_no_overlap (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);

  for (guint max_lanes = 1; max_lanes <= 8; max_lanes += 3)
    {
      g_autoptr(XinzhiTimelineLayout) layout = random_layout (rand, 400, 500, max_lanes);
      double start = xinzhi_test_julian (2024, 1, 1);

      for (double span = 5; span < 5000; span *= 1.7)
        {
          XinzhiTimelineView view = make_view (start, start + span, 1000);

          assert_no_overlap (layout, &view);
          /* A scale inside the same zoom level uses the same layout. */
          view.width = 1050;
          assert_no_overlap (layout, &view);
        }
    }
}

static void
test_lanes_lowest (void)
{
  g_autoptr(XinzhiTimelineLayout) layout = xinzhi_timeline_layout_new (NULL);
  XinzhiTimelineEntry entries[3] = {
    { xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 2), 100, 0, 0 },
    { xinzhi_test_julian (2024, 3, 2), xinzhi_test_julian (2024, 3, 3), 100, 0, 1 },
    { xinzhi_test_julian (2024, 3, 20), xinzhi_test_julian (2024, 3, 21), 100, 0, 2 },
  };
  XinzhiTimelineView view = make_view (xinzhi_test_julian (2024, 2, 25), xinzhi_test_julian (2024, 4, 1), 1000);
  double scale = xinzhi_timeline_view_get_scale (&view);

  xinzhi_timeline_layout_set_entries (layout, entries, 3);
  g_assert_cmpuint (xinzhi_timeline_layout_find_item (layout, scale, 0)->lane, ==, 0);
  g_assert_cmpuint (xinzhi_timeline_layout_find_item (layout, scale, 1)->lane, ==, 1);
  /* Far enough away, the third goes back to the first lane. */
  g_assert_cmpuint (xinzhi_timeline_layout_find_item (layout, scale, 2)->lane, ==, 0);
}

static void
test_clusters (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint max_lanes = 1; max_lanes <= 4; max_lanes++)
    {
      g_autoptr(XinzhiTimelineLayout) layout = random_layout (rand, 2000, 900, max_lanes);
      guint n_entries = xinzhi_timeline_layout_get_n_entries (layout);
      guint n_events = 0;

      for (guint i = 0; i < n_entries; i++)
        if (!(xinzhi_timeline_layout_get_entry (layout, i)->flags & XINZHI_TIMELINE_ENTRY_PERIOD))
          n_events++;

      for (double span = 10; span < 8000; span *= 2.3)
        {
          XinzhiTimelineView view = make_view (xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 1, 1) + span, 800);
          double scale = xinzhi_timeline_view_get_scale (&view);
          const XinzhiTimelineItem *items;
          guint n_items, n_lanes, n_clusters = 0, total = 0;
          g_autofree guint *seen = g_new0 (guint, n_entries);

          items = xinzhi_timeline_layout_get_items (layout, scale, &n_items, &n_lanes);
          g_assert_cmpuint (n_lanes, <=, max_lanes);

          for (guint i = 0; i < n_items; i++)
            {
              if (items[i].kind == XINZHI_TIMELINE_ITEM_CLUSTER)
                {
                  g_assert_cmpuint (items[i].n_members, >=, 1);
                  g_assert_cmpuint (items[i].lane, ==, max_lanes - 1);
                  n_clusters++;
                  total += items[i].n_members;
                  for (guint k = 0; k < items[i].n_members; k++)
                    {
                      seen[items[i].members[k]]++;
                      g_assert_true (xinzhi_timeline_layout_find_item (layout, scale, items[i].members[k]) == &items[i]);
                      if (k > 0)
                        g_assert_cmpuint (items[i].members[k], >, items[i].members[k - 1]);
                    }
                }
              else
                {
                  g_assert_cmpint (items[i].kind, ==, XINZHI_TIMELINE_ITEM_EVENT);
                  total++;
                  seen[items[i].entry]++;
                  g_assert_true (xinzhi_timeline_layout_find_item (layout, scale, items[i].entry) == &items[i]);
                }
            }

          /* Each event is shown exactly once, on its own or in one cluster. */
          g_assert_cmpuint (total, ==, n_events);
          for (guint i = 0; i < n_entries; i++)
            {
              gboolean period = xinzhi_timeline_layout_get_entry (layout, i)->flags & XINZHI_TIMELINE_ENTRY_PERIOD;

              g_assert_cmpuint (seen[i], ==, period ? 0 : 1);
            }

          /* 2000 events over 900 days cannot fit a few lanes when zoomed out. */
          if (span > 1000)
            g_assert_cmpuint (n_clusters, >, 0);

          assert_no_overlap (layout, &view);
        }
    }
}

static void
test_clusters_same_day (void)
{
  g_autoptr(XinzhiTimelineLayout) layout = xinzhi_timeline_layout_new (NULL);
  XinzhiTimelineEntry entries[6];
  XinzhiTimelineView view = make_view (xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 7, 1), 1000);
  double scale = xinzhi_timeline_view_get_scale (&view);
  const XinzhiTimelineItem *items;
  guint n_items;

  for (guint i = 0; i < 5; i++)
    entries[i] = (XinzhiTimelineEntry) { xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 3, 6), 150, 0, i };
  entries[5] = (XinzhiTimelineEntry) { xinzhi_test_julian (2024, 6, 1), xinzhi_test_julian (2024, 6, 2), 150, 0, 5 };

  /* Five events on one day fit five lanes… */
  xinzhi_timeline_layout_set_max_lanes (layout, 5);
  xinzhi_timeline_layout_set_entries (layout, entries, 6);
  items = xinzhi_timeline_layout_get_items (layout, scale, &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 6);

  /* …but with three lanes, two of them show and a cluster in the top lane counts the
   * other three; the distant one stays alone. */
  xinzhi_timeline_layout_set_max_lanes (layout, 3);
  items = xinzhi_timeline_layout_get_items (layout, scale, &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 4);
  g_assert_cmpint (items[0].kind, ==, XINZHI_TIMELINE_ITEM_CLUSTER);
  g_assert_cmpuint (items[0].n_members, ==, 3);
  g_assert_cmpuint (items[0].lane, ==, 2);
  g_assert_cmpuint (items[0].members[0], ==, 2);
  g_assert_cmpint (items[1].kind, ==, XINZHI_TIMELINE_ITEM_EVENT);
  g_assert_cmpuint (items[1].lane, ==, 0);
  g_assert_cmpint (items[2].kind, ==, XINZHI_TIMELINE_ITEM_EVENT);
  g_assert_cmpuint (items[2].lane, ==, 1);
  g_assert_cmpint (items[3].kind, ==, XINZHI_TIMELINE_ITEM_EVENT);
  g_assert_cmpuint (xinzhi_timeline_layout_get_entry (layout, items[3].entry)->id, ==, 5);

  /* With one lane, the cluster takes all five. */
  xinzhi_timeline_layout_set_max_lanes (layout, 1);
  items = xinzhi_timeline_layout_get_items (layout, scale, &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 2);
  g_assert_cmpint (items[0].kind, ==, XINZHI_TIMELINE_ITEM_CLUSTER);
  g_assert_cmpuint (items[0].n_members, ==, 5);
}

/* A bar holds its label when wide enough, and is followed by it otherwise. */
static void
test_bar_labels (void)
{
  g_autoptr(XinzhiTimelineLayout) layout = xinzhi_timeline_layout_new (NULL);
  const XinzhiTimelineMetrics *m = xinzhi_timeline_layout_get_metrics (layout);
  XinzhiTimelineEntry entry = { xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 4, 1), 150, XINZHI_TIMELINE_ENTRY_FUZZY, 0 };
  const XinzhiTimelineItem *item;
  XinzhiTimelineGeometry geometry;
  XinzhiTimelineView narrow = make_view (xinzhi_test_julian (2023, 9, 1), xinzhi_test_julian (2024, 9, 1), 1000);
  XinzhiTimelineView wide = make_view (xinzhi_test_julian (2024, 2, 1), xinzhi_test_julian (2024, 5, 1), 1000);

  xinzhi_timeline_layout_set_entries (layout, &entry, 1);

  /* A month is 85 px wide at a year's span: the label follows it. */
  item = xinzhi_timeline_layout_find_item (layout, xinzhi_timeline_view_get_scale (&narrow), 0);
  xinzhi_timeline_layout_get_geometry (layout, &narrow, item, &geometry);
  g_assert_cmpfloat (geometry.label_x, ==, geometry.x1 + m->label_gap);

  /* …and 344 px at three months': the label is inside. */
  item = xinzhi_timeline_layout_find_item (layout, xinzhi_timeline_view_get_scale (&wide), 0);
  xinzhi_timeline_layout_get_geometry (layout, &wide, item, &geometry);
  g_assert_cmpfloat (geometry.label_x, ==, geometry.x0 + m->bar_padding);
  g_assert_cmpfloat (geometry.label_x + geometry.label_width, <=, geometry.x1);

  /* Scrolled so that the bar starts off the left edge, the label sticks to the edge. */
  wide.start += 40;
  wide.end += 40;
  xinzhi_timeline_layout_get_geometry (layout, &wide, item, &geometry);
  g_assert_cmpfloat (geometry.x0, <, 0);
  g_assert_cmpfloat (geometry.label_x, ==, m->bar_padding);
}

/* ------------------------------------------------------------------------------------ */
/* Bars are the dates                                                                   */
/* ------------------------------------------------------------------------------------ */

/* The layout of the events of @corpus, with label widths of a few pixels a character
 * (from short to wider than the widest label allowed); @days gets each entry's first
 * day and the day after its last, worked out from the event's dates here rather than
 * taken from the entry, by id. */
static XinzhiTimelineLayout *
corpus_layout (XinzhiCorpus *corpus,
               guint         max_lanes,
               double        char_width,
               GArray       *days)
{
  GListModel *events = xinzhi_corpus_get_events (corpus);
  guint n = g_list_model_get_n_items (events);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineEntry));
  XinzhiTimelineLayout *layout = xinzhi_timeline_layout_new (NULL);

  g_array_set_size (days, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, i);
      const XinzhiDate *start = xinzhi_event_get_start (event);
      const XinzhiDate *end = xinzhi_event_get_end (event);
      XinzhiTimelineEntry entry;

      xinzhi_timeline_entry_init (&entry, start, end,
                                  xinzhi_event_get_kind (event) == XINZHI_EVENT_KIND_PERIOD,
                                  char_width * strlen (xinzhi_event_get_title (event)), i);
      g_array_append_val (entries, entry);

      /* A date stands for every day its precision leaves open: September 2023 is
       * 1 to 30 September. */
      g_array_index (days, double, 2 * i) = xinzhi_date_first_day (start);
      g_array_index (days, double, 2 * i + 1) = xinzhi_date_last_day (end) + 1;
    }

  xinzhi_timeline_layout_set_max_lanes (layout, max_lanes);
  xinzhi_timeline_layout_set_entries (layout, (XinzhiTimelineEntry *) (gpointer) entries->data,
                                      entries->len);
  return layout;
}

/* In @view, every event that is drawn on its own (not counted in a cluster) and every
 * period covers its days exactly: a bar from the first day's start to the last day's
 * end, a span too short for a bar a mark of the marker's size over its middle, a
 * single day a pin over its middle; a label beside never overlaps what it labels, and
 * a label inside stays inside.  @days: as corpus_layout() gives it, or NULL to take the
 * days from the entries.
 *
 * Returns: how many bars were checked */
static guint
assert_bars_are_dates (XinzhiTimelineLayout     *layout,
                       const XinzhiTimelineView *view,
                       GArray                   *days)
{
  const XinzhiTimelineMetrics *m = xinzhi_timeline_layout_get_metrics (layout);
  double scale = xinzhi_timeline_view_get_scale (view);
  guint n_entries = xinzhi_timeline_layout_get_n_entries (layout);
  guint n_bars = 0;

  for (guint i = 0; i < n_entries; i++)
    {
      const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (layout, i);
      const XinzhiTimelineItem *item = xinzhi_timeline_layout_find_item (layout, scale, i);
      double first = days ? g_array_index (days, double, 2 * entry->id) : entry->start;
      double after = days ? g_array_index (days, double, 2 * entry->id + 1) : entry->end;
      double x0 = xinzhi_timeline_view_day_to_x (view, first);
      double x1 = xinzhi_timeline_view_day_to_x (view, after);
      gboolean single_day = !(entry->flags & (XINZHI_TIMELINE_ENTRY_RANGE |
                                              XINZHI_TIMELINE_ENTRY_FUZZY |
                                              XINZHI_TIMELINE_ENTRY_PERIOD));
      XinzhiTimelineGeometry geometry;

      g_assert_nonnull (item);
      if (item->kind == XINZHI_TIMELINE_ITEM_CLUSTER)
        continue;
      g_assert_cmpuint (item->entry, ==, i);

      xinzhi_timeline_layout_get_geometry (layout, view, item, &geometry);

      /* The days, to a thousandth of a pixel: nothing but the dates and the view. */
      g_assert_cmpfloat_with_epsilon (geometry.x0, x0, 1e-3);
      g_assert_cmpfloat_with_epsilon (geometry.x1, x1, 1e-3);

      if (entry->flags & XINZHI_TIMELINE_ENTRY_PERIOD)
        {
          g_assert_cmpint (item->kind, ==, XINZHI_TIMELINE_ITEM_BAND);
          g_assert_cmpint (geometry.shape, ==, XINZHI_TIMELINE_SHAPE_BAND);
          g_assert_cmpfloat_with_epsilon (geometry.mark_x0, x0, 1e-3);
          g_assert_cmpfloat_with_epsilon (geometry.mark_x1, x1, 1e-3);
          continue;
        }

      g_assert_cmpint (item->kind, ==, XINZHI_TIMELINE_ITEM_EVENT);
      if (single_day || x1 - x0 < m->min_bar_width)
        {
          /* A marker of a fixed size over the middle, which claims no length. */
          g_assert_cmpint (geometry.shape, ==,
                           single_day ? XINZHI_TIMELINE_SHAPE_PIN : XINZHI_TIMELINE_SHAPE_MARK);
          g_assert_cmpfloat_with_epsilon (geometry.mark_x1 - geometry.mark_x0, m->marker_size, 1e-6);
          g_assert_cmpfloat_with_epsilon ((geometry.mark_x0 + geometry.mark_x1) / 2, (x0 + x1) / 2, 1e-3);
          g_assert_false (geometry.label_inside);
        }
      else
        {
          g_assert_cmpint (geometry.shape, ==, XINZHI_TIMELINE_SHAPE_BAR);
          g_assert_cmpfloat_with_epsilon (geometry.mark_x0, x0, 1e-3);
          g_assert_cmpfloat_with_epsilon (geometry.mark_x1, x1, 1e-3);
          n_bars++;
        }

      if (geometry.label_inside)
        {
          g_assert_cmpfloat (geometry.label_x, >=, geometry.x0 + m->bar_padding - 1e-6);
          g_assert_cmpfloat (geometry.label_x + geometry.label_width, <=,
                             geometry.x1 - m->bar_padding + 1e-6);
        }
      else
        g_assert_cmpfloat (geometry.label_x, >=, geometry.mark_x1 + m->label_gap - 1e-6);
    }

  return n_bars;
}

/* Views of @span days with the width @width, whose middles step across @first to
 * @last. */
static void
assert_bars_at_zooms (XinzhiTimelineLayout *layout,
                      GArray               *days,
                      double                first,
                      double                last,
                      guint                *n_checked)
{
  static const double spans[] = { 3, 10, 45, 120, 213, 400, 800, 1500, 4000, 11000 };
  static const double widths[] = { 360, 1000, 1920 };

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (double middle = first; middle <= last; middle += MAX (spans[s] / 2, (last - first) / 6))
        {
          XinzhiTimelineView view = make_view (middle - spans[s] / 2, middle + spans[s] / 2, widths[w]);

          *n_checked += assert_bars_are_dates (layout, &view, days);
          assert_no_overlap (layout, &view);
        }
}

/* The built-in corpus: "Xi introduces the concept in Heilongjiang" (September 2023)
 * and the CNS seminar (17 to 27 June 2024) among the others, at every zoom, narrow and
 * wide, with short and long labels. */
static void
test_bars_builtin (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (&error);
  guint n_checked = 0;

  g_assert_no_error (error);

  for (double char_width = 3; char_width <= 12; char_width += 4.5)
    for (guint max_lanes = 2; max_lanes <= 8; max_lanes += 3)
      {
        g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(XinzhiTimelineLayout) layout = corpus_layout (corpus, max_lanes, char_width, days);
        double first, last;

        g_assert_true (xinzhi_timeline_layout_get_bounds (layout, &first, &last));
        assert_bars_at_zooms (layout, days, first, last, &n_checked);
      }

  /* The two of the report, in particular, at the opening span and with every event. */
  {
    g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(XinzhiTimelineLayout) layout = corpus_layout (corpus, 4, 7.5, days);
    XinzhiTimelineView opening = make_view (xinzhi_test_julian (2023, 8, 27), xinzhi_test_julian (2024, 4, 20), 1000);
    XinzhiTimelineView all = make_view (xinzhi_test_julian (2023, 8, 20), xinzhi_test_julian (2025, 1, 20), 1000);
    XinzhiTimelineView narrow = make_view (xinzhi_test_julian (2023, 8, 20), xinzhi_test_julian (2025, 1, 20), 360);
    const char *ids[] = { "xi-heilongjiang-tour", "cns-seminar-2024" };

    for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
      {
        XinzhiEvent *event = xinzhi_corpus_lookup_event (corpus, ids[k]);
        guint id = G_MAXUINT;

        g_assert_nonnull (event);
        for (guint i = 0; i < g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)); i++)
          {
            g_autoptr(XinzhiEvent) other = g_list_model_get_item (xinzhi_corpus_get_events (corpus), i);

            if (other == event)
              id = i;
          }
        g_assert_cmpuint (xinzhi_timeline_layout_find_entry (layout, id), !=, G_MAXUINT);
      }

    assert_bars_are_dates (layout, &opening, days);
    assert_bars_are_dates (layout, &all, days);
    assert_bars_are_dates (layout, &narrow, days);
  }

  g_test_message ("%u bars checked", n_checked);
  g_assert_cmpuint (n_checked, >, 0);
}

/* Synthetic corpora of every shape of date, sparse and dense, where many events crowd
 * into clusters; and random entries of every kind. */
static void
test_bars_synthetic (void)
{
  static const guint sizes[] = { 40, 400, 3000 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (23);
  guint n_checked = 0;

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(XinzhiCorpus) corpus = synthetic_corpus_new (sizes[k], 100 + k);
      g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(XinzhiTimelineLayout) layout = corpus_layout (corpus, 3 + k, 6, days);
      double first, last;

      g_assert_true (xinzhi_timeline_layout_get_bounds (layout, &first, &last));
      assert_bars_at_zooms (layout, days, first, last, &n_checked);
    }

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(XinzhiTimelineLayout) layout = random_layout (rand, 300, 700, 2 + 2 * round);
      double first, last;

      g_assert_true (xinzhi_timeline_layout_get_bounds (layout, &first, &last));
      assert_bars_at_zooms (layout, NULL, first, last, &n_checked);
    }

  g_test_message ("%u bars checked", n_checked);
  g_assert_cmpuint (n_checked, >, 1000);
}

/* A span becomes a mark where it is shorter than a bar may be, and a bar again as it
 * widens; a day stays a pin whatever the zoom.  The least width is never given to a
 * bar. */
static void
test_bars_marks (void)
{
  g_autoptr(XinzhiTimelineLayout) layout = xinzhi_timeline_layout_new (NULL);
  const XinzhiTimelineMetrics *m = xinzhi_timeline_layout_get_metrics (layout);
  XinzhiDate september = { 2023, 9, 0, XINZHI_DATE_PRECISION_MONTH };
  XinzhiDate seminar_start = { 2024, 6, 17, XINZHI_DATE_PRECISION_DAY };
  XinzhiDate seminar_end = { 2024, 6, 27, XINZHI_DATE_PRECISION_DAY };
  XinzhiDate day = { 2024, 3, 5, XINZHI_DATE_PRECISION_DAY };
  XinzhiTimelineEntry entries[3];
  guint seen_mark = 0, seen_bar = 0;

  xinzhi_timeline_entry_init (&entries[0], &september, &september, FALSE, 260, 0);
  xinzhi_timeline_entry_init (&entries[1], &seminar_start, &seminar_end, FALSE, 300, 1);
  xinzhi_timeline_entry_init (&entries[2], &day, &day, FALSE, 200, 2);
  xinzhi_timeline_layout_set_entries (layout, entries, 3);

  for (double span = 3; span < 11000; span *= 1.13)
    {
      XinzhiTimelineView view = make_view (xinzhi_test_julian (2024, 1, 1) - span / 2, xinzhi_test_julian (2024, 1, 1) + span / 2, 800);
      double scale = xinzhi_timeline_view_get_scale (&view);

      assert_bars_are_dates (layout, &view, NULL);

      for (guint i = 0; i < 3; i++)
        {
          const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (layout, i);
          XinzhiTimelineGeometry geometry;

          xinzhi_timeline_layout_get_geometry (layout, &view,
                                               xinzhi_timeline_layout_find_item (layout, scale, i),
                                               &geometry);
          if (entry->id == 2)
            g_assert_cmpint (geometry.shape, ==, XINZHI_TIMELINE_SHAPE_PIN);
          else if ((entry->end - entry->start) * scale < m->min_bar_width)
            {
              g_assert_cmpint (geometry.shape, ==, XINZHI_TIMELINE_SHAPE_MARK);
              seen_mark++;
            }
          else
            {
              g_assert_cmpint (geometry.shape, ==, XINZHI_TIMELINE_SHAPE_BAR);
              seen_bar++;
            }
        }
    }

  g_assert_cmpuint (seen_mark, >, 0);
  g_assert_cmpuint (seen_bar, >, 0);
}

/* ------------------------------------------------------------------------------------ */

/* The titles are the bands of the first row among @bands (all that meet @view), and the
 * shade is their union, stretch by stretch, as a frame drew it from @bands itself. */
static void
check_titles_and_shade (XinzhiTimelineLayout     *layout,
                        const XinzhiTimelineView *view,
                        GPtrArray                *bands)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GArray) shade = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineShade));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineShade));
  guint n_titles = 0;

  xinzhi_timeline_layout_query_titles (layout, view, titles);
  for (guint i = 0; i < bands->len; i++)
    {
      const XinzhiTimelineItem *band = g_ptr_array_index (bands, i);

      if (band->lane == 0)
        {
          g_assert_cmpuint (n_titles, <, titles->len);
          g_assert_true (g_ptr_array_index (titles, n_titles) == band);
          n_titles++;
        }
    }
  g_assert_cmpuint (n_titles, ==, titles->len);

  for (guint i = 0; i < bands->len; i++)
    {
      const XinzhiTimelineItem *band = g_ptr_array_index (bands, i);
      const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (layout, band->entry);
      XinzhiTimelineShade *last = expected->len > 0
        ? &g_array_index (expected, XinzhiTimelineShade, expected->len - 1) : NULL;

      if (band->start >= view->end || band->end <= view->start)
        continue;  /* its title's extent meets the view, its days do not */

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
          XinzhiTimelineShade stretch = {
            band->start, band->end,
            (entry->flags & XINZHI_TIMELINE_ENTRY_FUZZY_START) != 0,
            (entry->flags & XINZHI_TIMELINE_ENTRY_FUZZY_END) != 0,
          };

          g_array_append_val (expected, stretch);
        }
    }

  /* Stretches that begin before the view may begin earlier than the first band in view,
   * through bands that end before it: everything from the view's start on is the same. */
  xinzhi_timeline_layout_query_shade (layout, view, shade);
  g_assert_cmpuint (shade->len, ==, expected->len);
  for (guint i = 0; i < shade->len; i++)
    {
      const XinzhiTimelineShade *a = &g_array_index (shade, XinzhiTimelineShade, i);
      const XinzhiTimelineShade *b = &g_array_index (expected, XinzhiTimelineShade, i);

      if (b->start > view->start)
        {
          g_assert_cmpfloat (a->start, ==, b->start);
          g_assert_cmpint (a->fuzzy_start, ==, b->fuzzy_start);
        }
      else
        g_assert_cmpfloat (a->start, <=, b->start);
      g_assert_cmpfloat (a->end, >=, b->end);
      if (b->end < view->end)
        {
          g_assert_cmpfloat (a->end, ==, b->end);
          g_assert_cmpint (a->fuzzy_end, ==, b->fuzzy_end);
        }
    }
}

static void
query_brute_force (GRand                *rand,
                   XinzhiTimelineLayout *layout)
{
  guint n_entries = xinzhi_timeline_layout_get_n_entries (layout);
  double origin = xinzhi_test_julian (2024, 1, 1);

  for (guint q = 0; q < 300; q++)
    {
      double start = origin + g_rand_double_range (rand, -400, 1500);
      double span = exp (g_rand_double_range (rand, log (3), log (3000)));
      XinzhiTimelineView view = make_view (start, start + span, g_rand_double_range (rand, 200, 1600));
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GPtrArray) items = g_ptr_array_new ();
      g_autoptr(GPtrArray) bands = g_ptr_array_new ();
      const XinzhiTimelineItem *all;
      guint n_items, n_bands, n_found_items = 0;

      /* Entries. */
      xinzhi_timeline_layout_query_entries (layout, view.start, view.end, found);
      for (guint i = 0; i < n_entries; i++)
        {
          const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (layout, i);

          if (entry->start < view.end && entry->end > view.start)
            g_array_append_val (expected, i);
        }
      g_assert_cmpuint (found->len, ==, expected->len);
      for (guint i = 0; i < found->len; i++)
        g_assert_cmpuint (g_array_index (found, guint, i), ==, g_array_index (expected, guint, i));

      /* Items and bands at the view's scale. */
      xinzhi_timeline_layout_query_items (layout, &view, items);
      all = xinzhi_timeline_layout_get_items (layout, xinzhi_timeline_view_get_scale (&view), &n_items, NULL);
      for (guint i = 0; i < n_items; i++)
        if (all[i].extent_start < view.end && all[i].extent_end > view.start)
          {
            g_assert_true (n_found_items < items->len);
            g_assert_true (g_ptr_array_index (items, n_found_items) == &all[i]);
            n_found_items++;
          }
      g_assert_cmpuint (n_found_items, ==, items->len);

      xinzhi_timeline_layout_query_bands (layout, &view, bands);
      all = xinzhi_timeline_layout_get_bands (layout, xinzhi_timeline_view_get_scale (&view), &n_bands, NULL);
      n_found_items = 0;
      for (guint i = 0; i < n_bands; i++)
        if (all[i].extent_start < view.end && all[i].extent_end > view.start)
          g_assert_true (g_ptr_array_index (bands, n_found_items++) == &all[i]);
      g_assert_cmpuint (n_found_items, ==, bands->len);

      check_titles_and_shade (layout, &view, bands);
    }
}

static void
test_query_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(XinzhiTimelineLayout) dense = random_layout (rand, 5000, 1100, 4);
  g_autoptr(XinzhiTimelineLayout) sparse = random_layout (rand, 300, 1100, 4);

  /* Dense: periods overlap into one stretch; sparse: they stand apart. */
  query_brute_force (rand, dense);
  query_brute_force (rand, sparse);
}

static void
test_hit_test (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(XinzhiTimelineLayout) layout = random_layout (rand, 60, 200, 6);
  XinzhiTimelineView view = make_view (xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 3, 1), 1000);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  xinzhi_timeline_layout_query_items (layout, &view, items);
  g_assert_cmpuint (items->len, >, 0);

  for (guint i = 0; i < items->len; i++)
    {
      const XinzhiTimelineItem *item = g_ptr_array_index (items, i);
      XinzhiTimelineGeometry geometry;
      double x;

      xinzhi_timeline_layout_get_geometry (layout, &view, item, &geometry);
      x = (geometry.x0 + geometry.x1) / 2;
      if (x < 0 || x > view.width)
        continue;

      g_assert_true (xinzhi_timeline_layout_hit_test (layout, &view, x, item->lane) == item);
      if (item->lane + 1 < 6)
        g_assert_true (xinzhi_timeline_layout_hit_test (layout, &view, x, item->lane + 1) != item);
    }

  g_assert_null (xinzhi_timeline_layout_hit_test (layout, &view, 500, 63));
}

static void
test_level_scale (void)
{
  for (double scale = 0.001; scale < 1000; scale *= 1.037)
    {
      double level = xinzhi_timeline_layout_level_scale (scale);

      g_assert_cmpfloat (level, <=, scale);
      g_assert_cmpfloat (level, >, scale / 1.0906);
      g_assert_cmpfloat (xinzhi_timeline_layout_level_scale (level), ==, level);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-layout/view/round-trip", test_view_round_trip);
  g_test_add_func ("/timeline-layout/view/zoom-anchor", test_view_zoom_anchor);
  g_test_add_func ("/timeline-layout/view/pan-fit", test_view_pan_fit);
  g_test_add_func ("/timeline-layout/ticks/units", test_ticks_units);
  g_test_add_func ("/timeline-layout/ticks/labels", test_ticks_labels);
  g_test_add_func ("/timeline-layout/entries/precision", test_entries_precision);
  g_test_add_func ("/timeline-layout/lanes/no-overlap", test_lanes_no_overlap);
  g_test_add_func ("/timeline-layout/lanes/lowest", test_lanes_lowest);
  g_test_add_func ("/timeline-layout/clusters/counts", test_clusters);
  g_test_add_func ("/timeline-layout/clusters/same-day", test_clusters_same_day);
  g_test_add_func ("/timeline-layout/bar-labels", test_bar_labels);
  g_test_add_func ("/timeline-layout/bars/builtin", test_bars_builtin);
  g_test_add_func ("/timeline-layout/bars/synthetic", test_bars_synthetic);
  g_test_add_func ("/timeline-layout/bars/marks", test_bars_marks);
  g_test_add_func ("/timeline-layout/query/brute-force", test_query_brute_force);
  g_test_add_func ("/timeline-layout/hit-test", test_hit_test);
  g_test_add_func ("/timeline-layout/level-scale", test_level_scale);

  return g_test_run ();
}

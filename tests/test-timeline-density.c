/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The timeline's density band, headless (xinzhi-timeline-density.c): the unit chosen
 * for a zoom, bins on the calendar's own bounds, events counted as certain or possible
 * by what their dates state (an estimate never certain), periods left out, and the same counts as counting every
 * event for every bin, over a few thousand generated events.
 */
#include "config.h"

#include "xinzhi-timeline-density.h"
#include "xinzhi-test-data.h"

static XinzhiTimelineEntry
entry_of (XinzhiDatePrecision precision,
          guint               day,
          guint               month,
          guint               year,
          guint               end_day,
          guint               end_month,
          gboolean            period)
{
  XinzhiDate start = { year, month, day, precision };
  XinzhiDate end = { year, end_month, end_day, precision };
  XinzhiTimelineEntry entry;

  xinzhi_timeline_entry_init (&entry, &start, &end, period, 10, 0);
  return entry;
}

/* The month of a day, as the density counts it, is GDate's, from year 1 to 9999. */
static void
test_months (void)
{
  GDate date;

  g_date_clear (&date, 1);
  for (guint32 day = 1; day <= 3652059; day += g_date_get_year (&date) < 1590 ? 97 : 13)
    {
      double start;

      g_date_set_julian (&date, day);
      start = xinzhi_timeline_density_bin_start (XINZHI_TIMELINE_UNIT_MONTH, day);
      g_assert_cmpfloat (start, ==, day - g_date_get_day (&date) + 1);
      start = xinzhi_timeline_density_bin_start (XINZHI_TIMELINE_UNIT_YEAR, day);
      g_assert_cmpfloat (start, ==, day - g_date_get_day_of_year (&date) + 1);
    }
}

static void
test_units (void)
{
  GDate date;

  /* A bin of at least 6 px: a day at 10 px a day, a week at 1, a month at 0.25, a
   * quarter at 0.07, a year below. */
  g_assert_cmpint (xinzhi_timeline_density_choose_unit (10, 6), ==, XINZHI_TIMELINE_UNIT_DAY);
  g_assert_cmpint (xinzhi_timeline_density_choose_unit (1, 6), ==, XINZHI_TIMELINE_UNIT_WEEK);
  g_assert_cmpint (xinzhi_timeline_density_choose_unit (0.25, 6), ==, XINZHI_TIMELINE_UNIT_MONTH);
  g_assert_cmpint (xinzhi_timeline_density_choose_unit (0.07, 6), ==, XINZHI_TIMELINE_UNIT_QUARTER);
  g_assert_cmpint (xinzhi_timeline_density_choose_unit (0.01, 6), ==, XINZHI_TIMELINE_UNIT_YEAR);

  /* Weeks run Monday to Sunday: Julian day 1 is a Monday. */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, 1);
  g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
  g_assert_cmpfloat (xinzhi_timeline_density_bin_start (XINZHI_TIMELINE_UNIT_WEEK, xinzhi_test_julian (2024, 3, 6)), ==,
                     xinzhi_test_julian (2024, 3, 4));
  g_assert_cmpfloat (xinzhi_timeline_density_bin_start (XINZHI_TIMELINE_UNIT_WEEK, xinzhi_test_julian (2024, 3, 4)), ==,
                     xinzhi_test_julian (2024, 3, 4));
  g_assert_cmpfloat (xinzhi_timeline_density_bin_start (XINZHI_TIMELINE_UNIT_MONTH, xinzhi_test_julian (2024, 3, 31)), ==,
                     xinzhi_test_julian (2024, 3, 1));
  g_assert_cmpfloat (xinzhi_timeline_density_bin_start (XINZHI_TIMELINE_UNIT_QUARTER, xinzhi_test_julian (2024, 6, 15)), ==,
                     xinzhi_test_julian (2024, 4, 1));
  g_assert_cmpfloat (xinzhi_timeline_density_bin_start (XINZHI_TIMELINE_UNIT_YEAR, xinzhi_test_julian (2024, 6, 15)), ==,
                     xinzhi_test_julian (2024, 1, 1));
}

static const XinzhiTimelineBin *
bin_at (GArray *bins,
        double  day)
{
  for (guint i = 0; i < bins->len; i++)
    {
      const XinzhiTimelineBin *bin = &g_array_index (bins, XinzhiTimelineBin, i);

      if (bin->start <= day && day < bin->end)
        return bin;
    }
  g_assert_not_reached ();
}

/* A day, a month, a week's range known to the day, a year and a period: each certain
 * where its dates say it is, possible where they cannot tell, and the period never. */
static void
test_counts (void)
{
  XinzhiTimelineEntry entries[] = {
    entry_of (XINZHI_DATE_PRECISION_DAY, 5, 3, 2024, 5, 3, FALSE),
    entry_of (XINZHI_DATE_PRECISION_MONTH, 0, 3, 2024, 0, 3, FALSE),
    entry_of (XINZHI_DATE_PRECISION_DAY, 4, 3, 2024, 11, 3, FALSE),
    entry_of (XINZHI_DATE_PRECISION_YEAR, 0, 0, 2024, 0, 0, FALSE),
    entry_of (XINZHI_DATE_PRECISION_DAY, 1, 3, 2024, 20, 3, TRUE),
    entry_of (XINZHI_DATE_PRECISION_DAY, 5, 3, 2024, 5, 3, FALSE),
  };
  g_autoptr(XinzhiTimelineDensity) density = xinzhi_timeline_density_new ();
  g_autoptr(GArray) bins = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineBin));
  const XinzhiTimelineBin *bin;

  /* The last: 5 March 2024, an estimate. */
  entries[G_N_ELEMENTS (entries) - 1].flags |= XINZHI_TIMELINE_ENTRY_ESTIMATED;
  xinzhi_timeline_density_set_entries (density, entries, G_N_ELEMENTS (entries));

  xinzhi_timeline_density_query (density, XINZHI_TIMELINE_UNIT_DAY, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 11), bins);
  g_assert_cmpuint (bins->len, ==, 10);
  for (guint i = 0; i < bins->len; i++)
    {
      bin = &g_array_index (bins, XinzhiTimelineBin, i);
      g_assert_cmpfloat (bin->start, ==, xinzhi_test_julian (2024, 3, 1) + i);
      g_assert_cmpfloat (bin->end, ==, bin->start + 1);
    }
  bin = bin_at (bins, xinzhi_test_julian (2024, 3, 5));
  g_assert_cmpuint (bin->certain, ==, 2);    /* the day, the range */
  g_assert_cmpuint (bin->possible, ==, 3);   /* the month, the year, the estimate */
  bin = bin_at (bins, xinzhi_test_julian (2024, 3, 4));
  g_assert_cmpuint (bin->certain, ==, 1);
  g_assert_cmpuint (bin->possible, ==, 2);
  bin = bin_at (bins, xinzhi_test_julian (2024, 3, 1));
  g_assert_cmpuint (bin->certain, ==, 0);
  g_assert_cmpuint (bin->possible, ==, 2);

  g_array_set_size (bins, 0);
  xinzhi_timeline_density_query (density, XINZHI_TIMELINE_UNIT_MONTH, xinzhi_test_julian (2024, 2, 10), xinzhi_test_julian (2024, 4, 10), bins);
  g_assert_cmpuint (bins->len, ==, 3);
  bin = bin_at (bins, xinzhi_test_julian (2024, 3, 1));
  g_assert_cmpfloat (bin->end, ==, xinzhi_test_julian (2024, 4, 1));
  g_assert_cmpuint (bin->certain, ==, 3);    /* the day, the month, the range */
  g_assert_cmpuint (bin->possible, ==, 2);   /* the year, the estimate */
  bin = bin_at (bins, xinzhi_test_julian (2024, 2, 1));
  g_assert_cmpuint (bin->certain, ==, 0);
  g_assert_cmpuint (bin->possible, ==, 1);

  g_array_set_size (bins, 0);
  xinzhi_timeline_density_query (density, XINZHI_TIMELINE_UNIT_YEAR, xinzhi_test_julian (2023, 6, 1), xinzhi_test_julian (2025, 6, 1), bins);
  g_assert_cmpuint (bins->len, ==, 3);
  bin = bin_at (bins, xinzhi_test_julian (2024, 1, 1));
  g_assert_cmpuint (bin->certain, ==, 4);
  g_assert_cmpuint (bin->possible, ==, 1);   /* the estimate, even here */
  bin = bin_at (bins, xinzhi_test_julian (2023, 1, 1));
  g_assert_cmpuint (bin->certain + bin->possible, ==, 0);
}

/* The counts of @bin by their definition, over every entry. */
static void
count_by_hand (const XinzhiTimelineEntry *entries,
               guint                      n_entries,
               const XinzhiTimelineBin   *bin,
               guint                     *certain,
               guint                     *possible)
{
  *certain = *possible = 0;
  for (guint i = 0; i < n_entries; i++)
    {
      const XinzhiTimelineEntry *entry = &entries[i];
      gboolean meets = entry->start < bin->end && entry->end > bin->start;
      gboolean within = entry->start >= bin->start && entry->end <= bin->end;

      if ((entry->flags & XINZHI_TIMELINE_ENTRY_PERIOD) || !meets)
        continue;
      if (entry->flags & XINZHI_TIMELINE_ENTRY_ESTIMATED)
        (*possible)++;
      else if (!(entry->flags & XINZHI_TIMELINE_ENTRY_FUZZY) || within)
        (*certain)++;
      else
        (*possible)++;
    }
}

static void
test_against_counting (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(XinzhiTimelineDensity) density = xinzhi_timeline_density_new ();
  g_autofree XinzhiTimelineEntry *entries = g_new (XinzhiTimelineEntry, 3000);
  static const XinzhiTimelineUnit units[] = {
    XINZHI_TIMELINE_UNIT_DAY, XINZHI_TIMELINE_UNIT_WEEK, XINZHI_TIMELINE_UNIT_MONTH,
    XINZHI_TIMELINE_UNIT_QUARTER, XINZHI_TIMELINE_UNIT_YEAR,
  };
  guint n_bins = 0;

  for (guint i = 0; i < 3000; i++)
    {
      XinzhiDatePrecision precision = g_rand_int_range (rand, XINZHI_DATE_PRECISION_YEAR,
                                                        XINZHI_DATE_PRECISION_DAY + 1);
      guint year = g_rand_int_range (rand, 2019, 2027);
      guint month = g_rand_int_range (rand, 1, 13);
      guint day = g_rand_int_range (rand, 1, 29);
      gboolean range = g_rand_int_range (rand, 0, 4) == 0;
      guint days_more = g_rand_int_range (rand, 1, 20);
      guint months_more = g_rand_int_range (rand, 0, 3);
      guint end_day = MIN (day + days_more, 28);
      guint end_month = MIN (month + months_more, 12);
      gboolean period = g_rand_int_range (rand, 0, 50) == 0;

      /* Dates as the corpus has them: a month without its day, a year without either. */
      if (precision < XINZHI_DATE_PRECISION_DAY)
        day = end_day = 0;
      if (precision < XINZHI_DATE_PRECISION_MONTH)
        month = end_month = 0;
      entries[i] = entry_of (precision, day, month, year,
                             range ? end_day : day, range ? end_month : month, period);
      if (g_rand_int_range (rand, 0, 8) == 0)
        entries[i].flags |= XINZHI_TIMELINE_ENTRY_ESTIMATED;
    }
  xinzhi_timeline_density_set_entries (density, entries, 3000);

  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    for (guint q = 0; q < 20; q++)
      {
        g_autoptr(GArray) bins = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineBin));
        double start = xinzhi_test_julian (2018, 1, 1) + g_rand_double_range (rand, 0, 365.25 * 10);
        double end = start + g_rand_double_range (rand, 1, units[u] == XINZHI_TIMELINE_UNIT_DAY ? 200 : 2000);

        xinzhi_timeline_density_query (density, units[u], start, end, bins);
        g_assert_cmpuint (bins->len, >, 0);
        g_assert_cmpfloat (g_array_index (bins, XinzhiTimelineBin, 0).start, <=, start);
        g_assert_cmpfloat (g_array_index (bins, XinzhiTimelineBin, bins->len - 1).end, >=, end);
        for (guint i = 0; i < bins->len; i++)
          {
            const XinzhiTimelineBin *bin = &g_array_index (bins, XinzhiTimelineBin, i);
            guint certain, possible;

            if (i > 0)
              g_assert_cmpfloat (bin->start, ==, g_array_index (bins, XinzhiTimelineBin, i - 1).end);
            count_by_hand (entries, 3000, bin, &certain, &possible);
            g_assert_cmpuint (bin->certain, ==, certain);
            g_assert_cmpuint (bin->possible, ==, possible);
            n_bins++;
          }
      }
  g_test_message ("%u bins checked against counting by hand", n_bins);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline-density/months", test_months);
  g_test_add_func ("/timeline-density/units", test_units);
  g_test_add_func ("/timeline-density/counts", test_counts);
  g_test_add_func ("/timeline-density/against-counting", test_against_counting);

  return g_test_run ();
}

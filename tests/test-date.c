/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-date.h"
#include "xinzhi-test-data.h"

static void
test_parse (void)
{
  XinzhiDate date;

  g_assert_true (xinzhi_date_parse ("2023", &date));
  g_assert_cmpint (date.precision, ==, XINZHI_DATE_PRECISION_YEAR);
  g_assert_cmpuint (date.year, ==, 2023);

  g_assert_true (xinzhi_date_parse ("2023-09", &date));
  g_assert_cmpint (date.precision, ==, XINZHI_DATE_PRECISION_MONTH);
  g_assert_cmpuint (date.month, ==, 9);
  g_assert_cmpuint (date.day, ==, 0);

  g_assert_true (xinzhi_date_parse ("2024-02-29", &date));
  g_assert_cmpint (date.precision, ==, XINZHI_DATE_PRECISION_DAY);
  g_assert_cmpuint (date.day, ==, 29);

  g_assert_false (xinzhi_date_parse ("2023-02-29", &date));
  g_assert_false (xinzhi_date_parse ("2024-02-30", &date));
  g_assert_false (xinzhi_date_parse ("2024-13", &date));
  g_assert_false (xinzhi_date_parse ("2024-00", &date));
  g_assert_false (xinzhi_date_parse ("24-03-05", &date));
  g_assert_false (xinzhi_date_parse ("2024-3-5", &date));
  g_assert_false (xinzhi_date_parse ("2024-03-05T10:00", &date));
  g_assert_false (xinzhi_date_parse ("", &date));
  g_assert_false (xinzhi_date_parse ("0000", &date));
}

static void
test_iso_round_trip (void)
{
  const char *dates[] = { "2023", "2023-09", "2024-01-31" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      XinzhiDate date;
      g_autofree char *iso = NULL;

      g_assert_true (xinzhi_date_parse (dates[i], &date));
      iso = xinzhi_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, dates[i]);
    }
}

static void
test_span (void)
{
  XinzhiDate month, day, year;

  g_assert_true (xinzhi_date_parse ("2024-02", &month));
  g_assert_true (xinzhi_date_parse ("2024-02-01", &day));
  g_assert_true (xinzhi_date_parse ("2024", &year));

  /* A month covers all its days, a leap February included. */
  g_assert_cmpuint (xinzhi_date_last_day (&month) - xinzhi_date_first_day (&month), ==, 28);
  g_assert_cmpuint (xinzhi_date_first_day (&month), ==, xinzhi_date_first_day (&day));
  g_assert_cmpuint (xinzhi_date_last_day (&day), ==, xinzhi_date_first_day (&day));
  g_assert_cmpuint (xinzhi_date_last_day (&year) - xinzhi_date_first_day (&year), ==, 365);

}

static XinzhiDate
date (const char *text)
{
  XinzhiDate result;

  g_assert_true (xinzhi_date_parse (text, &result));
  return result;
}

/* Checks that @compare, given two of @texts, finds every pair in the order of @texts,
 * and equal only to itself. */
static void
assert_in_order (const char * const *texts,
                 guint               n_texts,
                 int               (*compare) (const char *a,
                                               const char *b))
{
  for (guint i = 0; i < n_texts; i++)
    for (guint j = 0; j < n_texts; j++)
      {
        int order = compare (texts[i], texts[j]);

        g_test_message ("%s, %s", texts[i], texts[j]);
        g_assert_cmpint (order < 0 ? -1 : order > 0, ==, i < j ? -1 : i > j);
      }
}

static int
compare_dates (const char *a,
               const char *b)
{
  XinzhiDate date_a = date (a), date_b = date (b);

  return xinzhi_date_compare (&date_a, &date_b);
}

/* Dates go by the last day they may stand for, then the first: a year or a month
 * never ranks before a day it may follow ("2024" after "7 March 2024"); of dates that
 * end on the same day, the one that may begin earlier comes first. */
static void
test_order (void)
{
  static const char * const in_order[] = {
    "2023", "2023-12-31", "2024-01-01", "2024-02", "2024-02-29", "2024-03-01",
    "2024-03-07", "2024-03", "2024-03-31", "2024-06-18", "2024", "2024-12", "2024-12-31",
    "2025-01",
  };

  assert_in_order (in_order, G_N_ELEMENTS (in_order), compare_dates);
}

/* Every date from 2023 to 2025 at every precision: the order is total and never ranks
 * a date before a day it may follow, nor after a date it is certainly before. */
static void
test_order_rules (void)
{
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (XinzhiDate));

  for (guint year = 2023; year <= 2025; year++)
    {
      XinzhiDate y = { year, 0, 0, XINZHI_DATE_PRECISION_YEAR };

      g_array_append_val (dates, y);
      for (guint m = 1; m <= 12; m++)
        {
          XinzhiDate month = { year, m, 0, XINZHI_DATE_PRECISION_MONTH };

          g_array_append_val (dates, month);
          for (guint d = 1; d <= g_date_get_days_in_month (m, year); d++)
            {
              XinzhiDate day = { year, m, d, XINZHI_DATE_PRECISION_DAY };

              g_array_append_val (dates, day);
            }
        }
    }

  g_array_sort (dates, (GCompareFunc) xinzhi_date_compare);
  for (guint i = 0; i < dates->len; i++)
    {
      const XinzhiDate *a = &g_array_index (dates, XinzhiDate, i);

      /* Sorted, each pair in order: the order is consistent (and only equal dates
       * compare equal: there are none here). */
      for (guint j = i + 1; j < dates->len; j++)
        {
          const XinzhiDate *b = &g_array_index (dates, XinzhiDate, j);

          g_assert_cmpint (xinzhi_date_compare (a, b), <, 0);
          g_assert_cmpint (xinzhi_date_compare (b, a), >, 0);
          /* Before a day, nothing that may follow it. */
          if (b->precision == XINZHI_DATE_PRECISION_DAY)
            g_assert_cmpuint (xinzhi_date_last_day (a), <=, xinzhi_date_first_day (b));
          /* After a date, nothing certainly before it. */
          g_assert_false (xinzhi_date_is_before (b, a));
        }
    }
}

static void
test_is_before (void)
{
  static const struct {
    const char *a, *b;
    gboolean    before;
  } cases[] = {
    { "2024-03", "2024-04-01", TRUE },
    { "2024-03", "2024-03-31", FALSE },
    { "2024-03-31", "2024-03", FALSE },
    { "2024-02-29", "2024-03", TRUE },
    { "2023", "2024-01-01", TRUE },
    { "2024", "2024-06-18", FALSE },
    { "2024-06-18", "2024", FALSE },
    { "2024-03-07", "2024-03-07", FALSE },
    { "2024-03-07", "2024-03-08", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      XinzhiDate a = date (cases[i].a), b = date (cases[i].b);

      g_test_message ("%s before %s", cases[i].a, cases[i].b);
      g_assert_cmpint (xinzhi_date_is_before (&a, &b), ==, cases[i].before);
    }
}

/* What is known of the earliest of a set of dates. */
typedef struct
{
  const char *dates;      /* stated dates, by spaces; "~" before an estimated one */
  const char *first;      /* the first stated date, "" if none */
  gboolean    certain;
  guint       n_estimated;
  const char *estimated;  /* the first estimated date, "" if none */
} EarliestCase;

static XinzhiEarliest
earliest_of (const char *dates)
{
  g_auto(GStrv) words = g_strsplit (dates, " ", -1);
  XinzhiEarliest earliest = { 0 };

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean estimated = words[i][0] == '~';
      XinzhiDate d = date (words[i] + estimated);

      xinzhi_earliest_add (&earliest, &d, estimated);
    }
  return earliest;
}

static void
test_earliest (void)
{
  static const EarliestCase cases[] = {
    /* The example: a sector mentioned on 7 March 2024 and in an article
     * estimated to 2024. */
    { "~2024 2024-03-07 2024-03-25 2024-06-18", "2024-03-07", TRUE, 1, "2024" },
    { "2024-06-18 2024-03-07 2024-03-25", "2024-03-07", TRUE, 0, "" },
    /* A year may be earlier than the day. */
    { "2024-03-07 2024", "2024-03-07", FALSE, 0, "" },
    { "2024 2024-03-07", "2024-03-07", FALSE, 0, "" },
    /* A month that contains the day, or starts after it. */
    { "2024-03 2024-03-07", "2024-03-07", FALSE, 0, "" },
    { "2024-03-07 2024-04", "2024-03-07", TRUE, 0, "" },
    { "2024-03-01 2024-03", "2024-03-01", TRUE, 0, "" },
    /* Equal dates say the same: March 2024 is the first. */
    { "2024-03 2024-03 2024-04-01", "2024-03", TRUE, 0, "" },
    { "2024-03 2024-03 2024-03-20", "2024-03-20", FALSE, 0, "" },
    /* Estimates only. */
    { "~2024-03 ~2024", "", FALSE, 2, "2024-03" },
    { "2024-06-18", "2024-06-18", TRUE, 0, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      XinzhiEarliest earliest = earliest_of (cases[i].dates);
      g_autofree char *first = xinzhi_date_to_iso (&earliest.first);
      g_autofree char *estimated = xinzhi_date_to_iso (&earliest.estimated);

      g_test_message ("%s", cases[i].dates);
      g_assert_cmpstr (first, ==, cases[i].first);
      g_assert_cmpint (xinzhi_earliest_is_certain (&earliest), ==, cases[i].certain);
      g_assert_cmpuint (earliest.n_estimated, ==, cases[i].n_estimated);
      g_assert_cmpstr (estimated, ==, cases[i].estimated);
    }
}

static int
compare_earliest (const char *a,
                  const char *b)
{
  XinzhiEarliest earliest_a = earliest_of (a), earliest_b = earliest_of (b);

  return xinzhi_earliest_compare (&earliest_a, &earliest_b);
}

/* Sets by their earliest date, as dates go: never one whose first mention may follow
 * a day before that day's. */
static void
test_earliest_compare (void)
{
  static const char * const in_order[] = {
    "2023-12",
    "2024 2024-03-07",        /* 7 March or earlier, maybe January */
    "~2023 2024-03-07",       /* 7 March, or earlier by an estimate */
    "2024-03-07 2024-06-18",  /* 7 March */
    "2024-03 2024-04-02",     /* March */
    "2024",
    "~2023-05",               /* estimates only, by the first estimate */
    "~2024-01 ~2024-06",
  };

  assert_in_order (in_order, G_N_ELEMENTS (in_order), compare_earliest);
}

static void
test_format (void)
{
  XinzhiDate date;
  g_autofree char *year = NULL;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;

  /* Never more precise than known. */
  g_assert_true (xinzhi_date_parse ("2023", &date));
  year = xinzhi_date_format (&date);
  g_assert_cmpstr (year, ==, "2023");
  g_assert_true (xinzhi_date_parse ("2023-09", &date));
  month = xinzhi_date_format (&date);
  g_assert_cmpstr (month, ==, "September 2023");
  g_assert_true (xinzhi_date_parse ("2024-03-05", &date));
  day = xinzhi_date_format (&date);
  g_assert_cmpstr (day, ==, "5 March 2024");
}

static void
test_text_precision (void)
{
  static const struct {
    const char *text;
    XinzhiDatePrecision precision;
  } cases[] = {
    { "January 31, 2024", XINZHI_DATE_PRECISION_DAY },
    { "March 07, 2024", XINZHI_DATE_PRECISION_DAY },
    { "March 5", XINZHI_DATE_PRECISION_DAY },
    { "Feb. 28", XINZHI_DATE_PRECISION_DAY },
    { "June 17-27", XINZHI_DATE_PRECISION_DAY },
    { "2024-03-25", XINZHI_DATE_PRECISION_DAY },
    { "2024/06-18", XINZHI_DATE_PRECISION_DAY },
    { "2024年3月5日", XINZHI_DATE_PRECISION_DAY },
    { "in September", XINZHI_DATE_PRECISION_MONTH },
    { "in December", XINZHI_DATE_PRECISION_MONTH },
    { "2024-03", XINZHI_DATE_PRECISION_MONTH },
    { "12月", XINZHI_DATE_PRECISION_MONTH },
    { "Global Innovation Index 2024", XINZHI_DATE_PRECISION_YEAR },
    { "2024年", XINZHI_DATE_PRECISION_YEAR },
    { "the just concluded Two Sessions", XINZHI_DATE_PRECISION_NONE },
    { "ranks 11th", XINZHI_DATE_PRECISION_NONE },
    /* Words that spell a month but do not name one: the verb, a name, an abbreviation
     * with no number beside it. */
    { "it may grow", XINZHI_DATE_PRECISION_NONE },
    { "May we", XINZHI_DATE_PRECISION_NONE },
    { "may 5", XINZHI_DATE_PRECISION_NONE },
    { "Mar", XINZHI_DATE_PRECISION_NONE },
    { "to mar the march of progress", XINZHI_DATE_PRECISION_NONE },
    { "Sept", XINZHI_DATE_PRECISION_NONE },
    { "in May", XINZHI_DATE_PRECISION_MONTH },
    { "mid-May", XINZHI_DATE_PRECISION_MONTH },
    { "May 2024", XINZHI_DATE_PRECISION_MONTH },
    { "May 5", XINZHI_DATE_PRECISION_DAY },
    { "Mar. 5", XINZHI_DATE_PRECISION_DAY },
    { "5 Mar 2024", XINZHI_DATE_PRECISION_DAY },
    { "Sept. 2023", XINZHI_DATE_PRECISION_MONTH },
    { "", XINZHI_DATE_PRECISION_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (xinzhi_date_text_precision (cases[i].text), ==, cases[i].precision);
    }
}

/* The first and last day of a day, a month and a year are GDate's Julian days: the
 * first and last day of every month of years 1 to 9999, and every day of years around
 * the leap rules' turns (4, 100, 400). */
static void
test_julian_days (void)
{
  static const guint every_day[][2] = { { 1, 5 }, { 1896, 1905 }, { 1996, 2105 }, { 9995, 9999 } };

  for (guint year = 1; year <= 9999; year++)
    for (guint month = 1; month <= 12; month++)
      {
        guint last = g_date_get_days_in_month (month, year);
        XinzhiDate date = { year, month, 0, XINZHI_DATE_PRECISION_MONTH };

        g_assert_cmpuint (xinzhi_date_first_day (&date), ==, xinzhi_test_julian (year, month, 1));
        g_assert_cmpuint (xinzhi_date_last_day (&date), ==, xinzhi_test_julian (year, month, last));
        if (month == 1)
          {
            XinzhiDate whole = { year, 0, 0, XINZHI_DATE_PRECISION_YEAR };

            g_assert_cmpuint (xinzhi_date_first_day (&whole), ==, xinzhi_test_julian (year, 1, 1));
            g_assert_cmpuint (xinzhi_date_last_day (&whole), ==, xinzhi_test_julian (year, 12, 31));
          }
      }

  for (guint r = 0; r < G_N_ELEMENTS (every_day); r++)
    for (guint year = every_day[r][0]; year <= every_day[r][1]; year++)
      for (guint month = 1; month <= 12; month++)
        for (guint day = 1; day <= g_date_get_days_in_month (month, year); day++)
          {
            XinzhiDate date = { year, month, day, XINZHI_DATE_PRECISION_DAY };

            g_assert_cmpuint (xinzhi_date_first_day (&date), ==, xinzhi_test_julian (year, month, day));
            g_assert_cmpuint (xinzhi_date_last_day (&date), ==, xinzhi_test_julian (year, month, day));
          }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/iso-round-trip", test_iso_round_trip);
  g_test_add_func ("/date/span", test_span);
  g_test_add_func ("/date/order", test_order);
  g_test_add_func ("/date/order-rules", test_order_rules);
  g_test_add_func ("/date/is-before", test_is_before);
  g_test_add_func ("/date/earliest", test_earliest);
  g_test_add_func ("/date/earliest-compare", test_earliest_compare);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/text-precision", test_text_precision);
  g_test_add_func ("/date/julian-days", test_julian_days);

  return g_test_run ();
}

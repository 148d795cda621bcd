/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-date.h"

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

  /* The less precise sorts first when both start on the same day. */
  g_assert_cmpint (xinzhi_date_compare (&year, &month), <, 0);
  g_assert_cmpint (xinzhi_date_compare (&month, &day), <, 0);
  g_assert_cmpint (xinzhi_date_compare (&day, &day), ==, 0);
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
    { "", XINZHI_DATE_PRECISION_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (xinzhi_date_text_precision (cases[i].text), ==, cases[i].precision);
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
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/text-precision", test_text_precision);

  return g_test_run ();
}

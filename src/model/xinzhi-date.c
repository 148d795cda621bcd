/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-date.h"

static gboolean
parse_digits (const char **p,
              guint        n,
              guint       *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }

  *p += n;
  *value = v;
  return TRUE;
}

/**
 * xinzhi_date_parse:
 * @text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @date: (out): the date
 *
 * Parses a date of the corpus format.  The form gives the precision.  Dates that do not
 * exist in the proleptic Gregorian calendar (such as `2024-02-30`) are refused.
 *
 * Returns: %TRUE if @text is a valid date
 */
gboolean
xinzhi_date_parse (const char *text,
                   XinzhiDate *date)
{
  const char *p = text;
  guint year, month = 0, day = 0;
  XinzhiDatePrecision precision = XINZHI_DATE_PRECISION_YEAR;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!parse_digits (&p, 4, &year) || year == 0)
    return FALSE;

  if (*p == '-')
    {
      p++;
      if (!parse_digits (&p, 2, &month) || month < 1 || month > 12)
        return FALSE;
      precision = XINZHI_DATE_PRECISION_MONTH;

      if (*p == '-')
        {
          p++;
          if (!parse_digits (&p, 2, &day) ||
              !g_date_valid_dmy (day, month, year))
            return FALSE;
          precision = XINZHI_DATE_PRECISION_DAY;
        }
    }

  if (*p != '\0')
    return FALSE;

  date->year = year;
  date->month = month;
  date->day = day;
  date->precision = precision;
  return TRUE;
}

/**
 * xinzhi_date_to_iso:
 * @date: a date
 *
 * Returns: (transfer full): the date in the form it was written
 */
char *
xinzhi_date_to_iso (const XinzhiDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case XINZHI_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04u", date->year);
    case XINZHI_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04u-%02u", date->year, date->month);
    case XINZHI_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04u-%02u-%02u", date->year, date->month, date->day);
    case XINZHI_DATE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}

/**
 * xinzhi_date_format:
 * @date: a date
 *
 * Formats @date for people, no more precisely than it is known: "2024",
 * "March 2024", "5 March 2024" (in the user's language).
 *
 * Returns: (transfer full): the formatted date
 */
char *
xinzhi_date_format (const XinzhiDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (date->precision == XINZHI_DATE_PRECISION_NONE)
    return g_strdup ("");

  dt = g_date_time_new_utc (date->year, MAX (date->month, 1), MAX (date->day, 1), 0, 0, 0);

  switch (date->precision)
    {
    case XINZHI_DATE_PRECISION_YEAR:
      /* Translators: a year alone, as a strftime format */
      return g_date_time_format (dt, C_("date format", "%Y"));
    case XINZHI_DATE_PRECISION_MONTH:
      /* Translators: a month and its year, as a strftime format */
      return g_date_time_format (dt, C_("date format", "%B %Y"));
    case XINZHI_DATE_PRECISION_DAY:
      /* Translators: a full date, as a strftime format */
      return g_date_time_format (dt, C_("date format", "%-d %B %Y"));
    case XINZHI_DATE_PRECISION_NONE:
    default:
      g_assert_not_reached ();
    }
}

static guint32
julian (guint year,
        guint month,
        guint day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

/**
 * xinzhi_date_first_day:
 * @date: a date
 *
 * Returns: the Julian day number of the first day @date may stand for
 */
guint32
xinzhi_date_first_day (const XinzhiDate *date)
{
  g_return_val_if_fail (date != NULL, 0);
  g_return_val_if_fail (date->precision != XINZHI_DATE_PRECISION_NONE, 0);

  return julian (date->year, MAX (date->month, 1), MAX (date->day, 1));
}

/**
 * xinzhi_date_last_day:
 * @date: a date
 *
 * Returns: the Julian day number of the last day @date may stand for: the last day of
 *   the month for a month, of the year for a year
 */
guint32
xinzhi_date_last_day (const XinzhiDate *date)
{
  g_return_val_if_fail (date != NULL, 0);
  g_return_val_if_fail (date->precision != XINZHI_DATE_PRECISION_NONE, 0);

  switch (date->precision)
    {
    case XINZHI_DATE_PRECISION_YEAR:
      return julian (date->year, 12, 31);
    case XINZHI_DATE_PRECISION_MONTH:
      return julian (date->year, date->month,
                     g_date_get_days_in_month (date->month, date->year));
    case XINZHI_DATE_PRECISION_DAY:
    case XINZHI_DATE_PRECISION_NONE:
    default:
      return julian (date->year, date->month, date->day);
    }
}

/**
 * xinzhi_date_compare:
 * @a: a date
 * @b: another date
 *
 * Orders dates by their first day, then the less precise first, so that "March 2024"
 * comes before "1 March 2024".
 *
 * Returns: negative, 0 or positive, as for qsort()
 */
int
xinzhi_date_compare (const XinzhiDate *a,
                     const XinzhiDate *b)
{
  guint32 ja = xinzhi_date_first_day (a);
  guint32 jb = xinzhi_date_first_day (b);

  if (ja != jb)
    return ja < jb ? -1 : 1;

  return (int) a->precision - (int) b->precision;
}

const char *
xinzhi_date_precision_name (XinzhiDatePrecision precision)
{
  switch (precision)
    {
    case XINZHI_DATE_PRECISION_YEAR:
      return "year";
    case XINZHI_DATE_PRECISION_MONTH:
      return "month";
    case XINZHI_DATE_PRECISION_DAY:
      return "day";
    case XINZHI_DATE_PRECISION_NONE:
    default:
      return "none";
    }
}

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
};

/* Whether the word of @len bytes at @word names a month, in full or abbreviated. */
static gboolean
is_month_word (const char *word,
               gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strlen (month_names[i]) == len &&
        g_ascii_strncasecmp (word, month_names[i], len) == 0)
      return TRUE;

  return FALSE;
}

/**
 * xinzhi_date_text_precision:
 * @text: words of a text that state a date, such as "March 5" or "in December"
 *
 * Finds how precisely @text states a date: a day needs a day number with a month
 * ("March 5", "2024-03-25", "2024/06-18", "3月5日"), a month needs a month ("in
 * December", "2024-03", "12月"), a year a four-digit year.
 *
 * Returns: the precision @text supports, %XINZHI_DATE_PRECISION_NONE if it states no date
 */
XinzhiDatePrecision
xinzhi_date_text_precision (const char *text)
{
  gboolean month = FALSE;
  gboolean year = FALSE;
  gboolean day_number = FALSE;
  const char *p = text;

  g_return_val_if_fail (text != NULL, XINZHI_DATE_PRECISION_NONE);

  /* Numeric forms: YYYY-MM-DD, YYYY/MM/DD, YYYY/MM-DD, YYYY-MM. */
  for (p = text; *p; p++)
    {
      const char *q = p;
      guint n = 0;

      while (g_ascii_isdigit (q[n]))
        n++;
      if (n == 0)
        continue;

      if (n == 4 && (p == text || !g_ascii_isdigit (p[-1])))
        {
          year = TRUE;
          q = p + 4;
          if ((*q == '-' || *q == '/' || *q == '.') &&
              g_ascii_isdigit (q[1]))
            {
              guint m = 0, k = 1;

              while (g_ascii_isdigit (q[k]) && k < 4)
                m = m * 10 + (q[k++] - '0');
              if (k <= 3 && m >= 1 && m <= 12)
                {
                  month = TRUE;
                  q += k;
                  if ((*q == '-' || *q == '/' || *q == '.') &&
                      g_ascii_isdigit (q[1]))
                    return XINZHI_DATE_PRECISION_DAY;
                  /* The month's digits are not a day number. */
                  n = q - p;
                }
            }
        }
      else if (n <= 2 && (p == text || !g_ascii_isdigit (p[-1])))
        {
          /* A day or month number; Chinese 月 and 日 say which. */
          if (g_str_has_prefix (p + n, "月"))
            month = TRUE;
          else if (g_str_has_prefix (p + n, "日") || g_str_has_prefix (p + n, "号"))
            day_number = TRUE;
          else
            day_number = TRUE;
        }

      p += n - 1;
    }

  if (strstr (text, "年"))
    year = TRUE;

  /* Month names. */
  for (p = text; *p; )
    {
      gsize len = 0;

      while (g_ascii_isalpha (p[len]))
        len++;
      if (len > 0)
        {
          if (is_month_word (p, len))
            month = TRUE;
          p += len;
        }
      else
        p++;
    }

  if (month && day_number)
    return XINZHI_DATE_PRECISION_DAY;
  if (month)
    return XINZHI_DATE_PRECISION_MONTH;
  if (year)
    return XINZHI_DATE_PRECISION_YEAR;
  return XINZHI_DATE_PRECISION_NONE;
}

/* The month (1–12) that the word of @len bytes at @word names, or 0.  Every
 * abbreviation in month_names begins the full name it stands for. */
static guint
month_of_word (const char *word,
               gsize       len)
{
  if (!is_month_word (word, len))
    return 0;

  for (guint i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (word, month_names[i], len) == 0)
      return i + 1;

  return 0;
}

static void
add_year (XinzhiDateWords *words,
          guint            year)
{
  if (year >= 1 && words->n_years < G_N_ELEMENTS (words->years) &&
      !xinzhi_date_words_has_year (words, year))
    words->years[words->n_years++] = year;
}

static void
add_month (XinzhiDateWords *words,
           guint            month)
{
  if (month >= 1 && month <= 12)
    words->months |= 1u << month;
}

static void
add_day (XinzhiDateWords *words,
         guint            day)
{
  if (day >= 1 && day <= 31)
    words->days |= 1u << day;
}

/* Reads up to @max digits at *@p into *@value; moves *@p past them. */
static guint
read_number (const char **p,
             guint        max,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit ((*p)[n]))
    *value = *value * 10 + ((*p)[n++] - '0');
  *p += n;
  return n;
}

/**
 * xinzhi_date_text_scan:
 * @text: words of a text that state a date, such as "March 5" or "June 17-27"
 * @words: (out): the years, months and day numbers they name
 *
 * Reads what @text names, by the same rules as xinzhi_date_text_precision(): a
 * four-digit number is a year, and in the numeric forms (`2024-03-25`, `2024/06-18`,
 * `2024.3`) the numbers after it are its month and day; a month is a month name in full
 * or abbreviated (`Feb.`) or a number followed by 月; any other number of one or two
 * digits is a day number (`March 5`, `June 17-27`, `5日`).
 */
void
xinzhi_date_text_scan (const char      *text,
                       XinzhiDateWords *words)
{
  const char *p = text;

  g_return_if_fail (text != NULL);
  g_return_if_fail (words != NULL);

  *words = (XinzhiDateWords) { 0 };

  while (*p)
    {
      const char *start = p;
      guint value, n;

      if (g_ascii_isalpha (*p))
        {
          gsize len = 0;

          while (g_ascii_isalpha (p[len]))
            len++;
          add_month (words, month_of_word (p, len));
          p += len;
          continue;
        }

      if (!g_ascii_isdigit (*p))
        {
          p++;
          continue;
        }

      n = read_number (&p, 5, &value);
      if (g_ascii_isdigit (*p))
        {
          /* A longer number is no part of a date. */
          while (g_ascii_isdigit (*p))
            p++;
          continue;
        }

      if (n == 4)
        {
          add_year (words, value);
          if ((*p == '-' || *p == '/' || *p == '.') && g_ascii_isdigit (p[1]))
            {
              const char *q = p + 1;
              guint month;

              if (read_number (&q, 2, &month) > 0 && !g_ascii_isdigit (*q) &&
                  month >= 1 && month <= 12)
                {
                  add_month (words, month);
                  p = q;
                  if ((*p == '-' || *p == '/' || *p == '.') && g_ascii_isdigit (p[1]))
                    {
                      guint day;

                      q = p + 1;
                      if (read_number (&q, 2, &day) > 0 && !g_ascii_isdigit (*q))
                        {
                          add_day (words, day);
                          p = q;
                        }
                    }
                }
            }
        }
      else if (n <= 2)
        {
          if (g_str_has_prefix (p, "月"))
            add_month (words, value);
          else
            add_day (words, value);
        }

      g_assert (p > start);
    }
}

/**
 * xinzhi_date_words_has_year:
 * @words: what words state, from xinzhi_date_text_scan()
 * @year: a year
 *
 * Returns: whether @words name @year
 */
gboolean
xinzhi_date_words_has_year (const XinzhiDateWords *words,
                            guint                  year)
{
  g_return_val_if_fail (words != NULL, FALSE);

  for (guint i = 0; i < words->n_years; i++)
    if (words->years[i] == year)
      return TRUE;

  return FALSE;
}

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

/* @format applied to @day, a GDate. */
static char *
format_day (const GDate *day,
            const char  *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (g_date_get_year (day), g_date_get_month (day),
                                                 g_date_get_day (day), 0, 0, 0);

  return g_date_time_format (dt, format);
}

/**
 * xinzhi_date_format_span:
 * @first: the Julian day number of the span's first day
 * @last: that of its last day, no earlier than @first
 *
 * Formats a span of days for people, as precisely as its edges are: "2024" for a whole
 * year, "2023 – 2024" for whole years, "Mar 2024 – Jun 2024" when the span begins on
 * the first day of a month and ends on the last day of one, "5 Mar 2024 – 12 Jun 2024"
 * otherwise (in the user's language: "2024年3月至6月" in Chinese, which does not repeat
 * the year or month the end shares with the start).
 *
 * Returns: (transfer full): the formatted span
 */
char *
xinzhi_date_format_span (guint32 first,
                         guint32 last)
{
  GDate a, b;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gboolean same_year, same_month;

  g_return_val_if_fail (g_date_valid_julian (first), NULL);
  g_return_val_if_fail (g_date_valid_julian (last) && last >= first, NULL);

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_julian (&a, first);
  g_date_set_julian (&b, last);
  same_year = g_date_get_year (&a) == g_date_get_year (&b);
  same_month = same_year && g_date_get_month (&a) == g_date_get_month (&b);

  if (g_date_is_first_of_month (&a) && g_date_get_month (&a) == G_DATE_JANUARY &&
      g_date_is_last_of_month (&b) && g_date_get_month (&b) == G_DATE_DECEMBER)
    {
      /* Translators: the year of a span of whole years, as a strftime format */
      start = format_day (&a, C_("span format", "%Y"));
      if (same_year)
        return g_steal_pointer (&start);
      end = format_day (&b, C_("span format", "%Y"));
    }
  else if (g_date_is_first_of_month (&a) && g_date_is_last_of_month (&b))
    {
      /* Translators: a month at either end of a span of whole months, as a strftime
       * format; the end uses it when it is in another year than the start */
      start = format_day (&a, C_("span format", "%b %Y"));
      if (same_month)
        return g_steal_pointer (&start);
      if (same_year)
        /* Translators: the month that ends a span of whole months, in the year the
         * span starts, as a strftime format; Chinese leaves out the year: "%-m月" */
        end = format_day (&b, C_("span end in the same year", "%b %Y"));
      else
        end = format_day (&b, C_("span format", "%b %Y"));
    }
  else
    {
      /* Translators: a day at either end of a span of days, as a strftime format; the
       * end uses it when it is in another year than the start */
      start = format_day (&a, C_("span format", "%-d %b %Y"));
      if (first == last)
        return g_steal_pointer (&start);
      if (same_month)
        /* Translators: the day that ends a span of days, in the month the span starts,
         * as a strftime format; Chinese leaves out the year and month: "%-d日" */
        end = format_day (&b, C_("span end in the same month", "%-d %b %Y"));
      else if (same_year)
        /* Translators: the day that ends a span of days, in the year the span starts,
         * as a strftime format; Chinese leaves out the year: "%-m月%-d日" */
        end = format_day (&b, C_("span end in the same year", "%-d %b %Y"));
      else
        end = format_day (&b, C_("span format", "%-d %b %Y"));
    }

  /* Translators: a range of dates, from the first to the second */
  return g_strdup_printf (_("%s – %s"), start, end);
}

/* GDate's Julian day number of a valid date, where 1 January of year 1 is day 1, by
 * integer arithmetic: the days from 1 March of year 0 by 400-year eras (H. Hinnant's
 * days-from-civil).  A span filter converts every item's dates at each change, and
 * g_date_set_dmy() with its checks was a tenth of it. */
static guint32
julian (guint year,
        guint month,
        guint day)
{
  gint64 y = (gint64) year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 mp = month > 2 ? month - 3 : month + 9;
  gint64 doy = (153 * mp + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  /* 1 January of year 1 is 306 days after 1 March of year 0. */
  return (guint32) (era * 146097 + doe - 306 + 1);
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

/* A number that orders days as the calendar does, though it counts no days: cheap
 * enough for every comparison of a sort. */
static guint32
day_key (guint year,
         guint month,
         guint day)
{
  return (guint32) year << 9 | month << 5 | day;
}

/* The key of the first day @date may stand for. */
static guint32
first_key (const XinzhiDate *date)
{
  return day_key (date->year, MAX (date->month, 1), MAX (date->day, 1));
}

/* The key of the last day @date may stand for. */
static guint32
last_key (const XinzhiDate *date)
{
  switch (date->precision)
    {
    case XINZHI_DATE_PRECISION_YEAR:
      return day_key (date->year, 12, 31);
    case XINZHI_DATE_PRECISION_MONTH:
      return day_key (date->year, date->month, g_date_get_days_in_month (date->month, date->year));
    case XINZHI_DATE_PRECISION_DAY:
    case XINZHI_DATE_PRECISION_NONE:
    default:
      return first_key (date);
    }
}

/**
 * xinzhi_date_compare:
 * @a: a date
 * @b: another date
 *
 * The one order of dates known to different precisions, which every list of the app
 * sorts by.  A date stands for every day it may be: "2024" for 1 January to
 * 31 December 2024.  Dates go by their last day, then by their first day: "7 March
 * 2024", then "March 2024", then "1 April 2024", then "2024".
 *
 * Why the last day: this order never ranks a date before a day it may follow.  If @a
 * sorts before a single day d, then @a's last day is no later than d, so none of the
 * days @a may stand for comes after d.  Ordered by the first day, "2024" would come
 * before "7 March 2024", which it may well follow.  Two dates that both span several
 * days (a month and a year) may each follow the other, and no order can tell; this one
 * ranks them by the latest each may be.  Nor does it ever contradict what is certain:
 * when @a is certainly before @b (xinzhi_date_is_before()), @a's last day comes before
 * @b's first, and so before @b's last, and @a sorts first.
 *
 * Returns: negative, 0 or positive, as for qsort(); 0 only for equal dates
 */
int
xinzhi_date_compare (const XinzhiDate *a,
                     const XinzhiDate *b)
{
  guint32 ka, kb;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  ka = last_key (a);
  kb = last_key (b);
  if (ka != kb)
    return ka < kb ? -1 : 1;

  ka = first_key (a);
  kb = first_key (b);
  return ka < kb ? -1 : ka > kb;
}

/**
 * xinzhi_date_is_before:
 * @a: a date
 * @b: another date
 *
 * Whether @a is certainly before @b: whether the last day @a may stand for comes before
 * the first day @b may stand for.  "March 2024" is before "1 April 2024", but not
 * before "31 March 2024", and "2024" is before nothing of 2024.  A date the corpus only
 * estimates is never certain: the callers that know of estimates (documents, events)
 * ask this only of dates that are stated.
 *
 * Returns: %TRUE if @a ends before @b begins
 */
gboolean
xinzhi_date_is_before (const XinzhiDate *a,
                       const XinzhiDate *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return last_key (a) < first_key (b);
}

/**
 * xinzhi_earliest_add:
 * @self: what is known so far; zeroed to begin with
 * @date: a date of the set
 * @estimated: whether @date is an estimate rather than stated by a text
 *
 * Adds @date to the set whose earliest date @self describes.  Estimated dates are
 * counted apart: they can never make anything certain.
 */
void
xinzhi_earliest_add (XinzhiEarliest   *self,
                     const XinzhiDate *date,
                     gboolean          estimated)
{
  int order;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && date->precision != XINZHI_DATE_PRECISION_NONE);

  if (estimated)
    {
      if (self->n_estimated++ == 0 || xinzhi_date_compare (date, &self->estimated) < 0)
        self->estimated = *date;
      return;
    }

  if (self->n_dated++ == 0)
    {
      self->first = *date;
      self->others_start = G_MAXUINT32;
      return;
    }

  /* The first in the order of dates is the only one that may be certain: a date that
   * ends later cannot certainly precede it.  Of the others, only the earliest start
   * matters.  Dates equal to the first are not others: they say the same. */
  order = xinzhi_date_compare (date, &self->first);
  if (order < 0)
    {
      self->others_start = MIN (self->others_start, first_key (&self->first));
      self->first = *date;
    }
  else if (order > 0)
    self->others_start = MIN (self->others_start, first_key (date));
}

/**
 * xinzhi_earliest_is_certain:
 * @self: what is known of a set of dates
 *
 * Whether the first stated date of the set, @self->first, certainly precedes or equals
 * every other stated date: whether no other may stand for a day before its last.  Then
 * the earliest stated date of the set is @self->first; otherwise it is @self->first or
 * earlier.  Either way, an estimated date of the set may in truth be earlier.
 *
 * Returns: %TRUE if the set has a stated date and @self->first is certainly the earliest
 */
gboolean
xinzhi_earliest_is_certain (const XinzhiEarliest *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->n_dated > 0 && self->others_start >= last_key (&self->first);
}

/**
 * xinzhi_earliest_compare:
 * @a: what is known of the earliest date of one set
 * @b: the same of another set
 *
 * Orders sets by their earliest date, as xinzhi_date_compare() orders dates: the
 * earliest stated date of a set lies between the first day of any of its stated dates
 * and the last day of @first, and sets go by that last day, then by that first day.  A
 * set with estimates may begin earlier still, so it goes before one without when the
 * rest is equal.  Sets with estimated dates alone go after every set with a stated
 * date, by their first estimate; empty sets go last.
 *
 * Returns: negative, 0 or positive, as for qsort()
 */
int
xinzhi_earliest_compare (const XinzhiEarliest *a,
                         const XinzhiEarliest *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if ((a->n_dated > 0) != (b->n_dated > 0))
    return a->n_dated > 0 ? -1 : 1;

  if (a->n_dated > 0)
    {
      guint32 ka = last_key (&a->first), kb = last_key (&b->first);

      if (ka != kb)
        return ka < kb ? -1 : 1;
      ka = MIN (first_key (&a->first), a->others_start);
      kb = MIN (first_key (&b->first), b->others_start);
      if (ka != kb)
        return ka < kb ? -1 : 1;
      if ((a->n_estimated > 0) != (b->n_estimated > 0))
        return a->n_estimated > 0 ? -1 : 1;
      return 0;
    }

  if ((a->n_estimated > 0) != (b->n_estimated > 0))
    return a->n_estimated > 0 ? -1 : 1;
  if (a->n_estimated > 0)
    return xinzhi_date_compare (&a->estimated, &b->estimated);
  return 0;
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

/* The month (1–12) that the word of @len bytes at @word spells, in full or
 * abbreviated, whatever its case, or 0.  Every abbreviation in month_names begins the
 * full name it stands for. */
static guint
month_spelled (const char *word,
               gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strlen (month_names[i]) == len &&
        g_ascii_strncasecmp (word, month_names[i], len) == 0)
      {
        for (guint m = 0; m < 12; m++)
          if (g_ascii_strncasecmp (word, month_names[m], len) == 0)
            return m + 1;
      }

  return 0;
}

/* Whether a number stands next to the word that runs from @start to @end of @text:
 * after it ("March 5", "Mar. 5", "May, 2024") or before it ("5 Mar"). */
static gboolean
number_beside (const char *text,
               const char *start,
               const char *end)
{
  const char *q = end;

  while (*q == '.' || *q == ',' || *q == ' ')
    q++;
  if (g_ascii_isdigit (*q))
    return TRUE;

  q = start;
  while (q > text && (q[-1] == ' ' || q[-1] == ','))
    q--;
  return q > text && q < start && g_ascii_isdigit (q[-1]);
}

/**
 * xinzhi_date_month_preposition_before:
 * @text: a text
 * @start: a place in @text, where a month's name starts
 *
 * Whether the word that ends at @start, before a space or a dash, is one that puts a
 * month in time: "in May", "of May", "mid-May", "last December".
 */
gboolean
xinzhi_date_month_preposition_before (const char *text,
                                      const char *start)
{
  static const char * const words[] = {
    "in", "of", "since", "until", "till", "by", "from", "to", "through", "early",
    "late", "mid", "last", "next", "this", "before", "after", "during", "between", "and",
  };
  const char *end = start;
  const char *word;

  if (end == text || (end[-1] != ' ' && end[-1] != '-'))
    return FALSE;
  end--;
  word = end;
  while (word > text && g_ascii_isalpha (word[-1]))
    word--;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (end - word) == strlen (words[i]) &&
        g_ascii_strncasecmp (word, words[i], end - word) == 0)
      return TRUE;

  return FALSE;
}

/* The month (1–12) that the word of @len bytes at @word of @text names as a date, or 0.
 * English writes a month with a capital, so "may" (the verb) and "mar" name none; an
 * abbreviation ("Mar", "Sept") names one only beside a number, as "Mar. 5" or "5 Mar"
 * does, since alone it is as likely a name or a word ("Mar" of "Mar-a-Lago"); "May",
 * also a verb that starts sentences, needs a number beside it or a word such as "in"
 * or "mid" before it. */
static guint
month_of_word (const char *text,
               const char *word,
               gsize       len)
{
  guint month = month_spelled (word, len);

  if (month == 0 || !g_ascii_isupper (word[0]))
    return 0;
  if (len < strlen (month_names[month - 1]) || month == 5)
    {
      if (!number_beside (text, word, word + len) &&
          !(month == 5 && len == 3 && xinzhi_date_month_preposition_before (text, word)))
        return 0;
    }

  return month;
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
          if (month_of_word (text, p, len) != 0)
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
          add_month (words, month_of_word (text, p, len));
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
 * xinzhi_date_year_without_year:
 * @date: a date whose words name its month (and day) but no year
 * @reference: the date of the text that has the words, to the month at least
 *
 * The year that words without one mean in a text dated @reference: the text's own
 * year, or the year before when the month (and day) named fall after @reference in
 * that year.  An article of 25 March 2024 that says "in September" means September
 * 2023, and one that says "on March 5" means March 2024.  It is the reading of past
 * events, as news reports them; the loader checks an event's date sources by it, and
 * the extractor dates its candidates by it.
 *
 * Returns: that year
 */
guint
xinzhi_date_year_without_year (const XinzhiDate *date,
                               const XinzhiDate *reference)
{
  gboolean after;

  g_return_val_if_fail (date != NULL && reference != NULL, 0);

  if (date->precision < XINZHI_DATE_PRECISION_MONTH || reference->precision < XINZHI_DATE_PRECISION_MONTH)
    after = FALSE;
  else if (date->month != reference->month)
    after = date->month > reference->month;
  else
    after = date->precision == XINZHI_DATE_PRECISION_DAY &&
            reference->precision == XINZHI_DATE_PRECISION_DAY &&
            date->day > reference->day;

  return after ? reference->year - 1u : reference->year;
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

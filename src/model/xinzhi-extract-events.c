/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The extractor's candidate events: sentences of the body that date something, each
 * with the first date its words name, at the precision they give ("March 5, 2024" a
 * day, "March 2024" a month, "in September" a month).  A date whose words name no
 * year ("March 5", "3月5日", "in September") takes its year from the article's date,
 * as the loader reads date sources (xinzhi_date_year_without_year()): the article's
 * year, or the year before for a month still to come in it.  "last December" is the
 * year before when December has not come yet in the article's year, 今年 and 去年 say
 * the year.  Each is an estimate whose note says how.  When the article's own date is
 * a guess (no date named anywhere), or the sentence speaks of what is to come ("will",
 * "将"), such a date gives no event: its year cannot be told.  A bare year
 * ("in 2023") is not taken: years name plans and targets far more often than events.
 * The agency dateline at the head of an article ("BEIJING, March 5 (Xinhua) --") is
 * the article's date, not an event.  docs/import.md describes the rules.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-extract-private.h"

/* The longest sentence read for a date, in bytes: a longer one is a list or a text
 * without full stops, not a sentence that reports an event. */
#define MAX_EVENT_SENTENCE 2000

/* After a day's words, a range's second end: "-27", "–27", " to 27", "至7日" (the same
 * month, returns 1), or one in another month ("-April 2", " to July 3", returns 2);
 * else 0. */
static guint
range_after (const char *after)
{
  static const char *dashes[] = { " - ", " – ", "-", "–", "—", " to ", "至", "到" };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    if (g_str_has_prefix (after, dashes[i]))
      {
        const char *end = after + strlen (dashes[i]);

        if (g_ascii_isdigit (end[0]) &&
            (!g_ascii_isdigit (end[1]) || !g_ascii_isdigit (end[2])) &&
            strncmp (end + (g_ascii_isdigit (end[1]) ? 2 : 1), "月", 3) != 0)
          return 1;
        return g_ascii_isalnum (end[0]) || (guchar) end[0] >= 0x80 ? 2 : 0;
      }
  return 0;
}

/* Whether @text holds a bidirectional embedding, override or isolate control (or its
 * end): a sentence cut from a paragraph may open one that the paragraph closes after
 * it, which the loader refuses in an event's title and summary. */
static gboolean
has_bidi_controls (const char *text)
{
  for (const char *p = strchr (text, '\xE2'); p != NULL; p = strchr (p + 1, '\xE2'))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    }
  return FALSE;
}

/* Whether @sentence speaks of what is to come ("will", "is expected to", "将"): then a
 * date without a year may be this year's or the next, and is not read. */
static gboolean
speaks_of_future (const char *sentence)
{
  static const char *words[] = {
    "will", "would", "shall", "expected to", "plans to", "plan to", "planned to",
    "scheduled", "set to", "is to", "are to", "upcoming",
  };
  static const char *chinese[] = { "将", "计划", "预计", "明年" };

  for (guint i = 0; i < G_N_ELEMENTS (chinese); i++)
    if (strstr (sentence, chinese[i]) != NULL)
      return TRUE;
  for (const char *p = sentence; *p != '\0'; p++)
    {
      if (p > sentence && g_ascii_isalpha (p[-1]))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        {
          gsize n = strlen (words[i]);

          if (g_ascii_strncasecmp (p, words[i], n) == 0 && !g_ascii_isalpha (p[n]))
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether @words state @date as the loader reads an event's date sources (its month,
 * day and year, each named), so that the candidate can be written with them as its
 * evidence; the extractor's reading and the loader's could differ on odd words. */
static gboolean
states_date (const char       *words,
             const XinzhiDate *date)
{
  XinzhiDateWords named;

  if (xinzhi_date_text_precision (words) < date->precision)
    return FALSE;
  xinzhi_date_text_scan (words, &named);
  if (date->precision >= XINZHI_DATE_PRECISION_MONTH && !(named.months & (1u << date->month)))
    return FALSE;
  if (date->precision == XINZHI_DATE_PRECISION_DAY && !(named.days & (1u << date->day)))
    return FALSE;
  return xinzhi_date_words_has_year (&named, date->year);
}

/* Gives @date, whose words @date_text name no year, the year that @said and the
 * article's date mean, with the note that says how; FALSE if they mean none that can
 * be told: a month "this" or "next", "last" March in an article of May (the March of
 * that year or the year before), or 今年 with a month still to come. */
static gboolean
give_year (const XinzhiDate      *article_date,
           XinzhiDate            *date,
           XinzhiExtractYearSaid  said,
           const char            *date_text,
           char                 **note)
{
  g_autofree char *article = xinzhi_date_to_iso (article_date);
  guint year = xinzhi_date_year_without_year (date, article_date);

  switch (said)
    {
    case XINZHI_EXTRACT_YEAR_UNSAID:
      if (year == article_date->year)
        *note = g_strdup_printf (_("“%s” names no year; the year is the article’s (%s)"),
                                 date_text, article);
      else
        *note = g_strdup_printf (_("“%s” names no year; it falls after the article’s date (%s) in "
                                   "that year, so it is taken to be the year before"),
                                 date_text, article);
      break;

    case XINZHI_EXTRACT_YEAR_LAST:
      if (article_date->precision < XINZHI_DATE_PRECISION_MONTH || date->month < article_date->month)
        return FALSE;
      year = article_date->year - 1u;
      *note = g_strdup_printf (_("“%s”: that month has not come yet in the year of the article’s "
                                 "date (%s), so it is the year before"),
                               date_text, article);
      break;

    case XINZHI_EXTRACT_YEAR_THIS:
      /* Still to come when the article was written: not an event yet. */
      if (year != article_date->year)
        return FALSE;
      *note = g_strdup_printf (_("“%s” says this year: the year of the article’s date (%s)"),
                               date_text, article);
      break;

    case XINZHI_EXTRACT_YEAR_BEFORE:
      year = article_date->year - 1u;
      *note = g_strdup_printf (_("“%s” says last year: the year before the article’s date (%s)"),
                               date_text, article);
      break;

    case XINZHI_EXTRACT_YEAR_NEAR:
    default:
      return FALSE;
    }

  date->year = (guint16) year;
  /* 29 February in a year that has none: not a date of that year. */
  if (!g_date_valid_dmy (date->day != 0 ? date->day : 1, date->month, date->year))
    {
      g_clear_pointer (note, g_free);
      return FALSE;
    }
  return TRUE;
}

static void
add_event (XinzhiExtraction *self,
           guint             paragraph,
           const char       *text,
           XinzhiExtractSpan sentence,
           const XinzhiDate *date,
           const char       *date_text,
           char             *note,
           gboolean          range)
{
  XinzhiExtractEvent event = { 0 };

  event.paragraph = paragraph;
  event.start = sentence.start;
  event.end = sentence.end;
  event.text = g_strndup (text + sentence.start, sentence.end - sentence.start);
  event.date = *date;
  event.date_text = g_strdup (date_text);
  event.rule = "dated-sentence";
  /* A year the words do not name is an estimate. */
  event.note = note;
  if (note != NULL)
    {
      event.estimated = TRUE;
      event.rule = "dated-sentence-without-year";
    }
  if (range)
    {
      /* Translators: %s is the first day of a range of days, “June 17” of “June 17-27” */
      char *range_note = g_strdup_printf (_("“%s” starts a range of days: the event is given its month"),
                                          date_text);

      if (event.note != NULL)
        {
          char *both = g_strdup_printf (_("%s; %s"), event.note, range_note);

          g_free (range_note);
          range_note = both;
        }
      g_free (event.note);
      event.note = range_note;
    }
  g_array_append_val (self->events, event);
}

/* What dates @sentence (a copy, which this cuts), read in an article dated
 * @article_date: see xinzhi_extract_date_sentence(); the words at @words_start, and
 * whether the day named starts a range of days (the date is then its month). */
static gboolean
date_sentence (char             *sentence,
               const XinzhiDate *article_date,
               gboolean          year_known,
               XinzhiDate       *date,
               const char      **words,
               char            **note,
               gboolean         *range_of_days)
{
  XinzhiDate month = { 0 };
  XinzhiExtractYearSaid said = XINZHI_EXTRACT_YEAR_UNSAID, month_said;
  gsize start = G_MAXSIZE, length = 0, month_start, month_length;
  guint range = 0;
  gboolean future;

  *date = (XinzhiDate) { 0 };
  *note = NULL;
  if (has_bidi_controls (sentence))
    return FALSE;

  /* The first date the sentence names: a date with a number, or a month named without
   * one. */
  if (!xinzhi_extract_find_date (sentence, date, &start, &length))
    start = G_MAXSIZE;
  if (xinzhi_extract_find_month (sentence, &month, &month_said, &month_start, &month_length) &&
      month_start < start)
    {
      *date = month;
      said = month_said;
      start = month_start;
      length = month_length;
    }
  if (start == G_MAXSIZE)
    return FALSE;

  /* "June 17-27" is no day: its month holds it.  A range into another month has no
   * date of the form this gives. */
  if (date->precision == XINZHI_DATE_PRECISION_DAY &&
      (range = range_after (sentence + start + length)) == 2)
    return FALSE;
  if (range == 1)
    {
      date->day = 0;
      date->precision = XINZHI_DATE_PRECISION_MONTH;
    }
  future = speaks_of_future (sentence);
  sentence[start + length] = '\0';
  *words = sentence + start;
  *range_of_days = range == 1;
  if (date->year == 0 &&
      (!year_known || future || !give_year (article_date, date, said, *words, note)))
    return FALSE;
  if (*note == NULL && !states_date (*words, date))
    return FALSE;
  return TRUE;
}

/**
 * xinzhi_extract_date_sentence:
 * @sentence: a sentence of an article
 * @article_date: the article's date
 * @article_year_known: whether the article's date is known, not an estimate: a date
 *   whose words name no year takes its year from it, or is not read
 * @date: (out): the date
 * @words: (out) (transfer full): the words that name it, verbatim in @sentence
 * @note: (out) (transfer full) (nullable): when the words name no year, how the year
 *   was found: the date is then an estimate; %NULL when the words state the date
 *
 * The date a sentence gives something it reports, as the extractor's candidate events
 * take it (docs/import.md, "Candidate events"): the first date the sentence names, at
 * the precision its words give.
 *
 * Returns: whether the sentence gives a date
 */
gboolean
xinzhi_extract_date_sentence (const char        *sentence,
                              const XinzhiDate  *article_date,
                              gboolean           article_year_known,
                              XinzhiDate        *date,
                              char             **words,
                              char             **note)
{
  g_autofree char *copy = g_strdup (sentence);
  const char *found = NULL;
  gboolean range = FALSE;

  g_return_val_if_fail (sentence != NULL && article_date != NULL, FALSE);

  if (!date_sentence (copy, article_date, article_year_known, date, &found, note, &range))
    return FALSE;
  /* An estimate that is a range of days says so too. */
  if (range && *note != NULL)
    {
      g_autofree char *range_note = g_strdup_printf (_("“%s” starts a range of days: the event is given its month"),
                                                     found);
      char *both = g_strdup_printf (_("%s; %s"), *note, range_note);

      g_free (*note);
      *note = both;
    }
  *words = g_strdup (found);
  return TRUE;
}

/**
 * xinzhi_extract_events:
 *
 * Candidate events in the body paragraphs, after the article's date is known: one
 * for each sentence that names a date, with the first date it names.
 */
void
xinzhi_extract_events (XinzhiExtraction *self)
{
  /* An article dated only by the day it was extracted gives no year to a date. */
  gboolean year_known = self->date.year != 0 && g_strcmp0 (self->date_rule, "no-date-named") != 0;

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const XinzhiExtractParagraph *p = &g_array_index (self->paragraphs, XinzhiExtractParagraph, i);
      g_autoptr(GArray) sentences = NULL;

      if (p->kind != XINZHI_EXTRACT_BODY)
        continue;
      sentences = xinzhi_extract_sentences (p->text);
      for (guint s = 0; s < sentences->len; s++)
        {
          XinzhiExtractSpan sentence = g_array_index (sentences, XinzhiExtractSpan, s);
          g_autofree char *words = NULL;
          XinzhiDate date;
          const char *found;
          char *note;
          gboolean range;

          if (sentence.end - sentence.start > MAX_EVENT_SENTENCE ||
              (s == 0 && xinzhi_extract_is_agency_dateline (p->text)))
            continue;
          words = g_strndup (p->text + sentence.start, sentence.end - sentence.start);
          if (date_sentence (words, &self->date, year_known, &date, &found, &note, &range))
            add_event (self, i, p->text, sentence, &date, found, note, range);
        }
    }
}

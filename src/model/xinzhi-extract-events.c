/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The extractor's candidate events: sentences of the body that date something, each
 * with the first date its words name, at the precision they give ("March 5, 2024" a
 * day, "March 2024" a month).  A date whose words name no year ("March 5", "3月5日")
 * takes the article's year, as an estimate that says so; when the article's own date
 * is a guess (no date named anywhere), such a sentence gives no event.  A bare year
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

static void
add_event (XinzhiExtraction *self,
           guint             paragraph,
           const char       *text,
           XinzhiExtractSpan sentence,
           const XinzhiDate *date,
           const char       *date_text,
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

  if (date->year == 0)
    {
      g_autofree char *article = xinzhi_date_to_iso (&self->date);

      event.date.year = self->date.year;
      if (!g_date_valid_dmy (event.date.day != 0 ? event.date.day : 1,
                             event.date.month, event.date.year))
        {
          /* 29 February in a year that has none: not a date of that year. */
          g_free (event.text);
          g_free (event.date_text);
          return;
        }
      event.estimated = TRUE;
      event.rule = "dated-sentence-without-year";
      event.note = g_strdup_printf (_("“%s” names no year; the year is the article’s (%s)"),
                                    date_text, article);
    }
  if (range)
    {
      /* Translators: %s is the first day of a range of days, “June 17” of “June 17-27” */
      char *note = g_strdup_printf (_("“%s” starts a range of days: the event is given its month"),
                                    date_text);

      if (event.note != NULL)
        {
          char *both = g_strdup_printf (_("%s; %s"), event.note, note);

          g_free (note);
          note = both;
        }
      g_free (event.note);
      event.note = note;
    }
  g_array_append_val (self->events, event);
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
          XinzhiDate date = { 0 };
          gsize start, length;

          if (sentence.end - sentence.start > MAX_EVENT_SENTENCE)
            continue;
          words = g_strndup (p->text + sentence.start, sentence.end - sentence.start);
          guint range = 0;

          if ((s == 0 && xinzhi_extract_is_agency_dateline (p->text)) ||
              !xinzhi_extract_find_date (words, &date, &start, &length) ||
              (date.year == 0 && !year_known))
            continue;
          /* "June 17-27" is no day: its month holds it.  A range into another month
           * has no date of the form this gives. */
          if (date.precision == XINZHI_DATE_PRECISION_DAY &&
              (range = range_after (words + start + length)) == 2)
            continue;
          if (range == 1)
            {
              date.day = 0;
              date.precision = XINZHI_DATE_PRECISION_MONTH;
            }
          words[start + length] = '\0';
          add_event (self, i, p->text, sentence, &date, words + start, range == 1);
        }
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The extractor's rules, one test or more for each, with articles written for the tests
 * (tests/data/extract/), and some that must not give a quote or a date. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xinzhi-extract-corpus.h"
#include "xinzhi-extraction.h"

static XinzhiExtraction *
extract_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "extract", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  XinzhiExtraction *extraction = xinzhi_extraction_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (extraction);
  return extraction;
}

static XinzhiExtraction *
extract_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  XinzhiExtraction *extraction = xinzhi_extraction_new_from_data ("test.txt", text, strlen (text),
                                                                  FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (extraction);
  return extraction;
}

/* The rule that dropped @text, or NULL when it was kept. */
static const char *
dropped_by (XinzhiExtraction *extraction,
            const char       *text)
{
  for (guint i = 0; i < xinzhi_extraction_get_n_dropped (extraction); i++)
    {
      const XinzhiExtractDropped *d = xinzhi_extraction_get_dropped (extraction, i);

      if (g_str_has_prefix (d->text, text))
        return d->rule;
    }
  return NULL;
}

static const XinzhiExtractQuote *
quote_starting (XinzhiExtraction *extraction,
                const char       *text)
{
  for (guint i = 0; i < xinzhi_extraction_get_n_quotes (extraction); i++)
    {
      const XinzhiExtractQuote *q = xinzhi_extraction_get_quote (extraction, i);

      if (g_str_has_prefix (q->text, text))
        return q;
    }
  return NULL;
}

static const char *
speaker_of (XinzhiExtraction         *extraction,
            const XinzhiExtractQuote *quote)
{
  g_assert_nonnull (quote);
  if (quote->person < 0)
    return NULL;
  return xinzhi_extraction_get_person (extraction, (guint) quote->person)->name;
}

static void
test_furniture (void)
{
  g_autoptr(XinzhiExtraction) e = extract_file ("furniture.txt");
  const char * const *byline = xinzhi_extraction_get_byline (e);
  const char *rule = NULL;
  g_autofree char *date = xinzhi_date_to_iso (xinzhi_extraction_get_date (e));

  g_assert_cmpstr (dropped_by (e, "Our Cookie Policy"), ==, "cookie-banner");
  g_assert_cmpstr (dropped_by (e, "We use cookies"), ==, "cookie-banner");
  g_assert_cmpstr (dropped_by (e, "Accept all"), ==, "navigation");
  g_assert_cmpstr (dropped_by (e, "Cranes at the port"), ==, "repeated");
  g_assert_cmpstr (dropped_by (e, "Share this article"), ==, "share-line");
  g_assert_cmpstr (dropped_by (e, "Related articles"), ==, "navigation");
  g_assert_cmpstr (dropped_by (e, "Back to top"), ==, "navigation");
  g_assert_cmpstr (dropped_by (e, "Media Contact:"), ==, "contact-block");
  g_assert_cmpstr (dropped_by (e, "Phone Number:"), ==, "contact-block");
  g_assert_cmpstr (dropped_by (e, "Email:"), ==, "contact-block");
  g_assert_cmpstr (dropped_by (e, "Youtube Link:"), ==, "link-line");
  g_assert_cmpstr (dropped_by (e, "SOURCE:"), ==, "source-line");
  g_assert_cmpstr (dropped_by (e, "View the original"), ==, "press-release-footer");
  g_assert_null (dropped_by (e, "The port authority"));

  g_assert_cmpstr (xinzhi_extraction_get_title (e), ==, "Harbour cranes go electric");
  g_assert_cmpstr (xinzhi_extraction_get_title_rule (e), ==, "first-heading");
  g_assert_cmpuint (xinzhi_extraction_get_n_paragraphs (e), ==, 4);
  g_assert_cmpint (xinzhi_extraction_get_paragraph (e, 0)->kind, ==, XINZHI_EXTRACT_DATELINE);
  g_assert_cmpint (xinzhi_extraction_get_paragraph (e, 1)->kind, ==, XINZHI_EXTRACT_CAPTION);
  g_assert_cmpint (xinzhi_extraction_get_paragraph (e, 2)->kind, ==, XINZHI_EXTRACT_BODY);

  g_assert_nonnull (byline);
  g_assert_cmpstr (byline[0], ==, "Ann Lee");
  g_assert_cmpstr (byline[1], ==, "Bo Chen");
  g_assert_null (byline[2]);
  /* The byline's outlet comes before the press release's source line. */
  g_assert_cmpstr (xinzhi_extraction_get_outlet (e, &rule, NULL), ==, "Example Times");
  g_assert_cmpstr (rule, ==, "byline-parenthesis");

  g_assert_false (xinzhi_extraction_get_date_estimated (e));
  g_assert_cmpstr (date, ==, "2023-05-02");
  g_assert_cmpstr (xinzhi_extraction_get_date_text (e), ==, "May 02, 2023");
  g_assert_cmpuint (xinzhi_extraction_get_n_quotes (e), ==, 0);
}

static void
test_source_line (void)
{
  g_autoptr(XinzhiExtraction) e = extract_text ("Ferries will run every hour from May.\n\nSOURCE: Harbour Lines\n");
  const char *rule = NULL;

  g_assert_cmpstr (xinzhi_extraction_get_outlet (e, &rule, NULL), ==, "Harbour Lines");
  g_assert_cmpstr (rule, ==, "source-line");
}

static void
test_url (void)
{
  g_autoptr(XinzhiExtraction) e = extract_text ("The quay reopened.\n\nURL: https://example.org/news/quay\n");
  g_autoptr(XinzhiExtraction) original = extract_text ("The quay reopened.\n\nOriginal URL: https://example.org/q\n");
  g_autoptr(XinzhiExtraction) link = extract_text ("The quay reopened.\n\nReport Link: https://example.org/news/report\n");

  g_assert_cmpstr (xinzhi_extraction_get_url (e), ==, "https://example.org/news/quay");
  g_assert_cmpstr (dropped_by (e, "URL:"), ==, "url-line");
  g_assert_cmpuint (xinzhi_extraction_get_n_paragraphs (e), ==, 1);
  g_assert_cmpstr (xinzhi_extraction_get_url (original), ==, "https://example.org/q");
  /* A link to another item is not the article's address. */
  g_assert_null (xinzhi_extraction_get_url (link));
}

static void
test_agency_dateline (void)
{
  g_autoptr(XinzhiExtraction) e = extract_file ("agency-dateline.txt");
  g_autofree char *date = xinzhi_date_to_iso (xinzhi_extraction_get_date (e));
  const char *rule = NULL;

  g_assert_cmpstr (xinzhi_extraction_get_outlet (e, &rule, NULL), ==, "Xinhua");
  g_assert_cmpstr (rule, ==, "agency-dateline");
  /* "April 9" names no year: the year is an estimate, and the note says where from. */
  g_assert_true (xinzhi_extraction_get_date_estimated (e));
  g_assert_cmpstr (date, ==, "2021-04-09");
  g_assert_cmpstr (xinzhi_extraction_get_date_rule (e), ==, "dateline-without-year");
  g_assert_nonnull (strstr (xinzhi_extraction_get_date_note (e), "April 9"));
  g_assert_nonnull (strstr (xinzhi_extraction_get_date_note (e), "2021"));
  g_assert_null (xinzhi_extraction_get_date_text (e));
}

typedef struct
{
  const char *text;
  const char *date;      /* NULL: no date stated */
  const char *words;
} DateCase;

static void
test_date_forms (void)
{
  static const DateCase cases[] = {
    { "date 2024-03-25\n\nThe meeting closed.\n", "2024-03-25", "2024-03-25" },
    { "5 March 2024\n\nThe meeting closed.\n", "2024-03-05", "5 March 2024" },
    { "Published March 5, 2024\n\nThe meeting closed.\n", "2024-03-05", "March 5, 2024" },
    { "19:37, March 07, 2024\n\nThe meeting closed.\n", "2024-03-07", "March 07, 2024" },
    { "2024年3月5日\n\n会议闭幕了。\n", "2024-03-05", "2024年3月5日" },
    { "By Ann Lee | March 2024\n\nThe meeting closed.\n", "2024-03", "March 2024" },
    /* A date in a sentence dates what the sentence tells, not the article. */
    { "The meeting closed on March 5, 2024, after two days.\n", NULL, NULL },
    /* Not a calendar date. */
    { "date 2023-02-30\n\nThe meeting closed.\n", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(XinzhiExtraction) e = extract_text (cases[i].text);
      g_autofree char *date = xinzhi_date_to_iso (xinzhi_extraction_get_date (e));

      g_test_message ("%s", cases[i].text);
      if (cases[i].date == NULL)
        {
          g_assert_true (xinzhi_extraction_get_date_estimated (e));
          g_assert_null (xinzhi_extraction_get_date_text (e));
          /* No estimate more precise than a year from a date in the text. */
          g_assert_cmpint (xinzhi_extraction_get_date (e)->precision, <=, XINZHI_DATE_PRECISION_YEAR);
          continue;
        }
      g_assert_false (xinzhi_extraction_get_date_estimated (e));
      g_assert_cmpstr (date, ==, cases[i].date);
      g_assert_cmpstr (xinzhi_extraction_get_date_text (e), ==, cases[i].words);
    }
}

static void
test_date_estimates (void)
{
  g_autoptr(XinzhiExtraction) none = extract_file ("no-year.txt");
  g_autoptr(XinzhiExtraction) body = extract_text ("The fund, set up in 2019, grew again on January 31, 2022.\n");
  g_autoptr(XinzhiExtraction) original = extract_text ("The quay reopened.\n\nOriginal URL: https://example.org/q\n");
  g_autoptr(XinzhiExtraction) link = extract_text ("The report is online.\n\nReport Link: https://example.org/news/2022/06-18/1.html\n");
  g_autofree char *body_date = xinzhi_date_to_iso (xinzhi_extraction_get_date (body));
  g_autofree char *link_date = xinzhi_date_to_iso (xinzhi_extraction_get_date (link));

  g_assert_true (xinzhi_extraction_get_date_estimated (none));
  g_assert_cmpstr (xinzhi_extraction_get_date_rule (none), ==, "no-date-named");
  g_assert_nonnull (xinzhi_extraction_get_date_note (none));

  g_assert_true (xinzhi_extraction_get_date_estimated (body));
  g_assert_cmpstr (body_date, ==, "2022");
  g_assert_nonnull (strstr (xinzhi_extraction_get_date_note (body), "January 31, 2022"));

  g_assert_true (xinzhi_extraction_get_date_estimated (link));
  g_assert_cmpstr (link_date, ==, "2022-06");
  g_assert_cmpstr (xinzhi_extraction_get_date_rule (link), ==, "date-in-link");
}

static void
test_quotes_english (void)
{
  g_autoptr(XinzhiExtraction) e = extract_file ("quotes-en.txt");
  const XinzhiExtractQuote *q;
  const XinzhiExtractPerson *okafor = NULL;

  q = quote_starting (e, "the first turbines would be installed");
  g_assert_nonnull (q);
  g_assert_false (q->direct);
  g_assert_cmpstr (q->rule, ==, "speaker-verb-that");
  g_assert_cmpstr (speaker_of (e, q), ==, "Maria Okafor");
  g_assert_cmpstr (q->text, ==, "the first turbines would be installed before the autumn storms");

  /* A surname resolves to the one person with it. */
  q = quote_starting (e, "The estuary gives us two tides");
  g_assert_nonnull (q);
  g_assert_true (q->direct);
  g_assert_cmpstr (speaker_of (e, q), ==, "Maria Okafor");
  g_assert_cmpstr (q->text, ==, "The estuary gives us two tides a day, and we intend to use both of them");
  g_assert_cmpstr (q->evidence, ==, " Okafor said");

  /* A quote split by its attribution gives two, both hers. */
  q = quote_starting (e, "We tested three designs");
  g_assert_nonnull (q);
  g_assert_true (q->direct);
  g_assert_cmpstr (speaker_of (e, q), ==, "Maria Okafor");
  q = quote_starting (e, "and the slowest one");
  g_assert_nonnull (q);
  g_assert_true (q->direct);
  g_assert_cmpstr (speaker_of (e, q), ==, "Maria Okafor");

  q = quote_starting (e, "The town's old mill");
  g_assert_nonnull (q);
  g_assert_cmpstr (q->rule, ==, "clause-then-speaker");
  g_assert_cmpstr (q->text, ==, "The town's old mill will house the control room");

  q = quote_starting (e, "the turbines will not change");
  g_assert_nonnull (q);
  g_assert_cmpstr (q->rule, ==, "according-to");
  g_assert_cmpstr (speaker_of (e, q), ==, "Daniel Brenner");

  /* "The expert" is the one person the paragraph before names. */
  q = quote_starting (e, "fish ladders");
  g_assert_nonnull (q);
  g_assert_cmpstr (speaker_of (e, q), ==, "Daniel Brenner");

  /* Plural speakers are not a person. */
  g_assert_null (quote_starting (e, "they welcomed"));

  /* "He" after two people: no speaker, and the note says why. */
  q = quote_starting (e, "the harbour would stay open");
  g_assert_nonnull (q);
  g_assert_cmpint (q->person, ==, -1);
  g_assert_nonnull (strstr (q->note, "could be any of 2"));

  for (guint i = 0; i < xinzhi_extraction_get_n_people (e); i++)
    if (g_str_equal (xinzhi_extraction_get_person (e, i)->name, "Maria Okafor"))
      okafor = xinzhi_extraction_get_person (e, i);
  g_assert_nonnull (okafor);
  g_assert_cmpuint (okafor->roles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (okafor->roles, 0), ==, "chief engineer of the Tidewater Energy Institute");
  /* The surname a quote was resolved by is another name of hers. */
  g_assert_cmpuint (okafor->variants->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (okafor->variants, 0), ==, "Okafor");
}

/* An attribution in the next sentence, for a quote that is its whole sentence (a full
 * stop before the closing mark ends the sentence); none for a quote that is not. */
static void
test_quotes_next_sentence (void)
{
  g_autoptr(XinzhiExtraction) whole = extract_text ("\"The ferry will run all winter for the first time.\" Ruth Mensah said so at the meeting.\n");
  g_autoptr(XinzhiExtraction) none = extract_text ("\"The ferry will run all winter for the first time,\" the notice on the pier read. The crowd cheered.\n");
  const XinzhiExtractQuote *q;

  q = quote_starting (whole, "The ferry will run");
  g_assert_nonnull (q);
  g_assert_cmpstr (q->rule, ==, "quote-then-attribution-next-sentence");
  g_assert_cmpstr (speaker_of (whole, q), ==, "Ruth Mensah");

  g_assert_cmpuint (xinzhi_extraction_get_n_quotes (none), ==, 0);
}

/* Three attributions of tests/data/extract/attributions.txt: a statement that goes on in
 * the next sentence, the words after a clause's own "and stressed", and a quote whose
 * attribution names no one; and where each must not apply. */
static void
test_quotes_attributions (void)
{
  g_autoptr(XinzhiExtraction) e = extract_file ("attributions.txt");
  const XinzhiExtractQuote *q;

  /* "X said A. B, she noted." is one statement of X's. */
  q = quote_starting (e, "the cables would reach");
  g_assert_nonnull (q);
  g_assert_false (q->direct);
  g_assert_cmpstr (q->rule, ==, "statement-continued");
  g_assert_cmpstr (q->text, ==, "the cables would reach the outer islands by spring. "
                                "The work will cost less than the council planned");
  g_assert_cmpstr (speaker_of (e, q), ==, "Amara Osei");
  g_assert_nonnull (strstr (q->note, "she noted"));
  g_assert_null (quote_starting (e, "The work will cost"));

  /* A sentence in between: the two stay apart. */
  q = quote_starting (e, "the old ferry would carry");
  g_assert_nonnull (q);
  g_assert_cmpstr (q->rule, ==, "speaker-verb-that");
  g_assert_cmpstr (q->text, ==, "the old ferry would carry the crews");
  q = quote_starting (e, "The ferry needs new engines");
  g_assert_nonnull (q);
  g_assert_cmpstr (q->rule, ==, "clause-then-speaker");

  /* "X, who …, toured Y and stressed that Z, he told reporters" reports Z, not the tour. */
  q = quote_starting (e, "the grid must be ready");
  g_assert_nonnull (q);
  g_assert_cmpstr (q->rule, ==, "clause-then-speaker");
  g_assert_cmpstr (q->text, ==, "the grid must be ready before the first storms");
  g_assert_cmpstr (speaker_of (e, q), ==, "Kofi Mensah");
  g_assert_null (quote_starting (e, "On Monday"));

  /* "and" before words that are no attribution verb: the whole clause. */
  q = quote_starting (e, "The council opened the depot");
  g_assert_nonnull (q);
  g_assert_cmpstr (q->text, ==, "The council opened the depot and the training centre in the same week");

  /* "…,” said Deputy Director of the Port Authority.": a quote, but no person. */
  q = quote_starting (e, "The islands will have power");
  g_assert_nonnull (q);
  g_assert_true (q->direct);
  g_assert_cmpstr (q->rule, ==, "quote-then-verb");
  g_assert_cmpint (q->person, ==, -1);
  g_assert_cmpstr (q->evidence, ==, "said Deputy Director of the Port Authority");
  g_assert_nonnull (strstr (q->note, "names no person"));

  /* "…,” said residents": lower-case words name no single person, so no quote. */
  g_assert_null (quote_starting (e, "Every bus on the islands"));
}

static const XinzhiExtractEvent *
event_in (XinzhiExtraction *extraction,
          const char       *words)
{
  for (guint i = 0; i < xinzhi_extraction_get_n_events (extraction); i++)
    {
      const XinzhiExtractEvent *e = xinzhi_extraction_get_event (extraction, i);

      if (strstr (e->text, words) != NULL)
        return e;
    }
  return NULL;
}

/* Candidate events: sentences that date something, at the precision their words give;
 * a date without a year takes the article's, as an estimate; a range of days is its
 * month; none for a bare year, a sentence without a date, a range across months, or an
 * article whose own year is a guess. */
static void
test_events (void)
{
  g_autoptr(XinzhiExtraction) e = extract_file ("events.txt");
  g_autoptr(XinzhiExtraction) undated = extract_text ("A pier town\n\nThe board approved the ferry on March 4 after a long debate.\n");
  g_autoptr(XinzhiExtraction) agency = extract_file ("agency-dateline.txt");
  const XinzhiExtractEvent *ev;
  g_autofree char *date = NULL;

  ev = event_in (e, "first electric ferry");
  g_assert_nonnull (ev);
  g_assert_cmpstr (ev->rule, ==, "dated-sentence");
  g_assert_cmpstr (ev->date_text, ==, "12 May 2024");
  g_assert_cmpint (ev->date.precision, ==, XINZHI_DATE_PRECISION_DAY);
  g_assert_false (ev->estimated);
  g_assert_cmpstr (ev->text, ==, "The first electric ferry sailed from the old pier on 12 May 2024, an hour late.");

  ev = event_in (e, "second pier");
  g_assert_nonnull (ev);
  date = xinzhi_date_to_iso (&ev->date);
  g_assert_cmpstr (date, ==, "2023-09");
  g_assert_false (ev->estimated);
  g_clear_pointer (&date, g_free);

  ev = event_in (e, "third ferry");
  g_assert_nonnull (ev);
  g_assert_cmpstr (ev->rule, ==, "dated-sentence-without-year");
  date = xinzhi_date_to_iso (&ev->date);
  g_assert_cmpstr (date, ==, "2024-03-04");
  g_assert_true (ev->estimated);
  g_assert_nonnull (strstr (ev->note, "names no year"));
  g_clear_pointer (&date, g_free);

  ev = event_in (e, "inspected the hull");
  g_assert_nonnull (ev);
  date = xinzhi_date_to_iso (&ev->date);
  g_assert_cmpstr (date, ==, "2024-04");
  g_assert_nonnull (strstr (ev->note, "range of days"));

  g_assert_null (event_in (e, "repairs ran"));
  g_assert_null (event_in (e, "in 2019"));
  g_assert_null (event_in (e, "fourth ferry"));
  /* The date line is the article's date. */
  g_assert_null (event_in (e, "Published"));
  g_assert_cmpuint (xinzhi_extraction_get_n_events (e), ==, 4);

  /* No date of its own: the year of the day it was extracted is no year for March 4. */
  g_assert_cmpstr (xinzhi_extraction_get_date_rule (undated), ==, "no-date-named");
  g_assert_cmpuint (xinzhi_extraction_get_n_events (undated), ==, 0);

  /* An agency's dateline ("SHANGHAI, April 9 (Xinhua) --") dates the article. */
  g_assert_null (event_in (agency, "new ferry line"));

  /* Chinese: "3月4日" takes the article's year; "4月8日至11日" is a range of days. */
  {
    g_autoptr(XinzhiExtraction) zh = extract_text ("渡轮\n\n2024年5月20日\n\n市政府3月4日批准了第三艘渡轮。\n\n潜水员4月8日至11日检查了船体。\n\n维修从4月29日到5月3日进行。\n");

    ev = event_in (zh, "第三艘渡轮");
    g_assert_nonnull (ev);
    g_clear_pointer (&date, g_free);
    date = xinzhi_date_to_iso (&ev->date);
    g_assert_cmpstr (date, ==, "2024-03-04");
    g_assert_true (ev->estimated);
    ev = event_in (zh, "检查了船体");
    g_assert_nonnull (ev);
    g_clear_pointer (&date, g_free);
    date = xinzhi_date_to_iso (&ev->date);
    g_assert_cmpstr (date, ==, "2024-04");
    g_assert_null (event_in (zh, "维修"));
  }
}

/* The date of @words' candidate event as ISO, or "none"; that it is an estimate whose
 * note holds @note, when it is one. */
static void
assert_event_date (XinzhiExtraction *extraction,
                   const char       *words,
                   const char       *expected,
                   const char       *note)
{
  const XinzhiExtractEvent *ev = event_in (extraction, words);
  g_autofree char *date = ev != NULL ? xinzhi_date_to_iso (&ev->date) : g_strdup ("none");

  g_test_message ("%s: %s", words, date);
  g_assert_cmpstr (date, ==, expected);
  if (ev != NULL && note != NULL)
    {
      g_assert_true (ev->estimated);
      g_assert_cmpstr (ev->rule, ==, "dated-sentence-without-year");
      g_assert_nonnull (strstr (ev->note, note));
    }
}

/* Dates whose words name no year take it from the article's date as the loader reads
 * date sources: the article's year, or the year before for a month or day still to
 * come in it; "last December" is the year before when December has not come yet,
 * 今年 and 去年 say the year.  Each is an estimate that says how.  A month named
 * "this" or "next", "last" for a month already past in the article's year, 今年 with a
 * month to come, and any such date in a sentence about what is to come give none. */
static void
test_events_without_year (void)
{
  g_autoptr(XinzhiExtraction) e = extract_text (
    "A pier town looks back\n\nPublished March 25, 2024\n\n"
    "The ferry service was first proposed in September, at a public meeting.\n\n"
    "The board approved its budget in January after two readings.\n\n"
    "The old pier closed last December for repairs.\n\n"
    "A second survey took place last January at the new pier.\n\n"
    "The harbour master retires this May, the board said.\n\n"
    "A third ferry will be ordered in September by the council.\n\n"
    "The divers went down on April 2 and found the hull sound.\n\n"
    "Boats were repainted mid-May and launched again.\n\n"
    "May the weather hold, the crews said.\n\n"
    "The council met in Mayfield to discuss the route.\n");
  g_autoptr(XinzhiExtraction) zh = extract_text (
    "渡轮\n\n2024年3月25日\n\n"
    "码头今年1月完成了第一次检查。\n\n"
    "码头今年5月开始第二次检查。\n\n"
    "市政府去年12月批准了渡轮预算。\n\n"
    "潜水员去年3月5日检查了船体。\n\n"
    "市政府将在今年1月的会议上讨论航线。\n");
  g_autoptr(XinzhiExtraction) leap = extract_text (
    "A pier town\n\nPublished March 3, 2025\n\nThe ferry sailed on February 29 in a gale.\n");

  assert_event_date (e, "first proposed", "2023-09", "the year before");
  g_assert_cmpstr (event_in (e, "first proposed")->date_text, ==, "in September");
  assert_event_date (e, "its budget", "2024-01", "the year is the article’s (2024-03-25)");
  assert_event_date (e, "old pier closed", "2023-12", "the year before");
  g_assert_cmpstr (event_in (e, "old pier closed")->date_text, ==, "last December");
  assert_event_date (e, "second survey", "none", NULL);
  assert_event_date (e, "retires", "none", NULL);
  assert_event_date (e, "third ferry", "none", NULL);
  assert_event_date (e, "divers went down", "2023-04-02", "the year before");
  assert_event_date (e, "repainted", "2023-05", "the year before");
  g_assert_cmpstr (event_in (e, "repainted")->date_text, ==, "mid-May");
  assert_event_date (e, "weather hold", "none", NULL);
  assert_event_date (e, "Mayfield", "none", NULL);

  assert_event_date (zh, "第一次检查", "2024-01", "this year");
  g_assert_cmpstr (event_in (zh, "第一次检查")->date_text, ==, "今年1月");
  assert_event_date (zh, "第二次检查", "none", NULL);
  assert_event_date (zh, "渡轮预算", "2023-12", "last year");
  assert_event_date (zh, "检查了船体", "2023-03-05", "last year");
  assert_event_date (zh, "讨论航线", "none", NULL);

  /* No 29 February in 2025. */
  g_assert_cmpuint (xinzhi_extraction_get_n_events (leap), ==, 0);
}

/* One sentence dated as the candidates are, for a person who picks it: the words that
 * state the date, or an estimate with its note, or nothing. */
static void
test_date_sentence (void)
{
  XinzhiDate article = { 2024, 3, 25, XINZHI_DATE_PRECISION_DAY };
  XinzhiDate date;
  g_autofree char *words = NULL;
  g_autofree char *note = NULL;
  g_autofree char *iso = NULL;

  g_assert_true (xinzhi_extract_date_sentence ("The ferry sailed on 12 May 2023, an hour late.", &article, TRUE,
                                               &date, &words, &note));
  iso = xinzhi_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2023-05-12");
  g_assert_cmpstr (words, ==, "12 May 2023");
  g_assert_null (note);
  g_clear_pointer (&words, g_free);
  g_clear_pointer (&iso, g_free);

  g_assert_true (xinzhi_extract_date_sentence ("The pier was first proposed in September.", &article, TRUE,
                                               &date, &words, &note));
  iso = xinzhi_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2023-09");
  g_assert_cmpstr (words, ==, "in September");
  g_assert_nonnull (strstr (note, "the year before"));
  g_clear_pointer (&words, g_free);
  g_clear_pointer (&note, g_free);

  /* An article whose year is not known lends none; a sentence without a date gives none. */
  g_assert_false (xinzhi_extract_date_sentence ("The pier was first proposed in September.", &article, FALSE,
                                                &date, &words, &note));
  g_assert_false (xinzhi_extract_date_sentence ("The pier is long.", &article, TRUE, &date, &words, &note));
}

static void
test_quotes_chinese (void)
{
  g_autoptr(XinzhiExtraction) e = extract_file ("quotes-zh.txt");
  const XinzhiExtractQuote *q;

  g_assert_cmpstr (xinzhi_extraction_get_language (e), ==, "zh");
  q = quote_starting (e, "当地将在明年建成");
  g_assert_nonnull (q);
  g_assert_false (q->direct);
  g_assert_cmpstr (speaker_of (e, q), ==, "王海明");

  q = quote_starting (e, "风电场建成以后");
  g_assert_nonnull (q);
  g_assert_true (q->direct);
  g_assert_cmpstr (speaker_of (e, q), ==, "王海明");

  q = quote_starting (e, "项目必须与生态保护同步推进");
  g_assert_nonnull (q);
  g_assert_false (q->direct);
  g_assert_cmpstr (speaker_of (e, q), ==, "王海明");
}

static void
test_not_quotes (void)
{
  g_autoptr(XinzhiExtraction) e = extract_file ("not-quotes.txt");

  /* Scare quotes, titles, a slogan and a quote nobody is said to have said. */
  g_assert_cmpuint (xinzhi_extraction_get_n_quotes (e), ==, 0);
  g_assert_cmpuint (xinzhi_extraction_get_n_people (e), ==, 0);
}

static void
test_markdown (void)
{
  g_autoptr(XinzhiExtraction) e = extract_file ("article.md");
  const XinzhiExtractQuote *q;

  g_assert_cmpstr (xinzhi_extraction_get_title (e), ==, "A bakery goes solar");
  g_assert_cmpstr (xinzhi_extraction_get_title_rule (e), ==, "first-heading");
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (e, 0)->text, ==,
                   "The bakery on Mill Street now bakes with solar power and no gas.");
  g_assert_cmpint (xinzhi_extraction_get_paragraph (e, 1)->kind, ==, XINZHI_EXTRACT_HEADING);
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (e, 1)->rule, ==, "markdown-heading");
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (e, 2)->text, ==, "Panels on the roof charge a battery.");
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (e, 3)->text, ==, "The ovens draw on it before dawn.");
  q = quote_starting (e, "the panels paid for themselves");
  g_assert_nonnull (q);
  g_assert_cmpstr (speaker_of (e, q), ==, "Peter Lang");
}

/* A block longer than a paragraph may be (100,000 characters) is cut at spaces. */
static void
test_long_block (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(XinzhiExtraction) e = NULL;
  gsize total = 0;

  /* 40,000 words of 6 characters and a space, none twice. */
  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (text, "t%05u ", i);
  e = extract_text (text->str);
  g_assert_cmpuint (xinzhi_extraction_get_n_paragraphs (e), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const char *p = xinzhi_extraction_get_paragraph (e, i)->text;

      g_assert_cmpint (g_utf8_strlen (p, -1), <=, 100000);
      total += strlen (p) + 1;
    }
  /* Nothing lost but the spaces cut at. */
  g_assert_cmpuint (total, ==, text->len);
}

static void
assert_refused (const char *data,
                gsize       length,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiExtraction) e = xinzhi_extraction_new_from_data ("bad.txt", data, length, FALSE, &error);

  g_assert_null (e);
  g_assert_error (error, XINZHI_EXTRACT_ERROR, code);
}

static void
test_encodings (void)
{
  static const char text[] = "\xEF\xBB\xBFThe mill reopened in spring after the repairs.\r\n";
  g_autoptr(XinzhiExtraction) bom = extract_text (text);
  g_autoptr(GError) error = NULL;
  const char *zh = "会议在北京闭幕，代表们表示满意并提出了建议。\n";
  g_autofree char *gb = g_convert (zh, -1, "GB18030", "UTF-8", NULL, NULL, &error);
  g_autoptr(XinzhiExtraction) converted = NULL;

  g_assert_no_error (error);
  /* The byte order mark and the carriage return are not text. */
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (bom, 0)->text, ==,
                   "The mill reopened in spring after the repairs.");

  converted = xinzhi_extraction_new_from_data ("gb.txt", gb, strlen (gb), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (converted, 0)->text, ==,
                   "会议在北京闭幕，代表们表示满意并提出了建议。");

  assert_refused ("", 0, XINZHI_EXTRACT_ERROR_EMPTY);
  assert_refused (" \n\n\t ", 5, XINZHI_EXTRACT_ERROR_EMPTY);
  assert_refused ("text\0more", 9, XINZHI_EXTRACT_ERROR_BINARY);
  /* 0xFF is a byte neither UTF-8 nor GB18030 has. */
  assert_refused ("The mill \xFF reopened.", 20, XINZHI_EXTRACT_ERROR_ENCODING);
  /* Furniture only. */
  assert_refused ("Back to top\n\nRelated stories\n", 28, XINZHI_EXTRACT_ERROR_NO_TEXT);
}

static void
test_files_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-extract-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.txt", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) pipe = g_file_new_for_path (fifo);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiExtraction) e = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  e = xinzhi_extraction_new_from_file (folder, NULL, &error);
  g_assert_null (e);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_str_has_prefix (error->message, dir));
  g_clear_error (&error);

  e = xinzhi_extraction_new_from_file (pipe, NULL, &error);
  g_assert_null (e);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "pipe.txt"));
  g_clear_error (&error);

  e = xinzhi_extraction_new_from_file (empty_file, NULL, &error);
  g_assert_null (e);
  g_assert_error (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty.txt"));
  g_clear_error (&error);

  g_unlink (fifo);
  g_unlink (empty);
  g_rmdir (dir);
}

/* Whether a kept paragraph holds @text. */
static gboolean
has_paragraph_with (XinzhiExtraction *extraction,
                    const char       *text)
{
  for (guint i = 0; i < xinzhi_extraction_get_n_paragraphs (extraction); i++)
    if (strstr (xinzhi_extraction_get_paragraph (extraction, i)->text, text) != NULL)
      return TRUE;
  return FALSE;
}

static XinzhiExtraction *
extract_html (const char *text,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  XinzhiExtraction *extraction = xinzhi_extraction_new_from_html ("test.html", text, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (extraction);
  return extraction;
}

/* A page with <article>, furniture around it and in it, and metadata in <meta>,
 * <link> and JSON-LD. */
static void
test_html_page (void)
{
  g_autoptr(XinzhiExtraction) e = extract_file ("page-en.html");
  g_autofree char *date = xinzhi_date_to_iso (xinzhi_extraction_get_date (e));
  const char * const *byline = xinzhi_extraction_get_byline (e);
  const char *rule = NULL;
  const char *reason = NULL;
  const XinzhiExtractQuote *q;

  g_assert_cmpstr (xinzhi_extraction_get_encoding (e, &reason), ==, "UTF-8");
  g_assert_nonnull (strstr (reason, "charset=utf-8"));
  g_assert_cmpstr (xinzhi_extraction_get_container (e), ==, "<article>");

  /* Outside the article: never read. */
  g_assert_false (has_paragraph_with (e, "Home"));
  g_assert_false (has_paragraph_with (e, "cookies"));
  g_assert_false (has_paragraph_with (e, "All rights reserved"));
  g_assert_false (has_paragraph_with (e, "tracker"));
  g_assert_false (has_paragraph_with (e, "font-family"));
  /* Inside it: by class, by element, and by the text rules. */
  g_assert_cmpstr (dropped_by (e, "<div> Share on Facebook"), ==, "html-furniture-name");
  g_assert_cmpstr (dropped_by (e, "<section> Related stories"), ==, "html-furniture-name");
  g_assert_cmpstr (dropped_by (e, "<aside> Advertisement"), ==, "html-element");
  g_assert_cmpstr (dropped_by (e, "Back to top"), ==, "navigation");

  g_assert_cmpuint (xinzhi_extraction_get_n_paragraphs (e), ==, 6);
  g_assert_cmpint (xinzhi_extraction_get_paragraph (e, 0)->kind, ==, XINZHI_EXTRACT_CAPTION);
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (e, 0)->rule, ==, "html-figcaption");
  /* Inline elements are joined, white space collapsed, entities decoded. */
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (e, 1)->text, ==,
                   "The night ferry to the outer islands will sail again from next month, after "
                   "three winters in which the crossing was cancelled for lack of crew.");
  g_assert_true (g_str_has_prefix (xinzhi_extraction_get_paragraph (e, 2)->text, "“People on"));
  g_assert_cmpint (xinzhi_extraction_get_paragraph (e, 3)->kind, ==, XINZHI_EXTRACT_HEADING);
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (e, 3)->rule, ==, "html-heading");
  /* A line break parts paragraphs. */
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (e, 4)->text, ==,
                   "Twelve sailors finished their training in March, the board said.");
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (e, 5)->text, ==,
                   "Each crossing will take about four hours.");

  g_assert_cmpstr (xinzhi_extraction_get_title (e), ==, "Night ferry returns to the islands");
  g_assert_cmpstr (xinzhi_extraction_get_title_rule (e), ==, "og-title");
  g_assert_cmpstr (xinzhi_extraction_get_outlet (e, &rule, NULL), ==, "Coastline Courier");
  g_assert_cmpstr (rule, ==, "og-site-name");
  g_assert_nonnull (byline);
  g_assert_cmpstr (byline[0], ==, "Hanna Berg");
  g_assert_null (byline[1]);
  g_assert_cmpstr (xinzhi_extraction_get_url (e), ==, "https://courier.example.org/travel/night-ferry-returns");

  /* The JSON-LD date is not in the text: an estimate to the day, its note quoting it. */
  g_assert_true (xinzhi_extraction_get_date_estimated (e));
  g_assert_cmpstr (date, ==, "2024-04-18");
  g_assert_cmpstr (xinzhi_extraction_get_date_rule (e), ==, "page-metadata");
  g_assert_null (xinzhi_extraction_get_date_text (e));
  g_assert_nonnull (strstr (xinzhi_extraction_get_date_note (e), "2024-04-18T09:30:00+02:00"));
  g_assert_nonnull (strstr (xinzhi_extraction_get_date_note (e), "JSON-LD"));

  q = quote_starting (e, "People on the islands");
  g_assert_nonnull (q);
  g_assert_true (q->direct);
  g_assert_cmpstr (speaker_of (e, q), ==, "Petra Lind");
}

/* No <article>: the body, its furniture marked only by class and id names; a <time>
 * whose words are in the text states the date; broken JSON-LD is skipped. */
static void
test_html_class_names (void)
{
  g_autoptr(XinzhiExtraction) e = extract_file ("page-classes.html");
  g_autofree char *date = xinzhi_date_to_iso (xinzhi_extraction_get_date (e));
  const char * const *byline = xinzhi_extraction_get_byline (e);
  const XinzhiExtractQuote *q;

  g_assert_cmpstr (xinzhi_extraction_get_container (e), ==, "<body>");
  g_assert_cmpstr (dropped_by (e, "<div> Home Local"), ==, "html-furniture-name");
  g_assert_cmpstr (dropped_by (e, "<div> This site stores"), ==, "html-furniture-name");
  g_assert_cmpstr (dropped_by (e, "<div> Share this story"), ==, "html-furniture-name");
  g_assert_cmpstr (dropped_by (e, "<div> Comments"), ==, "html-furniture-name");
  g_assert_cmpstr (dropped_by (e, "<div> Most read"), ==, "html-furniture-name");
  g_assert_cmpstr (dropped_by (e, "<div> Buy a boat"), ==, "html-furniture-name");
  g_assert_cmpstr (dropped_by (e, "<div> Harbour Daily"), ==, "html-furniture-name");
  g_assert_false (has_paragraph_with (e, "Great news"));
  g_assert_false (has_paragraph_with (e, "Storm closes"));
  g_assert_true (has_paragraph_with (e, "The town council voted"));

  g_assert_cmpstr (xinzhi_extraction_get_title (e), ==, "Quay vote passes");
  g_assert_cmpstr (xinzhi_extraction_get_title_rule (e), ==, "article-h1");
  g_assert_nonnull (byline);
  g_assert_cmpstr (byline[0], ==, "Ann Lee");
  g_assert_cmpstr (byline[1], ==, "Bo Chen");
  g_assert_null (byline[2]);

  g_assert_false (xinzhi_extraction_get_date_estimated (e));
  g_assert_cmpstr (date, ==, "2023-11-20");
  g_assert_cmpstr (xinzhi_extraction_get_date_rule (e), ==, "time-element");
  g_assert_cmpstr (xinzhi_extraction_get_date_text (e), ==, "November 20, 2023");

  q = quote_starting (e, "The fishing fleet");
  g_assert_nonnull (q);
  g_assert_cmpstr (speaker_of (e, q), ==, "Ola Dahl");
}

/* GBK as declared, GBK under a wrong declaration of UTF-8 or ISO-8859-1 (the same
 * page with its <meta> changed), and Big5: each gives the right text, and says which
 * encoding and why. */
static void
test_html_encodings (void)
{
  static const struct { const char *meta; const char *why; } cases[] = {
    { "<meta charset=\"gbk\">", "declares charset=gbk" },
    { "<meta charset=\"utf-8\">", "is not UTF-8" },
    { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">", "give Chinese text" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "extract", "gbk-declared.html", NULL);
  g_autofree char *gbk = NULL;
  g_autoptr(XinzhiExtraction) big5 = extract_file ("big5.html");
  const char *reason = NULL;
  const char *meta;

  g_assert_true (g_file_get_contents (path, &gbk, NULL, NULL));
  meta = strstr (gbk, cases[0].meta);
  g_assert_nonnull (meta);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) page = g_string_new_len (gbk, meta - gbk);
      g_autoptr(XinzhiExtraction) e = NULL;
      const XinzhiExtractQuote *q;

      g_string_append (page, cases[i].meta);
      g_string_append (page, meta + strlen (cases[0].meta));
      g_test_message ("%s", cases[i].meta);
      e = extract_html (page->str, page->len);
      g_assert_cmpstr (xinzhi_extraction_get_encoding (e, &reason), ==, "GB18030");
      g_assert_nonnull (strstr (reason, cases[i].why));
      g_assert_cmpstr (xinzhi_extraction_get_language (e), ==, "zh");
      g_assert_cmpstr (xinzhi_extraction_get_paragraph (e, 0)->text, ==,
                       "新码头于本周正式启用，可同时停靠四艘货轮，港口的吞吐能力将提高一倍。");
      g_assert_cmpstr (xinzhi_extraction_get_title (e), ==, "港口新码头正式启用");
      g_assert_false (has_paragraph_with (e, "首页"));
      q = quote_starting (e, "我们用了三年时间");
      g_assert_nonnull (q);
      g_assert_cmpstr (speaker_of (e, q), ==, "陈立新");
    }

  g_assert_cmpstr (xinzhi_extraction_get_encoding (big5, &reason), ==, "BIG5-HKSCS");
  g_assert_nonnull (strstr (reason, "charset=big5"));
  g_assert_cmpstr (xinzhi_extraction_get_paragraph (big5, 0)->text, ==,
                   "新碼頭於本週正式啟用，可同時停靠四艘貨輪，港口的吞吐能力將提高一倍。");
  /* No <h1>: the <title>, without a site's name (none here). */
  g_assert_cmpstr (xinzhi_extraction_get_title (big5), ==, "港口新碼頭正式啟用");
  g_assert_cmpstr (xinzhi_extraction_get_title_rule (big5), ==, "html-title");
}

/* A <title> loses the site's name after it; a canonical address the loader would
 * refuse is passed over; a page of furniture only is refused; a page of unclosed tags
 * is read all the same; a file named .html that holds text is a text, and a text that
 * is clearly a page is a page. */
static void
test_html_bad_input (void)
{
  static const char title_page[] = "<html><head><title>Ferry fares fall - Coast News</title>"
                                   "<link rel=\"canonical\" href=\"https://example.org/fares fall\">"
                                   "<meta property=\"og:url\" content=\"https://example.org/fares\"></head>"
                                   "<body><p>The ferry fares fall by a tenth from June, the operator said.</p></body></html>";
  static const char undecodable[] = "<html><body><p>The mill \xFF reopened.</p></body></html>";
  g_autoptr(XinzhiExtraction) titled = extract_html (title_page, strlen (title_page));
  g_autoptr(XinzhiExtraction) broken = extract_file ("broken.html");
  g_autoptr(XinzhiExtraction) plain = extract_file ("plain-text.html");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "extract", "no-text.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiExtraction) none = xinzhi_extraction_new_from_file (file, NULL, &error);

  g_assert_cmpstr (xinzhi_extraction_get_title (titled), ==, "Ferry fares fall");
  g_assert_cmpstr (xinzhi_extraction_get_title_rule (titled), ==, "html-title");
  /* An address the loader would refuse (a space in it) gives way to the next. */
  g_assert_cmpstr (xinzhi_extraction_get_url (titled), ==, "https://example.org/fares");

  g_assert_null (none);
  g_assert_error (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_NO_TEXT);
  g_assert_nonnull (strstr (error->message, "no-text.html"));
  g_clear_error (&error);

  g_assert_cmpstr (xinzhi_extraction_get_title (broken), ==, "Lighthouse keeper retires");
  g_assert_true (has_paragraph_with (broken, "The last keeper of the north light"));
  g_assert_true (has_paragraph_with (broken, "She will stay on the island, she said, and keep bees."));
  g_assert_true (has_paragraph_with (broken, "The light has run by itself since the spring"));
  g_assert_true (has_paragraph_with (broken, "Nobody will replace her"));

  g_assert_null (xinzhi_extraction_get_encoding (plain, NULL));
  g_assert_null (xinzhi_extraction_get_container (plain));
  g_assert_cmpstr (xinzhi_extraction_get_title (plain), ==, "A quiet summer for the ferries");

  g_assert_true (xinzhi_extraction_data_is_html ("<!DOCTYPE html><p>x", 19, FALSE));
  g_assert_true (xinzhi_extraction_data_is_html ("\n<!-- saved --> <HTML lang=en>", 30, FALSE));
  g_assert_false (xinzhi_extraction_data_is_html ("The <b> tag is bold.", 20, FALSE));
  g_assert_true (xinzhi_extraction_data_is_html ("Intro\n<p>The text.</p>", 22, TRUE));
  g_assert_false (xinzhi_extraction_data_is_html ("Just a text, no tags.", 21, TRUE));

  /* Bytes in no encoding the reader knows: a clear message, not libxml2's. */
  g_assert_null (xinzhi_extraction_new_from_html ("bad.html", undecodable, strlen (undecodable), &error));
  g_assert_error (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "offset 24"));
  g_clear_error (&error);
  g_assert_null (xinzhi_extraction_new_from_html ("bad.html", "<p>a\0b</p>", 10, &error));
  g_assert_error (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_BINARY);
}

/* Hostile pages: 100,000 nested elements, an attribute of 1 MB, 100,000 paragraphs.
 * Each walk is a loop, so they end without using up the stack; the checks are of what
 * they give, not of how long it takes. */
static void
test_html_hostile (void)
{
  static const char lead[] = "<html><body><article><p>The harbour opened a new quay for the ferries on Monday.</p>";
  g_autoptr(GString) deep = g_string_new (lead);
  g_autoptr(GString) wide = g_string_new ("<html><body><article><p class=\"");
  g_autoptr(GString) many = g_string_new ("<html><body><article>");
  g_autoptr(XinzhiExtraction) e = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<div>");
  g_string_append (deep, "<p>Deep in the page.</p>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "</div>");
  g_string_append (deep, "</article></body></html>");
  e = extract_html (deep->str, deep->len);
  /* How deep libxml2 reads depends on its version (docs/import.md, Limits); what it
   * reads is walked without recursion. */
  g_assert_true (has_paragraph_with (e, "The harbour opened a new quay"));
  g_assert_cmpuint (xinzhi_extraction_get_n_paragraphs (e), <=, 2);
  g_clear_object (&e);

  /* The same depth in furniture is left out at its outermost element. */
  g_string_assign (deep, lead);
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<div class=\"share\">");
  g_string_append (deep, "<p>Deep in the page.</p>");
  g_string_append (deep, "</article></body></html>");
  e = extract_html (deep->str, deep->len);
  g_assert_cmpuint (xinzhi_extraction_get_n_paragraphs (e), ==, 1);
  g_assert_false (has_paragraph_with (e, "Deep in the page"));
  g_clear_object (&e);

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (wide, (char) ('a' + i % 26));
  g_string_append (wide, "\">The harbour opened a new quay for the ferries on Monday.</p></article></body></html>");
  e = extract_html (wide->str, wide->len);
  g_assert_cmpuint (xinzhi_extraction_get_n_paragraphs (e), ==, 1);
  g_assert_true (has_paragraph_with (e, "The harbour opened a new quay"));
  g_clear_object (&e);

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (many, "<p>Item %u of the long list of the harbour's boats.</p>", i);
  g_string_append (many, "</article></body></html>");
  e = extract_html (many->str, many->len);
  g_assert_cmpuint (xinzhi_extraction_get_n_paragraphs (e), ==, 100000);
}

/* What the extractor writes, the loader accepts: each test article alone and all
 * together. */
static void
test_corpus_loads (void)
{
  static const char *names[] = {
    "furniture.txt", "agency-dateline.txt", "no-year.txt", "quotes-en.txt",
    "quotes-zh.txt", "not-quotes.txt", "article.md", "page-en.html", "page-classes.html",
    "gbk-declared.html", "big5.html", "broken.html", "plain-text.html", "attributions.txt",
    "events.txt",
  };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (&error);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *json;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (all, extract_file (names[i]));

  json = xinzhi_extract_corpus_to_json ((XinzhiExtraction **) all->pdata, all->len, builtin);
  bytes = g_bytes_new_take (json, strlen (json));
  corpus = xinzhi_corpus_new_from_bytes (bytes, "extracted.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)), ==, G_N_ELEMENTS (names));
  /* Quotes without a speaker are not written: the format needs one. */
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus)), >=, 10);
}

/* Many people, surnames and unclosed marks: the people are told apart by name and
 * surname however many there are (a surname shared by two is nobody's), and marks that
 * never close are no quotes.  These shapes once cost the square of the text's length. */
static void
test_many (void)
{
  g_autoptr(GString) text = g_string_new ("Many voices\n\n");
  g_autoptr(XinzhiExtraction) e = NULL;
  guint n_with_speaker = 0;

  for (guint i = 0; i < 500; i++)
    {
      char name[8];

      /* Five letters from the number: a surname of its own for each. */
      for (guint k = 0, n = i; k < 5; k++, n /= 7)
        name[k] = (char) ((k == 0 ? 'A' : 'a') + n % 7 + (k == 0 ? 0 : 7));
      name[5] = '\0';
      g_string_append_printf (text, "“We will build the new industry here,” %s Wei said. "
                                    "“It will take us some years of work,” Mr. %s said.\n\n",
                              name, name);
    }
  /* Shared by every one of them: no speaker. */
  g_string_append (text, "“Nobody can tell who says this one,” Mr. Wei said.\n\n");
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "“open ");
  g_string_append (text, "and nothing closes, Li Wei said.\n");

  e = extract_text (text->str);
  g_assert_cmpuint (xinzhi_extraction_get_n_people (e), ==, 500);
  for (guint i = 0; i < xinzhi_extraction_get_n_quotes (e); i++)
    {
      const XinzhiExtractQuote *q = xinzhi_extraction_get_quote (e, i);

      g_assert_false (q->direct && strstr (q->text, "open open") != NULL);
      if (q->person >= 0)
        n_with_speaker++;
      if (strstr (q->text, "Nobody can tell") != NULL)
        g_assert_cmpint (q->person, <, 0);
    }
  /* Both quotes of each of the 500, each by its own speaker. */
  g_assert_cmpuint (n_with_speaker, >=, 1000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/furniture", test_furniture);
  g_test_add_func ("/extract/source-line", test_source_line);
  g_test_add_func ("/extract/url", test_url);
  g_test_add_func ("/extract/agency-dateline", test_agency_dateline);
  g_test_add_func ("/extract/date-forms", test_date_forms);
  g_test_add_func ("/extract/date-estimates", test_date_estimates);
  g_test_add_func ("/extract/quotes/english", test_quotes_english);
  g_test_add_func ("/extract/quotes/next-sentence", test_quotes_next_sentence);
  g_test_add_func ("/extract/quotes/attributions", test_quotes_attributions);
  g_test_add_func ("/extract/events", test_events);
  g_test_add_func ("/extract/events/without-year", test_events_without_year);
  g_test_add_func ("/extract/events/date-sentence", test_date_sentence);
  g_test_add_func ("/extract/quotes/chinese", test_quotes_chinese);
  g_test_add_func ("/extract/quotes/none", test_not_quotes);
  g_test_add_func ("/extract/markdown", test_markdown);
  g_test_add_func ("/extract/long-block", test_long_block);
  g_test_add_func ("/extract/encodings", test_encodings);
  g_test_add_func ("/extract/files-refused", test_files_refused);
  g_test_add_func ("/extract/html/page", test_html_page);
  g_test_add_func ("/extract/html/class-names", test_html_class_names);
  g_test_add_func ("/extract/html/encodings", test_html_encodings);
  g_test_add_func ("/extract/html/bad-input", test_html_bad_input);
  g_test_add_func ("/extract/html/hostile", test_html_hostile);
  g_test_add_func ("/extract/corpus-loads", test_corpus_loads);
  g_test_add_func ("/extract/many", test_many);

  return g_test_run ();
}

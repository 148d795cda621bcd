/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The extractor's rules for the text of an article: reading it (UTF-8, else GB18030,
 * else refused), cutting it into paragraphs, leaving the page furniture out, and
 * finding the title, outlet, byline, address and date.  Each rule is a small function
 * with a name, and each item it yields carries that name; docs/import.md lists them,
 * their limits, and how to add one.
 *
 * The rules are general: they look at the shape of a line (a label and a colon, a short
 * line without a full stop, a date on a line of its own), never at the sentences of a
 * particular page.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-extract-private.h"

/* ---- Reading --------------------------------------------------------------------- */

static gboolean
is_blank_text (const char *text,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* Line ends as \n only. */
static char *
normalize_newlines (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * xinzhi_extract_check_text_bytes:
 *
 * Refuses bytes that are no text: nothing but white space (empty), or a NUL byte
 * (binary).
 */
gboolean
xinzhi_extract_check_text_bytes (const char  *data,
                                 gsize        length,
                                 GError     **error)
{
  const char *nul;

  if (is_blank_text (data, length))
    {
      g_set_error_literal (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_EMPTY,
                           _("the file is empty"));
      return FALSE;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_BINARY,
                   _("the file holds a NUL byte at offset %zu: it is binary, not text"),
                   (gsize) (nul - data));
      return FALSE;
    }
  return TRUE;
}

/**
 * xinzhi_extract_decode:
 *
 * The file's text in UTF-8: UTF-8 as it is (a byte order mark dropped), or else text
 * in GB18030 (which includes GBK and GB2312) converted.  An empty file, one with NUL
 * bytes (binary) and one in neither encoding are refused.
 */
char *
xinzhi_extract_decode (const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autofree char *converted = NULL;
  const char *end = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!xinzhi_extract_check_text_bytes (data, length, error))
    return NULL;

  if (g_utf8_validate_len (data, length, &end))
    {
      g_autofree char *copy = g_strndup (data, length);

      return normalize_newlines (copy);
    }

  converted = g_convert (data, length, "UTF-8", "GB18030", NULL, NULL, NULL);
  if (converted == NULL || !g_utf8_validate (converted, -1, NULL))
    {
      g_set_error (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_ENCODING,
                   _("the text is not UTF-8 (invalid byte at offset %zu) and not GB18030 either"),
                   (gsize) (end - data));
      return NULL;
    }
  return normalize_newlines (converted);
}

/* ---- Markdown ------------------------------------------------------------------- */

/* Markdown reduced to its text: a heading's #s, a quote's >, a list's marker,
 * emphasis (** __ * _ `), links [text](address) to their text, images out. */
static char *
reduce_markdown (const char *line,
                 gboolean   *heading)
{
  GString *out = g_string_new (NULL);
  const char *p = line;

  *heading = FALSE;
  if (*p == '#')
    {
      while (*p == '#')
        p++;
      if (*p == ' ' || *p == '\0')
        *heading = TRUE;
      else
        p = line;
    }
  while (*p == '>' || (*p == ' ' && p != line))
    p++;
  if ((p[0] == '-' || p[0] == '*' || p[0] == '+') && p[1] == ' ')
    p += 2;

  while (*p != '\0')
    {
      if (p[0] == '!' && p[1] == '[')
        {
          const char *close = strstr (p, "](");
          const char *paren = close != NULL ? strchr (close, ')') : NULL;

          if (paren != NULL)
            {
              p = paren + 1;
              continue;
            }
        }
      if (p[0] == '[')
        {
          const char *close = strchr (p, ']');

          if (close != NULL && close[1] == '(' && strchr (close, ')') != NULL)
            {
              g_string_append_len (out, p + 1, close - p - 1);
              p = strchr (close, ')') + 1;
              continue;
            }
        }
      if ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_'))
        {
          p += 2;
          continue;
        }
      if (p[0] == '`')
        {
          p++;
          continue;
        }
      /* A single * or _ at the edge of a word is emphasis; inside one it is text. */
      if (p[0] == '*' || p[0] == '_')
        {
          gboolean before_space = p == line || g_ascii_isspace (p[-1]) || p[-1] == '(';
          gboolean after_space = p[1] == '\0' || g_ascii_isspace (p[1]) || g_ascii_ispunct (p[1]);

          if (before_space != after_space)
            {
              p++;
              continue;
            }
        }
      g_string_append_c (out, *p);
      p++;
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* ---- Furniture: each rule returns its name when the block is furniture ----------- */

static gboolean
has_prefix_ci (const char *text,
               const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

static gboolean
contains_ci (const char *text,
             const char *needle)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  return strstr (lower, needle) != NULL;
}

/* "Phone Number: …", "Email: …", "Contact Person: …": a field of a contact block. */
static const char *
rule_contact_block (const char *text)
{
  static const char *labels[] = {
    "phone number:", "phone:", "tel:", "telephone:", "fax:", "email:", "e-mail:",
    "contact person:", "contact information:", "contact:", "media contact:",
    "organization:", "city:", "address:", "website:", "country:", "state:",
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (has_prefix_ci (text, labels[i]))
      return "contact-block";
  return NULL;
}

/* "SOURCE: Name": a press release's source line (the outlet is read from it). */
static const char *
rule_source_line (const char *text)
{
  if (g_str_has_prefix (text, "SOURCE:") && strlen (text) < 200)
    return "source-line";
  return NULL;
}

/* "Youtube Link: …", "Report Link: …", or a line that is only an address: a link to
 * another item, not the article. */
static const char *
rule_link_line (const char *text)
{
  const char *link = strstr (text, "Link:");

  if (link == NULL)
    link = strstr (text, "link:");
  if (link != NULL && link - text < 40 && strchr (text, '.') != NULL &&
      (strstr (text, "http") != NULL || strstr (text, "www.") != NULL))
    return "link-line";
  if ((g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://")) &&
      strchr (text, ' ') == NULL)
    return "link-line";
  return NULL;
}

/* "URL: https://…": the article's address on a line of its own (read by find_url()). */
static const char *
rule_url_line (const char *text)
{
  static const char *labels[] = { "URL:", "Original URL:", "Source URL:", "url:", "Canonical:" };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_has_prefix (text, labels[i]))
      {
        const char *rest = text + strlen (labels[i]);

        while (*rest == ' ')
          rest++;
        if (strchr (rest, ' ') == NULL)
          return "url-line";
      }
  return NULL;
}

/* "View the original press release on …", "View original content …". */
static const char *
rule_press_release_footer (const char *text)
{
  if (has_prefix_ci (text, "view the original press release") ||
      has_prefix_ci (text, "view original content") ||
      has_prefix_ci (text, "originally published"))
    return "press-release-footer";
  return NULL;
}

/* A line that is only a page's navigation or a section of links: "Back to top",
 * "Related stories", "Search Trends", "Read more"… */
static const char *
rule_navigation (const char *text)
{
  static const char *lines[] = {
    "back to top", "top", "related stories", "related articles", "related news",
    "related", "read more", "more stories", "more news", "search trends", "trending",
    "most popular", "most read", "popular", "recommended", "next", "previous",
    "subscribe", "advertisement", "print", "comments", "i agree", "accept",
    "accept all", "ok", "close", "menu", "home", "share", "tags",
  };
  g_autofree char *lower = g_ascii_strdown (text, -1);
  gsize length = strlen (lower);

  while (length > 0 && strchr (".:!»›>|", lower[length - 1]) != NULL)
    lower[--length] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (g_str_equal (lower, lines[i]))
      return "navigation";
  return NULL;
}

/* A cookie or privacy banner: a short block about cookies. */
static const char *
rule_cookie_banner (const char *text)
{
  if (strlen (text) < 500 && (contains_ci (text, "cookie") ||
                              (contains_ci (text, "privacy") && strlen (text) < 80)))
    return "cookie-banner";
  return NULL;
}

/* A comment form: "Leave a Reply", "Your email address will not be published". */
static const char *
rule_reply_form (const char *text)
{
  if (has_prefix_ci (text, "leave a reply") || has_prefix_ci (text, "leave a comment") ||
      contains_ci (text, "will not be published") ||
      contains_ci (text, "required fields are marked"))
    return "reply-form";
  return NULL;
}

/* "Share on …", "Share this article", "Follow us on …". */
static const char *
rule_share_line (const char *text)
{
  if (strlen (text) < 120 &&
      (has_prefix_ci (text, "share on") || has_prefix_ci (text, "share this") ||
       has_prefix_ci (text, "share via") || has_prefix_ci (text, "share:") ||
       has_prefix_ci (text, "follow us")))
    return "share-line";
  return NULL;
}

/* A file name standing for the headline: no space, words joined by "_". */
static const char *
rule_file_name_slug (const char *text)
{
  if (strchr (text, ' ') == NULL && strchr (text, '_') != NULL && strlen (text) > 10)
    return "file-name-slug";
  return NULL;
}

typedef const char *(*FurnitureRule) (const char *text);

static const FurnitureRule furniture_rules[] = {
  rule_contact_block,
  rule_source_line,
  rule_link_line,
  rule_url_line,
  rule_press_release_footer,
  rule_navigation,
  rule_cookie_banner,
  rule_reply_form,
  rule_share_line,
  rule_file_name_slug,
};

/* ---- Dates ----------------------------------------------------------------------- */

static const char *month_names[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};
static const char *month_abbreviations[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* A month named at @p, in full or abbreviated ("Sept." too); its length in @length. */
static guint
match_month (const char *p,
             gsize      *length)
{
  for (guint m = 0; m < 12; m++)
    {
      gsize n = strlen (month_names[m]);

      if (strncmp (p, month_names[m], n) == 0 && !g_ascii_isalpha (p[n]))
        {
          *length = n;
          return m + 1;
        }
    }
  for (guint m = 0; m < 12; m++)
    {
      gsize n = strlen (month_abbreviations[m]);

      if (m == 8 && strncmp (p, "Sept", 4) == 0)
        n = 4;
      if (strncmp (p, month_abbreviations[m], 3) == 0 && !g_ascii_isalpha (p[n]))
        {
          *length = p[n] == '.' ? n + 1 : n;
          return m + 1;
        }
    }
  return 0;
}

/* A number of @min_digits to @max_digits digits at @p, not inside a longer one. */
static gboolean
match_number (const char *text,
              const char *p,
              guint       min_digits,
              guint       max_digits,
              guint      *value,
              gsize      *length)
{
  guint n = 0;
  guint v = 0;

  if (p > text && g_ascii_isdigit (p[-1]))
    return FALSE;
  while (g_ascii_isdigit (p[n]) && n <= max_digits)
    v = v * 10 + (guint) (p[n++] - '0');
  if (n < min_digits || n > max_digits)
    return FALSE;
  *value = v;
  *length = n;
  return TRUE;
}

static gboolean
plausible_year (guint year)
{
  return year >= 1900 && year <= 2099;
}

static gboolean
set_date (XinzhiDate *date,
          guint       year,
          guint       month,
          guint       day)
{
  if (month < 1 || month > 12)
    return FALSE;
  if (day != 0 && (year == 0 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year)) &&
      (year != 0 || day > 31))
    return FALSE;
  date->year = (guint16) year;
  date->month = (guint8) month;
  date->day = (guint8) day;
  date->precision = day != 0 ? XINZHI_DATE_PRECISION_DAY : XINZHI_DATE_PRECISION_MONTH;
  return TRUE;
}

/* The date words at @p, if any: "2024-03-25" (or / or .), "March 5, 2024", "5 March
 * 2024", "2024年3月5日", "2024年3月", "March 2024", and without a year "March 5" and
 * "3月5日".  The year is 0 when the words name none. */
static gboolean
match_date_at (const char *text,
               const char *p,
               XinzhiDate *date,
               gsize      *length)
{
  guint year, month, day;
  gsize n, m, k;

  /* Every form below starts with a digit or a month's capital: most places of a text
   * start none, and are passed over at once. */
  if (!g_ascii_isdigit (*p) && !g_ascii_isupper (*p))
    return FALSE;

  /* Numeric: 2024-03-25, 2024/03/25, 2024/06-18, 2024.03.25 */
  if (match_number (text, p, 4, 4, &year, &n) && plausible_year (year) &&
      strchr ("-/.", p[n]) != NULL && p[n] != '\0' &&
      match_number (text, p + n + 1, 1, 2, &month, &m) &&
      strchr ("-/.", p[n + 1 + m]) != NULL && p[n + 1 + m] != '\0' &&
      match_number (text, p + n + 2 + m, 1, 2, &day, &k) &&
      !g_ascii_isdigit (p[n + 2 + m + k]) &&
      set_date (date, year, month, day))
    {
      *length = n + 2 + m + k;
      return TRUE;
    }

  /* Chinese: 2024年3月5日, 2024年3月, 3月5日 */
  if (match_number (text, p, 4, 4, &year, &n) && plausible_year (year) &&
      strncmp (p + n, "年", 3) == 0 &&
      match_number (text, p + n + 3, 1, 2, &month, &m) &&
      strncmp (p + n + 3 + m, "月", 3) == 0)
    {
      gsize at = n + 3 + m + 3;

      if (match_number (text, p + at, 1, 2, &day, &k) && strncmp (p + at + k, "日", 3) == 0 &&
          set_date (date, year, month, day))
        {
          *length = at + k + 3;
          return TRUE;
        }
      if (set_date (date, year, month, 0))
        {
          *length = at;
          return TRUE;
        }
    }
  if (match_number (text, p, 1, 2, &month, &m) && strncmp (p + m, "月", 3) == 0 &&
      match_number (text, p + m + 3, 1, 2, &day, &k) && strncmp (p + m + 3 + k, "日", 3) == 0 &&
      !(p - text >= 3 && strncmp (p - 3, "年", 3) == 0) &&
      set_date (date, 0, month, day))
    {
      *length = m + 3 + k + 3;
      return TRUE;
    }

  if (p > text && g_ascii_isalnum (p[-1]))
    return FALSE;

  /* March 5, 2024 / March 07, 2024 / March 5 / March 2024 */
  month = match_month (p, &m);
  if (month != 0 && p[m] == ' ')
    {
      const char *q = p + m + 1;

      if (match_number (text, q, 1, 2, &day, &k) && !g_ascii_isdigit (q[k]))
        {
          const char *r = q + k;

          if (r[0] == ',' && r[1] == ' ' && match_number (text, r + 2, 4, 4, &year, &n) &&
              plausible_year (year) && !g_ascii_isalnum (r[2 + n]) &&
              set_date (date, year, month, day))
            {
              *length = (gsize) (r + 2 + n - p);
              return TRUE;
            }
          if (set_date (date, 0, month, day))
            {
              *length = (gsize) (r - p);
              return TRUE;
            }
        }
      if (match_number (text, q, 4, 4, &year, &n) && plausible_year (year) &&
          !g_ascii_isalnum (q[n]) && set_date (date, year, month, 0))
        {
          *length = (gsize) (q + n - p);
          return TRUE;
        }
    }

  /* 5 March 2024 */
  if (match_number (text, p, 1, 2, &day, &k) && p[k] == ' ')
    {
      month = match_month (p + k + 1, &m);
      if (month != 0 && p[k + 1 + m] == ' ' &&
          match_number (text, p + k + 2 + m, 4, 4, &year, &n) && plausible_year (year) &&
          !g_ascii_isalnum (p[k + 2 + m + n]) && set_date (date, year, month, day))
        {
          *length = k + 2 + m + n;
          return TRUE;
        }
    }
  return FALSE;
}

/* The first date words in @text: see match_date_at(). */
gboolean
xinzhi_extract_find_date (const char *text,
                          XinzhiDate *date,
                          gsize      *start,
                          gsize      *length)
{
  for (const char *p = text; *p != '\0'; p++)
    if (match_date_at (text, p, date, length))
      {
        *start = (gsize) (p - text);
        return TRUE;
      }
  return FALSE;
}

/* The word before @p in @text, if it is @word (ASCII case aside) followed by a space. */
static gboolean
word_before_is (const char *text,
                const char *p,
                const char *word)
{
  gsize n = strlen (word);

  return (gsize) (p - text) >= n + 1 && p[-1] == ' ' &&
         g_ascii_strncasecmp (p - n - 1, word, n) == 0 &&
         (p - n - 1 == text || !g_ascii_isalpha (p[-n - 2]));
}

/* A month named without a year at @p: a month's full name with a capital after a word
 * that puts it in time ("in September", "last December", "mid-May"), not beside a
 * number (those are match_date_at()'s); or 今年 or 去年 and a month, with its day if
 * one follows ("今年1月", "去年12月5日"). */
static gboolean
match_month_at (const char            *text,
                const char            *p,
                XinzhiDate            *date,
                XinzhiExtractYearSaid *said,
                gsize                 *length)
{
  guint month, day;
  gsize m, k;

  if (strncmp (p, "今年", 6) == 0 || strncmp (p, "去年", 6) == 0)
    {
      const char *q = p + 6;

      if (!match_number (text, q, 1, 2, &month, &m) || strncmp (q + m, "月", 3) != 0)
        return FALSE;
      *said = strncmp (p, "今年", 6) == 0 ? XINZHI_EXTRACT_YEAR_THIS : XINZHI_EXTRACT_YEAR_BEFORE;
      if (match_number (text, q + m + 3, 1, 2, &day, &k) && strncmp (q + m + 3 + k, "日", 3) == 0 &&
          set_date (date, 0, month, day))
        {
          *length = 6 + m + 3 + k + 3;
          return TRUE;
        }
      if (!set_date (date, 0, month, 0))
        return FALSE;
      *length = 6 + m + 3;
      return TRUE;
    }

  if (!g_ascii_isupper (*p) || (p > text && g_ascii_isalnum (p[-1])))
    return FALSE;
  month = match_month (p, &m);
  if (month == 0 || m != strlen (month_names[month - 1]) ||
      !xinzhi_date_month_preposition_before (text, p))
    return FALSE;
  /* "September 2023", "March 5": a date with a number, not a month alone. */
  if (p[m] == ' ' && g_ascii_isdigit (p[m + 1]))
    return FALSE;
  if (word_before_is (text, p, "last"))
    *said = XINZHI_EXTRACT_YEAR_LAST;
  else if (word_before_is (text, p, "next") || word_before_is (text, p, "this"))
    *said = XINZHI_EXTRACT_YEAR_NEAR;
  else
    *said = XINZHI_EXTRACT_YEAR_UNSAID;
  set_date (date, 0, month, 0);
  *length = m;
  return TRUE;
}

/**
 * xinzhi_extract_find_month:
 * @said: (out): what the words before say of the year
 *
 * The first month in @text that is named without a year and without a day number
 * beside it, such as "in September" or "last December" (@start and @length give the
 * two words), or 今年 or 去年 with a month, and its day if one follows (the whole of
 * "今年3月5日").  The date's year is 0.
 */
gboolean
xinzhi_extract_find_month (const char            *text,
                           XinzhiDate            *date,
                           XinzhiExtractYearSaid *said,
                           gsize                 *start,
                           gsize                 *length)
{
  for (const char *p = text; *p != '\0'; p++)
    if (match_month_at (text, p, date, said, length))
      {
        const char *word = p;

        /* The words are the month's with the one that puts it in time ("in May",
         * "mid-May"), as an event's date source gives them. */
        if (g_ascii_isupper (*p))
          {
            word--;
            while (word > text && g_ascii_isalpha (word[-1]))
              word--;
          }
        *start = (gsize) (word - text);
        *length += (gsize) (p - word);
        return TRUE;
      }
  return FALSE;
}

/* The latest year that @text names, as a date of a year or more precise (0 if none);
 * the words in @words. */
static guint
latest_year (const char  *text,
             XinzhiDate  *latest,
             char       **words)
{
  guint best = latest->year;

  for (const char *p = text; *p != '\0'; p++)
    {
      XinzhiDate date = { 0 };
      gsize length;
      guint year;

      if (match_date_at (text, p, &date, &length) && date.year != 0)
        {
          if (xinzhi_date_compare (&date, latest) > 0 || latest->year == 0)
            {
              *latest = date;
              g_free (*words);
              *words = g_strndup (p, length);
              best = date.year;
            }
          p += length - 1;
          continue;
        }
      if (match_number (text, p, 4, 4, &year, &length) && plausible_year (year) &&
          !g_ascii_isalnum (p[length]) && (p == text || !g_ascii_isalnum (p[-1])) &&
          year > latest->year)
        {
          latest->year = (guint16) year;
          latest->month = 0;
          latest->day = 0;
          latest->precision = XINZHI_DATE_PRECISION_YEAR;
          g_free (*words);
          *words = g_strndup (p, length);
          best = year;
        }
    }
  return best;
}

/* ---- Kinds of paragraphs --------------------------------------------------------- */

static gboolean
ends_sentence (const char *text)
{
  gsize length = strlen (text);

  if (length == 0)
    return FALSE;
  if (strchr (".;,:!\"'", text[length - 1]) != NULL)
    return TRUE;
  return g_str_has_suffix (text, "。") || g_str_has_suffix (text, "！") ||
         g_str_has_suffix (text, "；") || g_str_has_suffix (text, "：") ||
         g_str_has_suffix (text, "”") || g_str_has_suffix (text, "’");
}

/* "(Web editor: …)", "(X, as an intern, also contributed to this video.)",
 * "Editor: …": notes on who made the page. */
static const char *
rule_credit (const char *text)
{
  gsize length = strlen (text);

  if (text[0] == '(' && text[length - 1] == ')' && length < 300 &&
      (contains_ci (text, "editor") || contains_ci (text, "contributed") ||
       contains_ci (text, "reporting by") || contains_ci (text, "translated")))
    return "editor-note";
  if ((has_prefix_ci (text, "editor:") || has_prefix_ci (text, "reporter:") ||
       has_prefix_ci (text, "translated by") || has_prefix_ci (text, "edited by")) &&
      length < 200)
    return "editor-note";
  return NULL;
}

/* A photo caption: "… [Photo/Xinhua]", "… /Xinhua" (a credit after a slash), or
 * "Photo: …". */
static const char *
rule_caption (const char *text)
{
  gsize length = strlen (text);
  const char *slash = strrchr (text, '/');

  if (length > 400)
    return NULL;
  if (strstr (text, "[Photo") != NULL || strstr (text, "[photo") != NULL ||
      has_prefix_ci (text, "photo:") || has_prefix_ci (text, "file photo"))
    return "photo-credit";
  /* ". /Xinhua": a slash after the sentence, then one or two capitalized words. */
  if (slash != NULL && slash - text >= 2 && (slash[-1] == ' ' || slash[-1] == '.') &&
      g_ascii_isupper (slash[1]) && strlen (slash) < 30 && strchr (slash, '.') == NULL &&
      strchr (slash, ':') == NULL)
    return "photo-credit";
  return NULL;
}

/* A line that is only a date, or a byline "By …" with a date or an outlet. */
static const char *
rule_dateline (const char *text)
{
  XinzhiDate date;
  gsize start, length;
  gsize text_length = strlen (text);

  if (text_length > 160)
    return NULL;
  if (has_prefix_ci (text, "by ") && g_ascii_isupper (text[3]) &&
      (strchr (text, '(') != NULL || xinzhi_extract_find_date (text, &date, &start, &length)))
    return "byline-line";
  if (xinzhi_extract_find_date (text, &date, &start, &length) &&
      date.precision == XINZHI_DATE_PRECISION_DAY &&
      text_length - length < 40 && !ends_sentence (text))
    return "date-line";
  return NULL;
}

/* A subheading: a short line that does not end as a sentence does. */
static const char *
rule_heading (const char *text)
{
  glong chars = g_utf8_strlen (text, -1);

  if (chars <= 100 && !ends_sentence (text))
    return "short-line";
  return NULL;
}

/* ---- Paragraphs ------------------------------------------------------------------ */

static void
add_dropped (XinzhiExtraction *self,
             const char       *text,
             const char       *rule)
{
  XinzhiExtractDropped dropped = { g_strdup (text), rule };

  g_array_append_val (self->dropped, dropped);
}

/* @rule, when not %NULL, is the kind the markup gave the block (a Markdown or HTML
 * heading, an HTML figure caption): the furniture rules still run first. */
static void
add_block (XinzhiExtraction  *self,
           GHashTable        *kept,
           const char        *text,
           XinzhiExtractKind  kind,
           const char        *rule_of_markup)
{
  XinzhiExtractParagraph paragraph = { 0 };
  const char *rule;

  if (*text == '\0')
    return;

  for (guint i = 0; i < G_N_ELEMENTS (furniture_rules); i++)
    {
      rule = furniture_rules[i] (text);
      if (rule != NULL)
        {
          add_dropped (self, text, rule);
          return;
        }
    }
  if (g_hash_table_contains (kept, text))
    {
      add_dropped (self, text, "repeated");
      return;
    }

  paragraph.kind = XINZHI_EXTRACT_BODY;
  paragraph.rule = "text-block";
  if (rule_of_markup != NULL)
    {
      paragraph.kind = kind;
      paragraph.rule = rule_of_markup;
    }
  else if ((rule = rule_credit (text)) != NULL)
    {
      paragraph.kind = XINZHI_EXTRACT_CREDIT;
      paragraph.rule = rule;
    }
  else if ((rule = rule_caption (text)) != NULL)
    {
      paragraph.kind = XINZHI_EXTRACT_CAPTION;
      paragraph.rule = rule;
    }
  else if ((rule = rule_dateline (text)) != NULL)
    {
      paragraph.kind = XINZHI_EXTRACT_DATELINE;
      paragraph.rule = rule;
    }
  else if ((rule = rule_heading (text)) != NULL)
    {
      paragraph.kind = XINZHI_EXTRACT_HEADING;
      paragraph.rule = rule;
    }
  paragraph.text = g_strdup (text);
  g_array_append_val (self->paragraphs, paragraph);
  g_hash_table_add (kept, g_strdup (text));
}

/* A paragraph of the format holds at most 100,000 characters: a longer block (a text
 * with no blank lines) is cut at the last space before that, into several. */
#define MAX_PARAGRAPH_CHARS 100000

/**
 * xinzhi_extract_add_text:
 * @kept: the blocks kept so far (a set of strings it owns), for the rule "repeated"
 * @kind: with @rule: the kind the markup gave the block
 * @rule: (nullable): the name of the markup's rule, or %NULL to let the text rules
 *   give the kind
 *
 * Adds one block of text: cut if longer than a paragraph may be, tried against the
 * furniture rules, then given a kind.  The text, Markdown and HTML readers all add
 * their blocks here, so that one set of rules runs on all of them.
 */
void
xinzhi_extract_add_text (XinzhiExtraction  *self,
                         GHashTable        *kept,
                         const char        *text,
                         XinzhiExtractKind  kind,
                         const char        *rule)
{
  while (g_utf8_strlen (text, MAX_PARAGRAPH_CHARS + 1) > MAX_PARAGRAPH_CHARS)
    {
      const char *limit = g_utf8_offset_to_pointer (text, MAX_PARAGRAPH_CHARS);
      const char *cut = limit;
      g_autofree char *piece = NULL;

      while (cut > text && *cut != ' ')
        cut--;
      if (cut == text)
        cut = limit;
      piece = g_strndup (text, (gsize) (cut - text));
      add_block (self, kept, g_strstrip (piece), XINZHI_EXTRACT_BODY, NULL);
      text = *cut == ' ' ? cut + 1 : cut;
    }
  add_block (self, kept, text, kind, rule);
}

static gboolean
is_list_item (const char *line)
{
  return ((line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') ||
         (g_ascii_isdigit (line[0]) && line[1] == '.' && line[2] == ' ');
}

/**
 * xinzhi_extract_paragraphs:
 *
 * Blocks separated by blank lines are paragraphs, their lines joined by a space; a line
 * repeated at once (a caption under a photo shown twice) is dropped as "repeated".  In
 * Markdown a heading and each item of a list is a paragraph of its own.  Each block is
 * tried against the furniture rules, then given a kind.
 */
void
xinzhi_extract_paragraphs (XinzhiExtraction *self,
                           const char       *text,
                           gboolean          markdown)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) block = g_string_new (NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *previous = NULL;

  for (guint i = 0; ; i++)
    {
      const char *raw = lines[i];
      g_autofree char *line = raw != NULL ? g_strstrip (g_strdup (raw)) : NULL;
      gboolean heading = FALSE;

      if (line != NULL && markdown && *line != '\0')
        {
          char *reduced;
          gboolean item = is_list_item (line);

          reduced = reduce_markdown (line, &heading);
          g_free (line);
          line = reduced;
          /* A heading or a list item ends the block before it and is one of its own. */
          if (heading || item)
            {
              xinzhi_extract_add_text (self, kept, block->str, XINZHI_EXTRACT_BODY, NULL);
              g_string_truncate (block, 0);
              g_clear_pointer (&previous, g_free);
              xinzhi_extract_add_text (self, kept, line, XINZHI_EXTRACT_HEADING,
                                       heading ? "markdown-heading" : NULL);
              continue;
            }
        }

      if (line == NULL || *line == '\0')
        {
          xinzhi_extract_add_text (self, kept, block->str, XINZHI_EXTRACT_BODY, NULL);
          g_string_truncate (block, 0);
          g_clear_pointer (&previous, g_free);
          if (line == NULL)
            break;
          continue;
        }

      if (previous != NULL && g_str_equal (previous, line))
        {
          add_dropped (self, line, "repeated");
          continue;
        }
      if (block->len > 0)
        g_string_append_c (block, ' ');
      g_string_append (block, line);
      g_free (previous);
      previous = g_strdup (line);
    }
}

/* ---- Metadata -------------------------------------------------------------------- */

static void
remove_paragraph (XinzhiExtraction *self,
                  guint             index)
{
  g_array_remove_index (self->paragraphs, index);
}

/* The headline: a heading before the first body paragraph; else the opening words of
 * the text, cut with "…". */
static void
find_title (XinzhiExtraction *self)
{
  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      XinzhiExtractParagraph *p = &g_array_index (self->paragraphs, XinzhiExtractParagraph, i);

      if (p->kind == XINZHI_EXTRACT_BODY)
        break;
      if (p->kind == XINZHI_EXTRACT_HEADING)
        {
          self->title = g_steal_pointer (&p->text);
          self->title_rule = "first-heading";
          remove_paragraph (self, i);
          return;
        }
    }

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      XinzhiExtractParagraph *p = &g_array_index (self->paragraphs, XinzhiExtractParagraph, i);
      const char *cut;
      glong chars;

      if (p->kind != XINZHI_EXTRACT_BODY)
        continue;
      chars = g_utf8_strlen (p->text, -1);
      self->title_rule = "opening-words";
      if (chars <= 90)
        {
          self->title = g_strdup (p->text);
          return;
        }
      cut = g_utf8_offset_to_pointer (p->text, 90);
      /* Back to the end of a word, where there are spaces. */
      for (const char *q = cut; q > p->text + 40; q--)
        if (*q == ' ')
          {
            cut = q;
            break;
          }
      while (cut > p->text && (cut[-1] == ',' || cut[-1] == ' '))
        cut--;
      self->title = g_strdup_printf ("%.*s…", (int) (cut - p->text), p->text);
      return;
    }
}

/* "By A, B and C (Outlet) 19:37, …": the names before the parenthesis or the date. */
static void
find_byline (XinzhiExtraction *self)
{
  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      XinzhiExtractParagraph *p = &g_array_index (self->paragraphs, XinzhiExtractParagraph, i);
      g_autoptr(GPtrArray) names = NULL;
      g_autofree char *list = NULL;
      g_auto(GStrv) parts = NULL;
      const char *end;

      if (p->kind != XINZHI_EXTRACT_DATELINE || !has_prefix_ci (p->text, "by "))
        continue;
      end = p->text + 3;
      while (*end != '\0' && *end != '(' && !g_ascii_isdigit (*end) && *end != '|')
        end++;
      list = g_strstrip (g_strndup (p->text + 3, end - p->text - 3));
      parts = g_regex_split_simple ("\\s*,\\s*|\\s+and\\s+", list, 0, 0);
      names = g_ptr_array_new ();
      for (guint j = 0; parts[j] != NULL; j++)
        if (g_ascii_isupper (parts[j][0]) && strlen (parts[j]) < 60)
          g_ptr_array_add (names, g_strdup (parts[j]));
      g_ptr_array_add (names, NULL);
      if (names->len > 1)
        self->byline = (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
      else
        g_ptr_array_free (g_steal_pointer (&names), TRUE);
      return;
    }
}

/* Words in parentheses that name an outlet: capitalized, short, not a year. */
static char *
outlet_in_parentheses (const char *text,
                       const char *after_pattern)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *pattern = g_strdup_printf ("\\(([A-Z][A-Za-z'’&. ]{1,60})\\)%s", after_pattern);

  regex = g_regex_new (pattern, 0, 0, NULL);
  if (g_regex_match (regex, text, 0, &match))
    return g_match_info_fetch (match, 1);
  return NULL;
}

static void
set_outlet (XinzhiExtraction *self,
            char             *outlet,
            const char       *rule,
            const char       *evidence)
{
  self->outlet = outlet;
  self->outlet_rule = rule;
  self->outlet_evidence = g_strdup (evidence);
}

/* The outlet: a news agency's dateline "CITY, March 5 (Xinhua) --", a byline's
 * "(People's Daily Online)", a press release's "SOURCE: …", or "© Outlet". */
static void
find_outlet (XinzhiExtraction *self)
{
  for (guint i = 0; i < self->paragraphs->len && i < 4; i++)
    {
      XinzhiExtractParagraph *p = &g_array_index (self->paragraphs, XinzhiExtractParagraph, i);
      char *outlet;

      if (p->kind == XINZHI_EXTRACT_BODY &&
          (outlet = outlet_in_parentheses (p->text, "\\s*(--|—|–)")) != NULL)
        {
          set_outlet (self, outlet, "agency-dateline", p->text);
          return;
        }
      if (p->kind == XINZHI_EXTRACT_DATELINE &&
          (outlet = outlet_in_parentheses (p->text, "")) != NULL)
        {
          set_outlet (self, outlet, "byline-parenthesis", p->text);
          return;
        }
    }
  for (guint i = 0; i < self->dropped->len; i++)
    {
      XinzhiExtractDropped *d = &g_array_index (self->dropped, XinzhiExtractDropped, i);

      if (g_str_has_prefix (d->text, "SOURCE:"))
        {
          set_outlet (self, g_strstrip (g_strdup (d->text + strlen ("SOURCE:"))),
                      "source-line", d->text);
          return;
        }
    }
  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      XinzhiExtractParagraph *p = &g_array_index (self->paragraphs, XinzhiExtractParagraph, i);

      if (p->kind != XINZHI_EXTRACT_BODY && g_str_has_prefix (p->text, "© "))
        {
          g_autofree char *rest = g_strdup (p->text + strlen ("© "));
          char *q = rest;

          while (*q != '\0' && (g_ascii_isdigit (*q) || *q == ' '))
            q++;
          if (*q != '\0')
            {
              set_outlet (self, g_strstrip (g_strdup (q)), "copyright-line", p->text);
              return;
            }
        }
    }
}

/* An address the format takes as a document's url (the loader's check_url()): http
 * or https, a valid URI, no white space or other control, at most 1,000 characters. */
gboolean
xinzhi_extract_url_acceptable (const char *url)
{
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7F)
      return FALSE;
  return (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")) &&
         strlen (url) > strlen ("https://") + 1 && g_utf8_validate (url, -1, NULL) &&
         g_utf8_strlen (url, -1) <= 1000 && g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

/* "URL: https://…": the article's own address, from the line rule_url_line() left
 * out. */
static void
find_url (XinzhiExtraction *self)
{
  for (guint i = 0; i < self->dropped->len; i++)
    {
      const XinzhiExtractDropped *d = &g_array_index (self->dropped, XinzhiExtractDropped, i);
      g_autofree char *url = NULL;

      if (!g_str_equal (d->rule, "url-line"))
        continue;
      url = g_strstrip (g_strdup (strchr (d->text, ':') + 1));
      if (xinzhi_extract_url_acceptable (url))
        {
          self->url = g_steal_pointer (&url);
          return;
        }
    }
}

/**
 * xinzhi_extract_is_agency_dateline:
 * @text: a paragraph
 *
 * Returns: whether @text opens with a news agency's dateline, "BEIJING, March 5
 *   (Xinhua) --": the article's date, not an event it reports
 */
gboolean
xinzhi_extract_is_agency_dateline (const char *text)
{
  /* Compiled once for every extraction thread (a GRegex is immutable): compiled at
   * each paragraph, it took 41 M of an import's 515 M instructions (bench import). */
  static GRegex *dateline;

  if (g_once_init_enter_pointer (&dateline))
    g_once_init_leave_pointer (&dateline,
                               g_regex_new ("^[A-Z][A-Z .'-]+, [A-Z][a-z]+\\.? [0-9]{1,2}( \\([^)]+\\))? *(--|—|–)",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  return g_ascii_isupper (text[0]) && g_regex_match (dateline, text, 0, NULL);
}

/* The date.  A date line or a byline's date, or an agency dateline at the head of the
 * first paragraph ("BEIJING, March 5 (Xinhua) --"), states it: the words are its
 * date_text.  Words without a year give an estimate whose year is the latest the text
 * names; no date words give an estimate from the latest date the text (or a link it
 * gives) names, to the year (to the month for a link's address, a relayed item's). */
static void
find_date_of (XinzhiExtraction *self)
{
  XinzhiDate latest = { 0 };
  g_autofree char *latest_words = NULL;
  gboolean latest_in_link = FALSE;
  XinzhiDate undated = { 0 };
  g_autofree char *undated_words = NULL;

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      XinzhiExtractParagraph *p = &g_array_index (self->paragraphs, XinzhiExtractParagraph, i);
      XinzhiDate date = { 0 };
      gsize start, length;
      gboolean dateline;

      dateline = p->kind == XINZHI_EXTRACT_DATELINE ||
                 (p->kind == XINZHI_EXTRACT_BODY && i < 3 && xinzhi_extract_is_agency_dateline (p->text));
      if (!dateline || !xinzhi_extract_find_date (p->text, &date, &start, &length))
        continue;
      if (date.year != 0)
        {
          self->date = date;
          self->date_text = g_strndup (p->text + start, length);
          self->date_rule = p->kind == XINZHI_EXTRACT_DATELINE ? "date-line" : "agency-dateline";
          return;
        }
      if (undated_words == NULL)
        {
          undated = date;
          undated_words = g_strndup (p->text + start, length);
        }
    }

  for (guint i = 0; i < self->paragraphs->len; i++)
    latest_year (g_array_index (self->paragraphs, XinzhiExtractParagraph, i).text,
                 &latest, &latest_words);
  if (latest.year == 0)
    for (guint i = 0; i < self->dropped->len; i++)
      {
        const char *text = g_array_index (self->dropped, XinzhiExtractDropped, i).text;
        guint before = latest.year;

        latest_year (text, &latest, &latest_words);
        if (latest.year != before)
          latest_in_link = strstr (text, "http") != NULL;
      }

  self->date_estimated = TRUE;
  if (undated_words != NULL && latest.year != 0)
    {
      undated.year = latest.year;
      if (!g_date_valid_dmy (undated.day != 0 ? undated.day : 1, undated.month, undated.year))
        undated.day = 0, undated.precision = XINZHI_DATE_PRECISION_MONTH;
      self->date = undated;
      self->date_rule = "dateline-without-year";
      self->date_note = g_strdup_printf (_("The dateline says “%s” without a year; the year is the latest the text names (“%s”)."),
                                         undated_words, latest_words);
      return;
    }
  if (latest.year != 0)
    {
      self->date = latest;
      self->date_rule = latest_in_link ? "date-in-link" : "latest-date-named";
      if (latest_in_link)
        {
          if (self->date.precision == XINZHI_DATE_PRECISION_DAY)
            self->date.day = 0, self->date.precision = XINZHI_DATE_PRECISION_MONTH;
          self->date_note = g_strdup_printf (_("The text gives no date of its own; a link it gives, to another item, is dated “%s”, so it is placed in that month, an estimate."),
                                             latest_words);
        }
      else
        {
          self->date.month = 0;
          self->date.day = 0;
          self->date.precision = XINZHI_DATE_PRECISION_YEAR;
          self->date_note = g_strdup_printf (_("The text gives no date of its own; the latest it names is “%s”, so it is placed in that year, an estimate."),
                                             latest_words);
        }
      return;
    }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    self->date.year = (guint16) g_date_time_get_year (now);
    self->date.precision = XINZHI_DATE_PRECISION_YEAR;
    self->date_rule = "no-date-named";
    self->date_note = g_strdup (_("The text names no date and no year; it is placed in the year it was extracted."));
  }
}

/* Chinese when more than a third of the letters are Han characters. */
static void
find_language (XinzhiExtraction *self)
{
  gsize han = 0, letters = 0;

  for (guint i = 0; i < self->paragraphs->len; i++)
    for (const char *p = g_array_index (self->paragraphs, XinzhiExtractParagraph, i).text;
         *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
          han++, letters++;
        else if (g_unichar_isalpha (c))
          letters++;
      }
  if (letters > 0 && han * 3 > letters)
    self->language = "zh";
}

/**
 * xinzhi_extract_metadata:
 *
 * Title, byline, outlet, address, date and language, each by the rules above.
 */
void
xinzhi_extract_metadata (XinzhiExtraction *self)
{
  find_title (self);
  find_byline (self);
  find_outlet (self);
  find_url (self);
  find_date_of (self);
  find_language (self);
}

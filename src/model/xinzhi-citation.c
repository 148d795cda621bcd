/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "xinzhi-citation.h"

/* Citations of quotes, for pasting into notes and papers.  Unlike a reference manager's
 * annotation, a citation names who said the words and in what role, as the article gives
 * it, then where and when it was published:
 *
 *   “Innovation is the core,” — Li Yuju, deputy director of the centre. Test Daily,
 *   “A test article”, 7 March 2024. https://example.org/a
 *
 * A citation is one line.  The Markdown form escapes the corpus text, so that the words
 * come out as written whatever they contain, and links the outlet to the original.
 *
 * Its typography is the language's: the marks around the words and the title, and the
 * punctuation between the parts, are translatable.  In Chinese a title goes in 《》
 * and the date reads 2024年3月7日.  Marks of the same kind inside the words or the
 * title become the inner marks (“…‘…’…” in English, 《…〈…〉…》 in Chinese), so that a
 * title that begins with a quotation mark never gets a doubled one. */

/* Characters that Markdown reads as syntax anywhere in a line: CommonMark's emphasis,
 * code, links and raw HTML, and the tables and strikethrough of GitHub's dialect. */
static const char inline_specials[] = "\\`*_[]<>|~";

/* Whether @p, just after an '&', would make an entity reference such as "&amp;" or
 * "&#42;", which Markdown would turn into a character. */
static gboolean
starts_entity (const char *p)
{
  const char *q = p;

  while (g_ascii_isalnum (*q) || (*q == '#' && q == p))
    q++;

  return q > p && *q == ';';
}

static void
append_markdown_text (GString    *out,
                      const char *text,
                      gboolean    line_start)
{
  const char *p = text;

  if (line_start)
    {
      /* Leading blanks would make an indented code block, and they show as nothing. */
      while (*p == ' ' || *p == '\t')
        p++;

      /* A heading, a block quote, a list item, a thematic break or a setext underline. */
      if (*p == '#' || *p == '>' || *p == '-' || *p == '+' || *p == '=')
        {
          g_string_append_c (out, '\\');
        }
      else if (g_ascii_isdigit (*p))
        {
          const char *q = p;

          /* An ordered list item: "1." or "1)". */
          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
            }
        }
    }

  for (; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        g_string_append_c (out, ' ');
      else if (strchr (inline_specials, *p) != NULL)
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '&' && starts_entity (p + 1))
        g_string_append (out, "\\&");
      else
        g_string_append_c (out, *p);
    }
}

static char *
escape_markdown (const char *text,
                 gboolean    line_start)
{
  GString *out = g_string_sized_new (strlen (text) + 16);

  append_markdown_text (out, text, line_start);
  return g_string_free (out, FALSE);
}

/* A link destination: the characters that would end it or break it, percent-encoded. */
static char *
escape_link_destination (const char *url)
{
  GString *out = g_string_sized_new (strlen (url) + 8);

  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '(' || *p == ')' || *p == '<' || *p == '>' || *p == '\\' ||
          (guchar) *p < 0x20)
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* A role may end with a full stop of its own ("Ltd."); the citation adds none then.  A
 * Chinese citation ends the part with 。 whatever the English text ends with. */
static const char *
sentence_end (const char *text)
{
  /* Translators: in a citation, the full stop after the speaker's name and role */
  const char *stop = C_("citation", ".");

  return g_str_has_suffix (text, stop) ? "" : stop;
}

/* The marks around a quotation or a title, and the ones that replace them inside it. */
typedef struct
{
  gunichar open;
  gunichar close;
  gunichar inner_open;
  gunichar inner_close;
} Marks;

/* Reads @spec, four characters: the opening and closing marks, then the inner ones. */
static Marks
parse_marks (const char *spec)
{
  static const Marks english = { 0x201C, 0x201D, 0x2018, 0x2019 };
  Marks marks;
  const char *p = spec;

  if (!g_utf8_validate (spec, -1, NULL) || g_utf8_strlen (spec, -1) != 4)
    {
      g_warning ("Citation marks “%s” are not four characters: the translation is wrong", spec);
      return english;
    }

  marks.open = g_utf8_get_char (p);
  marks.close = g_utf8_get_char (p = g_utf8_next_char (p));
  marks.inner_open = g_utf8_get_char (p = g_utf8_next_char (p));
  marks.inner_close = g_utf8_get_char (g_utf8_next_char (p));
  return marks;
}

/* Double quotation marks of every script: those that open, those that close, and
 * those that may do either. */
static const gunichar opening_doubles[] = { 0x201C, 0x201E, 0x201F, 0x00AB, 0x300C, 0x300E, 0x301D };
static const gunichar closing_doubles[] = { 0x201D, 0x00BB, 0x300D, 0x300F, 0x301E, 0x301F };
static const gunichar either_doubles[] = { '"', 0xFF02 };

static gboolean
is_one_of (gunichar        c,
           const gunichar *set,
           gsize           n)
{
  for (gsize i = 0; i < n; i++)
    if (set[i] == c)
      return TRUE;
  return FALSE;
}

#define IS_ONE_OF(c, set) is_one_of ((c), (set), G_N_ELEMENTS (set))

/* Whether a mark after @previous (0 at the start) opens a quotation: after a space,
 * a bracket, a dash or another opening mark. */
static gboolean
opens_after (gunichar previous)
{
  if (previous == 0 || g_unichar_isspace (previous))
    return TRUE;

  switch (g_unichar_type (previous))
    {
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
      return TRUE;
    default:
      return IS_ONE_OF (previous, opening_doubles) || previous == 0x2018;
    }
}

/* @text in @marks, the marks of the same kind inside it replaced by the inner ones:
 * any double quotation mark when the marks are double quotation marks, only the marks
 * themselves otherwise (《》 inside 《》 become 〈〉).  Among double marks, straight
 * single quotes that open and close a quotation are made curly like the inner marks;
 * an apostrophe ("What's", "farmers'") stays as written. */
static char *
quote_text (const char  *text,
            const Marks *marks)
{
  gboolean doubles = IS_ONE_OF (marks->open, opening_doubles) || IS_ONE_OF (marks->open, either_doubles);
  GString *out = g_string_sized_new (strlen (text) + 8);
  gunichar previous = 0;
  gboolean single_open = FALSE;

  g_string_append_unichar (out, marks->open);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));
      gunichar shown = c;

      if (c == marks->open)
        shown = marks->inner_open;
      else if (c == marks->close)
        shown = marks->inner_close;
      else if (doubles && IS_ONE_OF (c, opening_doubles))
        shown = marks->inner_open;
      else if (doubles && IS_ONE_OF (c, closing_doubles))
        shown = marks->inner_close;
      else if (doubles && IS_ONE_OF (c, either_doubles))
        shown = opens_after (previous) ? marks->inner_open : marks->inner_close;
      else if (doubles && c == '\'' && !single_open &&
               opens_after (previous) && next != 0 && !g_unichar_isspace (next))
        {
          shown = 0x2018;
          single_open = TRUE;
        }
      else if (doubles && c == '\'' && single_open &&
               !(g_unichar_isalnum (previous) && g_unichar_isalnum (next)))
        {
          shown = 0x2019;
          single_open = FALSE;
        }

      g_string_append_unichar (out, shown);
      previous = c;
    }
  g_string_append_unichar (out, marks->close);

  return g_string_free (out, FALSE);
}

/* The outlet as the text names it, or a note that it names none. */
static const char *
outlet_label (XinzhiDocument *document)
{
  const char *outlet = xinzhi_document_get_outlet (document);

  /* Translators: in a citation, in place of the outlet, when the article does not
   * name one */
  return outlet ? outlet : C_("citation", "Outlet not named");
}

/* "Li Yuju, deputy director of the centre", or the name alone. */
static char *
format_attribution (const char *name,
                    const char *role)
{
  if (role == NULL)
    return g_strdup (name);

  /* Translators: in a citation, the speaker's name and role as the article gives it */
  return g_strdup_printf (C_("citation", "%s, %s"), name, role);
}

static char *
format_citation (XinzhiQuote *quote,
                 gboolean     markdown)
{
  XinzhiPerson *person = xinzhi_quote_get_person (quote);
  XinzhiDocument *document = xinzhi_quote_get_document (quote);
  const char *url = xinzhi_document_get_url (document);
  g_autofree char *role = xinzhi_quote_dup_role (quote);
  g_autofree char *date = xinzhi_document_dup_date_label (document);
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped_name = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *title = NULL;
  g_autofree char *quoted_title = NULL;
  g_autofree char *citation = NULL;
  gboolean direct = xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT;
  /* Translators: the marks around the words of a direct quote in a citation: opening
   * and closing, then the two that replace them within the words.  Four characters */
  Marks quote_marks = parse_marks (C_("citation quote marks", "“”‘’"));
  /* Translators: the marks around an article's title in a citation: opening and
   * closing, then the two that replace them within the title; in Chinese 《》〈〉.
   * Four characters */
  Marks title_marks = parse_marks (C_("citation title marks", "“”‘’"));

  /* The marks go on before the escaping, which leaves them as they are. */
  if (direct)
    words = quote_text (xinzhi_quote_get_text (quote), &quote_marks);
  quoted_title = quote_text (xinzhi_document_get_title (document), &title_marks);

  if (markdown)
    {
      /* A paraphrase begins the line; a direct quote begins with its quotation mark. */
      text = escape_markdown (direct ? words : xinzhi_quote_get_text (quote), !direct);
      escaped_name = escape_markdown (xinzhi_person_get_name (person), FALSE);
      name = g_strdup_printf ("**%s**", escaped_name);
      if (role != NULL)
        {
          char *escaped_role = escape_markdown (role, FALSE);

          g_free (role);
          role = escaped_role;
        }
      outlet = escape_markdown (outlet_label (document), FALSE);
      if (url != NULL)
        {
          g_autofree char *destination = escape_link_destination (url);
          char *link = g_strdup_printf ("[%s](%s)", outlet, destination);

          g_free (outlet);
          outlet = link;
        }
      title = escape_markdown (quoted_title, FALSE);
    }
  else
    {
      text = g_strdup (direct ? words : xinzhi_quote_get_text (quote));
      name = g_strdup (xinzhi_person_get_name (person));
      outlet = g_strdup (outlet_label (document));
      title = g_steal_pointer (&quoted_title);
    }

  if (direct)
    {
      g_free (words);
      words = g_steal_pointer (&text);
    }
  else if (markdown)
    /* Translators: in a Markdown citation, reported speech, marked as such; keep the
     * asterisks, which make the mark italic */
    words = g_strdup_printf (C_("citation", "%s *(paraphrase)*"), text);
  else
    /* Translators: in a citation, reported speech, marked as such */
    words = g_strdup_printf (C_("citation", "%s (paraphrase)"), text);

  attribution = format_attribution (name, role);

  /* Translators: a citation of a quote: 1. the words, 2. the speaker with their role,
   * 3. a full stop unless the role ends with one, 4. the outlet, 5. the article's
   * title in its marks (see "citation title marks"), 6. the date of publication */
  citation = g_strdup_printf (C_("citation", "%1$s — %2$s%3$s %4$s, %5$s, %6$s."),
                              words, attribution, sentence_end (attribution),
                              outlet, title, date);

  /* In Markdown the outlet links to the original; in plain text the address follows. */
  if (!markdown && url != NULL)
    {
      char *with_url = g_strconcat (citation, " ", url, NULL);

      g_free (citation);
      citation = with_url;
    }

  return g_steal_pointer (&citation);
}

/**
 * xinzhi_citation_format_plain:
 * @quote: a quote
 *
 * Formats a citation of @quote as one line of plain text: the words (in quotation marks
 * for a direct quote, marked "(paraphrase)" otherwise), the speaker and their role as
 * the article gives it, the outlet (or a note that the article names none), the
 * article's title, its date (marked when estimated), and its address when known.
 *
 * Returns: (transfer full): the citation
 */
char *
xinzhi_citation_format_plain (XinzhiQuote *quote)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (quote), NULL);

  return format_citation (quote, FALSE);
}

/**
 * xinzhi_citation_format_markdown:
 * @quote: a quote
 *
 * Formats a citation of @quote as one line of Markdown, as
 * xinzhi_citation_format_plain() does, with the speaker in bold and the outlet linked to
 * the article's address when known.  Corpus text is escaped with backslashes, so that
 * Markdown shows it as written.
 *
 * Returns: (transfer full): the citation
 */
char *
xinzhi_citation_format_markdown (XinzhiQuote *quote)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (quote), NULL);

  return format_citation (quote, TRUE);
}

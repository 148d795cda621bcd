/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Sentences and words, for the extractor's rules that read a sentence at a time: the
 * quote rules (xinzhi-extract-quotes.c) and the candidate events
 * (xinzhi-extract-events.c).
 */
#include "config.h"

#include <string.h>

#include "xinzhi-extract-private.h"

typedef XinzhiExtractSpan Span;

/**
 * xinzhi_extract_word_in_list:
 * @word: a word, not NUL-terminated
 * @length: its length in bytes
 * @list: (array length=n): words
 *
 * Returns: whether @word is one of @list, exactly
 */
gboolean
xinzhi_extract_word_in_list (const char  *word,
                             gsize        length,
                             const char **list,
                             guint        n)
{
  for (guint i = 0; i < n; i++)
    if (strlen (list[i]) == length && strncmp (list[i], word, length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_abbreviation (const char *text,
                 gsize       dot)
{
  static const char *words[] = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "No", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Gen", "Gov", "Sen", "Rep", "Inc",
    "Co", "Ltd", "vs", "U.S", "e.g", "i.e",
  };
  gsize s = dot;

  while (s > 0 && (g_ascii_isalpha (text[s - 1]) || text[s - 1] == '.'))
    s--;
  if (dot - s == 1 && g_ascii_isupper (text[s]))
    return TRUE;
  return xinzhi_extract_word_in_list (text + s, dot - s, words, G_N_ELEMENTS (words));
}

/* Whether the closing mark at @at, @length bytes long, ends a sentence: a full stop,
 * ! or ? before it, and after it a space and a word that does not start in lower
 * case. */
static gboolean
quote_ends_sentence (const char *t,
                     gsize       at,
                     gsize       length)
{
  gsize j = at + length;
  gboolean stop = at > 0 && strchr (".!?", t[at - 1]) != NULL && t[at - 1] != '\0';

  if (!stop && at >= 3)
    stop = strncmp (t + at - 3, "。", 3) == 0 || strncmp (t + at - 3, "！", 3) == 0 ||
           strncmp (t + at - 3, "？", 3) == 0;
  if (!stop || t[j] != ' ')
    return FALSE;
  while (t[j] == ' ')
    j++;
  return t[j] != '\0' && !g_ascii_islower (t[j]);
}

/**
 * xinzhi_extract_sentences:
 * @t: a paragraph
 *
 * Sentences: a . ! ? outside quotation marks, followed by a space and not by a
 * lower-case word, or a 。！？; quoted text never ends one, but a closing mark after
 * one of them does (see quote_ends_sentence()).
 *
 * Returns: (transfer full): the sentences, as #XinzhiExtractSpan, in order
 */
GArray *
xinzhi_extract_sentences (const char *t)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (Span));
  gsize length = strlen (t);
  gsize start = 0;
  gboolean in_straight = FALSE;
  int depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      gboolean end = FALSE;
      gsize after = i + 1;

      if (t[i] == '"')
        {
          in_straight = !in_straight;
          if (!in_straight && depth == 0)
            end = quote_ends_sentence (t, i, 1);
        }
      else if (strncmp (t + i, "“", 3) == 0 || strncmp (t + i, "「", 3) == 0)
        depth++;
      else if ((strncmp (t + i, "”", 3) == 0 || strncmp (t + i, "」", 3) == 0) && depth > 0)
        {
          depth--;
          if (depth == 0 && !in_straight && quote_ends_sentence (t, i, 3))
            {
              end = TRUE;
              after = i + 3;
            }
        }
      else if (depth == 0 && !in_straight && (t[i] == '.' || t[i] == '!' || t[i] == '?'))
        {
          gsize j = i + 1;

          while (t[j] == ' ')
            j++;
          end = (t[j] == '\0' || (j > i + 1 && !g_ascii_islower (t[j]))) &&
                !(t[i] == '.' && is_abbreviation (t, i));
        }
      else if (depth == 0 && !in_straight &&
               (strncmp (t + i, "。", 3) == 0 || strncmp (t + i, "！", 3) == 0 ||
                strncmp (t + i, "？", 3) == 0))
        {
          end = TRUE;
          after = i + 3;
        }

      if (end || after >= length)
        {
          Span s = { start, after };

          if (end && after < length)
            {
              i = after - 1;
            }
          while (s.start < s.end && t[s.start] == ' ')
            s.start++;
          if (s.end > s.start)
            g_array_append_val (sentences, s);
          start = after;
          if (after >= length)
            break;
        }
    }
  return sentences;
}

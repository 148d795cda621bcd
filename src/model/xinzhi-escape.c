/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Text from a file (a corpus's titles and ids, a notes file's ids, a file's name) goes
 * into messages that a terminal or an alert shows.  Control characters in it would act
 * instead of showing: a carriage return or an escape sequence can erase a line of the
 * terminal and print a forged one, and a bidirectional control can reverse the words
 * around it.  Every message the command line prints and every alert the window shows is
 * passed through xinzhi_escape_controls() first.
 */
#include "config.h"

#include <string.h>

#include "xinzhi-escape.h"

/* The characters that act rather than show: the controls (Unicode's Cc: C0, DEL and
 * C1) and the bidirectional controls (the Bidi_Control property). */
static gboolean
is_hidden_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         c == 0x061c || c == 0x200e || c == 0x200f ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/**
 * xinzhi_escape_controls:
 * @text: a message, in UTF-8 or not
 * @flags: whether line feeds stay
 *
 * Writes each control character of @text as `\uXXXX` (U+001B as `\u001B`, U+202E as
 * `\u202E`) and each byte that is not UTF-8 as `\xXX`, so that the message shows
 * every character and none acts.  Everything else is kept as it is, so escaping twice
 * changes nothing more.
 *
 * Returns: (transfer full): the escaped text
 */
char *
xinzhi_escape_controls (const char        *text,
                        XinzhiEscapeFlags  flags)
{
  GString *escaped;
  const char *p, *end;

  g_return_val_if_fail (text != NULL, NULL);

  end = text + strlen (text);
  escaped = g_string_sized_new (end - text);
  for (p = text; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (escaped, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }

      if (is_hidden_control (c) && !(c == '\n' && (flags & XINZHI_ESCAPE_KEEP_NEWLINES)))
        g_string_append_printf (escaped, "\\u%04X", c);
      else
        g_string_append_len (escaped, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (escaped, FALSE);
}

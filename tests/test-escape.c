/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-escape.h"

/* The controls (C0, DEL, C1) and the bidirectional controls are written out; every other
 * character stays, whatever its script. */
static void
test_escape (void)
{
  static const struct {
    const char        *text;
    XinzhiEscapeFlags  flags;
    const char        *expected;
  } cases[] = {
    { "plain: 新质生产力, “quoted”", XINZHI_ESCAPE_DEFAULT, "plain: 新质生产力, “quoted”" },
    { "", XINZHI_ESCAPE_DEFAULT, "" },
    /* A title that erases its line and prints a forged summary. */
    { "x\r\x1b[2Kfile.json: valid corpus", XINZHI_ESCAPE_DEFAULT,
      "x\\u000D\\u001B[2Kfile.json: valid corpus" },
    { "one\ntwo", XINZHI_ESCAPE_DEFAULT, "one\\u000Atwo" },
    { "one\ntwo\r", XINZHI_ESCAPE_KEEP_NEWLINES, "one\ntwo\\u000D" },
    { "\t\x01\x1f\x7f", XINZHI_ESCAPE_DEFAULT, "\\u0009\\u0001\\u001F\\u007F" },
    /* C1: NEL, CSI, the last one. */
    { "\xc2\x85\xc2\x9b\xc2\x9f", XINZHI_ESCAPE_DEFAULT, "\\u0085\\u009B\\u009F" },
    /* U+00A0, just past C1, is a character. */
    { "\xc2\xa0", XINZHI_ESCAPE_DEFAULT, "\xc2\xa0" },
    /* The bidirectional controls, each of them. */
    { "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x80\xae", XINZHI_ESCAPE_DEFAULT,
      "\\u202A\\u202B\\u202C\\u202D\\u202E" },
    { "\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9", XINZHI_ESCAPE_KEEP_NEWLINES,
      "\\u2066\\u2067\\u2068\\u2069" },
    { "a\xe2\x80\x8e" "b\xe2\x80\x8f" "c\xd8\x9c", XINZHI_ESCAPE_DEFAULT, "a\\u200Eb\\u200Fc\\u061C" },
    /* Their neighbours are not controls: U+200D (a joiner in emoji), U+2029, U+2065 (unassigned). */
    { "\xe2\x80\x8d\xe2\x80\xa9\xe2\x81\xa5", XINZHI_ESCAPE_DEFAULT, "\xe2\x80\x8d\xe2\x80\xa9\xe2\x81\xa5" },
    /* Bytes that are not UTF-8, one by one. */
    { "name\xff\xfe.json", XINZHI_ESCAPE_DEFAULT, "name\\xFF\\xFE.json" },
    { "cut \xe6\x96", XINZHI_ESCAPE_DEFAULT, "cut \\xE6\\x96" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = xinzhi_escape_controls (cases[i].text, cases[i].flags);
      g_autofree char *twice = xinzhi_escape_controls (escaped, cases[i].flags);

      if (g_strcmp0 (escaped, cases[i].expected) != 0)
        g_test_fail_printf ("case %u: “%s”, not “%s”", i, escaped, cases[i].expected);
      /* Escaping again changes nothing more. */
      if (g_strcmp0 (twice, escaped) != 0)
        g_test_fail_printf ("case %u: escaped twice, “%s”", i, twice);
      g_assert_true (g_utf8_validate (escaped, -1, NULL));
    }
}

/* Every code point below U+3000: exactly the controls and the bidirectional controls
 * change, each into its \uXXXX. */
static void
test_every_character (void)
{
  for (gunichar c = 1; c < 0x3000; c++)
    {
      char text[8] = { 0 };
      g_autofree char *escaped = NULL;
      gboolean control = g_unichar_type (c) == G_UNICODE_CONTROL ||
                         c == 0x061c || c == 0x200e || c == 0x200f ||
                         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

      if (c >= 0xd800 && c <= 0xdfff)
        continue;
      g_unichar_to_utf8 (c, text);
      escaped = xinzhi_escape_controls (text, XINZHI_ESCAPE_DEFAULT);
      if (control)
        {
          g_autofree char *expected = g_strdup_printf ("\\u%04X", c);

          if (g_strcmp0 (escaped, expected) != 0)
            g_test_fail_printf ("U+%04X: “%s”", c, escaped);
        }
      else if (g_strcmp0 (escaped, text) != 0)
        g_test_fail_printf ("U+%04X was changed to “%s”", c, escaped);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/escape/cases", test_escape);
  g_test_add_func ("/escape/every-character", test_every_character);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xinzhi-json.h"

/* Parses @text (not NUL-terminated for the parser: it gets exactly the bytes). */
static XinzhiJson *
parse (const char       *text,
       XinzhiJsonError  *error,
       guint            *line,
       guint            *column,
       const char      **reason)
{
  gsize size = strlen (text);

  return xinzhi_json_parse (g_memdup2 (text, size), size, NULL, NULL, error, line, column, reason);
}

static XinzhiJson *
parse_ok (const char *text)
{
  XinzhiJsonError error;
  guint line, column;
  const char *reason = NULL;
  XinzhiJson *json = parse (text, &error, &line, &column, &reason);

  if (json == NULL)
    g_error ("“%s” did not parse: %u:%u: %s", text, line, column, reason);
  return json;
}

static void
test_values (void)
{
  g_autoptr(XinzhiJson) json =
    parse_ok (" {\"s\": \"plain\", \"e\": \"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u4e2d\\ud83d\\ude00\","
              " \"i\": -42, \"big\": 12345678901234567890, \"d\": 1.5e3, \"z\": 0,"
              " \"t\": true, \"f\": false, \"n\": null, \"a\": [1, [2, {}], []], \"o\": {\"x\": {\"y\": \"deep\"}}} \n");
  const XinzhiJsonNode *root = xinzhi_json_get_root (json);
  const XinzhiJsonNode *a, *element, *key;
  guint i;

  g_assert_cmpint (xinzhi_json_node_get_type (root), ==, XINZHI_JSON_OBJECT);
  g_assert_cmpuint (xinzhi_json_node_get_length (root), ==, 11);
  g_assert_cmpstr (xinzhi_json_node_get_string (xinzhi_json_object_get_member (root, "s")), ==, "plain");
  g_assert_cmpstr (xinzhi_json_node_get_string (xinzhi_json_object_get_member (root, "e")), ==,
                   "a\"b\\c/d\n\t\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80");
  g_assert_cmpint (xinzhi_json_node_get_int (xinzhi_json_object_get_member (root, "i")), ==, -42);
  /* Too large for 64 bits: a number, not a whole one. */
  g_assert_cmpint (xinzhi_json_node_get_type (xinzhi_json_object_get_member (root, "big")), ==, XINZHI_JSON_DOUBLE);
  g_assert_cmpint (xinzhi_json_node_get_type (xinzhi_json_object_get_member (root, "d")), ==, XINZHI_JSON_DOUBLE);
  g_assert_cmpint (xinzhi_json_node_get_int (xinzhi_json_object_get_member (root, "z")), ==, 0);
  g_assert_true (xinzhi_json_node_get_boolean (xinzhi_json_object_get_member (root, "t")));
  g_assert_false (xinzhi_json_node_get_boolean (xinzhi_json_object_get_member (root, "f")));
  g_assert_cmpint (xinzhi_json_node_get_type (xinzhi_json_object_get_member (root, "n")), ==, XINZHI_JSON_NULL);
  g_assert_null (xinzhi_json_object_get_member (root, "missing"));

  /* Stepping over nested values. */
  a = xinzhi_json_object_get_member (root, "a");
  g_assert_cmpuint (xinzhi_json_node_get_length (a), ==, 3);
  XINZHI_JSON_FOREACH_ELEMENT (a, i, element)
    {
      static const XinzhiJsonType types[] = { XINZHI_JSON_INT, XINZHI_JSON_ARRAY, XINZHI_JSON_ARRAY };

      g_assert_cmpint (xinzhi_json_node_get_type (element), ==, types[i]);
    }
  g_assert_cmpstr (xinzhi_json_node_get_string (
                     xinzhi_json_object_get_member (
                       xinzhi_json_object_get_member (xinzhi_json_object_get_member (root, "o"), "x"), "y")),
                   ==, "deep");

  /* Members in the file's order, and the one after a nested value found. */
  {
    static const char * const names[] = { "s", "e", "i", "big", "d", "z", "t", "f", "n", "a", "o" };

    XINZHI_JSON_FOREACH_MEMBER (root, i, key)
      g_assert_cmpstr (xinzhi_json_node_get_string (key), ==, names[i]);
    g_assert_cmpuint (i, ==, G_N_ELEMENTS (names));
  }
}

static void
test_top_level (void)
{
  g_autoptr(XinzhiJson) number = parse_ok ("7");
  g_autoptr(XinzhiJson) string = parse_ok ("\"x\"");
  g_autoptr(XinzhiJson) empty = parse_ok ("[]");

  g_assert_cmpint (xinzhi_json_node_get_int (xinzhi_json_get_root (number)), ==, 7);
  g_assert_cmpstr (xinzhi_json_node_get_string (xinzhi_json_get_root (string)), ==, "x");
  g_assert_cmpuint (xinzhi_json_node_get_length (xinzhi_json_get_root (empty)), ==, 0);
}

/* Everything RFC 8259 does not allow, with the place and the reason. */
static void
test_errors (void)
{
  static const struct {
    const char *text;
    guint       line, column;
    const char *reason;
  } cases[] = {
    { "{\"a\": 1,}", 1, 9, "expected a member name in quotes" },
    { "[1, 2,]", 1, 7, "expected a value" },
    { "{'a': 1}", 1, 2, "expected a member name in quotes" },
    { "{\"a\" 1}", 1, 6, "expected “:” after a member name" },
    { "{\"a\": 1 \"b\": 2}", 1, 9, "expected “,” or “}”" },
    { "[1 2]", 1, 4, "expected “,” or “]”" },
    { "[01]", 1, 3, "expected “,” or “]”" },
    { "[+1]", 1, 2, "expected a value" },
    { "[.5]", 1, 2, "expected a value" },
    { "[1.]", 1, 2, "a number is not written correctly" },
    { "[1e]", 1, 2, "a number is not written correctly" },
    { "[NaN]", 1, 2, "expected a value" },
    { "[tru]", 1, 2, "expected a value" },
    { "// comment\n{}", 1, 1, "expected a value" },
    { "\"a\nb\"", 1, 3, "a control character in a string must be written as an escape" },
    { "\"\\x\"", 1, 1, "a string holds an invalid escape" },
    { "\"\\ud83d\"", 1, 1, "a string holds an invalid escape" },
    { "\"\\ude00\"", 1, 1, "a string holds an invalid escape" },
    { "\"\\u12G4\"", 1, 1, "a string holds an invalid escape" },
    { "\"open", 1, 1, "a string is not closed" },
    { "{\"a\": [1,\n  2", 2, 4, "the file ends before an array is closed" },
    { "{\"a\": ", 1, 7, "the file ends in the middle of a value" },
    { "{", 1, 2, "the file ends before an object is closed" },
    { "{} {}", 1, 4, "more text follows the value" },
    { "\"中文\" x", 1, 6, "more text follows the value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      XinzhiJsonError error;
      guint line = 0, column = 0;
      const char *reason = NULL;
      g_autoptr(XinzhiJson) json = parse (cases[i].text, &error, &line, &column, &reason);

      g_test_message ("%s", cases[i].text);
      g_assert_null (json);
      g_assert_cmpint (error, ==, XINZHI_JSON_ERROR_SYNTAX);
      g_assert_cmpstr (reason, ==, cases[i].reason);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_cmpuint (column, ==, cases[i].column);
    }
}

static void
test_empty (void)
{
  XinzhiJsonError error;
  guint line, column;
  const char *reason;

  g_assert_null (parse (" \n\t ", &error, &line, &column, &reason));
  g_assert_cmpint (error, ==, XINZHI_JSON_ERROR_EMPTY);
  g_assert_null (parse ("", &error, &line, &column, &reason));
  g_assert_cmpint (error, ==, XINZHI_JSON_ERROR_EMPTY);
}

static gboolean
stop_cb (gsize    offset,
         gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
  return FALSE;
}

/* The progress function hears how far the parse has come, and can stop it. */
static void
test_cancel (void)
{
  g_autoptr(GString) text = g_string_new ("[");
  XinzhiJsonError error;
  guint line, column, calls = 0;
  const char *reason;
  XinzhiJson *json;

  for (guint i = 0; i < 10000; i++)
    g_string_append (text, i ? ", {\"k\": 1}" : "{\"k\": 1}");
  g_string_append (text, "]");

  json = xinzhi_json_parse (g_strndup (text->str, text->len), text->len, stop_cb, &calls,
                            &error, &line, &column, &reason);
  g_assert_null (json);
  g_assert_cmpint (error, ==, XINZHI_JSON_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/values", test_values);
  g_test_add_func ("/json/top-level", test_top_level);
  g_test_add_func ("/json/errors", test_errors);
  g_test_add_func ("/json/empty", test_empty);
  g_test_add_func ("/json/cancel", test_cancel);

  return g_test_run ();
}

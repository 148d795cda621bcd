/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* Runs the xinzhi binary with @argv and no display, as a script or CI would. */
static int
run (const char * const  *args,
     char               **out,
     char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("XINZHI_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);

  return g_subprocess_get_exit_status (process);
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_check_valid (void)
{
  g_autofree char *path = data_file ("minimal.json");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, path));
  g_assert_nonnull (strstr (out, "valid corpus “Minimal test corpus”: 1 documents, 1 people, 2 sectors, 1 events, 1 quotes"));
  g_assert_cmpstr (err, ==, "");
}

static void
test_check_invalid (void)
{
  g_autofree char *path = data_file ("bad/dangling-person.json");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: $.quotes[0].person: there is no person with the id “nobody”\n", path);

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
}

static void
test_check_builtin (void)
{
  const char *args[] = { "--export", "documents", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  /* The built-in corpus loads from the binary's resources, without a display. */
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 5);
}

static void
test_export_csv (void)
{
  g_autofree char *path = data_file ("minimal.json");
  const char *args[] = { "--corpus", path, "--export", "sectors", "--format", "csv", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "\"id\",\"name\",\"name_zh\",\"group\",\"terms\",\"mentions\",\"documents\",\"first_mention\"");
  g_assert_cmpstr (lines[1], ==, "\"ai\",\"Artificial intelligence\",\"人工智能\",\"future\",\"AI; artificial intelligence; 人工智能\",\"3\",\"1\",\"2024-03-07\"");
  g_assert_cmpstr (lines[3], ==, "");
}

static void
test_export_errors (void)
{
  const char *bad_kind[] = { "--export", "planets", NULL };
  const char *bad_format[] = { "--export", "quotes", "--format", "xml", NULL };
  g_autofree char *path = data_file ("bad/empty.json");
  const char *bad_corpus[] = { "--corpus", path, "--export", "quotes", NULL };
  g_autofree char *out1 = NULL, *err1 = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run (bad_kind, &out1, &err1), ==, 2);
  g_assert_nonnull (strstr (err1, "“planets” is not a kind to export"));
  g_assert_cmpint (run (bad_format, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "“xml” is not an export format"));
  g_assert_cmpint (run (bad_corpus, &out3, &err3), ==, 1);
  g_assert_nonnull (strstr (err3, "empty.json: the file is empty"));
  g_assert_cmpstr (out3, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/valid", test_check_valid);
  g_test_add_func ("/cli/check/invalid", test_check_invalid);
  g_test_add_func ("/cli/export/builtin", test_check_builtin);
  g_test_add_func ("/cli/export/csv", test_export_csv);
  g_test_add_func ("/cli/export/errors", test_export_errors);

  return g_test_run ();
}

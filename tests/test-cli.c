/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
  g_assert_cmpstr (lines[0], ==, "\"id\",\"name\",\"name_zh\",\"group\",\"terms\",\"mentions\",\"documents\","
                   "\"first_dated_mention\",\"first_dated_mention_certain\",\"undated_documents\"");
  g_assert_cmpstr (lines[1], ==, "\"ai\",\"Artificial intelligence\",\"人工智能\",\"future\",\"AI; artificial intelligence; 人工智能\",\"3\",\"1\","
                   "\"2024-03-07\",\"true\",\"0\"");
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

/* Runs --check on @path and checks its one message, exactly, and its exit status. */
static void
assert_check_message (const char *path,
                      const char *message)
{
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: %s\n", path, message);

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("xinzhi-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A 100 MB file is refused by its size, at once and without reading it.  It is made
 * here, sparse, never kept in the tree. */
static void
test_check_huge (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  gint64 start;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "{\"format\": \"xinzhi-corpus\", ", 27), ==, 27);
  g_assert_cmpint (ftruncate (fd, (off_t) 100 * 1000 * 1000), ==, 0);
  close (fd);

  start = g_get_monotonic_time ();
  assert_check_message (path, "the file is 96 MiB; files larger than 64 MiB are not read");
  g_test_message ("refused in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_remove (path);
  g_rmdir (dir);
}

/* A folder, a pipe and a device in place of a corpus: refused before opening, so the
 * pipe cannot block and the device cannot fill memory. */
static void
test_check_not_a_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);

  assert_check_message (dir, "is a folder, not a corpus file");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_check_message (fifo, "is not a regular file (a pipe, socket or device)");
  g_remove (fifo);
  g_rmdir (dir);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    assert_check_message ("/dev/zero", "is not a regular file (a pipe, socket or device)");
}

static void
test_check_missing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "nowhere.json", NULL);

  assert_check_message (path, "cannot be read: there is no such file");
  g_rmdir (dir);
}

/* Only meaningful for a user whom permissions stop: root reads any file. */
static void
test_check_unreadable (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "locked.json", NULL);
  g_autofree char *minimal = data_file ("minimal.json");
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (minimal, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);

  if (access (path, R_OK) == 0)
    g_test_skip ("running as a user whom file permissions do not stop (root)");
  else
    assert_check_message (path, "cannot be read: permission denied");

  g_chmod (path, 0600);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/valid", test_check_valid);
  g_test_add_func ("/cli/check/invalid", test_check_invalid);
  g_test_add_func ("/cli/check/huge", test_check_huge);
  g_test_add_func ("/cli/check/not-a-file", test_check_not_a_file);
  g_test_add_func ("/cli/check/missing", test_check_missing);
  g_test_add_func ("/cli/check/unreadable", test_check_unreadable);
  g_test_add_func ("/cli/export/builtin", test_check_builtin);
  g_test_add_func ("/cli/export/csv", test_export_csv);
  g_test_add_func ("/cli/export/errors", test_export_errors);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xinzhi-notes.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("xinzhi-notes-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static XinzhiNotes *
notes_at (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return xinzhi_notes_new (file);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "notes.json", NULL);
  g_autoptr(XinzhiNotes) notes = notes_at (path);
  g_autoptr(XinzhiNotes) again = notes_at (path);
  g_autoptr(GError) error = NULL;

  /* No file yet is no notes, not an error. */
  g_assert_true (xinzhi_notes_load (notes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (xinzhi_notes_get_n_items (notes), ==, 0);

  xinzhi_notes_set_starred (notes, "quote", "q1", TRUE);
  xinzhi_notes_set_note (notes, "event", "e1", "Check the date “in December”");
  xinzhi_notes_set_note (notes, "document", "d1", "<b>not markup</b>");
  xinzhi_notes_set_starred (notes, "quote", "q2", TRUE);
  xinzhi_notes_set_starred (notes, "quote", "q2", FALSE);
  g_assert_cmpuint (xinzhi_notes_get_n_items (notes), ==, 3);
  g_assert_true (xinzhi_notes_save (notes, &error));
  g_assert_no_error (error);

  g_assert_true (xinzhi_notes_load (again, &error));
  g_assert_no_error (error);
  g_assert_true (xinzhi_notes_get_starred (again, "quote", "q1"));
  g_assert_false (xinzhi_notes_get_starred (again, "quote", "q2"));
  g_assert_cmpstr (xinzhi_notes_get_note (again, "event", "e1"), ==, "Check the date “in December”");
  g_assert_cmpstr (xinzhi_notes_get_note (again, "document", "d1"), ==, "<b>not markup</b>");
  g_assert_cmpuint (xinzhi_notes_get_n_items (again), ==, 3);
}

/* A damaged file is kept aside, reported, and never overwritten silently. */
static void
test_damaged_kept_aside (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(XinzhiNotes) notes = notes_at (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean found = FALSE;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"xinzhi-notes\", \"vers", -1, NULL));
  g_assert_false (xinzhi_notes_load (notes, &error));
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "was kept as"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    if (g_str_has_prefix (name, "notes.json.damaged-"))
      {
        g_autofree char *aside = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, "{\"format\": \"xinzhi-notes\", \"vers");
        found = TRUE;
      }
  g_assert_true (found);

  /* New notes go to a fresh file. */
  xinzhi_notes_set_starred (notes, "event", "e", TRUE);
  g_assert_true (xinzhi_notes_save (notes, NULL));
}

/* Notes of a newer version are left alone and never overwritten. */
static void
test_newer_version (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(XinzhiNotes) notes = notes_at (path);
  g_autoptr(GError) error = NULL;
  const char *newer = "{\"format\": \"xinzhi-notes\", \"version\": 2, \"items\": []}";
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, newer, -1, NULL));
  g_assert_false (xinzhi_notes_load (notes, &error));
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_VERSION);
  g_clear_error (&error);
  g_assert_false (xinzhi_notes_get_writable (notes));

  xinzhi_notes_set_starred (notes, "quote", "q", TRUE);
  g_assert_false (xinzhi_notes_save (notes, &error));
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_VERSION);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, newer);
}

static void
test_import (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(XinzhiNotes) notes = notes_at (path);
  g_autoptr(XinzhiNotes) other = notes_at (path);
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;

  xinzhi_notes_set_note (notes, "quote", "q1", "mine");
  xinzhi_notes_set_note (other, "quote", "q1", "theirs");
  xinzhi_notes_set_starred (other, "event", "e1", TRUE);
  exported = xinzhi_notes_to_json (other);

  g_assert_true (xinzhi_notes_import (notes, exported, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (xinzhi_notes_get_note (notes, "quote", "q1"), ==, "theirs");
  g_assert_true (xinzhi_notes_get_starred (notes, "event", "e1"));

  /* An invalid import changes nothing. */
  g_assert_false (xinzhi_notes_import (notes, "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [{\"kind\": \"planet\", \"id\": \"x\"}]}", -1, &error));
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_INVALID);
  g_assert_cmpuint (xinzhi_notes_get_n_items (notes), ==, 2);
}

/* The child side of the crash test: saves ever larger notes until it is killed.  Note
 * "n" of version n holds n stars, so a reader can tell a whole version from a torn one. */
static void
save_loop (const char *path,
           int         ready_fd)
{
  g_autoptr(XinzhiNotes) notes = notes_at (path);

  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("q%u", n);
      g_autofree char *count = g_strdup_printf ("%u", n);

      xinzhi_notes_set_starred (notes, "quote", id, TRUE);
      xinzhi_notes_set_note (notes, "document", "count", count);
      g_assert_true (xinzhi_notes_save (notes, NULL));
      if (n == 1)
        {
          /* Started: from here on the parent kills at a random moment. */
          g_assert_cmpint (write (ready_fd, "1", 1), ==, 1);
          close (ready_fd);
        }
    }
}

/* Kills a process saving notes in a loop at random moments: the file on disk is always
 * a whole version, never a torn one, and it keeps growing. */
static void
test_survives_kill (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  guint last = 0;

  for (guint round = 0; round < 25; round++)
    {
      g_autoptr(XinzhiNotes) notes = notes_at (path);
      g_autoptr(GError) error = NULL;
      const char *count;
      char ready;
      int fds[2];
      pid_t pid;

      g_assert_cmpint (pipe (fds), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          close (fds[0]);
          save_loop (path, fds[1]);
          _exit (0);
        }
      close (fds[1]);

      /* Wait for the first save of the round (however slow the process is, e.g. under
       * valgrind), then kill at a random moment of the loop; the seed is g_test's. */
      g_assert_cmpint (read (fds[0], &ready, 1), ==, 1);
      close (fds[0]);
      g_usleep (g_test_rand_int_range (0, 40000));
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;

      g_assert_true (xinzhi_notes_load (notes, &error));
      g_assert_no_error (error);
      count = xinzhi_notes_get_note (notes, "document", "count");
      g_assert_nonnull (count);
      /* n stars and the count note: a whole version. */
      g_assert_cmpuint (xinzhi_notes_get_n_items (notes), ==, g_ascii_strtoull (count, NULL, 10) + 1);
      last = MAX (last, g_ascii_strtoull (count, NULL, 10));
    }

  g_test_message ("last whole version seen: %u", last);
  g_assert_cmpuint (last, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes/round-trip", test_round_trip);
  g_test_add_func ("/notes/damaged-kept-aside", test_damaged_kept_aside);
  g_test_add_func ("/notes/newer-version", test_newer_version);
  g_test_add_func ("/notes/import", test_import);
  g_test_add_func ("/notes/survives-kill", test_survives_kill);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Notes survive a crash: a child process saves notes in a loop and is killed with
 * SIGKILL at random moments, hundreds of times; after each kill the file on disk must be
 * the last version the child finished saving, or the one it was saving, whole.  The
 * same check run against a child that writes in place must catch torn files, or the
 * check proves nothing.
 *
 * Version n ≥ 1 of the notes holds the star qn, the note "count" = n and a long note
 * made from n: three items.  The child says "ready N" once it has read version N (0
 * when there is no file), then "saving N" before each save, which it starts when the
 * parent says go, and "saved N" when the save has returned.  The parent times one save
 * and kills the child at a random moment (fixed seed) within the next one, so the
 * kills fall inside saves, whatever the speed.
 * The child is forked rather than started afresh, so that a round costs milliseconds
 * and hundreds of rounds take seconds.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>

#include "xinzhi-notes.h"

/* Fixed, so that a failure can be replayed; the kill moments still depend on timing. */
#define SEED 20261125
#define ROUNDS 150
#define UNSAFE_ROUNDS 60

typedef enum
{
  FOUND_NOTHING,  /* no file */
  FOUND_WHOLE,    /* a whole version: old or new */
  FOUND_TORN,     /* anything else */
} Found;

/* A note long enough that a save takes many writes, its words a function of @version. */
static char *
notes_save_loop_filler (guint version)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 4000; i++)
    g_string_append_printf (text, "v%u.%u ", version, i);
  return g_string_free (text, FALSE);
}

static guint
notes_save_loop_get_version (XinzhiNotes *notes)
{
  const char *count = xinzhi_notes_get_note (notes, "document", "count");

  return count ? (guint) g_ascii_strtoull (count, NULL, 10) : 0;
}

/* Turns version @version - 1 of the notes into version @version. */
static void
notes_save_loop_make_version (XinzhiNotes *notes,
                              guint        version)
{
  g_autofree char *id = g_strdup_printf ("q%u", version);
  g_autofree char *previous = g_strdup_printf ("q%u", version - 1);
  g_autofree char *count = g_strdup_printf ("%u", version);
  g_autofree char *filler = notes_save_loop_filler (version);

  xinzhi_notes_set_starred (notes, "quote", previous, FALSE);
  xinzhi_notes_set_starred (notes, "quote", id, TRUE);
  xinzhi_notes_set_note (notes, "document", "filler", filler);
  xinzhi_notes_set_note (notes, "document", "count", count);
}

/* Whether @notes are exactly version @version, whole. */
static gboolean
notes_save_loop_is_version (XinzhiNotes *notes,
                            guint        version)
{
  g_autofree char *filler = notes_save_loop_filler (version);
  g_autofree char *id = g_strdup_printf ("q%u", version);

  return notes_save_loop_get_version (notes) == version &&
         xinzhi_notes_get_n_items (notes) == 3 &&
         xinzhi_notes_get_starred (notes, "quote", id) &&
         g_strcmp0 (xinzhi_notes_get_note (notes, "document", "filler"), filler) == 0;
}
static void
write_in_place (const char *path,
                const char *json)
{
  gsize length = strlen (json);
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  if (fd < 0)
    _exit (1);
  for (gsize done = 0; done < length; )
    {
      gssize n = write (fd, json + done, MIN (length - done, 512));

      if (n <= 0)
        _exit (1);
      done += n;
    }
  close (fd);
}

static void
say (int         out,
     const char *word,
     guint       version)
{
  char line[32];

  g_snprintf (line, sizeof line, "%s %u\n", word, version);
  if (write (out, line, strlen (line)) < 0)
    _exit (1);
}

/* Waits for the parent's go-ahead, a byte on @in. */
static void
wait_for_go (int in)
{
  char go;

  if (read (in, &go, 1) != 1)
    _exit (1);
}

/* The child: saves versions until it is killed, saying on @out when each save is about
 * to start (then waiting for the go-ahead on @in, so that the parent knows when it
 * starts) and when it has returned. */
G_GNUC_NORETURN static void
save_loop (const char *path,
           gboolean    unsafe,
           int         in,
           int         out)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiNotes) notes = xinzhi_notes_new (file);
  guint version;

  if (!xinzhi_notes_load (notes, NULL))
    _exit (1);
  version = notes_save_loop_get_version (notes);
  say (out, "ready", version);

  for (;;)
    {
      version++;
      notes_save_loop_make_version (notes, version);
      if (unsafe)
        {
          g_autofree char *json = xinzhi_notes_to_json (notes);

          say (out, "saving", version);
          wait_for_go (in);
          write_in_place (path, json);
        }
      else
        {
          say (out, "saving", version);
          wait_for_go (in);
          if (!xinzhi_notes_save (notes, NULL))
            _exit (1);
        }
      say (out, "saved", version);
    }
}

/* Reads the child's next line; "saved N" lines update @committed. */
static char *
read_line (GDataInputStream *in,
           guint            *committed)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line (in, NULL, NULL, &error);

  g_assert_no_error (error);
  if (line != NULL && (g_str_has_prefix (line, "saved ") || g_str_has_prefix (line, "ready ")))
    *committed = (guint) g_ascii_strtoull (strchr (line, ' ') + 1, NULL, 10);

  return line;
}

/* Forks a child that saves in a loop.  It times one whole save, then waits for the
 * next save to start and kills the child at a random moment within as long again
 * (@fraction of it, from 0 to 1), so that the kills fall inside saves however slow
 * the process is (under valgrind, say).  Returns the version the child last finished
 * saving. */
static guint
run_and_kill (const char *path,
              gboolean    unsafe,
              double      fraction)
{
  g_autoptr(GInputStream) pipe_in = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  guint committed = 0;
  gint64 started = 0, took = 0;
  int to_child[2], from_child[2];
  int status;
  pid_t pid;

  g_assert_cmpint (pipe (to_child), ==, 0);
  g_assert_cmpint (pipe (from_child), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (to_child[1]);
      close (from_child[0]);
      save_loop (path, unsafe, to_child[0], from_child[1]);
    }
  close (to_child[0]);
  close (from_child[1]);
  pipe_in = g_unix_input_stream_new (from_child[0], TRUE);
  in = g_data_input_stream_new (pipe_in);

  /* Let one save run, and time it from the go-ahead to its end. */
  while (took == 0)
    {
      g_autofree char *line = read_line (in, &committed);

      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "saving "))
        {
          g_assert_cmpint (write (to_child[1], "g", 1), ==, 1);
          started = g_get_monotonic_time ();
        }
      else if (g_str_has_prefix (line, "saved "))
        took = MAX (g_get_monotonic_time () - started, 1);
    }

  /* Start the next one and kill the child at a random moment within it. */
  for (;;)
    {
      g_autofree char *line = read_line (in, &committed);

      g_assert_nonnull (line);
      if (g_str_has_prefix (line, "saving "))
        break;
    }
  g_assert_cmpint (write (to_child[1], "g", 1), ==, 1);
  g_usleep ((gulong) (took * fraction));
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  close (to_child[1]);

  /* Everything it said before it died: the last "saved N" is its last save that
   * returned.  Each line is one write() to a pipe, shorter than PIPE_BUF, so the kill
   * cannot cut one short. */
  for (;;)
    {
      g_autofree char *line = read_line (in, &committed);

      if (line == NULL)
        break;
    }

  return committed;
}

/* What is on disk, without touching it (loading would move a damaged file aside). */
static Found
inspect (const char *path,
         guint       committed,
         guint      *version)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiNotes) notes = NULL;
  g_autoptr(GError) error = NULL;

  *version = 0;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FOUND_NOTHING;

  notes = xinzhi_notes_new_from_import (file, NULL, &error);
  if (notes == NULL)
    {
      g_test_message ("torn after version %u: %s", committed, error->message);
      return FOUND_TORN;
    }

  *version = notes_save_loop_get_version (notes);
  if ((*version != committed && *version != committed + 1) ||
      !notes_save_loop_is_version (notes, *version))
    {
      g_test_message ("after version %u the file holds something else (count %u)",
                      committed, *version);
      return FOUND_TORN;
    }

  return FOUND_WHOLE;
}

static char *
make_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-notes-kill-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "notes.json", NULL);
}

static void
test_atomic (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *path = make_path ();
  guint mid_save = 0, last = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      guint committed = run_and_kill (path, FALSE, g_rand_double_range (rand, 0, 1.0));
      guint version;
      Found found = inspect (path, committed, &version);

      if (found == FOUND_NOTHING)
        g_test_fail_printf ("round %u: no file after version %u was saved", round, committed);
      else if (found == FOUND_TORN)
        g_test_fail_printf ("round %u: the file is neither version %u nor %u, whole",
                            round, committed, committed + 1);
      else if (version == committed + 1)
        mid_save++;  /* killed after the rename, before it said so */
      last = MAX (last, version);

      if (g_test_failed ())
        return;
    }

  /* The temporary files of the saves that were cut short are gone once the notes are
   * loaded again (each round's load removed the one before's). */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(XinzhiNotes) notes = xinzhi_notes_new (file);
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr(GDir) listing = NULL;
    const char *name;

    g_assert_true (xinzhi_notes_load (notes, NULL));
    listing = g_dir_open (dir, 0, NULL);
    while ((name = g_dir_read_name (listing)) != NULL)
      if (!g_str_equal (name, "notes.json"))
        g_test_fail_printf ("left behind: %s", name);
  }

  g_test_message ("%u rounds, seed %u: %u versions saved, %u kills between the rename "
                  "and the report", ROUNDS, SEED, last, mid_save);
  /* Every round saved once, whole, before the save it was killed in. */
  g_assert_cmpuint (last, >=, ROUNDS);
}

/* The check catches a program that writes in place. */
static void
test_unsafe_caught (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *path = make_path ();
  guint torn = 0;

  for (guint round = 0; round < UNSAFE_ROUNDS; round++)
    {
      guint committed = run_and_kill (path, TRUE, g_rand_double_range (rand, 0, 1.0));
      guint version;

      if (inspect (path, committed, &version) == FOUND_TORN)
        {
          torn++;
          /* Start again from nothing, as the program would refuse the torn file. */
          g_assert_cmpint (g_remove (path), ==, 0);
        }
    }

  g_test_message ("writing in place: %u of %u kills left a torn file", torn, UNSAFE_ROUNDS);
  g_assert_cmpuint (torn, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes-kill/atomic", test_atomic);
  g_test_add_func ("/notes-kill/unsafe-caught", test_unsafe_caught);

  return g_test_run ();
}

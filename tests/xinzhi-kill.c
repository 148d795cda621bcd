/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the kill tests share (test-notes-kill.c, test-edit-kill.c): a child process,
 * forked so that a round costs milliseconds, writes a file in a loop and is killed
 * with SIGKILL at a random moment inside one of its writes; the parent learns from the
 * child's reports which version it last finished writing, so that it can tell what the
 * file may hold.  The parent times one whole write and kills within the next one, so
 * the kills fall inside writes however slow the process is (under valgrind, say).
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <gio/gunixinputstream.h>

#include "xinzhi-kill.h"

/**
 * xinzhi_kill_write_in_place:
 *
 * Writes @text over @path in place, 512 bytes a write(): what a careless program does,
 * for the check that the test catches a torn file.
 */
void
xinzhi_kill_write_in_place (const char *path,
                            const char *text)
{
  gsize length = strlen (text);
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  if (fd < 0)
    _exit (1);
  for (gsize done = 0; done < length; )
    {
      gssize n = write (fd, text + done, MIN (length - done, 512));

      if (n <= 0)
        _exit (1);
      done += n;
    }
  close (fd);
}

void
xinzhi_kill_say (int         out,
                 const char *word,
                 guint       version)
{
  char line[32];

  g_snprintf (line, sizeof line, "%s %u\n", word, version);
  if (write (out, line, strlen (line)) < 0)
    _exit (1);
}

/* Waits for the parent's go-ahead, a byte on @in. */
void
xinzhi_kill_wait_for_go (int in)
{
  char go;

  if (read (in, &go, 1) != 1)
    _exit (1);
}

/* Reads the child's next line; "saved N" and "ready N" lines update @committed. */
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

/**
 * xinzhi_kill_run:
 * @loop: the child's loop
 * @data: for @loop
 * @fraction: when to kill, from 0 to 1 of the time one write took
 *
 * Forks a child that runs @loop, lets one write run and times it, then starts the next
 * and kills the child at @fraction of that time into it.
 *
 * Returns: the version the child last finished writing
 */
guint
xinzhi_kill_run (XinzhiKillLoop loop,
                 gpointer       data,
                 double         fraction)
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
      loop (to_child[0], from_child[1], data);
      _exit (1);
    }
  close (to_child[0]);
  close (from_child[1]);
  pipe_in = g_unix_input_stream_new (from_child[0], TRUE);
  in = g_data_input_stream_new (pipe_in);

  /* Let one write run, and time it from the go-ahead to its end. */
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

  /* Everything it said before it died: the last "saved N" is its last write that
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xinzhi_read_file(): every kind of thing a chosen path can be gets its own message
 * (no such file, a symbolic link to none, a loop of links, permission denied, a
 * folder, a pipe, a device, a socket, too large), never a GLib critical (the tests run
 * with fatal warnings), and a pipe never blocks, not even one put in the file's place
 * between two steps of the reading.  xinzhi_read_file_with_progress() tells how far it
 * has come and stops at a cancel.
 */
#include "config.h"

/* For symlink() and link(). */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "xinzhi-read.h"
#include "xinzhi-test-access.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("xinzhi-read-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GBytes *
read_path (const char  *path,
           gsize        limit,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return xinzhi_read_file (file, limit, NULL, error);
}

static void
assert_refused (const char *path,
                GQuark      domain,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = read_path (path, 1024, &error);

  g_assert_null (bytes);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", path, error->message);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_regular (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "file.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autofree char *empty_path = g_build_filename (dir, "empty.json", NULL);

  g_assert_true (g_file_set_contents (path, "0123456789", -1, NULL));
  bytes = read_path (path, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "0123456789", 10);

  {
    g_autoptr(GBytes) none = read_path (path, 9, &error);

    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
    g_clear_error (&error);
  }

  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));
  empty = read_path (empty_path, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (empty), ==, 0);
}

/* Each thing that is not a readable file, by its own name. */
static void
test_not_files (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.json", NULL);
  g_autofree char *loop_a = g_build_filename (dir, "loop-a.json", NULL);
  g_autofree char *loop_b = g_build_filename (dir, "loop-b.json", NULL);
  g_autofree char *socket_path = g_build_filename (dir, "socket.json", NULL);
  g_autofree char *under_file = g_build_filename (dir, "file.json", "notes.json", NULL);
  g_autofree char *file = g_build_filename (dir, "file.json", NULL);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int sock;

  assert_refused (missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "there is no such file");

  g_assert_cmpint (symlink ("nowhere.json", dangling), ==, 0);
  assert_refused (dangling, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                  "it is a symbolic link to a file that does not exist");

  g_assert_cmpint (symlink ("loop-b.json", loop_a), ==, 0);
  g_assert_cmpint (symlink ("loop-a.json", loop_b), ==, 0);
  assert_refused (loop_a, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                  "too many levels of symbolic links (they may form a loop)");

  assert_refused (dir, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "is a folder, not a file");

  g_assert_true (g_file_set_contents (file, "{}", -1, NULL));
  assert_refused (under_file, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "a part of its path is not a folder");

  if (g_file_test ("/dev/null", G_FILE_TEST_EXISTS))
    assert_refused ("/dev/null", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "is a device, not a file");
  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    assert_refused ("/dev/zero", G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "is a device, not a file");

  sock = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (sock, >=, 0);
  g_strlcpy (address.sun_path, socket_path, sizeof address.sun_path);
  if (strlen (socket_path) < sizeof address.sun_path &&
      bind (sock, (struct sockaddr *) &address, sizeof address) == 0)
    assert_refused (socket_path, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "is a socket or a device, not a file");
  close (sock);
}

/* A folder that cannot be entered and a file that cannot be read: "permission denied",
 * where GIO's own checks gave two criticals and "not a regular file". */
static void
test_permission (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *closed = g_build_filename (dir, "closed", NULL);
  g_autofree char *inside = g_build_filename (closed, "corpus.json", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked.json", NULL);
  const char *denied = "permission denied (by the file or by a folder on its path)";
  int probe;

  g_assert_cmpint (g_mkdir (closed, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (locked, "{}", -1, NULL));
  g_assert_cmpint (g_chmod (closed, 0600), ==, 0);  /* readable, but not to be entered */
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);

  if (!xinzhi_test_access_begin ())
    {
      g_test_skip ("file permissions cannot be made to count here");
      goto out;
    }
  probe = open (locked, O_RDONLY);
  if (probe >= 0)
    {
      close (probe);
      xinzhi_test_access_end ();
      g_test_skip ("file permissions do not stop this process");
      goto out;
    }

  assert_refused (inside, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, denied);
  assert_refused (locked, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, denied);
  xinzhi_test_access_end ();

out:
  g_chmod (closed, 0700);
}

typedef struct
{
  char      *path;
  GMutex     lock;
  GCond      cond;
  gboolean   done;
  GError    *error;
  GBytes    *bytes;
} Reading;

static gpointer
read_thread (gpointer data)
{
  Reading *reading = data;
  GError *error = NULL;
  GBytes *bytes = read_path (reading->path, 1024, &error);

  g_mutex_lock (&reading->lock);
  reading->bytes = bytes;
  reading->error = error;
  reading->done = TRUE;
  g_cond_signal (&reading->cond);
  g_mutex_unlock (&reading->lock);
  return NULL;
}

/* A pipe with no one writing to it: refused at once.  Read in a thread, so that a
 * reading that blocks fails the test (and is let go by opening the pipe for writing)
 * rather than hanging it. */
static void
test_pipe (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  Reading reading = { .path = fifo };
  g_autoptr(GThread) thread = NULL;
  gint64 deadline, start;
  gboolean blocked = FALSE;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_mutex_init (&reading.lock);
  g_cond_init (&reading.cond);

  start = g_get_monotonic_time ();
  deadline = start + 2 * G_USEC_PER_SEC;
  thread = g_thread_new ("read", read_thread, &reading);
  g_mutex_lock (&reading.lock);
  while (!reading.done)
    if (!g_cond_wait_until (&reading.cond, &reading.lock, deadline))
      {
        int writer = open (fifo, O_WRONLY | O_NONBLOCK);

        blocked = TRUE;
        if (writer >= 0)
          close (writer);
        deadline += G_USEC_PER_SEC;
      }
  g_mutex_unlock (&reading.lock);
  g_thread_join (g_steal_pointer (&thread));

  g_test_message ("returned in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_false (blocked);
  g_assert_null (reading.bytes);
  g_assert_error (reading.error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (reading.error->message, ==, "is a pipe, not a file");

  g_clear_error (&reading.error);
  g_mutex_clear (&reading.lock);
  g_cond_clear (&reading.cond);
}

#define RACE_READS 2000

typedef struct
{
  char      *dir;
  char      *target;
  gint       stop;
  gint       swaps;          /* atomic */
  pthread_t  reader;
  GMutex     lock;
  gint64     reading_since;  /* monotonic, 0 when not reading; under the lock */
  guint      released;       /* readings the watchdog had to interrupt */
} Race;

static void
set_reading_since (Race   *race,
                   gint64  since)
{
  g_mutex_lock (&race->lock);
  race->reading_since = since;
  g_mutex_unlock (&race->lock);
}

/* Puts a fresh pipe in the target's place, then a fresh regular file, over and over,
 * as fast as it can. */
static gpointer
swap_thread (gpointer data)
{
  Race *race = data;
  g_autofree char *fifo = g_build_filename (race->dir, "fifo", NULL);
  g_autofree char *temp = g_build_filename (race->dir, "temp", NULL);

  while (!g_atomic_int_get (&race->stop))
    {
      int regular;

      g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
      g_assert_cmpint (rename (fifo, race->target), ==, 0);
      regular = open (temp, O_WRONLY | O_CREAT | O_EXCL, 0600);
      g_assert_cmpint (regular, >=, 0);
      g_assert_cmpint (write (regular, "{\"regular\": true}", 17), ==, 17);
      close (regular);
      g_assert_cmpint (rename (temp, race->target), ==, 0);
      g_atomic_int_inc (&race->swaps);
    }

  return NULL;
}

static void
interrupted (int signal_number)
{
}

/* Interrupts a reading that has waited for a second (for a pipe's writer): its open()
 * gives up with EINTR. */
static gpointer
watchdog_thread (gpointer data)
{
  Race *race = data;

  while (!g_atomic_int_get (&race->stop))
    {
      gint64 since;

      g_mutex_lock (&race->lock);
      since = race->reading_since;
      g_mutex_unlock (&race->lock);

      if (since != 0 && g_get_monotonic_time () - since > G_USEC_PER_SEC)
        {
          race->released++;
          pthread_kill (race->reader, SIGUSR1);
          g_usleep (100 * 1000);
        }
      g_usleep (10 * 1000);
    }

  return NULL;
}

/* Another program swaps a pipe and a regular file in a file's place while it is read,
 * thousands of times: every reading gives the file or "is a pipe", at once.  (Asking
 * what the file is and then opening it, as GIO does, blocks now and then: the pipe came
 * in between.) */
static void
test_pipe_swapped_in (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "corpus.json", NULL);
  Race race = { .dir = dir, .target = target, .reader = pthread_self () };
  struct sigaction action = { .sa_handler = interrupted }, old_action;
  g_autoptr(GThread) swapper = NULL;
  g_autoptr(GThread) watchdog = NULL;
  guint files = 0, pipes = 0, slow = 0;

  /* No SA_RESTART: an interrupted open() returns. */
  sigemptyset (&action.sa_mask);
  g_assert_cmpint (sigaction (SIGUSR1, &action, &old_action), ==, 0);
  g_mutex_init (&race.lock);
  g_assert_true (g_file_set_contents (target, "{\"regular\": true}", -1, NULL));
  swapper = g_thread_new ("swap", swap_thread, &race);
  watchdog = g_thread_new ("watchdog", watchdog_thread, &race);

  for (guint i = 0; i < RACE_READS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start;

      /* At a moment of the swapping that varies. */
      g_usleep (g_random_int_range (0, 40));
      start = g_get_monotonic_time ();
      set_reading_since (&race, start);
      bytes = read_path (target, 1024, &error);
      set_reading_since (&race, 0);
      if (g_get_monotonic_time () - start > G_USEC_PER_SEC)
        {
          /* It waited for a writer until the watchdog interrupted it. */
          slow++;
          continue;
        }

      if (bytes != NULL)
        {
          g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           "{\"regular\": true}", strlen ("{\"regular\": true}"));
          files++;
        }
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        pipes++;
      else
        g_test_fail_printf ("reading %u: %s", i, error->message);
    }

  g_atomic_int_set (&race.stop, 1);
  g_thread_join (g_steal_pointer (&swapper));
  g_thread_join (g_steal_pointer (&watchdog));
  g_mutex_clear (&race.lock);
  sigaction (SIGUSR1, &old_action, NULL);
  g_remove (target);
  g_rmdir (dir);

  g_test_message ("%u readings during %d swaps: %u files, %u pipes refused, %u blocked "
                  "(interrupted by the watchdog: %u)", RACE_READS, race.swaps, files, pipes,
                  slow, race.released);
  g_assert_cmpuint (slow, ==, 0);
  g_assert_cmpuint (race.released, ==, 0);
  /* Unless both were met, the race proved nothing: said so, not passed (under valgrind,
   * which runs one thread at a time, the readings tend to fall in one phase). */
  if (files == 0 || pipes == 0)
    g_test_skip ("the readings did not meet both a pipe and a file");
}

/* What the progress function was told, and when to cancel. */
typedef struct
{
  GArray       *done;
  gsize         total;
  GCancellable *cancellable;
  gsize         cancel_after;
} ReadWatch;

static void
read_progress_cb (gsize    done,
                  gsize    total,
                  gpointer user_data)
{
  ReadWatch *watch = user_data;

  g_array_append_val (watch->done, done);
  watch->total = total;
  if (watch->cancellable != NULL && done >= watch->cancel_after)
    g_cancellable_cancel (watch->cancellable);
}

/* A file of some 300 KB is read in pieces, each told; the figures grow to the file's
 * size, which is the total told.  A cancel after the first piece stops the reading at
 * the next: an error, no contents, and nothing more told. */
static void
test_progress (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "large.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *data = g_malloc (300001);
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) done_cancelled = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ReadWatch watch = { done, 0, NULL, 0 };
  ReadWatch cancel_watch = { done_cancelled, 0, cancellable, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) none = NULL;

  memset (data, 'x', 300001);
  g_assert_true (g_file_set_contents (path, data, 300001, NULL));

  bytes = xinzhi_read_file_with_progress (file, 1000000, NULL, read_progress_cb, &watch, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 300001);
  g_test_message ("%u figures", done->len);
  g_assert_cmpuint (done->len, >=, 2);
  for (guint i = 1; i < done->len; i++)
    g_assert_cmpuint (g_array_index (done, gsize, i), >, g_array_index (done, gsize, i - 1));
  g_assert_cmpuint (g_array_index (done, gsize, done->len - 1), ==, 300001);
  g_assert_cmpuint (watch.total, ==, 300001);

  none = xinzhi_read_file_with_progress (file, 1000000, cancellable, read_progress_cb, &cancel_watch, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (done_cancelled->len, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/read/regular", test_regular);
  g_test_add_func ("/read/progress", test_progress);
  g_test_add_func ("/read/not-files", test_not_files);
  g_test_add_func ("/read/permission", test_permission);
  g_test_add_func ("/read/pipe", test_pipe);
  g_test_add_func ("/read/pipe-swapped-in", test_pipe_swapped_in);

  return g_test_run ();
}

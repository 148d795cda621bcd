/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Two processes keep notes in one file at the same time, as the release and the Devel
 * build do, or two sessions of one person: each stars thirty quotes of its own and
 * removes the stars of five quotes noted before they started, saving after every
 * change, both at once.  Afterwards the file must hold all sixty new stars and none of
 * the ten removed ones: no process's note is lost, no removal undone.
 *
 * The processes are forked from the test, each with its own XinzhiNotes, and start
 * together on a signal from the parent.  Several rounds run, each on a fresh file.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xinzhi-notes.h"

#define ROUNDS 4
#define PER_PROCESS 30
#define SEEDED 10

/* A child: loads the notes, waits for the go-ahead on @go, then makes its changes,
 * saving after each.  Exits 0 when every save worked. */
G_GNUC_NORETURN static void
write_notes (const char *path,
             const char *name,
             guint       first_seed,
             int         go,
             guint       seed)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiNotes) notes = xinzhi_notes_new (file);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  char byte;

  if (!xinzhi_notes_load (notes, &error))
    {
      g_printerr ("%s: %s\n", name, error->message);
      _exit (1);
    }
  if (read (go, &byte, 1) != 1)
    _exit (1);

  for (guint i = 0; i < PER_PROCESS; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", name, i);

      xinzhi_notes_set_starred (notes, "quote", id, TRUE);
      if (i < SEEDED / 2)
        {
          g_autofree char *seeded = g_strdup_printf ("seeded-%u", first_seed + i);

          xinzhi_notes_set_starred (notes, "quote", seeded, FALSE);
        }
      if (!xinzhi_notes_save (notes, &error))
        {
          g_printerr ("%s: %s\n", name, error->message);
          _exit (1);
        }
      g_usleep (g_rand_int_range (rand, 0, 2000));
    }

  _exit (0);
}

static void
test_two_processes (void)
{
  guint lost = 0, revived = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("xinzhi-notes-merge-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(XinzhiNotes) seed = xinzhi_notes_new (file);
      g_autoptr(XinzhiNotes) result = xinzhi_notes_new (file);
      const char *names[] = { "release", "devel" };
      pid_t pids[2];
      int go[2];

      g_assert_no_error (error);
      for (guint i = 0; i < SEEDED; i++)
        {
          g_autofree char *id = g_strdup_printf ("seeded-%u", i);

          xinzhi_notes_set_starred (seed, "quote", id, TRUE);
        }
      xinzhi_notes_set_note (seed, "event", "untouched", "stays");
      g_assert_true (xinzhi_notes_save (seed, &error));
      g_assert_no_error (error);

      g_assert_cmpint (pipe (go), ==, 0);
      for (guint p = 0; p < 2; p++)
        {
          pids[p] = fork ();
          g_assert_cmpint (pids[p], >=, 0);
          if (pids[p] == 0)
            {
              close (go[1]);
              write_notes (path, names[p], p * (SEEDED / 2), go[0], round * 2 + p);
            }
        }
      close (go[0]);
      /* Both loaded or loading: go, together. */
      g_assert_cmpint (write (go[1], "gg", 2), ==, 2);
      close (go[1]);

      for (guint p = 0; p < 2; p++)
        {
          int status;

          g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
          g_assert_true (WIFEXITED (status));
          g_assert_cmpint (WEXITSTATUS (status), ==, 0);
        }

      g_assert_true (xinzhi_notes_load (result, &error));
      g_assert_no_error (error);
      for (guint p = 0; p < 2; p++)
        for (guint i = 0; i < PER_PROCESS; i++)
          {
            g_autofree char *id = g_strdup_printf ("%s-%u", names[p], i);

            if (!xinzhi_notes_get_starred (result, "quote", id))
              lost++;
          }
      for (guint i = 0; i < SEEDED; i++)
        {
          g_autofree char *id = g_strdup_printf ("seeded-%u", i);

          if (xinzhi_notes_get_starred (result, "quote", id))
            revived++;
        }
      g_assert_cmpstr (xinzhi_notes_get_note (result, "event", "untouched"), ==, "stays");
      g_test_message ("round %u: %u items in the file", round, xinzhi_notes_get_n_items (result));
    }

  g_test_message ("%u rounds of two processes saving %u stars each: %u stars lost, "
                  "%u removed stars back", ROUNDS, PER_PROCESS, lost, revived);
  g_assert_cmpuint (lost, ==, 0);
  g_assert_cmpuint (revived, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes-merge/two-processes", test_two_processes);

  return g_test_run ();
}

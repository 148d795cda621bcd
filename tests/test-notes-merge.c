/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Two processes keep notes in one file at the same time, as the release and the Devel
 * build do, or two sessions of one person: each stars thirty quotes of its own and
 * removes the stars of five quotes noted before they started, saving after every
 * change, both at once.  Afterwards the file must hold all sixty new stars and none of
 * the ten removed ones: no process's note is lost, no removal undone.
 *
 * The processes are this program started again with --child, each with its own
 * XinzhiNotes, and start together when the parent writes to their standard input.
 * Several rounds run, each on a fresh file.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xinzhi-notes.h"

#define ROUNDS 4
#define PER_PROCESS 30
#define SEEDED 10

static const char *program;

/* A child: loads the notes, waits for the go-ahead on @go, then makes its changes,
 * saving after each.  Returns its exit status, 0 when every save worked. */
static int
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
      return 1;
    }
  if (read (go, &byte, 1) != 1)
    return 1;

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
          return 1;
        }
      g_usleep (g_rand_int_range (rand, 0, 2000));
    }

  return 0;
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
      GSubprocess *children[2];

      g_assert_no_error (error);
      for (guint i = 0; i < SEEDED; i++)
        {
          g_autofree char *id = g_strdup_printf ("seeded-%u", i);

          xinzhi_notes_set_starred (seed, "quote", id, TRUE);
        }
      xinzhi_notes_set_note (seed, "event", "untouched", "stays");
      g_assert_true (xinzhi_notes_save (seed, &error));
      g_assert_no_error (error);

      for (guint p = 0; p < 2; p++)
        {
          g_autofree char *first = g_strdup_printf ("%u", p * (SEEDED / 2));
          g_autofree char *seed_text = g_strdup_printf ("%u", round * 2 + p);

          children[p] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error,
                                          program, "--child", path, names[p], first, seed_text, NULL);
          g_assert_no_error (error);
        }
      /* Both started: go, together. */
      for (guint p = 0; p < 2; p++)
        {
          GOutputStream *in = g_subprocess_get_stdin_pipe (children[p]);

          g_assert_true (g_output_stream_write_all (in, "g", 1, NULL, NULL, &error));
          g_assert_true (g_output_stream_close (in, NULL, &error));
        }
      for (guint p = 0; p < 2; p++)
        {
          g_assert_true (g_subprocess_wait (children[p], NULL, &error));
          g_assert_true (g_subprocess_get_if_exited (children[p]));
          g_assert_cmpint (g_subprocess_get_exit_status (children[p]), ==, 0);
          g_object_unref (children[p]);
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
  /* A child: --child PATH NAME FIRST-SEEDED SEED */
  if (argc == 6 && g_str_equal (argv[1], "--child"))
    return write_notes (argv[2], argv[3], (guint) atoi (argv[4]), STDIN_FILENO,
                        (guint) atoi (argv[5]));

  program = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notes-merge/two-processes", test_two_processes);

  return g_test_run ();
}

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
 * and hundreds of rounds take seconds (xinzhi-kill.c).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xinzhi-kill.h"
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
/* The child: saves versions until it is killed, saying on @out when each save is about
 * to start (then waiting for the go-ahead on @in, so that the parent knows when it
 * starts) and when it has returned. */
typedef struct
{
  const char *path;
  gboolean    unsafe;
} Loop;

static void
save_loop (int      in,
           int      out,
           gpointer data)
{
  const char *path = ((Loop *) data)->path;
  gboolean unsafe = ((Loop *) data)->unsafe;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiNotes) notes = xinzhi_notes_new (file);
  guint version;

  if (!xinzhi_notes_load (notes, NULL))
    _exit (1);
  version = notes_save_loop_get_version (notes);
  xinzhi_kill_say (out, "ready", version);

  for (;;)
    {
      version++;
      notes_save_loop_make_version (notes, version);
      if (unsafe)
        {
          g_autofree char *json = xinzhi_notes_to_json (notes);

          xinzhi_kill_say (out, "saving", version);
          xinzhi_kill_wait_for_go (in);
          xinzhi_kill_write_in_place (path, json);
        }
      else
        {
          xinzhi_kill_say (out, "saving", version);
          xinzhi_kill_wait_for_go (in);
          if (!xinzhi_notes_save (notes, NULL))
            _exit (1);
        }
      xinzhi_kill_say (out, "saved", version);
    }
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
      Loop loop = { path, FALSE };
      guint committed = xinzhi_kill_run (save_loop, &loop, g_rand_double_range (rand, 0, 1.0));
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
      Loop loop = { path, TRUE };
      guint committed = xinzhi_kill_run (save_loop, &loop, g_rand_double_range (rand, 0, 1.0));
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

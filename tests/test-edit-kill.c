/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An edit of a corpus file survives a crash: a child process undoes and redoes an edit
 * in a loop (xinzhi_corpus_restore_file_async(), what win.undo and win.redo run) and is
 * killed with SIGKILL at random moments inside a write (xinzhi-kill.c); after each kill
 * the file must hold, whole, the text the child last finished writing or the one it
 * was writing.  The same check against a child that writes in place must catch torn
 * files, or the check proves nothing.
 *
 * Version n of the file is the built-in corpus as it is (n even) or with a space after
 * every line break (n odd): the same corpus, other bytes.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xinzhi-corpus.h"
#include "xinzhi-corpus-edit.h"
#include "xinzhi-kill.h"

#define SEED 20261206
#define ROUNDS 100
#define UNSAFE_ROUNDS 60

static char *texts[2];

typedef struct
{
  const char *path;
  gboolean    unsafe;
} Loop;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The child: writes versions until it is killed, from the version the file holds. */
static void
edit_loop (int      in,
           int      out,
           gpointer data)
{
  const Loop *loop = data;
  g_autoptr(GFile) file = g_file_new_for_path (loop->path);
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  guint version;

  if (!g_file_get_contents (loop->path, &contents, NULL, NULL))
    _exit (1);
  version = g_str_equal (contents, texts[1]) ? 1 : 0;
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (contents, strlen (contents));

    checksum = xinzhi_corpus_compute_checksum (bytes);
  }
  xinzhi_kill_say (out, "ready", version);

  for (;;)
    {
      const char *text = texts[++version % 2];

      xinzhi_kill_say (out, "saving", version);
      xinzhi_kill_wait_for_go (in);
      g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

      if (loop->unsafe)
        xinzhi_kill_write_in_place (loop->path, text);
      else
        {
          g_autoptr(GAsyncResult) result = NULL;
          g_autoptr(GBytes) written = NULL;

          xinzhi_corpus_restore_file_async (file, checksum, bytes, NULL, done_cb, &result);
          while (result == NULL)
            g_main_context_iteration (NULL, TRUE);
          written = xinzhi_corpus_edit_file_finish (result, NULL, NULL, NULL);
          if (written == NULL)
            _exit (1);
        }
      g_free (checksum);
      checksum = xinzhi_corpus_compute_checksum (bytes);
      xinzhi_kill_say (out, "saved", version);
    }
}

/* Whether the file holds version @committed or the next, whole. */
static gboolean
is_whole (const char *path,
          guint       committed)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;
  return g_str_equal (contents, texts[committed % 2]) || g_str_equal (contents, texts[(committed + 1) % 2]);
}

static char *
make_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-edit-kill-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "corpus.json", NULL);
  g_assert_true (g_file_set_contents (path, texts[0], -1, NULL));
  return path;
}

static void
remove_all (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (dir);
}

static void
test_atomic (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *path = make_path ();
  Loop loop = { path, FALSE };

  for (guint round = 0; round < ROUNDS; round++)
    {
      guint committed = xinzhi_kill_run (edit_loop, &loop, g_rand_double_range (rand, 0, 1.0));

      if (!is_whole (path, committed))
        {
          g_test_fail_printf ("round %u: the file is neither version %u nor %u, whole",
                              round, committed, committed + 1);
          break;
        }
    }

  /* And it is a corpus. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_file (file, NULL, &error);

    g_assert_no_error (error);
  }
  g_test_message ("%u rounds, seed %u", ROUNDS, SEED);
  remove_all (path);
}

/* The check catches a program that writes in place. */
static void
test_unsafe_caught (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree char *path = make_path ();
  Loop loop = { path, TRUE };
  guint torn = 0;

  for (guint round = 0; round < UNSAFE_ROUNDS; round++)
    {
      guint committed = xinzhi_kill_run (edit_loop, &loop, g_rand_double_range (rand, 0, 1.0));

      if (!is_whole (path, committed))
        {
          torn++;
          g_assert_true (g_file_set_contents (path, texts[0], -1, NULL));
        }
    }

  g_test_message ("writing in place: %u of %u kills left a torn file", torn, UNSAFE_ROUNDS);
  g_assert_cmpuint (torn, >, 0);
  remove_all (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *builtin = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  builtin = g_test_build_filename (G_TEST_DIST, "..", "data", "corpus", "xinzhi-corpus.json", NULL);
  g_assert_true (g_file_get_contents (builtin, &texts[0], NULL, NULL));
  lines = g_strsplit (texts[0], "\n", -1);
  texts[1] = g_strjoinv ("\n ", lines);

  g_test_add_func ("/edit-kill/atomic", test_atomic);
  g_test_add_func ("/edit-kill/unsafe-caught", test_unsafe_caught);

  status = g_test_run ();
  g_free (texts[0]);
  g_free (texts[1]);
  return status;
}

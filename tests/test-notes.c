/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "xinzhi-notes.h"
#include "xinzhi-test-access.h"

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
  /* Known at once, so that the app can say so before the person writes anything. */
  g_assert_error (xinzhi_notes_get_save_error (notes), XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_VERSION);
  g_assert_true (g_str_has_prefix (xinzhi_notes_get_save_error (notes)->message, path));

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

/* Imported files are checked strictly, and every message names the file and the place. */
static void
test_import_file_errors (void)
{
  static const struct {
    const char *json;
    const char *expect;
  } cases[] = {
    { "", ": the file is empty" },
    { "{\"format\": \"xinzhi-notes\",\n \"version\": 1,\n \"items\": [", ": not valid JSON: 3:" },
    { "[]", ": $.format: not a Xinzhi notes file" },
    { "{\"format\": \"xinzhi-notes\", \"version\": \"1\", \"items\": []}", ": $.version: missing, or not a whole number" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 2, \"items\": []}", ": $.version: notes of version 2" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": {}}", ": $.items: missing, or not an array" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [], \"extra\": 1}", ": $.extra: unknown member “extra”" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [3]}", ": $.items[0]: expected an object, found a number" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [{\"kind\": \"planet\", \"id\": \"x\"}]}", ": $.items[0]: needs a “kind” (quote, event, document) and an “id”" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [{\"kind\": \"quote\", \"id\": \"x\", \"starred\": \"yes\"}]}", ": $.items[0].starred: expected true or false, found a string" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [{\"kind\": \"quote\", \"id\": \"x\", \"note\": 5}]}", ": $.items[0].note: expected a string, found a number" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [{\"kind\": \"quote\", \"id\": \"x\", \"starred\": true, \"colour\": 1}]}", ": $.items[0].colour: unknown member “colour”" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [{\"kind\": \"quote\", \"id\": \"x\", \"starred\": true}, {\"kind\": \"quote\", \"id\": \"x\", \"note\": \"n\"}]}", ": $.items[1]: the quote “x” is already noted at $.items[0]" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [], \"x\": \"\xff\"}", ": the file is not UTF-8 text" },
    /* json-glib would cut the note at the NUL: refused, with the line and column. */
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [\n"
      "  {\"kind\": \"quote\", \"id\": \"x\", \"note\": \"before\\u0000after\"}]}",
      ": 2:47: “\\u0000” (the NUL character) cannot be kept in notes" },
    { "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": [\n"
      "  {\"kind\": \"quote\", \"id\": \"x\\u0000y\", \"starred\": true}]}",
      ": 2:29: “\\u0000” (the NUL character) cannot be kept in notes" },
  };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "import.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(XinzhiNotes) notes = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = g_strconcat (path, cases[i].expect, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_set_contents (path, cases[i].json, -1, NULL));
      notes = xinzhi_notes_new_from_import (file, NULL, &error);
      g_assert_null (notes);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      if (!g_str_has_prefix (error->message, expected))
        g_test_fail_printf ("case %u: “%s” does not start with “%s”", i, error->message, expected);
      g_clear_error (&error);

      /* Reading for import never moves or changes the file. */
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, cases[i].json);
    }

  notes = xinzhi_notes_new_from_import (folder, NULL, &error);
  g_assert_null (notes);
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, dir));
  g_assert_nonnull (strstr (error->message, ": is a folder, not a file"));
}

/* Merging adds what is new and replaces what both have; it keeps the rest. */
static void
test_merge (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "import.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiNotes) mine = notes_at (path);
  g_autoptr(XinzhiNotes) theirs = notes_at (path);
  g_autoptr(XinzhiNotes) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  xinzhi_notes_set_note (mine, "quote", "both", "mine");
  xinzhi_notes_set_starred (mine, "quote", "both", TRUE);
  xinzhi_notes_set_note (mine, "event", "only-mine", "kept");
  xinzhi_notes_set_note (theirs, "quote", "both", "theirs");
  xinzhi_notes_set_starred (theirs, "document", "only-theirs", TRUE);
  json = xinzhi_notes_to_json (theirs);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));

  imported = xinzhi_notes_new_from_import (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (xinzhi_notes_get_writable (imported));
  g_assert_cmpuint (xinzhi_notes_merge (mine, imported), ==, 2);
  g_assert_cmpuint (xinzhi_notes_get_n_items (mine), ==, 3);
  g_assert_cmpstr (xinzhi_notes_get_note (mine, "quote", "both"), ==, "theirs");
  g_assert_false (xinzhi_notes_get_starred (mine, "quote", "both"));
  g_assert_cmpstr (xinzhi_notes_get_note (mine, "event", "only-mine"), ==, "kept");
  g_assert_true (xinzhi_notes_get_starred (mine, "document", "only-theirs"));
}

static void
quit_loop_cb (XinzhiNotes *notes,
              GError      *error,
              gpointer     user_data)
{
  *(char **) user_data = g_strdup (error->message);
}

/* Autosave writes a while after the last change; flush writes what is left; a failed
 * autosave is reported. */
static void
test_autosave (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autofree char *blocker = g_build_filename (dir, "blocked", NULL);
  g_autofree char *blocked_path = g_build_filename (blocker, "notes.json", NULL);
  g_autoptr(XinzhiNotes) notes = notes_at (path);
  g_autoptr(XinzhiNotes) blocked = notes_at (blocked_path);
  g_autoptr(XinzhiNotes) again = notes_at (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *failure = NULL;
  gint64 deadline;

  xinzhi_notes_set_autosave (notes, 50);
  xinzhi_notes_set_starred (notes, "quote", "q1", TRUE);
  g_assert_true (xinzhi_notes_get_dirty (notes));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (xinzhi_notes_get_dirty (notes))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A change just before quitting is written by the flush. */
  xinzhi_notes_set_note (notes, "event", "e1", "last words");
  g_assert_true (xinzhi_notes_flush (notes, &error));
  g_assert_no_error (error);
  g_assert_false (xinzhi_notes_get_dirty (notes));
  g_assert_true (xinzhi_notes_load (again, &error));
  g_assert_cmpstr (xinzhi_notes_get_note (again, "event", "e1"), ==, "last words");

  /* A file where the folder should be: the save fails, and says so. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_signal_connect (blocked, "save-failed", G_CALLBACK (quit_loop_cb), &failure);
  xinzhi_notes_set_autosave (blocked, 10);
  xinzhi_notes_set_starred (blocked, "quote", "q1", TRUE);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (failure == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_test_message ("%s", failure);
  g_assert_nonnull (strstr (failure, blocker));
  g_assert_true (xinzhi_notes_get_dirty (blocked));
}

/* An escaped backslash before "u0000" is no NUL: such a note is kept as it is. */
static void
test_nul_lookalike (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "import.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiNotes) notes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": ["
                                      "{\"kind\": \"quote\", \"id\": \"x\", \"note\": \"a\\\\u0000b \\\"\\\\u0000\\\"\"}]}",
                                      -1, NULL));
  notes = xinzhi_notes_new_from_import (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xinzhi_notes_get_note (notes, "quote", "x"), ==, "a\\u0000b \"\\u0000\"");
}

/* A notes file with a NUL in a note is not read cut short, and so never saved back
 * cut short: it is kept aside whole. */
static void
test_nul_in_notes_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(XinzhiNotes) notes = notes_at (path);
  g_autoptr(GError) error = NULL;
  const char *json = "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": ["
                     "{\"kind\": \"quote\", \"id\": \"x\", \"note\": \"kept\\u0000whole\"}]}";
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean kept = FALSE;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  g_assert_false (xinzhi_notes_load (notes, &error));
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "(the NUL character) cannot be kept in notes"));
  g_assert_null (xinzhi_notes_get_note (notes, "quote", "x"));

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)))
    if (g_str_has_prefix (name, "notes.json.damaged-"))
      {
        g_autofree char *aside = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, json);
        kept = TRUE;
      }
  g_assert_true (kept);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static gboolean
exists (const char *dir,
        const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Loading removes only the temporary files of the app's own saves that died: never a
 * file of the person's that looks alike, and never one that another instance may be
 * writing now (while it holds the lock). */
static void
test_leftovers (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autofree char *lock_path = g_build_filename (dir, ".notes.json.xinzhi-lock", NULL);
  const char *persons[] = { "notes.json.backup", "notes.json.Ab3xYz", "notes.json.keep-me",
                            ".notes.json.xinzhi-save-toolong", "notes.json.xinzhi-save-Ab3xYz" };
  int lock;

  write_file (dir, "notes.json", "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": "
                                 "[{\"kind\": \"quote\", \"id\": \"q\", \"starred\": true}]}");
  for (guint i = 0; i < G_N_ELEMENTS (persons); i++)
    write_file (dir, persons[i], "mine");

  /* Another instance is saving: it holds the lock, and its file is being written. */
  write_file (dir, ".notes.json.xinzhi-save-Live42", "{\"format\"");
  lock = open (lock_path, O_RDWR | O_CREAT, 0600);
  g_assert_cmpint (lock, >=, 0);
  g_assert_cmpint (flock (lock, LOCK_EX), ==, 0);
  {
    g_autoptr(XinzhiNotes) notes = notes_at (path);

    /* The notes are read all the same: the file is always whole. */
    g_assert_true (xinzhi_notes_load (notes, NULL));
    g_assert_true (xinzhi_notes_get_starred (notes, "quote", "q"));
    g_assert_true (exists (dir, ".notes.json.xinzhi-save-Live42"));
    for (guint i = 0; i < G_N_ELEMENTS (persons); i++)
      {
        g_test_message ("%s", persons[i]);
        g_assert_true (exists (dir, persons[i]));
      }
  }
  /* It died: the kernel let its lock go, its lock file stays behind. */
  close (lock);
  {
    g_autoptr(XinzhiNotes) notes = notes_at (path);

    g_assert_true (xinzhi_notes_load (notes, NULL));
    g_assert_false (exists (dir, ".notes.json.xinzhi-save-Live42"));
    g_assert_false (exists (dir, ".notes.json.xinzhi-lock"));
  }

  for (guint i = 0; i < G_N_ELEMENTS (persons); i++)
    g_assert_true (exists (dir, persons[i]));
}

/* One limit for saving and loading: what is saved is read again; notes that would make
 * a larger file are refused with a message and never written; so is an export. */
static void
test_limits (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autofree char *export_path = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr(XinzhiNotes) notes = notes_at (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *json = NULL;
  gsize overhead, fits;

  xinzhi_notes_set_note (notes, "quote", "q", "x");
  g_assert_true (xinzhi_notes_save (notes, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* 17 MB: not written, and said why, naming the file. */
  huge = g_strnfill (17 * 1000 * 1000, 'x');
  xinzhi_notes_set_note (notes, "quote", "q", huge);
  g_assert_false (xinzhi_notes_save (notes, &error));
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "notes files larger than 16 MiB are not read"));
  g_assert_error (xinzhi_notes_get_save_error (notes), XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_TOO_LARGE);
  g_assert_true (xinzhi_notes_get_dirty (notes));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  g_assert_false (xinzhi_notes_export (notes, export_file, &error));
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_TOO_LARGE);
  g_assert_false (g_file_test (export_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Exactly as large as a notes file may be: saved, and read again whole. */
  xinzhi_notes_set_note (notes, "quote", "q", "x");
  json = xinzhi_notes_to_json (notes);
  overhead = strlen (json) - 1;
  g_clear_pointer (&huge, g_free);
  fits = XINZHI_NOTES_MAX_SIZE - overhead;
  huge = g_strnfill (fits, 'x');
  xinzhi_notes_set_note (notes, "quote", "q", huge);
  g_assert_true (xinzhi_notes_save (notes, &error));
  g_assert_no_error (error);
  g_assert_null (xinzhi_notes_get_save_error (notes));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpuint (strlen (after), ==, XINZHI_NOTES_MAX_SIZE);
  {
    g_autoptr(XinzhiNotes) again = notes_at (path);
    g_autoptr(XinzhiNotes) imported = NULL;

    g_assert_true (xinzhi_notes_load (again, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (xinzhi_notes_get_note (again, "quote", "q"), ==, huge);

    g_assert_true (xinzhi_notes_export (notes, export_file, &error));
    g_assert_no_error (error);
    imported = xinzhi_notes_new_from_import (export_file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (xinzhi_notes_get_note (imported, "quote", "q"), ==, huge);
  }

  /* One byte more is refused. */
  huge[fits - 1] = '\0';
  {
    g_autofree char *longer = g_strconcat (huge, "xx", NULL);

    xinzhi_notes_set_note (notes, "quote", "q", longer);
    g_assert_false (xinzhi_notes_save (notes, &error));
    g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_TOO_LARGE);
  }
}

static XinzhiNotes *
load_at (const char *path)
{
  XinzhiNotes *notes = notes_at (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (xinzhi_notes_load (notes, &error));
  g_assert_no_error (error);
  return notes;
}

/* Connected swapped, to any signal: counts its emissions. */
static void
count_cb (guint *count)
{
  (*count)++;
}

/* Runs the main loop until @done says so, for at most five seconds. */
static void
run_until (gboolean   (*done) (XinzhiNotes *notes),
           XinzhiNotes *notes)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (notes))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
has_save_error (XinzhiNotes *notes)
{
  return xinzhi_notes_get_save_error (notes) != NULL;
}

static gboolean
is_clean (XinzhiNotes *notes)
{
  return !xinzhi_notes_get_dirty (notes);
}

/* Two processes on one file (here two objects, which lock one another out just the
 * same): each save merges with what the other saved, item by item; a removal stays
 * removed; where both changed an item, the newer change stays. */
static void
test_merge_on_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(XinzhiNotes) seed = notes_at (path);
  g_autoptr(XinzhiNotes) a = NULL;
  g_autoptr(XinzhiNotes) b = NULL;
  g_autoptr(XinzhiNotes) disk = NULL;
  g_autoptr(GError) error = NULL;
  guint b_changed = 0;

  xinzhi_notes_set_starred (seed, "quote", "kept", TRUE);
  xinzhi_notes_set_starred (seed, "quote", "gone-a", TRUE);
  xinzhi_notes_set_starred (seed, "quote", "gone-b", TRUE);
  xinzhi_notes_set_note (seed, "event", "both", "as it was");
  xinzhi_notes_set_note (seed, "event", "stale", "as it was");
  g_assert_true (xinzhi_notes_save (seed, &error));

  a = load_at (path);
  b = load_at (path);
  g_signal_connect_swapped (b, "changed", G_CALLBACK (count_cb), &b_changed);

  /* B changes "stale" first, and saves it only after A saved a later change to it. */
  xinzhi_notes_set_note (b, "event", "stale", "B, early");
  g_usleep (20 * 1000);

  xinzhi_notes_set_starred (a, "quote", "a1", TRUE);
  xinzhi_notes_set_starred (a, "quote", "gone-a", FALSE);
  xinzhi_notes_set_note (a, "event", "both", "A's");
  xinzhi_notes_set_note (a, "event", "stale", "A, later");
  g_assert_true (xinzhi_notes_save (a, &error));
  g_assert_no_error (error);

  g_usleep (20 * 1000);
  xinzhi_notes_set_starred (b, "quote", "b1", TRUE);
  xinzhi_notes_set_starred (b, "quote", "gone-b", FALSE);
  xinzhi_notes_set_note (b, "event", "both", "B's, later");
  b_changed = 0;
  g_assert_true (xinzhi_notes_save (b, &error));
  g_assert_no_error (error);
  /* B now shows what A saved. */
  g_assert_cmpuint (b_changed, ==, 1);
  g_assert_true (xinzhi_notes_get_starred (b, "quote", "a1"));

  g_usleep (20 * 1000);
  xinzhi_notes_set_starred (a, "document", "a2", TRUE);
  g_assert_true (xinzhi_notes_save (a, &error));
  g_assert_no_error (error);

  disk = load_at (path);
  g_assert_true (xinzhi_notes_get_starred (disk, "quote", "kept"));
  g_assert_true (xinzhi_notes_get_starred (disk, "quote", "a1"));
  g_assert_true (xinzhi_notes_get_starred (disk, "quote", "b1"));
  g_assert_true (xinzhi_notes_get_starred (disk, "document", "a2"));
  g_assert_false (xinzhi_notes_get_starred (disk, "quote", "gone-a"));
  g_assert_false (xinzhi_notes_get_starred (disk, "quote", "gone-b"));
  g_assert_cmpstr (xinzhi_notes_get_note (disk, "event", "both"), ==, "B's, later");
  g_assert_cmpstr (xinzhi_notes_get_note (disk, "event", "stale"), ==, "A, later");
  g_assert_cmpuint (xinzhi_notes_get_n_items (disk), ==, 6);
  /* And A and B hold what they wrote. */
  g_assert_cmpstr (xinzhi_notes_get_note (b, "event", "stale"), ==, "A, later");
  g_assert_cmpstr (xinzhi_notes_get_note (a, "event", "both"), ==, "B's, later");
  g_assert_true (xinzhi_notes_get_starred (a, "quote", "b1"));
}

/* A failed autosave is tried again by itself, and works once it can: no further
 * change is needed. */
static void
test_save_retry (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *blocker = g_build_filename (dir, "blocked", NULL);
  g_autofree char *path = g_build_filename (blocker, "notes.json", NULL);
  g_autoptr(XinzhiNotes) notes = notes_at (path);
  guint notified = 0;

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_signal_connect_swapped (notes, "notify::save-error", G_CALLBACK (count_cb), &notified);
  xinzhi_notes_set_autosave (notes, 20);
  xinzhi_notes_set_starred (notes, "quote", "q1", TRUE);

  run_until (has_save_error, notes);
  g_test_message ("%s", xinzhi_notes_get_save_error (notes)->message);
  g_assert_nonnull (strstr (xinzhi_notes_get_save_error (notes)->message, blocker));
  g_assert_cmpuint (notified, ==, 1);

  g_assert_cmpint (g_remove (blocker), ==, 0);
  run_until (is_clean, notes);
  g_assert_null (xinzhi_notes_get_save_error (notes));
  g_assert_cmpuint (notified, ==, 2);
  {
    g_autoptr(XinzhiNotes) again = load_at (path);

    g_assert_true (xinzhi_notes_get_starred (again, "quote", "q1"));
  }
}

/* A notes file that cannot be read is not written over; the notes made meanwhile are
 * saved once it can be read, merged with what it held. */
static void
test_unreadable (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  const char *theirs = "{\"format\": \"xinzhi-notes\", \"version\": 1, \"items\": "
                       "[{\"kind\": \"quote\", \"id\": \"old\", \"starred\": true}]}";
  g_autoptr(XinzhiNotes) notes = notes_at (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  int probe;

  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  if (!xinzhi_test_access_begin ())
    {
      g_test_skip ("file permissions cannot be made to count here");
      return;
    }
  probe = open (path, O_RDONLY);
  if (probe >= 0)
    {
      close (probe);
      xinzhi_test_access_end ();
      g_test_skip ("file permissions do not stop this process");
      return;
    }

  g_assert_false (xinzhi_notes_load (notes, &error));
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_READ);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, ": permission denied"));
  g_clear_error (&error);
  g_assert_error (xinzhi_notes_get_save_error (notes), XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_READ);

  xinzhi_notes_set_starred (notes, "quote", "new", TRUE);
  g_assert_false (xinzhi_notes_save (notes, &error));
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_READ);
  g_clear_error (&error);
  xinzhi_test_access_end ();
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, theirs);

  /* Readable again: the save takes in what the file held. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (xinzhi_notes_save (notes, &error));
  g_assert_no_error (error);
  g_assert_null (xinzhi_notes_get_save_error (notes));
  g_assert_true (xinzhi_notes_get_starred (notes, "quote", "old"));
  {
    g_autoptr(XinzhiNotes) again = load_at (path);

    g_assert_true (xinzhi_notes_get_starred (again, "quote", "old"));
    g_assert_true (xinzhi_notes_get_starred (again, "quote", "new"));
  }
}

/* A folder where the notes file should be: reported, and never taken for no notes. */
static void
test_folder_in_place (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.json", NULL);
  g_autoptr(XinzhiNotes) notes = notes_at (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (xinzhi_notes_load (notes, &error));
  g_assert_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "is a folder, not a file"));
  g_clear_error (&error);
  xinzhi_notes_set_starred (notes, "quote", "q", TRUE);
  g_assert_false (xinzhi_notes_save (notes, &error));
  g_assert_nonnull (xinzhi_notes_get_save_error (notes));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
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
  g_test_add_func ("/notes/import-file-errors", test_import_file_errors);
  g_test_add_func ("/notes/merge", test_merge);
  g_test_add_func ("/notes/autosave", test_autosave);
  g_test_add_func ("/notes/nul-lookalike", test_nul_lookalike);
  g_test_add_func ("/notes/nul-in-notes-file", test_nul_in_notes_file);
  g_test_add_func ("/notes/leftovers", test_leftovers);
  g_test_add_func ("/notes/limits", test_limits);
  g_test_add_func ("/notes/merge-on-save", test_merge_on_save);
  g_test_add_func ("/notes/save-retry", test_save_retry);
  g_test_add_func ("/notes/unreadable", test_unreadable);
  g_test_add_func ("/notes/folder-in-place", test_folder_in_place);

  return g_test_run ();
}

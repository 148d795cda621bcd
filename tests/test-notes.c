/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

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

  /* Leftovers of interrupted saves go; files that only look alike stay. */
  {
    g_autofree char *leftover = g_build_filename (dir, "notes.json.Ab3xYz", NULL);
    g_autofree char *other = g_build_filename (dir, "notes.json.keep-me", NULL);
    g_autoptr(XinzhiNotes) again = notes_at (path);

    g_assert_true (g_file_set_contents (leftover, "{\"format\"", -1, NULL));
    g_assert_true (g_file_set_contents (other, "mine", -1, NULL));
    g_assert_true (xinzhi_notes_load (again, NULL));
    g_assert_false (g_file_test (leftover, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  }

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

  return g_test_run ();
}

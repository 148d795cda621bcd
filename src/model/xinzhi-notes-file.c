/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The notes file on disk: the lock that two processes share, the leftovers of a save
 * that died, a damaged file kept aside, reading the file again and merging it three
 * ways with the notes here, and writing atomically.  Why it works so is told at the
 * top of xinzhi-notes.c, which holds the notes themselves.
 */
#include "config.h"

/* For O_CLOEXEC, O_NOFOLLOW, flock(), lstat() and st_mtim. */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xinzhi-notes.h"
#include "xinzhi-read.h"
#include "xinzhi-notes-private.h"

/* The names of the files a save uses beside the notes file @path. */
static char *
make_sibling (const char *path,
              const char *suffix)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strconcat (".", base, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

#define LOCK_SUFFIX ".xinzhi-lock"
#define TEMP_SUFFIX ".xinzhi-save-"

/* Takes the lock on the notes file @path, waiting up to @timeout_ms for another
 * process to let it go.  The lock file is removed when it is let go (unlock()); so one
 * that was locked after it was removed, or replaced, is not the lock, and is tried
 * again.  Returns the lock file's descriptor, or -1. */
int
_xinzhi_notes_lock_notes (const char  *path,
                          guint        timeout_ms,
                          GError     **error)
{
  g_autofree char *lock_path = make_sibling (path, LOCK_SUFFIX);
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  for (;;)
    {
      struct stat held, named;
      int fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);

      if (fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_WRITE,
                       _("%s could not be written: %s"), path, g_strerror (saved_errno));
          return -1;
        }

      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          if (fstat (fd, &held) == 0 && stat (lock_path, &named) == 0 &&
              held.st_dev == named.st_dev && held.st_ino == named.st_ino)
            return fd;

          /* Removed by the process that held it, after this one opened it. */
          close (fd);
          continue;
        }

      if (errno != EWOULDBLOCK && errno != EINTR)
        {
          int saved_errno = errno;

          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_WRITE,
                       _("%s could not be locked: %s"), path, g_strerror (saved_errno));
          close (fd);
          return -1;
        }

      close (fd);
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_BUSY,
                       _("%s is kept locked by another Xinzhi (its lock is %s)"),
                       path, lock_path);
          return -1;
        }
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
}

void
_xinzhi_notes_unlock_notes (const char *path,
                            int         fd)
{
  g_autofree char *lock_path = make_sibling (path, LOCK_SUFFIX);

  /* Removed while still held, so that whoever waits on it finds it gone and takes the
   * next one. */
  g_unlink (lock_path);
  close (fd);
}

/* Removes the temporary files of saves that died.  Only with the lock held: a save
 * writes its temporary file only while it holds the lock, so none is being written
 * now.  Only names that no one but a save writes: .notes.json.xinzhi-save-XXXXXX. */
void
_xinzhi_notes_remove_leftovers (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (".", base, TEMP_SUFFIX, NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  gsize prefix_length = strlen (prefix);
  const char *name;

  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      gboolean leftover = strlen (name) == prefix_length + 6 &&
                          strncmp (name, prefix, prefix_length) == 0;

      for (gsize i = prefix_length; leftover && name[i] != '\0'; i++)
        leftover = g_ascii_isalnum (name[i]);

      if (leftover)
        {
          g_autofree char *leftover_path = g_build_filename (dir, name, NULL);

          g_remove (leftover_path);
        }
    }
}

/* Keeps the damaged file @path aside, as PATH.damaged-DATE, for the person to see. */
static gboolean
keep_aside (XinzhiNotes  *self,
            const char   *path,
            const char   *reason,
            GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);
  g_autoptr(GFile) aside_file = g_file_new_for_path (aside);
  g_autoptr(GError) move_error = NULL;

  if (!g_file_move (self->file, aside_file, G_FILE_COPY_NONE, NULL, NULL, NULL, &move_error))
    {
      /* It could not be kept aside, so it must not be overwritten either. */
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_CORRUPT,
                   _("%s is damaged (%s) and could not be kept aside (%s); new notes are not saved"),
                   path, reason, move_error->message);
      return FALSE;
    }

  g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_CORRUPT,
               _("%s is damaged (%s); it was kept as %s and the notes start empty"),
               path, reason, aside);
  return TRUE;
}

/* What the file holds now.  Returns %FALSE, with @error, when it may not be written
 * over: it cannot be read, or it is of a newer version, or it is damaged and cannot be
 * kept aside.  Otherwise @items is what it holds, or %NULL when it holds nothing to go
 * by (there is no file, or it was damaged and is now kept aside, which @aside then
 * says), and @written is when it was written, in real time. */
gboolean
_xinzhi_notes_read_disk (XinzhiNotes  *self,
                         const char   *path,
                         GHashTable  **items,
                         gint64       *written,
                         GError      **aside,
                         GError      **error)
{
  g_autoptr(GHashTable) parsed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  struct stat info;
  const char *data;
  gsize length;

  *items = NULL;
  *written = 0;

  bytes = xinzhi_read_file (self->file, XINZHI_NOTES_MAX_SIZE, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          GStatBuf link;

          /* A symbolic link to nowhere is not "no notes": the link is the person's. */
          if (g_lstat (path, &link) != 0)
            return TRUE;
        }

      /* Not read, so not known to be damaged: left alone, and never overwritten. */
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_READ,
                   _("%s: %s; new notes are not saved"), path, local_error->message);
      return FALSE;
    }
  if (stat (path, &info) == 0)
    *written = (gint64) info.st_mtim.tv_sec * G_USEC_PER_SEC + info.st_mtim.tv_nsec / 1000;

  data = g_bytes_get_data (bytes, &length);
  parsed = _xinzhi_notes_new_items ();
  if (!_xinzhi_notes_parse (data ? data : "", length, parsed, &local_error))
    {
      if (g_error_matches (local_error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_VERSION))
        {
          g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_VERSION,
                       _("%s: %s; it is left as it is, and new notes are not saved"),
                       path, local_error->message);
          return FALSE;
        }

      {
        g_autoptr(GError) kept = NULL;

        if (!keep_aside (self, path, local_error->message, &kept))
          {
            g_propagate_error (error, g_steal_pointer (&kept));
            return FALSE;
          }
        g_propagate_error (aside, g_steal_pointer (&kept));
        return TRUE;
      }
    }

  *items = g_steal_pointer (&parsed);
  return TRUE;
}

static void
add_keys (GHashTable *keys,
          GHashTable *table)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keys, key);
}

/* The notes here merged with @theirs, what the file holds, written at @written: see
 * the comment at the top.  @theirs %NULL is the base: nothing known of the file. */
GHashTable *
_xinzhi_notes_merge_with_disk (XinzhiNotes *self,
                               GHashTable  *theirs,
                               gint64       written)
{
  GHashTable *merged = _xinzhi_notes_new_items ();
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  if (theirs == NULL)
    theirs = self->base;

  add_keys (keys, self->base);
  add_keys (keys, self->items);
  add_keys (keys, theirs);
  add_keys (keys, self->changes);

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const Item *base = g_hash_table_lookup (self->base, key);
      const Item *ours = g_hash_table_lookup (self->items, key);
      const Item *other = g_hash_table_lookup (theirs, key);
      const gint64 *changed = g_hash_table_lookup (self->changes, key);
      const Item *pick;

      if (changed == NULL)
        pick = other;
      else if (_xinzhi_notes_item_equal (base, other))
        pick = ours;
      else
        /* Both changed it: the newer change stays, a deletion as much as an edit. */
        pick = *changed >= written ? ours : other;

      if (pick != NULL)
        g_hash_table_insert (merged, g_strdup (key), _xinzhi_notes_item_copy (pick));
    }

  return merged;
}

/* Makes the notes here what @merged holds.  Items that stay the same are kept as they
 * are, so that a note got with xinzhi_notes_get_note() stays valid until it changes.
 * Returns whether anything changed. */
gboolean
_xinzhi_notes_take_merged (XinzhiNotes *self,
                           GHashTable  *merged)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean changed_here = FALSE;

  g_hash_table_iter_init (&iter, merged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!_xinzhi_notes_item_equal (value, g_hash_table_lookup (self->items, key)))
      {
        g_hash_table_replace (self->items, g_strdup (key), _xinzhi_notes_item_copy (value));
        changed_here = TRUE;
      }

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (merged, key))
      {
        g_hash_table_iter_remove (&iter);
        changed_here = TRUE;
      }

  return changed_here;
}

/* The notes as a notes file, or an error when that file would be larger than a notes
 * file may be: it would not be read again. */
char *
_xinzhi_notes_serialize (GHashTable  *items,
                         const char  *name,
                         GError     **error)
{
  char *json = _xinzhi_notes_items_to_json (items);
  gsize length = strlen (json);

  if (length > XINZHI_NOTES_MAX_SIZE)
    {
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_TOO_LARGE,
                   _("%s was not written: the notes would take %lu MiB, and notes files "
                     "larger than %lu MiB are not read"),
                   name,
                   (unsigned long) ((length + 1024 * 1024 - 1) / (1024 * 1024)),
                   (unsigned long) (XINZHI_NOTES_MAX_SIZE / (1024 * 1024)));
      g_free (json);
      return NULL;
    }

  return json;
}

/* Writes @json to @path atomically: into a temporary file beside it, synced to disk,
 * then renamed over it.  The lock must be held. */
gboolean
_xinzhi_notes_write_atomically (const char  *path,
                                const char  *json,
                                GError     **error)
{
  g_autofree char *temp = make_sibling (path, TEMP_SUFFIX "XXXXXX");
  gsize length = strlen (json);
  int saved_errno = 0;
  int fd;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_WRITE,
                   _("%s could not be written: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  for (gsize done = 0; done < length && saved_errno == 0; )
    {
      gssize n = write (fd, json + done, length - done);

      if (n < 0 && errno != EINTR)
        saved_errno = errno;
      else if (n > 0)
        done += n;
    }
  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (temp, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (temp);
      g_set_error (error, XINZHI_NOTES_ERROR, XINZHI_NOTES_ERROR_WRITE,
                   _("%s could not be written: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

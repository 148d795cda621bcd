/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Writing a corpus file in place of the old one, as importing and editing do: to the
 * file a symbolic link leads to, with the mode the file had, atomically
 * (g_file_set_contents_full(), consistent mode), so that a crash at any moment leaves
 * the old file or the new one and never a part of one.  What goes wrong is said with
 * the file's name, in words a person can act on.
 */
/* For lstat() and realpath(). */
#define _DEFAULT_SOURCE

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "xinzhi-write.h"

/**
 * xinzhi_write_resolve:
 * @target: the corpus file to write
 * @name: its name for messages
 * @exists: (out): whether there is a file (or a link to one) at @target
 * @mode: (out): the permissions the file has, or 0644 for a new one
 * @error: return location for a #G_IO_ERROR
 *
 * Where writing @target puts the text: the file a symbolic link leads to, or @target.
 *
 * Returns: (transfer full) (nullable): the path to write to, or %NULL with @error
 *   when @target is not a local file or is a link that leads nowhere
 */
char *
xinzhi_write_resolve (GFile       *target,
                      const char  *name,
                      gboolean    *exists,
                      int         *mode,
                      GError     **error)
{
  g_autofree char *path = g_file_get_path (target);
  g_autofree char *real = NULL;
  GStatBuf info;

  *exists = FALSE;
  *mode = 0644;
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: is not a local file; a corpus is written only to a local one"), name);
      return NULL;
    }

  if (g_lstat (path, &info) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return g_steal_pointer (&path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot be read: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  /* A link is followed, so that the file it names is replaced, not the link. */
  real = S_ISLNK (info.st_mode) ? realpath (path, NULL) : g_strdup (path);
  if (real == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: is a symbolic link that leads to no file (%s)"), name, g_strerror (saved_errno));
      return NULL;
    }
  *exists = TRUE;
  if (g_stat (real, &info) == 0)
    *mode = (int) (info.st_mode & 0777);
  return g_steal_pointer (&real);
}

/**
 * xinzhi_write_file:
 * @path: where to write, as xinzhi_write_resolve() gives it
 * @name: the file's name for messages
 * @text: what to write
 * @length: its length in bytes
 * @mode: the permissions the file gets
 * @error: return location for a #G_IO_ERROR
 *
 * Replaces the file at @path with @text atomically.
 *
 * Returns: whether it was written; the old file stays as it was when not
 */
gboolean
xinzhi_write_file (const char  *path,
                   const char  *name,
                   const char  *text,
                   gsize        length,
                   int          mode,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, mode, &local_error))
    return TRUE;

  /* GLib's message names the temporary file it made beside the corpus. */
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
      g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_PERM))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("%s: cannot be written: permission denied (by the file or by its folder)"), name);
  else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("%s: cannot be written: its folder does not exist"), name);
  else if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                 _("%s: cannot be written: a part of its path is not a folder"), name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("%s: cannot be written: %s"), name, local_error->message);
  return FALSE;
}

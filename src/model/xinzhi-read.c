/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading a file the person chose, whole, but never more of it than a limit: a corpus
 * or notes file larger than that is refused before it fills memory, and so is a file
 * that is not a regular file (a folder, a pipe that would wait forever for a writer, a
 * device such as /dev/zero that never ends).
 *
 * The file is opened first and what was opened is then asked what it is.  Asking by
 * name first and opening after would leave a moment in which another program can put
 * a pipe in the file's place, and opening a pipe waits for a writer, forever.  Opened
 * without blocking, a pipe opens at once, and fstat() then says what it is.
 */
#include "config.h"

/* For O_CLOEXEC, lstat() and S_ISSOCK(). */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xinzhi-read.h"

#define CHUNK_SIZE (64 * 1024)

/* Whole MiB, rounded up, for messages. */
static unsigned long
to_mib (guint64 size)
{
  return (unsigned long) ((size + 1024 * 1024 - 1) / (1024 * 1024));
}

static void
set_too_large (GError  **error,
               guint64   size,
               gsize     limit)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("the file is %lu MiB; files larger than %lu MiB are not read"),
               to_mib (size), to_mib (limit));
}

static void
set_grew (GError **error,
          gsize    limit)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("the file grew past %lu MiB while it was read; files larger than that are not read"),
               to_mib (limit));
}

/* Why @path could not be opened, in words that fit after "cannot be read: ". */
static void
set_open_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  GStatBuf link;

  switch (saved_errno)
    {
    case ENOENT:
      if (g_lstat (path, &link) == 0 && S_ISLNK (link.st_mode))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("it is a symbolic link to a file that does not exist"));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("there is no such file"));
      break;
    case EACCES:
    case EPERM:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("permission denied (by the file or by a folder on its path)"));
      break;
    case ELOOP:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                   _("too many levels of symbolic links (they may form a loop)"));
      break;
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("a part of its path is not a folder"));
      break;
    case ENXIO:
      /* A socket, or a device whose driver is not there. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("is a socket or a device, not a file"));
      break;
    default:
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
    }
}

/* What is not a regular file is refused, each kind by its name. */
static gboolean
check_type (mode_t    mode,
            GError  **error)
{
  if (S_ISREG (mode))
    return TRUE;

  if (S_ISDIR (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("is a folder, not a file"));
  else if (S_ISFIFO (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("is a pipe, not a file"));
  else if (S_ISCHR (mode) || S_ISBLK (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("is a device, not a file"));
  else if (S_ISSOCK (mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("is a socket, not a file"));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("is not a regular file"));
  return FALSE;
}

static GBytes *
read_local (const char              *path,
            gsize                    limit,
            GCancellable            *cancellable,
            XinzhiReadProgressFunc   progress,
            gpointer                 user_data,
            GError                 **error)
{
  g_autoptr(GByteArray) data = NULL;
  struct stat info;
  int fd, flags;

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      set_open_error (error, path, errno);
      return NULL;
    }

  if (fstat (fd, &info) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      close (fd);
      return NULL;
    }
  if (!check_type (info.st_mode, error))
    {
      close (fd);
      return NULL;
    }
  if ((guint64) info.st_size > limit)
    {
      set_too_large (error, info.st_size, limit);
      close (fd);
      return NULL;
    }

  /* A regular file: reading it never waits for anyone, but say so plainly. */
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  /* The size can change between the question and the reading: count what comes. */
  data = g_byte_array_sized_new (MIN ((gsize) info.st_size, limit) + 1);
  for (;;)
    {
      guint8 buffer[CHUNK_SIZE];
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }

      n = read (fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > limit)
        {
          set_grew (error, limit);
          close (fd);
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
      if (progress != NULL)
        progress (data->len, info.st_size, user_data);
    }

  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* A file without a local path (a GVfs location, say): GIO opens it, and the stream is
 * asked what it opened. */
static GBytes *
read_stream (GFile                   *file,
             gsize                    limit,
             GCancellable            *cancellable,
             XinzhiReadProgressFunc   progress,
             gpointer                 user_data,
             GError                 **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = NULL;
  goffset total = 0;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      (guint64) g_file_info_get_size (info) > limit)
    {
      set_too_large (error, g_file_info_get_size (info), limit);
      return NULL;
    }

  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    total = g_file_info_get_size (info);
  data = g_byte_array_new ();
  for (;;)
    {
      guint8 buffer[CHUNK_SIZE];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > limit)
        {
          set_grew (error, limit);
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
      /* A stream that does not say its size gives no figure. */
      if (progress != NULL && total > 0)
        progress (data->len, total, user_data);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * xinzhi_read_file:
 * @file: the file to read
 * @limit: the most bytes to accept
 * @cancellable: (nullable): a #GCancellable
 * @error: why the file was not read: %G_IO_ERROR_NOT_FOUND (no such file, or a
 *   symbolic link to none), %G_IO_ERROR_PERMISSION_DENIED,
 *   %G_IO_ERROR_TOO_MANY_LINKS (a loop of symbolic links), %G_IO_ERROR_IS_DIRECTORY
 *   for a folder, %G_IO_ERROR_NOT_REGULAR_FILE for a pipe, socket or device,
 *   %G_IO_ERROR_MESSAGE_TOO_LARGE for a file larger than @limit, or the error of
 *   reading it.  The message does not name the file; the caller does.
 *
 * Reads the whole of @file, if it is a regular file of at most @limit bytes.  It never
 * waits for a pipe's writer, whatever is put in the file's place meanwhile.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
xinzhi_read_file (GFile         *file,
                  gsize          limit,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return xinzhi_read_file_with_progress (file, limit, cancellable, NULL, NULL, error);
}

/**
 * xinzhi_read_file_with_progress:
 * @file: the file to read
 * @limit: the most bytes to accept
 * @cancellable: (nullable): a #GCancellable, looked at before every 64 KiB read
 * @progress: (nullable): told after every 64 KiB read, in this thread
 * @user_data: for @progress
 * @error: as for xinzhi_read_file()
 *
 * Reads @file as xinzhi_read_file() does, telling @progress how far it has come.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
xinzhi_read_file_with_progress (GFile                   *file,
                                gsize                    limit,
                                GCancellable            *cancellable,
                                XinzhiReadProgressFunc   progress,
                                gpointer                 user_data,
                                GError                 **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return read_local (path, limit, cancellable, progress, user_data, error);

  return read_stream (file, limit, cancellable, progress, user_data, error);
}

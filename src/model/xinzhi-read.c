/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading a file the person chose, whole, but never more of it than a limit: a corpus
 * or notes file larger than that is refused before it fills memory, and so is a file
 * that is not a regular file (a folder, a pipe that would wait forever for a writer, a
 * device such as /dev/zero that never ends).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-read.h"

/* Whole MiB, rounded up, for messages. */
static unsigned long
to_mib (guint64 size)
{
  return (unsigned long) ((size + 1024 * 1024 - 1) / (1024 * 1024));
}

/**
 * xinzhi_read_file:
 * @file: the file to read
 * @limit: the most bytes to accept
 * @cancellable: (nullable): a #GCancellable
 * @error: why the file was not read: %G_IO_ERROR_IS_DIRECTORY for a folder,
 *   %G_IO_ERROR_NOT_REGULAR_FILE for a pipe or device, %G_IO_ERROR_MESSAGE_TOO_LARGE
 *   for a file larger than @limit, or the error of opening or reading it.  The message
 *   does not name the file; the caller does.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
xinzhi_read_file (GFile         *file,
                  gsize          limit,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;
  GError *local_error = NULL;
  guint8 buffer[64 * 1024];

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Ask before opening: opening a pipe blocks until someone writes to it. */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("is a folder, not a file"));
      return NULL;
    case G_FILE_TYPE_REGULAR:
      break;
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("is not a regular file (a pipe, socket or device)"));
      return NULL;
    }

  if ((guint64) g_file_info_get_size (info) > limit)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the file is %lu MiB; files larger than %lu MiB are not read"),
                   to_mib (g_file_info_get_size (info)), to_mib (limit));
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* The size can change between the question and the reading: count what comes. */
  data = g_byte_array_sized_new (MIN ((gsize) g_file_info_get_size (info), limit) + 1);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer,
                                      cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > limit)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("the file grew past %lu MiB while it was read; files larger than that are not read"),
                       to_mib (limit));
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

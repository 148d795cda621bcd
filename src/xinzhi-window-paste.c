/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xinzhi-dialogs.h"
#include "xinzhi-extraction.h"
#include "xinzhi-window-private.h"

/* ---- Pasting articles -----------------------------------------------------------------
 *
 * win.paste-articles (Ctrl+V where no text field takes it, and the main menu) adds the
 * article on the clipboard: a web page's HTML when the clipboard offers it (a selection
 * copied in a browser), its text otherwise.  What is pasted is written to a file of its
 * own in a new temporary folder, named for its kind, and imported as a dropped file is
 * (xinzhi_window_import_files()): the same extraction, progress, Cancel and messages.
 * The file and its folder go once the import is over.  The clipboard is read a chunk
 * at a time and refused once it holds more than an article file may. */

static void
show_paste_error (XinzhiWindow *self,
                  GError       *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Paste Articles"), error);
}

/* Writes @data to a file called @name in a new temporary folder and imports it. */
static void
import_pasted (XinzhiWindow *self,
               const char   *name,
               const char   *data,
               gsize         length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  folder = g_dir_make_tmp ("xinzhi-paste-XXXXXX", &error);
  if (folder == NULL)
    {
      show_paste_error (self, error);
      return;
    }
  path = g_build_filename (folder, name, NULL);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    {
      g_rmdir (folder);
      show_paste_error (self, error);
      return;
    }

  file = g_file_new_for_path (path);
  _xinzhi_window_import (self, &file, 1, file);
}

/* What is read from the clipboard, a chunk at a time, so that no more than an article
 * file may hold is ever kept: a clipboard of gigabytes is refused as it reaches the
 * limit, not once it is all in memory. */
typedef struct
{
  XinzhiWindow *self;
  GInputStream *stream;
  GByteArray   *data;
  const char   *name;   /* the file it is written to: its suffix says its kind */
} PasteRead;

#define PASTE_CHUNK (256 * 1024)

static void
paste_read_free (PasteRead *read)
{
  g_object_unref (read->self);
  g_clear_object (&read->stream);
  g_byte_array_unref (read->data);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PasteRead, paste_read_free)

static void read_next_chunk (PasteRead *read);

static void
chunk_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PasteRead) read = user_data;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      show_paste_error (read->self, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      import_pasted (read->self, read->name, (const char *) read->data->data, read->data->len);
      return;
    }

  /* As much as an article file may hold. */
  if (g_bytes_get_size (chunk) > XINZHI_EXTRACT_MAX_SIZE - read->data->len)
    {
      g_autofree char *limit = g_format_size (XINZHI_EXTRACT_MAX_SIZE);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The clipboard holds more than an article may (%s)"), limit);
      show_paste_error (read->self, error);
      return;
    }

  g_byte_array_append (read->data, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_next_chunk (g_steal_pointer (&read));
}

static void
read_next_chunk (PasteRead *read)
{
  g_input_stream_read_bytes_async (read->stream, PASTE_CHUNK, G_PRIORITY_DEFAULT,
                                   read->self->cancellable, chunk_read_cb, read);
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *mime_type = NULL;
  PasteRead *read;

  read = g_new0 (PasteRead, 1);
  read->self = g_steal_pointer (&self);
  read->data = g_byte_array_new ();
  read->stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, &mime_type, &error);
  if (read->stream == NULL)
    {
      show_paste_error (read->self, error);
      paste_read_free (read);
      return;
    }

  read->name = g_str_equal (mime_type, "text/html") ? "pasted-article.html" : "pasted-article.txt";
  read_next_chunk (read);
}

void
_xinzhi_window_paste_articles_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  /* A web page's HTML first, then text in UTF-8; the other text forms of X11 are in the
   * locale's encoding, which the extractor does not guess.  The first the clipboard
   * offers is read. */
  static const char * const mime_types[] = { "text/html", "text/plain;charset=utf-8", "UTF8_STRING", NULL };
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  g_autoptr(GdkContentFormats) formats =
    gdk_content_formats_union_serialize_mime_types (gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));
  gboolean offered = FALSE;

  for (guint i = 0; mime_types[i] != NULL; i++)
    offered |= gdk_content_formats_contain_mime_type (formats, mime_types[i]);

  if (offered)
    gdk_clipboard_read_async (clipboard, (const char **) mime_types, G_PRIORITY_DEFAULT,
                              self->cancellable, clipboard_read_cb, g_object_ref (self));
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The clipboard holds no text or web page to add")));
}

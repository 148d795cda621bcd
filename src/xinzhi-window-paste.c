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
 * The file and its folder go once the import is over. */

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

  /* As much as an article file may hold. */
  if (length > XINZHI_EXTRACT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (XINZHI_EXTRACT_MAX_SIZE);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The clipboard holds %s, more than an article may (%s)"), size, limit);
      show_paste_error (self, error);
      return;
    }

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

static void
html_spliced_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  GOutputStream *memory = G_OUTPUT_STREAM (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (g_output_stream_splice_finish (memory, result, &error) < 0)
    {
      show_paste_error (self, error);
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  import_pasted (self, "pasted-article.html",
                 g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
html_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GError) error = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (stream == NULL)
    {
      show_paste_error (self, error);
      return;
    }

  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, self->cancellable,
                                html_spliced_cb, g_object_ref (self));
}

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (text == NULL)
    {
      show_paste_error (self, error);
      return;
    }

  import_pasted (self, "pasted-article.txt", text, strlen (text));
}

void
_xinzhi_window_paste_articles_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  static const char * const html[] = { "text/html", NULL };
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  g_autoptr(GdkContentFormats) formats =
    gdk_content_formats_union_deserialize_gtypes (gdk_content_formats_ref (gdk_clipboard_get_formats (clipboard)));

  if (gdk_content_formats_contain_mime_type (formats, "text/html"))
    gdk_clipboard_read_async (clipboard, (const char **) html, G_PRIORITY_DEFAULT,
                              self->cancellable, html_read_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    gdk_clipboard_read_text_async (clipboard, self->cancellable, text_read_cb, g_object_ref (self));
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("The clipboard holds no text or web page to add")));
}

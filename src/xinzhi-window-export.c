/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-dialogs.h"
#include "xinzhi-export.h"
#include "xinzhi-window-private.h"

/* Exporting the corpus shown from the main menu: the documents, people, sectors, events
 * or quotes, as CSV or JSON (by the name the person gives the file), as the filters
 * show them.  The file is chosen through GtkFileDialog, so that in a Flatpak the portal
 * grants the one file and the app needs no access to the person's folders; a toast then
 * offers to open the folder it went to. */

typedef struct
{
  const char *kind;
  const char *title;
  const char *file_name;  /* a file name, not translated */
} ExportKind;

static const ExportKind *
lookup_kind (const char *kind)
{
  static const ExportKind kinds[] = {
    { "documents", N_("Export Documents"), "xinzhi-documents.csv" },
    { "people", N_("Export People"), "xinzhi-people.csv" },
    { "sectors", N_("Export Sectors"), "xinzhi-sectors.csv" },
    { "events", N_("Export Events"), "xinzhi-events.csv" },
    { "quotes", N_("Export Quotes"), "xinzhi-quotes.csv" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      return &kinds[i];

  return NULL;
}

/* Then how many rows of @kind went to the file named @name. */
static char *
dup_exported_message (const char *kind,
                      guint       n,
                      const char *name)
{
  /* Translators: after an export; %u is how many, %s the file's name */
  if (g_str_equal (kind, "documents"))
    return g_strdup_printf (ngettext ("Exported %u article to “%s”", "Exported %u articles to “%s”", n), n, name);
  if (g_str_equal (kind, "people"))
    return g_strdup_printf (ngettext ("Exported %u person to “%s”", "Exported %u people to “%s”", n), n, name);
  if (g_str_equal (kind, "sectors"))
    return g_strdup_printf (ngettext ("Exported %u sector to “%s”", "Exported %u sectors to “%s”", n), n, name);
  if (g_str_equal (kind, "events"))
    return g_strdup_printf (ngettext ("Exported %u event to “%s”", "Exported %u events to “%s”", n), n, name);
  return g_strdup_printf (ngettext ("Exported %u quote to “%s”", "Exported %u quotes to “%s”", n), n, name);
}

static void
save_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  const char *kind = g_object_get_data (object, "kind");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Export"), error);
      return;
    }

  if (!xinzhi_window_export_data (self, kind, file, &error))
    xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Export"), error);
}

void
xinzhi_window_export_data_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  const ExportKind *kind = lookup_kind (g_variant_get_string (parameter, NULL));
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = xinzhi_dialogs_new_json_filter ();

  g_return_if_fail (kind != NULL);

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_suffix (csv, "csv");
  g_list_store_append (filters, csv);
  g_list_store_append (filters, json);

  gtk_file_dialog_set_title (dialog, _(kind->title));
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  /* The format follows the name: .json for JSON, CSV otherwise. */
  gtk_file_dialog_set_initial_name (dialog, kind->file_name);
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  g_object_set_data (G_OBJECT (dialog), "kind", (gpointer) kind->kind);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, save_dialog_cb, g_object_ref (self));
}

/**
 * xinzhi_window_export_data:
 * @kind: documents, people, sectors, events or quotes
 * @file: where to write them: JSON when its name ends in .json, CSV otherwise
 * @error: why they could not be written, naming the file
 *
 * Writes the @kind of the corpus shown, as the window's filters show them (sectors and
 * people whole: no filter narrows them), to @file, and says so with a toast whose
 * button opens the folder the file is in.  With a time span, what the span only
 * possibly holds is written too, marked so (xinzhi_export_filtered()), and the toast
 * says how many.
 *
 * Returns: whether the file was written
 */
gboolean
xinzhi_window_export_data (XinzhiWindow  *self,
                           const char    *kind,
                           GFile         *file,
                           GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  XinzhiExportFormat format;
  guint n_rows = 0, n_possibly = 0;

  g_return_val_if_fail (XINZHI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (lookup_kind (kind) != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  format = g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".JSON")
           ? XINZHI_EXPORT_JSON : XINZHI_EXPORT_CSV;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (stream == NULL ||
      !xinzhi_export_filtered (xinzhi_window_get_corpus (self), kind, format,
                               xinzhi_window_get_filter (self), G_OUTPUT_STREAM (stream),
                               &n_rows, &n_possibly, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_autofree char *path = g_file_get_parse_name (file);

      /* Translators: %s is a file, the second why it could not be written */
      g_set_error (error, local_error->domain, local_error->code,
                   _("“%s” could not be written: %s"), path, local_error->message);
      return FALSE;
    }

  message = dup_exported_message (kind, n_rows, name);
  if (n_possibly > 0)
    {
      g_autofree char *exported = g_steal_pointer (&message);
      g_autofree char *possibly = NULL;

      /* Translators: after an export filtered to a time span: how many of the rows
       * exported the dates can neither place in the span nor out of it */
      possibly = g_strdup_printf (ngettext ("%u of them only possibly in the span",
                                            "%u of them only possibly in the span",
                                            n_possibly), n_possibly);
      /* Translators: the first %s says what was exported, the second how many of
       * those the span only possibly holds */
      message = g_strdup_printf (_("%s, %s"), exported, possibly);
    }
  xinzhi_dialogs_toast_saved (GTK_WIDGET (self->toast_overlay), message, file);

  return TRUE;
}

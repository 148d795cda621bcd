/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-window-notes.h"

/* Exporting and importing the person's notes from the main menu.  An import is checked
 * whole before anything changes; a file that is not valid gets an alert naming the file
 * and the place in it.  A valid one is merged with the notes there are, after the
 * person agrees to a dialog that says what merging does. */

static GtkFileDialog *
create_file_dialog (const char *title)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("JSON Files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, json);
  g_list_store_append (filters, all);

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, json);
  return dialog;
}

static gboolean
is_dismissed (const GError *error)
{
  return g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
         g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED);
}

static void
show_alert (XinzhiWindow *self,
            const char   *heading,
            const char   *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
add_toast (XinzhiWindow *self,
           const char   *title)
{
  AdwToast *toast = adw_toast_new (title);

  /* The title names a file: never markup. */
  adw_toast_set_use_markup (toast, FALSE);
  xinzhi_window_add_toast (self, toast);
}

static void
export_dialog_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (!is_dismissed (error))
        show_alert (self, _("Could Not Export Notes"), error->message);
      return;
    }

  if (!xinzhi_window_export_notes (self, file, &error))
    show_alert (self, _("Could Not Export Notes"), error->message);
}

void
xinzhi_window_export_notes_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = create_file_dialog (_("Export Notes"));

  gtk_file_dialog_set_initial_name (dialog, _("xinzhi-notes.json"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, export_dialog_cb, g_object_ref (self));
}

static void
import_dialog_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (!is_dismissed (error))
        show_alert (self, _("Could Not Import Notes"), error->message);
      return;
    }

  xinzhi_window_import_notes (self, file);
}

void
xinzhi_window_import_notes_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = create_file_dialog (_("Import Notes"));

  gtk_file_dialog_set_accept_label (dialog, _("_Import"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, import_dialog_cb, g_object_ref (self));
}

static void
merge_response_cb (AdwAlertDialog *dialog,
                   const char     *response,
                   XinzhiWindow   *self)
{
  XinzhiNotes *imported = g_object_get_data (G_OBJECT (dialog), "imported");
  XinzhiNotes *notes = xinzhi_window_get_notes (self);
  g_autofree char *message = NULL;
  guint n;

  if (!g_str_equal (response, "merge") || notes == NULL)
    return;

  n = xinzhi_notes_merge (notes, imported);
  /* Translators: after an import; %u is a number of quotes, events and articles */
  message = g_strdup_printf (ngettext ("Merged notes on %u item", "Merged notes on %u items", n), n);
  add_toast (self, message);
}

/**
 * xinzhi_window_export_notes:
 * @file: where to write the notes
 * @error: why they could not be written, naming the file
 *
 * Writes the person's notes to @file, as a notes file, and says so with a toast.
 *
 * Returns: whether the notes were written
 */
gboolean
xinzhi_window_export_notes (XinzhiWindow  *self,
                            GFile         *file,
                            GError       **error)
{
  XinzhiNotes *notes;
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (XINZHI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  notes = xinzhi_window_get_notes (self);
  g_return_val_if_fail (notes != NULL, FALSE);

  name = g_file_get_parse_name (file);
  json = xinzhi_notes_to_json (notes);
  if (!g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
      return FALSE;
    }

  /* Translators: %s is the file the notes were written to */
  message = g_strdup_printf (_("Notes exported to “%s”"), name);
  add_toast (self, message);
  return TRUE;
}

/**
 * xinzhi_window_import_notes:
 * @file: a notes file
 *
 * Checks @file whole.  When it is not a valid notes file an alert says what is wrong,
 * with the file and the place; otherwise an alert says what merging does and merges
 * the notes when the person agrees.
 */
void
xinzhi_window_import_notes (XinzhiWindow *self,
                            GFile        *file)
{
  g_autoptr(XinzhiNotes) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwDialog *dialog;
  guint n;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  imported = xinzhi_notes_new_from_import (file, NULL, &error);
  if (imported == NULL)
    {
      show_alert (self, _("Could Not Import Notes"), error->message);
      return;
    }

  name = g_file_get_parse_name (file);
  n = xinzhi_notes_get_n_items (imported);
  if (n == 0)
    {
      /* Translators: %s is a notes file */
      body = g_strdup_printf (_("“%s” holds no stars or notes."), name);
      show_alert (self, _("Nothing to Import"), body);
      return;
    }

  /* Translators: %s is a notes file, %u how many quotes, events and articles it notes */
  body = g_strdup_printf (ngettext ("“%s” has stars or notes on %u item. They are merged with "
                                    "yours: items you have not noted are added, and where both "
                                    "note the same item, the imported star and note replace "
                                    "yours. Your other notes stay as they are.",
                                    "“%s” has stars or notes on %u items. They are merged with "
                                    "yours: items you have not noted are added, and where both "
                                    "note the same item, the imported star and note replace "
                                    "yours. Your other notes stay as they are.",
                                    n),
                          name, n);
  dialog = adw_alert_dialog_new (_("Merge Imported Notes?"), body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "merge", _("_Merge"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "merge",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "merge");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "imported", g_steal_pointer (&imported), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

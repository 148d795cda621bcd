/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-dialogs.h"
#include "xinzhi-escape.h"
#include "xinzhi-window-private.h"

/* Exporting and importing the person's notes from the main menu.  An import is checked
 * whole before anything changes; a file that is not valid gets an alert naming the file
 * and the place in it.  A valid one is merged with the notes there are, after the
 * person agrees to a dialog that says what merging does.
 *
 * And closing the window with notes that could not be saved: it asks first, offering
 * to export them elsewhere. */

static void
add_toast (XinzhiWindow *self,
           const char   *title)
{
  AdwToast *toast = adw_toast_new (title);

  /* The title names a file: never markup. */
  adw_toast_set_use_markup (toast, FALSE);
  xinzhi_window_add_toast (self, toast);
}

/* Asks where to export the notes; @callback gets the dialog's result and a reference
 * to the window. */
static void
choose_export_file (XinzhiWindow        *self,
                    GAsyncReadyCallback  callback)
{
  g_autoptr(GtkFileDialog) dialog = xinzhi_dialogs_new_json_file_dialog (_("Export Notes"));

  gtk_file_dialog_set_initial_name (dialog, _("xinzhi-notes.json"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, callback, g_object_ref (self));
}

/* The file chosen to export to, or %NULL; says why not in an alert, unless the person
 * cancelled. */
static GFile *
finish_choosing (XinzhiWindow *self,
                 GObject      *dialog,
                 GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  GFile *file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (dialog), result, &error);

  if (file == NULL)
    xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Export Notes"), error);
  return file;
}

static void
export_dialog_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  g_autoptr(GFile) file = finish_choosing (self, object, result);
  g_autoptr(GError) error = NULL;

  if (file != NULL && !xinzhi_window_export_notes (self, file, &error))
    xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Export Notes"), error);
}

void
xinzhi_window_export_notes_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  choose_export_file (XINZHI_WINDOW (widget), export_dialog_cb);
}

static void
import_chosen (GtkWidget *widget,
               GFile     *file)
{
  xinzhi_window_import_notes (XINZHI_WINDOW (widget), file);
}

void
xinzhi_window_import_notes_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = xinzhi_dialogs_new_json_file_dialog (_("Import Notes"));

  gtk_file_dialog_set_accept_label (dialog, _("_Import"));
  xinzhi_dialogs_open_json_file (widget, dialog, NULL, _("Could Not Import Notes"), import_chosen);
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
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (XINZHI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  notes = xinzhi_window_get_notes (self);
  g_return_val_if_fail (notes != NULL, FALSE);

  if (!xinzhi_notes_export (notes, file, error))
    return FALSE;

  name = g_file_get_parse_name (file);

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
      xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Import Notes"), error);
      return;
    }

  name = g_file_get_parse_name (file);
  n = xinzhi_notes_get_n_items (imported);
  if (n == 0)
    {
      /* Translators: %s is a notes file */
      body = g_strdup_printf (_("“%s” holds no stars or notes."), name);
      xinzhi_dialogs_show_alert (GTK_WIDGET (self), _("Nothing to Import"), body);
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

static gboolean
destroy_window_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
export_then_close_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  g_autoptr(GFile) file = finish_choosing (self, object, result);

  if (file != NULL)
    xinzhi_window_export_notes_and_close (self, file);
}

static void
close_response_cb (AdwAlertDialog *dialog,
                   const char     *response,
                   XinzhiWindow   *self)
{
  if (g_str_equal (response, "discard"))
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_str_equal (response, "export"))
    choose_export_file (self, export_then_close_cb);
}

/**
 * xinzhi_window_notes_close_request:
 *
 * The window's #GtkWindow::close-request handler: the window closes when the notes are
 * saved, or can be saved now.  Otherwise an alert says why they could not be, and
 * offers to export them to another file (then the window closes), to discard them, or
 * to cancel.
 *
 * Returns: %TRUE to keep the window open for now
 */
gboolean
xinzhi_window_notes_close_request (XinzhiWindow *self)
{
  XinzhiNotes *notes = xinzhi_window_get_notes (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *escaped = NULL;
  AdwDialog *dialog;

  if (notes == NULL || xinzhi_notes_flush (notes, &error))
    return FALSE;

  /* Asked already. */
  if (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self)) != NULL)
    return TRUE;

  /* Translators: %s says why the notes could not be saved, naming the file */
  body = g_strdup_printf (_("Your latest stars and notes could not be saved: %s\n\n"
                            "If you close Xinzhi now, they are lost. Export them to a file of "
                            "your choice to keep them."),
                          error->message);
  escaped = xinzhi_escape_controls (body, XINZHI_ESCAPE_KEEP_NEWLINES);
  dialog = adw_alert_dialog_new (_("Keep Your Notes?"), escaped);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "discard", _("_Discard"),
                                  "export", _("_Export Notes…"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "export",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "export");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return TRUE;
}

/**
 * xinzhi_window_export_notes_and_close:
 * @file: where the person chose to export the notes
 *
 * What the close alert's Export does once a file is chosen: writes the notes to @file
 * and closes the window, a moment later (once the file chooser, a child of the window,
 * is done).  When they could not be written, an alert says why and the window stays,
 * and so do the notes.
 */
void
xinzhi_window_export_notes_and_close (XinzhiWindow *self,
                                      GFile        *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!xinzhi_window_export_notes (self, file, &error))
    {
      xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Export Notes"), error);
      return;
    }

  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window_cb, g_object_ref (self), g_object_unref);
}

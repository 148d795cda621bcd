/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dialogs helper, under a display: the JSON file dialog offers JSON files first
 * and every file on request; an error alert always shows the error's message, escaped,
 * and only a cancel by the person (or on their behalf) stays silent, also when a file
 * dialog is cancelled. */
#include "config.h"

#include <adwaita.h>

#include "xinzhi-dialogs.h"
#include "xinzhi-test-ui.h"

static AdwApplication *app;

static void
test_dialogs_is_cancelled (void)
{
  g_autoptr(GError) dismissed = g_error_new_literal (GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED, "x");
  g_autoptr(GError) cancelled = g_error_new_literal (GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED, "x");
  g_autoptr(GError) io_cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");
  g_autoptr(GError) failed = g_error_new_literal (GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_FAILED, "x");
  g_autoptr(GError) not_found = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "x");

  g_assert_true (xinzhi_dialogs_is_cancelled (dismissed));
  g_assert_true (xinzhi_dialogs_is_cancelled (cancelled));
  g_assert_true (xinzhi_dialogs_is_cancelled (io_cancelled));
  g_assert_false (xinzhi_dialogs_is_cancelled (failed));
  g_assert_false (xinzhi_dialogs_is_cancelled (not_found));
  g_assert_false (xinzhi_dialogs_is_cancelled (NULL));
}

static void
test_dialogs_json_file_dialog (void)
{
  g_autoptr(GtkFileDialog) dialog = xinzhi_dialogs_new_json_file_dialog ("Open Something");
  GListModel *filters = gtk_file_dialog_get_filters (dialog);
  g_autoptr(GtkFileFilter) first = NULL;
  g_autoptr(GtkFileFilter) second = NULL;
  GtkFileFilter *default_filter = gtk_file_dialog_get_default_filter (dialog);

  g_assert_cmpstr (gtk_file_dialog_get_title (dialog), ==, "Open Something");
  g_assert_true (gtk_file_dialog_get_modal (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
  first = g_list_model_get_item (filters, 0);
  second = g_list_model_get_item (filters, 1);
  g_assert_true (default_filter == first);
  g_assert_cmpstr (gtk_file_filter_get_name (first), ==, "JSON Files");
  g_assert_cmpstr (gtk_file_filter_get_name (second), ==, "All Files");
}

static void
test_dialogs_show_error (void)
{
  AdwWindow *window = ADW_WINDOW (adw_window_new ());
  g_autoptr(GError) cancelled = g_error_new_literal (GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED,
                                                     "Dismissed by user");
  /* A message quoting a file with a bidirectional control in its name. */
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                 "No such file “a\u202Eb.json”");
  AdwDialog *dialog;

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));

  /* The person closed the dialog: nothing to say. */
  xinzhi_dialogs_show_error (GTK_WIDGET (window), "Could Not Open", cancelled);
  xinzhi_test_run_for (100);
  g_assert_null (adw_window_get_visible_dialog (window));

  /* Anything else: the message, with its controls shown, not obeyed. */
  xinzhi_dialogs_show_error (GTK_WIDGET (window), "Could Not Open", error);
  xinzhi_test_run_for (100);
  dialog = adw_window_get_visible_dialog (window);
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Open");
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==,
                   "No such file “a\\u202Eb.json”");

  adw_dialog_force_close (dialog);
  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

static void
file_chosen (GtkWidget *parent,
             GFile     *file)
{
  g_assert_not_reached ();
}

/* Opening another file, or closing the window, cancels the dialog: that says nothing
 * and chooses nothing. */
static void
test_dialogs_open_cancelled (void)
{
  AdwWindow *window = ADW_WINDOW (adw_window_new ());
  g_autoptr(GtkFileDialog) dialog = xinzhi_dialogs_new_json_file_dialog ("Open Something");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));

  xinzhi_dialogs_open_json_file (GTK_WIDGET (window), dialog, cancellable, "Could Not Open",
                                 file_chosen);
  xinzhi_test_run_for (200);
  g_cancellable_cancel (cancellable);
  xinzhi_test_run_for (200);
  g_assert_null (adw_window_get_visible_dialog (window));

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);
  app = xinzhi_test_new_application ();

  g_test_add_func ("/dialogs/is-cancelled", test_dialogs_is_cancelled);
  g_test_add_func ("/dialogs/json-file-dialog", test_dialogs_json_file_dialog);
  g_test_add_func ("/dialogs/show-error", test_dialogs_show_error);
  g_test_add_func ("/dialogs/open-cancelled", test_dialogs_open_cancelled);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}

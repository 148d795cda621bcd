/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "xinzhi-dialogs.h"
#include "xinzhi-escape.h"

/* The dialogs every view asks for: a file chooser for JSON files or for articles, and
 * an alert that says what could not be done and why. */

/**
 * xinzhi_dialogs_new_json_filter:
 *
 * Returns: (transfer full): a filter named “JSON Files”, by type and by suffix
 */
GtkFileFilter *
xinzhi_dialogs_new_json_filter (void)
{
  GtkFileFilter *json = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("JSON Files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  return json;
}

/* A modal file dialog that shows the files @first lets through, and every file on
 * request. */
static GtkFileDialog *
new_file_dialog (const char    *title,
                 GtkFileFilter *first)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, first);
  g_list_store_append (filters, all);

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, first);
  return dialog;
}

/**
 * xinzhi_dialogs_new_json_file_dialog:
 * @title: the title of the dialog
 *
 * Returns: (transfer full): a modal file dialog that shows JSON files first, and
 *   every file on request
 */
GtkFileDialog *
xinzhi_dialogs_new_json_file_dialog (const char *title)
{
  g_autoptr(GtkFileFilter) json = xinzhi_dialogs_new_json_filter ();

  return new_file_dialog (title, json);
}

/**
 * xinzhi_dialogs_new_articles_file_dialog:
 * @title: the title of the dialog
 *
 * Returns: (transfer full): a modal file dialog that shows articles first (plain text,
 *   Markdown and web pages, by suffix: what `xinzhi --extract` reads), and every file
 *   on request
 */
GtkFileDialog *
xinzhi_dialogs_new_articles_file_dialog (const char *title)
{
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();
  const char *suffixes[] = { "txt", "md", "markdown", "html", "htm" };

  gtk_file_filter_set_name (articles, _("Articles"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (articles, suffixes[i]);
  return new_file_dialog (title, articles);
}

typedef struct
{
  GtkWidget             *parent;
  char                  *error_heading;
  XinzhiDialogsFileFunc  chosen;
  XinzhiDialogsFilesFunc chosen_files;
  gboolean               save;           /* a file to write, not to open */
} OpenData;

static OpenData *
open_data_new (GtkWidget  *parent,
               const char *error_heading)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->parent = g_object_ref (parent);
  data->error_heading = g_strdup (error_heading);
  return data;
}

/* The window @widget is in, for a dialog over it, or %NULL. */
static GtkWindow *
get_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_data_free (OpenData *data)
{
  g_object_unref (data->parent);
  g_free (data->error_heading);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

/* The file chosen to open, or to save to, given to the caller. */
static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (data->save)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    xinzhi_dialogs_show_error (data->parent, data->error_heading, error);
  else
    data->chosen (data->parent, file);
}

/* Asks with @dialog for one file, to open or (@save) to write. */
static void
ask_for_file (GtkWidget             *parent,
              GtkFileDialog         *dialog,
              GCancellable          *cancellable,
              const char            *error_heading,
              XinzhiDialogsFileFunc  chosen,
              gboolean               save)
{
  OpenData *data;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (GTK_IS_FILE_DIALOG (dialog));
  g_return_if_fail (error_heading != NULL);
  g_return_if_fail (chosen != NULL);

  data = open_data_new (parent, error_heading);
  data->chosen = chosen;
  data->save = save;
  if (save)
    gtk_file_dialog_save (dialog, get_window (parent), cancellable, file_chosen_cb, data);
  else
    gtk_file_dialog_open (dialog, get_window (parent), cancellable, file_chosen_cb, data);
}

/**
 * xinzhi_dialogs_open_json_file:
 * @parent: the widget that asks, in a window
 * @dialog: a dialog from xinzhi_dialogs_new_json_file_dialog()
 * @cancellable: (nullable): to stop asking
 * @error_heading: what could not be done when the dialog fails, as “Could Not …”
 * @chosen: called with @parent and the file, once the person has chosen one
 *
 * Asks for a file to open with @dialog, over @parent's window.  When the dialog fails,
 * an alert says why, unless the person cancelled.
 */
void
xinzhi_dialogs_open_json_file (GtkWidget             *parent,
                               GtkFileDialog         *dialog,
                               GCancellable          *cancellable,
                               const char            *error_heading,
                               XinzhiDialogsFileFunc  chosen)
{
  ask_for_file (parent, dialog, cancellable, error_heading, chosen, FALSE);
}

/**
 * xinzhi_dialogs_save_file:
 * @parent: the widget that asks, in a window
 * @dialog: a dialog from xinzhi_dialogs_new_json_file_dialog(), say
 * @cancellable: (nullable): to stop asking
 * @error_heading: what could not be done when the dialog fails, as “Could Not …”
 * @chosen: called with @parent and the file, once the person has chosen one
 *
 * As xinzhi_dialogs_open_json_file(), for a file to write.
 */
void
xinzhi_dialogs_save_file (GtkWidget             *parent,
                          GtkFileDialog         *dialog,
                          GCancellable          *cancellable,
                          const char            *error_heading,
                          XinzhiDialogsFileFunc  chosen)
{
  ask_for_file (parent, dialog, cancellable, error_heading, chosen, TRUE);
}

static void
open_multiple_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  list = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (object), result, &error);
  if (list == NULL)
    {
      xinzhi_dialogs_show_error (data->parent, data->error_heading, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (files, g_list_model_get_item (list, i));
  if (files->len > 0)
    data->chosen_files (data->parent, (GFile **) files->pdata, files->len);
}

/**
 * xinzhi_dialogs_open_files:
 * @parent: the widget that asks, in a window
 * @dialog: a dialog from xinzhi_dialogs_new_articles_file_dialog()
 * @cancellable: (nullable): to stop asking
 * @error_heading: what could not be done when the dialog fails, as “Could Not …”
 * @chosen: called with @parent and the files, once the person has chosen some
 *
 * As xinzhi_dialogs_open_json_file(), for one file or more.
 */
void
xinzhi_dialogs_open_files (GtkWidget              *parent,
                           GtkFileDialog          *dialog,
                           GCancellable           *cancellable,
                           const char             *error_heading,
                           XinzhiDialogsFilesFunc  chosen)
{
  OpenData *data;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (GTK_IS_FILE_DIALOG (dialog));
  g_return_if_fail (error_heading != NULL);
  g_return_if_fail (chosen != NULL);

  data = open_data_new (parent, error_heading);
  data->chosen_files = chosen;
  gtk_file_dialog_open_multiple (dialog, get_window (parent), cancellable, open_multiple_cb, data);
}

/**
 * xinzhi_dialogs_is_cancelled:
 * @error: (nullable): the error of a dialog, a launcher or an operation
 *
 * Returns: whether @error only says that the person, or the program on their behalf,
 *   gave up: a dismissed dialog or a cancelled operation, which needs no word
 */
gboolean
xinzhi_dialogs_is_cancelled (const GError *error)
{
  return g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
         g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/**
 * xinzhi_dialogs_show_alert:
 * @parent: the widget the alert belongs to
 * @heading: what could not be done, as “Could Not …”
 * @body: why
 *
 * Shows an alert with a Close button.  @body names files and quotes the corpus: its
 * controls are shown, not obeyed (a bidirectional control would turn the words
 * around).
 */
void
xinzhi_dialogs_show_alert (GtkWidget  *parent,
                           const char *heading,
                           const char *body)
{
  g_autofree char *escaped = NULL;
  AdwDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (body != NULL);

  escaped = xinzhi_escape_controls (body, XINZHI_ESCAPE_KEEP_NEWLINES);
  dialog = adw_alert_dialog_new (heading, escaped);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, parent);
}

/**
 * xinzhi_dialogs_show_error:
 * @parent: the widget the alert belongs to
 * @heading: what could not be done, as “Could Not …”
 * @error: why
 *
 * Shows @error's message in an alert, unless @error only says that the person
 * cancelled (see xinzhi_dialogs_is_cancelled()).
 */
void
xinzhi_dialogs_show_error (GtkWidget    *parent,
                           const char   *heading,
                           const GError *error)
{
  g_return_if_fail (error != NULL);

  if (xinzhi_dialogs_is_cancelled (error))
    return;

  xinzhi_dialogs_show_alert (parent, heading, error->message);
}

static void
open_folder_cb (AdwToast  *toast,
                GtkWidget *parent)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_open_containing_folder (launcher, GTK_WINDOW (gtk_widget_get_root (parent)),
                                            NULL, NULL, NULL);
}

/**
 * xinzhi_dialogs_toast_saved:
 * @parent: the widget that saved, under a toast overlay
 * @message: what was saved where, plain text
 * @file: the file written
 *
 * Says @message in a toast, with a button that opens the folder @file is in, over
 * the toast overlay @parent is in (none when it is in none).
 */
void
xinzhi_dialogs_toast_saved (GtkWidget  *parent,
                            const char *message,
                            GFile      *file)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (message != NULL);
  g_return_if_fail (G_IS_FILE (file));

  overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  /* A file name: never markup. */
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_button_label (toast, _("Open _Folder"));
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_folder_cb), parent, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

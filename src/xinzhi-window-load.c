/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-escape.h"
#include "xinzhi-window-private.h"

static void
show_open_error (XinzhiWindow *self,
                 const char   *message)
{
  /* The message quotes the file: its controls are shown, not obeyed. */
  g_autofree char *escaped = xinzhi_escape_controls (message, XINZHI_ESCAPE_KEEP_NEWLINES);
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Could Not Open Corpus"), escaped);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* ---- Opening a corpus ---------------------------------------------------------------
 *
 * A corpus is loaded in a thread.  When that takes longer than a moment, a banner names
 * the file, with a Cancel button, over a progress bar.  The loader tells its progress in
 * its thread; the figure goes to the main thread through an atomic and at most one idle
 * callback at a time, so a fast loader cannot flood the main loop.  Cancelling, or
 * opening another file, stops the load and keeps the corpus shown, without a word. */

/* A banner for a load shorter than this would only flicker. */
#define LOAD_SHOW_DELAY_MS 200

typedef struct _Load
{
  gatomicrefcount  ref_count;
  GFile           *file;
  GCancellable    *cancellable;
  GWeakRef         window;
  int              permille;     /* atomic: the loader's last figure, in thousandths */
  int              pending;      /* atomic: an update is on its way to the main thread */
} Load;

static Load *
load_new (XinzhiWindow *window,
          GFile        *file)
{
  Load *load = g_new0 (Load, 1);

  g_atomic_ref_count_init (&load->ref_count);
  load->file = g_object_ref (file);
  load->cancellable = g_cancellable_new ();
  g_weak_ref_init (&load->window, window);
  return load;
}

static Load *
load_ref (Load *load)
{
  g_atomic_ref_count_inc (&load->ref_count);
  return load;
}

static void
load_unref (Load *load)
{
  if (!g_atomic_ref_count_dec (&load->ref_count))
    return;

  g_object_unref (load->file);
  g_object_unref (load->cancellable);
  g_weak_ref_clear (&load->window);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_unref)

/* Hides the banner and forgets the load; it has ended or no longer matters. */
static void
end_load (XinzhiWindow *self)
{
  g_clear_handle_id (&self->load_show_id, g_source_remove);
  g_clear_pointer (&self->load, load_unref);
  adw_banner_set_revealed (self->load_banner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
}

/* In the main thread: shows the loader's last figure. */
static gboolean
load_progress_idle_cb (gpointer user_data)
{
  Load *load = user_data;
  g_autoptr(XinzhiWindow) self = g_weak_ref_get (&load->window);

  g_atomic_int_set (&load->pending, FALSE);
  if (self != NULL && self->load == load)
    gtk_progress_bar_set_fraction (self->load_progress,
                                   g_atomic_int_get (&load->permille) / 1000.0);

  return G_SOURCE_REMOVE;
}

/* In the loading thread. */
static void
load_progress_cb (double   fraction,
                  gpointer user_data)
{
  Load *load = user_data;

  g_atomic_int_set (&load->permille, (int) (fraction * 1000.0));
  if (g_atomic_int_compare_and_exchange (&load->pending, FALSE, TRUE))
    g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT_IDLE, load_progress_idle_cb,
                                load_ref (load), (GDestroyNotify) load_unref);
}

static void
load_corpus_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Load *load = task_data;
  XinzhiCorpus *corpus;
  GError *error = NULL;

  corpus = xinzhi_corpus_load_file (load->file, cancellable, load_progress_cb, load, &error);
  if (corpus == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, corpus, g_object_unref);
}

static void
load_corpus_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  XinzhiWindow *self = XINZHI_WINDOW (object);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* A cancelled load, or one another file replaced, has nothing more to say. */
  corpus = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->load != load)
    return;
  end_load (self);

  if (corpus == NULL)
    {
      /* The current corpus stays. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_open_error (self, error->message);
      return;
    }

  xinzhi_window_set_corpus (self, corpus);

  /* Translators: %s is the title of the corpus just opened */
  message = g_strdup_printf (_("Opened “%s”"), xinzhi_corpus_get_title (corpus));
  toast = adw_toast_new (message);
  /* The title comes from the file: never markup. */
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
show_load_cb (gpointer user_data)
{
  XinzhiWindow *self = user_data;

  self->load_show_id = 0;
  adw_banner_set_revealed (self->load_banner, TRUE);
  return G_SOURCE_REMOVE;
}

void
_xinzhi_window_cancel_load_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);

  if (self->load != NULL)
    g_cancellable_cancel (self->load->cancellable);
  end_load (self);
}

static void
open_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        show_open_error (self, error->message);
      return;
    }

  xinzhi_window_open_file (self, file);
}

void
_xinzhi_window_open_corpus_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
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

  gtk_file_dialog_set_title (dialog, _("Open Corpus"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, json);

  gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->cancellable,
                        open_dialog_cb, g_object_ref (self));
}

/* A corpus file dropped on the window opens as one chosen from the menu. */
gboolean
_xinzhi_window_drop_cb (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        XinzhiWindow  *self)
{
  GSList *list;
  g_autofree GFile **files = NULL;
  guint n_files;
  guint i = 0;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  n_files = g_slist_length (list);
  if (n_files == 0)
    return FALSE;

  files = g_new0 (GFile *, n_files);
  for (GSList *l = list; l != NULL; l = l->next)
    files[i++] = l->data;
  xinzhi_window_open_files (self, files, n_files);

  return TRUE;
}

/**
 * xinzhi_window_open_file:
 * @file: a corpus file
 *
 * Loads the corpus in @file, in a thread, and shows it in place of the current one,
 * with a toast.  While it loads, a banner shows the progress and offers to cancel
 * (win.cancel-load); opening another file cancels it too.  When @file is not a valid
 * corpus, the current corpus stays and an alert gives the problem, with the file and
 * the place in it; when the load is cancelled, the current corpus stays.
 */
void
xinzhi_window_open_file (XinzhiWindow *self,
                         GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  Load *load;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One load at a time: the newer file is the one wanted. */
  if (self->load != NULL)
    g_cancellable_cancel (self->load->cancellable);
  end_load (self);

  load = self->load = load_new (self, file);
  basename = g_file_get_basename (file);
  /* Translators: %s is the name of the corpus file being opened */
  title = g_strdup_printf (_("Opening “%s”…"), basename);
  adw_banner_set_title (self->load_banner, title);
  gtk_progress_bar_set_fraction (self->load_progress, 0.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);
  self->load_show_id = g_timeout_add (LOAD_SHOW_DELAY_MS, show_load_cb, self);

  /* Parsing and checking a large corpus takes a while: do it off the main thread. */
  task = g_task_new (self, load->cancellable, load_corpus_cb, NULL);
  g_task_set_source_tag (task, xinzhi_window_open_file);
  g_task_set_task_data (task, load_ref (load), (GDestroyNotify) load_unref);
  g_task_run_in_thread (task, load_corpus_thread);
}

/**
 * xinzhi_window_open_files:
 * @files: (array length=n_files): files to open, from a file manager, the command line
 *   or a drop
 * @n_files: how many, at least one
 *
 * Opens the first of @files as xinzhi_window_open_file() does.  The window shows one
 * corpus at a time: when there are more, a toast says how many were not opened.
 */
void
xinzhi_window_open_files (XinzhiWindow  *self,
                          GFile        **files,
                          guint          n_files)
{
  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (files != NULL && n_files > 0);

  xinzhi_window_open_file (self, files[0]);

  if (n_files > 1)
    {
      g_autofree char *basename = g_file_get_basename (files[0]);
      g_autofree char *message = NULL;
      AdwToast *toast;

      /* Translators: %s is the name of the file opened; %u is the number of other files
       * that were given at the same time */
      message = g_strdup_printf (ngettext ("Xinzhi shows one corpus at a time: “%s” is opened, "
                                           "%u other file is not",
                                           "Xinzhi shows one corpus at a time: “%s” is opened, "
                                           "%u other files are not",
                                           n_files - 1),
                                 basename, n_files - 1);
      toast = adw_toast_new (message);
      /* A file name is not markup. */
      adw_toast_set_use_markup (toast, FALSE);
      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

/* Stops the load under way, if any, for the window going away. */
void
_xinzhi_window_load_dispose (XinzhiWindow *self)
{
  if (self->load != NULL)
    g_cancellable_cancel (self->load->cancellable);
  g_clear_handle_id (&self->load_show_id, g_source_remove);
  g_clear_pointer (&self->load, load_unref);
}

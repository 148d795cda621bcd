/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-dialogs.h"
#include "xinzhi-window-private.h"

/* ---- Opening a corpus ---------------------------------------------------------------
 *
 * The model loads the corpus in a thread and brings its progress to the main thread
 * (xinzhi_corpus_load_file_async()); the window only shows it.  When a load takes
 * longer than a moment, a banner names the file, with a Cancel button, over a progress
 * bar.  Cancelling, or opening another file, stops the load and keeps the corpus shown,
 * without a word. */

/* A banner for a load shorter than this would only flicker. */
#define LOAD_SHOW_DELAY_MS 200

/* One load, for its progress and its end to tell whether it is still the window's. */
typedef struct _Load
{
  GCancellable *cancellable;
  GWeakRef      window;
} Load;

static Load *
load_new (XinzhiWindow *window)
{
  Load *load = g_rc_box_new0 (Load);

  load->cancellable = g_cancellable_new ();
  g_weak_ref_init (&load->window, window);
  return load;
}

static Load *
load_ref (Load *load)
{
  return g_rc_box_acquire (load);
}

static void
load_clear (gpointer data)
{
  Load *load = data;

  g_object_unref (load->cancellable);
  g_weak_ref_clear (&load->window);
}

static void
load_unref (Load *load)
{
  g_rc_box_release_full (load, load_clear);
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

static void
load_progress_cb (double   fraction,
                  gpointer user_data)
{
  Load *load = user_data;
  g_autoptr(XinzhiWindow) self = g_weak_ref_get (&load->window);

  if (self != NULL && self->load == load)
    gtk_progress_bar_set_fraction (self->load_progress, fraction);
}

static void
load_corpus_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(XinzhiWindow) self = g_weak_ref_get (&load->window);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* A cancelled load, or one another file replaced, has nothing more to say. */
  corpus = xinzhi_corpus_load_file_finish (result, &error);
  if (self == NULL || self->load != load)
    return;
  end_load (self);

  if (corpus == NULL)
    {
      /* The current corpus stays; the message quotes the file. */
      xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Open Corpus"), error);
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
corpus_chosen (GtkWidget *widget,
               GFile     *file)
{
  xinzhi_window_open_file (XINZHI_WINDOW (widget), file);
}

void
_xinzhi_window_open_corpus_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = xinzhi_dialogs_new_json_file_dialog (_("Open Corpus"));

  xinzhi_dialogs_open_json_file (widget, dialog, self->cancellable,
                                 _("Could Not Open Corpus"), corpus_chosen);
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
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  Load *load;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One load at a time: the newer file is the one wanted. */
  if (self->load != NULL)
    g_cancellable_cancel (self->load->cancellable);
  end_load (self);

  load = self->load = load_new (self);
  basename = g_file_get_basename (file);
  /* Translators: %s is the name of the corpus file being opened */
  title = g_strdup_printf (_("Opening “%s”…"), basename);
  adw_banner_set_title (self->load_banner, title);
  gtk_progress_bar_set_fraction (self->load_progress, 0.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);
  self->load_show_id = g_timeout_add (LOAD_SHOW_DELAY_MS, show_load_cb, self);

  /* Parsing and checking a large corpus takes a while: the model does it off the main
   * thread. */
  xinzhi_corpus_load_file_async (file, G_PRIORITY_DEFAULT, load->cancellable,
                                 load_progress_cb, load_ref (load), (GDestroyNotify) load_unref,
                                 load_corpus_cb, load_ref (load));
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>

#include "xinzhi-dialogs.h"
#include "xinzhi-import.h"
#include "xinzhi-window-private.h"

/* ---- Opening a corpus ---------------------------------------------------------------
 *
 * The model loads the corpus in a thread and brings its progress to the main thread
 * (xinzhi_corpus_load_file_async()); the window only shows it.  When a load takes
 * longer than a moment, a banner names the file, with a Cancel button, over a progress
 * bar.  Cancelling, or opening another file, stops the load and keeps the corpus shown,
 * without a word.  Adding articles (xinzhi_import_files_async()) shows the same banner,
 * as a load of its own, and then opens the corpus it wrote. */

/* A banner for a load shorter than this would only flicker. */
#define LOAD_SHOW_DELAY_MS 200

/* One load or import, for its progress and its end to tell whether it is still the
 * window's. */
typedef struct _Load
{
  GCancellable *cancellable;
  GWeakRef      window;
  GFile        *file;     /* the corpus file */
  char         *message;  /* (nullable): the toast once it is open, rather than “Opened” */
  GFile        *pasted;   /* (nullable): an import's article file written from the
                           * clipboard, removed with its folder once the import is over */
  gboolean      reopening; /* the corpus opened last, at the start */
  gboolean      edited;    /* the file shown, opened again after an edit, an undo or a
                            * redo (xinzhi-window-edit.c), which keeps their steps */
  GType         show_type;  /* XINZHI_TYPE_QUOTE, _EVENT, _PERSON or _SECTOR */
  char         *show_id;    /* (nullable): the quote, event, person or sector to show once it is open */
  gboolean      offer_undo; /* an Undo button on the toast */
} Load;

static Load *
load_new (XinzhiWindow *window,
          GFile        *file)
{
  Load *load = g_rc_box_new0 (Load);

  load->cancellable = g_cancellable_new ();
  g_weak_ref_init (&load->window, window);
  load->file = g_object_ref (file);
  return load;
}

static Load *
load_ref (Load *load)
{
  return g_rc_box_acquire (load);
}

/* Removes a file written from the clipboard, and the folder made for it. */
static void
remove_pasted (GFile *pasted)
{
  g_autoptr(GFile) folder = g_file_get_parent (pasted);

  g_file_delete (pasted, NULL, NULL);
  if (folder != NULL)
    g_file_delete (folder, NULL, NULL);
}

static void
load_clear (gpointer data)
{
  Load *load = data;

  g_object_unref (load->cancellable);
  g_weak_ref_clear (&load->window);
  g_object_unref (load->file);
  g_free (load->message);
  g_free (load->show_id);
  if (load->pasted != NULL)
    {
      remove_pasted (load->pasted);
      g_object_unref (load->pasted);
    }
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
  _xinzhi_window_update_edit_actions (self);
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

/* Shows @corpus, opened from @load's file, with the toast and the quote @load asks for. */
static void
show_opened (XinzhiWindow *self,
             Load         *load,
             XinzhiCorpus *corpus)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  _xinzhi_window_set_corpus_full (self, corpus, load->edited);
  /* Articles added go into this file. */
  g_set_object (&self->corpus_file, load->file);
  _xinzhi_window_remember_corpus (self, load->file);
  /* Undo and redo are for the file as the window's own edits left it. */
  if (!load->edited)
    _xinzhi_window_forget_edits (self);
  _xinzhi_window_update_edit_actions (self);

  if (load->message != NULL)
    message = g_strdup (load->message);
  else
    /* Translators: %s is the title of the corpus just opened */
    message = g_strdup_printf (_("Opened “%s”"), xinzhi_corpus_get_title (corpus));
  toast = adw_toast_new (message);
  /* The title comes from the file: never markup. */
  adw_toast_set_use_markup (toast, FALSE);
  /* An edit's toast says what was just done: it does not wait behind older ones. */
  if (load->edited)
    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (load->offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  if (load->show_id != NULL && load->show_type == XINZHI_TYPE_EVENT)
    {
      XinzhiEvent *event = xinzhi_corpus_lookup_event (corpus, load->show_id);

      /* Where the person reviews it, on the timeline, it stays selected there, unless
       * the filters hide it now. */
      if (event != NULL &&
          (xinzhi_filter_matches (self->filter, event) || xinzhi_filter_matches_possibly (self->filter, event)))
        xinzhi_timeline_page_select_event (xinzhi_window_get_timeline_page (self), event);
    }
  else if (load->show_id != NULL && load->show_type == XINZHI_TYPE_SECTOR)
    {
      XinzhiSector *sector = xinzhi_corpus_lookup_sector (corpus, load->show_id);

      /* Where its terms were changed, in Sectors, the sector stays shown. */
      if (sector != NULL &&
          g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "sectors") == 0)
        xinzhi_sectors_page_select_sector (xinzhi_window_get_sectors_page (self), sector);
    }
  else if (load->show_id != NULL && load->show_type == XINZHI_TYPE_PERSON)
    {
      XinzhiPerson *person = xinzhi_corpus_lookup_person (corpus, load->show_id);

      /* Where the person was merged, in Quotes, the one kept is shown. */
      if (person != NULL &&
          g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "quotes") == 0)
        xinzhi_quotes_page_show_person (xinzhi_window_get_quotes_page (self), person);
    }
  else if (load->show_id != NULL)
    {
      XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, load->show_id);

      /* Not one the filters hide now ("reviewed only" and an undone accept): the edit
       * does not undo the person's filters. */
      if (quote != NULL && !xinzhi_filter_matches (self->filter, quote) &&
          !xinzhi_filter_matches_possibly (self->filter, quote))
        quote = NULL;

      /* Where the person reviews it, in Quotes, it stays selected there. */
      if (quote != NULL &&
          g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "quotes") == 0)
        xinzhi_quotes_page_select_quote (xinzhi_window_get_quotes_page (self), quote);
      else if (quote != NULL)
        xinzhi_window_show_quote (self, quote);
    }
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

  /* A cancelled load, or one another file replaced, has nothing more to say. */
  corpus = xinzhi_corpus_load_file_finish (result, &error);
  if (self == NULL || self->load != load)
    return;
  end_load (self);

  if (corpus == NULL)
    {
      /* A file that could not be read may be gone: then it leaves the recent list. */
      _xinzhi_window_forget_corpus (self, load->file,
                                    g_error_matches (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_READ) &&
                                    !g_file_query_exists (load->file, NULL));
      /* The current corpus stays; the message quotes the file. */
      if (load->reopening)
        {
          g_autoptr(GError) reopen_error =
            /* Translators: %s is why the corpus file opened last could not be opened
             * again at the start, naming the file */
            g_error_new (error->domain, error->code, _("%s\n\nThe built-in corpus is shown instead."),
                         error->message);

          xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Reopen Corpus"),
                                     reopen_error);
        }
      else
        xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Open Corpus"), error);
      return;
    }

  show_opened (self, load, corpus);
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

/* Whether @file is named as an article the extractor reads (plain text, Markdown, a
 * web page), rather than a corpus. */
static gboolean
is_article_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *folded = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;
  const char *suffixes[] = { ".txt", ".md", ".markdown", ".html", ".htm" };

  for (guint i = 0; folded != NULL && i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (folded, suffixes[i]))
      return TRUE;
  return FALSE;
}

/* A corpus file dropped on the window opens as one chosen from the menu; articles
 * dropped, all of them articles, are added as ones chosen from the menu are. */
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
  guint n_articles = 0;
  guint i = 0;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  n_files = g_slist_length (list);
  if (n_files == 0)
    return FALSE;

  files = g_new0 (GFile *, n_files);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      files[i] = l->data;
      n_articles += is_article_file (files[i]);
      i++;
    }
  if (n_articles == n_files)
    xinzhi_window_import_files (self, files, n_files);
  else
    xinzhi_window_open_files (self, files, n_files);

  return TRUE;
}

/* Starts a load or an import of @file, titled @title in the banner: the one before
 * stops, for one at a time; the newer is the one wanted. */
static Load *
begin_load (XinzhiWindow *self,
            GFile        *file,
            const char   *title)
{
  if (self->load != NULL)
    g_cancellable_cancel (self->load->cancellable);
  end_load (self);

  self->load = load_new (self, file);
  adw_banner_set_title (self->load_banner, title);
  gtk_progress_bar_set_fraction (self->load_progress, 0.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);
  self->load_show_id = g_timeout_add (LOAD_SHOW_DELAY_MS, show_load_cb, self);
  _xinzhi_window_update_edit_actions (self);
  return self->load;
}

/* Opens @file as xinzhi_window_open_file() does, with @message (when not %NULL) as
 * the toast once it is open; @reopening when it is the corpus opened last, at the
 * start, which an alert says when it fails. */
void
_xinzhi_window_open_file (XinzhiWindow *self,
                          GFile        *file,
                          const char   *message,
                          gboolean      reopening)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *title = NULL;
  Load *load;

  /* Translators: %s is the name of the corpus file being opened */
  title = g_strdup_printf (_("Opening “%s”…"), basename);
  load = begin_load (self, file, title);
  load->message = g_strdup (message);
  load->reopening = reopening;

  /* Parsing and checking a large corpus takes a while: the model does it off the main
   * thread. */
  xinzhi_corpus_load_file_async (file, G_PRIORITY_DEFAULT, load->cancellable,
                                 load_progress_cb, load_ref (load), (GDestroyNotify) load_unref,
                                 load_corpus_cb, load_ref (load));
}

/* Shows @corpus, the corpus file shown as an edit, an undo or a redo wrote it (and as
 * the edit loaded it, to check it), keeping their steps, with @message as the toast
 * (with an Undo button when @offer_undo), and then the quote or event (@show_type)
 * @show_id when it is there. */
void
_xinzhi_window_show_edited (XinzhiWindow *self,
                            XinzhiCorpus *corpus,
                            const char   *message,
                            GType         show_type,
                            const char   *show_id,
                            gboolean      offer_undo)
{
  g_autoptr(Load) load = load_new (self, self->corpus_file);

  load->message = g_strdup (message);
  load->edited = TRUE;
  load->show_type = show_type;
  load->show_id = g_strdup (show_id);
  load->offer_undo = offer_undo;
  show_opened (self, load, corpus);
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
  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _xinzhi_window_open_file (self, file, NULL, FALSE);
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

/* ---- Adding articles -------------------------------------------------------------------
 *
 * The articles go into the corpus file shown, or, when the built-in corpus is shown
 * (it is read-only), into a new corpus in the app's data folder that starts as a copy
 * of it.  The model extracts and writes in a thread; then the window opens the file. */

/* A file name for a new corpus in the app's data folder, which is made if need be:
 * “My Corpus.json”, or “My Corpus 2.json” … when that is taken. */
GFile *
_xinzhi_window_new_corpus_file (GError **error)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "xinzhi", "corpora", NULL);
  /* Translators: the name of a corpus file made for the articles a person adds, and
   * of a new corpus */
  const char *name = _("My Corpus");

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder; the second %s says why */
                   _("The folder %s cannot be made: %s"), shown, g_strerror (saved_errno));
      return NULL;
    }

  for (guint n = 1; ; n++)
    {
      g_autofree char *basename = n == 1 ? g_strdup_printf ("%s.json", name)
                                         : g_strdup_printf ("%s %u.json", name, n);
      g_autofree char *path = g_build_filename (folder, basename, NULL);

      /* Not even a link that leads nowhere. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        return g_file_new_for_path (path);
    }
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(XinzhiWindow) self = g_weak_ref_get (&load->window);
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) refused = g_string_new (NULL);
  guint n_added = 0;
  guint n_repeated = 0;
  guint n_left_out = 0;
  guint n_refused = 0;

  items = xinzhi_import_files_finish (result, NULL, &error);
  if (self == NULL || self->load != load)
    return;
  end_load (self);

  if (items == NULL)
    {
      /* Nothing was written; the message names the corpus file. */
      xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Add Articles"), error);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      XinzhiImportItem *item = &g_array_index (items, XinzhiImportItem, i);

      if (item->error != NULL)
        {
          /* The message names the file. */
          g_string_append_printf (refused, "%s%s", n_refused > 0 ? "\n" : "", item->error->message);
          n_refused++;
        }
      else if (item->duplicate)
        n_repeated++;
      else
        {
          n_added++;
          n_left_out += item->n_left_out;
        }
    }

  if (n_added > 0)
    {
      g_autofree char *added =
        g_strdup_printf (ngettext ("Added %u article", "Added %u articles", n_added), n_added);
      g_autofree char *left_out =
        g_strdup_printf (ngettext ("%u quote with no speaker was left out",
                                   "%u quotes with no speaker were left out", n_left_out),
                         n_left_out);
      /* Translators: an import's toast, “Added 2 articles; 1 quote with no speaker was
       * left out” */
      g_autofree char *message = n_left_out == 0 ? g_strdup (added)
                                                 : g_strdup_printf (_("%s; %s"), added, left_out);

      _xinzhi_window_open_file (self, load->file, message, FALSE);
    }
  else if (n_repeated > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("Nothing added: %u article is in the corpus already",
                                   "Nothing added: %u articles are in the corpus already",
                                   n_repeated), n_repeated);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }

  if (n_refused > 0)
    {
      g_autofree char *heading =
        g_strdup_printf (ngettext ("%u File Was Not Added", "%u Files Were Not Added", n_refused),
                         n_refused);

      xinzhi_dialogs_show_alert (GTK_WIDGET (self), heading, refused->str);
    }
}

/**
 * xinzhi_window_import_files:
 * @files: (array length=n_files): article files: plain text, Markdown or web pages
 * @n_files: how many, at least one
 *
 * Adds the articles in @files to the corpus file shown or, when the corpus shown is
 * not from a file (the built-in one), to a new corpus in the app's data folder that
 * starts as a copy of it; then opens that file, with a toast that says how many were
 * added.  The banner shows the progress and offers to cancel, as for a load; a cancel
 * before the write leaves every file as it was.  The files that gave nothing are
 * listed in an alert, each with its reason.
 */
void
xinzhi_window_import_files (XinzhiWindow  *self,
                            GFile        **files,
                            guint          n_files)
{
  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (files != NULL && n_files > 0);

  _xinzhi_window_import (self, files, n_files, NULL);
}

/* xinzhi_window_import_files(), and when @pasted is one of @files, a file written in
 * a folder of its own from the clipboard: both are removed once the import is over. */
void
_xinzhi_window_import (XinzhiWindow  *self,
                       GFile        **files,
                       guint          n_files,
                       GFile         *pasted)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GBytes) initial = NULL;
  g_autoptr(XinzhiCorpus) builtin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Load *load;

  builtin = xinzhi_corpus_new_builtin (&error);
  if (builtin != NULL && self->corpus_file != NULL)
    target = g_object_ref (self->corpus_file);
  else if (builtin != NULL)
    {
      initial = g_resources_lookup_data (RESOURCE_BASE "/corpus/xinzhi-corpus.json",
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      target = initial != NULL ? _xinzhi_window_new_corpus_file (&error) : NULL;
    }
  if (target == NULL)
    {
      if (pasted != NULL)
        remove_pasted (pasted);
      xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Add Articles"), error);
      return;
    }

  title = g_strdup_printf (ngettext ("Adding %u article…", "Adding %u articles…", n_files), n_files);
  load = begin_load (self, target, title);
  load->pasted = pasted ? g_object_ref (pasted) : NULL;
  xinzhi_import_files_async (target, initial, files, n_files, builtin, G_PRIORITY_DEFAULT,
                             load->cancellable,
                             load_progress_cb, load_ref (load), (GDestroyNotify) load_unref,
                             import_cb, load_ref (load));
}

/**
 * xinzhi_window_get_corpus_file:
 *
 * Returns: (transfer none) (nullable): the file the corpus shown was opened from, or
 *   %NULL when it is not from a file (the built-in corpus)
 */
GFile *
xinzhi_window_get_corpus_file (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  return self->corpus_file;
}

static void
articles_chosen (GtkWidget  *widget,
                 GFile     **files,
                 guint       n_files)
{
  xinzhi_window_import_files (XINZHI_WINDOW (widget), files, n_files);
}

void
_xinzhi_window_add_articles_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = xinzhi_dialogs_new_articles_file_dialog (_("Add Articles"));

  xinzhi_dialogs_open_files (widget, dialog, self->cancellable,
                             _("Could Not Add Articles"), articles_chosen);
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

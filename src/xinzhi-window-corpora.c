/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-dialogs.h"
#include "xinzhi-window-private.h"

/* ---- Corpora a person owns -------------------------------------------------------------
 *
 * The built-in corpus is read-only.  New Corpus (win.new-corpus) makes an empty one in
 * the app's data folder (…/xinzhi/corpora/My Corpus.json, or My Corpus 2.json …), to
 * add articles to; Save a Copy… (win.save-copy, xinzhi_window_save_copy()) writes the
 * corpus shown where the person chooses, through the portal.  Either is then opened,
 * so that articles added go into it.
 *
 * The corpus files opened lately, the latest first, kept in the settings
 * ("recent-corpora", at most MAX_KEPT) and listed in a section of the main menu (the
 * first MAX_LISTED), each opened again with win.open-recent.  "last-corpus" is the one
 * the application opens at the next start (xinzhi_window_reopen_last()).  A file that
 * fails to open is no longer the last; one that is gone leaves the list.  A window
 * without settings keeps nothing and lists nothing. */

#define MAX_KEPT   10
/* The name a file gets (my-corpus.json → "my-corpus"), for messages and menus. */
static char *
dup_file_title (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  char *display = g_filename_display_name (basename != NULL ? basename : "");

  if (g_str_has_suffix (display, ".json") && strlen (display) > strlen (".json"))
    display[strlen (display) - strlen (".json")] = '\0';
  return display;
}

/* ---- New Corpus, Save a Copy ----------------------------------------------------------- */

typedef struct
{
  XinzhiWindow *window;
  GFile        *file;
  const char   *error_heading;
  char         *message;   /* the toast once it is open */
} Writing;

static void
writing_free (Writing *writing)
{
  g_object_unref (writing->window);
  g_object_unref (writing->file);
  g_free (writing->message);
  g_free (writing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Writing, writing_free)

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Writing) writing = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (writing->file);
      g_autoptr(GError) named = g_error_new (error->domain, error->code, "%s: %s", name, error->message);

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xinzhi_dialogs_show_error (GTK_WIDGET (writing->window), writing->error_heading, named);
      return;
    }

  _xinzhi_window_open_file (writing->window, writing->file, writing->message, FALSE);
}

/* Takes @message. */
static Writing *
writing_new (XinzhiWindow *self,
             GFile        *file,
             const char   *error_heading,
             char         *message)
{
  Writing *writing = g_new0 (Writing, 1);

  writing->window = g_object_ref (self);
  writing->file = g_object_ref (file);
  writing->error_heading = error_heading;
  writing->message = message;
  return writing;
}

/* Writes @bytes to the file of @writing, off the main thread, and then opens it with
 * its message.  Takes @writing. */
static void
write_and_open (Writing *writing,
                GBytes  *bytes)
{
  g_file_replace_contents_bytes_async (writing->file, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       writing->window->cancellable, written_cb, writing);
}

/* The corpus file shown, read for Save a Copy. */
static void
copy_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Writing *writing = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);

  if (bytes == NULL)
    {
      g_autoptr(Writing) failed = writing;

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xinzhi_dialogs_show_error (GTK_WIDGET (failed->window), failed->error_heading, error);
      return;
    }

  write_and_open (writing, bytes);
}

void
_xinzhi_window_new_corpus_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = _xinzhi_window_new_corpus_file (&error);
  g_autofree char *title = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (file == NULL)
    {
      xinzhi_dialogs_show_error (widget, _("Could Not Make a Corpus"), error);
      return;
    }

  title = dup_file_title (file);
  bytes = xinzhi_corpus_new_empty_json (title);
  write_and_open (writing_new (self, file, _("Could Not Make a Corpus"),
                               /* Translators: a toast; %s is the new corpus's name */
                               g_strdup_printf (_("New corpus “%s”: add articles to it"), title)),
                  bytes);
}

/**
 * xinzhi_window_save_copy:
 * @self: a window
 * @file: where to write
 *
 * Writes the corpus shown to @file, as it is in its own file (or as the built-in
 * corpus ships), and then opens the copy, which articles added then go into.  An
 * alert says why, when it cannot be written.
 */
void
xinzhi_window_save_copy (XinzhiWindow *self,
                         GFile        *file)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->corpus_file != NULL && g_file_equal (self->corpus_file, file))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s: the corpus shown is this file already"), name);
      xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Save a Copy"), error);
      return;
    }

  title = dup_file_title (file);
  if (self->corpus_file != NULL)
    {
      /* The file's own bytes, read off the main thread: what was opened, not a
       * rewriting of it. */
      Writing *writing = writing_new (self, file, _("Could Not Save a Copy"),
                                      /* Translators: a toast; %s is the copy's name */
                                      g_strdup_printf (_("Saved a copy as “%s”, shown now"), title));

      g_file_load_bytes_async (self->corpus_file, self->cancellable, copy_read_cb, writing);
      return;
    }

  bytes = g_resources_lookup_data (RESOURCE_BASE "/corpus/xinzhi-corpus.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  write_and_open (writing_new (self, file, _("Could Not Save a Copy"),
                               g_strdup_printf (_("Saved a copy as “%s”, shown now"), title)),
                  bytes);
}

static void
save_copy_chosen (GtkWidget *widget,
                  GFile     *file)
{
  xinzhi_window_save_copy (XINZHI_WINDOW (widget), file);
}

void
_xinzhi_window_save_copy_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = xinzhi_dialogs_new_json_file_dialog (_("Save a Copy"));
  const char *title = self->corpus ? xinzhi_corpus_get_title (self->corpus) : NULL;
  g_auto(GStrv) parts = g_strsplit (title != NULL && title[0] != '\0' ? title : _("My Corpus"), "/", -1);
  g_autofree char *joined = g_strjoinv ("-", parts);
  g_autofree char *name = g_strdup_printf ("%s.json", joined);

  gtk_file_dialog_set_initial_name (dialog, name);
  xinzhi_dialogs_save_file (widget, dialog, self->cancellable, _("Could Not Save a Copy"),
                            save_copy_chosen);
}

/* ---- Recent corpora -------------------------------------------------------------------- */

#define MAX_LISTED 5

/* The menu's label for @file: its name, with the underscores that a menu would read as
 * mnemonics doubled. */
static char *
dup_menu_label (GFile *file)
{
  g_autofree char *title = dup_file_title (file);
  g_auto(GStrv) parts = g_strsplit (title, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
rebuild_menu (XinzhiWindow *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-corpora");
  g_autoptr(GMenu) section = g_menu_new ();

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; uris[i] != NULL && i < MAX_LISTED; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *label = dup_menu_label (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uris[i]);
      g_menu_append_item (section, item);
    }
  /* No heading over nothing. */
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (self->recent_section, _("Recent Corpora"), G_MENU_MODEL (section));
}

void
_xinzhi_window_recent_init (XinzhiWindow *self)
{
  if (self->settings == NULL)
    return;

  g_signal_connect_object (self->settings, "changed::recent-corpora",
                           G_CALLBACK (rebuild_menu), self, G_CONNECT_SWAPPED);
  rebuild_menu (self);
}

/* @file opened: first in the list, and the one to open at the next start. */
void
_xinzhi_window_remember_corpus (XinzhiWindow *self,
                                GFile        *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) uris = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-corpora");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_KEPT; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-corpora", (const char * const *) uris);
  g_settings_set_string (self->settings, "last-corpus", uri);
}

/* @file did not open: not the one to open at the next start any more, and, when it
 * is @gone, out of the list. */
void
_xinzhi_window_forget_corpus (XinzhiWindow *self,
                              GFile        *file,
                              gboolean      gone)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *last = NULL;

  if (self->settings == NULL)
    return;

  last = g_settings_get_string (self->settings, "last-corpus");
  if (g_str_equal (last, uri))
    g_settings_set_string (self->settings, "last-corpus", "");

  if (gone)
    {
      g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-corpora");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) uris = NULL;

      for (guint i = 0; old[i] != NULL; i++)
        if (!g_str_equal (old[i], uri))
          g_strv_builder_add (builder, old[i]);
      uris = g_strv_builder_end (builder);
      g_settings_set_strv (self->settings, "recent-corpora", (const char * const *) uris);
    }
}

void
_xinzhi_window_open_recent_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  xinzhi_window_open_file (XINZHI_WINDOW (widget), file);
}

/**
 * xinzhi_window_reopen_last:
 * @self: a window
 *
 * Opens the corpus file the window's settings say was opened last, as
 * xinzhi_window_open_file() does; when it is gone or no longer loads, the corpus shown
 * stays and an alert says so, naming the file.
 *
 * Returns: whether there was one to open
 */
gboolean
xinzhi_window_reopen_last (XinzhiWindow *self)
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (XINZHI_IS_WINDOW (self), FALSE);

  if (self->settings == NULL)
    return FALSE;
  uri = g_settings_get_string (self->settings, "last-corpus");
  if (uri[0] == '\0')
    return FALSE;

  file = g_file_new_for_uri (uri);
  _xinzhi_window_open_file (self, file, NULL, TRUE);
  return TRUE;
}

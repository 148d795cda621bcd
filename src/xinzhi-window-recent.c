/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-window-private.h"

/* ---- Recent corpora -------------------------------------------------------------------
 *
 * The corpus files opened lately, the latest first, kept in the settings
 * ("recent-corpora", at most MAX_KEPT) and listed in a section of the main menu (the
 * first MAX_LISTED), each opened again with win.open-recent.  "last-corpus" is the one
 * the application opens at the next start (xinzhi_window_reopen_last()).  A file that
 * fails to open is no longer the last; one that is gone leaves the list.  A window
 * without settings keeps nothing and lists nothing. */

#define MAX_KEPT   10
#define MAX_LISTED 5

/* The menu's label for @file: its name, without ".json", with the underscores that a
 * menu would read as mnemonics doubled. */
static char *
dup_menu_label (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = NULL;
  g_auto(GStrv) parts = NULL;

  display = g_filename_display_name (basename != NULL ? basename : "");
  if (g_str_has_suffix (display, ".json") && strlen (display) > strlen (".json"))
    display[strlen (display) - strlen (".json")] = '\0';
  parts = g_strsplit (display, "_", -1);
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

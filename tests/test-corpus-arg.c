/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `xinzhi --corpus FILE`: the window shows at once, with the built-in corpus, and loads
 * FILE as one opened from its menu, in a thread, with the progress banner; the main
 * loop keeps turning meanwhile.  Needs a display (build-aux/dev provides one). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "xinzhi-application.h"
#include "xinzhi-synth.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-window.h"

typedef struct
{
  GApplication *app;
  const char   *path;
  gint64        started;
  gint64        last_tick;
  gint64        longest_gap;
  gboolean      window_seen;
  gboolean      builtin_first;
  gboolean      banner_shown;
  gboolean      loaded;
} State;

static gboolean
tick_cb (gpointer user_data)
{
  State *state = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (state->app));
  gint64 now = g_get_monotonic_time ();
  XinzhiCorpus *corpus;

  /* Gaps once the window is on screen: building it is not the load. */
  if (state->window_seen)
    state->longest_gap = MAX (state->longest_gap, now - state->last_tick);
  state->last_tick = now;

  if (now - state->started > 60 * G_USEC_PER_SEC)
    {
      g_test_message ("no corpus from the file after 60 s");
      g_application_quit (state->app);
      return G_SOURCE_REMOVE;
    }

  if (!XINZHI_IS_WINDOW (window) || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;

  corpus = xinzhi_window_get_corpus (XINZHI_WINDOW (window));
  if (!state->window_seen)
    {
      state->window_seen = TRUE;
      state->builtin_first = g_strcmp0 (xinzhi_corpus_get_name (corpus), "Built-in corpus") == 0;
      g_test_message ("the window shows “%s” %.0f ms after the start", xinzhi_corpus_get_name (corpus),
                      (now - state->started) / 1000.0);
    }

  {
    GtkWidget *banner = xinzhi_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_BANNER);

    if (banner != NULL && adw_banner_get_revealed (ADW_BANNER (banner)))
      state->banner_shown = TRUE;
  }

  if (g_str_has_suffix (xinzhi_corpus_get_name (corpus), "synthetic-2000.json"))
    {
      state->loaded = TRUE;
      g_test_message ("“%s” shown %.0f ms after the start; longest main-loop gap %.1f ms",
                      xinzhi_corpus_get_name (corpus), (now - state->started) / 1000.0,
                      state->longest_gap / 1000.0);
      gtk_window_destroy (window);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
test_corpus_argument (void)
{
  g_autoptr(GBytes) bytes = xinzhi_synth_corpus_json (2000, 20241125);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-corpus-arg-XXXXXX", &error);
  g_autofree char *path = NULL;
  char *argv[] = { (char *) "xinzhi", (char *) "--corpus", NULL, NULL };
  State state = { 0 };
  int status;

  g_assert_no_error (error);
  path = g_build_filename (dir, "synthetic-2000.json", NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  argv[2] = path;

  /* The real application, not unique, so that it does not meet another instance. */
  state.app = G_APPLICATION (xinzhi_application_new ());
  g_application_set_flags (state.app, g_application_get_flags (state.app) | G_APPLICATION_NON_UNIQUE);
  state.path = path;
  state.started = g_get_monotonic_time ();
  g_timeout_add (5, tick_cb, &state);
  status = g_application_run (state.app, 3, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (state.window_seen);
  g_assert_true (state.builtin_first);
  g_assert_true (state.loaded);
  g_assert_true (state.banner_shown);
  /* A load of several seconds in the main thread would show as a gap that long. */
  g_assert_cmpint (state.longest_gap, <, G_USEC_PER_SEC / 2);

  g_clear_object (&state.app);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus-arg/window-first", test_corpus_argument);

  return g_test_run ();
}

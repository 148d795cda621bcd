/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `xinzhi --corpus FILE`: the window shows at once, with the built-in corpus, and loads
 * FILE as one opened from its menu, in a thread, with the progress banner.  Needs a
 * display (build-aux/dev provides one). */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "xinzhi-application.h"
#include "xinzhi-synth.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-window.h"

/* Enough articles that the load outlasts showing the window and the banner's delay on
 * a fast machine (3,000 did not, on Debian unstable). */
#define N_ARTICLES 10000

typedef struct
{
  GApplication *app;
  const char   *path;
  gint64        started;
  gint64        banner_at;
  gint64        last_tick;
  gint64        longest_gap;
  gboolean      window_seen;
  gboolean      builtin_first;
  gboolean      banner_shown;
  gboolean      loaded;
  gint64        loaded_at;
  guint         n_ticks;
} State;

static gboolean
tick_cb (gpointer user_data)
{
  State *state = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (state->app));
  gint64 now = g_get_monotonic_time ();
  XinzhiCorpus *corpus = NULL;
  gboolean arrived;

  if (now - state->started > 60 * G_USEC_PER_SEC)
    {
      g_test_message ("no corpus from the file after 60 s");
      g_application_quit (state->app);
      return G_SOURCE_REMOVE;
    }

  if (XINZHI_IS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
    corpus = xinzhi_window_get_corpus (XINZHI_WINDOW (window));
  arrived = corpus != NULL && g_str_has_suffix (xinzhi_corpus_get_name (corpus), "/synthetic.json");

  /* Gaps while the banner shows the load: building the window and drawing its first
   * frame are not the load, and the views taking the loaded corpus (the gap that ends
   * with its arrival) are test-load-ui's business. */
  if (state->banner_shown && !arrived)
    {
      state->longest_gap = MAX (state->longest_gap, now - state->last_tick);
      state->n_ticks++;
    }
  state->last_tick = now;

  if (corpus == NULL)
    return G_SOURCE_CONTINUE;

  if (!state->window_seen)
    {
      state->window_seen = TRUE;
      state->builtin_first = g_strcmp0 (xinzhi_corpus_get_name (corpus), "Built-in corpus") == 0;
      g_test_message ("the window shows “%s” %.0f ms after the start", xinzhi_corpus_get_name (corpus),
                      (now - state->started) / 1000.0);
    }

  {
    GtkWidget *banner = xinzhi_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_BANNER);

    if (banner != NULL && adw_banner_get_revealed (ADW_BANNER (banner)) && !state->banner_shown)
      {
        state->banner_shown = TRUE;
        state->banner_at = now;
      }
  }

  if (arrived)
    {
      state->loaded = TRUE;
      state->loaded_at = now;
      g_test_message ("“%s” shown %.0f ms after the start", xinzhi_corpus_get_name (corpus),
                      (now - state->started) / 1000.0);
      gtk_window_destroy (window);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
test_corpus_argument (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-corpus-arg-XXXXXX", &error);
  g_autofree char *path = NULL;
  char *argv[] = { (char *) "xinzhi", (char *) "--corpus", NULL, NULL };
  State state = { 0 };
  int status;

  g_assert_no_error (error);

  /* The order this test checks, the window before the file's corpus, holds when the
   * window is built faster than the file loads; under AddressSanitizer building the
   * window is slowed many times more than the threaded load. */
  if (XINZHI_TEST_UNDER_ASAN)
    {
      g_test_skip ("the window is built more slowly than the corpus loads under AddressSanitizer");
      g_assert_no_errno (g_rmdir (dir));
      return;
    }

  bytes = xinzhi_synth_corpus_json (N_ARTICLES, 20241125);
  path = g_build_filename (dir, "synthetic.json", NULL);
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
  /* The banner is shown only while a load runs in a thread (how long the main loop
   * may stop then is test-load-ui's business); printed for the record. */
  g_test_message ("the banner for %.0f ms: %u ticks, the longest gap %.1f ms",
                  (state.loaded_at - state.banner_at) / 1000.0, state.n_ticks,
                  state.longest_gap / 1000.0);

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

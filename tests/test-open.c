/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening files from outside the window, under a display: a second `xinzhi --corpus
 * FILE` (or `xinzhi FILE…`, as a file manager runs it through the desktop file's %U)
 * while Xinzhi runs hands the file to the running window, which loads it; a corpus file
 * dropped on the window loads too.  The running instance is the real application in
 * this process, on a D-Bus session bus of the test's own; the second instance is the
 * real binary (XINZHI_BIN), a process of its own. */
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
  char         *dir;
  char         *second;      /* a corpus for `xinzhi --corpus FILE` */
  char         *third;       /* a corpus for `xinzhi URI FILE`, with another file */
  guint         step;
  gint64        deadline;
  GSubprocess  *process;     /* the second instance, while it runs */
  int           status;      /* its exit status, or -1 */
  char         *output;
  gboolean      done;
} State;

static char *
write_corpus (const char *dir,
              const char *name,
              guint       n_articles,
              guint       seed)
{
  g_autoptr(GBytes) bytes = xinzhi_synth_corpus_json (n_articles, seed);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static const char *
shown_corpus (State *state)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (state->app));

  if (!XINZHI_IS_WINDOW (window) || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return NULL;
  return xinzhi_corpus_get_name (xinzhi_window_get_corpus (XINZHI_WINDOW (window)));
}

static void
process_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  State *state = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &output, NULL, &error);
  g_assert_no_error (error);
  state->status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
  g_free (state->output);
  state->output = g_steal_pointer (&output);
  g_clear_object (&state->process);
}

/* Starts the real binary with @argv after its name, as a second instance. */
static void
spawn_second_instance (State              *state,
                       const char * const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  const char *binary = g_getenv ("XINZHI_BIN");

  g_assert_nonnull (binary);
  g_strv_builder_add (builder, binary);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);

  state->status = -1;
  state->process = g_subprocess_newv ((const char * const *) argv,
                                      G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                                      &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (state->process, NULL, NULL, process_done_cb, state);
}

static gboolean
has_label_text (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
second_instance_tick_cb (gpointer user_data)
{
  State *state = user_data;
  const char *shown = shown_corpus (state);

  if (g_get_monotonic_time () > state->deadline)
    {
      g_test_message ("step %u not reached in time; the window shows “%s”; the second "
                      "instance exited with %d and said: %s", state->step,
                      shown ? shown : "nothing", state->status,
                      state->output ? state->output : "");
      g_application_quit (state->app);
      return G_SOURCE_REMOVE;
    }

  switch (state->step)
    {
    case 0:
      /* The first instance shows its window with the built-in corpus. */
      if (g_strcmp0 (shown, "Built-in corpus") != 0)
        return G_SOURCE_CONTINUE;
      spawn_second_instance (state, (const char *[]) { "--corpus", state->second, NULL });
      state->step++;
      return G_SOURCE_CONTINUE;

    case 1:
      /* The second instance has handed the file over and ended; the window of the first
       * loads it. */
      if (state->process != NULL || shown == NULL || !g_str_has_suffix (shown, "/second.json"))
        return G_SOURCE_CONTINUE;
      g_assert_cmpint (state->status, ==, 0);
      g_test_message ("`xinzhi --corpus %s` in a second instance: loaded by the first", state->second);
      {
        g_autoptr(GFile) file = g_file_new_for_path (state->third);
        g_autofree char *uri = g_file_get_uri (file);

        /* As a file manager starts it: URIs and paths after the name (%U). */
        spawn_second_instance (state, (const char *[]) { uri, state->second, NULL });
      }
      state->step++;
      return G_SOURCE_CONTINUE;

    case 2:
      if (state->process != NULL || shown == NULL || !g_str_has_suffix (shown, "/third.json"))
        return G_SOURCE_CONTINUE;
      g_assert_cmpint (state->status, ==, 0);
      /* The window shows one corpus: the other file is not dropped without a word. */
      if (xinzhi_test_find_matching (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (state->app))),
                                     has_label_text, "1 other file is not") == NULL)
        return G_SOURCE_CONTINUE;
      g_test_message ("`xinzhi URI FILE` in a second instance: the first loaded, the other named");
      xinzhi_test_save_screenshot (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (state->app))),
                                   "screenshot-open-second-instance.png");
      state->done = TRUE;
      /* The window holds the application, which holds the test bus's connection. */
      gtk_window_destroy (gtk_application_get_active_window (GTK_APPLICATION (state->app)));
      return G_SOURCE_REMOVE;

    default:
      g_assert_not_reached ();
    }
}

static void
test_open_second_instance (void)
{
  g_autoptr(GError) error = NULL;
  State state = { 0 };
  char *argv[] = { (char *) "xinzhi", NULL };
  int status;

  state.dir = g_dir_make_tmp ("xinzhi-open-XXXXXX", &error);
  g_assert_no_error (error);
  state.second = write_corpus (state.dir, "second.json", 12, 7);
  state.third = write_corpus (state.dir, "third.json", 15, 8);
  state.deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  state.status = -1;

  /* The real application, unique on the test's own session bus. */
  state.app = G_APPLICATION (xinzhi_application_new ());
  g_timeout_add (20, second_instance_tick_cb, &state);
  status = g_application_run (state.app, 1, argv);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (state.done);

  g_clear_object (&state.app);
  g_assert_no_errno (g_remove (state.second));
  g_assert_no_errno (g_remove (state.third));
  g_assert_no_errno (g_rmdir (state.dir));
  g_free (state.second);
  g_free (state.third);
  g_free (state.dir);
  g_free (state.output);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static void
test_open_drop (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (&error);
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-drop-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(AdwApplication) app = xinzhi_test_new_application ();
  GValue value = G_VALUE_INIT;
  GtkDropTarget *target;
  XinzhiWindow *window;
  gboolean handled = FALSE;
  gint64 deadline;

  g_assert_no_error (error);
  path = write_corpus (dir, "dropped.json", 10, 9);
  file = g_file_new_for_path (path);

  window = xinzhi_window_new (app, corpus, NULL);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));

  /* The window takes files dropped on it, as a list of files (what file managers
   * offer). */
  target = find_drop_target (GTK_WIDGET (window));
  g_assert_nonnull (target);
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target),
                                                    GDK_TYPE_FILE_LIST));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
  g_signal_emit_by_name (target, "drop", &value, 20.0, 20.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!g_str_has_suffix (xinzhi_corpus_get_name (xinzhi_window_get_corpus (window)), "/dropped.json"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* For the life of the process: GTK's and libadwaita's singletons keep its connection
 * past the tests, so it is stopped, never taken down (g_test_dbus_down() would wait for
 * that connection to go). */
static GTestDBus *bus;

int
main (int   argc,
      char *argv[])
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int status;

  /* A session bus of the test's own, where the application is unique: no other test's
   * instance answers for it.  It comes up before GTK: GLib forks a copy of this process to
   * take the bus down should the test die, and that copy ends with exit(), which runs the
   * exit handlers of every library loaded before the fork.  Forked after GTK had started
   * the GL driver, it hung in Mesa's handler (waiting for a thread the copy does not have)
   * and kept the test's output open long after the test had ended. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* It takes DISPLAY away (so nothing autolaunches a bus on X11); the window needs it. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/open/second-instance", test_open_second_instance);
  g_test_add_func ("/open/drop", test_open_drop);

  status = g_test_run ();

  g_test_dbus_stop (bus);
  return status;
}

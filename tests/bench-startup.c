/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* For wait4(). */
#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "xinzhi-bench.h"

/* How long the app takes from its start to the first frame of its main window, with the
 * built-in corpus, and its peak memory then, against a bare AdwApplicationWindow program
 * (bench-bare.c) measured in the same run.
 *
 *   bench-startup [--only startup|startup-rss] [--runs N] [OUTPUT.json]
 *
 * Needs a display (xvfb-run will do).  Starts the two programs in turns, N times each
 * (21 by default) after one start of each not counted, with XINZHI_BENCH_FIRST_FRAME
 * set: each prints the monotonic time of its first frame after painting it, and quits.
 * startup is that time less the time just before the program was spawned; startup-rss
 * the program's peak resident set (ru_maxrss from wait4()), which it reaches by then, as
 * it does nothing after but quit.  Both run with the memory settings backend, empty
 * XDG folders of their own (a first start), and no accessibility bus.  Prints the
 * medians and replaces their entries in OUTPUT.json (by default bench.json in the build
 * folder). */

#define BUILTIN_ARTICLES 5

typedef struct
{
  double ms;
  double mib;
} Start;

static double
lowest (const double *values,
        guint         n_values)
{
  double low = values[0];

  for (guint i = 1; i < n_values; i++)
    low = MIN (low, values[i]);
  return low;
}

static double
highest (const double *values,
         guint         n_values)
{
  double high = values[0];

  for (guint i = 1; i < n_values; i++)
    high = MAX (high, values[i]);
  return high;
}

/* Removes @path and all below it (the programs' XDG folders). */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static Start
start_once (const char  *program,
            char       **envp)
{
  const char *argv[] = { program, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *out = NULL;
  struct rusage usage;
  const char *line;
  GPid pid;
  int out_fd, status;
  gint64 start, frame;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("bench-startup: cannot start %s: %s", program, error->message);

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  if (g_io_channel_read_to_end (channel, &out, NULL, &error) != G_IO_STATUS_NORMAL)
    g_error ("bench-startup: reading from %s: %s", program, error->message);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("bench-startup: %s failed (status %d)", program, status);

  line = strstr (out, "first-frame ");
  if (line == NULL)
    g_error ("bench-startup: %s printed no first frame: “%s”", program, out);
  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  if (frame <= start)
    g_error ("bench-startup: %s printed “%s”", program, line);

  return (Start) { (frame - start) / 1000.0, usage.ru_maxrss / 1024.0 };
}

int
main (int   argc,
      char *argv[])
{
  const char *output = BENCH_JSON;
  const char *only = NULL;
  guint n_runs = 21;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;
  g_autofree double *app_ms = NULL, *app_mib = NULL, *bare_ms = NULL, *bare_mib = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  XinzhiBenchEntry startup, rss;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--only") && i + 1 < argc &&
          (g_str_equal (argv[i + 1], "startup") || g_str_equal (argv[i + 1], "startup-rss")))
        only = argv[++i];
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          int runs = atoi (argv[++i]);

          n_runs = MAX (runs, 1);
        }
      else if (argv[i][0] != '-')
        output = argv[i];
      else
        {
          g_printerr ("usage: bench-startup [--only startup|startup-rss] [--runs N] [OUTPUT.json]\n");
          return 2;
        }
    }

  home = g_dir_make_tmp ("bench-startup-XXXXXX", &error);
  if (home == NULL)
    g_error ("bench-startup: %s", error->message);
  data = g_build_filename (home, "data", NULL);
  config = g_build_filename (home, "config", NULL);
  cache = g_build_filename (home, "cache", NULL);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", SCHEMA_DIR, TRUE);
  envp = g_environ_setenv (envp, "GTK_A11Y", "none", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  envp = g_environ_setenv (envp, "XINZHI_BENCH_FIRST_FRAME", "1", TRUE);

  app_ms = g_new (double, n_runs);
  app_mib = g_new (double, n_runs);
  bare_ms = g_new (double, n_runs);
  bare_mib = g_new (double, n_runs);

  /* One start of each not counted: the files they read into the page cache. */
  start_once (BARE_BIN, envp);
  start_once (XINZHI_BIN, envp);
  for (guint r = 0; r < n_runs; r++)
    {
      Start bare = start_once (BARE_BIN, envp);
      Start app = start_once (XINZHI_BIN, envp);

      bare_ms[r] = bare.ms;
      bare_mib[r] = bare.mib;
      app_ms[r] = app.ms;
      app_mib[r] = app.mib;
    }

  /* The size: the built-in corpus's five articles. */
  startup = (XinzhiBenchEntry) { "startup", BUILTIN_ARTICLES, xinzhi_bench_median (app_ms, n_runs), "ms",
                                 xinzhi_bench_median (bare_ms, n_runs) };
  rss = (XinzhiBenchEntry) { "startup-rss", BUILTIN_ARTICLES, xinzhi_bench_median (app_mib, n_runs), "MiB",
                             xinzhi_bench_median (bare_mib, n_runs) };

  g_print ("%u starts of each, in turns; medians:\n", n_runs);
  if (only == NULL || g_str_equal (only, "startup"))
    {
      xinzhi_bench_print_table ("start to the first frame of the main window, built-in corpus",
                                "a bare AdwApplicationWindow program (bench-bare)", &startup, 1, 1.3);
      g_print ("  (app %.1f to %.1f ms, bare %.1f to %.1f ms)\n", lowest (app_ms, n_runs),
               highest (app_ms, n_runs), lowest (bare_ms, n_runs), highest (bare_ms, n_runs));
    }
  if (only == NULL || g_str_equal (only, "startup-rss"))
    xinzhi_bench_print_table ("peak resident set at the first frame, built-in corpus",
                              "a bare AdwApplicationWindow program (bench-bare)", &rss, 1, 1.3);

  if (only == NULL)
    xinzhi_bench_write_json (output, (XinzhiBenchEntry[]) { startup, rss }, 2);
  else
    xinzhi_bench_write_json (output, g_str_equal (only, "startup") ? &startup : &rss, 1);
  g_print ("written to %s\n", output);

  remove_tree (home);

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* For wait4(). */
#define _GNU_SOURCE

#include <errno.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "xinzhi-bench.h"

/* How long the app takes from its start to the first frame of its main window, with the
 * built-in corpus, and its peak memory then, against a bare AdwApplicationWindow program
 * (bench-bare.c) measured in the same run, in the three conditions a person meets:
 *
 *   startup        GL (GTK's default renderer), Mesa's shader cache warm: every start
 *                  after the first on a machine
 *   startup-cold   GL with an empty shader cache at each start: the first start, or
 *                  the first after a driver update
 *   startup-cairo  GSK_RENDERER=cairo, which needs no shaders
 *
 *   bench-startup [--only startup|startup-rss|startup-cold|startup-cairo] [--runs N] [OUTPUT.json]
 *
 * Needs a display (xvfb-run will do).  Starts the two programs in turns, N times each
 * (21 by default) in each condition, after one start of each not counted, with
 * XINZHI_BENCH_FIRST_FRAME set: each prints the monotonic time of its first frame after
 * painting it, and quits.  A time is that less the time just before the program was
 * spawned; startup-rss the program's peak resident set in the warm GL condition
 * (ru_maxrss from wait4()), which it reaches by then, as it does nothing after but quit.
 * Each program has a shader cache folder of its own (MESA_SHADER_CACHE_DIR), kept
 * through the warm runs, and a new empty one for each cold start.  They run with the
 * memory settings backend, empty XDG folders of their own (a first start), and no
 * accessibility bus.  Prints the medians and replaces their entries in OUTPUT.json (by
 * default bench.json in the build folder). */

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

/* A way of starting both programs. */
typedef struct
{
  const char *name;       /* the measure */
  const char *title;
  const char *renderer;   /* GSK_RENDERER, or NULL for GTK's choice */
  gboolean    cold;       /* an empty shader cache at each start */
  double      target;     /* of the ratio, or 0: reported only */
} Condition;

static const Condition conditions[] = {
  { "startup", "start to the first frame of the main window, built-in corpus, GL, shader cache warm",
    NULL, FALSE, 1.3 },
  { "startup-cold", "start to the first frame of the main window, built-in corpus, GL, shader cache empty",
    NULL, TRUE, 0 },
  { "startup-cairo", "start to the first frame of the main window, built-in corpus, GSK_RENDERER=cairo",
    "cairo", FALSE, 1.3 },
};

static gboolean
is_measure (const char *name)
{
  if (g_str_equal (name, "startup-rss"))
    return TRUE;
  for (guint c = 0; c < G_N_ELEMENTS (conditions); c++)
    if (g_str_equal (name, conditions[c].name))
      return TRUE;
  return FALSE;
}

/* One start of @program in @condition, with @cache as its shader cache, or a new empty
 * one when the condition is cold. */
static Start
start_in (const Condition  *condition,
          const char       *program,
          char            **envp,
          const char       *cache)
{
  g_auto(GStrv) env = g_strdupv (envp);
  g_autofree char *empty = NULL;
  g_autoptr(GError) error = NULL;
  Start start;

  if (condition->cold)
    {
      g_autofree char *template = g_build_filename (cache, "cold-XXXXXX", NULL);

      empty = g_mkdtemp (g_steal_pointer (&template));
      if (empty == NULL)
        g_error ("bench-startup: cannot make a shader cache folder in %s: %s", cache, g_strerror (errno));
    }
  env = g_environ_setenv (env, "MESA_SHADER_CACHE_DIR", empty != NULL ? empty : cache, TRUE);
  if (condition->renderer != NULL)
    env = g_environ_setenv (env, "GSK_RENDERER", condition->renderer, TRUE);
  else
    env = g_environ_unsetenv (env, "GSK_RENDERER");

  start = start_once (program, env);
  if (empty != NULL)
    remove_tree (empty);
  return start;
}

/* @n_runs starts of each program in turns in @condition, after one of each not counted
 * (the files they read into the page cache, and in a warm condition the shaders into
 * the shader cache); the medians into @entry and @rss. */
static void
measure (const Condition  *condition,
         char            **envp,
         const char       *home,
         guint             n_runs,
         XinzhiBenchEntry *entry,
         XinzhiBenchEntry *rss)
{
  g_autofree char *app_cache = g_build_filename (home, condition->name, "app", NULL);
  g_autofree char *bare_cache = g_build_filename (home, condition->name, "bare", NULL);
  g_autofree double *app_ms = g_new (double, n_runs);
  g_autofree double *app_mib = g_new (double, n_runs);
  g_autofree double *bare_ms = g_new (double, n_runs);
  g_autofree double *bare_mib = g_new (double, n_runs);

  if (g_mkdir_with_parents (app_cache, 0700) != 0 || g_mkdir_with_parents (bare_cache, 0700) != 0)
    g_error ("bench-startup: cannot make the shader cache folders in %s: %s", home, g_strerror (errno));

  start_in (condition, BARE_BIN, envp, bare_cache);
  start_in (condition, XINZHI_BIN, envp, app_cache);
  for (guint r = 0; r < n_runs; r++)
    {
      Start bare = start_in (condition, BARE_BIN, envp, bare_cache);
      Start app = start_in (condition, XINZHI_BIN, envp, app_cache);

      bare_ms[r] = bare.ms;
      bare_mib[r] = bare.mib;
      app_ms[r] = app.ms;
      app_mib[r] = app.mib;
    }

  /* The size: the built-in corpus's five articles. */
  *entry = (XinzhiBenchEntry) { condition->name, BUILTIN_ARTICLES, xinzhi_bench_median (app_ms, n_runs), "ms",
                                xinzhi_bench_median (bare_ms, n_runs) };
  *rss = (XinzhiBenchEntry) { "startup-rss", BUILTIN_ARTICLES, xinzhi_bench_median (app_mib, n_runs), "MiB",
                              xinzhi_bench_median (bare_mib, n_runs) };
  g_print ("%s: app %.1f to %.1f ms, bare %.1f to %.1f ms\n", condition->name,
           lowest (app_ms, n_runs), highest (app_ms, n_runs), lowest (bare_ms, n_runs), highest (bare_ms, n_runs));
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
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GArray) entries = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--only") && i + 1 < argc && is_measure (argv[i + 1]))
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
          g_printerr ("usage: bench-startup [--only startup|startup-rss|startup-cold|startup-cairo] "
                      "[--runs N] [OUTPUT.json]\n");
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

  entries = g_array_new (FALSE, FALSE, sizeof (XinzhiBenchEntry));
  for (guint c = 0; c < G_N_ELEMENTS (conditions); c++)
    {
      const Condition *condition = &conditions[c];
      XinzhiBenchEntry entry, rss;

      if (only != NULL && !g_str_equal (only, condition->name) &&
          !(c == 0 && g_str_equal (only, "startup-rss")))
        continue;

      measure (condition, envp, home, n_runs, &entry, &rss);
      g_print ("%s: %u starts of each, in turns; medians:\n", condition->name, n_runs);
      if (only == NULL || g_str_equal (only, condition->name))
        {
          xinzhi_bench_print_table (condition->title, "a bare AdwApplicationWindow program (bench-bare), the same way",
                                    &entry, 1, condition->target);
          g_array_append_val (entries, entry);
        }
      if (c == 0 && (only == NULL || g_str_equal (only, "startup-rss")))
        {
          xinzhi_bench_print_table ("peak resident set at the first frame, built-in corpus",
                                    "a bare AdwApplicationWindow program (bench-bare)", &rss, 1, 1.3);
          g_array_append_val (entries, rss);
        }
    }

  xinzhi_bench_write_json (output, (XinzhiBenchEntry *) entries->data, entries->len);
  g_print ("written to %s\n", output);

  remove_tree (home);

  return 0;
}

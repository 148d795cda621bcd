/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the benchmarks share (xinzhi-bench.h). */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xinzhi-bench.h"

static double
rounded (double value)
{
  return round (value * 1000) / 1000;
}

static JsonNode *
entry_node (const XinzhiBenchEntry *entry)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "measure");
  json_builder_add_string_value (builder, entry->measure);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, entry->size);
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, rounded (entry->value));
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, entry->unit);
  json_builder_set_member_name (builder, "baseline");
  json_builder_add_double_value (builder, rounded (entry->baseline));
  /* JSON has no infinity: a zero baseline (no furniture left in, say) has no ratio. */
  json_builder_set_member_name (builder, "ratio");
  if (entry->baseline != 0 && isfinite (entry->value / entry->baseline))
    json_builder_add_double_value (builder, rounded (entry->value / entry->baseline));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
names_measure (const XinzhiBenchEntry *entries,
               guint                   n_entries,
               const char             *measure)
{
  for (guint i = 0; i < n_entries; i++)
    if (g_strcmp0 (entries[i].measure, measure) == 0)
      return TRUE;

  return FALSE;
}

/**
 * xinzhi_bench_write_json:
 * @path: bench.json
 * @entries: the figures of one run
 * @n_entries: how many
 *
 * Replaces, in @path, the entries of every measure that @entries name, and keeps the
 * other measures' entries.
 */
void
xinzhi_bench_write_json (const char             *path,
                         const XinzhiBenchEntry *entries,
                         guint                   n_entries)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array = json_array_new ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (json_parser_load_from_file (parser, path, &error) &&
          JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
        {
          JsonArray *old = json_node_get_array (json_parser_get_root (parser));

          for (guint i = 0; i < json_array_get_length (old); i++)
            {
              JsonNode *node = json_array_get_element (old, i);

              if (JSON_NODE_HOLDS_OBJECT (node) &&
                  names_measure (entries, n_entries,
                                 json_object_get_string_member_with_default (json_node_get_object (node),
                                                                             "measure", NULL)))
                continue;
              json_array_add_element (array, json_node_copy (node));
            }
        }
      else
        g_printerr ("%s is not a JSON list (%s); replacing it\n", path,
                    error ? error->message : "not a list");
      g_clear_error (&error);
    }

  for (guint i = 0; i < n_entries; i++)
    json_array_add_element (array, entry_node (&entries[i]));
  json_node_take_array (root, array);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  if (!json_generator_to_file (generator, path, &error))
    g_error ("cannot write %s: %s", path, error->message);
}

/**
 * xinzhi_bench_print_table:
 * @title: what is measured
 * @baseline_name: what the baseline is
 * @entries: the figures, all of one measure
 * @n_entries: how many
 * @target: the ratio not to exceed, or 0 for none
 *
 * Prints one measure's figures as a table, with the ratio to the baseline.
 */
void
xinzhi_bench_print_table (const char             *title,
                          const char             *baseline_name,
                          const XinzhiBenchEntry *entries,
                          guint                   n_entries,
                          double                  target)
{
  g_print ("\n%s: %s\n", entries[0].measure, title);
  g_print ("  baseline: %s\n", baseline_name);
  g_print ("  %8s  %12s  %12s  %7s\n", "size", "value", "baseline", "ratio");
  for (guint i = 0; i < n_entries; i++)
    {
      const XinzhiBenchEntry *entry = &entries[i];
      double ratio = entry->value / entry->baseline;

      g_print ("  %8u  %9.3f %-2s  %9.3f %-2s  %7.2f%s\n", entry->size,
               entry->value, entry->unit, entry->baseline, entry->unit, ratio,
               target > 0 && ratio > target ? "  (over the target)" : "");
    }
  if (target > 0)
    g_print ("  target: ratio <= %g\n", target);
}

/* For qsort() and g_array_sort() of doubles, in increasing order. */
int
xinzhi_bench_compare_doubles (gconstpointer a,
                              gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/**
 * xinzhi_bench_median:
 * @values: figures
 * @n_values: how many, at least one
 *
 * Returns: their median (the lower middle one, for an even number)
 */
double
xinzhi_bench_median (const double *values,
                     guint         n_values)
{
  g_autofree double *sorted = g_memdup2 (values, n_values * sizeof (double));

  g_assert (n_values > 0);
  qsort (sorted, n_values, sizeof (double), xinzhi_bench_compare_doubles);
  return sorted[(n_values - 1) / 2];
}

/**
 * xinzhi_bench_status_kib:
 * @field: a field of /proc/self/status in kB, such as "VmHWM" (the peak resident set)
 *
 * Returns: its value in KiB
 */
gsize
xinzhi_bench_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *prefix = g_strconcat ("\n", field, ":", NULL);
  const char *found;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    g_error ("cannot read /proc/self/status");
  found = strstr (status, prefix);
  if (found == NULL)
    g_error ("no %s in /proc/self/status", field);

  return g_ascii_strtoull (found + strlen (prefix), NULL, 10);
}

/**
 * xinzhi_bench_parse_sizes:
 * @text: numbers of articles, such as "10,1000"
 * @n_sizes: (out): how many
 *
 * Returns: (transfer full) (nullable): the numbers, or %NULL if one is not a number
 *   from 1 to 100,000
 */
guint *
xinzhi_bench_parse_sizes (const char *text,
                          guint      *n_sizes)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autofree guint *sizes = g_new0 (guint, g_strv_length (parts) + 1);

  *n_sizes = g_strv_length (parts);
  for (guint s = 0; s < *n_sizes; s++)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (parts[s], 10, 1, 100000, &n, NULL))
        return NULL;
      sizes[s] = n;
    }

  return *n_sizes > 0 ? g_steal_pointer (&sizes) : NULL;
}

/**
 * xinzhi_bench_child_load:
 * @path: a corpus file
 * @ms: (out) (optional): where to store the time of the load, or %NULL
 *
 * Runs this program again as `PROGRAM --child PATH`, which must load the file and print
 * its resident set before and its peak (VmHWM) after, in KiB, and, where @ms is given,
 * the time the load took in milliseconds; aborts if it fails.
 *
 * Returns: the peak less the resident set before, in MiB
 */
double
xinzhi_bench_child_load (const char *path,
                         double     *ms)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/proc/self/exe", "--child", path, NULL };
  guint64 before, peak;
  char *end;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("the child loading %s failed: %s", path, error->message);

  before = g_ascii_strtoull (out, &end, 10);
  peak = g_ascii_strtoull (end, &end, 10);
  if (peak <= before)
    g_error ("the child loading %s printed “%s”", path, out);
  if (ms != NULL)
    {
      char *time_end;

      *ms = g_ascii_strtod (end, &time_end);
      if (time_end == end || *ms <= 0)
        g_error ("the child loading %s printed no time: “%s”", path, out);
    }
  return (peak - before) / 1024.0;
}

/**
 * xinzhi_bench_child_peak_mib:
 * @path: a file to write @data to, removed afterwards
 * @data: a corpus
 * @size: its length
 *
 * Writes @data to @path and measures loading it with xinzhi_bench_child_load().
 *
 * Returns: the peak less the resident set before, in MiB
 */
double
xinzhi_bench_child_peak_mib (const char *path,
                             const char *data,
                             gsize       size)
{
  g_autoptr(GError) error = NULL;
  double mib;

  if (!g_file_set_contents (path, data, size, &error))
    g_error ("%s", error->message);
  mib = xinzhi_bench_child_load (path, NULL);
  g_unlink (path);

  return mib;
}

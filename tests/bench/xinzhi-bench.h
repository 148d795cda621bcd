/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the benchmarks share: their figures in bench.json (docs/benchmarks.md), the
 * table they print, medians, and the process's memory. */

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *measure;
  guint       size;       /* articles, events…; 0 where size makes no sense */
  double      value;
  const char *unit;
  double      baseline;   /* in the same unit */
} XinzhiBenchEntry;

void    xinzhi_bench_write_json   (const char             *path,
                                   const XinzhiBenchEntry *entries,
                                   guint                   n_entries);
void    xinzhi_bench_print_table  (const char             *title,
                                   const char             *baseline_name,
                                   const XinzhiBenchEntry *entries,
                                   guint                   n_entries,
                                   double                  target);
double  xinzhi_bench_median       (const double           *values,
                                   guint                   n_values);
int     xinzhi_bench_compare_doubles (gconstpointer        a,
                                      gconstpointer        b);
gsize   xinzhi_bench_status_kib   (const char             *field);
guint  *xinzhi_bench_parse_sizes  (const char             *text,
                                   guint                  *n_sizes);
double  xinzhi_bench_child_load  (const char             *path,
                                   double                 *ms);
double  xinzhi_bench_child_peak_mib (const char           *path,
                                     const char           *data,
                                     gsize                 size);

G_END_DECLS

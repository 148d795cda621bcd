/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The arithmetic behind XinzhiSectorChart, apart from the drawing so that tests can
 * check it without a display.  Nothing outside the chart and its tests includes this. */

#include <gio/gio.h>

#include "xinzhi-filter.h"

G_BEGIN_DECLS

/**
 * XinzhiChartBucket:
 * @year: the year
 * @month: the month, 1–12; 0 in a bucket of mentions dated only to the year
 * @n_mentions: the mentions in articles dated to this month (or only to this year)
 * @n_estimated: of those, the mentions in articles whose date is an estimate
 * @n_documents: the articles those mentions are in
 * @n_possibly: with a time span, the mentions in articles of this month (or year) that
 *   only possibly lie in it, apart from @n_mentions, which then counts only those in
 *   articles that lie in it for certain
 */
typedef struct
{
  guint  year;
  guint  month;
  guint  n_mentions;
  guint  n_estimated;
  guint  n_documents;
  guint  n_possibly;
} XinzhiChartBucket;

/**
 * XinzhiChartBuckets:
 * @months: (element-type XinzhiChartBucket): every calendar month from the corpus's
 *   first dated month to its last, in order, empty months included
 * @years: (element-type XinzhiChartBucket): one bucket for each year in which some
 *   article is dated only to the year, in order; never spread over the months
 * @max_mentions: the largest @n_mentions plus @n_possibly of any bucket
 * @n_mentions: the mentions counted in all buckets
 * @n_possibly: the mentions possibly in the span, counted in all buckets
 */
typedef struct
{
  GArray *months;
  GArray *years;
  guint   max_mentions;
  guint   n_mentions;
  guint   n_possibly;
} XinzhiChartBuckets;

XinzhiChartBuckets *xinzhi_chart_buckets_new  (GListModel         *documents,
                                               GListModel         *mentions,
                                               XinzhiFilter       *filter);
void                xinzhi_chart_buckets_free (XinzhiChartBuckets *buckets);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiChartBuckets, xinzhi_chart_buckets_free)

G_END_DECLS

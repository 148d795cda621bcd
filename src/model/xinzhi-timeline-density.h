/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* How many events fall in each day, week, month, quarter or year: the timeline's
 * density band.  Plain data, without GTK, so that it is tested without a display. */

#include <glib.h>

#include "xinzhi-timeline-layout.h"

G_BEGIN_DECLS

/**
 * XinzhiTimelineBin:
 * @start: the bin's first day (a Julian day number)
 * @end: the day after its last
 * @certain: the events that certainly fall in it: their dates are known to the day
 *   and meet the bin, or whatever their precision, they lie within it
 * @possible: the events that may fall in it and may not: dates known only to the
 *   month or the year that reach beyond the bin, and dates the sources do not state
 *   (estimates)
 *
 * One bin of the density band.
 */
typedef struct
{
  double start;
  double end;
  guint  certain;
  guint  possible;
} XinzhiTimelineBin;

typedef struct _XinzhiTimelineDensity XinzhiTimelineDensity;

XinzhiTimelineDensity *xinzhi_timeline_density_new         (void);
void                   xinzhi_timeline_density_free        (XinzhiTimelineDensity     *self);
void                   xinzhi_timeline_density_set_entries (XinzhiTimelineDensity     *self,
                                                            const XinzhiTimelineEntry *entries,
                                                            guint                      n_entries);
XinzhiTimelineUnit     xinzhi_timeline_density_choose_unit (double                     scale,
                                                            double                     min_width);
double                 xinzhi_timeline_density_bin_start   (XinzhiTimelineUnit         unit,
                                                            double                     day);
void                   xinzhi_timeline_density_query       (XinzhiTimelineDensity     *self,
                                                            XinzhiTimelineUnit         unit,
                                                            double                     start,
                                                            double                     end,
                                                            GArray                    *bins);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiTimelineDensity, xinzhi_timeline_density_free)

G_END_DECLS

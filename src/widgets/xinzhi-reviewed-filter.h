/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XINZHI_TYPE_REVIEWED_FILTER (xinzhi_reviewed_filter_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiReviewedFilter, xinzhi_reviewed_filter, XINZHI, REVIEWED_FILTER, GtkFilter)

GtkFilter *xinzhi_reviewed_filter_new               (void);
gboolean   xinzhi_reviewed_filter_get_reviewed_only (XinzhiReviewedFilter *self);
void       xinzhi_reviewed_filter_set_reviewed_only (XinzhiReviewedFilter *self,
                                                     gboolean              reviewed_only);

G_END_DECLS

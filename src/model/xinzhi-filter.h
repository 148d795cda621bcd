/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-corpus.h"
#include "xinzhi-document.h"
#include "xinzhi-event.h"
#include "xinzhi-person.h"
#include "xinzhi-quote.h"
#include "xinzhi-sector.h"

G_BEGIN_DECLS

/**
 * XinzhiFilterKind:
 * @XINZHI_FILTER_SECTOR: a sector of the corpus
 * @XINZHI_FILTER_PERSON: a person of the corpus
 * @XINZHI_FILTER_OUTLET: an outlet, by the name the articles give it
 *
 * What a filter keeps, in the order the filters are listed.
 */
typedef enum
{
  XINZHI_FILTER_SECTOR,
  XINZHI_FILTER_PERSON,
  XINZHI_FILTER_OUTLET,
  XINZHI_FILTER_N_KINDS,
} XinzhiFilterKind;

/**
 * XinzhiSpanMatch:
 * @XINZHI_SPAN_OUT: none of the days the item's date may stand for lies in the span
 * @XINZHI_SPAN_POSSIBLY: the dates cannot tell: some of those days lie in the span and
 *   some do not, or the date is only estimated, or the item has no date
 * @XINZHI_SPAN_IN: every day the item's date may stand for lies in the span
 *
 * Where an item falls against a time span, no more precisely than its dates are known
 * (see xinzhi_filter_match_span()).  A date stands for every day it may be: "2024"
 * for every day of 2024, "March 2024" for every day of March.  So:
 *
 * - "2024" against March 2024 is %XINZHI_SPAN_POSSIBLY, against 2023 %XINZHI_SPAN_OUT,
 *   against 2024 or 2023 – 2025 %XINZHI_SPAN_IN;
 * - an event over a range (17–27 June 2024) is %XINZHI_SPAN_IN only when its whole
 *   range, from the first day its start may be to the last day its end may be, lies in
 *   the span; when the range and the span overlap but the range does not lie inside,
 *   it is %XINZHI_SPAN_POSSIBLY: the event did happen partly in the span, but nothing
 *   says what of it falls there;
 * - a date the corpus only estimates is %XINZHI_SPAN_POSSIBLY, whatever the estimate:
 *   an estimate makes nothing certain, in or out;
 * - an item with no date at all is %XINZHI_SPAN_POSSIBLY;
 * - a quote's date is its article's.
 */
typedef enum
{
  XINZHI_SPAN_OUT,
  XINZHI_SPAN_POSSIBLY,
  XINZHI_SPAN_IN,
} XinzhiSpanMatch;

#define XINZHI_TYPE_FILTER (xinzhi_filter_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiFilter, xinzhi_filter, XINZHI, FILTER, GObject)

XinzhiFilter   *xinzhi_filter_new              (void);
gboolean        xinzhi_filter_is_empty         (XinzhiFilter     *self);
guint           xinzhi_filter_get_n_values     (XinzhiFilter     *self,
                                                XinzhiFilterKind  kind);
gpointer        xinzhi_filter_get_value        (XinzhiFilter     *self,
                                                XinzhiFilterKind  kind,
                                                guint             index);
gboolean        xinzhi_filter_has_value        (XinzhiFilter     *self,
                                                XinzhiFilterKind  kind,
                                                gconstpointer     value);
gboolean        xinzhi_filter_add              (XinzhiFilter     *self,
                                                XinzhiFilterKind  kind,
                                                gpointer          value);
gboolean        xinzhi_filter_remove           (XinzhiFilter     *self,
                                                XinzhiFilterKind  kind,
                                                gconstpointer     value);
gboolean        xinzhi_filter_set_only         (XinzhiFilter     *self,
                                                XinzhiFilterKind  kind,
                                                gpointer          value);
gboolean        xinzhi_filter_clear            (XinzhiFilter     *self);
gboolean        xinzhi_filter_rebind           (XinzhiFilter     *self,
                                                XinzhiCorpus     *corpus);
gboolean        xinzhi_filter_set_span         (XinzhiFilter     *self,
                                                guint32           first_day,
                                                guint32           last_day);
gboolean        xinzhi_filter_clear_span       (XinzhiFilter     *self);
gboolean        xinzhi_filter_set_reviewed_only (XinzhiFilter    *self,
                                                 gboolean         reviewed_only);
gboolean        xinzhi_filter_get_reviewed_only (XinzhiFilter    *self);
gboolean        xinzhi_filter_get_span         (XinzhiFilter     *self,
                                                guint32          *first_day,
                                                guint32          *last_day);
char           *xinzhi_filter_dup_span_label   (XinzhiFilter     *self);
XinzhiSpanMatch xinzhi_filter_match_span       (XinzhiFilter     *self,
                                                gpointer          item);
gboolean        xinzhi_filter_matches_document (XinzhiFilter     *self,
                                                XinzhiDocument   *document);
gboolean        xinzhi_filter_matches_quote    (XinzhiFilter     *self,
                                                XinzhiQuote      *quote);
gboolean        xinzhi_filter_matches_event    (XinzhiFilter     *self,
                                                XinzhiEvent      *event);
gboolean        xinzhi_filter_matches          (XinzhiFilter     *self,
                                                gpointer          item);
gboolean        xinzhi_filter_matches_possibly (XinzhiFilter     *self,
                                                gpointer          item);
gboolean        xinzhi_filter_reveal           (XinzhiFilter     *self,
                                                gpointer          item);
void            xinzhi_filter_follow           (XinzhiFilter    **slot,
                                                XinzhiFilter     *filter,
                                                GCallback         changed_cb,
                                                gpointer          receiver);

G_END_DECLS

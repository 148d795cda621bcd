/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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

#define XINZHI_TYPE_FILTER (xinzhi_filter_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiFilter, xinzhi_filter, XINZHI, FILTER, GObject)

XinzhiFilter *xinzhi_filter_new              (void);
gboolean      xinzhi_filter_is_empty         (XinzhiFilter     *self);
guint         xinzhi_filter_get_n_values     (XinzhiFilter     *self,
                                              XinzhiFilterKind  kind);
gpointer      xinzhi_filter_get_value        (XinzhiFilter     *self,
                                              XinzhiFilterKind  kind,
                                              guint             index);
gboolean      xinzhi_filter_has_value        (XinzhiFilter     *self,
                                              XinzhiFilterKind  kind,
                                              gconstpointer     value);
gboolean      xinzhi_filter_add              (XinzhiFilter     *self,
                                              XinzhiFilterKind  kind,
                                              gpointer          value);
gboolean      xinzhi_filter_remove           (XinzhiFilter     *self,
                                              XinzhiFilterKind  kind,
                                              gconstpointer     value);
gboolean      xinzhi_filter_set_only         (XinzhiFilter     *self,
                                              XinzhiFilterKind  kind,
                                              gpointer          value);
gboolean      xinzhi_filter_clear            (XinzhiFilter     *self);
gboolean      xinzhi_filter_matches_document (XinzhiFilter     *self,
                                              XinzhiDocument   *document);
gboolean      xinzhi_filter_matches_quote    (XinzhiFilter     *self,
                                              XinzhiQuote      *quote);
gboolean      xinzhi_filter_matches_event    (XinzhiFilter     *self,
                                              XinzhiEvent      *event);
gboolean      xinzhi_filter_matches          (XinzhiFilter     *self,
                                              gpointer          item);
gboolean      xinzhi_filter_reveal           (XinzhiFilter     *self,
                                              gpointer          item);
void          xinzhi_filter_follow           (XinzhiFilter    **slot,
                                              XinzhiFilter     *filter,
                                              GCallback         changed_cb,
                                              gpointer          receiver);

G_END_DECLS

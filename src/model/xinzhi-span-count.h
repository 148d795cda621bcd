/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-filter.h"
#include "xinzhi-sector.h"

G_BEGIN_DECLS

/**
 * XinzhiSpanCount:
 * @n_mentions: the mentions in articles that lie in the span for certain
 * @n_documents: those articles
 * @n_possibly_mentions: the mentions in articles that only possibly lie in it
 * @n_possibly_documents: those articles
 *
 * A sector's mentions against a filter's time span (see #XinzhiSpanMatch); with no
 * span, every mention counts as in it.
 */
typedef struct
{
  guint n_mentions;
  guint n_documents;
  guint n_possibly_mentions;
  guint n_possibly_documents;
} XinzhiSpanCount;

GHashTable     *xinzhi_span_count_new_cache      (void);
XinzhiSpanMatch xinzhi_span_count_match_document (XinzhiFilter    *filter,
                                                  GHashTable      *cache,
                                                  XinzhiDocument  *document);
void            xinzhi_span_count_sector         (XinzhiSpanCount *count,
                                                  XinzhiSector    *sector,
                                                  XinzhiFilter    *filter,
                                                  GHashTable      *cache);
void            xinzhi_span_count_documents      (XinzhiSpanCount *count,
                                                  GHashTable      *cache);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-corpus.h"

G_BEGIN_DECLS

/**
 * XinzhiSearchKind:
 *
 * The kinds of object a search finds, in the order their groups are shown.
 */
typedef enum
{
  XINZHI_SEARCH_KIND_ARTICLE,
  XINZHI_SEARCH_KIND_QUOTE,
  XINZHI_SEARCH_KIND_EVENT,
  XINZHI_SEARCH_KIND_CONCEPT,
  XINZHI_SEARCH_KIND_SECTOR,
  XINZHI_SEARCH_KIND_PERSON,
  XINZHI_SEARCH_N_KINDS,
} XinzhiSearchKind;

/* The paragraph of a result whose match is in an article's title. */
#define XINZHI_SEARCH_TITLE G_MAXUINT

/**
 * XinzhiSearchRange:
 * @start: the byte offset of the first byte matched
 * @end: the byte offset just past the last
 */
typedef struct
{
  guint start;
  guint end;
} XinzhiSearchRange;

#define XINZHI_TYPE_SEARCH_RESULT (xinzhi_search_result_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSearchResult, xinzhi_search_result, XINZHI, SEARCH_RESULT, GObject)

XinzhiSearchKind         xinzhi_search_result_get_kind      (XinzhiSearchResult *self);
GObject                 *xinzhi_search_result_get_item      (XinzhiSearchResult *self);
const char              *xinzhi_search_result_get_text      (XinzhiSearchResult *self);
guint                    xinzhi_search_result_get_paragraph (XinzhiSearchResult *self);
guint                    xinzhi_search_result_get_n_hits    (XinzhiSearchResult *self);
gboolean                 xinzhi_search_result_get_in_name   (XinzhiSearchResult *self);
GObject                 *xinzhi_search_result_get_via       (XinzhiSearchResult *self);
const XinzhiSearchRange *xinzhi_search_result_get_ranges    (XinzhiSearchResult *self,
                                                             guint              *n_ranges);

#define XINZHI_TYPE_SEARCH (xinzhi_search_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSearch, xinzhi_search, XINZHI, SEARCH, GObject)

XinzhiSearch *xinzhi_search_new         (XinzhiCorpus     *corpus);
XinzhiCorpus *xinzhi_search_get_corpus  (XinzhiSearch     *self);
const char   *xinzhi_search_get_query   (XinzhiSearch     *self);
GListModel   *xinzhi_search_get_results (XinzhiSearch     *self,
                                         XinzhiSearchKind  kind);
guint         xinzhi_search_get_n_results (XinzhiSearch   *self);
GListModel   *xinzhi_search_get_meant   (XinzhiSearch     *self);
void          xinzhi_search_set_query   (XinzhiSearch     *self,
                                         const char       *query);
void          xinzhi_search_set_query_async (XinzhiSearch *self,
                                             const char   *query);
gboolean      xinzhi_search_is_searching (XinzhiSearch    *self);
guint         xinzhi_search_get_n_searching (void);

char         *xinzhi_search_fold        (const char       *text,
                                         gssize            length,
                                         GArray           *map);
GArray       *xinzhi_search_find_all    (const char       *text,
                                         const char       *query);
const char   *xinzhi_search_kind_get_name (XinzhiSearchKind kind);

G_END_DECLS

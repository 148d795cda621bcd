/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the search (xinzhi-search.c: folding, queries, results) and its index
 * (xinzhi-search-index.c) share.  Private to the two: nothing else includes it, and
 * nothing is installed.  Each calls the other's functions, prefixed _xinzhi_search_;
 * every other helper stays static in its file. */

#include "xinzhi-model-private.h"
#include "xinzhi-search.h"

G_BEGIN_DECLS

typedef struct
{
  guint32 start;       /* in the folded buffer */
  guint32 item;
  guint32 paragraph;   /* see xinzhi_search_result_get_paragraph() */
  guint32 is_name;
} Field;

typedef struct
{
  GString    *text;     /* the folded fields, each followed by a NUL */
  GArray     *fields;
  GPtrArray  *items;
  guint32    *days;     /* each item's date as a day number, 0 when it has none */
  guint32    *first_field;  /* each item's first field */
  GHashTable *positions;    /* item → its index + 1, for the items found through a mention */
} Index;

/* One field that matches, directly or through what the query names. */
typedef struct
{
  guint32 field;
  guint32 via;          /* an index into the meaning's owners, or DIRECT */
} Hit;

#define DIRECT G_MAXUINT32

/* What one scan found for one item. */
typedef struct
{
  guint32 item;
  guint32 hits;         /* fields that match */
  guint32 name_hits;
  guint32 first_field;
  guint32 via;          /* the first owner it was found through, or DIRECT when its words match */
  guint64 rank;         /* what the results are sorted by, greatest first */
} Entry;

/* Where the quotes are in their articles, article by article, so that a mention is
 * found inside a quote with a few comparisons. */
typedef struct
{
  guint32 paragraph;
  guint32 start;
  guint32 end;
  guint32 field;        /* the quote's field in the index of quotes */
} QuoteSpan;

typedef struct
{
  guint32   *first;     /* per article, its first span; one more at the end */
  QuoteSpan *spans;
} Quoted;

/* Where each concept, sector and person leads: the article fields (paragraphs) that
 * mention it, and the quote fields whose words mention it or that the person said.
 * Made with the index, from the loader's mentions: a much-named sector has tens of
 * thousands of mentions scattered through the corpus's records, and a keystroke that
 * names it then reads two arrays in order instead. */
typedef struct
{
  GArray *article_fields;   /* of guint32, in the order of the mentions */
  GArray *quote_fields;     /* of guint32 */
} Reach;

void
_xinzhi_search_fold_into (GString    *out,
                          const char *text,
                          gsize       length,
                          GArray     *map);

GArray *
_xinzhi_search_scan (Index      *index,
                     const char *query,
                     gsize       query_len,
                     gboolean    word_end,
                     GArray     *at_start);

const char *
_xinzhi_search_field_text (XinzhiSearchKind  kind,
                           GObject          *item,
                           guint             paragraph);

void
_xinzhi_search_index_build (Index            *index,
                            XinzhiSearchKind  kind,
                            GListModel       *model);

void
_xinzhi_search_index_clear (Index *index);

void
_xinzhi_search_quoted_clear (Quoted *quoted);

void
_xinzhi_search_quoted_build (Quoted *quoted,
                             Index  *articles,
                             Index  *quotes);

void
_xinzhi_search_reach_free (gpointer data);

/* Where a concept's, sector's or person's mentions are, taken on the main thread: the
 * owner's view may make its list of mentions (which lets go of the table) while a
 * search's thread builds the index. */
typedef struct
{
  GObject            *owner;
  XinzhiMentionTable *table;     /* with @indices; NULL once the list was made */
  GArray             *indices;
  GListStore         *list;
} OwnerMentions;

void
_xinzhi_search_owner_mentions_init (OwnerMentions *mentions,
                                    GObject       *owner);

void
_xinzhi_search_owner_mentions_clear (gpointer data);

Reach *
_xinzhi_search_reach_new (const OwnerMentions *mentions,
                          Index               *articles,
                          Index               *quotes,
                          const Quoted        *quoted);

void
_xinzhi_search_mark_fields (guint32       *via,
                            const GArray  *fields,
                            guint32        owner);

G_END_DECLS

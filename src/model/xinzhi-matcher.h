/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds many byte strings in a text in one pass: the loader's way to look for every
 * sector term and every name at once, rather than for each in turn, and for every
 * quote of a document at once. */
typedef struct _XinzhiMatcher XinzhiMatcher;

/* Finds the first occurrence of each pattern of a matcher, over one text or several in
 * turn (the paragraphs of a document). */
typedef struct _XinzhiMatcherSearch XinzhiMatcherSearch;

/* Told of one occurrence of @pattern from byte @start to just before @end; returns
 * FALSE to stop the scan. */
typedef gboolean (*XinzhiMatcherFunc) (guint    pattern,
                                       gsize    start,
                                       gsize    end,
                                       gpointer user_data);

/* What a search's check says of an occurrence of a pattern not found yet. */
typedef enum
{
  XINZHI_MATCHER_NOT_HERE,  /* go on looking for it */
  XINZHI_MATCHER_FOUND,     /* its first occurrence */
  XINZHI_MATCHER_STOP,      /* stop the scan */
} XinzhiMatcherCheck;

typedef XinzhiMatcherCheck (*XinzhiMatcherCheckFunc) (guint    pattern,
                                                      gsize    start,
                                                      gsize    end,
                                                      gpointer user_data);

XinzhiMatcher *xinzhi_matcher_new         (void);
void           xinzhi_matcher_free        (XinzhiMatcher     *self);
guint          xinzhi_matcher_add         (XinzhiMatcher     *self,
                                           const char        *pattern);
guint          xinzhi_matcher_get_n_patterns (XinzhiMatcher  *self);
void           xinzhi_matcher_prepare     (XinzhiMatcher     *self);
gboolean       xinzhi_matcher_prepare_for (XinzhiMatcher     *self,
                                           gsize              text_length);
const char    *xinzhi_matcher_get_pattern (XinzhiMatcher     *self,
                                           guint              pattern);
guint          xinzhi_matcher_get_max_ends (XinzhiMatcher    *self,
                                            guint            *pattern);
gboolean       xinzhi_matcher_scan        (XinzhiMatcher     *self,
                                           const char        *text,
                                           gsize              length,
                                           XinzhiMatcherFunc  func,
                                           gpointer           user_data);

XinzhiMatcherSearch *xinzhi_matcher_search_new        (XinzhiMatcher       *matcher);
void                 xinzhi_matcher_search_free       (XinzhiMatcherSearch *self);
guint                xinzhi_matcher_search_get_n_left (XinzhiMatcherSearch *self);
gboolean             xinzhi_matcher_search_scan       (XinzhiMatcherSearch *self,
                                                       const char          *text,
                                                       gsize                length,
                                                       XinzhiMatcherFunc    func,
                                                       gpointer             user_data);
gboolean             xinzhi_matcher_search_check      (XinzhiMatcherSearch    *self,
                                                       const char             *text,
                                                       gsize                   length,
                                                       XinzhiMatcherCheckFunc  check,
                                                       gpointer                user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiMatcher, xinzhi_matcher_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiMatcherSearch, xinzhi_matcher_search_free)

G_END_DECLS

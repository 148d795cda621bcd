/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds many byte strings in a text in one pass: the loader's way to look for every
 * sector term and every name at once, rather than for each in turn. */
typedef struct _XinzhiMatcher XinzhiMatcher;

/* Told of one occurrence of @pattern from byte @start to just before @end; returns
 * FALSE to stop the scan. */
typedef gboolean (*XinzhiMatcherFunc) (guint    pattern,
                                       gsize    start,
                                       gsize    end,
                                       gpointer user_data);

XinzhiMatcher *xinzhi_matcher_new         (void);
void           xinzhi_matcher_free        (XinzhiMatcher     *self);
guint          xinzhi_matcher_add         (XinzhiMatcher     *self,
                                           const char        *pattern);
guint          xinzhi_matcher_get_n_patterns (XinzhiMatcher  *self);
void           xinzhi_matcher_prepare     (XinzhiMatcher     *self);
const char    *xinzhi_matcher_get_pattern (XinzhiMatcher     *self,
                                           guint              pattern);
gboolean       xinzhi_matcher_scan        (XinzhiMatcher     *self,
                                           const char        *text,
                                           gsize              length,
                                           XinzhiMatcherFunc  func,
                                           gpointer           user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiMatcher, xinzhi_matcher_free)

G_END_DECLS

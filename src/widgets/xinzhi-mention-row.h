/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-mention.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_MENTION_ROW (xinzhi_mention_row_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiMentionRow, xinzhi_mention_row, XINZHI, MENTION_ROW, GtkListBoxRow)

GtkWidget     *xinzhi_mention_row_new         (XinzhiMention *mention);
XinzhiMention *xinzhi_mention_row_get_mention (XinzhiMentionRow *self);
const char    *xinzhi_mention_row_get_context (XinzhiMentionRow *self);
char          *xinzhi_mention_row_cut_context (const char       *text,
                                               gsize             start,
                                               gsize             end,
                                               guint             radius,
                                               gsize            *match_start,
                                               gsize            *match_end);

G_END_DECLS

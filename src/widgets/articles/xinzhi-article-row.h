/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-document.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_ARTICLE_ROW (xinzhi_article_row_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiArticleRow, xinzhi_article_row, XINZHI, ARTICLE_ROW, AdwBin)

GtkWidget      *xinzhi_article_row_new                  (void);
XinzhiDocument *xinzhi_article_row_get_document         (XinzhiArticleRow *self);
char           *xinzhi_article_row_dup_accessible_label (XinzhiArticleRow *self);
void            xinzhi_article_row_set_document         (XinzhiArticleRow *self,
                                                         XinzhiDocument   *document);

G_END_DECLS

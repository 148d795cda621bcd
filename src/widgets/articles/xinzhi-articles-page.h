/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"
#include "xinzhi-notes.h"
#include "xinzhi-reader.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_ARTICLES_PAGE (xinzhi_articles_page_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiArticlesPage, xinzhi_articles_page, XINZHI, ARTICLES_PAGE, GtkWidget)

XinzhiCorpus   *xinzhi_articles_page_get_corpus            (XinzhiArticlesPage *self);
XinzhiReader   *xinzhi_articles_page_get_reader            (XinzhiArticlesPage *self);
XinzhiDocument *xinzhi_articles_page_get_selected_document (XinzhiArticlesPage *self);
void            xinzhi_articles_page_set_corpus            (XinzhiArticlesPage *self,
                                                            XinzhiCorpus       *corpus);
void            xinzhi_articles_page_set_notes             (XinzhiArticlesPage *self,
                                                            XinzhiNotes        *notes);
void            xinzhi_articles_page_select_document       (XinzhiArticlesPage *self,
                                                            XinzhiDocument     *document);

XinzhiFilter   *xinzhi_articles_page_get_filter            (XinzhiArticlesPage *self);
void            xinzhi_articles_page_set_filter            (XinzhiArticlesPage *self,
                                                            XinzhiFilter       *filter);

G_END_DECLS

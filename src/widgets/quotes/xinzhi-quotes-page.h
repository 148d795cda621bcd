/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"
#include "xinzhi-notes.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_QUOTES_PAGE (xinzhi_quotes_page_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiQuotesPage, xinzhi_quotes_page, XINZHI, QUOTES_PAGE, GtkWidget)

XinzhiCorpus *xinzhi_quotes_page_get_corpus         (XinzhiQuotesPage *self);
GListModel   *xinzhi_quotes_page_get_quotes         (XinzhiQuotesPage *self);
XinzhiQuote  *xinzhi_quotes_page_get_selected_quote (XinzhiQuotesPage *self);
XinzhiPerson *xinzhi_quotes_page_get_speaker_filter (XinzhiQuotesPage *self);
XinzhiSector *xinzhi_quotes_page_get_sector_filter  (XinzhiQuotesPage *self);
void          xinzhi_quotes_page_set_editable       (XinzhiQuotesPage *self,
                                                     gboolean          editable);
void          xinzhi_quotes_page_set_corpus         (XinzhiQuotesPage *self,
                                                     XinzhiCorpus     *corpus);
void          xinzhi_quotes_page_set_notes          (XinzhiQuotesPage *self,
                                                     XinzhiNotes      *notes);
void          xinzhi_quotes_page_set_speaker_filter (XinzhiQuotesPage *self,
                                                     XinzhiPerson     *person);
void          xinzhi_quotes_page_set_sector_filter  (XinzhiQuotesPage *self,
                                                     XinzhiSector     *sector);
void          xinzhi_quotes_page_clear_filters      (XinzhiQuotesPage *self);
XinzhiFilter *xinzhi_quotes_page_get_filter         (XinzhiQuotesPage *self);
void          xinzhi_quotes_page_set_filter         (XinzhiQuotesPage *self,
                                                     XinzhiFilter     *filter);
void          xinzhi_quotes_page_select_quote       (XinzhiQuotesPage *self,
                                                     XinzhiQuote      *quote);
void          xinzhi_quotes_page_show_person        (XinzhiQuotesPage *self,
                                                     XinzhiPerson     *person);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"
#include "xinzhi-notes.h"
#include "xinzhi-articles-page.h"
#include "xinzhi-glossary-dialog.h"
#include "xinzhi-quotes-page.h"
#include "xinzhi-search-page.h"
#include "xinzhi-sectors-page.h"
#include "xinzhi-timeline-page.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_WINDOW (xinzhi_window_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiWindow, xinzhi_window, XINZHI, WINDOW, AdwApplicationWindow)

XinzhiWindow       *xinzhi_window_new               (AdwApplication *application,
                                                     XinzhiCorpus   *corpus,
                                                     GSettings      *settings);
XinzhiCorpus       *xinzhi_window_get_corpus        (XinzhiWindow   *self);
XinzhiArticlesPage *xinzhi_window_get_articles_page (XinzhiWindow   *self);
XinzhiTimelinePage *xinzhi_window_get_timeline_page (XinzhiWindow   *self);
XinzhiSectorsPage  *xinzhi_window_get_sectors_page  (XinzhiWindow   *self);
XinzhiQuotesPage   *xinzhi_window_get_quotes_page   (XinzhiWindow   *self);
void                xinzhi_window_show_document     (XinzhiWindow   *self,
                                                     XinzhiDocument *document,
                                                     guint           paragraph);
void                xinzhi_window_show_mention      (XinzhiWindow   *self,
                                                     XinzhiDocument *document,
                                                     guint           paragraph,
                                                     guint           start,
                                                     guint           end);
void                xinzhi_window_show_quote        (XinzhiWindow   *self,
                                                     XinzhiQuote    *quote);
XinzhiSearchPage   *xinzhi_window_get_search_page   (XinzhiWindow   *self);
XinzhiSearch       *xinzhi_window_get_search        (XinzhiWindow   *self);
void                xinzhi_window_search            (XinzhiWindow   *self,
                                                     const char     *query);
XinzhiGlossaryDialog *xinzhi_window_show_glossary   (XinzhiWindow   *self,
                                                     GObject        *item);
gboolean            xinzhi_window_go_back           (XinzhiWindow   *self);
gboolean            xinzhi_window_go_forward        (XinzhiWindow   *self);
void                xinzhi_window_set_corpus        (XinzhiWindow   *self,
                                                     XinzhiCorpus   *corpus);
void                xinzhi_window_open_file         (XinzhiWindow   *self,
                                                     GFile          *file);
void                xinzhi_window_open_files        (XinzhiWindow   *self,
                                                     GFile         **files,
                                                     guint           n_files);
gboolean            xinzhi_window_reopen_last       (XinzhiWindow   *self);
void                xinzhi_window_save_copy         (XinzhiWindow   *self,
                                                     GFile          *file);
void                xinzhi_window_import_files      (XinzhiWindow   *self,
                                                     GFile         **files,
                                                     guint           n_files);
GFile              *xinzhi_window_get_corpus_file   (XinzhiWindow   *self);
XinzhiFilter       *xinzhi_window_get_filter        (XinzhiWindow   *self);
XinzhiNotes        *xinzhi_window_get_notes         (XinzhiWindow   *self);
void                xinzhi_window_set_notes         (XinzhiWindow   *self,
                                                     XinzhiNotes    *notes);
void                xinzhi_window_add_toast         (XinzhiWindow   *self,
                                                     AdwToast       *toast);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-document.h"
#include "xinzhi-notes.h"
#include "xinzhi-quote.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_READER (xinzhi_reader_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiReader, xinzhi_reader, XINZHI, READER, GtkWidget)

XinzhiDocument *xinzhi_reader_get_document   (XinzhiReader   *self);
void            xinzhi_reader_set_document   (XinzhiReader   *self,
                                              XinzhiDocument *document);
void            xinzhi_reader_show_paragraph (XinzhiReader   *self,
                                              guint           paragraph);
void            xinzhi_reader_show_text_range (XinzhiReader  *self,
                                               guint          paragraph,
                                               guint          start,
                                               guint          end);
void            xinzhi_reader_show_quote     (XinzhiReader   *self,
                                              XinzhiQuote    *quote);
void            xinzhi_reader_find           (XinzhiReader   *self,
                                              const char     *text);
guint           xinzhi_reader_get_find_matches (XinzhiReader *self,
                                                guint        *current);
void            xinzhi_reader_set_notes      (XinzhiReader   *self,
                                              XinzhiNotes    *notes);
void            xinzhi_reader_set_editable   (XinzhiReader   *self,
                                              gboolean        editable);

G_END_DECLS

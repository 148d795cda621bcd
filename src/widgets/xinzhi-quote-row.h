/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-notes.h"
#include "xinzhi-quote.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_QUOTE_ROW (xinzhi_quote_row_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiQuoteRow, xinzhi_quote_row, XINZHI, QUOTE_ROW, AdwBin)

GtkWidget   *xinzhi_quote_row_new                     (void);
XinzhiQuote *xinzhi_quote_row_get_quote               (XinzhiQuoteRow *self);
gboolean     xinzhi_quote_row_get_show_speaker        (XinzhiQuoteRow *self);
char        *xinzhi_quote_row_dup_accessible_label    (XinzhiQuoteRow *self);
void         xinzhi_quote_row_set_quote               (XinzhiQuoteRow *self,
                                                       XinzhiQuote    *quote);
void         xinzhi_quote_row_set_show_speaker        (XinzhiQuoteRow *self,
                                                       gboolean        show_speaker);
void         xinzhi_quote_row_set_notes               (XinzhiQuoteRow *self,
                                                       XinzhiNotes    *notes);

char        *xinzhi_quote_row_format_accessible_label (XinzhiQuote    *quote,
                                                       guint           max_chars,
                                                       gboolean        starred);
GtkWidget   *xinzhi_quote_row_new_unreviewed_tag      (void);
GtkWidget   *xinzhi_quote_row_new_list_box_row        (XinzhiQuote    *quote);
int          xinzhi_quote_row_compare_quotes          (gconstpointer   a,
                                                       gconstpointer   b,
                                                       gpointer        user_data);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-notes.h"
#include "xinzhi-quote.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_QUOTE_VIEW (xinzhi_quote_view_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiQuoteView, xinzhi_quote_view, XINZHI, QUOTE_VIEW, GtkWidget)

XinzhiQuote *xinzhi_quote_view_get_quote (XinzhiQuoteView *self);
void         xinzhi_quote_view_set_quote (XinzhiQuoteView *self,
                                          XinzhiQuote     *quote);
void         xinzhi_quote_view_set_notes (XinzhiQuoteView *self,
                                          XinzhiNotes     *notes);

G_END_DECLS

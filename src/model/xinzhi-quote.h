/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-document.h"
#include "xinzhi-person.h"

G_BEGIN_DECLS

typedef enum
{
  XINZHI_QUOTE_DIRECT,
  XINZHI_QUOTE_PARAPHRASE,
} XinzhiQuoteKind;

#define XINZHI_TYPE_QUOTE (xinzhi_quote_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiQuote, xinzhi_quote, XINZHI, QUOTE, GObject)

const char      *xinzhi_quote_get_id        (XinzhiQuote *self);
XinzhiPerson    *xinzhi_quote_get_person    (XinzhiQuote *self);
XinzhiDocument  *xinzhi_quote_get_document  (XinzhiQuote *self);
XinzhiQuoteKind  xinzhi_quote_get_kind      (XinzhiQuote *self);
const char      *xinzhi_quote_get_text      (XinzhiQuote *self);
guint            xinzhi_quote_get_paragraph (XinzhiQuote *self);
guint            xinzhi_quote_get_start     (XinzhiQuote *self);
guint            xinzhi_quote_get_end       (XinzhiQuote *self);
gboolean         xinzhi_quote_get_reviewed  (XinzhiQuote *self);
gboolean         xinzhi_quote_get_suggestion (XinzhiQuote  *self,
                                              const char  **rule,
                                              const char  **evidence,
                                              guint        *evidence_start,
                                              const char  **note);
char            *xinzhi_quote_dup_role      (XinzhiQuote *self);
GListModel      *xinzhi_quote_get_events    (XinzhiQuote *self);
GListModel      *xinzhi_quote_get_sectors   (XinzhiQuote *self);

int              xinzhi_quote_compare       (XinzhiQuote *a,
                                             XinzhiQuote *b);

G_END_DECLS

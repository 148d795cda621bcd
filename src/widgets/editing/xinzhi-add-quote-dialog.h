/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-corpus-edit.h"
#include "xinzhi-document.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_ADD_QUOTE_DIALOG (xinzhi_add_quote_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiAddQuoteDialog, xinzhi_add_quote_dialog, XINZHI, ADD_QUOTE_DIALOG, AdwDialog)

AdwDialog *xinzhi_add_quote_dialog_new       (XinzhiDocument       *document,
                                              const char           *text,
                                              gboolean              marked);
void       xinzhi_add_quote_dialog_get_draft (XinzhiAddQuoteDialog *self,
                                              XinzhiQuoteDraft     *draft);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-corpus.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_GLOSSARY_DIALOG (xinzhi_glossary_dialog_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiGlossaryDialog, xinzhi_glossary_dialog, XINZHI, GLOSSARY_DIALOG, AdwDialog)

XinzhiGlossaryDialog *xinzhi_glossary_dialog_new       (XinzhiCorpus         *corpus);
GObject              *xinzhi_glossary_dialog_get_item  (XinzhiGlossaryDialog *self);
void                  xinzhi_glossary_dialog_show_item (XinzhiGlossaryDialog *self,
                                                        GObject              *item);

G_END_DECLS

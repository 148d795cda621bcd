/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xinzhi-corpus.h"
#include "xinzhi-extraction.h"

G_BEGIN_DECLS

char *xinzhi_extract_corpus_to_json (XinzhiExtraction **extractions,
                                     guint              n_extractions,
                                     XinzhiCorpus      *builtin);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "xinzhi-corpus.h"
#include "xinzhi-extraction.h"

G_BEGIN_DECLS

JsonNode *xinzhi_extract_corpus_to_node (XinzhiExtraction **extractions,
                                         guint              n_extractions,
                                         XinzhiCorpus      *builtin);
char     *xinzhi_extract_corpus_to_json (XinzhiExtraction **extractions,
                                         guint              n_extractions,
                                         XinzhiCorpus      *builtin);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xinzhi-corpus.h"
#include "xinzhi-extraction.h"

G_BEGIN_DECLS

/* What became of one article of an import. */
typedef struct
{
  char     *document;   /* the id it was added under; for a duplicate, the id of the
                         * document it repeats */
  gboolean  duplicate;  /* already in the corpus (or earlier in the batch): not added */
  gboolean  same_url;   /* a duplicate by its address rather than by its text */
  guint     n_quotes;   /* the quotes written for it */
  guint     n_people;   /* the people it names, new or already in the corpus */
} XinzhiImportItem;

char     *xinzhi_import_merge     (const char        *corpus_json,
                                   gsize              length,
                                   XinzhiExtraction **extractions,
                                   guint              n_extractions,
                                   XinzhiCorpus      *builtin,
                                   GArray           **items,
                                   GError           **error);
gboolean  xinzhi_import_into_file (GFile             *target,
                                   XinzhiExtraction **extractions,
                                   guint              n_extractions,
                                   XinzhiCorpus      *builtin,
                                   GArray           **items,
                                   GError           **error);

G_END_DECLS

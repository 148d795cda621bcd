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
  guint     n_left_out; /* the quotes found with no speaker, and so not written (the
                         * format needs one) */
  guint     n_people;   /* the people it names, new or already in the corpus */
  guint     n_events;   /* the candidate events written for it, unreviewed */
  GFile    *file;       /* xinzhi_import_files_async() only: the article file */
  GError   *error;      /* xinzhi_import_files_async() only: why the file gave nothing
                         * (its message names it); the members above are then unset */
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
void      xinzhi_import_files_async  (GFile                    *target,
                                      GBytes                   *initial,
                                      GFile                   **files,
                                      guint                     n_files,
                                      XinzhiCorpus             *builtin,
                                      int                       io_priority,
                                      GCancellable             *cancellable,
                                      XinzhiCorpusProgressFunc  progress,
                                      gpointer                  progress_data,
                                      GDestroyNotify            progress_notify,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data);
GArray   *xinzhi_import_files_finish (GAsyncResult             *result,
                                      GBytes                  **corpus,
                                      GError                  **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-corpus.h"

G_BEGIN_DECLS

/**
 * XinzhiCorpusEditKind:
 * @XINZHI_CORPUS_EDIT_ACCEPT_QUOTE: a person accepts a quote the extractor suggested:
 *   it is reviewed from now on
 * @XINZHI_CORPUS_EDIT_REJECT_QUOTE: a person rejects a quote the extractor suggested:
 *   it leaves the corpus
 * @XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT: a person accepts every quote the extractor
 *   suggested in one document
 * @XINZHI_CORPUS_EDIT_SET_SPEAKER: a person says who spoke a quote: another person of
 *   the corpus
 * @XINZHI_CORPUS_EDIT_SET_KIND: a person says whether a quote is direct or a paraphrase
 *
 * What an edit of a corpus file does (docs/editing.md).
 */
typedef enum
{
  XINZHI_CORPUS_EDIT_ACCEPT_QUOTE,
  XINZHI_CORPUS_EDIT_REJECT_QUOTE,
  XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT,
  XINZHI_CORPUS_EDIT_SET_SPEAKER,
  XINZHI_CORPUS_EDIT_SET_KIND,
} XinzhiCorpusEditKind;

char    *xinzhi_corpus_edit_json          (const char            *json,
                                           gsize                  length,
                                           XinzhiCorpusEditKind   kind,
                                           const char            *id,
                                           const char            *value,
                                           GError               **error);
void     xinzhi_corpus_edit_file_async    (GFile                 *file,
                                           const char            *checksum,
                                           XinzhiCorpusEditKind   kind,
                                           const char            *id,
                                           const char            *value,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
void     xinzhi_corpus_restore_file_async (GFile                 *file,
                                           const char            *checksum,
                                           GBytes                *contents,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
GBytes  *xinzhi_corpus_edit_file_finish   (GAsyncResult          *result,
                                           GBytes               **before,
                                           XinzhiCorpus         **corpus,
                                           GError               **error);

G_END_DECLS

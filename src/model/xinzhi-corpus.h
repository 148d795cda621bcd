/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-concept.h"
#include "xinzhi-document.h"
#include "xinzhi-event.h"
#include "xinzhi-mention.h"
#include "xinzhi-person.h"
#include "xinzhi-quote.h"
#include "xinzhi-sector.h"

G_BEGIN_DECLS

/* The newest format version read; every version from 1 up to it is read. */
#define XINZHI_CORPUS_FORMAT_VERSION 3
/* The largest corpus file read, in bytes (docs/corpus-format.md, "Limits"). */
#define XINZHI_CORPUS_MAX_SIZE ((gsize) 64 * 1024 * 1024)
#define XINZHI_CORPUS_ERROR (xinzhi_corpus_error_quark ())

/**
 * XinzhiCorpusError:
 * @XINZHI_CORPUS_ERROR_READ: the file could not be read
 * @XINZHI_CORPUS_ERROR_ENCODING: the file is not valid UTF-8, or holds a NUL byte
 * @XINZHI_CORPUS_ERROR_SYNTAX: the file is not valid JSON
 * @XINZHI_CORPUS_ERROR_FORMAT: the file is JSON but not a Xinzhi corpus
 * @XINZHI_CORPUS_ERROR_VERSION: the format version is not one this build reads
 * @XINZHI_CORPUS_ERROR_MISSING: a required member is missing
 * @XINZHI_CORPUS_ERROR_TYPE: a member has the wrong JSON type
 * @XINZHI_CORPUS_ERROR_VALUE: a member has a value the format does not allow
 * @XINZHI_CORPUS_ERROR_DUPLICATE_ID: an id is used twice within its kind
 * @XINZHI_CORPUS_ERROR_DANGLING_REFERENCE: a reference names no existing object
 * @XINZHI_CORPUS_ERROR_NOT_IN_TEXT: a quote, role or date is not found in its text
 * @XINZHI_CORPUS_ERROR_DATE: a date is invalid, reversed or more precise than its source
 * @XINZHI_CORPUS_ERROR_LIMIT: the file exceeds a size, nesting or string length limit
 */
typedef enum
{
  XINZHI_CORPUS_ERROR_READ,
  XINZHI_CORPUS_ERROR_ENCODING,
  XINZHI_CORPUS_ERROR_SYNTAX,
  XINZHI_CORPUS_ERROR_FORMAT,
  XINZHI_CORPUS_ERROR_VERSION,
  XINZHI_CORPUS_ERROR_MISSING,
  XINZHI_CORPUS_ERROR_TYPE,
  XINZHI_CORPUS_ERROR_VALUE,
  XINZHI_CORPUS_ERROR_DUPLICATE_ID,
  XINZHI_CORPUS_ERROR_DANGLING_REFERENCE,
  XINZHI_CORPUS_ERROR_NOT_IN_TEXT,
  XINZHI_CORPUS_ERROR_DATE,
  XINZHI_CORPUS_ERROR_LIMIT,
} XinzhiCorpusError;

/**
 * XinzhiCorpusProgressFunc:
 * @fraction: how much of the loading is done, from 0 to 1; it never goes back
 * @user_data: the data given with the function
 *
 * Told how far a load has come.  xinzhi_corpus_load_file() calls it in the thread that
 * loads, at most a few hundred times a load; xinzhi_corpus_load_file_async() calls it in
 * the thread-default main context of its caller.
 */
typedef void (*XinzhiCorpusProgressFunc) (double   fraction,
                                          gpointer user_data);

#define XINZHI_TYPE_CORPUS (xinzhi_corpus_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiCorpus, xinzhi_corpus, XINZHI, CORPUS, GObject)

GQuark          xinzhi_corpus_error_quark      (void);

XinzhiCorpus   *xinzhi_corpus_new_from_bytes   (GBytes        *bytes,
                                                const char    *name,
                                                GError       **error);
XinzhiCorpus   *xinzhi_corpus_new_from_file    (GFile         *file,
                                                GCancellable  *cancellable,
                                                GError       **error);
XinzhiCorpus   *xinzhi_corpus_new_builtin      (GError       **error);
GBytes         *xinzhi_corpus_new_empty_json   (const char    *title);
XinzhiCorpus   *xinzhi_corpus_load_file        (GFile                    *file,
                                                GCancellable             *cancellable,
                                                XinzhiCorpusProgressFunc  progress,
                                                gpointer                  user_data,
                                                GError                  **error);
void            xinzhi_corpus_load_file_async  (GFile                    *file,
                                                int                       io_priority,
                                                GCancellable             *cancellable,
                                                XinzhiCorpusProgressFunc  progress,
                                                gpointer                  progress_data,
                                                GDestroyNotify            progress_notify,
                                                GAsyncReadyCallback       callback,
                                                gpointer                  user_data);
XinzhiCorpus   *xinzhi_corpus_load_file_finish (GAsyncResult            *result,
                                                GError                 **error);

const char     *xinzhi_corpus_get_name         (XinzhiCorpus  *self);
const char     *xinzhi_corpus_get_title        (XinzhiCorpus  *self);
const char     *xinzhi_corpus_get_checksum     (XinzhiCorpus  *self);
char           *xinzhi_corpus_compute_checksum (GBytes        *bytes);
char           *xinzhi_corpus_id_from_text     (const char    *text,
                                                const char    *fallback);
GListModel     *xinzhi_corpus_get_documents    (XinzhiCorpus  *self);
GListModel     *xinzhi_corpus_get_people       (XinzhiCorpus  *self);
GListModel     *xinzhi_corpus_get_sectors      (XinzhiCorpus  *self);
GListModel     *xinzhi_corpus_get_events       (XinzhiCorpus  *self);
GListModel     *xinzhi_corpus_get_quotes       (XinzhiCorpus  *self);
GListModel     *xinzhi_corpus_get_quotes_newest_first (XinzhiCorpus *self);
GListModel     *xinzhi_corpus_get_documents_by_date   (XinzhiCorpus *self);
GListModel     *xinzhi_corpus_get_concepts     (XinzhiCorpus  *self);
gboolean        xinzhi_corpus_get_home_span    (XinzhiCorpus  *self,
                                                guint32       *first_day,
                                                guint32       *last_day);
XinzhiDocument *xinzhi_corpus_lookup_document  (XinzhiCorpus  *self,
                                                const char    *id);
XinzhiPerson   *xinzhi_corpus_lookup_person    (XinzhiCorpus  *self,
                                                const char    *id);
XinzhiSector   *xinzhi_corpus_lookup_sector    (XinzhiCorpus  *self,
                                                const char    *id);
XinzhiEvent    *xinzhi_corpus_lookup_event     (XinzhiCorpus  *self,
                                                const char    *id);
XinzhiQuote    *xinzhi_corpus_lookup_quote     (XinzhiCorpus  *self,
                                                const char    *id);
XinzhiConcept  *xinzhi_corpus_lookup_concept   (XinzhiCorpus  *self,
                                                const char    *id);

G_END_DECLS

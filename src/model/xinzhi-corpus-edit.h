/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-corpus.h"
#include "xinzhi-quote.h"

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
 * @XINZHI_CORPUS_EDIT_ADD_QUOTE: a person adds a quote the extractor did not find
 *   (xinzhi_corpus_add_quote_json())
 * @XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER: a person says who spoke a quote: someone the
 *   corpus does not have yet, by name
 * @XINZHI_CORPUS_EDIT_ADD_ROLE: a person gives a quote's speaker a role in the quote's
 *   article, in its words
 * @XINZHI_CORPUS_EDIT_ACCEPT_EVENT: a person accepts an event the extractor suggested:
 *   it is reviewed from now on
 * @XINZHI_CORPUS_EDIT_REJECT_EVENT: a person rejects an event the extractor suggested:
 *   it leaves the corpus, and the quotes that named it no longer do
 * @XINZHI_CORPUS_EDIT_ADD_EVENT: a person adds an event from a sentence of an article
 *   (xinzhi_corpus_add_event_json())
 * @XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS: a person accepts every event the
 *   extractor suggested from one document
 * @XINZHI_CORPUS_EDIT_SET_EVENT_TITLE: a person gives an event a title of their own
 * @XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH: the same for the event's Chinese title
 * @XINZHI_CORPUS_EDIT_ADD_TERM: a person adds words of an article to a sector's terms
 *   (xinzhi_corpus_edit_term_words())
 * @XINZHI_CORPUS_EDIT_MERGE_PEOPLE: a person says that two people of the corpus are one:
 *   the first's name and spellings become the second's, and so do its roles, quotes
 *   and events
 * @XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE: a person corrects an article's title
 * @XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET: a person corrects an article's outlet
 * @XINZHI_CORPUS_EDIT_SET_DOCUMENT_DATE: a person corrects an article's date
 *   (xinzhi_corpus_set_document_date_json())
 * @XINZHI_CORPUS_EDIT_REMOVE_TERM: a person removes a term from a sector's, as it is
 *   written; a sector keeps one at least
 * @XINZHI_CORPUS_EDIT_REMOVE_ROLE: a person removes a role from a person's: the value
 *   is its position among them (xinzhi_person_get_role()), in decimal
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
  XINZHI_CORPUS_EDIT_ADD_QUOTE,
  XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER,
  XINZHI_CORPUS_EDIT_ADD_ROLE,
  XINZHI_CORPUS_EDIT_ACCEPT_EVENT,
  XINZHI_CORPUS_EDIT_REJECT_EVENT,
  XINZHI_CORPUS_EDIT_ADD_EVENT,
  XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS,
  XINZHI_CORPUS_EDIT_SET_EVENT_TITLE,
  XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH,
  XINZHI_CORPUS_EDIT_ADD_TERM,
  XINZHI_CORPUS_EDIT_MERGE_PEOPLE,
  XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE,
  XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET,
  XINZHI_CORPUS_EDIT_SET_DOCUMENT_DATE,
  XINZHI_CORPUS_EDIT_REMOVE_TERM,
  XINZHI_CORPUS_EDIT_REMOVE_ROLE,
} XinzhiCorpusEditKind;

/**
 * XinzhiQuoteDraft:
 * @document: the id of the article the words are in
 * @text: the words, verbatim in one paragraph of it
 * @kind: quoted or reported
 * @person: (nullable): the id of the person of the corpus who spoke them, or %NULL
 *   for a new person
 * @person_name: (nullable): the new person's name, when @person is %NULL
 * @role: (nullable): the speaker's role or affiliation, in the article's words, to add
 *   to the speaker's roles in it, or %NULL
 *
 * A quote a person adds (xinzhi_corpus_add_quote_json()).
 */
typedef struct
{
  const char      *document;
  const char      *text;
  XinzhiQuoteKind  kind;
  const char      *person;
  const char      *person_name;
  const char      *role;
} XinzhiQuoteDraft;

/**
 * XinzhiEventDraft:
 * @document: the id of the article the event is read from
 * @paragraph: the paragraph of it that reports the event: its source
 * @title: a short title
 * @summary: what the event was
 * @date: when: a day, a month or a year
 * @date_words: (nullable): words of the paragraph that state @date, or %NULL when the
 *   date is an estimate
 * @date_note: (nullable): why @date is what it is, when it is an estimate
 *
 * An event a person adds (xinzhi_corpus_add_event_json()).
 */
typedef struct
{
  const char *document;
  guint       paragraph;
  const char *title;
  const char *summary;
  XinzhiDate  date;
  const char *date_words;
  const char *date_note;
} XinzhiEventDraft;

/**
 * XinzhiDateDraft:
 * @date: the date: a day, a month or a year
 * @words: (nullable): words of the article (its text, title or address) that state
 *   @date, or %NULL when the date is an estimate
 * @note: (nullable): why @date is what it is, when it is an estimate
 *
 * An article's date as a person corrects it (xinzhi_corpus_set_document_date_json()).
 */
typedef struct
{
  XinzhiDate  date;
  const char *words;
  const char *note;
} XinzhiDateDraft;

char    *xinzhi_corpus_edit_json          (const char            *json,
                                           gsize                  length,
                                           XinzhiCorpusEditKind   kind,
                                           const char            *id,
                                           const char            *value,
                                           GError               **error);
char    *xinzhi_corpus_add_quote_json     (const char             *json,
                                           gsize                   length,
                                           const XinzhiQuoteDraft *draft,
                                           char                  **quote_id,
                                           GError                **error);
char    *xinzhi_corpus_add_event_json     (const char             *json,
                                           gsize                   length,
                                           const XinzhiEventDraft *draft,
                                           char                  **event_id,
                                           GError                **error);
char    *xinzhi_corpus_edit_quote_words   (const char            *paragraph,
                                           gsize                  start,
                                           gsize                  end,
                                           gboolean              *marked);
char    *xinzhi_corpus_edit_term_words    (const char            *paragraph,
                                           gsize                  start,
                                           gsize                  end,
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
void     xinzhi_corpus_add_quote_file_async (GFile                 *file,
                                             const char            *checksum,
                                             const XinzhiQuoteDraft *draft,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
char    *xinzhi_corpus_set_document_date_json (const char            *json,
                                               gsize                  length,
                                               const char            *document,
                                               const XinzhiDateDraft *draft,
                                               GError               **error);
void     xinzhi_corpus_set_document_date_file_async (GFile                 *file,
                                                     const char            *checksum,
                                                     const char            *document,
                                                     const XinzhiDateDraft *draft,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
void     xinzhi_corpus_add_event_file_async (GFile                  *file,
                                             const char             *checksum,
                                             const XinzhiEventDraft *draft,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data);
const char *xinzhi_corpus_edit_file_get_added_id (GAsyncResult  *result);
GBytes  *xinzhi_corpus_edit_file_finish   (GAsyncResult          *result,
                                           GBytes               **before,
                                           XinzhiCorpus         **corpus,
                                           GError               **error);

G_END_DECLS

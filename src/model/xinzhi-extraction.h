/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-date.h"

G_BEGIN_DECLS

/* The most bytes an article file may hold: a larger one is refused before it is read. */
#define XINZHI_EXTRACT_MAX_SIZE (64 * 1024 * 1024)

#define XINZHI_EXTRACT_ERROR (xinzhi_extract_error_quark ())

typedef enum
{
  XINZHI_EXTRACT_ERROR_EMPTY,     /* nothing but white space */
  XINZHI_EXTRACT_ERROR_BINARY,    /* NUL bytes */
  XINZHI_EXTRACT_ERROR_ENCODING,  /* neither UTF-8 nor GB18030 */
  XINZHI_EXTRACT_ERROR_NO_TEXT,   /* nothing is left once the furniture is out */
  XINZHI_EXTRACT_ERROR_HTML,      /* libxml2 gave no document for the page */
} XinzhiExtractError;

typedef enum
{
  XINZHI_EXTRACT_BODY,
  XINZHI_EXTRACT_HEADING,
  XINZHI_EXTRACT_DATELINE,
  XINZHI_EXTRACT_CAPTION,
  XINZHI_EXTRACT_CREDIT,
} XinzhiExtractKind;

/* A paragraph kept: its text verbatim (Markdown reduced to its text), its kind, and
 * the rule that gave the kind. */
typedef struct
{
  char              *text;
  XinzhiExtractKind  kind;
  const char        *rule;
} XinzhiExtractParagraph;

/* A line of page furniture left out, and the rule that dropped it. */
typedef struct
{
  char       *text;
  const char *rule;
} XinzhiExtractDropped;

/* A person the article names as a speaker, with the roles it gives them verbatim. */
typedef struct
{
  char       *name;
  GPtrArray  *roles;     /* of char *, each once */
  GPtrArray  *variants;  /* of char *: other words the article names them by ("Mr. Pan") */
  const char *rule;      /* how the name was found */
  char       *evidence;  /* the words it was found in */
} XinzhiExtractPerson;

/* A quote: words of one paragraph, from byte @start to just before @end. */
typedef struct
{
  guint       paragraph;
  gsize       start;
  gsize       end;
  char       *text;
  gboolean    direct;     /* words inside quotation marks, or else reported speech */
  int         person;     /* index into the people, or -1 when no speaker is known */
  const char *rule;       /* the rule that found it */
  char       *evidence;   /* the attribution words */
  char       *note;       /* (nullable): how the speaker was resolved, or why not */
} XinzhiExtractQuote;

/* A candidate event: a sentence of a body paragraph, from byte @start to just before
 * @end, that dates something, with the date at the precision its words give.  A date
 * whose words name no year ("March 5") takes the article's year, as an estimate. */
typedef struct
{
  guint       paragraph;
  gsize       start;
  gsize       end;
  char       *text;        /* the sentence */
  XinzhiDate  date;
  char       *date_text;   /* the date's words, verbatim */
  gboolean    estimated;   /* the year is the article's, not the sentence's */
  char       *note;        /* (nullable): why the date is an estimate */
  const char *rule;
} XinzhiExtractEvent;

#define XINZHI_TYPE_EXTRACTION (xinzhi_extraction_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiExtraction, xinzhi_extraction, XINZHI, EXTRACTION, GObject)

GQuark            xinzhi_extract_error_quark       (void);

XinzhiExtraction *xinzhi_extraction_new_from_file  (GFile             *file,
                                                    GCancellable      *cancellable,
                                                    GError           **error);
XinzhiExtraction *xinzhi_extraction_new_from_data  (const char        *name,
                                                    const char        *data,
                                                    gsize              length,
                                                    gboolean           markdown,
                                                    GError           **error);
XinzhiExtraction *xinzhi_extraction_new_from_html  (const char        *name,
                                                    const char        *data,
                                                    gsize              length,
                                                    GError           **error);
gboolean          xinzhi_extraction_data_is_html   (const char        *data,
                                                    gsize              length,
                                                    gboolean           named_html);

const char       *xinzhi_extraction_get_name       (XinzhiExtraction  *self);
const char       *xinzhi_extraction_get_title      (XinzhiExtraction  *self);
const char       *xinzhi_extraction_get_title_rule (XinzhiExtraction  *self);
const char       *xinzhi_extraction_get_outlet     (XinzhiExtraction  *self,
                                                    const char       **rule,
                                                    const char       **evidence);
const char * const *xinzhi_extraction_get_byline   (XinzhiExtraction  *self);
const char       *xinzhi_extraction_get_url        (XinzhiExtraction  *self);
const char       *xinzhi_extraction_get_language   (XinzhiExtraction  *self);
const char       *xinzhi_extraction_get_encoding   (XinzhiExtraction  *self,
                                                    const char       **reason);
const char       *xinzhi_extraction_get_container  (XinzhiExtraction  *self);
const XinzhiDate *xinzhi_extraction_get_date       (XinzhiExtraction  *self);
gboolean          xinzhi_extraction_get_date_estimated (XinzhiExtraction *self);
const char       *xinzhi_extraction_get_date_text  (XinzhiExtraction  *self);
const char       *xinzhi_extraction_get_date_note  (XinzhiExtraction  *self);
const char       *xinzhi_extraction_get_date_rule  (XinzhiExtraction  *self);
guint             xinzhi_extraction_get_n_paragraphs (XinzhiExtraction *self);
const XinzhiExtractParagraph *xinzhi_extraction_get_paragraph (XinzhiExtraction *self,
                                                               guint             index);
guint             xinzhi_extraction_get_n_dropped  (XinzhiExtraction  *self);
const XinzhiExtractDropped *xinzhi_extraction_get_dropped (XinzhiExtraction *self,
                                                           guint             index);
guint             xinzhi_extraction_get_n_people   (XinzhiExtraction  *self);
const XinzhiExtractPerson *xinzhi_extraction_get_person (XinzhiExtraction *self,
                                                         guint             index);
guint             xinzhi_extraction_get_n_quotes   (XinzhiExtraction  *self);
const XinzhiExtractQuote *xinzhi_extraction_get_quote (XinzhiExtraction *self,
                                                       guint             index);
guint             xinzhi_extraction_get_n_events   (XinzhiExtraction  *self);
const XinzhiExtractEvent *xinzhi_extraction_get_event (XinzhiExtraction *self,
                                                       guint             index);
const char       *xinzhi_extract_kind_name         (XinzhiExtractKind  kind);
gboolean          xinzhi_extract_date_sentence     (const char        *sentence,
                                                    const XinzhiDate  *article_date,
                                                    gboolean           article_year_known,
                                                    XinzhiDate        *date,
                                                    char             **words,
                                                    char             **note);
void              xinzhi_extraction_explain        (XinzhiExtraction  *self,
                                                    GString           *out);

G_END_DECLS

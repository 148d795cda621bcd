/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xinzhi-extraction.h"

G_BEGIN_DECLS

/* What the rules of xinzhi-extract-text.c and xinzhi-extract-quotes.c fill in. */
struct _XinzhiExtraction
{
  GObject     parent_instance;

  char       *name;
  char       *title;
  const char *title_rule;
  char       *outlet;
  const char *outlet_rule;
  char       *outlet_evidence;
  GStrv       byline;
  char       *url;
  const char *language;
  XinzhiDate  date;
  gboolean    date_estimated;
  char       *date_text;
  char       *date_note;
  const char *date_rule;
  GArray     *paragraphs;  /* of XinzhiExtractParagraph */
  GArray     *dropped;     /* of XinzhiExtractDropped */
  GArray     *people;      /* of XinzhiExtractPerson */
  GArray     *quotes;      /* of XinzhiExtractQuote */
  GArray     *events;      /* of XinzhiExtractEvent */

  /* A web page's: the encoding read and why, the element the text was taken from. */
  char       *encoding;
  char       *encoding_reason;
  const char *container;
};

/* xinzhi-extract-text.c */
gboolean  xinzhi_extract_check_text_bytes (const char        *data,
                                           gsize              length,
                                           GError           **error);
char     *xinzhi_extract_decode     (const char        *data,
                                     gsize              length,
                                     GError           **error);
void      xinzhi_extract_add_text   (XinzhiExtraction  *self,
                                     GHashTable        *kept,
                                     const char        *text,
                                     XinzhiExtractKind  kind,
                                     const char        *rule);
void      xinzhi_extract_paragraphs (XinzhiExtraction  *self,
                                     const char        *text,
                                     gboolean           markdown);
void      xinzhi_extract_metadata   (XinzhiExtraction  *self);
gboolean  xinzhi_extract_find_date  (const char        *text,
                                     XinzhiDate        *date,
                                     gsize             *start,
                                     gsize             *length);
/* What words before a month without a year say of its year. */
typedef enum
{
  XINZHI_EXTRACT_YEAR_UNSAID,      /* "in September", "March 5" */
  XINZHI_EXTRACT_YEAR_LAST,        /* "last December": the latest before the text */
  XINZHI_EXTRACT_YEAR_NEAR,        /* "this March", "next March": not read */
  XINZHI_EXTRACT_YEAR_THIS,        /* "今年1月": the text's year */
  XINZHI_EXTRACT_YEAR_BEFORE,      /* "去年12月": the year before the text's */
} XinzhiExtractYearSaid;

gboolean  xinzhi_extract_find_month (const char           *text,
                                     XinzhiDate           *date,
                                     XinzhiExtractYearSaid *said,
                                     gsize                *start,
                                     gsize                *length);
gboolean  xinzhi_extract_url_acceptable (const char    *url);
gboolean  xinzhi_extract_is_agency_dateline (const char *text);

/* xinzhi-extract-html.c: what a web page says of itself beside its text (its
 * metadata), kept from reading its paragraphs until the text rules have run. */
typedef struct _XinzhiExtractHtmlPage XinzhiExtractHtmlPage;

char     *xinzhi_extract_decode_html (const char        *data,
                                      gsize              length,
                                      char             **encoding,
                                      char             **reason,
                                      GError           **error);
XinzhiExtractHtmlPage *xinzhi_extract_html (XinzhiExtraction  *self,
                                            const char        *text,
                                            gsize              length,
                                            GError           **error);
void      xinzhi_extract_html_metadata (XinzhiExtraction      *self,
                                        XinzhiExtractHtmlPage *page);
void      xinzhi_extract_html_page_free (XinzhiExtractHtmlPage *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiExtractHtmlPage, xinzhi_extract_html_page_free)

/* xinzhi-extract-sentences.c */
typedef struct
{
  gsize start;  /* bytes into the paragraph */
  gsize end;
} XinzhiExtractSpan;

GArray   *xinzhi_extract_sentences  (const char        *text);
gboolean  xinzhi_extract_word_in_list (const char      *word,
                                       gsize            length,
                                       const char     **list,
                                       guint            n);

/* xinzhi-extract-quotes.c */
void      xinzhi_extract_quotes     (XinzhiExtraction  *self);

/* xinzhi-extract-events.c */
void      xinzhi_extract_events     (XinzhiExtraction  *self);

G_END_DECLS

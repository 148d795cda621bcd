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
};

/* xinzhi-extract-text.c */
char     *xinzhi_extract_decode     (const char        *data,
                                     gsize              length,
                                     GError           **error);
void      xinzhi_extract_paragraphs (XinzhiExtraction  *self,
                                     const char        *text,
                                     gboolean           markdown);
void      xinzhi_extract_metadata   (XinzhiExtraction  *self);

/* xinzhi-extract-quotes.c */
void      xinzhi_extract_quotes     (XinzhiExtraction  *self);

G_END_DECLS

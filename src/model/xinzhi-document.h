/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-date.h"

G_BEGIN_DECLS

typedef enum
{
  XINZHI_PARAGRAPH_BODY,
  XINZHI_PARAGRAPH_HEADING,
  XINZHI_PARAGRAPH_DATELINE,
  XINZHI_PARAGRAPH_CAPTION,
  XINZHI_PARAGRAPH_CREDIT,
} XinzhiParagraphKind;

/**
 * XinzhiParagraph:
 * @kind: what the paragraph is
 * @text: its text, verbatim; never markup
 * @date: the date a caption gives, or a date of precision NONE
 */
typedef struct
{
  XinzhiParagraphKind  kind;
  char                *text;
  XinzhiDate           date;
} XinzhiParagraph;

#define XINZHI_TYPE_DOCUMENT (xinzhi_document_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiDocument, xinzhi_document, XINZHI, DOCUMENT, GObject)

const char            *xinzhi_document_get_id             (XinzhiDocument *self);
const char            *xinzhi_document_get_title          (XinzhiDocument *self);
const char            *xinzhi_document_get_title_key      (XinzhiDocument *self);
const char            *xinzhi_document_get_outlet         (XinzhiDocument *self);
const char            *xinzhi_document_get_outlet_label   (XinzhiDocument *self);
const char            *xinzhi_document_get_outlet_note    (XinzhiDocument *self);
const char * const    *xinzhi_document_get_byline         (XinzhiDocument *self);
const XinzhiDate      *xinzhi_document_get_date           (XinzhiDocument *self);
gboolean               xinzhi_document_get_date_estimated (XinzhiDocument *self);
const char            *xinzhi_document_get_date_note      (XinzhiDocument *self);
const char            *xinzhi_document_get_date_label     (XinzhiDocument *self);
char                  *xinzhi_document_dup_date_label     (XinzhiDocument *self);
const char            *xinzhi_document_get_url            (XinzhiDocument *self);
const char            *xinzhi_document_get_language       (XinzhiDocument *self);
guint                  xinzhi_document_get_n_paragraphs   (XinzhiDocument *self);
gboolean               xinzhi_document_has_words          (XinzhiDocument *self,
                                                           const char     *words);
const XinzhiParagraph *xinzhi_document_get_paragraph      (XinzhiDocument *self,
                                                           guint           index);
GListModel            *xinzhi_document_get_mentions       (XinzhiDocument *self);
GListModel            *xinzhi_document_get_quotes         (XinzhiDocument *self);
GListModel            *xinzhi_document_get_sectors        (XinzhiDocument *self);
GListModel            *xinzhi_document_get_people         (XinzhiDocument *self);
GListModel            *xinzhi_document_get_events         (XinzhiDocument *self);

int                    xinzhi_document_compare            (XinzhiDocument *a,
                                                           XinzhiDocument *b);

G_END_DECLS

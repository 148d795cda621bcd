/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-concept.h"
#include "xinzhi-document.h"
#include "xinzhi-person.h"
#include "xinzhi-sector.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_MENTION (xinzhi_mention_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiMention, xinzhi_mention, XINZHI, MENTION, GObject)

XinzhiMention  *xinzhi_mention_new           (XinzhiDocument *document,
                                              guint           paragraph,
                                              guint           start,
                                              guint           end,
                                              XinzhiSector   *sector,
                                              XinzhiPerson   *person,
                                              XinzhiConcept  *concept);
XinzhiDocument *xinzhi_mention_get_document  (XinzhiMention  *self);
guint           xinzhi_mention_get_paragraph (XinzhiMention  *self);
guint           xinzhi_mention_get_start     (XinzhiMention  *self);
guint           xinzhi_mention_get_end       (XinzhiMention  *self);
XinzhiSector   *xinzhi_mention_get_sector    (XinzhiMention  *self);
XinzhiPerson   *xinzhi_mention_get_person    (XinzhiMention  *self);
XinzhiConcept  *xinzhi_mention_get_concept   (XinzhiMention  *self);
char           *xinzhi_mention_dup_text      (XinzhiMention  *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XINZHI_TYPE_CONCEPT (xinzhi_concept_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiConcept, xinzhi_concept, XINZHI, CONCEPT, GObject)

const char         *xinzhi_concept_get_id                 (XinzhiConcept *self);
const char         *xinzhi_concept_get_name               (XinzhiConcept *self);
const char         *xinzhi_concept_get_name_zh            (XinzhiConcept *self);
const char         *xinzhi_concept_get_display_name       (XinzhiConcept *self);
const char         *xinzhi_concept_get_other_name         (XinzhiConcept *self);
const char         *xinzhi_concept_get_note               (XinzhiConcept *self);
const char * const *xinzhi_concept_get_variants           (XinzhiConcept *self);
GListModel         *xinzhi_concept_get_mentions           (XinzhiConcept *self);
guint               xinzhi_concept_get_n_mentions         (XinzhiConcept *self);
guint               xinzhi_concept_get_mention_variant    (XinzhiConcept *self,
                                                           guint          index);
GListModel         *xinzhi_concept_get_variant_mentions   (XinzhiConcept *self,
                                                           guint          variant);
guint               xinzhi_concept_get_n_documents        (XinzhiConcept *self);

G_END_DECLS

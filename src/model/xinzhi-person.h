/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _XinzhiDocument XinzhiDocument;

#define XINZHI_TYPE_PERSON (xinzhi_person_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiPerson, xinzhi_person, XINZHI, PERSON, GObject)

const char         *xinzhi_person_get_id            (XinzhiPerson   *self);
const char         *xinzhi_person_get_name          (XinzhiPerson   *self);
const char         *xinzhi_person_get_name_zh       (XinzhiPerson   *self);
const char         *xinzhi_person_get_display_name  (XinzhiPerson   *self);
const char         *xinzhi_person_get_other_name    (XinzhiPerson   *self);
const char * const *xinzhi_person_get_variants      (XinzhiPerson   *self);
guint               xinzhi_person_get_n_roles       (XinzhiPerson   *self);
const char         *xinzhi_person_get_role          (XinzhiPerson   *self,
                                                     guint           index,
                                                     XinzhiDocument **document);
char               *xinzhi_person_dup_role_in       (XinzhiPerson   *self,
                                                     XinzhiDocument *document);
gboolean            xinzhi_person_matches_name      (XinzhiPerson   *self,
                                                     const char     *name);
GListModel         *xinzhi_person_get_quotes        (XinzhiPerson   *self);
GListModel         *xinzhi_person_get_mentions      (XinzhiPerson   *self);
guint               xinzhi_person_get_n_mentions    (XinzhiPerson   *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-document.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_ROLE_ROW (xinzhi_role_row_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiRoleRow, xinzhi_role_row, XINZHI, ROLE_ROW, AdwActionRow)

GtkWidget      *xinzhi_role_row_new          (const char     *role,
                                              XinzhiDocument *document);
XinzhiDocument *xinzhi_role_row_get_document (XinzhiRoleRow  *self);
void            xinzhi_role_row_set_removable (XinzhiRoleRow *self,
                                               const char    *person,
                                               guint          position);

G_END_DECLS

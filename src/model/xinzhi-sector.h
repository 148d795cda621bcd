/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-date.h"
#include "xinzhi-document.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_SECTOR (xinzhi_sector_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSector, xinzhi_sector, XINZHI, SECTOR, GObject)

const char         *xinzhi_sector_get_id             (XinzhiSector *self);
const char         *xinzhi_sector_get_name           (XinzhiSector *self);
const char         *xinzhi_sector_get_name_zh        (XinzhiSector *self);
const char         *xinzhi_sector_get_group_id       (XinzhiSector *self);
const char         *xinzhi_sector_get_group_name     (XinzhiSector *self);
const char         *xinzhi_sector_get_group_name_zh  (XinzhiSector *self);
const char         *xinzhi_sector_get_display_name   (XinzhiSector *self);
const char         *xinzhi_sector_get_other_name     (XinzhiSector *self);
const char         *xinzhi_sector_get_group_display_name (XinzhiSector *self);
const char         *xinzhi_sector_get_group_other_name   (XinzhiSector *self);
guint               xinzhi_sector_get_group_position (XinzhiSector *self);
const char * const *xinzhi_sector_get_terms          (XinzhiSector *self);
GListModel         *xinzhi_sector_get_mentions       (XinzhiSector *self);
guint               xinzhi_sector_get_n_mentions     (XinzhiSector *self);
XinzhiDocument     *xinzhi_sector_get_mention_document (XinzhiSector *self,
                                                       guint         index);
guint               xinzhi_sector_get_n_documents    (XinzhiSector *self);
const XinzhiEarliest *xinzhi_sector_get_first_mention (XinzhiSector *self);

G_END_DECLS

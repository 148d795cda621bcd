/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XINZHI_TYPE_ITEM_ARRAY (xinzhi_item_array_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiItemArray, xinzhi_item_array, XINZHI, ITEM_ARRAY, GObject)

XinzhiItemArray *xinzhi_item_array_new (GType      item_type,
                                        GPtrArray *items);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    xinzhi_names_chinese_first (void);
const char *xinzhi_names_pick          (const char  *name,
                                        const char  *name_zh,
                                        const char **other);

G_END_DECLS

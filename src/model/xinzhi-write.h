/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *xinzhi_write_resolve (GFile       *target,
                                const char  *name,
                                gboolean    *exists,
                                int         *mode,
                                GError     **error);
gboolean  xinzhi_write_file    (const char  *path,
                                const char  *name,
                                const char  *text,
                                gsize        length,
                                int          mode,
                                GError     **error);

G_END_DECLS

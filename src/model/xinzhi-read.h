/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *xinzhi_read_file (GFile         *file,
                          gsize          limit,
                          GCancellable  *cancellable,
                          GError       **error);

G_END_DECLS

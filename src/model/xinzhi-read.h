/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * XinzhiReadProgressFunc:
 * @done: how many bytes have been read
 * @total: how many the file held when it was opened (the file may change meanwhile)
 * @user_data: the data given with the function
 *
 * Told how far the reading of a file has come, in the thread that reads it.
 */
typedef void (*XinzhiReadProgressFunc) (gsize    done,
                                        gsize    total,
                                        gpointer user_data);

GBytes *xinzhi_read_file               (GFile                   *file,
                                        gsize                    limit,
                                        GCancellable            *cancellable,
                                        GError                 **error);
GBytes *xinzhi_read_file_with_progress (GFile                   *file,
                                        gsize                    limit,
                                        GCancellable            *cancellable,
                                        XinzhiReadProgressFunc   progress,
                                        gpointer                 user_data,
                                        GError                 **error);

G_END_DECLS

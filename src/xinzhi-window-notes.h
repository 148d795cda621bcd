/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xinzhi-window.h"

G_BEGIN_DECLS

/* The window's notes actions, win.export-notes and win.import-notes, and its
 * close-request handler; the window installs them. */
void     xinzhi_window_export_notes_action (GtkWidget    *widget,
                                            const char   *action_name,
                                            GVariant     *parameter);
void     xinzhi_window_import_notes_action (GtkWidget    *widget,
                                            const char   *action_name,
                                            GVariant     *parameter);

gboolean xinzhi_window_export_notes        (XinzhiWindow *self,
                                            GFile        *file,
                                            GError      **error);
void     xinzhi_window_import_notes        (XinzhiWindow *self,
                                            GFile        *file);
gboolean xinzhi_window_notes_close_request (XinzhiWindow *self);
void     xinzhi_window_export_notes_and_close (XinzhiWindow *self,
                                               GFile        *file);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xinzhi-window.h"

G_BEGIN_DECLS

/* win.export-data, with the kind to export as its target; the window installs it. */
void     xinzhi_window_export_data_action (GtkWidget    *widget,
                                           const char   *action_name,
                                           GVariant     *parameter);

gboolean xinzhi_window_export_data        (XinzhiWindow *self,
                                           const char   *kind,
                                           GFile        *file,
                                           GError      **error);

G_END_DECLS

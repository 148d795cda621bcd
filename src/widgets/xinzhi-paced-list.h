/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XINZHI_TYPE_PACED_LIST (xinzhi_paced_list_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiPacedList, xinzhi_paced_list, XINZHI, PACED_LIST, GObject)

XinzhiPacedList *xinzhi_paced_list_new        (GListModel      *model,
                                               GtkWidget       *widget);
XinzhiPacedList *xinzhi_paced_list_insert     (GtkListView     *list_view);
gboolean         xinzhi_paced_list_is_pacing  (XinzhiPacedList *self);
void             xinzhi_paced_list_finish     (XinzhiPacedList *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *xinzhi_list_header_new          (const char *css_class,
                                            gboolean    wrap_subtitle);
GtkLabel  *xinzhi_list_header_get_title    (GtkWidget  *header);
GtkLabel  *xinzhi_list_header_get_subtitle (GtkWidget  *header);

G_END_DECLS

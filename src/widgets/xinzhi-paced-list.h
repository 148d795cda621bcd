/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Past this many items, a GtkListView at its top makes no more rows: it makes them for
 * up to 200 items around its anchor, and a few around its trackers
 * (GTK_LIST_VIEW_MAX_LIST_ITEMS in gtklistview.c). */
#define XINZHI_PACED_LIST_VIEW_ROWS 240

/* Items let in a frame, for a list that fills a pane: at about 1.5 ms a quote row
 * (made, bound, measured), some 25 ms.  About a screenful of rows. */
#define XINZHI_PACED_LIST_STEP 16

#define XINZHI_TYPE_PACED_LIST (xinzhi_paced_list_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiPacedList, xinzhi_paced_list, XINZHI, PACED_LIST, GObject)

XinzhiPacedList *xinzhi_paced_list_new        (GListModel      *model,
                                               GtkWidget       *widget,
                                               guint            ceiling,
                                               guint            step);
XinzhiPacedList *xinzhi_paced_list_insert     (GtkListView     *list_view);
void             xinzhi_paced_list_set_replacing (XinzhiPacedList *self,
                                                  gboolean         replacing);
gboolean         xinzhi_paced_list_is_pacing  (XinzhiPacedList *self);
void             xinzhi_paced_list_finish     (XinzhiPacedList *self);
guint            xinzhi_paced_list_get_n_pacing (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * XinzhiSpanPartitionFunc:
 * @item: an item of the model
 * @user_data: the data given with the function
 *
 * Returns: whether @item goes into the second section
 */
typedef gboolean (*XinzhiSpanPartitionFunc) (gpointer item,
                                             gpointer user_data);

#define XINZHI_TYPE_SPAN_PARTITION (xinzhi_span_partition_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSpanPartition, xinzhi_span_partition, XINZHI, SPAN_PARTITION, GObject)

XinzhiSpanPartition *xinzhi_span_partition_new      (GListModel              *model);
void                 xinzhi_span_partition_set_func (XinzhiSpanPartition     *self,
                                                     XinzhiSpanPartitionFunc  func,
                                                     gpointer                 user_data);
void                 xinzhi_span_partition_forget_func (XinzhiSpanPartition  *self);
void                 xinzhi_span_partition_update   (XinzhiSpanPartition     *self);
guint                xinzhi_span_partition_get_n_second (XinzhiSpanPartition *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * XinzhiChecksum:
 *
 * The state of a checksum being made (xinzhi_checksum_init()); on the stack, no
 * allocation.
 */
typedef struct
{
  /*< private >*/
  guint64 lanes[2];
  guint64 length;
  guint8  pending[16];
  guint   n_pending;
} XinzhiChecksum;

void  xinzhi_checksum_init   (XinzhiChecksum *self);
void  xinzhi_checksum_update (XinzhiChecksum *self,
                              const void     *data,
                              gsize           length);
char *xinzhi_checksum_finish (XinzhiChecksum *self);

G_END_DECLS

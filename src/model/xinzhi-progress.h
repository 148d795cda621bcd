/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xinzhi-corpus.h"

G_BEGIN_DECLS

typedef struct _XinzhiProgressRelay XinzhiProgressRelay;

XinzhiProgressRelay *xinzhi_progress_relay_new    (int                       priority,
                                                   const char               *name,
                                                   XinzhiCorpusProgressFunc  progress,
                                                   gpointer                  progress_data,
                                                   GDestroyNotify            progress_notify);
void                 xinzhi_progress_relay_report (double                    fraction,
                                                   gpointer                  relay);
void                 xinzhi_progress_relay_finish (XinzhiProgressRelay      *self,
                                                   GAsyncReadyCallback       callback,
                                                   GAsyncResult             *result,
                                                   gpointer                  user_data);
void                 xinzhi_progress_relay_stop   (XinzhiProgressRelay      *self);
void                 xinzhi_progress_relay_end    (XinzhiProgressRelay      *self);
void                 xinzhi_progress_relay_unref  (XinzhiProgressRelay      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiProgressRelay, xinzhi_progress_relay_unref)

G_END_DECLS

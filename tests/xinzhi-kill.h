/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The child's loop of a kill test: it writes versions 1, 2, 3 … of a file until it is
 * killed, saying on @out "ready N" once it knows version N is on disk, "saving N"
 * before each write, which it starts only when xinzhi_kill_wait_for_go() on @in
 * returns, and "saved N" once the write has returned.  It never returns. */
typedef void (*XinzhiKillLoop) (int      in,
                                int      out,
                                gpointer data);

void  xinzhi_kill_say            (int             out,
                                  const char     *word,
                                  guint           version);
void  xinzhi_kill_wait_for_go    (int             in);
void  xinzhi_kill_write_in_place (const char     *path,
                                  const char     *text);
guint xinzhi_kill_run            (XinzhiKillLoop  loop,
                                  gpointer        data,
                                  double          fraction);

G_END_DECLS

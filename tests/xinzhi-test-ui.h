/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>

/* The UI tests need a display.  Where there is none (the Flatpak build's sandbox has
 * none), this prints a TAP plan that skips the whole program and exits successfully,
 * so that the suite reports SKIP rather than FAIL.  Call it first thing in main(). */
static inline void
xinzhi_test_ui_skip_without_display (void)
{
  if (gtk_init_check ())
    return;
  printf ("1..0 # SKIP no display\n");
  fflush (stdout);
  exit (EXIT_SUCCESS);
}

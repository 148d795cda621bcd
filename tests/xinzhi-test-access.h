/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tests of "permission denied" run as root in the build environment, and root reads
 * and enters everything.  These make file permissions count for root too, by giving
 * up the capabilities that override them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH). */
gboolean xinzhi_test_access_begin       (void);
void     xinzhi_test_access_end         (void);
void     xinzhi_test_access_child_setup (gpointer user_data);

G_END_DECLS

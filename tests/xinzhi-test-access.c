/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* For syscall(). */
#define _GNU_SOURCE

#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "xinzhi-test-access.h"

#define OVERRIDES ((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH))

static gboolean
set_overrides (gboolean on)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2];

  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;
  if (on)
    data[0].effective |= OVERRIDES & data[0].permitted;
  else
    data[0].effective &= ~OVERRIDES;
  return syscall (SYS_capset, &header, data) == 0;
}

/**
 * xinzhi_test_access_begin:
 *
 * From now on, in the calling thread, file permissions stop this process as they stop
 * anyone: for root, the capabilities that override them are set aside (capabilities
 * belong to a thread, so the code under test must run in this one).
 *
 * Returns: whether permissions now count; %FALSE when they cannot be made to
 */
gboolean
xinzhi_test_access_begin (void)
{
  if (geteuid () != 0)
    return TRUE;

  return set_overrides (FALSE);
}

/* Takes the capabilities back. */
void
xinzhi_test_access_end (void)
{
  if (geteuid () == 0)
    set_overrides (TRUE);
}

/* For g_subprocess_launcher_set_child_setup(): the program started has no capability
 * that overrides file permissions, even as root (they leave the bounding set). */
void
xinzhi_test_access_child_setup (gpointer user_data)
{
  prctl (PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0);
  prctl (PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0);
}

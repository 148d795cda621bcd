/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* Whether the test is built with AddressSanitizer, under which every allocation costs
 * many times what it does otherwise: bounds in seconds are printed, not asserted. */
#if defined(__SANITIZE_ADDRESS__)
#define XINZHI_TEST_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XINZHI_TEST_UNDER_ASAN 1
#endif
#endif
#ifndef XINZHI_TEST_UNDER_ASAN
#define XINZHI_TEST_UNDER_ASAN 0
#endif

/* Whether the test runs under AddressSanitizer or valgrind, where every instruction
 * costs ten to fifty times as much and memory figures mean nothing.  The valgrind test
 * setup of tests/meson.build says so in XINZHI_TEST_TOOL: valgrind answers
 * /proc/self/exe with the test's own path, so a test cannot tell by itself. */
static inline gboolean
xinzhi_test_under_a_tool (void)
{
  return XINZHI_TEST_UNDER_ASAN || g_strcmp0 (g_getenv ("XINZHI_TEST_TOOL"), "valgrind") == 0;
}

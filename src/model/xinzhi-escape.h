/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * XinzhiEscapeFlags:
 * @XINZHI_ESCAPE_DEFAULT: every control character is escaped, line feeds too
 * @XINZHI_ESCAPE_KEEP_NEWLINES: line feeds stay, for a message of several lines whose
 *   parts were escaped whole when they were made
 */
typedef enum
{
  XINZHI_ESCAPE_DEFAULT       = 0,
  XINZHI_ESCAPE_KEEP_NEWLINES = 1 << 0,
} XinzhiEscapeFlags;

char *xinzhi_escape_controls (const char        *text,
                              XinzhiEscapeFlags  flags);

G_END_DECLS

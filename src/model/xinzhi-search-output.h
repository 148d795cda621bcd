/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xinzhi-search.h"

G_BEGIN_DECLS

typedef enum
{
  XINZHI_SEARCH_OUTPUT_TEXT,
  XINZHI_SEARCH_OUTPUT_JSON,
  XINZHI_SEARCH_OUTPUT_CSV,
} XinzhiSearchOutputFormat;

gboolean xinzhi_search_write (XinzhiSearch              *search,
                              XinzhiSearchOutputFormat   format,
                              GOutputStream             *stream,
                              GError                   **error);

G_END_DECLS

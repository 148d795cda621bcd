/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "xinzhi-quote.h"

G_BEGIN_DECLS

char *xinzhi_citation_format_plain    (XinzhiQuote *quote);
char *xinzhi_citation_format_markdown (XinzhiQuote *quote);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"

G_BEGIN_DECLS

typedef enum
{
  XINZHI_EXPORT_JSON,
  XINZHI_EXPORT_CSV,
} XinzhiExportFormat;

gboolean xinzhi_export (XinzhiCorpus        *corpus,
                        const char          *kind,
                        XinzhiExportFormat   format,
                        GOutputStream       *stream,
                        GError             **error);
gboolean xinzhi_export_filtered (XinzhiCorpus        *corpus,
                                 const char          *kind,
                                 XinzhiExportFormat   format,
                                 XinzhiFilter        *filter,
                                 GOutputStream       *stream,
                                 guint               *n_rows,
                                 GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"

G_BEGIN_DECLS

typedef enum
{
  XINZHI_EXPORT_JSON,
  XINZHI_EXPORT_CSV,
} XinzhiExportFormat;

gboolean xinzhi_export_is_kind   (const char          *kind);
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
                                 guint               *n_possibly,
                                 GError             **error);
void     xinzhi_export_append_csv_field  (GString     *out,
                                          const char  *value);
void     xinzhi_export_append_json_array (GString     *out,
                                          JsonBuilder *builder);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-corpus.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_SECTORS_PAGE (xinzhi_sectors_page_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSectorsPage, xinzhi_sectors_page, XINZHI, SECTORS_PAGE, GtkWidget)

XinzhiCorpus *xinzhi_sectors_page_get_corpus          (XinzhiSectorsPage *self);
XinzhiSector *xinzhi_sectors_page_get_selected_sector (XinzhiSectorsPage *self);
const char   *xinzhi_sectors_page_get_sort_by         (XinzhiSectorsPage *self);
gboolean      xinzhi_sectors_page_get_show_heatmap    (XinzhiSectorsPage *self);
void          xinzhi_sectors_page_set_corpus          (XinzhiSectorsPage *self,
                                                       XinzhiCorpus      *corpus);
void          xinzhi_sectors_page_set_editable        (XinzhiSectorsPage *self,
                                                      gboolean           editable);
void          xinzhi_sectors_page_set_sort_by         (XinzhiSectorsPage *self,
                                                       const char        *sort_by);
void          xinzhi_sectors_page_set_show_heatmap    (XinzhiSectorsPage *self,
                                                       gboolean           show_heatmap);
void          xinzhi_sectors_page_select_sector       (XinzhiSectorsPage *self,
                                                       XinzhiSector      *sector);

G_END_DECLS

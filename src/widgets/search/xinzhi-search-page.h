/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-filter.h"
#include "xinzhi-search.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_SEARCH_PAGE (xinzhi_search_page_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSearchPage, xinzhi_search_page, XINZHI, SEARCH_PAGE, GtkWidget)

XinzhiSearch *xinzhi_search_page_get_search      (XinzhiSearchPage *self);
GListModel   *xinzhi_search_page_get_results     (XinzhiSearchPage *self);
void          xinzhi_search_page_set_search      (XinzhiSearchPage *self,
                                                  XinzhiSearch     *search);
void          xinzhi_search_page_activate_result (XinzhiSearchPage *self,
                                                  guint             position);
gboolean      xinzhi_search_page_focus_results   (XinzhiSearchPage *self);
void          xinzhi_search_page_set_filter      (XinzhiSearchPage *self,
                                                  XinzhiFilter     *filter);

G_END_DECLS

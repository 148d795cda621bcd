/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-person.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_PERSON_PAGE (xinzhi_person_page_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiPersonPage, xinzhi_person_page, XINZHI, PERSON_PAGE, AdwNavigationPage)

AdwNavigationPage *xinzhi_person_page_new                    (XinzhiPerson     *person);
XinzhiPerson      *xinzhi_person_page_get_person             (XinzhiPersonPage *self);
gboolean           xinzhi_person_page_get_show_title_buttons (XinzhiPersonPage *self);
void               xinzhi_person_page_set_show_title_buttons (XinzhiPersonPage *self,
                                                              gboolean          show_title_buttons);
void               xinzhi_person_page_set_editable           (XinzhiPersonPage *self,
                                                              gboolean          editable);
gboolean           xinzhi_person_page_get_reviewed_only      (XinzhiPersonPage *self);
void               xinzhi_person_page_set_reviewed_only      (XinzhiPersonPage *self,
                                                              gboolean          reviewed_only);

G_END_DECLS

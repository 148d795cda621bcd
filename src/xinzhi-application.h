/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-corpus.h"

G_BEGIN_DECLS

#define XINZHI_TYPE_APPLICATION (xinzhi_application_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiApplication, xinzhi_application, XINZHI, APPLICATION, AdwApplication)

XinzhiApplication *xinzhi_application_new        (void);
XinzhiCorpus      *xinzhi_application_get_corpus (XinzhiApplication *self);
GSettings         *xinzhi_application_get_settings (XinzhiApplication *self);

G_END_DECLS

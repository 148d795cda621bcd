/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "xinzhi-date.h"
#include "xinzhi-document.h"

G_BEGIN_DECLS

typedef enum
{
  XINZHI_EVENT_KIND_EVENT,
  XINZHI_EVENT_KIND_PERIOD,
} XinzhiEventKind;

#define XINZHI_TYPE_EVENT (xinzhi_event_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiEvent, xinzhi_event, XINZHI, EVENT, GObject)

const char       *xinzhi_event_get_id             (XinzhiEvent     *self);
const char       *xinzhi_event_get_title          (XinzhiEvent     *self);
const char       *xinzhi_event_get_title_zh       (XinzhiEvent     *self);
const char       *xinzhi_event_get_display_title  (XinzhiEvent     *self);
const char       *xinzhi_event_get_other_title    (XinzhiEvent     *self);
const char       *xinzhi_event_get_summary        (XinzhiEvent     *self);
XinzhiEventKind   xinzhi_event_get_kind           (XinzhiEvent     *self);
const XinzhiDate *xinzhi_event_get_start          (XinzhiEvent     *self);
const XinzhiDate *xinzhi_event_get_end            (XinzhiEvent     *self);
gboolean          xinzhi_event_is_range           (XinzhiEvent     *self);
gboolean          xinzhi_event_get_date_estimated (XinzhiEvent     *self);
const char       *xinzhi_event_get_date_note      (XinzhiEvent     *self);
char             *xinzhi_event_dup_date_label     (XinzhiEvent     *self);
guint             xinzhi_event_get_n_sources      (XinzhiEvent     *self);
XinzhiDocument   *xinzhi_event_get_source         (XinzhiEvent     *self,
                                                   guint            index,
                                                   guint           *paragraph);
GListModel       *xinzhi_event_get_people         (XinzhiEvent     *self);
GListModel       *xinzhi_event_get_quotes         (XinzhiEvent     *self);
GListModel       *xinzhi_event_get_sectors        (XinzhiEvent     *self);
gboolean          xinzhi_event_get_reviewed       (XinzhiEvent     *self);
gboolean          xinzhi_event_get_suggestion     (XinzhiEvent     *self,
                                                   const char     **rule,
                                                   const char     **evidence,
                                                   const char     **note);

int               xinzhi_event_compare            (XinzhiEvent     *a,
                                                   XinzhiEvent     *b);
int               xinzhi_event_compare_func       (gconstpointer    a,
                                                   gconstpointer    b,
                                                   gpointer         user_data);

G_END_DECLS

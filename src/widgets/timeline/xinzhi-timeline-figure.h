/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"
#include "xinzhi-palette.h"
#include "xinzhi-timeline-painter.h"

G_BEGIN_DECLS

/* The width of an exported figure, in pixels (PNG: twice as many) */
#define XINZHI_TIMELINE_FIGURE_WIDTH 1600

typedef enum
{
  XINZHI_TIMELINE_FIGURE_SVG,
  XINZHI_TIMELINE_FIGURE_PNG,
} XinzhiTimelineFigureFormat;

/* The plain texts of a figure: above the timeline and below its legend */
typedef struct
{
  char *title;
  char *subtitle;   /* the span and its counts */
  char *source;     /* lines: the corpus, the outlets cited, the day it was made */
} XinzhiTimelineFigureTexts;

XinzhiTimelineFigureTexts *xinzhi_timeline_figure_texts_new  (XinzhiCorpus                    *corpus,
                                                              GListModel                      *events,
                                                              XinzhiFilter                    *filter,
                                                              guint32                          first,
                                                              guint32                          last);
void                       xinzhi_timeline_figure_texts_free (XinzhiTimelineFigureTexts       *texts);
XinzhiTimelinePainter     *xinzhi_timeline_figure_new_painter (GListModel                   *events);
gboolean                   xinzhi_timeline_figure_get_days   (XinzhiTimelinePainter           *painter,
                                                              guint32                         *first_day,
                                                              guint32                         *last_day);
GskRenderNode             *xinzhi_timeline_figure_render     (XinzhiTimelinePainter           *painter,
                                                              const XinzhiPalette             *style,
                                                              guint32                          first,
                                                              guint32                          last,
                                                              const XinzhiTimelineFigureTexts *texts,
                                                              double                           width,
                                                              double                          *height);
GBytes                    *xinzhi_timeline_figure_write      (XinzhiTimelinePainter           *painter,
                                                              const XinzhiPalette             *style,
                                                              guint32                          first,
                                                              guint32                          last,
                                                              const XinzhiTimelineFigureTexts *texts,
                                                              XinzhiTimelineFigureFormat       format,
                                                              GError                         **error);
GBytes                    *xinzhi_timeline_figure_write_corpus (XinzhiCorpus                  *corpus,
                                                                XinzhiFilter                  *filter,
                                                                XinzhiTimelineFigureFormat     format,
                                                                GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiTimelineFigureTexts, xinzhi_timeline_figure_texts_free)

G_END_DECLS

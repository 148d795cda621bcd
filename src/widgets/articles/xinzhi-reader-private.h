/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What XinzhiReader (xinzhi-reader.c) and its highlighting (xinzhi-reader-highlight.c)
 * share.  Private to the two: nothing else includes it.  Each calls the other's
 * functions, prefixed _xinzhi_reader_; every other helper stays static in its file. */

#include <adwaita.h>

#include "xinzhi-note-editor.h"
#include "xinzhi-reader.h"
#include "xinzhi-search.h"

G_BEGIN_DECLS

/* How long a passage stays marked after xinzhi_reader_show_paragraph() and friends. */
#define FLASH_SECONDS 2
/* Space left above a passage scrolled into view, in pixels. */
#define SCROLL_HEADROOM 48
/* Frames to keep a passage in view while the text view finishes its layout. */
#define SCROLL_FRAMES 4
/* Below this width the headline takes a smaller style. */
#define NARROW_WIDTH 500
/* Frames the text view's height must hold before it is taken as laid out, and the most
 * frames to wait for that. */
#define FIT_STABLE_FRAMES 3
#define FIT_MAX_FRAMES 120

/* A match of the find bar's text, in buffer character offsets. */
typedef struct
{
  int start;
  int end;
} FindMatch;

typedef enum
{
  SPAN_SECTOR,
  SPAN_QUOTE,
  SPAN_CONCEPT,
} SpanKind;

/* A highlighted stretch of the buffer, in character offsets, for tooltips. */
typedef struct
{
  SpanKind  kind;
  int       start;
  int       end;
  GObject  *object; /* XinzhiMention (of a sector or a concept) or XinzhiQuote, owned */
} Span;

struct _XinzhiReader
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkWidget         *clamp;
  GtkLabel          *title_label;
  GtkLabel          *meta_label;
  GtkLabel          *date_note_label;
  GtkLabel          *outlet_note_label;
  GtkWidget         *open_button;
  GtkMenuButton     *correct_button;
  GtkWidget         *facts_box;
  GtkWidget         *sectors_row;
  AdwWrapBox        *sectors_box;
  GtkWidget         *concepts_row;
  AdwWrapBox        *concepts_box;
  GtkWidget         *people_row;
  AdwWrapBox        *people_box;
  GtkWidget         *legend_box;
  GtkWidget         *sector_legend;
  GtkWidget         *concept_legend;
  GtkWidget         *quote_legend;
  GtkWidget         *paraphrase_legend;
  GtkWidget         *unreviewed_legend;
  GtkTextView       *text_view;
  GtkTextBuffer     *buffer;
  GtkSearchBar      *find_bar;
  GtkSearchEntry    *find_entry;
  GtkLabel          *find_count_label;
  XinzhiNoteEditor  *note_editor;

  /* Owned */
  XinzhiDocument    *document;
  gboolean           editable;   /* the corpus shown is one a person owns */
  GArray            *paragraph_starts; /* of int: buffer offset of each paragraph */
  GArray            *spans;            /* of Span */
  GCancellable      *cancellable;
  guint              scroll_tick;
  guint              scroll_frames;
  guint              flash_source;
  gboolean           flash_pending;  /* flashed, its time not started: not yet on screen */
  guint              fit_tick;
  guint              fit_frames;
  guint              fit_stable_frames;
  int                last_width;

  /* Borrowed from the buffer: a mark and the tags */
  GtkTextMark       *scroll_mark;
  GtkTextTag        *paragraph_tags[XINZHI_PARAGRAPH_CREDIT + 1];
  GtkTextTag        *caption_date_tag;
  GtkTextTag        *language_tag;
  GtkTextTag        *sector_tag;
  GtkTextTag        *concept_tag;
  GtkTextTag        *quote_tag;
  GtkTextTag        *paraphrase_tag;
  GtkTextTag        *unreviewed_tag;
  GtkTextTag        *flash_tag;
  GtkTextTag        *flash_paragraph_tag;
  GtkTextTag        *find_tag;
  GtkTextTag        *find_current_tag;
  GArray            *find_matches;    /* of FindMatch, in order */
  guint              find_current;    /* an index into find_matches */
};

void
_xinzhi_reader_update_colors (XinzhiReader *self);

void
_xinzhi_reader_create_tags (XinzhiReader *self);

gboolean
_xinzhi_reader_get_paragraph_range (XinzhiReader *self,
                                    guint         index,
                                    guint         start,
                                    guint         end,
                                    GtkTextIter  *start_iter,
                                    GtkTextIter  *end_iter);

void
_xinzhi_reader_fill_buffer (XinzhiReader *self);

G_END_DECLS

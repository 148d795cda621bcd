/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#include <math.h>
#include <string.h>

#include "xinzhi-date.h"
#include "xinzhi-palette.h"
#include "xinzhi-timeline-figure.h"
#include "xinzhi-timeline-layout.h"

/* The timeline as a figure for a page, not a copy of the screen: the span that filters
 * the views, or else every event the timeline has, fitted to a page's width; as many
 * lanes high as its events take; a title above, a legend and a source line below; on
 * white in the light style whatever the style of the screen, and without the
 * selection, the hover or the focus.  The painter draws it as it draws the screen
 * (xinzhi_timeline_painter_draw()), and the legend's samples with the same shapes.
 * Nothing here needs a widget or a display: the window's export draws with the
 * timeline's painter, xinzhi --export timeline with one of its own over the corpus,
 * and both compose their texts with xinzhi_timeline_figure_texts_new().
 *
 * PNG is drawn at twice the size.  In SVG, Cairo draws text as outlines, so every text
 * of the figure is also there as SVG text, invisible over its outlines: the figure can
 * be searched, copied and read aloud.  The timeline marks its texts for that
 * (_xinzhi_timeline_append_text()) with a debug node that holds the string. */

#define FIGURE_BG ((GdkRGBA) { 1, 1, 1, 1 })  /* the page's white, whatever the screen's style */
#define FIGURE_FONT       "Sans 10"  /* GTK's own default, whatever the desktop's */
#define FIGURE_PADDING    40
#define FIGURE_GAP        20
#define FIGURE_MAX_LANES  16
#define LEGEND_GAP        8    /* between a sample and its label */
#define LEGEND_SPACING    28   /* between two samples */
#define LEGEND_RANGE      56   /* the width of the sample of several days */
#define LEGEND_MAX        160  /* the widest a sample of a month or a year gets */

/* ------------------------------------------------------------------------------------ */
/* Text                                                                                 */
/* ------------------------------------------------------------------------------------ */

static PangoLayout *
new_layout (XinzhiTimelinePainter *self,
            const char            *text,
            double                 scale,
            PangoWeight            weight)
{
  PangoLayout *layout = xinzhi_timeline_painter_new_layout (self, text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

/* @text wrapped to @width at (@x, @y), a line at a time so that each line is a text
 * of the SVG.  Returns its height. */
static double
append_paragraph (XinzhiTimelinePainter *self,
                  GtkSnapshot           *snapshot,
                  const char            *text,
                  double                 scale,
                  PangoWeight            weight,
                  double                 x,
                  double                 y,
                  double                 width,
                  const GdkRGBA         *color)
{
  g_autoptr(PangoLayout) layout = new_layout (self, text, scale, weight);
  PangoLayoutIter *iter;
  int height;

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *part = g_strndup (text + line->start_index, line->length);
      g_autoptr(PangoLayout) line_layout = new_layout (self, g_strchomp (part), scale, weight);
      PangoRectangle extents;

      pango_layout_iter_get_line_extents (iter, NULL, &extents);
      xinzhi_timeline_painter_append_text (snapshot, line_layout, x, y + (double) extents.y / PANGO_SCALE, color);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* ------------------------------------------------------------------------------------ */
/* The legend                                                                           */
/* ------------------------------------------------------------------------------------ */

/* A sample of @days at the figure's @scale, as the timeline draws a span of them: a
 * bar, or the mark of a span too short to draw to scale. */
static XinzhiTimelineShape
sample_shape (XinzhiTimelinePainter *self,
              double                 days,
              double                 scale,
              double                *width)
{
  const XinzhiTimelineMetrics *metrics = xinzhi_timeline_layout_get_metrics (self->layout);

  *width = days * scale;
  if (*width < metrics->min_bar_width)
    {
      *width = metrics->marker_size;
      return XINZHI_TIMELINE_SHAPE_MARK;
    }
  *width = MIN (*width, LEGEND_MAX);
  return XINZHI_TIMELINE_SHAPE_BAR;
}

/* The samples in rows from (@x, @y) across @width; returns the height they take. */
static double
append_legend (XinzhiTimelinePainter    *self,
               GtkSnapshot              *snapshot,
               const XinzhiPalette      *style,
               const XinzhiTimelineView *view,
               double                    x,
               double                    y,
               double                    width)
{
  const XinzhiTimelineMetrics *metrics = xinzhi_timeline_layout_get_metrics (self->layout);
  double scale = xinzhi_timeline_view_get_scale (view);
  GdkRGBA fg = style->fg;
  struct {
    XinzhiTimelineShape      shape;
    XinzhiTimelineEntryFlags flags;
    double                   width;  /* for a month and a year: days */
    const char              *label;
  } samples[] = {
    /* Translators: in the legend of an exported timeline, the diamond of an event on one day */
    { XINZHI_TIMELINE_SHAPE_PIN, 0, metrics->marker_size, C_("timeline legend", "A day") },
    /* Translators: in the legend of an exported timeline, a bar over days */
    { XINZHI_TIMELINE_SHAPE_BAR, XINZHI_TIMELINE_ENTRY_RANGE, LEGEND_RANGE, C_("timeline legend", "Several days") },
    /* Translators: in the legend of an exported timeline, a date the sources give to the month */
    { 0, XINZHI_TIMELINE_ENTRY_RANGE | XINZHI_TIMELINE_ENTRY_FUZZY, 30.44, C_("timeline legend", "A month, not the day") },
    /* Translators: in the legend of an exported timeline, a date the sources give to the year */
    { 0, XINZHI_TIMELINE_ENTRY_RANGE | XINZHI_TIMELINE_ENTRY_FUZZY, 365.25, C_("timeline legend", "A year only") },
    /* Translators: in the legend of an exported timeline, the dot of a span of days
     * too short to draw at the figure's scale */
    { XINZHI_TIMELINE_SHAPE_MARK, XINZHI_TIMELINE_ENTRY_RANGE, metrics->marker_size, C_("timeline legend", "Too short to draw to scale") },
  };
  double left = x, row = 0;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(PangoLayout) label = new_layout (self, samples[i].label, 1.0, PANGO_WEIGHT_NORMAL);
      XinzhiTimelineShape shape = samples[i].shape;
      double sample_width = samples[i].width;
      double middle = y + row + LANE_HEIGHT / 2.0;
      double total;
      int label_height;

      /* A month and a year as long as they are in the figure. */
      if (samples[i].flags & XINZHI_TIMELINE_ENTRY_FUZZY)
        shape = sample_shape (self, samples[i].width, scale, &sample_width);

      total = sample_width + LEGEND_GAP + xinzhi_timeline_painter_text_width (label);
      if (x > left && x + total > left + width)
        {
          x = left;
          row += LANE_HEIGHT;
          middle += LANE_HEIGHT;
        }

      xinzhi_timeline_painter_draw_sample (self, snapshot, style, shape, samples[i].flags, x, x + sample_width, middle);
      pango_layout_get_pixel_size (label, NULL, &label_height);
      xinzhi_timeline_painter_append_text (snapshot, label, x + sample_width + LEGEND_GAP,
                                           middle - label_height / 2.0, &fg);
      x += total + LEGEND_SPACING;
    }

  return row + LANE_HEIGHT;
}

/* ------------------------------------------------------------------------------------ */
/* SVG text                                                                             */
/* ------------------------------------------------------------------------------------ */

static const char *
format_number (char   *buffer,
               double  value)
{
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", value);
}

/* The first glyphs under @node, and where they are. */
static GskRenderNode *
find_glyphs (GskRenderNode *node,
             double        *dx,
             double        *dy)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      return node;

    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          GskRenderNode *found = find_glyphs (gsk_container_node_get_child (node, i), dx, dy);

          if (found != NULL)
            return found;
        }
      return NULL;

    case GSK_TRANSFORM_NODE:
      {
        GskTransform *transform = gsk_transform_node_get_transform (node);
        float tx = 0, ty = 0;

        if (gsk_transform_get_category (transform) < GSK_TRANSFORM_CATEGORY_2D_TRANSLATE)
          return NULL;
        gsk_transform_to_translate (transform, &tx, &ty);
        *dx += tx;
        *dy += ty;
        return find_glyphs (gsk_transform_node_get_child (node), dx, dy);
      }

    default:
      return NULL;
    }
}

/* The texts marked under @node, as SVG text elements at their glyphs, into @svg. */
static void
collect_texts (GskRenderNode *node,
               double         dx,
               double         dy,
               GString       *svg)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_texts (gsk_container_node_get_child (node, i), dx, dy, svg);
      break;

    case GSK_TRANSFORM_NODE:
      {
        GskTransform *transform = gsk_transform_node_get_transform (node);
        float tx = 0, ty = 0;

        /* Only the diamonds rotate, and they hold no text. */
        if (gsk_transform_get_category (transform) >= GSK_TRANSFORM_CATEGORY_2D_TRANSLATE)
          {
            gsk_transform_to_translate (transform, &tx, &ty);
            collect_texts (gsk_transform_node_get_child (node), dx + tx, dy + ty, svg);
          }
      }
      break;

    case GSK_CLIP_NODE:
      collect_texts (gsk_clip_node_get_child (node), dx, dy, svg);
      break;

    case GSK_ROUNDED_CLIP_NODE:
      collect_texts (gsk_rounded_clip_node_get_child (node), dx, dy, svg);
      break;

    case GSK_DEBUG_NODE:
      {
        double x = dx, y = dy;
        GskRenderNode *glyphs = find_glyphs (gsk_debug_node_get_child (node), &x, &y);
        g_autoptr(PangoFontDescription) font = NULL;
        g_autofree char *text = NULL;
        g_autofree char *family = NULL;
        char numbers[4][G_ASCII_DTOSTR_BUF_SIZE];
        graphene_rect_t bounds;

        if (glyphs == NULL)
          break;

        font = pango_font_describe_with_absolute_size (gsk_text_node_get_font (glyphs));
        gsk_render_node_get_bounds (node, &bounds);
        text = g_markup_escape_text (gsk_debug_node_get_message (node), -1);
        family = g_markup_escape_text (pango_font_description_get_family (font) ?: "sans-serif", -1);
        g_string_append_printf (svg,
                                "<text x=\"%s\" y=\"%s\" font-family=\"%s\" font-size=\"%s\" "
                                "font-weight=\"%d\" textLength=\"%s\" lengthAdjust=\"spacingAndGlyphs\">%s</text>\n",
                                format_number (numbers[0], x + gsk_text_node_get_offset (glyphs)->x),
                                format_number (numbers[1], y + gsk_text_node_get_offset (glyphs)->y),
                                family,
                                format_number (numbers[2], (double) pango_font_description_get_size (font) / PANGO_SCALE),
                                (int) pango_font_description_get_weight (font),
                                format_number (numbers[3], bounds.size.width),
                                text);
      }
      break;

    default:
      break;
    }
}

/* Cairo's SVG of @node, with its texts as text and @title as its title. */
static GBytes *
add_texts (GByteArray    *svg,
           GskRenderNode *node,
           const char    *title)
{
  g_autoptr(GString) result = g_string_new_len ((const char *) svg->data, svg->len);
  g_autoptr(GString) texts = g_string_new ("<g fill=\"#000000\" fill-opacity=\"0\">\n");
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  const char *svg_start = strstr (result->str, "<svg");
  const char *svg_end = g_strrstr (result->str, "</svg>");
  const char *after_start = svg_start ? strchr (svg_start, '>') : NULL;
  gsize end, start;

  collect_texts (node, 0, 0, texts);
  g_string_append (texts, "</g>\n");

  if (after_start == NULL || svg_end == NULL)
    return g_string_free_to_bytes (g_steal_pointer (&result));

  end = svg_end - result->str;
  start = after_start + 1 - result->str;
  g_string_insert (result, end, texts->str);
  g_string_insert (result, start, "\n<title>");
  g_string_insert (result, start + strlen ("\n<title>"), escaped);
  g_string_insert (result, start + strlen ("\n<title>") + strlen (escaped), "</title>");

  return g_string_free_to_bytes (g_steal_pointer (&result));
}

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}


/* ------------------------------------------------------------------------------------ */
/* The texts                                                                            */
/* ------------------------------------------------------------------------------------ */

/* The outlets of the documents that the events of @events in [@first, @last] cite, in
 * order, as a list for people; how many events those are, and how many of them the
 * span of @filter only possibly holds. */
static char *
dup_outlets (GListModel   *events,
             XinzhiFilter *filter,
             guint32       first,
             guint32       last,
             guint        *n_events,
             guint        *n_possibly)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) outlets = g_ptr_array_new ();
  gboolean has_span = filter != NULL && xinzhi_filter_get_span (filter, NULL, NULL);

  *n_events = 0;
  *n_possibly = 0;
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, i);
      const XinzhiDate *start = xinzhi_event_get_start (event);
      const XinzhiDate *end = xinzhi_event_get_end (event);

      if (start->precision == XINZHI_DATE_PRECISION_NONE || end->precision == XINZHI_DATE_PRECISION_NONE ||
          xinzhi_date_first_day (start) > last || xinzhi_date_last_day (end) < first)
        continue;

      (*n_events)++;
      if (has_span && !xinzhi_filter_matches_event (filter, event))
        (*n_possibly)++;
      for (guint k = 0; k < xinzhi_event_get_n_sources (event); k++)
        {
          XinzhiDocument *document = xinzhi_event_get_source (event, k, NULL);
          const char *outlet = document ? xinzhi_document_get_outlet (document) : NULL;

          if (outlet != NULL && *outlet != '\0' && g_hash_table_add (seen, (gpointer) outlet))
            g_ptr_array_add (outlets, (gpointer) outlet);
        }
    }

  g_ptr_array_sort_values (outlets, (GCompareFunc) g_utf8_collate);
  g_ptr_array_add (outlets, NULL);
  /* Translators: between the outlets in the source line of an exported timeline */
  return g_strjoinv (C_("list separator", ", "), (char **) outlets->pdata);
}

/* ------------------------------------------------------------------------------------ */
/* Public API                                                                           */
/* ------------------------------------------------------------------------------------ */

/**
 * xinzhi_timeline_figure_texts_new:
 * @corpus: the corpus the events come from
 * @events: the events the figure draws, a GListModel of XinzhiEvent
 * @filter: (nullable): the filter whose span chose them, for what it only possibly holds
 * @first: the first day the figure shows
 * @last: its last day
 *
 * The texts of a figure, the same for the window and the command line: the corpus's
 * title; the span and how many events it shows, and how many of them it only possibly
 * holds; the corpus, the outlets the events cite and the day it is made.
 *
 * Returns: (transfer full): the texts
 */
XinzhiTimelineFigureTexts *
xinzhi_timeline_figure_texts_new (XinzhiCorpus *corpus,
                                  GListModel   *events,
                                  XinzhiFilter *filter,
                                  guint32       first,
                                  guint32       last)
{
  XinzhiTimelineFigureTexts *texts;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GString) source = g_string_new (NULL);
  g_autofree char *span = NULL;
  g_autofree char *outlets = NULL;
  g_autofree char *today = NULL;
  const char *title;
  XinzhiDate made;
  guint n_events, n_possibly;

  g_return_val_if_fail (XINZHI_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (events), NULL);
  g_return_val_if_fail (filter == NULL || XINZHI_IS_FILTER (filter), NULL);

  texts = g_new0 (XinzhiTimelineFigureTexts, 1);
  title = xinzhi_corpus_get_title (corpus);
  if (title == NULL || *title == '\0')
    title = xinzhi_corpus_get_name (corpus);
  texts->title = g_strdup (title);

  span = xinzhi_date_format_span (first, last);
  outlets = dup_outlets (events, filter, first, last, &n_events, &n_possibly);
  /* Translators: under the title of an exported timeline: its span of dates, and how
   * many events it shows */
  texts->subtitle = g_strdup_printf (ngettext ("%s · %u event", "%s · %u events", n_events), span, n_events);
  if (n_possibly > 0)
    {
      g_autofree char *possibly = g_strdup_printf (ngettext (", %u of them possibly in the span",
                                                             ", %u of them possibly in the span",
                                                             n_possibly),
                                                   n_possibly);
      char *joined = g_strconcat (texts->subtitle, possibly, NULL);

      g_free (texts->subtitle);
      texts->subtitle = joined;
    }

  /* Translators: in the source line of an exported timeline; %s is the corpus's name */
  g_string_append_printf (source, _("Corpus: %s"), xinzhi_corpus_get_name (corpus));
  if (*outlets != '\0')
    {
      g_string_append_c (source, '\n');
      /* Translators: in the source line of an exported timeline; %s lists the outlets
       * of the documents its events cite */
      g_string_append_printf (source, _("Outlets cited: %s"), outlets);
    }
  made = (XinzhiDate) {
    .year = g_date_time_get_year (now),
    .month = g_date_time_get_month (now),
    .day = g_date_time_get_day_of_month (now),
    .precision = XINZHI_DATE_PRECISION_DAY,
  };
  today = xinzhi_date_format (&made);
  g_string_append_c (source, '\n');
  /* Translators: in the source line of an exported timeline; %s is today's date */
  g_string_append_printf (source, _("Made with Xinzhi on %s"), today);
  texts->source = g_string_free (g_steal_pointer (&source), FALSE);

  return texts;
}

void
xinzhi_timeline_figure_texts_free (XinzhiTimelineFigureTexts *texts)
{
  if (texts == NULL)
    return;

  g_free (texts->title);
  g_free (texts->subtitle);
  g_free (texts->source);
  g_free (texts);
}

/**
 * xinzhi_timeline_figure_new_painter:
 * @events: the events to draw, a GListModel of XinzhiEvent
 *
 * A painter for a figure of @events.  Its text is laid out in a context of its own,
 * from pango_cairo_font_map_get_default(), in one font whatever the desktop's: a
 * figure is the same from the window and from the command line, where there is no
 * display and no widget.
 *
 * Returns: (transfer full): the painter
 */
XinzhiTimelinePainter *
xinzhi_timeline_figure_new_painter (GListModel *events)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FIGURE_FONT);
  XinzhiTimelinePainter *painter;
  PangoContext *context;

  g_return_val_if_fail (G_IS_LIST_MODEL (events), NULL);

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_context_set_font_description (context, font);
  painter = xinzhi_timeline_painter_new (context);
  g_object_unref (context);
  xinzhi_timeline_painter_set_events (painter, events);

  return painter;
}

/**
 * xinzhi_timeline_figure_get_days:
 * @painter: the painter of the events
 * @first_day: (out) (optional): the first day of its events
 * @last_day: (out) (optional): the last
 *
 * The days of every event @painter has, what a figure without a span shows.
 *
 * Returns: %FALSE when it has no event
 */
gboolean
xinzhi_timeline_figure_get_days (XinzhiTimelinePainter *painter,
                                 guint32               *first_day,
                                 guint32               *last_day)
{
  double start, end;

  g_return_val_if_fail (painter != NULL, FALSE);

  if (!xinzhi_timeline_layout_get_bounds (painter->layout, &start, &end))
    return FALSE;

  if (first_day != NULL)
    *first_day = (guint32) floor (start);
  if (last_day != NULL)
    *last_day = (guint32) MAX (ceil (end) - 1, floor (start));
  return TRUE;
}

/**
 * xinzhi_timeline_figure_render:
 * @painter: the painter of the events
 * @style: the figure's colours (xinzhi_palette_init_for_page())
 * @first: the first day it shows
 * @last: its last day
 * @texts: its title, subtitle and source lines
 * @width: the width of the figure, in pixels
 * @height: (out): the height it takes
 *
 * Draws the figure of the days from @first to @last.
 *
 * Returns: (transfer full): the figure
 */
GskRenderNode *
xinzhi_timeline_figure_render (XinzhiTimelinePainter           *painter,
                               const XinzhiPalette             *style,
                               guint32                          first,
                               guint32                          last,
                               const XinzhiTimelineFigureTexts *texts,
                               double                           width,
                               double                          *height)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GskRenderNode) content = NULL;
  GtkSnapshot *snapshot;
  XinzhiTimelineFrame frame = {
    .selected = G_MAXUINT,
    .hover = G_MAXUINT,
    .figure = TRUE,
  };
  GdkRGBA fg, dim, background = FIGURE_BG;
  double inner = width - 2 * FIGURE_PADDING;
  double y = FIGURE_PADDING;
  guint shown_lanes, n_lanes = 1;
  gboolean unreviewed = FALSE;

  g_return_val_if_fail (painter != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (texts != NULL, NULL);
  g_return_val_if_fail (width > 2 * FIGURE_PADDING, NULL);
  g_return_val_if_fail (height != NULL, NULL);

  xinzhi_timeline_painter_ensure_fonts (painter);
  frame.style = *style;
  fg = style->fg;
  dim = xinzhi_palette_alpha (&fg, 0.7f);

  /* The lanes the events of the span take, with room for more than on screen. */
  frame.view = xinzhi_timeline_painter_fitted_view (painter, &frame.view, first, (double) last + 1, inner);
  shown_lanes = xinzhi_timeline_layout_get_max_lanes (painter->layout);
  xinzhi_timeline_layout_set_max_lanes (painter->layout, FIGURE_MAX_LANES);
  xinzhi_timeline_layout_query_items (painter->layout, &frame.view, items);
  for (guint i = 0; i < items->len; i++)
    {
      const XinzhiTimelineItem *item = g_ptr_array_index (items, i);
      const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (painter->layout, item->entry);

      n_lanes = MAX (n_lanes, item->lane + 1);
      unreviewed |= !xinzhi_event_get_reviewed (g_ptr_array_index (painter->events, entry->id));
    }
  frame.height = PADDING_TOP + xinzhi_timeline_painter_header_height (painter) + n_lanes * LANE_HEIGHT +
                 LANES_GAP + xinzhi_timeline_painter_axis_height (painter);

  snapshot = gtk_snapshot_new ();
  g_object_set_data (G_OBJECT (snapshot), XINZHI_FIGURE_TEXT, GINT_TO_POINTER (TRUE));

  y += append_paragraph (painter, snapshot, texts->title, PANGO_SCALE_XX_LARGE, PANGO_WEIGHT_BOLD,
                         FIGURE_PADDING, y, inner, &fg);
  y += 4;
  y += append_paragraph (painter, snapshot, texts->subtitle, PANGO_SCALE_LARGE, PANGO_WEIGHT_NORMAL,
                         FIGURE_PADDING, y, inner, &dim);
  y += FIGURE_GAP;

  /* Bars that go on past the span stop at the ends of its axis. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (FIGURE_PADDING, y));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, inner, frame.height));
  xinzhi_timeline_painter_draw (painter, snapshot, &frame);
  painter->figure_view = frame.view;
  painter->figure_area = GRAPHENE_RECT_INIT (FIGURE_PADDING, y, inner, frame.height);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
  xinzhi_timeline_layout_set_max_lanes (painter->layout, shown_lanes);
  y += frame.height + FIGURE_GAP;

  y += append_legend (painter, snapshot, style, &frame.view, FIGURE_PADDING, y, inner);
  y += append_paragraph (painter, snapshot,
                         _("Faded ends and dashed outlines mark dates the sources give only to the "
                           "month or the year. Estimated dates, which the sources do not state, are "
                           "drawn at the precision of the estimate."),
                         PANGO_SCALE_SMALL, PANGO_WEIGHT_NORMAL, FIGURE_PADDING, y, inner, &dim);
  /* Candidates of the extractor stand in the figure only as such. */
  if (unreviewed)
    y += append_paragraph (painter, snapshot,
                           _("Slanted titles underlined with a wavy line are candidate events that the "
                             "extractor found in the articles and nobody has reviewed yet."),
                           PANGO_SCALE_SMALL, PANGO_WEIGHT_NORMAL, FIGURE_PADDING, y, inner, &dim);
  y += FIGURE_GAP / 2;
  y += append_paragraph (painter, snapshot, texts->source, PANGO_SCALE_SMALL, PANGO_WEIGHT_NORMAL,
                         FIGURE_PADDING, y, inner, &dim);
  y = ceil (y + FIGURE_PADDING);

  content = gtk_snapshot_free_to_node (snapshot);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, y));
  if (content != NULL)
    gtk_snapshot_append_node (snapshot, content);

  *height = y;
  return gtk_snapshot_free_to_node (snapshot);
}

/**
 * xinzhi_timeline_figure_write:
 * @painter: the painter of the events
 * @style: the figure's colours (xinzhi_palette_init_for_page())
 * @first: the first day it shows
 * @last: its last day
 * @texts: its title, subtitle and source lines
 * @format: SVG or PNG
 * @error: why it could not be drawn
 *
 * The figure of xinzhi_timeline_figure_render(), %XINZHI_TIMELINE_FIGURE_WIDTH pixels
 * wide: as SVG with its texts as text, or as PNG at twice that.  Needs no display.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
xinzhi_timeline_figure_write (XinzhiTimelinePainter            *painter,
                              const XinzhiPalette              *style,
                              guint32                           first,
                              guint32                           last,
                              const XinzhiTimelineFigureTexts  *texts,
                              XinzhiTimelineFigureFormat        format,
                              GError                          **error)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double height = 0;
  gboolean svg = format == XINZHI_TIMELINE_FIGURE_SVG;

  g_return_val_if_fail (painter != NULL, NULL);
  g_return_val_if_fail (texts != NULL, NULL);

  /* Render nodes are registered when GTK starts, which a process without a display
   * never has it do: any one of their types registers them all. */
  g_type_ensure (GSK_TYPE_CONTAINER_NODE);

  node = xinzhi_timeline_figure_render (painter, style, first, last, texts, XINZHI_TIMELINE_FIGURE_WIDTH, &height);
  if (svg)
    {
      surface = cairo_svg_surface_create_for_stream (write_to_bytes, data, XINZHI_TIMELINE_FIGURE_WIDTH, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * XINZHI_TIMELINE_FIGURE_WIDTH, 2 * height);
      cairo_surface_set_device_scale (surface, 2, 2);
    }

  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  if (svg)
    cairo_surface_finish (surface);
  else
    cairo_surface_write_to_png_stream (surface, write_to_bytes, data);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s says why Cairo could not draw the figure */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The figure could not be drawn: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  if (svg)
    return add_texts (data, node, texts->title);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * xinzhi_timeline_figure_write_corpus:
 * @corpus: the corpus
 * @filter: (nullable): the span to draw, or %NULL (or a filter without one) for every
 *   event
 * @format: SVG or PNG
 * @error: why there is no figure: %G_IO_ERROR_NOT_FOUND when no event is to be drawn
 *
 * The figure of the window's timeline export (xinzhi_timeline_page_export()) for
 * @corpus, without a window or a display: the events @filter's span holds or possibly
 * holds, over its days (those of the events, for an end it leaves open), with the
 * same texts; in the accent libadwaita has by default.
 *
 * Returns: (transfer full) (nullable): the file's contents
 */
GBytes *
xinzhi_timeline_figure_write_corpus (XinzhiCorpus                *corpus,
                                     XinzhiFilter                *filter,
                                     XinzhiTimelineFigureFormat   format,
                                     GError                     **error)
{
  g_autoptr(GListStore) events = g_list_store_new (XINZHI_TYPE_EVENT);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(XinzhiTimelinePainter) painter = NULL;
  g_autoptr(XinzhiTimelineFigureTexts) texts = NULL;
  g_autoptr(GArray) positions = NULL;
  GListModel *all;
  XinzhiPalette style;
  guint32 first, last, span_first = 0, span_last = G_MAXUINT32;
  gboolean has_span;

  g_return_val_if_fail (XINZHI_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (filter == NULL || XINZHI_IS_FILTER (filter), NULL);

  has_span = filter != NULL && xinzhi_filter_get_span (filter, &span_first, &span_last);

  /* What the timeline page shows under the span, in its order. */
  all = xinzhi_corpus_get_events (corpus);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (all, i);

      if (!has_span || xinzhi_filter_matches_event (filter, event) || xinzhi_filter_matches_possibly (filter, event))
        g_ptr_array_add (kept, event);
    }
  g_ptr_array_sort_values_with_data (kept, xinzhi_event_compare_func, NULL);
  g_list_store_splice (events, 0, 0, kept->pdata, kept->len);

  painter = xinzhi_timeline_figure_new_painter (G_LIST_MODEL (events));
  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  if (xinzhi_timeline_figure_get_days (painter, &first, &last))
    {
      /* The span, as the window draws it; an end left open stops at the events. */
      if (has_span)
        {
          first = span_first > 1 ? span_first : first;
          last = span_last < G_MAXUINT32 ? span_last : last;
        }
      if (first <= last)
        xinzhi_timeline_layout_query_entries (painter->layout, first, (double) last + 1, positions);
    }

  if (positions->len == 0)
    {
      if (has_span && span_first > 1 && span_last < G_MAXUINT32)
        {
          g_autofree char *span = xinzhi_filter_dup_span_label (filter);

          /* Translators: xinzhi --export timeline with --from and --to; %s is the span */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There are no events in %s to draw"), span);
        }
      else if (has_span)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There are no events in the span to draw"));
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There are no dated events to draw"));
      return NULL;
    }

  texts = xinzhi_timeline_figure_texts_new (corpus, G_LIST_MODEL (events), filter, first, last);
  xinzhi_palette_init_for_page (&style, ADW_ACCENT_COLOR_BLUE);
  return xinzhi_timeline_figure_write (painter, &style, first, last, texts, format, error);
}

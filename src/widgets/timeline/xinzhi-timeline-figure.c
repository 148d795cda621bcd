/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "xinzhi-palette.h"
#include "xinzhi-timeline.h"
#include "xinzhi-timeline-layout.h"
#include "xinzhi-timeline-private.h"

/* The timeline as a figure for a page, not a copy of the screen: the span that filters
 * the views, or else every event the timeline has, fitted to a page's width; as many
 * lanes high as its events take; a title above, a legend and a source line below; on
 * white in the light style whatever the style of the screen, and without the
 * selection, the hover or the focus.  The timeline draws it as it draws itself
 * (_xinzhi_timeline_draw_view()), and the legend's samples with the same shapes.
 *
 * PNG is drawn at twice the size.  In SVG, Cairo draws text as outlines, so every text
 * of the figure is also there as SVG text, invisible over its outlines: the figure can
 * be searched, copied and read aloud.  The timeline marks its texts for that
 * (_xinzhi_timeline_append_text()) with a debug node that holds the string. */

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
new_layout (XinzhiTimeline *self,
            const char     *text,
            double          scale,
            PangoWeight     weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (scale));
  pango_attr_list_insert (attrs, pango_attr_weight_new (weight));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

/* @text wrapped to @width at (@x, @y), a line at a time so that each line is a text
 * of the SVG.  Returns its height. */
static double
append_paragraph (XinzhiTimeline *self,
                  GtkSnapshot    *snapshot,
                  const char     *text,
                  double          scale,
                  PangoWeight     weight,
                  double          x,
                  double          y,
                  double          width,
                  const GdkRGBA  *color)
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
      _xinzhi_timeline_append_text (snapshot, line_layout, x, y + (double) extents.y / PANGO_SCALE, color);
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
sample_shape (XinzhiTimeline *self,
              double          days,
              double          scale,
              double         *width)
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
append_legend (XinzhiTimeline           *self,
               GtkSnapshot              *snapshot,
               const XinzhiTimelineView *view,
               double                    x,
               double                    y,
               double                    width)
{
  const XinzhiTimelineMetrics *metrics = xinzhi_timeline_layout_get_metrics (self->layout);
  double scale = xinzhi_timeline_view_get_scale (view);
  GdkRGBA fg = FIGURE_FG;
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

      total = sample_width + LEGEND_GAP + _xinzhi_timeline_text_width (label);
      if (x > left && x + total > left + width)
        {
          x = left;
          row += LANE_HEIGHT;
          middle += LANE_HEIGHT;
        }

      _xinzhi_timeline_draw_sample (self, snapshot, shape, samples[i].flags, x, x + sample_width, middle);
      pango_layout_get_pixel_size (label, NULL, &label_height);
      _xinzhi_timeline_append_text (snapshot, label, x + sample_width + LEGEND_GAP,
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
/* Public API                                                                           */
/* ------------------------------------------------------------------------------------ */

/**
 * xinzhi_timeline_get_figure_span:
 * @first_day: (out) (optional): the first day a figure shows
 * @last_day: (out) (optional): its last day
 *
 * The days a figure of the timeline shows: the span that filters the views, when one
 * is set, or else those of every event the timeline has.
 *
 * Returns: %FALSE when there is neither a span nor an event
 */
gboolean
xinzhi_timeline_get_figure_span (XinzhiTimeline *self,
                                 guint32        *first_day,
                                 guint32        *last_day)
{
  double start, end;

  g_return_val_if_fail (XINZHI_IS_TIMELINE (self), FALSE);

  if (xinzhi_timeline_get_span (self, first_day, last_day))
    return TRUE;
  if (!xinzhi_timeline_layout_get_bounds (self->layout, &start, &end))
    return FALSE;

  if (first_day != NULL)
    *first_day = (guint32) floor (start);
  if (last_day != NULL)
    *last_day = (guint32) MAX (ceil (end) - 1, floor (start));
  return TRUE;
}

/**
 * xinzhi_timeline_render_figure:
 * @title: the figure's title, plain text
 * @subtitle: the line under it (the span), plain text
 * @source: the lines under the legend, plain text
 * @width: the width of the figure, in pixels
 * @height: (out): the height it takes
 *
 * Draws the figure of the days xinzhi_timeline_get_figure_span() gives.
 *
 * Returns: (transfer full) (nullable): the figure, or %NULL when there is nothing
 *   to draw
 */
GskRenderNode *
xinzhi_timeline_render_figure (XinzhiTimeline *self,
                               const char     *title,
                               const char     *subtitle,
                               const char     *source,
                               double          width,
                               double         *height)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GskRenderNode) content = NULL;
  GtkSnapshot *snapshot;
  XinzhiTimelineView view;
  GdkRGBA fg = FIGURE_FG, dim = xinzhi_palette_alpha (&fg, 0.7f), background = FIGURE_BG;
  double inner = width - 2 * FIGURE_PADDING;
  double y = FIGURE_PADDING;
  double timeline_height;
  guint32 first, last;
  guint shown_lanes, n_lanes = 1;

  g_return_val_if_fail (XINZHI_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (title != NULL && subtitle != NULL && source != NULL, NULL);
  g_return_val_if_fail (width > 2 * FIGURE_PADDING, NULL);
  g_return_val_if_fail (height != NULL, NULL);

  _xinzhi_timeline_ensure_fonts (self);
  if (!xinzhi_timeline_get_figure_span (self, &first, &last))
    return NULL;

  /* The lanes the events of the span take, with room for more than on screen. */
  view = _xinzhi_timeline_fitted_view (self, first, (double) last + 1, inner);
  shown_lanes = xinzhi_timeline_layout_get_max_lanes (self->layout);
  xinzhi_timeline_layout_set_max_lanes (self->layout, FIGURE_MAX_LANES);
  xinzhi_timeline_layout_query_items (self->layout, &view, items);
  for (guint i = 0; i < items->len; i++)
    n_lanes = MAX (n_lanes, ((XinzhiTimelineItem *) g_ptr_array_index (items, i))->lane + 1);
  xinzhi_timeline_layout_set_max_lanes (self->layout, shown_lanes);
  timeline_height = PADDING_TOP + _xinzhi_timeline_header_height (self) + n_lanes * LANE_HEIGHT +
                    LANES_GAP + _xinzhi_timeline_axis_height (self);

  snapshot = gtk_snapshot_new ();
  g_object_set_data (G_OBJECT (snapshot), XINZHI_FIGURE_TEXT, GINT_TO_POINTER (TRUE));

  y += append_paragraph (self, snapshot, title, PANGO_SCALE_XX_LARGE, PANGO_WEIGHT_BOLD,
                         FIGURE_PADDING, y, inner, &fg);
  y += 4;
  y += append_paragraph (self, snapshot, subtitle, PANGO_SCALE_LARGE, PANGO_WEIGHT_NORMAL,
                         FIGURE_PADDING, y, inner, &dim);
  y += FIGURE_GAP;

  /* Bars that go on past the span stop at the ends of its axis. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (FIGURE_PADDING, y));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, inner, timeline_height));
  _xinzhi_timeline_draw_view (self, snapshot, &view, timeline_height, FIGURE_MAX_LANES);
  self->figure_view = view;
  self->figure_area = GRAPHENE_RECT_INIT (FIGURE_PADDING, y, inner, timeline_height);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
  y += timeline_height + FIGURE_GAP;

  y += append_legend (self, snapshot, &view, FIGURE_PADDING, y, inner);
  y += append_paragraph (self, snapshot,
                         _("Faded ends and dashed outlines mark dates the sources give only to the "
                           "month or the year. Estimated dates, which the sources do not state, are "
                           "drawn at the precision of the estimate."),
                         PANGO_SCALE_SMALL, PANGO_WEIGHT_NORMAL, FIGURE_PADDING, y, inner, &dim);
  y += FIGURE_GAP / 2;
  y += append_paragraph (self, snapshot, source, PANGO_SCALE_SMALL, PANGO_WEIGHT_NORMAL,
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
 * xinzhi_timeline_export_figure:
 * @title: the figure's title, plain text
 * @subtitle: the line under it
 * @source: the lines under the legend
 * @file: where to write; a name ending in ".svg" gives SVG, any other PNG
 * @error: why it could not be written
 *
 * Writes the figure of xinzhi_timeline_render_figure(), %XINZHI_TIMELINE_FIGURE_WIDTH
 * pixels wide: as SVG with its texts as text, or as PNG at twice that.
 *
 * Returns: whether the figure was written
 */
gboolean
xinzhi_timeline_export_figure (XinzhiTimeline  *self,
                               const char      *title,
                               const char      *subtitle,
                               const char      *source,
                               GFile           *file,
                               GError         **error)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double height = 0;
  gboolean svg;

  g_return_val_if_fail (XINZHI_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  node = xinzhi_timeline_render_figure (self, title, subtitle, source, XINZHI_TIMELINE_FIGURE_WIDTH, &height);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("There are no events to export"));
      return FALSE;
    }

  basename = g_file_get_basename (file);
  lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;
  svg = lower != NULL && g_str_has_suffix (lower, ".svg");
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
      g_autofree char *path = g_file_get_parse_name (file);

      /* Translators: %s is a file, the second why it could not be written */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” could not be written: %s"),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  bytes = svg ? add_texts (data, node, title) : g_byte_array_free_to_bytes (g_steal_pointer (&data));
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <math.h>

#include "xinzhi-palette.h"
#include "xinzhi-timeline-painter.h"

/* Drawing the timeline with a XinzhiTimelinePainter: its colours, from the palette
 * every view shares, and the bands, axis, clusters and events of the layout's items,
 * with the selection, hover, span and focus of a XinzhiTimelineFrame.  No widget: the
 * screen and a figure are drawn by the same code.  What the timeline is and how it is
 * laid out is told at the top of xinzhi-timeline.c. */

/* Every colour comes from the style: the foreground from CSS, the accent from the
 * style manager.  Tints are translucent, so they work on light and dark backgrounds,
 * and high contrast makes every one of them stronger. */
typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;        /* tick labels */
  GdkRGBA line;       /* the axis and major ticks */
  GdkRGBA faint;      /* grid lines, minor ticks */
  GdkRGBA band;       /* periods */
  GdkRGBA cluster;
  GdkRGBA hover;
  GdkRGBA accent;     /* pins and bar edges: the accent as a foreground */
  GdkRGBA bar;        /* the fill of bars */
  GdkRGBA fuzzy_line; /* the outline of bars with approximate dates */
  GdkRGBA accent_bg;  /* the selection */
  GdkRGBA accent_fg;
  GdkRGBA band_selected;
  GdkRGBA focus;
  GdkRGBA span;       /* the span that filters the views, over the lanes */
  GdkRGBA span_axis;  /* the same on the axis, where it is dragged */
  GdkRGBA density;    /* the density band: events certainly in a bin */
  GdkRGBA density_possible; /* and those only possibly in it */
} Palette;

/* The timeline's colours in @style: the screen's, or a figure's
 * (xinzhi_palette_init_for_page()). */
static void
compute_palette (const XinzhiPalette *style,
                 Palette             *palette)
{
  gboolean dark = style->dark;
  gboolean high_contrast = style->high_contrast;
  float boost;

  boost = high_contrast ? 2.0f : 1.0f;

  palette->fg = style->fg;
  palette->accent = style->accent;
  palette->dim = xinzhi_palette_alpha (&palette->fg, high_contrast ? 0.9f : 0.6f);
  palette->line = xinzhi_palette_alpha (&palette->fg, 0.25f * boost);
  palette->faint = xinzhi_palette_alpha (&palette->fg, 0.07f * boost);
  palette->band = xinzhi_palette_alpha (&palette->fg, (dark ? 0.07f : 0.05f) * boost);
  palette->cluster = xinzhi_palette_alpha (&palette->fg, (dark ? 0.14f : 0.10f) * boost);
  palette->hover = xinzhi_palette_alpha (&palette->fg, 0.07f * boost);
  palette->bar = xinzhi_palette_alpha (&style->accent_bg, (dark ? 0.32f : 0.20f) * boost);
  palette->fuzzy_line = xinzhi_palette_alpha (&palette->accent, high_contrast ? 1.0f : 0.6f);
  palette->accent_bg = style->accent_bg;
  palette->accent_fg = (GdkRGBA) { 1, 1, 1, 1 };
  palette->band_selected = xinzhi_palette_alpha (&style->accent_bg, (dark ? 0.16f : 0.12f) * boost);
  palette->focus = xinzhi_palette_alpha (&palette->accent, 0.5f);
  palette->span = xinzhi_palette_alpha (&style->accent_bg, (dark ? 0.10f : 0.07f) * boost);
  palette->span_axis = xinzhi_palette_alpha (&style->accent_bg, (dark ? 0.40f : 0.30f) * boost);
  palette->density = xinzhi_palette_alpha (&style->accent_bg, high_contrast ? 1.0f : 0.65f);
  palette->density_possible = xinzhi_palette_alpha (&style->accent_bg, (dark ? 0.30f : 0.24f) * boost);
}

/* ------------------------------------------------------------------------------------ */
/* Drawing                                                                              */
/* ------------------------------------------------------------------------------------ */

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_ring (GtkSnapshot           *snapshot,
             const graphene_rect_t *rect,
             float                  radius,
             float                  width,
             const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (radius, MIN (rect->size.width, rect->size.height) / 2));
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

/* A dashed outline: the dates of the span are approximate. */
static void
append_dashed (GtkSnapshot           *snapshot,
               const graphene_rect_t *rect,
               float                  radius,
               const GdkRGBA         *color)
{
  g_autoptr(GskPathBuilder) builder = gsk_path_builder_new ();
  g_autoptr(GskPath) path = NULL;
  g_autoptr(GskStroke) stroke = gsk_stroke_new (1);
  const float dash[2] = { 3, 3 };
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded,
                                   &GRAPHENE_RECT_INIT (rect->origin.x + 0.5, rect->origin.y + 0.5,
                                                        rect->size.width - 1, rect->size.height - 1),
                                   MIN (radius, rect->size.width / 2));
  gsk_path_builder_add_rounded_rect (builder, &rounded);
  path = gsk_path_builder_free_to_path (g_steal_pointer (&builder));
  gsk_stroke_set_dash (stroke, dash, G_N_ELEMENTS (dash));
  gtk_snapshot_append_stroke (snapshot, path, stroke, color);
}

/* A span whose ends fade out where its dates are not precise: a month-precise date is
 * somewhere in the month, not all of it. */
static void
append_fuzzy (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              gboolean               fuzzy_start,
              gboolean               fuzzy_end,
              const GdkRGBA         *color)
{
  float fade = MIN (16, rect->size.width / 4);
  GdkRGBA clear = xinzhi_palette_alpha (color, 0);
  float x0 = rect->origin.x;
  float x1 = rect->origin.x + rect->size.width;
  float middle0 = fuzzy_start ? x0 + fade : x0;
  float middle1 = fuzzy_end ? x1 - fade : x1;

  if (fuzzy_start)
    {
      GskColorStop stops[2] = { { 0, clear }, { 1, *color } };

      gtk_snapshot_append_linear_gradient (snapshot,
                                           &GRAPHENE_RECT_INIT (x0, rect->origin.y, fade, rect->size.height),
                                           &GRAPHENE_POINT_INIT (x0, 0),
                                           &GRAPHENE_POINT_INIT (x0 + fade, 0),
                                           stops, 2);
    }

  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (middle0, rect->origin.y,
                                                  middle1 - middle0, rect->size.height));

  if (fuzzy_end)
    {
      GskColorStop stops[2] = { { 0, *color }, { 1, clear } };

      gtk_snapshot_append_linear_gradient (snapshot,
                                           &GRAPHENE_RECT_INIT (x1 - fade, rect->origin.y, fade, rect->size.height),
                                           &GRAPHENE_POINT_INIT (x1 - fade, 0),
                                           &GRAPHENE_POINT_INIT (x1, 0),
                                           stops, 2);
    }
}

static void
append_diamond (GtkSnapshot   *snapshot,
                double         x,
                double         y,
                double         size,
                const GdkRGBA *color)
{
  float side = size / G_SQRT2;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_rotate (snapshot, 45);
  append_rounded (snapshot, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side), 2, color);
  gtk_snapshot_restore (snapshot);
}

/* A period's band, shaded again above the union of all: the selected or the hovered. */
static void
draw_band_highlight (XinzhiTimelinePainter     *self,
                     const XinzhiTimelineFrame *frame,
                     GtkSnapshot               *snapshot,
                     guint                      position,
                     const GdkRGBA             *color)
{
  const XinzhiTimelineItem *band;
  const XinzhiTimelineEntry *entry;
  XinzhiTimelineGeometry geometry;
  double top = xinzhi_timeline_painter_content_top (self, &frame->view, frame->height);
  double bottom = xinzhi_timeline_painter_axis_y (self, frame->height);

  if (position == G_MAXUINT || !xinzhi_timeline_painter_is_period (self, position))
    return;

  band = xinzhi_timeline_layout_find_item (self->layout, xinzhi_timeline_view_get_scale (&frame->view),
                                           position);
  entry = xinzhi_timeline_layout_get_entry (self->layout, position);
  xinzhi_timeline_layout_get_geometry (self->layout, &frame->view, band, &geometry);
  append_fuzzy (snapshot,
                &GRAPHENE_RECT_INIT (geometry.x0, top, geometry.x1 - geometry.x0, bottom - top),
                entry->flags & XINZHI_TIMELINE_ENTRY_FUZZY_START,
                entry->flags & XINZHI_TIMELINE_ENTRY_FUZZY_END,
                color);
}

/* Periods may overlap: their union is shaded once, so that many periods do not darken
 * into stripes; the selected and the hovered period are shaded again above it, and the
 * titles of the first row go on top.  The layout keeps the union and the first row
 * apart, so a frame costs the same with one period in view as with a thousand. */
static void
draw_bands (XinzhiTimelinePainter     *self,
            const XinzhiTimelineFrame *frame,
            GtkSnapshot               *snapshot,
            const Palette             *palette)
{
  g_autoptr(GArray) shade = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineShade));
  g_autoptr(GPtrArray) titles = NULL;
  double top = xinzhi_timeline_painter_content_top (self, &frame->view, frame->height);
  double bottom = xinzhi_timeline_painter_axis_y (self, frame->height);

  xinzhi_timeline_layout_query_shade (self->layout, &frame->view, shade);
  for (guint i = 0; i < shade->len; i++)
    {
      const XinzhiTimelineShade *stretch = &g_array_index (shade, XinzhiTimelineShade, i);
      double x0 = xinzhi_timeline_view_day_to_x (&frame->view, stretch->start);
      double x1 = xinzhi_timeline_view_day_to_x (&frame->view, stretch->end);

      append_fuzzy (snapshot, &GRAPHENE_RECT_INIT (x0, top, x1 - x0, bottom - top),
                    stretch->fuzzy_start, stretch->fuzzy_end, &palette->band);
    }

  if (frame->hover != frame->selected)
    draw_band_highlight (self, frame, snapshot, frame->hover, &palette->hover);
  draw_band_highlight (self, frame, snapshot, frame->selected, &palette->band_selected);

  if (!self->has_periods)
    return;

  titles = g_ptr_array_new ();
  xinzhi_timeline_layout_query_titles (self->layout, &frame->view, titles);
  for (guint i = 0; i < titles->len; i++)
    {
      const XinzhiTimelineItem *band = g_ptr_array_index (titles, i);
      XinzhiTimelineGeometry geometry;
      PangoLayout *layout;

      xinzhi_timeline_layout_get_geometry (self->layout, &frame->view, band, &geometry);
      if (geometry.label_width <= 0)
        continue;

      layout = xinzhi_timeline_painter_title_layout (self, band->entry);
      pango_layout_set_width (layout, geometry.label_width * PANGO_SCALE);
      xinzhi_timeline_painter_append_text (snapshot, layout, geometry.label_x,
                                           top + (BAND_ROW_HEIGHT - self->small_height) / 2,
                                           band->entry == frame->selected ? &palette->accent
                                                                          : &palette->fg);
    }
}

/* The span from the start of @first_day to the end of @last_day: a tint over the lanes,
 * a stronger one on the axis, and its edges in the accent colour. */
static void
draw_span (XinzhiTimelinePainter     *self,
           const XinzhiTimelineFrame *frame,
           GtkSnapshot               *snapshot,
           const Palette             *palette,
           guint32                   first_day,
           guint32                   last_day)
{
  double x0 = xinzhi_timeline_view_day_to_x (&frame->view, first_day);
  double x1 = xinzhi_timeline_view_day_to_x (&frame->view, (double) last_day + 1);
  double width = frame->view.width;
  double axis_y = xinzhi_timeline_painter_axis_y (self, frame->height);
  double bottom = frame->height;

  if (x1 < 0 || x0 > width)
    return;
  x0 = floor (MAX (x0, -2));
  x1 = ceil (MIN (x1, width + 2));
  x1 = MAX (x1, x0 + 1);

  gtk_snapshot_append_color (snapshot, &palette->span, &GRAPHENE_RECT_INIT (x0, 0, x1 - x0, axis_y));
  gtk_snapshot_append_color (snapshot, &palette->span_axis,
                             &GRAPHENE_RECT_INIT (x0, axis_y, x1 - x0, bottom - axis_y));
  gtk_snapshot_append_color (snapshot, &palette->accent, &GRAPHENE_RECT_INIT (x0, 0, 1, bottom));
  gtk_snapshot_append_color (snapshot, &palette->accent, &GRAPHENE_RECT_INIT (x1 - 1, 0, 1, bottom));
}

/* The caption of the density band: its unit and its tallest bar's count. */
static char *
format_density_caption (XinzhiTimelineUnit unit,
                        guint              most)
{
  switch (unit)
    {
    case XINZHI_TIMELINE_UNIT_DAY:
      /* Translators: the caption of the bars above the timeline; %u is the count of
       * its tallest bar */
      return g_strdup_printf (_("Events per day, at most %u"), most);
    case XINZHI_TIMELINE_UNIT_WEEK:
      /* Translators: as "Events per day, at most %u", by weeks */
      return g_strdup_printf (_("Events per week, at most %u"), most);
    case XINZHI_TIMELINE_UNIT_MONTH:
      /* Translators: as "Events per day, at most %u", by months */
      return g_strdup_printf (_("Events per month, at most %u"), most);
    case XINZHI_TIMELINE_UNIT_QUARTER:
      /* Translators: as "Events per day, at most %u", by quarters of a year */
      return g_strdup_printf (_("Events per quarter, at most %u"), most);
    case XINZHI_TIMELINE_UNIT_YEAR:
    default:
      /* Translators: as "Events per day, at most %u", by years */
      return g_strdup_printf (_("Events per year, at most %u"), most);
    }
}

/* Above the lanes, how many events each day, week, month, quarter or year of the view
 * holds (the widest unit whose bars are a few pixels wide at this zoom): solid for the
 * events certainly in it, pale above them for those whose dates cannot tell
 * (xinzhi-timeline-density.c), scaled to the tallest bar in view, whose count the
 * caption gives.  So a busy stretch shows at any zoom, even where the lanes have
 * folded its events into clusters. */
static void
draw_density (XinzhiTimelinePainter     *self,
              const XinzhiTimelineFrame *frame,
              GtkSnapshot               *snapshot,
              const Palette             *palette)
{
  g_autoptr(GArray) bins = g_array_new (FALSE, FALSE, sizeof (XinzhiTimelineBin));
  double scale = xinzhi_timeline_view_get_scale (&frame->view);
  XinzhiTimelineUnit unit = xinzhi_timeline_density_choose_unit (scale, DENSITY_MIN_BIN);
  double bars_top = PADDING_TOP + self->small_height + 2;
  double bottom = PADDING_TOP + DENSITY_HEIGHT;
  double room = bottom - bars_top;
  g_autofree char *caption = NULL;
  PangoLayout *layout;
  guint most = 0;

  xinzhi_timeline_density_query (self->density, unit, frame->view.start, frame->view.end, bins);
  for (guint i = 0; i < bins->len; i++)
    {
      const XinzhiTimelineBin *bin = &g_array_index (bins, XinzhiTimelineBin, i);

      most = MAX (most, bin->certain + bin->possible);
    }

  gtk_snapshot_append_color (snapshot, &palette->line, &GRAPHENE_RECT_INIT (0, bottom, frame->view.width, 1));
  for (guint i = 0; i < bins->len && most > 0; i++)
    {
      const XinzhiTimelineBin *bin = &g_array_index (bins, XinzhiTimelineBin, i);
      double x0 = round (xinzhi_timeline_view_day_to_x (&frame->view, bin->start));
      double x1 = round (xinzhi_timeline_view_day_to_x (&frame->view, bin->end));
      double certain = room * bin->certain / most;
      double possible = room * bin->possible / most;
      double width = x1 - x0 - (x1 - x0 >= 4 ? 1 : 0);

      if (bin->certain > 0)
        gtk_snapshot_append_color (snapshot, &palette->density,
                                   &GRAPHENE_RECT_INIT (x0, bottom - certain, width, certain));
      if (bin->possible > 0)
        gtk_snapshot_append_color (snapshot, &palette->density_possible,
                                   &GRAPHENE_RECT_INIT (x0, bottom - certain - possible, width, possible));
    }

  caption = format_density_caption (unit, most);
  layout = xinzhi_timeline_painter_text_layout (self, self->axis_layouts, self->small_attrs, caption);
  xinzhi_timeline_painter_append_text (snapshot, layout, 6, PADDING_TOP, &palette->dim);
}

static void
draw_axis (XinzhiTimelinePainter     *self,
           const XinzhiTimelineFrame *frame,
           GtkSnapshot               *snapshot,
           const Palette             *palette,
           const XinzhiTimelineAxis  *axis)
{
  double y = xinzhi_timeline_painter_axis_y (self, frame->height);
  double top = xinzhi_timeline_painter_content_top (self, &frame->view, frame->height) + xinzhi_timeline_painter_header_height (self);
  double width = frame->view.width;
  double label_y = y + 6;
  double context_y = label_y + self->small_height + 2;

  /* Grid lines behind the lanes, stronger at a new month or year. */
  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const XinzhiTimelineTick *tick = &g_array_index (axis->ticks, XinzhiTimelineTick, i);
      float x = floor (tick->x);

      if (tick->major)
        gtk_snapshot_append_color (snapshot, &palette->faint,
                                   &GRAPHENE_RECT_INIT (x, top, 1, y - top));
    }

  gtk_snapshot_append_color (snapshot, &palette->line, &GRAPHENE_RECT_INIT (0, y, width, 1));

  for (guint i = 0; i < axis->ticks->len; i++)
    {
      const XinzhiTimelineTick *tick = &g_array_index (axis->ticks, XinzhiTimelineTick, i);
      float x = floor (tick->x);

      if (tick->boundary)
        gtk_snapshot_append_color (snapshot, &palette->line,
                                   &GRAPHENE_RECT_INIT (x, y, 1, context_y + self->small_height - y));
      else if (tick->major)
        gtk_snapshot_append_color (snapshot, &palette->line, &GRAPHENE_RECT_INIT (x, y, 1, 6));
      else
        gtk_snapshot_append_color (snapshot, &palette->line, &GRAPHENE_RECT_INIT (x, y, 1, 3));

      if (tick->major && tick->label != NULL)
        {
          PangoLayout *layout = xinzhi_timeline_painter_text_layout (self, self->axis_layouts, self->small_attrs, tick->label);

          /* A figure has no scrolling to show the rest: a label it would cut is left out. */
          if (frame->figure && x + 5 + xinzhi_timeline_painter_text_width (layout) > width)
            continue;
          xinzhi_timeline_painter_append_text (snapshot, layout, x + 5, label_y, &palette->dim);
        }
    }

  /* Context labels stick to the left edge while their span goes on, and give way to
   * the next one, like the headers of a list. */
  for (guint i = 0; i < axis->contexts->len; i++)
    {
      const XinzhiTimelineContext *context = &g_array_index (axis->contexts, XinzhiTimelineContext, i);
      PangoLayout *layout = xinzhi_timeline_painter_text_layout (self, self->context_layouts, self->heading_attrs, context->label);
      double x0 = xinzhi_timeline_view_day_to_x (&frame->view, context->start);
      double x1 = xinzhi_timeline_view_day_to_x (&frame->view, context->end);
      double x = MIN (MAX (x0, 0) + 5, x1 - xinzhi_timeline_painter_text_width (layout) - 8);

      x = MAX (x, x0 + 5);
      if (frame->figure && x + xinzhi_timeline_painter_text_width (layout) > width)
        continue;
      xinzhi_timeline_painter_append_text (snapshot, layout, x, context_y, &palette->fg);
    }
}

static void
draw_cluster (XinzhiTimelinePainter     *self,
              const XinzhiTimelineFrame *frame,
              GtkSnapshot               *snapshot,
              const Palette             *palette,
              const XinzhiTimelineItem  *item,
              gboolean                  selected,
              gboolean                  focused)
{
  XinzhiTimelineGeometry geometry;
  g_autofree char *count = NULL;
  PangoLayout *layout;
  double middle = xinzhi_timeline_painter_lane_middle (self, frame->height, item->lane);
  graphene_rect_t pill;
  GdkRGBA fill = selected ? palette->accent_bg : palette->cluster;

  xinzhi_timeline_layout_get_geometry (self->layout, &frame->view, item, &geometry);

  /* The count in a pill over the middle of the days its events start on. */
  pill = GRAPHENE_RECT_INIT (geometry.mark_x0, middle - BAR_HEIGHT / 2,
                             geometry.mark_x1 - geometry.mark_x0, BAR_HEIGHT);
  if (item->members[0] == frame->hover && !selected)
    fill.alpha *= 1.6f;
  append_rounded (snapshot, &pill, BAR_HEIGHT / 2, &fill);

  /* Translators: on a cluster of the timeline, how many more events there are */
  count = g_strdup_printf (C_("timeline cluster", "+%u"), item->n_members);
  layout = xinzhi_timeline_painter_text_layout (self, self->count_layouts, self->count_attrs, count);
  xinzhi_timeline_painter_append_text (snapshot, layout,
               pill.origin.x + (pill.size.width - xinzhi_timeline_painter_text_width (layout)) / 2,
               middle - self->small_height / 2,
               selected ? &palette->accent_fg : &palette->fg);

  if (focused)
    append_ring (snapshot, &GRAPHENE_RECT_INIT (pill.origin.x - 3, pill.origin.y - 3,
                                                pill.size.width + 6, pill.size.height + 6),
                 BAR_HEIGHT / 2 + 3, 2, &palette->focus);
}

/* A span drawn to scale, from its first day to its last and not a pixel further:
 * faded ends and a dashed outline where the dates are known only to the month or
 * year, hard ends where they are days. */
static void
append_bar (GtkSnapshot               *snapshot,
            const graphene_rect_t     *rect,
            XinzhiTimelineEntryFlags   flags,
            const GdkRGBA             *fill,
            const GdkRGBA             *edge,
            const GdkRGBA             *outline)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, MIN (6, rect->size.width / 2));
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  append_fuzzy (snapshot, rect,
                flags & XINZHI_TIMELINE_ENTRY_FUZZY_START,
                flags & XINZHI_TIMELINE_ENTRY_FUZZY_END,
                fill);

  if (!(flags & XINZHI_TIMELINE_ENTRY_FUZZY_START))
    gtk_snapshot_append_color (snapshot, edge,
                               &GRAPHENE_RECT_INIT (rect->origin.x, rect->origin.y,
                                                    3, rect->size.height));
  if (!(flags & XINZHI_TIMELINE_ENTRY_FUZZY_END))
    gtk_snapshot_append_color (snapshot, edge,
                               &GRAPHENE_RECT_INIT (rect->origin.x + rect->size.width - 3,
                                                    rect->origin.y, 3, rect->size.height));
  gtk_snapshot_pop (snapshot);

  if (flags & XINZHI_TIMELINE_ENTRY_FUZZY)
    append_dashed (snapshot, rect, 6, outline);
}

/* What stands for an event's days at @geometry: its pin, mark or bar, with its state. */
static void
draw_shape (XinzhiTimelinePainter        *self,
            const XinzhiTimelineFrame    *frame,
            GtkSnapshot                  *snapshot,
            const Palette                *palette,
            XinzhiTimelineEntryFlags     flags,
            const XinzhiTimelineGeometry *geometry,
            double                       middle,
            gboolean                     selected,
            gboolean                     hover)
{
  const XinzhiTimelineMetrics *metrics = xinzhi_timeline_layout_get_metrics (self->layout);
  graphene_rect_t mark;
  GdkRGBA fill;

  switch (geometry->shape)
    {
    case XINZHI_TIMELINE_SHAPE_PIN:
    case XINZHI_TIMELINE_SHAPE_MARK:
      mark = GRAPHENE_RECT_INIT (geometry->mark_x0, middle - metrics->marker_size / 2,
                                 geometry->mark_x1 - geometry->mark_x0, metrics->marker_size);

      /* The selection is a ring around the marker; it stands for a day, or for a span
       * too short to draw, and never for a length. */
      if (selected || hover)
        append_ring (snapshot,
                     &GRAPHENE_RECT_INIT (mark.origin.x - 4, mark.origin.y - 4,
                                          mark.size.width + 8, mark.size.height + 8),
                     mark.size.width / 2 + 4, 2,
                     selected ? &palette->accent_bg : &palette->line);

      if (geometry->shape == XINZHI_TIMELINE_SHAPE_PIN)
        append_diamond (snapshot, (mark.origin.x + mark.size.width / 2), middle,
                        metrics->marker_size, selected ? &palette->accent_bg : &palette->accent);
      else if (flags & XINZHI_TIMELINE_ENTRY_FUZZY)
        {
          /* A dot, hollow where the dates are approximate. */
          append_rounded (snapshot, &mark, mark.size.width / 2,
                          selected ? &palette->accent_bg : &palette->bar);
          append_ring (snapshot, &mark, mark.size.width / 2, 2,
                       selected ? &palette->accent_bg : &palette->fuzzy_line);
        }
      else
        append_rounded (snapshot, &mark, mark.size.width / 2,
                        selected ? &palette->accent_bg : &palette->accent);
      break;

    case XINZHI_TIMELINE_SHAPE_BAR:
    default:
      fill = selected ? palette->accent_bg : palette->bar;
      if (hover)
        fill.alpha = MIN (1.0f, fill.alpha * 1.6f);
      append_bar (snapshot,
                  &GRAPHENE_RECT_INIT (geometry->x0, middle - BAR_HEIGHT / 2,
                                       geometry->x1 - geometry->x0, BAR_HEIGHT),
                  flags, &fill,
                  selected ? &palette->accent_fg : &palette->accent,
                  selected ? &palette->accent : &palette->fuzzy_line);
      break;
    }
}

/* An event: its pin, mark or bar, and its title.  The selection and the hover change
 * colours only, never the size of what is drawn: the title beside a bar is underlined
 * rather than put on a background, which would read as the bar going on. */
static void
draw_event (XinzhiTimelinePainter     *self,
            const XinzhiTimelineFrame *frame,
            GtkSnapshot               *snapshot,
            const Palette             *palette,
            const XinzhiTimelineItem  *item,
            gboolean                  selected,
            gboolean                  focused)
{
  const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (self->layout, item->entry);
  PangoLayout *layout = xinzhi_timeline_painter_title_layout (self, item->entry);
  double middle = xinzhi_timeline_painter_lane_middle (self, frame->height, item->lane);
  gboolean hover = item->entry == frame->hover && !selected;
  XinzhiTimelineGeometry geometry;
  double label_end;

  xinzhi_timeline_layout_get_geometry (self->layout, &frame->view, item, &geometry);
  /* Always the width the layout reserved: for a large corpus, label widths are
   * estimates, and a longer title must not run into its neighbour. */
  pango_layout_set_width (layout, geometry.label_width * PANGO_SCALE);
  label_end = geometry.label_x + MIN (geometry.label_width, xinzhi_timeline_painter_text_width (layout));

  draw_shape (self, frame, snapshot, palette, entry->flags, &geometry, middle, selected, hover);

  if (geometry.label_inside)
    xinzhi_timeline_painter_append_text (snapshot, layout, geometry.label_x, middle - self->title_height / 2,
                 selected ? &palette->accent_fg : &palette->fg);
  else
    {
      xinzhi_timeline_painter_append_text (snapshot, layout, geometry.label_x, middle - self->title_height / 2,
                   selected ? &palette->accent : &palette->fg);
      if (selected || hover)
        gtk_snapshot_append_color (snapshot, selected ? &palette->accent : &palette->line,
                                   &GRAPHENE_RECT_INIT (geometry.label_x,
                                                        middle + self->title_height / 2,
                                                        label_end - geometry.label_x,
                                                        selected ? 2 : 1));
    }

  /* The focus rings the title, inside the bar or beside the marker (the marker, for
   * an event without one). */
  if (focused && label_end > geometry.label_x)
    append_ring (snapshot,
                 &GRAPHENE_RECT_INIT (geometry.label_x - 3, middle - BAR_HEIGHT / 2 + 1,
                                      label_end - geometry.label_x + 6, BAR_HEIGHT - 2),
                 6, 2, &palette->focus);
  else if (focused)
    append_ring (snapshot,
                 &GRAPHENE_RECT_INIT (geometry.mark_x0 - 3, middle - BAR_HEIGHT / 2 + 1,
                                      geometry.mark_x1 - geometry.mark_x0 + 6, BAR_HEIGHT - 2),
                 6, 2, &palette->focus);
}

/* Everything at @frame's view, with its selection, hover, span and focus. */
void
xinzhi_timeline_painter_draw (XinzhiTimelinePainter     *self,
                              GtkSnapshot               *snapshot,
                              const XinzhiTimelineFrame *frame)
{
  g_autoptr(XinzhiTimelineAxis) axis = NULL;
  const XinzhiTimelineItem *selected_item = NULL;
  double scale;
  Palette palette;

  g_return_if_fail (self != NULL);
  g_return_if_fail (frame != NULL);

  scale = xinzhi_timeline_view_get_scale (&frame->view);
  if (scale <= 0)
    return;

  xinzhi_timeline_painter_ensure_fonts (self);
  compute_palette (&frame->style, &palette);

  draw_bands (self, frame, snapshot, &palette);
  if (self->density_band)
    draw_density (self, frame, snapshot, &palette);

  if (frame->has_span)
    draw_span (self, frame, snapshot, &palette, frame->span_first, frame->span_last);

  axis = xinzhi_timeline_axis_new (&frame->view, TICK_SPACING);
  draw_axis (self, frame, snapshot, &palette, axis);

  if (frame->selected != G_MAXUINT && !xinzhi_timeline_painter_is_period (self, frame->selected))
    selected_item = xinzhi_timeline_layout_find_item (self->layout, scale, frame->selected);

  /* Only what shows: found by binary search in the layout of this zoom level. */
  g_ptr_array_set_size (self->scratch, 0);
  xinzhi_timeline_layout_query_items (self->layout, &frame->view, self->scratch);
  for (guint i = 0; i < self->scratch->len; i++)
    {
      const XinzhiTimelineItem *item = g_ptr_array_index (self->scratch, i);

      if (item == selected_item)
        continue;

      if (item->kind == XINZHI_TIMELINE_ITEM_CLUSTER)
        draw_cluster (self, frame, snapshot, &palette, item, FALSE, FALSE);
      else
        draw_event (self, frame, snapshot, &palette, item, FALSE, FALSE);
    }

  /* The selection last, above its neighbours' edges. */
  if (selected_item != NULL)
    {
      if (selected_item->kind == XINZHI_TIMELINE_ITEM_CLUSTER)
        draw_cluster (self, frame, snapshot, &palette, selected_item, TRUE, frame->focus);
      else
        draw_event (self, frame, snapshot, &palette, selected_item, TRUE, frame->focus);
    }
  else if (frame->focus && frame->selected != G_MAXUINT)
    {
      /* A selected period: ring its title. */
      const XinzhiTimelineItem *band = xinzhi_timeline_layout_find_item (self->layout, scale, frame->selected);
      double top = xinzhi_timeline_painter_content_top (self, &frame->view, frame->height);
      XinzhiTimelineGeometry geometry;

      xinzhi_timeline_layout_get_geometry (self->layout, &frame->view, band, &geometry);
      append_ring (snapshot,
                   &GRAPHENE_RECT_INIT (geometry.x0 + 1, top + 1,
                                        MAX (geometry.x1 - geometry.x0 - 2, 0),
                                        xinzhi_timeline_painter_axis_y (self, frame->height) - top - 2),
                   6, 2, &palette.focus);
    }
  else if (frame->focus)
    append_ring (snapshot,
                 &GRAPHENE_RECT_INIT (1, 1, frame->view.width - 2, frame->height - 2),
                 8, 2, &palette.focus);
}

/* A sample of a legend, drawn as an event of @flags whose days run from @x0 to @x1
 * is, around @middle, in the figure's palette of @style->  @shape is how it is drawn. */
void
xinzhi_timeline_painter_draw_sample (XinzhiTimelinePainter    *self,
                                     GtkSnapshot              *snapshot,
                                     const XinzhiPalette      *style,
                                     XinzhiTimelineShape       shape,
                                     XinzhiTimelineEntryFlags  flags,
                                     double                    x0,
                                     double                    x1,
                                     double                    middle)
{
  const XinzhiTimelineMetrics *metrics = xinzhi_timeline_layout_get_metrics (self->layout);
  double centre = (x0 + x1) / 2;
  XinzhiTimelineGeometry geometry = {
    .shape = shape,
    .x0 = x0,
    .x1 = x1,
    .mark_x0 = shape == XINZHI_TIMELINE_SHAPE_BAR ? x0 : centre - metrics->marker_size / 2,
    .mark_x1 = shape == XINZHI_TIMELINE_SHAPE_BAR ? x1 : centre + metrics->marker_size / 2,
  };
  XinzhiTimelineFrame frame = { .selected = G_MAXUINT, .hover = G_MAXUINT, .figure = TRUE };
  Palette palette;

  compute_palette (style, &palette);
  draw_shape (self, &frame, snapshot, &palette, flags, &geometry, middle, FALSE, FALSE);
}

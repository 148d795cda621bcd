/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "xinzhi-palette.h"
#include "xinzhi-sector-heatmap.h"
#include "xinzhi-sector-heatmap-private.h"

/* Drawing XinzhiSectorHeatmap: the cells, shaded by count, under the sticky row and
 * column headers, the cursor and the hover, and with a time span, where each article
 * falls against it.  Its model, layout, input and accessibility are in
 * xinzhi-sector-heatmap.c. */

/* How much of its colour a column outside the span keeps. */
#define OUT_OF_SPAN_OPACITY 0.3
/* The height of the line under an article's header that marks it in the span. */
#define SPAN_LINE_HEIGHT 3

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Under an article's header: a solid line when it lies in the span, a dashed one when it
 * possibly does; none outside it, or with no span. */
static void
draw_span_line (GtkSnapshot     *snapshot,
                XinzhiSpanMatch  match,
                gboolean         has_span,
                double           x,
                double           y,
                double           width,
                const GdkRGBA   *accent)
{
  if (!has_span || match == XINZHI_SPAN_OUT)
    return;

  if (match == XINZHI_SPAN_IN)
    {
      gtk_snapshot_append_color (snapshot, accent,
                                 &GRAPHENE_RECT_INIT (x, y, width, SPAN_LINE_HEIGHT));
      return;
    }

  for (double dash = x; dash < x + width; dash += 8)
    gtk_snapshot_append_color (snapshot, accent,
                               &GRAPHENE_RECT_INIT (dash, y, MIN (4, x + width - dash),
                                                    SPAN_LINE_HEIGHT));
}

static float
level_alpha (XinzhiSectorHeatmap *self,
             guint                count,
             gboolean             dark)
{
  static const float light_levels[N_LEVELS] = { 0.14f, 0.26f, 0.38f, 0.50f, 0.62f };
  static const float dark_levels[N_LEVELS] = { 0.22f, 0.34f, 0.46f, 0.58f, 0.70f };
  guint level;

  _xinzhi_sector_heatmap_ensure_counts (self);
  level = (count * N_LEVELS + self->max_count - 1) / MAX (self->max_count, 1);

  level = CLAMP (level, 1, N_LEVELS);
  return dark ? dark_levels[level - 1] : light_levels[level - 1];
}

void
_xinzhi_sector_heatmap_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  XinzhiSectorHeatmap *self = XINZHI_SECTOR_HEATMAP (widget);
  XinzhiPalette palette;
  gboolean dark, high_contrast;
  const GdkRGBA *accent = &palette.accent_bg;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double ox = _xinzhi_sector_heatmap_get_offset (self->hadjustment);
  double oy = _xinzhi_sector_heatmap_get_offset (self->vadjustment);
  double dim_alpha;
  GdkRGBA fg, dim, faint, empty;
  guint first_entry = 0;
  GtkRoot *root = gtk_widget_get_root (widget);
  /* As :focus-visible: the cursor shows while the keyboard is in use. */
  gboolean show_cursor = gtk_widget_is_focus (widget) &&
                         GTK_IS_WINDOW (root) &&
                         gtk_window_get_focus_visible (GTK_WINDOW (root));
  gboolean has_span = self->filter != NULL && xinzhi_filter_get_span (self->filter, NULL, NULL);

  if (self->rows->len == 0 || _xinzhi_sector_heatmap_n_columns (self) == 0)
    return;

  _xinzhi_sector_heatmap_ensure_layout (self);

  xinzhi_palette_init (&palette, widget);
  dark = palette.dark;
  high_contrast = palette.high_contrast;
  fg = palette.fg;
  dim_alpha = fg.alpha * (high_contrast ? 0.9 : 0.55);
  dim = xinzhi_palette_get_dim (&palette);
  faint = xinzhi_palette_alpha (&fg, high_contrast ? 0.5f : 0.15f);
  empty = xinzhi_palette_alpha (&fg, high_contrast ? 0.08f : 0.04f);

  /* The cells, under both headers. */
  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (self->row_header_width, self->header_height,
                                               MAX (0, width - self->row_header_width),
                                               MAX (0, height - self->header_height)));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (self->row_header_width - ox,
                                                self->header_height - oy));

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->y + entry->height < oy)
        {
          first_entry = i + 1;
          continue;
        }
      if (entry->y > oy + height)
        break;

      if (entry->row < 0)
        continue;

      for (guint column = 0; column < _xinzhi_sector_heatmap_n_columns (self); column++)
        {
          guint count = _xinzhi_sector_heatmap_get_cell (self, entry->row, column);
          graphene_rect_t cell = GRAPHENE_RECT_INIT (column * self->column_width + CELL_GAP / 2.0,
                                                     entry->y + CELL_GAP / 2.0,
                                                     self->column_width - CELL_GAP,
                                                     entry->height - CELL_GAP);
          GskRoundedRect rounded;
          GdkRGBA fill;
          gboolean out;

          if (cell.origin.x + cell.size.width < ox || cell.origin.x > ox + width)
            continue;

          /* An article outside the span stays, dimmed, so that the map keeps its shape. */
          out = _xinzhi_sector_heatmap_get_column_match (self, column) == XINZHI_SPAN_OUT;
          if (out)
            gtk_snapshot_push_opacity (snapshot, OUT_OF_SPAN_OPACITY);

          fill = count > 0 ? xinzhi_palette_alpha (accent, level_alpha (self, count, dark)) : empty;
          gsk_rounded_rect_init_from_rect (&rounded, &cell, 4);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &fill, &cell);
          gtk_snapshot_pop (snapshot);

          if (count > 0)
            {
              g_autofree char *number = g_strdup_printf ("%u", count);
              g_autoptr(PangoLayout) layout = _xinzhi_sector_heatmap_create_layout (self, number, FALSE, count == self->max_count);
              int text_width, text_height;

              if (high_contrast)
                {
                  float widths[4] = { 1, 1, 1, 1 };
                  GdkRGBA colors[4] = { *accent, *accent, *accent, *accent };

                  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
                }

              pango_layout_get_pixel_size (layout, &text_width, &text_height);
              draw_layout (snapshot, layout,
                           cell.origin.x + (cell.size.width - text_width) / 2,
                           cell.origin.y + (cell.size.height - text_height) / 2,
                           &fg);
            }

          if ((int) column == self->hover_column && entry->row == self->hover_row)
            {
              float widths[4] = { 1, 1, 1, 1 };
              GdkRGBA colors[4] = { dim, dim, dim, dim };

              gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
            }

          if ((int) column == self->cursor_column && entry->row == self->cursor_row &&
              show_cursor)
            {
              float widths[4] = { 2, 2, 2, 2 };
              GdkRGBA colors[4] = { *accent, *accent, *accent, *accent };

              gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
            }

          if (out)
            gtk_snapshot_pop (snapshot);
        }
    }

  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);

  /* The sector names, and the groups' headings, which span the rows. */
  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, self->header_height,
                                               width, MAX (0, height - self->header_height)));
  for (guint i = first_entry; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      double y = self->header_height + entry->y - oy;
      g_autoptr(PangoLayout) layout = NULL;
      int text_height;

      if (y > height)
        break;

      if (entry->row < 0)
        {
          /* A group's heading spans the width, under a rule that parts the groups. */
          layout = _xinzhi_sector_heatmap_create_name_layout (self,
                                       xinzhi_sector_get_group_display_name (entry->sector),
                                       xinzhi_sector_get_group_other_name (entry->sector),
                                       TRUE, dim_alpha);
          pango_layout_set_width (layout, MAX (1, width - 2 * PADDING) * PANGO_SCALE);
          if (i > 0)
            gtk_snapshot_append_color (snapshot, &faint,
                                       &GRAPHENE_RECT_INIT (0, y + 3, width, 1));
        }
      else
        {
          layout = _xinzhi_sector_heatmap_create_name_layout (self,
                                       xinzhi_sector_get_display_name (entry->sector),
                                       xinzhi_sector_get_other_name (entry->sector),
                                       FALSE, dim_alpha);
          pango_layout_set_width (layout, (self->row_header_width - 3 * PADDING) * PANGO_SCALE);
        }

      pango_layout_get_pixel_size (layout, NULL, &text_height);
      draw_layout (snapshot, layout,
                   entry->row < 0 ? PADDING : 2 * PADDING,
                   entry->row < 0
                   ? y + entry->height - text_height - PADDING / 2.0
                   : y + (entry->height - text_height) / 2.0,
                   &fg);
    }
  gtk_snapshot_pop (snapshot);

  /* The articles' headers: outlet and date. */
  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (self->row_header_width, 0,
                                               MAX (0, width - self->row_header_width),
                                               self->header_height));
  for (guint column = 0; column < _xinzhi_sector_heatmap_n_columns (self); column++)
    {
      XinzhiDocument *document = g_ptr_array_index (self->columns, column);
      double x = self->row_header_width + column * self->column_width - ox;
      int text_width = self->column_width - 2 * PADDING;
      g_autofree char *date = NULL;
      g_autoptr(PangoLayout) outlet_layout = NULL;
      g_autoptr(PangoLayout) date_layout = NULL;
      int outlet_height, date_height;
      gboolean is_outlet;
      const char *label;
      double y;
      XinzhiSpanMatch match;

      if (x + self->column_width < self->row_header_width || x > width)
        continue;

      match = _xinzhi_sector_heatmap_get_column_match (self, column);
      draw_span_line (snapshot, match, has_span, x + CELL_GAP / 2.0,
                      self->header_height - 1 - SPAN_LINE_HEIGHT,
                      self->column_width - CELL_GAP, accent);
      if (match == XINZHI_SPAN_OUT)
        gtk_snapshot_push_opacity (snapshot, OUT_OF_SPAN_OPACITY + 0.15);

      label = _xinzhi_sector_heatmap_get_column_label (document, &is_outlet);
      date = _xinzhi_sector_heatmap_format_short_date (document);
      outlet_layout = _xinzhi_sector_heatmap_create_header_layout (self, label, is_outlet, text_width);
      date_layout = _xinzhi_sector_heatmap_create_header_layout (self, date, FALSE, text_width);
      pango_layout_get_pixel_size (outlet_layout, NULL, &outlet_height);
      pango_layout_get_pixel_size (date_layout, NULL, &date_height);

      /* Bottom-aligned, so that one- and two-line outlets end on the same line. */
      y = self->header_height - PADDING - 2 - date_height - outlet_height;
      draw_layout (snapshot, outlet_layout, x + PADDING, y, &fg);
      draw_layout (snapshot, date_layout, x + PADDING, y + outlet_height, &dim);
      if (match == XINZHI_SPAN_OUT)
        gtk_snapshot_pop (snapshot);
    }
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_append_color (snapshot, &faint,
                             &GRAPHENE_RECT_INIT (0, self->header_height - 1, width, 1));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "xinzhi-timeline-painter.h"

/* What the timeline needs to draw, kept apart from the widget: the events, laid out
 * by the headless XinzhiTimelineLayout, and their text, from a PangoContext.  The
 * widget keeps one made from its own context (so its fonts follow the settings) and
 * draws the screen with it, its view, selection, hover and focus in a
 * XinzhiTimelineFrame; xinzhi --export timeline makes one from the default Cairo font
 * map, where there is no display to draw on, and draws the same figure as the window.
 * The drawing itself is xinzhi-timeline-draw.c. */

/* ------------------------------------------------------------------------------------ */
/* Text                                                                                 */
/* ------------------------------------------------------------------------------------ */

static void
unref_if_set (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

static void
drop_text_layouts (XinzhiTimelinePainter *self)
{
  g_hash_table_remove_all (self->axis_layouts);
  g_hash_table_remove_all (self->context_layouts);
  g_hash_table_remove_all (self->count_layouts);
  for (guint i = 0; i < self->title_layouts->len; i++)
    g_clear_object (&g_ptr_array_index (self->title_layouts, i));
}

/* The width of a label: measured for a corpus of ordinary size, estimated from the
 * font's average character for a very large one, where measuring every title would
 * stall the loading. */
static double
label_width (PangoLayout *measure,
             const char  *text,
             gboolean     estimate,
             double       char_width)
{
  double width = 0;

  if (!estimate)
    {
      pango_layout_set_text (measure, text, -1);
      return xinzhi_timeline_painter_text_width (measure);
    }

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 * char_width : char_width;

  return ceil (width);
}

static GHashTable *
new_width_cache (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The measured width of @text, from @cache (the widths of the events set last) or
 * measured now, and kept in @next (the widths of the events being set).  A filter
 * change sets again mostly the events it set before, and measuring thousands of
 * titles anew is most of its cost. */
static double
measured_width (PangoLayout *measure,
                const char  *text,
                GHashTable  *cache,
                GHashTable  *next)
{
  double *width = g_hash_table_lookup (next, text);

  if (width != NULL)
    return *width;

  width = g_hash_table_lookup (cache, text);
  width = width != NULL ? g_memdup2 (width, sizeof *width) : g_new (double, 1);
  if (!g_hash_table_contains (cache, text))
    *width = label_width (measure, text, FALSE, 0);
  g_hash_table_insert (next, g_strdup (text), width);

  return *width;
}

/* ------------------------------------------------------------------------------------ */
/* Public API                                                                           */
/* ------------------------------------------------------------------------------------ */

/**
 * xinzhi_timeline_painter_new:
 * @context: where its text is laid out: a widget's, or one of
 *   pango_cairo_font_map_get_default() where there is no display
 *
 * Returns: (transfer full): a painter with no events
 */
XinzhiTimelinePainter *
xinzhi_timeline_painter_new (PangoContext *context)
{
  XinzhiTimelinePainter *self;
  PangoAttribute *features;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  self = g_new0 (XinzhiTimelinePainter, 1);
  self->context = g_object_ref (context);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->title_layouts = g_ptr_array_new_with_free_func (unref_if_set);
  self->axis_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->context_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->count_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->title_widths = new_width_cache ();
  self->heading_widths = new_width_cache ();
  self->scratch = g_ptr_array_new ();
  self->layout = xinzhi_timeline_layout_new (NULL);
  self->density = xinzhi_timeline_density_new ();

  /* Tick labels as libadwaita's .caption; headings as .caption-heading; counts with
   * tabular figures, so that they do not jitter. */
  self->small_attrs = pango_attr_list_new ();
  pango_attr_list_insert (self->small_attrs, pango_attr_scale_new (0.82));
  self->heading_attrs = pango_attr_list_copy (self->small_attrs);
  pango_attr_list_insert (self->heading_attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  self->count_attrs = pango_attr_list_copy (self->heading_attrs);
  features = pango_attr_font_features_new ("tnum=1");
  pango_attr_list_insert (self->count_attrs, features);

  return self;
}

void
xinzhi_timeline_painter_free (XinzhiTimelinePainter *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->title_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->axis_layouts, g_hash_table_unref);
  g_clear_pointer (&self->context_layouts, g_hash_table_unref);
  g_clear_pointer (&self->count_layouts, g_hash_table_unref);
  g_clear_pointer (&self->title_widths, g_hash_table_unref);
  g_clear_pointer (&self->heading_widths, g_hash_table_unref);
  g_clear_pointer (&self->layout, xinzhi_timeline_layout_free);
  g_clear_pointer (&self->density, xinzhi_timeline_density_free);
  g_clear_pointer (&self->scratch, g_ptr_array_unref);
  g_clear_pointer (&self->small_attrs, pango_attr_list_unref);
  g_clear_pointer (&self->heading_attrs, pango_attr_list_unref);
  g_clear_pointer (&self->count_attrs, pango_attr_list_unref);
  g_clear_object (&self->context);
  g_free (self);
}

/**
 * xinzhi_timeline_painter_ensure_fonts:
 *
 * Measures the fonts again when they changed: the layout's metrics and the text
 * heights.  The label widths and every cached text depend on them, so the events must
 * then be set again.
 *
 * Returns: whether the fonts changed
 */
gboolean
xinzhi_timeline_painter_ensure_fonts (XinzhiTimelinePainter *self)
{
  XinzhiTimelineMetrics metrics;
  g_autoptr(PangoLayout) layout = NULL;
  int width, height;

  g_return_val_if_fail (self != NULL, FALSE);

  if (pango_context_get_serial (self->context) == self->pango_serial)
    return FALSE;

  self->pango_serial = pango_context_get_serial (self->context);
  metrics = *xinzhi_timeline_layout_get_metrics (self->layout);

  layout = xinzhi_timeline_painter_new_layout (self, "0123456789");
  pango_layout_set_attributes (layout, self->count_attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  metrics.digit_width = ceil (width / 10.0);

  pango_layout_set_attributes (layout, self->small_attrs);
  pango_layout_get_pixel_size (layout, NULL, &height);
  self->small_height = height;

  pango_layout_set_attributes (layout, NULL);
  pango_layout_get_pixel_size (layout, NULL, &height);
  self->title_height = height;

  xinzhi_timeline_layout_set_metrics (self->layout, &metrics);
  g_hash_table_remove_all (self->title_widths);
  g_hash_table_remove_all (self->heading_widths);
  return TRUE;
}

/**
 * xinzhi_timeline_painter_set_events:
 * @model: (nullable): the events, a GListModel of XinzhiEvent
 *
 * Reads @model into the layout's entries: dates, kinds and label widths.  Events
 * without a date are left out; the others are in self->events in model order.
 */
void
xinzhi_timeline_painter_set_events (XinzhiTimelinePainter *self,
                                    GListModel            *model)
{
  g_autofree XinzhiTimelineEntry *entries = NULL;
  g_autoptr(PangoLayout) measure = NULL;
  g_autoptr(PangoLayout) measure_heading = NULL;
  g_autoptr(GHashTable) title_widths = new_width_cache ();
  g_autoptr(GHashTable) heading_widths = new_width_cache ();
  guint n_items = model ? g_list_model_get_n_items (model) : 0;
  guint n_entries = 0;
  gboolean estimate = n_items > MEASURE_LIMIT;
  double char_width = 0;

  g_return_if_fail (self != NULL);

  xinzhi_timeline_painter_ensure_fonts (self);
  drop_text_layouts (self);
  g_ptr_array_set_size (self->title_layouts, 0);
  g_ptr_array_set_size (self->events, 0);
  self->has_periods = FALSE;

  measure = xinzhi_timeline_painter_new_layout (self, NULL);
  measure_heading = xinzhi_timeline_painter_new_layout (self, NULL);
  pango_layout_set_attributes (measure_heading, self->heading_attrs);
  if (estimate)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (self->context, NULL, NULL);
      double measured = 0, estimated = 0;

      char_width = (double) pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE;
      pango_font_metrics_unref (metrics);

      /* Calibrated on a sample of the titles themselves, a little generously: an
       * estimate too short gets a title ellipsized, too long only wastes some room. */
      for (guint i = 0; i < MIN (n_items, ESTIMATE_SAMPLE); i++)
        {
          g_autoptr(XinzhiEvent) event = g_list_model_get_item (model, i);

          measured += label_width (measure, xinzhi_event_get_display_title (event), FALSE, 0);
          estimated += label_width (NULL, xinzhi_event_get_display_title (event), TRUE, char_width);
        }
      if (estimated > 0)
        char_width *= CLAMP (1.05 * measured / estimated, 0.5, 2.0);
    }

  entries = g_new (XinzhiTimelineEntry, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (model, i);
      gboolean period = xinzhi_event_get_kind (event) == XINZHI_EVENT_KIND_PERIOD;
      const XinzhiDate *start = xinzhi_event_get_start (event);
      const XinzhiDate *end = xinzhi_event_get_end (event);
      const char *title = xinzhi_event_get_display_title (event);
      guint id = self->events->len;
      double width;

      if (start->precision == XINZHI_DATE_PRECISION_NONE ||
          end->precision == XINZHI_DATE_PRECISION_NONE)
        continue;

      if (estimate)
        width = label_width (NULL, title, TRUE, char_width);
      else if (period)
        width = measured_width (measure_heading, title, self->heading_widths, heading_widths);
      else
        width = measured_width (measure, title, self->title_widths, title_widths);

      xinzhi_timeline_entry_init (&entries[n_entries++], start, end, period, width, id);
      if (xinzhi_event_get_date_estimated (event))
        entries[n_entries - 1].flags |= XINZHI_TIMELINE_ENTRY_ESTIMATED;
      self->has_periods |= period;
      g_ptr_array_add (self->events, g_steal_pointer (&event));
      g_ptr_array_add (self->title_layouts, NULL);
    }

  /* Only the widths of the events set now are kept. */
  g_hash_table_unref (g_steal_pointer (&self->title_widths));
  g_hash_table_unref (g_steal_pointer (&self->heading_widths));
  self->title_widths = g_steal_pointer (&title_widths);
  self->heading_widths = g_steal_pointer (&heading_widths);

  xinzhi_timeline_layout_set_entries (self->layout, entries, n_entries);
  xinzhi_timeline_density_set_entries (self->density, entries, n_entries);
}

gboolean
xinzhi_timeline_painter_is_period (XinzhiTimelinePainter *self,
                                   guint                  position)
{
  const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (self->layout, position);

  return (entry->flags & XINZHI_TIMELINE_ENTRY_PERIOD) != 0;
}

/* Where the content may start: below the density band, when there is one. */
double
xinzhi_timeline_painter_top (XinzhiTimelinePainter *self)
{
  return PADDING_TOP + (self->density_band ? DENSITY_HEIGHT + DENSITY_GAP : 0);
}

double
xinzhi_timeline_painter_header_height (XinzhiTimelinePainter *self)
{
  return self->has_periods ? BAND_ROW_HEIGHT : 0;
}

double
xinzhi_timeline_painter_axis_height (XinzhiTimelinePainter *self)
{
  /* Ticks, the tick labels, the context labels, and a little room below. */
  return 6 + 2 * self->small_height + 2 + 8;
}

double
xinzhi_timeline_painter_axis_y (XinzhiTimelinePainter *self,
                                double                 height)
{
  return height - xinzhi_timeline_painter_axis_height (self);
}

double
xinzhi_timeline_painter_lane_middle (XinzhiTimelinePainter *self,
                                     double                 height,
                                     guint                  lane)
{
  return xinzhi_timeline_painter_axis_y (self, height) - LANES_GAP - (lane + 0.5) * LANE_HEIGHT;
}

/* Where the content starts: the row of period titles, just above the lanes the events
 * take at this zoom level (a few at least), so that in a tall widget the content sits
 * on its axis rather than spreading titles and shades far above the events. */
double
xinzhi_timeline_painter_content_top (XinzhiTimelinePainter    *self,
                                     const XinzhiTimelineView *view,
                                     double                    height)
{
  double scale = xinzhi_timeline_view_get_scale (view);
  double lanes_bottom = xinzhi_timeline_painter_axis_y (self, height) - LANES_GAP;
  guint n_lanes = 0;

  if (scale > 0 && xinzhi_timeline_layout_get_n_entries (self->layout) > 0)
    xinzhi_timeline_layout_get_items (self->layout, scale, NULL, &n_lanes);
  n_lanes = MAX (n_lanes, MIN_CONTENT_LANES);

  return MAX (xinzhi_timeline_painter_top (self),
              lanes_bottom - n_lanes * LANE_HEIGHT - xinzhi_timeline_painter_header_height (self));
}

/* Where the label of the entry at @position ends in @view, as if it stood alone. */
double
xinzhi_timeline_painter_label_end (XinzhiTimelinePainter    *self,
                                   const XinzhiTimelineView *view,
                                   guint                     position)
{
  const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (self->layout, position);
  const XinzhiTimelineMetrics *metrics = xinzhi_timeline_layout_get_metrics (self->layout);
  XinzhiTimelineItem item = { 0 };
  XinzhiTimelineGeometry geometry;

  item.kind = XINZHI_TIMELINE_ITEM_EVENT;
  item.entry = position;
  item.start = entry->start;
  item.end = entry->end;
  item.label_width = MIN (entry->label_width, metrics->max_label_width);
  xinzhi_timeline_layout_get_geometry (self->layout, view, &item, &geometry);

  return geometry.label_x + geometry.label_width;
}

/* @view showing [@start, @end) across @width, with room on the right for the labels of
 * the events that end in it, so that the last of them are not cut off. */
XinzhiTimelineView
xinzhi_timeline_painter_fitted_view (XinzhiTimelinePainter    *self,
                                     const XinzhiTimelineView *from,
                                     double                    start,
                                     double                    end,
                                     double                    width)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  XinzhiTimelineView view = *from;
  double margin_end = FIT_MARGIN;

  view.width = width;
  xinzhi_timeline_layout_query_entries (self->layout, start, end, positions);

  /* The margin changes the scale, which moves the labels: a few rounds settle it. */
  for (guint round = 0; round < 4; round++)
    {
      double overhang = 0;

      xinzhi_timeline_view_fit (&view, start, end, FIT_MARGIN, margin_end);
      for (guint i = 0; i < positions->len; i++)
        {
          guint position = g_array_index (positions, guint, i);
          const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (self->layout, position);

          if (!xinzhi_timeline_painter_is_period (self, position) && entry->end <= end)
            overhang = MAX (overhang, xinzhi_timeline_painter_label_end (self, &view, position) - (view.width - FIT_MARGIN));
        }

      if (overhang < 1 || margin_end >= view.width / 4)
        break;
      margin_end = MIN (margin_end + overhang, view.width / 4);
    }

  return view;
}

/* A layout in the painter's context, as gtk_widget_create_pango_layout() makes one. */
PangoLayout *
xinzhi_timeline_painter_new_layout (XinzhiTimelinePainter *self,
                                    const char            *text)
{
  PangoLayout *layout = pango_layout_new (self->context);

  if (text != NULL)
    pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A layout for a short text of the axis or a count, kept while the font stays. */
PangoLayout *
xinzhi_timeline_painter_text_layout (XinzhiTimelinePainter *self,
                                     GHashTable            *cache,
                                     PangoAttrList         *attrs,
                                     const char            *text)
{
  PangoLayout *layout = g_hash_table_lookup (cache, text);

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (cache) >= MAX_TEXT_LAYOUTS)
    g_hash_table_remove_all (cache);

  layout = xinzhi_timeline_painter_new_layout (self, NULL);
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_text (layout, text, -1);
  g_hash_table_insert (cache, g_strdup (text), layout);

  return layout;
}

/* The layout of an event's title (a period's, in the heading style; a candidate's
 * nobody has reviewed, slanted and underlined), made when the event is first drawn.
 * Titles are plain text, never markup. */
PangoLayout *
xinzhi_timeline_painter_title_layout (XinzhiTimelinePainter *self,
                                      guint                  position)
{
  const XinzhiTimelineEntry *entry = xinzhi_timeline_layout_get_entry (self->layout, position);
  PangoLayout *layout = g_ptr_array_index (self->title_layouts, entry->id);

  if (layout == NULL)
    {
      XinzhiEvent *event = g_ptr_array_index (self->events, entry->id);

      layout = xinzhi_timeline_painter_new_layout (self, NULL);
      if (!xinzhi_event_get_reviewed (event))
        {
          /* A candidate nobody has reviewed: slanted and underlined with a wavy line,
           * as an unreviewed quote is in the reader. */
          g_autoptr(PangoAttrList) attrs = (entry->flags & XINZHI_TIMELINE_ENTRY_PERIOD)
                                           ? pango_attr_list_copy (self->heading_attrs)
                                           : pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
          pango_attr_list_insert (attrs, pango_attr_underline_new (PANGO_UNDERLINE_ERROR));
          pango_layout_set_attributes (layout, attrs);
        }
      else if (entry->flags & XINZHI_TIMELINE_ENTRY_PERIOD)
        pango_layout_set_attributes (layout, self->heading_attrs);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_text (layout, xinzhi_event_get_display_title (event), -1);
      g_ptr_array_index (self->title_layouts, entry->id) = layout;
    }

  return layout;
}

void
xinzhi_timeline_painter_append_text (GtkSnapshot   *snapshot,
                                     PangoLayout   *layout,
                                     double         x,
                                     double         y,
                                     const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  if (g_object_get_data (G_OBJECT (snapshot), XINZHI_FIGURE_TEXT) != NULL)
    {
      /* A figure keeps its strings, for its SVG to carry them as text
       * (xinzhi-timeline-figure.c): a debug node around the glyphs holds each. */
      GtkSnapshot *glyphs = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      gtk_snapshot_append_layout (glyphs, layout, color);
      node = gtk_snapshot_free_to_node (glyphs);
      if (node != NULL)
        {
          g_autoptr(GskRenderNode) marked = gsk_debug_node_new (node, g_strdup (pango_layout_get_text (layout)));

          gtk_snapshot_append_node (snapshot, marked);
        }
    }
  else
    gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

int
xinzhi_timeline_painter_text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

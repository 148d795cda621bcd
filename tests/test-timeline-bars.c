/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "xinzhi-sector-chart.h"
#include "xinzhi-sector-chart-private.h"
#include "xinzhi-synth.h"
#include "xinzhi-timeline-private.h"
#include "xinzhi-window.h"
#include "xinzhi-test-ui.h"

/* What the timeline draws for an event covers the event's dates and no more, selected
 * or not, in the window as a person sees it and in the exported PNG and SVG: "Xi
 * introduces the concept in Heilongjiang" (September 2023, known to the month) and the
 * CNS seminar (17 to 27 June 2024), at the opening span and with every event shown,
 * and zoomed out further, wide and 360 px narrow, light and dark.
 *
 * On screen, the render node of the timeline is read: the selected event is the one
 * thing filled with the accent colour, so the union of those nodes is its bar (or
 * mark), and, unselected, every shape in its lane that meets its days stays within
 * them.  The exported figure (PNG and SVG) draws every event as the window does, but
 * on a page of its own and unselected: there, every run of the accent colour, light or
 * dark screen, lies within some event's days, and the seminar's hard ends are where its
 * days begin and end.  A bar may be drawn a pixel short or long for rounding; a span
 * too short for a bar at the zoom is a dot of the marker's size over the middle of its
 * days. */

#define MIN_BAR_WIDTH 12.0  /* the layout's default metrics */
#define MARKER_SIZE   12.0
#define RING          4.0   /* the selection's ring around a marker */

static AdwApplication *app;

typedef struct
{
  const char *id;
  const char *name;
} Case;

static const Case cases[] = {
  { "xi-heilongjiang-tour", "heilongjiang" },
  { "cns-seminar-2024", "seminar" },
};

typedef struct
{
  graphene_rect_t bounds;   /* in the timeline's coordinates, clipped */
  gboolean        text;
  gboolean        accent;   /* filled or stroked with the accent colour, opaque */
  gboolean        tinted;   /* with the accent colour, at any opacity */
  guint           n_glyphs; /* of a text */
} Leaf;

static gboolean
is_tint (const GdkRGBA *color,
         const GdkRGBA *accent)
{
  return color->alpha > 0 &&
         fabs (color->red - accent->red) < 0.01 &&
         fabs (color->green - accent->green) < 0.01 &&
         fabs (color->blue - accent->blue) < 0.01;
}

static gboolean
is_accent (const GdkRGBA *color,
           const GdkRGBA *accent)
{
  return color->alpha > 0.99 && is_tint (color, accent);
}

/* Every node that draws something, with its bounds where it ends up: transforms
 * applied, clips intersected. */
static void
collect_leaves (GskRenderNode         *node,
                GskTransform          *transform,
                const graphene_rect_t *clip,
                const GdkRGBA         *accent,
                GArray                *leaves)
{
  Leaf leaf = { 0 };
  graphene_rect_t bounds, clipped;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_leaves (gsk_container_node_get_child (node, i), transform, clip, accent, leaves);
      return;

    case GSK_TRANSFORM_NODE:
      {
        GskTransform *inner = gsk_transform_transform (gsk_transform_ref (transform),
                                                       gsk_transform_node_get_transform (node));

        collect_leaves (gsk_transform_node_get_child (node), inner, clip, accent, leaves);
        gsk_transform_unref (inner);
      }
      return;

    case GSK_CLIP_NODE:
    case GSK_ROUNDED_CLIP_NODE:
      {
        const graphene_rect_t *area = gsk_render_node_get_node_type (node) == GSK_CLIP_NODE
                                      ? gsk_clip_node_get_clip (node)
                                      : &gsk_rounded_clip_node_get_clip (node)->bounds;
        GskRenderNode *child = gsk_render_node_get_node_type (node) == GSK_CLIP_NODE
                               ? gsk_clip_node_get_child (node)
                               : gsk_rounded_clip_node_get_child (node);

        gsk_transform_transform_bounds (transform, area, &bounds);
        if (!graphene_rect_intersection (clip, &bounds, &clipped))
          return;
        collect_leaves (child, transform, &clipped, accent, leaves);
      }
      return;

    case GSK_OPACITY_NODE:
      collect_leaves (gsk_opacity_node_get_child (node), transform, clip, accent, leaves);
      return;

    case GSK_DEBUG_NODE:
      collect_leaves (gsk_debug_node_get_child (node), transform, clip, accent, leaves);
      return;

    case GSK_COLOR_NODE:
      leaf.accent = is_accent (gsk_color_node_get_color (node), accent);
      leaf.tinted = is_tint (gsk_color_node_get_color (node), accent);
      break;

    case GSK_LINEAR_GRADIENT_NODE:
    case GSK_REPEATING_LINEAR_GRADIENT_NODE:
      for (gsize i = 0; i < gsk_linear_gradient_node_get_n_color_stops (node); i++)
        {
          const GdkRGBA *color = &gsk_linear_gradient_node_get_color_stops (node, NULL)[i].color;

          leaf.accent |= is_accent (color, accent);
          leaf.tinted |= is_tint (color, accent);
        }
      break;

    case GSK_BORDER_NODE:
      leaf.accent = is_accent (&gsk_border_node_get_colors (node)[0], accent);
      break;

    case GSK_STROKE_NODE:
      if (gsk_render_node_get_node_type (gsk_stroke_node_get_child (node)) == GSK_COLOR_NODE)
        leaf.accent = is_accent (gsk_color_node_get_color (gsk_stroke_node_get_child (node)), accent);
      break;

    case GSK_FILL_NODE:
      if (gsk_render_node_get_node_type (gsk_fill_node_get_child (node)) == GSK_COLOR_NODE)
        leaf.accent = is_accent (gsk_color_node_get_color (gsk_fill_node_get_child (node)), accent);
      break;

    case GSK_TEXT_NODE:
      leaf.text = TRUE;
      leaf.n_glyphs = gsk_text_node_get_num_glyphs (node);
      break;

    default:
      break;
    }

  gsk_render_node_get_bounds (node, &bounds);
  gsk_transform_transform_bounds (transform, &bounds, &bounds);
  if (!graphene_rect_intersection (clip, &bounds, &leaf.bounds))
    return;
  g_array_append_val (leaves, leaf);
}

static GArray *
widget_leaves (GtkWidget  *widget,
               const char *name)
{
  g_autoptr(GskRenderNode) node = xinzhi_test_snapshot (widget, name);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(GdkRGBA) accent = adw_style_manager_get_accent_color_rgba (style_manager);
  GArray *leaves = g_array_new (FALSE, FALSE, sizeof (Leaf));
  graphene_rect_t all = GRAPHENE_RECT_INIT (-1e6, -1e6, 2e6, 2e6);

  collect_leaves (node, NULL, &all, accent, leaves);
  /* Not the timeline's density band at the top, whose bars stand for counts, not for
   * days. */
  for (guint i = leaves->len; XINZHI_IS_TIMELINE (widget) && i-- > 0;)
    {
      const Leaf *leaf = &g_array_index (leaves, Leaf, i);

      if (leaf->bounds.origin.y + leaf->bounds.size.height <= PADDING_TOP + DENSITY_HEIGHT + 1)
        g_array_remove_index (leaves, i);
    }
  return leaves;
}

/* Where @day is in the timeline, from its visible range. */
static double
day_to_x (XinzhiTimeline *timeline,
          double          day)
{
  double start, end;

  xinzhi_timeline_get_visible_range (timeline, &start, &end);
  return (day - start) * gtk_widget_get_width (GTK_WIDGET (timeline)) / (end - start);
}

typedef struct
{
  double x0;           /* the event's days, in pixels */
  double x1;
  gboolean mark;       /* too short for a bar at this zoom */
  graphene_rect_t drawn;  /* what is drawn of it when selected */
} Expected;

/* Whether @drawn is a cluster's pill: as tall as a bar, with a count ("+3") in it. */
static gboolean
is_cluster_pill (GArray                *leaves,
                 const graphene_rect_t *drawn)
{
  if (fabs (drawn->size.height - BAR_HEIGHT) > 1)
    return FALSE;

  for (guint i = 0; i < leaves->len; i++)
    {
      const Leaf *leaf = &g_array_index (leaves, Leaf, i);

      if (leaf->text && leaf->n_glyphs <= 5 &&
          leaf->bounds.origin.x >= drawn->origin.x &&
          leaf->bounds.origin.x + leaf->bounds.size.width <= drawn->origin.x + drawn->size.width)
        return TRUE;
    }

  return FALSE;
}

/* The selected event's bar or mark: the union of the nodes filled with the accent
 * colour.  Where the event is one of a cluster at this zoom, the selection is the
 * cluster's pill, which stands for several events and claims no days of its own.
 *
 * Returns: whether the event is drawn on its own */
static gboolean
check_selected (XinzhiTimeline *timeline,
                XinzhiEvent    *event,
                const char     *name,
                Expected       *expected)
{
  g_autoptr(GArray) leaves = widget_leaves (GTK_WIDGET (timeline), name);
  graphene_rect_t drawn = { 0 };
  gboolean found = FALSE;
  double middle;

  expected->x0 = day_to_x (timeline, xinzhi_date_first_day (xinzhi_event_get_start (event)));
  expected->x1 = day_to_x (timeline, xinzhi_date_last_day (xinzhi_event_get_end (event)) + 1);
  expected->mark = expected->x1 - expected->x0 < MIN_BAR_WIDTH;
  middle = (expected->x0 + expected->x1) / 2;

  for (guint i = 0; i < leaves->len; i++)
    {
      const Leaf *leaf = &g_array_index (leaves, Leaf, i);

      if (!leaf->accent || leaf->text)
        continue;
      if (found)
        graphene_rect_union (&drawn, &leaf->bounds, &drawn);
      else
        drawn = leaf->bounds;
      found = TRUE;
    }

  g_assert_true (found);
  g_test_message ("%s: days %.1f to %.1f px, drawn %.1f to %.1f px (%s)", name,
                  expected->x0, expected->x1, drawn.origin.x, drawn.origin.x + drawn.size.width,
                  expected->mark ? "a mark" : "a bar");

  if (expected->mark &&
      fabs (drawn.origin.x + drawn.size.width / 2 - middle) > 1 &&
      is_cluster_pill (leaves, &drawn))
    {
      g_test_message ("%s: in a cluster at this zoom", name);
      return FALSE;
    }

  if (expected->mark)
    {
      /* A dot of the marker's size and its ring, over the middle of the days. */
      g_assert_cmpfloat (drawn.size.width, <=, MARKER_SIZE + 2 * RING + 1);
      g_assert_cmpfloat_with_epsilon (drawn.origin.x + drawn.size.width / 2, middle, 1);
    }
  else
    {
      g_assert_cmpfloat_with_epsilon (drawn.origin.x, expected->x0, 1);
      g_assert_cmpfloat_with_epsilon (drawn.origin.x + drawn.size.width, expected->x1, 1);
    }

  expected->drawn = drawn;
  return TRUE;
}

/* Unselected (the view may have changed: the details no longer take room beside the
 * timeline): the event's bar is the shape of a lane that starts where its days start
 * (its mark, the one centred on them), and everything of that lane that meets its days
 * lies within them (the marker's box, for a mark). */
static void
check_unselected (XinzhiTimeline *timeline,
                  XinzhiEvent    *event,
                  const char     *name)
{
  g_autoptr(GArray) leaves = widget_leaves (GTK_WIDGET (timeline), name);
  double x0 = day_to_x (timeline, xinzhi_date_first_day (xinzhi_event_get_start (event)));
  double x1 = day_to_x (timeline, xinzhi_date_last_day (xinzhi_event_get_end (event)) + 1);
  gboolean mark = x1 - x0 < MIN_BAR_WIDTH;
  double lo = mark ? (x0 + x1 - MARKER_SIZE) / 2 : x0;
  double hi = mark ? (x0 + x1 + MARKER_SIZE) / 2 : x1;
  double middle = -1;
  guint n_shapes = 0;

  for (guint i = 0; i < leaves->len; i++)
    {
      const Leaf *leaf = &g_array_index (leaves, Leaf, i);
      double centre = leaf->bounds.origin.y + leaf->bounds.size.height / 2;

      /* Not text, not a tick of the axis or a line of the grid. */
      if (leaf->text || leaf->bounds.size.height > 24 || leaf->bounds.size.height < MARKER_SIZE - 1 ||
          leaf->bounds.size.width < 2 || fabs (leaf->bounds.origin.x - lo) > 1)
        continue;
      if (middle < 0)
        middle = centre;
      /* One lane only: no other event starts on the same day. */
      g_assert_cmpfloat_with_epsilon (centre, middle, 1);
    }
  g_assert_cmpfloat (middle, >=, 0);

  for (guint i = 0; i < leaves->len; i++)
    {
      const Leaf *leaf = &g_array_index (leaves, Leaf, i);
      double lx0 = leaf->bounds.origin.x;
      double lx1 = lx0 + leaf->bounds.size.width;
      double ly0 = leaf->bounds.origin.y;
      double ly1 = ly0 + leaf->bounds.size.height;

      /* Shapes of the lane only: not text, not the grid and bands across all lanes. */
      if (leaf->text || ly0 < middle - 12 || ly1 > middle + 12 || lx1 <= lo || lx0 >= hi)
        continue;

      g_assert_cmpfloat (lx0, >=, lo - 1);
      g_assert_cmpfloat (lx1, <=, hi + 1);
      n_shapes++;
    }

  g_test_message ("%s, not selected: days %.1f to %.1f px, %u shapes within them", name, x0, x1, n_shapes);
  g_assert_cmpuint (n_shapes, >, 0);
}

/* Where the figure puts the days of @event: from @x0 to @x1, in the figure. */
static void
figure_days (XinzhiTimeline *timeline,
             XinzhiEvent    *event,
             double         *x0,
             double         *x1)
{
  guint32 first = xinzhi_date_first_day (xinzhi_event_get_start (event));
  guint32 last = xinzhi_date_last_day (xinzhi_event_get_end (event));

  *x0 = timeline->figure_area.origin.x + xinzhi_timeline_view_day_to_x (&timeline->figure_view, first);
  *x1 = timeline->figure_area.origin.x + xinzhi_timeline_view_day_to_x (&timeline->figure_view, last + 1.0);
}

/* Whether the run of the accent from @a to @b (in the figure) lies within what some
 * shown event may draw: its days, or for a day or a span too short for a bar, a
 * marker over their middle. */
static gboolean
run_within_an_event (XinzhiTimeline *timeline,
                     double          a,
                     double          b)
{
  GListModel *events = xinzhi_timeline_get_model (timeline);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, i);
      double x0, x1, middle;

      if (xinzhi_event_get_start (event)->precision == XINZHI_DATE_PRECISION_NONE)
        continue;
      figure_days (timeline, event, &x0, &x1);
      middle = (x0 + x1) / 2;
      if (x1 - x0 >= MIN_BAR_WIDTH && a >= x0 - 1 && b <= x1 + 1)
        return TRUE;
      if (x1 - x0 < MIN_BAR_WIDTH && a >= middle - MARKER_SIZE / 2 - 1 && b <= middle + MARKER_SIZE / 2 + 1)
        return TRUE;
    }

  return FALSE;
}

/* The exported figure, PNG (twice the size) and SVG (through librsvg's loader for
 * GdkPixbuf): in the timeline's area, every run of the accent, the colour of pins,
 * marks and the hard ends of bars, lies within the days of an event (or its marker);
 * and @event, a span of days, has both its hard ends where its days start and end,
 * on one row. */
static void
check_figure (XinzhiTimelinePage *page,
              XinzhiEvent        *event,
              const char         *name)
{
  XinzhiTimeline *timeline = xinzhi_timeline_page_get_timeline (page);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GdkRGBA accent;
  guint n_runs = 0;

  /* The figure is in the light style, whatever the screen's. */
  adw_accent_color_to_standalone_rgba (adw_style_manager_get_accent_color (style_manager), FALSE, &accent);

  for (guint k = 0; k < 2; k++)
    {
      const char *suffix = k == 0 ? "png" : "svg";
      g_autofree char *basename = g_strdup_printf ("export-timeline-bars-%s.%s", name, suffix);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, basename, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GdkTextureDownloader) downloader = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree guchar *pixels = NULL;
      const graphene_rect_t *area = &timeline->figure_area;
      gboolean both_ends = FALSE;
      double scale, x0, x1;
      int width, height;

      g_assert_true (xinzhi_timeline_page_export (page, file, &error));
      g_assert_no_error (error);
      texture = gdk_texture_new_from_file (file, &error);
      g_assert_no_error (error);
      width = gdk_texture_get_width (texture);
      height = gdk_texture_get_height (texture);
      scale = (double) width / XINZHI_TIMELINE_FIGURE_WIDTH;
      pixels = g_malloc (4 * width * height);
      downloader = gdk_texture_downloader_new (texture);
      gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
      gdk_texture_downloader_download_into (downloader, pixels, 4 * width);
      figure_days (timeline, event, &x0, &x1);
      g_assert_cmpfloat (x1 - x0, >=, MIN_BAR_WIDTH);

#define IS_ACCENT(px, py) \
  (abs (pixels[4 * ((py) * width + (px))] - (int) round (accent.red * 255)) <= 6 && \
   abs (pixels[4 * ((py) * width + (px)) + 1] - (int) round (accent.green * 255)) <= 6 && \
   abs (pixels[4 * ((py) * width + (px)) + 2] - (int) round (accent.blue * 255)) <= 6)

      for (int y = (int) ceil (area->origin.y * scale); y < (int) floor ((area->origin.y + area->size.height) * scale); y++)
        {
          gboolean starts = FALSE, ends = FALSE;

          for (int x = (int) ceil (area->origin.x * scale); x < (int) floor ((area->origin.x + area->size.width) * scale); x++)
            {
              int a = x;
              double run_x0, run_x1;

              if (!IS_ACCENT (x, y))
                continue;
              while (x + 1 < width && IS_ACCENT (x + 1, y))
                x++;
              run_x0 = a / scale;
              run_x1 = (x + 1) / scale;
              n_runs++;
              if (!run_within_an_event (timeline, run_x0, run_x1))
                g_error ("%s: the accent from %.1f to %.1f px on row %d is no event's", basename, run_x0, run_x1, y);
              starts |= fabs (run_x0 - x0) <= 1;
              ends |= fabs (run_x1 - x1) <= 1;
            }
          both_ends |= starts && ends;
        }

#undef IS_ACCENT

      g_test_message ("%s: %s from %.1f to %.1f px", basename, xinzhi_event_get_id (event), x0, x1);
      g_assert_true (both_ends);
    }

  g_assert_cmpuint (n_runs, >, 0);
}

/* A window whose content is @width wide, or near it: the default size counts the
 * frame the X11 backend draws without a compositor, so the window grows by it (as
 * test-sizes does). */
static XinzhiWindow *
open_window (XinzhiCorpus *corpus,
             int           width)
{
  XinzhiWindow *window = xinzhi_window_new (app, corpus, NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (window), "devel");
  gtk_window_set_default_size (GTK_WINDOW (window), width, 760);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));
  xinzhi_test_run_for (300);
  if (gtk_widget_get_width (GTK_WIDGET (window)) != width)
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   2 * width - gtk_widget_get_width (GTK_WIDGET (window)),
                                   2 * 760 - gtk_widget_get_height (GTK_WIDGET (window)));
      xinzhi_test_run_for (300);
    }
  g_test_message ("a window %d px wide", gtk_widget_get_width (GTK_WIDGET (window)));

  return window;
}

static void
test_bars (void)
{
  static const char * const views[] = { "opening", "all", "out" };
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  guint n_marks = 0, n_bars = 0, n_clustered = 0;

  for (guint narrow = 0; narrow < 2; narrow++)
    {
      XinzhiWindow *window = open_window (corpus, narrow ? 360 : 1100);
      XinzhiTimelinePage *page = xinzhi_window_get_timeline_page (window);
      XinzhiTimeline *timeline = xinzhi_timeline_page_get_timeline (page);

      for (guint dark = 0; dark < 2; dark++)
        for (guint v = 0; v < G_N_ELEMENTS (views); v++)
          for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
            {
              XinzhiEvent *event = xinzhi_corpus_lookup_event (corpus, cases[c].id);
              g_autofree char *name = g_strdup_printf ("%s-%s-%s-%s", cases[c].name, views[v],
                                                       dark ? "dark" : "light",
                                                       narrow ? "narrow" : "wide");
              g_autofree char *selected_png = g_strdup_printf ("screenshot-timeline-bars-%s-selected.png", name);
              g_autofree char *plain_png = g_strdup_printf ("screenshot-timeline-bars-%s.png", name);
              Expected expected;

              g_assert_nonnull (event);
              adw_style_manager_set_color_scheme (style_manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);

              /* The opening span, "Show All Events", or that zoomed out twice; then the
               * event, selected, scrolled into view, and the details closed where they
               * would cover the timeline. */
              xinzhi_timeline_page_select_event (page, NULL);
              g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page),
                                                         v == 0 ? "timeline-page.reset" : "timeline-page.fit-all",
                                                         NULL));
              for (guint k = 0; v == 2 && k < 2; k++)
                g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "timeline-page.zoom-out", NULL));
              xinzhi_test_run_for (300);
              xinzhi_timeline_page_select_event (page, event);
              xinzhi_test_run_for (300);
              if (xinzhi_timeline_page_get_collapsed (page))
                g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "timeline-page.close-details", NULL));
              xinzhi_test_run_for (300);
              g_assert_true (xinzhi_timeline_get_selected (timeline) == event);
              g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));

              if (!check_selected (timeline, event, name, &expected))
                {
                  xinzhi_test_save_screenshot (GTK_WIDGET (window), selected_png);
                  n_clustered++;
                  continue;
                }
              xinzhi_test_save_screenshot (GTK_WIDGET (window), selected_png);
              if (expected.mark)
                n_marks++;
              else
                n_bars++;

              /* The same view, nothing selected. */
              xinzhi_timeline_page_select_event (page, NULL);
              xinzhi_test_run_for (300);
              g_assert_null (xinzhi_timeline_get_selected (timeline));
              check_unselected (timeline, event, name);
              xinzhi_test_save_screenshot (GTK_WIDGET (window), plain_png);
            }

      /* The figure, alike in every window and style, with the seminar selected. */
      for (guint dark = 0; dark < 2; dark++)
        {
          XinzhiEvent *seminar = xinzhi_corpus_lookup_event (corpus, "cns-seminar-2024");
          g_autofree char *name = g_strdup_printf ("%s-%s", dark ? "dark" : "light", narrow ? "narrow" : "wide");

          adw_style_manager_set_color_scheme (style_manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
          xinzhi_timeline_page_select_event (page, seminar);
          xinzhi_test_run_for (300);
          check_figure (page, seminar, name);
        }

      xinzhi_test_destroy_window (GTK_WINDOW (window));
    }

  g_test_message ("%u bars and %u marks checked, %u times in a cluster", n_bars, n_marks, n_clustered);
  g_assert_cmpuint (n_bars, >, 0);
  g_assert_cmpuint (n_marks, >, 0);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* The same class of error elsewhere: the Sectors view's chart draws each month's (and
 * each year-only) count as a bar whose height is the count times one unit, with no
 * least height.  For every sector of @corpus: the bars drawn (the shapes in the accent
 * colour, side by side) are exactly as many as the buckets with mentions, and their
 * heights, sorted, are the counts, sorted, times one unit.
 *
 * Returns: how many charts were checked */
static guint
check_sector_charts (XinzhiCorpus *corpus)
{
  GListModel *sectors = xinzhi_corpus_get_sectors (corpus);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *chart = xinzhi_sector_chart_new ();
  guint n_charts = 0;
  double smallest_unit = G_MAXDOUBLE;

  gtk_window_set_default_size (window, 700, 260);
  gtk_window_set_child (window, chart);
  xinzhi_sector_chart_set_corpus (XINZHI_SECTOR_CHART (chart), corpus);
  gtk_window_present (window);
  xinzhi_test_wait_until_mapped (chart);

  for (guint s = 0; s < g_list_model_get_n_items (sectors); s++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, s);
      g_autoptr(XinzhiChartBuckets) buckets = xinzhi_chart_buckets_new (xinzhi_corpus_get_documents (corpus),
                                                                        xinzhi_sector_get_mentions (sector), NULL);
      g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) leaves = NULL;
      g_autoptr(GArray) bars = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
      double unit = 0;

      for (guint k = 0; k < 2; k++)
        {
          GArray *array = k == 0 ? buckets->months : buckets->years;

          for (guint i = 0; i < array->len; i++)
            {
              double n = g_array_index (array, XinzhiChartBucket, i).n_mentions;

              if (n > 0)
                g_array_append_val (counts, n);
            }
        }
      if (counts->len == 0)
        continue;

      xinzhi_sector_chart_set_sector (XINZHI_SECTOR_CHART (chart), sector);
      leaves = widget_leaves (chart, xinzhi_sector_get_name (sector));

      /* A bar is the union of the tinted shapes that share its columns. */
      for (guint i = 0; i < leaves->len; i++)
        {
          const Leaf *leaf = &g_array_index (leaves, Leaf, i);
          gboolean merged = FALSE;

          if (!leaf->tinted || leaf->text || leaf->bounds.size.width < 2)
            continue;
          for (guint j = 0; j < bars->len && !merged; j++)
            {
              graphene_rect_t *bar = &g_array_index (bars, graphene_rect_t, j);

              if (fabs (bar->origin.x - leaf->bounds.origin.x) < 0.5 &&
                  fabs (bar->size.width - leaf->bounds.size.width) < 0.5)
                {
                  graphene_rect_union (bar, &leaf->bounds, bar);
                  merged = TRUE;
                }
            }
          if (!merged)
            g_array_append_val (bars, leaf->bounds);
        }

      g_assert_cmpuint (bars->len, ==, counts->len);
      for (guint i = 0; i < bars->len; i++)
        {
          double height = g_array_index (bars, graphene_rect_t, i).size.height;

          g_array_append_val (heights, height);
        }
      g_array_sort (counts, compare_doubles);
      g_array_sort (heights, compare_doubles);
      unit = g_array_index (heights, double, heights->len - 1) / g_array_index (counts, double, counts->len - 1);
      for (guint i = 0; i < counts->len; i++)
        g_assert_cmpfloat_with_epsilon (g_array_index (heights, double, i),
                                        g_array_index (counts, double, i) * unit, 0.5);
      smallest_unit = MIN (smallest_unit, unit);
      n_charts++;
    }

  g_test_message ("the smallest unit: %.2f px a mention", smallest_unit);
  xinzhi_test_destroy_window (window);
  return n_charts;
}

/* A corpus of two articles: one names hydrogen energy 120 times in January 2024, the
 * other once in March. */
static XinzhiCorpus *
skewed_corpus_new (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus;

  g_string_append (json,
    "{\"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"Skewed\",\n"
    " \"groups\": [{\"id\": \"g\", \"name\": \"Group\", \"name_zh\": \"组\"}],\n"
    " \"sectors\": [{\"id\": \"h\", \"name\": \"Hydrogen energy\", \"name_zh\": \"氢能\",\n"
    "   \"group\": \"g\", \"terms\": [\"hydrogen energy\"]}],\n"
    " \"people\": [], \"quotes\": [], \"events\": [],\n"
    " \"documents\": [\n"
    "  {\"id\": \"many\", \"title\": \"Many\", \"outlet\": \"Daily\", \"date\": \"2024-01-10\",\n"
    "   \"date_text\": \"January 10, 2024\", \"paragraphs\": [{\"text\": \"January 10, 2024.");
  for (guint i = 0; i < 120; i++)
    g_string_append (json, " Hydrogen energy.");
  g_string_append (json,
    "\"}]},\n"
    "  {\"id\": \"one\", \"title\": \"One\", \"outlet\": \"Daily\", \"date\": \"2024-03-10\",\n"
    "   \"date_text\": \"March 10, 2024\", \"paragraphs\": [{\"text\": \"March 10, 2024. Hydrogen energy.\"}]}\n"
    " ]\n}\n");

  bytes = g_bytes_new (json->str, json->len);
  corpus = xinzhi_corpus_new_from_bytes (bytes, "skewed.json", &error);
  g_assert_no_error (error);
  return corpus;
}

/* The built-in corpus, a synthetic one of 400 articles, and one where a sector is named
 * 120 times in a month and once in another, a bar of about a pixel and a half: a least
 * height would show there. */
static void
test_sector_chart (void)
{
  g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(GBytes) bytes = xinzhi_synth_corpus_json (400, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) synthetic = xinzhi_corpus_new_from_bytes (bytes, "synthetic.json", &error);
  g_autoptr(XinzhiCorpus) skewed = skewed_corpus_new ();
  guint n_charts;

  g_assert_no_error (error);
  g_assert_cmpuint (check_sector_charts (skewed), ==, 1);
  n_charts = check_sector_charts (builtin);
  g_test_message ("%u charts of the built-in corpus checked", n_charts);
  g_assert_cmpuint (n_charts, >, 0);
  n_charts = check_sector_charts (synthetic);
  g_test_message ("%u charts of a synthetic corpus checked", n_charts);
  g_assert_cmpuint (n_charts, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  /* Views jump rather than animate, so that each step can be checked at once. */
  app = xinzhi_test_new_application ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/timeline-bars/dates", test_bars);
  g_test_add_func ("/timeline-bars/sector-chart", test_sector_chart);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

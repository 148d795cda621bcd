/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "xinzhi-window.h"
#include "xinzhi-test-ui.h"

/* The four views at a phone's size (360×640) and a desktop's (1920×1080), in the light
 * and the dark style, each with something selected, under the display that build-aux/dev
 * provides.  At each size the window must fit the view (its minimum width is no wider
 * than the window), and at 360 the split views are collapsed.  Saves
 * screenshot-sizes-VIEW-WxH-STYLE.png into the build folder for a person to look at. */

typedef struct
{
  int         width;
  int         height;
  gboolean    dark;
} Size;

static AdwApplication *app;

/* Shows @page and checks that the window still fits it at the size of @size, then
 * saves a screenshot. */
static void
check_view (XinzhiWindow *window,
            GtkWidget    *page,
            const char   *view,
            const Size   *size)
{
  g_autofree char *name = NULL;
  int minimum;

  xinzhi_test_run_for (800);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_test_message ("%s at %d×%d: the window's minimum width is %d", view,
                  size->width, size->height, minimum);
  g_assert_cmpint (minimum, <=, size->width);
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("%s at %d×%d: the view's minimum width is %d", view,
                  size->width, size->height, minimum);
  g_assert_cmpint (minimum, <=, size->width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, size->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, size->height);
  g_assert_cmpint (gtk_widget_get_width (page), <=, size->width);

  if (size->width < 600)
    {
      gboolean collapsed = FALSE;

      g_object_get (page, "collapsed", &collapsed, NULL);
      g_assert_true (collapsed);
    }

  name = g_strdup_printf ("screenshot-sizes-%s-%dx%d-%s.png", view, size->width,
                          size->height, size->dark ? "dark" : "light");
  xinzhi_test_save_screenshot (GTK_WIDGET (window), name);
}

/* On a narrow window the timeline's details cover the timeline; a button leads back. */
static void
check_details_back (XinzhiWindow *window,
                    GtkWidget    *page,
                    const Size   *size)
{
  GtkWidget *back = xinzhi_test_find_actionable (page, "timeline-page.close-details");
  AdwOverlaySplitView *split = ADW_OVERLAY_SPLIT_VIEW (
    xinzhi_test_find_descendant (page, ADW_TYPE_OVERLAY_SPLIT_VIEW));

  g_assert_nonnull (back);
  g_assert_true (gtk_widget_get_mapped (back));
  g_assert_true (adw_overlay_split_view_get_show_sidebar (split));
  g_signal_emit_by_name (back, "clicked");
  g_assert_false (adw_overlay_split_view_get_show_sidebar (split));
  xinzhi_test_run_for (800);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), size->dark
                               ? "screenshot-sizes-timeline-360x640-back-dark.png"
                               : "screenshot-sizes-timeline-360x640-back-light.png");
}

static void
test_sizes (gconstpointer data)
{
  const Size *size = data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (&error);
  XinzhiWindow *window;
  static const char *views[] = { "timeline", "sectors", "quotes", "articles" };

  g_assert_no_error (error);
  adw_style_manager_set_color_scheme (style, size->dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);

  window = xinzhi_window_new (app, corpus, NULL);
  /* The release look: the development stripes need an SVG loader tests may lack. */
  gtk_widget_remove_css_class (GTK_WIDGET (window), "devel");
  gtk_window_set_default_size (GTK_WINDOW (window), size->width, size->height);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));
  xinzhi_test_run_for (300);
  /* The default size counts the frame the X11 backend draws around the window without
   * a compositor: grow the window by it, so that its content has the size asked for
   * (as xinzhi-screenshots does). */
  if (gtk_widget_get_width (GTK_WIDGET (window)) != size->width ||
      gtk_widget_get_height (GTK_WIDGET (window)) != size->height)
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   2 * size->width - gtk_widget_get_width (GTK_WIDGET (window)),
                                   2 * size->height - gtk_widget_get_height (GTK_WIDGET (window)));
      xinzhi_test_run_for (300);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *page = xinzhi_test_show_sample (window, corpus, views[i]);

      check_view (window, page, views[i], size);
      if (g_str_equal (views[i], "timeline") && size->width < 600)
        check_details_back (window, page, size);
      if (g_str_equal (views[i], "sectors"))
        {
          /* The heat map, too, has to fit. */
          xinzhi_sectors_page_set_show_heatmap (XINZHI_SECTORS_PAGE (page), TRUE);
          check_view (window, page, "heatmap", size);
          xinzhi_sectors_page_set_show_heatmap (XINZHI_SECTORS_PAGE (page), FALSE);
        }
    }

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  static const Size sizes[] = {
    { 360, 640, FALSE },
    { 360, 640, TRUE },
    { 1920, 1080, FALSE },
    { 1920, 1080, TRUE },
  };
  g_autoptr(GError) error = NULL;
  int status;

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  /* Registering runs the application's startup, which loads style.css. */
  app = adw_application_new ("io.github.xinzhi.Xinzhi.Test", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sizes/%dx%d/%s", sizes[i].width,
                                               sizes[i].height,
                                               sizes[i].dark ? "dark" : "light");

      g_test_add_data_func (path, &sizes[i], test_sizes);
    }

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the UI tests share: running the main loop, finding widgets, screenshots. */
#include "config.h"

#include "xinzhi-test-ui.h"

static void
set_true_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Runs the main loop for a while, letting the window lay out and paint. */
void
xinzhi_test_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
xinzhi_test_wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  xinzhi_test_run_for (400);
}

GtkWidget *
xinzhi_test_find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = xinzhi_test_find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
xinzhi_test_find_with_css_class (GtkWidget  *widget,
                     const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = xinzhi_test_find_with_css_class (child, css_class)) != NULL)
        return found;
    }

  return NULL;
}

void
xinzhi_test_save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("XINZHI_SCREENSHOT_DIR");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* On a busy machine the window may not have drawn its next frame yet, and there is
   * no node to take: give it up to two seconds. */
  for (guint tries = 0; node == NULL && tries < 20; tries++)
    {
      if (tries > 0)
        xinzhi_test_run_for (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (dir != NULL)
    path = g_build_filename (dir, name, NULL);
  else
    path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* The first visible widget under @widget whose action is @action_name, such as a
 * button a person would press for it. */
GtkWidget *
xinzhi_test_find_actionable (GtkWidget  *widget,
                             const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = xinzhi_test_find_actionable (child, action_name)) != NULL)
        return found;
    }

  return NULL;
}

/* Destroys @window and waits until it is finalized, so that nothing of it outlives
 * the test. */
void
xinzhi_test_destroy_window (GtkWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (window);

  while (window != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* The first run of text that the text view under @widget marks with @tag_name, or
 * NULL. */
char *
xinzhi_test_dup_tagged_text (GtkWidget  *widget,
                             const char *tag_name)
{
  GtkTextView *view = GTK_TEXT_VIEW (xinzhi_test_find_descendant (widget, GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter start, end;

  if (tag == NULL)
    return NULL;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
    return NULL;
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, tag);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* An application registered under a test id, for the windows of a test; it finds the
 * app's resources (style.css) where the app does. */
AdwApplication *
xinzhi_test_new_application (void)
{
  AdwApplication *app = adw_application_new ("io.github.xinzhi.Xinzhi.Test", G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;

  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

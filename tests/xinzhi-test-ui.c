/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers the UI tests share: running the main loop, finding widgets, screenshots. */
#include "config.h"

#include "xinzhi-paced-list.h"
#include "xinzhi-search.h"
#include "xinzhi-test-ui.h"

#include <stdio.h>
#include <stdlib.h>

/* GTK 4.24's X11 backend, on an X server without a compositor such as Xvfb, reports a
 * frame as submitted twice once a popover has been shown (gdk/x11 calls
 * gdk_frame_clock_submitted() from two places): a warning about GTK's own frame
 * bookkeeping, with none of our code on the stack, that G_DEBUG=fatal-warnings would
 * turn into an abort.  That exact message is printed as a note; every other message
 * goes to GLib's writer, fatal as before. */
#define GTK_XVFB_FRAME_WARNING "gdk_frame_timings_submitted() called on submitted frame"

/* A warning one test lets through for a while: see xinzhi_test_tolerate_warning(). */
static char  *tolerated_domain;
static char  *tolerated_prefix;
static guint  n_tolerated;

static GLogWriterOutput
test_log_writer (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if (log_level & G_LOG_LEVEL_WARNING)
    {
      const char *domain = NULL;
      const char *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
            domain = fields[i].value;
          else if (g_str_equal (fields[i].key, "MESSAGE"))
            message = fields[i].value;
        }

      if (g_strcmp0 (domain, "Gdk") == 0 && message != NULL &&
          g_str_has_prefix (message, GTK_XVFB_FRAME_WARNING))
        {
          fprintf (stderr, "note: GTK on Xvfb (not fatal here): Gdk-WARNING: %s\n", message);
          return G_LOG_WRITER_HANDLED;
        }

      if (tolerated_prefix != NULL && g_strcmp0 (domain, tolerated_domain) == 0 &&
          message != NULL && g_str_has_prefix (message, tolerated_prefix))
        {
          n_tolerated++;
          return G_LOG_WRITER_HANDLED;
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
xinzhi_test_ui_init (void)
{
  g_log_set_writer_func (test_log_writer, NULL, NULL);
  /* Each line of the TAP stream as it is written: a test that times out still shows
   * how far it came. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  if (gtk_init_check ())
    return;
  printf ("1..0 # SKIP no display\n");
  fflush (stdout);
  exit (EXIT_SUCCESS);
}

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
      /* Without blocking: nothing else may wake the loop to look at the deadline. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  xinzhi_test_run_for (400);
}

static void
count_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(guint *) user_data)++;
}

/**
 * xinzhi_test_settle:
 * @widget: a widget of a window that shows
 *
 * Runs the main loop a while, then until @widget's window has painted twice more and
 * no list is still taking a large arrival of items a batch a frame (XinzhiPacedList)
 * and no search still runs in a thread (xinzhi_search_set_query_async()), so that what a change asked of the layout is done however slowly the process runs
 * (under AddressSanitizer a frame takes far longer than natively).  Fails after 20 s.
 */
void
xinzhi_test_settle (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint n_painted = 0;
  gulong handler;

  xinzhi_test_run_for (100);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &n_painted);
  while (n_painted < 2 || xinzhi_paced_list_get_n_pacing () > 0 || xinzhi_search_get_n_searching () > 0)
    {
      gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
}

/* The first widget under @widget, depth first, for which @match says yes. */
GtkWidget *
xinzhi_test_find_matching (GtkWidget              *widget,
                           XinzhiTestWidgetMatch   match,
                           gconstpointer           data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = xinzhi_test_find_matching (child, match, data)) != NULL)
        return found;
    }

  return NULL;
}

typedef const char *(*GetIdFunc) (gpointer item);

/* The item of @model whose id is @id; the model keeps it alive. */
static gpointer
find_by_id (GListModel *model,
            GetIdFunc   get_id,
            const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (get_id (item), id) == 0)
        return item;
    }

  g_error ("the built-in corpus has no “%s”", id);
}

GtkWidget *
xinzhi_test_show_sample (XinzhiWindow *window,
                         XinzhiCorpus *corpus,
                         const char   *view)
{
  AdwViewStack *stack = ADW_VIEW_STACK (xinzhi_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  GtkWidget *page;

  g_assert (stack != NULL);
  if (g_str_equal (view, "timeline"))
    {
      page = GTK_WIDGET (xinzhi_window_get_timeline_page (window));
      adw_view_stack_set_visible_child_name (stack, view);
      xinzhi_timeline_page_select_event (XINZHI_TIMELINE_PAGE (page),
                                         find_by_id (xinzhi_corpus_get_events (corpus),
                                                     (GetIdFunc) xinzhi_event_get_id,
                                                     "politburo-study-session-2024"));
    }
  else if (g_str_equal (view, "sectors"))
    {
      page = GTK_WIDGET (xinzhi_window_get_sectors_page (window));
      adw_view_stack_set_visible_child_name (stack, view);
      xinzhi_sectors_page_select_sector (XINZHI_SECTORS_PAGE (page),
                                         find_by_id (xinzhi_corpus_get_sectors (corpus),
                                                     (GetIdFunc) xinzhi_sector_get_id,
                                                     "artificial-intelligence"));
    }
  else if (g_str_equal (view, "quotes"))
    {
      page = GTK_WIDGET (xinzhi_window_get_quotes_page (window));
      adw_view_stack_set_visible_child_name (stack, view);
      xinzhi_quotes_page_select_quote (XINZHI_QUOTES_PAGE (page),
                                       find_by_id (xinzhi_corpus_get_quotes (corpus),
                                                   (GetIdFunc) xinzhi_quote_get_id,
                                                   "li-future-industries-forces"));
    }
  else if (g_str_equal (view, "articles"))
    {
      page = GTK_WIDGET (xinzhi_window_get_articles_page (window));
      adw_view_stack_set_visible_child_name (stack, view);
      xinzhi_articles_page_select_document (XINZHI_ARTICLES_PAGE (page),
                                            find_by_id (xinzhi_corpus_get_documents (corpus),
                                                        (GetIdFunc) xinzhi_document_get_id,
                                                        "pd-two-sessions-explainer"));
    }
  else
    g_error ("no view “%s”", view);

  return page;
}

/* A window of @app on @corpus, @width × @height, in the release look (the development
 * stripes need an SVG loader tests may lack), shown and mapped. */
XinzhiWindow *
xinzhi_test_present_window (AdwApplication *app,
                            XinzhiCorpus   *corpus,
                            int             width,
                            int             height)
{
  return xinzhi_test_present_window_with_settings (app, corpus, NULL, width, height);
}

/* The same, with @settings (nullable) for the window rather than its own: for a test
 * that reads or sets what the window remembers. */
XinzhiWindow *
xinzhi_test_present_window_with_settings (AdwApplication *app,
                                          XinzhiCorpus   *corpus,
                                          GSettings      *settings,
                                          int             width,
                                          int             height)
{
  XinzhiWindow *window = xinzhi_window_new (app, corpus, settings);

  gtk_widget_remove_css_class (GTK_WIDGET (window), "devel");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));

  return window;
}

/* Shows the view named @view of @window, and lets it settle. */
void
xinzhi_test_show_view (XinzhiWindow *window,
                       const char   *view)
{
  AdwViewStack *stack = ADW_VIEW_STACK (xinzhi_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, view);
  xinzhi_test_run_for (300);
}

/* Runs the main loop until @window shows a corpus other than @before, opened from a
 * file; an alert meanwhile says what went wrong, and fails the test. */
void
xinzhi_test_wait_for_corpus_file (XinzhiWindow *window,
                                  XinzhiCorpus *before)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (xinzhi_window_get_corpus_file (window) == NULL ||
         xinzhi_window_get_corpus (window) == before)
    {
      AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

      if (ADW_IS_ALERT_DIALOG (dialog))
        g_error ("%s: %s", adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)),
                 adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Waits for @window to present a dialog, and returns it. */
AdwDialog *
xinzhi_test_wait_for_dialog (GtkWidget *window)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  AdwDialog *dialog;

  while ((dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return dialog;
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

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Waits until the widget's window has painted a frame since now, so that a snapshot
 * shows the state the test just set up (a style change, a resize), however loaded the
 * machine is. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_signal_handler_disconnect (clock, handler);
  if (!painted)
    g_error ("%s: no frame painted within 10 s", G_STRFUNC);
}

/**
 * xinzhi_test_snapshot:
 * @widget: a widget that shows
 * @name: what the picture is for, in messages
 *
 * Waits for a frame to be painted and takes the render node of @widget as it was
 * drawn, in its own coordinates.
 *
 * Returns: (transfer full): the node
 */
GskRenderNode *
xinzhi_test_snapshot (GtkWidget  *widget,
                      const char *name)
{
  GskRenderNode *node = NULL;

  /* Under load, a window that is mapped, drawn and painted now and then still gives no
   * node at all; each retry waits for another painted frame, and says so. */
  for (guint tries = 0; node == NULL && tries < 10; tries++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      GtkSnapshot *snapshot;

      if (tries > 0)
        g_test_message ("%s: no picture of the window yet, waiting for another frame", name);
      wait_for_frame (widget);
      /* Made after the frame: a widget paintable holds the image of the frame before it. */
      paintable = gtk_widget_paintable_new (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                              gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  return node;
}

void
xinzhi_test_save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GskRenderNode) node = xinzhi_test_snapshot (widget, name);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("XINZHI_SCREENSHOT_DIR");
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

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

/**
 * xinzhi_test_tolerate_warning:
 * @domain: (nullable): the log domain of the warning, or %NULL to stop
 * @prefix: (nullable): how its message starts
 *
 * Lets warnings of @domain whose message starts with @prefix through, counted, until
 * called again with %NULL; every other warning stays fatal.  For a warning GTK gives
 * about its own state that a test cannot avoid; say why where it is called.
 */
void
xinzhi_test_tolerate_warning (const char *domain,
                              const char *prefix)
{
  g_clear_pointer (&tolerated_domain, g_free);
  g_clear_pointer (&tolerated_prefix, g_free);
  tolerated_domain = g_strdup (domain);
  tolerated_prefix = domain != NULL ? g_strdup (prefix) : NULL;
}

/* How many warnings xinzhi_test_tolerate_warning() let through so far. */
guint
xinzhi_test_get_n_tolerated (void)
{
  return n_tolerated;
}

/* ---- Timing a change to the next frame that shows it (the benchmarks) ------------- */

/* For a benchmark of the window: GTK and libadwaita set up as for a UI test, without
 * an accessibility bus (unless asked for one: it only adds noise) or animations, and
 * the application its windows belong to. */
AdwApplication *
xinzhi_test_bench_init (void)
{
  g_setenv ("GTK_A11Y", "none", FALSE);
  xinzhi_test_ui_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return xinzhi_test_new_application ();
}

struct _XinzhiTestFrameTimer
{
  GdkFrameClock *clock;
  gulong         before_id;
  gulong         after_id;
  gint64         start;         /* when the change began */
  gint64         change_end;    /* when it was made */
  gint64         before_paint;  /* when the current frame began painting */
  gint64         work;          /* the frame's work, once it ends */
  gboolean       done;
};

static void
frame_before_paint_cb (GdkFrameClock        *clock,
                       XinzhiTestFrameTimer *self)
{
  self->before_paint = g_get_monotonic_time ();
}

static void
frame_after_paint_cb (GdkFrameClock        *clock,
                      XinzhiTestFrameTimer *self)
{
  /* Only a frame that began after the change shows it. */
  if (self->change_end > 0 && self->before_paint >= self->change_end && !self->done)
    {
      self->work = g_get_monotonic_time () - self->before_paint;
      self->done = TRUE;
    }
}

/* A timer for changes shown in @widget's window, which must be mapped. */
XinzhiTestFrameTimer *
xinzhi_test_frame_timer_new (GtkWidget *widget)
{
  XinzhiTestFrameTimer *self = g_new0 (XinzhiTestFrameTimer, 1);

  g_assert (gtk_widget_get_mapped (widget));
  self->clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->before_id = g_signal_connect (self->clock, "before-paint", G_CALLBACK (frame_before_paint_cb), self);
  self->after_id = g_signal_connect (self->clock, "after-paint", G_CALLBACK (frame_after_paint_cb), self);
  return self;
}

void
xinzhi_test_frame_timer_free (XinzhiTestFrameTimer *self)
{
  g_signal_handler_disconnect (self->clock, self->before_id);
  g_signal_handler_disconnect (self->clock, self->after_id);
  g_object_unref (self->clock);
  g_free (self);
}

/* Call just before making a change. */
void
xinzhi_test_frame_timer_start (XinzhiTestFrameTimer *self)
{
  self->done = FALSE;
  self->change_end = 0;
  self->start = g_get_monotonic_time ();
}

/* Call just after making it: queues a frame of @widget, waits for the first frame that
 * begins after the change, and returns, in ms, the change's own time plus that frame's
 * work, from its before-paint to its after-paint (layout, snapshot and render; not the
 * wait for the frame clock's tick). */
double
xinzhi_test_frame_timer_finish (XinzhiTestFrameTimer *self,
                                GtkWidget            *widget)
{
  gint64 deadline;

  self->change_end = g_get_monotonic_time ();
  gtk_widget_queue_draw (widget);
  deadline = self->change_end + 30 * G_USEC_PER_SEC;
  while (!self->done)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no frame within 30 s of a change (the last began %" G_GINT64_FORMAT " µs after it)",
                 self->before_paint - self->change_end);
      g_main_context_iteration (NULL, TRUE);
    }

  return ((self->change_end - self->start) + self->work) / 1000.0;
}

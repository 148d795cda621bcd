/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "timeline-synthetic.h"
#include "xinzhi-corpus.h"
#include "xinzhi-timeline-private.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-test-data.h"

/* The timeline on the built-in corpus, under a display, 1000 × 300: the opening span,
 * keyboard navigation in date order (through the key bindings themselves), zoom and
 * the actions, selection that scrolls into view, activation, the accessible
 * description, and screenshots for a person to look at. */

typedef struct
{
  XinzhiCorpus *corpus;
  GtkWindow    *window;
  GtkWidget    *timeline;
} Fixture;

static void
set_true_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add_once (ms, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_show (Fixture      *fixture,
              XinzhiCorpus *corpus)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint32 first_day, last_day;

  fixture->corpus = corpus;
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (fixture->window, FALSE);
  gtk_window_set_default_size (fixture->window, 1000, 300);

  fixture->timeline = xinzhi_timeline_new ();
  xinzhi_timeline_set_model (XINZHI_TIMELINE (fixture->timeline),
                             xinzhi_corpus_get_events (corpus));
  /* As the timeline page does: the corpus's own home span. */
  g_assert_true (xinzhi_corpus_get_home_span (corpus, &first_day, &last_day));
  xinzhi_timeline_set_home_span (XINZHI_TIMELINE (fixture->timeline), first_day, last_day + 1.0);
  xinzhi_timeline_reset_view (XINZHI_TIMELINE (fixture->timeline));
  gtk_window_set_child (fixture->window, fixture->timeline);
  gtk_window_present (fixture->window);

  while (!gtk_widget_get_mapped (fixture->timeline) ||
         gtk_widget_get_width (fixture->timeline) != 1000)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  run_for (200);
  g_assert_cmpint (gtk_widget_get_height (fixture->timeline), ==, 300);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus = xinzhi_corpus_new_builtin (&error);

  g_assert_no_error (error);
  fixture_show (fixture, corpus);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWidget *timeline = fixture->timeline;

  /* Nothing keeps the timeline alive once its window is gone. */
  g_object_add_weak_pointer (G_OBJECT (timeline), (gpointer *) &timeline);
  gtk_window_destroy (fixture->window);
  while (timeline != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_finalize_object (fixture->corpus);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("XINZHI_SCREENSHOT_DIR");
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  run_for (100);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (dir != NULL)
    path = g_build_filename (dir, name, NULL);
  else
    path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* Presses a key through the widget's own bindings: finds the shortcut that the key
 * triggers and runs its action, as GTK does for a key event.
 *
 * Returns: whether the action ran (it does not when it is disabled) */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                   GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                   widget,
                                                   gtk_shortcut_get_arguments (shortcut));
            }
        }
    }

  g_error ("no binding for key %s", gdk_keyval_name (keyval));
  return FALSE;
}

static void
get_range (Fixture *fixture,
           double  *start,
           double  *end)
{
  xinzhi_timeline_get_visible_range (XINZHI_TIMELINE (fixture->timeline), start, end);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  XinzhiEvent *ea = *(XinzhiEvent **) a;
  XinzhiEvent *eb = *(XinzhiEvent **) b;
  guint32 sa = xinzhi_date_first_day (xinzhi_event_get_start (ea));
  guint32 sb = xinzhi_date_first_day (xinzhi_event_get_start (eb));
  guint32 fa = xinzhi_date_last_day (xinzhi_event_get_end (ea));
  guint32 fb = xinzhi_date_last_day (xinzhi_event_get_end (eb));

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return fa < fb ? -1 : fa > fb;
}

/* ------------------------------------------------------------------------------------ */

static void
test_opening_span (Fixture       *fixture,
                   gconstpointer  data)
{
  double start, end, property;

  get_range (fixture, &start, &end);
  g_assert_cmpfloat (start, <=, xinzhi_test_julian (2023, 9, 1));
  g_assert_cmpfloat (end, >=, xinzhi_test_julian (2024, 4, 1));
  /* Fitted: no more than the margins around it, the one on the right wide enough for
   * the titles of the events of 5 March 2024. */
  g_assert_cmpfloat (end - start, <, 1.5 * (xinzhi_test_julian (2024, 4, 1) - xinzhi_test_julian (2023, 9, 1)));
  g_assert_cmpfloat (xinzhi_test_julian (2023, 9, 1) - start, <, 10);

  g_object_get (fixture->timeline, "visible-start", &property, NULL);
  g_assert_cmpfloat (property, ==, start);
  g_object_get (fixture->timeline, "visible-end", &property, NULL);
  g_assert_cmpfloat (property, ==, end);

  g_assert_true (gtk_widget_get_focusable (fixture->timeline));
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (fixture->timeline),
                                               GTK_ACCESSIBLE_ROLE_GROUP));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->timeline),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");

  /* Resizing keeps the days shown. */
  gtk_window_set_default_size (fixture->window, 700, 300);
  while (gtk_widget_get_width (fixture->timeline) != 700)
    g_main_context_iteration (NULL, TRUE);
  get_range (fixture, &property, NULL);
  g_assert_cmpfloat (property, ==, start);
}

static void
test_keyboard_navigation (Fixture       *fixture,
                          gconstpointer  data)
{
  XinzhiTimeline *timeline = XINZHI_TIMELINE (fixture->timeline);
  GListModel *events = xinzhi_corpus_get_events (fixture->corpus);
  guint n = g_list_model_get_n_items (events);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  XinzhiEvent *previous = NULL;
  guint notified = 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (events, i));
  g_ptr_array_sort (sorted, compare_events);

  g_signal_connect_swapped (timeline, "notify::selected", G_CALLBACK (set_true_cb), &notified);
  g_assert_null (xinzhi_timeline_get_selected (timeline));

  /* Home, then Right through every event: each once, in date order. */
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Home, 0));
  g_assert_true (xinzhi_timeline_get_selected (timeline) == g_ptr_array_index (sorted, 0));
  g_assert_true (notified);

  for (guint i = 0; i < n; i++)
    {
      XinzhiEvent *event = xinzhi_timeline_get_selected (timeline);
      g_autofree char *date = xinzhi_event_dup_date_label (event);
      g_autofree char *description = g_strdup_printf ("%s: %s", date, xinzhi_event_get_title (event));

      g_assert_nonnull (event);
      g_assert_false (g_hash_table_contains (seen, event));
      g_hash_table_add (seen, event);
      g_test_message ("%u: %s", i, description);

      if (previous != NULL)
        g_assert_cmpint (compare_events (&previous, &event), <=, 0);
      g_assert_true (event == g_ptr_array_index (sorted, i));

      /* The selection shows, and screen readers hear of it. */
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
      {
        double start, end;
        guint32 first = xinzhi_date_first_day (xinzhi_event_get_start (event));
        guint32 last = xinzhi_date_last_day (xinzhi_event_get_end (event));

        get_range (fixture, &start, &end);
        g_assert_cmpfloat (last + 1, >, start);
        g_assert_cmpfloat (first, <, end);
      }

      previous = event;
      if (i + 1 < n)
        g_assert_true (press_key (fixture->timeline, GDK_KEY_Right, 0));
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, n);

  /* Right at the end stays; Left goes back; End and Home jump. */
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Right, 0));
  g_assert_true (xinzhi_timeline_get_selected (timeline) == g_ptr_array_index (sorted, n - 1));
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Left, 0));
  g_assert_true (xinzhi_timeline_get_selected (timeline) == g_ptr_array_index (sorted, n - 2));
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Home, 0));
  g_assert_true (xinzhi_timeline_get_selected (timeline) == g_ptr_array_index (sorted, 0));
  g_assert_true (press_key (fixture->timeline, GDK_KEY_End, 0));
  g_assert_true (xinzhi_timeline_get_selected (timeline) == g_ptr_array_index (sorted, n - 1));

  /* The same through the actions. */
  g_assert_true (gtk_widget_activate_action (fixture->timeline, "timeline.select-previous", NULL));
  g_assert_true (xinzhi_timeline_get_selected (timeline) == g_ptr_array_index (sorted, n - 2));

  xinzhi_timeline_set_selected (timeline, NULL);
  g_assert_null (xinzhi_timeline_get_selected (timeline));
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  XinzhiTimeline *timeline = XINZHI_TIMELINE (fixture->timeline);
  double start, end, span, zoomed_start, zoomed_end, opening_start, opening_end;

  get_range (fixture, &opening_start, &opening_end);
  span = opening_end - opening_start;

  /* Zooming from a button or a key keeps the middle in place. */
  g_assert_true (gtk_widget_activate_action (fixture->timeline, "timeline.zoom-in", NULL));
  get_range (fixture, &zoomed_start, &zoomed_end);
  g_assert_cmpfloat_with_epsilon (zoomed_end - zoomed_start, span / 1.5, 1e-6);
  g_assert_cmpfloat_with_epsilon ((zoomed_start + zoomed_end) / 2, (opening_start + opening_end) / 2, 1e-6);

  g_assert_true (press_key (fixture->timeline, GDK_KEY_minus, 0));
  get_range (fixture, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, span, 1e-6);

  g_assert_true (press_key (fixture->timeline, GDK_KEY_plus, GDK_CONTROL_MASK));
  g_assert_true (press_key (fixture->timeline, GDK_KEY_equal, 0));
  get_range (fixture, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, span / 2.25, 1e-6);

  /* Shift+Right pans by a quarter of the width. */
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Right, GDK_SHIFT_MASK));
  get_range (fixture, &zoomed_start, &zoomed_end);
  g_assert_cmpfloat_with_epsilon (zoomed_start - start, (end - start) / 4, 1e-6);
  g_assert_cmpfloat_with_epsilon (zoomed_end - zoomed_start, end - start, 1e-6);

  /* 0 returns to the opening span. */
  g_assert_true (press_key (fixture->timeline, GDK_KEY_0, 0));
  get_range (fixture, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, opening_start, 1e-6);
  g_assert_cmpfloat_with_epsilon (end, opening_end, 1e-6);

  /* Zoomed all the way in, zoom-in is disabled. */
  for (guint i = 0; i < 30; i++)
    xinzhi_timeline_zoom_in (timeline);
  get_range (fixture, &start, &end);
  g_assert_cmpfloat_with_epsilon (end - start, 3, 1e-6);
  g_assert_false (press_key (fixture->timeline, GDK_KEY_plus, 0));
  get_range (fixture, &zoomed_start, &zoomed_end);
  g_assert_cmpfloat (zoomed_start, ==, start);
  g_assert_cmpfloat (zoomed_end, ==, end);

  /* Fit all shows every event, the year 2024 of the Global Innovation Index included. */
  g_assert_true (gtk_widget_activate_action (fixture->timeline, "timeline.fit-all", NULL));
  get_range (fixture, &start, &end);
  g_assert_cmpfloat (start, <=, xinzhi_test_julian (2023, 9, 1));
  g_assert_cmpfloat (end, >=, xinzhi_test_julian (2025, 1, 1));

  xinzhi_timeline_reset_view (timeline);
  get_range (fixture, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, opening_start, 1e-6);
}

static void
activate_event_cb (XinzhiTimeline  *timeline,
                   XinzhiEvent     *event,
                   XinzhiEvent    **activated)
{
  *activated = event;
}

static void
test_selection_scrolls (Fixture       *fixture,
                        gconstpointer  data)
{
  XinzhiTimeline *timeline = XINZHI_TIMELINE (fixture->timeline);
  XinzhiEvent *seminar = xinzhi_corpus_lookup_event (fixture->corpus, "cns-seminar-2024");
  XinzhiEvent *activated = NULL;
  double start, end;

  g_assert_nonnull (seminar);
  get_range (fixture, &start, &end);
  g_assert_cmpfloat (end, <, xinzhi_test_julian (2024, 6, 17));

  /* June 2024 is outside the opening span: selecting the seminar pans to it. */
  g_object_set (timeline, "selected", seminar, NULL);
  g_assert_true (xinzhi_timeline_get_selected (timeline) == seminar);
  get_range (fixture, &start, &end);
  g_assert_cmpfloat (start, <, xinzhi_test_julian (2024, 6, 17));
  g_assert_cmpfloat (end, >, xinzhi_test_julian (2024, 6, 28));

  /* Enter activates it. */
  g_signal_connect (timeline, "activate-event", G_CALLBACK (activate_event_cb), &activated);
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Return, 0));
  g_assert_true (activated == seminar);
  activated = NULL;
  g_assert_true (press_key (fixture->timeline, GDK_KEY_space, 0));
  g_assert_true (activated == seminar);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  XinzhiTimeline *timeline = XINZHI_TIMELINE (fixture->timeline);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  save_screenshot (GTK_WIDGET (fixture->window), "screenshot-timeline-plain.png");

  /* Selected and focused, as after a click. */
  gtk_widget_grab_focus (fixture->timeline);
  gtk_window_set_focus_visible (fixture->window, TRUE);
  xinzhi_timeline_set_selected (timeline,
                                xinzhi_corpus_lookup_event (fixture->corpus, "politburo-study-session-2024"));
  xinzhi_timeline_reset_view (timeline);
  save_screenshot (GTK_WIDGET (fixture->window), "screenshot-timeline.png");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (GTK_WIDGET (fixture->window), "screenshot-timeline-dark.png");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  xinzhi_timeline_fit_all (timeline);
  save_screenshot (GTK_WIDGET (fixture->window), "screenshot-timeline-all.png");

  /* In a tall pane the content sits on its axis. */
  gtk_window_set_default_size (fixture->window, 1000, 560);
  while (gtk_widget_get_height (fixture->timeline) != 560)
    g_main_context_iteration (NULL, TRUE);
  xinzhi_timeline_reset_view (timeline);
  save_screenshot (GTK_WIDGET (fixture->window), "screenshot-timeline-tall.png");
}

/* The last span the timeline chose. */
typedef struct
{
  guint   n;
  guint32 first;
  guint32 last;
} Chosen;

static void
span_chosen_cb (XinzhiTimeline *timeline,
                guint           first,
                guint           last,
                Chosen         *chosen)
{
  chosen->n++;
  chosen->first = first;
  chosen->last = last;
  /* As the page does: the span chosen is the one drawn. */
  xinzhi_timeline_set_span (timeline, first, last);
}

/* Ctrl+Left and Right move the span by its unit, Ctrl+Shift+Left and Right its end:
 * months stay months, days days; never an end before the start; the view follows. */
static void
test_span_keys (Fixture       *fixture,
                gconstpointer  data)
{
  XinzhiTimeline *timeline = XINZHI_TIMELINE (fixture->timeline);
  Chosen chosen = { 0 };
  double start, end;

  g_signal_connect (timeline, "span-chosen", G_CALLBACK (span_chosen_cb), &chosen);

  /* No span: nothing to move. */
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpuint (chosen.n, ==, 0);

  /* March 2024, by months. */
  xinzhi_timeline_set_span (timeline, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31));
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpuint (chosen.n, ==, 1);
  g_assert_cmpuint (chosen.first, ==, xinzhi_test_julian (2024, 4, 1));
  g_assert_cmpuint (chosen.last, ==, xinzhi_test_julian (2024, 4, 30));
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Right, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpuint (chosen.first, ==, xinzhi_test_julian (2024, 4, 1));
  g_assert_cmpuint (chosen.last, ==, xinzhi_test_julian (2024, 5, 31));
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Left, GDK_CONTROL_MASK));
  g_assert_cmpuint (chosen.first, ==, xinzhi_test_julian (2024, 3, 1));
  g_assert_cmpuint (chosen.last, ==, xinzhi_test_julian (2024, 4, 30));

  /* 5 to 10 March 2024, by days; a day's span cannot lose its last day. */
  xinzhi_timeline_set_span (timeline, xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 3, 10));
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpuint (chosen.first, ==, xinzhi_test_julian (2024, 3, 6));
  g_assert_cmpuint (chosen.last, ==, xinzhi_test_julian (2024, 3, 11));
  xinzhi_timeline_set_span (timeline, xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 3, 5));
  chosen.n = 0;
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpuint (chosen.n, ==, 0);

  /* Moved past the view's edge, the span takes the view with it. */
  xinzhi_timeline_set_visible_range (timeline, xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 4, 1));
  xinzhi_timeline_set_span (timeline, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31));
  g_assert_true (press_key (fixture->timeline, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpuint (chosen.first, ==, xinzhi_test_julian (2024, 4, 1));
  get_range (fixture, &start, &end);
  g_assert_cmpfloat (start, <=, xinzhi_test_julian (2024, 4, 1));
  g_assert_cmpfloat (end, >=, xinzhi_test_julian (2024, 5, 1));
  g_assert_cmpfloat_with_epsilon (end - start, xinzhi_test_julian (2024, 4, 1) - xinzhi_test_julian (2024, 1, 1), 1e-6);
}

static void
count_activated_cb (XinzhiTimeline *timeline,
                    XinzhiEvent    *event,
                    gpointer        user_data)
{
  (*(guint *) user_data)++;
}

static void
test_dense (void)
{
  Fixture fixture = { 0 };
  XinzhiTimeline *timeline;
  double start, end;

  fixture_show (&fixture, synthetic_corpus_new (600, 7));
  timeline = XINZHI_TIMELINE (fixture.timeline);

  /* Its home span is its three years, as Show All Events's: the clusters show at the
   * span of the built-in corpus instead, as they always have. */
  xinzhi_timeline_set_home_span (timeline, xinzhi_test_julian (2023, 9, 1), xinzhi_test_julian (2024, 4, 1));
  xinzhi_timeline_reset_view (timeline);

  save_screenshot (GTK_WIDGET (fixture.window), "screenshot-timeline-dense.png");

  /* A cluster opens in place: its events listed with their dates; choosing one
   * selects it and closes the list. */
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new ();
    const XinzhiTimelineItem *cluster = NULL;
    g_autoptr(GArray) members = NULL;
    GtkWidget *row;
    guint n_rows = 0, n_activated = 0;

    xinzhi_timeline_layout_query_items (timeline->painter->layout, &timeline->view, items);
    for (guint i = 0; i < items->len && cluster == NULL; i++)
      if (((const XinzhiTimelineItem *) g_ptr_array_index (items, i))->kind == XINZHI_TIMELINE_ITEM_CLUSTER)
        cluster = g_ptr_array_index (items, i);
    g_assert_nonnull (cluster);
    members = g_array_new (FALSE, FALSE, sizeof (guint));
    g_array_append_vals (members, cluster->members, cluster->n_members);

    _xinzhi_timeline_open_cluster (timeline, cluster);
    xinzhi_test_settle (GTK_WIDGET (fixture.window));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (timeline->cluster_popover)));
    for (row = gtk_widget_get_first_child (GTK_WIDGET (timeline->cluster_list)); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      n_rows++;
    g_test_message ("a cluster of %u events opened in place", members->len);
    g_assert_cmpuint (n_rows, ==, members->len);
    /* The popover is a surface of its own: its picture apart. */
    save_screenshot (GTK_WIDGET (timeline->cluster_popover), "screenshot-timeline-cluster.png");

    row = GTK_WIDGET (gtk_list_box_get_row_at_index (timeline->cluster_list, 1));
    g_signal_emit_by_name (timeline->cluster_list, "row-activated", row);
    xinzhi_test_settle (GTK_WIDGET (fixture.window));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (timeline->cluster_popover)));
    g_assert_true (xinzhi_timeline_get_selected (timeline) ==
                   _xinzhi_timeline_get_event (timeline, g_array_index (members, guint, 1)));

    /* Enter on the event, which the zoom still folds into the cluster, opens the
     * cluster again, at that event, rather than going to its article. */
    g_signal_connect (timeline, "activate-event", G_CALLBACK (count_activated_cb), &n_activated);
    gtk_widget_grab_focus (GTK_WIDGET (timeline));
    /* As after a key press, so that the picture shows the focus. */
    gtk_window_set_focus_visible (GTK_WINDOW (fixture.window), TRUE);
    gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.activate", NULL);
    xinzhi_test_settle (GTK_WIDGET (fixture.window));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (timeline->cluster_popover)));
    g_assert_cmpuint (n_activated, ==, 0);
    row = GTK_WIDGET (gtk_list_box_get_row_at_index (timeline->cluster_list, 1));
    g_assert_true (gtk_widget_is_focus (row));
    save_screenshot (GTK_WIDGET (timeline->cluster_popover), "screenshot-timeline-cluster-enter.png");
    gtk_popover_popdown (timeline->cluster_popover);
    g_signal_handlers_disconnect_by_func (timeline, count_activated_cb, &n_activated);
    xinzhi_timeline_set_selected (timeline, NULL);
  }
  xinzhi_timeline_fit_all (timeline);
  save_screenshot (GTK_WIDGET (fixture.window), "screenshot-timeline-dense-all.png");

  xinzhi_timeline_set_visible_range (timeline, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 15));
  get_range (&fixture, &start, &end);
  g_assert_cmpfloat (start, ==, xinzhi_test_julian (2024, 3, 1));
  save_screenshot (GTK_WIDGET (fixture.window), "screenshot-timeline-days.png");

  /* Right with nothing selected picks the first event that shows. */
  g_assert_true (press_key (fixture.timeline, GDK_KEY_Right, 0));
  g_assert_nonnull (xinzhi_timeline_get_selected (timeline));
  g_assert_cmpuint (xinzhi_date_last_day (xinzhi_event_get_end (xinzhi_timeline_get_selected (timeline))) + 1, >, start);

  fixture_teardown (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible properties are checked, so they need an accessibility context,
   * whatever the environment says: AT-SPI's, on the session bus that build-aux/dev runs
   * the tests with.  (GTK 4.18's "test" context crashes in gtk_accessible_announce().) */
  g_setenv ("GTK_A11Y", "atspi", TRUE);

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Views jump rather than animate, so that each step can be checked at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/timeline/opening-span", Fixture, NULL,
              fixture_setup, test_opening_span, fixture_teardown);
  g_test_add ("/timeline/keyboard-navigation", Fixture, NULL,
              fixture_setup, test_keyboard_navigation, fixture_teardown);
  g_test_add ("/timeline/zoom", Fixture, NULL,
              fixture_setup, test_zoom, fixture_teardown);
  g_test_add ("/timeline/span-keys", Fixture, NULL,
              fixture_setup, test_span_keys, fixture_teardown);
  g_test_add ("/timeline/selection-scrolls", Fixture, NULL,
              fixture_setup, test_selection_scrolls, fixture_teardown);
  g_test_add ("/timeline/screenshot", Fixture, NULL,
              fixture_setup, test_screenshot, fixture_teardown);
  g_test_add_func ("/timeline/dense", test_dense);

  return g_test_run ();
}

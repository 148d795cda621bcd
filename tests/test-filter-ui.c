/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "xinzhi-paced-list.h"
#include "xinzhi-synth.h"
#include "xinzhi-window.h"
#include "xinzhi-test-ui.h"

/* The filters every view shares, under a display: a sector added from its page and a
 * person from theirs narrow the timeline, the quotes and the articles at once, as the
 * model says, and show as chips; the timeline's dropdowns are the same filter; an
 * article's menu adds its outlet; removing a chip, "Clear Filters" in an empty view and
 * "Clear All" undo them; changing filters leaves no history; a link to something
 * hidden removes the filters that hide it; the timeline's event list keeps the event
 * selected through a change of the span it takes in a batch a frame; a view not shown
 * takes a change when shown.  Saves screenshot-filter-*.png into the build
 * folder (or $XINZHI_SCREENSHOT_DIR). */

static AdwApplication *app;

static XinzhiWindow *
create_window (XinzhiCorpus *corpus,
               int           width,
               int           height)
{
  XinzhiWindow *window = xinzhi_window_new (app, corpus, NULL);

  gtk_widget_remove_css_class (GTK_WIDGET (window), "devel");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));

  return window;
}

static void
show_view (XinzhiWindow *window,
           const char   *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (xinzhi_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, name);
  xinzhi_test_run_for (300);
}

static XinzhiFilter *
get_filter (XinzhiWindow *window)
{
  return xinzhi_timeline_page_get_filter (xinzhi_window_get_timeline_page (window));
}

static guint
count_matches (XinzhiFilter *filter,
               GListModel   *model)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      n += xinzhi_filter_matches (filter, item);
    }

  return n;
}

static guint
n_events_shown (XinzhiWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (xinzhi_timeline_page_get_selection (xinzhi_window_get_timeline_page (window))));
}

static guint
n_quotes_shown (XinzhiWindow *window)
{
  return g_list_model_get_n_items (xinzhi_quotes_page_get_quotes (xinzhi_window_get_quotes_page (window)));
}

static guint
n_articles_shown (XinzhiWindow *window)
{
  GtkListView *list = GTK_LIST_VIEW (xinzhi_test_find_descendant (GTK_WIDGET (xinzhi_window_get_articles_page (window)),
                                                                  GTK_TYPE_LIST_VIEW));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* Each view shows what the model says the filter keeps, and the counts checked by
 * hand against the corpus file. */
static void
assert_views (XinzhiWindow *window,
              guint         n_events,
              guint         n_quotes,
              guint         n_articles)
{
  XinzhiCorpus *corpus = xinzhi_window_get_corpus (window);
  XinzhiFilter *filter = get_filter (window);

  g_assert_cmpuint (n_events_shown (window), ==, count_matches (filter, xinzhi_corpus_get_events (corpus)));
  g_assert_cmpuint (n_quotes_shown (window), ==, count_matches (filter, xinzhi_corpus_get_quotes (corpus)));
  g_assert_cmpuint (n_articles_shown (window), ==, count_matches (filter, xinzhi_corpus_get_documents (corpus)));
  g_assert_cmpuint (n_events_shown (window), ==, n_events);
  g_assert_cmpuint (n_quotes_shown (window), ==, n_quotes);
  g_assert_cmpuint (n_articles_shown (window), ==, n_articles);
}

static GtkWidget *
get_filter_bar (XinzhiWindow *window)
{
  GtkWidget *bar = xinzhi_test_find_with_css_class (GTK_WIDGET (window), "filter-bar");

  g_assert_nonnull (bar);
  return bar;
}

static gboolean
filter_bar_shown (XinzhiWindow *window)
{
  GtkWidget *revealer = gtk_widget_get_parent (get_filter_bar (window));

  return gtk_widget_get_visible (revealer) && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* The chips of the bar, in order. */
static GPtrArray *
get_chips (XinzhiWindow *window)
{
  GtkWidget *box = xinzhi_test_find_descendant (get_filter_bar (window), ADW_TYPE_WRAP_BOX);
  GPtrArray *chips = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      g_assert_true (gtk_widget_has_css_class (child, "filter-chip"));
      g_assert_true (gtk_widget_get_focusable (child));
      g_ptr_array_add (chips, child);
    }

  return chips;
}

static const char *
chip_text (GtkWidget *chip)
{
  return gtk_label_get_text (GTK_LABEL (xinzhi_test_find_descendant (chip, GTK_TYPE_LABEL)));
}

static void
press (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* A button clicks 250 ms after it is activated, as from the keyboard. */
  gtk_widget_activate (button);
  xinzhi_test_run_for (400);
}

static const char *
dropdown_text (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

static void
choose (GtkDropDown *dropdown,
        const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        {
          gtk_drop_down_set_selected (dropdown, i);
          xinzhi_test_run_for (100);
          return;
        }
    }

  g_error ("no choice “%s”", text);
}

static void
test_filter_ui_chips (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  XinzhiWindow *window = create_window (corpus, 1280, 800);
  XinzhiTimelinePage *timeline = xinzhi_window_get_timeline_page (window);
  XinzhiQuotesPage *quotes = xinzhi_window_get_quotes_page (window);
  XinzhiSectorsPage *sectors = xinzhi_window_get_sectors_page (window);
  XinzhiFilter *filter = get_filter (window);
  GtkDropDown *sector_dropdown, *person_dropdown;
  g_autoptr(GPtrArray) chips = NULL;

  /* One filter, shared by the three views. */
  g_assert_true (xinzhi_quotes_page_get_filter (quotes) == filter);
  g_assert_true (xinzhi_articles_page_get_filter (xinzhi_window_get_articles_page (window)) == filter);
  g_assert_false (filter_bar_shown (window));
  assert_views (window, 10, 24, 5);

  /* A sector, from its page. */
  show_view (window, "sectors");
  xinzhi_sectors_page_select_sector (sectors, xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy"));
  xinzhi_test_run_for (200);
  press (xinzhi_test_find_actionable (GTK_WIDGET (sectors), "win.add-filter"));
  g_assert_false (xinzhi_filter_is_empty (filter));
  g_assert_true (filter_bar_shown (window));
  chips = get_chips (window);
  g_assert_cmpuint (chips->len, ==, 1);
  g_assert_cmpstr (chip_text (g_ptr_array_index (chips, 0)), ==, "Sector: Hydrogen energy");
  g_clear_pointer (&chips, g_ptr_array_unref);
  /* "hydrogen energy" in Li Yuju's quote in the CNS release, "hydrogen power" in the
   * People's Daily explainer, a source of the government work report. */
  assert_views (window, 1, 1, 2);

  /* The timeline's dropdown shows it: the same filter. */
  sector_dropdown = GTK_DROP_DOWN (xinzhi_test_find_descendant (GTK_WIDGET (timeline), GTK_TYPE_DROP_DOWN));
  g_assert_cmpstr (dropdown_text (sector_dropdown), ==, "Hydrogen energy");

  /* A person, from their page. */
  show_view (window, "quotes");
  xinzhi_quotes_page_show_person (quotes, xinzhi_corpus_lookup_person (corpus, "li-yuju"));
  xinzhi_test_run_for (400);
  press (xinzhi_test_find_actionable (GTK_WIDGET (quotes), "win.add-filter"));
  chips = get_chips (window);
  g_assert_cmpuint (chips->len, ==, 2);
  g_assert_cmpstr (chip_text (g_ptr_array_index (chips, 1)), ==, "Person: Li Yuju");
  /* His article and quote; no event names him. */
  assert_views (window, 0, 1, 1);
  g_clear_pointer (&chips, g_ptr_array_unref);

  /* Filtering follows no link: nothing to go back to. */
  g_assert_false (xinzhi_window_go_back (window));

  show_view (window, "timeline");
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-filter-timeline.png");
  show_view (window, "quotes");
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-filter-quotes.png");
  show_view (window, "articles");
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-filter-articles.png");

  /* Removing the person's chip from the keyboard: the sector stays, and the focus goes
   * to the chip before. */
  chips = get_chips (window);
  gtk_widget_grab_focus (g_ptr_array_index (chips, 1));
  press (g_ptr_array_index (chips, 1));
  g_clear_pointer (&chips, g_ptr_array_unref);
  chips = get_chips (window);
  g_assert_cmpuint (chips->len, ==, 1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == g_ptr_array_index (chips, 0));
  g_clear_pointer (&chips, g_ptr_array_unref);
  assert_views (window, 1, 1, 2);

  /* The timeline's person dropdown adds a person, here Xi Jinping; with two sectors the
   * sector dropdown says so. */
  person_dropdown = NULL;
  for (GtkWidget *w = gtk_widget_get_next_sibling (GTK_WIDGET (sector_dropdown)); w; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_DROP_DOWN (w))
      {
        person_dropdown = GTK_DROP_DOWN (w);
        break;
      }
  g_assert_nonnull (person_dropdown);
  choose (person_dropdown, "Xi Jinping");
  g_assert_true (xinzhi_filter_has_value (filter, XINZHI_FILTER_PERSON,
                                          xinzhi_corpus_lookup_person (corpus, "xi-jinping")));
  /* Hydrogen and Xi: the People's Daily explainer, which quotes him, and the CNS
   * seminar article, which names him; none of his quotes or events concerns hydrogen. */
  assert_views (window, 0, 0, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)",
                                             "sector", "traditional-industries"));
  /* A view not shown takes a change of the filter when shown again. */
  show_view (window, "timeline");
  g_assert_cmpstr (dropdown_text (sector_dropdown), ==, "Several Sectors");
  g_assert_cmpstr (dropdown_text (person_dropdown), ==, "Xi Jinping");
  choose (sector_dropdown, "All Sectors");
  g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_SECTOR), ==, 0);
  choose (person_dropdown, "All People");
  g_assert_true (xinzhi_filter_is_empty (filter));
  g_assert_false (filter_bar_shown (window));

  /* An article's menu filters by its outlet. */
  show_view (window, "articles");
  {
    XinzhiArticlesPage *articles = xinzhi_window_get_articles_page (window);
    XinzhiDocument *document = xinzhi_corpus_lookup_document (corpus, "cns-seminar-future-industries");
    GtkPopover *menu;
    g_autoptr(GVariant) target = NULL;
    g_autofree char *action = NULL;
    const char *kind, *outlet;

    xinzhi_articles_page_select_document (articles, document);
    xinzhi_test_run_for (200);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (articles), "articles.row-menu", NULL));
    xinzhi_test_run_for (300);
    menu = GTK_POPOVER (xinzhi_test_find_descendant (GTK_WIDGET (articles), GTK_TYPE_POPOVER_MENU));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
    /* The menu is a surface of its own, not in the window's picture. */
    xinzhi_test_save_screenshot (GTK_WIDGET (menu), "screenshot-filter-article-menu.png");
    g_assert_true (g_menu_model_get_item_attribute (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), 0,
                                                    G_MENU_ATTRIBUTE_ACTION, "s", &action));
    target = g_menu_model_get_item_attribute_value (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu)), 0,
                                                    G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE ("(ss)"));
    g_assert_cmpstr (action, ==, "win.add-filter");
    g_variant_get (target, "(&s&s)", &kind, &outlet);
    g_assert_cmpstr (kind, ==, "outlet");
    g_assert_cmpstr (outlet, ==, "China News Service");
    /* What choosing the item does. */
    gtk_popover_popdown (menu);
    g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (articles), action, target));
    xinzhi_test_run_for (200);
    chips = get_chips (window);
    g_assert_cmpuint (chips->len, ==, 1);
    g_assert_cmpstr (chip_text (g_ptr_array_index (chips, 0)), ==, "Outlet: China News Service");
    g_clear_pointer (&chips, g_ptr_array_unref);
    assert_views (window, 1, 5, 1);

    /* And traditional industries, which China News Service never names: every view
     * is empty and says so, with a way out. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)",
                                               "sector", "traditional-industries"));
    xinzhi_test_run_for (300);
    assert_views (window, 0, 0, 0);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (xinzhi_test_find_descendant (GTK_WIDGET (articles), GTK_TYPE_STACK))),
                     ==, "no-match");
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-filter-empty.png");
    show_view (window, "timeline");
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-filter-empty-timeline.png");
    show_view (window, "articles");
    press (xinzhi_test_find_actionable (GTK_WIDGET (articles), "articles.clear-filters"));
    g_assert_true (xinzhi_filter_is_empty (filter));
    g_assert_false (filter_bar_shown (window));
    assert_views (window, 10, 24, 5);
  }

  /* Clear All. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)", "person", "pan-jiaofeng"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)", "person", "zhou-yuan"));
  xinzhi_test_run_for (200);
  g_assert_cmpuint (n_quotes_shown (window), ==, 11);
  press (xinzhi_test_find_actionable (get_filter_bar (window), "win.clear-filters"));
  g_assert_true (xinzhi_filter_is_empty (filter));
  g_assert_false (filter_bar_shown (window));
  assert_views (window, 10, 24, 5);

  /* Still nothing to go back to. */
  g_assert_false (xinzhi_window_go_back (window));

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

/* A link to a quote whose article the filters hide: the outlet filter goes, the sector
 * that the article names stays. */
static void
test_filter_ui_reveal (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  XinzhiWindow *window = create_window (corpus, 1280, 800);
  XinzhiFilter *filter = get_filter (window);
  XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, "li-competition-areas");
  XinzhiReader *reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)", "sector", "hydrogen-energy"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)",
                                             "outlet", "People's Daily Online"));
  xinzhi_test_run_for (200);
  g_assert_false (xinzhi_filter_matches_document (filter, xinzhi_quote_get_document (quote)));

  xinzhi_window_show_quote (window, quote);
  xinzhi_test_run_for (300);
  g_assert_true (xinzhi_reader_get_document (reader) == xinzhi_quote_get_document (quote));
  g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_OUTLET), ==, 0);
  g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_SECTOR), ==, 1);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-filter-revealed.png");

  /* Back does not bring the filter back: filters are not places. */
  g_assert_true (xinzhi_window_go_back (window));
  xinzhi_test_run_for (200);
  g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_OUTLET), ==, 0);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

/* The chip bar on a phone-sized window. */
static void
test_filter_ui_narrow (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  XinzhiWindow *window = create_window (corpus, 360, 640);

  /* Each chip as it comes, so that a bar too wide for the window at any step fails. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)", "sector", "new-generation-it"));
  xinzhi_test_run_for (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)", "person", "li-yuju"));
  xinzhi_test_run_for (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)", "outlet", "China News Service"));
  xinzhi_test_run_for (300);
  show_view (window, "quotes");
  xinzhi_test_run_for (300);
  g_assert_true (filter_bar_shown (window));
  /* The bar fits: no chip is wider than the window. */
  {
    g_autoptr(GPtrArray) chips = get_chips (window);

    g_assert_cmpuint (chips->len, ==, 3);
    for (guint i = 0; i < chips->len; i++)
      g_assert_cmpint (gtk_widget_get_width (g_ptr_array_index (chips, i)), <=, 360);
  }
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-filter-narrow.png");
  show_view (window, "timeline");
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-filter-narrow-timeline.png");

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

/* The row of the timeline's event list that shows @event, or NULL. */
static GtkWidget *
event_row (GtkListView *list,
           XinzhiEvent *event)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_widget_get_first_child (child);

      if (box != NULL && g_object_get_data (G_OBJECT (box), "event") == event)
        return child;
    }

  return NULL;
}

/* The event list under the timeline, on a synthetic corpus of 1,002 events: an event
 * selected on the timeline far down the list is selected in the list and scrolled to;
 * after a change of the span the list takes in its new rows a batch a frame, while the
 * event stays selected on the timeline, and the list selects it once it holds it; a row
 * chosen in the list is selected on the timeline. */
static void
test_filter_ui_event_list (void)
{
  g_autoptr(GBytes) bytes = xinzhi_synth_corpus_json (2000, 20241208);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_bytes (bytes, "synthetic.json", &error);
  XinzhiWindow *window;
  XinzhiTimelinePage *page;
  XinzhiTimeline *timeline;
  GListModel *events;
  GtkListView *list;
  GtkSingleSelection *list_selection;
  GtkWidget *scrolled, *row;
  g_autoptr(XinzhiEvent) event = NULL;
  g_autoptr(XinzhiEvent) first = NULL;
  graphene_rect_t bounds;
  guint n_events, position;

  g_assert_no_error (error);
  window = create_window (corpus, 1100, 720);
  page = xinzhi_window_get_timeline_page (window);
  timeline = xinzhi_timeline_page_get_timeline (page);
  events = G_LIST_MODEL (xinzhi_timeline_page_get_selection (page));
  list = GTK_LIST_VIEW (xinzhi_test_find_with_css_class (GTK_WIDGET (page), "navigation-sidebar"));
  g_assert_true (GTK_IS_LIST_VIEW (list));
  list_selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  xinzhi_test_settle (GTK_WIDGET (window));
  n_events = g_list_model_get_n_items (events);
  g_assert_cmpuint (n_events, >, 500);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list_selection)), ==, n_events);

  /* Selected on the timeline, far down the list. */
  event = g_list_model_get_item (events, n_events / 2);
  xinzhi_timeline_page_select_event (page, event);
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_true (gtk_single_selection_get_selected_item (list_selection) == event);
  row = event_row (list, event);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_bounds (row, scrolled, &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, -1);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled) + 1);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-filter-event-list.png");

  /* A span of two years about it: most events stay, in other places. */
  {
    guint32 day = xinzhi_date_first_day (xinzhi_event_get_start (event));

    g_assert_true (xinzhi_filter_set_span (get_filter (window), day - 365, day + 365));
  }
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 2 * XINZHI_PACED_LIST_STEP);
  g_assert_cmpuint (g_list_model_get_n_items (events), <, n_events);
  /* The list has a batch of them so far; the timeline still has the event. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list_selection)), <,
                    g_list_model_get_n_items (events));
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (events)) == event);
  g_assert_true (xinzhi_timeline_get_selected (timeline) == event);
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (events));
  g_assert_true (position < g_list_model_get_n_items (G_LIST_MODEL (list_selection))
                 ? gtk_single_selection_get_selected (list_selection) == position
                 : gtk_single_selection_get_selected (list_selection) == GTK_INVALID_LIST_POSITION);
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list_selection)), ==,
                    g_list_model_get_n_items (events));
  g_assert_true (gtk_single_selection_get_selected_item (list_selection) == event);
  g_assert_true (xinzhi_timeline_get_selected (timeline) == event);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-filter-event-list-span.png");

  /* A row chosen in the list is the timeline's. */
  first = g_list_model_get_item (events, 0);
  gtk_single_selection_set_selected (list_selection, 0);
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_true (xinzhi_timeline_get_selected (timeline) == first);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (events)), ==, 0);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

/* A view not shown takes a change of the filter when it is shown again, or when the
 * window asks it for what it shows, and not before: its own list still holds what it
 * held. */
static void
test_filter_ui_hidden_views (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (&error);
  XinzhiWindow *window;
  XinzhiFilter *filter;
  XinzhiQuotesPage *quotes;
  GListModel *shown;
  guint n_quotes;

  g_assert_no_error (error);
  window = create_window (corpus, 1280, 800);
  filter = get_filter (window);
  quotes = xinzhi_window_get_quotes_page (window);
  show_view (window, "quotes");
  shown = G_LIST_MODEL (gtk_list_view_get_model (
    GTK_LIST_VIEW (xinzhi_test_find_descendant (GTK_WIDGET (quotes), GTK_TYPE_LIST_VIEW))));
  n_quotes = g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_quotes);
  show_view (window, "timeline");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)",
                                             "sector", "hydrogen-energy"));
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (count_matches (filter, xinzhi_corpus_get_quotes (corpus)), <, n_quotes);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_quotes);

  show_view (window, "quotes");
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, count_matches (filter, xinzhi_corpus_get_quotes (corpus)));

  /* Asked through the window, a view not shown catches up at once. */
  show_view (window, "timeline");
  g_assert_true (xinzhi_filter_clear (filter));
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_quotes);
  g_assert_true (xinzhi_window_get_quotes_page (window) == quotes);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_quotes);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  app = xinzhi_test_new_application ();

  g_test_add_func ("/filter-ui/chips", test_filter_ui_chips);
  g_test_add_func ("/filter-ui/reveal", test_filter_ui_reveal);
  g_test_add_func ("/filter-ui/narrow", test_filter_ui_narrow);
  g_test_add_func ("/filter-ui/event-list", test_filter_ui_event_list);
  g_test_add_func ("/filter-ui/hidden-views", test_filter_ui_hidden_views);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

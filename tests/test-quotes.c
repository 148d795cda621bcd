/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "xinzhi-citation.h"
#include "xinzhi-corpus.h"
#include "xinzhi-person-page.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-quotes-page.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-view.h"

/* The Quotes view and the people pages with the built-in corpus, under a display: the
 * list holds every quote, the filters narrow it and combine, Previous and Next walk the
 * filtered list, citations reach the clipboard, "Show in Article" names the quote, and a
 * person's page gathers every spelling, quote and mention.  The page sits in a window
 * the way the main window holds its views; screenshots of each state are saved into the
 * build folder (or $XINZHI_SCREENSHOT_DIR) for a person to look at. */

static AdwApplication *app;

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_with_css_name (GtkWidget  *widget,
                    const char *css_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_str_equal (gtk_widget_get_css_name (child), css_name))
        return child;
      if ((found = find_with_css_name (child, css_name)) != NULL)
        return found;
    }

  return NULL;
}

/* The first button below @widget that names @action. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = find_action_button (child, action)) != NULL)
        return found;
    }

  return NULL;
}

/* Whether some label below @widget shows exactly @text, or contains it. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text,
           gboolean    whole)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        {
          const char *label = gtk_label_get_text (GTK_LABEL (child));

          if (whole ? g_str_equal (label, text) : strstr (label, text) != NULL)
            return TRUE;
        }
      if (has_label (child, text, whole))
        return TRUE;
    }

  return FALSE;
}

/* The widget as last laid out, or %NULL while a new layout is pending. */
static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("XINZHI_SCREENSHOT_DIR");
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  /* A slow build (under the sanitizers) may still be laying out: wait for a frame. */
  while ((node = snapshot_widget (widget)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      xinzhi_test_run_for (50);
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0,
                                                              gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  if (dir != NULL)
    path = g_build_filename (dir, name, NULL);
  else
    path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
content_only_cb (XinzhiQuotesPage *page,
                 GParamSpec       *pspec,
                 AdwToolbarView   *toolbar_view)
{
  adw_toolbar_view_set_reveal_top_bars (toolbar_view,
                                        !xinzhi_view_get_content_only (XINZHI_VIEW (page)));
}

/* A window that holds the page as the main window holds its views: under a header bar,
 * with a breakpoint that collapses the page on narrow windows, and without its own
 * header bar when the page shows a quote alone. */
static GtkWindow *
create_window (XinzhiCorpus      *corpus,
               int                width,
               int                height,
               XinzhiQuotesPage **page_out)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *toolbar_view = adw_toolbar_view_new ();
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *page = g_object_new (XINZHI_TYPE_QUOTES_PAGE, NULL);
  AdwBreakpoint *breakpoint;
  GValue collapsed = G_VALUE_INIT;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar),
                                   adw_window_title_new ("Xinzhi", "Quotes"));
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), header_bar);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), toolbar_view);
  gtk_widget_set_size_request (window, 360, 294);
  g_signal_connect_object (page, "notify::content-only",
                           G_CALLBACK (content_only_cb), toolbar_view, 0);

  breakpoint = adw_breakpoint_new (adw_breakpoint_condition_parse ("max-width: 600sp"));
  g_value_init (&collapsed, G_TYPE_BOOLEAN);
  g_value_set_boolean (&collapsed, TRUE);
  adw_breakpoint_add_setter (breakpoint, G_OBJECT (page), "collapsed", &collapsed);
  adw_application_window_add_breakpoint (ADW_APPLICATION_WINDOW (window), breakpoint);

  xinzhi_quotes_page_set_corpus (XINZHI_QUOTES_PAGE (page), corpus);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (window);

  *page_out = XINZHI_QUOTES_PAGE (page);
  return GTK_WINDOW (window);
}

/* Destroys @window and checks that nothing keeps it or the page alive. */
static void
destroy_window (GtkWindow        *window,
                XinzhiQuotesPage *page)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_destroy (window);

  while (window != NULL || page != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
    }
}

static XinzhiCorpus *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus = xinzhi_corpus_new_builtin (&error);

  g_assert_no_error (error);
  return corpus;
}

static GtkDropDown *
get_dropdown (XinzhiQuotesPage *page,
              const char       *name)
{
  GtkWidget *dropdown = find_named (GTK_WIDGET (page), name);
  GtkWidget *popover;

  g_assert_true (GTK_IS_DROP_DOWN (dropdown));
  /* As a person does, open the filter popover first: its dropdowns get their choices
   * then. */
  popover = gtk_widget_get_ancestor (dropdown, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  return GTK_DROP_DOWN (dropdown);
}

/* Chooses the item labelled @label in a filter's dropdown, as a person would. */
static void
choose (XinzhiQuotesPage *page,
        const char       *dropdown_name,
        const char       *label)
{
  GtkDropDown *dropdown = get_dropdown (page, dropdown_name);
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *text = NULL;

      if (XINZHI_IS_PERSON (item))
        text = xinzhi_person_get_name (XINZHI_PERSON (item));
      else if (XINZHI_IS_SECTOR (item))
        text = xinzhi_sector_get_name (XINZHI_SECTOR (item));
      else if (GTK_IS_STRING_OBJECT (item))
        text = gtk_string_object_get_string (GTK_STRING_OBJECT (item));

      if (g_strcmp0 (text, label) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }

  g_error ("no “%s” in %s", label, dropdown_name);
}

static guint
count_matching (GListModel *quotes,
                gboolean  (*matches) (XinzhiQuote *quote, gpointer data),
                gpointer    data)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);

      if (matches (quote, data))
        n++;
    }

  return n;
}

static gboolean
said_by (XinzhiQuote *quote,
         gpointer     person)
{
  return xinzhi_quote_get_person (quote) == person;
}

static gboolean
in_outlet (XinzhiQuote *quote,
           gpointer     outlet)
{
  return g_strcmp0 (xinzhi_document_get_outlet (xinzhi_quote_get_document (quote)), outlet) == 0;
}

static gboolean
names_sector (XinzhiQuote *quote,
              gpointer     sector)
{
  GListModel *sectors = xinzhi_quote_get_sectors (quote);

  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      g_autoptr(XinzhiSector) other = g_list_model_get_item (sectors, i);

      if (other == sector)
        return TRUE;
    }

  return FALSE;
}

/* The list holds every quote of the corpus, newest article first, each article's quotes
 * in text order, and shows the first. */
static void
test_quotes_list (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  GListModel *all = xinzhi_corpus_get_quotes (corpus);
  XinzhiQuotesPage *page;
  GtkWindow *window;
  GListModel *shown;
  GtkWidget *list_view;

  window = create_window (corpus, 1100, 760, &page);
  shown = xinzhi_quotes_page_get_quotes (page);

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (all));
  list_view = xinzhi_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  g_assert_true (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)) == GTK_SELECTION_MODEL (shown));
  /* Every row shows a quote: a kind tag is drawn in each visible row. */
  g_assert_nonnull (xinzhi_test_find_with_css_class (list_view, "quote-kind"));

  for (guint i = 1; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(XinzhiQuote) before = g_list_model_get_item (shown, i - 1);
      g_autoptr(XinzhiQuote) after = g_list_model_get_item (shown, i);
      XinzhiDocument *document_before = xinzhi_quote_get_document (before);
      XinzhiDocument *document_after = xinzhi_quote_get_document (after);

      g_assert_cmpint (xinzhi_date_compare (xinzhi_document_get_date (document_before),
                                            xinzhi_document_get_date (document_after)), >=, 0);
      if (document_before == document_after)
        g_assert_cmpuint (xinzhi_quote_get_paragraph (before) * 100000 + xinzhi_quote_get_start (before),
                          <,
                          xinzhi_quote_get_paragraph (after) * 100000 + xinzhi_quote_get_start (after));
    }

  {
    g_autoptr(XinzhiQuote) first = g_list_model_get_item (shown, 0);

    g_assert_true (xinzhi_quotes_page_get_selected_quote (page) == first);
    g_assert_true (has_label (GTK_WIDGET (page), xinzhi_quote_get_text (first), FALSE));
  }

  save_screenshot (GTK_WIDGET (window), "screenshot-quotes.png");
  destroy_window (window, page);
}

/* Filtering by speaker keeps every quote of that person under any spelling of the name;
 * by outlet, that outlet's; the two combine; removing a filter brings its quotes back. */
static void
test_quotes_filter (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  GListModel *all = xinzhi_corpus_get_quotes (corpus);
  XinzhiPerson *pan = xinzhi_corpus_lookup_person (corpus, "pan-jiaofeng");
  XinzhiPerson *li = xinzhi_corpus_lookup_person (corpus, "li-yuju");
  g_autoptr(GHashTable) documents = g_hash_table_new (NULL, NULL);
  XinzhiQuotesPage *page;
  GtkWindow *window;
  GListModel *shown;
  GtkDropDown *sectors;
  GtkWidget *chip;
  guint n_all = g_list_model_get_n_items (all);

  g_assert_nonnull (pan);
  g_assert_nonnull (li);

  window = create_window (corpus, 1100, 760, &page);
  shown = xinzhi_quotes_page_get_quotes (page);

  /* Pan Jiaofeng, who is also spelled Pan Jiafeng: his quotes from both articles. */
  choose (page, "speaker-filter", "Pan Jiaofeng");
  g_assert_true (xinzhi_quotes_page_get_speaker_filter (page) == pan);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, count_matching (all, said_by, pan));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==,
                    g_list_model_get_n_items (xinzhi_person_get_quotes (pan)));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (shown, i);

      g_assert_true (xinzhi_quote_get_person (quote) == pan);
      g_hash_table_add (documents, xinzhi_quote_get_document (quote));
    }
  g_assert_cmpuint (g_hash_table_size (documents), ==, 2);
  g_assert_true (xinzhi_quote_get_person (xinzhi_quotes_page_get_selected_quote (page)) == pan);

  /* The filter shows as a chip that names it. */
  chip = xinzhi_test_find_with_css_class (GTK_WIDGET (page), "filter-chip");
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_get_visible (chip));
  g_assert_true (has_label (chip, "Pan Jiaofeng", TRUE));
  {
    g_autofree char *count = g_strdup_printf ("%u of %u quotes",
                                              g_list_model_get_n_items (shown), n_all);

    g_assert_true (has_label (GTK_WIDGET (page), count, TRUE));
  }
  xinzhi_test_run_for (300);
  save_screenshot (GTK_WIDGET (window), "screenshot-quotes-filtered.png");

  /* The filters' popover, as the filter button opens it. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (xinzhi_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON));

    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    gtk_menu_button_popup (button);
    xinzhi_test_wait_until_mapped (popover);
    /* A popover has a surface of its own, laid out after it is mapped. */
    while (!gtk_widget_is_drawable (popover) || gtk_widget_get_width (popover) == 0)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
    xinzhi_test_run_for (300);
    save_screenshot (popover, "screenshot-quotes-filter-popover.png");
    gtk_menu_button_popdown (button);
  }

  /* An outlet narrows the list; combined with a speaker quoted only elsewhere, nothing
   * is left, and the page says so. */
  choose (page, "outlet-filter", "China News Service");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_null (xinzhi_quotes_page_get_selected_quote (page));
  g_assert_true (has_label (GTK_WIDGET (page), "No Matching Quotes", TRUE));
  xinzhi_test_run_for (300);
  save_screenshot (GTK_WIDGET (window), "screenshot-quotes-no-match.png");

  /* Removing the speaker's chip leaves the outlet's quotes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.clear-filter", "s", "speaker"));
  g_assert_null (xinzhi_quotes_page_get_speaker_filter (page));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==,
                    count_matching (all, in_outlet, (gpointer) "China News Service"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n_all);

  /* Speaker and outlet together. */
  choose (page, "speaker-filter", "Li Yuju");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, count_matching (all, said_by, li));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (shown, i);

      g_assert_true (xinzhi_quote_get_person (quote) == li);
      g_assert_true (in_outlet (quote, (gpointer) "China News Service"));
    }

  /* Articles that name no outlet are a choice of their own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.clear-filters", NULL));
  choose (page, "outlet-filter", "Outlet Not Named");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, count_matching (all, in_outlet, NULL));

  /* A sector: only quotes that name it, and with a speaker, only theirs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.clear-filters", NULL));
  sectors = get_dropdown (page, "sector-filter");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (sectors)), >, 1);
  gtk_drop_down_set_selected (sectors, 1);
  {
    XinzhiSector *sector = xinzhi_quotes_page_get_sector_filter (page);
    g_autoptr(XinzhiQuote) first = NULL;
    XinzhiPerson *speaker;

    g_assert_nonnull (sector);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, count_matching (all, names_sector, sector));
    g_assert_cmpuint (g_list_model_get_n_items (shown), >, 0);

    first = g_list_model_get_item (shown, 0);
    speaker = xinzhi_quote_get_person (first);
    xinzhi_quotes_page_set_speaker_filter (page, speaker);
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(XinzhiQuote) quote = g_list_model_get_item (shown, i);

        g_assert_true (xinzhi_quote_get_person (quote) == speaker);
        g_assert_true (names_sector (quote, sector));
      }
  }

  /* Clearing every filter lists every quote again and hides the chips. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_all);
  g_assert_false (gtk_widget_get_visible (chip));
  g_assert_false (gtk_revealer_get_reveal_child (
    GTK_REVEALER (gtk_widget_get_ancestor (chip, GTK_TYPE_REVEALER))));

  destroy_window (window, page);
}

/* Next and Previous walk the filtered list, and stop at its ends. */
static void
test_quotes_navigate (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiPerson *pan = xinzhi_corpus_lookup_person (corpus, "pan-jiaofeng");
  XinzhiQuotesPage *page;
  GtkWindow *window;
  GListModel *shown;
  guint n;

  window = create_window (corpus, 1100, 760, &page);
  shown = xinzhi_quotes_page_get_quotes (page);
  xinzhi_quotes_page_set_speaker_filter (page, pan);
  n = g_list_model_get_n_items (shown);
  g_assert_cmpuint (n, >=, 2);

  {
    g_autoptr(XinzhiQuote) first = g_list_model_get_item (shown, 0);

    xinzhi_quotes_page_select_quote (page, first);
    g_assert_true (xinzhi_quotes_page_get_selected_quote (page) == first);
  }

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(XinzhiQuote) expected = g_list_model_get_item (shown, i);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.next", NULL));
      g_assert_true (xinzhi_quotes_page_get_selected_quote (page) == expected);
    }

  /* At the end, Next does nothing, and its button says so. */
  xinzhi_test_run_for (100);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (page), "quotes.next")));
  g_assert_true (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (page), "quotes.previous")));
  {
    g_autoptr(XinzhiQuote) last = g_list_model_get_item (shown, n - 1);

    gtk_widget_activate_action (GTK_WIDGET (page), "quotes.next", NULL);
    g_assert_true (xinzhi_quotes_page_get_selected_quote (page) == last);
  }

  for (guint i = n - 1; i > 0; i--)
    {
      g_autoptr(XinzhiQuote) expected = g_list_model_get_item (shown, i - 1);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.previous", NULL));
      g_assert_true (xinzhi_quotes_page_get_selected_quote (page) == expected);
    }

  xinzhi_test_run_for (100);
  g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (page), "quotes.previous")));

  /* Selecting a quote the filters hide removes the filter that hides it. */
  {
    XinzhiQuote *other = xinzhi_corpus_lookup_quote (corpus, "zhou-new-trends");

    xinzhi_quotes_page_select_quote (page, other);
    g_assert_true (xinzhi_quotes_page_get_selected_quote (page) == other);
    g_assert_null (xinzhi_quotes_page_get_speaker_filter (page));
  }

  destroy_window (window, page);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static char *
read_clipboard (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  while (text == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return text;
}

/* Copying a citation puts it on the clipboard, as the citation helper formats it, and
 * says so in a toast. */
static void
test_quotes_copy (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, "li-future-industries-forces");
  g_autofree char *markdown = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *expected_markdown = NULL;
  g_autofree char *expected_plain = NULL;
  XinzhiQuotesPage *page;
  GtkWindow *window;

  g_assert_nonnull (quote);
  window = create_window (corpus, 1100, 760, &page);
  xinzhi_quotes_page_select_quote (page, quote);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.copy-markdown", NULL));
  markdown = read_clipboard (GTK_WIDGET (page));
  expected_markdown = xinzhi_citation_format_markdown (quote);
  g_assert_cmpstr (markdown, ==, expected_markdown);
  g_assert_true (g_str_has_prefix (markdown, "“Future industries are crucial forces"));
  /* The release gives no address of its own, so the outlet is no link. */
  g_assert_nonnull (strstr (markdown, "— **Li Yuju**, deputy director of the Research Center "
                                      "of Xi Jinping's Economic Thought. China News Service, "));
  g_assert_null (strstr (markdown, "]("));
  xinzhi_test_run_for (600);
  g_assert_nonnull (find_with_css_name (GTK_WIDGET (page), "toast"));
  save_screenshot (GTK_WIDGET (window), "screenshot-quotes-copied.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.copy-plain", NULL));
  plain = read_clipboard (GTK_WIDGET (page));
  expected_plain = xinzhi_citation_format_plain (quote);
  g_assert_cmpstr (plain, ==, expected_plain);

  destroy_window (window, page);
}

/* The page asks the window through its actions; the test's window records what. */
static void
catch_window_action (GtkWindow          *window,
                     const char         *name,
                     const GVariantType *parameter_type,
                     GCallback           callback,
                     gpointer            data)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new (name, parameter_type);

  g_signal_connect (action, "activate", callback, data);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
}

typedef struct
{
  XinzhiCorpus  *corpus;
  XinzhiQuote  **shown;
} QuoteShown;

static void
show_quote_cb (GSimpleAction *action,
               GVariant      *parameter,
               QuoteShown    *data)
{
  *data->shown = xinzhi_corpus_lookup_quote (data->corpus, g_variant_get_string (parameter, NULL));
}

/* "Show in Article" names the quote shown, for the window to open the reader there. */
static void
test_quotes_show_in_article (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, "pan-education-talent");
  XinzhiQuote *shown = NULL;
  XinzhiQuotesPage *page;
  GtkWindow *window;

  QuoteShown data = { corpus, &shown };

  window = create_window (corpus, 1100, 760, &page);
  catch_window_action (window, "show-quote", G_VARIANT_TYPE_STRING, G_CALLBACK (show_quote_cb), &data);

  xinzhi_quotes_page_select_quote (page, quote);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.show-in-article", NULL));
  g_assert_true (shown == quote);

  destroy_window (window, page);
}

typedef struct
{
  XinzhiCorpus   *corpus;
  XinzhiDocument *document;
  guint           paragraph;
  guint           start;
  guint           end;
} MentionShown;

static void
show_mention_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 MentionShown  *shown)
{
  const char *id;

  g_variant_get (parameter, "(&suuu)", &id, &shown->paragraph, &shown->start, &shown->end);
  shown->document = xinzhi_corpus_lookup_document (shown->corpus, id);
}

static guint
count_rows (GtkListBox *list_box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;

  return n;
}

/* The list boxes of a person's page, in order: roles, quotes, mentions. */
static void
get_person_lists (GtkWidget   *page,
                  GtkListBox **lists,
                  guint        n_lists)
{
  GtkWidget *widget = page;
  guint found = 0;

  /* A depth-first walk, in the order the page lays them out. */
  while (widget != NULL && found < n_lists)
    {
      GtkWidget *next;

      if (GTK_IS_LIST_BOX (widget))
        lists[found++] = GTK_LIST_BOX (widget);

      if (!GTK_IS_LIST_BOX (widget) && (next = gtk_widget_get_first_child (widget)) != NULL)
        {
          widget = next;
          continue;
        }

      while (widget != page && gtk_widget_get_next_sibling (widget) == NULL)
        widget = gtk_widget_get_parent (widget);
      widget = widget == page ? NULL : gtk_widget_get_next_sibling (widget);
    }

  g_assert_cmpuint (found, ==, n_lists);
}

/* A person's page: both spellings of the name, every role with its article, every
 * quote (which opens in the viewer), every mention (which asks for the reader). */
static void
test_person_page (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiPerson *pan = xinzhi_corpus_lookup_person (corpus, "pan-jiaofeng");
  MentionShown mention_shown = { corpus, NULL, 0, 0, 0 };
  AdwNavigationView *navigation;
  AdwNavigationPage *visible;
  XinzhiQuotesPage *page;
  GtkListBox *lists[3];
  GtkListBoxRow *row;
  GtkWindow *window;
  guint n_quotes = g_list_model_get_n_items (xinzhi_person_get_quotes (pan));
  guint n_mentions = g_list_model_get_n_items (xinzhi_person_get_mentions (pan));

  window = create_window (corpus, 1100, 760, &page);
  catch_window_action (window, "show-mention", G_VARIANT_TYPE ("(suuu)"),
                       G_CALLBACK (show_mention_cb), &mention_shown);

  /* From the viewer's speaker row, as a person would. */
  xinzhi_quotes_page_select_quote (page, xinzhi_corpus_lookup_quote (corpus, "pan-important-focus"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.show-speaker", NULL));
  xinzhi_test_run_for (600);

  navigation = ADW_NAVIGATION_VIEW (xinzhi_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_NAVIGATION_VIEW));
  /* The split view holds a navigation view of its own only when collapsed. */
  while (navigation != NULL && !XINZHI_IS_PERSON_PAGE (adw_navigation_view_get_visible_page (navigation)))
    navigation = ADW_NAVIGATION_VIEW (xinzhi_test_find_descendant (GTK_WIDGET (adw_navigation_view_get_visible_page (navigation)),
                                                       ADW_TYPE_NAVIGATION_VIEW));
  g_assert_nonnull (navigation);
  visible = adw_navigation_view_get_visible_page (navigation);
  g_assert_true (XINZHI_IS_PERSON_PAGE (visible));
  g_assert_true (xinzhi_person_page_get_person (XINZHI_PERSON_PAGE (visible)) == pan);

  g_assert_true (has_label (GTK_WIDGET (visible), "Pan Jiaofeng", TRUE));
  g_assert_true (has_label (GTK_WIDGET (visible), "潘教峰", TRUE));
  g_assert_true (has_label (GTK_WIDGET (visible), "Pan Jiafeng", FALSE));

  get_person_lists (GTK_WIDGET (visible), lists, 3);
  g_assert_cmpuint (count_rows (lists[0]), ==, xinzhi_person_get_n_roles (pan));
  g_assert_cmpuint (count_rows (lists[1]), ==, n_quotes);
  g_assert_cmpuint (count_rows (lists[2]), ==, n_mentions);
  for (guint i = 0; i < n_quotes; i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (xinzhi_person_get_quotes (pan), i);

      g_assert_true (has_label (GTK_WIDGET (lists[1]), xinzhi_quote_get_text (quote), FALSE));
    }

  save_screenshot (GTK_WIDGET (window), "screenshot-person.png");

  /* …and, further down, the mentions. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (lists[2]), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    xinzhi_test_run_for (300);
    save_screenshot (GTK_WIDGET (window), "screenshot-person-mentions.png");
  }

  /* A mention asks for the reader at the name. */
  if (n_mentions > 0)
    {
      row = gtk_list_box_get_row_at_index (lists[2], 0);
      g_signal_emit_by_name (lists[2], "row-activated", row);
      g_assert_nonnull (mention_shown.document);
      g_assert_cmpuint (mention_shown.end, >, mention_shown.start);
      {
        const char *text = xinzhi_document_get_paragraph (mention_shown.document,
                                                          mention_shown.paragraph)->text;
        g_autofree char *name = g_strndup (text + mention_shown.start,
                                           mention_shown.end - mention_shown.start);

        g_assert_true (xinzhi_person_matches_name (pan, name));
      }
    }

  /* A quote opens in the viewer. */
  row = gtk_list_box_get_row_at_index (lists[1], n_quotes - 1);
  g_signal_emit_by_name (lists[1], "row-activated", row);
  xinzhi_test_run_for (600);
  g_assert_nonnull (xinzhi_quotes_page_get_selected_quote (page));
  g_assert_true (xinzhi_quote_get_person (xinzhi_quotes_page_get_selected_quote (page)) == pan);
  g_assert_false (XINZHI_IS_PERSON_PAGE (adw_navigation_view_get_visible_page (navigation)));

  destroy_window (window, page);
}

/* Dark: the highlight and the tags follow the style. */
static void
test_quotes_dark (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiQuotesPage *page;
  GtkWindow *window;

  window = create_window (corpus, 1100, 760, &page);
  xinzhi_quotes_page_select_quote (page, xinzhi_corpus_lookup_quote (corpus, "pan-important-focus"));

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  xinzhi_test_run_for (400);
  save_screenshot (GTK_WIDGET (window), "screenshot-quotes-dark.png");

  xinzhi_quotes_page_show_person (page, xinzhi_corpus_lookup_person (corpus, "zhou-yuan"));
  xinzhi_test_run_for (600);
  save_screenshot (GTK_WIDGET (window), "screenshot-person-dark.png");

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  xinzhi_test_run_for (100);
  destroy_window (window, page);
}

/* Narrow: the list first; a quote, or a person, then shows alone. */
static void
test_quotes_narrow (void)
{
  g_autoptr(XinzhiCorpus) corpus = load_builtin ();
  XinzhiQuotesPage *page;
  GtkWindow *window;

  window = create_window (corpus, 360, 720, &page);
  g_assert_true (xinzhi_view_get_collapsed (XINZHI_VIEW (page)));
  g_assert_false (xinzhi_view_get_content_only (XINZHI_VIEW (page)));
  save_screenshot (GTK_WIDGET (window), "screenshot-quotes-narrow.png");

  xinzhi_quotes_page_select_quote (page, xinzhi_corpus_lookup_quote (corpus, "qu-brought-about"));
  xinzhi_test_run_for (600);
  g_assert_true (xinzhi_view_get_content_only (XINZHI_VIEW (page)));
  save_screenshot (GTK_WIDGET (window), "screenshot-quotes-narrow-viewer.png");

  xinzhi_quotes_page_show_person (page, xinzhi_corpus_lookup_person (corpus, "pan-jiaofeng"));
  xinzhi_test_run_for (600);
  g_assert_true (xinzhi_view_get_content_only (XINZHI_VIEW (page)));
  save_screenshot (GTK_WIDGET (window), "screenshot-person-narrow.png");

  destroy_window (window, page);
}

/* A corpus without quotes says so, and offers nothing to do with a quote. */
static void
test_quotes_empty (void)
{
  static const char json[] =
    "{ \"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"Tiny corpus\",\n"
    "  \"groups\": [], \"people\": [], \"sectors\": [], \"events\": [], \"quotes\": [],\n"
    "  \"documents\": [ { \"id\": \"tiny\", \"title\": \"Tiny\", \"date\": \"2024\",\n"
    "    \"date_estimated\": true, \"date_note\": \"A test.\",\n"
    "    \"paragraphs\": [ { \"text\": \"Tiny text.\" } ] } ] }\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(XinzhiCorpus) builtin = load_builtin ();
  g_autoptr(GError) error = NULL;
  const char *actions[] = {
    "quotes.previous", "quotes.next", "quotes.show-in-article", "quotes.copy-plain",
  };
  XinzhiQuotesPage *page;
  GtkWindow *window;

  corpus = xinzhi_corpus_new_from_bytes (bytes, "tiny.json", &error);
  g_assert_no_error (error);

  /* From a corpus with quotes to one without: nothing of the first stays. */
  window = create_window (builtin, 900, 600, &page);
  xinzhi_quotes_page_set_speaker_filter (page, xinzhi_corpus_lookup_person (builtin, "li-yuju"));
  xinzhi_quotes_page_set_corpus (page, corpus);
  xinzhi_test_run_for (200);

  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_quotes_page_get_quotes (page)), ==, 0);
  g_assert_null (xinzhi_quotes_page_get_selected_quote (page));
  g_assert_null (xinzhi_quotes_page_get_speaker_filter (page));
  g_assert_true (has_label (GTK_WIDGET (page), "No Quotes", TRUE));
  g_assert_true (has_label (GTK_WIDGET (page), "0 quotes", TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_false (gtk_widget_is_sensitive (find_action_button (GTK_WIDGET (page), actions[i])));
  save_screenshot (GTK_WIDGET (window), "screenshot-quotes-empty.png");

  xinzhi_quotes_page_set_corpus (page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_quotes_page_get_quotes (page)), ==, 0);

  destroy_window (window, page);
}

/* Corpus text is shown as written: markup in it is never interpreted. */
static void
test_quotes_literal_text (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "markdown.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiQuotesPage *page;
  GtkWindow *window;
  GtkWidget *label;

  corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  window = create_window (corpus, 1000, 700, &page);
  xinzhi_quotes_page_select_quote (page, xinzhi_corpus_lookup_quote (corpus, "direct"));
  xinzhi_test_run_for (200);

  label = xinzhi_test_find_with_css_class (GTK_WIDGET (page), "quote-text");
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "<b>bold</b> &amp;"));
  label = xinzhi_test_find_with_css_class (GTK_WIDGET (page), "context-paragraph");
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "<b>bold</b> &amp;"));

  save_screenshot (GTK_WIDGET (window), "screenshot-quotes-literal.png");
  destroy_window (window, page);
}

/* How many visible labels below @widget show exactly @text. */
static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_text (GTK_LABEL (child)), text))
        n++;
      n += count_labels (child, text);
    }

  return n;
}

/* A quote the extractor suggested is marked Unreviewed in the list, its view says by
 * what words and rule it was found, and a screen reader hears it; a reviewed quote of
 * the same corpus has none of that. */
static void
test_quotes_unreviewed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "version-3.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *suggested_label = NULL;
  g_autofree char *reviewed_label = NULL;
  XinzhiQuote *suggested, *reviewed;
  XinzhiQuotesPage *page;
  GtkWindow *window;

  corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  suggested = xinzhi_corpus_lookup_quote (corpus, "q1");
  reviewed = xinzhi_corpus_lookup_quote (corpus, "q2");
  g_assert_false (xinzhi_quote_get_reviewed (suggested));
  g_assert_true (xinzhi_quote_get_reviewed (reviewed));

  window = create_window (corpus, 1000, 700, &page);
  xinzhi_quotes_page_select_quote (page, suggested);
  xinzhi_test_run_for (200);

  /* One row of the two is marked, and the view explains it. */
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), "Unreviewed"), ==, 1);
  g_assert_true (has_label (GTK_WIDGET (page), "Unreviewed Suggestion", TRUE));
  g_assert_true (has_label (GTK_WIDGET (page), "Found by the words “said Li Yuju” (rule quote-then-attribution).", FALSE));
  g_assert_true (has_label (GTK_WIDGET (page), "“Li Yuju”: the full name.", FALSE));
  save_screenshot (GTK_WIDGET (window), "screenshot-quotes-unreviewed.png");

  xinzhi_quotes_page_select_quote (page, reviewed);
  xinzhi_test_run_for (200);
  g_assert_cmpuint (count_labels (GTK_WIDGET (page), "Unreviewed Suggestion"), ==, 0);
  g_assert_false (gtk_widget_get_visible (xinzhi_test_find_with_css_class (GTK_WIDGET (page), "suggestion")));

  suggested_label = xinzhi_quote_row_format_accessible_label (suggested, 0, FALSE);
  reviewed_label = xinzhi_quote_row_format_accessible_label (reviewed, 0, FALSE);
  g_assert_true (g_str_has_prefix (suggested_label, "Unreviewed: Li Yuju"));
  g_assert_true (g_str_has_prefix (reviewed_label, "Li Yuju"));

  destroy_window (window, page);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  /* Registering runs the application's startup: GTK and libadwaita are initialised and
   * style.css is loaded from the resource base path, as in the real application. */
  app = adw_application_new ("io.github.xinzhi.Xinzhi.TestQuotes", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/quotes/list", test_quotes_list);
  g_test_add_func ("/quotes/filter", test_quotes_filter);
  g_test_add_func ("/quotes/navigate", test_quotes_navigate);
  g_test_add_func ("/quotes/copy", test_quotes_copy);
  g_test_add_func ("/quotes/show-in-article", test_quotes_show_in_article);
  g_test_add_func ("/quotes/person", test_person_page);
  g_test_add_func ("/quotes/dark", test_quotes_dark);
  g_test_add_func ("/quotes/narrow", test_quotes_narrow);
  g_test_add_func ("/quotes/empty", test_quotes_empty);
  g_test_add_func ("/quotes/literal-text", test_quotes_literal_text);
  g_test_add_func ("/quotes/unreviewed", test_quotes_unreviewed);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

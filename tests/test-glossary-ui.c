/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "xinzhi-mention-row.h"
#include "xinzhi-window.h"
#include "xinzhi-test-ui.h"

/* The glossary, under a display: opened from the main menu's action and from a search
 * result, it lists every concept and sector with English and Chinese names; a concept's
 * page lists each of its renderings and every place it occurs, and a place opens the
 * article there.  The reader marks concepts with a double underline and lists them.
 * Saves screenshot-glossary*.png and screenshot-reader-concepts.png into the build
 * folder (or $XINZHI_SCREENSHOT_DIR), in the light and dark styles and 360 px wide. */

static AdwApplication *app;

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static GtkListBox *
get_list (XinzhiGlossaryDialog *glossary,
          const char           *name)
{
  return GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (glossary),
                                                      XINZHI_TYPE_GLOSSARY_DIALOG, name));
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
is_concept_chip (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "concept");
}

/* Each rendering of @renderings has its heading on the glossary's page, once the page
 * has been drawn (a slow run, under the sanitizers, takes seconds to get there). */
static void
assert_renderings_shown (XinzhiGlossaryDialog *glossary,
                         const char * const   *renderings)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (guint r = 0; renderings[r] != NULL; r++)
    {
      g_autofree char *heading = g_strdup_printf ("“%s”", renderings[r]);

      while (xinzhi_test_find_matching (GTK_WIDGET (glossary), is_label_with_text, heading) == NULL &&
             g_get_monotonic_time () < deadline)
        xinzhi_test_run_for (50);
      if (xinzhi_test_find_matching (GTK_WIDGET (glossary), is_label_with_text, heading) == NULL)
        g_test_fail_printf ("no heading for %s", heading);
    }
}

static void
collect_mention_rows (GtkWidget *widget,
                      GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (XINZHI_IS_MENTION_ROW (child) && gtk_widget_get_child_visible (child))
        g_ptr_array_add (rows, child);
      collect_mention_rows (child, rows);
    }
}

/* The rows of the places shown on the visible page of the glossary. */
static GPtrArray *
visible_places (XinzhiGlossaryDialog *glossary)
{
  AdwNavigationView *view = ADW_NAVIGATION_VIEW (xinzhi_test_find_descendant (GTK_WIDGET (glossary),
                                                                              ADW_TYPE_NAVIGATION_VIEW));
  GPtrArray *rows = g_ptr_array_new ();

  collect_mention_rows (GTK_WIDGET (adw_navigation_view_get_visible_page (view)), rows);
  return rows;
}

static const char *
visible_view (XinzhiWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (xinzhi_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child_name (stack);
}

static void
test_glossary (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  XinzhiWindow *window = xinzhi_test_present_window (app, corpus, 1100, 760);
  XinzhiConcept *nqpf = xinzhi_corpus_lookup_concept (corpus, "new-quality-productive-forces");
  const char * const *variants = xinzhi_concept_get_variants (nqpf);
  XinzhiReader *reader;
  XinzhiGlossaryDialog *glossary;
  g_autoptr(GPtrArray) places = NULL;
  GtkWidget *odd_one = NULL;
  g_autofree char *flashed = NULL;

  /* From the main menu: every concept and every sector. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.glossary", NULL));
  glossary = XINZHI_GLOSSARY_DIALOG (xinzhi_test_wait_for_dialog (GTK_WIDGET (window)));
  xinzhi_test_run_for (400);
  g_assert_null (xinzhi_glossary_dialog_get_item (glossary));
  g_assert_cmpuint (count_rows (get_list (glossary, "concepts_list")), ==,
                    g_list_model_get_n_items (xinzhi_corpus_get_concepts (corpus)));
  g_assert_cmpuint (count_rows (get_list (glossary, "sectors_list")), ==,
                    g_list_model_get_n_items (xinzhi_corpus_get_sectors (corpus)));
  {
    AdwActionRow *first = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (get_list (glossary, "concepts_list"), 0));
    g_autofree char *subtitle = g_strdup_printf ("新质生产力 · %u mentions", xinzhi_concept_get_n_mentions (nqpf));

    /* test-corpus counts the mentions against the text. */
    g_assert_cmpuint (xinzhi_concept_get_n_mentions (nqpf), >, 1);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "New quality productive forces");
    g_assert_cmpstr (adw_action_row_get_subtitle (first), ==, subtitle);
  }
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-glossary.png");

  /* A row opens the concept's page: each rendering, and every place it occurs. */
  g_signal_emit_by_name (get_list (glossary, "concepts_list"), "row-activated",
                         gtk_list_box_get_row_at_index (get_list (glossary, "concepts_list"), 0));
  xinzhi_test_run_for (600);
  g_assert_true (xinzhi_glossary_dialog_get_item (glossary) == G_OBJECT (nqpf));
  assert_renderings_shown (glossary, variants);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (glossary), is_label_with_text, "23 places"));
  places = visible_places (glossary);
  g_assert_cmpuint (places->len, ==, xinzhi_concept_get_n_mentions (nqpf));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-glossary-concept.png");

  /* A place opens its article there, with the words marked, and closes the glossary. */
  for (guint i = 0; i < places->len && odd_one == NULL; i++)
    {
      XinzhiMention *mention = xinzhi_mention_row_get_mention (g_ptr_array_index (places, i));
      g_autofree char *text = xinzhi_mention_dup_text (mention);

      if (g_str_equal (text, "new quality High productivity"))
        odd_one = g_ptr_array_index (places, i);
    }
  g_assert_nonnull (odd_one);
  gtk_widget_activate (odd_one);
  reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  {
    /* The flash lasts two seconds from when the reader shows the place: look for it
     * often rather than once after a guess at how long a slow run takes to get there. */
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (flashed == NULL || *flashed == '\0')
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        xinzhi_test_run_for (50);
        g_free (flashed);
        flashed = xinzhi_test_dup_tagged_text (GTK_WIDGET (reader), "flash");
      }
  }
  g_assert_null (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  g_assert_cmpstr (visible_view (window), ==, "articles");
  g_assert_cmpstr (xinzhi_document_get_id (xinzhi_reader_get_document (reader)), ==, "two-sessions-catchphrase");
  g_assert_cmpstr (flashed, ==, "new quality High productivity");

  /* From search: a concept result opens its page. */
  xinzhi_window_search (window, "新质生产力");
  xinzhi_test_run_for (300);
  {
    XinzhiSearchPage *page = xinzhi_window_get_search_page (window);
    GListModel *results = xinzhi_search_page_get_results (page);
    guint position = G_MAXUINT;

    for (guint i = 0; i < g_list_model_get_n_items (results) && position == G_MAXUINT; i++)
      {
        g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (results, i);

        if (xinzhi_search_result_get_kind (result) == XINZHI_SEARCH_KIND_CONCEPT)
          position = i;
      }
    g_assert_cmpuint (position, !=, G_MAXUINT);
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-search-concept.png");
    xinzhi_search_page_activate_result (page, position);
  }
  glossary = XINZHI_GLOSSARY_DIALOG (xinzhi_test_wait_for_dialog (GTK_WIDGET (window)));
  xinzhi_test_run_for (400);
  g_assert_true (xinzhi_glossary_dialog_get_item (glossary) == G_OBJECT (nqpf));
  adw_dialog_force_close (ADW_DIALOG (glossary));
  xinzhi_test_run_for (300);

  /* And the search page's own button, before anything is searched. */
  xinzhi_window_search (window, "");
  xinzhi_test_run_for (200);
  g_assert_nonnull (xinzhi_test_find_actionable (GTK_WIDGET (xinzhi_window_get_search_page (window)), "win.glossary"));

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

/* A sector's page lists its terms, each with its places. */
static void
test_glossary_sector (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  XinzhiWindow *window = xinzhi_test_present_window (app, corpus, 1100, 760);
  XinzhiSector *cars = xinzhi_corpus_lookup_sector (corpus, "new-energy-vehicles");
  XinzhiGlossaryDialog *glossary = xinzhi_window_show_glossary (window, G_OBJECT (cars));
  g_autoptr(GPtrArray) places = NULL;

  xinzhi_test_run_for (600);
  g_assert_true (xinzhi_glossary_dialog_get_item (glossary) == G_OBJECT (cars));
  assert_renderings_shown (glossary, xinzhi_sector_get_terms (cars));
  places = visible_places (glossary);
  g_assert_cmpuint (places->len, ==, xinzhi_sector_get_n_mentions (cars));

  /* Back to the index. */
  g_assert_true (adw_navigation_view_pop (ADW_NAVIGATION_VIEW (xinzhi_test_find_descendant (GTK_WIDGET (glossary),
                                                                                           ADW_TYPE_NAVIGATION_VIEW))));
  xinzhi_test_run_for (600);
  g_assert_null (xinzhi_glossary_dialog_get_item (glossary));

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

/* The reader marks concepts apart from sectors, and lists them with a chip. */
static void
test_reader_concepts (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  XinzhiWindow *window = xinzhi_test_present_window (app, corpus, 1100, 760);
  XinzhiDocument *document = xinzhi_corpus_lookup_document (corpus, "two-sessions-catchphrase");
  XinzhiReader *reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  g_autofree char *concept_text = NULL;
  g_autofree char *flashed = NULL;
  GtkWidget *chip;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (xinzhi_test_find_descendant (GTK_WIDGET (window),
                                                                                      ADW_TYPE_VIEW_STACK)),
                                         "articles");
  xinzhi_articles_page_select_document (xinzhi_window_get_articles_page (window), document);
  xinzhi_test_run_for (600);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-reader-concepts.png");

  /* The first words with the concept tag: the catchphrase itself. */
  concept_text = xinzhi_test_dup_tagged_text (GTK_WIDGET (reader), "concept");
  g_assert_cmpstr (concept_text, ==, "New quality productive capacity");
  {
    GtkTextTagTable *table = gtk_text_buffer_get_tag_table (
      gtk_text_view_get_buffer (GTK_TEXT_VIEW (xinzhi_test_find_descendant (GTK_WIDGET (reader), GTK_TYPE_TEXT_VIEW))));
    PangoUnderline underline;

    g_object_get (gtk_text_tag_table_lookup (table, "concept"), "underline", &underline, NULL);
    g_assert_cmpint (underline, ==, PANGO_UNDERLINE_DOUBLE);
  }

  /* A chip for each concept named; it shows the first mention. */
  chip = xinzhi_test_find_matching (GTK_WIDGET (reader), is_concept_chip, NULL);
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_is_drawable (chip));
  /* A button's activation clicks it after a short visual press. */
  gtk_widget_activate (chip);
  xinzhi_test_run_for (600);
  flashed = xinzhi_test_dup_tagged_text (GTK_WIDGET (reader), "flash");
  g_assert_cmpstr (flashed, ==, "New quality productive capacity");
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-reader-concepts-text.png");

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

/* Dark, and narrow: the glossary as a bottom sheet. */
static void
test_glossary_styles (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  AdwStyleManager *style = adw_style_manager_get_default ();
  XinzhiConcept *nqpf = xinzhi_corpus_lookup_concept (corpus, "new-quality-productive-forces");
  XinzhiWindow *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = xinzhi_test_present_window (app, corpus, 1100, 760);
  xinzhi_window_show_glossary (window, G_OBJECT (nqpf));
  xinzhi_test_run_for (600);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-glossary-concept-dark.png");
  adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  xinzhi_window_show_document (window, xinzhi_corpus_lookup_document (corpus, "two-sessions-catchphrase"), 0);
  xinzhi_test_run_for (600);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-reader-concepts-dark.png");
  xinzhi_test_destroy_window (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  window = xinzhi_test_present_window (app, corpus, 360, 640);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.glossary", NULL));
  xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  xinzhi_test_run_for (600);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-glossary-narrow.png");
  xinzhi_window_show_glossary (window, G_OBJECT (nqpf));
  xinzhi_test_run_for (600);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-glossary-concept-narrow.png");
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

  g_test_add_func ("/glossary-ui/glossary", test_glossary);
  g_test_add_func ("/glossary-ui/sector", test_glossary_sector);
  g_test_add_func ("/glossary-ui/reader-concepts", test_reader_concepts);
  g_test_add_func ("/glossary-ui/styles", test_glossary_styles);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

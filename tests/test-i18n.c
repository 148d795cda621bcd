/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "xinzhi-names.h"
#include "xinzhi-timeline-layout.h"
#include "xinzhi-window.h"
#include "xinzhi-test-ui.h"

/* The main window in Simplified Chinese, with the translations built into the build
 * folder (XINZHI_LOCALEDIR): the view switcher names the views in Chinese, names the
 * corpus gives in Chinese come first, dates read as Chinese dates, and the loader's
 * messages are Chinese sentences.  Screenshots, screenshot-zh_CN.png and
 * screenshot-zh_CN-timeline.png, are saved into the build folder for a person to look
 * at; so is the Sectors view with what is known of a first mention, in the light and
 * dark styles (screenshot-zh_CN-sectors*.png), and the glossary
 * (screenshot-zh_CN-glossary*.png). */

static AdwApplication *app;

/* Whether a GtkLabel under @widget shows exactly @text. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static XinzhiWindow *
present_window (XinzhiCorpus *corpus,
                GSettings    *settings)
{
  XinzhiWindow *window = xinzhi_window_new (app, corpus, settings);

  /* The development profile's striped header needs an SVG loader; show the release look. */
  gtk_widget_remove_css_class (GTK_WIDGET (window), "devel");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  xinzhi_test_wait_until_mapped (GTK_WIDGET (window));
  return window;
}

static void
test_i18n_catalog (void)
{
  /* The catalogue itself, without a window. */
  g_assert_cmpstr (_("Timeline"), ==, "时间线");
  g_assert_cmpstr (C_("date format", "%-d %B %Y"), ==, "%Y年%-m月%-d日");
}

static guint32
julian_day (guint year,
            guint month,
            guint day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

/* Days on the timeline's axis read month first, as Chinese dates do: “1月5日”, not
 * “5日 1月”. */
static void
test_i18n_axis (void)
{
  g_autofree char *week = xinzhi_timeline_format_tick (XINZHI_TIMELINE_UNIT_WEEK, julian_day (2024, 1, 5), FALSE);
  g_autofree char *context = xinzhi_timeline_format_context (XINZHI_TIMELINE_UNIT_MONTH, julian_day (2024, 3, 1));

  g_assert_cmpstr (week, ==, "1月5日");
  g_assert_cmpstr (context, ==, "2024年3月");
}

/* The loader's messages are whole Chinese sentences: no English word for a kind of
 * object or a date's precision put into them. */
static void
test_i18n_loader_messages (void)
{
  const struct {
    const char *file;
    const char *message;
  } cases[] = {
    { "duplicate-id.json", "ID“doc-a”已被另一篇文档使用" },
    { "dangling-person.json", "没有 ID 为“nobody”的人物" },
    { "date-source-too-precise.json", "日期精确到日，但“in September”只写明到月" },
    { "too-precise-document-date.json", "日期精确到日，但“2024”只写明到年" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", cases[i].file, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_file (file, NULL, &error);

      g_assert_null (corpus);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      for (const char * const *word = (const char *[]) { " day", " month", " year", " document", " person", NULL };
           *word != NULL; word++)
        g_assert_null (strstr (error->message, *word));
    }
}

/* Names the corpus gives in Chinese come first, the English beside them. */
static void
test_i18n_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (&error);
  XinzhiSector *sector;
  XinzhiPerson *person;
  XinzhiEvent *event;

  g_assert_no_error (error);
  g_assert_true (xinzhi_names_chinese_first ());

  sector = xinzhi_corpus_lookup_sector (corpus, "artificial-intelligence");
  g_assert_cmpstr (xinzhi_sector_get_display_name (sector), ==, "人工智能");
  g_assert_cmpstr (xinzhi_sector_get_other_name (sector), ==, "Artificial intelligence");
  g_assert_cmpstr (xinzhi_sector_get_group_display_name (sector), ==, xinzhi_sector_get_group_name_zh (sector));

  person = xinzhi_corpus_lookup_person (corpus, "xi-jinping");
  g_assert_cmpstr (xinzhi_person_get_display_name (person), ==, "习近平");
  g_assert_cmpstr (xinzhi_person_get_other_name (person), ==, "Xi Jinping");
  /* A person the corpus gives no Chinese name keeps the English one, alone. */
  person = xinzhi_corpus_lookup_person (corpus, "li-yuju");
  g_assert_cmpstr (xinzhi_person_get_display_name (person), ==, "Li Yuju");
  g_assert_null (xinzhi_person_get_other_name (person));

  event = xinzhi_corpus_lookup_event (corpus, "politburo-study-session-2024");
  g_assert_cmpstr (xinzhi_event_get_display_title (event), ==, "中共中央政治局集体学习");
  g_assert_cmpstr (xinzhi_event_get_other_title (event), ==, "Politburo group study session");
}

static void
test_i18n_window (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  AdwViewStack *stack;
  AdwViewStackPage *page;
  XinzhiWindow *window;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.xinzhi.Xinzhi", TRUE);
  if (schema != NULL)
    settings = g_settings_new_full (schema, NULL, NULL);

  window = present_window (corpus, settings);

  /* The views are named in Chinese, in the stack and on the switcher. */
  stack = ADW_VIEW_STACK (xinzhi_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (stack);
  page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "timeline"));
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "时间线");
  page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "articles"));
  g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, "文章");
  g_assert_true (has_label (GTK_WIDGET (window), "时间线"));

  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-zh_CN.png");

  /* The timeline's labels, its list and the details of the selected event name events
   * in Chinese, and its axis shows days as Chinese dates. */
  {
    XinzhiTimelinePage *timeline_page = xinzhi_window_get_timeline_page (window);
    XinzhiTimeline *timeline = xinzhi_timeline_page_get_timeline (timeline_page);
    XinzhiEvent *event = xinzhi_corpus_lookup_event (corpus, "politburo-study-session-2024");
    g_autofree char *date = xinzhi_event_dup_date_label (event);
    g_autofree char *description = g_strdup_printf (_("%s: %s"), date, "中共中央政治局集体学习");
    g_autofree char *mismatch = NULL;

    xinzhi_timeline_page_select_event (timeline_page, event);
    xinzhi_timeline_set_visible_range (timeline, julian_day (2024, 1, 20), julian_day (2024, 2, 20));
    xinzhi_test_run_for (600);
    mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (timeline),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                   description);
    g_assert_null (mismatch);
    g_assert_true (has_label (GTK_WIDGET (window), "中共中央政治局集体学习"));
    g_assert_true (has_label (GTK_WIDGET (window), "Politburo group study session"));
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-zh_CN-timeline.png");

    /* The exported figure speaks Chinese: its legend, its source line, its titles. */
    {
      g_autofree char *png_path = g_test_build_filename (G_TEST_BUILT, "export-figure-zh_CN.png", NULL);
      g_autofree char *svg_path = g_test_build_filename (G_TEST_BUILT, "export-figure-zh_CN.svg", NULL);
      g_autoptr(GFile) png = g_file_new_for_path (png_path);
      g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
      g_autoptr(GError) export_error = NULL;
      g_autofree char *contents = NULL;

      g_assert_true (xinzhi_timeline_page_export (timeline_page, png, &export_error));
      g_assert_no_error (export_error);
      g_assert_true (xinzhi_timeline_page_export (timeline_page, svg, &export_error));
      g_assert_no_error (export_error);
      g_assert_true (g_file_get_contents (svg_path, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, g_dpgettext2 (NULL, "timeline legend", "A day")));
      g_assert_nonnull (strstr (contents, ">某一天</text>"));
      g_assert_nonnull (strstr (contents, ">中共中央政治局集体学习</text>"));
      g_assert_nonnull (strstr (contents, "用 Xinzhi 制作</text>"));
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  xinzhi_test_run_for (100);
}

/* The Sectors view: a sector's summary says what is known of its first mention in
 * Chinese, the date as 2024年3月7日 and the undated articles counted apart. */
static void
test_i18n_sectors (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  XinzhiWindow *window;
  GtkWidget *page;
  GtkWidget *summary;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  window = present_window (corpus, NULL);

  /* Artificial intelligence, as in the AppStream screenshots. */
  page = xinzhi_test_show_sample (window, corpus, "sectors");
  xinzhi_test_run_for (300);
  summary = xinzhi_test_find_with_css_class (page, "sector-summary");
  g_assert_nonnull (summary);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary)), ==,
                   "6次提及，见于4篇文章 · 最早有日期的提及：2024年3月7日；"
                   "2篇文章未注明日期（日期为估计）");
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-zh_CN-sectors.png");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-zh_CN-sectors-dark.png");
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);

  /* One undated article, and its estimate at its precision. */
  xinzhi_sectors_page_select_sector (XINZHI_SECTORS_PAGE (page),
                                     xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy"));
  xinzhi_test_run_for (100);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary)), ==,
                   "2次提及，见于2篇文章 · 最早有日期的提及：2024年3月7日；"
                   "一篇文章未注明日期（估计为2024年6月）");

  gtk_window_destroy (GTK_WINDOW (window));
  xinzhi_test_run_for (100);
}

static GtkListBox *
get_glossary_list (AdwDialog  *glossary,
                   const char *name)
{
  return GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (glossary),
                                                      XINZHI_TYPE_GLOSSARY_DIALOG, name));
}

/* The glossary names concepts and sectors in Chinese first, the English beside them. */
static void
test_i18n_glossary (void)
{
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(XinzhiSector) sector = NULL;
  g_autofree char *sector_subtitle = NULL;
  XinzhiConcept *concept;
  XinzhiWindow *window;
  AdwDialog *glossary;
  GtkListBox *concepts;
  AdwNavigationView *view;
  AdwActionRow *row;

  corpus = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  concept = xinzhi_corpus_lookup_concept (corpus, "new-quality-productive-forces");
  g_assert_cmpstr (xinzhi_concept_get_display_name (concept), ==, "新质生产力");
  g_assert_cmpstr (xinzhi_concept_get_other_name (concept), ==, "New quality productive forces");

  window = present_window (corpus, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.glossary", NULL));
  glossary = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  xinzhi_test_run_for (400);

  concepts = get_glossary_list (glossary, "concepts_list");
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (concepts, 0));
  subtitle = g_strdup_printf ("New quality productive forces · %u次提及", xinzhi_concept_get_n_mentions (concept));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "新质生产力");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, subtitle);

  sector = g_list_model_get_item (xinzhi_corpus_get_sectors (corpus), 0);
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (get_glossary_list (glossary, "sectors_list"), 0));
  sector_subtitle = g_strdup_printf ("%s · ", xinzhi_sector_get_name (sector));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, xinzhi_sector_get_name_zh (sector));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), sector_subtitle));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-zh_CN-glossary.png");

  /* The concept's page: the Chinese name as its title, the English under it. */
  g_signal_emit_by_name (concepts, "row-activated", gtk_list_box_get_row_at_index (concepts, 0));
  xinzhi_test_run_for (400);
  view = ADW_NAVIGATION_VIEW (xinzhi_test_find_descendant (GTK_WIDGET (glossary), ADW_TYPE_NAVIGATION_VIEW));
  g_assert_cmpstr (adw_navigation_page_get_title (adw_navigation_view_get_visible_page (view)), ==, "新质生产力");
  g_assert_true (has_label (GTK_WIDGET (adw_navigation_view_get_visible_page (view)),
                            "New quality productive forces"));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-zh_CN-glossary-concept.png");

  adw_dialog_force_close (glossary);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("XINZHI_LOCALEDIR");
  int status;

  /* The test's environment names the locale; without it generated, there is nothing to
   * show. */
  if (setlocale (LC_ALL, "") == NULL || localedir == NULL)
    {
      printf ("1..0 # SKIP the zh_CN.UTF-8 locale or XINZHI_LOCALEDIR is missing\n");
      return EXIT_SUCCESS;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GTK's own accessibility backend for tests, so that the timeline's description
   * can be read back (gtk_test_accessible_check_property()). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  app = adw_application_new ("io.github.xinzhi.Xinzhi.Test", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/i18n/catalog", test_i18n_catalog);
  g_test_add_func ("/i18n/axis", test_i18n_axis);
  g_test_add_func ("/i18n/loader-messages", test_i18n_loader_messages);
  g_test_add_func ("/i18n/names", test_i18n_names);
  g_test_add_func ("/i18n/window", test_i18n_window);
  g_test_add_func ("/i18n/sectors", test_i18n_sectors);
  g_test_add_func ("/i18n/glossary", test_i18n_glossary);

  status = g_test_run ();

  g_clear_object (&app);
  return status;
}

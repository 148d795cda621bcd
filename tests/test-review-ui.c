/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reviewing in the window (xinzhi-window-edit.c): an article added to a new corpus brings
 * quotes marked Unreviewed; Accept on one makes it reviewed, in the file and in Quotes;
 * Undo puts the file back as it was and Redo does the edit again; Reject takes a quote
 * out and Undo brings it back; a corpus file changed on disk since it was opened is
 * never written over, and an alert says so.  Words selected in the reader become a quote
 * through Add Quote…, spoken by a new person, and Undo takes it out again; the built-in
 * corpus offers a copy instead.  Saves screenshot-review*.png into the build folder. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xinzhi-add-event-dialog.h"
#include "xinzhi-add-quote-dialog.h"
#include "xinzhi-event-view.h"
#include "xinzhi-import.h"
#include "xinzhi-person-page.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-reader.h"
#include "xinzhi-synth.h"
#include "xinzhi-test-ui.h"
#include "xinzhi-timeline-figure.h"
#include "xinzhi-window.h"

static AdwApplication *app;
static char *data_home;

/* Waits for the corpus the window opens after @before, and lets it settle. */
static void
wait_for_new_corpus (XinzhiWindow *window,
                     XinzhiCorpus *before)
{
  xinzhi_test_wait_for_corpus_file (window, before);
  xinzhi_test_run_for (100);
}

/* The quotes of the corpus shown that nobody has reviewed, and the first of them. */
static guint
count_unreviewed (XinzhiWindow  *window,
                  XinzhiQuote  **first)
{
  GListModel *quotes = xinzhi_corpus_get_quotes (xinzhi_window_get_corpus (window));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);

      if (xinzhi_quote_get_reviewed (quote))
        continue;
      if (n++ == 0 && first != NULL)
        *first = quote;
    }
  return n;
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), data);
}

/* How many labels below @widget, shown, read @text. */
static guint
count_labels (GtkWidget  *widget,
              const char *text)
{
  guint n = is_label (widget, text);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_labels (child, text);
  return n;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), data);
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_label (GTK_LABEL (widget)), data) != NULL;
}

static gboolean
is_mapped_person_page (GtkWidget     *widget,
                       gconstpointer  data)
{
  return XINZHI_IS_PERSON_PAGE (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_entry_row_titled (GtkWidget     *widget,
                     gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data);
}

static gboolean
is_person_page (GtkWidget     *widget,
                gconstpointer  data)
{
  return XINZHI_IS_PERSON_PAGE (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_event_view (GtkWidget     *widget,
               gconstpointer  data)
{
  return XINZHI_IS_EVENT_VIEW (widget) && gtk_widget_get_mapped (widget);
}

/* How many mapped rows below @widget hold a label reading @label. */
static guint
count_action_rows (GtkWidget  *widget,
                   const char *label)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget))
    return xinzhi_test_find_matching (widget, is_label, label) != NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_action_rows (child, label);
  return n;
}

/* How many quote rows @widget shows. */
static guint
count_quote_rows (GtkWidget *widget)
{
  guint n = XINZHI_IS_QUOTE_ROW (widget) && gtk_widget_get_visible (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_quote_rows (child);
  return n;
}

/* The first run of text a text view below @widget marks as an unreviewed quote. */
static char *
dup_unreviewed_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      char *found = NULL;

      if (GTK_IS_TEXT_VIEW (child))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child));
          GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "unreviewed");
          GtkTextIter start, end;

          if (tag == NULL)
            continue;
          gtk_text_buffer_get_start_iter (buffer, &start);
          if (!gtk_text_iter_starts_tag (&start, tag) && !gtk_text_iter_forward_to_tag_toggle (&start, tag))
            return NULL;
          end = start;
          gtk_text_iter_forward_to_tag_toggle (&end, tag);
          return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        }
      if ((found = dup_unreviewed_text (child)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_load_banner (GtkWidget     *widget,
                gconstpointer  data)
{
  return ADW_IS_BANNER (widget) && g_strcmp0 (adw_banner_get_button_label (ADW_BANNER (widget)), "_Cancel") == 0;
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), data) == 0;
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* Activates @action of @window (with @id, when not %NULL) and waits for the corpus it
 * opens again. */
static void
edit (XinzhiWindow *window,
      const char   *action,
      const char   *id)
{
  g_autoptr(XinzhiCorpus) before = g_object_ref (xinzhi_window_get_corpus (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, id != NULL ? "s" : NULL, id));
  wait_for_new_corpus (window, before);
}

/* Gives @dialog the answer "do" and waits until @window shows the corpus the edit
 * made. */
static void
answer_and_wait (XinzhiWindow *window,
                 AdwDialog    *dialog)
{
  g_autoptr(XinzhiCorpus) before = g_object_ref (xinzhi_window_get_corpus (window));

  g_signal_emit_by_name (dialog, "response", "do");
  adw_dialog_force_close (dialog);
  wait_for_new_corpus (window, before);
}

static void
test_review (void)
{
  g_autoptr(XinzhiCorpus) builtin = NULL;
  g_autofree char *article = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes-en.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autofree char *path = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *accepted = NULL;
  g_autofree char *now = NULL;
  g_autofree char *id = NULL;
  XinzhiWindow *window;
  XinzhiQuote *quote = NULL;
  guint n_unreviewed;
  GError *error = NULL;

  builtin = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (builtin)), >, 0);
  window = xinzhi_test_present_window (app, builtin, 1100, 760);
  xinzhi_test_show_view (window, "quotes");

  /* The built-in corpus is read-only, and its quotes are all reviewed. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  xinzhi_test_run_for (300);
  g_assert_true (xinzhi_window_get_corpus (window) == builtin);
  {
    g_autoptr(XinzhiCorpus) before = g_object_ref (builtin);
    GFile *files[] = { file };

    xinzhi_window_import_files (window, files, 1);
    wait_for_new_corpus (window, before);
  }
  path = g_file_get_path (xinzhi_window_get_corpus_file (window));
  imported = read_text (path);
  n_unreviewed = count_unreviewed (window, &quote);
  g_assert_cmpuint (n_unreviewed, >, 1);
  id = g_strdup (xinzhi_quote_get_id (quote));

  /* In the reader, the suggestion is underlined as such, and the legend says so. */
  {
    g_autofree char *tagged = NULL;

    xinzhi_window_show_quote (window, quote);
    xinzhi_test_run_for (200);
    tagged = dup_unreviewed_text (GTK_WIDGET (xinzhi_window_get_articles_page (window)));
    g_assert_nonnull (tagged);
    g_assert_nonnull (strstr (tagged, xinzhi_quote_get_text (quote)));
    g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Unreviewed quote"));
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-reader.png");
  }

  /* In search, the suggestion's result is tagged as such. */
  xinzhi_window_search (window, "estuary");
  xinzhi_test_run_for (300);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (xinzhi_window_get_search_page (window)), is_label,
                                               "Unreviewed"));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-search.png");

  /* The first suggestion, in Quotes, with its Accept and Reject. */
  xinzhi_test_show_view (window, "quotes");
  xinzhi_quotes_page_select_quote (xinzhi_window_get_quotes_page (window), quote);
  xinzhi_test_run_for (200);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review.png");
  /* And in the dark style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  xinzhi_test_run_for (200);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  xinzhi_test_run_for (100);
  /* Correct: the article's other people, and the other kind. */
  {
    GtkMenuButton *correct = GTK_MENU_BUTTON (xinzhi_test_find_matching (GTK_WIDGET (window), is_menu_button,
                                                                         "_Correct"));
    GMenuModel *menu = gtk_menu_button_get_menu_model (correct);

    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
    gtk_menu_button_popup (correct);
    xinzhi_test_run_for (300);
    xinzhi_test_save_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (correct)), "screenshot-review-correct.png");
    gtk_menu_button_popdown (correct);
    xinzhi_test_run_for (100);
  }
  /* On a phone's width the buttons wrap rather than widen the window. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  xinzhi_quotes_page_select_quote (xinzhi_window_get_quotes_page (window), quote);
  xinzhi_test_run_for (400);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-narrow.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  xinzhi_test_run_for (400);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Unreviewed Suggestion"));
  g_assert_nonnull (xinzhi_test_find_actionable (GTK_WIDGET (window), "win.accept-quote"));

  /* Accept: reviewed in the file and on screen; the toast offers Undo. */
  edit (window, "win.accept-quote", id);
  g_assert_cmpuint (count_unreviewed (window, NULL), ==, n_unreviewed - 1);
  g_assert_true (xinzhi_quote_get_reviewed (xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id)));
  accepted = read_text (path);
  g_assert_cmpstr (accepted, !=, imported);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Quote accepted"));
  g_assert_null (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Unreviewed Suggestion"));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-accepted.png");

  /* Alt+Shift+Down: the next quote nobody has reviewed, past the one just accepted. */
  {
    XinzhiQuotesPage *page = xinzhi_window_get_quotes_page (window);
    XinzhiQuote *next;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "quotes.next-suggestion", NULL));
    xinzhi_test_run_for (200);
    next = xinzhi_quotes_page_get_selected_quote (page);
    g_assert_nonnull (next);
    g_assert_cmpstr (xinzhi_quote_get_id (next), !=, id);
    g_assert_false (xinzhi_quote_get_reviewed (next));
  }

  /* Undo: the file as it was; Redo: as the edit left it. */
  edit (window, "win.undo", NULL);
  now = read_text (path);
  g_assert_cmpstr (now, ==, imported);
  g_assert_cmpuint (count_unreviewed (window, NULL), ==, n_unreviewed);
  /* Nothing more to undo. */
  {
    XinzhiCorpus *shown = xinzhi_window_get_corpus (window);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    xinzhi_test_run_for (300);
    g_assert_true (xinzhi_window_get_corpus (window) == shown);
  }
  edit (window, "win.redo", NULL);
  g_free (now);
  now = read_text (path);
  g_assert_cmpstr (now, ==, accepted);

  /* Reject another: it leaves the corpus; Undo brings it back. */
  count_unreviewed (window, &quote);
  g_free (id);
  id = g_strdup (xinzhi_quote_get_id (quote));
  edit (window, "win.reject-quote", id);
  g_assert_null (xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id));
  g_assert_cmpuint (count_unreviewed (window, NULL), ==, n_unreviewed - 2);
  edit (window, "win.undo", NULL);
  g_assert_nonnull (xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id));
  g_free (now);
  now = read_text (path);
  g_assert_cmpstr (now, ==, accepted);

  /* Accept All in Article: every suggestion of the article (all of them are in the one
   * article added); Undo puts them back. */
  {
    g_autofree char *before_all = read_text (path);
    g_autofree char *after_undo = NULL;

    g_assert_nonnull (xinzhi_test_find_actionable (GTK_WIDGET (window), "win.accept-article-quotes"));
    edit (window, "win.accept-article-quotes", id);
    g_assert_cmpuint (count_unreviewed (window, NULL), ==, 0);
    g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "The article’s quotes accepted"));
    edit (window, "win.undo", NULL);
    after_undo = read_text (path);
    g_assert_cmpstr (after_undo, ==, before_all);
    g_assert_cmpuint (count_unreviewed (window, NULL), ==, n_unreviewed - 1);
  }

  /* Speaker: another person the article names; Undo gives the quote its speaker back. */
  {
    XinzhiCorpus *corpus = xinzhi_window_get_corpus (window);
    XinzhiQuote *shown = xinzhi_corpus_lookup_quote (corpus, id);
    GListModel *people = xinzhi_document_get_people (xinzhi_quote_get_document (shown));
    g_autofree char *speaker = g_strdup (xinzhi_person_get_id (xinzhi_quote_get_person (shown)));
    g_autofree char *other = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (people) && other == NULL; i++)
      {
        g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, i);

        if (!g_str_equal (xinzhi_person_get_id (person), speaker))
          other = g_strdup (xinzhi_person_get_id (person));
      }
    g_assert_nonnull (other);
    xinzhi_quotes_page_select_quote (xinzhi_window_get_quotes_page (window), shown);
    xinzhi_test_run_for (200);
    g_assert_nonnull (xinzhi_test_find_with_css_class (GTK_WIDGET (window), "pill"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-speaker", "(ss)", id, other));
    wait_for_new_corpus (window, corpus);
    g_assert_cmpstr (xinzhi_person_get_id (xinzhi_quote_get_person (xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id))),
                     ==, other);
    g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Speaker changed"));
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-speaker.png");
    edit (window, "win.undo", NULL);
    g_assert_cmpstr (xinzhi_person_get_id (xinzhi_quote_get_person (xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id))),
                     ==, speaker);
  }

  /* Kind: quoted words become reported speech, or the reverse; Undo turns it back. */
  {
    XinzhiQuoteKind kind = xinzhi_quote_get_kind (xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id));
    g_autoptr(XinzhiCorpus) before = g_object_ref (xinzhi_window_get_corpus (window));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-kind", "(ss)", id,
                                               kind == XINZHI_QUOTE_DIRECT ? "paraphrase" : "direct"));
    wait_for_new_corpus (window, before);
    g_assert_cmpint (xinzhi_quote_get_kind (xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id)), !=, kind);
    g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Quote kind changed"));
    edit (window, "win.undo", NULL);
    g_assert_cmpint (xinzhi_quote_get_kind (xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id)), ==, kind);
  }

  /* A filter on a person stays through an edit, on the corpus as the edit left it. */
  {
    XinzhiQuote *shown = xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id);
    /* A copy: the corpus it is of goes with the edit. */
    g_autofree char *speaker = g_strdup (xinzhi_person_get_id (xinzhi_quote_get_person (shown)));
    XinzhiFilter *filter = xinzhi_window_get_filter (window);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-filter", "(ss)", "person", speaker));
    xinzhi_test_run_for (100);
    edit (window, "win.redo", NULL);
    g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_PERSON), ==, 1);
    g_assert_true (xinzhi_filter_get_value (filter, XINZHI_FILTER_PERSON, 0) ==
                   (gpointer) xinzhi_corpus_lookup_person (xinzhi_window_get_corpus (window), speaker));
    edit (window, "win.undo", NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
    xinzhi_test_run_for (100);
  }

  /* Reviewed Only: Quotes lists the reviewed ones, a chip says why, and an edit
   * keeps it on. */
  {
    GListModel *shown = xinzhi_quotes_page_get_quotes (xinzhi_window_get_quotes_page (window));
    guint n_quotes = g_list_model_get_n_items (xinzhi_corpus_get_quotes (xinzhi_window_get_corpus (window)));
    gboolean reviewed_only = FALSE;

    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_quotes);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reviewed-only", NULL));
    g_object_get (window, "reviewed-only", &reviewed_only, NULL);
    g_assert_true (reviewed_only);
    xinzhi_test_run_for (200);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_quotes - count_unreviewed (window, NULL));
    g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Reviewed only"));
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-reviewed-only.png");

    /* A person's page too: the page of the speaker of a suggestion lists and counts
     * only their reviewed quotes, and all of them again when it is turned off. */
    {
      XinzhiQuote *suggestion = NULL;
      XinzhiPerson *speaker;
      guint n_all, n_reviewed = 0;
      g_autofree char *reviewed_counts = NULL;
      g_autofree char *all_counts = NULL;
      GtkWidget *page;

      count_unreviewed (window, &suggestion);
      speaker = xinzhi_quote_get_person (suggestion);
      n_all = g_list_model_get_n_items (xinzhi_person_get_quotes (speaker));
      for (guint i = 0; i < n_all; i++)
        {
          g_autoptr(XinzhiQuote) spoken = g_list_model_get_item (xinzhi_person_get_quotes (speaker), i);

          n_reviewed += xinzhi_quote_get_reviewed (spoken);
        }
      g_assert_cmpuint (n_reviewed, <, n_all);
      reviewed_counts = g_strdup_printf ("%u reviewed quote%s · ", n_reviewed, n_reviewed == 1 ? "" : "s");
      all_counts = g_strdup_printf ("%u quote%s · ", n_all, n_all == 1 ? "" : "s");

      xinzhi_quotes_page_show_person (xinzhi_window_get_quotes_page (window), speaker);
      xinzhi_test_run_for (300);
      page = xinzhi_test_find_matching (GTK_WIDGET (window), is_person_page, NULL);
      g_assert_nonnull (page);
      g_assert_true (xinzhi_person_page_get_reviewed_only (XINZHI_PERSON_PAGE (page)));
      g_assert_cmpuint (count_quote_rows (page), ==, n_reviewed);
      g_assert_nonnull (xinzhi_test_find_matching (page, is_label_starting, reviewed_counts));
      xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-person-reviewed-only.png");

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reviewed-only", NULL));
      xinzhi_test_run_for (200);
      g_assert_false (xinzhi_person_page_get_reviewed_only (XINZHI_PERSON_PAGE (page)));
      g_assert_cmpuint (count_quote_rows (page), ==, n_all);
      g_assert_nonnull (xinzhi_test_find_matching (page, is_label_starting, all_counts));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reviewed-only", NULL));
      xinzhi_test_run_for (200);
      g_assert_cmpuint (count_quote_rows (page), ==, n_reviewed);
    }

    edit (window, "win.undo", NULL);
    g_object_get (window, "reviewed-only", &reviewed_only, NULL);
    g_assert_true (reviewed_only);
    edit (window, "win.redo", NULL);
    shown = xinzhi_quotes_page_get_quotes (xinzhi_window_get_quotes_page (window));
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n_quotes - count_unreviewed (window, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reviewed-only", NULL));
    xinzhi_test_run_for (100);
    g_assert_null (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Reviewed only"));
  }

  /* Changed on disk meanwhile: nothing is written, and an alert says why. */
  {
    g_autofree char *changed = g_strconcat (accepted, "\n", NULL);
    g_autofree char *after = NULL;
    AdwDialog *dialog;

    g_assert_true (g_file_set_contents (path, changed, -1, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-quote", "s", id));
    dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Accept Quote");
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), path));
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "changed by another window or program"));
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-changed.png");
    adw_dialog_force_close (dialog);
    after = read_text (path);
    g_assert_cmpstr (after, ==, changed);
  }

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
}

/* An edit of a large corpus takes a while: the banner says the file is being saved,
 * with no Cancel (an edit is not stopped halfway), and goes once it is; the banner's
 * Cancel is back for loads. */
static void
test_saving_banner (void)
{
  g_autofree char *article_path = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes-en.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (article_path);
  g_autoptr(XinzhiExtraction) extraction = NULL;
  g_autoptr(XinzhiCorpus) builtin = NULL;
  g_autoptr(GBytes) synthetic = xinzhi_synth_corpus_json (3000, 20241125);
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (data_home, "large.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *id = NULL;
  XinzhiWindow *window;
  XinzhiQuote *quote = NULL;
  AdwBanner *banner;
  gboolean saw_saving = FALSE;
  gint64 saw_at = 0;
  gint64 deadline;

  extraction = xinzhi_extraction_new_from_file (article, NULL, &error);
  g_assert_no_error (error);
  builtin = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  json = xinzhi_import_merge (g_bytes_get_data (synthetic, NULL), g_bytes_get_size (synthetic),
                              &extraction, 1, builtin, &items, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));

  window = xinzhi_test_present_window (app, builtin, 1100, 760);
  xinzhi_window_open_file (window, file);
  wait_for_new_corpus (window, builtin);
  g_assert_cmpuint (count_unreviewed (window, &quote), >, 0);
  id = g_strdup (xinzhi_quote_get_id (quote));
  /* The banner of loads, which has Cancel. */
  banner = ADW_BANNER (xinzhi_test_find_matching (GTK_WIDGET (window), is_load_banner, NULL));
  g_assert_nonnull (banner);

  {
    XinzhiCorpus *before = xinzhi_window_get_corpus (window);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.accept-quote", "s", id));
    deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
    while (xinzhi_window_get_corpus (window) == before)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
        if (!saw_saving && adw_banner_get_revealed (banner) &&
            g_str_has_prefix (adw_banner_get_title (banner), "Saving “large.json”"))
          {
            saw_saving = TRUE;
            saw_at = g_get_monotonic_time ();
            /* libadwaita shows no button for a label of NULL or "". */
            g_assert_cmpstr (adw_banner_get_button_label (banner) ? adw_banner_get_button_label (banner) : "", ==, "");
          }
        /* Once the banner has slid in, for a person to look at. */
        if (saw_at != 0 && g_get_monotonic_time () - saw_at > 400 * 1000)
          {
            xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-saving.png");
            saw_at = 0;
          }
      }
  }
  g_assert_true (saw_saving);
  g_assert_false (adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_button_label (banner), ==, "_Cancel");
  g_assert_true (xinzhi_quote_get_reviewed (xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id)));

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
}

/* An event's details list its quotes as every list does: a suggestion with its tag,
 * and under Reviewed Only, none of them (tests/data/version-3.json: the event
 * "report" gathers one quote, a suggestion). */
static void
test_event_details (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "version-3.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  XinzhiWindow *window;
  XinzhiEvent *event;
  GtkWidget *view;
  GError *error = NULL;

  corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  event = xinzhi_corpus_lookup_event (corpus, "report");
  g_assert_nonnull (event);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_event_get_quotes (event)), ==, 1);
  window = xinzhi_test_present_window (app, corpus, 1100, 760);
  xinzhi_test_show_view (window, "timeline");
  xinzhi_timeline_page_select_event (xinzhi_window_get_timeline_page (window), event);
  xinzhi_test_run_for (300);

  view = xinzhi_test_find_matching (GTK_WIDGET (window), is_event_view, NULL);
  g_assert_nonnull (view);
  g_assert_true (xinzhi_event_view_get_event (XINZHI_EVENT_VIEW (view)) == event);
  g_assert_cmpuint (count_action_rows (view, "Unreviewed"), ==, 1);
  g_assert_nonnull (xinzhi_test_find_matching (view, is_label, "Quotes"));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-event.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reviewed-only", NULL));
  xinzhi_test_run_for (200);
  g_assert_true (xinzhi_event_view_get_reviewed_only (XINZHI_EVENT_VIEW (view)));
  g_assert_cmpuint (count_action_rows (view, "Unreviewed"), ==, 0);
  g_assert_null (xinzhi_test_find_matching (view, is_label, "Quotes"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reviewed-only", NULL));
  xinzhi_test_run_for (200);
  g_assert_cmpuint (count_action_rows (view, "Unreviewed"), ==, 1);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

/* A window that shows a copy of the test corpus @name (tests/data/), in the data folder
 * the tests use, so that it can be edited; the copy's path in @path. */
static XinzhiWindow *
open_copy (const char  *name,
           char       **path)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *json = read_text (source);
  g_autoptr(XinzhiCorpus) builtin = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiWindow *window;

  *path = g_build_filename (data_home, name, NULL);
  file = g_file_new_for_path (*path);
  g_assert_true (g_file_set_contents (*path, json, -1, NULL));
  builtin = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  window = xinzhi_test_present_window (app, builtin, 1100, 760);
  xinzhi_window_open_file (window, file);
  wait_for_new_corpus (window, builtin);
  return window;
}

/* A candidate event of the extractor (tests/data/version-3-event.json): its view heads
 * it as an unreviewed suggestion with Accept and Reject, the event list tags it;
 * Reviewed Only hides it from the timeline; accepted, it is reviewed, and undone, a
 * suggestion again; rejected, it is gone, from the file too. */
static void
test_candidate_event (void)
{
  g_autofree char *path = NULL;
  g_autofree char *rejected = NULL;
  const char *id = "named-on-march-5";
  XinzhiTimelinePage *page;
  XinzhiWindow *window = open_copy ("version-3-event.json", &path);
  XinzhiEvent *event;
  GtkWidget *view;
  GError *error = NULL;

  xinzhi_test_show_view (window, "timeline");
  page = xinzhi_window_get_timeline_page (window);
  event = xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id);
  g_assert_false (xinzhi_event_get_reviewed (event));
  xinzhi_timeline_page_select_event (page, event);
  xinzhi_test_run_for (300);

  view = xinzhi_test_find_matching (GTK_WIDGET (window), is_event_view, NULL);
  g_assert_true (xinzhi_event_view_get_event (XINZHI_EVENT_VIEW (view)) == event);
  g_assert_nonnull (xinzhi_test_find_matching (view, is_label, "Unreviewed Suggestion"));
  g_assert_nonnull (xinzhi_test_find_actionable (view, "win.accept-event"));
  g_assert_nonnull (xinzhi_test_find_actionable (view, "win.reject-event"));
  /* Its date is an estimate, and the view says why. */
  g_assert_nonnull (xinzhi_test_find_matching (view, is_label,
                                               "Estimated: “March 5” names no year; the year is the article’s (2024-03-07)"));
  /* Its summary is its title, the sentence: shown once. */
  g_assert_cmpuint (count_labels (view, xinzhi_event_get_summary (event)), ==, 1);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-candidate-event.png");

  /* The event list, under the timeline, tags it. */
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (page), is_label, "Unreviewed"));

  /* Alt+Shift+Down from the curated event: the candidate; past it, none (the bell), and
   * the selection stays. */
  {
    GtkSelectionModel *selection = xinzhi_timeline_page_get_selection (page);

    xinzhi_timeline_page_select_event (page, xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), "report"));
    xinzhi_test_run_for (100);
    g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection)) != event);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "timeline-page.next-suggestion", NULL));
    xinzhi_test_run_for (100);
    g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection)) == event);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "timeline-page.next-suggestion", NULL));
    xinzhi_test_run_for (100);
    g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection)) == event);
  }

  /* An exported figure that shows it says what its slanted title means; one without
   * a candidate does not. */
  {
    g_autofree char *curated_path = g_test_build_filename (G_TEST_DIST, "data", "version-3.json", NULL);
    g_autoptr(GFile) curated_file = g_file_new_for_path (curated_path);
    g_autoptr(XinzhiCorpus) curated = xinzhi_corpus_new_from_file (curated_file, NULL, &error);
    g_autoptr(GBytes) with = xinzhi_timeline_figure_write_corpus (xinzhi_window_get_corpus (window), NULL,
                                                                  XINZHI_TIMELINE_FIGURE_SVG, &error);
    g_autoptr(GBytes) without = NULL;

    g_assert_no_error (error);
    without = xinzhi_timeline_figure_write_corpus (curated, NULL, XINZHI_TIMELINE_FIGURE_SVG, &error);
    g_assert_no_error (error);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (with, NULL), g_bytes_get_size (with), ">Slanted titles"));
    g_assert_null (g_strstr_len (g_bytes_get_data (without, NULL), g_bytes_get_size (without), ">Slanted titles"));
  }

  /* Reviewed Only: not on the timeline; the curated event stays. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (xinzhi_timeline_page_get_selection (page))), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reviewed-only", NULL));
  xinzhi_test_run_for (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (xinzhi_timeline_page_get_selection (page))), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reviewed-only", NULL));
  xinzhi_test_run_for (200);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (xinzhi_timeline_page_get_selection (page))), ==, 2);

  /* Change Title…: the title shown to begin with, a new one asked for; the view then
   * no longer calls the title the article's words; Undo gives it back. */
  {
    const char *sentence = xinzhi_event_get_summary (event);
    g_autofree char *summary = g_strdup (sentence);
    AdwDialog *dialog;
    GtkEditable *entry;

    xinzhi_timeline_page_select_event (page, event);
    xinzhi_test_run_for (300);
    view = xinzhi_test_find_matching (GTK_WIDGET (window), is_event_view, NULL);
    g_assert_true (xinzhi_event_view_get_event (XINZHI_EVENT_VIEW (view)) == event);
    g_assert_nonnull (xinzhi_test_find_matching (view, is_label_containing, "The title and summary are the article’s own words."));
    g_assert_nonnull (xinzhi_test_find_actionable (view, "win.set-event-title"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-event-title", "s", id));
    dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog)));
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, summary);
    /* The same title, or none, is no change. */
    g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
    gtk_editable_set_text (entry, "  ");
    g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
    gtk_editable_set_text (entry, "Sectors named in the report");
    g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
    xinzhi_test_run_for (300);
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-event-title.png");
    answer_and_wait (window, dialog);
    event = xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id);
    g_assert_cmpstr (xinzhi_event_get_title (event), ==, "Sectors named in the report");
    g_assert_cmpstr (xinzhi_event_get_summary (event), ==, summary);
    g_assert_false (xinzhi_event_get_reviewed (event));
    g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Event title changed"));
    xinzhi_test_run_for (300);
    view = xinzhi_test_find_matching (GTK_WIDGET (window), is_event_view, NULL);
    g_assert_true (xinzhi_event_view_get_event (XINZHI_EVENT_VIEW (view)) == event);
    g_assert_nonnull (xinzhi_test_find_matching (view, is_label, "Sectors named in the report"));
    g_assert_null (xinzhi_test_find_matching (view, is_label_containing, "The title and summary are the article’s own words."));
    g_assert_nonnull (xinzhi_test_find_matching (view, is_label_containing, "the title was changed"));
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-event-title-changed.png");
    edit (window, "win.undo", NULL);
    event = xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id);
    g_assert_cmpstr (xinzhi_event_get_title (event), ==, summary);
  }

  /* A curated event can be given a title too: Change Title… is beside its title. */
  xinzhi_timeline_page_select_event (page, xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), "report"));
  xinzhi_test_run_for (300);
  g_assert_true (gtk_widget_is_visible (xinzhi_test_find_actionable (GTK_WIDGET (window), "win.set-event-title")));
  xinzhi_timeline_page_select_event (page, xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id));
  xinzhi_test_run_for (300);
  view = xinzhi_test_find_matching (GTK_WIDGET (window), is_event_view, NULL);

  /* Accept All in Article: every candidate of its article, at once; Undo. */
  g_assert_nonnull (xinzhi_test_find_actionable (view, "win.accept-article-events"));
  edit (window, "win.accept-article-events", id);
  event = xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id);
  g_assert_true (xinzhi_event_get_reviewed (event));
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "The article’s events accepted"));
  edit (window, "win.undo", NULL);
  event = xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id);
  g_assert_false (xinzhi_event_get_reviewed (event));

  /* Accept, then undo. */
  edit (window, "win.accept-event", id);
  g_assert_true (xinzhi_event_get_reviewed (xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id)));
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Event accepted"));
  g_assert_null (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Unreviewed Suggestion"));
  edit (window, "win.undo", NULL);
  g_assert_false (xinzhi_event_get_reviewed (xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id)));

  /* Reject: gone from the corpus and the file. */
  edit (window, "win.reject-event", id);
  g_assert_null (xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id));
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Event rejected"));
  rejected = read_text (path);
  g_assert_null (strstr (rejected, id));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (xinzhi_timeline_page_get_selection (page))), ==, 1);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
}

/* Selects @words in the reader of @window and @extra characters past them, and chooses
 * @action of the reader's context menu. */
static void
select_and_choose (XinzhiWindow *window,
                   const char   *words,
                   int           extra,
                   const char   *action)
{
  XinzhiReader *reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  GtkTextView *view = GTK_TEXT_VIEW (xinzhi_test_find_descendant (GTK_WIDGET (reader), GTK_TYPE_TEXT_VIEW));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, words, 0, &match_start, &match_end, NULL));
  gtk_text_iter_forward_chars (&match_end, extra);
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
  xinzhi_test_run_for (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), action, NULL));
}

/* Selects @words and chooses Add Quote…. */
static void
select_and_add (XinzhiWindow *window,
                const char   *words,
                int           extra)
{
  select_and_choose (window, words, extra, "reader.add-quote");
}

/* Add Event from Sentence…: the date read from the sentence, stated by its words; a
 * title in the person's words; the event reviewed, on the timeline; undone, gone.  A
 * sentence without a date is refused with the reason. */
static void
test_add_event (void)
{
  g_autofree char *path = NULL;
  g_autofree char *id = NULL;
  XinzhiWindow *window = open_copy ("version-3.json", &path);
  XinzhiEvent *event;
  AdwDialog *dialog;

  xinzhi_test_show_view (window, "articles");
  xinzhi_articles_page_select_document (xinzhi_window_get_articles_page (window),
                                        xinzhi_corpus_lookup_document (xinzhi_window_get_corpus (window), "doc-a"));
  xinzhi_test_run_for (200);

  /* No date in it: an alert says why. */
  select_and_choose (window, "Innovation is the core", 0, "reader.add-event");
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "names no date"));
  adw_dialog_force_close (dialog);
  xinzhi_test_run_for (100);

  select_and_choose (window, "Hydrogen energy and AI were named in the report on March 5.", 0, "reader.add-event");
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (XINZHI_IS_ADD_EVENT_DIALOG (dialog));
  xinzhi_test_run_for (300);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (dialog), is_label, "5 March 2024"));
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (dialog), is_label, "Stated by “March 5”"));
  /* No title yet: nothing to add. */
  g_assert_false (gtk_widget_is_sensitive (xinzhi_test_find_actionable (GTK_WIDGET (dialog), "add-event.add")));
  gtk_editable_set_text (GTK_EDITABLE (xinzhi_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW)),
                         "Report names hydrogen energy and AI");
  xinzhi_test_run_for (200);
  g_assert_true (gtk_widget_is_sensitive (xinzhi_test_find_actionable (GTK_WIDGET (dialog), "add-event.add")));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-add-event.png");
  {
    g_autoptr(XinzhiCorpus) before = g_object_ref (xinzhi_window_get_corpus (window));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-event.add", NULL));
    wait_for_new_corpus (window, before);
  }
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Event added"));
  {
    GListModel *events = xinzhi_corpus_get_events (xinzhi_window_get_corpus (window));

    event = NULL;
    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(XinzhiEvent) item = g_list_model_get_item (events, i);

        if (g_str_equal (xinzhi_event_get_title (item), "Report names hydrogen energy and AI"))
          event = item;
      }
  }
  g_assert_nonnull (event);
  id = g_strdup (xinzhi_event_get_id (event));
  g_assert_true (xinzhi_event_get_reviewed (event));
  g_assert_false (xinzhi_event_get_date_estimated (event));
  g_assert_cmpstr (xinzhi_event_get_summary (event), ==, "Hydrogen energy and AI were named in the report on March 5.");
  xinzhi_test_show_view (window, "timeline");
  xinzhi_test_run_for (300);
  /* Selected there, where it now stands. */
  g_assert_true (gtk_single_selection_get_selected_item (
                   GTK_SINGLE_SELECTION (xinzhi_timeline_page_get_selection (xinzhi_window_get_timeline_page (window)))) ==
                 xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-add-event-added.png");

  edit (window, "win.undo", NULL);
  g_assert_null (xinzhi_corpus_lookup_event (xinzhi_window_get_corpus (window), id));

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
}

/* Add Term to Sector…: words inside a word are refused with the reason; whole words
 * ask for a sector (not one that has the term already); the term
 * then marks its mentions in the reader and counts in Sectors; Undo takes it back. */
static void
test_add_term (void)
{
  g_autofree char *path = NULL;
  XinzhiWindow *window = open_copy ("version-3.json", &path);
  XinzhiSector *sector;
  AdwComboRow *row;
  AdwDialog *dialog;
  guint n_before;

  xinzhi_test_show_view (window, "articles");
  xinzhi_articles_page_select_document (xinzhi_window_get_articles_page (window),
                                        xinzhi_corpus_lookup_document (xinzhi_window_get_corpus (window), "doc-a"));
  xinzhi_test_run_for (200);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));

  /* "ydrogen": inside a word. */
  select_and_choose (window, "ydrogen", 0, "reader.add-term");
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Add the Term");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "inside a word"));
  adw_dialog_force_close (dialog);
  xinzhi_test_run_for (100);

  select_and_choose (window, "the report", 0, "reader.add-term");
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Add Term to Sector");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "“the report”"));
  row = ADW_COMBO_ROW (xinzhi_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  sector = xinzhi_corpus_lookup_sector (xinzhi_window_get_corpus (window), "hydrogen");
  n_before = xinzhi_sector_get_n_mentions (sector);
  for (guint i = 0; i < g_list_model_get_n_items (xinzhi_corpus_get_sectors (xinzhi_window_get_corpus (window))); i++)
    {
      g_autoptr(XinzhiSector) item = g_list_model_get_item (xinzhi_corpus_get_sectors (xinzhi_window_get_corpus (window)), i);

      if (item == sector)
        adw_combo_row_set_selected (row, i);
    }
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-add-term.png");
  answer_and_wait (window, dialog);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Term added"));
  sector = xinzhi_corpus_lookup_sector (xinzhi_window_get_corpus (window), "hydrogen");
  g_assert_true (g_strv_contains (xinzhi_sector_get_terms (sector), "the report"));
  g_assert_cmpuint (xinzhi_sector_get_n_mentions (sector), ==, n_before + 1);
  /* The reader still shows the article, with the new mention marked. */
  g_assert_true (xinzhi_reader_get_document (xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window))) ==
                 xinzhi_corpus_lookup_document (xinzhi_window_get_corpus (window), "doc-a"));
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-add-term-added.png");

  /* Once more: the sector has it now, and says so. */
  select_and_choose (window, "the report", 0, "reader.add-term");
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  row = ADW_COMBO_ROW (xinzhi_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  for (guint i = 0; i < g_list_model_get_n_items (xinzhi_corpus_get_sectors (xinzhi_window_get_corpus (window))); i++)
    {
      g_autoptr(XinzhiSector) item = g_list_model_get_item (xinzhi_corpus_get_sectors (xinzhi_window_get_corpus (window)), i);

      if (item == sector)
        adw_combo_row_set_selected (row, i);
    }
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "The sector has this term already");
  adw_dialog_force_close (dialog);
  xinzhi_test_run_for (100);

  edit (window, "win.undo", NULL);
  sector = xinzhi_corpus_lookup_sector (xinzhi_window_get_corpus (window), "hydrogen");
  g_assert_false (g_strv_contains (xinzhi_sector_get_terms (sector), "the report"));
  g_assert_cmpuint (xinzhi_sector_get_n_mentions (sector), ==, n_before);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  data)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && g_strcmp0 (tooltip, data) == 0;
}

/* A sector's terms in a corpus a person owns: each has a button that removes it, but
 * a sector's only term; the sector stays shown without it, and Undo gives it back.
 * The built-in corpus offers none, nor a button to remove a role. */
static void
test_remove_term (void)
{
  g_autofree char *path = NULL;
  XinzhiWindow *window = open_copy ("version-3.json", &path);
  XinzhiSectorsPage *page = xinzhi_window_get_sectors_page (window);
  g_autoptr(XinzhiCorpus) before = NULL;
  GtkWidget *button;
  XinzhiSector *sector;
  guint n_before;

  xinzhi_test_show_view (window, "sectors");
  sector = xinzhi_corpus_lookup_sector (xinzhi_window_get_corpus (window), "ai");
  n_before = xinzhi_sector_get_n_mentions (sector);
  xinzhi_sectors_page_select_sector (page, sector);
  xinzhi_test_settle (GTK_WIDGET (window));
  button = xinzhi_test_find_matching (GTK_WIDGET (window), is_button_for, "Remove Term “AI”");
  g_assert_nonnull (button);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-remove-term.png");

  before = g_object_ref (xinzhi_window_get_corpus (window));
  g_assert_true (gtk_widget_activate (button));
  wait_for_new_corpus (window, before);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Term removed"));
  sector = xinzhi_corpus_lookup_sector (xinzhi_window_get_corpus (window), "ai");
  g_assert_false (g_strv_contains (xinzhi_sector_get_terms (sector), "AI"));
  g_assert_cmpuint (xinzhi_sector_get_n_mentions (sector), <, n_before);
  /* Still on the sector, whose count says so. */
  g_assert_true (xinzhi_sectors_page_get_selected_sector (page) == sector);
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_null (xinzhi_test_find_matching (GTK_WIDGET (window), is_button_for, "Remove Term “AI”"));
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_button_for, "Remove Term “人工智能”"));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-remove-term-removed.png");

  /* A sector's only term has no button. */
  xinzhi_sectors_page_select_sector (page, xinzhi_corpus_lookup_sector (xinzhi_window_get_corpus (window), "hydrogen"));
  xinzhi_test_settle (GTK_WIDGET (window));
  g_assert_null (xinzhi_test_find_matching (GTK_WIDGET (window), is_button_for, "Remove Term “hydrogen energy”"));

  edit (window, "win.undo", NULL);
  sector = xinzhi_corpus_lookup_sector (xinzhi_window_get_corpus (window), "ai");
  g_assert_true (g_strv_contains (xinzhi_sector_get_terms (sector), "AI"));
  g_assert_cmpuint (xinzhi_sector_get_n_mentions (sector), ==, n_before);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));

  /* The built-in corpus: its terms are the app's, not to be removed. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (&error);
    XinzhiWindow *shown;

    g_assert_no_error (error);
    shown = xinzhi_test_present_window (app, builtin, 1100, 720);

    xinzhi_test_show_view (shown, "sectors");
    xinzhi_test_settle (GTK_WIDGET (shown));
    g_assert_null (xinzhi_test_find_matching (GTK_WIDGET (shown), is_button_for, "Remove Term “AI”"));
    /* Nor its people's roles. */
    xinzhi_test_show_view (shown, "quotes");
    xinzhi_quotes_page_show_person (xinzhi_window_get_quotes_page (shown),
                                    xinzhi_corpus_lookup_person (builtin, "xi-jinping"));
    xinzhi_test_settle (GTK_WIDGET (shown));
    g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (shown), is_mapped_person_page, NULL));
    g_assert_null (xinzhi_test_find_matching (GTK_WIDGET (shown), is_button_for, "Remove Role"));
    xinzhi_test_destroy_window (GTK_WINDOW (shown));
  }
}

/* A person's roles in a corpus a person owns: each has a button that removes it; the
 * person's page stays, without the role, and Undo gives it back. */
static void
test_remove_role (void)
{
  g_autofree char *path = NULL;
  XinzhiWindow *window = open_copy ("version-3.json", &path);
  XinzhiQuotesPage *page;
  g_autoptr(XinzhiCorpus) before = NULL;
  GtkWidget *person_page;
  GtkWidget *button;
  XinzhiPerson *li;

  xinzhi_test_show_view (window, "quotes");
  page = xinzhi_window_get_quotes_page (window);
  li = xinzhi_corpus_lookup_person (xinzhi_window_get_corpus (window), "li-yuju");
  xinzhi_quotes_page_show_person (page, li);
  xinzhi_test_run_for (400);
  person_page = xinzhi_test_find_matching (GTK_WIDGET (page), is_mapped_person_page, NULL);
  g_assert_nonnull (xinzhi_test_find_matching (person_page, is_label, "deputy director of the centre"));
  button = xinzhi_test_find_matching (person_page, is_button_for, "Remove Role");
  g_assert_nonnull (button);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-remove-role.png");

  before = g_object_ref (xinzhi_window_get_corpus (window));
  g_assert_true (gtk_widget_activate (button));
  wait_for_new_corpus (window, before);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Role removed"));
  li = xinzhi_corpus_lookup_person (xinzhi_window_get_corpus (window), "li-yuju");
  g_assert_cmpuint (xinzhi_person_get_n_roles (li), ==, 0);
  xinzhi_test_run_for (400);
  person_page = xinzhi_test_find_matching (GTK_WIDGET (page), is_mapped_person_page, NULL);
  g_assert_nonnull (person_page);
  g_assert_true (xinzhi_person_page_get_person (XINZHI_PERSON_PAGE (person_page)) == li);
  g_assert_null (xinzhi_test_find_matching (person_page, is_label, "deputy director of the centre"));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-remove-role-removed.png");

  edit (window, "win.undo", NULL);
  li = xinzhi_corpus_lookup_person (xinzhi_window_get_corpus (window), "li-yuju");
  g_assert_cmpuint (xinzhi_person_get_n_roles (li), ==, 1);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
}

/* The person page's menu merges its person into another: asked whom, the one kept
 * shown with the other's name among its spellings and the other's quotes; Undo gives
 * both back. */
static void
test_merge_people (void)
{
  g_autofree char *path = NULL;
  XinzhiWindow *window = open_copy ("version-3.json", &path);
  XinzhiQuotesPage *page;
  XinzhiPerson *li;
  GtkWidget *person_page;
  GMenuModel *menu;
  g_autofree char *action = NULL;
  g_autofree char *target = NULL;
  AdwDialog *dialog;
  AdwComboRow *row;

  xinzhi_test_show_view (window, "quotes");
  page = xinzhi_window_get_quotes_page (window);
  li = xinzhi_corpus_lookup_person (xinzhi_window_get_corpus (window), "li-yuju");
  xinzhi_quotes_page_show_person (page, li);
  xinzhi_test_run_for (400);

  person_page = xinzhi_test_find_descendant (GTK_WIDGET (page), XINZHI_TYPE_PERSON_PAGE);
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (xinzhi_test_find_descendant (person_page, GTK_TYPE_MENU_BUTTON)));
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, "action", "s", &action));
  g_assert_cmpstr (action, ==, "win.merge-person");
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, "target", "s", &target));
  g_assert_cmpstr (target, ==, "li-yuju");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-person", "s", "li-yuju"));
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Merge People");
  row = ADW_COMBO_ROW (xinzhi_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  /* Everyone but the person: A. Writer. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 1);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (row)), ==, "A. Writer");
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-merge-people.png");
  answer_and_wait (window, dialog);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "People merged"));
  g_assert_null (xinzhi_corpus_lookup_person (xinzhi_window_get_corpus (window), "li-yuju"));
  xinzhi_test_run_for (400);
  person_page = xinzhi_test_find_matching (GTK_WIDGET (page), is_mapped_person_page, NULL);
  g_assert_nonnull (person_page);
  g_assert_true (xinzhi_person_page_get_person (XINZHI_PERSON_PAGE (person_page)) ==
                 xinzhi_corpus_lookup_person (xinzhi_window_get_corpus (window), "a-writer"));
  g_assert_nonnull (xinzhi_test_find_matching (person_page, is_label, "Also spelled: Li Yuju"));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-merge-people-merged.png");

  edit (window, "win.undo", NULL);
  g_assert_nonnull (xinzhi_corpus_lookup_person (xinzhi_window_get_corpus (window), "li-yuju"));
  g_assert_cmpstr (xinzhi_person_get_name (xinzhi_quote_get_person (xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), "q1"))),
                   ==, "Li Yuju");

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
}

/* Correct, in the reader, changes an article's outlet (or title): asked with the one
 * it has, then shown; and its date, refused where the words do not state it; Undo
 * gives each back.  The built-in corpus offers no Correct. */
static void
test_correct_article (void)
{
  g_autoptr(XinzhiCorpus) builtin = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiWindow *window;
  XinzhiReader *reader;
  GtkWidget *correct;
  GtkEditable *entry;
  AdwDialog *dialog;

  /* Read-only: nothing to correct. */
  builtin = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  window = xinzhi_test_present_window (app, builtin, 1100, 760);
  xinzhi_test_show_view (window, "articles");
  reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  g_assert_nonnull (xinzhi_reader_get_document (reader));
  correct = xinzhi_test_find_descendant (GTK_WIDGET (reader), GTK_TYPE_MENU_BUTTON);
  g_assert_false (gtk_widget_get_visible (correct));
  /* Nor an event's Change Title…. */
  xinzhi_test_show_view (window, "timeline");
  {
    g_autoptr(XinzhiEvent) first = g_list_model_get_item (xinzhi_corpus_get_events (builtin), 0);

    GtkWidget *view;

    xinzhi_timeline_page_select_event (xinzhi_window_get_timeline_page (window), first);
    xinzhi_test_run_for (300);
    view = xinzhi_test_find_matching (GTK_WIDGET (window), is_event_view, NULL);
    g_assert_true (xinzhi_event_view_get_event (XINZHI_EVENT_VIEW (view)) == first);
    g_assert_null (xinzhi_test_find_actionable (view, "win.set-event-title"));
  }
  xinzhi_test_destroy_window (GTK_WINDOW (window));

  window = open_copy ("version-3.json", &path);
  xinzhi_test_show_view (window, "articles");
  reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (window));
  xinzhi_articles_page_select_document (xinzhi_window_get_articles_page (window),
                                        xinzhi_corpus_lookup_document (xinzhi_window_get_corpus (window), "doc-a"));
  xinzhi_test_run_for (200);
  correct = xinzhi_test_find_descendant (GTK_WIDGET (reader), GTK_TYPE_MENU_BUTTON);
  g_assert_true (gtk_widget_get_visible (correct));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-article-outlet", "s", "doc-a"));
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Outlet");
  entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Test Daily");
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
  gtk_editable_set_text (entry, "Test Weekly");
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
  xinzhi_test_run_for (300);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-correct-outlet.png");
  answer_and_wait (window, dialog);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Outlet changed"));
  g_assert_cmpstr (xinzhi_document_get_outlet (xinzhi_corpus_lookup_document (xinzhi_window_get_corpus (window), "doc-a")),
                   ==, "Test Weekly");
  xinzhi_test_run_for (300);
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (reader), is_label_starting, "Test Weekly · "));
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-correct-outlet-changed.png");

  edit (window, "win.undo", NULL);
  g_assert_cmpstr (xinzhi_document_get_outlet (xinzhi_corpus_lookup_document (xinzhi_window_get_corpus (window), "doc-a")),
                   ==, "Test Daily");

  /* Change Date…: the date it has; words of another day are refused by the loader,
   * with the reason, and nothing changes; a month stated by the article's words is
   * written. */
  {
    XinzhiDocument *document;
    AdwEntryRow *rows[3];
    guint n = 0;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-article-date", "s", "doc-a"));
    dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Article Date");
    for (GtkWidget *row = gtk_widget_get_first_child (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog)));
         row != NULL; row = gtk_widget_get_next_sibling (row))
      if (ADW_IS_ENTRY_ROW (row) && n < G_N_ELEMENTS (rows))
        rows[n++] = ADW_ENTRY_ROW (row);
    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rows[0])), ==, "2024-03-07");
    /* No words yet: nothing to write. */
    g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
    gtk_editable_set_text (GTK_EDITABLE (rows[0]), "2024-03-06");
    gtk_editable_set_text (GTK_EDITABLE (rows[1]), "March 7, 2024");
    g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
    g_signal_emit_by_name (dialog, "response", "do");
    adw_dialog_force_close (dialog);
    dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Change the Date");
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "does not state 2024-03-06: it names another day"));
    adw_dialog_force_close (dialog);
    xinzhi_test_run_for (100);
    document = xinzhi_corpus_lookup_document (xinzhi_window_get_corpus (window), "doc-a");
    g_assert_cmpint (xinzhi_document_get_date (document)->day, ==, 7);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-article-date", "s", "doc-a"));
    dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
    n = 0;
    for (GtkWidget *row = gtk_widget_get_first_child (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog)));
         row != NULL; row = gtk_widget_get_next_sibling (row))
      if (ADW_IS_ENTRY_ROW (row) && n < G_N_ELEMENTS (rows))
        rows[n++] = ADW_ENTRY_ROW (row);
    gtk_editable_set_text (GTK_EDITABLE (rows[0]), "2024-03");
    gtk_editable_set_text (GTK_EDITABLE (rows[1]), "March 7, 2024");
    xinzhi_test_run_for (300);
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-correct-date.png");
    answer_and_wait (window, dialog);
    g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Article date changed"));
    document = xinzhi_corpus_lookup_document (xinzhi_window_get_corpus (window), "doc-a");
    g_assert_cmpint (xinzhi_document_get_date (document)->precision, ==, XINZHI_DATE_PRECISION_MONTH);
    edit (window, "win.undo", NULL);
    document = xinzhi_corpus_lookup_document (xinzhi_window_get_corpus (window), "doc-a");
    g_assert_cmpint (xinzhi_document_get_date (document)->precision, ==, XINZHI_DATE_PRECISION_DAY);
  }

  xinzhi_test_destroy_window (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
}

static void
test_add_quote (void)
{
  g_autoptr(XinzhiCorpus) builtin = NULL;
  g_autofree char *article = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes-en.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autofree char *path = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *now = NULL;
  XinzhiWindow *window;
  XinzhiQuote *quote = NULL;
  XinzhiDocument *document;
  AdwDialog *dialog;
  GError *error = NULL;
  guint n_quotes;

  builtin = xinzhi_corpus_new_builtin (&error);
  g_assert_no_error (error);
  window = xinzhi_test_present_window (app, builtin, 1100, 760);

  /* The built-in corpus does not change: the alert offers a copy. */
  g_object_get (g_list_model_get_item (xinzhi_corpus_get_quotes (builtin), 0), "document", &document, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-quote", "(suuuu)",
                                             xinzhi_document_get_id (document), 1, 0, 1, 8));
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Read-Only Corpus");
  g_assert_true (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (dialog), "copy"));
  adw_dialog_force_close (dialog);
  g_object_unref (document);

  {
    g_autoptr(XinzhiCorpus) before = g_object_ref (builtin);
    GFile *files[] = { file };

    xinzhi_window_import_files (window, files, 1);
    wait_for_new_corpus (window, before);
  }
  path = g_file_get_path (xinzhi_window_get_corpus_file (window));
  imported = read_text (path);
  n_quotes = g_list_model_get_n_items (xinzhi_corpus_get_quotes (xinzhi_window_get_corpus (window)));
  /* The article added, in the copy of the built-in corpus. */
  {
    GListModel *documents = xinzhi_corpus_get_documents (xinzhi_window_get_corpus (window));

    document = NULL;
    for (guint i = 0; i < g_list_model_get_n_items (documents) && document == NULL; i++)
      {
        g_autoptr(XinzhiDocument) item = g_list_model_get_item (documents, i);

        if (g_str_equal (xinzhi_document_get_title (item), "A river town bets on tidal power"))
          document = item;
      }
    g_assert_nonnull (document);
  }
  xinzhi_test_show_view (window, "articles");
  xinzhi_articles_page_select_document (xinzhi_window_get_articles_page (window), document);
  xinzhi_test_run_for (200);

  /* Words of two paragraphs are not a quote: an alert says why, nothing is asked. */
  select_and_add (window, "Okafor added.", 1 + strlen ("According"));
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "one paragraph"));
  adw_dialog_force_close (dialog);

  /* Reported words: the dialog starts on Paraphrase; a new person speaks them. */
  select_and_add (window, "they welcomed the new jobs", 0);
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (XINZHI_IS_ADD_QUOTE_DIALOG (dialog));
  {
    AdwComboRow *speaker = ADW_COMBO_ROW (xinzhi_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
    GListModel *names = adw_combo_row_get_model (speaker);
    guint n_names = g_list_model_get_n_items (names);
    XinzhiQuoteDraft draft;
    GtkWidget *name_row = xinzhi_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW);

    g_assert_cmpuint (n_names, >, 1);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), n_names - 1), ==, "New Person");
    /* The popover's search looks for names through the row's expression. */
    {
      GValue value = G_VALUE_INIT;
      g_autoptr(GObject) first = g_list_model_get_item (names, 0);

      g_assert_true (gtk_expression_evaluate (adw_combo_row_get_expression (speaker), first, &value));
      g_assert_cmpstr (g_value_get_string (&value), ==, gtk_string_list_get_string (GTK_STRING_LIST (names), 0));
      g_value_unset (&value);
    }
    xinzhi_add_quote_dialog_get_draft (XINZHI_ADD_QUOTE_DIALOG (dialog), &draft);
    g_assert_cmpint (draft.kind, ==, XINZHI_QUOTE_PARAPHRASE);
    g_assert_cmpstr (draft.text, ==, "they welcomed the new jobs");
    g_assert_false (gtk_widget_get_visible (name_row));

    adw_combo_row_set_selected (speaker, n_names - 1);
    xinzhi_test_run_for (100);
    g_assert_true (gtk_widget_get_visible (name_row));
    /* No name yet: nothing to add. */
    g_assert_false (gtk_widget_get_sensitive (xinzhi_test_find_actionable (GTK_WIDGET (dialog), "add-quote.add")));
    gtk_editable_set_text (GTK_EDITABLE (name_row), "Ana Lima");
    xinzhi_test_run_for (200);
    g_assert_true (gtk_widget_get_sensitive (xinzhi_test_find_actionable (GTK_WIDGET (dialog), "add-quote.add")));
    /* A role must be words of the article. */
    {
      GtkWidget *role_row = xinzhi_test_find_matching (GTK_WIDGET (dialog), is_entry_row_titled,
                                                      "_Role in the Article (Optional)");

      gtk_editable_set_text (GTK_EDITABLE (role_row), "mayor");
      xinzhi_test_run_for (100);
      g_assert_true (gtk_widget_has_css_class (role_row, "error"));
      g_assert_false (gtk_widget_get_sensitive (xinzhi_test_find_actionable (GTK_WIDGET (dialog), "add-quote.add")));
      xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-add-quote-role.png");
      gtk_editable_set_text (GTK_EDITABLE (role_row), "shop owners");
      xinzhi_test_run_for (100);
      g_assert_false (gtk_widget_has_css_class (role_row, "error"));
    }
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-add-quote.png");
    /* And in the dark style. */
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    xinzhi_test_run_for (200);
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-add-quote-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    xinzhi_test_run_for (100);
  }
  {
    g_autoptr(XinzhiCorpus) before = g_object_ref (xinzhi_window_get_corpus (window));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-quote.add", NULL));
    wait_for_new_corpus (window, before);
  }
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (xinzhi_window_get_corpus (window))), ==,
                    n_quotes + 1);
  {
    GListModel *quotes = xinzhi_corpus_get_quotes (xinzhi_window_get_corpus (window));

    for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
      {
        g_autoptr(XinzhiQuote) item = g_list_model_get_item (quotes, i);

        if (g_str_equal (xinzhi_quote_get_text (item), "they welcomed the new jobs"))
          quote = item;
      }
  }
  g_assert_nonnull (quote);
  g_assert_true (xinzhi_quote_get_reviewed (quote));
  g_assert_cmpint (xinzhi_quote_get_kind (quote), ==, XINZHI_QUOTE_PARAPHRASE);
  g_assert_cmpstr (xinzhi_person_get_name (xinzhi_quote_get_person (quote)), ==, "Ana Lima");
  {
    g_autofree char *role = xinzhi_person_dup_role_in (xinzhi_quote_get_person (quote), xinzhi_quote_get_document (quote));

    g_assert_cmpstr (role, ==, "shop owners");
  }
  g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (window), is_label, "Quote added"));
  /* The reader shows it, marked as a paraphrase. */
  {
    g_autofree char *marked = xinzhi_test_dup_tagged_text (GTK_WIDGET (xinzhi_window_get_articles_page (window)),
                                                           "paraphrase");

    g_assert_nonnull (marked);
  }
  xinzhi_test_run_for (600);
  xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-add-quote-added.png");

  /* Correct, New Person…: a name asked for, the quote theirs; Undo gives it back. */
  {
    g_autofree char *id = g_strdup (xinzhi_quote_get_id (quote));
    GtkEditable *entry;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-new-speaker", "s", id));
    dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog)));
    g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
    gtk_editable_set_text (entry, "Rui Costa");
    g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
    xinzhi_test_run_for (300);
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-new-speaker.png");
    answer_and_wait (window, dialog);
    quote = xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id);
    g_assert_cmpstr (xinzhi_person_get_name (xinzhi_quote_get_person (quote)), ==, "Rui Costa");

    edit (window, "win.undo", NULL);
    quote = xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id);
    g_assert_cmpstr (xinzhi_person_get_name (xinzhi_quote_get_person (quote)), ==, "Ana Lima");
  }

  /* Correct, Add Role…: only words of the article can be added; Undo takes it back. */
  {
    g_autofree char *id = g_strdup (xinzhi_quote_get_id (quote));
    g_autofree char *roles = NULL;
    GtkEditable *entry;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-role", "s", id));
    dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
    entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog)));
    gtk_editable_set_text (entry, "mayor");
    g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
    gtk_editable_set_text (entry, "Residents");
    g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "do"));
    xinzhi_test_run_for (300);
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-review-add-role.png");
    answer_and_wait (window, dialog);
    quote = xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id);
    roles = xinzhi_person_dup_role_in (xinzhi_quote_get_person (quote), xinzhi_quote_get_document (quote));
    g_assert_cmpstr (roles, ==, "shop owners; Residents");
    edit (window, "win.undo", NULL);
    quote = xinzhi_corpus_lookup_quote (xinzhi_window_get_corpus (window), id);
    g_free (roles);
    roles = xinzhi_person_dup_role_in (xinzhi_quote_get_person (quote), xinzhi_quote_get_document (quote));
    g_assert_cmpstr (roles, ==, "shop owners");
  }

  /* Words the corpus has as a quote already: the edit is refused and says why. */
  select_and_add (window, "We tested three designs,", 0);
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (XINZHI_IS_ADD_QUOTE_DIALOG (dialog));
  {
    XinzhiQuoteDraft draft;

    xinzhi_add_quote_dialog_get_draft (XINZHI_ADD_QUOTE_DIALOG (dialog), &draft);
    g_assert_cmpint (draft.kind, ==, XINZHI_QUOTE_DIRECT);
    g_assert_nonnull (draft.person);
    /* The role the article gives the speaker already. */
    xinzhi_test_run_for (300);
    g_assert_nonnull (xinzhi_test_find_matching (GTK_WIDGET (dialog), is_label,
                                                 "The article gives Maria Okafor the role “chief engineer of the "
                                                 "Tidewater Energy Institute”."));
    xinzhi_test_run_for (300);
    xinzhi_test_save_screenshot (GTK_WIDGET (window), "screenshot-add-quote-known.png");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "add-quote.add", NULL));
  dialog = xinzhi_test_wait_for_dialog (GTK_WIDGET (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Add the Quote");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "these words in a quote already: “We tested three designs”"));
  adw_dialog_force_close (dialog);

  /* Undo: the file as it was, and the quote gone. */
  edit (window, "win.undo", NULL);
  now = read_text (path);
  g_assert_cmpstr (now, ==, imported);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (xinzhi_window_get_corpus (window))), ==,
                    n_quotes);

  xinzhi_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for the data folder: the new corpus goes there. */
  data_home = g_dir_make_tmp ("xinzhi-review-ui-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);
  app = xinzhi_test_new_application ();

  g_test_add_func ("/review-ui/review", test_review);
  g_test_add_func ("/review-ui/saving-banner", test_saving_banner);
  g_test_add_func ("/review-ui/event-details", test_event_details);
  g_test_add_func ("/review-ui/candidate-event", test_candidate_event);
  g_test_add_func ("/review-ui/add-quote", test_add_quote);
  g_test_add_func ("/review-ui/add-event", test_add_event);
  g_test_add_func ("/review-ui/add-term", test_add_term);
  g_test_add_func ("/review-ui/remove-term", test_remove_term);
  g_test_add_func ("/review-ui/remove-role", test_remove_role);
  g_test_add_func ("/review-ui/merge-people", test_merge_people);
  g_test_add_func ("/review-ui/correct-article", test_correct_article);

  status = g_test_run ();

  {
    g_autofree char *folder = g_build_filename (data_home, "xinzhi", "corpora", NULL);
    g_autofree char *xinzhi = g_build_filename (data_home, "xinzhi", NULL);

    g_rmdir (folder);
    g_rmdir (xinzhi);
    g_rmdir (data_home);
  }
  g_clear_object (&app);
  g_free (data_home);
  return status;
}

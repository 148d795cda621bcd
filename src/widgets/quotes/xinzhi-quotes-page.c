/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-citation.h"
#include "xinzhi-person-page.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-quote-view.h"
#include "xinzhi-quotes-page.h"
#include "xinzhi-span-sections.h"
#include "xinzhi-view.h"

/* The Quotes view: every quote in the corpus, newest article first, filtered by speaker,
 * sector and outlet (with a time span as a filter, those possibly in it after the
 * others, apart: XinzhiSpanSections), beside a viewer (XinzhiQuoteView) that shows who
 * said it, in what role, in which paragraph of which article; the page's actions walk
 * the list, copy citations and show the quote in its article.  A speaker's page is pushed onto
 * the viewer's own navigation.  On a narrow window the split view collapses and the
 * viewer becomes a page of its own.
 *
 * Keyboard: Alt+Up and Alt+Down show the previous and next quote of the list, wherever
 * the focus is in the page. */
struct _XinzhiQuotesPage
{
  GtkWidget               parent_instance;

  /* Template widgets */
  AdwToastOverlay        *toast_overlay;
  AdwNavigationSplitView *split_view;
  GtkMenuButton          *filter_button;
  GtkDropDown            *speaker_dropdown;
  GtkDropDown            *sector_dropdown;
  GtkDropDown            *outlet_dropdown;
  GtkLabel               *count_label;
  GtkRevealer            *chips_revealer;
  GtkWidget              *speaker_chip;
  GtkLabel               *speaker_chip_label;
  GtkWidget              *sector_chip;
  GtkLabel               *sector_chip_label;
  GtkWidget              *outlet_chip;
  GtkLabel               *outlet_chip_label;
  GtkStack               *sidebar_stack;
  GtkListView            *list_view;
  GtkSingleSelection     *selection;
  GtkFilterListModel     *filter_model;
  GtkSortListModel       *sort_model;
  AdwNavigationPage      *content_page;
  AdwNavigationView      *content_navigation;
  AdwNavigationPage      *viewer_page;
  AdwWindowTitle         *viewer_title;
  XinzhiQuoteView        *quote_view;

  /* Owned */
  XinzhiCorpus           *corpus;
  XinzhiNotes            *notes;
  XinzhiQuote            *quote;           /* selected, and shown in the viewer */
  GtkFilter              *speaker_filter;
  GtkFilter              *sector_filter;
  GtkFilter              *outlet_filter;
  XinzhiFilter           *shared;          /* the window's, or the page's own */
  XinzhiSpanSections     *sections;        /* in @shared's span, and possibly in it */
  GtkStringList          *outlets;         /* the outlet dropdown's choices */
  guint                   outlet_none_position;
  gboolean                choices_stale;   /* the dropdowns' choices are not the corpus's yet */
  gboolean                editable;        /* the corpus shown is one a person owns */
};

static void xinzhi_quotes_page_view_iface_init (XinzhiViewInterface *iface);
static void filter_dropdown_notify_selected_cb (XinzhiQuotesPage *self,
                                                GParamSpec       *pspec,
                                                GtkDropDown      *dropdown);

G_DEFINE_FINAL_TYPE_WITH_CODE (XinzhiQuotesPage, xinzhi_quotes_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XINZHI_TYPE_VIEW,
                                                      xinzhi_quotes_page_view_iface_init))

enum {
  PROP_0,
  PROP_CORPUS,        /* the XinzhiView properties, in their order */
  PROP_FILTER,
  PROP_NOTES,
  PROP_COLLAPSED,
  PROP_CONTENT_ONLY,
  PROP_SELECTED_QUOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The label of a dropdown choice: a person, a sector, or a string such as "All
 * Speakers". */
static char *
dup_item_label (GObject *item)
{
  if (XINZHI_IS_PERSON (item))
    return g_strdup (xinzhi_person_get_display_name (XINZHI_PERSON (item)));
  if (XINZHI_IS_SECTOR (item))
    return g_strdup (xinzhi_sector_get_display_name (XINZHI_SECTOR (item)));
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  return g_strdup ("");
}

static gboolean
find_position (GListModel *model,
               gpointer    item,
               guint      *position)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
quote_names_sector (XinzhiQuote  *quote,
                    XinzhiSector *sector)
{
  guint position;

  return find_position (xinzhi_quote_get_sectors (quote), sector, &position);
}

static XinzhiPerson *
get_speaker (XinzhiQuotesPage *self)
{
  gpointer item = gtk_drop_down_get_selected_item (self->speaker_dropdown);

  return XINZHI_IS_PERSON (item) ? item : NULL;
}

static XinzhiSector *
get_sector (XinzhiQuotesPage *self)
{
  gpointer item = gtk_drop_down_get_selected_item (self->sector_dropdown);

  return XINZHI_IS_SECTOR (item) ? item : NULL;
}

/* Whether quotes are filtered by outlet; if so, @outlet is the outlet, or %NULL for
 * articles that name none. */
static gboolean
get_outlet (XinzhiQuotesPage  *self,
            const char       **outlet)
{
  guint position = gtk_drop_down_get_selected (self->outlet_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || self->outlets == NULL)
    return FALSE;

  *outlet = position == self->outlet_none_position
            ? NULL : gtk_string_list_get_string (self->outlets, position);
  return TRUE;
}

static gboolean
speaker_filter_func (gpointer item,
                     gpointer user_data)
{
  XinzhiQuotesPage *self = user_data;
  XinzhiPerson *speaker = get_speaker (self);

  return speaker == NULL || xinzhi_quote_get_person (item) == speaker;
}

static gboolean
sector_filter_func (gpointer item,
                    gpointer user_data)
{
  XinzhiQuotesPage *self = user_data;
  XinzhiSector *sector = get_sector (self);

  return sector == NULL || quote_names_sector (item, sector);
}

static gboolean
outlet_filter_func (gpointer item,
                    gpointer user_data)
{
  XinzhiQuotesPage *self = user_data;
  const char *outlet = NULL;

  if (!get_outlet (self, &outlet))
    return TRUE;

  return g_strcmp0 (xinzhi_document_get_outlet (xinzhi_quote_get_document (item)), outlet) == 0;
}

static gboolean
person_has_quotes (gpointer item,
                   gpointer user_data)
{
  return g_list_model_get_n_items (xinzhi_person_get_quotes (item)) > 0;
}

static gboolean
sector_is_quoted (gpointer item,
                  gpointer user_data)
{
  GHashTable *quoted = user_data;

  return g_hash_table_contains (quoted, item);
}

/* A dropdown's choices: "All …" first, then @model, which this takes. */
static GListModel *
with_all_item (const char *all_label,
               GListModel *model)
{
  g_autoptr(GListModel) owned = model;
  g_autoptr(GListStore) first = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkStringObject) all = gtk_string_object_new (all_label);
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (first, all);
  g_list_store_append (models, first);
  g_list_store_append (models, owned);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models)));
}

/* The dropdowns' choices for the corpus shown, or none at all while @made is FALSE. */
static void
set_dropdown_models (XinzhiQuotesPage *self,
                     gboolean          made)
{
  g_autoptr(GListModel) speakers = NULL;
  g_autoptr(GListModel) sectors = NULL;
  g_autoptr(GHashTable) quoted = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) outlets = g_ptr_array_new ();
  gboolean outlet_not_named = FALSE;

  g_clear_object (&self->outlets);
  self->outlet_none_position = GTK_INVALID_LIST_POSITION;

  if (self->corpus == NULL || !made)
    {
      gtk_drop_down_set_model (self->speaker_dropdown, NULL);
      gtk_drop_down_set_model (self->sector_dropdown, NULL);
      gtk_drop_down_set_model (self->outlet_dropdown, NULL);
      return;
    }

  /* The sectors named in some quote and the outlets of quoted articles: the choices
   * that leave something to see. */
  {
    GListModel *quotes = xinzhi_corpus_get_quotes (self->corpus);
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
      {
        g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);
        GListModel *quote_sectors = xinzhi_quote_get_sectors (quote);
        const char *outlet = xinzhi_document_get_outlet (xinzhi_quote_get_document (quote));

        for (guint j = 0; j < g_list_model_get_n_items (quote_sectors); j++)
          {
            g_autoptr(XinzhiSector) sector = g_list_model_get_item (quote_sectors, j);

            g_hash_table_add (quoted, sector);
          }

        if (outlet == NULL)
          outlet_not_named = TRUE;
        else if (g_hash_table_add (seen, (gpointer) outlet))
          g_ptr_array_add (outlets, (gpointer) outlet);
      }
  }

  {
    GtkFilter *filter = GTK_FILTER (gtk_custom_filter_new (person_has_quotes, NULL, NULL));
    GtkFilterListModel *people =
      gtk_filter_list_model_new (g_object_ref (xinzhi_corpus_get_people (self->corpus)), filter);
    GtkSorter *sorter = GTK_SORTER (gtk_string_sorter_new (
      gtk_property_expression_new (XINZHI_TYPE_PERSON, NULL, "name")));

    speakers = with_all_item (_("All Speakers"),
                              G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (people), sorter)));
  }

  {
    GtkFilter *filter = GTK_FILTER (gtk_custom_filter_new (sector_is_quoted,
                                                           g_hash_table_ref (quoted),
                                                           (GDestroyNotify) g_hash_table_unref));
    GtkFilterListModel *quoted_sectors =
      gtk_filter_list_model_new (g_object_ref (xinzhi_corpus_get_sectors (self->corpus)), filter);
    GtkSorter *sorter = GTK_SORTER (gtk_string_sorter_new (
      gtk_property_expression_new (XINZHI_TYPE_SECTOR, NULL, "name")));

    sectors = with_all_item (_("All Sectors"),
                             G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (quoted_sectors),
                                                                    sorter)));
  }

  g_ptr_array_sort_values (outlets, (GCompareFunc) g_utf8_collate);
  self->outlets = gtk_string_list_new (NULL);
  gtk_string_list_append (self->outlets, _("All Outlets"));
  for (guint i = 0; i < outlets->len; i++)
    gtk_string_list_append (self->outlets, g_ptr_array_index (outlets, i));
  if (outlet_not_named)
    {
      self->outlet_none_position = outlets->len + 1;
      gtk_string_list_append (self->outlets, _("Outlet Not Named"));
    }

  gtk_drop_down_set_model (self->speaker_dropdown, speakers);
  gtk_drop_down_set_model (self->sector_dropdown, sectors);
  gtk_drop_down_set_model (self->outlet_dropdown, G_LIST_MODEL (self->outlets));
  gtk_widget_set_sensitive (GTK_WIDGET (self->sector_dropdown), g_hash_table_size (quoted) > 0);
}

/* The dropdowns' choices come from every quote of the corpus, and each dropdown's
 * popup makes rows for them: for 10,000 articles, a quarter of a second.  They are made
 * when first needed (the filter popover opens, or a filter is set), not when the
 * corpus arrives; until then no filter of the page's own can be on, and the dropdowns
 * have no choices at all. */
static void
set_choices (XinzhiQuotesPage *self,
             gboolean          made)
{
  GtkDropDown *dropdowns[] = { self->speaker_dropdown, self->sector_dropdown, self->outlet_dropdown };

  /* Choices made select the first, "All …", and choices forgotten none: no filter
   * either way, as before, and nothing to filter again. */
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_handlers_block_by_func (dropdowns[i], filter_dropdown_notify_selected_cb, self);
  set_dropdown_models (self, made);
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_handlers_unblock_by_func (dropdowns[i], filter_dropdown_notify_selected_cb, self);
  self->choices_stale = !made;
}

static void
forget_dropdown_models (XinzhiQuotesPage *self)
{
  set_choices (self, FALSE);
}

static void
ensure_dropdown_models (XinzhiQuotesPage *self)
{
  if (self->choices_stale)
    set_choices (self, TRUE);
}

/* Chooses the choice at @position of @dropdown; 0 is "All …", no filter. */
static void
select_choice (XinzhiQuotesPage *self,
               GtkDropDown      *dropdown,
               guint             position)
{
  /* Without choices, no filter is on to remove. */
  if (self->choices_stale && position == 0)
    return;

  ensure_dropdown_models (self);
  gtk_drop_down_set_selected (dropdown, position);
}

static void
filter_popover_show_cb (XinzhiQuotesPage *self)
{
  ensure_dropdown_models (self);
}

/* The chips under the filter button: one per active filter, each removing it. */
static void
update_chip (GtkWidget  *chip,
             GtkLabel   *label,
             const char *text)
{
  gtk_widget_set_visible (chip, text != NULL);
  if (text != NULL)
    {
      /* Translators: the accessible name of a button that removes a filter; %s is what
       * the filter keeps, such as a speaker's name */
      g_autofree char *accessible = g_strdup_printf (_("Remove filter: %s"), text);

      /* Corpus text: never markup. */
      gtk_label_set_text (label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
}

static void
update_filter_state (XinzhiQuotesPage *self)
{
  XinzhiPerson *speaker = get_speaker (self);
  XinzhiSector *sector = get_sector (self);
  const char *outlet = NULL;
  gboolean by_outlet = get_outlet (self, &outlet);
  gboolean filtered_here = speaker != NULL || sector != NULL || by_outlet;
  gboolean filtered = filtered_here || !xinzhi_filter_is_empty (self->shared);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  guint n_possibly;
  g_autofree char *count = NULL;

  xinzhi_span_sections_update (self->sections);
  n_possibly = xinzhi_span_sections_get_n_possibly (self->sections);

  update_chip (self->speaker_chip, self->speaker_chip_label,
               speaker ? xinzhi_person_get_display_name (speaker) : NULL);
  update_chip (self->sector_chip, self->sector_chip_label,
               sector ? xinzhi_sector_get_display_name (sector) : NULL);
  update_chip (self->outlet_chip, self->outlet_chip_label,
               !by_outlet ? NULL
               : outlet ? outlet
               : gtk_string_list_get_string (self->outlets, self->outlet_none_position));
  /* The window's filter bar shows the shared filter's chips. */
  gtk_revealer_set_reveal_child (self->chips_revealer, filtered_here);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quotes.clear-filters", filtered);

  if (n_possibly > 0)
    /* Translators: how many quotes the filters leave for certain, of how many in all,
     * and how many more the list shows apart, whose dates cannot tell whether they
     * fall in the time span chosen as a filter; the plural goes by the number in all */
    count = g_strdup_printf (ngettext ("%u of %u quote, %u more possibly",
                                       "%u of %u quotes, %u more possibly", n_total),
                             n_shown - n_possibly, n_total, n_possibly);
  else if (filtered)
    /* Translators: how many quotes the filters leave, of how many in all */
    count = g_strdup_printf (ngettext ("%u of %u quote", "%u of %u quotes", n_total),
                             n_shown, n_total);
  else
    count = g_strdup_printf (ngettext ("%u quote", "%u quotes", n_total), n_total);
  gtk_label_set_text (self->count_label, count);

  /* Filters are there to narrow a list; with no quotes at all there is none. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), n_total > 0 || filtered);

  if (n_total == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
}

/* The list's quotes, every one, in the list's order: the list may still be taking a
 * large arrival of them a batch a frame (XinzhiPacedList). */
static GListModel *
list_quotes (XinzhiQuotesPage *self)
{
  xinzhi_span_sections_finish (self->sections);
  return G_LIST_MODEL (self->selection);
}

static void
update_actions (XinzhiQuotesPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  /* All of them, not only those the list has taken so far. */
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean selected = position != GTK_INVALID_LIST_POSITION;
  g_autofree char *subtitle = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quotes.previous", selected && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quotes.next", selected && position + 1 < n_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quotes.show-in-article", self->quote != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quotes.copy-plain", self->quote != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quotes.copy-markdown", self->quote != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quotes.show-speaker", self->quote != NULL);

  if (selected)
    /* Translators: the place of the quote shown in the list, as in "3 of 21" */
    subtitle = g_strdup_printf (_("%u of %u"), position + 1, n_items);
  adw_window_title_set_subtitle (self->viewer_title, subtitle ? subtitle : "");
}

static void
show_content (XinzhiQuotesPage *self)
{
  if (self->quote != NULL ||
      adw_navigation_view_get_visible_page (self->content_navigation) != self->viewer_page)
    adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
pop_to_viewer (XinzhiQuotesPage *self)
{
  if (adw_navigation_view_get_visible_page (self->content_navigation) != self->viewer_page)
    adw_navigation_view_pop_to_page (self->content_navigation, self->viewer_page);
}

static void
select_position (XinzhiQuotesPage *self,
                 guint             position)
{
  xinzhi_span_sections_scroll_to (self->sections, position, GTK_LIST_SCROLL_SELECT);
}

static void
selection_notify_selected_item_cb (XinzhiQuotesPage *self)
{
  XinzhiQuote *quote = gtk_single_selection_get_selected_item (self->selection);

  if (g_set_object (&self->quote, quote))
    {
      xinzhi_quote_view_set_quote (self->quote_view, quote);
      pop_to_viewer (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_QUOTE]);
    }

  update_actions (self);
}

static void
selection_items_changed_cb (XinzhiQuotesPage *self)
{
  /* Not while the page is built: the span's groups come under the selection then. */
  if (self->shared == NULL)
    return;

  update_filter_state (self);
  update_actions (self);
}

/* Filters again, and keeps the quote shown if it stays. */
static void
refilter (XinzhiQuotesPage *self,
          GtkFilter        *filter)
{
  g_autoptr(XinzhiQuote) shown = self->quote ? g_object_ref (self->quote) : NULL;
  guint position;

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);

  /* The list's positions: what is possibly in the span comes last. */
  if (shown != NULL && find_position (list_quotes (self), shown, &position))
    {
      select_position (self, position);
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    {
      select_position (self, 0);
    }

  update_filter_state (self);
}

static void
filter_dropdown_notify_selected_cb (XinzhiQuotesPage *self,
                                    GParamSpec       *pspec,
                                    GtkDropDown      *dropdown)
{
  if (dropdown == self->speaker_dropdown)
    refilter (self, self->speaker_filter);
  else if (dropdown == self->sector_dropdown)
    refilter (self, self->sector_filter);
  else
    refilter (self, self->outlet_filter);
}

/* A person's page lists their quotes as the lists do under "reviewed only", and offers
 * to remove roles in a corpus a person owns.  It is only ever the page shown, over the
 * viewer. */
static void
sync_person_page (XinzhiQuotesPage *self)
{
  AdwNavigationPage *visible = adw_navigation_view_get_visible_page (self->content_navigation);

  if (XINZHI_IS_PERSON_PAGE (visible))
    {
      xinzhi_person_page_set_reviewed_only (XINZHI_PERSON_PAGE (visible),
                                            self->shared != NULL && xinzhi_filter_get_reviewed_only (self->shared));
      xinzhi_person_page_set_editable (XINZHI_PERSON_PAGE (visible), self->editable);
    }
}

static void
shared_filter_changed_cb (XinzhiQuotesPage *self)
{
  if (self->sections == NULL)   /* disposed */
    return;

  xinzhi_span_sections_set_filter (self->sections, self->shared);
  xinzhi_span_sections_sort (self->sections);
  refilter (self, xinzhi_span_sections_get_filter (self->sections));
  sync_person_page (self);
}

static void
content_navigation_notify_visible_page_cb (XinzhiQuotesPage *self)
{
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->content_navigation);

  /* The split view's content page names what it shows, for the collapsed view's back
   * button and for screen readers. */
  if (page != NULL)
    adw_navigation_page_set_title (self->content_page, adw_navigation_page_get_title (page));
}

static void
list_view_activate_cb (XinzhiQuotesPage *self,
                       guint             position)
{
  pop_to_viewer (self);
  show_content (self);
}

/* A click or tap on a row shows its quote, even when a person's page covers the viewer
 * and the row is already selected, and opens the viewer when collapsed.  Selection
 * alone does not open it, since the arrow keys select too and should only move through
 * the list. */
static void
list_view_released_cb (XinzhiQuotesPage *self,
                       int               n_press,
                       double            x,
                       double            y,
                       GtkGestureClick  *gesture)
{
  /* Only a click on a row, not on the space below the last one. */
  if (!xinzhi_view_is_row_at (GTK_WIDGET (self->list_view), x, y))
    return;

  pop_to_viewer (self);
  if (adw_navigation_split_view_get_collapsed (self->split_view))
    show_content (self);
}

static void
factory_setup_cb (XinzhiQuotesPage         *self,
                  GtkListItem              *list_item,
                  GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_child (list_item, xinzhi_quote_row_new ());
}

static void
factory_bind_cb (XinzhiQuotesPage         *self,
                 GtkListItem              *list_item,
                 GtkSignalListItemFactory *factory)
{
  XinzhiQuoteRow *row = XINZHI_QUOTE_ROW (gtk_list_item_get_child (list_item));
  g_autofree char *label = NULL;

  xinzhi_quote_row_set_notes (row, self->notes);
  xinzhi_quote_row_set_quote (row, gtk_list_item_get_item (list_item));
  label = xinzhi_quote_row_dup_accessible_label (row);
  gtk_list_item_set_accessible_label (list_item, label);
  xinzhi_span_sections_bind_row (self->sections, list_item);
}

static void
factory_unbind_cb (XinzhiQuotesPage         *self,
                   GtkListItem              *list_item,
                   GtkSignalListItemFactory *factory)
{
  XinzhiQuoteRow *row = XINZHI_QUOTE_ROW (gtk_list_item_get_child (list_item));

  xinzhi_quote_row_set_quote (row, NULL);
  gtk_list_item_set_accessible_label (list_item, NULL);
  xinzhi_span_sections_unbind_row (self->sections, list_item);
}

/* The dropdowns' items: one line each, ellipsized, so that a long sector name does
 * not widen the popover past a narrow window. */
static void
dropdown_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_list_item_set_child (list_item, label);
}

static void
dropdown_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = dup_item_label (gtk_list_item_get_item (list_item));

  /* Corpus text: never markup. */
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

/* quotes.select-quote, with a quote's id: from a person's page, the quote in the
 * viewer. */
static void
select_quote_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XinzhiQuotesPage *self = XINZHI_QUOTES_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  XinzhiQuote *quote = self->corpus ? xinzhi_corpus_lookup_quote (self->corpus, id) : NULL;

  if (quote == NULL)
    g_warning ("%s: no quote “%s” in the corpus shown", G_STRFUNC, id);
  else
    xinzhi_quotes_page_select_quote (self, quote);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XinzhiQuotesPage *self = XINZHI_QUOTES_PAGE (widget);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION && position > 0)
    select_position (self, position - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XinzhiQuotesPage *self = XINZHI_QUOTES_PAGE (widget);
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n_items = g_list_model_get_n_items (list_quotes (self));

  if (position != GTK_INVALID_LIST_POSITION && position + 1 < n_items)
    select_position (self, position + 1);
}

/* The position of the first quote nobody has reviewed from @position on (after it, or
 * before it going back), or GTK_INVALID_LIST_POSITION. */
static guint
find_suggestion (XinzhiQuotesPage *self,
                 guint             position,
                 gboolean          forward)
{
  GListModel *shown = list_quotes (self);
  guint n_items = g_list_model_get_n_items (shown);

  /* Forward from G_MAXUINT, the first step wraps to 0. */
  while (forward ? position + 1 < n_items : position > 0)
    {
      g_autoptr(XinzhiQuote) quote = NULL;

      position = forward ? position + 1 : position - 1;
      quote = g_list_model_get_item (shown, position);
      if (!xinzhi_quote_get_reviewed (quote))
        return position;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* quotes.next-suggestion and quotes.previous-suggestion: the next quote of the list
 * that nobody has reviewed, after the one shown (from the top when none is). */
static void
next_suggestion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  XinzhiQuotesPage *self = XINZHI_QUOTES_PAGE (widget);
  gboolean forward = g_str_equal (action_name, "quotes.next-suggestion");
  guint position = gtk_single_selection_get_selected (self->selection);
  guint found;

  /* With none shown, the first one counts too: start before the list. */
  if (position == GTK_INVALID_LIST_POSITION)
    position = forward ? G_MAXUINT : g_list_model_get_n_items (list_quotes (self));
  found = find_suggestion (self, position, forward);
  if (found == GTK_INVALID_LIST_POSITION)
    gtk_widget_error_bell (widget);
  else
    select_position (self, found);
}

static void
show_in_article_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  XinzhiQuotesPage *self = XINZHI_QUOTES_PAGE (widget);

  /* The window opens the reader there. */
  if (self->quote != NULL)
    gtk_widget_activate_action (widget, "win.show-quote", "s", xinzhi_quote_get_id (self->quote));
}

static void
copy_citation (XinzhiQuotesPage *self,
               gboolean          markdown)
{
  g_autofree char *citation = NULL;
  AdwToast *toast;

  if (self->quote == NULL)
    return;

  citation = markdown
             ? xinzhi_citation_format_markdown (self->quote)
             : xinzhi_citation_format_plain (self->quote);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), citation);

  toast = adw_toast_new (_("Citation copied"));
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
copy_plain_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  copy_citation (XINZHI_QUOTES_PAGE (widget), FALSE);
}

static void
copy_markdown_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  copy_citation (XINZHI_QUOTES_PAGE (widget), TRUE);
}

static void
show_speaker_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XinzhiQuotesPage *self = XINZHI_QUOTES_PAGE (widget);

  if (self->quote != NULL)
    xinzhi_quotes_page_show_person (self, xinzhi_quote_get_person (self->quote));
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XinzhiQuotesPage *self = XINZHI_QUOTES_PAGE (widget);
  const char *which = g_variant_get_string (parameter, NULL);

  if (g_str_equal (which, "speaker"))
    select_choice (self, self->speaker_dropdown, 0);
  else if (g_str_equal (which, "sector"))
    select_choice (self, self->sector_dropdown, 0);
  else if (g_str_equal (which, "outlet"))
    select_choice (self, self->outlet_dropdown, 0);
  else
    g_warning ("%s: no filter “%s”", G_STRFUNC, which);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  xinzhi_quotes_page_clear_filters (XINZHI_QUOTES_PAGE (widget));
}

static void
xinzhi_quotes_page_dispose (GObject *object)
{
  XinzhiQuotesPage *self = XINZHI_QUOTES_PAGE (object);

  /* The template's signals would otherwise reach the page while it comes apart. */
  if (self->selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->selection, self);
      g_signal_handlers_disconnect_by_data (self->speaker_dropdown, self);
      g_signal_handlers_disconnect_by_data (self->sector_dropdown, self);
      g_signal_handlers_disconnect_by_data (self->outlet_dropdown, self);
      g_signal_handlers_disconnect_by_data (self->split_view, self);
      g_signal_handlers_disconnect_by_data (self->content_navigation, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_QUOTES_PAGE);

  g_clear_object (&self->corpus);
  g_clear_object (&self->notes);
  g_clear_object (&self->quote);
  g_clear_object (&self->speaker_filter);
  g_clear_object (&self->sector_filter);
  g_clear_object (&self->outlet_filter);
  g_clear_object (&self->sections);
  g_clear_object (&self->shared);
  g_clear_object (&self->outlets);

  G_OBJECT_CLASS (xinzhi_quotes_page_parent_class)->dispose (object);
}

static void
xinzhi_quotes_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XinzhiQuotesPage *self = XINZHI_QUOTES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->shared);
      break;
    case PROP_NOTES:
      g_value_set_object (value, self->notes);
      break;
    case PROP_COLLAPSED:
      g_value_set_boolean (value, xinzhi_view_split_view_collapsed (XINZHI_VIEW (self)));
      break;
    case PROP_CONTENT_ONLY:
      g_value_set_boolean (value, xinzhi_view_split_view_content_only (XINZHI_VIEW (self)));
      break;
    case PROP_SELECTED_QUOTE:
      g_value_set_object (value, self->quote);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_quotes_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XinzhiQuotesPage *self = XINZHI_QUOTES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      xinzhi_quotes_page_set_corpus (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      xinzhi_quotes_page_set_filter (self, g_value_get_object (value));
      break;
    case PROP_NOTES:
      xinzhi_quotes_page_set_notes (self, g_value_get_object (value));
      break;
    case PROP_COLLAPSED:
      xinzhi_view_set_split_view_collapsed (XINZHI_VIEW (self), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_quotes_page_class_init (XinzhiQuotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_quotes_page_dispose;
  object_class->get_property = xinzhi_quotes_page_get_property;
  object_class->set_property = xinzhi_quotes_page_set_property;

  /* Collapsed, the list and the viewer show one at a time; content-only, the viewer
   * (or a person) alone, with the back button and the window's buttons. */
  xinzhi_view_install_properties (object_class, PROP_CORPUS);
  /**
   * XinzhiQuotesPage:selected-quote:
   *
   * The quote the viewer shows.
   */
  properties[PROP_SELECTED_QUOTE] =
    g_param_spec_object ("selected-quote", NULL, NULL,
                         XINZHI_TYPE_QUOTE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_property (object_class, PROP_SELECTED_QUOTE,
                                   properties[PROP_SELECTED_QUOTE]);

  gtk_widget_class_install_action (widget_class, "quotes.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "quotes.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "quotes.previous-suggestion", NULL, next_suggestion_action);
  gtk_widget_class_install_action (widget_class, "quotes.next-suggestion", NULL, next_suggestion_action);
  gtk_widget_class_install_action (widget_class, "quotes.show-in-article", NULL,
                                   show_in_article_action);
  gtk_widget_class_install_action (widget_class, "quotes.copy-plain", NULL, copy_plain_action);
  gtk_widget_class_install_action (widget_class, "quotes.copy-markdown", NULL,
                                   copy_markdown_action);
  gtk_widget_class_install_action (widget_class, "quotes.show-speaker", NULL, show_speaker_action);
  gtk_widget_class_install_action (widget_class, "quotes.select-quote", "s", select_quote_action);
  gtk_widget_class_install_action (widget_class, "quotes.clear-filter", "s", clear_filter_action);
  gtk_widget_class_install_action (widget_class, "quotes.clear-filters", NULL,
                                   clear_filters_action);

  /* The page's own shortcuts, active wherever the focus is within it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "quotes.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "quotes.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "quotes.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "quotes.previous-suggestion", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "quotes.next-suggestion", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "quotes.next", NULL);

  g_type_ensure (XINZHI_TYPE_QUOTE_ROW);
  g_type_ensure (XINZHI_TYPE_QUOTE_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-quotes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, speaker_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, sector_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, outlet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, speaker_chip);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, speaker_chip_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, sector_chip);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, sector_chip_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, outlet_chip);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, outlet_chip_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, content_page);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, content_navigation);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, viewer_page);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, viewer_title);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuotesPage, quote_view);
  gtk_widget_class_bind_template_callback (widget_class, selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, content_navigation_notify_visible_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_unbind_cb);
}

static void
xinzhi_quotes_page_init (XinzhiQuotesPage *self)
{
  g_autoptr(GtkSorter) sorter = NULL;
  g_autoptr(GtkEveryFilter) every = NULL;
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkDropDown *dropdowns[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->outlet_none_position = GTK_INVALID_LIST_POSITION;

  sorter = GTK_SORTER (gtk_custom_sorter_new (xinzhi_quote_row_compare_quotes, NULL, NULL));
  gtk_sort_list_model_set_sorter (self->sort_model, sorter);

  /* One filter per dropdown, all of which a quote must pass. */
  self->speaker_filter = GTK_FILTER (gtk_custom_filter_new (speaker_filter_func, self, NULL));
  self->sector_filter = GTK_FILTER (gtk_custom_filter_new (sector_filter_func, self, NULL));
  self->outlet_filter = GTK_FILTER (gtk_custom_filter_new (outlet_filter_func, self, NULL));
  every = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (self->speaker_filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (self->sector_filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), g_object_ref (self->outlet_filter));
  /* And the filter every view shares. */
  self->sections = xinzhi_span_sections_new (self->list_view);
  gtk_multi_filter_append (GTK_MULTI_FILTER (every),
                           g_object_ref (xinzhi_span_sections_get_filter (self->sections)));
  xinzhi_quotes_page_set_filter (self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (every));

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (dup_item_label), NULL, NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (dropdown_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (dropdown_bind_cb), NULL);
  dropdowns[0] = self->speaker_dropdown;
  dropdowns[1] = self->sector_dropdown;
  dropdowns[2] = self->outlet_dropdown;
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      gtk_drop_down_set_expression (dropdowns[i], expression);
      gtk_drop_down_set_factory (dropdowns[i], factory);
    }

  xinzhi_view_follow_split_view (XINZHI_VIEW (self), self->split_view);
  update_filter_state (self);
  update_actions (self);
}

static GObject *
xinzhi_quotes_page_get_selected_item (XinzhiView *view)
{
  return G_OBJECT (xinzhi_quotes_page_get_selected_quote (XINZHI_QUOTES_PAGE (view)));
}

static void
xinzhi_quotes_page_view_iface_init (XinzhiViewInterface *iface)
{
  iface->get_selected_item = xinzhi_quotes_page_get_selected_item;
}

/**
 * xinzhi_quotes_page_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus whose quotes are listed
 */
XinzhiCorpus *
xinzhi_quotes_page_get_corpus (XinzhiQuotesPage *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTES_PAGE (self), NULL);
  return self->corpus;
}

/**
 * xinzhi_quotes_page_get_quotes:
 *
 * Returns: (transfer none): the quotes the list shows, filtered and in order, every
 *   one of them
 */
GListModel *
xinzhi_quotes_page_get_quotes (XinzhiQuotesPage *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTES_PAGE (self), NULL);
  return list_quotes (self);
}

/**
 * xinzhi_quotes_page_get_selected_quote:
 *
 * Returns: (transfer none) (nullable): the quote the viewer shows
 */
XinzhiQuote *
xinzhi_quotes_page_get_selected_quote (XinzhiQuotesPage *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTES_PAGE (self), NULL);
  return self->quote;
}

/**
 * xinzhi_quotes_page_get_speaker_filter:
 *
 * Returns: (transfer none) (nullable): the speaker whose quotes are listed, or %NULL
 *   for every speaker
 */
XinzhiPerson *
xinzhi_quotes_page_get_speaker_filter (XinzhiQuotesPage *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTES_PAGE (self), NULL);
  return get_speaker (self);
}

/**
 * xinzhi_quotes_page_get_sector_filter:
 *
 * Returns: (transfer none) (nullable): the sector that listed quotes name, or %NULL for
 *   any
 */
XinzhiSector *
xinzhi_quotes_page_get_sector_filter (XinzhiQuotesPage *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTES_PAGE (self), NULL);
  return get_sector (self);
}

/**
 * xinzhi_quotes_page_set_editable:
 * @editable: whether the corpus shown is one a person owns and may correct
 *
 * Offers, on a person's page, to remove their roles where @editable.
 */
void
xinzhi_quotes_page_set_editable (XinzhiQuotesPage *self,
                                 gboolean          editable)
{
  g_return_if_fail (XINZHI_IS_QUOTES_PAGE (self));

  self->editable = !!editable;
  sync_person_page (self);
}

/**
 * xinzhi_quotes_page_set_corpus:
 * @corpus: (nullable): the corpus whose quotes to list
 *
 * Lists the quotes of @corpus, without filters, and shows the first.
 */
void
xinzhi_quotes_page_set_corpus (XinzhiQuotesPage *self,
                               XinzhiCorpus     *corpus)
{
  g_return_if_fail (XINZHI_IS_QUOTES_PAGE (self));
  g_return_if_fail (corpus == NULL || XINZHI_IS_CORPUS (corpus));

  if (!g_set_object (&self->corpus, corpus))
    return;

  /* In the list's order already, so that sorting them is one pass. */
  gtk_sort_list_model_set_model (self->sort_model,
                                 corpus ? xinzhi_corpus_get_quotes_newest_first (corpus) : NULL);
  forget_dropdown_models (self);

  /* A new corpus starts at its first quote and, when collapsed, at the list. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      xinzhi_span_sections_scroll_to (self->sections, 0, GTK_LIST_SCROLL_NONE);
    }
  adw_navigation_view_pop_to_page (self->content_navigation, self->viewer_page);
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  update_filter_state (self);
  update_actions (self);

  g_object_notify (G_OBJECT (self), "corpus");
}

/* Gives @notes to every quote row under @widget. */
static void
set_rows_notes (GtkWidget   *widget,
                XinzhiNotes *notes)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (XINZHI_IS_QUOTE_ROW (child))
        xinzhi_quote_row_set_notes (XINZHI_QUOTE_ROW (child), notes);
      else
        set_rows_notes (child, notes);
    }
}

/**
 * xinzhi_quotes_page_set_notes:
 * @notes: (nullable): the person's stars and notes
 *
 * Lets the person star quotes and write notes on them in the viewer, and marks them
 * in the list.
 */
void
xinzhi_quotes_page_set_notes (XinzhiQuotesPage *self,
                              XinzhiNotes      *notes)
{
  g_return_if_fail (XINZHI_IS_QUOTES_PAGE (self));
  g_return_if_fail (notes == NULL || XINZHI_IS_NOTES (notes));

  if (!g_set_object (&self->notes, notes))
    return;

  xinzhi_quote_view_set_notes (self->quote_view, notes);
  set_rows_notes (GTK_WIDGET (self->list_view), notes);
  g_object_notify (G_OBJECT (self), "notes");
}

/**
 * xinzhi_quotes_page_set_speaker_filter:
 * @person: (nullable): a person of the corpus who is quoted, or %NULL for everyone
 *
 * Lists only the quotes of @person, under whatever spelling of their name.
 */
void
xinzhi_quotes_page_set_speaker_filter (XinzhiQuotesPage *self,
                                       XinzhiPerson     *person)
{
  guint position = 0;

  g_return_if_fail (XINZHI_IS_QUOTES_PAGE (self));
  g_return_if_fail (person == NULL || XINZHI_IS_PERSON (person));

  if (person != NULL)
    ensure_dropdown_models (self);
  if (person != NULL &&
      !find_position (gtk_drop_down_get_model (self->speaker_dropdown), person, &position))
    {
      g_critical ("%s: “%s” is not quoted in the corpus shown",
                  G_STRFUNC, xinzhi_person_get_id (person));
      return;
    }

  select_choice (self, self->speaker_dropdown, position);
}

/**
 * xinzhi_quotes_page_set_sector_filter:
 * @sector: (nullable): a sector named in some quote, or %NULL for any
 *
 * Lists only the quotes that name @sector.
 */
void
xinzhi_quotes_page_set_sector_filter (XinzhiQuotesPage *self,
                                      XinzhiSector     *sector)
{
  guint position = 0;

  g_return_if_fail (XINZHI_IS_QUOTES_PAGE (self));
  g_return_if_fail (sector == NULL || XINZHI_IS_SECTOR (sector));

  if (sector != NULL)
    ensure_dropdown_models (self);
  if (sector != NULL &&
      !find_position (gtk_drop_down_get_model (self->sector_dropdown), sector, &position))
    {
      g_critical ("%s: “%s” is named in no quote of the corpus shown",
                  G_STRFUNC, xinzhi_sector_get_id (sector));
      return;
    }

  select_choice (self, self->sector_dropdown, position);
}

/**
 * xinzhi_quotes_page_clear_filters:
 *
 * Lists every quote again.
 */
void
xinzhi_quotes_page_clear_filters (XinzhiQuotesPage *self)
{
  g_return_if_fail (XINZHI_IS_QUOTES_PAGE (self));

  select_choice (self, self->speaker_dropdown, 0);
  select_choice (self, self->sector_dropdown, 0);
  select_choice (self, self->outlet_dropdown, 0);
  xinzhi_filter_clear (self->shared);
}

/**
 * xinzhi_quotes_page_get_filter:
 *
 * Returns: (transfer none): the filter of sectors, people and outlets shared with other
 *   views, which the page follows besides its own
 */
XinzhiFilter *
xinzhi_quotes_page_get_filter (XinzhiQuotesPage *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTES_PAGE (self), NULL);
  return self->shared;
}

/**
 * xinzhi_quotes_page_set_filter:
 * @filter: (nullable): a filter shared with other views, or %NULL for one of its own
 *
 * Lists only the quotes @filter keeps, as well as the page's own filters do; with a
 * span, those possibly in it follow the others, apart.
 */
void
xinzhi_quotes_page_set_filter (XinzhiQuotesPage *self,
                               XinzhiFilter     *filter)
{
  XinzhiFilter *old;

  g_return_if_fail (XINZHI_IS_QUOTES_PAGE (self));
  g_return_if_fail (filter == NULL || XINZHI_IS_FILTER (filter));

  old = self->shared;
  xinzhi_filter_follow (&self->shared, filter,
                        xinzhi_view_defer_while_hidden (GTK_WIDGET (self), G_CALLBACK (shared_filter_changed_cb)),
                        self);
  shared_filter_changed_cb (self);
  if (self->shared != old)
    g_object_notify (G_OBJECT (self), "filter");
}

/**
 * xinzhi_quotes_page_select_quote:
 * @quote: a quote of the corpus
 *
 * Selects @quote in the list and shows it in the viewer; when collapsed, opens the
 * viewer.  Filters that would hide @quote are removed.
 */
void
xinzhi_quotes_page_select_quote (XinzhiQuotesPage *self,
                                 XinzhiQuote      *quote)
{
  GListModel *model;
  const char *outlet = NULL;
  guint position;

  g_return_if_fail (XINZHI_IS_QUOTES_PAGE (self));
  g_return_if_fail (XINZHI_IS_QUOTE (quote));

  model = list_quotes (self);
  if (!find_position (model, quote, &position))
    {
      /* Loosen only the filters that hide it. */
      if (get_speaker (self) != NULL && get_speaker (self) != xinzhi_quote_get_person (quote))
        select_choice (self, self->speaker_dropdown, 0);
      if (get_sector (self) != NULL && !quote_names_sector (quote, get_sector (self)))
        select_choice (self, self->sector_dropdown, 0);
      if (get_outlet (self, &outlet) &&
          g_strcmp0 (outlet, xinzhi_document_get_outlet (xinzhi_quote_get_document (quote))) != 0)
        select_choice (self, self->outlet_dropdown, 0);
      xinzhi_filter_reveal (self->shared, quote);

      if (!find_position (model, quote, &position))
        {
          g_critical ("%s: the quote “%s” is not in the corpus shown",
                      G_STRFUNC, xinzhi_quote_get_id (quote));
          return;
        }
    }

  select_position (self, position);
  pop_to_viewer (self);
  show_content (self);
}

/**
 * xinzhi_quotes_page_show_person:
 * @person: a person of the corpus
 *
 * Shows @person's page: their names, roles, quotes and mentions.  Going back returns
 * to the quote shown.
 */
void
xinzhi_quotes_page_show_person (XinzhiQuotesPage *self,
                                XinzhiPerson     *person)
{
  AdwNavigationPage *visible;
  AdwNavigationPage *page;

  g_return_if_fail (XINZHI_IS_QUOTES_PAGE (self));
  g_return_if_fail (XINZHI_IS_PERSON (person));

  visible = adw_navigation_view_get_visible_page (self->content_navigation);
  if (XINZHI_IS_PERSON_PAGE (visible) &&
      xinzhi_person_page_get_person (XINZHI_PERSON_PAGE (visible)) == person)
    {
      adw_navigation_split_view_set_show_content (self->split_view, TRUE);
      return;
    }

  page = xinzhi_person_page_new (person);
  g_object_bind_property (self->split_view, "collapsed",
                          page, "show-title-buttons",
                          G_BINDING_SYNC_CREATE);
  xinzhi_person_page_set_reviewed_only (XINZHI_PERSON_PAGE (page),
                                        self->shared != NULL && xinzhi_filter_get_reviewed_only (self->shared));
  xinzhi_person_page_set_editable (XINZHI_PERSON_PAGE (page), self->editable);

  /* One person at a time: another person's page replaces the one shown. */
  if (visible != self->viewer_page)
    {
      AdwNavigationPage *pages[] = { self->viewer_page, page };

      adw_navigation_view_replace (self->content_navigation, pages, G_N_ELEMENTS (pages));
    }
  else
    {
      adw_navigation_view_push (self->content_navigation, page);
    }

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-article-row.h"
#include "xinzhi-articles-page.h"
#include "xinzhi-span-sections.h"
#include "xinzhi-view.h"

/* The Articles view: the corpus's articles, newest first, beside the reader; with a time
 * span as a filter, the articles possibly in it follow the others, apart
 * (XinzhiSpanSections).  On a narrow window the split view collapses and the reader
 * becomes a page of its own. */
struct _XinzhiArticlesPage
{
  GtkWidget               parent_instance;

  /* Template widgets */
  AdwNavigationSplitView *split_view;
  GtkStack               *sidebar_stack;
  GtkListView            *list_view;
  GtkSingleSelection     *selection;
  GtkFilterListModel     *filter_model;
  GtkSortListModel       *sort_model;
  AdwNavigationPage      *content_page;
  XinzhiReader           *reader;

  /* Owned */
  XinzhiCorpus           *corpus;
  XinzhiNotes            *notes;
  XinzhiFilter           *shared;        /* the window's, or the page's own */
  XinzhiSpanSections     *sections;      /* in @shared's span, and possibly in it */
  GtkWidget              *row_menu;      /* a GtkPopoverMenu on the list */
};

static void xinzhi_articles_page_view_iface_init (XinzhiViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XinzhiArticlesPage, xinzhi_articles_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XINZHI_TYPE_VIEW,
                                                      xinzhi_articles_page_view_iface_init))

enum {
  PROP_0,
  PROP_CORPUS,        /* the XinzhiView properties, in their order */
  PROP_FILTER,
  PROP_NOTES,
  PROP_COLLAPSED,
  PROP_CONTENT_ONLY,
  N_PROPS
};

/* Newest first: the model's one order of documents, reversed. */
static int
compare_documents (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return xinzhi_document_compare (XINZHI_DOCUMENT ((gpointer) b), XINZHI_DOCUMENT ((gpointer) a));
}

static void
update_sidebar (XinzhiArticlesPage *self)
{
  const char *name;

  xinzhi_span_sections_update (self->sections);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0)
    name = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    name = "no-match";
  else
    name = "list";

  gtk_stack_set_visible_child_name (self->sidebar_stack, name);
}

static void
shared_filter_changed_cb (XinzhiArticlesPage *self)
{
  if (self->sections == NULL)   /* disposed */
    return;

  xinzhi_span_sections_set_filter (self->sections, self->shared);
  xinzhi_span_sections_sort (self->sections);
  gtk_filter_changed (xinzhi_span_sections_get_filter (self->sections), GTK_FILTER_CHANGE_DIFFERENT);
  update_sidebar (self);
}

/* The menu of @document's row: filter every view by its outlet. */
static void
popup_row_menu (XinzhiArticlesPage *self,
                XinzhiDocument     *document,
                double              x,
                double              y)
{
  const char *outlet = xinzhi_document_get_outlet (document);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  if (outlet != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (outlet, "_", -1);
      /* The menu reads underscores as mnemonics; the corpus's text keeps its own. */
      g_autofree char *escaped = g_strjoinv ("__", parts);
      /* Translators: a menu item; %s is the name of a news outlet */
      g_autofree char *label = g_strdup_printf (_("Filter Every View by “%s”"), escaped);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.add-filter", "(ss)", "outlet", outlet);
    }
  else
    item = g_menu_item_new (_("Outlet Not Named"), NULL);   /* without an action: insensitive */
  g_menu_append_item (menu, item);

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->row_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->row_menu));
}

/* The document of the row at @x, @y of the list, if any, selecting it. */
static XinzhiDocument *
pick_row_document (XinzhiArticlesPage *self,
                   double              x,
                   double              y)
{
  GtkWidget *widget;

  for (widget = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != GTK_WIDGET (self->list_view);
       widget = gtk_widget_get_parent (widget))
    {
      if (XINZHI_IS_ARTICLE_ROW (widget))
        return xinzhi_article_row_get_document (XINZHI_ARTICLE_ROW (widget));
    }

  return NULL;
}

static void
list_view_secondary_pressed_cb (XinzhiArticlesPage *self,
                                int                 n_press,
                                double              x,
                                double              y,
                                GtkGestureClick    *gesture)
{
  XinzhiDocument *document = pick_row_document (self, x, y);

  if (document == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_row_menu (self, document, x, y);
}

static void
list_view_long_pressed_cb (XinzhiArticlesPage  *self,
                           double               x,
                           double               y,
                           GtkGestureLongPress *gesture)
{
  XinzhiDocument *document = pick_row_document (self, x, y);

  if (document != NULL)
    popup_row_menu (self, document, x, y);
}

/* The Menu key and Shift+F10: the menu of the selected row, beside it. */
static void
row_menu_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XinzhiArticlesPage *self = XINZHI_ARTICLES_PAGE (widget);
  XinzhiDocument *document = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  if (document == NULL)
    return;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)) ||
      !gtk_widget_compute_bounds (focus, GTK_WIDGET (self->list_view), &bounds))
    graphene_rect_init (&bounds, 0, 0, 0, 0);

  popup_row_menu (self, document, bounds.origin.x + bounds.size.width / 2,
                  bounds.origin.y + bounds.size.height);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  xinzhi_filter_clear (XINZHI_ARTICLES_PAGE (widget)->shared);
}

static void
show_content (XinzhiArticlesPage *self)
{
  if (gtk_single_selection_get_selected_item (self->selection) != NULL)
    adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
update_content_title (XinzhiArticlesPage *self)
{
  XinzhiDocument *document = xinzhi_reader_get_document (self->reader);
  g_autofree char *outlet = NULL;

  if (document != NULL)
    g_object_get (document, "outlet-label", &outlet, NULL);

  adw_navigation_page_set_title (self->content_page, outlet ? outlet : _("Article"));
}

static void
selection_notify_selected_item_cb (XinzhiArticlesPage *self)
{
  XinzhiDocument *document = gtk_single_selection_get_selected_item (self->selection);

  xinzhi_reader_set_document (self->reader, document);
  update_content_title (self);
}

static void
list_view_activate_cb (XinzhiArticlesPage *self,
                       guint               position)
{
  show_content (self);
}

/* A click or tap on a row opens the article when collapsed.  Selection alone does not,
 * since the arrow keys select too and should only move through the list. */
static void
list_view_released_cb (XinzhiArticlesPage *self,
                       int                 n_press,
                       double              x,
                       double              y,
                       GtkGestureClick    *gesture)
{
  /* Only a click on a row, not on the space below the last one. */
  if (adw_navigation_split_view_get_collapsed (self->split_view) &&
      xinzhi_view_is_row_at (GTK_WIDGET (self->list_view), x, y))
    show_content (self);
}

static void
factory_setup_cb (XinzhiArticlesPage       *self,
                  GtkListItem              *list_item,
                  GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_child (list_item, xinzhi_article_row_new ());
}

static void
factory_bind_cb (XinzhiArticlesPage       *self,
                 GtkListItem              *list_item,
                 GtkSignalListItemFactory *factory)
{
  XinzhiArticleRow *row = XINZHI_ARTICLE_ROW (gtk_list_item_get_child (list_item));
  g_autofree char *label = NULL;

  xinzhi_article_row_set_document (row, gtk_list_item_get_item (list_item));
  label = xinzhi_article_row_dup_accessible_label (row);
  gtk_list_item_set_accessible_label (list_item, label);
  xinzhi_span_sections_bind_row (self->sections, list_item);
}

static void
factory_unbind_cb (XinzhiArticlesPage       *self,
                   GtkListItem              *list_item,
                   GtkSignalListItemFactory *factory)
{
  XinzhiArticleRow *row = XINZHI_ARTICLE_ROW (gtk_list_item_get_child (list_item));

  xinzhi_article_row_set_document (row, NULL);
  gtk_list_item_set_accessible_label (list_item, NULL);
  xinzhi_span_sections_unbind_row (self->sections, list_item);
}

static void
xinzhi_articles_page_dispose (GObject *object)
{
  XinzhiArticlesPage *self = XINZHI_ARTICLES_PAGE (object);

  g_clear_pointer (&self->row_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_ARTICLES_PAGE);
  g_clear_object (&self->corpus);
  g_clear_object (&self->notes);
  g_clear_object (&self->sections);
  g_clear_object (&self->shared);

  G_OBJECT_CLASS (xinzhi_articles_page_parent_class)->dispose (object);
}

static void
xinzhi_articles_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XinzhiArticlesPage *self = XINZHI_ARTICLES_PAGE (object);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_articles_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XinzhiArticlesPage *self = XINZHI_ARTICLES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      xinzhi_articles_page_set_corpus (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      xinzhi_articles_page_set_filter (self, g_value_get_object (value));
      break;
    case PROP_NOTES:
      xinzhi_articles_page_set_notes (self, g_value_get_object (value));
      break;
    case PROP_COLLAPSED:
      xinzhi_view_set_split_view_collapsed (XINZHI_VIEW (self), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_articles_page_class_init (XinzhiArticlesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_articles_page_dispose;
  object_class->get_property = xinzhi_articles_page_get_property;
  object_class->set_property = xinzhi_articles_page_set_property;

  /* Collapsed, the list and the reader show one at a time; content-only, the reader
   * alone, with the back button. */
  xinzhi_view_install_properties (object_class, PROP_CORPUS);

  g_type_ensure (XINZHI_TYPE_READER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-articles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticlesPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticlesPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticlesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticlesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticlesPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticlesPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticlesPage, content_page);
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticlesPage, reader);
  gtk_widget_class_bind_template_callback (widget_class, selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_secondary_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_long_pressed_cb);

  gtk_widget_class_install_action (widget_class, "articles.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "articles.row-menu", NULL, row_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "articles.row-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "articles.row-menu", NULL);
  gtk_widget_class_bind_template_callback (widget_class, factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_unbind_cb);
}

static void
xinzhi_articles_page_init (XinzhiArticlesPage *self)
{
  g_autoptr(GtkSorter) sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_documents, NULL, NULL));
  gtk_sort_list_model_set_sorter (self->sort_model, sorter);

  /* The filter every view shares; alone, the page has one of its own. */
  self->sections = xinzhi_span_sections_new (self->list_view);
  gtk_filter_list_model_set_filter (self->filter_model, xinzhi_span_sections_get_filter (self->sections));
  xinzhi_articles_page_set_filter (self, NULL);

  self->row_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu), FALSE);
  gtk_widget_set_halign (self->row_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_menu, GTK_WIDGET (self->list_view));

  xinzhi_view_follow_split_view (XINZHI_VIEW (self), self->split_view);
  update_sidebar (self);
}

static GObject *
xinzhi_articles_page_get_selected_item (XinzhiView *view)
{
  return G_OBJECT (xinzhi_articles_page_get_selected_document (XINZHI_ARTICLES_PAGE (view)));
}

static void
xinzhi_articles_page_view_iface_init (XinzhiViewInterface *iface)
{
  iface->get_selected_item = xinzhi_articles_page_get_selected_item;
}

/**
 * xinzhi_articles_page_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus whose articles are listed
 */
XinzhiCorpus *
xinzhi_articles_page_get_corpus (XinzhiArticlesPage *self)
{
  g_return_val_if_fail (XINZHI_IS_ARTICLES_PAGE (self), NULL);
  return self->corpus;
}

/**
 * xinzhi_articles_page_get_reader:
 *
 * Returns: (transfer none): the reader that shows the selected article
 */
XinzhiReader *
xinzhi_articles_page_get_reader (XinzhiArticlesPage *self)
{
  g_return_val_if_fail (XINZHI_IS_ARTICLES_PAGE (self), NULL);
  return self->reader;
}

/**
 * xinzhi_articles_page_get_selected_document:
 *
 * Returns: (transfer none) (nullable): the article selected in the list
 */
XinzhiDocument *
xinzhi_articles_page_get_selected_document (XinzhiArticlesPage *self)
{
  g_return_val_if_fail (XINZHI_IS_ARTICLES_PAGE (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * xinzhi_articles_page_set_corpus:
 * @corpus: (nullable): the corpus to list
 *
 * Lists the articles of @corpus, newest first, and selects the first in the list.
 */
void
xinzhi_articles_page_set_corpus (XinzhiArticlesPage *self,
                                 XinzhiCorpus       *corpus)
{
  GListModel *documents = NULL;

  g_return_if_fail (XINZHI_IS_ARTICLES_PAGE (self));
  g_return_if_fail (corpus == NULL || XINZHI_IS_CORPUS (corpus));

  if (!g_set_object (&self->corpus, corpus))
    return;

  /* Sorted already, oldest first: the list's sort, newest first, reverses them in one
   * pass. */
  if (corpus != NULL)
    documents = xinzhi_corpus_get_documents_by_date (corpus);

  gtk_sort_list_model_set_model (self->sort_model, documents);
  /* A new corpus starts at the top of its list and, when collapsed, at the list. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  update_sidebar (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    xinzhi_span_sections_scroll_to (self->sections, 0, GTK_LIST_SCROLL_NONE);

  g_object_notify (G_OBJECT (self), "corpus");
}

/**
 * xinzhi_articles_page_select_document:
 * @document: an article of the corpus
 *
 * Selects @document in the list and shows it; when collapsed, opens the reader.
 */
void
xinzhi_articles_page_select_document (XinzhiArticlesPage *self,
                                      XinzhiDocument     *document)
{
  GListModel *model;
  guint n_items;

  g_return_if_fail (XINZHI_IS_ARTICLES_PAGE (self));
  g_return_if_fail (XINZHI_IS_DOCUMENT (document));

  /* The list's positions: what is possibly in the span comes last. */
  model = G_LIST_MODEL (self->selection);
  /* A link leads to the article even when the filters hide it; one the list shows
   * (possibly in the span, say) keeps them, as in the Quotes view. */
  for (guint pass = 0; pass < 2; pass++)
    {
      /* Every article, not only those the list has taken so far. */
      xinzhi_span_sections_finish (self->sections);
      n_items = g_list_model_get_n_items (model);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(XinzhiDocument) item = g_list_model_get_item (model, i);

          if (item == document)
            {
              xinzhi_span_sections_scroll_to (self->sections, i, GTK_LIST_SCROLL_SELECT);
              show_content (self);
              return;
            }
        }
      xinzhi_filter_reveal (self->shared, document);
    }

  g_critical ("%s: the document “%s” is not in the corpus shown",
              G_STRFUNC, xinzhi_document_get_id (document));
}

/**
 * xinzhi_articles_page_set_notes:
 * @notes: (nullable): the person's notes
 *
 * Lets the person write a note on the article shown.
 */
void
xinzhi_articles_page_set_notes (XinzhiArticlesPage *self,
                                XinzhiNotes        *notes)
{
  g_return_if_fail (XINZHI_IS_ARTICLES_PAGE (self));
  g_return_if_fail (notes == NULL || XINZHI_IS_NOTES (notes));

  if (!g_set_object (&self->notes, notes))
    return;

  xinzhi_reader_set_notes (self->reader, notes);
  g_object_notify (G_OBJECT (self), "notes");
}

/**
 * xinzhi_articles_page_get_filter:
 *
 * Returns: (transfer none): the filter of sectors, people and outlets the list follows
 */
XinzhiFilter *
xinzhi_articles_page_get_filter (XinzhiArticlesPage *self)
{
  g_return_val_if_fail (XINZHI_IS_ARTICLES_PAGE (self), NULL);
  return self->shared;
}

/**
 * xinzhi_articles_page_set_filter:
 * @filter: (nullable): a filter shared with other views, or %NULL for one of its own
 *
 * Lists only the articles @filter keeps; with a span, those possibly in it follow the
 * others, apart.
 */
void
xinzhi_articles_page_set_filter (XinzhiArticlesPage *self,
                                 XinzhiFilter       *filter)
{
  XinzhiFilter *old;

  g_return_if_fail (XINZHI_IS_ARTICLES_PAGE (self));
  g_return_if_fail (filter == NULL || XINZHI_IS_FILTER (filter));

  old = self->shared;
  xinzhi_filter_follow (&self->shared, filter,
                        xinzhi_view_defer_while_hidden (GTK_WIDGET (self), G_CALLBACK (shared_filter_changed_cb)),
                        self);
  shared_filter_changed_cb (self);
  if (self->shared != old)
    g_object_notify (G_OBJECT (self), "filter");
}

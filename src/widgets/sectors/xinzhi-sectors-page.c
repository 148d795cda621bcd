/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-list-header.h"
#include "xinzhi-sector-row.h"
#include "xinzhi-sectors-page-private.h"
#include "xinzhi-span-count.h"
#include "xinzhi-view.h"

/* The Sectors view: the corpus's sectors, grouped, beside everything about the one
 * selected: its names and terms, its mentions month by month on a calendar axis, every
 * mention in context, and the events and quotes that concern it.  In place of one
 * sector, the content can show the heat map of all sectors by article.  On a narrow
 * window the split view collapses and the content becomes a page of its own.  This file
 * holds the list of sectors and their counts against the span, the heat map and the
 * page's API; the selected sector's pane is an XinzhiSectorView (xinzhi-sector-view.c).
 *
 * The window's filter narrows the view by its time span alone: the counts, the chart
 * and the sector's lists keep what lies in the span for certain, and apart, what only
 * possibly does (dates too coarse, or estimated); the heat map marks its columns.  Its
 * sectors, people and outlets do not narrow this view: it is where a person looks at
 * every sector, to choose which to filter by.  Sectors with no mention in the span stay
 * listed, with their zero, so that the list and its selection do not move and a quiet
 * sector reads as quiet. */

static void xinzhi_sectors_page_view_iface_init (XinzhiViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XinzhiSectorsPage, xinzhi_sectors_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XINZHI_TYPE_VIEW,
                                                      xinzhi_sectors_page_view_iface_init))

enum {
  PROP_0,
  PROP_CORPUS,        /* the XinzhiView properties, in their order */
  PROP_FILTER,
  PROP_NOTES,
  PROP_COLLAPSED,
  PROP_CONTENT_ONLY,
  PROP_SELECTED_SECTOR,
  PROP_SORT_BY,
  PROP_SHOW_HEATMAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sections: the corpus's groups, in the corpus's order. */
static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  guint group_a = xinzhi_sector_get_group_position (XINZHI_SECTOR ((gpointer) a));
  guint group_b = xinzhi_sector_get_group_position (XINZHI_SECTOR ((gpointer) b));

  return group_a < group_b ? -1 : group_a > group_b;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_utf8_collate (xinzhi_sector_get_display_name (XINZHI_SECTOR ((gpointer) a)),
                         xinzhi_sector_get_display_name (XINZHI_SECTOR ((gpointer) b)));
}

static const XinzhiSpanCount *
lookup_span_count (XinzhiSectorsPage *self,
                   XinzhiSector      *sector)
{
  return self->span_counts ? g_hash_table_lookup (self->span_counts, sector) : NULL;
}

/* Most mentioned first; with a span, most mentioned in it for certain, then most
 * possibly. */
static int
compare_mentions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  XinzhiSectorsPage *self = user_data;
  const XinzhiSpanCount *count_a = lookup_span_count (self, XINZHI_SECTOR ((gpointer) a));
  const XinzhiSpanCount *count_b = lookup_span_count (self, XINZHI_SECTOR ((gpointer) b));
  guint mentions_a = count_a ? count_a->n_mentions : xinzhi_sector_get_n_mentions (XINZHI_SECTOR ((gpointer) a));
  guint mentions_b = count_b ? count_b->n_mentions : xinzhi_sector_get_n_mentions (XINZHI_SECTOR ((gpointer) b));

  if (mentions_a != mentions_b)
    return mentions_a > mentions_b ? -1 : 1;
  if (count_a != NULL && count_b != NULL &&
      count_a->n_possibly_mentions != count_b->n_possibly_mentions)
    return count_a->n_possibly_mentions > count_b->n_possibly_mentions ? -1 : 1;

  return compare_names (a, b, user_data);
}

/* Earliest first mention first, in the model's order of what is known of it (never
 * a year or an estimate before a day it may follow); mentioned only in articles whose
 * date is estimated, or never, last. */
static int
compare_first_mentions (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  int result = xinzhi_earliest_compare (xinzhi_sector_get_first_mention (XINZHI_SECTOR ((gpointer) a)),
                                        xinzhi_sector_get_first_mention (XINZHI_SECTOR ((gpointer) b)));

  return result != 0 ? result : compare_names (a, b, user_data);
}

static gboolean
is_sort_order (const char *sort_by)
{
  return g_strcmp0 (sort_by, "name") == 0 ||
         g_strcmp0 (sort_by, "mentions") == 0 ||
         g_strcmp0 (sort_by, "first-mention") == 0;
}

static void
apply_sort_order (XinzhiSectorsPage *self)
{
  GCompareDataFunc func = compare_names;
  const char *label = C_("sort order", "Name");
  /* Translators: the description of the Sort button, for a screen reader */
  const char *description = _("Sectors sorted by name");

  if (g_str_equal (self->sort_by, "mentions"))
    {
      func = compare_mentions;
      label = C_("sort order", "Mentions");
      description = _("Sectors sorted by mentions, most first");
    }
  else if (g_str_equal (self->sort_by, "first-mention"))
    {
      func = compare_first_mentions;
      label = C_("sort order", "First Mention");
      description = _("Sectors sorted by first dated mention, earliest first");
    }

  gtk_custom_sorter_set_sort_func (self->sorter, func, self, NULL);
  adw_button_content_set_label (self->sort_content, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sort_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static guint
count_sectors (XinzhiSectorsPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

static XinzhiSector *
get_selected (XinzhiSectorsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_content (XinzhiSectorsPage *self)
{
  XinzhiSector *sector = get_selected (self);
  const char *name;
  const char *title;

  if (self->corpus == NULL)
    name = "empty";
  else if (count_sectors (self) == 0)
    name = "none";
  else if (self->show_heatmap)
    name = "heatmap";
  else if (sector != NULL)
    name = "sector";
  else
    name = "empty";

  if (g_str_equal (name, "heatmap"))
    title = _("Heat Map");
  else if (g_str_equal (name, "sector"))
    title = xinzhi_sector_get_display_name (sector);
  else
    title = _("Sector");

  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_navigation_page_set_title (self->content_page, title);
}

static void
fill_detail (XinzhiSectorsPage *self)
{
  XinzhiSector *sector = get_selected (self);

  self->n_fills++;
  xinzhi_sector_view_show (self->sector_view, sector, sector ? lookup_span_count (self, sector) : NULL);
}

static void
show_content (XinzhiSectorsPage *self)
{
  if (get_selected (self) != NULL || self->show_heatmap)
    adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
selection_notify_selected_item_cb (XinzhiSectorsPage *self)
{
  fill_detail (self);
  update_content (self);

  /* Moving through the list moves the heat map's cursor along. */
  xinzhi_sector_heatmap_set_cursor (self->heatmap, get_selected (self), NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SECTOR]);
}

static void
list_view_activate_cb (XinzhiSectorsPage *self,
                       guint              position)
{
  xinzhi_sectors_page_set_show_heatmap (self, FALSE);
  show_content (self);
}

/* A click or tap on a row shows the sector: in place of the heat map, and on its own
 * page when collapsed.  Selection alone does not, since the arrow keys select too and
 * should only move through the list. */
static void
list_view_released_cb (XinzhiSectorsPage *self,
                       int                n_press,
                       double             x,
                       double             y,
                       GtkGestureClick   *gesture)
{
  if (!xinzhi_view_is_row_at (GTK_WIDGET (self->list_view), x, y))
    return;

  xinzhi_sectors_page_set_show_heatmap (self, FALSE);
  if (adw_navigation_split_view_get_collapsed (self->split_view))
    show_content (self);
}

static void
factory_setup_cb (XinzhiSectorsPage        *self,
                  GtkListItem              *list_item,
                  GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_child (list_item, xinzhi_sector_row_new ());
}

static void
factory_bind_cb (XinzhiSectorsPage        *self,
                 GtkListItem              *list_item,
                 GtkSignalListItemFactory *factory)
{
  XinzhiSectorRow *row = XINZHI_SECTOR_ROW (gtk_list_item_get_child (list_item));
  g_autofree char *label = NULL;

  xinzhi_sector_row_set_sector (row, gtk_list_item_get_item (list_item));
  xinzhi_sector_row_set_span_count (row, lookup_span_count (self, gtk_list_item_get_item (list_item)));
  g_hash_table_insert (self->bound_rows, list_item, row);
  label = xinzhi_sector_row_dup_accessible_label (row);
  gtk_list_item_set_accessible_label (list_item, label);
}

static void
factory_unbind_cb (XinzhiSectorsPage        *self,
                   GtkListItem              *list_item,
                   GtkSignalListItemFactory *factory)
{
  XinzhiSectorRow *row = XINZHI_SECTOR_ROW (gtk_list_item_get_child (list_item));

  g_hash_table_remove (self->bound_rows, list_item);
  xinzhi_sector_row_set_sector (row, NULL);
  xinzhi_sector_row_set_span_count (row, NULL);
  gtk_list_item_set_accessible_label (list_item, NULL);
}

static void
header_setup_cb (XinzhiSectorsPage        *self,
                 GtkListHeader            *header,
                 GtkSignalListItemFactory *factory)
{
  GtkWidget *box = xinzhi_list_header_new ("sector-group-header", FALSE);

  gtk_widget_add_css_class (GTK_WIDGET (xinzhi_list_header_get_title (box)), "sector-group-name");
  gtk_list_header_set_child (header, box);
}

static void
header_bind_cb (XinzhiSectorsPage        *self,
                GtkListHeader            *header,
                GtkSignalListItemFactory *factory)
{
  XinzhiSector *sector = gtk_list_header_get_item (header);
  GtkWidget *box = gtk_list_header_get_child (header);

  /* The group's name over its name in the other language; corpus text, as plain text. */
  gtk_label_set_text (xinzhi_list_header_get_title (box), xinzhi_sector_get_group_display_name (sector));
  gtk_label_set_text (xinzhi_list_header_get_subtitle (box), xinzhi_sector_get_group_other_name (sector));
}

static void
heatmap_cell_activated_cb (XinzhiSectorsPage   *self,
                           XinzhiSector        *sector,
                           XinzhiDocument      *document,
                           XinzhiSectorHeatmap *heatmap)
{
  xinzhi_sectors_page_select_sector (self, sector);

  /* With an article, straight to its first mention of the sector, if it has one. */
  if (document != NULL && xinzhi_sector_heatmap_get_count (heatmap, sector, document) > 0)
    xinzhi_sector_view_scroll_to_document (self->sector_view, document);
}

/* Counts every sector's mentions against the span, in one pass over their mentions
 * that asks about each article once; none without a span. */
static void
update_span_counts (XinzhiSectorsPage *self)
{
  GListModel *sectors = self->corpus ? xinzhi_corpus_get_sectors (self->corpus) : NULL;
  g_autoptr(GHashTable) cache = NULL;
  g_autofree char *span = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;
  XinzhiSpanCount total = { 0 };
  guint n_sectors = sectors ? g_list_model_get_n_items (sectors) : 0;

  g_clear_pointer (&self->span_counts, g_hash_table_unref);
  span = xinzhi_filter_dup_span_label (self->filter);
  gtk_revealer_set_reveal_child (self->span_revealer, span != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->heatmap_span_label), span != NULL);
  if (span == NULL)
    return;

  cache = xinzhi_span_count_new_cache ();
  self->span_counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < n_sectors; i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);
      XinzhiSpanCount *count = g_new (XinzhiSpanCount, 1);

      xinzhi_span_count_sector (count, sector, self->filter, cache);
      total.n_mentions += count->n_mentions;
      total.n_possibly_mentions += count->n_possibly_mentions;
      /* The corpus holds the sector. */
      g_hash_table_insert (self->span_counts, sector, count);
    }
  xinzhi_span_count_documents (&total, cache);

  counts = xinzhi_sector_row_format_span_count (&total);
  /* Translators: the line at the top of the Sectors view while a time span is chosen:
   * the span, then the mentions of every sector in it, “12 mentions · 3 more possibly”
   * or “12 mentions · 3 articles” */
  text = g_strdup_printf (_("Narrowed to %s: %s"), span, counts);
  gtk_label_set_text (self->span_label, text);
}

/* The span changed: every count, the chart and the heat map (which follow the filter
 * themselves), and the selected sector's lists. */
static void
filter_changed_cb (XinzhiSectorsPage *self)
{
  GHashTableIter iter;
  gpointer list_item, row;

  update_span_counts (self);

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &list_item, &row))
    {
      g_autofree char *label = NULL;

      xinzhi_sector_row_set_span_count (row, lookup_span_count (self, xinzhi_sector_row_get_sector (row)));
      label = xinzhi_sector_row_dup_accessible_label (row);
      gtk_list_item_set_accessible_label (list_item, label);
    }
  if (g_str_equal (self->sort_by, "mentions"))
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);

  xinzhi_sector_view_follow_span (self->sector_view);
  fill_detail (self);
}

/* The chart and the heat map follow the filter before the page does, so that they
 * have changed by the time the page reads them. */
static void
set_filter (XinzhiSectorsPage *self,
            XinzhiFilter      *filter)
{
  g_autoptr(XinzhiFilter) own = NULL;

  if (filter == NULL)
    filter = own = xinzhi_filter_new ();
  if (filter == self->filter)
    return;

  xinzhi_sector_view_set_filter (self->sector_view, filter);
  xinzhi_sector_heatmap_set_filter (self->heatmap, filter);
  xinzhi_filter_follow (&self->filter, filter,
                        xinzhi_view_defer_while_hidden (GTK_WIDGET (self), G_CALLBACK (filter_changed_cb)),
                        self);
  filter_changed_cb (self);
  g_object_notify (G_OBJECT (self), "filter");
}

static void
xinzhi_sectors_page_dispose (GObject *object)
{
  XinzhiSectorsPage *self = XINZHI_SECTORS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_SECTORS_PAGE);

  g_clear_object (&self->corpus);
  g_clear_object (&self->filter);
  g_clear_object (&self->notes);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->span_counts, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);

  G_OBJECT_CLASS (xinzhi_sectors_page_parent_class)->dispose (object);
}

static void
xinzhi_sectors_page_finalize (GObject *object)
{
  XinzhiSectorsPage *self = XINZHI_SECTORS_PAGE (object);

  g_free (self->sort_by);

  G_OBJECT_CLASS (xinzhi_sectors_page_parent_class)->finalize (object);
}

static void
xinzhi_sectors_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XinzhiSectorsPage *self = XINZHI_SECTORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
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
    case PROP_SELECTED_SECTOR:
      g_value_set_object (value, get_selected (self));
      break;
    case PROP_SORT_BY:
      g_value_set_string (value, self->sort_by);
      break;
    case PROP_SHOW_HEATMAP:
      g_value_set_boolean (value, self->show_heatmap);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sectors_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XinzhiSectorsPage *self = XINZHI_SECTORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      xinzhi_sectors_page_set_corpus (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      set_filter (self, g_value_get_object (value));
      break;
    case PROP_NOTES:
      if (g_set_object (&self->notes, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_COLLAPSED:
      xinzhi_view_set_split_view_collapsed (XINZHI_VIEW (self), g_value_get_boolean (value));
      break;
    case PROP_SORT_BY:
      xinzhi_sectors_page_set_sort_by (self, g_value_get_string (value));
      break;
    case PROP_SHOW_HEATMAP:
      xinzhi_sectors_page_set_show_heatmap (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sectors_page_class_init (XinzhiSectorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_sectors_page_dispose;
  object_class->finalize = xinzhi_sectors_page_finalize;
  object_class->get_property = xinzhi_sectors_page_get_property;
  object_class->set_property = xinzhi_sectors_page_set_property;

  /* Collapsed, the list and the content show one at a time; content-only, the content
   * alone, with the back button.  The window's filter narrows the view by its span. */
  xinzhi_view_install_properties (object_class, PROP_CORPUS);
  /**
   * XinzhiSectorsPage:selected-sector:
   *
   * The sector selected in the list, whose mentions the content shows.
   */
  properties[PROP_SELECTED_SECTOR] =
    g_param_spec_object ("selected-sector", NULL, NULL,
                         XINZHI_TYPE_SECTOR,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiSectorsPage:sort-by:
   *
   * How the sectors are sorted within their groups: `name`, `mentions` (most first) or
   * `first-mention` (earliest first).
   */
  properties[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL,
                         "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiSectorsPage:show-heatmap:
   *
   * Whether the content shows the heat map of all sectors by article, in place of the
   * selected sector.
   */
  properties[PROP_SHOW_HEATMAP] =
    g_param_spec_boolean ("show-heatmap", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  for (guint i = PROP_SELECTED_SECTOR; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);

  gtk_widget_class_install_property_action (widget_class, "sectors.sort-by", "sort-by");
  gtk_widget_class_install_property_action (widget_class, "sectors.show-heatmap", "show-heatmap");

  g_type_ensure (XINZHI_TYPE_SECTOR_VIEW);
  g_type_ensure (XINZHI_TYPE_SECTOR_HEATMAP);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-sectors-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, span_revealer);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, span_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, heatmap_span_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, sort_content);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, content_page);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, sector_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, heatmap);
  gtk_widget_class_bind_template_callback (widget_class, selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, heatmap_cell_activated_cb);
}

static void
xinzhi_sectors_page_init (XinzhiSectorsPage *self)
{
  g_autoptr(GtkSorter) section_sorter = NULL;

  self->sort_by = g_strdup ("name");

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Sections by group; within a group, the chosen order. */
  section_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_groups, NULL, NULL));
  self->sorter = gtk_custom_sorter_new (compare_names, NULL, NULL);
  gtk_sort_list_model_set_section_sorter (self->sort_model, section_sorter);
  gtk_sort_list_model_set_sorter (self->sort_model, GTK_SORTER (self->sorter));
  apply_sort_order (self);
  /* A corpus of many sectors comes into the list a batch a frame. */
  self->paced = xinzhi_paced_list_insert (self->list_view);

  self->bound_rows = g_hash_table_new (NULL, NULL);

  /* A filter of its own until the window gives it one to share. */
  set_filter (self, NULL);

  /* The heat map's rows follow the list, sections and sort order alike. */
  xinzhi_sector_heatmap_set_sectors (self->heatmap, G_LIST_MODEL (self->sort_model));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sectors.show-heatmap", FALSE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
  xinzhi_view_follow_split_view (XINZHI_VIEW (self), self->split_view);
  update_content (self);
}

static GObject *
xinzhi_sectors_page_get_selected_item (XinzhiView *view)
{
  return G_OBJECT (xinzhi_sectors_page_get_selected_sector (XINZHI_SECTORS_PAGE (view)));
}

static void
xinzhi_sectors_page_view_iface_init (XinzhiViewInterface *iface)
{
  iface->get_selected_item = xinzhi_sectors_page_get_selected_item;
}

/**
 * xinzhi_sectors_page_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus whose sectors are listed
 */
XinzhiCorpus *
xinzhi_sectors_page_get_corpus (XinzhiSectorsPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTORS_PAGE (self), NULL);
  return self->corpus;
}

/**
 * xinzhi_sectors_page_get_selected_sector:
 *
 * Returns: (transfer none) (nullable): the sector selected in the list
 */
XinzhiSector *
xinzhi_sectors_page_get_selected_sector (XinzhiSectorsPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTORS_PAGE (self), NULL);
  return get_selected (self);
}

const char *
xinzhi_sectors_page_get_sort_by (XinzhiSectorsPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTORS_PAGE (self), NULL);
  return self->sort_by;
}

gboolean
xinzhi_sectors_page_get_show_heatmap (XinzhiSectorsPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTORS_PAGE (self), FALSE);
  return self->show_heatmap;
}

/**
 * xinzhi_sectors_page_set_corpus:
 * @corpus: (nullable): the corpus whose sectors to list
 *
 * Lists the sectors of @corpus and selects the first.
 */
void
xinzhi_sectors_page_set_corpus (XinzhiSectorsPage *self,
                                XinzhiCorpus      *corpus)
{
  GListModel *sectors = NULL;
  gboolean has_sectors;
  guint n_fills;

  g_return_if_fail (XINZHI_IS_SECTORS_PAGE (self));
  g_return_if_fail (corpus == NULL || XINZHI_IS_CORPUS (corpus));

  if (!g_set_object (&self->corpus, corpus))
    return;

  if (corpus != NULL)
    sectors = xinzhi_corpus_get_sectors (corpus);
  has_sectors = sectors != NULL && g_list_model_get_n_items (sectors) > 0;

  /* The chart's axis and the heat map's columns come from the corpus's articles. */
  xinzhi_sector_view_set_corpus (self->sector_view, corpus);
  xinzhi_sector_heatmap_set_documents (self->heatmap,
                                       corpus ? xinzhi_corpus_get_documents_by_date (corpus) : NULL);

  update_span_counts (self);
  n_fills = self->n_fills;
  gtk_sort_list_model_set_model (self->sort_model, sectors);
  /* A new corpus starts at its first sector and, when collapsed, at the list. */
  if (has_sectors)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_list_view_scroll_to (self->list_view, 0, GTK_LIST_SCROLL_NONE, NULL);
    }
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, has_sectors ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sectors.show-heatmap", has_sectors);
  if (!has_sectors)
    xinzhi_sectors_page_set_show_heatmap (self, FALSE);

  /* The new selection filled the detail already, unless the selected item stayed. */
  if (self->n_fills == n_fills)
    fill_detail (self);
  update_content (self);

  g_object_notify (G_OBJECT (self), "corpus");
}

/**
 * xinzhi_sectors_page_set_editable:
 * @editable: whether the corpus shown is one a person owns and may correct
 *
 * Offers to remove the shown sector's terms where @editable.
 */
void
xinzhi_sectors_page_set_editable (XinzhiSectorsPage *self,
                                  gboolean           editable)
{
  g_return_if_fail (XINZHI_IS_SECTORS_PAGE (self));

  xinzhi_sector_view_set_editable (self->sector_view, editable);
}

/**
 * xinzhi_sectors_page_set_sort_by:
 * @sort_by: `name`, `mentions` or `first-mention`
 *
 * Sorts the sectors within their groups: by name, by mentions (most first) or by the
 * date of their first mention (earliest first).  The heat map's rows follow.
 */
void
xinzhi_sectors_page_set_sort_by (XinzhiSectorsPage *self,
                                 const char        *sort_by)
{
  g_return_if_fail (XINZHI_IS_SECTORS_PAGE (self));
  g_return_if_fail (is_sort_order (sort_by));

  if (g_str_equal (sort_by, self->sort_by))
    return;

  g_free (self->sort_by);
  self->sort_by = g_strdup (sort_by);
  apply_sort_order (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
}

/**
 * xinzhi_sectors_page_set_show_heatmap:
 * @show_heatmap: whether to show the heat map
 *
 * Shows the heat map of all sectors by article in place of the selected sector, with
 * its cursor on the selected sector; when collapsed, on a page of its own.
 */
void
xinzhi_sectors_page_set_show_heatmap (XinzhiSectorsPage *self,
                                      gboolean           show_heatmap)
{
  g_return_if_fail (XINZHI_IS_SECTORS_PAGE (self));

  show_heatmap = !!show_heatmap;
  if (show_heatmap == self->show_heatmap)
    return;

  self->show_heatmap = show_heatmap;
  update_content (self);

  if (show_heatmap)
    {
      xinzhi_sector_view_stop_scrolling (self->sector_view);
      xinzhi_sector_heatmap_set_cursor (self->heatmap, get_selected (self), NULL);
      show_content (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_HEATMAP]);
}

/**
 * xinzhi_sectors_page_select_sector:
 * @sector: a sector of the corpus
 *
 * Selects @sector in the list and shows it, in place of the heat map; when collapsed,
 * opens it on its own page.
 */
void
xinzhi_sectors_page_select_sector (XinzhiSectorsPage *self,
                                   XinzhiSector      *sector)
{
  GListModel *model;
  guint n_items;

  g_return_if_fail (XINZHI_IS_SECTORS_PAGE (self));
  g_return_if_fail (XINZHI_IS_SECTOR (sector));

  /* The list's positions are the sort model's, once the list has every sector. */
  xinzhi_paced_list_finish (self->paced);
  model = G_LIST_MODEL (self->sort_model);
  n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(XinzhiSector) item = g_list_model_get_item (model, i);

      if (item == sector)
        {
          gtk_list_view_scroll_to (self->list_view, i, GTK_LIST_SCROLL_SELECT, NULL);
          xinzhi_sectors_page_set_show_heatmap (self, FALSE);
          show_content (self);
          return;
        }
    }

  g_critical ("%s: the sector “%s” is not in the corpus shown",
              G_STRFUNC, xinzhi_sector_get_id (sector));
}

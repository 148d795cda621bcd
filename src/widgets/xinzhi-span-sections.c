/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-list-header.h"
#include "xinzhi-paced-list.h"
#include "xinzhi-span-partition.h"
#include "xinzhi-span-sections.h"

/* A list that a XinzhiFilter narrows, told apart by the filter's time span: what is in
 * the span for certain first, as the list orders it, then what its dates cannot place
 * in or out of the span, apart, under a header that says so.  An item known only to
 * "2024" must neither fall silently into "March 2024" nor out of it.
 *
 * The groups are the sections of a XinzhiSpanPartition put between the list's
 * selection and the model under it ("in" before "possibly in", each in the list's
 * order), which the selection passes through to the list view; its header factory
 * draws them.  Between the selection and the partition, a XinzhiPacedList lets a
 * large arrival of items into the list over several frames; a page calls
 * xinzhi_span_sections_finish() before it looks up a position in the list.  "In This Span" shows over
 * the certain items only when possibly-in items follow, so that the list reads as two
 * named groups; with no item possibly in the span no header shows, and without a span
 * the list has no header factory at all and its one order.
 *
 * A page keeps the list's items with xinzhi_span_sections_get_filter(), calls
 * xinzhi_span_sections_sort() when its XinzhiFilter changes and
 * xinzhi_span_sections_update() when the list has changed, scrolls the list with
 * xinzhi_span_sections_scroll_to(), and hands its rows to
 * xinzhi_span_sections_bind_row() and _unbind_row(), which describe a row possibly in
 * the span as such to a screen reader. */
struct _XinzhiSpanSections
{
  GObject             parent_instance;

  /* Borrowed, weakly: the page owns it */
  GtkListView        *list_view;
  GdkFrameClock      *clock;           /* the list's, while @layout_handler is connected */

  /* Owned */
  XinzhiFilter       *filter;
  GtkFilter          *keep;            /* in the span, or possibly in it */
  XinzhiSpanPartition *partition;      /* in before possibly in */
  XinzhiPacedList    *paced;           /* the partition, let into the list a batch a frame */
  GtkListItemFactory *header_factory;
  GHashTable         *rows;            /* the bound GtkListItems */
  GHashTable         *headers;         /* the bound GtkListHeaders */
  guint32             sorted_first;    /* the span the list is sorted by, 0 for none */
  guint32             sorted_last;
  gulong              layout_handler;
};

G_DEFINE_FINAL_TYPE (XinzhiSpanSections, xinzhi_span_sections, G_TYPE_OBJECT)

static gboolean
has_span (XinzhiSpanSections *self)
{
  return self->filter != NULL && xinzhi_filter_get_span (self->filter, NULL, NULL);
}

static XinzhiSpanMatch
match_span (XinzhiSpanSections *self,
            gpointer            item)
{
  if (self->filter == NULL || item == NULL)
    return XINZHI_SPAN_IN;

  return xinzhi_filter_match_span (self->filter, item);
}

static gboolean
keep_func (gpointer item,
           gpointer user_data)
{
  XinzhiSpanSections *self = user_data;

  if (self->filter == NULL)
    return TRUE;

  return xinzhi_filter_matches (self->filter, item) ||
         xinzhi_filter_matches_possibly (self->filter, item);
}

/* In the span before possibly in it (and out of it, which the filter hides). */
static gboolean
possibly_func (gpointer item,
               gpointer user_data)
{
  return match_span (user_data, item) == XINZHI_SPAN_POSSIBLY;
}

static void
update_row (XinzhiSpanSections *self,
            GtkListItem        *list_item)
{
  gboolean possibly = match_span (self, gtk_list_item_get_item (list_item)) == XINZHI_SPAN_POSSIBLY;

  /* The header above may not be read: the row says it too. */
  gtk_list_item_set_accessible_description (
    list_item,
    /* Translators: what a screen reader says of an item in a list filtered by a time
     * span, when its date is too vague (only a year, say, or an estimate) to tell */
    possibly ? _("Possibly in this span: its date cannot tell whether it falls in it") : NULL);
}

/* "Possibly in This Span" over the items the dates cannot place, and "In This Span"
 * over the others only when there are such items to tell them from. */
static void
update_header (XinzhiSpanSections *self,
               GtkListHeader      *header,
               gboolean            possibly_shown)
{
  GtkWidget *box = gtk_list_header_get_child (header);
  GtkLabel *title = xinzhi_list_header_get_title (box);
  GtkLabel *subtitle = xinzhi_list_header_get_subtitle (box);
  gboolean possibly = match_span (self, gtk_list_header_get_item (header)) == XINZHI_SPAN_POSSIBLY;

  gtk_label_set_text (title,
                      possibly
                      /* Translators: a heading in the lists of articles and quotes filtered
                       * by a time span, over the items whose dates are too vague to tell
                       * whether they fall in it */
                      ? _("Possibly in This Span")
                      /* Translators: a heading in the lists of articles and quotes filtered
                       * by a time span, over the items whose dates lie in it for certain;
                       * shown only when other items follow under “Possibly in This Span” */
                      : _("In This Span"));
  /* Translators: under the heading “Possibly in This Span” */
  gtk_label_set_text (subtitle, _("Their dates cannot tell whether they fall in it"));

  gtk_widget_set_visible (GTK_WIDGET (subtitle), possibly);
  gtk_widget_set_visible (box, possibly || possibly_shown);
}

static gboolean
at_top (XinzhiSpanSections *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));

  return vadjustment == NULL || gtk_adjustment_get_value (vadjustment) <= gtk_adjustment_get_lower (vadjustment);
}

static void
layout_cb (XinzhiSpanSections *self,
           GdkFrameClock      *clock)
{
  GtkAdjustment *vadjustment;

  g_clear_signal_handler (&self->layout_handler, self->clock);
  g_clear_weak_pointer (&self->clock);
  if (self->list_view == NULL)
    return;

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  if (vadjustment != NULL)
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

/* The list view keeps its first item at the top when a header comes over it, and
 * scrolls only as far as the item to show it: the header would stay hidden above.
 * Once the list is laid out, this scrolls to the very top. */
static void
keep_header_at_top (XinzhiSpanSections *self)
{
  GdkFrameClock *clock;

  if (self->list_view == NULL || self->layout_handler != 0)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->list_view));
  if (clock == NULL)   /* not realized: it will be laid out from the top */
    return;

  g_set_weak_pointer (&self->clock, clock);
  /* After the window's own layout handler, which allocates the list. */
  self->layout_handler = g_signal_connect_object (clock, "layout", G_CALLBACK (layout_cb), self,
                                                  G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
header_setup_cb (XinzhiSpanSections       *self,
                 GtkListHeader            *header,
                 GtkSignalListItemFactory *factory)
{
  gtk_list_header_set_child (header, xinzhi_list_header_new ("span-section-header", TRUE));
}

static void
header_bind_cb (XinzhiSpanSections       *self,
                GtkListHeader            *header,
                GtkSignalListItemFactory *factory)
{
  g_hash_table_add (self->headers, header);
  update_header (self, header, xinzhi_span_sections_get_n_possibly (self) > 0);
}

static void
header_unbind_cb (XinzhiSpanSections       *self,
                  GtkListHeader            *header,
                  GtkSignalListItemFactory *factory)
{
  g_hash_table_remove (self->headers, header);
}

static void
xinzhi_span_sections_dispose (GObject *object)
{
  XinzhiSpanSections *self = XINZHI_SPAN_SECTIONS (object);

  if (self->clock != NULL)
    g_clear_signal_handler (&self->layout_handler, self->clock);
  g_clear_weak_pointer (&self->clock);
  g_clear_weak_pointer (&self->list_view);
  g_clear_object (&self->filter);
  g_clear_object (&self->keep);
  if (self->partition != NULL)
    xinzhi_span_partition_forget_func (self->partition);
  g_clear_object (&self->partition);
  g_clear_object (&self->paced);
  g_clear_object (&self->header_factory);

  G_OBJECT_CLASS (xinzhi_span_sections_parent_class)->dispose (object);
}

static void
xinzhi_span_sections_finalize (GObject *object)
{
  XinzhiSpanSections *self = XINZHI_SPAN_SECTIONS (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->headers, g_hash_table_unref);

  G_OBJECT_CLASS (xinzhi_span_sections_parent_class)->finalize (object);
}

static void
xinzhi_span_sections_class_init (XinzhiSpanSectionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_span_sections_dispose;
  object_class->finalize = xinzhi_span_sections_finalize;
}

static void
xinzhi_span_sections_init (XinzhiSpanSections *self)
{
  self->rows = g_hash_table_new (NULL, NULL);
  self->headers = g_hash_table_new (NULL, NULL);
  self->keep = GTK_FILTER (gtk_custom_filter_new (keep_func, self, NULL));

  self->header_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (self->header_factory, "setup", G_CALLBACK (header_setup_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->header_factory, "bind", G_CALLBACK (header_bind_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->header_factory, "unbind", G_CALLBACK (header_unbind_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * xinzhi_span_sections_new:
 * @list_view: the list, whose model is a selection (with a "model" property, as
 *   GtkSingleSelection's) over the items in their order
 *
 * Puts a XinzhiSpanPartition, paced (XinzhiPacedList), between the selection and its
 * model: from then on the selection's positions are the list's, and its model's are
 * not.
 *
 * Returns: (transfer full): the groups of @list_view by the span
 */
XinzhiSpanSections *
xinzhi_span_sections_new (GtkListView *list_view)
{
  XinzhiSpanSections *self;
  GtkSelectionModel *selection;
  g_autoptr(GListModel) items = NULL;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (list_view), NULL);
  selection = gtk_list_view_get_model (list_view);
  g_return_val_if_fail (selection != NULL, NULL);

  self = g_object_new (XINZHI_TYPE_SPAN_SECTIONS, NULL);
  g_set_weak_pointer (&self->list_view, list_view);
  gtk_widget_add_css_class (GTK_WIDGET (list_view), "span-sections");

  g_object_get (selection, "model", &items, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), self);
  self->partition = xinzhi_span_partition_new (items);
  self->paced = xinzhi_paced_list_new (G_LIST_MODEL (self->partition), GTK_WIDGET (list_view),
                                       XINZHI_PACED_LIST_VIEW_ROWS, XINZHI_PACED_LIST_STEP);
  g_object_set (selection, "model", self->paced, NULL);

  return self;
}

/**
 * xinzhi_span_sections_get_filter:
 *
 * Returns: (transfer none): a filter that keeps what the XinzhiFilter keeps, in its span
 *   or possibly in it
 */
GtkFilter *
xinzhi_span_sections_get_filter (XinzhiSpanSections *self)
{
  g_return_val_if_fail (XINZHI_IS_SPAN_SECTIONS (self), NULL);
  return self->keep;
}

/**
 * xinzhi_span_sections_get_n_possibly:
 *
 * Returns: how many items the list shows as possibly in the span: those of its last
 *   section, when that is the "possibly" one
 */
guint
xinzhi_span_sections_get_n_possibly (XinzhiSpanSections *self)
{
  g_return_val_if_fail (XINZHI_IS_SPAN_SECTIONS (self), 0);

  if (!has_span (self))
    return 0;

  return xinzhi_span_partition_get_n_second (self->partition);
}

/**
 * xinzhi_span_sections_finish:
 *
 * Gives the list every item at once, if some are still held back to be let in over
 * the next frames: call it before looking up a position in the list.
 */
void
xinzhi_span_sections_finish (XinzhiSpanSections *self)
{
  g_return_if_fail (XINZHI_IS_SPAN_SECTIONS (self));

  xinzhi_paced_list_finish (self->paced);
}

/**
 * xinzhi_span_sections_set_filter:
 * @filter: (nullable): the filter the list follows
 *
 * Groups the list by @filter's span; call xinzhi_span_sections_sort() next.
 */
void
xinzhi_span_sections_set_filter (XinzhiSpanSections *self,
                                 XinzhiFilter       *filter)
{
  g_return_if_fail (XINZHI_IS_SPAN_SECTIONS (self));
  g_return_if_fail (filter == NULL || XINZHI_IS_FILTER (filter));

  g_set_object (&self->filter, filter);
}

/**
 * xinzhi_span_sections_sort:
 *
 * Sorts the list again when the filter's span has changed, and gives it headers only
 * while there is a span.  Call it when the filter changes, before filtering again.
 */
void
xinzhi_span_sections_sort (XinzhiSpanSections *self)
{
  guint32 first = 0, last = 0;

  g_return_if_fail (XINZHI_IS_SPAN_SECTIONS (self));

  if (self->filter != NULL)
    xinzhi_filter_get_span (self->filter, &first, &last);
  if (first == self->sorted_first && last == self->sorted_last)
    return;

  self->sorted_first = first;
  self->sorted_last = last;
  /* Without a span the list has one section, and no header at all. */
  if (self->list_view != NULL)
    {
      if (at_top (self))
        keep_header_at_top (self);
      gtk_list_view_set_header_factory (self->list_view, first != 0 ? self->header_factory : NULL);
    }
  xinzhi_span_partition_set_func (self->partition, first != 0 ? possibly_func : NULL, self);
}

/**
 * xinzhi_span_sections_update:
 *
 * Brings the headers and the rows' descriptions up to date, after the list changed.
 */
void
xinzhi_span_sections_update (XinzhiSpanSections *self)
{
  GHashTableIter iter;
  gpointer key;
  gboolean possibly_shown;

  g_return_if_fail (XINZHI_IS_SPAN_SECTIONS (self));

  possibly_shown = xinzhi_span_sections_get_n_possibly (self) > 0;

  g_hash_table_iter_init (&iter, self->headers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    update_header (self, key, possibly_shown);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    update_row (self, key);
}

/**
 * xinzhi_span_sections_scroll_to:
 * @position: a position in the list
 * @flags: what to do there, as gtk_list_view_scroll_to()
 *
 * Scrolls the list to @position as gtk_list_view_scroll_to() does, and to the very top
 * for the first item, so that the header over it shows too: the list view would stop
 * at the item, under its header.
 */
void
xinzhi_span_sections_scroll_to (XinzhiSpanSections *self,
                                guint               position,
                                GtkListScrollFlags  flags)
{
  g_return_if_fail (XINZHI_IS_SPAN_SECTIONS (self));

  if (self->list_view == NULL)
    return;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->paced)))
    xinzhi_paced_list_finish (self->paced);
  gtk_list_view_scroll_to (self->list_view, position, flags, NULL);
  if (position == 0 && has_span (self))
    keep_header_at_top (self);
}

/**
 * xinzhi_span_sections_bind_row:
 * @list_item: a row of the list, just bound to its item
 *
 * Describes @list_item to a screen reader as possibly in the span when it is, now and
 * until xinzhi_span_sections_unbind_row().
 */
void
xinzhi_span_sections_bind_row (XinzhiSpanSections *self,
                               GtkListItem        *list_item)
{
  g_return_if_fail (XINZHI_IS_SPAN_SECTIONS (self));
  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));

  g_hash_table_add (self->rows, list_item);
  update_row (self, list_item);
}

void
xinzhi_span_sections_unbind_row (XinzhiSpanSections *self,
                                 GtkListItem        *list_item)
{
  g_return_if_fail (XINZHI_IS_SPAN_SECTIONS (self));
  g_return_if_fail (GTK_IS_LIST_ITEM (list_item));

  g_hash_table_remove (self->rows, list_item);
  gtk_list_item_set_accessible_description (list_item, NULL);
}

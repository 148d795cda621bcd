/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xinzhi-span-partition.h"

/* A list model in two sections: the items of another model for which a function says
 * no, in that model's order, then those for which it says yes, in the same order.
 * XinzhiSpanSections gives its lists what is in a time span before what is possibly
 * in it this way.
 *
 * It does what a section sorter on the list's GtkSortListModel did, without sorting:
 * a new span there meant sorting every item again (10,000 articles: O(n log n)
 * comparisons, none with sort keys), where this looks at each item once.  Only the run
 * of positions whose items changed is reported, so that the list keeps the rows of the
 * rest; a change of the model comes in as the same change in each section. */
struct _XinzhiSpanPartition
{
  GObject                  parent_instance;

  GListModel              *model;
  XinzhiSpanPartitionFunc  func;       /* NULL: one section, the model's order */
  gpointer                 user_data;
  GPtrArray               *source;     /* of GObject: the model's items, as it has them */
  GByteArray              *second;     /* by position in @source: in the second section */
  GPtrArray               *items;      /* of GObject: the list, in its order */
  guint                    n_first;    /* items in the first section */
};

static GType
list_model_get_item_type (GListModel *list)
{
  XinzhiSpanPartition *self = XINZHI_SPAN_PARTITION (list);

  return g_list_model_get_item_type (self->model);
}

static guint
list_model_get_n_items (GListModel *list)
{
  return XINZHI_SPAN_PARTITION (list)->items->len;
}

static gpointer
list_model_get_item (GListModel *list,
                     guint       position)
{
  XinzhiSpanPartition *self = XINZHI_SPAN_PARTITION (list);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
section_model_get_section (GtkSectionModel *model,
                           guint            position,
                           guint           *out_start,
                           guint           *out_end)
{
  XinzhiSpanPartition *self = XINZHI_SPAN_PARTITION (model);
  guint n_items = self->items->len;

  if (position >= n_items)
    {
      *out_start = n_items;
      *out_end = G_MAXUINT;
    }
  else if (self->n_first == 0 || self->n_first == n_items)
    {
      *out_start = 0;
      *out_end = n_items;
    }
  else if (position < self->n_first)
    {
      *out_start = 0;
      *out_end = self->n_first;
    }
  else
    {
      *out_start = self->n_first;
      *out_end = n_items;
    }
}

static void
section_model_iface_init (GtkSectionModelInterface *iface)
{
  iface->get_section = section_model_get_section;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (XinzhiSpanPartition, xinzhi_span_partition, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SECTION_MODEL, section_model_iface_init))

static gboolean
goes_second (XinzhiSpanPartition *self,
             gpointer             item)
{
  return self->func != NULL && self->func (item, self->user_data);
}

/* How many of the model's first @end items go into the first section. */
static guint
count_first (XinzhiSpanPartition *self,
             guint                end)
{
  guint n = 0;

  for (guint i = 0; i < end; i++)
    n += !self->second->data[i];
  return n;
}

/* Puts every item in its section again, by what the function says of it now, and
 * reports the run of positions whose item changed: the items before it and after it
 * are the same as before. */
static void
partition (XinzhiSpanPartition *self)
{
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->items);
  g_autoptr(GPtrArray) second = g_ptr_array_new ();
  guint old_first = self->n_first;
  guint prefix = 0, suffix = 0;

  self->items = g_ptr_array_new_full (self->source->len, g_object_unref);
  for (guint i = 0; i < self->source->len; i++)
    {
      gpointer item = g_ptr_array_index (self->source, i);

      self->second->data[i] = goes_second (self, item);
      g_ptr_array_add (self->second->data[i] ? second : self->items, g_object_ref (item));
    }
  self->n_first = self->items->len;
  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&second));

  while (prefix < old->len && prefix < self->items->len &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (self->items, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < self->items->len - prefix &&
         g_ptr_array_index (old, old->len - 1 - suffix) ==
         g_ptr_array_index (self->items, self->items->len - 1 - suffix))
    suffix++;

  if (prefix + suffix < old->len || prefix + suffix < self->items->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                                self->items->len - prefix - suffix);
  if (self->n_first != old_first && self->items->len > 0)
    gtk_section_model_sections_changed (GTK_SECTION_MODEL (self), 0, self->items->len);
}

/* Replaces @removed items of the list at @position with @added ones, and says so. */
static void
splice (XinzhiSpanPartition *self,
        guint                position,
        guint                removed,
        GPtrArray           *added)
{
  if (removed == 0 && added->len == 0)
    return;

  g_ptr_array_remove_range (self->items, position, removed);
  for (guint i = 0; i < added->len; i++)
    g_ptr_array_insert (self->items, position + i, g_object_ref (g_ptr_array_index (added, i)));
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added->len);
}

/* The model changed: the items it removed leave each section as one run, and the
 * items it added come into each as one run, so two changes say it, each of the size of
 * the model's (a filter model reports a refilter as many such changes). */
static void
items_changed_cb (XinzhiSpanPartition *self,
                  guint                position,
                  guint                removed,
                  guint                added,
                  GListModel          *model)
{
  g_autoptr(GPtrArray) added_first = g_ptr_array_new ();
  g_autoptr(GPtrArray) added_second = g_ptr_array_new ();
  guint first_at = count_first (self, position);
  guint second_at = position - first_at;
  guint removed_first = count_first (self, position + removed) - first_at;
  guint removed_second = removed - removed_first;
  guint old_first = self->n_first;

  g_ptr_array_remove_range (self->source, position, removed);
  g_byte_array_remove_range (self->second, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);
      guint8 second = goes_second (self, item);

      g_ptr_array_insert (self->source, position + i, item);
      g_byte_array_append (self->second, &second, 1);
      g_ptr_array_add (second ? added_second : added_first, item);
    }
  /* The flags were appended: move them to their place. */
  if (added > 0 && position + added < self->second->len)
    {
      guint8 *flags = self->second->data;
      guint n_after = self->second->len - position - added;
      g_autofree guint8 *new_flags = g_memdup2 (flags + self->second->len - added, added);

      memmove (flags + position + added, flags + position, n_after);
      memcpy (flags + position, new_flags, added);
    }

  /* The second section first: its positions do not depend on the first's change yet. */
  splice (self, old_first + second_at, removed_second, added_second);
  self->n_first = old_first - removed_first + added_first->len;
  splice (self, first_at, removed_first, added_first);

  if (self->n_first != old_first && self->items->len > 0)
    gtk_section_model_sections_changed (GTK_SECTION_MODEL (self), 0, self->items->len);
}

static void
xinzhi_span_partition_dispose (GObject *object)
{
  XinzhiSpanPartition *self = XINZHI_SPAN_PARTITION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (xinzhi_span_partition_parent_class)->dispose (object);
}

static void
xinzhi_span_partition_finalize (GObject *object)
{
  XinzhiSpanPartition *self = XINZHI_SPAN_PARTITION (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->source, g_ptr_array_unref);
  g_clear_pointer (&self->second, g_byte_array_unref);

  G_OBJECT_CLASS (xinzhi_span_partition_parent_class)->finalize (object);
}

static void
xinzhi_span_partition_class_init (XinzhiSpanPartitionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_span_partition_dispose;
  object_class->finalize = xinzhi_span_partition_finalize;
}

static void
xinzhi_span_partition_init (XinzhiSpanPartition *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->source = g_ptr_array_new_with_free_func (g_object_unref);
  self->second = g_byte_array_new ();
}

/**
 * xinzhi_span_partition_new:
 * @model: the items, in their order
 *
 * Returns: (transfer full): @model's items in one section, until a function is set
 */
XinzhiSpanPartition *
xinzhi_span_partition_new (GListModel *model)
{
  XinzhiSpanPartition *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (XINZHI_TYPE_SPAN_PARTITION, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (self->source, g_list_model_get_item (model, i));
  g_byte_array_set_size (self->second, self->source->len);
  partition (self);

  return self;
}

/**
 * xinzhi_span_partition_set_func:
 * @func: (nullable): says which items go into the second section; %NULL for none
 * @user_data: for @func, which must stay valid until it is replaced
 *
 * Sets the function, and puts the items in their sections by it.
 */
void
xinzhi_span_partition_set_func (XinzhiSpanPartition     *self,
                                XinzhiSpanPartitionFunc  func,
                                gpointer                 user_data)
{
  g_return_if_fail (XINZHI_IS_SPAN_PARTITION (self));

  self->func = func;
  self->user_data = user_data;
  partition (self);
}

/**
 * xinzhi_span_partition_forget_func:
 *
 * Drops the function without grouping the items again: for an owner that goes away
 * before the partition (which a list view may keep a while longer), so that nothing
 * calls into it, and its teardown costs no regrouping.  The sections stay as they are;
 * items added later go first.
 */
void
xinzhi_span_partition_forget_func (XinzhiSpanPartition *self)
{
  g_return_if_fail (XINZHI_IS_SPAN_PARTITION (self));

  self->func = NULL;
  self->user_data = NULL;
}

/**
 * xinzhi_span_partition_update:
 *
 * Puts the items in their sections again, where what the function says of them has
 * changed.
 */
void
xinzhi_span_partition_update (XinzhiSpanPartition *self)
{
  g_return_if_fail (XINZHI_IS_SPAN_PARTITION (self));

  partition (self);
}

/**
 * xinzhi_span_partition_get_n_second:
 *
 * Returns: how many items the second section holds
 */
guint
xinzhi_span_partition_get_n_second (XinzhiSpanPartition *self)
{
  g_return_val_if_fail (XINZHI_IS_SPAN_PARTITION (self), 0);

  return self->items->len - self->n_first;
}

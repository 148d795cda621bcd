/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-item-array.h"

/* A list model that never changes, over an array of objects: the lists the loader
 * derives in an order of their own (the documents by date, the quotes newest first).
 * A GListStore keeps each item in a node of a balanced tree (a GSequence); this keeps
 * a pointer, and its items are read by index.  With the two lists of a 10,000-article
 * corpus (30,000 items) and without them, the peak of a load measured the same,
 * 138.2–138.4 MiB (`bench-load --only load-rss --sizes 10000`, three runs each). */
struct _XinzhiItemArray
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;     /* of GObject, owned */
};

static GType
list_model_get_item_type (GListModel *list)
{
  return XINZHI_ITEM_ARRAY (list)->item_type;
}

static guint
list_model_get_n_items (GListModel *list)
{
  return XINZHI_ITEM_ARRAY (list)->items->len;
}

static gpointer
list_model_get_item (GListModel *list,
                     guint       position)
{
  XinzhiItemArray *self = XINZHI_ITEM_ARRAY (list);

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

G_DEFINE_FINAL_TYPE_WITH_CODE (XinzhiItemArray, xinzhi_item_array, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
xinzhi_item_array_finalize (GObject *object)
{
  XinzhiItemArray *self = XINZHI_ITEM_ARRAY (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (xinzhi_item_array_parent_class)->finalize (object);
}

static void
xinzhi_item_array_class_init (XinzhiItemArrayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xinzhi_item_array_finalize;
}

static void
xinzhi_item_array_init (XinzhiItemArray *self)
{
}

/**
 * xinzhi_item_array_new:
 * @item_type: the type of the items
 * @items: (transfer full): the items, each of @item_type, owned by the array (its free
 *   function unrefs them)
 *
 * Returns: (transfer full): a list of @items, in their order, that never changes
 */
XinzhiItemArray *
xinzhi_item_array_new (GType      item_type,
                       GPtrArray *items)
{
  XinzhiItemArray *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  self = g_object_new (XINZHI_TYPE_ITEM_ARRAY, NULL);
  self->item_type = item_type;
  self->items = items;
  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

/* A list model's items as its "items-changed" signals tell them, which is what a list
 * view builds on: a model's test checks that the mirror is the model's items after
 * every change.  Header-only, for the tests of list models. */

static inline void
xinzhi_test_mirror_items_changed_cb (GListModel *list,
                                     guint       position,
                                     guint       removed,
                                     guint       added,
                                     GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (list, position + i));
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (list));
}

/* The items of @list now, and as it reports its changes until
 * xinzhi_test_mirror_free(). */
static inline GPtrArray *
xinzhi_test_mirror_new (GListModel *list)
{
  GPtrArray *mirror = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (mirror, g_list_model_get_item (list, i));
  g_signal_connect (list, "items-changed", G_CALLBACK (xinzhi_test_mirror_items_changed_cb), mirror);
  return mirror;
}

static inline void
xinzhi_test_mirror_free (GListModel *list,
                         GPtrArray  *mirror)
{
  g_signal_handlers_disconnect_by_data (list, mirror);
  g_ptr_array_unref (mirror);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "xinzhi-span-partition.h"
#include "xinzhi-test-mirror.h"

/* XinzhiSpanPartition, headless: its items are the model's, those the function says no
 * to first, each part in the model's order; its sections are the two parts; and what
 * it reports with "items-changed" turns the list it was into the list it is, as a list
 * view relies on.  Random changes of the model and of the function, fixed seed. */

#define N_STEPS 400

/* Whether an item goes second: its "second" data, which the test flips. */
static gboolean
second_func (gpointer item,
             gpointer user_data)
{
  return g_object_get_data (item, "second") != NULL;
}

/* The partition against the model, worked out here. */
static void
check (XinzhiSpanPartition *partition,
       GListModel          *model,
       gboolean             split,
       GPtrArray           *mirror)
{
  GListModel *list = G_LIST_MODEL (partition);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  guint n_model = g_list_model_get_n_items (model);
  guint n_first = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_model; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);
        gboolean second = split && second_func (item, NULL);

        if (second == (pass == 1))
          g_ptr_array_add (expected, item);
        if (pass == 0 && !second)
          n_first++;
      }

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected->len);
  g_assert_cmpuint (mirror->len, ==, expected->len);
  g_assert_cmpuint (xinzhi_span_partition_get_n_second (partition), ==, expected->len - n_first);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      guint start, end;

      g_assert_true (item == g_ptr_array_index (expected, i));
      g_assert_true (g_ptr_array_index (mirror, i) == item);

      gtk_section_model_get_section (GTK_SECTION_MODEL (partition), i, &start, &end);
      if (n_first == 0 || n_first == expected->len)
        {
          g_assert_cmpuint (start, ==, 0);
          g_assert_cmpuint (end, ==, expected->len);
        }
      else if (i < n_first)
        {
          g_assert_cmpuint (start, ==, 0);
          g_assert_cmpuint (end, ==, n_first);
        }
      else
        {
          g_assert_cmpuint (start, ==, n_first);
          g_assert_cmpuint (end, ==, expected->len);
        }
    }
  g_assert_null (g_list_model_get_item (list, expected->len));
}

static GObject *
new_item (GRand *rand)
{
  GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

  if (g_rand_int_range (rand, 0, 3) == 0)
    g_object_set_data (item, "second", GINT_TO_POINTER (1));
  return item;
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(XinzhiSpanPartition) partition = NULL;
  GPtrArray *mirror;
  gboolean split = FALSE;
  guint n_boundary_moves = 0;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GObject) item = new_item (rand);

      g_list_store_append (store, item);
    }

  partition = xinzhi_span_partition_new (G_LIST_MODEL (store));
  mirror = xinzhi_test_mirror_new (G_LIST_MODEL (partition));
  check (partition, G_LIST_MODEL (store), split, mirror);

  for (guint step = 0; step < N_STEPS; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint action = g_rand_int_range (rand, 0, 7);
      guint n_second_before = xinzhi_span_partition_get_n_second (partition);

      if (action == 0)
        {
          /* The function comes or goes, as a span does. */
          split = !split;
          xinzhi_span_partition_set_func (partition, split ? second_func : NULL, NULL);
        }
      else if (action == 1 && n > 0)
        {
          /* Items change sides, as when the span moves: the partition is told. */
          for (guint k = 0; k < 5; k++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store),
                                                               g_rand_int_range (rand, 0, n));

              g_object_set_data (item, "second",
                                 g_object_get_data (item, "second") ? NULL : GINT_TO_POINTER (1));
            }
          xinzhi_span_partition_update (partition);
        }
      else if (action == 2 && n > 0)
        g_list_store_remove (store, g_rand_int_range (rand, 0, n));
      else if (action == 3)
        {
          /* Several at once, as a filter model reports a refilter. */
          guint position = g_rand_int_range (rand, 0, n + 1);
          guint removed = g_rand_int_range (rand, 0, MIN (n - position, 8) + 1);
          guint n_added = g_rand_int_range (rand, 0, 8);
          g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint k = 0; k < n_added; k++)
            g_ptr_array_add (added, new_item (rand));
          g_list_store_splice (store, position, removed, added->pdata, added->len);
        }
      else
        {
          g_autoptr(GObject) item = new_item (rand);

          g_list_store_insert (store, g_rand_int_range (rand, 0, n + 1), item);
        }

      check (partition, G_LIST_MODEL (store), split, mirror);
      if (xinzhi_span_partition_get_n_second (partition) != n_second_before)
        n_boundary_moves++;
    }

  /* The steps did move the boundary between the parts, many times. */
  g_test_message ("%u steps, the boundary moved %u times", N_STEPS, n_boundary_moves);
  g_assert_cmpuint (n_boundary_moves, >, 50);
  xinzhi_test_mirror_free (G_LIST_MODEL (partition), mirror);
}

/* What one "items-changed" said. */
typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_cb (GListModel *list,
           guint       position,
           guint       removed,
           guint       added,
           Change     *change)
{
  *change = (Change) { change->n_signals + 1, position, removed, added };
}

/* A move of one item across the boundary is reported as the run of positions that
 * changed, not as the whole list, so that a list view keeps the other rows. */
static void
test_small_change (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(XinzhiSpanPartition) partition = NULL;
  g_autoptr(GObject) moved = NULL;
  g_autoptr(GObject) at = NULL;
  Change change = { 0 };

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      if (i >= 90)
        g_object_set_data (item, "second", GINT_TO_POINTER (1));
      g_list_store_append (store, item);
    }
  partition = xinzhi_span_partition_new (G_LIST_MODEL (store));
  xinzhi_span_partition_set_func (partition, second_func, NULL);
  g_assert_cmpuint (xinzhi_span_partition_get_n_second (partition), ==, 10);
  g_signal_connect (partition, "items-changed", G_CALLBACK (record_cb), &change);

  /* Item 80 goes second: it leaves position 80, 81–89 move up, and it comes after
   * them, at 89; 0–79 and 90–99 stay. */
  moved = g_list_model_get_item (G_LIST_MODEL (store), 80);
  g_object_set_data (moved, "second", GINT_TO_POINTER (1));
  xinzhi_span_partition_update (partition);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 80);
  g_assert_cmpuint (change.removed, ==, 10);
  g_assert_cmpuint (change.added, ==, 10);
  at = g_list_model_get_item (G_LIST_MODEL (partition), 89);
  g_assert_true (at == moved);
  g_assert_cmpuint (xinzhi_span_partition_get_n_second (partition), ==, 11);

  /* Nothing changed: nothing is said. */
  xinzhi_span_partition_update (partition);
  g_assert_cmpuint (change.n_signals, ==, 1);

  /* Forgetting the function regroups nothing: the owner's teardown costs nothing. */
  xinzhi_span_partition_forget_func (partition);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (xinzhi_span_partition_get_n_second (partition), ==, 11);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/span-partition/random", test_random);
  g_test_add_func ("/span-partition/small-change", test_small_change);

  return g_test_run ();
}

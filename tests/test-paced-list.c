/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "xinzhi-paced-list.h"
#include "xinzhi-test-mirror.h"
#include "xinzhi-test-ui.h"

/* XinzhiPacedList: what it reports with "items-changed" always turns the list it was
 * into the list it is, and that list is the start of its model's; a large arrival
 * reaches a list view over several frames, so that no frame makes much more than a
 * batch of rows, where without it one frame makes some 200; and the end holds the
 * whole model.  Random changes of the model, paced or not, with a fixed seed. */

#define N_STEPS 300
/* More rows made in one frame than this means the list was not paced: a batch is 16
 * items, and a list view makes a few more around its trackers. */
#define MOST_ROWS_A_FRAME 40

/* The list is what it said, and the start of the model. */
static void
check (XinzhiPacedList *paced,
       GListModel      *model,
       GPtrArray       *mirror)
{
  GListModel *list = G_LIST_MODEL (paced);
  guint n_items = g_list_model_get_n_items (list);

  g_assert_cmpuint (mirror->len, ==, n_items);
  g_assert_cmpuint (n_items, <=, g_list_model_get_n_items (model));
  g_assert_true ((n_items < g_list_model_get_n_items (model)) == xinzhi_paced_list_is_pacing (paced));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(GObject) shown = g_list_model_get_item (list, i);

      g_assert_true (item == shown);
      g_assert_true (g_ptr_array_index (mirror, i) == item);
    }
  g_assert_null (g_list_model_get_item (list, n_items));
}

static GtkStringObject **
new_items (guint n,
           guint *serial)
{
  GtkStringObject **items = g_new (GtkStringObject *, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("item %u", (*serial)++);

      items[i] = gtk_string_object_new (name);
    }
  return items;
}

static void
splice (GListStore *store,
        guint       position,
        guint       removed,
        guint       added,
        guint      *serial)
{
  GtkStringObject **items = new_items (added, serial);

  g_list_store_splice (store, position, removed, (gpointer *) items, added);
  for (guint i = 0; i < added; i++)
    g_object_unref (items[i]);
  g_free (items);
}

/* A random change: mostly small, sometimes a large arrival at the top. */
static void
change_at_random (GRand      *rand,
                  GListStore *store,
                  guint      *serial)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint position = g_rand_int_range (rand, 0, n_items + 1);
  guint removed = g_rand_int_range (rand, 0, MIN (n_items - position, 8) + 1);
  guint added = g_rand_int_range (rand, 0, 9);

  if (g_rand_int_range (rand, 0, 10) == 0)
    {
      position = g_rand_int_range (rand, 0, MIN (n_items, 100) + 1);
      removed = MIN (n_items - position, (guint) g_rand_int_range (rand, 0, 50));
      added = g_rand_int_range (rand, 100, 1000);
    }
  else if (n_items > 3000)
    added = 0;
  splice (store, position, removed, added, serial);
}

/* Without a widget the model passes through as it is, change for change. */
static void
test_paced_list_no_widget (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241208);
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(XinzhiPacedList) paced = NULL;
  GPtrArray *mirror;
  guint serial = 0;

  splice (store, 0, 0, 50, &serial);
  paced = xinzhi_paced_list_new (G_LIST_MODEL (store), NULL, XINZHI_PACED_LIST_VIEW_ROWS,
                                 XINZHI_PACED_LIST_STEP);
  mirror = xinzhi_test_mirror_new (G_LIST_MODEL (paced));

  for (guint step = 0; step < N_STEPS; step++)
    {
      change_at_random (rand, store, &serial);
      check (paced, G_LIST_MODEL (store), mirror);
      g_assert_false (xinzhi_paced_list_is_pacing (paced));
    }

  xinzhi_test_mirror_free (G_LIST_MODEL (paced), mirror);
}

typedef struct
{
  guint bound;        /* rows bound since the last frame */
  guint most;         /* the most rows bound in one frame */
} Rows;

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         Rows                     *rows)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (item));
  rows->bound++;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, gtk_label_new (NULL));
}

static void
after_paint_cb (GdkFrameClock *clock,
                Rows          *rows)
{
  rows->most = MAX (rows->most, rows->bound);
  rows->bound = 0;
}

typedef struct
{
  GtkWindow       *window;
  GtkListView     *list_view;
  GListStore      *store;
  Rows             rows;
  gulong           paint_handler;
} Fixture;

typedef enum
{
  UNPACED,
  PACED,
  PACED_REPLACING,
} Pacing;

static void
fixture_set_up (Fixture *fixture,
                Pacing   pacing)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  guint serial = 0;

  fixture->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  splice (fixture->store, 0, 0, 10, &serial);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), &fixture->rows);
  fixture->list_view = GTK_LIST_VIEW (gtk_list_view_new (
    GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (fixture->store)))),
    g_object_ref (factory)));
  if (pacing != UNPACED)
    xinzhi_paced_list_set_replacing (xinzhi_paced_list_insert (fixture->list_view),
                                     pacing == PACED_REPLACING);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 400, 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->list_view));
  gtk_window_set_child (fixture->window, scrolled);
  gtk_window_present (fixture->window);
  xinzhi_test_wait_until_mapped (GTK_WIDGET (fixture->list_view));
  xinzhi_test_run_for (100);

  fixture->paint_handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)),
                                             "after-paint", G_CALLBACK (after_paint_cb),
                                             &fixture->rows);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_clear_signal_handler (&fixture->paint_handler,
                          gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window)));
  xinzhi_test_destroy_window (fixture->window);
  g_clear_object (&fixture->store);
}

static GListModel *
selection_model (Fixture *fixture)
{
  g_autoptr(GListModel) model = NULL;

  g_object_get (gtk_list_view_get_model (fixture->list_view), "model", &model, NULL);
  return model;   /* the selection holds it */
}

/* Waits until @paced has let everything in, checking the list at each iteration, and
 * returns the iterations it took. */
static guint
run_until_let_in (XinzhiPacedList *paced,
                  GListModel      *model,
                  GPtrArray       *mirror)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_iterations = 0;

  while (xinzhi_paced_list_is_pacing (paced) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      check (paced, model, mirror);
      n_iterations++;
    }
  g_assert_false (xinzhi_paced_list_is_pacing (paced));
  return n_iterations;
}

/* Without pacing, one frame makes the rows of 200 items: what the paced list is for. */
static void
test_paced_list_unpaced_frame (void)
{
  Fixture fixture = { 0 };
  guint serial = 1000;

  fixture_set_up (&fixture, UNPACED);
  fixture.rows.most = 0;
  splice (fixture.store, 0, 10, 5000, &serial);
  xinzhi_test_run_for (500);
  g_assert_cmpuint (fixture.rows.most, >, 150);
  fixture_tear_down (&fixture);
}

/* Paced, the same arrival is spread over frames; the list ends with all of it. */
static void
test_paced_list_frames (void)
{
  Fixture fixture = { 0 };
  XinzhiPacedList *paced;
  GPtrArray *mirror;
  guint serial = 1000;
  guint n_frames;

  fixture_set_up (&fixture, PACED);
  paced = XINZHI_PACED_LIST (selection_model (&fixture));
  mirror = xinzhi_test_mirror_new (G_LIST_MODEL (paced));

  fixture.rows.most = 0;
  splice (fixture.store, 0, 10, 5000, &serial);
  g_assert_true (xinzhi_paced_list_is_pacing (paced));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), <, 50);
  check (paced, G_LIST_MODEL (fixture.store), mirror);

  n_frames = run_until_let_in (paced, G_LIST_MODEL (fixture.store), mirror);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, 5000);
  xinzhi_test_run_for (200);
  g_assert_cmpuint (fixture.rows.most, >, 0);
  g_assert_cmpuint (fixture.rows.most, <=, MOST_ROWS_A_FRAME);
  g_test_message ("5,000 items let in over %u iterations, at most %u rows made in a frame",
                  n_frames, fixture.rows.most);

  xinzhi_test_mirror_free (G_LIST_MODEL (paced), mirror);
  fixture_tear_down (&fixture);
}

/* Every item replaced at once (a filter changed): paced only in a list set to pace
 * replacements, and then spread over frames as an arrival is. */
static void
test_paced_list_replacements (void)
{
  for (Pacing pacing = PACED; pacing <= PACED_REPLACING; pacing++)
    {
      Fixture fixture = { 0 };
      XinzhiPacedList *paced;
      GPtrArray *mirror;
      guint serial = 1000;
      guint n_frames;

      fixture_set_up (&fixture, pacing);
      paced = XINZHI_PACED_LIST (selection_model (&fixture));
      mirror = xinzhi_test_mirror_new (G_LIST_MODEL (paced));
      splice (fixture.store, 0, 10, 3000, &serial);
      run_until_let_in (paced, G_LIST_MODEL (fixture.store), mirror);
      xinzhi_test_run_for (200);

      fixture.rows.most = 0;
      splice (fixture.store, 0, 3000, 2900, &serial);
      g_assert_true (xinzhi_paced_list_is_pacing (paced) == (pacing == PACED_REPLACING));
      check (paced, G_LIST_MODEL (fixture.store), mirror);
      n_frames = run_until_let_in (paced, G_LIST_MODEL (fixture.store), mirror);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, 2900);
      xinzhi_test_run_for (200);
      if (pacing == PACED_REPLACING)
        {
          g_assert_cmpuint (fixture.rows.most, >, 0);
          g_assert_cmpuint (fixture.rows.most, <=, MOST_ROWS_A_FRAME);
          g_test_message ("2,900 items replacing 3,000 let in over %u iterations, at most %u rows "
                          "made in a frame", n_frames, fixture.rows.most);
        }
      else
        g_assert_cmpuint (fixture.rows.most, >, 150);

      xinzhi_test_mirror_free (G_LIST_MODEL (paced), mirror);
      fixture_tear_down (&fixture);
    }
}

/* Changes while it paces, and a finish at any moment, keep the list true, whether it
 * paces replacements or not. */
static void
test_paced_list_changes (gconstpointer data)
{
  Pacing pacing = (Pacing) GPOINTER_TO_INT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241209);
  Fixture fixture = { 0 };
  XinzhiPacedList *paced;
  GPtrArray *mirror;
  guint serial = 1000;
  guint n_paced = 0;

  fixture_set_up (&fixture, pacing);
  paced = XINZHI_PACED_LIST (selection_model (&fixture));
  mirror = xinzhi_test_mirror_new (G_LIST_MODEL (paced));

  for (guint step = 0; step < N_STEPS; step++)
    {
      change_at_random (rand, fixture.store, &serial);
      check (paced, G_LIST_MODEL (fixture.store), mirror);
      n_paced += xinzhi_paced_list_is_pacing (paced);

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          xinzhi_paced_list_finish (paced);
          g_assert_false (xinzhi_paced_list_is_pacing (paced));
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==,
                            g_list_model_get_n_items (G_LIST_MODEL (fixture.store)));
          break;
        case 1:
          g_main_context_iteration (NULL, FALSE);
          break;
        default:
          break;
        }
      check (paced, G_LIST_MODEL (fixture.store), mirror);
    }
  /* The random changes did pace, often. */
  g_assert_cmpuint (n_paced, >, N_STEPS / 20);

  xinzhi_paced_list_finish (paced);
  check (paced, G_LIST_MODEL (fixture.store), mirror);
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (G_LIST_MODEL (fixture.store)));

  xinzhi_test_mirror_free (G_LIST_MODEL (paced), mirror);
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  xinzhi_test_ui_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paced-list/no-widget", test_paced_list_no_widget);
  g_test_add_func ("/paced-list/unpaced-frame", test_paced_list_unpaced_frame);
  g_test_add_func ("/paced-list/frames", test_paced_list_frames);
  g_test_add_func ("/paced-list/replacements", test_paced_list_replacements);
  g_test_add_data_func ("/paced-list/changes", GINT_TO_POINTER (PACED), test_paced_list_changes);
  g_test_add_data_func ("/paced-list/changes-replacing", GINT_TO_POINTER (PACED_REPLACING),
                        test_paced_list_changes);

  return g_test_run ();
}

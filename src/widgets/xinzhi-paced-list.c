/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-paced-list.h"

/* A list model that passes another through, except that a large arrival of items near
 * the top (or, for a list set to pace replacements, a large change of them) is let in a
 * few at a time, one batch a frame, so that a list view or a list box makes its rows
 * over several frames instead of all in one.
 *
 * A GtkListView makes and binds a row for up to 200 items around its anchor (plus a
 * few per tracker: GTK_LIST_VIEW_MAX_LIST_ITEMS in gtklistview.c), whatever part of
 * them is on screen, and measures each.  Given a corpus of 10,000 quotes at once, the
 * Quotes list made 225 rows in one frame, which stopped the window for a quarter of a
 * second (docs/benchmarks.md, "view-switch").  Through this model the list gets the
 * first batch of items at once, then a batch more at each frame of @widget's frame clock;
 * past XINZHI_PACED_LIST_VIEW_ROWS items a list view makes no more rows, and the rest
 * arrive together.  A GtkListBox makes a row for every item: it has no such ceiling.
 *
 * Only a list on screen (mapped) is paced, and one taken off the screen while it
 * paces gets the rest at once.  While it paces, the list holds fewer items than the
 * model.  Anything that looks up a
 * position in the list calls xinzhi_paced_list_finish() first, and a key press or a
 * scroll in @widget finishes it too, so that End, Page Down or the wheel never stop at
 * the items let in so far.  Changes of the model pass through at once, as the same
 * change over the items let in; a change only of items not yet let in is not reported,
 * since those arrive later in any case. */

/* How many lists of the process are letting items in. */
static guint n_pacing;

struct _XinzhiPacedList
{
  GObject      parent_instance;

  GListModel  *model;
  GtkWidget   *widget;     /* weak: the widget whose frames pace the items */
  guint        ceiling;    /* past this many items, the rest come at once */
  guint        step;       /* items let in a frame */
  guint        shown;      /* items let in: the first @shown of @model */
  guint        tick_id;    /* while pacing */
  gboolean     first_tick; /* the frame that lays out the first batch is still to come */
  gboolean     replacing;  /* pace items that replace others, not only items added */
};

static GType
list_model_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (XINZHI_PACED_LIST (list)->model);
}

static guint
list_model_get_n_items (GListModel *list)
{
  return XINZHI_PACED_LIST (list)->shown;
}

static gpointer
list_model_get_item (GListModel *list,
                     guint       position)
{
  XinzhiPacedList *self = XINZHI_PACED_LIST (list);

  if (position >= self->shown)
    return NULL;

  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

/* The model's sections, cut at the items let in. */
static void
section_model_get_section (GtkSectionModel *model,
                           guint            position,
                           guint           *out_start,
                           guint           *out_end)
{
  XinzhiPacedList *self = XINZHI_PACED_LIST (model);

  if (position >= self->shown)
    {
      *out_start = self->shown;
      *out_end = G_MAXUINT;
      return;
    }

  if (GTK_IS_SECTION_MODEL (self->model))
    gtk_section_model_get_section (GTK_SECTION_MODEL (self->model), position, out_start, out_end);
  else
    {
      *out_start = 0;
      *out_end = self->shown;
    }
  *out_end = MIN (*out_end, self->shown);
}

static void
section_model_iface_init (GtkSectionModelInterface *iface)
{
  iface->get_section = section_model_get_section;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (XinzhiPacedList, xinzhi_paced_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SECTION_MODEL, section_model_iface_init))

static gboolean tick_cb (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       user_data);

static void
start_pacing (XinzhiPacedList *self)
{
  g_assert (self->tick_id == 0);

  self->first_tick = TRUE;
  self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
  n_pacing++;
}

static void
stop_pacing (XinzhiPacedList *self)
{
  if (self->tick_id == 0)
    return;

  if (self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
  n_pacing--;
}

/* Lets in the model's items up to @n. */
static void
let_in (XinzhiPacedList *self,
        guint            n)
{
  guint before = self->shown;

  g_assert (n >= before);

  self->shown = n;
  if (n == g_list_model_get_n_items (self->model))
    stop_pacing (self);
  if (n > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n - before);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  XinzhiPacedList *self = user_data;
  guint n_items = g_list_model_get_n_items (self->model);
  guint next = self->shown + self->step;

  /* The first batch is made into rows in this frame: the second waits for the next. */
  if (self->first_tick)
    {
      self->first_tick = FALSE;
      return G_SOURCE_CONTINUE;
    }

  if (next >= self->ceiling || next >= n_items)
    {
      /* The last batch: the callback ends by returning, not by being removed. */
      self->tick_id = 0;
      n_pacing--;
      let_in (self, n_items);
      return G_SOURCE_REMOVE;
    }

  let_in (self, next);
  return G_SOURCE_CONTINUE;
}

static void
items_changed_cb (XinzhiPacedList *self,
                  guint            position,
                  guint            removed,
                  guint            added,
                  GListModel      *model)
{
  guint n_items = g_list_model_get_n_items (model);
  guint before = self->shown;
  guint after;


  /* A change that brings more than a batch of new items (or, replacing, of other
   * items) into the rows a list at its top makes. */
  guint arriving = self->replacing ? added : added - MIN (added, removed);
  gboolean large = arriving > self->step && position < self->ceiling &&
                   MIN (n_items, self->ceiling) - position > self->step;

  if (self->tick_id == 0)
    {
      /* Everything was let in: pace a large change, while there is a widget on screen
       * to pace it. */
      if (self->widget != NULL && gtk_widget_get_mapped (self->widget) && large)
        {
          after = position + self->step;
          start_pacing (self);
        }
      else
        after = n_items;
    }
  else if (position >= before)
    {
      /* Only items not yet let in changed: they come in their turn. */
      if (before == n_items)
        stop_pacing (self);
      return;
    }
  else if (self->replacing && large)
    {
      /* Replaced again before all came in: a batch, and the rest anew, a frame at a
       * time. */
      after = position + self->step;
      self->first_tick = TRUE;
    }
  else
    after = MIN (n_items, before);

  self->shown = after;
  if (after == n_items)
    stop_pacing (self);
  /* The items before @position are the same; from there on the list is told of all of
   * it anew, which is the change itself when nothing is held back. */
  if (self->tick_id == 0 && before == n_items - added + removed && after == n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, before - position, after - position);
}

static void
sections_changed_cb (XinzhiPacedList *self,
                     guint            position,
                     guint            n_items,
                     GtkSectionModel *model)
{
  if (position < self->shown)
    gtk_section_model_sections_changed (GTK_SECTION_MODEL (self), position,
                                        MIN (n_items, self->shown - position));
}

/* Anything that moves in the list (a key, the wheel) may go past the items let in. */
static gboolean
key_pressed_cb (XinzhiPacedList *self)
{
  xinzhi_paced_list_finish (self);
  return GDK_EVENT_PROPAGATE;
}

static gboolean
scroll_cb (XinzhiPacedList *self)
{
  xinzhi_paced_list_finish (self);
  return GDK_EVENT_PROPAGATE;
}

/* Frames pace only a list on screen: one taken off it gets the rest at once. */
static void
unmap_cb (XinzhiPacedList *self)
{
  xinzhi_paced_list_finish (self);
}

static void
xinzhi_paced_list_dispose (GObject *object)
{
  XinzhiPacedList *self = XINZHI_PACED_LIST (object);

  stop_pacing (self);
  g_clear_weak_pointer (&self->widget);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (xinzhi_paced_list_parent_class)->dispose (object);
}

static void
xinzhi_paced_list_class_init (XinzhiPacedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_paced_list_dispose;
}

static void
xinzhi_paced_list_init (XinzhiPacedList *self)
{
}

/**
 * xinzhi_paced_list_new:
 * @model: the items
 * @widget: (nullable): the list that shows them, whose frames pace a large arrival of
 *   items and whose keys and scrolling finish it; %NULL to pass @model through as it is
 * @ceiling: past this many items the list makes no more rows:
 *   %XINZHI_PACED_LIST_VIEW_ROWS for a GtkListView, %G_MAXUINT for a GtkListBox
 * @step: how many items to let in a frame: %XINZHI_PACED_LIST_STEP for a list that
 *   fills a pane, fewer for one of several lists that fill one together
 *
 * Returns: (transfer full): @model, paced
 */
XinzhiPacedList *
xinzhi_paced_list_new (GListModel *model,
                       GtkWidget  *widget,
                       guint       ceiling,
                       guint       step)
{
  XinzhiPacedList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (step > 0, NULL);

  self = g_object_new (XINZHI_TYPE_PACED_LIST, NULL);
  self->model = g_object_ref (model);
  self->ceiling = ceiling;
  self->step = step;
  self->shown = g_list_model_get_n_items (model);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (GTK_IS_SECTION_MODEL (model))
    g_signal_connect_object (model, "sections-changed", G_CALLBACK (sections_changed_cb), self,
                             G_CONNECT_SWAPPED);

  if (widget != NULL)
    {
      GtkEventController *key = gtk_event_controller_key_new ();
      GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

      g_set_weak_pointer (&self->widget, widget);
      gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
      gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
      g_signal_connect_object (key, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (widget, key);
      gtk_widget_add_controller (widget, scroll);
      g_signal_connect_object (widget, "unmap", G_CALLBACK (unmap_cb), self, G_CONNECT_SWAPPED);
    }

  return self;
}

/**
 * xinzhi_paced_list_insert:
 * @list_view: a list whose model is a selection with a "model" property, as
 *   GtkSingleSelection's
 *
 * Puts a XinzhiPacedList between the selection and its model, paced by @list_view's
 * frames.  The selection owns it.
 *
 * Returns: (transfer none): the paced list
 */
XinzhiPacedList *
xinzhi_paced_list_insert (GtkListView *list_view)
{
  GtkSelectionModel *selection;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(XinzhiPacedList) self = NULL;

  g_return_val_if_fail (GTK_IS_LIST_VIEW (list_view), NULL);
  selection = gtk_list_view_get_model (list_view);
  g_return_val_if_fail (selection != NULL, NULL);

  g_object_get (selection, "model", &items, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  self = xinzhi_paced_list_new (items, GTK_WIDGET (list_view), XINZHI_PACED_LIST_VIEW_ROWS,
                                XINZHI_PACED_LIST_STEP);
  g_object_set (selection, "model", self, NULL);

  return self;
}

/**
 * xinzhi_paced_list_set_replacing:
 * @replacing: whether to pace a change that replaces items
 *
 * By default only an arrival is paced: a change that adds more than a batch of items
 * beyond those it removes.  A list whose items are often replaced all at once (a
 * filter changed) sets this, so that the new items come a batch a frame as well; the
 * rows of the old ones go at once.
 */
void
xinzhi_paced_list_set_replacing (XinzhiPacedList *self,
                                 gboolean         replacing)
{
  g_return_if_fail (XINZHI_IS_PACED_LIST (self));
  self->replacing = !!replacing;
}

/**
 * xinzhi_paced_list_is_pacing:
 *
 * Returns: whether some of the model's items are still held back
 */
gboolean
xinzhi_paced_list_is_pacing (XinzhiPacedList *self)
{
  g_return_val_if_fail (XINZHI_IS_PACED_LIST (self), FALSE);
  return self->shown < g_list_model_get_n_items (self->model);
}

/**
 * xinzhi_paced_list_finish:
 *
 * Lets in every item held back, at once: call it before looking up a position.
 */
void
xinzhi_paced_list_finish (XinzhiPacedList *self)
{
  g_return_if_fail (XINZHI_IS_PACED_LIST (self));

  if (self->shown < g_list_model_get_n_items (self->model))
    let_in (self, g_list_model_get_n_items (self->model));
}

/**
 * xinzhi_paced_list_get_n_pacing:
 *
 * Returns: how many paced lists of the process are still letting items in: a test
 *   that counts rows waits for none
 */
guint
xinzhi_paced_list_get_n_pacing (void)
{
  return n_pacing;
}

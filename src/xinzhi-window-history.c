/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-window-private.h"

/* ---- History ------------------------------------------------------------------------
 *
 * A place is a view and what it shows: an article at a paragraph or words, a quote, an
 * event, a sector, a person, or a search.  Following a link records the place left and
 * the place reached; Back and Forward walk that list. */

void
_xinzhi_window_place_free (Place *place)
{
  g_free (place->view);
  g_clear_object (&place->object);
  g_free (place->query);
  g_free (place);
}

Place *
_xinzhi_window_place_new (const char *view,
                          gpointer    object)
{
  Place *place = g_new0 (Place, 1);

  place->view = g_strdup (view);
  place->object = object != NULL ? g_object_ref (object) : NULL;
  place->paragraph = G_MAXUINT;
  return place;
}

Place *
_xinzhi_window_place_copy (const Place *place)
{
  Place *copy = _xinzhi_window_place_new (place->view, place->object);

  copy->paragraph = place->paragraph;
  copy->start = place->start;
  copy->end = place->end;
  copy->query = g_strdup (place->query);
  return copy;
}

/* Where the window is now: the last place a link led to, when the window still shows
 * it, or else the visible view and what is selected in it. */
static Place *
current_place (XinzhiWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  gpointer object = NULL;
  XinzhiView *shown;
  Place *place;

  if (view == NULL)
    view = "timeline";

  if ((shown = _xinzhi_window_get_view_by_name (self, view)) != NULL)
    object = xinzhi_view_get_selected_item (shown);

  if (self->here != NULL && g_str_equal (self->here->view, view) &&
      (g_str_equal (view, "search") || self->here->object == object ||
       (XINZHI_IS_QUOTE (self->here->object) &&
        xinzhi_quote_get_document (XINZHI_QUOTE (self->here->object)) == object)))
    place = _xinzhi_window_place_copy (self->here);
  else
    place = _xinzhi_window_place_new (view, object);

  if (g_str_equal (view, "search"))
    {
      g_free (place->query);
      place->query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
    }

  return place;
}

void
_xinzhi_window_update_history_actions (XinzhiWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 self->back != NULL && self->back->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward",
                                 self->forward != NULL && self->forward->len > 0);
}

/* Records that a link leads away from where the window is now, to @arrived. */
void
_xinzhi_window_record_navigation (XinzhiWindow *self,
                                  Place        *arrived)
{
  if (self->restoring)
    {
      _xinzhi_window_place_free (arrived);
      return;
    }

  g_ptr_array_add (self->back, current_place (self));
  g_ptr_array_set_size (self->forward, 0);
  g_clear_pointer (&self->here, _xinzhi_window_place_free);
  self->here = arrived;
  _xinzhi_window_update_history_actions (self);
}

void
_xinzhi_window_clear_history (XinzhiWindow *self)
{
  if (self->back != NULL)
    g_ptr_array_set_size (self->back, 0);
  if (self->forward != NULL)
    g_ptr_array_set_size (self->forward, 0);
  g_clear_pointer (&self->here, _xinzhi_window_place_free);
  _xinzhi_window_update_history_actions (self);
}

void
_xinzhi_window_restore_place (XinzhiWindow *self,
                              const Place  *place)
{
  self->restoring = TRUE;

  if (g_str_equal (place->view, "search"))
    xinzhi_window_search (self, place->query);
  else if (XINZHI_IS_QUOTE (place->object) && g_str_equal (place->view, "articles"))
    xinzhi_window_show_quote (self, XINZHI_QUOTE (place->object));
  else if (XINZHI_IS_DOCUMENT (place->object))
    {
      if (place->start < place->end)
        xinzhi_window_show_mention (self, XINZHI_DOCUMENT (place->object), place->paragraph,
                                    place->start, place->end);
      else if (place->paragraph != G_MAXUINT)
        xinzhi_window_show_document (self, XINZHI_DOCUMENT (place->object), place->paragraph);
      else
        {
          _xinzhi_window_reveal_item (self, place->object);
          adw_view_stack_set_visible_child_name (self->view_stack, place->view);
          xinzhi_articles_page_select_document (xinzhi_window_get_articles_page (self),
                                                XINZHI_DOCUMENT (place->object));
        }
    }
  else
    {
      adw_view_stack_set_visible_child_name (self->view_stack, place->view);
      if (XINZHI_IS_EVENT (place->object) || XINZHI_IS_QUOTE (place->object))
        _xinzhi_window_reveal_item (self, place->object);
      if (XINZHI_IS_EVENT (place->object))
        xinzhi_timeline_page_select_event (xinzhi_window_get_timeline_page (self),
                                           XINZHI_EVENT (place->object));
      else if (XINZHI_IS_SECTOR (place->object))
        xinzhi_sectors_page_select_sector (xinzhi_window_get_sectors_page (self),
                                           XINZHI_SECTOR (place->object));
      else if (XINZHI_IS_PERSON (place->object))
        xinzhi_quotes_page_show_person (xinzhi_window_get_quotes_page (self),
                                        XINZHI_PERSON (place->object));
      else if (XINZHI_IS_QUOTE (place->object))
        xinzhi_quotes_page_select_quote (xinzhi_window_get_quotes_page (self),
                                         XINZHI_QUOTE (place->object));
    }

  self->restoring = FALSE;
}

/* Moves one place along: from @from to @to. */
static gboolean
step_history (XinzhiWindow *self,
              GPtrArray    *from,
              GPtrArray    *to)
{
  Place *place;

  if (from->len == 0)
    return FALSE;

  place = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, current_place (self));
  _xinzhi_window_restore_place (self, place);
  g_clear_pointer (&self->here, _xinzhi_window_place_free);
  self->here = place;
  _xinzhi_window_update_history_actions (self);

  return TRUE;
}

void
_xinzhi_window_back_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  xinzhi_window_go_back (XINZHI_WINDOW (widget));
}

void
_xinzhi_window_forward_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  xinzhi_window_go_forward (XINZHI_WINDOW (widget));
}

/* The mouse's back and forward buttons. */
void
_xinzhi_window_click_pressed_cb (XinzhiWindow    *self,
                                 int              n_press,
                                 double           x,
                                 double           y,
                                 GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    xinzhi_window_go_back (self);
  else if (button == 9)
    xinzhi_window_go_forward (self);
  else
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/**
 * xinzhi_window_go_back:
 *
 * Goes back to the place before the last link followed.
 *
 * Returns: whether there was a place to go back to
 */
gboolean
xinzhi_window_go_back (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), FALSE);
  return step_history (self, self->back, self->forward);
}

/**
 * xinzhi_window_go_forward:
 *
 * Goes forward again, after xinzhi_window_go_back().
 *
 * Returns: whether there was a place to go forward to
 */
gboolean
xinzhi_window_go_forward (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), FALSE);
  return step_history (self, self->forward, self->back);
}

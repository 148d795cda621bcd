/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-timeline-private.h"

/* A cluster opened in place.  Where events cannot get a readable label at the zoom,
 * the layout folds them into a counted pill ("+14"); a click on it opens a popover
 * over the pill that lists them, each with its date, in the order of the timeline;
 * so does Enter while the selected event is one of them.  Choosing one selects it (the details show it; Left and Right step on from there);
 * "Zoom In" shows their days instead, where the zoom allows.  The list is the
 * cluster's as it was when opened: anything that lays the timeline out again closes
 * it. */

#define CLUSTER_MAX_HEIGHT 360

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  XinzhiTimeline *self)
{
  guint index = gtk_list_box_row_get_index (row);
  guint position;

  g_return_if_fail (self->cluster_members != NULL && index < self->cluster_members->len);

  position = g_array_index (self->cluster_members, guint, index);
  gtk_popover_popdown (self->cluster_popover);
  _xinzhi_timeline_select_position (self, position, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
zoom_clicked_cb (GtkButton      *button,
                 XinzhiTimeline *self)
{
  XinzhiTimelineView view = self->view;

  gtk_popover_popdown (self->cluster_popover);
  xinzhi_timeline_view_fit (&view, self->cluster_start, self->cluster_end, FIT_MARGIN * 4, FIT_MARGIN * 4);
  _xinzhi_timeline_animate_to (self, &view);
}

static GtkWidget *
create_row (XinzhiEvent *event)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (xinzhi_event_get_display_title (event));
  g_autofree char *date_text = xinzhi_event_dup_date_label (event);
  g_autofree char *label = NULL;

  gtk_label_set_text (GTK_LABEL (date), date_text);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_add_css_class (date, "caption");
  gtk_widget_add_css_class (date, "dimmed");
  /* Corpus text: never markup. */
  gtk_label_set_use_markup (GTK_LABEL (title), FALSE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  /* Translators: how a screen reader reads an event of a cluster: its date, then its
   * title */
  label = g_strdup_printf (_("%s: %s"), date_text, xinzhi_event_get_display_title (event));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return box;
}

static void
ensure_popover (XinzhiTimeline *self)
{
  GtkWidget *box, *top, *scrolled;

  if (self->cluster_popover != NULL)
    return;

  self->cluster_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->cluster_popover), GTK_WIDGET (self));
  gtk_popover_set_position (self->cluster_popover, GTK_POS_BOTTOM);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->cluster_heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->cluster_heading, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->cluster_heading), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->cluster_heading), "heading");
  self->cluster_zoom = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Zoom In")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->cluster_zoom), _("Show the days of these events"));
  gtk_widget_add_css_class (GTK_WIDGET (self->cluster_zoom), "flat");
  g_signal_connect (self->cluster_zoom, "clicked", G_CALLBACK (zoom_clicked_cb), self);
  /* The heading over the rows' text. */
  gtk_widget_set_margin_start (top, 12);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->cluster_heading));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->cluster_zoom));

  self->cluster_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->cluster_list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->cluster_list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->cluster_list), "navigation-sidebar");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->cluster_list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->cluster_heading, NULL,
                                  -1);
  g_signal_connect (self->cluster_list, "row-activated", G_CALLBACK (row_activated_cb), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), CLUSTER_MAX_HEIGHT);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->cluster_list));

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (self->cluster_popover, box);
}

/* Opens @item, a cluster at the current zoom, in place. */
void
_xinzhi_timeline_open_cluster (XinzhiTimeline           *self,
                               const XinzhiTimelineItem *item)
{
  g_autofree char *heading = NULL;
  XinzhiTimelineView view = self->view;
  GtkWidget *child;
  double x0, x1, middle;

  g_return_if_fail (item != NULL && item->kind == XINZHI_TIMELINE_ITEM_CLUSTER);

  ensure_popover (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cluster_list))) != NULL)
    gtk_list_box_remove (self->cluster_list, child);

  if (self->cluster_members == NULL)
    self->cluster_members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_set_size (self->cluster_members, 0);
  g_array_append_vals (self->cluster_members, item->members, item->n_members);
  for (guint i = 0; i < item->n_members; i++)
    gtk_list_box_append (self->cluster_list, create_row (_xinzhi_timeline_get_event (self, item->members[i])));
  self->cluster_start = item->start;
  self->cluster_end = item->end;

  heading = g_strdup_printf (ngettext ("%u Event", "%u Events", item->n_members), item->n_members);
  gtk_label_set_text (self->cluster_heading, heading);
  /* Only where zooming in would tell them apart. */
  xinzhi_timeline_view_fit (&view, item->start, item->end, FIT_MARGIN * 4, FIT_MARGIN * 4);
  gtk_widget_set_visible (GTK_WIDGET (self->cluster_zoom), view.end - view.start < (self->view.end - self->view.start) * 0.9);

  _xinzhi_timeline_item_bounds (self, &self->view, item, &x0, &x1);
  middle = _xinzhi_timeline_lane_middle (self, item->lane);
  gtk_popover_set_pointing_to (self->cluster_popover,
                               &(GdkRectangle) { (int) x0, (int) (middle - BAR_HEIGHT / 2),
                                                 MAX ((int) (x1 - x0), 1), BAR_HEIGHT });
  gtk_popover_popup (self->cluster_popover);

  /* At the selected event, if it is one of them (Enter on the cluster, or a click on
   * it after choosing one), so that Up and Down go on from there. */
  for (guint i = 0; i < item->n_members; i++)
    if (item->members[i] == self->selected)
      {
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->cluster_list, i)));
        break;
      }
}

/* Closes the cluster opened in place, if one is. */
void
_xinzhi_timeline_close_cluster (XinzhiTimeline *self)
{
  if (self->cluster_popover != NULL)
    gtk_popover_popdown (self->cluster_popover);
}

/* In size_allocate: the popover follows the widget. */
void
_xinzhi_timeline_present_cluster (XinzhiTimeline *self)
{
  if (self->cluster_popover != NULL)
    gtk_popover_present (self->cluster_popover);
}

/* In dispose. */
void
_xinzhi_timeline_dispose_cluster (XinzhiTimeline *self)
{
  if (self->cluster_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->cluster_popover));
  self->cluster_popover = NULL;
  self->cluster_list = NULL;
  self->cluster_heading = NULL;
  self->cluster_zoom = NULL;
  g_clear_pointer (&self->cluster_members, g_array_unref);
}

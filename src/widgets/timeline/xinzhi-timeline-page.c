/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "xinzhi-dialogs.h"
#include "xinzhi-event-view.h"
#include "xinzhi-paced-list.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-timeline-page.h"
#include "xinzhi-view.h"

/* The Timeline view: the timeline (or, one click away, the same events as a list) with
 * a toolbar to zoom and filter, and a pane with the selected event's details.  The
 * timeline, the list and the pane share one GtkSingleSelection over the filtered
 * events, so they always agree. */
struct _XinzhiTimelinePage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwOverlaySplitView *split_view;
  GtkDropDown         *sector_filter;
  GtkDropDown         *person_filter;
  GtkSearchEntry      *search_entry;
  GtkRevealer         *filter_revealer;
  GtkLabel            *filter_label;
  GtkStack            *content_stack;
  XinzhiTimeline      *timeline;
  GtkListView         *event_list;
  GtkStack            *detail_stack;
  XinzhiEventView     *event_view;

  /* Owned */
  XinzhiCorpus        *corpus;
  XinzhiNotes         *notes;
  GSignalGroup        *notes_signals;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  XinzhiPacedList     *paced;            /* @filtered as the event list takes it in */
  GtkSingleSelection  *list_selection;   /* the event list's, over @paced, as @selection */
  GPtrArray           *sector_choices;   /* index 0 is "all": NULL */
  GPtrArray           *person_choices;
  char                *search_folded;
  XinzhiFilter        *shared;           /* the window's, or the page's own */

  gboolean             syncing;
  gboolean             syncing_list;      /* @list_selection follows, not the person */
  gboolean             syncing_choices;
  gboolean             keep_view;         /* the span was chosen on the timeline itself */
};

static void xinzhi_timeline_page_view_iface_init (XinzhiViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XinzhiTimelinePage, xinzhi_timeline_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XINZHI_TYPE_VIEW,
                                                      xinzhi_timeline_page_view_iface_init))

enum {
  PROP_0,
  PROP_CORPUS,        /* the XinzhiView properties, in their order */
  PROP_FILTER,
  PROP_NOTES,
  PROP_COLLAPSED,
  PROP_CONTENT_ONLY,
  N_PROPS
};


/* The dropdowns show the filter's one sector (person), "All …" when it has none, and
 * "Several …" when it has several, which the window's filter chips list; that last
 * choice is there only then. */
static void
sync_choice (XinzhiTimelinePage *self,
             GtkDropDown        *drop_down,
             GPtrArray          *choices,
             XinzhiFilterKind    kind)
{
  GtkStringList *names = GTK_STRING_LIST (gtk_drop_down_get_model (drop_down));
  guint n_values = xinzhi_filter_get_n_values (self->shared, kind);
  guint position = 0;

  if (names == NULL || choices == NULL)
    return;

  self->syncing_choices = TRUE;

  if (n_values > 1)
    {
      const char *several = kind == XINZHI_FILTER_SECTOR ? _("Several Sectors") : _("Several People");

      if (g_list_model_get_n_items (G_LIST_MODEL (names)) == choices->len)
        gtk_string_list_append (names, several);
      position = choices->len;
    }
  else
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (names)) > choices->len)
        gtk_string_list_remove (names, choices->len);
      /* A value this page's choices lack is of a corpus the window shows and this
       * page, not on screen, has not taken yet (another file, or the same one as an
       * edit left it): the page syncs when it takes it. */
      if (n_values == 1 &&
          !g_ptr_array_find (choices, xinzhi_filter_get_value (self->shared, kind, 0), &position))
        {
          self->syncing_choices = FALSE;
          return;
        }
    }

  gtk_drop_down_set_selected (drop_down, position);
  self->syncing_choices = FALSE;
}

static void
sync_choices (XinzhiTimelinePage *self)
{
  sync_choice (self, self->sector_filter, self->sector_choices, XINZHI_FILTER_SECTOR);
  sync_choice (self, self->person_filter, self->person_choices, XINZHI_FILTER_PERSON);
}

static gboolean
text_matches (const char *text,
              const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  XinzhiTimelinePage *self = user_data;
  XinzhiEvent *event = item;

  /* An event the span possibly holds stays: its bar shows exactly how its dates lie
   * against the span drawn over the lanes, and the count says how many are such. */
  if (!xinzhi_filter_matches_event (self->shared, event) &&
      !xinzhi_filter_matches_possibly (self->shared, event))
    return FALSE;
  if (self->search_folded &&
      !text_matches (xinzhi_event_get_title (event), self->search_folded) &&
      !text_matches (xinzhi_event_get_title_zh (event), self->search_folded) &&
      !text_matches (xinzhi_event_get_summary (event), self->search_folded))
    return FALSE;

  return TRUE;
}

static void
update_content_page (XinzhiTimelinePage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;
  gboolean none = self->corpus == NULL ||
                  g_list_model_get_n_items (xinzhi_corpus_get_events (self->corpus)) == 0;

  /* No event to filter is not a filter's doing: say so, and offer no filter to clear. */
  gtk_stack_set_visible_child_name (self->content_stack,
                                    none ? "no-events" : empty ? "empty" : "events");
}

static void
update_filter_label (XinzhiTimelinePage *self)
{
  g_autoptr(GString) label = g_string_new (NULL);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint n_all = self->corpus ? g_list_model_get_n_items (xinzhi_corpus_get_events (self->corpus)) : 0;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* The filters of sectors, people, outlets and the span show as the window's chips. */
  /* Translators: how many events a filter leaves, e.g. "3 of 9 events" */
  g_string_printf (label, ngettext ("%u of %u event", "%u of %u events", n_all), n_shown, n_all);
  if (xinzhi_filter_get_span (self->shared, NULL, NULL))
    {
      guint n_possibly = 0;

      for (guint i = 0; i < n_shown; i++)
        {
          g_autoptr(XinzhiEvent) event = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

          n_possibly += !xinzhi_filter_matches_event (self->shared, event);
        }
      if (n_possibly > 0)
        /* Translators: after "3 of 9 events": how many of those the time span chosen
         * may or may not hold, their dates being too coarse to tell */
        g_string_append_printf (label, ngettext (", %u of them possibly in the span",
                                                 ", %u of them possibly in the span", n_possibly),
                                n_possibly);
    }
  if (search[0] != '\0')
    g_string_append_printf (label, _(" · text: “%s”"), search);

  gtk_label_set_text (self->filter_label, label->str);
  gtk_revealer_set_reveal_child (self->filter_revealer,
                                 !xinzhi_filter_is_empty (self->shared) || search[0] != '\0');
}

static void
refilter (XinzhiTimelinePage *self)
{
  if (self->filter == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_filter_label (self);
  update_content_page (self);
}

/* The shared filter changed, here or in another view. */
static void
shared_filter_changed_cb (XinzhiTimelinePage *self)
{
  guint32 first_day, last_day;

  sync_choices (self);
  refilter (self);
  /* The event's quotes follow "reviewed only". */
  xinzhi_event_view_set_reviewed_only (self->event_view, xinzhi_filter_get_reviewed_only (self->shared));
  if (xinzhi_filter_get_span (self->shared, &first_day, &last_day))
    xinzhi_timeline_set_span (self->timeline, first_day, last_day);
  else
    xinzhi_timeline_unset_span (self->timeline);

  /* The events left may all lie outside the span shown: show them all, or, with no
   * filter left, the span the timeline starts with.  Not when the person has just
   * chosen a time span on the timeline: they are looking at it. */
  if (self->filtered == NULL || self->keep_view)
    return;
  if (xinzhi_filter_is_empty (self->shared))
    xinzhi_timeline_reset_view (self->timeline);
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    xinzhi_timeline_fit_all (self->timeline);
}

/* A person chose a sector or a person in a dropdown: it becomes the filter's one value
 * of that kind, in every view. */
static void
choice_notify_selected_cb (XinzhiTimelinePage *self,
                           GParamSpec         *pspec,
                           GtkDropDown        *drop_down)
{
  gboolean sector = drop_down == self->sector_filter;
  GPtrArray *choices = sector ? self->sector_choices : self->person_choices;
  guint i = gtk_drop_down_get_selected (drop_down);

  if (self->syncing_choices || choices == NULL || i == GTK_INVALID_LIST_POSITION || i >= choices->len)
    return;

  xinzhi_filter_set_only (self->shared, sector ? XINZHI_FILTER_SECTOR : XINZHI_FILTER_PERSON,
                          g_ptr_array_index (choices, i));
}

static void
search_changed_cb (XinzhiTimelinePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search_folded, g_free);
  if (text[0] != '\0')
    self->search_folded = g_utf8_casefold (text, -1);
  refilter (self);
}

static void
show_event (XinzhiTimelinePage *self,
            XinzhiEvent        *event)
{
  xinzhi_event_view_set_event (self->event_view, event);
  gtk_stack_set_visible_child_name (self->detail_stack, event != NULL ? "event" : "none");
}

/* The event list takes in the events a batch a frame after a change of the filter
 * (XinzhiPacedList), so it has a selection of its own, kept as the one the timeline and
 * the details share: the same position, once the list has let it in. */
static void
sync_list_selection (XinzhiTimelinePage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position != GTK_INVALID_LIST_POSITION &&
      position >= g_list_model_get_n_items (G_LIST_MODEL (self->paced)))
    position = GTK_INVALID_LIST_POSITION;
  if (gtk_single_selection_get_selected (self->list_selection) == position)
    return;

  self->syncing_list = TRUE;
  gtk_single_selection_set_selected (self->list_selection, position);
  self->syncing_list = FALSE;
}

/* The list is told of a change of its items: the selection it keeps or loses meanwhile
 * is not the person's doing. */
static void
list_changing_cb (XinzhiTimelinePage *self)
{
  self->syncing_list = TRUE;
}

static void
list_changed_cb (XinzhiTimelinePage *self)
{
  self->syncing_list = FALSE;
  sync_list_selection (self);
}

/* A row chosen in the list, with the mouse or the keyboard. */
static void
list_selection_changed_cb (XinzhiTimelinePage *self)
{
  if (self->syncing_list)
    return;

  self->syncing_list = TRUE;
  gtk_single_selection_set_selected (self->selection, gtk_single_selection_get_selected (self->list_selection));
  self->syncing_list = FALSE;
}

/* An event selected elsewhere (on the timeline, from another view) shows in the list. */
static void
scroll_list_to_selected (XinzhiTimelinePage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  xinzhi_paced_list_finish (self->paced);
  gtk_list_view_scroll_to (self->event_list, position, GTK_LIST_SCROLL_NONE, NULL);
}

static void
selection_changed_cb (XinzhiTimelinePage *self)
{
  XinzhiEvent *event = gtk_single_selection_get_selected_item (self->selection);
  gboolean from_list = self->syncing_list;

  show_event (self, event);
  sync_list_selection (self);
  if (!from_list)
    scroll_list_to_selected (self);

  if (!self->syncing)
    {
      self->syncing = TRUE;
      xinzhi_timeline_set_selected (self->timeline, event);
      self->syncing = FALSE;
    }

  /* The details pane shows when there are details to show. */
  adw_overlay_split_view_set_show_sidebar (self->split_view, event != NULL);
}

static void
timeline_selected_cb (XinzhiTimelinePage *self)
{
  XinzhiEvent *event = xinzhi_timeline_get_selected (self->timeline);
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->syncing || self->selection == NULL)
    return;

  if (event)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->filtered)); i++)
        {
          g_autoptr(XinzhiEvent) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

          if (item == event)
            position = i;
        }
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
}

/* timeline-page.next-suggestion and .previous-suggestion (Alt+Shift+Down and Up): the
 * next candidate event nobody has reviewed, in the order of the list, after the one
 * selected (from the start with none); a bell when there is none. */
static void
next_suggestion_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  XinzhiTimelinePage *self = XINZHI_TIMELINE_PAGE (widget);
  gboolean forward = g_str_equal (action_name, "timeline-page.next-suggestion");
  GListModel *events = self->filtered != NULL ? G_LIST_MODEL (self->filtered) : NULL;
  guint n = events != NULL ? g_list_model_get_n_items (events) : 0;
  guint position = self->selection != NULL ? gtk_single_selection_get_selected (self->selection)
                                           : GTK_INVALID_LIST_POSITION;
  /* Before the first, or past the last, with none selected. */
  gint64 i = position == GTK_INVALID_LIST_POSITION ? (forward ? -1 : (gint64) n) : (gint64) position;

  for (i += forward ? 1 : -1; i >= 0 && i < n; i += forward ? 1 : -1)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, (guint) i);

      if (!xinzhi_event_get_reviewed (event))
        {
          xinzhi_timeline_page_select_event (self, event);
          return;
        }
    }
  gtk_widget_error_bell (widget);
}

static void
timeline_activate_cb (XinzhiTimelinePage *self,
                      XinzhiEvent        *event)
{
  guint paragraph;
  XinzhiDocument *document;

  if (event == NULL || xinzhi_event_get_n_sources (event) == 0)
    return;

  document = xinzhi_event_get_source (event, 0, &paragraph);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-document", "(su)",
                              xinzhi_document_get_id (document), paragraph);
}

static void
event_list_activate_cb (XinzhiTimelinePage *self,
                        guint               position)
{
  g_autoptr(XinzhiEvent) event = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  timeline_activate_cb (self, event);
}

/* A row of the event list: the date, with a star when the person starred the event
 * and a tag when it is a candidate nobody has reviewed, over the title. */
static void
setup_event_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");
  GtkWidget *title = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (date, "caption");
  gtk_widget_add_css_class (date, "dimmed");
  gtk_widget_add_css_class (star, "star");
  gtk_widget_set_tooltip_text (star, _("Starred"));
  gtk_widget_set_visible (star, FALSE);
  gtk_box_append (GTK_BOX (top), date);
  gtk_box_append (GTK_BOX (top), star);
  gtk_box_append (GTK_BOX (top), xinzhi_quote_row_new_unreviewed_tag ());
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_add_css_class (box, "xinzhi-event-row");
  gtk_list_item_set_child (item, box);
}

static gboolean
is_starred (XinzhiTimelinePage *self,
            XinzhiEvent        *event)
{
  return self->notes != NULL && event != NULL &&
         xinzhi_notes_get_starred (self->notes, "event", xinzhi_event_get_id (event));
}

static void
bind_event_row_cb (XinzhiTimelinePage *self,
                   GtkListItem        *item)
{
  XinzhiEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *date = gtk_widget_get_first_child (top);
  GtkWidget *star = gtk_widget_get_next_sibling (date);
  GtkWidget *unreviewed = gtk_widget_get_next_sibling (star);
  GtkWidget *title = gtk_widget_get_next_sibling (top);
  g_autofree char *label = xinzhi_event_dup_date_label (event);
  g_autofree char *accessible = NULL;
  gboolean starred = is_starred (self, event);
  gboolean reviewed = xinzhi_event_get_reviewed (event);

  gtk_label_set_text (GTK_LABEL (date), label);
  gtk_label_set_text (GTK_LABEL (title), xinzhi_event_get_display_title (event));
  gtk_widget_set_visible (star, starred);
  gtk_widget_set_visible (unreviewed, !reviewed);
  g_object_set_data (G_OBJECT (box), "event", event);
  if (starred)
    /* Translators: how a screen reader reads a starred event in the list: title, date */
    accessible = g_strdup_printf (_("Starred: %s, %s"), xinzhi_event_get_display_title (event), label);
  else
    accessible = g_strdup_printf ("%s, %s", xinzhi_event_get_display_title (event), label);
  if (!reviewed)
    {
      /* Translators: a screen reader's words for a candidate event nobody has reviewed:
       * what it reads for any event of the list, after this */
      char *marked = g_strdup_printf (_("Unreviewed: %s"), accessible);

      g_free (accessible);
      accessible = marked;
    }
  gtk_list_item_set_accessible_label (item, accessible);
}

static void
unbind_event_row_cb (XinzhiTimelinePage *self,
                     GtkListItem        *item)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "event", NULL);
}

/* A star set or cleared: the rows on screen follow. */
static void
update_event_stars (XinzhiTimelinePage *self,
                    GtkWidget          *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, "xinzhi-event-row"))
        {
          GtkWidget *date = gtk_widget_get_first_child (gtk_widget_get_first_child (child));
          GtkWidget *star = gtk_widget_get_next_sibling (date);

          gtk_widget_set_visible (star, is_starred (self, g_object_get_data (G_OBJECT (child), "event")));
        }
      else
        update_event_stars (self, child);
    }
}

static void
notes_changed_cb (XinzhiTimelinePage *self)
{
  update_event_stars (self, GTK_WIDGET (self->event_list));
}

static void
unref_if_set (gpointer object)
{
  if (object)
    g_object_unref (object);
}

/* A dropdown's choice: one line, ellipsized, so that a long sector name does not widen
 * the toolbar past a narrow window. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (list_item));

  /* Corpus text: never markup. */
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

/* Fills a dropdown with "All …" and the names of @objects, remembering which object each
 * position stands for in @choices. */
static GPtrArray *
fill_choices (GtkDropDown *drop_down,
              GListModel  *objects,
              const char  *all_label,
              const char *(*get_name) (gpointer))
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *choices = g_ptr_array_new_with_free_func (unref_if_set);

  gtk_string_list_append (names, all_label);
  g_ptr_array_add (choices, NULL);
  for (guint i = 0; objects && i < g_list_model_get_n_items (objects); i++)
    {
      GObject *object = g_list_model_get_item (objects, i);

      gtk_string_list_append (names, get_name (object));
      g_ptr_array_add (choices, object);
    }

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (drop_down, 0);
  return choices;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  xinzhi_timeline_zoom_in (XINZHI_TIMELINE_PAGE (widget)->timeline);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  xinzhi_timeline_zoom_out (XINZHI_TIMELINE_PAGE (widget)->timeline);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  xinzhi_timeline_reset_view (XINZHI_TIMELINE_PAGE (widget)->timeline);
}

/* Sets the span on the filter every view shares, and says so to a screen reader. */
static void
choose_span (XinzhiTimelinePage *self,
             guint32             first_day,
             guint32             last_day)
{
  g_autofree char *label = NULL;
  g_autofree char *announcement = NULL;

  self->keep_view = TRUE;
  xinzhi_filter_set_span (self->shared, first_day, last_day);
  self->keep_view = FALSE;

  label = xinzhi_filter_dup_span_label (self->shared);
  /* Translators: said by a screen reader when a time span filters the views; %s is
   * the span, e.g. "Mar 2024 – Jun 2024" */
  announcement = g_strdup_printf (_("Every view shows only %s"), label);
  gtk_accessible_announce (GTK_ACCESSIBLE (self->timeline), announcement,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

static void
timeline_span_chosen_cb (XinzhiTimelinePage *self,
                         guint               first_day,
                         guint               last_day)
{
  choose_span (self, first_day, last_day);
}

/* The whole days the timeline shows become the span. */
static void
filter_to_view_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  XinzhiTimelinePage *self = XINZHI_TIMELINE_PAGE (widget);
  double start, end;
  double first, last;

  xinzhi_timeline_get_visible_range (self->timeline, &start, &end);
  first = ceil (start);
  last = floor (end) - 1;
  if (last < first)
    last = first = floor (start);
  if (first < 1 || last > G_MAXUINT32 || !g_date_valid_julian ((guint32) first) ||
      !g_date_valid_julian ((guint32) last))
    return;

  choose_span (self, (guint32) first, (guint32) last);
}

static void
fit_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  xinzhi_timeline_fit_all (XINZHI_TIMELINE_PAGE (widget)->timeline);
}

static void
export_dialog_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XinzhiTimelinePage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  /* Only a dialog the person closed says nothing. */
  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL || !xinzhi_timeline_page_export (self, file, &error))
    xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Export the Timeline"), error);
}

/* Back to the timeline from the details that cover it on a narrow window; the event
 * stays selected. */
static void
close_details_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XinzhiTimelinePage *self = XINZHI_TIMELINE_PAGE (widget);

  adw_overlay_split_view_set_show_sidebar (self->split_view, FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XinzhiTimelinePage *self = XINZHI_TIMELINE_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();

  gtk_file_filter_set_name (png, _("PNG Image"));
  gtk_file_filter_add_mime_type (png, "image/png");
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_filter_set_name (svg, _("SVG Image"));
  gtk_file_filter_add_mime_type (svg, "image/svg+xml");
  gtk_file_filter_add_suffix (svg, "svg");
  g_list_store_append (filters, png);
  g_list_store_append (filters, svg);

  gtk_file_dialog_set_title (dialog, _("Export Timeline"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, png);
  /* Translators: the suggested file name of an exported timeline */
  gtk_file_dialog_set_initial_name (dialog, _("timeline.png"));
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        export_dialog_cb, g_object_ref (self));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XinzhiTimelinePage *self = XINZHI_TIMELINE_PAGE (widget);

  xinzhi_filter_clear (self->shared);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Lets go of the events of the corpus shown and the models over them. */
static void
clear_events (XinzhiTimelinePage *self)
{
  if (self->list_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->list_selection, self);
  if (self->paced != NULL)
    g_signal_handlers_disconnect_by_data (self->paced, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->paced);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
}

static void
xinzhi_timeline_page_dispose (GObject *object)
{
  XinzhiTimelinePage *self = XINZHI_TIMELINE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_TIMELINE_PAGE);

  clear_events (self);
  g_clear_object (&self->corpus);
  g_clear_object (&self->notes_signals);
  g_clear_object (&self->notes);
  g_clear_pointer (&self->sector_choices, g_ptr_array_unref);
  g_clear_pointer (&self->person_choices, g_ptr_array_unref);
  if (self->shared != NULL)
    g_signal_handlers_disconnect_by_data (self->shared, self);
  g_clear_object (&self->shared);

  G_OBJECT_CLASS (xinzhi_timeline_page_parent_class)->dispose (object);
}

static void
xinzhi_timeline_page_finalize (GObject *object)
{
  XinzhiTimelinePage *self = XINZHI_TIMELINE_PAGE (object);

  g_free (self->search_folded);

  G_OBJECT_CLASS (xinzhi_timeline_page_parent_class)->finalize (object);
}

static void
xinzhi_timeline_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XinzhiTimelinePage *self = XINZHI_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->shared);
      break;
    case PROP_NOTES:
      g_value_set_object (value, self->notes);
      break;
    case PROP_COLLAPSED:
      g_value_set_boolean (value, xinzhi_timeline_page_get_collapsed (self));
      break;
    case PROP_CONTENT_ONLY:
      /* Collapsed, the details cover the timeline under the window's header bar. */
      g_value_set_boolean (value, FALSE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_timeline_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XinzhiTimelinePage *self = XINZHI_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      xinzhi_timeline_page_set_corpus (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      xinzhi_timeline_page_set_filter (self, g_value_get_object (value));
      break;
    case PROP_NOTES:
      xinzhi_timeline_page_set_notes (self, g_value_get_object (value));
      break;
    case PROP_COLLAPSED:
      xinzhi_timeline_page_set_collapsed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_timeline_page_class_init (XinzhiTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_timeline_page_dispose;
  object_class->finalize = xinzhi_timeline_page_finalize;
  object_class->get_property = xinzhi_timeline_page_get_property;
  object_class->set_property = xinzhi_timeline_page_set_property;

  /* Collapsed, the details pane overlays the timeline; it is never content-only. */
  xinzhi_view_install_properties (object_class, PROP_CORPUS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/widgets/xinzhi-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, split_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, sector_filter);
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, person_filter);
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, timeline);
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, event_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiTimelinePage, event_view);

  gtk_widget_class_install_action (widget_class, "timeline-page.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline-page.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline-page.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "timeline-page.fit-all", NULL, fit_all_action);
  gtk_widget_class_install_action (widget_class, "timeline-page.filter-to-view", NULL, filter_to_view_action);
  gtk_widget_class_install_action (widget_class, "timeline-page.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "timeline-page.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "timeline-page.previous-suggestion", NULL, next_suggestion_action);
  gtk_widget_class_install_action (widget_class, "timeline-page.next-suggestion", NULL, next_suggestion_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "timeline-page.previous-suggestion", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "timeline-page.next-suggestion", NULL);
  gtk_widget_class_install_action (widget_class, "timeline-page.close-details", NULL,
                                   close_details_action);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
xinzhi_timeline_page_init (XinzhiTimelinePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_type_ensure (XINZHI_TYPE_TIMELINE);
  g_type_ensure (XINZHI_TYPE_EVENT_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->notes_signals = g_signal_group_new (XINZHI_TYPE_NOTES);
  g_signal_group_connect_object (self->notes_signals, "changed", G_CALLBACK (notes_changed_cb),
                                 self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_event_row_cb), NULL);
  g_signal_connect_swapped (factory, "bind", G_CALLBACK (bind_event_row_cb), self);
  g_signal_connect_swapped (factory, "unbind", G_CALLBACK (unbind_event_row_cb), self);
  gtk_list_view_set_factory (self->event_list, factory);

  {
    g_autoptr(GtkListItemFactory) choice_factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (choice_factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
    g_signal_connect (choice_factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
    gtk_drop_down_set_factory (self->sector_filter, choice_factory);
    gtk_drop_down_set_factory (self->person_filter, choice_factory);
  }
  g_signal_connect_swapped (self->sector_filter, "notify::selected", G_CALLBACK (choice_notify_selected_cb), self);
  g_signal_connect_swapped (self->person_filter, "notify::selected", G_CALLBACK (choice_notify_selected_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->timeline, "notify::selected", G_CALLBACK (timeline_selected_cb), self);
  g_signal_connect_swapped (self->timeline, "activate-event", G_CALLBACK (timeline_activate_cb), self);
  g_signal_connect_swapped (self->timeline, "span-chosen", G_CALLBACK (timeline_span_chosen_cb), self);
  g_signal_connect_swapped (self->event_list, "activate", G_CALLBACK (event_list_activate_cb), self);

  adw_overlay_split_view_set_show_sidebar (self->split_view, FALSE);
  show_event (self, NULL);

  /* Alone, the page filters by itself; in a window, by the window's filter. */
  xinzhi_timeline_page_set_filter (self, NULL);
}

static GObject *
xinzhi_timeline_page_get_selected_item (XinzhiView *view)
{
  XinzhiTimelinePage *self = XINZHI_TIMELINE_PAGE (view);

  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
xinzhi_timeline_page_view_iface_init (XinzhiViewInterface *iface)
{
  iface->get_selected_item = xinzhi_timeline_page_get_selected_item;
}

XinzhiTimeline *
xinzhi_timeline_page_get_timeline (XinzhiTimelinePage *self)
{
  g_return_val_if_fail (XINZHI_IS_TIMELINE_PAGE (self), NULL);
  return self->timeline;
}

/**
 * xinzhi_timeline_page_get_selection:
 *
 * Returns: (transfer none): the selection the timeline, the list and the details share
 */
GtkSelectionModel *
xinzhi_timeline_page_get_selection (XinzhiTimelinePage *self)
{
  g_return_val_if_fail (XINZHI_IS_TIMELINE_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

gboolean
xinzhi_timeline_page_get_collapsed (XinzhiTimelinePage *self)
{
  g_return_val_if_fail (XINZHI_IS_TIMELINE_PAGE (self), FALSE);
  return adw_overlay_split_view_get_collapsed (self->split_view);
}

void
xinzhi_timeline_page_set_collapsed (XinzhiTimelinePage *self,
                                    gboolean            collapsed)
{
  g_return_if_fail (XINZHI_IS_TIMELINE_PAGE (self));

  collapsed = !!collapsed;
  if (collapsed == xinzhi_timeline_page_get_collapsed (self))
    return;

  adw_overlay_split_view_set_collapsed (self->split_view, collapsed);
  adw_overlay_split_view_set_show_sidebar (self->split_view,
                                           self->selection &&
                                           gtk_single_selection_get_selected_item (self->selection));
  g_object_notify (G_OBJECT (self), "collapsed");
}

/**
 * xinzhi_timeline_page_set_editable:
 * @editable: whether the corpus shown is one a person owns and may correct
 *
 * Offers the corrections of an event in its details (Change Title…) or not.
 */
void
xinzhi_timeline_page_set_editable (XinzhiTimelinePage *self,
                                   gboolean            editable)
{
  g_return_if_fail (XINZHI_IS_TIMELINE_PAGE (self));

  xinzhi_event_view_set_editable (self->event_view, editable);
}

/**
 * xinzhi_timeline_page_set_notes:
 * @notes: (nullable): the person's stars and notes
 *
 * Lets the person star the selected event and write a note on it, in the details.
 */
void
xinzhi_timeline_page_set_notes (XinzhiTimelinePage *self,
                                XinzhiNotes        *notes)
{
  g_return_if_fail (XINZHI_IS_TIMELINE_PAGE (self));
  g_return_if_fail (notes == NULL || XINZHI_IS_NOTES (notes));

  if (!g_set_object (&self->notes, notes))
    return;

  g_signal_group_set_target (self->notes_signals, notes);
  xinzhi_event_view_set_notes (self->event_view, notes);
  notes_changed_cb (self);
  g_object_notify (G_OBJECT (self), "notes");
}

void
xinzhi_timeline_page_set_corpus (XinzhiTimelinePage *self,
                                 XinzhiCorpus       *corpus)
{
  g_autoptr(GtkCustomSorter) sorter = NULL;
  GtkSortListModel *sorted;
  guint32 first_day, last_day;

  g_return_if_fail (XINZHI_IS_TIMELINE_PAGE (self));
  g_return_if_fail (XINZHI_IS_CORPUS (corpus));

  if (!g_set_object (&self->corpus, corpus))
    return;

  clear_events (self);
  g_clear_pointer (&self->sector_choices, g_ptr_array_unref);
  g_clear_pointer (&self->person_choices, g_ptr_array_unref);

  /* Filling the dropdowns is not a choice: the filter stays as it is. */
  self->syncing_choices = TRUE;
  self->sector_choices = fill_choices (self->sector_filter, xinzhi_corpus_get_sectors (corpus),
                                       _("All Sectors"), (const char *(*) (gpointer)) xinzhi_sector_get_display_name);
  self->person_choices = fill_choices (self->person_filter, xinzhi_corpus_get_people (corpus),
                                       _("All People"), (const char *(*) (gpointer)) xinzhi_person_get_display_name);
  self->syncing_choices = FALSE;
  sync_choices (self);

  /* The list of events: the model's order of events, earliest first. */
  sorter = gtk_custom_sorter_new (xinzhi_event_compare_func, NULL, NULL);
  sorted = gtk_sort_list_model_new (g_object_ref (xinzhi_corpus_get_events (corpus)),
                                    GTK_SORTER (g_steal_pointer (&sorter)));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self);

  /* The list's own selection follows the list's items: list_changing_cb() comes before
   * it hears of a change, list_changed_cb() after. */
  self->paced = xinzhi_paced_list_new (G_LIST_MODEL (self->filtered), GTK_WIDGET (self->event_list),
                                       XINZHI_PACED_LIST_VIEW_ROWS, XINZHI_PACED_LIST_STEP);
  xinzhi_paced_list_set_replacing (self->paced, TRUE);
  g_signal_connect_swapped (self->paced, "items-changed", G_CALLBACK (list_changing_cb), self);
  self->list_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->paced)));
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_data (self->paced, "items-changed", G_CALLBACK (list_changed_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_swapped (self->list_selection, "notify::selected", G_CALLBACK (list_selection_changed_cb), self);

  /* The timeline opens on the corpus's own span, whatever its years. */
  if (xinzhi_corpus_get_home_span (corpus, &first_day, &last_day))
    xinzhi_timeline_set_home_span (self->timeline, first_day, last_day + 1.0);
  else
    xinzhi_timeline_unset_home_span (self->timeline);
  xinzhi_timeline_set_model (self->timeline, G_LIST_MODEL (self->filtered));
  gtk_list_view_set_model (self->event_list, GTK_SELECTION_MODEL (self->list_selection));
  xinzhi_timeline_reset_view (self->timeline);

  show_event (self, NULL);
  update_filter_label (self);
  update_content_page (self);
  g_object_notify (G_OBJECT (self), "corpus");
}

void
xinzhi_timeline_page_select_event (XinzhiTimelinePage *self,
                                   XinzhiEvent        *event)
{
  g_return_if_fail (XINZHI_IS_TIMELINE_PAGE (self));

  xinzhi_timeline_set_selected (self->timeline, event);
  timeline_selected_cb (self);
}

/**
 * xinzhi_timeline_page_set_sector_filter:
 * @sector: (nullable): the sector whose events to show, or %NULL for all
 *
 * Makes @sector the filter's one sector, as choosing it in the dropdown does.
 */
void
xinzhi_timeline_page_set_sector_filter (XinzhiTimelinePage *self,
                                        XinzhiSector       *sector)
{
  g_return_if_fail (XINZHI_IS_TIMELINE_PAGE (self));

  xinzhi_filter_set_only (self->shared, XINZHI_FILTER_SECTOR, sector);
}

/**
 * xinzhi_timeline_page_get_filter:
 *
 * Returns: (transfer none): the filter of sectors, people and outlets the page follows
 */
XinzhiFilter *
xinzhi_timeline_page_get_filter (XinzhiTimelinePage *self)
{
  g_return_val_if_fail (XINZHI_IS_TIMELINE_PAGE (self), NULL);
  return self->shared;
}

/**
 * xinzhi_timeline_page_set_filter:
 * @filter: (nullable): a filter shared with other views, or %NULL for one of its own
 *
 * Shows only the events @filter matches; the sector and person dropdowns show and
 * change @filter.
 */
void
xinzhi_timeline_page_set_filter (XinzhiTimelinePage *self,
                                 XinzhiFilter       *filter)
{
  XinzhiFilter *old;

  g_return_if_fail (XINZHI_IS_TIMELINE_PAGE (self));
  g_return_if_fail (filter == NULL || XINZHI_IS_FILTER (filter));

  old = self->shared;
  xinzhi_filter_follow (&self->shared, filter,
                        xinzhi_view_defer_while_hidden (GTK_WIDGET (self), G_CALLBACK (shared_filter_changed_cb)),
                        self);
  shared_filter_changed_cb (self);
  if (self->shared != old)
    g_object_notify (G_OBJECT (self), "filter");
}

/**
 * xinzhi_timeline_page_export:
 * @file: where to write; a name ending in ".svg" gives SVG, any other PNG
 * @error: why it could not be written
 *
 * Writes the timeline as a figure (xinzhi_timeline_export_figure()): the span that
 * filters the views, or every event the filters show; the corpus's title and the
 * span above; the outlets the events cite, the corpus and the day below.  A toast
 * then offers to open the folder.
 *
 * Returns: whether the image was written
 */
gboolean
xinzhi_timeline_page_export (XinzhiTimelinePage  *self,
                             GFile               *file,
                             GError             **error)
{
  g_autoptr(XinzhiTimelineFigureTexts) texts = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint32 first, last;

  g_return_val_if_fail (XINZHI_IS_TIMELINE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->corpus == NULL || !xinzhi_timeline_get_figure_span (self->timeline, &first, &last))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There are no events to export"));
      return FALSE;
    }

  texts = xinzhi_timeline_figure_texts_new (self->corpus, G_LIST_MODEL (self->filtered), self->shared, first, last);
  if (!xinzhi_timeline_export_figure (self->timeline, texts, file, error))
    return FALSE;

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the file the timeline went to */
  message = g_strdup_printf (_("Timeline exported to “%s”"), name);
  xinzhi_dialogs_toast_saved (GTK_WIDGET (self), message, file);
  return TRUE;
}

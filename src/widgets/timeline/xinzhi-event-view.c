/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-document.h"
#include "xinzhi-event-view.h"
#include "xinzhi-note-editor.h"
#include "xinzhi-person.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-reviewed-filter.h"
#include "xinzhi-sector.h"

/* The details of an event, beside the timeline: its date and how precisely the sources
 * give it, its title and summary, the person's star and note, the quotes it gathers
 * (under "reviewed only", those somebody has reviewed), its sectors and the paragraphs
 * it rests on.  A quote opens in Quotes, a source in Articles, through the window's
 * actions. */
struct _XinzhiEventView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *scrolled_window;
  GtkWidget          *suggestion_box;
  GtkLabel           *suggestion_label;
  GtkWidget          *accept_button;
  GtkWidget          *accept_all_button;
  gboolean            editable;   /* the corpus shown is one a person owns */
  GtkWidget          *title_button;
  GtkWidget          *reject_button;
  GtkLabel           *date_label;
  GtkLabel           *precision_label;
  GtkLabel           *title_label;
  GtkLabel           *title_zh_label;
  GtkLabel           *summary_label;
  XinzhiNoteEditor   *note_editor;
  GtkWidget          *quotes_heading;
  GtkListBox         *quotes_list;
  GtkWidget          *sectors_heading;
  AdwWrapBox         *sectors_box;
  GtkListBox         *sources_list;

  /* Owned */
  XinzhiEvent        *event;
  XinzhiReviewedFilter *reviewed;
  GtkFilterListModel   *quotes;   /* the event's quotes, under "reviewed only" the reviewed ones */
};

G_DEFINE_FINAL_TYPE (XinzhiEventView, xinzhi_event_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
precision_text (XinzhiEvent *event)
{
  if (xinzhi_event_get_date_estimated (event))
    return _("Estimated: the sources do not state the date");

  switch (xinzhi_event_get_start (event)->precision)
    {
    case XINZHI_DATE_PRECISION_YEAR:
      return _("The sources give the year only");
    case XINZHI_DATE_PRECISION_MONTH:
      return _("The sources give the month, not the day");
    case XINZHI_DATE_PRECISION_DAY:
      return xinzhi_event_is_range (event) ? _("Over several days") : _("The sources give the day");
    case XINZHI_DATE_PRECISION_NONE:
    default:
      return "";
    }
}

/* A row's name for a screen reader, in place of its title alone: an AdwActionRow is
 * labelled by its title label, which wins over a label of its own. */
static void
set_row_label (GtkWidget  *row,
               const char *label)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
create_quote_row (gpointer item,
                  gpointer user_data)
{
  return xinzhi_quote_row_new_list_box_row (XINZHI_QUOTE (item));
}

static GtkWidget *
create_source_row (XinzhiDocument *document,
                   guint           paragraph)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = xinzhi_document_dup_date_label (document);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  const char *outlet = xinzhi_document_get_outlet (document);

  /* Translators: outlet · date · paragraph number of an article */
  subtitle = g_strdup_printf (_("%s · %s · paragraph %u"),
                              outlet ? outlet : _("Outlet not named"), date, paragraph + 1);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xinzhi_document_get_title (document));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  /* Two paragraphs of one article are two sources: the name says which. */
  /* Translators: how a screen reader reads a row: its title, then what it shows under
   * the title */
  label = g_strdup_printf (_("%s, %s"), xinzhi_document_get_title (document), subtitle);
  set_row_label (row, label);

  return row;
}

static void
quotes_items_changed_cb (XinzhiEventView *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->quotes)) > 0;

  gtk_widget_set_visible (self->quotes_heading, any);
  gtk_widget_set_visible (GTK_WIDGET (self->quotes_list), any);
}

static void
quote_row_activated_cb (XinzhiEventView *self,
                        GtkListBoxRow   *row)
{
  g_autoptr(XinzhiQuote) quote = g_list_model_get_item (G_LIST_MODEL (self->quotes),
                                                        gtk_list_box_row_get_index (row));

  g_return_if_fail (quote != NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-quote", "s", xinzhi_quote_get_id (quote));
}

static void
source_row_activated_cb (XinzhiEventView *self,
                         GtkListBoxRow   *row)
{
  guint index = gtk_list_box_row_get_index (row);
  XinzhiDocument *document;
  guint paragraph;

  g_return_if_fail (self->event != NULL && index < xinzhi_event_get_n_sources (self->event));
  document = xinzhi_event_get_source (self->event, index, &paragraph);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-document", "(su)",
                              xinzhi_document_get_id (document), paragraph);
}

static void
clear_sectors (XinzhiEventView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sectors_box))))
    adw_wrap_box_remove (self->sectors_box, child);
}

static void
clear_sources (XinzhiEventView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list))))
    gtk_list_box_remove (self->sources_list, child);
}

/* Whether @event's title is its summary's words, or their beginning cut with "…", as
 * the extractor writes a candidate's title. */
static gboolean
title_is_summary (XinzhiEvent *event)
{
  const char *title = xinzhi_event_get_display_title (event);
  const char *summary = xinzhi_event_get_summary (event);
  gsize length = strlen (title);

  if (g_str_has_suffix (title, "…"))
    length -= strlen ("…");
  return strncmp (title, summary, length) == 0 && (length == strlen (title) ? summary[length] == '\0' : TRUE);
}

/* What the extractor found a candidate event by: the words that date it and its rule,
 * and what it said of the date.  The words are corpus text: plain text. */
static void
update_suggestion (XinzhiEventView *self)
{
  GtkWidget *buttons[] = { self->accept_button, self->accept_all_button, self->reject_button };
  const char *rule, *evidence, *note;
  g_autofree char *words = NULL;
  g_autofree char *found = NULL;
  g_autofree char *text = NULL;

  if (self->event == NULL || !xinzhi_event_get_suggestion (self->event, &rule, &evidence, &note))
    {
      gtk_widget_set_visible (self->suggestion_box, FALSE);
      return;
    }

  words = g_strstrip (g_strdup (evidence));
  found = g_strdup_printf (_("Found by the words “%1$s” (rule %2$s)."), words, rule);
  /* The summary is the sentence's own words, not a summary of ours, and so is the
   * title until a person changes it; what the extractor said of the date, on a line of
   * its own. */
  text = g_strconcat (found, " ",
                      title_is_summary (self->event) ? _("The title and summary are the article’s own words.")
                                                     : _("The summary is the article’s own words; the title was changed."),
                      note != NULL ? "\n" : NULL, note, NULL);
  gtk_label_set_text (self->suggestion_label, text);
  /* The window's win.accept-event, win.accept-article-events and win.reject-event, for
   * this event. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (buttons[i]), "s", xinzhi_event_get_id (self->event));
  gtk_widget_set_visible (self->suggestion_box, TRUE);
}

static void
update_event (XinzhiEventView *self)
{
  XinzhiEvent *event = self->event;
  g_autofree char *date = NULL;
  GListModel *sectors;
  guint n_sectors;

  clear_sectors (self);
  clear_sources (self);
  update_suggestion (self);
  gtk_widget_set_visible (self->title_button, self->editable && event != NULL);
  xinzhi_note_editor_set_item (self->note_editor, "event", event ? xinzhi_event_get_id (event) : NULL);
  gtk_filter_list_model_set_model (self->quotes, event ? xinzhi_event_get_quotes (event) : NULL);
  if (event == NULL)
    return;

  date = xinzhi_event_dup_date_label (event);
  gtk_label_set_text (self->date_label, date);
  /* An estimate says why, in the words of the file's note. */
  if (xinzhi_event_get_date_estimated (event) && xinzhi_event_get_date_note (event) != NULL)
    {
      /* Translators: %s is why an event's date is an estimate, from the corpus file */
      g_autofree char *estimated = g_strdup_printf (_("Estimated: %s"), xinzhi_event_get_date_note (event));

      gtk_label_set_text (self->precision_label, estimated);
    }
  else
    gtk_label_set_text (self->precision_label, precision_text (event));
  gtk_label_set_text (self->title_label, xinzhi_event_get_display_title (event));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->title_button), "s", xinzhi_event_get_id (event));
  gtk_label_set_text (self->title_zh_label, xinzhi_event_get_other_title (event) ? xinzhi_event_get_other_title (event) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_zh_label), xinzhi_event_get_other_title (event) != NULL);
  gtk_label_set_text (self->summary_label, xinzhi_event_get_summary (event));
  /* A candidate's title is often its whole sentence, which is its summary: once is
   * enough. */
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label),
                          g_strcmp0 (xinzhi_event_get_summary (event), xinzhi_event_get_display_title (event)) != 0);

  sectors = xinzhi_event_get_sectors (event);
  n_sectors = g_list_model_get_n_items (sectors);
  for (guint i = 0; i < n_sectors; i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);
      g_autofree char *text = g_strdup_printf ("%s  %s", xinzhi_sector_get_display_name (sector),
                                               xinzhi_sector_get_other_name (sector));
      GtkWidget *chip = gtk_label_new (text);

      gtk_widget_add_css_class (chip, "xinzhi-tag");
      gtk_widget_add_css_class (chip, "caption");
      adw_wrap_box_append (self->sectors_box, chip);
    }
  gtk_widget_set_visible (self->sectors_heading, n_sectors > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sectors_box), n_sectors > 0);

  for (guint i = 0; i < xinzhi_event_get_n_sources (event); i++)
    {
      guint paragraph;
      XinzhiDocument *document = xinzhi_event_get_source (event, i, &paragraph);

      gtk_list_box_append (self->sources_list, create_source_row (document, paragraph));
    }
}

static void
xinzhi_event_view_dispose (GObject *object)
{
  XinzhiEventView *self = XINZHI_EVENT_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_EVENT_VIEW);
  g_clear_object (&self->quotes);
  g_clear_object (&self->reviewed);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (xinzhi_event_view_parent_class)->dispose (object);
}

static void
xinzhi_event_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XinzhiEventView *self = XINZHI_EVENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_event_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XinzhiEventView *self = XINZHI_EVENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      xinzhi_event_view_set_event (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_event_view_class_init (XinzhiEventViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_event_view_dispose;
  object_class->get_property = xinzhi_event_view_get_property;
  object_class->set_property = xinzhi_event_view_set_property;

  /**
   * XinzhiEventView:event:
   *
   * The event shown, or %NULL for none.
   */
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         XINZHI_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XINZHI_TYPE_NOTE_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-event-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, accept_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, accept_all_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, title_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, reject_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, date_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, precision_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, title_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, title_zh_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, note_editor);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, quotes_heading);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, quotes_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, sectors_heading);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, sectors_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiEventView, sources_list);
  gtk_widget_class_bind_template_callback (widget_class, quote_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_row_activated_cb);
}

static void
xinzhi_event_view_init (XinzhiEventView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reviewed = XINZHI_REVIEWED_FILTER (xinzhi_reviewed_filter_new ());
  self->quotes = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->reviewed)));
  g_signal_connect_object (self->quotes, "items-changed", G_CALLBACK (quotes_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->quotes_list, G_LIST_MODEL (self->quotes), create_quote_row, NULL, NULL);
  quotes_items_changed_cb (self);
}

/**
 * xinzhi_event_view_get_event:
 *
 * Returns: (transfer none) (nullable): the event shown
 */
XinzhiEvent *
xinzhi_event_view_get_event (XinzhiEventView *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT_VIEW (self), NULL);
  return self->event;
}

/**
 * xinzhi_event_view_set_editable:
 * @editable: whether the corpus shown is one a person owns and may correct
 *
 * Offers a title of the person's own (Change Title…) or not.
 */
void
xinzhi_event_view_set_editable (XinzhiEventView *self,
                                gboolean         editable)
{
  g_return_if_fail (XINZHI_IS_EVENT_VIEW (self));

  self->editable = !!editable;
  gtk_widget_set_visible (self->title_button, self->editable && self->event != NULL);
}

/**
 * xinzhi_event_view_set_event:
 * @event: (nullable): the event to show
 */
void
xinzhi_event_view_set_event (XinzhiEventView *self,
                             XinzhiEvent     *event)
{
  g_return_if_fail (XINZHI_IS_EVENT_VIEW (self));
  g_return_if_fail (event == NULL || XINZHI_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  update_event (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

/**
 * xinzhi_event_view_get_reviewed_only:
 *
 * Returns: whether the quotes nobody has reviewed are left out
 */
gboolean
xinzhi_event_view_get_reviewed_only (XinzhiEventView *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT_VIEW (self), FALSE);
  return xinzhi_reviewed_filter_get_reviewed_only (self->reviewed);
}

/**
 * xinzhi_event_view_set_reviewed_only:
 * @reviewed_only: whether to leave out the quotes nobody has reviewed
 */
void
xinzhi_event_view_set_reviewed_only (XinzhiEventView *self,
                                     gboolean         reviewed_only)
{
  g_return_if_fail (XINZHI_IS_EVENT_VIEW (self));

  xinzhi_reviewed_filter_set_reviewed_only (self->reviewed, reviewed_only);
}

/**
 * xinzhi_event_view_set_notes:
 * @notes: (nullable): the person's stars and notes
 *
 * Lets the person star the event shown and write a note on it.
 */
void
xinzhi_event_view_set_notes (XinzhiEventView *self,
                             XinzhiNotes     *notes)
{
  g_return_if_fail (XINZHI_IS_EVENT_VIEW (self));

  xinzhi_note_editor_set_notes (self->note_editor, notes);
}

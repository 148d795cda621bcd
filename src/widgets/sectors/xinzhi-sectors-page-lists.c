/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-mention-row.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-sectors-page-private.h"

/* The Sectors view's lists of the selected sector (xinzhi-sectors-page.c holds the rest
 * of the view): its mentions in context, a hundred at first and more at each press of
 * the button under them, its events and its quotes.  With a span, each list keeps what
 * lies in it for certain and then, under a heading that says so, what only possibly
 * does; a row opens its passage in the article.  The heat map's cells scroll the
 * mentions to an article's first. */

/* Frames to wait for the mentions to be laid out before scrolling one into view. */
#define SCROLL_MAX_FRAMES 30
/* About how many characters of a quote a row shows. */
#define QUOTE_SNIPPET_CHARS 180

/* A sector's page shows this many mentions at first, and this many more at each press
 * of its button: a sector of a large corpus has thousands, and a list box makes a row
 * for each item it is given. */
#define MENTIONS_SHOWN 100
#define MENTIONS_MORE 200

/* Opens the article at the passage and marks it, through the window. */
static void
show_mention (XinzhiSectorsPage *self,
              XinzhiDocument    *document,
              guint              paragraph,
              guint              start,
              guint              end)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-mention", "(suuu)",
                              xinzhi_document_get_id (document), paragraph, start, end);
}

/* Shortens @text to about @max_chars characters, at a space where there is one. */
static char *
shorten_text (const char *text,
              guint       max_chars)
{
  const char *end = text;
  const char *space = NULL;
  GString *result;

  for (guint i = 0; i < max_chars && *end != '\0'; i++)
    {
      if (g_unichar_isspace (g_utf8_get_char (end)))
        space = end;
      end = g_utf8_next_char (end);
    }

  if (*end == '\0')
    return g_strdup (text);

  if (space != NULL && space > text)
    end = space;

  result = g_string_new_len (text, end - text);
  g_string_append (result, "…");
  return g_string_free (result, FALSE);
}

static GtkWidget *
create_row_chevron (void)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_add_css_class (image, "dimmed");
  return image;
}

static GtkWidget *
create_mention_row (gpointer item,
                    gpointer user_data)
{
  return xinzhi_mention_row_new (XINZHI_MENTION (item));
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  XinzhiEvent *event = XINZHI_EVENT (item);
  g_autofree char *date = xinzhi_event_dup_date_label (event);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  const char *other_title = xinzhi_event_get_other_title (event);
  GtkWidget *row = adw_action_row_new ();

  if (other_title != NULL)
    /* Translators: under an event's title: its date, then its title in the other
     * language (Chinese under English, English under Chinese) */
    subtitle = g_strdup_printf (_("%s · %s"), date, other_title);
  else
    subtitle = g_steal_pointer (&date);

  /* Corpus text: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xinzhi_event_get_display_title (event));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row),
                                    xinzhi_event_get_n_sources (event) > 0);
  if (xinzhi_event_get_n_sources (event) > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_row_chevron ());
  /* Translators: how a screen reader reads a row: its title, then what it shows under
   * the title */
  label = g_strdup_printf (_("%s, %s"), xinzhi_event_get_display_title (event), subtitle);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return row;
}

static GtkWidget *
create_quote_row (gpointer item,
                  gpointer user_data)
{
  XinzhiQuote *quote = XINZHI_QUOTE (item);
  XinzhiDocument *document = xinzhi_quote_get_document (quote);
  g_autofree char *snippet = shorten_text (xinzhi_quote_get_text (quote), QUOTE_SNIPPET_CHARS);
  g_autofree char *subtitle = NULL;
  g_autofree char *date = xinzhi_document_dup_date_label (document);
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *kind;

  if (xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT)
    /* Translators: a direct quote, in quotation marks */
    subtitle = g_strdup_printf (_("“%s”"), snippet);
  else
    subtitle = g_steal_pointer (&snippet);

  /* Translators: a quote's row: the speaker, then the date of the article */
  title = g_strdup_printf (_("%s · %s"),
                           xinzhi_person_get_display_name (xinzhi_quote_get_person (quote)), date);

  /* Corpus text: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The words matter more than the speaker's name: they read as the row's body. */
  gtk_widget_add_css_class (row, "property");

  kind = gtk_label_new (xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT
                        ? C_("quote kind", "Direct")
                        : C_("quote kind", "Paraphrase"));
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dimmed");
  if (!xinzhi_quote_get_reviewed (quote))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), xinzhi_quote_row_new_unreviewed_tag ());
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_row_chevron ());
  /* The speaker and date alone would name several rows alike. */
  label = xinzhi_quote_row_format_accessible_label (quote, QUOTE_SNIPPET_CHARS, FALSE);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return row;
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }

  return FALSE;
}

/* Where an event, a quote, or a mention (by its article) falls against the span. */
static XinzhiSpanMatch
match_span (XinzhiSectorsPage *self,
            gpointer           item)
{
  if (XINZHI_IS_MENTION (item))
    item = xinzhi_mention_get_document (XINZHI_MENTION (item));
  return xinzhi_filter_match_span (self->filter, item);
}

static gboolean
event_filter_func (gpointer item,
                   gpointer user_data)
{
  XinzhiSectorsPage *self = user_data;
  XinzhiSector *sector = xinzhi_sectors_page_get_selected_sector (self);

  return sector != NULL &&
         match_span (self, item) != XINZHI_SPAN_OUT &&
         model_contains (xinzhi_event_get_sectors (XINZHI_EVENT (item)), sector);
}

static gboolean
quote_filter_func (gpointer item,
                   gpointer user_data)
{
  XinzhiSectorsPage *self = user_data;
  XinzhiSector *sector = xinzhi_sectors_page_get_selected_sector (self);

  return sector != NULL &&
         match_span (self, item) != XINZHI_SPAN_OUT &&
         (!xinzhi_filter_get_reviewed_only (self->filter) || xinzhi_quote_get_reviewed (item)) &&
         model_contains (xinzhi_quote_get_sectors (XINZHI_QUOTE (item)), sector);
}

static gboolean
mention_in_filter_func (gpointer item,
                        gpointer user_data)
{
  return match_span (user_data, item) == XINZHI_SPAN_IN;
}

static gboolean
mention_possibly_filter_func (gpointer item,
                              gpointer user_data)
{
  return match_span (user_data, item) == XINZHI_SPAN_POSSIBLY;
}

/* Events or quotes: those in the span for certain first, those possibly in it after;
 * then events earliest first, quotes newest first, as everywhere. */
static int
compare_in_span (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  XinzhiSpanMatch match_a = match_span (user_data, (gpointer) a);
  XinzhiSpanMatch match_b = match_span (user_data, (gpointer) b);

  if (match_a != match_b)
    return match_a > match_b ? -1 : 1;
  if (XINZHI_IS_EVENT ((gpointer) a))
    return xinzhi_event_compare_func (a, b, NULL);
  return xinzhi_quote_row_compare_quotes (a, b, NULL);
}

/* What @row of one of the lists shows (borrowed): its mention, or the item at its
 * place in the model the list is bound to. */
static gpointer
get_row_item (XinzhiSectorsPage *self,
              GtkListBoxRow     *row)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (row));
  GListModel *model;
  g_autoptr(GObject) item = NULL;

  if (XINZHI_IS_MENTION_ROW (row))
    return xinzhi_mention_row_get_mention (XINZHI_MENTION_ROW (row));
  if (list == GTK_WIDGET (self->events_list))
    model = G_LIST_MODEL (self->events_shown);
  else if (list == GTK_WIDGET (self->quotes_list))
    model = G_LIST_MODEL (self->quotes_shown);
  else
    return NULL;

  item = g_list_model_get_item (model, gtk_list_box_row_get_index (row));
  /* The model holds it as long as the row shows it. */
  return item;
}

/* In a sector's lists, what is only possibly in the span comes after the rest, under
 * a heading that says so. */
static void
possibly_header_func (GtkListBoxRow *row,
                      GtkListBoxRow *before,
                      gpointer       user_data)
{
  XinzhiSectorsPage *self = user_data;
  gpointer item = get_row_item (self, row);
  gpointer before_item = before ? get_row_item (self, before) : NULL;
  GtkWidget *header;

  if (item == NULL ||
      match_span (self, item) != XINZHI_SPAN_POSSIBLY ||
      (before_item != NULL && match_span (self, before_item) == XINZHI_SPAN_POSSIBLY))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (_("Possibly in the time span: their dates are too coarse, or only "
                            "estimated, to tell"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (header), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (header, "caption-heading");
  gtk_widget_add_css_class (header, "possibly-in-span");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 9);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
refilter (GtkFilterListModel *model)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (model);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* The button under the mentions shows more of them while some are not shown. */
static void
update_more_mentions (XinzhiSectorsPage *self)
{
  GListModel *mentions = gtk_slice_list_model_get_model (self->mention_slice);
  guint n = mentions ? g_list_model_get_n_items (mentions) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->mention_slice));
  guint more = MIN (n - shown, MENTIONS_MORE);
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->more_mentions_button), shown < n);
  if (shown >= n)
    return;

  /* Translators: a button under a sector's mentions; %u is how many it adds */
  label = g_strdup_printf (ngettext ("Show %u More Mention", "Show %u More Mentions", more), more);
  gtk_button_set_label (self->more_mentions_button, label);
}

static void
more_mentions_clicked_cb (XinzhiSectorsPage *self)
{
  gtk_slice_list_model_set_size (self->mention_slice,
                                 gtk_slice_list_model_get_size (self->mention_slice) + MENTIONS_MORE);
  update_more_mentions (self);
}

/* Stops scrolling to an article's mention, if it had not come to it yet. */
void
_xinzhi_sectors_page_stop_scrolling (XinzhiSectorsPage *self)
{
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  g_clear_object (&self->scroll_document);
}

static GtkWidget *
find_mention_row (XinzhiSectorsPage *self,
                  XinzhiDocument    *document)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->mentions_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (XINZHI_IS_MENTION_ROW (row) &&
          xinzhi_mention_get_document (xinzhi_mention_row_get_mention (XINZHI_MENTION_ROW (row))) == document)
        return row;
    }

  return NULL;
}

/* Scrolls the first mention in scroll_document into view and focuses it, once the
 * mentions are laid out. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  XinzhiSectorsPage *self = XINZHI_SECTORS_PAGE (widget);
  GtkWidget *row = find_mention_row (self, self->scroll_document);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->detail_scroll);
  graphene_rect_t bounds;

  if (row == NULL)
    goto done;

  if (++self->scroll_frames < 2 ||
      !gtk_widget_get_mapped (row) ||
      !gtk_widget_compute_bounds (row, viewport, &bounds) ||
      bounds.size.height <= 0)
    {
      if (self->scroll_frames < SCROLL_MAX_FRAMES)
        return G_SOURCE_CONTINUE;
      goto done;
    }

  if (GTK_IS_VIEWPORT (viewport))
    gtk_viewport_scroll_to (GTK_VIEWPORT (viewport), row, NULL);
  gtk_widget_grab_focus (row);

done:
  self->scroll_tick = 0;
  g_clear_object (&self->scroll_document);
  return G_SOURCE_REMOVE;
}

static void
show_mentions_up_to (XinzhiSectorsPage *self,
                     guint              position)
{
  if (position < gtk_slice_list_model_get_size (self->mention_slice))
    return;

  gtk_slice_list_model_set_size (self->mention_slice, position + MENTIONS_SHOWN);
  update_more_mentions (self);
}

/* Scrolls the sector's first mention in @document into view, showing more of the
 * mentions first when it is past those shown, and focuses it once laid out. */
void
_xinzhi_sectors_page_scroll_to_document (XinzhiSectorsPage *self,
                                         XinzhiDocument    *document)
{
  XinzhiSector *sector = xinzhi_sectors_page_get_selected_sector (self);

  _xinzhi_sectors_page_stop_scrolling (self);

  /* The document's first mention may be past those shown.  Without a span the list
   * is the sector's, and its documents are had without making mentions. */
  if (sector != NULL && !xinzhi_filter_get_span (self->filter, NULL, NULL))
    {
      for (guint i = 0; i < xinzhi_sector_get_n_mentions (sector); i++)
        if (xinzhi_sector_get_mention_document (sector, i) == document)
          {
            show_mentions_up_to (self, i);
            break;
          }
    }
  else if (sector != NULL)
    {
      GListModel *shown = gtk_slice_list_model_get_model (self->mention_slice);

      for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
        {
          g_autoptr(XinzhiMention) mention = g_list_model_get_item (shown, i);

          if (xinzhi_mention_get_document (mention) == document)
            {
              show_mentions_up_to (self, i);
              break;
            }
        }
    }

  self->scroll_document = g_object_ref (document);
  self->scroll_frames = 0;
  self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

static void
mentions_list_row_activated_cb (XinzhiSectorsPage *self,
                                GtkListBoxRow     *row,
                                GtkListBox        *list_box)
{
  XinzhiMention *mention = xinzhi_mention_row_get_mention (XINZHI_MENTION_ROW (row));

  show_mention (self,
                xinzhi_mention_get_document (mention),
                xinzhi_mention_get_paragraph (mention),
                xinzhi_mention_get_start (mention),
                xinzhi_mention_get_end (mention));
}

static void
events_list_row_activated_cb (XinzhiSectorsPage *self,
                              GtkListBoxRow     *row,
                              GtkListBox        *list_box)
{
  XinzhiEvent *event = get_row_item (self, row);
  XinzhiDocument *document;
  guint paragraph;

  if (event == NULL || xinzhi_event_get_n_sources (event) == 0)
    return;

  /* An event is shown by its first source: the whole paragraph. */
  document = xinzhi_event_get_source (event, 0, &paragraph);
  show_mention (self, document, paragraph, 0,
                strlen (xinzhi_document_get_paragraph (document, paragraph)->text));
}

static void
quotes_list_row_activated_cb (XinzhiSectorsPage *self,
                              GtkListBoxRow     *row,
                              GtkListBox        *list_box)
{
  XinzhiQuote *quote = get_row_item (self, row);

  if (quote == NULL)
    return;

  show_mention (self,
                xinzhi_quote_get_document (quote),
                xinzhi_quote_get_paragraph (quote),
                xinzhi_quote_get_start (quote),
                xinzhi_quote_get_end (quote));
}

/* The template callbacks of the lists; after the template is set. */
void
_xinzhi_sectors_page_class_lists_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, mentions_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_mentions_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, events_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, quotes_list_row_activated_cb);
}

/* The lists' models over the corpus's events and quotes and the sector's mentions, and
 * the list boxes bound to them; before the page follows a filter. */
void
_xinzhi_sectors_page_lists_init (XinzhiSectorsPage *self)
{
  GtkCustomFilter *filter;

  filter = gtk_custom_filter_new (event_filter_func, self, NULL);
  self->events = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  filter = gtk_custom_filter_new (quote_filter_func, self, NULL);
  self->quotes = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  /* The sector's events earliest first, its quotes newest first, as everywhere; with a
   * span, those possibly in it after the rest. */
  self->events_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_in_span, self, NULL));
  self->quotes_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_in_span, self, NULL));
  self->events_shown = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->events)),
                                                g_object_ref (self->events_sorter));
  self->quotes_shown = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->quotes)),
                                                g_object_ref (self->quotes_sorter));
  gtk_list_box_bind_model (self->events_list, G_LIST_MODEL (self->events_shown), create_event_row, NULL, NULL);
  gtk_list_box_bind_model (self->quotes_list, G_LIST_MODEL (self->quotes_shown), create_quote_row, NULL, NULL);
  /* The sector's mentions in the span, then those possibly in it: two filters one
   * after the other, so that each part keeps the sector's order at the cost of one
   * pass. */
  filter = gtk_custom_filter_new (mention_in_filter_func, self, NULL);
  self->mentions_in = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  filter = gtk_custom_filter_new (mention_possibly_filter_func, self, NULL);
  self->mentions_possibly = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  {
    GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

    g_list_store_append (parts, self->mentions_in);
    g_list_store_append (parts, self->mentions_possibly);
    self->mention_slice = gtk_slice_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts))),
                                                    0, MENTIONS_SHOWN);
  }
  gtk_list_box_bind_model (self->mentions_list, G_LIST_MODEL (self->mention_slice),
                           create_mention_row, NULL, NULL);
  gtk_list_box_set_header_func (self->mentions_list, possibly_header_func, self, NULL);
  gtk_list_box_set_header_func (self->events_list, possibly_header_func, self, NULL);
  gtk_list_box_set_header_func (self->quotes_list, possibly_header_func, self, NULL);
}

/* Shows @sector's mentions, from the first, and its events and quotes; none for NULL. */
void
_xinzhi_sectors_page_fill_lists (XinzhiSectorsPage *self,
                                 XinzhiSector      *sector)
{
  refilter (self->events);
  refilter (self->quotes);

  if (sector == NULL)
    {
      gtk_filter_list_model_set_model (self->mentions_in, NULL);
      gtk_filter_list_model_set_model (self->mentions_possibly, NULL);
      update_more_mentions (self);
      return;
    }

  gtk_slice_list_model_set_size (self->mention_slice, MENTIONS_SHOWN);
  gtk_filter_list_model_set_model (self->mentions_in, xinzhi_sector_get_mentions (sector));
  gtk_filter_list_model_set_model (self->mentions_possibly, xinzhi_sector_get_mentions (sector));
  update_more_mentions (self);

  /* The headings follow the span and the rows around each, which change together:
   * set them again on the whole lists. */
  gtk_list_box_invalidate_headers (self->mentions_list);
  gtk_list_box_invalidate_headers (self->events_list);
  gtk_list_box_invalidate_headers (self->quotes_list);

  gtk_widget_set_visible (self->events_box,
                          g_list_model_get_n_items (G_LIST_MODEL (self->events)) > 0);
  gtk_widget_set_visible (self->quotes_box,
                          g_list_model_get_n_items (G_LIST_MODEL (self->quotes)) > 0);
}

/* The span changed: the mentions are filtered and the events and quotes sorted again;
 * the page fills the lists next. */
void
_xinzhi_sectors_page_lists_follow_span (XinzhiSectorsPage *self)
{
  refilter (self->mentions_in);
  refilter (self->mentions_possibly);
  gtk_sorter_changed (self->events_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->quotes_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

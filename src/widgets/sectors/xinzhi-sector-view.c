/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-mention-row.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-sector-row.h"
#include "xinzhi-sector-view-private.h"

/* The Sectors view's detail pane for one sector (the page, xinzhi-sectors-page.c, holds
 * the list of sectors, their counts against the span and the heat map): its group,
 * names, summary and terms, a button that filters every view by it, its mentions per
 * month, its mentions in context, a hundred at first and more at each press of the
 * button under them, its events and its quotes.  With a span, each list keeps what
 * lies in it for certain and then, under a heading that says so, what only possibly
 * does; a row opens its passage in the article (win.show-mention).  The heat map's
 * cells scroll the mentions to an article's first. */

G_DEFINE_FINAL_TYPE (XinzhiSectorView, xinzhi_sector_view, GTK_TYPE_WIDGET)

/* Frames to wait for the mentions to be laid out before scrolling one into view. */
#define SCROLL_MAX_FRAMES 30

/* A sector's page shows this many mentions at first, and this many more at each press
 * of its button: a sector of a large corpus has thousands, and a list box makes a row
 * for each item it is given. */
#define MENTIONS_SHOWN 100
#define MENTIONS_MORE 200
/* Rows a frame of each of the detail's three lists. */
#define DETAIL_STEP (XINZHI_PACED_LIST_STEP / 3)

/* Opens the article at the passage and marks it, through the window. */
static void
show_mention (XinzhiSectorView *self,
              XinzhiDocument    *document,
              guint              paragraph,
              guint              start,
              guint              end)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-mention", "(suuu)",
                              xinzhi_document_get_id (document), paragraph, start, end);
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
  return xinzhi_quote_row_new_list_box_row (XINZHI_QUOTE (item));
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
match_span (XinzhiSectorView *self,
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
  XinzhiSectorView *self = user_data;
  XinzhiSector *sector = self->sector;

  return sector != NULL &&
         match_span (self, item) != XINZHI_SPAN_OUT &&
         model_contains (xinzhi_event_get_sectors (XINZHI_EVENT (item)), sector);
}

static gboolean
quote_filter_func (gpointer item,
                   gpointer user_data)
{
  XinzhiSectorView *self = user_data;
  XinzhiSector *sector = self->sector;

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
get_row_item (XinzhiSectorView *self,
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
  XinzhiSectorView *self = user_data;
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
update_more_mentions (XinzhiSectorView *self)
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
more_mentions_clicked_cb (XinzhiSectorView *self)
{
  gtk_slice_list_model_set_size (self->mention_slice,
                                 gtk_slice_list_model_get_size (self->mention_slice) + MENTIONS_MORE);
  update_more_mentions (self);
}

/**
 * xinzhi_sector_view_stop_scrolling:
 *
 * Stops scrolling to an article's mention, if it had not come to it yet.
 */
void
xinzhi_sector_view_stop_scrolling (XinzhiSectorView *self)
{
  g_return_if_fail (XINZHI_IS_SECTOR_VIEW (self));

  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  g_clear_object (&self->scroll_document);
}

static GtkWidget *
find_mention_row (XinzhiSectorView *self,
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
  XinzhiSectorView *self = XINZHI_SECTOR_VIEW (widget);
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
show_mentions_up_to (XinzhiSectorView *self,
                     guint              position)
{
  if (position < gtk_slice_list_model_get_size (self->mention_slice))
    return;

  gtk_slice_list_model_set_size (self->mention_slice, position + MENTIONS_SHOWN);
  update_more_mentions (self);
}

/**
 * xinzhi_sector_view_scroll_to_document:
 * @document: an article that mentions the sector shown
 *
 * Scrolls the sector's first mention in @document into view, showing more of the
 * mentions first when it is past those shown, and focuses it once laid out.
 */
void
xinzhi_sector_view_scroll_to_document (XinzhiSectorView *self,
                                       XinzhiDocument   *document)
{
  XinzhiSector *sector;

  g_return_if_fail (XINZHI_IS_SECTOR_VIEW (self));
  g_return_if_fail (XINZHI_IS_DOCUMENT (document));

  sector = self->sector;

  xinzhi_sector_view_stop_scrolling (self);

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

  /* Its row, made now if the list was still taking its rows a batch a frame. */
  xinzhi_paced_list_finish (self->mentions_paced);
  self->scroll_document = g_object_ref (document);
  self->scroll_frames = 0;
  self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

static void
mentions_list_row_activated_cb (XinzhiSectorView *self,
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
events_list_row_activated_cb (XinzhiSectorView *self,
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
quotes_list_row_activated_cb (XinzhiSectorView *self,
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

/* ---- The sector's header and chart ------------------------------------------------- */

/* A term, and in a corpus a person owns a button that removes it (win.remove-term),
 * except from a sector's last term, without which it would mark nothing. */
static GtkWidget *
create_term_chip (XinzhiSector *sector,
                  const char   *term,
                  gboolean      removable)
{
  GtkWidget *label = gtk_label_new (term);
  GtkWidget *chip;
  GtkWidget *remove;
  g_autofree char *description = NULL;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (!removable)
    {
      gtk_widget_add_css_class (label, "term-chip");
      return label;
    }

  chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (chip, "term-chip");
  gtk_widget_add_css_class (chip, "removable");
  gtk_box_append (GTK_BOX (chip), label);
  remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  /* Translators: a button beside a term of a sector, in a corpus a person owns; the
   * term is quoted */
  description = g_strdup_printf (_("Remove Term “%s”"), term);
  gtk_widget_set_tooltip_text (remove, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(ss)", xinzhi_sector_get_id (sector), term);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-term");
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

static void
fill_terms (XinzhiSectorView *self,
            XinzhiSector     *sector)
{
  const char * const *terms = sector != NULL ? xinzhi_sector_get_terms (sector) : NULL;
  guint n_terms = terms != NULL ? g_strv_length ((GStrv) terms) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->terms_box))) != NULL)
    adw_wrap_box_remove (self->terms_box, child);
  for (guint i = 0; i < n_terms; i++)
    adw_wrap_box_append (self->terms_box,
                         create_term_chip (sector, terms[i], self->editable && n_terms > 1));
}

/* What is known of the first mention, and no more: "first dated mention: 7 March 2024;
 * one undated article (estimated 2024)".  A date that only may be the earliest is said
 * to be "or earlier"; an estimated date is never the first mention, however early. */
static char *
format_first_mention (const XinzhiEarliest *first)
{
  g_autofree char *dated = NULL;
  g_autofree char *undated = NULL;

  if (first->n_dated > 0)
    {
      g_autofree char *date = xinzhi_date_format (&first->first);

      if (xinzhi_earliest_is_certain (first))
        /* Translators: in a sector's summary: the date of the earliest article that
         * mentions it, of those whose date the text states */
        dated = g_strdup_printf (_("first dated mention: %s"), date);
      else
        /* Translators: in a sector's summary, when articles dated less precisely (to
         * the month or year) may mention it earlier than this date */
        dated = g_strdup_printf (_("first dated mention: %s or earlier"), date);
    }
  else
    /* Translators: in a sector's summary, when no article that mentions it states its
     * date */
    dated = g_strdup (_("no dated mention"));

  if (first->n_estimated == 1)
    {
      g_autofree char *date = xinzhi_date_format (&first->estimated);

      /* Translators: in a sector's summary: an article that mentions it but whose date
       * the text does not state, and the date estimated for it */
      undated = g_strdup_printf (_("one undated article (estimated %s)"), date);
    }
  else if (first->n_estimated > 1)
    /* Translators: in a sector's summary: articles that mention it but whose dates the
     * texts do not state */
    undated = g_strdup_printf (ngettext ("%u undated article (dates estimated)",
                                         "%u undated articles (dates estimated)",
                                         first->n_estimated),
                               first->n_estimated);

  if (undated == NULL)
    return g_steal_pointer (&dated);

  /* Translators: in a sector's summary: the first dated mention, then the undated
   * articles */
  return g_strdup_printf (_("%s; %s"), dated, undated);
}

/* A sector's summary while a span is chosen: what lies in it, and apart, what possibly
 * does.  The first mention is left out: it is the corpus's, not the span's. */
static char *
format_span_summary (const XinzhiSpanCount *count,
                     const char            *mentions_text,
                     const char            *articles_text)
{
  g_autofree char *in_span = NULL;

  /* Translators: a sector's summary while a time span is chosen: “12 mentions”,
   * “3 articles” */
  in_span = g_strdup_printf (_("%s in %s in the time span"), mentions_text, articles_text);
  if (count->n_possibly_mentions == 0)
    return g_steal_pointer (&in_span);

  /* Translators: a sector's summary while a time span is chosen: the mentions in the
   * span (“12 mentions in 3 articles in the time span”), then how many more mentions
   * there are in how many articles whose dates cannot tell */
  return g_strdup_printf (ngettext ("%s · %u more possibly, in %u article whose date cannot tell",
                                    "%s · %u more possibly, in %u articles whose dates cannot tell",
                                    count->n_possibly_documents),
                          in_span, count->n_possibly_mentions, count->n_possibly_documents);
}

static void
fill_header (XinzhiSectorView      *self,
             XinzhiSector          *sector,
             const XinzhiSpanCount *count)
{
  guint n_mentions = count ? count->n_mentions : xinzhi_sector_get_n_mentions (sector);
  guint n_documents = count ? count->n_documents : xinzhi_sector_get_n_documents (sector);
  g_autofree char *group = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *mentions_text = NULL;
  g_autofree char *articles_text = NULL;

  /* Translators: a group of sectors and its name in the other language,
   * “Future industries · 未来产业” */
  group = g_strdup_printf (_("%s · %s"),
                           xinzhi_sector_get_group_display_name (sector),
                           xinzhi_sector_get_group_other_name (sector));
  gtk_label_set_text (self->group_label, group);
  gtk_label_set_text (self->name_label, xinzhi_sector_get_display_name (sector));
  gtk_label_set_text (self->name_zh_label, xinzhi_sector_get_other_name (sector));

  mentions_text = g_strdup_printf (ngettext ("%u mention", "%u mentions", n_mentions), n_mentions);
  articles_text = g_strdup_printf (ngettext ("%u article", "%u articles", n_documents), n_documents);
  if (count != NULL)
    counts = format_span_summary (count, mentions_text, articles_text);
  else if (n_mentions > 0)
    {
      g_autofree char *first = format_first_mention (xinzhi_sector_get_first_mention (sector));

      /* Translators: a sector's summary: “12 mentions”, “3 articles”, what is known of
       * the date of its first mention */
      counts = g_strdup_printf (_("%s in %s · %s"), mentions_text, articles_text, first);
    }
  else
    counts = g_strdup (_("Not mentioned in this corpus"));
  gtk_label_set_text (self->summary_label, counts);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->filter_button), "(ss)",
                                    "sector", xinzhi_sector_get_id (sector));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->filter_button), "win.add-filter");

  fill_terms (self, sector);
}

static void
update_chart_note (XinzhiSectorView *self)
{
  g_autofree char *note = xinzhi_sector_chart_dup_note (self->chart);

  gtk_label_set_text (self->chart_note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->chart_note_label), note != NULL);
}

/* Beside “Mentions in Context”: how many; with a span, how many in it and possibly. */
static void
update_mentions_count (XinzhiSectorView      *self,
                       XinzhiSector          *sector,
                       const XinzhiSpanCount *count)
{
  g_autofree char *text = NULL;

  if (count != NULL)
    text = xinzhi_sector_row_format_span_count (count);
  else
    text = g_strdup_printf ("%u", xinzhi_sector_get_n_mentions (sector));
  gtk_label_set_text (self->mentions_count_label, text);
}

/* ---- The view ------------------------------------------------------------------------ */

/* The lists' models over the corpus's events and quotes and the sector's mentions, and
 * the list boxes bound to them; before the page follows a filter. */
static void
lists_init (XinzhiSectorView *self)
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
  /* A list box makes a row for every item, and a sector of a large corpus has many:
   * they come in a batch a frame (XinzhiPacedList), each of the three lists a third
   * of a batch. */
  self->events_paced = xinzhi_paced_list_new (G_LIST_MODEL (self->events_shown),
                                              GTK_WIDGET (self->events_list), G_MAXUINT,
                                              DETAIL_STEP);
  self->quotes_paced = xinzhi_paced_list_new (G_LIST_MODEL (self->quotes_shown),
                                              GTK_WIDGET (self->quotes_list), G_MAXUINT,
                                              DETAIL_STEP);
  gtk_list_box_bind_model (self->events_list, G_LIST_MODEL (self->events_paced), create_event_row, NULL, NULL);
  gtk_list_box_bind_model (self->quotes_list, G_LIST_MODEL (self->quotes_paced), create_quote_row, NULL, NULL);
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
  self->mentions_paced = xinzhi_paced_list_new (G_LIST_MODEL (self->mention_slice),
                                                GTK_WIDGET (self->mentions_list), G_MAXUINT,
                                                DETAIL_STEP);
  gtk_list_box_bind_model (self->mentions_list, G_LIST_MODEL (self->mentions_paced),
                           create_mention_row, NULL, NULL);
  gtk_list_box_set_header_func (self->mentions_list, possibly_header_func, self, NULL);
  gtk_list_box_set_header_func (self->events_list, possibly_header_func, self, NULL);
  gtk_list_box_set_header_func (self->quotes_list, possibly_header_func, self, NULL);
}

/* Shows @sector's mentions, from the first, and its events and quotes; none for NULL. */
static void
fill_lists (XinzhiSectorView *self,
            XinzhiSector     *sector)
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

/**
 * xinzhi_sector_view_follow_span:
 *
 * The filter's span changed: the mentions are filtered and the events and quotes
 * sorted again.  xinzhi_sector_view_show() fills the view next, with the new counts.
 */
void
xinzhi_sector_view_follow_span (XinzhiSectorView *self)
{
  g_return_if_fail (XINZHI_IS_SECTOR_VIEW (self));

  refilter (self->mentions_in);
  refilter (self->mentions_possibly);
  gtk_sorter_changed (self->events_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->quotes_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
xinzhi_sector_view_dispose (GObject *object)
{
  XinzhiSectorView *self = XINZHI_SECTOR_VIEW (object);

  xinzhi_sector_view_stop_scrolling (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_SECTOR_VIEW);

  g_clear_object (&self->sector);
  g_clear_object (&self->filter);
  g_clear_object (&self->events_shown);
  g_clear_object (&self->quotes_shown);
  g_clear_object (&self->events);
  g_clear_object (&self->quotes);
  g_clear_object (&self->mention_slice);
  g_clear_object (&self->events_paced);
  g_clear_object (&self->quotes_paced);
  g_clear_object (&self->mentions_paced);
  g_clear_object (&self->mentions_in);
  g_clear_object (&self->mentions_possibly);
  g_clear_object (&self->events_sorter);
  g_clear_object (&self->quotes_sorter);

  G_OBJECT_CLASS (xinzhi_sector_view_parent_class)->dispose (object);
}

static void
xinzhi_sector_view_class_init (XinzhiSectorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_sector_view_dispose;

  g_type_ensure (XINZHI_TYPE_SECTOR_CHART);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-sector-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, detail_scroll);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, group_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, name_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, name_zh_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, terms_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, chart);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, chart_note_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, mentions_count_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, mentions_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, more_mentions_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, events_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, events_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, quotes_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorView, quotes_list);
  gtk_widget_class_bind_template_callback (widget_class, mentions_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_mentions_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, events_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, quotes_list_row_activated_cb);
}

static void
xinzhi_sector_view_init (XinzhiSectorView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A filter of its own until the page gives it the window's. */
  self->filter = xinzhi_filter_new ();
  lists_init (self);
}

/**
 * xinzhi_sector_view_get_sector:
 *
 * Returns: (transfer none) (nullable): the sector shown
 */
XinzhiSector *
xinzhi_sector_view_get_sector (XinzhiSectorView *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR_VIEW (self), NULL);
  return self->sector;
}

/**
 * xinzhi_sector_view_set_corpus:
 * @corpus: (nullable): the corpus whose events and quotes the lists take, and whose
 *   articles make the chart's axis
 */
void
xinzhi_sector_view_set_corpus (XinzhiSectorView *self,
                               XinzhiCorpus     *corpus)
{
  g_return_if_fail (XINZHI_IS_SECTOR_VIEW (self));
  g_return_if_fail (corpus == NULL || XINZHI_IS_CORPUS (corpus));

  xinzhi_sector_view_stop_scrolling (self);
  /* The sector shown was the other corpus's: until the page shows one of this corpus,
   * the lists hold nothing, and are not filtered by the old one (for 10,000 articles, a
   * pass over 20,000 quotes for nothing). */
  g_clear_object (&self->sector);
  xinzhi_sector_chart_set_corpus (self->chart, corpus);
  gtk_filter_list_model_set_model (self->events, corpus ? xinzhi_corpus_get_events (corpus) : NULL);
  gtk_filter_list_model_set_model (self->quotes, corpus ? xinzhi_corpus_get_quotes (corpus) : NULL);
}

/**
 * xinzhi_sector_view_set_editable:
 * @editable: whether the corpus shown is one a person owns and may correct
 *
 * Offers to remove a sector's terms (but its last) where @editable.
 */
void
xinzhi_sector_view_set_editable (XinzhiSectorView *self,
                                 gboolean          editable)
{
  g_return_if_fail (XINZHI_IS_SECTOR_VIEW (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  if (self->sector != NULL)
    fill_terms (self, self->sector);
}

/**
 * xinzhi_sector_view_set_filter:
 * @filter: the window's filter: its span, and Reviewed Only, narrow the chart
 *   and the lists (its sectors, people and outlets do not)
 *
 * The chart follows the filter itself; the page tells the view when the span changed
 * (xinzhi_sector_view_follow_span()), with the counts it keeps for every sector.
 */
void
xinzhi_sector_view_set_filter (XinzhiSectorView *self,
                               XinzhiFilter     *filter)
{
  g_return_if_fail (XINZHI_IS_SECTOR_VIEW (self));
  g_return_if_fail (XINZHI_IS_FILTER (filter));

  g_set_object (&self->filter, filter);
  xinzhi_sector_chart_set_filter (self->chart, filter);
}

/**
 * xinzhi_sector_view_show:
 * @sector: (nullable): the sector to show
 * @count: (nullable): its mentions against the span, while there is one
 *
 * Shows @sector (again, after a change of the span), from the top.
 */
void
xinzhi_sector_view_show (XinzhiSectorView      *self,
                         XinzhiSector          *sector,
                         const XinzhiSpanCount *count)
{
  g_return_if_fail (XINZHI_IS_SECTOR_VIEW (self));
  g_return_if_fail (sector == NULL || XINZHI_IS_SECTOR (sector));

  if (sector != self->sector)
    xinzhi_sector_view_stop_scrolling (self);
  g_set_object (&self->sector, sector);
  xinzhi_sector_chart_set_sector (self->chart, sector);
  if (sector == NULL)
    {
      fill_lists (self, NULL);
      return;
    }

  fill_header (self, sector, count);
  update_chart_note (self);
  update_mentions_count (self, sector, count);
  fill_lists (self, sector);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroll), 0);
}

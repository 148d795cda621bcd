/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-mention-row.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-sector-chart.h"
#include "xinzhi-sector-heatmap.h"
#include "xinzhi-sector-row.h"
#include "xinzhi-sectors-page.h"
#include "xinzhi-span-count.h"
#include "xinzhi-view.h"

/* The Sectors view: the corpus's sectors, grouped, beside everything about the one
 * selected: its names and terms, its mentions month by month on a calendar axis, every
 * mention in context, and the events and quotes that concern it.  In place of one
 * sector, the content can show the heat map of all sectors by article.  On a narrow
 * window the split view collapses and the content becomes a page of its own.
 *
 * The window's filter narrows the view by its time span alone: the counts, the chart
 * and the sector's lists keep what lies in the span for certain, and apart, what only
 * possibly does (dates too coarse, or estimated); the heat map marks its columns.  Its
 * sectors, people and outlets do not narrow this view: it is where a person looks at
 * every sector, to choose which to filter by.  Sectors with no mention in the span stay
 * listed, with their zero, so that the list and its selection do not move and a quiet
 * sector reads as quiet. */

/* Frames to wait for the mentions to be laid out before scrolling one into view. */
#define SCROLL_MAX_FRAMES 30
/* About how many characters of a quote a row shows. */
#define QUOTE_SNIPPET_CHARS 180

struct _XinzhiSectorsPage
{
  GtkWidget               parent_instance;

  /* Template widgets */
  AdwNavigationSplitView *split_view;
  GtkStack               *sidebar_stack;
  GtkListView            *list_view;
  GtkSingleSelection     *selection;
  GtkSortListModel       *sort_model;
  GtkRevealer            *span_revealer;
  GtkLabel               *span_label;
  GtkLabel               *heatmap_span_label;
  GtkMenuButton          *sort_button;
  AdwButtonContent       *sort_content;
  AdwNavigationPage      *content_page;
  GtkStack               *content_stack;
  GtkScrolledWindow      *detail_scroll;
  GtkLabel               *group_label;
  GtkLabel               *name_label;
  GtkLabel               *name_zh_label;
  GtkLabel               *summary_label;
  GtkButton              *filter_button;
  AdwWrapBox             *terms_box;
  XinzhiSectorChart      *chart;
  GtkLabel               *chart_note_label;
  GtkLabel               *mentions_count_label;
  GtkListBox             *mentions_list;
  GtkButton              *more_mentions_button;
  GtkWidget              *events_box;
  GtkListBox             *events_list;
  GtkWidget              *quotes_box;
  GtkListBox             *quotes_list;
  XinzhiSectorHeatmap    *heatmap;

  /* Owned */
  XinzhiCorpus           *corpus;
  XinzhiFilter           *filter;          /* its span narrows the view; its values do not */
  XinzhiNotes            *notes;           /* held for the window: nothing here is noted */
  GtkCustomSorter        *sorter;
  GtkFilterListModel     *events;
  GtkFilterListModel     *quotes;
  GtkSliceListModel      *mention_slice;
  GtkFilterListModel     *mentions_in;       /* the sector's mentions in the span */
  GtkFilterListModel     *mentions_possibly; /* and those possibly in it, after them */
  GtkSorter              *events_sorter;
  GtkSorter              *quotes_sorter;
  GHashTable             *span_counts;       /* XinzhiSector → XinzhiSpanCount; NULL without a span */
  GHashTable             *bound_rows;        /* GtkListItem → the XinzhiSectorRow it shows */
  char                   *sort_by;
  XinzhiDocument         *scroll_document;

  guint                   scroll_tick;
  guint                   scroll_frames;
  guint                   n_fills;
  gboolean                show_heatmap;
};

static void xinzhi_sectors_page_view_iface_init (XinzhiViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XinzhiSectorsPage, xinzhi_sectors_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (XINZHI_TYPE_VIEW,
                                                      xinzhi_sectors_page_view_iface_init))

/* A sector's page shows this many mentions at first, and this many more at each press
 * of its button: a sector of a large corpus has thousands, and a list box makes a row
 * for each item it is given. */
#define MENTIONS_SHOWN 100
#define MENTIONS_MORE 200

enum {
  PROP_0,
  PROP_CORPUS,        /* the XinzhiView properties, in their order */
  PROP_FILTER,
  PROP_NOTES,
  PROP_COLLAPSED,
  PROP_CONTENT_ONLY,
  PROP_SELECTED_SECTOR,
  PROP_SORT_BY,
  PROP_SHOW_HEATMAP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sections: the corpus's groups, in the corpus's order. */
static int
compare_groups (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  guint group_a = xinzhi_sector_get_group_position (XINZHI_SECTOR ((gpointer) a));
  guint group_b = xinzhi_sector_get_group_position (XINZHI_SECTOR ((gpointer) b));

  return group_a < group_b ? -1 : group_a > group_b;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_utf8_collate (xinzhi_sector_get_display_name (XINZHI_SECTOR ((gpointer) a)),
                         xinzhi_sector_get_display_name (XINZHI_SECTOR ((gpointer) b)));
}

static const XinzhiSpanCount *
lookup_span_count (XinzhiSectorsPage *self,
                   XinzhiSector      *sector)
{
  return self->span_counts ? g_hash_table_lookup (self->span_counts, sector) : NULL;
}

/* Most mentioned first; with a span, most mentioned in it for certain, then most
 * possibly. */
static int
compare_mentions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  XinzhiSectorsPage *self = user_data;
  const XinzhiSpanCount *count_a = lookup_span_count (self, XINZHI_SECTOR ((gpointer) a));
  const XinzhiSpanCount *count_b = lookup_span_count (self, XINZHI_SECTOR ((gpointer) b));
  guint mentions_a = count_a ? count_a->n_mentions : xinzhi_sector_get_n_mentions (XINZHI_SECTOR ((gpointer) a));
  guint mentions_b = count_b ? count_b->n_mentions : xinzhi_sector_get_n_mentions (XINZHI_SECTOR ((gpointer) b));

  if (mentions_a != mentions_b)
    return mentions_a > mentions_b ? -1 : 1;
  if (count_a != NULL && count_b != NULL &&
      count_a->n_possibly_mentions != count_b->n_possibly_mentions)
    return count_a->n_possibly_mentions > count_b->n_possibly_mentions ? -1 : 1;

  return compare_names (a, b, user_data);
}

/* Earliest first mention first, in the model's order of what is known of it (never
 * a year or an estimate before a day it may follow); mentioned only in articles whose
 * date is estimated, or never, last. */
static int
compare_first_mentions (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  int result = xinzhi_earliest_compare (xinzhi_sector_get_first_mention (XINZHI_SECTOR ((gpointer) a)),
                                        xinzhi_sector_get_first_mention (XINZHI_SECTOR ((gpointer) b)));

  return result != 0 ? result : compare_names (a, b, user_data);
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return xinzhi_event_compare ((XinzhiEvent *) a, (XinzhiEvent *) b);
}

static gboolean
is_sort_order (const char *sort_by)
{
  return g_strcmp0 (sort_by, "name") == 0 ||
         g_strcmp0 (sort_by, "mentions") == 0 ||
         g_strcmp0 (sort_by, "first-mention") == 0;
}

static void
apply_sort_order (XinzhiSectorsPage *self)
{
  GCompareDataFunc func = compare_names;
  const char *label = C_("sort order", "Name");
  /* Translators: the description of the Sort button, for a screen reader */
  const char *description = _("Sectors sorted by name");

  if (g_str_equal (self->sort_by, "mentions"))
    {
      func = compare_mentions;
      label = C_("sort order", "Mentions");
      description = _("Sectors sorted by mentions, most first");
    }
  else if (g_str_equal (self->sort_by, "first-mention"))
    {
      func = compare_first_mentions;
      label = C_("sort order", "First Mention");
      description = _("Sectors sorted by first dated mention, earliest first");
    }

  gtk_custom_sorter_set_sort_func (self->sorter, func, self, NULL);
  adw_button_content_set_label (self->sort_content, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sort_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static guint
count_sectors (XinzhiSectorsPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

static XinzhiSector *
get_selected (XinzhiSectorsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

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

static void
update_content (XinzhiSectorsPage *self)
{
  XinzhiSector *sector = get_selected (self);
  const char *name;
  const char *title;

  if (self->corpus == NULL)
    name = "empty";
  else if (count_sectors (self) == 0)
    name = "none";
  else if (self->show_heatmap)
    name = "heatmap";
  else if (sector != NULL)
    name = "sector";
  else
    name = "empty";

  if (g_str_equal (name, "heatmap"))
    title = _("Heat Map");
  else if (g_str_equal (name, "sector"))
    title = xinzhi_sector_get_display_name (sector);
  else
    title = _("Sector");

  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_navigation_page_set_title (self->content_page, title);
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
  g_object_set_data_full (G_OBJECT (row), "xinzhi-event", g_object_ref (event), g_object_unref);
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
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_row_chevron ());
  g_object_set_data_full (G_OBJECT (row), "xinzhi-quote", g_object_ref (quote), g_object_unref);
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
  XinzhiSector *sector = get_selected (self);

  return sector != NULL &&
         match_span (self, item) != XINZHI_SPAN_OUT &&
         model_contains (xinzhi_event_get_sectors (XINZHI_EVENT (item)), sector);
}

static gboolean
quote_filter_func (gpointer item,
                   gpointer user_data)
{
  XinzhiSectorsPage *self = user_data;
  XinzhiSector *sector = get_selected (self);

  return sector != NULL &&
         match_span (self, item) != XINZHI_SPAN_OUT &&
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
    return compare_events (a, b, NULL);
  return xinzhi_quote_row_compare_quotes (a, b, NULL);
}

static gpointer
get_row_item (GtkListBoxRow *row)
{
  gpointer item;

  if (XINZHI_IS_MENTION_ROW (row))
    return xinzhi_mention_row_get_mention (XINZHI_MENTION_ROW (row));
  if ((item = g_object_get_data (G_OBJECT (row), "xinzhi-event")) != NULL)
    return item;
  return g_object_get_data (G_OBJECT (row), "xinzhi-quote");
}

/* In a sector's lists, what is only possibly in the span comes after the rest, under
 * a heading that says so. */
static void
possibly_header_func (GtkListBoxRow *row,
                      GtkListBoxRow *before,
                      gpointer       user_data)
{
  XinzhiSectorsPage *self = user_data;
  gpointer item = get_row_item (row);
  gpointer before_item = before ? get_row_item (before) : NULL;
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

static GtkWidget *
create_term_chip (const char *term)
{
  GtkWidget *label = gtk_label_new (term);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "term-chip");
  return label;
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
fill_header (XinzhiSectorsPage *self,
             XinzhiSector      *sector)
{
  const char * const *terms = xinzhi_sector_get_terms (sector);
  const XinzhiSpanCount *count = lookup_span_count (self, sector);
  guint n_mentions = count ? count->n_mentions : xinzhi_sector_get_n_mentions (sector);
  guint n_documents = count ? count->n_documents : xinzhi_sector_get_n_documents (sector);
  g_autofree char *group = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *mentions_text = NULL;
  g_autofree char *articles_text = NULL;
  GtkWidget *child;

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

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->terms_box))) != NULL)
    adw_wrap_box_remove (self->terms_box, child);
  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    adw_wrap_box_append (self->terms_box, create_term_chip (terms[i]));
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

static void
update_chart_note (XinzhiSectorsPage *self)
{
  g_autofree char *note = xinzhi_sector_chart_dup_note (self->chart);

  gtk_label_set_text (self->chart_note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->chart_note_label), note != NULL);
}

/* Beside “Mentions in Context”: how many; with a span, how many in it and possibly. */
static void
update_mentions_count (XinzhiSectorsPage *self)
{
  XinzhiSector *sector = get_selected (self);
  const XinzhiSpanCount *count;
  g_autofree char *text = NULL;

  if (sector == NULL)
    return;

  if ((count = lookup_span_count (self, sector)) != NULL)
    text = xinzhi_sector_row_format_span_count (count);
  else
    text = g_strdup_printf ("%u", xinzhi_sector_get_n_mentions (sector));
  gtk_label_set_text (self->mentions_count_label, text);
}

static void
fill_detail (XinzhiSectorsPage *self)
{
  XinzhiSector *sector = get_selected (self);

  xinzhi_sector_chart_set_sector (self->chart, sector);
  refilter (self->events);
  refilter (self->quotes);

  self->n_fills++;
  if (sector == NULL)
    {
      gtk_filter_list_model_set_model (self->mentions_in, NULL);
      gtk_filter_list_model_set_model (self->mentions_possibly, NULL);
      update_more_mentions (self);
      return;
    }

  fill_header (self, sector);

  update_chart_note (self);

  update_mentions_count (self);
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

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->detail_scroll), 0);
}

static void
stop_scrolling (XinzhiSectorsPage *self)
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

static void
scroll_to_document (XinzhiSectorsPage *self,
                    XinzhiDocument    *document)
{
  XinzhiSector *sector = get_selected (self);

  stop_scrolling (self);

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
show_content (XinzhiSectorsPage *self)
{
  if (get_selected (self) != NULL || self->show_heatmap)
    adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
selection_notify_selected_item_cb (XinzhiSectorsPage *self)
{
  stop_scrolling (self);
  fill_detail (self);
  update_content (self);

  /* Moving through the list moves the heat map's cursor along. */
  xinzhi_sector_heatmap_set_cursor (self->heatmap, get_selected (self), NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SECTOR]);
}

static void
list_view_activate_cb (XinzhiSectorsPage *self,
                       guint              position)
{
  xinzhi_sectors_page_set_show_heatmap (self, FALSE);
  show_content (self);
}

/* A click or tap on a row shows the sector: in place of the heat map, and on its own
 * page when collapsed.  Selection alone does not, since the arrow keys select too and
 * should only move through the list. */
static void
list_view_released_cb (XinzhiSectorsPage *self,
                       int                n_press,
                       double             x,
                       double             y,
                       GtkGestureClick   *gesture)
{
  if (!xinzhi_view_is_row_at (GTK_WIDGET (self->list_view), x, y))
    return;

  xinzhi_sectors_page_set_show_heatmap (self, FALSE);
  if (adw_navigation_split_view_get_collapsed (self->split_view))
    show_content (self);
}

static void
factory_setup_cb (XinzhiSectorsPage        *self,
                  GtkListItem              *list_item,
                  GtkSignalListItemFactory *factory)
{
  gtk_list_item_set_child (list_item, xinzhi_sector_row_new ());
}

static void
factory_bind_cb (XinzhiSectorsPage        *self,
                 GtkListItem              *list_item,
                 GtkSignalListItemFactory *factory)
{
  XinzhiSectorRow *row = XINZHI_SECTOR_ROW (gtk_list_item_get_child (list_item));
  g_autofree char *label = NULL;

  xinzhi_sector_row_set_sector (row, gtk_list_item_get_item (list_item));
  xinzhi_sector_row_set_span_count (row, lookup_span_count (self, gtk_list_item_get_item (list_item)));
  g_hash_table_insert (self->bound_rows, list_item, row);
  label = xinzhi_sector_row_dup_accessible_label (row);
  gtk_list_item_set_accessible_label (list_item, label);
}

static void
factory_unbind_cb (XinzhiSectorsPage        *self,
                   GtkListItem              *list_item,
                   GtkSignalListItemFactory *factory)
{
  XinzhiSectorRow *row = XINZHI_SECTOR_ROW (gtk_list_item_get_child (list_item));

  g_hash_table_remove (self->bound_rows, list_item);
  xinzhi_sector_row_set_sector (row, NULL);
  xinzhi_sector_row_set_span_count (row, NULL);
  gtk_list_item_set_accessible_label (list_item, NULL);
}

static void
header_setup_cb (XinzhiSectorsPage        *self,
                 GtkListHeader            *header,
                 GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *name_zh = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (name, "sector-group-name");

  gtk_label_set_xalign (GTK_LABEL (name_zh), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_zh), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name_zh, "caption");
  gtk_widget_add_css_class (name_zh, "dimmed");

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), name_zh);
  gtk_widget_add_css_class (box, "sector-group-header");
  gtk_list_header_set_child (header, box);
}

static void
header_bind_cb (XinzhiSectorsPage        *self,
                GtkListHeader            *header,
                GtkSignalListItemFactory *factory)
{
  XinzhiSector *sector = gtk_list_header_get_item (header);
  GtkWidget *box = gtk_list_header_get_child (header);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *name_zh = gtk_widget_get_next_sibling (name);

  /* Corpus text, as plain text. */
  gtk_label_set_text (GTK_LABEL (name), xinzhi_sector_get_group_display_name (sector));
  gtk_label_set_text (GTK_LABEL (name_zh), xinzhi_sector_get_group_other_name (sector));
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
  XinzhiEvent *event = g_object_get_data (G_OBJECT (row), "xinzhi-event");
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
  XinzhiQuote *quote = g_object_get_data (G_OBJECT (row), "xinzhi-quote");

  if (quote == NULL)
    return;

  show_mention (self,
                     xinzhi_quote_get_document (quote),
                     xinzhi_quote_get_paragraph (quote),
                     xinzhi_quote_get_start (quote),
                     xinzhi_quote_get_end (quote));
}

static void
heatmap_cell_activated_cb (XinzhiSectorsPage   *self,
                           XinzhiSector        *sector,
                           XinzhiDocument      *document,
                           XinzhiSectorHeatmap *heatmap)
{
  xinzhi_sectors_page_select_sector (self, sector);

  /* With an article, straight to its first mention of the sector, if it has one. */
  if (document != NULL && xinzhi_sector_heatmap_get_count (heatmap, sector, document) > 0)
    scroll_to_document (self, document);
}

/* Counts every sector's mentions against the span, in one pass over their mentions
 * that asks about each article once; none without a span. */
static void
update_span_counts (XinzhiSectorsPage *self)
{
  GListModel *sectors = self->corpus ? xinzhi_corpus_get_sectors (self->corpus) : NULL;
  g_autoptr(GHashTable) cache = NULL;
  g_autofree char *span = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;
  XinzhiSpanCount total = { 0 };
  guint n_sectors = sectors ? g_list_model_get_n_items (sectors) : 0;

  g_clear_pointer (&self->span_counts, g_hash_table_unref);
  span = xinzhi_filter_dup_span_label (self->filter);
  gtk_revealer_set_reveal_child (self->span_revealer, span != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->heatmap_span_label), span != NULL);
  if (span == NULL)
    return;

  cache = xinzhi_span_count_new_cache ();
  self->span_counts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < n_sectors; i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);
      XinzhiSpanCount *count = g_new (XinzhiSpanCount, 1);

      xinzhi_span_count_sector (count, sector, self->filter, cache);
      total.n_mentions += count->n_mentions;
      total.n_possibly_mentions += count->n_possibly_mentions;
      /* The corpus holds the sector. */
      g_hash_table_insert (self->span_counts, sector, count);
    }
  xinzhi_span_count_documents (&total, cache);

  counts = xinzhi_sector_row_format_span_count (&total);
  /* Translators: the line at the top of the Sectors view while a time span is chosen:
   * the span, then the mentions of every sector in it, “12 mentions · 3 more possibly”
   * or “12 mentions · 3 articles” */
  text = g_strdup_printf (_("Narrowed to %s: %s"), span, counts);
  gtk_label_set_text (self->span_label, text);
}

/* The span changed: every count, the chart and the heat map (which follow the filter
 * themselves), and the selected sector's lists. */
static void
filter_changed_cb (XinzhiSectorsPage *self)
{
  GHashTableIter iter;
  gpointer list_item, row;

  update_span_counts (self);

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &list_item, &row))
    {
      g_autofree char *label = NULL;

      xinzhi_sector_row_set_span_count (row, lookup_span_count (self, xinzhi_sector_row_get_sector (row)));
      label = xinzhi_sector_row_dup_accessible_label (row);
      gtk_list_item_set_accessible_label (list_item, label);
    }
  if (g_str_equal (self->sort_by, "mentions"))
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);

  refilter (self->mentions_in);
  refilter (self->mentions_possibly);
  gtk_sorter_changed (self->events_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (self->quotes_sorter, GTK_SORTER_CHANGE_DIFFERENT);
  fill_detail (self);
}

/* The chart and the heat map follow the filter before the page does, so that they
 * have changed by the time the page reads them. */
static void
set_filter (XinzhiSectorsPage *self,
            XinzhiFilter      *filter)
{
  g_autoptr(XinzhiFilter) own = NULL;

  if (filter == NULL)
    filter = own = xinzhi_filter_new ();
  if (filter == self->filter)
    return;

  xinzhi_sector_chart_set_filter (self->chart, filter);
  xinzhi_sector_heatmap_set_filter (self->heatmap, filter);
  xinzhi_filter_follow (&self->filter, filter, G_CALLBACK (filter_changed_cb), self);
  filter_changed_cb (self);
  g_object_notify (G_OBJECT (self), "filter");
}

static void
xinzhi_sectors_page_dispose (GObject *object)
{
  XinzhiSectorsPage *self = XINZHI_SECTORS_PAGE (object);

  stop_scrolling (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_SECTORS_PAGE);

  g_clear_object (&self->corpus);
  g_clear_object (&self->filter);
  g_clear_object (&self->notes);
  g_clear_object (&self->sorter);
  g_clear_object (&self->events);
  g_clear_object (&self->quotes);
  g_clear_object (&self->mention_slice);
  g_clear_object (&self->mentions_in);
  g_clear_object (&self->mentions_possibly);
  g_clear_object (&self->events_sorter);
  g_clear_object (&self->quotes_sorter);
  g_clear_pointer (&self->span_counts, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);

  G_OBJECT_CLASS (xinzhi_sectors_page_parent_class)->dispose (object);
}

static void
xinzhi_sectors_page_finalize (GObject *object)
{
  XinzhiSectorsPage *self = XINZHI_SECTORS_PAGE (object);

  g_free (self->sort_by);

  G_OBJECT_CLASS (xinzhi_sectors_page_parent_class)->finalize (object);
}

static void
xinzhi_sectors_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XinzhiSectorsPage *self = XINZHI_SECTORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_NOTES:
      g_value_set_object (value, self->notes);
      break;
    case PROP_COLLAPSED:
      g_value_set_boolean (value, xinzhi_sectors_page_get_collapsed (self));
      break;
    case PROP_CONTENT_ONLY:
      g_value_set_boolean (value, xinzhi_sectors_page_get_content_only (self));
      break;
    case PROP_SELECTED_SECTOR:
      g_value_set_object (value, get_selected (self));
      break;
    case PROP_SORT_BY:
      g_value_set_string (value, self->sort_by);
      break;
    case PROP_SHOW_HEATMAP:
      g_value_set_boolean (value, self->show_heatmap);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sectors_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XinzhiSectorsPage *self = XINZHI_SECTORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      xinzhi_sectors_page_set_corpus (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      set_filter (self, g_value_get_object (value));
      break;
    case PROP_NOTES:
      if (g_set_object (&self->notes, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_COLLAPSED:
      xinzhi_sectors_page_set_collapsed (self, g_value_get_boolean (value));
      break;
    case PROP_SORT_BY:
      xinzhi_sectors_page_set_sort_by (self, g_value_get_string (value));
      break;
    case PROP_SHOW_HEATMAP:
      xinzhi_sectors_page_set_show_heatmap (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sectors_page_class_init (XinzhiSectorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_sectors_page_dispose;
  object_class->finalize = xinzhi_sectors_page_finalize;
  object_class->get_property = xinzhi_sectors_page_get_property;
  object_class->set_property = xinzhi_sectors_page_set_property;

  /* Collapsed, the list and the content show one at a time; content-only, the content
   * alone, with the back button.  The window's filter narrows the view by its span. */
  xinzhi_view_install_properties (object_class, PROP_CORPUS);
  /**
   * XinzhiSectorsPage:selected-sector:
   *
   * The sector selected in the list, whose mentions the content shows.
   */
  properties[PROP_SELECTED_SECTOR] =
    g_param_spec_object ("selected-sector", NULL, NULL,
                         XINZHI_TYPE_SECTOR,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiSectorsPage:sort-by:
   *
   * How the sectors are sorted within their groups: `name`, `mentions` (most first) or
   * `first-mention` (earliest first).
   */
  properties[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL,
                         "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiSectorsPage:show-heatmap:
   *
   * Whether the content shows the heat map of all sectors by article, in place of the
   * selected sector.
   */
  properties[PROP_SHOW_HEATMAP] =
    g_param_spec_boolean ("show-heatmap", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  for (guint i = PROP_SELECTED_SECTOR; i < N_PROPS; i++)
    g_object_class_install_property (object_class, i, properties[i]);

  gtk_widget_class_install_property_action (widget_class, "sectors.sort-by", "sort-by");
  gtk_widget_class_install_property_action (widget_class, "sectors.show-heatmap", "show-heatmap");

  g_type_ensure (XINZHI_TYPE_SECTOR_CHART);
  g_type_ensure (XINZHI_TYPE_SECTOR_HEATMAP);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-sectors-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, span_revealer);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, span_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, heatmap_span_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, sort_content);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, content_page);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, detail_scroll);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, group_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, name_zh_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, terms_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, chart_note_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, mentions_count_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, mentions_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, more_mentions_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, events_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, events_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, quotes_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, quotes_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorsPage, heatmap);
  gtk_widget_class_bind_template_callback (widget_class, selection_notify_selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_view_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, factory_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, header_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, mentions_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_mentions_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, events_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, quotes_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, heatmap_cell_activated_cb);
}

static void
xinzhi_sectors_page_init (XinzhiSectorsPage *self)
{
  g_autoptr(GtkSorter) section_sorter = NULL;
  GtkCustomFilter *filter;

  self->sort_by = g_strdup ("name");

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Sections by group; within a group, the chosen order. */
  section_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_groups, NULL, NULL));
  self->sorter = gtk_custom_sorter_new (compare_names, NULL, NULL);
  gtk_sort_list_model_set_section_sorter (self->sort_model, section_sorter);
  gtk_sort_list_model_set_sorter (self->sort_model, GTK_SORTER (self->sorter));
  apply_sort_order (self);

  self->bound_rows = g_hash_table_new (NULL, NULL);

  filter = gtk_custom_filter_new (event_filter_func, self, NULL);
  self->events = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  filter = gtk_custom_filter_new (quote_filter_func, self, NULL);
  self->quotes = gtk_filter_list_model_new (NULL, GTK_FILTER (filter));
  /* The sector's events earliest first, its quotes newest first, as everywhere; with a
   * span, those possibly in it after the rest. */
  self->events_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_in_span, self, NULL));
  self->quotes_sorter = GTK_SORTER (gtk_custom_sorter_new (compare_in_span, self, NULL));
  {
    g_autoptr(GtkSortListModel) events = NULL;
    g_autoptr(GtkSortListModel) quotes = NULL;

    events = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->events)),
                                      g_object_ref (self->events_sorter));
    quotes = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->quotes)),
                                      g_object_ref (self->quotes_sorter));
    gtk_list_box_bind_model (self->events_list, G_LIST_MODEL (events), create_event_row, NULL, NULL);
    gtk_list_box_bind_model (self->quotes_list, G_LIST_MODEL (quotes), create_quote_row, NULL, NULL);
  }
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
  /* A filter of its own until the window gives it one to share. */
  set_filter (self, NULL);

  /* The heat map's rows follow the list, sections and sort order alike. */
  xinzhi_sector_heatmap_set_sectors (self->heatmap, G_LIST_MODEL (self->sort_model));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sectors.show-heatmap", FALSE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
  xinzhi_view_follow_split_view (XINZHI_VIEW (self), self->split_view);
  update_content (self);
}

static GObject *
xinzhi_sectors_page_get_selected_item (XinzhiView *view)
{
  return G_OBJECT (xinzhi_sectors_page_get_selected_sector (XINZHI_SECTORS_PAGE (view)));
}

static void
xinzhi_sectors_page_view_iface_init (XinzhiViewInterface *iface)
{
  iface->get_selected_item = xinzhi_sectors_page_get_selected_item;
}

/**
 * xinzhi_sectors_page_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus whose sectors are listed
 */
XinzhiCorpus *
xinzhi_sectors_page_get_corpus (XinzhiSectorsPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTORS_PAGE (self), NULL);
  return self->corpus;
}

gboolean
xinzhi_sectors_page_get_collapsed (XinzhiSectorsPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTORS_PAGE (self), FALSE);
  return adw_navigation_split_view_get_collapsed (self->split_view);
}

gboolean
xinzhi_sectors_page_get_content_only (XinzhiSectorsPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTORS_PAGE (self), FALSE);
  return xinzhi_view_split_view_content_only (XINZHI_VIEW (self));
}

/**
 * xinzhi_sectors_page_get_selected_sector:
 *
 * Returns: (transfer none) (nullable): the sector selected in the list
 */
XinzhiSector *
xinzhi_sectors_page_get_selected_sector (XinzhiSectorsPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTORS_PAGE (self), NULL);
  return get_selected (self);
}

const char *
xinzhi_sectors_page_get_sort_by (XinzhiSectorsPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTORS_PAGE (self), NULL);
  return self->sort_by;
}

gboolean
xinzhi_sectors_page_get_show_heatmap (XinzhiSectorsPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTORS_PAGE (self), FALSE);
  return self->show_heatmap;
}

/**
 * xinzhi_sectors_page_set_corpus:
 * @corpus: (nullable): the corpus whose sectors to list
 *
 * Lists the sectors of @corpus and selects the first.
 */
void
xinzhi_sectors_page_set_corpus (XinzhiSectorsPage *self,
                                XinzhiCorpus      *corpus)
{
  GListModel *sectors = NULL;
  gboolean has_sectors;
  guint n_fills;

  g_return_if_fail (XINZHI_IS_SECTORS_PAGE (self));
  g_return_if_fail (corpus == NULL || XINZHI_IS_CORPUS (corpus));

  if (!g_set_object (&self->corpus, corpus))
    return;

  stop_scrolling (self);

  if (corpus != NULL)
    sectors = xinzhi_corpus_get_sectors (corpus);
  has_sectors = sectors != NULL && g_list_model_get_n_items (sectors) > 0;

  /* The chart's axis and the heat map's columns come from the corpus's articles. */
  xinzhi_sector_chart_set_corpus (self->chart, corpus);
  xinzhi_sector_heatmap_set_documents (self->heatmap,
                                       corpus ? xinzhi_corpus_get_documents (corpus) : NULL);
  gtk_filter_list_model_set_model (self->events, corpus ? xinzhi_corpus_get_events (corpus) : NULL);
  gtk_filter_list_model_set_model (self->quotes, corpus ? xinzhi_corpus_get_quotes (corpus) : NULL);

  update_span_counts (self);
  n_fills = self->n_fills;
  gtk_sort_list_model_set_model (self->sort_model, sectors);
  /* A new corpus starts at its first sector and, when collapsed, at the list. */
  if (has_sectors)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      gtk_list_view_scroll_to (self->list_view, 0, GTK_LIST_SCROLL_NONE, NULL);
    }
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  gtk_stack_set_visible_child_name (self->sidebar_stack, has_sectors ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sectors.show-heatmap", has_sectors);
  if (!has_sectors)
    xinzhi_sectors_page_set_show_heatmap (self, FALSE);

  /* The new selection filled the detail already, unless the selected item stayed. */
  if (self->n_fills == n_fills)
    fill_detail (self);
  update_content (self);

  g_object_notify (G_OBJECT (self), "corpus");
}

void
xinzhi_sectors_page_set_collapsed (XinzhiSectorsPage *self,
                                   gboolean           collapsed)
{
  g_return_if_fail (XINZHI_IS_SECTORS_PAGE (self));

  collapsed = !!collapsed;
  if (collapsed == adw_navigation_split_view_get_collapsed (self->split_view))
    return;

  adw_navigation_split_view_set_collapsed (self->split_view, collapsed);
  g_object_notify (G_OBJECT (self), "collapsed");
}

/**
 * xinzhi_sectors_page_set_sort_by:
 * @sort_by: `name`, `mentions` or `first-mention`
 *
 * Sorts the sectors within their groups: by name, by mentions (most first) or by the
 * date of their first mention (earliest first).  The heat map's rows follow.
 */
void
xinzhi_sectors_page_set_sort_by (XinzhiSectorsPage *self,
                                 const char        *sort_by)
{
  g_return_if_fail (XINZHI_IS_SECTORS_PAGE (self));
  g_return_if_fail (is_sort_order (sort_by));

  if (g_str_equal (sort_by, self->sort_by))
    return;

  g_free (self->sort_by);
  self->sort_by = g_strdup (sort_by);
  apply_sort_order (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
}

/**
 * xinzhi_sectors_page_set_show_heatmap:
 * @show_heatmap: whether to show the heat map
 *
 * Shows the heat map of all sectors by article in place of the selected sector, with
 * its cursor on the selected sector; when collapsed, on a page of its own.
 */
void
xinzhi_sectors_page_set_show_heatmap (XinzhiSectorsPage *self,
                                      gboolean           show_heatmap)
{
  g_return_if_fail (XINZHI_IS_SECTORS_PAGE (self));

  show_heatmap = !!show_heatmap;
  if (show_heatmap == self->show_heatmap)
    return;

  self->show_heatmap = show_heatmap;
  update_content (self);

  if (show_heatmap)
    {
      stop_scrolling (self);
      xinzhi_sector_heatmap_set_cursor (self->heatmap, get_selected (self), NULL);
      show_content (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_HEATMAP]);
}

/**
 * xinzhi_sectors_page_select_sector:
 * @sector: a sector of the corpus
 *
 * Selects @sector in the list and shows it, in place of the heat map; when collapsed,
 * opens it on its own page.
 */
void
xinzhi_sectors_page_select_sector (XinzhiSectorsPage *self,
                                   XinzhiSector      *sector)
{
  GListModel *model;
  guint n_items;

  g_return_if_fail (XINZHI_IS_SECTORS_PAGE (self));
  g_return_if_fail (XINZHI_IS_SECTOR (sector));

  model = G_LIST_MODEL (self->sort_model);
  n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(XinzhiSector) item = g_list_model_get_item (model, i);

      if (item == sector)
        {
          gtk_list_view_scroll_to (self->list_view, i, GTK_LIST_SCROLL_SELECT, NULL);
          xinzhi_sectors_page_set_show_heatmap (self, FALSE);
          show_content (self);
          return;
        }
    }

  g_critical ("%s: the sector “%s” is not in the corpus shown",
              G_STRFUNC, xinzhi_sector_get_id (sector));
}

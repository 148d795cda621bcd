/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-paced-list.h"
#include "xinzhi-palette.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-search-page.h"
#include "xinzhi-view.h"

/* The results of a search of the whole corpus, grouped by kind under headings.  Each
 * row shows the words that matched, marked with Pango attributes on a plain label:
 * corpus text is never markup.  Activating a row asks the window to go there.  With a
 * time span in the window's filter, the articles, quotes and events that lie outside
 * it are left out, and those whose dates cannot tell say so ("Possibly in the span");
 * sectors, people and concepts have no date and stay. */

/* How much of a long paragraph to show before its first match. */
#define CONTEXT_CHARS 60
/* How much of the matched text a screen reader reads, from where the row shows it. */
#define ACCESSIBLE_CHARS 200

struct _XinzhiSearchPage
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkListView   *list_view;
  AdwStatusPage *empty_page;

  /* Owned */
  XinzhiSearch    *search;
  XinzhiFilter    *filter;      /* the window's: its span narrows the results */
  GtkCustomFilter *span_filter;
  GListStore      *groups;      /* of the kinds' results, each through span_filter */
  GListModel      *results;     /* the groups, flattened: one section each */
};

G_DEFINE_FINAL_TYPE (XinzhiSearchPage, xinzhi_search_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SEARCH,
  N_PROPS
};

enum {
  ACTIVATE_RESULT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
kind_title (XinzhiSearchKind kind)
{
  switch (kind)
    {
    case XINZHI_SEARCH_KIND_ARTICLE:
      return _("Articles");
    case XINZHI_SEARCH_KIND_QUOTE:
      return _("Quotes");
    case XINZHI_SEARCH_KIND_EVENT:
      return _("Events");
    case XINZHI_SEARCH_KIND_CONCEPT:
      return _("Concepts");
    case XINZHI_SEARCH_KIND_SECTOR:
      return _("Sectors");
    case XINZHI_SEARCH_KIND_PERSON:
      return _("People");
    case XINZHI_SEARCH_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* What a result is, in the singular, for a screen reader. */
static const char *
kind_name (XinzhiSearchKind kind)
{
  switch (kind)
    {
    case XINZHI_SEARCH_KIND_ARTICLE:
      return C_("search result", "Article");
    case XINZHI_SEARCH_KIND_QUOTE:
      return C_("search result", "Quote");
    case XINZHI_SEARCH_KIND_EVENT:
      return C_("search result", "Event");
    case XINZHI_SEARCH_KIND_CONCEPT:
      return C_("search result", "Concept");
    case XINZHI_SEARCH_KIND_SECTOR:
      return C_("search result", "Sector");
    case XINZHI_SEARCH_KIND_PERSON:
      return C_("search result", "Person");
    case XINZHI_SEARCH_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* The row's first line, and what to show under it when that line is what matched. */
static const char *
result_heading (XinzhiSearchResult  *result,
                char               **context)
{
  GObject *item = xinzhi_search_result_get_item (result);

  switch (xinzhi_search_result_get_kind (result))
    {
    case XINZHI_SEARCH_KIND_ARTICLE:
      {
        XinzhiDocument *document = XINZHI_DOCUMENT (item);
        g_autofree char *date = xinzhi_document_dup_date_label (document);
        const char *outlet = xinzhi_document_get_outlet (document);

        *context = outlet != NULL ? g_strdup_printf ("%s · %s", outlet, date) : g_steal_pointer (&date);
        return xinzhi_document_get_title (document);
      }
    case XINZHI_SEARCH_KIND_QUOTE:
      *context = g_strdup (xinzhi_document_get_title (xinzhi_quote_get_document (XINZHI_QUOTE (item))));
      return xinzhi_person_get_name (xinzhi_quote_get_person (XINZHI_QUOTE (item)));
    case XINZHI_SEARCH_KIND_EVENT:
      *context = xinzhi_event_dup_date_label (XINZHI_EVENT (item));
      return xinzhi_event_get_title (XINZHI_EVENT (item));
    case XINZHI_SEARCH_KIND_CONCEPT:
      *context = g_strdup (xinzhi_concept_get_name_zh (XINZHI_CONCEPT (item)));
      return xinzhi_concept_get_name (XINZHI_CONCEPT (item));
    case XINZHI_SEARCH_KIND_SECTOR:
      *context = g_strdup_printf ("%s · %s", xinzhi_sector_get_name_zh (XINZHI_SECTOR (item)),
                                  xinzhi_sector_get_group_name (XINZHI_SECTOR (item)));
      return xinzhi_sector_get_name (XINZHI_SECTOR (item));
    case XINZHI_SEARCH_KIND_PERSON:
      *context = g_strdup (xinzhi_person_get_name_zh (XINZHI_PERSON (item)));
      return xinzhi_person_get_name (XINZHI_PERSON (item));
    case XINZHI_SEARCH_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Where a row shows @text from: its start, or, when the first match is far into a long
 * text, some words before that match (after an ellipsis). */
static gsize
shown_from (const char              *text,
            const XinzhiSearchRange *ranges,
            guint                    n_ranges)
{
  const char *start;

  if (n_ranges == 0 || g_utf8_strlen (text, ranges[0].start) <= CONTEXT_CHARS + 20)
    return 0;

  start = text + ranges[0].start;
  for (guint i = 0; i < CONTEXT_CHARS; i++)
    start = g_utf8_prev_char (start);
  /* Begin at a word when there is one near. */
  for (guint i = 0; i < 12 && *start != ' ' && start > text; i++)
    start = g_utf8_prev_char (start);
  if (*start == ' ')
    start++;
  return start - text;
}

/* Sets @text on @label with its matches marked; from shown_from() on. */
static void
set_marked_text (GtkLabel                *label,
                 const char              *text,
                 const XinzhiSearchRange *ranges,
                 guint                    n_ranges)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  XinzhiPalette palette;
  GdkRGBA tint;
  g_autoptr(GString) shown = g_string_new (NULL);
  gsize from = shown_from (text, ranges, n_ranges);
  gsize shift;

  xinzhi_palette_init (&palette, GTK_WIDGET (label));
  tint = xinzhi_palette_alpha (&palette.accent_bg, 0.25f);

  if (from > 0)
    g_string_append (shown, "…");
  shift = shown->len;
  g_string_append (shown, text + from);

  for (guint i = 0; i < n_ranges; i++)
    {
      PangoAttribute *attr;
      guint start = ranges[i].start - from + shift;
      guint end = ranges[i].end - from + shift;

      if (ranges[i].start < from)
        continue;

      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);

      xinzhi_palette_add_background (attrs, &tint, start, end);
    }

  gtk_label_set_text (label, shown->str);
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/* Up to ACCESSIBLE_CHARS characters of @text from @from, with ellipses where cut. */
static char *
dup_words (const char *text,
           gsize       from)
{
  GString *words = g_string_new (from > 0 ? "…" : "");

  if (g_utf8_strlen (text + from, -1) > ACCESSIBLE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text + from, 0, ACCESSIBLE_CHARS);

      g_string_append_printf (words, "%s…", start);
    }
  else
    g_string_append (words, text + from);

  return g_string_free (words, FALSE);
}

/* How a screen reader reads a result: what it is, its name or title, what the row shows
 * under that, and the words that matched when they are not the name ("Article: <title>,
 * <outlet> · <date>; matching: …the words…").  A quote is found by its words, so its
 * row is read with them, which tell it from the speaker's other quotes. */
static char *
dup_accessible_label (XinzhiSearchResult *result,
                      const char         *heading,
                      const char         *context,
                      const char         *text)
{
  XinzhiSearchKind kind = xinzhi_search_result_get_kind (result);
  const XinzhiSearchRange *ranges;
  g_autofree char *label = NULL;
  g_autofree char *words = NULL;
  guint n_ranges;

  if (context != NULL && context[0] != '\0')
    /* Translators: how a screen reader reads a search result: its kind ("Article"),
     * its title or name, then what the row shows under it (outlet and date…) */
    label = g_strdup_printf (_("%1$s: %2$s, %3$s"), kind_name (kind), heading, context);
  else
    /* Translators: how a screen reader reads a search result: its kind ("Person"),
     * then its name */
    label = g_strdup_printf (_("%1$s: %2$s"), kind_name (kind), heading);

  if (text == heading)
    return g_steal_pointer (&label);

  /* The words as the row shows them, as far as a screen reader need read. */
  ranges = xinzhi_search_result_get_ranges (result, &n_ranges);
  words = dup_words (text, shown_from (text, ranges, n_ranges));
  /* Translators: how a screen reader reads a search result whose matching words are
   * not its title or name: the result, then those words */
  return g_strdup_printf (_("%s; matching: %s"), label, words);
}

/* Where the object @result found falls against the window's span: always in it for
 * what has no date. */
static XinzhiSpanMatch
match_span (XinzhiSearchPage   *self,
            XinzhiSearchResult *result)
{
  GObject *item = xinzhi_search_result_get_item (result);

  if (self->filter == NULL ||
      !(XINZHI_IS_DOCUMENT (item) || XINZHI_IS_QUOTE (item) || XINZHI_IS_EVENT (item)))
    return XINZHI_SPAN_IN;
  return xinzhi_filter_match_span (self->filter, item);
}

static gboolean
span_filter_func (gpointer item,
                  gpointer user_data)
{
  return match_span (user_data, item) != XINZHI_SPAN_OUT;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *tag = xinzhi_quote_row_new_unreviewed_tag ();
  GtkWidget *possibly = gtk_label_new (_("Possibly in the span"));
  GtkWidget *text = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_label_set_use_markup (GTK_LABEL (heading), FALSE);
  gtk_widget_add_css_class (heading, "heading");

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_use_markup (GTK_LABEL (text), FALSE);
  gtk_widget_add_css_class (text, "snippet");

  gtk_widget_add_css_class (possibly, "caption");
  gtk_widget_add_css_class (possibly, "dimmed");

  /* The first line: the heading, and for a quote nobody has reviewed, its tag; for a
   * result the span may or may not hold, a word of that. */
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (top), heading);
  gtk_box_append (GTK_BOX (top), possibly);
  gtk_box_append (GTK_BOX (top), tag);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             XinzhiSearchPage         *self)
{
  XinzhiSearchResult *result = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkLabel *heading_label = GTK_LABEL (gtk_widget_get_first_child (top));
  GtkWidget *tag = gtk_widget_get_last_child (top);
  GtkWidget *possibly = gtk_widget_get_prev_sibling (tag);
  GtkLabel *text_label = GTK_LABEL (gtk_widget_get_last_child (box));
  GObject *item = xinzhi_search_result_get_item (result);
  gboolean unreviewed = XINZHI_IS_QUOTE (item) && !xinzhi_quote_get_reviewed (XINZHI_QUOTE (item));
  gboolean maybe = match_span (self, result) == XINZHI_SPAN_POSSIBLY;
  g_autofree char *context = NULL;
  const char *heading = result_heading (result, &context);
  const char *text = xinzhi_search_result_get_text (result);
  const XinzhiSearchRange *ranges;
  g_autofree char *accessible = NULL;
  guint n_ranges;

  ranges = xinzhi_search_result_get_ranges (result, &n_ranges);

  if (text == heading)
    {
      /* The name or title matched: mark it there, and give its context below. */
      set_marked_text (heading_label, heading, ranges, n_ranges);
      gtk_label_set_text (text_label, context != NULL ? context : "");
      gtk_label_set_attributes (text_label, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (text_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (heading_label, heading);
      gtk_label_set_attributes (heading_label, NULL);
      set_marked_text (text_label, text, ranges, n_ranges);
      /* Full contrast, so that the marked words stand out. */
      gtk_widget_remove_css_class (GTK_WIDGET (text_label), "dim-label");
    }
  gtk_widget_set_visible (GTK_WIDGET (text_label), *gtk_label_get_text (text_label) != '\0');

  gtk_widget_set_visible (tag, unreviewed);
  gtk_widget_set_visible (possibly, maybe);

  accessible = dup_accessible_label (result, heading, context, text);
  if (maybe)
    {
      /* Translators: how a screen reader reads a search result whose dates cannot tell
       * whether the chosen time span holds it: %s is the result */
      char *marked = g_strdup_printf (_("Possibly in the span: %s"), accessible);

      g_free (accessible);
      accessible = marked;
    }
  if (unreviewed)
    {
      /* Translators: how a screen reader reads a quote the extractor found and nobody
       * has reviewed: %s is the quote */
      char *marked = g_strdup_printf (_("Unreviewed: %s"), accessible);

      g_free (accessible);
      accessible = marked;
    }
  gtk_list_item_set_accessible_label (list_item, accessible);
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "accent");
  gtk_list_header_set_child (header, label);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header)
{
  XinzhiSearchResult *result = gtk_list_header_get_item (header);
  g_autofree char *title = NULL;

  if (result == NULL)
    return;

  /* Translators: a heading of search results, e.g. "Articles (12)" */
  title = g_strdup_printf (_("%s (%u)"), kind_title (xinzhi_search_result_get_kind (result)),
                           gtk_list_header_get_n_items (header));
  gtk_label_set_text (GTK_LABEL (gtk_list_header_get_child (header)), title);
}

/* How many results the search found, the span aside. */
static guint
count_found (XinzhiSearchPage *self)
{
  guint n = 0;

  for (guint k = 0; self->search != NULL && k < XINZHI_SEARCH_N_KINDS; k++)
    n += g_list_model_get_n_items (xinzhi_search_get_results (self->search, k));
  return n;
}

static void
update_stack (XinzhiSearchPage *self)
{
  const char *query = self->search ? xinzhi_search_get_query (self->search) : "";
  g_autofree char *stripped = g_strstrip (g_strdup (query));
  guint n_found;

  if (*stripped == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "initial");
      return;
    }
  if (g_list_model_get_n_items (self->results) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "results");
      return;
    }

  /* Nothing shows: say whether the span hides what was found. */
  n_found = count_found (self);
  if (n_found > 0)
    {
      g_autofree char *span = xinzhi_filter_dup_span_label (self->filter);
      g_autofree char *description = NULL;

      /* Translators: the search found results, but none in the chosen time span; %1$s
       * is the span ("5 Nov 2023 – 18 Jan 2024"), %2$u how many results lie outside */
      description = g_strdup_printf (ngettext ("Nothing found lies in %1$s; %2$u result lies outside it",
                                               "Nothing found lies in %1$s; %2$u results lie outside it",
                                               n_found), span != NULL ? span : "", n_found);
      adw_status_page_set_description (self->empty_page, description);
    }
  else
    adw_status_page_set_description (self->empty_page, _("Try other words, or fewer of them"));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The kinds' results again, each through the span: a change of the span changes which
 * are left out and which say they are possibly in it, so the rows are bound anew.
 * Without a span the results pass as they are: the filter would make every result of
 * each keystroke (thousands, for a common word) only to keep them all. */
static void
rebuild_groups (XinzhiSearchPage *self)
{
  gboolean span = self->filter != NULL && xinzhi_filter_get_span (self->filter, NULL, NULL);

  g_list_store_remove_all (self->groups);
  for (guint k = 0; self->search != NULL && k < XINZHI_SEARCH_N_KINDS; k++)
    {
      g_autoptr(GtkFilterListModel) narrowed =
        gtk_filter_list_model_new (g_object_ref (xinzhi_search_get_results (self->search, k)),
                                   span ? g_object_ref (GTK_FILTER (self->span_filter)) : NULL);

      g_list_store_append (self->groups, narrowed);
    }
  update_stack (self);
}

static void
filter_changed_cb (XinzhiSearchPage *self)
{
  rebuild_groups (self);
}

static void
list_view_activate_cb (XinzhiSearchPage *self,
                       guint             position)
{
  xinzhi_search_page_activate_result (self, position);
}

static void
xinzhi_search_page_dispose (GObject *object)
{
  XinzhiSearchPage *self = XINZHI_SEARCH_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_SEARCH_PAGE);

  g_clear_object (&self->results);
  g_clear_object (&self->groups);
  g_clear_object (&self->span_filter);
  g_clear_object (&self->search);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (xinzhi_search_page_parent_class)->dispose (object);
}

static void
xinzhi_search_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XinzhiSearchPage *self = XINZHI_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_object (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_search_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XinzhiSearchPage *self = XINZHI_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      xinzhi_search_page_set_search (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_search_page_class_init (XinzhiSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_search_page_dispose;
  object_class->get_property = xinzhi_search_page_get_property;
  object_class->set_property = xinzhi_search_page_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_object ("search", NULL, NULL,
                         XINZHI_TYPE_SEARCH,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XinzhiSearchPage::activate-result:
   * @result: the #XinzhiSearchResult activated
   *
   * Asks to show what @result found.
   */
  signals[ACTIVATE_RESULT] =
    g_signal_new ("activate-result",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, XINZHI_TYPE_SEARCH_RESULT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xinzhi/Xinzhi/widgets/xinzhi-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSearchPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSearchPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, list_view_activate_cb);
}

static void
xinzhi_search_page_init (XinzhiSearchPage *self)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->span_filter = gtk_custom_filter_new (span_filter_func, self, NULL);
  self->groups = g_list_store_new (G_TYPE_LIST_MODEL);
  self->results = G_LIST_MODEL (gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->groups))));
  g_signal_connect_object (self->results, "items-changed",
                           G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (self->results));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  /* Each keystroke replaces the results: the list makes their rows a batch a frame. */
  xinzhi_paced_list_set_replacing (xinzhi_paced_list_insert (self->list_view), TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_header_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_header_cb), NULL);
  gtk_list_view_set_header_factory (self->list_view, factory);
  g_object_unref (factory);

  update_stack (self);
}

/**
 * xinzhi_search_page_get_search:
 *
 * Returns: (transfer none) (nullable): the search shown
 */
XinzhiSearch *
xinzhi_search_page_get_search (XinzhiSearchPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_PAGE (self), NULL);
  return self->search;
}

/**
 * xinzhi_search_page_get_results:
 *
 * Returns: (transfer none): the results as shown: every kind, in order
 */
GListModel *
xinzhi_search_page_get_results (XinzhiSearchPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_PAGE (self), NULL);
  return self->results;
}

/**
 * xinzhi_search_page_set_search:
 * @search: (nullable): the search to show
 */
void
xinzhi_search_page_set_search (XinzhiSearchPage *self,
                               XinzhiSearch     *search)
{
  g_return_if_fail (XINZHI_IS_SEARCH_PAGE (self));
  g_return_if_fail (search == NULL || XINZHI_IS_SEARCH (search));

  if (self->search == search)
    return;

  if (self->search != NULL)
    g_signal_handlers_disconnect_by_data (self->search, self);
  g_set_object (&self->search, search);

  if (search != NULL)
    g_signal_connect_object (search, "notify::query",
                             G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  rebuild_groups (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/**
 * xinzhi_search_page_activate_result:
 * @position: a position in the results
 *
 * Activates the result at @position, as a click on its row does.
 */
void
xinzhi_search_page_activate_result (XinzhiSearchPage *self,
                                    guint             position)
{
  g_autoptr(XinzhiSearchResult) result = NULL;

  g_return_if_fail (XINZHI_IS_SEARCH_PAGE (self));

  result = g_list_model_get_item (self->results, position);
  if (result != NULL)
    g_signal_emit (self, signals[ACTIVATE_RESULT], 0, result);
}

/**
 * xinzhi_search_page_focus_results:
 *
 * Moves the keyboard focus to the first result, as Down in the search entry does.
 *
 * Returns: whether there was a result to focus
 */
gboolean
xinzhi_search_page_focus_results (XinzhiSearchPage *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_PAGE (self), FALSE);

  if (g_list_model_get_n_items (self->results) == 0)
    return FALSE;

  gtk_list_view_scroll_to (self->list_view, 0, GTK_LIST_SCROLL_FOCUS, NULL);
  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/**
 * xinzhi_search_page_set_filter:
 * @filter: (nullable): the window's filter, whose time span narrows the results
 */
void
xinzhi_search_page_set_filter (XinzhiSearchPage *self,
                               XinzhiFilter     *filter)
{
  g_return_if_fail (XINZHI_IS_SEARCH_PAGE (self));
  g_return_if_fail (filter == NULL || XINZHI_IS_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "changed",
                             xinzhi_view_defer_while_hidden (GTK_WIDGET (self), G_CALLBACK (filter_changed_cb)),
                             self, G_CONNECT_SWAPPED);
  rebuild_groups (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-mention.h"
#include "xinzhi-person-page.h"
#include "xinzhi-quote-row.h"
#include "xinzhi-reviewed-filter.h"
#include "xinzhi-role-row.h"

/* A person in the corpus: their name in every spelling the texts use, each role an
 * article gives them (with the article), everything they are quoted as saying (under
 * "reviewed only", what nobody has reviewed left out, as in every list of quotes), and
 * every place they are named, as keyword-in-context lines. */
struct _XinzhiPersonPage
{
  AdwNavigationPage  parent_instance;

  /* Template widgets */
  AdwHeaderBar      *header_bar;
  AdwAvatar         *avatar;
  GtkLabel          *name_label;
  GtkLabel          *name_zh_label;
  GtkLabel          *variants_label;
  GtkLabel          *counts_label;
  GtkButton         *filter_button;
  GtkMenuButton     *menu_button;
  GtkWidget         *roles_box;
  GtkListBox        *roles_list;
  GtkWidget         *quotes_box;
  GtkListBox        *quotes_list;
  GtkWidget         *mentions_box;
  GtkListBox        *mentions_list;

  /* Owned */
  XinzhiPerson      *person;
  XinzhiReviewedFilter *reviewed;
  GtkSortListModel  *quotes;    /* the person's quotes (under "reviewed only" the reviewed
                                 * ones), in the order lists show quotes */
  GtkSortListModel  *mentions;  /* the person's mentions, newest article first */

  gboolean           show_title_buttons;
  gboolean           editable;     /* the corpus shown is one a person owns */
};

G_DEFINE_FINAL_TYPE (XinzhiPersonPage, xinzhi_person_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_PERSON,
  PROP_SHOW_TITLE_BUTTONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How much of the text around a mention its line shows, in characters, each side. */
#define CONTEXT_CHARS 70

static int
compare_mentions (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  XinzhiMention *mention_a = XINZHI_MENTION ((gpointer) a);
  XinzhiMention *mention_b = XINZHI_MENTION ((gpointer) b);
  XinzhiDocument *document_a = xinzhi_mention_get_document (mention_a);
  XinzhiDocument *document_b = xinzhi_mention_get_document (mention_b);

  /* Newest article first, as the list of articles. */
  if (document_a != document_b)
    return xinzhi_document_compare (document_b, document_a);

  if (xinzhi_mention_get_paragraph (mention_a) != xinzhi_mention_get_paragraph (mention_b))
    return xinzhi_mention_get_paragraph (mention_a) < xinzhi_mention_get_paragraph (mention_b)
           ? -1 : 1;
  if (xinzhi_mention_get_start (mention_a) != xinzhi_mention_get_start (mention_b))
    return xinzhi_mention_get_start (mention_a) < xinzhi_mention_get_start (mention_b) ? -1 : 1;

  return 0;
}

/* The start of the context before @start: about CONTEXT_CHARS characters back, moved
 * forward to the start of a word when the text has spaces. */
static const char *
find_context_start (const char *text,
                    const char *start)
{
  const char *p = start;

  for (guint i = 0; i < CONTEXT_CHARS && p > text; i++)
    p = g_utf8_prev_char (p);

  if (p > text)
    {
      const char *space = p;

      while (space < start && *space != ' ')
        space++;
      if (space < start)
        p = space + 1;
    }

  return p;
}

/* The end of the context after @end: about CONTEXT_CHARS characters on, moved back to
 * the end of a word when the text has spaces. */
static const char *
find_context_end (const char *end)
{
  const char *p = end;

  for (guint i = 0; i < CONTEXT_CHARS && *p != '\0'; i++)
    p = g_utf8_next_char (p);

  if (*p != '\0')
    {
      const char *space = p;

      while (space > end && *space != ' ')
        space--;
      if (space > end)
        p = space;
    }

  return p;
}

static char *
dup_source (XinzhiDocument *document)
{
  g_autofree char *outlet = NULL;
  g_autofree char *date = NULL;

  g_object_get (document,
                "outlet-label", &outlet,
                "date-label", &date,
                NULL);

  /* Translators: an article's title, outlet and date */
  return g_strdup_printf (_("%s · %s · %s"), xinzhi_document_get_title (document), outlet, date);
}

/* A keyword-in-context line: the name in bold, with the words around it. */
static GtkWidget *
create_mention_row (gpointer item,
                    gpointer user_data)
{
  XinzhiMention *mention = XINZHI_MENTION (item);
  XinzhiDocument *document = xinzhi_mention_get_document (mention);
  const XinzhiParagraph *paragraph;
  const char *text;
  const char *start;
  const char *end;
  const char *context_start;
  const char *context_end;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *source = NULL;
  g_autofree char *accessible = NULL;
  PangoAttribute *attr;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *source_label;

  paragraph = xinzhi_document_get_paragraph (document, xinzhi_mention_get_paragraph (mention));
  text = paragraph->text;
  start = text + xinzhi_mention_get_start (mention);
  end = text + xinzhi_mention_get_end (mention);
  context_start = find_context_start (text, start);
  context_end = find_context_end (end);

  if (context_start > text)
    g_string_append (line, "…");
  g_string_append_len (line, context_start, start - context_start);
  attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  attr->start_index = line->len;
  g_string_append_len (line, start, end - start);
  attr->end_index = line->len;
  pango_attr_list_insert (attrs, attr);
  g_string_append_len (line, end, context_end - end);
  if (*context_end != '\0')
    g_string_append (line, "…");

  /* Corpus text: a plain label with attributes, never markup. */
  label = gtk_label_new (line->str);
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "mention-context");

  source = dup_source (document);
  source_label = gtk_label_new (source);
  gtk_label_set_xalign (GTK_LABEL (source_label), 0);
  gtk_label_set_wrap (GTK_LABEL (source_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (source_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (source_label, "caption");
  gtk_widget_add_css_class (source_label, "dimmed");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), source_label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: how a screen reader reads a mention: the words around the name, then
   * the article's title, outlet and date */
  accessible = g_strdup_printf (_("%s, in %s"), line->str, source);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_widget_set_tooltip_text (row, _("Show in Article"));

  return row;
}

static GtkWidget *
create_quote_row (gpointer item,
                  gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *quote_row = xinzhi_quote_row_new ();
  g_autofree char *accessible = NULL;

  xinzhi_quote_row_set_show_speaker (XINZHI_QUOTE_ROW (quote_row), FALSE);
  xinzhi_quote_row_set_quote (XINZHI_QUOTE_ROW (quote_row), item);
  gtk_widget_set_margin_start (quote_row, 9);
  gtk_widget_set_margin_end (quote_row, 9);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), quote_row);

  accessible = xinzhi_quote_row_dup_accessible_label (XINZHI_QUOTE_ROW (quote_row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

/* The person's roles, each with a button that removes it in a corpus a person owns. */
static void
fill_roles (XinzhiPersonPage *self)
{
  XinzhiPerson *person = self->person;

  gtk_list_box_remove_all (self->roles_list);
  for (guint i = 0; i < xinzhi_person_get_n_roles (person); i++)
    {
      XinzhiDocument *document = NULL;
      const char *role = xinzhi_person_get_role (person, i, &document);
      GtkWidget *row = xinzhi_role_row_new (role, document);

      if (self->editable)
        xinzhi_role_row_set_removable (XINZHI_ROLE_ROW (row), xinzhi_person_get_id (person), i);
      gtk_list_box_append (self->roles_list, row);
    }
}

static void
update_person (XinzhiPersonPage *self)
{
  XinzhiPerson *person = self->person;
  const char * const *variants = xinzhi_person_get_variants (person);
  const char *other_name = xinzhi_person_get_other_name (person);
  guint n_roles = xinzhi_person_get_n_roles (person);
  guint n_mentions = g_list_model_get_n_items (xinzhi_person_get_mentions (person));
  g_autoptr(GtkFilterListModel) filtered = NULL;

  adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), xinzhi_person_get_display_name (person));
  adw_avatar_set_text (self->avatar, xinzhi_person_get_display_name (person));
  gtk_label_set_text (self->name_label, xinzhi_person_get_display_name (person));
  gtk_label_set_text (self->name_zh_label, other_name ? other_name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_zh_label), other_name != NULL);

  if (variants[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) variants);
      /* Translators: %s is a list of other spellings of a person's name */
      g_autofree char *label = g_strdup_printf (_("Also spelled: %s"), joined);

      gtk_label_set_text (self->variants_label, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->variants_label), variants[0] != NULL);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->filter_button), "(ss)",
                                    "person", xinzhi_person_get_id (person));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->filter_button), "win.add-filter");

  /* The window's win.merge-person, for this person. */
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenuItem) merge = g_menu_item_new (_("_Merge Into Another Person…"), NULL);

    g_menu_item_set_action_and_target (merge, "win.merge-person", "s", xinzhi_person_get_id (person));
    g_menu_append_item (menu, merge);
    gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (menu));
  }

  fill_roles (self);
  gtk_widget_set_visible (self->roles_box, n_roles > 0);

  filtered = gtk_filter_list_model_new (g_object_ref (xinzhi_person_get_quotes (person)),
                                        g_object_ref (GTK_FILTER (self->reviewed)));
  gtk_sort_list_model_set_model (self->quotes, G_LIST_MODEL (filtered));
  gtk_list_box_bind_model (self->quotes_list, G_LIST_MODEL (self->quotes),
                           create_quote_row, NULL, NULL);

  gtk_sort_list_model_set_model (self->mentions, xinzhi_person_get_mentions (person));
  gtk_list_box_bind_model (self->mentions_list, G_LIST_MODEL (self->mentions),
                           create_mention_row, NULL, NULL);
  gtk_widget_set_visible (self->mentions_box, n_mentions > 0);
}

/* The counts under the name, and the quotes' heading, for the quotes shown. */
static void
update_counts (XinzhiPersonPage *self)
{
  guint n_quotes = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));
  guint n_mentions = g_list_model_get_n_items (xinzhi_person_get_mentions (self->person));
  g_autofree char *quotes = NULL;
  g_autofree char *mentions = NULL;
  g_autofree char *counts = NULL;

  if (xinzhi_reviewed_filter_get_reviewed_only (self->reviewed))
    quotes = g_strdup_printf (ngettext ("%u reviewed quote", "%u reviewed quotes", n_quotes), n_quotes);
  else
    quotes = g_strdup_printf (ngettext ("%u quote", "%u quotes", n_quotes), n_quotes);
  mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", n_mentions), n_mentions);
  /* Translators: the numbers of quotes and of mentions of a person, as in
   * "6 quotes · 3 mentions" */
  counts = g_strdup_printf (_("%s · %s"), quotes, mentions);
  gtk_label_set_text (self->counts_label, counts);
  gtk_widget_set_visible (self->quotes_box, n_quotes > 0);
}

static void
quotes_list_row_activated_cb (XinzhiPersonPage *self,
                              GtkListBoxRow    *row,
                              GtkListBox       *list_box)
{
  g_autoptr(XinzhiQuote) quote = NULL;

  quote = g_list_model_get_item (G_LIST_MODEL (self->quotes), gtk_list_box_row_get_index (row));
  g_return_if_fail (quote != NULL);

  /* The Quotes view shows it in its viewer. */
  gtk_widget_activate_action (GTK_WIDGET (self), "quotes.select-quote", "s", xinzhi_quote_get_id (quote));
}

static void
mentions_list_row_activated_cb (XinzhiPersonPage *self,
                                GtkListBoxRow    *row,
                                GtkListBox       *list_box)
{
  g_autoptr(XinzhiMention) mention = NULL;

  mention = g_list_model_get_item (G_LIST_MODEL (self->mentions), gtk_list_box_row_get_index (row));
  g_return_if_fail (mention != NULL);

  /* The window opens the article there. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-mention", "(suuu)",
                              xinzhi_document_get_id (xinzhi_mention_get_document (mention)),
                              xinzhi_mention_get_paragraph (mention),
                              xinzhi_mention_get_start (mention),
                              xinzhi_mention_get_end (mention));
}

static void
xinzhi_person_page_constructed (GObject *object)
{
  XinzhiPersonPage *self = XINZHI_PERSON_PAGE (object);

  G_OBJECT_CLASS (xinzhi_person_page_parent_class)->constructed (object);

  g_assert (self->person != NULL);
  update_person (self);
}

static void
xinzhi_person_page_dispose (GObject *object)
{
  XinzhiPersonPage *self = XINZHI_PERSON_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_PERSON_PAGE);
  g_clear_object (&self->quotes);
  g_clear_object (&self->reviewed);
  g_clear_object (&self->mentions);
  g_clear_object (&self->person);

  G_OBJECT_CLASS (xinzhi_person_page_parent_class)->dispose (object);
}

static void
xinzhi_person_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XinzhiPersonPage *self = XINZHI_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_SHOW_TITLE_BUTTONS:
      g_value_set_boolean (value, self->show_title_buttons);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_person_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XinzhiPersonPage *self = XINZHI_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;
    case PROP_SHOW_TITLE_BUTTONS:
      xinzhi_person_page_set_show_title_buttons (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_person_page_class_init (XinzhiPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xinzhi_person_page_constructed;
  object_class->dispose = xinzhi_person_page_dispose;
  object_class->get_property = xinzhi_person_page_get_property;
  object_class->set_property = xinzhi_person_page_set_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         XINZHI_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiPersonPage:show-title-buttons:
   *
   * Whether the page's header bar shows the window's buttons, for when it stands in for
   * the window's own header bar.
   */
  properties[PROP_SHOW_TITLE_BUTTONS] =
    g_param_spec_boolean ("show-title-buttons", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XINZHI_TYPE_QUOTE_ROW);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-person-page.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, name_zh_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, variants_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, roles_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, roles_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, quotes_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, quotes_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, mentions_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiPersonPage, mentions_list);
  gtk_widget_class_bind_template_callback (widget_class, quotes_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, mentions_list_row_activated_cb);
}

static void
xinzhi_person_page_init (XinzhiPersonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reviewed = XINZHI_REVIEWED_FILTER (xinzhi_reviewed_filter_new ());
  self->quotes = gtk_sort_list_model_new (NULL,
    GTK_SORTER (gtk_custom_sorter_new (xinzhi_quote_row_compare_quotes, NULL, NULL)));
  g_signal_connect_object (self->quotes, "items-changed", G_CALLBACK (update_counts), self,
                           G_CONNECT_SWAPPED);
  self->mentions = gtk_sort_list_model_new (NULL,
    GTK_SORTER (gtk_custom_sorter_new (compare_mentions, NULL, NULL)));
}

/**
 * xinzhi_person_page_new:
 * @person: the person to show
 *
 * Returns: (transfer floating): a page showing @person
 */
AdwNavigationPage *
xinzhi_person_page_new (XinzhiPerson *person)
{
  g_return_val_if_fail (XINZHI_IS_PERSON (person), NULL);

  return g_object_new (XINZHI_TYPE_PERSON_PAGE, "person", person, NULL);
}

/**
 * xinzhi_person_page_get_person:
 *
 * Returns: (transfer none): the person shown
 */
XinzhiPerson *
xinzhi_person_page_get_person (XinzhiPersonPage *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON_PAGE (self), NULL);
  return self->person;
}

gboolean
xinzhi_person_page_get_show_title_buttons (XinzhiPersonPage *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON_PAGE (self), FALSE);
  return self->show_title_buttons;
}

void
xinzhi_person_page_set_show_title_buttons (XinzhiPersonPage *self,
                                           gboolean          show_title_buttons)
{
  g_return_if_fail (XINZHI_IS_PERSON_PAGE (self));

  show_title_buttons = !!show_title_buttons;
  if (show_title_buttons == self->show_title_buttons)
    return;

  self->show_title_buttons = show_title_buttons;
  adw_header_bar_set_show_start_title_buttons (self->header_bar, show_title_buttons);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, show_title_buttons);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE_BUTTONS]);
}

/**
 * xinzhi_person_page_get_reviewed_only:
 *
 * Returns: whether the page leaves out the quotes nobody has reviewed
 */
gboolean
xinzhi_person_page_get_reviewed_only (XinzhiPersonPage *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON_PAGE (self), FALSE);
  return xinzhi_reviewed_filter_get_reviewed_only (self->reviewed);
}

/**
 * xinzhi_person_page_set_editable:
 * @editable: whether the corpus shown is one a person owns and may correct
 *
 * Offers to remove the person's roles where @editable.
 */
void
xinzhi_person_page_set_editable (XinzhiPersonPage *self,
                                 gboolean          editable)
{
  g_return_if_fail (XINZHI_IS_PERSON_PAGE (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  fill_roles (self);
}

/**
 * xinzhi_person_page_set_reviewed_only:
 * @reviewed_only: whether to leave out the quotes nobody has reviewed
 */
void
xinzhi_person_page_set_reviewed_only (XinzhiPersonPage *self,
                                      gboolean          reviewed_only)
{
  g_return_if_fail (XINZHI_IS_PERSON_PAGE (self));

  xinzhi_reviewed_filter_set_reviewed_only (self->reviewed, reviewed_only);
  /* The count says "reviewed" even when no quote was left out. */
  update_counts (self);
}

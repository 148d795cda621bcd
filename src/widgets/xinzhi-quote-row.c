/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-palette.h"
#include "xinzhi-quote-row.h"

/* About how many characters of a quote a list box's row shows. */
#define LIST_BOX_SNIPPET_CHARS 180

/* One quote in a list of quotes: who said it and in what role, the start of the words,
 * where and when, and whether it is a direct quote or a paraphrase.  In a list of one
 * person's quotes the speaker goes without saying, and the article's title takes the
 * speaker's place.  A star and a pencil show that the person starred the quote or
 * wrote a note on it. */
struct _XinzhiQuoteRow
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkLabel     *heading_label;
  GtkLabel     *kind_label;
  GtkLabel     *unreviewed_label;
  GtkLabel     *role_label;
  GtkLabel     *text_label;
  GtkLabel     *source_label;
  GtkWidget    *star_image;
  GtkWidget    *note_image;

  /* Owned */
  XinzhiQuote  *quote;
  XinzhiNotes  *notes;
  GSignalGroup *notes_signals;

  gboolean      show_speaker;
};

G_DEFINE_FINAL_TYPE (XinzhiQuoteRow, xinzhi_quote_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_QUOTE,
  PROP_SHOW_SPEAKER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_source (XinzhiDocument *document)
{
  g_autofree char *outlet = NULL;
  g_autofree char *date = NULL;

  g_object_get (document,
                "outlet-label", &outlet,
                "date-label", &date,
                NULL);

  /* Translators: an article's outlet and date, as in "China News Service · 18 June 2024" */
  return g_strdup_printf (_("%s · %s"), outlet, date);
}

static gboolean
is_starred (XinzhiQuoteRow *self)
{
  return self->notes != NULL && self->quote != NULL &&
         xinzhi_notes_get_starred (self->notes, "quote", xinzhi_quote_get_id (self->quote));
}

static void
update_marks (XinzhiQuoteRow *self)
{
  gtk_widget_set_visible (self->star_image, is_starred (self));
  gtk_widget_set_visible (self->note_image,
                          self->notes != NULL && self->quote != NULL &&
                          xinzhi_notes_get_note (self->notes, "quote",
                                                 xinzhi_quote_get_id (self->quote)) != NULL);
}

static void
update_labels (XinzhiQuoteRow *self)
{
  XinzhiDocument *document = NULL;
  g_autofree char *role = NULL;
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;
  gboolean direct = TRUE;

  if (self->quote != NULL)
    {
      document = xinzhi_quote_get_document (self->quote);
      direct = xinzhi_quote_get_kind (self->quote) == XINZHI_QUOTE_DIRECT;
      role = xinzhi_quote_dup_role (self->quote);
      source = dup_source (document);
      if (direct)
        /* Translators: the words of a direct quote, in quotation marks */
        text = g_strdup_printf (C_("quotation", "“%s”"), xinzhi_quote_get_text (self->quote));
      else
        text = g_strdup (xinzhi_quote_get_text (self->quote));
    }

  /* Corpus text is set as plain text, never parsed as markup.  Without the speaker,
   * the outlet and date head the row, as in the list of articles, and the article's
   * title follows the words. */
  if (self->quote == NULL)
    {
      gtk_label_set_text (self->heading_label, "");
      gtk_label_set_text (self->source_label, "");
    }
  else if (self->show_speaker)
    {
      gtk_label_set_text (self->heading_label,
                          xinzhi_person_get_display_name (xinzhi_quote_get_person (self->quote)));
      gtk_label_set_text (self->source_label, source);
    }
  else
    {
      gtk_label_set_text (self->heading_label, source);
      gtk_label_set_text (self->source_label, xinzhi_document_get_title (document));
    }

  gtk_label_set_text (self->role_label, role ? role : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), self->show_speaker && role != NULL);
  gtk_label_set_text (self->text_label, text ? text : "");

  gtk_label_set_text (self->kind_label, direct ? _("Direct") : _("Paraphrase"));
  gtk_widget_set_visible (GTK_WIDGET (self->kind_label), self->quote != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->unreviewed_label),
                          self->quote != NULL && !xinzhi_quote_get_reviewed (self->quote));
  if (direct)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "direct");
      gtk_widget_remove_css_class (GTK_WIDGET (self->kind_label), "paraphrase");
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "paraphrase-text");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "paraphrase");
      gtk_widget_remove_css_class (GTK_WIDGET (self->kind_label), "direct");
      gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "paraphrase-text");
    }

  update_marks (self);
}

static void
xinzhi_quote_row_dispose (GObject *object)
{
  XinzhiQuoteRow *self = XINZHI_QUOTE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_QUOTE_ROW);
  g_clear_object (&self->quote);
  g_clear_object (&self->notes_signals);
  g_clear_object (&self->notes);

  G_OBJECT_CLASS (xinzhi_quote_row_parent_class)->dispose (object);
}

static void
xinzhi_quote_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XinzhiQuoteRow *self = XINZHI_QUOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      g_value_set_object (value, self->quote);
      break;
    case PROP_SHOW_SPEAKER:
      g_value_set_boolean (value, self->show_speaker);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_quote_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XinzhiQuoteRow *self = XINZHI_QUOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      xinzhi_quote_row_set_quote (self, g_value_get_object (value));
      break;
    case PROP_SHOW_SPEAKER:
      xinzhi_quote_row_set_show_speaker (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_quote_row_class_init (XinzhiQuoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_quote_row_dispose;
  object_class->get_property = xinzhi_quote_row_get_property;
  object_class->set_property = xinzhi_quote_row_set_property;

  properties[PROP_QUOTE] =
    g_param_spec_object ("quote", NULL, NULL,
                         XINZHI_TYPE_QUOTE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiQuoteRow:show-speaker:
   *
   * Whether the row names the speaker and their role; otherwise it names the article.
   */
  properties[PROP_SHOW_SPEAKER] =
    g_param_spec_boolean ("show-speaker", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-quote-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteRow, unreviewed_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteRow, role_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteRow, star_image);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteRow, note_image);
}

static void
xinzhi_quote_row_init (XinzhiQuoteRow *self)
{
  self->show_speaker = TRUE;
  self->notes_signals = g_signal_group_new (XINZHI_TYPE_NOTES);
  g_signal_group_connect_object (self->notes_signals, "changed", G_CALLBACK (update_marks),
                                 self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The Direct and Paraphrase tags take the quote colours from style.css. */
  xinzhi_palette_watch (GTK_WIDGET (self), NULL);
  update_labels (self);
}

GtkWidget *
xinzhi_quote_row_new (void)
{
  return g_object_new (XINZHI_TYPE_QUOTE_ROW, NULL);
}

/**
 * xinzhi_quote_row_get_quote:
 *
 * Returns: (transfer none) (nullable): the quote the row shows
 */
XinzhiQuote *
xinzhi_quote_row_get_quote (XinzhiQuoteRow *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE_ROW (self), NULL);
  return self->quote;
}

gboolean
xinzhi_quote_row_get_show_speaker (XinzhiQuoteRow *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE_ROW (self), FALSE);
  return self->show_speaker;
}

/**
 * xinzhi_quote_row_dup_accessible_label:
 *
 * The row as a screen reader should read it, as
 * xinzhi_quote_row_format_accessible_label() says, with all the words.
 *
 * Returns: (transfer full): the label, empty when the row shows no quote
 */
char *
xinzhi_quote_row_dup_accessible_label (XinzhiQuoteRow *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE_ROW (self), NULL);

  if (self->quote == NULL)
    return g_strdup ("");

  return xinzhi_quote_row_format_accessible_label (self->quote, 0, is_starred (self));
}

/**
 * xinzhi_quote_row_format_accessible_label:
 * @quote: a quote
 * @max_chars: how many characters of the words to read at most, or 0 for all
 * @starred: whether the person starred the quote
 *
 * How a screen reader reads a quote, in any list that shows one: the speaker and
 * their role as the article gives it, whether the words are quoted or reported, the
 * words (their start, when a row shows only that), then the article's title, outlet
 * and date.  Rows of one speaker differ by what they hold, not only by whose they are.
 *
 * Returns: (transfer full): the label
 */
char *
xinzhi_quote_row_format_accessible_label (XinzhiQuote *quote,
                                          guint        max_chars,
                                          gboolean     starred)
{
  XinzhiDocument *document;
  g_autofree char *role = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *words = NULL;
  g_autofree char *source = NULL;
  g_autofree char *label = NULL;
  const char *text;

  g_return_val_if_fail (XINZHI_IS_QUOTE (quote), NULL);

  document = xinzhi_quote_get_document (quote);
  role = xinzhi_quote_dup_role (quote);
  if (role != NULL)
    /* Translators: how a screen reader reads a speaker: the name, then the role as
     * the article gives it */
    speaker = g_strdup_printf (_("%s, %s"), xinzhi_person_get_display_name (xinzhi_quote_get_person (quote)), role);
  else
    speaker = g_strdup (xinzhi_person_get_display_name (xinzhi_quote_get_person (quote)));

  text = xinzhi_quote_get_text (quote);
  if (max_chars > 0 && g_utf8_strlen (text, -1) > max_chars)
    {
      g_autofree char *start = g_utf8_substring (text, 0, max_chars);

      words = g_strconcat (start, "…", NULL);
    }
  else
    words = g_strdup (text);

  source = dup_source (document);
  if (xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT)
    /* Translators: how a screen reader reads a quote: 1. the speaker and role, 2. the
     * words, 3. the article's title, 4. its outlet and date */
    label = g_strdup_printf (_("%1$s, direct quote: %2$s, in %3$s, %4$s"),
                             speaker, words, xinzhi_document_get_title (document), source);
  else
    /* Translators: how a screen reader reads a paraphrase: 1. the speaker and role,
     * 2. the words, 3. the article's title, 4. its outlet and date */
    label = g_strdup_printf (_("%1$s, paraphrase: %2$s, in %3$s, %4$s"),
                             speaker, words, xinzhi_document_get_title (document), source);

  if (!xinzhi_quote_get_reviewed (quote))
    {
      /* Translators: how a screen reader reads a quote the extractor found and nobody
       * has reviewed: %s is the quote */
      char *unreviewed = g_strdup_printf (_("Unreviewed: %s"), label);

      g_free (label);
      label = unreviewed;
    }

  if (starred)
    /* Translators: how a screen reader reads a starred quote: %s is the quote */
    return g_strdup_printf (_("Starred: %s"), label);

  return g_steal_pointer (&label);
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

/**
 * xinzhi_quote_row_new_list_box_row:
 * @quote: a quote
 *
 * A quote as a row of a boxed #GtkListBox, for the panes that list a few quotes
 * (an event's, a sector's) where the lists of quotes use #XinzhiQuoteRow: the speaker
 * and the article's date, the words (their start, in quotation marks when quoted),
 * whether they are quoted or reported, whether nobody has reviewed them, and a
 * chevron, for the row opens the quote in its article.  A screen reader hears
 * xinzhi_quote_row_format_accessible_label().
 *
 * Returns: (transfer floating): the row, activatable
 */
GtkWidget *
xinzhi_quote_row_new_list_box_row (XinzhiQuote *quote)
{
  XinzhiDocument *document;
  g_autofree char *snippet = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row;
  GtkWidget *kind;
  GtkWidget *chevron;

  g_return_val_if_fail (XINZHI_IS_QUOTE (quote), NULL);

  document = xinzhi_quote_get_document (quote);
  snippet = shorten_text (xinzhi_quote_get_text (quote), LIST_BOX_SNIPPET_CHARS);
  date = xinzhi_document_dup_date_label (document);
  if (xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT)
    /* Translators: a direct quote, in quotation marks */
    subtitle = g_strdup_printf (_("“%s”"), snippet);
  else
    subtitle = g_steal_pointer (&snippet);

  /* Translators: a quote's row: the speaker, then the date of the article */
  title = g_strdup_printf (_("%s · %s"),
                           xinzhi_person_get_display_name (xinzhi_quote_get_person (quote)), date);

  row = adw_action_row_new ();
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
  chevron = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_add_css_class (chevron, "dimmed");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chevron);

  /* An action row is labelled by its title label, which would win over a label of its
   * own; the speaker and date alone would name several rows alike. */
  label = xinzhi_quote_row_format_accessible_label (quote, LIST_BOX_SNIPPET_CHARS, FALSE);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return row;
}

/**
 * xinzhi_quote_row_new_unreviewed_tag:
 *
 * The tag a quote's row shows when the extractor suggested the quote and nobody has
 * reviewed it, for lists whose rows are not #XinzhiQuoteRow.
 *
 * Returns: (transfer floating): the tag
 */
GtkWidget *
xinzhi_quote_row_new_unreviewed_tag (void)
{
  GtkWidget *tag = gtk_label_new (C_("quote", "Unreviewed"));

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (tag, _("Found by the extractor; nobody has reviewed it yet"));
  gtk_widget_add_css_class (tag, "unreviewed-tag");
  return tag;
}

void
xinzhi_quote_row_set_quote (XinzhiQuoteRow *self,
                            XinzhiQuote    *quote)
{
  g_return_if_fail (XINZHI_IS_QUOTE_ROW (self));
  g_return_if_fail (quote == NULL || XINZHI_IS_QUOTE (quote));

  if (!g_set_object (&self->quote, quote))
    return;

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}

void
xinzhi_quote_row_set_show_speaker (XinzhiQuoteRow *self,
                                   gboolean        show_speaker)
{
  g_return_if_fail (XINZHI_IS_QUOTE_ROW (self));

  show_speaker = !!show_speaker;
  if (show_speaker == self->show_speaker)
    return;

  self->show_speaker = show_speaker;
  if (show_speaker)
    gtk_widget_set_css_classes (GTK_WIDGET (self->heading_label),
                                (const char *[]) { "heading", NULL });
  else
    gtk_widget_set_css_classes (GTK_WIDGET (self->heading_label),
                                (const char *[]) { "caption-heading", "dimmed", "numeric", NULL });
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SPEAKER]);
}

/**
 * xinzhi_quote_row_set_notes:
 * @notes: (nullable): the person's stars and notes, shown as marks on the row
 */
void
xinzhi_quote_row_set_notes (XinzhiQuoteRow *self,
                            XinzhiNotes    *notes)
{
  g_return_if_fail (XINZHI_IS_QUOTE_ROW (self));
  g_return_if_fail (notes == NULL || XINZHI_IS_NOTES (notes));

  if (!g_set_object (&self->notes, notes))
    return;

  g_signal_group_set_target (self->notes_signals, notes);
  update_marks (self);
}

/**
 * xinzhi_quote_row_compare_quotes:
 * @a: a #XinzhiQuote
 * @b: a #XinzhiQuote
 * @user_data: unused
 *
 * The order in which lists show quotes: newest article first, as the list of articles
 * does (the model's order of documents, reversed), and the quotes of one article in
 * text order.
 *
 * Returns: negative, 0 or positive, as a #GCompareDataFunc
 */
int
xinzhi_quote_row_compare_quotes (gconstpointer a,
                                 gconstpointer b,
                                 gpointer      user_data)
{
  XinzhiQuote *quote_a = XINZHI_QUOTE ((gpointer) a);
  XinzhiQuote *quote_b = XINZHI_QUOTE ((gpointer) b);
  XinzhiDocument *document_a = xinzhi_quote_get_document (quote_a);
  XinzhiDocument *document_b = xinzhi_quote_get_document (quote_b);

  if (document_a != document_b)
    return xinzhi_document_compare (document_b, document_a);

  return xinzhi_quote_compare (quote_a, quote_b);
}

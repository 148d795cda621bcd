/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-note-editor.h"
#include "xinzhi-palette.h"
#include "xinzhi-quote-view.h"
#include "xinzhi-role-row.h"
#include "xinzhi-sector.h"

/* One quote, large: the words (in quotation marks when direct, marked when a
 * paraphrase), who said them and in what role, the paragraph they come from with the
 * words highlighted, the article, the sectors they name, and the speaker with every role
 * the corpus gives them and every spelling of their name; and the person's own star and
 * note on the quote (XinzhiNoteEditor).
 *
 * Its buttons name the actions of the page that holds it: quotes.show-in-article,
 * quotes.copy-plain, quotes.copy-markdown and quotes.show-speaker; an unreviewed quote's
 * Accept and Reject name the window's win.accept-quote and win.reject-quote. */
struct _XinzhiQuoteView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkScrolledWindow *scrolled_window;
  GtkWidget         *suggestion_box;
  GtkLabel          *suggestion_label;
  GtkWidget         *accept_button;
  GtkWidget         *reject_button;
  GtkWidget         *accept_all_button;
  GtkMenuButton     *correct_button;
  GtkLabel          *kind_label;
  GtkLabel          *quote_label;
  GtkLabel          *speaker_label;
  GtkLabel          *role_label;
  GtkLabel          *paragraph_label;
  GtkLabel          *article_title_label;
  GtkLabel          *article_meta_label;
  GtkWidget         *sectors_box;
  AdwWrapBox        *sectors_wrap;
  AdwActionRow      *speaker_row;
  AdwAvatar         *speaker_avatar;
  GtkListBox        *roles_list;
  XinzhiNoteEditor  *note_editor;

  /* Owned */
  XinzhiQuote       *quote;
  XinzhiPerson      *roles_person;  /* whose roles roles_list holds */
};

G_DEFINE_FINAL_TYPE (XinzhiQuoteView, xinzhi_quote_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The paragraph is corpus text, so it is set as plain text and the quote is marked
 * with attributes over its byte range, never with markup. */
static void
update_paragraph_highlight (XinzhiQuoteView *self)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  XinzhiPalette palette;
  GdkRGBA tint;
  const char *evidence;
  guint evidence_start;

  if (self->quote == NULL || self->paragraph_label == NULL)
    return;

  /* As the reader highlights quotes, lighter for a paraphrase. */
  xinzhi_palette_init (&palette, GTK_WIDGET (self));
  tint = xinzhi_palette_get_tint (&palette,
                                  xinzhi_quote_get_kind (self->quote) == XINZHI_QUOTE_DIRECT
                                  ? XINZHI_TINT_QUOTE : XINZHI_TINT_PARAPHRASE);
  attrs = pango_attr_list_new ();
  xinzhi_palette_add_background (attrs, &tint,
                                 xinzhi_quote_get_start (self->quote),
                                 xinzhi_quote_get_end (self->quote));

  /* An unreviewed quote's evidence, the words the extractor found it by, underlined. */
  if (xinzhi_quote_get_suggestion (self->quote, NULL, &evidence, &evidence_start, NULL))
    {
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);

      underline->start_index = evidence_start;
      underline->end_index = evidence_start + strlen (evidence);
      pango_attr_list_insert (attrs, underline);
    }
  gtk_label_set_attributes (self->paragraph_label, attrs);
}

static void
update_speaker (XinzhiQuoteView *self,
                XinzhiPerson    *person)
{
  const char * const *variants = xinzhi_person_get_variants (person);
  const char *other_name = xinzhi_person_get_other_name (person);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *label = NULL;
  GtkWidget *child;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->speaker_row),
                                 xinzhi_person_get_display_name (person));
  adw_avatar_set_text (self->speaker_avatar, xinzhi_person_get_display_name (person));

  if (other_name != NULL)
    g_string_append (subtitle, other_name);
  if (variants[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) variants);
      /* Translators: %s is a list of other spellings of a person's name */
      g_autofree char *also = g_strdup_printf (_("Also spelled: %s"), joined);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, also);
    }
  adw_action_row_set_subtitle (self->speaker_row, subtitle->str);
  /* The name with its Chinese form and spellings; the row is labelled by its title
   * label otherwise, which wins over a label of its own. */
  if (subtitle->len > 0)
    /* Translators: how a screen reader reads a row: its title, then what it shows
     * under the title */
    label = g_strdup_printf (_("%s, %s"), xinzhi_person_get_name (person), subtitle->str);
  else
    label = g_strdup (xinzhi_person_get_name (person));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->speaker_row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->speaker_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  if (person == self->roles_person)
    return;

  /* A person's roles are a short array, not a list model: the rows follow them. */
  g_set_object (&self->roles_person, person);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->roles_list))) != NULL)
    gtk_list_box_remove (self->roles_list, child);

  for (guint i = 0; i < xinzhi_person_get_n_roles (person); i++)
    {
      XinzhiDocument *document = NULL;
      const char *role = xinzhi_person_get_role (person, i, &document);

      gtk_list_box_append (self->roles_list, xinzhi_role_row_new (role, document));
    }
}

static void
update_sectors (XinzhiQuoteView *self)
{
  GListModel *sectors = xinzhi_quote_get_sectors (self->quote);
  guint n_sectors = g_list_model_get_n_items (sectors);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sectors_wrap))) != NULL)
    adw_wrap_box_remove (self->sectors_wrap, child);

  for (guint i = 0; i < n_sectors; i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);
      GtkWidget *label = gtk_label_new (xinzhi_sector_get_display_name (sector));

      gtk_widget_add_css_class (label, "sector-chip");
      gtk_widget_set_tooltip_text (label, xinzhi_sector_get_other_name (sector));
      adw_wrap_box_append (self->sectors_wrap, label);
    }

  gtk_widget_set_visible (self->sectors_box, n_sectors > 0);
}

/* How many of @quotes nobody has reviewed. */
static guint
count_unreviewed (GListModel *quotes)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);

      n += !xinzhi_quote_get_reviewed (quote);
    }
  return n;
}

/* The Correct menu: the other people the quote's article names, each a
 * win.set-speaker, a new person (win.set-new-speaker), a role for the speaker
 * (win.add-role), and the other kind, a win.set-kind. */
static void
update_correct_menu (XinzhiQuoteView *self)
{
  GListModel *people = xinzhi_document_get_people (xinzhi_quote_get_document (self->quote));
  XinzhiPerson *speaker = xinzhi_quote_get_person (self->quote);
  const char *id = xinzhi_quote_get_id (self->quote);
  gboolean direct = xinzhi_quote_get_kind (self->quote) == XINZHI_QUOTE_DIRECT;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) speakers = g_menu_new ();
  g_autoptr(GMenu) kinds = g_menu_new ();
  g_autoptr(GMenuItem) kind = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, i);
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      if (person == speaker)
        continue;
      /* A name from the corpus: never markup, and a "_" in it is a "_", not a
       * mnemonic. */
      parts = g_strsplit (xinzhi_person_get_display_name (person), "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_attribute (item, "use-markup", "b", FALSE);
      g_menu_item_set_action_and_target (item, "win.set-speaker", "(ss)", id, xinzhi_person_get_id (person));
      g_menu_append_item (speakers, item);
    }
  {
    /* Translators: the choice of a speaker who is not yet a person of the corpus */
    g_autoptr(GMenuItem) item = g_menu_item_new (_("New Person…"), NULL);

    g_menu_item_set_action_and_target (item, "win.set-new-speaker", "s", id);
    g_menu_append_item (speakers, item);
  }
  /* Translators: the heading of the people a quote can be given to */
  g_menu_append_section (menu, _("Spoken By"), G_MENU_MODEL (speakers));

  {
    g_autoptr(GMenuItem) role = g_menu_item_new (_("Add _Role…"), NULL);

    g_menu_item_set_action_and_target (role, "win.add-role", "s", id);
    g_menu_append_item (kinds, role);
  }
  kind = g_menu_item_new (direct ? _("Mark as Paraphrase") : _("Mark as Direct Quote"), NULL);
  g_menu_item_set_action_and_target (kind, "win.set-kind", "(ss)", id, direct ? "paraphrase" : "direct");
  g_menu_append_item (kinds, kind);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (kinds));

  gtk_menu_button_set_menu_model (self->correct_button, G_MENU_MODEL (menu));
}

/* What the extractor found an unreviewed quote by: its rule and the words, and how it
 * resolved the speaker when it says.  The words are corpus text: plain text. */
static void
update_suggestion (XinzhiQuoteView *self)
{
  const char *rule, *evidence, *note;
  g_autofree char *words = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  guint n_unreviewed;

  if (!xinzhi_quote_get_suggestion (self->quote, &rule, &evidence, NULL, &note))
    {
      gtk_widget_set_visible (self->suggestion_box, FALSE);
      return;
    }

  /* Translators: why the extractor suggests a quote: 1. the words it was found by,
   * 2. the name of the rule */
  /* The words as the text has them, without the spaces around them. */
  words = g_strstrip (g_strdup (evidence));
  text = g_strdup_printf (_("Found by the words “%1$s” (rule %2$s)."), words, rule);
  if (note != NULL)
    {
      /* How it resolved the speaker, on a line of its own. */
      char *with_note = g_strconcat (text, "\n", note, NULL);

      g_free (text);
      text = with_note;
    }
  gtk_label_set_text (self->suggestion_label, text);
  /* The window's win.accept-quote and win.reject-quote, for this quote. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->accept_button), "s", xinzhi_quote_get_id (self->quote));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->reject_button), "s", xinzhi_quote_get_id (self->quote));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->accept_all_button), "s", xinzhi_quote_get_id (self->quote));
  /* Only where there is more than this one to accept. */
  n_unreviewed = count_unreviewed (xinzhi_document_get_quotes (xinzhi_quote_get_document (self->quote)));
  gtk_widget_set_visible (self->accept_all_button, n_unreviewed > 1);
  tooltip = g_strdup_printf (ngettext ("Accept the %u quote of this article that nobody has reviewed",
                                       "Accept the %u quotes of this article that nobody has reviewed",
                                       n_unreviewed), n_unreviewed);
  gtk_widget_set_tooltip_text (self->accept_all_button, tooltip);
  update_correct_menu (self);
  gtk_widget_set_visible (self->suggestion_box, TRUE);
}

static void
update_quote (XinzhiQuoteView *self)
{
  XinzhiQuote *quote = self->quote;
  XinzhiDocument *document;
  XinzhiPerson *person;
  const XinzhiParagraph *paragraph;
  g_autofree char *text = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *role = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  gboolean direct;

  xinzhi_note_editor_set_item (self->note_editor, "quote", quote ? xinzhi_quote_get_id (quote) : NULL);
  if (quote == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  document = xinzhi_quote_get_document (quote);
  person = xinzhi_quote_get_person (quote);
  paragraph = xinzhi_document_get_paragraph (document, xinzhi_quote_get_paragraph (quote));
  direct = xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT;

  /* Corpus text is set as plain text throughout, never parsed as markup. */
  if (direct)
    /* Translators: the words of a direct quote, in quotation marks */
    text = g_strdup_printf (C_("quotation", "“%s”"), xinzhi_quote_get_text (quote));
  else
    text = g_strdup (xinzhi_quote_get_text (quote));
  gtk_label_set_text (self->quote_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_label), !direct);

  /* Translators: the speaker under a quote, as in "— Li Yuju" */
  speaker = g_strdup_printf (_("— %s"), xinzhi_person_get_display_name (person));
  gtk_label_set_text (self->speaker_label, speaker);
  role = xinzhi_quote_dup_role (quote);
  gtk_label_set_text (self->role_label, role ? role : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), role != NULL);

  gtk_label_set_text (self->paragraph_label, paragraph->text);
  update_paragraph_highlight (self);
  gtk_label_set_text (self->article_title_label, xinzhi_document_get_title (document));
  g_object_get (document,
                "outlet-label", &outlet,
                "date-label", &date,
                NULL);
  /* Translators: an article's outlet and date, as in "China News Service · 18 June 2024" */
  meta = g_strdup_printf (_("%s · %s"), outlet, date);
  gtk_label_set_text (self->article_meta_label, meta);

  update_suggestion (self);
  update_sectors (self);
  update_speaker (self, person);

  gtk_stack_set_visible_child_name (self->stack, "quote");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
style_changed_cb (XinzhiQuoteView *self)
{
  update_paragraph_highlight (self);
}

static void
xinzhi_quote_view_dispose (GObject *object)
{
  XinzhiQuoteView *self = XINZHI_QUOTE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_QUOTE_VIEW);
  g_clear_object (&self->quote);
  g_clear_object (&self->roles_person);

  G_OBJECT_CLASS (xinzhi_quote_view_parent_class)->dispose (object);
}

static void
xinzhi_quote_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XinzhiQuoteView *self = XINZHI_QUOTE_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      g_value_set_object (value, self->quote);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_quote_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XinzhiQuoteView *self = XINZHI_QUOTE_VIEW (object);

  switch (prop_id)
    {
    case PROP_QUOTE:
      xinzhi_quote_view_set_quote (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_quote_view_class_init (XinzhiQuoteViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_quote_view_dispose;
  object_class->get_property = xinzhi_quote_view_get_property;
  object_class->set_property = xinzhi_quote_view_set_property;

  properties[PROP_QUOTE] =
    g_param_spec_object ("quote", NULL, NULL,
                         XINZHI_TYPE_QUOTE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (XINZHI_TYPE_NOTE_EDITOR);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-quote-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, accept_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, reject_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, accept_all_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, correct_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, quote_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, role_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, paragraph_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, article_title_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, article_meta_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, sectors_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, sectors_wrap);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, speaker_row);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, speaker_avatar);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, roles_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiQuoteView, note_editor);
}

static void
xinzhi_quote_view_init (XinzhiQuoteView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xinzhi_palette_watch (GTK_WIDGET (self), G_CALLBACK (style_changed_cb));

  update_quote (self);
}

/**
 * xinzhi_quote_view_get_quote:
 *
 * Returns: (transfer none) (nullable): the quote shown
 */
XinzhiQuote *
xinzhi_quote_view_get_quote (XinzhiQuoteView *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE_VIEW (self), NULL);
  return self->quote;
}

/**
 * xinzhi_quote_view_set_quote:
 * @quote: (nullable): the quote to show, or %NULL for none
 *
 * Shows @quote from the top.
 */
void
xinzhi_quote_view_set_quote (XinzhiQuoteView *self,
                             XinzhiQuote     *quote)
{
  g_return_if_fail (XINZHI_IS_QUOTE_VIEW (self));
  g_return_if_fail (quote == NULL || XINZHI_IS_QUOTE (quote));

  if (!g_set_object (&self->quote, quote))
    return;

  update_quote (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
}

/**
 * xinzhi_quote_view_set_notes:
 * @notes: (nullable): the person's stars and notes; %NULL hides the note editor
 */
void
xinzhi_quote_view_set_notes (XinzhiQuoteView *self,
                             XinzhiNotes     *notes)
{
  g_return_if_fail (XINZHI_IS_QUOTE_VIEW (self));

  xinzhi_note_editor_set_notes (self->note_editor, notes);
}

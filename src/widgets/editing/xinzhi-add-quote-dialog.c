/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * XinzhiAddQuoteDialog: who spoke the words a person selected in an article, in what
 * role, and whether they are quoted or reported (docs/editing.md).  The speaker is one
 * of the people the article names (with the role it gives them already, if any) or a
 * new person; a role is optional and must be words of the article; the kind starts as
 * the paragraph suggests (inside quotation marks or not).  "Add" emits ::add; the
 * window then makes the edit (xinzhi_corpus_add_quote_file_async()).
 *
 * The words and the names come from the corpus: they are shown as text, never as
 * markup.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-add-quote-dialog.h"
#include "xinzhi-person.h"

struct _XinzhiAddQuoteDialog
{
  AdwDialog        parent_instance;

  /* Template widgets */
  GtkLabel        *words_label;
  GtkLabel        *article_label;
  AdwComboRow     *speaker_row;
  AdwEntryRow     *name_row;
  AdwEntryRow     *role_row;
  GtkLabel        *role_label;
  AdwComboRow     *kind_row;

  XinzhiDocument  *document;
  char            *text;
  GPtrArray       *people;     /* of XinzhiPerson, as the speaker row lists them */
  char            *name;       /* the new speaker's name, trimmed, for the draft */
  char            *role;       /* the role, trimmed, for the draft */
};

G_DEFINE_FINAL_TYPE (XinzhiAddQuoteDialog, xinzhi_add_quote_dialog, ADW_TYPE_DIALOG)

enum {
  ADD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Whether the speaker row's last item, "New Person", is chosen. */
static gboolean
new_person_chosen (XinzhiAddQuoteDialog *self)
{
  return adw_combo_row_get_selected (self->speaker_row) >= self->people->len;
}

/* The text of @row without white space at its ends. */
static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
update_cb (XinzhiAddQuoteDialog *self)
{
  gboolean new_person;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *known_role = NULL;
  gboolean role_found;

  /* Not before xinzhi_add_quote_dialog_new() has given the article. */
  if (self->document == NULL)
    return;
  new_person = new_person_chosen (self);
  name = dup_trimmed (self->name_row);
  role = dup_trimmed (self->role_row);
  role_found = *role == '\0' || xinzhi_document_has_words (self->document, role);

  /* The role the article gives the speaker already, if any. */
  if (!new_person)
    {
      XinzhiPerson *person = g_ptr_array_index (self->people, adw_combo_row_get_selected (self->speaker_row));
      g_autofree char *roles = xinzhi_person_dup_role_in (person, self->document);

      if (roles != NULL)
        /* Translators: the first %s is a person's name, the second their role in the
         * article, both from the article */
        known_role = g_strdup_printf (_("The article gives %s the role “%s”."),
                                      xinzhi_person_get_display_name (person), roles);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->name_row), new_person);
  if (role_found)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->role_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->role_label), "error");
      gtk_label_set_text (self->role_label,
                          known_role != NULL ? known_role
                                             : _("A role is words of the article that say who the "
                                                 "speaker is, such as their post or where they work."));
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->role_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->role_label), "error");
      gtk_label_set_text (self->role_label, _("The article does not have these words. A role is "
                                              "copied from the article as it stands."));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->role_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_text (self->role_label), -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-quote.add",
                                 (!new_person || *name != '\0') && role_found);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XinzhiAddQuoteDialog *self = XINZHI_ADD_QUOTE_DIALOG (widget);

  g_signal_emit (self, signals[ADD], 0);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
xinzhi_add_quote_dialog_dispose (GObject *object)
{
  XinzhiAddQuoteDialog *self = XINZHI_ADD_QUOTE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_ADD_QUOTE_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  G_OBJECT_CLASS (xinzhi_add_quote_dialog_parent_class)->dispose (object);
}

static void
xinzhi_add_quote_dialog_finalize (GObject *object)
{
  XinzhiAddQuoteDialog *self = XINZHI_ADD_QUOTE_DIALOG (object);

  g_free (self->text);
  g_free (self->name);
  g_free (self->role);

  G_OBJECT_CLASS (xinzhi_add_quote_dialog_parent_class)->finalize (object);
}

static void
xinzhi_add_quote_dialog_class_init (XinzhiAddQuoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_add_quote_dialog_dispose;
  object_class->finalize = xinzhi_add_quote_dialog_finalize;

  /**
   * XinzhiAddQuoteDialog::add:
   *
   * The person chose Add: xinzhi_add_quote_dialog_get_draft() says what to add.
   */
  signals[ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "add-quote.add", NULL, add_action);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-add-quote-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddQuoteDialog, words_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddQuoteDialog, article_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddQuoteDialog, speaker_row);
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddQuoteDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddQuoteDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddQuoteDialog, role_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddQuoteDialog, kind_row);
  gtk_widget_class_bind_template_callback (widget_class, update_cb);
}

static void
xinzhi_add_quote_dialog_init (XinzhiAddQuoteDialog *self)
{
  self->people = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xinzhi_add_quote_dialog_new:
 * @document: the article the words are in
 * @text: the words, as xinzhi_corpus_edit_quote_words() gives them
 * @marked: whether they stand inside quotation marks: the kind starts as "Direct
 *   quote" if so, "Paraphrase" if not
 *
 * Returns: (transfer floating): a dialog that asks who spoke @text
 */
AdwDialog *
xinzhi_add_quote_dialog_new (XinzhiDocument *document,
                             const char     *text,
                             gboolean        marked)
{
  XinzhiAddQuoteDialog *self;
  GListModel *people;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *from = NULL;

  g_return_val_if_fail (XINZHI_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (XINZHI_TYPE_ADD_QUOTE_DIALOG, NULL);
  self->document = g_object_ref (document);
  self->text = g_strdup (text);

  /* Translators: %s is a quote's words, set between quotation marks */
  {
    g_autofree char *words = g_strdup_printf (_("“%s”"), text);

    gtk_label_set_text (self->words_label, words);
  }
  /* Translators: %s is the title of the article the words of a quote are in */
  from = g_strdup_printf (_("In “%s”"), xinzhi_document_get_title (document));
  gtk_label_set_text (self->article_label, from);

  people = xinzhi_document_get_people (document);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      XinzhiPerson *person = g_list_model_get_item (people, i);

      gtk_string_list_append (names, xinzhi_person_get_display_name (person));
      g_ptr_array_add (self->people, person);
    }
  /* Translators: the choice of a speaker who is not yet a person of the corpus */
  gtk_string_list_append (names, _("New Person"));
  adw_combo_row_set_model (self->speaker_row, G_LIST_MODEL (names));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");

  adw_combo_row_set_selected (self->kind_row, marked ? 0 : 1);
  update_cb (self);

  return ADW_DIALOG (self);
}

/**
 * xinzhi_add_quote_dialog_get_draft:
 * @draft: (out caller-allocates): the quote the person chose to add; its strings
 *   belong to the dialog
 */
void
xinzhi_add_quote_dialog_get_draft (XinzhiAddQuoteDialog *self,
                                   XinzhiQuoteDraft     *draft)
{
  g_return_if_fail (XINZHI_IS_ADD_QUOTE_DIALOG (self));
  g_return_if_fail (draft != NULL);

  draft->document = xinzhi_document_get_id (self->document);
  draft->text = self->text;
  draft->kind = adw_combo_row_get_selected (self->kind_row) == 0 ? XINZHI_QUOTE_DIRECT : XINZHI_QUOTE_PARAPHRASE;
  draft->person = NULL;
  draft->person_name = NULL;
  g_free (self->role);
  self->role = dup_trimmed (self->role_row);
  draft->role = *self->role != '\0' ? self->role : NULL;
  if (!new_person_chosen (self))
    {
      draft->person = xinzhi_person_get_id (g_ptr_array_index (self->people,
                                                               adw_combo_row_get_selected (self->speaker_row)));
      return;
    }
  g_free (self->name);
  self->name = dup_trimmed (self->name_row);
  draft->person_name = self->name;
}

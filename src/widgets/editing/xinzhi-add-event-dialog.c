/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * XinzhiAddEventDialog: an event a person reads in a sentence they selected in an
 * article (docs/editing.md).  The date is the one the sentence gives, read as the
 * extractor reads its candidates (xinzhi_extract_date_sentence()): stated by words of
 * the sentence, or an estimate with its reason; the person gives a short title in their
 * own words, and the summary starts as the sentence.  "Add" emits ::add; the window
 * then makes the edit (xinzhi_corpus_add_event_file_async()).
 *
 * The sentence and the title come from the corpus or the person: they are shown as
 * text, never as markup.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-add-event-dialog.h"

struct _XinzhiAddEventDialog
{
  AdwDialog        parent_instance;

  /* Template widgets */
  GtkLabel        *sentence_label;
  GtkLabel        *article_label;
  AdwActionRow    *date_row;
  AdwEntryRow     *title_row;
  AdwEntryRow     *summary_row;

  XinzhiDocument  *document;
  guint            paragraph;
  XinzhiDate       date;
  char            *date_words;  /* (nullable): the words that state the date */
  char            *date_note;   /* (nullable): why the date is an estimate */
  char            *title;       /* trimmed, for the draft */
  char            *summary;
};

G_DEFINE_FINAL_TYPE (XinzhiAddEventDialog, xinzhi_add_event_dialog, ADW_TYPE_DIALOG)

enum {
  ADD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text of @row without white space at its ends. */
static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* An event needs a title and a summary. */
static void
update_cb (XinzhiAddEventDialog *self)
{
  g_autofree char *title = dup_trimmed (self->title_row);
  g_autofree char *summary = dup_trimmed (self->summary_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "add-event.add", *title != '\0' && *summary != '\0');
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  XinzhiAddEventDialog *self = XINZHI_ADD_EVENT_DIALOG (widget);

  g_signal_emit (self, signals[ADD], 0);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
xinzhi_add_event_dialog_dispose (GObject *object)
{
  XinzhiAddEventDialog *self = XINZHI_ADD_EVENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_ADD_EVENT_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (xinzhi_add_event_dialog_parent_class)->dispose (object);
}

static void
xinzhi_add_event_dialog_finalize (GObject *object)
{
  XinzhiAddEventDialog *self = XINZHI_ADD_EVENT_DIALOG (object);

  g_free (self->date_words);
  g_free (self->date_note);
  g_free (self->title);
  g_free (self->summary);

  G_OBJECT_CLASS (xinzhi_add_event_dialog_parent_class)->finalize (object);
}

static void
xinzhi_add_event_dialog_class_init (XinzhiAddEventDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_add_event_dialog_dispose;
  object_class->finalize = xinzhi_add_event_dialog_finalize;

  /**
   * XinzhiAddEventDialog::add:
   *
   * The person chose Add: xinzhi_add_event_dialog_get_draft() says what to add.
   */
  signals[ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "add-event.add", NULL, add_action);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-add-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddEventDialog, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddEventDialog, article_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddEventDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, XinzhiAddEventDialog, summary_row);
  gtk_widget_class_bind_template_callback (widget_class, update_cb);
}

static void
xinzhi_add_event_dialog_init (XinzhiAddEventDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xinzhi_add_event_dialog_new:
 * @document: the article the sentence is in
 * @paragraph: the paragraph of it that holds the sentence
 * @sentence: the sentence, verbatim
 * @date: the date it gives (xinzhi_extract_date_sentence())
 * @date_words: (nullable): the words of it that state @date, or %NULL for an estimate
 * @date_note: (nullable): why @date is an estimate, when it is one
 *
 * Returns: (transfer floating): a dialog that asks the event's title and summary
 */
AdwDialog *
xinzhi_add_event_dialog_new (XinzhiDocument   *document,
                             guint             paragraph,
                             const char       *sentence,
                             const XinzhiDate *date,
                             const char       *date_words,
                             const char       *date_note)
{
  XinzhiAddEventDialog *self;
  g_autofree char *quoted = NULL;
  g_autofree char *from = NULL;
  g_autofree char *when = NULL;
  g_autofree char *how = NULL;

  g_return_val_if_fail (XINZHI_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (sentence != NULL && date != NULL, NULL);
  g_return_val_if_fail (date_words != NULL || date_note != NULL, NULL);

  self = g_object_new (XINZHI_TYPE_ADD_EVENT_DIALOG, NULL);
  self->document = g_object_ref (document);
  self->paragraph = paragraph;
  self->date = *date;
  self->date_words = g_strdup (date_words);
  self->date_note = g_strdup (date_note);

  /* Translators: %s is a sentence of an article, set between quotation marks */
  quoted = g_strdup_printf (_("“%s”"), sentence);
  gtk_label_set_text (self->sentence_label, quoted);
  /* Translators: %s is the title of the article the words of a quote are in */
  from = g_strdup_printf (_("In “%s”"), xinzhi_document_get_title (document));
  gtk_label_set_text (self->article_label, from);

  when = xinzhi_date_format (date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), when);
  if (date_words != NULL)
    /* Translators: %s is the words of a sentence that state an event's date */
    how = g_strdup_printf (_("Stated by “%s”"), date_words);
  else
    /* Translators: %s is why an event's date is an estimate */
    how = g_strdup_printf (_("Estimated: %s"), date_note);
  adw_action_row_set_subtitle (self->date_row, how);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row), sentence);
  update_cb (self);

  return ADW_DIALOG (self);
}

/**
 * xinzhi_add_event_dialog_get_draft:
 * @draft: (out caller-allocates): the event the person chose to add; its strings
 *   belong to the dialog
 */
void
xinzhi_add_event_dialog_get_draft (XinzhiAddEventDialog *self,
                                   XinzhiEventDraft     *draft)
{
  g_return_if_fail (XINZHI_IS_ADD_EVENT_DIALOG (self));
  g_return_if_fail (draft != NULL);

  g_free (self->title);
  self->title = dup_trimmed (self->title_row);
  g_free (self->summary);
  self->summary = dup_trimmed (self->summary_row);
  *draft = (XinzhiEventDraft) {
    .document = xinzhi_document_get_id (self->document),
    .paragraph = self->paragraph,
    .title = self->title,
    .summary = self->summary,
    .date = self->date,
    .date_words = self->date_words,
    .date_note = self->date_words == NULL ? self->date_note : NULL,
  };
}

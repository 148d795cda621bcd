/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-escape.h"
#include "xinzhi-note-editor.h"

/* A person's star and note on one quote, event or article, under a "Your Note" heading:
 * a star toggle and a text field.  Every keystroke goes into XinzhiNotes at once, which
 * saves by itself a moment later (the application turns on its autosave); notes changed
 * elsewhere (an import, another instance's save) show here at once.  Without notes the
 * editor hides itself.
 *
 * Under the field, where the person writes, it says when the notes are not being saved,
 * with the file and the reason, instead of "saved as you type"; and it refuses, with a
 * word, text that would make the note longer than XINZHI_NOTES_MAX_NOTE_LENGTH. */
struct _XinzhiNoteEditor
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkLabel        *heading_label;
  GtkToggleButton *star_button;
  GtkTextView     *text_view;
  GtkTextBuffer   *buffer;
  GtkWidget       *placeholder_label;
  GtkLabel        *limit_label;
  GtkWidget       *caption_label;
  GtkWidget       *problem_box;
  GtkLabel        *problem_label;

  /* Owned */
  XinzhiNotes     *notes;
  GSignalGroup    *notes_signals;
  char            *kind;
  char            *id;

  gboolean         can_star;
  gboolean         updating;   /* showing the notes, not taking an edit */
};

G_DEFINE_FINAL_TYPE (XinzhiNoteEditor, xinzhi_note_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NOTES,
  PROP_CAN_STAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_buffer_text (XinzhiNoteEditor *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

static void
update_star (XinzhiNoteEditor *self,
             gboolean          starred)
{
  gtk_button_set_icon_name (GTK_BUTTON (self->star_button),
                            starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->star_button), starred ? _("Unstar") : _("Star"));
}

/* Shows what the notes hold for the item; an edit in progress that already says the
 * same is left alone, so the cursor does not jump. */
static void
show_item (XinzhiNoteEditor *self)
{
  gboolean has_item = self->notes != NULL && self->kind != NULL && self->id != NULL;
  const char *note = NULL;
  gboolean starred = FALSE;
  g_autofree char *shown = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), has_item);
  if (has_item)
    {
      note = xinzhi_notes_get_note (self->notes, self->kind, self->id);
      starred = xinzhi_notes_get_starred (self->notes, self->kind, self->id);
    }

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->star_button, starred);
  update_star (self, starred);
  shown = dup_buffer_text (self);
  if (g_strcmp0 (shown, note ? note : "") != 0)
    gtk_text_buffer_set_text (self->buffer, note ? note : "", -1);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->star_button), self->can_star);
  gtk_widget_set_visible (self->placeholder_label, gtk_text_buffer_get_char_count (self->buffer) == 0);
}

static void
notes_changed_cb (XinzhiNoteEditor *self)
{
  show_item (self);
}

/* Says, in place of "saved as you type", that the notes are not being saved and why. */
static void
show_save_error (XinzhiNoteEditor *self)
{
  const GError *error = self->notes ? xinzhi_notes_get_save_error (self->notes) : NULL;
  gboolean was_shown = gtk_widget_get_visible (self->problem_box);

  gtk_widget_set_visible (self->caption_label, error == NULL);
  gtk_widget_set_visible (self->problem_box, error != NULL);
  if (error != NULL)
    {
      g_autofree char *escaped = xinzhi_escape_controls (error->message, XINZHI_ESCAPE_KEEP_NEWLINES);
      /* Translators: %s says why, naming the file */
      g_autofree char *text = g_strdup_printf (_("Not saved: %s. Your notes are kept while "
                                                 "Xinzhi is open, and it keeps trying to "
                                                 "save them."),
                                               escaped);

      gtk_label_set_text (self->problem_label, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
      if (!was_shown && gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_accessible_announce (GTK_ACCESSIBLE (self), text,
                                 GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_HIGH);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Text that would make the note longer than a note may be is not taken, and the
 * person is told; never cut short. */
static void
buffer_insert_text_cb (XinzhiNoteEditor *self,
                       GtkTextIter      *location,
                       const char       *text,
                       int               length,
                       GtkTextBuffer    *buffer)
{
  g_autofree char *message = NULL;
  glong adding;

  if (self->updating)
    return;

  adding = g_utf8_strlen (text, length);
  if (gtk_text_buffer_get_char_count (buffer) + adding <= XINZHI_NOTES_MAX_NOTE_LENGTH)
    return;

  g_signal_stop_emission_by_name (buffer, "insert-text");
  /* Translators: %d is the most characters a note may have */
  message = g_strdup_printf (_("A note holds at most %d characters: the text was not added."),
                             XINZHI_NOTES_MAX_NOTE_LENGTH);
  gtk_label_set_text (self->limit_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), TRUE);
  gtk_widget_error_bell (GTK_WIDGET (self->text_view));
  gtk_accessible_announce (GTK_ACCESSIBLE (self), message,
                           GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

static void
star_toggled_cb (XinzhiNoteEditor *self)
{
  gboolean starred = gtk_toggle_button_get_active (self->star_button);

  update_star (self, starred);
  if (self->updating || self->notes == NULL || self->kind == NULL || self->id == NULL)
    return;

  xinzhi_notes_set_starred (self->notes, self->kind, self->id, starred);
}

static void
buffer_changed_cb (XinzhiNoteEditor *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->placeholder_label, gtk_text_buffer_get_char_count (self->buffer) == 0);
  if (self->updating || self->notes == NULL || self->kind == NULL || self->id == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), FALSE);
  text = dup_buffer_text (self);
  xinzhi_notes_set_note (self->notes, self->kind, self->id, text);
}

static void
xinzhi_note_editor_dispose (GObject *object)
{
  XinzhiNoteEditor *self = XINZHI_NOTE_EDITOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_NOTE_EDITOR);
  /* The template's box has no name, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->notes_signals);
  g_clear_object (&self->notes);

  G_OBJECT_CLASS (xinzhi_note_editor_parent_class)->dispose (object);
}

static void
xinzhi_note_editor_finalize (GObject *object)
{
  XinzhiNoteEditor *self = XINZHI_NOTE_EDITOR (object);

  g_free (self->kind);
  g_free (self->id);

  G_OBJECT_CLASS (xinzhi_note_editor_parent_class)->finalize (object);
}

static void
xinzhi_note_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XinzhiNoteEditor *self = XINZHI_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NOTES:
      g_value_set_object (value, self->notes);
      break;
    case PROP_CAN_STAR:
      g_value_set_boolean (value, self->can_star);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_note_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XinzhiNoteEditor *self = XINZHI_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_NOTES:
      xinzhi_note_editor_set_notes (self, g_value_get_object (value));
      break;
    case PROP_CAN_STAR:
      xinzhi_note_editor_set_can_star (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_note_editor_class_init (XinzhiNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_note_editor_dispose;
  object_class->finalize = xinzhi_note_editor_finalize;
  object_class->get_property = xinzhi_note_editor_get_property;
  object_class->set_property = xinzhi_note_editor_set_property;

  properties[PROP_NOTES] =
    g_param_spec_object ("notes", NULL, NULL,
                         XINZHI_TYPE_NOTES,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiNoteEditor:can-star:
   *
   * Whether the item can be starred (quotes and events), or only noted (articles).
   */
  properties[PROP_CAN_STAR] =
    g_param_spec_boolean ("can-star", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "xinzhi-note-editor");
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiNoteEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiNoteEditor, star_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiNoteEditor, buffer);
  gtk_widget_class_bind_template_child (widget_class, XinzhiNoteEditor, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiNoteEditor, limit_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiNoteEditor, caption_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiNoteEditor, problem_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiNoteEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, star_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, buffer_changed_cb);
}

static void
xinzhi_note_editor_init (XinzhiNoteEditor *self)
{
  self->can_star = TRUE;
  self->notes_signals = g_signal_group_new (XINZHI_TYPE_NOTES);
  g_signal_group_connect_object (self->notes_signals, "changed", G_CALLBACK (notes_changed_cb),
                                 self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->notes_signals, "notify::save-error",
                                 G_CALLBACK (show_save_error), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Before the buffer's own handler, which inserts. */
  g_signal_connect_object (self->buffer, "insert-text", G_CALLBACK (buffer_insert_text_cb),
                           self, G_CONNECT_SWAPPED);
  show_item (self);
  show_save_error (self);
}

/**
 * xinzhi_note_editor_get_notes:
 *
 * Returns: (transfer none) (nullable): the notes edited
 */
XinzhiNotes *
xinzhi_note_editor_get_notes (XinzhiNoteEditor *self)
{
  g_return_val_if_fail (XINZHI_IS_NOTE_EDITOR (self), NULL);
  return self->notes;
}

gboolean
xinzhi_note_editor_get_can_star (XinzhiNoteEditor *self)
{
  g_return_val_if_fail (XINZHI_IS_NOTE_EDITOR (self), FALSE);
  return self->can_star;
}

/**
 * xinzhi_note_editor_set_notes:
 * @notes: (nullable): where stars and notes are kept; %NULL hides the editor
 */
void
xinzhi_note_editor_set_notes (XinzhiNoteEditor *self,
                              XinzhiNotes      *notes)
{
  g_return_if_fail (XINZHI_IS_NOTE_EDITOR (self));
  g_return_if_fail (notes == NULL || XINZHI_IS_NOTES (notes));

  if (!g_set_object (&self->notes, notes))
    return;

  g_signal_group_set_target (self->notes_signals, notes);
  show_item (self);
  show_save_error (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

void
xinzhi_note_editor_set_can_star (XinzhiNoteEditor *self,
                                 gboolean          can_star)
{
  g_return_if_fail (XINZHI_IS_NOTE_EDITOR (self));

  can_star = !!can_star;
  if (self->can_star == can_star)
    return;

  self->can_star = can_star;
  show_item (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_STAR]);
}

/**
 * xinzhi_note_editor_set_item:
 * @kind: (nullable): "quote", "event" or "document"
 * @id: (nullable): the item's id; %NULL for none, which hides the editor
 *
 * Edits the star and note of the item.
 */
void
xinzhi_note_editor_set_item (XinzhiNoteEditor *self,
                             const char       *kind,
                             const char       *id)
{
  const char *label;

  g_return_if_fail (XINZHI_IS_NOTE_EDITOR (self));

  g_set_str (&self->kind, kind);
  g_set_str (&self->id, id);

  if (g_strcmp0 (kind, "quote") == 0)
    label = _("Your note on this quote");
  else if (g_strcmp0 (kind, "event") == 0)
    label = _("Your note on this event");
  else
    label = _("Your note on this article");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), FALSE);
  show_item (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-mention-row.h"
#include "xinzhi-palette.h"

/* One mention of a sector, in context: a line of the text around the matched words,
 * which are set in bold on the highlight of the reader, and the article's headline and
 * date under it.  The text is corpus text: it goes into a plain label and is styled
 * with Pango attributes, never parsed as markup. */

/* How many characters of context to keep on each side of the match, about. */
#define CONTEXT_RADIUS 60

struct _XinzhiMentionRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkLabel      *context_label;
  GtkLabel      *title_label;
  GtkLabel      *date_label;

  /* Owned */
  XinzhiMention *mention;
  char          *context;
  gsize          match_start;
  gsize          match_end;
};

G_DEFINE_FINAL_TYPE (XinzhiMentionRow, xinzhi_mention_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_MENTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_space_at (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

static void
insert_attribute (PangoAttrList  *attrs,
                  PangoAttribute *attr,
                  gsize           start,
                  gsize           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/* The match in bold on the tint the reader gives sector mentions, from the accent. */
static void
update_attributes (XinzhiMentionRow *self)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  XinzhiPalette palette;
  GdkRGBA tint;

  if (self->context == NULL || self->match_end <= self->match_start)
    {
      gtk_label_set_attributes (self->context_label, NULL);
      return;
    }

  xinzhi_palette_init (&palette, GTK_WIDGET (self));
  tint = xinzhi_palette_get_tint (&palette, XINZHI_TINT_SECTOR);

  insert_attribute (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD),
                    self->match_start, self->match_end);
  xinzhi_palette_add_background (attrs, &tint, self->match_start, self->match_end);
  insert_attribute (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE),
                    self->match_start, self->match_end);
  insert_attribute (attrs,
                    pango_attr_underline_color_new ((guint16) (palette.accent_bg.red * 65535),
                                                    (guint16) (palette.accent_bg.green * 65535),
                                                    (guint16) (palette.accent_bg.blue * 65535)),
                    self->match_start, self->match_end);

  gtk_label_set_attributes (self->context_label, attrs);
}

static void
update_labels (XinzhiMentionRow *self)
{
  XinzhiDocument *document;
  const XinzhiParagraph *paragraph;
  g_autofree char *date = NULL;
  g_autofree char *label = NULL;

  g_clear_pointer (&self->context, g_free);
  self->match_start = self->match_end = 0;

  if (self->mention == NULL)
    {
      gtk_label_set_text (self->context_label, "");
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->date_label, "");
      return;
    }

  document = xinzhi_mention_get_document (self->mention);
  paragraph = xinzhi_document_get_paragraph (document, xinzhi_mention_get_paragraph (self->mention));
  self->context = xinzhi_mention_row_cut_context (paragraph->text,
                                                  xinzhi_mention_get_start (self->mention),
                                                  xinzhi_mention_get_end (self->mention),
                                                  CONTEXT_RADIUS,
                                                  &self->match_start, &self->match_end);
  date = xinzhi_document_dup_date_label (document);

  gtk_label_set_text (self->context_label, self->context);
  gtk_label_set_text (self->title_label, xinzhi_document_get_title (document));
  gtk_label_set_text (self->date_label, date);
  update_attributes (self);

  /* Translators: how a screen reader reads a mention in context: the words around it,
   * the headline, the date */
  label = g_strdup_printf (_("%s — %s, %s"), self->context,
                           xinzhi_document_get_title (document), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
style_changed_cb (XinzhiMentionRow *self)
{
  update_attributes (self);
}

static void
xinzhi_mention_row_dispose (GObject *object)
{
  XinzhiMentionRow *self = XINZHI_MENTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_MENTION_ROW);
  g_clear_object (&self->mention);

  G_OBJECT_CLASS (xinzhi_mention_row_parent_class)->dispose (object);
}

static void
xinzhi_mention_row_finalize (GObject *object)
{
  XinzhiMentionRow *self = XINZHI_MENTION_ROW (object);

  g_free (self->context);

  G_OBJECT_CLASS (xinzhi_mention_row_parent_class)->finalize (object);
}

static void
xinzhi_mention_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XinzhiMentionRow *self = XINZHI_MENTION_ROW (object);

  switch (prop_id)
    {
    case PROP_MENTION:
      g_value_set_object (value, self->mention);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_mention_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XinzhiMentionRow *self = XINZHI_MENTION_ROW (object);

  switch (prop_id)
    {
    case PROP_MENTION:
      self->mention = g_value_dup_object (value);
      update_labels (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_mention_row_class_init (XinzhiMentionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_mention_row_dispose;
  object_class->finalize = xinzhi_mention_row_finalize;
  object_class->get_property = xinzhi_mention_row_get_property;
  object_class->set_property = xinzhi_mention_row_set_property;

  properties[PROP_MENTION] =
    g_param_spec_object ("mention", NULL, NULL,
                         XINZHI_TYPE_MENTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-mention-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiMentionRow, context_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiMentionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiMentionRow, date_label);
}

static void
xinzhi_mention_row_init (XinzhiMentionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  xinzhi_palette_watch (GTK_WIDGET (self), G_CALLBACK (style_changed_cb));
}

/**
 * xinzhi_mention_row_new:
 * @mention: a mention of a sector
 *
 * Returns: (transfer floating): a row showing @mention in context
 */
GtkWidget *
xinzhi_mention_row_new (XinzhiMention *mention)
{
  g_return_val_if_fail (XINZHI_IS_MENTION (mention), NULL);

  return g_object_new (XINZHI_TYPE_MENTION_ROW, "mention", mention, NULL);
}

/**
 * xinzhi_mention_row_get_mention:
 *
 * Returns: (transfer none): the mention the row shows
 */
XinzhiMention *
xinzhi_mention_row_get_mention (XinzhiMentionRow *self)
{
  g_return_val_if_fail (XINZHI_IS_MENTION_ROW (self), NULL);
  return self->mention;
}

/**
 * xinzhi_mention_row_get_context:
 *
 * Returns: (transfer none): the words shown around the mention
 */
const char *
xinzhi_mention_row_get_context (XinzhiMentionRow *self)
{
  g_return_val_if_fail (XINZHI_IS_MENTION_ROW (self), NULL);
  return self->context;
}

/**
 * xinzhi_mention_row_cut_context:
 * @text: a paragraph's text
 * @start: the byte offset of the matched words in @text
 * @end: the byte offset just past them
 * @radius: about how many characters to keep on each side
 * @match_start: (out): where the matched words begin in the result, in bytes
 * @match_end: (out): where they end
 *
 * Cuts the words around a match out of @text: about @radius characters on each side,
 * trimmed back to a word boundary where the text has spaces (text in Chinese, which
 * has none, is cut at a character), with “…” where text was left out.  Line breaks
 * become spaces, so that the context is one line of text.
 *
 * Returns: (transfer full): the context
 */
char *
xinzhi_mention_row_cut_context (const char *text,
                                gsize       start,
                                gsize       end,
                                guint       radius,
                                gsize      *match_start,
                                gsize      *match_end)
{
  gsize length;
  const char *match;
  const char *match_stop;
  const char *left;
  const char *right;
  const char *text_end;
  GString *context;

  g_return_val_if_fail (text != NULL, NULL);
  length = strlen (text);
  g_return_val_if_fail (start <= end && end <= length, NULL);
  g_return_val_if_fail (match_start != NULL && match_end != NULL, NULL);

  text_end = text + length;
  match = text + start;
  match_stop = text + end;

  /* Left: back @radius characters, then forward to the start of a word. */
  left = match;
  for (guint i = 0; i < radius && left > text; i++)
    left = g_utf8_prev_char (left);
  if (left > text && !is_space_at (g_utf8_prev_char (left)))
    {
      const char *p = left;

      while (p < match && !is_space_at (p))
        p = g_utf8_next_char (p);
      if (p < match)
        left = p;
    }
  while (left < match && is_space_at (left))
    left = g_utf8_next_char (left);

  /* Right: forward @radius characters, then back to the end of a word. */
  right = match_stop;
  for (guint i = 0; i < radius && right < text_end; i++)
    right = g_utf8_next_char (right);
  if (right < text_end && !is_space_at (right))
    {
      const char *p = right;

      while (p > match_stop && !is_space_at (g_utf8_prev_char (p)))
        p = g_utf8_prev_char (p);
      if (p > match_stop)
        right = p;
    }
  while (right > match_stop && is_space_at (g_utf8_prev_char (right)))
    right = g_utf8_prev_char (right);

  context = g_string_new (NULL);
  if (left > text)
    g_string_append (context, "…");
  g_string_append_len (context, left, match - left);
  *match_start = context->len;
  g_string_append_len (context, match, match_stop - match);
  *match_end = context->len;
  g_string_append_len (context, match_stop, right - match_stop);
  if (right < text_end)
    {
      gunichar last = g_utf8_get_char (g_utf8_prev_char (right));

      /* "sciences…" rather than "sciences,…". */
      if (right > match_stop && (last == ',' || last == ';' || last == ':' ||
                                 last == 0xFF0C || last == 0x3001))
        {
          g_string_truncate (context, context->len - (right - g_utf8_prev_char (right)));
          last = 0;
        }

      /* "forces. …" rather than "forces.…": a full stop, then words left out. */
      if (right > match_stop && (last == '.' || last == '!' || last == '?'))
        g_string_append_c (context, ' ');
      g_string_append (context, "…");
    }

  for (gsize i = 0; i < context->len; i++)
    if (context->str[i] == '\n' || context->str[i] == '\r' || context->str[i] == '\t')
      context->str[i] = ' ';

  return g_string_free (context, FALSE);
}

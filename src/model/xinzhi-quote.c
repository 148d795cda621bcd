/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-model-private.h"

G_DEFINE_FINAL_TYPE (XinzhiQuote, xinzhi_quote, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_PERSON,
  PROP_DOCUMENT,
  PROP_DIRECT,
  PROP_REVIEWED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xinzhi_quote_dispose (GObject *object)
{
  XinzhiQuote *self = XINZHI_QUOTE (object);

  g_clear_object (&self->person);
  g_clear_object (&self->document);
  g_clear_object (&self->events);
  g_clear_object (&self->sectors);

  G_OBJECT_CLASS (xinzhi_quote_parent_class)->dispose (object);
}

static void
xinzhi_quote_finalize (GObject *object)
{
  XinzhiQuote *self = XINZHI_QUOTE (object);

  g_free (self->id);
  g_free (self->text);
  g_free (self->rule);
  g_free (self->evidence);
  g_free (self->suggestion_note);

  G_OBJECT_CLASS (xinzhi_quote_parent_class)->finalize (object);
}

static void
xinzhi_quote_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XinzhiQuote *self = XINZHI_QUOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_DIRECT:
      g_value_set_boolean (value, self->kind == XINZHI_QUOTE_DIRECT);
      break;
    case PROP_REVIEWED:
      g_value_set_boolean (value, self->rule == NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_quote_class_init (XinzhiQuoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_quote_dispose;
  object_class->finalize = xinzhi_quote_finalize;
  object_class->get_property = xinzhi_quote_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, XINZHI_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, XINZHI_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRECT] =
    g_param_spec_boolean ("direct", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiQuote:reviewed:
   *
   * Whether a person has reviewed the quote: %FALSE while it is a suggestion of the
   * extractor (xinzhi_quote_get_suggestion()).
   */
  properties[PROP_REVIEWED] =
    g_param_spec_boolean ("reviewed", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xinzhi_quote_init (XinzhiQuote *self)
{
  self->events = g_list_store_new (XINZHI_TYPE_EVENT);
  self->sectors = g_list_store_new (XINZHI_TYPE_SECTOR);
}

void
xinzhi_quote_unlink (XinzhiQuote *self)
{
  g_list_store_remove_all (self->events);
  g_list_store_remove_all (self->sectors);
}

const char *
xinzhi_quote_get_id (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), NULL);
  return self->id;
}

XinzhiPerson *
xinzhi_quote_get_person (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), NULL);
  return self->person;
}

XinzhiDocument *
xinzhi_quote_get_document (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), NULL);
  return self->document;
}

XinzhiQuoteKind
xinzhi_quote_get_kind (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), XINZHI_QUOTE_DIRECT);
  return self->kind;
}

const char *
xinzhi_quote_get_text (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), NULL);
  return self->text;
}

guint
xinzhi_quote_get_paragraph (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), 0);
  return self->paragraph;
}

guint
xinzhi_quote_get_start (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), 0);
  return self->start;
}

guint
xinzhi_quote_get_end (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), 0);
  return self->end;
}

/**
 * xinzhi_quote_get_reviewed:
 * @self: a quote
 *
 * Returns: whether a person has reviewed the quote, or it came from a curated file:
 *   %FALSE for a suggestion of the extractor that nobody has looked at yet
 */
gboolean
xinzhi_quote_get_reviewed (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), TRUE);
  return self->rule == NULL;
}

/**
 * xinzhi_quote_get_suggestion:
 * @self: a quote
 * @rule: (out) (optional) (transfer none): the extractor's rule that found the quote
 * @evidence: (out) (optional) (transfer none): the words it was found by (the
 *   attribution), which are in the quote's paragraph
 * @evidence_start: (out) (optional): where they begin in that paragraph, in bytes
 * @note: (out) (optional) (nullable) (transfer none): how the extractor resolved the
 *   speaker, when it said
 *
 * What the extractor found the quote by, while nobody has reviewed it.
 *
 * Returns: %TRUE for an unreviewed suggestion (the out arguments are set), %FALSE for
 *   a reviewed quote (they are not touched)
 */
gboolean
xinzhi_quote_get_suggestion (XinzhiQuote  *self,
                             const char  **rule,
                             const char  **evidence,
                             guint        *evidence_start,
                             const char  **note)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), FALSE);

  if (self->rule == NULL)
    return FALSE;
  if (rule != NULL)
    *rule = self->rule;
  if (evidence != NULL)
    *evidence = self->evidence;
  if (evidence_start != NULL)
    *evidence_start = self->evidence_start;
  if (note != NULL)
    *note = self->suggestion_note;
  return TRUE;
}

/**
 * xinzhi_quote_dup_role:
 *
 * Returns: (transfer full) (nullable): the speaker's roles as the quote's document
 *   gives them, or %NULL
 */
char *
xinzhi_quote_dup_role (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), NULL);
  return xinzhi_person_dup_role_in (self->person, self->document);
}

GListModel *
xinzhi_quote_get_events (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), NULL);
  return G_LIST_MODEL (self->events);
}

/**
 * xinzhi_quote_get_sectors:
 *
 * Returns: (transfer none): the sectors named within the quoted words
 */
GListModel *
xinzhi_quote_get_sectors (XinzhiQuote *self)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (self), NULL);
  return G_LIST_MODEL (self->sectors);
}

/**
 * xinzhi_quote_compare:
 * @a: a quote
 * @b: another quote
 *
 * The order of quotes, oldest first: by document, as xinzhi_document_compare() orders
 * them, then where the words stand in the document's text.
 *
 * Returns: negative, 0 or positive, as for qsort()
 */
int
xinzhi_quote_compare (XinzhiQuote *a,
                      XinzhiQuote *b)
{
  g_return_val_if_fail (XINZHI_IS_QUOTE (a), 0);
  g_return_val_if_fail (XINZHI_IS_QUOTE (b), 0);

  if (a->document != b->document)
    return xinzhi_document_compare (a->document, b->document);
  if (a->paragraph != b->paragraph)
    return a->paragraph < b->paragraph ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return g_strcmp0 (a->id, b->id);
}

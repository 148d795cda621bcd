/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-model-private.h"
#include "xinzhi-names.h"

G_DEFINE_FINAL_TYPE (XinzhiEvent, xinzhi_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_TITLE_ZH,
  PROP_SUMMARY,
  PROP_DATE_LABEL,
  PROP_REVIEWED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xinzhi_event_dispose (GObject *object)
{
  XinzhiEvent *self = XINZHI_EVENT (object);

  g_clear_pointer (&self->source_documents, g_ptr_array_unref);
  g_clear_object (&self->people);
  g_clear_object (&self->quotes);
  g_clear_object (&self->sectors);

  G_OBJECT_CLASS (xinzhi_event_parent_class)->dispose (object);
}

static void
xinzhi_event_finalize (GObject *object)
{
  XinzhiEvent *self = XINZHI_EVENT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->title_zh);
  g_free (self->summary);
  g_free (self->date_note);
  g_free (self->rule);
  g_free (self->evidence);
  g_free (self->suggestion_note);
  g_clear_pointer (&self->source_paragraphs, g_array_unref);

  G_OBJECT_CLASS (xinzhi_event_parent_class)->finalize (object);
}

static void
xinzhi_event_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XinzhiEvent *self = XINZHI_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_TITLE_ZH:
      g_value_set_string (value, self->title_zh);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_DATE_LABEL:
      g_value_take_string (value, xinzhi_event_dup_date_label (self));
      break;
    case PROP_REVIEWED:
      g_value_set_boolean (value, self->rule == NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_event_class_init (XinzhiEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_event_dispose;
  object_class->finalize = xinzhi_event_finalize;
  object_class->get_property = xinzhi_event_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE_ZH] =
    g_param_spec_string ("title-zh", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_LABEL] =
    g_param_spec_string ("date-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVIEWED] =
    g_param_spec_boolean ("reviewed", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xinzhi_event_init (XinzhiEvent *self)
{
  self->source_documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->source_paragraphs = g_array_new (FALSE, FALSE, sizeof (guint));
  self->people = g_list_store_new (XINZHI_TYPE_PERSON);
  self->quotes = g_list_store_new (XINZHI_TYPE_QUOTE);
  self->sectors = g_list_store_new (XINZHI_TYPE_SECTOR);
}

void
xinzhi_event_unlink (XinzhiEvent *self)
{
  g_ptr_array_set_size (self->source_documents, 0);
  g_array_set_size (self->source_paragraphs, 0);
  g_list_store_remove_all (self->people);
  g_list_store_remove_all (self->quotes);
  g_list_store_remove_all (self->sectors);
}

const char *
xinzhi_event_get_id (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return self->id;
}

const char *
xinzhi_event_get_title (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return self->title;
}

const char *
xinzhi_event_get_title_zh (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return self->title_zh;
}

const char *
xinzhi_event_get_summary (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return self->summary;
}

XinzhiEventKind
xinzhi_event_get_kind (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), XINZHI_EVENT_KIND_EVENT);
  return self->kind;
}

const XinzhiDate *
xinzhi_event_get_start (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return &self->start;
}

/**
 * xinzhi_event_get_end:
 *
 * Returns: the last date of a range; for a single date, that date
 */
const XinzhiDate *
xinzhi_event_get_end (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return &self->end;
}

gboolean
xinzhi_event_is_range (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), FALSE);
  return xinzhi_date_compare (&self->start, &self->end) != 0;
}

gboolean
xinzhi_event_get_date_estimated (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), FALSE);
  return self->date_estimated;
}

const char *
xinzhi_event_get_date_note (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return self->date_note;
}

/**
 * xinzhi_event_dup_date_label:
 *
 * Returns: (transfer full): the date or range for display, no more precise than known
 */
char *
xinzhi_event_dup_date_label (XinzhiEvent *self)
{
  g_autofree char *start = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);

  start = xinzhi_date_format (&self->start);
  if (xinzhi_event_is_range (self))
    {
      g_autofree char *end = xinzhi_date_format (&self->end);

      /* Translators: a range of dates, from the first to the second */
      label = g_strdup_printf (_("%s – %s"), start, end);
    }
  else
    label = g_steal_pointer (&start);

  if (self->date_estimated)
    return g_strdup_printf (_("%s (estimated)"), label);

  return g_steal_pointer (&label);
}

guint
xinzhi_event_get_n_sources (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), 0);
  return self->source_documents->len;
}

/**
 * xinzhi_event_get_source:
 * @index: which source
 * @paragraph: (out) (optional): the paragraph of the document that supports the event
 *
 * Returns: (transfer none): the document
 */
XinzhiDocument *
xinzhi_event_get_source (XinzhiEvent *self,
                         guint        index,
                         guint       *paragraph)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  g_return_val_if_fail (index < self->source_documents->len, NULL);

  if (paragraph)
    *paragraph = g_array_index (self->source_paragraphs, guint, index);
  return g_ptr_array_index (self->source_documents, index);
}

GListModel *
xinzhi_event_get_people (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return G_LIST_MODEL (self->people);
}

/**
 * xinzhi_event_get_quotes:
 *
 * Returns: (transfer none): the quotes about the event, oldest first, as
 *   xinzhi_quote_compare() orders them
 */
GListModel *
xinzhi_event_get_quotes (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return G_LIST_MODEL (self->quotes);
}

/**
 * xinzhi_event_get_sectors:
 *
 * Returns: (transfer none): the sectors named in the event's source paragraphs
 */
GListModel *
xinzhi_event_get_sectors (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return G_LIST_MODEL (self->sectors);
}

/**
 * xinzhi_event_compare:
 * @a: an event
 * @b: another event
 *
 * The order of events, earliest first: by their end, as xinzhi_date_compare() orders
 * dates, which goes by the last day a date may stand for first, so that an event dated
 * only to a month or a year, or one that lasts for days, never ranks before a day it
 * may follow; then by their start; then a stated date before an equal estimated one;
 * then by title and id, so that no two events of a corpus compare equal.
 *
 * Returns: negative, 0 or positive, as for qsort()
 */
int
xinzhi_event_compare (XinzhiEvent *a,
                      XinzhiEvent *b)
{
  int result;

  g_return_val_if_fail (XINZHI_IS_EVENT (a), 0);
  g_return_val_if_fail (XINZHI_IS_EVENT (b), 0);

  if (a == b)
    return 0;

  result = xinzhi_date_compare (&a->end, &b->end);
  if (result == 0)
    result = xinzhi_date_compare (&a->start, &b->start);
  if (result != 0)
    return result;
  if (a->date_estimated != b->date_estimated)
    return a->date_estimated ? 1 : -1;

  result = g_strcmp0 (a->title, b->title);
  if (result != 0)
    return result;
  return g_strcmp0 (a->id, b->id);
}

/**
 * xinzhi_event_compare_func:
 * @a: (type XinzhiEvent): an event
 * @b: (type XinzhiEvent): another event
 * @user_data: not used
 *
 * xinzhi_event_compare() as a #GCompareDataFunc, for gtk_custom_sorter_new(),
 * g_list_store_sort() and g_ptr_array_sort_values_with_data().
 *
 * Returns: negative, 0 or positive, as for qsort()
 */
int
xinzhi_event_compare_func (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  return xinzhi_event_compare ((XinzhiEvent *) a, (XinzhiEvent *) b);
}

/**
 * xinzhi_event_get_display_title:
 *
 * Returns: (transfer none): the title to show first, in Chinese or in English as
 *   xinzhi_names_chinese_first() says
 */
const char *
xinzhi_event_get_display_title (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  return xinzhi_names_pick (self->title, self->title_zh, NULL);
}

/**
 * xinzhi_event_get_other_title:
 *
 * Returns: (transfer none) (nullable): the title to show beside the display title
 */
const char *
xinzhi_event_get_other_title (XinzhiEvent *self)
{
  const char *other;

  g_return_val_if_fail (XINZHI_IS_EVENT (self), NULL);
  xinzhi_names_pick (self->title, self->title_zh, &other);
  return other;
}

/**
 * xinzhi_event_get_reviewed:
 * @self: an event
 *
 * Returns: whether a person has reviewed the event, or it came from a curated file:
 *   %FALSE for a candidate event of the extractor that nobody has looked at yet
 */
gboolean
xinzhi_event_get_reviewed (XinzhiEvent *self)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), TRUE);
  return self->rule == NULL;
}

/**
 * xinzhi_event_get_suggestion:
 * @self: an event
 * @rule: (out) (optional) (transfer none): the extractor's rule that found the event
 * @evidence: (out) (optional) (transfer none): the words that date it, which are in
 *   its first source
 * @note: (out) (optional) (nullable) (transfer none): what the extractor said of it
 *
 * What the extractor found the event by, while nobody has reviewed it.
 *
 * Returns: %TRUE for an unreviewed suggestion (the out arguments are set), %FALSE for
 *   a reviewed event (they are not touched)
 */
gboolean
xinzhi_event_get_suggestion (XinzhiEvent  *self,
                             const char  **rule,
                             const char  **evidence,
                             const char  **note)
{
  g_return_val_if_fail (XINZHI_IS_EVENT (self), FALSE);

  if (self->rule == NULL)
    return FALSE;
  if (rule != NULL)
    *rule = self->rule;
  if (evidence != NULL)
    *evidence = self->evidence;
  if (note != NULL)
    *note = self->suggestion_note;
  return TRUE;
}

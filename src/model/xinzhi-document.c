/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-model-private.h"

G_DEFINE_FINAL_TYPE (XinzhiDocument, xinzhi_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_OUTLET_LABEL,
  PROP_DATE_LABEL,
  PROP_URL,
  PROP_N_PARAGRAPHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_paragraph (gpointer data)
{
  XinzhiParagraph *paragraph = data;

  g_clear_pointer (&paragraph->text, g_free);
}

static void
xinzhi_document_dispose (GObject *object)
{
  XinzhiDocument *self = XINZHI_DOCUMENT (object);

  g_clear_pointer (&self->mention_table, xinzhi_mention_table_unref);
  g_clear_object (&self->mentions);
  g_clear_object (&self->quotes);
  g_clear_object (&self->sectors);
  g_clear_object (&self->people);
  g_clear_object (&self->events);

  G_OBJECT_CLASS (xinzhi_document_parent_class)->dispose (object);
}

static void
xinzhi_document_finalize (GObject *object)
{
  XinzhiDocument *self = XINZHI_DOCUMENT (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->title_key);
  g_free (self->date_label);
  g_free (self->outlet);
  g_free (self->outlet_note);
  g_strfreev (self->byline);
  g_free (self->date_note);
  g_free (self->url);
  g_free (self->language);
  g_clear_pointer (&self->paragraphs, g_array_unref);

  G_OBJECT_CLASS (xinzhi_document_parent_class)->finalize (object);
}

static void
xinzhi_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XinzhiDocument *self = XINZHI_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_OUTLET_LABEL:
      g_value_set_string (value, xinzhi_document_get_outlet_label (self));
      break;
    case PROP_DATE_LABEL:
      g_value_set_string (value, xinzhi_document_get_date_label (self));
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_N_PARAGRAPHS:
      g_value_set_uint (value, xinzhi_document_get_n_paragraphs (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_document_class_init (XinzhiDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_document_dispose;
  object_class->finalize = xinzhi_document_finalize;
  object_class->get_property = xinzhi_document_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiDocument:outlet-label:
   *
   * The outlet, or a note that the text does not name one: for display.
   */
  properties[PROP_OUTLET_LABEL] =
    g_param_spec_string ("outlet-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_LABEL] =
    g_param_spec_string ("date-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PARAGRAPHS] =
    g_param_spec_uint ("n-paragraphs", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xinzhi_document_init (XinzhiDocument *self)
{
  self->paragraphs = g_array_new (FALSE, TRUE, sizeof (XinzhiParagraph));
  g_array_set_clear_func (self->paragraphs, clear_paragraph);
  self->mentions = g_list_store_new (XINZHI_TYPE_MENTION);
  self->quotes = g_list_store_new (XINZHI_TYPE_QUOTE);
  self->sectors = g_list_store_new (XINZHI_TYPE_SECTOR);
  self->people = g_list_store_new (XINZHI_TYPE_PERSON);
  self->events = g_list_store_new (XINZHI_TYPE_EVENT);
}

/* Drops the links to other objects of the corpus, breaking reference cycles; the
 * document stays valid, with empty lists. */
void
xinzhi_document_unlink (XinzhiDocument *self)
{
  g_clear_pointer (&self->mention_table, xinzhi_mention_table_unref);
  g_list_store_remove_all (self->mentions);
  g_list_store_remove_all (self->quotes);
  g_list_store_remove_all (self->sectors);
  g_list_store_remove_all (self->people);
  g_list_store_remove_all (self->events);
}

const char *
xinzhi_document_get_id (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return self->id;
}

const char *
xinzhi_document_get_title (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * xinzhi_document_get_title_key:
 *
 * The title's collation key (g_utf8_collate_key()), made once, when first asked for,
 * in the main thread: sorting by it with strcmp() gives the order g_utf8_collate()
 * gives the titles, without collating them anew at every comparison.
 *
 * Returns: the key
 */
const char *
xinzhi_document_get_title_key (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);

  if (self->title_key == NULL)
    self->title_key = g_utf8_collate_key (self->title, -1);
  return self->title_key;
}

/**
 * xinzhi_document_get_outlet:
 *
 * Returns: (nullable): the outlet as the text names it, %NULL when it names none
 */
const char *
xinzhi_document_get_outlet (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return self->outlet;
}

/**
 * xinzhi_document_get_outlet_label:
 *
 * Returns: the outlet, or a note that the text does not name one: for display
 */
const char *
xinzhi_document_get_outlet_label (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return self->outlet != NULL ? self->outlet : _("Outlet not named");
}

const char *
xinzhi_document_get_outlet_note (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return self->outlet_note;
}

const char * const *
xinzhi_document_get_byline (XinzhiDocument *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return self->byline ? (const char * const *) self->byline : empty;
}

const XinzhiDate *
xinzhi_document_get_date (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return &self->date;
}

gboolean
xinzhi_document_get_date_estimated (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), FALSE);
  return self->date_estimated;
}

const char *
xinzhi_document_get_date_note (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return self->date_note;
}

/**
 * xinzhi_document_get_date_label:
 *
 * The date for display, marked when it is an estimate.  Formatted once, when first
 * asked for, in the main thread: a list binds it for every row that scrolls into view.
 *
 * Returns: the label
 */
const char *
xinzhi_document_get_date_label (XinzhiDocument *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);

  if (self->date_label != NULL)
    return self->date_label;

  date = xinzhi_date_format (&self->date);
  if (self->date_estimated)
    /* Translators: %s is a date the text does not state, estimated from its content */
    self->date_label = g_strdup_printf (_("%s (estimated)"), date);
  else
    self->date_label = g_steal_pointer (&date);

  return self->date_label;
}

/**
 * xinzhi_document_dup_date_label:
 *
 * Returns: (transfer full): a copy of xinzhi_document_get_date_label()
 */
char *
xinzhi_document_dup_date_label (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return g_strdup (xinzhi_document_get_date_label (self));
}

const char *
xinzhi_document_get_url (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return self->url;
}

const char *
xinzhi_document_get_language (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return self->language;
}

guint
xinzhi_document_get_n_paragraphs (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), 0);
  return self->paragraphs->len;
}

/**
 * xinzhi_document_has_words:
 * @words: words to look for, as they stand
 *
 * Whether a paragraph of the document has @words, exactly: how the loader looks for
 * a role, say, before it accepts one.
 *
 * Returns: whether it has them
 */
gboolean
xinzhi_document_has_words (XinzhiDocument *self,
                           const char     *words)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (words != NULL, FALSE);

  for (guint i = 0; i < self->paragraphs->len; i++)
    if (strstr (g_array_index (self->paragraphs, XinzhiParagraph, i).text, words) != NULL)
      return TRUE;
  return FALSE;
}

const XinzhiParagraph *
xinzhi_document_get_paragraph (XinzhiDocument *self,
                               guint           index)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->paragraphs->len, NULL);
  return &g_array_index (self->paragraphs, XinzhiParagraph, index);
}

/* Text order: by paragraph, then start; mentions that start together keep the order
 * they were found in (sector by sector, then person by person). */
static int
compare_in_text (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const XinzhiMentionRecord *records = user_data;
  const XinzhiMentionRecord *ra = &records[*(const guint32 *) a];
  const XinzhiMentionRecord *rb = &records[*(const guint32 *) b];

  if (ra->paragraph != rb->paragraph)
    return ra->paragraph < rb->paragraph ? -1 : 1;
  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return *(const guint32 *) a < *(const guint32 *) b ? -1 : *(const guint32 *) a > *(const guint32 *) b;
}

/* Makes the mention objects, in text order, the first time they are asked for. */
static void
make_mentions (XinzhiDocument *self)
{
  g_autofree guint32 *indices = NULL;

  if (self->mention_table == NULL)
    return;

  indices = g_new (guint32, MAX (self->n_mentions, 1));
  for (guint i = 0; i < self->n_mentions; i++)
    indices[i] = self->first_mention + i;
  g_sort_array (indices, self->n_mentions, sizeof (guint32), compare_in_text,
                self->mention_table->records->data);
  xinzhi_mention_table_fill (self->mention_table, self->mentions, indices, self->n_mentions);
  g_clear_pointer (&self->mention_table, xinzhi_mention_table_unref);
}

/**
 * xinzhi_document_get_mentions:
 *
 * Returns: (transfer none): the sector and person mentions in the text, in text order
 */
GListModel *
xinzhi_document_get_mentions (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);

  make_mentions (self);
  return G_LIST_MODEL (self->mentions);
}

GListModel *
xinzhi_document_get_quotes (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->quotes);
}

GListModel *
xinzhi_document_get_sectors (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->sectors);
}

GListModel *
xinzhi_document_get_people (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->people);
}

GListModel *
xinzhi_document_get_events (XinzhiDocument *self)
{
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->events);
}

/**
 * xinzhi_document_compare:
 * @a: a document
 * @b: another document
 *
 * The one order of documents, oldest first, which every list of documents, and of
 * what they hold, follows (lists shown newest first sort by its reverse): by date, as
 * xinzhi_date_compare() orders dates, so that an article dated only to its year never
 * ranks before a day it may follow; a stated date before an equal estimated one; then
 * by title, as g_utf8_collate() orders titles, and by id, so that no two documents of
 * a corpus compare equal and the order never depends on where a sort began.
 *
 * Returns: negative, 0 or positive, as for qsort()
 */
int
xinzhi_document_compare (XinzhiDocument *a,
                         XinzhiDocument *b)
{
  int result;

  g_return_val_if_fail (XINZHI_IS_DOCUMENT (a), 0);
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (b), 0);

  if (a == b)
    return 0;

  result = xinzhi_date_compare (&a->date, &b->date);
  if (result != 0)
    return result;
  if (a->date_estimated != b->date_estimated)
    return a->date_estimated ? 1 : -1;

  /* The titles' collation keys, made once per document: g_utf8_collate() at every
   * comparison took most of the time of sorting ten thousand articles. */
  result = strcmp (xinzhi_document_get_title_key (a), xinzhi_document_get_title_key (b));
  if (result != 0)
    return result;
  return strcmp (a->id, b->id);
}

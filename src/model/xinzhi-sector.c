/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-model-private.h"
#include "xinzhi-names.h"

G_DEFINE_FINAL_TYPE (XinzhiSector, xinzhi_sector, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NAME_ZH,
  PROP_GROUP_NAME,
  PROP_N_MENTIONS,
  PROP_N_DOCUMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xinzhi_sector_dispose (GObject *object)
{
  XinzhiSector *self = XINZHI_SECTOR (object);

  g_clear_pointer (&self->mention_table, xinzhi_mention_table_unref);
  g_clear_pointer (&self->mention_indices, g_array_unref);
  g_clear_object (&self->mentions);

  G_OBJECT_CLASS (xinzhi_sector_parent_class)->dispose (object);
}

static void
xinzhi_sector_finalize (GObject *object)
{
  XinzhiSector *self = XINZHI_SECTOR (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->name_zh);
  g_free (self->group_id);
  g_free (self->group_name);
  g_free (self->group_name_zh);
  g_strfreev (self->terms);

  G_OBJECT_CLASS (xinzhi_sector_parent_class)->finalize (object);
}

static void
xinzhi_sector_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XinzhiSector *self = XINZHI_SECTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_NAME_ZH:
      g_value_set_string (value, self->name_zh);
      break;
    case PROP_GROUP_NAME:
      g_value_set_string (value, self->group_name);
      break;
    case PROP_N_MENTIONS:
      g_value_set_uint (value, xinzhi_sector_get_n_mentions (self));
      break;
    case PROP_N_DOCUMENTS:
      g_value_set_uint (value, self->n_documents);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sector_class_init (XinzhiSectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_sector_dispose;
  object_class->finalize = xinzhi_sector_finalize;
  object_class->get_property = xinzhi_sector_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_ZH] =
    g_param_spec_string ("name-zh", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP_NAME] =
    g_param_spec_string ("group-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_DOCUMENTS] =
    g_param_spec_uint ("n-documents", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xinzhi_sector_init (XinzhiSector *self)
{
  /* The list of mentions is made when first asked for. */
}

void
xinzhi_sector_unlink (XinzhiSector *self)
{
  g_clear_pointer (&self->mention_table, xinzhi_mention_table_unref);
  g_clear_pointer (&self->mention_indices, g_array_unref);
  if (self->mentions != NULL)
    g_list_store_remove_all (self->mentions);
}


const char *
xinzhi_sector_get_id (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  return self->id;
}

const char *
xinzhi_sector_get_name (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  return self->name;
}

const char *
xinzhi_sector_get_name_zh (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  return self->name_zh;
}

const char *
xinzhi_sector_get_group_id (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  return self->group_id;
}

const char *
xinzhi_sector_get_group_name (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  return self->group_name;
}

const char *
xinzhi_sector_get_group_name_zh (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  return self->group_name_zh;
}

/**
 * xinzhi_sector_get_group_position:
 *
 * Returns: the position of the sector's group in the corpus's list of groups
 */
guint
xinzhi_sector_get_group_position (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), 0);
  return self->group_position;
}

const char * const *
xinzhi_sector_get_terms (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  return (const char * const *) self->terms;
}

/**
 * xinzhi_sector_get_mentions:
 *
 * Returns: (transfer none): every mention, by document (oldest first, as
 *   xinzhi_document_compare()) and then text order
 */
GListModel *
xinzhi_sector_get_mentions (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);

  if (self->mentions == NULL)
    self->mentions = g_list_store_new (XINZHI_TYPE_MENTION);
  xinzhi_mention_table_make_list (&self->mention_table, &self->mention_indices, self->mentions);
  return G_LIST_MODEL (self->mentions);
}

/**
 * xinzhi_sector_get_n_mentions:
 *
 * Returns: the number of mentions, without making them
 */
guint
xinzhi_sector_get_n_mentions (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), 0);

  return xinzhi_mention_table_count_list (self->mention_indices, self->mentions);
}

/**
 * xinzhi_sector_get_mention_document:
 * @index: a mention's position in xinzhi_sector_get_mentions()
 *
 * The document of one mention, without making the mentions: what a count by
 * document needs.
 *
 * Returns: (transfer none): the document
 */
XinzhiDocument *
xinzhi_sector_get_mention_document (XinzhiSector *self,
                                    guint         index)
{
  g_autoptr(XinzhiMention) mention = NULL;

  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  g_return_val_if_fail (index < xinzhi_sector_get_n_mentions (self), NULL);

  if (self->mention_table != NULL)
    {
      guint32 record = g_array_index (self->mention_indices, guint32, index);

      return g_ptr_array_index (self->mention_table->documents,
                                g_array_index (self->mention_table->records, XinzhiMentionRecord, record).document);
    }

  /* The mention holds the document. */
  mention = g_list_model_get_item (xinzhi_sector_get_mentions (self), index);
  return xinzhi_mention_get_document (mention);
}

guint
xinzhi_sector_get_n_documents (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), 0);
  return self->n_documents;
}

/**
 * xinzhi_sector_get_first_mention:
 *
 * What is known of the date of the first mention: of the dates of the documents that
 * mention the sector, the first stated one, whether it is certainly the earliest, and
 * how many documents have an estimated date (see #XinzhiEarliest).
 *
 * Returns: what is known of the first mention's date
 */
const XinzhiEarliest *
xinzhi_sector_get_first_mention (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  return &self->first_mention;
}

/**
 * xinzhi_sector_get_display_name:
 *
 * Returns: (transfer none): the name to show first, in Chinese or in English as
 *   xinzhi_names_chinese_first() says
 */
const char *
xinzhi_sector_get_display_name (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  return xinzhi_names_pick (self->name, self->name_zh, NULL);
}

/**
 * xinzhi_sector_get_other_name:
 *
 * Returns: (transfer none) (nullable): the name to show beside the display name
 */
const char *
xinzhi_sector_get_other_name (XinzhiSector *self)
{
  const char *other;

  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  xinzhi_names_pick (self->name, self->name_zh, &other);
  return other;
}

/**
 * xinzhi_sector_get_group_display_name:
 *
 * Returns: (transfer none): the group's name to show first
 */
const char *
xinzhi_sector_get_group_display_name (XinzhiSector *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  return xinzhi_names_pick (self->group_name, self->group_name_zh, NULL);
}

/**
 * xinzhi_sector_get_group_other_name:
 *
 * Returns: (transfer none) (nullable): the group's name to show beside its display name
 */
const char *
xinzhi_sector_get_group_other_name (XinzhiSector *self)
{
  const char *other;

  g_return_val_if_fail (XINZHI_IS_SECTOR (self), NULL);
  xinzhi_names_pick (self->group_name, self->group_name_zh, &other);
  return other;
}

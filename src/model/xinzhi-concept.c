/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-model-private.h"
#include "xinzhi-names.h"

/**
 * XinzhiConcept:
 *
 * A policy concept the articles name, such as 新质生产力, with its English and Chinese
 * names and the renderings (variants) the texts use for it: one Chinese term may be
 * translated several ways.  Where each variant occurs is derived when the corpus
 * loads, as a sector's mentions are.
 */

G_DEFINE_FINAL_TYPE (XinzhiConcept, xinzhi_concept, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NAME_ZH,
  PROP_NOTE,
  PROP_N_MENTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xinzhi_concept_dispose (GObject *object)
{
  XinzhiConcept *self = XINZHI_CONCEPT (object);

  g_clear_pointer (&self->mention_table, xinzhi_mention_table_unref);
  g_clear_pointer (&self->mention_indices, g_array_unref);
  g_clear_object (&self->mentions);
  g_clear_pointer (&self->variant_mentions, g_ptr_array_unref);

  G_OBJECT_CLASS (xinzhi_concept_parent_class)->dispose (object);
}

static void
xinzhi_concept_finalize (GObject *object)
{
  XinzhiConcept *self = XINZHI_CONCEPT (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->name_zh);
  g_free (self->note);
  g_strfreev (self->variants);
  g_clear_pointer (&self->mention_variants, g_array_unref);

  G_OBJECT_CLASS (xinzhi_concept_parent_class)->finalize (object);
}

static void
xinzhi_concept_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XinzhiConcept *self = XINZHI_CONCEPT (object);

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
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_N_MENTIONS:
      g_value_set_uint (value, xinzhi_concept_get_n_mentions (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_concept_class_init (XinzhiConceptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_concept_dispose;
  object_class->finalize = xinzhi_concept_finalize;
  object_class->get_property = xinzhi_concept_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_ZH] =
    g_param_spec_string ("name-zh", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MENTIONS] =
    g_param_spec_uint ("n-mentions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xinzhi_concept_init (XinzhiConcept *self)
{
  self->mentions = g_list_store_new (XINZHI_TYPE_MENTION);
  self->mention_variants = g_array_new (FALSE, FALSE, sizeof (guint));
  self->variant_mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_object_unref);
}

void
xinzhi_concept_unlink (XinzhiConcept *self)
{
  g_clear_pointer (&self->mention_table, xinzhi_mention_table_unref);
  g_clear_pointer (&self->mention_indices, g_array_unref);
  g_list_store_remove_all (self->mentions);
  for (guint v = 0; self->variant_mentions != NULL && v < self->variant_mentions->len; v++)
    g_list_store_remove_all (g_ptr_array_index (self->variant_mentions, v));
}

const char *
xinzhi_concept_get_id (XinzhiConcept *self)
{
  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), NULL);
  return self->id;
}

/**
 * xinzhi_concept_get_name:
 *
 * Returns: the English name the corpus gives the concept
 */
const char *
xinzhi_concept_get_name (XinzhiConcept *self)
{
  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), NULL);
  return self->name;
}

/**
 * xinzhi_concept_get_name_zh:
 *
 * Returns: the Chinese term
 */
const char *
xinzhi_concept_get_name_zh (XinzhiConcept *self)
{
  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), NULL);
  return self->name_zh;
}

/**
 * xinzhi_concept_get_display_name:
 *
 * Returns: (transfer none): the name to show first, in Chinese or in English as
 *   xinzhi_names_chinese_first() says
 */
const char *
xinzhi_concept_get_display_name (XinzhiConcept *self)
{
  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), NULL);
  return xinzhi_names_pick (self->name, self->name_zh, NULL);
}

/**
 * xinzhi_concept_get_other_name:
 *
 * Returns: (transfer none): the name to show beside the display name
 */
const char *
xinzhi_concept_get_other_name (XinzhiConcept *self)
{
  const char *other;

  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), NULL);
  xinzhi_names_pick (self->name, self->name_zh, &other);
  return other;
}

/**
 * xinzhi_concept_get_note:
 *
 * Returns: (nullable): the corpus's note on the concept, if it gives one
 */
const char *
xinzhi_concept_get_note (XinzhiConcept *self)
{
  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), NULL);
  return self->note;
}

/**
 * xinzhi_concept_get_variants:
 *
 * Returns: (transfer none): the renderings of the concept found in the texts, in the
 *   corpus's order; each occurs in some document
 */
const char * const *
xinzhi_concept_get_variants (XinzhiConcept *self)
{
  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), NULL);
  return (const char * const *) self->variants;
}

/**
 * xinzhi_concept_get_mentions:
 *
 * Returns: (transfer none): every mention of any variant, by document date and then
 *   text order
 */
GListModel *
xinzhi_concept_get_mentions (XinzhiConcept *self)
{
  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), NULL);

  xinzhi_mention_table_make_list (&self->mention_table, &self->mention_indices, self->mentions);
  return G_LIST_MODEL (self->mentions);
}

/**
 * xinzhi_concept_get_n_mentions:
 *
 * Returns: the number of mentions, without making them
 */
guint
xinzhi_concept_get_n_mentions (XinzhiConcept *self)
{
  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), 0);

  return xinzhi_mention_table_count_list (self->mention_indices, self->mentions);
}

/**
 * xinzhi_concept_get_mention_variant:
 * @index: a mention's position in xinzhi_concept_get_mentions()
 *
 * Returns: the index, in xinzhi_concept_get_variants(), of the variant that mention is
 */
guint
xinzhi_concept_get_mention_variant (XinzhiConcept *self,
                                    guint          index)
{
  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), 0);
  g_return_val_if_fail (index < self->mention_variants->len, 0);

  return g_array_index (self->mention_variants, guint, index);
}

/**
 * xinzhi_concept_get_variant_mentions:
 * @variant: an index in xinzhi_concept_get_variants()
 *
 * Returns: (transfer none): where that variant occurs: the mentions of it, in the
 *   order of xinzhi_concept_get_mentions()
 */
GListModel *
xinzhi_concept_get_variant_mentions (XinzhiConcept *self,
                                     guint          variant)
{
  GListModel *all;

  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), NULL);
  g_return_val_if_fail (variant < g_strv_length (self->variants), NULL);

  if (self->variant_mentions->len == 0)
    {
      guint n_variants = g_strv_length (self->variants);
      guint n;

      for (guint v = 0; v < n_variants; v++)
        g_ptr_array_add (self->variant_mentions, g_list_store_new (XINZHI_TYPE_MENTION));

      all = xinzhi_concept_get_mentions (self);
      n = g_list_model_get_n_items (all);
      for (guint i = 0; i < n && i < self->mention_variants->len; i++)
        {
          g_autoptr(XinzhiMention) mention = g_list_model_get_item (all, i);

          g_list_store_append (g_ptr_array_index (self->variant_mentions,
                                                  g_array_index (self->mention_variants, guint, i)),
                               mention);
        }
    }

  return G_LIST_MODEL (g_ptr_array_index (self->variant_mentions, variant));
}

/**
 * xinzhi_concept_get_n_documents:
 *
 * Returns: the number of documents that name the concept
 */
guint
xinzhi_concept_get_n_documents (XinzhiConcept *self)
{
  g_return_val_if_fail (XINZHI_IS_CONCEPT (self), 0);
  return self->n_documents;
}

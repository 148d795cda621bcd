/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-model-private.h"
#include "xinzhi-names.h"

G_DEFINE_FINAL_TYPE (XinzhiPerson, xinzhi_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_NAME_ZH,
  PROP_N_QUOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_role (gpointer data)
{
  XinzhiRole *role = data;

  g_clear_pointer (&role->text, g_free);
  g_clear_object (&role->document);
}

static void
xinzhi_person_dispose (GObject *object)
{
  XinzhiPerson *self = XINZHI_PERSON (object);

  g_clear_pointer (&self->roles, g_array_unref);
  g_clear_object (&self->quotes);
  g_clear_pointer (&self->mention_table, xinzhi_mention_table_unref);
  g_clear_pointer (&self->mention_indices, g_array_unref);
  g_clear_object (&self->mentions);

  G_OBJECT_CLASS (xinzhi_person_parent_class)->dispose (object);
}

static void
xinzhi_person_finalize (GObject *object)
{
  XinzhiPerson *self = XINZHI_PERSON (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->name_zh);
  g_strfreev (self->variants);

  G_OBJECT_CLASS (xinzhi_person_parent_class)->finalize (object);
}

static void
xinzhi_person_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XinzhiPerson *self = XINZHI_PERSON (object);

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
    case PROP_N_QUOTES:
      g_value_set_uint (value, self->quotes ? g_list_model_get_n_items (G_LIST_MODEL (self->quotes)) : 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_person_class_init (XinzhiPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_person_dispose;
  object_class->finalize = xinzhi_person_finalize;
  object_class->get_property = xinzhi_person_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_ZH] =
    g_param_spec_string ("name-zh", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_QUOTES] =
    g_param_spec_uint ("n-quotes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xinzhi_person_init (XinzhiPerson *self)
{
  self->roles = g_array_new (FALSE, TRUE, sizeof (XinzhiRole));
  g_array_set_clear_func (self->roles, clear_role);
  /* The lists are made when first needed: a corpus may name a hundred thousand
   * people, most with no quote, whose mentions nobody asks for. */
}

void
xinzhi_person_unlink (XinzhiPerson *self)
{
  g_array_set_size (self->roles, 0);
  if (self->quotes != NULL)
    g_list_store_remove_all (self->quotes);
  g_clear_pointer (&self->mention_table, xinzhi_mention_table_unref);
  g_clear_pointer (&self->mention_indices, g_array_unref);
  if (self->mentions != NULL)
    g_list_store_remove_all (self->mentions);
}


const char *
xinzhi_person_get_id (XinzhiPerson *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON (self), NULL);
  return self->id;
}

const char *
xinzhi_person_get_name (XinzhiPerson *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON (self), NULL);
  return self->name;
}

const char *
xinzhi_person_get_name_zh (XinzhiPerson *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON (self), NULL);
  return self->name_zh;
}

/**
 * xinzhi_person_get_variants:
 *
 * Returns: (transfer none): the other spellings of the name found in the texts
 */
const char * const *
xinzhi_person_get_variants (XinzhiPerson *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (XINZHI_IS_PERSON (self), NULL);
  return self->variants ? (const char * const *) self->variants : empty;
}

guint
xinzhi_person_get_n_roles (XinzhiPerson *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON (self), 0);
  return self->roles->len;
}

/**
 * xinzhi_person_get_role:
 * @index: which role
 * @document: (out) (optional) (transfer none): the document that gives the role
 *
 * Returns: the role or affiliation, verbatim as the document gives it
 */
const char *
xinzhi_person_get_role (XinzhiPerson    *self,
                        guint            index,
                        XinzhiDocument **document)
{
  const XinzhiRole *role;

  g_return_val_if_fail (XINZHI_IS_PERSON (self), NULL);
  g_return_val_if_fail (index < self->roles->len, NULL);

  role = &g_array_index (self->roles, XinzhiRole, index);
  if (document)
    *document = role->document;
  return role->text;
}

/**
 * xinzhi_person_dup_role_in:
 * @document: a document
 *
 * Returns: (transfer full) (nullable): the roles @document gives the person, joined
 *   with "; ", or %NULL when it gives none
 */
char *
xinzhi_person_dup_role_in (XinzhiPerson   *self,
                           XinzhiDocument *document)
{
  g_autoptr(GString) roles = NULL;

  g_return_val_if_fail (XINZHI_IS_PERSON (self), NULL);
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (document), NULL);

  for (guint i = 0; i < self->roles->len; i++)
    {
      const XinzhiRole *role = &g_array_index (self->roles, XinzhiRole, i);

      if (role->document != document)
        continue;
      if (roles == NULL)
        roles = g_string_new (role->text);
      else
        g_string_append_printf (roles, "; %s", role->text);
    }

  return roles ? g_string_free (g_steal_pointer (&roles), FALSE) : NULL;
}

/**
 * xinzhi_person_matches_name:
 * @name: a name
 *
 * Returns: whether @name is the person's name or one of its variants, ignoring ASCII case
 */
gboolean
xinzhi_person_matches_name (XinzhiPerson *self,
                            const char   *name)
{
  g_return_val_if_fail (XINZHI_IS_PERSON (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_ascii_strcasecmp (self->name, name) == 0 ||
      g_strcmp0 (self->name_zh, name) == 0)
    return TRUE;

  for (guint i = 0; self->variants && self->variants[i]; i++)
    if (g_ascii_strcasecmp (self->variants[i], name) == 0)
      return TRUE;

  return FALSE;
}

GListModel *
xinzhi_person_get_quotes (XinzhiPerson *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON (self), NULL);

  if (self->quotes == NULL)
    self->quotes = g_list_store_new (XINZHI_TYPE_QUOTE);
  return G_LIST_MODEL (self->quotes);
}

/**
 * xinzhi_person_get_mentions:
 *
 * Returns: (transfer none): every mention of the person's names, by document (oldest
 *   first, as xinzhi_document_compare()) and then text order
 */
GListModel *
xinzhi_person_get_mentions (XinzhiPerson *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON (self), NULL);

  if (self->mentions == NULL)
    self->mentions = g_list_store_new (XINZHI_TYPE_MENTION);
  xinzhi_mention_table_make_list (&self->mention_table, &self->mention_indices, self->mentions);
  return G_LIST_MODEL (self->mentions);
}

/**
 * xinzhi_person_get_n_mentions:
 *
 * Returns: the number of mentions, without making them
 */
guint
xinzhi_person_get_n_mentions (XinzhiPerson *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON (self), 0);

  return xinzhi_mention_table_count_list (self->mention_indices, self->mentions);
}

/**
 * xinzhi_person_get_display_name:
 *
 * Returns: (transfer none): the name to show first, in Chinese characters or as the
 *   corpus writes it in English, as xinzhi_names_chinese_first() says
 */
const char *
xinzhi_person_get_display_name (XinzhiPerson *self)
{
  g_return_val_if_fail (XINZHI_IS_PERSON (self), NULL);
  return xinzhi_names_pick (self->name, self->name_zh, NULL);
}

/**
 * xinzhi_person_get_other_name:
 *
 * Returns: (transfer none) (nullable): the name to show beside the display name
 */
const char *
xinzhi_person_get_other_name (XinzhiPerson *self)
{
  const char *other;

  g_return_val_if_fail (XINZHI_IS_PERSON (self), NULL);
  xinzhi_names_pick (self->name, self->name_zh, &other);
  return other;
}

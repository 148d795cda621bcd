/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Reading a json-glib tree that the loader has already accepted, as importing and
 * editing do (xinzhi-import.c, xinzhi-corpus-edit.c): a member of the wrong type reads
 * as missing, never as an error, since the loader has said what is wrong with it. */

#include <json-glib/json-glib.h>

/* The string member @member of @object, or %NULL when there is none or it is not a
 * string. */
static inline const char *
xinzhi_json_tree_get_string (JsonObject *object,
                             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

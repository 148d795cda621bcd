/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The corpus loader's JSON reader: a whole document parsed into one array of nodes,
 * sixteen bytes each, whose strings are the file's own bytes where they hold no
 * escape.  json-glib builds a tree of allocated nodes, hash tables and copied strings
 * about three times the size of the file, and takes several times as long; a corpus
 * file is read once, in order, and then dropped, which this does with a fraction of
 * either (docs/benchmarks.md, "load").  Strict RFC 8259 JSON. */

typedef enum
{
  XINZHI_JSON_NULL,
  XINZHI_JSON_BOOLEAN,
  XINZHI_JSON_INT,        /* a number written without fraction or exponent */
  XINZHI_JSON_DOUBLE,
  XINZHI_JSON_STRING,
  XINZHI_JSON_ARRAY,
  XINZHI_JSON_OBJECT,
} XinzhiJsonType;

/* Why a parse failed. */
typedef enum
{
  XINZHI_JSON_ERROR_EMPTY,      /* nothing but white space */
  XINZHI_JSON_ERROR_SYNTAX,
  XINZHI_JSON_ERROR_CANCELLED,  /* the progress function said stop */
} XinzhiJsonError;

typedef struct _XinzhiJsonNode XinzhiJsonNode;
typedef struct _XinzhiJson XinzhiJson;

/* Told how far the parse has come, in bytes of the text, after each 64 KiB or so
 * (inside a long string too); returns FALSE to stop the parse. */
typedef gboolean (*XinzhiJsonProgressFunc) (gsize    offset,
                                            gpointer user_data);

XinzhiJson           *xinzhi_json_parse            (char                   *data,
                                                    gsize                   size,
                                                    XinzhiJsonProgressFunc  progress,
                                                    gpointer                user_data,
                                                    XinzhiJsonError        *error,
                                                    guint                  *error_line,
                                                    guint                  *error_column,
                                                    const char            **error_reason);
void                  xinzhi_json_free             (XinzhiJson             *self);
const XinzhiJsonNode *xinzhi_json_get_root         (XinzhiJson             *self);

XinzhiJsonType        xinzhi_json_node_get_type    (const XinzhiJsonNode   *node);
const char           *xinzhi_json_node_get_string  (const XinzhiJsonNode   *node);
gint64                xinzhi_json_node_get_int     (const XinzhiJsonNode   *node);
gboolean              xinzhi_json_node_get_boolean (const XinzhiJsonNode   *node);
guint                 xinzhi_json_node_get_length  (const XinzhiJsonNode   *node);
const XinzhiJsonNode *xinzhi_json_node_get_first   (const XinzhiJsonNode   *node);
const XinzhiJsonNode *xinzhi_json_node_get_next    (const XinzhiJsonNode   *node);
const XinzhiJsonNode *xinzhi_json_object_get_member (const XinzhiJsonNode  *object,
                                                    const char             *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiJson, xinzhi_json_free)

/**
 * XINZHI_JSON_FOREACH_ELEMENT:
 * @array: an array node
 * @i: a guint, the element's index
 * @element: a const XinzhiJsonNode *, the element
 *
 * Runs the statement that follows once for each element of @array, in order.
 */
#define XINZHI_JSON_FOREACH_ELEMENT(array, i, element) \
  for ((i) = 0, (element) = xinzhi_json_node_get_first (array); \
       (i) < xinzhi_json_node_get_length (array); \
       (i)++, (element) = xinzhi_json_node_get_next (element))

/**
 * XINZHI_JSON_FOREACH_MEMBER:
 * @object: an object node
 * @i: a guint, the member's index
 * @key: a const XinzhiJsonNode *, the member's name (a string node)
 *
 * Runs the statement that follows once for each member of @object, in the file's
 * order; the member's value is the node just after @key (`key + 1`, see
 * xinzhi_json_member_value()).
 */
#define XINZHI_JSON_FOREACH_MEMBER(object, i, key) \
  for ((i) = 0, (key) = xinzhi_json_node_get_first (object); \
       (i) < xinzhi_json_node_get_length (object); \
       (i)++, (key) = xinzhi_json_node_get_next (xinzhi_json_member_value (key)))

const XinzhiJsonNode *xinzhi_json_member_value     (const XinzhiJsonNode   *key);

G_END_DECLS

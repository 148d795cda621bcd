/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <string.h>

#include "xinzhi-json.h"

/* A value is one node followed by its contents: an array's elements, an object's name
 * and value pairs (the name a string node), each element or value with its own
 * contents.  `size` counts the nodes of a value, itself included, so that the next
 * sibling is `size` nodes further on and a whole value is stepped over at once. */
struct _XinzhiJsonNode
{
  guint8  type;
  guint32 size;
  union
  {
    const char *string;
    gint64      integer;
    double      number;
    gboolean    boolean;
    guint       length;     /* of an array or an object */
  } value;
};

G_STATIC_ASSERT (sizeof (XinzhiJsonNode) == 16);

struct _XinzhiJson
{
  char         *data;       /* the file, owned; strings without escapes point into it */
  GArray       *nodes;      /* of XinzhiJsonNode */
  GStringChunk *strings;    /* strings that held escapes, unescaped */
};

/* Deeper than this and the parser, which recurses, stops; the loader refuses files
 * nested deeper than 64 levels before they get here. */
#define MAX_DEPTH 512
/* The longest number read, in characters. */
#define MAX_NUMBER_LENGTH 1000
/* The progress function is told after each this many bytes: by bytes, not by values,
 * so that it hears of the parse as often in a file of one long string or of many
 * small numbers as in a corpus. */
#define PROGRESS_STEP (64 * 1024)

typedef struct
{
  char                   *data;
  gsize                   size;
  gsize                   pos;
  GArray                 *nodes;
  GStringChunk           *strings;
  GString                *scratch;
  gsize                   next_progress;  /* the offset after which to tell it */
  XinzhiJsonProgressFunc  progress;
  gpointer                user_data;
  XinzhiJsonError         error;
  gsize                   error_offset;
  const char             *error_reason;
} Parser;

/* Tells the progress function, once past its next step, that the parse is at @offset;
 * FALSE when it said stop. */
static inline gboolean
keep_going (Parser *self,
            gsize   offset)
{
  if (G_LIKELY (offset < self->next_progress))
    return TRUE;

  self->next_progress = offset + PROGRESS_STEP;
  if (self->progress != NULL && !self->progress (offset, self->user_data))
    {
      self->error = XINZHI_JSON_ERROR_CANCELLED;
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail (Parser     *self,
      gsize       offset,
      const char *reason)
{
  self->error = XINZHI_JSON_ERROR_SYNTAX;
  self->error_offset = offset;
  self->error_reason = reason;
  return FALSE;
}

static void
skip_space (Parser *self)
{
  while (self->pos < self->size)
    {
      char c = self->data[self->pos];

      if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
        return;
      self->pos++;
    }
}

/* Appends a node and returns its index. */
static guint
add_node (Parser *self,
          guint8  type)
{
  XinzhiJsonNode node = { type, 1, { NULL } };

  g_array_append_val (self->nodes, node);
  return self->nodes->len - 1;
}

static XinzhiJsonNode *
node_at (Parser *self,
         guint   index)
{
  return &g_array_index (self->nodes, XinzhiJsonNode, index);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at @at; -1 if they are not. */
static int
read_hex4 (Parser *self,
           gsize   at)
{
  int value = 0;

  if (at + 4 > self->size)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (self->data[at + i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Unescapes the string from @start (just past its opening quote) to its closing quote,
 * which is known to exist, into the parser's string chunk. */
static const char *
unescape (Parser *self,
          gsize   start)
{
  gsize i = start;

  g_string_truncate (self->scratch, 0);
  for (;;)
    {
      char c = self->data[i];
      gunichar ch;
      int high, low;

      if (c == '"')
        break;
      if (!keep_going (self, i))
        return NULL;
      if (c != '\\')
        {
          g_string_append_c (self->scratch, c);
          i++;
          continue;
        }

      switch (self->data[i + 1])
        {
        case '"': g_string_append_c (self->scratch, '"'); i += 2; continue;
        case '\\': g_string_append_c (self->scratch, '\\'); i += 2; continue;
        case '/': g_string_append_c (self->scratch, '/'); i += 2; continue;
        case 'b': g_string_append_c (self->scratch, '\b'); i += 2; continue;
        case 'f': g_string_append_c (self->scratch, '\f'); i += 2; continue;
        case 'n': g_string_append_c (self->scratch, '\n'); i += 2; continue;
        case 'r': g_string_append_c (self->scratch, '\r'); i += 2; continue;
        case 't': g_string_append_c (self->scratch, '\t'); i += 2; continue;
        case 'u':
          break;
        default:
          return NULL;
        }

      /* \uXXXX, and a surrogate pair as two of them. */
      high = read_hex4 (self, i + 2);
      if (high < 0)
        return NULL;
      i += 6;
      ch = high;
      if (high >= 0xD800 && high <= 0xDBFF)
        {
          if (self->data[i] != '\\' || self->data[i + 1] != 'u')
            return NULL;
          low = read_hex4 (self, i + 2);
          if (low < 0xDC00 || low > 0xDFFF)
            return NULL;
          i += 6;
          ch = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        }
      else if (high >= 0xDC00 && high <= 0xDFFF)
        return NULL;
      g_string_append_unichar (self->scratch, ch);
    }

  return g_string_chunk_insert_len (self->strings, self->scratch->str, self->scratch->len);
}

/* Reads the string whose opening quote is at the current position into a string
 * node.  Without escapes, the string stays where it is in the file: its closing quote
 * becomes its NUL.  Escaped NULs are refused by the loader before parsing. */
static gboolean
parse_string (Parser *self)
{
  gsize start = self->pos + 1;
  gboolean escaped = FALSE;
  gsize i;
  guint index;

  for (i = start; i < self->size; i++)
    {
      guchar c = self->data[i];

      if (c == '"')
        break;
      if (!keep_going (self, i))
        return FALSE;
      if (c == '\\')
        {
          escaped = TRUE;
          if (++i == self->size)
            break;
        }
      else if (c < 0x20)
        return fail (self, i, N_("a control character in a string must be written as an escape"));
    }
  if (i >= self->size)
    return fail (self, self->pos, N_("a string is not closed"));

  index = add_node (self, XINZHI_JSON_STRING);
  if (escaped)
    {
      const char *value = unescape (self, start);

      if (value == NULL && self->error == XINZHI_JSON_ERROR_CANCELLED)
        return FALSE;
      if (value == NULL)
        return fail (self, self->pos, N_("a string holds an invalid escape"));
      node_at (self, index)->value.string = value;
    }
  else
    {
      self->data[i] = '\0';
      node_at (self, index)->value.string = self->data + start;
    }
  self->pos = i + 1;
  return TRUE;
}

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gboolean
parse_number (Parser *self)
{
  gsize start = self->pos;
  gsize i = start;
  gboolean whole = TRUE;
  guint index;

  if (i < self->size && self->data[i] == '-')
    i++;
  if (i >= self->size || !is_digit (self->data[i]))
    return fail (self, start, N_("expected a value"));
  if (self->data[i] == '0')
    i++;
  else
    while (i < self->size && is_digit (self->data[i]))
      i++;
  if (i < self->size && self->data[i] == '.')
    {
      whole = FALSE;
      if (++i >= self->size || !is_digit (self->data[i]))
        return fail (self, start, N_("a number is not written correctly"));
      while (i < self->size && is_digit (self->data[i]))
        i++;
    }
  if (i < self->size && (self->data[i] == 'e' || self->data[i] == 'E'))
    {
      whole = FALSE;
      if (++i < self->size && (self->data[i] == '+' || self->data[i] == '-'))
        i++;
      if (i >= self->size || !is_digit (self->data[i]))
        return fail (self, start, N_("a number is not written correctly"));
      while (i < self->size && is_digit (self->data[i]))
        i++;
    }

  /* A JSON number may be any length, but converting a long one costs time that nothing
   * could interrupt, and no corpus needs one. */
  if (i - start > MAX_NUMBER_LENGTH)
    return fail (self, start, N_("a number is written with more than 1000 characters"));

  {
    /* The number's characters alone: the file is not NUL-terminated. */
    g_autofree char *text = g_strndup (self->data + start, i - start);

    if (whole)
      {
        char *end = NULL;
        gint64 value;

        errno = 0;
        value = g_ascii_strtoll (text, &end, 10);
        if (errno == 0 && *end == '\0')
          {
            index = add_node (self, XINZHI_JSON_INT);
            node_at (self, index)->value.integer = value;
            self->pos = i;
            return TRUE;
          }
        /* Too large for 64 bits: a number all the same. */
      }

    index = add_node (self, XINZHI_JSON_DOUBLE);
    node_at (self, index)->value.number = g_ascii_strtod (text, NULL);
  }

  self->pos = i;
  return TRUE;
}

static gboolean
parse_literal (Parser         *self,
               const char     *word,
               XinzhiJsonType  type,
               gboolean        value)
{
  gsize length = strlen (word);
  guint index;

  if (self->size - self->pos < length || memcmp (self->data + self->pos, word, length) != 0)
    return fail (self, self->pos, N_("expected a value"));

  index = add_node (self, type);
  node_at (self, index)->value.boolean = value;
  self->pos += length;
  return TRUE;
}

static gboolean parse_value (Parser *self,
                             guint   depth);

static gboolean
parse_container (Parser *self,
                 guint   depth)
{
  gboolean is_object = self->data[self->pos] == '{';
  char close = is_object ? '}' : ']';
  guint index = add_node (self, is_object ? XINZHI_JSON_OBJECT : XINZHI_JSON_ARRAY);
  guint length = 0;

  if (depth >= MAX_DEPTH)
    return fail (self, self->pos, N_("nested too deeply"));

  self->pos++;
  skip_space (self);
  if (self->pos < self->size && self->data[self->pos] == close)
    self->pos++;
  else
    for (;;)
      {
        if (self->pos >= self->size)
          return fail (self, self->pos, is_object ? N_("the file ends before an object is closed")
                                                  : N_("the file ends before an array is closed"));
        if (is_object)
          {
            if (self->pos >= self->size || self->data[self->pos] != '"')
              return fail (self, self->pos, N_("expected a member name in quotes"));
            if (!parse_string (self))
              return FALSE;
            skip_space (self);
            if (self->pos >= self->size || self->data[self->pos] != ':')
              return fail (self, self->pos, N_("expected “:” after a member name"));
            self->pos++;
            skip_space (self);
          }
        if (!parse_value (self, depth + 1))
          return FALSE;
        length++;
        skip_space (self);
        if (self->pos < self->size && self->data[self->pos] == ',')
          {
            self->pos++;
            skip_space (self);
            continue;
          }
        if (self->pos >= self->size)
          return fail (self, self->pos, is_object ? N_("the file ends before an object is closed")
                                                  : N_("the file ends before an array is closed"));
        if (self->pos < self->size && self->data[self->pos] == close)
          {
            self->pos++;
            break;
          }
        return fail (self, self->pos,
                     is_object ? N_("expected “,” or “}”") : N_("expected “,” or “]”"));
      }

  node_at (self, index)->value.length = length;
  node_at (self, index)->size = self->nodes->len - index;
  return TRUE;
}

static gboolean
parse_value (Parser *self,
             guint   depth)
{
  if (self->pos >= self->size)
    return fail (self, self->pos, N_("the file ends in the middle of a value"));
  if (!keep_going (self, self->pos))
    return FALSE;

  switch (self->data[self->pos])
    {
    case '{':
    case '[':
      return parse_container (self, depth);
    case '"':
      return parse_string (self);
    case 't':
      return parse_literal (self, "true", XINZHI_JSON_BOOLEAN, TRUE);
    case 'f':
      return parse_literal (self, "false", XINZHI_JSON_BOOLEAN, FALSE);
    case 'n':
      return parse_literal (self, "null", XINZHI_JSON_NULL, FALSE);
    default:
      return parse_number (self);
    }
}

/**
 * xinzhi_json_parse:
 * @data: (transfer full): the text, which the parse changes (each string without
 *   escapes gets its NUL where its closing quote was) and keeps; freed with the result
 *   or on failure
 * @size: its length in bytes; it needs no NUL
 * @progress: (nullable): told how far the parse has come
 * @user_data: for @progress
 * @error: (out): on failure, why
 * @error_line: (out): on a syntax error, the line where it was found, from 1
 * @error_column: (out): and the column, in characters, from 1
 * @error_reason: (out): on a syntax error, what it is, in English (mark of N_(), to
 *   be translated by the caller)
 *
 * Parses one JSON value, with nothing but white space around it.  The text must be
 * valid UTF-8 (the parse does not check it).
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
XinzhiJson *
xinzhi_json_parse (char                   *data,
                   gsize                   size,
                   XinzhiJsonProgressFunc  progress,
                   gpointer                user_data,
                   XinzhiJsonError        *error,
                   guint                  *error_line,
                   guint                  *error_column,
                   const char            **error_reason)
{
  Parser self = {
    .data = data,
    .size = size,
    .progress = progress,
    .user_data = user_data,
    .next_progress = PROGRESS_STEP,
  };
  XinzhiJson *json;
  gboolean ok;

  g_return_val_if_fail (data != NULL || size == 0, NULL);

  /* About one node for each twenty bytes of a typical corpus; the array grows if not. */
  self.nodes = g_array_sized_new (FALSE, FALSE, sizeof (XinzhiJsonNode), size / 20 + 16);
  self.strings = g_string_chunk_new (4096);
  self.scratch = g_string_new (NULL);

  skip_space (&self);
  if (self.pos >= self.size)
    {
      self.error = XINZHI_JSON_ERROR_EMPTY;
      ok = FALSE;
    }
  else
    {
      ok = parse_value (&self, 0);
      if (ok)
        {
          skip_space (&self);
          if (self.pos < self.size)
            ok = fail (&self, self.pos, N_("more text follows the value"));
        }
    }

  g_string_free (self.scratch, TRUE);
  if (!ok)
    {
      *error = self.error;
      *error_reason = self.error_reason;
      *error_line = 1;
      *error_column = 1;
      if (self.error == XINZHI_JSON_ERROR_SYNTAX)
        for (gsize i = 0; i < self.error_offset; i++)
          {
            if (data[i] == '\n')
              {
                (*error_line)++;
                *error_column = 1;
              }
            else if (((guchar) data[i] & 0xC0) != 0x80)
              (*error_column)++;
          }
      g_array_unref (self.nodes);
      g_string_chunk_free (self.strings);
      g_free (data);
      return NULL;
    }

  json = g_new0 (XinzhiJson, 1);
  json->data = data;
  json->nodes = self.nodes;
  json->strings = self.strings;
  return json;
}

void
xinzhi_json_free (XinzhiJson *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->nodes);
  g_string_chunk_free (self->strings);
  g_free (self->data);
  g_free (self);
}

const XinzhiJsonNode *
xinzhi_json_get_root (XinzhiJson *self)
{
  return &g_array_index (self->nodes, XinzhiJsonNode, 0);
}

XinzhiJsonType
xinzhi_json_node_get_type (const XinzhiJsonNode *node)
{
  return node->type;
}

const char *
xinzhi_json_node_get_string (const XinzhiJsonNode *node)
{
  g_return_val_if_fail (node->type == XINZHI_JSON_STRING, NULL);
  return node->value.string;
}

gint64
xinzhi_json_node_get_int (const XinzhiJsonNode *node)
{
  g_return_val_if_fail (node->type == XINZHI_JSON_INT, 0);
  return node->value.integer;
}

gboolean
xinzhi_json_node_get_boolean (const XinzhiJsonNode *node)
{
  g_return_val_if_fail (node->type == XINZHI_JSON_BOOLEAN, FALSE);
  return node->value.boolean;
}

/* The number of elements of an array or members of an object. */
guint
xinzhi_json_node_get_length (const XinzhiJsonNode *node)
{
  g_return_val_if_fail (node->type == XINZHI_JSON_ARRAY || node->type == XINZHI_JSON_OBJECT, 0);
  return node->value.length;
}

/* An array's first element or an object's first member name; only valid when the
 * length is not 0. */
const XinzhiJsonNode *
xinzhi_json_node_get_first (const XinzhiJsonNode *node)
{
  return node + 1;
}

/* The value after @node in the array or object that holds it (for an object, give the
 * member's value: the next member's name follows it). */
const XinzhiJsonNode *
xinzhi_json_node_get_next (const XinzhiJsonNode *node)
{
  return node + node->size;
}

const XinzhiJsonNode *
xinzhi_json_member_value (const XinzhiJsonNode *key)
{
  return key + 1;
}

/* The value of @object's member @name, or %NULL.  Objects are searched in order:
 * those of a corpus have a dozen members at most. */
const XinzhiJsonNode *
xinzhi_json_object_get_member (const XinzhiJsonNode *object,
                               const char           *name)
{
  const XinzhiJsonNode *key;
  guint i;

  g_return_val_if_fail (object->type == XINZHI_JSON_OBJECT, NULL);

  XINZHI_JSON_FOREACH_MEMBER (object, i, key)
    if (strcmp (key->value.string, name) == 0)
      return xinzhi_json_member_value (key);

  return NULL;
}

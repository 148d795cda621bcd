/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Before the items are read: the raw bytes, before the JSON parser sees them (size,
 * UTF-8, NUL, nesting), and the member names once parsed (length, bidirectional
 * controls, a name given twice).  A check of the file as bytes, or of every member
 * name whatever the record, goes here.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-checksum.h"
#include "xinzhi-loader-private.h"

/* Deeper JSON than this is refused before parsing: the parser recurses. */
#define MAX_DEPTH 64
/* A file larger than this is refused; xinzhi_corpus_new_from_file() does not even read it. */
#define MAX_SIZE XINZHI_CORPUS_MAX_SIZE
/* _xinzhi_loader_check_raw() looks for a cancel and reports progress after each this
 * many bytes. */
#define RAW_STEP (256 * 1024)

/* ---------------------------------------------------------------------------------- */
/* Before parsing                                                                      */
/* ---------------------------------------------------------------------------------- */

static void
line_and_column (const char *data,
                 gsize       offset,
                 guint      *line,
                 guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

/* Finds the end of the string whose first character is at *@pos: the offset of its
 * closing quote, or @size if it has none.  Only the escapes on the way are looked at,
 * with memchr(), which is many times faster than a loop over every byte; each scan
 * starts where the last ended, so a string with many escapes is still read once.
 * Returns FALSE, with *@pos at the backslash, at an escaped NUL (\u0000), which would
 * end the string in C and silently drop the rest. */
static gboolean
skip_string (const char *data,
             gsize       size,
             gsize      *pos)
{
  const char *p = data + *pos;
  const char *end = data + size;
  const char *quote = memchr (p, '"', end - p);

  for (;;)
    {
      const char *limit = quote ? quote : end;
      const char *backslash = memchr (p, '\\', limit - p);

      if (backslash == NULL)
        {
          *pos = limit - data;
          return TRUE;
        }
      if (backslash + 5 < end && backslash[1] == 'u' && strncmp (backslash + 2, "0000", 4) == 0)
        {
          *pos = backslash - data;
          return FALSE;
        }

      /* Past the escaped character, which may be the quote found. */
      p = backslash + 2;
      if (p >= end)
        {
          *pos = size;
          return TRUE;
        }
      if (quote != NULL && p > quote)
        quote = memchr (p, '"', end - p);
    }
}

/* Bytes of UTF-8 validated at a time, with a look for a cancel between them. */
#define UTF8_STEP (1024 * 1024)

/* Checks encoding and nesting before the JSON parser sees the data. */
gboolean
_xinzhi_loader_check_raw (Loader     *self,
                          const char *data,
                          gsize       size)
{
  const char *end = NULL;
  const char *nul;
  gsize valid = 0, checked;
  guint line, column;
  guint depth = 0;
  gsize next_step = 0;
  XinzhiChecksum checksum;

  if (size == 0)
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_SYNTAX, NULL, _("the file is empty"));
      return FALSE;
    }

  if (size > MAX_SIZE)
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_LIMIT, NULL,
                              _("the file is %lu MiB; corpora larger than %lu MiB are not read"),
                              (unsigned long) (size / (1024 * 1024)),
                              (unsigned long) (MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }

  /* The checksum (xinzhi_corpus_get_checksum()) is made as the text is validated, a
   * step at a time, while the step is in the processor's cache. */
  xinzhi_checksum_init (&checksum);
  nul = memchr (data, '\0', size);
  checked = nul ? (gsize) (nul - data) : size;
  /* A step at a time; a character cut at a step's end is taken up by the next. */
  while (valid < checked)
    {
      gsize length = MIN (UTF8_STEP, checked - valid);

      if (_xinzhi_loader_cancelled (self))
        return FALSE;
      /* The first half of the stage's figures; the scan below gives the second. */
      _xinzhi_loader_report (self, XINZHI_LOAD_STAGE_RAW, 0.5 * valid / size);
      if (!g_utf8_validate_len (data + valid, length, &end))
        {
          if (valid + length == checked || end < data + valid + length - 3)
            {
              line_and_column (data, end - data, &line, &column);
              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_ENCODING, NULL,
                                      _("%u:%u: the file is not valid UTF-8 (byte 0x%02X at offset %lu)"),
                                      line, column, (guchar) *end, (unsigned long) (end - data));
              return FALSE;
            }
          length = end - (data + valid);
        }
      xinzhi_checksum_update (&checksum, data + valid, length);
      valid += length;
    }
  if (nul)
    {
      line_and_column (data, nul - data, &line, &column);
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_ENCODING, NULL,
                              _("%u:%u: the file contains a NUL byte (offset %lu)"),
                              line, column, (unsigned long) (nul - data));
      return FALSE;
    }
  self->checksum = xinzhi_checksum_finish (&checksum);

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (i >= next_step)
        {
          if (_xinzhi_loader_cancelled (self))
            return FALSE;
          _xinzhi_loader_report (self, XINZHI_LOAD_STAGE_RAW, 0.5 + 0.5 * i / size);
          next_step = i + RAW_STEP;
        }

      if (c == '"')
        {
          i++;
          if (!skip_string (data, size, &i))
            {
              line_and_column (data, i, &line, &column);
              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_ENCODING, NULL,
                                      _("%u:%u: a string contains a NUL character (\\u0000)"),
                                      line, column);
              return FALSE;
            }
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              line_and_column (data, i, &line, &column);
              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_LIMIT, NULL,
                                      _("%u:%u: JSON nested deeper than %u levels"),
                                      line, column, MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------------------- */
/* Member names                                                                        */
/* ---------------------------------------------------------------------------------- */

/* A place in the parsed file, made into a path only for a message. */
struct _Where
{
  const Where *parent;   /* NULL at the top */
  const char  *member;   /* the member's name, or NULL for an array's element */
  guint        index;
};

static char *
where_path (const Where *where)
{
  g_autofree char *parent = NULL;

  if (where == NULL)
    return g_strdup ("$");
  parent = where_path (where->parent);
  return where->member != NULL ? _xinzhi_loader_member_path (parent, where->member) : _xinzhi_loader_index_path (parent, where->index);
}

/* Whether @name, a member's name in the object at @where, follows the rules of a
 * string value: at most MAX_LINE_LENGTH characters and no unclosed bidirectional
 * control.  A name shows in the messages about its member (an unknown member's
 * place), where a long one froze the window and an open U+202E reversed the alert.
 * The messages below quote the name, but for a long one: _xinzhi_loader_problem()
 * writes out its controls. */
static gboolean
check_name (Loader      *self,
            const Where *where,
            const char  *name)
{
  gunichar unclosed;

  if (strlen (name) > MAX_LINE_LENGTH && g_utf8_strlen (name, -1) > MAX_LINE_LENGTH)
    {
      g_autofree char *path = where_path (where);

      /* Translators: both are numbers of characters */
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
                              _("a member name is %ld characters long; at most %ld are allowed here"),
                              g_utf8_strlen (name, -1), (glong) MAX_LINE_LENGTH);
      return FALSE;
    }

  unclosed = _xinzhi_loader_unclosed_bidi (name);
  if (unclosed != 0)
    {
      g_autofree char *path = where_path (where);

      if (unclosed == TOO_DEEP)
        _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
                                _("the member name “%s” has bidirectional controls nested deeper than %u levels"),
                                name, MAX_BIDI_DEPTH);
      else
        _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
                                _("the member name “%s” opens a bidirectional control (U+%04X) and does "
                                  "not close it, so it would reorder the text shown after it"),
                                name, (guint) unclosed);
      return FALSE;
    }

  return TRUE;
}

/* Up to this many members an object's names are compared one by one; past it, in a set. */
#define FEW_NAMES 16
/* No object of the format has more than 13 members, and any member it does not know is
 * an error: an object with more than this many is refused at once, before its members
 * are looked up (one by one, as objects are small) or each reported. */
#define MAX_MEMBERS 100

/* Checks the member names of every object in @node, at @where: the rules of values
 * (check_name()), and none given twice in one object.  Names are compared as the
 * parser decoded them, so "ti\u0074le" is "title": a parser keeps one of two members
 * with one name and drops the other without a word (json-glib the last, ours the
 * first), and a corpus must lose nothing silently.  A member with a bad name is not
 * looked into, so that no message names it. */
void
_xinzhi_loader_check_names (Loader               *self,
                            const XinzhiJsonNode *node,
                            const Where          *where)
{
  const XinzhiJsonNode *child;
  guint i;

  if (_xinzhi_loader_cancelled_after (self, 1))
    return;

  if (xinzhi_json_node_get_type (node) == XINZHI_JSON_ARRAY)
    XINZHI_JSON_FOREACH_ELEMENT (node, i, child)
      {
        Where element = { where, NULL, i };

        _xinzhi_loader_check_names (self, child, &element);
      }
  else if (xinzhi_json_node_get_type (node) == XINZHI_JSON_OBJECT)
    {
      g_autoptr(GHashTable) seen = NULL;

      if (xinzhi_json_node_get_length (node) > MAX_MEMBERS)
        {
          g_autofree char *path = where_path (where);

          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
                                  _("an object with %u members; no object of a corpus has more than %u"),
                                  xinzhi_json_node_get_length (node), MAX_MEMBERS);
          return;
        }
      if (xinzhi_json_node_get_length (node) > FEW_NAMES)
        seen = g_hash_table_new (g_str_hash, g_str_equal);

      XINZHI_JSON_FOREACH_MEMBER (node, i, child)
        {
          const char *name = xinzhi_json_node_get_string (child);
          Where member = { where, name, 0 };
          gboolean twice = FALSE;

          if (!check_name (self, where, name))
            continue;

          if (seen != NULL)
            twice = !g_hash_table_add (seen, (gpointer) name);
          else
            {
              const XinzhiJsonNode *other;
              guint j;

              XINZHI_JSON_FOREACH_MEMBER (node, j, other)
                {
                  if (j == i)
                    break;
                  if (strcmp (xinzhi_json_node_get_string (other), name) == 0)
                    twice = TRUE;
                }
            }
          if (twice)
            {
              g_autofree char *path = where_path (where);

              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_FORMAT, path,
                                      _("the member “%s” is given twice in one object"), name);
              continue;
            }

          _xinzhi_loader_check_names (self, xinzhi_json_member_value (child), &member);
        }
    }
}

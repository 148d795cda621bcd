/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The loader's first layer, which every stage uses and which uses no other: problems
 * and progress, the paths of messages, and the getters that read a member of the
 * parsed file and check its type, its length and its bidirectional controls.  A check
 * that every string, or every member of some type, must pass goes here; a rule of one
 * kind of record goes into its reader (xinzhi-loader-read.c).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-escape.h"
#include "xinzhi-loader-private.h"

/* Problems listed before the rest are counted only. */
#define MAX_PROBLEMS 200

/* Where each stage starts, as a fraction of the whole load (XinzhiLoadStage). */
static const double stage_start[XINZHI_LOAD_N_STAGES + 1] = { 0.0, 0.03, 0.17, 0.27, 0.53, 1.0 };

/**
 * xinzhi_load_stage_start:
 * @stage: a stage, or %XINZHI_LOAD_N_STAGES for the end
 *
 * Returns: the progress figure at which @stage starts
 */
double
xinzhi_load_stage_start (XinzhiLoadStage stage)
{
  g_return_val_if_fail (stage <= XINZHI_LOAD_N_STAGES, 1.0);

  return stage_start[stage];
}

/**
 * xinzhi_load_stage_of:
 * @fraction: a progress figure of a load
 *
 * Returns: the stage that gives @fraction
 */
XinzhiLoadStage
xinzhi_load_stage_of (double fraction)
{
  XinzhiLoadStage stage = 0;

  while (stage + 1 < XINZHI_LOAD_N_STAGES && fraction >= stage_start[stage + 1])
    stage++;
  return stage;
}

/**
 * xinzhi_load_stage_name:
 * @stage: a stage
 *
 * Returns: its name, for benchmarks and test logs (not translated)
 */
const char *
xinzhi_load_stage_name (XinzhiLoadStage stage)
{
  static const char * const names[XINZHI_LOAD_N_STAGES] = {
    "file", "raw check", "parse", "read", "derive",
  };

  g_return_val_if_fail (stage < XINZHI_LOAD_N_STAGES, NULL);

  return names[stage];
}

G_GNUC_PRINTF (4, 5)
void
_xinzhi_loader_problem (Loader     *self,
                        int         code,
                        const char *path,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  if (self->n_problems++ == 0)
    self->first_code = code;
  if (self->problems->len >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path)
    line = g_strdup_printf ("%s: %s: %s", self->name, path, message);
  else
    line = g_strdup_printf ("%s: %s", self->name, message);
  /* One problem, one line: a title, an id or a member name cannot break it or act. */
  g_ptr_array_add (self->problems, xinzhi_escape_controls (line, XINZHI_ESCAPE_DEFAULT));
}

/* Tells the caller how far the load has come: @done of @stage is done.  Only a change
 * of at least a thousandth is told, so the caller hears of it a few hundred times. */
void
_xinzhi_loader_report (Loader          *self,
                       XinzhiLoadStage  stage,
                       double           done)
{
  double fraction;
  guint permille;

  if (self->progress == NULL)
    return;

  fraction = stage_start[stage] + CLAMP (done, 0.0, 1.0) * (stage_start[stage + 1] - stage_start[stage]);
  permille = (guint) (fraction * 1000.0);
  if (permille <= self->reported)
    return;

  self->reported = permille;
  self->progress (permille / 1000.0, self->progress_data);
}

/* Whether the load was cancelled: every loop over the items stops when it is. */
gboolean
_xinzhi_loader_cancelled (Loader *self)
{
  return g_cancellable_is_cancelled (self->cancellable);
}

/* Whether @count more units of work (bytes, records, items) bring the load to a
 * cancel: looked at once every WORK_STEP units, so that no loop runs long after a
 * cancel whatever its items hold, and costs nothing much when they are small. */
#define WORK_STEP 65536

gboolean
_xinzhi_loader_cancelled_after (Loader *self,
                                gsize   count)
{
  self->work += count;
  if (self->work < WORK_STEP)
    return FALSE;
  self->work = 0;
  return _xinzhi_loader_cancelled (self);
}

/* Starts a stage of @n_steps steps. */
void
_xinzhi_loader_begin_stage (Loader          *self,
                            XinzhiLoadStage  stage,
                            guint            n_steps)
{
  self->n_steps = n_steps;
  self->n_done = 0;
  _xinzhi_loader_report (self, stage, 0.0);
}

/* Counts one step of @stage (an item read, a sector matched), for progress; returns
 * FALSE when the load was cancelled, so that the loop stops. */
gboolean
_xinzhi_loader_step (Loader          *self,
                     XinzhiLoadStage  stage)
{
  if (_xinzhi_loader_cancelled (self))
    return FALSE;

  if (self->n_steps > 0)
    _xinzhi_loader_report (self, stage, (double) self->n_done++ / self->n_steps);
  return TRUE;
}

const char *
_xinzhi_loader_node_type_name (const XinzhiJsonNode *node)
{
  switch (xinzhi_json_node_get_type (node))
    {
    case XINZHI_JSON_OBJECT:
      return "an object";
    case XINZHI_JSON_ARRAY:
      return "an array";
    case XINZHI_JSON_NULL:
      return "null";
    case XINZHI_JSON_STRING:
      return "a string";
    case XINZHI_JSON_BOOLEAN:
      return "a boolean";
    case XINZHI_JSON_INT:
    case XINZHI_JSON_DOUBLE:
    default:
      return "a number";
    }
}

/* The paths of items and members, for messages: made for every item read, so made
 * without printf, which took a fifth of the time spent reading. */
char *
_xinzhi_loader_member_path (const char *path,
                            const char *member)
{
  return g_strconcat (path, ".", member, NULL);
}

char *
_xinzhi_loader_index_path (const char *path,
                           guint       index)
{
  char digits[16];
  char *end = digits + sizeof digits;
  char *p = end;

  *--p = '\0';
  *--p = ']';
  do
    *--p = '0' + index % 10;
  while ((index /= 10) > 0);
  *--p = '[';

  return g_strconcat (path, p, NULL);
}

/* Reports every member of @object not in @allowed: a misspelt member would otherwise
 * lose its data without a word. */
void
_xinzhi_loader_check_members (Loader               *self,
                              const XinzhiJsonNode *object,
                              const char           *path,
                              const char * const   *allowed)
{
  const XinzhiJsonNode *key;
  guint i;

  XINZHI_JSON_FOREACH_MEMBER (object, i, key)
    {
      const char *member = xinzhi_json_node_get_string (key);

      if (!g_strv_contains (allowed, member))
        {
          g_autofree char *mpath = _xinzhi_loader_member_path (path, member);

          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_FORMAT, mpath, _("unknown member “%s”"),
                                  member);
        }
    }
}

const XinzhiJsonNode *
_xinzhi_loader_get_member (Loader               *self,
                           const XinzhiJsonNode *object,
                           const char           *path,
                           const char           *member,
                           gboolean              required)
{
  const XinzhiJsonNode *node = xinzhi_json_object_get_member (object, member);

  if (node == NULL && required)
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_MISSING, path,
                            _("missing required member “%s”"), member);

  return node;
}

/* Bidirectional controls that are opened and not closed reorder whatever a view shows
 * after the string, as in "outlet · date", so that a date could read backwards
 * ("Trojan Source").  Closed ones are shown as written.  Returns the innermost control
 * that @value opens and does not close, 0 if none, or TOO_DEEP if they nest deeper
 * than MAX_BIDI_DEPTH. */
gunichar
_xinzhi_loader_unclosed_bidi (const char *value)
{
  gunichar open[MAX_BIDI_DEPTH];
  guint depth = 0;

  /* Every one of these controls is written E2 80 xx or E2 81 xx in UTF-8, and a valid
   * string has 0xE2 only as the first byte of a character: looking at those alone,
   * with strchr(), skips the rest of the text many times faster than decoding it. */
  for (const char *p = strchr (value, '\xE2'); p != NULL; p = strchr (p + 1, '\xE2'))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E && c != 0x202C) || (c >= 0x2066 && c <= 0x2068))
        {
          if (depth == G_N_ELEMENTS (open))
            return TOO_DEEP;
          open[depth++] = c;
        }
      else if (c == 0x202C && depth > 0 && open[depth - 1] < 0x2066)
        depth--;
      else if (c == 0x2069)
        {
          /* A PDI closes its isolate and the embeddings opened inside it. */
          guint i = depth;

          while (i > 0 && open[i - 1] < 0x2066)
            i--;
          if (i > 0)
            depth = i - 1;
        }
    }

  return depth > 0 ? open[depth - 1] : 0;
}

static void
check_bidi (Loader     *self,
            const char *path,
            const char *value)
{
  gunichar unclosed = _xinzhi_loader_unclosed_bidi (value);

  if (unclosed == TOO_DEEP)
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
                            _("bidirectional controls nested deeper than %u levels"),
                            MAX_BIDI_DEPTH);
  else if (unclosed != 0)
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
                            _("a bidirectional control (U+%04X) is opened and not closed, so it would "
                              "reorder the text shown after it"),
                            (guint) unclosed);
}

/* Whether @value is at most @max characters long; reports a problem if not.  The
 * message gives the length, never the string. */
static gboolean
check_length (Loader     *self,
              const char *path,
              const char *value,
              glong       max)
{
  glong length;

  /* No more bytes than that is no more characters: most strings need no counting. */
  if (strlen (value) <= (gsize) max)
    return TRUE;

  length = g_utf8_strlen (value, -1);
  if (length <= max)
    return TRUE;

  /* Translators: both are numbers of characters */
  _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
                          _("the string is %ld characters long; at most %ld are allowed here"),
                          length, max);
  return FALSE;
}

/* Returns a string member, or NULL (reporting a problem if it is required, or present
 * with another type, or too long).  Empty strings are refused where a value is required. */
const char *
_xinzhi_loader_get_string (Loader               *self,
                           const XinzhiJsonNode *object,
                           const char           *path,
                           const char           *member,
                           gboolean              required)
{
  const XinzhiJsonNode *node = _xinzhi_loader_get_member (self, object, path, member, required);
  g_autofree char *mpath = NULL;
  const char *value;

  if (node == NULL)
    return NULL;

  mpath = _xinzhi_loader_member_path (path, member);
  if (xinzhi_json_node_get_type (node) != XINZHI_JSON_STRING)
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_TYPE, mpath,
                              _("expected a string, found %s"),
                              _xinzhi_loader_node_type_name (node));
      return NULL;
    }

  value = xinzhi_json_node_get_string (node);
  if (value[0] == '\0')
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, mpath, _("must not be empty"));
      return NULL;
    }

  if (!check_length (self, mpath, value,
                     g_str_equal (member, "text") || g_str_equal (member, "summary")
                       ? MAX_TEXT_LENGTH : MAX_LINE_LENGTH))
    return NULL;

  check_bidi (self, mpath, value);
  return value;
}

const XinzhiJsonNode *
_xinzhi_loader_get_array (Loader               *self,
                          const XinzhiJsonNode *object,
                          const char           *path,
                          const char           *member,
                          gboolean              required)
{
  const XinzhiJsonNode *node = _xinzhi_loader_get_member (self, object, path, member, required);

  if (node == NULL)
    return NULL;

  if (xinzhi_json_node_get_type (node) != XINZHI_JSON_ARRAY)
    {
      g_autofree char *mpath = _xinzhi_loader_member_path (path, member);

      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_TYPE, mpath,
                              _("expected an array, found %s"),
                              _xinzhi_loader_node_type_name (node));
      return NULL;
    }

  return node;
}

gboolean
_xinzhi_loader_get_boolean (Loader               *self,
                            const XinzhiJsonNode *object,
                            const char           *path,
                            const char           *member)
{
  const XinzhiJsonNode *node = _xinzhi_loader_get_member (self, object, path, member, FALSE);

  if (node == NULL)
    return FALSE;

  if (xinzhi_json_node_get_type (node) != XINZHI_JSON_BOOLEAN)
    {
      g_autofree char *mpath = _xinzhi_loader_member_path (path, member);

      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_TYPE, mpath,
                              _("expected true or false, found %s"),
                              _xinzhi_loader_node_type_name (node));
      return FALSE;
    }

  return xinzhi_json_node_get_boolean (node);
}

/* Returns the object at @path, or NULL with a problem reported. */
const XinzhiJsonNode *
_xinzhi_loader_as_object (Loader               *self,
                          const XinzhiJsonNode *node,
                          const char           *path)
{
  if (xinzhi_json_node_get_type (node) != XINZHI_JSON_OBJECT)
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_TYPE, path,
                              _("expected an object, found %s"),
                              _xinzhi_loader_node_type_name (node));
      return NULL;
    }

  return node;
}

/* Returns an array of strings as a GStrv, or NULL. */
GStrv
_xinzhi_loader_get_strv (Loader               *self,
                         const XinzhiJsonNode *object,
                         const char           *path,
                         const char           *member,
                         gboolean              required)
{
  const XinzhiJsonNode *array = _xinzhi_loader_get_array (self, object, path, member, required);
  const XinzhiJsonNode *node;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *mpath = NULL;

  if (array == NULL)
    return NULL;

  mpath = _xinzhi_loader_member_path (path, member);
  builder = g_strv_builder_new ();
  node = xinzhi_json_node_get_first (array);
  for (guint i = 0; i < xinzhi_json_node_get_length (array) && !_xinzhi_loader_cancelled_after (self, 1); i++, node = xinzhi_json_node_get_next (node))
    {
      g_autofree char *ipath = _xinzhi_loader_index_path (mpath, i);

      if (xinzhi_json_node_get_type (node) != XINZHI_JSON_STRING)
        _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_TYPE, ipath,
                                _("expected a string, found %s"),
                                _xinzhi_loader_node_type_name (node));
      else if (xinzhi_json_node_get_string (node)[0] == '\0')
        _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, ipath, _("must not be empty"));
      else if (check_length (self, ipath, xinzhi_json_node_get_string (node), MAX_LINE_LENGTH))
        {
          check_bidi (self, ipath, xinzhi_json_node_get_string (node));
          g_strv_builder_add (builder, xinzhi_json_node_get_string (node));
        }
    }

  if (required && xinzhi_json_node_get_length (array) == 0)
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, mpath, _("must not be empty"));

  return g_strv_builder_end (builder);
}

static gboolean
valid_id (const char *id)
{
  if (!g_ascii_islower (id[0]) && !g_ascii_isdigit (id[0]))
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* Whole sentences for each kind of object, so that a translation can give each noun
 * its own words (in Chinese, its own measure word). */
static void
report_duplicate_id (Loader     *self,
                     const char *path,
                     const char *kind,
                     const char *id)
{
  const XinzhiCorpusError code = XINZHI_CORPUS_ERROR_DUPLICATE_ID;

  if (g_str_equal (kind, "group"))
    _xinzhi_loader_problem (self, code, path, _("the id “%s” is already used by another group"),
                            id);
  else if (g_str_equal (kind, "document"))
    _xinzhi_loader_problem (self, code, path, _("the id “%s” is already used by another document"),
                            id);
  else if (g_str_equal (kind, "person"))
    _xinzhi_loader_problem (self, code, path, _("the id “%s” is already used by another person"),
                            id);
  else if (g_str_equal (kind, "sector"))
    _xinzhi_loader_problem (self, code, path, _("the id “%s” is already used by another sector"),
                            id);
  else if (g_str_equal (kind, "event"))
    _xinzhi_loader_problem (self, code, path, _("the id “%s” is already used by another event"),
                            id);
  else if (g_str_equal (kind, "quote"))
    _xinzhi_loader_problem (self, code, path, _("the id “%s” is already used by another quote"),
                            id);
  else if (g_str_equal (kind, "concept"))
    _xinzhi_loader_problem (self, code, path, _("the id “%s” is already used by another concept"),
                            id);
  else
    g_assert_not_reached ();
}

/* Reads an object's "id", checks its form and uniqueness within @ids, and returns it. */
const char *
_xinzhi_loader_get_id (Loader               *self,
                       const XinzhiJsonNode *object,
                       const char           *path,
                       GHashTable           *ids,
                       const char           *kind)
{
  const char *id = _xinzhi_loader_get_string (self, object, path, "id", TRUE);
  g_autofree char *mpath = _xinzhi_loader_member_path (path, "id");

  if (id == NULL)
    return NULL;

  if (!valid_id (id))
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, mpath,
                              _("“%s” is not a valid id (lower-case letters, digits and “-”)"), id);
      return NULL;
    }

  if (g_hash_table_contains (ids, id))
    {
      report_duplicate_id (self, mpath, kind, id);
      return NULL;
    }

  return id;
}

gboolean
_xinzhi_loader_get_date (Loader               *self,
                         const XinzhiJsonNode *object,
                         const char           *path,
                         const char           *member,
                         gboolean              required,
                         XinzhiDate           *date)
{
  const char *text = _xinzhi_loader_get_string (self, object, path, member, required);

  *date = (XinzhiDate) { 0 };
  if (text == NULL)
    return FALSE;

  if (!xinzhi_date_parse (text, date))
    {
      g_autofree char *mpath = _xinzhi_loader_member_path (path, member);

      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, mpath,
                              _("“%s” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD that exists"),
                              text);
      return FALSE;
    }

  return TRUE;
}

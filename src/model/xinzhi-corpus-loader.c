/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The corpus loader: reads a corpus file (docs/corpus-format.md), checks every rule of
 * the format, derives what can be derived, and either fills in a whole
 * XinzhiCorpusContents or reports every problem it found.  Nothing is half-loaded.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-escape.h"
#include "xinzhi-json.h"
#include "xinzhi-matcher.h"
#include "xinzhi-model-private.h"

/* Deeper JSON than this is refused before parsing: the parser recurses. */
#define MAX_DEPTH 64
/* A file larger than this is refused; xinzhi_corpus_new_from_file() does not even read it. */
#define MAX_SIZE XINZHI_CORPUS_MAX_SIZE
/* Problems listed before the rest are counted only. */
#define MAX_PROBLEMS 200
/* check_raw() looks for a cancel and reports progress after each this many bytes. */
#define RAW_STEP (256 * 1024)

/* The stages of a load, and where each starts as a fraction of the whole, so that
 * progress moves about evenly in time: each stage's share of the instructions of
 * loading a synthetic corpus (docs/benchmarks.md, "load"; callgrind, 1,000 articles,
 * 0.60 G in all): raw check and UTF-8 about 7%, parsing 11%, reading the items 29%,
 * deriving 53%. */
typedef enum
{
  STAGE_RAW,      /* check_raw(): by bytes */
  STAGE_PARSE,    /* xinzhi_json_parse(): by objects, counted by check_raw() */
  STAGE_READ,     /* read_*(): by items */
  STAGE_DERIVE,   /* derive(): by steps */
  N_STAGES
} Stage;

static const double stage_start[N_STAGES + 1] = { 0.0, 0.07, 0.18, 0.47, 1.0 };

/* The longest string, in characters, that a paragraph, quote, role or summary ("text"
 * and "summary" members) may hold, and that any other string may hold: a title, a name
 * or an id longer than that is a mistake, and a view that laid it out would stall. */
#define MAX_TEXT_LENGTH 100000
#define MAX_LINE_LENGTH 1000

typedef struct
{
  const char *name;
  gint64      version;        /* the file's format version */
  GPtrArray  *problems;       /* of char * */
  int         first_code;
  guint       n_problems;

  char       *title;
  GPtrArray  *groups;         /* of Group * */
  GHashTable *group_ids;      /* id → Group *, borrowed */
  GListStore *documents;
  GHashTable *document_ids;   /* id → XinzhiDocument *, borrowed */
  GListStore *people;
  GHashTable *person_ids;
  GListStore *sectors;
  GHashTable *sector_ids;
  GListStore *events;
  GHashTable *event_ids;
  GListStore *quotes;
  GHashTable *quote_ids;
  GListStore *concepts;
  GHashTable *concept_ids;

  /* Of every person's variants, those that occur in some document (read_people()). */
  GHashTable *variants_found; /* set of char * */

  /* Cancelling and progress. */
  GCancellable             *cancellable;
  XinzhiCorpusProgressFunc  progress;
  gpointer                  progress_data;
  guint                     reported;      /* in thousandths, the last told */
  guint                     n_objects;     /* JSON objects in the file */
  guint                     n_parsed;      /* of them, parsed so far */
  guint                     n_steps;       /* steps of the current stage */
  guint                     n_done;        /* of them, done so far */
} Loader;

typedef struct
{
  char  *id;
  char  *name;
  char  *name_zh;
  guint  position;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->id);
  g_free (group->name);
  g_free (group->name_zh);
  g_free (group);
}

G_GNUC_PRINTF (4, 5)
static void
problem (Loader     *self,
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
static void
report (Loader *self,
        Stage   stage,
        double  done)
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
static gboolean
cancelled (Loader *self)
{
  return g_cancellable_is_cancelled (self->cancellable);
}

/* Starts a stage of @n_steps steps. */
static void
begin_stage (Loader *self,
             Stage   stage,
             guint   n_steps)
{
  self->n_steps = n_steps;
  self->n_done = 0;
  report (self, stage, 0.0);
}

/* Counts one step of @stage (an item read, a sector matched), for progress; returns
 * FALSE when the load was cancelled, so that the loop stops. */
static gboolean
step (Loader *self,
      Stage   stage)
{
  if (cancelled (self))
    return FALSE;

  if (self->n_steps > 0)
    report (self, stage, (double) self->n_done++ / self->n_steps);
  return TRUE;
}

static const char *
node_type_name (const XinzhiJsonNode *node)
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
static char *
member_path (const char *path,
             const char *member)
{
  return g_strconcat (path, ".", member, NULL);
}

static char *
index_path (const char *path,
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
static void
check_members (Loader               *self,
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
          g_autofree char *mpath = member_path (path, member);

          problem (self, XINZHI_CORPUS_ERROR_FORMAT, mpath, _("unknown member “%s”"), member);
        }
    }
}

static const XinzhiJsonNode *
get_member (Loader               *self,
            const XinzhiJsonNode *object,
            const char           *path,
            const char           *member,
            gboolean              required)
{
  const XinzhiJsonNode *node = xinzhi_json_object_get_member (object, member);

  if (node == NULL && required)
    problem (self, XINZHI_CORPUS_ERROR_MISSING, path, _("missing required member “%s”"), member);

  return node;
}

/* Bidirectional controls that are opened and not closed reorder whatever a view shows
 * after the string, as in "outlet · date", so that a date could read backwards
 * ("Trojan Source").  Closed ones are shown as written. */
static void
check_bidi (Loader     *self,
            const char *path,
            const char *value)
{
  gunichar open[64];
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
            {
              problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
                       _("bidirectional controls nested deeper than %u levels"),
                       (guint) G_N_ELEMENTS (open));
              return;
            }
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

  if (depth > 0)
    problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
             _("a bidirectional control (U+%04X) is opened and not closed, so it would "
               "reorder the text shown after it"),
             (guint) open[depth - 1]);
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
  problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
           _("the string is %ld characters long; at most %ld are allowed here"), length, max);
  return FALSE;
}

/* Returns a string member, or NULL (reporting a problem if it is required, or present
 * with another type, or too long).  Empty strings are refused where a value is required. */
static const char *
get_string (Loader               *self,
            const XinzhiJsonNode *object,
            const char           *path,
            const char           *member,
            gboolean              required)
{
  const XinzhiJsonNode *node = get_member (self, object, path, member, required);
  g_autofree char *mpath = NULL;
  const char *value;

  if (node == NULL)
    return NULL;

  mpath = member_path (path, member);
  if (xinzhi_json_node_get_type (node) != XINZHI_JSON_STRING)
    {
      problem (self, XINZHI_CORPUS_ERROR_TYPE, mpath, _("expected a string, found %s"),
               node_type_name (node));
      return NULL;
    }

  value = xinzhi_json_node_get_string (node);
  if (value[0] == '\0')
    {
      problem (self, XINZHI_CORPUS_ERROR_VALUE, mpath, _("must not be empty"));
      return NULL;
    }

  if (!check_length (self, mpath, value,
                     g_str_equal (member, "text") || g_str_equal (member, "summary")
                       ? MAX_TEXT_LENGTH : MAX_LINE_LENGTH))
    return NULL;

  check_bidi (self, mpath, value);
  return value;
}

static const XinzhiJsonNode *
get_array (Loader               *self,
           const XinzhiJsonNode *object,
           const char           *path,
           const char           *member,
           gboolean              required)
{
  const XinzhiJsonNode *node = get_member (self, object, path, member, required);

  if (node == NULL)
    return NULL;

  if (xinzhi_json_node_get_type (node) != XINZHI_JSON_ARRAY)
    {
      g_autofree char *mpath = member_path (path, member);

      problem (self, XINZHI_CORPUS_ERROR_TYPE, mpath, _("expected an array, found %s"),
               node_type_name (node));
      return NULL;
    }

  return node;
}

static gboolean
get_boolean (Loader               *self,
             const XinzhiJsonNode *object,
             const char           *path,
             const char           *member)
{
  const XinzhiJsonNode *node = get_member (self, object, path, member, FALSE);

  if (node == NULL)
    return FALSE;

  if (xinzhi_json_node_get_type (node) != XINZHI_JSON_BOOLEAN)
    {
      g_autofree char *mpath = member_path (path, member);

      problem (self, XINZHI_CORPUS_ERROR_TYPE, mpath, _("expected true or false, found %s"),
               node_type_name (node));
      return FALSE;
    }

  return xinzhi_json_node_get_boolean (node);
}

/* Returns the object at @path, or NULL with a problem reported. */
static const XinzhiJsonNode *
as_object (Loader               *self,
           const XinzhiJsonNode *node,
           const char           *path)
{
  if (xinzhi_json_node_get_type (node) != XINZHI_JSON_OBJECT)
    {
      problem (self, XINZHI_CORPUS_ERROR_TYPE, path, _("expected an object, found %s"),
               node_type_name (node));
      return NULL;
    }

  return node;
}

/* Returns an array of strings as a GStrv, or NULL. */
static GStrv
get_strv (Loader               *self,
          const XinzhiJsonNode *object,
          const char           *path,
          const char           *member,
          gboolean              required)
{
  const XinzhiJsonNode *array = get_array (self, object, path, member, required);
  const XinzhiJsonNode *node;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *mpath = NULL;

  if (array == NULL)
    return NULL;

  mpath = member_path (path, member);
  builder = g_strv_builder_new ();
  node = xinzhi_json_node_get_first (array);
  for (guint i = 0; i < xinzhi_json_node_get_length (array); i++, node = xinzhi_json_node_get_next (node))
    {
      g_autofree char *ipath = index_path (mpath, i);

      if (xinzhi_json_node_get_type (node) != XINZHI_JSON_STRING)
        problem (self, XINZHI_CORPUS_ERROR_TYPE, ipath, _("expected a string, found %s"),
                 node_type_name (node));
      else if (xinzhi_json_node_get_string (node)[0] == '\0')
        problem (self, XINZHI_CORPUS_ERROR_VALUE, ipath, _("must not be empty"));
      else if (check_length (self, ipath, xinzhi_json_node_get_string (node), MAX_LINE_LENGTH))
        {
          check_bidi (self, ipath, xinzhi_json_node_get_string (node));
          g_strv_builder_add (builder, xinzhi_json_node_get_string (node));
        }
    }

  if (required && xinzhi_json_node_get_length (array) == 0)
    problem (self, XINZHI_CORPUS_ERROR_VALUE, mpath, _("must not be empty"));

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
    problem (self, code, path, _("the id “%s” is already used by another group"), id);
  else if (g_str_equal (kind, "document"))
    problem (self, code, path, _("the id “%s” is already used by another document"), id);
  else if (g_str_equal (kind, "person"))
    problem (self, code, path, _("the id “%s” is already used by another person"), id);
  else if (g_str_equal (kind, "sector"))
    problem (self, code, path, _("the id “%s” is already used by another sector"), id);
  else if (g_str_equal (kind, "event"))
    problem (self, code, path, _("the id “%s” is already used by another event"), id);
  else if (g_str_equal (kind, "quote"))
    problem (self, code, path, _("the id “%s” is already used by another quote"), id);
  else if (g_str_equal (kind, "concept"))
    problem (self, code, path, _("the id “%s” is already used by another concept"), id);
  else
    g_assert_not_reached ();
}

static void
report_dangling_reference (Loader     *self,
                           const char *path,
                           const char *kind,
                           const char *id)
{
  const XinzhiCorpusError code = XINZHI_CORPUS_ERROR_DANGLING_REFERENCE;

  if (g_str_equal (kind, "group"))
    problem (self, code, path, _("there is no group with the id “%s”"), id);
  else if (g_str_equal (kind, "document"))
    problem (self, code, path, _("there is no document with the id “%s”"), id);
  else if (g_str_equal (kind, "person"))
    problem (self, code, path, _("there is no person with the id “%s”"), id);
  else if (g_str_equal (kind, "event"))
    problem (self, code, path, _("there is no event with the id “%s”"), id);
  else
    g_assert_not_reached ();
}

/* The date is written more precisely than @text states it: @precision against
 * @stated, in a whole sentence for each pair. */
static void
report_imprecise_date (Loader              *self,
                       const char          *path,
                       XinzhiDatePrecision  precision,
                       XinzhiDatePrecision  stated,
                       const char          *text)
{
  const XinzhiCorpusError code = XINZHI_CORPUS_ERROR_DATE;

  if (precision == XINZHI_DATE_PRECISION_DAY && stated == XINZHI_DATE_PRECISION_MONTH)
    problem (self, code, path, _("the date is given to the day, but “%s” states it only to the month"), text);
  else if (precision == XINZHI_DATE_PRECISION_DAY)
    problem (self, code, path, _("the date is given to the day, but “%s” states it only to the year"), text);
  else
    problem (self, code, path, _("the date is given to the month, but “%s” states it only to the year"), text);
}

/* Reads an object's "id", checks its form and uniqueness within @ids, and returns it. */
static const char *
get_id (Loader               *self,
        const XinzhiJsonNode *object,
        const char           *path,
        GHashTable           *ids,
        const char           *kind)
{
  const char *id = get_string (self, object, path, "id", TRUE);
  g_autofree char *mpath = member_path (path, "id");

  if (id == NULL)
    return NULL;

  if (!valid_id (id))
    {
      problem (self, XINZHI_CORPUS_ERROR_VALUE, mpath,
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

static gboolean
get_date (Loader               *self,
          const XinzhiJsonNode *object,
          const char           *path,
          const char           *member,
          gboolean              required,
          XinzhiDate           *date)
{
  const char *text = get_string (self, object, path, member, required);

  *date = (XinzhiDate) { 0 };
  if (text == NULL)
    return FALSE;

  if (!xinzhi_date_parse (text, date))
    {
      g_autofree char *mpath = member_path (path, member);

      problem (self, XINZHI_CORPUS_ERROR_DATE, mpath,
               _("“%s” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD that exists"),
               text);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------------------- */
/* Matching terms in text                                                              */
/* ---------------------------------------------------------------------------------- */

/* Whether @c belongs to a word of an alphabetic script: a letter or digit that is not
 * a wide (CJK) character.  Chinese text has no spaces, so it has no word boundaries. */
static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) && !g_unichar_iswide (c);
}

/* Whether a term that starts at @start and ends at @end of @text may match there: where
 * it starts (@bound_start) or ends (@bound_end) with a letter or digit of an alphabetic
 * script, only at a word boundary. */
static gboolean
at_word_boundaries (const char *text,
                    gsize       start,
                    gsize       end,
                    gboolean    bound_start,
                    gboolean    bound_end)
{
  if (bound_start && start > 0 &&
      is_word_char (g_utf8_get_char (g_utf8_prev_char (text + start))))
    return FALSE;
  if (bound_end && text[end] != '\0' && is_word_char (g_utf8_get_char (text + end)))
    return FALSE;
  return TRUE;
}

typedef struct
{
  guint paragraph;
  gsize start;
  gsize end;
} Match;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a, *mb = b;

  if (ma->paragraph != mb->paragraph)
    return ma->paragraph < mb->paragraph ? -1 : 1;
  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  /* The longer first, so that it wins an overlap. */
  if (ma->end != mb->end)
    return ma->end > mb->end ? -1 : 1;
  return 0;
}

/* Every sector's terms and every person's names, ASCII-lowered, in one XinzhiMatcher,
 * so that each paragraph is read once for all of them; it once was read once for each
 * term of each sector and each name.  An owner is a sector (0 … n_sectors - 1) or a
 * person (n_sectors + i).  The rules of a match are those of a term looked for alone:
 * ASCII case is ignored; a term that starts or ends with a letter or digit of an
 * alphabetic script matches only at a word boundary there; one term's matches do not
 * overlap each other (the next is looked for after the end of the last); and of one
 * owner's matches in a document, where two overlap, the one that starts first, or the
 * longer, is kept.
 *
 * The terms are shared, and only read once ready; each thread that scans documents has
 * a Scanner of its own. */
typedef struct
{
  XinzhiMatcher *matcher;
  GPtrArray     *owners_of;     /* per pattern: GArray of guint, its owners */
  GArray        *bounds;        /* per pattern: guint8, 1 = bound at start, 2 = at end */
  guint          n_owners;
} Terms;

typedef struct
{
  const Terms   *terms;
  GArray        *last_end;      /* per pattern: where its last match in this paragraph ended */
  GArray        *last_seen;     /* per pattern: the paragraph serial of last_end */
  guint          serial;        /* of the paragraph being scanned */
  GPtrArray     *matches;       /* per owner: GArray of Match in the current document */
  GArray        *touched;       /* of guint: owners with matches in the current document */
  const char    *text;          /* the paragraph, as written */
  guint          paragraph;
  GString       *lowered;       /* the paragraph, ASCII-lowered */
} Scanner;

static void
terms_add (Terms      *self,
           const char *term,
           guint       owner)
{
  g_autofree char *lowered = g_ascii_strdown (term, -1);
  gsize length = strlen (lowered);
  guint pattern;
  GArray *owners;
  guint8 bounds;

  if (length == 0)
    return;

  pattern = xinzhi_matcher_add (self->matcher, lowered);
  if (pattern == self->owners_of->len)
    {
      owners = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (self->owners_of, owners);
      bounds = (is_word_char (g_utf8_get_char (lowered)) ? 1 : 0) |
               (is_word_char (g_utf8_get_char (g_utf8_prev_char (lowered + length))) ? 2 : 0);
      g_array_append_val (self->bounds, bounds);
    }
  owners = g_ptr_array_index (self->owners_of, pattern);

  /* A term given twice, or twice but for case, matches once. */
  if (owners->len == 0 || g_array_index (owners, guint, owners->len - 1) != owner)
    g_array_append_val (owners, owner);
}

static gboolean
term_found_cb (guint    pattern,
               gsize    start,
               gsize    end,
               gpointer user_data)
{
  Scanner *self = user_data;
  guint8 bounds = g_array_index (self->terms->bounds, guint8, pattern);
  GArray *owners;

  if (g_array_index (self->last_seen, guint, pattern) == self->serial &&
      start < g_array_index (self->last_end, gsize, pattern))
    return TRUE;
  if (!at_word_boundaries (self->text, start, end, bounds & 1, bounds & 2))
    return TRUE;

  g_array_index (self->last_seen, guint, pattern) = self->serial;
  g_array_index (self->last_end, gsize, pattern) = end;

  owners = g_ptr_array_index (self->terms->owners_of, pattern);
  for (guint o = 0; o < owners->len; o++)
    {
      guint owner = g_array_index (owners, guint, o);
      GArray *matches = g_ptr_array_index (self->matches, owner);

      if (matches->len == 0)
        g_array_append_val (self->touched, owner);
      g_array_append_val (matches, ((Match) { self->paragraph, start, end }));
    }

  return TRUE;
}

/* Finds the matches of every owner in @document; the owners with any are in
 * @self->touched, their matches in @self->matches. */
static void
scanner_scan_document (Scanner        *self,
                       XinzhiDocument *document)
{
  for (guint i = 0; i < self->touched->len; i++)
    g_array_set_size (g_ptr_array_index (self->matches, g_array_index (self->touched, guint, i)), 0);
  g_array_set_size (self->touched, 0);

  for (guint i = 0; i < document->paragraphs->len; i++)
    {
      const char *text = g_array_index (document->paragraphs, XinzhiParagraph, i).text;
      gsize length = strlen (text);

      /* As g_ascii_strdown(), without a call per byte. */
      g_string_set_size (self->lowered, length);
      for (gsize b = 0; b < length; b++)
        self->lowered->str[b] = text[b] >= 'A' && text[b] <= 'Z' ? text[b] + ('a' - 'A') : text[b];

      self->serial++;
      self->text = text;
      self->paragraph = i;
      xinzhi_matcher_scan (self->terms->matcher, self->lowered->str, length, term_found_cb, self);
    }
}

/* The matches of one owner in the current document, in text order, without overlaps:
 * where two overlap, the one that starts first, or the longer, wins. */
static GArray *
scanner_take_matches (Scanner *self,
                      guint    owner)
{
  GArray *all = g_ptr_array_index (self->matches, owner);
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (Match));

  g_array_sort (all, compare_matches);
  for (guint i = 0; i < all->len; i++)
    {
      const Match *m = &g_array_index (all, Match, i);
      const Match *last = kept->len ? &g_array_index (kept, Match, kept->len - 1) : NULL;

      if (last && last->paragraph == m->paragraph && m->start < last->end)
        continue;
      g_array_append_val (kept, *m);
    }

  return kept;
}

static void
terms_init (Terms *self,
            guint  n_owners)
{
  self->matcher = xinzhi_matcher_new ();
  self->owners_of = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->bounds = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->n_owners = n_owners;
}

/* After the last term is added: from here on the terms are only read, by any thread. */
static void
terms_ready (Terms *self)
{
  xinzhi_matcher_prepare (self->matcher);
}

static void
terms_clear (Terms *self)
{
  g_clear_pointer (&self->matcher, xinzhi_matcher_free);
  g_clear_pointer (&self->owners_of, g_ptr_array_unref);
  g_clear_pointer (&self->bounds, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Terms, terms_clear)

static void
scanner_init (Scanner     *self,
              const Terms *terms)
{
  guint n = xinzhi_matcher_get_n_patterns (terms->matcher);

  *self = (Scanner) { .terms = terms };
  self->last_end = g_array_sized_new (FALSE, TRUE, sizeof (gsize), n);
  g_array_set_size (self->last_end, n);
  self->last_seen = g_array_sized_new (FALSE, TRUE, sizeof (guint), n);
  g_array_set_size (self->last_seen, n);
  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < terms->n_owners; i++)
    g_ptr_array_add (self->matches, g_array_new (FALSE, FALSE, sizeof (Match)));
  self->touched = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lowered = g_string_new (NULL);
}

static void
scanner_clear (Scanner *self)
{
  g_clear_pointer (&self->last_end, g_array_unref);
  g_clear_pointer (&self->last_seen, g_array_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_array_unref);
  if (self->lowered != NULL)
    g_string_free (g_steal_pointer (&self->lowered), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scanner, scanner_clear)

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* One owner's match in a document. */
typedef struct
{
  guint owner;
  guint paragraph;
  gsize start;
  gsize end;
} Found;

/* Scanning every document for every term is most of deriving's time, and documents
 * are scanned independently: a Scan shares them out among threads, a few at a time,
 * and keeps each document's matches, owner by owner in the order of owners, each
 * owner's in text order, for derive() to take in document order. */
typedef struct
{
  const Terms      *terms;
  GPtrArray        *documents;  /* of XinzhiDocument, in corpus order */
  GArray          **found;      /* per document: of Found */
  GCancellable     *cancellable;
  gint              next;       /* atomic: the first document not yet taken */
  gint              done;       /* atomic: documents scanned */
} Scan;

/* Documents a thread takes at a time. */
#define SCAN_CHUNK 16

/* Scans the next few documents not yet taken; FALSE when none are left or the load
 * was cancelled. */
static gboolean
scan_chunk (Scan    *scan,
            Scanner *scanner)
{
  guint n = scan->documents->len;
  guint first = (guint) g_atomic_int_add (&scan->next, SCAN_CHUNK);

  if (first >= n || g_cancellable_is_cancelled (scan->cancellable))
    return FALSE;

  for (guint d = first; d < MIN (first + SCAN_CHUNK, n); d++)
    {
      GArray *found = g_array_new (FALSE, FALSE, sizeof (Found));

      scanner_scan_document (scanner, g_ptr_array_index (scan->documents, d));
      g_array_sort (scanner->touched, compare_uints);
      for (guint o = 0; o < scanner->touched->len; o++)
        {
          guint owner = g_array_index (scanner->touched, guint, o);
          g_autoptr(GArray) kept = scanner_take_matches (scanner, owner);

          for (guint m = 0; m < kept->len; m++)
            {
              const Match *match = &g_array_index (kept, Match, m);
              Found entry = { owner, match->paragraph, match->start, match->end };

              g_array_append_val (found, entry);
            }
        }
      scan->found[d] = found;
    }
  g_atomic_int_add (&scan->done, MIN (first + SCAN_CHUNK, n) - first);
  return TRUE;
}

static gpointer
scan_thread (gpointer data)
{
  Scan *scan = data;
  g_auto(Scanner) scanner = { 0 };

  scanner_init (&scanner, scan->terms);
  while (scan_chunk (scan, &scanner))
    ;
  return NULL;
}

/* Finds @needle verbatim in one of the document's paragraphs. */
static gboolean
find_in_document (XinzhiDocument *document,
                  const char     *needle,
                  guint          *paragraph,
                  gsize          *start)
{
  for (guint i = 0; i < document->paragraphs->len; i++)
    {
      const char *text = g_array_index (document->paragraphs, XinzhiParagraph, i).text;
      const char *found = strstr (text, needle);

      if (found)
        {
          if (paragraph)
            *paragraph = i;
          if (start)
            *start = found - text;
          return TRUE;
        }
    }

  return FALSE;
}

/* ---------------------------------------------------------------------------------- */
/* Date evidence                                                                       */
/* ---------------------------------------------------------------------------------- */

/* Checks the date_text / date_estimated / date_note rules for an object whose date(s)
 * are known to @precision; @found tells whether date_text occurs where it must. */
static void
check_date_evidence (Loader               *self,
                     const XinzhiJsonNode *object,
                     const char           *path,
                     XinzhiDatePrecision   precision,
                     gboolean              estimated,
                     const char           *date_text,
                     const char           *date_note,
                     gboolean              found,
                     const char           *where)
{
  g_autofree char *text_path = member_path (path, "date_text");

  if (estimated)
    {
      if (date_note == NULL && xinzhi_json_object_get_member (object, "date_note") == NULL)
        problem (self, XINZHI_CORPUS_ERROR_MISSING, path,
                 _("an estimated date needs a “date_note” giving the reason"));
      if (date_text != NULL)
        problem (self, XINZHI_CORPUS_ERROR_DATE, text_path,
                 _("an estimated date has no “date_text”: the text does not state it"));
      return;
    }

  if (date_text == NULL)
    {
      if (xinzhi_json_object_get_member (object, "date_text") == NULL)
        problem (self, XINZHI_CORPUS_ERROR_MISSING, path,
                 _("missing “date_text”, the words of the text that state the date "
                   "(or “date_estimated”: true with a “date_note”)"));
      return;
    }

  if (!found)
    {
      /* Translators: %s is "the document" or "the cited paragraphs" */
      problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, text_path,
               _("“%s” is not found verbatim in %s"), date_text, where);
      return;
    }

  if (xinzhi_date_text_precision (date_text) == XINZHI_DATE_PRECISION_NONE)
    problem (self, XINZHI_CORPUS_ERROR_DATE, text_path,
             _("“%s” states no date"), date_text);
  else if (xinzhi_date_text_precision (date_text) < precision)
    report_imprecise_date (self, text_path, precision, xinzhi_date_text_precision (date_text),
                           date_text);
}

/* Whether @date, read in a text dated @document_date, would fall after that date if
 * it were in the same year: then words that name no year mean the year before. */
static gboolean
after_in_year (const XinzhiDate *date,
               const XinzhiDate *document_date)
{
  if (date->precision < XINZHI_DATE_PRECISION_MONTH ||
      document_date->precision < XINZHI_DATE_PRECISION_MONTH)
    return FALSE;
  if (date->month != document_date->month)
    return date->month > document_date->month;

  return date->precision == XINZHI_DATE_PRECISION_DAY &&
         document_date->precision == XINZHI_DATE_PRECISION_DAY &&
         date->day > document_date->day;
}

/* Checks that @words, the words @text of paragraph @paragraph of @document, state
 * @date: its day number, its month and its year where the date gives them.  Words
 * that name no year take the year of the document's own date (the year before, if
 * the day or month named falls after that date in its year); an estimated document
 * date gives no year. */
static gboolean
check_stated_date (Loader                *self,
                   const char            *path,
                   const XinzhiDateWords *words,
                   const char            *text,
                   XinzhiDocument        *document,
                   guint                  paragraph,
                   const XinzhiDate      *date)
{
  g_autofree char *iso = xinzhi_date_to_iso (date);
  guint year;

  if (date->precision >= XINZHI_DATE_PRECISION_MONTH && !(words->months & (1u << date->month)))
    {
      /* Translators: “March 7” (paragraph 2 of document “doc-a”) does not state 2024-03-05: … */
      problem (self, XINZHI_CORPUS_ERROR_DATE, path,
               _("“%s” (paragraph %u of document “%s”) does not state %s: it names another month"),
               text, paragraph, document->id, iso);
      return FALSE;
    }

  if (date->precision == XINZHI_DATE_PRECISION_DAY && !(words->days & (1u << date->day)))
    {
      problem (self, XINZHI_CORPUS_ERROR_DATE, path,
               _("“%s” (paragraph %u of document “%s”) does not state %s: it names another day"),
               text, paragraph, document->id, iso);
      return FALSE;
    }

  if (words->n_years > 0)
    {
      if (!xinzhi_date_words_has_year (words, date->year))
        {
          problem (self, XINZHI_CORPUS_ERROR_DATE, path,
                   _("“%s” (paragraph %u of document “%s”) does not state %s: it names another year"),
                   text, paragraph, document->id, iso);
          return FALSE;
        }
      return TRUE;
    }

  if (document->date_estimated)
    {
      problem (self, XINZHI_CORPUS_ERROR_DATE, path,
               _("“%s” (paragraph %u of document “%s”) does not state %s: it names no year, "
                 "and the document’s own date is an estimate"),
               text, paragraph, document->id, iso);
      return FALSE;
    }

  year = document->date.year;
  if (after_in_year (date, &document->date))
    year--;
  if (date->year != year)
    {
      g_autofree char *document_date = xinzhi_date_to_iso (&document->date);

      problem (self, XINZHI_CORPUS_ERROR_DATE, path,
               _("“%s” (paragraph %u of document “%s”) does not state %s: it names no year, "
                 "and by the document’s date (%s) it means %u"),
               text, paragraph, document->id, iso, document_date, year);
      return FALSE;
    }

  return TRUE;
}

/* Checks one of an event's "date_sources" (format version 2): its words occur in its
 * paragraph, state the date at least as precisely as the event gives it, and state
 * this date, the start and the end of a range. */
static void
check_date_source (Loader         *self,
                   const char     *path,
                   XinzhiEvent    *event,
                   XinzhiDocument *document,
                   guint           paragraph,
                   const char     *text)
{
  XinzhiDatePrecision precision = MAX (event->start.precision, event->end.precision);
  XinzhiDatePrecision stated = xinzhi_date_text_precision (text);
  XinzhiDateWords words;

  if (strstr (g_array_index (document->paragraphs, XinzhiParagraph, paragraph).text, text) == NULL)
    {
      problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, path,
               _("“%s” is not found verbatim in paragraph %u of document “%s”"),
               text, paragraph, document->id);
      return;
    }

  if (stated == XINZHI_DATE_PRECISION_NONE)
    {
      problem (self, XINZHI_CORPUS_ERROR_DATE, path, _("“%s” states no date"), text);
      return;
    }
  if (stated < precision)
    {
      report_imprecise_date (self, path, precision, stated, text);
      return;
    }

  xinzhi_date_text_scan (text, &words);
  if (check_stated_date (self, path, &words, text, document, paragraph, &event->start) &&
      xinzhi_date_compare (&event->start, &event->end) != 0)
    check_stated_date (self, path, &words, text, document, paragraph, &event->end);
}

/* ---------------------------------------------------------------------------------- */
/* Reading each kind                                                                   */
/* ---------------------------------------------------------------------------------- */

static const char * const group_members[] = { "id", "name", "name_zh", NULL };

static void
read_groups (Loader               *self,
             const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && step (self, STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = index_path ("$.groups", i);
      const XinzhiJsonNode *object = as_object (self, element, path);
      const char *id, *name, *name_zh;
      Group *group;

      if (object == NULL)
        continue;
      check_members (self, object, path, group_members);
      id = get_id (self, object, path, self->group_ids, "group");
      name = get_string (self, object, path, "name", TRUE);
      name_zh = get_string (self, object, path, "name_zh", TRUE);
      if (id == NULL || name == NULL || name_zh == NULL)
        continue;

      group = g_new0 (Group, 1);
      group->id = g_strdup (id);
      group->name = g_strdup (name);
      group->name_zh = g_strdup (name_zh);
      group->position = self->groups->len;
      g_ptr_array_add (self->groups, group);
      g_hash_table_insert (self->group_ids, group->id, group);
    }
}

static const char * const paragraph_members[] = { "text", "kind", "date", NULL };
static const char * const paragraph_kinds[] = { "body", "heading", "dateline", "caption", "credit", NULL };

static void
read_paragraphs (Loader               *self,
                 XinzhiDocument       *document,
                 const XinzhiJsonNode *array,
                 const char           *path)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;
  gboolean has_body = FALSE;

  for (guint i = 0; i < xinzhi_json_node_get_length (array); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *ppath = index_path (path, i);
      const XinzhiJsonNode *object = as_object (self, element, ppath);
      XinzhiParagraph paragraph = { 0 };
      const char *text = NULL, *kind = NULL;

      if (object != NULL)
        {
          check_members (self, object, ppath, paragraph_members);
          text = get_string (self, object, ppath, "text", TRUE);
          kind = get_string (self, object, ppath, "kind", FALSE);
          get_date (self, object, ppath, "date", FALSE, &paragraph.date);
        }


      if (kind != NULL)
        {
          guint k;

          for (k = 0; paragraph_kinds[k]; k++)
            if (g_str_equal (kind, paragraph_kinds[k]))
              break;
          if (paragraph_kinds[k] == NULL)
            {
              g_autofree char *kpath = member_path (ppath, "kind");

              problem (self, XINZHI_CORPUS_ERROR_VALUE, kpath,
                       _("“%s” is not a paragraph kind (body, heading, dateline, caption, credit)"),
                       kind);
            }
          else
            paragraph.kind = (XinzhiParagraphKind) k;
        }

      /* A paragraph in error still takes its place, so that references to the
       * paragraphs after it keep their meaning. */
      if (text == NULL)
        text = "";
      if (paragraph.kind == XINZHI_PARAGRAPH_BODY)
        has_body = TRUE;

      paragraph.text = g_strdup (text);
      g_array_append_val (document->paragraphs, paragraph);
    }

  if (!has_body)
    problem (self, XINZHI_CORPUS_ERROR_VALUE, path, _("a document needs at least one body paragraph"));
}

static const char * const document_members[] = {
  "id", "title", "outlet", "outlet_note", "byline", "date", "date_text", "date_estimated",
  "date_note", "url", "language", "paragraphs", NULL
};

static void
read_documents (Loader               *self,
                const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && step (self, STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = index_path ("$.documents", i);
      const XinzhiJsonNode *object = as_object (self, element, path);
      g_autoptr(XinzhiDocument) document = NULL;
      const char *id, *title, *url, *date_text, *language;
      const XinzhiJsonNode *paragraphs;
      gboolean has_date;
      gboolean found = FALSE;

      if (object == NULL)
        continue;

      check_members (self, object, path, document_members);
      document = g_object_new (XINZHI_TYPE_DOCUMENT, NULL);
      id = get_id (self, object, path, self->document_ids, "document");
      title = get_string (self, object, path, "title", TRUE);
      document->outlet = g_strdup (get_string (self, object, path, "outlet", FALSE));
      document->outlet_note = g_strdup (get_string (self, object, path, "outlet_note", FALSE));
      document->byline = get_strv (self, object, path, "byline", FALSE);
      has_date = get_date (self, object, path, "date", TRUE, &document->date);
      date_text = get_string (self, object, path, "date_text", FALSE);
      document->date_estimated = get_boolean (self, object, path, "date_estimated");
      document->date_note = g_strdup (get_string (self, object, path, "date_note", FALSE));
      url = get_string (self, object, path, "url", FALSE);
      language = get_string (self, object, path, "language", FALSE);
      document->language = g_strdup (language ? language : "en");
      paragraphs = get_array (self, object, path, "paragraphs", TRUE);

      if (url != NULL)
        {
          g_autofree char *scheme = g_uri_parse_scheme (url);

          if (scheme == NULL ||
              (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
              !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
            {
              g_autofree char *upath = member_path (path, "url");

              problem (self, XINZHI_CORPUS_ERROR_VALUE, upath,
                       _("“%s” is not an http or https address"), url);
              url = NULL;
            }
        }
      document->url = g_strdup (url);

      if (paragraphs != NULL)
        {
          g_autofree char *ppath = member_path (path, "paragraphs");

          read_paragraphs (self, document, paragraphs, ppath);
        }

      if (date_text != NULL)
        found = find_in_document (document, date_text, NULL, NULL) ||
                (url != NULL && strstr (url, date_text) != NULL) ||
                (title != NULL && strstr (title, date_text) != NULL);
      if (has_date)
        check_date_evidence (self, object, path, document->date.precision,
                             document->date_estimated, date_text, document->date_note,
                             found, _("the document"));

      if (id == NULL || title == NULL)
        continue;

      document->id = g_strdup (id);
      document->title = g_strdup (title);
      g_hash_table_insert (self->document_ids, document->id, document);
      g_list_store_append (self->documents, document);
    }
}

/* Looks up a reference in @ids, reporting a dangling one. */
static gpointer
resolve (Loader     *self,
         GHashTable *ids,
         const char *id,
         const char *path,
         const char *kind)
{
  gpointer object;

  if (id == NULL)
    return NULL;

  object = g_hash_table_lookup (ids, id);
  if (object == NULL)
    report_dangling_reference (self, path, kind, id);

  return object;
}

static const char * const role_members[] = { "text", "document", NULL };
static const char * const person_members[] = { "id", "name", "name_zh", "variants", "roles", NULL };

typedef struct
{
  XinzhiMatcher *matcher;
  GHashTable    *found;
  guint          n_left;
} Variants;

static gboolean
variant_found_cb (guint    pattern,
                  gsize    start,
                  gsize    end,
                  gpointer user_data)
{
  Variants *variants = user_data;
  const char *variant = xinzhi_matcher_get_pattern (variants->matcher, pattern);

  if (g_hash_table_add (variants->found, (gpointer) variant))
    variants->n_left--;
  /* Done once every variant is found. */
  return variants->n_left > 0;
}

/* Finds which of the variants that @people give occur verbatim in some paragraph, in
 * one pass over the documents for all of them, and keeps those in
 * self->variants_found.  Looking for each in turn read the whole corpus for every
 * variant found late or not at all.  Nothing is checked here; read_people() does that
 * and asks occurs_in_corpus() of the variants it accepts. */
static void
find_variants (Loader               *self,
               const XinzhiJsonNode *people)
{
  g_autoptr(XinzhiMatcher) matcher = xinzhi_matcher_new ();
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  Variants variants = { matcher, found, 0 };
  GListModel *documents = G_LIST_MODEL (self->documents);

  const XinzhiJsonNode *node = people ? xinzhi_json_node_get_first (people) : NULL;

  for (guint i = 0; people && i < xinzhi_json_node_get_length (people); i++, node = xinzhi_json_node_get_next (node))
    {
      const XinzhiJsonNode *member, *element;
      guint v;

      if (xinzhi_json_node_get_type (node) != XINZHI_JSON_OBJECT)
        continue;
      member = xinzhi_json_object_get_member (node, "variants");
      if (member == NULL || xinzhi_json_node_get_type (member) != XINZHI_JSON_ARRAY)
        continue;
      XINZHI_JSON_FOREACH_ELEMENT (member, v, element)
        {
          if (xinzhi_json_node_get_type (element) == XINZHI_JSON_STRING &&
              xinzhi_json_node_get_string (element)[0] != '\0')
            xinzhi_matcher_add (matcher, xinzhi_json_node_get_string (element));
        }
    }

  variants.n_left = xinzhi_matcher_get_n_patterns (matcher);
  for (guint d = 0; d < g_list_model_get_n_items (documents) && variants.n_left > 0 && !cancelled (self); d++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, d);

      for (guint i = 0; i < document->paragraphs->len && variants.n_left > 0; i++)
        {
          const char *text = g_array_index (document->paragraphs, XinzhiParagraph, i).text;

          xinzhi_matcher_scan (matcher, text, strlen (text), variant_found_cb, &variants);
        }
    }

  /* Keyed by the matcher's copies, which go with it: keep the JSON's strings. */
  for (guint p = 0; p < xinzhi_matcher_get_n_patterns (matcher); p++)
    {
      const char *variant = xinzhi_matcher_get_pattern (matcher, p);

      if (g_hash_table_contains (found, variant))
        g_hash_table_add (self->variants_found, g_strdup (variant));
    }
}

static gboolean
occurs_in_corpus (Loader     *self,
                  const char *text)
{
  return g_hash_table_contains (self->variants_found, text);
}

static void
read_people (Loader               *self,
             const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  find_variants (self, array);

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && step (self, STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = index_path ("$.people", i);
      const XinzhiJsonNode *object = as_object (self, element, path);
      g_autoptr(XinzhiPerson) person = NULL;
      g_autofree char *vpath = NULL;
      g_autofree char *rpath = NULL;
      const char *id, *name;
      const XinzhiJsonNode *roles;

      if (object == NULL)
        continue;

      check_members (self, object, path, person_members);
      person = g_object_new (XINZHI_TYPE_PERSON, NULL);
      id = get_id (self, object, path, self->person_ids, "person");
      name = get_string (self, object, path, "name", TRUE);
      person->name_zh = g_strdup (get_string (self, object, path, "name_zh", FALSE));
      person->variants = get_strv (self, object, path, "variants", FALSE);
      roles = get_array (self, object, path, "roles", FALSE);

      vpath = member_path (path, "variants");
      for (guint v = 0; person->variants && person->variants[v]; v++)
        {
          if (!occurs_in_corpus (self, person->variants[v]))
            {
              g_autofree char *ipath = index_path (vpath, v);

              problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, ipath,
                       _("the variant “%s” occurs in no document"), person->variants[v]);
            }
        }

      rpath = member_path (path, "roles");
      const XinzhiJsonNode *r_element = roles ? xinzhi_json_node_get_first (roles) : NULL;
      for (guint r = 0; roles && r < xinzhi_json_node_get_length (roles); r++, r_element = xinzhi_json_node_get_next (r_element))
        {
          g_autofree char *ipath = index_path (rpath, r);
          g_autofree char *dpath = member_path (ipath, "document");
          const XinzhiJsonNode *robject = as_object (self, r_element, ipath);
          XinzhiDocument *document;
          const char *text;

          if (robject == NULL)
            continue;
          check_members (self, robject, ipath, role_members);
          text = get_string (self, robject, ipath, "text", TRUE);
          document = resolve (self, self->document_ids,
                              get_string (self, robject, ipath, "document", TRUE),
                              dpath, "document");
          if (text == NULL || document == NULL)
            continue;

          if (!find_in_document (document, text, NULL, NULL))
            {
              g_autofree char *tpath = member_path (ipath, "text");

              problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, tpath,
                       _("not found verbatim in document “%s”"), document->id);
              continue;
            }

          g_array_append_val (person->roles, ((XinzhiRole) { g_strdup (text), g_object_ref (document) }));
        }

      if (id == NULL || name == NULL)
        continue;

      person->id = g_strdup (id);
      person->name = g_strdup (name);
      g_hash_table_insert (self->person_ids, person->id, person);
      g_list_store_append (self->people, person);
    }
}

static const char * const sector_members[] = { "id", "name", "name_zh", "group", "terms", NULL };

static void
read_sectors (Loader               *self,
              const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && step (self, STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = index_path ("$.sectors", i);
      g_autofree char *gpath = member_path (path, "group");
      const XinzhiJsonNode *object = as_object (self, element, path);
      g_autoptr(XinzhiSector) sector = NULL;
      const char *id, *name, *name_zh;
      Group *group;

      if (object == NULL)
        continue;

      check_members (self, object, path, sector_members);
      sector = g_object_new (XINZHI_TYPE_SECTOR, NULL);
      id = get_id (self, object, path, self->sector_ids, "sector");
      name = get_string (self, object, path, "name", TRUE);
      name_zh = get_string (self, object, path, "name_zh", TRUE);
      group = resolve (self, self->group_ids, get_string (self, object, path, "group", TRUE),
                       gpath, "group");
      sector->terms = get_strv (self, object, path, "terms", TRUE);

      if (id == NULL || name == NULL || name_zh == NULL || group == NULL ||
          sector->terms == NULL || sector->terms[0] == NULL)
        continue;

      sector->id = g_strdup (id);
      sector->name = g_strdup (name);
      sector->name_zh = g_strdup (name_zh);
      sector->group_id = g_strdup (group->id);
      sector->group_name = g_strdup (group->name);
      sector->group_name_zh = g_strdup (group->name_zh);
      sector->group_position = group->position;
      g_hash_table_insert (self->sector_ids, sector->id, sector);
      g_list_store_append (self->sectors, sector);
    }
}

static const char * const source_members[] = { "document", "paragraph", NULL };
static const char * const date_source_members[] = { "document", "paragraph", "text", NULL };
static const char * const event_members[] = {
  "id", "title", "title_zh", "summary", "kind", "date", "start", "end", "date_text",
  "date_sources", "date_estimated", "date_note", "sources", "people", NULL
};

/* Reads an event's "sources", or with @texts its "date_sources", whose entries also
 * give the words that state the date; @indices then gets each entry's place in the
 * array, for messages. */
static void
read_event_sources (Loader               *self,
                    GPtrArray            *documents,
                    GArray               *paragraphs,
                    GPtrArray            *texts,
                    GArray               *indices,
                    const XinzhiJsonNode *sources,
                    const char           *path)
{
  const XinzhiJsonNode *s_element = sources ? xinzhi_json_node_get_first (sources) : NULL;
  for (guint s = 0; s < xinzhi_json_node_get_length (sources); s++, s_element = xinzhi_json_node_get_next (s_element))
    {
      g_autofree char *spath = index_path (path, s);
      g_autofree char *dpath = member_path (spath, "document");
      g_autofree char *ppath = member_path (spath, "paragraph");
      const XinzhiJsonNode *object = as_object (self, s_element, spath);
      XinzhiDocument *document;
      const XinzhiJsonNode *pnode;
      const char *text = NULL;
      gint64 paragraph;

      if (object == NULL)
        continue;
      check_members (self, object, spath, texts ? date_source_members : source_members);
      if (texts)
        text = get_string (self, object, spath, "text", TRUE);
      document = resolve (self, self->document_ids,
                          get_string (self, object, spath, "document", TRUE),
                          dpath, "document");
      pnode = get_member (self, object, spath, "paragraph", TRUE);
      if (pnode == NULL)
        continue;
      if (xinzhi_json_node_get_type (pnode) != XINZHI_JSON_INT)
        {
          problem (self, XINZHI_CORPUS_ERROR_TYPE, ppath,
                   _("expected a whole number, found %s"), node_type_name (pnode));
          continue;
        }
      if (document == NULL || (texts && text == NULL))
        continue;

      paragraph = xinzhi_json_node_get_int (pnode);
      if (paragraph < 0 || paragraph >= document->paragraphs->len)
        {
          problem (self, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE, ppath,
                   _("document “%s” has no paragraph %lld (it has %u)"),
                   document->id, (long long) paragraph, document->paragraphs->len);
          continue;
        }

      g_ptr_array_add (documents, g_object_ref (document));
      g_array_append_val (paragraphs, ((guint) { paragraph }));
      if (texts)
        {
          g_ptr_array_add (texts, (char *) text);
          g_array_append_val (indices, s);
        }
    }

  if (xinzhi_json_node_get_length (sources) == 0)
    problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
             texts ? _("cite at least one paragraph that states the date")
                   : _("an event needs at least one source"));
}

static void
read_events (Loader               *self,
             const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && step (self, STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = index_path ("$.events", i);
      g_autofree char *people_path = member_path (path, "people");
      const XinzhiJsonNode *object = as_object (self, element, path);
      g_autoptr(XinzhiEvent) event = NULL;
      g_auto(GStrv) people = NULL;
      const char *id, *title, *summary, *kind, *date_text;
      const XinzhiJsonNode *sources, *date_sources = NULL;
      g_autoptr(GPtrArray) date_documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GArray) date_paragraphs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GPtrArray) date_texts = g_ptr_array_new ();
      g_autoptr(GArray) date_indices = g_array_new (FALSE, FALSE, sizeof (guint));
      gboolean has_date = FALSE;

      if (object == NULL)
        continue;

      check_members (self, object, path, event_members);
      event = g_object_new (XINZHI_TYPE_EVENT, NULL);
      id = get_id (self, object, path, self->event_ids, "event");
      title = get_string (self, object, path, "title", TRUE);
      event->title_zh = g_strdup (get_string (self, object, path, "title_zh", FALSE));
      summary = get_string (self, object, path, "summary", TRUE);
      kind = get_string (self, object, path, "kind", FALSE);
      date_text = get_string (self, object, path, "date_text", FALSE);
      event->date_estimated = get_boolean (self, object, path, "date_estimated");
      event->date_note = g_strdup (get_string (self, object, path, "date_note", FALSE));
      sources = get_array (self, object, path, "sources", TRUE);
      people = get_strv (self, object, path, "people", FALSE);

      /* Version 2 names the paragraphs that state the date, each with its words;
       * version 1 has one "date_text" for all the sources. */
      if (self->version >= 2)
        {
          g_autofree char *dspath = member_path (path, "date_sources");

          date_sources = get_array (self, object, path, "date_sources", FALSE);
          if (date_sources != NULL)
            read_event_sources (self, date_documents, date_paragraphs, date_texts,
                                date_indices, date_sources, dspath);
          if (xinzhi_json_object_get_member (object, "date_text") != NULL)
            {
              g_autofree char *tpath = member_path (path, "date_text");

              problem (self, XINZHI_CORPUS_ERROR_FORMAT, tpath,
                       _("from format version 2 on, an event’s date is stated by its "
                         "“date_sources”, each with its own words, not by “date_text”"));
            }
        }
      else if (xinzhi_json_object_get_member (object, "date_sources") != NULL)
        {
          g_autofree char *dspath = member_path (path, "date_sources");

          problem (self, XINZHI_CORPUS_ERROR_FORMAT, dspath,
                   _("“date_sources” is new in format version 2; this file is version %lld"),
                   (long long) self->version);
        }

      if (kind != NULL)
        {
          if (g_str_equal (kind, "period"))
            event->kind = XINZHI_EVENT_KIND_PERIOD;
          else if (!g_str_equal (kind, "event"))
            {
              g_autofree char *kpath = member_path (path, "kind");

              problem (self, XINZHI_CORPUS_ERROR_VALUE, kpath,
                       _("“%s” is not an event kind (event, period)"), kind);
            }
        }

      if (xinzhi_json_object_get_member (object, "date") != NULL)
        {
          if (xinzhi_json_object_get_member (object, "start") != NULL || xinzhi_json_object_get_member (object, "end") != NULL)
            problem (self, XINZHI_CORPUS_ERROR_FORMAT, path,
                     _("give either “date” or “start” and “end”, not both"));
          else if (get_date (self, object, path, "date", TRUE, &event->start))
            {
              event->end = event->start;
              has_date = TRUE;
            }
        }
      else if (xinzhi_json_object_get_member (object, "start") != NULL || xinzhi_json_object_get_member (object, "end") != NULL)
        {
          gboolean has_start = get_date (self, object, path, "start", TRUE, &event->start);
          gboolean has_end = get_date (self, object, path, "end", TRUE, &event->end);

          if (has_start && has_end)
            {
              if (xinzhi_date_last_day (&event->end) < xinzhi_date_first_day (&event->start))
                {
                  g_autofree char *epath = member_path (path, "end");
                  g_autofree char *start = xinzhi_date_to_iso (&event->start);
                  g_autofree char *end = xinzhi_date_to_iso (&event->end);

                  problem (self, XINZHI_CORPUS_ERROR_DATE, epath,
                           _("the range ends (%s) before it starts (%s)"), end, start);
                }
              else
                has_date = TRUE;
            }
        }
      else
        problem (self, XINZHI_CORPUS_ERROR_MISSING, path,
                 _("missing required member “date” (or “start” and “end”)"));

      if (sources != NULL)
        {
          g_autofree char *spath = member_path (path, "sources");

          read_event_sources (self, event->source_documents, event->source_paragraphs, NULL,
                              NULL, sources, spath);
        }

      if (has_date && self->version >= 2)
        {
          if (event->date_estimated && xinzhi_json_object_get_member (object, "date_sources") != NULL)
            {
              g_autofree char *dspath = member_path (path, "date_sources");

              problem (self, XINZHI_CORPUS_ERROR_DATE, dspath,
                       _("an estimated date has no “date_sources”: the text does not state it"));
            }
          else if (!event->date_estimated && xinzhi_json_object_get_member (object, "date_sources") == NULL)
            problem (self, XINZHI_CORPUS_ERROR_MISSING, path,
                     _("missing “date_sources”, the paragraphs that state the date "
                       "(or “date_estimated”: true with a “date_note”)"));
          else if (event->date_estimated)
            check_date_evidence (self, object, path, XINZHI_DATE_PRECISION_NONE, TRUE, NULL,
                                 event->date_note, FALSE, NULL);

          for (guint s = 0; s < date_documents->len; s++)
            {
              g_autofree char *dspath = member_path (path, "date_sources");
              g_autofree char *ipath = index_path (dspath, g_array_index (date_indices, guint, s));
              g_autofree char *tpath = member_path (ipath, "text");

              check_date_source (self, tpath, event, g_ptr_array_index (date_documents, s),
                                 g_array_index (date_paragraphs, guint, s),
                                 g_ptr_array_index (date_texts, s));
            }
        }
      else if (has_date)
        {
          gboolean found = FALSE;

          for (guint s = 0; date_text && s < event->source_documents->len; s++)
            {
              XinzhiDocument *document = g_ptr_array_index (event->source_documents, s);
              guint p = g_array_index (event->source_paragraphs, guint, s);

              if (strstr (g_array_index (document->paragraphs, XinzhiParagraph, p).text, date_text))
                found = TRUE;
            }

          check_date_evidence (self, object, path,
                               MAX (event->start.precision, event->end.precision),
                               event->date_estimated, date_text, event->date_note,
                               found, _("the cited paragraphs"));
        }

      for (guint p = 0; people && people[p]; p++)
        {
          g_autofree char *ppath = index_path (people_path, p);
          XinzhiPerson *person = resolve (self, self->person_ids, people[p], ppath, "person");

          if (person)
            g_list_store_append (event->people, person);
        }

      if (id == NULL || title == NULL || summary == NULL)
        continue;

      event->id = g_strdup (id);
      event->title = g_strdup (title);
      event->summary = g_strdup (summary);
      g_hash_table_insert (self->event_ids, event->id, event);
      g_list_store_append (self->events, event);
    }
}

static const char * const quote_members[] = { "id", "person", "document", "kind", "text", "events", NULL };

static void
read_quotes (Loader               *self,
             const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && step (self, STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = index_path ("$.quotes", i);
      g_autofree char *ppath = member_path (path, "person");
      g_autofree char *dpath = member_path (path, "document");
      g_autofree char *epath = member_path (path, "events");
      const XinzhiJsonNode *object = as_object (self, element, path);
      g_autoptr(XinzhiQuote) quote = NULL;
      g_auto(GStrv) events = NULL;
      XinzhiPerson *person;
      XinzhiDocument *document;
      const char *id, *kind, *text;
      gsize start = 0;

      if (object == NULL)
        continue;

      check_members (self, object, path, quote_members);
      quote = g_object_new (XINZHI_TYPE_QUOTE, NULL);
      id = get_id (self, object, path, self->quote_ids, "quote");
      person = resolve (self, self->person_ids, get_string (self, object, path, "person", TRUE),
                        ppath, "person");
      document = resolve (self, self->document_ids,
                          get_string (self, object, path, "document", TRUE),
                          dpath, "document");
      kind = get_string (self, object, path, "kind", TRUE);
      text = get_string (self, object, path, "text", TRUE);
      events = get_strv (self, object, path, "events", FALSE);

      if (kind != NULL)
        {
          if (g_str_equal (kind, "direct"))
            quote->kind = XINZHI_QUOTE_DIRECT;
          else if (g_str_equal (kind, "paraphrase"))
            quote->kind = XINZHI_QUOTE_PARAPHRASE;
          else
            {
              g_autofree char *kpath = member_path (path, "kind");

              problem (self, XINZHI_CORPUS_ERROR_VALUE, kpath,
                       _("“%s” is not a quote kind (direct, paraphrase)"), kind);
              kind = NULL;
            }
        }

      if (text != NULL && document != NULL &&
          !find_in_document (document, text, &quote->paragraph, &start))
        {
          g_autofree char *tpath = member_path (path, "text");

          problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, tpath,
                   _("not found verbatim in document “%s”"), document->id);
          text = NULL;
        }

      for (guint e = 0; events && events[e]; e++)
        {
          g_autofree char *ipath = index_path (epath, e);
          XinzhiEvent *event = resolve (self, self->event_ids, events[e], ipath, "event");

          if (event)
            g_list_store_append (quote->events, event);
        }

      if (id == NULL || person == NULL || document == NULL || kind == NULL || text == NULL)
        continue;

      quote->id = g_strdup (id);
      quote->person = g_object_ref (person);
      quote->document = g_object_ref (document);
      quote->text = g_strdup (text);
      quote->start = start;
      quote->end = start + strlen (text);
      g_hash_table_insert (self->quote_ids, quote->id, quote);
      g_list_store_append (self->quotes, quote);
    }
}

static const char * const concept_members[] = { "id", "name", "name_zh", "note", "variants", NULL };

/* Concepts (format version 2).  Their variants are checked against the text when the
 * documents are scanned for them (derive()), as sectors' terms are; here, that each is
 * given once: two variants that differ only in ASCII case match the same words, and
 * one variant of two concepts would make its mentions ambiguous. */
static void
read_concepts (Loader               *self,
               const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;
  /* ASCII-lowered variant → the concept's id, for every concept read so far. */
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && step (self, STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = index_path ("$.concepts", i);
      g_autofree char *vpath = member_path (path, "variants");
      const XinzhiJsonNode *object = as_object (self, element, path);
      g_autoptr(XinzhiConcept) concept = NULL;
      g_autoptr(GHashTable) own = NULL;
      const char *id, *name, *name_zh;
      gboolean variants_ok = TRUE;

      if (object == NULL)
        continue;

      check_members (self, object, path, concept_members);
      concept = g_object_new (XINZHI_TYPE_CONCEPT, NULL);
      id = get_id (self, object, path, self->concept_ids, "concept");
      name = get_string (self, object, path, "name", TRUE);
      name_zh = get_string (self, object, path, "name_zh", TRUE);
      concept->note = g_strdup (get_string (self, object, path, "note", FALSE));
      concept->variants = get_strv (self, object, path, "variants", TRUE);

      own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint v = 0; concept->variants && concept->variants[v]; v++)
        {
          g_autofree char *ipath = index_path (vpath, v);
          g_autofree char *lowered = g_ascii_strdown (concept->variants[v], -1);
          const char *other = g_hash_table_lookup (owners, lowered);

          if (g_hash_table_contains (own, lowered))
            {
              problem (self, XINZHI_CORPUS_ERROR_VALUE, ipath,
                       _("the variant “%s” is given twice (variants match without regard to case)"),
                       concept->variants[v]);
              variants_ok = FALSE;
            }
          else if (other != NULL)
            {
              problem (self, XINZHI_CORPUS_ERROR_VALUE, ipath,
                       _("the variant “%s” is already a variant of concept “%s”"),
                       concept->variants[v], other);
              variants_ok = FALSE;
            }
          g_hash_table_add (own, g_steal_pointer (&lowered));
        }

      if (id == NULL || name == NULL || name_zh == NULL || !variants_ok ||
          concept->variants == NULL || concept->variants[0] == NULL)
        continue;

      for (guint v = 0; concept->variants[v]; v++)
        g_hash_table_insert (owners, g_ascii_strdown (concept->variants[v], -1), g_strdup (id));

      concept->id = g_strdup (id);
      concept->name = g_strdup (name);
      concept->name_zh = g_strdup (name_zh);
      g_hash_table_insert (self->concept_ids, concept->id, concept);
      g_list_store_append (self->concepts, concept);
    }
}

/* ---------------------------------------------------------------------------------- */
/* Deriving                                                                            */
/* ---------------------------------------------------------------------------------- */

static int
compare_quotes_in_text (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  const XinzhiQuote *qa = a, *qb = b;

  if (qa->paragraph != qb->paragraph)
    return qa->paragraph < qb->paragraph ? -1 : 1;
  return qa->start < qb->start ? -1 : qa->start > qb->start;
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return xinzhi_event_compare ((XinzhiEvent *) a, (XinzhiEvent *) b);
}

static int
compare_quotes (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return xinzhi_quote_compare ((XinzhiQuote *) a, (XinzhiQuote *) b);
}

/* Appends @item to @store unless it is there already.  Which items each store holds is
 * kept in @seen (store → set of items), so that this stays cheap when a store grows
 * long, as an article cited by thousands of events does. */
static void
add_unique (GHashTable *seen,
            GListStore *store,
            gpointer    item)
{
  GHashTable *items = g_hash_table_lookup (seen, store);

  if (items == NULL)
    {
      items = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (seen, store, items);
    }

  if (g_hash_table_add (items, item))
    g_list_store_append (store, item);
}

/* Documents in the order their mentions go, the one order of documents.  The loader
 * owns the documents until it hands the corpus over, so making their title keys here,
 * in its thread, races with nothing. */
static int
compare_documents (gconstpointer a,
                   gconstpointer b)
{
  return xinzhi_document_compare (*(XinzhiDocument **) a, *(XinzhiDocument **) b);
}

/* A sector's or person's mentions go by the date of their document (its rank by date,
 * then id), and those of one document in the order they were found, as they did when
 * they were sorted in a GListStore with g_list_store_sort(), which is stable: each key
 * is the rank and the record's index, computed once. */
typedef struct
{
  guint64 key;
  guint   index;
} Key;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const Key *ka = a, *kb = b;

  if (ka->key != kb->key)
    return ka->key < kb->key ? -1 : 1;
  return ka->index < kb->index ? -1 : ka->index > kb->index;
}

/* Which of @concept's variants the words of @record are: the one they equal but for
 * ASCII case, which the loader made sure is only one. */
static guint
variant_of (XinzhiConcept             *concept,
            XinzhiDocument            *document,
            const XinzhiMentionRecord *record)
{
  const char *text = g_array_index (document->paragraphs, XinzhiParagraph, record->paragraph).text;
  gsize length = record->end - record->start;

  for (guint v = 0; concept->variants[v]; v++)
    if (strlen (concept->variants[v]) == length &&
        g_ascii_strncasecmp (text + record->start, concept->variants[v], length) == 0)
      return v;

  g_assert_not_reached ();
}

/* Sorts @keys and returns the records they name, in that order. */
static GArray *
sorted_indices (GArray *keys)
{
  GArray *indices = g_array_sized_new (FALSE, FALSE, sizeof (guint32), keys->len);

  g_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      guint32 index = g_array_index (keys, Key, i).index;

      g_array_append_val (indices, index);
    }
  return indices;
}

static void
derive (Loader *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  GListModel *documents = G_LIST_MODEL (self->documents);
  GListModel *sectors = G_LIST_MODEL (self->sectors);
  GListModel *people = G_LIST_MODEL (self->people);
  GListModel *events = G_LIST_MODEL (self->events);
  GListModel *quotes = G_LIST_MODEL (self->quotes);
  GListModel *concepts = G_LIST_MODEL (self->concepts);
  guint n_documents = g_list_model_get_n_items (documents);

  g_auto(Terms) terms = { 0 };
  g_auto(Scanner) scanner = { 0 };
  Scan scan = { 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GPtrArray) documents_in_order = g_ptr_array_new_full (n_documents, g_object_unref);
  guint n_threads;
  g_autoptr(GPtrArray) matched = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n_sectors = g_list_model_get_n_items (sectors);
  guint n_people = g_list_model_get_n_items (people);
  guint n_concepts = g_list_model_get_n_items (concepts);
  /* Every mention, document by document, each document's in the order found; and for
   * each sector and person, the keys that put its records in order. */
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (XinzhiMentionRecord));
  g_autoptr(GPtrArray) owner_keys = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  XinzhiMentionTable *table;
  g_autoptr(GPtrArray) sector_list = g_ptr_array_new_full (n_sectors, g_object_unref);
  g_autoptr(GHashTable) ranks = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) by_date = g_ptr_array_new_full (n_documents, g_object_unref);
  g_autoptr(GPtrArray) document_sectors = g_ptr_array_new_full (n_sectors, g_object_unref);

  begin_stage (self, STAGE_DERIVE,
               n_documents + g_list_model_get_n_items (quotes) + g_list_model_get_n_items (events) +
               n_documents);

  for (guint d = 0; d < n_documents; d++)
    {
      XinzhiDocument *document = g_list_model_get_item (documents, d);

      g_ptr_array_add (by_date, document);
      g_ptr_array_add (documents_in_order, g_object_ref (document));
    }
  g_ptr_array_sort (by_date, compare_documents);
  for (guint r = 0; r < by_date->len; r++)
    g_hash_table_insert (ranks, g_ptr_array_index (by_date, r), GUINT_TO_POINTER (r + 1));

  /* Sector, person and concept mentions: every term, name and variant, in one pass over
   * each document. */
  terms_init (&terms, n_sectors + n_people + n_concepts);
  for (guint s = 0; s < n_sectors; s++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, s);

      g_ptr_array_add (sector_list, g_object_ref (sector));
      for (guint t = 0; sector->terms[t]; t++)
        terms_add (&terms, sector->terms[t], s);
      g_ptr_array_add (owner_keys, g_array_new (FALSE, FALSE, sizeof (Key)));
    }
  for (guint p = 0; p < n_people; p++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, p);

      terms_add (&terms, person->name, n_sectors + p);
      if (person->name_zh)
        terms_add (&terms, person->name_zh, n_sectors + p);
      for (guint v = 0; person->variants && person->variants[v]; v++)
        terms_add (&terms, person->variants[v], n_sectors + p);
      g_ptr_array_add (owner_keys, g_array_new (FALSE, FALSE, sizeof (Key)));
      /* The documents that name the person, in order. */
      g_ptr_array_add (matched, g_ptr_array_new ());
    }
  for (guint c = 0; c < n_concepts; c++)
    {
      g_autoptr(XinzhiConcept) concept = g_list_model_get_item (concepts, c);

      for (guint v = 0; concept->variants[v]; v++)
        terms_add (&terms, concept->variants[v], n_sectors + n_people + c);
      g_ptr_array_add (owner_keys, g_array_new (FALSE, FALSE, sizeof (Key)));
    }
  terms_ready (&terms);

  /* Scanning, shared among up to four threads, this one included; each document's
   * matches are kept for the loop below, which takes them in document order. */
  scan.terms = &terms;
  scan.documents = documents_in_order;
  scan.found = g_new0 (GArray *, MAX (n_documents, 1));
  scan.cancellable = self->cancellable;
  n_threads = n_documents >= 4 * SCAN_CHUNK ? CLAMP (g_get_num_processors (), 1, 4) : 1;
  for (guint t = 1; t < n_threads; t++)
    g_ptr_array_add (threads, g_thread_new ("xinzhi-scan", scan_thread, &scan));
  scanner_init (&scanner, &terms);
  while (scan_chunk (&scan, &scanner))
    {
      /* Progress is reported from this thread only. */
      self->n_done = (guint) g_atomic_int_get (&scan.done);
      report (self, STAGE_DERIVE, (double) self->n_done / self->n_steps);
    }
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  self->n_done = n_documents;

  /* Each document's mentions go in as they always did: sector by sector, then person
   * by person, each in text order. */
  for (guint d = 0; d < n_documents && !cancelled (self); d++)
    {
      XinzhiDocument *document = g_ptr_array_index (documents_in_order, d);
      guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, document));
      GArray *found = scan.found[d];

      document->first_mention = records->len;
      g_ptr_array_set_size (document_sectors, 0);
      for (guint f = 0; f < found->len; f++)
        {
          const Found *match = &g_array_index (found, Found, f);
          guint owner = match->owner;
          XinzhiMentionRecord record = { d, match->paragraph, match->start, match->end, owner };
          Key key = { rank, records->len };

          g_array_append_val (records, record);
          g_array_append_val (g_ptr_array_index (owner_keys, owner), key);

          /* After an owner's last match in the document. */
          if (f + 1 < found->len && g_array_index (found, Found, f + 1).owner == owner)
            continue;
          if (owner < n_sectors)
            {
              XinzhiSector *sector = g_ptr_array_index (sector_list, owner);

              sector->n_documents++;
              g_ptr_array_add (document_sectors, g_object_ref (sector));
              xinzhi_earliest_add (&sector->first_mention, &document->date, document->date_estimated);
            }
          else if (owner < n_sectors + n_people)
            g_ptr_array_add (g_ptr_array_index (matched, owner - n_sectors), document);
          else
            {
              g_autoptr(XinzhiConcept) concept = g_list_model_get_item (concepts, owner - n_sectors - n_people);

              concept->n_documents++;
            }
        }
      g_list_store_splice (document->sectors, 0, 0, document_sectors->pdata, document_sectors->len);
      document->n_mentions = records->len - document->first_mention;
    }
  for (guint d = 0; d < n_documents; d++)
    if (scan.found[d] != NULL)
      g_array_unref (scan.found[d]);
  g_free (scan.found);
  if (cancelled (self))
    return;

  for (guint s = 0; s < n_sectors; s++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, s);

      if (sector->n_documents == 0)
        {
          g_autofree char *path = index_path ("$.sectors", s);

          problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, path,
                   _("no term of sector “%s” occurs in any document"), sector->id);
        }

      sector->mention_indices = sorted_indices (g_ptr_array_index (owner_keys, s));
    }

  /* Each concept's mentions, each with the variant it is; every variant must be found
   * on its own somewhere, as every sector's terms must be found together. */
  for (guint c = 0; c < n_concepts; c++)
    {
      g_autoptr(XinzhiConcept) concept = g_list_model_get_item (concepts, c);
      guint n_variants = g_strv_length (concept->variants);
      g_autofree guint *found = g_new0 (guint, n_variants);

      concept->mention_indices = sorted_indices (g_ptr_array_index (owner_keys, n_sectors + n_people + c));
      for (guint m = 0; m < concept->mention_indices->len; m++)
        {
          const XinzhiMentionRecord *record = &g_array_index (records, XinzhiMentionRecord,
                                                              g_array_index (concept->mention_indices, guint32, m));
          guint variant = variant_of (concept, g_ptr_array_index (documents_in_order, record->document), record);

          g_array_append_val (concept->mention_variants, variant);
          found[variant]++;
        }

      for (guint v = 0; v < n_variants; v++)
        if (found[v] == 0)
          {
            g_autofree char *path = index_path ("$.concepts", c);
            g_autofree char *vpath = member_path (path, "variants");
            g_autofree char *ipath = index_path (vpath, v);

            problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, ipath,
                     _("the variant “%s” occurs in no document (or only inside a longer "
                       "variant of the same concept)"),
                     concept->variants[v]);
          }
    }

  /* The people of each document, person by person: those it names, then those it
   * gives a role. */
  for (guint p = 0; p < n_people; p++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, p);
      GPtrArray *documents_naming = g_ptr_array_index (matched, p);

      for (guint d = 0; d < documents_naming->len; d++)
        add_unique (seen, XINZHI_DOCUMENT (g_ptr_array_index (documents_naming, d))->people, person);
      for (guint r = 0; r < person->roles->len; r++)
        add_unique (seen, g_array_index (person->roles, XinzhiRole, r).document->people, person);

      person->mention_indices = sorted_indices (g_ptr_array_index (owner_keys, n_sectors + p));
    }

  /* Quotes: by speaker, by document, by event. */
  for (guint q = 0; q < g_list_model_get_n_items (quotes) && step (self, STAGE_DERIVE); q++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, q);
      XinzhiDocument *document = quote->document;

      g_list_store_append (quote->person->quotes, quote);
      g_list_store_append (document->quotes, quote);
      for (guint m = document->first_mention; m < document->first_mention + document->n_mentions; m++)
        {
          const XinzhiMentionRecord *record = &g_array_index (records, XinzhiMentionRecord, m);

          if (record->owner < n_sectors &&
              record->paragraph == quote->paragraph &&
              record->start >= quote->start &&
              record->end <= quote->end)
            add_unique (seen, quote->sectors, g_ptr_array_index (sector_list, record->owner));
        }
      add_unique (seen, quote->document->people, quote->person);
      for (guint e = 0; e < g_list_model_get_n_items (G_LIST_MODEL (quote->events)); e++)
        {
          g_autoptr(XinzhiEvent) event = g_list_model_get_item (G_LIST_MODEL (quote->events), e);

          g_list_store_append (event->quotes, quote);
        }
    }

  /* Events: their documents, and the sectors their source paragraphs name. */
  for (guint e = 0; e < g_list_model_get_n_items (events) && step (self, STAGE_DERIVE); e++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, e);

      for (guint s = 0; s < event->source_documents->len; s++)
        {
          XinzhiDocument *document = g_ptr_array_index (event->source_documents, s);
          guint paragraph = g_array_index (event->source_paragraphs, guint, s);

          add_unique (seen, document->events, event);
          for (guint m = document->first_mention; m < document->first_mention + document->n_mentions; m++)
            {
              const XinzhiMentionRecord *record = &g_array_index (records, XinzhiMentionRecord, m);

              if (record->owner < n_sectors && record->paragraph == paragraph)
                add_unique (seen, event->sectors, g_ptr_array_index (sector_list, record->owner));
            }
        }
    }

  for (guint d = 0; d < n_documents && step (self, STAGE_DERIVE); d++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, d);

      g_list_store_sort (document->quotes, compare_quotes_in_text, NULL);
      g_list_store_sort (document->events, compare_events, NULL);
    }
  for (guint e = 0; e < g_list_model_get_n_items (events); e++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, e);

      g_list_store_sort (event->quotes, compare_quotes, NULL);
    }

  /* The mention objects are made from the records when a list is first asked for. */
  table = xinzhi_mention_table_new (g_steal_pointer (&records), documents, sectors, people, concepts);
  for (guint d = 0; d < n_documents; d++)
    XINZHI_DOCUMENT (g_ptr_array_index (table->documents, d))->mention_table = xinzhi_mention_table_ref (table);
  for (guint s = 0; s < n_sectors; s++)
    XINZHI_SECTOR (g_ptr_array_index (table->sectors, s))->mention_table = xinzhi_mention_table_ref (table);
  for (guint p = 0; p < n_people; p++)
    XINZHI_PERSON (g_ptr_array_index (table->people, p))->mention_table = xinzhi_mention_table_ref (table);
  for (guint c = 0; c < n_concepts; c++)
    XINZHI_CONCEPT (g_ptr_array_index (table->concepts, c))->mention_table = xinzhi_mention_table_ref (table);
  xinzhi_mention_table_unref (table);
}

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

/* A key of an object, as it stands in the file, between its quotes. */
typedef struct
{
  gsize start;
  gsize length;
} Span;

/* The keys seen so far in one object that check_raw() is inside.  Levels are kept and
 * reused as the nesting goes up and down, so that an object costs no allocation. */
typedef struct
{
  gboolean    is_object;
  GArray     *keys;      /* of Span */
  GHashTable *set;       /* the keys as strings, once an object has many */
} Level;

/* Up to this many keys an object's keys are compared one by one; past it, in a set. */
#define FEW_KEYS 16

static void
level_clear (gpointer data)
{
  Level *level = data;

  g_clear_pointer (&level->keys, g_array_unref);
  g_clear_pointer (&level->set, g_hash_table_unref);
}

/* Starts level @depth (from 1), forgetting what an earlier object there held. */
static void
enter_level (GArray   *levels,
             guint     depth,
             gboolean  is_object)
{
  Level *level;

  if (levels->len < depth)
    g_array_set_size (levels, depth);
  level = &g_array_index (levels, Level, depth - 1);
  level->is_object = is_object;
  if (level->keys == NULL)
    level->keys = g_array_new (FALSE, FALSE, sizeof (Span));
  g_array_set_size (level->keys, 0);
  if (level->set != NULL)
    g_hash_table_remove_all (level->set);
}

/* Whether @key is new in @level; adds it. */
static gboolean
add_key (Level      *level,
         const char *data,
         Span        key)
{
  if (level->keys->len < FEW_KEYS)
    {
      for (guint i = 0; i < level->keys->len; i++)
        {
          const Span *seen = &g_array_index (level->keys, Span, i);

          if (seen->length == key.length && memcmp (data + seen->start, data + key.start, key.length) == 0)
            return FALSE;
        }
      g_array_append_val (level->keys, key);
      return TRUE;
    }

  if (level->set == NULL)
    level->set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_size (level->set) == 0)
    for (guint i = 0; i < level->keys->len; i++)
      {
        const Span *seen = &g_array_index (level->keys, Span, i);

        g_hash_table_add (level->set, g_strndup (data + seen->start, seen->length));
      }
  g_array_append_val (level->keys, key);
  return g_hash_table_add (level->set, g_strndup (data + key.start, key.length));
}

/* A JSON parser keeps one of two members with one name (json-glib, the last) and
 * drops the other without a word; a corpus must lose nothing silently, so a name given
 * twice in one object is an error.  Called at the end of each string: when a ':' follows, the string is a key of
 * the object at @depth. */
static gboolean
check_key (Loader     *self,
           const char *data,
           gsize       size,
           gsize       start,
           gsize       end,
           GArray     *levels,
           guint       depth)
{
  Level *level;
  g_autofree char *key = NULL;
  gsize next = end + 1;
  guint line, column;

  while (next < size && g_ascii_isspace (data[next]))
    next++;
  if (next >= size || data[next] != ':' || depth == 0 || depth > levels->len)
    return TRUE;

  level = &g_array_index (levels, Level, depth - 1);
  if (!level->is_object)
    return TRUE;

  if (add_key (level, data, (Span) { start + 1, end - start - 1 }))
    return TRUE;

  key = g_strndup (data + start + 1, end - start - 1);
  line_and_column (data, start, &line, &column);
  problem (self, XINZHI_CORPUS_ERROR_FORMAT, NULL,
           _("%u:%u: the member “%s” is given twice in one object"), line, column, key);
  return FALSE;
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

/* Checks encoding and nesting before the JSON parser sees the data. */
static gboolean
check_raw (Loader     *self,
           const char *data,
           gsize       size)
{
  const char *end = NULL;
  const char *nul;
  guint line, column;
  guint depth = 0;
  gsize next_step = 0;
  g_autoptr(GArray) levels = g_array_new (FALSE, TRUE, sizeof (Level));

  g_array_set_clear_func (levels, level_clear);

  if (size == 0)
    {
      problem (self, XINZHI_CORPUS_ERROR_SYNTAX, NULL, _("the file is empty"));
      return FALSE;
    }

  if (size > MAX_SIZE)
    {
      problem (self, XINZHI_CORPUS_ERROR_LIMIT, NULL,
               _("the file is %lu MiB; corpora larger than %lu MiB are not read"),
               (unsigned long) (size / (1024 * 1024)), (unsigned long) (MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }

  nul = memchr (data, '\0', size);
  if (!g_utf8_validate_len (data, nul ? (gsize) (nul - data) : size, &end))
    {
      line_and_column (data, end - data, &line, &column);
      problem (self, XINZHI_CORPUS_ERROR_ENCODING, NULL,
               _("%u:%u: the file is not valid UTF-8 (byte 0x%02X at offset %lu)"),
               line, column, (guchar) *end, (unsigned long) (end - data));
      return FALSE;
    }
  if (nul)
    {
      line_and_column (data, nul - data, &line, &column);
      problem (self, XINZHI_CORPUS_ERROR_ENCODING, NULL,
               _("%u:%u: the file contains a NUL byte (offset %lu)"),
               line, column, (unsigned long) (nul - data));
      return FALSE;
    }

  for (gsize i = 0; i < size; i++)
    {
      char c = data[i];

      if (i >= next_step)
        {
          if (cancelled (self))
            return FALSE;
          report (self, STAGE_RAW, (double) i / size);
          next_step = i + RAW_STEP;
        }

      if (c == '"')
        {
          gsize string_start = i;

          i++;
          if (!skip_string (data, size, &i))
            {
              line_and_column (data, i, &line, &column);
              problem (self, XINZHI_CORPUS_ERROR_ENCODING, NULL,
                       _("%u:%u: a string contains a NUL character (\\u0000)"), line, column);
              return FALSE;
            }
          if (i < size && !check_key (self, data, size, string_start, i, levels, depth))
            return FALSE;
        }
      else if (c == '{' || c == '[')
        {
          if (c == '{')
            self->n_objects++;
          if (++depth > MAX_DEPTH)
            {
              line_and_column (data, i, &line, &column);
              problem (self, XINZHI_CORPUS_ERROR_LIMIT, NULL,
                       _("%u:%u: JSON nested deeper than %u levels"), line, column, MAX_DEPTH);
              return FALSE;
            }
          /* Each object level keeps the keys seen in it; an array level keeps none. */
          enter_level (levels, depth, c == '{');
        }
      else if ((c == '}' || c == ']') && depth > 0)
        /* The level stays allocated, for the next object at this depth. */
        depth--;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------------------- */
/* Entry point                                                                         */
/* ---------------------------------------------------------------------------------- */

static const char * const top_members[] = {
  "format", "version", "title", "groups", "documents", "people", "sectors", "events",
  "quotes", "concepts", NULL
};

/* How many items the top-level arrays hold, for progress. */
static guint
count_items (const XinzhiJsonNode *root)
{
  static const char * const arrays[] = {
    "groups", "documents", "people", "sectors", "events", "quotes", "concepts", NULL
  };
  guint n = 0;

  for (guint i = 0; arrays[i]; i++)
    {
      const XinzhiJsonNode *node = xinzhi_json_object_get_member (root, arrays[i]);

      if (node != NULL && xinzhi_json_node_get_type (node) == XINZHI_JSON_ARRAY)
        n += xinzhi_json_node_get_length (node);
    }

  return n;
}

static void
loader_clear (Loader *self)
{
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->variants_found, g_hash_table_unref);
  g_clear_pointer (&self->group_ids, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->document_ids, g_hash_table_unref);
  g_clear_pointer (&self->person_ids, g_hash_table_unref);
  g_clear_pointer (&self->sector_ids, g_hash_table_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
  g_clear_pointer (&self->quote_ids, g_hash_table_unref);
  g_clear_pointer (&self->concept_ids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

/* Breaks the reference cycles among the objects of a list.  Each class is called by
 * its own type: calling through a cast function pointer is undefined behaviour. */
static void
unlink_all (GListStore *store)
{
  if (store == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (XINZHI_IS_DOCUMENT (object))
        xinzhi_document_unlink (XINZHI_DOCUMENT (object));
      else if (XINZHI_IS_PERSON (object))
        xinzhi_person_unlink (XINZHI_PERSON (object));
      else if (XINZHI_IS_SECTOR (object))
        xinzhi_sector_unlink (XINZHI_SECTOR (object));
      else if (XINZHI_IS_EVENT (object))
        xinzhi_event_unlink (XINZHI_EVENT (object));
      else if (XINZHI_IS_QUOTE (object))
        xinzhi_quote_unlink (XINZHI_QUOTE (object));
      else if (XINZHI_IS_CONCEPT (object))
        xinzhi_concept_unlink (XINZHI_CONCEPT (object));
      else
        g_assert_not_reached ();
    }
}

void
xinzhi_corpus_contents_clear (XinzhiCorpusContents *contents)
{
  unlink_all (contents->documents);
  unlink_all (contents->people);
  unlink_all (contents->sectors);
  unlink_all (contents->events);
  unlink_all (contents->quotes);
  unlink_all (contents->concepts);
  g_clear_pointer (&contents->title, g_free);
  g_clear_object (&contents->documents);
  g_clear_object (&contents->people);
  g_clear_object (&contents->sectors);
  g_clear_object (&contents->events);
  g_clear_object (&contents->quotes);
  g_clear_object (&contents->concepts);
  g_clear_pointer (&contents->document_ids, g_hash_table_unref);
  g_clear_pointer (&contents->person_ids, g_hash_table_unref);
  g_clear_pointer (&contents->sector_ids, g_hash_table_unref);
  g_clear_pointer (&contents->event_ids, g_hash_table_unref);
  g_clear_pointer (&contents->quote_ids, g_hash_table_unref);
  g_clear_pointer (&contents->concept_ids, g_hash_table_unref);
}

/* Told by the parser of the objects parsed so far, against those check_raw() counted. */
static gboolean
parse_progress_cb (guint    n_objects,
                   gpointer user_data)
{
  Loader *self = user_data;

  if (cancelled (self))
    return FALSE;
  if (self->n_objects > 0)
    report (self, STAGE_PARSE, (double) n_objects / self->n_objects);
  return TRUE;
}

/**
 * xinzhi_corpus_load:
 * @bytes: (transfer full): the file's contents; taken without a copy when this is the
 *   only reference, and released once every item has been read, as the parsed
 *   document's strings are the file's own bytes
 * @name: the file's name, for messages
 * @cancellable: (nullable): stops the load; the parse and every loop over the items
 *   look at it
 * @progress: (nullable): told how far the load has come, in this thread
 * @user_data: for @progress
 * @contents: (out caller-allocates): the corpus, when it loads
 * @error: every problem found, one a line, when it does not; %G_IO_ERROR_CANCELLED
 *   when cancelled
 *
 * Returns: whether the corpus loaded; on failure @contents is left empty
 */
gboolean
xinzhi_corpus_load (GBytes                   *bytes,
                    const char               *name,
                    GCancellable             *cancellable,
                    XinzhiCorpusProgressFunc  progress,
                    gpointer                  user_data,
                    XinzhiCorpusContents     *contents,
                    GError                  **error)
{
  g_auto(Loader) self = { 0 };
  g_autoptr(GBytes) file_bytes = bytes;
  g_autoptr(XinzhiJson) json = NULL;
  XinzhiJsonError json_error;
  guint error_line, error_column;
  const char *error_reason;
  g_autofree char *summary = NULL;
  XinzhiCorpusContents result = { 0 };
  const XinzhiJsonNode *root;
  const XinzhiJsonNode *version;
  const XinzhiJsonNode *concepts;
  const char *format;
  const char *data;
  gsize size;

  self.name = name;
  self.cancellable = cancellable;
  self.progress = progress;
  self.progress_data = user_data;
  self.problems = g_ptr_array_new_with_free_func (g_free);
  self.groups = g_ptr_array_new_with_free_func (group_free);
  self.group_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.document_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.person_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.sector_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.quote_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.concept_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.variants_found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  result.documents = self.documents = g_list_store_new (XINZHI_TYPE_DOCUMENT);
  result.people = self.people = g_list_store_new (XINZHI_TYPE_PERSON);
  result.sectors = self.sectors = g_list_store_new (XINZHI_TYPE_SECTOR);
  result.events = self.events = g_list_store_new (XINZHI_TYPE_EVENT);
  result.quotes = self.quotes = g_list_store_new (XINZHI_TYPE_QUOTE);
  result.concepts = self.concepts = g_list_store_new (XINZHI_TYPE_CONCEPT);

  data = g_bytes_get_data (bytes, &size);
  if (!check_raw (&self, data, size))
    goto failed;

  begin_stage (&self, STAGE_PARSE, 0);
  /* The parser keeps the file's bytes, and changes them: the strings without escapes
   * stay where they are.  This takes them without a copy when the caller gave its only
   * reference, as xinzhi_corpus_new_from_file() does. */
  data = g_bytes_unref_to_data (g_steal_pointer (&file_bytes), &size);
  json = xinzhi_json_parse ((char *) data, size, parse_progress_cb, &self,
                            &json_error, &error_line, &error_column, &error_reason);
  if (json == NULL)
    {
      if (json_error == XINZHI_JSON_ERROR_EMPTY)
        problem (&self, XINZHI_CORPUS_ERROR_SYNTAX, NULL, _("the file holds no JSON value"));
      else if (json_error == XINZHI_JSON_ERROR_SYNTAX)
        problem (&self, XINZHI_CORPUS_ERROR_SYNTAX, NULL, _("%u:%u: invalid JSON: %s"),
                 error_line, error_column, _(error_reason));
      goto failed;
    }

  root = xinzhi_json_get_root (json);
  if (xinzhi_json_node_get_type (root) != XINZHI_JSON_OBJECT)
    {
      problem (&self, XINZHI_CORPUS_ERROR_FORMAT, "$",
               _("expected an object at the top level, found %s"),
               node_type_name (root));
      goto failed;
    }

  /* Format and version first: a file of another format or a newer version is not read
   * any further, so it gets one clear message rather than a list of consequences. */
  format = get_string (&self, root, "$", "format", TRUE);
  if (format == NULL)
    goto failed;
  if (!g_str_equal (format, "xinzhi-corpus"))
    {
      problem (&self, XINZHI_CORPUS_ERROR_FORMAT, "$.format",
               _("“%s” is not a Xinzhi corpus (expected “xinzhi-corpus”)"), format);
      goto failed;
    }
  version = get_member (&self, root, "$", "version", TRUE);
  if (version == NULL)
    goto failed;
  if (xinzhi_json_node_get_type (version) != XINZHI_JSON_INT)
    {
      problem (&self, XINZHI_CORPUS_ERROR_TYPE, "$.version",
               _("expected a whole number, found %s"), node_type_name (version));
      goto failed;
    }
  self.version = xinzhi_json_node_get_int (version);
  if (self.version < 1 || self.version > XINZHI_CORPUS_FORMAT_VERSION)
    {
      problem (&self, XINZHI_CORPUS_ERROR_VERSION, "$.version",
               _("format version %lld is not supported; this version of Xinzhi reads versions 1 to %d"),
               (long long) self.version, XINZHI_CORPUS_FORMAT_VERSION);
      goto failed;
    }

  check_members (&self, root, "$", top_members);
  begin_stage (&self, STAGE_READ, count_items (root));
  result.title = g_strdup (get_string (&self, root, "$", "title", TRUE));

  read_groups (&self, get_array (&self, root, "$", "groups", TRUE));
  read_documents (&self, get_array (&self, root, "$", "documents", TRUE));
  read_people (&self, get_array (&self, root, "$", "people", TRUE));
  read_sectors (&self, get_array (&self, root, "$", "sectors", TRUE));
  read_events (&self, get_array (&self, root, "$", "events", TRUE));
  read_quotes (&self, get_array (&self, root, "$", "quotes", TRUE));
  /* Concepts came with version 2: in a file that says version 1 they are a mistake,
   * which would otherwise pass unnoticed by a reader of version 1. */
  concepts = get_array (&self, root, "$", "concepts", FALSE);
  if (concepts != NULL && self.version < 2)
    problem (&self, XINZHI_CORPUS_ERROR_VERSION, "$.concepts",
             _("concepts need format version 2; the file says version %lld"),
             (long long) self.version);
  else
    read_concepts (&self, concepts);

  /* Everything has been read out of the parsed file, which holds the file's bytes:
   * free it before deriving adds the mentions, so both are never held at once. */
  root = NULL;
  g_clear_pointer (&json, xinzhi_json_free);

  if (self.n_problems == 0 && !cancelled (&self))
    derive (&self);

  if (self.n_problems > 0 || cancelled (&self))
    goto failed;
  report (&self, STAGE_DERIVE, 1.0);

  result.document_ids = g_steal_pointer (&self.document_ids);
  result.person_ids = g_steal_pointer (&self.person_ids);
  result.sector_ids = g_steal_pointer (&self.sector_ids);
  result.event_ids = g_steal_pointer (&self.event_ids);
  result.quote_ids = g_steal_pointer (&self.quote_ids);
  result.concept_ids = g_steal_pointer (&self.concept_ids);
  *contents = result;
  return TRUE;

failed:
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      xinzhi_corpus_contents_clear (&result);
      return FALSE;
    }
  if (self.n_problems > self.problems->len)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%s: … and %u more problem",
                                                            "%s: … and %u more problems",
                                                            self.n_problems - self.problems->len),
                                               name, self.n_problems - self.problems->len);

      g_ptr_array_add (self.problems, xinzhi_escape_controls (more, XINZHI_ESCAPE_DEFAULT));
    }
  g_ptr_array_add (self.problems, NULL);
  summary = g_strjoinv ("\n", (char **) self.problems->pdata);
  g_set_error_literal (error, XINZHI_CORPUS_ERROR, self.first_code, summary);
  xinzhi_corpus_contents_clear (&result);
  return FALSE;
}

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
  /* Where the texts of quotes, roles and dates are found (find_place()). */
  GHashTable *places;         /* set of Place * */

  /* Cancelling and progress. */
  GCancellable             *cancellable;
  XinzhiCorpusProgressFunc  progress;
  gpointer                  progress_data;
  guint                     reported;      /* in thousandths, the last told */
  gsize                     size;          /* of the file */
  guint                     n_parsed;      /* of them, parsed so far */
  guint                     n_steps;       /* steps of the current stage */
  guint                     n_done;        /* of them, done so far */
  gsize                     work;          /* since a cancel was last looked for */
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

/* Whether @count more units of work (bytes, records, items) bring the load to a
 * cancel: looked at once every WORK_STEP units, so that no loop runs long after a
 * cancel whatever its items hold, and costs nothing much when they are small. */
#define WORK_STEP 65536

static gboolean
cancelled_after (Loader *self,
                 gsize   count)
{
  self->work += count;
  if (self->work < WORK_STEP)
    return FALSE;
  self->work = 0;
  return cancelled (self);
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
 * ("Trojan Source").  Closed ones are shown as written.  Returns the innermost control
 * that @value opens and does not close, 0 if none, or TOO_DEEP if they nest deeper
 * than MAX_BIDI_DEPTH. */
#define MAX_BIDI_DEPTH 64
#define TOO_DEEP G_MAXUINT32

static gunichar
unclosed_bidi (const char *value)
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
  gunichar unclosed = unclosed_bidi (value);

  if (unclosed == TOO_DEEP)
    problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
             _("bidirectional controls nested deeper than %u levels"), MAX_BIDI_DEPTH);
  else if (unclosed != 0)
    problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
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
  for (guint i = 0; i < xinzhi_json_node_get_length (array) && !cancelled_after (self, 1); i++, node = xinzhi_json_node_get_next (node))
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

/* One occurrence of a pattern in the document being scanned: shared by every owner of
 * the pattern, which are reached through it. */
typedef struct
{
  guint32 pattern;
  guint32 paragraph;
  guint32 start;
  guint32 end;
} Occurrence;

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const Occurrence *oa = a, *ob = b;

  if (oa->start != ob->start)
    return oa->start < ob->start ? -1 : 1;
  /* The longer first, so that it wins an overlap. */
  if (oa->end != ob->end)
    return oa->end > ob->end ? -1 : 1;
  return 0;
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* At most this many sectors and people may share one term or name (ASCII case aside):
 * each of its occurrences is a mention of each of them, and a corpus of a few hundred
 * kilobytes whose sectors all shared a term once asked for billions of mentions. */
#define MAX_OWNERS 8
/* At most this many terms and names may end at one place of a text, each ending with the
 * next (as "ai" and "industrial ai" do): finding every occurrence costs up to this many
 * steps for each byte of text. */
#define MAX_ENDS 16
/* A document may name sectors and people at most MENTIONS_BESIDES times and once more
 * for every CHARS_PER_MENTION characters of its text, each occurrence of a term or name
 * counting once for each sector or person it belongs to.  The limits above bound that
 * to MAX_OWNERS × MAX_ENDS a character, but every mention is a record of twenty bytes
 * and more: a text where every character is a term, of eight sectors, with fifteen
 * longer terms of eight more each ending there, asked for over two hundred times its
 * size in memory.  Real text names something every few dozen characters at the most
 * (the densest article of the built-in corpus, once every 74; of a synthetic corpus,
 * every 26). */
#define MENTIONS_BESIDES 16
#define CHARS_PER_MENTION 4

/* Every sector's terms, every person's names and every concept's variants,
 * ASCII-lowered, in one XinzhiMatcher, so that each paragraph is read once for all of
 * them; it once was read once for each term of each sector and each name.  An owner is
 * a sector (0 … n_sectors - 1), a person (n_sectors + i) or a concept (n_sectors +
 * n_people + i).  The rules of a match are those of a term looked for alone:
 * ASCII case is ignored; a term that starts or ends with a letter or digit of an
 * alphabetic script matches only at a word boundary there; one term's matches do not
 * overlap each other (the next is looked for after the end of the last); and of one
 * owner's matches in a document, where two overlap, the one that starts first, or the
 * longer, is kept.
 *
 * An occurrence is found and kept once, whoever shares its pattern; the owners are
 * reached through the pattern when each document's mentions are made.
 *
 * The terms are shared, and only read once ready; each thread that scans documents has
 * a Scanner of its own. */
typedef struct
{
  guint32 pattern;
  guint32 owner;
} Owning;

typedef struct
{
  XinzhiMatcher *matcher;
  GArray        *pairs;         /* of Owning, in the order added */
  GArray        *n_owners_of;   /* per pattern: guint, its owners */
  GArray        *last_owner_of; /* per pattern: guint, the owner that added it last */
  GArray        *bounds;        /* per pattern: guint8, 1 = bound at start, 2 = at end */
  guint32       *owner_start;   /* per pattern, and one more: where its owners start */
  guint32       *owners;        /* every pattern's owners, pattern by pattern, in order */
  guint          n_owners;
} Terms;

typedef struct
{
  const Terms   *terms;
  GCancellable  *cancellable;
  guint32       *last_end;      /* per pattern: where its last match in this paragraph ended */
  guint32       *last_seen;     /* per pattern: the paragraph serial of last_end */
  guint          serial;        /* of the paragraph being scanned */
  GArray        *occurrences;   /* of Occurrence, in the document being scanned */
  guint32       *owner_seen;    /* per owner: the document serial of what follows */
  guint32       *owner_paragraph; /* per owner: its last mention kept in this document */
  guint32       *owner_end;
  guint          document_serial;
  const char    *text;          /* the paragraph, as written */
  guint          paragraph;
  GString       *lowered;       /* the paragraph, ASCII-lowered */
  gsize          n_named;       /* in the document: occurrences × their owners */
  gsize          allowed;       /* the most n_named may be (MENTIONS_BESIDES) */
} Scanner;

/* The mentions found in a document: each occurrence that some owner of its pattern
 * keeps, once, in text order, and which of the pattern's owners keep it.  Copies for
 * each owner are made only into the mention table. */
typedef struct
{
  GArray     *occurrences;  /* of Occurrence */
  GByteArray *kept;         /* per occurrence: bit i for the pattern's i-th owner */
  guint       n_mentions;   /* the bits set */
  gsize       too_many;     /* if the document names more than it may: how many it
                             * may (and occurrences and kept are empty); else 0 */
  gsize       n_chars;      /* of the document's text */
} Found;

G_STATIC_ASSERT (MAX_OWNERS <= 8);

static void
found_free (Found *found)
{
  g_array_unref (found->occurrences);
  g_byte_array_unref (found->kept);
  g_free (found);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Found, found_free)

static void
terms_init (Terms *self,
            guint  n_owners)
{
  self->matcher = xinzhi_matcher_new ();
  self->pairs = g_array_new (FALSE, FALSE, sizeof (Owning));
  self->n_owners_of = g_array_new (FALSE, FALSE, sizeof (guint));
  self->last_owner_of = g_array_new (FALSE, FALSE, sizeof (guint));
  self->bounds = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->n_owners = n_owners;
}

/* Adds @term for @owner, and returns its pattern (that of every term equal to it but
 * for ASCII case); G_MAXUINT if it is empty, or if MAX_OWNERS others share it, and then
 * it is not added. */
static guint
terms_add (Terms      *self,
           const char *term,
           guint       owner)
{
  g_autofree char *lowered = g_ascii_strdown (term, -1);
  gsize length = strlen (lowered);
  Owning pair = { 0, owner };
  guint *n_owners;
  guint pattern;

  if (length == 0)
    return G_MAXUINT;

  pattern = xinzhi_matcher_add (self->matcher, lowered);
  if (pattern == self->n_owners_of->len)
    {
      guint8 bounds = (is_word_char (g_utf8_get_char (lowered)) ? 1 : 0) |
                      (is_word_char (g_utf8_get_char (g_utf8_prev_char (lowered + length))) ? 2 : 0);
      guint none = 0, nobody = G_MAXUINT;

      g_array_append_val (self->bounds, bounds);
      g_array_append_val (self->n_owners_of, none);
      g_array_append_val (self->last_owner_of, nobody);
    }
  n_owners = &g_array_index (self->n_owners_of, guint, pattern);

  /* A term given twice, or twice but for case, matches once: an owner adds all its
   * terms in a row, so it would be the pattern's last owner. */
  if (g_array_index (self->last_owner_of, guint, pattern) == owner)
    return pattern;

  if (*n_owners == MAX_OWNERS)
    return G_MAXUINT;

  (*n_owners)++;
  g_array_index (self->last_owner_of, guint, pattern) = owner;
  pair.pattern = pattern;
  g_array_append_val (self->pairs, pair);
  return pattern;
}

/* After the last term is added: from here on the terms are only read, by any thread. */
static void
terms_ready (Terms *self)
{
  guint n_patterns = self->n_owners_of->len;
  g_autofree guint32 *fill = NULL;

  self->owner_start = g_new0 (guint32, n_patterns + 1);
  for (guint p = 0; p < n_patterns; p++)
    self->owner_start[p + 1] = self->owner_start[p] + g_array_index (self->n_owners_of, guint, p);
  /* The pairs in order, so each pattern's owners too. */
  fill = g_memdup2 (self->owner_start, sizeof (guint32) * (n_patterns + 1));
  self->owners = g_new (guint32, MAX (self->pairs->len, 1));
  for (guint i = 0; i < self->pairs->len; i++)
    {
      const Owning *pair = &g_array_index (self->pairs, Owning, i);

      self->owners[fill[pair->pattern]++] = pair->owner;
    }
  g_clear_pointer (&self->pairs, g_array_unref);
  xinzhi_matcher_prepare (self->matcher);
}

static void
terms_clear (Terms *self)
{
  g_clear_pointer (&self->matcher, xinzhi_matcher_free);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->n_owners_of, g_array_unref);
  g_clear_pointer (&self->last_owner_of, g_array_unref);
  g_clear_pointer (&self->bounds, g_array_unref);
  g_clear_pointer (&self->owner_start, g_free);
  g_clear_pointer (&self->owners, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Terms, terms_clear)

static gboolean
term_found_cb (guint    pattern,
               gsize    start,
               gsize    end,
               gpointer user_data)
{
  Scanner *self = user_data;
  guint8 bounds = g_array_index (self->terms->bounds, guint8, pattern);
  Occurrence occurrence = { pattern, self->paragraph, start, end };

  if (self->last_seen[pattern] == self->serial && start < self->last_end[pattern])
    return TRUE;
  if (!at_word_boundaries (self->text, start, end, bounds & 1, bounds & 2))
    return TRUE;

  self->last_seen[pattern] = self->serial;
  self->last_end[pattern] = end;
  g_array_append_val (self->occurrences, occurrence);
  /* Stops the scan once the document names more than it may. */
  self->n_named += self->terms->owner_start[pattern + 1] - self->terms->owner_start[pattern];
  return self->n_named <= self->allowed;
}

/* Finds the mentions of every owner in @document, each owner's without overlaps; NULL
 * if the load was cancelled.  A cancel is looked for after each paragraph, which holds
 * at most MAX_TEXT_LENGTH characters.  A document that names more than it may
 * (MENTIONS_BESIDES) is scanned no further, and found to name nothing. */
static Found *
scanner_scan_document (Scanner        *self,
                       XinzhiDocument *document)
{
  const Terms *terms = self->terms;
  Found *found = g_new0 (Found, 1);

  found->occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  found->kept = g_byte_array_new ();
  for (guint i = 0; i < document->paragraphs->len; i++)
    for (const char *p = g_array_index (document->paragraphs, XinzhiParagraph, i).text; *p; p++)
      found->n_chars += (*p & 0xC0) != 0x80;
  self->n_named = 0;
  self->allowed = MENTIONS_BESIDES + found->n_chars / CHARS_PER_MENTION;

  g_array_set_size (self->occurrences, 0);
  for (guint i = 0; i < document->paragraphs->len; i++)
    {
      const char *text = g_array_index (document->paragraphs, XinzhiParagraph, i).text;
      gsize length = strlen (text);
      guint first = self->occurrences->len;

      if (g_cancellable_is_cancelled (self->cancellable))
        {
          found_free (found);
          return NULL;
        }

      /* As g_ascii_strdown(), without a call per byte. */
      g_string_set_size (self->lowered, length);
      for (gsize b = 0; b < length; b++)
        self->lowered->str[b] = text[b] >= 'A' && text[b] <= 'Z' ? text[b] + ('a' - 'A') : text[b];

      self->serial++;
      self->text = text;
      self->paragraph = i;
      if (!xinzhi_matcher_scan (terms->matcher, self->lowered->str, length, term_found_cb, self))
        {
          found->too_many = self->allowed;
          return found;
        }
      /* Found by their ends: put the paragraph's in text order.  (An array that never
       * held anything has no data to point into.) */
      if (self->occurrences->len - first > 1)
        g_sort_array (&g_array_index (self->occurrences, Occurrence, first),
                      self->occurrences->len - first, sizeof (Occurrence),
                      compare_occurrences, NULL);
    }

  /* Each owner of each occurrence, in text order: an owner keeps an occurrence unless
   * it overlaps the last one it kept. */
  self->document_serial++;
  for (guint i = 0; i < self->occurrences->len; i++)
    {
      const Occurrence *occurrence = &g_array_index (self->occurrences, Occurrence, i);
      guint32 first = terms->owner_start[occurrence->pattern];
      guint8 kept = 0;

      for (guint32 o = first; o < terms->owner_start[occurrence->pattern + 1]; o++)
        {
          guint32 owner = terms->owners[o];

          if (self->owner_seen[owner] == self->document_serial &&
              self->owner_paragraph[owner] == occurrence->paragraph &&
              occurrence->start < self->owner_end[owner])
            continue;

          self->owner_seen[owner] = self->document_serial;
          self->owner_paragraph[owner] = occurrence->paragraph;
          self->owner_end[owner] = occurrence->end;
          kept |= 1 << (o - first);
          found->n_mentions++;
        }
      if (kept != 0)
        {
          g_array_append_val (found->occurrences, *occurrence);
          g_byte_array_append (found->kept, &kept, 1);
        }
    }

  return found;
}

static void
scanner_init (Scanner      *self,
              const Terms  *terms,
              GCancellable *cancellable)
{
  guint n_patterns = xinzhi_matcher_get_n_patterns (terms->matcher);

  *self = (Scanner) { .terms = terms, .cancellable = cancellable };
  self->last_end = g_new0 (guint32, MAX (n_patterns, 1));
  self->last_seen = g_new0 (guint32, MAX (n_patterns, 1));
  self->occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  self->owner_seen = g_new0 (guint32, MAX (terms->n_owners, 1));
  self->owner_paragraph = g_new0 (guint32, MAX (terms->n_owners, 1));
  self->owner_end = g_new0 (guint32, MAX (terms->n_owners, 1));
  self->lowered = g_string_new (NULL);
}

static void
scanner_clear (Scanner *self)
{
  g_clear_pointer (&self->last_end, g_free);
  g_clear_pointer (&self->last_seen, g_free);
  g_clear_pointer (&self->occurrences, g_array_unref);
  g_clear_pointer (&self->owner_seen, g_free);
  g_clear_pointer (&self->owner_paragraph, g_free);
  g_clear_pointer (&self->owner_end, g_free);
  if (self->lowered != NULL)
    g_string_free (g_steal_pointer (&self->lowered), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scanner, scanner_clear)

/* Scanning every document for every term is most of deriving's time, and documents
 * are scanned independently: a Scan shares them out among threads, a few at a time,
 * and keeps each document's mentions for derive() to take in document order. */
typedef struct
{
  const Terms      *terms;
  GPtrArray        *documents;  /* of XinzhiDocument, in corpus order */
  Found           **found;      /* per document */
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

  if (first >= n)
    return FALSE;

  for (guint d = first; d < MIN (first + SCAN_CHUNK, n); d++)
    {
      scan->found[d] = scanner_scan_document (scanner, g_ptr_array_index (scan->documents, d));
      if (scan->found[d] == NULL)
        return FALSE;
    }
  g_atomic_int_add (&scan->done, MIN (first + SCAN_CHUNK, n) - first);
  return TRUE;
}

static gpointer
scan_thread (gpointer data)
{
  Scan *scan = data;
  g_auto(Scanner) scanner = { 0 };

  scanner_init (&scanner, scan->terms, scan->cancellable);
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

/* Where a text of the file (a quote's, a role's, a date's words) is first found in a
 * document, or in one paragraph of it.  Every text to look for is gathered before the
 * items that need it are read, and those of one document, or one paragraph, are looked
 * for together, in one pass over it; the search ran once for each, over the whole
 * document, so that a large document cited by many quotes, or a long paragraph by
 * many events, was read over and over. */
typedef struct _Place Place;

struct _Place
{
  XinzhiDocument *document;
  guint           paragraph;        /* where to look, or G_MAXUINT: anywhere */
  const char     *text;             /* the parsed file's string: looked up by address */
  gboolean        found;
  guint           found_paragraph;
  gsize           start;
  Place          *same_text;        /* while searching: another with the same text */
};

static guint
place_hash (gconstpointer data)
{
  const Place *place = data;

  return g_direct_hash (place->document) ^ g_direct_hash (place->text) ^ (place->paragraph * 2654435761u);
}

static gboolean
place_equal (gconstpointer a,
             gconstpointer b)
{
  const Place *pa = a, *pb = b;

  return pa->document == pb->document && pa->paragraph == pb->paragraph && pa->text == pb->text;
}

/* Asks for @text to be looked for in @document, in its paragraph @paragraph or, with
 * G_MAXUINT, in any: find_places() looks, find_place() tells. */
static void
want_place (Loader         *self,
            GPtrArray      *wanted,
            XinzhiDocument *document,
            guint           paragraph,
            const char     *text)
{
  Place key = { document, paragraph, text };
  Place *place;

  if (document == NULL || text[0] == '\0' || g_hash_table_contains (self->places, &key))
    return;

  place = g_memdup2 (&key, sizeof key);
  g_hash_table_add (self->places, place);
  g_ptr_array_add (wanted, place);
}

static int
compare_wanted (gconstpointer a,
                gconstpointer b)
{
  const Place *pa = *(Place **) a, *pb = *(Place **) b;

  if (pa->document != pb->document)
    return pa->document < pb->document ? -1 : 1;
  return pa->paragraph < pb->paragraph ? -1 : pa->paragraph > pb->paragraph;
}

typedef struct
{
  Place      **places;     /* by pattern: the first place with its text */
  const gsize *lengths;    /* by pattern: the length of that text */
  guint        paragraph;  /* being scanned */
  const char  *text;       /* its text */
  gsize        length;
  gsize        budget;     /* bytes that may still be compared */
} Looking;

static gboolean
place_found_cb (guint    pattern,
                gsize    start,
                gsize    end,
                gpointer user_data)
{
  Looking *looking = user_data;

  for (Place *place = looking->places[pattern]; place != NULL; place = place->same_text)
    {
      place->found = TRUE;
      place->found_paragraph = looking->paragraph;
      place->start = start;
    }
  return TRUE;
}

/* Up to this many texts are looked for in a document or paragraph one by one, with
 * strstr(); more, together. */
#define FEW_TEXTS 4

/* A text's beginning was found where the text may be: the whole text is there or not. */
static XinzhiMatcherCheck
place_check_cb (guint    pattern,
                gsize    start,
                gsize    end,
                gpointer user_data)
{
  Looking *looking = user_data;
  gsize length = looking->lengths[pattern];
  const char *text = looking->places[pattern]->text;
  gsize same = end - start;

  /* The beginning is the same: compare the rest, paying for what is compared. */
  while (same < length && start + same < looking->length && looking->text[start + same] == text[same])
    same++;
  if (same + 1 > looking->budget)
    return XINZHI_MATCHER_STOP;
  looking->budget -= same + 1;
  if (same < length)
    return XINZHI_MATCHER_NOT_HERE;

  place_found_cb (pattern, start, end, user_data);
  return XINZHI_MATCHER_FOUND;
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(Place **) a)->text, (*(Place **) b)->text);
}

static gsize
common_length (const char *a,
               const char *b)
{
  gsize n = 0;

  while (a[n] != '\0' && a[n] == b[n])
    n++;
  return n;
}

/* Looks for the @n texts of @places in @document's paragraphs @first to @last, with a
 * search for their beginnings, each as long as it takes to tell it from the others,
 * where the rest is compared: an automaton of whole quotes would have a state for each
 * byte of them, and take longer to build than to scan the document with.  Returns
 * FALSE, having found nothing, if the comparing would cost more than four times the
 * text and the texts, which beginnings shared by texts that differ only further on,
 * and found over and over in the document, can make it. */
static gboolean
find_beginnings (Loader          *self,
                 XinzhiDocument  *document,
                 guint            first,
                 guint            last,
                 Place          **places,
                 guint            n)
{
  g_autoptr(XinzhiMatcher) matcher = xinzhi_matcher_new ();
  g_autoptr(XinzhiMatcherSearch) search = NULL;
  g_autofree Place **sorted = g_memdup2 (places, n * sizeof (Place *));
  g_autofree Place **by_pattern = g_new0 (Place *, n);
  g_autofree gsize *lengths = g_new0 (gsize, n);
  Looking looking = { by_pattern, lengths };
  gboolean complete = TRUE;
  gsize total = 4096;

  if (n > 1)
    qsort (sorted, n, sizeof (Place *), compare_texts);
  for (guint i = 0, next; i < n; i = next)
    {
      gsize length = strlen (sorted[i]->text);
      gsize before = i > 0 ? common_length (sorted[i - 1]->text, sorted[i]->text) : 0;
      gsize after = 0;
      g_autofree char *beginning = NULL;
      guint pattern;

      /* The same text, from several places. */
      for (next = i + 1; next < n && strcmp (sorted[next]->text, sorted[i]->text) == 0; next++)
        ;
      if (next < n)
        after = common_length (sorted[i]->text, sorted[next]->text);
      beginning = g_strndup (sorted[i]->text, MIN (length, MAX (before, after) + 1));
      pattern = xinzhi_matcher_add (matcher, beginning);
      lengths[pattern] = length;
      total += length;
      for (guint j = i; j < next; j++)
        {
          sorted[j]->same_text = by_pattern[pattern];
          by_pattern[pattern] = sorted[j];
        }
    }

  for (guint p = first; p < last; p++)
    total += strlen (g_array_index (document->paragraphs, XinzhiParagraph, p).text);
  looking.budget = 4 * total;

  search = xinzhi_matcher_search_new (matcher);
  for (guint p = first; p < last && complete && xinzhi_matcher_search_get_n_left (search) > 0 && !cancelled (self); p++)
    {
      looking.paragraph = p;
      looking.text = g_array_index (document->paragraphs, XinzhiParagraph, p).text;
      looking.length = strlen (looking.text);
      complete = xinzhi_matcher_search_check (search, looking.text, looking.length, place_check_cb, &looking);
    }

  for (guint i = 0; i < n; i++)
    {
      places[i]->same_text = NULL;
      if (!complete)
        places[i]->found = FALSE;
    }
  return complete;
}

/* Looks for @n texts, all to be found in one document or one paragraph of it. */
static void
find_places_in (Loader  *self,
                Place  **places,
                guint    n)
{
  XinzhiDocument *document = places[0]->document;
  guint first = places[0]->paragraph == G_MAXUINT ? 0 : places[0]->paragraph;
  guint last = places[0]->paragraph == G_MAXUINT ? document->paragraphs->len : first + 1;
  g_autoptr(XinzhiMatcher) matcher = NULL;
  g_autoptr(XinzhiMatcherSearch) search = NULL;
  g_autofree Place **by_pattern = NULL;
  Looking looking;

  last = MIN (last, document->paragraphs->len);
  if (n > FEW_TEXTS && find_beginnings (self, document, first, last, places, n))
    return;
  if (n <= FEW_TEXTS)
    {
      for (guint i = 0; i < n; i++)
        for (guint p = first; p < last && !places[i]->found && !cancelled (self); p++)
          {
            const char *text = g_array_index (document->paragraphs, XinzhiParagraph, p).text;
            const char *found = strstr (text, places[i]->text);

            if (found != NULL)
              *places[i] = (Place) { places[i]->document, places[i]->paragraph, places[i]->text,
                                     TRUE, p, found - text, NULL };
          }
      return;
    }

  matcher = xinzhi_matcher_new ();
  by_pattern = g_new0 (Place *, n);
  for (guint i = 0; i < n; i++)
    {
      guint pattern = xinzhi_matcher_add (matcher, places[i]->text);

      places[i]->same_text = by_pattern[pattern];
      by_pattern[pattern] = places[i];
    }
  search = xinzhi_matcher_search_new (matcher);
  looking = (Looking) { by_pattern };
  for (guint p = first; p < last && xinzhi_matcher_search_get_n_left (search) > 0 && !cancelled (self); p++)
    {
      const char *text = g_array_index (document->paragraphs, XinzhiParagraph, p).text;

      looking.paragraph = p;
      xinzhi_matcher_search_scan (search, text, strlen (text), place_found_cb, &looking);
    }
  for (guint i = 0; i < n; i++)
    places[i]->same_text = NULL;
}

/* Looks for every text of @wanted, each document's or paragraph's together. */
static void
find_places (Loader    *self,
             GPtrArray *wanted)
{
  guint start = 0;

  g_ptr_array_sort (wanted, compare_wanted);
  for (guint i = 1; i <= wanted->len && !cancelled (self); i++)
    if (i == wanted->len || compare_wanted (&wanted->pdata[start], &wanted->pdata[i]) != 0)
      {
        find_places_in (self, (Place **) &wanted->pdata[start], i - start);
        start = i;
      }
}

/* Whether @text is found in @document's paragraph @paragraph, or any with G_MAXUINT,
 * and where first: as looked for by find_places() if it was asked for (by address),
 * otherwise now. */
static gboolean
find_place (Loader         *self,
            XinzhiDocument *document,
            guint           paragraph,
            const char     *text,
            guint          *found_paragraph,
            gsize          *start)
{
  Place key = { document, paragraph, text };
  Place *place = g_hash_table_lookup (self->places, &key);

  if (place == NULL)
    {
      g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

      want_place (self, wanted, document, paragraph, text);
      find_places (self, wanted);
      place = g_hash_table_lookup (self->places, &key);
    }

  if (place == NULL || !place->found)
    return FALSE;
  if (found_paragraph != NULL)
    *found_paragraph = place->found_paragraph;
  if (start != NULL)
    *start = place->start;
  return TRUE;
}

/* @object's member @member if it is of @type, else NULL: for gathering what to look for
 * before the items are read and checked. */
static const XinzhiJsonNode *
peek_member (const XinzhiJsonNode *object,
             const char           *member,
             XinzhiJsonType        type)
{
  const XinzhiJsonNode *node;

  if (xinzhi_json_node_get_type (object) != XINZHI_JSON_OBJECT)
    return NULL;
  node = xinzhi_json_object_get_member (object, member);
  if (node == NULL || xinzhi_json_node_get_type (node) != type)
    return NULL;
  return node;
}

static const char *
peek_string (const XinzhiJsonNode *object,
             const char           *member)
{
  const XinzhiJsonNode *node = peek_member (object, member, XINZHI_JSON_STRING);

  return node != NULL ? xinzhi_json_node_get_string (node) : NULL;
}

/* The document that @object's "document" names, if any. */
static XinzhiDocument *
peek_document (Loader               *self,
               const XinzhiJsonNode *object)
{
  const char *id = peek_string (object, "document");

  return id != NULL ? g_hash_table_lookup (self->document_ids, id) : NULL;
}

/* Looks for the words of every role of @people and every quote of @quotes (the file's
 * arrays, or NULL or not arrays) in their documents: a document's, of both kinds, in one
 * pass over it. */
static void
find_text_places (Loader               *self,
                  const XinzhiJsonNode *people,
                  const XinzhiJsonNode *quotes)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  const XinzhiJsonNode *person, *role, *quote;
  guint i, r;

  if (people != NULL && xinzhi_json_node_get_type (people) == XINZHI_JSON_ARRAY)
    XINZHI_JSON_FOREACH_ELEMENT (people, i, person)
      {
        const XinzhiJsonNode *roles = peek_member (person, "roles", XINZHI_JSON_ARRAY);
        const char *text;

        if (roles != NULL)
          XINZHI_JSON_FOREACH_ELEMENT (roles, r, role)
            if ((text = peek_string (role, "text")) != NULL)
              want_place (self, wanted, peek_document (self, role), G_MAXUINT, text);
      }
  if (quotes != NULL && xinzhi_json_node_get_type (quotes) == XINZHI_JSON_ARRAY)
    XINZHI_JSON_FOREACH_ELEMENT (quotes, i, quote)
      {
        const char *text = peek_string (quote, "text");

        if (text != NULL)
          want_place (self, wanted, peek_document (self, quote), G_MAXUINT, text);
      }
  find_places (self, wanted);
}

/* Asks for @text to be looked for in the paragraph that @source (of an event's
 * sources or date sources) names, if it names one. */
static void
want_date_place (Loader               *self,
                 GPtrArray            *wanted,
                 const XinzhiJsonNode *source,
                 const char           *text)
{
  XinzhiDocument *document = peek_document (self, source);
  const XinzhiJsonNode *paragraph;

  if (document == NULL)
    return;
  paragraph = peek_member (source, "paragraph", XINZHI_JSON_INT);
  if (paragraph != NULL && xinzhi_json_node_get_int (paragraph) >= 0 &&
      xinzhi_json_node_get_int (paragraph) < document->paragraphs->len)
    want_place (self, wanted, document, xinzhi_json_node_get_int (paragraph), text);
}

/* Looks for each event's date words in each paragraph it cites for them: a version 1
 * event's date_text in each of its sources, a version 2 event's date sources' texts,
 * each in its own paragraph. */
static void
find_date_places (Loader               *self,
                  const XinzhiJsonNode *events)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  const XinzhiJsonNode *event, *source;
  guint i, s;

  if (events == NULL)
    return;
  XINZHI_JSON_FOREACH_ELEMENT (events, i, event)
    {
      const char *date_text = peek_string (event, "date_text");
      const XinzhiJsonNode *sources = peek_member (event, "sources", XINZHI_JSON_ARRAY);
      const XinzhiJsonNode *date_sources = peek_member (event, "date_sources", XINZHI_JSON_ARRAY);

      /* Version 1: the one date_text in each source; version 2: each date source's
       * own words in its paragraph. */
      if (date_text != NULL && sources != NULL)
        XINZHI_JSON_FOREACH_ELEMENT (sources, s, source)
          want_date_place (self, wanted, source, date_text);
      if (date_sources != NULL)
        XINZHI_JSON_FOREACH_ELEMENT (date_sources, s, source)
          {
            const char *text = peek_string (source, "text");

            if (text != NULL)
              want_date_place (self, wanted, source, text);
          }
    }
  find_places (self, wanted);
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

  if (!find_place (self, document, paragraph, text, NULL, NULL))
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

  /* A cancel is looked for after each paragraph, which holds at most MAX_TEXT_LENGTH
   * characters. */
  for (guint i = 0; i < xinzhi_json_node_get_length (array) && !cancelled (self); i++, element = xinzhi_json_node_get_next (element))
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

/* Whether @url, a document's, is a web address that the reader may hand to the
 * system: http or https, with a host, and nothing an address never holds. */
static gboolean
check_url (Loader     *self,
           const char *path,
           const char *url)
{
  g_autofree char *upath = member_path (path, "url");
  g_autofree char *scheme = NULL;
  g_autoptr(GUri) uri = NULL;

  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      {
        problem (self, XINZHI_CORPUS_ERROR_VALUE, upath,
                 _("the address holds a line break or another control character"));
        return FALSE;
      }

  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    {
      problem (self, XINZHI_CORPUS_ERROR_VALUE, upath,
               _("“%s” is not an http or https address"), url);
      return FALSE;
    }

  if (strchr (url, ' ') != NULL)
    {
      problem (self, XINZHI_CORPUS_ERROR_VALUE, upath,
               _("the address “%s” holds a space (an address writes it as %%20)"), url);
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      problem (self, XINZHI_CORPUS_ERROR_VALUE, upath,
               _("the address “%s” names no host"), url);
      return FALSE;
    }

  return TRUE;
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

      if (url != NULL && !check_url (self, path, url))
        url = NULL;
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

/* Up to this many ids of a list are compared one by one; past it, in a set. */
#define FEW_IDS 16

/* Whether @ids[@index] is in @ids before it, reporting it at @path if so: a reference
 * given twice would link one object twice, and show it twice.  *@seen holds the ids of
 * a long list, made when first needed. */
static gboolean
listed_twice (Loader      *self,
              GStrv        ids,
              guint        index,
              const char  *path,
              const char  *kind,
              GHashTable **seen)
{
  gboolean twice = FALSE;

  if (index < FEW_IDS)
    {
      for (guint i = 0; i < index && !twice; i++)
        twice = g_str_equal (ids[i], ids[index]);
    }
  else
    {
      if (*seen == NULL)
        {
          *seen = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < index; i++)
            g_hash_table_add (*seen, ids[i]);
        }
      twice = !g_hash_table_add (*seen, ids[index]);
    }

  /* A whole sentence for each kind, as report_dangling_reference() has. */
  if (twice && g_str_equal (kind, "person"))
    problem (self, XINZHI_CORPUS_ERROR_VALUE, path, _("the person “%s” is listed twice"), ids[index]);
  else if (twice && g_str_equal (kind, "event"))
    problem (self, XINZHI_CORPUS_ERROR_VALUE, path, _("the event “%s” is listed twice"), ids[index]);
  else if (twice)
    g_assert_not_reached ();
  return twice;
}

static const char * const role_members[] = { "text", "document", NULL };
static const char * const person_members[] = { "id", "name", "name_zh", "variants", "roles", NULL };

static gboolean
variant_found_cb (guint    pattern,
                  gsize    start,
                  gsize    end,
                  gpointer user_data)
{
  gboolean *found = user_data;

  found[pattern] = TRUE;
  return TRUE;
}

/* Finds which of the variants that @people give occur verbatim in some paragraph, in
 * one pass over the documents for all of them, and keeps those in
 * self->variants_found.  Looking for each in turn read the whole corpus for every
 * variant found late or not at all; the search skips the variants found already, so
 * the pass costs the text's length however many there are and however often they
 * occur.  Nothing is checked here; read_people() does that and asks
 * occurs_in_corpus() of the variants it accepts. */
static void
find_variants (Loader               *self,
               const XinzhiJsonNode *people)
{
  g_autoptr(XinzhiMatcher) matcher = xinzhi_matcher_new ();
  g_autoptr(XinzhiMatcherSearch) search = NULL;
  g_autofree gboolean *found = NULL;
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

  found = g_new0 (gboolean, MAX (xinzhi_matcher_get_n_patterns (matcher), 1));
  search = xinzhi_matcher_search_new (matcher);
  for (guint d = 0; d < g_list_model_get_n_items (documents) && xinzhi_matcher_search_get_n_left (search) > 0; d++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, d);

      for (guint i = 0; i < document->paragraphs->len && xinzhi_matcher_search_get_n_left (search) > 0; i++)
        {
          const char *text = g_array_index (document->paragraphs, XinzhiParagraph, i).text;

          if (cancelled (self))
            return;
          xinzhi_matcher_search_scan (search, text, strlen (text), variant_found_cb, found);
        }
    }

  /* The matcher's copies go with it: keep the JSON's strings. */
  for (guint p = 0; p < xinzhi_matcher_get_n_patterns (matcher); p++)
    if (found[p])
      g_hash_table_add (self->variants_found, g_strdup (xinzhi_matcher_get_pattern (matcher, p)));
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
      for (guint r = 0; roles && r < xinzhi_json_node_get_length (roles) && !cancelled_after (self, 1); r++, r_element = xinzhi_json_node_get_next (r_element))
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

          if (!find_place (self, document, G_MAXUINT, text, NULL, NULL))
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
  for (guint s = 0; s < xinzhi_json_node_get_length (sources) && !cancelled_after (self, 1); s++, s_element = xinzhi_json_node_get_next (s_element))
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

  find_date_places (self, array);

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && step (self, STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = index_path ("$.events", i);
      g_autofree char *people_path = member_path (path, "people");
      const XinzhiJsonNode *object = as_object (self, element, path);
      g_autoptr(XinzhiEvent) event = NULL;
      g_auto(GStrv) people = NULL;
      g_autoptr(GHashTable) listed = NULL;
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

              if (find_place (self, document, p, date_text, NULL, NULL))
                found = TRUE;
            }

          check_date_evidence (self, object, path,
                               MAX (event->start.precision, event->end.precision),
                               event->date_estimated, date_text, event->date_note,
                               found, _("the cited paragraphs"));
        }

      for (guint p = 0; people && people[p] && !cancelled_after (self, 1); p++)
        {
          g_autofree char *ppath = index_path (people_path, p);
          XinzhiPerson *person = NULL;

          if (!listed_twice (self, people, p, ppath, "person", &listed))
            person = resolve (self, self->person_ids, people[p], ppath, "person");
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

/* Whether @text holds at least @n letters or digits, of any script. */
static gboolean
holds_letters (const char *text,
               guint       n)
{
  for (const char *p = text; *p != '\0' && n > 0; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      n--;
  return n == 0;
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
      g_autoptr(GHashTable) listed = NULL;
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

      if (text != NULL && !holds_letters (text, 2))
        {
          g_autofree char *tpath = member_path (path, "text");

          problem (self, XINZHI_CORPUS_ERROR_VALUE, tpath,
                   _("a quote needs at least two letters or digits"));
          text = NULL;
        }

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
          !find_place (self, document, G_MAXUINT, text, &quote->paragraph, &start))
        {
          g_autofree char *tpath = member_path (path, "text");

          problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, tpath,
                   _("not found verbatim in document “%s”"), document->id);
          text = NULL;
        }

      for (guint e = 0; events && events[e] && !cancelled_after (self, 1); e++)
        {
          g_autofree char *ipath = index_path (epath, e);
          XinzhiEvent *event = NULL;

          if (!listed_twice (self, events, e, ipath, "event", &listed))
            event = resolve (self, self->event_ids, events[e], ipath, "event");
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

/* An item of a document's quotes or events with the order it was added in, so that
 * sorting them keeps that order among equals, as g_list_store_sort() did. */
typedef struct
{
  gpointer item;
  guint    index;
} Ranked;

static int
compare_quotes_in_text (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  const Ranked *ra = a, *rb = b;
  const XinzhiQuote *qa = ra->item, *qb = rb->item;

  if (qa->paragraph != qb->paragraph)
    return qa->paragraph < qb->paragraph ? -1 : 1;
  if (qa->start != qb->start)
    return qa->start < qb->start ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Ranked *ra = a, *rb = b;
  int order = xinzhi_event_compare (ra->item, rb->item);

  if (order != 0)
    return order;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static int
compare_quotes (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return xinzhi_quote_compare ((XinzhiQuote *) a, (XinzhiQuote *) b);
}

/* Sorts @ranked (of Ranked) and appends its items to @store at once. */
static void
splice_sorted (GListStore       *store,
               GArray           *ranked,
               GCompareDataFunc  compare)
{
  g_autofree gpointer *items = NULL;

  if (ranked == NULL)
    return;

  g_sort_array (ranked->data, ranked->len, sizeof (Ranked), compare, NULL);
  items = g_new (gpointer, ranked->len);
  for (guint i = 0; i < ranked->len; i++)
    items[i] = g_array_index (ranked, Ranked, i).item;
  g_list_store_splice (store, 0, 0, items, ranked->len);
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

/* What the links of quotes and events to sectors are read from: each document's sector
 * mentions by place, and the sectors each cited paragraph names.  Both are made when
 * first asked for.  A quote reads the mentions within its words, an event the sectors
 * of its paragraphs, each paragraph counted once however often it is cited; they once
 * read every mention of the document, for every quote and every source. */
typedef struct
{
  const XinzhiMentionRecord *records;
  guint            n_sectors;
  GArray         **places;      /* per document: of guint32, its sector mentions by
                                 * paragraph and start */
  GHashTable      *named;       /* (document << 32 | paragraph) → Named */
  guint32         *taken;       /* per sector: the mark of the last quote or event
                                 * that took it */
  guint32          mark;
  guint32         *named_by;    /* per sector: the mark of the last paragraph found
                                 * naming it */
  guint32          named_mark;
} Links;

/* The sectors a paragraph names, once, in the order of sectors. */
typedef struct
{
  GArray  *sectors;   /* of guint */
  guint32  mark;      /* of the last event that took them */
} Named;

static void
named_free (gpointer data)
{
  Named *named = data;

  g_array_unref (named->sectors);
  g_free (named);
}

static int
compare_places (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const XinzhiMentionRecord *records = user_data;
  guint32 ia = *(const guint32 *) a, ib = *(const guint32 *) b;

  if (records[ia].start != records[ib].start)
    return records[ia].start < records[ib].start ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* @document's sector mentions (indices of records) by paragraph, then start. */
static GArray *
links_get_places (Links          *self,
                  guint           index,
                  XinzhiDocument *document)
{
  GArray *places;
  g_autofree guint32 *first_of = NULL;
  guint n_paragraphs = document->paragraphs->len;
  guint n = 0;

  if (self->places[index] != NULL)
    return self->places[index];

  /* Counted and placed by paragraph, then each paragraph's sorted by start. */
  first_of = g_new0 (guint32, n_paragraphs + 1);
  for (guint m = document->first_mention; m < document->first_mention + document->n_mentions; m++)
    if (self->records[m].owner < self->n_sectors)
      {
        first_of[self->records[m].paragraph + 1]++;
        n++;
      }
  for (guint p = 0; p < n_paragraphs; p++)
    first_of[p + 1] += first_of[p];
  places = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  g_array_set_size (places, n);
  for (guint m = document->first_mention; m < document->first_mention + document->n_mentions; m++)
    if (self->records[m].owner < self->n_sectors)
      g_array_index (places, guint32, first_of[self->records[m].paragraph]++) = m;
  for (guint p = 0, start = 0; p < n_paragraphs; start = first_of[p++])
    if (first_of[p] - start > 1)
      g_sort_array (&g_array_index (places, guint32, start), first_of[p] - start, sizeof (guint32),
                    compare_places, (gpointer) self->records);

  self->places[index] = places;
  return places;
}

/* The first of @places at or after @start of @paragraph. */
static guint
links_find_place (Links  *self,
                  GArray *places,
                  guint   paragraph,
                  guint   start)
{
  guint lo = 0, hi = places->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const XinzhiMentionRecord *record = &self->records[g_array_index (places, guint32, mid)];

      if (record->paragraph < paragraph || (record->paragraph == paragraph && record->start < start))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Starts taking sectors for another quote or event. */
static void
links_begin (Links *self)
{
  self->mark++;
}

/* Adds @sector to @taken unless the quote or event has it already. */
static void
links_take (Links  *self,
            GArray *taken,
            guint   sector)
{
  if (self->taken[sector] == self->mark)
    return;
  self->taken[sector] = self->mark;
  g_array_append_val (taken, sector);
}

/* The sectors named within @quote's words, into @taken (of guint), in the order of
 * sectors. */
static void
links_take_quote (Links          *self,
                  guint           index,
                  XinzhiQuote    *quote,
                  GArray         *taken)
{
  GArray *places = links_get_places (self, index, quote->document);

  links_begin (self);
  for (guint i = links_find_place (self, places, quote->paragraph, quote->start); i < places->len; i++)
    {
      const XinzhiMentionRecord *record = &self->records[g_array_index (places, guint32, i)];

      if (record->paragraph != quote->paragraph || record->start >= quote->end)
        break;
      if (record->end <= quote->end)
        links_take (self, taken, record->owner);
    }
  g_array_sort (taken, compare_uints);
}

/* The sectors that paragraph @paragraph of @document names, in the order of sectors. */
static Named *
links_get_named (Links          *self,
                 guint           index,
                 XinzhiDocument *document,
                 guint           paragraph)
{
  guint64 key = ((guint64) index << 32) | paragraph;
  Named *named = g_hash_table_lookup (self->named, &key);
  GArray *places;

  if (named != NULL)
    return named;

  named = g_new0 (Named, 1);
  named->sectors = g_array_new (FALSE, FALSE, sizeof (guint));
  places = links_get_places (self, index, document);
  self->named_mark++;
  for (guint i = links_find_place (self, places, paragraph, 0); i < places->len; i++)
    {
      const XinzhiMentionRecord *record = &self->records[g_array_index (places, guint32, i)];

      if (record->paragraph != paragraph)
        break;
      if (self->named_by[record->owner] != self->named_mark)
        {
          self->named_by[record->owner] = self->named_mark;
          g_array_append_val (named->sectors, record->owner);
        }
    }
  g_array_sort (named->sectors, compare_uints);
  g_hash_table_insert (self->named, g_memdup2 (&key, sizeof key), named);
  return named;
}

static void
links_clear (Links *self,
             guint  n_documents)
{
  for (guint d = 0; self->places != NULL && d < n_documents; d++)
    g_clear_pointer (&self->places[d], g_array_unref);
  g_clear_pointer (&self->places, g_free);
  g_clear_pointer (&self->named, g_hash_table_unref);
  g_clear_pointer (&self->taken, g_free);
  g_clear_pointer (&self->named_by, g_free);
}

/* No event may name more sectors than this through its paragraphs: a real one names a
 * few (twelve at the most in the built-in corpus), and each event keeps a list of its
 * own, so that events citing paragraphs that name thousands of sectors would make
 * events × sectors links.  Even a hundred made an event of 130 bytes in the file cost
 * forty times that in memory. */
#define MAX_EVENT_SECTORS 32

/* Appends to @store the sectors @taken names, at once. */
static void
splice_sectors (GListStore *store,
                GArray     *taken,
                GPtrArray  *sectors)
{
  g_autofree gpointer *items = g_new (gpointer, MAX (taken->len, 1));

  for (guint i = 0; i < taken->len; i++)
    items[i] = g_ptr_array_index (sectors, g_array_index (taken, guint, i));
  g_list_store_splice (store, 0, 0, items, taken->len);
}

/* The path of @owner's term or name that is @pattern of @terms, and the term itself. */
static char *
find_term (Terms       *terms,
           guint        pattern,
           GPtrArray   *sectors,
           GListModel  *people,
           GPtrArray   *concepts,
           const char **term)
{
  const char *lowered = xinzhi_matcher_get_pattern (terms->matcher, pattern);
  guint owner = terms->owners[terms->owner_start[pattern]];
  g_autoptr(XinzhiPerson) person = NULL;
  g_autofree char *path = NULL;

  if (owner < sectors->len)
    {
      XinzhiSector *sector = g_ptr_array_index (sectors, owner);
      g_autofree char *tpath = NULL;
      guint t = 0;

      path = index_path ("$.sectors", owner);
      tpath = member_path (path, "terms");
      while (sector->terms[t + 1] != NULL && g_ascii_strcasecmp (sector->terms[t], lowered) != 0)
        t++;
      *term = sector->terms[t];
      return index_path (tpath, t);
    }

  if (owner >= sectors->len + g_list_model_get_n_items (people))
    {
      XinzhiConcept *concept = g_ptr_array_index (concepts, owner - sectors->len - g_list_model_get_n_items (people));
      g_autofree char *vpath = NULL;
      guint v = 0;

      path = index_path ("$.concepts", owner - sectors->len - g_list_model_get_n_items (people));
      vpath = member_path (path, "variants");
      while (concept->variants[v + 1] != NULL && g_ascii_strcasecmp (concept->variants[v], lowered) != 0)
        v++;
      *term = concept->variants[v];
      return index_path (vpath, v);
    }

  person = g_list_model_get_item (people, owner - sectors->len);
  path = index_path ("$.people", owner - sectors->len);
  if (g_ascii_strcasecmp (person->name, lowered) == 0)
    {
      *term = person->name;
      return member_path (path, "name");
    }
  if (person->name_zh != NULL && g_ascii_strcasecmp (person->name_zh, lowered) == 0)
    {
      *term = person->name_zh;
      return member_path (path, "name_zh");
    }
  for (guint v = 0; person->variants != NULL && person->variants[v] != NULL; v++)
    if (g_ascii_strcasecmp (person->variants[v], lowered) == 0)
      {
        g_autofree char *vpath = member_path (path, "variants");

        *term = person->variants[v];
        return index_path (vpath, v);
      }
  g_assert_not_reached ();
}

/* Adds @term, the @index-th (or the only one, if -1) of @member of the @item-th of
 * @kind, for @owner, and returns its pattern; reports it if too many share it, and
 * returns G_MAXUINT then, or if it is empty. */
static guint
add_term (Loader     *self,
          Terms      *terms,
          const char *term,
          guint       owner,
          const char *kind,
          guint       item,
          const char *member,
          gint        index)
{
  g_autofree char *ipath = NULL;
  g_autofree char *mpath = NULL;
  g_autofree char *path = NULL;
  guint pattern = terms_add (terms, term, owner);

  if (pattern != G_MAXUINT || *term == '\0')
    return pattern;

  ipath = index_path (kind, item);
  mpath = member_path (ipath, member);
  path = index >= 0 ? index_path (mpath, index) : g_strdup (mpath);
  problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
           _("“%s” is already a term or name of %u sectors, people or concepts; at most %u "
             "may share one (ASCII case aside)"),
           term, MAX_OWNERS, MAX_OWNERS);
  return G_MAXUINT;
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
  Links links = { 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GPtrArray) documents_in_order = g_ptr_array_new_full (n_documents, g_object_unref);
  guint n_threads;
  guint n_sectors = g_list_model_get_n_items (sectors);
  guint n_people = g_list_model_get_n_items (people);
  guint n_concepts = g_list_model_get_n_items (concepts);
  guint n_owners = n_sectors + n_people + n_concepts;
  guint max_ends, pattern;
  gsize n_records = 0;
  /* Every mention, document by document, each document's in the order found; and for
   * each sector and person, the indices of its records in order. */
  g_autoptr(GArray) records = NULL;
  g_autofree guint *n_mentions_of = NULL;   /* per owner: in the document at hand */
  g_autofree guint *total_of = NULL;        /* per owner: in all */
  g_autofree guint *place_of = NULL;        /* per owner: where its next record goes */
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GArray **indices_of = NULL;
  g_autofree GArray **documents_naming = NULL;   /* per person: of guint32 */
  /* Per pattern: the variant it is of the concept that owns it, if one does; and per
   * record, while concepts' mentions are made, the pattern it was found by. */
  g_autoptr(GArray) variant_of_pattern = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autofree guint32 *pattern_of_record = NULL;
  XinzhiMentionTable *table;
  g_autoptr(GPtrArray) sector_list = g_ptr_array_new_full (n_sectors, g_object_unref);
  g_autoptr(GPtrArray) concept_list = g_ptr_array_new_full (n_concepts, g_object_unref);
  g_autoptr(GHashTable) index_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) by_date = g_ptr_array_new_full (n_documents, g_object_unref);
  g_autoptr(GPtrArray) document_sectors = g_ptr_array_new_full (n_sectors, g_object_unref);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GArray **quotes_of = g_new0 (GArray *, MAX (n_documents, 1));
  g_autofree GArray **events_of = g_new0 (GArray *, MAX (n_documents, 1));
  g_autofree guint32 *event_of = g_new0 (guint32, MAX (n_documents, 1));

  begin_stage (self, STAGE_DERIVE,
               n_documents + g_list_model_get_n_items (quotes) + g_list_model_get_n_items (events) +
               n_documents);

  for (guint d = 0; d < n_documents; d++)
    {
      XinzhiDocument *document = g_list_model_get_item (documents, d);

      g_ptr_array_add (by_date, document);
      g_ptr_array_add (documents_in_order, g_object_ref (document));
      g_hash_table_insert (index_of, document, GUINT_TO_POINTER (d));
    }
  g_ptr_array_sort (by_date, compare_documents);

  /* Sector, person and concept mentions: every term, name and variant, in one pass over
   * each document. */
  terms_init (&terms, n_owners);
  for (guint s = 0; s < n_sectors; s++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, s);

      g_ptr_array_add (sector_list, g_object_ref (sector));
      for (guint t = 0; sector->terms[t]; t++)
        add_term (self, &terms, sector->terms[t], s, "$.sectors", s, "terms", t);
    }
  for (guint p = 0; p < n_people; p++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, p);

      add_term (self, &terms, person->name, n_sectors + p, "$.people", p, "name", -1);
      if (person->name_zh)
        add_term (self, &terms, person->name_zh, n_sectors + p, "$.people", p, "name_zh", -1);
      for (guint v = 0; person->variants && person->variants[v]; v++)
        add_term (self, &terms, person->variants[v], n_sectors + p, "$.people", p, "variants", v);
    }
  /* A pattern is the variant of at most one concept (read_concepts()), so it names
   * that variant for every concept mention found through it. */
  for (guint c = 0; c < n_concepts; c++)
    {
      XinzhiConcept *concept = g_list_model_get_item (concepts, c);

      g_ptr_array_add (concept_list, concept);
      for (guint v = 0; concept->variants[v]; v++)
        {
          guint variant_pattern = add_term (self, &terms, concept->variants[v], n_sectors + n_people + c,
                                            "$.concepts", c, "variants", v);

          if (variant_pattern == G_MAXUINT)
            continue;
          if (variant_pattern >= variant_of_pattern->len)
            g_array_set_size (variant_of_pattern, variant_pattern + 1);
          g_array_index (variant_of_pattern, guint, variant_pattern) = v;
        }
    }
  if (self->n_problems > 0 || cancelled (self))
    return;
  terms_ready (&terms);

  max_ends = xinzhi_matcher_get_max_ends (terms.matcher, &pattern);
  if (max_ends > MAX_ENDS)
    {
      const char *term;
      g_autofree char *path = find_term (&terms, pattern, sector_list, people, concept_list, &term);

      problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
               _("%u terms, names and variants end at one place of “%s”, each ending with the next "
                 "(as “ai” and “industrial ai” do); at most %u may"),
               max_ends, term, MAX_ENDS);
      return;
    }

  /* Scanning, shared among up to four threads, this one included; each document's
   * mentions are kept for the loop below, which takes them in document order. */
  scan.terms = &terms;
  scan.documents = documents_in_order;
  scan.found = g_new0 (Found *, MAX (n_documents, 1));
  scan.cancellable = self->cancellable;
  n_threads = n_documents >= 4 * SCAN_CHUNK ? CLAMP (g_get_num_processors (), 1, 4) : 1;
  for (guint t = 1; t < n_threads; t++)
    g_ptr_array_add (threads, g_thread_new ("xinzhi-scan", scan_thread, &scan));
  scanner_init (&scanner, &terms, self->cancellable);
  while (scan_chunk (&scan, &scanner))
    {
      /* Progress is reported from this thread only. */
      self->n_done = (guint) g_atomic_int_get (&scan.done);
      report (self, STAGE_DERIVE, (double) self->n_done / self->n_steps);
    }
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  self->n_done = n_documents;

  /* The matcher is done with, and the largest of what deriving holds; so is this
   * thread's scanner, which holds the occurrences of the last document it scanned. */
  g_clear_pointer (&terms.matcher, xinzhi_matcher_free);
  scanner_clear (&scanner);

  /* Each document's mentions go in as they always did: sector by sector, then person
   * by person, each in text order, a copy for each owner that keeps an occurrence;
   * each document's occurrences are let go once copied.  Unless the scan was
   * cancelled, every document was scanned. */
  for (guint d = 0; d < n_documents && !cancelled (self); d++)
    {
      const Found *found = scan.found[d];

      if (found->too_many > 0)
        {
          g_autofree char *path = index_path ("$.documents", d);

          /* Translators: the first and third numbers count mentions; the second,
           * characters; the last, characters per mention */
          problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
                   _("the document names sectors, people and concepts more than %lu times, "
                     "the most its %lu characters allow (%u, and one for every %u "
                     "characters); each occurrence of a term, name or variant counts once "
                     "for each sector, person or concept it belongs to"),
                   (gulong) found->too_many, (gulong) found->n_chars, MENTIONS_BESIDES,
                   CHARS_PER_MENTION);
        }
      n_records += found->n_mentions;
    }
  records = g_array_sized_new (FALSE, FALSE, sizeof (XinzhiMentionRecord), cancelled (self) ? 0 : n_records);
  n_mentions_of = g_new0 (guint, MAX (n_owners, 1));
  total_of = g_new0 (guint, MAX (n_owners, 1));
  place_of = g_new0 (guint, MAX (n_owners, 1));
  if (n_concepts > 0)
    pattern_of_record = g_new (guint32, MAX (n_records, 1));
  for (guint d = 0; d < n_documents && self->n_problems == 0 && !cancelled (self); d++)
    {
      XinzhiDocument *document = g_ptr_array_index (documents_in_order, d);
      g_autoptr(Found) found = g_steal_pointer (&scan.found[d]);
      guint next = records->len;

      /* Counted by owner, then placed owner by owner. */
      document->first_mention = records->len;
      document->n_mentions = found->n_mentions;
      g_array_set_size (records, records->len + found->n_mentions);
      g_array_set_size (touched, 0);
      for (guint i = 0; i < found->occurrences->len; i++)
        {
          const Occurrence *occurrence = &g_array_index (found->occurrences, Occurrence, i);
          const guint32 *owners = terms.owners + terms.owner_start[occurrence->pattern];

          for (guint8 kept = found->kept->data[i]; kept != 0; kept &= kept - 1)
            if (n_mentions_of[owners[g_bit_nth_lsf (kept, -1)]]++ == 0)
              g_array_append_val (touched, owners[g_bit_nth_lsf (kept, -1)]);
        }
      g_array_sort (touched, compare_uints);

      g_ptr_array_set_size (document_sectors, 0);
      for (guint t = 0; t < touched->len; t++)
        {
          guint owner = g_array_index (touched, guint, t);
          guint count = n_mentions_of[owner];

          place_of[owner] = next;
          next += count;
          n_mentions_of[owner] = 0;
          total_of[owner] += count;
          if (owner < n_sectors)
            {
              XinzhiSector *sector = g_ptr_array_index (sector_list, owner);

              sector->n_documents++;
              g_ptr_array_add (document_sectors, g_object_ref (sector));
              xinzhi_earliest_add (&sector->first_mention, &document->date, document->date_estimated);
            }
          else if (owner >= n_sectors + n_people)
            {
              XinzhiConcept *concept = g_ptr_array_index (concept_list, owner - n_sectors - n_people);

              concept->n_documents++;
            }
        }
      g_list_store_splice (document->sectors, 0, 0, document_sectors->pdata, document_sectors->len);

      for (guint i = 0; i < found->occurrences->len; i++)
        {
          const Occurrence *occurrence = &g_array_index (found->occurrences, Occurrence, i);
          const guint32 *owners = terms.owners + terms.owner_start[occurrence->pattern];

          for (guint8 kept = found->kept->data[i]; kept != 0; kept &= kept - 1)
            {
              guint32 owner = owners[g_bit_nth_lsf (kept, -1)];

              if (pattern_of_record != NULL)
                pattern_of_record[place_of[owner]] = occurrence->pattern;
              g_array_index (records, XinzhiMentionRecord, place_of[owner]++) =
                (XinzhiMentionRecord) { d, occurrence->paragraph, occurrence->start, occurrence->end, owner };
            }
        }
    }
  for (guint d = 0; d < n_documents; d++)
    g_clear_pointer (&scan.found[d], found_free);
  g_free (scan.found);
  if (self->n_problems > 0 || cancelled (self))
    return;

  /* Each sector's and person's mentions go by the date of their document (its rank by
   * date, then id), and those of one document in the order they were found, as they
   * did when they were sorted in a GListStore with g_list_store_sort(), which is
   * stable: taking the documents by date does that without a sort. */
  indices_of = g_new0 (GArray *, MAX (n_owners, 1));
  for (guint o = 0; o < n_owners; o++)
    indices_of[o] = g_array_sized_new (FALSE, FALSE, sizeof (guint32), total_of[o]);
  /* A document's records come owner by owner: each owner's run is added at once, and
   * for a person, the document, once, to those that name the person. */
  documents_naming = g_new0 (GArray *, MAX (n_people, 1));
  for (guint r = 0; r < n_documents && !cancelled (self); r++)
    {
      XinzhiDocument *document = g_ptr_array_index (by_date, r);
      guint32 end = document->first_mention + document->n_mentions;

      for (guint32 m = document->first_mention, next; m < end; m = next)
        {
          guint32 owner = g_array_index (records, XinzhiMentionRecord, m).owner;
          GArray *indices = indices_of[owner];
          guint32 d;

          for (next = m + 1; next < end && g_array_index (records, XinzhiMentionRecord, next).owner == owner; next++)
            ;
          g_array_set_size (indices, indices->len + (next - m));
          for (guint32 i = m; i < next; i++)
            g_array_index (indices, guint32, indices->len - (next - i)) = i;

          if (owner < n_sectors || owner >= n_sectors + n_people)
            continue;
          d = g_array_index (records, XinzhiMentionRecord, m).document;
          if (documents_naming[owner - n_sectors] == NULL)
            documents_naming[owner - n_sectors] = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_array_append_val (documents_naming[owner - n_sectors], d);
        }
    }

  for (guint s = 0; s < n_sectors; s++)
    {
      XinzhiSector *sector = g_ptr_array_index (sector_list, s);

      if (sector->n_documents == 0)
        {
          g_autofree char *path = index_path ("$.sectors", s);

          problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, path,
                   _("no term of sector “%s” occurs in any document"), sector->id);
        }

      sector->mention_indices = g_steal_pointer (&indices_of[s]);
    }

  /* Each concept's mentions, each with the variant it is, the pattern it was found by;
   * every variant must be found on its own somewhere, as every sector's terms must be
   * found together. */
  for (guint c = 0; c < n_concepts && !cancelled (self); c++)
    {
      XinzhiConcept *concept = g_ptr_array_index (concept_list, c);
      guint n_variants = g_strv_length (concept->variants);
      g_autofree guint *found = g_new0 (guint, n_variants);

      concept->mention_indices = g_steal_pointer (&indices_of[n_sectors + n_people + c]);
      g_array_set_size (concept->mention_variants, concept->mention_indices->len);
      for (guint m = 0; m < concept->mention_indices->len; m++)
        {
          guint32 record = g_array_index (concept->mention_indices, guint32, m);
          guint variant = g_array_index (variant_of_pattern, guint, pattern_of_record[record]);

          g_array_index (concept->mention_variants, guint, m) = variant;
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
  g_clear_pointer (&pattern_of_record, g_free);

  /* The people of each document, person by person: those it names, then those it gives
   * a role. */
  for (guint p = 0; p < n_people && !cancelled (self); p++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, p);
      g_autoptr(GArray) naming = g_steal_pointer (&documents_naming[p]);

      for (guint i = 0; naming != NULL && i < naming->len; i++)
        add_unique (seen, XINZHI_DOCUMENT (g_ptr_array_index (documents_in_order, g_array_index (naming, guint32, i)))->people,
                    person);
      for (guint r = 0; r < person->roles->len; r++)
        add_unique (seen, g_array_index (person->roles, XinzhiRole, r).document->people, person);

      person->mention_indices = g_steal_pointer (&indices_of[n_sectors + p]);
    }
  for (guint o = 0; o < n_owners; o++)
    g_clear_pointer (&indices_of[o], g_array_unref);
  for (guint p = 0; p < n_people; p++)
    g_clear_pointer (&documents_naming[p], g_array_unref);

  links.records = (const XinzhiMentionRecord *) (gpointer) records->data;
  links.n_sectors = n_sectors;
  links.places = g_new0 (GArray *, MAX (n_documents, 1));
  links.named = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, named_free);
  links.taken = g_new0 (guint32, MAX (n_sectors, 1));
  links.named_by = g_new0 (guint32, MAX (n_sectors, 1));

  /* Quotes: by speaker, by document, by event. */
  for (guint q = 0; q < g_list_model_get_n_items (quotes) && step (self, STAGE_DERIVE); q++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, q);
      guint d = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, quote->document));

      g_list_store_append (G_LIST_STORE (xinzhi_person_get_quotes (quote->person)), quote);
      if (quotes_of[d] == NULL)
        quotes_of[d] = g_array_new (FALSE, FALSE, sizeof (Ranked));
      g_array_append_val (quotes_of[d], ((Ranked) { quote, q }));

      g_array_set_size (taken, 0);
      links_take_quote (&links, d, quote, taken);
      splice_sectors (quote->sectors, taken, sector_list);

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

      g_array_set_size (taken, 0);
      links_begin (&links);
      for (guint s = 0; s < event->source_documents->len; s++)
        {
          XinzhiDocument *document = g_ptr_array_index (event->source_documents, s);
          guint paragraph = g_array_index (event->source_paragraphs, guint, s);
          guint d = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, document));
          Named *named;

          if (event_of[d] != e + 1)
            {
              event_of[d] = e + 1;
              if (events_of[d] == NULL)
                events_of[d] = g_array_new (FALSE, FALSE, sizeof (Ranked));
              g_array_append_val (events_of[d], ((Ranked) { event, e }));
            }

          /* A paragraph cited twice adds nothing. */
          named = links_get_named (&links, d, document, paragraph);
          if (named->mark == links.mark)
            continue;
          named->mark = links.mark;
          for (guint i = 0; i < named->sectors->len && taken->len <= MAX_EVENT_SECTORS; i++)
            links_take (&links, taken, g_array_index (named->sectors, guint, i));
          if (taken->len > MAX_EVENT_SECTORS || cancelled_after (self, 1 + named->sectors->len))
            break;
        }
      if (taken->len > MAX_EVENT_SECTORS)
        {
          g_autofree char *path = index_path ("$.events", e);
          g_autofree char *spath = member_path (path, "sources");

          problem (self, XINZHI_CORPUS_ERROR_LIMIT, spath,
                   _("the cited paragraphs name more than %u sectors; an event may name at most %u"),
                   MAX_EVENT_SECTORS, MAX_EVENT_SECTORS);
          continue;
        }
      splice_sectors (event->sectors, taken, sector_list);
    }

  for (guint d = 0; d < n_documents && step (self, STAGE_DERIVE); d++)
    {
      XinzhiDocument *document = g_ptr_array_index (documents_in_order, d);

      splice_sorted (document->quotes, quotes_of[d], compare_quotes_in_text);
      splice_sorted (document->events, events_of[d], compare_events);
    }
  for (guint d = 0; d < n_documents; d++)
    {
      g_clear_pointer (&quotes_of[d], g_array_unref);
      g_clear_pointer (&events_of[d], g_array_unref);
    }
  links_clear (&links, n_documents);
  for (guint e = 0; e < g_list_model_get_n_items (events) && !cancelled_after (self, 1); e++)
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
static gboolean
check_raw (Loader     *self,
           const char *data,
           gsize       size)
{
  const char *end = NULL;
  const char *nul;
  gsize valid = 0, checked;
  guint line, column;
  guint depth = 0;
  gsize next_step = 0;

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
  checked = nul ? (gsize) (nul - data) : size;
  /* A step at a time; a character cut at a step's end is taken up by the next. */
  while (valid < checked)
    {
      gsize length = MIN (UTF8_STEP, checked - valid);

      if (cancelled (self))
        return FALSE;
      if (!g_utf8_validate_len (data + valid, length, &end))
        {
          if (valid + length == checked || end < data + valid + length - 3)
            {
              line_and_column (data, end - data, &line, &column);
              problem (self, XINZHI_CORPUS_ERROR_ENCODING, NULL,
                       _("%u:%u: the file is not valid UTF-8 (byte 0x%02X at offset %lu)"),
                       line, column, (guchar) *end, (unsigned long) (end - data));
              return FALSE;
            }
          length = end - (data + valid);
        }
      valid += length;
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
          i++;
          if (!skip_string (data, size, &i))
            {
              line_and_column (data, i, &line, &column);
              problem (self, XINZHI_CORPUS_ERROR_ENCODING, NULL,
                       _("%u:%u: a string contains a NUL character (\\u0000)"), line, column);
              return FALSE;
            }
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              line_and_column (data, i, &line, &column);
              problem (self, XINZHI_CORPUS_ERROR_LIMIT, NULL,
                       _("%u:%u: JSON nested deeper than %u levels"), line, column, MAX_DEPTH);
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
typedef struct _Where Where;

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
  return where->member != NULL ? member_path (parent, where->member) : index_path (parent, where->index);
}

/* Whether @name, a member's name in the object at @where, follows the rules of a
 * string value: at most MAX_LINE_LENGTH characters and no unclosed bidirectional
 * control.  A name shows in the messages about its member (an unknown member's
 * place), where a long one froze the window and an open U+202E reversed the alert.
 * The messages below quote the name, but for a long one: problem() writes out its
 * controls. */
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
      problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
               _("a member name is %ld characters long; at most %ld are allowed here"),
               g_utf8_strlen (name, -1), (glong) MAX_LINE_LENGTH);
      return FALSE;
    }

  unclosed = unclosed_bidi (name);
  if (unclosed != 0)
    {
      g_autofree char *path = where_path (where);

      if (unclosed == TOO_DEEP)
        problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
                 _("the member name “%s” has bidirectional controls nested deeper than %u levels"),
                 name, MAX_BIDI_DEPTH);
      else
        problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
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
static void
check_names (Loader               *self,
             const XinzhiJsonNode *node,
             const Where          *where)
{
  const XinzhiJsonNode *child;
  guint i;

  if (cancelled_after (self, 1))
    return;

  if (xinzhi_json_node_get_type (node) == XINZHI_JSON_ARRAY)
    XINZHI_JSON_FOREACH_ELEMENT (node, i, child)
      {
        Where element = { where, NULL, i };

        check_names (self, child, &element);
      }
  else if (xinzhi_json_node_get_type (node) == XINZHI_JSON_OBJECT)
    {
      g_autoptr(GHashTable) seen = NULL;

      if (xinzhi_json_node_get_length (node) > MAX_MEMBERS)
        {
          g_autofree char *path = where_path (where);

          problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
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

              problem (self, XINZHI_CORPUS_ERROR_FORMAT, path,
                       _("the member “%s” is given twice in one object"), name);
              continue;
            }

          check_names (self, xinzhi_json_member_value (child), &member);
        }
    }
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
  g_clear_pointer (&self->places, g_hash_table_unref);
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

/* Told by the parser how far it has come, in bytes of the file. */
static gboolean
parse_progress_cb (gsize    offset,
                   gpointer user_data)
{
  Loader *self = user_data;

  if (cancelled (self))
    return FALSE;
  report (self, STAGE_PARSE, (double) offset / self->size);
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
  self.places = g_hash_table_new_full (place_hash, place_equal, g_free, NULL);
  result.documents = self.documents = g_list_store_new (XINZHI_TYPE_DOCUMENT);
  result.people = self.people = g_list_store_new (XINZHI_TYPE_PERSON);
  result.sectors = self.sectors = g_list_store_new (XINZHI_TYPE_SECTOR);
  result.events = self.events = g_list_store_new (XINZHI_TYPE_EVENT);
  result.quotes = self.quotes = g_list_store_new (XINZHI_TYPE_QUOTE);
  result.concepts = self.concepts = g_list_store_new (XINZHI_TYPE_CONCEPT);

  data = g_bytes_get_data (bytes, &size);
  self.size = size;
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

  /* Member names first: a name given twice, or one that no message may show, is
   * reported before any member is looked up or named. */
  check_names (&self, root, NULL);
  if (self.n_problems > 0 || cancelled (&self))
    goto failed;

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
  find_text_places (&self, xinzhi_json_object_get_member (root, "people"),
                    xinzhi_json_object_get_member (root, "quotes"));
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

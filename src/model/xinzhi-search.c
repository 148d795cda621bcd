/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* For memmem(). */
#define _GNU_SOURCE

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-model-private.h"
#include "xinzhi-search.h"
#include "xinzhi-search-private.h"

/* Search over the whole corpus: articles, quotes, events, concepts, sectors and people.
 *
 * Matching is on folded text: decomposed (NFKD), without combining marks, with case
 * folded, and with every run of spaces and dashes made one space, so that "pan" finds
 * "Pan", "energie" finds "énergie" and "high quality" finds "high-quality".  A query that
 * starts with a letter or digit of an alphabetic script matches only at the start of a
 * word ("AI" finds "AI Plus", not "said"; "quant" finds "quantum"; "new quality" finds
 * those words in sequence); Chinese, which has no spaces, matches anywhere.  A query
 * whose last word is written in capitals, as an abbreviation is, means that word whole:
 * "AI" finds "AI" and "AI-powered", not "aim", where "ai" would find both.
 *
 * The folded text of each kind is built once, on the first search, into one buffer with
 * a NUL after every field, so that a query (which holds no NUL) never matches across two
 * fields and each keystroke is one memmem() pass over each buffer.  A field that matches
 * is skipped after its first match at a word start: ranking counts the fields that
 * match, not every match.
 *
 * A query that begins a concept's, sector's or person's name, Chinese name, variant or
 * term means that concept, sector or person: the results then hold, besides the objects
 * whose own words match, the articles that mention it (by any of its terms, variants or
 * names, as the loader found them), the quotes whose words mention it, and a person's
 * quotes.  So 新质生产力 finds "new quality productive capacity", and "Pan Jiaofeng"
 * finds what he said and the article that spells him "Pan Jiafeng".  This follows the
 * mentions the loader derived, without reading the text again.
 *
 * The results of a kind are a GListModel of compact entries; the XinzhiSearchResult of
 * an entry, with the byte offsets of its matches in the original text, is made only
 * when asked for, so that a query matching every article costs no more than the scan. */

/* ---- Folding ------------------------------------------------------------------------ */

static inline gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether @c separates words as a space does: spaces of every kind and dashes, which
 * fold to one space. */
static inline gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_DASH_PUNCTUATION;
}

/* Whether @c belongs to a word of an alphabetic script, as the loader's terms see it:
 * a letter or digit that is not a wide (CJK) character. */
static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) && !g_unichar_iswide (c);
}

void
_xinzhi_search_fold_into (GString    *out,
                          const char *text,
                          gsize       length,
                          GArray     *map)
{
  const char *p = text;
  const char *end = text + length;
  gboolean after_space = FALSE;

  while (p < end)
    {
      guint32 offset = (guint32) (p - text);
      gsize before = out->len;
      guchar b = (guchar) *p;

      if (b < 0x80)
        {
          if (b == ' ' || b == '-' || (b >= '\t' && b <= '\r'))
            {
              if (!after_space)
                g_string_append_c (out, ' ');
              after_space = TRUE;
            }
          else
            {
              g_string_append_c (out, g_ascii_tolower (*p));
              after_space = FALSE;
            }
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
          gsize n;

          p = g_utf8_next_char (p);
          if (is_separator (c))
            {
              if (!after_space)
                g_string_append_c (out, ' ');
              after_space = TRUE;
              goto mapped;
            }
          /* Typographic apostrophes are typed as straight ones. */
          if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
            c = '\'';

          n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
          for (gsize i = 0; i < n; i++)
            {
              gunichar d = decomposed[i];
              char utf8[8];
              int len;

              if (is_mark (d))
                continue;
              after_space = FALSE;
              if (d < 0x80)
                {
                  g_string_append_c (out, g_ascii_tolower ((char) d));
                  continue;
                }

              len = g_unichar_to_utf8 (d, utf8);
              if (g_unichar_iswide (d))
                g_string_append_len (out, utf8, len);   /* Han and kana have no case. */
              else
                {
                  g_autofree char *folded = g_utf8_casefold (utf8, len);

                  g_string_append (out, folded);
                }
            }
        }

    mapped:
      if (map != NULL)
        for (gsize i = before; i < out->len; i++)
          g_array_append_val (map, offset);
    }
}

/* Whether the folded @text has the start of a word at byte @offset: no letter or digit
 * of an alphabetic script just before it. */
static gboolean
starts_word (const char *text,
             gsize       offset)
{
  guchar before;

  if (offset == 0)
    return TRUE;

  before = (guchar) text[offset - 1];
  if (before < 0x80)
    return !g_ascii_isalnum (before);
  return !is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, text + offset)));
}

/* Whether the folded text at @offset (the end of a match) ends a word. */
static gboolean
ends_word (const char *text,
           gsize       offset)
{
  guchar after = (guchar) text[offset];

  if (after < 0x80)
    return !g_ascii_isalnum (after);
  return !is_word_char (g_utf8_get_char (text + offset));
}

/* Whether a match of @query (as typed, not folded) must end a word: its last word is an
 * abbreviation in capitals ("AI", "5G", "NQPF"), at least two characters of
 * an alphabetic script with no lower-case letter. */
static gboolean
needs_word_end (const char *query)
{
  const char *end = query + strlen (query);
  const char *p = end;
  guint n_chars = 0;
  gboolean has_upper = FALSE;

  while (p > query)
    {
      const char *prev = g_utf8_find_prev_char (query, p);
      gunichar c = g_utf8_get_char (prev);

      if (!is_word_char (c))
        break;
      if (g_unichar_islower (c))
        return FALSE;
      has_upper |= g_unichar_isupper (c);
      n_chars++;
      p = prev;
    }

  return p < end && n_chars >= 2 && has_upper;
}

/* Whether a match of the folded @query must start a word. */
static gboolean
needs_word_start (const char *query)
{
  return *query != '\0' && is_word_char (g_utf8_get_char (query));
}

/* The query as matched: folded, without a space at either end. */
static char *
fold_query (const char *query)
{
  char *folded = xinzhi_search_fold (query, -1, NULL);

  return g_strstrip (folded);
}

/**
 * xinzhi_search_fold:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @map: (nullable): a #GArray of guint32, to which the original byte offset of the
 *   character that gave each folded byte is appended
 *
 * Folds @text for matching: NFKD, without combining marks, case folded, typographic
 * apostrophes made straight, and each run of spaces and dashes made one space.
 *
 * Returns: (transfer full): the folded text
 */
char *
xinzhi_search_fold (const char *text,
                    gssize      length,
                    GArray     *map)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  out = g_string_sized_new (length + 1);
  _xinzhi_search_fold_into (out, text, length, map);

  return g_string_free (out, FALSE);
}

/**
 * xinzhi_search_find_all:
 * @text: UTF-8 text
 * @query: what to look for, not yet folded
 *
 * Finds every match of @query in @text, as the search does: case and accent
 * insensitive, at the start of a word when @query starts with a letter or digit of an
 * alphabetic script, a whole word when its last word is an abbreviation in capitals,
 * without overlaps.
 *
 * Returns: (transfer full) (element-type XinzhiSearchRange): the byte ranges of the
 *   matches in @text, in order
 */
GArray *
xinzhi_search_find_all (const char *text,
                        const char *query)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (XinzhiSearchRange));
  g_autoptr(GArray) map = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *folded_query = NULL;
  g_autofree char *folded = NULL;
  gsize query_len, text_len;
  gboolean word_start, word_end;
  const char *p;

  g_return_val_if_fail (text != NULL, ranges);
  g_return_val_if_fail (query != NULL, ranges);

  folded_query = fold_query (query);
  query_len = strlen (folded_query);
  if (query_len == 0)
    return ranges;
  word_start = needs_word_start (folded_query);
  word_end = needs_word_end (query);

  text_len = strlen (text);
  folded = xinzhi_search_fold (text, text_len, map);

  for (p = strstr (folded, folded_query); p != NULL; )
    {
      gsize first = p - folded;
      gsize last = first + query_len - 1;
      guint32 last_char = g_array_index (map, guint32, last);
      XinzhiSearchRange range;

      if ((word_start && !starts_word (folded, first)) ||
          (word_end && !ends_word (folded, first + query_len)))
        {
          p = strstr (p + 1, folded_query);
          continue;
        }

      range.start = g_array_index (map, guint32, first);
      range.end = (guint) (g_utf8_next_char (text + last_char) - text);
      p = strstr (p + query_len, folded_query);
      /* A match that begins inside a character's expansion still marks it whole. */
      if (ranges->len > 0 &&
          g_array_index (ranges, XinzhiSearchRange, ranges->len - 1).end > range.start)
        continue;
      g_array_append_val (ranges, range);
    }

  return ranges;
}

/**
 * xinzhi_search_kind_get_name:
 * @kind: a kind of result
 *
 * Returns: the kind's name for files and the command line: "article", "quote",
 *   "event", "concept", "sector" or "person"; not translated
 */
const char *
xinzhi_search_kind_get_name (XinzhiSearchKind kind)
{
  static const char * const names[] = { "article", "quote", "event", "concept", "sector", "person" };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == XINZHI_SEARCH_N_KINDS);
  g_return_val_if_fail (kind < XINZHI_SEARCH_N_KINDS, NULL);

  return names[kind];
}

/* ---- What a query means ------------------------------------------------------------- */

/* The concepts, sectors and people a query names, shared by the results it found. */
typedef struct
{
  GPtrArray  *owners;   /* of GObject: XinzhiConcept, XinzhiSector or XinzhiPerson */
  GHashTable *set;      /* the same, borrowed, for lookups */
} Meaning;

static void
meaning_clear (gpointer data)
{
  Meaning *meaning = data;

  g_hash_table_unref (meaning->set);
  g_ptr_array_unref (meaning->owners);
}

static Meaning *
meaning_new (void)
{
  Meaning *meaning = g_rc_box_new0 (Meaning);

  meaning->owners = g_ptr_array_new_with_free_func (g_object_unref);
  meaning->set = g_hash_table_new (NULL, NULL);
  return meaning;
}

static Meaning *
meaning_ref (Meaning *meaning)
{
  return g_rc_box_acquire (meaning);
}

static void
meaning_unref (Meaning *meaning)
{
  g_rc_box_release_full (meaning, meaning_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Meaning, meaning_unref)

/* The concept, sector or person a mention is of. */
static GObject *
mention_owner (XinzhiMention *mention)
{
  if (xinzhi_mention_get_sector (mention) != NULL)
    return G_OBJECT (xinzhi_mention_get_sector (mention));
  if (xinzhi_mention_get_person (mention) != NULL)
    return G_OBJECT (xinzhi_mention_get_person (mention));
  return G_OBJECT (xinzhi_mention_get_concept (mention));
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const XinzhiSearchRange *ra = a, *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return ra->end < rb->end ? -1 : ra->end > rb->end;
}

/* Adds to @ranges the mentions, of what @meaning names, that lie in @paragraph of
 * @document between @from and @to, less @from; then puts them in order and joins those
 * that overlap. */
static void
add_mention_ranges (GArray         *ranges,
                    Meaning        *meaning,
                    XinzhiDocument *document,
                    guint           paragraph,
                    guint           from,
                    guint           to)
{
  GListModel *mentions = xinzhi_document_get_mentions (document);
  guint kept = 0;

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);
      XinzhiSearchRange range;

      if (xinzhi_mention_get_paragraph (mention) != paragraph ||
          xinzhi_mention_get_start (mention) < from || xinzhi_mention_get_end (mention) > to ||
          !g_hash_table_contains (meaning->set, mention_owner (mention)))
        continue;

      range.start = xinzhi_mention_get_start (mention) - from;
      range.end = xinzhi_mention_get_end (mention) - from;
      g_array_append_val (ranges, range);
    }

  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len; i++)
    {
      XinzhiSearchRange *range = &g_array_index (ranges, XinzhiSearchRange, i);
      XinzhiSearchRange *last = kept > 0 ? &g_array_index (ranges, XinzhiSearchRange, kept - 1) : NULL;

      if (last != NULL && range->start < last->end)
        last->end = MAX (last->end, range->end);
      else
        g_array_index (ranges, XinzhiSearchRange, kept++) = *range;
    }
  g_array_set_size (ranges, kept);
}

/* ---- Results ------------------------------------------------------------------------ */

struct _XinzhiSearchResult
{
  GObject           parent_instance;

  XinzhiSearchKind  kind;
  GObject          *item;
  const char       *text;       /* borrowed from item */
  guint             paragraph;
  guint             n_hits;
  gboolean          in_name;
  GObject          *via;
  char             *query;
  Meaning          *meaning;    /* NULL when the query names nothing */
  GArray           *ranges;     /* made when first asked for */
};

G_DEFINE_FINAL_TYPE (XinzhiSearchResult, xinzhi_search_result, G_TYPE_OBJECT)

static void
xinzhi_search_result_finalize (GObject *object)
{
  XinzhiSearchResult *self = XINZHI_SEARCH_RESULT (object);

  g_clear_object (&self->item);
  g_clear_object (&self->via);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->meaning, meaning_unref);
  g_clear_pointer (&self->ranges, g_array_unref);

  G_OBJECT_CLASS (xinzhi_search_result_parent_class)->finalize (object);
}

static void
xinzhi_search_result_class_init (XinzhiSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xinzhi_search_result_finalize;
}

static void
xinzhi_search_result_init (XinzhiSearchResult *self)
{
}

/**
 * xinzhi_search_result_get_kind:
 *
 * Returns: the kind of object found
 */
XinzhiSearchKind
xinzhi_search_result_get_kind (XinzhiSearchResult *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_RESULT (self), XINZHI_SEARCH_KIND_ARTICLE);
  return self->kind;
}

/**
 * xinzhi_search_result_get_item:
 *
 * Returns: (transfer none): the object found: a #XinzhiDocument, #XinzhiQuote,
 *   #XinzhiEvent, #XinzhiConcept, #XinzhiSector or #XinzhiPerson
 */
GObject *
xinzhi_search_result_get_item (XinzhiSearchResult *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_RESULT (self), NULL);
  return self->item;
}

/**
 * xinzhi_search_result_get_text:
 *
 * Returns: the original text of the first field that matched: an article's title or
 *   paragraph, a quote's words, an event's title or summary, a name, a term or a
 *   variant
 */
const char *
xinzhi_search_result_get_text (XinzhiSearchResult *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_RESULT (self), NULL);
  return self->text;
}

/**
 * xinzhi_search_result_get_paragraph:
 *
 * Returns: for an article, the paragraph of the text, or %XINZHI_SEARCH_TITLE when it
 *   is the title; for the other kinds, the index of the field (0 for the name or title)
 */
guint
xinzhi_search_result_get_paragraph (XinzhiSearchResult *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_RESULT (self), 0);
  return self->paragraph;
}

/**
 * xinzhi_search_result_get_n_hits:
 *
 * Returns: the number of the object's fields that match: for an article, its title
 *   and paragraphs; xinzhi_search_result_get_ranges() gives every match in one field
 */
guint
xinzhi_search_result_get_n_hits (XinzhiSearchResult *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_RESULT (self), 0);
  return self->n_hits;
}

/**
 * xinzhi_search_result_get_in_name:
 *
 * Returns: whether the object's title or name matched
 */
gboolean
xinzhi_search_result_get_in_name (XinzhiSearchResult *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_RESULT (self), FALSE);
  return self->in_name;
}

/**
 * xinzhi_search_result_get_via:
 *
 * Returns: (transfer none) (nullable): when the object's own words do not match the
 *   query, the concept, sector or person the query names through which it was found
 *   (an article that mentions it, a quote that mentions it or that the person said);
 *   %NULL when its own words match
 */
GObject *
xinzhi_search_result_get_via (XinzhiSearchResult *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_RESULT (self), NULL);
  return self->via;
}

/**
 * xinzhi_search_result_get_ranges:
 * @n_ranges: (out): the number of ranges
 *
 * Returns: (array length=n_ranges): the byte ranges of the matches in the text, in
 *   order and not overlapping: the query's words, and the mentions of what the query
 *   names (the English renderings of a concept searched for in Chinese, say)
 */
const XinzhiSearchRange *
xinzhi_search_result_get_ranges (XinzhiSearchResult *self,
                                 guint              *n_ranges)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_RESULT (self), NULL);
  g_return_val_if_fail (n_ranges != NULL, NULL);

  if (self->ranges == NULL)
    {
      self->ranges = xinzhi_search_find_all (self->text, self->query);

      if (self->meaning != NULL && self->kind == XINZHI_SEARCH_KIND_ARTICLE &&
          self->paragraph != XINZHI_SEARCH_TITLE)
        add_mention_ranges (self->ranges, self->meaning, XINZHI_DOCUMENT (self->item),
                            self->paragraph, 0, G_MAXUINT);
      else if (self->meaning != NULL && self->kind == XINZHI_SEARCH_KIND_QUOTE)
        {
          XinzhiQuote *quote = XINZHI_QUOTE (self->item);

          add_mention_ranges (self->ranges, self->meaning, xinzhi_quote_get_document (quote),
                              xinzhi_quote_get_paragraph (quote),
                              xinzhi_quote_get_start (quote), xinzhi_quote_get_end (quote));
        }
    }

  *n_ranges = self->ranges->len;
  return (const XinzhiSearchRange *) (gpointer) self->ranges->data;
}

/* ---- The results of one kind, as a list model --------------------------------------- */

#define XINZHI_TYPE_SEARCH_RESULTS (xinzhi_search_results_get_type ())

G_DECLARE_FINAL_TYPE (XinzhiSearchResults, xinzhi_search_results, XINZHI, SEARCH_RESULTS, GObject)

struct _XinzhiSearchResults
{
  GObject           parent_instance;

  XinzhiSearchKind  kind;
  Index            *index;      /* borrowed from the search, which outlives its use */
  GArray           *entries;
  char             *query;
  Meaning          *meaning;
};

static GType
xinzhi_search_results_get_item_type (GListModel *model)
{
  return XINZHI_TYPE_SEARCH_RESULT;
}

static guint
xinzhi_search_results_get_n_items (GListModel *model)
{
  return XINZHI_SEARCH_RESULTS (model)->entries->len;
}

static gpointer
xinzhi_search_results_get_item (GListModel *model,
                                guint       position)
{
  XinzhiSearchResults *self = XINZHI_SEARCH_RESULTS (model);
  XinzhiSearchResult *result;
  const Entry *entry;
  const Field *field;

  if (position >= self->entries->len)
    return NULL;

  entry = &g_array_index (self->entries, Entry, position);
  field = &g_array_index (self->index->fields, Field, entry->first_field);

  result = g_object_new (XINZHI_TYPE_SEARCH_RESULT, NULL);
  result->kind = self->kind;
  result->item = g_object_ref (g_ptr_array_index (self->index->items, entry->item));
  result->paragraph = field->paragraph;
  result->text = _xinzhi_search_field_text (self->kind, result->item, field->paragraph);
  result->n_hits = entry->hits;
  result->in_name = entry->name_hits > 0;
  result->query = g_strdup (self->query);
  if (self->meaning != NULL)
    {
      result->meaning = meaning_ref (self->meaning);
      if (entry->via != DIRECT)
        result->via = g_object_ref (g_ptr_array_index (self->meaning->owners, entry->via));
    }

  return result;
}

static void
xinzhi_search_results_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = xinzhi_search_results_get_item_type;
  iface->get_n_items = xinzhi_search_results_get_n_items;
  iface->get_item = xinzhi_search_results_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (XinzhiSearchResults, xinzhi_search_results, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      xinzhi_search_results_list_model_init))

static void
xinzhi_search_results_finalize (GObject *object)
{
  XinzhiSearchResults *self = XINZHI_SEARCH_RESULTS (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->meaning, meaning_unref);

  G_OBJECT_CLASS (xinzhi_search_results_parent_class)->finalize (object);
}

static void
xinzhi_search_results_class_init (XinzhiSearchResultsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xinzhi_search_results_finalize;
}

static void
xinzhi_search_results_init (XinzhiSearchResults *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
}

/* Replaces the entries, telling the views. */
static void
results_replace (XinzhiSearchResults *self,
                 GArray              *entries,
                 const char          *query,
                 Meaning             *meaning)
{
  guint removed = self->entries->len;

  g_array_unref (self->entries);
  self->entries = entries;
  g_free (self->query);
  self->query = g_strdup (query);
  g_clear_pointer (&self->meaning, meaning_unref);
  if (meaning != NULL)
    self->meaning = meaning_ref (meaning);

  if (removed > 0 || entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, entries->len);
}

/* ---- The search --------------------------------------------------------------------- */

struct _XinzhiSearch
{
  GObject              parent_instance;

  XinzhiCorpus        *corpus;
  char                *query;      /* the query the results are of */
  char                *asked;      /* the query asked for last, maybe still searched */
  guint                generation; /* of the query asked for last */
  GMutex               index_lock; /* held while the index is built, in whichever thread */
  gboolean             indexed;
  GArray              *owners;     /* of OwnerMentions, taken for the index, until it is built */
  Index                indexes[XINZHI_SEARCH_N_KINDS];
  Quoted               quoted;
  GHashTable          *reaches;    /* concept, sector or person → Reach */
  XinzhiSearchResults *results[XINZHI_SEARCH_N_KINDS];
  GListStore          *meant;
};

/* Searches still running in a thread, in the process. */
static guint n_searching;

G_DEFINE_FINAL_TYPE (XinzhiSearch, xinzhi_search, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kinds whose objects a query names, when it begins one of their names. */
static const XinzhiSearchKind named_kinds[] = {
  XINZHI_SEARCH_KIND_CONCEPT, XINZHI_SEARCH_KIND_SECTOR, XINZHI_SEARCH_KIND_PERSON,
};

/* Takes, on the main thread, where the concepts', sectors' and people's mentions are,
 * for the index to be built from, in whichever thread: their views may make their
 * lists of mentions meanwhile. */
static void
take_owners (XinzhiSearch *self)
{
  GListModel *models[] = {
    xinzhi_corpus_get_concepts (self->corpus),
    xinzhi_corpus_get_sectors (self->corpus),
    xinzhi_corpus_get_people (self->corpus),
  };

  if (self->owners != NULL || self->corpus == NULL)
    return;

  self->owners = g_array_new (FALSE, TRUE, sizeof (OwnerMentions));
  g_array_set_clear_func (self->owners, _xinzhi_search_owner_mentions_clear);
  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; i < g_list_model_get_n_items (models[m]); i++)
      {
        g_autoptr(GObject) owner = g_list_model_get_item (models[m], i);
        OwnerMentions mentions;

        _xinzhi_search_owner_mentions_init (&mentions, owner);
        g_array_append_val (self->owners, mentions);
      }
}

/* Builds the index on the first search.  It reads only what the corpus never changes
 * (texts, names, dates, the quotes' places) and the mentions take_owners() took, so it
 * may run in a search's thread; the lock keeps two searches from building it at once. */
static void
ensure_indexed (XinzhiSearch *self)
{
  GListModel *models[XINZHI_SEARCH_N_KINDS];
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->index_lock);

  if (self->indexed)
    return;

  models[XINZHI_SEARCH_KIND_ARTICLE] = xinzhi_corpus_get_documents (self->corpus);
  models[XINZHI_SEARCH_KIND_QUOTE] = xinzhi_corpus_get_quotes (self->corpus);
  models[XINZHI_SEARCH_KIND_EVENT] = xinzhi_corpus_get_events (self->corpus);
  models[XINZHI_SEARCH_KIND_CONCEPT] = xinzhi_corpus_get_concepts (self->corpus);
  models[XINZHI_SEARCH_KIND_SECTOR] = xinzhi_corpus_get_sectors (self->corpus);
  models[XINZHI_SEARCH_KIND_PERSON] = xinzhi_corpus_get_people (self->corpus);

  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    _xinzhi_search_index_build (&self->indexes[k], k, models[k]);
  _xinzhi_search_quoted_build (&self->quoted, &self->indexes[XINZHI_SEARCH_KIND_ARTICLE],
                &self->indexes[XINZHI_SEARCH_KIND_QUOTE]);

  self->reaches = g_hash_table_new_full (NULL, NULL, NULL, _xinzhi_search_reach_free);
  for (guint i = 0; i < self->owners->len; i++)
    {
      const OwnerMentions *mentions = &g_array_index (self->owners, OwnerMentions, i);

      g_hash_table_insert (self->reaches, mentions->owner,
                           _xinzhi_search_reach_new (mentions, &self->indexes[XINZHI_SEARCH_KIND_ARTICLE],
                                                     &self->indexes[XINZHI_SEARCH_KIND_QUOTE], &self->quoted));
    }

  self->indexed = TRUE;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  guint64 ra = ((const Entry *) a)->rank;
  guint64 rb = ((const Entry *) b)->rank;

  /* Equal ranks keep the corpus order: the sort is stable. */
  return ra > rb ? -1 : ra < rb;
}

/* One pass of memmem() over the folded text of a kind: the fields that match, in
 * order, and of them, in @at_start (when given), those that begin with the query.
 * With @word_end, a match must also end a word. */
GArray *
_xinzhi_search_scan (Index      *index,
                     const char *query,
                     gsize       query_len,
                     gboolean    word_end,
                     GArray     *at_start)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  const Field *fields = (const Field *) (gpointer) index->fields->data;
  guint n_fields = index->fields->len;
  const char *text = index->text->str;
  gsize len = index->text->len;
  gboolean word_start = needs_word_start (query);
  gsize pos = 0;
  guint f = 0;

  if (query_len == 0 || n_fields == 0)
    return hits;

  while (pos < len)
    {
      const char *found = memmem (text + pos, len - pos, query, query_len);
      gsize offset;

      if (found == NULL)
        break;

      offset = found - text;
      if ((word_start && !starts_word (text, offset)) ||
          (word_end && !ends_word (text, offset + query_len)))
        {
          /* Inside a word ("ai" in "said", or "AI" in "aim"): look on from the next
           * byte. */
          pos = offset + 1;
          continue;
        }

      while (f + 1 < n_fields && fields[f + 1].start <= offset)
        f++;
      g_array_append_val (hits, ((Hit) { f, DIRECT }));
      /* The first match in a field is its leftmost: the field begins with the query
       * exactly when that match is at the field's start. */
      if (at_start != NULL && offset == fields[f].start)
        g_array_append_val (at_start, fields[f].item);

      /* One hit per field is enough to rank by: go on at the next field.  The matches
       * inside a field are found when a row asks for them. */
      if (f + 1 < n_fields)
        pos = fields[f + 1].start;
      else
        break;
    }

  return hits;
}

/* Turns the hits of a kind, in field order, into its entries, most relevant first:
 * names and titles first, then the most fields (paragraphs) that match, then the
 * newest. */
static GArray *
collect (Index  *index,
         GArray *hits)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  const Field *fields = (const Field *) (gpointer) index->fields->data;
  guint32 last_field = G_MAXUINT32;

  for (guint h = 0; h < hits->len; h++)
    {
      const Hit *hit = &g_array_index (hits, Hit, h);
      const Field *field = &fields[hit->field];
      Entry *entry;

      /* The fields of an item are together, in the order of the items. */
      if (entries->len == 0 ||
          g_array_index (entries, Entry, entries->len - 1).item != field->item)
        {
          Entry new_entry = { field->item, 0, 0, hit->field, hit->via, 0 };

          g_array_append_val (entries, new_entry);
        }
      entry = &g_array_index (entries, Entry, entries->len - 1);

      /* A field found both ways, or through several mentions, counts once; a field
       * has one direct hit at most. */
      if (hit->field != last_field)
        entry->hits++;
      if (hit->via == DIRECT)
        {
          entry->via = DIRECT;
          if (field->is_name)
            entry->name_hits++;
        }
      last_field = hit->field;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);

      entry->rank = ((guint64) (entry->name_hits > 0) << 63) |
                    ((guint64) MIN (entry->hits, 0x7fffffff) << 32) |
                    index->days[entry->item];
    }
  g_array_sort (entries, compare_entries);

  return entries;
}

/* The direct hits of a kind, in field order, with those that following what the query
 * names reached (@via, per field), in field order too. */
static GArray *
merge_hits (GArray        *direct,
            const guint32 *via,
            guint          n_fields)
{
  GArray *hits = g_array_sized_new (FALSE, FALSE, sizeof (Hit), direct->len);
  guint d = 0;

  for (guint32 f = 0; f < n_fields; f++)
    {
      if (d < direct->len && g_array_index (direct, Hit, d).field == f)
        {
          g_array_append_val (hits, g_array_index (direct, Hit, d));
          d++;
        }
      if (via[f] != DIRECT)
        g_array_append_val (hits, ((Hit) { f, via[f] }));
    }

  g_array_unref (direct);
  return hits;
}

/* A per-field array of owners, none yet. */
static guint32 *
new_via (Index *index)
{
  guint n = MAX (index->fields->len, 1);
  guint32 *via = g_new (guint32, n);

  memset (via, 0xff, n * sizeof (guint32));   /* DIRECT in every field: none */
  return via;
}

static void
xinzhi_search_dispose (GObject *object)
{
  XinzhiSearch *self = XINZHI_SEARCH (object);

  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    {
      /* A view may hold the results longer: they keep what they found, nothing else. */
      if (self->results[k] != NULL)
        results_replace (self->results[k], g_array_new (FALSE, FALSE, sizeof (Entry)), "", NULL);
      g_clear_object (&self->results[k]);
      _xinzhi_search_index_clear (&self->indexes[k]);
    }
  _xinzhi_search_quoted_clear (&self->quoted);
  g_clear_pointer (&self->reaches, g_hash_table_unref);
  g_clear_pointer (&self->owners, g_array_unref);
  self->indexed = FALSE;
  if (self->meant != NULL)
    g_list_store_remove_all (self->meant);
  g_clear_object (&self->meant);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (xinzhi_search_parent_class)->dispose (object);
}

static void
xinzhi_search_finalize (GObject *object)
{
  XinzhiSearch *self = XINZHI_SEARCH (object);

  g_free (self->query);
  g_free (self->asked);
  g_mutex_clear (&self->index_lock);

  G_OBJECT_CLASS (xinzhi_search_parent_class)->finalize (object);
}

static void
xinzhi_search_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XinzhiSearch *self = XINZHI_SEARCH (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_search_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XinzhiSearch *self = XINZHI_SEARCH (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      self->corpus = g_value_dup_object (value);
      break;
    case PROP_QUERY:
      xinzhi_search_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_search_class_init (XinzhiSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_search_dispose;
  object_class->finalize = xinzhi_search_finalize;
  object_class->get_property = xinzhi_search_get_property;
  object_class->set_property = xinzhi_search_set_property;

  properties[PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL,
                         XINZHI_TYPE_CORPUS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xinzhi_search_init (XinzhiSearch *self)
{
  self->query = g_strdup ("");
  g_mutex_init (&self->index_lock);
  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    {
      self->results[k] = g_object_new (XINZHI_TYPE_SEARCH_RESULTS, NULL);
      self->results[k]->kind = k;
      self->results[k]->index = &self->indexes[k];
    }
  self->meant = g_list_store_new (G_TYPE_OBJECT);
}

/**
 * xinzhi_search_new:
 * @corpus: the corpus to search
 *
 * Returns: (transfer full): a new search, with an empty query.  The index is built on
 *   the first search.
 */
XinzhiSearch *
xinzhi_search_new (XinzhiCorpus *corpus)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (corpus), NULL);

  return g_object_new (XINZHI_TYPE_SEARCH, "corpus", corpus, NULL);
}

/**
 * xinzhi_search_get_corpus:
 *
 * Returns: (transfer none): the corpus searched
 */
XinzhiCorpus *
xinzhi_search_get_corpus (XinzhiSearch *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH (self), NULL);
  return self->corpus;
}

/**
 * xinzhi_search_get_query:
 *
 * Returns: the query, as given
 */
const char *
xinzhi_search_get_query (XinzhiSearch *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH (self), NULL);
  return self->query;
}

/**
 * xinzhi_search_get_results:
 * @kind: a kind of object
 *
 * Returns: (transfer none): a #GListModel of #XinzhiSearchResult for the objects of
 *   @kind that match the query, most relevant first; it changes with the query
 */
GListModel *
xinzhi_search_get_results (XinzhiSearch     *self,
                           XinzhiSearchKind  kind)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH (self), NULL);
  g_return_val_if_fail (kind < XINZHI_SEARCH_N_KINDS, NULL);

  return G_LIST_MODEL (self->results[kind]);
}

/**
 * xinzhi_search_get_n_results:
 *
 * Returns: the number of results of every kind together
 */
guint
xinzhi_search_get_n_results (XinzhiSearch *self)
{
  guint n = 0;

  g_return_val_if_fail (XINZHI_IS_SEARCH (self), 0);

  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    n += self->results[k]->entries->len;

  return n;
}

/**
 * xinzhi_search_get_meant:
 *
 * Returns: (transfer none): the concepts, sectors and people the query names (it
 *   begins one of their names, variants or terms), whose articles and quotes the
 *   results hold too; it changes with the query
 */
GListModel *
xinzhi_search_get_meant (XinzhiSearch *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH (self), NULL);
  return G_LIST_MODEL (self->meant);
}

/* What one query found in the index: the part of a search that may run in a thread. */
typedef struct
{
  char     *query;                          /* as asked */
  char     *stripped;                       /* without the spaces around it */
  guint     generation;
  GArray   *entries[XINZHI_SEARCH_N_KINDS]; /* of Entry, ranked; NULL: none sought */
  Meaning  *meaning;                        /* NULL when the query names nothing */
} Found;

static void
found_free (Found *found)
{
  g_free (found->query);
  g_free (found->stripped);
  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    g_clear_pointer (&found->entries[k], g_array_unref);
  g_clear_pointer (&found->meaning, meaning_unref);
  g_free (found);
}

static Found *
found_new (const char *query,
           guint       generation)
{
  Found *found = g_new0 (Found, 1);

  found->query = g_strdup (query);
  found->stripped = g_strstrip (g_strdup (query));
  found->generation = generation;
  return found;
}

/* Searches the index for @found's query, ranking what it finds.  It reads only the
 * index (and the corpus's texts, which never change), so it runs in a thread as well as
 * on the main thread. */
static void
scan_all (XinzhiSearch *self,
          Found        *found)
{
  g_autofree char *folded = fold_query (found->stripped);
  gsize folded_len = strlen (folded);
  gboolean word_end = needs_word_end (found->stripped);
  GArray *hits[XINZHI_SEARCH_N_KINDS] = { NULL, };
  Meaning *meaning;

  if (*folded == '\0' || self->corpus == NULL)
    return;

  ensure_indexed (self);

  /* The concepts, sectors and people first: those whose names begin with the query are
   * what it names. */
  meaning = found->meaning = meaning_new ();
  for (guint n = 0; n < G_N_ELEMENTS (named_kinds); n++)
    {
      Index *index = &self->indexes[named_kinds[n]];
      g_autoptr(GArray) at_start = g_array_new (FALSE, FALSE, sizeof (guint32));

      hits[named_kinds[n]] = _xinzhi_search_scan (index, folded, folded_len, word_end, at_start);
      for (guint i = 0; i < at_start->len; i++)
        {
          GObject *owner = g_ptr_array_index (index->items, g_array_index (at_start, guint32, i));

          if (g_hash_table_add (meaning->set, owner))
            g_ptr_array_add (meaning->owners, g_object_ref (owner));
        }
    }

  for (XinzhiSearchKind k = XINZHI_SEARCH_KIND_ARTICLE; k <= XINZHI_SEARCH_KIND_EVENT; k++)
    hits[k] = _xinzhi_search_scan (&self->indexes[k], folded, folded_len, word_end, NULL);

  /* Then the articles and quotes that what it names leads to. */
  if (meaning->owners->len > 0)
    {
      Index *articles = &self->indexes[XINZHI_SEARCH_KIND_ARTICLE];
      Index *quotes = &self->indexes[XINZHI_SEARCH_KIND_QUOTE];
      g_autofree guint32 *article_via = new_via (articles);
      g_autofree guint32 *quote_via = new_via (quotes);

      for (guint o = 0; o < meaning->owners->len; o++)
        {
          const Reach *reach = g_hash_table_lookup (self->reaches, g_ptr_array_index (meaning->owners, o));

          _xinzhi_search_mark_fields (article_via, reach->article_fields, o);
          _xinzhi_search_mark_fields (quote_via, reach->quote_fields, o);
        }
      hits[XINZHI_SEARCH_KIND_ARTICLE] = merge_hits (hits[XINZHI_SEARCH_KIND_ARTICLE],
                                                     article_via, articles->fields->len);
      hits[XINZHI_SEARCH_KIND_QUOTE] = merge_hits (hits[XINZHI_SEARCH_KIND_QUOTE],
                                                   quote_via, quotes->fields->len);
    }
  else
    g_clear_pointer (&found->meaning, meaning_unref);

  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    {
      found->entries[k] = collect (&self->indexes[k], hits[k]);
      g_array_unref (hits[k]);
    }
}

/* Makes @found the results, on the main thread, and tells the views. */
static void
apply_found (XinzhiSearch *self,
             Found        *found)
{
  g_free (self->query);
  self->query = g_strdup (found->query);

  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    {
      GArray *entries = found->entries[k] != NULL ? g_steal_pointer (&found->entries[k])
                                                  : g_array_new (FALSE, FALSE, sizeof (Entry));

      results_replace (self->results[k], entries, found->stripped, found->meaning);
    }

  g_list_store_remove_all (self->meant);
  if (found->meaning != NULL)
    g_list_store_splice (self->meant, 0, 0, found->meaning->owners->pdata, found->meaning->owners->len);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/* Whether @query is what was asked for last, and so nothing to do. */
static gboolean
asked_already (XinzhiSearch *self,
               const char   *query)
{
  return g_str_equal (query, self->asked != NULL ? self->asked : self->query);
}

/**
 * xinzhi_search_set_query:
 * @query: (nullable): what to look for; leading and trailing spaces do not count
 *
 * Searches the corpus for @query, replacing the results of every kind, before it
 * returns.  A search still running in a thread (xinzhi_search_set_query_async()) is
 * then left unused.
 */
void
xinzhi_search_set_query (XinzhiSearch *self,
                         const char   *query)
{
  Found *found;

  g_return_if_fail (XINZHI_IS_SEARCH (self));

  if (query == NULL)
    query = "";
  if (asked_already (self, query) && g_str_equal (query, self->query))
    return;

  g_clear_pointer (&self->asked, g_free);
  found = found_new (query, ++self->generation);
  take_owners (self);
  scan_all (self, found);
  apply_found (self, found);
  found_free (found);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  scan_all (XINZHI_SEARCH (source_object), task_data);
  g_task_return_boolean (task, TRUE);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  XinzhiSearch *self = XINZHI_SEARCH (object);
  Found *found = g_task_get_task_data (G_TASK (result));

  n_searching--;
  /* Only the query asked for last becomes the results: an older one, still running
   * when the person typed on, is dropped. */
  if (found->generation != self->generation || self->asked == NULL)
    return;

  g_clear_pointer (&self->asked, g_free);
  apply_found (self, found);
}

/**
 * xinzhi_search_set_query_async:
 * @query: (nullable): what to look for; leading and trailing spaces do not count
 *
 * Searches the corpus for @query as xinzhi_search_set_query() does, but builds the
 * index (on the first search) and scans it in a thread, so that typing never waits
 * for it: the results of every kind are replaced on the main thread when the scan is
 * done, unless another query was asked for meanwhile.  Until then the results and
 * xinzhi_search_get_query() are those of the query before.
 */
void
xinzhi_search_set_query_async (XinzhiSearch *self,
                               const char   *query)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XINZHI_IS_SEARCH (self));

  if (query == NULL)
    query = "";
  if (asked_already (self, query))
    return;

  g_free (self->asked);
  self->asked = g_strdup (query);
  task = g_task_new (self, NULL, search_done_cb, NULL);
  g_task_set_source_tag (task, xinzhi_search_set_query_async);
  g_task_set_task_data (task, found_new (query, ++self->generation), (GDestroyNotify) found_free);
  n_searching++;
  take_owners (self);
  g_task_run_in_thread (task, search_thread);
}

/**
 * xinzhi_search_is_searching:
 *
 * Returns: whether a query asked for with xinzhi_search_set_query_async() is still
 *   being searched for
 */
gboolean
xinzhi_search_is_searching (XinzhiSearch *self)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH (self), FALSE);
  return self->asked != NULL;
}

/**
 * xinzhi_search_get_n_searching:
 *
 * Returns: how many searches of the process still run in a thread: a test that reads
 *   results waits for none
 */
guint
xinzhi_search_get_n_searching (void)
{
  return n_searching;
}

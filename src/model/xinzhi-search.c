/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* For memmem(). */
#define _GNU_SOURCE

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-search.h"

/* Search over the whole corpus: articles, quotes, events, sectors and people.
 *
 * Matching is on folded text: decomposed (NFKD), without combining marks, and with case
 * folded, so that "pan" finds "Pan" and "energie" finds "énergie".  The folded text of
 * each kind is built once, on the first search, into one buffer with a NUL after every
 * field, so that a query (which holds no NUL) never matches across two fields and each
 * keystroke is one memmem() pass over each buffer.  A field that matches is skipped
 * after its first match: ranking counts the fields that match, not every match.  Chinese needs no word boundaries:
 * this is substring matching.
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

static void
fold_into (GString    *out,
           const char *text,
           gsize       length,
           GArray     *map)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      guint32 offset = (guint32) (p - text);
      gsize before = out->len;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
          gsize n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));

          for (gsize i = 0; i < n; i++)
            {
              gunichar d = decomposed[i];
              char utf8[8];
              int len;

              if (is_mark (d))
                continue;
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
          p = g_utf8_next_char (p);
        }

      if (map != NULL)
        for (gsize i = before; i < out->len; i++)
          g_array_append_val (map, offset);
    }
}

/**
 * xinzhi_search_fold:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @map: (nullable): a #GArray of guint32, to which the original byte offset of the
 *   character that gave each folded byte is appended
 *
 * Folds @text for matching: NFKD, without combining marks, case folded.
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
  fold_into (out, text, length, map);

  return g_string_free (out, FALSE);
}

/**
 * xinzhi_search_find_all:
 * @text: UTF-8 text
 * @query: what to look for, not yet folded
 *
 * Finds every match of @query in @text, as the search does: case and accent
 * insensitive, without overlaps.
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
  const char *p;

  g_return_val_if_fail (text != NULL, ranges);
  g_return_val_if_fail (query != NULL, ranges);

  folded_query = xinzhi_search_fold (query, -1, NULL);
  query_len = strlen (folded_query);
  if (query_len == 0)
    return ranges;

  text_len = strlen (text);
  folded = xinzhi_search_fold (text, text_len, map);

  for (p = strstr (folded, folded_query); p != NULL; p = strstr (p + query_len, folded_query))
    {
      gsize first = p - folded;
      gsize last = first + query_len - 1;
      guint32 last_char = g_array_index (map, guint32, last);
      XinzhiSearchRange range;

      range.start = g_array_index (map, guint32, first);
      range.end = (guint) (g_utf8_next_char (text + last_char) - text);
      /* A match that begins inside a character's expansion still marks it whole. */
      if (ranges->len > 0 &&
          g_array_index (ranges, XinzhiSearchRange, ranges->len - 1).end > range.start)
        continue;
      g_array_append_val (ranges, range);
    }

  return ranges;
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
  char             *query;
  GArray           *ranges;     /* made when first asked for */
};

G_DEFINE_FINAL_TYPE (XinzhiSearchResult, xinzhi_search_result, G_TYPE_OBJECT)

static void
xinzhi_search_result_finalize (GObject *object)
{
  XinzhiSearchResult *self = XINZHI_SEARCH_RESULT (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->query, g_free);
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
 *   #XinzhiEvent, #XinzhiSector or #XinzhiPerson
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
 *   paragraph, a quote's words, an event's title or summary, a name or a term
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
 * xinzhi_search_result_get_ranges:
 * @n_ranges: (out): the number of ranges
 *
 * Returns: (array length=n_ranges): the byte ranges of the matches in the text
 */
const XinzhiSearchRange *
xinzhi_search_result_get_ranges (XinzhiSearchResult *self,
                                 guint              *n_ranges)
{
  g_return_val_if_fail (XINZHI_IS_SEARCH_RESULT (self), NULL);
  g_return_val_if_fail (n_ranges != NULL, NULL);

  if (self->ranges == NULL)
    self->ranges = xinzhi_search_find_all (self->text, self->query);

  *n_ranges = self->ranges->len;
  return (const XinzhiSearchRange *) (gpointer) self->ranges->data;
}

/* ---- The index ---------------------------------------------------------------------- */

typedef struct
{
  guint32 start;       /* in the folded buffer */
  guint32 item;
  guint32 paragraph;   /* see xinzhi_search_result_get_paragraph() */
  guint32 is_name;
} Field;

typedef struct
{
  GString   *text;     /* the folded fields, each followed by a NUL */
  GArray    *fields;
  GPtrArray *items;
  guint32   *days;     /* each item's date as a day number, 0 when it has none */
} Index;

/* What one scan found for one item. */
typedef struct
{
  guint32 item;
  guint32 hits;         /* fields that match */
  guint32 name_hits;
  guint32 first_field;
  guint64 rank;         /* what the results are sorted by, greatest first */
} Entry;

static const char *
field_text (XinzhiSearchKind  kind,
            GObject          *item,
            guint             paragraph)
{
  switch (kind)
    {
    case XINZHI_SEARCH_KIND_ARTICLE:
      if (paragraph == XINZHI_SEARCH_TITLE)
        return xinzhi_document_get_title (XINZHI_DOCUMENT (item));
      return xinzhi_document_get_paragraph (XINZHI_DOCUMENT (item), paragraph)->text;
    case XINZHI_SEARCH_KIND_QUOTE:
      return xinzhi_quote_get_text (XINZHI_QUOTE (item));
    case XINZHI_SEARCH_KIND_EVENT:
      return paragraph == 0 ? xinzhi_event_get_title (XINZHI_EVENT (item))
           : paragraph == 1 ? xinzhi_event_get_title_zh (XINZHI_EVENT (item))
           : xinzhi_event_get_summary (XINZHI_EVENT (item));
    case XINZHI_SEARCH_KIND_SECTOR:
      return paragraph == 0 ? xinzhi_sector_get_name (XINZHI_SECTOR (item))
           : paragraph == 1 ? xinzhi_sector_get_name_zh (XINZHI_SECTOR (item))
           : xinzhi_sector_get_terms (XINZHI_SECTOR (item))[paragraph - 2];
    case XINZHI_SEARCH_KIND_PERSON:
      return paragraph == 0 ? xinzhi_person_get_name (XINZHI_PERSON (item))
           : paragraph == 1 ? xinzhi_person_get_name_zh (XINZHI_PERSON (item))
           : xinzhi_person_get_variants (XINZHI_PERSON (item))[paragraph - 2];
    case XINZHI_SEARCH_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static const XinzhiDate *
item_date (XinzhiSearchKind  kind,
           GObject          *item)
{
  switch (kind)
    {
    case XINZHI_SEARCH_KIND_ARTICLE:
      return xinzhi_document_get_date (XINZHI_DOCUMENT (item));
    case XINZHI_SEARCH_KIND_QUOTE:
      return xinzhi_document_get_date (xinzhi_quote_get_document (XINZHI_QUOTE (item)));
    case XINZHI_SEARCH_KIND_EVENT:
      return xinzhi_event_get_start (XINZHI_EVENT (item));
    case XINZHI_SEARCH_KIND_SECTOR:
    case XINZHI_SEARCH_KIND_PERSON:
    case XINZHI_SEARCH_N_KINDS:
    default:
      return NULL;
    }
}

static void
index_add (Index      *index,
           guint       item,
           guint       paragraph,
           gboolean    is_name,
           const char *text)
{
  Field field;

  if (text == NULL || *text == '\0')
    return;

  field.start = (guint32) index->text->len;
  field.item = item;
  field.paragraph = paragraph;
  field.is_name = is_name;
  g_array_append_val (index->fields, field);

  fold_into (index->text, text, strlen (text), NULL);
  g_string_append_c (index->text, '\0');
}

static void
index_build (Index            *index,
             XinzhiSearchKind  kind,
             GListModel       *model)
{
  guint n = g_list_model_get_n_items (model);

  index->text = g_string_new (NULL);
  index->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  index->items = g_ptr_array_new_full (n, g_object_unref);
  index->days = g_new0 (guint32, n);

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (model, i);
      guint n_fields = 0;
      const char * const *more = NULL;

      g_ptr_array_add (index->items, item);
      {
        const XinzhiDate *date = item_date (kind, item);

        index->days[i] = date != NULL ? xinzhi_date_first_day (date) : 0;
      }

      switch (kind)
        {
        case XINZHI_SEARCH_KIND_ARTICLE:
          index_add (index, i, XINZHI_SEARCH_TITLE, TRUE, field_text (kind, item, XINZHI_SEARCH_TITLE));
          n_fields = xinzhi_document_get_n_paragraphs (XINZHI_DOCUMENT (item));
          for (guint p = 0; p < n_fields; p++)
            index_add (index, i, p, FALSE, field_text (kind, item, p));
          break;
        case XINZHI_SEARCH_KIND_QUOTE:
          index_add (index, i, 0, FALSE, field_text (kind, item, 0));
          break;
        case XINZHI_SEARCH_KIND_EVENT:
          for (guint p = 0; p < 3; p++)
            index_add (index, i, p, p < 2, field_text (kind, item, p));
          break;
        case XINZHI_SEARCH_KIND_SECTOR:
        case XINZHI_SEARCH_KIND_PERSON:
          index_add (index, i, 0, TRUE, field_text (kind, item, 0));
          index_add (index, i, 1, TRUE, field_text (kind, item, 1));
          more = kind == XINZHI_SEARCH_KIND_SECTOR
                 ? xinzhi_sector_get_terms (XINZHI_SECTOR (item))
                 : xinzhi_person_get_variants (XINZHI_PERSON (item));
          for (guint p = 0; more != NULL && more[p] != NULL; p++)
            index_add (index, i, p + 2, FALSE, more[p]);
          break;
        case XINZHI_SEARCH_N_KINDS:
        default:
          g_assert_not_reached ();
        }
    }
}

static void
index_clear (Index *index)
{
  if (index->text != NULL)
    g_string_free (index->text, TRUE);
  g_clear_pointer (&index->fields, g_array_unref);
  g_clear_pointer (&index->items, g_ptr_array_unref);
  g_clear_pointer (&index->days, g_free);
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
  result->text = field_text (self->kind, result->item, field->paragraph);
  result->n_hits = entry->hits;
  result->in_name = entry->name_hits > 0;
  result->query = g_strdup (self->query);

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
                 const char          *query)
{
  guint removed = self->entries->len;

  g_array_unref (self->entries);
  self->entries = entries;
  g_free (self->query);
  self->query = g_strdup (query);

  if (removed > 0 || entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, entries->len);
}

/* ---- The search --------------------------------------------------------------------- */

struct _XinzhiSearch
{
  GObject              parent_instance;

  XinzhiCorpus        *corpus;
  char                *query;
  gboolean             indexed;
  Index                indexes[XINZHI_SEARCH_N_KINDS];
  XinzhiSearchResults *results[XINZHI_SEARCH_N_KINDS];
};

G_DEFINE_FINAL_TYPE (XinzhiSearch, xinzhi_search, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ensure_indexed (XinzhiSearch *self)
{
  GListModel *models[XINZHI_SEARCH_N_KINDS];

  if (self->indexed)
    return;

  models[XINZHI_SEARCH_KIND_ARTICLE] = xinzhi_corpus_get_documents (self->corpus);
  models[XINZHI_SEARCH_KIND_QUOTE] = xinzhi_corpus_get_quotes (self->corpus);
  models[XINZHI_SEARCH_KIND_EVENT] = xinzhi_corpus_get_events (self->corpus);
  models[XINZHI_SEARCH_KIND_SECTOR] = xinzhi_corpus_get_sectors (self->corpus);
  models[XINZHI_SEARCH_KIND_PERSON] = xinzhi_corpus_get_people (self->corpus);

  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    index_build (&self->indexes[k], k, models[k]);

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

/* One pass of memmem() over the folded text of a kind. */
static GArray *
scan (Index      *index,
      const char *query,
      gsize       query_len)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  const Field *fields = (const Field *) (gpointer) index->fields->data;
  guint n_fields = index->fields->len;
  const char *text = index->text->str;
  gsize len = index->text->len;
  gsize pos = 0;
  guint f = 0;

  if (query_len == 0 || n_fields == 0)
    return entries;

  while (pos < len)
    {
      const char *found = memmem (text + pos, len - pos, query, query_len);
      gsize offset;
      const Field *field;
      Entry *entry;

      if (found == NULL)
        break;

      offset = found - text;
      while (f + 1 < n_fields && fields[f + 1].start <= offset)
        f++;
      field = &fields[f];

      /* The fields of an item are together, in the order of the items. */
      if (entries->len == 0 ||
          g_array_index (entries, Entry, entries->len - 1).item != field->item)
        {
          Entry new_entry = { field->item, 0, 0, f, 0 };

          g_array_append_val (entries, new_entry);
        }
      entry = &g_array_index (entries, Entry, entries->len - 1);
      entry->hits++;
      if (field->is_name)
        entry->name_hits++;

      /* One hit per field is enough to rank by: go on at the next field.  The matches
       * inside a field are found when a row asks for them. */
      if (f + 1 < n_fields)
        pos = fields[f + 1].start;
      else
        break;
    }

  /* Names and titles first, then the most fields (paragraphs) that match, then the
   * newest. */
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

static void
xinzhi_search_dispose (GObject *object)
{
  XinzhiSearch *self = XINZHI_SEARCH (object);

  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    {
      /* A view may hold the results longer: they keep what they found, nothing else. */
      if (self->results[k] != NULL)
        results_replace (self->results[k], g_array_new (FALSE, FALSE, sizeof (Entry)), "");
      g_clear_object (&self->results[k]);
      index_clear (&self->indexes[k]);
    }
  self->indexed = FALSE;
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (xinzhi_search_parent_class)->dispose (object);
}

static void
xinzhi_search_finalize (GObject *object)
{
  XinzhiSearch *self = XINZHI_SEARCH (object);

  g_free (self->query);

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
  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    {
      self->results[k] = g_object_new (XINZHI_TYPE_SEARCH_RESULTS, NULL);
      self->results[k]->kind = k;
      self->results[k]->index = &self->indexes[k];
    }
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
 * xinzhi_search_set_query:
 * @query: (nullable): what to look for; leading and trailing spaces do not count
 *
 * Searches the corpus for @query, replacing the results of every kind.
 */
void
xinzhi_search_set_query (XinzhiSearch *self,
                         const char   *query)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  g_return_if_fail (XINZHI_IS_SEARCH (self));

  if (query == NULL)
    query = "";
  if (g_str_equal (query, self->query))
    return;

  g_free (self->query);
  self->query = g_strdup (query);

  stripped = g_strstrip (g_strdup (query));
  folded = xinzhi_search_fold (stripped, -1, NULL);

  if (*folded != '\0' && self->corpus != NULL)
    ensure_indexed (self);

  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    {
      GArray *entries;

      if (*folded == '\0' || !self->indexed)
        entries = g_array_new (FALSE, FALSE, sizeof (Entry));
      else
        entries = scan (&self->indexes[k], folded, strlen (folded));

      results_replace (self->results[k], entries, stripped);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

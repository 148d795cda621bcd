/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "xinzhi-model-private.h"
#include "xinzhi-search.h"
#include "xinzhi-search-private.h"

/* The index of a search: the folded text of each kind, built once on the first search,
 * where the quotes are in their articles, and where each concept, sector and person
 * leads.  The search itself, and the folding, are in xinzhi-search.c. */

/* ---- The index ---------------------------------------------------------------------- */


const char *
_xinzhi_search_field_text (XinzhiSearchKind  kind,
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
    case XINZHI_SEARCH_KIND_CONCEPT:
      return paragraph == 0 ? xinzhi_concept_get_name (XINZHI_CONCEPT (item))
           : paragraph == 1 ? xinzhi_concept_get_name_zh (XINZHI_CONCEPT (item))
           : xinzhi_concept_get_variants (XINZHI_CONCEPT (item))[paragraph - 2];
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
    case XINZHI_SEARCH_KIND_CONCEPT:
    case XINZHI_SEARCH_KIND_SECTOR:
    case XINZHI_SEARCH_KIND_PERSON:
    case XINZHI_SEARCH_N_KINDS:
    default:
      return NULL;
    }
}

/* Adds a field; one with no text (an event without a Chinese title) is left out.  An
 * article's title and paragraphs are all there, one after another, so that a mention's
 * paragraph leads to its field. */
static void
index_add (Index      *index,
           guint       item,
           guint       paragraph,
           gboolean    is_name,
           const char *text)
{
  Field field;

  if (text == NULL)
    return;

  field.start = (guint32) index->text->len;
  field.item = item;
  field.paragraph = paragraph;
  field.is_name = is_name;
  g_array_append_val (index->fields, field);

  _xinzhi_search_fold_into (index->text, text, strlen (text), NULL);
  g_string_append_c (index->text, '\0');
}

void
_xinzhi_search_index_build (Index            *index,
                            XinzhiSearchKind  kind,
                            GListModel       *model)
{
  guint n = g_list_model_get_n_items (model);

  index->text = g_string_new (NULL);
  index->fields = g_array_new (FALSE, FALSE, sizeof (Field));
  index->items = g_ptr_array_new_full (n, g_object_unref);
  index->days = g_new0 (guint32, n);
  index->first_field = g_new0 (guint32, n);
  index->positions = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (model, i);
      guint n_fields = 0;
      const char * const *more = NULL;
      const XinzhiDate *date = item_date (kind, item);

      g_ptr_array_add (index->items, item);
      g_hash_table_insert (index->positions, item, GUINT_TO_POINTER (i + 1));
      index->days[i] = date != NULL ? xinzhi_date_first_day (date) : 0;
      index->first_field[i] = index->fields->len;

      switch (kind)
        {
        case XINZHI_SEARCH_KIND_ARTICLE:
          index_add (index, i, XINZHI_SEARCH_TITLE, TRUE, _xinzhi_search_field_text (kind, item, XINZHI_SEARCH_TITLE));
          n_fields = xinzhi_document_get_n_paragraphs (XINZHI_DOCUMENT (item));
          for (guint p = 0; p < n_fields; p++)
            index_add (index, i, p, FALSE, _xinzhi_search_field_text (kind, item, p));
          break;
        case XINZHI_SEARCH_KIND_QUOTE:
          index_add (index, i, 0, FALSE, _xinzhi_search_field_text (kind, item, 0));
          break;
        case XINZHI_SEARCH_KIND_EVENT:
          for (guint p = 0; p < 3; p++)
            index_add (index, i, p, p < 2, _xinzhi_search_field_text (kind, item, p));
          break;
        case XINZHI_SEARCH_KIND_CONCEPT:
        case XINZHI_SEARCH_KIND_SECTOR:
        case XINZHI_SEARCH_KIND_PERSON:
          /* Names, terms and variants are all names: each says what the item is. */
          index_add (index, i, 0, TRUE, _xinzhi_search_field_text (kind, item, 0));
          index_add (index, i, 1, TRUE, _xinzhi_search_field_text (kind, item, 1));
          more = kind == XINZHI_SEARCH_KIND_CONCEPT ? xinzhi_concept_get_variants (XINZHI_CONCEPT (item))
               : kind == XINZHI_SEARCH_KIND_SECTOR ? xinzhi_sector_get_terms (XINZHI_SECTOR (item))
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

void
_xinzhi_search_index_clear (Index *index)
{
  if (index->text != NULL)
    g_string_free (g_steal_pointer (&index->text), TRUE);
  g_clear_pointer (&index->fields, g_array_unref);
  g_clear_pointer (&index->positions, g_hash_table_unref);
  g_clear_pointer (&index->items, g_ptr_array_unref);
  g_clear_pointer (&index->days, g_free);
  g_clear_pointer (&index->first_field, g_free);
}

void
_xinzhi_search_quoted_clear (Quoted *quoted)
{
  g_clear_pointer (&quoted->first, g_free);
  g_clear_pointer (&quoted->spans, g_free);
}

/* The position of @item in @index, or -1. */
static gint64
index_position (Index   *index,
                gpointer item)
{
  return (gint64) GPOINTER_TO_UINT (g_hash_table_lookup (index->positions, item)) - 1;
}

void
_xinzhi_search_quoted_build (Quoted *quoted,
                             Index  *articles,
                             Index  *quotes)
{
  guint n_articles = articles->items->len;
  guint n_quotes = quotes->items->len;
  g_autofree guint32 *fill = NULL;
  g_autofree gint64 *of = g_new (gint64, MAX (n_quotes, 1));

  quoted->first = g_new0 (guint32, n_articles + 1);
  quoted->spans = g_new0 (QuoteSpan, MAX (n_quotes, 1));

  /* Count, then place: each article's quotes in corpus order. */
  for (guint q = 0; q < n_quotes; q++)
    {
      XinzhiQuote *quote = g_ptr_array_index (quotes->items, q);

      of[q] = index_position (articles, xinzhi_quote_get_document (quote));
      if (of[q] >= 0)
        quoted->first[of[q] + 1]++;
    }
  for (guint a = 0; a < n_articles; a++)
    quoted->first[a + 1] += quoted->first[a];
  fill = g_memdup2 (quoted->first, sizeof (guint32) * (n_articles + 1));
  for (guint q = 0; q < n_quotes; q++)
    {
      XinzhiQuote *quote = g_ptr_array_index (quotes->items, q);

      if (of[q] < 0)
        continue;
      quoted->spans[fill[of[q]]++] = (QuoteSpan) {
        xinzhi_quote_get_paragraph (quote),
        xinzhi_quote_get_start (quote),
        xinzhi_quote_get_end (quote),
        quotes->first_field[q],
      };
    }
}

void
_xinzhi_search_reach_free (gpointer data)
{
  Reach *reach = data;

  g_array_unref (reach->article_fields);
  g_array_unref (reach->quote_fields);
  g_free (reach);
}

typedef struct
{
  Index        *articles;
  const Quoted *quoted;
  Reach        *reach;
} ReachBuild;

/* Appends @field unless it was the last appended: a paragraph that names a sector
 * twice is one place to go. */
static inline void
append_field (GArray  *fields,
              guint32  field)
{
  if (fields->len == 0 || g_array_index (fields, guint32, fields->len - 1) != field)
    g_array_append_val (fields, field);
}

static void
reach_mention_cb (XinzhiDocument *document,
                  guint           document_index,
                  guint           paragraph,
                  guint           start,
                  guint           end,
                  gpointer        user_data)
{
  ReachBuild *build = user_data;
  gint64 position = document_index != G_MAXUINT ? (gint64) document_index
                                                 : index_position (build->articles, document);
  guint32 field;

  if (position < 0 || position >= build->articles->items->len)
    return;

  /* The article's title is its first field, its paragraphs the next. */
  field = build->articles->first_field[position] + 1 + paragraph;
  if (field >= build->articles->fields->len)
    return;
  append_field (build->reach->article_fields, field);

  /* The quotes whose words hold the mention. */
  for (guint32 q = build->quoted->first[position]; q < build->quoted->first[position + 1]; q++)
    {
      const QuoteSpan *span = &build->quoted->spans[q];

      if (span->paragraph == paragraph && span->start <= start && end <= span->end)
        append_field (build->reach->quote_fields, span->field);
    }
}

void
_xinzhi_search_owner_mentions_init (OwnerMentions *mentions,
                                    GObject       *owner)
{
  XinzhiMentionTable *table;
  GArray *indices;
  GListStore *list;

  if (XINZHI_IS_CONCEPT (owner))
    {
      table = XINZHI_CONCEPT (owner)->mention_table;
      indices = XINZHI_CONCEPT (owner)->mention_indices;
      list = XINZHI_CONCEPT (owner)->mentions;
    }
  else if (XINZHI_IS_SECTOR (owner))
    {
      table = XINZHI_SECTOR (owner)->mention_table;
      indices = XINZHI_SECTOR (owner)->mention_indices;
      list = XINZHI_SECTOR (owner)->mentions;
    }
  else
    {
      table = XINZHI_PERSON (owner)->mention_table;
      indices = XINZHI_PERSON (owner)->mention_indices;
      list = XINZHI_PERSON (owner)->mentions;
    }

  mentions->owner = g_object_ref (owner);
  mentions->table = table != NULL ? xinzhi_mention_table_ref (table) : NULL;
  mentions->indices = table != NULL ? g_array_ref (indices) : NULL;
  mentions->list = list != NULL ? g_object_ref (list) : NULL;
}

void
_xinzhi_search_owner_mentions_clear (gpointer data)
{
  OwnerMentions *mentions = data;

  g_clear_object (&mentions->owner);
  g_clear_pointer (&mentions->table, xinzhi_mention_table_unref);
  g_clear_pointer (&mentions->indices, g_array_unref);
  g_clear_object (&mentions->list);
}

Reach *
_xinzhi_search_reach_new (const OwnerMentions *mentions,
                          Index               *articles,
                          Index               *quotes,
                          const Quoted        *quoted)
{
  Reach *reach = g_new0 (Reach, 1);
  ReachBuild build = { articles, quoted, reach };

  reach->article_fields = g_array_new (FALSE, FALSE, sizeof (guint32));
  reach->quote_fields = g_array_new (FALSE, FALSE, sizeof (guint32));

  xinzhi_mention_table_foreach_in_list (mentions->table, mentions->indices, mentions->list,
                                        reach_mention_cb, &build);
  if (XINZHI_IS_PERSON (mentions->owner))
    {
      GListModel *said = xinzhi_person_get_quotes (XINZHI_PERSON (mentions->owner));

      for (guint q = 0; q < g_list_model_get_n_items (said); q++)
        {
          g_autoptr(XinzhiQuote) quote = g_list_model_get_item (said, q);
          gint64 position = index_position (quotes, quote);

          if (position >= 0)
            append_field (reach->quote_fields, quotes->first_field[position]);
        }
    }

  return reach;
}

/* Marks in @via (per field) the fields that @fields names and no earlier owner reached:
 * each field keeps the first owner that leads to it. */
void
_xinzhi_search_mark_fields (guint32       *via,
                            const GArray  *fields,
                            guint32        owner)
{
  const guint32 *field = (const guint32 *) (gpointer) fields->data;

  for (guint i = 0; i < fields->len; i++)
    if (via[field[i]] == DIRECT)
      via[field[i]] = owner;
}

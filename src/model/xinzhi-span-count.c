/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-span-count.h"

/* Counting a sector's mentions against the time span, for the Sectors view's counts.
 * A sector's mentions come by article, so a count walks them once, without making them
 * (xinzhi_sector_get_mention_document()), and asks the filter about each article once:
 * the answers are kept in a cache that every sector of one count shares.  Counting all
 * sectors is then linear in their mentions. */

/**
 * xinzhi_span_count_new_cache:
 *
 * Returns: (transfer full): a cache for xinzhi_span_count_match_document() and
 *   xinzhi_span_count_sector(), good while the filter's span stays as it is
 */
GHashTable *
xinzhi_span_count_new_cache (void)
{
  return g_hash_table_new (NULL, NULL);
}

/**
 * xinzhi_span_count_match_document:
 * @cache: (nullable): a cache from xinzhi_span_count_new_cache()
 *
 * Returns: xinzhi_filter_match_span() of @document, from @cache when it holds it
 */
XinzhiSpanMatch
xinzhi_span_count_match_document (XinzhiFilter   *filter,
                                  GHashTable     *cache,
                                  XinzhiDocument *document)
{
  gpointer stored;
  XinzhiSpanMatch match;

  g_return_val_if_fail (XINZHI_IS_FILTER (filter), XINZHI_SPAN_OUT);
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (document), XINZHI_SPAN_OUT);

  if (cache != NULL && (stored = g_hash_table_lookup (cache, document)) != NULL)
    return GPOINTER_TO_UINT (stored) - 1;

  match = xinzhi_filter_match_span (filter, document);
  if (cache != NULL)
    g_hash_table_insert (cache, document, GUINT_TO_POINTER (match + 1));
  return match;
}

/**
 * xinzhi_span_count_sector:
 * @count: (out caller-allocates): the counts
 * @filter: (nullable): the filter whose span counts; %NULL counts every mention as in
 * @cache: (nullable): a cache from xinzhi_span_count_new_cache(), for @filter's span
 *
 * Counts @sector's mentions in articles that lie in the span for certain, and apart,
 * those in articles that only possibly lie in it; those outside count nowhere.
 */
void
xinzhi_span_count_sector (XinzhiSpanCount *count,
                          XinzhiSector    *sector,
                          XinzhiFilter    *filter,
                          GHashTable      *cache)
{
  guint n;
  XinzhiDocument *previous = NULL;
  XinzhiSpanMatch match = XINZHI_SPAN_OUT;

  g_return_if_fail (count != NULL);
  g_return_if_fail (XINZHI_IS_SECTOR (sector));
  g_return_if_fail (filter == NULL || XINZHI_IS_FILTER (filter));

  *count = (XinzhiSpanCount) { 0 };
  n = xinzhi_sector_get_n_mentions (sector);

  if (filter == NULL || !xinzhi_filter_get_span (filter, NULL, NULL))
    {
      count->n_mentions = n;
      count->n_documents = xinzhi_sector_get_n_documents (sector);
      return;
    }

  /* The mentions are by article: a new article starts where the document changes. */
  for (guint i = 0; i < n; i++)
    {
      XinzhiDocument *document = xinzhi_sector_get_mention_document (sector, i);
      gboolean new_document = document != previous;

      /* An article's mentions come together: it is looked up once for them all. */
      if (new_document)
        match = xinzhi_span_count_match_document (filter, cache, document);
      previous = document;
      switch (match)
        {
        case XINZHI_SPAN_IN:
          count->n_mentions++;
          count->n_documents += new_document;
          break;
        case XINZHI_SPAN_POSSIBLY:
          count->n_possibly_mentions++;
          count->n_possibly_documents += new_document;
          break;
        case XINZHI_SPAN_OUT:
        default:
          break;
        }
    }
}

/**
 * xinzhi_span_count_documents:
 * @count: (inout): counts whose @n_documents and @n_possibly_documents to set
 * @cache: a cache that xinzhi_span_count_sector() filled
 *
 * Counts the articles, each once, that the counts of @cache's sectors met: those in
 * the span and those possibly in it.  Summed over sectors, the sectors' own article
 * counts would count an article once for each sector it names.
 */
void
xinzhi_span_count_documents (XinzhiSpanCount *count,
                             GHashTable      *cache)
{
  GHashTableIter iter;
  gpointer stored;

  g_return_if_fail (count != NULL);
  g_return_if_fail (cache != NULL);

  count->n_documents = count->n_possibly_documents = 0;
  g_hash_table_iter_init (&iter, cache);
  while (g_hash_table_iter_next (&iter, NULL, &stored))
    {
      XinzhiSpanMatch match = GPOINTER_TO_UINT (stored) - 1;

      count->n_documents += match == XINZHI_SPAN_IN;
      count->n_possibly_documents += match == XINZHI_SPAN_POSSIBLY;
    }
}

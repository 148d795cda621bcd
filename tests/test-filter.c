/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"
#include "xinzhi-test-data.h"

/* The shared filter, headless, against the built-in corpus: each kind alone keeps what
 * the corpus's primary links say (a sector's mentions, a person's quotes, an article's
 * outlet, an event's sources); values of one kind combine with OR and kinds with AND;
 * a few results checked by hand against data/corpus/xinzhi-corpus.json; the "changed"
 * signal; and revealing a hidden item.  The time span: each precision of date against
 * spans it lies inside, outside and across, estimates, ranges and undated items, as
 * three answers (in, possibly in, out); the span combined with the other kinds; its
 * signal; and its text, in English and in Chinese. */

typedef gboolean (*Predicate) (gpointer item,
                               gpointer data);

static guint
count_matches (XinzhiFilter *filter,
               GListModel   *model)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (xinzhi_filter_matches (filter, item))
        n++;
    }

  return n;
}

/* Every item of @model matches @filter exactly when @predicate holds for it. */
static void
assert_matches_exactly (XinzhiFilter *filter,
                        GListModel   *model,
                        Predicate     predicate,
                        gpointer      data)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (xinzhi_filter_matches (filter, item) != predicate (item, data))
        g_error ("%s %p: the filter says %d, the corpus %d", G_OBJECT_TYPE_NAME (item),
                 item, xinzhi_filter_matches (filter, item), predicate (item, data));
    }
}

/* ---- What the corpus says, from its primary links ---------------------------------- */

static gboolean
mention_in_range (XinzhiMention *mention,
                  guint          paragraph,
                  guint          start,
                  guint          end)
{
  return xinzhi_mention_get_paragraph (mention) == paragraph &&
         xinzhi_mention_get_start (mention) >= start &&
         xinzhi_mention_get_end (mention) <= end;
}

/* The sector's mentions: one in @document, within the words given, or anywhere in the
 * paragraph when @end is G_MAXUINT. */
static gboolean
sector_mentioned_in (XinzhiSector   *sector,
                     XinzhiDocument *document,
                     guint           paragraph,
                     guint           start,
                     guint           end)
{
  GListModel *mentions = xinzhi_sector_get_mentions (sector);

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);

      if (xinzhi_mention_get_document (mention) == document &&
          (paragraph == G_MAXUINT || mention_in_range (mention, paragraph, start, end)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
quote_names_sector (gpointer item,
                    gpointer data)
{
  XinzhiQuote *quote = item;

  return sector_mentioned_in (data, xinzhi_quote_get_document (quote),
                              xinzhi_quote_get_paragraph (quote),
                              xinzhi_quote_get_start (quote), xinzhi_quote_get_end (quote));
}

static gboolean
document_names_sector (gpointer item,
                       gpointer data)
{
  return sector_mentioned_in (data, item, G_MAXUINT, 0, G_MAXUINT);
}

static gboolean
event_concerns_sector (gpointer item,
                       gpointer data)
{
  XinzhiEvent *event = item;
  GListModel *quotes = xinzhi_event_get_quotes (event);

  for (guint i = 0; i < xinzhi_event_get_n_sources (event); i++)
    {
      guint paragraph;
      XinzhiDocument *source = xinzhi_event_get_source (event, i, &paragraph);

      if (sector_mentioned_in (data, source, paragraph, 0, G_MAXUINT))
        return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);

      if (quote_names_sector (quote, data))
        return TRUE;
    }

  return FALSE;
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }

  return FALSE;
}

static gboolean
quote_by_person (gpointer item,
                 gpointer data)
{
  return xinzhi_quote_get_person (item) == data;
}

static gboolean
document_concerns_person (gpointer item,
                          gpointer data)
{
  GListModel *quotes = xinzhi_person_get_quotes (data);
  GListModel *mentions = xinzhi_person_get_mentions (data);

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);

      if (xinzhi_quote_get_document (quote) == item)
        return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);

      if (xinzhi_mention_get_document (mention) == item)
        return TRUE;
    }

  return FALSE;
}

static gboolean
event_concerns_person (gpointer item,
                       gpointer data)
{
  GListModel *quotes = xinzhi_person_get_quotes (data);

  if (model_contains (xinzhi_event_get_people (item), data))
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);

      if (model_contains (xinzhi_quote_get_events (quote), item))
        return TRUE;
    }

  return FALSE;
}

static gboolean
document_from_outlet (gpointer item,
                      gpointer data)
{
  return g_strcmp0 (xinzhi_document_get_outlet (item), data) == 0;
}

static gboolean
quote_from_outlet (gpointer item,
                   gpointer data)
{
  return document_from_outlet (xinzhi_quote_get_document (item), data);
}

static gboolean
event_from_outlet (gpointer item,
                   gpointer data)
{
  for (guint i = 0; i < xinzhi_event_get_n_sources (item); i++)
    if (document_from_outlet (xinzhi_event_get_source (item, i, NULL), data))
      return TRUE;

  return FALSE;
}

/* The outlets the corpus's articles name, each once. */
static GPtrArray *
collect_outlets (XinzhiCorpus *corpus)
{
  GListModel *documents = xinzhi_corpus_get_documents (corpus);
  GPtrArray *outlets = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);
      const char *outlet = xinzhi_document_get_outlet (document);

      if (outlet != NULL && !g_ptr_array_find_with_equal_func (outlets, outlet, g_str_equal, NULL))
        g_ptr_array_add (outlets, (gpointer) outlet);
    }

  return outlets;
}

/* ---- Tests --------------------------------------------------------------------------- */

static void
test_filter_empty (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();

  g_assert_true (xinzhi_filter_is_empty (filter));
  g_assert_cmpuint (count_matches (filter, xinzhi_corpus_get_documents (corpus)), ==,
                    g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)));
  g_assert_cmpuint (count_matches (filter, xinzhi_corpus_get_quotes (corpus)), ==,
                    g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus)));
  g_assert_cmpuint (count_matches (filter, xinzhi_corpus_get_events (corpus)), ==,
                    g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)));

  g_assert_finalize_object (g_steal_pointer (&filter));
}

/* Each value alone keeps exactly what the corpus's primary links say. */
static void
test_filter_single (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  g_autoptr(GPtrArray) outlets = collect_outlets (corpus);
  GListModel *documents = xinzhi_corpus_get_documents (corpus);
  GListModel *quotes = xinzhi_corpus_get_quotes (corpus);
  GListModel *events = xinzhi_corpus_get_events (corpus);
  GListModel *sectors = xinzhi_corpus_get_sectors (corpus);
  GListModel *people = xinzhi_corpus_get_people (corpus);

  g_assert_cmpuint (g_list_model_get_n_items (sectors), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);

      g_assert_true (xinzhi_filter_set_only (filter, XINZHI_FILTER_SECTOR, sector));
      assert_matches_exactly (filter, documents, document_names_sector, sector);
      assert_matches_exactly (filter, quotes, quote_names_sector, sector);
      assert_matches_exactly (filter, events, event_concerns_sector, sector);
      /* The loader's own count agrees. */
      g_assert_cmpuint (count_matches (filter, documents), ==, xinzhi_sector_get_n_documents (sector));
    }
  g_assert_true (xinzhi_filter_clear (filter));

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, i);

      g_assert_true (xinzhi_filter_set_only (filter, XINZHI_FILTER_PERSON, person));
      assert_matches_exactly (filter, documents, document_concerns_person, person);
      assert_matches_exactly (filter, quotes, quote_by_person, person);
      assert_matches_exactly (filter, events, event_concerns_person, person);
      g_assert_cmpuint (count_matches (filter, quotes), ==,
                        g_list_model_get_n_items (xinzhi_person_get_quotes (person)));
    }
  g_assert_true (xinzhi_filter_clear (filter));

  g_assert_cmpuint (outlets->len, >, 1);
  for (guint i = 0; i < outlets->len; i++)
    {
      const char *outlet = g_ptr_array_index (outlets, i);

      g_assert_true (xinzhi_filter_set_only (filter, XINZHI_FILTER_OUTLET, (gpointer) outlet));
      assert_matches_exactly (filter, documents, document_from_outlet, (gpointer) outlet);
      assert_matches_exactly (filter, quotes, quote_from_outlet, (gpointer) outlet);
      assert_matches_exactly (filter, events, event_from_outlet, (gpointer) outlet);
    }

  g_assert_finalize_object (g_steal_pointer (&filter));
}

/* OR within a kind, AND across kinds, for every pair of values of the corpus. */
static void
test_filter_combinations (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiFilter) a = xinzhi_filter_new ();
  g_autoptr(XinzhiFilter) b = xinzhi_filter_new ();
  g_autoptr(XinzhiFilter) both = xinzhi_filter_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (XinzhiFilterKind));
  g_autoptr(GPtrArray) outlets = collect_outlets (corpus);
  GListModel *lists[] = {
    xinzhi_corpus_get_documents (corpus),
    xinzhi_corpus_get_quotes (corpus),
    xinzhi_corpus_get_events (corpus),
  };
  guint n_and_empty = 0, n_and_some = 0;

  for (XinzhiFilterKind kind = XINZHI_FILTER_SECTOR; kind <= XINZHI_FILTER_PERSON; kind++)
    {
      GListModel *model = kind == XINZHI_FILTER_SECTOR ? xinzhi_corpus_get_sectors (corpus)
                                                       : xinzhi_corpus_get_people (corpus);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) value = g_list_model_get_item (model, i);

          g_ptr_array_add (values, value);   /* the corpus keeps it alive */
          g_array_append_val (kinds, kind);
        }
    }
  for (guint i = 0; i < outlets->len; i++)
    {
      XinzhiFilterKind kind = XINZHI_FILTER_OUTLET;

      g_ptr_array_add (values, g_ptr_array_index (outlets, i));
      g_array_append_val (kinds, kind);
    }

  for (guint i = 0; i < values->len; i++)
    for (guint j = i + 1; j < values->len; j++)
      {
        XinzhiFilterKind kind_i = g_array_index (kinds, XinzhiFilterKind, i);
        XinzhiFilterKind kind_j = g_array_index (kinds, XinzhiFilterKind, j);
        gboolean same_kind = kind_i == kind_j;

        xinzhi_filter_clear (a);
        xinzhi_filter_add (a, kind_i, g_ptr_array_index (values, i));
        xinzhi_filter_clear (b);
        xinzhi_filter_add (b, kind_j, g_ptr_array_index (values, j));
        xinzhi_filter_clear (both);
        xinzhi_filter_add (both, kind_i, g_ptr_array_index (values, i));
        xinzhi_filter_add (both, kind_j, g_ptr_array_index (values, j));

        for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
          for (guint k = 0; k < g_list_model_get_n_items (lists[l]); k++)
            {
              g_autoptr(GObject) item = g_list_model_get_item (lists[l], k);
              gboolean in_a = xinzhi_filter_matches (a, item);
              gboolean in_b = xinzhi_filter_matches (b, item);

              g_assert_cmpint (xinzhi_filter_matches (both, item), ==,
                               same_kind ? (in_a || in_b) : (in_a && in_b));
              if (!same_kind)
                {
                  if (in_a && in_b)
                    n_and_some++;
                  else
                    n_and_empty++;
                }
            }
      }

  /* The pairs exercised both outcomes of AND. */
  g_assert_cmpuint (n_and_some, >, 0);
  g_assert_cmpuint (n_and_empty, >, 0);
}

static guint
count_filtered (XinzhiCorpus *corpus,
                XinzhiFilter *filter,
                GListModel   *(*get_list) (XinzhiCorpus *))
{
  return count_matches (filter, get_list (corpus));
}

/* Results checked by hand against data/corpus/xinzhi-corpus.json. */
static void
test_filter_by_hand (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  XinzhiSector *hydrogen = xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy");
  XinzhiSector *traditional = xinzhi_corpus_lookup_sector (corpus, "traditional-industries");
  XinzhiPerson *li = xinzhi_corpus_lookup_person (corpus, "li-yuju");
  XinzhiPerson *xi = xinzhi_corpus_lookup_person (corpus, "xi-jinping");

  /* "hydrogen energy" in the CNS release (paragraph 3, inside Li Yuju's quote
   * li-competition-areas, which the release does not place at its seminar),
   * "hydrogen power" in the People's Daily explainer (paragraph 9, a source of
   * government-work-report-2024). */
  xinzhi_filter_add (filter, XINZHI_FILTER_SECTOR, hydrogen);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_documents), ==, 2);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_quotes), ==, 1);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_events), ==, 1);
  g_assert_false (xinzhi_filter_matches_event (filter, xinzhi_corpus_lookup_event (corpus, "cns-seminar-2024")));
  g_assert_true (xinzhi_filter_matches_event (filter, xinzhi_corpus_lookup_event (corpus, "government-work-report-2024")));
  g_assert_true (xinzhi_filter_matches_quote (filter, xinzhi_corpus_lookup_quote (corpus, "li-competition-areas")));

  /* Or traditional industries: also What's new (paragraph 7, Zhu Keli's
   * zhu-traditional-industries). */
  xinzhi_filter_add (filter, XINZHI_FILTER_SECTOR, traditional);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_documents), ==, 3);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_quotes), ==, 2);

  /* Hydrogen and Li Yuju: his article and his one quote that names it; no event, as
   * none names her. */
  xinzhi_filter_remove (filter, XINZHI_FILTER_SECTOR, traditional);
  xinzhi_filter_add (filter, XINZHI_FILTER_PERSON, li);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_documents), ==, 1);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_quotes), ==, 1);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_events), ==, 0);

  /* Li Yuju or Xi Jinping: 5 + 4 quotes; Xi's Heilongjiang tour, January 31
   * statement and Jiangsu delegation (people) and the Two Sessions (his quote
   * xi-local-conditions). No source puts either at the seminar or the study session. */
  xinzhi_filter_clear (filter);
  xinzhi_filter_add (filter, XINZHI_FILTER_PERSON, li);
  xinzhi_filter_add (filter, XINZHI_FILTER_PERSON, xi);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_quotes), ==, 9);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_events), ==, 4);

  /* China News Service: one article, Li Yuju's five quotes, the seminar. */
  xinzhi_filter_clear (filter);
  xinzhi_filter_add (filter, XINZHI_FILTER_OUTLET, (gpointer) "China News Service");
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_documents), ==, 1);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_quotes), ==, 5);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_events), ==, 1);

  /* And Xi Jinping, who is not quoted there but named (paragraphs 1 and 6): the
   * article stays, no quote does, nor the seminar, which neither links him nor
   * quotes him. */
  xinzhi_filter_add (filter, XINZHI_FILTER_PERSON, xi);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_documents), ==, 1);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_quotes), ==, 0);
  g_assert_cmpuint (count_filtered (corpus, filter, xinzhi_corpus_get_events), ==, 0);
}

static void
changed_cb (XinzhiFilter *filter,
            guint        *n_changed)
{
  (*n_changed)++;
}

/* "changed" comes once per real change, and never for one that changes nothing. */
static void
test_filter_changed (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  XinzhiSector *hydrogen = xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy");
  XinzhiPerson *li = xinzhi_corpus_lookup_person (corpus, "li-yuju");
  g_autofree char *outlet = g_strdup ("China News Service");
  guint n_changed = 0;

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), &n_changed);

  g_assert_true (xinzhi_filter_add (filter, XINZHI_FILTER_SECTOR, hydrogen));
  g_assert_false (xinzhi_filter_add (filter, XINZHI_FILTER_SECTOR, hydrogen));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (xinzhi_filter_has_value (filter, XINZHI_FILTER_SECTOR, hydrogen));

  /* Outlets compare by name, not by pointer; the filter keeps its own copy. */
  g_assert_true (xinzhi_filter_add (filter, XINZHI_FILTER_OUTLET, outlet));
  g_assert_false (xinzhi_filter_add (filter, XINZHI_FILTER_OUTLET, (gpointer) "China News Service"));
  g_clear_pointer (&outlet, g_free);
  g_assert_cmpstr (xinzhi_filter_get_value (filter, XINZHI_FILTER_OUTLET, 0), ==, "China News Service");
  g_assert_cmpuint (n_changed, ==, 2);

  g_assert_false (xinzhi_filter_set_only (filter, XINZHI_FILTER_SECTOR, hydrogen));
  g_assert_true (xinzhi_filter_set_only (filter, XINZHI_FILTER_PERSON, li));
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_PERSON), ==, 1);
  g_assert_true (xinzhi_filter_get_value (filter, XINZHI_FILTER_PERSON, 0) == li);

  g_assert_false (xinzhi_filter_remove (filter, XINZHI_FILTER_OUTLET, "People's Daily Online"));
  g_assert_true (xinzhi_filter_remove (filter, XINZHI_FILTER_OUTLET, "China News Service"));
  g_assert_cmpuint (n_changed, ==, 4);

  g_assert_true (xinzhi_filter_set_only (filter, XINZHI_FILTER_PERSON, NULL));
  g_assert_false (xinzhi_filter_set_only (filter, XINZHI_FILTER_PERSON, NULL));
  g_assert_cmpuint (n_changed, ==, 5);

  g_assert_true (xinzhi_filter_clear (filter));
  g_assert_false (xinzhi_filter_clear (filter));
  g_assert_cmpuint (n_changed, ==, 6);
  g_assert_true (xinzhi_filter_is_empty (filter));
}

/* Following a link to a hidden item clears only the kinds that hide it. */
static void
test_filter_reveal (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (NULL);
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  XinzhiSector *hydrogen = xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy");
  XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, "li-competition-areas");
  XinzhiDocument *explainer = xinzhi_corpus_lookup_document (corpus, "pd-two-sessions-explainer");
  guint n_changed = 0;

  xinzhi_filter_add (filter, XINZHI_FILTER_SECTOR, hydrogen);
  xinzhi_filter_add (filter, XINZHI_FILTER_OUTLET, (gpointer) "People's Daily Online");
  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), &n_changed);

  /* Shown already: nothing to do. */
  g_assert_true (xinzhi_filter_matches_document (filter, explainer));
  g_assert_false (xinzhi_filter_reveal (filter, explainer));
  g_assert_cmpuint (n_changed, ==, 0);

  /* The quote names hydrogen energy but comes from China News Service. */
  g_assert_false (xinzhi_filter_matches_quote (filter, quote));
  g_assert_true (xinzhi_filter_reveal (filter, quote));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (xinzhi_filter_matches_quote (filter, quote));
  g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_SECTOR), ==, 1);
  g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_OUTLET), ==, 0);
}

/* ---- The time span ------------------------------------------------------------------- */

static const char *
span_match_name (XinzhiSpanMatch match)
{
  switch (match)
    {
    case XINZHI_SPAN_IN:
      return "in";
    case XINZHI_SPAN_POSSIBLY:
      return "possibly";
    case XINZHI_SPAN_OUT:
      return "out";
    default:
      return "?";
    }
}

/* @item against @filter's span is @expected, and matches and matches_possibly agree
 * with it (the filter has no other value). */
static void
assert_span (XinzhiFilter    *filter,
             gpointer         item,
             const char      *id,
             XinzhiSpanMatch  expected)
{
  XinzhiSpanMatch match = xinzhi_filter_match_span (filter, item);
  guint32 first = 0, last = 0;

  g_assert_true (xinzhi_filter_get_span (filter, &first, &last));
  if (match != expected)
    g_error ("%s against the span of days %u to %u: %s, expected %s", id, first, last,
             span_match_name (match), span_match_name (expected));
  g_assert_cmpint (xinzhi_filter_matches (filter, item), ==, expected == XINZHI_SPAN_IN);
  g_assert_cmpint (xinzhi_filter_matches_possibly (filter, item), ==,
                   expected == XINZHI_SPAN_POSSIBLY);
}

#define ASSERT_DOCUMENT(filter, corpus, id, expected) \
  assert_span (filter, xinzhi_corpus_lookup_document (corpus, id), id, expected)
#define ASSERT_EVENT(filter, corpus, id, expected) \
  assert_span (filter, xinzhi_corpus_lookup_event (corpus, id), id, expected)
#define ASSERT_QUOTE(filter, corpus, id, expected) \
  assert_span (filter, xinzhi_corpus_lookup_quote (corpus, id), id, expected)

/* tests/data/dates.json: articles of 2024 (year), 7 March 2024 (twice), March 2024
 * (estimated) and 18 June 2024; events of 2024, March 2024, 1–10 March 2024 (a range)
 * and 5 March 2024; quotes from the articles of 18 June, 7 March and the estimate. */
static void
test_filter_span_precision (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("dates.json");
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  const XinzhiSpanMatch IN = XINZHI_SPAN_IN, POSSIBLY = XINZHI_SPAN_POSSIBLY,
                        OUT = XINZHI_SPAN_OUT;

  /* No span: everything is in it. */
  g_assert_cmpint (xinzhi_filter_match_span (filter, xinzhi_corpus_lookup_document (corpus, "year")),
                   ==, IN);
  g_assert_false (xinzhi_filter_matches_possibly (filter, xinzhi_corpus_lookup_document (corpus, "year")));

  /* March 2024: the year may be any day of it; the month, the days and the range lie
   * inside; June does not; the estimate cannot tell. */
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31)));
  ASSERT_DOCUMENT (filter, corpus, "year", POSSIBLY);
  ASSERT_DOCUMENT (filter, corpus, "day", IN);
  ASSERT_DOCUMENT (filter, corpus, "same-day", IN);
  ASSERT_DOCUMENT (filter, corpus, "month-estimated", POSSIBLY);
  ASSERT_DOCUMENT (filter, corpus, "later", OUT);
  ASSERT_EVENT (filter, corpus, "the-year", POSSIBLY);
  ASSERT_EVENT (filter, corpus, "in-march", IN);
  ASSERT_EVENT (filter, corpus, "ten-days", IN);
  ASSERT_EVENT (filter, corpus, "march-5", IN);
  /* A quote's date is its article's. */
  ASSERT_QUOTE (filter, corpus, "stay", OUT);
  ASSERT_QUOTE (filter, corpus, "everywhere", IN);
  ASSERT_QUOTE (filter, corpus, "weld", POSSIBLY);

  /* The whole of 2024: every stated date lies inside. */
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 12, 31)));
  ASSERT_DOCUMENT (filter, corpus, "year", IN);
  ASSERT_DOCUMENT (filter, corpus, "later", IN);
  ASSERT_DOCUMENT (filter, corpus, "month-estimated", POSSIBLY);
  ASSERT_EVENT (filter, corpus, "the-year", IN);
  ASSERT_EVENT (filter, corpus, "ten-days", IN);
  ASSERT_QUOTE (filter, corpus, "weld", POSSIBLY);

  /* 2023, and 2025 on: nothing stated lies there, not even partly. */
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2023, 1, 1), xinzhi_test_julian (2023, 12, 31)));
  ASSERT_DOCUMENT (filter, corpus, "year", OUT);
  ASSERT_DOCUMENT (filter, corpus, "day", OUT);
  ASSERT_DOCUMENT (filter, corpus, "month-estimated", POSSIBLY);
  ASSERT_EVENT (filter, corpus, "the-year", OUT);
  ASSERT_EVENT (filter, corpus, "ten-days", OUT);
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2025, 1, 1), xinzhi_test_julian (2025, 1, 1)));
  ASSERT_DOCUMENT (filter, corpus, "year", OUT);
  ASSERT_EVENT (filter, corpus, "the-year", OUT);

  /* 5–20 March, across the range's end and inside the month: the range and the month
   * overlap the span without lying inside it; the day of 5 March does. */
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 3, 20)));
  ASSERT_EVENT (filter, corpus, "ten-days", POSSIBLY);
  ASSERT_EVENT (filter, corpus, "in-march", POSSIBLY);
  ASSERT_EVENT (filter, corpus, "march-5", IN);
  ASSERT_EVENT (filter, corpus, "the-year", POSSIBLY);
  ASSERT_DOCUMENT (filter, corpus, "day", IN);
  ASSERT_DOCUMENT (filter, corpus, "year", POSSIBLY);
  ASSERT_DOCUMENT (filter, corpus, "later", OUT);

  /* 1–4 March: the range's start only. */
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 4)));
  ASSERT_EVENT (filter, corpus, "ten-days", POSSIBLY);
  ASSERT_EVENT (filter, corpus, "march-5", OUT);
  ASSERT_DOCUMENT (filter, corpus, "day", OUT);

  /* The edges belong to the span: 1–10 March holds the range, 11 March – 18 June
   * holds 18 June but not the range. */
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 10)));
  ASSERT_EVENT (filter, corpus, "ten-days", IN);
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 11), xinzhi_test_julian (2024, 6, 18)));
  ASSERT_EVENT (filter, corpus, "ten-days", OUT);
  ASSERT_DOCUMENT (filter, corpus, "later", IN);
  ASSERT_QUOTE (filter, corpus, "stay", IN);
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 11), xinzhi_test_julian (2024, 6, 17)));
  ASSERT_DOCUMENT (filter, corpus, "later", OUT);
  ASSERT_EVENT (filter, corpus, "in-march", POSSIBLY);

  g_assert_finalize_object (g_steal_pointer (&filter));
}

/* Estimated dates of the built-in corpus: possibly in any span, even one that holds
 * every day the estimate names, or none of them. */
static void
test_filter_span_estimates (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_builtin ();
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();

  /* June 2024 holds the estimated range of the seminar (17–27 June) and the estimated
   * month of its article, and neither is certain. */
  xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 6, 1), xinzhi_test_julian (2024, 6, 30));
  g_assert_true (xinzhi_event_get_date_estimated (xinzhi_corpus_lookup_event (corpus, "cns-seminar-2024")));
  ASSERT_EVENT (filter, corpus, "cns-seminar-2024", XINZHI_SPAN_POSSIBLY);
  ASSERT_DOCUMENT (filter, corpus, "cns-seminar-future-industries", XINZHI_SPAN_POSSIBLY);
  ASSERT_DOCUMENT (filter, corpus, "pd-two-sessions-explainer", XINZHI_SPAN_OUT);
  ASSERT_EVENT (filter, corpus, "government-work-report-2024", XINZHI_SPAN_OUT);

  /* 2020 holds no day of the estimated 2024, and still cannot rule it out. */
  xinzhi_filter_set_span (filter, xinzhi_test_julian (2020, 1, 1), xinzhi_test_julian (2020, 12, 31));
  ASSERT_EVENT (filter, corpus, "global-innovation-index-2024", XINZHI_SPAN_POSSIBLY);
  ASSERT_DOCUMENT (filter, corpus, "innovation-growth-momentum", XINZHI_SPAN_POSSIBLY);
  ASSERT_EVENT (filter, corpus, "xi-heilongjiang-tour", XINZHI_SPAN_OUT);

  /* March 2024 holds the stated days of the Two Sessions. */
  xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31));
  ASSERT_EVENT (filter, corpus, "two-sessions-2024", XINZHI_SPAN_IN);
  ASSERT_EVENT (filter, corpus, "government-work-report-2024", XINZHI_SPAN_IN);
  ASSERT_DOCUMENT (filter, corpus, "whats-new-nqpf", XINZHI_SPAN_POSSIBLY);
}

/* An item without any date may lie in any span. */
static void
test_filter_span_undated (void)
{
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  g_autoptr(XinzhiDocument) document = g_object_new (XINZHI_TYPE_DOCUMENT, NULL);
  g_autoptr(XinzhiEvent) event = g_object_new (XINZHI_TYPE_EVENT, NULL);

  g_assert_cmpint (xinzhi_document_get_date (document)->precision, ==, XINZHI_DATE_PRECISION_NONE);
  g_assert_cmpint (xinzhi_event_get_start (event)->precision, ==, XINZHI_DATE_PRECISION_NONE);

  xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31));
  assert_span (filter, document, "an undated article", XINZHI_SPAN_POSSIBLY);
  assert_span (filter, event, "an undated event", XINZHI_SPAN_POSSIBLY);
  xinzhi_filter_set_span (filter, xinzhi_test_julian (1900, 1, 1), xinzhi_test_julian (2100, 12, 31));
  assert_span (filter, document, "an undated article", XINZHI_SPAN_POSSIBLY);
}

/* The span is one more kind: AND with the others.  For every sector and person alone
 * and with the span, every item of the corpus: matched when it passes the value and
 * lies in the span, possibly matched when it passes the value and possibly lies in it. */
static void
test_filter_span_combined (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_builtin ();
  g_autoptr(XinzhiFilter) values = xinzhi_filter_new ();
  g_autoptr(XinzhiFilter) span = xinzhi_filter_new ();
  g_autoptr(XinzhiFilter) both = xinzhi_filter_new ();
  GListModel *lists[] = {
    xinzhi_corpus_get_documents (corpus),
    xinzhi_corpus_get_quotes (corpus),
    xinzhi_corpus_get_events (corpus),
  };
  guint n_in = 0, n_possibly = 0, n_out = 0;

  xinzhi_filter_set_span (span, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31));
  xinzhi_filter_set_span (both, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31));

  for (XinzhiFilterKind kind = XINZHI_FILTER_SECTOR; kind <= XINZHI_FILTER_PERSON; kind++)
    {
      GListModel *model = kind == XINZHI_FILTER_SECTOR ? xinzhi_corpus_get_sectors (corpus)
                                                       : xinzhi_corpus_get_people (corpus);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) value = g_list_model_get_item (model, i);

          xinzhi_filter_set_only (values, kind, value);
          xinzhi_filter_set_only (both, kind, value);
          for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
            for (guint k = 0; k < g_list_model_get_n_items (lists[l]); k++)
              {
                g_autoptr(GObject) item = g_list_model_get_item (lists[l], k);
                gboolean passes = xinzhi_filter_matches (values, item);
                XinzhiSpanMatch match = xinzhi_filter_match_span (span, item);

                g_assert_cmpint (xinzhi_filter_match_span (both, item), ==, match);
                g_assert_cmpint (xinzhi_filter_matches (both, item), ==,
                                 passes && match == XINZHI_SPAN_IN);
                g_assert_cmpint (xinzhi_filter_matches_possibly (both, item), ==,
                                 passes && match == XINZHI_SPAN_POSSIBLY);
                if (passes)
                  {
                    n_in += match == XINZHI_SPAN_IN;
                    n_possibly += match == XINZHI_SPAN_POSSIBLY;
                    n_out += match == XINZHI_SPAN_OUT;
                  }
              }
          xinzhi_filter_set_only (values, kind, NULL);
          xinzhi_filter_set_only (both, kind, NULL);
        }
    }

  /* Every answer came up. */
  g_assert_cmpuint (n_in, >, 0);
  g_assert_cmpuint (n_possibly, >, 0);
  g_assert_cmpuint (n_out, >, 0);

  /* By hand: Xi Jinping in March 2024.  His events: the Heilongjiang tour (September
   * 2023), the January 31 statement, the Jiangsu delegation (5 March 2024) and the Two
   * Sessions (March 2024); the last two lie in March. */
  xinzhi_filter_add (both, XINZHI_FILTER_PERSON, xinzhi_corpus_lookup_person (corpus, "xi-jinping"));
  g_assert_cmpuint (count_matches (both, xinzhi_corpus_get_events (corpus)), ==, 2);
  g_assert_true (xinzhi_filter_matches_event (both, xinzhi_corpus_lookup_event (corpus, "xi-jiangsu-delegation")));
  g_assert_true (xinzhi_filter_matches_event (both, xinzhi_corpus_lookup_event (corpus, "two-sessions-2024")));
  g_assert_false (xinzhi_filter_matches_event (both, xinzhi_corpus_lookup_event (corpus, "xi-heilongjiang-tour")));
}

/* "changed" once per real change of the span; clear() and is_empty() count it. */
static void
test_filter_span_changed (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_builtin ();
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  XinzhiSector *hydrogen = xinzhi_corpus_lookup_sector (corpus, "hydrogen-energy");
  guint32 first = 0, last = 0;
  guint n_changed = 0;

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), &n_changed);

  g_assert_false (xinzhi_filter_get_span (filter, &first, &last));
  g_assert_false (xinzhi_filter_clear_span (filter));
  g_assert_null (xinzhi_filter_dup_span_label (filter));
  g_assert_cmpuint (n_changed, ==, 0);

  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 6, 30)));
  g_assert_false (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 6, 30)));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_false (xinzhi_filter_is_empty (filter));
  g_assert_true (xinzhi_filter_get_span (filter, &first, &last));
  g_assert_cmpuint (first, ==, xinzhi_test_julian (2024, 3, 1));
  g_assert_cmpuint (last, ==, xinzhi_test_julian (2024, 6, 30));

  /* Moving either edge is a change. */
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 2), xinzhi_test_julian (2024, 6, 30)));
  g_assert_true (xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 2), xinzhi_test_julian (2024, 6, 29)));
  g_assert_cmpuint (n_changed, ==, 3);

  g_assert_true (xinzhi_filter_clear_span (filter));
  g_assert_false (xinzhi_filter_clear_span (filter));
  g_assert_cmpuint (n_changed, ==, 4);
  g_assert_true (xinzhi_filter_is_empty (filter));
  g_assert_false (xinzhi_filter_get_span (filter, NULL, NULL));

  /* Clearing the other kinds leaves the span; clear() takes both, in one change. */
  xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 12, 31));
  xinzhi_filter_add (filter, XINZHI_FILTER_SECTOR, hydrogen);
  g_assert_true (xinzhi_filter_set_only (filter, XINZHI_FILTER_SECTOR, NULL));
  g_assert_true (xinzhi_filter_get_span (filter, NULL, NULL));
  xinzhi_filter_add (filter, XINZHI_FILTER_SECTOR, hydrogen);
  g_assert_cmpuint (n_changed, ==, 8);
  g_assert_true (xinzhi_filter_clear (filter));
  g_assert_cmpuint (n_changed, ==, 9);
  g_assert_false (xinzhi_filter_get_span (filter, NULL, NULL));
  g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_SECTOR), ==, 0);
  g_assert_true (xinzhi_filter_is_empty (filter));

  /* A span alone is something to clear. */
  xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 1, 1));
  g_assert_true (xinzhi_filter_clear (filter));
  g_assert_false (xinzhi_filter_clear (filter));
  g_assert_cmpuint (n_changed, ==, 11);
}

/* Following a link to an item the span hides takes the span away; one it holds, or
 * only possibly holds (every view shows those, apart), leaves it. */
static void
test_filter_span_reveal (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("dates.json");
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  guint n_changed = 0;

  xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31));
  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), &n_changed);

  g_assert_false (xinzhi_filter_reveal (filter, xinzhi_corpus_lookup_document (corpus, "day")));
  g_assert_true (xinzhi_filter_get_span (filter, NULL, NULL));
  g_assert_cmpuint (n_changed, ==, 0);

  g_assert_true (xinzhi_filter_reveal (filter, xinzhi_corpus_lookup_document (corpus, "later")));
  g_assert_false (xinzhi_filter_get_span (filter, NULL, NULL));
  g_assert_cmpuint (n_changed, ==, 1);

  xinzhi_filter_set_span (filter, xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31));
  g_assert_cmpint (xinzhi_filter_match_span (filter, xinzhi_corpus_lookup_event (corpus, "the-year")), ==,
                   XINZHI_SPAN_POSSIBLY);
  g_assert_false (xinzhi_filter_reveal (filter, xinzhi_corpus_lookup_event (corpus, "the-year")));
  g_assert_true (xinzhi_filter_get_span (filter, NULL, NULL));
  g_assert_cmpuint (n_changed, ==, 2);
}

typedef struct
{
  guint32     first;
  guint32     last;
  const char *text;
} SpanText;

static void
assert_span_texts (const SpanText *cases,
                   gsize           n_cases)
{
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();

  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *text = xinzhi_date_format_span (cases[i].first, cases[i].last);
      g_autofree char *label = NULL;

      g_assert_cmpstr (text, ==, cases[i].text);
      xinzhi_filter_set_span (filter, cases[i].first, cases[i].last);
      label = xinzhi_filter_dup_span_label (filter);
      g_assert_cmpstr (label, ==, cases[i].text);
    }
}

/* The text of a span, as precise as its edges: whole years, whole months, days. */
static void
test_filter_span_text (void)
{
  const SpanText cases[] = {
    { xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 12, 31), "2024" },
    { xinzhi_test_julian (2023, 1, 1), xinzhi_test_julian (2024, 12, 31), "2023 – 2024" },
    { xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 6, 30), "Mar 2024 – Jun 2024" },
    { xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31), "Mar 2024" },
    { xinzhi_test_julian (2024, 2, 1), xinzhi_test_julian (2024, 2, 29), "Feb 2024" },
    { xinzhi_test_julian (2023, 9, 1), xinzhi_test_julian (2024, 3, 31), "Sep 2023 – Mar 2024" },
    { xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 11, 30), "Jan 2024 – Nov 2024" },
    { xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 6, 12), "5 Mar 2024 – 12 Jun 2024" },
    { xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 6, 29), "1 Mar 2024 – 29 Jun 2024" },
    { xinzhi_test_julian (2024, 2, 1), xinzhi_test_julian (2024, 2, 28), "1 Feb 2024 – 28 Feb 2024" },
    { xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 3, 12), "5 Mar 2024 – 12 Mar 2024" },
    { xinzhi_test_julian (2023, 12, 28), xinzhi_test_julian (2024, 1, 3), "28 Dec 2023 – 3 Jan 2024" },
    { xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 3, 5), "5 Mar 2024" },
  };

  assert_span_texts (cases, G_N_ELEMENTS (cases));
}

static gboolean
has_locale (const char *name)
{
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  gboolean has = setlocale (LC_ALL, name) != NULL;

  setlocale (LC_ALL, old);
  return has;
}

/* The same in Simplified Chinese, from the build folder's catalogue: the end leaves out
 * the year, or the year and month, it shares with the start.  In a child, whose locale
 * and catalogue are Chinese from the start. */
static void
test_filter_span_text_zh (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autofree char *catalogue = g_build_filename (localedir, "zh_CN", "LC_MESSAGES",
                                                     GETTEXT_PACKAGE ".mo", NULL);
      const SpanText cases[] = {
        { xinzhi_test_julian (2024, 1, 1), xinzhi_test_julian (2024, 12, 31), "2024年" },
        { xinzhi_test_julian (2023, 1, 1), xinzhi_test_julian (2024, 12, 31), "2023年至2024年" },
        { xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 6, 30), "2024年3月至6月" },
        { xinzhi_test_julian (2024, 3, 1), xinzhi_test_julian (2024, 3, 31), "2024年3月" },
        { xinzhi_test_julian (2023, 9, 1), xinzhi_test_julian (2024, 3, 31), "2023年9月至2024年3月" },
        { xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 6, 12), "2024年3月5日至6月12日" },
        { xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 3, 12), "2024年3月5日至12日" },
        { xinzhi_test_julian (2023, 12, 28), xinzhi_test_julian (2024, 1, 3), "2023年12月28日至2024年1月3日" },
        { xinzhi_test_julian (2024, 3, 5), xinzhi_test_julian (2024, 3, 5), "2024年3月5日" },
      };

      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "zh_CN.UTF-8"));
      g_assert_true (g_file_test (catalogue, G_FILE_TEST_IS_REGULAR));
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      assert_span_texts (cases, G_N_ELEMENTS (cases));
      return;
    }

  /* Without the locale generated, gettext keeps to English: nothing to check. */
  if (!has_locale ("zh_CN.UTF-8"))
    {
      g_test_skip ("the zh_CN.UTF-8 locale is missing");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* "Reviewed only" hides the quotes nobody has reviewed, and only them; it counts as a
 * filter, clears with the others, and a link to a hidden quote turns it off. */
static void
test_filter_reviewed_only (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("version-3.json");
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  XinzhiQuote *suggested = xinzhi_corpus_lookup_quote (corpus, "q1");
  XinzhiQuote *reviewed = xinzhi_corpus_lookup_quote (corpus, "q2");
  XinzhiDocument *document = xinzhi_quote_get_document (suggested);
  XinzhiEvent *event = xinzhi_corpus_lookup_event (corpus, "report");
  guint changes = 0;

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), &changes);
  g_assert_true (xinzhi_filter_matches (filter, suggested));
  g_assert_true (xinzhi_filter_set_reviewed_only (filter, TRUE));
  g_assert_false (xinzhi_filter_set_reviewed_only (filter, TRUE));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_false (xinzhi_filter_is_empty (filter));
  g_assert_false (xinzhi_filter_matches (filter, suggested));
  g_assert_true (xinzhi_filter_matches (filter, reviewed));
  g_assert_true (xinzhi_filter_matches (filter, document));
  g_assert_true (xinzhi_filter_matches (filter, event));

  /* A link to the hidden quote turns it off; one to the other leaves it. */
  g_assert_false (xinzhi_filter_reveal (filter, reviewed));
  g_assert_true (xinzhi_filter_reveal (filter, suggested));
  g_assert_false (xinzhi_filter_get_reviewed_only (filter));
  g_assert_true (xinzhi_filter_is_empty (filter));

  xinzhi_filter_set_reviewed_only (filter, TRUE);
  g_assert_true (xinzhi_filter_clear (filter));
  g_assert_false (xinzhi_filter_get_reviewed_only (filter));
}

/* Rebinding to the same corpus loaded again keeps every value, as the new corpus's
 * objects, and the span; to another corpus, drops what it lacks. */
static void
test_filter_rebind (void)
{
  g_autoptr(XinzhiCorpus) before = xinzhi_test_load_builtin ();
  g_autoptr(XinzhiCorpus) after = xinzhi_test_load_builtin ();
  g_autoptr(XinzhiCorpus) other = xinzhi_test_load_data ("minimal.json");
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  /* Neither is in the minimal corpus. */
  XinzhiSector *sector = xinzhi_corpus_lookup_sector (before, "artificial-intelligence");
  XinzhiPerson *person = xinzhi_corpus_lookup_person (before, "xi-jinping");
  guint32 first = 0, last = 0;
  guint n_changed = 0;

  xinzhi_filter_add (filter, XINZHI_FILTER_SECTOR, sector);
  xinzhi_filter_add (filter, XINZHI_FILTER_PERSON, person);
  xinzhi_filter_add (filter, XINZHI_FILTER_OUTLET, (gpointer) "Test Daily");
  xinzhi_filter_set_span (filter, 2460000, 2460400);
  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), &n_changed);

  g_assert_false (xinzhi_filter_rebind (filter, after));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (xinzhi_filter_get_value (filter, XINZHI_FILTER_SECTOR, 0) ==
                 (gpointer) xinzhi_corpus_lookup_sector (after, xinzhi_sector_get_id (sector)));
  g_assert_true (xinzhi_filter_get_value (filter, XINZHI_FILTER_PERSON, 0) ==
                 (gpointer) xinzhi_corpus_lookup_person (after, xinzhi_person_get_id (person)));
  g_assert_cmpstr (xinzhi_filter_get_value (filter, XINZHI_FILTER_OUTLET, 0), ==, "Test Daily");
  g_assert_true (xinzhi_filter_get_span (filter, &first, &last));
  g_assert_cmpuint (first, ==, 2460000);
  g_assert_cmpuint (last, ==, 2460400);

  g_assert_true (xinzhi_filter_rebind (filter, other));
  g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_SECTOR), ==, 0);
  g_assert_cmpuint (xinzhi_filter_get_n_values (filter, XINZHI_FILTER_PERSON), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/empty", test_filter_empty);
  g_test_add_func ("/filter/single", test_filter_single);
  g_test_add_func ("/filter/combinations", test_filter_combinations);
  g_test_add_func ("/filter/by-hand", test_filter_by_hand);
  g_test_add_func ("/filter/changed", test_filter_changed);
  g_test_add_func ("/filter/reveal", test_filter_reveal);
  g_test_add_func ("/filter/reviewed-only", test_filter_reviewed_only);
  g_test_add_func ("/filter/rebind", test_filter_rebind);
  g_test_add_func ("/filter/span/precision", test_filter_span_precision);
  g_test_add_func ("/filter/span/estimates", test_filter_span_estimates);
  g_test_add_func ("/filter/span/undated", test_filter_span_undated);
  g_test_add_func ("/filter/span/combined", test_filter_span_combined);
  g_test_add_func ("/filter/span/changed", test_filter_span_changed);
  g_test_add_func ("/filter/span/reveal", test_filter_span_reveal);
  g_test_add_func ("/filter/span/text", test_filter_span_text);
  g_test_add_func ("/filter/span/text-zh", test_filter_span_text_zh);

  return g_test_run ();
}

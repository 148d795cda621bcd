/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-corpus.h"
#include "xinzhi-filter.h"

/* The shared filter, headless, against the built-in corpus: each kind alone keeps what
 * the corpus's primary links say (a sector's mentions, a person's quotes, an article's
 * outlet, an event's sources); values of one kind combine with OR and kinds with AND;
 * a few results checked by hand against data/corpus/xinzhi-corpus.json; the "changed"
 * signal; and revealing a hidden item. */

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

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-filter.h"

/* The filters that narrow every view at once: sets of sectors, people and outlets,
 * and a time span.
 *
 * An item passes a kind of filter when it concerns any of that kind's values (OR
 * within a kind), and the filter matches it when it passes every kind that has values
 * (AND across kinds); a kind without values lets everything through.  What "concerns"
 * means, from what the corpus loader derives:
 *
 * | filter  | an article                | a quote                     | an event                               |
 * |---------|---------------------------|-----------------------------|----------------------------------------|
 * | sector  | names it (a mention)      | its words name it           | a source paragraph or a quote names it |
 * | person  | quotes or names them      | they are the speaker        | the corpus links them, or they speak in one of its quotes |
 * | outlet  | it is the article's outlet | it is the article's outlet | it is the outlet of one of its sources |
 *
 * A time span, from a first to a last day, is one more kind with at most one value: the
 * filter matches an item only when every day its date may stand for lies in the span
 * (XINZHI_SPAN_IN); an item whose dates cannot tell (XINZHI_SPAN_POSSIBLY: imprecise,
 * a range over the span's edge, estimated or undated) is neither matched nor left out
 * silently, but kept apart, for views to show as possibly in the span
 * (xinzhi_filter_matches_possibly()).  The rule is in xinzhi-filter.h, at
 * XinzhiSpanMatch.
 *
 * "Reviewed only" hides the quotes and events the extractor suggested and nobody has
 * reviewed (xinzhi_quote_get_reviewed(), xinzhi_event_get_reviewed()); articles are
 * never suggestions.
 *
 * The filter holds the corpus's own objects (and outlet names), so a window clears it
 * when it shows another corpus. */
struct _XinzhiFilter
{
  GObject    parent_instance;

  /* Owned: per kind, its values in the order they were added; objects for sectors and
   * people, strings for outlets. */
  GPtrArray *values[XINZHI_FILTER_N_KINDS];

  /* The span, as Julian day numbers (xinzhi_date_first_day()); 0 and 0 for none. */
  guint32    span_first;
  guint32    span_last;

  gboolean   reviewed_only;
};

G_DEFINE_FINAL_TYPE (XinzhiFilter, xinzhi_filter, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
value_equal (XinzhiFilterKind kind,
             gconstpointer    a,
             gconstpointer    b)
{
  if (kind == XINZHI_FILTER_OUTLET)
    return g_strcmp0 (a, b) == 0;
  return a == b;
}

static gboolean
find_value (XinzhiFilter     *self,
            XinzhiFilterKind  kind,
            gconstpointer     value,
            guint            *index)
{
  GPtrArray *values = self->values[kind];

  for (guint i = 0; i < values->len; i++)
    {
      if (value_equal (kind, g_ptr_array_index (values, i), value))
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
model_holds_value (XinzhiFilter     *self,
                   XinzhiFilterKind  kind,
                   GListModel       *model)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (find_value (self, kind, item, NULL))
        return TRUE;
    }

  return FALSE;
}

static gboolean
quote_passes (XinzhiFilter     *self,
              XinzhiFilterKind  kind,
              XinzhiQuote      *quote)
{
  switch (kind)
    {
    case XINZHI_FILTER_SECTOR:
      return model_holds_value (self, kind, xinzhi_quote_get_sectors (quote));
    case XINZHI_FILTER_PERSON:
      return find_value (self, kind, xinzhi_quote_get_person (quote), NULL);
    case XINZHI_FILTER_OUTLET:
      return find_value (self, kind,
                         xinzhi_document_get_outlet (xinzhi_quote_get_document (quote)), NULL);
    case XINZHI_FILTER_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
document_passes (XinzhiFilter     *self,
                 XinzhiFilterKind  kind,
                 XinzhiDocument   *document)
{
  switch (kind)
    {
    case XINZHI_FILTER_SECTOR:
      return model_holds_value (self, kind, xinzhi_document_get_sectors (document));
    case XINZHI_FILTER_PERSON:
      return model_holds_value (self, kind, xinzhi_document_get_people (document));
    case XINZHI_FILTER_OUTLET:
      return find_value (self, kind, xinzhi_document_get_outlet (document), NULL);
    case XINZHI_FILTER_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
event_passes (XinzhiFilter     *self,
              XinzhiFilterKind  kind,
              XinzhiEvent      *event)
{
  GListModel *quotes = xinzhi_event_get_quotes (event);

  switch (kind)
    {
    case XINZHI_FILTER_SECTOR:
      if (model_holds_value (self, kind, xinzhi_event_get_sectors (event)))
        return TRUE;
      break;
    case XINZHI_FILTER_PERSON:
      if (model_holds_value (self, kind, xinzhi_event_get_people (event)))
        return TRUE;
      break;
    case XINZHI_FILTER_OUTLET:
      for (guint i = 0; i < xinzhi_event_get_n_sources (event); i++)
        {
          XinzhiDocument *source = xinzhi_event_get_source (event, i, NULL);

          if (find_value (self, kind, xinzhi_document_get_outlet (source), NULL))
            return TRUE;
        }
      return FALSE;
    case XINZHI_FILTER_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  /* A sector or a person may also come in through the event's quotes. */
  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);

      if (quote_passes (self, kind, quote))
        return TRUE;
    }

  return FALSE;
}

static gboolean
item_passes (XinzhiFilter     *self,
             XinzhiFilterKind  kind,
             gpointer          item)
{
  if (XINZHI_IS_DOCUMENT (item))
    return document_passes (self, kind, item);
  if (XINZHI_IS_QUOTE (item))
    return quote_passes (self, kind, item);
  if (XINZHI_IS_EVENT (item))
    return event_passes (self, kind, item);

  g_critical ("xinzhi_filter: a %s is neither an article, a quote nor an event",
              G_OBJECT_TYPE_NAME (item));
  return FALSE;
}

/* Where the days from @first to @last, which an item's date may stand for, fall
 * against the span. */
static XinzhiSpanMatch
days_in_span (XinzhiFilter *self,
              guint32       first,
              guint32       last)
{
  if (last < self->span_first || first > self->span_last)
    return XINZHI_SPAN_OUT;
  if (first >= self->span_first && last <= self->span_last)
    return XINZHI_SPAN_IN;
  return XINZHI_SPAN_POSSIBLY;
}

static XinzhiSpanMatch
document_in_span (XinzhiFilter   *self,
                  XinzhiDocument *document)
{
  const XinzhiDate *date = xinzhi_document_get_date (document);

  if (date->precision == XINZHI_DATE_PRECISION_NONE ||
      xinzhi_document_get_date_estimated (document))
    return XINZHI_SPAN_POSSIBLY;

  return days_in_span (self, xinzhi_date_first_day (date), xinzhi_date_last_day (date));
}

static XinzhiSpanMatch
event_in_span (XinzhiFilter *self,
               XinzhiEvent  *event)
{
  const XinzhiDate *start = xinzhi_event_get_start (event);
  const XinzhiDate *end = xinzhi_event_get_end (event);

  if (start->precision == XINZHI_DATE_PRECISION_NONE ||
      end->precision == XINZHI_DATE_PRECISION_NONE ||
      xinzhi_event_get_date_estimated (event))
    return XINZHI_SPAN_POSSIBLY;

  return days_in_span (self, xinzhi_date_first_day (start), xinzhi_date_last_day (end));
}

/* Where @item falls against the span, which is set. */
static XinzhiSpanMatch
item_in_span (XinzhiFilter *self,
              gpointer      item)
{
  if (XINZHI_IS_DOCUMENT (item))
    return document_in_span (self, item);
  if (XINZHI_IS_QUOTE (item))
    return document_in_span (self, xinzhi_quote_get_document (item));
  if (XINZHI_IS_EVENT (item))
    return event_in_span (self, item);

  g_critical ("xinzhi_filter: a %s is neither an article, a quote nor an event",
              G_OBJECT_TYPE_NAME (item));
  return XINZHI_SPAN_OUT;
}

static gboolean
has_span (XinzhiFilter *self)
{
  return self->span_first != 0;
}

/* Whether @item is not a suggestion nobody has reviewed. */
static gboolean
is_reviewed (gpointer item)
{
  if (XINZHI_IS_QUOTE (item))
    return xinzhi_quote_get_reviewed (item);
  if (XINZHI_IS_EVENT (item))
    return xinzhi_event_get_reviewed (item);
  return TRUE;
}

/* Whether @item passes every kind of value, the span aside. */
static gboolean
passes_values (XinzhiFilter *self,
               gpointer      item)
{
  if (self->reviewed_only && !is_reviewed (item))
    return FALSE;

  for (guint kind = 0; kind < XINZHI_FILTER_N_KINDS; kind++)
    if (self->values[kind]->len > 0 && !item_passes (self, kind, item))
      return FALSE;

  return TRUE;
}

static gboolean
check_kind_and_value (XinzhiFilterKind kind,
                      gconstpointer    value)
{
  switch (kind)
    {
    case XINZHI_FILTER_SECTOR:
      return XINZHI_IS_SECTOR ((gpointer) value);
    case XINZHI_FILTER_PERSON:
      return XINZHI_IS_PERSON ((gpointer) value);
    case XINZHI_FILTER_OUTLET:
      return value != NULL;
    case XINZHI_FILTER_N_KINDS:
    default:
      return FALSE;
    }
}

static void
emit_changed (XinzhiFilter *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
xinzhi_filter_finalize (GObject *object)
{
  XinzhiFilter *self = XINZHI_FILTER (object);

  for (guint kind = 0; kind < XINZHI_FILTER_N_KINDS; kind++)
    g_ptr_array_unref (self->values[kind]);

  G_OBJECT_CLASS (xinzhi_filter_parent_class)->finalize (object);
}

static void
xinzhi_filter_class_init (XinzhiFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xinzhi_filter_finalize;

  /**
   * XinzhiFilter::changed:
   *
   * The values or the span changed: what the filter matches may be different.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
xinzhi_filter_init (XinzhiFilter *self)
{
  self->values[XINZHI_FILTER_SECTOR] = g_ptr_array_new_with_free_func (g_object_unref);
  self->values[XINZHI_FILTER_PERSON] = g_ptr_array_new_with_free_func (g_object_unref);
  self->values[XINZHI_FILTER_OUTLET] = g_ptr_array_new_with_free_func (g_free);
}

/**
 * xinzhi_filter_new:
 *
 * Returns: (transfer full): a filter without values, which matches everything
 */
XinzhiFilter *
xinzhi_filter_new (void)
{
  return g_object_new (XINZHI_TYPE_FILTER, NULL);
}

/**
 * xinzhi_filter_is_empty:
 *
 * Returns: whether no kind has a value and no span is set, so that the filter
 *   matches everything
 */
gboolean
xinzhi_filter_is_empty (XinzhiFilter *self)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), TRUE);

  if (has_span (self) || self->reviewed_only)
    return FALSE;

  for (guint kind = 0; kind < XINZHI_FILTER_N_KINDS; kind++)
    if (self->values[kind]->len > 0)
      return FALSE;

  return TRUE;
}

guint
xinzhi_filter_get_n_values (XinzhiFilter     *self,
                            XinzhiFilterKind  kind)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), 0);
  g_return_val_if_fail (kind < XINZHI_FILTER_N_KINDS, 0);

  return self->values[kind]->len;
}

/**
 * xinzhi_filter_get_value:
 * @kind: a kind of filter
 * @index: less than xinzhi_filter_get_n_values()
 *
 * Returns: (transfer none): the @index-th value of @kind, in the order they were
 *   added: a #XinzhiSector, a #XinzhiPerson, or an outlet's name
 */
gpointer
xinzhi_filter_get_value (XinzhiFilter     *self,
                         XinzhiFilterKind  kind,
                         guint             index)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), NULL);
  g_return_val_if_fail (kind < XINZHI_FILTER_N_KINDS, NULL);
  g_return_val_if_fail (index < self->values[kind]->len, NULL);

  return g_ptr_array_index (self->values[kind], index);
}

gboolean
xinzhi_filter_has_value (XinzhiFilter     *self,
                         XinzhiFilterKind  kind,
                         gconstpointer     value)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (kind < XINZHI_FILTER_N_KINDS, FALSE);

  return find_value (self, kind, value, NULL);
}

/**
 * xinzhi_filter_add:
 * @kind: a kind of filter
 * @value: a #XinzhiSector, a #XinzhiPerson or an outlet's name, as @kind says
 *
 * Adds @value to the values of @kind, which then keeps what concerns any of them.
 *
 * Returns: whether @value was not there already
 */
gboolean
xinzhi_filter_add (XinzhiFilter     *self,
                   XinzhiFilterKind  kind,
                   gpointer          value)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (check_kind_and_value (kind, value), FALSE);

  if (find_value (self, kind, value, NULL))
    return FALSE;

  g_ptr_array_add (self->values[kind],
                   kind == XINZHI_FILTER_OUTLET ? (gpointer) g_strdup (value) : g_object_ref (value));
  emit_changed (self);
  return TRUE;
}

/**
 * xinzhi_filter_remove:
 * @kind: a kind of filter
 * @value: a value of @kind
 *
 * Returns: whether @value was there
 */
gboolean
xinzhi_filter_remove (XinzhiFilter     *self,
                      XinzhiFilterKind  kind,
                      gconstpointer     value)
{
  guint index;

  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (kind < XINZHI_FILTER_N_KINDS, FALSE);

  if (!find_value (self, kind, value, &index))
    return FALSE;

  g_ptr_array_remove_index (self->values[kind], index);
  emit_changed (self);
  return TRUE;
}

/**
 * xinzhi_filter_set_only:
 * @kind: a kind of filter
 * @value: (nullable): a value of @kind, or %NULL for none
 *
 * Makes @value the one value of @kind, or leaves @kind without values; the other kinds
 * stay as they are.  For controls that choose one value at a time.
 *
 * Returns: whether the values changed
 */
gboolean
xinzhi_filter_set_only (XinzhiFilter     *self,
                        XinzhiFilterKind  kind,
                        gpointer          value)
{
  GPtrArray *values;

  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (kind < XINZHI_FILTER_N_KINDS, FALSE);
  g_return_val_if_fail (value == NULL || check_kind_and_value (kind, value), FALSE);

  values = self->values[kind];
  if (value == NULL ? values->len == 0
                    : values->len == 1 && value_equal (kind, g_ptr_array_index (values, 0), value))
    return FALSE;

  g_ptr_array_set_size (values, 0);
  if (value != NULL)
    g_ptr_array_add (values,
                     kind == XINZHI_FILTER_OUTLET ? (gpointer) g_strdup (value) : g_object_ref (value));
  emit_changed (self);
  return TRUE;
}

/**
 * xinzhi_filter_clear:
 *
 * Removes every value and the span, so that the filter matches everything.
 *
 * Returns: whether there were values or a span
 */
gboolean
xinzhi_filter_clear (XinzhiFilter *self)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);

  if (xinzhi_filter_is_empty (self))
    return FALSE;

  for (guint kind = 0; kind < XINZHI_FILTER_N_KINDS; kind++)
    g_ptr_array_set_size (self->values[kind], 0);
  self->span_first = self->span_last = 0;
  self->reviewed_only = FALSE;
  emit_changed (self);
  return TRUE;
}

/**
 * xinzhi_filter_rebind:
 * @corpus: the corpus the filter is to name from now on
 *
 * For a corpus file shown again after an edit: each sector and person of the filter
 * becomes @corpus's of the same id, and one that @corpus lacks goes; the outlets, the
 * span and "reviewed only" stay.  "changed" is emitted when there was a sector or a
 * person, since the objects are others now.
 *
 * Returns: whether a sector or a person went
 */
gboolean
xinzhi_filter_rebind (XinzhiFilter *self,
                      XinzhiCorpus *corpus)
{
  gboolean had_objects = FALSE;
  gboolean dropped = FALSE;

  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (XINZHI_IS_CORPUS (corpus), FALSE);

  for (guint kind = XINZHI_FILTER_SECTOR; kind <= XINZHI_FILTER_PERSON; kind++)
    {
      GPtrArray *values = self->values[kind];
      g_autoptr(GPtrArray) rebound = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < values->len; i++)
        {
          gpointer value = g_ptr_array_index (values, i);
          gpointer now = kind == XINZHI_FILTER_SECTOR
                         ? (gpointer) xinzhi_corpus_lookup_sector (corpus, xinzhi_sector_get_id (value))
                         : (gpointer) xinzhi_corpus_lookup_person (corpus, xinzhi_person_get_id (value));

          had_objects = TRUE;
          if (now != NULL)
            g_ptr_array_add (rebound, g_object_ref (now));
          else
            dropped = TRUE;
        }
      g_ptr_array_set_size (values, 0);
      g_ptr_array_extend_and_steal (values, g_steal_pointer (&rebound));
    }

  if (had_objects)
    emit_changed (self);
  return dropped;
}

/**
 * xinzhi_filter_set_span:
 * @first_day: the Julian day number of the span's first day, as
 *   xinzhi_date_first_day() gives
 * @last_day: that of its last day, no earlier than @first_day
 *
 * Sets the time span, in place of any other: the filter then keeps only what lies in
 * it (see #XinzhiSpanMatch).  The other kinds stay as they are.
 *
 * Returns: whether the span changed
 */
gboolean
xinzhi_filter_set_span (XinzhiFilter *self,
                        guint32       first_day,
                        guint32       last_day)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (g_date_valid_julian (first_day), FALSE);
  g_return_val_if_fail (g_date_valid_julian (last_day) && last_day >= first_day, FALSE);

  if (self->span_first == first_day && self->span_last == last_day)
    return FALSE;

  self->span_first = first_day;
  self->span_last = last_day;
  emit_changed (self);
  return TRUE;
}

/**
 * xinzhi_filter_clear_span:
 *
 * Removes the time span; the other kinds stay as they are.
 *
 * Returns: whether there was a span
 */
gboolean
xinzhi_filter_clear_span (XinzhiFilter *self)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);

  if (!has_span (self))
    return FALSE;

  self->span_first = self->span_last = 0;
  emit_changed (self);
  return TRUE;
}

/**
 * xinzhi_filter_set_reviewed_only:
 * @reviewed_only: whether to hide the quotes and events nobody has reviewed
 *
 * Returns: whether it changed
 */
gboolean
xinzhi_filter_set_reviewed_only (XinzhiFilter *self,
                                 gboolean      reviewed_only)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);

  reviewed_only = !!reviewed_only;
  if (self->reviewed_only == reviewed_only)
    return FALSE;

  self->reviewed_only = reviewed_only;
  emit_changed (self);
  return TRUE;
}

/**
 * xinzhi_filter_get_reviewed_only:
 *
 * Returns: whether the filter hides the quotes and events the extractor suggested and nobody has
 *   reviewed
 */
gboolean
xinzhi_filter_get_reviewed_only (XinzhiFilter *self)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  return self->reviewed_only;
}

/**
 * xinzhi_filter_get_span:
 * @first_day: (out) (optional): the Julian day number of the span's first day
 * @last_day: (out) (optional): that of its last day
 *
 * Returns: whether a span is set; when none is, the days are left as they were
 */
gboolean
xinzhi_filter_get_span (XinzhiFilter *self,
                        guint32      *first_day,
                        guint32      *last_day)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);

  if (!has_span (self))
    return FALSE;

  if (first_day != NULL)
    *first_day = self->span_first;
  if (last_day != NULL)
    *last_day = self->span_last;
  return TRUE;
}

/**
 * xinzhi_filter_dup_span_label:
 *
 * Returns: (transfer full) (nullable): the span for people, as precise as its edges
 *   (xinzhi_date_format_span()), or %NULL when no span is set
 */
char *
xinzhi_filter_dup_span_label (XinzhiFilter *self)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), NULL);

  if (!has_span (self))
    return NULL;

  return xinzhi_date_format_span (self->span_first, self->span_last);
}

/**
 * xinzhi_filter_match_span:
 * @item: a #XinzhiDocument, #XinzhiQuote or #XinzhiEvent
 *
 * Where @item falls against the span, by its dates alone; the other kinds play no part.
 * The rule, with its cases, is at #XinzhiSpanMatch.
 *
 * Returns: %XINZHI_SPAN_IN, %XINZHI_SPAN_POSSIBLY or %XINZHI_SPAN_OUT; %XINZHI_SPAN_IN
 *   for everything when no span is set
 */
XinzhiSpanMatch
xinzhi_filter_match_span (XinzhiFilter *self,
                          gpointer      item)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), XINZHI_SPAN_OUT);
  g_return_val_if_fail (G_IS_OBJECT (item), XINZHI_SPAN_OUT);

  if (!has_span (self))
    return XINZHI_SPAN_IN;

  return item_in_span (self, item);
}

/**
 * xinzhi_filter_matches_document:
 *
 * Returns: whether @document names one of the sectors, quotes or names one of the
 *   people, and comes from one of the outlets, for each kind that has values, and
 *   its date lies in the span when one is set
 */
gboolean
xinzhi_filter_matches_document (XinzhiFilter   *self,
                                XinzhiDocument *document)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (document), FALSE);

  return xinzhi_filter_matches (self, document);
}

/**
 * xinzhi_filter_matches_quote:
 *
 * Returns: whether @quote's words name one of the sectors, its speaker is one of the
 *   people, and its article comes from one of the outlets, for each kind that has
 *   values, and its article's date lies in the span when one is set
 */
gboolean
xinzhi_filter_matches_quote (XinzhiFilter *self,
                             XinzhiQuote  *quote)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (XINZHI_IS_QUOTE (quote), FALSE);

  return xinzhi_filter_matches (self, quote);
}

/**
 * xinzhi_filter_matches_event:
 *
 * Returns: whether @event concerns one of the sectors (its source paragraphs or its
 *   quotes name it), one of the people (the corpus links them to it, or they speak in
 *   one of its quotes), and one of the outlets (the outlet of one of its sources), for
 *   each kind that has values, and its dates lie in the span when one is set
 */
gboolean
xinzhi_filter_matches_event (XinzhiFilter *self,
                             XinzhiEvent  *event)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (XINZHI_IS_EVENT (event), FALSE);

  return xinzhi_filter_matches (self, event);
}

/**
 * xinzhi_filter_matches:
 * @item: a #XinzhiDocument, #XinzhiQuote or #XinzhiEvent
 *
 * The test of xinzhi_filter_matches_document(), _quote() or _event(), as @item is; in
 * the shape a #GtkCustomFilter wants.
 *
 * Returns: whether @item passes every kind that has values and, when a span is set,
 *   lies in it for certain (%XINZHI_SPAN_IN); an item that only possibly lies in it
 *   does not match (see xinzhi_filter_matches_possibly())
 */
gboolean
xinzhi_filter_matches (XinzhiFilter *self,
                       gpointer      item)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  if (has_span (self) && item_in_span (self, item) != XINZHI_SPAN_IN)
    return FALSE;

  return passes_values (self, item);
}

/**
 * xinzhi_filter_matches_possibly:
 * @item: a #XinzhiDocument, #XinzhiQuote or #XinzhiEvent
 *
 * For views that show apart what possibly lies in the span: the items that pass every
 * kind that has values and whose dates cannot tell whether they lie in the span
 * (%XINZHI_SPAN_POSSIBLY).  No item both matches (xinzhi_filter_matches()) and
 * possibly matches.
 *
 * Returns: whether @item passes the values and possibly lies in the span; %FALSE when
 *   no span is set
 */
gboolean
xinzhi_filter_matches_possibly (XinzhiFilter *self,
                                gpointer      item)
{
  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  if (!has_span (self) || item_in_span (self, item) != XINZHI_SPAN_POSSIBLY)
    return FALSE;

  return passes_values (self, item);
}

/**
 * xinzhi_filter_reveal:
 * @item: a #XinzhiDocument, #XinzhiQuote or #XinzhiEvent
 *
 * Clears the kinds of filter that hide @item, and only those, so that a link to
 * something filtered out still leads to it.  The span goes when @item lies outside
 * it; an item it possibly holds keeps it, since every view shows such items, apart.
 *
 * Returns: whether any value was removed
 */
gboolean
xinzhi_filter_reveal (XinzhiFilter *self,
                      gpointer      item)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (XINZHI_IS_FILTER (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  for (guint kind = 0; kind < XINZHI_FILTER_N_KINDS; kind++)
    {
      if (self->values[kind]->len > 0 && !item_passes (self, kind, item))
        {
          g_ptr_array_set_size (self->values[kind], 0);
          changed = TRUE;
        }
    }

  if (has_span (self) && item_in_span (self, item) == XINZHI_SPAN_OUT)
    {
      self->span_first = self->span_last = 0;
      changed = TRUE;
    }

  if (self->reviewed_only && !is_reviewed (item))
    {
      self->reviewed_only = FALSE;
      changed = TRUE;
    }

  if (changed)
    emit_changed (self);
  return changed;
}

/**
 * xinzhi_filter_follow:
 * @slot: where a view keeps the filter it follows; %NULL or a filter
 * @filter: (nullable): the filter to follow from now, or %NULL for a new one of its own
 * @changed_cb: called, swapped, with @receiver when the filter changes
 * @receiver: the view; the handler goes when it is finalized
 *
 * For views that follow a filter that may be shared: moves @receiver's handler of
 * "changed" from the filter in @slot to @filter, which then takes its place.  The
 * caller then shows what @filter keeps, since it may differ from the one before.
 */
void
xinzhi_filter_follow (XinzhiFilter **slot,
                      XinzhiFilter  *filter,
                      GCallback      changed_cb,
                      gpointer       receiver)
{
  g_autoptr(XinzhiFilter) own = NULL;

  g_return_if_fail (slot != NULL);
  g_return_if_fail (filter == NULL || XINZHI_IS_FILTER (filter));
  g_return_if_fail (G_IS_OBJECT (receiver));

  if (filter == NULL)
    filter = own = xinzhi_filter_new ();

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, receiver);
  g_set_object (slot, filter);
  g_signal_connect_object (filter, "changed", changed_cb, receiver, G_CONNECT_SWAPPED);
}

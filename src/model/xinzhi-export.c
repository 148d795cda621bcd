/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Exports one kind of object of a corpus as JSON or CSV: a table with one row per
 * object.  Multi-valued cells are JSON arrays, or values joined with "; " in CSV.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xinzhi-export.h"

typedef struct
{
  const char *name;
  GStrv       values;     /* one value, or several for a list cell */
  gboolean    is_list;
} Cell;

typedef void (*RowFunc) (GObject *object, GArray *cells);

static void
cell (GArray     *cells,
      const char *name,
      const char *value)
{
  const char *values[] = { value ? value : "", NULL };
  Cell c = { name, g_strdupv ((char **) values), FALSE };

  g_array_append_val (cells, c);
}

static void
cell_take (GArray     *cells,
           const char *name,
           char       *value)
{
  cell (cells, name, value);
  g_free (value);
}

static void
cell_uint (GArray     *cells,
           const char *name,
           guint       value)
{
  cell_take (cells, name, g_strdup_printf ("%u", value));
}

static void
cell_list (GArray     *cells,
           const char *name,
           GStrv       values)
{
  Cell c = { name, values, TRUE };

  g_array_append_val (cells, c);
}

/* The ids of the objects of @model, as a list. */
static GStrv
ids_of (GListModel *model)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;

      g_object_get (object, "id", &id, NULL);
      g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static void
clear_cell (gpointer data)
{
  g_strfreev (((Cell *) data)->values);
}

static void
document_row (GObject *object,
              GArray  *cells)
{
  XinzhiDocument *document = XINZHI_DOCUMENT (object);

  cell (cells, "id", xinzhi_document_get_id (document));
  cell (cells, "title", xinzhi_document_get_title (document));
  cell (cells, "outlet", xinzhi_document_get_outlet (document));
  cell_take (cells, "date", xinzhi_date_to_iso (xinzhi_document_get_date (document)));
  cell (cells, "date_precision", xinzhi_date_precision_name (xinzhi_document_get_date (document)->precision));
  cell (cells, "date_estimated", xinzhi_document_get_date_estimated (document) ? "true" : "false");
  cell (cells, "url", xinzhi_document_get_url (document));
  cell_list (cells, "byline", g_strdupv ((char **) xinzhi_document_get_byline (document)));
  cell_uint (cells, "paragraphs", xinzhi_document_get_n_paragraphs (document));
  cell_list (cells, "sectors", ids_of (xinzhi_document_get_sectors (document)));
  cell_list (cells, "people", ids_of (xinzhi_document_get_people (document)));
  cell_list (cells, "events", ids_of (xinzhi_document_get_events (document)));
}

static void
person_row (GObject *object,
            GArray  *cells)
{
  XinzhiPerson *person = XINZHI_PERSON (object);
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();

  for (guint i = 0; i < xinzhi_person_get_n_roles (person); i++)
    {
      XinzhiDocument *document;
      const char *role = xinzhi_person_get_role (person, i, &document);

      g_strv_builder_take (roles, g_strdup_printf ("%s (%s)", role, xinzhi_document_get_id (document)));
    }

  cell (cells, "id", xinzhi_person_get_id (person));
  cell (cells, "name", xinzhi_person_get_name (person));
  cell (cells, "name_zh", xinzhi_person_get_name_zh (person));
  cell_list (cells, "variants", g_strdupv ((char **) xinzhi_person_get_variants (person)));
  cell_list (cells, "roles", g_strv_builder_end (roles));
  cell_list (cells, "quotes", ids_of (xinzhi_person_get_quotes (person)));
  cell_uint (cells, "mentions", xinzhi_person_get_n_mentions (person));
}

static void
sector_row (GObject *object,
            GArray  *cells)
{
  XinzhiSector *sector = XINZHI_SECTOR (object);
  const XinzhiEarliest *first = xinzhi_sector_get_first_mention (sector);

  cell (cells, "id", xinzhi_sector_get_id (sector));
  cell (cells, "name", xinzhi_sector_get_name (sector));
  cell (cells, "name_zh", xinzhi_sector_get_name_zh (sector));
  cell (cells, "group", xinzhi_sector_get_group_id (sector));
  cell_list (cells, "terms", g_strdupv ((char **) xinzhi_sector_get_terms (sector)));
  cell_uint (cells, "mentions", xinzhi_sector_get_n_mentions (sector));
  cell_uint (cells, "documents", xinzhi_sector_get_n_documents (sector));
  /* What is known of the first mention, and no more: the first stated date, whether it
   * is certainly the earliest stated one (or that date or earlier), and how many of
   * the articles have an estimated date, any of which may in truth be earlier. */
  cell_take (cells, "first_dated_mention", xinzhi_date_to_iso (&first->first));
  cell (cells, "first_dated_mention_certain", xinzhi_earliest_is_certain (first) ? "true" : "false");
  cell_uint (cells, "undated_documents", first->n_estimated);
}

static void
event_row (GObject *object,
           GArray  *cells)
{
  XinzhiEvent *event = XINZHI_EVENT (object);
  g_autoptr(GStrvBuilder) sources = g_strv_builder_new ();
  const char *rule = NULL;
  const char *evidence = NULL;

  for (guint i = 0; i < xinzhi_event_get_n_sources (event); i++)
    {
      guint paragraph;
      XinzhiDocument *document = xinzhi_event_get_source (event, i, &paragraph);

      g_strv_builder_take (sources, g_strdup_printf ("%s#%u", xinzhi_document_get_id (document), paragraph));
    }

  cell (cells, "id", xinzhi_event_get_id (event));
  cell (cells, "kind", xinzhi_event_get_kind (event) == XINZHI_EVENT_KIND_PERIOD ? "period" : "event");
  cell_take (cells, "start", xinzhi_date_to_iso (xinzhi_event_get_start (event)));
  cell_take (cells, "end", xinzhi_date_to_iso (xinzhi_event_get_end (event)));
  cell (cells, "date_estimated", xinzhi_event_get_date_estimated (event) ? "true" : "false");
  cell (cells, "title", xinzhi_event_get_title (event));
  cell (cells, "title_zh", xinzhi_event_get_title_zh (event));
  cell (cells, "summary", xinzhi_event_get_summary (event));
  cell_list (cells, "sources", g_strv_builder_end (sources));
  cell_list (cells, "sectors", ids_of (xinzhi_event_get_sectors (event)));
  cell_list (cells, "people", ids_of (xinzhi_event_get_people (event)));
  cell_list (cells, "quotes", ids_of (xinzhi_event_get_quotes (event)));
  /* A candidate of the extractor nobody has reviewed says so, and what dates it. */
  xinzhi_event_get_suggestion (event, &rule, &evidence, NULL);
  cell (cells, "reviewed", xinzhi_event_get_reviewed (event) ? "true" : "false");
  cell (cells, "rule", rule);
  cell (cells, "evidence", evidence);
}

static void
quote_row (GObject *object,
           GArray  *cells)
{
  XinzhiQuote *quote = XINZHI_QUOTE (object);
  XinzhiDocument *document = xinzhi_quote_get_document (quote);
  const char *rule = NULL;
  const char *evidence = NULL;

  cell (cells, "id", xinzhi_quote_get_id (quote));
  cell (cells, "person", xinzhi_person_get_id (xinzhi_quote_get_person (quote)));
  cell (cells, "speaker", xinzhi_person_get_name (xinzhi_quote_get_person (quote)));
  cell_take (cells, "role", xinzhi_quote_dup_role (quote));
  cell (cells, "document", xinzhi_document_get_id (document));
  cell (cells, "outlet", xinzhi_document_get_outlet (document));
  cell_take (cells, "date", xinzhi_date_to_iso (xinzhi_document_get_date (document)));
  cell (cells, "kind", xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT ? "direct" : "paraphrase");
  cell (cells, "text", xinzhi_quote_get_text (quote));
  cell_uint (cells, "paragraph", xinzhi_quote_get_paragraph (quote));
  cell_list (cells, "events", ids_of (xinzhi_quote_get_events (quote)));
  /* An extractor's suggestion nobody has reviewed says so, and why it was found. */
  xinzhi_quote_get_suggestion (quote, &rule, &evidence, NULL, NULL);
  cell (cells, "reviewed", xinzhi_quote_get_reviewed (quote) ? "true" : "false");
  cell (cells, "rule", rule);
  cell (cells, "evidence", evidence);
}

static const struct {
  const char   *kind;
  GListModel *(*list) (XinzhiCorpus *corpus);
  RowFunc       row;
} kinds[] = {
  { "documents", xinzhi_corpus_get_documents, document_row },
  { "people", xinzhi_corpus_get_people, person_row },
  { "sectors", xinzhi_corpus_get_sectors, sector_row },
  { "events", xinzhi_corpus_get_events, event_row },
  { "quotes", xinzhi_corpus_get_quotes, quote_row },
};

/**
 * xinzhi_export_is_kind:
 * @kind: what a person asked to export
 *
 * Returns: whether @kind is one xinzhi_export() writes: documents, people, sectors,
 *   events or quotes
 */
gboolean
xinzhi_export_is_kind (const char *kind)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_strcmp0 (kinds[k].kind, kind) == 0)
      return TRUE;
  return FALSE;
}

/**
 * xinzhi_export_append_json_array:
 * @out: where to append
 * @builder: a builder inside the array it began
 *
 * Ends the array @builder began and appends it, pretty printed, with a line break.
 */
void
xinzhi_export_append_json_array (GString     *out,
                                 JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}

/**
 * xinzhi_export_append_csv_field:
 * @out: where to append
 * @value: the field's value
 *
 * Quotes a CSV field as RFC 4180 asks: always, doubling inner quotes.  A field that
 * starts with a character a spreadsheet reads as the start of a formula (=, +, -, @, or
 * a tab or carriage return before one) gets an apostrophe in front, as spreadsheets
 * expect of text: corpus text, such as a quote starting "=HYPERLINK(", is then shown
 * as text and never run.
 */
void
xinzhi_export_append_csv_field (GString    *out,
                                const char *value)
{
  g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    g_string_append_c (out, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_row (GString *out,
                GArray  *cells,
                gboolean header)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const Cell *c = &g_array_index (cells, Cell, i);
      g_autofree char *joined = header ? g_strdup (c->name) : g_strjoinv ("; ", c->values);

      if (i > 0)
        g_string_append_c (out, ',');
      xinzhi_export_append_csv_field (out, joined);
    }
  g_string_append (out, "\r\n");
}

/**
 * xinzhi_export:
 * @corpus: a corpus
 * @kind: documents, people, sectors, events or quotes
 * @format: JSON or CSV
 * @stream: where to write
 * @error: return location for an error
 *
 * Writes one row per object of @kind.
 *
 * Returns: whether it succeeded
 */
gboolean
xinzhi_export (XinzhiCorpus        *corpus,
               const char          *kind,
               XinzhiExportFormat   format,
               GOutputStream       *stream,
               GError             **error)
{
  return xinzhi_export_filtered (corpus, kind, format, NULL, stream, NULL, NULL, error);
}

/**
 * xinzhi_export_filtered:
 * @corpus: a corpus
 * @kind: documents, people, sectors, events or quotes
 * @format: JSON or CSV
 * @filter: (nullable): the filters the views show, or %NULL for none
 * @stream: where to write
 * @n_rows: (out) (optional): how many rows were written
 * @n_possibly: (out) (optional): how many of them the span only possibly holds
 * @error: return location for an error
 *
 * Writes one row per object of @kind that @filter keeps, as the Timeline, Quotes and
 * Articles views show them: documents, events and quotes as xinzhi_filter_matches()
 * says.  The filters narrow no list of sectors or people, so those are written whole.
 *
 * When @filter has a time span, what the dates cannot place in it or out of it
 * (xinzhi_filter_matches_possibly()) is written too, as the views show it apart, and
 * every row of documents, events and quotes gets a last cell `in_span`: "yes", or
 * "possibly" for those.  Nothing the span possibly holds is dropped, and nothing is
 * said to lie in it that the dates do not place there.
 *
 * Returns: whether it succeeded
 */
gboolean
xinzhi_export_filtered (XinzhiCorpus        *corpus,
                        const char          *kind,
                        XinzhiExportFormat   format,
                        XinzhiFilter        *filter,
                        GOutputStream       *stream,
                        guint               *n_rows,
                        guint               *n_possibly,
                        GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonBuilder) builder = NULL;
  GListModel *model = NULL;
  RowFunc row = NULL;
  gboolean filtered, spanned;
  guint n_written = 0, n_possible = 0;

  g_return_val_if_fail (XINZHI_IS_CORPUS (corpus), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (filter == NULL || XINZHI_IS_FILTER (filter), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  filtered = filter != NULL && !xinzhi_filter_is_empty (filter) &&
             (g_str_equal (kind, "documents") || g_str_equal (kind, "events") ||
              g_str_equal (kind, "quotes"));
  spanned = filtered && xinzhi_filter_get_span (filter, NULL, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_str_equal (kind, kinds[k].kind))
      {
        model = kinds[k].list (corpus);
        row = kinds[k].row;
      }

  if (model == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a kind to export (documents, people, sectors, events, quotes)"),
                   kind);
      return FALSE;
    }

  if (format == XINZHI_EXPORT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
      gboolean possibly = FALSE;

      if (filtered && !xinzhi_filter_matches (filter, object))
        {
          if (!spanned || !xinzhi_filter_matches_possibly (filter, object))
            continue;
          possibly = TRUE;
          n_possible++;
        }

      g_array_set_clear_func (cells, clear_cell);
      row (object, cells);
      if (spanned)
        cell (cells, "in_span", possibly ? "possibly" : "yes");

      if (format == XINZHI_EXPORT_CSV)
        {
          if (n_written++ == 0)
            append_csv_row (out, cells, TRUE);
          append_csv_row (out, cells, FALSE);
          continue;
        }

      n_written++;
      json_builder_begin_object (builder);
      for (guint c = 0; c < cells->len; c++)
        {
          const Cell *value = &g_array_index (cells, Cell, c);

          json_builder_set_member_name (builder, value->name);
          if (value->is_list)
            {
              json_builder_begin_array (builder);
              for (guint v = 0; value->values[v]; v++)
                json_builder_add_string_value (builder, value->values[v]);
              json_builder_end_array (builder);
            }
          else
            json_builder_add_string_value (builder, value->values[0]);
        }
      json_builder_end_object (builder);
    }

  if (format == XINZHI_EXPORT_JSON)
    xinzhi_export_append_json_array (out, builder);

  if (n_rows != NULL)
    *n_rows = n_written;
  if (n_possibly != NULL)
    *n_possibly = n_possible;

  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

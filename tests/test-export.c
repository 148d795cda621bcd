/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xinzhi-export.h"
#include "xinzhi-test-data.h"

static char *
export (XinzhiCorpus       *corpus,
        const char         *kind,
        XinzhiExportFormat  format)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (xinzhi_export (corpus, kind, format, out, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_quotes_json (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("minimal.json");
  g_autofree char *text = export (corpus, "quotes", XINZHI_EXPORT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *quote;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  quote = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);
  g_assert_cmpstr (json_object_get_string_member (quote, "speaker"), ==, "Li Yuju");
  g_assert_cmpstr (json_object_get_string_member (quote, "role"), ==, "deputy director of the centre");
  g_assert_cmpstr (json_object_get_string_member (quote, "outlet"), ==, "Test Daily");
  g_assert_cmpstr (json_object_get_string_member (quote, "kind"), ==, "direct");
  g_assert_cmpstr (json_object_get_string_member (quote, "text"), ==, "Innovation is the core,");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (quote, "events"), 0), ==, "report");
}

/* A quote the extractor suggested says so, with its rule and evidence; a reviewed one
 * has neither. */
static void
test_quotes_reviewed (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("version-3.json");
  g_autofree char *text = export (corpus, "quotes", XINZHI_EXPORT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  JsonObject *suggested, *reviewed;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  suggested = json_array_get_object_element (rows, 0);
  reviewed = json_array_get_object_element (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (suggested, "reviewed"), ==, "false");
  g_assert_cmpstr (json_object_get_string_member (suggested, "rule"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (suggested, "evidence"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (reviewed, "reviewed"), ==, "true");
  g_assert_cmpstr (json_object_get_string_member (reviewed, "rule"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (reviewed, "evidence"), ==, "");
}

static void
test_csv_quoting (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("minimal.json");
  g_autofree char *text = export (corpus, "documents", XINZHI_EXPORT_CSV);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  /* Fields are always quoted, so commas in titles survive. */
  g_assert_true (g_str_has_prefix (lines[0], "\"id\",\"title\",\"outlet\",\"date\""));
  g_assert_true (g_str_has_prefix (lines[1], "\"doc-a\",\"A test article\",\"Test Daily\",\"2024-03-07\",\"day\",\"false\""));
}

/* A sector's first mention, as known and no more: the first stated date, whether it is
 * certainly the earliest stated one, and how many articles have estimated dates. */
static void
test_sector_first_mention (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("dates.json");
  g_autofree char *text = export (corpus, "sectors", XINZHI_EXPORT_CSV);
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  g_assert_true (g_str_has_suffix (lines[0], ",\"documents\",\"first_dated_mention\","
                                             "\"first_dated_mention_certain\",\"undated_documents\""));
  /* Robots: 7 March 2024 or earlier (an article is dated only to 2024), and one
   * article estimated to March 2024. */
  g_assert_true (g_str_has_prefix (lines[1], "\"robots\","));
  g_assert_true (g_str_has_suffix (lines[1], ",\"4\",\"2024-03-07\",\"false\",\"1\""));
  g_assert_true (g_str_has_prefix (lines[2], "\"drones\","));
  g_assert_true (g_str_has_suffix (lines[2], ",\"4\",\"2024-03-07\",\"true\",\"1\""));
  /* Lasers: in the undated article only. */
  g_assert_true (g_str_has_prefix (lines[3], "\"lasers\","));
  g_assert_true (g_str_has_suffix (lines[3], ",\"1\",\"\",\"false\",\"1\""));
}

/* The fields of one CSV record as the export writes them: every field quoted. */
static GStrv
split_csv_record (const char *line)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  const char *p = line;

  while (*p == '"')
    {
      g_autoptr(GString) field = g_string_new (NULL);

      for (p++; *p != '\0'; p++)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *++p);
          else if (*p == '"')
            break;
          else
            g_string_append_c (field, *p);
        }
      g_assert_cmpint (*p, ==, '"');
      p++;
      g_strv_builder_add (fields, field->str);
      if (*p == ',')
        p++;
    }
  g_assert_cmpint (*p, ==, '\0');

  return g_strv_builder_end (fields);
}

/* Corpus text that a spreadsheet would take for a formula (=, +, -, @, or a tab first)
 * is written with an apostrophe before it, in every kind of export, so that it shows
 * as text; JSON keeps the text as it is. */
static void
test_csv_formulas (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("formula-text.json");
  const char *kinds[] = { "documents", "people", "sectors", "events", "quotes" };
  guint n_neutralised = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *text = export (corpus, kinds[k], XINZHI_EXPORT_CSV);
      g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          g_auto(GStrv) fields = split_csv_record (lines[i]);

          for (guint f = 0; fields[f] != NULL; f++)
            {
              g_assert_null (strchr ("=+-@\t\r", fields[f][0] == '\0' ? 'x' : fields[f][0]));
              if (fields[f][0] == '\'')
                n_neutralised++;
            }
        }
    }

  /* Titles, names, outlets, bylines, summaries, quotes and roles of the file. */
  g_assert_cmpuint (n_neutralised, >=, 9);

  {
    g_autofree char *text = export (corpus, "quotes", XINZHI_EXPORT_CSV);
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
    g_auto(GStrv) header = split_csv_record (lines[0]);
    g_auto(GStrv) row = split_csv_record (lines[1]);
    g_autofree char *json = export (corpus, "quotes", XINZHI_EXPORT_JSON);
    guint text_column = 0;

    while (!g_str_equal (header[text_column], "text"))
      text_column++;
    g_assert_cmpstr (row[text_column], ==, "'+cmd|' /C calc'!A0");
    g_assert_nonnull (strstr (json, "\"+cmd|' /C calc'!A0\""));
  }
}

static void
test_every_kind (void)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_test_load_data ("minimal.json");
  const char *kinds[] = { "documents", "people", "sectors", "events", "quotes" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *text = export (corpus, kinds[i], XINZHI_EXPORT_JSON);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      json_parser_load_from_data (parser, text, -1, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), >=, 1);
    }
}

static guint32
julian (int year,
        int month,
        int day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

/* With a time span, every item the views show is written, and what the dates can only
 * possibly place in the span says so in its row: nothing possibly in it is dropped,
 * and nothing is said to lie in it that the dates do not place there. */
static void
test_span (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_builtin (&error);
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  const char *kinds[] = { "documents", "events", "quotes" };
  guint n_possibly_seen = 0, n_in_seen = 0;

  g_assert_no_error (error);
  /* 5 to 15 March 2024: the Two Sessions' days, and events known only to the month. */
  xinzhi_filter_set_span (filter, julian (2024, 3, 5), julian (2024, 3, 15));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
      GListModel *model = g_str_equal (kinds[k], "documents") ? xinzhi_corpus_get_documents (corpus)
                        : g_str_equal (kinds[k], "events") ? xinzhi_corpus_get_events (corpus)
                        : xinzhi_corpus_get_quotes (corpus);
      guint n_rows = 0, n_possibly = 0, n_expected_possibly = 0;
      JsonArray *rows;

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);
          XinzhiSpanMatch match = xinzhi_filter_match_span (filter, item);
          g_autofree char *id = NULL;

          g_object_get (item, "id", &id, NULL);
          if (match == XINZHI_SPAN_OUT)
            continue;
          n_expected_possibly += match == XINZHI_SPAN_POSSIBLY;
          g_hash_table_insert (expected, (gpointer) g_intern_string (id),
                               (gpointer) (match == XINZHI_SPAN_IN ? "yes" : "possibly"));
        }

      g_assert_true (xinzhi_export_filtered (corpus, kinds[k], XINZHI_EXPORT_JSON, filter, out,
                                             &n_rows, &n_possibly, &error));
      g_assert_no_error (error);
      g_output_stream_close (out, NULL, NULL);
      json_parser_load_from_data (parser,
                                  g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                                  g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                                  &error);
      g_assert_no_error (error);
      rows = json_node_get_array (json_parser_get_root (parser));

      g_assert_cmpuint (json_array_get_length (rows), ==, g_hash_table_size (expected));
      g_assert_cmpuint (n_rows, ==, g_hash_table_size (expected));
      g_assert_cmpuint (n_possibly, ==, n_expected_possibly);
      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);
          const char *id = json_object_get_string_member (row, "id");

          g_assert_true (g_hash_table_contains (expected, id));
          g_assert_cmpstr (json_object_get_string_member (row, "in_span"), ==,
                           g_hash_table_lookup (expected, id));
        }
      n_possibly_seen += n_possibly;
      n_in_seen += n_rows - n_possibly;
    }

  /* The span holds some items for certain and only possibly others. */
  g_assert_cmpuint (n_possibly_seen, >, 0);
  g_assert_cmpuint (n_in_seen, >, 0);

  /* Without a span the rows have no such cell. */
  {
    g_autofree char *text = export (corpus, "events", XINZHI_EXPORT_CSV);

    g_assert_null (strstr (text, "in_span"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/quotes-json", test_quotes_json);
  g_test_add_func ("/export/quotes-reviewed", test_quotes_reviewed);
  g_test_add_func ("/export/csv-quoting", test_csv_quoting);
  g_test_add_func ("/export/sector-first-mention", test_sector_first_mention);
  g_test_add_func ("/export/csv-formulas", test_csv_formulas);
  g_test_add_func ("/export/every-kind", test_every_kind);
  g_test_add_func ("/export/span", test_span);

  return g_test_run ();
}

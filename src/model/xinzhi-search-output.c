/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The results of a search written out, as `xinzhi --search` prints them: every kind in
 * the order the window shows them, each result with its kind, id and title, the field
 * that matched with its text, the byte offsets of the matches in that text, and what
 * the result was found through when its own words do not match.  As plain text for a
 * person (control characters escaped, so that corpus text cannot move the terminal's
 * cursor or reorder its line), or as JSON or CSV for a program.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "xinzhi-escape.h"
#include "xinzhi-export.h"
#include "xinzhi-search-output.h"

/* The heading the window gives a result: a title or a name, a quote's speaker. */
static const char *
result_title (XinzhiSearchResult *result)
{
  GObject *item = xinzhi_search_result_get_item (result);

  switch (xinzhi_search_result_get_kind (result))
    {
    case XINZHI_SEARCH_KIND_ARTICLE:
      return xinzhi_document_get_title (XINZHI_DOCUMENT (item));
    case XINZHI_SEARCH_KIND_QUOTE:
      return xinzhi_person_get_name (xinzhi_quote_get_person (XINZHI_QUOTE (item)));
    case XINZHI_SEARCH_KIND_EVENT:
      return xinzhi_event_get_title (XINZHI_EVENT (item));
    case XINZHI_SEARCH_KIND_CONCEPT:
      return xinzhi_concept_get_name (XINZHI_CONCEPT (item));
    case XINZHI_SEARCH_KIND_SECTOR:
      return xinzhi_sector_get_name (XINZHI_SECTOR (item));
    case XINZHI_SEARCH_KIND_PERSON:
      return xinzhi_person_get_name (XINZHI_PERSON (item));
    case XINZHI_SEARCH_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* The member of the item whose text matched, as the corpus format names it. */
static const char *
result_field (XinzhiSearchResult *result)
{
  guint paragraph = xinzhi_search_result_get_paragraph (result);

  switch (xinzhi_search_result_get_kind (result))
    {
    case XINZHI_SEARCH_KIND_ARTICLE:
      return paragraph == XINZHI_SEARCH_TITLE ? "title" : "paragraph";
    case XINZHI_SEARCH_KIND_QUOTE:
      return "text";
    case XINZHI_SEARCH_KIND_EVENT:
      return paragraph == 0 ? "title" : paragraph == 1 ? "title_zh" : "summary";
    case XINZHI_SEARCH_KIND_SECTOR:
      return paragraph == 0 ? "name" : paragraph == 1 ? "name_zh" : "term";
    case XINZHI_SEARCH_KIND_CONCEPT:
    case XINZHI_SEARCH_KIND_PERSON:
      return paragraph == 0 ? "name" : paragraph == 1 ? "name_zh" : "variant";
    case XINZHI_SEARCH_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static char *
dup_id (GObject *object)
{
  char *id = NULL;

  g_object_get (object, "id", &id, NULL);
  return id;
}

/* The kind of what a result was found through, by the names of the search's kinds. */
static const char *
via_kind (GObject *via)
{
  if (XINZHI_IS_CONCEPT (via))
    return xinzhi_search_kind_get_name (XINZHI_SEARCH_KIND_CONCEPT);
  if (XINZHI_IS_SECTOR (via))
    return xinzhi_search_kind_get_name (XINZHI_SEARCH_KIND_SECTOR);
  return xinzhi_search_kind_get_name (XINZHI_SEARCH_KIND_PERSON);
}

/* Corpus text for a terminal: its controls written out (xinzhi-escape.c says why). */
static char *
escape (const char *text)
{
  return xinzhi_escape_controls (text, XINZHI_ESCAPE_DEFAULT);
}

/* Whether the result is a quote the extractor suggested and nobody has reviewed. */
static gboolean
is_unreviewed (XinzhiSearchResult *result)
{
  GObject *item = xinzhi_search_result_get_item (result);

  return XINZHI_IS_QUOTE (item) && !xinzhi_quote_get_reviewed (XINZHI_QUOTE (item));
}

static void
write_text (GString            *out,
            XinzhiSearchResult *result)
{
  GObject *via = xinzhi_search_result_get_via (result);
  const char *text = xinzhi_search_result_get_text (result);
  g_autofree char *raw_id = dup_id (xinzhi_search_result_get_item (result));
  g_autofree char *id = escape (raw_id);
  g_autofree char *title = escape (result_title (result));
  const XinzhiSearchRange *ranges;
  guint n_ranges;

  ranges = xinzhi_search_result_get_ranges (result, &n_ranges);

  g_string_append_printf (out, "%s %s: %s\n",
                          xinzhi_search_kind_get_name (xinzhi_search_result_get_kind (result)),
                          id, title);

  g_string_append_printf (out, "  %s", result_field (result));
  if (xinzhi_search_result_get_kind (result) == XINZHI_SEARCH_KIND_ARTICLE &&
      xinzhi_search_result_get_paragraph (result) != XINZHI_SEARCH_TITLE)
    g_string_append_printf (out, " %u", xinzhi_search_result_get_paragraph (result));
  g_string_append (out, ":");
  for (guint i = 0; i < n_ranges; i++)
    {
      g_autofree char *words = g_strndup (text + ranges[i].start, ranges[i].end - ranges[i].start);
      g_autofree char *escaped = escape (words);

      g_string_append (out, i == 0 ? " " : ", ");
      /* Translators: a match in --search's output: the words, and their byte offsets */
      g_string_append_printf (out, _("“%s” at %u–%u"), escaped, ranges[i].start, ranges[i].end);
    }
  if (n_ranges == 0)
    {
      g_autofree char *escaped = escape (text);

      g_string_append_printf (out, " %s", escaped);
    }
  g_string_append_c (out, '\n');

  if (via != NULL)
    {
      g_autofree char *raw_via_id = dup_id (via);
      g_autofree char *via_id = escape (raw_via_id);

      /* Translators: in --search's output, what a result was found through: a kind
       * (concept, sector, person) and an id */
      g_string_append_printf (out, _("  found through %s %s"), via_kind (via), via_id);
      g_string_append_c (out, '\n');
    }
  if (is_unreviewed (result))
    {
      /* Translators: in --search's output, under a quote the extractor found */
      g_string_append (out, _("  an unreviewed suggestion of the extractor"));
      g_string_append_c (out, '\n');
    }
}

static void
write_json (JsonBuilder        *builder,
            XinzhiSearchResult *result)
{
  GObject *via = xinzhi_search_result_get_via (result);
  const char *text = xinzhi_search_result_get_text (result);
  g_autofree char *id = dup_id (xinzhi_search_result_get_item (result));
  const XinzhiSearchRange *ranges;
  guint n_ranges;

  ranges = xinzhi_search_result_get_ranges (result, &n_ranges);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, xinzhi_search_kind_get_name (xinzhi_search_result_get_kind (result)));
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, result_title (result));
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, result_field (result));
  json_builder_set_member_name (builder, "paragraph");
  if (xinzhi_search_result_get_kind (result) == XINZHI_SEARCH_KIND_ARTICLE &&
      xinzhi_search_result_get_paragraph (result) != XINZHI_SEARCH_TITLE)
    json_builder_add_int_value (builder, xinzhi_search_result_get_paragraph (result));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);

  json_builder_set_member_name (builder, "matches");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_ranges; i++)
    {
      g_autofree char *words = g_strndup (text + ranges[i].start, ranges[i].end - ranges[i].start);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, ranges[i].start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, ranges[i].end);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, words);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "via");
  if (via != NULL)
    {
      g_autofree char *via_id = dup_id (via);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, via_kind (via));
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, via_id);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  /* A quote says whether a person has reviewed it; anything else is never a
   * suggestion. */
  json_builder_set_member_name (builder, "reviewed");
  if (XINZHI_IS_QUOTE (xinzhi_search_result_get_item (result)))
    json_builder_add_boolean_value (builder, !is_unreviewed (result));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static const char * const csv_columns[] = {
  "kind", "id", "title", "field", "paragraph", "text", "matches", "via", "reviewed", NULL
};

/* One row; the matches as "start-end" pairs joined with "; ", the words left to the
 * text column and the offsets. */
static void
write_csv (GString            *out,
           XinzhiSearchResult *result)
{
  GObject *via = xinzhi_search_result_get_via (result);
  g_autofree char *id = dup_id (xinzhi_search_result_get_item (result));
  g_autofree char *paragraph = NULL;
  g_autofree char *via_text = NULL;
  g_autoptr(GString) matches = g_string_new (NULL);
  const XinzhiSearchRange *ranges;
  guint n_ranges;
  const char *cells[G_N_ELEMENTS (csv_columns)];

  ranges = xinzhi_search_result_get_ranges (result, &n_ranges);
  for (guint i = 0; i < n_ranges; i++)
    g_string_append_printf (matches, "%s%u-%u", i > 0 ? "; " : "", ranges[i].start, ranges[i].end);
  if (xinzhi_search_result_get_kind (result) == XINZHI_SEARCH_KIND_ARTICLE &&
      xinzhi_search_result_get_paragraph (result) != XINZHI_SEARCH_TITLE)
    paragraph = g_strdup_printf ("%u", xinzhi_search_result_get_paragraph (result));
  if (via != NULL)
    {
      g_autofree char *via_id = dup_id (via);

      via_text = g_strdup_printf ("%s %s", via_kind (via), via_id);
    }

  cells[0] = xinzhi_search_kind_get_name (xinzhi_search_result_get_kind (result));
  cells[1] = id;
  cells[2] = result_title (result);
  cells[3] = result_field (result);
  cells[4] = paragraph ? paragraph : "";
  cells[5] = xinzhi_search_result_get_text (result);
  cells[6] = matches->str;
  cells[7] = via_text ? via_text : "";
  cells[8] = !XINZHI_IS_QUOTE (xinzhi_search_result_get_item (result)) ? ""
             : is_unreviewed (result) ? "false" : "true";
  cells[9] = NULL;

  for (guint c = 0; cells[c] != NULL; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      xinzhi_export_append_csv_field (out, cells[c]);
    }
  g_string_append (out, "\r\n");
}

/**
 * xinzhi_search_write:
 * @search: a search with its query set
 * @format: plain text, JSON or CSV
 * @stream: where to write
 * @error: return location for an error
 *
 * Writes every result of @search, kind by kind in the order the window shows them,
 * each kind's most relevant first.  Offsets are in bytes of the UTF-8 text.
 *
 * Returns: whether it succeeded
 */
gboolean
xinzhi_search_write (XinzhiSearch              *search,
                     XinzhiSearchOutputFormat   format,
                     GOutputStream             *stream,
                     GError                   **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (XINZHI_IS_SEARCH (search), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (format == XINZHI_SEARCH_OUTPUT_JSON)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else if (format == XINZHI_SEARCH_OUTPUT_CSV)
    {
      for (guint c = 0; csv_columns[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          xinzhi_export_append_csv_field (out, csv_columns[c]);
        }
      g_string_append (out, "\r\n");
    }

  for (guint k = 0; k < XINZHI_SEARCH_N_KINDS; k++)
    {
      GListModel *results = xinzhi_search_get_results (search, k);

      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(XinzhiSearchResult) result = g_list_model_get_item (results, i);

          if (format == XINZHI_SEARCH_OUTPUT_JSON)
            write_json (builder, result);
          else if (format == XINZHI_SEARCH_OUTPUT_CSV)
            write_csv (out, result);
          else
            write_text (out, result);
        }
    }

  if (format == XINZHI_SEARCH_OUTPUT_JSON)
    xinzhi_export_append_json_array (out, builder);

  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

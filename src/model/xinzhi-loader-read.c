/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Reading each kind of record (groups, documents, people, sectors, events, quotes,
 * concepts) out of the parsed file, in the order the entry point calls them, with
 * every rule of the format that one record, or a reference between records, must
 * follow, and the rules of dates and the words that state them.  A new rule of a
 * record goes into its reader; a new kind of record gets a reader of its own here.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-loader-private.h"
#include "xinzhi-matcher.h"

/* ---------------------------------------------------------------------------------- */
/* Date evidence                                                                       */
/* ---------------------------------------------------------------------------------- */

/* The date is written more precisely than @text states it: @precision against
 * @stated, in a whole sentence for each pair. */
static void
report_imprecise_date (Loader              *self,
                       const char          *path,
                       XinzhiDatePrecision  precision,
                       XinzhiDatePrecision  stated,
                       const char          *text)
{
  const XinzhiCorpusError code = XINZHI_CORPUS_ERROR_DATE;

  if (precision == XINZHI_DATE_PRECISION_DAY && stated == XINZHI_DATE_PRECISION_MONTH)
    _xinzhi_loader_problem (self, code, path, _("the date is given to the day, but “%s” states it only to the month"), text);
  else if (precision == XINZHI_DATE_PRECISION_DAY)
    _xinzhi_loader_problem (self, code, path, _("the date is given to the day, but “%s” states it only to the year"), text);
  else
    _xinzhi_loader_problem (self, code, path, _("the date is given to the month, but “%s” states it only to the year"), text);
}

/* Checks the date_text / date_estimated / date_note rules for an object whose date(s)
 * are known to @precision; @found tells whether date_text occurs where it must. */
static void
check_date_evidence (Loader               *self,
                     const XinzhiJsonNode *object,
                     const char           *path,
                     XinzhiDatePrecision   precision,
                     gboolean              estimated,
                     const char           *date_text,
                     const char           *date_note,
                     gboolean              found,
                     const char           *where)
{
  g_autofree char *text_path = _xinzhi_loader_member_path (path, "date_text");

  if (estimated)
    {
      if (date_note == NULL && xinzhi_json_object_get_member (object, "date_note") == NULL)
        _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_MISSING, path,
                                _("an estimated date needs a “date_note” giving the reason"));
      if (date_text != NULL)
        _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, text_path,
                                _("an estimated date has no “date_text”: the text does not state it"));
      return;
    }

  if (date_text == NULL)
    {
      if (xinzhi_json_object_get_member (object, "date_text") == NULL)
        _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_MISSING, path,
                                _("missing “date_text”, the words of the text that state the date "
                                  "(or “date_estimated”: true with a “date_note”)"));
      return;
    }

  if (!found)
    {
      /* Translators: %s is "the document" or "the cited paragraphs" */
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, text_path,
                              _("“%s” is not found verbatim in %s"), date_text, where);
      return;
    }

  if (xinzhi_date_text_precision (date_text) == XINZHI_DATE_PRECISION_NONE)
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, text_path,
                            _("“%s” states no date"), date_text);
  else if (xinzhi_date_text_precision (date_text) < precision)
    report_imprecise_date (self, text_path, precision, xinzhi_date_text_precision (date_text),
                           date_text);
}

/* Checks that @date_text, the words that state a document's date @date as precisely as
 * it is given, state this date: where they name a year, a month or a day number, they
 * name the date's.  (Words as precise as the date name each of those but the year.) */
static void
check_document_date_words (Loader           *self,
                           const char       *path,
                           const char       *date_text,
                           const XinzhiDate *date)
{
  g_autofree char *text_path = _xinzhi_loader_member_path (path, "date_text");
  g_autofree char *iso = xinzhi_date_to_iso (date);
  XinzhiDateWords words;

  xinzhi_date_text_scan (date_text, &words);
  if (words.n_years > 0 && !xinzhi_date_words_has_year (&words, date->year))
    /* Translators: “March 7, 2023” does not state 2024-03-07: … */
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, text_path,
                            _("“%s” does not state %s: it names another year"), date_text, iso);
  else if (date->precision >= XINZHI_DATE_PRECISION_MONTH && words.months != 0 &&
           !(words.months & (1u << date->month)))
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, text_path,
                            _("“%s” does not state %s: it names another month"), date_text, iso);
  else if (date->precision == XINZHI_DATE_PRECISION_DAY && words.days != 0 &&
           !(words.days & (1u << date->day)))
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, text_path,
                            _("“%s” does not state %s: it names another day"), date_text, iso);
}

/* Checks that @words, the words @text of paragraph @paragraph of @document, state
 * @date: its day number, its month and its year where the date gives them.  Words
 * that name no year take the year of the document's own date (the year before, if
 * the day or month named falls after that date in its year); an estimated document
 * date gives no year. */
static gboolean
check_stated_date (Loader                *self,
                   const char            *path,
                   const XinzhiDateWords *words,
                   const char            *text,
                   XinzhiDocument        *document,
                   guint                  paragraph,
                   const XinzhiDate      *date)
{
  g_autofree char *iso = xinzhi_date_to_iso (date);
  guint year;

  if (date->precision >= XINZHI_DATE_PRECISION_MONTH && !(words->months & (1u << date->month)))
    {
      /* Translators: “March 7” (paragraph 2 of document “doc-a”) does not state 2024-03-05: … */
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, path,
                              _("“%s” (paragraph %u of document “%s”) does not state %s: it names another month"),
                              text, paragraph, document->id, iso);
      return FALSE;
    }

  if (date->precision == XINZHI_DATE_PRECISION_DAY && !(words->days & (1u << date->day)))
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, path,
                              _("“%s” (paragraph %u of document “%s”) does not state %s: it names another day"),
                              text, paragraph, document->id, iso);
      return FALSE;
    }

  if (words->n_years > 0)
    {
      if (!xinzhi_date_words_has_year (words, date->year))
        {
          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, path,
                                  _("“%s” (paragraph %u of document “%s”) does not state %s: it names another year"),
                                  text, paragraph, document->id, iso);
          return FALSE;
        }
      return TRUE;
    }

  if (document->date_estimated)
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, path,
                              _("“%s” (paragraph %u of document “%s”) does not state %s: it names no year, "
                                "and the document’s own date is an estimate"),
                              text, paragraph, document->id, iso);
      return FALSE;
    }

  year = xinzhi_date_year_without_year (date, &document->date);
  if (date->year != year)
    {
      g_autofree char *document_date = xinzhi_date_to_iso (&document->date);

      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, path,
                              _("“%s” (paragraph %u of document “%s”) does not state %s: it names no year, "
                                "and by the document’s date (%s) it means %u"),
                              text, paragraph, document->id, iso, document_date, year);
      return FALSE;
    }

  return TRUE;
}

/* Checks one of an event's "date_sources" (format version 2): its words occur in its
 * paragraph, state the date at least as precisely as the event gives it, and state
 * this date, the start and the end of a range. */
static void
check_date_source (Loader         *self,
                   const char     *path,
                   XinzhiEvent    *event,
                   XinzhiDocument *document,
                   guint           paragraph,
                   const char     *text)
{
  XinzhiDatePrecision precision = MAX (event->start.precision, event->end.precision);
  XinzhiDatePrecision stated = xinzhi_date_text_precision (text);
  XinzhiDateWords words;

  if (!_xinzhi_loader_find_place (self, document, paragraph, text, NULL, NULL))
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, path,
                              _("“%s” is not found verbatim in paragraph %u of document “%s”"),
                              text, paragraph, document->id);
      return;
    }

  if (stated == XINZHI_DATE_PRECISION_NONE)
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, path, _("“%s” states no date"), text);
      return;
    }
  if (stated < precision)
    {
      report_imprecise_date (self, path, precision, stated, text);
      return;
    }

  xinzhi_date_text_scan (text, &words);
  if (check_stated_date (self, path, &words, text, document, paragraph, &event->start) &&
      xinzhi_date_compare (&event->start, &event->end) != 0)
    check_stated_date (self, path, &words, text, document, paragraph, &event->end);
}

/* ---------------------------------------------------------------------------------- */
/* Reading each kind                                                                   */
/* ---------------------------------------------------------------------------------- */

static const char * const group_members[] = { "id", "name", "name_zh", NULL };

void
_xinzhi_loader_read_groups (Loader               *self,
                            const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = _xinzhi_loader_index_path ("$.groups", i);
      const XinzhiJsonNode *object = _xinzhi_loader_as_object (self, element, path);
      const char *id, *name, *name_zh;
      Group *group;

      if (object == NULL)
        continue;
      _xinzhi_loader_check_members (self, object, path, group_members);
      id = _xinzhi_loader_get_id (self, object, path, self->group_ids, "group");
      name = _xinzhi_loader_get_string (self, object, path, "name", TRUE);
      name_zh = _xinzhi_loader_get_string (self, object, path, "name_zh", TRUE);
      if (id == NULL || name == NULL || name_zh == NULL)
        continue;

      group = g_new0 (Group, 1);
      group->id = g_strdup (id);
      group->name = g_strdup (name);
      group->name_zh = g_strdup (name_zh);
      group->position = self->groups->len;
      g_ptr_array_add (self->groups, group);
      g_hash_table_insert (self->group_ids, group->id, group);
    }
}

static const char * const paragraph_members[] = { "text", "kind", "date", NULL };
static const char * const paragraph_kinds[] = { "body", "heading", "dateline", "caption", "credit", NULL };

static void
read_paragraphs (Loader               *self,
                 XinzhiDocument       *document,
                 const XinzhiJsonNode *array,
                 const char           *path)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;
  gboolean has_body = FALSE;

  /* A cancel is looked for after each paragraph, which holds at most MAX_TEXT_LENGTH
   * characters. */
  for (guint i = 0; i < xinzhi_json_node_get_length (array) && !_xinzhi_loader_cancelled (self); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *ppath = _xinzhi_loader_index_path (path, i);
      const XinzhiJsonNode *object = _xinzhi_loader_as_object (self, element, ppath);
      XinzhiParagraph paragraph = { 0 };
      const char *text = NULL, *kind = NULL;

      if (object != NULL)
        {
          _xinzhi_loader_check_members (self, object, ppath, paragraph_members);
          text = _xinzhi_loader_get_string (self, object, ppath, "text", TRUE);
          kind = _xinzhi_loader_get_string (self, object, ppath, "kind", FALSE);
          _xinzhi_loader_get_date (self, object, ppath, "date", FALSE, &paragraph.date);
        }

      if (kind != NULL)
        {
          guint k;

          for (k = 0; paragraph_kinds[k]; k++)
            if (g_str_equal (kind, paragraph_kinds[k]))
              break;
          if (paragraph_kinds[k] == NULL)
            {
              g_autofree char *kpath = _xinzhi_loader_member_path (ppath, "kind");

              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, kpath,
                                      _("“%s” is not a paragraph kind (body, heading, dateline, caption, credit)"),
                                      kind);
            }
          else
            paragraph.kind = (XinzhiParagraphKind) k;
        }

      /* A paragraph in error still takes its place, so that references to the
       * paragraphs after it keep their meaning. */
      if (text == NULL)
        text = "";
      if (paragraph.kind == XINZHI_PARAGRAPH_BODY)
        has_body = TRUE;

      paragraph.text = g_strdup (text);
      g_array_append_val (document->paragraphs, paragraph);
    }

  if (!has_body)
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, path, _("a document needs at least one body paragraph"));
}

/* Whether @url, a document's, is a web address that the reader may hand to the
 * system: http or https, with a host, and nothing an address never holds. */
static gboolean
check_url (Loader     *self,
           const char *path,
           const char *url)
{
  g_autofree char *upath = _xinzhi_loader_member_path (path, "url");
  g_autofree char *scheme = NULL;
  g_autoptr(GUri) uri = NULL;

  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7F)
      {
        _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, upath,
                                _("the address holds a line break or another control character"));
        return FALSE;
      }

  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, upath,
                              _("“%s” is not an http or https address"), url);
      return FALSE;
    }

  if (strchr (url, ' ') != NULL)
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, upath,
                              _("the address “%s” holds a space (an address writes it as %%20)"),
                              url);
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, upath,
                              _("the address “%s” names no host"), url);
      return FALSE;
    }

  return TRUE;
}

/* Finds @needle verbatim in one of the document's paragraphs. */
static gboolean
find_in_document (XinzhiDocument *document,
                  const char     *needle,
                  guint          *paragraph,
                  gsize          *start)
{
  for (guint i = 0; i < document->paragraphs->len; i++)
    {
      const char *text = g_array_index (document->paragraphs, XinzhiParagraph, i).text;
      const char *found = strstr (text, needle);

      if (found)
        {
          if (paragraph)
            *paragraph = i;
          if (start)
            *start = found - text;
          return TRUE;
        }
    }

  return FALSE;
}

static const char * const document_members[] = {
  "id", "title", "outlet", "outlet_note", "byline", "date", "date_text", "date_estimated",
  "date_note", "url", "language", "paragraphs", NULL
};

void
_xinzhi_loader_read_documents (Loader               *self,
                               const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = _xinzhi_loader_index_path ("$.documents", i);
      const XinzhiJsonNode *object = _xinzhi_loader_as_object (self, element, path);
      g_autoptr(XinzhiDocument) document = NULL;
      const char *id, *title, *url, *date_text, *language;
      const XinzhiJsonNode *paragraphs;
      gboolean has_date;
      gboolean found = FALSE;

      if (object == NULL)
        continue;

      _xinzhi_loader_check_members (self, object, path, document_members);
      document = g_object_new (XINZHI_TYPE_DOCUMENT, NULL);
      id = _xinzhi_loader_get_id (self, object, path, self->document_ids, "document");
      title = _xinzhi_loader_get_string (self, object, path, "title", TRUE);
      document->outlet = g_strdup (_xinzhi_loader_get_string (self, object, path, "outlet", FALSE));
      document->outlet_note = g_strdup (_xinzhi_loader_get_string (self, object, path,
                                                                   "outlet_note", FALSE));
      document->byline = _xinzhi_loader_get_strv (self, object, path, "byline", FALSE);
      has_date = _xinzhi_loader_get_date (self, object, path, "date", TRUE, &document->date);
      date_text = _xinzhi_loader_get_string (self, object, path, "date_text", FALSE);
      document->date_estimated = _xinzhi_loader_get_boolean (self, object, path, "date_estimated");
      document->date_note = g_strdup (_xinzhi_loader_get_string (self, object, path, "date_note",
                                                                 FALSE));
      url = _xinzhi_loader_get_string (self, object, path, "url", FALSE);
      language = _xinzhi_loader_get_string (self, object, path, "language", FALSE);
      document->language = g_strdup (language ? language : "en");
      paragraphs = _xinzhi_loader_get_array (self, object, path, "paragraphs", TRUE);

      if (url != NULL && !check_url (self, path, url))
        url = NULL;
      document->url = g_strdup (url);

      if (paragraphs != NULL)
        {
          g_autofree char *ppath = _xinzhi_loader_member_path (path, "paragraphs");

          read_paragraphs (self, document, paragraphs, ppath);
        }

      if (date_text != NULL)
        found = find_in_document (document, date_text, NULL, NULL) ||
                (url != NULL && strstr (url, date_text) != NULL) ||
                (title != NULL && strstr (title, date_text) != NULL);
      if (has_date)
        check_date_evidence (self, object, path, document->date.precision,
                             document->date_estimated, date_text, document->date_note,
                             found, _("the document"));
      if (has_date && !document->date_estimated && date_text != NULL && found &&
          xinzhi_date_text_precision (date_text) >= document->date.precision)
        check_document_date_words (self, path, date_text, &document->date);

      if (id == NULL || title == NULL)
        continue;

      document->id = g_strdup (id);
      document->title = g_strdup (title);
      g_hash_table_insert (self->document_ids, document->id, document);
      g_list_store_append (self->documents, document);
    }
}

/* A whole sentence for each kind of object, as report_duplicate_id() gives
 * (xinzhi-loader-fields.c). */
static void
report_dangling_reference (Loader     *self,
                           const char *path,
                           const char *kind,
                           const char *id)
{
  const XinzhiCorpusError code = XINZHI_CORPUS_ERROR_DANGLING_REFERENCE;

  if (g_str_equal (kind, "group"))
    _xinzhi_loader_problem (self, code, path, _("there is no group with the id “%s”"), id);
  else if (g_str_equal (kind, "document"))
    _xinzhi_loader_problem (self, code, path, _("there is no document with the id “%s”"), id);
  else if (g_str_equal (kind, "person"))
    _xinzhi_loader_problem (self, code, path, _("there is no person with the id “%s”"), id);
  else if (g_str_equal (kind, "event"))
    _xinzhi_loader_problem (self, code, path, _("there is no event with the id “%s”"), id);
  else
    g_assert_not_reached ();
}

/* Looks up a reference in @ids, reporting a dangling one. */
static gpointer
resolve (Loader     *self,
         GHashTable *ids,
         const char *id,
         const char *path,
         const char *kind)
{
  gpointer object;

  if (id == NULL)
    return NULL;

  object = g_hash_table_lookup (ids, id);
  if (object == NULL)
    report_dangling_reference (self, path, kind, id);

  return object;
}

/* Up to this many ids of a list are compared one by one; past it, in a set. */
#define FEW_IDS 16

/* Whether @ids[@index] is in @ids before it, reporting it at @path if so: a reference
 * given twice would link one object twice, and show it twice.  *@seen holds the ids of
 * a long list, made when first needed. */
static gboolean
listed_twice (Loader      *self,
              GStrv        ids,
              guint        index,
              const char  *path,
              const char  *kind,
              GHashTable **seen)
{
  gboolean twice = FALSE;

  if (index < FEW_IDS)
    {
      for (guint i = 0; i < index && !twice; i++)
        twice = g_str_equal (ids[i], ids[index]);
    }
  else
    {
      if (*seen == NULL)
        {
          *seen = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < index; i++)
            g_hash_table_add (*seen, ids[i]);
        }
      twice = !g_hash_table_add (*seen, ids[index]);
    }

  /* A whole sentence for each kind, as report_dangling_reference() has. */
  if (twice && g_str_equal (kind, "person"))
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, path, _("the person “%s” is listed twice"), ids[index]);
  else if (twice && g_str_equal (kind, "event"))
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, path, _("the event “%s” is listed twice"), ids[index]);
  else if (twice)
    g_assert_not_reached ();
  return twice;
}

static const char * const role_members[] = { "text", "document", NULL };
static const char * const person_members[] = { "id", "name", "name_zh", "variants", "roles", NULL };

static gboolean
variant_found_cb (guint    pattern,
                  gsize    start,
                  gsize    end,
                  gpointer user_data)
{
  gboolean *found = user_data;

  found[pattern] = TRUE;
  return TRUE;
}

/* Finds which of the variants that @people give occur verbatim in some paragraph, in
 * one pass over the documents for all of them, and keeps those in
 * self->variants_found.  Looking for each in turn read the whole corpus for every
 * variant found late or not at all; the search skips the variants found already, so
 * the pass costs the text's length however many there are and however often they
 * occur.  Nothing is checked here; _xinzhi_loader_read_people() does that and asks
 * occurs_in_corpus() of the variants it accepts. */
static void
find_variants (Loader               *self,
               const XinzhiJsonNode *people)
{
  g_autoptr(XinzhiMatcher) matcher = xinzhi_matcher_new ();
  g_autoptr(XinzhiMatcherSearch) search = NULL;
  g_autofree gboolean *found = NULL;
  GListModel *documents = G_LIST_MODEL (self->documents);

  const XinzhiJsonNode *node = people ? xinzhi_json_node_get_first (people) : NULL;

  for (guint i = 0; people && i < xinzhi_json_node_get_length (people); i++, node = xinzhi_json_node_get_next (node))
    {
      const XinzhiJsonNode *member, *element;
      guint v;

      if (xinzhi_json_node_get_type (node) != XINZHI_JSON_OBJECT)
        continue;
      member = xinzhi_json_object_get_member (node, "variants");
      if (member == NULL || xinzhi_json_node_get_type (member) != XINZHI_JSON_ARRAY)
        continue;
      XINZHI_JSON_FOREACH_ELEMENT (member, v, element)
        {
          if (xinzhi_json_node_get_type (element) == XINZHI_JSON_STRING &&
              xinzhi_json_node_get_string (element)[0] != '\0')
            xinzhi_matcher_add (matcher, xinzhi_json_node_get_string (element));
        }
    }

  found = g_new0 (gboolean, MAX (xinzhi_matcher_get_n_patterns (matcher), 1));
  search = xinzhi_matcher_search_new (matcher);
  for (guint d = 0; d < g_list_model_get_n_items (documents) && xinzhi_matcher_search_get_n_left (search) > 0; d++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, d);

      for (guint i = 0; i < document->paragraphs->len && xinzhi_matcher_search_get_n_left (search) > 0; i++)
        {
          const char *text = g_array_index (document->paragraphs, XinzhiParagraph, i).text;

          if (_xinzhi_loader_cancelled (self))
            return;
          xinzhi_matcher_search_scan (search, text, strlen (text), variant_found_cb, found);
        }
    }

  /* The matcher's copies go with it: keep the JSON's strings. */
  for (guint p = 0; p < xinzhi_matcher_get_n_patterns (matcher); p++)
    if (found[p])
      g_hash_table_add (self->variants_found, g_strdup (xinzhi_matcher_get_pattern (matcher, p)));
}

static gboolean
occurs_in_corpus (Loader     *self,
                  const char *text)
{
  return g_hash_table_contains (self->variants_found, text);
}

void
_xinzhi_loader_read_people (Loader               *self,
                            const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  find_variants (self, array);

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = _xinzhi_loader_index_path ("$.people", i);
      const XinzhiJsonNode *object = _xinzhi_loader_as_object (self, element, path);
      g_autoptr(XinzhiPerson) person = NULL;
      g_autofree char *vpath = NULL;
      g_autofree char *rpath = NULL;
      const char *id, *name;
      const XinzhiJsonNode *roles;

      if (object == NULL)
        continue;

      _xinzhi_loader_check_members (self, object, path, person_members);
      person = g_object_new (XINZHI_TYPE_PERSON, NULL);
      id = _xinzhi_loader_get_id (self, object, path, self->person_ids, "person");
      name = _xinzhi_loader_get_string (self, object, path, "name", TRUE);
      person->name_zh = g_strdup (_xinzhi_loader_get_string (self, object, path, "name_zh", FALSE));
      person->variants = _xinzhi_loader_get_strv (self, object, path, "variants", FALSE);
      roles = _xinzhi_loader_get_array (self, object, path, "roles", FALSE);

      vpath = _xinzhi_loader_member_path (path, "variants");
      for (guint v = 0; person->variants && person->variants[v]; v++)
        {
          if (!occurs_in_corpus (self, person->variants[v]))
            {
              g_autofree char *ipath = _xinzhi_loader_index_path (vpath, v);

              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, ipath,
                                      _("the variant “%s” occurs in no document"),
                                      person->variants[v]);
            }
        }

      rpath = _xinzhi_loader_member_path (path, "roles");
      const XinzhiJsonNode *r_element = roles ? xinzhi_json_node_get_first (roles) : NULL;
      for (guint r = 0; roles && r < xinzhi_json_node_get_length (roles) && !_xinzhi_loader_cancelled_after (self, 1); r++, r_element = xinzhi_json_node_get_next (r_element))
        {
          g_autofree char *ipath = _xinzhi_loader_index_path (rpath, r);
          g_autofree char *dpath = _xinzhi_loader_member_path (ipath, "document");
          const XinzhiJsonNode *robject = _xinzhi_loader_as_object (self, r_element, ipath);
          XinzhiDocument *document;
          const char *text;

          if (robject == NULL)
            continue;
          _xinzhi_loader_check_members (self, robject, ipath, role_members);
          text = _xinzhi_loader_get_string (self, robject, ipath, "text", TRUE);
          document = resolve (self, self->document_ids,
                              _xinzhi_loader_get_string (self, robject, ipath, "document", TRUE),
                              dpath, "document");
          if (text == NULL || document == NULL)
            continue;

          if (!_xinzhi_loader_find_place (self, document, G_MAXUINT, text, NULL, NULL))
            {
              g_autofree char *tpath = _xinzhi_loader_member_path (ipath, "text");

              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, tpath,
                                      _("not found verbatim in document “%s”"), document->id);
              continue;
            }

          g_array_append_val (person->roles, ((XinzhiRole) { g_strdup (text), g_object_ref (document) }));
        }

      if (id == NULL || name == NULL)
        continue;

      person->id = g_strdup (id);
      person->name = g_strdup (name);
      g_hash_table_insert (self->person_ids, person->id, person);
      g_list_store_append (self->people, person);
    }
}

static const char * const sector_members[] = { "id", "name", "name_zh", "group", "terms", NULL };

void
_xinzhi_loader_read_sectors (Loader               *self,
                             const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = _xinzhi_loader_index_path ("$.sectors", i);
      g_autofree char *gpath = _xinzhi_loader_member_path (path, "group");
      const XinzhiJsonNode *object = _xinzhi_loader_as_object (self, element, path);
      g_autoptr(XinzhiSector) sector = NULL;
      const char *id, *name, *name_zh;
      Group *group;

      if (object == NULL)
        continue;

      _xinzhi_loader_check_members (self, object, path, sector_members);
      sector = g_object_new (XINZHI_TYPE_SECTOR, NULL);
      id = _xinzhi_loader_get_id (self, object, path, self->sector_ids, "sector");
      name = _xinzhi_loader_get_string (self, object, path, "name", TRUE);
      name_zh = _xinzhi_loader_get_string (self, object, path, "name_zh", TRUE);
      group = resolve (self, self->group_ids,
                       _xinzhi_loader_get_string (self, object, path, "group", TRUE),
                       gpath, "group");
      sector->terms = _xinzhi_loader_get_strv (self, object, path, "terms", TRUE);

      if (id == NULL || name == NULL || name_zh == NULL || group == NULL ||
          sector->terms == NULL || sector->terms[0] == NULL)
        continue;

      sector->id = g_strdup (id);
      sector->name = g_strdup (name);
      sector->name_zh = g_strdup (name_zh);
      sector->group_id = g_strdup (group->id);
      sector->group_name = g_strdup (group->name);
      sector->group_name_zh = g_strdup (group->name_zh);
      sector->group_position = group->position;
      g_hash_table_insert (self->sector_ids, sector->id, sector);
      g_list_store_append (self->sectors, sector);
    }
}

/* Whether @text holds at least @n letters or digits, of any script. */
static gboolean
holds_letters (const char *text,
               guint       n)
{
  for (const char *p = text; *p != '\0' && n > 0; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      n--;
  return n == 0;
}

static const char * const suggestion_members[] = { "rule", "evidence", "note", NULL };

/* A quote's or an event's "suggestion" (format version 3): the extractor's rule, the
 * words it found the item by, and its note, strings of the file; FALSE, having said
 * why, if they are not there or not right.  Whether the words are in the item's
 * paragraph is looked at by the caller. */
static gboolean
read_suggestion (Loader               *self,
                 const XinzhiJsonNode *node,
                 const char           *path,
                 const char          **rule,
                 const char          **evidence,
                 const char          **note)
{
  g_autofree char *spath = _xinzhi_loader_member_path (path, "suggestion");
  const XinzhiJsonNode *object;

  if (self->version < 3)
    {
      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_FORMAT, spath,
                              _("“suggestion” is new in format version 3; this file is version %lld"),
                              (long long) self->version);
      return FALSE;
    }

  object = _xinzhi_loader_as_object (self, node, spath);
  if (object == NULL)
    return FALSE;
  _xinzhi_loader_check_members (self, object, spath, suggestion_members);
  *rule = _xinzhi_loader_get_string (self, object, spath, "rule", TRUE);
  *evidence = _xinzhi_loader_get_string (self, object, spath, "evidence", TRUE);
  *note = _xinzhi_loader_get_string (self, object, spath, "note", FALSE);
  if (*rule == NULL || *evidence == NULL)
    return FALSE;
  /* Words that a rule found, not a space or a mark that any paragraph holds. */
  if (!holds_letters (*evidence, 2))
    {
      g_autofree char *epath = _xinzhi_loader_member_path (spath, "evidence");

      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, epath,
                              _("evidence needs at least two letters or digits"));
      return FALSE;
    }
  return TRUE;
}

static const char * const source_members[] = { "document", "paragraph", NULL };
static const char * const date_source_members[] = { "document", "paragraph", "text", NULL };
static const char * const event_members[] = {
  "id", "title", "title_zh", "summary", "kind", "date", "start", "end", "date_text",
  "date_sources", "date_estimated", "date_note", "sources", "people", "suggestion", NULL
};

/* Reads an event's "sources", or with @texts its "date_sources", whose entries also
 * give the words that state the date; @indices then gets each entry's place in the
 * array, for messages. */
static void
read_event_sources (Loader               *self,
                    GPtrArray            *documents,
                    GArray               *paragraphs,
                    GPtrArray            *texts,
                    GArray               *indices,
                    const XinzhiJsonNode *sources,
                    const char           *path)
{
  const XinzhiJsonNode *s_element = sources ? xinzhi_json_node_get_first (sources) : NULL;
  for (guint s = 0; s < xinzhi_json_node_get_length (sources) && !_xinzhi_loader_cancelled_after (self, 1); s++, s_element = xinzhi_json_node_get_next (s_element))
    {
      g_autofree char *spath = _xinzhi_loader_index_path (path, s);
      g_autofree char *dpath = _xinzhi_loader_member_path (spath, "document");
      g_autofree char *ppath = _xinzhi_loader_member_path (spath, "paragraph");
      const XinzhiJsonNode *object = _xinzhi_loader_as_object (self, s_element, spath);
      XinzhiDocument *document;
      const XinzhiJsonNode *pnode;
      const char *text = NULL;
      gint64 paragraph;

      if (object == NULL)
        continue;
      _xinzhi_loader_check_members (self, object, spath,
                                    texts ? date_source_members : source_members);
      if (texts)
        text = _xinzhi_loader_get_string (self, object, spath, "text", TRUE);
      document = resolve (self, self->document_ids,
                          _xinzhi_loader_get_string (self, object, spath, "document", TRUE),
                          dpath, "document");
      pnode = _xinzhi_loader_get_member (self, object, spath, "paragraph", TRUE);
      if (pnode == NULL)
        continue;
      if (xinzhi_json_node_get_type (pnode) != XINZHI_JSON_INT)
        {
          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_TYPE, ppath,
                                  _("expected a whole number, found %s"),
                                  _xinzhi_loader_node_type_name (pnode));
          continue;
        }
      if (document == NULL || (texts && text == NULL))
        continue;

      paragraph = xinzhi_json_node_get_int (pnode);
      if (paragraph < 0 || paragraph >= document->paragraphs->len)
        {
          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE, ppath,
                                  _("document “%s” has no paragraph %lld (it has %u)"),
                                  document->id, (long long) paragraph, document->paragraphs->len);
          continue;
        }

      g_ptr_array_add (documents, g_object_ref (document));
      g_array_append_val (paragraphs, ((guint) { paragraph }));
      if (texts)
        {
          g_ptr_array_add (texts, (char *) text);
          g_array_append_val (indices, s);
        }
    }

  if (xinzhi_json_node_get_length (sources) == 0)
    _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, path,
                            texts ? _("cite at least one paragraph that states the date")
                                  : _("an event needs at least one source"));
}

void
_xinzhi_loader_read_events (Loader               *self,
                            const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;

  _xinzhi_loader_find_date_places (self, array);

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = _xinzhi_loader_index_path ("$.events", i);
      g_autofree char *people_path = _xinzhi_loader_member_path (path, "people");
      const XinzhiJsonNode *object = _xinzhi_loader_as_object (self, element, path);
      g_autoptr(XinzhiEvent) event = NULL;
      g_auto(GStrv) people = NULL;
      g_autoptr(GHashTable) listed = NULL;
      const char *id, *title, *summary, *kind, *date_text;
      const XinzhiJsonNode *sources, *date_sources = NULL;
      g_autoptr(GPtrArray) date_documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GArray) date_paragraphs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GPtrArray) date_texts = g_ptr_array_new ();
      g_autoptr(GArray) date_indices = g_array_new (FALSE, FALSE, sizeof (guint));
      gboolean has_date = FALSE;

      if (object == NULL)
        continue;

      _xinzhi_loader_check_members (self, object, path, event_members);
      event = g_object_new (XINZHI_TYPE_EVENT, NULL);
      id = _xinzhi_loader_get_id (self, object, path, self->event_ids, "event");
      title = _xinzhi_loader_get_string (self, object, path, "title", TRUE);
      event->title_zh = g_strdup (_xinzhi_loader_get_string (self, object, path, "title_zh",
                                                             FALSE));
      summary = _xinzhi_loader_get_string (self, object, path, "summary", TRUE);
      kind = _xinzhi_loader_get_string (self, object, path, "kind", FALSE);
      date_text = _xinzhi_loader_get_string (self, object, path, "date_text", FALSE);
      event->date_estimated = _xinzhi_loader_get_boolean (self, object, path, "date_estimated");
      event->date_note = g_strdup (_xinzhi_loader_get_string (self, object, path, "date_note",
                                                              FALSE));
      sources = _xinzhi_loader_get_array (self, object, path, "sources", TRUE);
      people = _xinzhi_loader_get_strv (self, object, path, "people", FALSE);

      /* Version 2 names the paragraphs that state the date, each with its words;
       * version 1 has one "date_text" for all the sources. */
      if (self->version >= 2)
        {
          g_autofree char *dspath = _xinzhi_loader_member_path (path, "date_sources");

          date_sources = _xinzhi_loader_get_array (self, object, path, "date_sources", FALSE);
          if (date_sources != NULL)
            read_event_sources (self, date_documents, date_paragraphs, date_texts,
                                date_indices, date_sources, dspath);
          if (xinzhi_json_object_get_member (object, "date_text") != NULL)
            {
              g_autofree char *tpath = _xinzhi_loader_member_path (path, "date_text");

              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_FORMAT, tpath,
                                      _("from format version 2 on, an event’s date is stated by its "
                                        "“date_sources”, each with its own words, not by “date_text”"));
            }
        }
      else if (xinzhi_json_object_get_member (object, "date_sources") != NULL)
        {
          g_autofree char *dspath = _xinzhi_loader_member_path (path, "date_sources");

          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_FORMAT, dspath,
                                  _("“date_sources” is new in format version 2; this file is version %lld"),
                                  (long long) self->version);
        }

      if (kind != NULL)
        {
          if (g_str_equal (kind, "period"))
            event->kind = XINZHI_EVENT_KIND_PERIOD;
          else if (!g_str_equal (kind, "event"))
            {
              g_autofree char *kpath = _xinzhi_loader_member_path (path, "kind");

              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, kpath,
                                      _("“%s” is not an event kind (event, period)"), kind);
            }
        }

      if (xinzhi_json_object_get_member (object, "date") != NULL)
        {
          if (xinzhi_json_object_get_member (object, "start") != NULL || xinzhi_json_object_get_member (object, "end") != NULL)
            _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_FORMAT, path,
                                    _("give either “date” or “start” and “end”, not both"));
          else if (_xinzhi_loader_get_date (self, object, path, "date", TRUE, &event->start))
            {
              event->end = event->start;
              has_date = TRUE;
            }
        }
      else if (xinzhi_json_object_get_member (object, "start") != NULL || xinzhi_json_object_get_member (object, "end") != NULL)
        {
          gboolean has_start = _xinzhi_loader_get_date (self, object, path, "start", TRUE,
                                                        &event->start);
          gboolean has_end = _xinzhi_loader_get_date (self, object, path, "end", TRUE, &event->end);

          if (has_start && has_end)
            {
              if (xinzhi_date_last_day (&event->end) < xinzhi_date_first_day (&event->start))
                {
                  g_autofree char *epath = _xinzhi_loader_member_path (path, "end");
                  g_autofree char *start = xinzhi_date_to_iso (&event->start);
                  g_autofree char *end = xinzhi_date_to_iso (&event->end);

                  _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, epath,
                                          _("the range ends (%s) before it starts (%s)"),
                                          end, start);
                }
              else
                has_date = TRUE;
            }
        }
      else
        _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_MISSING, path,
                                _("missing required member “date” (or “start” and “end”)"));

      if (sources != NULL)
        {
          g_autofree char *spath = _xinzhi_loader_member_path (path, "sources");

          read_event_sources (self, event->source_documents, event->source_paragraphs, NULL,
                              NULL, sources, spath);
        }

      /* A candidate of the extractor: the words that date it are in its first source,
       * the sentence it was found in. */
      if (xinzhi_json_object_get_member (object, "suggestion") != NULL)
        {
          const char *rule, *evidence, *note;

          if (read_suggestion (self, xinzhi_json_object_get_member (object, "suggestion"), path,
                               &rule, &evidence, &note) &&
              event->source_documents->len > 0)
            {
              XinzhiDocument *document = g_ptr_array_index (event->source_documents, 0);
              guint paragraph = g_array_index (event->source_paragraphs, guint, 0);

              if (_xinzhi_loader_find_place (self, document, paragraph, evidence, NULL, NULL))
                {
                  event->rule = g_strdup (rule);
                  event->evidence = g_strdup (evidence);
                  event->suggestion_note = g_strdup (note);
                }
              else
                {
                  g_autofree char *spath = _xinzhi_loader_member_path (path, "suggestion");
                  g_autofree char *epath = _xinzhi_loader_member_path (spath, "evidence");

                  _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, epath,
                                          _("“%s” is not in paragraph %u of document “%s”, the event’s first source"),
                                          evidence, paragraph, document->id);
                }
            }
        }

      if (has_date && self->version >= 2)
        {
          if (event->date_estimated && xinzhi_json_object_get_member (object, "date_sources") != NULL)
            {
              g_autofree char *dspath = _xinzhi_loader_member_path (path, "date_sources");

              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_DATE, dspath,
                                      _("an estimated date has no “date_sources”: the text does not state it"));
            }
          else if (!event->date_estimated && xinzhi_json_object_get_member (object, "date_sources") == NULL)
            _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_MISSING, path,
                                    _("missing “date_sources”, the paragraphs that state the date "
                                      "(or “date_estimated”: true with a “date_note”)"));
          else if (event->date_estimated)
            check_date_evidence (self, object, path, XINZHI_DATE_PRECISION_NONE, TRUE, NULL,
                                 event->date_note, FALSE, NULL);

          for (guint s = 0; s < date_documents->len; s++)
            {
              g_autofree char *dspath = _xinzhi_loader_member_path (path, "date_sources");
              g_autofree char *ipath =
                _xinzhi_loader_index_path (dspath, g_array_index (date_indices, guint, s));
              g_autofree char *tpath = _xinzhi_loader_member_path (ipath, "text");

              check_date_source (self, tpath, event, g_ptr_array_index (date_documents, s),
                                 g_array_index (date_paragraphs, guint, s),
                                 g_ptr_array_index (date_texts, s));
            }
        }
      else if (has_date)
        {
          gboolean found = FALSE;

          for (guint s = 0; date_text && s < event->source_documents->len; s++)
            {
              XinzhiDocument *document = g_ptr_array_index (event->source_documents, s);
              guint p = g_array_index (event->source_paragraphs, guint, s);

              if (_xinzhi_loader_find_place (self, document, p, date_text, NULL, NULL))
                found = TRUE;
            }

          check_date_evidence (self, object, path,
                               MAX (event->start.precision, event->end.precision),
                               event->date_estimated, date_text, event->date_note,
                               found, _("the cited paragraphs"));
        }

      for (guint p = 0; people && people[p] && !_xinzhi_loader_cancelled_after (self, 1); p++)
        {
          g_autofree char *ppath = _xinzhi_loader_index_path (people_path, p);
          XinzhiPerson *person = NULL;

          if (!listed_twice (self, people, p, ppath, "person", &listed))
            person = resolve (self, self->person_ids, people[p], ppath, "person");
          if (person)
            g_list_store_append (event->people, person);
        }

      if (id == NULL || title == NULL || summary == NULL)
        continue;

      event->id = g_strdup (id);
      event->title = g_strdup (title);
      event->summary = g_strdup (summary);
      g_hash_table_insert (self->event_ids, event->id, event);
      g_list_store_append (self->events, event);
    }
}

static const char * const quote_members[] = {
  "id", "person", "document", "kind", "text", "events", "suggestion", NULL
};
void
_xinzhi_loader_read_quotes (Loader               *self,
                            const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;
  g_autoptr(GPtrArray) suggested = g_ptr_array_new ();
  g_autoptr(GPtrArray) suggested_paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = _xinzhi_loader_index_path ("$.quotes", i);
      g_autofree char *ppath = _xinzhi_loader_member_path (path, "person");
      g_autofree char *dpath = _xinzhi_loader_member_path (path, "document");
      g_autofree char *epath = _xinzhi_loader_member_path (path, "events");
      const XinzhiJsonNode *object = _xinzhi_loader_as_object (self, element, path);
      g_autoptr(XinzhiQuote) quote = NULL;
      g_auto(GStrv) events = NULL;
      g_autoptr(GHashTable) listed = NULL;
      XinzhiPerson *person;
      XinzhiDocument *document;
      const char *id, *kind, *text;
      gsize start = 0;

      if (object == NULL)
        continue;

      _xinzhi_loader_check_members (self, object, path, quote_members);
      quote = g_object_new (XINZHI_TYPE_QUOTE, NULL);
      id = _xinzhi_loader_get_id (self, object, path, self->quote_ids, "quote");
      person = resolve (self, self->person_ids,
                        _xinzhi_loader_get_string (self, object, path, "person", TRUE),
                        ppath, "person");
      document = resolve (self, self->document_ids,
                          _xinzhi_loader_get_string (self, object, path, "document", TRUE),
                          dpath, "document");
      kind = _xinzhi_loader_get_string (self, object, path, "kind", TRUE);
      text = _xinzhi_loader_get_string (self, object, path, "text", TRUE);
      events = _xinzhi_loader_get_strv (self, object, path, "events", FALSE);
      if (xinzhi_json_object_get_member (object, "suggestion") != NULL)
        {
          const char *rule, *evidence, *note;

          if (read_suggestion (self, xinzhi_json_object_get_member (object, "suggestion"), path,
                               &rule, &evidence, &note))
            {
              quote->rule = g_strdup (rule);
              quote->evidence = g_strdup (evidence);
              quote->suggestion_note = g_strdup (note);
            }
        }

      if (text != NULL && !holds_letters (text, 2))
        {
          g_autofree char *tpath = _xinzhi_loader_member_path (path, "text");

          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, tpath,
                                  _("a quote needs at least two letters or digits"));
          text = NULL;
        }

      if (kind != NULL)
        {
          if (g_str_equal (kind, "direct"))
            quote->kind = XINZHI_QUOTE_DIRECT;
          else if (g_str_equal (kind, "paraphrase"))
            quote->kind = XINZHI_QUOTE_PARAPHRASE;
          else
            {
              g_autofree char *kpath = _xinzhi_loader_member_path (path, "kind");

              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, kpath,
                                      _("“%s” is not a quote kind (direct, paraphrase)"), kind);
              kind = NULL;
            }
        }

      if (text != NULL && document != NULL &&
          !_xinzhi_loader_find_place (self, document, G_MAXUINT, text, &quote->paragraph, &start))
        {
          g_autofree char *tpath = _xinzhi_loader_member_path (path, "text");

          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, tpath,
                                  _("not found verbatim in document “%s”"), document->id);
          text = NULL;
        }

      for (guint e = 0; events && events[e] && !_xinzhi_loader_cancelled_after (self, 1); e++)
        {
          g_autofree char *ipath = _xinzhi_loader_index_path (epath, e);
          XinzhiEvent *event = NULL;

          if (!listed_twice (self, events, e, ipath, "event", &listed))
            event = resolve (self, self->event_ids, events[e], ipath, "event");
          if (event)
            g_list_store_append (quote->events, event);
        }

      if (id == NULL || person == NULL || document == NULL || kind == NULL || text == NULL)
        continue;

      quote->id = g_strdup (id);
      quote->person = g_object_ref (person);
      quote->document = g_object_ref (document);
      quote->text = g_strdup (text);
      quote->start = start;
      quote->end = start + strlen (text);
      g_hash_table_insert (self->quote_ids, quote->id, quote);
      g_list_store_append (self->quotes, quote);
      if (quote->evidence != NULL)
        {
          g_ptr_array_add (suggested, quote);
          g_ptr_array_add (suggested_paths, _xinzhi_loader_member_path (path, "suggestion"));
        }
    }

  /* Each suggestion's evidence is in the quote's paragraph. */
  _xinzhi_loader_find_evidence_places (self, suggested);
  for (guint i = 0; i < suggested->len && !_xinzhi_loader_cancelled (self); i++)
    {
      XinzhiQuote *quote = g_ptr_array_index (suggested, i);
      gsize start;

      if (_xinzhi_loader_find_place (self, quote->document, quote->paragraph, quote->evidence,
                                     NULL, &start))
        quote->evidence_start = start;
      else
        {
          g_autofree char *epath = _xinzhi_loader_member_path (g_ptr_array_index (suggested_paths, i),
                                                               "evidence");

          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, epath,
                                  _("“%s” is not in paragraph %u of document “%s”, where the quote is"),
                                  quote->evidence, quote->paragraph, quote->document->id);
        }
    }
}

static const char * const concept_members[] = { "id", "name", "name_zh", "note", "variants", NULL };

/* Concepts (format version 2).  Their variants are checked against the text when the
 * documents are scanned for them (_xinzhi_loader_derive()), as sectors' terms are;
 * here, that each is given once: two variants that differ only in ASCII case match
 * the same words, and one variant of two concepts would make its mentions ambiguous. */
void
_xinzhi_loader_read_concepts (Loader               *self,
                              const XinzhiJsonNode *array)
{
  const XinzhiJsonNode *element = array ? xinzhi_json_node_get_first (array) : NULL;
  /* ASCII-lowered variant → the concept's id, for every concept read so far. */
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; array && i < xinzhi_json_node_get_length (array) && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_READ); i++, element = xinzhi_json_node_get_next (element))
    {
      g_autofree char *path = _xinzhi_loader_index_path ("$.concepts", i);
      g_autofree char *vpath = _xinzhi_loader_member_path (path, "variants");
      const XinzhiJsonNode *object = _xinzhi_loader_as_object (self, element, path);
      g_autoptr(XinzhiConcept) concept = NULL;
      g_autoptr(GHashTable) own = NULL;
      const char *id, *name, *name_zh;
      gboolean variants_ok = TRUE;

      if (object == NULL)
        continue;

      _xinzhi_loader_check_members (self, object, path, concept_members);
      concept = g_object_new (XINZHI_TYPE_CONCEPT, NULL);
      id = _xinzhi_loader_get_id (self, object, path, self->concept_ids, "concept");
      name = _xinzhi_loader_get_string (self, object, path, "name", TRUE);
      name_zh = _xinzhi_loader_get_string (self, object, path, "name_zh", TRUE);
      concept->note = g_strdup (_xinzhi_loader_get_string (self, object, path, "note", FALSE));
      concept->variants = _xinzhi_loader_get_strv (self, object, path, "variants", TRUE);

      own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint v = 0; concept->variants && concept->variants[v]; v++)
        {
          g_autofree char *ipath = _xinzhi_loader_index_path (vpath, v);
          g_autofree char *lowered = g_ascii_strdown (concept->variants[v], -1);
          const char *other = g_hash_table_lookup (owners, lowered);

          if (g_hash_table_contains (own, lowered))
            {
              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, ipath,
                                      _("the variant “%s” is given twice (variants match without regard to case)"),
                                      concept->variants[v]);
              variants_ok = FALSE;
            }
          else if (other != NULL)
            {
              _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_VALUE, ipath,
                                      _("the variant “%s” is already a variant of concept “%s”"),
                                      concept->variants[v], other);
              variants_ok = FALSE;
            }
          g_hash_table_add (own, g_steal_pointer (&lowered));
        }

      if (id == NULL || name == NULL || name_zh == NULL || !variants_ok ||
          concept->variants == NULL || concept->variants[0] == NULL)
        continue;

      for (guint v = 0; concept->variants[v]; v++)
        g_hash_table_insert (owners, g_ascii_strdown (concept->variants[v], -1), g_strdup (id));

      concept->id = g_strdup (id);
      concept->name = g_strdup (name);
      concept->name_zh = g_strdup (name_zh);
      g_hash_table_insert (self->concept_ids, concept->id, concept);
      g_list_store_append (self->concepts, concept);
    }
}

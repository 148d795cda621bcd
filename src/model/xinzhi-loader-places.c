/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Where the words that the file quotes are found in the documents, for the readers:
 * the entry point and _xinzhi_loader_read_events() ask for them all at once, the
 * readers then ask where each is (_xinzhi_loader_find_place()) and report what is not
 * found.  Nothing is reported here.
 */
#include "config.h"

#include <string.h>

#include "xinzhi-loader-private.h"
#include "xinzhi-matcher.h"

/* Where a text of the file (a quote's, a role's, a date's words) is first found in a
 * document, or in one paragraph of it.  Every text to look for is gathered before the
 * items that need it are read, and those of one document, or one paragraph, are looked
 * for together, in one pass over it; the search ran once for each, over the whole
 * document, so that a large document cited by many quotes, or a long paragraph by
 * many events, was read over and over. */
typedef struct _Place Place;

struct _Place
{
  XinzhiDocument *document;
  guint           paragraph;        /* where to look, or G_MAXUINT: anywhere */
  const char     *text;             /* the parsed file's string: looked up by address */
  gboolean        found;
  guint           found_paragraph;
  gsize           start;
  Place          *same_text;        /* while searching: another with the same text */
};

guint
_xinzhi_loader_place_hash (gconstpointer data)
{
  const Place *place = data;

  return g_direct_hash (place->document) ^ g_direct_hash (place->text) ^ (place->paragraph * 2654435761u);
}

gboolean
_xinzhi_loader_place_equal (gconstpointer a,
                            gconstpointer b)
{
  const Place *pa = a, *pb = b;

  return pa->document == pb->document && pa->paragraph == pb->paragraph && pa->text == pb->text;
}

/* Asks for @text to be looked for in @document, in its paragraph @paragraph or, with
 * G_MAXUINT, in any: find_places() looks, _xinzhi_loader_find_place() tells. */
static void
want_place (Loader         *self,
            GPtrArray      *wanted,
            XinzhiDocument *document,
            guint           paragraph,
            const char     *text)
{
  Place key = { document, paragraph, text };
  Place *place;

  if (document == NULL || text[0] == '\0' || g_hash_table_contains (self->places, &key))
    return;

  place = g_memdup2 (&key, sizeof key);
  g_hash_table_add (self->places, place);
  g_ptr_array_add (wanted, place);
}

static int
compare_wanted (gconstpointer a,
                gconstpointer b)
{
  const Place *pa = *(Place **) a, *pb = *(Place **) b;

  if (pa->document != pb->document)
    return pa->document < pb->document ? -1 : 1;
  return pa->paragraph < pb->paragraph ? -1 : pa->paragraph > pb->paragraph;
}

typedef struct
{
  Place      **places;     /* by pattern: the first place with its text */
  const gsize *lengths;    /* by pattern: the length of that text */
  guint        paragraph;  /* being scanned */
  const char  *text;       /* its text */
  gsize        length;
  gsize        budget;     /* bytes that may still be compared */
} Looking;

static gboolean
place_found_cb (guint    pattern,
                gsize    start,
                gsize    end,
                gpointer user_data)
{
  Looking *looking = user_data;

  for (Place *place = looking->places[pattern]; place != NULL; place = place->same_text)
    {
      place->found = TRUE;
      place->found_paragraph = looking->paragraph;
      place->start = start;
    }
  return TRUE;
}

/* Up to this many texts are looked for in a document or paragraph one by one, with
 * strstr(); more, together. */
#define FEW_TEXTS 4

/* A text's beginning was found where the text may be: the whole text is there or not. */
static XinzhiMatcherCheck
place_check_cb (guint    pattern,
                gsize    start,
                gsize    end,
                gpointer user_data)
{
  Looking *looking = user_data;
  gsize length = looking->lengths[pattern];
  const char *text = looking->places[pattern]->text;
  gsize same = end - start;

  /* The beginning is the same: compare the rest, paying for what is compared. */
  while (same < length && start + same < looking->length && looking->text[start + same] == text[same])
    same++;
  if (same + 1 > looking->budget)
    return XINZHI_MATCHER_STOP;
  looking->budget -= same + 1;
  if (same < length)
    return XINZHI_MATCHER_NOT_HERE;

  place_found_cb (pattern, start, end, user_data);
  return XINZHI_MATCHER_FOUND;
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(Place **) a)->text, (*(Place **) b)->text);
}

static gsize
common_length (const char *a,
               const char *b)
{
  gsize n = 0;

  while (a[n] != '\0' && a[n] == b[n])
    n++;
  return n;
}

/* Looks for the @n texts of @places in @document's paragraphs @first to @last, with a
 * search for their beginnings, each as long as it takes to tell it from the others,
 * where the rest is compared: an automaton of whole quotes would have a state for each
 * byte of them, and take longer to build than to scan the document with.  Returns
 * FALSE, having found nothing, if the comparing would cost more than four times the
 * text and the texts, which beginnings shared by texts that differ only further on,
 * and found over and over in the document, can make it. */
static gboolean
find_beginnings (Loader          *self,
                 XinzhiDocument  *document,
                 guint            first,
                 guint            last,
                 Place          **places,
                 guint            n)
{
  g_autoptr(XinzhiMatcher) matcher = xinzhi_matcher_new ();
  g_autoptr(XinzhiMatcherSearch) search = NULL;
  g_autofree Place **sorted = g_memdup2 (places, n * sizeof (Place *));
  g_autofree Place **by_pattern = g_new0 (Place *, n);
  g_autofree gsize *lengths = g_new0 (gsize, n);
  Looking looking = { by_pattern, lengths };
  gboolean complete = TRUE;
  gsize total = 4096;

  if (n > 1)
    qsort (sorted, n, sizeof (Place *), compare_texts);
  for (guint i = 0, next; i < n; i = next)
    {
      gsize length = strlen (sorted[i]->text);
      gsize before = i > 0 ? common_length (sorted[i - 1]->text, sorted[i]->text) : 0;
      gsize after = 0;
      g_autofree char *beginning = NULL;
      guint pattern;

      /* The same text, from several places. */
      for (next = i + 1; next < n && strcmp (sorted[next]->text, sorted[i]->text) == 0; next++)
        ;
      if (next < n)
        after = common_length (sorted[i]->text, sorted[next]->text);
      beginning = g_strndup (sorted[i]->text, MIN (length, MAX (before, after) + 1));
      pattern = xinzhi_matcher_add (matcher, beginning);
      lengths[pattern] = length;
      total += length;
      for (guint j = i; j < next; j++)
        {
          sorted[j]->same_text = by_pattern[pattern];
          by_pattern[pattern] = sorted[j];
        }
    }

  for (guint p = first; p < last; p++)
    total += strlen (g_array_index (document->paragraphs, XinzhiParagraph, p).text);
  looking.budget = 4 * total;

  search = xinzhi_matcher_search_new (matcher);
  for (guint p = first; p < last && complete && xinzhi_matcher_search_get_n_left (search) > 0 && !_xinzhi_loader_cancelled (self); p++)
    {
      looking.paragraph = p;
      looking.text = g_array_index (document->paragraphs, XinzhiParagraph, p).text;
      looking.length = strlen (looking.text);
      complete = xinzhi_matcher_search_check (search, looking.text, looking.length, place_check_cb, &looking);
    }

  for (guint i = 0; i < n; i++)
    {
      places[i]->same_text = NULL;
      if (!complete)
        places[i]->found = FALSE;
    }
  return complete;
}

/* Looks for @n texts, all to be found in one document or one paragraph of it. */
static void
find_places_in (Loader  *self,
                Place  **places,
                guint    n)
{
  XinzhiDocument *document = places[0]->document;
  guint first = places[0]->paragraph == G_MAXUINT ? 0 : places[0]->paragraph;
  guint last = places[0]->paragraph == G_MAXUINT ? document->paragraphs->len : first + 1;
  g_autoptr(XinzhiMatcher) matcher = NULL;
  g_autoptr(XinzhiMatcherSearch) search = NULL;
  g_autofree Place **by_pattern = NULL;
  Looking looking;

  last = MIN (last, document->paragraphs->len);
  if (n > FEW_TEXTS && find_beginnings (self, document, first, last, places, n))
    return;
  if (n <= FEW_TEXTS)
    {
      for (guint i = 0; i < n; i++)
        for (guint p = first; p < last && !places[i]->found && !_xinzhi_loader_cancelled (self); p++)
          {
            const char *text = g_array_index (document->paragraphs, XinzhiParagraph, p).text;
            const char *found = strstr (text, places[i]->text);

            if (found != NULL)
              *places[i] = (Place) { places[i]->document, places[i]->paragraph, places[i]->text,
                                     TRUE, p, found - text, NULL };
          }
      return;
    }

  matcher = xinzhi_matcher_new ();
  by_pattern = g_new0 (Place *, n);
  for (guint i = 0; i < n; i++)
    {
      guint pattern = xinzhi_matcher_add (matcher, places[i]->text);

      places[i]->same_text = by_pattern[pattern];
      by_pattern[pattern] = places[i];
    }
  search = xinzhi_matcher_search_new (matcher);
  looking = (Looking) { by_pattern };
  for (guint p = first; p < last && xinzhi_matcher_search_get_n_left (search) > 0 && !_xinzhi_loader_cancelled (self); p++)
    {
      const char *text = g_array_index (document->paragraphs, XinzhiParagraph, p).text;

      looking.paragraph = p;
      xinzhi_matcher_search_scan (search, text, strlen (text), place_found_cb, &looking);
    }
  for (guint i = 0; i < n; i++)
    places[i]->same_text = NULL;
}

/* Looks for every text of @wanted, each document's or paragraph's together.  If
 * @stepped, the pass counts one step of the read stage for each document of the file
 * (_xinzhi_loader_read_documents() counted them in self->n_document_items), whether it
 * has texts to look for or not, so that progress moves on as the documents are scanned
 * and a cancel is looked for after each of them. */
static void
find_places (Loader    *self,
             GPtrArray *wanted,
             gboolean   stepped)
{
  guint start = 0;
  guint end = self->n_done + self->n_document_items;

  g_ptr_array_sort (wanted, compare_wanted);
  for (guint i = 1; i <= wanted->len && !_xinzhi_loader_cancelled (self); i++)
    if (i == wanted->len || compare_wanted (&wanted->pdata[start], &wanted->pdata[i]) != 0)
      {
        XinzhiDocument *document = ((Place *) wanted->pdata[start])->document;

        find_places_in (self, (Place **) &wanted->pdata[start], i - start);
        start = i;
        if (stepped && self->n_done < end &&
            (i == wanted->len || ((Place *) wanted->pdata[i])->document != document) &&
            !_xinzhi_loader_step (self, XINZHI_LOAD_STAGE_READ))
          return;
      }
  if (stepped)
    self->n_done = MAX (self->n_done, end);
}

/* Whether @text is found in @document's paragraph @paragraph, or any with G_MAXUINT,
 * and where first: as looked for by find_places() if it was asked for (by address),
 * otherwise now. */
gboolean
_xinzhi_loader_find_place (Loader         *self,
                           XinzhiDocument *document,
                           guint           paragraph,
                           const char     *text,
                           guint          *found_paragraph,
                           gsize          *start)
{
  Place key = { document, paragraph, text };
  Place *place = g_hash_table_lookup (self->places, &key);

  if (place == NULL)
    {
      g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

      want_place (self, wanted, document, paragraph, text);
      find_places (self, wanted, FALSE);
      place = g_hash_table_lookup (self->places, &key);
    }

  if (place == NULL || !place->found)
    return FALSE;
  if (found_paragraph != NULL)
    *found_paragraph = place->found_paragraph;
  if (start != NULL)
    *start = place->start;
  return TRUE;
}

/* @object's member @member if it is of @type, else NULL: for gathering what to look for
 * before the items are read and checked. */
static const XinzhiJsonNode *
peek_member (const XinzhiJsonNode *object,
             const char           *member,
             XinzhiJsonType        type)
{
  const XinzhiJsonNode *node;

  if (xinzhi_json_node_get_type (object) != XINZHI_JSON_OBJECT)
    return NULL;
  node = xinzhi_json_object_get_member (object, member);
  if (node == NULL || xinzhi_json_node_get_type (node) != type)
    return NULL;
  return node;
}

static const char *
peek_string (const XinzhiJsonNode *object,
             const char           *member)
{
  const XinzhiJsonNode *node = peek_member (object, member, XINZHI_JSON_STRING);

  return node != NULL ? xinzhi_json_node_get_string (node) : NULL;
}

/* The document that @object's "document" names, if any. */
static XinzhiDocument *
peek_document (Loader               *self,
               const XinzhiJsonNode *object)
{
  const char *id = peek_string (object, "document");

  return id != NULL ? g_hash_table_lookup (self->document_ids, id) : NULL;
}

/* Looks for the words of every role of @people and every quote of @quotes (the file's
 * arrays, or NULL or not arrays) in their documents: a document's, of both kinds, in one
 * pass over it. */
void
_xinzhi_loader_find_text_places (Loader               *self,
                                 const XinzhiJsonNode *people,
                                 const XinzhiJsonNode *quotes)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  const XinzhiJsonNode *person, *role, *quote;
  guint i, r;

  if (people != NULL && xinzhi_json_node_get_type (people) == XINZHI_JSON_ARRAY)
    XINZHI_JSON_FOREACH_ELEMENT (people, i, person)
      {
        const XinzhiJsonNode *roles = peek_member (person, "roles", XINZHI_JSON_ARRAY);
        const char *text;

        if (roles != NULL)
          XINZHI_JSON_FOREACH_ELEMENT (roles, r, role)
            if ((text = peek_string (role, "text")) != NULL)
              want_place (self, wanted, peek_document (self, role), G_MAXUINT, text);
      }
  if (quotes != NULL && xinzhi_json_node_get_type (quotes) == XINZHI_JSON_ARRAY)
    XINZHI_JSON_FOREACH_ELEMENT (quotes, i, quote)
      {
        const char *text = peek_string (quote, "text");

        if (text != NULL)
          want_place (self, wanted, peek_document (self, quote), G_MAXUINT, text);
      }
  find_places (self, wanted, TRUE);
}

/* Asks for @text to be looked for in the paragraph that @source (of an event's
 * sources or date sources) names, if it names one. */
static void
want_date_place (Loader               *self,
                 GPtrArray            *wanted,
                 const XinzhiJsonNode *source,
                 const char           *text)
{
  XinzhiDocument *document = peek_document (self, source);
  const XinzhiJsonNode *paragraph;

  if (document == NULL)
    return;
  paragraph = peek_member (source, "paragraph", XINZHI_JSON_INT);
  if (paragraph != NULL && xinzhi_json_node_get_int (paragraph) >= 0 &&
      xinzhi_json_node_get_int (paragraph) < document->paragraphs->len)
    want_place (self, wanted, document, xinzhi_json_node_get_int (paragraph), text);
}

/* Looks for each event's date words in each paragraph it cites for them: a version 1
 * event's date_text in each of its sources, a version 2 event's date sources' texts,
 * each in its own paragraph, and a candidate's evidence in its first source. */
void
_xinzhi_loader_find_date_places (Loader               *self,
                                 const XinzhiJsonNode *events)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  const XinzhiJsonNode *event, *source;
  guint i, s;

  if (events == NULL)
    return;
  XINZHI_JSON_FOREACH_ELEMENT (events, i, event)
    {
      const char *date_text = peek_string (event, "date_text");
      const XinzhiJsonNode *sources = peek_member (event, "sources", XINZHI_JSON_ARRAY);
      const XinzhiJsonNode *date_sources = peek_member (event, "date_sources", XINZHI_JSON_ARRAY);

      /* Version 1: the one date_text in each source; version 2: each date source's
       * own words in its paragraph. */
      if (date_text != NULL && sources != NULL)
        XINZHI_JSON_FOREACH_ELEMENT (sources, s, source)
          want_date_place (self, wanted, source, date_text);
      if (date_sources != NULL)
        XINZHI_JSON_FOREACH_ELEMENT (date_sources, s, source)
          {
            const char *text = peek_string (source, "text");

            if (text != NULL)
              want_date_place (self, wanted, source, text);
          }
      /* A candidate's evidence, in its first source. */
      if (sources != NULL && xinzhi_json_node_get_length (sources) > 0)
        {
          const XinzhiJsonNode *suggestion = peek_member (event, "suggestion", XINZHI_JSON_OBJECT);
          const char *evidence = suggestion != NULL ? peek_string (suggestion, "evidence") : NULL;

          if (evidence != NULL)
            want_date_place (self, wanted, xinzhi_json_node_get_first (sources), evidence);
        }
    }
  find_places (self, wanted, TRUE);
}

/* Looks for the evidence of each of @quotes (suggestions of the extractor, read) in the
 * paragraph where the quote is: a paragraph's all together, in one pass over it. */
void
_xinzhi_loader_find_evidence_places (Loader    *self,
                                     GPtrArray *quotes)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  for (guint i = 0; i < quotes->len; i++)
    {
      XinzhiQuote *quote = g_ptr_array_index (quotes, i);

      want_place (self, wanted, quote->document, quote->paragraph, quote->evidence);
    }
  find_places (self, wanted, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Editing a corpus file (xinzhi-corpus-edit.c), headless: accepting a suggested quote
 * makes it reviewed, rejecting one takes it out, and only a suggestion can be either;
 * the file is written only when it still holds what was shown, only with a result the
 * loader accepts, with its mode kept; what an edit replaced can be put back.  A quote a
 * person adds is reviewed, spoken by a person of the corpus or a new one, and refused
 * when its words are not in one paragraph of its article. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "xinzhi-checksum.h"
#include "xinzhi-corpus-edit.h"
#include "xinzhi-test-data.h"

static char *
read_data (const char *name,
           gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

static XinzhiCorpus *
load_text (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus = xinzhi_corpus_new_from_bytes (bytes, "edited.json", &error);

  g_assert_no_error (error);
  return corpus;
}

static void
test_accept (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ACCEPT_QUOTE, "q1", NULL, &error);
  g_autoptr(XinzhiCorpus) corpus = NULL;

  g_assert_no_error (error);
  g_assert_null (strstr (edited, "\"suggestion\""));
  corpus = load_text (edited);
  g_assert_true (xinzhi_quote_get_reviewed (xinzhi_corpus_lookup_quote (corpus, "q1")));
  g_assert_cmpstr (xinzhi_quote_get_text (xinzhi_corpus_lookup_quote (corpus, "q1")), ==, "Innovation is the core,");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus)), ==, 2);
}

static void
test_reject (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_REJECT_QUOTE, "q1", NULL, &error);
  g_autoptr(XinzhiCorpus) corpus = NULL;

  g_assert_no_error (error);
  corpus = load_text (edited);
  g_assert_null (xinzhi_corpus_lookup_quote (corpus, "q1"));
  g_assert_nonnull (xinzhi_corpus_lookup_quote (corpus, "q2"));
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus)), ==, 1);
}

/* A candidate event accepted is reviewed, and nothing else changes; rejected, it
 * leaves the corpus and the quotes that named it; only a candidate that is there can
 * be either. */
static void
test_review_event (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3-event.json", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *accepted = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ACCEPT_EVENT,
                                                       "named-on-march-5", NULL, &error);
  g_autofree char *rejected = NULL;
  g_autofree char *refused = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  XinzhiQuote *q2;

  g_assert_no_error (error);
  corpus = load_text (accepted);
  g_assert_true (xinzhi_event_get_reviewed (xinzhi_corpus_lookup_event (corpus, "named-on-march-5")));
  g_assert_false (xinzhi_quote_get_reviewed (xinzhi_corpus_lookup_quote (corpus, "q1")));
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)), ==, 2);
  g_clear_object (&corpus);

  rejected = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_REJECT_EVENT,
                                      "named-on-march-5", NULL, &error);
  g_assert_no_error (error);
  corpus = load_text (rejected);
  g_assert_null (xinzhi_corpus_lookup_event (corpus, "named-on-march-5"));
  g_assert_nonnull (xinzhi_corpus_lookup_event (corpus, "report"));
  q2 = xinzhi_corpus_lookup_quote (corpus, "q2");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_quote_get_events (q2)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_quote_get_events (xinzhi_corpus_lookup_quote (corpus, "q1"))), ==, 1);

  /* A curated event is no suggestion; an id that is not there is no event. */
  refused = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_REJECT_EVENT, "report", NULL, &error);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_null (refused);
  g_clear_error (&error);
  refused = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ACCEPT_EVENT, "nope", NULL, &error);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
  g_assert_null (refused);
}

/* An event added from a paragraph: reviewed, the paragraph its source; dated by words
 * of it, or an estimate with a note; refused without a title, a note for an estimate
 * or an article that is there; words that do not state the date, the loader refuses. */
static void
test_add_event (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  XinzhiEventDraft draft = {
    .document = "doc-a", .paragraph = 1,
    .title = "Hydrogen energy and AI named in the report",
    .summary = "Hydrogen energy and AI were named in the report on March 5.",
    .date = { 2024, 3, 5, XINZHI_DATE_PRECISION_DAY },
    .date_words = "March 5",
  };
  g_autofree char *id = NULL;
  g_autofree char *edited = xinzhi_corpus_add_event_json (json, length, &draft, &id, &error);
  g_autofree char *estimated = NULL;
  g_autofree char *refused = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GBytes) bytes = NULL;
  XinzhiEvent *event;
  guint paragraph;

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "event-2");
  corpus = load_text (edited);
  event = xinzhi_corpus_lookup_event (corpus, id);
  g_assert_nonnull (event);
  g_assert_true (xinzhi_event_get_reviewed (event));
  g_assert_false (xinzhi_event_get_date_estimated (event));
  g_assert_cmpstr (xinzhi_event_get_title (event), ==, draft.title);
  g_assert_true (xinzhi_event_get_source (event, 0, &paragraph) == xinzhi_corpus_lookup_document (corpus, "doc-a"));
  g_assert_cmpuint (paragraph, ==, 1);
  g_clear_object (&corpus);

  /* An estimate, with its note. */
  draft.date_words = NULL;
  draft.date_note = "The report names the day but not the year; the year is the article's.";
  estimated = xinzhi_corpus_add_event_json (json, length, &draft, NULL, &error);
  g_assert_no_error (error);
  corpus = load_text (estimated);
  g_assert_true (xinzhi_event_get_date_estimated (xinzhi_corpus_lookup_event (corpus, "event-2")));
  g_assert_cmpstr (xinzhi_event_get_date_note (xinzhi_corpus_lookup_event (corpus, "event-2")), ==, draft.date_note);

  /* Refused: an estimate without a note, no title, an article that is not there. */
  draft.date_note = NULL;
  refused = xinzhi_corpus_add_event_json (json, length, &draft, NULL, &error);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DATE);
  g_assert_null (refused);
  g_clear_error (&error);
  draft.date_words = "March 5";
  draft.title = "";
  refused = xinzhi_corpus_add_event_json (json, length, &draft, NULL, &error);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_clear_error (&error);
  draft.title = "A title";
  draft.document = "nowhere";
  refused = xinzhi_corpus_add_event_json (json, length, &draft, NULL, &error);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
  g_clear_error (&error);

  /* Words that name another day: written, and then the loader says no. */
  draft.document = "doc-a";
  draft.date = (XinzhiDate) { 2024, 3, 6, XINZHI_DATE_PRECISION_DAY };
  g_free (edited);
  edited = xinzhi_corpus_add_event_json (json, length, &draft, NULL, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (edited, strlen (edited));
  g_clear_object (&corpus);
  corpus = xinzhi_corpus_new_from_bytes (bytes, "edited.json", &error);
  g_assert_null (corpus);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DATE);
}

/* A copy of the object at @index of @array that shares nothing with it. */
static JsonObject *
copy_object (JsonArray *array,
             guint      index)
{
  g_autofree char *text = json_to_string (json_array_get_element (array, index), FALSE);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  return json_object_ref (json_node_get_object (node));
}

/* version-3-event.json with a second article, "doc-b" (a copy of "doc-a"), and a
 * candidate event read from each of the two besides the one it has of "doc-a". */
static char *
two_articles_three_candidates (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3-event.json", &length);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *documents, *events;
  JsonObject *doc_b, *candidate;

  json_parser_load_from_data (parser, json, length, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  documents = json_object_get_array_member (root, "documents");
  events = json_object_get_array_member (root, "events");

  doc_b = copy_object (documents, 0);
  json_object_set_string_member (doc_b, "id", "doc-b");
  json_object_set_string_member (doc_b, "title", "Another test article");
  json_object_set_string_member (doc_b, "url", "https://example.org/b");
  json_array_add_object_element (documents, doc_b);

  for (guint i = 0; i < 2; i++)
    {
      JsonArray *sources;

      candidate = copy_object (events, 1);
      json_object_set_string_member (candidate, "id", i == 0 ? "also-of-a" : "of-b");
      if (i == 1)
        {
          sources = json_object_get_array_member (candidate, "sources");
          json_object_set_string_member (json_array_get_object_element (sources, 0), "document", "doc-b");
        }
      json_array_add_object_element (events, candidate);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

/* Accepting an article's candidate events accepts every one read from it and no
 * other, the curated ones as they were; it needs one, and an article that is there. */
static void
test_accept_document_events (void)
{
  g_autofree char *json = two_articles_three_candidates ();
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *again = NULL;
  g_autoptr(XinzhiCorpus) corpus = load_text (json);

  g_assert_false (xinzhi_event_get_reviewed (xinzhi_corpus_lookup_event (corpus, "of-b")));
  g_clear_object (&corpus);

  edited = xinzhi_corpus_edit_json (json, strlen (json), XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS,
                                    "doc-a", NULL, &error);
  g_assert_no_error (error);
  corpus = load_text (edited);
  g_assert_true (xinzhi_event_get_reviewed (xinzhi_corpus_lookup_event (corpus, "named-on-march-5")));
  g_assert_true (xinzhi_event_get_reviewed (xinzhi_corpus_lookup_event (corpus, "also-of-a")));
  g_assert_true (xinzhi_event_get_reviewed (xinzhi_corpus_lookup_event (corpus, "report")));
  g_assert_false (xinzhi_event_get_reviewed (xinzhi_corpus_lookup_event (corpus, "of-b")));
  /* Quotes are not events: the article's suggested quote is still one. */
  g_assert_false (xinzhi_quote_get_reviewed (xinzhi_corpus_lookup_quote (corpus, "q1")));
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)), ==, 4);

  again = xinzhi_corpus_edit_json (edited, strlen (edited), XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS,
                                   "doc-a", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "“doc-a”"));
  g_clear_error (&error);

  again = xinzhi_corpus_edit_json (edited, strlen (edited), XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT_EVENTS,
                                   "doc-c", NULL, &error);
  g_assert_null (again);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
}

/* A title of a person's: set, trimmed, in English or Chinese, the event as reviewed as
 * it was; not empty, not the one it has, not of an event that is not there, nor one
 * the loader refuses. */
static void
test_set_event_title (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3-event.json", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *edited_zh = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  XinzhiEvent *event;

  edited = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_EVENT_TITLE,
                                    "named-on-march-5", "  Sectors named in the report\n", &error);
  g_assert_no_error (error);
  corpus = load_text (edited);
  event = xinzhi_corpus_lookup_event (corpus, "named-on-march-5");
  g_assert_cmpstr (xinzhi_event_get_title (event), ==, "Sectors named in the report");
  g_assert_cmpstr (xinzhi_event_get_summary (event), ==, "Hydrogen energy and AI were named in the report on March 5.");
  g_assert_false (xinzhi_event_get_reviewed (event));
  g_clear_object (&corpus);

  edited_zh = xinzhi_corpus_edit_json (edited, strlen (edited), XINZHI_CORPUS_EDIT_SET_EVENT_TITLE_ZH,
                                       "report", "报告", &error);
  g_assert_no_error (error);
  corpus = load_text (edited_zh);
  event = xinzhi_corpus_lookup_event (corpus, "report");
  g_assert_cmpstr (xinzhi_event_get_title_zh (event), ==, "报告");
  g_assert_cmpstr (xinzhi_event_get_title (event), ==, "Report");
  g_assert_true (xinzhi_event_get_reviewed (event));

  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_EVENT_TITLE,
                                          "report", " \t", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_EVENT_TITLE,
                                          "report", "Report", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_EVENT_TITLE,
                                          "nope", "Report", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
}

/* A term added to a sector: its mentions found where the articles name it; not one the
 * sector has (ASCII case aside), not empty, not of a sector that is not there. */
static void
test_add_term (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) before = load_text (json);
  g_autofree char *edited = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  XinzhiSector *sector;
  guint n_before = xinzhi_sector_get_n_mentions (xinzhi_corpus_lookup_sector (before, "ai"));
  gboolean found = FALSE;

  edited = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ADD_TERM, "ai", " the report ", &error);
  g_assert_no_error (error);
  corpus = load_text (edited);
  sector = xinzhi_corpus_lookup_sector (corpus, "ai");
  g_assert_true (g_strv_contains (xinzhi_sector_get_terms (sector), "the report"));
  g_assert_cmpuint (xinzhi_sector_get_n_mentions (sector), ==, n_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (xinzhi_sector_get_mentions (sector)); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (xinzhi_sector_get_mentions (sector), i);
      const char *text = xinzhi_document_get_paragraph (xinzhi_mention_get_document (mention),
                                                        xinzhi_mention_get_paragraph (mention))->text;

      found = found || strncmp (text + xinzhi_mention_get_start (mention), "the report",
                                xinzhi_mention_get_end (mention) - xinzhi_mention_get_start (mention)) == 0;
    }
  g_assert_true (found);

  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ADD_TERM, "ai", "ai", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "“ai” is a term of the sector “ai” already"));
  g_clear_error (&error);
  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ADD_TERM, "ai", "  ", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ADD_TERM, "quantum", "report", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
}

/* A term removed, as it is written: the sector marks no mention by it any more; one
 * the sector does not have, and its last term, are refused. */
static void
test_remove_term (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) before = load_text (json);
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *last = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  XinzhiSector *sector = xinzhi_corpus_lookup_sector (before, "ai");
  guint n_before = xinzhi_sector_get_n_mentions (sector);
  guint n_terms = g_strv_length ((GStrv) xinzhi_sector_get_terms (sector));
  char *refused;

  /* Added and removed again: the sector as it was. */
  added = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ADD_TERM, "ai", "the report", &error);
  g_assert_no_error (error);
  removed = xinzhi_corpus_edit_json (added, strlen (added), XINZHI_CORPUS_EDIT_REMOVE_TERM, "ai", "the report", &error);
  g_assert_no_error (error);
  corpus = load_text (removed);
  sector = xinzhi_corpus_lookup_sector (corpus, "ai");
  g_assert_false (g_strv_contains (xinzhi_sector_get_terms (sector), "the report"));
  g_assert_cmpuint (g_strv_length ((GStrv) xinzhi_sector_get_terms (sector)), ==, n_terms);
  g_assert_cmpuint (xinzhi_sector_get_n_mentions (sector), ==, n_before);

  /* Only as it is written: another case is another spelling, not this term. */
  refused = xinzhi_corpus_edit_json (added, strlen (added), XINZHI_CORPUS_EDIT_REMOVE_TERM, "ai", "The Report", &error);
  g_assert_null (refused);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "“The Report” is not a term of the sector “ai”"));
  g_clear_error (&error);
  refused = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_REMOVE_TERM, "quantum", "ai", &error);
  g_assert_null (refused);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
  g_clear_error (&error);

  /* Down to one term, which stays. */
  last = g_strdup (json);
  for (guint i = n_terms; i > 1; i--)
    {
      g_autoptr(XinzhiCorpus) shown = load_text (last);
      const char *term = xinzhi_sector_get_terms (xinzhi_corpus_lookup_sector (shown, "ai"))[i - 1];
      char *next = xinzhi_corpus_edit_json (last, strlen (last), XINZHI_CORPUS_EDIT_REMOVE_TERM, "ai", term, &error);

      g_assert_no_error (error);
      g_free (last);
      last = next;
    }
  {
    g_autoptr(XinzhiCorpus) shown = load_text (last);
    const char *term = xinzhi_sector_get_terms (xinzhi_corpus_lookup_sector (shown, "ai"))[0];

    refused = xinzhi_corpus_edit_json (last, strlen (last), XINZHI_CORPUS_EDIT_REMOVE_TERM, "ai", term, &error);
    g_assert_null (refused);
    g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
    g_assert_nonnull (strstr (error->message, "is the only term of the sector “ai”"));
    g_clear_error (&error);
  }
}

/* A role removed by its position: the person keeps the others; a position the person
 * has no role at is refused. */
static void
test_remove_role (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) before = load_text (json);
  g_autofree char *removed = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  XinzhiPerson *li = xinzhi_corpus_lookup_person (before, "li-yuju");
  char *refused;

  g_assert_cmpuint (xinzhi_person_get_n_roles (li), ==, 1);
  removed = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_REMOVE_ROLE, "li-yuju", "0", &error);
  g_assert_no_error (error);
  corpus = load_text (removed);
  li = xinzhi_corpus_lookup_person (corpus, "li-yuju");
  g_assert_cmpuint (xinzhi_person_get_n_roles (li), ==, 0);
  /* Her quotes stay hers. */
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_person_get_quotes (li)), ==,
                    g_list_model_get_n_items (xinzhi_person_get_quotes (xinzhi_corpus_lookup_person (before, "li-yuju"))));

  for (guint i = 0; i < 4; i++)
    {
      const char *position = (const char *[]) { "1", "-1", "x", "" }[i];

      refused = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_REMOVE_ROLE, "li-yuju", position, &error);
      g_assert_null (refused);
      g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
      g_assert_nonnull (strstr (error->message, "has no role at position"));
      g_clear_error (&error);
    }
  refused = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_REMOVE_ROLE, "nobody", "0", &error);
  g_assert_null (refused);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
}

/* The words of a selection as a term: trimmed of space and punctuation; refused inside
 * a word of an alphabetic script (where the term would mark nothing), but not between
 * Chinese characters; refused without two characters and a letter or digit. */
static void
test_term_words (void)
{
  const char *text = "Hydrogen energy and AI were named in the report, 新质生产力 too.";
  const char *report = strstr (text, "report");
  const char *chinese = strstr (text, "生产");
  g_autoptr(GError) error = NULL;
  g_autofree char *a = xinzhi_corpus_edit_term_words (text, 0, strlen ("Hydrogen energy "), &error);
  g_autofree char *b = xinzhi_corpus_edit_term_words (text, report - text - 1, report - text + strlen ("report,"), &error);
  g_autofree char *c = xinzhi_corpus_edit_term_words (text, chinese - text, chinese - text + strlen ("生产"), &error);
  char *refused;

  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "Hydrogen energy");
  g_assert_cmpstr (b, ==, "report");
  g_assert_cmpstr (c, ==, "生产");

  /* "ydrogen", "Hydroge", "AI w" … */
  refused = xinzhi_corpus_edit_term_words (text, 1, strlen ("Hydrogen"), &error);
  g_assert_null (refused);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "inside a word"));
  g_clear_error (&error);
  refused = xinzhi_corpus_edit_term_words (text, 0, strlen ("Hydroge"), &error);
  g_assert_null (refused);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_clear_error (&error);
  refused = xinzhi_corpus_edit_term_words (text, strstr (text, "AI") - text, strstr (text, "AI") - text + 4, &error);
  g_assert_null (refused);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_clear_error (&error);
  /* One letter; punctuation alone. */
  refused = xinzhi_corpus_edit_term_words (text, 0, 1, &error);
  g_assert_null (refused);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "two characters"));
  g_clear_error (&error);
  refused = xinzhi_corpus_edit_term_words (text, report - text + strlen ("report"), report - text + strlen ("report, "), &error);
  g_assert_null (refused);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
}

/* Two people made one: the one kept has the other's name as a spelling, its roles,
 * quotes and events (an event that had both names the kept one once); the other is
 * gone.  Not a person with themselves, nor one who is not there. */
static void
test_merge_people (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3-event.json", &length);
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  JsonArray *events = json_object_get_array_member (json_node_get_object (root), "events");
  g_autofree char *both = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autofree char *roles = NULL;
  XinzhiPerson *kept;
  XinzhiEvent *report;

  /* The event "report" names both. */
  json_array_add_string_element (json_object_get_array_member (json_array_get_object_element (events, 0), "people"),
                                 "a-writer");
  both = json_to_string (root, TRUE);

  edited = xinzhi_corpus_edit_json (both, strlen (both), XINZHI_CORPUS_EDIT_MERGE_PEOPLE, "li-yuju", "a-writer", &error);
  g_assert_no_error (error);
  corpus = load_text (edited);
  g_assert_null (xinzhi_corpus_lookup_person (corpus, "li-yuju"));
  kept = xinzhi_corpus_lookup_person (corpus, "a-writer");
  g_assert_cmpstr (xinzhi_person_get_name (kept), ==, "A. Writer");
  g_assert_true (g_strv_contains (xinzhi_person_get_variants (kept), "Li Yuju"));
  g_assert_true (xinzhi_quote_get_person (xinzhi_corpus_lookup_quote (corpus, "q1")) == kept);
  g_assert_true (xinzhi_quote_get_person (xinzhi_corpus_lookup_quote (corpus, "q2")) == kept);
  roles = xinzhi_person_dup_role_in (kept, xinzhi_corpus_lookup_document (corpus, "doc-a"));
  g_assert_cmpstr (roles, ==, "deputy director of the centre");
  report = xinzhi_corpus_lookup_event (corpus, "report");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_event_get_people (report)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_people (corpus)), ==, 1);

  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_MERGE_PEOPLE, "li-yuju", "li-yuju", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_MERGE_PEOPLE, "li-yuju", "nobody", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
  g_assert_nonnull (strstr (error->message, "“nobody”"));
}

/* An article's title and outlet as a person corrects them: trimmed; a new outlet
 * without the note on how the old one was known; not empty, not the same, not of an
 * article that is not there. */
static void
test_set_document_words (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  JsonObject *doc_a = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "documents"), 0);
  g_autofree char *noted = NULL;
  g_autofree char *titled = NULL;
  g_autofree char *outlet = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  XinzhiDocument *document;

  json_object_set_string_member (doc_a, "outlet_note", "from the page's og:site_name");
  noted = json_to_string (root, TRUE);

  titled = xinzhi_corpus_edit_json (noted, strlen (noted), XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE, "doc-a",
                                    " Hydrogen and AI in the report ", &error);
  g_assert_no_error (error);
  outlet = xinzhi_corpus_edit_json (titled, strlen (titled), XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET, "doc-a",
                                    "Test Weekly", &error);
  g_assert_no_error (error);
  corpus = load_text (outlet);
  document = xinzhi_corpus_lookup_document (corpus, "doc-a");
  g_assert_cmpstr (xinzhi_document_get_title (document), ==, "Hydrogen and AI in the report");
  g_assert_cmpstr (xinzhi_document_get_outlet (document), ==, "Test Weekly");
  g_assert_null (xinzhi_document_get_outlet_note (document));
  g_clear_object (&corpus);
  corpus = load_text (titled);
  g_assert_cmpstr (xinzhi_document_get_outlet_note (xinzhi_corpus_lookup_document (corpus, "doc-a")), ==,
                   "from the page's og:site_name");

  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_DOCUMENT_OUTLET, "doc-a", "Test Daily", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "has that outlet already"));
  g_clear_error (&error);
  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE, "doc-a", "", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_DOCUMENT_TITLE, "doc-z", "A title", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
}

/* An article's date as a person corrects it: stated by words the loader finds and
 * reads as at least that precise, or an estimate with its reason; words that state
 * another day are for the loader to refuse; neither words nor a reason, nor an article
 * that is not there, is refused at once. */
static void
test_set_document_date (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  const XinzhiDateDraft month = { { 2024, 3, 0, XINZHI_DATE_PRECISION_MONTH }, "March 7, 2024", NULL };
  const XinzhiDateDraft other_day = { { 2024, 3, 5, XINZHI_DATE_PRECISION_DAY }, "March 7, 2024", NULL };
  const XinzhiDateDraft estimate = { { 2024, 0, 0, XINZHI_DATE_PRECISION_YEAR }, NULL, "  the page gives no date  " };
  const XinzhiDateDraft nothing = { { 2024, 0, 0, XINZHI_DATE_PRECISION_YEAR }, " ", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *no_events = NULL;
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  JsonArray *quotes = json_object_get_array_member (json_node_get_object (root), "quotes");
  XinzhiDocument *document;

  json_object_set_array_member (json_node_get_object (root), "events", json_array_new ());
  for (guint i = 0; i < json_array_get_length (quotes); i++)
    json_object_remove_member (json_array_get_object_element (quotes, i), "events");
  no_events = json_to_string (root, TRUE);

  edited = xinzhi_corpus_set_document_date_json (json, length, "doc-a", &month, &error);
  g_assert_no_error (error);
  corpus = load_text (edited);
  document = xinzhi_corpus_lookup_document (corpus, "doc-a");
  g_assert_cmpint (xinzhi_document_get_date (document)->precision, ==, XINZHI_DATE_PRECISION_MONTH);
  g_assert_false (xinzhi_document_get_date_estimated (document));
  g_clear_object (&corpus);
  g_clear_pointer (&edited, g_free);

  /* The event "report" is dated by "March 5", whose year is the article's: an
   * estimate leaves it without one, and the loader says so. */
  edited = xinzhi_corpus_set_document_date_json (json, length, "doc-a", &estimate, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (edited, strlen (edited));
  g_assert_null (xinzhi_corpus_new_from_bytes (bytes, "edited.json", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "it names no year"));
  g_clear_error (&error);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&edited, g_free);
  /* Without the event, the estimate stands. */
  edited = xinzhi_corpus_set_document_date_json (no_events, strlen (no_events), "doc-a", &estimate, &error);
  g_assert_no_error (error);
  corpus = load_text (edited);
  document = xinzhi_corpus_lookup_document (corpus, "doc-a");
  g_assert_true (xinzhi_document_get_date_estimated (document));
  g_assert_cmpstr (xinzhi_document_get_date_note (document), ==, "the page gives no date");
  g_assert_cmpint (xinzhi_document_get_date (document)->precision, ==, XINZHI_DATE_PRECISION_YEAR);
  g_clear_object (&corpus);
  g_clear_pointer (&edited, g_free);

  /* "March 7, 2024" does not state March 5: the loader says so. */
  edited = xinzhi_corpus_set_document_date_json (json, length, "doc-a", &other_day, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (edited, strlen (edited));
  g_assert_null (xinzhi_corpus_new_from_bytes (bytes, "edited.json", &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DATE);
  g_clear_error (&error);

  g_assert_null (xinzhi_corpus_set_document_date_json (json, length, "doc-a", &nothing, &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DATE);
  g_clear_error (&error);
  g_assert_null (xinzhi_corpus_set_document_date_json (json, length, "doc-z", &month, &error));
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
}

/* Accepting an article's quotes accepts every suggestion of it, and needs one. */
static void
test_accept_document (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autofree char *edited = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT, "doc-a", NULL, &error);
  g_autofree char *again = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;

  g_assert_no_error (error);
  corpus = load_text (edited);
  g_assert_true (xinzhi_quote_get_reviewed (xinzhi_corpus_lookup_quote (corpus, "q1")));
  g_assert_true (xinzhi_quote_get_reviewed (xinzhi_corpus_lookup_quote (corpus, "q2")));
  again = xinzhi_corpus_edit_json (edited, strlen (edited), XINZHI_CORPUS_EDIT_ACCEPT_DOCUMENT, "doc-a", NULL, &again_error);
  g_assert_null (again);
  g_assert_error (again_error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_nonnull (strstr (again_error->message, "“doc-a”"));
}

/* Setting the speaker: another person of the corpus, the extractor's note on the old
 * one gone, the quote as reviewed as it was; not a person who is not there, nor the
 * speaker it has. */
static void
test_set_speaker (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) nobody = NULL;
  g_autoptr(GError) same = NULL;
  g_autofree char *edited = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_SPEAKER, "q1",
                                                     "a-writer", &error);
  g_autofree char *missing = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_SPEAKER, "q1",
                                                      "no-one", &nobody);
  g_autofree char *unchanged = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_SPEAKER, "q1",
                                                        "li-yuju", &same);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  XinzhiQuote *quote;
  const char *rule = NULL, *note = "unset";

  g_assert_no_error (error);
  corpus = load_text (edited);
  quote = xinzhi_corpus_lookup_quote (corpus, "q1");
  g_assert_cmpstr (xinzhi_person_get_id (xinzhi_quote_get_person (quote)), ==, "a-writer");
  g_assert_true (xinzhi_quote_get_suggestion (quote, &rule, NULL, NULL, &note));
  g_assert_cmpstr (rule, ==, "quote-then-attribution");
  g_assert_null (note);

  g_assert_null (missing);
  g_assert_error (nobody, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
  g_assert_null (unchanged);
  g_assert_error (same, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
}

/* Setting the kind: the other kind, never one that is not a kind nor the one it has. */
static void
test_set_kind (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) bad = NULL;
  g_autoptr(GError) same = NULL;
  g_autofree char *edited = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_KIND, "q1",
                                                     "paraphrase", &error);
  g_autofree char *not_a_kind = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_KIND, "q1",
                                                         "rumour", &bad);
  g_autofree char *unchanged = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_KIND, "q1",
                                                        "direct", &same);
  g_autoptr(XinzhiCorpus) corpus = NULL;

  g_assert_no_error (error);
  corpus = load_text (edited);
  g_assert_cmpint (xinzhi_quote_get_kind (xinzhi_corpus_lookup_quote (corpus, "q1")), ==, XINZHI_QUOTE_PARAPHRASE);
  g_assert_false (xinzhi_quote_get_reviewed (xinzhi_corpus_lookup_quote (corpus, "q1")));
  g_assert_null (not_a_kind);
  g_assert_error (bad, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_null (unchanged);
  g_assert_error (same, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
}

/* Only a suggestion is accepted or rejected, and only one that is there. */
static void
test_refused (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);

  for (guint kind = XINZHI_CORPUS_EDIT_ACCEPT_QUOTE; kind <= XINZHI_CORPUS_EDIT_REJECT_QUOTE; kind++)
    {
      g_autoptr(GError) reviewed = NULL;
      g_autoptr(GError) missing = NULL;
      g_autofree char *a = xinzhi_corpus_edit_json (json, length, kind, "q2", NULL, &reviewed);
      g_autofree char *b = xinzhi_corpus_edit_json (json, length, kind, "no-such-quote", NULL, &missing);

      g_assert_null (a);
      g_assert_error (reviewed, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
      g_assert_nonnull (strstr (reviewed->message, "“q2”"));
      g_assert_null (b);
      g_assert_error (missing, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);
      g_assert_nonnull (strstr (missing->message, "“no-such-quote”"));
    }
}

/* ---- Files ---------------------------------------------------------------------------- */

/* A new person as a quote's speaker: added to the people, and the quote theirs; a name
 * the corpus has is that person, and the speaker's own name changes nothing. */
static void
test_set_new_speaker (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) same = NULL;
  g_autoptr(GError) no_name = NULL;
  g_autofree char *edited = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER, "q1",
                                                     " Wang Min ", &error);
  g_autofree char *known = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(XinzhiCorpus) corpus_known = NULL;
  XinzhiQuote *quote;

  g_assert_no_error (error);
  corpus = load_text (edited);
  quote = xinzhi_corpus_lookup_quote (corpus, "q1");
  g_assert_cmpstr (xinzhi_person_get_id (xinzhi_quote_get_person (quote)), ==, "wang-min");
  g_assert_cmpstr (xinzhi_person_get_name (xinzhi_quote_get_person (quote)), ==, "Wang Min");
  g_assert_false (xinzhi_quote_get_reviewed (quote));
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_people (corpus)), ==, 3);

  known = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER, "q1", "A. Writer", &error);
  g_assert_no_error (error);
  corpus_known = load_text (known);
  g_assert_cmpstr (xinzhi_person_get_id (xinzhi_quote_get_person (xinzhi_corpus_lookup_quote (corpus_known, "q1"))),
                   ==, "a-writer");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_people (corpus_known)), ==, 2);

  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER, "q1", "Li Yuju", &same));
  g_assert_error (same, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_SET_NEW_SPEAKER, "q1", "", &no_name));
  g_assert_error (no_name, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
}

/* A role for a quote's speaker in its article: added once, and only in the article's
 * words. */
static void
test_add_role (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) twice = NULL;
  g_autoptr(GError) not_there = NULL;
  g_autofree char *edited = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ADD_ROLE, "q2",
                                                     " the centre ", &error);
  g_autofree char *elsewhere = NULL;
  g_autofree char *roles = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GBytes) bytes = NULL;
  XinzhiQuote *quote;

  g_assert_no_error (error);
  corpus = load_text (edited);
  quote = xinzhi_corpus_lookup_quote (corpus, "q2");
  roles = xinzhi_person_dup_role_in (xinzhi_quote_get_person (quote), xinzhi_quote_get_document (quote));
  g_assert_cmpstr (roles, ==, "deputy director of the centre; the centre");
  /* What the window asks before it offers the edit. */
  g_assert_true (xinzhi_document_has_words (xinzhi_quote_get_document (quote), "the centre"));
  g_assert_true (xinzhi_document_has_words (xinzhi_quote_get_document (quote), "新质生产力 includes"));
  g_assert_false (xinzhi_document_has_words (xinzhi_quote_get_document (quote), "governor"));
  g_assert_false (xinzhi_document_has_words (xinzhi_quote_get_document (quote), "March 5.\n“Innovation"));

  g_assert_null (xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ADD_ROLE, "q2",
                                          "deputy director of the centre", &twice));
  g_assert_error (twice, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);

  elsewhere = xinzhi_corpus_edit_json (json, length, XINZHI_CORPUS_EDIT_ADD_ROLE, "q2", "governor", &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (elsewhere, strlen (elsewhere));
  g_assert_null (xinzhi_corpus_new_from_bytes (bytes, "edited.json", &not_there));
  g_assert_nonnull (strstr (not_there->message, "$.people[0].roles[1]"));
}

/* A quote added by a person: reviewed, after the other quotes of its article, spoken
 * by the person named. */
static void
test_add_quote (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const XinzhiQuoteDraft draft = {
    .document = "doc-a", .text = "deputy director of the centre", .kind = XINZHI_QUOTE_PARAPHRASE,
    .person = "a-writer",
  };
  g_autofree char *edited = xinzhi_corpus_add_quote_json (json, length, &draft, &id, &error);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  XinzhiQuote *quote;
  GListModel *quotes;

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "quote-3");
  corpus = load_text (edited);
  quote = xinzhi_corpus_lookup_quote (corpus, id);
  g_assert_nonnull (quote);
  g_assert_true (xinzhi_quote_get_reviewed (quote));
  g_assert_cmpstr (xinzhi_person_get_id (xinzhi_quote_get_person (quote)), ==, "a-writer");
  g_assert_cmpint (xinzhi_quote_get_kind (quote), ==, XINZHI_QUOTE_PARAPHRASE);
  g_assert_cmpuint (xinzhi_quote_get_paragraph (quote), ==, 2);
  quotes = xinzhi_corpus_get_quotes (corpus);
  g_assert_cmpuint (g_list_model_get_n_items (quotes), ==, 3);
  /* The others are as they were. */
  g_assert_false (xinzhi_quote_get_reviewed (xinzhi_corpus_lookup_quote (corpus, "q1")));
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_people (corpus)), ==, 2);
}

/* A new speaker becomes a person of the corpus, with an id from the name; a name the
 * corpus has already is that person. */
static void
test_add_quote_new_person (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  XinzhiQuoteDraft draft = {
    .document = "doc-a", .text = "were named in the report on March 5", .kind = XINZHI_QUOTE_DIRECT,
    .person_name = "  Pan Gongsheng ",
  };
  g_autofree char *edited = xinzhi_corpus_add_quote_json (json, length, &draft, &id, &error);
  g_autofree char *again = NULL;
  g_autofree char *chinese = NULL;
  g_autofree char *chinese_id = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(XinzhiCorpus) corpus_again = NULL;
  g_autoptr(XinzhiCorpus) corpus_chinese = NULL;
  XinzhiPerson *person;

  g_assert_no_error (error);
  corpus = load_text (edited);
  person = xinzhi_quote_get_person (xinzhi_corpus_lookup_quote (corpus, id));
  g_assert_cmpstr (xinzhi_person_get_id (person), ==, "pan-gongsheng");
  g_assert_cmpstr (xinzhi_person_get_name (person), ==, "Pan Gongsheng");
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_people (corpus)), ==, 3);
  g_assert_cmpuint (xinzhi_person_get_n_roles (person), ==, 0);

  /* The same name again: the same person, no third one; a role in the article's words. */
  g_clear_pointer (&id, g_free);
  draft.text = "deputy director";
  draft.person_name = "Pan Gongsheng";
  draft.role = "the centre";
  again = xinzhi_corpus_add_quote_json (edited, strlen (edited), &draft, &id, &error);
  g_assert_no_error (error);
  corpus_again = load_text (again);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_people (corpus_again)), ==, 3);
  person = xinzhi_quote_get_person (xinzhi_corpus_lookup_quote (corpus_again, id));
  g_assert_cmpstr (xinzhi_person_get_id (person), ==, "pan-gongsheng");
  {
    g_autofree char *role = xinzhi_person_dup_role_in (person, xinzhi_corpus_lookup_document (corpus_again, "doc-a"));

    g_assert_cmpstr (role, ==, "the centre");
  }
  draft.role = NULL;

  /* A name with no ASCII letter gets an id all the same, unique. */
  draft.text = "新质生产力 includes 人工智能";
  draft.person_name = "潘功胜";
  chinese = xinzhi_corpus_add_quote_json (again, strlen (again), &draft, &chinese_id, &error);
  g_assert_no_error (error);
  corpus_chinese = load_text (chinese);
  person = xinzhi_quote_get_person (xinzhi_corpus_lookup_quote (corpus_chinese, chinese_id));
  g_assert_cmpstr (xinzhi_person_get_id (person), ==, "person");
  g_assert_cmpstr (xinzhi_person_get_name (person), ==, "潘功胜");
}

/* What cannot be added says why, and the loader refuses words that are not in one
 * paragraph of the article. */
static void
test_add_quote_refused (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  XinzhiQuoteDraft draft = { .document = "doc-a", .text = "Innovation is the core,", .person = "li-yuju" };
  g_autoptr(GError) twice = NULL;
  g_autoptr(GError) within = NULL;
  g_autoptr(GError) around = NULL;
  g_autoptr(GError) no_document = NULL;
  g_autoptr(GError) no_person = NULL;
  g_autoptr(GError) no_name = NULL;
  g_autoptr(GError) not_there = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autofree char *edited = NULL;

  g_assert_null (xinzhi_corpus_add_quote_json (json, length, &draft, NULL, &twice));
  g_assert_error (twice, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  /* Words within a quote, or around one, are that quote. */
  draft.text = "is the core";
  g_assert_null (xinzhi_corpus_add_quote_json (json, length, &draft, NULL, &within));
  g_assert_error (within, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_nonnull (strstr (within->message, "“Innovation is the core,”"));
  draft.text = "“Innovation is the core,” said Li Yuju";
  g_assert_null (xinzhi_corpus_add_quote_json (json, length, &draft, NULL, &around));
  g_assert_error (around, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);

  draft.text = "deputy director";
  draft.document = "doc-b";
  g_assert_null (xinzhi_corpus_add_quote_json (json, length, &draft, NULL, &no_document));
  g_assert_error (no_document, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);

  draft.document = "doc-a";
  draft.person = "nobody";
  g_assert_null (xinzhi_corpus_add_quote_json (json, length, &draft, NULL, &no_person));
  g_assert_error (no_person, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_DANGLING_REFERENCE);

  draft.person = NULL;
  draft.person_name = " ";
  g_assert_null (xinzhi_corpus_add_quote_json (json, length, &draft, NULL, &no_name));
  g_assert_error (no_name, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);

  /* A role the article does not have: the loader refuses it. */
  {
    g_autoptr(GError) no_role = NULL;
    g_autoptr(GBytes) role_bytes = NULL;
    g_autofree char *with_role = NULL;

    draft.person = "li-yuju";
    draft.person_name = NULL;
    draft.text = "deputy director";
    draft.role = "governor of the central bank";
    with_role = xinzhi_corpus_add_quote_json (json, length, &draft, NULL, NULL);
    g_assert_nonnull (with_role);
    role_bytes = g_bytes_new (with_role, strlen (with_role));
    g_assert_null (xinzhi_corpus_new_from_bytes (role_bytes, "edited.json", &no_role));
    g_assert_nonnull (strstr (no_role->message, "$.people[0].roles[1]"));
    draft.role = NULL;
  }

  /* Words across two paragraphs: the edit makes the text, the loader refuses it. */
  draft.person = "li-yuju";
  draft.text = "on March 5.\n“Innovation";
  edited = xinzhi_corpus_add_quote_json (json, length, &draft, NULL, NULL);
  g_assert_nonnull (edited);
  bytes = g_bytes_new (edited, strlen (edited));
  corpus = xinzhi_corpus_new_from_bytes (bytes, "edited.json", &not_there);
  g_assert_null (corpus);
  g_assert_nonnull (not_there);
  g_assert_nonnull (strstr (not_there->message, "$.quotes[2].text"));
}

/* A selection's words: white space and quotation marks off both ends, and whether
 * they stand inside quotation marks. */
static void
test_quote_words (void)
{
  const char *paragraph = "“Innovation is the core,” said Li Yuju of the workers’ centre. 他说：「要发展新质生产力。」";
  const char *core = strstr (paragraph, "Innovation");
  const char *said = strstr (paragraph, "said");
  const char *workers = strstr (paragraph, "the workers’");
  const char *chinese = strstr (paragraph, "「");
  gboolean marked = FALSE;
  g_autofree char *whole = xinzhi_corpus_edit_quote_words (paragraph, 0, strstr (paragraph, " said") - paragraph, &marked);
  g_autofree char *part = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *apostrophe = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *too_short = NULL;

  g_assert_cmpstr (whole, ==, "Innovation is the core,");
  g_assert_true (marked);

  part = xinzhi_corpus_edit_quote_words (paragraph, core - paragraph, core - paragraph + strlen ("Innovation is"), &marked);
  g_assert_cmpstr (part, ==, "Innovation is");
  g_assert_true (marked);

  plain = xinzhi_corpus_edit_quote_words (paragraph, said - paragraph - 1, said - paragraph + strlen ("said Li Yuju "), &marked);
  g_assert_cmpstr (plain, ==, "said Li Yuju");
  g_assert_false (marked);

  /* A closing single mark after words that do not open with one is an apostrophe. */
  apostrophe = xinzhi_corpus_edit_quote_words (paragraph, workers - paragraph, workers - paragraph + strlen ("the workers’"), &marked);
  g_assert_cmpstr (apostrophe, ==, "the workers’");
  g_assert_false (marked);

  zh = xinzhi_corpus_edit_quote_words (paragraph, chinese - paragraph, strlen (paragraph), &marked);
  g_assert_cmpstr (zh, ==, "要发展新质生产力。");
  g_assert_true (marked);

  too_short = xinzhi_corpus_edit_quote_words (paragraph, 0, strlen ("“I"), &marked);
  g_assert_null (too_short);
}

static char *
checksum_in_steps (const char *data,
                   gsize       length,
                   gsize       step)
{
  XinzhiChecksum checksum;

  xinzhi_checksum_init (&checksum);
  for (gsize done = 0; done < length; done += step)
    xinzhi_checksum_update (&checksum, data + done, MIN (step, length - done));
  return xinzhi_checksum_finish (&checksum);
}

/* The checksum that tells a file changed: the same however the data come, another for
 * any change of a byte, of the length, or of zeros at the end. */
static void
test_checksum (void)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autofree char *whole = checksum_in_steps (json, length, length);
  g_autoptr(GBytes) bytes = g_bytes_new (json, length);
  g_autofree char *computed = xinzhi_corpus_compute_checksum (bytes);
  g_autofree char *empty = checksum_in_steps ("", 0, 1);
  g_autofree char *zero = checksum_in_steps ("\0", 1, 1);
  g_autofree char *zeros = checksum_in_steps ("\0\0", 2, 1);
  const gsize steps[] = { 1, 3, 7, 15, 16, 17, 1000 };
  const gsize places[] = { 0, 7, 8, 15, 16, 31, length / 2, length - 17, length - 16, length - 1 };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (strlen (whole), ==, 32);
  g_assert_cmpstr (computed, ==, whole);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *stepped = checksum_in_steps (json, length, steps[i]);

      g_assert_cmpstr (stepped, ==, whole);
    }

  g_assert_cmpstr (empty, !=, zero);
  g_assert_cmpstr (zero, !=, zeros);

  g_hash_table_add (seen, g_strdup (whole));
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    for (guint bit = 0; bit < 8; bit += 7)
      {
        g_autofree char *changed = g_memdup2 (json, length);
        char *checksum;

        changed[places[i]] ^= (char) (1 << bit);
        checksum = checksum_in_steps (changed, length, 5);
        g_assert_false (g_hash_table_contains (seen, checksum));
        g_hash_table_add (seen, checksum);
      }
  {
    g_autofree char *shorter = checksum_in_steps (json, length - 1, length);

    g_assert_false (g_hash_table_contains (seen, shorter));
  }
}

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  gsize length;
  g_autofree char *json = read_data ("version-3.json", &length);
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("xinzhi-edit-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "mine.json", NULL);
  g_file_set_contents (fixture->path, json, length, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (fixture->path, 0600));
  fixture->file = g_file_new_for_path (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
  g_object_unref (fixture->file);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static char *
file_text (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (fixture->path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static char *
checksum_of (Fixture *fixture)
{
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_file (fixture->file, NULL, NULL);

  g_assert_nonnull (corpus);
  return g_strdup (xinzhi_corpus_get_checksum (corpus));
}

/* Accept, then put back what it replaced, then the edit again: each as the file says. */
static void
test_file_undo (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *original = file_text (fixture);
  g_autofree char *checksum = checksum_of (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) undone = NULL;
  g_autoptr(GAsyncResult) redone = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) restored = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *edited_checksum = NULL;
  g_autofree char *back = NULL;
  GStatBuf info;

  xinzhi_corpus_edit_file_async (fixture->file, checksum, XINZHI_CORPUS_EDIT_ACCEPT_QUOTE, "q1", NULL,
                                 NULL, done_cb, &result);
  after = xinzhi_corpus_edit_file_finish (wait_for (&result), &before, &corpus, &error);
  g_assert_no_error (error);
  /* The corpus the edit loaded to check it is the file's, as loading it gives. */
  g_assert_true (xinzhi_quote_get_reviewed (xinzhi_corpus_lookup_quote (corpus, "q1")));
  {
    g_autofree char *now = checksum_of (fixture);

    g_assert_cmpstr (xinzhi_corpus_get_checksum (corpus), ==, now);
  }
  edited = file_text (fixture);
  g_assert_cmpmem (edited, strlen (edited), g_bytes_get_data (after, NULL), g_bytes_get_size (after));
  g_assert_cmpmem (original, strlen (original), g_bytes_get_data (before, NULL), g_bytes_get_size (before));
  g_assert_null (strstr (edited, "\"suggestion\""));
  g_assert_no_errno (g_stat (fixture->path, &info));
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  /* Undo: the file holds what it held. */
  edited_checksum = checksum_of (fixture);
  xinzhi_corpus_restore_file_async (fixture->file, edited_checksum, before, NULL, done_cb, &undone);
  restored = xinzhi_corpus_edit_file_finish (wait_for (&undone), NULL, NULL, &error);
  g_assert_no_error (error);
  back = file_text (fixture);
  g_assert_cmpstr (back, ==, original);

  /* Redo. */
  xinzhi_corpus_restore_file_async (fixture->file, checksum, after, NULL, done_cb, &redone);
  again = xinzhi_corpus_edit_file_finish (wait_for (&redone), NULL, NULL, &error);
  g_assert_no_error (error);
  g_free (back);
  back = file_text (fixture);
  g_assert_cmpstr (back, ==, edited);
}

/* A change made on disk since the corpus was opened is never written over. */
static void
test_file_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *checksum = checksum_of (fixture);
  g_autofree char *original = file_text (fixture);
  g_autofree char *changed = g_strconcat (original, " ", NULL);
  g_autofree char *now = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (fixture->path, changed, -1, NULL));
  xinzhi_corpus_edit_file_async (fixture->file, checksum, XINZHI_CORPUS_EDIT_REJECT_QUOTE, "q1", NULL,
                                 NULL, done_cb, &result);
  after = xinzhi_corpus_edit_file_finish (wait_for (&result), NULL, NULL, &error);
  g_assert_null (after);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, fixture->path));
  now = file_text (fixture);
  g_assert_cmpstr (now, ==, changed);
}

/* What the loader refuses is not written, and the message says why and where. */
static void
test_file_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *checksum = checksum_of (fixture);
  g_autofree char *original = file_text (fixture);
  g_autofree char *now = NULL;
  g_autoptr(GBytes) broken = g_bytes_new_static ("{\"format\": \"xinzhi-corpus\"}", 27);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) missing = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) nothing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) no_quote = NULL;
  g_autoptr(GAsyncResult) too_long = NULL;
  g_autoptr(GError) long_error = NULL;
  g_autofree char *long_title = NULL;

  xinzhi_corpus_restore_file_async (fixture->file, checksum, broken, NULL, done_cb, &result);
  after = xinzhi_corpus_edit_file_finish (wait_for (&result), NULL, NULL, &error);
  g_assert_null (after);
  g_assert_true (error->domain == XINZHI_CORPUS_ERROR);
  g_assert_nonnull (strstr (error->message, "would break the corpus format"));
  g_assert_nonnull (strstr (error->message, "missing required member “version”"));

  xinzhi_corpus_edit_file_async (fixture->file, checksum, XINZHI_CORPUS_EDIT_ACCEPT_QUOTE, "q2", NULL,
                                 NULL, done_cb, &missing);
  nothing = xinzhi_corpus_edit_file_finish (wait_for (&missing), NULL, NULL, &no_quote);
  g_assert_null (nothing);
  g_assert_error (no_quote, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
  g_assert_true (g_str_has_prefix (no_quote->message, fixture->path));

  /* A title is checked as the loader checks every title. */
  long_title = g_strnfill (1200, 'x');
  xinzhi_corpus_edit_file_async (fixture->file, checksum, XINZHI_CORPUS_EDIT_SET_EVENT_TITLE, "report",
                                 long_title, NULL, done_cb, &too_long);
  g_assert_null (xinzhi_corpus_edit_file_finish (wait_for (&too_long), NULL, NULL, &long_error));
  g_assert_nonnull (strstr (long_error->message, "would break the corpus format"));
  g_assert_nonnull (strstr (long_error->message, "at most 1000"));

  now = file_text (fixture);
  g_assert_cmpstr (now, ==, original);
}

/* A quote added to a file: its id, and undone by putting back what the file held. */
static void
test_file_add_quote (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *original = file_text (fixture);
  g_autofree char *checksum = checksum_of (fixture);
  const XinzhiQuoteDraft draft = {
    .document = "doc-a", .text = "the report on March 5", .kind = XINZHI_QUOTE_PARAPHRASE, .person = "li-yuju",
  };
  const XinzhiQuoteDraft elsewhere = {
    .document = "doc-a", .text = "the report on March 6", .kind = XINZHI_QUOTE_PARAPHRASE, .person = "li-yuju",
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) refused = NULL;
  g_autoptr(GAsyncResult) undone = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) nothing = NULL;
  g_autoptr(GBytes) restored = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) not_there = NULL;
  g_autofree char *edited_checksum = NULL;
  g_autofree char *back = NULL;
  XinzhiQuote *quote;

  xinzhi_corpus_add_quote_file_async (fixture->file, checksum, &draft, NULL, done_cb, &result);
  after = xinzhi_corpus_edit_file_finish (wait_for (&result), &before, &corpus, &error);
  g_assert_no_error (error);
  quote = xinzhi_corpus_lookup_quote (corpus, xinzhi_corpus_edit_file_get_added_id (result));
  g_assert_nonnull (quote);
  g_assert_cmpstr (xinzhi_quote_get_text (quote), ==, "the report on March 5");
  g_assert_true (xinzhi_quote_get_reviewed (quote));

  /* Words the article does not have: nothing written, and the message says where. */
  edited_checksum = checksum_of (fixture);
  xinzhi_corpus_add_quote_file_async (fixture->file, edited_checksum, &elsewhere, NULL, done_cb, &refused);
  nothing = xinzhi_corpus_edit_file_finish (wait_for (&refused), NULL, NULL, &not_there);
  g_assert_null (nothing);
  g_assert_null (xinzhi_corpus_edit_file_get_added_id (refused));
  g_assert_nonnull (strstr (not_there->message, "would break the corpus format"));
  g_assert_nonnull (strstr (not_there->message, "$.quotes[3].text: not found verbatim"));

  xinzhi_corpus_restore_file_async (fixture->file, edited_checksum, before, NULL, done_cb, &undone);
  restored = xinzhi_corpus_edit_file_finish (wait_for (&undone), NULL, NULL, &error);
  g_assert_no_error (error);
  back = file_text (fixture);
  g_assert_cmpstr (back, ==, original);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/checksum", test_checksum);
  g_test_add_func ("/edit/accept", test_accept);
  g_test_add_func ("/edit/review-event", test_review_event);
  g_test_add_func ("/edit/add-event", test_add_event);
  g_test_add_func ("/edit/reject", test_reject);
  g_test_add_func ("/edit/accept-document", test_accept_document);
  g_test_add_func ("/edit/accept-document-events", test_accept_document_events);
  g_test_add_func ("/edit/set-event-title", test_set_event_title);
  g_test_add_func ("/edit/add-term", test_add_term);
  g_test_add_func ("/edit/remove-term", test_remove_term);
  g_test_add_func ("/edit/remove-role", test_remove_role);
  g_test_add_func ("/edit/term-words", test_term_words);
  g_test_add_func ("/edit/merge-people", test_merge_people);
  g_test_add_func ("/edit/set-document-words", test_set_document_words);
  g_test_add_func ("/edit/set-document-date", test_set_document_date);
  g_test_add_func ("/edit/set-speaker", test_set_speaker);
  g_test_add_func ("/edit/set-kind", test_set_kind);
  g_test_add_func ("/edit/set-new-speaker", test_set_new_speaker);
  g_test_add_func ("/edit/add-role", test_add_role);
  g_test_add_func ("/edit/refused", test_refused);
  g_test_add_func ("/edit/add-quote", test_add_quote);
  g_test_add_func ("/edit/add-quote/new-person", test_add_quote_new_person);
  g_test_add_func ("/edit/add-quote/refused", test_add_quote_refused);
  g_test_add_func ("/edit/quote-words", test_quote_words);
  g_test_add ("/edit/file/undo", Fixture, NULL, fixture_set_up, test_file_undo, fixture_tear_down);
  g_test_add ("/edit/file/changed", Fixture, NULL, fixture_set_up, test_file_changed, fixture_tear_down);
  g_test_add ("/edit/file/add-quote", Fixture, NULL, fixture_set_up, test_file_add_quote, fixture_tear_down);
  g_test_add ("/edit/file/refused", Fixture, NULL, fixture_set_up, test_file_refused, fixture_tear_down);

  return g_test_run ();
}

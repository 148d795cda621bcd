/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "xinzhi-corpus.h"
#include "xinzhi-matcher.h"
#include "xinzhi-model-private.h"

/* Every malformed file in tests/data/bad/ with the error it must produce: its code, and
 * words the message must contain (the place and the reason). */
static const struct {
  const char        *file;
  XinzhiCorpusError  code;
  const char        *expect;
} bad_files[] = {
  { "empty.json", XINZHI_CORPUS_ERROR_SYNTAX, "empty.json: the file is empty" },
  { "not-json.json", XINZHI_CORPUS_ERROR_SYNTAX, "not-json.json: 1:1: invalid JSON: expected a value" },
  { "truncated.json", XINZHI_CORPUS_ERROR_SYNTAX, "truncated.json: 47:6: invalid JSON: the file ends before an object is closed" },
  { "top-level-array.json", XINZHI_CORPUS_ERROR_FORMAT, "$: expected an object at the top level, found an array" },
  { "wrong-format.json", XINZHI_CORPUS_ERROR_FORMAT, "$.format: “timeline-js” is not a Xinzhi corpus" },
  { "newer-version.json", XINZHI_CORPUS_ERROR_VERSION, "$.version: format version 4 is not supported; this version of Xinzhi reads versions 1 to 3" },
  { "missing-title.json", XINZHI_CORPUS_ERROR_MISSING, "$: missing required member “title”" },
  { "mistyped-documents.json", XINZHI_CORPUS_ERROR_TYPE, "$.documents: expected an array, found an object" },
  { "mistyped-paragraph.json", XINZHI_CORPUS_ERROR_TYPE, "$.documents[0].paragraphs[1].text: expected a string, found a number" },
  { "duplicate-id.json", XINZHI_CORPUS_ERROR_DUPLICATE_ID, "$.documents[1].id: the id “doc-a” is already used by another document" },
  { "bad-id.json", XINZHI_CORPUS_ERROR_VALUE, "$.sectors[0].id: “Artificial Intelligence” is not a valid id" },
  { "dangling-person.json", XINZHI_CORPUS_ERROR_DANGLING_REFERENCE, "$.quotes[0].person: there is no person with the id “nobody”" },
  { "dangling-paragraph.json", XINZHI_CORPUS_ERROR_DANGLING_REFERENCE, "$.events[0].sources[0].paragraph: document “doc-a” has no paragraph 99" },
  { "quote-not-in-text.json", XINZHI_CORPUS_ERROR_NOT_IN_TEXT, "$.quotes[0].text: not found verbatim in document “doc-a”" },
  { "suggestion-in-version-2.json", XINZHI_CORPUS_ERROR_FORMAT, "$.quotes[0].suggestion: “suggestion” is new in format version 3; this file is version 2" },
  { "suggestion-evidence-elsewhere.json", XINZHI_CORPUS_ERROR_NOT_IN_TEXT, "$.quotes[0].suggestion.evidence: “report on March 5” is not in paragraph 2 of document “doc-a”, where the quote is" },
  { "suggestion-evidence-blank.json", XINZHI_CORPUS_ERROR_VALUE, "$.quotes[0].suggestion.evidence: evidence needs at least two letters or digits" },
  { "event-suggestion-evidence-elsewhere.json", XINZHI_CORPUS_ERROR_NOT_IN_TEXT, "$.events[1].suggestion.evidence: “on March 4” is not in paragraph 1 of document “doc-a”, the event’s first source" },
  { "suggestion-without-rule.json", XINZHI_CORPUS_ERROR_FORMAT, "$.quotes[0].suggestion.found: unknown member “found”" },
  { "role-not-in-text.json", XINZHI_CORPUS_ERROR_NOT_IN_TEXT, "$.people[0].roles[0].text: not found verbatim in document “doc-a”" },
  { "sector-not-in-text.json", XINZHI_CORPUS_ERROR_NOT_IN_TEXT, "$.sectors[1]: no term of sector “hydrogen” occurs in any document" },
  { "impossible-date.json", XINZHI_CORPUS_ERROR_DATE, "$.documents[0].date: “2024-02-30” is not a date" },
  { "reversed-range.json", XINZHI_CORPUS_ERROR_DATE, "$.events[0].end: the range ends (2023-12-01) before it starts (2024-03-05)" },
  { "too-precise-date.json", XINZHI_CORPUS_ERROR_DATE, "$.events[0].date_text: the date is given to the day, but “report on March” states it only to the month" },
  { "too-precise-document-date.json", XINZHI_CORPUS_ERROR_DATE, "$.documents[0].date_text: the date is given to the day, but “2024” states it only to the year" },
  { "estimate-without-note.json", XINZHI_CORPUS_ERROR_MISSING, "$.documents[0]: an estimated date needs a “date_note”" },
  { "unknown-member.json", XINZHI_CORPUS_ERROR_FORMAT, "$.events[0].summray: unknown member “summray”" },
  { "bad-url-scheme.json", XINZHI_CORPUS_ERROR_VALUE, "$.documents[0].url: “javascript:alert(1)” is not an http or https address" },
  { "invalid-utf8.json", XINZHI_CORPUS_ERROR_ENCODING, "invalid-utf8.json: 26:" },
  { "nul-byte.json", XINZHI_CORPUS_ERROR_ENCODING, "nul-byte.json: 26:" },
  { "unclosed-override.json", XINZHI_CORPUS_ERROR_VALUE, "$.documents[0].outlet: a bidirectional control (U+202E) is opened and not closed, so it would reorder the text shown after it" },
  { "nul-escape.json", XINZHI_CORPUS_ERROR_ENCODING, "nul-escape.json: 4:22: a string contains a NUL character (\\u0000)" },
  { "deep-nesting.json", XINZHI_CORPUS_ERROR_LIMIT, "deep-nesting.json: 1:" },
  { "long-title.json", XINZHI_CORPUS_ERROR_LIMIT, "$.documents[0].title: the string is 1012 characters long; at most 1000 are allowed here" },
  { "duplicate-member.json", XINZHI_CORPUS_ERROR_FORMAT, "duplicate-member.json: $: the member “title” is given twice in one object" },
  /* Member names follow the rules of values, and are compared as decoded. */
  { "member-name-bidi.json", XINZHI_CORPUS_ERROR_VALUE, "member-name-bidi.json: $.documents[0]: the member name “\\u202Eelttit” opens a bidirectional control (U+202E) and does not close it, so it would reorder the text shown after it" },
  { "member-name-escaped-duplicate.json", XINZHI_CORPUS_ERROR_FORMAT, "member-name-escaped-duplicate.json: $: the member “title” is given twice in one object" },
  { "long-member-name.json", XINZHI_CORPUS_ERROR_LIMIT, "long-member-name.json: $.documents[0]: a member name is 1001 characters long; at most 1000 are allowed here" },
  { "many-members.json", XINZHI_CORPUS_ERROR_LIMIT, "many-members.json: $.groups[0]: an object with 101 members; no object of a corpus has more than 100" },
  { "long-number.json", XINZHI_CORPUS_ERROR_SYNTAX, "long-number.json: 4:8: invalid JSON: a number is written with more than 1000 characters" },
  /* Strings that were accepted. */
  { "quote-one-letter.json", XINZHI_CORPUS_ERROR_VALUE, "quote-one-letter.json: $.quotes[0].text: a quote needs at least two letters or digits" },
  { "quote-space.json", XINZHI_CORPUS_ERROR_VALUE, "quote-space.json: $.quotes[0].text: a quote needs at least two letters or digits" },
  { "duplicate-event-reference.json", XINZHI_CORPUS_ERROR_VALUE, "duplicate-event-reference.json: $.quotes[0].events[1]: the event “report” is listed twice" },
  { "duplicate-person-reference.json", XINZHI_CORPUS_ERROR_VALUE, "duplicate-person-reference.json: $.events[0].people[1]: the person “li-yuju” is listed twice" },
  { "url-space.json", XINZHI_CORPUS_ERROR_VALUE, "url-space.json: $.documents[0].url: the address “https://example.org/a b” holds a space (an address writes it as %20)" },
  { "url-line-break.json", XINZHI_CORPUS_ERROR_VALUE, "url-line-break.json: $.documents[0].url: the address holds a line break or another control character" },
  { "url-no-host.json", XINZHI_CORPUS_ERROR_VALUE, "url-no-host.json: $.documents[0].url: the address “https:///a” names no host" },
  /* Limits on what a corpus may ask of the term scan (the larger shapes are in
   * /loader/cost/…). */
  { "shared-term.json", XINZHI_CORPUS_ERROR_LIMIT, "shared-term.json: $.sectors[9].terms[0]: “ai” is already a term or name of 8 sectors, people or concepts; at most 8 may share one (ASCII case aside)" },
  { "term-chain.json", XINZHI_CORPUS_ERROR_LIMIT, "term-chain.json: $.sectors[1].terms[17]: 17 terms, names and variants end at one place of “a a a a a a a a a a a a a a a a ai”, each ending with the next (as “ai” and “industrial ai” do); at most 16 may" },
  { "event-many-sectors.json", XINZHI_CORPUS_ERROR_LIMIT, "event-many-sectors.json: $.events[0].sources: the cited paragraphs name more than 32 sectors; an event may name at most 32" },
  { "dense-mentions.json", XINZHI_CORPUS_ERROR_LIMIT, "dense-mentions.json: $.documents[1]: the document names sectors, people and concepts more than 28 times, the most its 48 characters allow (16, and one for every 4 characters); each occurrence of a term, name or variant counts once for each sector, person or concept it belongs to" },
  /* Concepts (format version 2): each variant given once, by one concept, and found in
   * the text on its own; ids unique; only in a file of version 2. */
  { "concepts-in-version-1.json", XINZHI_CORPUS_ERROR_VERSION, "$.concepts: concepts need format version 2; the file says version 1" },
  { "concept-variant-not-in-text.json", XINZHI_CORPUS_ERROR_NOT_IN_TEXT, "$.concepts[0].variants[1]: the variant “new quality productive forces” occurs in no document" },
  { "concept-variant-inside-longer.json", XINZHI_CORPUS_ERROR_NOT_IN_TEXT, "$.concepts[0].variants[1]: the variant “质生产” occurs in no document (or only inside a longer variant of the same concept)" },
  { "concept-duplicate-variant.json", XINZHI_CORPUS_ERROR_VALUE, "$.concepts[0].variants[2]: the variant “hydrogen energy” is given twice (variants match without regard to case)" },
  { "concept-shared-variant.json", XINZHI_CORPUS_ERROR_VALUE, "$.concepts[1].variants[0]: the variant “新质生产力” is already a variant of concept “nqpf”" },
  { "concept-duplicate-id.json", XINZHI_CORPUS_ERROR_DUPLICATE_ID, "$.concepts[1].id: the id “nqpf” is already used by another concept" },
  { "concept-without-variants.json", XINZHI_CORPUS_ERROR_VALUE, "$.concepts[0].variants: must not be empty" },
  { "concept-without-name-zh.json", XINZHI_CORPUS_ERROR_MISSING, "$.concepts[0]: missing required member “name_zh”" },
  /* Format version 2: each event names the paragraphs that state its date, with the
   * words, and those words must state this date. */
  { "date-source-not-in-paragraph.json", XINZHI_CORPUS_ERROR_NOT_IN_TEXT, "$.events[1].date_sources[0].text: “March 5” is not found verbatim in paragraph 2 of document “doc-a”" },
  { "document-date-another-day.json", XINZHI_CORPUS_ERROR_DATE, "$.documents[0].date_text: “March 7, 2024” does not state 2024-03-05: it names another day" },
  { "document-date-another-year.json", XINZHI_CORPUS_ERROR_DATE, "$.documents[0].date_text: “March 7, 2024” does not state 2023-03-07: it names another year" },
  { "date-source-another-day.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources[0].text: “March 5” (paragraph 1 of document “doc-a”) does not state 2024-03-07: it names another day" },
  { "date-source-another-month.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources[0].text: “3月5日” (paragraph 4 of document “doc-a”) does not state 2024-12-05: it names another month" },
  { "date-source-another-year.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources[0].text: “June 17-27, 2023” (paragraph 3 of document “doc-a”) does not state 2024-06-17: it names another year" },
  { "date-source-range-end.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources[0].text: “June 17-27, 2023” (paragraph 3 of document “doc-a”) does not state 2023-06-28: it names another day" },
  { "date-source-implied-year.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources[0].text: “in September” (paragraph 2 of document “doc-a”) does not state 2024-09: it names no year, and by the document’s date (2024-03-07) it means 2023" },
  { "date-source-estimated-document.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources[0].text: “March 5” (paragraph 0 of document “doc-b”) does not state 2024-03-05: it names no year, and the document’s own date is an estimate" },
  { "date-source-too-precise.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources[0].text: the date is given to the day, but “in September” states it only to the month" },
  { "date-source-no-date.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources[0].text: “the report” states no date" },
  /* "may" the verb and "Mar" of a name spell months but state none. */
  { "date-source-may.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources[0].text: “may” states no date" },
  { "date-source-mar.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources[0].text: “Mar” states no date" },
  /* The path names the entry's place in the file, past one that did not resolve. */
  { "date-source-second.json", XINZHI_CORPUS_ERROR_DANGLING_REFERENCE, "$.events[1].date_sources[1].text: “March 5” (paragraph 1 of document “doc-a”) does not state 2024-03-07: it names another day" },
  { "date-sources-missing.json", XINZHI_CORPUS_ERROR_MISSING, "$.events[1]: missing “date_sources”, the paragraphs that state the date" },
  { "date-sources-empty.json", XINZHI_CORPUS_ERROR_VALUE, "$.events[1].date_sources: cite at least one paragraph that states the date" },
  { "date-sources-estimated.json", XINZHI_CORPUS_ERROR_DATE, "$.events[1].date_sources: an estimated date has no “date_sources”: the text does not state it" },
  { "date-text-in-version-2.json", XINZHI_CORPUS_ERROR_FORMAT, "$.events[1].date_text: from format version 2 on, an event’s date is stated by its “date_sources”" },
  { "date-sources-in-version-1.json", XINZHI_CORPUS_ERROR_FORMAT, "$.events[1].date_sources: “date_sources” is new in format version 2; this file is version 1" },
  /* Found by the fuzzer: json-glib's parser aborted on the first, and took the second
   * for a string, ignoring what follows it. */
  { "fuzz-whitespace-only.json", XINZHI_CORPUS_ERROR_SYNTAX, "fuzz-whitespace-only.json: the file holds no JSON value" },
  { "fuzz-top-level-string.json", XINZHI_CORPUS_ERROR_SYNTAX, "fuzz-top-level-string.json: 1:16: invalid JSON: more text follows the value" },
};

static void
test_bad_file (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", bad_files[i].file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;

  corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  g_test_message ("%s", error ? error->message : "(loaded)");
  g_assert_null (corpus);
  g_assert_error (error, XINZHI_CORPUS_ERROR, (int) bad_files[i].code);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, bad_files[i].expect));
}

/* Every file in tests/data/bad/ is in the table above, so none goes untested. */
static void
test_bad_files_listed (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    {
      gboolean listed = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
        listed |= g_str_equal (name, bad_files[i].file);
      if (!listed)
        g_test_fail_printf ("%s is not in the table of expected errors", name);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (bad_files));
}

static void
test_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  XinzhiDocument *document;
  XinzhiSector *ai, *hydrogen;
  g_autoptr(XinzhiMention) mention = NULL;
  g_autofree char *text = NULL;

  corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);

  document = xinzhi_corpus_lookup_document (corpus, "doc-a");
  ai = xinzhi_corpus_lookup_sector (corpus, "ai");
  hydrogen = xinzhi_corpus_lookup_sector (corpus, "hydrogen");
  g_assert_nonnull (document);

  /* "AI" twice as a word, "人工智能" once with no spaces around it; never inside "said". */
  g_assert_cmpuint (xinzhi_sector_get_n_mentions (ai), ==, 3);
  g_assert_cmpuint (xinzhi_sector_get_n_mentions (hydrogen), ==, 2);
  mention = g_list_model_get_item (xinzhi_sector_get_mentions (ai), 1);
  text = xinzhi_mention_dup_text (mention);
  g_assert_cmpstr (text, ==, "人工智能");
  g_assert_cmpuint (xinzhi_mention_get_paragraph (mention), ==, 4);
  /* Byte offsets: "新质生产力 includes " is 5 × 3 + 10 bytes. */
  g_assert_cmpuint (xinzhi_mention_get_start (mention), ==, 25);
  g_assert_cmpuint (xinzhi_mention_get_end (mention), ==, 37);
}

/* Concepts: each variant's occurrences, found as sector terms are (without regard to
 * ASCII case, at word boundaries, Chinese anywhere), each mention with its variant. */
static void
test_concepts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "concepts.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  XinzhiConcept *nqpf, *future;
  const char * const *variants;
  GListModel *mentions;
  static const struct {
    const char *document;
    guint       paragraph;
    const char *text;
    guint       variant;
  } expected[] = {
    /* By document date, then text order; the title, which is not text, has none. */
    { "nqpf-a", 1, "new quality productive forces", 0 },
    { "nqpf-a", 2, "new quality productive capacity", 1 },
    { "nqpf-b", 0, "New High-Quality Production Forces", 2 },
    { "nqpf-b", 1, "新质生产力", 3 },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_concepts (corpus)), ==, 2);
  nqpf = xinzhi_corpus_lookup_concept (corpus, "new-quality-productive-forces");
  future = xinzhi_corpus_lookup_concept (corpus, "future-industries");
  g_assert_nonnull (nqpf);
  g_assert_nonnull (future);
  g_assert_cmpstr (xinzhi_concept_get_name (nqpf), ==, "New quality productive forces");
  g_assert_cmpstr (xinzhi_concept_get_name_zh (nqpf), ==, "新质生产力");
  g_assert_cmpstr (xinzhi_concept_get_note (nqpf), ==, "Rendered several ways in English.");
  g_assert_null (xinzhi_concept_get_note (future));
  variants = xinzhi_concept_get_variants (nqpf);
  g_assert_cmpuint (g_strv_length ((GStrv) variants), ==, 4);

  g_assert_cmpuint (xinzhi_concept_get_n_mentions (nqpf), ==, 4);
  g_assert_cmpuint (xinzhi_concept_get_n_documents (nqpf), ==, 2);
  mentions = xinzhi_concept_get_mentions (nqpf);
  g_assert_cmpuint (g_list_model_get_n_items (mentions), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);
      g_autofree char *text = NULL;

      text = xinzhi_mention_dup_text (mention);
      g_assert_cmpstr (xinzhi_document_get_id (xinzhi_mention_get_document (mention)), ==, expected[i].document);
      g_assert_cmpuint (xinzhi_mention_get_paragraph (mention), ==, expected[i].paragraph);
      g_assert_cmpstr (text, ==, expected[i].text);
      g_assert_true (xinzhi_mention_get_concept (mention) == nqpf);
      g_assert_null (xinzhi_mention_get_sector (mention));
      g_assert_null (xinzhi_mention_get_person (mention));
      g_assert_cmpuint (xinzhi_concept_get_mention_variant (nqpf, i), ==, expected[i].variant);
    }

  /* Where each variant occurs. */
  for (guint v = 0; v < 4; v++)
    {
      GListModel *of_variant = xinzhi_concept_get_variant_mentions (nqpf, v);
      g_autoptr(XinzhiMention) mention = NULL;
      g_autofree char *text = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (of_variant), ==, 1);
      mention = g_list_model_get_item (of_variant, 0);
      text = xinzhi_mention_dup_text (mention);
      g_assert_cmpint (g_ascii_strcasecmp (text, variants[v]), ==, 0);
    }

  /* A document's mentions include those of concepts. */
  {
    XinzhiDocument *document = xinzhi_corpus_lookup_document (corpus, "nqpf-b");
    GListModel *all = xinzhi_document_get_mentions (document);
    guint n_concept = 0;

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(XinzhiMention) mention = g_list_model_get_item (all, i);

        n_concept += xinzhi_mention_get_concept (mention) != NULL;
      }
    /* New High-Quality Production Forces, future industries, 新质生产力. */
    g_assert_cmpuint (n_concept, ==, 3);
  }

  g_assert_cmpuint (xinzhi_concept_get_n_mentions (future), ==, 1);
  g_assert_finalize_object (g_steal_pointer (&corpus));
}

/* A file of version 1 still loads, with no concepts. */
static void
test_version_1 (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *json = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;

  g_assert_true (g_file_get_contents (path, &json, &length, NULL));
  g_assert_nonnull (strstr (json, "\"version\": 1,"));
  bytes = g_bytes_new_take (g_steal_pointer (&json), length);
  corpus = xinzhi_corpus_new_from_bytes (bytes, "minimal.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_concepts (corpus)), ==, 0);
}

static void
test_directory (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_file (file, NULL, &error);

  g_assert_null (corpus);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_READ);
  g_assert_nonnull (strstr (error->message, "is a folder"));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/corpus.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_file (file, NULL, &error);

  g_assert_null (corpus);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/corpus.json: cannot be read"));
}

/* A file with many problems reports them all, one a line, not only the first. */
static void
test_every_problem (void)
{
  const char *json =
    "{\"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"t\", \"groups\": [],"
    " \"documents\": [], \"people\": [], \"sectors\": [],"
    " \"events\": [{\"id\": \"E\"}], \"quotes\": [{\"id\": \"q\", \"person\": \"p\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_bytes (bytes, "many.json", &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (corpus);
  g_assert_nonnull (error);
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    g_test_message ("%s", lines[i]);
  g_assert_cmpuint (g_strv_length (lines), >=, 6);
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "many.json: $.events[0].id: “E” is not a valid id (lower-case letters, digits and “-”)"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "many.json: $.quotes[0].person: there is no person with the id “p”"));
  g_assert_true (g_strv_contains ((const char * const *) lines,
                                  "many.json: $.events[0]: missing required member “sources”"));
}

/* Only web addresses are taken: any other scheme is refused with a message, so the
 * reader never hands one to the system. */
static void
test_url_schemes (void)
{
  static const struct {
    const char *url;
    gboolean    accepted;
  } cases[] = {
    { "https://example.org/a", TRUE },
    { "HTTP://example.org/a", TRUE },
    { "file:///etc/passwd", FALSE },
    { "javascript:alert(1)", FALSE },
    { "data:text/html,<script>alert(1)</script>", FALSE },
    { "ftp://example.org/a", FALSE },
    { "mailto:someone@example.org", FALSE },
    { "xinzhi://open", FALSE },
    { " https://example.org/a", FALSE },
    { "//example.org/a", FALSE },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *minimal = NULL;

  g_assert_true (g_file_get_contents (path, &minimal, NULL, NULL));
  g_assert_nonnull (strstr (minimal, "\"https://example.org/a\""));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) parts = g_strsplit (minimal, "https://example.org/a", 2);
      g_autofree char *json = g_strconcat (parts[0], cases[i].url, parts[1], NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(XinzhiCorpus) corpus = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("$.documents[0].url: “%s” is not an http or https address",
                                                   cases[i].url);

      corpus = xinzhi_corpus_new_from_bytes (bytes, "urls.json", &error);
      if (cases[i].accepted)
        {
          g_assert_no_error (error);
          g_assert_nonnull (corpus);
        }
      else
        {
          g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_VALUE);
          g_test_message ("%s", error->message);
          if (strstr (error->message, expected) == NULL)
            g_test_fail_printf ("“%s”: %s", cases[i].url, error->message);
        }
    }
}

typedef struct
{
  GString *found;    /* "pattern@start-end;" for each occurrence, in order */
  guint    stop_after;
} Found;

static gboolean
found_cb (guint    pattern,
          gsize    start,
          gsize    end,
          gpointer user_data)
{
  Found *found = user_data;

  g_string_append_printf (found->found, "%u@%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ";", pattern, start, end);
  return --found->stop_after > 0;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Two lists of occurrences, "…;…;", hold the same, in any order. */
static void
assert_same_occurrences (const char *expected,
                         const char *found)
{
  g_auto(GStrv) a = g_strsplit (expected, ";", -1);
  g_auto(GStrv) b = g_strsplit (found, ";", -1);

  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
  qsort (a, g_strv_length (a), sizeof (char *), compare_strings);
  qsort (b, g_strv_length (b), sizeof (char *), compare_strings);
  for (guint i = 0; a[i]; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

/* The loader's matcher (src/model/xinzhi-matcher.c) finds what a plain search for each
 * pattern at each position finds: every occurrence, overlapping ones too, for patterns
 * of one to nine bytes over a small alphabet (so that prefixes collide often), UTF-8
 * and texts that end inside a pattern; and, every other round, for up to 300 patterns
 * of one to three bytes over 40 letters, so that states have many children.  Each
 * scan is made twice: stepping by the states' children and failure links, then by the
 * table of steps that xinzhi_matcher_prepare_for() makes for long texts.  Seeded. */
static void
test_matcher (void)
{
  static const char small[] = "abAB \xe6\x96\xb0";
  static const char large[] = "abcdefghijklmnopqrstuvwxyz0123456789 .-\xe6";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241203);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(XinzhiMatcher) matcher = xinzhi_matcher_new ();
      g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);
      Found found = { g_string_new (NULL), G_MAXUINT };
      const char *alphabet = round % 2 ? large : small;
      gsize alphabet_length = round % 2 ? sizeof large - 1 : sizeof small - 1;
      guint n_patterns = g_rand_int_range (rand, 1, round % 2 ? 300 : 12);
      guint length = g_rand_int_range (rand, 0, 200);

      for (guint p = 0; p < n_patterns; p++)
        {
          guint plen = g_rand_int_range (rand, 1, round % 2 ? 4 : 10);
          char *pattern = g_new0 (char, plen + 1);

          for (guint b = 0; b < plen; b++)
            pattern[b] = alphabet[g_rand_int_range (rand, 0, alphabet_length)];
          /* The same string twice gets the same number. */
          if (xinzhi_matcher_add (matcher, pattern) == patterns->len)
            g_ptr_array_add (patterns, pattern);
          else
            g_free (pattern);
        }
      g_assert_cmpuint (xinzhi_matcher_get_n_patterns (matcher), ==, patterns->len);

      for (guint b = 0; b < length; b++)
        g_string_append_c (text, alphabet[g_rand_int_range (rand, 0, alphabet_length)]);

      for (gsize i = 0; i < text->len; i++)
        for (guint p = 0; p < patterns->len; p++)
          {
            const char *pattern = g_ptr_array_index (patterns, p);
            gsize plen = strlen (pattern);

            if (plen <= text->len - i && memcmp (text->str + i, pattern, plen) == 0)
              g_string_append_printf (expected, "%u@%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ";", p, i, i + plen);
          }

      g_assert_true (xinzhi_matcher_scan (matcher, text->str, text->len, found_cb, &found));
      /* The matcher reports by ends, the search above by starts: compare the sorted
       * lists. */
      assert_same_occurrences (expected->str, found.found->str);

      /* With the table of steps, the same.  Too little text to scan does not pay for
       * a table; a long text does. */
      g_assert_false (xinzhi_matcher_prepare_for (matcher, 0));
      g_assert_true (xinzhi_matcher_prepare_for (matcher, G_MAXSIZE));
      g_string_truncate (found.found, 0);
      g_assert_true (xinzhi_matcher_scan (matcher, text->str, text->len, found_cb, &found));
      assert_same_occurrences (expected->str, found.found->str);
      /* A new pattern drops it: the next one is made for the new patterns. */
      xinzhi_matcher_add (matcher, "new pattern");
      g_assert_false (xinzhi_matcher_prepare_for (matcher, 0));

      /* Told to stop, it stops. */
      if (expected->len > 0)
        {
          g_string_truncate (found.found, 0);
          found.stop_after = 1;
          g_assert_false (xinzhi_matcher_scan (matcher, text->str, text->len, found_cb, &found));
          g_assert_nonnull (strchr (found.found->str, ';'));
          g_assert_true (strchr (found.found->str, ';')[1] == '\0');
        }
      g_string_free (found.found, TRUE);
    }
}

/* A search reports each pattern once, at its first occurrence (by its start, then in
 * the first text that holds it), over several texts in turn; and it is told how many
 * are left.  Checked against strstr() on the same random patterns as above, every
 * other round with the table of steps. */
static void
test_matcher_search (void)
{
  static const char alphabet[] = "abAB \xe6\x96\xb0";
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241205);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(XinzhiMatcher) matcher = xinzhi_matcher_new ();
      g_autoptr(XinzhiMatcherSearch) search = NULL;
      g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) expected = g_string_new (NULL);
      Found found = { g_string_new (NULL), G_MAXUINT };
      guint n_patterns = g_rand_int_range (rand, 1, 30);
      guint n_found = 0;

      for (guint p = 0; p < n_patterns; p++)
        {
          guint plen = g_rand_int_range (rand, 1, 10);
          char *pattern = g_new0 (char, plen + 1);

          for (guint b = 0; b < plen; b++)
            pattern[b] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
          if (xinzhi_matcher_add (matcher, pattern) == patterns->len)
            g_ptr_array_add (patterns, pattern);
          else
            g_free (pattern);
        }
      for (guint t = 0; t < 3; t++)
        {
          guint length = g_rand_int_range (rand, 0, 100);
          char *text = g_new0 (char, length + 1);

          for (guint b = 0; b < length; b++)
            text[b] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
          g_ptr_array_add (texts, text);
        }

      /* Each pattern's first occurrence: the text it is in, then the place. */
      for (guint p = 0; p < patterns->len; p++)
        for (guint t = 0; t < texts->len; t++)
          {
            const char *text = g_ptr_array_index (texts, t);
            const char *pattern = g_ptr_array_index (patterns, p);
            const char *at = strstr (text, pattern);

            if (at != NULL)
              {
                g_string_append_printf (expected, "%u:%u@%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT ";", t, p,
                                        (gsize) (at - text), (gsize) (at - text) + strlen (pattern));
                n_found++;
                break;
              }
          }

      /* Every other round, by the table of steps. */
      if (round % 2 == 1)
        g_assert_true (xinzhi_matcher_prepare_for (matcher, G_MAXSIZE));
      search = xinzhi_matcher_search_new (matcher);
      g_assert_cmpuint (xinzhi_matcher_search_get_n_left (search), ==, patterns->len);
      for (guint t = 0; t < texts->len; t++)
        {
          const char *text = g_ptr_array_index (texts, t);
          gsize before = found.found->len;

          g_assert_true (xinzhi_matcher_search_scan (search, text, strlen (text), found_cb, &found));
          /* Told of in this text: put the text's number before each. */
          {
            g_autofree char *these = g_strdup (found.found->str + before);
            g_auto(GStrv) parts = g_strsplit (these, ";", -1);

            g_string_truncate (found.found, before);
            for (guint i = 0; parts[i] && parts[i][0]; i++)
              g_string_append_printf (found.found, "%u:%s;", t, parts[i]);
          }
        }
      g_assert_cmpuint (xinzhi_matcher_search_get_n_left (search), ==, patterns->len - n_found);

      assert_same_occurrences (expected->str, found.found->str);
      g_string_free (found.found, TRUE);
    }
}

typedef struct
{
  guint n_found;
  guint n_per_place[64];  /* occurrences by their end */
} Counted;

static gboolean
count_cb (guint    pattern,
          gsize    start,
          gsize    end,
          gpointer user_data)
{
  Counted *counted = user_data;

  counted->n_found++;
  counted->n_per_place[end]++;
  return TRUE;
}

/* The most patterns that end at one place, which bounds what a scan reports for each
 * byte: one for patterns that do not end with one another, their number for a chain
 * where each ends with the next ("a", "ba", "cba", …), and a scan of a text made of
 * the longest reports that many at its end. */
static void
test_matcher_ends (void)
{
  g_autoptr(XinzhiMatcher) matcher = xinzhi_matcher_new ();
  g_autoptr(GString) chain = g_string_new (NULL);
  Counted counted = { 0 };
  guint pattern = G_MAXUINT;

  g_assert_cmpuint (xinzhi_matcher_get_max_ends (matcher, NULL), ==, 0);
  xinzhi_matcher_add (matcher, "hydrogen");
  xinzhi_matcher_add (matcher, "energy");
  xinzhi_matcher_add (matcher, "人工智能");
  g_assert_cmpuint (xinzhi_matcher_get_max_ends (matcher, NULL), ==, 1);

  /* "energy", "n energy", "en energy", …: each ends with the one before. */
  g_string_assign (chain, "energy");
  for (guint i = 0; i < 20; i++)
    {
      g_string_prepend_c (chain, "hydrogen "[i % 9]);
      xinzhi_matcher_add (matcher, chain->str);
    }
  g_assert_cmpuint (xinzhi_matcher_get_max_ends (matcher, &pattern), ==, 21);
  g_assert_cmpstr (xinzhi_matcher_get_pattern (matcher, pattern), ==, chain->str);

  xinzhi_matcher_scan (matcher, chain->str, chain->len, count_cb, &counted);
  g_assert_cmpuint (counted.n_found, ==, 21);
  g_assert_cmpuint (counted.n_per_place[chain->len], ==, 21);
}

/* A corpus of one document whose paragraphs are @paragraphs and whose quotes are
 * @quotes, each to be found there; loaded, each quote's place is checked against
 * strstr() on the paragraphs in order.  The loader looks for a document's quotes
 * together, by their beginnings and the rest compared, or, where comparing would cost
 * too much, by whole texts: the first half of the cases below takes the first way, the
 * second the other (beginnings that occur thousands of times before the quote). */
static void
assert_quotes_found (const char * const *paragraphs,
                     GPtrArray          *quotes)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"q\", "
                                          "\"groups\": [], \"sectors\": [], \"events\": [], "
                                          "\"people\": [{\"id\": \"p\", \"name\": \"P\"}], "
                                          "\"documents\": [{\"id\": \"d\", \"title\": \"D\", \"date\": \"2024\", "
                                          "\"date_estimated\": true, \"date_note\": \"n\", \"paragraphs\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;

  for (guint p = 0; paragraphs[p]; p++)
    g_string_append_printf (json, "%s{\"text\": \"%s\"}", p ? ", " : "", paragraphs[p]);
  g_string_append (json, "]}], \"quotes\": [");
  for (guint q = 0; q < quotes->len; q++)
    g_string_append_printf (json, "%s{\"id\": \"q%u\", \"person\": \"p\", \"document\": \"d\", "
                            "\"kind\": \"direct\", \"text\": \"%s\"}",
                            q ? ", " : "", q, (const char *) g_ptr_array_index (quotes, q));
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  corpus = xinzhi_corpus_new_from_bytes (bytes, "quotes.json", &error);
  g_assert_no_error (error);

  for (guint q = 0; q < quotes->len; q++)
    {
      g_autofree char *id = g_strdup_printf ("q%u", q);
      XinzhiQuote *quote = xinzhi_corpus_lookup_quote (corpus, id);
      const char *text = g_ptr_array_index (quotes, q);
      guint p = 0;

      while (strstr (paragraphs[p], text) == NULL)
        p++;
      g_assert_cmpuint (xinzhi_quote_get_paragraph (quote), ==, p);
      g_assert_cmpuint (xinzhi_quote_get_start (quote), ==, strstr (paragraphs[p], text) - paragraphs[p]);
    }
}

static void
test_find_quotes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241206);
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) busy = g_string_new (NULL);
  g_autoptr(GString) rest = g_string_new (NULL);
  const char *paragraphs[3] = { NULL };

  /* Random words, quotes from anywhere in them: short beginnings tell them apart. */
  for (guint w = 0; w < 3000; w++)
    {
      for (guint c = g_rand_int_range (rand, 1, 6); c > 0; c--)
        g_string_append_c (w < 1500 ? busy : rest, 'a' + g_rand_int_range (rand, 0, 6));
      g_string_append_c (w < 1500 ? busy : rest, ' ');
    }
  paragraphs[0] = busy->str;
  paragraphs[1] = rest->str;
  for (guint q = 0; q < 200; q++)
    {
      const char *from = paragraphs[q % 2];
      gsize start = g_rand_int_range (rand, 0, strlen (from) - 60);

      g_ptr_array_add (quotes, g_strndup (from + start, g_rand_int_range (rand, 2, 60)));
      if (!g_regex_match_simple ("[a-z].*[a-z]", g_ptr_array_index (quotes, quotes->len - 1), 0, 0))
        g_ptr_array_remove_index (quotes, quotes->len - 1);
    }
  assert_quotes_found (paragraphs, quotes);

  /* Quotes told apart by their first letter, whose rest the paragraph holds after
   * nearly every letter but for the last character: comparing each there would cost
   * the paragraph × the quotes' length. */
  g_string_truncate (busy, 0);
  g_ptr_array_set_size (quotes, 0);
  for (guint r = 0; r < 40000; r++)
    g_string_append (busy, "na");
  for (const char *first = "anbcde"; *first; first++)
    {
      g_autoptr(GString) quote = g_string_new (NULL);

      g_string_append_c (quote, *first);
      for (guint r = 0; r < 30; r++)
        g_string_append (quote, *first == 'n' ? "an" : "na");
      g_string_append (quote, "!");
      g_string_append_printf (busy, " %s", quote->str);
      g_ptr_array_add (quotes, g_string_free (g_steal_pointer (&quote), FALSE));
    }
  paragraphs[0] = busy->str;
  paragraphs[1] = "na";
  paragraphs[2] = NULL;
  assert_quotes_found (paragraphs, quotes);
}

static char *
load_error (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_bytes (bytes, "raw.json", &error);

  g_assert_null (corpus);
  g_assert_nonnull (error);
  return g_strdup (error->message);
}

/* The check before parsing reads strings by their escapes alone, and the check of
 * member names compares an object's names in a list, or a set when there are many:
 * the corner cases of those.  Names are compared as decoded ("a\"b" is a"b). */
static void
test_raw_check (void)
{
  g_autoptr(GString) many = g_string_new ("{");
  g_autofree char *message = NULL;

  /* A name repeated after sixteen others, where the keys move to a set. */
  for (guint i = 0; i < 20; i++)
    g_string_append_printf (many, "\"k%u\": 1, ", i);
  g_string_append (many, "\n \"k7\": 2}");
  message = load_error (many->str);
  g_assert_cmpstr (message, ==, "raw.json: $: the member “k7” is given twice in one object");
  g_clear_pointer (&message, g_free);

  /* Twenty different names: nothing is given twice. */
  g_string_truncate (many, many->len - strlen ("\n \"k7\": 2}"));
  g_string_append (many, "\"k20\": 2}");
  message = load_error (many->str);
  g_assert_null (strstr (message, "given twice"));
  g_clear_pointer (&message, g_free);

  /* Escaped quotes inside names: the same name twice, and two different names. */
  message = load_error ("{\"a\\\"b\": 1, \"a\\\"b\": 2}");
  g_assert_cmpstr (message, ==, "raw.json: $: the member “a\"b” is given twice in one object");
  g_clear_pointer (&message, g_free);
  message = load_error ("{\"a\\\"b\": 1, \"a\\\"c\": 2}");
  g_assert_null (strstr (message, "given twice"));
  g_clear_pointer (&message, g_free);

  /* Sibling objects at one depth each have their own names; a nested object too. */
  message = load_error ("[{\"a\": 1, \"b\": {\"a\": 2}}, {\"a\": 3, \"b\": 4}]");
  g_assert_null (strstr (message, "given twice"));
  g_clear_pointer (&message, g_free);

  /* An escaped backslash before "u0000" is no NUL; an escaped NUL is, at its place. */
  message = load_error ("{\"a\": \"x\\\\u0000\"}");
  g_assert_null (strstr (message, "NUL"));
  g_clear_pointer (&message, g_free);
  message = load_error ("{\"a\": \"x\\\"\\u0000\"}");
  g_assert_cmpstr (message, ==, "raw.json: 1:11: a string contains a NUL character (\\u0000)");
  g_clear_pointer (&message, g_free);

  /* A string left open ends the check quietly; the parser names the problem. */
  message = load_error ("{\"a\": \"open \\\"");
  g_assert_nonnull (strstr (message, "invalid JSON"));
}

typedef struct
{
  GArray       *fractions;     /* of double, every figure told */
  GCancellable *cancellable;   /* cancelled once a figure reaches @cancel_at */
  double        cancel_at;
  guint         n_after_cancel;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  if (progress->cancellable != NULL && g_cancellable_is_cancelled (progress->cancellable))
    progress->n_after_cancel++;
  g_array_append_val (progress->fractions, fraction);
  if (progress->cancellable != NULL && fraction >= progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static GFile *
builtin_corpus_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "corpus",
                                                 "xinzhi-corpus.json", NULL);

  return g_file_new_for_path (path);
}

/* The loader tells its progress as it goes: rising, within 0 to 1, ending at 1. */
static void
test_progress (void)
{
  g_autoptr(GFile) file = builtin_corpus_file ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  Progress progress = { fractions, NULL, 0.0, 0 };
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;

  corpus = xinzhi_corpus_load_file (file, NULL, progress_cb, &progress, &error);
  g_assert_no_error (error);
  g_assert_nonnull (corpus);

  g_test_message ("%u figures told", fractions->len);
  g_assert_cmpuint (fractions->len, >=, 10);
  for (guint i = 0; i < fractions->len; i++)
    {
      double fraction = g_array_index (fractions, double, i);

      g_assert_cmpfloat (fraction, >, 0.0);
      g_assert_cmpfloat (fraction, <=, 1.0);
      if (i > 0)
        g_assert_cmpfloat (fraction, >, g_array_index (fractions, double, i - 1));
    }
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  /* Every stage tells figures of its own, reading the file first. */
  g_assert_cmpfloat (g_array_index (fractions, double, 0), <=,
                     xinzhi_load_stage_start (XINZHI_LOAD_STAGE_FILE + 1));
  for (XinzhiLoadStage stage = XINZHI_LOAD_STAGE_FILE + 1; stage < XINZHI_LOAD_N_STAGES; stage++)
    {
      guint n = 0;

      for (guint i = 0; i < fractions->len; i++)
        n += xinzhi_load_stage_of (g_array_index (fractions, double, i)) == stage;
      g_test_message ("%u figures in the %s stage", n, xinzhi_load_stage_name (stage));
      g_assert_cmpuint (n, >, 0);
    }
}

/* A cancel stops the load at the next item: nothing more is told, no corpus comes, and
 * the error says it was cancelled rather than naming a problem of the file.  Cancelled
 * at each stage in turn, by the figure it had reached. */
static void
test_cancel (void)
{
  static const double cancel_at[] = { 0.001, 0.3, 0.6, 0.8, 0.95 };
  g_autoptr(GFile) file = builtin_corpus_file ();

  for (guint i = 0; i < G_N_ELEMENTS (cancel_at); i++)
    {
      g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      Progress progress = { fractions, cancellable, cancel_at[i], 0 };
      g_autoptr(XinzhiCorpus) corpus = NULL;
      g_autoptr(GError) error = NULL;

      corpus = xinzhi_corpus_load_file (file, cancellable, progress_cb, &progress, &error);
      g_test_message ("cancelled at %.3f: %u figures told, the last %.3f, %u after the cancel",
                      cancel_at[i], fractions->len,
                      g_array_index (fractions, double, fractions->len - 1),
                      progress.n_after_cancel);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (corpus);
      g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), <, 1.0);
      /* json-glib parses in one call that cannot be stopped (the second stage); every
       * other stage stops at once. */
      if (cancel_at[i] >= 0.6)
        g_assert_cmpuint (progress.n_after_cancel, ==, 0);
    }

  /* Cancelled before it starts: not even read. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(XinzhiCorpus) corpus = NULL;
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancellable);
    corpus = xinzhi_corpus_load_file (file, cancellable, NULL, NULL, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (corpus);
  }
}

/* minimal.json with its first @old replaced by @new, loaded. */
static XinzhiCorpus *
load_minimal_with (const char  *old,
                   const char  *new,
                   GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "minimal.json", NULL);
  g_autofree char *minimal = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (g_file_get_contents (path, &minimal, NULL, NULL));
  parts = g_strsplit (minimal, old, 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  json = g_strconcat (parts[0], new, parts[1], NULL);
  bytes = g_bytes_new (json, strlen (json));

  return xinzhi_corpus_new_from_bytes (bytes, "long.json", error);
}

/* A paragraph may be long, a name or a title may not; the message gives the place and
 * the length, never the string itself. */
static void
test_long_strings (void)
{
  g_autofree char *longest_text = g_strnfill (100000, 'a');
  g_autofree char *too_long_text = g_strnfill (100001, 'a');
  g_autofree char *longest_line = g_strnfill (1000, 'b');
  g_autofree char *too_long_line = g_strnfill (1001, 'b');
  g_autofree char *longest_paragraph = g_strdup_printf ("\"%s\"", longest_text);
  g_autofree char *too_long_paragraph = g_strdup_printf ("\"%s\"", too_long_text);
  g_autofree char *longest_title = g_strdup_printf ("\"%s\"", longest_line);
  g_autofree char *too_long_variants = g_strdup_printf ("\"variants\": [\"%s\"]", too_long_line);
  /* 1001 characters of three bytes each: characters are counted, not bytes. */
  g_autoptr(GString) han = g_string_new ("\"");
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;

  corpus = load_minimal_with ("\"A photo caption.\"", longest_paragraph, &error);
  g_assert_no_error (error);
  g_clear_object (&corpus);

  corpus = load_minimal_with ("\"A test article\"", longest_title, &error);
  g_assert_no_error (error);
  g_clear_object (&corpus);

  corpus = load_minimal_with ("\"A photo caption.\"", too_long_paragraph, &error);
  g_assert_null (corpus);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==,
                   "long.json: $.documents[0].paragraphs[3].text: the string is 100001 characters "
                   "long; at most 100000 are allowed here");
  g_clear_error (&error);

  corpus = load_minimal_with ("\"variants\": []", too_long_variants, &error);
  g_assert_null (corpus);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==,
                   "long.json: $.people[0].variants[0]: the string is 1001 characters long; "
                   "at most 1000 are allowed here");
  g_clear_error (&error);

  for (guint i = 0; i < 1001; i++)
    g_string_append (han, "新");
  g_string_append_c (han, '"');
  corpus = load_minimal_with ("\"Minimal test corpus\"", han->str, &error);
  g_assert_null (corpus);
  g_assert_error (error, XINZHI_CORPUS_ERROR, XINZHI_CORPUS_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==,
                   "long.json: $.title: the string is 1001 characters long; at most 1000 are "
                   "allowed here");
}

/* Format version 2: events cite the paragraphs that state their dates; words with no
 * year take the year of their document's date, or the year before for a month that
 * falls after it; a range's words state its start and its end. */
static void
test_version_2 (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "version-2.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  XinzhiEvent *proposal, *seminar;

  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)), ==, 6);

  proposal = xinzhi_corpus_lookup_event (corpus, "proposal");
  g_assert_cmpuint (xinzhi_event_get_start (proposal)->year, ==, 2023);
  g_assert_cmpuint (xinzhi_event_get_start (proposal)->month, ==, 9);
  seminar = xinzhi_corpus_lookup_event (corpus, "seminar");
  g_assert_true (xinzhi_event_is_range (seminar));
  g_assert_cmpuint (xinzhi_event_get_end (seminar)->day, ==, 27);
}

/* Format version 3: a quote may be a suggestion of the extractor, with the rule that
 * found it and its evidence, in the quote's paragraph; one without is reviewed. */
static void
test_version_3 (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "version-3.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  XinzhiQuote *suggested, *reviewed;
  const char *rule = NULL, *evidence = NULL, *note = NULL;
  guint start = 0;
  gboolean value;

  g_assert_no_error (error);
  suggested = xinzhi_corpus_lookup_quote (corpus, "q1");
  reviewed = xinzhi_corpus_lookup_quote (corpus, "q2");

  g_assert_false (xinzhi_quote_get_reviewed (suggested));
  g_object_get (suggested, "reviewed", &value, NULL);
  g_assert_false (value);
  g_assert_true (xinzhi_quote_get_suggestion (suggested, &rule, &evidence, &start, &note));
  g_assert_cmpstr (rule, ==, "quote-then-attribution");
  g_assert_cmpstr (evidence, ==, "said Li Yuju");
  g_assert_cmpstr (note, ==, "“Li Yuju”: the full name.");
  g_assert_cmpuint (xinzhi_quote_get_paragraph (suggested), ==, 2);
  g_assert_true (g_str_has_prefix (xinzhi_document_get_paragraph (xinzhi_quote_get_document (suggested), 2)->text + start,
                                   "said Li Yuju"));

  g_assert_true (xinzhi_quote_get_reviewed (reviewed));
  rule = NULL;
  g_assert_false (xinzhi_quote_get_suggestion (reviewed, &rule, NULL, NULL, NULL));
  g_assert_null (rule);

  g_assert_cmpuint (g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)), ==, 1);
  g_assert_true (xinzhi_event_get_reviewed (xinzhi_corpus_lookup_event (corpus, "report")));
}

/* Format version 3: an event may be a candidate of the extractor, with the rule that
 * found it and the words that date it, in its first source; one without is reviewed. */
static void
test_version_3_event (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "version-3-event.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  const char *rule = NULL, *evidence = NULL, *note = NULL;
  gboolean value;

  g_assert_no_error (error);
  {
    XinzhiEvent *candidate = xinzhi_corpus_lookup_event (corpus, "named-on-march-5");
    XinzhiEvent *curated = xinzhi_corpus_lookup_event (corpus, "report");

    g_assert_false (xinzhi_event_get_reviewed (candidate));
    g_object_get (candidate, "reviewed", &value, NULL);
    g_assert_false (value);
    g_assert_true (xinzhi_event_get_suggestion (candidate, &rule, &evidence, &note));
    g_assert_cmpstr (rule, ==, "dated-sentence-without-year");
    g_assert_cmpstr (evidence, ==, "March 5");
    g_assert_null (note);
    g_assert_true (xinzhi_event_get_date_estimated (candidate));

    g_assert_true (xinzhi_event_get_reviewed (curated));
    rule = NULL;
    g_assert_false (xinzhi_event_get_suggestion (curated, &rule, NULL, NULL));
    g_assert_null (rule);
  }
}

/* What date words name: the years, months and day numbers the check compares. */
static void
test_date_words (void)
{
  static const struct {
    const char *text;
    guint       year;     /* 0: none */
    guint16     months;
    guint32     days;
  } cases[] = {
    { "March 5", 0, 1 << 3, 1 << 5 },
    { "June 17-27", 0, 1 << 6, (1 << 17) | (1 << 27) },
    { "January 31, 2024", 2024, 1 << 1, 1u << 31 },
    { "2024/06-18", 2024, 1 << 6, 1 << 18 },
    { "2024-03", 2024, 1 << 3, 0 },
    { "Feb. 28", 0, 1 << 2, 1 << 28 },
    { "3月5日", 0, 1 << 3, 1 << 5 },
    { "2024年12月", 2024, 1 << 12, 0 },
    { "in September", 0, 1 << 9, 0 },
    { "report 1234567 of 2023", 2023, 0, 0 },
    { "the 14th session", 0, 0, 1 << 14 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      XinzhiDateWords words;

      xinzhi_date_text_scan (cases[i].text, &words);
      g_test_message ("%s", cases[i].text);
      g_assert_cmpuint (words.n_years, ==, cases[i].year ? 1 : 0);
      if (cases[i].year)
        g_assert_true (xinzhi_date_words_has_year (&words, cases[i].year));
      g_assert_cmphex (words.months, ==, cases[i].months);
      g_assert_cmphex (words.days, ==, cases[i].days);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/loader/bad/%s", bad_files[i].file);

      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_bad_file);
    }
  g_test_add_func ("/loader/bad-files-listed", test_bad_files_listed);
  g_test_add_func ("/loader/minimal", test_minimal);
  g_test_add_func ("/loader/concepts", test_concepts);
  g_test_add_func ("/loader/version-1", test_version_1);
  g_test_add_func ("/loader/directory", test_directory);
  g_test_add_func ("/loader/missing-file", test_missing_file);
  g_test_add_func ("/loader/every-problem", test_every_problem);

  g_test_add_func ("/loader/url-schemes", test_url_schemes);
  g_test_add_func ("/loader/raw-check", test_raw_check);
  g_test_add_func ("/loader/matcher", test_matcher);
  g_test_add_func ("/loader/matcher-search", test_matcher_search);
  g_test_add_func ("/loader/matcher-ends", test_matcher_ends);
  g_test_add_func ("/loader/find-quotes", test_find_quotes);
  g_test_add_func ("/loader/progress", test_progress);
  g_test_add_func ("/loader/cancel", test_cancel);
  g_test_add_func ("/loader/long-strings", test_long_strings);
  g_test_add_func ("/loader/version-2", test_version_2);
  g_test_add_func ("/loader/version-3", test_version_3);
  g_test_add_func ("/loader/version-3/event", test_version_3_event);
  g_test_add_func ("/loader/date-words", test_date_words);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the extractor found, written as a corpus (docs/corpus-format.md, version 3):
 * one document for each extraction, the people with their roles, the quotes whose
 * speaker is known, and the sectors, groups and concepts of @builtin whose terms or
 * variants occur in the extracted paragraphs (a sector or variant that occurs nowhere
 * is an error in the format, so only those).  The candidate events (xinzhi-extract-events.c)
 * are written as events with a "suggestion", unreviewed: the sentence is their summary,
 * and its beginning their title, so that nothing in them is more than the text says.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xinzhi-concept.h"
#include "xinzhi-extract-corpus.h"
#include "xinzhi-matcher.h"
#include "xinzhi-sector.h"

/* An id from @text (xinzhi_corpus_id_from_text()) that @taken lacks; added to it. */
static char *
make_id (const char *text,
         const char *fallback,
         GHashTable *taken)
{
  g_autofree char *base = xinzhi_corpus_id_from_text (text, fallback);

  for (guint n = 1; ; n++)
    {
      char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);

      if (!g_hash_table_contains (taken, candidate))
        {
          g_hash_table_add (taken, candidate);
          return g_strdup (candidate);
        }
      g_free (candidate);
    }
}

/* Where @term occurs in @text as the format matches terms (ASCII case aside, at word
 * boundaries where it starts or ends with a letter or digit), from @from; -1 if not. */
static gssize
find_term (const char *text,
           const char *term,
           gsize       from)
{
  gsize n = strlen (term);
  gboolean edge_start = g_ascii_isalnum (term[0]);
  gboolean edge_end = n > 0 && g_ascii_isalnum (term[n - 1]);
  char lower = g_ascii_tolower (term[0]);
  char upper = g_ascii_toupper (term[0]);

  /* Not the text's length: this is called from each occurrence on, and a comparison
   * stops at the text's end anyway. */
  if (n == 0)
    return -1;
  /* The first byte first: most places start no occurrence. */
  for (gsize i = from; text[i] != '\0'; i++)
    if ((text[i] == lower || text[i] == upper) &&
        g_ascii_strncasecmp (text + i, term, n) == 0 &&
        (!edge_start || i == 0 || !g_ascii_isalnum (text[i - 1])) &&
        (!edge_end || !g_ascii_isalnum (text[i + n])))
      return (gssize) i;
  return -1;
}

/* Every paragraph in ASCII lower case, in the extractions' order, for the matchers. */
static GPtrArray *
lower_paragraphs (XinzhiExtraction **extractions,
                  guint              n)
{
  GPtrArray *lowered = g_ptr_array_new_with_free_func (g_free);

  for (guint e = 0; e < n; e++)
    for (guint i = 0; i < xinzhi_extraction_get_n_paragraphs (extractions[e]); i++)
      {
        char *text = g_strdup (xinzhi_extraction_get_paragraph (extractions[e], i)->text);

        for (char *c = text; *c != '\0'; c++)
          if (*c >= 'A' && *c <= 'Z')
            *c += 'a' - 'A';
        g_ptr_array_add (lowered, text);
      }
  return lowered;
}

typedef struct
{
  XinzhiMatcher *matcher;
  const char    *text;    /* the paragraph, ASCII lower-case */
  gsize          length;
  gboolean      *found;   /* per pattern */
} Looking;

/* Whether @term, found in @text from @start to just before @end, stands at word
 * edges, as find_term() has it. */
static gboolean
at_word_edges (const char *term,
               const char *text,
               gsize       length,
               gsize       start,
               gsize       end)
{
  if (g_ascii_isalnum (term[0]) && start > 0 && g_ascii_isalnum (text[start - 1]))
    return FALSE;
  return !(g_ascii_isalnum (term[end - start - 1]) && end < length && g_ascii_isalnum (text[end]));
}

static XinzhiMatcherCheck
term_check_cb (guint    pattern,
               gsize    start,
               gsize    end,
               gpointer user_data)
{
  Looking *looking = user_data;

  if (!at_word_edges (xinzhi_matcher_get_pattern (looking->matcher, pattern),
                      looking->text, looking->length, start, end))
    return XINZHI_MATCHER_NOT_HERE;
  looking->found[pattern] = TRUE;
  return XINZHI_MATCHER_FOUND;
}

/* Which of @terms occur in the extracted paragraphs, matched as find_term() matches
 * them: all of them in one pass over the text, which looking for each in turn cost
 * the text's length times the number of terms (a third of an import's time).
 * Returns one flag per term. */
static gboolean *
terms_occurring (GPtrArray *lowered_paragraphs,
                 GPtrArray *terms)
{
  g_autoptr(XinzhiMatcher) matcher = xinzhi_matcher_new ();
  g_autoptr(XinzhiMatcherSearch) search = NULL;
  g_autofree guint *pattern_of = g_new (guint, MAX (terms->len, 1));
  gboolean *found = g_new0 (gboolean, MAX (terms->len, 1));
  g_autofree gboolean *pattern_found = NULL;

  for (guint t = 0; t < terms->len; t++)
    {
      g_autofree char *lowered = g_ascii_strdown (g_ptr_array_index (terms, t), -1);

      pattern_of[t] = lowered[0] != '\0' ? xinzhi_matcher_add (matcher, lowered) : G_MAXUINT;
    }
  if (xinzhi_matcher_get_n_patterns (matcher) == 0)
    return found;
  xinzhi_matcher_prepare (matcher);
  pattern_found = g_new0 (gboolean, xinzhi_matcher_get_n_patterns (matcher));
  search = xinzhi_matcher_search_new (matcher);
  for (guint p = 0; p < lowered_paragraphs->len && xinzhi_matcher_search_get_n_left (search) > 0; p++)
    {
      const char *lowered = g_ptr_array_index (lowered_paragraphs, p);
      Looking looking = { matcher, lowered, strlen (lowered), pattern_found };

      xinzhi_matcher_search_check (search, lowered, looking.length, term_check_cb, &looking);
    }
  for (guint t = 0; t < terms->len; t++)
    found[t] = pattern_of[t] != G_MAXUINT && pattern_found[pattern_of[t]];
  return found;
}

/* Which variants of the concepts occur in which paragraph, found for all of them in
 * one pass over the text: looking for each variant in every paragraph cost the text's
 * length times the number of variants. */
typedef struct
{
  XinzhiMatcher *matcher;
  GHashTable    *pattern_of;  /* lower-case variant → pattern number + 1 */
  guint          n_patterns;
  guint8        *present;     /* paragraph × pattern, in the extractions' order */
} VariantIndex;

typedef struct
{
  VariantIndex *index;
  const char   *text;    /* the paragraph, ASCII lower-case */
  gsize         length;
  guint         paragraph;
} Placing;

static gboolean
variant_found_cb (guint    pattern,
                  gsize    start,
                  gsize    end,
                  gpointer user_data)
{
  Placing *placing = user_data;

  if (at_word_edges (xinzhi_matcher_get_pattern (placing->index->matcher, pattern),
                     placing->text, placing->length, start, end))
    placing->index->present[(gsize) placing->paragraph * placing->index->n_patterns + pattern] = TRUE;
  return TRUE;
}

static void
variant_index_init (VariantIndex *index,
                    GPtrArray    *lowered_paragraphs,
                    GListModel   *concepts)
{
  gsize n_paragraphs = lowered_paragraphs->len;

  index->matcher = xinzhi_matcher_new ();
  index->pattern_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (concepts); i++)
    {
      g_autoptr(XinzhiConcept) concept = g_list_model_get_item (concepts, i);
      const char * const *variants = xinzhi_concept_get_variants (concept);

      for (guint v = 0; variants[v] != NULL; v++)
        {
          char *lowered = g_ascii_strdown (variants[v], -1);

          if (lowered[0] == '\0' || g_hash_table_contains (index->pattern_of, lowered))
            {
              g_free (lowered);
              continue;
            }
          g_hash_table_insert (index->pattern_of, lowered,
                               GUINT_TO_POINTER (xinzhi_matcher_add (index->matcher, lowered) + 1));
        }
    }
  index->n_patterns = xinzhi_matcher_get_n_patterns (index->matcher);
  index->present = g_new0 (guint8, MAX (n_paragraphs * index->n_patterns, 1));
  if (index->n_patterns == 0)
    return;
  xinzhi_matcher_prepare (index->matcher);
  for (guint p = 0; p < n_paragraphs; p++)
    {
      const char *lowered = g_ptr_array_index (lowered_paragraphs, p);
      Placing placing = { index, lowered, strlen (lowered), p };

      xinzhi_matcher_scan (index->matcher, lowered, placing.length, variant_found_cb, &placing);
    }
}

static void
variant_index_clear (VariantIndex *index)
{
  g_clear_pointer (&index->matcher, xinzhi_matcher_free);
  g_clear_pointer (&index->pattern_of, g_hash_table_unref);
  g_clear_pointer (&index->present, g_free);
}

static guint
variant_pattern (VariantIndex *index,
                 const char   *variant)
{
  g_autofree char *lowered = g_ascii_strdown (variant, -1);

  return GPOINTER_TO_UINT (g_hash_table_lookup (index->pattern_of, lowered)) - 1;
}

static gboolean
variant_in (VariantIndex *index,
            guint         paragraph,
            guint         pattern)
{
  return pattern < index->n_patterns &&
         index->present[(gsize) paragraph * index->n_patterns + pattern];
}

/* Whether @variant occurs on its own: somewhere no other variant of its concept that
 * starts before it, or at the same place and is longer, covers it.  The occurrences of
 * the variant and of each other variant are read once each, in text order: of the
 * other's occurrences at or before a place, only the last two can cover it (the last,
 * or when that starts at the same place and is no longer, the one before). */
static gboolean
occurs_on_its_own (XinzhiExtraction   **extractions,
                   guint                n,
                   VariantIndex        *index,
                   const char * const  *variants,
                   const char          *variant)
{
  guint n_variants = g_strv_length ((char **) variants);
  guint pattern = variant_pattern (index, variant);
  guint p = 0;
  gsize vn = strlen (variant);
  g_autofree gssize *next = g_new (gssize, MAX (n_variants, 1));
  g_autofree gssize *last = g_new (gssize, MAX (n_variants, 1));
  g_autofree gssize *before_last = g_new (gssize, MAX (n_variants, 1));

  for (guint e = 0; e < n; e++)
    for (guint i = 0; i < xinzhi_extraction_get_n_paragraphs (extractions[e]); i++, p++)
      {
        const char *text = xinzhi_extraction_get_paragraph (extractions[e], i)->text;
        gssize at;

        /* Only the paragraphs where the variant is, and of the others only those there,
         * are read again to place them. */
        if (!variant_in (index, p, pattern) || (at = find_term (text, variant, 0)) < 0)
          continue;
        for (guint k = 0; k < n_variants; k++)
          {
            gboolean same = variants[k] == variant || g_ascii_strcasecmp (variants[k], variant) == 0;

            next[k] = same || !variant_in (index, p, variant_pattern (index, variants[k]))
              ? -1 : find_term (text, variants[k], 0);
            last[k] = before_last[k] = -1;
          }
        for (; at >= 0; at = find_term (text, variant, (gsize) at + 1))
          {
            gboolean covered = FALSE;

            for (guint k = 0; k < n_variants && !covered; k++)
              {
                gsize wn = strlen (variants[k]);

                while (next[k] >= 0 && next[k] <= at)
                  {
                    before_last[k] = last[k];
                    last[k] = next[k];
                    next[k] = find_term (text, variants[k], (gsize) next[k] + 1);
                  }
                for (guint j = 0; j < 2 && !covered; j++)
                  {
                    gssize w = j == 0 ? last[k] : before_last[k];

                    covered = w >= 0 && (gsize) w + wn > (gsize) at && (w < at || wn > vn);
                  }
              }
            if (!covered)
              return TRUE;
          }
      }
  return FALSE;
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_document (JsonBuilder      *builder,
              XinzhiExtraction *extraction,
              const char       *id)
{
  const char * const *byline = xinzhi_extraction_get_byline (extraction);
  const char *outlet_rule = NULL;
  const char *outlet = xinzhi_extraction_get_outlet (extraction, &outlet_rule, NULL);
  g_autofree char *date = xinzhi_date_to_iso (xinzhi_extraction_get_date (extraction));

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "title", xinzhi_extraction_get_title (extraction));
  if (outlet != NULL)
    {
      g_autofree char *note = g_strdup_printf ("Found by the extractor's rule “%s”.", outlet_rule);

      add_string (builder, "outlet", outlet);
      add_string (builder, "outlet_note", note);
    }
  if (byline != NULL)
    {
      json_builder_set_member_name (builder, "byline");
      json_builder_begin_array (builder);
      for (guint i = 0; byline[i] != NULL; i++)
        json_builder_add_string_value (builder, byline[i]);
      json_builder_end_array (builder);
    }
  add_string (builder, "date", date);
  if (xinzhi_extraction_get_date_estimated (extraction))
    {
      json_builder_set_member_name (builder, "date_estimated");
      json_builder_add_boolean_value (builder, TRUE);
      add_string (builder, "date_note", xinzhi_extraction_get_date_note (extraction));
    }
  else
    add_string (builder, "date_text", xinzhi_extraction_get_date_text (extraction));
  if (xinzhi_extraction_get_url (extraction) != NULL)
    add_string (builder, "url", xinzhi_extraction_get_url (extraction));
  add_string (builder, "language", xinzhi_extraction_get_language (extraction));
  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xinzhi_extraction_get_n_paragraphs (extraction); i++)
    {
      const XinzhiExtractParagraph *p = xinzhi_extraction_get_paragraph (extraction, i);

      json_builder_begin_object (builder);
      add_string (builder, "text", p->text);
      if (p->kind != XINZHI_EXTRACT_BODY)
        add_string (builder, "kind", xinzhi_extract_kind_name (p->kind));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The longest title of a candidate event, in characters, its ellipsis included. */
#define MAX_EVENT_TITLE 120

/* A candidate event's title: its sentence, or the sentence's beginning up to a space
 * and an ellipsis when it is long; never words of ours. */
static char *
event_title (const char *sentence)
{
  const char *end = sentence;
  const char *space = NULL;
  GString *title;

  if (g_utf8_strlen (sentence, -1) <= MAX_EVENT_TITLE)
    return g_strdup (sentence);
  for (guint n = 0; n < MAX_EVENT_TITLE - 1; n++, end = g_utf8_next_char (end))
    if (*end == ' ')
      space = end;
  /* Chinese has no spaces: a cut anywhere is a cut between words or characters. */
  if (space != NULL && g_utf8_strlen (sentence, space - sentence) >= MAX_EVENT_TITLE / 2)
    end = space;
  title = g_string_new_len (sentence, end - sentence);
  while (title->len > 0 && strchr (" ,;:", title->str[title->len - 1]) != NULL)
    g_string_truncate (title, title->len - 1);
  g_string_append (title, "…");
  return g_string_free (title, FALSE);
}

/* One entry of an event's sources (or, with @text, of its date sources): @document's
 * paragraph @paragraph, in an array of its own. */
static void
add_cited (JsonBuilder *builder,
           const char  *member,
           const char  *document,
           guint        paragraph,
           const char  *text)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "document", document);
  json_builder_set_member_name (builder, "paragraph");
  json_builder_add_int_value (builder, paragraph);
  if (text != NULL)
    add_string (builder, "text", text);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

/* A candidate event of the document @document, as an unreviewed event: its date, with
 * the words that state it as its date source, or as an estimate with the extractor's
 * note when the words name no year; its sentence's paragraph as its source. */
static void
add_event (JsonBuilder              *builder,
           const XinzhiExtractEvent *event,
           const char               *document,
           guint                     number)
{
  g_autofree char *id = g_strdup_printf ("event-%u", number);
  g_autofree char *title = event_title (event->text);
  g_autofree char *date = xinzhi_date_to_iso (&event->date);

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "title", title);
  add_string (builder, "summary", event->text);
  add_string (builder, "date", date);
  if (event->estimated)
    {
      json_builder_set_member_name (builder, "date_estimated");
      json_builder_add_boolean_value (builder, TRUE);
      add_string (builder, "date_note", event->note);
    }
  else
    add_cited (builder, "date_sources", document, event->paragraph, event->date_text);
  add_cited (builder, "sources", document, event->paragraph, NULL);
  /* Unreviewed until a person accepts it: the rule and the words that date it. */
  json_builder_set_member_name (builder, "suggestion");
  json_builder_begin_object (builder);
  add_string (builder, "rule", event->rule);
  add_string (builder, "evidence", event->date_text);
  if (!event->estimated && event->note != NULL)
    add_string (builder, "note", event->note);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* One person of the corpus: the same name in several files is one person. */
typedef struct
{
  char      *id;
  char      *name;
  GPtrArray *roles;      /* of char *: "text" */
  GPtrArray *role_docs;  /* of char *: its document's id, borrowed */
  GPtrArray *variants;   /* of char *, borrowed from the extractions */
} Person;

static void
person_free (gpointer data)
{
  Person *person = data;

  g_free (person->id);
  g_free (person->name);
  g_ptr_array_unref (person->roles);
  g_ptr_array_unref (person->role_docs);
  g_ptr_array_unref (person->variants);
  g_free (person);
}

/* A person's other names, but not one that is another person's name or that more
 * than three people share (a surname such as "Li" across many articles): the format
 * allows at most eight people, sectors and concepts to share one, and a mention of
 * several people is no help. */
static void
write_variants (JsonBuilder *builder,
                Person      *person,
                GHashTable  *names,
                GHashTable  *variant_uses)
{
  gboolean begun = FALSE;

  for (guint v = 0; v < person->variants->len; v++)
    {
      const char *variant = g_ptr_array_index (person->variants, v);
      g_autofree char *key = g_ascii_strdown (variant, -1);
      guint sharing = GPOINTER_TO_UINT (g_hash_table_lookup (variant_uses, key));
      gboolean is_a_name = g_hash_table_contains (names, key);

      if (is_a_name || sharing > 3)
        continue;
      if (!begun)
        {
          json_builder_set_member_name (builder, "variants");
          json_builder_begin_array (builder);
          begun = TRUE;
        }
      json_builder_add_string_value (builder, variant);
    }
  if (begun)
    json_builder_end_array (builder);
}

/**
 * xinzhi_extract_corpus_to_node:
 * @extractions: (array length=n_extractions): what the files gave
 * @builtin: the corpus whose sectors, groups and concepts are looked for
 *
 * Returns: (transfer full): the corpus, as a JSON tree, for an import to fit into
 *   another corpus without writing it out and parsing it again
 */
JsonNode *
xinzhi_extract_corpus_to_node (XinzhiExtraction **extractions,
                               guint              n_extractions,
                               XinzhiCorpus      *builtin)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) taken_docs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) taken_people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used_groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) doc_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (person_free);
  g_autoptr(GPtrArray) sectors = g_ptr_array_new ();
  g_autoptr(GArray) person_of = g_array_new (FALSE, FALSE, sizeof (guint));  /* per extraction, per person */
  g_autoptr(GArray) person_offset = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) person_named = g_hash_table_new (g_str_hash, g_str_equal);  /* name → index + 1 */
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) variant_uses = NULL;
  VariantIndex variant_index = { NULL };
  g_autoptr(GPtrArray) lowered_paragraphs = lower_paragraphs (extractions, n_extractions);
  GListModel *model;
  guint n_quotes = 0;
  guint n_events = 0;

  g_return_val_if_fail (XINZHI_IS_CORPUS (builtin), NULL);

  for (guint e = 0; e < n_extractions; e++)
    {
      g_autofree char *stem = g_strdup (xinzhi_extraction_get_name (extractions[e]));
      char *dot = strrchr (stem, '.');

      if (dot != NULL && dot != stem)
        *dot = '\0';
      g_ptr_array_add (doc_ids, make_id (stem, "document", taken_docs));
    }

  /* People, merged by name. */
  for (guint e = 0; e < n_extractions; e++)
    {
      g_array_append_val (person_offset, person_of->len);
      for (guint i = 0; i < xinzhi_extraction_get_n_people (extractions[e]); i++)
        {
          const XinzhiExtractPerson *p = xinzhi_extraction_get_person (extractions[e], i);
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (person_named, p->name));
          Person *person = index > 0 ? g_ptr_array_index (people, --index) : NULL;

          if (person == NULL)
            {
              person = g_new0 (Person, 1);
              person->name = g_strdup (p->name);
              person->id = make_id (p->name, "person", taken_people);
              person->roles = g_ptr_array_new_with_free_func (g_free);
              person->role_docs = g_ptr_array_new ();
              person->variants = g_ptr_array_new ();
              g_ptr_array_add (people, person);
              index = people->len - 1;
              g_hash_table_insert (person_named, person->name, GUINT_TO_POINTER (index + 1));
            }
          for (guint r = 0; r < p->roles->len; r++)
            {
              g_ptr_array_add (person->roles, g_strdup (g_ptr_array_index (p->roles, r)));
              g_ptr_array_add (person->role_docs, g_ptr_array_index (doc_ids, e));
            }
          for (guint v = 0; v < p->variants->len; v++)
            if (!g_ptr_array_find_with_equal_func (person->variants, g_ptr_array_index (p->variants, v),
                                                   g_str_equal, NULL))
              g_ptr_array_add (person->variants, g_ptr_array_index (p->variants, v));
          g_array_append_val (person_of, index);
        }
    }

  model = xinzhi_corpus_get_sectors (builtin);
  {
    g_autoptr(GPtrArray) terms = g_ptr_array_new ();
    g_autofree gboolean *found = NULL;
    guint t = 0;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(XinzhiSector) sector = g_list_model_get_item (model, i);
        const char * const *its = xinzhi_sector_get_terms (sector);

        for (guint k = 0; its[k] != NULL; k++)
          g_ptr_array_add (terms, (gpointer) its[k]);
      }
    found = terms_occurring (lowered_paragraphs, terms);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(XinzhiSector) sector = g_list_model_get_item (model, i);
        const char * const *its = xinzhi_sector_get_terms (sector);
        gboolean occurs = FALSE;

        for (guint k = 0; its[k] != NULL; k++, t++)
          occurs |= found[t];
        if (occurs)
          {
            g_ptr_array_add (sectors, sector);
            g_hash_table_add (used_groups, (gpointer) xinzhi_sector_get_group_id (sector));
          }
      }
  }

  json_builder_begin_object (builder);
  add_string (builder, "format", "xinzhi-corpus");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, XINZHI_CORPUS_FORMAT_VERSION);
  add_string (builder, "title", "Extracted articles");

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  {
    g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(XinzhiSector) sector = g_list_model_get_item (model, i);
        const char *group = xinzhi_sector_get_group_id (sector);

        if (!g_hash_table_contains (used_groups, group) || g_hash_table_contains (written, group))
          continue;
        g_hash_table_add (written, (gpointer) group);
        json_builder_begin_object (builder);
        add_string (builder, "id", group);
        add_string (builder, "name", xinzhi_sector_get_group_name (sector));
        add_string (builder, "name_zh", xinzhi_sector_get_group_name_zh (sector));
        json_builder_end_object (builder);
      }
  }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint e = 0; e < n_extractions; e++)
    add_document (builder, extractions[e], g_ptr_array_index (doc_ids, e));
  json_builder_end_array (builder);

  /* Every name, and how many people have each variant, ASCII case aside. */
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  variant_uses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < people->len; i++)
    {
      Person *person = g_ptr_array_index (people, i);

      g_hash_table_add (names, g_ascii_strdown (person->name, -1));
      for (guint v = 0; v < person->variants->len; v++)
        {
          char *key = g_ascii_strdown (g_ptr_array_index (person->variants, v), -1);
          guint uses = GPOINTER_TO_UINT (g_hash_table_lookup (variant_uses, key));

          g_hash_table_replace (variant_uses, key, GUINT_TO_POINTER (uses + 1));
        }
    }

  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < people->len; i++)
    {
      Person *person = g_ptr_array_index (people, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", person->id);
      add_string (builder, "name", person->name);
      write_variants (builder, person, names, variant_uses);
      if (person->roles->len > 0)
        {
          json_builder_set_member_name (builder, "roles");
          json_builder_begin_array (builder);
          for (guint r = 0; r < person->roles->len; r++)
            {
              json_builder_begin_object (builder);
              add_string (builder, "text", g_ptr_array_index (person->roles, r));
              add_string (builder, "document", g_ptr_array_index (person->role_docs, r));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sectors");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sectors->len; i++)
    {
      XinzhiSector *sector = g_ptr_array_index (sectors, i);
      const char * const *terms = xinzhi_sector_get_terms (sector);

      json_builder_begin_object (builder);
      add_string (builder, "id", xinzhi_sector_get_id (sector));
      add_string (builder, "name", xinzhi_sector_get_name (sector));
      add_string (builder, "name_zh", xinzhi_sector_get_name_zh (sector));
      add_string (builder, "group", xinzhi_sector_get_group_id (sector));
      json_builder_set_member_name (builder, "terms");
      json_builder_begin_array (builder);
      for (guint t = 0; terms[t] != NULL; t++)
        json_builder_add_string_value (builder, terms[t]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint e = 0; e < n_extractions; e++)
    for (guint i = 0; i < xinzhi_extraction_get_n_events (extractions[e]); i++)
      add_event (builder, xinzhi_extraction_get_event (extractions[e], i), g_ptr_array_index (doc_ids, e),
                 ++n_events);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "quotes");
  json_builder_begin_array (builder);
  for (guint e = 0; e < n_extractions; e++)
    for (guint i = 0; i < xinzhi_extraction_get_n_quotes (extractions[e]); i++)
      {
        const XinzhiExtractQuote *q = xinzhi_extraction_get_quote (extractions[e], i);
        g_autofree char *id = NULL;
        Person *person;

        if (q->person < 0)
          continue;
        person = g_ptr_array_index (people, g_array_index (person_of, guint,
                                                          g_array_index (person_offset, guint, e) + (guint) q->person));
        id = g_strdup_printf ("quote-%u", ++n_quotes);
        json_builder_begin_object (builder);
        add_string (builder, "id", id);
        add_string (builder, "person", person->id);
        add_string (builder, "document", g_ptr_array_index (doc_ids, e));
        add_string (builder, "kind", q->direct ? "direct" : "paraphrase");
        add_string (builder, "text", q->text);
        /* Unreviewed until a person accepts it: the rule and the words it was found by. */
        json_builder_set_member_name (builder, "suggestion");
        json_builder_begin_object (builder);
        add_string (builder, "rule", q->rule);
        add_string (builder, "evidence", q->evidence);
        if (q->note != NULL)
          add_string (builder, "note", q->note);
        json_builder_end_object (builder);
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "concepts");
  json_builder_begin_array (builder);
  model = xinzhi_corpus_get_concepts (builtin);
  variant_index_init (&variant_index, lowered_paragraphs, model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XinzhiConcept) concept = g_list_model_get_item (model, i);
      const char * const *variants = xinzhi_concept_get_variants (concept);
      g_autoptr(GPtrArray) found = g_ptr_array_new ();

      for (guint v = 0; variants[v] != NULL; v++)
        if (occurs_on_its_own (extractions, n_extractions, &variant_index, variants, variants[v]))
          g_ptr_array_add (found, (gpointer) variants[v]);
      if (found->len == 0)
        continue;
      json_builder_begin_object (builder);
      add_string (builder, "id", xinzhi_concept_get_id (concept));
      add_string (builder, "name", xinzhi_concept_get_name (concept));
      add_string (builder, "name_zh", xinzhi_concept_get_name_zh (concept));
      if (xinzhi_concept_get_note (concept) != NULL)
        add_string (builder, "note", xinzhi_concept_get_note (concept));
      json_builder_set_member_name (builder, "variants");
      json_builder_begin_array (builder);
      for (guint v = 0; v < found->len; v++)
        json_builder_add_string_value (builder, g_ptr_array_index (found, v));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  variant_index_clear (&variant_index);

  return json_builder_get_root (builder);
}

/**
 * xinzhi_extract_corpus_to_json:
 * @extractions: (array length=n_extractions): what the files gave
 * @builtin: the corpus whose sectors, groups and concepts are looked for
 *
 * Returns: (transfer full): the corpus, as JSON text
 */
char *
xinzhi_extract_corpus_to_json (XinzhiExtraction **extractions,
                               guint              n_extractions,
                               XinzhiCorpus      *builtin)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = xinzhi_extract_corpus_to_node (extractions, n_extractions, builtin);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

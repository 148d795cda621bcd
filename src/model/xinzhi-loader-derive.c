/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Deriving, once every record is read and nothing is wrong: every sector's terms,
 * person's names and concept's variants found in every document in one pass
 * (XinzhiMatcher, shared among up to four scanning threads), the mention table, and
 * the links that follow from the mentions (a quote's and an event's sectors, a
 * document's people, quotes and events, a sector's first mention).  What can go wrong
 * only once the text is scanned (a term found nowhere, a document naming too much) is
 * reported here.  A new derived thing goes into _xinzhi_loader_derive().
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-item-array.h"
#include "xinzhi-loader-private.h"
#include "xinzhi-matcher.h"

/* ---------------------------------------------------------------------------------- */
/* Matching terms in text                                                              */
/* ---------------------------------------------------------------------------------- */

/* Whether @c belongs to a word of an alphabetic script: a letter or digit that is not
 * a wide (CJK) character.  Chinese text has no spaces, so it has no word boundaries. */
/* Whether a term that starts at @start and ends at @end of @text may match there: where
 * it starts (@bound_start) or ends (@bound_end) with a letter or digit of an alphabetic
 * script, only at a word boundary. */
static gboolean
at_word_boundaries (const char *text,
                    gsize       start,
                    gsize       end,
                    gboolean    bound_start,
                    gboolean    bound_end)
{
  if (bound_start && start > 0 &&
      _xinzhi_is_word_char (g_utf8_get_char (g_utf8_prev_char (text + start))))
    return FALSE;
  if (bound_end && text[end] != '\0' && _xinzhi_is_word_char (g_utf8_get_char (text + end)))
    return FALSE;
  return TRUE;
}

/* One occurrence of a pattern in the document being scanned: shared by every owner of
 * the pattern, which are reached through it. */
typedef struct
{
  guint32 pattern;
  guint32 paragraph;
  guint32 start;
  guint32 end;
} Occurrence;

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const Occurrence *oa = a, *ob = b;

  if (oa->start != ob->start)
    return oa->start < ob->start ? -1 : 1;
  /* The longer first, so that it wins an overlap. */
  if (oa->end != ob->end)
    return oa->end > ob->end ? -1 : 1;
  return 0;
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* At most this many sectors and people may share one term or name (ASCII case aside):
 * each of its occurrences is a mention of each of them, and a corpus of a few hundred
 * kilobytes whose sectors all shared a term once asked for billions of mentions. */
#define MAX_OWNERS 8
/* At most this many terms and names may end at one place of a text, each ending with the
 * next (as "ai" and "industrial ai" do): finding every occurrence costs up to this many
 * steps for each byte of text. */
#define MAX_ENDS 16
/* A document may name sectors and people at most MENTIONS_BESIDES times and once more
 * for every CHARS_PER_MENTION characters of its text, each occurrence of a term or name
 * counting once for each sector or person it belongs to.  The limits above bound that
 * to MAX_OWNERS × MAX_ENDS a character, but every mention is a record of twenty bytes
 * and more: a text where every character is a term, of eight sectors, with fifteen
 * longer terms of eight more each ending there, asked for over two hundred times its
 * size in memory.  Real text names something every few dozen characters at the most
 * (the densest article of the built-in corpus, once every 74; of a synthetic corpus,
 * every 26). */
#define MENTIONS_BESIDES 16
#define CHARS_PER_MENTION 4

/* Every sector's terms, every person's names and every concept's variants,
 * ASCII-lowered, in one XinzhiMatcher, so that each paragraph is read once for all of
 * them; it once was read once for each term of each sector and each name.  An owner is
 * a sector (0 … n_sectors - 1), a person (n_sectors + i) or a concept (n_sectors +
 * n_people + i).  The rules of a match are those of a term looked for alone:
 * ASCII case is ignored; a term that starts or ends with a letter or digit of an
 * alphabetic script matches only at a word boundary there; one term's matches do not
 * overlap each other (the next is looked for after the end of the last); and of one
 * owner's matches in a document, where two overlap, the one that starts first, or the
 * longer, is kept.
 *
 * An occurrence is found and kept once, whoever shares its pattern; the owners are
 * reached through the pattern when each document's mentions are made.
 *
 * The terms are shared, and only read once ready; each thread that scans documents has
 * a Scanner of its own. */
typedef struct
{
  guint32 pattern;
  guint32 owner;
} Owning;

typedef struct
{
  XinzhiMatcher *matcher;
  GArray        *pairs;         /* of Owning, in the order added */
  GArray        *n_owners_of;   /* per pattern: guint, its owners */
  GArray        *last_owner_of; /* per pattern: guint, the owner that added it last */
  GArray        *bounds;        /* per pattern: guint8, 1 = bound at start, 2 = at end */
  guint32       *owner_start;   /* per pattern, and one more: where its owners start */
  guint32       *owners;        /* every pattern's owners, pattern by pattern, in order */
  guint          n_owners;
} Terms;

typedef struct
{
  const Terms   *terms;
  GCancellable  *cancellable;
  guint32       *last_end;      /* per pattern: where its last match in this paragraph ended */
  guint32       *last_seen;     /* per pattern: the paragraph serial of last_end */
  guint          serial;        /* of the paragraph being scanned */
  GArray        *occurrences;   /* of Occurrence, in the document being scanned */
  guint32       *owner_seen;    /* per owner: the document serial of what follows */
  guint32       *owner_paragraph; /* per owner: its last mention kept in this document */
  guint32       *owner_end;
  guint          document_serial;
  const char    *text;          /* the paragraph, as written */
  guint          paragraph;
  GString       *lowered;       /* the paragraph, ASCII-lowered */
  gsize          n_named;       /* in the document: occurrences × their owners */
  gsize          allowed;       /* the most n_named may be (MENTIONS_BESIDES) */
} Scanner;

/* The mentions found in a document: each occurrence that some owner of its pattern
 * keeps, once, in text order, and which of the pattern's owners keep it.  Copies for
 * each owner are made only into the mention table. */
typedef struct
{
  GArray     *occurrences;  /* of Occurrence */
  GByteArray *kept;         /* per occurrence: bit i for the pattern's i-th owner */
  guint       n_mentions;   /* the bits set */
  gsize       too_many;     /* if the document names more than it may: how many it
                             * may (and occurrences and kept are empty); else 0 */
  gsize       n_chars;      /* of the document's text */
} Found;

G_STATIC_ASSERT (MAX_OWNERS <= 8);

static void
found_free (Found *found)
{
  g_array_unref (found->occurrences);
  g_byte_array_unref (found->kept);
  g_free (found);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Found, found_free)

static void
terms_init (Terms *self,
            guint  n_owners)
{
  self->matcher = xinzhi_matcher_new ();
  self->pairs = g_array_new (FALSE, FALSE, sizeof (Owning));
  self->n_owners_of = g_array_new (FALSE, FALSE, sizeof (guint));
  self->last_owner_of = g_array_new (FALSE, FALSE, sizeof (guint));
  self->bounds = g_array_new (FALSE, FALSE, sizeof (guint8));
  self->n_owners = n_owners;
}

/* Adds @term for @owner, and returns its pattern (that of every term equal to it but
 * for ASCII case); G_MAXUINT if it is empty, or if MAX_OWNERS others share it, and then
 * it is not added. */
static guint
terms_add (Terms      *self,
           const char *term,
           guint       owner)
{
  g_autofree char *lowered = g_ascii_strdown (term, -1);
  gsize length = strlen (lowered);
  Owning pair = { 0, owner };
  guint *n_owners;
  guint pattern;

  if (length == 0)
    return G_MAXUINT;

  pattern = xinzhi_matcher_add (self->matcher, lowered);
  if (pattern == self->n_owners_of->len)
    {
      guint8 bounds = (_xinzhi_is_word_char (g_utf8_get_char (lowered)) ? 1 : 0) |
                      (_xinzhi_is_word_char (g_utf8_get_char (g_utf8_prev_char (lowered + length))) ? 2 : 0);
      guint none = 0, nobody = G_MAXUINT;

      g_array_append_val (self->bounds, bounds);
      g_array_append_val (self->n_owners_of, none);
      g_array_append_val (self->last_owner_of, nobody);
    }
  n_owners = &g_array_index (self->n_owners_of, guint, pattern);

  /* A term given twice, or twice but for case, matches once: an owner adds all its
   * terms in a row, so it would be the pattern's last owner. */
  if (g_array_index (self->last_owner_of, guint, pattern) == owner)
    return pattern;

  if (*n_owners == MAX_OWNERS)
    return G_MAXUINT;

  (*n_owners)++;
  g_array_index (self->last_owner_of, guint, pattern) = owner;
  pair.pattern = pattern;
  g_array_append_val (self->pairs, pair);
  return pattern;
}

/* After the last term is added: from here on the terms are only read, by any thread,
 * in scans of the documents, which are at most @text_length bytes in all. */
static void
terms_ready (Terms *self,
             gsize  text_length)
{
  guint n_patterns = self->n_owners_of->len;
  g_autofree guint32 *fill = NULL;

  self->owner_start = g_new0 (guint32, n_patterns + 1);
  for (guint p = 0; p < n_patterns; p++)
    self->owner_start[p + 1] = self->owner_start[p] + g_array_index (self->n_owners_of, guint, p);
  /* The pairs in order, so each pattern's owners too. */
  fill = g_memdup2 (self->owner_start, sizeof (guint32) * (n_patterns + 1));
  self->owners = g_new (guint32, MAX (self->pairs->len, 1));
  for (guint i = 0; i < self->pairs->len; i++)
    {
      const Owning *pair = &g_array_index (self->pairs, Owning, i);

      self->owners[fill[pair->pattern]++] = pair->owner;
    }
  g_clear_pointer (&self->pairs, g_array_unref);
  xinzhi_matcher_prepare_for (self->matcher, text_length);
}

static void
terms_clear (Terms *self)
{
  g_clear_pointer (&self->matcher, xinzhi_matcher_free);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->n_owners_of, g_array_unref);
  g_clear_pointer (&self->last_owner_of, g_array_unref);
  g_clear_pointer (&self->bounds, g_array_unref);
  g_clear_pointer (&self->owner_start, g_free);
  g_clear_pointer (&self->owners, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Terms, terms_clear)

static gboolean
term_found_cb (guint    pattern,
               gsize    start,
               gsize    end,
               gpointer user_data)
{
  Scanner *self = user_data;
  guint8 bounds = g_array_index (self->terms->bounds, guint8, pattern);
  Occurrence occurrence = { pattern, self->paragraph, start, end };

  if (self->last_seen[pattern] == self->serial && start < self->last_end[pattern])
    return TRUE;
  if (!at_word_boundaries (self->text, start, end, bounds & 1, bounds & 2))
    return TRUE;

  self->last_seen[pattern] = self->serial;
  self->last_end[pattern] = end;
  g_array_append_val (self->occurrences, occurrence);
  /* Stops the scan once the document names more than it may. */
  self->n_named += self->terms->owner_start[pattern + 1] - self->terms->owner_start[pattern];
  return self->n_named <= self->allowed;
}

/* Finds the mentions of every owner in @document, each owner's without overlaps; NULL
 * if the load was cancelled.  A cancel is looked for after each paragraph, which holds
 * at most MAX_TEXT_LENGTH characters.  A document that names more than it may
 * (MENTIONS_BESIDES) is scanned no further, and found to name nothing. */
static Found *
scanner_scan_document (Scanner        *self,
                       XinzhiDocument *document)
{
  const Terms *terms = self->terms;
  Found *found = g_new0 (Found, 1);

  found->occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  found->kept = g_byte_array_new ();
  for (guint i = 0; i < document->paragraphs->len; i++)
    for (const char *p = g_array_index (document->paragraphs, XinzhiParagraph, i).text; *p; p++)
      found->n_chars += (*p & 0xC0) != 0x80;
  self->n_named = 0;
  self->allowed = MENTIONS_BESIDES + found->n_chars / CHARS_PER_MENTION;

  g_array_set_size (self->occurrences, 0);
  for (guint i = 0; i < document->paragraphs->len; i++)
    {
      const char *text = g_array_index (document->paragraphs, XinzhiParagraph, i).text;
      gsize length = strlen (text);
      guint first = self->occurrences->len;

      if (g_cancellable_is_cancelled (self->cancellable))
        {
          found_free (found);
          return NULL;
        }

      /* As g_ascii_strdown(), without a call per byte. */
      g_string_set_size (self->lowered, length);
      for (gsize b = 0; b < length; b++)
        self->lowered->str[b] = text[b] >= 'A' && text[b] <= 'Z' ? text[b] + ('a' - 'A') : text[b];

      self->serial++;
      self->text = text;
      self->paragraph = i;
      if (!xinzhi_matcher_scan (terms->matcher, self->lowered->str, length, term_found_cb, self))
        {
          found->too_many = self->allowed;
          return found;
        }
      /* Found by their ends: put the paragraph's in text order.  (An array that never
       * held anything has no data to point into.) */
      if (self->occurrences->len - first > 1)
        g_sort_array (&g_array_index (self->occurrences, Occurrence, first),
                      self->occurrences->len - first, sizeof (Occurrence),
                      compare_occurrences, NULL);
    }

  /* Each owner of each occurrence, in text order: an owner keeps an occurrence unless
   * it overlaps the last one it kept. */
  self->document_serial++;
  for (guint i = 0; i < self->occurrences->len; i++)
    {
      const Occurrence *occurrence = &g_array_index (self->occurrences, Occurrence, i);
      guint32 first = terms->owner_start[occurrence->pattern];
      guint8 kept = 0;

      for (guint32 o = first; o < terms->owner_start[occurrence->pattern + 1]; o++)
        {
          guint32 owner = terms->owners[o];

          if (self->owner_seen[owner] == self->document_serial &&
              self->owner_paragraph[owner] == occurrence->paragraph &&
              occurrence->start < self->owner_end[owner])
            continue;

          self->owner_seen[owner] = self->document_serial;
          self->owner_paragraph[owner] = occurrence->paragraph;
          self->owner_end[owner] = occurrence->end;
          kept |= 1 << (o - first);
          found->n_mentions++;
        }
      if (kept != 0)
        {
          g_array_append_val (found->occurrences, *occurrence);
          g_byte_array_append (found->kept, &kept, 1);
        }
    }

  return found;
}

static void
scanner_init (Scanner      *self,
              const Terms  *terms,
              GCancellable *cancellable)
{
  guint n_patterns = xinzhi_matcher_get_n_patterns (terms->matcher);

  *self = (Scanner) { .terms = terms, .cancellable = cancellable };
  self->last_end = g_new0 (guint32, MAX (n_patterns, 1));
  self->last_seen = g_new0 (guint32, MAX (n_patterns, 1));
  self->occurrences = g_array_new (FALSE, FALSE, sizeof (Occurrence));
  self->owner_seen = g_new0 (guint32, MAX (terms->n_owners, 1));
  self->owner_paragraph = g_new0 (guint32, MAX (terms->n_owners, 1));
  self->owner_end = g_new0 (guint32, MAX (terms->n_owners, 1));
  self->lowered = g_string_new (NULL);
}

static void
scanner_clear (Scanner *self)
{
  g_clear_pointer (&self->last_end, g_free);
  g_clear_pointer (&self->last_seen, g_free);
  g_clear_pointer (&self->occurrences, g_array_unref);
  g_clear_pointer (&self->owner_seen, g_free);
  g_clear_pointer (&self->owner_paragraph, g_free);
  g_clear_pointer (&self->owner_end, g_free);
  if (self->lowered != NULL)
    g_string_free (g_steal_pointer (&self->lowered), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scanner, scanner_clear)

/* Scanning every document for every term is most of deriving's time, and documents
 * are scanned independently: a Scan shares them out among threads, a few at a time,
 * and keeps each document's mentions for _xinzhi_loader_derive() to take in document
 * order. */
typedef struct
{
  const Terms      *terms;
  GPtrArray        *documents;  /* of XinzhiDocument, in corpus order */
  Found           **found;      /* per document */
  GCancellable     *cancellable;
  gint              next;       /* atomic: the first document not yet taken */
  gint              done;       /* atomic: documents scanned */
} Scan;

/* Documents a thread takes at a time. */
#define SCAN_CHUNK 16

/* Scans the next few documents not yet taken; FALSE when none are left or the load
 * was cancelled. */
static gboolean
scan_chunk (Scan    *scan,
            Scanner *scanner)
{
  guint n = scan->documents->len;
  guint first = (guint) g_atomic_int_add (&scan->next, SCAN_CHUNK);

  if (first >= n)
    return FALSE;

  for (guint d = first; d < MIN (first + SCAN_CHUNK, n); d++)
    {
      scan->found[d] = scanner_scan_document (scanner, g_ptr_array_index (scan->documents, d));
      if (scan->found[d] == NULL)
        return FALSE;
    }
  g_atomic_int_add (&scan->done, MIN (first + SCAN_CHUNK, n) - first);
  return TRUE;
}

static gpointer
scan_thread (gpointer data)
{
  Scan *scan = data;
  g_auto(Scanner) scanner = { 0 };

  scanner_init (&scanner, scan->terms, scan->cancellable);
  while (scan_chunk (scan, &scanner))
    ;
  return NULL;
}

/* ---------------------------------------------------------------------------------- */
/* Deriving                                                                            */
/* ---------------------------------------------------------------------------------- */

/* An item of a document's quotes or events with the order it was added in, so that
 * sorting them keeps that order among equals, as g_list_store_sort() did. */
typedef struct
{
  gpointer item;
  guint    index;
} Ranked;

static int
compare_quotes_in_text (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  const Ranked *ra = a, *rb = b;
  const XinzhiQuote *qa = ra->item, *qb = rb->item;

  if (qa->paragraph != qb->paragraph)
    return qa->paragraph < qb->paragraph ? -1 : 1;
  if (qa->start != qb->start)
    return qa->start < qb->start ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Ranked *ra = a, *rb = b;
  int order = xinzhi_event_compare (ra->item, rb->item);

  if (order != 0)
    return order;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static int
compare_quotes (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return xinzhi_quote_compare ((XinzhiQuote *) a, (XinzhiQuote *) b);
}

/* Sorts @ranked (of Ranked) and appends its items to @store at once. */
static void
splice_sorted (GListStore       *store,
               GArray           *ranked,
               GCompareDataFunc  compare)
{
  g_autofree gpointer *items = NULL;

  if (ranked == NULL)
    return;

  g_sort_array (ranked->data, ranked->len, sizeof (Ranked), compare, NULL);
  items = g_new (gpointer, ranked->len);
  for (guint i = 0; i < ranked->len; i++)
    items[i] = g_array_index (ranked, Ranked, i).item;
  g_list_store_splice (store, 0, 0, items, ranked->len);
}

/* Appends @item to @store unless it is there already.  Which items each store holds is
 * kept in @seen (store → set of items), so that this stays cheap when a store grows
 * long, as an article cited by thousands of events does. */
static void
add_unique (GHashTable *seen,
            GListStore *store,
            gpointer    item)
{
  GHashTable *items = g_hash_table_lookup (seen, store);

  if (items == NULL)
    {
      items = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (seen, store, items);
    }

  if (g_hash_table_add (items, item))
    g_list_store_append (store, item);
}

/* Documents in the order their mentions go, the one order of documents.  The loader
 * owns the documents until it hands the corpus over, so making their title keys here,
 * in its thread, races with nothing. */
static int
compare_documents (gconstpointer a,
                   gconstpointer b)
{
  return xinzhi_document_compare (*(XinzhiDocument **) a, *(XinzhiDocument **) b);
}

/* What the links of quotes and events to sectors are read from: each document's sector
 * mentions by place, and the sectors each cited paragraph names.  Both are made when
 * first asked for.  A quote reads the mentions within its words, an event the sectors
 * of its paragraphs, each paragraph counted once however often it is cited; they once
 * read every mention of the document, for every quote and every source. */
typedef struct
{
  const XinzhiMentionRecord *records;
  guint            n_sectors;
  GArray         **places;      /* per document: of guint32, its sector mentions by
                                 * paragraph and start */
  GHashTable      *named;       /* (document << 32 | paragraph) → Named */
  guint32         *taken;       /* per sector: the mark of the last quote or event
                                 * that took it */
  guint32          mark;
  guint32         *named_by;    /* per sector: the mark of the last paragraph found
                                 * naming it */
  guint32          named_mark;
} Links;

/* The sectors a paragraph names, once, in the order of sectors. */
typedef struct
{
  GArray  *sectors;   /* of guint */
  guint32  mark;      /* of the last event that took them */
} Named;

static void
named_free (gpointer data)
{
  Named *named = data;

  g_array_unref (named->sectors);
  g_free (named);
}

static int
compare_places (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const XinzhiMentionRecord *records = user_data;
  guint32 ia = *(const guint32 *) a, ib = *(const guint32 *) b;

  if (records[ia].start != records[ib].start)
    return records[ia].start < records[ib].start ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* @document's sector mentions (indices of records) by paragraph, then start. */
static GArray *
links_get_places (Links          *self,
                  guint           index,
                  XinzhiDocument *document)
{
  GArray *places;
  g_autofree guint32 *first_of = NULL;
  guint n_paragraphs = document->paragraphs->len;
  guint n = 0;

  if (self->places[index] != NULL)
    return self->places[index];

  /* Counted and placed by paragraph, then each paragraph's sorted by start. */
  first_of = g_new0 (guint32, n_paragraphs + 1);
  for (guint m = document->first_mention; m < document->first_mention + document->n_mentions; m++)
    if (self->records[m].owner < self->n_sectors)
      {
        first_of[self->records[m].paragraph + 1]++;
        n++;
      }
  for (guint p = 0; p < n_paragraphs; p++)
    first_of[p + 1] += first_of[p];
  places = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  g_array_set_size (places, n);
  for (guint m = document->first_mention; m < document->first_mention + document->n_mentions; m++)
    if (self->records[m].owner < self->n_sectors)
      g_array_index (places, guint32, first_of[self->records[m].paragraph]++) = m;
  for (guint p = 0, start = 0; p < n_paragraphs; start = first_of[p++])
    if (first_of[p] - start > 1)
      g_sort_array (&g_array_index (places, guint32, start), first_of[p] - start, sizeof (guint32),
                    compare_places, (gpointer) self->records);

  self->places[index] = places;
  return places;
}

/* The first of @places at or after @start of @paragraph. */
static guint
links_find_place (Links  *self,
                  GArray *places,
                  guint   paragraph,
                  guint   start)
{
  guint lo = 0, hi = places->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const XinzhiMentionRecord *record = &self->records[g_array_index (places, guint32, mid)];

      if (record->paragraph < paragraph || (record->paragraph == paragraph && record->start < start))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Starts taking sectors for another quote or event. */
static void
links_begin (Links *self)
{
  self->mark++;
}

/* Adds @sector to @taken unless the quote or event has it already. */
static void
links_take (Links  *self,
            GArray *taken,
            guint   sector)
{
  if (self->taken[sector] == self->mark)
    return;
  self->taken[sector] = self->mark;
  g_array_append_val (taken, sector);
}

/* The sectors named within @quote's words, into @taken (of guint), in the order of
 * sectors. */
static void
links_take_quote (Links          *self,
                  guint           index,
                  XinzhiQuote    *quote,
                  GArray         *taken)
{
  GArray *places = links_get_places (self, index, quote->document);

  links_begin (self);
  for (guint i = links_find_place (self, places, quote->paragraph, quote->start); i < places->len; i++)
    {
      const XinzhiMentionRecord *record = &self->records[g_array_index (places, guint32, i)];

      if (record->paragraph != quote->paragraph || record->start >= quote->end)
        break;
      if (record->end <= quote->end)
        links_take (self, taken, record->owner);
    }
  g_array_sort (taken, compare_uints);
}

/* The sectors that paragraph @paragraph of @document names, in the order of sectors. */
static Named *
links_get_named (Links          *self,
                 guint           index,
                 XinzhiDocument *document,
                 guint           paragraph)
{
  guint64 key = ((guint64) index << 32) | paragraph;
  Named *named = g_hash_table_lookup (self->named, &key);
  GArray *places;

  if (named != NULL)
    return named;

  named = g_new0 (Named, 1);
  named->sectors = g_array_new (FALSE, FALSE, sizeof (guint));
  places = links_get_places (self, index, document);
  self->named_mark++;
  for (guint i = links_find_place (self, places, paragraph, 0); i < places->len; i++)
    {
      const XinzhiMentionRecord *record = &self->records[g_array_index (places, guint32, i)];

      if (record->paragraph != paragraph)
        break;
      if (self->named_by[record->owner] != self->named_mark)
        {
          self->named_by[record->owner] = self->named_mark;
          g_array_append_val (named->sectors, record->owner);
        }
    }
  g_array_sort (named->sectors, compare_uints);
  g_hash_table_insert (self->named, g_memdup2 (&key, sizeof key), named);
  return named;
}

static void
links_clear (Links *self,
             guint  n_documents)
{
  for (guint d = 0; self->places != NULL && d < n_documents; d++)
    g_clear_pointer (&self->places[d], g_array_unref);
  g_clear_pointer (&self->places, g_free);
  g_clear_pointer (&self->named, g_hash_table_unref);
  g_clear_pointer (&self->taken, g_free);
  g_clear_pointer (&self->named_by, g_free);
}

/* No event may name more sectors than this through its paragraphs: a real one names a
 * few (twelve at the most in the built-in corpus), and each event keeps a list of its
 * own, so that events citing paragraphs that name thousands of sectors would make
 * events × sectors links.  Even a hundred made an event of 130 bytes in the file cost
 * forty times that in memory. */
#define MAX_EVENT_SECTORS 32

/* Appends to @store the sectors @taken names, at once. */
static void
splice_sectors (GListStore *store,
                GArray     *taken,
                GPtrArray  *sectors)
{
  g_autofree gpointer *items = g_new (gpointer, MAX (taken->len, 1));

  for (guint i = 0; i < taken->len; i++)
    items[i] = g_ptr_array_index (sectors, g_array_index (taken, guint, i));
  g_list_store_splice (store, 0, 0, items, taken->len);
}

/* The path of @owner's term or name that is @pattern of @terms, and the term itself. */
static char *
find_term (Terms       *terms,
           guint        pattern,
           GPtrArray   *sectors,
           GListModel  *people,
           GPtrArray   *concepts,
           const char **term)
{
  const char *lowered = xinzhi_matcher_get_pattern (terms->matcher, pattern);
  guint owner = terms->owners[terms->owner_start[pattern]];
  g_autoptr(XinzhiPerson) person = NULL;
  g_autofree char *path = NULL;

  if (owner < sectors->len)
    {
      XinzhiSector *sector = g_ptr_array_index (sectors, owner);
      g_autofree char *tpath = NULL;
      guint t = 0;

      path = _xinzhi_loader_index_path ("$.sectors", owner);
      tpath = _xinzhi_loader_member_path (path, "terms");
      while (sector->terms[t + 1] != NULL && g_ascii_strcasecmp (sector->terms[t], lowered) != 0)
        t++;
      *term = sector->terms[t];
      return _xinzhi_loader_index_path (tpath, t);
    }

  if (owner >= sectors->len + g_list_model_get_n_items (people))
    {
      XinzhiConcept *concept = g_ptr_array_index (concepts, owner - sectors->len - g_list_model_get_n_items (people));
      g_autofree char *vpath = NULL;
      guint v = 0;

      path = _xinzhi_loader_index_path ("$.concepts",
                                        owner - sectors->len - g_list_model_get_n_items (people));
      vpath = _xinzhi_loader_member_path (path, "variants");
      while (concept->variants[v + 1] != NULL && g_ascii_strcasecmp (concept->variants[v], lowered) != 0)
        v++;
      *term = concept->variants[v];
      return _xinzhi_loader_index_path (vpath, v);
    }

  person = g_list_model_get_item (people, owner - sectors->len);
  path = _xinzhi_loader_index_path ("$.people", owner - sectors->len);
  if (g_ascii_strcasecmp (person->name, lowered) == 0)
    {
      *term = person->name;
      return _xinzhi_loader_member_path (path, "name");
    }
  if (person->name_zh != NULL && g_ascii_strcasecmp (person->name_zh, lowered) == 0)
    {
      *term = person->name_zh;
      return _xinzhi_loader_member_path (path, "name_zh");
    }
  for (guint v = 0; person->variants != NULL && person->variants[v] != NULL; v++)
    if (g_ascii_strcasecmp (person->variants[v], lowered) == 0)
      {
        g_autofree char *vpath = _xinzhi_loader_member_path (path, "variants");

        *term = person->variants[v];
        return _xinzhi_loader_index_path (vpath, v);
      }
  g_assert_not_reached ();
}

/* Adds @term, the @index-th (or the only one, if -1) of @member of the @item-th of
 * @kind, for @owner, and returns its pattern; reports it if too many share it, and
 * returns G_MAXUINT then, or if it is empty. */
static guint
add_term (Loader     *self,
          Terms      *terms,
          const char *term,
          guint       owner,
          const char *kind,
          guint       item,
          const char *member,
          gint        index)
{
  g_autofree char *ipath = NULL;
  g_autofree char *mpath = NULL;
  g_autofree char *path = NULL;
  guint pattern = terms_add (terms, term, owner);

  if (pattern != G_MAXUINT || *term == '\0')
    return pattern;

  ipath = _xinzhi_loader_index_path (kind, item);
  mpath = _xinzhi_loader_member_path (ipath, member);
  path = index >= 0 ? _xinzhi_loader_index_path (mpath, index) : g_strdup (mpath);
  _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
                          _("“%s” is already a term or name of %u sectors, people or concepts; at most %u "
                            "may share one (ASCII case aside)"),
                          term, MAX_OWNERS, MAX_OWNERS);
  return G_MAXUINT;
}

void
_xinzhi_loader_derive (Loader *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
  GListModel *documents = G_LIST_MODEL (self->documents);
  GListModel *sectors = G_LIST_MODEL (self->sectors);
  GListModel *people = G_LIST_MODEL (self->people);
  GListModel *events = G_LIST_MODEL (self->events);
  GListModel *quotes = G_LIST_MODEL (self->quotes);
  GListModel *concepts = G_LIST_MODEL (self->concepts);
  guint n_documents = g_list_model_get_n_items (documents);

  g_auto(Terms) terms = { 0 };
  g_auto(Scanner) scanner = { 0 };
  Scan scan = { 0 };
  Links links = { 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GPtrArray) documents_in_order = g_ptr_array_new_full (n_documents, g_object_unref);
  guint n_threads;
  guint n_sectors = g_list_model_get_n_items (sectors);
  guint n_people = g_list_model_get_n_items (people);
  guint n_concepts = g_list_model_get_n_items (concepts);
  guint n_owners = n_sectors + n_people + n_concepts;
  guint max_ends, pattern;
  gsize n_records = 0;
  /* Every mention, document by document, each document's in the order found; and for
   * each sector and person, the indices of its records in order. */
  g_autoptr(GArray) records = NULL;
  g_autofree guint *n_mentions_of = NULL;   /* per owner: in the document at hand */
  g_autofree guint *total_of = NULL;        /* per owner: in all */
  g_autofree guint *place_of = NULL;        /* per owner: where its next record goes */
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GArray **indices_of = NULL;
  g_autofree GArray **documents_naming = NULL;   /* per person: of guint32 */
  /* Per pattern: the variant it is of the concept that owns it, if one does; and per
   * record, while concepts' mentions are made, the pattern it was found by. */
  g_autoptr(GArray) variant_of_pattern = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autofree guint32 *pattern_of_record = NULL;
  XinzhiMentionTable *table;
  g_autoptr(GPtrArray) sector_list = g_ptr_array_new_full (n_sectors, g_object_unref);
  g_autoptr(GPtrArray) concept_list = g_ptr_array_new_full (n_concepts, g_object_unref);
  g_autoptr(GHashTable) index_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) by_date = g_ptr_array_new_full (n_documents, g_object_unref);
  g_autoptr(GPtrArray) document_sectors = g_ptr_array_new_full (n_sectors, g_object_unref);
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree GArray **quotes_of = g_new0 (GArray *, MAX (n_documents, 1));
  g_autofree GArray **events_of = g_new0 (GArray *, MAX (n_documents, 1));
  g_autofree guint32 *event_of = g_new0 (guint32, MAX (n_documents, 1));

  /* A step for each document scanned, each document's mentions placed, each
   * document taken by date, each person, quote and event linked, and each document's
   * quotes and events sorted. */
  _xinzhi_loader_begin_stage (self, XINZHI_LOAD_STAGE_DERIVE,
                              3 * n_documents + n_people + g_list_model_get_n_items (quotes) +
                              g_list_model_get_n_items (events) + n_documents);

  for (guint d = 0; d < n_documents; d++)
    {
      XinzhiDocument *document = g_list_model_get_item (documents, d);

      g_ptr_array_add (by_date, document);
      g_ptr_array_add (documents_in_order, g_object_ref (document));
      g_hash_table_insert (index_of, document, GUINT_TO_POINTER (d));
    }
  g_ptr_array_sort (by_date, compare_documents);

  /* Sector, person and concept mentions: every term, name and variant, in one pass over
   * each document. */
  terms_init (&terms, n_owners);
  for (guint s = 0; s < n_sectors; s++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, s);

      g_ptr_array_add (sector_list, g_object_ref (sector));
      for (guint t = 0; sector->terms[t]; t++)
        add_term (self, &terms, sector->terms[t], s, "$.sectors", s, "terms", t);
    }
  for (guint p = 0; p < n_people; p++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, p);

      add_term (self, &terms, person->name, n_sectors + p, "$.people", p, "name", -1);
      if (person->name_zh)
        add_term (self, &terms, person->name_zh, n_sectors + p, "$.people", p, "name_zh", -1);
      for (guint v = 0; person->variants && person->variants[v]; v++)
        add_term (self, &terms, person->variants[v], n_sectors + p, "$.people", p, "variants", v);
    }
  /* A pattern is the variant of at most one concept (_xinzhi_loader_read_concepts()),
   * so it names that variant for every concept mention found through it. */
  for (guint c = 0; c < n_concepts; c++)
    {
      XinzhiConcept *concept = g_list_model_get_item (concepts, c);

      g_ptr_array_add (concept_list, concept);
      for (guint v = 0; concept->variants[v]; v++)
        {
          guint variant_pattern = add_term (self, &terms, concept->variants[v], n_sectors + n_people + c,
                                            "$.concepts", c, "variants", v);

          if (variant_pattern == G_MAXUINT)
            continue;
          if (variant_pattern >= variant_of_pattern->len)
            g_array_set_size (variant_of_pattern, variant_pattern + 1);
          g_array_index (variant_of_pattern, guint, variant_pattern) = v;
        }
    }
  if (self->n_problems > 0 || _xinzhi_loader_cancelled (self))
    return;
  /* The documents' text is in the file, and not longer than it. */
  terms_ready (&terms, self->size);

  max_ends = xinzhi_matcher_get_max_ends (terms.matcher, &pattern);
  if (max_ends > MAX_ENDS)
    {
      const char *term;
      g_autofree char *path = find_term (&terms, pattern, sector_list, people, concept_list, &term);

      _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
                              _("%u terms, names and variants end at one place of “%s”, each ending with the next "
                                "(as “ai” and “industrial ai” do); at most %u may"),
                              max_ends, term, MAX_ENDS);
      return;
    }

  /* Scanning, shared among up to four threads, this one included; each document's
   * mentions are kept for the loop below, which takes them in document order. */
  scan.terms = &terms;
  scan.documents = documents_in_order;
  scan.found = g_new0 (Found *, MAX (n_documents, 1));
  scan.cancellable = self->cancellable;
  n_threads = n_documents >= 4 * SCAN_CHUNK ? CLAMP (g_get_num_processors (), 1, 4) : 1;
  for (guint t = 1; t < n_threads; t++)
    g_ptr_array_add (threads, g_thread_new ("xinzhi-scan", scan_thread, &scan));
  scanner_init (&scanner, &terms, self->cancellable);
  while (scan_chunk (&scan, &scanner))
    {
      /* Progress is reported from this thread only. */
      self->n_done = (guint) g_atomic_int_get (&scan.done);
      _xinzhi_loader_report (self, XINZHI_LOAD_STAGE_DERIVE, (double) self->n_done / self->n_steps);
    }
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  self->n_done = n_documents;

  /* The matcher is done with, and the largest of what deriving holds; so is this
   * thread's scanner, which holds the occurrences of the last document it scanned. */
  g_clear_pointer (&terms.matcher, xinzhi_matcher_free);
  scanner_clear (&scanner);

  /* Each document's mentions go in as they always did: sector by sector, then person
   * by person, each in text order, a copy for each owner that keeps an occurrence;
   * each document's occurrences are let go once copied.  Unless the scan was
   * cancelled, every document was scanned. */
  for (guint d = 0; d < n_documents && !_xinzhi_loader_cancelled (self); d++)
    {
      const Found *found = scan.found[d];

      if (found->too_many > 0)
        {
          g_autofree char *path = _xinzhi_loader_index_path ("$.documents", d);

          /* Translators: the first and third numbers count mentions; the second,
           * characters; the last, characters per mention */
          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_LIMIT, path,
                                  _("the document names sectors, people and concepts more than %lu times, "
                                    "the most its %lu characters allow (%u, and one for every %u "
                                    "characters); each occurrence of a term, name or variant counts once "
                                    "for each sector, person or concept it belongs to"),
                                  (gulong) found->too_many, (gulong) found->n_chars,
                                  MENTIONS_BESIDES, CHARS_PER_MENTION);
        }
      n_records += found->n_mentions;
    }
  records = g_array_sized_new (FALSE, FALSE, sizeof (XinzhiMentionRecord), _xinzhi_loader_cancelled (self) ? 0 : n_records);
  n_mentions_of = g_new0 (guint, MAX (n_owners, 1));
  total_of = g_new0 (guint, MAX (n_owners, 1));
  place_of = g_new0 (guint, MAX (n_owners, 1));
  if (n_concepts > 0)
    pattern_of_record = g_new (guint32, MAX (n_records, 1));
  for (guint d = 0; d < n_documents && self->n_problems == 0 && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_DERIVE); d++)
    {
      XinzhiDocument *document = g_ptr_array_index (documents_in_order, d);
      g_autoptr(Found) found = g_steal_pointer (&scan.found[d]);
      guint next = records->len;

      /* Counted by owner, then placed owner by owner. */
      document->first_mention = records->len;
      document->n_mentions = found->n_mentions;
      g_array_set_size (records, records->len + found->n_mentions);
      g_array_set_size (touched, 0);
      for (guint i = 0; i < found->occurrences->len; i++)
        {
          const Occurrence *occurrence = &g_array_index (found->occurrences, Occurrence, i);
          const guint32 *owners = terms.owners + terms.owner_start[occurrence->pattern];

          for (guint8 kept = found->kept->data[i]; kept != 0; kept &= kept - 1)
            if (n_mentions_of[owners[g_bit_nth_lsf (kept, -1)]]++ == 0)
              g_array_append_val (touched, owners[g_bit_nth_lsf (kept, -1)]);
        }
      g_array_sort (touched, compare_uints);

      g_ptr_array_set_size (document_sectors, 0);
      for (guint t = 0; t < touched->len; t++)
        {
          guint owner = g_array_index (touched, guint, t);
          guint count = n_mentions_of[owner];

          place_of[owner] = next;
          next += count;
          n_mentions_of[owner] = 0;
          total_of[owner] += count;
          if (owner < n_sectors)
            {
              XinzhiSector *sector = g_ptr_array_index (sector_list, owner);

              sector->n_documents++;
              g_ptr_array_add (document_sectors, g_object_ref (sector));
              xinzhi_earliest_add (&sector->first_mention, &document->date, document->date_estimated);
            }
          else if (owner >= n_sectors + n_people)
            {
              XinzhiConcept *concept = g_ptr_array_index (concept_list, owner - n_sectors - n_people);

              concept->n_documents++;
            }
        }
      g_list_store_splice (document->sectors, 0, 0, document_sectors->pdata, document_sectors->len);

      for (guint i = 0; i < found->occurrences->len; i++)
        {
          const Occurrence *occurrence = &g_array_index (found->occurrences, Occurrence, i);
          const guint32 *owners = terms.owners + terms.owner_start[occurrence->pattern];

          for (guint8 kept = found->kept->data[i]; kept != 0; kept &= kept - 1)
            {
              guint32 owner = owners[g_bit_nth_lsf (kept, -1)];

              if (pattern_of_record != NULL)
                pattern_of_record[place_of[owner]] = occurrence->pattern;
              g_array_index (records, XinzhiMentionRecord, place_of[owner]++) =
                (XinzhiMentionRecord) { d, occurrence->paragraph, occurrence->start, occurrence->end, owner };
            }
        }
    }
  for (guint d = 0; d < n_documents; d++)
    g_clear_pointer (&scan.found[d], found_free);
  g_free (scan.found);
  if (self->n_problems > 0 || _xinzhi_loader_cancelled (self))
    return;

  /* Each sector's and person's mentions go by the date of their document (its rank by
   * date, then id), and those of one document in the order they were found, as they
   * did when they were sorted in a GListStore with g_list_store_sort(), which is
   * stable: taking the documents by date does that without a sort. */
  indices_of = g_new0 (GArray *, MAX (n_owners, 1));
  for (guint o = 0; o < n_owners; o++)
    indices_of[o] = g_array_sized_new (FALSE, FALSE, sizeof (guint32), total_of[o]);
  /* A document's records come owner by owner: each owner's run is added at once, and
   * for a person, the document, once, to those that name the person. */
  documents_naming = g_new0 (GArray *, MAX (n_people, 1));
  for (guint r = 0; r < n_documents && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_DERIVE); r++)
    {
      XinzhiDocument *document = g_ptr_array_index (by_date, r);
      guint32 end = document->first_mention + document->n_mentions;

      for (guint32 m = document->first_mention, next; m < end; m = next)
        {
          guint32 owner = g_array_index (records, XinzhiMentionRecord, m).owner;
          GArray *indices = indices_of[owner];
          guint32 d;

          for (next = m + 1; next < end && g_array_index (records, XinzhiMentionRecord, next).owner == owner; next++)
            ;
          g_array_set_size (indices, indices->len + (next - m));
          for (guint32 i = m; i < next; i++)
            g_array_index (indices, guint32, indices->len - (next - i)) = i;

          if (owner < n_sectors || owner >= n_sectors + n_people)
            continue;
          d = g_array_index (records, XinzhiMentionRecord, m).document;
          if (documents_naming[owner - n_sectors] == NULL)
            documents_naming[owner - n_sectors] = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_array_append_val (documents_naming[owner - n_sectors], d);
        }
    }

  for (guint s = 0; s < n_sectors; s++)
    {
      XinzhiSector *sector = g_ptr_array_index (sector_list, s);

      if (sector->n_documents == 0)
        {
          g_autofree char *path = _xinzhi_loader_index_path ("$.sectors", s);

          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, path,
                                  _("no term of sector “%s” occurs in any document"), sector->id);
        }

      sector->mention_indices = g_steal_pointer (&indices_of[s]);
    }

  /* Each concept's mentions, each with the variant it is, the pattern it was found by;
   * every variant must be found on its own somewhere, as every sector's terms must be
   * found together. */
  for (guint c = 0; c < n_concepts && !_xinzhi_loader_cancelled (self); c++)
    {
      XinzhiConcept *concept = g_ptr_array_index (concept_list, c);
      guint n_variants = g_strv_length (concept->variants);
      g_autofree guint *found = g_new0 (guint, n_variants);

      concept->mention_indices = g_steal_pointer (&indices_of[n_sectors + n_people + c]);
      g_array_set_size (concept->mention_variants, concept->mention_indices->len);
      for (guint m = 0; m < concept->mention_indices->len; m++)
        {
          guint32 record = g_array_index (concept->mention_indices, guint32, m);
          guint variant = g_array_index (variant_of_pattern, guint, pattern_of_record[record]);

          g_array_index (concept->mention_variants, guint, m) = variant;
          found[variant]++;
        }

      for (guint v = 0; v < n_variants; v++)
        if (found[v] == 0)
          {
            g_autofree char *path = _xinzhi_loader_index_path ("$.concepts", c);
            g_autofree char *vpath = _xinzhi_loader_member_path (path, "variants");
            g_autofree char *ipath = _xinzhi_loader_index_path (vpath, v);

            _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_NOT_IN_TEXT, ipath,
                                    _("the variant “%s” occurs in no document (or only inside a longer "
                                      "variant of the same concept)"),
                                    concept->variants[v]);
          }
    }
  g_clear_pointer (&pattern_of_record, g_free);

  /* The people of each document, person by person: those it names, then those it gives
   * a role. */
  for (guint p = 0; p < n_people && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_DERIVE); p++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, p);
      g_autoptr(GArray) naming = g_steal_pointer (&documents_naming[p]);

      for (guint i = 0; naming != NULL && i < naming->len; i++)
        add_unique (seen, XINZHI_DOCUMENT (g_ptr_array_index (documents_in_order, g_array_index (naming, guint32, i)))->people,
                    person);
      for (guint r = 0; r < person->roles->len; r++)
        add_unique (seen, g_array_index (person->roles, XinzhiRole, r).document->people, person);

      person->mention_indices = g_steal_pointer (&indices_of[n_sectors + p]);
    }
  for (guint o = 0; o < n_owners; o++)
    g_clear_pointer (&indices_of[o], g_array_unref);
  for (guint p = 0; p < n_people; p++)
    g_clear_pointer (&documents_naming[p], g_array_unref);

  links.records = (const XinzhiMentionRecord *) (gpointer) records->data;
  links.n_sectors = n_sectors;
  links.places = g_new0 (GArray *, MAX (n_documents, 1));
  links.named = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, named_free);
  links.taken = g_new0 (guint32, MAX (n_sectors, 1));
  links.named_by = g_new0 (guint32, MAX (n_sectors, 1));

  /* Quotes: by speaker, by document, by event. */
  for (guint q = 0; q < g_list_model_get_n_items (quotes) && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_DERIVE); q++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, q);
      guint d = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, quote->document));

      g_list_store_append (G_LIST_STORE (xinzhi_person_get_quotes (quote->person)), quote);
      if (quotes_of[d] == NULL)
        quotes_of[d] = g_array_new (FALSE, FALSE, sizeof (Ranked));
      g_array_append_val (quotes_of[d], ((Ranked) { quote, q }));

      g_array_set_size (taken, 0);
      links_take_quote (&links, d, quote, taken);
      splice_sectors (quote->sectors, taken, sector_list);

      add_unique (seen, quote->document->people, quote->person);
      for (guint e = 0; e < g_list_model_get_n_items (G_LIST_MODEL (quote->events)); e++)
        {
          g_autoptr(XinzhiEvent) event = g_list_model_get_item (G_LIST_MODEL (quote->events), e);

          g_list_store_append (event->quotes, quote);
        }
    }

  /* Events: their documents, and the sectors their source paragraphs name. */
  for (guint e = 0; e < g_list_model_get_n_items (events) && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_DERIVE); e++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, e);

      g_array_set_size (taken, 0);
      links_begin (&links);
      for (guint s = 0; s < event->source_documents->len; s++)
        {
          XinzhiDocument *document = g_ptr_array_index (event->source_documents, s);
          guint paragraph = g_array_index (event->source_paragraphs, guint, s);
          guint d = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, document));
          Named *named;

          if (event_of[d] != e + 1)
            {
              event_of[d] = e + 1;
              if (events_of[d] == NULL)
                events_of[d] = g_array_new (FALSE, FALSE, sizeof (Ranked));
              g_array_append_val (events_of[d], ((Ranked) { event, e }));
            }

          /* A paragraph cited twice adds nothing. */
          named = links_get_named (&links, d, document, paragraph);
          if (named->mark == links.mark)
            continue;
          named->mark = links.mark;
          for (guint i = 0; i < named->sectors->len && taken->len <= MAX_EVENT_SECTORS; i++)
            links_take (&links, taken, g_array_index (named->sectors, guint, i));
          if (taken->len > MAX_EVENT_SECTORS || _xinzhi_loader_cancelled_after (self, 1 + named->sectors->len))
            break;
        }
      if (taken->len > MAX_EVENT_SECTORS)
        {
          g_autofree char *path = _xinzhi_loader_index_path ("$.events", e);
          g_autofree char *spath = _xinzhi_loader_member_path (path, "sources");

          _xinzhi_loader_problem (self, XINZHI_CORPUS_ERROR_LIMIT, spath,
                                  _("the cited paragraphs name more than %u sectors; an event may name at most %u"),
                                  MAX_EVENT_SECTORS, MAX_EVENT_SECTORS);
          continue;
        }
      splice_sectors (event->sectors, taken, sector_list);
    }

  for (guint d = 0; d < n_documents && _xinzhi_loader_step (self, XINZHI_LOAD_STAGE_DERIVE); d++)
    {
      XinzhiDocument *document = g_ptr_array_index (documents_in_order, d);

      splice_sorted (document->quotes, quotes_of[d], compare_quotes_in_text);
      splice_sorted (document->events, events_of[d], compare_events);
    }
  for (guint d = 0; d < n_documents; d++)
    {
      g_clear_pointer (&quotes_of[d], g_array_unref);
      g_clear_pointer (&events_of[d], g_array_unref);
    }

  /* The quotes as lists show them (xinzhi_corpus_get_quotes_newest_first()): the
   * documents by date from the newest, each one's quotes in text order.  No comparison
   * of quotes: the documents are sorted already, and so are their quotes.  A list that
   * sorts them again (the Quotes view, 10,000 of them) then finds them in order, which
   * takes it one pass in place of some 60 ms on the main thread. */
  {
    GPtrArray *newest_first = g_ptr_array_new_full (g_list_model_get_n_items (quotes), g_object_unref);

    for (guint r = by_date->len; r-- > 0;)
      {
        XinzhiDocument *document = g_ptr_array_index (by_date, r);
        GListModel *of_document = G_LIST_MODEL (document->quotes);

        for (guint q = 0; q < g_list_model_get_n_items (of_document); q++)
          g_ptr_array_add (newest_first, g_list_model_get_item (of_document, q));
      }
    g_clear_object (&self->quotes_newest_first);
    self->quotes_newest_first = G_LIST_MODEL (xinzhi_item_array_new (XINZHI_TYPE_QUOTE, newest_first));
  }
  /* And the documents so sorted (xinzhi_corpus_get_documents_by_date()). */
  g_clear_object (&self->documents_by_date);
  self->documents_by_date = G_LIST_MODEL (xinzhi_item_array_new (XINZHI_TYPE_DOCUMENT, g_steal_pointer (&by_date)));
  links_clear (&links, n_documents);
  for (guint e = 0; e < g_list_model_get_n_items (events) && !_xinzhi_loader_cancelled_after (self, 1); e++)
    {
      g_autoptr(XinzhiEvent) event = g_list_model_get_item (events, e);

      g_list_store_sort (event->quotes, compare_quotes, NULL);
    }

  /* The mention objects are made from the records when a list is first asked for. */
  table = xinzhi_mention_table_new (g_steal_pointer (&records), documents, sectors, people, concepts);
  for (guint d = 0; d < n_documents; d++)
    XINZHI_DOCUMENT (g_ptr_array_index (table->documents, d))->mention_table = xinzhi_mention_table_ref (table);
  for (guint s = 0; s < n_sectors; s++)
    XINZHI_SECTOR (g_ptr_array_index (table->sectors, s))->mention_table = xinzhi_mention_table_ref (table);
  for (guint p = 0; p < n_people; p++)
    XINZHI_PERSON (g_ptr_array_index (table->people, p))->mention_table = xinzhi_mention_table_ref (table);
  for (guint c = 0; c < n_concepts; c++)
    XINZHI_CONCEPT (g_ptr_array_index (table->concepts, c))->mention_table = xinzhi_mention_table_ref (table);
  xinzhi_mention_table_unref (table);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The instance structures of the model, shared by the classes and the corpus loader,
 * which fills them in.  Nothing outside src/model/ includes this header.
 *
 * Ownership: the corpus holds a strong reference to every object.  Links between
 * objects (a quote's person, a sector's mentions) are strong too, so a view may keep
 * any object alive on its own; the cycles this makes are broken by
 * xinzhi_*_unlink(), which the corpus calls on every object when it is disposed.
 */

#include "xinzhi-corpus.h"

G_BEGIN_DECLS

/* Whether @c is a letter or digit of an alphabetic script: a term or name that starts
 * or ends with one matches only at a word boundary there (docs/corpus-format.md). */
static inline gboolean
_xinzhi_is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) && !g_unichar_iswide (c);
}

/* The mentions of a corpus, found at load time and kept as plain records, twenty bytes
 * each; a list's XinzhiMention objects are made when the list is first asked for.  A
 * large corpus has hundreds of thousands of mentions, and a view shows those of one
 * sector, person, concept or document at a time.  Shared, with a reference count, by
 * the corpus's documents, sectors, people and concepts; it holds them strongly, and each object's
 * unlink drops its reference. */
typedef struct
{
  guint32 document;   /* index in documents */
  guint32 paragraph;
  guint32 start;
  guint32 end;
  guint32 owner;      /* a sector's index, the number of sectors + a person's, or the
                       * numbers of sectors and people + a concept's */
} XinzhiMentionRecord;

typedef struct
{
  GArray    *records;    /* of XinzhiMentionRecord, document by document */
  GPtrArray *documents;  /* of XinzhiDocument, in corpus order */
  GPtrArray *sectors;    /* of XinzhiSector, in corpus order */
  GPtrArray *people;     /* of XinzhiPerson, in corpus order */
  GPtrArray *concepts;   /* of XinzhiConcept, in corpus order */
} XinzhiMentionTable;

XinzhiMentionTable *xinzhi_mention_table_new   (GArray             *records,
                                                GListModel         *documents,
                                                GListModel         *sectors,
                                                GListModel         *people,
                                                GListModel         *concepts);
XinzhiMentionTable *xinzhi_mention_table_ref   (XinzhiMentionTable *self);
void                xinzhi_mention_table_unref (XinzhiMentionTable *self);
void                xinzhi_mention_table_fill  (XinzhiMentionTable *self,
                                                GListStore         *store,
                                                const guint32      *indices,
                                                guint               n_indices);
void                xinzhi_mention_table_make_list  (XinzhiMentionTable **table,
                                                     GArray             **indices,
                                                     GListStore          *store);
guint               xinzhi_mention_table_count_list (GArray              *indices,
                                                     GListStore          *store);

/* Told of one mention of a list, without its object being made: its document, and
 * that document's position in the corpus when known (G_MAXUINT when not). */
typedef void (*XinzhiMentionListFunc) (XinzhiDocument *document,
                                       guint           document_index,
                                       guint           paragraph,
                                       guint           start,
                                       guint           end,
                                       gpointer        user_data);

void                xinzhi_mention_table_foreach_in_list (XinzhiMentionTable    *table,
                                                          GArray                *indices,
                                                          GListStore            *store,
                                                          XinzhiMentionListFunc  func,
                                                          gpointer               user_data);

struct _XinzhiDocument
{
  GObject      parent_instance;

  char        *id;
  char        *title;
  char        *outlet;
  char        *outlet_note;
  GStrv        byline;
  XinzhiDate   date;
  gboolean     date_estimated;
  char        *date_note;
  char        *url;
  char        *language;
  GArray      *paragraphs;   /* of XinzhiParagraph */
  char        *title_key;    /* the title's collation key, made when first asked for */
  char        *date_label;   /* the date for display, made when first asked for */

  /* Derived at load time. */
  XinzhiMentionTable *mention_table;  /* NULL once made or unlinked */
  guint        first_mention; /* its records in the table, in the order found */
  guint        n_mentions;
  GListStore  *mentions;     /* of XinzhiMention, in text order; made when asked for */
  GListStore  *quotes;       /* of XinzhiQuote, in text order */
  GListStore  *sectors;      /* of XinzhiSector, in corpus order */
  GListStore  *people;       /* of XinzhiPerson, in corpus order */
  GListStore  *events;       /* of XinzhiEvent, as xinzhi_event_compare() */
};

typedef struct
{
  char           *text;
  XinzhiDocument *document;
} XinzhiRole;

struct _XinzhiPerson
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *name_zh;
  GStrv       variants;
  GArray     *roles;         /* of XinzhiRole */

  GListStore *quotes;                 /* NULL until first asked for or added to */
  XinzhiMentionTable *mention_table;  /* NULL once made or unlinked */
  GArray     *mention_indices;        /* of guint32: records, by document date */
  GListStore *mentions;               /* made from those when asked for (NULL before) */
};

struct _XinzhiSector
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *name_zh;
  char       *group_id;
  char       *group_name;
  char       *group_name_zh;
  guint       group_position;
  GStrv       terms;

  XinzhiMentionTable *mention_table;  /* NULL once made or unlinked */
  GArray     *mention_indices;        /* of guint32: records, by document date */
  GListStore *mentions;               /* made from those when asked for (NULL before) */
  guint       n_documents;
  XinzhiEarliest first_mention;       /* of the dates of its documents */
};

struct _XinzhiConcept
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *name_zh;
  char       *note;
  GStrv       variants;

  XinzhiMentionTable *mention_table;  /* NULL once made or unlinked */
  GArray     *mention_indices;        /* of guint32: records, by document date */
  GListStore *mentions;               /* made from those when asked for */
  GArray     *mention_variants;       /* of guint: each mention's variant, in that order */
  GPtrArray  *variant_mentions;       /* per variant: a GListStore, made when asked for */
  guint       n_documents;
};

struct _XinzhiEvent
{
  GObject          parent_instance;

  char            *id;
  char            *title;
  char            *title_zh;
  char            *summary;
  XinzhiEventKind  kind;
  XinzhiDate       start;
  XinzhiDate       end;
  gboolean         date_estimated;
  char            *date_note;
  GPtrArray       *source_documents; /* of XinzhiDocument */
  GArray          *source_paragraphs; /* of guint */

  GListStore      *people;
  GListStore      *quotes;           /* oldest first, as xinzhi_quote_compare() */
  GListStore      *sectors;

  /* Set while the event is the extractor's suggestion, not yet reviewed. */
  char            *rule;             /* the rule that found it */
  char            *evidence;         /* its date's words, in its first source */
  char            *suggestion_note;  /* (nullable): what the extractor said of it */
};

struct _XinzhiQuote
{
  GObject          parent_instance;

  char            *id;
  XinzhiPerson    *person;
  XinzhiDocument  *document;
  XinzhiQuoteKind  kind;
  char            *text;
  guint            paragraph;
  guint            start;
  guint            end;

  GListStore      *events;
  GListStore      *sectors;  /* named within the quoted words */

  /* Set while the quote is the extractor's suggestion, not yet reviewed. */
  char            *rule;            /* the rule that found it */
  char            *evidence;        /* the words it was found by, in its paragraph */
  char            *suggestion_note; /* (nullable): how its speaker was resolved */
  guint            evidence_start;  /* where the evidence is in the paragraph */
};

void xinzhi_document_unlink (XinzhiDocument *self);
void xinzhi_person_unlink   (XinzhiPerson   *self);
void xinzhi_sector_unlink   (XinzhiSector   *self);
void xinzhi_event_unlink    (XinzhiEvent    *self);
void xinzhi_quote_unlink    (XinzhiQuote    *self);
void xinzhi_concept_unlink  (XinzhiConcept  *self);

G_END_DECLS

G_BEGIN_DECLS

/* Filled in by the loader (xinzhi-corpus-loader.c). */
typedef struct
{
  char       *title;
  char       *checksum;     /* of the file (xinzhi_corpus_compute_checksum()) */
  GListStore *documents;
  GListModel *documents_by_date;    /* the same, oldest first (derived: XinzhiItemArray) */
  GListStore *people;
  GListStore *sectors;
  GListStore *events;
  GListStore *quotes;
  GListModel *quotes_newest_first;  /* the same, as lists show them (derived: XinzhiItemArray) */
  GListStore *concepts;
  /* id → object, borrowed from the lists above */
  GHashTable *document_ids;
  GHashTable *person_ids;
  GHashTable *sector_ids;
  GHashTable *event_ids;
  GHashTable *quote_ids;
  GHashTable *concept_ids;
} XinzhiCorpusContents;

/* The stages of loading a corpus file, in order.  Each starts at a progress figure of
 * its own (xinzhi_load_stage_start()), so that progress moves about evenly in time:
 * each stage's share of the instructions of loading a synthetic corpus
 * (docs/benchmarks.md, "load"; callgrind, 1,000 articles, 0.60 G in all): raw check
 * and UTF-8 about 7%, parsing 11%, reading the items 29%, deriving 53%; since then the
 * raw check makes the file's checksum too (SHA-1 first, some 100 ms of a 1.2 s load of
 * 47 MB, for which the stage was given 14%; xinzhi-checksum.c now, a few ms), and
 * reading the file takes 2 to 3% of the time of a load from the page cache, more from
 * a slow disk. */
typedef enum
{
  XINZHI_LOAD_STAGE_FILE,    /* xinzhi_read_file_with_progress(): by bytes */
  XINZHI_LOAD_STAGE_RAW,     /* _xinzhi_loader_check_raw(): by bytes */
  XINZHI_LOAD_STAGE_PARSE,   /* xinzhi_json_parse(): by objects, counted by _xinzhi_loader_check_raw() */
  XINZHI_LOAD_STAGE_READ,    /* _xinzhi_loader_read_*(): by items */
  XINZHI_LOAD_STAGE_DERIVE,  /* _xinzhi_loader_derive(): by steps */
  XINZHI_LOAD_N_STAGES
} XinzhiLoadStage;

double      xinzhi_load_stage_start   (XinzhiLoadStage stage);
XinzhiLoadStage xinzhi_load_stage_of  (double          fraction);
const char *xinzhi_load_stage_name    (XinzhiLoadStage stage);

void     xinzhi_corpus_contents_clear (XinzhiCorpusContents     *contents);
gboolean xinzhi_corpus_load           (GBytes                   *bytes,
                                       const char               *name,
                                       GCancellable             *cancellable,
                                       XinzhiCorpusProgressFunc  progress,
                                       gpointer                  user_data,
                                       XinzhiCorpusContents     *contents,
                                       GError                  **error);

G_END_DECLS

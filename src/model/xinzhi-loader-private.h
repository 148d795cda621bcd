/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the stages of the corpus loader share: the Loader they fill in, and the
 * functions one stage calls in another (prefixed _xinzhi_loader_).  Private to the
 * loader: only xinzhi-corpus-loader.c and xinzhi-loader-*.c include it, and nothing is
 * installed.  Every other helper of a stage stays static in its file.  The files call
 * each other in one direction only, so there is no cycle among them:
 *
 *   xinzhi-corpus-loader.c (the entry point) → check, read, places, derive, fields
 *   read → places
 *   check, read, places, derive → fields
 */

#include <gio/gio.h>

#include "xinzhi-json.h"
#include "xinzhi-model-private.h"

G_BEGIN_DECLS

/* The longest string, in characters, that a paragraph, quote, role or summary ("text"
 * and "summary" members) may hold, and that any other string may hold: a title, a name
 * or an id longer than that is a mistake, and a view that laid it out would stall. */
#define MAX_TEXT_LENGTH 100000
#define MAX_LINE_LENGTH 1000

/* Bidirectional controls nest at most this deep (_xinzhi_loader_unclosed_bidi()). */
#define MAX_BIDI_DEPTH 64
#define TOO_DEEP G_MAXUINT32

typedef struct
{
  const char *name;
  gint64      version;        /* the file's format version */
  GPtrArray  *problems;       /* of char * */
  int         first_code;
  guint       n_problems;

  char       *title;
  GPtrArray  *groups;         /* of Group * */
  GHashTable *group_ids;      /* id → Group *, borrowed */
  GListStore *documents;
  GHashTable *document_ids;   /* id → XinzhiDocument *, borrowed */
  GListStore *people;
  GHashTable *person_ids;
  GListStore *sectors;
  GHashTable *sector_ids;
  GListStore *events;
  GHashTable *event_ids;
  GListStore *quotes;
  GHashTable *quote_ids;
  /* Made by _xinzhi_loader_derive() */
  GListModel *quotes_newest_first;   /* the same quotes, as lists show them */
  GListModel *documents_by_date;     /* the documents, oldest first */
  GListStore *concepts;
  GHashTable *concept_ids;

  /* Of every person's variants, those that occur in some document
   * (_xinzhi_loader_read_people()). */
  GHashTable *variants_found; /* set of char * */
  /* Where the texts of quotes, roles and dates are found (_xinzhi_loader_find_place()). */
  GHashTable *places;         /* set of Place * */

  /* Cancelling and progress. */
  GCancellable             *cancellable;
  XinzhiCorpusProgressFunc  progress;
  gpointer                  progress_data;
  guint                     reported;      /* in thousandths, the last told */
  gsize                     size;          /* of the file */
  char                     *checksum;      /* of the file (xinzhi-checksum.c), made by the raw check */
  guint                     n_parsed;      /* of them, parsed so far */
  guint                     n_steps;       /* steps of the current stage */
  guint                     n_done;        /* of them, done so far */
  guint                     n_document_items; /* in the file's documents array: the read
                                               * stage's steps of each pass of places */
  gsize                     work;          /* since a cancel was last looked for */
} Loader;

typedef struct
{
  char  *id;
  char  *name;
  char  *name_zh;
  guint  position;
} Group;

/* A place in the parsed file, for the messages about member names
 * (xinzhi-loader-check.c). */
typedef struct _Where Where;

/* xinzhi-loader-fields.c: problems, progress, paths and the getters. */
G_GNUC_PRINTF (4, 5)
void                  _xinzhi_loader_problem         (Loader               *self,
                                                      int                   code,
                                                      const char           *path,
                                                      const char           *format,
                                                      ...);
void                  _xinzhi_loader_report          (Loader               *self,
                                                      XinzhiLoadStage       stage,
                                                      double                done);
gboolean              _xinzhi_loader_cancelled       (Loader               *self);
gboolean              _xinzhi_loader_cancelled_after (Loader               *self,
                                                      gsize                 count);
void                  _xinzhi_loader_begin_stage     (Loader               *self,
                                                      XinzhiLoadStage       stage,
                                                      guint                 n_steps);
gboolean              _xinzhi_loader_step            (Loader               *self,
                                                      XinzhiLoadStage       stage);
const char           *_xinzhi_loader_node_type_name  (const XinzhiJsonNode *node);
char                 *_xinzhi_loader_member_path     (const char           *path,
                                                      const char           *member);
char                 *_xinzhi_loader_index_path      (const char           *path,
                                                      guint                 index);
void                  _xinzhi_loader_check_members   (Loader               *self,
                                                      const XinzhiJsonNode *object,
                                                      const char           *path,
                                                      const char * const   *allowed);
const XinzhiJsonNode *_xinzhi_loader_get_member      (Loader               *self,
                                                      const XinzhiJsonNode *object,
                                                      const char           *path,
                                                      const char           *member,
                                                      gboolean              required);
gunichar              _xinzhi_loader_unclosed_bidi   (const char           *value);
const char           *_xinzhi_loader_get_string      (Loader               *self,
                                                      const XinzhiJsonNode *object,
                                                      const char           *path,
                                                      const char           *member,
                                                      gboolean              required);
const XinzhiJsonNode *_xinzhi_loader_get_array       (Loader               *self,
                                                      const XinzhiJsonNode *object,
                                                      const char           *path,
                                                      const char           *member,
                                                      gboolean              required);
gboolean              _xinzhi_loader_get_boolean     (Loader               *self,
                                                      const XinzhiJsonNode *object,
                                                      const char           *path,
                                                      const char           *member);
const XinzhiJsonNode *_xinzhi_loader_as_object       (Loader               *self,
                                                      const XinzhiJsonNode *node,
                                                      const char           *path);
GStrv                 _xinzhi_loader_get_strv        (Loader               *self,
                                                      const XinzhiJsonNode *object,
                                                      const char           *path,
                                                      const char           *member,
                                                      gboolean              required);
const char           *_xinzhi_loader_get_id          (Loader               *self,
                                                      const XinzhiJsonNode *object,
                                                      const char           *path,
                                                      GHashTable           *ids,
                                                      const char           *kind);
gboolean              _xinzhi_loader_get_date        (Loader               *self,
                                                      const XinzhiJsonNode *object,
                                                      const char           *path,
                                                      const char           *member,
                                                      gboolean              required,
                                                      XinzhiDate           *date);

/* xinzhi-loader-check.c: before the items are read. */
gboolean              _xinzhi_loader_check_raw       (Loader               *self,
                                                      const char           *data,
                                                      gsize                 size);
void                  _xinzhi_loader_check_names     (Loader               *self,
                                                      const XinzhiJsonNode *node,
                                                      const Where          *where);

/* xinzhi-loader-places.c: where the quoted words are found. */
guint                 _xinzhi_loader_place_hash       (gconstpointer         data);
gboolean              _xinzhi_loader_place_equal      (gconstpointer         a,
                                                       gconstpointer         b);
gboolean              _xinzhi_loader_find_place       (Loader               *self,
                                                       XinzhiDocument       *document,
                                                       guint                 paragraph,
                                                       const char           *text,
                                                       guint                *found_paragraph,
                                                       gsize                *start);
void                  _xinzhi_loader_find_text_places (Loader               *self,
                                                       const XinzhiJsonNode *people,
                                                       const XinzhiJsonNode *quotes);
void                  _xinzhi_loader_find_date_places (Loader               *self,
                                                       const XinzhiJsonNode *events);
void                  _xinzhi_loader_find_evidence_places (Loader           *self,
                                                           GPtrArray        *quotes);

/* xinzhi-loader-read.c: the readers of each kind, in the order they are called. */
void                  _xinzhi_loader_read_groups     (Loader               *self,
                                                      const XinzhiJsonNode *array);
void                  _xinzhi_loader_read_documents  (Loader               *self,
                                                      const XinzhiJsonNode *array);
void                  _xinzhi_loader_read_people     (Loader               *self,
                                                      const XinzhiJsonNode *array);
void                  _xinzhi_loader_read_sectors    (Loader               *self,
                                                      const XinzhiJsonNode *array);
void                  _xinzhi_loader_read_events     (Loader               *self,
                                                      const XinzhiJsonNode *array);
void                  _xinzhi_loader_read_quotes     (Loader               *self,
                                                      const XinzhiJsonNode *array);
void                  _xinzhi_loader_read_concepts   (Loader               *self,
                                                      const XinzhiJsonNode *array);

/* xinzhi-loader-derive.c: mentions and links, once everything is read. */
void                  _xinzhi_loader_derive          (Loader               *self);

G_END_DECLS

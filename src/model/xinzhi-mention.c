/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-mention.h"
#include "xinzhi-model-private.h"

struct _XinzhiMention
{
  GObject         parent_instance;

  XinzhiDocument *document;
  XinzhiSector   *sector;
  XinzhiPerson   *person;
  XinzhiConcept  *concept;
  guint           paragraph;
  guint           start;
  guint           end;
};

G_DEFINE_FINAL_TYPE (XinzhiMention, xinzhi_mention, G_TYPE_OBJECT)

static void
xinzhi_mention_dispose (GObject *object)
{
  XinzhiMention *self = XINZHI_MENTION (object);

  g_clear_object (&self->document);
  g_clear_object (&self->sector);
  g_clear_object (&self->person);
  g_clear_object (&self->concept);

  G_OBJECT_CLASS (xinzhi_mention_parent_class)->dispose (object);
}

static void
xinzhi_mention_class_init (XinzhiMentionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xinzhi_mention_dispose;
}

static void
xinzhi_mention_init (XinzhiMention *self)
{
}

/**
 * xinzhi_mention_new:
 * @document: the document
 * @paragraph: the paragraph's index
 * @start: the byte offset of the match in the paragraph's text
 * @end: the byte offset just past it
 * @sector: (nullable): the sector mentioned
 * @person: (nullable): the person mentioned
 * @concept: (nullable): the concept mentioned
 *
 * A place in the text that mentions a sector, a person or a concept: exactly one of
 * them.
 *
 * Returns: (transfer full): a new mention
 */
XinzhiMention *
xinzhi_mention_new (XinzhiDocument *document,
                    guint           paragraph,
                    guint           start,
                    guint           end,
                    XinzhiSector   *sector,
                    XinzhiPerson   *person,
                    XinzhiConcept  *concept)
{
  XinzhiMention *self;

  g_return_val_if_fail (XINZHI_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail ((sector != NULL) + (person != NULL) + (concept != NULL) == 1, NULL);

  self = g_object_new (XINZHI_TYPE_MENTION, NULL);
  self->document = g_object_ref (document);
  self->paragraph = paragraph;
  self->start = start;
  self->end = end;
  g_set_object (&self->sector, sector);
  g_set_object (&self->person, person);
  g_set_object (&self->concept, concept);

  return self;
}

XinzhiDocument *
xinzhi_mention_get_document (XinzhiMention *self)
{
  g_return_val_if_fail (XINZHI_IS_MENTION (self), NULL);
  return self->document;
}

guint
xinzhi_mention_get_paragraph (XinzhiMention *self)
{
  g_return_val_if_fail (XINZHI_IS_MENTION (self), 0);
  return self->paragraph;
}

guint
xinzhi_mention_get_start (XinzhiMention *self)
{
  g_return_val_if_fail (XINZHI_IS_MENTION (self), 0);
  return self->start;
}

guint
xinzhi_mention_get_end (XinzhiMention *self)
{
  g_return_val_if_fail (XINZHI_IS_MENTION (self), 0);
  return self->end;
}

XinzhiSector *
xinzhi_mention_get_sector (XinzhiMention *self)
{
  g_return_val_if_fail (XINZHI_IS_MENTION (self), NULL);
  return self->sector;
}

XinzhiPerson *
xinzhi_mention_get_person (XinzhiMention *self)
{
  g_return_val_if_fail (XINZHI_IS_MENTION (self), NULL);
  return self->person;
}

XinzhiConcept *
xinzhi_mention_get_concept (XinzhiMention *self)
{
  g_return_val_if_fail (XINZHI_IS_MENTION (self), NULL);
  return self->concept;
}

/**
 * xinzhi_mention_dup_text:
 *
 * Returns: (transfer full): the matched words, as they stand in the text
 */
char *
xinzhi_mention_dup_text (XinzhiMention *self)
{
  const XinzhiParagraph *paragraph;

  g_return_val_if_fail (XINZHI_IS_MENTION (self), NULL);

  paragraph = xinzhi_document_get_paragraph (self->document, self->paragraph);
  return g_strndup (paragraph->text + self->start, self->end - self->start);
}

/* ---------------------------------------------------------------------------------- */
/* The table of a corpus's mentions (xinzhi-model-private.h)                           */
/* ---------------------------------------------------------------------------------- */

static GPtrArray *
ref_all (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

/**
 * xinzhi_mention_table_new:
 * @records: (transfer full): every mention, document by document
 * @documents: the corpus's documents, which the records' indices refer to
 * @sectors: its sectors
 * @people: its people
 * @concepts: its concepts
 *
 * Returns: (transfer full): a table, with one reference
 */
XinzhiMentionTable *
xinzhi_mention_table_new (GArray     *records,
                          GListModel *documents,
                          GListModel *sectors,
                          GListModel *people,
                          GListModel *concepts)
{
  XinzhiMentionTable *self = g_atomic_rc_box_new0 (XinzhiMentionTable);

  self->records = records;
  self->documents = ref_all (documents);
  self->sectors = ref_all (sectors);
  self->people = ref_all (people);
  self->concepts = ref_all (concepts);
  return self;
}

XinzhiMentionTable *
xinzhi_mention_table_ref (XinzhiMentionTable *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
table_clear (gpointer data)
{
  XinzhiMentionTable *self = data;

  g_array_unref (self->records);
  g_ptr_array_unref (self->documents);
  g_ptr_array_unref (self->sectors);
  g_ptr_array_unref (self->people);
  g_ptr_array_unref (self->concepts);
}

void
xinzhi_mention_table_unref (XinzhiMentionTable *self)
{
  g_atomic_rc_box_release_full (self, table_clear);
}

/* Appends to @store, at once, a mention object for each of the records @indices name. */
void
xinzhi_mention_table_fill (XinzhiMentionTable *self,
                           GListStore         *store,
                           const guint32      *indices,
                           guint               n_indices)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_full (n_indices, g_object_unref);
  guint n_sectors = self->sectors->len;
  guint n_people = self->people->len;

  for (guint i = 0; i < n_indices; i++)
    {
      const XinzhiMentionRecord *record = &g_array_index (self->records, XinzhiMentionRecord, indices[i]);
      guint owner = record->owner;
      XinzhiSector *sector = NULL;
      XinzhiPerson *person = NULL;
      XinzhiConcept *concept = NULL;

      if (owner < n_sectors)
        sector = g_ptr_array_index (self->sectors, owner);
      else if (owner < n_sectors + n_people)
        person = g_ptr_array_index (self->people, owner - n_sectors);
      else
        concept = g_ptr_array_index (self->concepts, owner - n_sectors - n_people);

      g_ptr_array_add (mentions, xinzhi_mention_new (g_ptr_array_index (self->documents, record->document),
                                                     record->paragraph, record->start, record->end,
                                                     sector, person, concept));
    }

  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       mentions->pdata, mentions->len);
}

/* Makes a sector's, person's or concept's mention objects the first time its list is asked for:
 * fills @store from the records *@indices names, then drops *@table and *@indices. */
void
xinzhi_mention_table_make_list (XinzhiMentionTable **table,
                                GArray             **indices,
                                GListStore          *store)
{
  if (*table == NULL)
    return;

  xinzhi_mention_table_fill (*table, store, (const guint32 *) (*indices)->data, (*indices)->len);
  g_clear_pointer (table, xinzhi_mention_table_unref);
  g_clear_pointer (indices, g_array_unref);
}

/* The length of a sector's, person's or concept's mention list, made or not (or
 * without any). */
guint
xinzhi_mention_table_count_list (GArray     *indices,
                                 GListStore *store)
{
  if (indices != NULL)
    return indices->len;
  return store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (store)) : 0;
}

/* Tells @func of every mention of a sector's, person's or concept's list, in its order:
 * from the records while the list is not made, so that a search that follows a sector
 * to its articles makes no objects, and from the objects once it is. */
void
xinzhi_mention_table_foreach_in_list (XinzhiMentionTable    *table,
                                      GArray                *indices,
                                      GListStore            *store,
                                      XinzhiMentionListFunc  func,
                                      gpointer               user_data)
{
  if (table != NULL)
    {
      for (guint i = 0; i < indices->len; i++)
        {
          const XinzhiMentionRecord *record = &g_array_index (table->records, XinzhiMentionRecord,
                                                              g_array_index (indices, guint32, i));

          func (g_ptr_array_index (table->documents, record->document), record->document,
                record->paragraph, record->start, record->end, user_data);
        }
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (G_LIST_MODEL (store), i);

      func (mention->document, G_MAXUINT, mention->paragraph, mention->start, mention->end, user_data);
    }
}

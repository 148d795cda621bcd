/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-mention.h"

struct _XinzhiMention
{
  GObject         parent_instance;

  XinzhiDocument *document;
  XinzhiSector   *sector;
  XinzhiPerson   *person;
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
 *
 * A place in the text that mentions a sector or a person.
 *
 * Returns: (transfer full): a new mention
 */
XinzhiMention *
xinzhi_mention_new (XinzhiDocument *document,
                    guint           paragraph,
                    guint           start,
                    guint           end,
                    XinzhiSector   *sector,
                    XinzhiPerson   *person)
{
  XinzhiMention *self;

  g_return_val_if_fail (XINZHI_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail ((sector == NULL) != (person == NULL), NULL);

  self = g_object_new (XINZHI_TYPE_MENTION, NULL);
  self->document = g_object_ref (document);
  self->paragraph = paragraph;
  self->start = start;
  self->end = end;
  g_set_object (&self->sector, sector);
  g_set_object (&self->person, person);

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

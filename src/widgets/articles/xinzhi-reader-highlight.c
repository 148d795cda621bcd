/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-mention.h"
#include "xinzhi-palette.h"
#include "xinzhi-reader.h"
#include "xinzhi-sector.h"
#include "xinzhi-reader-private.h"

/* The reader's highlighting: the text tags and their colours, from the palette every
 * view shares, and the article's text put into the buffer paragraph by paragraph with
 * its sector and concept mentions and its quotes marked.  The rest of the reader
 * (headline, facts, find, scrolling, actions) is in xinzhi-reader.c. */

static void
set_tint (GtkTextTag          *tag,
          const char          *property,
          const XinzhiPalette *palette,
          XinzhiTint           tint)
{
  GdkRGBA color = xinzhi_palette_get_tint (palette, tint);

  g_object_set (tag, property, &color, NULL);
}

/* The colours of the highlights, from the palette every view shares.  Concepts are
 * told apart by shape, not colour: semibold words over a double underline in the
 * text's own colour, with no tint.  The legend swatches and the chips take the same
 * colours from style.css. */
void
_xinzhi_reader_update_colors (XinzhiReader *self)
{
  XinzhiPalette palette;
  GdkRGBA sector_tint, dim;

  /* Styles change until the widget is gone, but the tags go with the template. */
  if (self->text_view == NULL)
    return;

  xinzhi_palette_init (&palette, GTK_WIDGET (self->text_view));
  sector_tint = xinzhi_palette_get_tint (&palette, XINZHI_TINT_SECTOR);
  dim = xinzhi_palette_get_dim (&palette);

  g_object_set (self->sector_tag,
                "background-rgba", &sector_tint,
                "underline-rgba", &palette.accent_bg,
                NULL);
  g_object_set (self->concept_tag, "underline-rgba", &palette.fg, NULL);
  /* In the text's colour: Pango's own red would read as a spelling mistake. */
  g_object_set (self->unreviewed_tag, "underline-rgba", &palette.fg, NULL);
  set_tint (self->quote_tag, "background-rgba", &palette, XINZHI_TINT_QUOTE);
  set_tint (self->paraphrase_tag, "background-rgba", &palette, XINZHI_TINT_PARAPHRASE);
  g_object_set (self->flash_tag, "background-rgba", &sector_tint, NULL);
  set_tint (self->find_tag, "background-rgba", &palette, XINZHI_TINT_FIND);
  set_tint (self->find_current_tag, "background-rgba", &palette, XINZHI_TINT_FIND_CURRENT);
  set_tint (self->flash_paragraph_tag, "paragraph-background-rgba", &palette, XINZHI_TINT_FLASH);
  g_object_set (self->paragraph_tags[XINZHI_PARAGRAPH_DATELINE], "foreground-rgba", &dim, NULL);
  g_object_set (self->paragraph_tags[XINZHI_PARAGRAPH_CREDIT], "foreground-rgba", &dim, NULL);
  g_object_set (self->paragraph_tags[XINZHI_PARAGRAPH_CAPTION], "foreground-rgba", &dim, NULL);
  g_object_set (self->caption_date_tag, "foreground-rgba", &dim, NULL);
}

void
_xinzhi_reader_create_tags (XinzhiReader *self)
{
  /* Later tags take priority: the paragraph kinds first, then the highlights, sectors
   * above quotes so that a sector named inside a quote still shows. */
  self->paragraph_tags[XINZHI_PARAGRAPH_BODY] =
    gtk_text_buffer_create_tag (self->buffer, "body",
                                "pixels-below-lines", 16,
                                "pixels-inside-wrap", 6,
                                NULL);
  self->paragraph_tags[XINZHI_PARAGRAPH_HEADING] =
    gtk_text_buffer_create_tag (self->buffer, "heading",
                                "weight", PANGO_WEIGHT_BOLD,
                                "scale", PANGO_SCALE_LARGE,
                                "pixels-above-lines", 10,
                                "pixels-below-lines", 10,
                                "pixels-inside-wrap", 3,
                                NULL);
  self->paragraph_tags[XINZHI_PARAGRAPH_DATELINE] =
    gtk_text_buffer_create_tag (self->buffer, "dateline",
                                "scale", PANGO_SCALE_SMALL,
                                "pixels-below-lines", 16,
                                "pixels-inside-wrap", 3,
                                NULL);
  self->paragraph_tags[XINZHI_PARAGRAPH_CAPTION] =
    gtk_text_buffer_create_tag (self->buffer, "caption",
                                "style", PANGO_STYLE_ITALIC,
                                "scale", PANGO_SCALE_SMALL,
                                "left-margin", 24,
                                "right-margin", 24,
                                "pixels-above-lines", 4,
                                "pixels-below-lines", 20,
                                "pixels-inside-wrap", 3,
                                NULL);
  self->paragraph_tags[XINZHI_PARAGRAPH_CREDIT] =
    gtk_text_buffer_create_tag (self->buffer, "credit",
                                "scale", PANGO_SCALE_SMALL,
                                "pixels-below-lines", 12,
                                "pixels-inside-wrap", 3,
                                NULL);
  self->caption_date_tag =
    gtk_text_buffer_create_tag (self->buffer, "caption-date",
                                "style", PANGO_STYLE_NORMAL,
                                "font-features", "tnum",
                                NULL);
  self->language_tag = gtk_text_buffer_create_tag (self->buffer, "language", NULL);
  self->paraphrase_tag = gtk_text_buffer_create_tag (self->buffer, "paraphrase", NULL);
  self->quote_tag = gtk_text_buffer_create_tag (self->buffer, "quote", NULL);
  /* A quote the extractor suggested and nobody has reviewed: a wavy line, under the
   * sectors' and concepts' lines where they meet. */
  self->unreviewed_tag =
    gtk_text_buffer_create_tag (self->buffer, "unreviewed",
                                "underline", PANGO_UNDERLINE_ERROR,
                                NULL);
  self->sector_tag =
    gtk_text_buffer_create_tag (self->buffer, "sector",
                                "underline", PANGO_UNDERLINE_SINGLE,
                                NULL);
  /* Above sectors: where a concept's words hold a sector's term, the double line shows
   * over the sector's tint.  The weight tells concepts apart where two thin lines would
   * blur into one at small sizes. */
  self->concept_tag =
    gtk_text_buffer_create_tag (self->buffer, "concept",
                                "weight", PANGO_WEIGHT_SEMIBOLD,
                                "underline", PANGO_UNDERLINE_DOUBLE,
                                NULL);
  self->flash_paragraph_tag = gtk_text_buffer_create_tag (self->buffer, "flash-paragraph", NULL);
  self->flash_tag = gtk_text_buffer_create_tag (self->buffer, "flash", NULL);
  /* Created last, so that they show over the other highlights. */
  self->find_tag = gtk_text_buffer_create_tag (self->buffer, "find", NULL);
  self->find_current_tag = gtk_text_buffer_create_tag (self->buffer, "find-current",
                                                       "weight", PANGO_WEIGHT_BOLD,
                                                       NULL);
}

/* Converts a byte range of paragraph @index to buffer iters; FALSE when the range does
 * not fit the paragraph or splits a character. */
gboolean
_xinzhi_reader_get_paragraph_range (XinzhiReader *self,
                                    guint         index,
                                    guint         start,
                                    guint         end,
                                    GtkTextIter  *start_iter,
                                    GtkTextIter  *end_iter)
{
  const XinzhiParagraph *paragraph;
  const char *text;
  gsize length;
  int offset;

  if (self->document == NULL || index >= self->paragraph_starts->len)
    return FALSE;

  paragraph = xinzhi_document_get_paragraph (self->document, index);
  text = paragraph->text;
  length = strlen (text);

  if (start > end || end > length)
    return FALSE;
  if (!g_utf8_validate (text + start, end - start, NULL) ||
      (end < length && (text[end] & 0xC0) == 0x80) ||
      (text[start] & 0xC0) == 0x80)
    return FALSE;

  offset = g_array_index (self->paragraph_starts, int, index);
  gtk_text_buffer_get_iter_at_offset (self->buffer, start_iter,
                                      offset + (int) g_utf8_pointer_to_offset (text, text + start));
  gtk_text_buffer_get_iter_at_offset (self->buffer, end_iter,
                                      offset + (int) g_utf8_pointer_to_offset (text, text + end));
  return TRUE;
}

static void
add_span (XinzhiReader *self,
          SpanKind      kind,
          GtkTextIter  *start,
          GtkTextIter  *end,
          gpointer      object)
{
  Span span = {
    .kind = kind,
    .start = gtk_text_iter_get_offset (start),
    .end = gtk_text_iter_get_offset (end),
    .object = g_object_ref (object),
  };

  g_array_append_val (self->spans, span);
}

void
_xinzhi_reader_fill_buffer (XinzhiReader *self)
{
  XinzhiDocument *document = self->document;
  GListModel *quotes = xinzhi_document_get_quotes (document);
  GListModel *mentions = xinzhi_document_get_mentions (document);
  guint n_paragraphs = xinzhi_document_get_n_paragraphs (document);
  GtkTextIter start, end;

  gtk_text_buffer_set_text (self->buffer, "", 0);
  g_array_set_size (self->paragraph_starts, 0);
  g_array_set_size (self->spans, 0);

  for (guint i = 0; i < n_paragraphs; i++)
    {
      const XinzhiParagraph *paragraph = xinzhi_document_get_paragraph (document, i);
      GtkTextTag *tag = self->paragraph_tags[MIN (paragraph->kind, XINZHI_PARAGRAPH_CREDIT)];
      int offset;

      gtk_text_buffer_get_end_iter (self->buffer, &end);
      offset = gtk_text_iter_get_offset (&end);
      g_array_append_val (self->paragraph_starts, offset);

      gtk_text_buffer_insert_with_tags (self->buffer, &end, paragraph->text, -1, tag, NULL);

      if (paragraph->kind == XINZHI_PARAGRAPH_CAPTION &&
          paragraph->date.precision != XINZHI_DATE_PRECISION_NONE)
        {
          g_autofree char *date = xinzhi_date_format (&paragraph->date);
          g_autofree char *suffix = g_strdup_printf (" — %s", date);

          gtk_text_buffer_insert_with_tags (self->buffer, &end, suffix, -1,
                                            tag, self->caption_date_tag, NULL);
        }

      /* Paragraphs are separated, not terminated, so the buffer holds exactly the text. */
      if (i + 1 < n_paragraphs)
        gtk_text_buffer_insert_with_tags (self->buffer, &end, "\n", 1, tag, NULL);
    }

  g_object_set (self->language_tag, "language", xinzhi_document_get_language (document), NULL);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->language_tag, &start, &end);

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);
      GtkTextTag *tag;

      if (!_xinzhi_reader_get_paragraph_range (self,
                                xinzhi_quote_get_paragraph (quote),
                                xinzhi_quote_get_start (quote),
                                xinzhi_quote_get_end (quote),
                                &start, &end))
        {
          g_warning ("Quote “%s” lies outside its paragraph", xinzhi_quote_get_id (quote));
          continue;
        }

      if (xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT)
        tag = self->quote_tag;
      else
        tag = self->paraphrase_tag;
      gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
      if (!xinzhi_quote_get_reviewed (quote))
        gtk_text_buffer_apply_tag (self->buffer, self->unreviewed_tag, &start, &end);
      add_span (self, SPAN_QUOTE, &start, &end, quote);
    }

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);
      XinzhiSector *sector = xinzhi_mention_get_sector (mention);
      XinzhiConcept *concept = xinzhi_mention_get_concept (mention);

      if (sector == NULL && concept == NULL)
        continue;

      if (!_xinzhi_reader_get_paragraph_range (self,
                                xinzhi_mention_get_paragraph (mention),
                                xinzhi_mention_get_start (mention),
                                xinzhi_mention_get_end (mention),
                                &start, &end))
        {
          g_warning ("A mention of “%s” lies outside its paragraph",
                     sector != NULL ? xinzhi_sector_get_id (sector) : xinzhi_concept_get_id (concept));
          continue;
        }

      gtk_text_buffer_apply_tag (self->buffer, sector != NULL ? self->sector_tag : self->concept_tag,
                                 &start, &end);
      add_span (self, sector != NULL ? SPAN_SECTOR : SPAN_CONCEPT, &start, &end, mention);
    }
}

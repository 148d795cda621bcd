/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What one article file gave the extractor: its paragraphs, title, outlet, byline,
 * date, the furniture left out, the people and their quotes.  Every item carries the
 * rule that found it and the words it was found in, so that a person can see why
 * (xinzhi_extraction_explain()).  The rules live in xinzhi-extract-text.c (reading,
 * paragraphs, furniture, metadata), xinzhi-extract-html.c (web pages: encoding, the
 * article's elements, the page's metadata) and xinzhi-extract-quotes.c (quotes and
 * speakers); docs/import.md describes them.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-extract-private.h"
#include "xinzhi-read.h"

G_DEFINE_FINAL_TYPE (XinzhiExtraction, xinzhi_extraction, G_TYPE_OBJECT)

G_DEFINE_QUARK (xinzhi-extract-error-quark, xinzhi_extract_error)

static void
clear_paragraph (gpointer data)
{
  XinzhiExtractParagraph *paragraph = data;

  g_free (paragraph->text);
}

static void
clear_dropped (gpointer data)
{
  XinzhiExtractDropped *dropped = data;

  g_free (dropped->text);
}

static void
clear_person (gpointer data)
{
  XinzhiExtractPerson *person = data;

  g_free (person->name);
  g_clear_pointer (&person->roles, g_ptr_array_unref);
  g_clear_pointer (&person->variants, g_ptr_array_unref);
  g_free (person->evidence);
}

static void
clear_quote (gpointer data)
{
  XinzhiExtractQuote *quote = data;

  g_free (quote->text);
  g_free (quote->evidence);
  g_free (quote->note);
}

static void
clear_event (gpointer data)
{
  XinzhiExtractEvent *event = data;

  g_free (event->text);
  g_free (event->date_text);
  g_free (event->note);
}

static void
xinzhi_extraction_finalize (GObject *object)
{
  XinzhiExtraction *self = XINZHI_EXTRACTION (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->outlet);
  g_free (self->outlet_evidence);
  g_strfreev (self->byline);
  g_free (self->url);
  g_free (self->date_text);
  g_free (self->date_note);
  g_free (self->encoding);
  g_free (self->encoding_reason);
  g_array_unref (self->paragraphs);
  g_array_unref (self->dropped);
  g_array_unref (self->people);
  g_array_unref (self->quotes);
  g_array_unref (self->events);

  G_OBJECT_CLASS (xinzhi_extraction_parent_class)->finalize (object);
}

static void
xinzhi_extraction_class_init (XinzhiExtractionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xinzhi_extraction_finalize;
}

static void
xinzhi_extraction_init (XinzhiExtraction *self)
{
  self->paragraphs = g_array_new (FALSE, TRUE, sizeof (XinzhiExtractParagraph));
  g_array_set_clear_func (self->paragraphs, clear_paragraph);
  self->dropped = g_array_new (FALSE, TRUE, sizeof (XinzhiExtractDropped));
  g_array_set_clear_func (self->dropped, clear_dropped);
  self->people = g_array_new (FALSE, TRUE, sizeof (XinzhiExtractPerson));
  g_array_set_clear_func (self->people, clear_person);
  self->quotes = g_array_new (FALSE, TRUE, sizeof (XinzhiExtractQuote));
  g_array_set_clear_func (self->quotes, clear_quote);
  self->events = g_array_new (FALSE, TRUE, sizeof (XinzhiExtractEvent));
  g_array_set_clear_func (self->events, clear_event);
  self->language = "en";
}

/* The rules that follow the paragraphs: a text with no body paragraph left is refused;
 * then the metadata (the page's own, for a web page, after the text's), the quotes,
 * and the candidate events (which take the article's year where theirs is missing). */
static XinzhiExtraction *
finish (XinzhiExtraction       *self,
        XinzhiExtractHtmlPage  *page,
        GError                **error)
{
  gboolean has_body = FALSE;

  for (guint i = 0; i < self->paragraphs->len; i++)
    if (g_array_index (self->paragraphs, XinzhiExtractParagraph, i).kind == XINZHI_EXTRACT_BODY)
      has_body = TRUE;
  if (!has_body)
    {
      g_set_error_literal (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_NO_TEXT,
                           _("no article text is left once the page furniture is out"));
      g_object_unref (self);
      return NULL;
    }
  xinzhi_extract_metadata (self);
  if (page != NULL)
    xinzhi_extract_html_metadata (self, page);
  xinzhi_extract_quotes (self);
  xinzhi_extract_events (self);
  return self;
}

/**
 * xinzhi_extraction_new_from_data:
 * @name: the file's name, for messages and the document's id
 * @data: the file's bytes
 * @length: how many
 * @markdown: whether to reduce Markdown to its text
 * @error: why nothing was extracted; the message does not name the file
 *
 * Returns: (transfer full) (nullable): what the text gave
 */
XinzhiExtraction *
xinzhi_extraction_new_from_data (const char  *name,
                                 const char  *data,
                                 gsize        length,
                                 gboolean     markdown,
                                 GError     **error)
{
  XinzhiExtraction *self;
  g_autofree char *text = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = xinzhi_extract_decode (data, length, error);
  if (text == NULL)
    return NULL;

  self = g_object_new (XINZHI_TYPE_EXTRACTION, NULL);
  self->name = g_strdup (name);
  xinzhi_extract_paragraphs (self, text, markdown);
  return finish (self, NULL, error);
}

/**
 * xinzhi_extraction_new_from_html:
 * @name: the file's name, for messages and the document's id
 * @data: the page's bytes, in whatever encoding it is saved in
 * @length: how many
 * @error: why nothing was extracted; the message does not name the file
 *
 * Reads a saved web page: its bytes decoded to UTF-8 (xinzhi_extract_decode_html()),
 * parsed by libxml2's HTML parser, the article's elements made paragraphs, and then
 * the same rules as for a text (docs/import.md, "Web pages").
 *
 * Returns: (transfer full) (nullable): what the page gave
 */
XinzhiExtraction *
xinzhi_extraction_new_from_html (const char  *name,
                                 const char  *data,
                                 gsize        length,
                                 GError     **error)
{
  g_autoptr(XinzhiExtractHtmlPage) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *reason = NULL;
  XinzhiExtraction *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = xinzhi_extract_decode_html (data, length, &encoding, &reason, error);
  if (text == NULL)
    return NULL;

  self = g_object_new (XINZHI_TYPE_EXTRACTION, NULL);
  self->name = g_strdup (name);
  self->encoding = g_steal_pointer (&encoding);
  self->encoding_reason = g_steal_pointer (&reason);
  page = xinzhi_extract_html (self, text, strlen (text), error);
  if (page == NULL)
    {
      g_object_unref (self);
      return NULL;
    }
  return finish (self, page, error);
}

/**
 * xinzhi_extraction_new_from_file:
 * @file: a text (.txt), Markdown (.md, .markdown) or web page (.html, .htm) file
 * @cancellable: (nullable): a #GCancellable
 * @error: why nothing was extracted; the message names the file
 *
 * Reads @file as xinzhi_read_file() does (a regular file of at most
 * %XINZHI_EXTRACT_MAX_SIZE bytes) and extracts the article in it: as a web page if
 * xinzhi_extraction_data_is_html() says it is one, else as text or Markdown.
 *
 * Returns: (transfer full) (nullable): what the file gave
 */
XinzhiExtraction *
xinzhi_extraction_new_from_file (GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autofree char *lower = NULL;
  XinzhiExtraction *self;
  gboolean markdown;
  gboolean html;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  display = g_file_get_parse_name (file);
  lower = g_ascii_strdown (basename, -1);
  markdown = g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown");
  html = g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
         g_str_has_suffix (lower, ".xhtml");

  bytes = xinzhi_read_file (file, XINZHI_EXTRACT_MAX_SIZE, cancellable, &local_error);
  if (bytes != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      if (data == NULL)
        data = "";
      /* A page is read by what it holds: a .html file of plain text is a text, and a
       * text file that is clearly a page is a page. */
      if (xinzhi_extraction_data_is_html (data, length, html))
        self = xinzhi_extraction_new_from_html (basename, data, length, &local_error);
      else
        self = xinzhi_extraction_new_from_data (basename, data, length, markdown, &local_error);
      if (self != NULL)
        return self;
    }

  /* Translators: the first %s is a file name, the second why it was not read */
  g_set_error (error, local_error->domain, local_error->code, _("%s: %s"),
               display, local_error->message);
  return NULL;
}

const char *
xinzhi_extraction_get_name (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return self->name;
}

const char *
xinzhi_extraction_get_title (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return self->title;
}

const char *
xinzhi_extraction_get_title_rule (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return self->title_rule;
}

/**
 * xinzhi_extraction_get_outlet:
 * @rule: (out) (optional): the rule that found it
 * @evidence: (out) (optional): the words it was found in
 *
 * Returns: (nullable): the outlet, as the text names it
 */
const char *
xinzhi_extraction_get_outlet (XinzhiExtraction  *self,
                              const char       **rule,
                              const char       **evidence)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  if (rule != NULL)
    *rule = self->outlet_rule;
  if (evidence != NULL)
    *evidence = self->outlet_evidence;
  return self->outlet;
}

/**
 * xinzhi_extraction_get_byline:
 *
 * Returns: (nullable): the authors the text names
 */
const char * const *
xinzhi_extraction_get_byline (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return (const char * const *) self->byline;
}

const char *
xinzhi_extraction_get_url (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return self->url;
}

/**
 * xinzhi_extraction_get_encoding:
 * @reason: (out) (optional): why that encoding
 *
 * Returns: (nullable): the encoding a web page was read in; %NULL for a text
 */
const char *
xinzhi_extraction_get_encoding (XinzhiExtraction  *self,
                                const char       **reason)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  if (reason != NULL)
    *reason = self->encoding_reason;
  return self->encoding;
}

/* The element of a web page its text was taken from ("<article>"); %NULL for a text. */
const char *
xinzhi_extraction_get_container (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return self->container;
}

const char *
xinzhi_extraction_get_language (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return self->language;
}

const XinzhiDate *
xinzhi_extraction_get_date (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return &self->date;
}

gboolean
xinzhi_extraction_get_date_estimated (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), FALSE);
  return self->date_estimated;
}

/* The words that state the date, verbatim; %NULL for an estimate. */
const char *
xinzhi_extraction_get_date_text (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return self->date_text;
}

/* Why the date is an estimate; %NULL for a stated date. */
const char *
xinzhi_extraction_get_date_note (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return self->date_note;
}

const char *
xinzhi_extraction_get_date_rule (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  return self->date_rule;
}

guint
xinzhi_extraction_get_n_paragraphs (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), 0);
  return self->paragraphs->len;
}

const XinzhiExtractParagraph *
xinzhi_extraction_get_paragraph (XinzhiExtraction *self,
                                 guint             index)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (index < self->paragraphs->len, NULL);
  return &g_array_index (self->paragraphs, XinzhiExtractParagraph, index);
}

guint
xinzhi_extraction_get_n_dropped (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), 0);
  return self->dropped->len;
}

const XinzhiExtractDropped *
xinzhi_extraction_get_dropped (XinzhiExtraction *self,
                               guint             index)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (index < self->dropped->len, NULL);
  return &g_array_index (self->dropped, XinzhiExtractDropped, index);
}

guint
xinzhi_extraction_get_n_people (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), 0);
  return self->people->len;
}

const XinzhiExtractPerson *
xinzhi_extraction_get_person (XinzhiExtraction *self,
                              guint             index)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (index < self->people->len, NULL);
  return &g_array_index (self->people, XinzhiExtractPerson, index);
}

guint
xinzhi_extraction_get_n_quotes (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), 0);
  return self->quotes->len;
}

const XinzhiExtractQuote *
xinzhi_extraction_get_quote (XinzhiExtraction *self,
                             guint             index)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (index < self->quotes->len, NULL);
  return &g_array_index (self->quotes, XinzhiExtractQuote, index);
}

guint
xinzhi_extraction_get_n_events (XinzhiExtraction *self)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), 0);
  return self->events->len;
}

const XinzhiExtractEvent *
xinzhi_extraction_get_event (XinzhiExtraction *self,
                             guint             index)
{
  g_return_val_if_fail (XINZHI_IS_EXTRACTION (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return &g_array_index (self->events, XinzhiExtractEvent, index);
}

const char *
xinzhi_extract_kind_name (XinzhiExtractKind kind)
{
  switch (kind)
    {
    case XINZHI_EXTRACT_BODY: return "body";
    case XINZHI_EXTRACT_HEADING: return "heading";
    case XINZHI_EXTRACT_DATELINE: return "dateline";
    case XINZHI_EXTRACT_CAPTION: return "caption";
    case XINZHI_EXTRACT_CREDIT: return "credit";
    default: g_assert_not_reached ();
    }
}

/**
 * xinzhi_extraction_explain:
 * @out: where to append
 *
 * Appends every item with the rule that found it and its evidence, one a line.  The
 * text comes from the file: the caller escapes it before printing it to a terminal.
 */
void
xinzhi_extraction_explain (XinzhiExtraction *self,
                           GString          *out)
{
  g_autofree char *date = NULL;

  g_return_if_fail (XINZHI_IS_EXTRACTION (self));

  date = xinzhi_date_to_iso (&self->date);
  g_string_append_printf (out, _("file %s\n"), self->name);
  if (self->encoding != NULL)
    /* Translators: the first %s is an encoding (GB18030), the second why it was used */
    g_string_append_printf (out, _("  a web page, read as %s: %s\n"),
                            self->encoding, self->encoding_reason);
  if (self->container != NULL)
    g_string_append_printf (out, _("  article text from %s\n"), self->container);
  g_string_append_printf (out, _("  title “%s” [%s]\n"), self->title, self->title_rule);
  if (self->outlet != NULL)
    g_string_append_printf (out, _("  outlet “%s” [%s] from “%s”\n"),
                            self->outlet, self->outlet_rule, self->outlet_evidence);
  else
    g_string_append (out, _("  no outlet: the text names none that a rule knows\n"));
  for (guint i = 0; self->byline != NULL && self->byline[i] != NULL; i++)
    g_string_append_printf (out, _("  byline “%s”\n"), self->byline[i]);
  if (self->url != NULL)
    g_string_append_printf (out, _("  url %s\n"), self->url);
  if (self->date_estimated)
    g_string_append_printf (out, _("  date %s, an estimate [%s]: %s\n"),
                            date, self->date_rule, self->date_note);
  else
    g_string_append_printf (out, _("  date %s [%s] from “%s”\n"),
                            date, self->date_rule, self->date_text);

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      const XinzhiExtractParagraph *p = &g_array_index (self->paragraphs, XinzhiExtractParagraph, i);

      g_string_append_printf (out, _("  paragraph %u, %s [%s]: %s\n"),
                              i, xinzhi_extract_kind_name (p->kind), p->rule, p->text);
    }
  for (guint i = 0; i < self->dropped->len; i++)
    {
      const XinzhiExtractDropped *d = &g_array_index (self->dropped, XinzhiExtractDropped, i);

      g_string_append_printf (out, _("  left out [%s]: %s\n"), d->rule, d->text);
    }
  for (guint i = 0; i < self->people->len; i++)
    {
      const XinzhiExtractPerson *p = &g_array_index (self->people, XinzhiExtractPerson, i);

      g_string_append_printf (out, _("  person %s [%s] from “%s”\n"), p->name, p->rule, p->evidence);
      for (guint j = 0; j < p->roles->len; j++)
        g_string_append_printf (out, _("    role “%s”\n"), (const char *) g_ptr_array_index (p->roles, j));
      for (guint j = 0; j < p->variants->len; j++)
        g_string_append_printf (out, _("    also named “%s”\n"), (const char *) g_ptr_array_index (p->variants, j));
    }
  for (guint i = 0; i < self->quotes->len; i++)
    {
      const XinzhiExtractQuote *q = &g_array_index (self->quotes, XinzhiExtractQuote, i);
      const char *speaker = q->person >= 0
        ? g_array_index (self->people, XinzhiExtractPerson, q->person).name
        : _("(no speaker)");

      g_string_append_printf (out, _("  quote, %s, paragraph %u bytes %zu–%zu, by %s [%s] "
                                     "attributed by “%s”: %s\n"),
                              q->direct ? "direct" : "paraphrase", q->paragraph, q->start, q->end,
                              speaker, q->rule, q->evidence, q->text);
      if (q->note != NULL)
        g_string_append_printf (out, "    %s\n", q->note);
    }
  for (guint i = 0; i < self->events->len; i++)
    {
      const XinzhiExtractEvent *e = &g_array_index (self->events, XinzhiExtractEvent, i);
      g_autofree char *when = xinzhi_date_to_iso (&e->date);

      /* Translators: a candidate event: its date, paragraph, bytes, rule, the date's
       * words and the sentence */
      g_string_append_printf (out, _("  event %s%s, paragraph %u bytes %zu–%zu [%s] from “%s”: %s\n"),
                              when, e->estimated ? _(", an estimate") : "", e->paragraph,
                              e->start, e->end, e->rule, e->date_text, e->text);
      if (e->note != NULL)
        g_string_append_printf (out, "    %s\n", e->note);
    }
}

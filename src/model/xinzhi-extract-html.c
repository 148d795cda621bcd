/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The extractor's rules for a saved web page: its bytes decoded to UTF-8 (a byte order
 * mark, the charset the page declares, else UTF-8, else GB18030, else Big5), parsed by
 * libxml2's HTML parser (never a parser of our own, never the network), the article's
 * element found and its blocks handed to the same paragraph and furniture rules as a
 * text (xinzhi_extract_add_text()), and what the page says of itself (its title,
 * site name, author, address and date, in <meta>, <link>, <time> and JSON-LD) read
 * beside the text.  docs/import.md, "Web pages", lists the rules and their limits.
 *
 * Every walk over the document is a loop over the nodes' links, not a recursion, so
 * that a page of 100,000 nested elements costs no more stack than a flat one.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "xinzhi-extract-private.h"

/* ---- Decoding -------------------------------------------------------------------- */

/* Where a browser looks for a declaration: the first 1024 bytes. */
#define SNIFF_BYTES 1024

/* The charset a <meta charset=…> or <meta http-equiv="Content-Type" content="…;
 * charset=…"> in the first bytes declares, as written, or %NULL. */
static char *
sniff_declared_charset (const char *data,
                        gsize       length)
{
  gsize n = MIN (length, SNIFF_BYTES);

  for (gsize i = 0; i + 5 < n; i++)
    {
      gsize end;

      if (data[i] != '<' || g_ascii_strncasecmp (data + i, "<meta", 5) != 0)
        continue;
      for (end = i + 5; end < n && data[end] != '>'; end++)
        ;
      for (gsize j = i + 5; j + 7 <= end; j++)
        {
          gsize k, start;

          if (g_ascii_strncasecmp (data + j, "charset", 7) != 0)
            continue;
          k = j + 7;
          while (k < end && g_ascii_isspace (data[k]))
            k++;
          if (k >= end || data[k] != '=')
            continue;
          k++;
          while (k < end && (g_ascii_isspace (data[k]) || data[k] == '"' || data[k] == '\''))
            k++;
          start = k;
          while (k < end && (g_ascii_isalnum (data[k]) || strchr ("-_.:", data[k]) != NULL))
            k++;
          if (k > start && k - start < 40)
            return g_ascii_strdown (data + start, (gssize) (k - start));
        }
    }
  return NULL;
}

/* The encoding g_convert() is to read for a declared charset, by the labels browsers
 * know (the WHATWG Encoding Standard's, in part): GBK and GB2312 as GB18030, which
 * holds both, Big5 as Big5-HKSCS, which holds it, ISO-8859-1 and ASCII as
 * windows-1252.  Other labels are handed to g_convert() as they are. */
static const char *
encoding_for_label (const char *label,
                    gboolean   *single_byte)
{
  static const struct { const char *label; const char *encoding; gboolean single_byte; } labels[] = {
    { "utf-8", "UTF-8", FALSE }, { "utf8", "UTF-8", FALSE }, { "unicode-1-1-utf-8", "UTF-8", FALSE },
    { "gbk", "GB18030", FALSE }, { "gb2312", "GB18030", FALSE }, { "gb_2312", "GB18030", FALSE },
    { "gb_2312-80", "GB18030", FALSE }, { "x-gbk", "GB18030", FALSE }, { "chinese", "GB18030", FALSE },
    { "csgb2312", "GB18030", FALSE }, { "gb18030", "GB18030", FALSE }, { "cp936", "GB18030", FALSE },
    { "big5", "BIG5-HKSCS", FALSE }, { "big5-hkscs", "BIG5-HKSCS", FALSE }, { "cn-big5", "BIG5-HKSCS", FALSE },
    { "csbig5", "BIG5-HKSCS", FALSE }, { "x-x-big5", "BIG5-HKSCS", FALSE },
    { "iso-8859-1", "WINDOWS-1252", TRUE }, { "iso8859-1", "WINDOWS-1252", TRUE },
    { "iso_8859-1", "WINDOWS-1252", TRUE }, { "latin1", "WINDOWS-1252", TRUE }, { "l1", "WINDOWS-1252", TRUE },
    { "us-ascii", "WINDOWS-1252", TRUE }, { "ascii", "WINDOWS-1252", TRUE },
    { "windows-1252", "WINDOWS-1252", TRUE }, { "cp1252", "WINDOWS-1252", TRUE },
  };

  *single_byte = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (label, labels[i].label))
      {
        *single_byte = labels[i].single_byte;
        return labels[i].encoding;
      }
  /* Other single-byte encodings read any bytes at all, right or wrong. */
  *single_byte = g_str_has_prefix (label, "iso-8859") || g_str_has_prefix (label, "iso8859") ||
                 g_str_has_prefix (label, "windows-125") || g_str_has_prefix (label, "cp125") ||
                 g_str_has_prefix (label, "koi8");
  return NULL;
}

/* @data converted from @encoding, or %NULL when its bytes are not valid in it. */
static char *
convert (const char *data,
         gsize       length,
         const char *encoding)
{
  g_autofree char *converted = g_convert (data, (gssize) length, "UTF-8", encoding, NULL, NULL, NULL);

  if (converted == NULL || !g_utf8_validate (converted, -1, NULL))
    return NULL;
  return g_steal_pointer (&converted);
}

/* Whether the characters beyond ASCII in @text are nearly all Chinese: Han characters
 * and the CJK punctuation and full-width forms. */
static gboolean
mostly_chinese (const char *text)
{
  gsize chinese = 0, other = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        continue;
      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN ||
          (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF))
        chinese++;
      else
        other++;
    }
  return chinese > 0 && chinese >= 9 * other;
}

/**
 * xinzhi_extract_decode_html:
 * @encoding: (out): the encoding the page was read in
 * @reason: (out): why that one, for --explain
 *
 * A page's bytes in UTF-8, by this order: a byte order mark; bytes that are valid
 * UTF-8 (text in another encoding practically never is by chance); the charset the
 * page declares in its first 1024 bytes, unless its bytes are not valid in it (or,
 * for a single-byte charset, which takes any bytes, unless they read as Chinese in
 * GB18030); else GB18030, else Big5.  An empty page, one with a NUL byte and one in
 * none of these are refused.
 *
 * Returns: (transfer full) (nullable): the page's text in UTF-8
 */
char *
xinzhi_extract_decode_html (const char  *data,
                            gsize        length,
                            char       **encoding,
                            char       **reason,
                            GError     **error)
{
  static const char *fallbacks[] = { "GB18030", "BIG5-HKSCS" };
  g_autofree char *declared = NULL;
  g_autofree char *why_not = NULL;
  const char *declared_encoding = NULL;
  const char *end = NULL;
  gboolean single_byte = FALSE;

  *encoding = NULL;
  *reason = NULL;

  if (length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE) &&
      (guchar) data[1] == ((guchar) data[0] == 0xFF ? 0xFE : 0xFF))
    {
      const char *utf16 = (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      g_autofree char *converted = convert (data + 2, length - 2, utf16);

      if (converted == NULL)
        {
          g_set_error (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_ENCODING,
                       _("the page begins with a %s byte order mark, but is not %s"), utf16, utf16);
          return NULL;
        }
      if (!xinzhi_extract_check_text_bytes (converted, strlen (converted), error))
        return NULL;
      *encoding = g_strdup (utf16);
      *reason = g_strdup (_("the page begins with its byte order mark"));
      return g_steal_pointer (&converted);
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      if (!xinzhi_extract_check_text_bytes (data, length, error))
        return NULL;
      if (!g_utf8_validate_len (data, length, &end))
        {
          g_set_error (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_ENCODING,
                       _("the page begins with a UTF-8 byte order mark, but is not UTF-8 (invalid byte at offset %zu)"),
                       (gsize) (end - data) + 3);
          return NULL;
        }
      *encoding = g_strdup ("UTF-8");
      *reason = g_strdup (_("the page begins with a UTF-8 byte order mark"));
      return g_strndup (data, length);
    }

  if (!xinzhi_extract_check_text_bytes (data, length, error))
    return NULL;

  declared = sniff_declared_charset (data, length);
  if (declared != NULL)
    declared_encoding = encoding_for_label (declared, &single_byte);

  if (g_utf8_validate_len (data, length, &end))
    {
      *encoding = g_strdup ("UTF-8");
      if (declared == NULL)
        *reason = g_strdup (_("the page declares no charset, and its bytes are valid UTF-8"));
      else if (g_strcmp0 (declared_encoding, "UTF-8") == 0)
        *reason = g_strdup_printf (_("the page declares charset=%s"), declared);
      else
        *reason = g_strdup_printf (_("the page declares charset=%s, but its bytes are valid UTF-8, "
                                     "which text in another encoding practically never is"),
                                   declared);
      return g_strndup (data, length);
    }

  if (declared != NULL && g_strcmp0 (declared_encoding, "UTF-8") == 0)
    why_not = g_strdup_printf (_("the page declares charset=%s, but the byte at offset %zu is not UTF-8"),
                               declared, (gsize) (end - data));
  else if (declared != NULL)
    {
      const char *name = declared_encoding != NULL ? declared_encoding : declared;
      g_autofree char *converted = NULL;

      /* A single-byte charset reads any bytes: Chinese bytes under a wrong
       * declaration of one are told by what GB18030 makes of them. */
      if (single_byte)
        {
          g_autofree char *chinese = convert (data, length, "GB18030");

          if (chinese != NULL && mostly_chinese (chinese))
            {
              *encoding = g_strdup ("GB18030");
              *reason = g_strdup_printf (_("the page declares charset=%s, but its bytes read as GB18030 "
                                           "give Chinese text, which a single-byte charset cannot hold"),
                                         declared);
              return g_steal_pointer (&chinese);
            }
        }
      converted = convert (data, length, name);
      if (converted != NULL)
        {
          *encoding = g_strdup (name);
          *reason = g_strdup_printf (_("the page declares charset=%s"), declared);
          return g_steal_pointer (&converted);
        }
      why_not = g_strdup_printf (_("the page declares charset=%s, but its bytes are not valid in it"),
                                 declared);
    }
  else
    why_not = g_strdup_printf (_("the page declares no charset, and the byte at offset %zu is not UTF-8"),
                               (gsize) (end - data));

  for (guint i = 0; i < G_N_ELEMENTS (fallbacks); i++)
    {
      g_autofree char *converted = NULL;

      if (g_strcmp0 (declared_encoding, fallbacks[i]) == 0)
        continue;
      converted = convert (data, length, fallbacks[i]);
      if (converted != NULL)
        {
          *encoding = g_strdup (fallbacks[i]);
          /* Translators: the first %s says why the page is not read as it declares, the second is an encoding */
          *reason = g_strdup_printf (_("%s; its bytes are valid %s"), why_not, fallbacks[i]);
          return g_steal_pointer (&converted);
        }
    }

  g_set_error (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_ENCODING,
               _("%s, and the page is not GB18030 or Big5 either"), why_not);
  return NULL;
}

/* ---- Is it a page? --------------------------------------------------------------- */

static gboolean
has_prefix_ci (const char *p,
               const char *end,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

/**
 * xinzhi_extraction_data_is_html:
 * @data: a file's bytes
 * @length: how many
 * @named_html: whether the file's name says it is a page (.html, .htm)
 *
 * Whether @data is a web page: clearly so when it begins (after white space, comments
 * and an XML declaration) with `<!DOCTYPE html` or `<html`; for a file named as a page,
 * also when one of the usual elements of a page (`<head`, `<body`, `<p>`, `<div` …)
 * is in its first 1024 bytes.  A file named .html that holds plain text is a text.
 */
gboolean
xinzhi_extraction_data_is_html (const char *data,
                                gsize       length,
                                gboolean    named_html)
{
  static const char *tags[] = {
    "<head", "<body", "<meta", "<title", "<p>", "<p ", "<div", "<article", "<main",
    "<br", "<span", "<h1", "<h2", "<table", "<section", "<a href",
  };
  const char *p = data;
  const char *end;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  end = data + length;
  if (length >= 2 && (((guchar) p[0] == 0xFF && (guchar) p[1] == 0xFE) ||
                      ((guchar) p[0] == 0xFE && (guchar) p[1] == 0xFF)))
    return named_html;
  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (;;)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (has_prefix_ci (p, end, "<!--"))
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          if (close == NULL)
            return FALSE;
          p = close + 3;
        }
      else if (has_prefix_ci (p, end, "<?xml"))
        {
          const char *close = g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            return FALSE;
          p = close + 2;
        }
      else
        break;
    }
  if (has_prefix_ci (p, end, "<!doctype html") ||
      (has_prefix_ci (p, end, "<html") && p + 5 < end && (g_ascii_isspace (p[5]) || p[5] == '>')))
    return TRUE;
  if (!named_html)
    return FALSE;

  end = p + MIN ((gsize) (end - p), (gsize) SNIFF_BYTES);
  for (const char *q = p; q < end; q++)
    if (*q == '<')
      for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
        if (has_prefix_ci (q, end, tags[i]))
          return TRUE;
  return FALSE;
}

/* ---- Walking the document -------------------------------------------------------- */

typedef enum
{
  WALK_SKIP,     /* not into this node's children */
  WALK_DESCEND,  /* into them */
  WALK_STOP,     /* no further */
} WalkStep;

typedef WalkStep (*EnterFunc) (xmlNode *node, gpointer data);
typedef void     (*LeaveFunc) (xmlNode *node, gpointer data);

/* Visits the nodes under @top in document order: @enter on the way in, @leave (if
 * any) on the way out of each node it descended into.  A loop, not a recursion. */
static void
walk (xmlNode   *top,
      EnterFunc  enter,
      LeaveFunc  leave,
      gpointer   data)
{
  xmlNode *node = top->children;

  while (node != NULL)
    {
      WalkStep step = enter (node, data);

      if (step == WALK_STOP)
        return;
      if (step == WALK_DESCEND && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      if (step == WALK_DESCEND && leave != NULL)
        leave (node, data);
      while (node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node == top)
            return;
          if (leave != NULL)
            leave (node, data);
        }
      node = node->next;
    }
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_one_of (xmlNode           *node,
           const char * const *names)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The value of @node's attribute @name, or %NULL. */
static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

static gboolean
attribute_is (xmlNode    *node,
              const char *name,
              const char *value)
{
  g_autofree char *actual = attribute (node, name);

  return actual != NULL && g_ascii_strcasecmp (g_strstrip (actual), value) == 0;
}

/* Whether the white-space separated words of @node's attribute @name hold @word. */
static gboolean
attribute_has_word (xmlNode    *node,
                    const char *name,
                    const char *word)
{
  g_autofree char *value = attribute (node, name);
  g_auto(GStrv) words = NULL;

  if (value == NULL)
    return FALSE;
  words = g_strsplit_set (value, " \t\n\r\f", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (words[i], word) == 0)
      return TRUE;
  return FALSE;
}

/* Text with white space collapsed: runs of ASCII white space and no-break spaces
 * become one space, none at the start. */
typedef struct
{
  GString  *text;
  gboolean  space;
} Collapsed;

static void
collapse_append (Collapsed  *self,
                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0))
        {
          if ((guchar) *p == 0xC2)
            p++;
          self->space = self->text->len > 0;
          continue;
        }
      if (self->space)
        g_string_append_c (self->text, ' ');
      self->space = FALSE;
      g_string_append_c (self->text, *p);
    }
}

/* The elements that begin and end a block of text: a paragraph, a heading, a cell. */
static const char * const block_elements[] = {
  "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
  "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend",
  "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
  "td", "tfoot", "th", "thead", "tr", "ul", NULL,
};

/* The elements whose content is no text a reader sees. */
static const char * const invisible_elements[] = {
  "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
  "video", "audio", "select", "textarea", "head", NULL,
};

typedef struct
{
  Collapsed  out;
  gsize      limit;
} ElementText;

static WalkStep
element_text_enter (xmlNode  *node,
                    gpointer  data)
{
  ElementText *self = data;

  if (self->out.text->len >= self->limit)
    return WALK_STOP;
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        collapse_append (&self->out, (const char *) node->content);
      return WALK_SKIP;
    }
  if (node->type != XML_ELEMENT_NODE || is_one_of (node, invisible_elements))
    return WALK_SKIP;
  /* A line break or a block's edge separates words. */
  if (is_one_of (node, block_elements))
    self->out.space = self->out.text->len > 0;
  return WALK_DESCEND;
}

/* The text in @node, white space collapsed, cut with "…" past @limit bytes. */
static char *
element_text (xmlNode *node,
              gsize    limit)
{
  ElementText self = { { g_string_new (NULL), FALSE }, limit };

  walk (node, element_text_enter, NULL, &self);
  if (self.out.text->len > limit)
    {
      const char *cut = g_utf8_find_prev_char (self.out.text->str, self.out.text->str + limit);

      g_string_truncate (self.out.text, cut != NULL ? (gsize) (cut - self.out.text->str) : 0);
      g_string_append (self.out.text, "…");
    }
  return g_string_free (self.out.text, FALSE);
}

/* ---- Furniture by markup --------------------------------------------------------- */

/* Elements that are never the article's text, wherever they are. */
static const char * const furniture_elements[] = {
  "nav", "footer", "aside", "form", "button", "menu", "dialog", "input", NULL,
};

/* The ARIA roles of a page's furniture. */
static const char * const furniture_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
  "toolbar", "dialog", "alertdialog", "form", NULL,
};

/* Words that name furniture in a class or id: the first or last word of a name, its
 * words parted by "-" or "_" ("site-nav", "share-buttons", "cookie_notice"), so that
 * "nav-wrapper" and "post-comments" are furniture but "content-sidebar-wrap" is not. */
static const char * const furniture_words[] = {
  "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing",
  "social", "comment", "comments", "cookie", "cookies", "consent", "gdpr", "related",
  "footer", "sidebar", "advert", "advertisement", "ad", "ads", "promo", "newsletter",
  "subscribe", "subscription", "popup", "modal", "recommended", "trending", "toolbar",
  "pagination", "masthead", "skip", "tags", "outbrain", "taboola", NULL,
};

static gboolean
is_furniture_word (const char *word,
                   gsize       length)
{
  for (guint i = 0; furniture_words[i] != NULL; i++)
    if (strlen (furniture_words[i]) == length &&
        g_ascii_strncasecmp (word, furniture_words[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a name of @value (a class list, or an id) names furniture. */
static gboolean
names_furniture (const char *value)
{
  const char *p = value;

  while (*p != '\0')
    {
      const char *start, *end, *first_end, *last_start;

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      end = p;
      if (start == end)
        break;
      for (first_end = start; first_end < end && *first_end != '-' && *first_end != '_'; first_end++)
        ;
      for (last_start = end; last_start > start && last_start[-1] != '-' && last_start[-1] != '_'; last_start--)
        ;
      if (is_furniture_word (start, (gsize) (first_end - start)) ||
          is_furniture_word (last_start, (gsize) (end - last_start)))
        return TRUE;
    }
  return FALSE;
}

/* The rule that leaves @node out of the article, or %NULL.  A <header> is furniture
 * only where the article's element is the whole <body> (@site_header): inside an
 * <article> it holds the headline, the byline and the date. */
static const char *
furniture_rule (xmlNode  *node,
                gboolean  site_header)
{
  g_autofree char *class_names = NULL;
  g_autofree char *id = NULL;
  g_autofree char *role = NULL;
  g_autofree char *style = NULL;

  if (node->type != XML_ELEMENT_NODE)
    return NULL;
  if (is_one_of (node, invisible_elements))
    return "html-invisible";
  if (is_one_of (node, furniture_elements) || (site_header && is_element (node, "header")))
    return "html-element";
  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL ||
      attribute_is (node, "aria-hidden", "true"))
    return "html-hidden";
  style = attribute (node, "style");
  if (style != NULL)
    {
      g_autofree char *squeezed = g_ascii_strdown (style, -1);
      char *w = squeezed;

      for (const char *r = squeezed; *r != '\0'; r++)
        if (!g_ascii_isspace (*r))
          *w++ = *r;
      *w = '\0';
      if (strstr (squeezed, "display:none") != NULL || strstr (squeezed, "visibility:hidden") != NULL)
        return "html-hidden";
    }
  role = attribute (node, "role");
  if (role != NULL)
    for (guint i = 0; furniture_roles[i] != NULL; i++)
      if (g_ascii_strcasecmp (g_strstrip (role), furniture_roles[i]) == 0)
        return "html-role";
  class_names = attribute (node, "class");
  id = attribute (node, "id");
  if ((class_names != NULL && names_furniture (class_names)) || (id != NULL && names_furniture (id)))
    return "html-furniture-name";
  return NULL;
}

/* ---- What the page says of itself ------------------------------------------------ */

struct _XinzhiExtractHtmlPage
{
  xmlDoc   *doc;
  xmlNode  *container;
  const char *container_name;

  /* The candidates for the article's element, the first of each. */
  xmlNode  *article;
  xmlNode  *main;
  xmlNode  *article_body;
  xmlNode  *body;

  char     *title;            /* <title> */
  char     *og_title;
  char     *h1;               /* the first <h1> of the article */
  char     *site_name;        /* og:site_name */
  char     *application_name;
  char     *author_meta;      /* <meta name=author> */
  char     *rel_author;       /* <a rel=author>'s text */
  char     *byline_class;     /* the text of an element of class "byline" or "author" */
  char     *canonical;
  char     *og_url;
  char     *published_time;   /* article:published_time */
  char     *itemprop_date;    /* itemprop=datePublished's content or datetime */
  char     *time_datetime;    /* the first <time datetime> of the article */
  char     *time_text;        /* and its text */
  char     *ld_date;          /* JSON-LD's datePublished, headline, author, publisher */
  char     *ld_headline;
  char     *ld_author;
  char     *ld_publisher;
};

void
xinzhi_extract_html_page_free (XinzhiExtractHtmlPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->doc, xmlFreeDoc);
  g_free (page->title);
  g_free (page->og_title);
  g_free (page->h1);
  g_free (page->site_name);
  g_free (page->application_name);
  g_free (page->author_meta);
  g_free (page->rel_author);
  g_free (page->byline_class);
  g_free (page->canonical);
  g_free (page->og_url);
  g_free (page->published_time);
  g_free (page->itemprop_date);
  g_free (page->time_datetime);
  g_free (page->time_text);
  g_free (page->ld_date);
  g_free (page->ld_headline);
  g_free (page->ld_author);
  g_free (page->ld_publisher);
  g_free (page);
}

/* Sets *@field to @value (which it takes) if it is unset and @value has text. */
static void
take_first (char **field,
            char  *value)
{
  if (value != NULL)
    g_strstrip (value);
  if (*field == NULL && value != NULL && *value != '\0')
    *field = value;
  else
    g_free (value);
}

/* The longest JSON-LD script read, and the deepest nesting of its brackets: json-glib
 * reads nested values by recursion. */
#define MAX_LD_BYTES (256 * 1024)
#define MAX_LD_DEPTH 32

static gboolean
json_shallow (const char *text)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        {
          if (++depth > MAX_LD_DEPTH)
            return FALSE;
        }
      else if (*p == ']' || *p == '}')
        depth--;
    }
  return TRUE;
}

static char *
ld_string (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  /* An author or publisher: {"@type": "Person", "name": "…"}, or a list of them. */
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      return json_object_has_member (object, "name")
        ? ld_string (json_object_get_member (object, "name")) : NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < json_array_get_length (array) && i < 20; i++)
        {
          char *name = ld_string (json_array_get_element (array, i));

          if (name != NULL)
            g_ptr_array_add (names, name);
        }
      g_ptr_array_add (names, NULL);
      return names->len > 1 ? g_strjoinv (", ", (char **) names->pdata) : NULL;
    }
  return NULL;
}

/* The article's members of a JSON-LD value: an object, a list of them, or a
 * "@graph" of them; the first of each member wins. */
static void
read_ld_node (XinzhiExtractHtmlPage *page,
              JsonNode              *node,
              guint                  depth)
{
  JsonObject *object;

  if (node == NULL || depth > 3)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 100; i++)
        read_ld_node (page, json_array_get_element (array, i), depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  if (json_object_has_member (object, "@graph"))
    read_ld_node (page, json_object_get_member (object, "@graph"), depth + 1);
  if (!json_object_has_member (object, "datePublished") && !json_object_has_member (object, "headline"))
    return;
  if (json_object_has_member (object, "datePublished"))
    take_first (&page->ld_date, ld_string (json_object_get_member (object, "datePublished")));
  if (json_object_has_member (object, "headline"))
    take_first (&page->ld_headline, ld_string (json_object_get_member (object, "headline")));
  if (json_object_has_member (object, "author"))
    take_first (&page->ld_author, ld_string (json_object_get_member (object, "author")));
  if (json_object_has_member (object, "publisher"))
    take_first (&page->ld_publisher, ld_string (json_object_get_member (object, "publisher")));
}

/* A <script type="application/ld+json">: read if it is JSON, skipped if not. */
static void
read_ld_json (XinzhiExtractHtmlPage *page,
              xmlNode               *script)
{
  g_autoptr(JsonParser) parser = NULL;
  xmlChar *content = xmlNodeGetContent (script);
  gsize length = content != NULL ? strlen ((const char *) content) : 0;

  if (content != NULL && length <= MAX_LD_BYTES &&
      g_utf8_validate ((const char *) content, (gssize) length, NULL) &&
      json_shallow ((const char *) content))
    {
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, (const char *) content, (gssize) length, NULL))
        read_ld_node (page, json_parser_get_root (parser), 0);
    }
  xmlFree (content);
}

/* Whether the class of @node names a byline: the word "byline" in a name, or a name
 * that starts or ends with "author" ("author-name", "post-author"). */
static gboolean
names_byline (xmlNode *node)
{
  g_autofree char *class_names = attribute (node, "class");
  g_auto(GStrv) names = NULL;

  if (class_names == NULL)
    return FALSE;
  names = g_strsplit_set (class_names, " \t\n\r\f", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (names[i], -1);

      if (strstr (lower, "byline") != NULL || g_str_has_prefix (lower, "author") ||
          g_str_has_suffix (lower, "-author") || g_str_has_suffix (lower, "_author"))
        return TRUE;
    }
  return FALSE;
}

static WalkStep
metadata_enter (xmlNode  *node,
                gpointer  data)
{
  XinzhiExtractHtmlPage *page = data;

  if (node->type != XML_ELEMENT_NODE)
    return WALK_SKIP;

  if (is_element (node, "head"))
    return WALK_DESCEND;
  if (is_element (node, "script"))
    {
      if (attribute_is (node, "type", "application/ld+json"))
        read_ld_json (page, node);
      return WALK_SKIP;
    }
  if (is_element (node, "meta"))
    {
      g_autofree char *key = attribute (node, "property");
      g_autofree char *content = attribute (node, "content");
      g_autofree char *itemprop = attribute (node, "itemprop");

      if (key == NULL)
        key = attribute (node, "name");
      if (content == NULL)
        return WALK_SKIP;
      if (key != NULL)
        g_strstrip (key);
      if (itemprop != NULL && g_ascii_strcasecmp (g_strstrip (itemprop), "datePublished") == 0)
        take_first (&page->itemprop_date, g_strdup (content));
      if (key == NULL)
        return WALK_SKIP;
      if (g_ascii_strcasecmp (key, "og:title") == 0)
        take_first (&page->og_title, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
        take_first (&page->site_name, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "application-name") == 0)
        take_first (&page->application_name, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "author") == 0 &&
               !g_str_has_prefix (content, "http://") && !g_str_has_prefix (content, "https://"))
        take_first (&page->author_meta, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "og:url") == 0)
        take_first (&page->og_url, g_strdup (content));
      else if (g_ascii_strcasecmp (key, "article:published_time") == 0)
        take_first (&page->published_time, g_strdup (content));
      return WALK_SKIP;
    }
  if (is_element (node, "link"))
    {
      if (attribute_has_word (node, "rel", "canonical"))
        take_first (&page->canonical, attribute (node, "href"));
      return WALK_SKIP;
    }
  if (is_element (node, "title"))
    {
      take_first (&page->title, element_text (node, 1000));
      return WALK_SKIP;
    }

  /* In the body: furniture is not the article, nor does it speak for it. */
  if (furniture_rule (node, FALSE) != NULL)
    return WALK_SKIP;
  if (is_element (node, "body") && page->body == NULL)
    page->body = node;
  else if (is_element (node, "article") && page->article == NULL)
    page->article = node;
  else if (is_element (node, "main") && page->main == NULL)
    page->main = node;
  if (page->article_body == NULL && attribute_is (node, "itemprop", "articleBody"))
    page->article_body = node;
  if (xmlHasProp (node, (const xmlChar *) "itemprop") != NULL &&
      attribute_is (node, "itemprop", "datePublished"))
    {
      char *value = attribute (node, "datetime");

      take_first (&page->itemprop_date, value != NULL ? value : attribute (node, "content"));
    }
  if (is_element (node, "a") && attribute_has_word (node, "rel", "author"))
    take_first (&page->rel_author, element_text (node, 200));
  else if (page->byline_class == NULL && names_byline (node))
    take_first (&page->byline_class, element_text (node, 300));
  return WALK_DESCEND;
}

/* ---- The article's text ---------------------------------------------------------- */

static const char * const heading_elements[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };

typedef struct
{
  XinzhiExtraction      *self;
  XinzhiExtractHtmlPage *page;
  GHashTable            *kept;
  Collapsed              block;
  guint                  headings;  /* how many heading elements the walk is inside */
  guint                  captions;  /* and figure captions */
  gboolean               site_header;
} TextWalk;

/* The text gathered so far is a block: to the text rules. */
static void
flush_block (TextWalk *walk_state)
{
  GString *text = walk_state->block.text;

  if (text->len > 0)
    {
      if (walk_state->headings > 0)
        xinzhi_extract_add_text (walk_state->self, walk_state->kept, text->str,
                                 XINZHI_EXTRACT_HEADING, "html-heading");
      else if (walk_state->captions > 0)
        xinzhi_extract_add_text (walk_state->self, walk_state->kept, text->str,
                                 XINZHI_EXTRACT_CAPTION, "html-figcaption");
      else
        xinzhi_extract_add_text (walk_state->self, walk_state->kept, text->str,
                                 XINZHI_EXTRACT_BODY, NULL);
    }
  g_string_truncate (text, 0);
  walk_state->block.space = FALSE;
}

static WalkStep
text_enter (xmlNode  *node,
            gpointer  data)
{
  TextWalk *walk_state = data;
  const char *rule;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        collapse_append (&walk_state->block, (const char *) node->content);
      return WALK_SKIP;
    }
  if (node->type != XML_ELEMENT_NODE)
    return WALK_SKIP;

  rule = furniture_rule (node, walk_state->site_header);
  if (rule != NULL)
    {
      if (is_one_of (node, block_elements))
        flush_block (walk_state);
      /* What a reader would have seen of it, for --explain. */
      if (!g_str_equal (rule, "html-invisible"))
        {
          g_autofree char *text = element_text (node, 200);

          if (*text != '\0')
            {
              XinzhiExtractDropped dropped = { g_strdup_printf ("<%s> %s", (const char *) node->name, text), rule };

              g_array_append_val (walk_state->self->dropped, dropped);
            }
        }
      return WALK_SKIP;
    }

  if (is_one_of (node, block_elements))
    flush_block (walk_state);
  if (is_one_of (node, heading_elements))
    {
      walk_state->headings++;
      if (is_element (node, "h1"))
        take_first (&walk_state->page->h1, element_text (node, 1000));
    }
  else if (is_element (node, "figcaption"))
    walk_state->captions++;
  else if (is_element (node, "time") && walk_state->page->time_datetime == NULL &&
           xmlHasProp (node, (const xmlChar *) "datetime") != NULL)
    {
      take_first (&walk_state->page->time_datetime, attribute (node, "datetime"));
      if (walk_state->page->time_datetime != NULL)
        take_first (&walk_state->page->time_text, element_text (node, 200));
    }
  return WALK_DESCEND;
}

static void
text_leave (xmlNode  *node,
            gpointer  data)
{
  TextWalk *walk_state = data;

  if (is_one_of (node, block_elements))
    flush_block (walk_state);
  if (is_one_of (node, heading_elements))
    walk_state->headings--;
  else if (is_element (node, "figcaption"))
    walk_state->captions--;
}

/**
 * xinzhi_extract_html:
 * @text: the page in UTF-8 (xinzhi_extract_decode_html())
 *
 * Parses the page with libxml2's HTML parser (no network, no messages of its own),
 * reads what the page says of itself, finds the article's element (<article>, else
 * <main>, else the element of itemprop=articleBody, else <body>) and hands its blocks,
 * furniture left out, to the text rules as paragraphs.
 *
 * Returns: (transfer full) (nullable): the page's metadata, for
 *   xinzhi_extract_html_metadata() once the text rules have run
 */
static gsize libxml_ready;

XinzhiExtractHtmlPage *
xinzhi_extract_html (XinzhiExtraction  *self,
                     const char        *text,
                     gsize              length,
                     GError           **error)
{
  g_autoptr(XinzhiExtractHtmlPage) page = g_new0 (XinzhiExtractHtmlPage, 1);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  TextWalk walk_state = { 0 };
  xmlNode *root;
  int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER;

  g_assert (length <= G_MAXINT);

  /* libxml2 sets itself up on its first parse, which is not safe in two threads at
   * once: an import extracts pages in several. */
  if (g_once_init_enter (&libxml_ready))
    {
      xmlInitParser ();
      g_once_init_leave (&libxml_ready, 1);
    }

  /* The text is UTF-8 already: the encoding named here is the one libxml2 reads, and
   * a charset the page declares is not read again. */
  page->doc = htmlReadMemory (text, (int) length, NULL, "UTF-8", options);
  root = page->doc != NULL ? xmlDocGetRootElement (page->doc) : NULL;
  if (root == NULL)
    {
      g_set_error_literal (error, XINZHI_EXTRACT_ERROR, XINZHI_EXTRACT_ERROR_HTML,
                           _("the HTML parser found no document in the page"));
      return NULL;
    }

  walk ((xmlNode *) page->doc, metadata_enter, NULL, page);
  if (page->article != NULL)
    page->container = page->article, page->container_name = "<article>";
  else if (page->main != NULL)
    page->container = page->main, page->container_name = "<main>";
  else if (page->article_body != NULL)
    page->container = page->article_body, page->container_name = "itemprop=articleBody";
  else if (page->body != NULL)
    page->container = page->body, page->container_name = "<body>";
  else
    page->container = root, page->container_name = "the whole page";
  self->container = page->container_name;

  walk_state.self = self;
  walk_state.page = page;
  walk_state.kept = kept;
  walk_state.block.text = g_string_new (NULL);
  walk_state.site_header = page->container == page->body || page->container == root;
  walk (page->container, text_enter, text_leave, &walk_state);
  flush_block (&walk_state);
  g_string_free (walk_state.block.text, TRUE);

  return g_steal_pointer (&page);
}

/* ---- The page's metadata, after the text's --------------------------------------- */

/* A title without the site's name after it: "Headline - Site", "Headline | Site",
 * "Headline_Section_Site", cut at such a mark while what is after it is short. */
static char *
title_without_site (const char *title)
{
  static const char *marks[] = { " - ", " | ", " – ", " — ", " :: ", " _ ", "_", "|" };
  g_autofree char *rest = g_strdup (title);

  for (guint round = 0; round < 3; round++)
    {
      char *best = NULL;
      gsize best_length = 0;

      for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
        {
          char *at = g_strrstr (rest, marks[i]);

          if (at != NULL && (best == NULL || at > best))
            best = at, best_length = strlen (marks[i]);
        }
      if (best == NULL || g_utf8_strlen (best + best_length, -1) > 40 ||
          g_utf8_strlen (rest, (gssize) (best - rest)) < 5)
        break;
      *best = '\0';
      g_strstrip (rest);
    }
  return g_steal_pointer (&rest);
}

/* A machine date, "2024-03-05T08:00:00+08:00", "2024-03-05", "2024-03" or "2024",
 * at the precision it names. */
static gboolean
parse_machine_date (const char *value,
                    XinzhiDate *date,
                    gsize      *length)
{
  guint year = 0, month = 0, day = 0;
  const char *p = value;

  while (g_ascii_isspace (*p))
    p++;
  for (guint i = 0; i < 4; i++, p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      year = year * 10 + (guint) (*p - '0');
    }
  if (year < 1900 || year > 2099)
    return FALSE;
  memset (date, 0, sizeof *date);
  date->year = (guint16) year;
  date->precision = XINZHI_DATE_PRECISION_YEAR;
  if (p[0] == '-' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
    {
      month = (guint) ((p[1] - '0') * 10 + (p[2] - '0'));
      if (month < 1 || month > 12)
        return FALSE;
      p += 3;
      date->month = (guint8) month;
      date->precision = XINZHI_DATE_PRECISION_MONTH;
      if (p[0] == '-' && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]))
        {
          day = (guint) ((p[1] - '0') * 10 + (p[2] - '0'));
          if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
            return FALSE;
          p += 3;
          date->day = (guint8) day;
          date->precision = XINZHI_DATE_PRECISION_DAY;
        }
    }
  if (g_ascii_isdigit (*p) || *p == '-')
    return FALSE;
  *length = (gsize) (p - value);
  return TRUE;
}

/* Whether @words are in the document as the loader looks for them: in a paragraph, the
 * title or the address. */
static gboolean
in_document (XinzhiExtraction *self,
             const char       *words)
{
  if ((self->title != NULL && strstr (self->title, words) != NULL) ||
      (self->url != NULL && strstr (self->url, words) != NULL))
    return TRUE;
  for (guint i = 0; i < self->paragraphs->len; i++)
    if (strstr (g_array_index (self->paragraphs, XinzhiExtractParagraph, i).text, words) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
same_date (const XinzhiDate *a,
           const XinzhiDate *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day &&
         a->precision == b->precision;
}

static void
set_stated_date (XinzhiExtraction *self,
                 const XinzhiDate *date,
                 char             *words,
                 const char       *rule)
{
  self->date = *date;
  self->date_estimated = FALSE;
  g_clear_pointer (&self->date_note, g_free);
  g_free (self->date_text);
  self->date_text = words;
  self->date_rule = rule;
}

/* The page's date.  A date the text states (a dateline) stands.  Else the page's
 * machine date, the first of article:published_time, JSON-LD's datePublished,
 * itemprop=datePublished and the article's <time datetime>: stated, if the text of its
 * <time> element or its own date part ("2024-03-05") is in the document, the loader's
 * evidence; else an estimate at the precision the machine date names, whose note
 * quotes it. */
static void
find_page_date (XinzhiExtraction      *self,
                XinzhiExtractHtmlPage *page)
{
  const struct { const char *value; const char *source; } sources[] = {
    { page->published_time, "article:published_time" },
    { page->ld_date, "JSON-LD datePublished" },
    { page->itemprop_date, "itemprop=datePublished" },
    { page->time_datetime, "<time datetime>" },
  };
  guint first = G_N_ELEMENTS (sources);
  XinzhiDate first_date = { 0 };

  if (!self->date_estimated)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      XinzhiDate date;
      gsize length;
      g_autofree char *words = NULL;

      if (sources[i].value == NULL || !parse_machine_date (sources[i].value, &date, &length))
        continue;
      if (first == G_N_ELEMENTS (sources))
        first = i, first_date = date;

      /* The <time>'s own words, when they state the same date and the document has them. */
      if (sources[i].value == page->time_datetime && page->time_text != NULL)
        {
          XinzhiDate seen = { 0 };
          gsize start, seen_length;

          if (xinzhi_extract_find_date (page->time_text, &seen, &start, &seen_length) &&
              same_date (&seen, &date))
            {
              words = g_strndup (page->time_text + start, seen_length);
              if (in_document (self, words))
                {
                  set_stated_date (self, &date, g_steal_pointer (&words), "time-element");
                  return;
                }
            }
        }
      g_clear_pointer (&words, g_free);
      words = g_strstrip (g_strndup (sources[i].value, length));
      if (in_document (self, words))
        {
          set_stated_date (self, &date, g_steal_pointer (&words), "metadata-date-in-text");
          return;
        }
    }

  if (first == G_N_ELEMENTS (sources))
    return;
  {
    g_autofree char *iso = xinzhi_date_to_iso (&first_date);

    self->date = first_date;
    self->date_estimated = TRUE;
    g_clear_pointer (&self->date_text, g_free);
    g_free (self->date_note);
    /* Translators: the first %s is a kind of metadata (article:published_time), the second its value, the third a date */
    self->date_note = g_strdup_printf (_("The page’s metadata (%s) says “%s”, which the text does not state; "
                                         "it is placed on %s, as the metadata names it, an estimate."),
                                       sources[first].source, sources[first].value, iso);
    self->date_rule = "page-metadata";
  }
}

/* Names of a byline: "By A, B and C" parted into A, B and C. */
static GStrv
split_byline (const char *text)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "by ", 3) == 0)
    p += 3;
  parts = g_regex_split_simple ("\\s*[,;、]\\s*|\\s+and\\s+|\\s*\\|\\s*", p, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      /* Not a date or a time beside the names. */
      if (*parts[i] != '\0' && g_utf8_strlen (parts[i], -1) <= 60 && strpbrk (parts[i], "0123456789") == NULL)
        g_ptr_array_add (names, g_strdup (parts[i]));
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_set_free_func (names, NULL);
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * xinzhi_extract_html_metadata:
 *
 * What the page says of itself, where the text rules (xinzhi_extract_metadata())
 * found less: the title (og:title, the article's <h1>, JSON-LD's headline, <title>
 * without the site's name), the outlet (og:site_name, application-name, JSON-LD's
 * publisher), the byline (<meta name=author>, rel=author, JSON-LD's author, an element
 * of class "byline"), the address (<link rel=canonical>, og:url) and the date.
 */
void
xinzhi_extract_html_metadata (XinzhiExtraction      *self,
                              XinzhiExtractHtmlPage *page)
{
  const char *outlet = NULL, *outlet_rule = NULL, *outlet_key = NULL;
  const char *byline = NULL;
  GStrv names;

  if (page->og_title != NULL)
    {
      g_free (self->title);
      self->title = g_strdup (page->og_title);
      self->title_rule = "og-title";
    }
  else if (page->h1 != NULL)
    {
      g_free (self->title);
      self->title = g_strdup (page->h1);
      self->title_rule = "article-h1";
    }
  else if (page->ld_headline != NULL)
    {
      g_free (self->title);
      self->title = g_strdup (page->ld_headline);
      self->title_rule = "json-ld-headline";
    }
  else if (page->title != NULL && (g_strcmp0 (self->title_rule, "first-heading") != 0))
    {
      g_free (self->title);
      self->title = title_without_site (page->title);
      self->title_rule = "html-title";
    }

  if (page->site_name != NULL)
    outlet = page->site_name, outlet_rule = "og-site-name", outlet_key = "og:site_name";
  else if (page->application_name != NULL)
    outlet = page->application_name, outlet_rule = "application-name", outlet_key = "application-name";
  else if (page->ld_publisher != NULL)
    outlet = page->ld_publisher, outlet_rule = "json-ld-publisher", outlet_key = "JSON-LD publisher.name";
  if (outlet != NULL)
    {
      g_free (self->outlet);
      g_free (self->outlet_evidence);
      self->outlet = g_strdup (outlet);
      self->outlet_rule = outlet_rule;
      self->outlet_evidence = g_strdup_printf ("%s = %s", outlet_key, outlet);
    }

  if (page->author_meta != NULL)
    byline = page->author_meta;
  else if (page->rel_author != NULL)
    byline = page->rel_author;
  else if (page->ld_author != NULL)
    byline = page->ld_author;
  else if (page->byline_class != NULL && self->byline == NULL)
    byline = page->byline_class;
  if (byline != NULL && (names = split_byline (byline)) != NULL)
    {
      g_strfreev (self->byline);
      self->byline = names;
    }

  if (page->canonical != NULL && xinzhi_extract_url_acceptable (page->canonical))
    {
      g_free (self->url);
      self->url = g_strdup (page->canonical);
    }
  else if (page->og_url != NULL && xinzhi_extract_url_acceptable (page->og_url))
    {
      g_free (self->url);
      self->url = g_strdup (page->og_url);
    }

  find_page_date (self, page);
}

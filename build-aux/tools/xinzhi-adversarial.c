/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Corpora of the shapes that once made loading cost far more than their size
 * (xinzhi-adversarial.h).
 *
 * Each shape is made of units, each a few kilobytes to a hundred with its definitions
 * and its text, added until the file reaches the size asked for, so that a shape keeps
 * its proportions at any size.  Filler words are made of the letters a to m, and the
 * terms and names of the letters n to z, so that filler never names anything by
 * chance.  Every date is an estimate, so that no date evidence is needed. */
#include "config.h"

#include <string.h>

#include "xinzhi-adversarial.h"

/* How many sectors, or people, share one term or name in the shapes that load: the
 * most the loader allows (MAX_OWNERS in xinzhi-loader-derive.c). */
#define SHARING 8
/* The single Chinese characters used as terms, one to a sector. */
#define FIRST_HAN 0x4E00
#define N_HAN 20000

typedef struct
{
  GRand   *rand;
  GString *documents;
  GString *people;
  GString *sectors;
  GString *events;
  GString *quotes;
  guint    n_documents;
  guint    n_people;
  guint    n_sectors;
  guint    n_events;
  guint    n_quotes;
  guint    n_terms;      /* made by new_term() */
} Writer;

static gsize
writer_size (Writer *self)
{
  return self->documents->len + self->people->len + self->sectors->len + self->events->len +
         self->quotes->len;
}

static guint
pick (Writer *self,
      guint   n)
{
  return g_rand_int_range (self->rand, 0, n);
}

/* A word of @length letters from @first to @last. */
static void
append_word (Writer  *self,
             GString *out,
             char     first,
             char     last,
             guint    length)
{
  for (guint i = 0; i < length; i++)
    g_string_append_c (out, first + pick (self, last - first + 1));
}

static void
append_filler (Writer  *self,
               GString *out)
{
  append_word (self, out, 'a', 'm', 3 + pick (self, 5));
}

/* A new term or name, never made before: letters n to z, @length of them at random
 * then five that count. */
static char *
new_term (Writer *self,
          guint   length)
{
  GString *term = g_string_new (NULL);
  guint count = self->n_terms++;

  append_word (self, term, 'n', 'z', length);
  for (guint i = 0; i < 5; i++, count /= 13)
    g_string_append_c (term, 'n' + count % 13);
  return g_string_free (term, FALSE);
}

static void
append_han (GString *out,
            guint    index)
{
  g_string_append_unichar (out, FIRST_HAN + index % N_HAN);
}

/* Starts an item of a list: a comma after the one before. */
static void
begin_item (GString *list,
            guint   *n)
{
  g_string_append (list, (*n)++ > 0 ? ",\n    " : "    ");
}

/* Texts here hold no quote, backslash or control character. */
static void
append_string (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  g_string_append (out, text);
  g_string_append_c (out, '"');
}

/* Adds a document of @paragraphs (of char *); returns its id's number. */
static guint
write_document (Writer    *self,
                GPtrArray *paragraphs)
{
  guint number = self->n_documents;

  begin_item (self->documents, &self->n_documents);
  g_string_append_printf (self->documents,
                          "{\"id\": \"d%u\", \"title\": \"Document %u\", \"date\": \"2024-03\", "
                          "\"date_estimated\": true, \"date_note\": \"generated\", \"paragraphs\": [",
                          number, number);
  for (guint p = 0; p < paragraphs->len; p++)
    {
      g_string_append (self->documents, p > 0 ? ", {\"text\": " : "{\"text\": ");
      append_string (self->documents, g_ptr_array_index (paragraphs, p));
      g_string_append_c (self->documents, '}');
    }
  g_string_append (self->documents, "]}");
  return number;
}

static void
write_sector (Writer             *self,
              const char * const *terms)
{
  guint number = self->n_sectors;

  begin_item (self->sectors, &self->n_sectors);
  g_string_append_printf (self->sectors,
                          "{\"id\": \"s%u\", \"name\": \"Sector %u\", \"name_zh\": \"部门%u\", "
                          "\"group\": \"g\", \"terms\": [", number, number, number);
  for (guint t = 0; terms[t]; t++)
    {
      if (t > 0)
        g_string_append (self->sectors, ", ");
      append_string (self->sectors, terms[t]);
    }
  g_string_append (self->sectors, "]}");
}

/* Adds a person named @name, with @roles: pairs of a text and a document number. */
static guint
write_person (Writer     *self,
              const char *name,
              GPtrArray  *roles,
              GArray     *role_documents)
{
  guint number = self->n_people;

  begin_item (self->people, &self->n_people);
  g_string_append_printf (self->people, "{\"id\": \"p%u\", \"name\": ", number);
  append_string (self->people, name);
  if (roles != NULL && roles->len > 0)
    {
      g_string_append (self->people, ", \"roles\": [");
      for (guint r = 0; r < roles->len; r++)
        {
          g_string_append (self->people, r > 0 ? ", {\"text\": " : "{\"text\": ");
          append_string (self->people, g_ptr_array_index (roles, r));
          g_string_append_printf (self->people, ", \"document\": \"d%u\"}",
                                  g_array_index (role_documents, guint, r));
        }
      g_string_append_c (self->people, ']');
    }
  g_string_append_c (self->people, '}');
  return number;
}

/* Adds an event dated 2024-03-05, citing paragraph @paragraphs[i] of document
 * @documents[i], each also as a date source (format version 2) whose words, @date_text,
 * state the date there. */
static void
write_event (Writer      *self,
             const char  *date_text,
             const guint *documents,
             const guint *paragraphs,
             guint        n_sources)
{
  guint number = self->n_events;

  begin_item (self->events, &self->n_events);
  g_string_append_printf (self->events,
                          "{\"id\": \"e%u\", \"title\": \"Event %u\", \"summary\": \"What event %u was.\", "
                          "\"date\": \"2024-03-05\", \"sources\": [", number, number, number);
  for (guint s = 0; s < n_sources; s++)
    g_string_append_printf (self->events, "%s{\"document\": \"d%u\", \"paragraph\": %u}",
                            s > 0 ? ", " : "", documents[s], paragraphs[s]);
  g_string_append (self->events, "], \"date_sources\": [");
  for (guint s = 0; s < n_sources; s++)
    {
      g_string_append_printf (self->events, "%s{\"document\": \"d%u\", \"paragraph\": %u, \"text\": ",
                              s > 0 ? ", " : "", documents[s], paragraphs[s]);
      append_string (self->events, date_text);
      g_string_append_c (self->events, '}');
    }
  g_string_append (self->events, "]}");
}

static void
write_quote (Writer     *self,
             guint       person,
             guint       document,
             const char *text)
{
  guint number = self->n_quotes;

  begin_item (self->quotes, &self->n_quotes);
  g_string_append_printf (self->quotes,
                          "{\"id\": \"q%u\", \"person\": \"p%u\", \"document\": \"d%u\", "
                          "\"kind\": \"direct\", \"text\": ", number, person, document);
  append_string (self->quotes, text);
  g_string_append_c (self->quotes, '}');
}

/* A paragraph of about @length bytes: filler, and every @every-th word one of
 * @words (each of them once first, in order, then at random): @next counts those
 * placed in order, in this paragraph and those before it in the document. */
static char *
mixed_paragraph (Writer    *self,
                 gsize      length,
                 GPtrArray *words,
                 guint      every,
                 guint     *next)
{
  GString *text = g_string_new (NULL);

  for (guint w = 0; text->len < length; w++)
    {
      if (w > 0)
        g_string_append_c (text, ' ');
      if (words->len > 0 && w % every == every - 1)
        {
          guint i = *next < words->len ? (*next)++ : pick (self, words->len);

          g_string_append (text, g_ptr_array_index (words, i));
        }
      else
        append_filler (self, text);
    }
  g_string_append_c (text, '.');
  return g_string_free (text, FALSE);
}

/* SHARING sectors for each of 8 new terms, SHARING people for each of 8 new names, and
 * a document of twelve paragraphs where every sixth word is one of them: about one
 * mention for every five characters, near the most a document may hold (one for every
 * four). */
static void
unit_shared_terms (Writer *self)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint t = 0; t < 8; t++)
    {
      char *term = new_term (self, pick (self, 4));
      const char *terms[] = { term, NULL };

      for (guint s = 0; s < SHARING; s++)
        write_sector (self, terms);
      g_ptr_array_add (words, term);
    }
  for (guint n = 0; n < 8; n++)
    {
      g_autofree char *family = new_term (self, 0);
      g_autofree char *given = new_term (self, 1);
      char *name = g_strdup_printf ("%c%s %c%s", g_ascii_toupper (family[0]), family + 1,
                                    g_ascii_toupper (given[0]), given + 1);

      for (guint p = 0; p < SHARING; p++)
        write_person (self, name, NULL, NULL);
      g_ptr_array_add (words, name);
    }
  for (guint p = 0, next = 0; p < 12; p++)
    g_ptr_array_add (paragraphs, mixed_paragraph (self, 900, words, 6, &next));
  write_document (self, paragraphs);
}

/* A hundred people named "Wanx …", twenty sectors with a term "wanx…", each also a
 * one-character Chinese term, and the first 26 × SHARING a one-letter Latin one; a
 * document naming them, with two paragraphs of Chinese made of those characters. */
static void
unit_shared_prefixes (Writer *self)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint n = 0; n < 100; n++)
    {
      g_autofree char *given = new_term (self, 1);
      g_autofree char *name = g_strdup_printf ("Wanx %c%s", g_ascii_toupper (given[0]), given + 1);

      write_person (self, name, NULL, NULL);
      if (n % 10 == 0)
        g_ptr_array_add (words, g_steal_pointer (&name));
    }
  for (guint s = 0; s < 20; s++)
    {
      guint number = self->n_sectors;
      g_autofree char *suffix = new_term (self, 1);
      char *term = g_strconcat ("wanx", suffix, NULL);
      GString *han = g_string_new (NULL);
      char letter[2] = { 'a' + number / SHARING, '\0' };
      const char *terms[4] = { term, NULL, NULL, NULL };
      guint t = 1;

      if (number < N_HAN)
        {
          append_han (han, number);
          terms[t++] = han->str;
        }
      if (number < 26 * SHARING)
        terms[t++] = letter;
      write_sector (self, terms);
      g_ptr_array_add (words, term);
      g_string_free (han, TRUE);
    }
  /* The one-letter words, among the rest. */
  for (char c = 'a'; c <= 'z'; c++)
    g_ptr_array_add (words, g_strdup_printf ("%c", c));

  for (guint p = 0, next = 0; p < 8; p++)
    g_ptr_array_add (paragraphs, mixed_paragraph (self, 800, words, 5, &next));
  for (guint p = 0; p < 2; p++)
    {
      GString *text = g_string_new (NULL);

      for (guint c = 0; c < 200; c++)
        append_han (text, pick (self, MIN (self->n_sectors, N_HAN)));
      g_ptr_array_add (paragraphs, g_string_free (text, FALSE));
    }
  write_document (self, paragraphs);
}

/* The date phrases of a busy paragraph, which events give as their date sources'
 * words. */
static const char * const date_phrases[] = { "March 5, 2024", "on March 5, 2024" };

/* A busy paragraph, added to @busy (of char *), the paragraphs of the one document of
 * the shape (d0, written at the end): about 60 KB where every other word is one of the
 * sixteen sectors' terms and the date comes up now and then.  With it, 160 events
 * citing it and d0's first busy paragraph, some more than once; 20 people with three
 * roles found in it; 100 quotes of 300 bytes of it. */
static void
unit_busy_paragraph (Writer    *self,
                     GPtrArray *terms,
                     GPtrArray *busy)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint paragraph;

  if (busy->len == 0)
    g_ptr_array_add (busy, g_strdup ("Reported on March 5, 2024."));
  paragraph = busy->len;
  for (guint w = 0; text->len < 60000; w++)
    {
      if (w > 0)
        g_string_append_c (text, ' ');
      if (w % 400 == 399)
        g_string_append (text, "on March 5, 2024");
      else if (w % 2)
        g_string_append (text, g_ptr_array_index (terms, pick (self, terms->len)));
      else
        append_filler (self, text);
    }
  g_string_append_c (text, '.');
  g_ptr_array_add (busy, g_strdup (text->str));

  for (guint e = 0; e < 160; e++)
    {
      guint documents[6] = { 0 };
      guint cited[6] = { paragraph, 1, paragraph, 1, paragraph, 0 };

      write_event (self, date_phrases[pick (self, G_N_ELEMENTS (date_phrases))], documents, cited,
                   1 + pick (self, G_N_ELEMENTS (cited)));
    }

  for (guint p = 0; p < 20; p++)
    {
      g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) role_documents = g_array_new (FALSE, TRUE, sizeof (guint));
      g_autofree char *name = g_strdup_printf ("Speaker %u", self->n_people);
      guint person;

      for (guint r = 0; r < 3; r++)
        {
          gsize start = pick (self, text->len - 200);

          while (text->str[start] != ' ')
            start++;
          g_ptr_array_add (roles, g_strndup (text->str + start + 1, 80));
        }
      g_array_set_size (role_documents, roles->len);
      person = write_person (self, name, roles, role_documents);

      for (guint q = 0; q < 5; q++)
        {
          gsize start = pick (self, text->len - 400);
          g_autofree char *quoted = NULL;

          while (text->str[start] != ' ')
            start++;
          quoted = g_strndup (text->str + start + 1, 300);
          write_quote (self, person, 0, quoted);
        }
    }
}

/* Every sector with one term, every person with one name, all in the text. */
static void
unit_one_term_for_all (Writer *self)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  const char *terms[] = { "nexus", NULL };

  g_ptr_array_add (words, g_strdup ("nexus"));
  g_ptr_array_add (words, g_strdup ("Nexus Prime"));
  for (guint s = 0; s < 64; s++)
    write_sector (self, terms);
  for (guint p = 0; p < 64; p++)
    write_person (self, "Nexus Prime", NULL, NULL);
  for (guint p = 0, next = 0; p < 8; p++)
    g_ptr_array_add (paragraphs, mixed_paragraph (self, 900, words, 3, &next));
  write_document (self, paragraphs);
}

/* A Chinese character of its own, and a document of 20,000 of it; its terms are 1 to
 * 16 of it, each of SHARING sectors, so that each character of the text ends them all. */
static void
unit_dense_mentions (Writer *self)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  guint character = self->n_documents;
  GString *text = g_string_new (NULL);

  for (guint k = 1; k <= 16; k++)
    {
      g_autoptr(GString) term = g_string_new (NULL);
      const char *terms[] = { NULL, NULL };

      for (guint c = 0; c < k; c++)
        append_han (term, character);
      terms[0] = term->str;
      for (guint s = 0; s < SHARING; s++)
        write_sector (self, terms);
    }
  for (guint c = 0; c < 20000; c++)
    append_han (text, character);
  g_ptr_array_add (paragraphs, g_string_free (text, FALSE));
  write_document (self, paragraphs);
}

const char *
xinzhi_adversarial_shape_name (XinzhiAdversarialShape shape)
{
  static const char * const names[] = {
    "shared-terms", "shared-prefixes", "busy-paragraph", "one-term-for-all", "dense-mentions",
  };

  g_return_val_if_fail (shape < XINZHI_ADVERSARIAL_N_SHAPES, NULL);
  return names[shape];
}

/* Whether a corpus of @shape is valid; the others must be refused. */
gboolean
xinzhi_adversarial_shape_loads (XinzhiAdversarialShape shape)
{
  return shape != XINZHI_ADVERSARIAL_ONE_TERM_FOR_ALL && shape != XINZHI_ADVERSARIAL_DENSE_MENTIONS;
}

/**
 * xinzhi_adversarial_corpus_json:
 * @shape: which
 * @size: about how many bytes
 * @seed: for the random words
 *
 * Returns: (transfer full): the corpus file, at least @size bytes (and at most one
 *   unit more)
 */
GBytes *
xinzhi_adversarial_corpus_json (XinzhiAdversarialShape shape,
                                gsize                  size,
                                guint32                seed)
{
  Writer self = { 0 };
  g_autoptr(GPtrArray) busy_terms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) busy = g_ptr_array_new_with_free_func (g_free);
  GString *out;

  g_return_val_if_fail (shape < XINZHI_ADVERSARIAL_N_SHAPES, NULL);

  self.rand = g_rand_new_with_seed (seed);
  self.documents = g_string_new (NULL);
  self.people = g_string_new (NULL);
  self.sectors = g_string_new (NULL);
  self.events = g_string_new (NULL);
  self.quotes = g_string_new (NULL);

  if (shape == XINZHI_ADVERSARIAL_BUSY_PARAGRAPH)
    for (guint s = 0; s < 16; s++)
      {
        char *term = new_term (&self, 1);
        const char *terms[] = { term, NULL };

        write_sector (&self, terms);
        g_ptr_array_add (busy_terms, term);
      }

  /* The busy paragraphs are counted as they come: they are written last. */
  while (writer_size (&self) + busy->len * 60000 < size)
    switch (shape)
      {
      case XINZHI_ADVERSARIAL_SHARED_TERMS:
        unit_shared_terms (&self);
        break;
      case XINZHI_ADVERSARIAL_SHARED_PREFIXES:
        unit_shared_prefixes (&self);
        break;
      case XINZHI_ADVERSARIAL_BUSY_PARAGRAPH:
        unit_busy_paragraph (&self, busy_terms, busy);
        break;
      case XINZHI_ADVERSARIAL_DENSE_MENTIONS:
        unit_dense_mentions (&self);
        break;
      case XINZHI_ADVERSARIAL_ONE_TERM_FOR_ALL:
      case XINZHI_ADVERSARIAL_N_SHAPES:
      default:
        unit_one_term_for_all (&self);
        break;
      }

  if (busy->len > 0)
    write_document (&self, busy);

  out = g_string_sized_new (writer_size (&self) + 1024);
  g_string_append_printf (out,
                          "{\"format\": \"xinzhi-corpus\", \"version\": 2,\n"
                          "  \"title\": \"Adversarial corpus: %s\",\n"
                          "  \"groups\": [{\"id\": \"g\", \"name\": \"Group\", \"name_zh\": \"组\"}],\n"
                          "  \"documents\": [\n",
                          xinzhi_adversarial_shape_name (shape));
  g_string_append (out, self.documents->str);
  g_string_append (out, "\n  ],\n  \"people\": [\n");
  g_string_append (out, self.people->str);
  g_string_append (out, "\n  ],\n  \"sectors\": [\n");
  g_string_append (out, self.sectors->str);
  g_string_append (out, "\n  ],\n  \"events\": [\n");
  g_string_append (out, self.events->str);
  g_string_append (out, "\n  ],\n  \"quotes\": [\n");
  g_string_append (out, self.quotes->str);
  g_string_append (out, "\n  ]\n}\n");

  g_string_free (self.documents, TRUE);
  g_string_free (self.people, TRUE);
  g_string_free (self.sectors, TRUE);
  g_string_free (self.events, TRUE);
  g_string_free (self.quotes, TRUE);
  g_rand_free (self.rand);
  return g_string_free_to_bytes (out);
}

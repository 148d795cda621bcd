/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The extractor's rules for who said what: direct quotes (words in quotation marks
 * with an attribution in the same or the next sentence), reported speech ("X said
 * that …", "…, X added.", "According to X, …", "X认为，…"), their speakers (a name,
 * or a pronoun, surname or "the expert" resolved to the one person it can be), and
 * the speakers' roles (an apposition, "Li Yuju, deputy director of …, told", or a
 * title before the name, "President Xi Jinping").  docs/import.md describes them.
 *
 * Every quote carries the rule that found it and the attribution words; a speaker that
 * cannot be resolved (two candidates, or none) is left out and the quote says why.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-extract-private.h"

typedef XinzhiExtractSpan Span;

/* The longest sentence read for reported speech, in bytes, and the most attribution
 * verbs tried in one; and how far before a quotation mark or a verb its attribution
 * and apposition are looked for (the longest of the seeds' is 120 bytes). */
#define MAX_SENTENCE 4000
#define MAX_VERBS 16
#define MAX_ATTRIBUTION 600

typedef enum
{
  SPEAKER_NAME,       /* "Li Yuju" */
  SPEAKER_SURNAME,    /* "Li", "Mr. Pan" */
  SPEAKER_REFERENCE,  /* "he", "she", "the expert", 他 */
} SpeakerKind;

typedef struct
{
  gsize        start;
  gsize        end;
  SpeakerKind  kind;
  char        *name;   /* the name, the surname, or the words */
  char        *title;  /* (nullable): "President" before the name, verbatim */
} Speaker;

typedef struct
{
  XinzhiExtraction *self;
  guint             paragraph;
  const char       *text;
  GArray           *sentences;    /* of Span */
  GArray           *marks;        /* of Span: direct quotes' inside, marks excluded */
  GArray           *mark_outer;   /* of Span: the same, marks included */
  GPtrArray        *referenced;   /* of GHashTable: people each paragraph refers to */
  int               referring;    /* the last paragraph before this one that refers to
                                   * someone, or -1 */
  GHashTable       *person_of;    /* name → index + 1 in the people */
  GHashTable       *surnames;     /* surname → Surname */
  GArray           *continuing;   /* of guint: this paragraph's quotes reported by
                                   * "…, he said", which may go on with the one before */
} Context;

/* The people whose name has a surname, as has_surname() reads it: how many, and the
 * last of them.  Kept as people are added, so that resolving a surname costs the same
 * however many people the article names. */
typedef struct
{
  guint n;
  int   person;
} Surname;

static void
speaker_clear (Speaker *speaker)
{
  g_clear_pointer (&speaker->name, g_free);
  g_clear_pointer (&speaker->title, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Speaker, speaker_clear)

/* ---- Words ----------------------------------------------------------------------- */

/* English attribution verbs; "according to" is a rule of its own. */
static const char *verbs[] = {
  "pointed out", "points out", "called on", "called for", "said", "says", "told",
  "tells", "added", "adds", "noted", "stressed", "stresses", "emphasized",
  "emphasised", "emphasizes", "urged", "explained", "argued", "believes", "warned",
  "stated", "remarked", "asserted", "observed", "insisted", "acknowledged",
  "suggested", "predicted", "wrote",
};

/* Chinese attribution verbs. */
static const char *verbs_zh[] = {
  "表示", "指出", "强调", "认为", "介绍", "透露", "坦言", "称", "说",
};

static const char *title_words[] = {
  "President", "Premier", "Vice", "Chairman", "Chairwoman", "Minister", "Secretary",
  "General", "Director", "Professor", "Prof.", "Dr.", "Chinese", "Governor", "Mayor",
  "Ambassador", "Spokesperson", "Spokesman", "Spokeswoman", "Deputy", "Chief",
  "Executive", "Senator", "Representative", "Chancellor", "Prime", "State", "Councilor",
  "Mr.", "Ms.", "Mrs.",
};

/* Capitalized words that are not names: they begin sentences or name places, bodies
 * and documents. */
static const char *not_name_words[] = {
  "The", "This", "That", "These", "Those", "It", "Its", "They", "We", "Our", "In", "On",
  "At", "For", "By", "With", "According", "However", "Meanwhile", "And", "But", "As",
  "China", "Chinese", "Beijing", "Shanghai", "National", "People's", "Government",
  "Report", "Work", "University", "Institute", "Academy", "Ministry", "Party",
  "Committee", "Congress", "Council", "News", "Service", "Daily", "Online", "Xinhua",
  "Province", "City", "Bureau", "Office", "Center", "Centre", "Association",
  "Company", "Group", "Bank", "Forum", "Conference", "Agency", "Times", "Post",
  "Industry", "Industries", "Economic", "Development", "Science", "Sciences", "State",
  "Two", "Sessions", "Some", "Many", "Most", "All", "Both", "Experts", "Officials",
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
  "Thursday", "Friday", "Saturday", "Sunday", "He", "She", "Mr.", "Ms.", "Mrs.", "Dr.",
};

static const char *references[] = {
  "the expert", "the official", "the scholar", "the professor", "the economist",
  "the researcher", "the analyst", "the spokesperson", "the spokesman",
  "the spokeswoman", "the minister", "the deputy", "the lawmaker", "the adviser",
  "the advisor", "the director", "the executive",
};

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '\'' || c == '-' || c == '.';
}

/* A word that can be part of a name: a capital, then lower-case letters, maybe a
 * hyphenated second part ("Jae-in"). */
static gboolean
is_name_word (const char *word,
              gsize       length)
{
  if (length < 2 || !g_ascii_isupper (word[0]))
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (!g_ascii_islower (word[i]) && !(word[i] == '-' && i + 1 < length))
      return FALSE;
  return !xinzhi_extract_word_in_list (word, length, not_name_words, G_N_ELEMENTS (not_name_words));
}

/* The words of @text in [from, to), as spans, separated by single spaces. */
static GArray *
split_words (const char *text,
             gsize       from,
             gsize       to)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Span));
  gsize i = from;

  while (i < to)
    {
      Span word;

      while (i < to && text[i] == ' ')
        i++;
      word.start = i;
      while (i < to && text[i] != ' ')
        i++;
      word.end = i;
      if (word.end > word.start)
        g_array_append_val (words, word);
    }
  return words;
}

static gboolean
word_is (const char *text,
         Span        word,
         const char *what)
{
  return word.end - word.start == strlen (what) &&
         strncmp (text + word.start, what, word.end - word.start) == 0;
}

/* ---- Speakers -------------------------------------------------------------------- */

/* A speaker in the words @w[first … last]: a pronoun, "the expert", "Mr. Pan", or
 * title words and a name of one to three words.  The whole range must be the speaker. */
static gboolean
parse_speaker_words (const char *text,
                     GArray     *w,
                     guint       first,
                     guint       last,
                     Speaker    *speaker)
{
  guint n = last - first + 1;
  guint name_first = first;
  Span a = g_array_index (w, Span, first);
  Span b = g_array_index (w, Span, last);

  speaker->start = a.start;
  speaker->end = b.end;
  if (n == 1 && (word_is (text, a, "he") || word_is (text, a, "He") ||
                 word_is (text, a, "she") || word_is (text, a, "She")))
    {
      speaker->kind = SPEAKER_REFERENCE;
      speaker->name = g_strndup (text + a.start, a.end - a.start);
      return TRUE;
    }
  if (n == 2)
    {
      g_autofree char *words = g_ascii_strdown (text + a.start, (gssize) (b.end - a.start));

      for (guint i = 0; i < G_N_ELEMENTS (references); i++)
        if (g_str_equal (words, references[i]))
          {
            speaker->kind = SPEAKER_REFERENCE;
            speaker->name = g_strndup (text + a.start, b.end - a.start);
            return TRUE;
          }
    }

  while (name_first <= last)
    {
      Span word = g_array_index (w, Span, name_first);

      if (!xinzhi_extract_word_in_list (text + word.start, word.end - word.start, title_words, G_N_ELEMENTS (title_words)))
        break;
      name_first++;
    }
  if (name_first > last || last - name_first + 1 > 3)
    return FALSE;
  for (guint i = name_first; i <= last; i++)
    {
      Span word = g_array_index (w, Span, i);

      if (!is_name_word (text + word.start, word.end - word.start))
        return FALSE;
    }
  a = g_array_index (w, Span, name_first);
  speaker->name = g_strndup (text + a.start, b.end - a.start);
  speaker->kind = name_first == last ? SPEAKER_SURNAME : SPEAKER_NAME;
  if (name_first > first)
    {
      Span t = g_array_index (w, Span, name_first - 1);
      Span f = g_array_index (w, Span, first);
      /* "Mr." and "Ms." are not roles. */
      gboolean honorific = name_first - first == 1 &&
        (word_is (text, f, "Mr.") || word_is (text, f, "Ms.") || word_is (text, f, "Mrs.") ||
         word_is (text, f, "Dr."));

      if (!honorific)
        speaker->title = g_strndup (text + f.start, t.end - f.start);
    }
  return TRUE;
}

/* The longest speaker that ends at @to (spaces before @to skipped), starting after
 * @from. */
static gboolean
speaker_ending_at (const char *text,
                   gsize       from,
                   gsize       to,
                   Speaker    *speaker)
{
  g_autoptr(GArray) w = NULL;
  gsize start = to;

  while (to > from && text[to - 1] == ' ')
    to--;
  start = to;
  /* Back over at most six words of letters (a run stops at other punctuation). */
  for (guint n = 0; start > from && n < 6; n++)
    {
      gsize s = start;

      while (s > from && text[s - 1] == ' ')
        s--;
      if (s == from || !is_word_char (text[s - 1]))
        break;
      while (s > from && is_word_char (text[s - 1]))
        s--;
      start = s;
    }
  w = split_words (text, start, to);
  if (w->len == 0)
    return FALSE;
  /* Longest first, but a lower-case word ends the name on the left. */
  for (guint first = 0; first < w->len; first++)
    {
      Span f = g_array_index (w, Span, first);

      /* "he"/"the expert" may follow lower-case words; a name run may not. */
      if (first > 0)
        {
          Span before = g_array_index (w, Span, first - 1);

          if (g_ascii_isupper (text[before.start]) && g_ascii_isupper (text[f.start]))
            continue;
        }
      if (parse_speaker_words (text, w, first, w->len - 1, speaker))
        return TRUE;
      speaker_clear (speaker);
    }
  return FALSE;
}

/* The longest speaker that starts at @from, ending before @to. */
static gboolean
speaker_starting_at (const char *text,
                     gsize       from,
                     gsize       to,
                     Speaker    *speaker)
{
  g_autoptr(GArray) w = NULL;
  gsize end = from;

  while (from < to && text[from] == ' ')
    from++;
  end = from;
  for (guint n = 0; end < to && n < 6; n++)
    {
      gsize e = end;

      while (e < to && text[e] == ' ')
        e++;
      if (e == to || !g_ascii_isalpha (text[e]))
        break;
      while (e < to && is_word_char (text[e]))
        e++;
      /* A full stop ends the sentence, except in an abbreviation ("Mr."). */
      end = e;
      if (text[e - 1] == '.' && !(e - from <= 4 || (e >= 3 && text[e - 4] == ' ')))
        break;
    }
  w = split_words (text, from, end);
  for (guint last = w->len; last > 0; last--)
    {
      Span l = g_array_index (w, Span, last - 1);
      gsize length = l.end;

      /* "Zhou." at a sentence's end: the full stop is not part of the name. */
      if (text[length - 1] == '.' || text[length - 1] == ',')
        {
          if (length - l.start > 3 || text[length - 1] == ',')
            {
              g_array_index (w, Span, last - 1).end--;
            }
        }
      if (last < w->len)
        {
          Span next = g_array_index (w, Span, last);

          if (g_ascii_isupper (text[next.start]) && g_ascii_isupper (text[l.start]) &&
              text[l.end] == ' ')
            continue;
        }
      if (parse_speaker_words (text, w, 0, last - 1, speaker))
        return TRUE;
      speaker_clear (speaker);
    }
  return FALSE;
}

/* ---- People ---------------------------------------------------------------------- */


static void
add_role (XinzhiExtraction *self,
          int               person,
          const char       *role)
{
  XinzhiExtractPerson *p = &g_array_index (self->people, XinzhiExtractPerson, person);
  g_autofree char *trimmed = g_strstrip (g_strdup (role));
  gsize length = strlen (trimmed);

  while (length > 0 && (trimmed[length - 1] == '.' || trimmed[length - 1] == ','))
    trimmed[--length] = '\0';
  if (length < 2 || length > 300 || strpbrk (trimmed, "\"“”") != NULL)
    return;
  for (guint i = 0; i < p->roles->len; i++)
    if (g_str_equal (g_ptr_array_index (p->roles, i), trimmed))
      return;
  g_ptr_array_add (p->roles, g_steal_pointer (&trimmed));
}

/* Another name the article gives a person, verbatim: "Li", "Mr. Pan". */
static void
add_variant (XinzhiExtraction *self,
             int               person,
             const char       *words,
             gsize             length)
{
  XinzhiExtractPerson *p = &g_array_index (self->people, XinzhiExtractPerson, person);
  g_autofree char *variant = g_strndup (words, length);

  if (g_str_equal (variant, p->name))
    return;
  for (guint i = 0; i < p->variants->len; i++)
    if (g_str_equal (g_ptr_array_index (p->variants, i), variant))
      return;
  g_ptr_array_add (p->variants, g_steal_pointer (&variant));
}

static void
count_surname (Context    *ctx,
               const char *surname,
               gsize       length,
               int         person)
{
  g_autofree char *key = g_strndup (surname, length);
  Surname *counted = g_hash_table_lookup (ctx->surnames, key);

  if (counted == NULL)
    {
      counted = g_new0 (Surname, 1);
      g_hash_table_insert (ctx->surnames, g_steal_pointer (&key), counted);
    }
  counted->n++;
  counted->person = person;
}

/* The person named @name, added when new, found by the words @evidence (of
 * @evidence_length bytes) that name them. */
static int
add_person (Context    *ctx,
            const char *name,
            const char *rule,
            const char *evidence,
            gsize       evidence_length)
{
  XinzhiExtraction *self = ctx->self;
  XinzhiExtractPerson person = { 0 };
  gpointer known = g_hash_table_lookup (ctx->person_of, name);
  const char *first_space = strchr (name, ' ');
  const char *last_space = strrchr (name, ' ');
  int index;

  if (known != NULL)
    return GPOINTER_TO_INT (known) - 1;
  person.name = g_strdup (name);
  person.roles = g_ptr_array_new_with_free_func (g_free);
  person.variants = g_ptr_array_new_with_free_func (g_free);
  person.rule = rule;
  person.evidence = g_strndup (evidence, evidence_length);
  g_array_append_val (self->people, person);
  index = (int) self->people->len - 1;
  g_hash_table_insert (ctx->person_of, person.name, GINT_TO_POINTER (index + 1));

  /* Its surnames: the first word (as Chinese names are written) and the last. */
  if (first_space != NULL)
    {
      count_surname (ctx, name, (gsize) (first_space - name), index);
      if (strncmp (name, last_space + 1, (gsize) (first_space - name)) != 0 ||
          strlen (last_space + 1) != (gsize) (first_space - name))
        count_surname (ctx, last_space + 1, strlen (last_space + 1), index);
    }
  return index;
}

static void
refer (Context *ctx,
       int      person)
{
  GHashTable *set = g_ptr_array_index (ctx->referenced, ctx->paragraph);

  g_hash_table_add (set, GINT_TO_POINTER (person + 1));
}

/* Resolves @speaker to a person, or returns -1 with the reason in @note.  A name is a
 * person (added when new); a surname is the one person of the article with that
 * surname; a pronoun or "the expert" is the one person the paragraph has referred to
 * so far, or else the one person the nearest paragraph before it refers to. */
static int
resolve (Context  *ctx,
         Speaker  *speaker,
         char    **note)
{
  XinzhiExtraction *self = ctx->self;

  if (speaker->kind == SPEAKER_NAME)
    {
      int person = add_person (ctx, speaker->name, "attribution", ctx->text + speaker->start,
                               speaker->end - speaker->start);

      if (speaker->title != NULL)
        add_role (self, person, speaker->title);
      refer (ctx, person);
      return person;
    }

  if (speaker->kind == SPEAKER_SURNAME)
    {
      /* A surname is the first word of a name (as Chinese names are written) or its
       * last (count_surname()). */
      const Surname *counted = g_hash_table_lookup (ctx->surnames, speaker->name);
      int found = counted != NULL ? counted->person : -1;
      guint n = counted != NULL ? counted->n : 0;

      if (n == 1)
        {
          *note = g_strdup_printf (_("“%s” is the only person of the article with that name"),
                                   speaker->name);
          add_variant (self, found, ctx->text + speaker->start, speaker->end - speaker->start);
          refer (ctx, found);
          return found;
        }
      *note = n == 0
        ? g_strdup_printf (_("no speaker: no person named before has the name “%s”"), speaker->name)
        : g_strdup_printf (_("no speaker: %u people named before could be “%s”"), n, speaker->name);
      return -1;
    }

  /* This paragraph, or else the last before it that refers to someone. */
  for (int i = (int) ctx->paragraph; i >= 0; i = i == (int) ctx->paragraph ? ctx->referring : -1)
    {
      GHashTable *set = g_ptr_array_index (ctx->referenced, i);
      GHashTableIter iter;
      gpointer key;

      if (g_hash_table_size (set) == 0)
        continue;
      if (g_hash_table_size (set) > 1)
        {
          *note = g_strdup_printf (_("no speaker: “%s” could be any of %u people named in paragraph %d"),
                                   speaker->name, g_hash_table_size (set), i);
          return -1;
        }
      g_hash_table_iter_init (&iter, set);
      g_hash_table_iter_next (&iter, &key, NULL);
      *note = g_strdup_printf (_("“%s” is %s, the one person paragraph %d refers to"),
                               speaker->name,
                               g_array_index (self->people, XinzhiExtractPerson,
                                              GPOINTER_TO_INT (key) - 1).name, i);
      refer (ctx, GPOINTER_TO_INT (key) - 1);
      return GPOINTER_TO_INT (key) - 1;
    }
  *note = g_strdup_printf (_("no speaker: “%s” follows no named person"), speaker->name);
  return -1;
}

/* ---- Quotation marks ------------------------------------------------------------- */

/* Quoted spans: “…”, "…", 「…」, and ‘…’ where ‘ opens after a space and ’ closes
 * before one (so that apostrophes are not marks). */
static void
find_marks (Context *ctx)
{
  const char *t = ctx->text;
  gsize length = strlen (t);
  /* Each kind of closing mark that no longer occurs after where it was looked for:
   * an opening mark of that kind after it is never closed either, and is not looked
   * at again, so that a paragraph of unclosed marks is read once, not once per mark. */
  gboolean unclosed[4] = { FALSE, FALSE, FALSE, FALSE };

  for (gsize i = 0; i < length; i++)
    {
      const char *close = NULL;
      gsize open_length = 1;
      guint kind = 0;
      gboolean closed = FALSE;

      if (t[i] == '"')
        close = "\"", kind = 0;
      else if (strncmp (t + i, "“", 3) == 0)
        close = "”", open_length = 3, kind = 1;
      else if (strncmp (t + i, "「", 3) == 0)
        close = "」", open_length = 3, kind = 2;
      else if (strncmp (t + i, "‘", 3) == 0 && (i == 0 || t[i - 1] == ' '))
        close = "’", open_length = 3, kind = 3;
      if (close == NULL || unclosed[kind])
        continue;

      for (gsize j = i + open_length; j < length && !closed; j++)
        if (strncmp (t + j, close, strlen (close)) == 0 &&
            (!g_str_equal (close, "’") || !g_ascii_isalpha (t[j + 3])))
          {
            Span inner = { i + open_length, j };
            Span outer = { i, j + strlen (close) };

            g_array_append_val (ctx->marks, inner);
            g_array_append_val (ctx->mark_outer, outer);
            i = outer.end - 1;
            closed = TRUE;
          }
      unclosed[kind] = !closed;
    }
}

/* The index of the span of @spans (in text order, none overlapping) that holds @at, or
 * -1. */
static int
span_holding (GArray *spans,
              gsize   at)
{
  guint low = 0, high = spans->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      Span o = g_array_index (spans, Span, middle);

      if (at < o.start)
        high = middle;
      else if (at >= o.end)
        low = middle + 1;
      else
        return (int) middle;
    }
  return -1;
}

static gboolean
inside_marks (Context *ctx,
              gsize    at)
{
  return span_holding (ctx->mark_outer, at) >= 0;
}

static gsize
count_words (const char *text,
             gsize       start,
             gsize       end)
{
  gsize words = 0;
  gboolean in_word = FALSE;

  for (gsize i = start; i < end; )
    {
      gunichar c = g_utf8_get_char (text + i);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        {
          /* Two characters count as a word. */
          words++;
          in_word = FALSE;
          i = (gsize) (g_utf8_next_char (text + i) - text);
          if (i < end && g_unichar_get_script (g_utf8_get_char (text + i)) == G_UNICODE_SCRIPT_HAN)
            i = (gsize) (g_utf8_next_char (text + i) - text);
          continue;
        }
      if (g_unichar_isalnum (c))
        {
          if (!in_word)
            words++;
          in_word = TRUE;
        }
      else
        in_word = FALSE;
      i = (gsize) (g_utf8_next_char (text + i) - text);
    }
  return words;
}

/* A bit per byte: whether a verb of either list starts with it.  Most places of a text
 * start none, and are passed over without comparing each verb. */
static guint64 verb_initials[4];

static void
init_verb_initials (void)
{
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
        verb_initials[(guchar) verbs[i][0] / 64] |= G_GUINT64_CONSTANT (1) << ((guchar) verbs[i][0] % 64);
      for (guint i = 0; i < G_N_ELEMENTS (verbs_zh); i++)
        verb_initials[(guchar) verbs_zh[i][0] / 64] |= G_GUINT64_CONSTANT (1) << ((guchar) verbs_zh[i][0] % 64);
      g_once_init_leave (&ready, 1);
    }
}

/* After init_verb_initials(). */
static inline gboolean
starts_a_verb (guchar c)
{
  return (verb_initials[c / 64] >> (c % 64)) & 1;
}

/* An attribution verb at @at, as a word of its own: its length, or 0. */
static gsize
verb_at (const char *text,
         gsize       at)
{
  if (!starts_a_verb ((guchar) text[at]) || (at > 0 && g_ascii_isalnum (text[at - 1])))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      gsize n;

      if (text[at] != verbs[i][0] || text[at + 1] != verbs[i][1])
        continue;
      n = strlen (verbs[i]);
      if (strncmp (text + at, verbs[i], n) == 0 && !g_ascii_isalnum (text[at + n]))
        return n;
    }
  return 0;
}

static gsize
verb_zh_at (const char *text,
            gsize       at)
{
  if (!starts_a_verb ((guchar) text[at]))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (verbs_zh); i++)
    {
      gsize n;

      /* Every verb is two bytes or more (one Han character is three). */
      if (text[at + 1] != verbs_zh[i][1] || text[at + 2] != verbs_zh[i][2])
        continue;
      n = strlen (verbs_zh[i]);
      if (strncmp (text + at, verbs_zh[i], n) == 0)
        return n;
    }
  return 0;
}

/* The Chinese speaker in [start, end): a name, or 他/她. */
static void
set_chinese_speaker (const char *t,
                     gsize       start,
                     gsize       end,
                     Speaker    *speaker)
{
  speaker->start = start;
  speaker->end = end;
  speaker->name = g_strndup (t + start, end - start);
  speaker->kind = (g_str_equal (speaker->name, "他") || g_str_equal (speaker->name, "她"))
    ? SPEAKER_REFERENCE : SPEAKER_NAME;
}

/* The Chinese speaker right before @end: at most four Han characters, after @from. */
static gboolean
chinese_speaker_before (const char *t,
                        gsize       from,
                        gsize       end,
                        Speaker    *speaker)
{
  gsize s = end;
  guint chars = 0;

  while (s > from && chars < 4)
    {
      const char *prev = g_utf8_prev_char (t + s);

      if (g_unichar_get_script (g_utf8_get_char (prev)) != G_UNICODE_SCRIPT_HAN)
        break;
      s = (gsize) (prev - t);
      chars++;
    }
  if (chars == 0)
    return FALSE;
  set_chinese_speaker (t, s, end, speaker);
  return TRUE;
}

/* ---- Quotes ---------------------------------------------------------------------- */

static gboolean
overlaps_quote (XinzhiExtraction *self,
                guint             paragraph,
                gsize             start,
                gsize             end)
{
  /* The quotes are found paragraph by paragraph: this one's are the last. */
  for (guint i = self->quotes->len; i > 0; i--)
    {
      XinzhiExtractQuote *q = &g_array_index (self->quotes, XinzhiExtractQuote, i - 1);

      if (q->paragraph != paragraph)
        break;
      if (start < q->end && q->start < end)
        return TRUE;
    }
  return FALSE;
}

/* Adds the quote [start, end) of the paragraph, trimmed of spaces and of the comma (and
 * for reported speech the full stop) that ends it, if it has at least three words.  A
 * %NULL @speaker is an attribution that names no one: the quote has no speaker. */
static void
add_quote (Context    *ctx,
           gsize       start,
           gsize       end,
           gboolean    direct,
           Speaker    *speaker,
           const char *rule,
           gsize       evidence_start,
           gsize       evidence_end,
           const char *role)
{
  const char *t = ctx->text;
  XinzhiExtractQuote quote = { 0 };
  char *note = NULL;

  while (start < end && (t[start] == ' ' || t[start] == ','))
    start++;
  for (;;)
    {
      while (end > start && t[end - 1] == ' ')
        end--;
      if (end > start && (t[end - 1] == ',' || (!direct && t[end - 1] == '.')))
        end--;
      else if (end >= start + 3 && (strncmp (t + end - 3, "，", 3) == 0 ||
                                    (!direct && strncmp (t + end - 3, "。", 3) == 0)))
        end -= 3;
      else
        break;
    }
  if (count_words (t, start, end) < 3 || overlaps_quote (ctx->self, ctx->paragraph, start, end))
    return;

  if (speaker != NULL)
    quote.person = resolve (ctx, speaker, &note);
  else
    {
      quote.person = -1;
      note = g_strdup_printf (_("no speaker: “%.*s” names no person"),
                              (int) (evidence_end - evidence_start), t + evidence_start);
    }
  quote.paragraph = ctx->paragraph;
  quote.start = start;
  quote.end = end;
  quote.text = g_strndup (t + start, end - start);
  quote.direct = direct;
  quote.rule = rule;
  quote.evidence = g_strndup (t + evidence_start, evidence_end - evidence_start);
  quote.note = note;
  if (quote.person >= 0 && role != NULL)
    add_role (ctx->self, quote.person, role);
  g_array_append_val (ctx->self->quotes, quote);
}

/* After a closing mark: ", Li said", ", he added", ", said Pan Jiaofeng, NPC deputy
 * and …", "，李说", within [from, to).  Sets the speaker, the end of the attribution and
 * the role an apposition gives. */
static gboolean
attribution_after (Context  *ctx,
                   gsize     from,
                   gsize     to,
                   Speaker  *speaker,
                   gsize    *evidence_end,
                   char    **role)
{
  const char *t = ctx->text;
  gsize at = from;
  gsize n;

  while (at < to && (t[at] == ' ' || t[at] == ','))
    at++;
  if (at + 3 <= to && strncmp (t + at, "，", 3) == 0)
    at += 3;

  /* said Pan Jiaofeng[, role]. */
  if ((n = verb_at (t, at)) != 0 && speaker_starting_at (t, at + n, to, speaker))
    {
      gsize e = speaker->end;

      if (t[e] == ',' && e + 2 < to)
        {
          gsize r = to;

          while (r > e + 2 && strchr (". ", t[r - 1]) != NULL)
            r--;
          if (r > e + 2)
            *role = g_strndup (t + e + 2, r - e - 2);
        }
      *evidence_end = speaker->end;
      return TRUE;
    }
  /* Li said / he added / Zhou Yuan, founder of …, said */
  if (speaker_starting_at (t, at, to, speaker))
    {
      gsize e = speaker->end;

      while (e < to && t[e] == ' ')
        e++;
      if ((n = verb_at (t, e)) != 0)
        {
          *evidence_end = e + n;
          return TRUE;
        }
      speaker_clear (speaker);
    }
  /* Chinese: 李说 / 他表示 */
  {
    gsize v = at;

    for (guint k = 0; k < 6 && v < to; k++)
      {
        if ((n = verb_zh_at (t, v)) != 0 && v > at)
          {
            set_chinese_speaker (t, at, v, speaker);
            *evidence_end = v + n;
            return TRUE;
          }
        if (g_unichar_get_script (g_utf8_get_char (t + v)) != G_UNICODE_SCRIPT_HAN)
          break;
        v = (gsize) (g_utf8_next_char (t + v) - t);
      }
  }
  return FALSE;
}

/* Before an opening mark: "Li Yuju said: “", "He told reporters, “", "Pan Jiafeng, vice
 * chairman …, said: “", "李说：“".  The speaker ends before the verb, or before an
 * apposition that ends before it. */
static gboolean
attribution_before (Context  *ctx,
                    gsize     from,
                    gsize     to,
                    Speaker  *speaker,
                    gsize    *evidence_start,
                    char    **role);

/* "X, APPOSITION, verb": a speaker at the start of a clause in [from, to), followed by
 * ", " and the apposition up to @to (which ends with ","). */
static gboolean
speaker_with_apposition (Context  *ctx,
                         gsize     from,
                         gsize     to,
                         Speaker  *speaker,
                         char    **role)
{
  const char *t = ctx->text;

  gsize window = MAX (from, to > MAX_ATTRIBUTION ? to - MAX_ATTRIBUTION : 0);

  for (gsize p = window; p < to; p++)
    {
      if (p != from && !(p >= 2 && t[p - 2] == ',' && t[p - 1] == ' '))
        continue;
      if (speaker_starting_at (t, p, to, speaker))
        {
          gsize e = speaker->end;

          if (t[e] == ',' && t[e + 1] == ' ' && e + 2 < to - 1 &&
              speaker->kind != SPEAKER_REFERENCE)
            {
              *role = g_strndup (t + e + 2, to - 1 - (e + 2));
              return TRUE;
            }
          speaker_clear (speaker);
        }
    }
  return FALSE;
}

/* The speaker of a verb at @verb: right before it, or before an apposition. */
static gboolean
speaker_of_verb (Context  *ctx,
                 gsize     from,
                 gsize     verb,
                 Speaker  *speaker,
                 char    **role)
{
  const char *t = ctx->text;
  gsize end = verb;

  while (end > from && t[end - 1] == ' ')
    end--;
  if (end > from && t[end - 1] == ',')
    return speaker_with_apposition (ctx, from, end, speaker, role);
  return speaker_ending_at (t, from, end, speaker);
}

static gboolean
attribution_before (Context  *ctx,
                    gsize     from,
                    gsize     to,
                    Speaker  *speaker,
                    gsize    *evidence_start,
                    char    **role)
{
  const char *t = ctx->text;
  gsize end = to;
  gsize n;

  from = MAX (from, to > MAX_ATTRIBUTION ? to - MAX_ATTRIBUTION : 0);
  while (end > from && t[end - 1] == ' ')
    end--;
  if (end > from && (t[end - 1] == ':' || t[end - 1] == ','))
    end--;
  else if (end >= from + 3 && (strncmp (t + end - 3, "：", 3) == 0 || strncmp (t + end - 3, "，", 3) == 0))
    end -= 3;
  else
    return FALSE;

  /* English: the last verb, with at most three words after it ("told reporters"). */
  for (gsize v = end; v > from; v--)
    if ((n = verb_at (t, v - 1)) != 0 && v - 1 + n <= end)
      {
        if (count_words (t, v - 1 + n, end) > 3)
          break;
        if (speaker_of_verb (ctx, from, v - 1, speaker, role))
          {
            *evidence_start = speaker->start;
            return TRUE;
          }
        break;
      }

  /* Chinese: 李表示：“ */
  for (guint i = 0; i < G_N_ELEMENTS (verbs_zh); i++)
    {
      gsize vn = strlen (verbs_zh[i]);

      if (end < from + vn || strncmp (t + end - vn, verbs_zh[i], vn) != 0 ||
          !chinese_speaker_before (t, from, end - vn, speaker))
        continue;
      *evidence_start = speaker->start;
      return TRUE;
    }
  return FALSE;
}

/* Right after a closing mark: ", said Party Secretary of …", an attribution verb whose
 * subject follows it and starts with a capital, but that no rule reads as a person.
 * The words are still a quote; who said them is for the person reviewing to say.
 * Lower-case words after the verb ("said residents", "said the notice") are not taken:
 * they name no single person. */
static gboolean
verb_then_unnamed (Context *ctx,
                   gsize    from,
                   gsize    to,
                   gsize   *evidence_start,
                   gsize   *evidence_end)
{
  const char *t = ctx->text;
  gsize at = from;
  gsize n, end;

  while (at < to && (t[at] == ' ' || t[at] == ','))
    at++;
  if (at == from || (n = verb_at (t, at)) == 0 || t[at + n] != ' ' ||
      !g_ascii_isupper (t[at + n + 1]))
    return FALSE;
  end = MIN (to, at + MAX_ATTRIBUTION);
  while (end > at + n && (t[end] & 0xC0) == 0x80)
    end--;
  while (end > at + n && strchr (". ", t[end - 1]) != NULL)
    end--;
  *evidence_start = at;
  *evidence_end = end;
  return TRUE;
}

static guint
sentence_of (Context *ctx,
             gsize    at)
{
  int i = span_holding (ctx->sentences, at);

  if (i >= 0)
    return (guint) i;
  return ctx->sentences->len > 0 ? ctx->sentences->len - 1 : 0;
}

/* Direct quotes: words in quotation marks, of at least four words (or eight Chinese
 * characters), with an attribution right after the closing mark or right before the
 * opening one, in the same sentence, or at the start of the next when the quote is
 * its whole sentence.  Shorter quoted words
 * (scare quotes, titles, slogans) and quotes without an attribution are not quotes. */
static void
find_direct_quotes (Context *ctx)
{
  const char *t = ctx->text;

  if (ctx->sentences->len == 0)
    return;
  for (guint i = 0; i < ctx->marks->len; i++)
    {
      Span inner = g_array_index (ctx->marks, Span, i);
      Span outer = g_array_index (ctx->mark_outer, Span, i);
      g_auto(Speaker) speaker = { 0 };
      g_autofree char *role = NULL;
      guint si = sentence_of (ctx, outer.start);
      Span s = g_array_index (ctx->sentences, Span, si);
      gsize ev_start, ev_end;

      if (count_words (t, inner.start, inner.end) < 4)
        continue;

      if (attribution_after (ctx, outer.end, s.end, &speaker, &ev_end, &role))
        add_quote (ctx, inner.start, inner.end, TRUE, &speaker, "quote-then-attribution",
                   outer.end, ev_end, role);
      else if (attribution_before (ctx, s.start, outer.start, &speaker, &ev_start, &role))
        add_quote (ctx, inner.start, inner.end, TRUE, &speaker, "attribution-then-quote",
                   ev_start, outer.start, role);
      else if (si + 1 < ctx->sentences->len && outer.end + 2 >= s.end)
        {
          Span next = g_array_index (ctx->sentences, Span, si + 1);

          if (attribution_after (ctx, next.start, next.end, &speaker, &ev_end, &role))
            add_quote (ctx, inner.start, inner.end, TRUE, &speaker,
                       "quote-then-attribution-next-sentence", next.start, ev_end, role);
        }
      else if (verb_then_unnamed (ctx, outer.end, s.end, &ev_start, &ev_end))
        add_quote (ctx, inner.start, inner.end, TRUE, NULL, "quote-then-verb",
                   ev_start, ev_end, NULL);
    }
}

/* Where the words a "…, he said" reports start in the clause [from, to): after the
 * clause's own "and said", "and emphasized (that)" when it has one ("X visited Y and
 * emphasized Z, he stressed" reports Z), or else at @from. */
static gsize
reported_start (Context *ctx,
                gsize    from,
                gsize    to)
{
  const char *t = ctx->text;
  gsize start = from;

  for (gsize v = from + 4; v < to; v++)
    {
      gsize n;

      if (strncmp (t + v - 4, "and ", 4) != 0 || (v > from + 4 && g_ascii_isalnum (t[v - 5])) ||
          (n = verb_at (t, v)) == 0 || inside_marks (ctx, v))
        continue;
      start = v + n;
      while (start < to && t[start] == ' ')
        start++;
      if (strncmp (t + start, "that ", 5) == 0)
        start += 5;
    }
  return start;
}

/* Reported speech in one sentence:
 *   "according-to":          According to X, …
 *   "speaker-verb-that":     X[, apposition,] said (that) … / told Y that …
 *   "clause-then-speaker":   …, X[, apposition,] said.   …, said X[, apposition].
 *   "speaker-verb-zh":       X表示，…   X认为…
 * The words reported run to the end of the sentence, or to the comma before the
 * attribution. */
static void
find_reported_speech (Context *ctx,
                      Span     s)
{
  const char *t = ctx->text;

  if (overlaps_quote (ctx->self, ctx->paragraph, s.start, s.end))
    return;

  /* According to X, … */
  if (g_ascii_strncasecmp (t + s.start, "according to ", 13) == 0)
    {
      g_auto(Speaker) speaker = { 0 };

      if (speaker_starting_at (t, s.start + 13, s.end, &speaker) &&
          speaker.kind != SPEAKER_REFERENCE && t[speaker.end] == ',')
        {
          gsize from = speaker.end + 1;
          g_autofree char *role = NULL;
          const char *next;

          /* "According to X, a hydrologist at …, the …": an apposition that starts
           * with an article and ends at the next comma is X's role. */
          while (t[from] == ' ')
            from++;
          next = g_strstr_len (t + from, (gssize) (s.end - from), ", ");
          if (next != NULL &&
              (g_str_has_prefix (t + from, "a ") || g_str_has_prefix (t + from, "an ") ||
               g_str_has_prefix (t + from, "the ")))
            {
              role = g_strndup (t + from, (gsize) (next - (t + from)));
              from = (gsize) (next - t) + 1;
            }
          add_quote (ctx, from, s.end, FALSE, &speaker, "according-to",
                     s.start, speaker.end, role);
          return;
        }
    }

  /* An attribution is a few words around a verb: a longer "sentence" (a list, a text
   * without full stops) is not read for one, and only its first verbs are tried, so
   * that no paragraph costs more than its length times a constant. */
  if (s.end - s.start > MAX_SENTENCE)
    return;
  for (gsize v = s.start, n_verbs = 0; v < s.end && n_verbs < MAX_VERBS; v++)
    {
      g_auto(Speaker) speaker = { 0 };
      g_autofree char *role = NULL;
      gsize n = starts_a_verb ((guchar) t[v]) ? verb_at (t, v) : 0;
      gsize after, before_end;
      gsize rest_words;

      if (n == 0 || inside_marks (ctx, v))
        continue;
      n_verbs++;
      after = v + n;
      rest_words = count_words (t, after, s.end);

      /* …, said X[, apposition]. */
      before_end = v;
      while (before_end > s.start && t[before_end - 1] == ' ')
        before_end--;
      if (before_end > s.start && t[before_end - 1] == ',' &&
          speaker_starting_at (t, after, s.end, &speaker) &&
          (speaker.end >= s.end - 1 || t[speaker.end] == ','))
        {
          if (t[speaker.end] == ',' && speaker.end + 2 < s.end)
            role = g_strndup (t + speaker.end + 2, s.end - speaker.end - 2);
          add_quote (ctx, reported_start (ctx, s.start, before_end - 1), before_end - 1,
                     FALSE, &speaker, "clause-then-speaker", v, speaker.end, role);
          return;
        }
      speaker_clear (&speaker);

      if (!speaker_of_verb (ctx, s.start, v, &speaker, &role))
        continue;

      {
        gsize sp_start = speaker.start;
        gsize lead = sp_start;

        while (lead > s.start && t[lead - 1] == ' ')
          lead--;

        /* …, X said. / …, X, apposition, told China News Service. */
        if (lead > s.start && t[lead - 1] == ',' && rest_words <= 4 &&
            strncmp (t + after, " that ", 6) != 0)
          {
            guint n_quotes = ctx->self->quotes->len;

            add_quote (ctx, reported_start (ctx, s.start, lead - 1), lead - 1, FALSE,
                       &speaker, "clause-then-speaker", sp_start, after, role);
            if (speaker.kind == SPEAKER_REFERENCE && ctx->self->quotes->len > n_quotes)
              g_array_append_val (ctx->continuing, n_quotes);
            return;
          }
        /* X said (that) … — at the start of the sentence, or after an opening
         * phrase and its comma ("On March 5, X stressed …"). */
        if (lead == s.start || t[lead - 1] == ',')
          {
            gsize q = after;

            if (g_str_has_prefix (t + v, "told"))
              {
                const char *that = g_strstr_len (t + after, (gssize) (s.end - after), " that ");

                if (that == NULL || count_words (t, after, (gsize) (that - t)) > 5)
                  continue;
                q = (gsize) (that - t) + strlen (" that ");
              }
            while (q < s.end && t[q] == ' ')
              q++;
            if (t[q] == ':' || t[q] == '"' || strncmp (t + q, "“", 3) == 0)
              continue;
            if (strncmp (t + q, "that ", 5) == 0)
              q += 5;
            add_quote (ctx, q, s.end, FALSE, &speaker, "speaker-verb-that",
                       sp_start, after, role);
            return;
          }
      }
    }

  /* Chinese: X表示，… / X认为… */
  for (gsize v = s.start, n_verbs = 0; v < s.end && n_verbs < MAX_VERBS; v++)
    {
      gsize n = starts_a_verb ((guchar) t[v]) ? verb_zh_at (t, v) : 0;
      g_auto(Speaker) speaker = { 0 };
      gsize sp;
      gsize q;

      if (n == 0 || inside_marks (ctx, v))
        continue;
      n_verbs++;
      if (!chinese_speaker_before (t, s.start, v, &speaker))
        continue;
      /* The speaker starts the sentence or a clause. */
      sp = speaker.start;
      if (!(sp == s.start ||
            (sp >= s.start + 3 && (strncmp (t + sp - 3, "，", 3) == 0 ||
                                   strncmp (t + sp - 3, "。", 3) == 0))))
        continue;
      q = v + n;
      if (strncmp (t + q, "，", 3) == 0 || strncmp (t + q, "：", 3) == 0)
        q += 3;
      if (strncmp (t + q, "“", 3) == 0)
        continue;
      add_quote (ctx, q, s.end, FALSE, &speaker, "speaker-verb-zh", sp, v + n, NULL);
      return;
    }
}

/* "X said A. B, he noted.": the second sentence only continues what the first reported,
 * so A and B are one statement of X's.  Two reported quotes of the paragraph from
 * @first on are joined when nothing but the end of a sentence lies between them, the
 * second is "…, he said" (a pronoun or "the expert"), and both have the same speaker.
 * Direct quotes stay apart, as they are marked. */
static void
join_continued_statements (Context *ctx,
                           guint    first)
{
  GArray *quotes = ctx->self->quotes;
  const char *t = ctx->text;

  for (guint i = first; i + 1 < quotes->len; )
    {
      XinzhiExtractQuote *a = &g_array_index (quotes, XinzhiExtractQuote, i);
      XinzhiExtractQuote *b = &g_array_index (quotes, XinzhiExtractQuote, i + 1);
      gsize between = a->end;
      g_autofree char *name = NULL;

      gboolean continues = FALSE;

      for (guint c = 0; c < ctx->continuing->len && !continues; c++)
        continues = g_array_index (ctx->continuing, guint, c) == i + 1;
      if (a->direct || b->direct || a->person < 0 || a->person != b->person ||
          !continues || b->start < a->end)
        {
          i++;
          continue;
        }
      if (strchr (".!?", t[between]) != NULL && t[between] != '\0')
        between++;
      else if (strncmp (t + between, "。", 3) == 0)
        between += 3;
      else
        {
          i++;
          continue;
        }
      while (t[between] == ' ')
        between++;
      if (between != b->start)
        {
          i++;
          continue;
        }

      name = g_strdup (g_array_index (ctx->self->people, XinzhiExtractPerson, a->person).name);
      a->end = b->end;
      g_free (a->text);
      a->text = g_strndup (t + a->start, a->end - a->start);
      g_free (a->note);
      a->note = g_strdup_printf (_("“%s” goes on with what %s said in the sentence before"),
                                 b->evidence, name);
      a->rule = "statement-continued";
      g_array_remove_index (quotes, i + 1);  /* which clears it */
      /* The quotes after the one removed moved down by one. */
      for (guint c = 0; c < ctx->continuing->len; c++)
        if (g_array_index (ctx->continuing, guint, c) > i + 1)
          g_array_index (ctx->continuing, guint, c)--;
    }
}

/* Whether at most six words from @at, and only words and spaces, run up to an
 * apposition that starts with an article (", a ", ", an ", ", the "): what a name
 * with an apposition needs, checked before the name is parsed, which costs far more
 * and is tried at every capital. */
static gboolean
apposition_after_words (const char *t,
                        gsize       at)
{
  guint words = 0;

  for (gsize j = at; t[j] != '\0'; j++)
    {
      if (t[j] == ',')
        return g_str_has_prefix (t + j, ", a ") || g_str_has_prefix (t + j, ", an ") ||
               g_str_has_prefix (t + j, ", the ");
      if (t[j] == ' ')
        {
          if (++words > 6)
            return FALSE;
        }
      else if (!is_word_char (t[j]))
        return FALSE;
    }
  return FALSE;
}

/* Names with a title before them ("President Xi Jinping") are people the article
 * names, so that "Mr. Xi" later resolves to them; so are names followed by an
 * apposition that starts with an article ("Tom Reyes, the harbour master,"), so that
 * "he" after two of them resolves to neither. */
static void
find_titled_names (Context *ctx)
{
  const char *t = ctx->text;
  gsize length = strlen (t);

  for (gsize i = 0; i < length; i++)
    {
      g_auto(Speaker) speaker = { 0 };

      if ((i > 0 && t[i - 1] != ' ') || !g_ascii_isupper (t[i]))
        continue;
      if (apposition_after_words (t, i) &&
          speaker_starting_at (t, i, length, &speaker) && speaker.kind == SPEAKER_NAME &&
          speaker.title == NULL && t[speaker.end] == ',' &&
          (g_str_has_prefix (t + speaker.end, ", a ") || g_str_has_prefix (t + speaker.end, ", an ") ||
           g_str_has_prefix (t + speaker.end, ", the ")))
        {
          refer (ctx, add_person (ctx, speaker.name, "name-with-apposition", t + speaker.start,
                                  speaker.end - speaker.start));
          i = speaker.end;
          continue;
        }
      speaker_clear (&speaker);
      for (guint k = 0; k < G_N_ELEMENTS (title_words); k++)
        {
          gsize n;

          if (t[i] != title_words[k][0] || t[i + 1] != title_words[k][1])
            continue;
          n = strlen (title_words[k]);
          if (g_str_has_prefix (title_words[k], "M") && title_words[k][n - 1] == '.')
            continue;
          if (strncmp (t + i, title_words[k], n) == 0 && t[i + n] == ' ' &&
              speaker_starting_at (t, i, length, &speaker))
            {
              if (speaker.kind == SPEAKER_NAME && speaker.title != NULL)
                {
                  int person = add_person (ctx, speaker.name, "title-before-name", t + speaker.start,
                                           speaker.end - speaker.start);

                  add_role (ctx->self, person, speaker.title);
                  refer (ctx, person);
                }
              i = speaker.end > i ? speaker.end - 1 : i;
              break;
            }
          speaker_clear (&speaker);
        }
    }
}

/**
 * xinzhi_extract_quotes:
 *
 * Direct quotes and reported speech in the body paragraphs, in order, and their
 * speakers and roles.
 */
void
xinzhi_extract_quotes (XinzhiExtraction *self)
{
  g_autoptr(GPtrArray) referenced = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) person_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int referring = -1;

  init_verb_initials ();
  for (guint i = 0; i < self->paragraphs->len; i++)
    g_ptr_array_add (referenced, g_hash_table_new (NULL, NULL));

  for (guint i = 0; i < self->paragraphs->len; i++)
    {
      XinzhiExtractParagraph *p = &g_array_index (self->paragraphs, XinzhiExtractParagraph, i);
      g_autoptr(GArray) sentences = NULL;
      g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Span));
      g_autoptr(GArray) outer = g_array_new (FALSE, FALSE, sizeof (Span));
      g_autoptr(GArray) continuing = g_array_new (FALSE, FALSE, sizeof (guint));
      Context ctx = { self, i, p->text, sentences, marks, outer, referenced, referring,
                      person_of, surnames, continuing };
      guint m = 0;
      guint first_quote = self->quotes->len;

      if (p->kind != XINZHI_EXTRACT_BODY)
        continue;
      ctx.sentences = sentences = xinzhi_extract_sentences (p->text);
      find_marks (&ctx);
      find_titled_names (&ctx);
      for (guint s = 0; s < sentences->len; s++)
        {
          Span sentence = g_array_index (sentences, Span, s);

          /* Direct quotes of this sentence first, then reported speech.  Marks and
           * sentences are both in text order. */
          while (m < marks->len && g_array_index (outer, Span, m).start < sentence.start)
            m++;
          for (; m < marks->len && g_array_index (outer, Span, m).start < sentence.end; m++)
            {
              Span o = g_array_index (outer, Span, m);
              g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (Span));
              g_autoptr(GArray) one_outer = g_array_new (FALSE, FALSE, sizeof (Span));
              Context sub = ctx;

              g_array_append_val (one, g_array_index (marks, Span, m));
              g_array_append_val (one_outer, o);
              sub.marks = one;
              sub.mark_outer = one_outer;
              find_direct_quotes (&sub);
            }
          find_reported_speech (&ctx, sentence);
        }
      join_continued_statements (&ctx, first_quote);
      if (g_hash_table_size (g_ptr_array_index (referenced, i)) > 0)
        referring = (int) i;
    }
}

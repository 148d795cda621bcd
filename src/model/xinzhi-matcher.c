/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Finding many byte strings in a text in one pass, after Aho and Corasick.  The
 * patterns make a trie with a state for each distinct prefix.  The text is read byte by
 * byte, moving from state to state; where a state has no edge for the byte, its failure
 * link leads to the state of its longest proper suffix that is a prefix too, and the
 * search goes on from there.  A state's output is the nearest state on that chain,
 * itself included, where a pattern ends, so that the patterns ending at a place of the
 * text are reached in one step each.  A scan costs, amortised, a few steps per byte of
 * text and one per occurrence reported, whatever the patterns share: it never costs
 * more than the text's length times the most patterns that can end at one place
 * (xinzhi_matcher_get_max_ends()), which is at most the longest pattern's length.
 * The first matcher here compared every pattern of a bucket at each place where one
 * might start: patterns sharing their first bytes, or of one byte, made that the text
 * times the number of patterns.
 *
 * The states are numbered breadth first, so that a state's children have consecutive
 * numbers and are found by their bytes in order; the root's, the most used, by a
 * table.  What a step reads of a state is in sixteen bytes, so that a large automaton
 * costs a cache line per step rather than one per field.  Those steps branch on the
 * text, which a processor cannot predict: where the matcher will read enough text to
 * pay for it (xinzhi_matcher_prepare_for()), a table gives every state's next state
 * for every byte, failure links followed, so that a step is one lookup and no branch.
 * Bytes that no pattern has lead to the root whatever the state, and share a column;
 * the others get one each, so the table is as wide as the patterns' alphabet.  A search
 * (xinzhi_matcher_search_new()) finds each pattern's first occurrence only, and skips
 * the patterns it has found, so that it costs the text's length and one step per
 * pattern found, however many occurrences there are; a search with a check
 * (xinzhi_matcher_search_check()) lets the caller refuse an occurrence, for patterns
 * that are the beginnings of longer texts, and pays one step for each refused.
 */
#include "config.h"

#include <string.h>

#include "xinzhi-matcher.h"

/* No pattern ends at a state. */
#define NONE G_MAXUINT32
/* Up to this many children, a state's are compared one by one, past it by bisection. */
#define FEW_CHILDREN 8
/* The most entries of a table of steps (64 MiB), whatever the text. */
#define MAX_TABLE_ENTRIES ((gsize) 1 << 24)
/* A table is made only if it has at most one entry for this many bytes to be scanned,
 * so that filling it costs a fraction of the scans it speeds up. */
#define BYTES_PER_ENTRY 4
/* In a table's entry, beside the next state: a pattern ends there, or a shorter one
 * within it (the state has an output).  The table's size keeps states below it. */
#define HAS_OUTPUT 0x80000000u

/* A state of the automaton. */
typedef struct
{
  guint32 first_child;  /* the number of its first child */
  guint32 fail;         /* its failure link (the root is 0) */
  guint32 out;          /* its output, or 0 for none */
  guint16 n_children;   /* up to 256 */
  guint8  label;        /* the byte of the edge that leads to it */
} State;

G_STATIC_ASSERT (sizeof (State) == 16);

struct _XinzhiMatcher
{
  GPtrArray  *patterns;    /* of char *, by number */
  GArray     *lengths;     /* of gsize */
  GHashTable *numbers;     /* pattern → its number + 1, borrowed keys */

  /* Built on the first scan after a pattern was added. */
  gboolean    built;
  guint32     n_states;
  guint32     root_next[256];  /* the root's child by each byte, or 0 */
  State      *states;
  guint32    *ends;            /* per state: the pattern ending there, or NONE */
  guint       max_ends;        /* the most patterns that end at one state's place */
  guint       max_ends_pattern;

  /* Made by xinzhi_matcher_prepare_for(), when the text pays for it. */
  guint32    *table;           /* n_states rows of n_columns: the next state and
                                * HAS_OUTPUT, or NULL */
  guint       n_columns;
  guint16     column[256];     /* each byte's column, 0 for the bytes of no pattern */
};

struct _XinzhiMatcherSearch
{
  XinzhiMatcher *matcher;
  guint32       *link;     /* per state ending a pattern: itself until found, then
                            * towards the next output down its chain */
  guint          n_left;   /* patterns not found yet */
};

static int
compare_patterns (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  XinzhiMatcher *self = user_data;
  guint pa = *(const guint *) a, pb = *(const guint *) b;
  gsize la = g_array_index (self->lengths, gsize, pa);
  gsize lb = g_array_index (self->lengths, gsize, pb);
  int by_bytes = memcmp (g_ptr_array_index (self->patterns, pa),
                         g_ptr_array_index (self->patterns, pb), MIN (la, lb));

  if (by_bytes != 0)
    return by_bytes;
  return la < lb ? -1 : la > lb;
}

static inline guint32
child_of (const XinzhiMatcher *self,
          guint32              state,
          guchar               byte)
{
  guint32 first = self->states[state].first_child;
  guint n = self->states[state].n_children;
  const State *children = self->states + first;
  guint lo = 0, hi = n;

  if (n <= FEW_CHILDREN)
    {
      for (guint i = 0; i < n; i++)
        if (children[i].label == byte)
          return first + i;
      return 0;
    }

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (children[mid].label < byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < n && children[lo].label == byte ? first + lo : 0;
}

/* The state after reading @byte in @state. */
static inline guint32
advance (const XinzhiMatcher *self,
         guint32              state,
         guchar               byte)
{
  for (;;)
    {
      guint32 next;

      if (state == 0)
        return self->root_next[byte];
      next = child_of (self, state, byte);
      if (next != 0)
        return next;
      state = self->states[state].fail;
    }
}

/* The state after reading @byte in @state, by the table if there is one.  Which way
 * is taken is the same for every byte of a scan, and predicted. */
static inline guint32
step (const XinzhiMatcher *self,
      guint32              state,
      guchar               byte)
{
  if (self->table != NULL)
    return self->table[(gsize) state * self->n_columns + self->column[byte]] & ~HAS_OUTPUT;
  return advance (self, state, byte);
}

static void
clear_states (XinzhiMatcher *self)
{
  g_clear_pointer (&self->states, g_free);
  g_clear_pointer (&self->ends, g_free);
  g_clear_pointer (&self->table, g_free);
  self->n_states = 0;
}

/* The table's columns: one for the bytes no pattern has, one for each other byte. */
static guint
count_columns (XinzhiMatcher *self)
{
  guint n_columns = 1;

  memset (self->column, 0, sizeof self->column);
  for (guint32 state = 1; state < self->n_states; state++)
    if (self->column[self->states[state].label] == 0)
      self->column[self->states[state].label] = n_columns++;
  return n_columns;
}

/* Every state's step by every column.  The states are in breadth-first order and a
 * failure link is shallower, so a state's row starts as a copy of its failure link's,
 * made already, and its children then replace their columns; the root's row is its
 * children and the root. */
static void
build_table (XinzhiMatcher *self,
             guint          n_columns)
{
  self->n_columns = n_columns;
  self->table = g_new0 (guint32, (gsize) self->n_states * n_columns);
  for (guint32 state = 0; state < self->n_states; state++)
    {
      guint32 *row = self->table + (gsize) state * n_columns;
      const State *parent = &self->states[state];

      if (state != 0)
        memcpy (row, self->table + (gsize) parent->fail * n_columns, n_columns * sizeof (guint32));
      for (guint c = 0; c < parent->n_children; c++)
        {
          guint32 child = parent->first_child + c;

          row[self->column[self->states[child].label]] = child | (self->states[child].out != 0 ? HAS_OUTPUT : 0);
        }
    }
}

static void
build (XinzhiMatcher *self)
{
  guint n = self->patterns->len;
  g_autofree guint *sorted = g_new (guint, MAX (n, 1));
  g_autofree guint32 *range_start = NULL;
  g_autofree guint32 *range_end = NULL;
  g_autofree guint32 *depth = NULL;    /* then, the patterns that end at each state's place */
  gsize capacity = 1;
  guint32 n_states = 1;

  clear_states (self);
  for (guint i = 0; i < n; i++)
    {
      sorted[i] = i;
      capacity += g_array_index (self->lengths, gsize, i);
    }
  /* In byte order, a prefix before the patterns that start with it. */
  g_sort_array (sorted, n, sizeof (guint), compare_patterns, self);

  /* No more states than bytes in the patterns, and the root. */
  self->states = g_new0 (State, capacity);
  self->ends = g_new (guint32, capacity);
  range_start = g_new (guint32, capacity);
  range_end = g_new (guint32, capacity);
  depth = g_new (guint32, capacity);

  /* The trie, breadth first: the patterns that go through a state are a range of the
   * sorted ones, and its children split that range by the byte after its prefix. */
  range_start[0] = 0;
  range_end[0] = n;
  depth[0] = 0;
  for (guint32 state = 0; state < n_states; state++)
    {
      guint32 start = range_start[state];
      guint32 end = range_end[state];
      guint32 d = depth[state];

      self->ends[state] = NONE;
      if (start < end && g_array_index (self->lengths, gsize, sorted[start]) == d)
        self->ends[state] = sorted[start++];

      self->states[state].first_child = n_states;
      self->states[state].n_children = 0;
      while (start < end)
        {
          guchar byte = ((const char *) g_ptr_array_index (self->patterns, sorted[start]))[d];
          guint32 next = start + 1;

          while (next < end && (guchar) ((const char *) g_ptr_array_index (self->patterns, sorted[next]))[d] == byte)
            next++;
          self->states[n_states].label = byte;
          range_start[n_states] = start;
          range_end[n_states] = next;
          depth[n_states] = d + 1;
          n_states++;
          self->states[state].n_children++;
          start = next;
        }
    }
  self->n_states = n_states;

  /* Failure links and outputs, breadth first: a state's failure link is shallower. */
  memset (self->root_next, 0, sizeof self->root_next);
  for (guint32 c = 0; c < self->states[0].n_children; c++)
    self->root_next[self->states[self->states[0].first_child + c].label] = self->states[0].first_child + c;
  self->states[0].fail = 0;
  self->states[0].out = 0;
  depth[0] = 0;
  self->max_ends = 0;
  self->max_ends_pattern = 0;
  for (guint32 state = 0; state < n_states; state++)
    for (guint32 c = 0; c < self->states[state].n_children; c++)
      {
        guint32 child = self->states[state].first_child + c;
        guint32 fail = state == 0 ? 0 : advance (self, self->states[state].fail, self->states[child].label);

        self->states[child].fail = fail;
        self->states[child].out = self->ends[child] != NONE ? child : self->states[fail].out;
        depth[child] = (self->ends[child] != NONE) + depth[fail];
        if (depth[child] > self->max_ends)
          {
            self->max_ends = depth[child];
            self->max_ends_pattern = sorted[range_start[child]];
          }
      }

  self->states = g_renew (State, self->states, n_states);
  self->ends = g_renew (guint32, self->ends, n_states);
  self->built = TRUE;
}

XinzhiMatcher *
xinzhi_matcher_new (void)
{
  XinzhiMatcher *self = g_new0 (XinzhiMatcher, 1);

  self->patterns = g_ptr_array_new_with_free_func (g_free);
  self->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->numbers = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

void
xinzhi_matcher_free (XinzhiMatcher *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->numbers);
  g_ptr_array_unref (self->patterns);
  g_array_unref (self->lengths);
  clear_states (self);
  g_free (self);
}

/**
 * xinzhi_matcher_add:
 * @pattern: a non-empty string
 *
 * Adds @pattern, unless it is there already.
 *
 * Returns: the pattern's number, the same for the same string
 */
guint
xinzhi_matcher_add (XinzhiMatcher *self,
                    const char    *pattern)
{
  guint number = GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, pattern));
  gsize length = strlen (pattern);
  char *copy;

  g_return_val_if_fail (length > 0, G_MAXUINT);

  if (number > 0)
    return number - 1;

  copy = g_strdup (pattern);
  number = self->patterns->len;
  g_ptr_array_add (self->patterns, copy);
  g_array_append_val (self->lengths, length);
  g_hash_table_insert (self->numbers, copy, GUINT_TO_POINTER (number + 1));
  self->built = FALSE;
  return number;
}

guint
xinzhi_matcher_get_n_patterns (XinzhiMatcher *self)
{
  return self->patterns->len;
}

const char *
xinzhi_matcher_get_pattern (XinzhiMatcher *self,
                            guint          pattern)
{
  g_return_val_if_fail (pattern < self->patterns->len, NULL);
  return g_ptr_array_index (self->patterns, pattern);
}

/**
 * xinzhi_matcher_prepare:
 *
 * Builds the automaton of the patterns added so far, which the first scan would do.
 * Once prepared, and until a pattern is added, the matcher is only read by scans, and
 * several threads may scan at once.
 */
void
xinzhi_matcher_prepare (XinzhiMatcher *self)
{
  if (!self->built)
    build (self);
}

/**
 * xinzhi_matcher_prepare_for:
 * @text_length: about how many bytes the scans will read in all
 *
 * As xinzhi_matcher_prepare(), and makes the table of every state's steps if it has
 * at most one entry for every few bytes of @text_length (and is not too large for
 * memory), so that each byte costs one lookup.  Without it, each byte costs a search
 * among a state's children, and failure links; the table pays where one automaton
 * scans much text, as the sector terms scan every document.  Adding a pattern drops
 * the table.
 *
 * Returns: whether scans now step by the table
 */
gboolean
xinzhi_matcher_prepare_for (XinzhiMatcher *self,
                            gsize          text_length)
{
  guint n_columns;

  xinzhi_matcher_prepare (self);
  if (self->table != NULL)
    return TRUE;
  n_columns = count_columns (self);
  if ((gsize) self->n_states * n_columns > MIN (text_length / BYTES_PER_ENTRY, MAX_TABLE_ENTRIES))
    return FALSE;
  build_table (self, n_columns);
  return TRUE;
}

/**
 * xinzhi_matcher_get_max_ends:
 * @pattern: (out) (optional): a pattern within which the most end at one place
 *
 * The most patterns that can end at one place of a text: a scan reports at most this
 * many occurrences for each byte of text.  Each of them ends with the next shorter
 * (as "ai", "industrial ai" and "smart industrial ai" do), so there are never more
 * than the longest pattern has bytes.
 *
 * Returns: that number, 0 without patterns
 */
guint
xinzhi_matcher_get_max_ends (XinzhiMatcher *self,
                             guint         *pattern)
{
  xinzhi_matcher_prepare (self);
  if (pattern != NULL)
    *pattern = self->max_ends_pattern;
  return self->max_ends;
}

/* Tells @func of the patterns that end at @end, where the scan is in @state. */
static inline gboolean
report (const XinzhiMatcher *self,
        guint32              state,
        gsize                end,
        XinzhiMatcherFunc    func,
        gpointer             user_data)
{
  const gsize *lengths = (const gsize *) (gpointer) self->lengths->data;

  for (guint32 found = self->states[state].out; found != 0;
       found = self->states[self->states[found].fail].out)
    {
      guint pattern = self->ends[found];

      if (!func (pattern, end - lengths[pattern], end, user_data))
        return FALSE;
    }
  return TRUE;
}

/**
 * xinzhi_matcher_scan:
 * @text: the text, which need not end in a NUL
 * @length: its length in bytes
 * @func: told of each occurrence of each pattern
 *
 * Reports every occurrence, overlapping ones too, in the order of their ends, and
 * those that end at one place longest first; so each pattern's occurrences come in
 * the order of their starts.
 *
 * Returns: FALSE if @func stopped the scan
 */
gboolean
xinzhi_matcher_scan (XinzhiMatcher     *self,
                     const char        *text,
                     gsize              length,
                     XinzhiMatcherFunc  func,
                     gpointer           user_data)
{
  guint32 state = 0;

  xinzhi_matcher_prepare (self);

  /* By the table, only the table is read until a pattern ends. */
  if (self->table != NULL)
    {
      const guint32 *table = self->table;
      const guint16 *column = self->column;
      gsize n_columns = self->n_columns;

      for (gsize i = 0; i < length; i++)
        {
          guint32 entry = table[state * n_columns + column[(guchar) text[i]]];

          state = entry & ~HAS_OUTPUT;
          if (G_LIKELY ((entry & HAS_OUTPUT) == 0))
            continue;
          if (!report (self, state, i + 1, func, user_data))
            return FALSE;
        }
      return TRUE;
    }

  for (gsize i = 0; i < length; i++)
    {
      state = advance (self, state, text[i]);
      if (!report (self, state, i + 1, func, user_data))
        return FALSE;
    }

  return TRUE;
}

/**
 * xinzhi_matcher_search_new:
 * @matcher: the patterns, which must not change while the search is used
 *
 * Starts a search for the first occurrence of each of @matcher's patterns.
 *
 * Returns: (transfer full): the search
 */
XinzhiMatcherSearch *
xinzhi_matcher_search_new (XinzhiMatcher *matcher)
{
  XinzhiMatcherSearch *self = g_new0 (XinzhiMatcherSearch, 1);

  xinzhi_matcher_prepare (matcher);
  self->matcher = matcher;
  self->link = g_new (guint32, matcher->n_states);
  for (guint32 state = 0; state < matcher->n_states; state++)
    self->link[state] = state;
  self->n_left = matcher->patterns->len;
  return self;
}

void
xinzhi_matcher_search_free (XinzhiMatcherSearch *self)
{
  if (self == NULL)
    return;

  g_free (self->link);
  g_free (self);
}

/* The patterns not found yet. */
guint
xinzhi_matcher_search_get_n_left (XinzhiMatcherSearch *self)
{
  return self->n_left;
}

/* From @state, an output or 0, the first state down its chain of outputs whose pattern
 * was not found yet, or 0; the found ones on the way are skipped for good (path
 * compression, as in a union-find forest). */
static guint32
search_find (XinzhiMatcherSearch *self,
             guint32              state)
{
  guint32 root = state;

  while (root != 0 && self->link[root] != root)
    root = self->link[root];
  while (state != 0 && self->link[state] != state)
    {
      guint32 next = self->link[state];

      self->link[state] = root;
      state = next;
    }
  return root;
}

/* The scan of a search: @check decides whether an occurrence is the pattern's first. */
static gboolean
search_scan (XinzhiMatcherSearch    *self,
             const char             *text,
             gsize                   length,
             XinzhiMatcherCheckFunc  check,
             XinzhiMatcherFunc       func,
             gpointer                user_data)
{
  const XinzhiMatcher *matcher = self->matcher;
  const gsize *lengths = (const gsize *) (gpointer) matcher->lengths->data;
  guint32 state = 0;

  g_return_val_if_fail (matcher->built, FALSE);

  for (gsize i = 0; i < length && self->n_left > 0; i++)
    {
      guint32 found;

      state = step (matcher, state, text[i]);
      if (matcher->states[state].out == 0)
        continue;
      found = search_find (self, matcher->states[state].out);
      while (found != 0)
        {
          guint pattern = matcher->ends[found];
          gsize start = i + 1 - lengths[pattern];
          XinzhiMatcherCheck verdict = check != NULL ? check (pattern, start, i + 1, user_data)
                                                     : XINZHI_MATCHER_FOUND;

          if (verdict == XINZHI_MATCHER_STOP)
            return FALSE;
          if (verdict == XINZHI_MATCHER_NOT_HERE)
            {
              /* Still to find: on to the next output down the chain. */
              found = search_find (self, matcher->states[matcher->states[found].fail].out);
              continue;
            }

          self->link[found] = matcher->states[matcher->states[found].fail].out;
          self->n_left--;
          if (func != NULL && !func (pattern, start, i + 1, user_data))
            return FALSE;
          found = search_find (self, self->link[found]);
        }
    }

  return TRUE;
}

/**
 * xinzhi_matcher_search_scan:
 * @text: the text, which need not end in a NUL
 * @length: its length in bytes
 * @func: told of each pattern's first occurrence
 *
 * Reports each pattern not found in the texts this search scanned before at its first
 * occurrence in @text, in the order of their ends (each pattern once in all).
 *
 * Returns: FALSE if @func stopped the scan
 */
gboolean
xinzhi_matcher_search_scan (XinzhiMatcherSearch *self,
                            const char          *text,
                            gsize                length,
                            XinzhiMatcherFunc    func,
                            gpointer             user_data)
{
  return search_scan (self, text, length, NULL, func, user_data);
}

/**
 * xinzhi_matcher_search_check:
 * @text: the text, which need not end in a NUL
 * @length: its length in bytes
 * @check: told of each occurrence of a pattern not found yet
 *
 * As xinzhi_matcher_search_scan(), but a pattern counts as found only where @check
 * says so, and is looked for further where it does not: for patterns that are the
 * beginnings of longer texts, which @check compares.
 *
 * Returns: FALSE if @check stopped the scan
 */
gboolean
xinzhi_matcher_search_check (XinzhiMatcherSearch    *self,
                             const char             *text,
                             gsize                   length,
                             XinzhiMatcherCheckFunc  check,
                             gpointer                user_data)
{
  return search_scan (self, text, length, check, NULL, user_data);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Finding many byte strings in a text in one pass.  At each position of the text a few
 * bitmaps, small enough to stay in the fastest cache, say whether any pattern may start
 * there, so that most positions cost three loads and tests: one for patterns of one
 * byte (by that byte), one for patterns of two or three bytes (by the first two), and
 * one for longer patterns (by a hash of the first four).  Where one may, the few
 * patterns of that bucket are compared, the long ones first by their first four bytes.
 * Every occurrence is reported, overlapping ones too, in the order of their start.
 */
#include "config.h"

#include <string.h>

#include "xinzhi-matcher.h"

#define PAIR_BITS 16
#define LONG_BITS 18

/* Patterns indexed by a key of PAIR_BITS or LONG_BITS bits: a bitmap of the keys in
 * use, and the patterns of each key, bucket after bucket. */
typedef struct
{
  guint    n_bits;
  guint64 *used;
  guint   *start;      /* (1 << n_bits) + 1 offsets into numbers */
  guint   *numbers;
} Index;

struct _XinzhiMatcher
{
  GPtrArray  *patterns;    /* of char *, by number */
  GArray     *lengths;     /* of gsize */
  GHashTable *numbers;     /* pattern → its number + 1, borrowed keys */

  /* Built on the first scan after a pattern was added. */
  gboolean    built;
  guint64     singles[256 / 64];  /* whether a pattern of one byte is this byte */
  Index       pairs;              /* patterns of 2 or 3 bytes, by their first two */
  Index       longs;              /* longer patterns, by a hash of their first four */
  GArray     *heads;              /* of guint32: each pattern's first four bytes */
};

static inline guint
pair_key (const char *p)
{
  return ((guint) (guchar) p[0] << 8) | (guchar) p[1];
}

static inline guint32
head_of (const char *p)
{
  guint32 head;

  memcpy (&head, p, sizeof head);
  return head;
}

static inline guint
long_key (guint32 head)
{
  /* Fibonacci hashing: the top bits of the product mix all four bytes. */
  return (guint) ((head * 2654435761u) >> (32 - LONG_BITS));
}

static inline gboolean
bit_is_set (const guint64 *bits,
            guint          key)
{
  return (bits[key >> 6] >> (key & 63)) & 1;
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->used, g_free);
  g_clear_pointer (&index->start, g_free);
  g_clear_pointer (&index->numbers, g_free);
}

/* Indexes the patterns for which @keys holds a key (G_MAXUINT for none). */
static void
index_build (Index       *index,
             guint        n_bits,
             const guint *keys,
             guint        n)
{
  guint n_keys = 1u << n_bits;
  g_autofree guint *fill = NULL;

  index_clear (index);
  index->n_bits = n_bits;
  index->used = g_new0 (guint64, n_keys / 64);
  index->start = g_new0 (guint, n_keys + 1);
  index->numbers = g_new0 (guint, MAX (n, 1));

  /* Count, then place: each bucket's patterns in the order they were added. */
  for (guint i = 0; i < n; i++)
    if (keys[i] != G_MAXUINT)
      index->start[keys[i] + 1]++;
  for (guint k = 0; k < n_keys; k++)
    index->start[k + 1] += index->start[k];

  fill = g_memdup2 (index->start, sizeof (guint) * n_keys);
  for (guint i = 0; i < n; i++)
    if (keys[i] != G_MAXUINT)
      {
        index->numbers[fill[keys[i]]++] = i;
        index->used[keys[i] >> 6] |= G_GUINT64_CONSTANT (1) << (keys[i] & 63);
      }
}

static void
build (XinzhiMatcher *self)
{
  guint n = self->patterns->len;
  g_autofree guint *pair_keys = g_new (guint, MAX (n, 1));
  g_autofree guint *long_keys = g_new (guint, MAX (n, 1));

  memset (self->singles, 0, sizeof self->singles);
  g_array_set_size (self->heads, n);
  for (guint i = 0; i < n; i++)
    {
      const char *pattern = g_ptr_array_index (self->patterns, i);
      gsize length = g_array_index (self->lengths, gsize, i);

      pair_keys[i] = long_keys[i] = G_MAXUINT;
      if (length == 1)
        self->singles[(guchar) pattern[0] >> 6] |= G_GUINT64_CONSTANT (1) << ((guchar) pattern[0] & 63);
      else if (length < 4)
        pair_keys[i] = pair_key (pattern);
      else
        {
          g_array_index (self->heads, guint32, i) = head_of (pattern);
          long_keys[i] = long_key (head_of (pattern));
        }
    }

  index_build (&self->pairs, PAIR_BITS, pair_keys, n);
  index_build (&self->longs, LONG_BITS, long_keys, n);
  self->built = TRUE;
}

XinzhiMatcher *
xinzhi_matcher_new (void)
{
  XinzhiMatcher *self = g_new0 (XinzhiMatcher, 1);

  self->patterns = g_ptr_array_new_with_free_func (g_free);
  self->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->numbers = g_hash_table_new (g_str_hash, g_str_equal);
  self->heads = g_array_new (FALSE, TRUE, sizeof (guint32));
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
  g_array_unref (self->heads);
  index_clear (&self->pairs);
  index_clear (&self->longs);
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
 * Builds the index of the patterns added so far, which the first scan would do.  Once
 * prepared, and until a pattern is added, the matcher is only read by scans, and
 * several threads may scan at once.
 */
void
xinzhi_matcher_prepare (XinzhiMatcher *self)
{
  if (!self->built)
    build (self);
}

/**
 * xinzhi_matcher_scan:
 * @text: the text, which need not end in a NUL
 * @length: its length in bytes
 * @func: told of each occurrence of each pattern
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
  xinzhi_matcher_prepare (self);

  for (gsize i = 0; i < length; i++)
    {
      if (bit_is_set (self->singles, (guchar) text[i]))
        for (guint p = 0; p < self->patterns->len; p++)
          if (g_array_index (self->lengths, gsize, p) == 1 &&
              *(const char *) g_ptr_array_index (self->patterns, p) == text[i] &&
              !func (p, i, i + 1, user_data))
            return FALSE;

      if (i + 1 < length && bit_is_set (self->pairs.used, pair_key (text + i)))
        {
          guint key = pair_key (text + i);

          for (guint b = self->pairs.start[key]; b < self->pairs.start[key + 1]; b++)
            {
              guint p = self->pairs.numbers[b];
              gsize plen = g_array_index (self->lengths, gsize, p);

              if (plen <= length - i &&
                  memcmp (text + i, g_ptr_array_index (self->patterns, p), plen) == 0 &&
                  !func (p, i, i + plen, user_data))
                return FALSE;
            }
        }

      if (i + 3 < length)
        {
          guint32 head = head_of (text + i);
          guint key = long_key (head);

          if (!bit_is_set (self->longs.used, key))
            continue;
          for (guint b = self->longs.start[key]; b < self->longs.start[key + 1]; b++)
            {
              guint p = self->longs.numbers[b];
              gsize plen = g_array_index (self->lengths, gsize, p);

              if (g_array_index (self->heads, guint32, p) == head && plen <= length - i &&
                  memcmp (text + i + 4, (const char *) g_ptr_array_index (self->patterns, p) + 4, plen - 4) == 0 &&
                  !func (p, i, i + plen, user_data))
                return FALSE;
            }
        }
    }

  return TRUE;
}

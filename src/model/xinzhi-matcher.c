/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Finding many byte strings in a text in one pass.  The patterns are indexed by their
 * first two bytes: a bitmap of 65,536 bits (8 KiB, which stays in the fastest cache)
 * says whether any pattern starts with the two bytes at a position, so that most
 * positions cost a load and a test; where one might, the few patterns of that bucket
 * are compared.  Patterns of one byte have a bitmap of their own.  Every occurrence is
 * reported, overlapping ones too, in the order of their start, and at one start in the
 * order the patterns were added.
 */
#include "config.h"

#include <string.h>

#include "xinzhi-matcher.h"

#define N_BUCKETS 65536

struct _XinzhiMatcher
{
  GPtrArray  *patterns;    /* of char *, by number */
  GArray     *lengths;     /* of gsize */
  GHashTable *numbers;     /* pattern → its number + 1, borrowed keys */

  /* Built on the first scan after a pattern was added. */
  gboolean    built;
  guint64     pairs[N_BUCKETS / 64];  /* whether a pattern starts with these two bytes */
  guint64     singles[256 / 64];      /* whether a one-byte pattern is this byte */
  guint      *bucket_start;           /* N_BUCKETS + 1 offsets into bucket_patterns */
  guint      *bucket_patterns;        /* pattern numbers, bucket by bucket */
};

static inline guint
pair_key (const char *p)
{
  return ((guint) (guchar) p[0] << 8) | (guchar) p[1];
}

static inline gboolean
bit_is_set (const guint64 *bits,
            guint          key)
{
  return (bits[key >> 6] >> (key & 63)) & 1;
}

static void
build (XinzhiMatcher *self)
{
  guint n = self->patterns->len;
  g_autofree guint *fill = NULL;

  memset (self->pairs, 0, sizeof self->pairs);
  memset (self->singles, 0, sizeof self->singles);
  g_free (self->bucket_start);
  g_free (self->bucket_patterns);
  self->bucket_start = g_new0 (guint, N_BUCKETS + 1);
  self->bucket_patterns = g_new0 (guint, MAX (n, 1));

  /* Count, then place: each bucket's patterns in the order they were added. */
  for (guint i = 0; i < n; i++)
    {
      const char *pattern = g_ptr_array_index (self->patterns, i);

      if (g_array_index (self->lengths, gsize, i) == 1)
        self->singles[(guchar) pattern[0] >> 6] |= G_GUINT64_CONSTANT (1) << ((guchar) pattern[0] & 63);
      else
        self->bucket_start[pair_key (pattern) + 1]++;
    }
  for (guint k = 0; k < N_BUCKETS; k++)
    self->bucket_start[k + 1] += self->bucket_start[k];

  fill = g_memdup2 (self->bucket_start, sizeof (guint) * N_BUCKETS);
  for (guint i = 0; i < n; i++)
    {
      const char *pattern = g_ptr_array_index (self->patterns, i);
      guint key;

      if (g_array_index (self->lengths, gsize, i) == 1)
        continue;
      key = pair_key (pattern);
      self->bucket_patterns[fill[key]++] = i;
      self->pairs[key >> 6] |= G_GUINT64_CONSTANT (1) << (key & 63);
    }

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
  g_free (self->bucket_start);
  g_free (self->bucket_patterns);
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
  if (!self->built)
    build (self);

  for (gsize i = 0; i < length; i++)
    {
      if (bit_is_set (self->singles, (guchar) text[i]))
        for (guint p = 0; p < self->patterns->len; p++)
          if (g_array_index (self->lengths, gsize, p) == 1 &&
              *(const char *) g_ptr_array_index (self->patterns, p) == text[i] &&
              !func (p, i, i + 1, user_data))
            return FALSE;

      if (i + 1 < length)
        {
          guint key = pair_key (text + i);

          if (!bit_is_set (self->pairs, key))
            continue;
          for (guint b = self->bucket_start[key]; b < self->bucket_start[key + 1]; b++)
            {
              guint p = self->bucket_patterns[b];
              gsize plen = g_array_index (self->lengths, gsize, p);

              if (plen <= length - i &&
                  memcmp (text + i, g_ptr_array_index (self->patterns, p), plen) == 0 &&
                  !func (p, i, i + plen, user_data))
                return FALSE;
            }
        }
    }

  return TRUE;
}

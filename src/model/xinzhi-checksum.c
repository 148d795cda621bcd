/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The checksum by which an edit knows that a corpus file still holds what was loaded
 * (xinzhi_corpus_get_checksum(), docs/editing.md): 128 bits, in hexadecimal, made at
 * every load, so it has to be cheap next to loading.  It guards against accidents (a
 * change made by another window or program), not against attacks.
 *
 * Two lanes of 64 bits take the data 16 bytes at a time, 8 bytes each: a lane's state
 * becomes rotl ((state ^ word) * odd constant).  Each step is a bijection of the state
 * for a given word and of the word for a given state, so data of one length that differ
 * in one word leave different states, however long the rest; changes in several words
 * meet by chance at about 2^-64 a lane.  The end mixes the lanes and the length into
 * each other, one to one for a given length: a change of one word always changes the
 * checksum.  About 0.6 instructions a byte, where SHA-1 took 24
 * (docs/benchmarks.md, "load").
 */
#include "config.h"

#include <string.h>

#include "xinzhi-checksum.h"

#define PRIME_A G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)
#define PRIME_B G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)
#define PRIME_C G_GUINT64_CONSTANT (0x165667B19E3779F9)

static inline guint64
rotl (guint64 x,
      int     r)
{
  return (x << r) | (x >> (64 - r));
}

static inline guint64
read_word (const guint8 *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return GUINT64_FROM_LE (word);
}

static inline void
take_block (XinzhiChecksum *self,
            const guint8   *block)
{
  self->lanes[0] = rotl ((self->lanes[0] ^ read_word (block)) * PRIME_A, 31);
  self->lanes[1] = rotl ((self->lanes[1] ^ read_word (block + 8)) * PRIME_B, 29);
}

/* Every bit of @x reaches every bit of the result. */
static inline guint64
avalanche (guint64 x)
{
  x ^= x >> 33;
  x *= PRIME_B;
  x ^= x >> 29;
  x *= PRIME_C;
  x ^= x >> 32;
  return x;
}

/**
 * xinzhi_checksum_init:
 * @self: the state to start
 */
void
xinzhi_checksum_init (XinzhiChecksum *self)
{
  g_return_if_fail (self != NULL);

  self->lanes[0] = PRIME_C;
  self->lanes[1] = PRIME_A;
  self->length = 0;
  self->n_pending = 0;
}

/**
 * xinzhi_checksum_update:
 * @self: a checksum being made
 * @data: (array length=length): the next bytes
 * @length: how many
 *
 * Takes the next bytes.  How the data are cut into calls does not change the result.
 */
void
xinzhi_checksum_update (XinzhiChecksum *self,
                        const void     *data,
                        gsize           length)
{
  const guint8 *p = data;
  const guint8 *end = p + length;

  g_return_if_fail (self != NULL);
  g_return_if_fail (data != NULL || length == 0);

  self->length += length;

  /* A block begun by the last call. */
  if (self->n_pending > 0)
    {
      gsize n = MIN (length, sizeof self->pending - self->n_pending);

      memcpy (self->pending + self->n_pending, p, n);
      self->n_pending += n;
      p += n;
      if (self->n_pending < sizeof self->pending)
        return;
      take_block (self, self->pending);
      self->n_pending = 0;
    }

  for (; end - p >= 16; p += 16)
    take_block (self, p);

  memcpy (self->pending, p, end - p);
  self->n_pending = end - p;
}

/**
 * xinzhi_checksum_finish:
 * @self: a checksum being made; it is done with afterwards
 *
 * Returns: (transfer full): the checksum of the bytes taken, 32 hexadecimal digits
 */
char *
xinzhi_checksum_finish (XinzhiChecksum *self)
{
  guint8 last[16] = { 0 };
  guint64 high, low;

  g_return_val_if_fail (self != NULL, NULL);

  /* The last bytes, padded with zeros: the length tells them from zeros of the data. */
  memcpy (last, self->pending, self->n_pending);
  take_block (self, last);

  high = avalanche (self->lanes[0] ^ rotl (self->lanes[1], 17) ^ self->length);
  low = avalanche (self->lanes[1] ^ rotl (high, 23) ^ (self->length * PRIME_A));
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x", high, low);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A synthetic corpus of any size for benchmarks and tests: a valid corpus file
 * (docs/corpus-format.md) whose people, sectors, events and quotes grow with the number
 * of articles, whose quotes, roles, variants and dates trace back to its text, and whose
 * articles are about one in six in Chinese.  The same seed gives the same bytes
 * everywhere (GRand is a Mersenne Twister). */

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint n_documents;
  guint n_people;
  guint n_sectors;
  guint n_events;
  guint n_quotes;
} XinzhiSynthCounts;

GBytes             *xinzhi_synth_corpus_json    (guint              n_articles,
                                                 guint32            seed);
void                xinzhi_synth_get_counts     (guint              n_articles,
                                                 XinzhiSynthCounts *counts);

/* The words the filler text is made of, for benchmarks that search it. */
const char * const *xinzhi_synth_common_words   (guint             *n_words);
const char * const *xinzhi_synth_chinese_words  (guint             *n_words);
const char * const *xinzhi_synth_rare_words     (guint             *n_words);

G_END_DECLS

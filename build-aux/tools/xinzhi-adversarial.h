/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Corpora of the shapes that once made loading cost far more than the file's size (issue
 * 14), for the `adversarial` benchmark and the tests: valid corpus files of about the size
 * asked for, or, for the shapes the format's limits refuse, files that must be refused
 * at once.  The same seed gives the same bytes everywhere. */

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  /* Sectors sharing terms and people sharing names, as many as may share one (8), the
   * shared words dense in the text: each occurrence is a mention of each owner. */
  XINZHI_ADVERSARIAL_SHARED_TERMS,
  /* Names and terms sharing their first four bytes, one-letter terms (Latin and
   * Chinese), Chinese text where every character is a term. */
  XINZHI_ADVERSARIAL_SHARED_PREFIXES,
  /* One document growing with the file, of long paragraphs full of mentions, each
   * cited by many events (several times by some), quoted by many quotes and holding
   * many roles; every event cites the first of them too. */
  XINZHI_ADVERSARIAL_BUSY_PARAGRAPH,
  /* What the issue found: every sector with one term, every person with one name;
   * refused, by the limit on how many may share one. */
  XINZHI_ADVERSARIAL_ONE_TERM_FOR_ALL,
  /* Text where every character ends sixteen terms (one character, two, … sixteen, each
   * of eight sectors): what the limits on sharing and on terms ending at one place
   * still allowed, over two hundred times its size in memory; refused, by the limit on
   * how often a document may name sectors and people. */
  XINZHI_ADVERSARIAL_DENSE_MENTIONS,
  XINZHI_ADVERSARIAL_N_SHAPES
} XinzhiAdversarialShape;

const char *xinzhi_adversarial_shape_name   (XinzhiAdversarialShape shape);
gboolean    xinzhi_adversarial_shape_loads  (XinzhiAdversarialShape shape);
GBytes     *xinzhi_adversarial_corpus_json  (XinzhiAdversarialShape shape,
                                             gsize                  size,
                                             guint32                seed);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * libFuzzer target for the corpus loader: any bytes must give a corpus or an error with
 * a message, never a crash, a hang or a leak.  Built with -Dfuzzing=true by clang (see
 * build-aux/dev fuzz).
 */
#include "config.h"

#include "xinzhi-corpus.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;

  corpus = xinzhi_corpus_new_from_bytes (bytes, "fuzz.json", &error);
  g_assert ((corpus == NULL) != (error == NULL));
  if (error)
    g_assert (g_str_has_prefix (error->message, "fuzz.json"));

  return 0;
}

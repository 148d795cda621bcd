/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a synthetic corpus (xinzhi-synth.h) to a file:
 *
 *   xinzhi-synth N_ARTICLES FILE [SEED]
 */
#include "config.h"

#include <stdlib.h>

#include "xinzhi-synth.h"

#define DEFAULT_SEED 20241125

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_articles, seed = DEFAULT_SEED;

  if (argc < 3 || argc > 4 ||
      !g_ascii_string_to_unsigned (argv[1], 10, 1, 100000, &n_articles, NULL) ||
      (argc == 4 && !g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT32, &seed, NULL)))
    {
      g_printerr ("usage: xinzhi-synth N_ARTICLES FILE [SEED]  (1 <= N_ARTICLES <= 100000)\n");
      return 2;
    }

  bytes = xinzhi_synth_corpus_json ((guint) n_articles, (guint32) seed);
  if (!g_file_set_contents (argv[2], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr ("xinzhi-synth: %s\n", error->message);
      return 1;
    }

  return EXIT_SUCCESS;
}

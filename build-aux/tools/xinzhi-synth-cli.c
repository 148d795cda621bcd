/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes a synthetic corpus (xinzhi-synth.h) to a file:
 *
 *   xinzhi-synth N_ARTICLES FILE [SEED]
 *
 * or a corpus of an adversarial shape (xinzhi-adversarial.h) of about SIZE bytes:
 *
 *   xinzhi-synth --adversarial SHAPE SIZE FILE [SEED]
 */
#include "config.h"

#include <stdlib.h>

#include "xinzhi-adversarial.h"
#include "xinzhi-synth.h"

#define DEFAULT_SEED 20241125

/* The shape named @name, or XINZHI_ADVERSARIAL_N_SHAPES. */
static XinzhiAdversarialShape
shape_named (const char *name)
{
  XinzhiAdversarialShape shape = 0;

  while (shape < XINZHI_ADVERSARIAL_N_SHAPES && !g_str_equal (xinzhi_adversarial_shape_name (shape), name))
    shape++;
  return shape;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_articles, size, seed = DEFAULT_SEED;
  const char *path;

  if (argc >= 5 && argc <= 6 && g_str_equal (argv[1], "--adversarial") &&
      shape_named (argv[2]) < XINZHI_ADVERSARIAL_N_SHAPES &&
      g_ascii_string_to_unsigned (argv[3], 10, 1, 64 * 1024 * 1024, &size, NULL) &&
      (argc == 5 || g_ascii_string_to_unsigned (argv[5], 10, 0, G_MAXUINT32, &seed, NULL)))
    {
      bytes = xinzhi_adversarial_corpus_json (shape_named (argv[2]), size, (guint32) seed);
      path = argv[4];
    }
  else if (argc >= 3 && argc <= 4 &&
           g_ascii_string_to_unsigned (argv[1], 10, 1, 100000, &n_articles, NULL) &&
           (argc == 3 || g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT32, &seed, NULL)))
    {
      bytes = xinzhi_synth_corpus_json ((guint) n_articles, (guint32) seed);
      path = argv[2];
    }
  else
    {
      g_printerr ("usage: xinzhi-synth N_ARTICLES FILE [SEED]  (1 <= N_ARTICLES <= 100000)\n"
                  "       xinzhi-synth --adversarial SHAPE SIZE FILE [SEED]  (SIZE in bytes; SHAPE one of");
      for (XinzhiAdversarialShape shape = 0; shape < XINZHI_ADVERSARIAL_N_SHAPES; shape++)
        g_printerr (" %s", xinzhi_adversarial_shape_name (shape));
      g_printerr (")\n");
      return 2;
    }

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr ("xinzhi-synth: %s\n", error->message);
      return 1;
    }

  return EXIT_SUCCESS;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Which of the two names the corpus gives a thing, in English and in Chinese, is shown
 * first.  The corpus gives sectors, their groups and some people and events a Chinese
 * name beside the English one; where the interface speaks Chinese, the Chinese name
 * comes first and the English stands beside it, in every view, the timeline's labels
 * and its exports.  The views, the timeline and the search ask here, through the
 * objects' get_display_*() and get_other_*() functions, never decide themselves.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-names.h"

/**
 * xinzhi_names_chinese_first:
 *
 * Whether names are shown in Chinese first: where the interface's translation says so,
 * which the Chinese translations do.  The same for the life of the process.
 *
 * Returns: %TRUE to show the Chinese name first, where there is one
 */
gboolean
xinzhi_names_chinese_first (void)
{
  static gsize chinese_first = 0;

  if (g_once_init_enter (&chinese_first))
    {
      /* Translators: how names that the corpus gives in English and in Chinese are
       * shown.  Write "chinese-first" where readers read Chinese: sectors, people and
       * events are then named in Chinese first, with the English beside them.  Anything
       * else keeps the English first.  Do not translate these words, choose one. */
      const char *order = C_("name order", "english-first");

      g_once_init_leave (&chinese_first, g_str_equal (order, "chinese-first") ? 2 : 1);
    }

  return chinese_first == 2;
}

/**
 * xinzhi_names_pick:
 * @name: the English name, which every named thing has
 * @name_zh: (nullable): the Chinese name, or %NULL or empty when there is none
 * @other: (out) (optional) (nullable) (transfer none): the name to show beside the
 *   first one, or %NULL when there is only one
 *
 * Returns: (transfer none): the name to show first
 */
const char *
xinzhi_names_pick (const char  *name,
                   const char  *name_zh,
                   const char **other)
{
  gboolean has_zh = name_zh != NULL && name_zh[0] != '\0';
  const char *first = has_zh && xinzhi_names_chinese_first () ? name_zh : name;
  const char *second = first == name ? (has_zh ? name_zh : NULL) : name;

  if (other != NULL)
    *other = second;

  return first;
}

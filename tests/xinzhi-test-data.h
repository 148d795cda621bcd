/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The corpora of tests/data/, for the model's tests and the UI's alike: a header alone,
 * so that any test may include it without another file to build. */

#include "xinzhi-corpus.h"

/* Loads tests/data/@name, which must load without error. */
static inline XinzhiCorpus *
xinzhi_test_load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus = xinzhi_corpus_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  return corpus;
}

/* Loads the built-in corpus, which must load without error. */
static inline XinzhiCorpus *
xinzhi_test_load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus = xinzhi_corpus_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  return corpus;
}

/* The Julian day number of a valid day, as GDate counts it (1 January of year 1 is day
 * 1): the reference that test-date checks the model's own count against.  A double, as
 * the timeline counts days, so that differences may be negative. */
static inline double
xinzhi_test_julian (guint year,
                    guint month,
                    guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

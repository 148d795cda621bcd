/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A synthetic corpus of many events, for the timeline's test and benchmark: a fixed
 * random mixture over three years (2023 to 2025) of days, months, years, ranges and a
 * few periods, as a real corpus of news coverage would have them.  The same seed gives
 * the same corpus everywhere (GRand is a Mersenne Twister). */

#include <glib.h>

#include "xinzhi-corpus.h"

static const char * const synthetic_words[] = {
  "Provincial", "forum", "on", "new", "quality", "productive", "forces", "opens",
  "Hydrogen", "energy", "pilot", "zone", "announced", "AI", "Plus", "action", "plan",
  "Semiconductor", "fund", "third", "phase", "Low-altitude", "economy", "rules",
  "published", "Biomanufacturing", "conference", "Quantum", "computing", "lab",
  "inaugurated", "Green", "shipping", "corridor", "Robotics", "expo", "in", "Beijing",
};

static char *
synthetic_title (GRand *rand)
{
  GString *title = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 3, 9);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (title, ' ');
      g_string_append (title, synthetic_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_words))]);
    }

  return g_string_free (title, FALSE);
}

static void
synthetic_date (GRand   *rand,
                GString *out,
                guint    year,
                guint    month,
                guint    day,
                guint    precision)
{
  if (precision == 0)
    g_string_append_printf (out, "\"%04u\"", year);
  else if (precision == 1)
    g_string_append_printf (out, "\"%04u-%02u\"", year, month);
  else
    g_string_append_printf (out, "\"%04u-%02u-%02u\"", year, month, day);
}

/* The JSON of a corpus of @n_events events. */
static GBytes *
synthetic_corpus_json (guint   n_events,
                       guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *json = g_string_new (NULL);
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, 1, 2023);

  /* An article for every hundred events, as a real corpus cites a few per article. */
  g_string_append (json,
    "{\"format\": \"xinzhi-corpus\", \"version\": 1, \"title\": \"Synthetic\",\n"
    " \"groups\": [], \"people\": [], \"sectors\": [], \"quotes\": [],\n"
    " \"documents\": [\n");
  for (guint d = 0; d <= n_events / 100; d++)
    g_string_append_printf (json,
      "  {\"id\": \"doc%u\", \"title\": \"A synthetic article\", \"outlet\": \"Synthetic Daily\",\n"
      "   \"date\": \"2024-03-07\", \"date_text\": \"March 7, 2024\",\n"
      "   \"paragraphs\": [{\"text\": \"Published March 7, 2024.\"}]}%s\n",
      d, d < n_events / 100 ? "," : "");
  g_string_append (json, " ],\n \"events\": [\n");

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *title = synthetic_title (rand);
      guint shape = g_rand_int_range (rand, 0, 1000);
      GDate start = first, end;
      gboolean period = FALSE;
      guint start_precision = 2, end_precision = 2;

      g_date_add_days (&start, g_rand_int_range (rand, 0, 3 * 365));
      end = start;

      if (shape < 600)
        ;                                         /* a day: 60 % */
      else if (shape < 800)
        start_precision = end_precision = 1;      /* a month: 20 % */
      else if (shape < 840)
        start_precision = end_precision = 0;      /* a year: 4 % */
      else if (shape < 990)
        g_date_add_days (&end, g_rand_int_range (rand, 1, 30));  /* a range: 15 % */
      else if (shape < 995)
        {
          /* A range to a month. */
          g_date_add_months (&end, g_rand_int_range (rand, 1, 4));
          end_precision = 1;
        }
      else
        {
          /* A period: 0.5 %. */
          period = TRUE;
          g_date_add_days (&end, g_rand_int_range (rand, 5, 90));
        }

      if (start_precision < 2)
        end = start;

      g_string_append_printf (json, "  {\"id\": \"e%u\", \"title\": \"%s\", \"summary\": \"Synthetic.\",\n", i, title);
      if (period)
        g_string_append (json, "   \"kind\": \"period\",\n");
      if (g_date_compare (&start, &end) == 0 && start_precision == end_precision)
        {
          g_string_append (json, "   \"date\": ");
          synthetic_date (rand, json, g_date_get_year (&start), g_date_get_month (&start),
                          g_date_get_day (&start), start_precision);
        }
      else
        {
          g_string_append (json, "   \"start\": ");
          synthetic_date (rand, json, g_date_get_year (&start), g_date_get_month (&start),
                          g_date_get_day (&start), start_precision);
          g_string_append (json, ", \"end\": ");
          synthetic_date (rand, json, g_date_get_year (&end), g_date_get_month (&end),
                          g_date_get_day (&end), end_precision);
        }
      g_string_append_printf (json,
                              ",\n   \"date_estimated\": true, \"date_note\": \"Synthetic.\",\n"
                              "   \"sources\": [{\"document\": \"doc%u\", \"paragraph\": 0}]}%s\n",
                              i / 100, i + 1 < n_events ? "," : "");
    }

  g_string_append (json, " ]\n}\n");

  return g_string_free_to_bytes (json);
}

static XinzhiCorpus *
synthetic_corpus_new (guint   n_events,
                      guint32 seed)
{
  g_autoptr(GBytes) bytes = synthetic_corpus_json (n_events, seed);
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus = xinzhi_corpus_new_from_bytes (bytes, "synthetic.json", &error);

  g_assert_no_error (error);
  return corpus;
}

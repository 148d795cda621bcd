/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long importing saved web pages takes, against libxml2 parsing the same files, in
 * the same run (issue 16: ≤ 3).
 *
 * The pages are the synthetic generator's articles (xinzhi-synth.h) rendered as a news
 * site would serve them: a cookie banner, navigation, the article in <article> with a
 * byline, a share block, "Related stories", a footer with a contact line and "Back to
 * top", and the metadata the extractor reads (og:title, og:site_name, canonical,
 * article:published_time).
 *
 *   import     xinzhi_import_files_async() into a new corpus file, as Add Articles
 *              does: each file read and extracted in a thread, then merged, checked by
 *              the loader and written, until its callback
 *   baseline   each file read and parsed by htmlReadMemory(), then freed
 *
 * The two take turns, three times per size, and the medians are compared.  The import
 * must add every page: a run that refuses one is an error, not a figure.
 *
 *   build-aux/dev bench import        bench-import [--sizes 100,1000] [bench.json]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "xinzhi-bench.h"
#include "xinzhi-corpus.h"
#include "xinzhi-document.h"
#include "xinzhi-import.h"
#include "xinzhi-synth.h"

#define MEASURE "import"
#define RUNS 3
#define TARGET 3.0

static const guint default_sizes[] = { 100, 1000 };

static void
append_escaped (GString    *page,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (page, escaped);
}

static char *
render_page (XinzhiDocument *document,
             guint           index)
{
  GString *page = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>");
  const char *outlet = xinzhi_document_get_outlet (document);
  const char * const *byline = xinzhi_document_get_byline (document);
  const char *url = xinzhi_document_get_url (document);
  g_autofree char *date = xinzhi_date_to_iso (xinzhi_document_get_date (document));

  append_escaped (page, xinzhi_document_get_title (document));
  g_string_append (page, "</title>\n<meta property=\"og:title\" content=\"");
  append_escaped (page, xinzhi_document_get_title (document));
  g_string_append (page, "\">\n");
  if (outlet != NULL)
    {
      g_string_append (page, "<meta property=\"og:site_name\" content=\"");
      append_escaped (page, outlet);
      g_string_append (page, "\">\n");
    }
  if (url != NULL)
    {
      g_string_append (page, "<link rel=\"canonical\" href=\"");
      append_escaped (page, url);
      g_string_append (page, "\">\n");
    }
  if (strlen (date) == strlen ("2024-03-05"))
    g_string_append_printf (page, "<meta property=\"article:published_time\" content=\"%sT09:30:00+08:00\">\n",
                            date);
  g_string_append (page,
                   "</head><body>\n"
                   "<div class=\"cookie-banner\">We use cookies to improve your experience on our site. "
                   "<button>Accept all</button></div>\n"
                   "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/china\">China</a></li>"
                   "<li><a href=\"/business\">Business</a></li><li><a href=\"/tech\">Sci-Tech</a></li>"
                   "<li><a href=\"/opinion\">Opinion</a></li></ul></nav></header>\n"
                   "<main><article>\n<h1>");
  append_escaped (page, xinzhi_document_get_title (document));
  g_string_append (page, "</h1>\n");
  if (byline != NULL && byline[0] != NULL)
    {
      g_string_append (page, "<p class=\"byline\">By ");
      append_escaped (page, byline[0]);
      g_string_append (page, "</p>\n");
    }
  for (guint p = 0; p < xinzhi_document_get_n_paragraphs (document); p++)
    {
      g_string_append (page, "<p>");
      append_escaped (page, xinzhi_document_get_paragraph (document, p)->text);
      g_string_append (page, "</p>\n");
    }
  g_string_append_printf (page,
                          "<div class=\"share\">Share this story: Facebook Twitter WeChat Weibo</div>\n"
                          "</article>\n"
                          "<aside class=\"related\"><h2>Related stories</h2><ul>"
                          "<li><a href=\"/a/%u.html\">Provinces race to build new growth engines</a></li>"
                          "<li><a href=\"/a/%u.html\">What the Two Sessions mean for technology firms</a></li>"
                          "</ul></aside></main>\n"
                          "<footer><p>Contact us: newsroom@news.example.cn, +86 10 0000 0000</p>"
                          "<p><a href=\"#top\">Back to top</a></p>"
                          "<p>Copyright 2024 News Example. All rights reserved.</p></footer>\n"
                          "</body></html>\n",
                          index + 1, index + 2);
  return g_string_free (page, FALSE);
}

/* The pages of @n articles in a new folder; their files in @files. */
static char *
write_pages (guint       n,
             GPtrArray  *files,
             gsize      *total_bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = xinzhi_synth_corpus_json (n, 2024);
  g_autoptr(XinzhiCorpus) corpus = xinzhi_corpus_new_from_bytes (json, "synthetic.json", &error);
  char *dir = g_dir_make_tmp ("xinzhi-bench-import-XXXXXX", &error);
  GListModel *documents;

  g_assert_no_error (error);
  documents = xinzhi_corpus_get_documents (corpus);
  *total_bytes = 0;
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *page = render_page (document, i);
      g_autofree char *name = g_strdup_printf ("article-%05u.html", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_set_contents (path, page, -1, &error))
        g_error ("%s", error->message);
      *total_bytes += strlen (page);
      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  return dir;
}

static double
time_parse (GPtrArray *files)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length;
      htmlDocPtr doc;

      if (!g_file_load_contents (g_ptr_array_index (files, i), NULL, &data, &length, NULL, &error))
        g_error ("%s", error->message);
      doc = htmlReadMemory (data, (int) length, NULL, "utf-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
      if (doc == NULL)
        g_error ("libxml2 could not parse a page");
      xmlFreeDoc (doc);
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

typedef struct
{
  GAsyncResult *result;
} Waiting;

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Waiting *waiting = user_data;

  waiting->result = g_object_ref (result);
}

static double
time_import (GPtrArray    *files,
             const char   *dir,
             XinzhiCorpus *builtin)
{
  g_autofree char *path = g_build_filename (dir, "corpus.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GArray) items = NULL;
  g_autoptr(GBytes) corpus = NULL;
  g_autoptr(GError) error = NULL;
  Waiting waiting = { NULL };
  gint64 start;
  double ms;
  guint n_added = 0, n_quotes = 0;

  g_unlink (path);
  start = g_get_monotonic_time ();
  xinzhi_import_files_async (target, NULL, (GFile **) files->pdata, files->len, builtin,
                             G_PRIORITY_DEFAULT, NULL, NULL, NULL, NULL,
                             imported_cb, &waiting);
  while (waiting.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  items = xinzhi_import_files_finish (waiting.result, &corpus, &error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_clear_object (&waiting.result);

  if (items == NULL)
    g_error ("the import failed: %s", error->message);
  for (guint i = 0; i < items->len; i++)
    {
      const XinzhiImportItem *item = &g_array_index (items, XinzhiImportItem, i);

      if (item->error != NULL)
        g_error ("a page was refused: %s", item->error->message);
      if (!item->duplicate)
        n_added++;
      n_quotes += item->n_quotes;
    }
  if (n_added != files->len)
    g_error ("%u of %u pages were added", n_added, files->len);
  g_print ("  import of %u pages: %u added, %u quotes, %.1f ms\n",
           files->len, n_added, n_quotes, ms);
  g_unlink (path);
  return ms;
}

static void
remove_pages (const char *dir,
              GPtrArray  *files)
{
  for (guint i = 0; i < files->len; i++)
    g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree guint *sizes = g_memdup2 (default_sizes, sizeof default_sizes);
  guint n_sizes = G_N_ELEMENTS (default_sizes);
  const char *output = BENCH_JSON;
  g_autoptr(GError) error = NULL;
  g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (&error);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (XinzhiBenchEntry));

  g_assert_no_error (error);
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--sizes") && i + 1 < argc)
        {
          i++;
          g_free (sizes);
          sizes = xinzhi_bench_parse_sizes (argv[i], &n_sizes);
          if (sizes == NULL)
            {
              g_printerr ("--sizes: “%s” is not a list of numbers from 1 to 100000\n", argv[i]);
              return 2;
            }
        }
      else
        output = argv[i];
    }

  for (guint s = 0; s < n_sizes; s++)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      double imports[RUNS], parses[RUNS];
      gsize bytes;
      g_autofree char *dir = write_pages (sizes[s], files, &bytes);
      XinzhiBenchEntry entry = { MEASURE, sizes[s], 0, "ms", 0 };

      g_print ("%u pages, %.1f MiB\n", sizes[s], bytes / (1024.0 * 1024.0));
      /* One of each first, untimed, so that both find the files in the page cache. */
      time_parse (files);
      for (guint r = 0; r < RUNS; r++)
        {
          parses[r] = time_parse (files);
          imports[r] = time_import (files, dir, builtin);
          g_print ("  libxml2 parse of the same pages: %.1f ms\n", parses[r]);
        }
      entry.value = xinzhi_bench_median (imports, RUNS);
      entry.baseline = xinzhi_bench_median (parses, RUNS);
      g_array_append_val (entries, entry);
      remove_pages (dir, files);
    }

  xinzhi_bench_print_table ("importing saved web pages (median of 3)",
                            "libxml2 reading and parsing the same pages (median of 3)",
                            (XinzhiBenchEntry *) entries->data, entries->len, TARGET);
  xinzhi_bench_write_json (output, (XinzhiBenchEntry *) entries->data, entries->len);
  g_print ("written to %s\n", output);
  return 0;
}

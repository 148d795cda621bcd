/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* For symlink(). */
#define _GNU_SOURCE

#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xinzhi-test-access.h"
#include "xinzhi-timeline-figure.h"

/* Starts the xinzhi binary with @args and no display, as a script or CI would; when
 * @restricted, without the capabilities that let root past file permissions. */
static GSubprocess *
spawn (gboolean            restricted,
       const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (char *) g_getenv ("XINZHI_BIN"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (restricted)
    g_subprocess_launcher_set_child_setup (launcher, xinzhi_test_access_child_setup, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  return process;
}

static int
run_as (gboolean             restricted,
        const char * const  *args,
        char               **out,
        char               **err)
{
  g_autoptr(GSubprocess) process = spawn (restricted, args);
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);

  return g_subprocess_get_exit_status (process);
}

/* The same, for output that is not text. */
static int
run_bytes (const char * const  *args,
           GBytes             **out,
           char               **err)
{
  g_autoptr(GSubprocess) process = spawn (FALSE, args);
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate (process, NULL, NULL, out, &err_bytes, &error);
  g_assert_no_error (error);
  *err = g_strndup (g_bytes_get_size (err_bytes) > 0 ? g_bytes_get_data (err_bytes, NULL) : "",
                    g_bytes_get_size (err_bytes));

  return g_subprocess_get_exit_status (process);
}

static int
run (const char * const  *args,
     char               **out,
     char               **err)
{
  return run_as (FALSE, args, out, err);
}

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_check_valid (void)
{
  g_autofree char *path = data_file ("minimal.json");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, path));
  g_assert_nonnull (strstr (out, "valid corpus “Minimal test corpus”: 1 document, 1 person, 2 sectors, 1 event, 1 quote"));
  g_assert_cmpstr (err, ==, "");
}

/* A corpus with a quote the extractor suggested says so in a second line; the one
 * quote a person reviewed is not counted. */
static void
test_check_unreviewed (void)
{
  g_autofree char *path = data_file ("version-3.json");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: 1 quote is an unreviewed suggestion of the extractor\n", path);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[0], ": valid corpus “Version 3 test corpus”"));
  g_assert_nonnull (strstr (lines[0], ", 2 quotes"));
  g_assert_true (g_str_has_suffix (out, expected));

  /* A candidate event is counted apart. */
  {
    g_autofree char *event_path = data_file ("version-3-event.json");
    const char *event_args[] = { "--check", event_path, NULL };
    g_autofree char *event_out = NULL, *event_err = NULL;
    g_autofree char *event_line = g_strdup_printf ("%s: 1 event is an unreviewed suggestion of the extractor\n",
                                                   event_path);

    g_assert_cmpint (run (event_args, &event_out, &event_err), ==, 0);
    g_assert_cmpstr (event_err, ==, "");
    g_assert_true (g_str_has_suffix (event_out, event_line));
  }
}

static void
test_check_invalid (void)
{
  g_autofree char *path = data_file ("bad/dangling-person.json");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: $.quotes[0].person: there is no person with the id “nobody”\n", path);

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
}

static void
test_check_builtin (void)
{
  const char *args[] = { "--export", "documents", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  /* The built-in corpus loads from the binary's resources, without a display. */
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 5);
}

static void
test_export_csv (void)
{
  g_autofree char *path = data_file ("minimal.json");
  const char *args[] = { "--corpus", path, "--export", "sectors", "--format", "csv", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "\"id\",\"name\",\"name_zh\",\"group\",\"terms\",\"mentions\",\"documents\","
                   "\"first_dated_mention\",\"first_dated_mention_certain\",\"undated_documents\"");
  g_assert_cmpstr (lines[1], ==, "\"ai\",\"Artificial intelligence\",\"人工智能\",\"future\",\"AI; artificial intelligence; 人工智能\",\"3\",\"1\","
                   "\"2024-03-07\",\"true\",\"0\"");
  g_assert_cmpstr (lines[3], ==, "");
}

static void
test_export_errors (void)
{
  const char *bad_kind[] = { "--export", "planets", NULL };
  const char *bad_format[] = { "--export", "quotes", "--format", "xml", NULL };
  g_autofree char *path = data_file ("bad/empty.json");
  const char *bad_corpus[] = { "--corpus", path, "--export", "quotes", NULL };
  g_autofree char *out1 = NULL, *err1 = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run (bad_kind, &out1, &err1), ==, 2);
  g_assert_nonnull (strstr (err1, "“planets” is not a kind to export"));
  g_assert_nonnull (strstr (err1, ", timeline)"));
  g_assert_cmpint (run (bad_format, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "“xml” is not an export format"));
  g_assert_cmpint (run (bad_corpus, &out3, &err3), ==, 1);
  g_assert_nonnull (strstr (err3, "empty.json: the file is empty"));
  g_assert_cmpstr (out3, ==, "");
}

/* --from and --to keep what the dates place in the span, and what they only possibly
 * place there, marked so: the same rows as the window's span filter. */
static void
test_export_span (void)
{
  const char *args[] = { "--export", "events", "--from", "2024-03-05", "--to", "2024-03-15", "--format", "csv", NULL };
  const char *whole[] = { "--export", "events", "--format", "csv", NULL };
  const char *reversed[] = { "--export", "events", "--from", "2024-04", "--to", "2024-03", NULL };
  const char *not_date[] = { "--export", "events", "--from", "2024-13", NULL };
  const char *not_date_to[] = { "--export", "quotes", "--to", "March\033", NULL };
  g_autofree char *out = NULL, *err = NULL, *whole_out = NULL, *whole_err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL, *out4 = NULL, *err4 = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) whole_lines = NULL;
  guint n_yes = 0, n_possibly = 0;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\r\n", -1);
  g_assert_true (g_str_has_suffix (lines[0], ",\"in_span\""));
  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      if (g_str_has_suffix (lines[i], ",\"yes\""))
        n_yes++;
      else if (g_str_has_suffix (lines[i], ",\"possibly\""))
        n_possibly++;
      else
        g_test_fail_printf ("row without in_span: %s", lines[i]);
    }
  g_assert_cmpuint (n_yes, >, 0);
  g_assert_cmpuint (n_possibly, >, 0);

  /* Fewer rows than without a span, and no in_span there. */
  g_assert_cmpint (run (whole, &whole_out, &whole_err), ==, 0);
  whole_lines = g_strsplit (whole_out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (whole_lines), >, g_strv_length (lines));
  g_assert_null (strstr (whole_lines[0], "in_span"));

  g_assert_cmpint (run (reversed, &out2, &err2), ==, 2);
  g_assert_cmpstr (err2, ==, "--from is later than --to\n");
  g_assert_cmpstr (out2, ==, "");
  g_assert_cmpint (run (not_date, &out3, &err3), ==, 2);
  g_assert_cmpstr (err3, ==, "--from: “2024-13” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n");
  g_assert_cmpstr (out3, ==, "");
  g_assert_cmpint (run (not_date_to, &out4, &err4), ==, 2);
  g_assert_null (strchr (err4, '\033'));
  g_assert_cmpstr (out4, ==, "");
}

/* The texts of an exported figure's SVG, in order: its title, then the strings of its
 * text layer (the last group, of invisible text elements). */
static GPtrArray *
svg_texts (GBytes *svg)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "figure.svg", "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_HUGE);
  xmlNodePtr root, layer = NULL;

  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  for (xmlNodePtr node = root->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) node->name, "title"))
        {
          xmlChar *title = xmlNodeGetContent (node);

          g_ptr_array_add (texts, g_strdup ((const char *) title));
          xmlFree (title);
        }
      else if (g_str_equal ((const char *) node->name, "g"))
        layer = node;
    }

  g_assert_cmpuint (texts->len, ==, 1);
  g_assert_nonnull (layer);
  for (xmlNodePtr node = layer->children; node != NULL; node = node->next)
    {
      xmlChar *text;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      g_assert_cmpstr ((const char *) node->name, ==, "text");
      text = xmlNodeGetContent (node);
      g_ptr_array_add (texts, g_strdup ((const char *) text));
      xmlFree (text);
    }

  xmlFreeDoc (doc);
  return texts;
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

/* --export timeline without a display: the window's figure, as SVG with its texts as
 * text, and as PNG at twice its width. */
static void
test_export_timeline (void)
{
  const char *svg_args[] = { "--export", "timeline", "--format", "svg", NULL };
  const char *default_args[] = { "--export", "timeline", NULL };
  const char *png_args[] = { "--export", "timeline", "--format", "png", NULL };
  g_autoptr(GBytes) svg = NULL, default_svg = NULL, png = NULL;
  g_autofree char *err = NULL, *default_err = NULL, *png_err = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  const guchar *data;
  gsize size;

  g_assert_cmpint (run_bytes (svg_args, &svg, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  texts = svg_texts (svg);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "New quality productive forces in the news");
  g_assert_cmpstr (g_ptr_array_index (texts, 1), ==, "New quality productive forces in the news");
  g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "Sep 2023 – Dec 2024 · 10 events");
  g_assert_true (has_text (texts, "Xi introduces the concept in Heilongjiang"));
  g_assert_true (has_text (texts, "Government work report submitted"));
  g_assert_true (has_text (texts, "Two Sessions 2024"));
  g_assert_true (has_text (texts, "A month, not the day"));
  g_assert_true (has_text (texts, "Corpus: Built-in corpus"));

  /* SVG is the default. */
  g_assert_cmpint (run_bytes (default_args, &default_svg, &default_err), ==, 0);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (default_svg, NULL), "<?xml"));

  g_assert_cmpint (run_bytes (png_args, &png, &png_err), ==, 0);
  g_assert_cmpstr (png_err, ==, "");
  data = g_bytes_get_data (png, &size);
  g_assert_cmpuint (size, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint ((guint32) data[16] << 24 | data[17] << 16 | data[18] << 8 | data[19], ==,
                    2 * XINZHI_TIMELINE_FIGURE_WIDTH);
}

/* --from and --to: the span, in the subtitle with what it only possibly holds, and
 * fewer events than the whole. */
static void
test_export_timeline_span (void)
{
  const char *args[] = { "--export", "timeline", "--from", "2024-03", "--to", "2024-03", NULL };
  const char *whole_args[] = { "--export", "timeline", NULL };
  g_autoptr(GBytes) svg = NULL, whole_svg = NULL;
  g_autofree char *err = NULL, *whole_err = NULL;
  g_autoptr(GPtrArray) texts = NULL, whole = NULL;
  guint n_titles = 0, n_whole_titles = 0;
  const char *titles[] = {
    "Xi introduces the concept in Heilongjiang", "Central Economic Work Conference",
    "Politburo group study session", "Government work report submitted",
    "An AI Plus initiative to be launched", "Xi joins a deliberation with lawmakers from Jiangsu",
    "Global Innovation Index 2024 released", "CNS co-hosts a high-level seminar in Beijing",
  };

  g_assert_cmpint (run_bytes (args, &svg, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  texts = svg_texts (svg);
  g_assert_cmpstr (g_ptr_array_index (texts, 2), ==, "Mar 2024 · 5 events, 1 of them possibly in the span");
  g_assert_true (has_text (texts, "Government work report submitted"));
  g_assert_false (has_text (texts, "Xi introduces the concept in Heilongjiang"));

  g_assert_cmpint (run_bytes (whole_args, &whole_svg, &whole_err), ==, 0);
  whole = svg_texts (whole_svg);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      n_titles += has_text (texts, titles[i]);
      n_whole_titles += has_text (whole, titles[i]);
    }
  g_assert_cmpuint (n_titles, >, 0);
  g_assert_cmpuint (n_titles, <, n_whole_titles);
}

static void
test_export_timeline_errors (void)
{
  const char *csv[] = { "--export", "timeline", "--format", "csv", NULL };
  const char *empty_span[] = { "--export", "timeline", "--from", "2030", "--to", "2030", NULL };
  const char *open_span[] = { "--export", "timeline", "--from", "2030", NULL };
  g_autofree char *out1 = NULL, *err1 = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run (csv, &out1, &err1), ==, 2);
  g_assert_cmpstr (err1, ==, "“csv” is not a timeline format (svg, png)\n");
  g_assert_cmpstr (out1, ==, "");
  g_assert_cmpint (run (empty_span, &out2, &err2), ==, 1);
  g_assert_cmpstr (err2, ==, "There are no events in 2030 to draw\n");
  g_assert_cmpstr (out2, ==, "");
  g_assert_cmpint (run (open_span, &out3, &err3), ==, 1);
  g_assert_cmpstr (err3, ==, "There are no events in the span to draw\n");
  g_assert_cmpstr (out3, ==, "");
}

/* Runs --check on @path and checks its one message, exactly, and its exit status. */
static void
assert_check_message_as (gboolean    restricted,
                         const char *path,
                         const char *message)
{
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: %s\n", path, message);

  g_assert_cmpint (run_as (restricted, args, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpstr (out, ==, "");
}

static void
assert_check_message (const char *path,
                      const char *message)
{
  assert_check_message_as (FALSE, path, message);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("xinzhi-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* A 100 MB file is refused by its size, at once and without reading it.  It is made
 * here, sparse, never kept in the tree. */
static void
test_check_huge (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  gint64 start;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "{\"format\": \"xinzhi-corpus\", ", 27), ==, 27);
  g_assert_cmpint (ftruncate (fd, (off_t) 100 * 1000 * 1000), ==, 0);
  close (fd);

  start = g_get_monotonic_time ();
  assert_check_message (path, "the file is 96 MiB; files larger than 64 MiB are not read");
  g_test_message ("refused in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_remove (path);
  g_rmdir (dir);
}

/* A folder, a pipe and a device in place of a corpus: refused, each by its name, so the
 * pipe cannot block and the device cannot fill memory. */
static void
test_check_not_a_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);

  assert_check_message (dir, "is a folder, not a corpus file");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_check_message (fifo, "is a pipe, not a file");
  g_remove (fifo);
  g_rmdir (dir);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    assert_check_message ("/dev/zero", "is a device, not a file");
}

/* Symbolic links that lead nowhere, or round in a loop: said so, not "not a regular
 * file". */
static void
test_check_links (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *dangling = g_build_filename (dir, "dangling.json", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.json", NULL);

  g_assert_cmpint (symlink ("nowhere.json", dangling), ==, 0);
  assert_check_message (dangling, "cannot be read: it is a symbolic link to a file that does not exist");
  g_assert_cmpint (symlink ("loop.json", loop), ==, 0);
  assert_check_message (loop, "cannot be read: too many levels of symbolic links (they may form a loop)");
  g_remove (dangling);
  g_remove (loop);
  g_rmdir (dir);
}

/* A corpus in a folder that may not be entered: "permission denied", and no GLib
 * critical on the way.  Root's way past permissions is taken from the program. */
static void
test_check_closed_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *closed = g_build_filename (dir, "closed", NULL);
  g_autofree char *path = g_build_filename (closed, "corpus.json", NULL);
  g_autofree char *minimal = data_file ("minimal.json");
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir (closed, 0700), ==, 0);
  g_assert_true (g_file_get_contents (minimal, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_cmpint (g_chmod (closed, 0600), ==, 0);

  assert_check_message_as (TRUE, path, "cannot be read: permission denied (by the file or by a folder on its path)");

  g_chmod (closed, 0700);
  g_remove (path);
  g_rmdir (closed);
  g_rmdir (dir);
}

static void
test_check_missing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "nowhere.json", NULL);

  assert_check_message (path, "cannot be read: there is no such file");
  g_rmdir (dir);
}

/* A file that may not be read.  Root's way past permissions is taken from the program. */
static void
test_check_unreadable (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "locked.json", NULL);
  g_autofree char *minimal = data_file ("minimal.json");
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (minimal, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);

  assert_check_message_as (TRUE, path, "cannot be read: permission denied (by the file or by a folder on its path)");

  g_chmod (path, 0600);
  g_remove (path);
  g_rmdir (dir);
}

/* --search prints what the window finds, headless, as JSON: every result with its
 * kind, id, title, the text that matched and the byte offsets of the matches in it. */
static void
test_search_json (void)
{
  const char *args[] = { "--search", "新质生产力", "--format", "json", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *results;
  guint n_articles = 0, n_concepts = 0;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  results = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);
      const char *kind = json_object_get_string_member (result, "kind");
      const char *text = json_object_get_string_member (result, "text");
      JsonArray *matches = json_object_get_array_member (result, "matches");

      g_assert_nonnull (json_object_get_string_member (result, "id"));
      g_assert_nonnull (json_object_get_string_member (result, "title"));
      g_assert_cmpuint (json_array_get_length (matches), >, 0);
      for (guint m = 0; m < json_array_get_length (matches); m++)
        {
          JsonObject *match = json_array_get_object_element (matches, m);
          gint64 start = json_object_get_int_member (match, "start");
          gint64 end = json_object_get_int_member (match, "end");
          g_autofree char *words = NULL;

          g_assert_cmpint (start, <, end);
          g_assert_cmpint (end, <=, (gint64) strlen (text));
          words = g_strndup (text + start, end - start);
          g_assert_cmpstr (words, ==, json_object_get_string_member (match, "text"));
        }

      if (g_str_equal (kind, "concept"))
        {
          g_assert_cmpstr (json_object_get_string_member (result, "id"), ==, "new-quality-productive-forces");
          g_assert_cmpstr (json_object_get_string_member (result, "field"), ==, "name_zh");
          g_assert_true (json_object_get_null_member (result, "via"));
          n_concepts++;
        }
      else if (g_str_equal (kind, "article"))
        {
          JsonObject *via = json_object_get_object_member (result, "via");

          /* No article holds the Chinese: each is found through the concept. */
          g_assert_cmpstr (json_object_get_string_member (result, "field"), ==, "paragraph");
          g_assert_cmpstr (json_object_get_string_member (via, "kind"), ==, "concept");
          g_assert_cmpstr (json_object_get_string_member (via, "id"), ==, "new-quality-productive-forces");
          n_articles++;
        }
    }
  g_assert_cmpuint (n_concepts, ==, 1);
  g_assert_cmpuint (n_articles, ==, 5);
}

static void
test_search_csv (void)
{
  g_autofree char *path = data_file ("concepts.json");
  const char *args[] = { "--corpus", path, "--search", "Pan Jiaofeng", "--format", "csv", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "\"kind\",\"id\",\"title\",\"field\",\"paragraph\",\"text\",\"matches\",\"via\",\"reviewed\"");
  /* Articles first, the most paragraphs first; his own name, then his other spelling
   * found through him. */
  g_assert_cmpstr (lines[1], ==, "\"article\",\"nqpf-b\",\"Speaking of the future\",\"paragraph\",\"0\","
                   "\"Pan Jiaofeng spoke of New High-Quality Production Forces and future industries on March 10, 2024.\","
                   "\"0-12\",\"\",\"\"");
  g_assert_cmpstr (lines[2], ==, "\"article\",\"nqpf-a\",\"Growth and the new quality productive forces\",\"paragraph\",\"3\","
                   "\"Pan Jiafeng said: “Innovation is the key.”\",\"0-11\",\"person pan-jiaofeng\",\"\"");
  g_assert_cmpstr (lines[3], ==, "\"quote\",\"pan-forces\",\"Pan Jiaofeng\",\"text\",\"\","
                   "\"spoke of New High-Quality Production Forces and future industries\",\"\",\"person pan-jiaofeng\",\"true\"");
  g_assert_cmpstr (lines[4], ==, "\"quote\",\"pan-key\",\"Pan Jiaofeng\",\"text\",\"\","
                   "\"Innovation is the key.\",\"\",\"person pan-jiaofeng\",\"true\"");
  g_assert_cmpstr (lines[5], ==, "\"person\",\"pan-jiaofeng\",\"Pan Jiaofeng\",\"name\",\"\",\"Pan Jiaofeng\",\"0-12\",\"\",\"\"");
  g_assert_cmpstr (lines[6], ==, "");
}

/* A quote the extractor suggested says so in every format; a reviewed one is "true". */
static void
test_search_unreviewed (void)
{
  g_autofree char *path = data_file ("version-3.json");
  const char *text_args[] = { "--corpus", path, "--search", "Innovation is the core", NULL };
  const char *json_args[] = { "--corpus", path, "--search", "Innovation is the core", "--format", "json", NULL };
  g_autofree char *out = NULL, *err = NULL, *json = NULL, *json_err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *results;
  guint n_quotes = 0;

  g_assert_cmpint (run (text_args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "quote q1: Li Yuju\n"));
  g_assert_nonnull (strstr (out, "  an unreviewed suggestion of the extractor\n"));

  g_assert_cmpint (run (json_args, &json, &json_err), ==, 0);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  results = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonObject *result = json_array_get_object_element (results, i);

      if (g_str_equal (json_object_get_string_member (result, "kind"), "quote"))
        {
          g_assert_cmpstr (json_object_get_string_member (result, "id"), ==, "q1");
          g_assert_false (json_object_get_boolean_member (result, "reviewed"));
          n_quotes++;
        }
      else
        g_assert_true (json_object_get_null_member (result, "reviewed"));
    }
  g_assert_cmpuint (n_quotes, ==, 1);
}

/* Text for a person: corpus text with control characters cannot reach the terminal
 * raw. */
static void
test_search_text (void)
{
  g_autofree char *path = data_file ("hostile-text.json");
  const char *args[] = { "--corpus", path, "--search", "bell", NULL };
  const char *none[] = { "--corpus", path, "--search", "no such words", NULL };
  const char *bad_format[] = { "--search", "AI", "--format", "xml", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_test_message ("%s", out);
  g_assert_true (g_str_has_prefix (out, "article doc-a: Title "));
  g_assert_nonnull (strstr (out, "bell\\u0007 escape\\u001B[31m backspace\\u0008 del\\u007F c1\\u0085 \\u202Eevil-override\\u202C"));
  g_assert_nonnull (strstr (out, "  title: “bell” at "));
  for (const char *p = out; *p; p++)
    g_assert_true ((guchar) *p >= 0x20 || *p == '\n');
  g_assert_null (strstr (out, "\u202e"));

  /* Nothing found: no output, and status 1, as grep does. */
  g_assert_cmpint (run (none, &out2, &err2), ==, 1);
  g_assert_cmpstr (out2, ==, "");
  g_assert_cmpint (run (bad_format, &out3, &err3), ==, 2);
  g_assert_nonnull (strstr (err3, "“xml” is not a search output format (text, json, csv)"));
}

/* Every option that does not go with another, every option given twice and every
 * argument that is no option's beside --check, --export or --version (alone, or with
 * --corpus, such arguments are files for the window to open: test-open): an error,
 * exit status 2, and how to use the program.  Nothing is checked, exported or opened. */
static void
test_argument_errors (void)
{
  g_autofree char *path = data_file ("minimal.json");
  const struct {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { "--check", path, "--export", "people" }, "--check and --export cannot be used together" },
    { { "--export", "people", "--check", path }, "--check and --export cannot be used together" },
    { { "--check", path, "--corpus", path }, "--check and --corpus cannot be used together" },
    { { "--check", path, "--format", "csv" }, "--check and --format cannot be used together" },
    { { "--format", "csv" }, "--format goes with --export or --search" },
    { { "--corpus", path, "--format", "csv" }, "--format goes with --export or --search" },
    { { "--check", path, "--search", "AI" }, "--check and --search cannot be used together" },
    { { "--search", "AI", "--export", "people" }, "--export and --search cannot be used together" },
    { { "--search", "AI", "--search", "quantum" }, "--search is given more than once" },
    { { "--search", " \t" }, "--search needs words to look for" },
    { { "--search", "new", "quality" }, "unexpected argument “quality” (a query of several words is quoted, as in --search \"new quality\"; a corpus is given with --corpus FILE)" },
    { { "--version", "--search", "AI" }, "--version goes alone" },
    { { "--export", "people", path }, "unexpected argument “PATH” (a corpus to open or export is given with --corpus FILE)" },
    { { "--check", path, "again.json" }, "unexpected argument “again.json” (a corpus to open or export is given with --corpus FILE)" },
    { { "--export", "people", "--", "--check" }, "unexpected argument “--check” (a corpus to open or export is given with --corpus FILE)" },
    { { "--version", path }, "unexpected argument “PATH” (a corpus to open or export is given with --corpus FILE)" },
    { { "--check", path, "--check", path }, "--check is given more than once" },
    { { "--corpus", path, "--corpus", path, "--export", "people" }, "--corpus is given more than once" },
    { { "--export", "people", "--export", "quotes" }, "--export is given more than once" },
    { { "--export", "people", "--format", "csv", "--format", "json" }, "--format is given more than once" },
    { { "--version", "--check", path }, "--version goes alone" },
    { { "--extract" }, "--extract needs one or more article files" },
    { { "--extract", path, "--corpus", path }, "--extract goes with article files and --explain only" },
    { { "--extract", path, "--format", "csv" }, "--extract goes with article files and --explain only" },
    { { "--explain", path }, "--explain goes with --extract" },
    { { "--import", path }, "--import needs --into CORPUS, the corpus file to add to" },
    { { "--into", path }, "--into goes with --import" },
    { { "--extract", path, "--into", path }, "--into goes with --import" },
    { { "--import", "--into", path }, "--import needs one or more article files" },
    { { "--import", path, "--into", path, "--corpus", path }, "--import goes with article files and --into only" },
    { { "--import", path, "--into", path, "--extract" }, "--import goes with article files and --into only" },
    { { "--import", path, "--into", path, "--into", path }, "--into is given more than once" },
    { { "--from", "2024" }, "--from goes with --export" },
    { { "--check", path, "--to", "2024" }, "--to goes with --export" },
    { { "--search", "AI", "--from", "2024" }, "--from goes with --export" },
    { { "--export", "events", "--from", "2024", "--from", "2025" }, "--from is given more than once" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *message = NULL;
      g_autofree char *expected = NULL;
      g_auto(GStrv) parts = g_strsplit (cases[i].message, "PATH", -1);

      message = g_strjoinv (path, parts);
      expected = g_strdup_printf ("xinzhi: %s\nUsage: xinzhi [OPTION…]\nRun “xinzhi --help” to see the options.\n",
                                  message);
      if (run (cases[i].args, &out, &err) != 2)
        g_test_fail_printf ("case %u: exit status not 2 (%s)", i, err);
      else if (g_strcmp0 (err, expected) != 0)
        g_test_fail_printf ("case %u: “%s”, not “%s”", i, err, expected);
      if (g_strcmp0 (out, "") != 0)
        g_test_fail_printf ("case %u printed “%s”", i, out);
    }
}

static gboolean
has_hidden_control (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || c == 0x061c || c == 0x200e ||
          c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    }
  return FALSE;
}

static char *
write_corpus (const char *dir,
              const char *name,
              const char *from,
              const char *to)
{
  g_autofree char *minimal = data_file ("minimal.json");
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  g_auto(GStrv) parts = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_get_contents (minimal, &contents, NULL, NULL));
  parts = g_strsplit (contents, from, 2);
  g_assert_nonnull (parts[1]);
  changed = g_strjoin (to, parts[0], parts[1], NULL);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  return path;
}

/* A valid corpus whose title would erase its own line and print a forged summary, and
 * turn the words around: printed with every control written out, on one line. */
static void
test_check_escapes_title (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_corpus (dir, "forged.json", "\"Minimal test corpus\"",
                                        "\"x\\r\\u001b[2K/elsewhere.json: valid corpus \\\"Forged\\\"\\n"
                                        "\\u202eevil\\u202c \\u2066isolate\\u2069\"");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: valid corpus “x\\u000D\\u001B[2K/elsewhere.json: valid "
                                               "corpus \"Forged\"\\u000A\\u202Eevil\\u202C \\u2066isolate\\u2069”: 1 "
                                               "document, 1 person, 2 sectors, 1 event, 1 quote\n", path);

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_false (has_hidden_control (out));
  g_assert_cmpstr (err, ==, "");
}

/* Problems that quote the corpus (a member's name, an id): each on its own line, with
 * every control written out. */
static void
test_check_escapes_problems (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = write_corpus (dir, "bad.json", "\"title\": \"Minimal test corpus\",",
                                        "\"title\": \"Minimal test corpus\", "
                                        "\"evil\\r\\u001b[2Kname\\n\\u202e\": 1,");
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_cmpstr (out, ==, "");
  g_assert_false (has_hidden_control (err));
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], path));
  g_assert_nonnull (strstr (lines[0], "evil\\u000D\\u001B[2Kname\\u000A\\u202E"));
  g_assert_cmpstr (lines[1], ==, "");
}

/* A file name with controls in it is written out too (GIO writes a name with C0
 * controls as a URI itself; the bidirectional control is ours to write out). */
static void
test_check_escapes_file_name (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "a\rb\xe2\x80\xae.json", NULL);
  const char *args[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = g_strdup_printf ("file://%s/a%%0Db\\u202E.json: cannot be read: there is no such file\n", dir);

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==, expected);
}

/* What --check says of @corpus, written to a file; it must accept it, silently on
 * standard error. */
static char *
check_corpus (const char *corpus)
{
  g_autofree char *tmp = NULL;
  g_autofree char *check_err = NULL;
  g_autoptr(GError) error = NULL;
  char *check_out = NULL;
  int fd;

  fd = g_file_open_tmp ("xinzhi-extract-XXXXXX.json", &tmp, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (tmp, corpus, -1, NULL));
  {
    const char *check[] = { "--check", tmp, NULL };

    g_assert_cmpint (run (check, &check_out, &check_err), ==, 0);
    g_assert_cmpstr (check_err, ==, "");
  }
  g_unlink (tmp);
  return check_out;
}

/* --extract on the seed articles, furniture and all, prints a corpus that --check
 * accepts, with quotes. */
static void
test_extract_seeds (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "seeds", NULL);
  g_autoptr(GDir) seeds = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *check_out = NULL;
  const char *name;

  g_assert_nonnull (seeds);
  g_ptr_array_add (args, g_strdup ("--extract"));
  while ((name = g_dir_read_name (seeds)) != NULL)
    g_ptr_array_add (args, g_build_filename (dir, name, NULL));
  g_assert_cmpuint (args->len, ==, 6);
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (run ((const char * const *) args->pdata, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "{\n  \"format\" : \"xinzhi-corpus\""));

  check_out = check_corpus (out);
  g_assert_nonnull (strstr (check_out, ": valid corpus “Extracted articles”: 5 documents"));
  g_assert_null (strstr (check_out, " 0 quotes"));
}

/* A batch with bad files extracts the good ones, names each bad one, and says 1. */
static void
test_extract_bad_files (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes-en.txt", NULL);
  g_autofree char *dir = g_dir_make_tmp ("xinzhi-extract-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  const char *args[] = { "--extract", empty, good, binary, missing, dir, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (binary, "ab\0cd", 5, NULL));

  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "\"title\" : \"A river town bets on tidal power\""));
  g_assert_nonnull (strstr (err, empty));
  g_assert_nonnull (strstr (err, "the file is empty"));
  g_assert_nonnull (strstr (err, binary));
  g_assert_nonnull (strstr (err, "binary"));
  g_assert_nonnull (strstr (err, missing));
  g_assert_nonnull (strstr (err, "is a folder, not a file"));
  g_assert_nonnull (strstr (err, "4 files gave nothing"));

  g_unlink (empty);
  g_unlink (binary);
  g_rmdir (dir);
}

/* --explain prints each item with the rule that found it. */
static void
test_extract_explain (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes-en.txt", NULL);
  const char *args[] = { "--extract", "--explain", good, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "file quotes-en.txt\n"));
  g_assert_nonnull (strstr (out, "[first-heading]"));
  g_assert_nonnull (strstr (out, "by Maria Okafor [quote-then-attribution] attributed by “ Okafor said”"));
  g_assert_nonnull (strstr (out, "(no speaker)"));
}

/* Runs --check on @path, which must pass; says whether its summary holds @words. */
static gboolean
check_says (const char *path,
            const char *words)
{
  const char *check[] = { "--check", path, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (check, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return strstr (out, words) != NULL;
}

/* Runs --check and --export quotes on @path: the corpus loads, and its quotes include
 * one starting with @quote. */
static void
assert_imported (const char *path,
                 const char *quote)
{
  const char *export[] = { "--corpus", path, "--export", "quotes", NULL };
  g_autofree char *quotes = NULL, *quotes_err = NULL;
  g_autofree char *needle = g_strdup_printf ("\"text\" : \"%s", quote);

  g_assert_true (check_says (path, ": valid corpus"));
  g_assert_cmpint (run (export, &quotes, &quotes_err), ==, 0);
  g_assert_cmpstr (quotes_err, ==, "");
  if (strstr (quotes, needle) == NULL)
    g_test_fail_printf ("no quote “%s…” in %s", quote, quotes);
  /* What was imported is a suggestion, and says by what rule it was found. */
  g_assert_nonnull (strstr (quotes, "\"reviewed\" : \"false\""));
  g_assert_nonnull (strstr (quotes, "\"rule\" : \"quote-"));
}

/* --import of the seed articles into a file that does not exist creates it: a line for
 * each article, and a corpus that --check accepts and --export lists the quotes of. */
static void
test_import_new (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "seeds", NULL);
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "new.json", NULL);
  g_autoptr(GDir) seeds = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *name;
  GStatBuf info;

  g_assert_nonnull (seeds);
  g_ptr_array_add (args, g_strdup ("--import"));
  while ((name = g_dir_read_name (seeds)) != NULL)
    g_ptr_array_add (args, g_build_filename (dir, name, NULL));
  g_ptr_array_add (args, g_strdup ("--into"));
  g_ptr_array_add (args, g_strdup (path));
  g_ptr_array_add (args, NULL);

  g_assert_cmpint (run ((const char * const *) args->pdata, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], "Added “"));
      g_assert_nonnull (strstr (lines[i], path));
      g_assert_nonnull (strstr (lines[i], " quote"));
      /* One seed quotes someone its attribution does not name ("…," said Party
       * Secretary and …): the line says that quote was left out. */
      if (!g_str_has_suffix (lines[i], path))
        g_assert_true (g_str_has_suffix (lines[i], "; 1 quote with no speaker was left out "
                                                   "(--extract --explain shows it)"));
    }
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0644);
  g_assert_true (check_says (path, ": valid corpus “Extracted articles”: 5 documents"));
  g_assert_false (check_says (path, " 0 quotes"));
  /* The seeds' dated sentences are candidate events, unreviewed, and the lines of
   * their articles say how many. */
  g_assert_true (check_says (path, " events are unreviewed suggestions of the extractor\n"));
  g_assert_nonnull (strstr (out, " candidate event"));
  g_remove (path);
  g_rmdir (tmp);
}

/* Into a copy of the built-in corpus: its articles stay, the new one is added, and
 * importing it again adds nothing and leaves the file as it was. */
static void
test_import_builtin_twice (void)
{
  g_autofree char *builtin = g_test_build_filename (G_TEST_DIST, "..", "data", "corpus", "xinzhi-corpus.json", NULL);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes-en.txt", NULL);
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *path = g_build_filename (tmp, "copy.json", NULL);
  g_autofree char *contents = NULL, *after = NULL, *again = NULL;
  const char *args[] = { "--import", good, "--into", path, NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autofree char *added = NULL, *skipped = NULL;

  g_assert_true (g_file_get_contents (builtin, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  /* The eighth quote has no speaker ("He" after two people): said, not written. */
  added = g_strdup_printf ("Added “A river town bets on tidal power” (7 quotes, 4 people) to %s; "
                           "1 quote with no speaker was left out (--extract --explain shows it)\n", path);
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, added);
  assert_imported (path, "The estuary gives us two tides a day");
  g_assert_true (check_says (path, ": 6 documents"));
  /* The built-in corpus's quotes are reviewed; the seven added are not. */
  g_assert_true (check_says (path, ": 7 quotes are unreviewed suggestions of the extractor\n"));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  skipped = g_strdup_printf ("Not added: “A river town bets on tidal power” is already in %s as “quotes-en”\n", path);
  g_assert_cmpint (run (args, &out2, &err2), ==, 0);
  g_assert_cmpstr (err2, ==, "");
  g_assert_cmpstr (out2, ==, skipped);
  g_assert_true (g_file_get_contents (path, &again, NULL, NULL));
  g_assert_cmpstr (again, ==, after);

  g_remove (path);
  g_rmdir (tmp);
}

/* A batch with a bad file imports the good one, names the bad one, and says 1; a batch
 * of bad files only writes nothing. */
static void
test_import_bad_file (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes-zh.txt", NULL);
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *empty = g_build_filename (tmp, "empty.txt", NULL);
  g_autofree char *path = g_build_filename (tmp, "corpus.json", NULL);
  g_autofree char *other = g_build_filename (tmp, "other.json", NULL);
  const char *args[] = { "--import", empty, good, "--into", path, NULL };
  const char *only_bad[] = { "--import", empty, "--into", other, NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_cmpint (run (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, empty));
  g_assert_nonnull (strstr (err, "the file is empty"));
  g_assert_nonnull (strstr (err, "1 file gave nothing"));
  g_assert_true (g_str_has_prefix (out, "Added “"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (check_says (path, ": 1 document,"));

  g_assert_cmpint (run (only_bad, &out2, &err2), ==, 1);
  g_assert_cmpstr (out2, ==, "");
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));

  g_remove (empty);
  g_remove (path);
  g_rmdir (tmp);
}

/* A corpus the loader refuses, a folder, a pipe, a device and a place that may not be
 * written: each named, status 1, and nothing written. */
static void
test_import_bad_target (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes-en.txt", NULL);
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *broken = write_corpus (tmp, "broken.json", "\"person\": \"li-yuju\"", "\"person\": \"nobody\"");
  g_autofree char *fifo = g_build_filename (tmp, "pipe.json", NULL);
  g_autofree char *closed = g_build_filename (tmp, "closed", NULL);
  g_autofree char *inside = g_build_filename (closed, "corpus.json", NULL);
  g_autofree char *before = NULL, *after = NULL;
  const struct {
    const char *into;
    const char *message;
    gboolean    restricted;
  } cases[] = {
    { broken, "$.quotes[0].person: there is no person with the id “nobody”", FALSE },
    { tmp, "is a folder, not a corpus file", FALSE },
    { fifo, "is a pipe, not a file", FALSE },
    { "/dev/null", "is a device, not a file", FALSE },
    { inside, "cannot be written: permission denied (by the file or by its folder)", TRUE },
  };

  g_assert_true (g_file_get_contents (broken, &before, NULL, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (closed, 0500), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "--import", good, "--into", cases[i].into, NULL };
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *expected = g_strdup_printf ("%s: %s\n", cases[i].into, cases[i].message);

      g_assert_cmpint (run_as (cases[i].restricted, args, &out, &err), ==, 1);
      g_assert_cmpstr (err, ==, expected);
      g_assert_cmpstr (out, ==, "");
    }
  g_assert_true (g_file_get_contents (broken, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));

  g_rmdir (closed);
  g_remove (fifo);
  g_remove (broken);
  g_rmdir (tmp);
}

/* --into a symbolic link: the file it leads to is replaced, and the link stays. */
static void
test_import_link (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "extract", "quotes-en.txt", NULL);
  g_autofree char *tmp = make_temp_dir ();
  g_autofree char *target = write_corpus (tmp, "target.json", "Minimal test corpus", "Linked corpus");
  g_autofree char *link = g_build_filename (tmp, "link.json", NULL);
  const char *args[] = { "--import", good, "--into", link, NULL };
  g_autofree char *out = NULL, *err = NULL;
  GStatBuf info;

  g_assert_cmpint (symlink ("target.json", link), ==, 0);
  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (g_lstat (link, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));
  assert_imported (target, "The estuary gives us two tides a day");

  g_remove (link);
  g_remove (target);
  g_rmdir (tmp);
}

/* --extract on a saved web page prints a corpus that --check accepts, and --explain
 * says how the page was read. */
static void
test_extract_html (void)
{
  g_autofree char *page = g_test_build_filename (G_TEST_DIST, "data", "extract", "page-en.html", NULL);
  const char *args[] = { "--extract", page, NULL };
  const char *explain[] = { "--extract", "--explain", page, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *explain_out = NULL, *explain_err = NULL;
  g_autofree char *check_out = NULL;

  g_assert_cmpint (run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "\"title\" : \"Night ferry returns to the islands\""));
  g_assert_nonnull (strstr (out, "\"outlet\" : \"Coastline Courier\""));
  check_out = check_corpus (out);
  g_assert_nonnull (strstr (check_out, ": valid corpus “Extracted articles”: 1 document,"));

  g_assert_cmpint (run (explain, &explain_out, &explain_err), ==, 0);
  g_assert_nonnull (strstr (explain_out, "a web page, read as UTF-8: the page declares charset=utf-8"));
  g_assert_nonnull (strstr (explain_out, "article text from <article>"));
  g_assert_nonnull (strstr (explain_out, "[page-metadata]"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check/valid", test_check_valid);
  g_test_add_func ("/cli/check/unreviewed", test_check_unreviewed);
  g_test_add_func ("/cli/check/invalid", test_check_invalid);
  g_test_add_func ("/cli/check/huge", test_check_huge);
  g_test_add_func ("/cli/check/not-a-file", test_check_not_a_file);
  g_test_add_func ("/cli/check/missing", test_check_missing);
  g_test_add_func ("/cli/check/unreadable", test_check_unreadable);
  g_test_add_func ("/cli/check/links", test_check_links);
  g_test_add_func ("/cli/check/closed-folder", test_check_closed_folder);
  g_test_add_func ("/cli/check/escapes-title", test_check_escapes_title);
  g_test_add_func ("/cli/check/escapes-problems", test_check_escapes_problems);
  g_test_add_func ("/cli/check/escapes-file-name", test_check_escapes_file_name);
  g_test_add_func ("/cli/arguments/errors", test_argument_errors);
  g_test_add_func ("/cli/export/builtin", test_check_builtin);
  g_test_add_func ("/cli/export/csv", test_export_csv);
  g_test_add_func ("/cli/export/errors", test_export_errors);
  g_test_add_func ("/cli/export/span", test_export_span);
  g_test_add_func ("/cli/export/timeline", test_export_timeline);
  g_test_add_func ("/cli/export/timeline-span", test_export_timeline_span);
  g_test_add_func ("/cli/export/timeline-errors", test_export_timeline_errors);
  g_test_add_func ("/cli/search/json", test_search_json);
  g_test_add_func ("/cli/search/csv", test_search_csv);
  g_test_add_func ("/cli/search/unreviewed", test_search_unreviewed);
  g_test_add_func ("/cli/search/text", test_search_text);
  g_test_add_func ("/cli/extract/seeds", test_extract_seeds);
  g_test_add_func ("/cli/extract/bad-files", test_extract_bad_files);
  g_test_add_func ("/cli/extract/explain", test_extract_explain);
  g_test_add_func ("/cli/import/new", test_import_new);
  g_test_add_func ("/cli/import/builtin-twice", test_import_builtin_twice);
  g_test_add_func ("/cli/import/bad-file", test_import_bad_file);
  g_test_add_func ("/cli/import/bad-target", test_import_bad_target);
  g_test_add_func ("/cli/import/link", test_import_link);
  g_test_add_func ("/cli/extract/html", test_extract_html);

  return g_test_run ();
}

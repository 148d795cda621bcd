/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>
#include <string.h>

#include "xinzhi-application.h"
#include "xinzhi-escape.h"
#include "xinzhi-export.h"
#include "xinzhi-extract-corpus.h"
#include "xinzhi-extraction.h"
#include "xinzhi-import.h"
#include "xinzhi-search-output.h"
#include "xinzhi-timeline-figure.h"
#include "xinzhi-window.h"

struct _XinzhiApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  XinzhiCorpus   *corpus;
  GSettings      *settings;
  XinzhiNotes    *notes;
  GError         *notes_error;  /* why the notes did not load, until it is shown */
};

G_DEFINE_FINAL_TYPE (XinzhiApplication, xinzhi_application, ADW_TYPE_APPLICATION)

/* Every message the command line prints goes through here: text from a file (titles,
 * ids, member names, the file's own name) cannot erase a line or forge one, nor turn
 * the words around. */
static void
print_message (gboolean    to_stderr,
               const char *message)
{
  g_autofree char *escaped = xinzhi_escape_controls (message, XINZHI_ESCAPE_KEEP_NEWLINES);

  if (to_stderr)
    g_printerr ("%s\n", escaped);
  else
    g_print ("%s\n", escaped);
}

/* How many of @items (quotes or events, which say whether they are "reviewed") are
 * suggestions of the extractor that nobody has reviewed. */
static guint
count_unreviewed (GListModel *items)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      gboolean reviewed;

      g_object_get (item, "reviewed", &reviewed, NULL);
      n += !reviewed;
    }
  return n;
}

static void
print_corpus_summary (XinzhiCorpus *corpus)
{
  g_autofree char *name = xinzhi_escape_controls (xinzhi_corpus_get_name (corpus),
                                                   XINZHI_ESCAPE_DEFAULT);
  g_autofree char *title = xinzhi_escape_controls (xinzhi_corpus_get_title (corpus),
                                                    XINZHI_ESCAPE_DEFAULT);

  guint n_documents = g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus));
  guint n_people = g_list_model_get_n_items (xinzhi_corpus_get_people (corpus));
  guint n_sectors = g_list_model_get_n_items (xinzhi_corpus_get_sectors (corpus));
  guint n_events = g_list_model_get_n_items (xinzhi_corpus_get_events (corpus));
  guint n_quotes = g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus));
  guint n_unreviewed;
  /* Translators: the parts of xinzhi --check's summary, one count each */
  g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", n_documents), n_documents);
  g_autofree char *people = g_strdup_printf (ngettext ("%u person", "%u people", n_people), n_people);
  g_autofree char *sectors = g_strdup_printf (ngettext ("%u sector", "%u sectors", n_sectors), n_sectors);
  g_autofree char *events = g_strdup_printf (ngettext ("%u event", "%u events", n_events), n_events);
  g_autofree char *quotes = g_strdup_printf (ngettext ("%u quote", "%u quotes", n_quotes), n_quotes);

  /* Translators: xinzhi --check's summary of a valid corpus: its file, its title, and
   * the counts of documents, people, sectors, events and quotes, in that order */
  g_print (_("%s: valid corpus “%s”: %s, %s, %s, %s, %s\n"),
           name, title, documents, people, sectors, events, quotes);

  /* Quotes and events the extractor suggested and nobody has reviewed are not yet the
   * corpus's word. */
  n_unreviewed = count_unreviewed (xinzhi_corpus_get_quotes (corpus));
  if (n_unreviewed > 0)
    /* Translators: a second line of xinzhi --check's summary: the file, and how many
     * of its quotes the extractor found and no person has reviewed */
    g_print (ngettext ("%s: %u quote is an unreviewed suggestion of the extractor\n",
                       "%s: %u quotes are unreviewed suggestions of the extractor\n",
                       n_unreviewed),
             name, n_unreviewed);

  n_unreviewed = count_unreviewed (xinzhi_corpus_get_events (corpus));
  if (n_unreviewed > 0)
    /* Translators: a line of xinzhi --check's summary: the file, and how many of its
     * events are candidates the extractor found and no person has reviewed */
    g_print (ngettext ("%s: %u event is an unreviewed suggestion of the extractor\n",
                       "%s: %u events are unreviewed suggestions of the extractor\n",
                       n_unreviewed),
             name, n_unreviewed);
}

/* --check FILE: prints every problem and returns 1, or a summary and returns 0. */
static int
check_corpus (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;

  corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
  if (corpus == NULL)
    {
      print_message (TRUE, error->message);
      return 1;
    }

  print_corpus_summary (corpus);
  return 0;
}

/* The day --from or --to names: the first day of @text's date for --from, the last for
 * --to, so that "--from 2024-03 --to 2024-03" is the whole of March.  Says why not. */
static gboolean
parse_span_edge (const char *option,
                 const char *text,
                 gboolean    last,
                 guint32    *day)
{
  XinzhiDate date;

  if (!xinzhi_date_parse (text, &date))
    {
      /* Translators: the first %s is an option (--from or --to), the second what was given */
      g_autofree char *message = g_strdup_printf (_("%s: “%s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                                                  option, text);

      print_message (TRUE, message);
      return FALSE;
    }

  *day = last ? xinzhi_date_last_day (&date) : xinzhi_date_first_day (&date);
  return TRUE;
}

/* Which of @names (in the order of the format's enum) @name is, the first when it is
 * NULL; or -1. */
static int
choose_format (const char         *name,
               const char * const *names)
{
  if (name == NULL)
    return 0;
  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (name, names[i]))
      return i;
  return -1;
}

/* Says why a format is wrong, and returns its exit status, 2. */
static int format_error (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);

static int
format_error (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  print_message (TRUE, message);
  return 2;
}

/* --from and --to into @filter's span, as the window's span filter: says why not. */
static gboolean
set_span (XinzhiFilter *filter,
          const char   *from,
          const char   *to)
{
  guint32 first = 1, last = G_MAXUINT32;

  if ((from != NULL && !parse_span_edge ("--from", from, FALSE, &first)) ||
      (to != NULL && !parse_span_edge ("--to", to, TRUE, &last)))
    return FALSE;
  if (first > last)
    {
      print_message (TRUE, _("--from is later than --to"));
      return FALSE;
    }
  if (from != NULL || to != NULL)
    xinzhi_filter_set_span (filter, first, last);
  return TRUE;
}

/* --export timeline [--format svg|png] [--from DATE] [--to DATE]: the figure the
 * window's timeline export makes, to standard output, with no display.  Returns 0,
 * 1 when there is no event to draw, or 2 for a wrong format or date. */
static int
export_timeline (XinzhiCorpus *corpus,
                 const char   *format_name,
                 const char   *from,
                 const char   *to)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  g_autoptr(GBytes) figure = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const formats[] = { "svg", "png", NULL };
  int format = choose_format (format_name, formats);

  if (format < 0)
    return format_error (_("“%s” is not a timeline format (svg, png)"), format_name);
  if (!set_span (filter, from, to))
    return 2;

  figure = xinzhi_timeline_figure_write_corpus (corpus, filter, format, &error);
  if (figure == NULL ||
      !g_output_stream_write_all (out, g_bytes_get_data (figure, NULL), g_bytes_get_size (figure),
                                  NULL, NULL, &error))
    {
      print_message (TRUE, error->message);
      return 1;
    }

  return 0;
}

/* --export KIND [--from DATE] [--to DATE]: what the window's Export Data writes, with
 * a time span as the window's span filter keeps it.  Returns 0, or 2 for a wrong
 * format, kind or date. */
static int
export_corpus (XinzhiCorpus *corpus,
               const char   *kind,
               const char   *format_name,
               const char   *from,
               const char   *to)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);
  g_autoptr(XinzhiFilter) filter = xinzhi_filter_new ();
  g_autoptr(GError) error = NULL;
  static const char * const formats[] = { "json", "csv", NULL };
  int format;

  if (g_str_equal (kind, "timeline"))
    return export_timeline (corpus, format_name, from, to);
  /* The kind first: what it is decides which formats there are. */
  if (!xinzhi_export_is_kind (kind))
    return format_error (_("“%s” is not a kind to export (documents, people, sectors, events, "
                           "quotes, timeline)"), kind);

  format = choose_format (format_name, formats);
  if (format < 0)
    return format_error (_("“%s” is not an export format (json, csv)"), format_name);
  if (!set_span (filter, from, to))
    return 2;

  if (!xinzhi_export_filtered (corpus, kind, format, filter, out, NULL, NULL, &error))
    {
      print_message (TRUE, error->message);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ? 2 : 1;
    }

  return 0;
}

/* --search QUERY: prints what the window's search finds, headless.  Returns 0 when
 * something is found and 1 when nothing is (as grep does), 2 for a wrong format. */
static int
search_corpus (XinzhiCorpus *corpus,
               const char   *query,
               const char   *format_name)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);
  g_autoptr(XinzhiSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const formats[] = { "text", "json", "csv", NULL };
  int format = choose_format (format_name, formats);

  if (format < 0)
    return format_error (_("“%s” is not a search output format (text, json, csv)"), format_name);

  search = xinzhi_search_new (corpus);
  xinzhi_search_set_query (search, query);
  if (!xinzhi_search_write (search, format, out, &error))
    {
      print_message (TRUE, error->message);
      return 1;
    }

  return xinzhi_search_get_n_results (search) > 0 ? 0 : 1;
}

/* The corpus --export and --search read: FILE from --corpus, or the built-in one.
 * Says why it does not load. */
static XinzhiCorpus *
load_corpus (const char *corpus_path)
{
  g_autoptr(GError) error = NULL;
  XinzhiCorpus *corpus;

  if (corpus_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (corpus_path);

      corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
    }
  else
    corpus = xinzhi_corpus_new_builtin (&error);

  if (corpus == NULL)
    print_message (TRUE, error->message);
  return corpus;
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  XinzhiApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GPtrArray) outlets = g_ptr_array_new_with_free_func (g_free);
  XinzhiCorpus *corpus = self->corpus;
  GListModel *documents;
  AdwDialog *dialog;
  const char *developers[] = { "Xinzhi developers", NULL };

  dialog = adw_about_dialog_new_from_appdata (RESOURCE_BASE "/metainfo.xml", PACKAGE_VERSION);
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (dialog), developers);
  adw_about_dialog_set_copyright (ADW_ABOUT_DIALOG (dialog), "© 2026 Xinzhi developers");
  /* Translators: replace with your name and address, one per line */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (dialog), _("translator-credits"));

  /* The article texts remain their publishers': credit each outlet the corpus shown
   * names, which may be one opened since the start. */
  if (XINZHI_IS_WINDOW (window) && xinzhi_window_get_corpus (XINZHI_WINDOW (window)) != NULL)
    corpus = xinzhi_window_get_corpus (XINZHI_WINDOW (window));
  documents = xinzhi_corpus_get_documents (corpus);
  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(XinzhiDocument) document = g_list_model_get_item (documents, i);
      const char *outlet = xinzhi_document_get_outlet (document);

      if (outlet && !g_ptr_array_find_with_equal_func (outlets, outlet, g_str_equal, NULL))
        g_ptr_array_add (outlets, g_strdup (outlet));
    }
  if (outlets->len > 0)
    {
      g_ptr_array_add (outlets, NULL);
      adw_about_dialog_add_legal_section (ADW_ABOUT_DIALOG (dialog),
                                          _("Article Texts"),
                                          NULL, GTK_LICENSE_CUSTOM,
                                          _("The articles of the corpus are quoted verbatim for "
                                            "study and remain the work of their publishers. "
                                            "Each article names its outlet and, where known, "
                                            "links to the original."));
      adw_about_dialog_add_acknowledgement_section (ADW_ABOUT_DIALOG (dialog),
                                                    _("Articles From"),
                                                    (const char **) outlets->pdata);
    }

  adw_dialog_present (dialog, GTK_WIDGET (window));
}

/* Closes the windows rather than quitting at once, so that each can ask first about
 * notes that could not be saved; the application ends with its last window. */
static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  if (windows == NULL)
    g_application_quit (G_APPLICATION (user_data));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

/* Saved this long after the last change, and on quitting. */
#define NOTES_AUTOSAVE_MS 800

static void
show_notes_problem (XinzhiApplication *self,
                    const char        *heading,
                    const char        *body)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *escaped = xinzhi_escape_controls (body, XINZHI_ESCAPE_KEEP_NEWLINES);
  AdwDialog *dialog;

  if (window == NULL)
    {
      g_printerr ("%s: %s\n", heading, escaped);
      return;
    }

  dialog = adw_alert_dialog_new (heading, escaped);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

/* A save found the file damaged by something else, and kept it aside. */
static void
notes_kept_aside_cb (XinzhiApplication *self,
                     GError            *error)
{
  show_notes_problem (self, _("Notes Could Not Be Read"), error->message);
}

/* The person's stars and notes, in the user data folder (in a Flatpak, the app's own). */
static void
load_notes (XinzhiApplication *self)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "xinzhi", "notes.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  self->notes = xinzhi_notes_new (file);
  if (!xinzhi_notes_load (self->notes, &self->notes_error))
    g_debug ("Notes: %s", self->notes_error->message);
  /* A failed save is shown under each note editor, and tried again by itself. */
  xinzhi_notes_set_autosave (self->notes, NOTES_AUTOSAVE_MS);
  g_signal_connect_object (self->notes, "kept-aside",
                           G_CALLBACK (notes_kept_aside_cb), self, G_CONNECT_SWAPPED);
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

/* Says what is wrong with the command line and how to use it.  Returns the exit
 * status for a wrong command line, 2. */
static int
usage_error (const char *message)
{
  g_autofree char *line = g_strdup_printf ("%s: %s", g_get_prgname (), message);

  print_message (TRUE, line);
  /* Translators: %s is the program's name, xinzhi */
  g_printerr (_("Usage: %s [OPTION…]\n"), g_get_prgname ());
  /* Translators: %s is the program's name, xinzhi */
  g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
  return 2;
}

/* Extracts the articles in @paths into @extractions.  A file that gives nothing is
 * named with the reason on standard error.  Returns how many gave nothing. */
static guint
extract_articles (char      **paths,
                  GPtrArray  *extractions)
{
  guint n_bad = 0;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      g_autoptr(GError) file_error = NULL;
      XinzhiExtraction *extraction = xinzhi_extraction_new_from_file (file, NULL, &file_error);

      if (extraction == NULL)
        {
          print_message (TRUE, file_error->message);
          n_bad++;
          continue;
        }
      g_ptr_array_add (extractions, extraction);
    }
  return n_bad;
}

/* Says how many files gave nothing, if any.  Returns the exit status: 1 if any did. */
static int
report_bad_files (guint n_bad)
{
  if (n_bad > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file gave nothing (named above)",
                                      "%u files gave nothing (named above)", n_bad), n_bad);

      print_message (TRUE, message);
      return 1;
    }
  return 0;
}

/* --extract FILE…: prints what the files give as a corpus (or, with --explain, every
 * item with its rule and evidence).  A file that gives nothing is named with the
 * reason on standard error; the others are extracted all the same, and the status is
 * then 1. */
static int
extract_files (char     **paths,
               gboolean   explain)
{
  g_autoptr(GPtrArray) extractions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_bad;

  n_bad = extract_articles (paths, extractions);

  if (extractions->len > 0 && explain)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < extractions->len; i++)
        xinzhi_extraction_explain (g_ptr_array_index (extractions, i), out);
      g_string_truncate (out, out->len > 0 ? out->len - 1 : 0);
      print_message (FALSE, out->str);
    }
  else if (extractions->len > 0)
    {
      g_autoptr(XinzhiCorpus) builtin = xinzhi_corpus_new_builtin (&error);
      g_autoptr(XinzhiCorpus) loaded = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *json = NULL;

      if (builtin == NULL)
        {
          print_message (TRUE, error->message);
          return 1;
        }
      json = xinzhi_extract_corpus_to_json ((XinzhiExtraction **) extractions->pdata,
                                            extractions->len, builtin);
      /* Only what the loader accepts is given out, as a corpus file would be. */
      bytes = g_bytes_new_static (json, strlen (json));
      /* Translators: the name given to the corpus --extract makes, in the loader's
       * messages about it */
      loaded = xinzhi_corpus_new_from_bytes (bytes, _("the extracted corpus"), &error);
      if (loaded == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The extracted corpus breaks the corpus format, so it is not printed:\n%s"),
                             error->message);

          print_message (TRUE, message);
          return 1;
        }
      g_print ("%s\n", json);
    }

  return report_bad_files (n_bad);
}

/* --import FILE… --into CORPUS: adds what the files give to the corpus CORPUS, which is
 * created if it does not exist, and prints a line for each article added or found there
 * already.  As with --extract, a file that gives nothing is named with the reason on
 * standard error, the others are imported all the same, and the status is then 1.  The
 * corpus is written only if an article is new, and only if the loader accepts it before
 * and after. */
static int
import_files (char       **paths,
              const char  *into)
{
  g_autoptr(GPtrArray) extractions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XinzhiCorpus) builtin = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint n_bad;

  n_bad = extract_articles (paths, extractions);

  if (extractions->len > 0)
    {
      builtin = xinzhi_corpus_new_builtin (&error);
      target = g_file_new_for_commandline_arg (into);
      if (builtin == NULL ||
          !xinzhi_import_into_file (target, (XinzhiExtraction **) extractions->pdata,
                                    extractions->len, builtin, &items, &error))
        {
          print_message (TRUE, error->message);
          return 1;
        }
    }

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      XinzhiImportItem *item = &g_array_index (items, XinzhiImportItem, i);
      const char *title = xinzhi_extraction_get_title (g_ptr_array_index (extractions, i));
      g_autofree char *message = NULL;

      if (item->duplicate && item->same_url)
        /* Translators: the first %s is an article's title, the second the id of the
         * article found with the same address, the third a corpus file */
        message = g_strdup_printf (_("Not added: “%s” has the address of “%s” in %s"),
                                   title, item->document, into);
      else if (item->duplicate)
        /* Translators: the first %s is an article's title, the second a corpus file,
         * the third the id of the article found there */
        message = g_strdup_printf (_("Not added: “%s” is already in %s as “%s”"),
                                   title, into, item->document);
      else
        {
          g_autofree char *quotes =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", item->n_quotes),
                             item->n_quotes);
          g_autofree char *people =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", item->n_people),
                             item->n_people);

          /* Candidate events, when there are any, after the people. */
          if (item->n_events > 0)
            {
              /* Translators: the last part of “(3 quotes, 2 people, 1 candidate event)”
               * in what xinzhi --import says of an article */
              char *with_events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u candidate event",
                                                                "%s, %u candidate events", item->n_events),
                                                   people, item->n_events);

              g_free (people);
              people = with_events;
            }

          if (item->n_left_out == 0)
            /* Translators: “Added “Title” (3 quotes, 2 people) to corpus.json” */
            message = g_strdup_printf (_("Added “%s” (%s, %s) to %s"), title, quotes, people, into);
          else
            /* Translators: “Added “Title” (3 quotes, 2 people) to corpus.json; 1 quote
             * with no speaker was left out …”: the format needs a speaker */
            message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "Added “%s” (%s, %s) to %s; %u quote with no speaker was left out (--extract --explain shows it)",
                                                    "Added “%s” (%s, %s) to %s; %u quotes with no speaker were left out (--extract --explain shows them)",
                                                    item->n_left_out),
                                       title, quotes, people, into, item->n_left_out);
        }
      print_message (FALSE, message);
    }

  return report_bad_files (n_bad);
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* The value of an option that may be given once (options are parsed as lists, so that
 * a second one is not dropped without a word).  Returns %FALSE, with @message, when it
 * was given more than once. */
static gboolean
lookup_once (GVariantDict  *options,
             const char    *name,
             const char    *type,
             const char   **value,
             char         **message)
{
  g_autofree const char **values = NULL;

  *value = NULL;
  if (!g_variant_dict_lookup (options, name, type, &values) || values[0] == NULL)
    return TRUE;

  if (values[1] != NULL)
    {
      /* Translators: %s is an option, such as --check */
      *message = g_strdup_printf (_("--%s is given more than once"), name);
      return FALSE;
    }

  /* The strings belong to the options, which outlive this. */
  *value = values[0];
  return TRUE;
}

static int
xinzhi_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  g_autofree char *message = NULL;
  const char *corpus_path = NULL;
  const char *check_path = NULL;
  const char *export_kind = NULL;
  const char *search_query = NULL;
  const char *format = NULL;
  const char *into_path = NULL;
  const char *from = NULL;
  const char *to = NULL;

  if (!lookup_once (options, "corpus", "^a&ay", &corpus_path, &message) ||
      !lookup_once (options, "into", "^a&ay", &into_path, &message) ||
      !lookup_once (options, "check", "^a&ay", &check_path, &message) ||
      !lookup_once (options, "export", "^a&s", &export_kind, &message) ||
      !lookup_once (options, "search", "^a&s", &search_query, &message) ||
      !lookup_once (options, "format", "^a&s", &format, &message) ||
      !lookup_once (options, "from", "^a&s", &from, &message) ||
      !lookup_once (options, "to", "^a&s", &to, &message))
    return usage_error (message);

  if ((from != NULL || to != NULL) && export_kind == NULL)
    return usage_error (from != NULL ? _("--from goes with --export") : _("--to goes with --export"));

  /* --import takes the files that follow as articles, and --into the corpus. */
  if (g_variant_dict_contains (options, "import"))
    {
      g_auto(GStrv) files = NULL;

      if (corpus_path != NULL || check_path != NULL || export_kind != NULL ||
          search_query != NULL || format != NULL || g_variant_dict_contains (options, "version") ||
          g_variant_dict_contains (options, "extract") || g_variant_dict_contains (options, "explain"))
        return usage_error (_("--import goes with article files and --into only"));
      if (into_path == NULL)
        return usage_error (_("--import needs --into CORPUS, the corpus file to add to"));
      if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files) || files[0] == NULL)
        return usage_error (_("--import needs one or more article files"));
      return import_files (files, into_path);
    }
  if (into_path != NULL)
    return usage_error (_("--into goes with --import"));

  /* --extract takes the files that follow as articles, and no other option. */
  if (g_variant_dict_contains (options, "extract"))
    {
      g_auto(GStrv) files = NULL;

      if (corpus_path != NULL || check_path != NULL || export_kind != NULL ||
          search_query != NULL || format != NULL || g_variant_dict_contains (options, "version"))
        return usage_error (_("--extract goes with article files and --explain only"));
      if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files) || files[0] == NULL)
        return usage_error (_("--extract needs one or more article files"));
      return extract_files (files, g_variant_dict_contains (options, "explain"));
    }
  if (g_variant_dict_contains (options, "explain"))
    return usage_error (_("--explain goes with --extract"));

  /* Arguments that are not options are files to open in the window (`xinzhi FILE`, the
   * desktop file's %U).  With --check, --export, --search or --version they are stray
   * (a file meant for --corpus, say): an error, not something to ignore. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &rest) && rest[0] != NULL &&
      (check_path != NULL || export_kind != NULL || search_query != NULL ||
       g_variant_dict_contains (options, "version")))
    {
      /* The likeliest slip with --search: a query of several words left unquoted. */
      if (search_query != NULL)
        /* Translators: %s is an argument on the command line that is not an option */
        message = g_strdup_printf (_("unexpected argument “%s” (a query of several words is "
                                     "quoted, as in --search \"new quality\"; a corpus is "
                                     "given with --corpus FILE)"), rest[0]);
      else
        /* Translators: %s is an argument on the command line that is not an option */
        message = g_strdup_printf (_("unexpected argument “%s” (a corpus to open or export is "
                                     "given with --corpus FILE)"), rest[0]);
      return usage_error (message);
    }
  /* The files are opened here, not by GApplication as well (@rest is a copy: it outlives
   * the option it came from). */
  g_variant_dict_remove (options, G_OPTION_REMAINING);

  if (g_variant_dict_contains (options, "version"))
    {
      if (corpus_path != NULL || check_path != NULL || export_kind != NULL ||
          search_query != NULL || format != NULL)
        return usage_error (_("--version goes alone"));
      g_print ("xinzhi %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (check_path != NULL)
    {
      const char *other = corpus_path != NULL ? "--corpus"
                        : export_kind != NULL ? "--export"
                        : search_query != NULL ? "--search"
                        : format != NULL ? "--format"
                        : NULL;

      if (other != NULL)
        {
          /* Translators: %s is another option, such as --export */
          message = g_strdup_printf (_("--check and %s cannot be used together"), other);
          return usage_error (message);
        }
      return check_corpus (check_path);
    }

  if (export_kind != NULL && search_query != NULL)
    return usage_error (_("--export and --search cannot be used together"));

  if (format != NULL && export_kind == NULL && search_query == NULL)
    return usage_error (_("--format goes with --export or --search"));
  /* A query of nothing but spaces would find nothing and say so as if it had looked. */
  if (search_query != NULL && is_blank (search_query))
    return usage_error (_("--search needs words to look for"));

  if (export_kind != NULL || search_query != NULL)
    {
      g_autoptr(XinzhiCorpus) corpus = load_corpus (corpus_path);

      if (corpus == NULL)
        return 1;
      if (search_query != NULL)
        return search_corpus (corpus, search_query, format);
      return export_corpus (corpus, export_kind, format, from, to);
    }

  /* The file goes to the window as a file opened from a file manager does: to this
   * process's window, or, when Xinzhi runs already, to the window of that instance,
   * which then loads it.  Either way it loads as one opened from the menu: off the main
   * thread, with progress and Cancel, and any problem shown in the window. */
  if (corpus_path != NULL || (rest != NULL && rest[0] != NULL))
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      if (corpus_path != NULL)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (corpus_path));
      for (guint i = 0; rest != NULL && rest[i] != NULL; i++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (rest[i]));

      if (!g_application_register (app, NULL, &error))
        {
          g_autofree char *escaped = xinzhi_escape_controls (error->message, XINZHI_ESCAPE_DEFAULT);

          g_printerr ("%s\n", escaped);
          return 1;
        }
      g_application_open (app, (GFile **) files->pdata, (int) files->len, "");
      /* A remote instance's work is done; here, activation shows the window. */
      return g_application_get_is_remote (app) ? 0 : -1;
    }

  return -1;
}

static void
xinzhi_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (xinzhi_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         shortcuts_accels);
}

/* The benchmark hook (docs/benchmarks.md, "startup"): with XINZHI_BENCH_FIRST_FRAME
 * set, the app prints the monotonic time of the main window's first frame, once
 * painted, and quits. */
static void
first_frame_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, app);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (app);
}

/* The main window, made with the built-in corpus when there is none yet. */
static XinzhiWindow *
ensure_window (XinzhiApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (XINZHI_IS_WINDOW (window))
    return XINZHI_WINDOW (window);

  /* The built-in corpus, until a file opened has loaded. */
  if (self->corpus == NULL)
    self->corpus = xinzhi_corpus_new_builtin (&error);
  if (self->corpus == NULL)
    g_error ("The built-in corpus does not load: %s", error->message);

  window = GTK_WINDOW (xinzhi_window_new (ADW_APPLICATION (self), self->corpus,
                                          xinzhi_application_get_settings (self)));
  if (self->notes == NULL)
    load_notes (self);
  xinzhi_window_set_notes (XINZHI_WINDOW (window), self->notes);

  return XINZHI_WINDOW (window);
}

/* Files from a file manager (the desktop file's %U), from `xinzhi FILE…` or `xinzhi
 * --corpus FILE`, here or in a second instance that handed them over. */
static void
xinzhi_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  XinzhiWindow *window = ensure_window (XINZHI_APPLICATION (app));

  xinzhi_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
xinzhi_application_activate (GApplication *app)
{
  XinzhiApplication *self = XINZHI_APPLICATION (app);
  gboolean first = gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL;
  GtkWindow *window = GTK_WINDOW (ensure_window (self));

  gtk_window_present (window);
  /* Started without a file: the corpus opened last, if any, is opened again; the
   * built-in corpus shows meanwhile, and stays if it is gone or broken. */
  if (first)
    xinzhi_window_reopen_last (XINZHI_WINDOW (window));
  if (g_getenv ("XINZHI_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                      G_CALLBACK (first_frame_cb), app);

  /* A damaged notes file was kept aside, or notes were left alone: say so, once. */
  if (self->notes_error != NULL)
    {
      show_notes_problem (self, _("Notes Could Not Be Read"), self->notes_error->message);
      g_clear_error (&self->notes_error);
    }
}

static void
xinzhi_application_shutdown (GApplication *app)
{
  XinzhiApplication *self = XINZHI_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  /* The last changes, not yet saved by the autosave.  A window asked before it closed
   * if they could not be saved. */
  if (self->notes != NULL && !xinzhi_notes_flush (self->notes, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Notes not saved: %s"), error->message);

      print_message (TRUE, message);
    }

  G_APPLICATION_CLASS (xinzhi_application_parent_class)->shutdown (app);
}

static void
xinzhi_application_dispose (GObject *object)
{
  XinzhiApplication *self = XINZHI_APPLICATION (object);

  g_clear_object (&self->corpus);
  g_clear_object (&self->settings);
  g_clear_object (&self->notes);
  g_clear_error (&self->notes_error);

  G_OBJECT_CLASS (xinzhi_application_parent_class)->dispose (object);
}

static void
xinzhi_application_class_init (XinzhiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = xinzhi_application_dispose;
  app_class->handle_local_options = xinzhi_application_handle_local_options;
  app_class->startup = xinzhi_application_startup;
  app_class->activate = xinzhi_application_activate;
  app_class->open = xinzhi_application_open;
  app_class->shutdown = xinzhi_application_shutdown;
}

static void
xinzhi_application_init (XinzhiApplication *self)
{
  /* Lists, so that an option given twice is an error rather than the last one
   * silently winning; and the arguments left over, so that a stray one is an error. */
  static const GOptionEntry entries[] = {
    { "corpus", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      N_("Open the corpus in FILE instead of the built-in one"), N_("FILE") },
    { "check", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      N_("Check the corpus in FILE, print every problem, and exit"), N_("FILE") },
    { "export", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("Write KIND (documents, people, sectors, events, quotes, or timeline: the figure) to standard output, and exit"),
      N_("KIND") },
    { "format", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("Format of --export: json (the default) or csv, for timeline svg (the default) or png; of --search: text (the default), json or csv"),
      N_("FORMAT") },
    { "from", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("With --export: keep what lies from DATE on (YYYY, YYYY-MM or YYYY-MM-DD), and mark what only possibly does"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("With --export: keep what lies up to DATE, and mark what only possibly does"),
      N_("DATE") },
    { "search", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
      N_("Search the corpus for QUERY as the window does, print the results, and exit"),
      N_("QUERY") },
    { "extract", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Extract the articles in the FILEs (text, Markdown or web pages) and print them as a corpus, and exit"),
      NULL },
    { "explain", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --extract: print each item found with the rule that found it and its evidence"),
      NULL },
    { "import", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Add the articles in the FILEs to the corpus given with --into, and exit"),
      NULL },
    { "into", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      N_("With --import: the corpus file to add to, created if it does not exist"),
      N_("CORPUS") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  /* Translators: what may follow the options on the command line */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore the news coverage of “new quality productive forces”."));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}

XinzhiApplication *
xinzhi_application_new (void)
{
  return g_object_new (XINZHI_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/**
 * xinzhi_application_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus the application opened with
 */
XinzhiCorpus *
xinzhi_application_get_corpus (XinzhiApplication *self)
{
  g_return_val_if_fail (XINZHI_IS_APPLICATION (self), NULL);
  return self->corpus;
}

/**
 * xinzhi_application_get_settings:
 *
 * Returns: (transfer none): the application's settings, created on first use
 */
GSettings *
xinzhi_application_get_settings (XinzhiApplication *self)
{
  g_return_val_if_fail (XINZHI_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new ("io.github.xinzhi.Xinzhi");

  return self->settings;
}

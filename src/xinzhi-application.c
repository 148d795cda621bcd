/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>

#include "xinzhi-application.h"
#include "xinzhi-export.h"
#include "xinzhi-window.h"

struct _XinzhiApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  XinzhiCorpus   *corpus;
  GSettings      *settings;
  XinzhiNotes    *notes;
  GError         *notes_error;  /* why the notes did not load, until it is shown */
  gboolean        save_failure_shown;
};

G_DEFINE_FINAL_TYPE (XinzhiApplication, xinzhi_application, ADW_TYPE_APPLICATION)

static void
print_corpus_summary (XinzhiCorpus *corpus)
{
  g_print (_("%s: valid corpus “%s”: %u documents, %u people, %u sectors, %u events, %u quotes\n"),
           xinzhi_corpus_get_name (corpus),
           xinzhi_corpus_get_title (corpus),
           g_list_model_get_n_items (xinzhi_corpus_get_documents (corpus)),
           g_list_model_get_n_items (xinzhi_corpus_get_people (corpus)),
           g_list_model_get_n_items (xinzhi_corpus_get_sectors (corpus)),
           g_list_model_get_n_items (xinzhi_corpus_get_events (corpus)),
           g_list_model_get_n_items (xinzhi_corpus_get_quotes (corpus)));
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
      g_printerr ("%s\n", error->message);
      return 1;
    }

  print_corpus_summary (corpus);
  return 0;
}

static int
export_corpus (XinzhiCorpus *corpus,
               const char   *kind,
               const char   *format_name)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (1, FALSE);
  g_autoptr(GError) error = NULL;
  XinzhiExportFormat format;

  if (format_name == NULL || g_str_equal (format_name, "json"))
    format = XINZHI_EXPORT_JSON;
  else if (g_str_equal (format_name, "csv"))
    format = XINZHI_EXPORT_CSV;
  else
    {
      g_printerr (_("“%s” is not an export format (json, csv)\n"), format_name);
      return 2;
    }

  if (!xinzhi_export (corpus, kind, format, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT) ? 2 : 1;
    }

  return 0;
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

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* Saved this long after the last change, and on quitting. */
#define NOTES_AUTOSAVE_MS 800

static void
show_notes_problem (XinzhiApplication *self,
                    const char        *heading,
                    const char        *body)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwDialog *dialog;

  if (window == NULL)
    {
      g_printerr ("%s: %s\n", heading, body);
      return;
    }

  dialog = adw_alert_dialog_new (heading, body);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

/* Once, until a save works again: every change would fail the same way. */
static void
notes_save_failed_cb (XinzhiApplication *self,
                      GError            *error)
{
  g_autofree char *body = NULL;

  if (self->save_failure_shown)
    return;

  self->save_failure_shown = TRUE;
  /* Translators: %s says why the notes could not be written, naming the file */
  body = g_strdup_printf (_("%s\n\nYour notes are kept while Xinzhi is open. It tries "
                            "again with your next change, and when you quit."),
                          error->message);
  show_notes_problem (self, _("Notes Not Saved"), body);
}

/* Saved again: a later failure is news again. */
static void
notes_notify_dirty_cb (XinzhiApplication *self)
{
  if (!xinzhi_notes_get_dirty (self->notes))
    self->save_failure_shown = FALSE;
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
  xinzhi_notes_set_autosave (self->notes, NOTES_AUTOSAVE_MS);
  g_signal_connect_object (self->notes, "save-failed",
                           G_CALLBACK (notes_save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes, "notify::dirty",
                           G_CALLBACK (notes_notify_dirty_cb), self, G_CONNECT_SWAPPED);
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static int
xinzhi_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  const char *corpus_path = NULL;
  const char *check_path = NULL;
  const char *export_kind = NULL;
  const char *format = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("xinzhi %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "check", "^&ay", &check_path))
    return check_corpus (check_path);

  g_variant_dict_lookup (options, "corpus", "^&ay", &corpus_path);
  g_variant_dict_lookup (options, "format", "&s", &format);
  if (g_variant_dict_lookup (options, "export", "&s", &export_kind))
    {
      g_autoptr(XinzhiCorpus) corpus = NULL;

      if (corpus_path != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (corpus_path);

          corpus = xinzhi_corpus_new_from_file (file, NULL, &error);
        }
      else
        corpus = xinzhi_corpus_new_builtin (&error);

      if (corpus == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return export_corpus (corpus, export_kind, format);
    }
  if (format != NULL)
    {
      g_printerr (_("--format goes with --export\n"));
      return 2;
    }

  /* The file goes to the window as a file opened from a file manager does: to this
   * process's window, or, when Xinzhi runs already, to the window of that instance,
   * which then loads it.  Either way it loads as one opened from the menu: off the main
   * thread, with progress and Cancel, and any problem shown in the window. */
  if (corpus_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (corpus_path);

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_application_open (app, &file, 1, "");
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
  GtkWindow *window = GTK_WINDOW (ensure_window (self));

  gtk_window_present (window);
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

  /* The last changes, not yet saved by the autosave. */
  if (self->notes != NULL && !xinzhi_notes_flush (self->notes, &error))
    g_printerr (_("Notes not saved: %s\n"), error->message);

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
  static const GOptionEntry entries[] = {
    { "corpus", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the corpus in FILE instead of the built-in one"), N_("FILE") },
    { "check", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Check the corpus in FILE, print every problem, and exit"), N_("FILE") },
    { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Write KIND (documents, people, sectors, events, quotes) to standard output, and exit"),
      N_("KIND") },
    { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Format of --export: json (the default) or csv"), N_("FORMAT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
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

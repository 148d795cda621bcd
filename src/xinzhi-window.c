/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-window.h"

/* The main window: a header bar over a stack of views.  With one view the header shows
 * the corpus title; once there are more, it shows a view switcher, which moves to a bar
 * at the bottom on narrow windows. */
struct _XinzhiWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwToolbarView       *toolbar_view;
  GtkStack             *title_stack;
  AdwWindowTitle       *window_title;
  AdwViewSwitcher      *view_switcher;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  XinzhiArticlesPage   *articles_page;
  XinzhiTimelinePage   *timeline_page;
  XinzhiSectorsPage    *sectors_page;
  XinzhiQuotesPage     *quotes_page;

  /* Owned */
  XinzhiCorpus         *corpus;
  GSettings            *settings;
  GListModel           *pages;
  GCancellable         *cancellable;

  gboolean              narrow;
};

G_DEFINE_FINAL_TYPE (XinzhiWindow, xinzhi_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_visible_pages (XinzhiWindow *self)
{
  guint n_visible = 0;

  for (guint i = 0; i < g_list_model_get_n_items (self->pages); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (self->pages, i);

      if (adw_view_stack_page_get_visible (page))
        n_visible++;
    }

  return n_visible;
}

static void
update_bars (XinzhiWindow *self)
{
  gboolean several_views;
  gboolean content_only;
  GtkWidget *visible;

  if (self->pages == NULL)
    return;

  several_views = count_visible_pages (self) > 1;

  /* Collapsed, an article read alone has a header bar of its own, with the back button. */
  visible = adw_view_stack_get_visible_child (self->view_stack);
  content_only =
    (visible == GTK_WIDGET (self->articles_page) &&
     xinzhi_articles_page_get_content_only (self->articles_page)) ||
    (visible == GTK_WIDGET (self->sectors_page) &&
     xinzhi_sectors_page_get_content_only (self->sectors_page)) ||
    (visible == GTK_WIDGET (self->quotes_page) &&
     xinzhi_quotes_page_get_content_only (self->quotes_page));

  gtk_stack_set_visible_child (self->title_stack,
                               several_views && !self->narrow
                               ? GTK_WIDGET (self->view_switcher)
                               : GTK_WIDGET (self->window_title));
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    several_views && self->narrow && !content_only);
  adw_toolbar_view_set_reveal_top_bars (self->toolbar_view, !content_only);
}

static void
breakpoint_apply_cb (XinzhiWindow *self)
{
  self->narrow = TRUE;
  update_bars (self);
}

static void
breakpoint_unapply_cb (XinzhiWindow *self)
{
  self->narrow = FALSE;
  update_bars (self);
}

static void
update_title (XinzhiWindow *self)
{
  const char *title = self->corpus ? xinzhi_corpus_get_title (self->corpus) : NULL;
  g_autofree char *subtitle = NULL;

  if (self->corpus != NULL)
    {
      guint n_documents = g_list_model_get_n_items (xinzhi_corpus_get_documents (self->corpus));

      subtitle = g_strdup_printf (ngettext ("%u article", "%u articles", n_documents),
                                  n_documents);
    }

  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Xinzhi"));
  adw_window_title_set_title (self->window_title, title ? title : _("Xinzhi"));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
}

static void
show_open_error (XinzhiWindow *self,
                 const char   *message)
{
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Could Not Open Corpus"), message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
load_corpus_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GFile *file = task_data;
  XinzhiCorpus *corpus;
  GError *error = NULL;

  corpus = xinzhi_corpus_new_from_file (file, cancellable, &error);
  if (corpus == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, corpus, g_object_unref);
}

static void
load_corpus_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  XinzhiWindow *self = XINZHI_WINDOW (object);
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  corpus = g_task_propagate_pointer (G_TASK (result), &error);
  if (corpus == NULL)
    {
      /* The current corpus stays. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_open_error (self, error->message);
      return;
    }

  xinzhi_window_set_corpus (self, corpus);

  /* Translators: %s is the title of the corpus just opened */
  message = g_strdup_printf (_("Opened “%s”"), xinzhi_corpus_get_title (corpus));
  toast = adw_toast_new (message);
  /* The title comes from the file: never markup. */
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
open_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XinzhiWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        show_open_error (self, error->message);
      return;
    }

  xinzhi_window_open_file (self, file);
}

static void
open_corpus_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (json, _("JSON Files"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, json);
  g_list_store_append (filters, all);

  gtk_file_dialog_set_title (dialog, _("Open Corpus"));
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, json);

  gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->cancellable,
                        open_dialog_cb, g_object_ref (self));
}

static void
show_source_cb (XinzhiWindow   *self,
                XinzhiDocument *document,
                guint           paragraph)
{
  xinzhi_window_show_document (self, document, paragraph);
}

static void
show_mention_cb (XinzhiWindow   *self,
                 XinzhiDocument *document,
                 guint           paragraph,
                 guint           start,
                 guint           end)
{
  xinzhi_window_show_mention (self, document, paragraph, start, end);
}

static void
show_quote_cb (XinzhiWindow *self,
               XinzhiQuote  *quote)
{
  xinzhi_window_show_quote (self, quote);
}

static void
view_stack_notify_visible_child_name_cb (XinzhiWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

static void
xinzhi_window_constructed (GObject *object)
{
  XinzhiWindow *self = XINZHI_WINDOW (object);
  g_autofree char *last_view = NULL;

  G_OBJECT_CLASS (xinzhi_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    return;

  g_settings_bind (self->settings, "window-width",
                   self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height",
                   self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized",
                   self, "maximized", G_SETTINGS_BIND_DEFAULT);

  /* Not g_settings_bind(): the view last shown may be one this build does not have. */
  last_view = g_settings_get_string (self->settings, "last-view");
  if (adw_view_stack_get_child_by_name (self->view_stack, last_view) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, last_view);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_stack_notify_visible_child_name_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
xinzhi_window_dispose (GObject *object)
{
  XinzhiWindow *self = XINZHI_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  /* The stack changes its pages as it goes; the bars need no update any more. */
  if (self->pages != NULL)
    g_signal_handlers_disconnect_by_data (self->pages, self);
  g_clear_object (&self->pages);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_WINDOW);

  g_clear_object (&self->corpus);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (xinzhi_window_parent_class)->dispose (object);
}

static void
xinzhi_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XinzhiWindow *self = XINZHI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XinzhiWindow *self = XINZHI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      xinzhi_window_set_corpus (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_window_class_init (XinzhiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xinzhi_window_constructed;
  object_class->dispose = xinzhi_window_dispose;
  object_class->get_property = xinzhi_window_get_property;
  object_class->set_property = xinzhi_window_set_property;

  properties[PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL,
                         XINZHI_TYPE_CORPUS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiWindow:settings:
   *
   * The application's settings, where the window keeps its size; may be %NULL.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "win.open-corpus", NULL, open_corpus_action);

  /* The window's shortcuts, all in one place; app.quit's is set by the application and
   * win.show-help-overlay's by GtkApplication. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-corpus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);

  g_type_ensure (XINZHI_TYPE_ARTICLES_PAGE);
  g_type_ensure (XINZHI_TYPE_TIMELINE_PAGE);
  g_type_ensure (XINZHI_TYPE_SECTORS_PAGE);
  g_type_ensure (XINZHI_TYPE_QUOTES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xinzhi/Xinzhi/xinzhi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, toolbar_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, articles_page);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, timeline_page);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, sectors_page);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, quotes_page);
  gtk_widget_class_bind_template_callback (widget_class, breakpoint_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, breakpoint_unapply_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_bars);
  gtk_widget_class_bind_template_callback (widget_class, show_source_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_quote_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_mention_cb);
}

static void
xinzhi_window_init (XinzhiWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* Views that are not built yet are not in the stack; the switcher appears by itself
   * once there are two. */
  self->pages = G_LIST_MODEL (adw_view_stack_get_pages (self->view_stack));
  g_signal_connect_object (self->pages, "items-changed",
                           G_CALLBACK (update_bars), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (update_bars), self, G_CONNECT_SWAPPED);

  update_title (self);
  update_bars (self);
}

/**
 * xinzhi_window_new:
 * @application: the application
 * @corpus: the corpus to show
 * @settings: (nullable): the application's settings, where the window keeps its size
 *
 * Returns: (transfer none): a new main window, owned by its toplevel list
 */
XinzhiWindow *
xinzhi_window_new (AdwApplication *application,
                   XinzhiCorpus   *corpus,
                   GSettings      *settings)
{
  g_return_val_if_fail (application == NULL || ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (XINZHI_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (XINZHI_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "corpus", corpus,
                       NULL);
}

/**
 * xinzhi_window_get_corpus:
 *
 * Returns: (transfer none): the corpus shown
 */
XinzhiCorpus *
xinzhi_window_get_corpus (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  return self->corpus;
}

/**
 * xinzhi_window_get_articles_page:
 *
 * Returns: (transfer none): the Articles view
 */
XinzhiArticlesPage *
xinzhi_window_get_articles_page (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  return self->articles_page;
}

/**
 * xinzhi_window_set_corpus:
 * @corpus: the corpus to show
 *
 * Shows @corpus in every view, in place of the current one.
 */
void
xinzhi_window_set_corpus (XinzhiWindow *self,
                          XinzhiCorpus *corpus)
{
  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (corpus == NULL || XINZHI_IS_CORPUS (corpus));

  if (!g_set_object (&self->corpus, corpus))
    return;

  xinzhi_articles_page_set_corpus (self->articles_page, corpus);
  xinzhi_timeline_page_set_corpus (self->timeline_page, corpus);
  xinzhi_sectors_page_set_corpus (self->sectors_page, corpus);
  xinzhi_quotes_page_set_corpus (self->quotes_page, corpus);
  update_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
}

/**
 * xinzhi_window_open_file:
 * @file: a corpus file
 *
 * Loads the corpus in @file, in a thread, and shows it in place of the current one,
 * with a toast.  When @file is not a valid corpus, the current corpus stays and an
 * alert gives the problem, with the file and the place in it.
 */
void
xinzhi_window_open_file (XinzhiWindow *self,
                         GFile        *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Parsing and checking a large corpus takes a moment: do it off the main thread. */
  task = g_task_new (self, self->cancellable, load_corpus_cb, NULL);
  g_task_set_source_tag (task, xinzhi_window_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_corpus_thread);
}

/**
 * xinzhi_window_get_timeline_page:
 *
 * Returns: (transfer none): the Timeline view
 */
XinzhiTimelinePage *
xinzhi_window_get_timeline_page (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  return self->timeline_page;
}

/**
 * xinzhi_window_show_document:
 * @document: an article of the corpus
 * @paragraph: the paragraph to show
 *
 * Opens @document in the Articles view, scrolled to @paragraph, which is marked.
 */
void
xinzhi_window_show_document (XinzhiWindow   *self,
                             XinzhiDocument *document,
                             guint           paragraph)
{
  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (XINZHI_IS_DOCUMENT (document));

  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->articles_page));
  xinzhi_articles_page_select_document (self->articles_page, document);
  xinzhi_reader_show_paragraph (xinzhi_articles_page_get_reader (self->articles_page), paragraph);
}

/**
 * xinzhi_window_show_quote:
 * @quote: a quote of the corpus
 *
 * Opens the quote's article in the Articles view, at the quote, which is marked.
 */
void
xinzhi_window_show_quote (XinzhiWindow *self,
                          XinzhiQuote  *quote)
{
  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (XINZHI_IS_QUOTE (quote));

  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->articles_page));
  xinzhi_articles_page_select_document (self->articles_page, xinzhi_quote_get_document (quote));
  xinzhi_reader_show_quote (xinzhi_articles_page_get_reader (self->articles_page), quote);
}

/**
 * xinzhi_window_get_sectors_page:
 *
 * Returns: (transfer none): the Sectors view
 */
XinzhiSectorsPage *
xinzhi_window_get_sectors_page (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  return self->sectors_page;
}

/**
 * xinzhi_window_show_mention:
 * @document: an article of the corpus
 * @paragraph: a paragraph of it
 * @start: the byte offset in the paragraph where the words start
 * @end: the byte offset just past them
 *
 * Opens @document in the Articles view at the words, which are marked.
 */
void
xinzhi_window_show_mention (XinzhiWindow   *self,
                            XinzhiDocument *document,
                            guint           paragraph,
                            guint           start,
                            guint           end)
{
  XinzhiReader *reader;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (XINZHI_IS_DOCUMENT (document));

  reader = xinzhi_articles_page_get_reader (self->articles_page);
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->articles_page));
  xinzhi_articles_page_select_document (self->articles_page, document);
  xinzhi_reader_show_text_range (reader, paragraph, start, end);
}

/**
 * xinzhi_window_get_quotes_page:
 *
 * Returns: (transfer none): the Quotes view
 */
XinzhiQuotesPage *
xinzhi_window_get_quotes_page (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  return self->quotes_page;
}

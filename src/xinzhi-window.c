/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-escape.h"
#include "xinzhi-filter.h"
#include "xinzhi-view.h"
#include "xinzhi-window-private.h"

G_DEFINE_FINAL_TYPE (XinzhiWindow, xinzhi_window, ADW_TYPE_APPLICATION_WINDOW)

static const struct {
  const char *name;       /* the stack page's name */
  const char *bin;        /* the id of its bin in the template */
  GType     (*get_type) (void);
} view_info[N_VIEWS] = {
  [VIEW_TIMELINE] = { "timeline", "timeline_bin", xinzhi_timeline_page_get_type },
  [VIEW_SECTORS]  = { "sectors",  "sectors_bin",  xinzhi_sectors_page_get_type },
  [VIEW_QUOTES]   = { "quotes",   "quotes_bin",   xinzhi_quotes_page_get_type },
  [VIEW_ARTICLES] = { "articles", "articles_bin", xinzhi_articles_page_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (((XinzhiWindow *) NULL)->views) == N_VIEWS);
G_STATIC_ASSERT (G_N_ELEMENTS (((XinzhiWindow *) NULL)->bins) == N_VIEWS);


enum {
  PROP_0,
  PROP_CORPUS,
  PROP_SETTINGS,
  PROP_REVIEWED_ONLY,
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
  content_only = FALSE;
  for (ViewId i = 0; i < N_VIEWS; i++)
    if (visible == GTK_WIDGET (self->bins[i]) && self->views[i] != NULL)
      content_only = xinzhi_view_get_content_only (self->views[i]);

  gtk_stack_set_visible_child (self->title_stack,
                               several_views && !self->narrow
                               ? GTK_WIDGET (self->view_switcher)
                               : GTK_WIDGET (self->window_title));
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    several_views && self->narrow && !content_only);
  adw_toolbar_view_set_reveal_top_bars (self->toolbar_view, !content_only);
}

/* The views built so far follow the window's width; ensure_view() gives a view built
 * later the width's state. */
static void
set_views_collapsed (XinzhiWindow *self,
                     gboolean      collapsed)
{
  for (ViewId i = 0; i < N_VIEWS; i++)
    if (self->views[i] != NULL)
      xinzhi_view_set_collapsed (self->views[i], collapsed);
}

static void
breakpoint_apply_cb (XinzhiWindow *self)
{
  self->narrow = TRUE;
  set_views_collapsed (self, TRUE);
  update_bars (self);
}

static void
breakpoint_unapply_cb (XinzhiWindow *self)
{
  self->narrow = FALSE;
  set_views_collapsed (self, FALSE);
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

/* ---- Keyboard shortcuts -------------------------------------------------------------- */

/* libadwaita 1.8 brings AdwShortcutsDialog; below it the shortcuts are a
 * GtkShortcutsWindow, deprecated since GTK 4.18 and kept for libadwaita 1.7 only.  The
 * choice is made at run time, so one binary does the right thing with the libadwaita it
 * finds, and the dialog's .ui, which names 1.8's types, is never loaded on 1.7.  Neither
 * file sits where GtkApplication or AdwApplication would load it by itself. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *overlay;

  if (adw_get_major_version () > 1 || adw_get_minor_version () >= 8)
    {
      builder = gtk_builder_new_from_resource ("/io/github/xinzhi/Xinzhi/xinzhi-shortcuts-dialog.ui");
      adw_dialog_present (ADW_DIALOG (gtk_builder_get_object (builder, "shortcuts_dialog")), widget);
      return;
    }

  /* Made the window's help overlay, the shortcuts window finds the accelerators of the
   * shortcuts that name an action (Quit, Keyboard Shortcuts) through it.  The window
   * keeps it, hidden when closed, for next time. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (widget)));
  if (overlay == NULL)
    {
      builder = gtk_builder_new_from_resource ("/io/github/xinzhi/Xinzhi/xinzhi-shortcuts-window.ui");
      overlay = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (widget),
                                               GTK_SHORTCUTS_WINDOW (overlay));
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_present (overlay);
}

/* ---- Search ------------------------------------------------------------------------- */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Ctrl+F: in the Articles view with an article open, find in the article; elsewhere,
 * search everything (as Ctrl+Shift+F and the header's button always do). */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  XinzhiReader *reader = NULL;

  /* The Articles view on screen is built. */
  if (adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->bins[VIEW_ARTICLES]))
    reader = xinzhi_articles_page_get_reader (xinzhi_window_get_articles_page (self));

  if (reader != NULL &&
      xinzhi_reader_get_document (reader) != NULL &&
      gtk_widget_get_mapped (GTK_WIDGET (reader)))
    xinzhi_reader_find (reader, NULL);
  else
    search_action (widget, "win.search", NULL);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return FALSE;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  return TRUE;
}

static void
search_bar_notify_search_mode_cb (XinzhiWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      if (g_strcmp0 (view, "search") != 0)
        {
          g_free (self->return_view);
          self->return_view = g_strdup (view);
          adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->search_page));
        }
    }
  else if (g_strcmp0 (view, "search") == 0)
    {
      /* Closed with Escape: back to where the search began. */
      adw_view_stack_set_visible_child_name (self->view_stack,
                                             self->return_view ? self->return_view : "timeline");
    }
}

/* Typing: the search runs in a thread, and its results replace those shown when it is
 * done, so that no keystroke waits for it. */
static void
search_entry_search_changed_cb (XinzhiWindow *self)
{
  if (self->search != NULL)
    xinzhi_search_set_query_async (self->search,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* The results of the text typed, at once, for what acts on them. */
static void
search_now (XinzhiWindow *self)
{
  if (self->search != NULL)
    xinzhi_search_set_query (self->search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_entry_activate_cb (XinzhiWindow *self)
{
  /* Enter opens the first result, once the results are those of the text typed. */
  search_now (self);
  xinzhi_search_page_activate_result (self->search_page, 0);
}

/* Down in the entry goes on to the results. */
static gboolean
search_entry_down_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  XinzhiWindow *self = XINZHI_WINDOW (user_data);

  search_now (self);
  return xinzhi_search_page_focus_results (self->search_page);
}

/* ---- The timeline's keys ------------------------------------------------------------ */

/* While the Timeline view shows, its keys (+, -, 0, the arrows, Home, End, Enter,
 * Shift+arrows) act on the timeline wherever the focus is but in a text field: on a
 * tab of the view switcher after a click on it, on a button of the timeline's toolbar,
 * as well as on the timeline itself.  A key comes here after the focused widget has had
 * it, and before the window moves the focus with the arrows and the search bar takes it
 * as text; the timeline's own bindings decide what it does, so the keys stay in one
 * place.  A widget that activates (a button, a row) keeps Enter and Space, but for the
 * tabs of the view switcher: Enter there goes to the timeline first, before the tab
 * (which would only show the view again, or another one), while Space still presses
 * the tab.  Letters are no keys of the timeline, and still start a search. */
static gboolean
timeline_key_pressed_cb (XinzhiWindow          *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean capture = gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) ==
                     GTK_PHASE_CAPTURE;
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter ||
                   keyval == GDK_KEY_ISO_Enter;
  gboolean space = keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space;
  gboolean on_tab = FALSE;
  GtkWidget *timeline;

  if (self->views[VIEW_TIMELINE] == NULL ||
      adw_view_stack_get_visible_child (self->view_stack) != GTK_WIDGET (self->bins[VIEW_TIMELINE]))
    return GDK_EVENT_PROPAGATE;

  timeline = GTK_WIDGET (xinzhi_timeline_page_get_timeline (XINZHI_TIMELINE_PAGE (self->views[VIEW_TIMELINE])));
  if (!gtk_widget_get_mapped (timeline))
    return GDK_EVENT_PROPAGATE;

  if (focus != NULL)
    {
      /* Text fields, popovers, and the timeline itself, which has the key anyway. */
      if (GTK_IS_EDITABLE (focus) ||
          gtk_widget_get_native (focus) != GTK_NATIVE (self) ||
          focus == timeline || gtk_widget_is_ancestor (focus, timeline))
        return GDK_EVENT_PROPAGATE;

      on_tab = gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view_switcher)) ||
               gtk_widget_is_ancestor (focus, GTK_WIDGET (self->switcher_bar));
      if (!capture && (enter || space) &&
          gtk_widget_class_get_activate_signal (GTK_WIDGET_GET_CLASS (focus)) != 0)
        return GDK_EVENT_PROPAGATE;
    }

  if (capture && !(enter && on_tab))
    return GDK_EVENT_PROPAGATE;

  return gtk_event_controller_key_forward (GTK_EVENT_CONTROLLER_KEY (controller), timeline);
}

static void ensure_view (XinzhiWindow *self,
                         ViewId        view);

/* Builds @view if it is not yet, and gives it the window's corpus if it still shows an
 * older one.  Filling a view from a large corpus takes a while (sorting, counting), so
 * after a load only the view on screen is filled at once; the others when first shown
 * or asked for. */
static XinzhiView *
refresh_view (XinzhiWindow *self,
              ViewId        view)
{
  g_assert (view < N_VIEWS);

  ensure_view (self, view);
  if (self->stale_views & (1u << view))
    {
      self->stale_views &= ~(1u << view);
      xinzhi_view_set_corpus (self->views[view], self->corpus);
    }

  return self->views[view];
}

/* The same, for the window to read from or act on a view: one not shown takes in a
 * change of the filter it put off (xinzhi_view_defer_while_hidden()). */
XinzhiView *
_xinzhi_window_refresh_view (XinzhiWindow *self,
                             ViewId        view)
{
  XinzhiView *result = refresh_view (self, view);

  xinzhi_view_catch_up (GTK_WIDGET (result));
  return result;
}

/* The view the stack page @name holds, built and up to date, or NULL for the search
 * view. */
XinzhiView *
_xinzhi_window_get_view_by_name (XinzhiWindow *self,
                                 const char   *name)
{
  for (ViewId i = 0; i < N_VIEWS; i++)
    if (g_str_equal (name, view_info[i].name))
      return _xinzhi_window_refresh_view (self, i);

  return NULL;
}

static ViewId
view_of_widget (XinzhiWindow *self,
                GtkWidget    *widget)
{
  for (ViewId i = 0; i < N_VIEWS; i++)
    if (widget == GTK_WIDGET (self->bins[i]))
      return i;

  return NO_VIEW;
}

/* Leaving the search view for a result closes the bar, which keeps the query. */
static void
view_stack_notify_visible_child_cb (XinzhiWindow *self)
{
  ViewId shown = view_of_widget (self, adw_view_stack_get_visible_child (self->view_stack));

  /* Shown, the view takes in a change of the filter itself, so that its lists pace
   * their rows (XinzhiPacedList). */
  if (shown != NO_VIEW)
    refresh_view (self, shown);
  if (adw_view_stack_get_visible_child (self->view_stack) != GTK_WIDGET (self->search_page) &&
      gtk_search_bar_get_search_mode (self->search_bar))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_page_activate_result_cb (XinzhiWindow       *self,
                                XinzhiSearchResult *result)
{
  GObject *item = xinzhi_search_result_get_item (result);
  guint paragraph = xinzhi_search_result_get_paragraph (result);
  Place *arrived = NULL;

  switch (xinzhi_search_result_get_kind (result))
    {
    case XINZHI_SEARCH_KIND_ARTICLE:
      if (paragraph == XINZHI_SEARCH_TITLE)
        xinzhi_window_show_document (self, XINZHI_DOCUMENT (item), 0);
      else
        {
          const XinzhiSearchRange *ranges;
          guint n_ranges;

          ranges = xinzhi_search_result_get_ranges (result, &n_ranges);
          if (n_ranges > 0)
            xinzhi_window_show_mention (self, XINZHI_DOCUMENT (item), paragraph,
                                        ranges[0].start, ranges[0].end);
          else
            xinzhi_window_show_document (self, XINZHI_DOCUMENT (item), paragraph);
        }
      return;
    case XINZHI_SEARCH_KIND_QUOTE:
      xinzhi_window_show_quote (self, XINZHI_QUOTE (item));
      return;
    case XINZHI_SEARCH_KIND_EVENT:
      arrived = _xinzhi_window_place_new ("timeline", item);
      break;
    case XINZHI_SEARCH_KIND_CONCEPT:
      xinzhi_window_show_glossary (self, item);
      return;
    case XINZHI_SEARCH_KIND_SECTOR:
      arrived = _xinzhi_window_place_new ("sectors", item);
      break;
    case XINZHI_SEARCH_KIND_PERSON:
      arrived = _xinzhi_window_place_new ("quotes", item);
      break;
    case XINZHI_SEARCH_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  _xinzhi_window_record_navigation (self, _xinzhi_window_place_copy (arrived));
  self->restoring = TRUE;
  _xinzhi_window_restore_place (self, arrived);
  self->restoring = FALSE;
  _xinzhi_window_place_free (arrived);
}

/* ---- The glossary ---------------------------------------------------------------------- */

static void
glossary_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  xinzhi_window_show_glossary (XINZHI_WINDOW (widget), NULL);
}

/* ---- Navigation -----------------------------------------------------------------------
 *
 * Any widget in the window leads to an article by activating one of these actions, as
 * win.add-filter filters; the views do not know the window.  They name the article or
 * the quote by its id in the corpus shown:
 *
 *   win.show-document  (su)    an article's id, a paragraph
 *   win.show-quote     s       a quote's id
 *   win.show-mention   (suuu)  an article's id, a paragraph, the words' start and end
 *
 * A new target is an action here that calls a xinzhi_window_show_*() function, which
 * records the place in the history (xinzhi-window-history.c). */

static XinzhiDocument *
lookup_document (XinzhiWindow *self,
                 const char   *id)
{
  XinzhiDocument *document = self->corpus ? xinzhi_corpus_lookup_document (self->corpus, id) : NULL;

  if (document == NULL)
    g_warning ("%s: no article “%s” in the corpus shown", G_STRFUNC, id);
  return document;
}

static void
show_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  XinzhiDocument *document;
  const char *id;
  guint paragraph;

  g_variant_get (parameter, "(&su)", &id, &paragraph);
  if ((document = lookup_document (self, id)) != NULL)
    xinzhi_window_show_document (self, document, paragraph);
}

static void
show_quote_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  XinzhiQuote *quote = self->corpus ? xinzhi_corpus_lookup_quote (self->corpus, id) : NULL;

  if (quote == NULL)
    g_warning ("%s: no quote “%s” in the corpus shown", G_STRFUNC, id);
  else
    xinzhi_window_show_quote (self, quote);
}

static void
show_mention_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  XinzhiDocument *document;
  const char *id;
  guint paragraph, start, end;

  g_variant_get (parameter, "(&suuu)", &id, &paragraph, &start, &end);
  if ((document = lookup_document (self, id)) != NULL)
    xinzhi_window_show_mention (self, document, paragraph, start, end);
}

/* The views are built when first shown or asked for, not with the window: at start only
 * the view on screen is, which keeps the others' widgets, text and data out of the
 * start-up (docs/benchmarks.md, "startup").  The switcher names all four all along, as
 * their stack pages are in the template; a page's bin takes its view here. */
static void
ensure_view (XinzhiWindow *self,
             ViewId        view)
{
  g_assert (view < N_VIEWS);

  if (self->views[view] != NULL)
    return;

  self->views[view] = g_object_new (view_info[view].get_type (),
                                    "filter", self->filter,
                                    "notes", self->notes,
                                    "collapsed", self->narrow,
                                    NULL);
  /* Reading an article alone hides the header bar on narrow windows. */
  g_signal_connect_object (self->views[view], "notify::content-only", G_CALLBACK (update_bars), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->bins[view], GTK_WIDGET (self->views[view]));
  /* What it offers to edit. */
  _xinzhi_window_update_edit_actions (self);
}

/* At start, the view on screen, and only it, is built. */
static void
ensure_shown_view (XinzhiWindow *self)
{
  ViewId shown = view_of_widget (self, adw_view_stack_get_visible_child (self->view_stack));

  if (shown != NO_VIEW)
    ensure_view (self, shown);
}

static void
view_stack_notify_visible_child_name_cb (XinzhiWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  /* Search is left with Escape, not reopened at the next start. */
  if (self->settings != NULL && name != NULL && !g_str_equal (name, "search"))
    g_settings_set_string (self->settings, "last-view", name);
}

static void
welcome_banner_button_clicked_cb (XinzhiWindow *self)
{
  adw_banner_set_revealed (self->welcome_banner, FALSE);
  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "welcome-dismissed", TRUE);
}

static void
xinzhi_window_constructed (GObject *object)
{
  XinzhiWindow *self = XINZHI_WINDOW (object);
  g_autofree char *last_view = NULL;

  G_OBJECT_CLASS (xinzhi_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    {
      ensure_shown_view (self);
      return;
    }

  _xinzhi_window_recent_init (self);

  /* A newcomer is told where they are and how to begin, until they dismiss it; a
   * window without settings cannot remember that, and says nothing. */
  adw_banner_set_revealed (self->welcome_banner,
                           !g_settings_get_boolean (self->settings, "welcome-dismissed"));

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
  ensure_shown_view (self);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_stack_notify_visible_child_name_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
xinzhi_window_dispose (GObject *object)
{
  XinzhiWindow *self = XINZHI_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  _xinzhi_window_load_dispose (self);

  /* The stack changes its pages as it goes; the bars need no update any more. */
  if (self->pages != NULL)
    g_signal_handlers_disconnect_by_data (self->pages, self);
  g_clear_object (&self->pages);
  /* Nor is a view to be built while the stack goes. */
  g_signal_handlers_disconnect_by_func (self->view_stack, view_stack_notify_visible_child_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_WINDOW);
  /* They were the bins' children. */
  for (ViewId i = 0; i < N_VIEWS; i++)
    self->views[i] = NULL;

  g_clear_object (&self->corpus);
  g_clear_object (&self->corpus_file);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->search);
  g_clear_object (&self->notes);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->return_view, g_free);
  g_clear_pointer (&self->back, g_ptr_array_unref);
  g_clear_pointer (&self->forward, g_ptr_array_unref);
  g_clear_pointer (&self->here, _xinzhi_window_place_free);
  _xinzhi_window_edit_dispose (self);

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
    case PROP_REVIEWED_ONLY:
      /* Asked for by win.reviewed-only before the filter is made. */
      g_value_set_boolean (value, self->filter != NULL && xinzhi_filter_get_reviewed_only (self->filter));
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
    case PROP_REVIEWED_ONLY:
      xinzhi_filter_set_reviewed_only (self->filter, g_value_get_boolean (value));
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
  /**
   * XinzhiWindow:reviewed-only:
   *
   * Whether the views hide the quotes the extractor suggested and nobody has reviewed:
   * the filter's (xinzhi_filter_set_reviewed_only()), as win.reviewed-only sets it.
   */
  properties[PROP_REVIEWED_ONLY] =
    g_param_spec_boolean ("reviewed-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "win.reviewed-only", "reviewed-only");

  gtk_widget_class_install_action (widget_class, "win.open-corpus", NULL, _xinzhi_window_open_corpus_action);
  gtk_widget_class_install_action (widget_class, "win.add-articles", NULL, _xinzhi_window_add_articles_action);
  gtk_widget_class_install_action (widget_class, "win.paste-articles", NULL, _xinzhi_window_paste_articles_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", _xinzhi_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.new-corpus", NULL, _xinzhi_window_new_corpus_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, _xinzhi_window_save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, _xinzhi_window_cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.accept-quote", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.reject-quote", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.accept-article-quotes", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.set-speaker", "(ss)", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.set-new-speaker", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.add-role", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.set-kind", "(ss)", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.add-quote", "(suuuu)", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.accept-event", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.reject-event", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.add-event", "(suuuu)", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.accept-article-events", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.set-event-title", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.add-term", "(suuuu)", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.remove-term", "(ss)", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.remove-role", "(ss)", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.merge-person", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.set-article-title", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.set-article-outlet", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.set-article-date", "s", _xinzhi_window_edit_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, _xinzhi_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, _xinzhi_window_redo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.glossary", NULL, glossary_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, _xinzhi_window_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-document", "(su)", show_document_action);
  gtk_widget_class_install_action (widget_class, "win.show-quote", "s", show_quote_action);
  gtk_widget_class_install_action (widget_class, "win.show-mention", "(suuu)", show_mention_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, _xinzhi_window_forward_action);
  gtk_widget_class_install_action (widget_class, "win.export-data", "s",
                                   xinzhi_window_export_data_action);
  gtk_widget_class_install_action (widget_class, "win.export-notes", NULL,
                                   xinzhi_window_export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.import-notes", NULL,
                                   xinzhi_window_import_notes_action);
  gtk_widget_class_install_action (widget_class, "win.add-filter", "(ss)", _xinzhi_window_change_filter_action);
  gtk_widget_class_install_action (widget_class, "win.remove-filter", "(ss)", _xinzhi_window_change_filter_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, _xinzhi_window_clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  /* The window's shortcuts, all in one place; those of app.quit and win.show-help-overlay
   * are set by the application, where the shortcuts dialog finds them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-corpus", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-articles", NULL);
  /* Text fields and the reader take Ctrl+V first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "win.paste-articles", NULL);
  /* A text field with the focus keeps these for its own text. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0,
                                       "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "win.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0,
                                       "win.forward", NULL);
  /* Escape closes the search; elsewhere it goes on to the views' own use of it. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);

  g_type_ensure (XINZHI_TYPE_SEARCH_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xinzhi/Xinzhi/xinzhi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, toolbar_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, edit_section);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, switcher_bar);
  for (ViewId i = 0; i < N_VIEWS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, view_info[i].bin, FALSE,
                                               G_STRUCT_OFFSET (XinzhiWindow, bins) + i * sizeof (AdwBin *));
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, search_page);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, filter_chips);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, welcome_banner);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, load_banner);
  gtk_widget_class_bind_template_child (widget_class, XinzhiWindow, load_progress);
  gtk_widget_class_bind_template_callback (widget_class, breakpoint_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_banner_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, breakpoint_unapply_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_bar_notify_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_page_activate_result_cb);
}

/* Says when "reviewed only" changed, for win.reviewed-only's state. */
static void
filter_changed_notify_cb (XinzhiWindow *self)
{
  gboolean reviewed_only = xinzhi_filter_get_reviewed_only (self->filter);

  if (self->reviewed_only == reviewed_only)
    return;
  self->reviewed_only = reviewed_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWED_ONLY]);
}

static void
xinzhi_window_init (XinzhiWindow *self)
{
  GtkDropTarget *drop;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->back = g_ptr_array_new_with_free_func ((GDestroyNotify) _xinzhi_window_place_free);
  self->forward = g_ptr_array_new_with_free_func ((GDestroyNotify) _xinzhi_window_place_free);
  _xinzhi_window_update_history_actions (self);
  _xinzhi_window_edit_init (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-notes", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-notes", FALSE);
  /* Notes that could not be saved are not lost without asking. */
  g_signal_connect (self, "close-request", G_CALLBACK (xinzhi_window_notes_close_request), NULL);

  /* One filter for every view. */
  self->filter = xinzhi_filter_new ();
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (_xinzhi_window_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_notify_cb), self,
                           G_CONNECT_SWAPPED);
  _xinzhi_window_filter_changed_cb (self);
  /* Its span narrows the search too. */
  xinzhi_search_page_set_filter (self->search_page, self->filter);

  /* The timeline's keys, on the window's content: below the window, whose arrows
   * move the focus and whose search bar takes what is typed; Enter on a tab, before
   * the tab. */
  for (guint i = 0; i < 2; i++)
    {
      GtkEventController *controller = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (controller, i == 0 ? GTK_PHASE_CAPTURE : GTK_PHASE_BUBBLE);
      g_signal_connect_object (controller, "key-pressed", G_CALLBACK (timeline_key_pressed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (self->toolbar_view), controller);
    }

  /* Typing anywhere starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  {
    GtkEventController *controller = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, 0),
                                                            gtk_callback_action_new (search_entry_down_cb,
                                                                                     self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
  }
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (view_stack_notify_visible_child_cb), self,
                           G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (_xinzhi_window_click_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (_xinzhi_window_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

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
  return XINZHI_ARTICLES_PAGE (_xinzhi_window_refresh_view (self, VIEW_ARTICLES));
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

  _xinzhi_window_set_corpus_full (self, corpus, FALSE);
}

/* xinzhi_window_set_corpus(); @edited when @corpus is the file shown, as an edit left
 * it (xinzhi-window-edit.c), whose filters then stay. */
void
_xinzhi_window_set_corpus_full (XinzhiWindow *self,
                                XinzhiCorpus *corpus,
                                gboolean      edited)
{
  if (!g_set_object (&self->corpus, corpus))
    return;
  /* Not from a file, until xinzhi-window-load.c says it is. */
  g_clear_object (&self->corpus_file);
  _xinzhi_window_update_edit_actions (self);

  /* The filters name the other corpus's sectors and people; "reviewed only" names
   * nothing of it, and stays.  After an edit, the corpus is the same one: its sectors
   * and people of the same ids take their places, and the span stays. */
  if (edited && corpus != NULL)
    xinzhi_filter_rebind (self->filter, corpus);
  else
    {
      gboolean reviewed_only = xinzhi_filter_get_reviewed_only (self->filter);

      xinzhi_filter_clear (self->filter);
      xinzhi_filter_set_reviewed_only (self->filter, reviewed_only);
    }
  /* The view on screen takes it now, the others when shown or asked for (and built
   * then, when they are not yet). */
  self->stale_views = (1u << N_VIEWS) - 1;
  {
    ViewId shown = view_of_widget (self, adw_view_stack_get_visible_child (self->view_stack));

    if (shown != NO_VIEW)
      _xinzhi_window_refresh_view (self, shown);
  }

  /* The places visited, the search and the glossary were in the other corpus. */
  {
    AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));

    if (XINZHI_IS_GLOSSARY_DIALOG (dialog))
      adw_dialog_force_close (dialog);
  }
  _xinzhi_window_clear_history (self);
  g_clear_object (&self->search);
  if (corpus != NULL)
    {
      self->search = xinzhi_search_new (corpus);
      xinzhi_search_set_query (self->search,
                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
    }
  xinzhi_search_page_set_search (self->search_page, self->search);
  update_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
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
  return XINZHI_TIMELINE_PAGE (_xinzhi_window_refresh_view (self, VIEW_TIMELINE));
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
  XinzhiArticlesPage *page;
  Place *arrived;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (XINZHI_IS_DOCUMENT (document));

  arrived = _xinzhi_window_place_new ("articles", document);
  arrived->paragraph = paragraph;
  _xinzhi_window_record_navigation (self, arrived);

  _xinzhi_window_reveal_item (self, document);
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->bins[VIEW_ARTICLES]));
  page = xinzhi_window_get_articles_page (self);
  xinzhi_articles_page_select_document (page, document);
  xinzhi_reader_show_paragraph (xinzhi_articles_page_get_reader (page), paragraph);
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
  XinzhiArticlesPage *page;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (XINZHI_IS_QUOTE (quote));

  _xinzhi_window_record_navigation (self, _xinzhi_window_place_new ("articles", quote));

  _xinzhi_window_reveal_item (self, xinzhi_quote_get_document (quote));
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->bins[VIEW_ARTICLES]));
  page = xinzhi_window_get_articles_page (self);
  xinzhi_articles_page_select_document (page, xinzhi_quote_get_document (quote));
  xinzhi_reader_show_quote (xinzhi_articles_page_get_reader (page), quote);
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
  return XINZHI_SECTORS_PAGE (_xinzhi_window_refresh_view (self, VIEW_SECTORS));
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
  XinzhiArticlesPage *page;
  XinzhiReader *reader;
  Place *arrived;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (XINZHI_IS_DOCUMENT (document));

  arrived = _xinzhi_window_place_new ("articles", document);
  arrived->paragraph = paragraph;
  arrived->start = start;
  arrived->end = end;
  _xinzhi_window_record_navigation (self, arrived);

  _xinzhi_window_reveal_item (self, document);
  page = xinzhi_window_get_articles_page (self);
  reader = xinzhi_articles_page_get_reader (page);
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->bins[VIEW_ARTICLES]));
  xinzhi_articles_page_select_document (page, document);
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
  return XINZHI_QUOTES_PAGE (_xinzhi_window_refresh_view (self, VIEW_QUOTES));
}

/**
 * xinzhi_window_get_search_page:
 *
 * Returns: (transfer none): the view of search results
 */
XinzhiSearchPage *
xinzhi_window_get_search_page (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  return self->search_page;
}

/**
 * xinzhi_window_get_search:
 *
 * Returns: (transfer none) (nullable): the search of the corpus shown
 */
XinzhiSearch *
xinzhi_window_get_search (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  return self->search;
}

/**
 * xinzhi_window_show_glossary:
 * @item: (nullable): a #XinzhiConcept or #XinzhiSector whose entry to show, or %NULL
 *   for the list of them
 *
 * Opens the glossary of the corpus shown, or shows @item in the one open.  Following
 * one of its places closes it and opens the article there.
 *
 * Returns: (transfer none): the glossary
 */
XinzhiGlossaryDialog *
xinzhi_window_show_glossary (XinzhiWindow *self,
                             GObject      *item)
{
  AdwDialog *dialog;
  XinzhiGlossaryDialog *glossary;

  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  g_return_val_if_fail (item == NULL || XINZHI_IS_CONCEPT (item) || XINZHI_IS_SECTOR (item), NULL);

  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
  if (XINZHI_IS_GLOSSARY_DIALOG (dialog))
    glossary = XINZHI_GLOSSARY_DIALOG (dialog);
  else
    {
      glossary = xinzhi_glossary_dialog_new (self->corpus);
      adw_dialog_present (ADW_DIALOG (glossary), GTK_WIDGET (self));
    }

  if (item != NULL)
    xinzhi_glossary_dialog_show_item (glossary, item);
  return glossary;
}

/**
 * xinzhi_window_search:
 * @query: (nullable): what to look for
 *
 * Opens the search view with @query, its results shown at once.
 */
void
xinzhi_window_search (XinzhiWindow *self,
                      const char   *query)
{
  g_return_if_fail (XINZHI_IS_WINDOW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  search_now (self);
}

/**
 * xinzhi_window_get_filter:
 *
 * Returns: (transfer none): the filters that narrow the Timeline, Quotes and Articles
 *   views
 */
XinzhiFilter *
xinzhi_window_get_filter (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  return self->filter;
}

/**
 * xinzhi_window_get_notes:
 *
 * Returns: (transfer none) (nullable): the person's stars and notes
 */
XinzhiNotes *
xinzhi_window_get_notes (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), NULL);
  return self->notes;
}

/**
 * xinzhi_window_set_notes:
 * @notes: (nullable): the person's stars and notes
 *
 * Lets the person star and note quotes, events and articles in the views, and export
 * and import the notes from the main menu.
 */
void
xinzhi_window_set_notes (XinzhiWindow *self,
                         XinzhiNotes  *notes)
{
  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (notes == NULL || XINZHI_IS_NOTES (notes));

  if (!g_set_object (&self->notes, notes))
    return;

  /* Views not built yet take the notes when they are. */
  for (ViewId i = 0; i < N_VIEWS; i++)
    if (self->views[i] != NULL)
      xinzhi_view_set_notes (self->views[i], notes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-notes", notes != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-notes", notes != NULL);
}

/**
 * xinzhi_window_add_toast:
 * @toast: (transfer full): passing news
 *
 * Shows @toast over the window's content.
 */
void
xinzhi_window_add_toast (XinzhiWindow *self,
                         AdwToast     *toast)
{
  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

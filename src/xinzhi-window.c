/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-escape.h"
#include "xinzhi-filter.h"
#include "xinzhi-view.h"
#include "xinzhi-window.h"
#include "xinzhi-window-export.h"
#include "xinzhi-window-notes.h"

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
  AdwBin               *bins[4];       /* by ViewId: each stack page's bin of a view */
  XinzhiSearchPage     *search_page;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkRevealer          *filter_revealer;
  AdwWrapBox           *filter_chips;
  AdwBanner            *welcome_banner;
  AdwBanner            *load_banner;
  GtkProgressBar       *load_progress;

  /* The views, by ViewId, each in its bin once built (ensure_view()), or NULL */
  XinzhiView           *views[4];

  /* Owned */
  XinzhiCorpus         *corpus;
  GSettings            *settings;
  GListModel           *pages;
  GCancellable         *cancellable;
  XinzhiSearch         *search;
  XinzhiNotes          *notes;         /* the person's stars and notes, or NULL */
  XinzhiFilter         *filter;        /* narrows the timeline, quotes and articles */
  char                 *return_view;   /* the view to go back to when search closes */
  GPtrArray            *back;          /* of Place, the last the newest */
  GPtrArray            *forward;       /* of Place, the last the next */
  struct _Place        *here;          /* where the last link led, or NULL */
  struct _Load         *load;          /* the corpus being opened, or NULL */
  guint                 load_show_id;  /* reveals the banner when a load takes a while */
  guint                 stale_views;   /* of 1 << ViewId: views still showing an older corpus */

  gboolean              narrow;
  gboolean              restoring;
};

G_DEFINE_FINAL_TYPE (XinzhiWindow, xinzhi_window, ADW_TYPE_APPLICATION_WINDOW)

/* The views (XinzhiView), built and given the corpus only when first shown or asked
 * for.  A new view is a row here, a stack page with a bin in the window's template, and
 * a getter. */
typedef enum {
  VIEW_TIMELINE,
  VIEW_SECTORS,
  VIEW_QUOTES,
  VIEW_ARTICLES,
  N_VIEWS,
  NO_VIEW = N_VIEWS
} ViewId;

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

static XinzhiView *refresh_view (XinzhiWindow *self,
                                 ViewId        view);

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

static void
show_open_error (XinzhiWindow *self,
                 const char   *message)
{
  /* The message quotes the file: its controls are shown, not obeyed. */
  g_autofree char *escaped = xinzhi_escape_controls (message, XINZHI_ESCAPE_KEEP_NEWLINES);
  AdwDialog *dialog;

  dialog = adw_alert_dialog_new (_("Could Not Open Corpus"), escaped);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* ---- Opening a corpus ---------------------------------------------------------------
 *
 * A corpus is loaded in a thread.  When that takes longer than a moment, a banner names
 * the file, with a Cancel button, over a progress bar.  The loader tells its progress in
 * its thread; the figure goes to the main thread through an atomic and at most one idle
 * callback at a time, so a fast loader cannot flood the main loop.  Cancelling, or
 * opening another file, stops the load and keeps the corpus shown, without a word. */

/* A banner for a load shorter than this would only flicker. */
#define LOAD_SHOW_DELAY_MS 200

typedef struct _Load
{
  gatomicrefcount  ref_count;
  GFile           *file;
  GCancellable    *cancellable;
  GWeakRef         window;
  int              permille;     /* atomic: the loader's last figure, in thousandths */
  int              pending;      /* atomic: an update is on its way to the main thread */
} Load;

static Load *
load_new (XinzhiWindow *window,
          GFile        *file)
{
  Load *load = g_new0 (Load, 1);

  g_atomic_ref_count_init (&load->ref_count);
  load->file = g_object_ref (file);
  load->cancellable = g_cancellable_new ();
  g_weak_ref_init (&load->window, window);
  return load;
}

static Load *
load_ref (Load *load)
{
  g_atomic_ref_count_inc (&load->ref_count);
  return load;
}

static void
load_unref (Load *load)
{
  if (!g_atomic_ref_count_dec (&load->ref_count))
    return;

  g_object_unref (load->file);
  g_object_unref (load->cancellable);
  g_weak_ref_clear (&load->window);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_unref)

/* Hides the banner and forgets the load; it has ended or no longer matters. */
static void
end_load (XinzhiWindow *self)
{
  g_clear_handle_id (&self->load_show_id, g_source_remove);
  g_clear_pointer (&self->load, load_unref);
  adw_banner_set_revealed (self->load_banner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
}

/* In the main thread: shows the loader's last figure. */
static gboolean
load_progress_idle_cb (gpointer user_data)
{
  Load *load = user_data;
  g_autoptr(XinzhiWindow) self = g_weak_ref_get (&load->window);

  g_atomic_int_set (&load->pending, FALSE);
  if (self != NULL && self->load == load)
    gtk_progress_bar_set_fraction (self->load_progress,
                                   g_atomic_int_get (&load->permille) / 1000.0);

  return G_SOURCE_REMOVE;
}

/* In the loading thread. */
static void
load_progress_cb (double   fraction,
                  gpointer user_data)
{
  Load *load = user_data;

  g_atomic_int_set (&load->permille, (int) (fraction * 1000.0));
  if (g_atomic_int_compare_and_exchange (&load->pending, FALSE, TRUE))
    g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT_IDLE, load_progress_idle_cb,
                                load_ref (load), (GDestroyNotify) load_unref);
}

static void
load_corpus_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Load *load = task_data;
  XinzhiCorpus *corpus;
  GError *error = NULL;

  corpus = xinzhi_corpus_load_file (load->file, cancellable, load_progress_cb, load, &error);
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
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  /* A cancelled load, or one another file replaced, has nothing more to say. */
  corpus = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->load != load)
    return;
  end_load (self);

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

static gboolean
show_load_cb (gpointer user_data)
{
  XinzhiWindow *self = user_data;

  self->load_show_id = 0;
  adw_banner_set_revealed (self->load_banner, TRUE);
  return G_SOURCE_REMOVE;
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);

  if (self->load != NULL)
    g_cancellable_cancel (self->load->cancellable);
  end_load (self);
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

/* A corpus file dropped on the window opens as one chosen from the menu. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         XinzhiWindow  *self)
{
  GSList *list;
  g_autofree GFile **files = NULL;
  guint n_files;
  guint i = 0;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  n_files = g_slist_length (list);
  if (n_files == 0)
    return FALSE;

  files = g_new0 (GFile *, n_files);
  for (GSList *l = list; l != NULL; l = l->next)
    files[i++] = l->data;
  xinzhi_window_open_files (self, files, n_files);

  return TRUE;
}

/* ---- Filters ------------------------------------------------------------------------
 *
 * One XinzhiFilter narrows the Timeline, Quotes and Articles views at once; the bar under
 * the header shows a removable chip per value.  Changing the filters is not a place:
 * Back and Forward do not undo it.  Following a link, or going back or forward, to
 * something the filters hide clears the kinds of filter that hide it, and says so. */

static const char * const filter_kind_names[XINZHI_FILTER_N_KINDS] = { "sector", "person", "outlet" };

/* The value a win.*-filter action's (kind, id) names: a sector or person by id, an
 * outlet by name. */
static gboolean
lookup_filter_value (XinzhiWindow     *self,
                     GVariant         *parameter,
                     XinzhiFilterKind *kind,
                     gpointer         *value)
{
  const char *kind_name;
  const char *id;

  g_variant_get (parameter, "(&s&s)", &kind_name, &id);

  if (g_str_equal (kind_name, "sector"))
    {
      *kind = XINZHI_FILTER_SECTOR;
      *value = self->corpus ? xinzhi_corpus_lookup_sector (self->corpus, id) : NULL;
    }
  else if (g_str_equal (kind_name, "person"))
    {
      *kind = XINZHI_FILTER_PERSON;
      *value = self->corpus ? xinzhi_corpus_lookup_person (self->corpus, id) : NULL;
    }
  else if (g_str_equal (kind_name, "outlet"))
    {
      *kind = XINZHI_FILTER_OUTLET;
      *value = (gpointer) id;
    }
  else
    {
      g_warning ("%s: no kind of filter “%s”", G_STRFUNC, kind_name);
      return FALSE;
    }

  if (*value == NULL)
    g_warning ("%s: no %s “%s” in the corpus shown", G_STRFUNC, kind_name, id);
  return *value != NULL;
}

static char *
dup_filter_label (XinzhiFilterKind kind,
                  gpointer         value)
{
  switch (kind)
    {
    case XINZHI_FILTER_SECTOR:
      /* Translators: a filter chip; %s is a sector's name */
      return g_strdup_printf (_("Sector: %s"), xinzhi_sector_get_display_name (value));
    case XINZHI_FILTER_PERSON:
      /* Translators: a filter chip; %s is a person's name */
      return g_strdup_printf (_("Person: %s"), xinzhi_person_get_display_name (value));
    case XINZHI_FILTER_OUTLET:
      /* Translators: a filter chip; %s is the name of a news outlet */
      return g_strdup_printf (_("Outlet: %s"), (const char *) value);
    case XINZHI_FILTER_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
create_filter_chip (XinzhiFilterKind kind,
                    gpointer         value)
{
  g_autofree char *text = dup_filter_label (kind, value);
  /* Translators: the accessible name of a button that removes a filter; %s is what
   * the filter keeps, such as a speaker's name */
  g_autofree char *accessible = g_strdup_printf (_("Remove filter: %s"), text);
  const char *id = kind == XINZHI_FILTER_SECTOR ? xinzhi_sector_get_id (value)
                   : kind == XINZHI_FILTER_PERSON ? xinzhi_person_get_id (value)
                   : value;
  GtkWidget *chip = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");

  /* Corpus text: never markup. */
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_add_css_class (chip, "filter-chip");
  gtk_widget_set_tooltip_text (chip, _("Remove Filter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (chip), "win.remove-filter");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (chip), "(ss)", filter_kind_names[kind], id);

  return chip;
}

/* The position of the chip that has the focus, if one has. */
static gboolean
find_focused_chip (XinzhiWindow *self,
                   guint        *position)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  guint i = 0;

  for (GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips));
       chip != NULL;
       chip = gtk_widget_get_next_sibling (chip), i++)
    {
      if (focus != NULL && (focus == chip || gtk_widget_is_ancestor (focus, chip)))
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
filter_changed_cb (XinzhiWindow *self)
{
  gboolean empty = xinzhi_filter_is_empty (self->filter);
  guint focused = 0;
  gboolean had_focus = find_focused_chip (self, &focused);
  GtkWidget *child;
  GtkWidget *to_focus = NULL;
  guint i = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips))) != NULL)
    adw_wrap_box_remove (self->filter_chips, child);

  for (XinzhiFilterKind kind = 0; kind < XINZHI_FILTER_N_KINDS; kind++)
    for (guint v = 0; v < xinzhi_filter_get_n_values (self->filter, kind); v++, i++)
      {
        GtkWidget *chip = create_filter_chip (kind, xinzhi_filter_get_value (self->filter, kind, v));

        adw_wrap_box_append (self->filter_chips, chip);
        /* A chip removed from the keyboard hands the focus to the one that takes its
         * place, or to the one before. */
        if (had_focus && (i <= focused || to_focus == NULL))
          to_focus = chip;
      }

  gtk_revealer_set_reveal_child (self->filter_revealer, !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_revealer), !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters", !empty);

  if (to_focus != NULL)
    gtk_widget_grab_focus (to_focus);
  else if (had_focus)
    gtk_widget_child_focus (adw_view_stack_get_visible_child (self->view_stack), GTK_DIR_TAB_FORWARD);
}

/* win.add-filter and win.remove-filter. */
static void
change_filter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  XinzhiFilterKind kind;
  gpointer value;

  if (!lookup_filter_value (self, parameter, &kind, &value))
    return;

  if (g_str_equal (action_name, "win.add-filter"))
    xinzhi_filter_add (self->filter, kind, value);
  else
    xinzhi_filter_remove (self->filter, kind, value);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* From the bar's own button, the focus would be lost with the bar. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->filter_revealer)))
    gtk_widget_child_focus (adw_view_stack_get_visible_child (self->view_stack), GTK_DIR_TAB_FORWARD);

  xinzhi_filter_clear (self->filter);
}

/* Before a link leads to @item (an article, a quote or an event), clears the filters
 * that would hide it. */
static void
reveal_item (XinzhiWindow *self,
             gpointer      item)
{
  AdwToast *toast;

  if (!xinzhi_filter_reveal (self->filter, item))
    return;

  toast = adw_toast_new (_("Filters that hid it were removed"));
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- History ------------------------------------------------------------------------
 *
 * A place is a view and what it shows: an article at a paragraph or words, a quote, an
 * event, a sector, a person, or a search.  Following a link records the place left and
 * the place reached; Back and Forward walk that list. */

typedef struct _Place
{
  char    *view;
  GObject *object;      /* a document, quote, event, sector or person, or NULL */
  guint    paragraph;   /* for a document; G_MAXUINT for its top */
  guint    start;
  guint    end;         /* start == end: the paragraph, not words in it */
  char    *query;       /* for the search view */
} Place;

static void
place_free (Place *place)
{
  g_free (place->view);
  g_clear_object (&place->object);
  g_free (place->query);
  g_free (place);
}

static Place *
place_new (const char *view,
           gpointer    object)
{
  Place *place = g_new0 (Place, 1);

  place->view = g_strdup (view);
  place->object = object != NULL ? g_object_ref (object) : NULL;
  place->paragraph = G_MAXUINT;
  return place;
}

static Place *
place_copy (const Place *place)
{
  Place *copy = place_new (place->view, place->object);

  copy->paragraph = place->paragraph;
  copy->start = place->start;
  copy->end = place->end;
  copy->query = g_strdup (place->query);
  return copy;
}

/* Where the window is now: the last place a link led to, when the window still shows
 * it, or else the visible view and what is selected in it. */
static Place *
current_place (XinzhiWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  gpointer object = NULL;
  Place *place;

  if (view == NULL)
    view = "timeline";

  for (ViewId i = 0; i < N_VIEWS; i++)
    if (g_str_equal (view, view_info[i].name))
      object = xinzhi_view_get_selected_item (refresh_view (self, i));

  if (self->here != NULL && g_str_equal (self->here->view, view) &&
      (g_str_equal (view, "search") || self->here->object == object ||
       (XINZHI_IS_QUOTE (self->here->object) &&
        xinzhi_quote_get_document (XINZHI_QUOTE (self->here->object)) == object)))
    place = place_copy (self->here);
  else
    place = place_new (view, object);

  if (g_str_equal (view, "search"))
    {
      g_free (place->query);
      place->query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
    }

  return place;
}

static void
update_history_actions (XinzhiWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 self->back != NULL && self->back->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.forward",
                                 self->forward != NULL && self->forward->len > 0);
}

/* Records that a link leads away from where the window is now, to @arrived. */
static void
record_navigation (XinzhiWindow *self,
                   Place        *arrived)
{
  if (self->restoring)
    {
      place_free (arrived);
      return;
    }

  g_ptr_array_add (self->back, current_place (self));
  g_ptr_array_set_size (self->forward, 0);
  g_clear_pointer (&self->here, place_free);
  self->here = arrived;
  update_history_actions (self);
}

static void
clear_history (XinzhiWindow *self)
{
  if (self->back != NULL)
    g_ptr_array_set_size (self->back, 0);
  if (self->forward != NULL)
    g_ptr_array_set_size (self->forward, 0);
  g_clear_pointer (&self->here, place_free);
  update_history_actions (self);
}

static void
restore_place (XinzhiWindow *self,
               const Place  *place)
{
  self->restoring = TRUE;

  if (g_str_equal (place->view, "search"))
    xinzhi_window_search (self, place->query);
  else if (XINZHI_IS_QUOTE (place->object) && g_str_equal (place->view, "articles"))
    xinzhi_window_show_quote (self, XINZHI_QUOTE (place->object));
  else if (XINZHI_IS_DOCUMENT (place->object))
    {
      if (place->start < place->end)
        xinzhi_window_show_mention (self, XINZHI_DOCUMENT (place->object), place->paragraph,
                                    place->start, place->end);
      else if (place->paragraph != G_MAXUINT)
        xinzhi_window_show_document (self, XINZHI_DOCUMENT (place->object), place->paragraph);
      else
        {
          reveal_item (self, place->object);
          adw_view_stack_set_visible_child_name (self->view_stack, place->view);
          xinzhi_articles_page_select_document (xinzhi_window_get_articles_page (self),
                                                XINZHI_DOCUMENT (place->object));
        }
    }
  else
    {
      adw_view_stack_set_visible_child_name (self->view_stack, place->view);
      if (XINZHI_IS_EVENT (place->object) || XINZHI_IS_QUOTE (place->object))
        reveal_item (self, place->object);
      if (XINZHI_IS_EVENT (place->object))
        xinzhi_timeline_page_select_event (xinzhi_window_get_timeline_page (self),
                                           XINZHI_EVENT (place->object));
      else if (XINZHI_IS_SECTOR (place->object))
        xinzhi_sectors_page_select_sector (xinzhi_window_get_sectors_page (self),
                                           XINZHI_SECTOR (place->object));
      else if (XINZHI_IS_PERSON (place->object))
        xinzhi_quotes_page_show_person (xinzhi_window_get_quotes_page (self),
                                        XINZHI_PERSON (place->object));
      else if (XINZHI_IS_QUOTE (place->object))
        xinzhi_quotes_page_select_quote (xinzhi_window_get_quotes_page (self),
                                         XINZHI_QUOTE (place->object));
    }

  self->restoring = FALSE;
}

/* Moves one place along: from @from to @to. */
static gboolean
step_history (XinzhiWindow *self,
              GPtrArray    *from,
              GPtrArray    *to)
{
  Place *place;

  if (from->len == 0)
    return FALSE;

  place = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, current_place (self));
  restore_place (self, place);
  g_clear_pointer (&self->here, place_free);
  self->here = place;
  update_history_actions (self);

  return TRUE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  xinzhi_window_go_back (XINZHI_WINDOW (widget));
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  xinzhi_window_go_forward (XINZHI_WINDOW (widget));
}

/* The mouse's back and forward buttons. */
static void
click_pressed_cb (XinzhiWindow    *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == 8)
    xinzhi_window_go_back (self);
  else if (button == 9)
    xinzhi_window_go_forward (self);
  else
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
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

static void
search_entry_search_changed_cb (XinzhiWindow *self)
{
  if (self->search != NULL)
    xinzhi_search_set_query (self->search,
                             gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_entry_activate_cb (XinzhiWindow *self)
{
  /* Enter opens the first result, once the results are those of the text typed. */
  search_entry_search_changed_cb (self);
  xinzhi_search_page_activate_result (self->search_page, 0);
}

/* Down in the entry goes on to the results. */
static gboolean
search_entry_down_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  XinzhiWindow *self = XINZHI_WINDOW (user_data);

  search_entry_search_changed_cb (self);
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
      arrived = place_new ("timeline", item);
      break;
    case XINZHI_SEARCH_KIND_CONCEPT:
      xinzhi_window_show_glossary (self, item);
      return;
    case XINZHI_SEARCH_KIND_SECTOR:
      arrived = place_new ("sectors", item);
      break;
    case XINZHI_SEARCH_KIND_PERSON:
      arrived = place_new ("quotes", item);
      break;
    case XINZHI_SEARCH_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  record_navigation (self, place_copy (arrived));
  self->restoring = TRUE;
  restore_place (self, arrived);
  self->restoring = FALSE;
  place_free (arrived);
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
 * records the place in the history. */

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
  if (self->load != NULL)
    g_cancellable_cancel (self->load->cancellable);
  g_clear_handle_id (&self->load_show_id, g_source_remove);
  g_clear_pointer (&self->load, load_unref);

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
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->search);
  g_clear_object (&self->notes);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->return_view, g_free);
  g_clear_pointer (&self->back, g_ptr_array_unref);
  g_clear_pointer (&self->forward, g_ptr_array_unref);
  g_clear_pointer (&self->here, place_free);

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
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.glossary", NULL, glossary_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-document", "(su)", show_document_action);
  gtk_widget_class_install_action (widget_class, "win.show-quote", "s", show_quote_action);
  gtk_widget_class_install_action (widget_class, "win.show-mention", "(suuu)", show_mention_action);
  gtk_widget_class_install_action (widget_class, "win.forward", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "win.export-data", "s",
                                   xinzhi_window_export_data_action);
  gtk_widget_class_install_action (widget_class, "win.export-notes", NULL,
                                   xinzhi_window_export_notes_action);
  gtk_widget_class_install_action (widget_class, "win.import-notes", NULL,
                                   xinzhi_window_import_notes_action);
  gtk_widget_class_install_action (widget_class, "win.add-filter", "(ss)", change_filter_action);
  gtk_widget_class_install_action (widget_class, "win.remove-filter", "(ss)", change_filter_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  /* The window's shortcuts, all in one place; those of app.quit and win.show-help-overlay
   * are set by the application, where the shortcuts dialog finds them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-corpus", NULL);
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

static void
xinzhi_window_init (XinzhiWindow *self)
{
  GtkDropTarget *drop;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->back = g_ptr_array_new_with_free_func ((GDestroyNotify) place_free);
  self->forward = g_ptr_array_new_with_free_func ((GDestroyNotify) place_free);
  update_history_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-notes", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-notes", FALSE);
  /* Notes that could not be saved are not lost without asking. */
  g_signal_connect (self, "close-request", G_CALLBACK (xinzhi_window_notes_close_request), NULL);

  /* One filter for every view. */
  self->filter = xinzhi_filter_new ();
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  filter_changed_cb (self);

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
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
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
  return XINZHI_ARTICLES_PAGE (refresh_view (self, VIEW_ARTICLES));
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

  /* The filters name the other corpus's sectors and people. */
  xinzhi_filter_clear (self->filter);
  /* The view on screen takes it now, the others when shown or asked for (and built
   * then, when they are not yet). */
  self->stale_views = (1u << N_VIEWS) - 1;
  {
    ViewId shown = view_of_widget (self, adw_view_stack_get_visible_child (self->view_stack));

    if (shown != NO_VIEW)
      refresh_view (self, shown);
  }

  /* The places visited, the search and the glossary were in the other corpus. */
  {
    AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));

    if (XINZHI_IS_GLOSSARY_DIALOG (dialog))
      adw_dialog_force_close (dialog);
  }
  clear_history (self);
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
 * xinzhi_window_open_file:
 * @file: a corpus file
 *
 * Loads the corpus in @file, in a thread, and shows it in place of the current one,
 * with a toast.  While it loads, a banner shows the progress and offers to cancel
 * (win.cancel-load); opening another file cancels it too.  When @file is not a valid
 * corpus, the current corpus stays and an alert gives the problem, with the file and
 * the place in it; when the load is cancelled, the current corpus stays.
 */
void
xinzhi_window_open_file (XinzhiWindow *self,
                         GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *title = NULL;
  Load *load;

  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One load at a time: the newer file is the one wanted. */
  if (self->load != NULL)
    g_cancellable_cancel (self->load->cancellable);
  end_load (self);

  load = self->load = load_new (self, file);
  basename = g_file_get_basename (file);
  /* Translators: %s is the name of the corpus file being opened */
  title = g_strdup_printf (_("Opening “%s”…"), basename);
  adw_banner_set_title (self->load_banner, title);
  gtk_progress_bar_set_fraction (self->load_progress, 0.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", TRUE);
  self->load_show_id = g_timeout_add (LOAD_SHOW_DELAY_MS, show_load_cb, self);

  /* Parsing and checking a large corpus takes a while: do it off the main thread. */
  task = g_task_new (self, load->cancellable, load_corpus_cb, NULL);
  g_task_set_source_tag (task, xinzhi_window_open_file);
  g_task_set_task_data (task, load_ref (load), (GDestroyNotify) load_unref);
  g_task_run_in_thread (task, load_corpus_thread);
}

/**
 * xinzhi_window_open_files:
 * @files: (array length=n_files): files to open, from a file manager, the command line
 *   or a drop
 * @n_files: how many, at least one
 *
 * Opens the first of @files as xinzhi_window_open_file() does.  The window shows one
 * corpus at a time: when there are more, a toast says how many were not opened.
 */
void
xinzhi_window_open_files (XinzhiWindow  *self,
                          GFile        **files,
                          guint          n_files)
{
  g_return_if_fail (XINZHI_IS_WINDOW (self));
  g_return_if_fail (files != NULL && n_files > 0);

  xinzhi_window_open_file (self, files[0]);

  if (n_files > 1)
    {
      g_autofree char *basename = g_file_get_basename (files[0]);
      g_autofree char *message = NULL;
      AdwToast *toast;

      /* Translators: %s is the name of the file opened; %u is the number of other files
       * that were given at the same time */
      message = g_strdup_printf (ngettext ("Xinzhi shows one corpus at a time: “%s” is opened, "
                                           "%u other file is not",
                                           "Xinzhi shows one corpus at a time: “%s” is opened, "
                                           "%u other files are not",
                                           n_files - 1),
                                 basename, n_files - 1);
      toast = adw_toast_new (message);
      /* A file name is not markup. */
      adw_toast_set_use_markup (toast, FALSE);
      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
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
  return XINZHI_TIMELINE_PAGE (refresh_view (self, VIEW_TIMELINE));
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

  arrived = place_new ("articles", document);
  arrived->paragraph = paragraph;
  record_navigation (self, arrived);

  reveal_item (self, document);
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

  record_navigation (self, place_new ("articles", quote));

  reveal_item (self, xinzhi_quote_get_document (quote));
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
  return XINZHI_SECTORS_PAGE (refresh_view (self, VIEW_SECTORS));
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

  arrived = place_new ("articles", document);
  arrived->paragraph = paragraph;
  arrived->start = start;
  arrived->end = end;
  record_navigation (self, arrived);

  reveal_item (self, document);
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
  return XINZHI_QUOTES_PAGE (refresh_view (self, VIEW_QUOTES));
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
  search_entry_search_changed_cb (self);
}

/**
 * xinzhi_window_go_back:
 *
 * Goes back to the place before the last link followed.
 *
 * Returns: whether there was a place to go back to
 */
gboolean
xinzhi_window_go_back (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), FALSE);
  return step_history (self, self->back, self->forward);
}

/**
 * xinzhi_window_go_forward:
 *
 * Goes forward again, after xinzhi_window_go_back().
 *
 * Returns: whether there was a place to go forward to
 */
gboolean
xinzhi_window_go_forward (XinzhiWindow *self)
{
  g_return_val_if_fail (XINZHI_IS_WINDOW (self), FALSE);
  return step_history (self, self->forward, self->back);
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

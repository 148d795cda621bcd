/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The window's parts share its instance struct through this header, as GNOME Text
 * Editor's editor-window-private.h does: xinzhi-window.c (the views, search, the
 * navigation actions, the public API), xinzhi-window-load.c (opening a corpus and
 * adding articles to it),
 * xinzhi-window-filters.c (the filter chips), xinzhi-window-history.c (Back and
 * Forward), xinzhi-window-notes.c and xinzhi-window-export.c (the main menu's notes and
 * data exports), xinzhi-window-edit.c (accepting and rejecting suggestions, undo and
 * redo).  Nothing outside the window and its tests includes it. */

#include "xinzhi-view.h"
#include "xinzhi-window.h"

G_BEGIN_DECLS

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
  GFile                *corpus_file;   /* the file @corpus was opened from, or NULL */
  GSettings            *settings;
  GMenu                *recent_section;  /* of the main menu: the recent corpora */
  GMenu                *edit_section;    /* of the main menu: Undo and Redo */
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
  GPtrArray            *undo;          /* of EditStep, the last the newest */
  GPtrArray            *redo;          /* of EditStep, the last the next */
  gboolean              editing;       /* an edit, undo or redo is being written */
  guint                 edit_show_id;  /* reveals the banner when an edit takes a while */
  guint                 edit_pulse_id; /* pulses its progress bar meanwhile */
  char                 *load_button_label; /* the banner's Cancel, while an edit hides it */
  gboolean              reviewed_only; /* :reviewed-only as last notified */

  gboolean              narrow;
  gboolean              restoring;
};

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

/* ---- xinzhi-window.c ---------------------------------------------------------------- */

XinzhiView *_xinzhi_window_refresh_view         (XinzhiWindow *self,
                                                 ViewId        view);
XinzhiView *_xinzhi_window_get_view_by_name     (XinzhiWindow *self,
                                                 const char   *name);
void        _xinzhi_window_set_corpus_full      (XinzhiWindow *self,
                                                 XinzhiCorpus *corpus,
                                                 gboolean      edited);

/* ---- xinzhi-window-load.c ------------------------------------------------------------ */

void        _xinzhi_window_load_dispose         (XinzhiWindow *self);
void        _xinzhi_window_open_corpus_action   (GtkWidget    *widget,
                                                 const char   *action_name,
                                                 GVariant     *parameter);
void        _xinzhi_window_open_file            (XinzhiWindow *self,
                                                 GFile        *file,
                                                 const char   *message,
                                                 gboolean      reopening);
GFile      *_xinzhi_window_new_corpus_file      (GError      **error);
void        _xinzhi_window_show_edited          (XinzhiWindow *self,
                                                 XinzhiCorpus *corpus,
                                                 const char   *message,
                                                 GType         show_type,
                                                 const char   *show_id,
                                                 gboolean      offer_undo);
void        _xinzhi_window_import               (XinzhiWindow *self,
                                                 GFile       **files,
                                                 guint         n_files,
                                                 GFile        *pasted);
void        _xinzhi_window_add_articles_action  (GtkWidget    *widget,
                                                 const char   *action_name,
                                                 GVariant     *parameter);
void        _xinzhi_window_cancel_load_action   (GtkWidget    *widget,
                                                 const char   *action_name,
                                                 GVariant     *parameter);
gboolean    _xinzhi_window_drop_cb              (GtkDropTarget *target,
                                                 const GValue  *value,
                                                 double         x,
                                                 double         y,
                                                 XinzhiWindow  *self);

/* ---- xinzhi-window-filters.c --------------------------------------------------------- */

void        _xinzhi_window_filter_changed_cb    (XinzhiWindow *self);
void        _xinzhi_window_change_filter_action (GtkWidget    *widget,
                                                 const char   *action_name,
                                                 GVariant     *parameter);
void        _xinzhi_window_clear_filters_action (GtkWidget    *widget,
                                                 const char   *action_name,
                                                 GVariant     *parameter);
void        _xinzhi_window_reveal_item          (XinzhiWindow *self,
                                                 gpointer      item);

/* ---- xinzhi-window-history.c --------------------------------------------------------- */

/* A place is a view and what it shows: an article at a paragraph or words, a quote, an
 * event, a sector, a person, or a search. */
typedef struct _Place
{
  char    *view;
  GObject *object;      /* a document, quote, event, sector or person, or NULL */
  guint    paragraph;   /* for a document; G_MAXUINT for its top */
  guint    start;
  guint    end;         /* start == end: the paragraph, not words in it */
  char    *query;       /* for the search view */
} Place;

Place      *_xinzhi_window_place_new            (const char   *view,
                                                 gpointer      object);
Place      *_xinzhi_window_place_copy           (const Place  *place);
void        _xinzhi_window_place_free           (Place        *place);
void        _xinzhi_window_record_navigation    (XinzhiWindow *self,
                                                 Place        *arrived);
void        _xinzhi_window_clear_history        (XinzhiWindow *self);
void        _xinzhi_window_restore_place        (XinzhiWindow *self,
                                                 const Place  *place);
void        _xinzhi_window_update_history_actions (XinzhiWindow *self);
void        _xinzhi_window_back_action          (GtkWidget    *widget,
                                                 const char   *action_name,
                                                 GVariant     *parameter);
void        _xinzhi_window_forward_action       (GtkWidget    *widget,
                                                 const char   *action_name,
                                                 GVariant     *parameter);
void        _xinzhi_window_click_pressed_cb     (XinzhiWindow    *self,
                                                 int              n_press,
                                                 double           x,
                                                 double           y,
                                                 GtkGestureClick *gesture);

/* ---- xinzhi-window-notes.c: win.export-notes, win.import-notes, the close request ----- */

void     xinzhi_window_export_notes_action (GtkWidget    *widget,
                                            const char   *action_name,
                                            GVariant     *parameter);
void     xinzhi_window_import_notes_action (GtkWidget    *widget,
                                            const char   *action_name,
                                            GVariant     *parameter);

gboolean xinzhi_window_export_notes        (XinzhiWindow *self,
                                            GFile        *file,
                                            GError      **error);
void     xinzhi_window_import_notes        (XinzhiWindow *self,
                                            GFile        *file);
gboolean xinzhi_window_notes_close_request (XinzhiWindow *self);
void     xinzhi_window_export_notes_and_close (XinzhiWindow *self,
                                               GFile        *file);

/* ---- xinzhi-window-corpora.c: new, a copy, recent; win.new-corpus, win.save-copy,
 *      win.open-recent ------------------------------------------------------------------ */

void     _xinzhi_window_new_corpus_action    (GtkWidget    *widget,
                                              const char   *action_name,
                                              GVariant     *parameter);
void     _xinzhi_window_save_copy_action     (GtkWidget    *widget,
                                              const char   *action_name,
                                              GVariant     *parameter);

void     _xinzhi_window_recent_init          (XinzhiWindow *self);
void     _xinzhi_window_remember_corpus      (XinzhiWindow *self,
                                              GFile        *file);
void     _xinzhi_window_forget_corpus        (XinzhiWindow *self,
                                              GFile        *file,
                                              gboolean      gone);
void     _xinzhi_window_open_recent_action   (GtkWidget    *widget,
                                              const char   *action_name,
                                              GVariant     *parameter);

/* ---- xinzhi-window-edit.c: win.accept-quote, win.reject-quote, win.undo, win.redo ------ */

void     _xinzhi_window_edit_init            (XinzhiWindow *self);
void     _xinzhi_window_edit_dispose         (XinzhiWindow *self);
void     _xinzhi_window_update_edit_actions  (XinzhiWindow *self);
void     _xinzhi_window_forget_edits         (XinzhiWindow *self);
void     _xinzhi_window_edit_action          (GtkWidget    *widget,
                                              const char   *action_name,
                                              GVariant     *parameter);
void     _xinzhi_window_undo_action          (GtkWidget    *widget,
                                              const char   *action_name,
                                              GVariant     *parameter);
void     _xinzhi_window_redo_action          (GtkWidget    *widget,
                                              const char   *action_name,
                                              GVariant     *parameter);

/* ---- xinzhi-window-paste.c: win.paste-articles ---------------------------------------- */

void     _xinzhi_window_paste_articles_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter);

/* ---- xinzhi-window-export.c: win.export-data ----------------------------------------- */

void     xinzhi_window_export_data_action (GtkWidget    *widget,
                                           const char   *action_name,
                                           GVariant     *parameter);

gboolean xinzhi_window_export_data        (XinzhiWindow *self,
                                           const char   *kind,
                                           GFile        *file,
                                           GError      **error);

G_END_DECLS

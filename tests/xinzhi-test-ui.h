/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "xinzhi-test-tool.h"
#include "xinzhi-window.h"


void       xinzhi_test_run_for             (guint       ms);
void       xinzhi_test_wait_until_mapped   (GtkWidget  *widget);
void       xinzhi_test_settle              (GtkWidget  *widget);
GtkWidget *xinzhi_test_find_descendant     (GtkWidget  *widget,
                                            GType       type);
GtkWidget *xinzhi_test_find_with_css_class (GtkWidget  *widget,
                                            const char *css_class);
GskRenderNode *xinzhi_test_snapshot        (GtkWidget  *widget,
                                            const char *name);
void       xinzhi_test_save_screenshot     (GtkWidget  *widget,
                                            const char *name);
GtkWidget *xinzhi_test_find_actionable     (GtkWidget  *widget,
                                            const char *action_name);
void       xinzhi_test_destroy_window      (GtkWindow  *window);
AdwApplication *xinzhi_test_new_application (void);
char      *xinzhi_test_dup_tagged_text     (GtkWidget  *widget,
                                            const char *tag_name);
void       xinzhi_test_tolerate_warning    (const char *domain,
                                            const char *prefix);
guint      xinzhi_test_get_n_tolerated     (void);

typedef gboolean (*XinzhiTestWidgetMatch) (GtkWidget     *widget,
                                           gconstpointer  data);

GtkWidget *xinzhi_test_find_matching       (GtkWidget             *widget,
                                            XinzhiTestWidgetMatch  match,
                                            gconstpointer          data);
AdwDialog *xinzhi_test_wait_for_dialog     (GtkWidget             *window);
void       xinzhi_test_wait_for_corpus_file (XinzhiWindow         *window,
                                             XinzhiCorpus         *before);

XinzhiWindow *xinzhi_test_present_window  (AdwApplication        *app,
                                            XinzhiCorpus          *corpus,
                                            int                    width,
                                            int                    height);
XinzhiWindow *xinzhi_test_present_window_with_settings (AdwApplication *app,
                                                        XinzhiCorpus   *corpus,
                                                        GSettings      *settings,
                                                        int             width,
                                                        int             height);
void       xinzhi_test_show_view           (XinzhiWindow          *window,
                                            const char            *view);

/* Shows the view named @view ("timeline", "sectors", "quotes" or "articles") of
 * @window with the same thing selected in it as in the AppStream screenshots, from the
 * built-in corpus @corpus, and returns the view's page. */
GtkWidget *xinzhi_test_show_sample         (XinzhiWindow          *window,
                                            XinzhiCorpus          *corpus,
                                            const char            *view);

/* What a change costs until the next frame shows it, for the benchmarks:
 *
 *   xinzhi_test_frame_timer_start (timer);
 *   … the change …
 *   ms = xinzhi_test_frame_timer_finish (timer, widget);
 */
typedef struct _XinzhiTestFrameTimer XinzhiTestFrameTimer;

AdwApplication       *xinzhi_test_bench_init         (void);

XinzhiTestFrameTimer *xinzhi_test_frame_timer_new    (GtkWidget            *widget);
void                  xinzhi_test_frame_timer_free   (XinzhiTestFrameTimer *self);
void                  xinzhi_test_frame_timer_start  (XinzhiTestFrameTimer *self);
double                xinzhi_test_frame_timer_finish (XinzhiTestFrameTimer *self,
                                                      GtkWidget            *widget);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XinzhiTestFrameTimer, xinzhi_test_frame_timer_free)

/* Call first thing in main() of every UI test.  Lets through, as a message, the one
 * warning GTK gives about its own state on Xvfb (see xinzhi-test-ui.c); every other
 * warning stays fatal.  The UI tests need a display: where there is none (the Flatpak
 * build's sandbox has none), this prints a TAP plan that skips the whole program and
 * exits successfully, so that the suite reports SKIP rather than FAIL. */
void       xinzhi_test_ui_init             (void);

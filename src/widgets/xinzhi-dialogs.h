/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What to do with the file the person chose: @parent is the widget that asked. */
typedef void (*XinzhiDialogsFileFunc) (GtkWidget *parent,
                                       GFile     *file);
/* What to do with the files the person chose (@n_files, at least one). */
typedef void (*XinzhiDialogsFilesFunc) (GtkWidget  *parent,
                                        GFile     **files,
                                        guint       n_files);

GtkFileFilter *xinzhi_dialogs_new_json_filter      (void);
GtkFileDialog *xinzhi_dialogs_new_json_file_dialog (const char   *title);
void           xinzhi_dialogs_open_json_file       (GtkWidget             *parent,
                                                    GtkFileDialog         *dialog,
                                                    GCancellable          *cancellable,
                                                    const char            *error_heading,
                                                    XinzhiDialogsFileFunc  chosen);
void           xinzhi_dialogs_save_file            (GtkWidget             *parent,
                                                    GtkFileDialog         *dialog,
                                                    GCancellable          *cancellable,
                                                    const char            *error_heading,
                                                    XinzhiDialogsFileFunc  chosen);
GtkFileDialog *xinzhi_dialogs_new_articles_file_dialog (const char *title);
void           xinzhi_dialogs_open_files           (GtkWidget             *parent,
                                                    GtkFileDialog         *dialog,
                                                    GCancellable          *cancellable,
                                                    const char            *error_heading,
                                                    XinzhiDialogsFilesFunc chosen);
gboolean       xinzhi_dialogs_is_cancelled         (const GError *error);
void           xinzhi_dialogs_show_alert           (GtkWidget    *parent,
                                                    const char   *heading,
                                                    const char   *body);
void           xinzhi_dialogs_show_error           (GtkWidget    *parent,
                                                    const char   *heading,
                                                    const GError *error);
void           xinzhi_dialogs_toast_saved          (GtkWidget    *parent,
                                                    const char   *message,
                                                    GFile        *file);

G_END_DECLS

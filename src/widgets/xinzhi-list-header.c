/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-list-header.h"

/* The header over a group of a GtkListView: a heading, and a dimmed caption under it.
 * The Sectors list's groups (a group's name over its name in the other language) and
 * the lists a time span divides (XinzhiSpanSections: "Possibly in This Span" over why)
 * both build theirs here, so that the two stay alike; each list's style sheet gives the
 * box, by its CSS class, its room.  The list's header factory makes one in "setup" and
 * sets its labels' text in "bind". */

/**
 * xinzhi_list_header_new:
 * @css_class: the header's style class, for the list's style sheet
 * @wrap_subtitle: whether the caption wraps (a sentence) rather than being cut short
 *   on one line (a name)
 *
 * Returns: (transfer floating): an empty header: a heading over a caption
 */
GtkWidget *
xinzhi_list_header_new (const char *css_class,
                        gboolean    wrap_subtitle)
{
  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *subtitle;

  g_return_val_if_fail (css_class != NULL, NULL);

  /* A caption of several lines stands a little apart from its heading. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, wrap_subtitle ? 2 : 0);
  title = gtk_label_new (NULL);
  subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");

  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  if (wrap_subtitle)
    gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  else
    gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dimmed");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_add_css_class (box, css_class);

  return box;
}

/**
 * xinzhi_list_header_get_title:
 * @header: a header from xinzhi_list_header_new()
 *
 * Returns: (transfer none): its heading
 */
GtkLabel *
xinzhi_list_header_get_title (GtkWidget *header)
{
  g_return_val_if_fail (GTK_IS_BOX (header), NULL);
  return GTK_LABEL (gtk_widget_get_first_child (header));
}

/**
 * xinzhi_list_header_get_subtitle:
 * @header: a header from xinzhi_list_header_new()
 *
 * Returns: (transfer none): its caption, under the heading
 */
GtkLabel *
xinzhi_list_header_get_subtitle (GtkWidget *header)
{
  g_return_val_if_fail (GTK_IS_BOX (header), NULL);
  return GTK_LABEL (gtk_widget_get_last_child (header));
}

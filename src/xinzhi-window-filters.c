/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-window-private.h"

/* ---- Filters ------------------------------------------------------------------------
 *
 * One XinzhiFilter narrows the Timeline, Quotes and Articles views at once; the bar under
 * the header shows a removable chip per value, one for the time span chosen on the
 * timeline, and one while "reviewed only" hides the quotes nobody has reviewed.  Changing the filters is not a place:
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

/* A chip that shows @text and removes the filter named by @kind_name and @id. */
static GtkWidget *
create_chip (const char *text,
             const char *kind_name,
             const char *id)
{
  /* Translators: the accessible name of a button that removes a filter; %s is what
   * the filter keeps, such as a speaker's name */
  g_autofree char *accessible = g_strdup_printf (_("Remove filter: %s"), text);
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
  gtk_actionable_set_action_target (GTK_ACTIONABLE (chip), "(ss)", kind_name, id);

  return chip;
}

static GtkWidget *
create_filter_chip (XinzhiFilterKind kind,
                    gpointer         value)
{
  g_autofree char *text = dup_filter_label (kind, value);
  const char *id = kind == XINZHI_FILTER_SECTOR ? xinzhi_sector_get_id (value)
                   : kind == XINZHI_FILTER_PERSON ? xinzhi_person_get_id (value)
                   : value;

  return create_chip (text, filter_kind_names[kind], id);
}

/* The time span's chip: first, as the widest filter. */
static GtkWidget *
create_span_chip (XinzhiFilter *filter)
{
  g_autofree char *span = xinzhi_filter_dup_span_label (filter);
  /* Translators: a filter chip; %s is a time span, e.g. "Mar 2024 – Jun 2024" */
  g_autofree char *text = g_strdup_printf (_("Dates: %s"), span);

  return create_chip (text, "span", "");
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

void
_xinzhi_window_filter_changed_cb (XinzhiWindow *self)
{
  gboolean empty = xinzhi_filter_is_empty (self->filter);
  guint focused = 0;
  gboolean had_focus = find_focused_chip (self, &focused);
  GtkWidget *child;
  GtkWidget *to_focus = NULL;
  guint i = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips))) != NULL)
    adw_wrap_box_remove (self->filter_chips, child);

  if (xinzhi_filter_get_span (self->filter, NULL, NULL))
    {
      GtkWidget *chip = create_span_chip (self->filter);

      adw_wrap_box_append (self->filter_chips, chip);
      if (had_focus)
        to_focus = chip;
      i++;
    }

  if (xinzhi_filter_get_reviewed_only (self->filter))
    {
      GtkWidget *chip = create_chip (_("Reviewed only"), "reviewed", "");

      adw_wrap_box_append (self->filter_chips, chip);
      if (had_focus && (i <= focused || to_focus == NULL))
        to_focus = chip;
      i++;
    }

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
void
_xinzhi_window_change_filter_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  XinzhiWindow *self = XINZHI_WINDOW (widget);
  XinzhiFilterKind kind;
  gpointer value;
  const char *kind_name;

  /* The span is set on the timeline, and only removed here. */
  g_variant_get (parameter, "(&s&s)", &kind_name, NULL);
  if (g_str_equal (kind_name, "span"))
    {
      if (g_str_equal (action_name, "win.remove-filter"))
        xinzhi_filter_clear_span (self->filter);
      return;
    }
  /* As win.reviewed-only sets it. */
  if (g_str_equal (kind_name, "reviewed"))
    {
      xinzhi_filter_set_reviewed_only (self->filter, g_str_equal (action_name, "win.add-filter"));
      return;
    }

  if (!lookup_filter_value (self, parameter, &kind, &value))
    return;

  if (g_str_equal (action_name, "win.add-filter"))
    xinzhi_filter_add (self->filter, kind, value);
  else
    xinzhi_filter_remove (self->filter, kind, value);
}

void
_xinzhi_window_clear_filters_action (GtkWidget  *widget,
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
void
_xinzhi_window_reveal_item (XinzhiWindow *self,
                            gpointer      item)
{
  AdwToast *toast;

  if (!xinzhi_filter_reveal (self->filter, item))
    return;

  toast = adw_toast_new (_("Filters that hid it were removed"));
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

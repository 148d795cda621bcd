/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-role-row.h"

/* A role or affiliation of a person, verbatim as an article gives it, with the article
 * it comes from: roles change, and each is only as good as its source. */
struct _XinzhiRoleRow
{
  AdwActionRow    parent_instance;

  /* Owned */
  XinzhiDocument *document;
};

G_DEFINE_FINAL_TYPE (XinzhiRoleRow, xinzhi_role_row, ADW_TYPE_ACTION_ROW)

static void
xinzhi_role_row_dispose (GObject *object)
{
  XinzhiRoleRow *self = XINZHI_ROLE_ROW (object);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (xinzhi_role_row_parent_class)->dispose (object);
}

static void
xinzhi_role_row_class_init (XinzhiRoleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xinzhi_role_row_dispose;
}

static void
xinzhi_role_row_init (XinzhiRoleRow *self)
{
  /* Corpus text: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

/**
 * xinzhi_role_row_new:
 * @role: the role, verbatim
 * @document: the article that gives it
 *
 * Returns: (transfer floating): a row showing @role, with the article's title, outlet
 *   and date below it
 */
GtkWidget *
xinzhi_role_row_new (const char     *role,
                     XinzhiDocument *document)
{
  XinzhiRoleRow *self;
  g_autofree char *outlet = NULL;
  g_autofree char *date = NULL;
  g_autofree char *source = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (role != NULL, NULL);
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (document), NULL);

  self = g_object_new (XINZHI_TYPE_ROLE_ROW, NULL);
  self->document = g_object_ref (document);

  g_object_get (document,
                "outlet-label", &outlet,
                "date-label", &date,
                NULL);
  /* Translators: where a role comes from: an article's title, outlet and date */
  source = g_strdup_printf (_("%s — %s, %s"), xinzhi_document_get_title (document), outlet, date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), role);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), source);

  /* A person may hold one role in several articles: the name says which.  The row is
   * labelled by its title label otherwise, which wins over a label of its own. */
  /* Translators: how a screen reader reads a row: its title, then what it shows under
   * the title */
  label = g_strdup_printf (_("%s, %s"), role, source);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return GTK_WIDGET (self);
}

/**
 * xinzhi_role_row_set_removable:
 * @person: the id of the person whose role it is
 * @position: its position among the person's roles (xinzhi_person_get_role())
 *
 * Gives the row a button that removes the role (win.remove-role), for a corpus a
 * person owns.
 */
void
xinzhi_role_row_set_removable (XinzhiRoleRow *self,
                               const char    *person,
                               guint          position)
{
  GtkWidget *button;
  g_autofree char *target = g_strdup_printf ("%u", position);
  g_autofree char *label = NULL;

  g_return_if_fail (XINZHI_IS_ROLE_ROW (self));
  g_return_if_fail (person != NULL);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the tooltip of a button beside a person's role, in a corpus a person
   * owns */
  gtk_widget_set_tooltip_text (button, _("Remove Role"));
  /* An icon alone: a screen reader names the role it removes. */
  /* Translators: how a screen reader names that button; the role is quoted */
  label = g_strdup_printf (_("Remove Role “%s”"),
                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", person, target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.remove-role");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
}

/**
 * xinzhi_role_row_get_document:
 *
 * Returns: (transfer none): the article that gives the role
 */
XinzhiDocument *
xinzhi_role_row_get_document (XinzhiRoleRow *self)
{
  g_return_val_if_fail (XINZHI_IS_ROLE_ROW (self), NULL);
  return self->document;
}

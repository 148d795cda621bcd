/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-glossary-dialog.h"
#include "xinzhi-mention-row.h"

/* The glossary: every concept and sector of the corpus with its English and Chinese
 * names, and a page for each with every rendering (a concept's variants, a sector's
 * terms) and where it occurs, each place a row that opens the article there.  Names and
 * text come from the corpus: they go into plain labels, never parsed as markup. */

/* Places listed at first under a rendering; a button lists the rest. */
#define PLACES_SHOWN 100

struct _XinzhiGlossaryDialog
{
  AdwDialog          parent_instance;

  /* Template widgets */
  AdwNavigationView *navigation_view;
  GtkWidget         *concepts_group;
  GtkListBox        *concepts_list;
  GtkWidget         *sectors_group;
  GtkListBox        *sectors_list;

  /* Owned */
  XinzhiCorpus      *corpus;
  GObject           *item;      /* the concept or sector whose page is shown */
};

G_DEFINE_FINAL_TYPE (XinzhiGlossaryDialog, xinzhi_glossary_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_CORPUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An arrow that says a row leads on; a screen reader need not read it. */
static GtkWidget *
create_arrow (void)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", "go-next-symbolic",
                       "valign", GTK_ALIGN_CENTER,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* ---- The index ---------------------------------------------------------------------- */

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  const char *name, *other;
  guint n_mentions;

  if (XINZHI_IS_CONCEPT (item))
    {
      name = xinzhi_concept_get_display_name (item);
      other = xinzhi_concept_get_other_name (item);
      n_mentions = xinzhi_concept_get_n_mentions (item);
    }
  else
    {
      name = xinzhi_sector_get_display_name (item);
      other = xinzhi_sector_get_other_name (item);
      n_mentions = xinzhi_sector_get_n_mentions (item);
    }

  /* Translators: under a concept or sector in the glossary: its other name (the
   * Chinese one where the English comes first, and the reverse) and how often the
   * articles name it, e.g. “新质生产力 · 30 mentions” */
  subtitle = g_strdup_printf (ngettext ("%s · %u mention", "%s · %u mentions", n_mentions),
                              other != NULL ? other : "", n_mentions);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_arrow ());
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "xinzhi-item", g_object_ref (item), g_object_unref);

  return row;
}

static void
row_activated_cb (XinzhiGlossaryDialog *self,
                  GtkListBoxRow        *row)
{
  GObject *item = g_object_get_data (G_OBJECT (row), "xinzhi-item");

  if (item != NULL)
    xinzhi_glossary_dialog_show_item (self, item);
}

/* ---- A concept's or sector's page --------------------------------------------------- */

/* The mentions of @sector, term by term: a sector's mentions do not say which of its
 * terms each is, but its words do, without regard to ASCII case, as they matched. */
static GPtrArray *
sector_mentions_by_term (XinzhiSector *sector)
{
  const char * const *terms = xinzhi_sector_get_terms (sector);
  GListModel *mentions = xinzhi_sector_get_mentions (sector);
  GPtrArray *by_term = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint t = 0; terms[t] != NULL; t++)
    g_ptr_array_add (by_term, g_list_store_new (XINZHI_TYPE_MENTION));

  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);
      g_autofree char *text = xinzhi_mention_dup_text (mention);

      for (guint t = 0; terms[t] != NULL; t++)
        if (g_ascii_strcasecmp (text, terms[t]) == 0)
          {
            g_list_store_append (g_ptr_array_index (by_term, t), mention);
            break;
          }
    }

  return by_term;
}

static GtkWidget *
create_mention_row (gpointer item,
                    gpointer user_data)
{
  return xinzhi_mention_row_new (XINZHI_MENTION (item));
}

static void
place_activated_cb (XinzhiGlossaryDialog *self,
                    GtkListBoxRow        *row)
{
  /* The row may go with the dialog as it closes. */
  g_autoptr(XinzhiMention) mention = g_object_ref (xinzhi_mention_row_get_mention (XINZHI_MENTION_ROW (row)));
  /* The window it is shown in; the dialog leaves it as it closes. */
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  g_return_if_fail (window != NULL);

  adw_dialog_close (ADW_DIALOG (self));
  gtk_widget_activate_action (window, "win.show-mention", "(suuu)",
                              xinzhi_document_get_id (xinzhi_mention_get_document (mention)),
                              xinzhi_mention_get_paragraph (mention),
                              xinzhi_mention_get_start (mention),
                              xinzhi_mention_get_end (mention));
}

static void
show_all_clicked_cb (GtkButton *button,
                     gpointer   user_data)
{
  GtkSliceListModel *slice = g_object_get_data (G_OBJECT (button), "xinzhi-slice");

  gtk_slice_list_model_set_size (slice, G_MAXUINT);
  gtk_widget_set_visible (GTK_WIDGET (button), FALSE);
}

/* One rendering and the places it occurs. */
static GtkWidget *
create_rendering (XinzhiGlossaryDialog *self,
                  const char           *rendering,
                  GListModel           *places)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  guint n = g_list_model_get_n_items (places);
  g_autofree char *quoted = NULL;
  g_autofree char *count = NULL;
  GtkWidget *heading;

  /* Translators: a rendering of a term, quoted as the text writes it */
  quoted = g_strdup_printf (_("“%s”"), rendering);
  heading = create_label (quoted, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  if (n == 0)
    /* Translators: a sector's term that is never found apart from a longer one */
    count = g_strdup (_("Found only inside a longer term"));
  else
    /* Translators: how many places a rendering occurs in */
    count = g_strdup_printf (ngettext ("%u place", "%u places", n), n);
  gtk_box_append (GTK_BOX (box), create_label (count, "dimmed"));

  if (n > 0)
    {
      GtkSliceListModel *slice = gtk_slice_list_model_new (g_object_ref (places), 0, PLACES_SHOWN);
      GtkWidget *list = gtk_list_box_new ();

      gtk_widget_set_margin_top (list, 6);
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (slice),
                               create_mention_row, NULL, NULL);
      g_signal_connect_object (list, "row-activated",
                               G_CALLBACK (place_activated_cb), self, G_CONNECT_SWAPPED);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                      -1);
      gtk_box_append (GTK_BOX (box), list);

      if (n > PLACES_SHOWN)
        {
          g_autofree char *label = g_strdup_printf (ngettext ("Show All %u Place", "Show All %u Places", n), n);
          GtkWidget *button = gtk_button_new_with_label (label);

          gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "pill");
          g_object_set_data_full (G_OBJECT (button), "xinzhi-slice", g_object_ref (slice), g_object_unref);
          g_signal_connect (button, "clicked", G_CALLBACK (show_all_clicked_cb), NULL);
          gtk_box_append (GTK_BOX (box), button);
        }
      g_object_unref (slice);
    }

  return box;
}

static AdwNavigationPage *
create_item_page (XinzhiGlossaryDialog *self,
                  GObject              *item)
{
  GtkWidget *toolbar_view = adw_toolbar_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *kind = NULL;
  g_autoptr(GPtrArray) places = NULL;
  const char * const *renderings;
  const char *name, *other, *note = NULL;
  AdwNavigationPage *page;

  if (XINZHI_IS_CONCEPT (item))
    {
      XinzhiConcept *concept = XINZHI_CONCEPT (item);

      name = xinzhi_concept_get_display_name (concept);
      other = xinzhi_concept_get_other_name (concept);
      note = xinzhi_concept_get_note (concept);
      renderings = xinzhi_concept_get_variants (concept);
      places = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint v = 0; renderings[v] != NULL; v++)
        g_ptr_array_add (places, g_object_ref (xinzhi_concept_get_variant_mentions (concept, v)));
      /* Translators: what a glossary entry is, with how many articles name it */
      kind = g_strdup_printf (ngettext ("Concept, named in %u article", "Concept, named in %u articles",
                                        xinzhi_concept_get_n_documents (concept)),
                              xinzhi_concept_get_n_documents (concept));
    }
  else
    {
      XinzhiSector *sector = XINZHI_SECTOR (item);

      name = xinzhi_sector_get_display_name (sector);
      other = xinzhi_sector_get_other_name (sector);
      renderings = xinzhi_sector_get_terms (sector);
      places = sector_mentions_by_term (sector);
      /* Translators: what a glossary entry is: a sector, its group's two names (the
       * one shown first, then the other), and how many articles name it */
      kind = g_strdup_printf (ngettext ("Sector in %s (%s), named in %u article",
                                        "Sector in %s (%s), named in %u articles",
                                        xinzhi_sector_get_n_documents (sector)),
                              xinzhi_sector_get_group_display_name (sector),
                              xinzhi_sector_get_group_other_name (sector),
                              xinzhi_sector_get_n_documents (sector));
    }

  /* As the Sectors view and a person's page set a name and the other beside it. */
  gtk_box_append (GTK_BOX (names), create_label (name, "title-1"));
  if (other != NULL)
    {
      GtkWidget *label = create_label (other, "title-3");

      gtk_widget_add_css_class (label, "dimmed");
      gtk_box_append (GTK_BOX (names), label);
    }
  gtk_box_append (GTK_BOX (names), create_label (kind, "dimmed"));
  gtk_box_append (GTK_BOX (box), names);
  if (note != NULL)
    gtk_box_append (GTK_BOX (box), create_label (note, NULL));

  {
    /* Translators: the heading over the renderings of a term and where each occurs */
    GtkWidget *heading = create_label (_("In the Texts"), "title-4");

    gtk_box_append (GTK_BOX (box), heading);
  }
  for (guint r = 0; renderings[r] != NULL; r++)
    gtk_box_append (GTK_BOX (box), create_rendering (self, renderings[r], g_ptr_array_index (places, r)));

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar_view), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar_view), scrolled);

  page = adw_navigation_page_new (toolbar_view, name);
  adw_navigation_page_set_tag (page, "entry");
  return page;
}

/* Only an item's page is ever popped, back to the index. */
static void
navigation_view_popped_cb (XinzhiGlossaryDialog *self,
                           AdwNavigationPage    *page)
{
  g_clear_object (&self->item);
}

/* ---- The class ---------------------------------------------------------------------- */

static void
xinzhi_glossary_dialog_dispose (GObject *object)
{
  XinzhiGlossaryDialog *self = XINZHI_GLOSSARY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_GLOSSARY_DIALOG);
  g_clear_object (&self->item);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (xinzhi_glossary_dialog_parent_class)->dispose (object);
}

static void
xinzhi_glossary_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  XinzhiGlossaryDialog *self = XINZHI_GLOSSARY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_glossary_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  XinzhiGlossaryDialog *self = XINZHI_GLOSSARY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      self->corpus = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_glossary_dialog_constructed (GObject *object)
{
  XinzhiGlossaryDialog *self = XINZHI_GLOSSARY_DIALOG (object);
  GListModel *concepts = xinzhi_corpus_get_concepts (self->corpus);
  GListModel *sectors = xinzhi_corpus_get_sectors (self->corpus);

  G_OBJECT_CLASS (xinzhi_glossary_dialog_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->concepts_list, concepts, create_item_row, NULL, NULL);
  gtk_list_box_bind_model (self->sectors_list, sectors, create_item_row, NULL, NULL);
  gtk_widget_set_visible (self->concepts_group, g_list_model_get_n_items (concepts) > 0);
  gtk_widget_set_visible (self->sectors_group, g_list_model_get_n_items (sectors) > 0);
}

static void
xinzhi_glossary_dialog_class_init (XinzhiGlossaryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_glossary_dialog_dispose;
  object_class->constructed = xinzhi_glossary_dialog_constructed;
  object_class->get_property = xinzhi_glossary_dialog_get_property;
  object_class->set_property = xinzhi_glossary_dialog_set_property;

  properties[PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL,
                         XINZHI_TYPE_CORPUS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xinzhi/Xinzhi/widgets/xinzhi-glossary-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiGlossaryDialog, navigation_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiGlossaryDialog, concepts_group);
  gtk_widget_class_bind_template_child (widget_class, XinzhiGlossaryDialog, concepts_list);
  gtk_widget_class_bind_template_child (widget_class, XinzhiGlossaryDialog, sectors_group);
  gtk_widget_class_bind_template_child (widget_class, XinzhiGlossaryDialog, sectors_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, navigation_view_popped_cb);
}

static void
xinzhi_glossary_dialog_init (XinzhiGlossaryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * xinzhi_glossary_dialog_new:
 * @corpus: the corpus whose concepts and sectors to list
 *
 * Returns: (transfer floating): a new glossary, at its index
 */
XinzhiGlossaryDialog *
xinzhi_glossary_dialog_new (XinzhiCorpus *corpus)
{
  g_return_val_if_fail (XINZHI_IS_CORPUS (corpus), NULL);

  return g_object_new (XINZHI_TYPE_GLOSSARY_DIALOG, "corpus", corpus, NULL);
}

/**
 * xinzhi_glossary_dialog_get_item:
 *
 * Returns: (transfer none) (nullable): the concept or sector whose page is shown, or
 *   %NULL at the index
 */
GObject *
xinzhi_glossary_dialog_get_item (XinzhiGlossaryDialog *self)
{
  g_return_val_if_fail (XINZHI_IS_GLOSSARY_DIALOG (self), NULL);
  return self->item;
}

/**
 * xinzhi_glossary_dialog_show_item:
 * @item: a #XinzhiConcept or #XinzhiSector of the corpus
 *
 * Shows the page of @item, over the index: Back leads to the index.
 */
void
xinzhi_glossary_dialog_show_item (XinzhiGlossaryDialog *self,
                                  GObject              *item)
{
  g_return_if_fail (XINZHI_IS_GLOSSARY_DIALOG (self));
  g_return_if_fail (XINZHI_IS_CONCEPT (item) || XINZHI_IS_SECTOR (item));

  adw_navigation_view_pop_to_tag (self->navigation_view, "index");
  g_set_object (&self->item, item);
  adw_navigation_view_push (self->navigation_view, create_item_page (self, item));
}

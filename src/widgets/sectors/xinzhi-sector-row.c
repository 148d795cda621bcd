/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-palette.h"
#include "xinzhi-sector-row.h"

/* One sector in the list of sectors: its English and (dimmed) Chinese names, and how
 * often the corpus mentions it; with a time span, how often in the span, and apart, how
 * often possibly in it. */
struct _XinzhiSectorRow
{
  AdwBin        parent_instance;

  /* Template widgets */
  GtkLabel     *name_label;
  GtkLabel     *counts_label;

  /* Owned */
  XinzhiSector *sector;
  XinzhiSpanCount span_count;
  gboolean      has_span;
};

G_DEFINE_FINAL_TYPE (XinzhiSectorRow, xinzhi_sector_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SECTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names go into a plain-text label; the Chinese name is dimmed with an attribute,
 * never with markup, since both come from the corpus. */
static void
update_name (XinzhiSectorRow *self)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *text = NULL;
  const char *name_zh;
  XinzhiPalette palette;
  GdkRGBA dim;

  if (self->sector == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      return;
    }

  name_zh = xinzhi_sector_get_other_name (self->sector);
  if (name_zh == NULL || name_zh[0] == '\0')
    {
      gtk_label_set_text (self->name_label, xinzhi_sector_get_display_name (self->sector));
      gtk_label_set_attributes (self->name_label, NULL);
      return;
    }

  text = g_strdup_printf ("%s  %s", xinzhi_sector_get_display_name (self->sector), name_zh);
  xinzhi_palette_init (&palette, GTK_WIDGET (self->name_label));
  dim = xinzhi_palette_alpha (&palette.fg, 0.55f);

  {
    /* As libadwaita's dimmed style. */
    PangoAttribute *attr = pango_attr_foreground_alpha_new ((guint16) (dim.alpha * 65535));

    attr->start_index = strlen (xinzhi_sector_get_display_name (self->sector));
    attr->end_index = strlen (text);
    pango_attr_list_insert (attrs, attr);
  }

  gtk_label_set_text (self->name_label, text);
  gtk_label_set_attributes (self->name_label, attrs);
}

static char *
format_mentions_and_articles (guint n_mentions,
                              guint n_documents)
{
  g_autofree char *mentions = NULL;
  g_autofree char *articles = NULL;

  mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", n_mentions), n_mentions);
  articles = g_strdup_printf (ngettext ("%u article", "%u articles", n_documents), n_documents);

  /* Translators: a sector's counts, “12 mentions · 3 articles” */
  return g_strdup_printf (_("%s · %s"), mentions, articles);
}

static char *
dup_counts (XinzhiSectorRow *self)
{
  if (self->has_span)
    return xinzhi_sector_row_format_span_count (&self->span_count);
  return xinzhi_sector_row_format_counts (self->sector);
}

static void
update_labels (XinzhiSectorRow *self)
{
  g_autofree char *counts = NULL;

  update_name (self);
  if (self->sector != NULL)
    counts = dup_counts (self);
  gtk_label_set_text (self->counts_label, counts ? counts : "");
}

static void
xinzhi_sector_row_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (xinzhi_sector_row_parent_class)->css_changed (widget, change);

  /* The dimmed name follows the text colour of the theme. */
  update_name (XINZHI_SECTOR_ROW (widget));
}

static void
xinzhi_sector_row_dispose (GObject *object)
{
  XinzhiSectorRow *self = XINZHI_SECTOR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_SECTOR_ROW);
  g_clear_object (&self->sector);

  G_OBJECT_CLASS (xinzhi_sector_row_parent_class)->dispose (object);
}

static void
xinzhi_sector_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XinzhiSectorRow *self = XINZHI_SECTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_SECTOR:
      g_value_set_object (value, self->sector);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sector_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XinzhiSectorRow *self = XINZHI_SECTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_SECTOR:
      xinzhi_sector_row_set_sector (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sector_row_class_init (XinzhiSectorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_sector_row_dispose;
  object_class->get_property = xinzhi_sector_row_get_property;
  object_class->set_property = xinzhi_sector_row_set_property;

  widget_class->css_changed = xinzhi_sector_row_css_changed;

  properties[PROP_SECTOR] =
    g_param_spec_object ("sector", NULL, NULL,
                         XINZHI_TYPE_SECTOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-sector-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiSectorRow, counts_label);
}

static void
xinzhi_sector_row_init (XinzhiSectorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xinzhi_sector_row_new (void)
{
  return g_object_new (XINZHI_TYPE_SECTOR_ROW, NULL);
}

/**
 * xinzhi_sector_row_get_sector:
 *
 * Returns: (transfer none) (nullable): the sector the row shows
 */
XinzhiSector *
xinzhi_sector_row_get_sector (XinzhiSectorRow *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR_ROW (self), NULL);
  return self->sector;
}

/**
 * xinzhi_sector_row_dup_accessible_label:
 *
 * Returns: (transfer full): the row as a screen reader should read it, empty when the
 *   row shows no sector
 */
char *
xinzhi_sector_row_dup_accessible_label (XinzhiSectorRow *self)
{
  g_autofree char *counts = NULL;

  g_return_val_if_fail (XINZHI_IS_SECTOR_ROW (self), NULL);

  if (self->sector == NULL)
    return g_strdup ("");

  counts = dup_counts (self);
  /* Translators: how a screen reader reads a sector in the list: name, Chinese name,
   * counts */
  return g_strdup_printf (_("%s, %s, %s"),
                          xinzhi_sector_get_display_name (self->sector),
                          xinzhi_sector_get_other_name (self->sector),
                          counts);
}

void
xinzhi_sector_row_set_sector (XinzhiSectorRow *self,
                              XinzhiSector    *sector)
{
  g_return_if_fail (XINZHI_IS_SECTOR_ROW (self));
  g_return_if_fail (sector == NULL || XINZHI_IS_SECTOR (sector));

  if (!g_set_object (&self->sector, sector))
    return;

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTOR]);
}

/**
 * xinzhi_sector_row_set_span_count:
 * @count: (nullable): the sector's mentions against the time span, or %NULL when no
 *   span is set
 *
 * Shows @count in place of the sector's mentions in the whole corpus.
 */
void
xinzhi_sector_row_set_span_count (XinzhiSectorRow       *self,
                                  const XinzhiSpanCount *count)
{
  g_return_if_fail (XINZHI_IS_SECTOR_ROW (self));

  self->has_span = count != NULL;
  if (count != NULL)
    self->span_count = *count;
  update_labels (self);
}

/**
 * xinzhi_sector_row_format_counts:
 * @sector: a sector
 *
 * Returns: (transfer full): how often the corpus mentions @sector, for display:
 *   “12 mentions · 3 articles”
 */
char *
xinzhi_sector_row_format_counts (XinzhiSector *sector)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR (sector), NULL);

  return format_mentions_and_articles (xinzhi_sector_get_n_mentions (sector),
                                       xinzhi_sector_get_n_documents (sector));
}

/**
 * xinzhi_sector_row_format_span_count:
 * @count: a sector's mentions against a time span
 *
 * Returns: (transfer full): how often the articles in the span mention the sector, and
 *   apart, how often those possibly in it do: “12 mentions · 3 more possibly”, or
 *   “12 mentions · 3 articles” when no article is only possibly in the span
 */
char *
xinzhi_sector_row_format_span_count (const XinzhiSpanCount *count)
{
  g_return_val_if_fail (count != NULL, NULL);

  if (count->n_possibly_mentions > 0)
    /* Translators: a sector's counts while a time span is chosen: the mentions in
     * articles in the span, then those in articles whose dates cannot tell whether
     * they are in it, “12 mentions · 3 more possibly” */
    return g_strdup_printf (ngettext ("%u mention · %u more possibly",
                                      "%u mentions · %u more possibly",
                                      count->n_mentions),
                            count->n_mentions, count->n_possibly_mentions);

  return format_mentions_and_articles (count->n_mentions, count->n_documents);
}

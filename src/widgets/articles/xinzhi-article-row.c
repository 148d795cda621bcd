/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "xinzhi-article-row.h"

/* One article in the list of articles: its outlet, headline and date. */
struct _XinzhiArticleRow
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkLabel       *outlet_label;
  GtkLabel       *title_label;
  GtkLabel       *date_label;

  /* Owned */
  XinzhiDocument *document;
};

G_DEFINE_FINAL_TYPE (XinzhiArticleRow, xinzhi_article_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_labels (XinzhiArticleRow *self)
{
  XinzhiDocument *document = self->document;

  /* Corpus text is set as plain text, never parsed as markup.  The labels are made
   * once on the document: a scrolling list binds rows at every frame. */
  gtk_label_set_text (self->outlet_label,
                      document ? xinzhi_document_get_outlet_label (document) : "");
  gtk_label_set_text (self->title_label, document ? xinzhi_document_get_title (document) : "");
  gtk_label_set_text (self->date_label,
                      document ? xinzhi_document_get_date_label (document) : "");
}

static void
xinzhi_article_row_dispose (GObject *object)
{
  XinzhiArticleRow *self = XINZHI_ARTICLE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_ARTICLE_ROW);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (xinzhi_article_row_parent_class)->dispose (object);
}

static void
xinzhi_article_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XinzhiArticleRow *self = XINZHI_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_article_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XinzhiArticleRow *self = XINZHI_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      xinzhi_article_row_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_article_row_class_init (XinzhiArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_article_row_dispose;
  object_class->get_property = xinzhi_article_row_get_property;
  object_class->set_property = xinzhi_article_row_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         XINZHI_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticleRow, outlet_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiArticleRow, date_label);
}

static void
xinzhi_article_row_init (XinzhiArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
xinzhi_article_row_new (void)
{
  return g_object_new (XINZHI_TYPE_ARTICLE_ROW, NULL);
}

/**
 * xinzhi_article_row_get_document:
 *
 * Returns: (transfer none) (nullable): the article the row shows
 */
XinzhiDocument *
xinzhi_article_row_get_document (XinzhiArticleRow *self)
{
  g_return_val_if_fail (XINZHI_IS_ARTICLE_ROW (self), NULL);
  return self->document;
}

/**
 * xinzhi_article_row_dup_accessible_label:
 *
 * The row as a screen reader should read it: headline, outlet and date, in that
 * order, since the headline is what tells the articles apart.
 *
 * Returns: (transfer full): the label, empty when the row shows no article
 */
char *
xinzhi_article_row_dup_accessible_label (XinzhiArticleRow *self)
{
  g_return_val_if_fail (XINZHI_IS_ARTICLE_ROW (self), NULL);

  if (self->document == NULL)
    return g_strdup ("");

  /* Translators: how a screen reader reads an article in the list: headline, outlet,
   * date */
  return g_strdup_printf (_("%s, %s, %s"),
                          xinzhi_document_get_title (self->document),
                          xinzhi_document_get_outlet_label (self->document),
                          xinzhi_document_get_date_label (self->document));
}

void
xinzhi_article_row_set_document (XinzhiArticleRow *self,
                                 XinzhiDocument   *document)
{
  g_return_if_fail (XINZHI_IS_ARTICLE_ROW (self));
  g_return_if_fail (document == NULL || XINZHI_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-quote.h"
#include "xinzhi-reviewed-filter.h"

/* The filter of a list of quotes that follows the window's "Reviewed Only": when
 * it is on, the quotes the extractor suggested and nobody has reviewed are left out.
 * A person's page and an event's details list their quotes through it; the views with
 * a XinzhiFilter of their own ask that instead. */
struct _XinzhiReviewedFilter
{
  GtkFilter parent_instance;

  gboolean  reviewed_only;
};

G_DEFINE_FINAL_TYPE (XinzhiReviewedFilter, xinzhi_reviewed_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_REVIEWED_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
xinzhi_reviewed_filter_match (GtkFilter *filter,
                              gpointer   item)
{
  XinzhiReviewedFilter *self = XINZHI_REVIEWED_FILTER (filter);

  return !self->reviewed_only || !XINZHI_IS_QUOTE (item) || xinzhi_quote_get_reviewed (item);
}

static GtkFilterMatch
xinzhi_reviewed_filter_get_strictness (GtkFilter *filter)
{
  XinzhiReviewedFilter *self = XINZHI_REVIEWED_FILTER (filter);

  return self->reviewed_only ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

static void
xinzhi_reviewed_filter_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  XinzhiReviewedFilter *self = XINZHI_REVIEWED_FILTER (object);

  switch (prop_id)
    {
    case PROP_REVIEWED_ONLY:
      g_value_set_boolean (value, self->reviewed_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_reviewed_filter_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  XinzhiReviewedFilter *self = XINZHI_REVIEWED_FILTER (object);

  switch (prop_id)
    {
    case PROP_REVIEWED_ONLY:
      xinzhi_reviewed_filter_set_reviewed_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_reviewed_filter_class_init (XinzhiReviewedFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->get_property = xinzhi_reviewed_filter_get_property;
  object_class->set_property = xinzhi_reviewed_filter_set_property;
  filter_class->match = xinzhi_reviewed_filter_match;
  filter_class->get_strictness = xinzhi_reviewed_filter_get_strictness;

  /**
   * XinzhiReviewedFilter:reviewed-only:
   *
   * Whether the quotes nobody has reviewed are left out.
   */
  properties[PROP_REVIEWED_ONLY] =
    g_param_spec_boolean ("reviewed-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xinzhi_reviewed_filter_init (XinzhiReviewedFilter *self)
{
}

/**
 * xinzhi_reviewed_filter_new:
 *
 * Returns: (transfer full): a filter that keeps every quote until "reviewed only" is set
 */
GtkFilter *
xinzhi_reviewed_filter_new (void)
{
  return g_object_new (XINZHI_TYPE_REVIEWED_FILTER, NULL);
}

/**
 * xinzhi_reviewed_filter_get_reviewed_only:
 *
 * Returns: whether the quotes nobody has reviewed are left out
 */
gboolean
xinzhi_reviewed_filter_get_reviewed_only (XinzhiReviewedFilter *self)
{
  g_return_val_if_fail (XINZHI_IS_REVIEWED_FILTER (self), FALSE);
  return self->reviewed_only;
}

/**
 * xinzhi_reviewed_filter_set_reviewed_only:
 * @reviewed_only: whether to leave out the quotes nobody has reviewed
 */
void
xinzhi_reviewed_filter_set_reviewed_only (XinzhiReviewedFilter *self,
                                          gboolean              reviewed_only)
{
  g_return_if_fail (XINZHI_IS_REVIEWED_FILTER (self));

  reviewed_only = !!reviewed_only;
  if (self->reviewed_only == reviewed_only)
    return;

  self->reviewed_only = reviewed_only;
  gtk_filter_changed (GTK_FILTER (self),
                      reviewed_only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWED_ONLY]);
}

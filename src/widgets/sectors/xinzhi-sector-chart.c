/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "xinzhi-palette.h"
#include "xinzhi-sector-chart.h"
#include "xinzhi-sector-chart-private.h"

/* XinzhiSectorChart draws how often a sector is mentioned, month by month, on a real
 * calendar axis: one slot for every month from the corpus's first dated article to its
 * last, so that quiet months show as gaps.  Articles whose date is an estimate count in
 * their month, drawn lighter; articles dated only to a year are never spread over its
 * months but drawn apart, hatched, after the months.
 *
 * With a time span on its filter, a bar counts only the mentions in articles that lie
 * in the span for certain; those in articles that only possibly lie in it (dated too
 * coarsely, or estimated) extend the bar, outlined and hatched, never solid, and those
 * outside count nowhere.  The axis stays the corpus's. */

/* The narrowest a month may be drawn, and the widest a bar, in pixels. */
#define MIN_SLOT_WIDTH 22
#define MAX_BAR_WIDTH 40
/* The space between the months and the year-only bars, in slots. */
#define YEAR_GAP_SLOTS 0.6
#define CHART_HEIGHT 172
/* Below this slot width only the first month of each quarter is labelled. */
#define LABEL_EVERY_MONTH_WIDTH 34

struct _XinzhiSectorChart
{
  GtkWidget           parent_instance;

  /* Owned */
  XinzhiCorpus       *corpus;
  XinzhiSector       *sector;
  XinzhiFilter       *filter;
  XinzhiChartBuckets *buckets;

  int                 hover_slot;
};

G_DEFINE_FINAL_TYPE (XinzhiSectorChart, xinzhi_sector_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_SECTOR,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

static void
count_document (GHashTable        *seen,
                XinzhiChartBucket *bucket,
                XinzhiDocument    *document)
{
  if (g_hash_table_add (seen, document))
    bucket->n_documents++;
}

/**
 * xinzhi_chart_buckets_new:
 * @documents: (nullable): the corpus's articles, which set the axis; %NULL to take the
 *   axis from the mentions' articles alone
 * @mentions: (nullable): the mentions to count
 * @filter: (nullable): a filter whose time span, when it has one, narrows the count
 *
 * Counts @mentions by the calendar month of their article.  The months run from the
 * first month of any article dated to a month or a day to the last, with empty months
 * in between.  Articles dated only to a year make a bucket of that year instead, so a
 * year-precision date is never passed off as a month.  With a span on @filter, the
 * mentions in articles that lie in it for certain count in @n_mentions, those in
 * articles that possibly do in @n_possibly, and the rest not at all.
 *
 * Returns: (transfer full): the buckets
 */
XinzhiChartBuckets *
xinzhi_chart_buckets_new (GListModel   *documents,
                          GListModel   *mentions,
                          XinzhiFilter *filter)
{
  g_autoptr(XinzhiChartBuckets) buckets = g_new0 (XinzhiChartBuckets, 1);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *axis = documents != NULL ? documents : mentions;
  guint first = G_MAXUINT, last = 0;
  guint n_axis = axis != NULL ? g_list_model_get_n_items (axis) : 0;
  guint n_mentions = mentions != NULL ? g_list_model_get_n_items (mentions) : 0;

  g_return_val_if_fail (documents == NULL || G_IS_LIST_MODEL (documents), NULL);
  g_return_val_if_fail (mentions == NULL || G_IS_LIST_MODEL (mentions), NULL);
  g_return_val_if_fail (filter == NULL || XINZHI_IS_FILTER (filter), NULL);

  if (filter != NULL && !xinzhi_filter_get_span (filter, NULL, NULL))
    filter = NULL;

  buckets->months = g_array_new (FALSE, TRUE, sizeof (XinzhiChartBucket));
  buckets->years = g_array_new (FALSE, TRUE, sizeof (XinzhiChartBucket));

  /* The axis: months as year * 12 + month - 1, and the years known only as years. */
  for (guint i = 0; i < n_axis; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (axis, i);
      XinzhiDocument *document;
      const XinzhiDate *date;

      if (XINZHI_IS_MENTION (item))
        document = xinzhi_mention_get_document (XINZHI_MENTION (item));
      else
        document = XINZHI_DOCUMENT (item);
      date = xinzhi_document_get_date (document);

      if (date->precision >= XINZHI_DATE_PRECISION_MONTH)
        {
          guint index = date->year * 12 + date->month - 1;

          first = MIN (first, index);
          last = MAX (last, index);
        }
      else if (date->precision == XINZHI_DATE_PRECISION_YEAR)
        {
          guint year = date->year;
          gboolean known = FALSE;

          for (guint j = 0; j < years->len && !known; j++)
            known = g_array_index (years, guint, j) == year;
          if (!known)
            g_array_append_val (years, year);
        }
    }

  if (first <= last)
    {
      g_array_set_size (buckets->months, last - first + 1);
      for (guint i = 0; i < buckets->months->len; i++)
        {
          XinzhiChartBucket *bucket = &g_array_index (buckets->months, XinzhiChartBucket, i);

          bucket->year = (first + i) / 12;
          bucket->month = (first + i) % 12 + 1;
        }
    }

  g_array_sort (years, compare_uint);
  g_array_set_size (buckets->years, years->len);
  for (guint i = 0; i < years->len; i++)
    g_array_index (buckets->years, XinzhiChartBucket, i).year = g_array_index (years, guint, i);

  for (guint i = 0; i < n_mentions; i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);
      XinzhiDocument *document = xinzhi_mention_get_document (mention);
      const XinzhiDate *date = xinzhi_document_get_date (document);
      XinzhiChartBucket *bucket = NULL;
      XinzhiSpanMatch match = XINZHI_SPAN_IN;

      if (filter != NULL && (match = xinzhi_filter_match_span (filter, document)) == XINZHI_SPAN_OUT)
        continue;

      if (date->precision >= XINZHI_DATE_PRECISION_MONTH && first <= last)
        {
          guint index = date->year * 12 + date->month - 1;

          if (index >= first && index <= last)
            bucket = &g_array_index (buckets->months, XinzhiChartBucket, index - first);
        }
      else if (date->precision == XINZHI_DATE_PRECISION_YEAR)
        {
          for (guint j = 0; j < buckets->years->len && bucket == NULL; j++)
            if (g_array_index (buckets->years, XinzhiChartBucket, j).year == date->year)
              bucket = &g_array_index (buckets->years, XinzhiChartBucket, j);
        }

      /* An article outside the corpus's documents has no place on its axis. */
      if (bucket == NULL)
        continue;

      if (match == XINZHI_SPAN_POSSIBLY)
        {
          bucket->n_possibly++;
          buckets->n_possibly++;
        }
      else
        {
          bucket->n_mentions++;
          if (xinzhi_document_get_date_estimated (document))
            bucket->n_estimated++;
          count_document (seen, bucket, document);
          buckets->n_mentions++;
        }
      buckets->max_mentions = MAX (buckets->max_mentions, bucket->n_mentions + bucket->n_possibly);
    }

  return g_steal_pointer (&buckets);
}

void
xinzhi_chart_buckets_free (XinzhiChartBuckets *buckets)
{
  if (buckets == NULL)
    return;

  g_clear_pointer (&buckets->months, g_array_unref);
  g_clear_pointer (&buckets->years, g_array_unref);
  g_free (buckets);
}

static guint
count_slots (XinzhiSectorChart *self)
{
  if (self->buckets == NULL)
    return 0;

  return self->buckets->months->len + self->buckets->years->len;
}

/* The width of one slot and the x where the year-only bars begin. */
static double
get_slot_width (XinzhiSectorChart *self,
                double            *years_x)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  guint n_months = self->buckets->months->len;
  guint n_years = self->buckets->years->len;
  double n_slots = n_months + (n_years > 0 ? n_years + (n_months > 0 ? YEAR_GAP_SLOTS : 0) : 0);
  double slot = n_slots > 0 ? width / n_slots : width;

  if (years_x != NULL)
    *years_x = (n_months + (n_months > 0 ? YEAR_GAP_SLOTS : 0)) * slot;

  return slot;
}

/* The slot at @x: months first, then the years; -1 for none. */
static int
slot_at (XinzhiSectorChart *self,
         double             x)
{
  double years_x;
  double slot;

  if (count_slots (self) == 0)
    return -1;

  slot = get_slot_width (self, &years_x);
  if (x < self->buckets->months->len * slot)
    return x < 0 ? -1 : (int) (x / slot);
  if (x >= years_x && x < years_x + self->buckets->years->len * slot)
    return self->buckets->months->len + (int) ((x - years_x) / slot);

  return -1;
}

static const XinzhiChartBucket *
get_bucket (XinzhiSectorChart *self,
            guint              slot)
{
  guint n_months = self->buckets->months->len;

  if (slot < n_months)
    return &g_array_index (self->buckets->months, XinzhiChartBucket, slot);
  return &g_array_index (self->buckets->years, XinzhiChartBucket, slot - n_months);
}

static char *
format_bucket_date (const XinzhiChartBucket *bucket)
{
  XinzhiDate date = {
    .year = bucket->year,
    .month = bucket->month,
    .precision = bucket->month > 0 ? XINZHI_DATE_PRECISION_MONTH : XINZHI_DATE_PRECISION_YEAR,
  };

  return xinzhi_date_format (&date);
}

static char *
format_short_month (guint year,
                    guint month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  /* Translators: a month's abbreviated name under a bar of the chart, as a strftime
   * format */
  return g_date_time_format (dt, C_("chart month", "%b"));
}

/* The sentence, in the tooltip and the description, about mentions possibly in the
 * span. */
static char *
format_possibly (guint n_possibly)
{
  /* Translators: in the chart's tooltip and description, while a time span is chosen */
  return g_strdup_printf (ngettext ("%u more mention is possibly in the time span: the date "
                                    "of its article cannot tell.",
                                    "%u more mentions are possibly in the time span: the "
                                    "dates of their articles cannot tell.",
                                    n_possibly),
                          n_possibly);
}

static void
update_accessible (XinzhiSectorChart *self)
{
  g_autoptr(GString) months = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  GArray *array;

  if (self->buckets == NULL || count_slots (self) == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  array = self->buckets->months;
  for (guint i = 0; i < array->len; i++)
    {
      const XinzhiChartBucket *bucket = &g_array_index (array, XinzhiChartBucket, i);
      g_autofree char *date = NULL;

      if (bucket->n_mentions == 0)
        continue;

      date = format_bucket_date (bucket);
      if (months->len > 0)
        /* Translators: the separator between months in the chart's description */
        g_string_append (months, _("; "));
      /* Translators: a month in the chart's description: the month, the mentions */
      g_string_append_printf (months, _("%s: %u"), date, bucket->n_mentions);
    }

  if (array->len > 0)
    {
      const XinzhiChartBucket *first = &g_array_index (array, XinzhiChartBucket, 0);
      const XinzhiChartBucket *last = &g_array_index (array, XinzhiChartBucket, array->len - 1);
      g_autofree char *from = format_bucket_date (first);
      g_autofree char *to = format_bucket_date (last);

      /* Translators: the chart read aloud: first month, last month, then the months
       * with mentions and their counts (or “none”) */
      g_string_append_printf (description, _("Mentions per month from %s to %s: %s."),
                              from, to, months->len > 0 ? months->str : _("none"));
    }

  array = self->buckets->years;
  for (guint i = 0; i < array->len; i++)
    {
      const XinzhiChartBucket *bucket = &g_array_index (array, XinzhiChartBucket, i);

      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append_printf (description,
                              /* Translators: mentions in articles whose date is known only
                               * to the year; %u are the year and the count */
                              _("In articles dated only to the year %u: %u."),
                              bucket->year, bucket->n_mentions);
    }

  if (self->buckets->n_possibly > 0)
    {
      g_autofree char *possibly = format_possibly (self->buckets->n_possibly);

      g_string_append_c (description, ' ');
      g_string_append (description, possibly);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

static void
update_buckets (XinzhiSectorChart *self)
{
  GListModel *documents = self->corpus ? xinzhi_corpus_get_documents (self->corpus) : NULL;
  GListModel *mentions = self->sector ? xinzhi_sector_get_mentions (self->sector) : NULL;

  g_clear_pointer (&self->buckets, xinzhi_chart_buckets_free);
  if (documents != NULL || mentions != NULL)
    self->buckets = xinzhi_chart_buckets_new (documents, mentions, self->filter);

  self->hover_slot = -1;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
style_changed_cb (XinzhiSectorChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (XinzhiSectorChart        *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  int slot = slot_at (self, x);

  if (slot != self->hover_slot)
    {
      self->hover_slot = slot;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (XinzhiSectorChart        *self,
          GtkEventControllerMotion *controller)
{
  if (self->hover_slot != -1)
    {
      self->hover_slot = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
query_tooltip_cb (XinzhiSectorChart *self,
                  int                x,
                  int                y,
                  gboolean           keyboard_mode,
                  GtkTooltip        *tooltip)
{
  const XinzhiChartBucket *bucket;
  g_autofree char *date = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *text = NULL;
  int slot;

  if (keyboard_mode || (slot = slot_at (self, x)) < 0)
    return FALSE;

  bucket = get_bucket (self, slot);
  date = format_bucket_date (bucket);

  if (bucket->n_mentions == 0 && bucket->n_possibly == 0)
    /* Translators: tooltip of an empty month of the chart; %s is the month */
    text = g_strdup_printf (_("%s: no mentions"), date);
  else
    {
      g_autofree char *mentions = NULL;
      g_autofree char *articles = NULL;

      mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", bucket->n_mentions),
                                  bucket->n_mentions);
      articles = g_strdup_printf (ngettext ("%u article", "%u articles", bucket->n_documents),
                                  bucket->n_documents);
      /* Translators: tooltip of a bar: the month, “3 mentions”, “2 articles” */
      text = g_strdup_printf (_("%s: %s in %s"), date, mentions, articles);
    }

  if (bucket->month == 0)
    counts = g_strdup (_("These articles are dated only to the year."));
  else if (bucket->n_estimated > 0)
    counts = g_strdup_printf (ngettext ("%u mention is in an article whose month is estimated.",
                                        "%u mentions are in articles whose month is estimated.",
                                        bucket->n_estimated),
                              bucket->n_estimated);

  if (counts != NULL)
    {
      g_autofree char *both = g_strconcat (text, "\n", counts, NULL);

      g_free (text);
      text = g_steal_pointer (&both);
    }

  if (bucket->n_possibly > 0)
    {
      g_autofree char *possibly = format_possibly (bucket->n_possibly);
      g_autofree char *both = NULL;

      both = g_strconcat (text, "\n", possibly, NULL);
      g_free (text);
      text = g_steal_pointer (&both);
    }

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static PangoLayout *
create_label_layout (XinzhiSectorChart *self,
                     const char        *text,
                     gboolean           bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  /* As libadwaita's caption style: smaller, with figures of one width. */
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.8333));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

static void
draw_label (GtkSnapshot   *snapshot,
            PangoLayout   *layout,
            double         center_x,
            double         y,
            const GdkRGBA *color)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (center_x - width / 2.0), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static int
get_line_height (XinzhiSectorChart *self)
{
  g_autoptr(PangoLayout) layout = create_label_layout (self, "0", FALSE);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* A bar with rounded top corners: solid for dated mentions, lighter above for mentions
 * in articles whose month is estimated, or hatched for a year-only bucket. */
static void
draw_bar (GtkSnapshot             *snapshot,
          const XinzhiChartBucket *bucket,
          const graphene_rect_t   *bar,
          double                   unit,
          const GdkRGBA           *accent,
          gboolean                 high_contrast)
{
  GskRoundedRect outline;
  graphene_size_t corner = GRAPHENE_SIZE_INIT (3, 3);
  graphene_size_t square = GRAPHENE_SIZE_INIT (0, 0);

  gsk_rounded_rect_init (&outline, bar, &corner, &corner, &square, &square);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);

  if (bucket->month == 0)
    {
      GskColorStop stops[] = {
        { 0.0f, xinzhi_palette_alpha (accent, 0.85f) },
        { 0.45f, xinzhi_palette_alpha (accent, 0.85f) },
        { 0.45f, xinzhi_palette_alpha (accent, 0.15f) },
        { 1.0f, xinzhi_palette_alpha (accent, 0.15f) },
      };

      gtk_snapshot_append_repeating_linear_gradient (snapshot, bar,
                                                     &GRAPHENE_POINT_INIT (bar->origin.x, bar->origin.y),
                                                     &GRAPHENE_POINT_INIT (bar->origin.x + 4, bar->origin.y + 4),
                                                     stops, G_N_ELEMENTS (stops));
    }
  else
    {
      double estimated = bucket->n_estimated * unit;
      GdkRGBA light = xinzhi_palette_alpha (accent, high_contrast ? 0.55f : 0.4f);

      gtk_snapshot_append_color (snapshot, accent,
                                 &GRAPHENE_RECT_INIT (bar->origin.x, bar->origin.y + estimated,
                                                      bar->size.width,
                                                      bar->size.height - estimated));
      if (estimated > 0)
        gtk_snapshot_append_color (snapshot, &light,
                                   &GRAPHENE_RECT_INIT (bar->origin.x, bar->origin.y,
                                                        bar->size.width, estimated));
    }

  gtk_snapshot_pop (snapshot);

  if (bucket->month == 0 || bucket->n_estimated > 0)
    {
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA colors[4] = { *accent, *accent, *accent, *accent };

      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

/* The mentions possibly in the span, on top of the bar of those in it: faint, hatched
 * the other way from a year-only bar, and outlined, so that it never reads as part of
 * the solid bar. */
static void
draw_possibly (GtkSnapshot           *snapshot,
               const graphene_rect_t *bar,
               const GdkRGBA         *accent,
               gboolean               high_contrast)
{
  GskRoundedRect outline;
  graphene_size_t corner = GRAPHENE_SIZE_INIT (3, 3);
  graphene_size_t square = GRAPHENE_SIZE_INIT (0, 0);
  float alpha = high_contrast ? 0.7f : 0.5f;
  GskColorStop stops[] = {
    { 0.0f, xinzhi_palette_alpha (accent, alpha) },
    { 0.3f, xinzhi_palette_alpha (accent, alpha) },
    { 0.3f, xinzhi_palette_alpha (accent, 0.08f) },
    { 1.0f, xinzhi_palette_alpha (accent, 0.08f) },
  };
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA border = xinzhi_palette_alpha (accent, high_contrast ? 1.0f : 0.8f);
  GdkRGBA colors[4] = { border, border, border, border };

  gsk_rounded_rect_init (&outline, bar, &corner, &corner, &square, &square);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_repeating_linear_gradient (snapshot, bar,
                                                 &GRAPHENE_POINT_INIT (bar->origin.x + 5, bar->origin.y),
                                                 &GRAPHENE_POINT_INIT (bar->origin.x + 1, bar->origin.y + 4),
                                                 stops, G_N_ELEMENTS (stops));
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
xinzhi_sector_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  XinzhiSectorChart *self = XINZHI_SECTOR_CHART (widget);
  XinzhiPalette palette;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  guint n_months, n_slots;
  double slot, years_x, plot_top, plot_bottom, unit;
  int line_height;
  GdkRGBA fg, dim, faint;
  gboolean every_month;

  if ((n_slots = count_slots (self)) == 0)
    return;

  xinzhi_palette_init (&palette, widget);
  fg = palette.fg;
  dim = xinzhi_palette_get_dim (&palette);
  faint = xinzhi_palette_alpha (&fg, palette.high_contrast ? 0.4f : 0.15f);

  n_months = self->buckets->months->len;
  line_height = get_line_height (self);
  slot = get_slot_width (self, &years_x);
  plot_top = line_height + 6;
  plot_bottom = height - 2 * line_height - 10;
  unit = (plot_bottom - plot_top) / MAX (self->buckets->max_mentions, 1);
  every_month = slot >= LABEL_EVERY_MONTH_WIDTH;

  for (guint i = 0; i < n_slots; i++)
    {
      const XinzhiChartBucket *bucket = get_bucket (self, i);
      double x = i < n_months ? i * slot : years_x + (i - n_months) * slot;
      double bar_width = MIN (slot * 0.62, MAX_BAR_WIDTH);
      double center = x + slot / 2;
      double bar_height = bucket->n_mentions * unit;
      double possibly_height = bucket->n_possibly * unit;

      if ((int) i == self->hover_slot)
        {
          GdkRGBA hover = xinzhi_palette_alpha (&fg, 0.06f);

          gtk_snapshot_append_color (snapshot, &hover,
                                     &GRAPHENE_RECT_INIT (x + 1, 0, slot - 2, plot_bottom));
        }

      if (bucket->n_mentions > 0 || bucket->n_possibly > 0)
        {
          g_autofree char *value = NULL;
          g_autoptr(PangoLayout) layout = NULL;

          if (bucket->n_possibly > 0)
            /* Translators: above a bar while a time span is chosen: the mentions in the
             * span, then those possibly in it; keep it short */
            value = g_strdup_printf (C_("chart", "%u+%u"), bucket->n_mentions, bucket->n_possibly);
          else
            value = g_strdup_printf ("%u", bucket->n_mentions);
          layout = create_label_layout (self, value, FALSE);

          if (bucket->n_mentions > 0)
            draw_bar (snapshot, bucket,
                      &GRAPHENE_RECT_INIT (center - bar_width / 2, plot_bottom - bar_height,
                                           bar_width, bar_height),
                      unit, &palette.accent_bg, palette.high_contrast);
          if (bucket->n_possibly > 0)
            draw_possibly (snapshot,
                           &GRAPHENE_RECT_INIT (center - bar_width / 2,
                                                plot_bottom - bar_height - possibly_height,
                                                bar_width, possibly_height),
                           &palette.accent_bg, palette.high_contrast);
          draw_label (snapshot, layout, center,
                      plot_bottom - bar_height - possibly_height - line_height - 2, &fg);
        }

      /* Labels: every month when there is room, else the first of each quarter; the year
       * under the first month shown and under each January. */
      if (bucket->month == 0)
        {
          g_autofree char *year = g_strdup_printf ("%u", bucket->year);
          g_autoptr(PangoLayout) year_layout = create_label_layout (self, year, FALSE);
          /* Translators: under a bar of mentions in articles dated only to a year; keep
           * it short */
          g_autoptr(PangoLayout) note_layout = create_label_layout (self, C_("chart", "year only"),
                                                                    FALSE);

          draw_label (snapshot, year_layout, center, plot_bottom + 4, &dim);
          draw_label (snapshot, note_layout, center, plot_bottom + 4 + line_height, &dim);
        }
      else if (every_month || i == 0 || (bucket->month - 1) % 3 == 0)
        {
          g_autofree char *month = format_short_month (bucket->year, bucket->month);
          g_autoptr(PangoLayout) layout = create_label_layout (self, month, FALSE);

          draw_label (snapshot, layout, center, plot_bottom + 4, &dim);

          if (i == 0 || bucket->month == 1)
            {
              g_autofree char *year = g_strdup_printf ("%u", bucket->year);
              g_autoptr(PangoLayout) year_layout = create_label_layout (self, year, TRUE);

              draw_label (snapshot, year_layout, center, plot_bottom + 4 + line_height, &dim);
            }
        }

      /* A tick between years. */
      if (i > 0 && i < n_months && bucket->month == 1)
        gtk_snapshot_append_color (snapshot, &faint,
                                   &GRAPHENE_RECT_INIT (x, plot_top, 1, plot_bottom - plot_top + 4));
    }

  /* The baselines, and a rule that keeps the year-only bars apart from the months. */
  if (n_months > 0)
    gtk_snapshot_append_color (snapshot, &faint,
                               &GRAPHENE_RECT_INIT (0, plot_bottom, n_months * slot, 1));
  if (self->buckets->years->len > 0)
    {
      gtk_snapshot_append_color (snapshot, &faint,
                                 &GRAPHENE_RECT_INIT (years_x, plot_bottom,
                                                      width - years_x, 1));
      if (n_months > 0)
        {
          double rule_x = round ((n_months * slot + years_x) / 2);

          for (double y = plot_top; y < plot_bottom; y += 6)
            gtk_snapshot_append_color (snapshot, &faint,
                                       &GRAPHENE_RECT_INIT (rule_x, y, 1,
                                                            MIN (3, plot_bottom - y)));
        }
    }
}

static void
xinzhi_sector_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  XinzhiSectorChart *self = XINZHI_SECTOR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      guint n_slots = count_slots (self);

      *minimum = (int) ceil ((n_slots + YEAR_GAP_SLOTS) * MIN_SLOT_WIDTH);
      *natural = MAX (*minimum, (int) ((n_slots + YEAR_GAP_SLOTS) * 2 * MAX_BAR_WIDTH));
    }
  else
    {
      *minimum = *natural = CHART_HEIGHT;
    }
}

static void
xinzhi_sector_chart_dispose (GObject *object)
{
  XinzhiSectorChart *self = XINZHI_SECTOR_CHART (object);

  g_clear_object (&self->corpus);
  g_clear_object (&self->sector);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->buckets, xinzhi_chart_buckets_free);

  G_OBJECT_CLASS (xinzhi_sector_chart_parent_class)->dispose (object);
}

static void
xinzhi_sector_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XinzhiSectorChart *self = XINZHI_SECTOR_CHART (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;
    case PROP_SECTOR:
      g_value_set_object (value, self->sector);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sector_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XinzhiSectorChart *self = XINZHI_SECTOR_CHART (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      xinzhi_sector_chart_set_corpus (self, g_value_get_object (value));
      break;
    case PROP_SECTOR:
      xinzhi_sector_chart_set_sector (self, g_value_get_object (value));
      break;
    case PROP_FILTER:
      xinzhi_sector_chart_set_filter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sector_chart_class_init (XinzhiSectorChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_sector_chart_dispose;
  object_class->get_property = xinzhi_sector_chart_get_property;
  object_class->set_property = xinzhi_sector_chart_set_property;

  widget_class->snapshot = xinzhi_sector_chart_snapshot;
  widget_class->measure = xinzhi_sector_chart_measure;

  properties[PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL,
                         XINZHI_TYPE_CORPUS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTOR] =
    g_param_spec_object ("sector", NULL, NULL,
                         XINZHI_TYPE_SECTOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiSectorChart:filter:
   *
   * The filter whose time span narrows the bars; its other kinds play no part.
   */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         XINZHI_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "sector-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
xinzhi_sector_chart_init (XinzhiSectorChart *self)
{
  GtkEventController *motion;

  self->hover_slot = -1;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  /* The bars take the accent colour, which the style manager knows. */
  xinzhi_palette_watch (GTK_WIDGET (self), G_CALLBACK (style_changed_cb));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mentions per month"),
                                  -1);
}

GtkWidget *
xinzhi_sector_chart_new (void)
{
  return g_object_new (XINZHI_TYPE_SECTOR_CHART, NULL);
}

/**
 * xinzhi_sector_chart_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus whose articles set the axis
 */
XinzhiCorpus *
xinzhi_sector_chart_get_corpus (XinzhiSectorChart *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR_CHART (self), NULL);
  return self->corpus;
}

/**
 * xinzhi_sector_chart_get_sector:
 *
 * Returns: (transfer none) (nullable): the sector whose mentions are counted
 */
XinzhiSector *
xinzhi_sector_chart_get_sector (XinzhiSectorChart *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR_CHART (self), NULL);
  return self->sector;
}

/**
 * xinzhi_sector_chart_get_filter:
 *
 * Returns: (transfer none) (nullable): the filter whose time span narrows the bars
 */
XinzhiFilter *
xinzhi_sector_chart_get_filter (XinzhiSectorChart *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR_CHART (self), NULL);
  return self->filter;
}

/**
 * xinzhi_sector_chart_get_counts:
 * @n_mentions: (out) (optional): the mentions the bars count: in the span for certain,
 *   when the filter has one
 * @n_possibly: (out) (optional): the mentions possibly in the span
 *
 * What the chart shows, in all.
 */
void
xinzhi_sector_chart_get_counts (XinzhiSectorChart *self,
                                guint             *n_mentions,
                                guint             *n_possibly)
{
  g_return_if_fail (XINZHI_IS_SECTOR_CHART (self));

  if (n_mentions != NULL)
    *n_mentions = self->buckets ? self->buckets->n_mentions : 0;
  if (n_possibly != NULL)
    *n_possibly = self->buckets ? self->buckets->n_possibly : 0;
}

/**
 * xinzhi_sector_chart_dup_note:
 *
 * A legend for what is not plain in the bars: lighter parts for estimated months,
 * hatched bars for articles dated only to a year.
 *
 * Returns: (transfer full) (nullable): the note, or %NULL when the chart needs none
 */
char *
xinzhi_sector_chart_dup_note (XinzhiSectorChart *self)
{
  g_autoptr(GString) note = g_string_new (NULL);
  gboolean estimated = FALSE;

  g_return_val_if_fail (XINZHI_IS_SECTOR_CHART (self), NULL);

  if (self->buckets == NULL)
    return NULL;

  for (guint i = 0; i < self->buckets->months->len; i++)
    estimated |= g_array_index (self->buckets->months, XinzhiChartBucket, i).n_estimated > 0;

  if (estimated)
    g_string_append (note, _("Lighter parts of a bar are mentions in articles whose month is "
                             "estimated."));

  if (self->buckets->n_possibly > 0)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append (note, _("The outlined, hatched part above a bar counts mentions possibly in "
                               "the time span: their articles’ dates are too coarse, or only "
                               "estimated, to tell. The solid bar counts only those in it for "
                               "certain."));
    }

  if (self->buckets->years->len > 0)
    {
      if (note->len > 0)
        g_string_append_c (note, ' ');
      g_string_append (note, _("“Year only” counts the mentions in articles whose date is known "
                               "only to the year, hatched and set apart: they are not placed in "
                               "any month."));
    }

  return note->len > 0 ? g_string_free (g_steal_pointer (&note), FALSE) : NULL;
}

void
xinzhi_sector_chart_set_corpus (XinzhiSectorChart *self,
                                XinzhiCorpus      *corpus)
{
  g_return_if_fail (XINZHI_IS_SECTOR_CHART (self));
  g_return_if_fail (corpus == NULL || XINZHI_IS_CORPUS (corpus));

  if (!g_set_object (&self->corpus, corpus))
    return;

  update_buckets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
}

void
xinzhi_sector_chart_set_sector (XinzhiSectorChart *self,
                                XinzhiSector      *sector)
{
  g_return_if_fail (XINZHI_IS_SECTOR_CHART (self));
  g_return_if_fail (sector == NULL || XINZHI_IS_SECTOR (sector));

  if (!g_set_object (&self->sector, sector))
    return;

  update_buckets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTOR]);
}

/**
 * xinzhi_sector_chart_set_filter:
 * @filter: (nullable): a filter whose time span narrows the bars, or %NULL for an
 *   empty one of its own
 *
 * Counts only the mentions in articles in @filter's span, apart those possibly in it,
 * and follows its changes.
 */
void
xinzhi_sector_chart_set_filter (XinzhiSectorChart *self,
                                XinzhiFilter      *filter)
{
  g_return_if_fail (XINZHI_IS_SECTOR_CHART (self));
  g_return_if_fail (filter == NULL || XINZHI_IS_FILTER (filter));

  if (filter != NULL && filter == self->filter)
    return;

  xinzhi_filter_follow (&self->filter, filter, G_CALLBACK (update_buckets), self);
  update_buckets (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

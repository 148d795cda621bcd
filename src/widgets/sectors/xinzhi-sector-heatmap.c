/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "xinzhi-palette.h"
#include "xinzhi-sector-heatmap.h"
#include "xinzhi-sector-heatmap-private.h"
#include "xinzhi-view.h"

/* XinzhiSectorHeatmap: sectors × articles.  A row for each sector, grouped and in the
 * order of the model it is given (the Sectors list's own order), a column for each
 * article by date; a cell's shade and number say how often the article mentions the
 * sector.  It scrolls itself (GtkScrollable), so that the sector names and the article
 * headers stay in view while the cells move under them.  The arrow keys move a cell
 * cursor; Enter, a click or a tap activates a cell.
 *
 * With a time span on its filter, every article keeps its column, so that the map's
 * shape stays put, but the columns say where each article falls: those in the span are
 * underlined in the accent colour, those only possibly in it (dated too coarsely, or
 * estimated) underlined with dashes, and those outside it dimmed.  Each column is one
 * article, so a column is never partly in the span. */

G_DEFINE_FINAL_TYPE_WITH_CODE (XinzhiSectorHeatmap, xinzhi_sector_heatmap, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_SECTORS,
  PROP_DOCUMENTS,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SIGNAL_CELL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Oldest first: the model's one order of documents. */
static int
compare_documents (gconstpointer a,
                   gconstpointer b)
{
  return xinzhi_document_compare (*(XinzhiDocument **) a, *(XinzhiDocument **) b);
}

guint
_xinzhi_sector_heatmap_n_columns (XinzhiSectorHeatmap *self)
{
  return self->columns->len;
}

/* Counts each sector's mentions in each article, the first time a count is needed
 * after the rows or columns changed: the heat map is not on screen when the Sectors
 * view opens, and a large corpus has millions of cells. */
void
_xinzhi_sector_heatmap_ensure_counts (XinzhiSectorHeatmap *self)
{
  if (self->counts != NULL)
    return;

  self->counts = g_new0 (guint, MAX (1, self->rows->len * _xinzhi_sector_heatmap_n_columns (self)));
  self->max_count = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      XinzhiSector *sector = g_ptr_array_index (self->rows, i);

      /* Counted by document without making the sector's mention objects. */
      for (guint j = 0; j < xinzhi_sector_get_n_mentions (sector); j++)
        {
          guint column = GPOINTER_TO_UINT (g_hash_table_lookup (self->column_of,
                                                                xinzhi_sector_get_mention_document (sector, j)));
          guint *cell;

          if (column == 0)
            continue;

          cell = &self->counts[i * _xinzhi_sector_heatmap_n_columns (self) + column - 1];
          (*cell)++;
          self->max_count = MAX (self->max_count, *cell);
        }
    }
}

/* Where each article falls against the span, asked the first time a column is drawn
 * after the columns or the span changed: once per article. */
XinzhiSpanMatch
_xinzhi_sector_heatmap_get_column_match (XinzhiSectorHeatmap *self,
                                         guint                column)
{
  guint n_columns = _xinzhi_sector_heatmap_n_columns (self);

  if (self->filter == NULL || !xinzhi_filter_get_span (self->filter, NULL, NULL))
    return XINZHI_SPAN_IN;

  if (self->column_matches == NULL)
    {
      self->column_matches = g_new0 (guint8, MAX (1, n_columns));
      for (guint i = 0; i < n_columns; i++)
        self->column_matches[i] = xinzhi_filter_match_span (self->filter,
                                                            g_ptr_array_index (self->columns, i));
    }

  return self->column_matches[column];
}

/* Adds to a tooltip a line about where the article of @column falls, unless it lies
 * in the span or none is set. */
static void
append_span_line (XinzhiSectorHeatmap  *self,
                  guint                 column,
                  char                **text)
{
  const char *line;
  char *longer;

  switch (_xinzhi_sector_heatmap_get_column_match (self, column))
    {
    case XINZHI_SPAN_POSSIBLY:
      line = _("Possibly in the time span: the article’s date cannot tell.");
      break;
    case XINZHI_SPAN_OUT:
      line = _("Outside the time span.");
      break;
    case XINZHI_SPAN_IN:
    default:
      return;
    }

  longer = g_strdup_printf ("%s\n%s", *text, line);
  g_free (*text);
  *text = longer;
}

guint
_xinzhi_sector_heatmap_get_cell (XinzhiSectorHeatmap *self,
                                 guint                row,
                                 guint                column)
{
  _xinzhi_sector_heatmap_ensure_counts (self);
  return self->counts[row * _xinzhi_sector_heatmap_n_columns (self) + column];
}

char *
_xinzhi_sector_heatmap_format_short_date (XinzhiDocument *document)
{
  const XinzhiDate *date = xinzhi_document_get_date (document);
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  if (date->precision == XINZHI_DATE_PRECISION_NONE)
    return g_strdup ("");

  dt = g_date_time_new_utc (date->year, MAX (date->month, 1), MAX (date->day, 1), 0, 0, 0);
  switch (date->precision)
    {
    case XINZHI_DATE_PRECISION_DAY:
      /* Translators: a date in a column header of the heat map, as a strftime format */
      text = g_date_time_format (dt, C_("short date format", "%-d %b %Y"));
      break;
    case XINZHI_DATE_PRECISION_MONTH:
      /* Translators: a month in a column header of the heat map, as a strftime format */
      text = g_date_time_format (dt, C_("short date format", "%b %Y"));
      break;
    case XINZHI_DATE_PRECISION_YEAR:
    case XINZHI_DATE_PRECISION_NONE:
    default:
      text = g_strdup_printf ("%u", date->year);
      break;
    }

  if (xinzhi_document_get_date_estimated (document))
    /* Translators: a short date the text does not state, estimated; keep it short */
    return g_strdup_printf (_("%s (est.)"), text);

  return g_steal_pointer (&text);
}

static char *
dup_outlet (XinzhiDocument *document)
{
  char *outlet = NULL;

  g_object_get (document, "outlet-label", &outlet, NULL);
  return outlet;
}

/* A column's heading: the outlet, or the headline when the text names no outlet, which
 * tells the columns apart better than "Outlet not named" would. */
const char *
_xinzhi_sector_heatmap_get_column_label (XinzhiDocument *document,
                                         gboolean       *is_outlet)
{
  const char *outlet = xinzhi_document_get_outlet (document);

  *is_outlet = outlet != NULL && outlet[0] != '\0';
  return *is_outlet ? outlet : xinzhi_document_get_title (document);
}

PangoLayout *
_xinzhi_sector_heatmap_create_layout (XinzhiSectorHeatmap *self,
                                      const char          *text,
                                      gboolean             caption,
                                      gboolean             bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  if (caption)
    pango_attr_list_insert (attrs, pango_attr_scale_new (0.8333));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

/* "Name 中文名", the Chinese name dimmed; corpus text, so never markup.  @dim_alpha of 0
 * leaves the colour alone, for measuring. */
PangoLayout *
_xinzhi_sector_heatmap_create_name_layout (XinzhiSectorHeatmap *self,
                                           const char          *name,
                                           const char          *name_zh,
                                           gboolean             bold,
                                           double               dim_alpha)
{
  g_autofree char *text = NULL;
  PangoLayout *layout;
  PangoAttrList *attrs;

  if (name_zh != NULL && name_zh[0] != '\0')
    text = g_strdup_printf ("%s  %s", name, name_zh);
  else
    text = g_strdup (name);

  layout = _xinzhi_sector_heatmap_create_layout (self, text, FALSE, bold);
  attrs = pango_layout_get_attributes (layout);
  if (dim_alpha > 0 && name_zh != NULL && name_zh[0] != '\0')
    {
      PangoAttribute *attr = pango_attr_foreground_alpha_new ((guint16) (dim_alpha * 65535));

      attr->start_index = strlen (name);
      attr->end_index = strlen (text);
      pango_attr_list_insert (attrs, attr);
    }
  if (bold && name_zh != NULL && name_zh[0] != '\0')
    {
      PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_NORMAL);

      attr->start_index = strlen (name);
      attr->end_index = strlen (text);
      pango_attr_list_insert (attrs, attr);
    }
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

PangoLayout *
_xinzhi_sector_heatmap_create_header_layout (XinzhiSectorHeatmap *self,
                                             const char          *text,
                                             gboolean             bold,
                                             int                  width)
{
  PangoLayout *layout = _xinzhi_sector_heatmap_create_layout (self, text, TRUE, bold);

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -2);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  return layout;
}

void
_xinzhi_sector_heatmap_ensure_layout (XinzhiSectorHeatmap *self)
{
  int name_width = 0;
  int header_width = 0;
  int y = 0;

  if (self->layout_valid)
    return;

  for (guint i = 0; i < _xinzhi_sector_heatmap_n_columns (self); i++)
    {
      XinzhiDocument *document = g_ptr_array_index (self->columns, i);
      gboolean is_outlet;
      const char *label = _xinzhi_sector_heatmap_get_column_label (document, &is_outlet);
      g_autofree char *date = _xinzhi_sector_heatmap_format_short_date (document);
      g_autoptr(PangoLayout) outlet_layout = _xinzhi_sector_heatmap_create_layout (self, label, TRUE, is_outlet);
      g_autoptr(PangoLayout) date_layout = _xinzhi_sector_heatmap_create_layout (self, date, TRUE, FALSE);
      int outlet_width, date_width;

      pango_layout_get_pixel_size (outlet_layout, &outlet_width, NULL);
      pango_layout_get_pixel_size (date_layout, &date_width, NULL);
      header_width = MAX (header_width, MAX (MIN (outlet_width, MAX_COLUMN_WIDTH), date_width));
    }
  self->column_width = CLAMP (header_width + 2 * PADDING, MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);

  self->header_height = 0;
  for (guint i = 0; i < _xinzhi_sector_heatmap_n_columns (self); i++)
    {
      XinzhiDocument *document = g_ptr_array_index (self->columns, i);
      gboolean is_outlet;
      const char *label = _xinzhi_sector_heatmap_get_column_label (document, &is_outlet);
      g_autofree char *date = _xinzhi_sector_heatmap_format_short_date (document);
      int text_width = self->column_width - 2 * PADDING;
      g_autoptr(PangoLayout) outlet_layout = _xinzhi_sector_heatmap_create_header_layout (self, label, is_outlet, text_width);
      g_autoptr(PangoLayout) date_layout = _xinzhi_sector_heatmap_create_header_layout (self, date, FALSE, text_width);
      int outlet_height, date_height;

      pango_layout_get_pixel_size (outlet_layout, NULL, &outlet_height);
      pango_layout_get_pixel_size (date_layout, NULL, &date_height);
      self->header_height = MAX (self->header_height, outlet_height + date_height);
    }
  self->header_height += 2 * PADDING + 2;

  g_array_set_size (self->entries, 0);
  g_array_set_size (self->row_entries, 0);
  for (guint i = 0; i < self->rows->len; i++)
    {
      XinzhiSector *sector = g_ptr_array_index (self->rows, i);
      g_autoptr(PangoLayout) layout = NULL;
      Entry entry;
      guint index;
      int width;

      if (i == 0 ||
          xinzhi_sector_get_group_position (sector) !=
          xinzhi_sector_get_group_position (g_ptr_array_index (self->rows, i - 1)))
        {
          entry = (Entry) { .y = y, .height = GROUP_HEIGHT, .row = -1, .sector = sector };
          g_array_append_val (self->entries, entry);
          y += GROUP_HEIGHT;
        }

      layout = _xinzhi_sector_heatmap_create_name_layout (self,
                                   xinzhi_sector_get_display_name (sector),
                                   xinzhi_sector_get_other_name (sector),
                                   FALSE, 0);
      pango_layout_get_pixel_size (layout, &width, NULL);
      name_width = MAX (name_width, width);

      entry = (Entry) { .y = y, .height = CELL_HEIGHT, .row = i, .sector = sector };
      index = self->entries->len;
      g_array_append_val (self->entries, entry);
      g_array_append_val (self->row_entries, index);
      y += CELL_HEIGHT;
    }

  self->body_height = y + PADDING;
  self->row_header_natural = CLAMP (name_width + 3 * PADDING,
                                    MIN_ROW_HEADER_WIDTH, MAX_ROW_HEADER_WIDTH);
  self->row_header_width = self->row_header_natural;
  self->layout_valid = TRUE;
}

static void
invalidate_layout (XinzhiSectorHeatmap *self)
{
  self->layout_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
_xinzhi_sector_heatmap_get_offset (GtkAdjustment *adjustment)
{
  return adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;
}

static HitKind
hit_test (XinzhiSectorHeatmap *self,
          double               x,
          double               y,
          int                 *row,
          int                 *column)
{
  double ox = _xinzhi_sector_heatmap_get_offset (self->hadjustment);
  double oy = _xinzhi_sector_heatmap_get_offset (self->vadjustment);

  _xinzhi_sector_heatmap_ensure_layout (self);
  *row = *column = -1;

  if (x >= self->row_header_width)
    {
      *column = (int) ((x - self->row_header_width + ox) / self->column_width);
      if (*column >= (int) _xinzhi_sector_heatmap_n_columns (self))
        *column = -1;
    }

  if (y < self->header_height)
    return *column >= 0 ? HIT_COLUMN_HEADER : HIT_NONE;

  y = y - self->header_height + oy;
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (y >= entry->y && y < entry->y + entry->height)
        {
          if (entry->row < 0)
            return HIT_NONE;
          *row = entry->row;
          if (x < self->row_header_width)
            return HIT_ROW_HEADER;
          return *column >= 0 ? HIT_CELL : HIT_NONE;
        }
    }

  return HIT_NONE;
}

static char *
describe_cell (XinzhiSectorHeatmap *self,
               guint                row,
               guint                column)
{
  XinzhiSector *sector = g_ptr_array_index (self->rows, row);
  XinzhiDocument *document = g_ptr_array_index (self->columns, column);
  g_autofree char *outlet = dup_outlet (document);
  g_autofree char *date = xinzhi_document_dup_date_label (document);
  guint count = _xinzhi_sector_heatmap_get_cell (self, row, column);

  if (count == 0)
    /* Translators: a cell of the heat map: sector, outlet, date */
    return g_strdup_printf (_("%s in %s, %s: no mentions"),
                            xinzhi_sector_get_display_name (sector), outlet, date);

  /* Translators: a cell of the heat map: sector, outlet, date, count, e.g.
   * “Hydrogen energy in People's Daily Online, 7 March 2024: 2 mentions” */
  return g_strdup_printf (ngettext ("%s in %s, %s: %u mention",
                                    "%s in %s, %s: %u mentions", count),
                          xinzhi_sector_get_display_name (sector), outlet, date, count);
}

/* A screen reader reads the cell under the cursor from the description whenever it
 * likes (the announcement on each move is said once): the cell, then the map's size;
 * with no cursor, the size and how to move around. */
static void
update_accessible (XinzhiSectorHeatmap *self)
{
  g_autofree char *description = NULL;
  g_autofree char *size = NULL;

  /* Translators: the size of the heat map, read by a screen reader: %u sectors by %u
   * articles */
  size = g_strdup_printf (_("%u sectors by %u articles."), self->rows->len, _xinzhi_sector_heatmap_n_columns (self));
  if (self->cursor_row >= 0 && self->cursor_column >= 0)
    {
      g_autofree char *cell = describe_cell (self, self->cursor_row, self->cursor_column);

      description = g_strconcat (cell, ". ", size, NULL);
    }
  else
    description = g_strconcat (size, " ",
                               _("Each cell gives how often an article mentions a sector. "
                                 "Use the arrow keys to move between cells and Enter to show "
                                 "the mentions."),
                               NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
scroll_to_cursor (XinzhiSectorHeatmap *self)
{
  const Entry *entry;
  double x, y, page;

  if (self->cursor_row < 0 || self->cursor_column < 0)
    return;

  _xinzhi_sector_heatmap_ensure_layout (self);
  entry = &g_array_index (self->entries, Entry,
                          g_array_index (self->row_entries, guint, self->cursor_row));

  if (self->hadjustment != NULL)
    {
      x = self->cursor_column * self->column_width;
      page = gtk_adjustment_get_page_size (self->hadjustment);
      if (x < gtk_adjustment_get_value (self->hadjustment))
        gtk_adjustment_set_value (self->hadjustment, x);
      else if (x + self->column_width > gtk_adjustment_get_value (self->hadjustment) + page)
        gtk_adjustment_set_value (self->hadjustment, x + self->column_width - page);
    }

  if (self->vadjustment != NULL)
    {
      /* Bring the group's heading along with the first row of a group. */
      y = entry->y;
      if (g_array_index (self->row_entries, guint, self->cursor_row) > 0 &&
          (entry - 1)->row < 0)
        y = (entry - 1)->y;
      page = gtk_adjustment_get_page_size (self->vadjustment);
      if (y < gtk_adjustment_get_value (self->vadjustment))
        gtk_adjustment_set_value (self->vadjustment, y);
      else if (entry->y + entry->height > gtk_adjustment_get_value (self->vadjustment) + page)
        gtk_adjustment_set_value (self->vadjustment, entry->y + entry->height - page);
    }
}

static void
move_cursor (XinzhiSectorHeatmap *self,
             int                  row,
             int                  column,
             gboolean             announce)
{
  if (self->rows->len == 0 || _xinzhi_sector_heatmap_n_columns (self) == 0)
    return;

  row = CLAMP (row, 0, (int) self->rows->len - 1);
  column = CLAMP (column, 0, (int) _xinzhi_sector_heatmap_n_columns (self) - 1);

  if (row == self->cursor_row && column == self->cursor_column)
    return;

  self->cursor_row = row;
  self->cursor_column = column;
  scroll_to_cursor (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (announce)
    {
      g_autofree char *text = describe_cell (self, row, column);

      gtk_accessible_announce (GTK_ACCESSIBLE (self), text,
                               GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
    }
}

static void
activate_cursor (XinzhiSectorHeatmap *self)
{
  if (self->cursor_row < 0 || self->cursor_column < 0)
    return;

  g_signal_emit (self, signals[SIGNAL_CELL_ACTIVATED], 0,
                 g_ptr_array_index (self->rows, self->cursor_row),
                 g_ptr_array_index (self->columns, self->cursor_column));
}

static void
rebuild (XinzhiSectorHeatmap *self)
{
  guint n_documents = self->documents ? g_list_model_get_n_items (self->documents) : 0;
  guint n_sectors = self->sectors ? g_list_model_get_n_items (self->sectors) : 0;

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->columns, 0);
  g_hash_table_remove_all (self->column_of);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->column_matches, g_free);
  self->max_count = 0;

  for (guint i = 0; i < n_documents; i++)
    g_ptr_array_add (self->columns, g_list_model_get_item (self->documents, i));
  /* The corpus's documents by date come in order: one look at each pair, not a sort. */
  for (guint i = 1; i < self->columns->len; i++)
    if (compare_documents (&g_ptr_array_index (self->columns, i - 1),
                           &g_ptr_array_index (self->columns, i)) > 0)
      {
        g_ptr_array_sort (self->columns, compare_documents);
        break;
      }
  for (guint i = 0; i < _xinzhi_sector_heatmap_n_columns (self); i++)
    g_hash_table_insert (self->column_of, g_ptr_array_index (self->columns, i),
                         GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < n_sectors; i++)
    g_ptr_array_add (self->rows, g_list_model_get_item (self->sectors, i));

  if (self->cursor_row >= (int) self->rows->len || self->cursor_column >= (int) _xinzhi_sector_heatmap_n_columns (self))
    self->cursor_row = self->cursor_column = -1;
  self->hover_row = self->hover_column = -1;

  update_accessible (self);
  invalidate_layout (self);
}

static void
model_items_changed_cb (XinzhiSectorHeatmap *self)
{
  XinzhiSector *sector = NULL;

  /* The cursor stays on its sector when the list is sorted anew. */
  if (self->cursor_row >= 0)
    sector = g_object_ref (g_ptr_array_index (self->rows, self->cursor_row));

  rebuild (self);

  if (sector != NULL)
    {
      guint index;

      if (g_ptr_array_find (self->rows, sector, &index))
        self->cursor_row = index;
      g_object_unref (sector);
      update_accessible (self);
    }
}

static void
set_model (XinzhiSectorHeatmap  *self,
           GListModel          **slot,
           GListModel           *model,
           GParamSpec           *pspec)
{
  if (*slot == model)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, model_items_changed_cb, self);
  g_set_object (slot, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
style_changed_cb (XinzhiSectorHeatmap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
adjustment_value_changed_cb (XinzhiSectorHeatmap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (XinzhiSectorHeatmap  *self,
                GtkAdjustment       **slot,
                GtkAdjustment        *adjustment,
                GParamSpec           *pspec)
{
  if (adjustment != NULL && adjustment == *slot)
    return;

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);

  g_clear_object (slot);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_value_changed_cb), self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
pressed_cb (XinzhiSectorHeatmap *self,
            int                  n_press,
            double               x,
            double               y,
            GtkGestureClick     *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
released_cb (XinzhiSectorHeatmap *self,
             int                  n_press,
             double               x,
             double               y,
             GtkGestureClick     *gesture)
{
  int row, column;

  switch (hit_test (self, x, y, &row, &column))
    {
    case HIT_CELL:
      move_cursor (self, row, column, FALSE);
      activate_cursor (self);
      break;
    case HIT_ROW_HEADER:
      g_signal_emit (self, signals[SIGNAL_CELL_ACTIVATED], 0,
                     g_ptr_array_index (self->rows, row), NULL);
      break;
    case HIT_COLUMN_HEADER:
    case HIT_NONE:
    default:
      break;
    }
}

static void
motion_cb (XinzhiSectorHeatmap      *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  int row, column;

  if (hit_test (self, x, y, &row, &column) != HIT_CELL)
    row = column = -1;

  if (row != self->hover_row || column != self->hover_column)
    {
      self->hover_row = row;
      self->hover_column = column;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (XinzhiSectorHeatmap      *self,
          GtkEventControllerMotion *controller)
{
  self->hover_row = self->hover_column = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_enter_cb (XinzhiSectorHeatmap *self)
{
  if (self->cursor_row < 0)
    move_cursor (self, 0, 0, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (XinzhiSectorHeatmap *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (XinzhiSectorHeatmap   *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int row = MAX (self->cursor_row, 0);
  int column = MAX (self->cursor_column, 0);
  int page = 1;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return GDK_EVENT_PROPAGATE;

  if (self->vadjustment != NULL)
    page = MAX (1, (int) (gtk_adjustment_get_page_size (self->vadjustment) / CELL_HEIGHT) - 1);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      column += gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? 1 : -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      column += gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      row--;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      row++;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      row -= page;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      row += page;
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      column = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      column = (int) _xinzhi_sector_heatmap_n_columns (self) - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      activate_cursor (self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  move_cursor (self, row, column, TRUE);
  return GDK_EVENT_STOP;
}

static gboolean
query_tooltip_cb (XinzhiSectorHeatmap *self,
                  int                  x,
                  int                  y,
                  gboolean             keyboard_mode,
                  GtkTooltip          *tooltip)
{
  g_autofree char *text = NULL;
  int row, column;
  HitKind hit;

  if (keyboard_mode)
    {
      if (self->cursor_row < 0)
        return FALSE;
      hit = HIT_CELL;
      row = self->cursor_row;
      column = self->cursor_column;
    }
  else
    hit = hit_test (self, x, y, &row, &column);

  switch (hit)
    {
    case HIT_CELL:
      {
        XinzhiDocument *document = g_ptr_array_index (self->columns, column);
        g_autofree char *cell = describe_cell (self, row, column);

        text = g_strdup_printf ("%s\n%s", cell, xinzhi_document_get_title (document));
        append_span_line (self, column, &text);
      }
      break;
    case HIT_ROW_HEADER:
      {
        XinzhiSector *sector = g_ptr_array_index (self->rows, row);
        guint n_mentions = xinzhi_sector_get_n_mentions (sector);
        guint n_documents = xinzhi_sector_get_n_documents (sector);
        g_autofree char *mentions = NULL;
        g_autofree char *articles = NULL;

        mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", n_mentions),
                                    n_mentions);
        articles = g_strdup_printf (ngettext ("%u article", "%u articles", n_documents),
                                    n_documents);
        /* Translators: tooltip of a sector in the heat map: name, Chinese name,
         * “5 mentions”, “3 articles” */
        text = g_strdup_printf (_("%s (%s): %s in %s"),
                                xinzhi_sector_get_display_name (sector),
                                xinzhi_sector_get_other_name (sector),
                                mentions, articles);
      }
      break;
    case HIT_COLUMN_HEADER:
      {
        XinzhiDocument *document = g_ptr_array_index (self->columns, column);
        g_autofree char *outlet = dup_outlet (document);
        g_autofree char *date = xinzhi_document_dup_date_label (document);

        /* Translators: tooltip of an article in the heat map: headline, outlet, date */
        text = g_strdup_printf (_("%s\n%s, %s"), xinzhi_document_get_title (document),
                                outlet, date);
        append_span_line (self, column, &text);
      }
      break;
    case HIT_NONE:
    default:
      return FALSE;
    }

  /* Plain text: names and headlines come from the corpus. */
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
xinzhi_sector_heatmap_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  XinzhiSectorHeatmap *self = XINZHI_SECTOR_HEATMAP (widget);

  _xinzhi_sector_heatmap_ensure_layout (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_ROW_HEADER_WIDTH + MIN (_xinzhi_sector_heatmap_n_columns (self), 1) * self->column_width;
      *natural = self->row_header_natural + _xinzhi_sector_heatmap_n_columns (self) * self->column_width;
    }
  else
    {
      *minimum = self->header_height + MIN (self->body_height, 3 * CELL_HEIGHT);
      *natural = self->header_height + self->body_height;
    }
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         page)
{
  double value;

  if (adjustment == NULL)
    return;

  page = MAX (page, 0);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, content - page));
  gtk_adjustment_configure (adjustment, value, 0, MAX (content, page),
                            page * 0.1, page * 0.9, page);
}

static void
xinzhi_sector_heatmap_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  XinzhiSectorHeatmap *self = XINZHI_SECTOR_HEATMAP (widget);

  _xinzhi_sector_heatmap_ensure_layout (self);

  /* On a narrow window the names give up room to the cells. */
  self->row_header_width = MAX (MIN_ROW_HEADER_WIDTH, MIN (self->row_header_natural, width / 2));

  configure_adjustment (self->hadjustment, _xinzhi_sector_heatmap_n_columns (self) * self->column_width,
                        width - self->row_header_width);
  configure_adjustment (self->vadjustment, self->body_height, height - self->header_height);
}

static void
xinzhi_sector_heatmap_css_changed (GtkWidget         *widget,
                                   GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (xinzhi_sector_heatmap_parent_class)->css_changed (widget, change);

  /* The font may have changed, and with it every size. */
  invalidate_layout (XINZHI_SECTOR_HEATMAP (widget));
}

static void
xinzhi_sector_heatmap_dispose (GObject *object)
{
  XinzhiSectorHeatmap *self = XINZHI_SECTOR_HEATMAP (object);

  if (self->sectors != NULL)
    g_signal_handlers_disconnect_by_func (self->sectors, model_items_changed_cb, self);
  if (self->documents != NULL)
    g_signal_handlers_disconnect_by_func (self->documents, model_items_changed_cb, self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->sectors);
  g_clear_object (&self->documents);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  /* Emptied, not freed: the widget may still be measured while it goes. */
  g_hash_table_remove_all (self->column_of);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->columns, 0);
  g_array_set_size (self->entries, 0);
  g_array_set_size (self->row_entries, 0);
  self->cursor_row = self->cursor_column = -1;

  G_OBJECT_CLASS (xinzhi_sector_heatmap_parent_class)->dispose (object);
}

static void
xinzhi_sector_heatmap_finalize (GObject *object)
{
  XinzhiSectorHeatmap *self = XINZHI_SECTOR_HEATMAP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->column_of, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->row_entries, g_array_unref);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->column_matches, g_free);

  G_OBJECT_CLASS (xinzhi_sector_heatmap_parent_class)->finalize (object);
}

static void
xinzhi_sector_heatmap_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XinzhiSectorHeatmap *self = XINZHI_SECTOR_HEATMAP (object);

  switch (prop_id)
    {
    case PROP_SECTORS:
      g_value_set_object (value, self->sectors);
      break;
    case PROP_DOCUMENTS:
      g_value_set_object (value, self->documents);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sector_heatmap_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  XinzhiSectorHeatmap *self = XINZHI_SECTOR_HEATMAP (object);

  switch (prop_id)
    {
    case PROP_SECTORS:
      xinzhi_sector_heatmap_set_sectors (self, g_value_get_object (value));
      break;
    case PROP_DOCUMENTS:
      xinzhi_sector_heatmap_set_documents (self, g_value_get_object (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), pspec);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), pspec);
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_sector_heatmap_class_init (XinzhiSectorHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_sector_heatmap_dispose;
  object_class->finalize = xinzhi_sector_heatmap_finalize;
  object_class->get_property = xinzhi_sector_heatmap_get_property;
  object_class->set_property = xinzhi_sector_heatmap_set_property;

  widget_class->snapshot = _xinzhi_sector_heatmap_snapshot;
  widget_class->measure = xinzhi_sector_heatmap_measure;
  widget_class->size_allocate = xinzhi_sector_heatmap_size_allocate;
  widget_class->css_changed = xinzhi_sector_heatmap_css_changed;

  /**
   * XinzhiSectorHeatmap:sectors:
   *
   * The rows: sectors, in the order to show them; the groups' headings go wherever the
   * group changes.
   */
  properties[PROP_SECTORS] =
    g_param_spec_object ("sectors", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * XinzhiSectorHeatmap:documents:
   *
   * The columns: articles, which are shown by date, oldest first.
   */
  properties[PROP_DOCUMENTS] =
    g_param_spec_object ("documents", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * XinzhiSectorHeatmap::cell-activated:
   * @sector: the cell's sector
   * @document: (nullable): the cell's article, or %NULL when the sector's name was
   *   activated
   *
   * Emitted when a cell is clicked, tapped or activated with Enter, or a sector's name
   * is clicked.
   */
  signals[SIGNAL_CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, XINZHI_TYPE_SECTOR, XINZHI_TYPE_DOCUMENT);

  gtk_widget_class_set_css_name (widget_class, "sector-heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
xinzhi_sector_heatmap_init (XinzhiSectorHeatmap *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->column_of = g_hash_table_new (NULL, NULL);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->row_entries = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cursor_row = self->cursor_column = -1;
  self->hover_row = self->hover_column = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* The cells take the accent colour, which the style manager knows. */
  xinzhi_palette_watch (GTK_WIDGET (self), G_CALLBACK (style_changed_cb));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Heat map of sector mentions by article"),
                                  -1);
  update_accessible (self);
}

GtkWidget *
xinzhi_sector_heatmap_new (void)
{
  return g_object_new (XINZHI_TYPE_SECTOR_HEATMAP, NULL);
}

/**
 * xinzhi_sector_heatmap_get_sectors:
 *
 * Returns: (transfer none) (nullable): the sectors, one a row
 */
GListModel *
xinzhi_sector_heatmap_get_sectors (XinzhiSectorHeatmap *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR_HEATMAP (self), NULL);
  return self->sectors;
}

/**
 * xinzhi_sector_heatmap_get_documents:
 *
 * Returns: (transfer none) (nullable): the articles, one a column
 */
GListModel *
xinzhi_sector_heatmap_get_documents (XinzhiSectorHeatmap *self)
{
  g_return_val_if_fail (XINZHI_IS_SECTOR_HEATMAP (self), NULL);
  return self->documents;
}

/**
 * xinzhi_sector_heatmap_get_count:
 * @sector: a sector of a row
 * @document: an article of a column
 *
 * Returns: the number in the cell of @sector and @document: how often the article
 *   mentions the sector; 0 when either is not shown
 */
guint
xinzhi_sector_heatmap_get_count (XinzhiSectorHeatmap *self,
                                 XinzhiSector        *sector,
                                 XinzhiDocument      *document)
{
  guint row;
  guint column;

  g_return_val_if_fail (XINZHI_IS_SECTOR_HEATMAP (self), 0);
  g_return_val_if_fail (XINZHI_IS_SECTOR (sector), 0);
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (document), 0);

  column = GPOINTER_TO_UINT (g_hash_table_lookup (self->column_of, document));
  if (column == 0 || !g_ptr_array_find (self->rows, sector, &row))
    return 0;

  return _xinzhi_sector_heatmap_get_cell (self, row, column - 1);
}

/**
 * xinzhi_sector_heatmap_set_sectors:
 * @sectors: (nullable): a model of #XinzhiSector, sorted so that each group's sectors
 *   are together
 *
 * Shows @sectors as the rows, in their order; the heat map follows the model's changes.
 */
void
xinzhi_sector_heatmap_set_sectors (XinzhiSectorHeatmap *self,
                                   GListModel          *sectors)
{
  g_return_if_fail (XINZHI_IS_SECTOR_HEATMAP (self));
  g_return_if_fail (sectors == NULL || G_IS_LIST_MODEL (sectors));

  set_model (self, &self->sectors, sectors, properties[PROP_SECTORS]);
}

/**
 * xinzhi_sector_heatmap_set_documents:
 * @documents: (nullable): a model of #XinzhiDocument
 *
 * Shows @documents as the columns, oldest first.
 */
void
xinzhi_sector_heatmap_set_documents (XinzhiSectorHeatmap *self,
                                     GListModel          *documents)
{
  g_return_if_fail (XINZHI_IS_SECTOR_HEATMAP (self));
  g_return_if_fail (documents == NULL || G_IS_LIST_MODEL (documents));

  set_model (self, &self->documents, documents, properties[PROP_DOCUMENTS]);
}

/**
 * xinzhi_sector_heatmap_set_cursor:
 * @sector: (nullable): the sector of the cell to put the cursor on
 * @document: (nullable): its article, or %NULL for the first with a mention
 *
 * Moves the cell cursor, and scrolls it into view.
 */
void
xinzhi_sector_heatmap_set_cursor (XinzhiSectorHeatmap *self,
                                  XinzhiSector        *sector,
                                  XinzhiDocument      *document)
{
  guint row;
  guint column = 0;

  g_return_if_fail (XINZHI_IS_SECTOR_HEATMAP (self));
  g_return_if_fail (sector == NULL || XINZHI_IS_SECTOR (sector));
  g_return_if_fail (document == NULL || XINZHI_IS_DOCUMENT (document));

  if (sector == NULL || !g_ptr_array_find (self->rows, sector, &row))
    return;

  if (document != NULL)
    column = MAX (GPOINTER_TO_UINT (g_hash_table_lookup (self->column_of, document)), 1) - 1;
  else
    for (guint i = 0; i < _xinzhi_sector_heatmap_n_columns (self); i++)
      if (_xinzhi_sector_heatmap_get_cell (self, row, i) > 0)
        {
          column = i;
          break;
        }

  move_cursor (self, row, column, FALSE);
}

/**
 * xinzhi_sector_heatmap_get_span_match:
 * @document: an article of the heat map
 *
 * Returns: where @document's column says it falls against the filter's time span;
 *   %XINZHI_SPAN_IN when no span is set
 */
XinzhiSpanMatch
xinzhi_sector_heatmap_get_span_match (XinzhiSectorHeatmap *self,
                                      XinzhiDocument      *document)
{
  guint column;

  g_return_val_if_fail (XINZHI_IS_SECTOR_HEATMAP (self), XINZHI_SPAN_OUT);
  g_return_val_if_fail (XINZHI_IS_DOCUMENT (document), XINZHI_SPAN_OUT);

  column = GPOINTER_TO_UINT (g_hash_table_lookup (self->column_of, document));
  g_return_val_if_fail (column > 0, XINZHI_SPAN_OUT);

  return _xinzhi_sector_heatmap_get_column_match (self, column - 1);
}

static void
filter_changed_cb (XinzhiSectorHeatmap *self)
{
  g_clear_pointer (&self->column_matches, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * xinzhi_sector_heatmap_set_filter:
 * @filter: (nullable): a filter whose time span the columns show, or %NULL for an
 *   empty one of its own
 *
 * Marks each article's column by where it falls against @filter's span, and follows
 * its changes; the counts stay the articles' own.
 */
void
xinzhi_sector_heatmap_set_filter (XinzhiSectorHeatmap *self,
                                  XinzhiFilter        *filter)
{
  g_return_if_fail (XINZHI_IS_SECTOR_HEATMAP (self));
  g_return_if_fail (filter == NULL || XINZHI_IS_FILTER (filter));

  if (filter != NULL && filter == self->filter)
    return;

  xinzhi_filter_follow (&self->filter, filter,
                        xinzhi_view_defer_while_hidden (GTK_WIDGET (self), G_CALLBACK (filter_changed_cb)),
                        self);
  filter_changed_cb (self);
}

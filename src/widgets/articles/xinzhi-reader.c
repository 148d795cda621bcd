/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xinzhi-dialogs.h"
#include "xinzhi-mention.h"
#include "xinzhi-note-editor.h"
#include "xinzhi-palette.h"
#include "xinzhi-person.h"
#include "xinzhi-reader.h"
#include "xinzhi-search.h"
#include "xinzhi-sector.h"
#include "xinzhi-reader-private.h"

/* XinzhiReader shows one article: its headline and facts, then its text with the
 * sector and concept mentions and quotes highlighted.  The text goes into the buffer as plain
 * text, paragraph by paragraph; nothing of it is ever parsed as markup. */

G_DEFINE_FINAL_TYPE (XinzhiReader, xinzhi_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_span (gpointer data)
{
  Span *span = data;

  g_clear_object (&span->object);
}

static void
remove_all_children (AdwWrapBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    adw_wrap_box_remove (box, child);
}

static GtkWidget *
create_chip (const char *name,
             const char *name_zh,
             const char *kind,
             const char *action_name,
             const char *target)
{
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  label = gtk_label_new (name);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  if (name_zh != NULL && name_zh[0] != '\0')
    {
      label = gtk_label_new (name_zh);
      gtk_widget_add_css_class (label, "dimmed");
      gtk_box_append (GTK_BOX (box), label);
    }

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "chip");
  gtk_widget_add_css_class (button, kind);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);

  return button;
}

/* How @person speaks in @document: "quote" when quoted directly at least once,
 * "paraphrase" when only paraphrased, "person" when only named. */
static const char *
person_chip_kind (XinzhiDocument *document,
                  XinzhiPerson   *person)
{
  GListModel *quotes = xinzhi_document_get_quotes (document);
  const char *kind = "person";

  for (guint i = 0; i < g_list_model_get_n_items (quotes); i++)
    {
      g_autoptr(XinzhiQuote) quote = g_list_model_get_item (quotes, i);

      if (xinzhi_quote_get_person (quote) != person)
        continue;
      if (xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT)
        return "quote";
      kind = "paraphrase";
    }

  return kind;
}

static void
fill_facts (XinzhiReader *self)
{
  GListModel *sectors = xinzhi_document_get_sectors (self->document);
  GListModel *people = xinzhi_document_get_people (self->document);
  gboolean has_sectors = FALSE;
  gboolean has_concepts = FALSE;
  gboolean has_quotes = FALSE;
  gboolean has_paraphrases = FALSE;
  gboolean has_unreviewed = FALSE;
  g_autoptr(GPtrArray) concepts = g_ptr_array_new ();

  remove_all_children (self->sectors_box);
  remove_all_children (self->concepts_box);
  remove_all_children (self->people_box);

  for (guint i = 0; i < g_list_model_get_n_items (sectors); i++)
    {
      g_autoptr(XinzhiSector) sector = g_list_model_get_item (sectors, i);
      g_autofree char *tooltip = NULL;
      GtkWidget *chip;

      chip = create_chip (xinzhi_sector_get_display_name (sector),
                          xinzhi_sector_get_other_name (sector),
                          "sector", "reader.show-sector",
                          xinzhi_sector_get_id (sector));
      /* Translators: tooltip of a sector; %s is its group, e.g. “Future industries” */
      tooltip = g_strdup_printf (_("%s — show the first mention"),
                                 xinzhi_sector_get_group_display_name (sector));
      gtk_widget_set_tooltip_text (chip, tooltip);
      adw_wrap_box_append (self->sectors_box, chip);
    }

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(XinzhiPerson) person = g_list_model_get_item (people, i);
      g_autofree char *role = xinzhi_person_dup_role_in (person, self->document);
      GtkWidget *chip;

      chip = create_chip (xinzhi_person_get_display_name (person),
                          xinzhi_person_get_other_name (person),
                          person_chip_kind (self->document, person), "reader.show-person",
                          xinzhi_person_get_id (person));
      if (role != NULL && role[0] != '\0')
        gtk_widget_set_tooltip_text (chip, role);
      adw_wrap_box_append (self->people_box, chip);
    }

  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);

      if (span->kind == SPAN_SECTOR)
        has_sectors = TRUE;
      else if (span->kind == SPAN_CONCEPT)
        {
          XinzhiConcept *concept = xinzhi_mention_get_concept (XINZHI_MENTION (span->object));

          has_concepts = TRUE;
          if (!g_ptr_array_find (concepts, concept, NULL))
            g_ptr_array_add (concepts, concept);
        }
      else
        {
          if (xinzhi_quote_get_kind (XINZHI_QUOTE (span->object)) == XINZHI_QUOTE_DIRECT)
            has_quotes = TRUE;
          else
            has_paraphrases = TRUE;
          has_unreviewed |= !xinzhi_quote_get_reviewed (XINZHI_QUOTE (span->object));
        }
    }

  /* The concepts the article names, in the order they first occur. */
  for (guint i = 0; i < concepts->len; i++)
    {
      XinzhiConcept *concept = g_ptr_array_index (concepts, i);
      GtkWidget *chip = create_chip (xinzhi_concept_get_display_name (concept),
                                     xinzhi_concept_get_other_name (concept),
                                     "concept", "reader.show-concept",
                                     xinzhi_concept_get_id (concept));

      gtk_widget_set_tooltip_text (chip, _("Show the first mention"));
      adw_wrap_box_append (self->concepts_box, chip);
    }

  gtk_widget_set_visible (self->sectors_row, g_list_model_get_n_items (sectors) > 0);
  gtk_widget_set_visible (self->concepts_row, concepts->len > 0);
  gtk_widget_set_visible (self->people_row, g_list_model_get_n_items (people) > 0);
  gtk_widget_set_visible (self->sector_legend, has_sectors);
  gtk_widget_set_visible (self->concept_legend, has_concepts);
  gtk_widget_set_visible (self->quote_legend, has_quotes);
  gtk_widget_set_visible (self->paraphrase_legend, has_paraphrases);
  gtk_widget_set_visible (self->unreviewed_legend, has_unreviewed);
  gtk_widget_set_visible (self->legend_box, has_sectors || has_concepts || has_quotes || has_paraphrases);
  gtk_widget_set_visible (self->facts_box,
                          g_list_model_get_n_items (sectors) > 0 ||
                          g_list_model_get_n_items (people) > 0 ||
                          has_sectors || has_concepts || has_quotes || has_paraphrases);
}

/* Correct offers the window's win.set-article-title, win.set-article-outlet and
 * win.set-article-date for the article, in a corpus a person owns. */
static void
update_correct_button (XinzhiReader *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *id;

  gtk_widget_set_visible (GTK_WIDGET (self->correct_button), self->editable && self->document != NULL);
  if (self->document == NULL)
    return;

  id = xinzhi_document_get_id (self->document);
  {
    g_autoptr(GMenuItem) title = g_menu_item_new (_("Change _Title…"), NULL);
    g_autoptr(GMenuItem) outlet = g_menu_item_new (_("Change _Outlet…"), NULL);
    g_autoptr(GMenuItem) date = g_menu_item_new (_("Change _Date…"), NULL);

    g_menu_item_set_action_and_target (title, "win.set-article-title", "s", id);
    g_menu_item_set_action_and_target (outlet, "win.set-article-outlet", "s", id);
    g_menu_item_set_action_and_target (date, "win.set-article-date", "s", id);
    g_menu_append_item (menu, title);
    g_menu_append_item (menu, outlet);
    g_menu_append_item (menu, date);
  }
  gtk_menu_button_set_menu_model (self->correct_button, G_MENU_MODEL (menu));
}

/**
 * xinzhi_reader_set_editable:
 * @editable: whether the corpus shown is one a person owns and may correct
 *
 * Offers the corrections of an article (Correct) or not.
 */
void
xinzhi_reader_set_editable (XinzhiReader *self,
                            gboolean      editable)
{
  g_return_if_fail (XINZHI_IS_READER (self));

  if (self->editable == !!editable)
    return;
  self->editable = !!editable;
  update_correct_button (self);
}

static void
fill_header (XinzhiReader *self)
{
  XinzhiDocument *document = self->document;
  const char * const *byline = xinzhi_document_get_byline (document);
  const char *outlet_note = xinzhi_document_get_outlet_note (document);
  const char *url = xinzhi_document_get_url (document);
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) meta = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta_text = NULL;

  g_object_get (document,
                "outlet-label", &outlet,
                "date-label", &date,
                NULL);

  g_strv_builder_add (parts, outlet);
  g_strv_builder_add (parts, date);
  if (byline != NULL && byline[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (GStrv) byline);

      /* Translators: the authors of an article, e.g. “By Li Wei, Zhang Min” */
      g_strv_builder_take (parts, g_strdup_printf (_("By %s"), names));
    }
  meta = g_strv_builder_end (parts);
  meta_text = g_strjoinv (" · ", meta);

  gtk_label_set_text (self->title_label, xinzhi_document_get_title (document));
  gtk_label_set_text (self->meta_label, meta_text);

  if (xinzhi_document_get_date_estimated (document))
    {
      const char *note = xinzhi_document_get_date_note (document);
      /* Translators: %s says why the date of an article is an estimate */
      g_autofree char *text = g_strdup_printf (_("Date estimated: %s"), note ? note : "");

      gtk_label_set_text (self->date_note_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->date_note_label),
                          xinzhi_document_get_date_estimated (document));

  gtk_label_set_text (self->outlet_note_label, outlet_note ? outlet_note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->outlet_note_label),
                          outlet_note != NULL && outlet_note[0] != '\0');

  update_correct_button (self);
  gtk_widget_set_visible (self->open_button, url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.open-original", url != NULL);
  if (url != NULL)
    gtk_widget_set_tooltip_text (self->open_button, url);
}

static void
stop_flash (XinzhiReader *self)
{
  GtkTextIter start, end;

  g_clear_handle_id (&self->flash_source, g_source_remove);
  self->flash_pending = FALSE;
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->flash_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->flash_paragraph_tag, &start, &end);
}

static gboolean
flash_timeout_cb (gpointer user_data)
{
  XinzhiReader *self = user_data;

  self->flash_source = 0;
  stop_flash (self);

  return G_SOURCE_REMOVE;
}

/* The text view lays its lines out over a few idles after its width changes, but it
 * does not always ask for a new size when its height turns out different: it sits in
 * a box here, not in a scrolled window of its own.  So for a few frames after a change
 * of text or width, compare the height of its lines with the height it was given. */
static gboolean
fit_text_view_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *frame_clock,
                       gpointer       user_data)
{
  XinzhiReader *self = XINZHI_READER (widget);
  GtkTextIter end;
  int y, height;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_view_get_line_yrange (self->text_view, &end, &y, &height);
  height += y + gtk_text_view_get_top_margin (self->text_view) +
            gtk_text_view_get_bottom_margin (self->text_view);

  if (height != gtk_widget_get_height (GTK_WIDGET (self->text_view)))
    {
      gtk_widget_queue_resize (GTK_WIDGET (self->text_view));
      self->fit_stable_frames = 0;
    }
  else
    self->fit_stable_frames++;

  if (self->fit_stable_frames < FIT_STABLE_FRAMES && ++self->fit_frames < FIT_MAX_FRAMES)
    return G_SOURCE_CONTINUE;

  self->fit_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
fit_text_view (XinzhiReader *self)
{
  self->fit_frames = 0;
  self->fit_stable_frames = 0;
  if (self->fit_tick == 0)
    self->fit_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                   fit_text_view_tick_cb, NULL, NULL);
}

static void
scroll_to_mark_now (XinzhiReader *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  GdkRectangle location;
  graphene_point_t point;
  GtkTextIter iter;
  int x, y;
  double value;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->scroll_mark);
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y, &x, &y);

  /* The clamp is the scrolled child: its coordinates are those of the adjustment. */
  if (!gtk_widget_compute_point (GTK_WIDGET (self->text_view), self->clamp,
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  value = CLAMP (point.y - SCROLL_HEADROOM,
                 gtk_adjustment_get_lower (adjustment),
                 gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, value);
}

/* The text view lays out its lines over a few frames; positions before that are
 * estimates.  So the scroll is repeated on the next frames once the view is mapped. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  XinzhiReader *self = XINZHI_READER (widget);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->text_view)) ||
      gtk_widget_get_width (GTK_WIDGET (self->text_view)) == 0)
    return G_SOURCE_CONTINUE;

  scroll_to_mark_now (self);

  if (++self->scroll_frames < SCROLL_FRAMES)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  /* The place is on screen now: the flash lasts from here, however long a slow
   * machine took to lay the article out. */
  if (self->flash_pending)
    {
      self->flash_pending = FALSE;
      self->flash_source = g_timeout_add_seconds (FLASH_SECONDS, flash_timeout_cb, self);
    }
  return G_SOURCE_REMOVE;
}

static void
show_range (XinzhiReader *self,
            GtkTextIter  *start,
            GtkTextIter  *end,
            gboolean      whole_paragraph)
{
  stop_flash (self);

  if (whole_paragraph)
    gtk_text_buffer_apply_tag (self->buffer, self->flash_paragraph_tag, start, end);
  else
    gtk_text_buffer_apply_tag (self->buffer, self->flash_tag, start, end);
  /* Its time starts when the scroll below has brought it on screen. */
  self->flash_pending = TRUE;

  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, start);
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                      scroll_tick_cb, NULL, NULL);
}

/* ---- Find in the article ------------------------------------------------------------ */

static void
update_find_count (XinzhiReader *self)
{
  g_autofree char *label = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  if (*text == '\0')
    label = g_strdup ("");
  else if (self->find_matches->len == 0)
    label = g_strdup (_("No matches"));
  else
    /* Translators: the current match and the number of matches, e.g. "3 of 7" */
    label = g_strdup_printf (_("%u of %u"), self->find_current + 1, self->find_matches->len);

  gtk_label_set_text (self->find_count_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.find-next", self->find_matches->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.find-previous", self->find_matches->len > 0);
}

/* Marks the current match more strongly, and scrolls to it. */
static void
show_find_current (XinzhiReader *self)
{
  GtkTextIter start, end;
  const FindMatch *match;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->find_current_tag, &start, &end);

  if (self->find_matches->len > 0)
    {
      match = &g_array_index (self->find_matches, FindMatch, self->find_current);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, match->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, match->end);
      gtk_text_buffer_apply_tag (self->buffer, self->find_current_tag, &start, &end);

      gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &start);
      self->scroll_frames = 0;
      if (self->scroll_tick == 0)
        self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                          scroll_tick_cb, NULL, NULL);
    }

  update_find_count (self);
}

static void
clear_find (XinzhiReader *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->find_tag, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->find_current_tag, &start, &end);
  g_array_set_size (self->find_matches, 0);
  self->find_current = 0;
}

/* Finds the entry's text in the whole buffer, as the corpus search does: without
 * regard to case or accents. */
static void
run_find (XinzhiReader *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autofree char *text = NULL;
  g_autoptr(GArray) ranges = NULL;
  GtkTextIter start, end;
  const char *last = NULL;
  int last_offset = 0;

  clear_find (self);

  if (self->document == NULL || !gtk_search_bar_get_search_mode (self->find_bar))
    {
      update_find_count (self);
      return;
    }

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
  ranges = xinzhi_search_find_all (text, query);

  for (guint i = 0; i < ranges->len; i++)
    {
      const XinzhiSearchRange *range = &g_array_index (ranges, XinzhiSearchRange, i);
      FindMatch match;

      /* Byte offsets to character offsets, walking forward only once. */
      last_offset += (int) g_utf8_pointer_to_offset (last ? last : text, text + range->start);
      last = text + range->start;
      match.start = last_offset;
      match.end = last_offset + (int) g_utf8_strlen (text + range->start, range->end - range->start);
      g_array_append_val (self->find_matches, match);

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, match.start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, match.end);
      gtk_text_buffer_apply_tag (self->buffer, self->find_tag, &start, &end);
    }

  show_find_current (self);
}

static void
step_find (XinzhiReader *self,
           int           step)
{
  guint n = self->find_matches->len;

  if (n == 0)
    return;

  self->find_current = (self->find_current + n + step) % n;
  show_find_current (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  xinzhi_reader_find (XINZHI_READER (widget), NULL);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  step_find (XINZHI_READER (widget), 1);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  step_find (XINZHI_READER (widget), -1);
}

static void
find_entry_search_changed_cb (XinzhiReader *self)
{
  run_find (self);
}

static void
find_entry_activate_cb (XinzhiReader *self)
{
  step_find (self, 1);
}

static void
find_entry_previous_match_cb (XinzhiReader *self)
{
  step_find (self, -1);
}

static void
find_bar_notify_search_mode_cb (XinzhiReader *self)
{
  run_find (self);
  if (!gtk_search_bar_get_search_mode (self->find_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XinzhiReader) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error))
    xinzhi_dialogs_show_error (GTK_WIDGET (self), _("Could Not Open the Original"), error);
}

static void
open_original_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  XinzhiReader *self = XINZHI_READER (widget);
  g_autoptr(GtkUriLauncher) launcher = NULL;
  const char *scheme;
  GtkRoot *root;
  const char *url;

  if (self->document == NULL || (url = xinzhi_document_get_url (self->document)) == NULL)
    return;

  /* The loader accepts only web addresses; check again before handing one to the
   * system, since a launcher opens whatever the scheme names. */
  scheme = g_uri_peek_scheme (url);
  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    {
      g_autofree char *body = NULL;

      /* Translators: %s is an address that is not a web address */
      body = g_strdup_printf (_("Only web addresses are opened, and “%s” is not one."), url);
      xinzhi_dialogs_show_alert (widget, _("Could Not Open the Original"), body);
      return;
    }

  root = gtk_widget_get_root (widget);
  launcher = gtk_uri_launcher_new (url);
  gtk_uri_launcher_launch (launcher,
                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           self->cancellable,
                           launch_cb,
                           g_object_ref (self));
}

/* Where @iter is in the article: its paragraph and the byte offset in the paragraph's
 * text (a caption's date, which the reader adds, counts as its end). */
static void
place_of_iter (XinzhiReader      *self,
               const GtkTextIter *iter,
               guint             *paragraph,
               guint             *byte)
{
  int offset = gtk_text_iter_get_offset (iter);
  guint low = 0;
  guint high = self->paragraph_starts->len;
  const char *text;
  glong n_chars;
  glong in;

  /* The last paragraph that starts at or before @offset. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->paragraph_starts, int, middle) <= offset)
        low = middle;
      else
        high = middle;
    }

  text = xinzhi_document_get_paragraph (self->document, low)->text;
  n_chars = g_utf8_strlen (text, -1);
  in = MIN (offset - g_array_index (self->paragraph_starts, int, low), n_chars);
  *paragraph = low;
  *byte = (guint) (g_utf8_offset_to_pointer (text, in) - text);
}

/* Asks the window to add the words selected as a quote (win.add-quote) or a sector's
 * term (win.add-term), or an event of the sentence selected (win.add-event). */
static void
add_quote_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  XinzhiReader *self = XINZHI_READER (widget);
  GtkTextIter start, end;
  guint first, first_byte, last, last_byte;

  if (self->document == NULL || self->paragraph_starts->len == 0 ||
      !gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;

  place_of_iter (self, &start, &first, &first_byte);
  place_of_iter (self, &end, &last, &last_byte);
  /* A selection that runs to the start of the next paragraph (a triple click) ends
   * with its own. */
  if (last == first + 1 && last_byte == 0)
    {
      last = first;
      last_byte = strlen (xinzhi_document_get_paragraph (self->document, first)->text);
    }

  gtk_widget_activate_action (widget,
                              g_str_equal (action_name, "reader.add-event") ? "win.add-event" :
                              g_str_equal (action_name, "reader.add-term") ? "win.add-term" : "win.add-quote",
                              "(suuuu)", xinzhi_document_get_id (self->document),
                              first, first_byte, last, last_byte);
}

static void
buffer_notify_has_selection_cb (XinzhiReader *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.add-quote",
                                 gtk_text_buffer_get_has_selection (self->buffer));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.add-event",
                                 gtk_text_buffer_get_has_selection (self->buffer));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.add-term",
                                 gtk_text_buffer_get_has_selection (self->buffer));
}

/* The id of what a highlighted mention is of: its sector or its concept. */
static const char *
span_owner_id (Span *span)
{
  XinzhiMention *mention = XINZHI_MENTION (span->object);

  if (span->kind == SPAN_SECTOR)
    return xinzhi_sector_get_id (xinzhi_mention_get_sector (mention));
  return xinzhi_concept_get_id (xinzhi_mention_get_concept (mention));
}

/* Shows the first mention of the sector or concept whose id @parameter names. */
static void
show_first_span (XinzhiReader *self,
                 SpanKind      kind,
                 GVariant     *parameter)
{
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);
      GtkTextIter start, end;

      if (span->kind != kind || g_strcmp0 (span_owner_id (span), id) != 0)
        continue;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, span->start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, span->end);
      show_range (self, &start, &end, FALSE);
      return;
    }
}

static void
show_sector_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_first_span (XINZHI_READER (widget), SPAN_SECTOR, parameter);
}

static void
show_concept_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_first_span (XINZHI_READER (widget), SPAN_CONCEPT, parameter);
}

static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  XinzhiReader *self = XINZHI_READER (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  GListModel *mentions;

  if (self->document == NULL)
    return;

  /* A quote of the person first: it is what the chip stands for when it is tinted. */
  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);
      XinzhiPerson *person;

      if (span->kind != SPAN_QUOTE)
        continue;

      person = xinzhi_quote_get_person (XINZHI_QUOTE (span->object));
      if (g_strcmp0 (xinzhi_person_get_id (person), id) == 0)
        {
          xinzhi_reader_show_quote (self, XINZHI_QUOTE (span->object));
          return;
        }
    }

  mentions = xinzhi_document_get_mentions (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (mentions); i++)
    {
      g_autoptr(XinzhiMention) mention = g_list_model_get_item (mentions, i);
      XinzhiPerson *person = xinzhi_mention_get_person (mention);
      GtkTextIter start, end;

      if (person == NULL || g_strcmp0 (xinzhi_person_get_id (person), id) != 0)
        continue;

      if (_xinzhi_reader_get_paragraph_range (self,
                               xinzhi_mention_get_paragraph (mention),
                               xinzhi_mention_get_start (mention),
                               xinzhi_mention_get_end (mention),
                               &start, &end))
        show_range (self, &start, &end, FALSE);
      return;
    }
}

static void
style_changed_cb (XinzhiReader *self)
{
  _xinzhi_reader_update_colors (self);
}

static gboolean
text_view_query_tooltip_cb (XinzhiReader *self,
                            int           x,
                            int           y,
                            gboolean      keyboard_mode,
                            GtkTooltip   *tooltip,
                            GtkTextView  *text_view)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkTextIter iter;
  int buffer_x, buffer_y;
  int offset;

  if (keyboard_mode)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (text_view, &iter, buffer_x, buffer_y))
    return FALSE;
  offset = gtk_text_iter_get_offset (&iter);

  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);
      g_autofree char *line = NULL;

      if (offset < span->start || offset >= span->end)
        continue;

      if (span->kind == SPAN_SECTOR)
        {
          XinzhiSector *sector = xinzhi_mention_get_sector (XINZHI_MENTION (span->object));

          /* Translators: tooltip of a highlighted sector mention, e.g.
           * “Sector: Hydrogen energy (氢能)” */
          line = g_strdup_printf (_("Sector: %s (%s)"),
                                  xinzhi_sector_get_display_name (sector),
                                  xinzhi_sector_get_other_name (sector));
        }
      else if (span->kind == SPAN_CONCEPT)
        {
          XinzhiConcept *concept = xinzhi_mention_get_concept (XINZHI_MENTION (span->object));

          /* Translators: tooltip of a mention of a concept, e.g.
           * “Concept: New quality productive forces (新质生产力)” */
          line = g_strdup_printf (_("Concept: %s (%s)"),
                                  xinzhi_concept_get_display_name (concept),
                                  xinzhi_concept_get_other_name (concept));
        }
      else
        {
          XinzhiQuote *quote = XINZHI_QUOTE (span->object);
          const char *name = xinzhi_person_get_display_name (xinzhi_quote_get_person (quote));

          if (xinzhi_quote_get_kind (quote) == XINZHI_QUOTE_DIRECT)
            /* Translators: tooltip of a highlighted quote; %s is the speaker */
            line = g_strdup_printf (_("Quote: %s, direct"), name);
          else
            /* Translators: tooltip of a highlighted paraphrase; %s is the speaker */
            line = g_strdup_printf (_("Quote: %s, paraphrase"), name);
        }

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  if (text->len == 0)
    return FALSE;

  /* Plain text: names come from the corpus. */
  gtk_tooltip_set_text (tooltip, text->str);
  return TRUE;
}

static void
xinzhi_reader_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (xinzhi_reader_parent_class)->css_changed (widget, change);

  /* The dim text colour follows the foreground colour of the theme. */
  _xinzhi_reader_update_colors (XINZHI_READER (widget));
}

static GtkSizeRequestMode
xinzhi_reader_get_request_mode (GtkWidget *widget)
{
  XinzhiReader *self = XINZHI_READER (widget);

  if (self->stack == NULL)
    return GTK_SIZE_REQUEST_CONSTANT_SIZE;

  return gtk_widget_get_request_mode (GTK_WIDGET (self->stack));
}

static void
xinzhi_reader_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  XinzhiReader *self = XINZHI_READER (widget);

  if (self->stack == NULL)
    return;

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* Allocates the one child as GtkBinLayout would, and notices changes of width. */
static void
xinzhi_reader_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  XinzhiReader *self = XINZHI_READER (widget);

  if (self->stack == NULL)
    return;

  gtk_widget_allocate (GTK_WIDGET (self->stack), width, height, baseline, NULL);

  if (width != self->last_width)
    {
      gboolean narrow = width < NARROW_WIDTH;

      /* A long headline in title-1 fills a phone's screen. */
      if (self->last_width == 0 || narrow != (self->last_width < NARROW_WIDTH))
        {
          GtkWidget *title = GTK_WIDGET (self->title_label);

          gtk_widget_remove_css_class (title, narrow ? "title-1" : "title-2");
          gtk_widget_add_css_class (title, narrow ? "title-2" : "title-1");
        }

      self->last_width = width;
      fit_text_view (self);
    }
}

static void
xinzhi_reader_dispose (GObject *object)
{
  XinzhiReader *self = XINZHI_READER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->flash_source, g_source_remove);
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }
  if (self->fit_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fit_tick);
      self->fit_tick = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), XINZHI_TYPE_READER);

  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->spans, g_array_unref);

  G_OBJECT_CLASS (xinzhi_reader_parent_class)->dispose (object);
}

static void
xinzhi_reader_finalize (GObject *object)
{
  XinzhiReader *self = XINZHI_READER (object);

  g_clear_pointer (&self->paragraph_starts, g_array_unref);
  g_clear_pointer (&self->find_matches, g_array_unref);

  G_OBJECT_CLASS (xinzhi_reader_parent_class)->finalize (object);
}

static void
xinzhi_reader_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XinzhiReader *self = XINZHI_READER (object);

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
xinzhi_reader_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XinzhiReader *self = XINZHI_READER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      xinzhi_reader_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xinzhi_reader_class_init (XinzhiReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xinzhi_reader_dispose;
  object_class->finalize = xinzhi_reader_finalize;
  object_class->get_property = xinzhi_reader_get_property;
  object_class->set_property = xinzhi_reader_set_property;

  widget_class->css_changed = xinzhi_reader_css_changed;
  widget_class->get_request_mode = xinzhi_reader_get_request_mode;
  widget_class->measure = xinzhi_reader_measure;
  widget_class->size_allocate = xinzhi_reader_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         XINZHI_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "reader.open-original", NULL,
                                   open_original_action);
  gtk_widget_class_install_action (widget_class, "reader.show-sector", "s",
                                   show_sector_action);
  gtk_widget_class_install_action (widget_class, "reader.show-person", "s",
                                   show_person_action);
  gtk_widget_class_install_action (widget_class, "reader.show-concept", "s",
                                   show_concept_action);
  gtk_widget_class_install_action (widget_class, "reader.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "reader.add-quote", NULL, add_quote_action);
  gtk_widget_class_install_action (widget_class, "reader.add-event", NULL, add_quote_action);
  gtk_widget_class_install_action (widget_class, "reader.add-term", NULL, add_quote_action);
  gtk_widget_class_install_action (widget_class, "reader.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "reader.find-previous", NULL,
                                   find_previous_action);

  g_type_ensure (XINZHI_TYPE_NOTE_EDITOR);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/xinzhi/Xinzhi/widgets/xinzhi-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, stack);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, clamp);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, date_note_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, outlet_note_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, open_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, correct_button);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, facts_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, sectors_row);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, sectors_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, concepts_row);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, concepts_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, people_row);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, people_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, legend_box);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, sector_legend);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, concept_legend);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, quote_legend);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, paraphrase_legend);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, unreviewed_legend);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, buffer);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, find_bar);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, find_entry);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, find_count_label);
  gtk_widget_class_bind_template_child (widget_class, XinzhiReader, note_editor);
  gtk_widget_class_bind_template_callback (widget_class, text_view_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_entry_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_bar_notify_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, buffer_notify_has_selection_cb);
}

static void
xinzhi_reader_init (XinzhiReader *self)
{
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->paragraph_starts = g_array_new (FALSE, FALSE, sizeof (int));
  self->spans = g_array_new (FALSE, TRUE, sizeof (Span));
  g_array_set_clear_func (self->spans, clear_span);
  self->cancellable = g_cancellable_new ();
  self->find_matches = g_array_new (FALSE, FALSE, sizeof (FindMatch));

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, "scroll", &start, TRUE);
  _xinzhi_reader_create_tags (self);

  xinzhi_palette_watch (GTK_WIDGET (self), G_CALLBACK (style_changed_cb));
  _xinzhi_reader_update_colors (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.open-original", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");

  /* The text's context menu adds the words selected as a quote or a sector's term, or
   * the sentence selected as an event. */
  {
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("Add _Quote…"), "reader.add-quote");
    g_menu_append (menu, _("Add _Event from Sentence…"), "reader.add-event");
    g_menu_append (menu, _("Add _Term to Sector…"), "reader.add-term");
    gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (menu));
    buffer_notify_has_selection_cb (self);
  }

  /* Shift+Enter goes to the previous match. */
  {
    GtkEventController *controller = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_SHIFT_MASK),
                                                            gtk_named_action_new ("reader.find-previous")));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_SHIFT_MASK),
                                                            gtk_named_action_new ("reader.find-previous")));
    gtk_widget_add_controller (GTK_WIDGET (self->find_entry), controller);
  }
  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  update_find_count (self);
}

/**
 * xinzhi_reader_get_document:
 *
 * Returns: (transfer none) (nullable): the article shown
 */
XinzhiDocument *
xinzhi_reader_get_document (XinzhiReader *self)
{
  g_return_val_if_fail (XINZHI_IS_READER (self), NULL);
  return self->document;
}

/**
 * xinzhi_reader_set_document:
 * @document: (nullable): the article to show, or %NULL for none
 *
 * Shows @document from its top.
 */
void
xinzhi_reader_set_document (XinzhiReader   *self,
                            XinzhiDocument *document)
{
  g_return_if_fail (XINZHI_IS_READER (self));
  g_return_if_fail (document == NULL || XINZHI_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  xinzhi_note_editor_set_item (self->note_editor, "document",
                               document ? xinzhi_document_get_id (document) : NULL);
  stop_flash (self);
  if (self->scroll_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
      self->scroll_tick = 0;
    }

  if (document == NULL)
    {
      clear_find (self);
      gtk_search_bar_set_search_mode (self->find_bar, FALSE);
      gtk_text_buffer_set_text (self->buffer, "", 0);
      g_array_set_size (self->paragraph_starts, 0);
      g_array_set_size (self->spans, 0);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.open-original", FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      fill_header (self);
      clear_find (self);
      _xinzhi_reader_fill_buffer (self);
      fill_facts (self);
      run_find (self);
      fit_text_view (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
      gtk_stack_set_visible_child_name (self->stack, "article");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * xinzhi_reader_show_paragraph:
 * @paragraph: the index of a paragraph of the article shown
 *
 * Scrolls the paragraph into view and marks it for a moment.
 */
void
xinzhi_reader_show_paragraph (XinzhiReader *self,
                              guint         paragraph)
{
  GtkTextIter start, end;

  g_return_if_fail (XINZHI_IS_READER (self));
  g_return_if_fail (self->document != NULL);
  g_return_if_fail (paragraph < self->paragraph_starts->len);

  gtk_text_buffer_get_iter_at_offset (self->buffer, &start,
                                      g_array_index (self->paragraph_starts, int, paragraph));
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);

  show_range (self, &start, &end, TRUE);
}

/**
 * xinzhi_reader_show_quote:
 * @quote: a quote
 *
 * Shows the article of @quote, scrolls the quote into view and marks it for a moment.
 */
void
xinzhi_reader_show_quote (XinzhiReader *self,
                          XinzhiQuote  *quote)
{
  GtkTextIter start, end;

  g_return_if_fail (XINZHI_IS_READER (self));
  g_return_if_fail (XINZHI_IS_QUOTE (quote));

  xinzhi_reader_set_document (self, xinzhi_quote_get_document (quote));

  if (_xinzhi_reader_get_paragraph_range (self,
                           xinzhi_quote_get_paragraph (quote),
                           xinzhi_quote_get_start (quote),
                           xinzhi_quote_get_end (quote),
                           &start, &end))
    show_range (self, &start, &end, FALSE);
}

/**
 * xinzhi_reader_show_text_range:
 * @paragraph: the index of a paragraph of the article shown
 * @start: the byte offset in the paragraph's text where the range starts
 * @end: the byte offset just past it
 *
 * Scrolls a range of a paragraph into view and marks it for a moment: a mention, say.
 */
void
xinzhi_reader_show_text_range (XinzhiReader *self,
                               guint         paragraph,
                               guint         start,
                               guint         end)
{
  GtkTextIter start_iter, end_iter;

  g_return_if_fail (XINZHI_IS_READER (self));
  g_return_if_fail (self->document != NULL);

  if (_xinzhi_reader_get_paragraph_range (self, paragraph, start, end, &start_iter, &end_iter))
    show_range (self, &start_iter, &end_iter, FALSE);
}

/**
 * xinzhi_reader_find:
 * @text: (nullable): the words to find, or %NULL to keep those in the find bar
 *
 * Opens the find bar over the article and focuses it.  Every match of the words is
 * marked, without regard to case or accents, the current one more strongly.
 */
void
xinzhi_reader_find (XinzhiReader *self,
                    const char   *text)
{
  g_return_if_fail (XINZHI_IS_READER (self));

  if (self->document == NULL)
    return;

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  if (text != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
      run_find (self);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

/**
 * xinzhi_reader_get_find_matches:
 * @current: (out) (optional): the index of the current match
 *
 * Returns: the number of matches of the find bar's words in the article, 0 when the
 *   find bar is closed
 */
guint
xinzhi_reader_get_find_matches (XinzhiReader *self,
                                guint        *current)
{
  g_return_val_if_fail (XINZHI_IS_READER (self), 0);

  if (current != NULL)
    *current = self->find_current;
  return self->find_matches->len;
}

/**
 * xinzhi_reader_set_notes:
 * @notes: (nullable): the person's notes
 *
 * Lets the person write a note on the article, under its text.
 */
void
xinzhi_reader_set_notes (XinzhiReader *self,
                         XinzhiNotes  *notes)
{
  g_return_if_fail (XINZHI_IS_READER (self));

  xinzhi_note_editor_set_notes (self->note_editor, notes);
}

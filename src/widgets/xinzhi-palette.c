/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "xinzhi-palette.h"

/* The class that tells style.css to draw quotes in purple, as the text tags do. */
#define WARM_ACCENT_CLASS "xinzhi-warm-accent"

static gboolean
is_warm (AdwAccentColor accent_color)
{
  return accent_color == ADW_ACCENT_COLOR_YELLOW || accent_color == ADW_ACCENT_COLOR_ORANGE;
}

/* The quote colour is the one thing CSS cannot work out from the style. */
static void
update_warm_accent_class (GtkWidget *widget)
{
  AdwStyleManager *style_manager =
    adw_style_manager_get_for_display (gtk_widget_get_display (widget));

  if (is_warm (adw_style_manager_get_accent_color (style_manager)))
    gtk_widget_add_css_class (widget, WARM_ACCENT_CLASS);
  else
    gtk_widget_remove_css_class (widget, WARM_ACCENT_CLASS);
}

/**
 * xinzhi_palette_init:
 * @palette: (out caller-allocates): the palette to fill
 * @widget: the widget that draws with it
 *
 * Reads the named colours of @widget's style: its colour from CSS, the accent, dark
 * and high contrast from the style manager of its display.  Quotes take yellow, like
 * a highlighter pen, or purple when the accent is itself yellow or orange, so that
 * quotes and sectors never look alike.
 */
void
xinzhi_palette_init (XinzhiPalette *palette,
                     GtkWidget     *widget)
{
  AdwStyleManager *style_manager;
  AdwAccentColor accent_color;
  g_autoptr(GdkRGBA) accent_bg = NULL;
  gboolean warm;

  g_return_if_fail (palette != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  style_manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  accent_color = adw_style_manager_get_accent_color (style_manager);
  accent_bg = adw_style_manager_get_accent_color_rgba (style_manager);
  warm = is_warm (accent_color);

  palette->dark = adw_style_manager_get_dark (style_manager);
  palette->high_contrast = adw_style_manager_get_high_contrast (style_manager);
  gtk_widget_get_color (widget, &palette->fg);
  palette->accent_bg = *accent_bg;
  adw_accent_color_to_standalone_rgba (accent_color, palette->dark, &palette->accent);
  adw_accent_color_to_rgba (warm ? ADW_ACCENT_COLOR_PURPLE : ADW_ACCENT_COLOR_YELLOW,
                            &palette->quote);
}

/**
 * xinzhi_palette_init_for_page:
 * @palette: (out caller-allocates): the palette to fill
 * @accent_color: the accent
 *
 * The colours of a figure for the page, printed or put in a paper: the light style
 * on white whatever the style of the screen, with @accent_color.  Needs no display.
 */
void
xinzhi_palette_init_for_page (XinzhiPalette  *palette,
                              AdwAccentColor  accent_color)
{
  g_return_if_fail (palette != NULL);

  palette->dark = FALSE;
  palette->high_contrast = FALSE;
  /* libadwaita's light foreground, #000006 at 80% */
  palette->fg = (GdkRGBA) { 0, 0, 6 / 255.0f, 0.8f };
  adw_accent_color_to_rgba (accent_color, &palette->accent_bg);
  adw_accent_color_to_standalone_rgba (accent_color, FALSE, &palette->accent);
  adw_accent_color_to_rgba (is_warm (accent_color) ? ADW_ACCENT_COLOR_PURPLE : ADW_ACCENT_COLOR_YELLOW,
                            &palette->quote);
}

/**
 * xinzhi_palette_alpha:
 * @color: a colour
 * @alpha: how much of it to keep, from 0 to 1
 *
 * Returns: @color with its opacity multiplied by @alpha
 */
GdkRGBA
xinzhi_palette_alpha (const GdkRGBA *color,
                      float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

/**
 * xinzhi_palette_get_tint:
 * @palette: a palette
 * @tint: which highlight
 *
 * The highlights are translucent tints, so the text keeps the contrast of the theme;
 * dark and high-contrast styles get stronger tints.  style.css and its dark and
 * high-contrast variants hold the same numbers for the chips and swatches.
 *
 * Returns: the colour of @tint
 */
GdkRGBA
xinzhi_palette_get_tint (const XinzhiPalette *palette,
                         XinzhiTint           tint)
{
  gboolean dark = palette->dark;
  float boost = palette->high_contrast ? 0.15f : 0.0f;

  switch (tint)
    {
    case XINZHI_TINT_SECTOR:
      return xinzhi_palette_alpha (&palette->accent_bg, (dark ? 0.30f : 0.18f) + boost);
    case XINZHI_TINT_QUOTE:
      return xinzhi_palette_alpha (&palette->quote, (dark ? 0.38f : 0.30f) + boost);
    case XINZHI_TINT_PARAPHRASE:
      return xinzhi_palette_alpha (&palette->quote, (dark ? 0.20f : 0.14f) + boost);
    case XINZHI_TINT_FLASH:
      return xinzhi_palette_alpha (&palette->accent_bg, dark ? 0.22f : 0.12f);
    case XINZHI_TINT_FIND:
      return xinzhi_palette_alpha (&palette->accent_bg, (dark ? 0.28f : 0.20f) + boost);
    case XINZHI_TINT_FIND_CURRENT:
      return xinzhi_palette_alpha (&palette->accent_bg, (dark ? 0.65f : 0.50f) + boost);
    default:
      g_return_val_if_reached (palette->accent_bg);
    }
}

/**
 * xinzhi_palette_get_dim:
 * @palette: a palette
 *
 * Returns: the foreground dimmed as libadwaita's --dim-opacity
 */
GdkRGBA
xinzhi_palette_get_dim (const XinzhiPalette *palette)
{
  return xinzhi_palette_alpha (&palette->fg, palette->high_contrast ? 0.90f : 0.55f);
}

/**
 * xinzhi_palette_watch:
 * @widget: a widget that draws with a palette
 * @changed: (nullable): called with @widget as its first argument when the accent,
 *   dark or high contrast change
 *
 * Changes of the widget's own CSS colour come through #GtkWidgetClass.css_changed;
 * these come from the style manager, for as long as @widget lives.  @widget also
 * keeps the style class with which style.css draws its quote chips and swatches in
 * the quote colour of the palette.
 */
void
xinzhi_palette_watch (GtkWidget *widget,
                      GCallback  changed)
{
  static const char * const signals[] = {
    "notify::accent-color",
    "notify::dark",
    "notify::high-contrast",
  };
  AdwStyleManager *style_manager;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  style_manager = adw_style_manager_get_for_display (gtk_widget_get_display (widget));
  g_signal_connect_object (style_manager, "notify::accent-color",
                           G_CALLBACK (update_warm_accent_class), widget, G_CONNECT_SWAPPED);
  update_warm_accent_class (widget);

  if (changed == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    g_signal_connect_object (style_manager, signals[i], changed, widget, G_CONNECT_SWAPPED);
}

/**
 * xinzhi_palette_add_background:
 * @attrs: the attributes of a label
 * @color: a colour, translucent or not
 * @start: the first byte to mark
 * @end: the byte after the last
 *
 * Marks the bytes from @start to @end with @color as their background: Pango takes
 * the colour and its opacity as two attributes.
 */
void
xinzhi_palette_add_background (PangoAttrList *attrs,
                               const GdkRGBA *color,
                               guint          start,
                               guint          end)
{
  PangoAttribute *attr;

  g_return_if_fail (attrs != NULL);
  g_return_if_fail (color != NULL);

  attr = pango_attr_background_new ((guint16) (color->red * 65535),
                                    (guint16) (color->green * 65535),
                                    (guint16) (color->blue * 65535));
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);

  attr = pango_attr_background_alpha_new ((guint16) (color->alpha * 65535));
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The named colours of a widget's style, for what CSS cannot draw: snapshots, text
 * tags and Pango attributes.  The chips and swatches that CSS does draw take the same
 * tints from style.css, at the light style's strengths in every style. */
typedef struct
{
  GdkRGBA  fg;            /* the widget's colour, as CSS gives it */
  GdkRGBA  accent_bg;     /* the accent as a background, as --accent-bg-color */
  GdkRGBA  accent;        /* the accent as a foreground, as --accent-color */
  GdkRGBA  quote;         /* quotes: yellow, or purple when the accent is yellow or orange */
  gboolean dark;
  gboolean high_contrast;
} XinzhiPalette;

/* The highlights every view shares, from the accent and the quote colour. */
typedef enum
{
  XINZHI_TINT_SECTOR,
  XINZHI_TINT_QUOTE,
  XINZHI_TINT_PARAPHRASE,
  XINZHI_TINT_FLASH,
  XINZHI_TINT_FIND,
  XINZHI_TINT_FIND_CURRENT,
} XinzhiTint;

void     xinzhi_palette_init      (XinzhiPalette       *palette,
                                   GtkWidget           *widget);
void     xinzhi_palette_init_for_page (XinzhiPalette       *palette,
                                       AdwAccentColor       accent_color);
GdkRGBA  xinzhi_palette_alpha     (const GdkRGBA       *color,
                                   float                alpha);
GdkRGBA  xinzhi_palette_get_tint  (const XinzhiPalette *palette,
                                   XinzhiTint           tint);
GdkRGBA  xinzhi_palette_get_dim   (const XinzhiPalette *palette);
void     xinzhi_palette_watch     (GtkWidget           *widget,
                                   GCallback            changed);

void     xinzhi_palette_add_background (PangoAttrList *attrs,
                                        const GdkRGBA *color,
                                        guint          start,
                                        guint          end);

G_END_DECLS

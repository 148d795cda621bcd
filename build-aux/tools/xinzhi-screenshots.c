/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "xinzhi-window.h"
#include "xinzhi-test-ui.h"

/* xinzhi-screenshots: renders the AppStream screenshots of the four main views into a
 * folder (data/screenshots/ through `build-aux/dev screenshots`).  It drives the real
 * window in-process with the built-in corpus, so that each run shows the same things:
 * the release look (no development stripes), the light style and the default accent, at
 * the logical size below, rendered by the window's own renderer into PNG files. */

/* GNOME's interface font since GNOME 48, as its runtime sets it. */
#define SHOT_FONT "Adwaita Sans 11"

/* Flathub's quality guidelines ask for a reasonable window size, not a maximised one:
 * about 1000×700 logical pixels. */
#define SHOT_WIDTH  1000
#define SHOT_HEIGHT 700

/* The family that @font resolves to here: Adwaita Sans, or the stand-in the font
 * configuration gives (build-aux/screenshots-fonts.conf). */
static char *
dup_resolved_family (GtkWidget  *widget,
                     const char *font)
{
  g_autoptr(PangoFontDescription) wanted = pango_font_description_from_string (font);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  g_autoptr(PangoFont) loaded = pango_context_load_font (context, wanted);
  g_autoptr(PangoFontDescription) got = NULL;

  if (loaded == NULL)
    return g_strdup ("");
  got = pango_font_describe (loaded);
  return g_strdup (pango_font_description_get_family (got));
}

static gboolean
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *dir,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* The paintable is empty until the window has drawn a frame: wait for one. */
  for (guint tries = 0; tries < 50 && node == NULL; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (tries > 0)
        {
          gtk_widget_queue_draw (widget);
          xinzhi_test_run_for (100);
        }
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert (node != NULL);

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_printerr ("xinzhi-screenshots: could not write %s\n", path);
      exit (EXIT_FAILURE);
    }

  g_print ("%s (%d×%d)\n", path, gdk_texture_get_width (texture), gdk_texture_get_height (texture));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(XinzhiCorpus) corpus = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  GSettingsSchemaSource *source;
  XinzhiWindow *window;
  static const char *views[] = { "timeline", "sectors", "quotes", "articles" };
  const char *localedir;
  const char *dir;

  if (argc != 2)
    {
      g_printerr ("usage: xinzhi-screenshots FOLDER\n");
      return EXIT_FAILURE;
    }
  dir = argv[1];

  setlocale (LC_ALL, "");
  /* The interface's language follows the environment, as in the app: XINZHI_LOCALEDIR
   * points at the build folder's catalogues for screenshots in another language. */
  localedir = g_getenv ("XINZHI_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  xinzhi_test_ui_init ();
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_printerr ("xinzhi-screenshots: cannot create %s\n", dir);
      return EXIT_FAILURE;
    }

  /* Registering runs the application's startup, which loads style.css from the
   * resource base path, as the real application does. */
  app = adw_application_new ("io.github.xinzhi.Xinzhi.Screenshots", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("xinzhi-screenshots: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* The platform's defaults: GNOME's interface font, the light style whatever the
   * desktop prefers; the accent is libadwaita's default where no settings portal
   * answers. */
  g_object_set (gtk_settings_get_default (), "gtk-font-name", SHOT_FONT, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);

  corpus = xinzhi_corpus_new_builtin (&error);
  if (corpus == NULL)
    {
      g_printerr ("xinzhi-screenshots: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* The settings as a first start has them, in memory (GSETTINGS_BACKEND=memory). */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.xinzhi.Xinzhi", TRUE);
  if (schema != NULL)
    settings = g_settings_new_full (schema, NULL, NULL);
  /* The views themselves, not the welcome of a first start. */
  if (settings != NULL)
    g_settings_set_boolean (settings, "welcome-dismissed", TRUE);

  window = xinzhi_window_new (app, corpus, settings);
  /* The release look, whatever profile this build is. */
  gtk_widget_remove_css_class (GTK_WIDGET (window), "devel");
  gtk_window_set_default_size (GTK_WINDOW (window), SHOT_WIDTH, SHOT_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  if (!wait_until_mapped (GTK_WIDGET (window)))
    {
      g_printerr ("xinzhi-screenshots: the window did not appear\n");
      return EXIT_FAILURE;
    }
  xinzhi_test_run_for (500);

  /* Screenshots in another font than GNOME's would show the stores an app that looks
   * otherwise: none rather than those. */
  {
    g_autofree char *family = dup_resolved_family (GTK_WIDGET (window), SHOT_FONT);

    if (!g_str_equal (family, "Adwaita Sans") && !g_str_equal (family, "Inter"))
      {
        g_printerr ("xinzhi-screenshots: “%s” is drawn in “%s”; install Adwaita Sans or Inter "
                    "(see build-aux/screenshots-fonts.conf)\n", SHOT_FONT, family);
        return EXIT_FAILURE;
      }
    g_print ("font: %s for %s\n", family, SHOT_FONT);
  }

  /* The default size counts the client-side shadow around the window, which the
   * screenshots leave out: grow the window by it. */
  if (gtk_widget_get_width (GTK_WIDGET (window)) != SHOT_WIDTH ||
      gtk_widget_get_height (GTK_WIDGET (window)) != SHOT_HEIGHT)
    {
      gtk_window_set_default_size (GTK_WINDOW (window),
                                   2 * SHOT_WIDTH - gtk_widget_get_width (GTK_WIDGET (window)),
                                   2 * SHOT_HEIGHT - gtk_widget_get_height (GTK_WIDGET (window)));
      xinzhi_test_run_for (500);
    }

  /* Timeline with an event selected, Sectors with a sector selected, Quotes with a quote
   * shown, Articles with an article open and its sector mentions highlighted. */
  for (gsize i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strconcat (views[i], ".png", NULL);

      xinzhi_test_show_sample (window, corpus, views[i]);
      xinzhi_test_run_for (1000);
      save_screenshot (GTK_WIDGET (window), dir, name);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  xinzhi_test_run_for (100);

  return EXIT_SUCCESS;
}

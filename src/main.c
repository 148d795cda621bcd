/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "xinzhi-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(XinzhiApplication) app = NULL;
  const char *localedir;

  /* XINZHI_LOCALEDIR lets the tests run the uninstalled app with the translations
   * built into the build folder (po/LANG/LC_MESSAGES/xinzhi.mo). */
  localedir = g_getenv ("XINZHI_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = xinzhi_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>

#include "bc-application.h"
#include "bc-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Vietnamese text must survive a bare "C" locale (cron, CI, ssh). */
  if (g_strcmp0 (nl_langinfo (CODESET), "UTF-8") != 0)
    setlocale (LC_CTYPE, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands need no display. */
  if (argc > 1 && bc_cli_is_command (argv[1]))
    return bc_cli_run (argc, argv);

  app = G_APPLICATION (bc_application_new ());
  return g_application_run (app, argc, argv);
}

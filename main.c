/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <locale.h>

#include "bc-application.h"
#include "bc-cli.h"

/* An uninstalled build (build-aux/dev.sh run, meson devenv, the tests)
 * names the build tree's compiled translations; an installed one finds
 * them where it was installed. */
static const char *
locale_dir (void)
{
  const char *dir = g_getenv ("BAOCAO_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  g_autofree char *commands = NULL;

  setlocale (LC_ALL, "");
  /* Vietnamese text must survive a bare "C" locale (cron, CI, ssh). */
  if (g_strcmp0 (nl_langinfo (CODESET), "UTF-8") != 0)
    setlocale (LC_CTYPE, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands need no display. */
  if (argc > 1 && bc_cli_is_command (argv[1]))
    return bc_cli_run (argc, argv);

  app = G_APPLICATION (bc_application_new ());
  commands = bc_cli_dup_commands_help ();
  bc_application_set_commands_help (BC_APPLICATION (app), commands);
  return g_application_run (app, argc, argv);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* Exit statuses of the command line. */
enum
{
  BC_CLI_OK = 0,
  BC_CLI_FAILED = 3,     /* the command could not run: bad file, bad library */
  BC_CLI_USAGE = 64,     /* bad arguments */
};

gboolean  bc_cli_is_command    (const char  *arg);
int       bc_cli_run           (int          argc,
                                char       **argv);
BcStore  *bc_cli_open_library  (const char  *library,
                                GError     **error);
char     *bc_cli_dup_commands_help (void);

G_END_DECLS

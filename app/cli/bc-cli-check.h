/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of "baocao check", besides BC_CLI_FAILED and BC_CLI_USAGE. */
enum
{
  BC_CLI_CHECK_CLEAN = 0,
  BC_CLI_CHECK_WARNINGS = 1,
  BC_CLI_CHECK_ERRORS = 2,
};

int  bc_cli_check  (int    argc,
                    char **argv);

G_END_DECLS

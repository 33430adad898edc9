/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of "baocao due", besides BC_CLI_FAILED and BC_CLI_USAGE. */
enum
{
  BC_CLI_DUE_NOTHING = 0,   /* nothing owed within a working week */
  BC_CLI_DUE_SOON = 1,      /* a report not sent is due within a working week */
  BC_CLI_DUE_LATE = 2,      /* a report not sent is past its deadline */
};

int  bc_cli_due  (int    argc,
                  char **argv);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* Reports built from the monthly reports inside their period. Exit
 * statuses as in bc-cli.h; "rollup-update" without --apply exits
 * BC_CLI_ROLLUP_STALE when values are stale. */
enum
{
  BC_CLI_ROLLUP_STALE = 1,
};

BcReport *bc_cli_new_from_months  (BcStore     *store,
                                   BcTemplate  *template,
                                   BcOffice    *office,
                                   const char  *from,
                                   const char  *to,
                                   GError     **error);
int       bc_cli_rollup           (int          argc,
                                   char       **argv);
int       bc_cli_rollup_update    (int          argc,
                                   char       **argv);

G_END_DECLS

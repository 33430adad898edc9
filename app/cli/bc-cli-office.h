/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* The office profile commands of the command line. Exit statuses as in
 * bc-cli.h. */
int        bc_cli_office       (int          argc,
                                char       **argv);
BcOffice  *bc_cli_find_office  (BcStore     *store,
                                const char  *unit,
                                const char  *unit_kind,
                                gboolean    *made,
                                GError     **error);

G_END_DECLS

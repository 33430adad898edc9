/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int  bc_cli_plan_status  (int    argc,
                          char **argv);
int  bc_cli_plan_update  (int    argc,
                          char **argv);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int  bc_cli_units        (int    argc,
                          char **argv);
int  bc_cli_receive      (int    argc,
                          char **argv);
int  bc_cli_expected     (int    argc,
                          char **argv);
int  bc_cli_consolidate  (int    argc,
                          char **argv);
int  bc_cli_parts        (int    argc,
                          char **argv);
int  bc_cli_override     (int    argc,
                          char **argv);

G_END_DECLS

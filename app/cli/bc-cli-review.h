/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The review commands of the command line: report files, statuses,
 * comments and differences. Exit statuses as in bc-cli.h. */
int  bc_cli_save_file  (int    argc,
                        char **argv);
int  bc_cli_open_file  (int    argc,
                        char **argv);
int  bc_cli_status     (int    argc,
                        char **argv);
int  bc_cli_comment    (int    argc,
                        char **argv);
int  bc_cli_comments   (int    argc,
                        char **argv);
int  bc_cli_diff       (int    argc,
                        char **argv);
int  bc_cli_review     (int    argc,
                        char **argv);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* What every command shares: its one-line failure, the report it is
 * given by id or as a file, the words for a status. */

int         bc_cli_fail          (int          status,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (2, 3);
gboolean    bc_cli_parse_id      (const char  *text,
                                  gint64      *id);
const char *bc_cli_status_label  (const char  *status);
BcReport   *bc_cli_open_report   (const char  *library,
                                  const char  *arg,
                                  BcStore    **store,
                                  GError     **error);
BcTemplate *bc_cli_find_template (const char  *id,
                                  GError     **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-report.h"

G_BEGIN_DECLS

/* Only the store builds and changes reports. */
BcReport *bc_report_new              (gint64       id,
                                      const char  *uuid,
                                      BcTemplate  *template,
                                      GHashTable  *values,
                                      const char  *created,
                                      const char  *modified,
                                      gint64       previous_id);
void      bc_report_set_internal     (BcReport    *self,
                                      const char  *key,
                                      const char  *value);
void      bc_report_set_modified     (BcReport    *self,
                                      const char  *modified);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-rollup.h"
#include "bc-types.h"

G_BEGIN_DECLS

/* A province's report consolidated from its units' reports of the same
 * period: a BcRollup over units rather than months, with the value of
 * every unit in each sum (its parts). */

gboolean   bc_consolidate_is_source  (BcTemplate          *target,
                                      const char          *to,
                                      BcReport            *source);
BcRollup  *bc_consolidate_compute    (BcTemplate          *target,
                                      const char          *from,
                                      const char          *to,
                                      const char * const  *units,
                                      GPtrArray           *sources,
                                      GError             **error);
GPtrArray *bc_consolidate_missing    (BcRollup            *rollup);
gboolean   bc_consolidate_is_target  (BcTemplate          *template);
void       bc_consolidate_period_of_month (BcTemplate     *target,
                                           guint           month,
                                           guint           year,
                                           char          **from,
                                           char          **to);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-finding.h"
#include "bc-rollup.h"
#include "bc-types.h"

G_BEGIN_DECLS

GPtrArray  *bc_check_report       (BcReport    *report,
                                   BcReport    *previous);
GPtrArray  *bc_check_report_with_months (BcReport   *report,
                                         BcReport   *previous,
                                         BcRollup   *months,
                                         GHashTable *rolled);
GPtrArray  *bc_check_report_in_library (BcReport   *report,
                                        BcReport   *previous,
                                        BcRollup   *months,
                                        GHashTable *rolled,
                                        GHashTable *done_before,
                                        GPtrArray  *plan_changes);
guint       bc_check_count        (GPtrArray   *findings,
                                   BcSeverity   severity,
                                   gboolean     with_explained);
GPtrArray  *bc_check_findings_at  (GPtrArray   *findings,
                                   const char  *key);

G_END_DECLS

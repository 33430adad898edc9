/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_REPORT_ITEM (bc_report_item_get_type ())
G_DECLARE_FINAL_TYPE (BcReportItem, bc_report_item, BC, REPORT_ITEM, GObject)

BcReportItem          *bc_report_item_new_report   (const BcReportSummary *summary);
BcReportItem          *bc_report_item_new_group    (const char            *period_from,
                                                    const char            *period_to,
                                                    guint                  n_reports);
gboolean               bc_report_item_is_group     (BcReportItem          *self);
gint64                 bc_report_item_get_id       (BcReportItem          *self);
const BcReportSummary *bc_report_item_get_summary  (BcReportItem          *self);
void                   bc_report_item_set_summary  (BcReportItem          *self,
                                                    const BcReportSummary *summary);
char                  *bc_report_item_dup_label    (BcReportItem          *self);
char                  *bc_report_item_dup_period_name (BcReportItem       *self);

G_END_DECLS

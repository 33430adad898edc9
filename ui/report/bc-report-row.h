/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_REPORT_ROW (bc_report_row_get_type ())
G_DECLARE_FINAL_TYPE (BcReportRow, bc_report_row, BC, REPORT_ROW, AdwActionRow)

GtkWidget *bc_report_row_new     (const BcReportSummary *summary);
gint64     bc_report_row_get_id  (BcReportRow           *self);
void       bc_report_row_set_findings (BcReportRow      *self,
                                       guint             errors,
                                       guint             warnings);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-report-item.h"

G_BEGIN_DECLS

#define BC_TYPE_REPORT_ROW (bc_report_row_get_type ())
G_DECLARE_FINAL_TYPE (BcReportRow, bc_report_row, BC, REPORT_ROW, GtkBox)

GtkWidget    *bc_report_row_new           (void);
void          bc_report_row_set_item      (BcReportRow  *self,
                                           BcReportItem *item);
BcReportItem *bc_report_row_get_item      (BcReportRow  *self);
const char   *bc_report_row_get_title     (BcReportRow  *self);
const char   *bc_report_row_get_subtitle  (BcReportRow  *self);
const char   *bc_report_row_get_findings  (BcReportRow  *self);

G_END_DECLS

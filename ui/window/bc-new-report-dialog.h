/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_NEW_REPORT_DIALOG (bc_new_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BcNewReportDialog, bc_new_report_dialog, BC, NEW_REPORT_DIALOG, GtkWindow)

BcNewReportDialog *bc_new_report_dialog_new     (GtkWindow          *parent,
                                                 BcStore            *store,
                                                 GPtrArray          *templates);
gboolean           bc_new_report_dialog_create  (BcNewReportDialog  *self,
                                                 const char         *template_id,
                                                 const char         *unit,
                                                 const char         *from_iso,
                                                 const char         *to_iso,
                                                 GError            **error);
gboolean           bc_new_report_dialog_create_for_office (BcNewReportDialog  *self,
                                                           const char         *template_id,
                                                           gint64              office_id,
                                                           const char         *from_iso,
                                                           const char         *to_iso,
                                                           GError            **error);
BcOffice          *bc_new_report_dialog_get_office (BcNewReportDialog *self);
const char        *bc_new_report_dialog_get_reason (BcNewReportDialog *self);
GtkWidget         *bc_new_report_dialog_get_reason_label (BcNewReportDialog *self);
gboolean           bc_new_report_dialog_get_from_months (BcNewReportDialog *self);
void               bc_new_report_dialog_set_from_months (BcNewReportDialog *self,
                                                         gboolean           from_months);
const char        *bc_new_report_dialog_get_months_summary (BcNewReportDialog *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-edit-session.h"
#include "bc-input-registry.h"
#include "bc-report.h"
#include "bc-store.h"

G_BEGIN_DECLS

#define BC_TYPE_REPORT_PAGE (bc_report_page_get_type ())
G_DECLARE_FINAL_TYPE (BcReportPage, bc_report_page, BC, REPORT_PAGE, GtkWidget)

gboolean    bc_report_page_set_report   (BcReportPage *self,
                                         BcStore      *store,
                                         BcReport     *report,
                                         const char   *key,
                                         GError      **error);
BcEditSession *bc_report_page_get_session (BcReportPage *self);
BcInputRegistry *bc_report_page_get_inputs (BcReportPage *self);
gboolean    bc_report_page_flush        (BcReportPage *self,
                                         GError      **error);
GtkWidget  *bc_report_page_get_form     (BcReportPage *self);
const char *bc_report_page_get_message  (BcReportPage *self);
gboolean    bc_report_page_show_key     (BcReportPage *self,
                                         const char   *key);
GPtrArray  *bc_report_page_get_findings (BcReportPage *self);
GtkWidget  *bc_report_page_get_findings_panel (BcReportPage *self);
const char *bc_report_page_get_rollup_notice (BcReportPage *self);
const char *bc_report_page_get_plan_notice (BcReportPage *self);
char       *bc_report_page_describe_plan_update (BcReportPage  *self,
                                                 GError       **error);
gboolean    bc_report_page_plan_update (BcReportPage  *self,
                                        GError       **error);
gboolean    bc_report_page_rollup_update (BcReportPage  *self,
                                          GError       **error);
void        bc_report_page_check_now    (BcReportPage *self);
void        bc_report_page_focus_key    (BcReportPage *self,
                                         const char   *key);
void        bc_report_page_set_user     (BcReportPage *self,
                                         const char   *name,
                                         const char   *role);
void        bc_report_page_show_panel   (BcReportPage *self,
                                         const char   *name);
GtkWidget  *bc_report_page_get_changes_panel  (BcReportPage *self);
GtkWidget  *bc_report_page_get_comments_panel (BcReportPage *self);
BcReport   *bc_report_page_get_report   (BcReportPage *self);
GtkListBox *bc_report_page_get_outline  (BcReportPage *self);

gboolean    bc_report_page_override     (BcReportPage *self,
                                         const char   *key,
                                         const char   *value,
                                         const char   *reason,
                                         GError      **error);
GtkWidget  *bc_report_page_show_override (BcReportPage *self,
                                          const char   *key);

G_END_DECLS

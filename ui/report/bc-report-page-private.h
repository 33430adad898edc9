/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-checker.h"
#include "bc-report-page.h"

G_BEGIN_DECLS

struct _BcReportPage
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkWidget       *box;
  AdwWindowTitle  *window_title;
  AdwFlap         *flap;
  GtkListBox      *outline;
  AdwBin          *content;
  GtkLabel        *save_label;
  GtkWidget       *export_spinner;
  GtkRevealer     *findings_revealer;
  GtkToggleButton *findings_button;
  GtkImage        *findings_icon;
  GtkLabel        *findings_count;
  GtkWidget       *findings_panel;
  GtkWidget       *status_banner;
  GtkLabel        *status_label;
  GtkWidget       *rollup_banner;
  GtkLabel        *rollup_label;
  GtkWidget       *plan_banner;
  GtkLabel        *plan_label;
  GtkRevealer     *message_revealer;
  GtkMenuButton   *review_button;
  GtkMenuButton   *export_button;
  GMenuModel      *review_menu;
  GMenuModel      *export_menu;
  GtkLabel        *message_label;
  char            *message_key;
  GtkWidget       *side_stack;
  GtkWidget       *changes_panel;
  GtkWidget       *comments_panel;
  GPtrArray       *findings;
  guint            check_id;

  /* owned */
  GListStore      *outline_items;   /* BcOutlineItem, in the outline's order */
  BcReport        *report;
  BcReport        *previous;
  BcStore         *store;
  BcEditSession   *session;
  BcInputRegistry *inputs;          /* the forms' inputs, while there is a session */

  char            *input_key;       /* the value last focused in a form, or NULL */
  gboolean         consolidated;    /* the report was consolidated from its units' reports */

  /* borrowed */
  GtkRoot         *followed_root;   /* whose focus the comments panel follows; weak */
};

/* bc-report-page.c: the outline. */
int   bc_report_page_find_part          (BcReportPage   *self,
                                         const char     *key);

/* bc-report-page-checks.c: the findings of the open report. */
void  bc_report_page_schedule_check     (BcReportPage   *self);
void  bc_report_page_mark_input         (BcReportPage   *self,
                                         const char     *key,
                                         GtkWidget      *widget);
void  bc_report_page_mark_inputs        (BcReportPage   *self);
void  bc_report_page_focus_finding      (BcReportPage   *self,
                                         BcFinding      *finding);

/* bc-report-page-review.c: the review workflow of the open report. */
void  bc_report_page_review_class_init  (GtkWidgetClass *widget_class);
void  bc_report_page_update_review      (BcReportPage   *self);
void  bc_report_page_build_review       (BcReportPage   *self);
void  bc_report_page_ensure_panels      (BcReportPage   *self);
void  bc_report_page_mark_changes       (BcReportPage   *self);
void  bc_report_page_changed_elsewhere  (BcReportPage       *self,
                                         const char * const *keys,
                                         gboolean            replaced);

/* bc-report-page-plan.c: a follow-up behind its plan. */
void  bc_report_page_plan_class_init    (GtkWidgetClass *widget_class);
void  bc_report_page_update_plan        (BcReportPage   *self);

/* bc-report-page-rollup.c: a report built from its months, and the
 * dialog that asks before any update from where values come from. */
typedef gboolean (*BcReportPageUpdateFunc) (BcReportPage  *self,
                                            GError       **error);

void  bc_report_page_rollup_class_init  (GtkWidgetClass *widget_class);
void  bc_report_page_ask_update         (BcReportPage           *self,
                                         const char             *heading,
                                         const char             *body,
                                         BcReportPageUpdateFunc  update);
void  bc_report_page_load_origins       (BcReportPage   *self);
void  bc_report_page_update_rollup      (BcReportPage   *self);
void  bc_report_page_follow_focus       (BcReportPage   *self);

G_END_DECLS

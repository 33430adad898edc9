/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-due-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-due-row.h"
#include "bc-keys.h"
#include "bc-period.h"
#include "bc-report-item.h"

/* A report to do: "Huyện B · Tháng 05/2024", then its state, deadline
 * and how late or how near. Opens the report when it has been started,
 * else offers to make it. */
struct _BcDueRow
{
  AdwActionRow  parent_instance;

  gint64        report_id;   /* 0: not started */
};

G_DEFINE_FINAL_TYPE (BcDueRow, bc_due_row, ADW_TYPE_ACTION_ROW)

static void
bc_due_row_class_init (BcDueRowClass *klass)
{
}

static void
bc_due_row_init (BcDueRow *self)
{
}

static char *
describe (const BcDueItem *item)
{
  g_autofree char *deadline = bc_date_to_display (item->deadline);
  g_autofree char *when = bc_due_item_describe_when (item);
  /* Translators: a report not yet made */
  const char *status = item->status[0] != '\0' ? bc_key_status_label (item->status) : _("Not started");

  /* Translators: a report to do: its status, its deadline (dd/mm/yyyy), how late or how near */
  return g_strdup_printf (_("%s · due %s · %s"), status, deadline, when);
}

/**
 * bc_due_row_new:
 *
 * Returns: (transfer floating): a row for @item
 */
GtkWidget *
bc_due_row_new (const BcDueItem *item)
{
  g_autoptr(BcReportItem) group = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  BcDueRow *self;
  GtkWidget *icon;

  g_return_val_if_fail (item != NULL, NULL);

  group = bc_report_item_new_group (item->period_from, item->period_to, 0);
  period = bc_report_item_dup_period_name (group);
  title = g_strdup_printf ("%s · %s", item->unit, period);
  subtitle = describe (item);
  self = g_object_new (BC_TYPE_DUE_ROW, "title", title, "subtitle", subtitle, "use-markup", FALSE,
                       "activatable", TRUE, NULL);
  self->report_id = item->report_id;
  icon = gtk_image_new_from_icon_name (bc_due_item_state (item) == BC_DUE_LATE ? "dialog-warning-symbolic"
                                                                                : "alarm-symbolic");
  gtk_widget_add_css_class (icon, bc_due_item_state (item) == BC_DUE_LATE ? "error" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);
  return GTK_WIDGET (self);
}

/**
 * bc_due_row_get_report_id:
 *
 * Returns: the report of a row of bc_due_row_new(), 0 when not started
 */
gint64
bc_due_row_get_report_id (GtkListBoxRow *row)
{
  g_return_val_if_fail (BC_IS_DUE_ROW (row), 0);
  return BC_DUE_ROW (row)->report_id;
}

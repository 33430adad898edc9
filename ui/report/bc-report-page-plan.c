/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-checker.h"
#include "bc-edit-session.h"
#include "bc-report-page-private.h"
#include "bc-report.h"
#include "bc-store-followup.h"
#include "bc-ui-utils.h"

/* A report whose plan follow-up the plan has changed since (a task added,
 * reworded, given another deadline, dropped): a bar over the form, as for
 * the values of the months, that offers to take the plan as it is now.
 * Nothing follows the plan by itself: the clerk sees the list first. */

/**
 * bc_report_page_update_plan:
 *
 * Shows the bar over the form when the checks found the follow-up behind
 * its plan ("plan.stale").
 */
void
bc_report_page_update_plan (BcReportPage *self)
{
  const char *message = NULL;

  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    if (g_str_equal (bc_finding_get_rule (self->findings->pdata[i]), "plan.stale"))
      message = bc_finding_get_message (self->findings->pdata[i]);
  gtk_widget_set_visible (self->plan_banner, message != NULL);
  if (message != NULL)
    gtk_label_set_text (self->plan_label, _("The plan changed since this report's follow-up was made."));
}

/**
 * bc_report_page_get_plan_notice:
 *
 * Returns: (nullable): what the bar of a changed plan says, or %NULL when
 *   it is not shown
 */
const char *
bc_report_page_get_plan_notice (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  if (!gtk_widget_get_visible (self->plan_banner))
    return NULL;
  return gtk_label_get_text (self->plan_label);
}

/**
 * bc_report_page_plan_update:
 *
 * Takes the plan in force into the follow-up (what the dialog's Update
 * does), as one edit: one undo takes it back.
 *
 * Returns: %FALSE with @error set when it could not be read or saved
 */
gboolean
bc_report_page_plan_update (BcReportPage  *self,
                            GError       **error)
{
  g_autoptr(BcFollowupUpdate) update = NULL;
  g_autofree char *message = NULL;
  const BcEdit *edits;
  guint n;

  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  if ((update = bc_store_followup_compare (self->store, self->report, error)) == NULL)
    return FALSE;
  edits = bc_followup_update_get_edits (update, &n);
  if (n > 0 && !bc_edit_session_apply (self->session, edits, n, error))
    return FALSE;
  bc_report_page_check_now (self);
  message = g_strdup_printf (ngettext ("Updated %u task from the plan", "Updated %u tasks from the plan",
                                       update->changes->len),
                             update->changes->len);
  bc_ui_toast (GTK_WIDGET (self), message);
  return TRUE;
}

/**
 * bc_report_page_describe_plan_update:
 *
 * Returns: (transfer full) (nullable): what an update from the plan
 *   would change, a line a task, "" when nothing; %NULL with @error set
 */
char *
bc_report_page_describe_plan_update (BcReportPage  *self,
                                     GError       **error)
{
  g_autoptr(BcFollowupUpdate) update = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);

  if ((update = bc_store_followup_compare (self->store, self->report, error)) == NULL)
    return NULL;
  for (guint i = 0; i < update->changes->len; i++)
    {
      g_autofree char *line = bc_followup_update_describe (update->changes->pdata[i]);
      g_string_append_printf (body, "%s• %s", body->len ? "\n" : "", line);
    }
  bc_followup_update_get_edits (update, &n);
  if (body->len == 0 && n > 0)
    g_string_append (body, _("The follow-up now follows the plan in force; every task stays as it is."));
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* Lists every change, before anything is changed. */
static void
plan_update_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  if (self->report == NULL || self->session == NULL)
    return;
  if ((body = bc_report_page_describe_plan_update (self, &error)) == NULL)
    {
      bc_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (*body == '\0')
    {
      bc_ui_toast (GTK_WIDGET (self), _("The follow-up has the plan's tasks as they are"));
      return;
    }
  bc_report_page_ask_update (self, _("Update from the Plan?"), body, bc_report_page_plan_update);
}

void
bc_report_page_plan_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "report.plan-update", NULL, plan_update_action);
}

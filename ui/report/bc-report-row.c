/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-report-row.h"
#include "bc-ui-utils.h"

struct _BcReportRow
{
  AdwActionRow  parent_instance;

  /* template widgets */
  GtkButton    *next_button;
  GtkButton    *delete_button;
  GtkWidget    *findings_label;

  gint64        id;
};

G_DEFINE_FINAL_TYPE (BcReportRow, bc_report_row, ADW_TYPE_ACTION_ROW)

/* "template · period · status · last changed …", the line under the unit. */
static char *
describe (const BcReportSummary *summary)
{
  g_autofree char *period = bc_ui_format_period (summary->period_from, summary->period_to);
  g_autofree char *when = bc_ui_format_timestamp (summary->modified);
  /* Translators: %s is a local date and time, "dd/mm/yyyy HH:MM" */
  g_autofree char *changed = g_strdup_printf (_("last changed %s"), when);
  const char *parts[] = {
    summary->template_name, period, bc_key_status_label (summary->status), changed, NULL
  };

  /* Translators: the separator between the parts of a report's description */
  return g_strjoinv (_(" · "), (char **) parts);
}

static void
bc_report_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_REPORT_ROW);

  G_OBJECT_CLASS (bc_report_row_parent_class)->dispose (object);
}

static void
bc_report_row_class_init (BcReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_report_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-report-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcReportRow, next_button);
  gtk_widget_class_bind_template_child (widget_class, BcReportRow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, BcReportRow, findings_label);
}

static void
bc_report_row_init (BcReportRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_report_row_new:
 * @summary: the report to show
 *
 * Returns: (transfer floating): a row for the report list
 */
GtkWidget *
bc_report_row_new (const BcReportSummary *summary)
{
  BcReportRow *self;
  g_autofree char *subtitle = NULL;
  GVariant *target;

  g_return_val_if_fail (summary != NULL, NULL);

  subtitle = describe (summary);
  self = g_object_new (BC_TYPE_REPORT_ROW,
                       "title", summary->unit,
                       "subtitle", subtitle,
                       NULL);
  self->id = summary->id;
  target = g_variant_new_int64 (summary->id);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->next_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
  return GTK_WIDGET (self);
}

/**
 * bc_report_row_set_findings:
 *
 * Shows how many errors and warnings the checks found (explained ones left out).
 */
void
bc_report_row_set_findings (BcReportRow *self,
                            guint        errors,
                            guint        warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (BC_IS_REPORT_ROW (self));
  if (errors > 0)
    g_string_append_printf (text, ngettext ("%u error", "%u errors", errors), errors);
  if (errors > 0 && warnings > 0)
    g_string_append (text, " · ");
  if (warnings > 0)
    g_string_append_printf (text, ngettext ("%u warning", "%u warnings", warnings), warnings);
  gtk_label_set_text (GTK_LABEL (self->findings_label), text->str);
  gtk_widget_set_visible (self->findings_label, text->len > 0);
  gtk_widget_remove_css_class (self->findings_label, "error");
  gtk_widget_remove_css_class (self->findings_label, "warning");
  gtk_widget_add_css_class (self->findings_label, errors > 0 ? "error" : "warning");
}

gint64
bc_report_row_get_id (BcReportRow *self)
{
  g_return_val_if_fail (BC_IS_REPORT_ROW (self), 0);
  return self->id;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-keys.h"
#include "bc-report-row.h"
#include "bc-ui-utils.h"

/* A row of the report list view: a period's heading, or a report (unit,
 * "template · period · status · last changed", counts of findings). The
 * list view recycles rows: each shows whatever item it is given, and
 * follows its changes. */
struct _BcReportRow
{
  GtkBox        parent_instance;

  /* template widgets */
  GtkWidget    *heading_label;
  GtkWidget    *report_box;
  GtkWidget    *title_label;
  GtkWidget    *subtitle_label;
  GtkWidget    *findings_label;
  GtkWidget    *next_button;
  GtkWidget    *delete_button;

  /* owned */
  BcReportItem *item;
};

G_DEFINE_FINAL_TYPE (BcReportRow, bc_report_row, GTK_TYPE_BOX)

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
show_findings (BcReportRow *self,
               int          errors,
               int          warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (errors > 0)
    g_string_append_printf (text, ngettext ("%u error", "%u errors", errors), (guint) errors);
  if (errors > 0 && warnings > 0)
    g_string_append (text, " · ");
  if (warnings > 0)
    g_string_append_printf (text, ngettext ("%u warning", "%u warnings", warnings), (guint) warnings);
  gtk_label_set_text (GTK_LABEL (self->findings_label), text->str);
  gtk_widget_set_visible (self->findings_label, text->len > 0);
  gtk_widget_remove_css_class (self->findings_label, "error");
  gtk_widget_remove_css_class (self->findings_label, "warning");
  gtk_widget_add_css_class (self->findings_label, errors > 0 ? "error" : "warning");
}

static void
update (BcReportRow *self)
{
  const BcReportSummary *summary;
  g_autofree char *label = NULL;
  g_autofree char *subtitle = NULL;
  GVariant *target;
  gboolean group;

  if (self->item == NULL)
    return;
  summary = bc_report_item_get_summary (self->item);
  group = bc_report_item_is_group (self->item);
  gtk_widget_set_visible (self->heading_label, group);
  gtk_widget_set_visible (self->report_box, !group);
  label = bc_report_item_dup_label (self->item);
  if (group)
    {
      gtk_label_set_text (GTK_LABEL (self->heading_label), label);
      return;
    }
  subtitle = describe (summary);
  gtk_label_set_text (GTK_LABEL (self->title_label), label);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), subtitle);
  show_findings (self, summary->errors, summary->warnings);
  target = g_variant_new_int64 (summary->id);
  g_variant_ref_sink (target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->next_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
  g_variant_unref (target);
}

static void
bc_report_row_dispose (GObject *object)
{
  bc_report_row_set_item (BC_REPORT_ROW (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_REPORT_ROW);

  G_OBJECT_CLASS (bc_report_row_parent_class)->dispose (object);
}

static void
bc_report_row_class_init (BcReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_report_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-report-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcReportRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, BcReportRow, report_box);
  gtk_widget_class_bind_template_child (widget_class, BcReportRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BcReportRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BcReportRow, findings_label);
  gtk_widget_class_bind_template_child (widget_class, BcReportRow, next_button);
  gtk_widget_class_bind_template_child (widget_class, BcReportRow, delete_button);
}

static void
bc_report_row_init (BcReportRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_report_row_new:
 *
 * Returns: (transfer floating): a row for the report list view
 */
GtkWidget *
bc_report_row_new (void)
{
  return g_object_new (BC_TYPE_REPORT_ROW, NULL);
}

/**
 * bc_report_row_set_item:
 * @item: (nullable): what to show
 */
void
bc_report_row_set_item (BcReportRow  *self,
                        BcReportItem *item)
{
  g_return_if_fail (BC_IS_REPORT_ROW (self));
  g_return_if_fail (item == NULL || BC_IS_REPORT_ITEM (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    g_signal_connect_swapped (item, "notify::summary", G_CALLBACK (update), self);
  update (self);
}

/**
 * bc_report_row_get_item:
 *
 * Returns: (transfer none) (nullable): the item shown
 */
BcReportItem *
bc_report_row_get_item (BcReportRow *self)
{
  g_return_val_if_fail (BC_IS_REPORT_ROW (self), NULL);
  return self->item;
}

const char *
bc_report_row_get_title (BcReportRow *self)
{
  g_return_val_if_fail (BC_IS_REPORT_ROW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->item && bc_report_item_is_group (self->item)
                                        ? self->heading_label : self->title_label));
}

const char *
bc_report_row_get_subtitle (BcReportRow *self)
{
  g_return_val_if_fail (BC_IS_REPORT_ROW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->subtitle_label));
}

/**
 * bc_report_row_get_findings:
 *
 * Returns: (transfer none): "2 errors · 1 warning", or "" when none
 */
const char *
bc_report_row_get_findings (BcReportRow *self)
{
  g_return_val_if_fail (BC_IS_REPORT_ROW (self), NULL);
  return gtk_widget_get_visible (self->findings_label)
         ? gtk_label_get_text (GTK_LABEL (self->findings_label)) : "";
}

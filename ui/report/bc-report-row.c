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

  /* widgets */
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

static GtkWidget *
add_label (GtkWidget         *box,
           const char *const *classes)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  for (guint i = 0; classes != NULL && classes[i] != NULL; i++)
    gtk_widget_add_css_class (label, classes[i]);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
add_button (GtkWidget  *box,
            const char *icon,
            const char *label,
            const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* The report's id comes with the item shown. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (0));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

/* Built by hand, not from a template: GTK 4.8's list view makes 200 rows
 * however few are on screen, and a template is parsed again for each,
 * which made a library's first frame twice as slow as an empty one's. */
static void
build (BcReportRow *self)
{
  static const char *const heading[] = { "heading", NULL };
  static const char *const dim[] = { "caption", "dim-label", NULL };
  static const char *const badge[] = { "caption", "bc-badge", NULL };
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->heading_label = add_label (GTK_WIDGET (self), heading);
  gtk_widget_set_margin_top (self->heading_label, 18);
  gtk_widget_set_margin_bottom (self->heading_label, 6);
  gtk_widget_set_margin_start (self->heading_label, 6);
  self->report_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (self->report_box, 8);
  gtk_widget_set_margin_bottom (self->report_box, 8);
  gtk_widget_set_margin_start (self->report_box, 12);
  gtk_widget_set_margin_end (self->report_box, 6);
  gtk_box_append (GTK_BOX (self), self->report_box);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->report_box), text);
  self->title_label = add_label (text, NULL);
  self->subtitle_label = add_label (text, dim);
  self->findings_label = add_label (self->report_box, badge);
  gtk_widget_set_valign (self->findings_label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->findings_label, FALSE);
  self->next_button = add_button (self->report_box, "edit-copy-symbolic",
                                  _("New Report for the Next Period"), "win.duplicate-report");
  self->delete_button = add_button (self->report_box, "user-trash-symbolic",
                                    _("Delete Report"), "win.delete-report");
  gtk_box_append (GTK_BOX (self->report_box), arrow);
}

static void
bc_report_row_dispose (GObject *object)
{
  bc_report_row_set_item (BC_REPORT_ROW (object), NULL);

  G_OBJECT_CLASS (bc_report_row_parent_class)->dispose (object);
}

static void
bc_report_row_class_init (BcReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_report_row_dispose;
}

static void
bc_report_row_init (BcReportRow *self)
{
  build (self);
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

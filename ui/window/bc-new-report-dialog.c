/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-new-report-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-new-report-dialog.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-rollup.h"
#include "bc-template.h"

struct _BcNewReportDialog
{
  GtkWindow         parent_instance;

  /* template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwComboRow      *office_row;
  AdwComboRow      *template_row;
  AdwEntryRow      *unit_row;
  AdwEntryRow      *from_row;
  AdwEntryRow      *to_row;
  GtkLabel         *reason_label;
  GtkWidget        *months_group;
  AdwActionRow     *months_row;
  GtkSwitch        *months_switch;

  /* owned */
  BcStore          *store;
  GPtrArray        *templates;
  GPtrArray        *offices;    /* BcOffice; empty: the unit is typed */
};

G_DEFINE_FINAL_TYPE (BcNewReportDialog, bc_new_report_dialog, GTK_TYPE_WINDOW)

enum
{
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static BcTemplate *
selected_template (BcNewReportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->template_row);

  if (self->templates == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->templates->len)
    return NULL;
  return self->templates->pdata[i];
}

static BcOffice *
selected_office (BcNewReportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->office_row);

  if (self->offices == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->offices->len)
    return NULL;
  return self->offices->pdata[i];
}

/* The unit the report is for: the office's, or the one typed. */
static char *
dup_unit (BcNewReportDialog *self)
{
  BcOffice *office = selected_office (self);

  if (office != NULL)
    return bc_office_dup_unit_name (office);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_row))));
}

static BcTemplate *
find_template (BcNewReportDialog *self,
               const char        *id)
{
  for (guint i = 0; i < self->templates->len; i++)
    if (g_strcmp0 (bc_template_get_id (self->templates->pdata[i]), id) == 0)
      return self->templates->pdata[i];
  return NULL;
}

static void
set_row_error (AdwEntryRow *row,
               const char  *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
}

/* Reads a date row; an empty one is not flagged, only not accepted. One
 * refused says why ("31/02/2024": 02/2024 has no day 31) in @problem,
 * unless an earlier row already did. */
static char *
read_date (AdwEntryRow  *row,
           char        **problem)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  char *iso = NULL;

  if (*text == '\0' || bc_date_parse_display (text, &iso, &error))
    {
      set_row_error (row, NULL);
      return iso;
    }
  set_row_error (row, error->message);
  if (*problem == NULL)
    *problem = g_strdup (error->message);
  return NULL;
}

/* Why the period cannot be made: not one of the template's periods (a
 * date typed halfway, a year off), or one the unit has its report for. */
static char *
period_problem (BcNewReportDialog *self,
                BcTemplate        *template,
                const char        *unit,
                const char        *from,
                const char        *to)
{
  g_autoptr(GError) error = NULL;

  if (!bc_period_check (bc_template_get_regime (template), bc_template_get_cutoff_day (template),
                        from, to, &error)
      || (*unit != '\0' && !bc_store_check_period_free (self->store, bc_template_get_id (template),
                                                         unit, from, to, NULL, &error)))
    return g_strdup (error->message);
  return NULL;
}

static void
show_reason (BcNewReportDialog *self,
             const char        *reason)
{
  gtk_label_set_text (self->reason_label, reason ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL);
}

/* "11 of 12 months are in the library; missing: 03/2023; not approved:
 * 05/2023". */
static char *
months_summary (BcRollup *rollup)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) draft = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  guint present = bc_rollup_count_present (rollup), total = rollup->months->len;

  for (guint i = 0; i < total; i++)
    {
      const BcRollupMonth *month = rollup->months->pdata[i];
      g_autofree char *label = bc_rollup_month_label (month);
      GString *into = month->report_id == 0 ? missing : g_strcmp0 (month->status, "approved") != 0 ? draft : NULL;

      if (into != NULL)
        g_string_append_printf (into, "%s%s", into->len ? ", " : "", label);
    }
  g_string_printf (text, ngettext ("%u of %u month is in the library",
                                      "%u of %u months are in the library", total), present, total);
  if (missing->len > 0)
    g_string_append_printf (text, _("; missing: %s"), missing->str);
  if (draft->len > 0)
    g_string_append_printf (text, _("; not approved yet: %s"), draft->str);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The choice to build the report from its months, for a template whose
 * period holds months; on by default once there are months to build from. */
static void
update_months (BcNewReportDialog *self,
               BcTemplate        *template,
               const char        *unit,
               const char        *from,
               const char        *to)
{
  g_autoptr(BcRollup) rollup = NULL;
  g_autofree char *summary = NULL;
  gboolean longer = template != NULL && bc_template_get_regime (template) != BC_REGIME_MONTHLY
                    && g_str_equal (bc_template_get_kind (template), "report");
  gboolean was = gtk_widget_get_sensitive (GTK_WIDGET (self->months_switch));

  gtk_widget_set_visible (self->months_group, longer);
  if (longer && *unit != '\0' && from != NULL && to != NULL)
    rollup = bc_store_compute_rollup (self->store, template, unit, from, to, NULL);
  if (rollup != NULL)
    summary = months_summary (rollup);
  else if (longer && *unit != '\0')
    summary = g_strdup_printf (_("The library has no monthly report of %s in this period"), unit);
  adw_action_row_set_subtitle (self->months_row, summary ? summary : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->months_switch), rollup != NULL);
  if (rollup == NULL)
    gtk_switch_set_active (self->months_switch, FALSE);
  else if (!was)
    gtk_switch_set_active (self->months_switch, TRUE);
}

/* Checks the form, flags what is wrong, says why under the period, and
 * enables Create (and Enter) only when nothing is. */
static gboolean
validate (BcNewReportDialog *self)
{
  g_autofree char *problem = NULL;
  g_autofree char *unit = dup_unit (self);
  g_autofree char *from = read_date (self->from_row, &problem);
  g_autofree char *to = read_date (self->to_row, &problem);
  BcTemplate *template = selected_template (self);
  gboolean ok;

  if (template != NULL && from != NULL && to != NULL)
    {
      problem = period_problem (self, template, unit, from, to);
      if (problem != NULL)
        set_row_error (self->to_row, problem);
    }
  update_months (self, template, unit, problem == NULL ? from : NULL, to);
  show_reason (self, problem);
  ok = template != NULL && *unit != '\0' && from != NULL && to != NULL && problem == NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", ok);
  return ok;
}

static void
fill_period (BcNewReportDialog *self)
{
  BcTemplate *template = selected_template (self);
  GDate today;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  if (template == NULL)
    return;
  bc_date_today (&today);
  bc_period_default (bc_template_get_regime (template), bc_template_get_cutoff_day (template),
                     g_str_equal (bc_template_get_kind (template), "plan"), &today, &from_iso, &to_iso);
  from_text = bc_date_to_display (from_iso);
  to_text = bc_date_to_display (to_iso);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from_text);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to_text);
}

static void
template_selected_cb (BcNewReportDialog *self)
{
  fill_period (self);
  validate (self);
}

/* A template made for the office's kind of unit (a district's monthly
 * report for a huyện), when the one chosen is made for another kind. */
static void
match_template (BcNewReportDialog *self)
{
  BcOffice *office = selected_office (self);
  BcTemplate *template = selected_template (self);
  const char *kind = office ? bc_office_get (office, "unit_kind") : "";

  if (office == NULL || template == NULL || g_strcmp0 (bc_template_get_unit_kind (template), kind) == 0)
    return;
  /* The same kind of document first: a monthly report stays monthly. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->templates->len; i++)
      {
        BcTemplate *other = self->templates->pdata[i];

        if (g_strcmp0 (bc_template_get_unit_kind (other), kind) != 0
            || (pass == 0 && (bc_template_get_regime (other) != bc_template_get_regime (template)
                              || g_strcmp0 (bc_template_get_kind (other), bc_template_get_kind (template)) != 0)))
          continue;
        adw_combo_row_set_selected (self->template_row, i);
        return;
      }
}

static void
office_selected_cb (BcNewReportDialog *self)
{
  match_template (self);
  validate (self);
}

static void
entry_changed_cb (BcNewReportDialog *self)
{
  validate (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcNewReportDialog *self = BC_NEW_REPORT_DIALOG (widget);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;

  if (!validate (self))
    return;
  from = bc_date_from_display (gtk_editable_get_text (GTK_EDITABLE (self->from_row)));
  to = bc_date_from_display (gtk_editable_get_text (GTK_EDITABLE (self->to_row)));
  if (selected_office (self) != NULL
      ? bc_new_report_dialog_create_for_office (self, bc_template_get_id (selected_template (self)),
                                                bc_office_get_id (selected_office (self)), from, to, &error)
      : bc_new_report_dialog_create (self, bc_template_get_id (selected_template (self)),
                                     gtk_editable_get_text (GTK_EDITABLE (self->unit_row)),
                                     from, to, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  markup = g_markup_escape_text (error->message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static void
bc_new_report_dialog_dispose (GObject *object)
{
  BcNewReportDialog *self = BC_NEW_REPORT_DIALOG (object);

  /* The toast overlay is the window's own child: GtkWindow must let go of
   * it before the template does, or it unparents it a second time. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_NEW_REPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->offices, g_ptr_array_unref);

  G_OBJECT_CLASS (bc_new_report_dialog_parent_class)->dispose (object);
}

static void
bc_new_report_dialog_class_init (BcNewReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_new_report_dialog_dispose;

  /**
   * BcNewReportDialog::created:
   * @id: the new report's id in the library
   */
  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-new-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BcNewReportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BcNewReportDialog, office_row);
  gtk_widget_class_bind_template_child (widget_class, BcNewReportDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, BcNewReportDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, BcNewReportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, BcNewReportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, BcNewReportDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, BcNewReportDialog, months_group);
  gtk_widget_class_bind_template_child (widget_class, BcNewReportDialog, months_row);
  gtk_widget_class_bind_template_child (widget_class, BcNewReportDialog, months_switch);
  gtk_widget_class_bind_template_callback (widget_class, template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, office_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_new_report_dialog_init (BcNewReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.create", FALSE);
}

/* The office of the report changed last: the one the clerk works for. */
static guint
last_used_office (BcNewReportDialog *self)
{
  g_autoptr(GPtrArray) reports = bc_store_list_reports (self->store, NULL);
  BcReportSummary *latest = NULL;

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    if (latest == NULL || g_strcmp0 (((BcReportSummary *) reports->pdata[i])->modified, latest->modified) > 0)
      latest = reports->pdata[i];
  for (guint i = 0; latest != NULL && i < self->offices->len; i++)
    {
      g_autofree char *name = bc_office_dup_unit_name (self->offices->pdata[i]);
      if (g_strcmp0 (name, latest->unit) == 0)
        return i;
    }
  return 0;
}

/* With profiles, the report is for one of them; without, for the unit typed. */
static void
fill_offices (BcNewReportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gboolean any;

  self->offices = bc_store_list_offices (self->store, NULL);
  if (self->offices == NULL)
    self->offices = g_ptr_array_new_with_free_func (g_object_unref);
  any = self->offices->len > 0;
  for (guint i = 0; i < self->offices->len; i++)
    {
      g_autofree char *name = bc_office_dup_unit_name (self->offices->pdata[i]);
      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->office_row, G_LIST_MODEL (names));
  if (any)
    adw_combo_row_set_selected (self->office_row, last_used_office (self));
  gtk_widget_set_visible (GTK_WIDGET (self->office_row), any);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), !any);
}

/**
 * bc_new_report_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the library the report goes into
 * @templates: (element-type BcTemplate): the templates to choose from
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
BcNewReportDialog *
bc_new_report_dialog_new (GtkWindow *parent,
                          BcStore   *store,
                          GPtrArray *templates)
{
  BcNewReportDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BC_IS_STORE (store), NULL);
  g_return_val_if_fail (templates != NULL, NULL);

  self = g_object_new (BC_TYPE_NEW_REPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->templates = g_ptr_array_ref (templates);
  for (guint i = 0; i < templates->len; i++)
    gtk_string_list_append (names, bc_template_get_name (templates->pdata[i]));
  /* Setting the model selects the first template, which fills in the period. */
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  fill_offices (self);
  match_template (self);
  fill_period (self);
  validate (self);
  gtk_widget_grab_focus (self->offices->len > 0 ? GTK_WIDGET (self->office_row) : GTK_WIDGET (self->unit_row));
  return self;
}

/**
 * bc_new_report_dialog_create:
 * @template_id: the id of one of the dialog's templates
 * @unit: the reporting unit
 * @from_iso: the first day of the period, ISO
 * @to_iso: the last day of the period, ISO
 *
 * Makes the report in the library and emits #BcNewReportDialog::created
 * with its id. Create calls this with what the form holds.
 *
 * Returns: %TRUE when the report was made
 */
gboolean
bc_new_report_dialog_create (BcNewReportDialog  *self,
                             const char         *template_id,
                             const char         *unit,
                             const char         *from_iso,
                             const char         *to_iso,
                             GError            **error)
{
  BcTemplate *template;
  g_autoptr(BcReport) report = NULL;

  g_return_val_if_fail (BC_IS_NEW_REPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);
  g_return_val_if_fail (from_iso != NULL && to_iso != NULL, FALSE);

  template = find_template (self, template_id);
  if (template == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no template “%s”"), template_id);
      return FALSE;
    }
  if (bc_new_report_dialog_get_from_months (self))
    report = bc_store_create_rollup_report (self->store, template, NULL, unit, from_iso, to_iso, NULL, error);
  else
    report = bc_store_create_report (self->store, template, unit, from_iso, to_iso, error);
  if (report == NULL)
    return FALSE;
  g_signal_emit (self, signals[CREATED], 0, bc_report_get_id (report));
  return TRUE;
}

/**
 * bc_new_report_dialog_create_for_office:
 * @template_id: the id of one of the dialog's templates
 * @office_id: the id of one of the library's office profiles
 * @from_iso: the first day of the period, ISO
 * @to_iso: the last day of the period, ISO
 *
 * Makes the report for the office (bc_store_create_report_for_office()):
 * its header comes from the profile. Emits #BcNewReportDialog::created
 * with its id. Create calls this when the library has profiles.
 *
 * Returns: %TRUE when the report was made
 */
gboolean
bc_new_report_dialog_create_for_office (BcNewReportDialog  *self,
                                        const char         *template_id,
                                        gint64              office_id,
                                        const char         *from_iso,
                                        const char         *to_iso,
                                        GError            **error)
{
  BcTemplate *template;
  g_autoptr(BcOffice) office = NULL;
  g_autoptr(BcReport) report = NULL;

  g_return_val_if_fail (BC_IS_NEW_REPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);
  g_return_val_if_fail (from_iso != NULL && to_iso != NULL, FALSE);

  if ((template = find_template (self, template_id)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no template “%s”"), template_id);
      return FALSE;
    }
  /* As the library has it now, not as it was when the dialog opened. */
  if ((office = bc_store_get_office (self->store, office_id, error)) == NULL)
    return FALSE;
  if (bc_new_report_dialog_get_from_months (self))
    report = bc_store_create_rollup_report (self->store, template, office, NULL, from_iso, to_iso, NULL, error);
  else
    report = bc_store_create_report_for_office (self->store, template, office, from_iso, to_iso, error);
  if (report == NULL)
    return FALSE;
  g_signal_emit (self, signals[CREATED], 0, bc_report_get_id (report));
  return TRUE;
}

/**
 * bc_new_report_dialog_get_office:
 *
 * Returns: (transfer none) (nullable): the office chosen, or %NULL when the
 *   library has no profile (the unit is typed)
 */
BcOffice *
bc_new_report_dialog_get_office (BcNewReportDialog *self)
{
  g_return_val_if_fail (BC_IS_NEW_REPORT_DIALOG (self), NULL);
  return selected_office (self);
}

/**
 * bc_new_report_dialog_get_reason:
 *
 * Returns: (nullable): why Create is off, as shown under the period, or
 *   %NULL when nothing is shown
 */
const char *
bc_new_report_dialog_get_reason (BcNewReportDialog *self)
{
  g_return_val_if_fail (BC_IS_NEW_REPORT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->reason_label)))
    return NULL;
  return gtk_label_get_text (self->reason_label);
}

/**
 * bc_new_report_dialog_get_from_months:
 *
 * Returns: whether the report will be built from the library's monthly
 *   reports of its unit and period (the choice is shown and on)
 */
gboolean
bc_new_report_dialog_get_from_months (BcNewReportDialog *self)
{
  g_return_val_if_fail (BC_IS_NEW_REPORT_DIALOG (self), FALSE);
  return gtk_widget_get_visible (self->months_group)
         && gtk_widget_get_sensitive (GTK_WIDGET (self->months_switch))
         && gtk_switch_get_active (self->months_switch);
}

/**
 * bc_new_report_dialog_set_from_months:
 *
 * Turns the choice on or off, as a click on it does; it stays off while
 * the period has no monthly report.
 */
void
bc_new_report_dialog_set_from_months (BcNewReportDialog *self,
                                      gboolean           from_months)
{
  g_return_if_fail (BC_IS_NEW_REPORT_DIALOG (self));
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->months_switch)))
    gtk_switch_set_active (self->months_switch, from_months);
}

/**
 * bc_new_report_dialog_get_months_summary:
 *
 * Returns: (nullable): what the choice says of the months (how many the
 *   library has, which are missing or not approved), or %NULL when it is
 *   not shown
 */
const char *
bc_new_report_dialog_get_months_summary (BcNewReportDialog *self)
{
  g_return_val_if_fail (BC_IS_NEW_REPORT_DIALOG (self), NULL);
  if (!gtk_widget_get_visible (self->months_group))
    return NULL;
  return adw_action_row_get_subtitle (self->months_row);
}

/**
 * bc_new_report_dialog_get_reason_label:
 *
 * Returns: (transfer none): the label under the dates that says why
 */
GtkWidget *
bc_new_report_dialog_get_reason_label (BcNewReportDialog *self)
{
  g_return_val_if_fail (BC_IS_NEW_REPORT_DIALOG (self), NULL);
  return GTK_WIDGET (self->reason_label);
}

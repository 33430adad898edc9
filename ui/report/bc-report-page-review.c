/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-changes-panel.h"
#include "bc-checker.h"
#include "bc-comments-panel.h"
#include "bc-diff.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-followup.h"
#include "bc-plan-status-window.h"
#include "bc-report-page-private.h"
#include "bc-review.h"
#include "bc-store-rollup.h"
#include "bc-template.h"
#include "bc-ui-utils.h"

/* The review workflow of the open report: submit, withdraw, return with
 * corrections, approve, reopen; an approved report is read-only; and the
 * report saved as a .baocao file for the reviewer on another machine. */

typedef struct
{
  const char *action;
  const char *to;
  gboolean    needs_reason;
} Step;

static const Step steps[] = {
  { "report.submit", "submitted", FALSE },
  { "report.withdraw", "draft", FALSE },
  { "report.return", "returned", TRUE },
  { "report.approve", "approved", FALSE },
  { "report.reopen", "draft", TRUE },
};

static const Step *
find_step (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (steps[i].action, action))
      return &steps[i];
  return NULL;
}

/**
 * bc_report_page_update_review:
 *
 * Enables the steps the status and the user's role allow, shows the
 * status, and makes an approved report read-only.
 */
void
bc_report_page_update_review (BcReportPage *self)
{
  const char *status = self->report ? bc_report_get_status (self->report) : "draft";
  const char *role = self->store ? bc_store_get_role (self->store) : BC_ROLE_CLERK;
  gboolean approved = self->report != NULL && g_str_equal (status, "approved");
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), steps[i].action,
                                   self->report != NULL
                                   && bc_status_check_transition (status, steps[i].to, role,
                                                                  steps[i].needs_reason ? "-" : NULL, NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save-file", self->report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.plan-update",
                                 self->report != NULL && self->store != NULL && !approved
                                 && bc_followup_find_section (bc_report_get_template (self->report)) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.plan-status",
                                 self->report != NULL && self->store != NULL
                                 && g_str_equal (bc_template_get_kind (bc_report_get_template (self->report)), "plan"));
  if (self->report == NULL)
    {
      gtk_widget_set_visible (self->status_banner, FALSE);
      return;
    }

  period = bc_ui_format_period (bc_report_get_period_from (self->report), bc_report_get_period_to (self->report));
  subtitle = g_strdup_printf ("%s · %s", period, bc_key_status_label (status));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Approved: nothing can be typed until somebody reopens it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->content), !approved);
  gtk_widget_set_visible (self->status_banner, approved || g_str_equal (status, "submitted")
                                               || g_str_equal (status, "returned"));
  if (approved)
    gtk_label_set_text (self->status_label,
                        _("Approved: the report is read-only. Reopen it (Review menu) to change it."));
  else if (g_str_equal (status, "submitted"))
    gtk_label_set_text (self->status_label,
                        _("Submitted for review. The reviewer's corrections will show under Changes."));
  else if (g_str_equal (status, "returned"))
    gtk_label_set_text (self->status_label,
                        _("Returned with corrections: see what the reviewer changed under Changes, accept or revert, then submit again."));
}

static gboolean
reopen_cb (gpointer data)
{
  BcReportPage *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = NULL;

  if (self->report == NULL || self->store == NULL)
    return G_SOURCE_REMOVE;
  report = bc_store_open_report (self->store, bc_report_get_id (self->report), &error);
  if (report == NULL || !bc_report_page_set_report (self, self->store, report, NULL, &error))
    bc_ui_toast (GTK_WIDGET (self), error->message);
  return G_SOURCE_REMOVE;
}

/**
 * bc_report_page_changed_elsewhere:
 *
 * Another program changed the report (a second window, a report file
 * opened over it): the forms already show the new values; the clerk is
 * told, and the status the review steps depend on is read again. A
 * report replaced by another one is opened again, once the session that
 * says so has returned.
 */
void
bc_report_page_changed_elsewhere (BcReportPage       *self,
                                  const char * const *keys,
                                  gboolean            replaced)
{
  guint n = g_strv_length ((char **) keys);
  g_autofree char *message = NULL;

  if (replaced)
    {
      g_idle_add_full (G_PRIORITY_DEFAULT, reopen_cb, g_object_ref (self), g_object_unref);
      bc_ui_toast (GTK_WIDGET (self), _("This report was replaced elsewhere (a report file was opened over it): it is shown again."));
      return;
    }
  bc_report_page_update_review (self);
  message = g_strdup_printf (ngettext ("%u value of this report was changed elsewhere (in another window, "
                                       "or by a report file opened over it): the form shows it now.",
                                       "%u values of this report were changed elsewhere (in another window, "
                                       "or by a report file opened over it): the forms show them now.", n), n);
  bc_ui_toast (GTK_WIDGET (self), message);
}

static void
set_status (BcReportPage *self,
            const char   *to,
            const char   *reason)
{
  g_autoptr(GError) error = NULL;

  if (!bc_edit_session_set_status (self->session, to, reason, &error))
    {
      bc_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }
  bc_report_page_update_review (self);
  bc_ui_toast (GTK_WIDGET (self), bc_key_status_label (to));
}

typedef struct
{
  BcReportPage *self;
  GtkWidget    *entry;
  const char   *to;
} ReasonData;

static void
reason_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    ReasonData       *data)
{
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (data->entry));

  if (g_str_equal (response, "confirm"))
    set_status (data->self, data->to, reason);
  g_object_unref (data->self);
  g_free (data);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "confirm", *text != '\0');
}

/* Returning and reopening say why: the reason travels with the report. */
static void
ask_reason (BcReportPage *self,
            const Step   *step)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean reopen = g_str_equal (step->action, "report.reopen");
  AdwMessageDialog *dialog;
  ReasonData *data = g_new0 (ReasonData, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       reopen ? _("Reopen the Approved Report?")
                                                              : _("Return with Corrections?"),
                                                       reopen ? _("Say why it must change again.")
                                                              : _("Tell the clerk what to correct. Your changes and comments travel with the report.")));
  data->self = g_object_ref (self);
  data->entry = gtk_entry_new ();
  data->to = step->to;
  gtk_entry_set_placeholder_text (GTK_ENTRY (data->entry), _("Reason"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  adw_message_dialog_set_extra_child (dialog, data->entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "confirm", reopen ? _("_Reopen") : _("_Return"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
  adw_message_dialog_set_default_response (dialog, "confirm");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (data->entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (reason_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
submit_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BcReportPage     *self)
{
  if (g_str_equal (response, "submit"))
    set_status (self, "submitted", NULL);
  g_object_unref (self);
}

/* A report may go to the reviewer with its errors (an error explained in
 * a comment is the reviewer's to accept), but the clerk says so first.
 * The report is checked as it is now, not as the last timed check saw it. */
static gboolean
confirm_submit (BcReportPage *self)
{
  g_autoptr(GPtrArray) findings = bc_store_check_report (self->store, self->report, self->previous);
  guint errors = bc_check_count (findings, BC_SEVERITY_ERROR, FALSE);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (errors == 0)
    return FALSE;
  heading = g_strdup_printf (ngettext ("The report still has %u error not explained",
                                       "The report still has %u errors not explained", errors), errors);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       _("Correct them, or explain each one under Findings, before "
                                                         "submitting. Submit the report as it is?")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "submit", _("_Submit Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "submit", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (submit_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
status_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);
  const Step *step = find_step (action_name);

  if (self->session == NULL || step == NULL)
    return;
  if (step->needs_reason)
    ask_reason (self, step);
  else if (g_str_equal (step->to, "submitted") && confirm_submit (self))
    return;
  else
    set_status (self, step->to, NULL);
}

static void
save_file_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       BcReportPage    *self)
{
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *message = NULL;

      if (path == NULL
          || !bc_edit_session_flush (self->session, &error)
          || !bc_store_export_file (self->store, bc_report_get_id (self->report), path, &error))
        bc_ui_toast (GTK_WIDGET (self), error ? error->message : _("The file could not be saved"));
      else
        {
          message = g_strdup_printf (_("Saved “%s”: send it to the reviewer"), base);
          bc_ui_toast (GTK_WIDGET (self), message);
        }
    }
  g_object_unref (self);
  g_object_unref (chooser);
}

static void
save_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  g_autofree char *name = NULL;

  if (self->report == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save as Report File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s %s.baocao", bc_report_get_unit (self->report), bc_report_get_period_to (self->report));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Baocao report files"));
  gtk_file_filter_add_suffix (filter, "baocao");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (save_file_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * bc_report_page_mark_changes:
 *
 * Highlights every field somebody else changed since the report was
 * submitted, with old → new, who and when in its tooltip.
 */
void
bc_report_page_mark_changes (BcReportPage *self)
{
  GHashTableIter iter;
  const char *key;
  GtkWidget *widget;
  BcChangesPanel *panel;

  if (self->session == NULL || self->changes_panel == NULL)
    return;
  panel = BC_CHANGES_PANEL (self->changes_panel);
  g_hash_table_iter_init (&iter, bc_input_registry_get_inputs (self->inputs));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &widget))
    {
      const BcDiff *diff = bc_changes_panel_get_comparing (panel) ? NULL : bc_changes_panel_lookup (panel, key);
      GtkWidget *target = GTK_IS_TEXT_VIEW (widget) && gtk_widget_get_parent (widget)
                          ? gtk_widget_get_parent (widget) : widget;

      if (diff != NULL)
        {
          g_autofree char *tip = bc_ui_describe_diff (self->report, diff);
          gtk_widget_add_css_class (target, "bc-changed");
          bc_ui_set_tooltip (widget, tip);
        }
      else if (gtk_widget_has_css_class (target, "bc-changed"))
        {
          gtk_widget_remove_css_class (target, "bc-changed");
          bc_ui_set_tooltip (widget, NULL);
        }
    }
}

static void
update_badges (BcReportPage *self)
{
  guint changes = self->changes_panel ? bc_changes_panel_get_n_changes (BC_CHANGES_PANEL (self->changes_panel)) : 0;
  guint comments = self->comments_panel ? bc_comments_panel_get_n_open (BC_COMMENTS_PANEL (self->comments_panel)) : 0;
  AdwViewStackPage *page;

  if (self->side_stack == NULL)
    return;
  page = adw_view_stack_get_page (ADW_VIEW_STACK (self->side_stack), self->changes_panel);
  adw_view_stack_page_set_badge_number (page, changes);
  adw_view_stack_page_set_needs_attention (page, changes > 0);
  page = adw_view_stack_get_page (ADW_VIEW_STACK (self->side_stack), self->comments_panel);
  adw_view_stack_page_set_badge_number (page, comments);
}

static void
changes_updated_cb (BcReportPage *self)
{
  bc_report_page_mark_changes (self);
  update_badges (self);
}

/* The comments panel offers to comment on the field being edited. */
static void
focus_changed_cb (GtkWindow    *window,
                  GParamSpec   *pspec,
                  BcReportPage *self)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  if (self->session == NULL || focus == NULL
      || (self->side_stack != NULL && gtk_widget_is_ancestor (focus, self->side_stack)))
    return;
  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      const char *key = bc_input_registry_find_key (self->inputs, w);
      if (key != NULL)
        {
          /* What Type Over a Consolidated Value applies to. */
          g_free (self->input_key);
          self->input_key = g_strdup (key);
          if (self->comments_panel != NULL)
            bc_comments_panel_set_target (BC_COMMENTS_PANEL (self->comments_panel), key);
          return;
        }
    }
}

/**
 * bc_report_page_follow_focus:
 *
 * The value last focused in a form is followed, for the comments panel
 * and the override of a consolidated value.
 */
void
bc_report_page_follow_focus (BcReportPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* Once per window the page is in. */
  if (GTK_IS_WINDOW (root) && (gpointer) root != self->followed_root)
    {
      g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (focus_changed_cb), self, 0);
      g_set_weak_pointer (&self->followed_root, root);
    }
}

/**
 * bc_report_page_build_review:
 *
 * Builds the side panels of a newly opened report: findings, changes by
 * others, comments.
 */
void
bc_report_page_build_review (BcReportPage *self)
{
  AdwViewStackPage *page;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = adw_view_switcher_new ();

  self->side_stack = adw_view_stack_new ();
  gtk_widget_set_vexpand (self->side_stack, TRUE);
  page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->side_stack), self->findings_panel, "findings", _("Findings"));
  adw_view_stack_page_set_icon_name (page, "dialog-warning-symbolic");

  self->changes_panel = bc_changes_panel_new (self->store, self->session);
  page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->side_stack), self->changes_panel, "changes", _("Changes"));
  adw_view_stack_page_set_icon_name (page, "document-edit-symbolic");
  g_signal_connect_swapped (self->changes_panel, "change-activated", G_CALLBACK (bc_report_page_focus_key), self);
  g_signal_connect_swapped (self->changes_panel, "updated", G_CALLBACK (changes_updated_cb), self);

  self->comments_panel = bc_comments_panel_new (self->store, self->report);
  page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->side_stack), self->comments_panel, "comments", _("Comments"));
  adw_view_stack_page_set_icon_name (page, "user-available-symbolic");
  g_signal_connect_swapped (self->comments_panel, "comment-activated", G_CALLBACK (bc_report_page_focus_key), self);
  g_signal_connect_swapped (self->comments_panel, "notify::n-open", G_CALLBACK (update_badges), self);

  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_STACK (self->side_stack));
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_NARROW);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), self->side_stack);
  gtk_widget_set_size_request (box, 360, -1);
  gtk_revealer_set_child (self->findings_revealer, box);
  update_badges (self);
  changes_updated_cb (self);
  bc_report_page_follow_focus (self);

  /* A report coming back with corrections opens on them. */
  if (g_str_equal (bc_report_get_status (self->report), "returned")
      && bc_changes_panel_get_n_changes (BC_CHANGES_PANEL (self->changes_panel)) > 0)
    bc_report_page_show_panel (self, "changes");
}

/**
 * bc_report_page_show_panel:
 * @name: "findings", "changes" or "comments"
 *
 * Opens the side panel on @name.
 */
void
bc_report_page_show_panel (BcReportPage *self,
                           const char   *name)
{
  g_return_if_fail (BC_IS_REPORT_PAGE (self));
  /* Opening the panel builds it. */
  gtk_toggle_button_set_active (self->findings_button, TRUE);
  if (self->side_stack == NULL)
    return;
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->side_stack), name);
}

GtkWidget *
bc_report_page_get_changes_panel (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  bc_report_page_ensure_panels (self);
  return self->changes_panel;
}

GtkWidget *
bc_report_page_get_comments_panel (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  bc_report_page_ensure_panels (self);
  return self->comments_panel;
}

/**
 * bc_report_page_set_user:
 *
 * The name and role stamped on the open report's changes from now on.
 */
void
bc_report_page_set_user (BcReportPage *self,
                         const char   *name,
                         const char   *role)
{
  g_return_if_fail (BC_IS_REPORT_PAGE (self));
  if (self->session != NULL)
    bc_edit_session_set_actor (self->session, name, role);
  bc_report_page_update_review (self);
  if (self->changes_panel != NULL)
    bc_changes_panel_refresh (BC_CHANGES_PANEL (self->changes_panel));
}

/* This period's figures and tables against the previous period's. */
static void
compare_previous_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autofree char *title = NULL;

  bc_report_page_ensure_panels (self);
  if (self->previous == NULL || self->changes_panel == NULL)
    {
      bc_ui_toast (GTK_WIDGET (self), _("There is no report of the previous period to compare with"));
      return;
    }
  all = bc_diff_reports (self->previous, self->report);
  figures = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diff_free);
  for (guint i = 0; i < all->len; i++)
    {
      BcDiff *diff = all->pdata[i];
      BcKeyKind kind = bc_key_get_kind (diff->key);

      if (kind == BC_KEY_FIGURE || kind == BC_KEY_FIGURE_DENOMINATOR || kind == BC_KEY_CELL)
        g_ptr_array_add (figures, bc_diff_copy (diff));
    }
  title = g_strdup_printf (_("Figures compared with %s"), bc_report_get_period_to (self->previous));
  bc_changes_panel_show_diff (BC_CHANGES_PANEL (self->changes_panel), figures, title);
  bc_report_page_show_panel (self, "changes");
}

/* The plan's tasks across the library's reports (baocao plan-status). */
static void
plan_status_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  BcPlanStatusWindow *window;

  if (self->report == NULL || self->store == NULL)
    return;
  window = bc_plan_status_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->report);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_panel_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bc_report_page_show_panel (BC_REPORT_PAGE (widget), g_variant_get_string (parameter, NULL));
}

void
bc_report_page_review_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "report.compare-previous", NULL, compare_previous_action);
  gtk_widget_class_install_action (widget_class, "report.plan-status", NULL, plan_status_action);
  gtk_widget_class_install_action (widget_class, "report.show-panel", "s", show_panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "report.show-panel", "s", "changes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "report.show-panel", "s", "comments");
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    gtk_widget_class_install_action (widget_class, steps[i].action, NULL, status_action);
  gtk_widget_class_install_action (widget_class, "report.save-file", NULL, save_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "report.save-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "report.save-file", NULL);
}

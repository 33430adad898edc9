/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-checker.h"
#include "bc-edit-session.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-override-dialog.h"
#include "bc-report-page-private.h"
#include "bc-ui-utils.h"
#include "bc-report.h"
#include "bc-store-consolidate.h"
#include "bc-store-rollup.h"

/* A report built from the monthly reports of its period: where each value
 * came from, beside it in the forms, and the values the months have
 * changed since, in a bar over the form that offers to update them. The
 * update is the clerk's to ask for: nothing follows the months by itself. */

/**
 * bc_report_page_load_origins:
 *
 * Gives the session where each value came from, read from the library:
 * the forms built from now on show it.
 */
void
bc_report_page_load_origins (BcReportPage *self)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) origins = NULL;
  g_autoptr(BcRollup) months = NULL;
  GHashTableIter iter;
  BcRollupEntry *entry;

  if (self->session == NULL)
    return;
  self->consolidated = bc_store_is_consolidated (self->store, bc_report_get_id (self->report), NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.override", self->consolidated);
  stored = bc_store_get_rollup (self->store, bc_report_get_id (self->report), NULL);
  if (stored == NULL || g_hash_table_size (stored) == 0)
    {
      bc_edit_session_set_origins (self->session, NULL);
      return;
    }
  months = bc_store_compute_report_months (self->store, self->report, NULL);
  origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    g_hash_table_insert (origins, g_strdup (entry->key), bc_rollup_dup_origin (months, entry));
  bc_edit_session_set_origins (self->session, origins);
}

/**
 * bc_report_page_update_rollup:
 *
 * Shows the bar over the form when the checks found values the monthly
 * reports have changed since they were taken.
 */
void
bc_report_page_update_rollup (BcReportPage *self)
{
  guint n = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    n += g_str_equal (bc_finding_get_rule (self->findings->pdata[i]), "rollup.stale");
  gtk_widget_set_visible (self->rollup_banner, n > 0);
  if (n == 0)
    return;
  if (self->consolidated)
    text = g_strdup_printf (ngettext ("%u value summed from the units' reports is stale: a unit sent its report again.",
                                      "%u values summed from the units' reports are stale: units sent their reports again.",
                                      n),
                            n);
  else
    text = g_strdup_printf (ngettext ("%u value taken from the monthly reports is stale: a month changed since.",
                                      "%u values taken from the monthly reports are stale: months changed since.", n),
                            n);
  gtk_label_set_text (self->rollup_label, text);
}

/**
 * bc_report_page_get_rollup_notice:
 *
 * Returns: (nullable): what the bar of stale values says, or %NULL when
 *   it is not shown
 */
const char *
bc_report_page_get_rollup_notice (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  if (!gtk_widget_get_visible (self->rollup_banner))
    return NULL;
  return gtk_label_get_text (self->rollup_label);
}

/* "• Phụ lục II, dòng 3, Tổng số hồ sơ: 1.200 → 1.234", and what the
 * clerk typed over it since, so that she sees what she loses. */
static char *
stale_line (BcReportPage        *self,
            const BcRollupStale *stale)
{
  g_autofree char *label = bc_key_describe (self->report, stale->key);
  gint64 a, b, c;
  g_autofree char *then = NULL, *now = NULL, *typed = NULL;

  if (stale->rule == BC_ROLLUP_LIST)
    return g_strdup_printf (_("• %s: the documents the months list now are added"), label);
  then = bc_parse_count (stale->rolled, BC_COUNT_MAX, &a, NULL) ? bc_format_int (a) : g_strdup (stale->rolled);
  now = bc_parse_count (stale->now, BC_COUNT_MAX, &b, NULL) ? bc_format_int (b) : g_strdup (*stale->now ? stale->now : "—");
  if (g_str_equal (stale->current, stale->rolled))
    return g_strdup_printf ("• %s: %s → %s", label, then, now);
  typed = bc_parse_count (stale->current, BC_COUNT_MAX, &c, NULL) ? bc_format_int (c) : g_strdup (stale->current);
  return g_strdup_printf (_("• %s: %s → %s (typed since: %s, replaced)"), label, then, now, typed);
}

/**
 * bc_report_page_rollup_update:
 *
 * Takes what the monthly reports give now for every stale value (what
 * the dialog's Update does).
 *
 * Returns: %FALSE with @error set when it could not be saved
 */
gboolean
bc_report_page_rollup_update (BcReportPage  *self,
                              GError       **error)
{
  guint n = 0;
  g_autofree char *message = NULL;

  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  if (!bc_edit_session_rollup_update (self->session, NULL, &n, error))
    return FALSE;
  bc_report_page_load_origins (self);
  bc_report_page_check_now (self);
  if (self->consolidated)
    message = g_strdup_printf (ngettext ("Updated %u value from the units' reports",
                                         "Updated %u values from the units' reports", n), n);
  else
    message = g_strdup_printf (ngettext ("Updated %u value from the monthly reports",
                                         "Updated %u values from the monthly reports", n), n);
  bc_ui_toast (GTK_WIDGET (self), message);
  return TRUE;
}

typedef struct
{
  BcReportPage           *self;     /* the closure goes with it */
  BcReportPageUpdateFunc  update;
} AskUpdate;

static void
ask_update_free (gpointer  data,
                 GClosure *closure)
{
  g_free (data);
}

static void
ask_update_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AskUpdate        *ask)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "update") && ask->self->session != NULL && !ask->update (ask->self, &error))
    bc_ui_toast (GTK_WIDGET (ask->self), error->message);
}

/**
 * bc_report_page_ask_update:
 * @body: every change the update makes, listed
 * @update: what Update does
 *
 * Asks before an update from where the report's values come from (the
 * monthly or the units' reports, the plan), listing what it changes.
 */
void
bc_report_page_ask_update (BcReportPage           *self,
                           const char             *heading,
                           const char             *body,
                           BcReportPageUpdateFunc  update)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  AskUpdate *ask = g_new0 (AskUpdate, 1);
  GClosure *closure;

  ask->self = self;
  ask->update = update;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "update", _("_Update"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "update", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "update");
  closure = g_cclosure_new (G_CALLBACK (ask_update_response_cb), ask, ask_update_free);
  g_object_watch_closure (G_OBJECT (self), closure);
  g_signal_connect_closure (dialog, "response", closure, FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Lists every stale value, old → new, before anything is changed. */
static void
rollup_update_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);

  if (self->report == NULL || (stale = bc_store_rollup_stale (self->store, self->report, NULL, &error)) == NULL)
    {
      if (error != NULL)
        bc_ui_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (stale->len == 0)
    {
      bc_ui_toast (GTK_WIDGET (self), self->consolidated ? _("Every value is as the units' reports give it")
                                                         : _("Every value is as the monthly reports give it"));
      return;
    }
  for (guint i = 0; i < stale->len; i++)
    {
      g_autofree char *line = stale_line (self, stale->pdata[i]);
      g_string_append_printf (body, "%s%s", body->len ? "\n" : "", line);
    }
  bc_report_page_ask_update (self,
                             self->consolidated ? _("Update from the Units' Reports?")
                                                : _("Update from the Monthly Reports?"),
                             body->str, bc_report_page_rollup_update);
}

/**
 * bc_report_page_override:
 * @key: a value consolidated from the units' reports
 * @reason: why, shown to the reviewer
 *
 * Types over a consolidated value with a reason, as "baocao override"
 * does (what the dialog's Type Over does).
 *
 * Returns: %FALSE with @error set when refused
 */
gboolean
bc_report_page_override (BcReportPage  *self,
                         const char    *key,
                         const char    *value,
                         const char    *reason,
                         GError       **error)
{
  g_autofree char *label = NULL, *message = NULL;

  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  if (!bc_edit_session_override (self->session, key, value, reason, error))
    return FALSE;
  bc_report_page_check_now (self);
  label = bc_key_describe (self->report, key);
  message = g_strdup_printf (_("%s typed over, with its reason"), label);
  bc_ui_toast (GTK_WIDGET (self), message);
  return TRUE;
}

static void
override_response_cb (BcOverrideDialog *dialog,
                      const char       *response,
                      gpointer          data)
{
  BcReportPage *self = data;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "override") && self->session != NULL
      && !bc_report_page_override (self, bc_override_dialog_get_key (dialog), bc_override_dialog_get_value (dialog),
                                   bc_override_dialog_get_reason (dialog), &error))
    bc_ui_toast (GTK_WIDGET (self), error->message);
}

/**
 * bc_report_page_show_override:
 * @key: (nullable): the value; %NULL: the one last focused in a form
 *
 * Opens the dialog that types over a consolidated value: its parts, the
 * new value and the reason.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when @key is
 *   not a consolidated value (a toast says so)
 */
GtkWidget *
bc_report_page_show_override (BcReportPage *self,
                              const char   *key)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autofree char *label = NULL;
  const char *origin;
  BcOverrideDialog *dialog;

  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);

  if (key == NULL)
    key = self->input_key;
  if (self->session == NULL || !self->consolidated)
    return NULL;
  stored = bc_store_get_rollup (self->store, bc_report_get_id (self->report), NULL);
  if (key == NULL || stored == NULL || !g_hash_table_contains (stored, key))
    {
      bc_ui_toast (GTK_WIDGET (self), _("Click a value summed from the units' reports first, then type it over"));
      return NULL;
    }
  label = bc_key_describe (self->report, key);
  origin = bc_edit_session_get_origin (self->session, key);
  dialog = bc_override_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), key, label,
                                   origin ? origin : "", bc_report_get (self->report, key));
  g_signal_connect_object (dialog, "response", G_CALLBACK (override_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
override_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  bc_report_page_show_override (BC_REPORT_PAGE (widget), NULL);
}

void
bc_report_page_rollup_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "report.rollup-update", NULL, rollup_update_action);
  gtk_widget_class_install_action (widget_class, "report.override", NULL, override_action);
}

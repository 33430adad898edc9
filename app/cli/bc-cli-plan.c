/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bc-cli.h"
#include "bc-cli-plan.h"
#include "bc-cli-utils.h"
#include "bc-export.h"
#include "bc-followup.h"
#include "bc-inline.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-store-followup.h"
#include "bc-template.h"
#include "bc-text-utils.h"
#include "bc-xlsx.h"

/* "baocao plan-status": a plan's tasks by where they stand, overdue
 * first, each with the reports that followed it. */

static void
print_text (GPtrArray *tasks)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      const BcPlanTask *task = tasks->pdata[i];
      g_autofree char *plain = bc_inline_strip (task->content);
      g_autofree char *content = bc_text_escape_controls (plain, FALSE);
      g_autofree char *lead = bc_text_escape_controls (task->lead, FALSE);
      g_autofree char *deadline = bc_text_escape_controls (task->deadline_text, FALSE);
      g_autofree char *reading = bc_deadline_describe (&task->deadline);
      g_autofree char *date = bc_date_to_display (task->date);

      /* Translators: a plan's task past its deadline and not done */
      g_print ("%s\t%s\t%s\t%s\t%s (%s)\t%s\t%s\n", task->overdue ? _("overdue") : "-",
               bc_task_status_label (task->status), task->number, lead, deadline, reading, date, content);
      for (guint h = 0; h < task->history->len; h++)
        {
          const BcPlanEntry *entry = task->history->pdata[h];
          g_autofree char *unit = bc_text_escape_controls (entry->unit, FALSE);
          g_autofree char *to = bc_date_to_display (entry->period_to);
          g_autofree char *when = bc_date_to_display (entry->date);
          g_autofree char *note = bc_text_escape_controls (entry->note, FALSE);
          g_autofree char *by = bc_plan_entry_describe_origin (entry);
          g_autofree char *actor = bc_text_escape_controls (by, FALSE);

          g_print ("\t%s\t%s\t%s\t%s\t%s\t%s\n", to, unit, bc_task_status_label (entry->status), when,
                   actor, note);
        }
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value ? value : "");
}

static void
add_history (JsonBuilder      *builder,
             const BcPlanTask *task)
{
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint h = 0; h < task->history->len; h++)
    {
      const BcPlanEntry *entry = task->history->pdata[h];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "report");
      json_builder_add_int_value (builder, entry->report_id);
      add_string (builder, "unit", entry->unit);
      add_string (builder, "period_from", entry->period_from);
      add_string (builder, "period_to", entry->period_to);
      add_string (builder, "status", bc_task_status_to_string (entry->status));
      add_string (builder, "date", entry->date);
      add_string (builder, "note", entry->note);
      /* Who set the status standing in this report: for one carried
       * over unchanged, the clerk of the earlier report that set it. */
      add_string (builder, "by", entry->set_by);
      json_builder_set_member_name (builder, "carried");
      json_builder_add_boolean_value (builder, entry->carried);
      json_builder_set_member_name (builder, "set_in");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "report");
      json_builder_add_int_value (builder, entry->set_report_id);
      add_string (builder, "unit", entry->set_unit);
      add_string (builder, "period_from", entry->set_period_from);
      add_string (builder, "period_to", entry->set_period_to);
      add_string (builder, "at", entry->set_at);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (GPtrArray *tasks)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < tasks->len; i++)
    {
      const BcPlanTask *task = tasks->pdata[i];
      g_autofree char *due = bc_deadline_has_due (&task->deadline) ? bc_date_to_iso (&task->deadline.due) : NULL;

      json_builder_begin_object (builder);
      add_string (builder, "task", task->ref);
      add_string (builder, "number", task->number);
      add_string (builder, "content", task->content);
      add_string (builder, "lead", task->lead);
      add_string (builder, "cooperating", task->cooperating);
      add_string (builder, "deadline", task->deadline_text);
      add_string (builder, "deadline_kind", bc_deadline_kind_to_string (task->deadline.kind));
      json_builder_set_member_name (builder, "due");
      if (due != NULL)
        json_builder_add_string_value (builder, due);
      else
        json_builder_add_null_value (builder);
      add_string (builder, "status", bc_task_status_to_string (task->status));
      add_string (builder, "date", task->date);
      add_string (builder, "note", task->note);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, task->overdue);
      add_history (builder, task);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static gboolean
parse_today (const char  *text,
             GDate       *today,
             GError     **error)
{
  g_autofree char *iso = NULL;

  if (text == NULL)
    {
      bc_date_today (today);
      return TRUE;
    }
  return bc_date_parse_display (text, &iso, error) && bc_date_parse (iso, today);
}

/**
 * bc_cli_plan_status:
 *
 * "baocao plan-status PLAN [--json] [--xlsx FILE] [--today DD/MM/YYYY]".
 *
 * Returns: 0, 3 the plan could not be read or is no plan, 64 bad arguments
 */
int
bc_cli_plan_status (int    argc,
                    char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN"));
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) plan = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *library = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *xlsx = NULL;
  gboolean json = FALSE;
  GDate today;
  GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library, N_("The library database to use"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the tasks as JSON"), NULL },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write the tasks and their history as XLSX"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Count from this day (dd/mm/yyyy), not today"),
      N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("A plan's tasks by status, overdue first, with their history"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (argc != 3)
    return bc_cli_fail (BC_CLI_USAGE, "%s",
                        _("usage: baocao plan-status PLAN [--json] [--xlsx FILE] [--today DD/MM/YYYY]"));
  if (!parse_today (today_text, &today, &error)
      || (xlsx != NULL && !bc_export_check_name (xlsx, "xlsx", &error)))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if ((plan = bc_cli_open_report (library, argv[2], &store, &error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  if (store == NULL || g_strcmp0 (bc_template_get_kind (bc_report_get_template (plan)), "plan") != 0)
    return bc_cli_fail (BC_CLI_FAILED, _("Report %s is not a plan of the library"), argv[2]);
  if ((tasks = bc_store_plan_status (store, plan, &today, &error)) == NULL
      || (xlsx != NULL && !bc_xlsx_export_plan_status (plan, tasks, xlsx, NULL, &error)))
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  if (json)
    print_json (tasks);
  else
    print_text (tasks);
  return BC_CLI_OK;
}

static const char *
change_sign (BcPlanUpdateKind kind)
{
  return kind == BC_PLAN_TASK_ADDED ? "+" : kind == BC_PLAN_TASK_REMOVED ? "-" : "~";
}

/**
 * bc_cli_plan_update:
 *
 * "baocao plan-update ID [--apply]": what the plan in force adds, changes
 * and drops in the report's follow-up since it was made ("+", "~" with
 * the field, "-", then the task and its words); with --apply, takes it,
 * the statuses of the tasks that stay kept.
 *
 * Returns: 0 (nothing to take, or taken), 1 changes not applied, 3, 64
 */
int
bc_cli_plan_update (int    argc,
                    char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcFollowupUpdate) update = NULL;
  g_autofree char *library = NULL;
  gboolean apply = FALSE;
  const BcEdit *edits;
  guint n;
  GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library, N_("The library database to use"), N_("FILE") },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply, N_("Take the plan's tasks as they are now"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("What the plan in force changed in a report's follow-up since"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (argc != 3)
    return bc_cli_fail (BC_CLI_USAGE, "%s", _("usage: baocao plan-update ID [--apply]"));
  if ((report = bc_cli_open_report (library, argv[2], &store, &error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  if (store == NULL || bc_followup_find_section (bc_report_get_template (report)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, _("Report %s has no plan follow-up in the library"), argv[2]);
  if ((update = bc_store_followup_compare (store, report, &error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  for (guint i = 0; i < update->changes->len; i++)
    {
      const BcPlanUpdate *change = update->changes->pdata[i];
      g_autofree char *words = bc_followup_update_describe (change);
      g_autofree char *line = bc_text_escape_controls (words, FALSE);

      g_print ("%s\t%s\t%s\t%s\n", change_sign (change->kind), change->ref, change->field ? change->field : "",
               line);
    }
  edits = bc_followup_update_get_edits (update, &n);
  if (n == 0)
    return BC_CLI_OK;
  if (!apply)
    {
      g_printerr (ngettext ("baocao: the plan changed %u task since; --apply takes it\n",
                               "baocao: the plan changed %u tasks since; --apply takes them\n",
                               MAX (update->changes->len, 1)),
                  MAX (update->changes->len, 1));
      return 1;
    }
  if (!bc_store_apply (store, report, edits, n, &error))
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  g_printerr (ngettext ("baocao: updated %u task from the plan\n", "baocao: updated %u tasks from the plan\n",
                           update->changes->len),
              update->changes->len);
  return BC_CLI_OK;
}

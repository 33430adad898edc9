/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-followup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-followup.h"
#include "bc-keys.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-template.h"

static const char * const status_names[] = { "not_started", "in_progress", "done", "not_done", NULL };

const char *
bc_task_status_to_string (BcTaskStatus status)
{
  g_return_val_if_fail (status < BC_TASK_N_STATUSES, "not_started");
  return status_names[status];
}

/**
 * bc_task_status_from_string:
 * @text: (nullable): a stored status; %NULL or "" is not started
 *
 * Returns: %FALSE when @text is no status
 */
gboolean
bc_task_status_from_string (const char   *text,
                            BcTaskStatus *status)
{
  *status = BC_TASK_NOT_STARTED;
  if (text == NULL || *text == '\0')
    return TRUE;
  for (guint i = 0; status_names[i]; i++)
    if (g_str_equal (status_names[i], text))
      {
        *status = (BcTaskStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
bc_task_status_label (BcTaskStatus status)
{
  switch (status)
    {
    case BC_TASK_IN_PROGRESS:
      /* Translators: where a plan's task stands */
      return C_("task", "In progress");
    case BC_TASK_DONE:
      return C_("task", "Done");
    case BC_TASK_NOT_DONE:
      return C_("task", "Not done");
    case BC_TASK_NOT_STARTED:
    default:
      return C_("task", "Not started");
    }
}

/**
 * bc_task_status_printed:
 *
 * Returns: the status as a document prints it, in Vietnamese whatever the
 *   language of the window
 */
const char *
bc_task_status_printed (BcTaskStatus status)
{
  static const char * const printed[] = {
    "Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Không hoàn thành",
  };

  g_return_val_if_fail (status < BC_TASK_N_STATUSES, printed[0]);
  return printed[status];
}

void
bc_followup_task_free (BcFollowupTask *task)
{
  if (task == NULL)
    return;
  g_free (task->item);
  g_free (task->ref);
  g_free (task->content);
  g_free (task->lead);
  g_free (task->deadline_text);
  g_free (task->date);
  g_free (task->note);
  g_free (task);
}

static char *
dup_field (BcReport   *report,
           const char *section,
           const char *item,
           const char *field)
{
  g_autofree char *key = bc_key_item_field (section, item, field);

  return g_strdup (bc_report_get (report, key));
}

/* The deadlines that name no year are the plan's year: the plan in force
 * is the one holding the report's last day. */
static guint
plan_year (BcReport *report)
{
  GDate to;

  return bc_date_parse (bc_report_get_period_to (report), &to) ? g_date_get_year (&to) : 0;
}

/**
 * bc_followup_tasks:
 * @section: a "followup" section of @report's template
 *
 * Returns: (transfer container) (element-type BcFollowupTask): the tasks
 *   the section follows, in its order
 */
GPtrArray *
bc_followup_tasks (BcReport        *report,
                   const BcSection *section)
{
  GPtrArray *tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_followup_task_free);
  g_auto(GStrv) order = bc_report_get_list_order (report, section->id);
  guint year = plan_year (report);

  for (guint i = 0; order[i]; i++)
    {
      BcFollowupTask *task = g_new0 (BcFollowupTask, 1);
      g_autofree char *status = dup_field (report, section->id, order[i], "status");

      task->item = g_strdup (order[i]);
      task->ref = dup_field (report, section->id, order[i], "ref");
      task->content = dup_field (report, section->id, order[i], "content");
      task->lead = dup_field (report, section->id, order[i], "lead");
      task->deadline_text = dup_field (report, section->id, order[i], "deadline");
      task->date = dup_field (report, section->id, order[i], "date");
      task->note = dup_field (report, section->id, order[i], "note");
      bc_task_status_from_string (status, &task->status);
      bc_deadline_parse (task->deadline_text, year, &task->deadline);
      g_ptr_array_add (tasks, task);
    }
  return tasks;
}

static const BcSection *
find_in (GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *s = sections->pdata[i];
      const BcSection *found;

      if (s->kind == BC_SECTION_FOLLOWUP)
        return s;
      if ((found = find_in (s->children)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * bc_followup_find_section:
 *
 * Returns: (nullable) (transfer none): the first "followup" section of
 *   @template, the one filled from the plan
 */
const BcSection *
bc_followup_find_section (BcTemplate *template)
{
  return find_in (bc_template_get_sections (template));
}

/**
 * bc_followup_due_by:
 * @date: (out caller-allocates): the last day a task must be done by to
 *   count as done in time in @report
 *
 * The report's last day; for a report of a year, the end of its calendar
 * year, since it is the last word on the year's plan ("trong năm 2024"
 * falls due on 31/12, after the reporting year's 14/12).
 */
void
bc_followup_due_by (BcReport *report,
                    GDate    *date)
{
  BcTemplate *template = bc_report_get_template (report);

  if (!bc_date_parse (bc_report_get_period_to (report), date))
    return;
  if (bc_template_get_regime (template) == BC_REGIME_ANNUAL)
    g_date_set_dmy (date, 31, G_DATE_DECEMBER, g_date_get_year (date));
}

/**
 * bc_followup_task_is_late:
 *
 * Returns: %TRUE when @task falls due on or before @due_by and is not
 *   done: a task found not done is late too, a task done never is
 */
gboolean
bc_followup_task_is_late (const BcFollowupTask *task,
                          const GDate          *due_by)
{
  return task->status != BC_TASK_DONE && bc_deadline_has_due (&task->deadline)
    && g_date_valid (due_by) && g_date_compare (&task->deadline.due, due_by) <= 0;
}

static char *
fold (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);

  return g_utf8_strdown (nfc ? nfc : "", -1);
}

/* The words a plan uses for every unit of a level ("các sở, ban, ngành,
 * địa phương", "UBND các huyện, thị xã, thành phố"): a district or commune
 * is a "địa phương", a department ("Sở Tư pháp") one of "các sở". */
static gboolean
names_level (const char *text,
             const char *name,
             const char *kind)
{
  static const char * const district[] = { "huyện", "thị xã", "thành phố", "quận", NULL };
  static const char * const commune[] = { "xã", "phường", "thị trấn", "đặc khu", NULL };

  if (strstr (text, "địa phương") != NULL && kind != NULL)
    return TRUE;
  if (kind == NULL)
    return (g_str_has_prefix (name, "sở ") && strstr (text, "các sở") != NULL)
      || (g_str_has_prefix (name, "ban ") && strstr (text, "ban, ngành") != NULL);
  if (kind != NULL && g_strv_contains (district, kind))
    return strstr (text, "các huyện") != NULL || strstr (text, "cấp huyện") != NULL;
  if (kind != NULL && g_strv_contains (commune, kind))
    return strstr (text, "các xã") != NULL || strstr (text, "cấp xã") != NULL;
  return FALSE;
}

/**
 * bc_followup_concerns:
 * @unit: the reporting unit, "Huyện Châu Đức" or "Sở Tư pháp"
 * @lead: a task's lead agency
 * @cooperating: its cooperating agencies
 *
 * Whether the task is the unit's to report on: the lead or a cooperating
 * agency names it ("Sở Tư pháp", "UBND huyện Châu Đức", "Châu Đức"), or
 * names every unit of its level ("các sở, ban, ngành, địa phương" names
 * every district and commune). The plan's owner follows every task.
 */
gboolean
bc_followup_concerns (const char *unit,
                      const char *lead,
                      const char *cooperating)
{
  g_autofree char *name = fold (unit);
  g_autofree char *lead_words = fold (lead);
  g_autofree char *cooperating_words = fold (cooperating);
  g_autofree char *text = g_strconcat (lead_words, "\n", cooperating_words, NULL);
  const char *rest = NULL;
  const char *kind;

  g_strstrip (name);
  if (*name == '\0')
    return FALSE;
  kind = bc_office_kind_from_name (name, &rest);
  if (strstr (text, name) != NULL)
    return TRUE;
  if (kind != NULL && rest != NULL && g_utf8_strlen (rest, -1) >= 3 && strstr (text, rest) != NULL)
    return TRUE;
  return names_level (text, name, kind);
}

/**
 * bc_followup_validate_field:
 *
 * Validates the value of a follow-up item's @field (bc-report.c calls it
 * for every key of a "followup" section's items).
 *
 * Returns: %FALSE with @error set (%BC_REPORT_ERROR) when it does not fit
 */
gboolean
bc_followup_validate_field (const char  *field,
                            const char  *key,
                            const char  *value,
                            GError     **error)
{
  BcTaskStatus status;
  GDate date;

  if (g_str_equal (field, "status") && !bc_task_status_from_string (value, &status))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: a task's status is not_started, in_progress, done or not_done"), key);
      return FALSE;
    }
  if (g_str_equal (field, "date") && *value && !bc_date_parse (value, &date))
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: “%s” is not a date"), key, value);
      return FALSE;
    }
  if (g_str_equal (field, "ref") && *value && bc_key_get_kind (value) != BC_KEY_ITEM)
    {
      g_set_error (error, BC_REPORT_ERROR, BC_REPORT_ERROR_INVALID_VALUE,
                   _("%s: “%s” is not a task of a plan"), key, value);
      return FALSE;
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-checker"

/* The checks of a plan's tasks: deadlines Baocao cannot read, in a plan
 * and in a report's follow-up; tasks due and not done; tasks not done
 * without a reason. */

#include "config.h"

#include "bc-checker-private.h"
#include "bc-deadline.h"
#include "bc-followup.h"
#include "bc-inline.h"
#include "bc-keys.h"
#include "bc-period.h"
#include "bc-store-followup.h"

/* The first words of a task, to name it in a finding. */
static char *
short_content (const char *content)
{
  const guint at_most = 60;
  g_autofree char *one_line = bc_inline_strip (content ? content : "");
  g_autofree char *start = NULL;

  g_strdelimit (one_line, "\n\r\t", ' ');
  g_strstrip (one_line);
  if (g_utf8_strlen (one_line, -1) <= at_most)
    return g_steal_pointer (&one_line);
  start = g_utf8_substring (one_line, 0, at_most);
  return g_strconcat (start, "…", NULL);
}

static void
check_deadline (BcCheck    *check,
                const char *section,
                const char *item,
                const char *text,
                const char *content)
{
  BcDeadline deadline;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;

  if (bc_deadline_parse (text, g_date_valid (&check->dates.period_to)
                         ? g_date_get_year (&check->dates.period_to) : 0, &deadline))
    return;
  key = bc_key_item_field (section, item, "deadline");
  name = short_content (content);
  bc_check_add (check, BC_SEVERITY_WARNING, "plan.deadline_unreadable", key, NULL,
                "Nhiệm vụ “%s”: không đọc được thời hạn “%s” (viết như “Tháng 6/2024”, “Quý I/2024”, "
                "“Trong năm 2024”, “30/6/2024” hoặc “Thường xuyên”); thời hạn được giữ nguyên văn",
                name, text);
}

static void
check_plan_tasks (BcCheck         *check,
                  const BcSection *section)
{
  g_auto(GStrv) items = bc_report_get_list_order (check->report, section->id);

  for (guint i = 0; items[i]; i++)
    {
      g_autofree char *deadline_key = bc_key_item_field (section->id, items[i], "deadline");
      g_autofree char *content_key = bc_key_item_field (section->id, items[i], "content");

      check_deadline (check, section->id, items[i], bc_report_get (check->report, deadline_key),
                      bc_report_get (check->report, content_key));
    }
}

static void
check_late (BcCheck              *check,
            const BcSection      *section,
            const BcFollowupTask *task,
            const GDate          *due_by)
{
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *due = NULL;
  gboolean in_period;

  if (!bc_followup_task_is_late (task, due_by))
    return;
  key = bc_key_item_field (section->id, task->item, "status");
  name = short_content (task->content);
  due = bc_check_format_date (&task->deadline.due);
  in_period = g_date_valid (&check->dates.period_from)
    && g_date_compare (&task->deadline.due, &check->dates.period_from) >= 0;
  if (task->status == BC_TASK_NOT_DONE)
    bc_check_add (check, BC_SEVERITY_WARNING, "plan.task_not_done", key, NULL,
                  "Nhiệm vụ “%s” (thời hạn: %s, đến %s) không hoàn thành", name, task->deadline_text, due);
  else
    bc_check_add (check, BC_SEVERITY_WARNING, "plan.task_late", key, NULL,
                  in_period ? "Nhiệm vụ “%s” đến hạn trong kỳ (thời hạn: %s, đến %s) nhưng chưa hoàn thành"
                            : "Nhiệm vụ “%s” đã quá hạn (thời hạn: %s, đến %s) nhưng chưa hoàn thành",
                  name, task->deadline_text, due);
}

/* A task done stays done: one an earlier report of the unit said was
 * done and this one says is not (set back by mistake, or truly undone:
 * then the finding is explained). */
static void
check_undone (BcCheck              *check,
              const BcSection      *section,
              const BcFollowupTask *task,
              GHashTable           *done_before)
{
  const BcTaskDone *done = g_hash_table_lookup (done_before, task->ref);
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;
  g_autofree char *now = NULL;

  if (done == NULL || task->status == BC_TASK_DONE)
    return;
  key = bc_key_item_field (section->id, task->item, "status");
  name = short_content (task->content);
  from = bc_date_to_display (done->period_from);
  to = bc_date_to_display (done->period_to);
  date = bc_date_to_display (done->date);
  when = *date ? g_strdup_printf (" (ngày %s)", date) : g_strdup ("");
  now = g_utf8_strdown (bc_task_status_printed (task->status), -1);
  bc_check_add (check, BC_SEVERITY_WARNING, "plan.done_undone", key, NULL,
                "Nhiệm vụ “%s” đã báo cáo hoàn thành trong báo cáo kỳ %s – %s%s nhưng báo cáo này ghi “%s”: "
                "nhiệm vụ đã hoàn thành thì giữ nguyên; nếu phải thực hiện lại, ghi lý do vào giải trình",
                name, from, to, when, now);
}

static void
check_followup (BcCheck         *check,
                const BcSection *section)
{
  g_autoptr(GPtrArray) tasks = bc_followup_tasks (check->report, section);
  g_autoptr(GHashTable) from_previous = NULL;
  GHashTable *done_before = check->done_before;
  GDate due_by;

  /* Without the library, the previous period's report says what was
   * done, when it follows the same plan. */
  if (done_before == NULL && check->previous != NULL && *bc_followup_plan (check->report) != '\0'
      && g_str_equal (bc_followup_plan (check->previous), bc_followup_plan (check->report)))
    done_before = from_previous = bc_followup_done_in (check->previous);
  g_date_clear (&due_by, 1);
  bc_followup_due_by (check->report, &due_by);
  for (guint i = 0; i < tasks->len; i++)
    {
      const BcFollowupTask *task = tasks->pdata[i];

      check_deadline (check, section->id, task->item, task->deadline_text, task->content);
      check_late (check, section, task, &due_by);
      if (done_before != NULL)
        check_undone (check, section, task, done_before);
      if (task->status == BC_TASK_NOT_DONE && *task->note == '\0')
        {
          g_autofree char *key = bc_key_item_field (section->id, task->item, "note");
          g_autofree char *name = short_content (task->content);

          bc_check_add (check, BC_SEVERITY_WARNING, "plan.reason_missing", key, NULL,
                        "Nhiệm vụ “%s” không hoàn thành: cần ghi lý do", name);
        }
    }
}

/* The plan followed has changed since the follow-up was made: tasks
 * the report does not have, or has in other words, or no longer should. */
static void
check_stale (BcCheck         *check,
             const BcSection *section)
{
  GHashTable *refs[3] = { NULL };
  g_autofree char *key = NULL;

  if (check->plan_changes == NULL || check->plan_changes->len == 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    refs[i] = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < check->plan_changes->len; i++)
    {
      const BcPlanUpdate *change = check->plan_changes->pdata[i];
      g_hash_table_add (refs[change->kind], change->ref);
    }
  key = bc_key_section_part (section->id, "plan");
  bc_check_add (check, BC_SEVERITY_WARNING, "plan.stale", key, NULL,
                "Kế hoạch đã sửa đổi sau khi lập phần theo dõi: %u nhiệm vụ mới, %u nhiệm vụ thay đổi, "
                "%u nhiệm vụ không còn giao; dùng “Cập nhật từ kế hoạch” để cập nhật (tình trạng các nhiệm vụ "
                "còn lại được giữ nguyên)",
                g_hash_table_size (refs[BC_PLAN_TASK_ADDED]), g_hash_table_size (refs[BC_PLAN_TASK_CHANGED]),
                g_hash_table_size (refs[BC_PLAN_TASK_REMOVED]));
  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    g_hash_table_unref (refs[i]);
}

static void
check_sections (BcCheck   *check,
                GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      if (bc_report_section_is_omitted (check->report, section))
        continue;
      if (section->kind == BC_SECTION_TASKS)
        check_plan_tasks (check, section);
      else if (section->kind == BC_SECTION_FOLLOWUP)
        {
          check_followup (check, section);
          check_stale (check, section);
        }
      check_sections (check, section->children);
    }
}

/**
 * bc_check_plan: (skip)
 *
 * The checks of a plan's tasks and of a report's plan follow-up.
 */
void
bc_check_plan (BcCheck *check)
{
  check_sections (check, bc_template_get_sections (check->template));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

/* The plan's status: every task of a plan, where it stands and who set
 * it, across the reports of the library that follow it (`baocao
 * plan-status`, the plan-status window); overdue tasks first. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "bc-keys.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-followup-private.h"
#include "bc-store-private.h"

/* "14/03/2024" of a change's "2024-03-14T10:00:00.000Z", or "". */
static char *
day_of (const char *at)
{
  g_autofree char *iso = g_strndup (at ? at : "", 10);

  return *iso ? bc_date_to_display (iso) : g_strdup ("");
}

/**
 * bc_plan_entry_describe_origin:
 *
 * Who set the status @entry stands at, for the window and the command
 * line: the clerk of its own report, or for a status carried over, the
 * earlier report that set it: "Cán bộ 3, 14/03/2024 (carried over from
 * the report to 20/03/2024)".
 *
 * Returns: (transfer full): the words, "" when nobody is known
 */
char *
bc_plan_entry_describe_origin (const BcPlanEntry *entry)
{
  g_autofree char *to = NULL;
  g_autofree char *day = NULL;
  g_autofree char *who = NULL;

  g_return_val_if_fail (entry != NULL, NULL);
  if (!entry->carried)
    return g_strdup (entry->actor);
  to = bc_date_to_display (entry->set_period_to);
  day = day_of (entry->set_at);
  who = *entry->set_by && *day ? g_strdup_printf ("%s, %s", entry->set_by, day) : g_strdup (entry->set_by);
  if (*who == '\0')
    /* Translators: a task's status carried over unchanged: the unit and the last day of the report that set it */
    return g_strdup_printf (_("carried over from the report of %s to %s"), entry->set_unit, to);
  /* Translators: a task's status carried over unchanged: who set it (and the day), then the last day of the report they set it in */
  return g_strdup_printf (_("%s (carried over from the report to %s)"), who, to);
}

/**
 * bc_plan_entry_origin_printed:
 *
 * bc_plan_entry_describe_origin() as a document prints it, in
 * Vietnamese whatever the language of the window.
 *
 * Returns: (transfer full): the words, "" when nobody is known
 */
char *
bc_plan_entry_origin_printed (const BcPlanEntry *entry)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *day = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (entry != NULL, NULL);
  if (!entry->carried)
    return g_strdup (entry->actor);
  from = bc_date_to_display (entry->set_period_from);
  to = bc_date_to_display (entry->set_period_to);
  day = day_of (entry->set_at);
  g_string_append (text, *entry->set_by ? entry->set_by : entry->set_unit);
  if (*day)
    g_string_append_printf (text, ", ngày %s", day);
  g_string_append_printf (text, " (giữ nguyên từ báo cáo kỳ %s – %s)", from, to);
  return g_string_free (g_steal_pointer (&text), FALSE);
}


/* Who last set @key in the report, and when; "" when its change log
 * does not have it (a value carried over, or imported). */
static void
status_change (BcStore     *self,
               gint64       report_id,
               const char  *key,
               char       **actor,
               char       **at)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT actor, at FROM change WHERE report_id = ?1 AND key = ?2"
                                               " ORDER BY id DESC LIMIT 1", NULL);

  *actor = NULL;
  *at = NULL;
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, report_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          *actor = bc_store_column_dup (stmt, 0);
          *at = bc_store_column_dup (stmt, 1);
        }
      sqlite3_reset (stmt);
    }
  if (*actor == NULL)
    *actor = g_strdup ("");
  if (*at == NULL)
    *at = g_strdup ("");
}

static void
add_history (BcStore         *self,
             BcReport        *report,
             const BcSection *section,
             GHashTable      *by_ref)
{
  g_autoptr(GPtrArray) tasks = bc_followup_tasks (report, section);

  for (guint i = 0; i < tasks->len; i++)
    {
      BcFollowupTask *ft = tasks->pdata[i];
      BcPlanTask *task = g_hash_table_lookup (by_ref, ft->ref);
      g_autofree char *status_key = bc_key_item_field (section->id, ft->item, "status");
      BcPlanEntry *entry;

      if (task == NULL)
        continue;
      entry = g_new0 (BcPlanEntry, 1);
      entry->report_id = bc_report_get_id (report);
      entry->unit = g_strdup (bc_report_get_unit (report));
      entry->period_from = g_strdup (bc_report_get_period_from (report));
      entry->period_to = g_strdup (bc_report_get_period_to (report));
      entry->status = ft->status;
      entry->date = g_strdup (ft->date);
      entry->note = g_strdup (ft->note);
      status_change (self, entry->report_id, status_key, &entry->actor, &entry->set_at);
      g_ptr_array_add (task->history, entry);
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const BcPlanEntry *x = *(BcPlanEntry **) a;
  const BcPlanEntry *y = *(BcPlanEntry **) b;
  int c = strcmp (x->period_to, y->period_to);

  if (c == 0)
    c = strcmp (y->period_from, x->period_from);
  return c != 0 ? c : (x->report_id > y->report_id) - (x->report_id < y->report_id);
}

/* Who set each status: the report's own change, or for a status its
 * report never changed, the unit's earlier report that set it (the next
 * period starts from the last one's statuses, with no change of its
 * own). The history is sorted by period. */
static void
trace_origins (BcPlanTask *task)
{
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);   /* unit -> BcPlanEntry */

  for (guint i = 0; i < task->history->len; i++)
    {
      BcPlanEntry *entry = task->history->pdata[i];
      const BcPlanEntry *before = g_hash_table_lookup (last, entry->unit);

      entry->carried = *entry->actor == '\0' && before != NULL && before->status == entry->status;
      if (entry->carried)
        {
          entry->set_report_id = before->set_report_id;
          entry->set_unit = g_strdup (before->set_unit);
          entry->set_period_from = g_strdup (before->set_period_from);
          entry->set_period_to = g_strdup (before->set_period_to);
          entry->set_by = g_strdup (before->set_by);
          g_free (entry->set_at);
          entry->set_at = g_strdup (before->set_at);
        }
      else
        {
          entry->set_report_id = entry->report_id;
          entry->set_unit = g_strdup (entry->unit);
          entry->set_period_from = g_strdup (entry->period_from);
          entry->set_period_to = g_strdup (entry->period_to);
          entry->set_by = g_strdup (entry->actor);
        }
      g_hash_table_insert (last, entry->unit, entry);
    }
}

/* Where a task stands: done once a report said so (the first that did),
 * or once the plan says so beside its deadline; else what the newest
 * report says; not started when none has. */
static void
settle (BcPlanTask  *task,
        const GDate *today)
{
  const BcPlanEntry *last = NULL;

  g_ptr_array_sort (task->history, compare_entries);
  trace_origins (task);
  for (guint i = 0; i < task->history->len; i++)
    {
      const BcPlanEntry *entry = task->history->pdata[i];

      if (entry->status == BC_TASK_DONE)
        {
          last = entry;
          break;
        }
      last = entry;
    }
  if (last != NULL)
    {
      task->status = last->status;
      g_free (task->date);
      task->date = g_strdup (last->date);
      g_free (task->note);
      task->note = g_strdup (last->note);
    }
  /* The plan's own words may say it was done before any report did. */
  if (task->deadline.done && task->status != BC_TASK_DONE)
    task->status = BC_TASK_DONE;
  task->overdue = task->status != BC_TASK_DONE && bc_deadline_has_due (&task->deadline)
    && g_date_compare (&task->deadline.due, today) < 0;
}

static int
status_rank (BcTaskStatus status)
{
  static const int rank[] = { [BC_TASK_NOT_DONE] = 0, [BC_TASK_IN_PROGRESS] = 1,
                              [BC_TASK_NOT_STARTED] = 2, [BC_TASK_DONE] = 3 };
  return rank[status];
}

/* Overdue first, the longest overdue first; then not done, in progress,
 * not started, done; the plan's order otherwise (the sort is stable). */
static int
compare_tasks (gconstpointer a,
               gconstpointer b)
{
  const BcPlanTask *x = *(BcPlanTask **) a;
  const BcPlanTask *y = *(BcPlanTask **) b;

  if (x->overdue != y->overdue)
    return x->overdue ? -1 : 1;
  if (x->overdue)
    return g_date_compare (&x->deadline.due, &y->deadline.due);
  return status_rank (x->status) - status_rank (y->status);
}

/**
 * bc_store_plan_status:
 * @plan: a report of a "plan" template
 * @today: the day tasks are overdue at
 *
 * Every task of @plan, with where it stands and its history: one entry per
 * report of the library that follows @plan, by period, with its unit and
 * who last set the status. Overdue tasks first.
 *
 * Returns: (transfer container) (element-type BcPlanTask): the tasks, or
 *   %NULL with @error set
 */
static GPtrArray *plan_status (BcStore      *self,
                               BcReport     *plan,
                               const GDate  *today,
                               GCancellable *cancellable,
                               GError      **error);

GPtrArray *
bc_store_plan_status (BcStore      *self,
                      BcReport     *plan,
                      const GDate  *today,
                      GError      **error)
{
  return plan_status (self, plan, today, NULL, error);
}

typedef struct
{
  char   *path;
  gint64  plan_id;
  GDate   today;
} StatusData;

static void
status_data_free (StatusData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
status_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  StatusData *data = task_data;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) plan = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks;

  if ((store = bc_store_open (data->path, &error)) == NULL
      || (plan = bc_store_open_report (store, data->plan_id, &error)) == NULL
      || (tasks = plan_status (store, plan, &data->today, cancellable, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tasks, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * bc_store_plan_status_async:
 * @path: the library
 * @plan_id: the plan's id in it
 *
 * bc_store_plan_status() in a thread, on a connection of its own to the
 * library: it opens every report that follows the plan, a year's worth
 * of every unit's. @cancellable stops it between two reports.
 */
void
bc_store_plan_status_async (const char          *path,
                            gint64               plan_id,
                            const GDate         *today,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  StatusData *data = g_new0 (StatusData, 1);

  data->path = g_strdup (path);
  data->plan_id = plan_id;
  data->today = *today;
  g_task_set_source_tag (task, bc_store_plan_status_async);
  g_task_set_task_data (task, data, (GDestroyNotify) status_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, status_thread);
}

/**
 * bc_store_plan_status_finish:
 *
 * Returns: (transfer container) (element-type BcPlanTask): the tasks, or
 *   %NULL with @error set (%G_IO_ERROR_CANCELLED when cancelled)
 */
GPtrArray *
bc_store_plan_status_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static GPtrArray *
plan_status (BcStore       *self,
             BcReport      *plan,
             const GDate   *today,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GHashTable) by_ref = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_REPORT (plan), NULL);

  tasks = bc_store_followup_plan_tasks (plan);
  for (guint i = 0; i < tasks->len; i++)
    g_hash_table_insert (by_ref, ((BcPlanTask *) tasks->pdata[i])->ref, tasks->pdata[i]);
  /* The reports that name the plan in a value: few, found without
   * opening the others. */
  stmt = bc_store_prepare (self, "SELECT DISTINCT report_id FROM value WHERE value = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, bc_report_get_uuid (plan), -1, SQLITE_TRANSIENT);
  if ((ids = bc_store_followup_collect_ids (self, stmt, error)) == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BcReport) report = NULL;
      const BcSection *section;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || (report = bc_store_open_report (self, g_array_index (ids, gint64, i), error)) == NULL)
        return NULL;
      if ((section = bc_store_followup_section_following (report, bc_report_get_uuid (plan))) != NULL)
        add_history (self, report, section, by_ref);
    }
  for (guint i = 0; i < tasks->len; i++)
    settle (tasks->pdata[i], today);
  g_ptr_array_sort (tasks, compare_tasks);
  return g_steal_pointer (&tasks);
}

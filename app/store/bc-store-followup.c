/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

/* The plan follow-up: a new report's follow-up section filled from the
 * plan in force and the office's last statuses, and the tasks its unit's
 * earlier reports said were done. The update from the plan is in
 * bc-store-followup-update.c, the plan's status in bc-store-plan-status.c. */

#include "config.h"

#include <sqlite3.h>

#include "bc-keys.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-followup-private.h"
#include "bc-store-private.h"
#include "bc-template.h"

/* Reports of a unit looked through, newest first, for its last statuses. */
#define LOOK_BACK 36

static void
plan_entry_free (BcPlanEntry *entry)
{
  g_free (entry->unit);
  g_free (entry->period_from);
  g_free (entry->period_to);
  g_free (entry->date);
  g_free (entry->note);
  g_free (entry->actor);
  g_free (entry->set_unit);
  g_free (entry->set_period_from);
  g_free (entry->set_period_to);
  g_free (entry->set_by);
  g_free (entry->set_at);
  g_free (entry);
}

void
bc_plan_task_free (BcPlanTask *task)
{
  if (task == NULL)
    return;
  g_free (task->ref);
  g_free (task->number);
  g_free (task->content);
  g_free (task->lead);
  g_free (task->cooperating);
  g_free (task->deadline_text);
  g_free (task->date);
  g_free (task->note);
  g_clear_pointer (&task->history, g_ptr_array_unref);
  g_free (task);
}

static char *
fold (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);

  return g_strstrip (g_utf8_strdown (nfc ? nfc : "", -1));
}

static gboolean
same_unit (const char *a,
           const char *b)
{
  g_autofree char *fa = fold (a);
  g_autofree char *fb = fold (b);

  return g_str_equal (fa, fb);
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

/* Every task of the plan, in the order it prints them. */
static void
collect_plan_tasks (BcReport  *plan,
                    GPtrArray *sections,
                    guint      year,
                    GPtrArray *out)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *s = sections->pdata[i];

      if (s->kind == BC_SECTION_TASKS)
        {
          g_auto(GStrv) order = bc_report_get_list_order (plan, s->id);
          g_autofree char *number = bc_report_dup_section_text (plan, s, "number");

          for (guint k = 0, n = 0; order[k]; k++)
            {
              g_autofree char *content = dup_field (plan, s->id, order[k], "content");
              g_autofree char *lead = dup_field (plan, s->id, order[k], "lead");
              BcPlanTask *task;

              /* An empty task is not printed, nor followed; a task told
               * by its section's heading alone is named by it. */
              if (*content == '\0' && *lead == '\0')
                continue;
              if (*content == '\0')
                {
                  g_free (content);
                  content = bc_report_dup_section_text (plan, s, "title");
                }
              task = g_new0 (BcPlanTask, 1);

              task->ref = bc_key_item (s->id, order[k]);
              task->number = g_strdup_printf ("%s (%u)", number, ++n);
              task->content = g_steal_pointer (&content);
              task->lead = g_steal_pointer (&lead);
              task->cooperating = dup_field (plan, s->id, order[k], "cooperating");
              task->deadline_text = dup_field (plan, s->id, order[k], "deadline");
              task->date = g_strdup ("");
              task->note = g_strdup ("");
              task->history = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_entry_free);
              bc_deadline_parse (task->deadline_text, year, &task->deadline);
              g_ptr_array_add (out, task);
            }
        }
      collect_plan_tasks (plan, s->children, year, out);
    }
}

GPtrArray *
bc_store_followup_plan_tasks (BcReport *plan)
{
  GPtrArray *tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_plan_task_free);
  GDate to;
  guint year = bc_date_parse (bc_report_get_period_to (plan), &to) ? g_date_get_year (&to) : 0;

  collect_plan_tasks (plan, bc_template_get_sections (bc_report_get_template (plan)), year, tasks);
  return tasks;
}

/* Ids of the rows a statement gives (its first column), read to the end so
 * that the statement is free again before the reports are opened. */
GArray *
bc_store_followup_collect_ids (BcStore       *self,
                               sqlite3_stmt  *stmt,
                               GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bc_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * bc_store_find_plan:
 * @unit: the reporting unit
 * @period_to: the report's last day, ISO
 *
 * The plan in force for a report: a report of a "plan" template whose
 * period holds @period_to; the unit's own plan if it has one, else the
 * newest of the library's (a province's plan, for its districts).
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL (with @error
 *   set only when the library could not be read)
 */
BcReport *
bc_store_find_plan (BcStore     *self,
                    const char  *unit,
                    const char  *period_to,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(BcReport) first = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self, "SELECT id FROM report WHERE period_from <= ?1 AND period_to >= ?1"
                                 " AND json_extract(template, '$.kind') = 'plan' ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, period_to, -1, SQLITE_TRANSIENT);
  if ((ids = bc_store_followup_collect_ids (self, stmt, error)) == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BcReport) plan = bc_store_open_report (self, g_array_index (ids, gint64, i), error);

      if (plan == NULL)
        return NULL;
      if (same_unit (bc_report_get_unit (plan), unit))
        return g_steal_pointer (&plan);
      if (first == NULL)
        first = g_steal_pointer (&plan);
    }
  return g_steal_pointer (&first);
}

/* Whether @report follows @plan_uuid in a follow-up section; which one. */
const BcSection *
bc_store_followup_section_following (BcReport   *report,
                                     const char *plan_uuid)
{
  const BcSection *section = bc_followup_find_section (bc_report_get_template (report));
  g_autofree char *key = section ? bc_key_section_part (section->id, "plan") : NULL;

  if (section == NULL || !g_str_equal (bc_report_get (report, key), plan_uuid))
    return NULL;
  return section;
}

/* The unit's newest report up to @period_to that follows the plan: where
 * a new report's statuses start from when it is not made from the last. */
static BcReport *
latest_following (BcStore     *self,
                  const char  *unit,
                  const char  *period_to,
                  const char  *plan_uuid,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = NULL;

  stmt = bc_store_prepare (self, "SELECT id FROM report WHERE unit = ?1 AND period_to <= ?2"
                                 " ORDER BY period_to DESC, period_from DESC LIMIT " G_STRINGIFY (LOOK_BACK),
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, unit, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, period_to, -1, SQLITE_TRANSIENT);
  if ((ids = bc_store_followup_collect_ids (self, stmt, error)) == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BcReport) report = bc_store_open_report (self, g_array_index (ids, gint64, i), NULL);

      if (report != NULL && bc_store_followup_section_following (report, plan_uuid) != NULL)
        return g_steal_pointer (&report);
    }
  return NULL;
}

gboolean
bc_store_followup_is_section_value (gpointer key,
                                    gpointer value,
                                    gpointer section_id)
{
  g_auto(BcKey) k = BC_KEY_INIT;
  BcKeyKind kind = bc_key_parse (&k, key);

  return (kind == BC_KEY_ITEM_FIELD || kind == BC_KEY_ITEM || kind == BC_KEY_SECTION_PART)
    && g_str_equal (k.id, section_id)
    && (kind != BC_KEY_SECTION_PART || g_str_equal (k.sub, "order") || g_str_equal (k.sub, "plan"));
}

static void
set_value (GHashTable *values,
           char       *key,
           const char *value)
{
  if (value == NULL || *value == '\0')
    {
      g_hash_table_remove (values, key);
      g_free (key);
    }
  else
    g_hash_table_insert (values, key, g_strdup (value));
}

/* ref -> item id, of the items @values holds for @section; @next: the
 * number of the next new item "t<n>"; @order_out: the refs, in order. */
GHashTable *
bc_store_followup_items_by_ref (GHashTable      *values,
                                const BcSection *section,
                                guint           *next,
                                GPtrArray       *order_out)
{
  GHashTable *refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *order_key = bc_key_section_part (section->id, "order");
  const char *order = g_hash_table_lookup (values, order_key);
  g_auto(GStrv) items = g_strsplit (order ? order : "", ",", -1);

  if (next != NULL)
    *next = 1;
  for (guint i = 0; items[i] && *items[i]; i++)
    {
      g_autofree char *key = bc_key_item_field (section->id, items[i], "ref");
      const char *ref = g_hash_table_lookup (values, key);

      if (ref != NULL)
        g_hash_table_insert (refs, g_strdup (ref), g_strdup (items[i]));
      if (ref != NULL && order_out != NULL)
        g_ptr_array_add (order_out, g_strdup (ref));
      if (next != NULL && items[i][0] == 't')
        *next = MAX (*next, (guint) g_ascii_strtoull (items[i] + 1, NULL, 10) + 1);
    }
  return refs;
}

/* A task's status, date and note as an earlier report has them. */
static void
copy_statuses (GHashTable           *values,
               const BcSection      *section,
               const char           *item,
               const BcFollowupTask *from)
{
  set_value (values, bc_key_item_field (section->id, item, "status"),
             from->status == BC_TASK_NOT_STARTED ? NULL : bc_task_status_to_string (from->status));
  set_value (values, bc_key_item_field (section->id, item, "date"), from->date);
  set_value (values, bc_key_item_field (section->id, item, "note"), from->note);
}

/* ref -> BcFollowupTask of an earlier report; kept alive by @tasks. */
static GHashTable *
tasks_by_ref (BcReport   *source,
              GPtrArray **tasks)
{
  GHashTable *refs = g_hash_table_new (g_str_hash, g_str_equal);
  const BcSection *section;

  *tasks = NULL;
  if (source == NULL)
    return refs;
  section = bc_followup_find_section (bc_report_get_template (source));
  *tasks = bc_followup_tasks (source, section);
  for (guint i = 0; i < (*tasks)->len; i++)
    {
      BcFollowupTask *task = (*tasks)->pdata[i];
      g_hash_table_insert (refs, task->ref, task);
    }
  return refs;
}

/* The plan's words for a task, copied into the follow-up so that the
 * report prints and checks without the plan. */
static void
copy_task (GHashTable       *values,
           const BcSection  *section,
           const char       *item,
           const BcPlanTask *task)
{
  set_value (values, bc_key_item_field (section->id, item, "ref"), task->ref);
  set_value (values, bc_key_item_field (section->id, item, "content"), task->content);
  set_value (values, bc_key_item_field (section->id, item, "lead"), task->lead);
  set_value (values, bc_key_item_field (section->id, item, "deadline"), task->deadline_text);
}

typedef struct
{
  BcStore    *store;
  GHashTable *values;
  const char *unit;
  const char *period_to;
  BcReport   *plan;
  GPtrArray  *tasks;     /* BcPlanTask of the plan */
  gboolean    owner;     /* the plan is the unit's own: every task is its */
} Fill;

/* A task's status, date and note as @values hold them. */
typedef struct
{
  char *status, *date, *note;
} Stand;

static void
stand_free (Stand *stand)
{
  g_free (stand->status);
  g_free (stand->date);
  g_free (stand->note);
  g_free (stand);
}

char *
bc_store_followup_dup_value (GHashTable      *values,
                             const BcSection *section,
                             const char      *item,
                             const char      *field)
{
  g_autofree char *key = bc_key_item_field (section->id, item, field);
  const char *value = g_hash_table_lookup (values, key);

  return g_strdup (value ? value : "");
}

/* The plan's year, from its last day. */
static guint
year_of (const char *iso)
{
  GDate date;

  return bc_date_parse (iso, &date) ? g_date_get_year (&date) : 0;
}

/* When the plan followed gives way to another of the same year (a plan
 * amended by a new document), the statuses of its tasks, by their words:
 * the tasks the new plan keeps word for word keep where they stand. Not
 * across years: this year's tasks start afresh. */
static GHashTable *
stands_by_content (Fill            *fill,
                   const BcSection *section,
                   const char      *old_uuid)
{
  GHashTable *stands = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) stand_free);
  g_autofree char *order_key = bc_key_section_part (section->id, "order");
  const char *order = g_hash_table_lookup (fill->values, order_key);
  g_auto(GStrv) items = g_strsplit (order ? order : "", ",", -1);
  sqlite3_stmt *stmt = bc_store_prepare (fill->store, "SELECT period_to FROM report WHERE uuid = ?1", NULL);
  g_autofree char *old_to = NULL;

  if (stmt == NULL)
    return stands;
  sqlite3_bind_text (stmt, 1, old_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    old_to = bc_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (old_to == NULL || year_of (old_to) != year_of (bc_report_get_period_to (fill->plan)))
    return stands;
  for (guint i = 0; items[i] && *items[i]; i++)
    {
      Stand *stand = g_new0 (Stand, 1);

      stand->status = bc_store_followup_dup_value (fill->values, section, items[i], "status");
      stand->date = bc_store_followup_dup_value (fill->values, section, items[i], "date");
      stand->note = bc_store_followup_dup_value (fill->values, section, items[i], "note");
      g_hash_table_insert (stands, bc_store_followup_dup_value (fill->values, section, items[i], "content"), stand);
    }
  return stands;
}

static gboolean
fill_section (Fill             *fill,
              const BcSection  *section,
              GError          **error)
{
  const char *uuid = bc_report_get_uuid (fill->plan);
  g_autofree char *plan_key = bc_key_section_part (section->id, "plan");
  g_autoptr(GHashTable) refs = NULL;
  g_autoptr(GHashTable) earlier = NULL;
  g_autoptr(GPtrArray) earlier_tasks = NULL;
  g_autoptr(BcReport) source = NULL;
  g_autoptr(GString) order = g_string_new (NULL);
  g_autoptr(GHashTable) kept = NULL;
  GHashTableIter iter;
  gpointer key;
  guint next;

  g_autoptr(GHashTable) stands = NULL;
  const char *followed = g_hash_table_lookup (fill->values, plan_key);

  /* Another plan's tasks (last year's) are no longer followed. */
  if (g_strcmp0 (followed, uuid) != 0)
    {
      if (followed != NULL && *followed != '\0')
        stands = stands_by_content (fill, section, followed);
      g_hash_table_foreach_remove (fill->values, bc_store_followup_is_section_value, section->id);
    }
  refs = bc_store_followup_items_by_ref (fill->values, section, &next, NULL);
  if (g_hash_table_size (refs) == 0)
    {
      g_autoptr(GError) local = NULL;

      source = latest_following (fill->store, fill->unit, fill->period_to, uuid, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  earlier = tasks_by_ref (source, &earlier_tasks);
  kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < fill->tasks->len; i++)
    {
      const BcPlanTask *task = fill->tasks->pdata[i];
      const char *known = g_hash_table_lookup (refs, task->ref);
      const BcFollowupTask *before = g_hash_table_lookup (earlier, task->ref);
      char *item;

      if (!fill->owner && !bc_followup_concerns (fill->unit, bc_report_get_unit (fill->plan), task->lead, task->cooperating))
        continue;
      item = known ? g_strdup (known) : g_strdup_printf ("t%u", next++);
      g_string_append_printf (order, "%s%s", order->len ? "," : "", item);
      copy_task (fill->values, section, item, task);
      if (known == NULL && before != NULL)
        copy_statuses (fill->values, section, item, before);
      else if (known == NULL && stands != NULL && g_hash_table_lookup (stands, task->content) != NULL)
        {
          const Stand *stand = g_hash_table_lookup (stands, task->content);

          set_value (fill->values, bc_key_item_field (section->id, item, "status"), stand->status);
          set_value (fill->values, bc_key_item_field (section->id, item, "date"), stand->date);
          set_value (fill->values, bc_key_item_field (section->id, item, "note"), stand->note);
        }
      g_hash_table_add (kept, item);
    }
  /* A task the plan no longer has, or no longer gives the office, goes. */
  g_hash_table_iter_init (&iter, fill->values);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(BcKey) k = BC_KEY_INIT;

      if (bc_key_parse (&k, key) == BC_KEY_ITEM_FIELD && g_str_equal (k.id, section->id)
          && !g_hash_table_contains (kept, k.sub))
        g_hash_table_iter_remove (&iter);
    }
  set_value (fill->values, bc_key_section_part (section->id, "order"), order->str);
  set_value (fill->values, g_steal_pointer (&plan_key), uuid);
  return TRUE;
}

static void
collect_followup_sections (GPtrArray *sections,
                           GPtrArray *out)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *s = sections->pdata[i];

      if (s->kind == BC_SECTION_FOLLOWUP)
        g_ptr_array_add (out, (gpointer) s);
      collect_followup_sections (s->children, out);
    }
}

/**
 * bc_store_followup_fill: (skip)
 * @template: the new report's template
 * @values: the new report's values, changed in place
 *
 * Fills the follow-up sections of a report about to be made: the tasks
 * of the plan in force (bc_store_find_plan()) that concern its unit
 * (bc_followup_concerns(); all of them for the plan's own unit), in the
 * plan's order, with the plan's words. Statuses carried over from the
 * last period stay (a task done stays done); a report made otherwise
 * starts from the unit's newest report that follows the same plan. With
 * no plan in force the sections are emptied, so they print nothing.
 *
 * Returns: %FALSE with @error set when the library could not be read
 */
gboolean
bc_store_followup_fill (BcStore     *self,
                        BcTemplate  *template,
                        GHashTable  *values,
                        GError     **error)
{
  g_autoptr(BcReport) plan = NULL;
  g_autoptr(GError) local = NULL;
  const char *unit = g_hash_table_lookup (values, "meta/unit");
  const char *period_to = g_hash_table_lookup (values, "meta/period_to");

  if (unit == NULL || period_to == NULL || bc_followup_find_section (template) == NULL)
    return TRUE;
  plan = bc_store_find_plan (self, unit, period_to, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return bc_store_followup_fill_with_plan (self, template, values, plan, error);
}

/* bc_store_followup_fill() from @plan, %NULL: none in force. */
gboolean
bc_store_followup_fill_with_plan (BcStore     *self,
                                  BcTemplate  *template,
                                  GHashTable  *values,
                                  BcReport    *plan,
                                  GError     **error)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GPtrArray) tasks = NULL;
  Fill fill = { self, values, g_hash_table_lookup (values, "meta/unit"),
                g_hash_table_lookup (values, "meta/period_to"), NULL, NULL, FALSE };

  collect_followup_sections (bc_template_get_sections (template), sections);
  if (sections->len == 0 || fill.unit == NULL || fill.period_to == NULL)
    return TRUE;
  if (plan == NULL)
    {
      for (guint i = 0; i < sections->len; i++)
        g_hash_table_foreach_remove (values, bc_store_followup_is_section_value, ((BcSection *) sections->pdata[i])->id);
      return TRUE;
    }
  tasks = bc_store_followup_plan_tasks (plan);
  fill.plan = plan;
  fill.tasks = tasks;
  fill.owner = same_unit (bc_report_get_unit (plan), fill.unit);
  for (guint i = 0; i < sections->len; i++)
    if (!fill_section (&fill, sections->pdata[i], error))
      return FALSE;
  return TRUE;
}

/**
 * bc_store_followup_done_before:
 * @report: a report with a follow-up section
 *
 * The tasks its unit's earlier reports that follow the same plan said
 * were done: a task done stays done, and a later report saying otherwise
 * is a finding. One query over the values, no report opened.
 *
 * Returns: (transfer full) (element-type utf8 BcTaskDone): by the plan's
 *   item key, the first report that said so; %NULL with @error set when
 *   the library could not be read
 */
GHashTable *
bc_store_followup_done_before (BcStore   *self,
                               BcReport  *report,
                               GError   **error)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) bc_task_done_free);
  const BcSection *section = bc_followup_find_section (bc_report_get_template (report));
  g_autofree char *plan_key = section ? bc_key_section_part (section->id, "plan") : NULL;
  const char *uuid = plan_key ? bc_report_get (report, plan_key) : "";
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  if (*uuid == '\0')
    return g_steal_pointer (&done);
  /* The status keys "sec/<s>/<item>/status" beside the report's
   * "sec/<s>/plan", and the item's "ref". */
  stmt = bc_store_prepare (self,
                           "SELECT r.id, r.period_from, r.period_to, f.value, coalesce(d.value, '')"
                           " FROM report r"
                           " JOIN value p ON p.report_id = r.id AND p.key GLOB 'sec/*/plan' AND p.value = ?3"
                           " JOIN value s ON s.report_id = r.id AND s.value = 'done' AND s.key GLOB '*/status'"
                           "  AND substr(s.key, 1, length(p.key) - 4) = substr(p.key, 1, length(p.key) - 4)"
                           " JOIN value f ON f.report_id = r.id AND f.key = substr(s.key, 1, length(s.key) - 6) || 'ref'"
                           " LEFT JOIN value d ON d.report_id = r.id"
                           "  AND d.key = substr(s.key, 1, length(s.key) - 6) || 'date'"
                           " WHERE r.unit = ?1 AND r.period_to < ?2 AND r.id <> ?4"
                           " ORDER BY r.period_to, r.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, bc_report_get_unit (report), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, bc_report_get_period_to (report), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, bc_report_get_id (report));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *ref = bc_store_column_dup (stmt, 3);
      BcTaskDone *d;

      if (ref == NULL || g_hash_table_contains (done, ref))
        continue;
      d = g_new0 (BcTaskDone, 1);
      d->report_id = sqlite3_column_int64 (stmt, 0);
      d->period_from = bc_store_column_dup (stmt, 1);
      d->period_to = bc_store_column_dup (stmt, 2);
      d->date = bc_store_column_dup (stmt, 4);
      g_hash_table_insert (done, g_steal_pointer (&ref), d);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bc_store_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&done);
}

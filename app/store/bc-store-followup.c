/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

/* The plan follow-up: a new report's follow-up section filled from the
 * plan in force and the office's last statuses, and a plan's tasks with
 * their history across the reports that follow it. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "bc-keys.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-followup.h"
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

static GPtrArray *
plan_tasks (BcReport *plan)
{
  GPtrArray *tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_plan_task_free);
  GDate to;
  guint year = bc_date_parse (bc_report_get_period_to (plan), &to) ? g_date_get_year (&to) : 0;

  collect_plan_tasks (plan, bc_template_get_sections (bc_report_get_template (plan)), year, tasks);
  return tasks;
}

/* Ids of the rows a statement gives (its first column), read to the end so
 * that the statement is free again before the reports are opened. */
static GArray *
collect_ids (BcStore       *self,
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
  if ((ids = collect_ids (self, stmt, error)) == NULL)
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
static const BcSection *
section_following (BcReport   *report,
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
  if ((ids = collect_ids (self, stmt, error)) == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BcReport) report = bc_store_open_report (self, g_array_index (ids, gint64, i), NULL);

      if (report != NULL && section_following (report, plan_uuid) != NULL)
        return g_steal_pointer (&report);
    }
  return NULL;
}

static gboolean
is_section_value (gpointer key,
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
static GHashTable *
items_by_ref (GHashTable      *values,
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

static char *
dup_value (GHashTable      *values,
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

      stand->status = dup_value (fill->values, section, items[i], "status");
      stand->date = dup_value (fill->values, section, items[i], "date");
      stand->note = dup_value (fill->values, section, items[i], "note");
      g_hash_table_insert (stands, dup_value (fill->values, section, items[i], "content"), stand);
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
      g_hash_table_foreach_remove (fill->values, is_section_value, section->id);
    }
  refs = items_by_ref (fill->values, section, &next, NULL);
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

static gboolean fill_with_plan (BcStore     *self,
                                BcTemplate  *template,
                                GHashTable  *values,
                                BcReport    *plan,
                                GError     **error);

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
  return fill_with_plan (self, template, values, plan, error);
}

/* bc_store_followup_fill() from @plan, %NULL: none in force. */
static gboolean
fill_with_plan (BcStore     *self,
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
        g_hash_table_foreach_remove (values, is_section_value, ((BcSection *) sections->pdata[i])->id);
      return TRUE;
    }
  tasks = plan_tasks (plan);
  fill.plan = plan;
  fill.tasks = tasks;
  fill.owner = same_unit (bc_report_get_unit (plan), fill.unit);
  for (guint i = 0; i < sections->len; i++)
    if (!fill_section (&fill, sections->pdata[i], error))
      return FALSE;
  return TRUE;
}

/* Update from the plan */

static void
plan_update_free (BcPlanUpdate *update)
{
  g_free (update->ref);
  g_free (update->content);
  g_free (update->field);
  g_free (update->before);
  g_free (update->after);
  g_free (update);
}

void
bc_followup_update_free (BcFollowupUpdate *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->keys);
  g_ptr_array_unref (self->values);
  g_free (self->edits);
  g_free (self->plan_uuid);
  g_free (self);
}

static void
add_change (GPtrArray        *changes,
            BcPlanUpdateKind  kind,
            const char       *ref,
            const char       *content,
            const char       *field,
            const char       *before,
            const char       *after)
{
  BcPlanUpdate *update = g_new0 (BcPlanUpdate, 1);

  update->kind = kind;
  update->ref = g_strdup (ref);
  update->content = g_strdup (content);
  update->field = g_strdup (field);
  update->before = g_strdup (before);
  update->after = g_strdup (after);
  g_ptr_array_add (changes, update);
}

/* What changed, task by task, between the follow-up @before and @after. */
static void
list_changes (GHashTable      *before,
              GHashTable      *after,
              const BcSection *section,
              GPtrArray       *changes)
{
  static const char * const fields[] = { "content", "lead", "deadline", NULL };
  g_autoptr(GPtrArray) old_order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new_order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) old_refs = items_by_ref (before, section, NULL, old_order);
  g_autoptr(GHashTable) new_refs = items_by_ref (after, section, NULL, new_order);

  for (guint i = 0; i < new_order->len; i++)
    {
      const char *ref = new_order->pdata[i];
      const char *old_item = g_hash_table_lookup (old_refs, ref);
      const char *new_item = g_hash_table_lookup (new_refs, ref);
      g_autofree char *content = dup_value (after, section, new_item, "content");

      if (old_item == NULL)
        {
          add_change (changes, BC_PLAN_TASK_ADDED, ref, content, NULL, NULL, NULL);
          continue;
        }
      for (guint f = 0; fields[f]; f++)
        {
          g_autofree char *was = dup_value (before, section, old_item, fields[f]);
          g_autofree char *now = dup_value (after, section, new_item, fields[f]);

          if (!g_str_equal (was, now))
            add_change (changes, BC_PLAN_TASK_CHANGED, ref, content, fields[f], was, now);
        }
    }
  for (guint i = 0; i < old_order->len; i++)
    if (!g_hash_table_contains (new_refs, old_order->pdata[i]))
      {
        const char *old_item = g_hash_table_lookup (old_refs, old_order->pdata[i]);
        g_autofree char *content = dup_value (before, section, old_item, "content");

        add_change (changes, BC_PLAN_TASK_REMOVED, old_order->pdata[i], content, NULL, NULL, NULL);
      }
}

/* The edits that make @before's follow-up @after's. */
static void
list_edits (GHashTable       *before,
            GHashTable       *after,
            const BcSection  *section,
            BcFollowupUpdate *update)
{
  g_autoptr(GList) keys = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  for (guint pass = 0; pass < 2; pass++)
    {
      g_hash_table_iter_init (&iter, pass == 0 ? before : after);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (is_section_value (key, NULL, section->id) && g_hash_table_add (seen, key))
          keys = g_list_prepend (keys, key);
    }
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *l = keys; l; l = l->next)
    {
      const char *was = g_hash_table_lookup (before, l->data);
      const char *now = g_hash_table_lookup (after, l->data);

      if (g_strcmp0 (was, now) == 0)
        continue;
      g_ptr_array_add (update->keys, g_strdup (l->data));
      g_ptr_array_add (update->values, g_strdup (now ? now : ""));
    }
}

static BcFollowupUpdate *
compare_with (BcStore   *self,
              BcReport  *report,
              BcReport  *plan,
              GError   **error)
{
  g_autoptr(BcFollowupUpdate) update = g_new0 (BcFollowupUpdate, 1);
  BcTemplate *template = bc_report_get_template (report);
  const BcSection *section = bc_followup_find_section (template);
  GHashTable *before = bc_report_get_values (report);
  g_autoptr(GHashTable) after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  update->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_update_free);
  update->keys = g_ptr_array_new_with_free_func (g_free);
  update->values = g_ptr_array_new_with_free_func (g_free);
  update->plan_uuid = g_strdup (plan ? bc_report_get_uuid (plan) : "");
  if (section == NULL)
    return g_steal_pointer (&update);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (after, g_strdup (key), g_strdup (value));
  if (!fill_with_plan (self, template, after, plan, error))
    return NULL;
  list_changes (before, after, section, update->changes);
  list_edits (before, after, section, update);
  update->replaced = g_strcmp0 (bc_followup_plan (report), update->plan_uuid) != 0;
  return g_steal_pointer (&update);
}

/**
 * bc_store_followup_compare:
 * @report: a report with a follow-up section
 *
 * What an update from the plan would change in @report's follow-up: the
 * tasks the plan in force (bc_store_find_plan()) adds, rewords, moves the
 * deadline of or drops for the unit, and the edits that do it; the
 * statuses of the tasks that stay are kept.
 *
 * Returns: (transfer full): the update, maybe empty, or %NULL with @error
 *   set when the library could not be read
 */
BcFollowupUpdate *
bc_store_followup_compare (BcStore   *self,
                           BcReport  *report,
                           GError   **error)
{
  g_autoptr(BcReport) plan = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  plan = bc_store_find_plan (self, bc_report_get_unit (report), bc_report_get_period_to (report), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return compare_with (self, report, plan, error);
}

/**
 * bc_store_followup_compare_followed:
 *
 * bc_store_followup_compare() against the plan @report follows (amended
 * since), not a newer one: cheap enough for every check (one report
 * read by its uuid).
 *
 * Returns: (transfer full) (nullable): the update, or %NULL when the
 *   report follows no plan the library has, or it could not be read
 */
BcFollowupUpdate *
bc_store_followup_compare_followed (BcStore  *self,
                                    BcReport *report)
{
  const char *uuid = bc_followup_plan (report);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  g_autoptr(BcReport) plan = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  if (*uuid == '\0' || (stmt = bc_store_prepare (self, "SELECT id FROM report WHERE uuid = ?1", NULL)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0 || (plan = bc_store_open_report (self, id, NULL)) == NULL)
    return NULL;
  return compare_with (self, report, plan, NULL);
}

/**
 * bc_followup_update_get_edits:
 * @n_edits: (out): how many
 *
 * Returns: (transfer none) (array length=n_edits): the edits that make
 *   the update, for bc_store_apply() or an edit session
 */
const BcEdit *
bc_followup_update_get_edits (BcFollowupUpdate *self,
                              guint            *n_edits)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_free (self->edits);
  self->edits = g_new0 (BcEdit, MAX (self->keys->len, 1));
  for (guint i = 0; i < self->keys->len; i++)
    {
      const char *value = self->values->pdata[i];

      self->edits[i] = (BcEdit) { self->keys->pdata[i], *value ? value : NULL };
    }
  *n_edits = self->keys->len;
  return self->edits;
}

/**
 * bc_followup_update_describe:
 *
 * Returns: (transfer full): one change, as the window and the command
 *   line list it: "+ (12) Triển khai …", "~ (3) …: deadline “Quý I/2024”
 *   → “Quý II/2024”", "− (7) …"
 */
char *
bc_followup_update_describe (const BcPlanUpdate *update)
{
  switch (update->kind)
    {
    case BC_PLAN_TASK_ADDED:
      /* Translators: a task the plan now gives the office */
      return g_strdup_printf (_("New task: %s"), update->content);
    case BC_PLAN_TASK_REMOVED:
      /* Translators: a task the plan no longer gives the office */
      return g_strdup_printf (_("Task dropped: %s"), update->content);
    case BC_PLAN_TASK_CHANGED:
    default:
      if (g_str_equal (update->field, "deadline"))
        /* Translators: a task of the plan: its words, its deadline before, its deadline now */
        return g_strdup_printf (_("Deadline changed: %s: “%s” → “%s”"), update->content, update->before,
                                update->after);
      if (g_str_equal (update->field, "lead"))
        /* Translators: a task of the plan: its words, its lead agency before, its lead agency now */
        return g_strdup_printf (_("Lead agency changed: %s: “%s” → “%s”"), update->content, update->before,
                                update->after);
      /* Translators: a task of the plan reworded: its words before, its words now */
      return g_strdup_printf (_("Task reworded: “%s” → “%s”"), update->before, update->after);
    }
}

/**
 * bc_store_followup_update:
 * @n_changes: (out) (optional): how many changes it made
 *
 * Brings @report's follow-up to the plan in force
 * (bc_store_followup_compare()), in one batch of the change log.
 *
 * Returns: %FALSE with @error set when it could not be read or saved
 */
gboolean
bc_store_followup_update (BcStore   *self,
                          BcReport  *report,
                          guint     *n_changes,
                          GError   **error)
{
  g_autoptr(BcFollowupUpdate) update = bc_store_followup_compare (self, report, error);
  const BcEdit *edits;
  guint n;

  if (update == NULL)
    return FALSE;
  if (n_changes != NULL)
    *n_changes = update->changes->len;
  edits = bc_followup_update_get_edits (update, &n);
  return n == 0 || bc_store_apply (self, report, edits, n, error);
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

/* Plan status */

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

  tasks = plan_tasks (plan);
  for (guint i = 0; i < tasks->len; i++)
    g_hash_table_insert (by_ref, ((BcPlanTask *) tasks->pdata[i])->ref, tasks->pdata[i]);
  /* The reports that name the plan in a value: few, found without
   * opening the others. */
  stmt = bc_store_prepare (self, "SELECT DISTINCT report_id FROM value WHERE value = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, bc_report_get_uuid (plan), -1, SQLITE_TRANSIENT);
  if ((ids = collect_ids (self, stmt, error)) == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BcReport) report = NULL;
      const BcSection *section;

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || (report = bc_store_open_report (self, g_array_index (ids, gint64, i), error)) == NULL)
        return NULL;
      if ((section = section_following (report, bc_report_get_uuid (plan))) != NULL)
        add_history (self, report, section, by_ref);
    }
  for (guint i = 0; i < tasks->len; i++)
    settle (tasks->pdata[i], today);
  g_ptr_array_sort (tasks, compare_tasks);
  return g_steal_pointer (&tasks);
}

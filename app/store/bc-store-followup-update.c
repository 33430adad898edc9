/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

/* The update from the plan: what the plan in force, amended or replaced
 * since a report was made, changes in its follow-up section (tasks new,
 * reworded, moved or dropped), and the edits that bring it there. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "bc-report.h"
#include "bc-store-followup-private.h"
#include "bc-store-private.h"

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
  g_autoptr(GHashTable) old_refs = bc_store_followup_items_by_ref (before, section, NULL, old_order);
  g_autoptr(GHashTable) new_refs = bc_store_followup_items_by_ref (after, section, NULL, new_order);

  for (guint i = 0; i < new_order->len; i++)
    {
      const char *ref = new_order->pdata[i];
      const char *old_item = g_hash_table_lookup (old_refs, ref);
      const char *new_item = g_hash_table_lookup (new_refs, ref);
      g_autofree char *content = bc_store_followup_dup_value (after, section, new_item, "content");

      if (old_item == NULL)
        {
          add_change (changes, BC_PLAN_TASK_ADDED, ref, content, NULL, NULL, NULL);
          continue;
        }
      for (guint f = 0; fields[f]; f++)
        {
          g_autofree char *was = bc_store_followup_dup_value (before, section, old_item, fields[f]);
          g_autofree char *now = bc_store_followup_dup_value (after, section, new_item, fields[f]);

          if (!g_str_equal (was, now))
            add_change (changes, BC_PLAN_TASK_CHANGED, ref, content, fields[f], was, now);
        }
    }
  for (guint i = 0; i < old_order->len; i++)
    if (!g_hash_table_contains (new_refs, old_order->pdata[i]))
      {
        const char *old_item = g_hash_table_lookup (old_refs, old_order->pdata[i]);
        g_autofree char *content = bc_store_followup_dup_value (before, section, old_item, "content");

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
        if (bc_store_followup_is_section_value (key, NULL, section->id) && g_hash_table_add (seen, key))
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
  if (!bc_store_followup_fill_with_plan (self, template, after, plan, error))
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

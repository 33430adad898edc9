/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-keys.h"
#include "bc-library.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-consolidate.h"
#include "bc-store-private.h"
#include "bc-store-rollup.h"
#include "bc-template.h"
#include "bc-text-utils.h"

/* A province's report consolidated from its units' reports. The sums are
 * kept as any roll-up's provenance (table rollup: rule, value taken, the
 * ids of the reports summed), so `rollup`, `rollup-update`, the staleness
 * checks and the window's update work on it unchanged; what only a
 * consolidation has is kept beside: the units it covers (consolidation),
 * each unit's value of every sum (rollup_part) and the values the clerk
 * typed over, with her reason (override). */

void
bc_override_free (BcOverride *override)
{
  g_free (override->key);
  g_free (override->value);
  g_free (override->reason);
  g_free (override->actor);
  g_free (override->at);
  g_free (override);
}

/* The reports of @units reporting the month @to ends in. */
static GPtrArray *
list_sources (BcStore             *self,
              const char * const  *units,
              const char          *to,
              GError             **error)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = bc_store_prepare (self, "SELECT id, unit FROM report WHERE substr(period_to, 1, 7) = substr(?, 1, 7)"
                           " ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (g_strv_contains (units, (const char *) sqlite3_column_text (stmt, 1)))
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (ids, id);
      }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      BcReport *report = bc_store_open_report (self, g_array_index (ids, gint64, i), error);
      if (report == NULL)
        return NULL;
      g_ptr_array_add (reports, report);
    }
  return g_steal_pointer (&reports);
}

/**
 * bc_store_compute_consolidation:
 * @units: (nullable) (array zero-terminated=1): the units to consolidate;
 *   %NULL: the library's reporting units
 *
 * bc_consolidate_compute() over the library's reports.
 *
 * Returns: (transfer full): the consolidation, or %NULL with @error set
 */
BcRollup *
bc_store_compute_consolidation (BcStore             *self,
                                BcTemplate          *target,
                                const char          *period_from,
                                const char          *period_to,
                                const char * const  *units,
                                GError             **error)
{
  g_auto(GStrv) own = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_TEMPLATE (target), NULL);

  if (units == NULL)
    {
      if ((own = bc_store_list_reporting_units (self, NULL, error)) == NULL)
        return NULL;
      units = (const char * const *) own;
    }
  if (units[0] == NULL)
    {
      g_set_error_literal (error, BC_ROLLUP_ERROR, BC_ROLLUP_ERROR_NO_UNITS,
                           _("The library knows no unit that reports to it: add their office profiles, "
                             "or list them with “baocao units add”"));
      return NULL;
    }
  if ((sources = list_sources (self, units, period_to, error)) == NULL)
    return NULL;
  return bc_consolidate_compute (target, period_from, period_to, units, sources, error);
}

/**
 * bc_store_compute_consolidation_before: (skip)
 *
 * The consolidation of @report's units one period earlier, for the
 * checks across periods: a unit's running total falling, a unit missing
 * twice in a row. %NULL when @report is not consolidated, or none of its
 * units reported then (the library was not collecting yet).
 */
BcRollup *
bc_store_compute_consolidation_before (BcStore  *self,
                                       BcReport *report)
{
  BcTemplate *template = bc_report_get_template (report);
  g_auto(GStrv) units = NULL;
  g_autofree char *from = NULL, *to = NULL;
  GDate day, f, t;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  if (!bc_store_is_consolidated (self, bc_report_get_id (report), &units, NULL)
      || !bc_date_parse (bc_report_get_period_from (report), &day))
    return NULL;
  /* The period that ends the day before this one begins. */
  g_date_subtract_days (&day, 1);
  bc_period_containing (bc_template_get_regime (template), bc_template_get_cutoff_day (template), &day, &f, &t);
  from = bc_date_to_iso (&f);
  to = bc_date_to_iso (&t);
  return bc_store_compute_consolidation (self, template, from, to, (const char * const *) units, NULL);
}

static gboolean
write_parts (BcStore     *self,
             gint64       report_id,
             const char  *key,
             GPtrArray   *parts,
             GError     **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "DELETE FROM rollup_part WHERE report_id = ? AND key = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (!bc_store_step_done (self, stmt, error))
    return FALSE;
  stmt = bc_store_prepare (self, "INSERT INTO rollup_part (report_id, key, unit, source_id, value)"
                           " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; parts && i < parts->len; i++)
    {
      const BcRollupPart *part = parts->pdata[i];

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, report_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, part->unit, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, part->report_id);
      sqlite3_bind_text (stmt, 5, part->value, -1, SQLITE_STATIC);
      if (!bc_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * bc_store_write_consolidation: (skip)
 * @keys: (nullable): only the parts of these keys (an update); %NULL: the
 *   consolidation's units and all its parts (a new report)
 *
 * The caller holds a write transaction.
 */
gboolean
bc_store_write_consolidation (BcStore     *self,
                              gint64       report_id,
                              BcRollup    *rollup,
                              GHashTable  *keys,
                              GError     **error)
{
  GHashTableIter iter;
  gpointer key, parts;

  if (keys == NULL)
    {
      g_autoptr(GString) units = g_string_new (NULL);
      g_autofree char *now = bc_store_now ();
      sqlite3_stmt *stmt;

      for (guint i = 0; i < rollup->unit_names->len; i++)
        g_string_append_printf (units, "%s%s", i ? "\n" : "", (char *) rollup->unit_names->pdata[i]);
      stmt = bc_store_prepare (self, "INSERT OR REPLACE INTO consolidation (report_id, units, made) VALUES (?, ?, ?)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, report_id);
      sqlite3_bind_text (stmt, 2, units->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      if (!bc_store_step_done (self, stmt, error))
        return FALSE;
      g_hash_table_iter_init (&iter, rollup->parts);
      while (g_hash_table_iter_next (&iter, &key, &parts))
        if (!write_parts (self, report_id, key, parts, error))
          return FALSE;
      return TRUE;
    }
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!write_parts (self, report_id, key, g_hash_table_lookup (rollup->parts, key), error))
      return FALSE;
  return TRUE;
}

/**
 * bc_store_create_consolidated:
 * @office: the profile of the office the report is for (the province's)
 * @units: (nullable) (array zero-terminated=1): the units; %NULL: the
 *   library's reporting units
 * @consolidation: (out) (optional) (transfer full): what was summed
 *
 * Makes the report of @template for the period consolidated from the
 * units' reports of the month it reports, with the provenance and the
 * parts of every value, in one transaction. Refuses what
 * bc_store_create_report() refuses, and a period no unit has a report
 * for.
 *
 * Returns: (transfer full): the new report, or %NULL with @error set
 */
BcReport *
bc_store_create_consolidated (BcStore             *self,
                              BcTemplate          *template,
                              BcOffice            *office,
                              const char          *period_from,
                              const char          *period_to,
                              const char * const  *units,
                              BcRollup           **consolidation,
                              GError             **error)
{
  g_autoptr(BcRollup) sums = NULL;
  g_autofree char *name = NULL;
  BcReport *report;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (office != NULL, NULL);

  if (!bc_office_validate (office, error)
      || (sums = bc_store_compute_consolidation (self, template, period_from, period_to, units, error)) == NULL)
    return NULL;
  name = bc_office_dup_unit_name (office);
  report = bc_store_create_report_from (self, template, name, office, period_from, period_to, sums, error);
  if (report != NULL && consolidation != NULL)
    *consolidation = g_steal_pointer (&sums);
  return report;
}

static gboolean
write_consolidation_cb (BcStore   *self,
                        gint64     report_id,
                        gpointer   data,
                        GError   **error)
{
  BcRollup *sums = data;

  return bc_store_write_rollup (self, report_id, sums->entries, error)
         && bc_store_write_consolidation (self, report_id, sums, NULL, error);
}

/**
 * bc_store_consolidate_into:
 * @report: the province's report of the period, written without its
 *   units' reports (the To Do list offers it before they come)
 * @units: (nullable) (array zero-terminated=1): the units; %NULL: the
 *   library's reporting units
 * @n_filled: (out) (optional): how many values it took
 * @consolidation: (out) (optional) (transfer full): what was summed
 *
 * Makes @report a consolidated report, as if bc_store_create_consolidated()
 * had made it: the units' sums fill the values it leaves empty, in one
 * edit of its change log, with their provenance and parts; a value the
 * clerk typed stays, and the checks show it typed over the sum
 * (consolidate.typed_over) until she takes the sum or says why. Refuses a
 * report already consolidated, and a period no unit has a report for.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
bc_store_consolidate_into (BcStore             *self,
                           BcReport            *report,
                           const char * const  *units,
                           guint               *n_filled,
                           BcRollup           **consolidation,
                           GError             **error)
{
  g_autoptr(BcRollup) sums = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));
  GHashTableIter iter;
  const char *key, *value;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);

  if (bc_store_is_consolidated (self, bc_report_get_id (report), NULL, NULL))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, bc_report_get_id (report));
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS, _("Report %s is already made from its units' reports"),
                   id);
      return FALSE;
    }
  sums = bc_store_compute_consolidation (self, bc_report_get_template (report), bc_report_get_period_from (report),
                                         bc_report_get_period_to (report), units, error);
  if (sums == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, sums->values);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      const char *typed = bc_report_get (report, key);
      BcEdit edit = { key, value };

      if ((typed == NULL || *typed == '\0') && value != NULL && *value != '\0')
        g_array_append_val (edits, edit);
    }
  if (!bc_store_apply_with (self, report, (const BcEdit *) edits->data, edits->len, write_consolidation_cb, sums,
                            error))
    return FALSE;
  /* The counts of findings the lists show follow at once. */
  if (!bc_library_summarize (self, bc_report_get_id (report), NULL))
    g_debug ("summary of report %" G_GINT64_FORMAT " not made", bc_report_get_id (report));
  if (n_filled != NULL)
    *n_filled = edits->len;
  if (consolidation != NULL)
    *consolidation = g_steal_pointer (&sums);
  return TRUE;
}

/**
 * bc_store_find_consolidating_office:
 * @target: the province's template
 *
 * The office the province's report is made for: the library's first
 * profile of @target's kind of unit.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
BcOffice *
bc_store_find_consolidating_office (BcStore     *self,
                                    BcTemplate  *target,
                                    GError     **error)
{
  g_autoptr(GPtrArray) offices = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_TEMPLATE (target), NULL);

  if ((offices = bc_store_list_offices (self, error)) == NULL)
    return NULL;
  for (guint i = 0; i < offices->len; i++)
    if (g_strcmp0 (bc_office_get (offices->pdata[i], "unit_kind"), bc_template_get_unit_kind (target)) == 0)
      return g_object_ref (offices->pdata[i]);
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
               _("The library has no office profile of a %s: add it (baocao office add) or name one with --office"),
               bc_template_get_unit_kind (target));
  return NULL;
}

/**
 * bc_store_find_consolidated:
 * @office: the province's profile
 *
 * Returns: the id of the report of @target for the period consolidated
 *   from its units' reports, or 0
 */
gint64
bc_store_find_consolidated (BcStore    *self,
                            BcTemplate *target,
                            BcOffice   *office,
                            const char *period_from,
                            const char *period_to)
{
  g_autofree char *unit = bc_office_dup_unit_name (office);
  gint64 id = bc_store_find_period_report (self, bc_template_get_id (target), unit, period_from, period_to);

  return id > 0 && bc_store_is_consolidated (self, id, NULL, NULL) ? id : 0;
}

/**
 * bc_store_is_consolidated:
 * @units: (out) (optional) (transfer full): the units it covers
 * @made: (out) (optional) (transfer full): when it was made, ISO
 *
 * Returns: whether the report was consolidated from its units' reports
 */
gboolean
bc_store_is_consolidated (BcStore  *self,
                          gint64    report_id,
                          GStrv    *units,
                          char    **made)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT units, made FROM consolidation WHERE report_id = ?", NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (units != NULL)
        *units = g_strsplit ((const char *) sqlite3_column_text (stmt, 0), "\n", -1);
      if (made != NULL)
        *made = bc_store_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return found;
}

static int
compare_parts (gconstpointer a,
               gconstpointer b)
{
  return bc_text_collate ((*(const BcRollupPart * const *) a)->unit, (*(const BcRollupPart * const *) b)->unit);
}

/* The parts of each key in the units' Vietnamese order. */
static GPtrArray *
read_parts (BcStore       *self,
            sqlite3_stmt  *stmt,
            GHashTable    *by_key,
            GError       **error)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_rollup_part_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcRollupPart *part = bc_rollup_part_new ((const char *) sqlite3_column_text (stmt, 1),
                                               sqlite3_column_int64 (stmt, 2),
                                               (const char *) sqlite3_column_text (stmt, 3));
      if (by_key != NULL)
        {
          const char *key = (const char *) sqlite3_column_text (stmt, 0);
          GPtrArray *list = g_hash_table_lookup (by_key, key);
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_rollup_part_free);
              g_hash_table_insert (by_key, g_strdup (key), list);
            }
          g_ptr_array_add (list, part);
        }
      else
        g_ptr_array_add (parts, part);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return g_ptr_array_unref (parts), bc_store_sqlite_error (self, rc, error), NULL;
  g_ptr_array_sort (parts, compare_parts);
  if (by_key != NULL)
    {
      GHashTableIter iter;
      gpointer list;

      g_hash_table_iter_init (&iter, by_key);
      while (g_hash_table_iter_next (&iter, NULL, &list))
        g_ptr_array_sort (list, compare_parts);
    }
  return parts;
}

/**
 * bc_store_get_parts:
 *
 * Returns: (transfer full) (element-type BcRollupPart): each unit's value
 *   of a consolidated value, in the units' order (the units missing from
 *   it are those of bc_store_is_consolidated() not listed), or %NULL with
 *   @error set
 */
GPtrArray *
bc_store_get_parts (BcStore     *self,
                    gint64       report_id,
                    const char  *key,
                    GError     **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT key, unit, source_id, value FROM rollup_part"
                                         " WHERE report_id = ? AND key = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  return read_parts (self, stmt, NULL, error);
}

/**
 * bc_store_get_all_parts:
 *
 * Returns: (transfer full) (element-type utf8 GPtrArray): every key's
 *   parts, or %NULL with @error set
 */
GHashTable *
bc_store_get_all_parts (BcStore  *self,
                        gint64    report_id,
                        GError  **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT key, unit, source_id, value FROM rollup_part"
                                         " WHERE report_id = ? ORDER BY key", error);
  GPtrArray *unused;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if ((unused = read_parts (self, stmt, by_key, error)) == NULL)
    return NULL;
  g_ptr_array_unref (unused);
  return g_steal_pointer (&by_key);
}

typedef struct
{
  const char *key;
  const char *value;
  const char *reason;
} Override;

static gboolean
write_override_cb (BcStore   *self,
                   gint64     report_id,
                   gpointer   data,
                   GError   **error)
{
  const Override *o = data;
  g_autofree char *now = bc_store_now ();
  sqlite3_stmt *stmt = bc_store_prepare (self, "INSERT OR REPLACE INTO override (report_id, key, value, reason, actor, at)"
                                         " VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, o->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, o->value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, o->reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, bc_store_get_actor (self), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  return bc_store_step_done (self, stmt, error);
}

/**
 * bc_store_override:
 * @key: a consolidated value's key
 * @value: what the clerk puts instead ("" clears it)
 * @reason: why, shown to the reviewer; required
 *
 * Types over a consolidated value with a reason, as one edit of the
 * change log; the reason is kept with the value (bc_store_list_overrides())
 * and the checks show it instead of warning that the sum was typed over.
 */
gboolean
bc_store_override (BcStore     *self,
                   BcReport    *report,
                   const char  *key,
                   const char  *value,
                   const char  *reason,
                   GError     **error)
{
  g_autoptr(GHashTable) stored = NULL;
  g_autofree char *why = g_strstrip (g_strdup (reason ? reason : ""));
  Override o = { key, value, why };
  BcEdit edit = { key, value };

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);

  if (*why == '\0')
    {
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                           _("A consolidated value is typed over only with a reason"));
      return FALSE;
    }
  if ((stored = bc_store_get_rollup (self, bc_report_get_id (report), error)) == NULL)
    return FALSE;
  if (!bc_store_is_consolidated (self, bc_report_get_id (report), NULL, NULL)
      || !g_hash_table_contains (stored, key))
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                   _("%s is not a value consolidated from the units' reports"), key);
      return FALSE;
    }
  return bc_store_apply_with (self, report, &edit, 1, write_override_cb, &o, error);
}

/**
 * bc_store_list_overrides:
 *
 * Returns: (transfer full) (element-type BcOverride): the values typed
 *   over with a reason, by key, or %NULL with @error set
 */
GPtrArray *
bc_store_list_overrides (BcStore  *self,
                         gint64    report_id,
                         GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_override_free);
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT key, value, reason, actor, at FROM override"
                                         " WHERE report_id = ? ORDER BY key", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcOverride *o = g_new0 (BcOverride, 1);
      o->key = bc_store_column_dup (stmt, 0);
      o->value = bc_store_column_dup (stmt, 1);
      o->reason = bc_store_column_dup (stmt, 2);
      o->actor = bc_store_column_dup (stmt, 3);
      o->at = bc_store_column_dup (stmt, 4);
      g_ptr_array_add (list, o);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&list);
}

/* The units' reports of a month, of any template but the province's,
 * the one changed last first, with what the list shows of each: status,
 * receipt, the days its template gives (read once a template) and the
 * counts of findings of its summary, -1 when the summary is missing or
 * older than the report or the report before it (the stamps of
 * bc-library.c). One query for the whole month. */
static const char expected_sql[] =
  "SELECT r.unit, r.id, r.status, r.period_to, d.days, c.sender, c.received,"
  " CASE WHEN s.modified = r.modified AND s.previous_modified = coalesce(p.modified, '') THEN s.errors ELSE -1 END,"
  " CASE WHEN s.modified = r.modified AND s.previous_modified = coalesce(p.modified, '') THEN s.warnings ELSE -1 END"
  " FROM report r INDEXED BY report_list"
  " JOIN (SELECT t.template_id, coalesce(json_extract(t.template, '$.period.due_working_days'), 0) AS days"
  "  FROM report t WHERE t.id IN (SELECT max(id) FROM report INDEXED BY report_list"
  "   WHERE period_to BETWEEN ?1 AND ?2 AND template_id <> ?3 GROUP BY template_id)) d"
  "  ON d.template_id = r.template_id"
  " LEFT JOIN received c ON c.report_id = r.id"
  " LEFT JOIN report_summary s ON s.report_id = r.id"
  " LEFT JOIN report p INDEXED BY report_row ON p.id = r.previous_id"
  " WHERE r.period_to BETWEEN ?1 AND ?2 AND r.template_id <> ?3"
  " ORDER BY r.modified DESC, r.id DESC";

static void
fill_received (BcExpectedUnit *e,
               sqlite3_stmt   *stmt,
               BcCalendar     *calendar,
               const char     *made)
{
  GDate deadline;

  e->state = BC_EXPECTED_RECEIVED;
  e->report_id = sqlite3_column_int64 (stmt, 1);
  e->status = bc_store_column_dup (stmt, 2);
  e->sender = bc_store_column_dup (stmt, 5);
  e->received = bc_store_column_dup (stmt, 6);
  e->errors = sqlite3_column_int (stmt, 7);
  e->warnings = sqlite3_column_int (stmt, 8);
  if (!bc_date_parse ((const char *) sqlite3_column_text (stmt, 3), &deadline))
    return;
  bc_calendar_add_working_days (calendar, &deadline, (guint) CLAMP (sqlite3_column_int (stmt, 4), 0, 60));
  e->deadline = bc_date_to_iso (&deadline);
  /* Received on a day after the deadline; a report the library wrote
   * itself has no receipt and is never late. */
  if (e->received != NULL && strncmp (e->received, e->deadline, 10) > 0)
    e->state = BC_EXPECTED_LATE;
  e->after_consolidation = made != NULL && e->received != NULL && strcmp (e->received, made) > 0;
}

/* Fills the units of @by_unit that have a report for the month. */
static gboolean
read_expected (BcStore     *self,
               BcTemplate  *target,
               const char  *period_to,
               BcCalendar  *calendar,
               const char  *made,
               GHashTable  *by_unit,
               GError     **error)
{
  g_autofree char *first = g_strdup_printf ("%.7s-01", period_to);
  g_autofree char *last = g_strdup_printf ("%.7s-31", period_to);
  sqlite3_stmt *stmt = bc_store_prepare (self, expected_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, bc_template_get_id (target), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcExpectedUnit *e = g_hash_table_lookup (by_unit, sqlite3_column_text (stmt, 0));
      if (e != NULL && e->report_id == 0)
        fill_received (e, stmt, calendar, made);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error);
  return TRUE;
}

/* The consolidated report of @target for the month, and when it was made. */
static char *
consolidated_made (BcStore    *self,
                   BcTemplate *target,
                   const char *to)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT c.made FROM consolidation c JOIN report r ON r.id = c.report_id"
                                         " WHERE r.template_id = ? AND substr(r.period_to, 1, 7) = substr(?, 1, 7)"
                                         " ORDER BY c.made DESC LIMIT 1", NULL);
  char *made = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, bc_template_get_id (target), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    made = bc_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return made;
}

/**
 * bc_store_list_expected:
 * @target: the province's template
 * @period_to: the last day of its period, ISO: the month reported
 * @calendar: the working days, for the deadlines
 *
 * Each unit that reports to the library, for the month: missing,
 * received (its status, who sent it, when, the counts of findings the
 * library keeps for it) or late (received after its template's
 * deadline), and whether it came after the province's report was
 * consolidated. No report is read or checked: a report whose counts are
 * not kept up to date has them -1 (bc_library_summarize() makes them).
 *
 * Returns: (transfer full) (element-type BcExpectedUnit): in the units'
 *   order, or %NULL with @error set
 */
GPtrArray *
bc_store_list_expected (BcStore     *self,
                        BcTemplate  *target,
                        const char  *period_to,
                        BcCalendar  *calendar,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_expected_unit_free);
  g_autoptr(GHashTable) by_unit = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) units = NULL;
  g_autofree char *made = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_TEMPLATE (target), NULL);
  g_return_val_if_fail (period_to != NULL && strlen (period_to) >= 7, NULL);

  if ((units = bc_store_list_reporting_units (self, NULL, error)) == NULL)
    return NULL;
  made = consolidated_made (self, target, period_to);
  for (guint i = 0; units[i]; i++)
    {
      BcExpectedUnit *e = g_new0 (BcExpectedUnit, 1);

      e->unit = g_strdup (units[i]);
      e->errors = e->warnings = -1;
      g_hash_table_insert (by_unit, e->unit, e);
      g_ptr_array_add (list, e);
    }
  if (!read_expected (self, target, period_to, calendar, made, by_unit, error))
    return NULL;
  return g_steal_pointer (&list);
}

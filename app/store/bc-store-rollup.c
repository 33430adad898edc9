/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-document-utils.h"
#include "bc-keys.h"
#include "bc-library.h"
#include "bc-office.h"
#include "bc-report-private.h"
#include "bc-store-consolidate.h"
#include "bc-store-private.h"
#include "bc-store-rollup.h"
#include "bc-template.h"

/* Reports built from the months inside their period, and what each of
 * their values was taken from (table rollup, schema 6). The provenance
 * names the library's own report ids: it stays in the library, and a
 * report file or JSON carries the values only. */

void
bc_rollup_stale_free (BcRollupStale *stale)
{
  g_free (stale->key);
  g_free (stale->rolled);
  g_free (stale->now);
  g_free (stale->current);
  g_free (stale->origin);
  g_free (stale);
}

/* The unit's reports whose period lies inside @from – @to, oldest first;
 * bc_rollup_compute() keeps the monthly ones. */
static GPtrArray *
list_inside (BcStore     *self,
             const char  *unit,
             const char  *from,
             const char  *to,
             GError     **error)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = bc_store_prepare (self, "SELECT id FROM report WHERE unit = ? AND period_to <= ? AND period_from >= ?"
                           " ORDER BY period_to, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, unit, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
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
 * bc_store_compute_rollup:
 * @unit: the unit, as its reports name it ("Huyện Ninh Hải")
 *
 * bc_rollup_compute() over the library's reports of @unit.
 *
 * Returns: (transfer full): the roll-up, or %NULL with @error set
 */
BcRollup *
bc_store_compute_rollup (BcStore     *self,
                         BcTemplate  *target,
                         const char  *unit,
                         const char  *period_from,
                         const char  *period_to,
                         GError     **error)
{
  g_autoptr(GPtrArray) reports = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_TEMPLATE (target), NULL);

  if (bc_template_get_regime (target) == BC_REGIME_MONTHLY)
    return bc_rollup_compute (target, period_from, period_to, g_ptr_array_new (), error);
  reports = list_inside (self, unit, period_from, period_to, error);
  if (reports == NULL)
    return NULL;
  return bc_rollup_compute (target, period_from, period_to, reports, error);
}

/**
 * bc_store_write_rollup: (skip)
 *
 * Replaces the provenance of report @report_id; the caller holds a write
 * transaction.
 */
gboolean
bc_store_write_rollup (BcStore    *self,
                       gint64      report_id,
                       GPtrArray  *entries,
                       GError    **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "DELETE FROM rollup WHERE report_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if (!bc_store_step_done (self, stmt, error))
    return FALSE;
  stmt = bc_store_prepare (self, "INSERT INTO rollup (report_id, key, rule, value, sources, through)"
                           " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      const BcRollupEntry *entry = entries->pdata[i];

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, report_id);
      sqlite3_bind_text (stmt, 2, entry->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, bc_rollup_rule_to_string (entry->rule), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, entry->too_large ? "" : entry->value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, entry->sources, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, entry->through, -1, SQLITE_STATIC);
      if (!bc_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * bc_store_create_rollup_report:
 * @office: (nullable): the profile the report is for; %NULL: @unit's, as
 *   bc_store_create_report() finds or guesses it
 * @unit: (nullable): the unit, when @office is %NULL
 * @rollup: (out) (optional) (transfer full): what was taken from the months
 *
 * Makes the report of @template for @period_from – @period_to built from
 * the library's monthly reports of the unit inside that period
 * (bc_rollup_compute()), with the provenance of every value taken, in one
 * transaction. Refuses what bc_store_create_report() refuses, and a
 * period without any monthly report of the unit.
 *
 * Returns: (transfer full): the new report, or %NULL with @error set
 */
BcReport *
bc_store_create_rollup_report (BcStore     *self,
                               BcTemplate  *template,
                               BcOffice    *office,
                               const char  *unit,
                               const char  *period_from,
                               const char  *period_to,
                               BcRollup   **rollup,
                               GError     **error)
{
  g_autoptr(BcOffice) own = NULL;
  g_autoptr(BcRollup) months = NULL;
  g_autofree char *name = NULL;
  BcReport *report;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (office != NULL || unit != NULL, NULL);

  if (office == NULL)
    {
      name = g_utf8_normalize (unit, -1, G_NORMALIZE_NFC);
      if (name == NULL)
        name = g_strdup ("");
      g_strstrip (name);
      own = bc_store_find_office_for_unit (self, name, NULL);
      if (own == NULL)
        own = bc_office_new_guessed (name, bc_template_get_unit_kind (template));
      office = own;
    }
  else if (!bc_office_validate (office, error))
    return NULL;
  if (name == NULL || bc_office_get_id (office) > 0)
    {
      g_free (name);
      name = bc_office_dup_unit_name (office);
    }
  months = bc_store_compute_rollup (self, template, name, period_from, period_to, error);
  if (months == NULL)
    return NULL;
  report = bc_store_create_report_from (self, template, name, office, period_from, period_to, months, error);
  if (report != NULL && rollup != NULL)
    *rollup = g_steal_pointer (&months);
  return report;
}

/**
 * bc_store_get_rollup:
 *
 * Returns: (transfer full) (element-type utf8 BcRollupEntry): what each
 *   value of a report built from its months was taken from, by key;
 *   empty for any other report; %NULL with @error set on failure
 */
GHashTable *
bc_store_get_rollup (BcStore  *self,
                     gint64    report_id,
                     GError  **error)
{
  g_autoptr(GHashTable) entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) bc_rollup_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self, "SELECT key, rule, value, sources, through FROM rollup WHERE report_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcRollupRule rule;
      BcRollupEntry *entry;

      /* A rule this Baocao does not know is no provenance it can use. */
      if (!bc_rollup_rule_from_string ((const char *) sqlite3_column_text (stmt, 1), &rule))
        continue;
      entry = bc_rollup_entry_new ((const char *) sqlite3_column_text (stmt, 0), rule,
                                   (const char *) sqlite3_column_text (stmt, 2),
                                   (const char *) sqlite3_column_text (stmt, 3),
                                   (const char *) sqlite3_column_text (stmt, 4));
      entry->too_large = rule == BC_ROLLUP_SUM && *entry->value == '\0';
      g_hash_table_insert (entries, entry->key, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&entries);
}

/**
 * bc_store_compute_report_months: (skip)
 *
 * The roll-up of @report's months now; %NULL without @error set when its
 * period holds no month with a report.
 */
BcRollup *
bc_store_compute_report_months (BcStore   *self,
                                BcReport  *report,
                                GError   **error)
{
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) units = NULL;
  BcRollup *rollup;

  /* A consolidated report follows its units as an annual one its months. */
  if (bc_store_is_consolidated (self, bc_report_get_id (report), &units, NULL))
    {
      rollup = bc_store_compute_consolidation (self, bc_report_get_template (report),
                                               bc_report_get_period_from (report), bc_report_get_period_to (report),
                                               (const char * const *) units, &local);
      if (rollup == NULL && !g_error_matches (local, BC_ROLLUP_ERROR, BC_ROLLUP_ERROR_NO_UNITS))
        g_propagate_error (error, g_steal_pointer (&local));
      return rollup;
    }
  rollup = bc_store_compute_rollup (self, bc_report_get_template (report), bc_report_get_unit (report),
                                              bc_report_get_period_from (report), bc_report_get_period_to (report),
                                              &local);

  if (rollup == NULL && !g_error_matches (local, BC_ROLLUP_ERROR, BC_ROLLUP_ERROR_NO_MONTHS)
      && !g_error_matches (local, BC_ROLLUP_ERROR, BC_ROLLUP_ERROR_REGIME))
    g_propagate_error (error, g_steal_pointer (&local));
  return rollup;
}

static int
compare_stale (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(BcRollupStale **) a)->key, (*(BcRollupStale **) b)->key);
}

/**
 * bc_store_rollup_stale:
 * @fresh: (out) (optional) (transfer full) (nullable): the months now
 *
 * The values of a report built from its months that the months, as the
 * library has them now, no longer give (a month edited, added, deleted),
 * in key order; empty for a report not built from months.
 *
 * Returns: (transfer full) (element-type BcRollupStale): the stale
 *   values, or %NULL with @error set
 */
GPtrArray *
bc_store_rollup_stale (BcStore   *self,
                       BcReport  *report,
                       BcRollup **fresh,
                       GError   **error)
{
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_rollup_stale_free);
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(BcRollup) now = NULL;
  g_autoptr(GError) local = NULL;
  GHashTableIter iter;
  BcRollupEntry *entry;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  if ((stored = bc_store_get_rollup (self, bc_report_get_id (report), error)) == NULL)
    return NULL;
  if (g_hash_table_size (stored) > 0 && (now = bc_store_compute_report_months (self, report, &local)) == NULL && local != NULL)
    return g_propagate_error (error, g_steal_pointer (&local)), NULL;
  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      const BcRollupEntry *f = now ? g_hash_table_lookup (now->index, entry->key) : NULL;
      BcRollupStale *s;

      if (!bc_rollup_entry_differs (entry, f))
        continue;
      s = g_new0 (BcRollupStale, 1);
      s->key = g_strdup (entry->key);
      s->rule = entry->rule;
      s->rolled = g_strdup (entry->value);
      s->now = g_strdup (f && !f->too_large ? f->value : "");
      s->current = g_strdup (bc_report_get (report, entry->key));
      s->origin = f ? bc_rollup_dup_origin (now, f) : g_strdup (_("no month gives it now"));
      g_ptr_array_add (stale, s);
    }
  g_ptr_array_sort (stale, compare_stale);
  if (fresh != NULL)
    *fresh = g_steal_pointer (&now);
  return g_steal_pointer (&stale);
}

/* The documents @report's section has: a list's, by their number and
 * date; a narrative section's paragraphs are the clerk's words, so the
 * documents it has are those it was given (@rolled, one a line). */
static GHashTable *
documents_held (BcReport        *report,
                const BcSection *section,
                const char      *rolled)
{
  GHashTable *have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) items = bc_report_get_list_order (report, section->id);
  g_auto(GStrv) lines = g_strsplit (rolled, "\n", -1);

  if (section->kind != BC_SECTION_DOCUMENTS)
    {
      for (guint i = 0; lines[i]; i++)
        g_hash_table_add (have, g_strdup (lines[i]));
      return have;
    }
  for (guint i = 0; items[i]; i++)
    {
      g_autofree char *n = bc_key_item_field (section->id, items[i], "number");
      g_autofree char *d = bc_key_item_field (section->id, items[i], "date");
      g_autofree char *m = bc_key_item_field (section->id, items[i], "summary");

      g_hash_table_add (have, bc_document_dup_identity (bc_report_get (report, n), bc_report_get (report, m),
                                                        bc_report_get (report, d)));
    }
  return have;
}

/* The first "d<n>" id after @report's own in @section. */
static guint
next_document_id (BcReport   *report,
                  const char *section)
{
  g_auto(GStrv) items = bc_report_get_list_order (report, section);
  guint next = 0;

  for (guint i = 0; items[i]; i++)
    if (items[i][0] == 'd')
      next = MAX (next, (guint) g_ascii_strtoull (items[i] + 1, NULL, 10));
  return next;
}

/* The documents of the months not yet in @report's section, appended
 * after its own with new item ids: an update never removes a document
 * (or a paragraph) the clerk kept. @stale->now lists the months'
 * documents one a line, in the order of their items in @now. */
static void
add_new_documents (BcReport            *report,
                   BcRollup            *now,
                   const BcRollupStale *stale,
                   GPtrArray           *keys,
                   GPtrArray           *values)
{
  g_auto(BcKey) parsed = BC_KEY_INIT;
  const char *section_id = (bc_key_parse (&parsed, stale->key), parsed.id);
  const BcSection *section = bc_template_find_section (bc_report_get_template (report), section_id);
  g_autoptr(GHashTable) have = NULL;
  g_autofree char *order_key = bc_key_section_part (section_id, "order");
  g_autoptr(GString) order = g_string_new (bc_report_get (report, order_key));
  g_auto(GStrv) fresh_items = g_strsplit (g_hash_table_lookup (now->values, order_key) ?: "", ",", -1);
  g_auto(GStrv) fresh_ids = g_strsplit (stale->now, "\n", -1);
  guint n_ids = g_strv_length (fresh_ids);
  guint next;

  if (section == NULL)
    return;
  have = documents_held (report, section, stale->rolled);
  next = next_document_id (report, section_id);
  for (guint i = 0; fresh_items[i] && *fresh_items[i] && i < n_ids; i++)
    {
      const char * const *fields = bc_key_item_fields (section->kind);
      g_autofree char *id = NULL;

      if (g_hash_table_contains (have, fresh_ids[i]))
        continue;
      id = g_strdup_printf ("d%u", ++next);
      for (guint f = 0; fields[f]; f++)
        {
          g_autofree char *from = bc_key_item_field (section_id, fresh_items[i], fields[f]);
          const char *value = g_hash_table_lookup (now->values, from);
          if (value != NULL)
            {
              g_ptr_array_add (keys, bc_key_item_field (section_id, id, fields[f]));
              g_ptr_array_add (values, g_strdup (value));
            }
        }
      g_string_append_printf (order, "%s%s", order->len ? "," : "", id);
    }
  g_ptr_array_add (keys, g_steal_pointer (&order_key));
  g_ptr_array_add (values, g_string_free (g_steal_pointer (&order), FALSE));
}

typedef struct
{
  GPtrArray  *entries;   /* the provenance after the update */
  BcRollup   *now;       /* what the sources give now */
  GHashTable *updating;  /* the keys updated */
} UpdateData;

static gboolean
write_provenance_cb (BcStore   *self,
                     gint64     report_id,
                     gpointer   data,
                     GError   **error)
{
  UpdateData *u = data;

  return bc_store_write_rollup (self, report_id, u->entries, error)
         && (u->now == NULL || !u->now->over_units
             || bc_store_write_consolidation (self, report_id, u->now, u->updating, error));
}

/* The provenance after updating @keys: theirs from @now, the others'
 * as they were. */
static GPtrArray *
updated_entries (GHashTable *stored,
                 BcRollup   *now,
                 GHashTable *updating)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_rollup_entry_free);
  GHashTableIter iter;
  BcRollupEntry *entry;

  g_hash_table_iter_init (&iter, stored);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      const BcRollupEntry *f = now ? g_hash_table_lookup (now->index, entry->key) : NULL;

      if (!g_hash_table_contains (updating, entry->key))
        f = entry;
      else if (f == NULL)
        continue;
      BcRollupEntry *copy = bc_rollup_entry_new (f->key, f->rule, f->value, f->sources, f->through);
      copy->too_large = f->too_large;
      g_ptr_array_add (entries, copy);
    }
  return entries;
}

/**
 * bc_store_rollup_update:
 * @keys: (nullable) (array zero-terminated=1): the stale values to update
 *   (bc_store_rollup_stale()); %NULL: all of them
 * @n_updated: (out) (optional): how many were updated
 *
 * Takes the values the months give now for the stale values named, as one
 * edit of the report (in its change log) with their new provenance; a
 * list of documents gets the documents it lacks. Nothing else changes:
 * this is the only way a report built from months follows them.
 *
 * Returns: %FALSE with @error set on failure (an approved report is
 *   refused as read-only)
 */
gboolean
bc_store_rollup_update (BcStore             *self,
                        BcReport            *report,
                        const char * const  *keys,
                        guint               *n_updated,
                        GError             **error)
{
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(BcRollup) now = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) updating = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) edit_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) edit_values = g_ptr_array_new_with_free_func (g_free);
  g_autofree BcEdit *edits = NULL;
  UpdateData data = { 0 };
  gboolean ok;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);

  if ((stale = bc_store_rollup_stale (self, report, &now, error)) == NULL
      || (stored = bc_store_get_rollup (self, bc_report_get_id (report), error)) == NULL)
    return FALSE;
  for (guint i = 0; i < stale->len; i++)
    {
      BcRollupStale *s = stale->pdata[i];

      if (keys != NULL && !g_strv_contains (keys, s->key))
        continue;
      g_hash_table_add (updating, s->key);
      if (s->rule == BC_ROLLUP_LIST)
        add_new_documents (report, now, s, edit_keys, edit_values);
      else
        {
          g_ptr_array_add (edit_keys, g_strdup (s->key));
          g_ptr_array_add (edit_values, g_strdup (s->now));
        }
    }
  for (guint i = 0; keys != NULL && keys[i]; i++)
    if (!g_hash_table_contains (updating, keys[i]))
      {
        g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                     _("%s is not a value the monthly reports have changed"), keys[i]);
        return FALSE;
      }
  if (n_updated != NULL)
    *n_updated = g_hash_table_size (updating);
  if (g_hash_table_size (updating) == 0)
    return TRUE;
  edits = g_new0 (BcEdit, edit_keys->len);
  for (guint i = 0; i < edit_keys->len; i++)
    edits[i] = (BcEdit) { edit_keys->pdata[i], *(char *) edit_values->pdata[i] ? edit_values->pdata[i] : NULL };
  data.entries = updated_entries (stored, now, updating);
  data.now = now;
  data.updating = updating;
  ok = bc_store_apply_with (self, report, edits, edit_keys->len, write_provenance_cb, &data, error);
  g_ptr_array_unref (data.entries);
  /* The counts of findings the lists show follow at once (the stale
   * values were findings); failing, the next listing makes them. */
  if (ok && !bc_library_summarize (self, bc_report_get_id (report), NULL))
    g_debug ("summary of report %" G_GINT64_FORMAT " not made", bc_report_get_id (report));
  return ok;
}

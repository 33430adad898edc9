/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

/* Edits: applied in one transaction each, with the change log that
 * records who changed what and when. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-report-private.h"
#include "bc-store-consolidate.h"
#include "bc-store-private.h"

static gboolean
write_value (BcStore     *self,
             gint64       report_id,
             const char  *key,
             const char  *value,
             GError     **error)
{
  static const char * const meta_sql[][2] = {
    { "meta/unit", "UPDATE report SET unit = ?2 WHERE id = ?1" },
    { "meta/period_from", "UPDATE report SET period_from = ?2 WHERE id = ?1" },
    { "meta/period_to", "UPDATE report SET period_to = ?2 WHERE id = ?1" },
    { "meta/status", "UPDATE report SET status = ?2 WHERE id = ?1" },
    { "meta/office", "UPDATE report SET office = coalesce(?2, '') WHERE id = ?1" },
  };
  const char *sql = value ? "INSERT OR REPLACE INTO value (report_id, key, value) VALUES (?1, ?3, ?2)"
                          : "DELETE FROM value WHERE report_id = ?1 AND key = ?3";
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (meta_sql); i++)
    if (g_str_equal (key, meta_sql[i][0]))
      sql = meta_sql[i][1];
  if ((stmt = bc_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  return bc_store_step_done (self, stmt, error);
}

gboolean
bc_store_log_change (BcStore     *self,
                     gint64       report_id,
                     gint64       batch,
                     const char  *key,
                     const char  *old_value,
                     const char  *new_value,
                     const char  *at,
                     GError     **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self,
                                         "INSERT INTO change (report_id, batch, key, old, new, actor, role, at)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, batch);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, new_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, self->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, self->role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, at, -1, SQLITE_STATIC);
  return bc_store_step_done (self, stmt, error);
}

gint64
bc_store_next_batch (BcStore  *self,
                     GError  **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT coalesce(max(batch), 0) + 1 FROM change", error);
  gint64 batch = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    batch = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return batch;
}

/* The one text @sql selects for @report_id, in @text (%NULL without a
 * row). */
static gboolean
query_report_text (BcStore     *self,
                   const char  *sql,
                   gint64       report_id,
                   char       **text,
                   GError     **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, sql, error);
  int rc;

  *text = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *text = bc_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error);
  return TRUE;
}

/* A report received from a unit is that unit's: it corrects it and
 * sends it again, the library never edits it. */
static gboolean
check_not_received (BcStore  *self,
                    gint64    report_id,
                    GError  **error)
{
  g_autofree char *sender = NULL;

  if (!query_report_text (self, "SELECT sender FROM received WHERE report_id = ?", report_id, &sender, error))
    return FALSE;
  return sender == NULL || bc_store_refuse_received (sender, error);
}

/**
 * bc_store_refuse_received:
 * @sender: who sent the report
 *
 * The refusal of any edit of a report received from a unit.
 *
 * Returns: %FALSE, with @error set
 */
gboolean
bc_store_refuse_received (const char  *sender,
                          GError     **error)
{
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
               _("This report was received from %s and is read-only here: its office corrects it and sends it again."),
               sender);
  return FALSE;
}

/* The status on disk decides, not the caller's copy: another window or
 * an import may have approved the report meanwhile. The caller holds a
 * transaction. */
gboolean
bc_store_check_writable (BcStore  *self,
                         gint64    report_id,
                         GError  **error)
{
  g_autofree char *status = NULL;

  if (!query_report_text (self, "SELECT status FROM report WHERE id = ?", report_id, &status, error))
    return FALSE;
  if (status == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, report_id);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                   _("There is no report %s in the library"), id_text);
      return FALSE;
    }
  if (g_str_equal (status, "approved"))
    {
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
                           _("This report is approved and cannot be changed. Reopen it first, giving a reason."));
      return FALSE;
    }
  return check_not_received (self, report_id, error);
}

gboolean
bc_store_touch_report (BcStore     *self,
                       gint64       report_id,
                       const char  *modified,
                       GError     **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "UPDATE report SET modified = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, modified, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, report_id);
  return bc_store_step_done (self, stmt, error);
}

/* The check of one edit: the value is UTF-8 and fits its key
 * (bc_report_validate_value()), and the status is left to review. @value
 * is the value as it is stored: NFC, %NULL to clear. */
static gboolean
check_edit (BcReport      *report,
            const BcEdit  *edit,
            char         **value,
            GError       **error)
{
  g_autofree char *normal = NULL;

  *value = NULL;
  if (edit->value != NULL && *edit->value != '\0'
      && (normal = g_utf8_normalize (edit->value, -1, G_NORMALIZE_NFC)) == NULL)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                   _("%s: the text is not valid UTF-8"), edit->key);
      return FALSE;
    }
  if (!bc_store_validate_value (report, edit->key, normal, error))
    return FALSE;
  if (g_str_equal (edit->key, "meta/status"))
    return bc_store_refuse_status_edit (error);
  *value = g_steal_pointer (&normal);
  return TRUE;
}

/**
 * bc_store_check_edits:
 * @report: the report @edits are for
 * @edits: (array length=n_edits): keys and their new values
 *
 * The one check of edits, made by the edit session before it shows them
 * and by the store before it writes them: each value is UTF-8 and fits
 * its key (bc_report_validate_value()), and the status is left to review.
 *
 * Returns: (transfer container) (element-type utf8) (nullable): each
 *   edit's value as it is stored (NFC; %NULL clears), in order; %NULL
 *   with @error set in the store's domain when an edit is refused
 */
GPtrArray *
bc_store_check_edits (BcReport      *report,
                      const BcEdit  *edits,
                      guint          n_edits,
                      GError       **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_full (n_edits, g_free);

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  for (guint i = 0; i < n_edits; i++)
    {
      char *value;

      if (!check_edit (report, &edits[i], &value, error))
        return NULL;
      g_ptr_array_add (values, value);
    }
  return g_steal_pointer (&values);
}

/* The value of @key on disk ("" when it has none); the caller holds a
 * transaction. */
static gboolean
read_value (BcStore     *self,
            gint64       report_id,
            const char  *key,
            char       **value,
            GError     **error)
{
  static const char * const meta_sql[][2] = {
    { "meta/unit", "SELECT unit FROM report WHERE id = ?1" },
    { "meta/period_from", "SELECT period_from FROM report WHERE id = ?1" },
    { "meta/period_to", "SELECT period_to FROM report WHERE id = ?1" },
    { "meta/status", "SELECT status FROM report WHERE id = ?1" },
    { "meta/office", "SELECT office FROM report WHERE id = ?1" },
  };
  const char *sql = "SELECT value FROM value WHERE report_id = ?1 AND key = ?2";
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < G_N_ELEMENTS (meta_sql); i++)
    if (g_str_equal (key, meta_sql[i][0]))
      sql = meta_sql[i][1];
  if ((stmt = bc_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *value = rc == SQLITE_ROW ? bc_store_column_dup (stmt, 0) : g_strdup ("");
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error);
  return TRUE;
}

/* Reads what @edits would replace, on disk, and counts the edits that
 * change something. */
static gboolean
read_old_values (BcStore       *self,
                 gint64         id,
                 const BcEdit  *edits,
                 GPtrArray     *values,
                 GPtrArray     *olds,
                 guint         *changed,
                 GError       **error)
{
  *changed = 0;
  for (guint i = 0; i < values->len; i++)
    {
      char *old_value = NULL;

      if (!read_value (self, id, edits[i].key, &old_value, error))
        return FALSE;
      g_ptr_array_add (olds, old_value);
      if (g_strcmp0 (values->pdata[i] ? values->pdata[i] : "", old_value) != 0)
        (*changed)++;
    }
  return TRUE;
}

/**
 * bc_store_apply:
 * @edits: (array length=n_edits): the changes, applied together
 *
 * Applies @edits in one transaction and logs them as one batch, with the
 * store's actor, role and the time. Each edit is compared with the value
 * on disk, inside the transaction, not with @report's copy, which another
 * program may have made stale: an edit equal to the stored value writes
 * nothing, and the change log's old value is the one it replaced. Values
 * are stored in NFC. Nothing is written when any edit is refused: an
 * invalid value, "meta/status" (it changes through bc_store_set_status()
 * only) or any change of an approved report (%BC_STORE_ERROR_READ_ONLY).
 * Afterwards @report holds the edited values as they are on disk.
 *
 * Returns: %TRUE when everything was committed
 */
gboolean
bc_store_apply (BcStore       *self,
                BcReport      *report,
                const BcEdit  *edits,
                guint          n_edits,
                GError       **error)
{
  return bc_store_apply_with (self, report, edits, n_edits, NULL, NULL, error);
}

/**
 * bc_store_apply_with: (skip)
 * @also: (nullable): more writing to do in the same transaction, after
 *   the edits and before the commit
 *
 * bc_store_apply(), with @also committed or rolled back with the edits.
 */
gboolean
bc_store_apply_with (BcStore          *self,
                     BcReport         *report,
                     const BcEdit     *edits,
                     guint             n_edits,
                     BcStoreAlsoFunc   also,
                     gpointer          also_data,
                     GError          **error)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GPtrArray) olds = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = NULL;
  gint64 id, batch = 0;
  guint changed = 0;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);

  if ((values = bc_store_check_edits (report, edits, n_edits, error)) == NULL)
    return FALSE;
  if (n_edits == 0 && also == NULL)
    return TRUE;

  id = bc_report_get_id (report);
  now = bc_store_now ();
  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!read_old_values (self, id, edits, values, olds, &changed, error))
    goto fail;
  if ((changed > 0 || also != NULL) && !bc_store_check_writable (self, id, error))
    goto fail;
  if (changed > 0 && (batch = bc_store_next_batch (self, error)) == 0)
    goto fail;
  for (guint i = 0; i < n_edits && changed > 0; i++)
    {
      const char *old_value = olds->pdata[i];
      const char *value = values->pdata[i];

      if (g_strcmp0 (value ? value : "", old_value) == 0)
        continue;
      if (!write_value (self, id, edits[i].key, value, error)
          || !bc_store_log_change (self, id, batch, edits[i].key, *old_value ? old_value : NULL,
                                   value, now, error))
        goto fail;
    }
  if ((changed > 0 && !bc_store_touch_report (self, id, now, error))
      || (also != NULL && !also (self, id, also_data, error))
      || !bc_store_exec (self, "COMMIT", error))
    goto fail;

  /* Only now that it is on disk does the model change. */
  if (changed > 0)
    bc_report_set_modified (report, now);
  for (guint i = 0; i < n_edits; i++)
    if (g_strcmp0 (values->pdata[i] ? values->pdata[i] : "", bc_report_get (report, edits[i].key)) != 0)
      bc_report_set_internal (report, edits[i].key, values->pdata[i]);
  return TRUE;

fail:
  bc_store_rollback (self);
  return FALSE;
}

/**
 * bc_store_get_data_version:
 *
 * Returns: a number that changes whenever another connection, in this
 *   process or another, commits a change to the library (SQLite's
 *   data_version), or -1 when it cannot be read
 */
gint64
bc_store_get_data_version (BcStore *self)
{
  sqlite3_stmt *stmt;
  gint64 version = -1;

  g_return_val_if_fail (BC_IS_STORE (self), -1);

  if ((stmt = bc_store_prepare (self, "PRAGMA data_version", NULL)) == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

/**
 * bc_store_get_changes:
 *
 * With bc_store_get_data_version(), whether anything changed in the
 * library: this connection's own commits are not in the data version.
 *
 * Returns: the rows this connection has changed since it was opened
 */
gint64
bc_store_get_changes (BcStore *self)
{
  g_return_val_if_fail (BC_IS_STORE (self), -1);

  return sqlite3_total_changes64 (self->db);
}

/**
 * bc_store_set_value:
 * @value: (nullable): the new value; %NULL or "" clears it
 *
 * Returns: %TRUE when the value was committed
 */
gboolean
bc_store_set_value (BcStore     *self,
                    BcReport    *report,
                    const char  *key,
                    const char  *value,
                    GError     **error)
{
  BcEdit edit = { key, value };

  return bc_store_apply (self, report, &edit, 1, error);
}

/**
 * bc_store_list_changes:
 *
 * Returns: (transfer container) (element-type BcChange): the change log, oldest first
 */
GPtrArray *
bc_store_list_changes (BcStore  *self,
                       gint64    report_id,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_change_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self,
                           "SELECT id, batch, key, old, new, actor, at, role FROM change"
                           " WHERE report_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcChange *c = g_new0 (BcChange, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->batch = sqlite3_column_int64 (stmt, 1);
      c->key = bc_store_column_dup (stmt, 2);
      c->old_value = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? NULL : bc_store_column_dup (stmt, 3);
      c->new_value = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NULL : bc_store_column_dup (stmt, 4);
      c->actor = bc_store_column_dup (stmt, 5);
      c->at = bc_store_column_dup (stmt, 6);
      c->role = bc_store_column_dup (stmt, 7);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&list);
}

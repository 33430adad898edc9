/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

/* The reports of a library: listed, created from a template (with an
 * office's header), opened, found by period, reloaded and deleted. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-keys.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report-private.h"
#include "bc-store-followup.h"
#include "bc-store-private.h"
#include "bc-template.h"
#include "bc-text-utils.h"

/**
 * bc_store_list_reports:
 *
 * Returns: (transfer container) (element-type BcReportSummary): the reports,
 *   newest period first
 */
GPtrArray *
bc_store_list_reports (BcStore  *self,
                       GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_report_summary_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self,
                           "SELECT id, uuid, template_id, template_name, unit, period_from,"
                           " period_to, status, modified FROM report"
                           " ORDER BY period_to DESC, unit COLLATE NOCASE, id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcReportSummary *s = g_new0 (BcReportSummary, 1);
      s->id = sqlite3_column_int64 (stmt, 0);
      s->uuid = bc_store_column_dup (stmt, 1);
      s->template_id = bc_store_column_dup (stmt, 2);
      s->template_name = bc_store_column_dup (stmt, 3);
      s->unit = bc_store_column_dup (stmt, 4);
      s->period_from = bc_store_column_dup (stmt, 5);
      s->period_to = bc_store_column_dup (stmt, 6);
      s->status = bc_store_column_dup (stmt, 7);
      s->modified = bc_store_column_dup (stmt, 8);
      s->errors = s->warnings = -1;
      g_ptr_array_add (list, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&list);
}

static gboolean
is_meta (const char *key)
{
  return bc_key_get_kind (key) == BC_KEY_META;
}

/* Empties a report that is about to be replaced, keeping its row (and so
 * its id and the links of other reports to it). */
static gboolean
clear_report (BcStore  *self,
              gint64    id,
              GError  **error)
{
  static const char * const sql[] = {
    "DELETE FROM value WHERE report_id = ?",
    "DELETE FROM change WHERE report_id = ?",
    "DELETE FROM comment WHERE report_id = ?",
    "DELETE FROM status_log WHERE report_id = ?",
    "DELETE FROM rollup WHERE report_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = bc_store_prepare (self, sql[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!bc_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * bc_store_insert_report:
 * @replace_id: 0 to add a report; else the id of the report whose row is
 *   overwritten and whose values, changes, comments and status log are
 *   deleted first
 * @id: (out): the report's id
 *
 * Writes a report row and its values; the caller holds a transaction.
 */
gboolean
bc_store_insert_report (BcStore     *self,
                        const char  *uuid,
                        BcTemplate  *template,
                        GHashTable  *values,
                        const char  *created,
                        const char  *modified,
                        gint64       previous_id,
                        gint64       replace_id,
                        gint64      *id,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  const char *key, *value;
  const char *status = g_hash_table_lookup (values, "meta/status");
  const char *office = g_hash_table_lookup (values, "meta/office");

  if (replace_id > 0)
    stmt = bc_store_prepare (self,
                             "UPDATE report SET uuid = ?1, template_id = ?2, template_name = ?3,"
                             " template = ?4, unit = ?5, period_from = ?6, period_to = ?7, status = ?8,"
                             " created = ?9, modified = ?10, previous_id = coalesce(?11, previous_id),"
                             " office = ?13 WHERE id = ?12", error);
  else
    stmt = bc_store_prepare (self,
                             "INSERT INTO report (uuid, template_id, template_name, template, unit,"
                             " period_from, period_to, status, created, modified, previous_id, office)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?13)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bc_template_get_id (template), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, bc_template_get_name (template), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, bc_template_to_json (template), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, g_hash_table_lookup (values, "meta/unit"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, g_hash_table_lookup (values, "meta/period_from"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, g_hash_table_lookup (values, "meta/period_to"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, status ? status : "draft", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, modified, -1, SQLITE_STATIC);
  if (previous_id > 0)
    sqlite3_bind_int64 (stmt, 11, previous_id);
  if (replace_id > 0)
    sqlite3_bind_int64 (stmt, 12, replace_id);
  sqlite3_bind_text (stmt, 13, office ? office : "", -1, SQLITE_STATIC);
  if (!bc_store_step_done (self, stmt, error))
    return FALSE;
  if (replace_id > 0)
    {
      *id = replace_id;
      if (!clear_report (self, replace_id, error))
        return FALSE;
    }
  else
    *id = sqlite3_last_insert_rowid (self->db);

  stmt = bc_store_prepare (self, "INSERT INTO value (report_id, key, value) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      if (is_meta (key))
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, value, -1, SQLITE_STATIC);
      if (!bc_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

char *
bc_store_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* The date a new report is given: today, or, made before its period has
 * ended (next month's report written early), the period's last day, the
 * earliest it can be signed. Never a date the checks call an error. */
char *
bc_store_new_report_date (const char *period_to)
{
  g_autofree char *today = bc_store_today ();

  return strcmp (today, period_to) < 0 ? g_strdup (period_to) : g_steal_pointer (&today);
}

/* The check and the insert share the write transaction: two windows or
 * commands making the same report at once make it once. @rollup, if any,
 * is the provenance of a report built from its months, written with it. */
BcReport *
bc_store_insert_new (BcStore     *self,
                     BcTemplate  *template,
                     GHashTable  *values,
                     gint64       previous_id,
                     BcRollup    *rollup,
                     gint64      *existing_id,
                     GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = bc_store_now ();
  gint64 id;

  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return NULL;
  /* Read in the transaction, so the plan and last statuses are the ones
   * the report is written beside. */
  if (!bc_store_followup_fill (self, template, values, error)
      || !bc_store_check_period_free (self, bc_template_get_id (template), g_hash_table_lookup (values, "meta/unit"),
                                   g_hash_table_lookup (values, "meta/period_from"),
                                   g_hash_table_lookup (values, "meta/period_to"), existing_id, error)
      || !bc_store_insert_report (self, uuid, template, values, now, now, previous_id, 0, &id, error)
      || (rollup != NULL && !bc_store_write_rollup (self, id, rollup->entries, error))
      || (rollup != NULL && rollup->over_units && !bc_store_write_consolidation (self, id, rollup, NULL, error))
      || !bc_store_exec (self, "COMMIT", error))
    {
      bc_store_rollback (self);
      return NULL;
    }
  return bc_report_new (id, uuid, template, values, now, now, previous_id);
}

/* The period rule of the template (bc_period_check()), in our domain. */
static gboolean
check_period (BcTemplate  *template,
              const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(GError) period_error = NULL;

  if (bc_period_check (bc_template_get_regime (template), bc_template_get_cutoff_day (template),
                       from, to, &period_error))
    return TRUE;
  g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE, period_error->message);
  return FALSE;
}

/* The header of a new report: the template's wording with the unit's
 * words filled in (but not another body's signature, see
 * bc_template_header_applies()), then what the office's profile says of
 * itself. A field this Baocao's reports do not have is left out. */
static void
fill_header (GHashTable *values,
             BcTemplate *template,
             BcOffice   *office,
             const char *from,
             const char *to)
{
  const char * const *fields = bc_key_header_fields ();
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, bc_template_get_header (template));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (*value != '\0' && bc_template_header_applies (template, key, office))
      g_hash_table_insert (values, g_strdup (key), bc_template_expand (value, office, from, to));
  for (guint i = 0; fields[i]; i++)
    {
      char *own = bc_office_dup_header_value (office, fields[i], bc_template_get_kind (template));
      if (own != NULL)
        g_hash_table_insert (values, bc_key_header (fields[i]), own);
    }
}

static void
fill_tables (GHashTable *values,
             BcTemplate *template)
{
  GPtrArray *tables = bc_template_get_tables (template);
  GHashTableIter iter;
  const char *key, *value;

  for (guint i = 0; i < tables->len; i++)
    {
      BcTableDef *t = tables->pdata[i];
      g_hash_table_iter_init (&iter, t->defaults);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
        /* A default's key is "<row>/<column>". */
        g_hash_table_insert (values, bc_key_row (t->id, key), g_strdup (value));
    }
}

static gboolean
check_unit (const char  *unit,
            GError     **error)
{
  if (*unit == '\0')
    {
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                           _("The unit cannot be empty"));
      return FALSE;
    }
  if (bc_text_has_controls (unit, FALSE))
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                   _("%s: the text holds a control character"), "meta/unit");
      return FALSE;
    }
  return TRUE;
}

/**
 * bc_store_create_report_from: (skip)
 * @office: a profile of the library (linked) or one guessed from the
 *   unit's name (id 0: only its words are used)
 * @rollup: (nullable): the values of the months it is built from, and
 *   their provenance, written in the same transaction
 */
BcReport *
bc_store_create_report_from (BcStore     *self,
                             BcTemplate  *template,
                             const char  *unit,
                             BcOffice    *office,
                             const char  *period_from,
                             const char  *period_to,
                             BcRollup    *rollup,
                             GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!check_unit (unit, error) || !check_period (template, period_from, period_to, error))
    return NULL;

  g_hash_table_insert (values, g_strdup ("meta/unit"), g_strdup (unit));
  g_hash_table_insert (values, g_strdup ("meta/period_from"), g_strdup (period_from));
  g_hash_table_insert (values, g_strdup ("meta/period_to"), g_strdup (period_to));
  g_hash_table_insert (values, g_strdup ("meta/status"), g_strdup ("draft"));
  if (bc_office_get_id (office) > 0)
    g_hash_table_insert (values, g_strdup ("meta/office"), g_strdup (bc_office_get_uuid (office)));
  g_hash_table_insert (values, g_strdup ("header/date"), bc_store_new_report_date (period_to));
  fill_header (values, template, office, period_from, period_to);
  fill_tables (values, template);
  if (rollup != NULL)
    {
      GHashTableIter iter;
      const char *key, *value;

      g_hash_table_iter_init (&iter, rollup->values);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
        g_hash_table_insert (values, g_strdup (key), g_strdup (value));
    }

  return bc_store_insert_new (self, template, values, 0, rollup, NULL, error);
}

/**
 * bc_store_create_report:
 * @template: the template; the report keeps its own copy
 * @unit: the reporting unit: "Huyện Ninh Hải"
 * @period_from: first day, ISO
 * @period_to: last day, ISO
 *
 * When the library has exactly one office profile for @unit
 * (bc_store_find_office_for_unit()), the report is made for it as by
 * bc_store_create_report_for_office(); else its header is the template's
 * wording with the unit's words (its kind read from @unit, else the
 * template's unit_kind) filled in.
 *
 * Refuses with %BC_STORE_ERROR_INVALID_VALUE a period that is not one of
 * the template's (bc_period_check()), and with %BC_STORE_ERROR_EXISTS,
 * naming it, one for which the library already has the unit's report.
 *
 * Returns: (transfer full): the new report, or %NULL with @error set
 */
BcReport *
bc_store_create_report (BcStore     *self,
                        BcTemplate  *template,
                        const char  *unit,
                        const char  *period_from,
                        const char  *period_to,
                        GError     **error)
{
  g_autofree char *unit_nfc = NULL;
  g_autoptr(BcOffice) office = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (unit != NULL, NULL);

  unit_nfc = g_utf8_normalize (unit, -1, G_NORMALIZE_NFC);
  if (unit_nfc == NULL)
    unit_nfc = g_strdup ("");
  g_strstrip (unit_nfc);
  if (*unit_nfc != '\0' && (office = bc_store_find_office_for_unit (self, unit_nfc, NULL)) != NULL)
    return bc_store_create_report_for_office (self, template, office, period_from, period_to, error);
  office = bc_office_new_guessed (unit_nfc, bc_template_get_unit_kind (template));
  return bc_store_create_report_from (self, template, unit_nfc, office, period_from, period_to, NULL, error);
}

/**
 * bc_store_create_report_for_office:
 * @template: the template; the report keeps its own copy
 * @office: a profile of this library
 * @period_from: first day, ISO
 * @period_to: last day, ISO
 *
 * Makes a report for an office: its unit is the profile's
 * (bc_office_dup_unit_name()), its header the template's wording with the
 * profile's words filled in (bc_template_expand()), then the profile's
 * own fields (bc_office_dup_header_value()). The report keeps its own
 * copy: changing the profile later leaves it alone. Refuses what
 * bc_store_create_report() refuses.
 *
 * Returns: (transfer full): the new report, or %NULL with @error set
 */
BcReport *
bc_store_create_report_for_office (BcStore     *self,
                                   BcTemplate  *template,
                                   BcOffice    *office,
                                   const char  *period_from,
                                   const char  *period_to,
                                   GError     **error)
{
  g_autofree char *unit = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_TEMPLATE (template), NULL);
  g_return_val_if_fail (BC_IS_OFFICE (office), NULL);

  if (!bc_office_validate (office, error))
    return NULL;
  unit = bc_office_dup_unit_name (office);
  return bc_store_create_report_from (self, template, unit, office, period_from, period_to, NULL, error);
}

/* The reports made from one template carry the same copy of it: parse it
 * once per store (templates are read-only), so that opening a report is
 * reading its values. */
static BcTemplate *
cached_template (BcStore     *self,
                 const char  *json,
                 const char  *origin,
                 GError     **error)
{
  BcTemplate *template;

  if (self->templates == NULL)
    self->templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if ((template = g_hash_table_lookup (self->templates, json)) != NULL)
    return g_object_ref (template);
  if ((template = bc_template_new_from_data (json, -1, origin, NULL, error)) != NULL)
    g_hash_table_insert (self->templates, g_strdup (json), g_object_ref (template));
  return template;
}

/**
 * bc_store_open_report:
 *
 * Returns: (transfer full): the report with its values, or %NULL with @error set
 */
BcReport *
bc_store_open_report (BcStore  *self,
                      gint64    id,
                      GError  **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(BcTemplate) template = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  sqlite3_stmt *stmt;
  gint64 previous_id;
  int rc;
  /* Formatted apart: a message with G_GINT64_FORMAT cannot be translated. */
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self,
                           "SELECT uuid, template, unit, period_from, period_to, status,"
                           " created, modified, coalesce(previous_id, 0), office FROM report WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return bc_store_sqlite_error (self, rc, error), NULL;
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                   _("There is no report %s in the library"), id_text);
      return NULL;
    }
  origin = g_strdup_printf (_("report %s"), id_text);
  template = cached_template (self, (const char *) sqlite3_column_text (stmt, 1), origin, error);
  if (template == NULL)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  uuid = bc_store_column_dup (stmt, 0);
  g_hash_table_insert (values, g_strdup ("meta/unit"), bc_store_column_dup (stmt, 2));
  g_hash_table_insert (values, g_strdup ("meta/period_from"), bc_store_column_dup (stmt, 3));
  g_hash_table_insert (values, g_strdup ("meta/period_to"), bc_store_column_dup (stmt, 4));
  g_hash_table_insert (values, g_strdup ("meta/status"), bc_store_column_dup (stmt, 5));
  created = bc_store_column_dup (stmt, 6);
  modified = bc_store_column_dup (stmt, 7);
  previous_id = sqlite3_column_int64 (stmt, 8);
  if (sqlite3_column_bytes (stmt, 9) > 0)
    g_hash_table_insert (values, g_strdup ("meta/office"), bc_store_column_dup (stmt, 9));
  sqlite3_reset (stmt);

  stmt = bc_store_prepare (self, "SELECT key, value FROM value WHERE report_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (values, bc_store_column_dup (stmt, 0), bc_store_column_dup (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;

  return bc_report_new (id, uuid, template, values, created, modified, previous_id);
}

/**
 * bc_store_find_report:
 *
 * Returns: the id of the report with @uuid, or 0
 */
gint64
bc_store_find_report (BcStore    *self,
                      const char *uuid)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT id FROM report WHERE uuid = ?", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * bc_store_find_period_report:
 * @template_id: the template's id
 * @unit: the reporting unit, as typed (compared trimmed, in NFC)
 * @period_from: first day, ISO
 * @period_to: last day, ISO
 *
 * Finds the report a unit already has for a period from a template, so
 * that a second one is not made by mistake.
 *
 * Returns: the id of the first such report, or 0
 */
gint64
bc_store_find_period_report (BcStore    *self,
                             const char *template_id,
                             const char *unit,
                             const char *period_from,
                             const char *period_to)
{
  g_autofree char *unit_nfc = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (BC_IS_STORE (self), 0);
  g_return_val_if_fail (template_id != NULL && unit != NULL, 0);
  g_return_val_if_fail (period_from != NULL && period_to != NULL, 0);

  if ((unit_nfc = g_utf8_normalize (unit, -1, G_NORMALIZE_NFC)) == NULL)
    return 0;
  g_strstrip (unit_nfc);
  stmt = bc_store_prepare (self,
                           "SELECT id FROM report WHERE template_id = ? AND unit = ?"
                           " AND period_from = ? AND period_to = ? ORDER BY id LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, template_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, unit_nfc, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, period_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, period_to, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * bc_store_check_period_free:
 * @template_id: the template's id
 * @unit: the reporting unit (compared trimmed, in NFC)
 * @period_from: first day, ISO
 * @period_to: last day, ISO
 * @existing_id: (out) (optional): the report the period already has, or 0
 *
 * One report per unit, template and period: a second one would be filled
 * in beside the first and sent in its place. The rule every way of making
 * a report follows (new, next period, the window's dialog).
 *
 * Returns: %TRUE when the period has no report yet; else %FALSE with
 *   %BC_STORE_ERROR_EXISTS naming the one it has
 */
gboolean
bc_store_check_period_free (BcStore     *self,
                            const char  *template_id,
                            const char  *unit,
                            const char  *period_from,
                            const char  *period_to,
                            gint64      *existing_id,
                            GError     **error)
{
  gint64 existing = bc_store_find_period_report (self, template_id, unit, period_from, period_to);
  g_autofree char *unit_text = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;

  if (existing_id != NULL)
    *existing_id = existing;
  if (existing == 0)
    return TRUE;
  unit_text = g_strstrip (g_strdup (unit));
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, existing);
  from_text = bc_date_to_display (period_from);
  to_text = bc_date_to_display (period_to);
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS,
               _("There is already a report for “%s” from %s to %s with this template: report %s"),
               unit_text, from_text, to_text, id_text);
  return FALSE;
}

gboolean
bc_store_delete_report (BcStore  *self,
                        gint64    id,
                        GError  **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);

  stmt = bc_store_prepare (self, "DELETE FROM report WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!bc_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                   _("There is no report %s in the library"), id_text);
      return FALSE;
    }
  return TRUE;
}

/**
 * bc_store_reload_report:
 * @report: a report of this library, maybe out of date
 * @replaced: (out): set when the report on disk is another one now (its
 *   uuid or its template copy changed, as when a report file replaced
 *   it): @report is then left as it was and must be opened again
 *
 * Reads @report again and brings its values, status and modification
 * time up to date, emitting #BcReport::value-changed for each value that
 * another program changed.
 *
 * Returns: (transfer container) (element-type utf8): the keys that
 *   changed, or %NULL with @error set
 */
GPtrArray *
bc_store_reload_report (BcStore   *self,
                        BcReport  *report,
                        gboolean  *replaced,
                        GError   **error)
{
  g_autoptr(BcReport) fresh = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *key, *value;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  *replaced = FALSE;
  if ((fresh = bc_store_open_report (self, bc_report_get_id (report), error)) == NULL)
    return NULL;
  if (g_strcmp0 (bc_report_get_uuid (fresh), bc_report_get_uuid (report)) != 0
      || (bc_report_get_template (fresh) != bc_report_get_template (report)
          && g_strcmp0 (bc_template_to_json (bc_report_get_template (fresh)),
                        bc_template_to_json (bc_report_get_template (report))) != 0))
    {
      *replaced = TRUE;
      return g_steal_pointer (&keys);
    }
  g_hash_table_iter_init (&iter, bc_report_get_values (fresh));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (g_strcmp0 (value, bc_report_get (report, key)) != 0)
      g_ptr_array_add (keys, g_strdup (key));
  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (*value != '\0' && !g_hash_table_contains (bc_report_get_values (fresh), key))
      g_ptr_array_add (keys, g_strdup (key));
  for (guint i = 0; i < keys->len; i++)
    {
      const char *now = bc_report_get (fresh, keys->pdata[i]);
      bc_report_set_internal (report, keys->pdata[i], *now ? now : NULL);
    }
  bc_report_set_modified (report, bc_report_get_modified (fresh));
  return g_steal_pointer (&keys);
}

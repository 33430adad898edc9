/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-limits.h"
#include "bc-number.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report-private.h"
#include "bc-store-consolidate.h"
#include "bc-store-private.h"
#include "bc-store-review.h"
#include "bc-template.h"
#include "bc-text-utils.h"

/* A report with all that travels with it — change log, comments, status
 * log — read from a library or a report file, checked, and written into a
 * library in one transaction. JSON interchange and report files both go
 * through here, so that they check the same things. */

static const char * const statuses[] = { "draft", "submitted", "returned", "approved", NULL };

BcBundle *
bc_bundle_new (BcReport *report)
{
  BcBundle *bundle = g_new0 (BcBundle, 1);

  bundle->report = g_object_ref (report);
  bundle->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_change_free);
  bundle->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_comment_free);
  bundle->status_log = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_status_change_free);
  return bundle;
}

void
bc_bundle_free (BcBundle *bundle)
{
  g_clear_object (&bundle->report);
  g_free (bundle->previous_uuid);
  g_clear_pointer (&bundle->changes, g_ptr_array_unref);
  g_clear_pointer (&bundle->comments, g_ptr_array_unref);
  g_clear_pointer (&bundle->status_log, g_ptr_array_unref);
  g_clear_object (&bundle->office);
  g_free (bundle);
}

static char *
lookup_text (BcStore    *self,
             const char *sql,
             gint64      id,
             const char *name)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, sql, NULL);
  char *text = NULL;

  if (stmt == NULL)
    return NULL;
  if (name != NULL)
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = bc_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

/**
 * bc_store_read_bundle:
 *
 * Returns: (transfer full): the report and its logs, or %NULL with @error set
 */
BcBundle *
bc_store_read_bundle (BcStore  *self,
                      gint64    report_id,
                      GError  **error)
{
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcBundle) bundle = NULL;
  gint64 previous_id;

  if ((report = bc_store_open_report (self, report_id, error)) == NULL)
    return NULL;
  bundle = bc_bundle_new (report);
  g_ptr_array_unref (bundle->changes);
  g_ptr_array_unref (bundle->comments);
  g_ptr_array_unref (bundle->status_log);
  bundle->changes = bc_store_list_changes (self, report_id, error);
  bundle->comments = bundle->changes ? bc_store_list_comments (self, report_id, NULL, error) : NULL;
  bundle->status_log = bundle->comments ? bc_store_list_status_log (self, report_id, error) : NULL;
  if (bundle->status_log == NULL)
    return NULL;

  bundle->office = bc_store_find_office (self, bc_report_get (report, "meta/office"));

  /* In a library the previous period is a row; a report file names it. */
  previous_id = bc_report_get_previous_id (report);
  if (previous_id > 0)
    bundle->previous_uuid = lookup_text (self, "SELECT uuid FROM report WHERE id = ?", previous_id, NULL);
  else
    bundle->previous_uuid = lookup_text (self, "SELECT value FROM info WHERE name = ?", 0, "previous");
  return g_steal_pointer (&bundle);
}

static gboolean G_GNUC_PRINTF (2, 3)
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
               _("The report is not valid: %s"), what);
  return FALSE;
}

/* Valid UTF-8 within the length of any text of a report, in lines
 * without other control characters. */
static gboolean
nullable_ok (const char *text)
{
  return text == NULL
         || (strnlen (text, BC_LIMIT_TEXT_LENGTH + 1) <= BC_LIMIT_TEXT_LENGTH && g_utf8_validate (text, -1, NULL)
             && !bc_text_has_controls (text, TRUE));
}

/* Present, valid UTF-8, one line without control characters, and not
 * empty unless @may_be_empty. */
static gboolean
text_ok (const char *text,
         gboolean    may_be_empty)
{
  return text != NULL && nullable_ok (text) && (may_be_empty || *text != '\0')
         && !bc_text_has_controls (text, FALSE);
}

/* The form bc_store_now() writes, "2024-05-24T08:00:00.000000Z" (the
 * fraction optional), of a real moment: `list` and the logs show it. */
static gboolean
time_ok (const char *text)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:dd";
  g_autoptr(GDateTime) parsed = NULL;
  const char *p = text;

  if (text == NULL)
    return FALSE;
  for (guint i = 0; pattern[i]; i++, p++)
    if (pattern[i] == 'd' ? !g_ascii_isdigit (*p) : *p != pattern[i])
      return FALSE;
  if (*p == '.')
    {
      const char *digits = ++p;
      while (g_ascii_isdigit (*p))
        p++;
      if (p == digits || p - digits > 6)
        return FALSE;
    }
  if (!g_str_equal (p, "Z"))
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  return parsed != NULL;
}

static gboolean
nullable_time_ok (const char *text)
{
  return text == NULL || time_ok (text);
}

/* Lower case only, as g_uuid_string_random() writes it: an upper-case
 * copy of a uuid would not find the report it names. */
static gboolean
uuid_ok (const char *uuid)
{
  if (uuid == NULL || !g_uuid_string_is_valid (uuid))
    return FALSE;
  for (const char *p = uuid; *p; p++)
    if (g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static gboolean
role_ok (const char *role)
{
  return role == NULL || *role == '\0' || bc_store_role_is_valid (role);
}

static gboolean
within (guint64      count,
        guint64      limit,
        const char  *what,
        GError     **error)
{
  g_autofree char *count_text = NULL;
  g_autofree char *limit_text = NULL;

  if (count <= limit)
    return TRUE;
  count_text = bc_format_int ((gint64) MIN (count, (guint64) G_MAXINT64));
  limit_text = bc_format_int ((gint64) limit);
  /* Translators: "60.000 values (at most 50.000)" */
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE,
               _("The report is too large: %s %s (at most %s)"), count_text, what, limit_text);
  return FALSE;
}

/**
 * bc_bundle_check_counts:
 *
 * Refuses a report with more values, changes, comments or status steps
 * than bc-limits.h allows. Readers call it with the counts a file
 * announces, before they read one of them.
 *
 * Returns: %TRUE when every count is within its limit
 */
gboolean
bc_bundle_check_counts (guint64   values,
                        guint64   changes,
                        guint64   comments,
                        guint64   steps,
                        GError  **error)
{
  return within (values, BC_LIMIT_VALUES, _("values"), error)
         && within (changes, BC_LIMIT_CHANGES, _("entries in the change log"), error)
         && within (comments, BC_LIMIT_COMMENTS, _("comments"), error)
         && within (steps, BC_LIMIT_STATUS_LOG, _("steps in the status history"), error);
}

/**
 * bc_bundle_check_size:
 *
 * bc_bundle_check_counts() on a bundle read into memory: what an import
 * checks, and what an export checks first, so that nobody is sent a
 * report file that cannot be opened.
 *
 * Returns: %TRUE when @bundle is within the limits
 */
gboolean
bc_bundle_check_size (BcBundle  *bundle,
                      GError   **error)
{
  return bc_bundle_check_counts (g_hash_table_size (bc_report_get_values (bundle->report)), bundle->changes->len,
                                 bundle->comments->len, bundle->status_log->len, error);
}

static gboolean
validate_values (BcReport  *report,
                 GError   **error)
{
  GHashTableIter iter;
  const char *key, *value;

  if (*bc_report_get_unit (report) == '\0' || *bc_report_get_period_from (report) == '\0'
      || *bc_report_get_period_to (report) == '\0')
    return invalid (error, _("the unit or the period is missing"));
  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      char *nfc;

      if (!g_utf8_validate (key, -1, NULL))
        return invalid (error, _("a key is not valid UTF-8"));
      /* Text enters as NFC, from a file as from the keyboard: "Đã kết
       * nối" decomposed is the choice it looks like. */
      if (g_utf8_validate (value, -1, NULL) && (nfc = g_utf8_normalize (value, -1, G_NORMALIZE_NFC)) != NULL)
        {
          if (g_str_equal (nfc, value))
            g_free (nfc);
          else
            {
              g_hash_table_iter_replace (&iter, nfc);
              value = nfc;
            }
        }
      if (!bc_store_validate_value (report, key, value, error))
        return FALSE;
    }
  /* Both are ISO dates by now, which compare as text. */
  if (strcmp (bc_report_get_period_from (report), bc_report_get_period_to (report)) > 0)
    return invalid (error, _("its period ends before it begins"));
  return TRUE;
}

static gboolean
validate_changes (GPtrArray  *changes,
                  GError    **error)
{
  for (guint i = 0; i < changes->len; i++)
    {
      BcChange *c = changes->pdata[i];

      if (!text_ok (c->key, FALSE) || !text_ok (c->actor, TRUE) || !time_ok (c->at)
          || !nullable_ok (c->old_value) || !nullable_ok (c->new_value) || !role_ok (c->role))
        return invalid (error, _("change %u is damaged"), i + 1);
    }
  return TRUE;
}

/* Every parent is an earlier comment that starts a thread, so threads are
 * one level deep and cannot loop. */
static gboolean
validate_comments (BcReport   *report,
                   GPtrArray  *comments,
                   GError    **error)
{
  g_autoptr(GHashTable) roots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < comments->len; i++)
    {
      BcComment *c = comments->pdata[i];

      if (!uuid_ok (c->uuid) || !g_hash_table_add (uuids, c->uuid)
          || !text_ok (c->author, FALSE) || c->text == NULL || *c->text == '\0' || !nullable_ok (c->text)
          || !time_ok (c->created)
          || !role_ok (c->role) || !nullable_time_ok (c->resolved_at) || !nullable_ok (c->resolved_by)
          || (c->parent_id != 0 && !g_hash_table_contains (roots, &c->parent_id)))
        return invalid (error, _("comment %u is damaged"), i + 1);
      if (!bc_review_validate_target (report, c->target, error))
        return FALSE;
      if (c->parent_id == 0)
        g_hash_table_add (roots, g_memdup2 (&c->id, sizeof c->id));
    }
  return TRUE;
}

static gboolean
validate_status_log (GPtrArray  *log,
                     GError    **error)
{
  for (guint i = 0; i < log->len; i++)
    {
      BcStatusChange *c = log->pdata[i];

      if (!text_ok (c->from_status, FALSE) || !g_strv_contains (statuses, c->from_status)
          || !text_ok (c->to_status, FALSE) || !g_strv_contains (statuses, c->to_status)
          || !text_ok (c->actor, TRUE) || !time_ok (c->at)
          || !role_ok (c->role) || !nullable_ok (c->reason))
        return invalid (error, _("step %u of the status history is damaged"), i + 1);
    }
  return TRUE;
}

/* The status a report claims is the one its history ends in: the last
 * step of the status log, or, in a log older than status logs, the last
 * change of "meta/status"; no history means a draft. */
static gboolean
validate_status (BcBundle  *bundle,
                 GError   **error)
{
  const char *status = bc_report_get_status (bundle->report);
  const char *history = "draft";

  if (bundle->status_log->len > 0)
    history = ((BcStatusChange *) g_ptr_array_index (bundle->status_log, bundle->status_log->len - 1))->to_status;
  else
    for (guint i = 0; i < bundle->changes->len; i++)
      {
        BcChange *c = bundle->changes->pdata[i];
        if (g_str_equal (c->key, "meta/status") && c->new_value != NULL)
          history = c->new_value;
      }
  if (!g_str_equal (status, history))
    return invalid (error, _("it is marked “%s” but its history ends in “%s”"), status, history);
  return TRUE;
}

/**
 * bc_bundle_validate:
 *
 * Checks everything before anything is written: every value against the
 * report's own template, as an edit would be, and every text of the logs.
 *
 * Returns: %TRUE when @bundle may be written into a library
 */
gboolean
bc_bundle_validate (BcBundle  *bundle,
                    GError   **error)
{
  BcReport *report = bundle->report;
  const char *uuid = bc_report_get_uuid (report);

  if (!bc_bundle_check_size (bundle, error))
    return FALSE;
  if (!uuid_ok (uuid))
    return invalid (error, _("its identity is damaged"));
  if (!time_ok (bc_report_get_created (report)) || !time_ok (bc_report_get_modified (report)))
    return invalid (error, _("its dates are damaged"));
  if (bundle->previous_uuid != NULL && !uuid_ok (bundle->previous_uuid))
    return invalid (error, _("its link to the previous period is damaged"));
  if (bundle->office != NULL
      && (!uuid_ok (bc_office_get_uuid (bundle->office))
          || !g_str_equal (bc_office_get_uuid (bundle->office), bc_report_get (report, "meta/office"))))
    return invalid (error, _("its office profile is not the one the report names"));
  if (bundle->office != NULL && !bc_office_validate (bundle->office, error))
    return FALSE;
  return validate_values (report, error)
         && validate_changes (bundle->changes, error)
         && validate_comments (report, bundle->comments, error)
         && validate_status_log (bundle->status_log, error)
         && validate_status (bundle, error);
}

static gboolean
insert_changes (BcStore    *self,
                gint64      id,
                GPtrArray  *changes,
                GError    **error)
{
  for (guint i = 0; i < changes->len; i++)
    {
      BcChange *c = changes->pdata[i];
      sqlite3_stmt *stmt = bc_store_prepare (self,
                                             "INSERT INTO change (report_id, batch, key, old, new, actor, role, at)"
                                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, c->batch);
      sqlite3_bind_text (stmt, 3, c->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, c->old_value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, c->new_value, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, c->actor, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, c->role ? c->role : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, c->at, -1, SQLITE_STATIC);
      if (!bc_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Comment ids are those of the library or file they came from: map them
 * to the new rows' ids. */
static gboolean
insert_comments (BcStore    *self,
                 gint64      id,
                 GPtrArray  *comments,
                 GError    **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < comments->len; i++)
    {
      BcComment *c = comments->pdata[i];
      gint64 *parent = c->parent_id ? g_hash_table_lookup (ids, &c->parent_id) : NULL;
      gint64 new_id;

      if (!bc_store_insert_comment (self, id, c, parent ? *parent : 0, &new_id, error))
        return FALSE;
      g_hash_table_insert (ids, g_memdup2 (&c->id, sizeof c->id), g_memdup2 (&new_id, sizeof new_id));
    }
  return TRUE;
}

static gboolean
insert_status_log (BcStore    *self,
                   gint64      id,
                   GPtrArray  *log,
                   GError    **error)
{
  for (guint i = 0; i < log->len; i++)
    if (!bc_store_insert_status_change (self, id, log->pdata[i], error))
      return FALSE;
  return TRUE;
}

static void
set_exists_error (BcStore  *self,
                  gint64    existing,
                  GError  **error)
{
  g_autoptr(BcReport) other = bc_store_open_report (self, existing, NULL);
  g_autofree char *title = other ? bc_report_dup_title (other) : g_strdup ("?");

  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS,
               _("The library already has this report (%s). Replace it, keep both, or compare them first."),
               title);
}

/* The same office made in another library: the same unit and bodies. */
static BcOffice *
find_same_office (BcStore   *self,
                  BcOffice  *office,
                  GError   **error)
{
  static const char * const identity[] = { "unit", "unit_kind", "supervising_body", "issuing_body", NULL };
  g_autoptr(GPtrArray) offices = bc_store_list_offices (self, error);

  for (guint i = 0; offices != NULL && i < offices->len; i++)
    {
      gboolean same = TRUE;
      for (guint j = 0; identity[j] && same; j++)
        same = g_str_equal (bc_office_get (offices->pdata[i], identity[j]), bc_office_get (office, identity[j]));
      if (same)
        return g_object_ref (offices->pdata[i]);
    }
  return NULL;
}

/* Links the report to this library's copy of its profile, inside the
 * write transaction: the profile of the same uuid, else the same office
 * under another uuid, else the file's profile, added. The library's
 * profile is left as it is: a file does not rewrite an office's identity.
 * A link to a profile the file does not carry is kept only where the
 * library has that profile. */
static gboolean
link_office (BcStore   *self,
             BcBundle  *bundle,
             GError   **error)
{
  BcReport *report = bundle->report;
  g_autoptr(BcOffice) found = NULL;
  g_autoptr(GError) local = NULL;

  if (bundle->office == NULL)
    {
      found = bc_store_find_office (self, bc_report_get (report, "meta/office"));
      if (found == NULL)
        bc_report_set_internal (report, "meta/office", NULL);
      return TRUE;
    }
  found = bc_store_find_office (self, bc_office_get_uuid (bundle->office));
  if (found == NULL && (found = find_same_office (self, bundle->office, &local)) == NULL)
    {
      if (local != NULL)
        return g_propagate_error (error, g_steal_pointer (&local)), FALSE;
      found = bc_office_copy (bundle->office);
      if (!bc_store_insert_office (self, found, error))
        return FALSE;
    }
  bc_report_set_internal (report, "meta/office", bc_office_get_uuid (found));
  return TRUE;
}

/* A received report is replaced only by its own office's newer version,
 * approved or not (bc-store-receive.c decides which is newer). */
static gboolean
insert_receipt (BcStore          *self,
                gint64            id,
                const BcReceipt  *receipt,
                GError          **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "INSERT OR REPLACE INTO received (report_id, sender, sent, received, file)"
                                         " VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, receipt->sender, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, receipt->sent, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, receipt->received, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, receipt->file, -1, SQLITE_STATIC);
  return bc_store_step_done (self, stmt, error);
}

static gint64
write_rows (BcStore          *self,
            BcBundle         *bundle,
            const char       *uuid,
            gint64            replace_id,
            const BcReceipt  *receipt,
            GError          **error)
{
  BcReport *report = bundle->report;
  gint64 previous_id = bundle->previous_uuid ? bc_store_find_report (self, bundle->previous_uuid) : 0;
  gint64 id = 0;

  if (previous_id == replace_id)
    previous_id = 0;
  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return 0;
  if ((replace_id > 0 && receipt == NULL && !bc_store_check_writable (self, replace_id, error))
      || !link_office (self, bundle, error)
      || !bc_store_insert_report (self, uuid, bc_report_get_template (report), bc_report_get_values (report),
                                  bc_report_get_created (report), bc_report_get_modified (report),
                                  previous_id, replace_id, &id, error)
      || !insert_changes (self, id, bundle->changes, error)
      || !insert_comments (self, id, bundle->comments, error)
      || !insert_status_log (self, id, bundle->status_log, error)
      || (receipt != NULL && !insert_receipt (self, id, receipt, error))
      || !bc_store_exec (self, "COMMIT", error))
    {
      bc_store_rollback (self);
      return 0;
    }
  return id;
}

static gboolean
is_received (BcStore *self,
             gint64   id)
{
  g_autofree char *sender = NULL;

  return bc_store_get_receipt (self, id, &sender, NULL, NULL) && sender != NULL;
}

/**
 * bc_store_write_bundle:
 * @bundle: a validated bundle
 * @match_period: also look for the report by template, unit and period,
 *   not only by uuid
 * @existing_id: (out) (optional): the report already in the library, or 0
 *
 * Adds the report to the library, or replaces the one it already has,
 * in one transaction.
 *
 * Returns: the report's id in the library, or 0 with @error set
 */
gint64
bc_store_write_bundle (BcStore       *self,
                       BcBundle      *bundle,
                       BcImportMode   mode,
                       gboolean       match_period,
                       gint64        *existing_id,
                       GError       **error)
{
  BcReport *report = bundle->report;
  g_autofree char *uuid = g_strdup (bc_report_get_uuid (report));
  gint64 existing = bc_store_find_report (self, uuid);
  gint64 replace_id = 0;
  gint64 id;

  if (existing == 0 && match_period)
    existing = bc_store_find_period_report (self, bc_template_get_id (bc_report_get_template (report)),
                                            bc_report_get_unit (report), bc_report_get_period_from (report),
                                            bc_report_get_period_to (report));
  if (existing_id != NULL)
    *existing_id = existing;
  if (existing != 0)
    {
      switch (mode)
        {
        case BC_IMPORT_REPLACE:
          replace_id = existing;
          break;
        case BC_IMPORT_KEEP_BOTH:
          g_free (uuid);
          uuid = g_uuid_string_random ();
          break;
        case BC_IMPORT_ASK:
        default:
          set_exists_error (self, existing, error);
          return 0;
        }
    }
  id = write_rows (self, bundle, uuid, replace_id, NULL, error);
  /* A received report keeps its own refusal: it is replaced by receiving. */
  if (id == 0 && replace_id > 0 && error && *error
      && g_error_matches (*error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY)
      && !is_received (self, replace_id))
    {
      g_clear_error (error);
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
                           _("The report in the library is approved: reopen it before replacing it, or keep both."));
    }
  return id;
}

/**
 * bc_store_write_received: (skip)
 * @replace_id: the received report this one replaces, or 0
 * @receipt: who sent it, when, in which file
 *
 * Adds a report received from a unit, or its newer version over the one
 * received before, with its receipt, in one transaction.
 *
 * Returns: the report's id in the library, or 0 with @error set
 */
gint64
bc_store_write_received (BcStore          *self,
                         BcBundle         *bundle,
                         gint64            replace_id,
                         const BcReceipt  *receipt,
                         GError          **error)
{
  return write_rows (self, bundle, bc_report_get_uuid (bundle->report), replace_id, receipt, error);
}

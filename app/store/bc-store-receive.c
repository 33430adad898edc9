/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bc-library.h"
#include "bc-limits.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-review.h"
#include "bc-store-consolidate.h"
#include "bc-store-private.h"
#include "bc-template.h"
#include "bc-text-utils.h"

/* A province library receives its units' report files many at a time:
 * each file is checked as bc_store_import_file() checks it, a refused
 * file never stops the others, and a received report stays its unit's
 * (read-only here, bc_store_check_writable()). */

void
bc_receive_result_free (BcReceiveResult *result)
{
  g_free (result->file);
  g_free (result->unit);
  g_free (result->why);
  g_free (result);
}

void
bc_expected_unit_free (BcExpectedUnit *unit)
{
  g_free (unit->unit);
  g_free (unit->status);
  g_free (unit->received);
  g_free (unit->sender);
  g_free (unit->deadline);
  g_free (unit);
}

/* The kinds of unit below a province that report to it. */
static gboolean
is_district_kind (const char *kind)
{
  static const char * const kinds[] = { "huyện", "thị xã", "quận", "thành phố", "đặc khu", NULL };

  return g_strv_contains (kinds, kind);
}

static GPtrArray *
units_from_profiles (BcStore  *self,
                     GError  **error)
{
  g_autoptr(GPtrArray) offices = bc_store_list_offices (self, error);
  GPtrArray *units;

  if (offices == NULL)
    return NULL;
  units = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < offices->len; i++)
    if (is_district_kind (bc_office_get (offices->pdata[i], "unit_kind")))
      {
        char *name = bc_office_dup_unit_name (offices->pdata[i]);
        if (!g_ptr_array_find_with_equal_func (units, name, g_str_equal, NULL))
          g_ptr_array_add (units, name);
        else
          g_free (name);
      }
  return units;
}

/**
 * bc_store_list_reporting_units:
 * @from_profiles: (out) (optional): set when the library has no list of
 *   its own and the units are those of its district profiles
 *
 * The units that report to this library: the list set with
 * bc_store_set_reporting_units(), else the units of its office profiles
 * of a district's kind (huyện, thị xã, quận, thành phố, đặc khu), in
 * Vietnamese order (bc_text_collate()).
 *
 * Returns: (transfer full): the units' names, or %NULL with @error set
 */
GStrv
bc_store_list_reporting_units (BcStore   *self,
                               gboolean  *from_profiles,
                               GError   **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  if ((stmt = bc_store_prepare (self, "SELECT unit FROM reporting_unit", error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (units, bc_store_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  if (from_profiles != NULL)
    *from_profiles = units->len == 0;
  if (units->len == 0)
    {
      g_ptr_array_unref (units);
      if ((units = units_from_profiles (self, error)) == NULL)
        return NULL;
    }
  g_ptr_array_sort (units, bc_text_compare_names);
  g_ptr_array_add (units, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&units), FALSE);
}

/* A unit's name as reports write it: NFC, trimmed, one line. */
static char *
normal_unit (const char  *unit,
             GError     **error)
{
  g_autofree char *name = g_utf8_normalize (unit, -1, G_NORMALIZE_NFC);

  if (name != NULL)
    g_strstrip (name);
  if (name == NULL || *name == '\0' || strlen (name) > 1000)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                   _("“%s” is not a unit's name"), unit);
      return NULL;
    }
  for (const char *p = name; *p; p++)
    if ((guchar) *p < 0x20)
      {
        g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                             _("A unit's name is one line, without control characters"));
        return NULL;
      }
  return g_steal_pointer (&name);
}

/**
 * bc_store_set_reporting_units:
 * @units: (array zero-terminated=1): the units; empty: back to the
 *   office profiles
 *
 * Replaces the library's list of the units that report to it.
 */
gboolean
bc_store_set_reporting_units (BcStore             *self,
                              const char * const  *units,
                              GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);

  if (g_strv_length ((char **) units) > BC_LIMIT_OFFICES)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE,
                   _("A library has at most %d reporting units"), BC_LIMIT_OFFICES);
      return FALSE;
    }
  if (!bc_store_check_can_write (self, error) || !bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!bc_store_exec (self, "DELETE FROM reporting_unit", error)
      || (stmt = bc_store_prepare (self, "INSERT OR IGNORE INTO reporting_unit (unit) VALUES (?)", error)) == NULL)
    return bc_store_rollback (self), FALSE;
  for (guint i = 0; units[i]; i++)
    {
      g_autofree char *name = normal_unit (units[i], error);

      if (name == NULL)
        return bc_store_rollback (self), FALSE;
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      if (!bc_store_step_done (self, stmt, error))
        return bc_store_rollback (self), FALSE;
    }
  if (!bc_store_exec (self, "COMMIT", error))
    return bc_store_rollback (self), FALSE;
  return TRUE;
}

/* The .baocao files of a folder, by name (in Vietnamese order: files
 * are named after their units); other files are not looked at. */
static gboolean
add_folder (GPtrArray   *files,
            const char  *path,
            GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".baocao"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, bc_text_compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_steal_pointer (&names->pdata[i]));
  return TRUE;
}

/* Who sent the report: its unit, and the person who last submitted it
 * (else who last changed it). */
static char *
sender_of (BcBundle *bundle)
{
  const char *unit = bc_report_get_unit (bundle->report);
  const char *actor = NULL;

  for (guint i = bundle->status_log->len; i-- > 0 && actor == NULL;)
    {
      const BcStatusChange *step = bundle->status_log->pdata[i];
      if (g_str_equal (step->to_status, "submitted"))
        actor = step->actor;
    }
  if (actor == NULL && bundle->changes->len > 0)
    actor = ((BcChange *) bundle->changes->pdata[bundle->changes->len - 1])->actor;
  return actor && *actor ? g_strdup_printf ("%s (%s)", unit, actor) : g_strdup (unit);
}

static gboolean
is_received (BcStore *self,
             gint64   id)
{
  g_autofree char *sender = NULL;

  return bc_store_get_receipt (self, id, &sender, NULL, NULL) && sender != NULL;
}

typedef struct
{
  BcStore      *store;
  GStrv         units;      /* the units that report to the library; empty: any */
  const char   *now;
  GHashTable   *months;     /* "YYYY-MM" of the reports received */
} Receiving;

/* Decides for one validated file: new, newer, the same, or refused. */
static void
receive_bundle (Receiving        *r,
                BcBundle         *bundle,
                const char       *path,
                BcReceiveResult  *result,
                GError          **error)
{
  BcReport *report = bundle->report;
  gint64 existing = bc_store_find_report (r->store, bc_report_get_uuid (report));
  g_autoptr(BcReport) held = NULL;
  g_autofree char *sender = sender_of (bundle);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) summary_error = NULL;
  BcReceipt receipt = { sender, bc_report_get_modified (report), r->now, name };
  int newer;

  result->unit = g_strdup (bc_report_get_unit (report));
  if (r->units[0] != NULL && !g_strv_contains ((const char * const *) r->units, result->unit))
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_ALLOWED,
                   _("%s is not one of the units that report to this library"), result->unit);
      return;
    }
  if (existing == 0)
    existing = bc_store_find_period_report (r->store, bc_template_get_id (bc_report_get_template (report)),
                                            result->unit, bc_report_get_period_from (report),
                                            bc_report_get_period_to (report));
  if (existing != 0 && !is_received (r->store, existing))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, existing);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS,
                   _("the library has its own report %s of this unit and period, not a received one"), id);
      return;
    }
  if (existing != 0 && (held = bc_store_open_report (r->store, existing, error)) == NULL)
    return;
  newer = held ? strcmp (bc_report_get_modified (report), bc_report_get_modified (held)) : 1;
  if (newer == 0 && g_str_equal (bc_report_get_uuid (report), bc_report_get_uuid (held)))
    {
      result->outcome = BC_RECEIVE_DUPLICATE;
      result->report_id = existing;
      return;
    }
  if (newer <= 0)
    {
      g_autofree char *when = bc_date_to_display (bc_report_get_modified (held));
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS,
                   _("an older version than the one received (changed %s)"), when);
      return;
    }
  result->report_id = bc_store_write_received (r->store, bundle, existing, &receipt, error);
  result->outcome = existing ? BC_RECEIVE_REPLACED : BC_RECEIVE_RECEIVED;
  if (result->report_id == 0)
    return;
  /* Its counts of findings stored now, in the thread that receives: the
   * units' list of the month reads them instead of checking each report.
   * Failing, they are made when the library is next listed. */
  if (!bc_library_summarize (r->store, result->report_id, &summary_error))
    g_debug ("summary of report %" G_GINT64_FORMAT " not made: %s", result->report_id, summary_error->message);
  g_hash_table_add (r->months, g_strndup (bc_report_get_period_to (report), 7));
}

/* The month after "YYYY-MM". */
static char *
next_month (const char *month)
{
  guint year = 0, m = 0;

  if (sscanf (month, "%4u-%2u", &year, &m) != 2)
    return g_strdup ("");
  return m == 12 ? g_strdup_printf ("%04u-01", year + 1) : g_strdup_printf ("%04u-%02u", year, m + 1);
}

/* The consolidated reports of the months received and of the months
 * after (their checks compare with the month before) are summarized
 * again: their findings follow the units' reports. */
static void
summarize_consolidated (Receiving *r)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = bc_store_prepare (r->store, "SELECT c.report_id FROM consolidation c"
                                         " JOIN report r ON r.id = c.report_id"
                                         " WHERE substr(r.period_to, 1, 7) IN (?, ?)", NULL);
  GHashTableIter iter;
  const char *month;

  if (stmt == NULL)
    return;
  g_hash_table_iter_init (&iter, r->months);
  while (g_hash_table_iter_next (&iter, (gpointer *) &month, NULL))
    {
      g_autofree char *next = next_month (month);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, month, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, next, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    bc_library_summarize (r->store, g_array_index (ids, gint64, i), NULL);
}

static BcReceiveResult *
receive_one (Receiving  *r,
             const char *path)
{
  BcReceiveResult *result = g_new0 (BcReceiveResult, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcBundle) bundle = NULL;
  g_autofree char *data = NULL;
  gsize length;

  result->file = g_strdup (path);
  if (bc_store_read_file_contents (path, &data, &length, &error)
      && (bundle = bc_store_read_file_bundle (path, (const guint8 *) data, length, &error)) != NULL)
    receive_bundle (r, bundle, path, result, &error);
  if (error != NULL)
    {
      result->outcome = BC_RECEIVE_REFUSED;
      result->report_id = 0;
      result->why = g_strdup (error->message);
    }
  return result;
}

/**
 * bc_store_receive_files:
 * @paths: (array zero-terminated=1): report files, and folders whose
 *   `.baocao` files are all received
 *
 * Receives each file as a report of a unit: checked as
 * bc_store_import_file() checks it, then added (new), put over the
 * version received before (newer), left alone (the same version), or
 * refused (a bad file, an older version, a unit that does not report to
 * this library, a report the library wrote itself). A refused file never
 * stops the others and changes nothing.
 *
 * Returns: (transfer full) (element-type BcReceiveResult): one result a
 *   file, in the order given (a folder's by name), or %NULL with @error
 *   set when the library cannot be written or a folder cannot be read
 */
GPtrArray *
bc_store_receive_files (BcStore             *self,
                        const char * const  *paths,
                        GError             **error)
{
  return bc_store_receive_files_full (self, paths, NULL, NULL, NULL, NULL, error);
}

/**
 * bc_store_receive_files_full:
 * @cancellable: (nullable): looked at before each file: once cancelled,
 *   the files not yet received are left alone
 * @progress: (nullable) (scope call): called after each file, in the
 *   calling thread
 * @n_files: (out) (optional): how many files there were to receive (more
 *   than the results when cancelled)
 *
 * bc_store_receive_files(), for a worker thread: the window's receiving
 * runs there with a store of its own.
 *
 * Returns: (transfer full) (element-type BcReceiveResult): one result a
 *   file received or refused before the cancellation, or %NULL with
 *   @error set
 */
GPtrArray *
bc_store_receive_files_full (BcStore                *self,
                             const char * const     *paths,
                             GCancellable           *cancellable,
                             BcReceiveProgressFunc   progress,
                             gpointer                user_data,
                             guint                  *n_files,
                             GError                **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_receive_result_free);
  g_auto(GStrv) units = NULL;
  g_autofree char *now = bc_store_now ();
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean from_profiles = FALSE;
  Receiving r = { self, NULL, now, months };

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  if (!bc_store_check_can_write (self, error)
      || (units = bc_store_list_reporting_units (self, &from_profiles, error)) == NULL)
    return NULL;
  /* A list the office set is a gate; units guessed from profiles are not
   * (a received report brings its unit's profile with it). */
  if (from_profiles)
    {
      g_strfreev (units);
      units = g_new0 (char *, 1);
    }
  r.units = units;
  for (guint i = 0; paths[i]; i++)
    if (!g_file_test (paths[i], G_FILE_TEST_IS_DIR))
      g_ptr_array_add (files, g_strdup (paths[i]));
    else if (!add_folder (files, paths[i], error))
      return NULL;
  if (n_files != NULL)
    *n_files = files->len;
  for (guint i = 0; i < files->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_ptr_array_add (results, receive_one (&r, files->pdata[i]));
      if (progress != NULL)
        progress (i + 1, files->len, user_data);
    }
  summarize_consolidated (&r);
  return g_steal_pointer (&results);
}

/**
 * bc_store_get_receipt:
 * @sender: (out) (transfer full): who sent it; %NULL when the report was
 *   not received
 * @received: (out) (optional) (transfer full): when, ISO
 */
gboolean
bc_store_get_receipt (BcStore  *self,
                      gint64    report_id,
                      char    **sender,
                      char    **received,
                      GError  **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT sender, received FROM received WHERE report_id = ?", error);
  int rc;

  *sender = NULL;
  if (received != NULL)
    *received = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *sender = bc_store_column_dup (stmt, 0);
      if (received != NULL)
        *received = bc_store_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * bc_store_dup_last_received_period:
 *
 * Returns: (transfer full) (nullable): the last day (ISO) of the period
 *   of the report received last, or %NULL when the library received none
 */
char *
bc_store_dup_last_received_period (BcStore *self)
{
  sqlite3_stmt *stmt;
  char *to = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self, "SELECT r.period_to FROM received c JOIN report r ON r.id = c.report_id"
                           " ORDER BY c.received DESC, r.period_to DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    to = bc_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return to;
}

/**
 * bc_receive_dup_summary:
 * @results: (element-type BcReceiveResult): what bc_store_receive_files()
 *   returned
 *
 * The one summary of a receipt, as the window shows it: the counts, then
 * each file refused with why, one a line.
 *
 * Returns: (transfer full): the text
 */
char *
bc_receive_dup_summary (GPtrArray *results)
{
  guint counts[BC_RECEIVE_REFUSED + 1] = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    counts[((BcReceiveResult *) results->pdata[i])->outcome]++;
  g_string_append_printf (text, ngettext ("%u file: %u received, %u replaced by a newer version, %u duplicates, %u refused",
                                          "%u files: %u received, %u replaced by a newer version, %u duplicates, %u refused",
                                          results->len),
                          results->len, counts[BC_RECEIVE_RECEIVED], counts[BC_RECEIVE_REPLACED],
                          counts[BC_RECEIVE_DUPLICATE], counts[BC_RECEIVE_REFUSED]);
  for (guint i = 0; i < results->len; i++)
    {
      const BcReceiveResult *r = results->pdata[i];
      g_autofree char *name = g_path_get_basename (r->file);

      if (r->outcome == BC_RECEIVE_REFUSED)
        g_string_append_printf (text, "\n%s: %s", name, r->why);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

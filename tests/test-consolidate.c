/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "bc-checker.h"
#include "bc-consolidate.h"
#include "bc-edit-session.h"
#include "bc-finding.h"
#include "bc-keys.h"
#include "bc-library.h"
#include "bc-number.h"
#include "bc-office.h"
#include "bc-report.h"
#include "bc-store-consolidate.h"
#include "bc-store-rollup.h"
#include "bc-template.h"
#include "bc-test-utils.h"

/* A province's report from its districts' reports: receiving their
 * files, the sums, each unit's part, overrides, a corrected report after
 * consolidation and the command line. The districts' reports are made
 * at test time in a district library of their own and sent as files:
 * unit i (1-based) reports 100·i report files, its catalog's row 1 with
 * 10 + i in total and i online, row 2 only for unit 1, row 3 not
 * applying to unit 2, row 4 for nobody. The fourth unit never reports. */

static const char * const units[] = { "Huyện An Hải", "Huyện Bắc Sơn", "Huyện Cam Lâm", "Huyện Đông Hà", NULL };

#define DISTRICT_FROM "2024-05-15"
#define DISTRICT_TO   "2024-06-14"
#define PROVINCE_FROM "2024-05-21"
#define PROVINCE_TO   "2024-06-20"

typedef struct
{
  char       *dir;
  char       *inbox;
  char       *library;
  BcStore    *store;       /* the province's library */
  BcStore    *district;    /* where the districts write their reports */
  BcTemplate *monthly;
  BcTemplate *province;
  BcOffice   *office;      /* the province's profile */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = bc_test_mkdtemp ();
  f->inbox = g_build_filename (f->dir, "inbox", NULL);
  g_assert_cmpint (g_mkdir (f->inbox, 0700), ==, 0);
  f->library = g_build_filename (f->dir, "province.db", NULL);
  f->store = bc_test_open_store (f->dir, "province.db");
  f->district = bc_test_open_store (f->dir, "district.db");
  f->monthly = bc_test_load_template ("district-monthly");
  f->province = bc_test_load_template ("province-monthly");
  f->office = bc_office_new ("Khánh Hòa", "tỉnh", &error);
  g_assert_no_error (error);
  g_assert_true (bc_store_add_office (f->store, f->office, &error));
  g_assert_true (bc_store_set_reporting_units (f->store, units, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->office);
  g_clear_object (&f->province);
  g_clear_object (&f->monthly);
  g_clear_object (&f->district);
  g_clear_object (&f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->inbox);
  g_free (f->library);
}

/* Unit @i's report for June 2024 in the district library. */
static BcReport *
make_district (Fixture *f,
               guint    i)
{
  g_autoptr(GError) error = NULL;
  BcReport *report = bc_store_create_report (f->district, f->monthly, units[i - 1], DISTRICT_FROM, DISTRICT_TO, &error);
  g_autofree char *dossiers = g_strdup_printf ("%u", 100 * i);
  g_autofree char *banked = g_strdup_printf ("%u", 10 * i), *welfare = g_strdup_printf ("%u", 20 * i);
  g_autofree char *total = g_strdup_printf ("%u", 10 + i), *online = g_strdup_printf ("%u", i);
  const char *kv[] = {
    "fig/cccd_dossiers", dossiers,
    "fig/welfare_bank_accounts", banked, "fig/welfare_bank_accounts/den", welfare,
    "tbl/dvc_district/1/total", total, "tbl/dvc_district/1/online", online,
    "tbl/dvc_district/2/total", i == 1 ? "7" : "", "tbl/dvc_district/2/online", i == 1 ? "7" : "",
    "tbl/dvc_district/3/total", "50", "tbl/dvc_district/3/applies", i == 2 ? "0" : "1",
    NULL
  };

  g_assert_no_error (error);
  bc_test_set_values (f->district, report, kv);
  return report;
}

static char *
save (Fixture    *f,
      BcReport   *report,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->inbox, name, NULL);

  g_assert_true (bc_store_export_file (f->district, bc_report_get_id (report), path, &error));
  g_assert_no_error (error);
  return path;
}

static GPtrArray *
receive (Fixture    *f,
         const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *paths[] = { path, NULL };
  GPtrArray *results = bc_store_receive_files (f->store, paths, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static const BcReceiveResult *
result_for (GPtrArray  *results,
            const char *name)
{
  for (guint i = 0; i < results->len; i++)
    {
      const BcReceiveResult *r = results->pdata[i];
      g_autofree char *base = g_path_get_basename (r->file);
      if (g_str_equal (base, name))
        return r;
    }
  g_assert_not_reached ();
}

/* Every row of every table: a refused file must change none. */
static char *
library_rows (Fixture *f)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *tables[] = { "report", "value", "change", "comment", "status_log", "office", "office_value",
                           "received", NULL };

  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *path = g_strdup (f->library);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", tables[i]);
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (text, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
write_bytes (const char *path,
             const char *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, (gssize) length, &error));
  g_assert_no_error (error);
}

static void
write_in (const char *dir,
          const char *name,
          const char *data,
          gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  write_bytes (path, data, length);
}

/* A folder with good, duplicate, newer, foreign, truncated and
 * newer-schema files: one summary, the bad ones refused each with its
 * reason, the library unchanged by them. */
static void
test_receive_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BcReport) a = make_district (f, 1), b = make_district (f, 2), c = make_district (f, 3);
  g_autofree char *pa = save (f, a, "a.baocao");
  g_autofree char *pb = save (f, b, "b.baocao"), *pb2 = save (f, b, "b-copy.baocao");
  g_autofree char *pc = save (f, c, "c.baocao");
  g_autofree char *pc2 = NULL, *contents = NULL, *bad = g_build_filename (f->dir, "bad", NULL);
  g_autofree char *before = NULL, *after = NULL, *sender = NULL, *when = NULL;
  g_autoptr(GPtrArray) results = NULL, again = NULL, refused = NULL;
  g_autoptr(GError) error = NULL;
  const char *edit[] = { "fig/cccd_dossiers", "999", NULL };
  gsize length;

  bc_test_set_values (f->district, c, edit);
  pc2 = save (f, c, "c-v2.baocao");
  g_assert_true (g_file_get_contents (pa, &contents, &length, &error));
  write_in (f->inbox, "foreign.baocao", "not a report\n", 13);
  write_in (f->inbox, "truncated.baocao", contents, length / 2);
  contents[63] = 99;   /* user_version: a newer Baocao's */
  write_in (f->inbox, "newer.baocao", contents, length);
  write_in (f->inbox, "notes.txt", "x", 1);

  results = receive (f, f->inbox);
  g_assert_cmpuint (results->len, ==, 8);
  g_assert_cmpint (result_for (results, "a.baocao")->outcome, ==, BC_RECEIVE_RECEIVED);
  g_assert_cmpint (result_for (results, "b-copy.baocao")->outcome, ==, BC_RECEIVE_RECEIVED);
  g_assert_cmpint (result_for (results, "b.baocao")->outcome, ==, BC_RECEIVE_DUPLICATE);
  g_assert_cmpint (result_for (results, "c-v2.baocao")->outcome, ==, BC_RECEIVE_RECEIVED);
  /* c.baocao sorts after c-v2.baocao: the older version is refused. */
  g_assert_cmpint (result_for (results, "c.baocao")->outcome, ==, BC_RECEIVE_REFUSED);
  g_assert_nonnull (strstr (result_for (results, "c.baocao")->why, "older"));
  g_assert_cmpint (result_for (results, "foreign.baocao")->outcome, ==, BC_RECEIVE_REFUSED);
  g_assert_cmpint (result_for (results, "truncated.baocao")->outcome, ==, BC_RECEIVE_REFUSED);
  g_assert_cmpint (result_for (results, "newer.baocao")->outcome, ==, BC_RECEIVE_REFUSED);
  g_assert_nonnull (strstr (result_for (results, "newer.baocao")->why, "newer"));
  g_assert_cmpstr (result_for (results, "a.baocao")->unit, ==, units[0]);

  /* Read-only here, with who sent it and when. */
  g_assert_true (bc_store_get_receipt (f->store, result_for (results, "a.baocao")->report_id, &sender, &when, &error));
  g_assert_nonnull (strstr (sender, units[0]));
  g_assert_nonnull (when);
  {
    g_autoptr(BcReport) held = bc_store_open_report (f->store, result_for (results, "a.baocao")->report_id, &error);
    g_autoptr(BcEditSession) session = NULL;
    BcEdit typed = { "fig/cccd_dossiers", "1" };

    g_assert_false (bc_store_set_value (f->store, held, "fig/cccd_dossiers", "1", &error));
    g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
    /* The window's session refuses the edit as it is typed. */
    session = bc_edit_session_new (f->library, held, &error);
    g_assert_no_error (error);
    g_assert_false (bc_edit_session_apply (session, &typed, 1, &error));
    g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY);
    g_assert_nonnull (strstr (error->message, units[0]));
    g_clear_error (&error);
  }

  /* The newer version over the one received. */
  g_assert_true (g_rename (pc2, bad) == 0);
  bc_test_set_values (f->district, c, (const char *[]) { "fig/cccd_dossiers", "1000", NULL });
  g_free (pc2), pc2 = save (f, c, "c-v3.baocao");
  again = receive (f, pc2);
  g_assert_cmpint (result_for (again, "c-v3.baocao")->outcome, ==, BC_RECEIVE_REPLACED);
  g_assert_cmpint (result_for (again, "c-v3.baocao")->report_id, ==, result_for (results, "c-v2.baocao")->report_id);

  /* The bad files alone change nothing at all. */
  before = library_rows (f);
  for (const char *name = "foreign.baocao"; name; name = NULL)
    {
      g_autofree char *p = g_build_filename (f->inbox, name, NULL);
      g_autoptr(GPtrArray) r = receive (f, p);
      g_assert_cmpint (((BcReceiveResult *) r->pdata[0])->outcome, ==, BC_RECEIVE_REFUSED);
    }
  refused = receive (f, pc);
  g_assert_cmpint (((BcReceiveResult *) refused->pdata[0])->outcome, ==, BC_RECEIVE_REFUSED);
  {
    g_autofree char *t = g_build_filename (f->inbox, "truncated.baocao", NULL);
    g_autofree char *n = g_build_filename (f->inbox, "newer.baocao", NULL);
    g_autoptr(GPtrArray) r1 = receive (f, t), r2 = receive (f, n);
  }
  after = library_rows (f);
  g_assert_cmpstr (before, ==, after);
}

/* A unit not on the library's list is refused. */
static void
test_receive_foreign_unit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_create_report (f->district, f->monthly, "Huyện Lạ", DISTRICT_FROM, DISTRICT_TO,
                                                       &error);
  g_autofree char *path = save (f, report, "x.baocao");
  g_autoptr(GPtrArray) results = receive (f, path);
  const BcReceiveResult *r = results->pdata[0];

  g_assert_cmpint (r->outcome, ==, BC_RECEIVE_REFUSED);
  g_assert_nonnull (strstr (r->why, "Huyện Lạ"));
}

static void
cancel_after_two (guint    done,
                  guint    total,
                  gpointer data)
{
  g_assert_cmpuint (total, ==, 3);
  if (done == 2)
    g_cancellable_cancel (data);
}

/* Receiving stops between two files when cancelled: the files looked at
 * are received, the others left alone, and it says how many there were. */
static void
test_receive_cancel (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { f->inbox, NULL };
  guint n_files = 0;

  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr(BcReport) report = make_district (f, i);
      g_autofree char *name = g_strdup_printf ("%u.baocao", i);
      g_free (save (f, report, name));
    }
  results = bc_store_receive_files_full (f->store, paths, cancellable, cancel_after_two, cancellable, &n_files, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_files, ==, 3);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (((BcReceiveResult *) results->pdata[1])->outcome, ==, BC_RECEIVE_RECEIVED);
  g_assert_cmpint (bc_store_find_period_report (f->store, "district-monthly", units[2], DISTRICT_FROM, DISTRICT_TO),
                   ==, 0);
  g_assert_cmpint (bc_store_find_period_report (f->store, "district-monthly", units[1], DISTRICT_FROM, DISTRICT_TO),
                   >, 0);
}

static void
receive_three (Fixture *f)
{
  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr(BcReport) report = make_district (f, i);
      g_autofree char *name = g_strdup_printf ("%u.baocao", i);
      g_autofree char *path = save (f, report, name);
      g_autoptr(GPtrArray) results = receive (f, path);
      g_assert_cmpint (((BcReceiveResult *) results->pdata[0])->outcome, ==, BC_RECEIVE_RECEIVED);
    }
}

static BcReport *
consolidate (Fixture   *f,
             BcRollup **sums)
{
  g_autoptr(GError) error = NULL;
  BcReport *report = bc_store_create_consolidated (f->store, f->province, f->office, PROVINCE_FROM, PROVINCE_TO, NULL,
                                                   sums, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gboolean
has_finding (GPtrArray  *findings,
             const char *rule,
             const char *needle)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (bc_finding_get_rule (findings->pdata[i]), rule)
        && (needle == NULL || strstr (bc_finding_get_message (findings->pdata[i]), needle) != NULL))
      return TRUE;
  return FALSE;
}

/* Sums row by row by catalog row id, rows not reported left out (blank,
 * never 0), additive figures and their denominators summed, a district's
 * 15th-to-14th month under the province's 21st-to-20th, the missing unit
 * named in a finding. */
static void
test_sums (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BcRollup) sums = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) other = bc_store_create_report (f->store, f->monthly, units[0], "2024-06-15", "2024-07-14", &error);

  receive_three (f);
  /* Another month of a unit is not summed. */
  bc_test_set_values (f->store, other, (const char *[]) { "fig/cccd_dossiers", "5000", NULL });
  report = consolidate (f, &sums);
  g_assert_cmpstr (bc_report_get (report, "fig/cccd_dossiers"), ==, "600");
  g_assert_cmpstr (bc_report_get (report, "fig/welfare_bank_accounts"), ==, "60");
  g_assert_cmpstr (bc_report_get (report, "fig/welfare_bank_accounts/den"), ==, "120");
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/1/total"), ==, "36");
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/1/online"), ==, "6");
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/2/total"), ==, "7");
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/3/total"), ==, "100");   /* unit 2's row does not apply */
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/4/total"), ==, "");      /* nobody: not 0 */
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/1/on_time"), ==, "");    /* no district has the column */
  g_assert_cmpstr (bc_report_get (report, "fig/portal_received"), ==, "");    /* not additive */
  g_assert_cmpstr (bc_report_get_period_from (report), ==, PROVINCE_FROM);

  missing = bc_consolidate_missing (sums);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (missing->pdata[0], ==, units[3]);
  findings = bc_store_check_report (f->store, report, NULL);
  g_assert_true (has_finding (findings, "consolidate.unit_missing", units[3]));
  g_assert_false (has_finding (findings, "consolidate.typed_over", NULL));
  g_assert_false (has_finding (findings, "rollup.stale", NULL));
}

/* Each consolidated value's parts: the value of every unit that gave
 * one; the others did not report it. */
static void
test_drill_down (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) parts = NULL, row3 = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) covered = NULL;

  receive_three (f);
  report = consolidate (f, NULL);
  g_assert_true (bc_store_is_consolidated (f->store, bc_report_get_id (report), &covered, NULL));
  g_assert_cmpuint (g_strv_length (covered), ==, 4);
  parts = bc_store_get_parts (f->store, bc_report_get_id (report), "tbl/dvc25/1/total", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const BcRollupPart *part = parts->pdata[i];
      g_autofree char *expected = g_strdup_printf ("%u", 11 + i);
      g_assert_cmpstr (part->unit, ==, units[i]);
      g_assert_cmpstr (part->value, ==, expected);
      g_assert_cmpint (part->report_id, >, 0);
    }
  row3 = bc_store_get_parts (f->store, bc_report_get_id (report), "tbl/dvc25/3/total", &error);
  g_assert_cmpuint (row3->len, ==, 2);
  g_assert_cmpstr (((BcRollupPart *) row3->pdata[1])->unit, ==, units[2]);
}

/* Typed over with a reason: kept, and shown to the reviewer; typed over
 * without one: a warning. */
static void
test_override (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) overrides = NULL, findings = NULL;
  g_autoptr(GError) error = NULL;

  receive_three (f);
  report = consolidate (f, NULL);
  g_assert_false (bc_store_override (f->store, report, "tbl/dvc25/1/total", "40", "  ", &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (bc_store_override (f->store, report, "fig/portal_received", "40", "vì", &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (bc_store_override (f->store, report, "tbl/dvc25/1/total", "40", "Sở Tư pháp báo thêm 4 hồ sơ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/1/total"), ==, "40");
  overrides = bc_store_list_overrides (f->store, bc_report_get_id (report), &error);
  g_assert_cmpuint (overrides->len, ==, 1);
  g_assert_cmpstr (((BcOverride *) overrides->pdata[0])->reason, ==, "Sở Tư pháp báo thêm 4 hồ sơ");
  g_assert_true (bc_store_set_value (f->store, report, "fig/cccd_dossiers", "601", &error));
  findings = bc_store_check_report (f->store, report, NULL);
  g_assert_true (has_finding (findings, "consolidate.overridden", "Sở Tư pháp báo thêm 4 hồ sơ"));
  g_assert_true (has_finding (findings, "consolidate.typed_over", "601"));
  g_assert_false (has_finding (findings, "consolidate.typed_over", "40"));
}

/* A district's corrected report after consolidation: the changed values
 * are listed, and taken only when asked, with their parts. */
static void
test_corrected (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BcReport) report = NULL, fresh = NULL, second = NULL;
  g_autoptr(GPtrArray) stale = NULL, after = NULL, parts = NULL, findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n = 0;

  receive_three (f);
  report = consolidate (f, NULL);
  second = bc_store_open_report (f->district, bc_store_find_period_report (f->district, "district-monthly", units[1],
                                                                           DISTRICT_FROM, DISTRICT_TO), &error);
  /* Unit 2 corrects its row 1 and sends the file again. */
  bc_test_set_values (f->district, second, (const char *[]) { "tbl/dvc_district/1/total", "30", NULL });
  path = save (f, second, "2-corrected.baocao");
  g_ptr_array_unref (receive (f, path));
  stale = bc_store_rollup_stale (f->store, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stale->len, ==, 1);
  g_assert_cmpstr (((BcRollupStale *) stale->pdata[0])->key, ==, "tbl/dvc25/1/total");
  g_assert_cmpstr (((BcRollupStale *) stale->pdata[0])->rolled, ==, "36");
  g_assert_cmpstr (((BcRollupStale *) stale->pdata[0])->now, ==, "54");
  findings = bc_store_check_report (f->store, report, NULL);
  g_assert_true (has_finding (findings, "rollup.stale", "đơn vị"));
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc25/1/total"), ==, "36");   /* not by itself */

  g_assert_true (bc_store_rollup_update (f->store, report, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  fresh = bc_store_open_report (f->store, bc_report_get_id (report), &error);
  g_assert_cmpstr (bc_report_get (fresh, "tbl/dvc25/1/total"), ==, "54");
  after = bc_store_rollup_stale (f->store, fresh, NULL, &error);
  g_assert_cmpuint (after->len, ==, 0);
  parts = bc_store_get_parts (f->store, bc_report_get_id (report), "tbl/dvc25/1/total", &error);
  g_assert_cmpstr (((BcRollupPart *) parts->pdata[1])->value, ==, "30");
}

static BcFinding *
find_finding (GPtrArray  *findings,
              const char *rule,
              const char *needle)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (bc_finding_get_rule (findings->pdata[i]), rule)
        && (needle == NULL || strstr (bc_finding_get_message (findings->pdata[i]), needle) != NULL))
      return findings->pdata[i];
  return NULL;
}

/* The counts of findings of a unit's report in the month's list, as the
 * library keeps them (no report is checked to list them). */
static const BcExpectedUnit *
expected_of (GPtrArray *list,
             guint      i)
{
  for (guint n = 0; n < list->len; n++)
    if (g_str_equal (((BcExpectedUnit *) list->pdata[n])->unit, units[i - 1]))
      return list->pdata[n];
  g_assert_not_reached ();
}

static GPtrArray *
list_expected (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCalendar) calendar = bc_calendar_new ();
  GPtrArray *list = bc_store_list_expected (f->store, f->province, PROVINCE_TO, calendar, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* What the checks find in the library's report @id now. */
static void
check_now (Fixture *f,
           gint64   id,
           int     *errors,
           int     *warnings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_open_report (f->store, id, &error);
  g_autoptr(BcReport) previous = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  g_assert_no_error (error);
  if (bc_report_get_previous_id (report) > 0)
    previous = bc_store_open_report (f->store, bc_report_get_previous_id (report), NULL);
  findings = bc_store_check_report (f->store, report, previous);
  *errors = (int) bc_check_count (findings, BC_SEVERITY_ERROR, FALSE);
  *warnings = (int) bc_check_count (findings, BC_SEVERITY_WARNING, FALSE);
}

static void
assert_summary (Fixture *f,
                gint64   id,
                int      errors,
                int      warnings)
{
  g_autoptr(GError) error = NULL;
  BcReportSummary *s = bc_library_get (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (s->errors, ==, errors);
  g_assert_cmpint (s->warnings, ==, warnings);
  bc_report_summary_free (s);
}

/* Receiving stores a report's counts of findings, and the month's list
 * reads them: a report received with two errors (online above total)
 * lists 2, its corrected version 0, as the checks find them; a report
 * changed since it was counted lists none (-1), never old counts. The
 * province report's counts follow its units' reports: a corrected one
 * received adds its stale value, the update takes it away. */
static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BcReport) first = make_district (f, 1), second = make_district (f, 2);
  g_autoptr(BcReport) province = NULL, updated = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *again = NULL, *other = NULL, *sql = NULL;
  int errors, warnings, province_errors, province_warnings, stale_warnings;
  gint64 id;
  sqlite3 *db = NULL;

  bc_test_set_values (f->district, first, (const char *[]) { "tbl/dvc_district/1/online", "50",
                                                             "tbl/dvc_district/3/online", "60", NULL });
  path = save (f, first, "1.baocao");
  other = save (f, second, "2.baocao");
  g_ptr_array_unref (receive (f, path));
  g_ptr_array_unref (receive (f, other));
  list = list_expected (f);
  id = expected_of (list, 1)->report_id;
  g_assert_cmpint (id, >, 0);
  check_now (f, id, &errors, &warnings);
  g_assert_cmpint (errors, ==, 2);
  g_assert_cmpint (expected_of (list, 1)->errors, ==, 2);
  g_assert_cmpint (expected_of (list, 1)->warnings, ==, warnings);
  check_now (f, expected_of (list, 2)->report_id, &errors, &warnings);
  g_assert_cmpint (expected_of (list, 2)->errors, ==, errors);
  g_assert_cmpint (expected_of (list, 2)->warnings, ==, warnings);
  g_assert_cmpint (expected_of (list, 3)->errors, ==, -1);   /* missing */

  province = consolidate (f, NULL);
  g_assert_true (bc_library_refresh (f->store, NULL, &error));
  check_now (f, bc_report_get_id (province), &province_errors, &province_warnings);
  assert_summary (f, bc_report_get_id (province), province_errors, province_warnings);

  /* Corrected and sent again: the list gives the new counts at once. */
  g_usleep (1100 * 1000);   /* a later change time than the one received */
  bc_test_set_values (f->district, first, (const char *[]) { "tbl/dvc_district/1/online", "1",
                                                             "tbl/dvc_district/3/online", "", NULL });
  again = save (f, first, "1-corrected.baocao");
  g_ptr_array_unref (receive (f, again));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_expected (f);
  g_assert_cmpint (expected_of (list, 1)->report_id, ==, id);
  check_now (f, id, &errors, &warnings);
  g_assert_cmpint (errors, ==, 0);
  g_assert_cmpint (expected_of (list, 1)->errors, ==, 0);
  g_assert_cmpint (expected_of (list, 1)->warnings, ==, warnings);

  /* The province report: one more warning (its value the corrected
   * report changed), gone once updated. */
  check_now (f, bc_report_get_id (province), &errors, &warnings);
  g_assert_cmpint (warnings, >, province_warnings);
  assert_summary (f, bc_report_get_id (province), errors, warnings);
  stale_warnings = warnings;
  g_assert_true (bc_store_rollup_update (f->store, province, NULL, NULL, &error));
  g_assert_no_error (error);
  check_now (f, bc_report_get_id (province), &errors, &warnings);
  g_assert_cmpint (warnings, <, stale_warnings);
  assert_summary (f, bc_report_get_id (province), errors, warnings);

  /* Changed since it was counted (by another program): not counted. */
  sql = g_strdup_printf ("UPDATE report SET modified = '2099-01-01T00:00:00Z' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpint (sqlite3_open (f->library, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_expected (f);
  g_assert_cmpint (expected_of (list, 1)->errors, ==, -1);
  g_assert_cmpint (expected_of (list, 1)->warnings, ==, -1);
  g_assert_cmpint (expected_of (list, 2)->errors, >=, 0);
}

/* Units in Vietnamese order wherever they are listed, not in the bytes'
 * (where "Sa Thầy" comes before "Đắk Hà"): the reporting units (the
 * units window, baocao units and expected), the units of a consolidation
 * (the units missing, the DOCX's annex and the XLSX's groups by unit),
 * and each value's parts. */
static void
test_unit_order (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const kon_tum[] = { "Huyện Sa Thầy", "Thành phố Kon Tum", "Huyện Đắk Hà", "Huyện Ngọc Hồi",
                                          "Huyện Đăk Glei", "Huyện Diên Khánh", NULL };
  static const char * const ordered[] = { "Huyện Diên Khánh", "Huyện Đăk Glei", "Huyện Đắk Hà", "Huyện Ngọc Hồi",
                                          "Huyện Sa Thầy", "Thành phố Kon Tum", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcRollup) sums = NULL;
  g_autoptr(BcReport) province = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_auto(GStrv) listed = NULL;

  g_assert_true (bc_store_set_reporting_units (f->store, kon_tum, &error));
  listed = bc_store_list_reporting_units (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (listed, ordered);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(BcReport) report = bc_store_create_report (f->district, f->monthly, kon_tum[i], DISTRICT_FROM,
                                                           DISTRICT_TO, &error);
      g_assert_no_error (error);
      bc_test_set_values (f->district, report, (const char *[]) { "tbl/dvc_district/1/total", "10", NULL });
    }
  province = bc_store_create_consolidated (f->district, f->province, f->office, PROVINCE_FROM, PROVINCE_TO, kon_tum,
                                           &sums, &error);
  g_assert_no_error (error);
  for (guint i = 0; ordered[i]; i++)
    g_assert_cmpstr (sums->unit_names->pdata[i], ==, ordered[i]);
  parts = bc_store_get_parts (f->district, bc_report_get_id (province), "tbl/dvc25/1/total", &error);
  g_assert_cmpuint (parts->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpstr (((BcRollupPart *) parts->pdata[i])->unit, ==, ordered[i + 1]);
}

/* A figure the province template does not sum (its own count, or a
 * running total) is left blank by consolidation, and said so: a warning
 * naming it, to be filled in by hand; gone once it is filled in. An
 * additive figure, and a figure of a report not consolidated, is not. */
static void
test_not_summed (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BcReport) report = NULL, own = NULL;
  g_autoptr(GPtrArray) findings = NULL, after = NULL, plain = NULL;
  g_autoptr(GError) error = NULL;
  BcFinding *finding;

  receive_three (f);
  report = consolidate (f, NULL);
  findings = bc_store_check_report (f->store, report, NULL);
  finding = find_finding (findings, "consolidate.not_summed", "Hồ sơ Cổng dịch vụ công tỉnh đã tiếp nhận");
  g_assert_nonnull (finding);
  g_assert_cmpstr (bc_finding_get_location (finding), ==, "fig/portal_received");
  g_assert_cmpint (bc_finding_get_severity (finding), ==, BC_SEVERITY_WARNING);
  g_assert_nonnull (strstr (bc_finding_get_message (finding), "nhập tay"));
  finding = find_finding (findings, "consolidate.not_summed", "Dịch vụ công trực tuyến toàn trình");
  g_assert_nonnull (finding);
  g_assert_nonnull (strstr (bc_finding_get_message (finding), "lũy kế"));
  g_assert_null (find_finding (findings, "consolidate.not_summed", "Hồ sơ cấp thẻ CCCD thu nhận"));

  bc_test_set_values (f->store, report, (const char *[]) { "fig/portal_received", "1200", NULL });
  after = bc_store_check_report (f->store, report, NULL);
  g_assert_null (find_finding (after, "consolidate.not_summed", "Hồ sơ Cổng dịch vụ công tỉnh đã tiếp nhận"));
  g_assert_nonnull (find_finding (after, "consolidate.not_summed", "Dịch vụ công trực tuyến toàn trình"));

  own = bc_store_create_report (f->store, f->province, "Khánh Hòa", "2024-06-21", "2024-07-20", &error);
  g_assert_no_error (error);
  plain = bc_store_check_report (f->store, own, NULL);
  g_assert_null (find_finding (plain, "consolidate.not_summed", NULL));
}

/* Unit @i's report of a month with its running total of elderly
 * members, sent and received. */
static void
send_month (Fixture    *f,
            guint       i,
            const char *from,
            const char *to,
            const char *members)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autofree char *name = g_strdup_printf ("%u-%s.baocao", i, to);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) results = NULL;

  if (g_str_equal (from, DISTRICT_FROM))
    report = make_district (f, i);
  else
    report = bc_store_create_report (f->district, f->monthly, units[i - 1], from, to, &error);
  g_assert_no_error (error);
  bc_test_set_values (f->district, report, (const char *[]) { "fig/members_elderly", members, NULL });
  path = save (f, report, name);
  results = receive (f, path);
  g_assert_cmpint (((BcReceiveResult *) results->pdata[0])->outcome, ==, BC_RECEIVE_RECEIVED);
}

/* Across periods: a unit's running total below its previous month's
 * (a warning naming the unit), a unit missing two months in a row (named
 * so, instead of the plain missing finding); both explainable. A unit
 * missing only now, or a library that received nothing the month before,
 * says neither. */
static void
test_across_periods (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BcReport) report = NULL, again = NULL;
  g_autoptr(GPtrArray) findings = NULL, first = NULL, explained = NULL;
  g_autoptr(GError) error = NULL;
  BcFinding *falls, *twice;
  g_autofree char *expl_falls = NULL, *expl_twice = NULL;
  guint n = 0;

  /* June alone first: no month before, no finding across periods. */
  send_month (f, 3, DISTRICT_FROM, DISTRICT_TO, "90");
  report = consolidate (f, NULL);
  first = bc_store_check_report (f->store, report, NULL);
  g_assert_null (find_finding (first, "consolidate.unit_missing_twice", NULL));
  g_assert_nonnull (find_finding (first, "consolidate.unit_missing", units[3]));

  /* May: units 1 and 2 reported; 3 and 4 did not. */
  send_month (f, 1, "2024-04-15", "2024-05-14", "500");
  send_month (f, 2, "2024-04-15", "2024-05-14", "200");
  send_month (f, 1, DISTRICT_FROM, DISTRICT_TO, "400");
  send_month (f, 2, DISTRICT_FROM, DISTRICT_TO, "250");
  g_assert_true (bc_store_rollup_update (f->store, report, NULL, &n, &error));
  g_assert_no_error (error);
  again = bc_store_open_report (f->store, bc_report_get_id (report), &error);
  findings = bc_store_check_report (f->store, again, NULL);

  falls = find_finding (findings, "consolidate.unit_falls", units[0]);
  g_assert_nonnull (falls);
  g_assert_cmpstr (bc_finding_get_location (falls), ==, "fig/members_elderly");
  g_assert_nonnull (strstr (bc_finding_get_message (falls), "400"));
  g_assert_nonnull (strstr (bc_finding_get_message (falls), "05/2024 (500)"));
  g_assert_null (find_finding (findings, "consolidate.unit_falls", units[1]));   /* 200 → 250 */
  twice = find_finding (findings, "consolidate.unit_missing_twice", units[3]);
  g_assert_nonnull (twice);
  g_assert_nonnull (strstr (bc_finding_get_message (twice), "05/2024 và tháng 06/2024"));
  g_assert_null (find_finding (findings, "consolidate.unit_missing", units[3]));
  g_assert_null (find_finding (findings, "consolidate.unit_missing_twice", units[2]));   /* reported now */

  /* Explained like any finding: the explanation is a value of the report. */
  expl_falls = bc_key_explanation (bc_finding_get_id (falls));
  expl_twice = bc_key_explanation (bc_finding_get_id (twice));
  bc_test_set_values (f->store, again, (const char *[]) { expl_falls, "Huyện rà soát, loại hội viên trùng",
                                                          expl_twice, "Huyện đang sáp nhập", NULL });
  explained = bc_store_check_report (f->store, again, NULL);
  g_assert_true (bc_finding_get_explained (find_finding (explained, "consolidate.unit_falls", units[0])));
  g_assert_true (bc_finding_get_explained (find_finding (explained, "consolidate.unit_missing_twice", units[3])));
}

/* The command line: exit statuses and what it prints. */
static int
run (Fixture  *f,
     char    **out,
     char    **err,
     ...)
{
  va_list args;
  int status;

  g_free (*out), g_free (*err);
  *out = *err = NULL;
  va_start (args, err);
  status = bc_test_run_cli_valist (f->library, out, err, args);
  va_end (args);
  return status;
}

/* The XLSX of a consolidated report, read back by openpyxl: beside each
 * table's sheet, one by unit, the total then a column group per unit,
 * blank where a unit did not report. */
static void
check_xlsx (Fixture    *f,
            const char *id)
{
  g_autofree char *out = NULL, *err = NULL, *xlsx = g_build_filename (f->dir, "province.xlsx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "xlsx-dump.py", NULL);
  const char *python = g_getenv ("BC_TEST_PYTHON") ? g_getenv ("BC_TEST_PYTHON") : "python3";
  const char *argv[] = { python, script, xlsx, "Phụ lục II theo đơn vị", "6", NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_cmpint (run (f, &out, &err, "export", id, "--xlsx", xlsx, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77 && g_getenv ("CI") == NULL)
    {
      g_test_skip ("openpyxl is not installed");
      return;
    }
  g_assert_cmpint (WIFEXITED (status) ? WEXITSTATUS (status) : -1, ==, 0);
  /* The printed sheets, then each summed table by unit, then the plain
   * upload sheets. */
  g_assert_true (g_str_has_prefix (out, "Phụ lục II|Phụ lục III|Phụ lục II theo đơn vị|Phụ lục III theo đơn vị|"
                                        "Phụ lục II (tải lên)|Phụ lục III (tải lên)\n"));
  /* Four count columns a group: total, online, on time, overdue. */
  g_assert_nonnull (strstr (out, "\nSTT\tNội dung\tToàn tỉnh\t\t\t\tHuyện An Hải\t\t\t\tHuyện Bắc Sơn\t\t\t\t"
                                 "Huyện Cam Lâm\t\t\t\tHuyện Đông Hà\n"));
  g_assert_nonnull (strstr (out, "\n1\tXác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân"
                                 "\t25\t3\t\t\t11\t1\t\t\t12\t2\n"));
}

/* The DOCX of a consolidated report, read back by python-docx: the
 * units that did not report named before the text, and after Phụ lục II
 * the same table by unit (the template asks for it), each unit's rows
 * with its values, a unit without report said so. */
static void
check_docx (Fixture    *f,
            const char *id)
{
  g_autofree char *out = NULL, *err = NULL, *path = g_build_filename (f->dir, "province.docx", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "docx-dump.py", NULL);
  const char *python = g_getenv ("BC_TEST_PYTHON") ? g_getenv ("BC_TEST_PYTHON") : "python3";
  const char *argv[] = { python, script, path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_cmpint (run (f, &out, &err, "export", id, "--docx", path, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77 && g_getenv ("CI") == NULL)
    {
      g_test_skip ("python-docx is not installed");
      return;
    }
  g_assert_cmpint (WIFEXITED (status) ? WEXITSTATUS (status) : -1, ==, 0);
  g_assert_nonnull (strstr (out, "\nSố liệu trong báo cáo được tổng hợp từ báo cáo của 2/4 đơn vị; "
                                 "chưa nhận được báo cáo của Huyện Cam Lâm, Huyện Đông Hà.\n"));
  g_assert_nonnull (strstr (out, "\nPhụ lục II theo đơn vị\n"));
  g_assert_null (strstr (out, "\nPhụ lục III theo đơn vị\n"));   /* its template does not ask for one */
  g_assert_nonnull (strstr (out, "\nSTT\tĐơn vị / Nội dung\tTổng số hồ sơ tiếp nhận\tTrực tuyến\tĐúng hạn\tQuá hạn\n"
                                 "1\tHuyện An Hải\n"
                                 "1\tXác nhận số Chứng minh nhân dân khi đã được cấp thẻ Căn cước công dân\t11\t1\t\t\n"
                                 "2\tCấp lại, đổi thẻ căn cước công dân\t7\t7\t\t\n"
                                 "3\tĐăng ký thường trú\t50\t\t\t\n"
                                 "2\tHuyện Bắc Sơn\n"));
  g_assert_nonnull (strstr (out, "\n4\tHuyện Đông Hà\n\tChưa báo cáo\n"));
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL, *id = NULL, *path = NULL, *bad = NULL;
  g_autoptr(BcReport) first = make_district (f, 1), second = make_district (f, 2);

  /* units */
  g_assert_cmpint (run (f, &out, &err, "units", NULL), ==, 0);
  g_assert_nonnull (strstr (out, units[3]));
  g_assert_cmpint (run (f, &out, &err, "units", "add", NULL), ==, 64);
  g_assert_cmpint (run (f, &out, &err, "units", "frobnicate", "x", NULL), ==, 64);

  /* receive: nothing to receive yet is no usage */
  g_assert_cmpint (run (f, &out, &err, "receive", NULL), ==, 64);
  g_assert_cmpint (run (f, &out, &err, "consolidate", "--template", "province-monthly", "--period", "06/2024", NULL), ==, 3);
  g_assert_nonnull (strstr (err, "None of the 4 units"));
  path = save (f, first, "1.baocao");
  g_free (save (f, second, "2.baocao"));
  bad = g_build_filename (f->inbox, "3.baocao", NULL);
  write_bytes (bad, "garbage", 7);
  g_assert_cmpint (run (f, &out, &err, "receive", f->inbox, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "received\t"));
  g_assert_nonnull (strstr (out, "refused\t"));
  g_assert_nonnull (strstr (err, "3 files: 2 received, 0 replaced by a newer version, 0 duplicates, 1 refused"));
  g_assert_cmpint (g_remove (bad), ==, 0);
  g_assert_cmpint (run (f, &out, &err, "receive", f->inbox, NULL), ==, 0);
  g_assert_nonnull (strstr (err, "2 duplicates"));
  g_assert_cmpint (run (f, &out, &err, "receive", f->inbox, "--library", "/nonexistent/x.db", NULL), ==, 3);
  /* A received report is replaced only by receiving it again. */
  g_assert_cmpint (run (f, &out, &err, "open-file", path, "--replace", NULL), ==, 3);
  g_assert_nonnull (strstr (err, "received from Huyện An Hải"));

  /* expected */
  g_assert_cmpint (run (f, &out, &err, "expected", "--template", "province-monthly", "--period", "06/2024", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "missing\tHuyện Cam Lâm"));
  g_assert_nonnull (strstr (out, "\tHuyện An Hải\t"));

  /* consolidate */
  g_assert_cmpint (run (f, &out, &err, "consolidate", "--template", "province-monthly", "--period", "13/2024", NULL), ==, 64);
  g_assert_cmpint (run (f, &out, &err, "consolidate", "--template", "province-monthly", NULL), ==, 64);
  g_assert_cmpint (run (f, &out, &err, "consolidate", "--template", "province-monthly", "--period", "06/2024", NULL), ==, 0);
  id = g_strstrip (g_strdup (out));
  g_assert_nonnull (strstr (err, "no report of Huyện Cam Lâm"));
  g_assert_nonnull (strstr (err, "no report of Huyện Đông Hà"));

  /* parts */
  g_assert_cmpint (run (f, &out, &err, "parts", id, "tbl/dvc25/1/total", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "total\t23\nHuyện An Hải\t11\t1\nHuyện Bắc Sơn\t12\t2\n"
                   "Huyện Cam Lâm\t-\tnot reported\nHuyện Đông Hà\t-\tnot reported\n");
  g_assert_cmpint (run (f, &out, &err, "parts", id, NULL), ==, 64);
  g_assert_cmpint (run (f, &out, &err, "parts", "1", "tbl/dvc25/1/total", NULL), ==, 3);

  /* override */
  g_assert_cmpint (run (f, &out, &err, "override", id, "--key", "tbl/dvc25/1/total", "--value", "25", NULL), ==, 64);
  g_assert_cmpint (run (f, &out, &err, "override", id, "--key", "tbl/dvc25/1/total", "--value", "25",
                        "--reason", "thêm 2 hồ sơ", NULL), ==, 0);
  g_assert_cmpint (run (f, &out, &err, "check", id, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "thêm 2 hồ sơ"));

  /* a corrected report, then --update */
  bc_test_set_values (f->district, first, (const char *[]) { "fig/cccd_dossiers", "150", NULL });
  g_free (path), path = save (f, first, "1.baocao");
  g_assert_cmpint (run (f, &out, &err, "receive", path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "replaced\t"));
  g_assert_cmpint (run (f, &out, &err, "expected", "--template", "province-monthly", "--period", "06/2024", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "sent again after consolidation"));
  g_assert_cmpint (run (f, &out, &err, "consolidate", "--template", "province-monthly", "--period", "06/2024", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "fig/cccd_dossiers\t300\t350\t300\t"));
  g_assert_cmpint (run (f, &out, &err, "consolidate", "--template", "province-monthly", "--period", "06/2024",
                        "--update", NULL), ==, 0);
  g_assert_cmpint (run (f, &out, &err, "consolidate", "--template", "province-monthly", "--period", "06/2024", NULL), ==, 0);
  g_assert_cmpint (run (f, &out, &err, "parts", id, "fig/cccd_dossiers", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "total\t350\nHuyện An Hải\t150\t"));
  check_xlsx (f, id);
  check_docx (f, id);
}

/* The province's report written by hand before the units' reports came
 * (the To Do list offers it on the first day): the command line asks for
 * --update, which fills what the report left empty with the sums, keeps
 * what the clerk typed (a figure shown as typed over its sum, her text)
 * and follows it as a consolidated report from then on. Twice: refused. */
static void
test_into (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) own = NULL, again = NULL;
  g_autoptr(GPtrArray) findings = NULL, stale = NULL;
  g_autofree char *out = NULL, *err = NULL, *id = NULL;

  receive_three (f);
  own = bc_store_create_report_for_office (f->store, f->province, f->office, PROVINCE_FROM, PROVINCE_TO, &error);
  g_assert_no_error (error);
  bc_test_set_values (f->store, own, (const char *[]) { "fig/cccd_dossiers", "590", "sec/next_tasks/p1/text",
                                                        "Tiếp tục triển khai Đề án 06.", NULL });
  id = g_strdup_printf ("%" G_GINT64_FORMAT, bc_report_get_id (own));
  g_assert_cmpint (run (f, &out, &err, "consolidate", "--template", "province-monthly", "--period", "06/2024", NULL), ==, 3);
  g_assert_nonnull (strstr (err, "--update"));
  g_assert_false (bc_store_is_consolidated (f->store, bc_report_get_id (own), NULL, NULL));
  g_assert_cmpint (run (f, &out, &err, "consolidate", "--template", "province-monthly", "--period", "06/2024",
                        "--update", NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, id);
  g_assert_nonnull (strstr (err, "no report of Huyện Đông Hà"));

  again = bc_store_open_report (f->store, bc_report_get_id (own), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (again, "fig/cccd_dossiers"), ==, "590");
  g_assert_cmpstr (bc_report_get (again, "sec/next_tasks/p1/text"), ==, "Tiếp tục triển khai Đề án 06.");
  g_assert_cmpstr (bc_report_get (again, "tbl/dvc25/1/total"), ==, "36");
  g_assert_cmpstr (bc_report_get (again, "fig/welfare_bank_accounts/den"), ==, "120");
  g_assert_true (bc_store_is_consolidated (f->store, bc_report_get_id (own), NULL, NULL));
  findings = bc_store_check_report (f->store, again, NULL);
  g_assert_true (has_finding (findings, "consolidate.typed_over", "590"));
  g_assert_true (has_finding (findings, "consolidate.unit_missing", units[3]));
  stale = bc_store_rollup_stale (f->store, again, NULL, &error);
  g_assert_cmpuint (stale->len, ==, 0);

  g_assert_false (bc_store_consolidate_into (f->store, again, NULL, NULL, NULL, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS);
  g_assert_cmpint (run (f, &out, &err, "consolidate", "--template", "province-monthly", "--period", "06/2024", NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/bc/consolidate/receive/folder", test_receive_folder);
  ADD ("/bc/consolidate/receive/foreign-unit", test_receive_foreign_unit);
  ADD ("/bc/consolidate/receive/cancel", test_receive_cancel);
  ADD ("/bc/consolidate/sums", test_sums);
  ADD ("/bc/consolidate/drill-down", test_drill_down);
  ADD ("/bc/consolidate/override", test_override);
  ADD ("/bc/consolidate/corrected", test_corrected);
  ADD ("/bc/consolidate/counts", test_counts);
  ADD ("/bc/consolidate/unit-order", test_unit_order);
  ADD ("/bc/consolidate/not-summed", test_not_summed);
  ADD ("/bc/consolidate/across-periods", test_across_periods);
  ADD ("/bc/consolidate/cli", test_cli);
  ADD ("/bc/consolidate/into-written", test_into);
#undef ADD
  return g_test_run ();
}

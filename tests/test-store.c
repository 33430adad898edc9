/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bc-edit-session.h"
#include "bc-report.h"
#include "bc-store-review.h"
#include "bc-store.h"
#include "bc-store-private.h"
#include "bc-test-utils.h"

typedef struct
{
  char       *dir;
  BcStore    *store;
  BcTemplate *province;
  BcTemplate *district;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  f->province = bc_test_load_template ("province-monthly");
  f->district = bc_test_load_template ("district-monthly");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->province);
  g_clear_object (&f->district);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static BcReport *
create (Fixture    *f,
        BcTemplate *template,
        const char *from,
        const char *to)
{
  g_autoptr(GError) error = NULL;
  BcReport *report = bc_store_create_report (f->store, template, "Thành phố Phan Rang - Tháp Chàm",
                                             from, to, &error);
  g_assert_no_error (error);
  return report;
}

static void
set (Fixture    *f,
     BcReport   *report,
     const char *key,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_store_set_value (f->store, report, key, value, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f, f->district, "2024-05-15", "2024-06-14");
  g_autoptr(BcReport) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  BcReportSummary *s;

  /* The template's defaults land in the report, with the period filled in. */
  g_assert_cmpstr (bc_report_get (report, "header/symbol"), ==, "BC-TCTĐA06");
  g_assert_cmpstr (bc_report_get (report, "tbl/dvc_district/1/unit"), ==, "Công an");
  g_assert_true (bc_report_row_applies (report, "dvc_district", "19"));
  g_assert_false (bc_report_row_applies (report, "dvc_district", "12"));
  g_assert_nonnull (strstr (bc_report_get (report, "header/summary"), "tháng 06 năm 2024"));

  set (f, report, "fig/asm_accounts", "199");
  set (f, report, "tbl/dvc_district/4/total", "137");
  set (f, report, "tbl/dvc_district/4/online", "133");
  set (f, report, "tbl/dvc_district/4/note", "gồm 2 hồ sơ kỳ trước");
  set (f, report, "sec/strengths/order", "a1,a2");
  set (f, report, "sec/strengths/a1/text", "Triển khai thực hiện Đề án 06 đã góp phần nâng cao nhận thức.");
  set (f, report, "sec/strengths/a1/level", "1");
  set (f, report, "header/number", "254");

  again = bc_store_open_report (f->store, bc_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_uuid (again), ==, bc_report_get_uuid (report));
  g_assert_cmpstr (bc_report_get_unit (again), ==, "Thành phố Phan Rang - Tháp Chàm");
  g_assert_cmpstr (bc_report_get_period_from (again), ==, "2024-05-15");
  g_assert_cmpstr (bc_report_get (again, "fig/asm_accounts"), ==, "199");
  g_assert_cmpstr (bc_report_get (again, "tbl/dvc_district/4/online"), ==, "133");
  g_assert_cmpstr (bc_report_get (again, "tbl/dvc_district/4/note"), ==, "gồm 2 hồ sơ kỳ trước");
  g_assert_cmpstr (bc_report_get (again, "sec/strengths/a1/level"), ==, "1");
  g_assert_cmpuint (g_hash_table_size (bc_report_get_values (again)), ==,
                    g_hash_table_size (bc_report_get_values (report)));
  g_assert_cmpstr (bc_template_to_json (bc_report_get_template (again)), ==,
                   bc_template_to_json (f->district));

  list = bc_store_list_reports (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  s = list->pdata[0];
  g_assert_cmpstr (s->template_name, ==, bc_template_get_name (f->district));
  g_assert_cmpstr (s->status, ==, "draft");
  g_assert_cmpstr (s->modified, ==, bc_report_get_modified (report));
}

static char *
pragma (BcStore    *store,
        const char *name)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", name);
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (bc_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* README: every commit is on disk before it is called saved (WAL with
 * full sync), on a new library and on one opened again. */
static void
test_full_sync (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "synced.db", NULL);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BcStore) store = bc_store_open (path, &error);
      g_autofree char *synchronous = NULL;
      g_autofree char *journal = NULL;

      g_assert_no_error (error);
      synchronous = pragma (store, "synchronous");
      journal = pragma (store, "journal_mode");
      g_assert_cmpstr (synchronous, ==, "2");   /* FULL */
      g_assert_cmpstr (journal, ==, "wal");
    }
}

/* The clock as the change log writes it, 2 ms later than the last read,
 * so that two commits on either side of it are told apart. */
static char *
now_text (void)
{
  g_autoptr(GDateTime) now = NULL;

  g_usleep (2000);
  now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

static void
assert_between (const char *at,
                const char *after,
                const char *before)
{
  if (strlen (at) != strlen (after) || strcmp (at, after) <= 0 || strcmp (at, before) >= 0)
    g_error ("a change logged at %s, not between %s and %s", at, after, before);
}

static void
test_change_log (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f, f->province, "2024-04-21", "2024-05-20");
  g_autoptr(GPtrArray) changes = NULL;
  BcEdit split[] = {
    { "sec/next_tasks/order", "p1,p2" },
    { "sec/next_tasks/p1/text", "Một" },
    { "sec/next_tasks/p2/text", "Hai" },
  };
  BcChange *c;
  g_autofree char *t0 = NULL, *t1 = NULL, *t2 = NULL, *t3 = NULL;

  /* Each entry has the time of its own commit (between the clock read
   * before and after it) and the role of who made it. */
  t0 = now_text ();
  set (f, report, "fig/vneid_activated", "671290");
  set (f, report, "fig/vneid_activated", "671290");   /* no change, no entry */
  t1 = now_text ();
  bc_store_set_actor (f->store, "Trần Thị B");
  bc_store_set_role (f->store, BC_ROLE_REVIEWER);
  set (f, report, "fig/vneid_activated", NULL);
  t2 = now_text ();
  g_assert_true (bc_store_apply (f->store, report, split, G_N_ELEMENTS (split), &error));
  g_assert_no_error (error);
  t3 = now_text ();

  changes = bc_store_list_changes (f->store, bc_report_get_id (report), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 5);
  c = changes->pdata[0];
  g_assert_cmpstr (c->key, ==, "fig/vneid_activated");
  g_assert_null (c->old_value);
  g_assert_cmpstr (c->new_value, ==, "671290");
  g_assert_cmpstr (c->actor, ==, "Test Clerk");
  g_assert_cmpstr (c->role, ==, BC_ROLE_CLERK);
  assert_between (c->at, t0, t1);
  c = changes->pdata[1];
  g_assert_cmpstr (c->old_value, ==, "671290");
  g_assert_null (c->new_value);
  g_assert_cmpstr (c->actor, ==, "Trần Thị B");
  g_assert_cmpstr (c->role, ==, BC_ROLE_REVIEWER);
  assert_between (c->at, t1, t2);
  for (guint i = 2; i < 5; i++)
    {
      c = changes->pdata[i];
      g_assert_cmpstr (c->role, ==, BC_ROLE_REVIEWER);
      assert_between (c->at, t2, t3);
      g_assert_cmpstr (c->at, ==, ((BcChange *) changes->pdata[2])->at);
    }
  /* The report's modification time is its last commit's. */
  g_assert_cmpstr (bc_report_get_modified (report), ==, c->at);
  /* One edit of three values is one batch, for undo. */
  g_assert_cmpint (((BcChange *) changes->pdata[2])->batch, ==, ((BcChange *) changes->pdata[4])->batch);
  g_assert_cmpint (((BcChange *) changes->pdata[1])->batch, <, ((BcChange *) changes->pdata[2])->batch);
}

static void
test_refused_values (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const bad[][2] = {
    { "fig/vneid_activated", "671.290" },
    { "fig/vneid_activated", "-5" },
    { "fig/vneid_activated", "1234567890123456789012345678901234567890" },
    { "fig/nosuch", "1" },
    { "tbl/dvc25/1/total", "abc" },
    { "tbl/dvc25/1/ratio", "100" },
    { "tbl/dvc25/99/total", "1" },
    { "tbl/qd422/I/total", "1" },
    { "tbl/dvc25/1/connection", "Có lẽ" },
    { "header/colour", "đỏ" },
    { "header/date", "24/5/2024" },
    { "meta/unit", "" },
    { "meta/period_to", "2024-02-30" },
    { "meta/status", "lost" },
    { "sec/direction/p1/text", "x" },   /* documents have no text field */
    { "sec/results/order", "a" },        /* a group has no items */
    { "sec/next_tasks/order", "a,b c" },
    { "nonsense", "x" },
  };
  g_autoptr(BcReport) report = create (f, f->province, "2024-04-21", "2024-05-20");
  g_autoptr(GPtrArray) changes = NULL;
  const char *modified = bc_report_get_modified (report);
  g_autofree char *modified_before = g_strdup (modified);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      if (bc_store_set_value (f->store, report, bad[i][0], bad[i][1], &error))
        g_error ("%s = %s was accepted", bad[i][0], bad[i][1]);
      g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE);
    }
  changes = bc_store_list_changes (f->store, bc_report_get_id (report), NULL);
  g_assert_cmpuint (changes->len, ==, 0);
  g_assert_cmpstr (bc_report_get_modified (report), ==, modified_before);
}

static void
test_nfc (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(BcReport) report = create (f, f->province, "2024-04-21", "2024-05-20");
  /* "Việt" typed with combining marks (NFD) is stored composed. */
  const char *nfd = "Vie\xcc\xa3\xcc\x82t";

  set (f, report, "header/place", nfd);
  g_assert_cmpstr (bc_report_get (report, "header/place"), ==, "Vi\xe1\xbb\x87t");
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f, f->province, "2024-04-21", "2024-05-20");
  g_autoptr(BcReport) gone = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gint64 id = bc_report_get_id (report);

  set (f, report, "fig/vneid_activated", "1");
  g_assert_true (bc_store_delete_report (f->store, id, &error));
  g_assert_no_error (error);
  gone = bc_store_open_report (f->store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bc_store_delete_report (f->store, id, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = bc_store_list_reports (f->store, &error);
  g_assert_cmpuint (list->len, ==, 0);
  changes = bc_store_list_changes (f->store, id, NULL);
  g_assert_cmpuint (changes->len, ==, 0);
}

static void
test_duplicate_next (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f, f->district, "2024-11-15", "2024-12-14");
  g_autoptr(BcReport) next = NULL;
  g_autoptr(BcReport) after = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  set (f, report, "header/number", "254");
  set (f, report, "header/recipients", "Tổ công tác Đề án 06 tỉnh");
  set (f, report, "header/signer_name", "Nguyễn Thành Phú");
  set (f, report, "fig/asm_accounts", "199");
  set (f, report, "sec/strengths/order", "a1");
  set (f, report, "sec/strengths/a1/text", "Ưu điểm vẫn còn đúng.");
  set (f, report, "sec/city_direction/order", "d1");
  set (f, report, "sec/city_direction/d1/type", "Công văn");
  set (f, report, "tbl/dvc_district/4/total", "137");
  set (f, report, "tbl/dvc_district/4/unit", "Công an thành phố");
  set (f, report, "tbl/dvc_district/4/note", "ghi chú tháng trước");
  set (f, report, "tbl/dvc_district/12/applies", "1");

  next = bc_store_duplicate_next (f->store, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_period_from (next), ==, "2024-12-15");
  g_assert_cmpstr (bc_report_get_period_to (next), ==, "2025-01-14");
  g_assert_cmpstr (bc_report_get_unit (next), ==, bc_report_get_unit (report));
  g_assert_cmpint (bc_report_get_previous_id (next), ==, bc_report_get_id (report));
  g_assert_cmpstr (bc_report_get_status (next), ==, "draft");
  /* Carried over. */
  g_assert_cmpstr (bc_report_get (next, "header/recipients"), ==, "Tổ công tác Đề án 06 tỉnh");
  g_assert_cmpstr (bc_report_get (next, "header/signer_name"), ==, "Nguyễn Thành Phú");
  g_assert_cmpstr (bc_report_get (next, "sec/strengths/a1/text"), ==, "Ưu điểm vẫn còn đúng.");
  g_assert_cmpstr (bc_report_get (next, "tbl/dvc_district/4/unit"), ==, "Công an thành phố");
  g_assert_true (bc_report_row_applies (next, "dvc_district", "12"));
  /* Cleared. */
  g_assert_cmpstr (bc_report_get (next, "header/number"), ==, "");
  g_assert_cmpstr (bc_report_get (next, "fig/asm_accounts"), ==, "");
  g_assert_cmpstr (bc_report_get (next, "sec/city_direction/order"), ==, "");
  g_assert_cmpstr (bc_report_get (next, "tbl/dvc_district/4/total"), ==, "");
  g_assert_cmpstr (bc_report_get (next, "tbl/dvc_district/4/note"), ==, "");
  /* The summary follows the period. */
  g_assert_nonnull (strstr (bc_report_get (next, "header/summary"), "tháng 01 năm 2025"));
  changes = bc_store_list_changes (f->store, bc_report_get_id (next), NULL);
  g_assert_cmpuint (changes->len, ==, 0);

  after = bc_store_duplicate_next (f->store, next, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_period_from (after), ==, "2025-01-15");
  g_assert_cmpstr (bc_report_get_period_to (after), ==, "2025-02-14");
}

/* Refusals leave the file byte for byte as it was. */
static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(BcStore) store = NULL;
  gsize before_len, after_len;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = bc_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, BC_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

static void
test_refuse_foreign (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.sqlite", NULL);
  g_autofree char *plain = g_build_filename (f->dir, "plain.sqlite", NULL);

  g_assert_true (g_file_set_contents (text, "Báo cáo tháng 5 — không phải cơ sở dữ liệu\n", -1, NULL));
  assert_refused (text, BC_STORE_ERROR_FOREIGN);

  exec_sql (other, "PRAGMA application_id = 1234; CREATE TABLE t (x);");
  assert_refused (other, BC_STORE_ERROR_FOREIGN);

  /* An SQLite file with no application id but with tables: somebody else's. */
  exec_sql (plain, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('A');");
  assert_refused (plain, BC_STORE_ERROR_FOREIGN);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "newer.db", NULL);
  g_autoptr(BcStore) store = bc_test_open_store (f->dir, "newer.db");

  g_clear_object (&store);
  exec_sql (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  assert_refused (path, BC_STORE_ERROR_NEWER);
}

/* A library in a folder, or a file, that cannot be written to (a
 * read-only share or drive): read, never called damaged; a change is
 * refused saying why. Checked in a subprocess, which drops root. */
static void
assert_read_only_library (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = bc_store_open (path, &error);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcReport) created = NULL;
  g_autoptr(BcTemplate) template = bc_test_load_template ("province-monthly");
  g_autoptr(BcEditSession) session = NULL;

  g_assert_no_error (error);
  g_assert_true (bc_store_is_read_only (store));
  reports = bc_store_list_reports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  report = bc_store_open_report (store, ((BcReportSummary *) reports->pdata[0])->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (report, "header/number"), ==, "254");

  created = bc_store_create_report (store, template, "Tỉnh", "2024-05-21", "2024-06-20", &error);
  g_assert_null (created);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  session = bc_edit_session_new (path, report, &error);
  g_assert_no_error (error);
  g_assert_false (bc_edit_session_set (session, "header/number", "255", &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (bc_report_get (report, "header/number"), ==, "254");
}

static void
make_library (Fixture    *f,
              const char *dir)
{
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  store = bc_test_open_store (dir, "library.db");
  report = bc_store_create_report (store, f->province, "Tỉnh", "2024-04-21", "2024-05-20", NULL);
  g_assert_true (bc_store_set_value (store, report, "header/number", "254", NULL));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *ro_dir = g_build_filename (f->dir, "read-only-folder", NULL);
  g_autofree char *ro_file_dir = g_build_filename (f->dir, "read-only-file", NULL);
  g_autofree char *in_dir = g_build_filename (ro_dir, "library.db", NULL);
  g_autofree char *ro_file = g_build_filename (ro_file_dir, "library.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (g_test_subprocess ())
    {
      bc_test_drop_root (NULL);
      assert_read_only_library (g_getenv ("BC_TEST_READ_ONLY_FOLDER"));
      assert_read_only_library (g_getenv ("BC_TEST_READ_ONLY_FILE"));
      return;
    }
  make_library (f, ro_dir);
  make_library (f, ro_file_dir);
  g_assert_true (g_file_get_contents (in_dir, &before, NULL, NULL));
  /* The read-only file's folder stays writable: SQLite may put its -shm there. */
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (ro_file_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (ro_file, 0444), ==, 0);
  bc_test_make_read_only (ro_dir);
  g_setenv ("BC_TEST_READ_ONLY_FOLDER", in_dir, TRUE);
  g_setenv ("BC_TEST_READ_ONLY_FILE", ro_file, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_chmod (ro_dir, 0755);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_get_contents (in_dir, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "corrupt.db", NULL);
  g_autoptr(BcStore) store = bc_test_open_store (f->dir, "corrupt.db");
  g_autoptr(BcReport) report = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  report = bc_store_create_report (store, f->province, "Tỉnh", "2024-04-21", "2024-05-20", NULL);
  g_clear_object (&report);
  g_clear_object (&store);
  exec_sql (path, "PRAGMA journal_mode = DELETE;");

  /* Keep our header, scribble over the pages behind it. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  memset (contents + 100, 0xA5, length - 100);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  assert_refused (path, BC_STORE_ERROR_CORRUPT);

  /* A truncated file is damaged too. */
  g_assert_true (g_file_set_contents (path, contents, 100, NULL));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BcStore) truncated = bc_store_open (path, &error);
    g_assert_null (truncated);
    g_assert_nonnull (error);
  }
}

static void
test_migrate_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "library-v1.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *path = g_build_filename (f->dir, "old.db", NULL);
  g_autoptr(BcStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcReport) next = NULL;
  BcReportSummary *s;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  exec_sql (path, sql);

  store = bc_store_open (path, &error);
  g_assert_no_error (error);
  list = bc_store_list_reports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  s = list->pdata[0];
  g_assert_cmpstr (s->unit, ==, "Huyện Ninh Hải");
  g_assert_cmpstr (s->template_name, ==, "Báo cáo thử");

  changes = bc_store_list_changes (store, s->id, &error);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (((BcChange *) changes->pdata[0])->batch, !=, ((BcChange *) changes->pdata[1])->batch);

  report = bc_store_open_report (store, s->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (report, "fig/dossiers"), ==, "466");
  next = bc_store_duplicate_next (store, report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get_period_to (next), ==, "2024-06-14");
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, BC_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Asked through a connection of its own: what is on disk. */
static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static gint64
create_id (BcStore    *store,
           BcTemplate *template,
           const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_create_report (store, template, "Huyện Ninh Hải", from, to, &error);

  g_assert_no_error (error);
  return bc_report_get_id (report);
}

/* A deleted report's id is never given to another: "report 2" in a note
 * or a script must not come to mean a different report. */
static void
test_ids_not_reused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (create_id (f->store, f->district, "2024-05-15", "2024-06-14"), ==, 1);
  g_assert_cmpint (create_id (f->store, f->district, "2024-06-15", "2024-07-14"), ==, 2);
  g_assert_true (bc_store_delete_report (f->store, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (create_id (f->store, f->district, "2024-07-15", "2024-08-14"), ==, 3);
}

/* One report per unit, template and period, whichever way it is made. */
static void
test_one_report_per_period (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) may = create (f, f->district, "2024-05-15", "2024-06-14");
  g_autoptr(BcReport) again = NULL;
  g_autoptr(BcReport) june = NULL;
  g_autoptr(BcReport) june_again = NULL;
  gint64 existing = -1;

  again = bc_store_create_report (f->store, f->district, " Thành phố Phan Rang - Tháp Chàm ",
                                  "2024-05-15", "2024-06-14", &error);
  g_assert_null (again);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "report 1"));
  g_clear_error (&error);

  june = bc_store_duplicate_next (f->store, may, &existing, &error);
  g_assert_no_error (error);
  g_assert_cmpint (existing, ==, 0);
  june_again = bc_store_duplicate_next (f->store, may, &existing, &error);
  g_assert_null (june_again);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS);
  g_assert_cmpint (existing, ==, bc_report_get_id (june));
}

/* Version 3 to 4 rebuilds the report table (AUTOINCREMENT): every row
 * and every link survives, and the links still cascade. */
static void
test_migrate_v3 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "library-v3.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v3.db", NULL);
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) june = NULL;
  g_autoptr(BcReport) july = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GPtrArray) log = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  exec_sql (path, sql);
  store = bc_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, BC_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'report' AND sql LIKE '%AUTOINCREMENT%'"), ==, 1);

  june = bc_store_open_report (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (june, "fig/dossiers"), ==, "512");
  g_assert_cmpstr (bc_report_get_status (june), ==, "submitted");
  july = bc_store_open_report (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bc_report_get_previous_id (july), ==, 1);
  comments = bc_store_list_comments (store, 1, NULL, &error);
  g_assert_cmpuint (comments->len, ==, 1);
  log = bc_store_list_status_log (store, 1, &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM change"), ==, 2);

  /* The next id follows the highest, and is not handed out again. */
  g_assert_cmpint (create_id (store, f->district, "2024-07-15", "2024-08-14"), ==, 3);
  g_assert_true (bc_store_delete_report (store, 3, &error));
  g_assert_cmpint (create_id (store, f->district, "2024-07-15", "2024-08-14"), ==, 4);

  /* Deleting June still takes its rows along and unlinks July. */
  g_assert_true (bc_store_delete_report (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM value WHERE report_id = 1"), ==, 0);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM change WHERE report_id = 1"), ==, 0);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM comment"), ==, 0);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM status_log"), ==, 0);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM report WHERE id = 2 AND previous_id IS NULL"), ==, 1);
  g_assert_cmpint (count_rows (path, "PRAGMA foreign_key_check"), ==, 0);
}

/* A view another program added is not run, and the library that holds it
 * is not migrated: the message says what it is, not SQLite's "no such
 * table: main.c". */
static void
test_migrate_foreign_view (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "library-v3.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *path = g_build_filename (f->dir, "v3.db", NULL);
  g_autoptr(BcStore) store = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  exec_sql (path, sql);
  exec_sql (path, "CREATE VIEW v AS SELECT * FROM c;");
  store = bc_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN);
  g_assert_nonnull (strstr (error->message, "views or triggers"));
  g_assert_null (strstr (error->message, "main.c"));
  /* Not migrated: the version and the rows are as they were. */
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM report"), ==, 2);
}

static void
test_new_library_ids (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, BC_STORE_APPLICATION_ID);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A second connection opened in the same process (the editor's writer
 * thread) must not drop the locks of the first: another program reading
 * the library would then take itself for the last one and delete the
 * write-ahead log under us, and what was committed after that would not
 * survive a crash. */
static void
test_other_reader_keeps_log (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f, f->district, "2024-05-15", "2024-06-14");
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(BcStore) second = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { g_getenv ("BAOCAO_BIN"), "list", "--library", path, NULL };
  int status;

  set (f, report, "header/number", "12");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  second = bc_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&second);

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  set (f, report, "header/number", "13");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Another program holding the library's write lock longer than the wait
 * (5 s): the change is refused as busy, saying to try again, never as
 * damaged or read-only, and nothing is lost; once the lock goes, the
 * same change is saved. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = create (f, f->district, "2024-05-15", "2024-06-14");
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  sqlite3 *other;

  set (f, report, "header/number", "12");
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (bc_store_set_value (f->store, report, "header/number", "13", &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "busy"));
  g_assert_cmpstr (bc_report_get (report, "header/number"), ==, "12");
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (bc_store_set_value (f->store, report, "header/number", "13", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (report, "header/number"), ==, "13");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/store/round-trip", test_round_trip);
  ADD ("/bc/store/change-log", test_change_log);
  ADD ("/bc/store/full-sync", test_full_sync);
  ADD ("/bc/store/refused-values", test_refused_values);
  ADD ("/bc/store/nfc", test_nfc);
  ADD ("/bc/store/delete", test_delete);
  ADD ("/bc/store/duplicate-next", test_duplicate_next);
  ADD ("/bc/store/open/application-id", test_new_library_ids);
  ADD ("/bc/store/open/refuse-foreign", test_refuse_foreign);
  ADD ("/bc/store/open/refuse-newer", test_refuse_newer);
  ADD ("/bc/store/open/refuse-corrupt", test_refuse_corrupt);
  ADD ("/bc/store/open/read-only", test_read_only);
  ADD ("/bc/store/busy", test_busy);
  ADD ("/bc/store/open/migrate-v1", test_migrate_v1);
  ADD ("/bc/store/open/migrate-v3", test_migrate_v3);
  ADD ("/bc/store/open/migrate-foreign-view", test_migrate_foreign_view);
  ADD ("/bc/store/ids-not-reused", test_ids_not_reused);
  ADD ("/bc/store/one-report-per-period", test_one_report_per_period);
  ADD ("/bc/store/open/other-reader-keeps-log", test_other_reader_keeps_log);
#undef ADD
  return g_test_run ();
}

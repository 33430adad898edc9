/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bc-report.h"
#include "bc-store-review.h"
#include "bc-store-private.h"
#include "bc-test-utils.h"

/* Report files: what travels, what is refused, and that a refusal leaves
 * the library exactly as it was. */

typedef struct
{
  char       *dir;
  char       *library;    /* the destination library's path */
  BcStore    *clerk;
  BcStore    *store;      /* the destination library */
  BcTemplate *template;
  BcReport   *report;     /* in the clerk's library */
  char       *file;       /* that report, as a report file */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BcEdit edits[] = {
    { "header/number", "199" },
    { "fig/vneid_activated", "671290" },
    { "fig/vneid_activated/den", "615198" },
    { "tbl/dvc25/2/total", "3762" },
    { "tbl/dvc25/2/online", "3315" },
    { "sec/next_tasks/order", "t1" },
    { "sec/next_tasks/t1/text", "Dòng một\nDòng hai với \"ngoặc kép\" và <thẻ>" },
    { "expl/table.processed_le_online@tbl/dvc25/2/online", "Gồm hồ sơ kỳ trước" },
  };
  gint64 first;

  f->dir = bc_test_mkdtemp ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
  f->clerk = bc_test_open_store (f->dir, "clerk.db");
  f->store = bc_test_open_store (f->dir, "library.db");
  f->template = bc_test_load_template ("province-monthly");
  f->report = bc_store_create_report (f->clerk, f->template, "Tỉnh Bà Rịa - Vũng Tàu",
                                      "2024-04-21", "2024-05-20", &error);
  g_assert_no_error (error);
  g_assert_true (bc_store_apply (f->clerk, f->report, edits, G_N_ELEMENTS (edits), &error));
  first = bc_store_add_comment (f->clerk, f->report, "tbl/dvc25/2/online", "Kiểm tra lại số này", &error);
  g_assert_cmpint (bc_store_reply_comment (f->clerk, first, "Đã kiểm tra", &error), >, 0);
  g_assert_true (bc_store_resolve_comment (f->clerk, first, TRUE, &error));
  g_assert_cmpint (bc_store_add_comment (f->clerk, f->report, "", "Cả báo cáo", &error), >, 0);
  g_assert_true (bc_store_set_status (f->clerk, f->report, "submitted", NULL, &error));
  g_assert_no_error (error);

  f->file = g_build_filename (f->dir, "report.baocao", NULL);
  g_assert_true (bc_store_export_file (f->clerk, bc_report_get_id (f->report), f->file, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->report);
  g_clear_object (&f->clerk);
  g_clear_object (&f->store);
  g_clear_object (&f->template);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->library);
  g_free (f->file);
}

static char *
json_of (BcStore *store,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  char *json = bc_store_export_json (store, id, &error);

  g_assert_no_error (error);
  return json;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gboolean
exists (const char *path,
        const char *suffix)
{
  g_autofree char *name = g_strconcat (path, suffix, NULL);
  return g_file_test (name, G_FILE_TEST_EXISTS);
}

/* The library's bytes, closed so that nothing waits in a WAL. */
static GBytes *
library_bytes (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;

  g_clear_object (&f->store);
  g_assert_false (exists (f->library, "-wal"));
  g_assert_true (g_file_get_contents (f->library, &data, &length, &error));
  f->store = bc_test_open_store (f->dir, "library.db");
  return g_bytes_new_take (data, length);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = json_of (f->clerk, bc_report_get_id (f->report));
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 id;

  g_assert_nonnull (strstr (before, "\"comments\""));
  g_assert_nonnull (strstr (before, "\"status_log\""));
  g_assert_nonnull (strstr (before, "\"role\" : \"clerk\""));

  id = bc_store_import_file (f->store, f->file, BC_IMPORT_ASK, NULL, &error);
  g_assert_no_error (error);
  after = json_of (f->store, id);
  g_assert_cmpstr (after, ==, before);

  /* One plain SQLite file: ours, current, rollback journal, alone. */
  g_assert_false (exists (f->file, "-wal"));
  g_assert_false (exists (f->file, "-journal"));
  g_assert_false (exists (f->file, "-shm"));
  g_assert_true (g_file_get_contents (f->file, &contents, &length, NULL));
  g_assert_cmpmem (contents, 16, "SQLite format 3", 16);
  g_assert_cmpint ((guint8) contents[18], ==, 1);
  g_assert_cmpint ((guint8) contents[19], ==, 1);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 68)), ==, BC_STORE_APPLICATION_ID);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 60)), ==, BC_STORE_SCHEMA_VERSION);
  g_test_message ("report file: %" G_GSIZE_FORMAT " bytes", length);

  /* The file goes on to a third library unchanged. */
  {
    g_autoptr(BcStore) third = bc_test_open_store (f->dir, "third.db");
    g_autofree char *path = g_build_filename (f->dir, "again.baocao", NULL);
    g_autofree char *third_json = NULL;

    g_assert_true (bc_store_export_file (f->store, id, path, &error));
    id = bc_store_import_file (third, path, BC_IMPORT_ASK, NULL, &error);
    g_assert_no_error (error);
    third_json = json_of (third, id);
    g_assert_cmpstr (third_json, ==, before);
  }
}

/* Only the one report is in the file: not a byte of the others. */
static void
test_only_the_report (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) other = bc_store_create_report (f->clerk, f->template, "Huyện Bí Mật Ninh Sơn",
                                                      "2024-04-21", "2024-05-20", &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (bc_store_set_value (f->clerk, other, "header/number", "77777", &error));
  g_assert_true (bc_store_export_file (f->clerk, bc_report_get_id (f->report), f->file, &error));
  g_assert_true (g_file_get_contents (f->file, &contents, &length, NULL));
  g_assert_null (memmem (contents, length, "Bí Mật", strlen ("Bí Mật")));
  g_assert_null (memmem (contents, length, "77777", 5));
  g_assert_nonnull (memmem (contents, length, "Vũng Tàu", strlen ("Vũng Tàu")));
}

/* An existing file is replaced only by a complete new one. */
static void
test_export_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.baocao", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_false (bc_store_export_file (f->clerk, 99999, f->file, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bc_store_export_file (f->clerk, bc_report_get_id (f->report), missing, &error));
  g_assert_nonnull (error);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".report.baocao."));
}

typedef enum
{
  BREAK_TEXT,
  BREAK_EMPTY,
  BREAK_PLAIN_SQLITE,
  BREAK_OTHER_APP,
  BREAK_NEWER,
  BREAK_NO_VERSION,
  BREAK_PAGES,
  BREAK_TRUNCATED,
  BREAK_TRUNCATED_ODD,
  BREAK_VALUE,
  BREAK_KEY,
  BREAK_TEMPLATE,
  BREAK_NESTING,
  BREAK_UTF8,
  BREAK_COMMENT,
  BREAK_STATUS,
  BREAK_SCHEMA,
  BREAK_TWO_REPORTS,
  BREAK_NO_REPORT,
  BREAK_PAGE_SIZE,
  BREAK_APPROVED,
  BREAK_UUID_CASE,
  BREAK_PERIOD,
  BREAK_LEADING_ZERO,
  BREAK_TIME,
  BREAK_ESCAPE,
  BREAK_NUL_VALUE,
  BREAK_NUL_KEY,
  BREAK_NEGATIVE_ID,
  BREAK_PREVIOUS,
  BREAK_VIEW,
} Break;

static void
patch (const char *path,
       gsize       offset,
       const void *bytes,
       gsize       n)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (offset + n, <=, length);
  memcpy (contents + offset, bytes, n);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
}

static void
truncate_to (const char *path,
             gsize       new_length)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) MIN (new_length, length), NULL));
}

static void
break_file (Fixture *f,
            Break    how)
{
  switch (how)
    {
    case BREAK_TEXT:
      g_assert_true (g_file_set_contents (f->file, "Báo cáo tháng 5 — không phải tệp Baocao\n", -1, NULL));
      break;
    case BREAK_EMPTY:
      g_assert_true (g_file_set_contents (f->file, "", 0, NULL));
      break;
    case BREAK_PLAIN_SQLITE:
      g_unlink (f->file);
      exec_sql (f->file, "CREATE TABLE report (id INTEGER PRIMARY KEY, unit TEXT); INSERT INTO report VALUES (1, 'x');");
      break;
    case BREAK_OTHER_APP:
      exec_sql (f->file, "PRAGMA application_id = 1234;");
      break;
    case BREAK_NEWER:
      patch (f->file, 60, "\0\0\0\x63", 4);
      break;
    case BREAK_NO_VERSION:
      patch (f->file, 60, "\0\0\0\0", 4);
      break;
    case BREAK_PAGES:
      {
        g_autofree char *contents = NULL;
        gsize length;
        g_assert_true (g_file_get_contents (f->file, &contents, &length, NULL));
        memset (contents + 2048, 0xA5, length - 2048);
        g_assert_true (g_file_set_contents (f->file, contents, (gssize) length, NULL));
      }
      break;
    case BREAK_TRUNCATED:
      truncate_to (f->file, 8192);
      break;
    case BREAK_TRUNCATED_ODD:
      truncate_to (f->file, 5000);
      break;
    case BREAK_VALUE:
      exec_sql (f->file, "UPDATE value SET value = '671.290 người' WHERE key = 'fig/vneid_activated';");
      break;
    case BREAK_KEY:
      exec_sql (f->file, "UPDATE value SET key = 'fig/unknown' WHERE key = 'fig/vneid_activated';");
      break;
    case BREAK_TEMPLATE:
      exec_sql (f->file, "UPDATE report SET template = '{\"format\": 1, \"id\": \"x\"}';");
      break;
    case BREAK_NESTING:
      {
        g_autoptr(GString) deep = g_string_new ("UPDATE report SET template = '");
        for (guint i = 0; i < 5000; i++)
          g_string_append_c (deep, '[');
        g_string_append (deep, "';");
        exec_sql (f->file, deep->str);
      }
      break;
    case BREAK_UTF8:
      exec_sql (f->file, "UPDATE change SET actor = CAST(X'4E677579E1BB8520FF' AS TEXT);");
      break;
    case BREAK_COMMENT:
      exec_sql (f->file, "UPDATE comment SET parent_id = 999 WHERE parent_id IS NOT NULL;");
      break;
    case BREAK_STATUS:
      exec_sql (f->file, "UPDATE status_log SET to_status = 'published';");
      break;
    case BREAK_SCHEMA:
      exec_sql (f->file, "DROP TABLE comment;");
      break;
    case BREAK_TWO_REPORTS:
      exec_sql (f->file, "INSERT INTO report (uuid, template_id, template, unit, period_from, period_to,"
                         " created, modified) SELECT '6f1c1d2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f', template_id,"
                         " template, unit, period_from, period_to, created, modified FROM report;");
      break;
    case BREAK_NO_REPORT:
      exec_sql (f->file, "PRAGMA foreign_keys = ON; DELETE FROM report;");
      break;
    case BREAK_PAGE_SIZE:
      patch (f->file, 16, "\x03\x00", 2);
      break;
    case BREAK_APPROVED:
      exec_sql (f->file, "UPDATE report SET status = 'approved';");
      break;
    case BREAK_UUID_CASE:
      exec_sql (f->file, "UPDATE report SET uuid = upper(uuid);");
      break;
    case BREAK_PERIOD:
      exec_sql (f->file, "UPDATE report SET period_from = '2024-06-21';");
      break;
    case BREAK_LEADING_ZERO:
      exec_sql (f->file, "UPDATE value SET value = '000' || value WHERE key = 'fig/vneid_activated';");
      break;
    case BREAK_TIME:
      exec_sql (f->file, "UPDATE status_log SET at = 'hôm qua';");
      break;
    case BREAK_NUL_VALUE:
      exec_sql (f->file, "UPDATE value SET value = CAST(X'3132003334' AS TEXT) WHERE key = 'fig/vneid_activated';");
      break;
    case BREAK_NUL_KEY:
      exec_sql (f->file, "UPDATE value SET key = key || CAST(X'0078' AS TEXT) WHERE key = 'fig/vneid_activated';");
      break;
    case BREAK_ESCAPE:
      exec_sql (f->file, "UPDATE report SET unit = 'Tỉnh' || char(27) || ']0;pwned' || char(7);");
      break;
    case BREAK_NEGATIVE_ID:
      exec_sql (f->file, "UPDATE report SET id = -5;");
      break;
    case BREAK_PREVIOUS:
      exec_sql (f->file, "INSERT OR REPLACE INTO info VALUES ('previous', 'tháng trước');");
      break;
    case BREAK_VIEW:
      /* Migrated when read: SQLite checks the whole schema then. */
      exec_sql (f->file, "CREATE VIEW v AS SELECT * FROM c; PRAGMA user_version = 3;");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  static const struct
  {
    Break       how;
    int         code;
    const char *says;
  } cases[] = {
    { BREAK_TEXT, BC_STORE_ERROR_FOREIGN, "not a Baocao report file" },
    { BREAK_EMPTY, BC_STORE_ERROR_FOREIGN, "not a Baocao report file" },
    { BREAK_PLAIN_SQLITE, BC_STORE_ERROR_FOREIGN, "not a Baocao report file" },
    { BREAK_OTHER_APP, BC_STORE_ERROR_FOREIGN, "not a Baocao report file" },
    { BREAK_NEWER, BC_STORE_ERROR_NEWER, "made by a newer Baocao" },
    { BREAK_NO_VERSION, BC_STORE_ERROR_CORRUPT, "damaged" },
    { BREAK_PAGES, BC_STORE_ERROR_CORRUPT, "damaged" },
    { BREAK_TRUNCATED, BC_STORE_ERROR_CORRUPT, "cut short" },
    { BREAK_TRUNCATED_ODD, BC_STORE_ERROR_CORRUPT, "cut short" },
    { BREAK_VALUE, BC_STORE_ERROR_INVALID_VALUE, "671.290 người" },
    { BREAK_KEY, BC_STORE_ERROR_INVALID_VALUE, "fig/unknown" },
    { BREAK_TEMPLATE, BC_STORE_ERROR_INVALID_VALUE, "report.baocao" },
    { BREAK_NESTING, BC_STORE_ERROR_INVALID_VALUE, "nested more than 64 levels" },
    { BREAK_UTF8, BC_STORE_ERROR_INVALID_VALUE, "change 1" },
    { BREAK_COMMENT, BC_STORE_ERROR_INVALID_VALUE, "comment" },
    { BREAK_STATUS, BC_STORE_ERROR_INVALID_VALUE, "status" },
    { BREAK_SCHEMA, BC_STORE_ERROR_CORRUPT, "report.baocao" },
    { BREAK_TWO_REPORTS, BC_STORE_ERROR_FOREIGN, "library" },
    { BREAK_NO_REPORT, BC_STORE_ERROR_CORRUPT, "no report" },
    { BREAK_PAGE_SIZE, BC_STORE_ERROR_CORRUPT, "damaged" },
    { BREAK_APPROVED, BC_STORE_ERROR_INVALID_VALUE, "history ends in" },
    { BREAK_UUID_CASE, BC_STORE_ERROR_INVALID_VALUE, "identity" },
    { BREAK_PERIOD, BC_STORE_ERROR_INVALID_VALUE, "ends before it begins" },
    { BREAK_LEADING_ZERO, BC_STORE_ERROR_INVALID_VALUE, "000671290" },
    { BREAK_TIME, BC_STORE_ERROR_INVALID_VALUE, "status history" },
    { BREAK_ESCAPE, BC_STORE_ERROR_INVALID_VALUE, "control character" },
    { BREAK_NUL_VALUE, BC_STORE_ERROR_INVALID_VALUE, "NUL" },
    { BREAK_NUL_KEY, BC_STORE_ERROR_INVALID_VALUE, "NUL" },
    /* What the message says is what is wrong. */
    { BREAK_NEGATIVE_ID, BC_STORE_ERROR_CORRUPT, "its report has no valid id" },
    { BREAK_PREVIOUS, BC_STORE_ERROR_INVALID_VALUE, "its link to the previous period is damaged" },
    { BREAK_VIEW, BC_STORE_ERROR_CORRUPT, "its tables are not those of a report file" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *pristine = NULL;
  g_autoptr(BcReport) mine = NULL;
  g_autoptr(GBytes) before = NULL;
  gsize length;

  /* The library has a report of its own, so that there is something to
   * damage. */
  mine = bc_store_create_report (f->store, f->template, "Tỉnh Ninh Thuận", "2024-04-21", "2024-05-20", &error);
  g_assert_no_error (error);
  g_assert_true (bc_store_set_value (f->store, mine, "header/number", "12", &error));
  g_clear_object (&mine);
  g_assert_true (g_file_get_contents (f->file, &pristine, &length, NULL));
  before = library_bytes (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) after = NULL;
      gint64 existing = -1;

      g_assert_true (g_file_set_contents (f->file, pristine, (gssize) length, NULL));
      break_file (f, cases[i].how);
      g_assert_cmpint (bc_store_import_file (f->store, f->file, BC_IMPORT_REPLACE, &existing, &local_error), ==, 0);
      g_test_message ("case %u: %s", i, local_error ? local_error->message : "(none)");
      g_assert_error (local_error, BC_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (local_error->message, cases[i].says));
      g_assert_cmpint (existing, ==, 0);
      after = library_bytes (f);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.baocao", NULL);

  g_assert_cmpint (bc_store_import_file (f->store, missing, BC_IMPORT_ASK, NULL, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (bc_store_import_file (f->store, f->dir, BC_IMPORT_ASK, NULL, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN);
}

/* A file in WAL mode (made by hand) is read without a companion appearing
 * beside it, and the file itself is never written. */
static void
test_never_written (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;

  exec_sql (f->file, "PRAGMA journal_mode = WAL;");
  g_assert_true (g_file_get_contents (f->file, &before, &length, NULL));
  g_assert_cmpint ((guint8) before[18], ==, 2);
  g_assert_cmpint (bc_store_import_file (f->store, f->file, BC_IMPORT_ASK, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_false (exists (f->file, "-wal"));
  g_assert_false (exists (f->file, "-shm"));
  g_assert_false (exists (f->file, "-journal"));
  g_assert_true (g_file_get_contents (f->file, &after, NULL, NULL));
  g_assert_cmpmem (before, length, after, length);
}

static void
test_exists (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(BcReport) copy = NULL;
  g_autoptr(BcReport) replaced = NULL;
  g_autoptr(BcReport) next = NULL;
  gint64 id, existing = 0, again;

  id = bc_store_import_file (f->store, f->file, BC_IMPORT_ASK, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(BcReport) imported = bc_store_open_report (f->store, id, NULL);
    next = bc_store_duplicate_next (f->store, imported, NULL, &error);
    g_assert_no_error (error);
  }

  /* Asked: nothing changes, and the caller learns which report it is. */
  before = library_bytes (f);
  g_assert_cmpint (bc_store_import_file (f->store, f->file, BC_IMPORT_ASK, &existing, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Vũng Tàu"));
  g_assert_cmpint (existing, ==, id);
  g_clear_error (&error);
  after = library_bytes (f);
  g_assert_true (g_bytes_equal (before, after));

  /* Replaced: the same id, the file's content, and next month's report
   * still follows it. */
  g_assert_true (bc_store_set_value (f->clerk, f->report, "header/number", "200", &error));
  g_assert_true (bc_store_export_file (f->clerk, bc_report_get_id (f->report), f->file, &error));
  again = bc_store_import_file (f->store, f->file, BC_IMPORT_REPLACE, &existing, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpint (existing, ==, id);
  replaced = bc_store_open_report (f->store, id, NULL);
  g_assert_cmpstr (bc_report_get (replaced, "header/number"), ==, "200");
  g_clear_object (&next);
  list = bc_store_list_reports (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    if (((BcReportSummary *) list->pdata[i])->id != id)
      {
        g_autoptr(BcReport) june = bc_store_open_report (f->store, ((BcReportSummary *) list->pdata[i])->id, NULL);
        g_assert_cmpint (bc_report_get_previous_id (june), ==, id);
      }

  /* Kept both: a copy with its own identity. */
  again = bc_store_import_file (f->store, f->file, BC_IMPORT_KEEP_BOTH, &existing, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, >, id);
  g_assert_cmpint (existing, ==, id);
  copy = bc_store_open_report (f->store, again, NULL);
  g_assert_cmpstr (bc_report_get_uuid (copy), !=, bc_report_get_uuid (replaced));
  g_assert_cmpstr (bc_report_get (copy, "header/number"), ==, "200");
  {
    g_autoptr(GPtrArray) comments = bc_store_list_comments (f->store, again, NULL, NULL);
    g_assert_cmpuint (comments->len, ==, 3);
  }
}

/* The next period's report names the one it was made from; a library
 * that has that one links them. */
static void
test_previous (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) june = bc_store_duplicate_next (f->clerk, f->report, NULL, &error);
  g_autoptr(BcReport) imported = NULL;
  g_autofree char *path = g_build_filename (f->dir, "june.baocao", NULL);
  gint64 may, id;

  g_assert_no_error (error);
  g_assert_true (bc_store_export_file (f->clerk, bc_report_get_id (june), path, &error));
  may = bc_store_import_file (f->store, f->file, BC_IMPORT_ASK, NULL, &error);
  id = bc_store_import_file (f->store, path, BC_IMPORT_ASK, NULL, &error);
  g_assert_no_error (error);
  imported = bc_store_open_report (f->store, id, NULL);
  g_assert_cmpint (bc_report_get_previous_id (imported), ==, may);
}

/* Another library's report for the same unit and period (a different
 * uuid) is the same report for the question "replace or keep both". */
static void
test_same_period (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) mine = bc_store_create_report (f->store, f->template, "Tỉnh Bà Rịa - Vũng Tàu",
                                                     "2024-04-21", "2024-05-20", &error);
  gint64 existing = 0;

  g_assert_no_error (error);
  g_assert_cmpint (bc_store_import_file (f->store, f->file, BC_IMPORT_ASK, &existing, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS);
  g_assert_cmpint (existing, ==, bc_report_get_id (mine));
  g_clear_error (&error);

  /* An approved report is not replaced behind its reviewer's back. */
  bc_store_set_role (f->store, BC_ROLE_REVIEWER);
  g_assert_true (bc_store_set_status (f->store, mine, "submitted", NULL, &error));
  g_assert_true (bc_store_set_status (f->store, mine, "approved", NULL, &error));
  g_assert_cmpint (bc_store_import_file (f->store, f->file, BC_IMPORT_REPLACE, NULL, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (bc_store_import_file (f->store, f->file, BC_IMPORT_KEEP_BOTH, NULL, &error), >, 0);
  g_assert_no_error (error);
}

/* Libraries and files of version 2 are read and migrated; the migrated
 * library keeps its data and gains the review tables. */
static void
test_version_2 (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "library-v2.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *old = g_build_filename (f->dir, "old.db", NULL);
  g_autofree char *as_file = g_build_filename (f->dir, "old.baocao", NULL);
  g_autofree char *file_before = NULL;
  g_autofree char *file_after = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gsize length;
  gint64 id;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  exec_sql (old, sql);
  exec_sql (as_file, sql);

  /* As a report file from an older Baocao: migrated in memory only. */
  g_assert_true (g_file_get_contents (as_file, &file_before, &length, NULL));
  id = bc_store_import_file (f->store, as_file, BC_IMPORT_ASK, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (as_file, &file_after, NULL, NULL));
  g_assert_cmpmem (file_before, length, file_after, length);
  report = bc_store_open_report (f->store, id, &error);
  g_assert_cmpstr (bc_report_get (report, "fig/dossiers"), ==, "512");
  g_assert_cmpstr (bc_report_get_status (report), ==, "submitted");
  g_clear_object (&report);

  /* As a library: migrated on disk. */
  store = bc_store_open (old, &error);
  g_assert_no_error (error);
  report = bc_store_open_report (store, 1, &error);
  g_assert_no_error (error);
  changes = bc_store_list_changes (store, 1, &error);
  g_assert_cmpuint (changes->len, ==, 3);
  g_assert_cmpint (((BcChange *) changes->pdata[0])->batch, ==, 7);
  g_assert_cmpstr (((BcChange *) changes->pdata[0])->role, ==, "");
  g_assert_cmpint (bc_store_find_status_change (store, 1, "submitted"), ==, 3);
  bc_store_set_role (store, BC_ROLE_REVIEWER);
  g_assert_cmpint (bc_store_add_comment (store, report, "fig/dossiers", "Đúng", &error), >, 0);
  g_assert_true (bc_store_set_status (store, report, "returned", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  {
    sqlite3 *db;
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, BC_STORE_SCHEMA_VERSION);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

/* Opening a library of the current version writes nothing. */
static void
test_open_writes_nothing (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) before = library_bytes (f);
  g_autoptr(GBytes) after = library_bytes (f);

  g_assert_true (g_bytes_equal (before, after));
}

/* Comments and the status log in the JSON interchange. */
static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = json_of (f->clerk, bc_report_get_id (f->report));
  g_autofree char *again = NULL;
  g_autoptr(GString) orphan = g_string_new (json);
  g_autoptr(GString) bad_status = g_string_new (json);
  gint64 id;

  id = bc_store_import_json (f->store, json, -1, &error);
  g_assert_no_error (error);
  again = json_of (f->store, id);
  g_assert_cmpstr (again, ==, json);
  g_assert_true (bc_store_delete_report (f->store, id, NULL));

  /* A reply whose thread is not in the file. */
  g_assert_nonnull (strstr (json, "\"parent\" : \""));
  g_string_replace (orphan, "\"parent\" : \"", "\"parent\" : \"0", 1);
  g_assert_cmpint (bc_store_import_json (f->store, orphan->str, -1, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN);
  g_clear_error (&error);
  g_string_replace (bad_status, "\"to\" : \"submitted\"", "\"to\" : \"published\"", 1);
  g_assert_cmpint (bc_store_import_json (f->store, bad_status->str, -1, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/review/file/round-trip", test_round_trip);
  ADD ("/bc/review/file/only-the-report", test_only_the_report);
  ADD ("/bc/review/file/export-refused", test_export_refused);
  ADD ("/bc/review/file/refused", test_refused);
  ADD ("/bc/review/file/missing", test_missing);
  ADD ("/bc/review/file/never-written", test_never_written);
  ADD ("/bc/review/file/exists", test_exists);
  ADD ("/bc/review/file/same-period", test_same_period);
  ADD ("/bc/review/file/previous", test_previous);
  ADD ("/bc/review/file/version-2", test_version_2);
  ADD ("/bc/review/file/open-writes-nothing", test_open_writes_nothing);
  ADD ("/bc/review/file/json", test_json);
#undef ADD
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "bc-checker.h"
#include "bc-docx.h"
#include "bc-limits.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-test-utils.h"
#include "bc-xlsx.h"

/* Hostile sizes (bc-limits.h): every input past a limit is generated here,
 * at test time, and must be refused quickly (bench/run-hostile.py) with
 * BC_STORE_ERROR_TOO_LARGE (or, for a report file whose tables are not
 * ours, BC_STORE_ERROR_CORRUPT), leaving the library as it was. What is
 * within the limits must be read, checked and exported in time linear in
 * its size. */

#define QUICK BC_TEST_HANG_GUARD

typedef struct
{
  char       *dir;
  BcStore    *store;
  BcTemplate *template;
  gint64      id;
  char       *json;    /* the report, as interchange JSON */
  char       *file;    /* the report, as a report file */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = NULL;
  BcEdit edits[] = {
    { "header/number", "199" },
    { "sec/next_tasks/order", "t1" },
    { "sec/next_tasks/t1/text", "Tiếp tục triển khai." },
    { "tbl/dvc25/2/total", "3762" },
  };

  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  f->template = bc_test_load_template ("province-monthly");
  report = bc_store_create_report (f->store, f->template, "Tỉnh Bà Rịa - Vũng Tàu",
                                   "2024-04-21", "2024-05-20", &error);
  g_assert_no_error (error);
  g_assert_true (bc_store_apply (f->store, report, edits, G_N_ELEMENTS (edits), &error));
  f->id = bc_report_get_id (report);
  f->json = bc_store_export_json (f->store, f->id, &error);
  g_assert_no_error (error);
  f->file = g_build_filename (f->dir, "report.baocao", NULL);
  g_assert_true (bc_store_export_file (f->store, f->id, f->file, &error));
  g_assert_no_error (error);
  /* Imports go into this library: the report leaves it first. */
  g_assert_true (bc_store_delete_report (f->store, f->id, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->template);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->json);
  g_free (f->file);
}

static guint
count_reports (Fixture *f)
{
  g_autoptr(GPtrArray) list = bc_store_list_reports (f->store, NULL);

  return list->len;
}

/* The interchange JSON with @text inserted after the first @after. */
static char *
json_with (Fixture    *f,
           const char *after,
           const char *text)
{
  const char *at = strstr (f->json, after);

  g_assert_nonnull (at);
  at += strlen (after);
  return g_strdup_printf ("%.*s%s%s", (int) (at - f->json), f->json, text, at);
}

/* @n copies of @item, each with its index in place of its "%u". */
static char *
repeat (guint       n,
        const char *item)
{
  const char *mark = strstr (item, "%u");
  GString *text = g_string_new (NULL);

  g_assert_nonnull (mark);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_len (text, item, mark - item);
      g_string_append_printf (text, "%u", i);
      g_string_append (text, mark + 2);
    }
  return g_string_free (text, FALSE);
}

static void
assert_json_refused (Fixture    *f,
                     const char *json,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (bc_store_import_json (f->store, json, -1, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, code);
  g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK);
  g_assert_cmpuint (count_reports (f), ==, 0);
}

/* A JSON file past the size limit is refused unread, whatever is in it
 * (a 600 MB one was accepted after half a minute). */
static void
test_json_file_size (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "big.json", NULL);
  g_autofree char *big = NULL;
  gint64 start;
  int fd;

  /* Sparse: the report, then holes up to one byte past the limit. */
  g_assert_true (g_file_set_contents (path, f->json, -1, &error));
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, BC_LIMIT_FILE_SIZE + 1), ==, 0);
  close (fd);
  start = g_get_monotonic_time ();
  g_assert_cmpint (bc_store_import_json_file (f->store, path, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK);
  g_clear_error (&error);

  /* The same length in memory is refused before a byte is read. */
  big = g_malloc (BC_LIMIT_FILE_SIZE + 1);
  memcpy (big, f->json, strlen (f->json));
  g_assert_cmpint (bc_store_import_json (f->store, big, BC_LIMIT_FILE_SIZE + 1, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Not a pipe or a device, which would be read forever. */
  g_assert_cmpint (bc_store_import_json_file (f->store, "/dev/zero", &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN);
  g_clear_error (&error);
  g_assert_cmpuint (count_reports (f), ==, 0);

  /* Within the limit, the file is read. */
  g_assert_true (g_file_set_contents (path, f->json, -1, &error));
  g_assert_cmpint (bc_store_import_json_file (f->store, path, &error), >, 0);
  g_assert_no_error (error);
}

/* Past the limit on values, changes, comments or status steps: refused
 * before one of them is read (1,000,000 values in no list's order and
 * 300,000 changes were accepted after 10–30 s and 400–800 MB). */
static void
test_json_counts (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *values = repeat (BC_LIMIT_VALUES + 1, "\"sec/next_tasks/i%u/text\" : \"x\",");
  g_autofree char *changes = repeat (BC_LIMIT_CHANGES + 1, "{\"batch\" : %u},");
  g_autofree char *comments = repeat (BC_LIMIT_COMMENTS + 1, "{\"id\" : \"%u\"},");
  g_autofree char *steps = repeat (BC_LIMIT_STATUS_LOG + 1, "{\"to\" : \"%u\"},");
  g_autofree char *comments_member = g_strdup_printf ("\"comments\" : [%s{}], ", comments);
  g_autofree char *steps_member = g_strdup_printf ("\"status_log\" : [%s{}], ", steps);
  const char *cases[][2] = {
    { "\"values\" : {", values },
    { "\"changes\" : [", changes },
    { "{", comments_member },
    { "{", steps_member },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = json_with (f, cases[i][0], cases[i][1]);
      assert_json_refused (f, json, BC_STORE_ERROR_TOO_LARGE);
    }
}

/* A template of 100,000 columns in a report's JSON (39–69 s) is refused
 * by its size, before it is parsed. */
static void
test_json_template (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *columns = repeat (100000, "{\"id\" : \"c%u\", \"label\" : \"C\", \"type\" : \"integer\"},");
  g_autofree char *json = json_with (f, "\"columns\" : [", columns);

  assert_json_refused (f, json, BC_STORE_ERROR_TOO_LARGE);
}

/* Items anywhere are counted before a node is built: 5,5 million "{}"
 * in 16 MB took 9 s and 1,6 GB to parse. */
static void
test_json_items (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *items = repeat (BC_LIMIT_JSON_ITEMS, "[%u],");
  g_autofree char *member = g_strdup_printf ("\"junk\" : [%s[]], ", items);
  g_autofree char *json = json_with (f, "\"template\" : {", member);

  assert_json_refused (f, json, BC_STORE_ERROR_TOO_LARGE);
}

/* A report file edited with SQLite: @sql runs with writable_schema on. */
static char *
tampered_file (Fixture    *f,
               const char *name,
               const char *sql)
{
  g_autofree char *data = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  char *message = NULL;
  gsize length;
  sqlite3 *db;

  g_assert_true (g_file_get_contents (f->file, &data, &length, NULL));
  g_assert_true (g_file_set_contents (path, data, length, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
  return path;
}

static void
assert_file_refused (Fixture    *f,
                     const char *path,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (bc_store_import_file (f->store, path, BC_IMPORT_KEEP_BOTH, NULL, &error), ==, 0);
  g_assert_error (error, BC_STORE_ERROR, code);
  g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK);
  g_assert_cmpuint (count_reports (f), ==, 0);
}

/* A value, a changed value or a comment longer than the limit (a 50 MB
 * paragraph was accepted); one at the limit is read. */
static void
test_text_length (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *at_limit = g_strnfill (BC_LIMIT_TEXT_LENGTH, 'a');
  g_autofree char *past_limit = g_strnfill (BC_LIMIT_TEXT_LENGTH + 1, 'a');
  g_autofree char *value = g_strdup_printf ("\"sec/next_tasks/t9/text\" : \"%s\",", past_limit);
  g_autofree char *change = g_strdup_printf ("{\"batch\" : 1, \"key\" : \"header/summary\", \"old\" : null,"
                                             " \"new\" : \"%s\", \"actor\" : \"A\","
                                             " \"at\" : \"2024-05-21T01:00:00.000000Z\"},", past_limit);
  g_autofree char *json = json_with (f, "\"values\" : {", value);
  g_autofree char *json_change = json_with (f, "\"changes\" : [", change);
  g_autoptr(BcReport) report = NULL;
  gint64 id;

  assert_json_refused (f, json, BC_STORE_ERROR_TOO_LARGE);
  assert_json_refused (f, json_change, BC_STORE_ERROR_TOO_LARGE);

  /* In a report file, the same. */
  {
    g_autofree char *path = tampered_file (f, "long.baocao",
                                           "UPDATE value SET value = substr(hex(zeroblob(40000)), 1, 65537)"
                                           " WHERE key = 'sec/next_tasks/t1/text';");
    assert_file_refused (f, path, BC_STORE_ERROR_TOO_LARGE);
  }

  /* Typed in, the same: one validation for every path. */
  id = bc_store_import_json (f->store, f->json, -1, &error);
  g_assert_no_error (error);
  report = bc_store_open_report (f->store, id, &error);
  g_assert_false (bc_store_set_value (f->store, report, "sec/next_tasks/t1/text", past_limit, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_true (bc_store_set_value (f->store, report, "sec/next_tasks/t1/text", at_limit, &error));
  g_assert_no_error (error);
}

#define VALUE_TABLE(value_column) \
  "PRAGMA writable_schema = ON;" \
  "UPDATE sqlite_schema SET sql = 'CREATE TABLE value (" \
  "  report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE," \
  "  key TEXT NOT NULL, stored TEXT NOT NULL, " value_column "," \
  "  PRIMARY KEY (report_id, key)) WITHOUT ROWID' WHERE name = 'value';"

/* A report file's tables must be exactly Baocao's, checked before a row
 * is read: a generated column in the value table took 1,25 GB, and one
 * that leaves every value as it is was accepted. */
static void
test_file_schema (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *cases[] = {
    VALUE_TABLE ("value TEXT GENERATED ALWAYS AS (stored || hex(zeroblob(5000000))) VIRTUAL"),
    VALUE_TABLE ("value TEXT GENERATED ALWAYS AS (stored) VIRTUAL"),
    "CREATE VIEW everything AS SELECT * FROM value;",
    "CREATE TRIGGER stamp AFTER INSERT ON change BEGIN DELETE FROM value; END;",
    "CREATE INDEX value_value ON value (value);",
    "CREATE TABLE notes (text TEXT);",
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace(sql, 'actor TEXT NOT NULL', 'actor TEXT NOT NULL CHECK (length(actor) > 0)')"
    " WHERE name = 'change';",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("tampered-%u.baocao", i);
      g_autofree char *path = tampered_file (f, name, cases[i]);

      assert_file_refused (f, path, BC_STORE_ERROR_CORRUPT);
    }
  /* The untouched file, and one whose schema is only written with other
   * line breaks, are read. */
  g_assert_cmpint (bc_store_import_file (f->store, f->file, BC_IMPORT_KEEP_BOTH, NULL, &error), >, 0);
  g_assert_no_error (error);
  {
    g_autofree char *path = tampered_file (f, "spaced.baocao",
                                           "PRAGMA writable_schema = ON;"
                                           "UPDATE sqlite_schema SET sql = replace(sql, '  ', char(10) || '    ')"
                                           " WHERE name = 'value';");
    g_assert_cmpint (bc_store_import_file (f->store, path, BC_IMPORT_KEEP_BOTH, NULL, &error), >, 0);
    g_assert_no_error (error);
  }
}

/* Counts and size of a report file, checked before its rows are read. */
static void
test_file_counts (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *values_sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= %d)"
    " INSERT INTO value SELECT (SELECT id FROM report), 'sec/next_tasks/i' || i || '/text', 'x' FROM n;",
    BC_LIMIT_VALUES);
  g_autofree char *changes_sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= %d)"
    " INSERT INTO change (report_id, batch, key, old, new, actor, at)"
    " SELECT (SELECT id FROM report), i, 'header/number', NULL, i, 'A', '2024-05-21T01:00:00.000000Z' FROM n;",
    BC_LIMIT_CHANGES);
  g_autofree char *comments_sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= %d)"
    " INSERT INTO comment (report_id, uuid, author, text, created)"
    " SELECT (SELECT id FROM report), printf('%%08d-0000-4000-8000-000000000000', i), 'A', 'x',"
    " '2024-05-21T01:00:00.000000Z' FROM n;",
    BC_LIMIT_COMMENTS);
  g_autofree char *values = tampered_file (f, "values.baocao", values_sql);
  g_autofree char *changes = tampered_file (f, "changes.baocao", changes_sql);
  g_autofree char *comments = tampered_file (f, "comments.baocao", comments_sql);
  g_autofree char *big = tampered_file (f, "big.baocao", "SELECT 1;");
  int fd;

  assert_file_refused (f, values, BC_STORE_ERROR_TOO_LARGE);
  assert_file_refused (f, changes, BC_STORE_ERROR_TOO_LARGE);
  assert_file_refused (f, comments, BC_STORE_ERROR_TOO_LARGE);

  /* A file past the size limit is refused unread (sparse: the report,
   * then holes). */
  fd = g_open (big, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, BC_LIMIT_FILE_SIZE + 1), ==, 0);
  close (fd);
  assert_file_refused (f, big, BC_STORE_ERROR_TOO_LARGE);
}

/* A report past a limit in the library — a change log of more than
 * 50.000 entries — is not written as a file nobody could open. */
static void
test_export_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *library = g_build_filename (f->dir, "library.db", NULL);
  g_autofree char *out = g_build_filename (f->dir, "out.baocao", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *json = NULL;
  char *message = NULL;
  sqlite3 *db;
  gint64 id;

  id = bc_store_import_json (f->store, f->json, -1, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= %d)"
                         " INSERT INTO change (report_id, batch, key, old, new, actor, at)"
                         " SELECT %" G_GINT64_FORMAT ", i, 'header/number', NULL, i, 'A',"
                         " '2024-05-21T01:00:00.000000Z' FROM n;", BC_LIMIT_CHANGES, id);
  g_assert_cmpint (sqlite3_open (library, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);

  g_assert_false (bc_store_export_file (f->store, id, out, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  json = bc_store_export_json (f->store, id, &error);
  g_assert_null (json);
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_TOO_LARGE);
}

/* A template of @n_rows rows and @n_columns integer columns. */
static char *
big_template (guint n_rows,
              guint n_columns)
{
  g_autofree char *rows = repeat (n_rows, "{\"key\": \"r%u\", \"number\": \"1\", \"label\": \"Hàng\"},");
  g_autofree char *columns = repeat (n_columns, "{\"id\": \"c%u\", \"label\": \"Cột\", \"type\": \"integer\"},");

  return g_strdup_printf ("{\"format\": 1, \"id\": \"big\", \"name\": \"Lớn\", \"kind\": \"report\","
                          " \"period\": {\"regime\": \"monthly\"},"
                          " \"sections\": [{\"id\": \"s\", \"title\": \"S\", \"kind\": \"narrative\"}],"
                          " \"tables\": [{\"id\": \"t\", \"title\": \"Bảng\", \"rows\": [%s"
                          "{\"key\": \"last\", \"number\": \"2\", \"label\": \"Cuối\"}],"
                          " \"columns\": [%s{\"id\": \"last\", \"label\": \"Cuối\", \"type\": \"integer\"}]}]}",
                          rows, columns);
}

/* 100,000 columns took 39–69 s, 60,000 rows 17 s: refused at once. */
static void
test_template_counts (void)
{
  struct { guint rows; guint columns; } cases[] = {
    { 1, 100000 }, { 60000, 1 }, { BC_LIMIT_ROWS, 1 }, { 1, BC_LIMIT_COLUMNS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = big_template (cases[i].rows, cases[i].columns);
      g_autoptr(BcTemplate) template = NULL;
      gint64 start = g_get_monotonic_time ();

      template = bc_template_new_from_data (json, -1, "big.json", NULL, &error);
      g_assert_null (template);
      g_assert_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "at most"));
      g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK);
    }
}

/* A report at the limits — the most rows a table may have, the most
 * values a report may hold — is imported, checked and exported, each in
 * well under a second: row and column lookups are by hash, not by
 * walking the template. */
static void
test_linear (Fixture       *f,
             gconstpointer  data)
{
  const guint n_rows = BC_LIMIT_ROWS - 1, n_columns = BC_LIMIT_VALUES / BC_LIMIT_ROWS - 1;
  g_autoptr(GError) error = NULL;
  g_autofree char *template = big_template (n_rows, n_columns - 1);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "big.xlsx", NULL);
  g_autofree char *docx = g_build_filename (f->dir, "big.docx", NULL);
  gint64 id, start;

  g_string_append_printf (json, "{\"format\": \"baocao-report\", \"version\": 1,"
                          " \"uuid\": \"0b0c6f5e-8a4b-4c1d-9e2f-0a1b2c3d4e5f\","
                          " \"created\": \"2024-05-21T01:00:00.000000Z\", \"modified\": \"2024-05-21T01:00:00.000000Z\","
                          " \"previous\": null, \"template\": %s, \"changes\": [], \"values\": {"
                          " \"meta/unit\": \"Tỉnh\", \"meta/period_from\": \"2024-04-15\","
                          " \"meta/period_to\": \"2024-05-14\"", template);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns - 1; c++)
      g_string_append_printf (json, ", \"tbl/t/r%u/c%u\": \"%u\"", r, c, r + c);
  g_string_append (json, "}}");

  start = g_get_monotonic_time ();
  id = bc_store_import_json (f->store, json->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK);
  report = bc_store_open_report (f->store, id, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  findings = bc_check_report (report, NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK);
  start = g_get_monotonic_time ();
  g_assert_true (bc_xlsx_export (report, xlsx, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK);
  start = g_get_monotonic_time ();
  g_assert_true (bc_docx_export (report, docx, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/limits/json/file-size", test_json_file_size);
  ADD ("/bc/limits/json/counts", test_json_counts);
  ADD ("/bc/limits/json/items", test_json_items);
  ADD ("/bc/limits/json/template", test_json_template);
  ADD ("/bc/limits/text-length", test_text_length);
  ADD ("/bc/limits/file/schema", test_file_schema);
  ADD ("/bc/limits/file/counts", test_file_counts);
  ADD ("/bc/limits/export-refused", test_export_refused);
  ADD ("/bc/limits/linear", test_linear);
#undef ADD
  g_test_add_func ("/bc/limits/template/counts", test_template_counts);
  return g_test_run ();
}

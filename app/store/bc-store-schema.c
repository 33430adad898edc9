/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-store-private.h"

/* The library's schema and its forward migrations. A report file has the
 * same schema, so the same code migrates an older one in memory. */

/* The base schema; a new library is made as version 2, then migrated
 * forward like an old one, so that both end up with the same tables. */
static const char schema_v2[] =
  "CREATE TABLE report ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  template_id TEXT NOT NULL,"
  "  template_name TEXT NOT NULL DEFAULT '',"
  "  template TEXT NOT NULL,"
  "  unit TEXT NOT NULL,"
  "  period_from TEXT NOT NULL,"
  "  period_to TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'draft',"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  previous_id INTEGER REFERENCES report(id) ON DELETE SET NULL);"
  "CREATE TABLE value ("
  "  report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (report_id, key)) WITHOUT ROWID;"
  "CREATE TABLE change ("
  "  id INTEGER PRIMARY KEY,"
  "  report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,"
  "  batch INTEGER NOT NULL,"
  "  key TEXT NOT NULL,"
  "  old TEXT,"
  "  new TEXT,"
  "  actor TEXT NOT NULL,"
  "  at TEXT NOT NULL);"
  "CREATE INDEX change_report ON change (report_id, id);"
  "CREATE INDEX report_period ON report (unit, period_to);";

/* Version 1 had no grouped changes, no link to the previous period and no
 * stored template name. */
static const char migrate_v1_v2[] =
  "ALTER TABLE report ADD COLUMN template_name TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE report ADD COLUMN previous_id INTEGER REFERENCES report(id) ON DELETE SET NULL;"
  "UPDATE report SET template_name = coalesce(json_extract(template, '$.name'), '');"
  "ALTER TABLE change ADD COLUMN batch INTEGER NOT NULL DEFAULT 0;"
  "UPDATE change SET batch = id;"
  "CREATE INDEX change_report ON change (report_id, id);"
  "CREATE INDEX report_period ON report (unit, period_to);";

/* Version 3 adds review: the role on each change, comment threads, the
 * status history, and a few facts about a report file. */
static const char migrate_v2_v3[] =
  "ALTER TABLE change ADD COLUMN role TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE comment ("
  "  id INTEGER PRIMARY KEY,"
  "  report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,"
  "  uuid TEXT NOT NULL,"
  "  parent_id INTEGER REFERENCES comment(id) ON DELETE CASCADE,"
  "  target TEXT NOT NULL DEFAULT '',"
  "  author TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  resolved_at TEXT,"
  "  resolved_by TEXT);"
  "CREATE UNIQUE INDEX comment_uuid ON comment (report_id, uuid);"
  "CREATE INDEX comment_parent ON comment (parent_id);"
  "CREATE TABLE status_log ("
  "  id INTEGER PRIMARY KEY,"
  "  report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,"
  "  from_status TEXT NOT NULL,"
  "  to_status TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  role TEXT NOT NULL DEFAULT '',"
  "  reason TEXT,"
  "  at TEXT NOT NULL);"
  "CREATE INDEX status_log_report ON status_log (report_id, id);"
  "CREATE TABLE info ("
  "  name TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL) WITHOUT ROWID;";

/* Version 4 never gives a deleted report's id to another (a script or a
 * note that says "report 7" must not come to mean a different report):
 * AUTOINCREMENT, which SQLite adds only to a table built anew. Foreign
 * keys are off while it runs (see bc_store_migrate()), or dropping the
 * old table would delete every value, change and comment with it. */
static const char migrate_v3_v4[] =
  "CREATE TABLE new_report ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  template_id TEXT NOT NULL,"
  "  template_name TEXT NOT NULL DEFAULT '',"
  "  template TEXT NOT NULL,"
  "  unit TEXT NOT NULL,"
  "  period_from TEXT NOT NULL,"
  "  period_to TEXT NOT NULL,"
  "  status TEXT NOT NULL DEFAULT 'draft',"
  "  created TEXT NOT NULL,"
  "  modified TEXT NOT NULL,"
  "  previous_id INTEGER REFERENCES report(id) ON DELETE SET NULL);"
  "INSERT INTO new_report (id, uuid, template_id, template_name, template, unit, period_from,"
  "  period_to, status, created, modified, previous_id)"
  "  SELECT id, uuid, template_id, template_name, template, unit, period_from,"
  "  period_to, status, created, modified, previous_id FROM report;"
  "DROP TABLE report;"
  "ALTER TABLE new_report RENAME TO report;"
  "CREATE INDEX report_period ON report (unit, period_to);";

/* Version 5 adds office profiles, one field a row (a new field needs no
 * migration), and the link of a report to the profile it was made for:
 * the profile's uuid, which means the same office in every library and
 * file ('' for none or a deleted one). */
static const char migrate_v4_v5[] =
  "CREATE TABLE office ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  modified TEXT NOT NULL);"
  "CREATE TABLE office_value ("
  "  office_id INTEGER NOT NULL REFERENCES office(id) ON DELETE CASCADE,"
  "  field TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (office_id, field)) WITHOUT ROWID;"
  "ALTER TABLE report ADD COLUMN office TEXT NOT NULL DEFAULT '';";

/* Version 6 keeps where each value of a report built from its months
 * came from (bc-store-rollup.c): the rule, the value taken, the ids of
 * the month reports, comma-separated, and the last day of the latest. */
static const char migrate_v5_v6[] =
  "CREATE TABLE rollup ("
  "  report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  rule TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  sources TEXT NOT NULL,"
  "  through TEXT NOT NULL,"
  "  PRIMARY KEY (report_id, key)) WITHOUT ROWID;";

/* Version 7 keeps what the report list shows, so that opening a library
 * of thousands reads no report in full: a summary per report (title,
 * counts of findings) stamped with the change times it was made from,
 * and the words to search. Both are derived: a summary whose stamps no
 * longer match its report's is made again (bc-library.c), whichever
 * program changed the report. */
static const char migrate_v6_v7[] =
  "CREATE TABLE report_summary ("
  "  report_id INTEGER PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE,"
  "  modified TEXT NOT NULL,"
  "  previous_modified TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  errors INTEGER NOT NULL,"
  "  warnings INTEGER NOT NULL);"
  "CREATE VIRTUAL TABLE report_search USING fts5 ("
  "  unit, period, title, body, tokenize = 'unicode61 remove_diacritics 2');"
  "CREATE INDEX report_list ON report (period_to, unit COLLATE NOCASE, id, period_from, status,"
  "  template_id, template_name, modified, previous_id);"
  "CREATE INDEX report_row ON report (id, modified, previous_id, unit, period_from, period_to, status,"
  "  template_id, template_name);";

/* Version 8 lets a province consolidate its units' reports
 * (bc-store-receive.c, bc-store-consolidate.c): the units that report to
 * the library (empty: its profiles of districts), the reports received
 * from them (read-only here: who sent each and when), the consolidated
 * reports with the units they cover, the value of every unit in each
 * consolidated value (its parts, shown on demand), and the values the
 * clerk typed over with her reason. */
static const char migrate_v7_v8[] =
  "CREATE TABLE reporting_unit ("
  "  unit TEXT PRIMARY KEY) WITHOUT ROWID;"
  "CREATE TABLE received ("
  "  report_id INTEGER PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE,"
  "  sender TEXT NOT NULL,"
  "  sent TEXT NOT NULL,"
  "  received TEXT NOT NULL,"
  "  file TEXT NOT NULL);"
  "CREATE TABLE consolidation ("
  "  report_id INTEGER PRIMARY KEY REFERENCES report(id) ON DELETE CASCADE,"
  "  units TEXT NOT NULL,"
  "  made TEXT NOT NULL);"
  "CREATE TABLE rollup_part ("
  "  report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  unit TEXT NOT NULL,"
  "  source_id INTEGER NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (report_id, key, unit)) WITHOUT ROWID;"
  "CREATE TABLE override ("
  "  report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  at TEXT NOT NULL,"
  "  PRIMARY KEY (report_id, key)) WITHOUT ROWID;";

static int
pragma_int (BcStore    *self,
            const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (bc_store_get_db (self), pragma, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Runs the statements that bring the schema from @version (0: none) to
 * @target, the only place that makes tables. */
static gboolean
run_steps (BcStore  *self,
           int       version,
           int       target,
           GError  **error)
{
  if ((version == 0 && !bc_store_exec (self, schema_v2, error))
      || (version == 1 && !bc_store_exec (self, migrate_v1_v2, error))
      || (version <= 2 && target >= 3 && !bc_store_exec (self, migrate_v2_v3, error))
      || (version <= 3 && target >= 4 && !bc_store_exec (self, migrate_v3_v4, error))
      || (version <= 4 && target >= 5 && !bc_store_exec (self, migrate_v4_v5, error))
      || (version <= 5 && target >= 6 && !bc_store_exec (self, migrate_v5_v6, error))
      || (version <= 6 && target >= 7 && !bc_store_exec (self, migrate_v6_v7, error))
      || (version <= 7 && target >= 8 && !bc_store_exec (self, migrate_v7_v8, error)))
    return FALSE;
  return TRUE;
}

/* Brings the schema from @version to the current one; the caller holds a
 * write transaction. */
static gboolean
upgrade (BcStore  *self,
         int       version,
         GError  **error)
{
  g_autofree char *set_version = NULL;

  if (!run_steps (self, version, BC_STORE_SCHEMA_VERSION, error))
    return FALSE;
  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                 BC_STORE_APPLICATION_ID, BC_STORE_SCHEMA_VERSION);
  return bc_store_exec (self, set_version, error);
}

static gboolean
migrate_in_transaction (BcStore  *self,
                        GError  **error)
{
  int version;

  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  version = pragma_int (self, "PRAGMA user_version");
  if (version == 0 && pragma_int (self, "SELECT count(*) FROM sqlite_schema") > 0)
    {
      bc_store_rollback (self);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN,
                   _("“%s” is an SQLite database of another program, not a Baocao file"), bc_store_get_path (self));
      return FALSE;
    }
  if (version < 0 || version > BC_STORE_SCHEMA_VERSION)
    {
      bc_store_rollback (self);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened. It was left as it is; restore it from a backup."),
                   bc_store_get_path (self));
      return FALSE;
    }
  /* Baocao makes no view or trigger; SQLite re-reads them all to migrate
   * a table and fails on another program's ("no such table: main.c"). */
  if (pragma_int (self, "SELECT count(*) FROM sqlite_schema WHERE type IN ('view', 'trigger')") > 0)
    {
      bc_store_rollback (self);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN,
                   _("“%s” holds views or triggers, which Baocao never makes: another program changed it, "
                     "and Baocao does not open it."), bc_store_get_path (self));
      return FALSE;
    }
  if ((version < BC_STORE_SCHEMA_VERSION && !upgrade (self, version, error))
      || !bc_store_exec (self, "COMMIT", error))
    {
      bc_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* A library already at the current version is not written to at all:
 * opening it leaves its bytes alone. Foreign keys are off while the
 * tables are rebuilt (they cannot be switched inside a transaction). */
gboolean
bc_store_migrate (BcStore  *self,
                  GError  **error)
{
  int foreign_keys;
  gboolean ok;

  if (pragma_int (self, "PRAGMA user_version") == BC_STORE_SCHEMA_VERSION)
    return TRUE;
  foreign_keys = pragma_int (self, "PRAGMA foreign_keys");
  ok = bc_store_exec (self, "PRAGMA foreign_keys = OFF", error) && migrate_in_transaction (self, error);
  if (foreign_keys == 1 && !bc_store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    ok = FALSE;
  return ok;
}

/* One line per table, index and column of sqlite_schema, with runs of
 * white space made one and none beside punctuation: a file written by
 * hand with other line breaks still compares equal, nothing else does. */
static char *
schema_text (sqlite3 *db)
{
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema"
                          " ORDER BY type, name", -1, &stmt, NULL) != SQLITE_OK)
    return sqlite3_finalize (stmt), NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append_printf (text, "%s\t%s\t%s\t", sqlite3_column_text (stmt, 0),
                              sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
      for (const char *p = (const char *) sqlite3_column_text (stmt, 3); *p; p++)
        {
          char last = text->len > 0 ? text->str[text->len - 1] : '\0';
          if (g_ascii_isspace (*p) && (last == ' ' || strchr ("(),;\t", last) != NULL))
            continue;
          if (strchr ("(),;", *p) != NULL && last == ' ')
            g_string_truncate (text, text->len - 1);
          g_string_append_c (text, g_ascii_isspace (*p) ? ' ' : *p);
        }
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The schema a Baocao of @version made, in a database of its own. Report
 * files began with version 3; version 2 is kept for the files of tests
 * and betas; older ones have none. */
static char *
expected_schema (int version)
{
  sqlite3 *db = NULL;
  g_autoptr(BcStore) reference = NULL;
  char *text = NULL;

  if (version < 2 || version > BC_STORE_SCHEMA_VERSION)
    return NULL;
  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    return sqlite3_close (db), NULL;
  reference = bc_store_new_for_db (db, ":memory:", FALSE);
  if (run_steps (reference, 0, version, NULL))
    text = schema_text (db);
  return text;
}

/**
 * bc_store_schema_matches:
 * @version: the file's schema version
 *
 * Whether the database has exactly the tables, columns and indexes that
 * Baocao made at @version, and nothing else: no view, trigger, index or
 * generated column of somebody else's. Only sqlite_schema is read, so a
 * hostile file is refused before any of its rows is.
 *
 * Returns: %TRUE when the schema is ours
 */
gboolean
bc_store_schema_matches (BcStore *self,
                         int      version)
{
  g_autofree char *expected = expected_schema (version);
  g_autofree char *actual = NULL;

  if (expected == NULL)
    return FALSE;
  actual = schema_text (bc_store_get_db (self));
  return actual != NULL && g_str_equal (actual, expected);
}

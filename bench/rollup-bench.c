/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "bc-bench-utils.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-rollup.h"
#include "bc-template.h"

/* How long the year's roll-up of one unit takes in a library of 1.000
 * monthly reports (84 districts × 12 months, the last one short), each
 * with every key figure, both appendices counted row by row, three
 * documents and a paragraph:
 *   compute   bc_store_compute_rollup(): finding the unit's 12 reports,
 *             opening them and rolling them up;
 *   reference one plain SQL query reading the 12 reports' values, summed
 *             by key in C, on a connection of its own;
 *   built     the shipped district-annual report built from the 12 months
 *             end to end (bc_store_create_rollup_report(): finding and
 *             opening them, rolling them up, writing the report, its
 *             values and their provenance; deleted between runs), against
 *             its reference: the same query, and as many values written
 *             in one durable transaction on that connection.
 * Usage: rollup-bench [RUNS [REPORTS]] with BAOCAO_DATADIR set; prints
 * medians. REPORTS (default 1.000) is only made smaller to try it out. */

#define UNITS 84
#define MONTHS 12
#define REPORTS 1000

static BcTemplate *
load (const char *id,
      const char *regime)
{
  g_autofree char *tdir = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "templates", NULL);
  g_autofree char *cdir = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "catalogs", NULL);
  g_autofree char *file = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (tdir, file, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  BcTemplate *template;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  if (regime != NULL)
    {
      /* The monthly template over the year: every figure and cell rolled up. */
      g_autofree char *with = g_strdup_printf ("\"regime\": \"%s\", \"cutoff_day\": 14", regime);
      parts = g_strsplit (text, "\"regime\": \"monthly\"", 2);
      joined = g_strjoinv (with, parts);
      g_free (text);
      text = g_steal_pointer (&joined);
    }
  template = bc_template_new_from_data (text, -1, path, cdir, &error);
  if (template == NULL)
    g_error ("%s", error->message);
  return template;
}

/* Every figure, every counted cell of every row, documents, a paragraph. */
static void
fill (BcStore    *store,
      BcReport   *report,
      BcTemplate *t,
      guint       unit,
      guint       month)
{
  BcBenchEdits edits;

  bc_bench_edits_init (&edits);
  bc_bench_edits_add_counts (&edits, t, bc_bench_count, GUINT_TO_POINTER (unit * 31 + month * 7));
  bc_bench_edits_add (&edits, g_strdup ("sec/city_direction/order"), g_strdup ("a,b,c"));
  for (guint d = 0; d < 3; d++)
    {
      char id = (char) ('a' + d);
      bc_bench_edits_add (&edits, g_strdup_printf ("sec/city_direction/%c/type", id), g_strdup ("Công văn"));
      bc_bench_edits_add (&edits, g_strdup_printf ("sec/city_direction/%c/number", id),
                          g_strdup_printf ("%u/UBND-VP", d == 0 ? 5096 : month * 10 + d));
      bc_bench_edits_add (&edits, g_strdup_printf ("sec/city_direction/%c/date", id),
                          g_strdup (d == 0 ? "2022-12-01" : bc_report_get_period_to (report)));
      bc_bench_edits_add (&edits, g_strdup_printf ("sec/city_direction/%c/summary", id),
                          g_strdup ("về triển khai Đề án 06"));
    }
  bc_bench_edits_add (&edits, g_strdup ("sec/strengths/order"), g_strdup ("p1"));
  bc_bench_edits_add (&edits, g_strdup ("sec/strengths/p1/text"), g_strdup_printf ("Tháng %u: đã tuyên truyền.", month));
  bc_bench_edits_apply (&edits, store, report);
}

static char *
unit_name (guint u)
{
  return g_strdup_printf ("Huyện Thử %02u", u + 1);
}

static void
make_library (BcStore    *store,
              BcTemplate *monthly,
              const char *from,
              guint       reports)
{
  guint made = 0;

  for (guint u = 0; u < UNITS && made < reports; u++)
    {
      g_autofree char *unit = unit_name (u);
      GDate day;

      bc_date_parse (from, &day);
      for (guint m = 1; m <= MONTHS && made < reports; m++, made++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(BcReport) report = NULL;
          g_autofree char *f = NULL, *t = NULL;
          GDate m_from, m_to;

          bc_period_containing (BC_REGIME_MONTHLY, 14, &day, &m_from, &m_to);
          f = bc_date_to_iso (&m_from);
          t = bc_date_to_iso (&m_to);
          if ((report = bc_store_create_report (store, monthly, unit, f, t, &error)) == NULL)
            g_error ("%s", error->message);
          fill (store, report, monthly, u, m);
          day = m_to;
          g_date_add_days (&day, 1);
        }
    }
}

/* The reference: one query for the 12 reports' values, summed by key. */
static GHashTable *
reference_sums (sqlite3    *db,
                const char *unit,
                const char *from,
                const char *to)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT v.key, v.value FROM report r JOIN value v ON v.report_id = r.id"
                          " WHERE r.unit = ?1 AND r.period_from >= ?2 AND r.period_to <= ?3", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, unit, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gint64 sum = GPOINTER_TO_SIZE (g_hash_table_lookup (sums, key));
      g_hash_table_insert (sums, g_strdup (key), GSIZE_TO_POINTER (sum + sqlite3_column_int64 (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&sums);
}

static guint
reference (sqlite3    *db,
           const char *unit,
           const char *from,
           const char *to)
{
  g_autoptr(GHashTable) sums = reference_sums (db, unit, from, to);

  return g_hash_table_size (sums);
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Building's reference: the months' values read as above, and @n values
 * written in one durable transaction (then removed, untimed). */
static double
reference_build (sqlite3    *db,
                 const char *unit,
                 const char *from,
                 const char *to,
                 guint       n)
{
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(GHashTable) sums = reference_sums (db, unit, from, to);
  sqlite3_stmt *stmt = NULL;
  double ms;

  exec (db, "BEGIN IMMEDIATE");
  if (sqlite3_prepare_v2 (db, "INSERT INTO bench_values (key, value) VALUES (?1, ?2)", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("fig/value_%u", i);
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, (gint64) i + g_hash_table_size (sums));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  exec (db, "COMMIT");
  ms = (g_get_monotonic_time () - t0) / 1e3;
  exec (db, "DELETE FROM bench_values");
  return ms;
}

/* The rows the report holds: its values and its provenance. */
static guint
count_rows (BcStore  *store,
            BcReport *report)
{
  g_autoptr(GHashTable) provenance = bc_store_get_rollup (store, bc_report_get_id (report), NULL);

  return g_hash_table_size (bc_report_get_values (report)) + (provenance ? g_hash_table_size (provenance) : 0);
}

static void
remove_library (const char *dir,
                const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL), *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 20;
  guint reports = argc > 2 ? (guint) atoi (argv[2]) : REPORTS;
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *dir = g_build_filename (base, "baocao-rollup-bench-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcTemplate) monthly = NULL;
  g_autoptr(BcTemplate) longer = NULL;
  g_autoptr(BcTemplate) annual = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL, *to = NULL;
  g_autofree char *unit = NULL;
  g_autofree double *compute = NULL, *build = NULL, *ref = NULL, *build_ref = NULL;
  sqlite3 *db = NULL;
  guint values = 0, rows = 0, n_reports;
  gint64 t0;

  if (runs == 0 || reports < MONTHS || reports > UNITS * MONTHS || g_mkdtemp (dir) == NULL)
    {
      fprintf (stderr, "usage: rollup-bench [RUNS [REPORTS (%u to %u)]]\n", MONTHS, UNITS * MONTHS);
      return 64;
    }
  /* The unit in the middle of those with a whole year. */
  unit = unit_name (MIN (UNITS / 2, reports / MONTHS / 2));
  path = g_build_filename (dir, "library.db", NULL);
  monthly = load ("district-monthly", NULL);
  /* The monthly template over the year: every figure and cell rolled up. */
  longer = load ("district-monthly", "annual");
  annual = load ("district-annual", NULL);
  /* The reporting year of Decree 09/2019, 15/12 – 14/12. */
  bc_period_of_year (BC_REGIME_ANNUAL, bc_template_get_cutoff_day (annual), 2023, &from, &to);
  if ((store = bc_store_open (path, &error)) == NULL)
    g_error ("%s", error->message);
  t0 = g_get_monotonic_time ();
  make_library (store, monthly, from, reports);
  {
    g_autoptr(GPtrArray) list = bc_store_list_reports (store, NULL);
    n_reports = list ? list->len : 0;
  }
  printf ("library: %u monthly reports of %u units, made in %.1f s; the year %s – %s of %s\n",
          n_reports, (reports + MONTHS - 1) / MONTHS, (g_get_monotonic_time () - t0) / 1e6, from, to, unit);
  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  sqlite3_busy_timeout (db, 5000);
  exec (db, "PRAGMA synchronous = FULL");
  exec (db, "CREATE TABLE IF NOT EXISTS bench_values (key TEXT, value INTEGER)");

  compute = g_new (double, runs);
  build = g_new (double, runs);
  ref = g_new (double, runs);
  build_ref = g_new (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(BcRollup) rollup = NULL;
      g_autoptr(BcReport) report = NULL;

      t0 = g_get_monotonic_time ();
      values = reference (db, unit, from, to);
      ref[i] = (g_get_monotonic_time () - t0) / 1e3;

      t0 = g_get_monotonic_time ();
      rollup = bc_store_compute_rollup (store, longer, unit, from, to, &error);
      compute[i] = (g_get_monotonic_time () - t0) / 1e3;
      if (rollup == NULL || bc_rollup_count_present (rollup) != MONTHS)
        g_error ("roll-up: %s", error ? error->message : "months missing");

      t0 = g_get_monotonic_time ();
      report = bc_store_create_rollup_report (store, annual, NULL, unit, from, to, NULL, &error);
      build[i] = (g_get_monotonic_time () - t0) / 1e3;
      if (report == NULL)
        g_error ("build: %s", error->message);
      rows = count_rows (store, report);
      if (!bc_store_delete_report (store, bc_report_get_id (report), &error))
        g_error ("build: %s", error->message);
      build_ref[i] = reference_build (db, unit, from, to, rows);
    }
  printf ("reference (one SQL query, %u keys summed): median %.2f ms\n", values, bc_bench_median (ref, runs));
  printf ("roll-up computed: median %.2f ms (%.1f× the reference)\n", bc_bench_median (compute, runs),
          bc_bench_median (compute, runs) / bc_bench_median (ref, runs));
  printf ("built: district-annual from %u months, end to end (found, opened, rolled up, the report, "
          "its values and provenance written, %u rows): median %.2f ms; its reference (the query, and %u rows "
          "written in one transaction): median %.2f ms (%.1f× its reference)\n",
          MONTHS, rows, bc_bench_median (build, runs), rows, bc_bench_median (build_ref, runs),
          bc_bench_median (build, runs) / bc_bench_median (build_ref, runs));
  sqlite3_close (db);
  g_clear_object (&store);
  remove_library (dir, path);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "bc-bench-utils.h"
#include "bc-office.h"
#include "bc-report.h"
#include "bc-store-consolidate.h"
#include "bc-template.h"

/* A province with 100 districts, each sending its June 2024 report
 * (every key figure, both appendices counted row by row) as a file:
 *   receive      bc_store_receive_files() of the folder of 100 files into
 *                a fresh library; its reference, in the same run, is
 *                open-file (bc_store_import_file()) of the same 100 files,
 *                one by one, into another fresh library;
 *   consolidate  bc_store_create_consolidated() of the province's report
 *                from the 100 received reports (deleted between runs);
 *                its reference, one plain SQL query reading the 100
 *                reports' values, summed by key in C.
 * Usage: consolidate-bench DIR [RUNS] with BAOCAO_DATADIR set; prints
 * medians. */

#define UNITS 100
#define FROM "2024-05-15"
#define TO   "2024-06-14"

/* The 100 districts' files in DIR/inbox; returns the units' names. */
static GStrv
make_files (const char *dir,
            const char *inbox)
{
  g_autoptr(BcStore) district = bc_bench_open_store (dir, "districts.db");
  g_autoptr(BcTemplate) monthly = bc_bench_load_template ("district-monthly");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_mkdir_with_parents (inbox, 0700);
  for (guint u = 0; u < UNITS; u++)
    {
      g_autofree char *unit = g_strdup_printf ("Huyện Thử %03u", u + 1);
      g_autofree char *file = g_strdup_printf ("%s/%03u.baocao", inbox, u + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(BcReport) report = bc_store_create_report (district, monthly, unit, FROM, TO, &error);

      if (report == NULL)
        g_error ("%s", error->message);
      bc_bench_fill (district, report, bc_bench_count, GUINT_TO_POINTER (u));
      if (!bc_store_export_file (district, bc_report_get_id (report), file, &error))
        g_error ("%s", error->message);
      g_strv_builder_add (names, unit);
    }
  return g_strv_builder_end (names);
}

static double
time_receive (const char          *dir,
              const char          *inbox,
              const char * const  *units,
              BcStore            **kept)
{
  g_autoptr(BcStore) store = bc_bench_open_store (dir, "province.db");
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[] = { inbox, NULL };
  gint64 start;
  double s;

  if (!bc_store_set_reporting_units (store, units, &error))
    g_error ("%s", error->message);
  start = g_get_monotonic_time ();
  results = bc_store_receive_files (store, paths, &error);
  s = (g_get_monotonic_time () - start) / 1e6;
  if (results == NULL || results->len != UNITS)
    g_error ("receiving failed");
  for (guint i = 0; i < results->len; i++)
    if (((BcReceiveResult *) results->pdata[i])->outcome != BC_RECEIVE_RECEIVED)
      g_error ("%s", ((BcReceiveResult *) results->pdata[i])->why);
  if (kept != NULL)
    *kept = g_steal_pointer (&store);
  return s;
}

static double
time_open_files (const char *dir,
                 const char *inbox)
{
  g_autoptr(BcStore) store = bc_bench_open_store (dir, "reference.db");
  gint64 start = g_get_monotonic_time ();

  for (guint u = 0; u < UNITS; u++)
    {
      g_autofree char *file = g_strdup_printf ("%s/%03u.baocao", inbox, u + 1);
      g_autoptr(GError) error = NULL;
      if (bc_store_import_file (store, file, BC_IMPORT_ASK, NULL, &error) == 0)
        g_error ("%s", error->message);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

/* The reference: one query for the 100 reports' values, summed by key. */
static guint
reference (const char *path)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT v.key, v.value FROM report r JOIN value v ON v.report_id = r.id"
                             " WHERE substr(r.period_to, 1, 7) = '2024-06' AND r.template_id = 'district-monthly'",
                             -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gint64 sum = GPOINTER_TO_SIZE (g_hash_table_lookup (sums, key));
      g_hash_table_insert (sums, g_strdup (key), GSIZE_TO_POINTER (sum + sqlite3_column_int64 (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  n = g_hash_table_size (sums);
  sqlite3_close (db);
  return n;
}

int
main (int    argc,
      char **argv)
{
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 20, receive_runs = 5;
  g_autofree char *inbox = NULL, *province_path = NULL;
  g_autofree double *consolidate = NULL, *sql = NULL, *receive = NULL, *open_files = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcTemplate) target = NULL;
  g_autoptr(BcOffice) office = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) units = NULL;
  guint keys = 0, sums = 0;

  if (argc < 2 || runs == 0)
    g_error ("usage: consolidate-bench DIR [RUNS]");
  inbox = g_build_filename (argv[1], "inbox", NULL);
  province_path = g_build_filename (argv[1], "province.db", NULL);
  units = make_files (argv[1], inbox);
  receive = g_new0 (double, receive_runs);
  open_files = g_new0 (double, receive_runs);
  for (guint i = 0; i < receive_runs; i++)
    {
      receive[i] = time_receive (argv[1], inbox, (const char * const *) units, NULL);
      open_files[i] = time_open_files (argv[1], inbox);
    }
  time_receive (argv[1], inbox, (const char * const *) units, &store);
  target = bc_bench_load_template ("province-monthly");
  office = bc_office_new ("Thử", "tỉnh", &error);
  if (office == NULL || !bc_store_add_office (store, office, &error))
    g_error ("%s", error->message);
  consolidate = g_new0 (double, runs);
  sql = g_new0 (double, runs);
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(BcRollup) made = NULL;
      g_autoptr(BcReport) report = NULL;
      gint64 start = g_get_monotonic_time ();

      report = bc_store_create_consolidated (store, target, office, "2024-05-21", "2024-06-20", NULL, &made, &error);
      consolidate[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (report == NULL)
        g_error ("%s", error->message);
      sums = made->entries->len;
      if (!bc_store_delete_report (store, bc_report_get_id (report), &error))
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      keys = reference (province_path);
      sql[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("receive %u files: %.2f s (open-file of each: %.2f s, %.2f×), median of %u\n", UNITS,
          bc_bench_median (receive, receive_runs), bc_bench_median (open_files, receive_runs),
          bc_bench_median (receive, receive_runs) / bc_bench_median (open_files, receive_runs), receive_runs);
  printf ("consolidate %u reports: %.2f ms (one SQL query summing their %u keys: %.2f ms, %.1f×); %u sums, median of %u\n",
          UNITS, bc_bench_median (consolidate, runs), keys, bc_bench_median (sql, runs), bc_bench_median (consolidate, runs) / bc_bench_median (sql, runs),
          sums, runs);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bc-bench-utils.h"
#include "bc-checker.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-template.h"

/* How long the checks take:
 *   1. one full province monthly report (the seed 000 sample), checked
 *      again and again: median µs;
 *   2. a province's year in a library: 12 months × 84 units (the province
 *      itself and 83 districts, from the two samples), each month made from
 *      the last with bc_store_duplicate_next() so month over month has its
 *      previous report; every report opened from SQLite and checked against
 *      its previous one: median ms per pass.
 * Usage: check-bench [SINGLE_RUNS [PASSES]] with BAOCAO_DATADIR set; PASSES
 * 0 checks the single report only (for a profiler). */

#define UNITS 84
#define MONTHS 12

/* The process's CPU time, µs: on a machine shared with other builds the
 * wall clock also counts the time the bench waited for a core. */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec * G_USEC_PER_SEC + (double) ts.tv_nsec / 1000;
}

static BcReport *
import_sample (BcStore    *store,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strconcat (name, ".json", NULL);
  g_autofree char *path = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", file, NULL);
  g_autofree char *data = NULL;
  gsize length;
  gint64 id;
  BcReport *report;

  if (!g_file_get_contents (path, &data, &length, &error)
      || (id = bc_store_import_json (store, data, (gssize) length, &error)) == 0
      || (report = bc_store_open_report (store, id, &error)) == NULL)
    g_error ("%s: %s", path, error->message);
  return report;
}

/* A unit's first month: the sample's values under another unit's name. */
static BcReport *
first_month (BcStore    *store,
             BcReport   *sample,
             const char *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));
  GHashTableIter iter;
  const char *key, *value;
  BcReport *report;

  report = bc_store_create_report (store, bc_report_get_template (sample), unit,
                                   bc_report_get_period_from (sample), bc_report_get_period_to (sample), &error);
  if (report == NULL)
    g_error ("%s", error->message);
  g_hash_table_iter_init (&iter, bc_report_get_values (sample));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (!g_str_has_prefix (key, "meta/"))
      {
        BcEdit edit = { key, value };
        g_array_append_val (edits, edit);
      }
  if (!bc_store_apply (store, report, (BcEdit *) edits->data, edits->len, &error))
    g_error ("%s", error->message);
  return report;
}

/* The next month: the narrative carries over, the figures grow a little. */
static BcReport *
next_month (BcStore  *store,
            BcReport *previous,
            BcReport *sample,
            guint     month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *key, *value;
  BcReport *report = bc_store_duplicate_next (store, previous, NULL, &error);

  if (report == NULL)
    g_error ("%s", error->message);
  g_hash_table_iter_init (&iter, bc_report_get_values (sample));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    {
      BcEdit edit = { key, value };

      if (g_str_has_prefix (key, "meta/") || g_str_has_prefix (key, "header/date"))
        continue;
      if ((g_str_has_prefix (key, "fig/") || g_str_has_prefix (key, "tbl/")) && g_ascii_isdigit (*value)
          && g_ascii_strtoll (value, NULL, 10) > 0 && !g_str_has_suffix (key, "/den"))
        {
          char *grown = g_strdup_printf ("%" G_GINT64_FORMAT, g_ascii_strtoll (value, NULL, 10) + month * 3);
          g_ptr_array_add (texts, grown);
          edit.value = grown;
        }
      g_array_append_val (edits, edit);
    }
  if (!bc_store_apply (store, report, (BcEdit *) edits->data, edits->len, &error))
    g_error ("%s", error->message);
  return report;
}

static void
fill_library (BcStore *store)
{
  g_autoptr(BcReport) province = import_sample (store, "province-2024-05");
  g_autoptr(BcReport) district = import_sample (store, "district-2024-06");

  for (guint u = 0; u < UNITS; u++)
    {
      BcReport *sample = u == 0 ? province : district;
      /* Not the samples' own units: one report per unit and period. */
      g_autofree char *unit = u == 0 ? g_strdup ("Tỉnh số 00")
                                     : g_strdup_printf ("Huyện số %02u", u);
      g_autoptr(BcReport) report = first_month (store, sample, unit);

      for (guint m = 1; m < MONTHS; m++)
        {
          BcReport *next = next_month (store, report, sample, m);
          g_object_unref (report);
          report = next;
        }
    }
}

static void
bench_single (BcStore *store,
              guint    runs)
{
  g_autoptr(BcReport) report = import_sample (store, "province-2024-05");
  g_autofree double *times = g_new (double, runs);
  g_autofree double *reference = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  g_autofree double *carried = g_new (double, runs);
  double check, copied;
  guint findings = 0, carried_findings = 0;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_now ();
      g_autoptr(GPtrArray) result = bc_check_report (report, NULL);

      cpu[i] = cpu_now () - cpu_start;
      times[i] = (double) (g_get_monotonic_time () - start);
      findings = result->len;
    }
  /* The reference, in the same run: the report's values copied, keys
   * and texts, into a table of their own (what reading the report once
   * costs at the least). */
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GHashTable) copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      GHashTableIter iter;
      const char *key, *value;

      g_hash_table_iter_init (&iter, bc_report_get_values (report));
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
        g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
      reference[i] = (double) (g_get_monotonic_time () - start);
    }
  /* The same report as next month's draft before the clerk has edited
   * its text: checked against this one, every paragraph carried. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BcReport) next = bc_store_duplicate_next (store, report, NULL, &error);

    if (next == NULL)
      g_error ("%s", error->message);
    for (guint i = 0; i < runs; i++)
      {
        double cpu_start = cpu_now ();
        g_autoptr(GPtrArray) result = bc_check_report (next, report);

        carried[i] = cpu_now () - cpu_start;
        carried_findings = result->len;
      }
  }
  check = bc_bench_median (times, runs);
  copied = bc_bench_median (reference, runs);
  printf ("check one province monthly report (%u findings): median %.0f µs over %u runs (CPU time: %.0f µs)\n",
          findings, check, runs, bc_bench_median (cpu, runs));
  printf ("check next month's draft against it (%u findings): median CPU time %.0f µs\n", carried_findings,
          bc_bench_median (carried, runs));
  printf ("reference, its %u values copied: median %.1f µs; the check takes %.0f× that\n",
          g_hash_table_size (bc_report_get_values (report)), copied, copied > 0 ? check / copied : 0);
}

static int
by_unit_and_period (gconstpointer a,
                    gconstpointer b)
{
  const BcReportSummary *x = *(BcReportSummary * const *) a, *y = *(BcReportSummary * const *) b;
  int unit = g_strcmp0 (x->unit, y->unit);

  return unit ? unit : g_strcmp0 (x->period_from, y->period_from);
}

/* One pass over the library, the way the report list counts findings:
 * each unit's reports in period order, so the previous month is the
 * report just checked; each report opened from SQLite and checked. */
static double
check_library (BcStore *store,
               guint   *n_reports,
               guint   *n_findings,
               double  *open_ms,
               double  *cpu_ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = bc_store_list_reports (store, &error);
  g_autoptr(BcReport) previous = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_now ();
  gint64 opening = 0;

  *n_findings = 0;
  *n_reports = 0;
  g_ptr_array_sort (list, by_unit_and_period);
  for (guint i = 0; i < list->len; i++)
    {
      BcReportSummary *s = list->pdata[i];
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(BcReport) report = bc_store_open_report (store, s->id, &error);
      g_autoptr(GPtrArray) findings = NULL;
      gint64 previous_id;

      if (report == NULL)
        g_error ("%s", error->message);
      previous_id = bc_report_get_previous_id (report);
      if (previous_id > 0 && (previous == NULL || bc_report_get_id (previous) != previous_id))
        {
          g_clear_object (&previous);
          previous = bc_store_open_report (store, previous_id, NULL);
        }
      opening += g_get_monotonic_time () - t0;
      findings = bc_check_report (report, previous_id > 0 ? previous : NULL);
      *n_findings += findings->len;
      (*n_reports)++;
      g_set_object (&previous, report);
    }
  *open_ms = (double) opening / 1000;
  *cpu_ms = (cpu_now () - cpu_start) / 1000;
  return (double) (g_get_monotonic_time () - start) / 1000;
}

/* A library of a province's year, checked PASSES times. */
static void
bench_library (const char *path,
               guint       passes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = bc_store_open (path, &error);
  g_autofree double *totals = g_new (double, passes);
  g_autofree double *opens = g_new (double, passes);
  g_autofree double *cpus = g_new (double, passes);
  guint n_reports = 0, n_findings = 0;
  double total, opening;
  gint64 t0;

  if (store == NULL)
    g_error ("%s", error->message);
  t0 = g_get_monotonic_time ();
  fill_library (store);
  printf ("(library of %u reports made in %.1f s)\n", UNITS * MONTHS + 2,
          (double) (g_get_monotonic_time () - t0) / G_USEC_PER_SEC);
  for (guint p = 0; p < passes; p++)
    totals[p] = check_library (store, &n_reports, &n_findings, &opens[p], &cpus[p]);
  total = bc_bench_median (totals, passes);
  opening = bc_bench_median (opens, passes);
  printf ("check %u reports (%u units × %u months + the 2 samples) from the library: median %.0f ms "
          "over %u passes (opening from SQLite: %.0f ms; CPU time: %.0f ms), %u findings\n",
          n_reports, UNITS, MONTHS, total, passes, opening, bc_bench_median (cpus, passes), n_findings);
  /* The reference: the same pass's opening of the reports from SQLite. */
  printf ("checking alone: %.0f ms for %u reports, %.2f× the reference (opening them from SQLite, %.0f ms)\n",
          total - opening, n_reports, opening > 0 ? (total - opening) / opening : 0, opening);
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("baocao-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *single_path = NULL;
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  guint passes = argc > 2 ? (guint) atoi (argv[2]) : 5;

  if (g_getenv ("BAOCAO_DATADIR") == NULL || dir == NULL || runs == 0)
    {
      fprintf (stderr, "usage: BAOCAO_DATADIR=data check-bench [SINGLE_RUNS [PASSES]]\n");
      return 64;
    }
  single_path = g_build_filename (dir, "single.db", NULL);
  {
    g_autoptr(BcStore) single = bc_store_open (single_path, &error);

    if (single == NULL)
      g_error ("%s", error->message);
    bench_single (single, runs);
  }
  remove_database (single_path);
  /* PASSES 0: only the single report (for a profiler). */
  if (passes > 0)
    {
      path = g_build_filename (dir, "library.db", NULL);
      bench_library (path, passes);
      remove_database (path);
    }
  g_rmdir (dir);
  return 0;
}

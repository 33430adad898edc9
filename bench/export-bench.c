/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "bc-docx.h"
#include "bc-store.h"
#include "bc-xlsx.h"

/* Median time of the DOCX and the XLSX export of one report, written to a
 * temporary folder: export-bench [REPORT.json [RUNS]]. Prints
 * "docx <ms>" and "xlsx <ms>"; bench/run-export.sh compares them with
 * python-docx and openpyxl. */

typedef gboolean (*ExportFunc) (BcReport *, const char *, const BcExportOptions *, GError **);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median_ms (BcReport   *report,
           ExportFunc  export,
           const char *path,
           guint       runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  /* One run to warm the caches, not counted. */
  if (!export (report, path, NULL, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      if (!export (report, path, NULL, &error))
        g_error ("%s", error->message);
      ms = (double) (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, runs / 2);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_sample = g_build_filename (SOURCE_DATADIR, "samples", "province-2024-05.json", NULL);
  const char *sample = argc > 1 ? argv[1] : default_sample;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 20;
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *docx = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  gsize length;
  gint64 id;

  if (runs == 0)
    runs = 20;
  if (!g_file_get_contents (sample, &data, &length, &error)
      || (store = bc_store_open (":memory:", &error)) == NULL
      || (id = bc_store_import_json (store, data, (gssize) length, &error)) == 0
      || (report = bc_store_open_report (store, id, &error)) == NULL
      || (dir = g_dir_make_tmp ("baocao-bench-XXXXXX", &error)) == NULL)
    {
      g_printerr ("export-bench: %s\n", error->message);
      return 1;
    }
  docx = g_build_filename (dir, "report.docx", NULL);
  xlsx = g_build_filename (dir, "report.xlsx", NULL);
  g_print ("docx %.2f\n", median_ms (report, bc_docx_export, docx, runs));
  g_print ("xlsx %.2f\n", median_ms (report, bc_xlsx_export, xlsx, runs));
  g_unlink (docx);
  g_unlink (xlsx);
  g_rmdir (dir);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <stdlib.h>

#include "bc-library.h"
#include "bc-report-list.h"
#include "bc-store.h"

/* The library's index at scale (bench/run-library.sh):
 *   library-bench refresh LIBRARY   makes every summary (once, after the
 *                                   library was generated with SQL)
 *   library-bench search LIBRARY    median time of a search over the
 *                                   list model, as the search field runs it */

static const char *const searches[] = {
  "Huyện số 7 tháng 3", "huyen so 42", "tháng 12 năm 2020", "Tỉnh số 3", "VNeID",
  "kiosk", "Phan Rang", "dịch vụ công trực tuyến", "tháng 6", "2019",
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static int
refresh (BcStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) made = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!bc_library_refresh (store, &made, &error))
    return g_printerr ("%s\n", error->message), 1;
  g_print ("%u summaries made in %.1f s\n", made->len, (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

static int
search (BcStore *store)
{
  g_autoptr(BcReportList) list = bc_report_list_new (store);
  g_autoptr(GError) error = NULL;
  guint rounds = 10, n = 0;
  double times[G_N_ELEMENTS (searches) * 10];

  if (!bc_report_list_refresh (list, &error))
    return g_printerr ("%s\n", error->message), 1;
  g_print ("%u reports listed\n", bc_report_list_get_n_reports (list));
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        BcLibraryFilter filter = { .text = searches[i] };
        gint64 start = g_get_monotonic_time ();

        if (!bc_report_list_set_filter (list, &filter, &error))
          return g_printerr ("%s\n", error->message), 1;
        times[n++] = (g_get_monotonic_time () - start) / 1000.0;
        if (r == 0)
          g_print ("  “%s”: %u reports, %.2f ms\n", searches[i], bc_report_list_get_n_reports (list),
                   times[n - 1]);
      }
  qsort (times, n, sizeof *times, compare_doubles);
  g_print ("search (median of %u): %.2f ms, slowest %.2f ms\n", n, (times[n / 2 - 1] + times[n / 2]) / 2,
           times[n - 1]);
  return 0;
}

/* What opening the window reads, step by step. */
static int
steps (const char *path)
{
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReportList) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t = g_get_monotonic_time ();

#define STEP(what) g_print ("%-16s %.1f ms\n", what, (g_get_monotonic_time () - t) / 1000.0), t = g_get_monotonic_time ()
  store = bc_store_open (path, &error);
  STEP ("open");
  g_print ("stale %d\n", bc_library_count_stale (store));
  STEP ("count stale");
  list = bc_report_list_new (store);
  bc_report_list_set_filter (list, NULL, &error);
  STEP ("find");
  g_strfreev (bc_library_list_values (store, BC_LIBRARY_UNITS, NULL));
  g_strfreev (bc_library_list_values (store, BC_LIBRARY_TEMPLATES, NULL));
  g_strfreev (bc_library_list_values (store, BC_LIBRARY_YEARS, NULL));
  STEP ("filter values");
  for (guint i = 0; i < 40; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  STEP ("40 items");
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BcStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    return g_printerr ("usage: library-bench refresh|search LIBRARY\n"), 64;
  if (g_str_equal (argv[1], "steps"))
    return steps (argv[2]);
  if ((store = bc_store_open (argv[2], &error)) == NULL)
    return g_printerr ("%s\n", error->message), 3;
  return g_str_equal (argv[1], "refresh") ? refresh (store) : search (store);
}

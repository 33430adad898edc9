/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "bc-bench-utils.h"
#include "bc-office.h"
#include "bc-report.h"
#include "bc-store-consolidate.h"
#include "bc-store-rollup.h"
#include "bc-template.h"
#include "bc-units-window.h"
#include "bc-window.h"

/* A province of 84 units, each of which sent its June 2024 report (the
 * sample district report: its narrative, figures and appendices) as a
 * file, received in one action; then the units' reports of June listed in the window
 * (bc_units_window_set_month(): the units, their states and findings,
 * the rows made), timed against, in the same run:
 *   empty     the same window listing May, a month nobody reported;
 *   checked   what the window did before it read the counts the library
 *             keeps: each of the 84 reports opened and checked.
 * Usage: units-bench DIR [RUNS] with BAOCAO_DATADIR set, under a display
 * (xvfb-run); prints medians. */

#define UNITS 84

/* The sample district report of June 2024 (its narrative, figures and
 * appendices) as unit @unit's, with a uuid of its own. */
static char *
sample_as (JsonParser *sample,
           const char *unit)
{
  g_autoptr(JsonNode) root = json_node_copy (json_parser_get_root (sample));
  JsonObject *object = json_node_get_object (root);
  g_autofree char *uuid = g_uuid_string_random ();

  json_object_set_string_member (object, "uuid", uuid);
  json_object_set_string_member (json_object_get_object_member (object, "values"), "meta/unit", unit);
  return json_to_string (root, FALSE);
}

/* The 84 units' files in @inbox; their names in @names. */
static void
make_files (const char *dir,
            const char *inbox,
            GPtrArray  *names)
{
  g_autoptr(BcStore) district = bc_bench_open_store (dir, "districts.db");
  g_autoptr(JsonParser) sample = json_parser_new ();
  g_autofree char *path = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "district-2024-06.json", NULL);
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_file (sample, path, &error))
    g_error ("%s", error->message);
  g_mkdir_with_parents (inbox, 0700);
  for (guint u = 0; u < UNITS; u++)
    {
      g_autofree char *file = g_strdup_printf ("%s/%02u.baocao", inbox, u + 1);
      g_autofree char *unit = g_strdup_printf ("Huyện số %u", u + 1);
      g_autofree char *json = sample_as (sample, unit);
      gint64 id = bc_store_import_json (district, json, -1, &error);

      if (id == 0 || !bc_store_export_file (district, id, file, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (names, g_steal_pointer (&unit));
    }
  g_ptr_array_add (names, NULL);
}

static BcStore *
province_library (const char *dir,
                  GPtrArray  *names)
{
  BcStore *store = bc_bench_open_store (dir, "province.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = bc_office_new ("Khánh Hòa", "tỉnh", &error);

  if (!bc_store_add_office (store, office, &error)
      || !bc_store_set_reporting_units (store, (const char * const *) names->pdata, &error))
    g_error ("%s", error->message);
  return store;
}

/* The month listed: the call (the library read, the rows made), then
 * until the main loop has nothing left to do (the rows drawn). */
static void
list_ms (BcUnitsWindow *window,
         guint          month,
         double        *call,
         double        *drawn)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!bc_units_window_set_month (window, month, 2024, &error))
    g_error ("%s", error->message);
  *call = (g_get_monotonic_time () - start) / 1000.0;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  *drawn = (g_get_monotonic_time () - start) / 1000.0;
}

/* Before: each unit's report opened and checked, as the window did. */
static double
check_all_ms (BcStore    *store,
              BcTemplate *province)
{
  g_autoptr(BcCalendar) calendar = bc_calendar_new ();
  g_autoptr(GPtrArray) units = bc_store_list_expected (store, province, "2024-06-20", calendar, NULL);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; units && i < units->len; i++)
    {
      const BcExpectedUnit *u = units->pdata[i];
      g_autoptr(BcReport) report = bc_store_open_report (store, u->report_id, NULL);
      g_autoptr(GPtrArray) findings = report ? bc_store_check_report (store, report, NULL) : NULL;
    }
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BcStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *inbox = NULL;
  g_autofree double *full = NULL, *empty = NULL, *full_drawn = NULL, *empty_drawn = NULL, *checked = NULL;
  g_autofree double *again = NULL, *again_drawn = NULL;
  const char *paths[] = { NULL, NULL };
  BcWindow *window;
  BcUnitsWindow *units_window;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 15;
  double receive_ms;
  gint64 start;

  if (argc < 2 || runs == 0)
    {
      g_printerr ("usage: units-bench DIR [RUNS]\n");
      return 64;
    }
  gtk_init ();
  adw_init ();
  inbox = g_build_filename (argv[1], "inbox", NULL);
  make_files (argv[1], inbox, names);
  paths[0] = inbox;
  g_ptr_array_add (templates, bc_bench_load_template ("district-monthly"));
  g_ptr_array_add (templates, bc_bench_load_template ("province-monthly"));
  store = province_library (argv[1], names);
  start = g_get_monotonic_time ();
  g_ptr_array_unref (bc_store_receive_files (store, paths, &error));
  receive_ms = (g_get_monotonic_time () - start) / 1000.0;
  if (error != NULL)
    g_error ("%s", error->message);

  window = bc_window_new (NULL, store, templates);
  if ((units_window = bc_units_window_new (window, &error)) == NULL)
    g_error ("%s", error->message);
  gtk_window_set_default_size (GTK_WINDOW (units_window), 1100, 700);
  gtk_window_present (GTK_WINDOW (units_window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  full = g_new (double, runs);
  empty = g_new (double, runs);
  full_drawn = g_new (double, runs);
  again = g_new (double, runs);
  again_drawn = g_new (double, runs);
  empty_drawn = g_new (double, runs);
  checked = g_new (double, runs < 3 ? runs : 3);
  /* Interleaved, so that a busy machine weighs on both alike. */
  for (guint i = 0; i < runs; i++)
    {
      list_ms (units_window, 6, &full[i], &full_drawn[i]);
      list_ms (units_window, 6, &again[i], &again_drawn[i]);
      list_ms (units_window, 5, &empty[i], &empty_drawn[i]);
      if (i < 3)
        checked[i] = check_all_ms (store, templates->pdata[1]);
    }
  printf ("%u units, their June reports received in %.0f ms (counts of findings stored)\n", UNITS, receive_ms);
  printf ("units list  %8.2f ms (median of %u): June's 84 units with their findings, rows made;"
          " %.2f ms drawn\n", bc_bench_median (full, runs), runs, bc_bench_median (full_drawn, runs));
  printf ("empty month %8.2f ms: May's 84 units missing, rows made: x%.2f; %.2f ms drawn: x%.2f\n",
          bc_bench_median (empty, runs), bc_bench_median (full, runs) / bc_bench_median (empty, runs),
          bc_bench_median (empty_drawn, runs), bc_bench_median (full_drawn, runs) / bc_bench_median (empty_drawn, runs));
  printf ("again       %8.2f ms: June listed again, nothing changed (the rows kept); %.2f ms drawn\n",
          bc_bench_median (again, runs), bc_bench_median (again_drawn, runs));
  printf ("checked     %8.2f ms to check the 84 reports, as the list did before (median of %u): x%.1f the list\n",
          bc_bench_median (checked, runs < 3 ? runs : 3), runs < 3 ? runs : 3,
          bc_bench_median (checked, runs < 3 ? runs : 3) / bc_bench_median (full, runs));
  /* With June's province report made: its stale values are counted once,
   * not at each refresh of an unchanged library. */
  if (!bc_units_window_set_month (units_window, 6, 2024, &error) || bc_units_window_consolidate (units_window, &error) == 0)
    g_error ("%s", error->message);
  for (guint i = 0; i < runs; i++)
    list_ms (units_window, 6, &again[i], &again_drawn[i]);
  printf ("province    %8.2f ms: June listed again with its province report made, nothing changed; %.2f ms drawn\n",
          bc_bench_median (again, runs), bc_bench_median (again_drawn, runs));
  gtk_window_destroy (GTK_WINDOW (units_window));
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Latency of one committed edit: from bc_edit_session_set to the moment
 * the writer thread has committed it (fsync included), p50 and p99. */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bc-edit-session.h"
#include "bc-report.h"
#include "bc-store.h"

static int
compare (gconstpointer a,
         gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("baocao-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *json = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcEditSession) session = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = argc > 2 ? (guint) atoi (argv[2]) : 1000;
  gint64 id;

  if (argc < 2 || !g_file_get_contents (argv[1], &json, NULL, &error))
    g_error ("usage: autosave-bench SAMPLE.json [N] (%s)", error ? error->message : "");
  store = bc_store_open (path, &error);
  g_assert_no_error (error);
  id = bc_store_import_json (store, json, -1, &error);
  g_assert_no_error (error);
  report = bc_store_open_report (store, id, &error);
  session = bc_edit_session_new (path, report, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", 1000 + i);
      gint64 start = g_get_monotonic_time (), elapsed;

      if (!bc_edit_session_set (session, i % 2 ? "tbl/dvc25/2/total" : "fig/vneid_activated", value, &error)
          || !bc_edit_session_flush (session, &error))
        g_error ("%s", error->message);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (times, elapsed);
    }
  g_array_sort (times, compare);
  printf ("autosave: %u edits, p50 %" G_GINT64_FORMAT " µs, p99 %" G_GINT64_FORMAT " µs, max %" G_GINT64_FORMAT " µs\n",
           n, g_array_index (times, gint64, n / 2), g_array_index (times, gint64, n * 99 / 100),
           g_array_index (times, gint64, n - 1));
  bc_edit_session_close (session);
  g_unlink (path);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "bc-bench-utils.h"
#include "bc-docx.h"
#include "bc-export.h"
#include "bc-office.h"
#include "bc-override-dialog.h"
#include "bc-report-page.h"
#include "bc-report.h"
#include "bc-store-consolidate.h"
#include "bc-template.h"
#include "bc-units-window.h"
#include "bc-window-private.h"
#include "bc-window.h"
#include "bc-xlsx.h"

/* The province clerk's month in the window, step by step, timed: twelve
 * districts (eleven of which sent their June 2024 report as a file, every
 * figure and counted cell filled) received in one action, the units'
 * reports of the month shown, the province report made from them, one
 * value typed over with a reason, the report exported as DOCX and XLSX
 * as the window exports it. Each step is timed from the call to the
 * window having drawn its result; receiving and consolidating are also
 * timed as the store calls alone (bc_store_receive_files(),
 * bc_store_create_consolidated()) on a fresh library in the same run,
 * their reference. With SHOTS=DIR, a PNG of the window of each step goes
 * there (run under xvfb-run at 1366×768).
 * Usage: walkthrough-bench DIR, with BAOCAO_DATADIR set. */

static const char * const units[] = {
  "Thành phố Nha Trang", "Thành phố Cam Ranh", "Thị xã Ninh Hòa", "Huyện Cam Lâm", "Huyện Diên Khánh",
  "Huyện Khánh Sơn", "Huyện Khánh Vĩnh", "Huyện Trường Sa", "Huyện Vạn Ninh", "Huyện Đồng Xuân",
  "Huyện Sơn Hòa", "Huyện Tuy An", NULL
};

#define FROM "2024-05-15"
#define TO   "2024-06-14"

/* Every additive figure and every counted cell the district has: a
 * district reports only some services. */
static char *
count_cb (BcBenchCount count,
          guint        i,
          gpointer     data)
{
  guint unit = GPOINTER_TO_UINT (data);

  if ((count == BC_BENCH_TOTAL || count == BC_BENCH_ONLINE) && (i + unit) % 3 == 0)
    return NULL;
  switch (count)
    {
    case BC_BENCH_FIGURE:
      return g_strdup_printf ("%u", 40 * unit + 17 * i + 120);
    case BC_BENCH_DENOMINATOR:
      return g_strdup_printf ("%u", 60 * unit + 17 * i + 900);
    case BC_BENCH_TOTAL:
      return g_strdup_printf ("%u", 3 * unit + i * 7 + 20);
    default:
      return g_strdup_printf ("%u", 2 * unit + i * 3 + 4);
    }
}

/* Eleven of the twelve send their file; the last does not. */
static void
make_files (const char *dir,
            const char *inbox)
{
  g_autoptr(BcStore) district = bc_bench_open_store (dir, "districts.db");
  g_autoptr(BcTemplate) monthly = bc_bench_load_template ("district-monthly");

  g_mkdir_with_parents (inbox, 0700);
  for (guint u = 0; units[u + 1] != NULL; u++)
    {
      g_autofree char *file = g_strdup_printf ("%s/%02u.baocao", inbox, u + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(BcReport) report = bc_store_create_report (district, monthly, units[u], FROM, TO, &error);

      if (report == NULL)
        g_error ("%s", error->message);
      bc_bench_fill (district, report, count_cb, GUINT_TO_POINTER (u));
      if (!bc_store_export_file (district, bc_report_get_id (report), file, &error))
        g_error ("%s", error->message);
    }
}

static BcStore *
province_library (const char *dir,
                  const char *name)
{
  BcStore *store = bc_bench_open_store (dir, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = bc_office_new ("Khánh Hòa", "tỉnh", &error);

  if (!bc_store_add_office (store, office, &error) || !bc_store_set_reporting_units (store, units, &error))
    g_error ("%s", error->message);
  bc_store_set_actor (store, "Nguyễn Thị Lan");
  return store;
}

/* The main loop run until what was asked is drawn: every pending event,
 * then two frames' worth. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 40 * 1000;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* A PNG of @widget's window as drawn (no screenshot tool needed). */
static void
shot (gpointer    widget,
      const char *name)
{
  const char *dir = g_getenv ("SHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  int width, height;

  if (dir == NULL)
    return;
  /* What a person sees: the windows drawn, the toasts in. */
  for (guint i = 0; i < 10; i++)
    settle ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *inbox = NULL, *docx = NULL, *xlsx = NULL;
  g_autoptr(BcStore) store = NULL, reference = NULL;
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcExportOptions) options = NULL;
  g_autoptr(BcReport) report = NULL;
  const char *paths[] = { NULL, NULL };
  BcTemplate *province;
  BcWindow *window;
  BcUnitsWindow *units_window;
  BcReportPage *page;
  GtkWidget *dialog;
  double receive_ms, receive_ref, units_ms, make_ms, make_ref, override_ms, export_ms;
  gint64 start, id;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("BAOCAO_LOCALEDIR") ? g_getenv ("BAOCAO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (argc != 2)
    {
      g_printerr ("usage: walkthrough-bench DIR\n");
      return 64;
    }
  gtk_init ();
  adw_init ();
  inbox = g_build_filename (argv[1], "inbox", NULL);
  make_files (argv[1], inbox);
  paths[0] = inbox;
  g_ptr_array_add (templates, bc_bench_load_template ("district-monthly"));
  g_ptr_array_add (templates, bc_bench_load_template ("province-monthly"));
  province = templates->pdata[1];

  /* The references: the store calls alone, on a library of their own. */
  reference = province_library (argv[1], "reference.db");
  start = g_get_monotonic_time ();
  g_ptr_array_unref (bc_store_receive_files (reference, paths, &error));
  receive_ref = ms_since (start);
  {
    g_autoptr(BcOffice) office = bc_store_find_consolidating_office (reference, province, &error);
    g_autoptr(BcReport) made = NULL;

    start = g_get_monotonic_time ();
    made = bc_store_create_consolidated (reference, province, office, "2024-05-21", "2024-06-20", NULL, NULL, &error);
    make_ref = ms_since (start);
    if (made == NULL)
      g_error ("%s", error->message);
  }

  store = province_library (argv[1], "province.db");
  window = bc_window_new (NULL, store, templates);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  shot (window, "01-library.png");

  /* 1. Receive the folder of files. */
  start = g_get_monotonic_time ();
  bc_window_receive_files (window, paths);
  while (bc_window_is_receiving (window))
    g_main_context_iteration (NULL, TRUE);
  settle ();
  receive_ms = ms_since (start);
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        shot (l->data, "02-received.png");
        gtk_window_destroy (l->data);
      }

  /* 2. The units' reports of June. */
  start = g_get_monotonic_time ();
  if ((units_window = bc_units_window_new (window, &error)) == NULL)
    g_error ("%s", error->message);
  gtk_window_set_default_size (GTK_WINDOW (units_window), 1100, 700);
  gtk_window_present (GTK_WINDOW (units_window));
  settle ();
  units_ms = ms_since (start);
  shot (units_window, "03-units.png");

  /* 3. Make the province report (and open it, as the button does). */
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (units_window), "units.consolidate", NULL);
  settle ();
  make_ms = ms_since (start);
  id = bc_units_window_get_report_id (units_window);
  shot (units_window, "04-units-after.png");
  gtk_window_destroy (GTK_WINDOW (units_window));
  bc_window_open_report (window, id, "tbl/dvc25");
  settle ();
  shot (window, "05-province-report.png");

  /* 4. Type over one value, with a reason. */
  page = bc_window_get_report_page (window);
  start = g_get_monotonic_time ();
  dialog = bc_report_page_show_override (page, "tbl/dvc25/1/total");
  bc_override_dialog_set_values (BC_OVERRIDE_DIALOG (dialog), "640", "Sở Tư pháp báo thêm 4 hồ sơ tiếp nhận tại tỉnh");
  settle ();
  shot (dialog, "06-override.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "override");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  override_ms = ms_since (start);
  shot (window, "07-overridden.png");

  /* 5. Export DOCX and XLSX as the window does: saved, with the parts. */
  start = g_get_monotonic_time ();
  bc_report_page_flush (page, NULL);
  report = bc_store_open_report (store, id, &error);
  options = bc_export_options_copy (NULL);
  docx = g_build_filename (argv[1], "bao-cao-tinh-06-2024.docx", NULL);
  xlsx = g_build_filename (argv[1], "bao-cao-tinh-06-2024.xlsx", NULL);
  if (report == NULL || !bc_export_options_load_parts (options, store, id, &error)
      || !bc_docx_export (report, docx, options, &error) || !bc_xlsx_export (report, xlsx, options, &error))
    g_error ("%s", error->message);
  export_ms = ms_since (start);

  printf ("12 units, 11 files received\n");
  printf ("receive    %8.1f ms in the window (worker thread, summary drawn); store call alone %.1f ms: x%.2f\n",
          receive_ms, receive_ref, receive_ms / receive_ref);
  printf ("units      %8.1f ms to list the 12 units with their findings, drawn\n", units_ms);
  printf ("make       %8.1f ms in the window (made, listed again, report opened); store call alone %.1f ms: x%.2f\n",
          make_ms, make_ref, make_ms / make_ref);
  printf ("override   %8.1f ms from the dialog to the report checked again\n", override_ms);
  printf ("export     %8.1f ms for the DOCX and the XLSX\n", export_ms);
  printf ("files      %s %s\n", docx, xlsx);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  return 0;
}

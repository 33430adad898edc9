/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A figure's history in the window: the chart widget draws bars for a
 * per-period figure and a line for a running total, leaves a gap where a
 * period has no value, says every value in Vietnamese numbers in its
 * accessible description; the figures form gives each figure a History
 * button whose popover charts the unit's reports from the library, the
 * report's own period with the value being typed. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bc-figures-form.h"
#include "bc-report.h"
#include "bc-section-form.h"
#include "bc-table-editor.h"
#include "bc-test-utils.h"
#include "bc-test-window.h"
#include "bc-trend-button.h"
#include "bc-trend-chart.h"
#include "bc-trend-tile.h"
#include "bc-unit-overview.h"

#define WIDTH  300
#define HEIGHT 140
#define UNIT   "Huyện Ninh Hải"

/* Three months: 1.234, nothing, 2.000.000 */
static BcTrend *
three_months (gboolean cumulative)
{
  static const struct { const char *from, *to; gboolean has; gint64 value; } data[] = {
    { "2024-04-15", "2024-05-14", TRUE, 1234 },
    { "2024-05-15", "2024-06-14", FALSE, 0 },
    { "2024-06-15", "2024-07-14", TRUE, 2000000 },
  };
  BcTrend *trend = g_new0 (BcTrend, 1);

  trend->key = g_strdup ("fig/x");
  trend->label = g_strdup ("Số tài khoản");
  trend->cumulative = cumulative;
  trend->points = g_array_new (FALSE, TRUE, sizeof (BcTrendPoint));
  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    {
      BcTrendPoint point = { .has_value = data[i].has, .value = data[i].value };

      g_strlcpy (point.period_from, data[i].from, sizeof point.period_from);
      g_strlcpy (point.period_to, data[i].to, sizeof point.period_to);
      g_array_append_val (trend->points, point);
    }
  return trend;
}

static GskRenderNode *
find_cairo_node (GskRenderNode *node)
{
  if (gsk_render_node_get_node_type (node) == GSK_CAIRO_NODE)
    return node;
  if (gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      {
        GskRenderNode *found = find_cairo_node (gsk_container_node_get_child (node, i));
        if (found != NULL)
          return found;
      }
  return NULL;
}

/* The chart as drawn at WIDTH × HEIGHT: an image surface. */
static cairo_surface_t *
draw (GtkWidget *chart)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderNode *cairo_node;
  cairo_surface_t *surface;
  cairo_t *cr;

  gtk_widget_size_allocate (chart, &(GtkAllocation) { 0, 0, WIDTH, HEIGHT }, -1);
  GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  cairo_node = find_cairo_node (node);
  g_assert_nonnull (cairo_node);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  gsk_render_node_draw (cairo_node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Painted pixels in column @x between rows @top and @bottom */
static guint
painted (cairo_surface_t *surface,
         int              x,
         int              top,
         int              bottom,
         gboolean        *blue)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = top; y < bottom; y++)
    {
      const guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

      if ((pixel >> 24) > 0x40)
        {
          n++;
          if (blue != NULL && (pixel & 0xff) > ((pixel >> 16) & 0xff) + 0x40)
            *blue = TRUE;
        }
    }
  return n;
}

static void
test_chart (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = bc_trend_chart_new ();
  g_autoptr(BcTrend) bars = three_months (FALSE);
  g_autoptr(BcTrend) line = three_months (TRUE);
  cairo_surface_t *surface;
  gboolean blue = FALSE;
  char *failure;
  const char *summary;

  gtk_window_set_child (GTK_WINDOW (window), chart);
  bc_trend_chart_set_trend (BC_TREND_CHART (chart), bars);

  /* Every period said, in Vietnamese numbers; the gap as no value. */
  summary = bc_trend_chart_get_summary (BC_TREND_CHART (chart));
  g_assert_cmpstr (summary, ==, "Số tài khoản: 05/2024: 1.234; 06/2024: no value; 07/2024: 2.000.000");
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                summary);
  g_assert_null (failure);
  failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "History of Số tài khoản");
  g_assert_null (failure);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG));

  /* Bars: slots 0 and 2 of 3 painted, the gap's slot empty, the last one
   * (the report's own period) in the accent colour and full height. */
  surface = draw (chart);
  g_assert_cmpuint (painted (surface, WIDTH / 6, HEIGHT / 2, HEIGHT - 24, NULL), ==, 0);   /* 1.234 of 2.000.000: a sliver */
  g_assert_cmpuint (painted (surface, WIDTH / 6, HEIGHT - 22, HEIGHT - 19, NULL), >, 0);
  g_assert_cmpuint (painted (surface, WIDTH / 2, 20, HEIGHT - 20, NULL), ==, 0);
  g_assert_cmpuint (painted (surface, 5 * WIDTH / 6, 24, HEIGHT - 20, &blue), >, HEIGHT - 50);
  g_assert_true (blue);
  cairo_surface_destroy (surface);

  /* A line: dots, and no segment across the gap. */
  bc_trend_chart_set_trend (BC_TREND_CHART (chart), line);
  surface = draw (chart);
  g_assert_cmpuint (painted (surface, WIDTH / 2, 20, HEIGHT - 20, NULL), ==, 0);
  g_assert_cmpuint (painted (surface, 5 * WIDTH / 6, 16, 26, NULL), >, 0);
  g_assert_cmpuint (painted (surface, 5 * WIDTH / 6, 30, HEIGHT - 20, NULL), ==, 0);
  cairo_surface_destroy (surface);

  gtk_window_destroy (GTK_WINDOW (window));
  bc_test_spin ();
}

static gboolean
timeout_cb (gpointer data)
{
  g_error ("the window was not mapped within 10 s");
  return G_SOURCE_REMOVE;
}

/* A popover is placed on a monitor: the window must be on screen first. */
static void
wait_mapped (GtkWidget *window)
{
  guint timeout = g_timeout_add_seconds (10, timeout_cb, NULL);

  while (!gtk_widget_get_mapped (window) || gtk_native_get_surface (GTK_NATIVE (window)) == NULL
         || gdk_display_get_monitor_at_surface (gtk_widget_get_display (window),
                                                gtk_native_get_surface (GTK_NATIVE (window))) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  bc_test_spin ();
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *into)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (into, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, into);
}

static void
test_figures_history (void)
{
  g_autofree char *dir = bc_test_mkdtemp ();
  BcStore *store = bc_test_open_store (dir, "library.db");
  BcTemplate *template = bc_test_load_template ("district-monthly");
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  const BcSection *section = bc_template_find_section (template, "admin_services");
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  BcEditSession *session;
  BcInputRegistry *inputs;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *form, *chart;
  BcReport *last;

  bc_test_make_months (store, template, UNIT, "2024-01-15", 4, months);
  last = months->pdata[3];
  session = bc_edit_session_new (path, last, &error);
  g_assert_no_error (error);
  inputs = bc_input_registry_new (session);

  /* Without a library, no history; with one, a button per figure. */
  form = bc_section_form_new (inputs, section, NULL, NULL);
  g_object_ref_sink (form);
  collect (form, BC_TYPE_TREND_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 0);
  g_object_unref (form);
  form = bc_section_form_new (inputs, section, NULL, store);
  gtk_window_set_child (GTK_WINDOW (window), form);
  collect (form, BC_TYPE_TREND_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, section->figures->len);

  /* fig/digitised_city: 107, 207, 307 saved, the fourth month (15/04 –
   * 14/05, "05/2024") as typed. */
  g_assert_true (bc_edit_session_set (session, "fig/digitised_city", "4321", &error));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (window);
  for (guint i = 0; i < buttons->len; i++)
    if (g_str_equal (gtk_widget_get_name (buttons->pdata[i]), "fig/digitised_city"))
      {
        bc_trend_button_popup (buttons->pdata[i]);
        bc_test_spin ();
        chart = bc_trend_button_get_chart (buttons->pdata[i]);
        g_assert_nonnull (strstr (bc_trend_chart_get_summary (BC_TREND_CHART (chart)),
                                  "01/2024: no value; 02/2024: 107; 03/2024: 207; 04/2024: 307; 05/2024: 4.321"));
        g_assert_true (g_str_has_suffix (bc_trend_chart_get_summary (BC_TREND_CHART (chart)),
                                         "05/2024: 4.321"));
        /* Twelve periods: the eight before the unit's first report are gaps. */
        g_assert_true (g_str_has_prefix (bc_trend_chart_get_summary (BC_TREND_CHART (chart)),
                                         "Hồ sơ, kết quả giải quyết TTHC đã số hóa"));
        g_assert_nonnull (strstr (bc_trend_chart_get_summary (BC_TREND_CHART (chart)), "06/2023: no value"));
      }

  gtk_window_destroy (GTK_WINDOW (window));
  bc_test_spin ();
  g_object_unref (inputs);
  g_object_unref (session);
  g_ptr_array_set_size (months, 0);
  g_assert_finalize_object (template);
  g_assert_finalize_object (store);
  bc_test_rmdir (dir);
}

/* An appendix's totals in the table editor: the totals row has a History
 * button charting each column of counts over the unit's last 12 periods,
 * the report's own period with what is typed. */
static void
test_table_history (void)
{
  g_autofree char *dir = bc_test_mkdtemp ();
  BcStore *store = bc_test_open_store (dir, "library.db");
  BcTemplate *template = bc_test_load_template ("district-monthly");
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_object_unref);
  const BcTableDef *table = bc_template_find_table (template, "dvc_district");
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  BcEditSession *session;
  GtkWidget *editor, *history, *total, *online;

  bc_test_make_months (store, template, UNIT, "2024-01-15", 4, months);
  session = bc_edit_session_new (path, months->pdata[3], &error);
  g_assert_no_error (error);

  /* Without a library, no button. */
  editor = bc_table_editor_new (session, table);
  g_object_ref_sink (editor);
  g_assert_null (bc_table_editor_get_history (BC_TABLE_EDITOR (editor)));
  g_object_unref (editor);

  editor = bc_table_editor_new (session, table);
  bc_table_editor_set_store (BC_TABLE_EDITOR (editor), store);
  history = bc_table_editor_get_history (BC_TABLE_EDITOR (editor));
  g_assert_nonnull (history);
  g_assert_null (bc_trend_button_get_chart_for (BC_TREND_BUTTON (history), "tbl/dvc_district/ratio"));
  gtk_window_set_child (GTK_WINDOW (window), editor);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_mapped (window);

  /* Rows 1 and 3 hold 10i + 1 and 1.000 (50 the first month); the
   * fourth month's row 1 is typed as 500. */
  g_assert_true (bc_edit_session_set (session, "tbl/dvc_district/1/total", "500", &error));
  g_assert_no_error (error);
  bc_trend_button_popup (BC_TREND_BUTTON (history));
  bc_test_spin ();
  total = bc_trend_button_get_chart_for (BC_TREND_BUTTON (history), "tbl/dvc_district/total");
  online = bc_trend_button_get_chart_for (BC_TREND_BUTTON (history), "tbl/dvc_district/online");
  g_assert_nonnull (total);
  g_assert_nonnull (online);
  g_test_message ("%s", bc_trend_chart_get_summary (BC_TREND_CHART (total)));
  g_assert_true (g_str_has_suffix (bc_trend_chart_get_summary (BC_TREND_CHART (total)),
                                   "01/2024: no value; 02/2024: 61; 03/2024: 1.021; 04/2024: 1.031; 05/2024: 1.500"));
  g_assert_true (g_str_has_suffix (bc_trend_chart_get_summary (BC_TREND_CHART (online)),
                                   "02/2024: 51; 03/2024: 5; 04/2024: 10; 05/2024: 17"));
  /* The same total as the totals row shows. */
  g_assert_cmpstr (bc_table_editor_get_total_text (BC_TABLE_EDITOR (editor), "total"), ==, "1.500");

  gtk_window_destroy (GTK_WINDOW (window));
  bc_test_spin ();
  g_object_unref (session);
  g_ptr_array_set_size (months, 0);
  g_assert_finalize_object (template);
  g_assert_finalize_object (store);
  bc_test_rmdir (dir);
}

/* A unit's overview: a tile a key figure, then an appendix total, each
 * with its last value and its chart; another unit chosen, its own; a
 * unit without reports says so. */
static void
test_unit_overview (void)
{
  g_autofree char *dir = bc_test_mkdtemp ();
  BcStore *store = bc_test_open_store (dir, "library.db");
  BcTemplate *template = bc_test_load_template ("district-monthly");
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_figures = 0, n_totals = 0;
  BcUnitOverview *overview;
  GListModel *model;
  GtkWidget *tile = NULL;

  bc_test_make_months (store, template, UNIT, "2024-01-15", 4, months);
  bc_test_make_months (store, template, "Huyện Bác Ái", "2024-03-15", 1, months);
  overview = bc_unit_overview_new (NULL, store, UNIT);
  gtk_window_present (GTK_WINDOW (overview));
  bc_test_spin ();

  model = bc_unit_overview_get_model (overview);
  g_assert_cmpstr (bc_unit_overview_get_unit (overview), ==, UNIT);
  g_assert_nonnull (strstr (bc_unit_overview_get_subtitle (overview), "05/2024"));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BcTrendItem) item = g_list_model_get_item (model, i);
      const BcTrend *trend = bc_trend_item_get_trend (item);

      g_assert_true (BC_IS_TREND_ITEM (item));
      g_assert_cmpuint (trend->points->len, ==, 12);
      if (g_str_has_prefix (trend->key, "tbl/"))
        n_totals++;
      else
        {
          g_assert_cmpuint (n_totals, ==, 0);   /* the figures first */
          n_figures++;
        }
      if (g_str_equal (trend->key, "tbl/dvc_district/total"))
        tile = bc_unit_overview_get_tile (overview, i);
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_figures + n_totals);
  g_assert_cmpuint (n_totals, ==, 4);
  g_assert_cmpuint (n_figures, >, 20);
  g_assert_nonnull (tile);
  /* Rows 1 and 3: 41 + 1.000 in the fourth month. */
  g_assert_cmpstr (bc_trend_tile_get_latest (BC_TREND_TILE (tile)), ==, "1.041 · 05/2024");
  g_assert_true (g_str_has_suffix (bc_trend_chart_get_summary (BC_TREND_CHART (bc_trend_tile_get_chart (BC_TREND_TILE (tile)))),
                                   "02/2024: 61; 03/2024: 1.021; 04/2024: 1.031; 05/2024: 1.041"));
  g_assert_true (gtk_widget_is_drawable (tile));

  /* Another unit: its one month, last. */
  g_assert_true (bc_unit_overview_show_unit (overview, "Huyện Bác Ái"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_figures + n_totals);
  g_assert_nonnull (strstr (bc_unit_overview_get_subtitle (overview), "04/2024"));
  {
    g_autoptr(BcTrendItem) item = g_list_model_get_item (model, 0);
    g_assert_cmpuint (bc_trend_count_values (bc_trend_item_get_trend (item)), <=, 1);
  }

  /* A unit the library has no report of. */
  g_assert_true (bc_unit_overview_show_unit (overview, "Huyện Thuận Bắc"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  gtk_window_destroy (GTK_WINDOW (overview));
  bc_test_spin ();
  g_ptr_array_set_size (months, 0);
  g_assert_finalize_object (template);
  g_assert_finalize_object (store);
  bc_test_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/bc/ui/trend/chart", test_chart);
  g_test_add_func ("/bc/ui/trend/figures-history", test_figures_history);
  g_test_add_func ("/bc/ui/trend/table-history", test_table_history);
  g_test_add_func ("/bc/ui/trend/unit-overview", test_unit_overview);
  return g_test_run ();
}

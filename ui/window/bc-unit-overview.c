/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-unit-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-library.h"
#include "bc-report.h"
#include "bc-template.h"
#include "bc-trend-tile.h"
#include "bc-trend.h"
#include "bc-unit-overview.h"

/* One unit over time, on one page: each key figure and each appendix
 * total of its latest report's template over its last 12 periods, a
 * chart a tile, as the figures form's History buttons draw them. A
 * province's library chooses among its units. */

#define PERIODS 12

struct _BcUnitOverview
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *title;
  GtkDropDown    *unit_choice;
  GtkStack       *stack;
  GtkFlowBox     *tiles;

  /* owned */
  BcStore        *store;
  GListStore     *items;     /* BcTrendItem */
  GStrv           units;     /* the drop-down's */
  char           *unit;      /* shown */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (BcUnitOverview, bc_unit_overview, ADW_TYPE_WINDOW)

static GtkWidget *
create_tile_cb (gpointer item,
                gpointer user_data)
{
  return bc_trend_tile_new (item);
}

static void
unit_chosen_cb (BcUnitOverview *self)
{
  guint selected = gtk_drop_down_get_selected (self->unit_choice);

  if (self->updating || self->units == NULL || selected >= g_strv_length (self->units))
    return;
  bc_unit_overview_show_unit (self, self->units[selected]);
}

static void
bc_unit_overview_dispose (GObject *object)
{
  BcUnitOverview *self = BC_UNIT_OVERVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_UNIT_OVERVIEW);
  g_clear_object (&self->items);
  g_clear_object (&self->store);
  g_clear_pointer (&self->units, g_strfreev);
  g_clear_pointer (&self->unit, g_free);
  G_OBJECT_CLASS (bc_unit_overview_parent_class)->dispose (object);
}

static void
bc_unit_overview_class_init (BcUnitOverviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_unit_overview_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-unit-overview.ui");
  gtk_widget_class_bind_template_child (widget_class, BcUnitOverview, title);
  gtk_widget_class_bind_template_child (widget_class, BcUnitOverview, unit_choice);
  gtk_widget_class_bind_template_child (widget_class, BcUnitOverview, stack);
  gtk_widget_class_bind_template_child (widget_class, BcUnitOverview, tiles);
  gtk_widget_class_bind_template_callback (widget_class, unit_chosen_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_unit_overview_init (BcUnitOverview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (BC_TYPE_TREND_ITEM);
  gtk_flow_box_bind_model (self->tiles, G_LIST_MODEL (self->items), create_tile_cb, NULL, NULL);
}

/* "Báo cáo tháng cấp huyện · 12 kỳ đến 05/2024" */
static void
set_subtitle (BcUnitOverview *self,
              BcReport       *latest)
{
  g_autofree char *subtitle = NULL;

  if (latest != NULL)
    {
      BcTrendPoint last = { 0 };
      g_autofree char *period = NULL;

      g_strlcpy (last.period_from, bc_report_get_period_from (latest), sizeof last.period_from);
      g_strlcpy (last.period_to, bc_report_get_period_to (latest), sizeof last.period_to);
      period = bc_trend_point_label (&last);
      /* Translators: under a unit's name in its overview: the template, how many periods, the last one */
      subtitle = g_strdup_printf (_("%s · %u periods to %s"), bc_template_get_name (bc_report_get_template (latest)),
                                  PERIODS, period);
    }
  adw_window_title_set_subtitle (self->title, subtitle ? subtitle : "");
}

/**
 * bc_unit_overview_show_unit:
 * @unit: a unit as its reports name it
 *
 * Charts @unit's key figures and appendix totals, from its latest
 * report back.
 *
 * Returns: %FALSE when the library could not be read
 */
gboolean
bc_unit_overview_show_unit (BcUnitOverview *self,
                            const char     *unit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) latest = NULL;
  g_autoptr(GPtrArray) trends = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 id;

  g_return_val_if_fail (BC_IS_UNIT_OVERVIEW (self), FALSE);
  g_return_val_if_fail (unit != NULL, FALSE);

  g_free (self->unit);
  self->unit = g_strdup (unit);
  adw_window_title_set_title (self->title, unit);
  for (guint i = 0; self->units != NULL && self->units[i] != NULL; i++)
    if (g_str_equal (self->units[i], unit) && gtk_drop_down_get_selected (self->unit_choice) != i)
      {
        self->updating = TRUE;
        gtk_drop_down_set_selected (self->unit_choice, i);
        self->updating = FALSE;
      }
  id = bc_trend_find_latest (self->store, unit, &error);
  if (id > 0 && (latest = bc_store_open_report (self->store, id, &error)) != NULL)
    trends = bc_trend_new_for_figures (self->store, latest, PERIODS, &error);
  if (id < 0 || (id > 0 && trends == NULL))
    {
      g_warning ("%s", error->message);
      return FALSE;
    }
  /* The items take the histories. */
  if (trends != NULL)
    g_ptr_array_set_free_func (trends, NULL);
  for (guint i = 0; trends != NULL && i < trends->len; i++)
    g_ptr_array_add (items, bc_trend_item_new (trends->pdata[i]));
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), items->pdata,
                       items->len);
  set_subtitle (self, latest);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "charts" : "none");
  return TRUE;
}

/**
 * bc_unit_overview_new:
 * @parent: (nullable): the window it belongs to
 * @unit: (nullable): the unit shown first; %NULL: the library's first
 *
 * Returns: (transfer full): the window
 */
BcUnitOverview *
bc_unit_overview_new (GtkWindow  *parent,
                      BcStore    *store,
                      const char *unit)
{
  BcUnitOverview *self;
  g_autoptr(GtkStringList) model = NULL;

  g_return_val_if_fail (BC_IS_STORE (store), NULL);

  self = g_object_new (BC_TYPE_UNIT_OVERVIEW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->units = bc_library_list_values (store, BC_LIBRARY_UNITS, NULL);
  if (self->units == NULL)
    self->units = g_new0 (char *, 1);
  model = gtk_string_list_new ((const char * const *) self->units);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->unit_choice, G_LIST_MODEL (model));
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->unit_choice), self->units[0] != NULL && self->units[1] != NULL);
  if (unit == NULL)
    unit = self->units[0];
  if (unit != NULL)
    bc_unit_overview_show_unit (self, unit);
  else
    gtk_stack_set_visible_child_name (self->stack, "none");
  return self;
}

const char *
bc_unit_overview_get_unit (BcUnitOverview *self)
{
  g_return_val_if_fail (BC_IS_UNIT_OVERVIEW (self), NULL);
  return self->unit;
}

const char *
bc_unit_overview_get_subtitle (BcUnitOverview *self)
{
  g_return_val_if_fail (BC_IS_UNIT_OVERVIEW (self), NULL);
  return adw_window_title_get_subtitle (self->title);
}

/**
 * bc_unit_overview_get_model:
 *
 * Returns: (transfer none): the histories shown (BcTrendItem), a tile each
 */
GListModel *
bc_unit_overview_get_model (BcUnitOverview *self)
{
  g_return_val_if_fail (BC_IS_UNIT_OVERVIEW (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * bc_unit_overview_get_tile:
 *
 * Returns: (transfer none) (nullable): the tile of the @index-th history
 */
GtkWidget *
bc_unit_overview_get_tile (BcUnitOverview *self,
                           guint           index)
{
  g_return_val_if_fail (BC_IS_UNIT_OVERVIEW (self), NULL);
  return GTK_WIDGET (gtk_flow_box_get_child_at_index (self->tiles, (int) index));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-trend-tile"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-number.h"
#include "bc-trend-chart.h"
#include "bc-trend-tile.h"

/* A figure's history as a unit's overview shows it: its name, its last
 * value and period, its chart and how it is counted. */
struct _BcTrendItem
{
  GObject  parent_instance;

  BcTrend *trend;   /* owned */
};

G_DEFINE_FINAL_TYPE (BcTrendItem, bc_trend_item, G_TYPE_OBJECT)

static void
bc_trend_item_finalize (GObject *object)
{
  BcTrendItem *self = BC_TREND_ITEM (object);

  g_clear_pointer (&self->trend, bc_trend_free);
  G_OBJECT_CLASS (bc_trend_item_parent_class)->finalize (object);
}

static void
bc_trend_item_class_init (BcTrendItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_trend_item_finalize;
}

static void
bc_trend_item_init (BcTrendItem *self)
{
}

/**
 * bc_trend_item_new:
 * @trend: (transfer full): the history it holds
 *
 * Returns: (transfer full): the item
 */
BcTrendItem *
bc_trend_item_new (BcTrend *trend)
{
  BcTrendItem *self;

  g_return_val_if_fail (trend != NULL, NULL);

  self = g_object_new (BC_TYPE_TREND_ITEM, NULL);
  self->trend = trend;
  return self;
}

const BcTrend *
bc_trend_item_get_trend (BcTrendItem *self)
{
  g_return_val_if_fail (BC_IS_TREND_ITEM (self), NULL);
  return self->trend;
}

struct _BcTrendTile
{
  GtkFlowBoxChild  parent_instance;

  /* template widgets */
  GtkLabel        *title;
  GtkLabel        *latest;
  GtkWidget       *chart;
  GtkLabel        *note;
};

G_DEFINE_FINAL_TYPE (BcTrendTile, bc_trend_tile, GTK_TYPE_FLOW_BOX_CHILD)

static void
bc_trend_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_TREND_TILE);
  G_OBJECT_CLASS (bc_trend_tile_parent_class)->dispose (object);
}

static void
bc_trend_tile_class_init (BcTrendTileClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_trend_tile_dispose;
  g_type_ensure (BC_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-trend-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, BcTrendTile, title);
  gtk_widget_class_bind_template_child (widget_class, BcTrendTile, latest);
  gtk_widget_class_bind_template_child (widget_class, BcTrendTile, chart);
  gtk_widget_class_bind_template_child (widget_class, BcTrendTile, note);
}

static void
bc_trend_tile_init (BcTrendTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "1.500 · 05/2024": the last period with a value; "–" when none has. */
static char *
latest_text (const BcTrend *trend)
{
  for (guint i = trend->points->len; i-- > 0;)
    {
      const BcTrendPoint *point = &g_array_index (trend->points, BcTrendPoint, i);

      if (point->has_value)
        {
          g_autofree char *value = bc_format_int (point->value);
          g_autofree char *period = bc_trend_point_label (point);
          return g_strdup_printf ("%s · %s", value, period);
        }
    }
  return g_strdup ("–");
}

/**
 * bc_trend_tile_new:
 *
 * Returns: (transfer floating): the tile of @item's history
 */
GtkWidget *
bc_trend_tile_new (BcTrendItem *item)
{
  BcTrendTile *self = g_object_new (BC_TYPE_TREND_TILE, NULL);
  const BcTrend *trend = bc_trend_item_get_trend (item);
  g_autofree char *latest = latest_text (trend);

  gtk_label_set_text (self->title, trend->label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title), trend->label);
  gtk_label_set_text (self->latest, latest);
  bc_trend_chart_set_trend (BC_TREND_CHART (self->chart), trend);
  gtk_label_set_text (self->note, trend->cumulative ? _("Running total, by period") : _("Counted in each period"));
  return GTK_WIDGET (self);
}

GtkWidget *
bc_trend_tile_get_chart (BcTrendTile *self)
{
  g_return_val_if_fail (BC_IS_TREND_TILE (self), NULL);
  return self->chart;
}

const char *
bc_trend_tile_get_latest (BcTrendTile *self)
{
  g_return_val_if_fail (BC_IS_TREND_TILE (self), NULL);
  return gtk_label_get_text (self->latest);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-trend.h"

G_BEGIN_DECLS

#define BC_TYPE_TREND_ITEM (bc_trend_item_get_type ())
G_DECLARE_FINAL_TYPE (BcTrendItem, bc_trend_item, BC, TREND_ITEM, GObject)

BcTrendItem   *bc_trend_item_new        (BcTrend      *trend);
const BcTrend *bc_trend_item_get_trend  (BcTrendItem  *self);

#define BC_TYPE_TREND_TILE (bc_trend_tile_get_type ())
G_DECLARE_FINAL_TYPE (BcTrendTile, bc_trend_tile, BC, TREND_TILE, GtkFlowBoxChild)

GtkWidget     *bc_trend_tile_new        (BcTrendItem  *item);
GtkWidget     *bc_trend_tile_get_chart  (BcTrendTile  *self);
const char    *bc_trend_tile_get_latest (BcTrendTile  *self);

G_END_DECLS

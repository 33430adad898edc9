/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-xlsx"

#include "config.h"

#include "bc-period.h"
#include "bc-trend.h"
#include "bc-xlsx-private.h"

/* The "Xu hướng" sheet: the key figures and appendix totals by period,
 * one column each, a blank cell where a period has no value (a gap in
 * the chart, never a zero), and a native chart of each: a line for a
 * running total, columns for a figure counted per period. */

#define MAX_CHARTS 24
#define DATA_ROW 3   /* first row of values: title, blank, headings above */

static void
write_table (lxw_worksheet *sheet,
             GPtrArray     *trends,
             lxw_format    *bold,
             lxw_format    *count)
{
  const BcTrend *first = trends->pdata[0];

  worksheet_write_string (sheet, 0, 0, "XU HƯỚNG CÁC SỐ LIỆU CHÍNH", bold);
  worksheet_write_string (sheet, 2, 0, "Kỳ", bold);
  worksheet_set_column (sheet, 0, 0, 14, NULL);
  for (guint p = 0; p < first->points->len; p++)
    {
      g_autofree char *label = bc_trend_point_label (&g_array_index (first->points, BcTrendPoint, p));
      worksheet_write_string (sheet, DATA_ROW + p, 0, label, NULL);
    }
  for (guint t = 0; t < trends->len; t++)
    {
      const BcTrend *trend = trends->pdata[t];
      worksheet_write_string (sheet, 2, 1 + t, trend->label, bold);
      for (guint p = 0; p < trend->points->len; p++)
        {
          const BcTrendPoint *point = &g_array_index (trend->points, BcTrendPoint, p);
          if (point->has_value)
            worksheet_write_number (sheet, DATA_ROW + p, 1 + t, (double) point->value, count);
        }
    }
  worksheet_set_column (sheet, 1, trends->len, 16, NULL);
  worksheet_freeze_panes (sheet, DATA_ROW, 1);
}

static void
add_chart (lxw_workbook  *workbook,
           lxw_worksheet *sheet,
           const BcTrend *trend,
           guint          column,
           guint          index)
{
  lxw_chart *chart = workbook_add_chart (workbook, trend->cumulative ? LXW_CHART_LINE : LXW_CHART_COLUMN);
  guint last = DATA_ROW + trend->points->len - 1;
  lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

  chart_series_set_categories (series, "Xu hướng", DATA_ROW, 0, last, 0);
  chart_series_set_values (series, "Xu hướng", DATA_ROW, column, last, column);
  if (trend->cumulative)
    chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
  chart_title_set_name (chart, trend->label);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_GAP);
  /* Two charts a row, below the table. */
  worksheet_insert_chart (sheet, DATA_ROW + BC_TREND_MAX_PERIODS + 2 + 16 * (index / 2), 8 * (index % 2), chart);
}

/**
 * bc_xlsx_write_trends:
 * @trends: (element-type BcTrend): of the same periods
 *
 * Adds the "Xu hướng" sheet to @workbook; charts for the first
 * MAX_CHARTS trends that have a value.
 */
void
bc_xlsx_write_trends (lxw_workbook *workbook,
                      GPtrArray    *trends)
{
  lxw_worksheet *sheet;
  lxw_format *bold, *count;
  guint charts = 0;

  if (trends == NULL || trends->len == 0)
    return;
  sheet = workbook_add_worksheet (workbook, "Xu hướng");
  bold = workbook_add_format (workbook);
  format_set_bold (bold);
  format_set_text_wrap (bold);
  count = workbook_add_format (workbook);
  format_set_num_format (count, "#,##0");
  write_table (sheet, trends, bold, count);
  for (guint t = 0; t < trends->len && charts < MAX_CHARTS; t++)
    if (bc_trend_count_values (trends->pdata[t]) > 0)
      add_chart (workbook, sheet, trends->pdata[t], 1 + t, charts++);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-trend"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-store-private.h"
#include "bc-template.h"
#include "bc-trend.h"

/* A key figure, or an appendix column's total, over the last periods of
 * one unit's reports from one template: read from the library, one value
 * a period, with a gap where the unit has no report or left it blank. A
 * column's total counts the rows that apply, as the table's totals row
 * does. */

void
bc_trend_free (BcTrend *trend)
{
  g_free (trend->key);
  g_free (trend->label);
  g_array_unref (trend->points);
  g_free (trend);
}

/**
 * bc_trend_point_label:
 *
 * Returns: (transfer full): "06/2024" for a month (the month its last
 *   day is in), else the period's dates
 */
char *
bc_trend_point_label (const BcTrendPoint *point)
{
  GDate from, to;

  g_return_val_if_fail (point != NULL, NULL);
  if (bc_date_parse (point->period_from, &from) && bc_date_parse (point->period_to, &to)
      && g_date_days_between (&from, &to) <= 45)
    return g_strdup_printf ("%02d/%d", g_date_get_month (&to), g_date_get_year (&to));
  return g_strdup_printf ("%s–%s", point->period_from, point->period_to);
}

typedef const char *(*LookupFunc) (gpointer    data,
                                   const char *key);

/* A column's total as the table editor's totals row counts it: the
 * counts of the rows that apply to the unit (the template's default, or
 * the report's own "applies"), headings left out; FALSE when none is a
 * count. */
static gboolean
column_total (const BcTableDef *table,
              const char       *column_id,
              LookupFunc        lookup,
              gpointer          data,
              gint64           *total)
{
  gboolean found = FALSE;

  *total = 0;
  for (guint i = 0; i < table->rows->len; i++)
    {
      const BcRow *row = table->rows->pdata[i];
      g_autofree char *applies_key = NULL;
      g_autofree char *key = NULL;
      const char *applies, *value;
      gint64 n;

      if (row->heading)
        continue;
      applies_key = bc_key_cell (table->id, row->key, "applies");
      applies = lookup (data, applies_key);
      if (applies != NULL && *applies != '\0' ? !g_str_equal (applies, "1") : !row->applies)
        continue;
      key = bc_key_cell (table->id, row->key, column_id);
      value = lookup (data, key);
      if (value != NULL && bc_parse_count (value, G_MAXINT64 / 2, &n, NULL) && bc_count_add (total, n))
        found = TRUE;
    }
  return found;
}

static const char *
lookup_hash (gpointer    data,
             const char *key)
{
  return g_hash_table_lookup (data, key);
}

static const char *
lookup_report (gpointer    data,
               const char *key)
{
  return bc_report_get (data, key);
}

/* A key figure's value, or a table column's total, in report @report_id
 * of the library; FALSE when it has none. */
static gboolean
read_value (BcStore          *store,
            gint64            report_id,
            const char       *key,
            const BcTableDef *table,
            const char       *column_id,
            gint64           *value)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *table_key = table ? bc_key_table (table->id) : NULL;
  g_autofree char *pattern = table ? g_strconcat (table_key, "/*", NULL) : g_strdup (key);
  sqlite3_stmt *stmt = bc_store_prepare (store, "SELECT key, value FROM value WHERE report_id = ? AND key GLOB ?",
                                         NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (values, bc_store_column_dup (stmt, 0), bc_store_column_dup (stmt, 1));
  sqlite3_reset (stmt);
  if (table != NULL)
    return column_total (table, column_id, lookup_hash, values, value);
  *value = 0;
  return g_hash_table_contains (values, key)
         && bc_parse_count (g_hash_table_lookup (values, key), G_MAXINT64 / 2, value, NULL);
}

/* The table and column of an integer column's total, @key of
 * bc_key_column_total(); the GLOB metacharacters cannot be in a
 * template's ids. */
static const BcTableDef *
find_column (BcTemplate      *template,
             const char      *key,
             const BcColumn **column)
{
  g_auto(BcKey) parsed = BC_KEY_INIT;
  const BcTableDef *table;

  *column = NULL;
  if (!bc_key_parse_column_total (&parsed, key)
      || (table = bc_template_find_table (template, parsed.id)) == NULL
      || (*column = g_hash_table_lookup (table->column_index, parsed.field)) == NULL
      || (*column)->type != BC_COLUMN_INTEGER)
    return NULL;
  return table;
}

/**
 * bc_trend_live_value:
 * @key: "fig/<id>", or "tbl/<table>/<column>" for the column's total
 * @value: (out): the figure, or the total of the column's rows that apply
 *
 * The value @report holds now, saved or not: the last point of its
 * history.
 *
 * Returns: %FALSE when it has none (left blank)
 */
gboolean
bc_trend_live_value (BcReport   *report,
                     const char *key,
                     gint64     *value)
{
  const BcColumn *column;
  const BcTableDef *table;

  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  *value = 0;
  if ((table = find_column (bc_report_get_template (report), key, &column)) != NULL)
    return column_total (table, column->id, lookup_report, report, value);
  return bc_parse_count (bc_report_get (report, key), G_MAXINT64 / 2, value, NULL);
}

static gboolean
describe_key (BcTemplate  *template,
              const char  *key,
              char       **label,
              gboolean    *cumulative,
              GError     **error)
{
  g_auto(BcKey) parsed = BC_KEY_INIT;
  const BcFigure *figure;
  const BcColumn *column;
  const BcTableDef *table;

  if (bc_key_parse (&parsed, key) == BC_KEY_FIGURE
      && (figure = bc_template_find_figure (template, parsed.id, NULL)) != NULL)
    {
      *label = g_strdup (figure->label);
      *cumulative = figure->cumulative;
      return TRUE;
    }
  if ((table = find_column (template, key, &column)) != NULL)
    {
      *label = g_strdup_printf ("%s: %s", table->title, column->label);
      *cumulative = column->cumulative;
      return TRUE;
    }
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
               _("“%s” is neither a key figure nor an appendix column of this report"), key);
  return FALSE;
}

/**
 * bc_trend_new:
 * @key: "fig/<id>", or "tbl/<table>/<column>" for the column's total
 * @n_periods: how many periods, the report's own the last (at most
 *   BC_TREND_MAX_PERIODS)
 *
 * Returns: (transfer full): the figure's history, or %NULL with @error
 */
BcTrend *
bc_trend_new (BcStore     *store,
              BcReport    *report,
              const char  *key,
              guint        n_periods,
              GError     **error)
{
  BcTemplate *template = bc_report_get_template (report);
  g_autoptr(BcTrend) trend = g_new0 (BcTrend, 1);
  const BcColumn *column = NULL;
  const BcTableDef *table;
  g_autofree char *from = g_strdup (bc_report_get_period_from (report));
  g_autofree char *to = g_strdup (bc_report_get_period_to (report));

  g_return_val_if_fail (BC_IS_STORE (store), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  trend->key = g_strdup (key);
  trend->points = g_array_new (FALSE, TRUE, sizeof (BcTrendPoint));
  if (!describe_key (template, key, &trend->label, &trend->cumulative, error))
    return NULL;
  table = find_column (template, key, &column);
  n_periods = CLAMP (n_periods, 1, BC_TREND_MAX_PERIODS);
  g_array_set_size (trend->points, n_periods);
  for (guint i = n_periods; i-- > 0;)
    {
      BcTrendPoint *point = &g_array_index (trend->points, BcTrendPoint, i);
      gint64 id = bc_store_find_period_report (store, bc_template_get_id (template), bc_report_get_unit (report),
                                               from, to);
      GDate day, start, end;

      g_strlcpy (point->period_from, from, sizeof point->period_from);
      g_strlcpy (point->period_to, to, sizeof point->period_to);
      point->has_value = id > 0 && read_value (store, id, key, table, column ? column->id : NULL, &point->value);
      if (!bc_date_parse (from, &day))
        break;
      g_date_subtract_days (&day, 1);
      bc_period_containing (bc_template_get_regime (template), bc_template_get_cutoff_day (template), &day,
                            &start, &end);
      g_free (from);
      g_free (to);
      from = bc_date_to_iso (&start);
      to = bc_date_to_iso (&end);
    }
  return g_steal_pointer (&trend);
}

static void
add_figures (GPtrArray *trends,
             BcStore   *store,
             BcReport  *report,
             GPtrArray *sections,
             guint      n_periods)
{
  for (guint i = 0; sections != NULL && i < sections->len; i++)
    {
      BcSection *section = sections->pdata[i];
      for (guint j = 0; section->figures != NULL && j < section->figures->len; j++)
        {
          const BcFigure *figure = section->figures->pdata[j];
          g_autofree char *key = bc_key_figure (figure->id, FALSE);
          BcTrend *trend = bc_trend_new (store, report, key, n_periods, NULL);
          if (trend != NULL)
            g_ptr_array_add (trends, trend);
        }
      add_figures (trends, store, report, section->children, n_periods);
    }
}

/**
 * bc_trend_table_keys:
 *
 * Returns: (transfer full): the keys of @table's totals that have a
 *   history ("tbl/<table>/<column>", each column of counts), empty for a
 *   table without a totals row
 */
GStrv
bc_trend_table_keys (const BcTableDef *table)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; table->totals_label != NULL && !table->items && i < table->columns->len; i++)
    {
      const BcColumn *column = table->columns->pdata[i];
      g_autofree char *key = NULL;

      if (column->type != BC_COLUMN_INTEGER)
        continue;
      key = bc_key_column_total (table->id, column->id);
      g_strv_builder_add (keys, key);
    }
  return g_strv_builder_end (keys);
}

static void
add_table_totals (GPtrArray *trends,
                  BcStore   *store,
                  BcReport  *report,
                  guint      n_periods)
{
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (report));

  for (guint i = 0; i < tables->len; i++)
    {
      g_auto(GStrv) keys = bc_trend_table_keys (tables->pdata[i]);

      for (guint j = 0; keys[j] != NULL; j++)
        {
          BcTrend *trend = bc_trend_new (store, report, keys[j], n_periods, NULL);
          if (trend != NULL)
            g_ptr_array_add (trends, trend);
        }
    }
}

/**
 * bc_trend_new_for_figures:
 *
 * Returns: (transfer container) (element-type BcTrend): the history of
 *   every key figure of @report, in the template's order, then of each
 *   appendix's totals (each of its columns of counts)
 */
GPtrArray *
bc_trend_new_for_figures (BcStore   *store,
                          BcReport  *report,
                          guint      n_periods,
                          GError   **error)
{
  GPtrArray *trends = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_trend_free);

  g_return_val_if_fail (BC_IS_STORE (store), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  add_figures (trends, store, report, bc_template_get_sections (bc_report_get_template (report)), n_periods);
  add_table_totals (trends, store, report, n_periods);
  return trends;
}

/**
 * bc_trend_find_latest:
 * @unit: a unit as its reports name it
 *
 * The unit's most recent report (of a "report" template, not a plan):
 * the last period of its overview; of two ending the same day, the
 * shorter (a month before its year).
 *
 * Returns: the report's id, 0 when the unit has none, -1 on error
 */
gint64
bc_trend_find_latest (BcStore     *store,
                      const char  *unit,
                      GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (store), -1);
  g_return_val_if_fail (unit != NULL, -1);

  stmt = bc_store_prepare (store, "SELECT id FROM report WHERE unit = ?"
                           " ORDER BY period_to DESC, julianday(period_to) - julianday(period_from), id DESC",
                           error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, unit, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (store, rc, error), -1;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BcReport) report = bc_store_open_report (store, g_array_index (ids, gint64, i), NULL);

      if (report != NULL && g_str_equal (bc_template_get_kind (bc_report_get_template (report)), "report"))
        return bc_report_get_id (report);
    }
  return 0;
}

/**
 * bc_trend_count_values:
 *
 * Returns: how many periods have a value (the others are gaps)
 */
guint
bc_trend_count_values (const BcTrend *trend)
{
  guint n = 0;

  g_return_val_if_fail (trend != NULL, 0);

  for (guint i = 0; i < trend->points->len; i++)
    n += g_array_index (trend->points, BcTrendPoint, i).has_value;
  return n;
}

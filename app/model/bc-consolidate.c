/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-rollup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-consolidate.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-template.h"
#include "bc-text-utils.h"

/* Consolidation sums, value key by value key, what each unit's report of
 * the period gives: the figures the target marks `additive` (same id)
 * and the tables it fills `from_units` (row by catalog row id, column by
 * id). A unit whose table lacks a row, or whose row does not apply to it,
 * or is left blank, did not report it: it adds nothing, and a value no
 * unit reports stays blank, never 0. Computed columns hold no value: the
 * ratio is the sums'. Like bc_rollup_compute(), it knows no library. */

/* "2024-06": the month a period reports, the month of its last day, so
 * that a district's 15th-to-14th month and the province's own cut-off
 * meet. */
static char *
reported_month (const char *to)
{
  return g_strndup (to, 7);
}

/**
 * bc_consolidate_is_source:
 * @to: the last day of the target's period, ISO
 *
 * Whether @source can feed a report of @target ending @to: a report (not a
 * plan) of another template with the same regime, reporting the same month.
 */
gboolean
bc_consolidate_is_source (BcTemplate *target,
                          const char *to,
                          BcReport   *source)
{
  BcTemplate *template = bc_report_get_template (source);
  g_autofree char *month = reported_month (to);
  g_autofree char *source_month = reported_month (bc_report_get_period_to (source));

  return g_str_equal (bc_template_get_kind (template), "report")
         && !g_str_equal (bc_template_get_id (template), bc_template_get_id (target))
         && bc_template_get_regime (template) == bc_template_get_regime (target)
         && g_str_equal (month, source_month);
}

/* The report of each unit: the one changed last, the higher id on a tie,
 * so the choice never depends on the order they are listed in. */
static BcReport *
pick_report (BcTemplate *target,
             const char *to,
             const char *unit,
             GPtrArray  *sources)
{
  BcReport *best = NULL;

  for (guint i = 0; i < sources->len; i++)
    {
      BcReport *r = sources->pdata[i];
      int c;

      if (!g_str_equal (bc_report_get_unit (r), unit) || !bc_consolidate_is_source (target, to, r))
        continue;
      c = best ? strcmp (bc_report_get_modified (r), bc_report_get_modified (best)) : 1;
      if (c > 0 || (c == 0 && bc_report_get_id (r) > bc_report_get_id (best)))
        best = r;
    }
  return best;
}

typedef struct
{
  BcRollup   *rollup;
  GPtrArray  *reports;   /* BcReport or NULL, parallel to rollup->units */
  const char *to;
} Build;

/* Sums one value key over the units; @value_of gives a unit's value, or
 * FALSE when the unit did not report it. */
typedef gboolean (*ValueFunc) (BcReport *report, gconstpointer data, gint64 *value);

static void
sum_key (Build         *b,
         const char    *key,
         gint64         max,
         ValueFunc      value_of,
         gconstpointer  data)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_rollup_part_free);
  g_autofree char *text = NULL;
  gboolean too_large = FALSE;
  gint64 sum = 0;
  BcRollupEntry *entry;

  for (guint u = 0; u < b->reports->len; u++)
    {
      BcReport *report = b->reports->pdata[u];
      g_autofree char *shown = NULL;
      gint64 value;

      if (report == NULL || !value_of (report, data, &value))
        continue;
      too_large |= !bc_count_add (&sum, value);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? "," : "", bc_report_get_id (report));
      shown = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      g_ptr_array_add (parts, bc_rollup_part_new (b->rollup->unit_names->pdata[u], bc_report_get_id (report), shown));
    }
  if (parts->len == 0)
    return;
  text = g_strdup_printf ("%" G_GINT64_FORMAT, sum);
  entry = bc_rollup_entry_new (key, BC_ROLLUP_SUM, too_large ? "" : text, ids->str, b->to);
  entry->too_large = too_large || sum > max;
  bc_rollup_add_entry (b->rollup, entry);
  g_hash_table_insert (b->rollup->parts, g_strdup (key), g_steal_pointer (&parts));
}

static gboolean
figure_value (BcReport      *report,
              gconstpointer  key,
              gint64        *value)
{
  return bc_parse_count (bc_report_get (report, key), BC_COUNT_MAX, value, NULL);
}

static void
sum_figures (Build     *b,
             GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      for (guint f = 0; section->figures && f < section->figures->len; f++)
        {
          const BcFigure *figure = section->figures->pdata[f];
          g_autofree char *key = bc_key_figure (figure->id, FALSE);
          g_autofree char *den = bc_key_figure (figure->id, TRUE);

          if (!figure->additive)
            continue;
          /* A denominator is summed too: the ratio is the sums'. */
          sum_key (b, key, BC_COUNT_MAX, figure_value, key);
          if (figure->denominator != NULL)
            sum_key (b, den, BC_COUNT_MAX, figure_value, den);
        }
      sum_figures (b, section->children);
    }
}

typedef struct
{
  const BcTableDef *target;
  const BcRow      *row;
  const BcColumn   *column;
} Cell;

/* The unit's table the target names first in "from_units". */
static const BcTableDef *
source_table (BcReport         *report,
              const BcTableDef *target)
{
  BcTemplate *template = bc_report_get_template (report);

  for (guint i = 0; target->from_units[i]; i++)
    {
      const BcTableDef *t = bc_template_find_table (template, target->from_units[i]);
      if (t != NULL)
        return t;
    }
  return NULL;
}

static gboolean
cell_value (BcReport      *report,
            gconstpointer  data,
            gint64        *value)
{
  const Cell *cell = data;
  const BcTableDef *table = source_table (report, cell->target);
  const BcRow *row = table ? bc_table_def_find_row (table, cell->row->key) : NULL;
  const BcColumn *column = table ? bc_table_def_find_column (table, cell->column->id) : NULL;
  g_autofree char *key = NULL;

  if (row == NULL || row->heading || column == NULL || column->type != BC_COLUMN_INTEGER
      || !bc_report_row_applies (report, table->id, row->key))
    return FALSE;
  key = bc_key_cell (table->id, row->key, column->id);
  return bc_parse_count (bc_report_get (report, key), BC_COUNT_MAX, value, NULL);
}

static void
sum_table (Build            *b,
           const BcTableDef *table)
{
  if (table->from_units == NULL)
    return;
  for (guint r = 0; r < table->rows->len; r++)
    {
      const BcRow *row = table->rows->pdata[r];

      if (row->heading)
        continue;
      for (guint c = 0; c < table->columns->len; c++)
        {
          const BcColumn *column = table->columns->pdata[c];
          g_autofree char *key = bc_key_cell (table->id, row->key, column->id);
          Cell cell = { table, row, column };

          if (column->type == BC_COLUMN_INTEGER)
            sum_key (b, key, column->max, cell_value, &cell);
        }
    }
}

static BcRollupMonth *
unit_slot (BcReport *report)
{
  BcRollupMonth *slot = g_new0 (BcRollupMonth, 1);

  if (report != NULL)
    {
      slot->from = g_strdup (bc_report_get_period_from (report));
      slot->to = g_strdup (bc_report_get_period_to (report));
      slot->report_id = bc_report_get_id (report);
      slot->status = g_strdup (bc_report_get_status (report));
    }
  return slot;
}

/**
 * bc_consolidate_compute:
 * @target: the template of the consolidated report (a province's)
 * @from: its first day, ISO
 * @to: its last day, ISO
 * @units: the units expected, as their reports name them
 * @sources: (element-type BcReport): candidate reports; those of other
 *   units or periods are ignored
 *
 * Returns: (transfer full): the consolidation (over_units set, one slot
 *   in units per unit expected, report_id 0 for a unit without report),
 *   or %NULL with @error set when no unit has a report for the period
 */
BcRollup *
bc_consolidate_compute (BcTemplate          *target,
                        const char          *from,
                        const char          *to,
                        const char * const  *units,
                        GPtrArray           *sources,
                        GError             **error)
{
  g_autoptr(BcRollup) rollup = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  Build b = { 0 };
  guint present = 0;

  g_return_val_if_fail (BC_IS_TEMPLATE (target), NULL);
  g_return_val_if_fail (from != NULL && to != NULL && units != NULL && sources != NULL, NULL);

  /* The units in Vietnamese order, however they were named: the order of
   * the parts, of the units missing and of the annex by unit. */
  for (guint i = 0; units[i]; i++)
    g_ptr_array_add (names, (gpointer) units[i]);
  g_ptr_array_sort (names, bc_text_compare_names);

  rollup = bc_rollup_new ();
  rollup->over_units = TRUE;
  rollup->units = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_rollup_month_free);
  rollup->unit_names = g_ptr_array_new_with_free_func (g_free);
  rollup->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < names->len; i++)
    {
      BcReport *report = pick_report (target, to, names->pdata[i], sources);

      g_ptr_array_add (reports, report);
      g_ptr_array_add (rollup->units, unit_slot (report));
      g_ptr_array_add (rollup->unit_names, g_strdup (names->pdata[i]));
      present += report != NULL;
    }
  if (present == 0)
    {
      g_autofree char *f = bc_date_to_display (from), *t = bc_date_to_display (to);
      g_set_error (error, BC_ROLLUP_ERROR, BC_ROLLUP_ERROR_NO_UNITS,
                   _("None of the %u units has a report for %s – %s"), units[0] ? g_strv_length ((char **) units) : 0,
                   f, t);
      return NULL;
    }
  b.rollup = rollup;
  b.reports = reports;
  b.to = to;
  sum_figures (&b, bc_template_get_sections (target));
  for (guint i = 0; i < bc_template_get_tables (target)->len; i++)
    sum_table (&b, bc_template_get_tables (target)->pdata[i]);
  return g_steal_pointer (&rollup);
}

/**
 * bc_consolidate_missing:
 *
 * Returns: (transfer container) (element-type utf8): the units of a
 *   consolidation without a report, borrowed from it
 */
GPtrArray *
bc_consolidate_missing (BcRollup *rollup)
{
  GPtrArray *missing = g_ptr_array_new ();

  for (guint i = 0; rollup->units && i < rollup->units->len; i++)
    if (((BcRollupMonth *) rollup->units->pdata[i])->report_id == 0)
      g_ptr_array_add (missing, rollup->unit_names->pdata[i]);
  return missing;
}

/**
 * bc_consolidate_is_target:
 *
 * Returns: whether a report of @template can be consolidated from its
 *   units' reports: one of its tables is summed from theirs
 *   ("from_units")
 */
gboolean
bc_consolidate_is_target (BcTemplate *template)
{
  GPtrArray *tables;

  g_return_val_if_fail (BC_IS_TEMPLATE (template), FALSE);

  if (!g_str_equal (bc_template_get_kind (template), "report"))
    return FALSE;
  tables = bc_template_get_tables (template);
  for (guint i = 0; i < tables->len; i++)
    if (((BcTableDef *) tables->pdata[i])->from_units != NULL)
      return TRUE;
  return FALSE;
}

/**
 * bc_consolidate_period_of_month:
 * @month: 1 to 12
 * @from: (out) (transfer full): the first day, ISO
 * @to: (out) (transfer full): the last day, ISO
 *
 * The period of @target that reports @month of @year: the one that ends
 * in that month (a province's 21st-to-20th June reports June).
 */
void
bc_consolidate_period_of_month (BcTemplate  *target,
                                guint        month,
                                guint        year,
                                char       **from,
                                char       **to)
{
  GDate day, f, t;

  g_return_if_fail (month >= 1 && month <= 12 && year >= 1 && year <= 9999);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, (GDateMonth) month, (GDateYear) year);
  if (bc_template_get_cutoff_day (target) > 0)
    g_date_set_day (&day, (GDateDay) MIN (bc_template_get_cutoff_day (target),
                                          g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year)));
  bc_period_containing (bc_template_get_regime (target), bc_template_get_cutoff_day (target), &day, &f, &t);
  *from = bc_date_to_iso (&f);
  *to = bc_date_to_iso (&t);
}

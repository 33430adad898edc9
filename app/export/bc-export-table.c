/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-export"

#include "config.h"

#include "bc-export-private.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-template.h"

/* The printed form of an appendix table, shared by DOCX and XLSX: which
 * rows are printed (the rows that apply to the unit, with the headings
 * above them), the header layout and the totals. The catalog's numbers are
 * printed as they are, never renumbered, so that a row keeps its number
 * in every unit's report. */

static gboolean
heading_has_rows (BcReport         *report,
                  const BcTableDef *def,
                  guint             index)
{
  const BcRow *heading = def->rows->pdata[index];

  for (guint i = index + 1; i < def->rows->len; i++)
    {
      const BcRow *row = def->rows->pdata[i];

      if (row->level <= heading->level)
        break;
      if (!row->heading && bc_report_row_applies (report, def->id, row->key))
        return TRUE;
    }
  return FALSE;
}

static const char *
cell_value (BcReport         *report,
            const BcTableDef *def,
            const BcRow      *row,
            const char       *column)
{
  g_autofree char *key = bc_key_cell (def->id, row->key, column);
  return bc_report_get (report, key);
}

static gboolean
cell_count (BcReport         *report,
            const BcTableDef *def,
            const BcRow      *row,
            const char       *column,
            gint64           *value)
{
  g_autofree char *key = bc_key_cell (def->id, row->key, column);
  return bc_export_get_count (report, key, value);
}

static void
add_totals (BcExportTable *self,
            BcReport      *report,
            const BcRow   *row)
{
  for (guint c = 0; c < self->def->columns->len; c++)
    {
      const BcColumn *column = self->def->columns->pdata[c];
      gint64 value;

      if (column->type != BC_COLUMN_INTEGER || !cell_count (report, self->def, row, column->id, &value))
        continue;
      self->reported[c] = TRUE;
      if (self->totals[c] >= 0 && !bc_count_add (&self->totals[c], value))
        self->totals[c] = -1;
    }
}

/**
 * bc_export_table_new:
 *
 * Returns: (transfer full): the printed layout of @def for @report
 */
BcExportTable *
bc_export_table_new (BcReport         *report,
                     const BcTableDef *def)
{
  BcExportTable *self = g_new0 (BcExportTable, 1);

  self->def = def;
  self->rows = g_ptr_array_new ();
  self->totals = g_new0 (gint64, def->columns->len);
  self->reported = g_new0 (gboolean, def->columns->len);
  self->has_totals = def->totals_label != NULL;
  for (guint c = 0; c < def->columns->len; c++)
    self->has_groups |= ((BcColumn *) def->columns->pdata[c])->group != NULL;

  for (guint i = 0; i < def->rows->len; i++)
    {
      const BcRow *row = def->rows->pdata[i];

      if (row->heading)
        {
          if (heading_has_rows (report, def, i))
            g_ptr_array_add (self->rows, (gpointer) row);
          continue;
        }
      if (!bc_report_row_applies (report, def->id, row->key))
        continue;
      g_ptr_array_add (self->rows, (gpointer) row);
      self->has_notes |= *cell_value (report, def, row, "note") != '\0';
      add_totals (self, report, row);
    }
  return self;
}

void
bc_export_table_free (BcExportTable *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rows);
  g_free (self->totals);
  g_free (self->reported);
  g_free (self);
}

/* STT, the name, the template's columns, and "Ghi chú" when a row has a note. */
guint
bc_export_table_n_columns (const BcExportTable *self)
{
  return 2 + self->def->columns->len + (self->has_notes ? 1 : 0);
}

/**
 * bc_export_table_group_span:
 * @column: index among the template's columns
 *
 * Returns: how many columns the merged heading starting at @column spans:
 * 1 for a column without a group (its label spans both header rows), 0
 * for a column continuing the group of the one before
 */
guint
bc_export_table_group_span (const BcExportTable *self,
                            guint                column)
{
  GPtrArray *columns = self->def->columns;
  const BcColumn *col = columns->pdata[column];
  guint span = 1;

  if (col->group == NULL)
    return 1;
  if (column > 0 && g_strcmp0 (((BcColumn *) columns->pdata[column - 1])->group, col->group) == 0)
    return 0;
  while (column + span < columns->len
         && g_strcmp0 (((BcColumn *) columns->pdata[column + span])->group, col->group) == 0)
    span++;
  return span;
}

/* The sum of column @id, or -1 when no row has a count in it. */
static gint64
column_total (BcExportTable *self,
              const char    *id)
{
  for (guint c = 0; c < self->def->columns->len; c++)
    if (g_str_equal (((BcColumn *) self->def->columns->pdata[c])->id, id))
      return self->reported[c] ? self->totals[c] : -1;
  return 0;
}

/**
 * bc_export_table_ratio:
 * @row: (nullable): a data row, or %NULL for the totals row
 * @ratio: (out): numerator / denominator
 *
 * A data row's empty numerator is not 0: nothing was reported, and the
 * ratio is left out, as the editor leaves it out. The totals row's
 * numerator is the sum of what was reported, none when nothing was.
 *
 * Returns: %FALSE when the denominator is empty or 0, or a data row's
 *   numerator is empty
 */
gboolean
bc_export_table_ratio (BcExportTable  *self,
                       BcReport       *report,
                       const BcRow    *row,
                       const BcColumn *column,
                       double         *ratio)
{
  gint64 numerator = 0, denominator = 0;

  if (column->numerator == NULL || column->denominator == NULL)
    return FALSE;
  if (row == NULL)
    {
      numerator = column_total (self, column->numerator);
      denominator = column_total (self, column->denominator);
    }
  else
    {
      if (!cell_count (report, self->def, row, column->denominator, &denominator))
        return FALSE;
      if (!cell_count (report, self->def, row, column->numerator, &numerator))
        return FALSE;
    }
  if (denominator <= 0 || numerator < 0)
    return FALSE;
  *ratio = (double) numerator / (double) denominator;
  return TRUE;
}

static char *
ratio_text (BcExportTable  *self,
            BcReport       *report,
            const BcRow    *row,
            const BcColumn *column)
{
  double ratio;

  if (!bc_export_table_ratio (self, report, row, column, &ratio))
    return g_strdup ("-");
  return bc_export_format_ratio (ratio);
}

/**
 * bc_export_table_cell_text:
 * @column: (nullable): a template column, or %NULL for the note
 *
 * Returns: (transfer full): the cell as printed: "3.762", "97,61%", "-"
 * for a ratio without a denominator, the text otherwise
 */
char *
bc_export_table_cell_text (BcExportTable  *self,
                           BcReport       *report,
                           const BcRow    *row,
                           const BcColumn *column)
{
  gint64 value;

  if (column == NULL)
    return g_strdup (cell_value (report, self->def, row, "note"));
  switch (column->type)
    {
    case BC_COLUMN_INTEGER:
      if (!cell_count (report, self->def, row, column->id, &value))
        return g_strdup ("");
      return bc_format_int (value);
    case BC_COLUMN_COMPUTED:
      return ratio_text (self, report, row, column);
    case BC_COLUMN_PERCENT:
      return bc_percent_to_display (cell_value (report, self->def, row, column->id));
    case BC_COLUMN_TEXT:
    case BC_COLUMN_CHOICE:
    default:
      return g_strdup (cell_value (report, self->def, row, column->id));
    }
}

/**
 * bc_export_table_name_label:
 *
 * Returns: the heading of the name column: the table's own
 *   ("Cấp học"), else that of the service catalogs
 */
const char *
bc_export_table_name_label (const BcTableDef *def)
{
  return def->name_label != NULL ? def->name_label : "Tên thủ tục hành chính";
}

/**
 * bc_export_table_total_text:
 * @column: index among the template's columns
 *
 * Returns: (transfer full): the totals row's cell: the sum of an integer
 * column ("-" when it is over %BC_COUNT_MAX, or no row has a count in it:
 * nothing reported is not 0, as a ratio without its counts is none), the
 * ratio of the sums for a computed one, "" otherwise
 */
char *
bc_export_table_total_text (BcExportTable *self,
                            guint          column)
{
  const BcColumn *col = self->def->columns->pdata[column];

  if (col->type == BC_COLUMN_INTEGER)
    return self->totals[column] < 0 || !self->reported[column] ? g_strdup ("-")
                                                                 : bc_format_int (self->totals[column]);
  if (col->type == BC_COLUMN_COMPUTED)
    return ratio_text (self, NULL, NULL, col);
  return g_strdup ("");
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-xlsx"

#include "config.h"

#include "bc-keys.h"
#include "bc-number.h"
#include "bc-report.h"
#include "bc-rollup.h"
#include "bc-xlsx-private.h"

/* A consolidated report's table by unit: the province's total of each
 * count column, then one group of the same columns per unit, its value
 * where it reported the row and a blank where it did not (never 0). */

#define FIRST_ROW 4   /* title, blank, group headings, column headings */

static void
write_count (lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             const char    *value,
             lxw_format    *format)
{
  gint64 n;

  if (value != NULL && bc_parse_count (value, BC_COUNT_MAX, &n, NULL))
    worksheet_write_number (sheet, row, col, (double) n, format);
  else
    worksheet_write_blank (sheet, row, col, format);
}

static const char *
part_of (GHashTable *parts,
         const char *key,
         const char *unit)
{
  GPtrArray *list = g_hash_table_lookup (parts, key);

  for (guint i = 0; list && i < list->len; i++)
    if (g_str_equal (((BcRollupPart *) list->pdata[i])->unit, unit))
      return ((BcRollupPart *) list->pdata[i])->value;
  return NULL;
}

static void
write_headings (lxw_worksheet           *sheet,
                GPtrArray               *columns,
                GPtrArray               *unit_names,
                const BcXlsxUnitFormats *f)
{
  guint n = columns->len;

  worksheet_write_string (sheet, 2, 0, "STT", f->header);
  worksheet_write_string (sheet, 2, 1, "Nội dung", f->header);
  worksheet_merge_range (sheet, 2, 0, 3, 0, "STT", f->header);
  worksheet_merge_range (sheet, 2, 1, 3, 1, "Nội dung", f->header);
  for (guint g = 0; g <= unit_names->len; g++)
    {
      const char *label = g == 0 ? "Toàn tỉnh" : unit_names->pdata[g - 1];
      lxw_col_t first = 2 + g * n;

      if (n > 1)
        worksheet_merge_range (sheet, 2, first, 2, first + n - 1, label, f->header);
      else
        worksheet_write_string (sheet, 2, first, label, f->header);
      for (guint c = 0; c < n; c++)
        worksheet_write_string (sheet, 3, first + c, ((BcColumn *) columns->pdata[c])->label, f->header);
    }
  worksheet_set_column (sheet, 0, 0, 6, NULL);
  worksheet_set_column (sheet, 1, 1, 48, NULL);
  worksheet_set_column (sheet, 2, 2 + (unit_names->len + 1) * n, 12, NULL);
  worksheet_freeze_panes (sheet, FIRST_ROW, 2);
}

/**
 * bc_xlsx_write_units:
 * @unit_names: (element-type utf8): the units consolidated, in order
 * @parts: key -> GPtrArray of BcRollupPart
 *
 * Adds the sheet @name: @table's rows, the total of each count column
 * and each unit's part of it, one column group per unit.
 */
void
bc_xlsx_write_units (lxw_workbook            *workbook,
                     const char              *name,
                     BcReport                *report,
                     const BcTableDef        *table,
                     GPtrArray               *unit_names,
                     GHashTable              *parts,
                     const BcXlsxUnitFormats *f)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autofree char *title = g_strdup_printf ("%s – SỐ LIỆU THEO ĐƠN VỊ", table->title);

  if (sheet == NULL)
    return;
  for (guint c = 0; c < table->columns->len; c++)
    if (((BcColumn *) table->columns->pdata[c])->type == BC_COLUMN_INTEGER)
      g_ptr_array_add (columns, table->columns->pdata[c]);
  worksheet_write_string (sheet, 0, 0, title, f->title);
  write_headings (sheet, columns, unit_names, f);
  for (guint r = 0; r < table->rows->len; r++)
    {
      const BcRow *row = table->rows->pdata[r];
      lxw_row_t y = FIRST_ROW + r;

      worksheet_write_string (sheet, y, 0, row->number ? row->number : "", f->text);
      worksheet_write_string (sheet, y, 1, row->label ? row->label : "", f->text);
      for (guint c = 0; c < columns->len; c++)
        {
          const BcColumn *column = columns->pdata[c];
          g_autofree char *key = bc_key_cell (table->id, row->key, column->id);

          write_count (sheet, y, 2 + c, row->heading ? NULL : bc_report_get (report, key), f->integer);
          for (guint u = 0; u < unit_names->len; u++)
            write_count (sheet, y, 2 + (u + 1) * columns->len + c,
                         row->heading ? NULL : part_of (parts, key, unit_names->pdata[u]), f->integer);
        }
    }
}

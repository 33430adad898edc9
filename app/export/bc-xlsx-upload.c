/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-xlsx"

#include "config.h"

#include "bc-export-private.h"
#include "bc-keys.h"
#include "bc-xlsx-private.h"
#include "bc-xml-writer.h"

/* A table's plain sheet, for the systems the figures are uploaded to:
 * one header row, one row per item of the catalog (its code, its number
 * and name, whether it applies to the unit, then the template's columns),
 * no title, no merged cell, no totals, no style but the number formats.
 * The printed sheet beside it is for people. */

#define MAX_TEXT 32767   /* characters in an Excel cell */

/* "Tổng số hồ sơ (…) - Tổng số hồ sơ tiếp nhận": a label under a group
 * heading is not unique on its own in one header row. */
static char *
column_heading (const BcColumn *column)
{
  if (column->group == NULL)
    return g_strdup (column->label);
  return g_strdup_printf ("%s - %s", column->group, column->label);
}

static void
put_string (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const char    *text)
{
  g_autofree char *clean = bc_xml_clean_text (text ? text : "");

  if (g_utf8_strlen (clean, -1) > MAX_TEXT)
    *g_utf8_offset_to_pointer (clean, MAX_TEXT) = '\0';
  if (*clean != '\0')
    worksheet_write_string (sheet, row, col, clean, NULL);
}

static void
write_header (lxw_worksheet    *sheet,
              const BcTableDef *def)
{
  static const char * const fixed[] = { "Mã", BC_EXPORT_STT_LABEL, NULL, "Áp dụng" };
  lxw_col_t col = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    put_string (sheet, 0, col++, fixed[i] ? fixed[i] : bc_export_table_name_label (def));
  for (guint c = 0; c < def->columns->len; c++)
    {
      g_autofree char *heading = column_heading (def->columns->pdata[c]);

      put_string (sheet, 0, col++, heading);
    }
  put_string (sheet, 0, col, BC_EXPORT_NOTE_LABEL);
}

static void
put_value (lxw_worksheet  *sheet,
           lxw_row_t       row,
           lxw_col_t       col,
           BcExportTable  *t,
           BcReport       *report,
           const BcRow    *data_row,
           const BcColumn *column,
           lxw_format     *percent)
{
  g_autofree char *key = bc_key_cell (t->def->id, data_row->key, column->id);
  g_autofree char *text = NULL;
  double ratio;
  gint64 count;

  switch (column->type)
    {
    case BC_COLUMN_INTEGER:
      if (bc_export_get_count (report, key, &count))
        worksheet_write_number (sheet, row, col, (double) count, NULL);
      break;
    case BC_COLUMN_COMPUTED:
      if (bc_export_table_ratio (t, report, data_row, column, &ratio))
        worksheet_write_number (sheet, row, col, ratio, percent);
      break;
    case BC_COLUMN_PERCENT:
      if (*bc_report_get (report, key) != '\0')
        worksheet_write_number (sheet, row, col, g_ascii_strtod (bc_report_get (report, key), NULL) / 100,
                                percent);
      break;
    case BC_COLUMN_CHOICE:
    case BC_COLUMN_TEXT:
    default:
      text = bc_export_table_cell_text (t, report, data_row, column);
      put_string (sheet, row, col, text);
      break;
    }
}

static void
write_item (lxw_worksheet *sheet,
            lxw_row_t      row,
            BcExportTable *t,
            BcReport      *report,
            const BcRow   *item,
            lxw_format    *percent)
{
  g_autofree char *note = NULL;
  guint64 number;
  lxw_col_t col = 4;
  gboolean applies = bc_report_row_applies (report, t->def->id, item->key);

  put_string (sheet, row, 0, item->key);
  if (g_ascii_string_to_unsigned (item->number, 10, 0, 999999, &number, NULL))
    worksheet_write_number (sheet, row, 1, (double) number, NULL);
  else
    put_string (sheet, row, 1, item->number);
  put_string (sheet, row, 2, item->label);
  worksheet_write_number (sheet, row, 3, applies ? 1 : 0, NULL);
  for (guint c = 0; c < t->def->columns->len; c++, col++)
    if (applies)
      put_value (sheet, row, col, t, report, item, t->def->columns->pdata[c], percent);
  note = bc_export_table_cell_text (t, report, item, NULL);
  put_string (sheet, row, col, note);
}

/**
 * bc_xlsx_write_upload: (skip)
 * @name: the sheet's name, unique in the workbook
 *
 * Writes @def's plain sheet for upload systems.
 */
void
bc_xlsx_write_upload (lxw_workbook     *workbook,
                      BcReport         *report,
                      const BcTableDef *def,
                      const char       *name)
{
  g_autoptr(BcExportTable) t = bc_export_table_new (report, def);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);
  lxw_format *percent = workbook_add_format (workbook);
  lxw_row_t row = 1;

  if (sheet == NULL || percent == NULL)
    return;
  format_set_num_format (percent, "0.00%");
  write_header (sheet, def);
  for (guint i = 0; i < def->rows->len; i++)
    {
      const BcRow *item = def->rows->pdata[i];

      if (!item->heading)
        write_item (sheet, row++, t, report, item, percent);
    }
  worksheet_set_paper (sheet, 9);   /* A4, should anyone print it */
  worksheet_set_landscape (sheet);
  worksheet_set_column (sheet, 0, 1, 8, NULL);
  worksheet_set_column (sheet, 2, 2, 50, NULL);
  worksheet_set_column (sheet, 3, (lxw_col_t) (4 + def->columns->len), 14, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-xlsx"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>
#include <string.h>
#include <zip.h>

#include "bc-export-private.h"
#include "bc-keys.h"
#include "bc-template.h"
#include "bc-xlsx.h"
#include "bc-xlsx-private.h"
#include "bc-xml-writer.h"

/* The appendices as a workbook for upload, one sheet per table, laid out
 * like the seeds' tables. Every text is written with
 * worksheet_write_string(), so "=cmd|..." typed by a clerk stays text;
 * ratios and totals are formulas with their values cached for viewers
 * that do not recalculate. The caller runs this under the C numeric
 * locale: Debian's libxlsxwriter prints doubles with the locale's
 * decimal separator. */

#define MAX_TEXT     32767       /* characters in an Excel cell */
#define FONT         "Times New Roman"
#define FONT_SIZE    12          /* the smallest text of a printed sheet */
#define LINE_HEIGHT  15.75       /* points per line of 12 pt text */

/* Printing: A4 landscape, margins in inches. No text prints below 10 pt,
 * so the scale never goes under 84 % of 12 pt; a wide table wraps its
 * name and text columns first (down to their narrowest), and is scaled
 * only for what remains. */
#define PAGE_LONG    841.89      /* A4, points */
#define PAGE_SHORT   595.28
#define MARGIN_SIDE  0.5
#define MARGIN_TOP   0.6
#define MARGIN_BOTTOM 0.6
#define MIN_SCALE    84          /* percent: 12 pt prints as 10,08 pt */
#define SHRINK_SCALE 92          /* 11 pt: printed smaller before wrapping more */
#define NAME_MIN     26          /* the narrowest name column, characters */
#define TEXT_MIN     16          /* the narrowest text column */
#define KEEP_ROWS    3           /* data rows printed on the page of the totals */
#define UPLOAD_SUFFIX " (tải lên)"  /* the plain sheet of a table, for upload */

typedef struct
{
  lxw_workbook *workbook;
  BcReport     *report;
  lxw_error     status;          /* the first libxlsxwriter error */
  GArray       *merges;          /* Merge: the current sheet's merged ranges */
  double       *widths;          /* the current sheet's column widths */
  GArray       *heights;         /* double: the current sheet's row heights, points */
  GHashTable   *sheet_names;     /* casefolded names in use */
  lxw_format   *title, *caption, *attachment, *header;
  lxw_format   *stt, *text, *centre, *integer, *percent;
  lxw_format   *heading, *heading_stt, *total_label, *total_integer, *total_percent, *total_blank;
} Xlsx;

typedef struct
{
  lxw_row_t first_row, last_row;
  lxw_col_t first_col, last_col;
} Merge;

/* libxlsxwriter 1.1 prints its own errors and warnings on stderr ("[ERROR]
 * workbook_close(): ... '.report.xlsx.A1B2C3' ..."), with no switch to turn
 * them off, before we say what failed in one line. While it works, stderr
 * is a stream in memory; its lines go to the debug log, and whatever else
 * was written there meanwhile (another thread's message) is passed on. */
G_LOCK_DEFINE_STATIC (quiet);

typedef BcXlsxQuiet Quiet;

/**
 * bc_xlsx_quiet_begin: (skip)
 *
 * Until bc_xlsx_quiet_end(), what libxlsxwriter prints goes to the debug
 * log (every writer of a workbook brackets its work with them).
 */
void
bc_xlsx_quiet_begin (BcXlsxQuiet *q)
{
  FILE *capture;

  G_LOCK (quiet);
  q->saved = NULL;
  q->text = NULL;
  if ((capture = open_memstream (&q->text, &q->length)) == NULL)
    return;
  fflush (stderr);
  q->saved = stderr;
  stderr = capture;
}

void
bc_xlsx_quiet_end (BcXlsxQuiet *q)
{
  g_auto(GStrv) lines = NULL;
  FILE *capture = stderr;

  if (q->saved == NULL)
    {
      G_UNLOCK (quiet);
      return;
    }
  stderr = q->saved;
  fclose (capture);
  G_UNLOCK (quiet);
  lines = g_strsplit (q->text ? q->text : "", "\n", -1);
  free (q->text);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "[ERROR]") || g_str_has_prefix (lines[i], "[WARNING]"))
      g_debug ("libxlsxwriter: %s", lines[i]);
    else if (*lines[i] != '\0')
      fprintf (stderr, "%s\n", lines[i]);
}

static void
check (Xlsx      *x,
       lxw_error  status)
{
  if (x->status == LXW_NO_ERROR)
    x->status = status;
}

static lxw_format *
new_format (Xlsx     *x,
            gboolean  border,
            gboolean  bold,
            uint8_t   align)
{
  lxw_format *format = workbook_add_format (x->workbook);

  format_set_font_name (format, FONT);
  format_set_font_size (format, 12);
  format_set_align (format, align);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap (format);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  if (bold)
    format_set_bold (format);
  return format;
}

static void
make_formats (Xlsx *x)
{
  x->title = new_format (x, FALSE, TRUE, LXW_ALIGN_CENTER);
  format_set_font_size (x->title, 14);
  x->caption = new_format (x, FALSE, TRUE, LXW_ALIGN_CENTER);
  format_set_font_size (x->caption, 13);
  x->attachment = new_format (x, FALSE, FALSE, LXW_ALIGN_CENTER);
  format_set_italic (x->attachment);
  x->header = new_format (x, TRUE, TRUE, LXW_ALIGN_CENTER);
  x->stt = new_format (x, TRUE, FALSE, LXW_ALIGN_CENTER);
  x->text = new_format (x, TRUE, FALSE, LXW_ALIGN_LEFT);
  format_set_num_format (x->text, "@");
  x->centre = new_format (x, TRUE, FALSE, LXW_ALIGN_CENTER);
  format_set_num_format (x->centre, "@");
  x->integer = new_format (x, TRUE, FALSE, LXW_ALIGN_RIGHT);
  format_set_num_format (x->integer, "#,##0");
  x->percent = new_format (x, TRUE, FALSE, LXW_ALIGN_RIGHT);
  format_set_num_format (x->percent, "0.00%");
  x->heading = new_format (x, TRUE, TRUE, LXW_ALIGN_LEFT);
  x->heading_stt = new_format (x, TRUE, TRUE, LXW_ALIGN_CENTER);
  x->total_label = new_format (x, TRUE, TRUE, LXW_ALIGN_CENTER);
  x->total_integer = new_format (x, TRUE, TRUE, LXW_ALIGN_RIGHT);
  format_set_num_format (x->total_integer, "#,##0");
  x->total_percent = new_format (x, TRUE, TRUE, LXW_ALIGN_RIGHT);
  format_set_num_format (x->total_percent, "0.00%");
  x->total_blank = new_format (x, TRUE, TRUE, LXW_ALIGN_LEFT);
}

/* Clean text for a cell: no control characters, within Excel's limit. */
static char *
cell_text (const char *text)
{
  char *clean = bc_xml_clean_text (text ? text : "");

  if (g_utf8_strlen (clean, -1) > MAX_TEXT)
    *g_utf8_offset_to_pointer (clean, MAX_TEXT) = '\0';
  return clean;
}

/* Always a string: text typed by a clerk never becomes a formula. */
static void
put_text (Xlsx          *x,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text,
          lxw_format    *format)
{
  g_autofree char *clean = cell_text (text);

  if (*clean == '\0')
    check (x, worksheet_write_blank (sheet, row, col, format));
  else
    check (x, worksheet_write_string (sheet, row, col, clean, format));
}

static gboolean
overlaps (const Merge *a,
          const Merge *b)
{
  return a->first_row <= b->last_row && b->first_row <= a->last_row
         && a->first_col <= b->last_col && b->first_col <= a->last_col;
}

/* Excel repairs a file whose merged ranges overlap: refuse to write one. */
static void
merge (Xlsx          *x,
       lxw_worksheet *sheet,
       lxw_row_t      r1,
       lxw_col_t      c1,
       lxw_row_t      r2,
       lxw_col_t      c2,
       const char    *text,
       lxw_format    *format)
{
  Merge m = { r1, r2, c1, c2 };
  g_autofree char *clean = cell_text (text);

  if (r1 == r2 && c1 == c2)
    {
      put_text (x, sheet, r1, c1, clean, format);
      return;
    }
  for (guint i = 0; i < x->merges->len; i++)
    if (overlaps (&m, &g_array_index (x->merges, Merge, i)))
      {
        g_critical ("Overlapping merged ranges in a sheet");
        check (x, LXW_ERROR_PARAMETER_VALIDATION);
        return;
      }
  g_array_append_val (x->merges, m);
  check (x, worksheet_merge_range (sheet, r1, c1, r2, c2, clean, format));
}

static double
column_width (const BcColumn *column)
{
  if (column == NULL)
    return 30;
  switch (column->type)
    {
    case BC_COLUMN_INTEGER:
      return 13;
    case BC_COLUMN_COMPUTED:
    case BC_COLUMN_PERCENT:
      return 10;
    case BC_COLUMN_CHOICE:
      return 15;
    case BC_COLUMN_TEXT:
    default:
      return 28;
    }
}

static const BcColumn *
column_at (const BcExportTable *t,
           guint                col)
{
  if (col < 2 || col - 2 >= t->def->columns->len)
    return NULL;
  return t->def->columns->pdata[col - 2];
}

/* Points a column @width characters wide takes on paper at 100 %: Excel's
 * width unit is the widest digit of the default font (Calibri 11), 7
 * pixels, plus 5 pixels of padding; a pixel is 3/4 point. LibreOffice
 * measures the digit unrounded, 7,4 pixels: the wider of the two is
 * planned for. */
static double
width_points (double width)
{
  return (width * 7.45 + 5) * 0.75;
}

static double
printable_width (void)
{
  return PAGE_LONG - 2 * MARGIN_SIDE * 72;
}

static double
widths_points (const double *widths,
               guint         n)
{
  double total = 0;

  for (guint c = 0; c < n; c++)
    total += width_points (widths[c]);
  return total;
}

static gboolean
wraps (const BcExportTable *t,
       guint                col)
{
  const BcColumn *column = column_at (t, col);

  return col == 1 || (col >= 2 && (column == NULL || column->type == BC_COLUMN_TEXT));
}

/* Narrows the name and text columns, each in proportion to what it can
 * give, until the table is @target points wide or they are at their
 * narrowest. */
static void
narrow_widths (const BcExportTable *t,
               double              *widths,
               guint                n,
               double               target)
{
  double excess = (widths_points (widths, n) - target) / (7.45 * 0.75);
  double slack = 0;

  if (excess <= 0)
    return;
  for (guint c = 1; c < n; c++)
    if (wraps (t, c))
      slack += widths[c] - (c == 1 ? NAME_MIN : TEXT_MIN);
  if (slack <= 0)
    return;
  for (guint c = 1; c < n; c++)
    if (wraps (t, c))
      {
        double give = widths[c] - (c == 1 ? NAME_MIN : TEXT_MIN);

        widths[c] -= MIN (give, give * excess / slack);
      }
}

/* The print scale, percent: 100, or what makes the table fit the width,
 * never under MIN_SCALE (a table still wider prints on more pages across). */
static guint
print_scale (const double *widths,
             guint         n)
{
  double needed = widths_points (widths, n);
  double scale = needed <= printable_width () ? 100 : floor (100 * printable_width () / needed);

  return (guint) MAX (scale, MIN_SCALE);
}

/* A wide table is first printed smaller, down to 11 pt (SHRINK_SCALE);
 * then its name and text columns wrap more; what still does not fit is
 * printed smaller again, down to 10 pt (print_scale()). */
static void
fit_widths (const BcExportTable *t,
            double              *widths,
            guint                n)
{
  if (print_scale (widths, n) >= SHRINK_SCALE)
    return;
  narrow_widths (t, widths, n, printable_width () * 100 / SHRINK_SCALE);
}

static double
set_widths (Xlsx                *x,
            lxw_worksheet       *sheet,
            const BcExportTable *t)
{
  guint n = bc_export_table_n_columns (t);
  double total = 0;

  g_free (x->widths);
  x->widths = g_new0 (double, n);
  x->widths[0] = 6;
  x->widths[1] = 45;
  for (guint c = 2; c < n; c++)
    x->widths[c] = column_width (column_at (t, c));
  fit_widths (t, x->widths, n);
  for (guint c = 0; c < n; c++)
    {
      check (x, worksheet_set_column (sheet, (lxw_col_t) c, (lxw_col_t) c, x->widths[c], NULL));
      total += x->widths[c];
    }
  return total;
}

/* Neither Excel nor LibreOffice grows a row for wrapped text when it
 * opens a file: count the lines @text takes in a column @width wide (a
 * width unit holds a little more than a character of Times New Roman 12). */
static int
text_lines (const char *text,
            double      width)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", "\n", -1);
  double per_line = MAX (width * 1.15 - 1, 3);
  int lines = 0;

  for (guint i = 0; parts[i]; i++)
    lines += MAX (1, (int) ceil ((double) g_utf8_strlen (parts[i], -1) / per_line));
  return MAX (lines, 1);
}

/* Every row gets its height, so that the page breaks planned below are
 * the ones a spreadsheet makes. */
static void
fit_row (Xlsx          *x,
         lxw_worksheet *sheet,
         lxw_row_t      row,
         int            lines,
         double         line_height)
{
  double height = lines > 1 ? lines * line_height + 3 : line_height;

  if (x->heights->len <= row)
    g_array_set_size (x->heights, row + 1);
  g_array_index (x->heights, double, row) = height;
  check (x, worksheet_set_row (sheet, row, height, NULL));
}

static void
title_row (Xlsx          *x,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           guint          n,
           double         width,
           const char    *text,
           lxw_format    *format,
           double         line_height)
{
  fit_row (x, sheet, row, text_lines (text, width * 0.85), line_height);
  merge (x, sheet, row, 0, row, (lxw_col_t) (n - 1), text, format);
}

/* The title, the caption, the table's own period line, "(Kèm theo ...)"
 * and a blank row; returns the header's first row. */
static lxw_row_t
write_titles (Xlsx                *x,
              lxw_worksheet       *sheet,
              const BcExportTable *t,
              double               width)
{
  guint n = bc_export_table_n_columns (t);
  g_autofree char *attachment = bc_export_attachment_line (x->report);
  g_autofree char *period = bc_export_period_line (x->report, t->def);
  lxw_row_t row = 0;

  title_row (x, sheet, row++, n, width, t->def->title, x->title, 18.75);
  if (t->def->caption && *t->def->caption)
    title_row (x, sheet, row++, n, width, t->def->caption, x->caption, 17.5);
  if (period != NULL)
    title_row (x, sheet, row++, n, width, period, x->attachment, LINE_HEIGHT);
  title_row (x, sheet, row++, n, width, attachment, x->attachment, LINE_HEIGHT);
  fit_row (x, sheet, row, 1, LINE_HEIGHT);
  return row + 1;
}

/* The header's rows: a group heading spans its columns; a label without a
 * group spans both rows. */
static void
fit_header (Xlsx                *x,
            lxw_worksheet       *sheet,
            const BcExportTable *t,
            lxw_row_t            top)
{
  int top_lines = 1, bottom_lines = 1, spanning = text_lines (bc_export_table_name_label (t->def), x->widths[1]);

  for (guint c = 0; c < t->def->columns->len; c++)
    {
      const BcColumn *column = t->def->columns->pdata[c];
      guint span = bc_export_table_group_span (t, c);
      double width = 0;

      if (column->group == NULL)
        {
          spanning = MAX (spanning, text_lines (column->label, x->widths[2 + c]));
          continue;
        }
      for (guint i = 0; i < span; i++)
        width += x->widths[2 + c + i];
      if (span > 0)
        top_lines = MAX (top_lines, text_lines (column->group, width));
      bottom_lines = MAX (bottom_lines, text_lines (column->label, x->widths[2 + c]));
    }
  if (!t->has_groups)
    {
      fit_row (x, sheet, top, spanning, LINE_HEIGHT);
      return;
    }
  bottom_lines = MAX (bottom_lines, spanning - top_lines);
  fit_row (x, sheet, top, top_lines, LINE_HEIGHT);
  fit_row (x, sheet, top + 1, bottom_lines, LINE_HEIGHT);
}

/* Returns the first data row. */
static lxw_row_t
write_header (Xlsx                *x,
              lxw_worksheet       *sheet,
              const BcExportTable *t,
              lxw_row_t            top)
{
  lxw_row_t bottom = t->has_groups ? top + 1 : top;
  guint n = bc_export_table_n_columns (t);

  merge (x, sheet, top, 0, bottom, 0, BC_EXPORT_STT_LABEL, x->header);
  merge (x, sheet, top, 1, bottom, 1, bc_export_table_name_label (t->def), x->header);
  for (guint c = 0; c < t->def->columns->len; c++)
    {
      const BcColumn *column = t->def->columns->pdata[c];
      guint span = bc_export_table_group_span (t, c);
      lxw_col_t col = (lxw_col_t) (2 + c);

      if (column->group == NULL)
        merge (x, sheet, top, col, bottom, col, column->label, x->header);
      else
        {
          if (span > 0)
            merge (x, sheet, top, col, top, (lxw_col_t) (col + span - 1), column->group, x->header);
          put_text (x, sheet, bottom, col, column->label, x->header);
        }
    }
  if (t->has_notes)
    merge (x, sheet, top, (lxw_col_t) (n - 1), bottom, (lxw_col_t) (n - 1), BC_EXPORT_NOTE_LABEL, x->header);
  fit_header (x, sheet, t, top);
  return bottom + 1;
}

static void
put_stt (Xlsx          *x,
         lxw_worksheet *sheet,
         lxw_row_t      row,
         const char    *number,
         lxw_format    *format)
{
  guint64 value;

  if (g_ascii_string_to_unsigned (number, 10, 0, 999999, &value, NULL))
    check (x, worksheet_write_number (sheet, row, 0, (double) value, format));
  else
    put_text (x, sheet, row, 0, number, format);
}

static guint
column_index (const BcExportTable *t,
              const char          *id)
{
  for (guint c = 0; c < t->def->columns->len; c++)
    if (g_str_equal (((BcColumn *) t->def->columns->pdata[c])->id, id))
      return 2 + c;
  return G_MAXUINT;
}

/* =IF(OR(E7=0,F7=""),"",F7/E7) with the value it computes cached: an
 * empty count is not 0 (a spreadsheet would show 0%). */
static void
put_ratio (Xlsx           *x,
           lxw_worksheet  *sheet,
           lxw_row_t       row,
           lxw_col_t       col,
           BcExportTable  *t,
           const BcRow    *data_row,
           const BcColumn *column,
           lxw_format     *format)
{
  guint num = column_index (t, column->numerator);
  guint den = column_index (t, column->denominator);
  char num_cell[16], den_cell[16];
  g_autofree char *formula = NULL;
  double ratio;

  if (num == G_MAXUINT || den == G_MAXUINT)
    {
      check (x, worksheet_write_blank (sheet, row, col, format));
      return;
    }
  lxw_rowcol_to_cell (num_cell, row, (lxw_col_t) num);
  lxw_rowcol_to_cell (den_cell, row, (lxw_col_t) den);
  /* A total left empty is "", which is not 0: N() makes it so. */
  if (data_row == NULL && !t->reported[den - 2])
    formula = g_strdup_printf ("=IF(OR(N(%s)=0,%s=\"\"),\"\",%s/%s)", den_cell, num_cell, num_cell, den_cell);
  else
    formula = g_strdup_printf ("=IF(OR(%s=0,%s=\"\"),\"\",%s/%s)", den_cell, num_cell, num_cell, den_cell);
  if (bc_export_table_ratio (t, x->report, data_row, column, &ratio))
    check (x, worksheet_write_formula_num (sheet, row, col, formula, format, ratio));
  else
    check (x, worksheet_write_formula_str (sheet, row, col, formula, format, ""));
}

static void
put_cell (Xlsx           *x,
          lxw_worksheet  *sheet,
          lxw_row_t       row,
          lxw_col_t       col,
          BcExportTable  *t,
          const BcRow    *data_row,
          const BcColumn *column)
{
  g_autofree char *key = NULL;
  gint64 value;

  switch (column->type)
    {
    case BC_COLUMN_INTEGER:
      key = bc_key_cell (t->def->id, data_row->key, column->id);
      if (bc_export_get_count (x->report, key, &value))
        check (x, worksheet_write_number (sheet, row, col, (double) value, x->integer));
      else
        check (x, worksheet_write_blank (sheet, row, col, x->integer));
      break;
    case BC_COLUMN_COMPUTED:
      put_ratio (x, sheet, row, col, t, data_row, column, x->percent);
      break;
    case BC_COLUMN_PERCENT:
      /* Typed "62,76%": a number the spreadsheet shows as a percentage. */
      key = bc_key_cell (t->def->id, data_row->key, column->id);
      if (*bc_report_get (x->report, key) != '\0')
        check (x, worksheet_write_number (sheet, row, col,
                                          g_ascii_strtod (bc_report_get (x->report, key), NULL) / 100,
                                          x->percent));
      else
        check (x, worksheet_write_blank (sheet, row, col, x->percent));
      break;
    case BC_COLUMN_CHOICE:
      key = bc_export_table_cell_text (t, x->report, data_row, column);
      put_text (x, sheet, row, col, key, x->centre);
      break;
    case BC_COLUMN_TEXT:
    default:
      key = bc_export_table_cell_text (t, x->report, data_row, column);
      put_text (x, sheet, row, col, key, x->text);
      break;
    }
}

static int
row_lines (Xlsx          *x,
           BcExportTable *t,
           const BcRow   *data_row)
{
  guint n = bc_export_table_n_columns (t);
  int lines = text_lines (data_row->label, x->widths[1]);

  for (guint c = 2; c < n; c++)
    {
      const BcColumn *column = column_at (t, c);
      g_autofree char *text = NULL;

      if (column != NULL && column->type != BC_COLUMN_TEXT && column->type != BC_COLUMN_CHOICE)
        continue;
      text = bc_export_table_cell_text (t, x->report, data_row, column);
      lines = MAX (lines, text_lines (text, x->widths[c]));
    }
  return lines;
}

static void
write_row (Xlsx          *x,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           BcExportTable *t,
           const BcRow   *data_row)
{
  guint n = bc_export_table_n_columns (t);

  if (data_row->heading)
    {
      double width = 0;

      for (guint c = 1; c < n; c++)
        width += x->widths[c];
      fit_row (x, sheet, row, text_lines (data_row->label, width), LINE_HEIGHT);
      put_stt (x, sheet, row, data_row->number, x->heading_stt);
      merge (x, sheet, row, 1, row, (lxw_col_t) (n - 1), data_row->label, x->heading);
      return;
    }
  fit_row (x, sheet, row, row_lines (x, t, data_row), LINE_HEIGHT);
  put_stt (x, sheet, row, data_row->number, x->stt);
  put_text (x, sheet, row, 1, data_row->label, x->text);
  for (guint c = 0; c < t->def->columns->len; c++)
    put_cell (x, sheet, row, (lxw_col_t) (2 + c), t, data_row, t->def->columns->pdata[c]);
  if (t->has_notes)
    {
      g_autofree char *note = bc_export_table_cell_text (t, x->report, data_row, NULL);
      put_text (x, sheet, row, (lxw_col_t) (n - 1), note, x->text);
    }
}

/* A column nobody filled in: no total, as the editor and the DOCX show
 * it, until a count is typed in the sheet. */
static void
put_empty_total (Xlsx          *x,
                 lxw_worksheet *sheet,
                 lxw_row_t      row,
                 lxw_row_t      first,
                 lxw_col_t      col)
{
  char from[16], to[16];
  g_autofree char *formula = NULL;

  if (row == first)
    {
      check (x, worksheet_write_blank (sheet, row, col, x->total_integer));
      return;
    }
  lxw_rowcol_to_cell (from, first, col);
  lxw_rowcol_to_cell (to, row - 1, col);
  formula = g_strdup_printf ("=IF(COUNT(%s:%s)=0,\"\",SUM(%s:%s))", from, to, from, to);
  check (x, worksheet_write_formula_str (sheet, row, col, formula, x->total_integer, ""));
}

/* SUM over the data rows, cached; the ratio of the sums. */
static void
write_totals (Xlsx          *x,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_row_t      first,
              BcExportTable *t)
{
  guint n = bc_export_table_n_columns (t);

  merge (x, sheet, row, 0, row, 1, t->def->totals_label, x->total_label);
  for (guint c = 0; c < t->def->columns->len; c++)
    {
      const BcColumn *column = t->def->columns->pdata[c];
      lxw_col_t col = (lxw_col_t) (2 + c);

      if (column->type == BC_COLUMN_INTEGER && t->totals[c] < 0)
        check (x, worksheet_write_string (sheet, row, col, "-", x->total_integer));
      else if (column->type == BC_COLUMN_INTEGER && !t->reported[c])
        put_empty_total (x, sheet, row, first, col);
      else if (column->type == BC_COLUMN_INTEGER && row > first)
        {
          char from[16], to[16];
          g_autofree char *formula = NULL;

          lxw_rowcol_to_cell (from, first, col);
          lxw_rowcol_to_cell (to, row - 1, col);
          formula = g_strdup_printf ("=SUM(%s:%s)", from, to);
          check (x, worksheet_write_formula_num (sheet, row, col, formula, x->total_integer,
                                                 (double) t->totals[c]));
        }
      else if (column->type == BC_COLUMN_INTEGER)
        check (x, worksheet_write_number (sheet, row, col, 0, x->total_integer));
      else if (column->type == BC_COLUMN_COMPUTED)
        put_ratio (x, sheet, row, col, t, NULL, column, x->total_percent);
      else
        check (x, worksheet_write_blank (sheet, row, col, x->total_blank));
    }
  if (t->has_notes)
    check (x, worksheet_write_blank (sheet, row, (lxw_col_t) (n - 1), x->total_blank));
}

static double
rows_height (Xlsx      *x,
             lxw_row_t  from,
             lxw_row_t  to)
{
  double height = 0;

  for (lxw_row_t r = from; r < to && r < x->heights->len; r++)
    height += g_array_index (x->heights, double, r);
  return height;
}

/* Lays the rows on pages @page points tall as a spreadsheet does (the
 * header rows again at the top of each page) and returns the first row
 * of the last page. */
static lxw_row_t
last_page (Xlsx      *x,
           lxw_row_t  header_top,
           lxw_row_t  first_data,
           lxw_row_t  totals,
           double     page)
{
  double header = rows_height (x, header_top, first_data);
  double used = rows_height (x, 0, first_data);
  lxw_row_t last = first_data;

  for (lxw_row_t r = first_data; r <= totals; r++)
    {
      double height = rows_height (x, r, r + 1);

      if (used + height > page && r > first_data)
        {
          last = r;
          used = header;
        }
      used += height;
    }
  return last;
}

/* The row before which a page break keeps the last KEEP_ROWS data rows
 * with the totals in row @totals, or 0 when the last page has them
 * already. The page is counted as LibreOffice lays it out, and 3 % shorter
 * for a spreadsheet that lays it out a little differently: the break is
 * made when either would leave the totals short of rows. */
static lxw_row_t
totals_break (Xlsx      *x,
              lxw_row_t  header_top,
              lxw_row_t  first_data,
              lxw_row_t  totals,
              guint      scale)
{
  double page = (PAGE_SHORT - (MARGIN_TOP + MARGIN_BOTTOM) * 72) * 100 / scale;

  if (totals < first_data + KEEP_ROWS + 1)
    return 0;
  for (guint i = 0; i < 2; i++)
    {
      lxw_row_t last = last_page (x, header_top, first_data, totals, i == 0 ? page : page * 0.97);

      if (last > first_data && totals - last < KEEP_ROWS)
        return totals - KEEP_ROWS;
    }
  return 0;
}

static void
print_setup (Xlsx                *x,
             lxw_worksheet       *sheet,
             const BcExportTable *t,
             lxw_row_t            header_top,
             lxw_row_t            first_data,
             lxw_row_t            totals)
{
  guint scale = print_scale (x->widths, bc_export_table_n_columns (t));
  lxw_row_t breaks[2] = { 0, 0 };

  worksheet_freeze_panes (sheet, first_data, 0);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_set_print_scale (sheet, (uint16_t) scale);
  worksheet_set_margins (sheet, MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
  worksheet_center_horizontally (sheet);
  check (x, worksheet_repeat_rows (sheet, header_top, first_data - 1));
  /* The page number in the text's font: the default would print 11 pt
   * Calibri at the sheet's scale, under 10 pt. */
  check (x, worksheet_set_footer (sheet, "&C&\"" FONT ",Regular\"&12&P/&N"));
  if (t->has_totals && (breaks[0] = totals_break (x, header_top, first_data, totals, scale)) > 0)
    check (x, worksheet_set_h_pagebreaks (sheet, breaks));
}

/* A sheet name of @text: none of []:*?/\\', at most @max characters. */
static char *
clean_name (const char *text,
            guint       max)
{
  char *clean = cell_text (text);

  g_strdelimit (clean, "[]:*?/\\'", ' ');
  if (g_utf8_strlen (clean, -1) > max)
    *g_utf8_offset_to_pointer (clean, max) = '\0';
  return g_strstrip (clean);
}

static char *
claim_name (Xlsx       *x,
            const char *base,
            const char *suffix)
{
  g_autofree char *clean = clean_name (base, 31 - (guint) g_utf8_strlen (suffix, -1));
  g_autofree char *name = g_strconcat (clean, suffix, NULL);
  g_autofree char *folded = g_utf8_casefold (name, -1);

  if (*clean == '\0' || g_hash_table_contains (x->sheet_names, folded))
    return NULL;
  g_hash_table_add (x->sheet_names, g_steal_pointer (&folded));
  return g_steal_pointer (&name);
}

/* Sheet names are unique (Excel compares them without case) and say what
 * the sheet holds: the appendix's numbered title ("Phụ lục 01"); when two
 * titles are alike, the title and the caption; then the table's id. */
static char *
sheet_name (Xlsx             *x,
            const BcTableDef *def,
            const char       *suffix)
{
  g_autofree char *with_caption = g_strdup_printf ("%s - %s", def->title, def->caption ? def->caption : "");
  char *name;

  if ((name = claim_name (x, def->title, suffix)) != NULL
      || (def->caption && (name = claim_name (x, with_caption, suffix)) != NULL)
      || (name = claim_name (x, def->id, suffix)) != NULL)
    return name;
  for (guint i = 1; ; i++)
    {
      g_autofree char *numbered = g_strdup_printf ("Bảng %u", i);

      if ((name = claim_name (x, numbered, suffix)) != NULL)
        return name;
    }
}

static void
write_sheet (Xlsx             *x,
             const BcTableDef *def,
             const char       *name)
{
  g_autoptr(BcExportTable) t = bc_export_table_new (x->report, def);
  lxw_worksheet *sheet = workbook_add_worksheet (x->workbook, name);
  lxw_row_t row, first, top;
  double width;

  if (sheet == NULL)
    {
      check (x, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  g_array_set_size (x->merges, 0);
  g_array_set_size (x->heights, 0);
  width = set_widths (x, sheet, t);
  top = write_titles (x, sheet, t, width);
  first = row = write_header (x, sheet, t, top);
  for (guint i = 0; i < t->rows->len; i++)
    write_row (x, sheet, row++, t, t->rows->pdata[i]);
  if (t->has_totals)
    {
      fit_row (x, sheet, row, 1, LINE_HEIGHT);
      write_totals (x, sheet, row, first, t);
    }
  print_setup (x, sheet, t, top, first, row);
}

/* A consolidated report: each table summed from the units, by unit. */
static void
write_unit_sheets (Xlsx                  *x,
                   const BcExportOptions *options)
{
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (x->report));
  BcXlsxUnitFormats formats = { x->caption, x->header, x->text, x->integer };

  for (guint i = 0; i < tables->len; i++)
    {
      const BcTableDef *def = tables->pdata[i];
      g_autofree char *name = NULL;

      if (def->from_units == NULL)
        continue;
      name = sheet_name (x, def, " theo đơn vị");
      bc_xlsx_write_units (x->workbook, name, x->report, def, options->unit_names, options->parts, &formats);
    }
}

static void
set_properties (Xlsx                  *x,
                const BcExportOptions *options)
{
  g_autoptr(GDateTime) created = bc_export_dup_created (options);
  g_autofree char *title = cell_text (bc_export_get_header (x->report, "summary"));
  g_autofree char *author = cell_text (bc_export_get_header (x->report, "issuing_body"));
  g_autofree char *company = cell_text (bc_export_get_header (x->report, "supervising_body"));
  lxw_doc_properties properties = {
    .title = title,
    .author = author,
    .company = company,
    .created = (time_t) g_date_time_to_unix (created),
  };

  g_strdelimit (author, "\n", ' ');
  g_strdelimit (company, "\n", ' ');
  check (x, workbook_set_properties (x->workbook, &properties));
}

/* Whether an XML part ends with the end tag of the element it begins
 * with: "<worksheet …>…</worksheet>". */
static gboolean
part_is_whole (const char *text,
               gsize       length)
{
  const char *root = text;
  const char *end = text + length;
  g_autofree char *close = NULL;
  gsize n;

  /* Past the declaration ("<?xml …?>") to the root element. */
  while ((root = memchr (root, '<', end - root)) != NULL && root + 1 < end && (root[1] == '?' || root[1] == '!'))
    root++;
  if (root == NULL)
    return FALSE;
  n = strcspn (root + 1, " \t\r\n/>");
  close = g_strdup_printf ("</%.*s>", (int) n, root + 1);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  /* An empty root ("<Relationships …/>") ends with "/>". */
  return ((gsize) (end - text) >= strlen (close) && memcmp (end - strlen (close), close, strlen (close)) == 0)
    || (end - text >= 2 && end[-2] == '/' && end[-1] == '>' && memchr (root, '>', end - root) == end - 1);
}

/* libxlsxwriter may miss a short write at close, and never checks its
 * writes to the parts it zips: read the package back, and every part to
 * its end. An incomplete file, or a part cut short, is what a full disk
 * leaves. */
static gboolean
verify_package (const char  *tmp_path,
                const char  *path,
                GError     **error)
{
  int zerr = 0;
  zip_t *zip = zip_open (tmp_path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  zip_int64_t n;
  gboolean whole = TRUE;

  if (zip == NULL)
    return bc_export_set_io_error (error, ENOSPC, path);
  n = zip_get_num_entries (zip, 0);
  for (zip_int64_t i = 0; whole && i < n; i++)
    {
      const char *name = zip_get_name (zip, i, 0);
      zip_stat_t st;
      zip_file_t *part;
      g_autofree char *text = NULL;

      if (name == NULL || !(g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels")))
        continue;
      if (zip_stat_index (zip, i, 0, &st) != 0 || (part = zip_fopen_index (zip, i, 0)) == NULL)
        {
          whole = FALSE;
          break;
        }
      text = g_malloc (st.size + 1);
      whole = zip_fread (part, text, st.size) == (zip_int64_t) st.size && part_is_whole (text, st.size);
      zip_fclose (part);
    }
  zip_discard (zip);
  return whole || bc_export_set_io_error (error, ENOSPC, path);
}

/**
 * bc_xlsx_close: (skip)
 * @workbook: (transfer full): the workbook written to @tmp_path
 * @status: the first error while it was written, or %LXW_NO_ERROR
 * @path: the file it stands for, named in the error
 *
 * Closes @workbook, and reads the package back: a full disk, or a short
 * write libxlsxwriter missed, is an error, not a broken file kept.
 *
 * Returns: %FALSE with @error set when the file is not whole
 */
gboolean
bc_xlsx_close (lxw_workbook  *workbook,
               lxw_error      status,
               const char    *tmp_path,
               const char    *path,
               GError       **error)
{
  lxw_error closed;

  errno = 0;
  closed = workbook_close (workbook);
  if (status == LXW_NO_ERROR)
    status = closed;
  if (status == LXW_NO_ERROR)
    return verify_package (tmp_path, path, error);
  if (errno == ENOSPC || errno == EDQUOT || errno == EFBIG || errno == EACCES || errno == EROFS)
    return bc_export_set_io_error (error, errno, path);
  g_set_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_FAILED,
               _("The spreadsheet could not be written: %s"), lxw_strerror (status));
  return FALSE;
}

static gboolean
close_workbook (Xlsx        *x,
                const char  *tmp_path,
                const char  *path,
                GError     **error)
{
  lxw_workbook *workbook = g_steal_pointer (&x->workbook);

  return bc_xlsx_close (workbook, x->status, tmp_path, path, error);
}

static gboolean
write_xlsx (BcReport               *report,
            const char             *tmp_path,
            const char             *path,
            const BcExportOptions  *options,
            GError                **error)
{
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (report));
  g_autofree char *dir = g_path_get_dirname (tmp_path);
  lxw_workbook_options workbook_options = { .tmpdir = dir };
  Xlsx x = { .report = report };
  g_autoptr(GPtrArray) names = NULL;
  Quiet quiet;
  gboolean ok;

  if (tables->len == 0)
    {
      g_set_error_literal (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_NO_TABLES,
                           _("This report has no appendix tables to write as a spreadsheet."));
      return FALSE;
    }
  bc_xlsx_quiet_begin (&quiet);
  x.workbook = workbook_new_opt (tmp_path, &workbook_options);
  if (x.workbook == NULL)
    {
      int saved_errno = errno ? errno : EIO;

      bc_xlsx_quiet_end (&quiet);
      return bc_export_set_io_error (error, saved_errno, path);
    }
  x.merges = g_array_new (FALSE, FALSE, sizeof (Merge));
  x.heights = g_array_new (FALSE, TRUE, sizeof (double));
  x.sheet_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  make_formats (&x);
  set_properties (&x, options);
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (names, sheet_name (&x, tables->pdata[i], ""));
  for (guint i = 0; i < tables->len; i++)
    write_sheet (&x, tables->pdata[i], names->pdata[i]);
  if (options != NULL && options->unit_names != NULL)
    write_unit_sheets (&x, options);
  /* The plain sheets after the printed ones: a file opens on a sheet
   * laid out for people. */
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *name = sheet_name (&x, tables->pdata[i], UPLOAD_SUFFIX);

      bc_xlsx_write_upload (x.workbook, report, tables->pdata[i], name);
    }
  if (options != NULL)
    bc_xlsx_write_trends (x.workbook, options->trends);
  ok = close_workbook (&x, tmp_path, path, error);
  bc_xlsx_quiet_end (&quiet);
  g_array_unref (x.merges);
  g_array_unref (x.heights);
  g_hash_table_unref (x.sheet_names);
  g_free (x.widths);
  return ok;
}

/**
 * bc_xlsx_export:
 * @report: the report
 * @path: the XLSX file to write; replaced only when the export succeeds
 * @options: (nullable): export options
 * @error: return location for a #BC_EXPORT_ERROR
 *
 * Writes the report's appendix tables, one sheet each.
 *
 * Returns: %TRUE on success
 */
gboolean
bc_xlsx_export (BcReport               *report,
                const char             *path,
                const BcExportOptions  *options,
                GError                **error)
{
  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return bc_export_run (report, path, options, write_xlsx, error);
}

/**
 * bc_xlsx_export_async:
 * @report: the report; a copy of its values is written
 * @path: the XLSX file to write
 * @options: (nullable): export options, copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Writes the XLSX in a worker thread.
 */
void
bc_xlsx_export_async (BcReport              *report,
                      const char            *path,
                      const BcExportOptions *options,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_return_if_fail (BC_IS_REPORT (report));
  g_return_if_fail (path != NULL);
  bc_export_run_async (report, path, options, write_xlsx, bc_xlsx_export_async,
                       cancellable, callback, user_data);
}

/**
 * bc_xlsx_export_finish:
 *
 * Returns: %TRUE when the file was written
 */
gboolean
bc_xlsx_export_finish (BcReport      *report,
                       GAsyncResult  *result,
                       GError       **error)
{
  return bc_export_run_finish (report, result, bc_xlsx_export_async, error);
}

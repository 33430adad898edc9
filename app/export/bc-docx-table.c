/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-docx"

#include "config.h"

#include "bc-docx-private.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-rollup.h"

/* An appendix: a landscape section with the title, the caption, the
 * "(Kèm theo ...)" line and the table with its two-level merged header
 * (gridSpan across a group, vMerge down the columns without one). A row's
 * note is printed under its name, in italics: a page has no room for a
 * "Ghi chú" column (the spreadsheet has one). */

#define STT_WIDTH  700
#define KEEP_WITH_TOTALS  2    /* data rows printed on the page of the totals */

static const BcDocxPara cell_left = { .style = BC_DOCX_STYLE_CELL, .align = "left" };
static const BcDocxPara cell_centre = { .style = BC_DOCX_STYLE_CELL, .align = "center" };
static const BcDocxPara cell_right = { .style = BC_DOCX_STYLE_CELL, .align = "right" };
static const BcDocxRun strong = { .bold = TRUE };

/* Numbers and choices get the width they need; the name and the text
 * columns share the rest of the page's @width, 2 : 1. */
static int
fixed_width (const BcColumn *column)
{
  switch (column->type)
    {
    case BC_COLUMN_INTEGER:
      return 1050;
    case BC_COLUMN_COMPUTED:
    case BC_COLUMN_PERCENT:
      return 1100;
    case BC_COLUMN_CHOICE:
      return 1500;
    case BC_COLUMN_TEXT:
    default:
      return 0;
    }
}

/* What the name column needs for its longest name or heading, on one
 * line (about 120 twips a character of the cell's font, and its
 * margins), never less than a short name's. */
static int
name_width (const BcExportTable *t)
{
  glong longest = g_utf8_strlen (bc_export_table_name_label (t->def), -1);

  for (guint r = 0; r < t->def->rows->len; r++)
    longest = MAX (longest, g_utf8_strlen (((const BcRow *) t->def->rows->pdata[r])->label, -1));
  return MAX (1500, (int) MIN (longest, 200) * 120 + 300);
}

static int *
column_widths (const BcExportTable *t,
               guint                n,
               int                  width)
{
  int *widths = g_new0 (int, n);
  int rest = width - STT_WIDTH;
  int shares = 2, used;

  for (guint c = 0; c < t->def->columns->len; c++)
    {
      widths[2 + c] = fixed_width (t->def->columns->pdata[c]);
      rest -= widths[2 + c];
      shares += widths[2 + c] == 0;
    }
  widths[0] = STT_WIDTH;
  used = 0;
  for (guint c = 2; c < n; c++)
    if (widths[c] == 0)
      used += widths[c] = rest / shares;
  widths[1] = rest - used;
  /* A narrow table of numbers (a table of the body: "Cấp học" and a few
   * counts) gives the room its names do not need to its numbers, whose
   * two-level headings wrap ("Đã xác thực với CSDLQGvDC" must not break
   * inside its last word). */
  if (shares == 2 && n > 2 && widths[1] > MIN (width * 3 / 10, name_width (t)))
    {
      int spare = widths[1] - MIN (width * 3 / 10, name_width (t));

      widths[1] -= spare;
      for (guint c = 2; c < n; c++)
        widths[c] += spare / (int) (n - 2);
      widths[1] += spare % (int) (n - 2);
    }
  return widths;
}

static void
cell (BcDocx           *d,
      int               width,
      guint             span,
      const char       *vmerge,
      const BcDocxPara *para,
      const BcDocxRun  *run,
      const char       *text)
{
  bc_docx_cell_start (d, width, span, vmerge);
  bc_docx_para (d, para, run, text);
  bc_docx_cell_end (d);
}

/* A cell whose paragraph comments about @key are ranged over */
static void
cell_about (BcDocx           *d,
            const char       *key,
            int               width,
            guint             span,
            const BcDocxPara *para,
            const BcDocxRun  *run,
            const char       *text)
{
  bc_docx_cell_start (d, width, span, NULL);
  bc_docx_anchor (d, key);
  bc_docx_para (d, para, run, text);
  bc_docx_anchor_end (d);
  bc_docx_cell_end (d);
}

static char *
row_key (const BcExportTable *t,
         const BcRow         *row)
{
  return bc_key_row (t->def->id, row->key);
}

static int
span_width (const int *widths,
            guint      first,
            guint      span)
{
  int width = 0;

  for (guint i = 0; i < span; i++)
    width += widths[first + i];
  return width;
}

/* The first header row: STT, the name, ungrouped labels (merged down when
 * there is a second row), group headings (merged across). */
static void
header_first_row (BcDocx              *d,
                  const BcExportTable *t,
                  const int           *widths)
{
  const char *down = t->has_groups ? "restart" : NULL;

  bc_docx_row_start (d, TRUE);
  cell (d, widths[0], 1, down, &cell_centre, &strong, BC_EXPORT_STT_LABEL);
  cell (d, widths[1], 1, down, &cell_centre, &strong, bc_export_table_name_label (t->def));
  for (guint c = 0; c < t->def->columns->len; c++)
    {
      const BcColumn *column = t->def->columns->pdata[c];
      guint span = bc_export_table_group_span (t, c);

      if (span == 0)
        continue;
      if (column->group == NULL)
        cell (d, widths[2 + c], 1, down, &cell_centre, &strong, column->label);
      else
        cell (d, span_width (widths, 2 + c, span), span, NULL, &cell_centre, &strong, column->group);
    }
  bc_docx_row_end (d);
}

static void
header_second_row (BcDocx              *d,
                   const BcExportTable *t,
                   const int           *widths)
{
  bc_docx_row_start (d, TRUE);
  cell (d, widths[0], 1, "continue", &cell_centre, NULL, NULL);
  cell (d, widths[1], 1, "continue", &cell_centre, NULL, NULL);
  for (guint c = 0; c < t->def->columns->len; c++)
    {
      const BcColumn *column = t->def->columns->pdata[c];

      if (column->group == NULL)
        cell (d, widths[2 + c], 1, "continue", &cell_centre, NULL, NULL);
      else
        cell (d, widths[2 + c], 1, NULL, &cell_centre, &strong, column->label);
    }
  bc_docx_row_end (d);
}

static const BcDocxPara *
column_para (const BcColumn *column)
{
  switch (column->type)
    {
    case BC_COLUMN_INTEGER:
    case BC_COLUMN_COMPUTED:
    case BC_COLUMN_PERCENT:
      return &cell_right;
    case BC_COLUMN_CHOICE:
      return &cell_centre;
    case BC_COLUMN_TEXT:
    default:
      return &cell_left;
    }
}

static void
heading_row (BcDocx        *d,
             BcExportTable *t,
             guint          n,
             const BcRow   *row,
             const int     *widths)
{
  g_autofree char *key = row_key (t, row);

  bc_docx_row_start (d, FALSE);
  cell (d, widths[0], 1, NULL, &cell_centre, &strong, row->number);
  cell_about (d, key, span_width (widths, 1, n - 1), n - 1, &cell_left, &strong, row->label);
  bc_docx_row_end (d);
}

static void
name_cell (BcDocx        *d,
           BcExportTable *t,
           const BcRow   *row,
           int            width)
{
  static const BcDocxRun italic = { .italic = TRUE };
  g_autofree char *note = bc_export_table_cell_text (t, d->report, row, NULL);
  g_autofree char *key = row_key (t, row);
  g_autofree char *note_key = g_strconcat (key, "/note", NULL);

  bc_docx_cell_start (d, width, 1, NULL);
  bc_docx_anchor (d, key);
  bc_docx_para (d, &cell_left, NULL, row->label);
  bc_docx_anchor_end (d);
  if (*note)
    {
      g_autofree char *text = g_strdup_printf ("(%s)", note);

      bc_docx_anchor (d, note_key);
      bc_docx_para (d, &cell_left, &italic, text);
      bc_docx_anchor_end (d);
    }
  bc_docx_cell_end (d);
}

static void
data_row (BcDocx        *d,
          BcExportTable *t,
          const BcRow   *row,
          const int     *widths)
{
  bc_docx_row_start (d, FALSE);
  cell (d, widths[0], 1, NULL, &cell_centre, NULL, row->number);
  name_cell (d, t, row, widths[1]);
  for (guint c = 0; c < t->def->columns->len; c++)
    {
      const BcColumn *column = t->def->columns->pdata[c];
      g_autofree char *text = bc_export_table_cell_text (t, d->report, row, column);
      g_autofree char *key = bc_key_cell (t->def->id, row->key, column->id);

      cell_about (d, key, widths[2 + c], 1, column_para (column), NULL, text);
    }
  bc_docx_row_end (d);
}

static void
totals_row (BcDocx        *d,
            BcExportTable *t,
            const int     *widths)
{
  bc_docx_row_start (d, FALSE);
  cell (d, widths[0] + widths[1], 2, NULL, &cell_centre, &strong, t->def->totals_label);
  for (guint c = 0; c < t->def->columns->len; c++)
    {
      g_autofree char *text = bc_export_table_total_text (t, c);
      cell (d, widths[2 + c], 1, NULL, column_para (t->def->columns->pdata[c]), &strong, text);
    }
  bc_docx_row_end (d);
}

static void
write_titles (BcDocx           *d,
              const BcTableDef *def)
{
  static const BcDocxPara title = { .style = BC_DOCX_STYLE_PLAIN, .align = "center", .keep_next = TRUE };
  static const BcDocxPara last = {
    .style = BC_DOCX_STYLE_PLAIN, .align = "center", .keep_next = TRUE, .spacing = TRUE, .after = 240,
  };
  static const BcDocxRun italic = { .italic = TRUE };
  g_autofree char *attachment = bc_export_attachment_line (d->report);
  g_autofree char *period = bc_export_period_line (d->report, def);
  g_autofree char *key = bc_key_table (def->id);

  bc_docx_anchor (d, key);
  bc_docx_para (d, &title, &strong, def->title);
  bc_docx_anchor_end (d);
  if (def->caption && *def->caption)
    bc_docx_para (d, &title, &strong, def->caption);
  if (period != NULL)
    bc_docx_para (d, &title, &italic, period);
  bc_docx_para (d, &last, &italic, attachment);
}

static void
write_table (BcDocx           *d,
             const BcTableDef *def,
             int               width)
{
  g_autoptr(BcExportTable) t = bc_export_table_new (d->report, def);
  guint n = 2 + def->columns->len;
  g_autofree int *widths = column_widths (t, n, width);

  bc_docx_table_start (d, widths, n, TRUE);
  header_first_row (d, t, widths);
  if (t->has_groups)
    header_second_row (d, t, widths);
  for (guint i = 0; i < t->rows->len; i++)
    {
      const BcRow *row = t->rows->pdata[i];

      /* Word keeps a row on the page of the next one when its paragraphs
       * keep with the next: the totals never stand alone on a page. */
      d->keep_rows = t->has_totals && i + KEEP_WITH_TOTALS >= t->rows->len;
      if (row->heading)
        heading_row (d, t, n, row, widths);
      else
        data_row (d, t, row, widths);
    }
  d->keep_rows = FALSE;
  if (t->has_totals)
    totals_row (d, t, widths);
  bc_docx_table_end (d);
}

void
bc_docx_write_appendix (BcDocx           *d,
                        const BcTableDef *def)
{
  write_titles (d, def);
  write_table (d, def, BC_DOCX_WIDE_WIDTH);
}

/**
 * bc_docx_write_body_table: (skip)
 *
 * A table of the body (its template's "section"), in the flow of the
 * text on the portrait page: its title and caption centred above it, no
 * "Kèm theo" line, and an empty line after it so the text that follows
 * does not touch its border.
 */
void
bc_docx_write_body_table (BcDocx           *d,
                          const BcTableDef *def)
{
  static const BcDocxPara title = {
    .style = BC_DOCX_STYLE_PLAIN, .align = "center", .keep_next = TRUE, .spacing = TRUE, .before = 120,
  };
  static const BcDocxPara after = { .style = BC_DOCX_STYLE_PLAIN, .spacing = TRUE, .after = 120 };
  static const BcDocxRun italic = { .italic = TRUE };
  g_autofree char *period = bc_export_period_line (d->report, def);
  g_autofree char *key = bc_key_table (def->id);

  bc_docx_anchor (d, key);
  bc_docx_para (d, &title, &strong, def->title);
  bc_docx_anchor_end (d);
  if (def->caption && *def->caption)
    bc_docx_para (d, &title, NULL, def->caption);
  if (period != NULL)
    bc_docx_para (d, &title, &italic, period);
  write_table (d, def, BC_DOCX_TEXT_WIDTH);
  bc_docx_para (d, &after, NULL, NULL);
}

/* A consolidated report: each unit's part of a value, or NULL. */
static const char *
unit_part (BcDocx     *d,
           const char *key,
           const char *unit)
{
  GPtrArray *parts = g_hash_table_lookup (d->parts, key);

  for (guint i = 0; parts != NULL && i < parts->len; i++)
    if (g_str_equal (((BcRollupPart *) parts->pdata[i])->unit, unit))
      return ((BcRollupPart *) parts->pdata[i])->value;
  return NULL;
}

/* Whether @unit gave any value to the sums. */
static gboolean
unit_reported (BcDocx     *d,
               const char *unit)
{
  GHashTableIter iter;
  gpointer parts;

  g_hash_table_iter_init (&iter, d->parts);
  while (g_hash_table_iter_next (&iter, NULL, &parts))
    for (guint i = 0; i < ((GPtrArray *) parts)->len; i++)
      if (g_str_equal (((BcRollupPart *) ((GPtrArray *) parts)->pdata[i])->unit, unit))
        return TRUE;
  return FALSE;
}

static char *
shown_count (const char *value)
{
  gint64 n;

  if (value == NULL || !bc_parse_count (value, BC_COUNT_MAX, &n, NULL))
    return g_strdup ("");
  return bc_format_int (n);
}

/* One unit: its name across the table, then the rows it reported. */
static void
unit_rows (BcDocx           *d,
           const BcTableDef *def,
           GPtrArray        *columns,
           const int        *widths,
           guint             index)
{
  static const BcDocxRun italic = { .italic = TRUE };
  const char *unit = d->unit_names->pdata[index];
  guint n = 2 + columns->len;
  guint shown = 0;
  g_autofree char *number = g_strdup_printf ("%u", index + 1);

  bc_docx_row_start (d, FALSE);
  cell (d, widths[0], 1, NULL, &cell_centre, &strong, number);
  cell (d, span_width (widths, 1, n - 1), n - 1, NULL, &cell_left, &strong, unit);
  bc_docx_row_end (d);
  for (guint r = 0; r < def->rows->len; r++)
    {
      const BcRow *row = def->rows->pdata[r];
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      gboolean any = FALSE;

      if (row->heading)
        continue;
      for (guint c = 0; c < columns->len; c++)
        {
          g_autofree char *key = bc_key_cell (def->id, row->key, ((BcColumn *) columns->pdata[c])->id);
          const char *part = unit_part (d, key, unit);

          any |= part != NULL;
          g_ptr_array_add (values, shown_count (part));
        }
      if (!any)
        continue;
      shown++;
      bc_docx_row_start (d, FALSE);
      cell (d, widths[0], 1, NULL, &cell_centre, NULL, row->number);
      cell (d, widths[1], 1, NULL, &cell_left, NULL, row->label);
      for (guint c = 0; c < columns->len; c++)
        cell (d, widths[2 + c], 1, NULL, &cell_right, NULL, values->pdata[c]);
      bc_docx_row_end (d);
    }
  if (shown == 0)
    {
      bc_docx_row_start (d, FALSE);
      cell (d, widths[0], 1, NULL, &cell_centre, NULL, "");
      cell (d, span_width (widths, 1, n - 1), n - 1, NULL, &cell_left, &italic,
            unit_reported (d, unit) ? "Không có số liệu của bảng này" : "Chưa báo cáo");
      bc_docx_row_end (d);
    }
}

/**
 * bc_docx_write_unit_annex: (skip)
 *
 * A consolidated report's appendix by unit ("Phụ lục II theo đơn vị"),
 * on landscape pages: for each unit, its name, then the rows it reported
 * with its value of each count column; a unit that did not report is
 * said so.
 */
void
bc_docx_write_unit_annex (BcDocx           *d,
                          const BcTableDef *def)
{
  static const BcDocxPara title = { .style = BC_DOCX_STYLE_PLAIN, .align = "center", .keep_next = TRUE };
  static const BcDocxPara last = {
    .style = BC_DOCX_STYLE_PLAIN, .align = "center", .keep_next = TRUE, .spacing = TRUE, .after = 240,
  };
  static const BcDocxRun italic = { .italic = TRUE };
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autofree char *heading = g_strdup_printf ("%s theo đơn vị", def->title);
  g_autofree char *attachment = bc_export_attachment_line (d->report);
  g_autofree int *widths = NULL;
  guint n;

  for (guint c = 0; c < def->columns->len; c++)
    if (((BcColumn *) def->columns->pdata[c])->type == BC_COLUMN_INTEGER)
      g_ptr_array_add (columns, def->columns->pdata[c]);
  n = 2 + columns->len;
  widths = g_new0 (int, n);
  widths[0] = STT_WIDTH;
  widths[1] = BC_DOCX_WIDE_WIDTH - STT_WIDTH - (int) columns->len * 1500;
  for (guint c = 0; c < columns->len; c++)
    widths[2 + c] = 1500;

  bc_docx_para (d, &title, &strong, heading);
  if (def->caption && *def->caption)
    bc_docx_para (d, &title, &strong, def->caption);
  bc_docx_para (d, &title, &italic, "Số liệu của từng đơn vị trong tổng số của tỉnh");
  bc_docx_para (d, &last, &italic, attachment);
  bc_docx_table_start (d, widths, n, TRUE);
  bc_docx_row_start (d, TRUE);
  cell (d, widths[0], 1, NULL, &cell_centre, &strong, "STT");
  cell (d, widths[1], 1, NULL, &cell_centre, &strong, "Đơn vị / Nội dung");
  for (guint c = 0; c < columns->len; c++)
    cell (d, widths[2 + c], 1, NULL, &cell_centre, &strong, ((BcColumn *) columns->pdata[c])->label);
  bc_docx_row_end (d);
  for (guint u = 0; u < d->unit_names->len; u++)
    unit_rows (d, def, columns, widths, u);
  bc_docx_table_end (d);
}

/**
 * bc_docx_write_missing_units: (skip)
 *
 * A consolidated report says, before its text, from how many of its
 * units' reports it was made and names the units that did not report.
 */
void
bc_docx_write_missing_units (BcDocx *d)
{
  static const BcDocxPara body = { .style = BC_DOCX_STYLE_BODY };
  static const BcDocxRun italic = { .italic = TRUE };
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint missing = 0, total;

  if (d->unit_names == NULL)
    return;
  total = d->unit_names->len;
  for (guint u = 0; u < total; u++)
    if (!unit_reported (d, d->unit_names->pdata[u]))
      g_string_append_printf (names, "%s%s", missing++ ? ", " : "", (char *) d->unit_names->pdata[u]);
  if (missing == 0)
    text = g_strdup_printf ("Số liệu trong báo cáo được tổng hợp từ báo cáo của đủ %u/%u đơn vị.", total, total);
  else
    text = g_strdup_printf ("Số liệu trong báo cáo được tổng hợp từ báo cáo của %u/%u đơn vị; "
                            "chưa nhận được báo cáo của %s.", total - missing, total, names->str);
  bc_docx_para (d, &body, &italic, text);
}

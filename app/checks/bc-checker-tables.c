/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-checker"

#include "config.h"

#include <string.h>

#include "bc-checker-private.h"
#include "bc-keys.h"
#include "bc-number.h"

/* Appendix tables, by column role: online ≤ total, on time + overdue ≤
 * online, a written ratio = online / total, a totals row = the sum of the
 * rows, and no applicable row left blank.  Only applicable rows count. */

typedef struct
{
  BcCheck          *check;
  const BcTableDef *table;
  const char       *name;       /* "Phụ lục II" */
  const BcColumn   *total;
  const BcColumn   *online;
  const BcColumn   *on_time;
  const BcColumn   *overdue;
  const BcColumn   *stated;     /* a ratio column the clerk types */
  const BcRow      *totals_row; /* a row that sums the others */
} Table;

typedef struct
{
  gboolean known;
  gint64   value;
  char    *key;
  char    *text;      /* the value the Vietnamese way: cell_text() */
} Cell;

/* Made only when a message prints it: most cells are read, few are cited. */
static const char *
cell_text (Cell *cell)
{
  if (cell->text == NULL && cell->known)
    cell->text = bc_format_int (cell->value);
  return cell->text;
}

static void
cell_clear (Cell *cell)
{
  g_free (cell->key);
  g_free (cell->text);
}

static Cell
cell_get (Table          *t,
          const BcRow    *row,
          const BcColumn *column)
{
  Cell cell = { FALSE, 0, NULL, NULL };

  if (column == NULL)
    return cell;
  cell.key = bc_key_cell (t->table->id, row->key, column->id);
  cell.known = bc_check_get_count (t->check, t->check->report, cell.key, &cell.value);
  return cell;
}

static char *
lower_first (const char *label)
{
  gunichar first = g_utf8_get_char (label);
  char buf[8] = { 0 };

  g_unichar_to_utf8 (g_unichar_tolower (first), buf);
  return g_strconcat (buf, g_utf8_next_char (label), NULL);
}

static char *
row_name (Table       *t,
          const BcRow *row)
{
  return *row->number ? g_strdup_printf ("%s, dòng %s", t->name, row->number)
                      : g_strdup_printf ("%s, dòng “%s”", t->name, row->label);
}

static gboolean
is_ratio_column (const BcColumn *column)
{
  if (column->type != BC_COLUMN_TEXT && column->type != BC_COLUMN_INTEGER)
    return FALSE;
  /* Template text is NFC (bc-template.c normalises it). */
  return g_str_equal (column->id, "ratio") || g_str_has_prefix (column->label, "Tỷ lệ")
         || g_str_has_prefix (column->label, "TỶ LỆ") || g_str_has_prefix (column->label, "Tỉ lệ");
}

static gboolean
is_totals_row (const BcRow *row)
{
  static const char * const labels[] = { "tổng", "tổng cộng", "cộng", "tổng số", NULL };
  g_autofree char *label = NULL;

  if (row->heading)
    return FALSE;
  if (g_str_equal (row->key, "total"))
    return TRUE;
  if (strlen (row->label) > 24)   /* the longest, "TỔNG CỘNG", is 13 bytes */
    return FALSE;
  label = g_utf8_strdown (row->label, -1);
  return g_strv_contains (labels, g_strstrip (label));
}

static const char *
table_name (BcCheck          *check,
            const BcTableDef *table)
{
  GPtrArray *tables = bc_template_get_tables (check->template);

  /* Two appendices both titled "Phụ lục" are told apart by caption. */
  for (guint i = 0; i < tables->len; i++)
    {
      const BcTableDef *other = tables->pdata[i];
      if (other != table && g_str_equal (other->title, table->title) && table->caption)
        return table->caption;
    }
  return table->title;
}

/* A row check failed on @row comparing these columns (NULL: absent from
 * the table): the template's rules over the same columns' sums leave the
 * row to this finding (bc-checker-rules.c). */
static void
row_failed (Table          *t,
            const BcRow    *row,
            const BcColumn *a,
            const BcColumn *b,
            const BcColumn *c)
{
  const BcColumn *compared[] = { a, b, c };
  guint64 columns = 0;

  for (guint i = 0; i < G_N_ELEMENTS (compared); i++)
    {
      guint64 bit;

      if (compared[i] == NULL)
        continue;
      if ((bit = bc_check_column_bit (t->table, compared[i]->id)) == 0)
        return;
      columns |= bit;
    }
  bc_check_row_failed (t->check, row, columns);
}

static void
check_online (Table       *t,
              const BcRow *row,
              Cell        *total,
              Cell        *online)
{
  g_autofree char *name = NULL;

  if (!online->known)
    return;
  name = row_name (t, row);
  if (total->known && online->value > total->value)
    {
      g_autofree char *online_label = lower_first (t->online->label);
      g_autofree char *total_label = lower_first (t->total->label);
      bc_check_add (t->check, BC_SEVERITY_ERROR, "table.online_le_total", online->key, NULL,
                    "%s: %s %s lớn hơn %s %s", name, online_label, cell_text (online), total_label, cell_text (total));
      row_failed (t, row, t->online, t->total, NULL);
    }
  else if (!total->known && online->value > 0)
    {
      g_autofree char *online_label = lower_first (t->online->label);
      g_autofree char *total_label = lower_first (t->total->label);
      bc_check_add (t->check, BC_SEVERITY_ERROR, "table.total_missing", total->key, NULL,
                    "%s: có %s %s nhưng chưa nhập %s", name, online_label, cell_text (online), total_label);
    }
}

/* On time and overdue are the online dossiers handled: together at most
 * the online ones.  A blank one counts as nothing, which only makes the
 * check more lenient. */
static void
check_processed (Table       *t,
                 const BcRow *row,
                 Cell        *online,
                 Cell        *on_time,
                 Cell        *overdue)
{
  g_autofree char *name = NULL;
  g_autofree char *online_label = NULL;
  g_autofree char *sum_text = NULL;
  g_autofree char *parts = NULL;
  gint64 sum;

  if (!online->known || (!on_time->known && !overdue->known))
    return;
  sum = (on_time->known ? on_time->value : 0) + (overdue->known ? overdue->value : 0);
  if (sum <= online->value)
    return;
  name = row_name (t, row);
  online_label = lower_first (t->online->label);
  sum_text = bc_format_int (sum);
  if (on_time->known && overdue->known)
    {
      g_autofree char *a = lower_first (t->on_time->label);
      g_autofree char *b = lower_first (t->overdue->label);
      parts = g_strdup_printf ("%s %s + %s %s = %s", a, cell_text (on_time), b, cell_text (overdue), sum_text);
    }
  else
    {
      Cell *one = on_time->known ? on_time : overdue;
      g_autofree char *a = lower_first ((on_time->known ? t->on_time : t->overdue)->label);
      parts = g_strdup_printf ("%s %s", a, cell_text (one));
    }
  bc_check_add (t->check, BC_SEVERITY_ERROR, "table.processed_le_online",
                overdue->known ? overdue->key : on_time->key, NULL,
                "%s: %s, lớn hơn %s %s", name, parts, online_label, cell_text (online));
  row_failed (t, row, t->online, t->on_time, t->overdue);
}

static gboolean
parse_stated (const char *value,
              BcVnNumber *number)
{
  g_autofree char *text = g_strstrip (g_strdup (value));
  gsize length = strlen (text);

  if (!bc_vn_number_parse (text, length, number) || number->end != length)
    return FALSE;
  number->is_percent = TRUE;
  return TRUE;
}

static void
check_stated_ratio (Table       *t,
                    const BcRow *row,
                    Cell        *total,
                    Cell        *online)
{
  g_autofree char *key = NULL;
  BcVnNumber stated;
  double exact;

  if (t->stated == NULL || !total->known || !online->known || total->value == 0)
    return;
  key = bc_key_cell (t->table->id, row->key, t->stated->id);
  if (!parse_stated (bc_report_get (t->check->report, key), &stated))
    return;
  exact = 100.0 * (double) online->value / (double) total->value;
  if (!bc_percent_agrees (exact, &stated))
    {
      g_autofree char *name = row_name (t, row);
      g_autofree char *written = bc_vn_number_to_string (&stated);
      g_autofree char *computed = bc_format_percent (exact / 100, CLAMP (stated.decimals, 2, 4));

      bc_check_add (t->check, BC_SEVERITY_ERROR, "table.ratio", key, NULL,
                    "%s: tỷ lệ ghi %s nhưng %s / %s = %s", name, written, cell_text (online), cell_text (total),
                    computed);
    }
}

/* A computed ratio above 100% where the template does not allow one
 * ("may_exceed"); online above total is table.online_le_total already. */
static void
check_computed_over (Table          *t,
                     const BcRow    *row,
                     const BcColumn *column)
{
  const BcColumn *num = bc_table_def_find_column (t->table, column->numerator);
  const BcColumn *den = bc_table_def_find_column (t->table, column->denominator);
  Cell a, b;

  if (column->may_exceed || num == NULL || den == NULL || (num == t->online && den == t->total))
    return;
  a = cell_get (t, row, num);
  b = cell_get (t, row, den);
  if (a.known && b.known && b.value > 0 && a.value > b.value)
    {
      g_autofree char *name = row_name (t, row);
      g_autofree char *num_label = lower_first (num->label);
      g_autofree char *den_label = lower_first (den->label);
      g_autofree char *percent = bc_format_percent ((double) a.value / (double) b.value, 2);

      bc_check_add (t->check, BC_SEVERITY_WARNING, "table.ratio_over_100", a.key, NULL,
                    "%s: %s %s lớn hơn %s %s (%s): tỷ lệ này không vượt quá 100%%", name, num_label, cell_text (&a),
                    den_label, cell_text (&b), percent);
    }
  cell_clear (&a);
  cell_clear (&b);
}

static void
check_row (Table       *t,
           const BcRow *row)
{
  Cell total = cell_get (t, row, t->total);
  Cell online = cell_get (t, row, t->online);
  Cell on_time = cell_get (t, row, t->on_time);
  Cell overdue = cell_get (t, row, t->overdue);

  if (t->online && t->total)
    {
      check_online (t, row, &total, &online);
      check_stated_ratio (t, row, &total, &online);
    }
  if (t->online && (t->on_time || t->overdue))
    check_processed (t, row, &online, &on_time, &overdue);
  for (guint c = 0; c < t->table->columns->len; c++)
    if (((const BcColumn *) t->table->columns->pdata[c])->type == BC_COLUMN_COMPUTED)
      check_computed_over (t, row, t->table->columns->pdata[c]);
  cell_clear (&total);
  cell_clear (&online);
  cell_clear (&on_time);
  cell_clear (&overdue);
}

static gboolean
row_counts (Table *t,
            guint  index)
{
  return bc_check_row_counts (t->check, t->table, index);
}

static void
check_totals_row (Table *t)
{
  for (guint c = 0; c < t->table->columns->len; c++)
    {
      const BcColumn *column = t->table->columns->pdata[c];
      Cell stated;
      gint64 sum = 0;
      gboolean all_known = TRUE, fits = TRUE;

      if (column->type != BC_COLUMN_INTEGER)
        continue;
      stated = cell_get (t, t->totals_row, column);
      for (guint r = 0; stated.known && r < t->table->rows->len; r++)
        {
          const BcRow *row = t->table->rows->pdata[r];
          Cell cell;

          if (row == t->totals_row || !row_counts (t, r))
            continue;
          cell = cell_get (t, row, column);
          all_known &= cell.known;
          fits &= bc_count_add (&sum, cell.known ? cell.value : 0);
          cell_clear (&cell);
        }
      /* A sum too large to be a count is check_column_totals()'s finding. */
      if (stated.known && fits && (sum > stated.value || (all_known && sum != stated.value)))
        {
          g_autofree char *name = row_name (t, t->totals_row);
          g_autofree char *label = lower_first (column->label);
          g_autofree char *sum_text = bc_format_int (sum);
          bc_check_add (t->check, BC_SEVERITY_ERROR, "table.totals_row", stated.key, NULL,
                        "%s: %s ghi %s nhưng cộng các dòng được %s", name, label, cell_text (&stated), sum_text);
        }
      cell_clear (&stated);
    }
}

/* Every integer column's total must be a count: exports print it, and a
 * total over BC_COUNT_MAX could not be printed exactly, nor checked. */
static void
check_column_totals (Table *t)
{
  for (guint c = 0; c < t->table->columns->len; c++)
    {
      const BcColumn *column = t->table->columns->pdata[c];
      gint64 sum = 0;

      for (guint r = 0; column->type == BC_COLUMN_INTEGER && r < t->table->rows->len; r++)
        {
          Cell cell;

          if (!row_counts (t, r))
            continue;
          cell = cell_get (t, t->table->rows->pdata[r], column);
          if (cell.known && !bc_count_add (&sum, cell.value))
            {
              g_autofree char *limit = bc_format_int (BC_COUNT_MAX);
              bc_check_add (t->check, BC_SEVERITY_ERROR, "table.total_too_large", cell.key, NULL,
                            "%s: tổng cột “%s” vượt quá %s, số lớn nhất có thể cộng", t->name,
                            column->label, limit);
              cell_clear (&cell);
              break;
            }
          cell_clear (&cell);
        }
    }
}

static void
check_complete (Table       *t,
                const BcRow *row)
{
  g_autoptr(GString) blanks = g_string_new (NULL);
  g_autofree char *first = NULL;

  for (guint c = 0; c < t->table->columns->len; c++)
    {
      const BcColumn *column = t->table->columns->pdata[c];
      g_autofree char *key = NULL;

      if (column->type != BC_COLUMN_INTEGER || column->optional)
        continue;
      key = bc_key_cell (t->table->id, row->key, column->id);
      if (*bc_report_get (t->check->report, key) != '\0')
        continue;
      g_string_append_printf (blanks, "%s%s", blanks->len ? ", " : "", column->label);
      if (first == NULL)
        first = g_steal_pointer (&key);
    }
  if (first != NULL)
    {
      g_autofree char *name = row_name (t, row);
      bc_check_add (t->check, BC_SEVERITY_WARNING, "complete.row", first, NULL,
                    "%s: chưa nhập %s", name, blanks->str);
    }
}

static const BcColumn *
column_with_role (const BcTableDef *table,
                  const char       *role)
{
  for (guint c = 0; c < table->columns->len; c++)
    {
      const BcColumn *column = table->columns->pdata[c];
      if (g_strcmp0 (column->role, role) == 0)
        return column;
    }
  return NULL;
}

static void
check_table (BcCheck          *check,
             const BcTableDef *table)
{
  Table t = { check, table, table_name (check, table) };
  guint totals_index = 0;

  t.total = column_with_role (table, "total");
  t.online = column_with_role (table, "online");
  t.on_time = column_with_role (table, "on_time");
  t.overdue = column_with_role (table, "overdue");
  for (guint c = 0; c < table->columns->len && t.stated == NULL; c++)
    if (is_ratio_column (table->columns->pdata[c]))
      t.stated = table->columns->pdata[c];
  for (guint r = 0; r < table->rows->len && t.totals_row == NULL; r++)
    if (is_totals_row (table->rows->pdata[r]))
      t.totals_row = table->rows->pdata[r], totals_index = r;

  for (guint r = 0; r < table->rows->len; r++)
    {
      const BcRow *row = table->rows->pdata[r];

      if (!row_counts (&t, r))
        continue;
      check_row (&t, row);
      check_complete (&t, row);
    }
  check_column_totals (&t);
  if (t.totals_row != NULL && row_counts (&t, totals_index))
    check_totals_row (&t);
}

/**
 * bc_check_tables: (skip)
 */
void
bc_check_tables (BcCheck *check)
{
  GPtrArray *tables = bc_template_get_tables (check->template);

  for (guint i = 0; i < tables->len; i++)
    check_table (check, tables->pdata[i]);
}

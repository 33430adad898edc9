/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "bc-bench-utils.h"
#include "bc-keys.h"
#include "bc-report.h"

/* A shipped template, from $BAOCAO_DATADIR. */
BcTemplate *
bc_bench_load_template (const char *id)
{
  g_autofree char *tdir = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "templates", NULL);
  g_autofree char *cdir = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "catalogs", NULL);
  g_autofree char *file = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (tdir, file, NULL);
  g_autoptr(GError) error = NULL;
  BcTemplate *template = bc_template_new_from_file (path, cdir, &error);

  if (template == NULL)
    g_error ("%s", error->message);
  return template;
}

/* A new library DIR/NAME, the file of an earlier run removed first. */
BcStore *
bc_bench_open_store (const char *dir,
                     const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  BcStore *store;

  g_remove (path);
  if ((store = bc_store_open (path, &error)) == NULL)
    g_error ("%s", error->message);
  return store;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The median of @values, which it sorts. */
double
bc_bench_median (double *values,
                 guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

void
bc_bench_edits_init (BcBenchEdits *edits)
{
  edits->keys = g_ptr_array_new_with_free_func (g_free);
  edits->values = g_ptr_array_new_with_free_func (g_free);
}

/* Takes @key and @value. */
void
bc_bench_edits_add (BcBenchEdits *edits,
                    char         *key,
                    char         *value)
{
  g_ptr_array_add (edits->keys, key);
  g_ptr_array_add (edits->values, value);
}

static void
add_count (BcBenchEdits     *edits,
           char             *key,
           BcBenchCount      count,
           guint             index,
           BcBenchCountFunc  value,
           gpointer          data)
{
  char *text = value (count, index, data);

  if (text != NULL)
    bc_bench_edits_add (edits, key, text);
  else
    g_free (key);
}

/* Every key figure with its denominator, then the total and online
 * counts of every row of every table, as @value gives them. */
void
bc_bench_edits_add_counts (BcBenchEdits     *edits,
                           BcTemplate       *template,
                           BcBenchCountFunc  value,
                           gpointer          data)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  GPtrArray *sections = bc_template_get_sections (template);
  GPtrArray *tables = bc_template_get_tables (template);

  for (guint i = 0; i < sections->len; i++)
    g_ptr_array_add (stack, sections->pdata[i]);
  while (stack->len > 0)
    {
      const BcSection *s = g_ptr_array_steal_index (stack, stack->len - 1);
      for (guint i = 0; i < s->children->len; i++)
        g_ptr_array_add (stack, s->children->pdata[i]);
      for (guint i = 0; s->figures && i < s->figures->len; i++)
        {
          const BcFigure *f = s->figures->pdata[i];
          add_count (edits, bc_key_figure (f->id, FALSE), BC_BENCH_FIGURE, i, value, data);
          if (f->denominator)
            add_count (edits, bc_key_figure (f->id, TRUE), BC_BENCH_DENOMINATOR, i, value, data);
        }
    }
  for (guint i = 0; i < tables->len; i++)
    {
      const BcTableDef *table = tables->pdata[i];
      for (guint r = 0; r < table->rows->len; r++)
        {
          const BcRow *row = table->rows->pdata[r];
          if (row->heading)
            continue;
          add_count (edits, bc_key_cell (table->id, row->key, "total"), BC_BENCH_TOTAL, r, value, data);
          add_count (edits, bc_key_cell (table->id, row->key, "online"), BC_BENCH_ONLINE, r, value, data);
        }
    }
}

/* Applies the edits as one batch and empties @edits. */
void
bc_bench_edits_apply (BcBenchEdits *edits,
                      BcStore      *store,
                      BcReport     *report)
{
  g_autofree BcEdit *array = g_new0 (BcEdit, edits->keys->len);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < edits->keys->len; i++)
    array[i] = (BcEdit) { edits->keys->pdata[i], edits->values->pdata[i] };
  if (!bc_store_apply (store, report, array, edits->keys->len, &error))
    g_error ("%s", error->message);
  g_clear_pointer (&edits->keys, g_ptr_array_unref);
  g_clear_pointer (&edits->values, g_ptr_array_unref);
}

/* Every count of @report, as @value gives them, in one batch. */
void
bc_bench_fill (BcStore          *store,
               BcReport         *report,
               BcBenchCountFunc  value,
               gpointer          data)
{
  BcBenchEdits edits;

  bc_bench_edits_init (&edits);
  bc_bench_edits_add_counts (&edits, bc_report_get_template (report), value, data);
  bc_bench_edits_apply (&edits, store, report);
}

/* A #BcBenchCountFunc: counts that differ from one @seed (GUINT_TO_POINTER)
 * to the next, every one filled. */
char *
bc_bench_count (BcBenchCount count,
                guint        index,
                gpointer     seed)
{
  guint n = GPOINTER_TO_UINT (seed);

  switch (count)
    {
    case BC_BENCH_FIGURE:
      return g_strdup_printf ("%u", n * (index + 3) + 100);
    case BC_BENCH_DENOMINATOR:
      return g_strdup_printf ("%u", n * (index + 5) + 900);
    case BC_BENCH_TOTAL:
      return g_strdup_printf ("%u", n + index * 13 + 50);
    default:
      return g_strdup_printf ("%u", n + index * 5);
    }
}

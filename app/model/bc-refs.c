/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-refs"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bc-keys.h"
#include "bc-number.h"
#include "bc-refs.h"
#include "bc-report.h"
#include "bc-template.h"

/* A number said once: the text cites the data instead of copying it. */

#define UNKNOWN   "…"

void
bc_ref_free (BcRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->key);
  g_free (ref->printed);
  g_free (ref);
}

/**
 * bc_refs_find:
 *
 * Returns: (transfer full) (element-type BcRef): the references in @text,
 * in order, not yet resolved
 */
GPtrArray *
bc_refs_find (const char *text)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_ref_free);
  const char *p = text;
  const char *end;
  char *key;
  int decimals;

  while ((p = bc_key_ref_find (p, &end, &key, &decimals)) != NULL)
    {
      BcRef *ref = g_new0 (BcRef, 1);

      ref->key = key;
      ref->decimals = decimals;
      ref->start = (gsize) (p - text);
      ref->end = (gsize) (end - text);
      g_ptr_array_add (refs, ref);
      p = end;
    }
  return refs;
}

static gboolean
get_count (BcReport   *report,
           const char *key,
           gint64     *value)
{
  guint64 parsed;

  if (!g_ascii_string_to_unsigned (bc_report_get (report, key), 10, 0, G_MAXINT64, &parsed, NULL))
    return FALSE;
  *value = (gint64) parsed;
  return TRUE;
}

/* 0.97683 → "97,68%" ("|1": "97,7%"); a whole ratio without decimals. */
static char *
format_ratio (gint64 numerator,
              gint64 denominator,
              int    decimals)
{
  char *text;
  char *comma;

  if (denominator <= 0)
    return NULL;
  text = bc_format_percent ((double) numerator / (double) denominator,
                            decimals < 0 ? BC_KEY_REF_MAX_DECIMALS : (guint) decimals);
  comma = strchr (text, ',');
  if (comma != NULL && strspn (comma + 1, "0") == strlen (comma + 1) - 1)
    strcpy (comma, "%");
  return text;
}

static BcRefStatus
resolve_figure (BcReport     *report,
                const BcKey  *cited,
                int           decimals,
                char        **printed)
{
  BcTemplate *template = bc_report_get_template (report);
  const BcFigure *figure = bc_template_find_figure (template, cited->id, NULL);
  g_autofree char *key = NULL;
  g_autofree char *den_key = NULL;
  gint64 value, den;

  if (figure == NULL || (cited->n_parts > 2 && (cited->n_parts > 3 || figure->denominator == NULL)))
    return BC_REF_UNKNOWN;
  key = bc_key_figure (figure->id, FALSE);
  den_key = bc_key_figure (figure->id, TRUE);
  if (cited->n_parts == 2)
    return get_count (report, key, &value) ? (*printed = bc_format_int (value), BC_REF_OK) : BC_REF_EMPTY;
  if (g_str_equal (cited->sub, "den"))
    return get_count (report, den_key, &den) ? (*printed = bc_format_int (den), BC_REF_OK) : BC_REF_EMPTY;
  if (!g_str_equal (cited->sub, "pct"))
    return BC_REF_UNKNOWN;
  if (!get_count (report, key, &value) || !get_count (report, den_key, &den))
    return BC_REF_EMPTY;
  *printed = format_ratio (value, den, decimals);
  return *printed ? BC_REF_OK : BC_REF_EMPTY;
}

/* The total of an integer column over the rows that apply, as the
 * appendix's totals row prints it. */
static gboolean
column_total (BcReport         *report,
              const BcTableDef *table,
              const char       *column,
              gint64           *total)
{
  *total = 0;
  for (guint i = 0; i < table->rows->len; i++)
    {
      const BcRow *row = table->rows->pdata[i];
      g_autofree char *key = NULL;
      gint64 value;

      if (row->heading || !bc_report_row_applies (report, table->id, row->key))
        continue;
      key = bc_key_cell (table->id, row->key, column);
      if (get_count (report, key, &value) && !bc_count_add (total, value))
        return FALSE;
    }
  return TRUE;
}

static gboolean
table_count (BcReport         *report,
             const BcTableDef *table,
             const char       *row,
             const char       *column,
             gint64           *value)
{
  g_autofree char *key = NULL;

  if (row == NULL)
    return column_total (report, table, column, value);
  key = bc_key_cell (table->id, row, column);
  return get_count (report, key, value);
}

static BcRefStatus
resolve_table (BcReport     *report,
               const BcKey  *cited,
               int           decimals,
               char        **printed)
{
  const BcTableDef *table = bc_template_find_table (bc_report_get_template (report), cited->id);
  const BcColumn *column;
  const char *row = NULL;
  gint64 value, den;

  if (table == NULL || cited->n_parts != 4)
    return BC_REF_UNKNOWN;
  if ((column = bc_table_def_find_column (table, cited->field)) == NULL)
    return BC_REF_UNKNOWN;
  if (!g_str_equal (cited->sub, "total"))
    {
      const BcRow *r = bc_table_def_find_row (table, cited->sub);

      if (r == NULL || r->heading)
        return BC_REF_UNKNOWN;
      row = r->key;
    }
  else if (table->totals_label == NULL)
    return BC_REF_UNKNOWN;
  switch (column->type)
    {
    case BC_COLUMN_INTEGER:
      if (!table_count (report, table, row, column->id, &value))
        return BC_REF_EMPTY;
      *printed = bc_format_int (value);
      return BC_REF_OK;
    case BC_COLUMN_COMPUTED:
      if (!table_count (report, table, row, column->numerator, &value)
          || !table_count (report, table, row, column->denominator, &den))
        return BC_REF_EMPTY;
      *printed = format_ratio (value, den, decimals);
      return *printed ? BC_REF_OK : BC_REF_EMPTY;
    case BC_COLUMN_TEXT:
    case BC_COLUMN_CHOICE:
    default:
      return BC_REF_UNKNOWN;
    }
}

static void
resolve (BcReport *report,
         BcRef    *ref)
{
  g_auto(BcKey) cited = BC_KEY_INIT;
  char *printed = NULL;

  bc_key_parse (&cited, ref->key);
  if (cited.n_parts < 2)
    ref->status = BC_REF_UNKNOWN;
  else if (g_str_equal (cited.prefix, "fig"))
    ref->status = resolve_figure (report, &cited, ref->decimals, &printed);
  else
    ref->status = resolve_table (report, &cited, ref->decimals, &printed);
  ref->printed = printed ? printed : g_strdup (UNKNOWN);
}

/**
 * bc_refs_render:
 * @refs: (out) (optional) (transfer full) (element-type BcRef): the
 *   references, resolved, with where each went in the result
 *
 * Returns: (transfer full): @text with every reference replaced by the
 * number it cites, printed the Vietnamese way ("…" when it cannot be)
 */
char *
bc_refs_render (BcReport    *report,
                const char  *text,
                GPtrArray  **refs)
{
  g_autoptr(GPtrArray) found = bc_refs_find (text);
  GString *out = g_string_sized_new (strlen (text));
  gsize done = 0;

  for (guint i = 0; i < found->len; i++)
    {
      BcRef *ref = found->pdata[i];

      resolve (report, ref);
      g_string_append_len (out, text + done, (gssize) (ref->start - done));
      ref->out_start = out->len;
      g_string_append (out, ref->printed);
      ref->out_end = out->len;
      done = ref->end;
    }
  g_string_append (out, text + done);
  if (refs)
    *refs = g_steal_pointer (&found);
  return g_string_free (out, FALSE);
}

/**
 * bc_refs_stored_offset:
 * @refs: (element-type BcRef): from bc_refs_render()
 *
 * Returns: the byte offset in the stored text of @rendered, an offset in
 * the rendered one (inside a printed number: where its reference starts)
 */
gsize
bc_refs_stored_offset (GPtrArray *refs,
                       gsize      rendered)
{
  gssize shift = 0;

  for (guint i = 0; refs && i < refs->len; i++)
    {
      const BcRef *ref = refs->pdata[i];

      if (rendered < ref->out_start)
        break;
      if (rendered < ref->out_end)
        return ref->start;
      shift = (gssize) ref->end - (gssize) ref->out_end;
    }
  return (gsize) ((gssize) rendered + shift);
}

/**
 * bc_ref_key_is_ratio:
 *
 * Returns: whether @key prints a percentage (its precision can be chosen)
 */
gboolean
bc_ref_key_is_ratio (BcTemplate *template,
                     const char *key)
{
  g_auto(BcKey) cited = BC_KEY_INIT;
  const BcTableDef *table;
  const BcColumn *column;

  bc_key_parse (&cited, key);
  if (cited.n_parts == 3 && g_str_equal (cited.prefix, "fig"))
    return g_str_equal (cited.sub, "pct");
  if (cited.n_parts != 4 || !g_str_equal (cited.prefix, "tbl")
      || (table = bc_template_find_table (template, cited.id)) == NULL
      || (column = bc_table_def_find_column (table, cited.field)) == NULL)
    return FALSE;
  return column->type == BC_COLUMN_COMPUTED;
}

/**
 * bc_ref_label:
 *
 * Returns: (transfer full) (nullable): what @key cites, in words, or
 * %NULL when the template has no such number
 */
char *
bc_ref_label (BcTemplate *template,
              const char *key)
{
  g_auto(BcKey) cited = BC_KEY_INIT;
  const BcTableDef *table;
  const BcColumn *column;
  const BcRow *row;
  guint n;

  bc_key_parse (&cited, key);
  n = cited.n_parts;
  if (n >= 2 && g_str_equal (cited.prefix, "fig"))
    {
      const BcFigure *figure = bc_template_find_figure (template, cited.id, NULL);

      if (figure == NULL || n > 3)
        return NULL;
      if (n == 2)
        return g_strdup (figure->label);
      if (figure->denominator == NULL)
        return NULL;
      if (g_str_equal (cited.sub, "den"))
        return g_strdup_printf ("%s — %s", figure->label, figure->denominator);
      if (g_str_equal (cited.sub, "pct"))
        /* Translators: a key figure's percentage of its denominator */
        return g_strdup_printf (_("%s — ratio"), figure->label);
      return NULL;
    }
  if (n != 4 || !g_str_equal (cited.prefix, "tbl")
      || (table = bc_template_find_table (template, cited.id)) == NULL
      || (column = bc_table_def_find_column (table, cited.field)) == NULL)
    return NULL;
  if (g_str_equal (cited.sub, "total") && table->totals_label == NULL)
    return NULL;
  if (g_str_equal (cited.sub, "total"))
    /* Translators: an appendix's title, its totals row's label, a column */
    return g_strdup_printf (_("%s — %s: %s"), table->title, table->totals_label, column->label);
  if ((row = bc_table_def_find_row (table, cited.sub)) == NULL)
    return NULL;
  return g_strdup_printf ("%s — %s %s: %s", table->title, row->number, row->label, column->label);
}

static void
add_figures (GPtrArray       *keys,
             const BcSection *section)
{
  for (guint i = 0; section->figures && i < section->figures->len; i++)
    {
      const BcFigure *figure = section->figures->pdata[i];

      g_ptr_array_add (keys, bc_key_figure (figure->id, FALSE));
      if (figure->denominator == NULL)
        continue;
      g_ptr_array_add (keys, bc_key_figure (figure->id, TRUE));
      g_ptr_array_add (keys, bc_key_figure_ratio (figure->id));
    }
  for (guint i = 0; i < section->children->len; i++)
    add_figures (keys, section->children->pdata[i]);
}

/**
 * bc_refs_available:
 *
 * Returns: (transfer full) (element-type utf8): the keys a paragraph can
 * cite from a menu: every figure (with its denominator and ratio) and the
 * total of every numeric column; a single cell is typed as its key
 */
GPtrArray *
bc_refs_available (BcTemplate *template)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *sections = bc_template_get_sections (template);
  GPtrArray *tables = bc_template_get_tables (template);

  for (guint i = 0; i < sections->len; i++)
    add_figures (keys, sections->pdata[i]);
  for (guint t = 0; t < tables->len; t++)
    {
      const BcTableDef *table = tables->pdata[t];

      for (guint c = 0; table->totals_label && c < table->columns->len; c++)
        {
          const BcColumn *column = table->columns->pdata[c];

          if (column->type == BC_COLUMN_INTEGER || column->type == BC_COLUMN_COMPUTED)
            g_ptr_array_add (keys, bc_key_cell (table->id, "total", column->id));
        }
    }
  return keys;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-checker"

#include "config.h"

#include <math.h>

#include "bc-checker-private.h"
#include "bc-expr.h"
#include "bc-number.h"

/* The template's own rules, and cumulative figures month over month. */

typedef struct
{
  BcCheck *check;
  char    *location;   /* the first field a rule names */
} RuleRun;

/* A sum over a column is known when every applicable row has a value: a
 * partial sum would make "=" rules fire on missing data. */
static gboolean
resolve_sum (BcCheck *check, const char *table_id, const char *column_id, double *value)
{
  const BcTableDef *table = bc_template_find_table (check->template, table_id);
  gint64 sum = 0;

  if (table == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      const BcRow *row = table->rows->pdata[r];
      g_autofree char *key = NULL;
      gint64 cell;

      if (!bc_check_row_counts (check, table, r))
        continue;
      key = g_strconcat ("tbl/", table_id, "/", row->key, "/", column_id, NULL);
      if (!bc_check_get_count (check, check->report, key, &cell))
        return FALSE;
      sum += cell;
    }
  *value = (double) sum;
  return TRUE;
}

static gboolean
resolve_cb (BcExprRefKind  kind,
            const char    *a,
            const char    *b,
            double        *value,
            gpointer       user_data)
{
  BcCheck *check = user_data;
  g_autofree char *key = NULL;
  gint64 count;

  if (kind == BC_EXPR_REF_SUM)
    return resolve_sum (check, a, b, value);
  key = g_strconcat ("fig/", a, b ? "/den" : NULL, NULL);
  if (!bc_check_get_count (check, check->report, key, &count))
    return FALSE;
  *value = (double) count;
  return TRUE;
}

static gboolean
first_ref_cb (BcExprRefKind  kind,
              const char    *a,
              const char    *b,
              double        *value,
              gpointer       user_data)
{
  RuleRun *run = user_data;

  *value = 1;
  if (run->location == NULL)
    run->location = kind == BC_EXPR_REF_SUM ? g_strdup_printf ("tbl/%s", a)
                    : b ? g_strdup_printf ("fig/%s/den", a) : g_strdup_printf ("fig/%s", a);
  return TRUE;
}

static gboolean
holds (double left, const char *op, double right)
{
  double eps = 1e-9 * MAX (1.0, MAX (fabs (left), fabs (right)));

  if (g_str_equal (op, "="))
    return fabs (left - right) <= eps;
  if (g_str_equal (op, "!=") || g_str_equal (op, "≠"))
    return fabs (left - right) > eps;
  if (g_str_equal (op, "<"))
    return left < right - eps;
  if (g_str_equal (op, "<=") || g_str_equal (op, "≤"))
    return left <= right + eps;
  if (g_str_equal (op, ">"))
    return left > right + eps;
  return left >= right - eps;   /* ">=", "≥" */
}

static const char *
negation (const char *op)
{
  if (g_str_equal (op, "="))
    return "≠";
  if (g_str_equal (op, "!=") || g_str_equal (op, "≠"))
    return "=";
  if (g_str_equal (op, "<"))
    return "≥";
  if (g_str_equal (op, "<=") || g_str_equal (op, "≤"))
    return ">";
  if (g_str_equal (op, ">"))
    return "≤";
  return "<";
}

static char *
format_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value) < 1e15 && fabs (value - round (value)) < 1e-9)
    return bc_format_int ((gint64) round (value));
  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  g_strdelimit (buf, ".", ',');
  return g_strdup (buf);
}

static void
check_rule (BcCheck *check, const BcRule *rule)
{
  g_autoptr(BcExpr) left = bc_expr_parse (rule->left, NULL);
  g_autoptr(BcExpr) right = bc_expr_parse (rule->right, NULL);
  g_autofree char *rule_id = NULL;
  g_autofree char *l_text = NULL;
  g_autofree char *r_text = NULL;
  RuleRun run = { check, NULL };
  double l, r;

  /* The template was validated when it was loaded; a rule that does not
   * parse now cannot come from a loaded template. */
  if (left == NULL || right == NULL)
    return;
  if (!bc_expr_evaluate (left, resolve_cb, check, &l) || !bc_expr_evaluate (right, resolve_cb, check, &r)
      || holds (l, rule->op, r))
    return;
  bc_expr_validate (left, first_ref_cb, &run, NULL);
  bc_expr_validate (right, first_ref_cb, &run, NULL);
  rule_id = g_strconcat ("rule.", rule->id, NULL);
  l_text = format_value (l);
  r_text = format_value (r);
  bc_check_add (check, rule->severity, rule_id, run.location ? run.location : "report", NULL,
                "%s (%s %s %s)", rule->message, l_text, negation (rule->op), r_text);
  g_free (run.location);
}

/**
 * bc_check_rules: (skip)
 *
 * Evaluates the rules the template declares; a rule with a missing value
 * stays silent.
 */
void
bc_check_rules (BcCheck *check)
{
  GPtrArray *rules = bc_template_get_rules (check->template);

  for (guint i = 0; i < rules->len; i++)
    check_rule (check, rules->pdata[i]);
}

static void
check_cumulative (BcCheck *check, const BcFigure *figure)
{
  g_autofree char *key = g_strconcat ("fig/", figure->id, NULL);
  g_autofree char *now_text = NULL;
  g_autofree char *before_text = NULL;
  gint64 now, before;

  if (!figure->cumulative
      || !bc_check_get_count (check, check->report, key, &now)
      || !bc_check_get_count (check, check->previous, key, &before)
      || now >= before)
    return;
  now_text = bc_format_int (now);
  before_text = bc_format_int (before);
  bc_check_add (check, BC_SEVERITY_WARNING, "trend.cumulative", key, NULL,
                "%s là số lũy kế nhưng giảm từ %s (kỳ trước) xuống %s", figure->label, before_text, now_text);
}

static void
check_sections_trend (BcCheck *check, GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      for (guint f = 0; f < section->figures->len; f++)
        check_cumulative (check, section->figures->pdata[f]);
      check_sections_trend (check, section->children);
    }
}

/**
 * bc_check_trend: (skip)
 *
 * A cumulative figure must not fall below the previous period's.
 */
void
bc_check_trend (BcCheck *check)
{
  if (check->previous != NULL)
    check_sections_trend (check, bc_template_get_sections (check->template));
}

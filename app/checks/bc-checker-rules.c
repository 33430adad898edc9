/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-checker"

#include "config.h"

#include <math.h>

#include "bc-checker-private.h"
#include "bc-expr.h"
#include "bc-keys.h"
#include "bc-number.h"

/* The template's own rules, and cumulative figures month over month.
 *
 * A rule that only sums up what a more precise check has already found
 * wrong stays silent, so that one mistake is read as one: a rule over a
 * table's sums that fails only because of rows with their own finding,
 * and a rule over key figures that a sentence of the text gets wrong with
 * the same numbers. */

typedef struct
{
  BcCheck          *check;
  GHashTable       *sums;       /* "<table>/<column>" -> Sum, shared by the rules */
  char             *location;   /* the first field a rule names */
  const BcTableDef *leave_out;  /* when set, its sums leave out the rows ... */
  guint64           columns;    /* ... a row check failed on for these columns */
} RuleRun;

typedef struct
{
  gboolean known;
  gint64   value;
} Sum;

typedef struct
{
  BcExprRefKind  kind;
  const char    *a;             /* borrowed from the expression */
  const char    *b;
} Ref;

static gboolean
get_cell (BcCheck          *check,
          const BcTableDef *table,
          const BcRow      *row,
          const char       *column_id,
          gint64           *value)
{
  g_autofree char *key = bc_key_cell (table->id, row->key, column_id);

  return bc_check_get_count (check, check->report, key, value);
}

/* A sum over a column is known when every applicable row has a value: a
 * partial sum would make "=" rules fire on missing data.  Summed once for
 * all the rules. */
static const Sum *
column_sum (RuleRun          *run,
            const BcTableDef *table,
            const char       *column_id)
{
  g_autofree char *key = g_strconcat (table->id, "/", column_id, NULL);
  Sum *sum = g_hash_table_lookup (run->sums, key);

  if (sum != NULL)
    return sum;
  sum = g_new0 (Sum, 1);
  sum->known = TRUE;
  for (guint r = 0; r < table->rows->len && sum->known; r++)
    {
      gint64 cell = 0;

      /* A sum over BC_COUNT_MAX is not known: the table check says so. */
      if (bc_check_row_counts (run->check, table, r))
        sum->known = get_cell (run->check, table, table->rows->pdata[r], column_id, &cell)
                     && bc_count_add (&sum->value, cell);
    }
  g_hash_table_insert (run->sums, g_steal_pointer (&key), sum);
  return sum;
}

static gboolean
resolve_sum (RuleRun    *run,
             const char *table_id,
             const char *column_id,
             double     *value)
{
  const BcTableDef *table = bc_template_find_table (run->check->template, table_id);
  const Sum *sum;
  gint64 left_out = 0;

  if (table == NULL || !(sum = column_sum (run, table, column_id))->known)
    return FALSE;
  /* The rows whose own findings explain the rule (explained_by_rows()). */
  for (guint r = 0; table == run->leave_out && r < table->rows->len; r++)
    {
      const BcRow *row = table->rows->pdata[r];
      gint64 cell;

      if (bc_check_row_counts (run->check, table, r) && bc_check_row_explains (run->check, row, run->columns)
          && get_cell (run->check, table, row, column_id, &cell))
        left_out += cell;
    }
  *value = (double) (sum->value - left_out);
  return TRUE;
}

static gboolean
resolve_cb (BcExprRefKind  kind,
            const char    *a,
            const char    *b,
            double        *value,
            gpointer       user_data)
{
  RuleRun *run = user_data;
  g_autofree char *key = NULL;
  gint64 count;

  if (kind == BC_EXPR_REF_SUM)
    return resolve_sum (run, a, b, value);
  key = bc_key_figure (a, b != NULL);
  if (!bc_check_get_count (run->check, run->check->report, key, &count))
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
    run->location = kind == BC_EXPR_REF_SUM ? bc_key_table (a)
                    : b ? bc_key_figure (a, TRUE) : bc_key_figure (a, FALSE);
  return TRUE;
}

static gboolean
collect_cb (BcExprRefKind  kind,
            const char    *a,
            const char    *b,
            double        *value,
            gpointer       user_data)
{
  Ref ref = { kind, a, b };

  g_array_append_val ((GArray *) user_data, ref);
  *value = 1;
  return TRUE;
}

static gboolean
zero_cb (BcExprRefKind  kind,
         const char    *a,
         const char    *b,
         double        *value,
         gpointer       user_data)
{
  *value = 0;
  return TRUE;
}

static gboolean
weigh_cb (BcExprRefKind  kind,
          const char    *a,
          const char    *b,
          double        *value,
          gpointer       user_data)
{
  guint *k = user_data;

  *value = ldexp (1, (int) (*k)++);
  return TRUE;
}

/* The references of @expr when it only adds them up ("a + b",
 * "sum(t.on_time) + sum(t.overdue)"), else NULL: only such a side can be
 * split row by row, or read as the parts a sentence lists.  It is worth 0
 * when every reference is 0 (no number added), and 2^n - 1 when the k-th
 * of its n references is 2^k (no product, difference or factor). */
static GArray *
added_refs (const BcExpr *expr)
{
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (Ref));
  guint k = 0;
  double zero, weight;

  bc_expr_validate (expr, collect_cb, refs, NULL);
  if (refs->len == 0 || refs->len > 48
      || !bc_expr_evaluate (expr, zero_cb, NULL, &zero) || zero != 0
      || !bc_expr_evaluate (expr, weigh_cb, &k, &weight) || weight != ldexp (1, (int) refs->len) - 1)
    return NULL;
  return g_steal_pointer (&refs);
}

static gboolean
holds (double      left,
       const char *op,
       double      right)
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

static gboolean
evaluate (RuleRun      *run,
          const BcExpr *left,
          const BcExpr *right,
          double       *l,
          double       *r)
{
  return bc_expr_evaluate (left, resolve_cb, run, l) && bc_expr_evaluate (right, resolve_cb, run, r);
}

/* A rule over one table's sums ("on time + overdue ≤ online", summed)
 * that fails only because of rows whose own check failed on every column
 * it sums (rows 8 and 20, each on time + overdue > online) would tell the
 * same mistakes again, less precisely, at the whole table: the rows'
 * findings say it all when the other rows alone keep the rule.  A rule
 * that still fails without them, or one that is not a plain sum of the
 * table's columns (a bound, a figure), is reported. */
static gboolean
explained_by_rows (RuleRun      *run,
                   const BcRule *rule,
                   const BcExpr *left,
                   const BcExpr *right)
{
  g_autoptr(GArray) refs = NULL;
  g_autoptr(GArray) r_refs = NULL;
  const BcTableDef *table = NULL;
  guint64 columns = 0;
  double l, r;
  gboolean kept;

  if (g_hash_table_size (run->check->failed_rows) == 0
      || (refs = added_refs (left)) == NULL || (r_refs = added_refs (right)) == NULL)
    return FALSE;
  g_array_append_vals (refs, r_refs->data, r_refs->len);
  for (guint i = 0; i < refs->len; i++)
    {
      const Ref *ref = &g_array_index (refs, Ref, i);
      guint64 bit;

      if (ref->kind != BC_EXPR_REF_SUM
          || (table != NULL && !g_str_equal (table->id, ref->a))
          || (table = bc_template_find_table (run->check->template, ref->a)) == NULL
          || (bit = bc_check_column_bit (table, ref->b)) == 0)
        return FALSE;
      columns |= bit;
    }
  run->leave_out = table;
  run->columns = columns;
  kept = evaluate (run, left, right, &l, &r) && holds (l, rule->op, r);
  run->leave_out = NULL;
  return kept;
}

/* The values of key figures @refs adds up, or NULL when it names
 * anything else. */
static GArray *
figure_values (BcCheck *check,
               GArray  *refs)
{
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (gint64), refs->len);

  for (guint i = 0; i < refs->len; i++)
    {
      const Ref *ref = &g_array_index (refs, Ref, i);
      g_autofree char *key = NULL;
      gint64 value;

      if (ref->kind != BC_EXPR_REF_FIGURE)
        return NULL;
      key = bc_key_figure (ref->a, ref->b != NULL);
      if (!bc_check_get_count (check, check->report, key, &value))
        return NULL;
      g_array_append_val (values, value);
    }
  return g_steal_pointer (&values);
}

static BcFinding *
find_breakdown (BcCheck *check,
                GArray  *parts,
                GArray  *total)
{
  g_autofree char *key = NULL;

  if (total->len != 1)
    return NULL;
  key = bc_check_parts_key (parts, g_array_index (total, gint64, 0));
  return g_hash_table_lookup (check->breakdowns, key);
}

/* A rule that adds key figures up ("dvctt_full + dvctt_partial =
 * dvctt_total") and a sentence that writes the same numbers as a total
 * and its parts ("1.478 (545 DVCTT toàn trình, 941 DVCTT một phần)") find
 * one mistake, typed twice.  The sentence's finding is the one kept: it
 * marks the very characters to correct and names every number with its
 * sum, where the rule's points at the first figure it names, which need
 * not be the wrong one, and says only that the sum is off.  Corrected in
 * one place only, the two no longer hold the same numbers and the rule
 * speaks again.  Returns the sentence's finding. */
static BcFinding *
explained_by_text (BcCheck      *check,
                   const BcExpr *left,
                   const BcExpr *right)
{
  g_autoptr(GArray) l_refs = NULL;
  g_autoptr(GArray) r_refs = NULL;
  g_autoptr(GArray) l_values = NULL;
  g_autoptr(GArray) r_values = NULL;
  BcFinding *finding;

  if (g_hash_table_size (check->breakdowns) == 0
      || (l_refs = added_refs (left)) == NULL || (r_refs = added_refs (right)) == NULL
      || (l_values = figure_values (check, l_refs)) == NULL
      || (r_values = figure_values (check, r_refs)) == NULL)
    return NULL;
  if ((finding = find_breakdown (check, l_values, r_values)) == NULL)
    finding = find_breakdown (check, r_values, l_values);
  return finding;
}

static void
check_rule (BcCheck      *check,
            GHashTable   *sums,
            const BcRule *rule)
{
  g_autoptr(BcExpr) left = bc_expr_parse (rule->left, NULL);
  g_autoptr(BcExpr) right = bc_expr_parse (rule->right, NULL);
  g_autofree char *rule_id = NULL;
  g_autofree char *l_text = NULL;
  g_autofree char *r_text = NULL;
  RuleRun run = { check, sums, NULL, NULL, 0 };
  BcFinding *same;
  double l, r;

  /* The template was validated when it was loaded; a rule that does not
   * parse now cannot come from a loaded template. */
  if (left == NULL || right == NULL)
    return;
  if (!evaluate (&run, left, right, &l, &r) || holds (l, rule->op, r)
      || explained_by_rows (&run, rule, left, right))
    return;
  if ((same = explained_by_text (check, left, right)) != NULL)
    {
      if (rule->severity == BC_SEVERITY_ERROR)
        bc_finding_set_severity (same, BC_SEVERITY_ERROR);
      return;
    }
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
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < rules->len; i++)
    check_rule (check, sums, rules->pdata[i]);
}

static void
check_cumulative (BcCheck        *check,
                  const BcFigure *figure)
{
  g_autofree char *key = bc_key_figure (figure->id, FALSE);
  g_autofree char *now_text = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *label = NULL;
  gint64 now, before;

  if (!figure->cumulative
      || !bc_check_get_count (check, check->report, key, &now)
      || !bc_check_get_count (check, check->previous, key, &before)
      || now >= before)
    return;
  now_text = bc_format_int (now);
  before_text = bc_format_int (before);
  label = bc_report_dup_figure_label (check->report, figure);
  bc_check_add (check, BC_SEVERITY_WARNING, "trend.cumulative", key, NULL,
                "%s là số lũy kế nhưng giảm từ %s (kỳ trước) xuống %s", label, before_text, now_text);
}

static void
check_sections_trend (BcCheck   *check,
                      GPtrArray *sections)
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

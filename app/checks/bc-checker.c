/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-checker"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "bc-checker-private.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"

/* The consistency checks: every figure of a report, in its tables and in
 * its text, checked against the others.  A check with a missing value stays
 * silent (completeness reports blanks once); a finding never blocks
 * anything. */

/* The signer's title may be any of the lines of the signature: the
 * head's ("TỔ TRƯỞNG"), the signer's ("PHÓ BAN THƯỜNG TRỰC") or the one
 * under the signing space ("CHỦ TỊCH UBND THÀNH PHỐ"). */
static const char * const signer_titles[] = {
  "header/signer_title", "header/signer_authority_title", "header/signer_title2", NULL
};

/**
 * bc_check_add: (skip)
 *
 * Adds a finding; a second one with the same id gets "~2" after its tag.
 */
BcFinding *
bc_check_add (BcCheck    *check,
              BcSeverity  severity,
              const char *rule,
              const char *location,
              const char *tag,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  g_autofree char *unique_tag = NULL;
  g_autoptr(BcFinding) probe = NULL;
  BcFinding *finding;
  guint seen;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  probe = bc_finding_new (severity, rule, location, tag, message);
  seen = GPOINTER_TO_UINT (g_hash_table_lookup (check->ids, bc_finding_get_id (probe))) + 1;
  g_hash_table_insert (check->ids, g_strdup (bc_finding_get_id (probe)), GUINT_TO_POINTER (seen));
  if (seen > 1)
    {
      unique_tag = g_strdup_printf ("%s~%u", tag ? tag : "", seen);
      finding = bc_finding_new (severity, rule, location, unique_tag, message);
    }
  else
    finding = g_steal_pointer (&probe);
  g_ptr_array_add (check->findings, finding);
  return finding;
}

/**
 * bc_check_get_count: (skip)
 *
 * Returns: %TRUE when @key of @report holds a count
 */
gboolean
bc_check_get_count (BcCheck    *check,
                    BcReport   *report,
                    const char *key,
                    gint64     *value)
{
  guint64 parsed;

  if (!g_ascii_string_to_unsigned (bc_report_get (report, key), 10, 0, G_MAXINT64, &parsed, NULL))
    return FALSE;
  *value = (gint64) parsed;
  return TRUE;
}

/**
 * bc_check_row_counts: (skip)
 *
 * Returns: %TRUE when row @index of @table is a service row that applies
 *   to this report (remembered for the run)
 */
gboolean
bc_check_row_counts (BcCheck          *check,
                     const BcTableDef *table,
                     guint             index)
{
  gboolean *counts = g_hash_table_lookup (check->applies, table);

  if (counts == NULL)
    {
      counts = g_new (gboolean, table->rows->len + 1);
      for (guint r = 0; r < table->rows->len; r++)
        {
          const BcRow *row = table->rows->pdata[r];
          counts[r] = !row->heading && bc_report_row_applies (check->report, table->id, row->key);
        }
      g_hash_table_insert (check->applies, (gpointer) table, counts);
    }
  return index < table->rows->len && counts[index];
}

/**
 * bc_check_column_bit: (skip)
 *
 * Returns: the bit of @column in a set of columns of @table, 0 when it
 *   has none (an unknown column, or past the 64th)
 */
guint64
bc_check_column_bit (const BcTableDef *table,
                     const char       *column)
{
  for (guint c = 0; c < table->columns->len && c < 64; c++)
    if (g_str_equal (((const BcColumn *) table->columns->pdata[c])->id, column))
      return G_GUINT64_CONSTANT (1) << c;
  return 0;
}

/**
 * bc_check_row_failed: (skip)
 * @columns: the columns of its table the failing check compared
 *
 * Remembers that a row check found @row wrong, so that a template rule
 * over its table's sums can tell whether the row is all that is wrong
 * with it (bc_check_row_explains()).
 */
void
bc_check_row_failed (BcCheck     *check,
                     const BcRow *row,
                     guint64      columns)
{
  GArray *failed = g_hash_table_lookup (check->failed_rows, row);

  if (failed == NULL)
    {
      failed = g_array_new (FALSE, FALSE, sizeof (guint64));
      g_hash_table_insert (check->failed_rows, (gpointer) row, failed);
    }
  g_array_append_val (failed, columns);
}

/**
 * bc_check_row_explains: (skip)
 *
 * Returns: %TRUE when one failing row check on @row compared every one
 *   of @columns
 */
gboolean
bc_check_row_explains (BcCheck     *check,
                       const BcRow *row,
                       guint64      columns)
{
  GArray *failed = g_hash_table_lookup (check->failed_rows, row);

  for (guint i = 0; failed && i < failed->len; i++)
    if ((g_array_index (failed, guint64, i) & columns) == columns)
      return TRUE;
  return FALSE;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * bc_check_parts_key: (skip)
 * @parts: (element-type gint64): the parts, sorted in place
 *
 * Returns: (transfer full): "545+941=1478", the same whatever order the
 *   parts were written or added in
 */
char *
bc_check_parts_key (GArray *parts,
                    gint64  total)
{
  GString *key = g_string_new (NULL);

  g_array_sort (parts, compare_counts);
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (key, "%s%" G_GINT64_FORMAT, i ? "+" : "", g_array_index (parts, gint64, i));
  g_string_append_printf (key, "=%" G_GINT64_FORMAT, total);
  return g_string_free (key, FALSE);
}

char *
bc_check_format_date (const GDate *date)
{
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

static void
check_period (BcCheck *check)
{
  const GDate *from = &check->dates.period_from, *to = &check->dates.period_to;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  int days;

  if (!g_date_valid (from) || !g_date_valid (to))
    return;
  from_text = bc_check_format_date (from);
  to_text = bc_check_format_date (to);
  /* A year's report is signed in its window's last month (bc_period_in_last_month()). */
  if (g_date_valid (&check->dates.report_date) && g_date_compare (to, &check->dates.report_date) > 0
      && !bc_period_in_last_month (bc_template_get_regime (check->template), to, &check->dates.report_date))
    {
      g_autofree char *signed_on = bc_check_format_date (&check->dates.report_date);
      bc_check_add (check, BC_SEVERITY_ERROR, "date.period_end", "header/date", NULL,
                    "Kỳ báo cáo kết thúc ngày %s, sau ngày báo cáo %s", to_text, signed_on);
    }
  /* The rule new reports are made by; a report from outside may break it. */
  days = g_date_days_between (from, to) + 1;
  if (!bc_period_check (bc_template_get_regime (check->template), bc_template_get_cutoff_day (check->template),
                        bc_report_get_period_from (check->report), bc_report_get_period_to (check->report), NULL))
    bc_check_add (check, BC_SEVERITY_WARNING, "date.period_length", "meta/period_to", NULL,
                  "Kỳ báo cáo %s–%s dài %d ngày, không đúng kỳ báo cáo của mẫu", from_text, to_text, days);
}

static gboolean
item_is_empty (BcReport        *report,
               const BcSection *section,
               const char      *item)
{
  const char * const *fields = bc_key_item_fields (section->kind);

  for (guint f = 0; fields && fields[f]; f++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (g_str_equal (fields[f], "level"))
        continue;
      key = bc_key_item_field (section->id, item, fields[f]);
      value = g_strdup (bc_report_get (report, key));
      if (*g_strstrip (value) != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
check_document (BcCheck         *check,
                const BcSection *section,
                const char      *item)
{
  g_autofree char *key = bc_key_item_field (section->id, item, "date");
  g_autofree char *number_key = bc_key_item_field (section->id, item, "number");
  const char *number = bc_report_get (check->report, number_key);
  g_autofree char *written = NULL;
  g_autofree char *name = NULL;
  GDate date;

  name = *number ? g_strdup_printf ("Văn bản số %s", number) : g_strdup ("Văn bản");
  /* A document is cited by its number and date: one whose date was never
   * typed, or was refused as typed (31/02), prints without it. */
  if (!bc_date_parse (bc_report_get (check->report, key), &date))
    {
      if (!item_is_empty (check->report, section, item))
        bc_check_add (check, BC_SEVERITY_WARNING, "date.document", key, NULL,
                      "%s chưa có ngày ban hành", name);
      return;
    }
  written = bc_check_format_date (&date);
  if (*number)
    bc_check_cite (check, number, &date, key);
  if (g_date_valid (&check->dates.report_date) && g_date_compare (&date, &check->dates.report_date) > 0)
    {
      g_autofree char *signed_on = bc_check_format_date (&check->dates.report_date);
      bc_check_add (check, BC_SEVERITY_ERROR, "date.document", key, NULL,
                    "%s ngày %s, sau ngày báo cáo %s", name, written, signed_on);
    }
  else if (g_date_valid (&check->dates.period_from)
           && g_date_days_between (&date, &check->dates.period_from) > 365)
    {
      g_autofree char *from = bc_check_format_date (&check->dates.period_from);
      bc_check_add (check, BC_SEVERITY_WARNING, "date.document", key, NULL,
                    "%s ngày %s, trước kỳ báo cáo (từ %s) hơn một năm", name, written, from);
    }
}


static gboolean
section_is_empty (BcReport        *report,
                  const BcSection *section)
{
  /* The paragraphs before or after a list are content too. */
  static const char * const free_parts[] = { "before", "after" };
  g_auto(GStrv) items = NULL;

  for (guint f = 0; f < section->figures->len; f++)
    {
      g_autofree char *key = bc_key_figure (((BcFigure *) section->figures->pdata[f])->id, FALSE);
      if (*bc_report_get (report, key))
        return FALSE;
    }
  for (guint c = 0; c < section->children->len; c++)
    if (!section_is_empty (report, section->children->pdata[c]))
      return FALSE;
  if (section->kind == BC_SECTION_GROUP)
    return TRUE;
  for (guint p = 0; p < G_N_ELEMENTS (free_parts); p++)
    {
      g_autofree char *text = bc_report_dup_section_text (report, section, free_parts[p]);
      if (*text != '\0')
        return FALSE;
    }
  items = bc_report_get_list_order (report, section->id);
  for (guint i = 0; items[i]; i++)
    if (!item_is_empty (report, section, items[i]))
      return FALSE;
  return TRUE;
}

static void
check_sections (BcCheck   *check,
                GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      /* A section left out of this report is neither asked for nor checked. */
      if (bc_report_section_is_omitted (check->report, section))
        continue;
      if (section->required && section_is_empty (check->report, section))
        {
          g_autofree char *key = bc_key_section (section->id);
          g_autofree char *heading = bc_report_dup_section_heading (check->report, section);

          g_strchomp (heading);
          if (g_str_has_suffix (heading, ":"))
            heading[strlen (heading) - 1] = '\0';
          bc_check_add (check, BC_SEVERITY_WARNING, "complete.section", key, NULL,
                        "Mục %s chưa có nội dung", heading);
        }
      if (section->kind == BC_SECTION_DOCUMENTS)
        {
          g_auto(GStrv) items = bc_report_get_list_order (check->report, section->id);
          for (guint k = 0; items[k]; k++)
            check_document (check, section, items[k]);
        }
      check_sections (check, section->children);
    }
}

static gboolean
has_signer_title (BcReport *report)
{
  for (guint i = 0; signer_titles[i]; i++)
    {
      g_autofree char *value = g_strdup (bc_report_get (report, signer_titles[i]));
      if (*g_strstrip (value) != '\0')
        return TRUE;
    }
  return FALSE;
}

static void
check_header (BcCheck *check)
{
  if (!has_signer_title (check->report))
    bc_check_add (check, BC_SEVERITY_WARNING, "complete.header", "header/signer_title", NULL,
                  "Chưa nhập chức vụ người ký");
  for (const char * const *field = bc_key_header_fields (); *field; field++)
    {
      const char *noun = bc_key_header_field_noun (*field);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (noun == NULL)
        continue;
      key = bc_key_header (*field);
      value = g_strdup (bc_report_get (check->report, key));
      if (*g_strstrip (value) == '\0')
        bc_check_add (check, BC_SEVERITY_WARNING, "complete.header", key, NULL,
                      "Chưa nhập %s", noun);
    }
}

static void
collect_figures (BcCheck   *check,
                 GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      for (guint f = 0; f < section->figures->len; f++)
        {
          const BcFigure *figure = section->figures->pdata[f];
          g_autofree char *key = bc_key_figure (figure->id, FALSE);
          g_autofree char *den_key = bc_key_figure (figure->id, TRUE);
          BcNarrativeFigure nf;

          if (figure->denominator != NULL
              && bc_check_get_count (check, check->report, key, &nf.value)
              && bc_check_get_count (check, check->report, den_key, &nf.denominator))
            g_array_append_val (check->figures, nf);
        }
      collect_figures (check, section->children);
    }
}

/* A share cannot exceed its whole: a key figure above its denominator is
 * a typo unless the template says the ratio may pass 100% (a target,
 * "may_exceed").  A template rule that already bounds the figure by its
 * denominator reports it in its own words, once. */
static gboolean
is_figure_side (const char *side,
                const char *id,
                gboolean    denominator)
{
  g_autofree char *text = g_strstrip (g_strdup (side));
  g_autofree char *den = g_strconcat (id, ".den", NULL);

  return g_str_equal (text, denominator ? den : id);
}

/* A template rule "x <= x.den" says the same, in the template's words. */
static gboolean
rule_bounds_figure (BcCheck    *check,
                    const char *id)
{
  GPtrArray *rules = bc_template_get_rules (check->template);

  for (guint i = 0; i < rules->len; i++)
    {
      const BcRule *rule = rules->pdata[i];
      gboolean at_most = g_str_equal (rule->op, "<=") || g_str_equal (rule->op, "<") || g_str_equal (rule->op, "≤");
      gboolean at_least = g_str_equal (rule->op, ">=") || g_str_equal (rule->op, ">") || g_str_equal (rule->op, "≥");

      if ((at_most && is_figure_side (rule->left, id, FALSE) && is_figure_side (rule->right, id, TRUE))
          || (at_least && is_figure_side (rule->left, id, TRUE) && is_figure_side (rule->right, id, FALSE)))
        return TRUE;
    }
  return FALSE;
}

static void
check_figure_over (BcCheck        *check,
                   const BcFigure *figure)
{
  g_autofree char *key = bc_key_figure (figure->id, FALSE);
  g_autofree char *den_key = bc_key_figure (figure->id, TRUE);
  g_autofree char *value_text = NULL;
  g_autofree char *den_text = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *label = NULL;
  gint64 value, den;

  if (figure->denominator == NULL || figure->may_exceed
      || !bc_check_get_count (check, check->report, key, &value)
      || !bc_check_get_count (check, check->report, den_key, &den) || den <= 0 || value <= den
      || rule_bounds_figure (check, figure->id))
    return;
  value_text = bc_format_int (value);
  den_text = bc_format_int (den);
  percent = bc_format_percent ((double) value / (double) den, 2);
  label = bc_report_dup_figure_label (check->report, figure);
  bc_check_add (check, BC_SEVERITY_WARNING, "figure.over_100", key, NULL,
                "%s %s lớn hơn %s %s (%s): tỷ lệ này không vượt quá 100%%", label, value_text,
                figure->denominator, den_text, percent);
}

static void
check_figures_over (BcCheck   *check,
                    GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      if (bc_report_section_is_omitted (check->report, section))
        continue;
      for (guint f = 0; f < section->figures->len; f++)
        check_figure_over (check, section->figures->pdata[f]);
      check_figures_over (check, section->children);
    }
}

/* Findings about a key figure are shown with the figure's section. */
static void
set_groups (BcCheck *check)
{
  for (guint i = 0; i < check->findings->len; i++)
    {
      BcFinding *finding = check->findings->pdata[i];
      const char *location = bc_finding_get_location (finding);
      g_auto(BcKey) key = BC_KEY_INIT;
      const BcSection *section = NULL;

      bc_key_parse (&key, location);
      if (key.kind != BC_KEY_FIGURE && key.kind != BC_KEY_FIGURE_DENOMINATOR)
        continue;
      if (bc_template_find_figure (check->template, key.id, &section) && section != NULL)
        {
          g_autofree char *group = bc_key_section (section->id);
          bc_finding_set_group (finding, group);
        }
    }
}

static void
attach_explanations (BcCheck *check)
{
  for (guint i = 0; i < check->findings->len; i++)
    {
      BcFinding *finding = check->findings->pdata[i];
      g_autofree char *key = bc_finding_dup_explanation_key (finding);
      const char *explanation = bc_report_get (check->report, key);

      if (*explanation)
        bc_finding_set_explanation (finding, explanation);
    }
}

/**
 * bc_check_report:
 * @report: the report to check
 * @previous: (nullable): the previous period's report of the same unit,
 *   for the month-over-month checks
 *
 * Runs every check: the header and the period, the dates of documents and
 * of the text, the figures written into the text, the appendix tables, the
 * template's rules, cumulative figures against @previous, and
 * completeness.  One mistake is reported once: a template rule that only
 * adds up rows or a sentence found wrong already is left to their more
 * precise findings.  Findings that have an explanation ("expl/<id>") are
 * marked explained and stay in the list.
 *
 * Returns: (transfer full) (element-type BcFinding): the findings, in the
 *   order of the report
 */
GPtrArray *
bc_check_report (BcReport *report,
                 BcReport *previous)
{
  return bc_check_report_with_months (report, previous, NULL, NULL);
}

/**
 * bc_check_report_with_months:
 * @months: (nullable): the roll-up of the monthly reports inside the
 *   report's period as they are now (bc_store_compute_rollup())
 * @rolled: (nullable): what was taken from them when the report was
 *   built (bc_store_get_rollup())
 *
 * bc_check_report(), and the report against its months: a month without
 * a report or not approved, a value the months have changed since it was
 * taken, a count typed smaller than the sum of its months.
 *
 * Returns: (transfer full) (element-type BcFinding): the findings
 */
GPtrArray *
bc_check_report_with_months (BcReport   *report,
                             BcReport   *previous,
                             BcRollup   *months,
                             GHashTable *rolled)
{
  return bc_check_report_in_library (report, previous, months, rolled, NULL, NULL);
}

/**
 * bc_check_report_in_library:
 * @done_before: (nullable) (element-type utf8 BcTaskDone): the plan's
 *   tasks the unit's earlier reports said were done
 *   (bc_store_followup_done_before()); %NULL: those @previous says
 * @plan_changes: (nullable) (element-type BcPlanUpdate): what the plan
 *   the follow-up follows changed since (bc_store_followup_compare_followed())
 *
 * bc_check_report_with_months(), a task done in an earlier report that
 * this one says is not, and a follow-up behind its plan.
 *
 * Returns: (transfer full) (element-type BcFinding): the findings
 */
GPtrArray *
bc_check_report_in_library (BcReport   *report,
                            BcReport   *previous,
                            BcRollup   *months,
                            GHashTable *rolled,
                            GHashTable *done_before,
                            GPtrArray  *plan_changes)
{
  BcCheck check = { 0 };

  g_return_val_if_fail (BC_IS_REPORT (report), NULL);
  g_return_val_if_fail (previous == NULL || BC_IS_REPORT (previous), NULL);

  check.report = report;
  check.previous = previous;
  check.months = months;
  check.rolled = rolled;
  check.done_before = done_before;
  check.plan_changes = plan_changes;
  check.template = bc_report_get_template (report);
  check.findings = g_ptr_array_new_with_free_func (g_object_unref);
  check.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  check.citations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  check.applies = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  check.breakdowns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  check.failed_rows = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_array_unref);
  check.figures = g_array_new (FALSE, FALSE, sizeof (BcNarrativeFigure));
  bc_date_parse (bc_report_get_period_from (report), &check.dates.period_from);
  bc_date_parse (bc_report_get_period_to (report), &check.dates.period_to);
  bc_date_parse (bc_report_get (report, "header/date"), &check.dates.report_date);
  collect_figures (&check, bc_template_get_sections (check.template));

  check_header (&check);
  check_period (&check);
  check_sections (&check, bc_template_get_sections (check.template));
  check_figures_over (&check, bc_template_get_sections (check.template));
  bc_check_text (&check);
  bc_check_trend (&check);
  bc_check_tables (&check);
  bc_check_rules (&check);
  bc_check_months (&check);
  bc_check_plan (&check);
  set_groups (&check);
  attach_explanations (&check);
  bc_check_sort (&check);

  g_array_unref (check.figures);
  g_hash_table_unref (check.ids);
  g_hash_table_unref (check.citations);
  g_hash_table_unref (check.applies);
  g_hash_table_unref (check.breakdowns);
  g_hash_table_unref (check.failed_rows);
  return check.findings;
}

/**
 * bc_check_count:
 * @findings: (element-type BcFinding): findings from bc_check_report()
 * @severity: which to count
 * @with_explained: count explained findings too
 *
 * Returns: how many findings of @severity there are
 */
guint
bc_check_count (GPtrArray  *findings,
                BcSeverity  severity,
                gboolean    with_explained)
{
  guint n = 0;

  g_return_val_if_fail (findings != NULL, 0);
  for (guint i = 0; i < findings->len; i++)
    n += bc_finding_get_severity (findings->pdata[i]) == severity
         && (with_explained || !bc_finding_get_explained (findings->pdata[i]));
  return n;
}

/**
 * bc_check_findings_at:
 * @findings: (element-type BcFinding): findings from bc_check_report()
 * @key: a value key, "tbl/dvc25/18/overdue"
 *
 * Returns: (transfer container) (element-type BcFinding): the findings
 *   located at @key, to show beside its field
 */
GPtrArray *
bc_check_findings_at (GPtrArray  *findings,
                      const char *key)
{
  GPtrArray *at = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (findings != NULL && key != NULL, at);
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (bc_finding_get_location (findings->pdata[i]), key))
      g_ptr_array_add (at, g_object_ref (findings->pdata[i]));
  return at;
}

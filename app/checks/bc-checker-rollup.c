/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-checker"

#include "config.h"

#include <string.h>

#include "bc-checker-private.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-consolidate.h"
#include "bc-store-consolidate.h"
#include "bc-store-followup.h"
#include "bc-store-rollup.h"
#include "bc-template.h"

/* A report built from the months inside its period (an annual report)
 * against those months as the library has them now. */

/* "06/2024": the month a period ending on @iso reports, @back months
 * earlier. */
static char *
reported_month (const char *iso,
                guint       back)
{
  GDate day;

  if (!bc_date_parse (iso, &day))
    return g_strdup ("");
  g_date_set_day (&day, 1);
  g_date_subtract_months (&day, back);
  return g_strdup_printf ("%02u/%04u", (guint) g_date_get_month (&day), (guint) g_date_get_year (&day));
}

/* Whether @unit is one of @rollup's units without a report. */
static gboolean
was_missing (BcRollup   *rollup,
             const char *unit)
{
  for (guint i = 0; rollup != NULL && i < rollup->unit_names->len; i++)
    if (g_str_equal (rollup->unit_names->pdata[i], unit))
      return ((BcRollupMonth *) rollup->units->pdata[i])->report_id == 0;
  return FALSE;
}

/* A unit that did not report: the province's sums leave it out; twice
 * in a row, it is said so. */
static void
check_unit_list (BcCheck *check)
{
  g_autoptr(GPtrArray) missing = bc_consolidate_missing (check->months);
  const char *to = bc_report_get_period_to (check->report);

  for (guint i = 0; i < missing->len; i++)
    {
      const char *unit = missing->pdata[i];
      g_autofree char *now = NULL, *then = NULL;

      if (!was_missing (check->months->before, unit))
        {
          bc_check_add (check, BC_SEVERITY_WARNING, "consolidate.unit_missing", "meta/period_to", unit,
                        "Chưa có báo cáo của %s: các số tổng hợp chưa tính đơn vị này", unit);
          continue;
        }
      now = reported_month (to, 0);
      then = reported_month (to, 1);
      bc_check_add (check, BC_SEVERITY_WARNING, "consolidate.unit_missing_twice", "meta/period_to", unit,
                    "%s không báo cáo hai kỳ liền (tháng %s và tháng %s): các số tổng hợp chưa tính đơn vị này",
                    unit, then, now);
    }
}

/* A running total: a cumulative figure or column. */
static gboolean
is_cumulative (BcTemplate *template,
               const char *key)
{
  g_auto(BcKey) k = BC_KEY_INIT;
  const BcFigure *figure;
  const BcTableDef *table;
  const BcColumn *column;

  switch (bc_key_parse (&k, key))
    {
    case BC_KEY_FIGURE:
      figure = bc_template_find_figure (template, k.id, NULL);
      return figure != NULL && figure->cumulative;
    case BC_KEY_CELL:
      table = bc_template_find_table (template, k.id);
      column = table ? bc_table_def_find_column (table, k.field) : NULL;
      return column != NULL && column->cumulative;
    default:
      return FALSE;
    }
}

static const BcRollupPart *
find_part (GPtrArray  *parts,
           const char *unit)
{
  for (guint i = 0; parts != NULL && i < parts->len; i++)
    if (g_str_equal (((BcRollupPart *) parts->pdata[i])->unit, unit))
      return parts->pdata[i];
  return NULL;
}

/* A unit's running total below what the same unit gave a period earlier. */
static void
check_unit_falls (BcCheck *check)
{
  g_autoptr(GList) keys = NULL;
  BcRollup *before = check->months->before;

  if (before == NULL)
    return;
  keys = g_list_sort (g_hash_table_get_keys (check->months->parts), (GCompareFunc) strcmp);
  for (GList *l = keys; l; l = l->next)
    {
      GPtrArray *parts = g_hash_table_lookup (check->months->parts, l->data);

      if (!is_cumulative (check->template, l->data))
        continue;
      for (guint i = 0; i < parts->len; i++)
        {
          const BcRollupPart *now = parts->pdata[i];
          const BcRollupPart *then = find_part (g_hash_table_lookup (before->parts, l->data), now->unit);
          g_autofree char *label = NULL, *a = NULL, *b = NULL, *month = NULL;
          gint64 x, y;

          if (then == NULL || !bc_parse_count (now->value, BC_COUNT_MAX, &x, NULL)
              || !bc_parse_count (then->value, BC_COUNT_MAX, &y, NULL) || x >= y)
            continue;
          label = bc_key_describe (check->report, l->data);
          a = bc_format_int (x);
          b = bc_format_int (y);
          month = reported_month (bc_report_get_period_to (check->report), 1);
          bc_check_add (check, BC_SEVERITY_WARNING, "consolidate.unit_falls", l->data, now->unit,
                        "%s là số lũy kế nhưng %s báo cáo %s, thấp hơn tháng %s (%s)", label, now->unit, a, month, b);
        }
    }
}

static void
check_month_list (BcCheck *check)
{
  guint present = bc_rollup_count_present (check->months);

  for (guint i = 0; i < check->months->months->len; i++)
    {
      const BcRollupMonth *month = check->months->months->pdata[i];
      g_autofree char *label = bc_rollup_month_label (month);
      g_autofree char *from = bc_date_to_display (month->from);
      g_autofree char *to = bc_date_to_display (month->to);

      if (month->report_id == 0)
        {
          if (bc_rollup_month_is_over (month, bc_report_get (check->report, "header/date")))
            bc_check_add (check, BC_SEVERITY_WARNING, "rollup.month_missing", "meta/period_to", month->to,
                          "Thiếu báo cáo tháng %s (%s – %s): các số cả năm chỉ tính từ %u tháng có báo cáo",
                          label, from, to, present);
        }
      else if (g_strcmp0 (month->status, "approved") != 0)
        bc_check_add (check, BC_SEVERITY_WARNING, "rollup.month_not_approved", "meta/period_to", month->to,
                      "Báo cáo tháng %s chưa được duyệt: số của tháng này còn có thể thay đổi", label);
    }
}

static char *
shown (const char *value)
{
  gint64 n;

  if (*value == '\0')
    return g_strdup ("(trống)");
  if (bc_parse_count (value, BC_COUNT_MAX, &n, NULL))
    return bc_format_int (n);
  return g_strdup (value);
}

/* A value taken from the months that they no longer give. */
static void
check_stale (BcCheck *check)
{
  const BcRollupEntry *stored;
  g_autoptr(GList) keys = g_hash_table_get_keys (check->rolled);

  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *l = keys; l; l = l->next)
    {
      const BcRollupEntry *fresh = g_hash_table_lookup (check->months->index, l->data);
      g_autofree char *label = NULL, *then = NULL, *now = NULL;

      stored = g_hash_table_lookup (check->rolled, l->data);
      if (!bc_rollup_entry_differs (stored, fresh))
        continue;
      label = bc_key_describe (check->report, stored->key);
      if (stored->rule == BC_ROLLUP_LIST)
        {
          bc_check_add (check, BC_SEVERITY_WARNING, "rollup.stale", stored->key, NULL,
                        "%s: văn bản trong các báo cáo tháng đã thay đổi sau khi tổng hợp; "
                        "dùng “Cập nhật từ báo cáo tháng” để thêm văn bản mới", label);
          continue;
        }
      then = shown (stored->value);
      now = shown (fresh ? fresh->value : "");
      if (check->months->over_units)
        bc_check_add (check, BC_SEVERITY_WARNING, "rollup.stale", stored->key, NULL,
                      "%s: báo cáo của các đơn vị nay cho %s (lúc tổng hợp: %s); "
                      "dùng “Cập nhật từ báo cáo đơn vị” để lấy số mới", label, now, then);
      else
        bc_check_add (check, BC_SEVERITY_WARNING, "rollup.stale", stored->key, NULL,
                      "%s: các báo cáo tháng nay cho %s (lúc tổng hợp: %s); "
                      "dùng “Cập nhật từ báo cáo tháng” để lấy số mới", label, now, then);
    }
}

/* A count typed for the year below the sum of its months: a month was
 * forgotten. A value still as it was rolled up is left to check_stale. */
static void
check_below (BcCheck *check)
{
  for (guint i = 0; i < check->months->entries->len; i++)
    {
      const BcRollupEntry *fresh = check->months->entries->pdata[i];
      const BcRollupEntry *stored = check->rolled ? g_hash_table_lookup (check->rolled, fresh->key) : NULL;
      const char *typed = bc_report_get (check->report, fresh->key);
      gint64 year, sum;
      g_autofree char *label = NULL, *year_text = NULL, *sum_text = NULL;

      if (fresh->rule != BC_ROLLUP_SUM || fresh->too_large
          || (stored != NULL && g_str_equal (stored->value, typed))
          || !bc_parse_count (typed, BC_COUNT_MAX, &year, NULL)
          || !bc_parse_count (fresh->value, BC_COUNT_MAX, &sum, NULL)
          || year >= sum)
        continue;
      label = bc_key_describe (check->report, fresh->key);
      year_text = bc_format_int (year);
      sum_text = bc_format_int (sum);
      bc_check_add (check, BC_SEVERITY_WARNING, "rollup.below_months", fresh->key, NULL,
                    "%s: số cả năm %s nhỏ hơn tổng các tháng %s", label, year_text, sum_text);
    }
}

/* A consolidated value that differs from what was summed: typed over
 * with a reason (shown to the reviewer) or without one. */
static void
check_typed_over (BcCheck *check)
{
  g_autoptr(GList) keys = g_hash_table_get_keys (check->rolled);

  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *l = keys; l; l = l->next)
    {
      const BcRollupEntry *stored = g_hash_table_lookup (check->rolled, l->data);
      const char *typed = bc_report_get (check->report, stored->key);
      const char *reason = check->months->overrides ? g_hash_table_lookup (check->months->overrides, stored->key) : NULL;
      g_autofree char *label = NULL, *sum = NULL, *now = NULL;

      if (stored->rule != BC_ROLLUP_SUM || g_str_equal (stored->value, typed))
        continue;
      label = bc_key_describe (check->report, stored->key);
      sum = shown (stored->value);
      now = shown (typed);
      if (reason != NULL)
        bc_check_add (check, BC_SEVERITY_WARNING, "consolidate.overridden", stored->key, NULL,
                      "%s: số tổng hợp từ các đơn vị %s đã được sửa thành %s, lý do: %s", label, sum, now, reason);
      else
        bc_check_add (check, BC_SEVERITY_WARNING, "consolidate.typed_over", stored->key, NULL,
                      "%s: số tổng hợp từ các đơn vị là %s nhưng báo cáo ghi %s mà không ghi lý do", label, sum, now);
    }
}

/* A unit's count above the province's total of it. */
static void
check_unit_above (BcCheck *check)
{
  GHashTableIter iter;
  gpointer key, parts;

  g_hash_table_iter_init (&iter, check->months->parts);
  while (g_hash_table_iter_next (&iter, &key, &parts))
    {
      gint64 total, part;

      if (!bc_parse_count (bc_report_get (check->report, key), BC_COUNT_MAX, &total, NULL))
        continue;
      for (guint i = 0; i < ((GPtrArray *) parts)->len; i++)
        {
          const BcRollupPart *p = ((GPtrArray *) parts)->pdata[i];
          g_autofree char *label = NULL, *a = NULL, *b = NULL;

          if (!bc_parse_count (p->value, BC_COUNT_MAX, &part, NULL) || part <= total)
            continue;
          label = bc_key_describe (check->report, key);
          a = bc_format_int (part);
          b = bc_format_int (total);
          bc_check_add (check, BC_SEVERITY_ERROR, "consolidate.unit_above_total", key, p->unit,
                        "%s: %s báo cáo %s, lớn hơn tổng của tỉnh %s", label, p->unit, a, b);
        }
    }
}

/* A figure the province template does not mark additive is not summed
 * (a running total, or the province's own count): left blank, it is
 * said so, to be filled in by hand, not left blank without a word. */
static void
check_not_summed (BcCheck   *check,
                  GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];

      if (bc_report_section_is_omitted (check->report, section))
        continue;
      for (guint f = 0; section->figures && f < section->figures->len; f++)
        {
          const BcFigure *figure = section->figures->pdata[f];
          g_autofree char *key = bc_key_figure (figure->id, FALSE);
          const char *value = bc_report_get (check->report, key);
          g_autofree char *label = NULL;

          if (figure->additive || (value != NULL && *value != '\0'))
            continue;
          label = bc_key_describe (check->report, key);
          bc_check_add (check, BC_SEVERITY_WARNING, "consolidate.not_summed", key, NULL,
                        figure->cumulative
                          ? "%s: số lũy kế không cộng được từ báo cáo của các đơn vị, cần nhập tay"
                          : "%s: số này không cộng được từ báo cáo của các đơn vị, cần nhập tay",
                        label);
        }
      check_not_summed (check, section->children);
    }
}

static void
check_units (BcCheck *check)
{
  check_unit_list (check);
  check_not_summed (check, bc_template_get_sections (bc_report_get_template (check->report)));
  if (check->rolled != NULL)
    check_stale (check), check_typed_over (check);
  check_unit_above (check);
  check_unit_falls (check);
}

/**
 * bc_check_months: (skip)
 *
 * Only for a report whose period holds months (check->months set).
 */
void
bc_check_months (BcCheck *check)
{
  if (check->months == NULL)
    return;
  if (check->months->over_units)
    {
      check_units (check);
      return;
    }
  check_month_list (check);
  if (check->rolled != NULL)
    check_stale (check);
  check_below (check);
}

static GHashTable *
overrides_by_key (BcStore *self,
                  gint64   report_id)
{
  g_autoptr(GPtrArray) list = bc_store_list_overrides (self, report_id, NULL);
  GHashTable *by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; list && i < list->len; i++)
    {
      BcOverride *o = list->pdata[i];
      g_hash_table_insert (by_key, g_strdup (o->key), g_strdup (o->reason));
    }
  return by_key;
}

/**
 * bc_store_check_report:
 * @previous: (nullable): the previous period's report
 *
 * bc_check_report(), and for a report whose period holds months, the
 * checks against them (bc_check_report_with_months()); a task of the
 * plan done in an earlier report of the unit and not done in this one;
 * a follow-up its plan has changed since. A library that
 * cannot be read for the months leaves those checks out.
 *
 * Returns: (transfer full) (element-type BcFinding): the findings
 */
GPtrArray *
bc_store_check_report (BcStore  *self,
                       BcReport *report,
                       BcReport *previous)
{
  g_autoptr(BcRollup) months = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) done_before = NULL;
  g_autoptr(BcFollowupUpdate) plan = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  done_before = bc_store_followup_done_before (self, report, NULL);
  plan = bc_store_followup_compare_followed (self, report);

  if (bc_template_get_regime (bc_report_get_template (report)) != BC_REGIME_MONTHLY
      || bc_store_is_consolidated (self, bc_report_get_id (report), NULL, NULL))
    {
      months = bc_store_compute_report_months (self, report, NULL);
      stored = bc_store_get_rollup (self, bc_report_get_id (report), NULL);
      if (months != NULL && months->over_units)
        {
          months->overrides = overrides_by_key (self, bc_report_get_id (report));
          months->before = bc_store_compute_consolidation_before (self, report);
        }
    }
  return bc_check_report_in_library (report, previous, months, stored, done_before, plan ? plan->changes : NULL);
}

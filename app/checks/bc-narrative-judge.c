/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-narrative"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bc-narrative.h"
#include "bc-number.h"

/* Whether a claim holds, and the Vietnamese sentence that says why not.
 * The messages are report language, so they are not translated. */

/* As many decimals as written, at least two: "109,12%". */
static char *
format_exact (double            percent,
              const BcVnNumber *stated)
{
  if (fabs (percent) >= 1e12)
    return g_strdup_printf ("%.0f%%", percent);
  return bc_format_percent (percent / 100, CLAMP (stated->decimals, 2, 4));
}

static char *
format_date (guint day,
             guint month,
             guint year)
{
  return g_strdup_printf ("%02u/%02u/%04u", day, month, year);
}

static char *
format_gdate (const GDate *date)
{
  return format_date (g_date_get_day (date), g_date_get_month (date), g_date_get_year (date));
}

static char *
format_period (const BcNarrativeDates *dates)
{
  g_autofree char *from = format_gdate (&dates->period_from);
  g_autofree char *to = format_gdate (&dates->period_to);

  return g_strdup_printf ("%s–%s", from, to);
}

static gboolean
judge_ratio (const BcClaim *claim,
             BcVerdict     *verdict)
{
  double exact;
  g_autofree char *stated = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *computed = NULL;

  if (claim->denominator.value <= 0)
    return FALSE;
  exact = 100 * claim->numerator.value / claim->denominator.value;
  stated = bc_vn_number_to_string (&claim->stated);
  a = bc_vn_number_to_string (&claim->numerator);
  b = bc_vn_number_to_string (&claim->denominator);
  computed = format_exact (exact, &claim->stated);
  if (bc_percent_agrees (exact, &claim->stated))
    {
      /* "đạt 100%" claims exactly all of them: a rounded 99,6% is not
       * all, and a rounded 100,4% is more than all. */
      if (claim->stated.value != 100 || claim->stated.decimals != 0
          || claim->numerator.value == claim->denominator.value)
        return FALSE;
      verdict->severity = BC_SEVERITY_WARNING;
      verdict->rule = "narrative.full";
      verdict->message = g_strdup_printf (claim->numerator.value < claim->denominator.value
                                          ? "Ghi đạt 100%% nhưng %s / %s = %s, chưa đủ"
                                          : "Ghi đạt 100%% nhưng %s / %s = %s, vượt quá 100%%",
                                          a, b, computed);
    }
  else
    {
      /* A ratio written next to its own numbers is certain; one paired by
       * reading ("trong đó", a key figure) is very likely. */
      verdict->severity = claim->form == BC_CLAIM_FORM_FRACTION || claim->form == BC_CLAIM_FORM_PERCENT_FIRST
                          ? BC_SEVERITY_ERROR : BC_SEVERITY_WARNING;
      verdict->rule = "narrative.ratio";
      verdict->message = g_strdup_printf ("Tỷ lệ ghi %s nhưng %s / %s = %s", stated, a, b, computed);
    }
  verdict->tag = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s",
                                  claim->numerator.integer, claim->denominator.integer, stated);
  return TRUE;
}

/* A percentage said of a count with no base of its own: right when it is
 * the count over one of the bases its sentence stated, or the rest of
 * one ("200 hồ sơ trễ hạn, tỷ lệ đúng hạn 95,12%" of 4.100). */
static gboolean
judge_implied (const BcClaim *claim,
               BcVerdict     *verdict)
{
  g_autoptr(GString) computed = g_string_new (NULL);
  g_autofree char *stated = bc_vn_number_to_string (&claim->stated);
  g_autofree char *a = bc_vn_number_to_string (&claim->numerator);
  double count = claim->numerator.value;

  for (guint i = 0; i < claim->parts->len; i++)
    {
      double base = g_array_index (claim->parts, BcVnNumber, i).value;

      if (base <= 0 || bc_percent_agrees (100 * count / base, &claim->stated)
          || (base >= count && bc_percent_agrees (100 * (base - count) / base, &claim->stated)))
        return FALSE;
    }
  for (guint i = 0; i < claim->parts->len; i++)
    {
      const BcVnNumber *base = &g_array_index (claim->parts, BcVnNumber, i);
      g_autofree char *b = bc_vn_number_to_string (base);
      g_autofree char *exact = format_exact (100 * count / base->value, &claim->stated);
      g_autofree char *text = g_strdup_printf ("%s / %s = %s", a, b, exact);

      if (strstr (computed->str, text) == NULL)
        g_string_append_printf (computed, "%s%s", computed->len ? ", " : "", text);
    }
  verdict->severity = BC_SEVERITY_WARNING;
  verdict->rule = "narrative.ratio";
  verdict->message = g_strdup_printf ("Tỷ lệ ghi %s nhưng %s", stated, computed->str);
  verdict->tag = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s", claim->numerator.integer,
                                  claim->denominator.integer, stated);
  return TRUE;
}

/* "gồm 09 ngân hàng: A, B, …" listing eight. */
static gboolean
judge_count (const BcClaim *claim,
             BcVerdict     *verdict)
{
  if (claim->listed == claim->stated.integer || claim->ref == NULL)
    return FALSE;
  verdict->severity = BC_SEVERITY_WARNING;
  verdict->rule = "narrative.count";
  verdict->message = g_strdup_printf ("Ghi “gồm %s” nhưng liệt kê %u", claim->ref, claim->listed);
  verdict->tag = g_strdup_printf ("%" G_GINT64_FORMAT ":%u", claim->stated.integer, claim->listed);
  return TRUE;
}

static gboolean
judge_parts (const BcClaim *claim,
             BcVerdict     *verdict)
{
  g_autoptr(GString) sum_text = g_string_new (NULL);
  g_autoptr(GString) tag = g_string_new (NULL);
  g_autofree char *total = bc_vn_number_to_string (&claim->stated);
  gint64 sum = 0;

  if (claim->parts == NULL || claim->parts->len == 0)
    return FALSE;
  g_string_append_printf (tag, "%" G_GINT64_FORMAT ":", claim->stated.integer);
  for (guint i = 0; i < claim->parts->len; i++)
    {
      const BcVnNumber *part = &g_array_index (claim->parts, BcVnNumber, i);
      g_autofree char *text = bc_vn_number_to_string (part);

      sum += part->integer;
      g_string_append_printf (sum_text, "%s%s", i ? " + " : "", text);
      g_string_append_printf (tag, "%s%" G_GINT64_FORMAT, i ? "+" : "", part->integer);
    }
  if (claim->kind == BC_CLAIM_SUBSET)
    {
      if (sum <= claim->stated.integer)
        return FALSE;
      verdict->severity = BC_SEVERITY_WARNING;
      verdict->rule = "narrative.subset";
      verdict->message = g_strdup_printf ("Trong tổng số %s lại có %s, nhiều hơn tổng số", total, sum_text->str);
    }
  else
    {
      g_autofree char *sum_formatted = bc_format_int (sum);

      /* "trong đó" and parentheses often name only some of the parts
       * ("250 hồ sơ (120 trực tuyến, 80 đúng hạn)"): only more than the
       * total is certainly wrong there.  "cụ thể" lists them all. */
      if (sum == claim->stated.integer
          || (claim->form != BC_CLAIM_FORM_NAMELY && !claim->complete && sum < claim->stated.integer))
        return FALSE;
      /* Groups are a split only when another of their counts adds up:
       * "Trực tuyến: …", "Đúng hạn: …" overlap and add up to nothing. */
      if (claim->form == BC_CLAIM_FORM_GROUPS && !claim->complete)
        return FALSE;
      verdict->severity = claim->form == BC_CLAIM_FORM_PARENTHESES ? BC_SEVERITY_ERROR : BC_SEVERITY_WARNING;
      verdict->rule = "narrative.breakdown";
      verdict->message = g_strdup_printf ("Tổng số ghi %s nhưng %s = %s", total, sum_text->str, sum_formatted);
    }
  verdict->tag = g_string_free (g_steal_pointer (&tag), FALSE);
  return TRUE;
}

static gboolean
judge_as_of (const BcClaim          *claim,
             const BcNarrativeDates *dates,
             BcVerdict              *verdict)
{
  g_autofree char *written = format_date (claim->day, claim->month, claim->year);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) claim->day, (GDateMonth) claim->month, (GDateYear) claim->year);
  if (g_date_valid (&dates->report_date) && g_date_compare (&date, &dates->report_date) > 0)
    {
      g_autofree char *signed_on = format_gdate (&dates->report_date);

      verdict->severity = BC_SEVERITY_ERROR;
      verdict->message = g_strdup_printf ("Số liệu “tính đến %s” nhưng báo cáo ký ngày %s", written, signed_on);
    }
  else if (g_date_valid (&dates->period_from) && g_date_valid (&dates->period_to)
           && claim->year != g_date_get_year (&dates->period_from)
           && claim->year != g_date_get_year (&dates->period_to)
           && g_date_days_between (&date, &dates->period_from) > 31)
    {
      g_autofree char *period = format_period (dates);

      verdict->severity = BC_SEVERITY_WARNING;
      verdict->message = g_strdup_printf ("Số liệu “tính đến %s” (năm %u) nằm ngoài kỳ báo cáo %s",
                                          written, claim->year, period);
    }
  else
    return FALSE;
  verdict->rule = "date.as_of";
  verdict->tag = g_strdup_printf ("%04u-%02u-%02u", claim->year, claim->month, claim->day);
  return TRUE;
}

static gboolean
judge_month (const BcClaim          *claim,
             const BcNarrativeDates *dates,
             BcVerdict              *verdict)
{
  g_autofree char *period = NULL;
  GDate first, last;

  if (!g_date_valid (&dates->period_from) || !g_date_valid (&dates->period_to))
    return FALSE;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, (GDateMonth) claim->month, (GDateYear) claim->year);
  last = first;
  g_date_add_months (&last, 1);
  g_date_subtract_days (&last, 1);
  /* Only a month over before the period began is stale text (last month's
   * copied on); a later one may be a plan. */
  if (g_date_compare (&last, &dates->period_from) >= 0)
    return FALSE;
  period = format_period (dates);
  verdict->severity = BC_SEVERITY_WARNING;
  verdict->rule = "date.month";
  verdict->message = g_strdup_printf ("Ghi “tháng %02u/%04u” nhưng kỳ báo cáo là %s",
                                      claim->month, claim->year, period);
  verdict->tag = g_strdup_printf ("%04u-%02u", claim->year, claim->month);
  return TRUE;
}

/* "Căn cứ Công văn số 1350/UBND-CA ngày 30/5/2024" in a report signed on
 * 24/5: a document cannot be cited before it exists. */
static gboolean
judge_citation (const BcClaim          *claim,
                const BcNarrativeDates *dates,
                BcVerdict              *verdict)
{
  g_autofree char *written = format_date (claim->day, claim->month, claim->year);
  g_autofree char *signed_on = NULL;
  GDate date;

  if (!g_date_valid (&dates->report_date) || claim->ref == NULL)
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) claim->day, (GDateMonth) claim->month, (GDateYear) claim->year);
  if (g_date_compare (&date, &dates->report_date) <= 0)
    return FALSE;
  signed_on = format_gdate (&dates->report_date);
  verdict->severity = BC_SEVERITY_ERROR;
  verdict->rule = "date.citation";
  verdict->message = g_strdup_printf ("Văn bản số %s ngày %s, sau ngày báo cáo %s", claim->ref, written,
                                      signed_on);
  verdict->tag = g_strdup_printf ("%s:%04u-%02u-%02u", claim->ref, claim->year, claim->month, claim->day);
  g_strdelimit (verdict->tag, "/", '-');
  return TRUE;
}

/**
 * bc_claim_judge:
 * @claim: a claim found by bc_narrative_scan()
 * @dates: the report's period and date, for the date claims
 * @verdict: (out caller-allocates): what is wrong; clear it with
 *   bc_verdict_clear()
 *
 * Returns: %TRUE when the claim does not hold (and @verdict says why);
 *   %FALSE when it holds or cannot be judged
 */
gboolean
bc_claim_judge (const BcClaim          *claim,
                const BcNarrativeDates *dates,
                BcVerdict              *verdict)
{
  g_return_val_if_fail (claim != NULL && dates != NULL && verdict != NULL, FALSE);

  *verdict = (BcVerdict) { 0 };
  switch (claim->kind)
    {
    case BC_CLAIM_RATIO:
      if (claim->form == BC_CLAIM_FORM_IMPLIED && claim->parts != NULL)
        return judge_implied (claim, verdict);
      return judge_ratio (claim, verdict);
    case BC_CLAIM_COUNT:
      return judge_count (claim, verdict);
    case BC_CLAIM_BREAKDOWN:
    case BC_CLAIM_SUBSET:
      return judge_parts (claim, verdict);
    case BC_CLAIM_AS_OF:
      return judge_as_of (claim, dates, verdict);
    case BC_CLAIM_MONTH:
      return judge_month (claim, dates, verdict);
    case BC_CLAIM_CITATION:
      return judge_citation (claim, dates, verdict);
    default:
      return FALSE;
    }
}

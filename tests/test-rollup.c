/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bc-checker.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-refs.h"
#include "bc-report.h"
#include "bc-store-review.h"
#include "bc-rollup.h"
#include "bc-store-rollup.h"
#include "bc-template.h"
#include "bc-test-utils.h"

/* A report built from the monthly reports inside its period: sums,
 * running totals, ratios, documents, narrative, missing months,
 * staleness and its update, and the command line. The months are made
 * at test time, each with values of its own: month i (1-based) counts
 * 100·i + 7 per period and 1000·i in total. */

#define UNIT "Huyện Ninh Hải"

typedef struct
{
  char       *dir;
  char       *library;
  BcStore    *store;
  BcTemplate *monthly;
  BcTemplate *target;
  char       *target_path;
  char       *from;          /* the target's period */
  char       *to;
  GPtrArray  *months;        /* BcReport, oldest first */
} Fixture;

static void
approve (Fixture  *f,
         BcReport *month)
{
  g_autoptr(GError) error = NULL;

  bc_store_set_role (f->store, "reviewer");
  g_assert_true (bc_store_set_status (f->store, month, "submitted", NULL, &error));
  g_assert_true (bc_store_set_status (f->store, month, "approved", NULL, &error));
  g_assert_no_error (error);
  bc_store_set_role (f->store, "clerk");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *regime = data;

  f->dir = bc_test_mkdtemp ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
  f->store = bc_test_open_store (f->dir, "library.db");
  f->months = g_ptr_array_new_with_free_func (g_object_unref);
  /* The shipped annual templates over their own monthly ones. */
  if (g_str_has_suffix (regime, "-annual"))
    {
      f->target = bc_test_load_template (regime);
      f->monthly = bc_test_load_template (g_str_has_prefix (regime, "province") ? "province-monthly"
                                          : "district-monthly");
      bc_period_of_year (BC_REGIME_ANNUAL, bc_template_get_cutoff_day (f->target), 2023, &f->from, &f->to);
      return;
    }
  f->monthly = bc_test_load_template ("district-monthly");
  f->target = bc_test_longer_template (f->dir, regime, &f->target_path);
  if (g_str_equal (regime, "quarterly"))
    {
      f->from = g_strdup ("2022-12-15");
      f->to = g_strdup ("2023-03-14");
    }
  else
    bc_period_of_year (bc_template_get_regime (f->target), 14, 2023, &f->from, &f->to);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->months);
  g_clear_object (&f->target);
  g_clear_object (&f->monthly);
  g_clear_object (&f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->library);
  g_free (f->target_path);
  g_free (f->from);
  g_free (f->to);
}

static guint
n_months (Fixture *f)
{
  return g_str_equal (f->to, "2023-03-14") ? 3 : 12;
}

static BcReport *
build (Fixture   *f,
       BcRollup **rollup)
{
  g_autoptr(GError) error = NULL;
  BcReport *report = bc_store_create_rollup_report (f->store, f->target, NULL, UNIT, f->from, f->to, rollup, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gint64
count (BcReport   *report,
       const char *key)
{
  gint64 value = -1;

  g_assert_true (bc_parse_count (bc_report_get (report, key), BC_COUNT_MAX, &value, NULL));
  return value;
}

static gboolean
has_finding (GPtrArray  *findings,
             const char *rule,
             const char *location)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (bc_finding_get_rule (findings->pdata[i]), rule)
        && (location == NULL || g_str_equal (bc_finding_get_location (findings->pdata[i]), location)))
      return TRUE;
  return FALSE;
}

/* Per-period figures and their denominators are the exact sums; table
 * counts are summed row by row, so a ratio is the sums' (never the
 * average of the months' ratios); a row's choice is the last month's. */
static void
test_sums (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(BcRollup) rollup = NULL;
  g_autoptr(BcReport) reopened = NULL;
  guint n = n_months (f);
  gint64 per = 0, den = 0, total1 = 0, online1 = 0, total3 = 0, online3 = 0;
  double mean = 0;

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, n, f->months);
  year = build (f, &rollup);
  for (guint i = 1; i <= n; i++)
    {
      per += 100 * i + 7, den += 300 * i, total1 += 10 * i + 1, online1 += i * i;
      total3 += i == 1 ? 50 : 1000, online3 += i == 1 ? 50 : 1;
      mean += (i == 1 ? 1.0 : 0.001) / n;
    }
  /* Read back from the library, not from the model made in memory. */
  reopened = bc_store_open_report (f->store, bc_report_get_id (year), NULL);
  g_assert_cmpint (count (reopened, "fig/digitised_city"), ==, per);
  g_assert_cmpint (count (reopened, "fig/digitised_city/den"), ==, den);
  g_assert_cmpint (count (reopened, "tbl/dvc_district/1/total"), ==, total1);
  g_assert_cmpint (count (reopened, "tbl/dvc_district/1/online"), ==, online1);
  g_assert_cmpint (count (reopened, "tbl/dvc_district/3/total"), ==, total3);
  g_assert_cmpint (count (reopened, "tbl/dvc_district/3/online"), ==, online3);
  /* Row 3's ratio is (50 + 1 + …) / (50 + 1.000 + …), far from the mean
   * of 100%, 0,1%, 0,1%…: counts are summed, never their ratios. */
  g_assert_cmpfloat (fabs ((double) online3 / (double) total3 - mean), >, 0.05);
  g_assert_cmpstr (bc_report_get (reopened, "tbl/dvc_district/1/connection"), ==, "Đã kết nối");
  g_assert_cmpstr (bc_report_get (reopened, "meta/unit"), ==, UNIT);
  g_assert_cmpuint (rollup->months->len, ==, n);
  g_assert_cmpuint (bc_rollup_count_present (rollup), ==, n);
  /* A row no month counted stays empty, not 0. */
  g_assert_cmpstr (bc_report_get (reopened, "tbl/dvc_district/2/total"), ==, "");
}

/* A running total is the last month's, and says so; when the last month
 * left it blank, the latest month that has one. */
static void
test_cumulative (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(BcRollup) rollup = NULL;
  guint n = n_months (f);
  const BcRollupEntry *entry;
  g_autofree char *origin = NULL;
  g_autofree char *last_to = NULL;
  const char *kv[] = { "fig/asm_accounts", NULL, NULL };

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, n, f->months);
  bc_test_set_values (f->store, f->months->pdata[n - 1], kv);
  last_to = bc_date_to_display (bc_report_get_period_to (f->months->pdata[n - 2]));
  year = build (f, &rollup);
  g_assert_cmpint (count (year, "fig/asm_accounts"), ==, 1000 * (gint64) (n - 1));
  stored = bc_store_get_rollup (f->store, bc_report_get_id (year), NULL);
  entry = g_hash_table_lookup (stored, "fig/asm_accounts");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->rule, ==, BC_ROLLUP_LAST);
  origin = bc_rollup_dup_origin (rollup, entry);
  g_assert_nonnull (strstr (origin, last_to));
  entry = g_hash_table_lookup (stored, "fig/digitised_city");
  g_assert_cmpint (entry->rule, ==, BC_ROLLUP_SUM);
  g_free (origin);
  origin = bc_rollup_dup_origin (rollup, entry);
  g_assert_true (g_str_has_prefix (origin, n == 12 ? "total of 12 months (" : "total of 3 months ("));
}

/* Documents issued are listed once each, the same number (however it is
 * spaced or cased) with the same date; narrative is the last month's. */
static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_auto(GStrv) order = NULL;
  guint n = n_months (f);
  g_autofree char *last_text = g_strdup_printf ("Tháng thứ %u: đã tuyên truyền.", n);
  /* The last month lists a document of January: it goes by its date. */
  const char *late[] = {
    "sec/city_direction/order", "a,b,c", "sec/city_direction/c/number", "7/QĐ-UBND",
    "sec/city_direction/c/date", "2023-01-05", "sec/city_direction/c/summary", "về thành lập Tổ công tác", NULL
  };
  const char *previous = "";

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, n, f->months);
  bc_test_set_values (f->store, f->months->pdata[n - 1], late);
  year = build (f, NULL);
  order = bc_report_get_list_order (year, "city_direction");
  g_assert_cmpuint (g_strv_length (order), ==, n + 2);
  g_assert_cmpstr (bc_report_get (year, "sec/city_direction/d1/number"), ==, "5096/UBND-VP");
  g_assert_cmpstr (bc_report_get (year, "sec/city_direction/d1/date"), ==, "2022-12-01");
  g_assert_cmpstr (bc_report_get (year, "sec/city_direction/d2/number"), ==, "7/QĐ-UBND");
  g_assert_cmpstr (bc_report_get (year, "sec/city_direction/d3/number"), ==, "101/UBND-VP");
  for (guint i = 0; order[i]; i++)
    {
      g_autofree char *key = g_strdup_printf ("sec/city_direction/%s/date", order[i]);
      g_assert_cmpstr (previous, <=, bc_report_get (year, key));
      previous = bc_report_get (year, key);
    }
  g_assert_cmpstr (bc_report_get (year, "sec/strengths/p1/text"), ==, last_text);
}

/* A missing month and one not approved are named in warnings; the values
 * are computed from the months there are. */
static void
test_missing_month (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  guint n = n_months (f);
  gint64 per = 0;
  g_autofree char *missing_to = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(BcRollup) rollup = NULL;
  gboolean named = FALSE;

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, n, f->months);
  missing_to = g_strdup (bc_report_get_period_to (f->months->pdata[1]));
  g_assert_true (bc_store_delete_report (f->store, bc_report_get_id (f->months->pdata[1]), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    if (i != 1)
      approve (f, f->months->pdata[i]), per += 100 * (i + 1) + 7;
  year = build (f, &rollup);
  g_assert_cmpint (count (year, "fig/digitised_city"), ==, per);
  /* The months it came from, three or more in a row as a stretch. */
  origin = bc_rollup_dup_origin (rollup, g_hash_table_lookup (rollup->index, "fig/digitised_city"));
  g_assert_cmpstr (origin, ==, n == 12 ? "total of 11 months (01/2023, 03/2023 – 12/2023)"
                                       : "total of 2 months (01/2023, 03/2023)");
  findings = bc_store_check_report (f->store, year, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      BcFinding *finding = findings->pdata[i];
      if (g_str_equal (bc_finding_get_rule (finding), "rollup.month_missing"))
        {
          g_autofree char *to = bc_date_to_display (missing_to);
          g_assert_false (named);
          named = TRUE;
          g_assert_nonnull (strstr (bc_finding_get_message (finding), to));
          g_assert_cmpint (bc_finding_get_severity (finding), ==, BC_SEVERITY_WARNING);
        }
    }
  g_assert_true (named);
  g_assert_false (has_finding (findings, "rollup.month_not_approved", NULL));

  /* Reopen one month: it is named as not approved. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  g_assert_true (bc_store_set_status (f->store, f->months->pdata[0], "draft", "sửa số", &error));
  g_assert_no_error (error);
  findings = bc_store_check_report (f->store, year, NULL);
  g_assert_true (has_finding (findings, "rollup.month_not_approved", NULL));
}

/* No month at all: refused, nothing made; a monthly target: refused. */
/* A report signed before its last month ends (an annual report written
 * in December) does not call that month missing; signed on its last day
 * or after, it does. */
static void
test_last_month_open (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  guint n = n_months (f);
  g_autofree char *last_to = NULL;
  GDate day;
  char before[11];
  BcEdit signed_before = { "header/date", before };
  BcEdit signed_after = { "header/date", NULL };

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, n, f->months);
  last_to = g_strdup (bc_report_get_period_to (f->months->pdata[n - 1]));
  g_assert_true (bc_store_delete_report (f->store, bc_report_get_id (f->months->pdata[n - 1]), &error));
  g_assert_no_error (error);
  year = build (f, NULL);
  g_assert_true (bc_date_parse (last_to, &day));
  g_date_subtract_days (&day, 1);
  g_date_strftime (before, sizeof before, "%Y-%m-%d", &day);

  bc_store_apply (f->store, year, &signed_before, 1, &error);
  g_assert_no_error (error);
  findings = bc_store_check_report (f->store, year, NULL);
  g_assert_false (has_finding (findings, "rollup.month_missing", NULL));
  /* … nor unapproved: only the months there are (none approved here). */
  {
    guint unapproved = 0;

    for (guint i = 0; i < findings->len; i++)
      unapproved += g_str_equal (bc_finding_get_rule (findings->pdata[i]), "rollup.month_not_approved");
    g_assert_cmpuint (unapproved, ==, n - 1);
  }
  g_clear_pointer (&findings, g_ptr_array_unref);

  signed_after.value = last_to;
  bc_store_apply (f->store, year, &signed_after, 1, &error);
  g_assert_no_error (error);
  findings = bc_store_check_report (f->store, year, NULL);
  g_assert_true (has_finding (findings, "rollup.month_missing", NULL));
}

static void
test_no_months (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;

  report = bc_store_create_rollup_report (f->store, f->target, NULL, UNIT, f->from, f->to, NULL, &error);
  g_assert_error (error, BC_ROLLUP_ERROR, BC_ROLLUP_ERROR_NO_MONTHS);
  g_assert_null (report);
  list = bc_store_list_reports (f->store, NULL);
  g_assert_cmpuint (list->len, ==, 0);
}

/* After one month is edited, the values it fed are stale, listed with
 * their old and new value, and flagged; nothing changes by itself. The
 * update takes the new values (in the change log) and the report is no
 * longer stale; a value the clerk did not ask for stays. */
static void
test_stale_and_update (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(BcReport) reopened = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  guint n = n_months (f);
  gint64 before, updated = 0;
  g_autofree char *sum = NULL;
  const char *edit[] = { "fig/digitised_city", "1", "tbl/dvc_district/1/total", "0", NULL };
  const char * const only[] = { "fig/digitised_city", NULL };
  guint n_updated = 0;

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, n, f->months);
  year = build (f, NULL);
  stale = bc_store_rollup_stale (f->store, year, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stale->len, ==, 0);
  g_clear_pointer (&stale, g_ptr_array_unref);

  before = count (year, "fig/digitised_city");
  bc_test_set_values (f->store, f->months->pdata[4 % n], edit);
  updated = before - (100 * (4 % n + 1) + 7) + 1;
  sum = g_strdup_printf ("%" G_GINT64_FORMAT, updated);

  stale = bc_store_rollup_stale (f->store, year, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stale->len, ==, 2);
  g_assert_cmpstr (((BcRollupStale *) stale->pdata[0])->key, ==, "fig/digitised_city");
  g_assert_cmpstr (((BcRollupStale *) stale->pdata[0])->now, ==, sum);
  g_assert_cmpint (g_ascii_strtoll (((BcRollupStale *) stale->pdata[0])->rolled, NULL, 10), ==, before);
  g_assert_cmpstr (((BcRollupStale *) stale->pdata[1])->key, ==, "tbl/dvc_district/1/total");
  findings = bc_store_check_report (f->store, year, NULL);
  g_assert_true (has_finding (findings, "rollup.stale", "fig/digitised_city"));
  g_assert_true (has_finding (findings, "rollup.stale", "tbl/dvc_district/1/total"));
  /* Never silently: the report still holds the old sum. */
  reopened = bc_store_open_report (f->store, bc_report_get_id (year), NULL);
  g_assert_cmpint (count (reopened, "fig/digitised_city"), ==, before);

  g_assert_true (bc_store_rollup_update (f->store, year, only, &n_updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_updated, ==, 1);
  g_clear_object (&reopened);
  reopened = bc_store_open_report (f->store, bc_report_get_id (year), NULL);
  g_assert_cmpint (count (reopened, "fig/digitised_city"), ==, updated);
  changes = bc_store_list_changes (f->store, bc_report_get_id (year), NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpstr (((BcChange *) changes->pdata[0])->key, ==, "fig/digitised_city");
  g_clear_pointer (&stale, g_ptr_array_unref);
  stale = bc_store_rollup_stale (f->store, year, NULL, &error);
  g_assert_cmpuint (stale->len, ==, 1);
  g_assert_cmpstr (((BcRollupStale *) stale->pdata[0])->key, ==, "tbl/dvc_district/1/total");

  /* All of them; then nothing is stale and nothing is flagged. */
  g_assert_true (bc_store_rollup_update (f->store, year, NULL, &n_updated, &error));
  g_assert_cmpuint (n_updated, ==, 1);
  g_clear_pointer (&stale, g_ptr_array_unref);
  stale = bc_store_rollup_stale (f->store, year, NULL, &error);
  g_assert_cmpuint (stale->len, ==, 0);
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = bc_store_check_report (f->store, year, NULL);
  g_assert_false (has_finding (findings, "rollup.stale", NULL));

  /* A key that is not stale is refused, naming it. */
  g_assert_false (bc_store_rollup_update (f->store, year, only, NULL, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
}

/* A month's new document makes the list stale; the update adds it and
 * keeps the documents the clerk kept. */
static void
test_stale_documents (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_auto(GStrv) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  guint n = n_months (f);
  const char *add[] = {
    "sec/city_direction/order", "a,b,c", "sec/city_direction/c/number", "7/QĐ-UBND",
    "sec/city_direction/c/date", "2023-01-05", "sec/city_direction/c/summary", "về thành lập Tổ công tác", NULL
  };

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, n, f->months);
  year = build (f, NULL);
  bc_test_set_values (f->store, f->months->pdata[0], add);
  stale = bc_store_rollup_stale (f->store, year, NULL, &error);
  g_assert_cmpuint (stale->len, ==, 1);
  g_assert_cmpstr (((BcRollupStale *) stale->pdata[0])->key, ==, "sec/city_direction");
  g_assert_true (bc_store_rollup_update (f->store, year, NULL, NULL, &error));
  g_assert_no_error (error);
  order = bc_report_get_list_order (year, "city_direction");
  g_assert_cmpuint (g_strv_length (order), ==, n + 2);
  g_assert_cmpstr (bc_report_get (year, "sec/city_direction/d1/number"), ==, "5096/UBND-VP");
  g_assert_cmpstr (bc_report_get (year, "sec/city_direction/d2/number"), ==, "101/UBND-VP");
  g_assert_cmpstr (bc_report_get (year, "sec/city_direction/d2/date"), ==, bc_report_get_period_to (f->months->pdata[0]));
  /* The new one after the list the clerk has: an update never reorders it. */
  last = g_strdup_printf ("sec/city_direction/%s/number", order[n + 1]);
  g_assert_cmpstr (bc_report_get (year, last), ==, "7/QĐ-UBND");
}

/* A count typed for the year below the sum of its months is flagged; one
 * above it (the clerk added what no month reported) is not. */
static void
test_below_months (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  guint n = n_months (f);
  const char *low[] = { "fig/digitised_city", "100", NULL };
  const char *high[] = { "fig/digitised_city", "999999", NULL };

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, n, f->months);
  year = build (f, NULL);
  findings = bc_store_check_report (f->store, year, NULL);
  g_assert_false (has_finding (findings, "rollup.below_months", NULL));
  g_clear_pointer (&findings, g_ptr_array_unref);
  bc_test_set_values (f->store, year, low);
  findings = bc_store_check_report (f->store, year, NULL);
  g_assert_true (has_finding (findings, "rollup.below_months", "fig/digitised_city"));
  g_clear_pointer (&findings, g_ptr_array_unref);
  bc_test_set_values (f->store, year, high);
  findings = bc_store_check_report (f->store, year, NULL);
  g_assert_false (has_finding (findings, "rollup.below_months", NULL));
}

/* A figure of the longer template computed from each month by its
 * "from_months" expressions: the months' table sums, summed. */
static void
test_from_months (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *with = NULL;
  g_autofree char *cdir = NULL;
  g_autoptr(GRegex) re = g_regex_new ("\"id\": \"digitised_city\"", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTemplate) target = NULL;
  g_autoptr(BcReport) year = NULL;
  guint n = n_months (f);
  gint64 online = 0, total = 0;

  g_assert_true (g_file_get_contents (f->target_path, &text, NULL, NULL));
  with = g_regex_replace_literal (re, text, -1, 0,
                                  "\"id\": \"digitised_city\", \"from_months\": { \"value\": "
                                  "\"sum(dvc_district.online)\", \"den\": \"sum(dvc_district.total) + 0 * nothing\" }",
                                  0, NULL);
  cdir = bc_template_default_dir ("catalogs");
  target = bc_template_new_from_data (with, -1, "from-months.json", cdir, &error);
  g_assert_no_error (error);
  bc_test_make_months (f->store, f->monthly, UNIT, f->from, n, f->months);
  year = bc_store_create_rollup_report (f->store, target, NULL, UNIT, f->from, f->to, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 1; i <= n; i++)
    online += i * i + (i == 1 ? 50 : 1), total += 10 * i + 1 + (i == 1 ? 50 : 1000);
  g_assert_cmpint (count (year, "fig/digitised_city"), ==, online);
  /* A denominator naming what no month has: no value, not a wrong one. */
  g_assert_cmpstr (bc_report_get (year, "fig/digitised_city/den"), ==, "");
  (void) total;
}

/* "from_months" is checked for its form, and a denominator's only on a
 * figure that has one. */
static void
test_template_from_months (void)
{
  static const char * const bad[][2] = {
    { "{\"value\": \"sum(a.b\"}", "figures[0].from_months.value" },
    { "{\"value\": \"x\", \"den\": \"y\"}", "figures[0].from_months.den" },
    { "{\"value\": \"x\", \"other\": \"y\"}", "figures[0].from_months" },
    { "\"x\"", "figures[0].from_months" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\":1,\"id\":\"t\",\"name\":\"T\",\"kind\":\"report\",\"period\":{\"regime\":\"annual\"},"
        "\"sections\":[{\"id\":\"s\",\"number\":\"1.\",\"title\":\"S\",\"kind\":\"figures\",\"figures\":"
        "[{\"id\":\"f\",\"label\":\"F\",\"from_months\":%s}]}],\"tables\":[]}", bad[i][0]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BcTemplate) t = bc_template_new_from_data (json, -1, "bad.json", NULL, &error);

      g_assert_null (t);
      g_assert_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i][1]));
    }
}

/* The command line: exit statuses and what it prints. */
static int
run (Fixture  *f,
     char    **out,
     char    **err,
     ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = bc_test_run_cli_valist (f->library, out, err, args);
  va_end (args);
  return status;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *from = bc_date_to_display (f->from), *to = bc_date_to_display (f->to);
  g_autofree char *month_to = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  const char *edit[] = { "fig/digitised_city", "1", NULL };
  guint n = n_months (f);

  /* Nothing to build from yet. */
  g_assert_cmpint (run (f, &out, &err, "new", "--template", f->target_path, "--unit", UNIT, "--from", from, "--to", to,
                        "--from-months", NULL), ==, 3);
  g_assert_nonnull (strstr (err, "no monthly report"));
  g_free (out), g_free (err);
  /* A monthly template is built from nothing. */
  g_assert_cmpint (run (f, &out, &err, "new", "--template", "district-monthly", "--unit", UNIT, "--from-months", NULL),
                   ==, 64);
  g_free (out), g_free (err);

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, n, f->months);
  g_assert_true (bc_store_delete_report (f->store, bc_report_get_id (f->months->pdata[n - 1]), &error));
  month_to = bc_rollup_month_label (&(BcRollupMonth) { .to = (char *) bc_report_get_period_to (f->months->pdata[n - 1]) });
  g_ptr_array_remove_index (f->months, n - 1);
  g_assert_cmpint (run (f, &out, &err, "new", "--template", f->target_path, "--unit", UNIT, "--from", from, "--to", to,
                        "--from-months", NULL), ==, 0);
  id = g_strstrip (g_strdup (out));
  g_assert_nonnull (strstr (err, "no report for month"));
  g_assert_nonnull (strstr (err, month_to));
  g_assert_nonnull (strstr (err, "is not approved yet"));
  g_free (out), g_free (err);
  /* A second one for the same period is refused. */
  g_assert_cmpint (run (f, &out, &err, "new", "--template", f->target_path, "--unit", UNIT, "--from", from, "--to", to,
                        "--from-months", NULL), ==, 3);
  g_free (out), g_free (err);

  g_assert_cmpint (run (f, &out, &err, "rollup", id, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "fig/digitised_city\t"));
  g_assert_nonnull (strstr (out, "\tmissing\n"));
  g_free (out), g_free (err);

  g_assert_cmpint (run (f, &out, &err, "rollup-update", id, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_free (out), g_free (err);
  bc_test_set_values (f->store, f->months->pdata[0], edit);
  g_assert_cmpint (run (f, &out, &err, "rollup-update", id, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out, "fig/digitised_city\t"));
  g_assert_nonnull (strstr (err, "1 value is stale"));
  g_free (out), g_free (err);
  g_assert_cmpint (run (f, &out, &err, "rollup-update", id, "--apply", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "updated 1 value"));
  g_free (out), g_free (err);
  g_assert_cmpint (run (f, &out, &err, "rollup-update", id, NULL), ==, 0);
  g_free (out), g_free (err);

  /* Bad arguments and a report not built from months. */
  g_assert_cmpint (run (f, &out, &err, "rollup-update", NULL), ==, 64);
  g_free (out), g_free (err);
  g_assert_cmpint (run (f, &out, &err, "rollup-update", id, "--key", "fig/x", NULL), ==, 64);
  g_free (out), g_free (err);
  g_assert_cmpint (run (f, &out, &err, "rollup-update", "1", NULL), ==, 3);
  g_assert_nonnull (strstr (err, "was not built from monthly reports"));
  g_free (out), g_free (err);
  g_assert_cmpint (run (f, &out, &err, "rollup-update", "999", NULL), ==, 3);
  g_free (out), g_free (err);
  g_assert_cmpint (run (f, &out, &err, "new", "--template", "district-monthly", "--unit", UNIT, "--year", "2023", NULL),
                   ==, 64);
  g_free (out), g_free (err);
  /* The checks of the command line see the months too. */
  g_assert_cmpint (run (f, &out, &err, "check", id, "--json", NULL), >=, 1);
  g_assert_nonnull (strstr (out, "rollup.month_missing"));
}

/* A column says it is a running total; only an integer column may. */
static void
test_template_cumulative (void)
{
  static const char head[] =
    "{\"format\":1,\"id\":\"t\",\"name\":\"T\",\"kind\":\"report\",\"period\":{\"regime\":\"annual\"},"
    "\"sections\":[],\"tables\":[{\"id\":\"a\",\"title\":\"A\",\"caption\":\"A\",\"rows\":[{\"number\":\"1\","
    "\"label\":\"x\"}],\"columns\":[";
  g_autofree char *good = g_strconcat (head, "{\"id\":\"n\",\"label\":\"N\",\"type\":\"integer\",\"cumulative\":true}]}]}", NULL);
  g_autofree char *bad = g_strconcat (head, "{\"id\":\"n\",\"label\":\"N\",\"type\":\"text\",\"cumulative\":true}]}]}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTemplate) t = bc_template_new_from_data (good, -1, "good.json", NULL, &error);
  g_autoptr(BcTemplate) u = NULL;

  g_assert_no_error (error);
  g_assert_true (((BcColumn *) bc_template_find_table (t, "a")->columns->pdata[0])->cumulative);
  u = bc_template_new_from_data (bad, -1, "bad.json", NULL, &error);
  g_assert_null (u);
  g_assert_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "bad.json: tables[0].columns[0]"));
  g_assert_nonnull (strstr (error->message, "cumulative"));
}

/* The year of Decree 09: 15 December of the year before to 14 December.
 * The months on either side of it (15/11 – 14/12 of the year before,
 * 15/12 – 14/01 after) are no part of it. */
static void
test_year_boundaries (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(BcRollup) rollup = NULL;
  const BcRollupMonth *first, *last;
  gint64 per = 0;

  g_assert_cmpstr (f->from, ==, "2022-12-15");
  g_assert_cmpstr (f->to, ==, "2023-12-14");
  /* Fourteen months from 15/11/2022: month i = 2 … 13 are the year's. */
  bc_test_make_months (f->store, f->monthly, UNIT, "2022-11-20", 14, f->months);
  g_assert_cmpstr (bc_report_get_period_from (f->months->pdata[0]), ==, "2022-11-15");
  g_assert_cmpstr (bc_report_get_period_to (f->months->pdata[13]), ==, "2024-01-14");
  year = build (f, &rollup);
  for (guint i = 2; i <= 13; i++)
    per += 100 * i + 7;
  g_assert_cmpuint (rollup->months->len, ==, 12);
  g_assert_cmpuint (bc_rollup_count_present (rollup), ==, 12);
  first = rollup->months->pdata[0];
  last = rollup->months->pdata[11];
  g_assert_cmpstr (first->from, ==, "2022-12-15");
  g_assert_cmpstr (first->to, ==, "2023-01-14");
  g_assert_cmpstr (last->from, ==, "2023-11-15");
  g_assert_cmpstr (last->to, ==, "2023-12-14");
  g_assert_cmpint (first->report_id, ==, bc_report_get_id (f->months->pdata[1]));
  g_assert_cmpint (last->report_id, ==, bc_report_get_id (f->months->pdata[12]));
  g_assert_cmpint (count (year, "fig/digitised_city"), ==, per);
  /* The running total is the year's last month's, not the one after. */
  g_assert_cmpint (count (year, "fig/asm_accounts"), ==, 13000);
}

/* The first applicable row of @table of @template that is no heading. */
static const char *
first_row (BcTemplate *template,
           const char *table)
{
  const BcTableDef *t = bc_template_find_table (template, table);

  for (guint r = 0; r < t->rows->len; r++)
    if (!((BcRow *) t->rows->pdata[r])->heading)
      return ((BcRow *) t->rows->pdata[r])->key;
  g_assert_not_reached ();
}

static void
set_cell (Fixture    *f,
          BcReport   *month,
          const char *table,
          const char *column,
          gint64      value)
{
  g_autofree char *key = bc_key_cell (table, first_row (f->monthly, table), column);
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  const char *kv[] = { key, text, NULL };

  bc_test_set_values (f->store, month, kv);
}

static void
assert_figure (BcReport   *year,
               const char *id,
               gint64      value,
               gint64      den)
{
  g_autofree char *key = bc_key_figure (id, FALSE);
  g_autofree char *den_key = bc_key_figure (id, TRUE);

  g_assert_cmpint (count (year, key), ==, value);
  if (den >= 0)
    g_assert_cmpint (count (year, den_key), ==, den);
}

/* The shipped district-annual over twelve district-monthly reports: the
 * year's online dossiers of the 25 and the 28 services and of all 53
 * from the months' appendices, the digitised dossiers, and the
 * direction section listing every month's documents once, in date order,
 * each a "-" paragraph, with its provenance. */
static void
test_district_annual (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(BcRollup) rollup = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_auto(GStrv) order = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *rendered = NULL, *expected = NULL, *fmt53 = NULL, *den53 = NULL, *pct53 = NULL;
  gint64 on25 = 0, tot25 = 0, on28 = 0, tot28 = 0, per = 0, den = 0;
  const BcRollupEntry *entry;

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, 12, f->months);
  for (guint i = 1; i <= 12; i++)
    {
      set_cell (f, f->months->pdata[i - 1], "qd422_district", "total", 20 * i);
      set_cell (f, f->months->pdata[i - 1], "qd422_district", "online", 5 * i);
      on25 += i * i + (i == 1 ? 50 : 1), tot25 += 10 * i + 1 + (i == 1 ? 50 : 1000);
      on28 += 5 * i, tot28 += 20 * i, per += 100 * i + 7, den += 300 * i;
    }
  year = build (f, &rollup);
  assert_figure (year, "dossiers_online_25", on25, tot25);
  assert_figure (year, "dossiers_online_28", on28, tot28);
  assert_figure (year, "dossiers_online_53", on25 + on28, tot25 + tot28);
  assert_figure (year, "digitised_city", per, den);
  /* The figures print before a word is written: a draft sentence each
   * cites them, in the section that holds them. */
  g_assert_cmpstr (bc_report_get (year, "sec/digitisation/order"), ==, "p1");
  g_assert_cmpstr (bc_report_get (year, "sec/digitisation/p1/text"), ==,
                   "Hồ sơ, kết quả giải quyết TTHC đã số hóa tại Bộ phận tiếp nhận và trả kết quả cấp huyện trong năm: "
                   "{{fig/digitised_city}}/{{fig/digitised_city/den}} hồ sơ, đạt {{fig/digitised_city/pct}}.");
  rendered = bc_refs_render (year, bc_report_get (year, "sec/essential_services/p1/text"), NULL);
  expected = g_strdup_printf ("Hồ sơ tiếp nhận trực tuyến trong năm, 53 dịch vụ công thiết yếu: %s/%s hồ sơ, đạt %s.",
                              fmt53 = bc_format_int (on25 + on28), den53 = bc_format_int (tot25 + tot28),
                              pct53 = bc_format_percent ((double) (on25 + on28) / (double) (tot25 + tot28), 2));
  g_assert_cmpstr (rendered, ==, expected);

  order = bc_report_get_list_order (year, "direction");
  g_assert_cmpuint (g_strv_length (order), ==, 13);
  g_assert_cmpstr (bc_report_get (year, "sec/direction/d1/text"), ==,
                   "Kế hoạch số 5096/UBND-VP ngày 1/12/2022 về năm cao điểm.");
  g_assert_cmpstr (bc_report_get (year, "sec/direction/d1/level"), ==, "1");
  g_assert_cmpstr (bc_report_get (year, "sec/direction/d2/text"), ==,
                   "Công văn số 101/UBND-VP ngày 14/1/2023 về triển khai Đề án 06.");
  g_assert_cmpstr (bc_report_get (year, "sec/direction/d13/text"), ==,
                   "Công văn số 112/UBND-VP ngày 14/12/2023 về triển khai Đề án 06.");
  stored = bc_store_get_rollup (f->store, bc_report_get_id (year), NULL);
  entry = g_hash_table_lookup (stored, "sec/direction");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->rule, ==, BC_ROLLUP_LIST);
  origin = bc_rollup_dup_origin (rollup, entry);
  g_assert_cmpstr (origin, ==, "documents of 12 months (01/2023 – 12/2023), each listed once");
}

/* A month's new document makes the direction paragraphs stale; the
 * update adds it as a paragraph after the clerk's, whose words stay. */
static void
test_district_annual_stale (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) order = NULL;
  g_autofree char *last = NULL;
  const char *rewrite[] = {
    "sec/direction/order", "d1,d2", "sec/direction/d2/text", "Ban hành các văn bản trong năm.", NULL
  };
  const char *add[] = {
    "sec/police_direction/order", "x", "sec/police_direction/x/type", "Kế hoạch",
    "sec/police_direction/x/number", "12/KH-CAH", "sec/police_direction/x/date", "2023-03-02",
    "sec/police_direction/x/summary", "về cao điểm làm CCCD", NULL
  };

  bc_test_make_months (f->store, f->monthly, UNIT, f->from, 12, f->months);
  year = build (f, NULL);
  bc_test_set_values (f->store, year, rewrite);
  stale = bc_store_rollup_stale (f->store, year, NULL, &error);
  g_assert_cmpuint (stale->len, ==, 0);
  g_clear_pointer (&stale, g_ptr_array_unref);

  bc_test_set_values (f->store, f->months->pdata[2], add);
  stale = bc_store_rollup_stale (f->store, year, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stale->len, ==, 1);
  g_assert_cmpstr (((BcRollupStale *) stale->pdata[0])->key, ==, "sec/direction");
  g_assert_true (bc_store_rollup_update (f->store, year, NULL, NULL, &error));
  g_assert_no_error (error);
  order = bc_report_get_list_order (year, "direction");
  g_assert_cmpuint (g_strv_length (order), ==, 3);
  g_assert_cmpstr (bc_report_get (year, "sec/direction/d2/text"), ==, "Ban hành các văn bản trong năm.");
  last = g_strdup_printf ("sec/direction/%s/text", order[2]);
  g_assert_cmpstr (bc_report_get (year, last), ==, "Kế hoạch số 12/KH-CAH ngày 2/3/2023 về cao điểm làm CCCD.");
  g_clear_pointer (&stale, g_ptr_array_unref);
  stale = bc_store_rollup_stale (f->store, year, NULL, &error);
  g_assert_cmpuint (stale->len, ==, 0);
}

/* The shipped province-annual over twelve province-monthly reports (the
 * province's months end on the 20th, and so does its year): the portal's
 * dossiers summed, the online services and the accounts the last
 * month's, the 25 and 28 services' online dossiers from the appendices,
 * and the documents of the months in 1.3 and 3. */
static void
test_province_annual (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BcReport) year = NULL;
  g_autoptr(BcRollup) rollup = NULL;
  g_auto(GStrv) local = NULL;
  g_auto(GStrv) institutions = NULL;
  gint64 received = 0, dossiers = 0;

  g_assert_cmpstr (f->from, ==, "2022-12-21");
  g_assert_cmpstr (f->to, ==, "2023-12-20");
  bc_test_make_months_with (f->store, f->monthly, UNIT, f->from, 12, 20, f->months);
  for (guint i = 1; i <= 12; i++)
    {
      g_autofree char *r = g_strdup_printf ("%u", 1000 + i), *c = g_strdup_printf ("%u", 10 * i);
      g_autofree char *total = g_strdup_printf ("%u", 2000 * i), *act = g_strdup_printf ("%u", 1500 * i);
      g_autofree char *date = g_strdup (bc_report_get_period_to (f->months->pdata[i - 1]));
      g_autofree char *number = g_strdup_printf ("%u/UBND-NC", 200 + i);
      const char *kv[] = {
        "fig/portal_received", r, "fig/dvctt_total", total, "fig/cccd_dossiers", c,
        "fig/vneid_activated", act, "fig/vneid_activated/den", "30000",
        "sec/direction/order", "a", "sec/direction/a/type", "Công văn", "sec/direction/a/number", number,
        "sec/direction/a/date", date, "sec/direction/a/summary", "về Đề án 06",
        "sec/institutions/order", "q", "sec/institutions/q/type", "Quyết định",
        "sec/institutions/q/number", "15/2022/QĐ-UBND", "sec/institutions/q/date", "2022-12-22",
        "sec/institutions/q/summary", "về quy chế chia sẻ dữ liệu", NULL
      };

      bc_test_set_values (f->store, f->months->pdata[i - 1], kv);
      set_cell (f, f->months->pdata[i - 1], "dvc25", "total", 40 * i);
      set_cell (f, f->months->pdata[i - 1], "dvc25", "online", 30 * i);
      received += 1000 + i, dossiers += 10 * i;
    }
  year = build (f, &rollup);
  g_assert_cmpuint (bc_rollup_count_present (rollup), ==, 12);
  assert_figure (year, "portal_received", received, -1);
  assert_figure (year, "cccd_dossiers", dossiers, -1);
  assert_figure (year, "dvctt_total", 24000, -1);
  assert_figure (year, "vneid_activated", 18000, 30000);
  assert_figure (year, "dossiers_online_25", 30 * 78, 40 * 78);
  /* No month counted the 28 services: no value, not 0. */
  g_assert_cmpstr (bc_report_get (year, "fig/dossiers_online_28"), ==, "");
  local = bc_report_get_list_order (year, "direction_local");
  g_assert_cmpuint (g_strv_length (local), ==, 12);
  g_assert_cmpstr (bc_report_get (year, "sec/direction_local/d1/text"), ==,
                   "Công văn số 201/UBND-NC ngày 20/1/2023 về Đề án 06.");
  institutions = bc_report_get_list_order (year, "institutions");
  g_assert_cmpuint (g_strv_length (institutions), ==, 1);
}

/* A section's "from_months" names monthly sections, only on a list or
 * narrative section. */
static void
test_template_section_from_months (void)
{
  static const char * const bad[][3] = {
    { "narrative", "[]", "sections[0].from_months: expected the id" },
    { "narrative", "[\"A b\"]", "sections[0].from_months: item 0 is not a section id" },
    { "narrative", "[3]", "sections[0].from_months: item 0" },
    { "narrative", "\"x\"", "“from_months” must be an array" },
    { "tasks", "[\"x\"]", "only a “documents” or “narrative” section" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\":1,\"id\":\"t\",\"name\":\"T\",\"kind\":\"report\",\"period\":{\"regime\":\"annual\"},"
        "\"sections\":[{\"id\":\"s\",\"number\":\"1.\",\"title\":\"S\",\"kind\":\"%s\",\"from_months\":%s}]}",
        bad[i][0], bad[i][1]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BcTemplate) t = bc_template_new_from_data (json, -1, "bad.json", NULL, &error);

      g_assert_null (t);
      g_assert_error (error, BC_TEMPLATE_ERROR, BC_TEMPLATE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "bad.json: "));
      g_assert_nonnull (strstr (error->message, bad[i][2]));
    }
}

int
main (int    argc,
      char **argv)
{
  static const char * const regimes[] = { "quarterly", "annual", NULL };

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bc/rollup/template/cumulative-column", test_template_cumulative);
  g_test_add_func ("/bc/rollup/template/from-months", test_template_from_months);
  g_test_add_func ("/bc/rollup/template/section-from-months", test_template_section_from_months);
  g_test_add ("/bc/rollup/annual/year-boundaries", Fixture, "annual", fixture_set_up, test_year_boundaries,
              fixture_tear_down);
  g_test_add ("/bc/rollup/district-annual/from-months", Fixture, "district-annual", fixture_set_up,
              test_district_annual, fixture_tear_down);
  g_test_add ("/bc/rollup/district-annual/direction-stale", Fixture, "district-annual", fixture_set_up,
              test_district_annual_stale, fixture_tear_down);
  g_test_add ("/bc/rollup/province-annual/from-months", Fixture, "province-annual", fixture_set_up,
              test_province_annual, fixture_tear_down);
  for (guint i = 0; regimes[i]; i++)
    {
#define ADD(name, fn) \
      do { \
        g_autofree char *path = g_strdup_printf ("/bc/rollup/%s/%s", regimes[i], name); \
        g_test_add (path, Fixture, regimes[i], fixture_set_up, fn, fixture_tear_down); \
      } while (0)
      ADD ("sums", test_sums);
      ADD ("cumulative", test_cumulative);
      ADD ("documents", test_documents);
      ADD ("missing-month", test_missing_month);
      ADD ("last-month-open", test_last_month_open);
      ADD ("no-months", test_no_months);
      ADD ("stale-and-update", test_stale_and_update);
      ADD ("stale-documents", test_stale_documents);
      ADD ("below-months", test_below_months);
      ADD ("cli", test_cli);
      ADD ("from-months", test_from_months);
#undef ADD
    }
  return g_test_run ();
}

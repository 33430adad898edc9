/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bc-report-private.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-test-utils.h"
#include "bc-trend.h"

/* A figure over the periods: a gap where a period has no report or no
 * value, never a zero; a running total (a line) or a count per period
 * (bars); an appendix column's total. */

typedef struct
{
  char       *dir;
  BcStore    *store;
  BcTemplate *district;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  f->district = bc_test_load_template ("district-monthly");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_object (&f->district);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static BcReport *
create (Fixture    *f,
        const char *unit,
        const char *from,
        const char *to)
{
  g_autoptr(GError) error = NULL;
  BcReport *report = bc_store_create_report (f->store, f->district, unit, from, to, &error);

  g_assert_no_error (error);
  return report;
}

static void
set (Fixture    *f,
     BcReport   *report,
     const char *key,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_store_set_value (f->store, report, key, value, &error));
  g_assert_no_error (error);
}

static const BcTrendPoint *
point (const BcTrend *trend,
       guint          i)
{
  return &g_array_index (trend->points, BcTrendPoint, i);
}

/* January, February (blank), no March, April; another unit's report of
 * March is not this unit's. */
static BcReport *
fill (Fixture *f)
{
  g_autoptr(BcReport) jan = create (f, "Huyện A", "2024-01-15", "2024-02-14");
  g_autoptr(BcReport) feb = create (f, "Huyện A", "2024-02-15", "2024-03-14");
  g_autoptr(BcReport) other = create (f, "Huyện B", "2024-03-15", "2024-04-14");
  BcReport *apr = create (f, "Huyện A", "2024-04-15", "2024-05-14");

  set (f, jan, "fig/asm_accounts", "1200");
  set (f, jan, "fig/vneid_activated", "300");
  set (f, jan, "tbl/dvc_district/1/total", "10");
  set (f, jan, "tbl/dvc_district/2/total", "5");
  set (f, feb, "fig/vneid_activated", "0");
  set (f, other, "fig/asm_accounts", "999");
  set (f, apr, "fig/asm_accounts", "1500");
  set (f, apr, "fig/vneid_activated", "250");
  set (f, apr, "tbl/dvc_district/1/total", "7");
  return apr;
}

static void
test_gaps (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BcReport) apr = fill (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(BcTrend) running = bc_trend_new (f->store, apr, "fig/asm_accounts", 6, &error);
  g_autoptr(BcTrend) counted = bc_trend_new (f->store, apr, "fig/vneid_activated", 6, &error);
  g_autoptr(BcTrend) column = bc_trend_new (f->store, apr, "tbl/dvc_district/total", 6, &error);

  g_assert_no_error (error);
  g_assert_true (running->cumulative);
  g_assert_false (counted->cumulative);
  g_assert_false (column->cumulative);
  g_assert_cmpuint (running->points->len, ==, 6);
  /* Oldest first, the report's own period last: Nov … Apr. */
  g_assert_cmpstr (point (running, 0)->period_to, ==, "2023-12-14");
  g_assert_cmpstr (point (running, 5)->period_to, ==, "2024-05-14");
  g_assert_false (point (running, 0)->has_value);      /* no report */
  g_assert_true (point (running, 2)->has_value);
  g_assert_cmpint (point (running, 2)->value, ==, 1200);
  g_assert_false (point (running, 3)->has_value);      /* February left blank */
  g_assert_false (point (running, 4)->has_value);      /* March: only Huyện B's */
  g_assert_cmpint (point (running, 5)->value, ==, 1500);
  /* A zero typed is a zero, not a gap. */
  g_assert_true (point (counted, 3)->has_value);
  g_assert_cmpint (point (counted, 3)->value, ==, 0);
  g_assert_cmpuint (bc_trend_count_values (counted), ==, 3);
  /* A column's total over its rows. */
  g_assert_cmpint (point (column, 2)->value, ==, 15);
  g_assert_cmpint (point (column, 5)->value, ==, 7);
  /* Named after its appendix and column. */
  g_assert_nonnull (strstr (column->label, ": "));

  g_assert_null (bc_trend_new (f->store, apr, "fig/no_such", 6, &error));
  g_assert_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND);
}

static void
test_all_figures (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BcReport) apr = fill (f);
  g_autoptr(GPtrArray) trends = bc_trend_new_for_figures (f->store, apr, 12, NULL);
  guint columns = 0;

  g_assert_cmpuint (trends->len, >, 30);
  for (guint i = 0; i < trends->len; i++)
    {
      const BcTrend *trend = trends->pdata[i];
      g_assert_cmpuint (trend->points->len, ==, 12);
      columns += g_str_has_prefix (trend->key, "tbl/");
    }
  g_assert_cmpuint (columns, ==, 4);   /* two appendices, total and online */
}

/* An appendix's totals as its totals row counts them: the rows that
 * apply to the unit (by the template, or as the report says), headings
 * left out; the report's own period as it is now, saved or not; each
 * column of counts of a table with a totals row has one. */
static void
test_table_totals (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BcReport) mar = create (f, "Huyện A", "2024-03-15", "2024-04-14");
  g_autoptr(BcReport) apr = create (f, "Huyện A", "2024-04-15", "2024-05-14");
  g_autoptr(BcTemplate) province = bc_test_load_template ("province-monthly");
  const BcTableDef *dvc = bc_template_find_table (f->district, "dvc_district");
  g_auto(GStrv) keys = bc_trend_table_keys (dvc);
  g_auto(GStrv) province_keys = bc_trend_table_keys (bc_template_find_table (province, "dvc25"));
  g_autofree char *joined = g_strjoinv (" ", keys);
  g_autoptr(BcTrend) total = NULL;
  g_autoptr(BcTrend) online = NULL;
  g_autoptr(GError) error = NULL;
  gint64 value;

  g_assert_cmpstr (joined, ==, "tbl/dvc_district/total tbl/dvc_district/online");
  g_assert_cmpuint (g_strv_length (province_keys), ==, 4);   /* total, online, on time, overdue */
  g_assert_cmpstr (province_keys[3], ==, "tbl/dvc25/overdue");

  /* March: rows 1 and 2 apply (10 + 5), row 12 does not by the template
   * (its 100 is not counted); April: row 1 marked as not applying, row
   * 12 as applying. */
  set (f, mar, "tbl/dvc_district/1/total", "10");
  set (f, mar, "tbl/dvc_district/2/total", "5");
  set (f, mar, "tbl/dvc_district/12/total", "100");
  set (f, mar, "tbl/dvc_district/1/online", "4");
  set (f, apr, "tbl/dvc_district/1/total", "10");
  set (f, apr, "tbl/dvc_district/1/applies", "0");
  set (f, apr, "tbl/dvc_district/2/total", "6");
  set (f, apr, "tbl/dvc_district/12/total", "100");
  set (f, apr, "tbl/dvc_district/12/applies", "1");
  total = bc_trend_new (f->store, apr, "tbl/dvc_district/total", 3, &error);
  online = bc_trend_new (f->store, apr, "tbl/dvc_district/online", 3, &error);
  g_assert_no_error (error);
  g_assert_false (point (total, 0)->has_value);
  g_assert_cmpint (point (total, 1)->value, ==, 15);
  g_assert_cmpint (point (total, 2)->value, ==, 106);
  g_assert_cmpint (point (online, 1)->value, ==, 4);
  g_assert_false (point (online, 2)->has_value);   /* no online count in April: a gap */

  /* Typed, not saved yet: the report holds it. */
  bc_report_set_internal (apr, "tbl/dvc_district/2/total", "7");
  g_assert_true (bc_trend_live_value (apr, "tbl/dvc_district/total", &value));
  g_assert_cmpint (value, ==, 107);
  g_assert_false (bc_trend_live_value (apr, "tbl/dvc_district/online", &value));
  g_assert_false (bc_trend_live_value (apr, "fig/asm_accounts", &value));
  bc_report_set_internal (apr, "fig/asm_accounts", "1500");
  g_assert_true (bc_trend_live_value (apr, "fig/asm_accounts", &value));
  g_assert_cmpint (value, ==, 1500);
}

/* A unit's overview ends with its latest report: of a month and a year
 * ending the same day, the month; none for a unit without reports. */
static void
test_latest (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BcTemplate) annual = bc_test_load_template ("district-annual");
  g_autoptr(BcReport) year = NULL;
  g_autoptr(BcReport) nov = create (f, "Huyện A", "2024-10-15", "2024-11-14");
  g_autoptr(BcReport) dec = create (f, "Huyện A", "2024-11-15", "2024-12-14");
  g_autoptr(BcReport) other = create (f, "Huyện B", "2024-12-15", "2025-01-14");
  g_autoptr(GError) error = NULL;

  year = bc_store_create_report (f->store, annual, "Huyện A", "2023-12-15", "2024-12-14", &error);
  g_assert_no_error (error);
  g_assert_cmpint (bc_trend_find_latest (f->store, "Huyện A", &error), ==, bc_report_get_id (dec));
  g_assert_cmpint (bc_trend_find_latest (f->store, "Huyện B", &error), ==, bc_report_get_id (other));
  g_assert_cmpint (bc_trend_find_latest (f->store, "Huyện C", &error), ==, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/trend/gaps", test_gaps);
  ADD ("/bc/trend/all-figures", test_all_figures);
  ADD ("/bc/trend/table-totals", test_table_totals);
  ADD ("/bc/trend/latest", test_latest);
#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "bc-calendar.h"
#include "bc-due.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-review.h"
#include "bc-store-consolidate.h"
#include "bc-store-review.h"
#include "bc-store.h"
#include "bc-test-utils.h"

/* What is due: deadlines by the template's rule over working days, the
 * reports owed, and "baocao due" with its exit statuses and JSON. */

typedef struct
{
  char       *dir;
  char       *library;
  BcStore    *store;
  BcTemplate *district;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = bc_test_mkdtemp ();
  f->library = g_build_filename (f->dir, "library.db", NULL);
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
  g_free (f->library);
}

static gint64
create (Fixture    *f,
        const char *unit,
        const char *from,
        const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_create_report (f->store, f->district, unit, from, to, &error);

  g_assert_no_error (error);
  return bc_report_get_id (report);
}

static void
submit (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_open_report (f->store, id, &error);

  g_assert_true (bc_store_set_status (f->store, report, "submitted", NULL, &error));
  g_assert_no_error (error);
}

static GPtrArray *
due_on (Fixture    *f,
        const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcCalendar) calendar = bc_calendar_load_default (&error);
  g_autoptr(GPtrArray) templates = g_ptr_array_new ();
  GPtrArray *items;
  GDate today;

  g_assert_true (bc_date_parse (iso, &today));
  g_ptr_array_add (templates, f->district);
  items = bc_due_list (f->store, templates, calendar, &today, &error);
  g_assert_no_error (error);
  return items;
}

/* A district's reports are due on the cut-off day (the 14th): Unit A
 * sent May, Unit B has a draft of May and nothing for April. */
static void
fill (Fixture *f)
{
  create (f, "Huyện A", "2024-03-15", "2024-04-14");
  submit (f, create (f, "Huyện A", "2024-04-15", "2024-05-14"));
  create (f, "Huyện B", "2024-02-15", "2024-03-14");
  create (f, "Huyện B", "2024-04-15", "2024-05-14");
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  BcDueItem *item;

  fill (f);
  /* 10/06/2024: May's period ended on 14/05 (a Tuesday), its deadline. */
  items = due_on (f, "2024-06-10");
  /* Late first: B's April (not started), B's May (draft), B's March
   * (draft); then A's March is owed too; A's May was sent. */
  g_assert_cmpuint (items->len, >=, 4);
  item = items->pdata[0];
  g_assert_cmpint (bc_due_item_state (item), ==, BC_DUE_LATE);
  g_assert_cmpint (bc_due_worst (items), ==, BC_DUE_LATE);
  for (guint i = 0; i < items->len; i++)
    {
      item = items->pdata[i];
      g_test_message ("%s %s %s %s %d %d", item->unit, item->period_to, item->status, item->deadline,
                      item->working_days_left, item->days_late);
      if (g_str_equal (item->unit, "Huyện B") && g_str_equal (item->period_to, "2024-04-14"))
        {
          g_assert_cmpstr (item->status, ==, "");
          g_assert_cmpint (item->report_id, ==, 0);
        }
      if (g_str_equal (item->unit, "Huyện A") && g_str_equal (item->period_to, "2024-05-14"))
        {
          g_assert_cmpstr (item->status, ==, "submitted");
          g_assert_cmpint (bc_due_item_state (item), ==, BC_DUE_NOTHING);
          g_assert_cmpstr (item->deadline, ==, "2024-05-14");
          g_assert_cmpint (item->days_late, ==, 27);
        }
    }
}

/* The day a period ends, its report is due soon, not late; a template
 * that gives days after the cut-off counts working days, over Tết. */
static void
test_soon (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  BcDueItem *item = NULL;

  create (f, "Huyện A", "2024-01-15", "2024-02-14");
  items = due_on (f, "2024-02-14");
  /* 14/02/2024 is a Tết day off: due the next working day, 15/02. */
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((BcDueItem *) items->pdata[i])->period_to, "2024-02-14"))
      item = items->pdata[i];
  g_assert_nonnull (item);
  g_assert_cmpstr (item->deadline, ==, "2024-02-15");
  g_assert_cmpint (item->working_days_left, ==, 1);
  g_assert_cmpint (bc_due_item_state (item), ==, BC_DUE_SOON);
}

typedef struct
{
  int   status;
  char *out;
} Result;

static Result
run_due (Fixture    *f,
         const char *today,
         gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "LC_ALL", "C", TRUE);
  const char *argv[] = { g_getenv ("BAOCAO_BIN"), "due", "--library", f->library, "--today", today,
                         json ? "--json" : NULL, NULL };
  Result r = { 0 };
  int wait_status;

  env = g_environ_unsetenv (env, "DISPLAY");
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &r.out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r.status = WEXITSTATUS (wait_status);
  return r;
}

/* 0 nothing owed within a working week, 1 due soon, 2 late, 64 bad
 * arguments; the JSON names every report with its state. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Result r;
  JsonArray *array;
  gint64 id = create (f, "Huyện A", "2024-04-15", "2024-05-14");

  g_clear_object (&f->store);
  /* 01/05: May's report is due on 14/05, 8 working days away; April's
   * period is before A's first report: nothing is owed yet. */
  r = run_due (f, "01/05/2024", FALSE);
  g_assert_cmpint (r.status, ==, 0);
  g_free (r.out);
  r = run_due (f, "14/05/2024", FALSE);   /* May's deadline is today */
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "soon\tHuyện A\t15/04/2024–14/05/2024"));
  g_free (r.out);
  r = run_due (f, "20/05/2024", TRUE);    /* four working days late */
  g_assert_cmpint (r.status, ==, 2);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  {
    JsonObject *o = json_array_get_object_element (array, 0);
    g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "late");
    g_assert_cmpstr (json_object_get_string_member (o, "deadline"), ==, "2024-05-14");
    g_assert_cmpint (json_object_get_int_member (o, "report"), ==, id);
    g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "draft");
    g_assert_cmpint (json_object_get_int_member (o, "days_late"), ==, 6);
  }
  g_free (r.out);
  r = run_due (f, "31/02/2024", FALSE);
  g_assert_cmpint (r.status, ==, 64);
  g_free (r.out);
}

static const BcDueItem *
find_item (GPtrArray  *items,
           const char *unit,
           const char *period_to)
{
  for (guint i = 0; i < items->len; i++)
    {
      const BcDueItem *item = items->pdata[i];
      if (g_str_equal (item->unit, unit) && g_str_equal (item->period_to, period_to))
        return item;
    }
  return NULL;
}

static const BcDueItem *
assert_not_started (GPtrArray  *items,
                    const char *unit,
                    const char *period_to,
                    BcDueState  state)
{
  const BcDueItem *item = find_item (items, unit, period_to);

  g_assert_nonnull (item);
  g_assert_cmpint (item->report_id, ==, 0);
  g_assert_cmpstr (item->status, ==, "");
  g_assert_cmpint (bc_due_item_state (item), ==, state);
  return item;
}

/* Before any report: the office owes this month's report (due within a
 * week) and last month's (late); and in a province's library, each unit
 * on its list owes its own, "Thị xã" writing a district's template. A
 * year's report is owed for a month after its deadline, not longer: it
 * may have been written before the library. */
static void
test_not_started (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcOffice) office = bc_office_new ("Ninh Hải", "huyện", &error);
  g_autoptr(BcTemplate) annual = bc_test_load_template ("district-annual");
  g_autoptr(BcTemplate) province = bc_test_load_template ("province-monthly");
  g_autoptr(BcCalendar) calendar = bc_calendar_load_default (&error);
  g_autoptr(GPtrArray) templates = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *units[] = { "Huyện A", "Thị xã B", NULL };
  const BcDueItem *item;
  JsonArray *array;
  gboolean found = FALSE;
  Result r;
  GDate today;

  g_assert_true (bc_store_add_office (f->store, office, &error));
  g_assert_no_error (error);
  g_ptr_array_add (templates, f->district);
  g_ptr_array_add (templates, annual);
  g_ptr_array_add (templates, province);
  g_assert_true (bc_date_parse ("2024-06-10", &today));

  items = bc_due_list (f->store, templates, calendar, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  assert_not_started (items, "Huyện Ninh Hải", "2024-06-14", BC_DUE_SOON);
  assert_not_started (items, "Huyện Ninh Hải", "2024-05-14", BC_DUE_LATE);
  g_assert_cmpint (find_item (items, "Huyện Ninh Hải", "2024-05-14")->days_late, ==, 27);
  g_assert_cmpint (find_item (items, "Huyện Ninh Hải", "2024-06-14")->working_days_left, ==, 4);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The units that report to the library; A has a draft of May. */
  g_assert_true (bc_store_set_reporting_units (f->store, units, &error));
  g_assert_no_error (error);
  create (f, "Huyện A", "2024-04-15", "2024-05-14");
  items = bc_due_list (f->store, templates, calendar, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 6);
  assert_not_started (items, "Thị xã B", "2024-05-14", BC_DUE_LATE);
  assert_not_started (items, "Thị xã B", "2024-06-14", BC_DUE_SOON);
  assert_not_started (items, "Huyện A", "2024-06-14", BC_DUE_SOON);
  item = find_item (items, "Huyện A", "2024-05-14");
  g_assert_cmpstr (item->status, ==, "draft");
  g_assert_cmpint (bc_due_item_state (items->pdata[0]), ==, BC_DUE_LATE);

  /* 20/07: the office owes the month that ended on Sunday 14/07 (due
   * on Monday), late, not the one before. */
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_true (bc_date_parse ("2024-07-20", &today));
  items = bc_due_list (f->store, templates, calendar, &today, &error);
  g_assert_no_error (error);
  g_assert_null (find_item (items, "Huyện Ninh Hải", "2024-06-14"));
  item = assert_not_started (items, "Huyện Ninh Hải", "2024-07-14", BC_DUE_LATE);
  g_assert_cmpstr (item->deadline, ==, "2024-07-15");
  g_assert_null (find_item (items, "Huyện Ninh Hải", "2023-12-14"));   /* the year 2023, long ended */

  /* 10/01/2025: the year that ended on 14/12/2024 is owed, late. */
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_true (bc_date_parse ("2025-01-10", &today));
  items = bc_due_list (f->store, templates, calendar, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      item = items->pdata[i];
      if (g_str_equal (item->template_id, "district-annual"))
        break;
      item = NULL;
    }
  g_assert_nonnull (item);
  g_assert_cmpstr (item->period_to, ==, "2024-12-14");
  g_assert_cmpint (item->report_id, ==, 0);
  g_assert_cmpint (bc_due_item_state (item), ==, BC_DUE_LATE);

  /* The same from the command line. */
  g_clear_object (&f->store);
  r = run_due (f, "10/06/2024", FALSE);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.out, "late\tThị xã B\t15/04/2024–14/05/2024\tnot started\t14/05/2024\t27 days late\n"));
  g_assert_nonnull (strstr (r.out, "soon\tHuyện Ninh Hải\t15/05/2024–14/06/2024\tnot started\t14/06/2024\t4 working days left\n"));
  g_free (r.out);
  r = run_due (f, "10/06/2024", TRUE);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_true (json_parser_load_from_data (parser, r.out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (!g_str_equal (json_object_get_string_member (o, "unit"), "Thị xã B")
          || !g_str_equal (json_object_get_string_member (o, "period_to"), "2024-05-14"))
        continue;
      found = TRUE;
      g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "late");
      g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "not_started");
      g_assert_true (json_object_get_null_member (o, "report"));
      g_assert_cmpstr (json_object_get_string_member (o, "deadline"), ==, "2024-05-14");
      g_assert_cmpint (json_object_get_int_member (o, "days_late"), ==, 27);
    }
  g_assert_true (found);
  g_free (r.out);
}

/* How late or how near, numbers the Vietnamese way (a window said
 * "trễ 1084 ngày"). The test runs in the C locale: English words. */
static void
test_describe_when (void)
{
  BcDueItem late = { .days_late = 1084, .working_days_left = -700 };
  BcDueItem near = { .working_days_left = 3 };
  BcDueItem today = { 0 };
  g_autofree char *late_text = bc_due_item_describe_when (&late);
  g_autofree char *near_text = bc_due_item_describe_when (&near);
  g_autofree char *today_text = bc_due_item_describe_when (&today);

  g_assert_cmpstr (late_text, ==, "1.084 days late");
  g_assert_cmpstr (near_text, ==, "3 working days left");
  g_assert_cmpstr (today_text, ==, "due today");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/due/list", test_list);
  ADD ("/bc/due/soon", test_soon);
  ADD ("/bc/due/cli", test_cli);
  ADD ("/bc/due/not-started", test_not_started);
#undef ADD
  g_test_add_func ("/bc/due/describe-when", test_describe_when);

  return g_test_run ();
}

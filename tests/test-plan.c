/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan followed month by month: the follow-up filled from the plan in
 * force, statuses carried to the next period, the finding of a task due
 * and not done, and a task's history across a year of reports. */
#include <string.h>

#include "bc-checker.h"
#include "bc-finding.h"
#include "bc-followup.h"
#include "bc-keys.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-store-followup.h"
#include "bc-template.h"
#include "bc-test-utils.h"

#define PROVINCE "Tỉnh Bà Rịa - Vũng Tàu"
#define SECTION "plan_followup"

typedef struct
{
  char       *dir;
  BcStore    *store;
  BcReport   *plan;
  BcTemplate *monthly;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_getenv ("BAOCAO_DATADIR"), "samples", "annual-plan-2024.json", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  f->dir = bc_test_mkdtemp ();
  f->store = bc_test_open_store (f->dir, "library.db");
  id = bc_store_import_json_file (f->store, path, &error);
  g_assert_no_error (error);
  f->plan = bc_store_open_report (f->store, id, &error);
  g_assert_no_error (error);
  f->monthly = bc_test_load_template ("province-monthly");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_unref (f->monthly);
  g_object_unref (f->plan);
  g_object_unref (f->store);
  bc_test_rmdir (f->dir);
  g_free (f->dir);
}

static BcReport *
new_report (Fixture    *f,
            BcTemplate *template,
            const char *unit,
            const char *from,
            const char *to)
{
  g_autoptr(GError) error = NULL;
  BcReport *report = bc_store_create_report (f->store, template, unit, from, to, &error);

  g_assert_no_error (error);
  return report;
}

static GPtrArray *
tasks_of (BcReport *report)
{
  const BcSection *section = bc_followup_find_section (bc_report_get_template (report));

  g_assert_nonnull (section);
  return bc_followup_tasks (report, section);
}

/* The follow-up's item for the plan's task @ref, or NULL. */
static const BcFollowupTask *
task_for (GPtrArray  *tasks,
          const char *ref)
{
  for (guint i = 0; i < tasks->len; i++)
    if (g_str_equal (((BcFollowupTask *) tasks->pdata[i])->ref, ref))
      return tasks->pdata[i];
  return NULL;
}

static void
set_task (BcStore    *store,
          BcReport   *report,
          const char *ref,
          const char *field,
          const char *value)
{
  g_autoptr(GPtrArray) tasks = tasks_of (report);
  const BcFollowupTask *task = task_for (tasks, ref);
  g_autofree char *key = NULL;
  const char *kv[] = { NULL, value, NULL };

  g_assert_nonnull (task);
  key = bc_key_item_field (SECTION, task->item, field);
  kv[0] = key;
  bc_test_set_values (store, report, kv);
}

static guint
count_rule (GPtrArray  *findings,
            const char *rule,
            const char *location)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (bc_finding_get_rule (findings->pdata[i]), rule)
        && (location == NULL || g_str_equal (bc_finding_get_location (findings->pdata[i]), location)))
      n++;
  return n;
}

/* The plan's own province follows all its 58 tasks (one is told by its
 * section's heading alone), in the plan's order, with the plan's words. */
static void
test_fill_owner (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BcReport) report = new_report (f, f->monthly, PROVINCE, "2024-05-21", "2024-06-20");
  g_autoptr(GPtrArray) tasks = tasks_of (report);
  const BcFollowupTask *first = tasks->pdata[0];
  const BcFollowupTask *heading_only = task_for (tasks, "sec/specific_communication/t1");

  g_assert_cmpuint (tasks->len, ==, 58);
  g_assert_cmpstr (first->ref, ==, "sec/common_tasks/t1");
  g_assert_cmpstr (first->content, ==, bc_report_get (f->plan, "sec/common_tasks/t1/content"));
  g_assert_cmpstr (first->deadline_text, ==, "thường xuyên trong năm 2024 và các năm tiếp theo");
  g_assert_cmpint (first->deadline.kind, ==, BC_DEADLINE_ONGOING);
  g_assert_cmpint (first->status, ==, BC_TASK_NOT_STARTED);
  g_assert_nonnull (heading_only);
  g_assert_cmpstr (heading_only->lead, !=, "");
  g_assert_cmpstr (bc_report_get (report, "sec/" SECTION "/plan"), ==, bc_report_get_uuid (f->plan));
  /* Named in the change log, comments and findings as a task, not a paragraph. */
  {
    g_autofree char *status = bc_key_describe (report, "sec/" SECTION "/t1/status");
    g_autofree char *plan = bc_key_describe (report, "sec/" SECTION "/plan");

    g_assert_true (g_str_has_prefix (status, "10. Tiến độ thực hiện"));
    g_assert_true (g_str_has_suffix (status, " · Task 1 · Status"));
    g_assert_true (g_str_has_suffix (plan, " · Plan followed"));
  }
}

/* Another office follows the tasks whose lead or cooperating agencies
 * name it, or name every unit of its level. */
static void
test_fill_office (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BcReport) justice = new_report (f, f->monthly, "Sở Tư pháp", "2024-05-21", "2024-06-20");
  g_autoptr(GPtrArray) tasks = tasks_of (justice);
  g_autoptr(BcTemplate) district = bc_test_load_template ("district-monthly");
  g_autoptr(BcReport) chau_duc = new_report (f, district, "Huyện Châu Đức", "2024-05-15", "2024-06-14");
  g_autoptr(GPtrArray) local = tasks_of (chau_duc);

  g_assert_cmpuint (tasks->len, >, 0);
  g_assert_cmpuint (tasks->len, <, 58);
  /* Led by Sở Tư pháp; then one led by Sở Tài chính, cooperated by "các sở". */
  g_assert_nonnull (task_for (tasks, "sec/specific_legal/t2"));
  for (guint i = 0; i < tasks->len; i++)
    {
      const BcFollowupTask *task = tasks->pdata[i];
      g_autofree char *key = g_strconcat (task->ref, "/cooperating", NULL);
      g_autofree char *both = g_strconcat (task->lead, " ", bc_report_get (f->plan, key), NULL);
      g_autofree char *text = g_utf8_strdown (both, -1);

      g_assert_true (strstr (text, "tư pháp") != NULL || strstr (text, "các sở") != NULL);
    }
  g_assert_cmpuint (local->len, >, 0);
  for (guint i = 0; i < local->len; i++)
    {
      const BcFollowupTask *task = local->pdata[i];
      g_autofree char *key = g_strconcat (task->ref, "/cooperating", NULL);
      g_autofree char *both = g_strconcat (task->lead, " ", bc_report_get (f->plan, key), NULL);
      g_autofree char *text = g_utf8_strdown (both, -1);

      g_assert_true (strstr (text, "địa phương") != NULL || strstr (text, "huyện") != NULL);
    }
}

/* No plan in force: the section holds nothing and prints nothing, and the
 * report is what it was before follow-ups existed. */
static void
test_no_plan (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BcReport) report = new_report (f, f->monthly, PROVINCE, "2023-05-21", "2023-06-20");
  const BcSection *section = bc_followup_find_section (f->monthly);
  GHashTableIter iter;
  const char *key;

  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    g_assert_false (g_str_has_prefix (key, "sec/" SECTION "/"));
  g_assert_false (bc_report_section_has_content (report, section));
}

/* June's statuses are July's to start from, through "next" and through a
 * report made afresh; a done task stays done. A new year without its
 * plan follows nothing. */
static void
test_carry (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BcReport) june = new_report (f, f->monthly, PROVINCE, "2024-05-21", "2024-06-20");
  g_autoptr(BcReport) july = NULL;
  g_autoptr(BcReport) august = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  const BcFollowupTask *task;

  set_task (f->store, june, "sec/common_tasks/t1", "status", "done");
  set_task (f->store, june, "sec/common_tasks/t1", "date", "2024-06-03");
  set_task (f->store, june, "sec/common_tasks/t2", "status", "in_progress");
  set_task (f->store, june, "sec/common_tasks/t2", "note", "Đã số hóa 60% hồ sơ");
  set_task (f->store, june, "sec/specific_legal/t1", "status", "not_done");
  july = bc_store_duplicate_next (f->store, june, NULL, &error);
  g_assert_no_error (error);
  tasks = tasks_of (july);
  g_assert_cmpuint (tasks->len, ==, 58);
  task = task_for (tasks, "sec/common_tasks/t1");
  g_assert_cmpint (task->status, ==, BC_TASK_DONE);
  g_assert_cmpstr (task->date, ==, "2024-06-03");
  task = task_for (tasks, "sec/common_tasks/t2");
  g_assert_cmpint (task->status, ==, BC_TASK_IN_PROGRESS);
  g_assert_cmpstr (task->note, ==, "Đã số hóa 60% hồ sơ");
  g_assert_cmpint (task_for (tasks, "sec/specific_legal/t1")->status, ==, BC_TASK_NOT_DONE);
  g_assert_cmpint (task_for (tasks, "sec/common_tasks/t3")->status, ==, BC_TASK_NOT_STARTED);

  set_task (f->store, july, "sec/common_tasks/t2", "status", "done");
  august = new_report (f, f->monthly, PROVINCE, "2024-07-21", "2024-08-20");
  fresh = tasks_of (august);
  g_assert_cmpint (task_for (fresh, "sec/common_tasks/t1")->status, ==, BC_TASK_DONE);
  g_assert_cmpint (task_for (fresh, "sec/common_tasks/t2")->status, ==, BC_TASK_DONE);
}

static void
test_new_year (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BcReport) december = new_report (f, f->monthly, PROVINCE, "2024-11-21", "2024-12-20");
  g_autoptr(BcReport) january = NULL;
  g_autoptr(GError) error = NULL;

  set_task (f->store, december, "sec/common_tasks/t1", "status", "done");
  january = bc_store_duplicate_next (f->store, december, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_report_get (january, "sec/" SECTION "/order"), ==, "");
  g_assert_cmpstr (bc_report_get (january, "sec/" SECTION "/plan"), ==, "");
}

/* Due on the report's last day and not done: a finding; due the day
 * after: none yet; done: none. */
static void
test_late_boundary (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BcReport) march = new_report (f, f->monthly, PROVINCE, "2024-02-21", "2024-03-20");
  g_autoptr(GPtrArray) tasks = tasks_of (march);
  const char *ref = "sec/common_tasks/t1";
  g_autofree char *location = g_strdup_printf ("sec/" SECTION "/%s/status", task_for (tasks, ref)->item);
  static const struct
  {
    const char *deadline;
    const char *status;
    guint       findings;
  } cases[] = {
    { "20/03/2024", "", 1 },
    { "21/03/2024", "", 0 },
    { "20/03/2024", "in_progress", 1 },
    { "20/03/2024", "done", 0 },
    { "tháng 2 năm 2024", "", 1 },
    { "tháng 3 năm 2024", "", 0 },
    { "Quý I/2024", "", 0 },
    { "Thường xuyên", "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      set_task (f->store, march, ref, "deadline", cases[i].deadline);
      set_task (f->store, march, ref, "status", cases[i].status);
      findings = bc_check_report (march, NULL);
      g_assert_cmpuint (count_rule (findings, "plan.task_late", location), ==, cases[i].findings);
    }
  /* Not done needs its reason, which the annual report prints. */
  {
    g_autofree char *note = g_strdup_printf ("sec/" SECTION "/%s/note", task_for (tasks, ref)->item);
    g_autoptr(GPtrArray) findings = NULL;

    set_task (f->store, march, ref, "deadline", "20/03/2024");
    set_task (f->store, march, ref, "status", "not_done");
    findings = bc_check_report (march, NULL);
    g_assert_cmpuint (count_rule (findings, "plan.task_not_done", location), ==, 1);
    g_assert_cmpuint (count_rule (findings, "plan.reason_missing", note), ==, 1);
  }
}

/* Every deadline of the sample plan is read; one that cannot be is kept
 * as written and flagged, in the plan and in the follow-up. */
static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) before = bc_check_report (f->plan, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) monthly_findings = NULL;
  g_autoptr(BcReport) june = NULL;
  const char *kv[] = { "sec/common_tasks/t4/deadline", "khi nào xong thì thôi", NULL };

  g_assert_cmpuint (count_rule (before, "plan.deadline_unreadable", NULL), ==, 0);
  bc_test_set_values (f->store, f->plan, kv);
  after = bc_check_report (f->plan, NULL);
  g_assert_cmpuint (count_rule (after, "plan.deadline_unreadable", "sec/common_tasks/t4/deadline"), ==, 1);
  g_assert_cmpstr (bc_report_get (f->plan, "sec/common_tasks/t4/deadline"), ==, "khi nào xong thì thôi");
  june = new_report (f, f->monthly, PROVINCE, "2024-05-21", "2024-06-20");
  monthly_findings = bc_check_report (june, NULL);
  g_assert_cmpuint (count_rule (monthly_findings, "plan.deadline_unreadable", NULL), ==, 1);
}

/* Twelve monthly reports, each by its own clerk: task t1 starts in
 * March, is done in August, and a later report saying otherwise does not
 * undo it; the history lists every month in order with who said what. */
static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  static const char * const statuses[12] = {
    "", "", "in_progress", "in_progress", "in_progress", "in_progress", "in_progress",
    "done", "done", "in_progress", "done", "in_progress",
  };
  g_autoptr(BcReport) month = new_report (f, f->monthly, PROVINCE, "2023-12-21", "2024-01-20");
  g_autoptr(GPtrArray) plan_tasks = NULL;
  g_autoptr(GError) error = NULL;
  const BcPlanTask *t1 = NULL;
  GDate today;
  gint64 start = g_get_monotonic_time ();

  for (guint m = 0; m < 12; m++)
    {
      g_autofree char *actor = g_strdup_printf ("Cán bộ %u", m + 1);

      bc_store_set_actor (f->store, actor);
      if (*statuses[m])
        set_task (f->store, month, "sec/common_tasks/t1", "status", statuses[m]);
      if (m == 7)
        set_task (f->store, month, "sec/common_tasks/t1", "date", "2024-08-10");
      if (m < 11)
        {
          BcReport *next = bc_store_duplicate_next (f->store, month, NULL, &error);

          g_assert_no_error (error);
          g_object_unref (month);
          month = next;
        }
    }
  g_date_set_dmy (&today, 1, 12, 2024);
  plan_tasks = bc_store_plan_status (f->store, f->plan, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan_tasks->len, ==, 58);
  for (guint i = 0; i < plan_tasks->len; i++)
    if (g_str_equal (((BcPlanTask *) plan_tasks->pdata[i])->ref, "sec/common_tasks/t1"))
      t1 = plan_tasks->pdata[i];
  g_assert_nonnull (t1);
  g_assert_cmpuint (t1->history->len, ==, 12);
  for (guint m = 0; m < 12; m++)
    {
      const BcPlanEntry *entry = t1->history->pdata[m];
      g_autofree char *actor = g_strdup_printf ("Cán bộ %u", m + 1);
      g_autofree char *to = g_strdup_printf ("%04u-%02u-20", m == 0 ? 2024 : 2024, m + 1);

      g_assert_cmpstr (entry->period_to, ==, to);
      g_assert_cmpstr (entry->unit, ==, PROVINCE);
      g_assert_cmpstr (bc_task_status_to_string (entry->status), ==, *statuses[m] ? statuses[m] : "not_started");
      /* Who set it; a status carried over was set by an earlier clerk. */
      if (*statuses[m] && (m == 0 || !g_str_equal (statuses[m], statuses[m - 1])))
        g_assert_cmpstr (entry->actor, ==, actor);
    }
  g_assert_cmpint (t1->status, ==, BC_TASK_DONE);
  g_assert_cmpstr (t1->date, ==, "2024-08-10");
  g_assert_false (t1->overdue);
  /* Overdue first: due before 01/12/2024 and not done, the longest overdue first. */
  g_assert_true (((BcPlanTask *) plan_tasks->pdata[0])->overdue);
  for (guint i = 1; i < plan_tasks->len; i++)
    {
      const BcPlanTask *a = plan_tasks->pdata[i - 1];
      const BcPlanTask *b = plan_tasks->pdata[i];

      g_assert_true (a->overdue || !b->overdue);
      if (a->overdue && b->overdue)
        g_assert_cmpint (g_date_compare (&a->deadline.due, &b->deadline.due), <=, 0);
    }
  g_assert_cmpint (g_get_monotonic_time () - start, <, bc_test_time_budget (20 * G_USEC_PER_SEC));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bc/plan/fill/owner", test_fill_owner);
  ADD ("/bc/plan/fill/office", test_fill_office);
  ADD ("/bc/plan/fill/no-plan", test_no_plan);
  ADD ("/bc/plan/carry/next-period", test_carry);
  ADD ("/bc/plan/carry/new-year", test_new_year);
  ADD ("/bc/plan/check/late-boundary", test_late_boundary);
  ADD ("/bc/plan/check/unreadable-deadline", test_unreadable);
  ADD ("/bc/plan/history/twelve-months", test_history);
#undef ADD
  return g_test_run ();
}

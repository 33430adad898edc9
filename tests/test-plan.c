/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan followed month by month: the follow-up filled from the plan in
 * force, statuses carried to the next period, the finding of a task due
 * and not done, and a task's history across a year of reports. */
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "bc-checker.h"
#include "bc-export.h"
#include "bc-finding.h"
#include "bc-followup.h"
#include "bc-keys.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-store-followup.h"
#include "bc-store-rollup.h"
#include "bc-template.h"
#include "bc-xlsx.h"
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

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
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

/* The refs of a follow-up's tasks, sorted, ", "-joined. */
static char *
refs_of (GPtrArray *tasks)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();

  for (guint i = 0; i < tasks->len; i++)
    g_ptr_array_add (refs, ((BcFollowupTask *) tasks->pdata[i])->ref);
  g_ptr_array_sort (refs, compare_strings);
  g_ptr_array_add (refs, NULL);
  return g_strjoinv (", ", (char **) refs->pdata);
}

/* Seed 004, a province's plan of 58 tasks, nearly every one with "các
 * sở, ban, ngành, địa phương" among its agencies. Each office follows
 * the tasks its words give it (docs/template-format.md, "Which tasks an
 * office follows"), and no more: */
static void
test_fill_office (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BcTemplate) district = bc_test_load_template ("district-monthly");
  static const struct
  {
    const char *unit;
    guint       n;
    const char *refs;
  } offices[] = {
    /* A district, one of the plan's "địa phương" (it goes to "UBND các
     * huyện, thị xã, thành phố"): the 10 common tasks and 13 of the 14
     * administrative ones name every sở, ban, ngành, địa phương (as
     * cooperating or, "Các sở, ban, ngành, địa phương triển khai thực
     * hiện", as lead; admin t14's lead is "UBND các huyện, thị xã, thành
     * phố"); economy t2 and t3 the same; the district level is named in
     * digital citizen t1-t3 ("Tổ công tác … cấp huyện, cấp xã"), economy
     * t5 ("UBND cấp huyện có liên quan") and ecosystem t10 ("Ủy ban nhân
     * dân cấp huyện, cấp xã"). The 23 whose list is "… địa phương (có)
     * liên quan" are the concerned ones' only, which the plan leaves to
     * the lead; admin t3 and economy t1, t4 name no locality. */
    { "Huyện Châu Đức", 30,
      "sec/common_tasks/t1, sec/common_tasks/t10, sec/common_tasks/t2, sec/common_tasks/t3, "
      "sec/common_tasks/t4, sec/common_tasks/t5, sec/common_tasks/t6, sec/common_tasks/t7, "
      "sec/common_tasks/t8, sec/common_tasks/t9, sec/specific_admin_services/t1, "
      "sec/specific_admin_services/t10, sec/specific_admin_services/t11, sec/specific_admin_services/t12, "
      "sec/specific_admin_services/t13, sec/specific_admin_services/t14, sec/specific_admin_services/t2, "
      "sec/specific_admin_services/t4, sec/specific_admin_services/t5, sec/specific_admin_services/t6, "
      "sec/specific_admin_services/t7, sec/specific_admin_services/t8, sec/specific_admin_services/t9, "
      "sec/specific_digital_citizen/t1, sec/specific_digital_citizen/t2, sec/specific_digital_citizen/t3, "
      "sec/specific_economy/t2, sec/specific_economy/t3, sec/specific_economy/t5, sec/specific_ecosystem/t10" },
    /* A commune is no "địa phương" of a province's plan (it does not go
     * to communes): only the tasks naming "cấp xã". */
    { "Xã Ngãi Giao", 4,
      "sec/specific_digital_citizen/t1, sec/specific_digital_citizen/t2, sec/specific_digital_citizen/t3, "
      "sec/specific_ecosystem/t10" },
    /* A department: the same catch-all's "các sở" (26), the four it leads
     * (ecosystem t6, leadership t5, legal t4) and legal t1's "các sở: Tư
     * pháp, Xây dựng, …". */
    { "Sở Tư pháp", 31, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (offices); i++)
    {
      gboolean department = offices[i].unit[0] == 'S';
      g_autoptr(BcReport) report = new_report (f, department ? f->monthly : district, offices[i].unit,
                                               department ? "2024-05-21" : "2024-05-15",
                                               department ? "2024-06-20" : "2024-06-14");
      g_autoptr(GPtrArray) tasks = tasks_of (report);
      g_autofree char *refs = refs_of (tasks);

      if (offices[i].refs != NULL)
        g_assert_cmpstr (refs, ==, offices[i].refs);
      g_assert_cmpuint (tasks->len, ==, offices[i].n);
    }
  {
    g_autoptr(BcReport) justice = new_report (f, f->monthly, "Sở Tư pháp", "2024-06-21", "2024-07-20");
    g_autoptr(GPtrArray) tasks = tasks_of (justice);

    g_assert_nonnull (task_for (tasks, "sec/specific_ecosystem/t6"));
    g_assert_nonnull (task_for (tasks, "sec/specific_legal/t1"));
    g_assert_nonnull (task_for (tasks, "sec/specific_legal/t4"));
    g_assert_null (task_for (tasks, "sec/specific_legal/t2"));
    g_assert_null (task_for (tasks, "sec/specific_digital_citizen/t1"));
  }
}

/* The rule on words no seed has. */
static void
test_concerns (void)
{
  static const struct
  {
    const char *unit;
    const char *plan;
    const char *lead;
    const char *cooperating;
    gboolean    concerns;
  } cases[] = {
    { "Huyện Châu Đức", PROVINCE, "UBND các huyện, thị xã, thành phố", "", TRUE },
    { "UBND huyện Châu Đức", PROVINCE, "UBND cấp huyện", "", TRUE },
    { "Huyện Châu Đức", PROVINCE, "Sở Nội vụ", "UBND huyện Châu Đức", TRUE },
    { "Huyện Châu Đức", PROVINCE, "Sở Nội vụ", "UBND các huyện: Xuyên Mộc, Châu Đức", TRUE },
    { "Huyện Châu Đức", PROVINCE, "Sở Nội vụ", "các sở, ban, ngành, địa phương", TRUE },
    { "Huyện Châu Đức", PROVINCE, "Sở Nội vụ", "các sở, ban, ngành, địa phương liên quan", FALSE },
    { "Huyện Châu Đức", PROVINCE, "Sở Nội vụ", "các địa phương có liên quan", FALSE },
    { "Huyện Châu Đức", PROVINCE, "Sở Nội vụ", "các sở, ban, ngành, địa phương và các đơn vị có liên quan", TRUE },
    { "Huyện Châu Đức", PROVINCE, "Sở Nội vụ", "Công an tỉnh", FALSE },
    /* The city is not Bà Rịa – Vũng Tàu's newspaper. */
    { "Thành phố Vũng Tàu", PROVINCE, "Báo Bà Rịa – Vũng Tàu", "Sở Nội vụ", FALSE },
    { "Thành phố Vũng Tàu", PROVINCE, "Sở Nội vụ", "các huyện, thị xã, thành phố", TRUE },
    /* A district's own plan: its communes are its "địa phương". */
    { "Xã Suối Nghệ", "Huyện Châu Đức", "Công an huyện", "các cơ quan, đơn vị, địa phương", TRUE },
    { "Xã Suối Nghệ", PROVINCE, "Công an tỉnh", "các cơ quan, đơn vị, địa phương", FALSE },
    { "Xã Suối Nghệ", PROVINCE, "Công an tỉnh", "UBND cấp xã", TRUE },
    /* An agency of a district: its own kind's level only. */
    { "Công an huyện Châu Đức", PROVINCE, "Công an các huyện, thị xã, thành phố", "", TRUE },
    { "Công an huyện Châu Đức", PROVINCE, "UBND cấp huyện", "", FALSE },
    { "Công an huyện Châu Đức", PROVINCE, "Sở Nội vụ", "các sở, ban, ngành, địa phương", FALSE },
    /* Departments; the dashes of a name however written. */
    { "Sở Lao động - Thương binh và Xã hội", PROVINCE, "Sở Lao động – Thương binh và Xã hội", "", TRUE },
    { "Sở Y tế", PROVINCE, "Sở Tài chính", "các sở: Tư pháp, Xây dựng", FALSE },
    { "Sở Xây dựng", PROVINCE, "Sở Tài chính", "các sở: Tư pháp, Xây dựng", TRUE },
    { "Sở Y tế", PROVINCE, "Sở Tài chính", "các sở, ban, ngành, địa phương", TRUE },
    { "Sở Y tế", PROVINCE, "Sở Tài chính", "các sở, ban, ngành, địa phương có liên quan", FALSE },
    { "", PROVINCE, "các sở, ban, ngành, địa phương", "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean got = bc_followup_concerns (cases[i].unit, cases[i].plan, cases[i].lead, cases[i].cooperating);

      if (got != cases[i].concerns)
        g_error ("%s under %s's plan, lead “%s”, cooperating “%s”: %s", cases[i].unit, cases[i].plan,
                 cases[i].lead, cases[i].cooperating, got ? "follows" : "does not follow");
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

static BcFinding *
find_rule (GPtrArray  *findings,
           const char *rule,
           const char *location)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (bc_finding_get_rule (findings->pdata[i]), rule)
        && g_str_equal (bc_finding_get_location (findings->pdata[i]), location))
      return findings->pdata[i];
  return NULL;
}

/* A task done stays done: June says done; July set back is a finding,
 * and so is August, made from July, whose previous report no longer
 * says done (the library remembers June). Explained, it stays listed as
 * explained; done again, it goes. Another unit's word is not this
 * one's, and a report alone (no library) looks at its previous one. */
static void
test_done_stays_done (Fixture       *f,
                      gconstpointer  data)
{
  const char *ref = "sec/common_tasks/t1";
  g_autoptr(BcReport) june = new_report (f, f->monthly, PROVINCE, "2024-05-21", "2024-06-20");
  g_autoptr(BcReport) july = NULL;
  g_autoptr(BcReport) august = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  BcFinding *finding;

  set_task (f->store, june, ref, "status", "done");
  set_task (f->store, june, ref, "date", "2024-06-03");
  july = bc_store_duplicate_next (f->store, june, NULL, &error);
  g_assert_no_error (error);
  tasks = tasks_of (july);
  location = g_strdup_printf ("sec/" SECTION "/%s/status", task_for (tasks, ref)->item);
  findings = bc_store_check_report (f->store, july, june);
  g_assert_null (find_rule (findings, "plan.done_undone", location));
  g_clear_pointer (&findings, g_ptr_array_unref);

  set_task (f->store, july, ref, "status", "in_progress");
  findings = bc_store_check_report (f->store, july, june);
  finding = find_rule (findings, "plan.done_undone", location);
  g_assert_nonnull (finding);
  g_assert_cmpint (bc_finding_get_severity (finding), ==, BC_SEVERITY_WARNING);
  g_assert_nonnull (strstr (bc_finding_get_message (finding), "21/05/2024 – 20/06/2024 (ngày 03/06/2024)"));
  g_assert_nonnull (strstr (bc_finding_get_message (finding), "“đang thực hiện”"));
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = bc_check_report (july, june);
  g_assert_nonnull (find_rule (findings, "plan.done_undone", location));
  g_clear_pointer (&findings, g_ptr_array_unref);

  august = bc_store_duplicate_next (f->store, july, NULL, &error);
  g_assert_no_error (error);
  findings = bc_store_check_report (f->store, august, july);
  finding = find_rule (findings, "plan.done_undone", location);
  g_assert_nonnull (finding);
  {
    g_autofree char *key = bc_finding_dup_explanation_key (finding);
    const char *kv[] = { key, "Phải nâng cấp lại theo yêu cầu mới của Bộ", NULL };

    bc_test_set_values (f->store, august, kv);
  }
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = bc_store_check_report (f->store, august, july);
  g_assert_true (bc_finding_get_explained (find_rule (findings, "plan.done_undone", location)));
  g_clear_pointer (&findings, g_ptr_array_unref);
  set_task (f->store, august, ref, "status", "done");
  findings = bc_store_check_report (f->store, august, july);
  g_assert_null (find_rule (findings, "plan.done_undone", location));
  g_clear_pointer (&findings, g_ptr_array_unref);

  /* Sở Tư pháp's done is not the province's. */
  {
    g_autoptr(BcReport) justice = new_report (f, f->monthly, "Sở Tư pháp", "2024-05-21", "2024-06-20");
    g_autoptr(BcReport) province = new_report (f, f->monthly, PROVINCE, "2024-09-21", "2024-10-20");
    g_autoptr(GHashTable) done = NULL;

    set_task (f->store, justice, "sec/common_tasks/t2", "status", "done");
    done = bc_store_followup_done_before (f->store, province, &error);
    g_assert_no_error (error);
    g_assert_nonnull (g_hash_table_lookup (done, ref));
    g_assert_null (g_hash_table_lookup (done, "sec/common_tasks/t2"));
    g_assert_cmpuint (g_hash_table_size (done), ==, 1);
  }
}

/* The plan amended after June's report was made (a task added, a
 * deadline moved, a task dropped): June's check says so, the update
 * lists the three changes and takes them, keeping where the other
 * tasks stand, after which nothing is stale. */
static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BcReport) june = new_report (f, f->monthly, PROVINCE, "2024-05-21", "2024-06-20");
  g_autoptr(BcFollowupUpdate) update = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  const char *amend[] = {
    "sec/common_tasks/order", "t1,t2,t3,t5,t6,t7,t8,t9,t10,t11",
    "sec/common_tasks/t11/content", "Rà soát dữ liệu hộ tịch điện tử",
    "sec/common_tasks/t11/lead", "Sở Tư pháp",
    "sec/common_tasks/t11/deadline", "Quý III/2024",
    "sec/common_tasks/t3/deadline", "Quý II/2024",
    "sec/common_tasks/t4/content", "", "sec/common_tasks/t4/lead", "", "sec/common_tasks/t4/cooperating", "",
    "sec/common_tasks/t4/deadline", "",
    NULL,
  };
  BcFinding *stale;
  guint n = 0;
  const BcFollowupTask *task;
  gint64 start;

  set_task (f->store, june, "sec/common_tasks/t1", "status", "done");
  set_task (f->store, june, "sec/common_tasks/t2", "status", "in_progress");
  set_task (f->store, june, "sec/common_tasks/t2", "note", "Đã số hóa 60% hồ sơ");
  findings = bc_store_check_report (f->store, june, NULL);
  g_assert_null (find_rule (findings, "plan.stale", "sec/" SECTION "/plan"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  bc_test_set_values (f->store, f->plan, amend);
  start = g_get_monotonic_time ();
  findings = bc_store_check_report (f->store, june, NULL);
  g_test_message ("check with the plan compared: %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  stale = find_rule (findings, "plan.stale", "sec/" SECTION "/plan");
  g_assert_nonnull (stale);
  g_assert_nonnull (strstr (bc_finding_get_message (stale), "1 nhiệm vụ mới, 1 nhiệm vụ thay đổi, 1 nhiệm vụ không"));
  g_clear_pointer (&findings, g_ptr_array_unref);

  update = bc_store_followup_compare (f->store, june, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (update->changes->len, ==, 3);
  {
    const BcPlanUpdate *changed = update->changes->pdata[0];
    const BcPlanUpdate *added = update->changes->pdata[1];
    const BcPlanUpdate *removed = update->changes->pdata[2];
    g_autofree char *words = bc_followup_update_describe (changed);

    g_assert_cmpint (changed->kind, ==, BC_PLAN_TASK_CHANGED);
    g_assert_cmpstr (changed->ref, ==, "sec/common_tasks/t3");
    g_assert_cmpstr (changed->field, ==, "deadline");
    g_assert_cmpstr (changed->before, ==, "thường xuyên trong năm 2024 và các năm tiếp theo");
    g_assert_cmpstr (changed->after, ==, "Quý II/2024");
    g_assert_nonnull (strstr (words, "“Quý II/2024”"));
    g_assert_cmpint (added->kind, ==, BC_PLAN_TASK_ADDED);
    g_assert_cmpstr (added->ref, ==, "sec/common_tasks/t11");
    g_assert_cmpint (removed->kind, ==, BC_PLAN_TASK_REMOVED);
    g_assert_cmpstr (removed->ref, ==, "sec/common_tasks/t4");
  }
  g_assert_false (update->replaced);

  start = g_get_monotonic_time ();
  g_assert_true (bc_store_followup_update (f->store, june, &n, &error));
  g_test_message ("plan-update: %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  tasks = tasks_of (june);
  g_assert_cmpuint (tasks->len, ==, 58);
  g_assert_cmpint (task_for (tasks, "sec/common_tasks/t1")->status, ==, BC_TASK_DONE);
  task = task_for (tasks, "sec/common_tasks/t2");
  g_assert_cmpint (task->status, ==, BC_TASK_IN_PROGRESS);
  g_assert_cmpstr (task->note, ==, "Đã số hóa 60% hồ sơ");
  g_assert_cmpstr (task_for (tasks, "sec/common_tasks/t3")->deadline_text, ==, "Quý II/2024");
  g_assert_null (task_for (tasks, "sec/common_tasks/t4"));
  task = task_for (tasks, "sec/common_tasks/t11");
  g_assert_nonnull (task);
  g_assert_cmpint (task->status, ==, BC_TASK_NOT_STARTED);
  g_assert_cmpstr (((BcFollowupTask *) tasks->pdata[9])->ref, ==, "sec/common_tasks/t11");

  findings = bc_store_check_report (f->store, june, NULL);
  g_assert_null (find_rule (findings, "plan.stale", "sec/" SECTION "/plan"));
  g_clear_pointer (&update, bc_followup_update_free);
  update = bc_store_followup_compare (f->store, june, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (update->changes->len, ==, 0);
  g_assert_cmpuint (update->keys->len, ==, 0);
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
    /* The plan says it was done: never late. */
    { "tháng 2 năm 2024 (đã hoàn thành tại Công văn số 830/UBND-VP ngày 18/01/2024)", "", 0 },
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
  guint first_set = 0;
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
      /* Who set it; a status carried over was set by an earlier clerk,
       * whom the history names, with the report and the day. */
      if (*statuses[m] && (m == 0 || !g_str_equal (statuses[m], statuses[m - 1])))
        {
          g_assert_cmpstr (entry->actor, ==, actor);
          g_assert_false (entry->carried);
          first_set = m;
        }
      else if (*statuses[m])
        {
          g_autofree char *by = g_strdup_printf ("Cán bộ %u", first_set + 1);
          g_autofree char *set_to = g_strdup_printf ("2024-%02u-20", first_set + 1);
          g_autofree char *words = bc_plan_entry_describe_origin (entry);
          g_autofree char *printed = bc_plan_entry_origin_printed (entry);

          g_assert_cmpstr (entry->actor, ==, "");
          g_assert_true (entry->carried);
          g_assert_cmpstr (entry->set_by, ==, by);
          g_assert_cmpstr (entry->set_period_to, ==, set_to);
          g_assert_cmpstr (entry->set_unit, ==, PROVINCE);
          g_assert_cmpint (entry->set_report_id, ==, ((BcPlanEntry *) t1->history->pdata[first_set])->report_id);
          g_assert_true (g_str_has_prefix (entry->set_at, "20"));
          g_assert_true (g_str_has_prefix (words, by));
          g_assert_nonnull (strstr (words, "/2024"));
          g_assert_true (g_str_has_prefix (printed, by));
          g_assert_nonnull (strstr (printed, "giữ nguyên từ báo cáo kỳ"));
        }
    }
  g_assert_cmpint (t1->status, ==, BC_TASK_DONE);
  g_assert_cmpstr (t1->date, ==, "2024-08-10");
  g_assert_false (t1->overdue);
  /* Task 2.1. (4): "tháng 01 năm 2024 (đã hoàn thành tại Công văn số
   * 830/UBND-VP …)": done as the plan says, never overdue. */
  for (guint i = 0; i < plan_tasks->len; i++)
    {
      const BcPlanTask *task = plan_tasks->pdata[i];

      if (strstr (task->deadline_text, "đã hoàn thành") == NULL)
        continue;
      g_assert_cmpint (task->status, ==, BC_TASK_DONE);
      g_assert_false (task->overdue);
      t1 = NULL;
    }
  g_assert_null (t1);
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

/* The plan's XLSX (11 kB) on a disk that fills up mid-file, at several
 * sizes (RLIMIT_FSIZE in a child): "disk full", the previous file
 * intact. Cut in its last 600 bytes, libxlsxwriter says nothing is
 * wrong: only the package read back (the main exporter's check) finds
 * the file broken. */
static void
test_xlsx_disk_full (Fixture       *f,
                     gconstpointer  data)
{
  static const rlim_t sizes[] = { 1024, 4096, 8192, 10400, 10600, 10800 };

  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) tasks = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (f->dir, "plan.out", NULL);
      GDate today;

      g_date_set_dmy (&today, 1, 7, 2024);
      tasks = bc_store_plan_status (f->store, f->plan, &today, &error);
      g_assert_no_error (error);
      signal (SIGXFSZ, SIG_IGN);
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          struct rlimit limit = { sizes[i], RLIM_INFINITY };
          g_autofree char *contents = NULL;

          g_assert_true (g_file_set_contents (path, "previous", -1, NULL));
          g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
          g_assert_false (bc_xlsx_export_plan_status (f->plan, tasks, path, NULL, &error));
          g_assert_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_NO_SPACE);
          g_clear_error (&error);
          g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "previous");
        }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
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
  g_test_add_func ("/bc/plan/fill/concerns", test_concerns);
  ADD ("/bc/plan/carry/next-period", test_carry);
  ADD ("/bc/plan/carry/new-year", test_new_year);
  ADD ("/bc/plan/check/late-boundary", test_late_boundary);
  ADD ("/bc/plan/check/done-stays-done", test_done_stays_done);
  ADD ("/bc/plan/update/amended", test_update);
  ADD ("/bc/plan/xlsx/disk-full", test_xlsx_disk_full);
  ADD ("/bc/plan/check/unreadable-deadline", test_unreadable);
  ADD ("/bc/plan/history/twelve-months", test_history);
#undef ADD
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bc-deadline.h"
#include "bc-period.h"
#include "bc-test-utils.h"

typedef struct
{
  const char     *text;
  BcDeadlineKind  kind;
  const char     *due;    /* ISO, or NULL: no day */
} Case;

/* Every deadline of seed 004 (the sample plan holds the same words), then
 * the forms other plans use, then words that are no deadline. The plan's
 * year is 2024. */
static const Case cases[] = {
  { "thường xuyên trong năm 2024 và các năm tiếp theo", BC_DEADLINE_ONGOING, NULL },
  { "thường xuyên, theo lộ trình, kế hoạch và hướng dẫn", BC_DEADLINE_ONGOING, NULL },
  { "thường xuyên trong năm 2024", BC_DEADLINE_ONGOING, NULL },
  { "tháng 2 năm 2024", BC_DEADLINE_MONTH, "2024-02-29" },
  { "ngay sau khi có đề nghị của Bộ, ngành trung ương", BC_DEADLINE_ON_REQUEST, NULL },
  { "tháng 01 năm 2024 (đã hoàn thành tại Công văn số 830/UBND-VP ngày 18/01/2024)", BC_DEADLINE_MONTH, "2024-01-31" },
  { "trong năm 2024", BC_DEADLINE_YEAR, "2024-12-31" },
  { "dự kiến tháng 4 năm 2024 (thời gian cụ thể theo văn bản hướng dẫn của Văn phòng Chính phủ)",
    BC_DEADLINE_MONTH, "2024-04-30" },
  { "trong năm 2024 và thực hiện thường xuyên", BC_DEADLINE_YEAR, "2024-12-31" },
  { "trong tháng 3 năm 2024", BC_DEADLINE_MONTH, "2024-03-31" },
  { "tháng 6 năm 2024", BC_DEADLINE_MONTH, "2024-06-30" },
  { "theo hướng dẫn của Bộ, ngành trung ương", BC_DEADLINE_ON_REQUEST, NULL },
  { "thực hiện thường xuyên trong năm 2024", BC_DEADLINE_ONGOING, NULL },
  { "thực hiện thường xuyên", BC_DEADLINE_ONGOING, NULL },
  { "ngay sau khi có hướng dẫn của Bộ, ngành trung ương..", BC_DEADLINE_ON_REQUEST, NULL },
  { "trong tháng 4 năm 2024", BC_DEADLINE_MONTH, "2024-04-30" },
  { "trong Quý III năm 2024", BC_DEADLINE_QUARTER, "2024-09-30" },
  { "thường xuyên năm 2024", BC_DEADLINE_ONGOING, NULL },
  { "thực hiện thường xuyên năm 2024 và theo tiến độ triển khai của Trung ương", BC_DEADLINE_ONGOING, NULL },
  { "quý I năm 2024", BC_DEADLINE_QUARTER, "2024-03-31" },
  { "Thực hiện thường xuyên.", BC_DEADLINE_ONGOING, NULL },
  /* Other ways of writing them. */
  { "Tháng 6/2024", BC_DEADLINE_MONTH, "2024-06-30" },
  { "tháng 12/2024", BC_DEADLINE_MONTH, "2024-12-31" },
  { "THÁNG 12-2024", BC_DEADLINE_MONTH, "2024-12-31" },
  { "Quý I/2024", BC_DEADLINE_QUARTER, "2024-03-31" },
  { "Quý IV/2024", BC_DEADLINE_QUARTER, "2024-12-31" },
  { "quý 2/2024", BC_DEADLINE_QUARTER, "2024-06-30" },
  { "Qúy II năm 2025", BC_DEADLINE_QUARTER, "2025-06-30" },
  { "Trong năm 2024", BC_DEADLINE_YEAR, "2024-12-31" },
  { "Cuối năm 2024", BC_DEADLINE_YEAR, "2024-12-31" },
  { "Thường xuyên", BC_DEADLINE_ONGOING, NULL },
  { "30/6/2024", BC_DEADLINE_DATE, "2024-06-30" },
  { "trước ngày 15/03/2024", BC_DEADLINE_DATE, "2024-03-15" },
  { "trước ngày 31.12.2024", BC_DEADLINE_DATE, "2024-12-31" },
  { "ngày 15 tháng 3 năm 2024", BC_DEADLINE_DATE, "2024-03-15" },
  { "trước ngày 20/11", BC_DEADLINE_DATE, "2024-11-20" },
  { "6 tháng đầu năm 2024", BC_DEADLINE_HALF, "2024-06-30" },
  { "6 tháng cuối năm", BC_DEADLINE_HALF, "2024-12-31" },
  { "tháng 9", BC_DEADLINE_MONTH, "2024-09-30" },
  { "Tha\xcc\x81ng 6/2024", BC_DEADLINE_MONTH, "2024-06-30" },   /* decomposed á */
  { "  ", BC_DEADLINE_NONE, NULL },
  { "", BC_DEADLINE_NONE, NULL },
  /* No deadline Baocao can read: kept and flagged. */
  { "tháng 13/2024", BC_DEADLINE_UNREADABLE, NULL },
  { "quý V/2024", BC_DEADLINE_UNREADABLE, NULL },
  { "Quý 5 năm 2024", BC_DEADLINE_UNREADABLE, NULL },
  { "31/02/2024", BC_DEADLINE_UNREADABLE, NULL },
  { "asdf qwerty", BC_DEADLINE_UNREADABLE, NULL },
  { "sớm nhất có thể", BC_DEADLINE_UNREADABLE, NULL },
  { "năm 24", BC_DEADLINE_UNREADABLE, NULL },
  { "\xff\xfe tháng", BC_DEADLINE_UNREADABLE, NULL },
  { "tháng 0/2024", BC_DEADLINE_UNREADABLE, NULL },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  BcDeadline deadline;
  gboolean readable = bc_deadline_parse (c->text, 2024, &deadline);

  g_assert_cmpstr (bc_deadline_kind_to_string (deadline.kind), ==, bc_deadline_kind_to_string (c->kind));
  g_assert_cmpint (readable, ==, c->kind != BC_DEADLINE_UNREADABLE);
  g_assert_cmpint (bc_deadline_has_due (&deadline), ==, c->due != NULL);
  if (c->due != NULL)
    {
      g_autofree char *due = bc_date_to_iso (&deadline.due);

      g_assert_cmpstr (due, ==, c->due);
      g_assert_cmpint (g_date_compare (&deadline.first, &deadline.due), <=, 0);
    }
}

/* A month or quarter without its year is unreadable when there is no plan
 * year to take it from. */
static void
test_no_year (void)
{
  BcDeadline deadline;

  g_assert_false (bc_deadline_parse ("tháng 9", 0, &deadline));
  g_assert_cmpint (deadline.kind, ==, BC_DEADLINE_UNREADABLE);
  g_assert_true (bc_deadline_parse ("quý III/2023", 0, &deadline));
  g_assert_cmpint (g_date_get_year (&deadline.due), ==, 2023);
}

static void
test_describe (void)
{
  static const char * const texts[][2] = {
    { "Quý IV/2024", "quarter IV/2024" },
    { "tháng 6 năm 2024", "month 6/2024" },
    { "trong năm 2024", "year 2024" },
    { "30/6/2024", "30/06/2024" },
    { "6 tháng đầu năm 2024", "first half of 2024" },
    { "thường xuyên", "ongoing" },
    { "theo hướng dẫn của Bộ", "when requested" },
    { "??", "unreadable" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      BcDeadline deadline;
      g_autofree char *text = NULL;

      bc_deadline_parse (texts[i][0], 2024, &deadline);
      text = bc_deadline_describe (&deadline);
      g_assert_cmpstr (text, ==, texts[i][1]);
    }
}

/* A paragraph pasted into the deadline: read quickly, its start only. */
static void
test_hostile (void)
{
  g_autoptr(GString) text = g_string_new ("trong ");
  BcDeadline deadline;
  gint64 start;

  for (guint i = 0; i < 200000; i++)
    g_string_append (text, "((tháng quý năm ");
  start = g_get_monotonic_time ();
  g_assert_false (bc_deadline_parse (text->str, 2024, &deadline));
  g_assert_cmpint (g_get_monotonic_time () - start, <, bc_test_time_budget (200000));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bc/deadline/parse/%u", i);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/bc/deadline/no-year", test_no_year);
  g_test_add_func ("/bc/deadline/describe", test_describe);
  g_test_add_func ("/bc/deadline/hostile", test_hostile);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "bc-calendar.h"
#include "bc-period.h"

#include <string.h>

/* Working days and deadlines over the shipped holidays: weekends, Tết,
 * the Hùng Kings' day, days the government moved, a holiday on a
 * weekend given back, the turn of the year. */

static BcCalendar *
shipped (void)
{
  g_autoptr(GError) error = NULL;
  BcCalendar *calendar = bc_calendar_load_default (&error);

  g_assert_no_error (error);
  return calendar;
}

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (bc_date_parse (iso, &date));
  return date;
}

static const struct
{
  const char *date;
  gboolean    working;
} days[] = {
  { "2024-02-07", TRUE },    /* the day before Tết's days off */
  { "2024-02-08", FALSE },   /* Tết 2024: 08/02–14/02 */
  { "2024-02-14", FALSE },
  { "2024-02-15", TRUE },
  { "2024-04-18", FALSE },   /* Hùng Kings' day 2024 (10/3 lunar) */
  { "2024-04-29", FALSE },   /* moved: off… */
  { "2024-05-04", TRUE },    /* …for this Saturday */
  { "2025-01-27", FALSE },   /* Tết 2025: 27/01 swapped for Saturday 15/02 */
  { "2025-02-03", TRUE },
  { "2025-02-15", TRUE },
  { "2025-04-07", FALSE },   /* Hùng Kings' day 2025 */
  { "2026-04-26", FALSE },   /* Hùng Kings' day 2026 is a Sunday… */
  { "2026-04-27", FALSE },   /* …and gives back the Monday */
  { "2026-04-28", TRUE },
  { "2027-02-10", FALSE },   /* Tết 2027: two days on the weekend, two given back */
  { "2027-02-11", FALSE },
  { "2027-02-12", TRUE },
  { "2024-06-15", FALSE },   /* a Saturday */
  { "2024-06-17", TRUE },
};

static void
test_days (void)
{
  g_autoptr(BcCalendar) calendar = shipped ();

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate date = day (days[i].date);
      g_test_message ("%s", days[i].date);
      g_assert_cmpint (bc_calendar_is_working_day (calendar, &date), ==, days[i].working);
    }
}

static const struct
{
  const char *from;
  guint       n;
  const char *expected;
} deadlines[] = {
  { "2024-06-14", 0, "2024-06-14" },   /* on the cut-off day, a Friday */
  { "2024-06-15", 0, "2024-06-17" },   /* a Saturday: the Monday */
  { "2024-06-14", 3, "2024-06-19" },   /* over a weekend */
  { "2024-02-05", 5, "2024-02-19" },   /* over Tết: 06, 07, 15, 16, 19 */
  { "2024-04-26", 3, "2024-05-04" },   /* 29/04–01/05 off; Saturday 04/05 worked */
  { "2025-04-29", 2, "2025-05-06" },   /* 30/04–02/05 off, the Saturday before worked */
  { "2024-12-31", 1, "2025-01-02" },   /* year end: 01/01 off */
  { "2026-12-31", 2, "2027-01-05" },   /* a Friday 01/01 and a weekend */
  { "2026-04-24", 1, "2026-04-28" },   /* Sunday's holiday given back on Monday */
};

static void
test_deadlines (void)
{
  g_autoptr(BcCalendar) calendar = shipped ();

  for (guint i = 0; i < G_N_ELEMENTS (deadlines); i++)
    {
      GDate date = day (deadlines[i].from);
      GDate expected = day (deadlines[i].expected);
      GDate from = day (deadlines[i].from);

      g_test_message ("%s + %u", deadlines[i].from, deadlines[i].n);
      bc_calendar_add_working_days (calendar, &date, deadlines[i].n);
      g_assert_cmpint (g_date_compare (&date, &expected), ==, 0);
      if (bc_calendar_is_working_day (calendar, &from))
        g_assert_cmpint (bc_calendar_count_working_days (calendar, &from, &date), ==, deadlines[i].n);
    }
}

/* The office's own file wins over the shipped one; a wrong line is
 * refused, naming its file and line, and changes nothing. */
static void
test_override (void)
{
  g_autoptr(BcCalendar) calendar = shipped ();
  g_autoptr(GError) error = NULL;
  GDate worked = day ("2024-04-29");
  GDate off = day ("2024-06-17");

  g_assert_true (bc_calendar_add_data (calendar, "# ours\n2024-04-29 work\n2024-06-17\toff  Họp tổng kết\n",
                                       "holidays.txt", &error));
  g_assert_no_error (error);
  g_assert_true (bc_calendar_is_working_day (calendar, &worked));
  g_assert_false (bc_calendar_is_working_day (calendar, &off));
  g_assert_cmpstr (bc_calendar_get_name (calendar, &off), ==, "Họp tổng kết");

  g_assert_false (bc_calendar_add_data (calendar, "2024-07-01 off\n2024-13-01 off\n", "holidays.txt", &error));
  g_assert_error (error, BC_CALENDAR_ERROR, BC_CALENDAR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "holidays.txt, line 2"));
  off = day ("2024-07-01");
  g_assert_true (bc_calendar_is_working_day (calendar, &off));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bc/calendar/days", test_days);
  g_test_add_func ("/bc/calendar/deadlines", test_deadlines);
  g_test_add_func ("/bc/calendar/override", test_override);

  return g_test_run ();
}

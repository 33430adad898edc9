/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bc-period.h"

typedef struct
{
  BcRegime    regime;
  guint       cutoff;
  const char *day;
  const char *from;
  const char *to;
} Containing;

static const Containing containing[] = {
  { BC_REGIME_MONTHLY, 14, "2024-05-10", "2024-04-15", "2024-05-14" },
  { BC_REGIME_MONTHLY, 14, "2024-05-14", "2024-04-15", "2024-05-14" },
  { BC_REGIME_MONTHLY, 14, "2024-05-15", "2024-05-15", "2024-06-14" },
  { BC_REGIME_MONTHLY, 14, "2024-12-20", "2024-12-15", "2025-01-14" },
  { BC_REGIME_MONTHLY, 14, "2025-01-03", "2024-12-15", "2025-01-14" },
  { BC_REGIME_MONTHLY, 20, "2024-05-24", "2024-05-21", "2024-06-20" },
  { BC_REGIME_MONTHLY, 20, "2024-05-20", "2024-04-21", "2024-05-20" },
  { BC_REGIME_MONTHLY, 28, "2024-03-01", "2024-02-29", "2024-03-28" },
  { BC_REGIME_QUARTERLY, 14, "2024-05-10", "2024-03-15", "2024-06-14" },
  /* a day in a quarter's first month */
  { BC_REGIME_QUARTERLY, 14, "2024-04-10", "2024-03-15", "2024-06-14" },
  { BC_REGIME_QUARTERLY, 14, "2024-03-15", "2024-03-15", "2024-06-14" },
  { BC_REGIME_QUARTERLY, 14, "2024-03-14", "2023-12-15", "2024-03-14" },
  { BC_REGIME_QUARTERLY, 14, "2024-01-05", "2023-12-15", "2024-03-14" },
  { BC_REGIME_QUARTERLY, 14, "2024-12-20", "2024-12-15", "2025-03-14" },
  { BC_REGIME_QUARTERLY, 31, "2024-07-01", "2024-07-01", "2024-09-30" },
  /* Calendar year (a plan), and Decree 09/2019's year: 15/12 – 14/12. */
  { BC_REGIME_ANNUAL, 31, "2024-07-01", "2024-01-01", "2024-12-31" },
  { BC_REGIME_ANNUAL, 14, "2024-07-01", "2023-12-15", "2024-12-14" },
  { BC_REGIME_ANNUAL, 14, "2023-12-14", "2022-12-15", "2023-12-14" },
  { BC_REGIME_ANNUAL, 14, "2023-12-15", "2023-12-15", "2024-12-14" },
  { BC_REGIME_ANNUAL, 14, "2024-01-01", "2023-12-15", "2024-12-14" },
};

static void
test_containing (gconstpointer data)
{
  const Containing *c = data;
  GDate day, from, to;
  g_autofree char *from_iso = NULL;
  g_autofree char *to_iso = NULL;

  g_assert_true (bc_date_parse (c->day, &day));
  bc_period_containing (c->regime, c->cutoff, &day, &from, &to);
  from_iso = bc_date_to_iso (&from);
  to_iso = bc_date_to_iso (&to);
  g_assert_cmpstr (from_iso, ==, c->from);
  g_assert_cmpstr (to_iso, ==, c->to);
}

typedef struct
{
  BcRegime    regime;
  guint       cutoff;
  const char *from;
  const char *to;
  const char *next_from;
  const char *next_to;
} Next;

static const Next nexts[] = {
  { BC_REGIME_MONTHLY, 14, "2024-04-15", "2024-05-14", "2024-05-15", "2024-06-14" },
  /* Across the year end. */
  { BC_REGIME_MONTHLY, 14, "2024-11-15", "2024-12-14", "2024-12-15", "2025-01-14" },
  { BC_REGIME_MONTHLY, 14, "2024-12-15", "2025-01-14", "2025-01-15", "2025-02-14" },
  /* The province regime of seed 000: 21/04–20/05. */
  { BC_REGIME_MONTHLY, 20, "2024-04-21", "2024-05-20", "2024-05-21", "2024-06-20" },
  { BC_REGIME_MONTHLY, 28, "2024-01-29", "2024-02-28", "2024-02-29", "2024-03-28" },
  { BC_REGIME_QUARTERLY, 14, "2024-09-15", "2024-12-14", "2024-12-15", "2025-03-14" },
  { BC_REGIME_ANNUAL, 31, "2024-01-01", "2024-12-31", "2025-01-01", "2025-12-31" },
  { BC_REGIME_ANNUAL, 14, "2022-12-15", "2023-12-14", "2023-12-15", "2024-12-14" },
};

static void
test_next (gconstpointer data)
{
  const Next *n = data;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_assert_true (bc_period_next (n->regime, n->cutoff, n->from, n->to, &from, &to));
  g_assert_cmpstr (from, ==, n->next_from);
  g_assert_cmpstr (to, ==, n->next_to);
}

static void
test_next_invalid (void)
{
  char *from = NULL, *to = NULL;

  g_assert_false (bc_period_next (BC_REGIME_MONTHLY, 14, "2024-13-01", "2024-05-14", &from, &to));
  g_assert_false (bc_period_next (BC_REGIME_MONTHLY, 14, "", "2024-05-14", &from, &to));
  g_assert_null (from);
}

static void
test_default (void)
{
  static const struct { BcRegime regime; guint cutoff; gboolean ahead; const char *today, *from, *to; } cases[] = {
    /* Written on the 17th: the period that closed on the 14th. */
    { BC_REGIME_MONTHLY, 14, FALSE, "2024-06-17", "2024-05-15", "2024-06-14" },
    { BC_REGIME_MONTHLY, 14, FALSE, "2024-06-10", "2024-04-15", "2024-05-14" },
    { BC_REGIME_MONTHLY, 20, FALSE, "2024-05-24", "2024-04-21", "2024-05-20" },
    { BC_REGIME_MONTHLY, 14, FALSE, "2025-01-16", "2024-12-15", "2025-01-14" },
    { BC_REGIME_ANNUAL, 31, TRUE, "2024-01-25", "2024-01-01", "2024-12-31" },
    { BC_REGIME_ANNUAL, 31, FALSE, "2025-01-10", "2024-01-01", "2024-12-31" },
    /* A year's report is written in early December, before its year closes
     * on the 14th: that year; in November, the year before. */
    { BC_REGIME_ANNUAL, 14, FALSE, "2023-12-07", "2022-12-15", "2023-12-14" },
    { BC_REGIME_ANNUAL, 14, FALSE, "2023-11-15", "2022-12-15", "2023-12-14" },
    { BC_REGIME_ANNUAL, 14, FALSE, "2023-11-14", "2021-12-15", "2022-12-14" },
    { BC_REGIME_ANNUAL, 14, FALSE, "2023-12-18", "2022-12-15", "2023-12-14" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate today;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      g_assert_true (bc_date_parse (cases[i].today, &today));
      bc_period_default (cases[i].regime, cases[i].cutoff, cases[i].ahead, &today, &from, &to);
      g_assert_cmpstr (from, ==, cases[i].from);
      g_assert_cmpstr (to, ==, cases[i].to);
    }
}

/* A year's report may be signed in its window's last month, no other
 * report before its period ends. */
static void
test_last_month (void)
{
  static const struct { BcRegime regime; const char *to, *day; gboolean in; } cases[] = {
    { BC_REGIME_ANNUAL, "2023-12-14", "2023-12-07", TRUE },
    { BC_REGIME_ANNUAL, "2023-12-14", "2023-11-15", TRUE },
    { BC_REGIME_ANNUAL, "2023-12-14", "2023-12-14", TRUE },
    { BC_REGIME_ANNUAL, "2023-12-14", "2023-11-14", FALSE },
    { BC_REGIME_ANNUAL, "2023-12-14", "2023-12-15", FALSE },
    { BC_REGIME_MONTHLY, "2023-12-14", "2023-12-07", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate to, day;

      g_assert_true (bc_date_parse (cases[i].to, &to));
      g_assert_true (bc_date_parse (cases[i].day, &day));
      g_assert_cmpint (bc_period_in_last_month (cases[i].regime, &to, &day), ==, cases[i].in);
    }
}

/* A refused date says what is wrong with it: its form, or the day,
 * month or year that does not exist. */
static void
test_display_refusals (void)
{
  static const struct
  {
    const char   *text;
    BcPeriodError code;
    const char   *message;
  } cases[] = {
    { "31/02/2026", BC_PERIOD_ERROR_NO_SUCH_DAY, "“31/02/2026” is not a date: 02/2026 has no day 31" },
    { "29/2/2023", BC_PERIOD_ERROR_NO_SUCH_DAY, "“29/2/2023” is not a date: 02/2023 has no day 29" },
    { "31/4/2024", BC_PERIOD_ERROR_NO_SUCH_DAY, "“31/4/2024” is not a date: 04/2024 has no day 31" },
    { "0/5/2024", BC_PERIOD_ERROR_NO_SUCH_DAY, "“0/5/2024” is not a date: 05/2024 has no day 0" },
    { "12/13/2026", BC_PERIOD_ERROR_NO_SUCH_DAY, "“12/13/2026” is not a date: there is no month 13" },
    { "1/1/1800", BC_PERIOD_ERROR_NO_SUCH_DAY, "“1/1/1800” is not a date: the year is before 1900" },
    { "12/05/24", BC_PERIOD_ERROR_FORM, "“12/05/24” is not a date: write it as dd/mm/yyyy" },
    { "hôm nay", BC_PERIOD_ERROR_FORM, "“hôm nay” is not a date: write it as dd/mm/yyyy" },
    { "2026-02-31", BC_PERIOD_ERROR_FORM, "“2026-02-31” is not a date: write it as dd/mm/yyyy" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_assert_false (bc_date_parse_display (cases[i].text, &iso, &error));
      g_assert_null (iso);
      g_assert_error (error, BC_PERIOD_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_display (void)
{
  static const char * const good[][2] = {
    { "22/4/2024", "2024-04-22" },
    { "06/05/2024", "2024-05-06" },
    { "6-5-2024", "2024-05-06" },
    { "29.02.2024", "2024-02-29" },
    { "2024-05-20", "2024-05-20" },
    { " 1/1/2025", "2025-01-01" },
  };
  static const char * const bad[] = {
    "", "31/4/2024", "29/02/2023", "1/2024", "12/05/24", "22/4/2024x", "22/4-2024", "hôm nay",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *iso = bc_date_from_display (good[i][0]);
      g_assert_cmpstr (iso, ==, good[i][1]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *iso = bc_date_from_display (bad[i]);
      if (iso != NULL)
        g_error ("“%s” parsed as %s", bad[i], iso);
    }
  {
    g_autofree char *shown = bc_date_to_display ("2024-05-06");
    g_assert_cmpstr (shown, ==, "06/05/2024");
  }
}

/* A template's periods, and what is refused with which reason. */
static void
test_check (void)
{
  static const struct
  {
    BcRegime    regime;
    guint       cutoff;
    const char *from;
    const char *to;
    int         code;   /* -1: accepted */
    const char *says;
  } cases[] = {
    { BC_REGIME_MONTHLY, 14, "2024-05-15", "2024-06-14", -1, NULL },
    { BC_REGIME_MONTHLY, 20, "2024-04-21", "2024-05-20", -1, NULL },
    { BC_REGIME_QUARTERLY, 14, "2024-03-15", "2024-06-14", -1, NULL },
    { BC_REGIME_ANNUAL, 31, "2024-01-01", "2024-12-31", -1, NULL },
    { BC_REGIME_ANNUAL, 14, "2022-12-15", "2023-12-14", -1, NULL },
    /* The calendar year is not Decree 09's year. */
    { BC_REGIME_ANNUAL, 14, "2023-01-01", "2023-12-31", BC_PERIOD_ERROR_REGIME,
      "from day 15 of December of the year before to day 14 of December (the one 01/01/2023 is in: "
      "15/12/2022 – 14/12/2023)" },
    /* A last day typed years off: 1.400 days. */
    { BC_REGIME_MONTHLY, 14, "2024-05-15", "2028-03-14", BC_PERIOD_ERROR_REGIME,
      "15/05/2024 – 14/03/2028 is not a period of this template: its reports are monthly, each ending on day 14 "
      "(the one 15/05/2024 is in: 15/05/2024 – 14/06/2024)" },
    { BC_REGIME_MONTHLY, 14, "2024-05-01", "2024-05-31", BC_PERIOD_ERROR_REGIME, "(the one 01/05/2024 is in: 15/04/2024 – 14/05/2024)" },
    { BC_REGIME_MONTHLY, 14, "2024-05-15", "2024-06-13", BC_PERIOD_ERROR_REGIME, "monthly" },
    { BC_REGIME_QUARTERLY, 14, "2024-05-15", "2024-06-14", BC_PERIOD_ERROR_REGIME, "quarterly" },
    { BC_REGIME_ANNUAL, 31, "2024-01-01", "2025-12-31", BC_PERIOD_ERROR_REGIME, "yearly" },
    { BC_REGIME_MONTHLY, 14, "2024-06-15", "2024-05-14", BC_PERIOD_ERROR_REVERSED,
      "The period cannot end (14/05/2024) before it starts (15/06/2024)" },
    { BC_REGIME_MONTHLY, 14, "2024-02-30", "2024-03-14", BC_PERIOD_ERROR_INVALID, NULL },
    { BC_REGIME_MONTHLY, 14, NULL, "2024-03-14", BC_PERIOD_ERROR_INVALID, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = bc_period_check (cases[i].regime, cases[i].cutoff, cases[i].from, cases[i].to, &error);

      g_test_message ("case %u", i);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, BC_PERIOD_ERROR, cases[i].code);
      if (cases[i].says != NULL && strstr (error->message, cases[i].says) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].says);
    }
}

/* Every day of two years falls in the period said to contain it, and that
 * period is one the check takes. */
static void
test_containing_every_day (void)
{
  static const BcRegime regimes[] = { BC_REGIME_MONTHLY, BC_REGIME_QUARTERLY, BC_REGIME_ANNUAL };

  for (guint r = 0; r < G_N_ELEMENTS (regimes); r++)
    for (guint cutoff = 1; cutoff <= 31; cutoff += 3)
      {
        GDate day;

        g_date_clear (&day, 1);
        g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2024);
        for (guint i = 0; i < 731; i++, g_date_add_days (&day, 1))
          {
            GDate from, to;
            char from_text[16], to_text[16];

            bc_period_containing (regimes[r], cutoff, &day, &from, &to);
            g_date_strftime (from_text, sizeof from_text, "%Y-%m-%d", &from);
            g_date_strftime (to_text, sizeof to_text, "%Y-%m-%d", &to);
            if (g_date_compare (&from, &day) > 0 || g_date_compare (&day, &to) > 0
                || !bc_period_check (regimes[r], cutoff, from_text, to_text, NULL))
              g_error ("regime %u, cut-off %u: day %u/%u/%u given %s – %s", regimes[r], cutoff,
                       g_date_get_day (&day), g_date_get_month (&day), g_date_get_year (&day),
                       from_text, to_text);
          }
      }
}

/* What "new" proposes and what "next" makes are periods the check takes,
 * for every regime and cut-off day, over years. */
static void
test_check_agrees (void)
{
  static const BcRegime regimes[] = { BC_REGIME_MONTHLY, BC_REGIME_QUARTERLY, BC_REGIME_ANNUAL };

  for (guint r = 0; r < G_N_ELEMENTS (regimes); r++)
    for (guint cutoff = 1; cutoff <= (regimes[r] == BC_REGIME_ANNUAL ? 31 : 28); cutoff++)
      {
        GDate day;
        g_autofree char *from = NULL;
        g_autofree char *to = NULL;

        g_date_clear (&day, 1);
        g_date_set_dmy (&day, 17, G_DATE_NOVEMBER, 2023);
        bc_period_default (regimes[r], cutoff, FALSE, &day, &from, &to);
        for (guint i = 0; i < 40; i++)
          {
            g_autofree char *next_from = NULL;
            g_autofree char *next_to = NULL;

            if (!bc_period_check (regimes[r], cutoff, from, to, NULL))
              g_error ("regime %u, cut-off %u: %s – %s refused", regimes[r], cutoff, from, to);
            g_assert_true (bc_period_next (regimes[r], cutoff, from, to, &next_from, &next_to));
            g_free (from);
            g_free (to);
            from = g_steal_pointer (&next_from);
            to = g_steal_pointer (&next_to);
          }
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (containing); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bc/period/containing/%u", i);
      g_test_add_data_func (path, &containing[i], test_containing);
    }
  for (guint i = 0; i < G_N_ELEMENTS (nexts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/bc/period/next/%u", i);
      g_test_add_data_func (path, &nexts[i], test_next);
    }
  g_test_add_func ("/bc/period/next/invalid", test_next_invalid);
  g_test_add_func ("/bc/period/display", test_display);
  g_test_add_func ("/bc/period/display/refusals", test_display_refusals);
  g_test_add_func ("/bc/period/default", test_default);
  g_test_add_func ("/bc/period/last-month", test_last_month);
  g_test_add_func ("/bc/period/check", test_check);
  g_test_add_func ("/bc/period/check-agrees", test_check_agrees);
  g_test_add_func ("/bc/period/containing/every-day", test_containing_every_day);
  return g_test_run ();
}

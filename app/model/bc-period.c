/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-period"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "bc-period.h"

G_DEFINE_QUARK (bc-period-error-quark, bc_period_error)

/**
 * bc_date_parse:
 * @text: an ISO date, "YYYY-MM-DD"
 * @date: (out caller-allocates): the date
 *
 * Returns: %TRUE when @text is a valid ISO date
 */
gboolean
bc_date_parse (const char *text,
               GDate      *date)
{
  unsigned y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y)
      || y < 1900)
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
bc_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/**
 * bc_date_to_display:
 *
 * Returns: (transfer full): "dd/mm/yyyy", or a copy of @iso when it is no date
 */
char *
bc_date_to_display (const char *iso)
{
  GDate date;

  if (!bc_date_parse (iso, &date))
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (&date),
                          g_date_get_month (&date), g_date_get_year (&date));
}

/* "d/m/yyyy", with "/", "-" or "." between the parts; no more than that. */
static gboolean
split_display (const char *text,
               unsigned   *d,
               unsigned   *m,
               unsigned   *y)
{
  char s1, s2, tail;

  return sscanf (text, "%2u%c%2u%c%4u%c", d, &s1, m, &s2, y, &tail) == 5
         && s1 == s2 && (s1 == '/' || s1 == '-' || s1 == '.');
}

/**
 * bc_date_parse_display:
 * @text: what the clerk typed: "d/m/yyyy" (also with "-" or "." between
 *   the parts) or an ISO date
 * @iso: (out) (transfer full): the ISO date
 * @error: a #BC_PERIOD_ERROR whose message says what is wrong: the form,
 *   or a day, month or year that does not exist
 *
 * Returns: %TRUE when @text is a date
 */
gboolean
bc_date_parse_display (const char  *text,
                       char       **iso,
                       GError     **error)
{
  unsigned d, m, y;
  GDate date;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (iso != NULL, FALSE);

  *iso = NULL;
  while (g_ascii_isspace (*text))
    text++;
  if (bc_date_parse (text, &date))
    {
      *iso = bc_date_to_iso (&date);
      return TRUE;
    }
  /* A two-digit year is a form to correct, not a year before 1900. */
  if (!split_display (text, &d, &m, &y) || y < 1000)
    {
      g_set_error (error, BC_PERIOD_ERROR, BC_PERIOD_ERROR_FORM,
                   _("“%s” is not a date: write it as dd/mm/yyyy"), text);
      return FALSE;
    }
  if (m < 1 || m > 12)
    {
      g_set_error (error, BC_PERIOD_ERROR, BC_PERIOD_ERROR_NO_SUCH_DAY,
                   _("“%s” is not a date: there is no month %u"), text, m);
      return FALSE;
    }
  if (y < 1900)
    {
      g_set_error (error, BC_PERIOD_ERROR, BC_PERIOD_ERROR_NO_SUCH_DAY,
                   _("“%s” is not a date: the year is before 1900"), text);
      return FALSE;
    }
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      /* Translators: "31/02/2026" is not a date: 02/2026 has no day 31 */
      g_set_error (error, BC_PERIOD_ERROR, BC_PERIOD_ERROR_NO_SUCH_DAY,
                   _("“%s” is not a date: %02u/%04u has no day %u"), text, m, y, d);
      return FALSE;
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  *iso = bc_date_to_iso (&date);
  return TRUE;
}

/**
 * bc_date_from_display:
 * @text: as for bc_date_parse_display()
 *
 * Returns: (transfer full) (nullable): the ISO date, or %NULL when @text is no date
 */
char *
bc_date_from_display (const char *text)
{
  char *iso = NULL;

  if (text == NULL || !bc_date_parse_display (text, &iso, NULL))
    return NULL;
  return iso;
}

static void
set_clamped (GDate      *date,
             guint       day,
             GDateMonth  month,
             GDateYear   year)
{
  guint last = g_date_get_days_in_month (month, year);
  g_date_set_dmy (date, (GDateDay) MIN (day, last), month, year);
}

/**
 * bc_period_containing:
 * @from: (out caller-allocates): first day
 * @to: (out caller-allocates): last day
 *
 * The reporting period that @day falls in. A monthly period ends on the
 * cut-off day and starts the day after the previous month's cut-off;
 * quarterly ones end on the cut-off day of March, June, September and
 * December. An annual one ends on the cut-off day of December and starts
 * the day after the previous December's (Decree 09/2019/NĐ-CP, art. 12:
 * 15/12 of the year before to 14/12 with cut-off day 14); cut-off day 31
 * makes it the calendar year.
 */
void
bc_period_containing (BcRegime     regime,
                      guint        cutoff_day,
                      const GDate *day,
                      GDate       *from,
                      GDate       *to)
{
  GDateYear year = g_date_get_year (day);
  GDateMonth month = g_date_get_month (day);

  g_date_clear (from, 1);
  g_date_clear (to, 1);
  if (regime == BC_REGIME_ANNUAL)
    {
      cutoff_day = CLAMP (cutoff_day, 1, 31);
      if (month == G_DATE_DECEMBER && g_date_get_day (day) > cutoff_day)
        year++;
      g_date_set_dmy (to, (GDateDay) cutoff_day, G_DATE_DECEMBER, year);
      g_date_set_dmy (from, (GDateDay) cutoff_day, G_DATE_DECEMBER, year - 1);
      g_date_add_days (from, 1);
      return;
    }
  /* The period that ends on the next cut-off on or after @day. */
  if (g_date_get_day (day) > cutoff_day)
    {
      month = month == G_DATE_DECEMBER ? G_DATE_JANUARY : month + 1;
      year += month == G_DATE_JANUARY ? 1 : 0;
    }
  if (regime == BC_REGIME_QUARTERLY)
    while ((month % 3) != 0)
      {
        month = month == G_DATE_DECEMBER ? G_DATE_JANUARY : month + 1;
        year += month == G_DATE_JANUARY ? 1 : 0;
      }
  set_clamped (to, cutoff_day, month, year);
  *from = *to;
  g_date_subtract_months (from, regime == BC_REGIME_QUARTERLY ? 3 : 1);
  set_clamped (from, cutoff_day, g_date_get_month (from), g_date_get_year (from));
  g_date_add_days (from, 1);
}

/**
 * bc_date_today:
 * @date: (out caller-allocates): today, local time
 */
void
bc_date_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

/**
 * bc_period_in_last_month:
 * @to: the last day of a period
 * @day: a day
 *
 * Whether @day falls in the last month of a yearly period ending on
 * @to (15/11 – 14/12 for a year ending on 14/12): a year's report is
 * written and signed then, before its window closes, with the figures
 * "tính đến" the day it is written. Other periods have no such month.
 *
 * Returns: %TRUE when @regime is annual and @day is in (@to − 1 month, @to]
 */
gboolean
bc_period_in_last_month (BcRegime     regime,
                         const GDate *to,
                         const GDate *day)
{
  GDate start;

  if (regime != BC_REGIME_ANNUAL || !g_date_valid (to) || !g_date_valid (day))
    return FALSE;
  start = *to;
  g_date_subtract_months (&start, 1);
  return g_date_compare (day, &start) > 0 && g_date_compare (day, to) <= 0;
}

/**
 * bc_period_default:
 * @looks_ahead: %TRUE for a plan, written for the period it is in
 * @from: (out) (transfer full): first day, ISO
 * @to: (out) (transfer full): last day, ISO
 *
 * The period a new document is most likely for. A report is written
 * after its period closes (the province's figures arrive around the 15th
 * to 18th for the period that ended on the 14th), so it is the last
 * period that has ended; a plan is for the period @today is in. A year's
 * report is written in the last month of its window (early December for
 * a year that closes on 14/12): then it is for the year @today is in.
 */
void
bc_period_default (BcRegime      regime,
                   guint         cutoff_day,
                   gboolean      looks_ahead,
                   const GDate  *today,
                   char        **from,
                   char        **to)
{
  GDate f, t, day = *today;

  bc_period_containing (regime, cutoff_day, &day, &f, &t);
  if (!looks_ahead && !bc_period_in_last_month (regime, &t, today))
    {
      day = f;
      g_date_subtract_days (&day, 1);
      bc_period_containing (regime, cutoff_day, &day, &f, &t);
    }
  *from = bc_date_to_iso (&f);
  *to = bc_date_to_iso (&t);
}

/**
 * bc_period_next:
 * @next_from: (out) (transfer full): first day of the next period
 * @next_to: (out) (transfer full): last day of the next period
 *
 * The period after [@from, @to]: it starts the day after @to and runs for
 * the regime's length.
 *
 * Returns: %FALSE when @from or @to is no ISO date
 */
gboolean
bc_period_next (BcRegime     regime,
                guint        cutoff_day,
                const char  *from,
                const char  *to,
                char       **next_from,
                char       **next_to)
{
  GDate f, t, day;

  if (!bc_date_parse (from, &f) || !bc_date_parse (to, &t))
    return FALSE;
  day = t;
  g_date_add_days (&day, 1);
  if (regime == BC_REGIME_ANNUAL)
    {
      bc_period_containing (regime, cutoff_day, &day, &f, &t);
    }
  else
    {
      /* The next period starts right after this one; it ends at the
       * cut-off one regime-length later. */
      GDate end = t;
      g_date_add_months (&end, regime == BC_REGIME_QUARTERLY ? 3 : 1);
      set_clamped (&end, cutoff_day, g_date_get_month (&end), g_date_get_year (&end));
      f = day;
      t = end;
    }
  *next_from = bc_date_to_iso (&f);
  *next_to = bc_date_to_iso (&t);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

static gboolean
regime_error (BcRegime      regime,
              guint         cutoff_day,
              const GDate  *from,
              const GDate  *to,
              GError      **error)
{
  g_autofree char *from_text = format_date (from);
  g_autofree char *to_text = format_date (to);
  g_autofree char *good_from = NULL;
  g_autofree char *good_to = NULL;
  GDate f, t;

  /* The period the clerk most likely meant: the one her first day is in. */
  bc_period_containing (regime, cutoff_day, from, &f, &t);
  good_from = format_date (&f);
  good_to = format_date (&t);
  switch (regime)
    {
    case BC_REGIME_ANNUAL:
      if (cutoff_day >= 31)
        g_set_error (error, BC_PERIOD_ERROR, BC_PERIOD_ERROR_REGIME,
                     _("%s – %s is not a period of this template: its reports are yearly, from 1 January "
                       "to 31 December (the one %s is in: %s – %s)"),
                     from_text, to_text, from_text, good_from, good_to);
      else
        g_set_error (error, BC_PERIOD_ERROR, BC_PERIOD_ERROR_REGIME,
                     _("%s – %s is not a period of this template: its reports are yearly, from day %u of "
                       "December of the year before to day %u of December (the one %s is in: %s – %s)"),
                     from_text, to_text, cutoff_day + 1, cutoff_day, from_text, good_from, good_to);
      break;
    case BC_REGIME_QUARTERLY:
      g_set_error (error, BC_PERIOD_ERROR, BC_PERIOD_ERROR_REGIME,
                   _("%s – %s is not a period of this template: its reports are quarterly, each ending on "
                     "day %u of March, June, September or December (the one %s is in: %s – %s)"),
                   from_text, to_text, cutoff_day, from_text, good_from, good_to);
      break;
    case BC_REGIME_MONTHLY:
    default:
      g_set_error (error, BC_PERIOD_ERROR, BC_PERIOD_ERROR_REGIME,
                   _("%s – %s is not a period of this template: its reports are monthly, each ending on "
                     "day %u (the one %s is in: %s – %s)"),
                   from_text, to_text, cutoff_day, from_text, good_from, good_to);
      break;
    }
  return FALSE;
}

/**
 * bc_period_check:
 * @from: first day, ISO
 * @to: last day, ISO
 *
 * Whether [@from, @to] is one of a template's periods: exactly the period
 * of @regime and @cutoff_day that @from is in. A report for any other
 * stretch of days (a date typed halfway, a year off) would be compared
 * with the wrong month, checked against the wrong figures and sent for a
 * period nobody asked about. The one rule for the CLI, the window and the
 * store; the checker warns with it about a report that came from outside.
 *
 * Returns: %TRUE when it is; else %FALSE with a #BC_PERIOD_ERROR saying
 *   why, dates written dd/mm/yyyy
 */
gboolean
bc_period_check (BcRegime     regime,
                 guint        cutoff_day,
                 const char  *from,
                 const char  *to,
                 GError     **error)
{
  GDate f, t, good_from, good_to;

  if (!bc_date_parse (from, &f) || !bc_date_parse (to, &t))
    {
      g_set_error (error, BC_PERIOD_ERROR, BC_PERIOD_ERROR_INVALID,
                   _("The period %s – %s is not a valid range of dates"), from ? from : "", to ? to : "");
      return FALSE;
    }
  if (g_date_compare (&f, &t) > 0)
    {
      g_autofree char *from_text = bc_date_to_display (from);
      g_autofree char *to_text = bc_date_to_display (to);

      g_set_error (error, BC_PERIOD_ERROR, BC_PERIOD_ERROR_REVERSED,
                   _("The period cannot end (%s) before it starts (%s)"), to_text, from_text);
      return FALSE;
    }
  bc_period_containing (regime, cutoff_day, &f, &good_from, &good_to);
  if (g_date_compare (&f, &good_from) != 0 || g_date_compare (&t, &good_to) != 0)
    return regime_error (regime, cutoff_day, &f, &t, error);
  return TRUE;
}

/**
 * bc_period_of_year:
 * @year: 1 to 9999
 * @from: (out): first day, ISO
 * @to: (out): last day, ISO
 *
 * The period of an annual regime that is "the year @year": the one that
 * holds its 30 June, so a reporting year from 15 December to 14 December
 * is named by the year it mostly lies in.
 */
void
bc_period_of_year (BcRegime   regime,
                   guint      cutoff_day,
                   guint      year,
                   char     **from,
                   char     **to)
{
  GDate mid, f, t;

  g_date_clear (&mid, 1);
  g_date_set_dmy (&mid, 30, G_DATE_JUNE, (GDateYear) CLAMP (year, 1, 9999));
  bc_period_containing (regime, cutoff_day, &mid, &f, &t);
  *from = bc_date_to_iso (&f);
  *to = bc_date_to_iso (&t);
}

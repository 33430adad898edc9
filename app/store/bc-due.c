/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-due"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bc-due.h"
#include "bc-library.h"
#include "bc-number.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-store-consolidate.h"
#include "bc-store-private.h"
#include "bc-template.h"
#include "bc-text-utils.h"

/* What is due: for each unit and template the library has reports of,
 * the reports of the last ended periods, with their deadline by the
 * template's rule (period.due_working_days after the period's last day,
 * over the working-day calendar) and how far it is. A unit the library
 * expects reports of (its office profiles, the units that report to it)
 * owes them before it has written any: those are "not started". */

void
bc_due_item_free (BcDueItem *item)
{
  g_free (item->unit);
  g_free (item->template_id);
  g_free (item->template_name);
  g_free (item->period_from);
  g_free (item->period_to);
  g_free (item->deadline);
  g_free (item->status);
  g_free (item);
}

static gboolean
is_sent (const char *status)
{
  return g_strcmp0 (status, "submitted") == 0 || g_strcmp0 (status, "approved") == 0;
}

/**
 * bc_due_item_state:
 *
 * Returns: whether the report is late, due within BC_DUE_SOON_WORKING_DAYS,
 *   or neither (sent, or not due yet)
 */
BcDueState
bc_due_item_state (const BcDueItem *item)
{
  g_return_val_if_fail (item != NULL, BC_DUE_NOTHING);

  if (is_sent (item->status))
    return BC_DUE_NOTHING;
  if (item->days_late > 0)
    return BC_DUE_LATE;
  return item->days_late == 0 && item->working_days_left >= 0 && item->working_days_left <= BC_DUE_SOON_WORKING_DAYS
         ? BC_DUE_SOON : BC_DUE_NOTHING;
}

/**
 * bc_due_worst:
 * @items: (element-type BcDueItem): from bc_due_list()
 *
 * Returns: the most pressing state among @items
 */
BcDueState
bc_due_worst (GPtrArray *items)
{
  BcDueState worst = BC_DUE_NOTHING;

  for (guint i = 0; items != NULL && i < items->len; i++)
    worst = MAX (worst, bc_due_item_state (items->pdata[i]));
  return worst;
}

static BcTemplate *
find_template (GPtrArray  *templates,
               const char *id)
{
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    if (g_str_equal (bc_template_get_id (templates->pdata[i]), id))
      return templates->pdata[i];
  return NULL;
}

static BcDueItem *
make_item (BcStore     *store,
           BcTemplate  *template,
           BcCalendar  *calendar,
           const char  *unit,
           const char  *from,
           const char  *to,
           const GDate *today)
{
  BcDueItem *item = g_new0 (BcDueItem, 1);
  g_autoptr(BcReportSummary) summary = NULL;
  GDate deadline;

  item->unit = g_strdup (unit);
  item->template_id = g_strdup (bc_template_get_id (template));
  item->template_name = g_strdup (bc_template_get_name (template));
  item->period_from = g_strdup (from);
  item->period_to = g_strdup (to);
  bc_date_parse (to, &deadline);
  bc_calendar_add_working_days (calendar, &deadline, bc_template_get_due_working_days (template));
  item->deadline = bc_date_to_iso (&deadline);
  item->report_id = bc_store_find_period_report (store, item->template_id, unit, from, to);
  if (item->report_id > 0 && (summary = bc_library_get (store, item->report_id, NULL)) != NULL)
    item->status = g_strdup (summary->status);
  else
    item->status = g_strdup ("");
  item->working_days_left = bc_calendar_count_working_days (calendar, today, &deadline);
  item->days_late = MAX (0, g_date_days_between (&deadline, today));
  return item;
}

/* The period after @from–@to's predecessor: the one before it. */
static void
step_back (BcTemplate  *template,
           char       **from,
           char       **to)
{
  GDate day, start, end;

  bc_date_parse (*from, &day);
  g_date_subtract_days (&day, 1);
  bc_period_containing (bc_template_get_regime (template), bc_template_get_cutoff_day (template),
                        &day, &start, &end);
  g_free (*from);
  g_free (*to);
  *from = bc_date_to_iso (&start);
  *to = bc_date_to_iso (&end);
}

/* One unit's reports from one template, newest period first, none
 * before its first report: the period today is in when its report is
 * due within a working week (or sent already), the last ended one
 * whatever its state, older ones while still owed. A unit without any
 * report of the template (@first_to %NULL) owes the period today is in
 * when due within a working week, and the last ended one for
 * BC_DUE_NOT_STARTED_DAYS after its deadline: Baocao cannot know that
 * older reports were not written elsewhere, before the library. */
static void
add_unit (GPtrArray   *items,
          BcStore     *store,
          BcTemplate  *template,
          BcCalendar  *calendar,
          const char  *unit,
          const char  *first_to,
          const GDate *today)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate start, end;

  bc_period_containing (bc_template_get_regime (template), bc_template_get_cutoff_day (template),
                        today, &start, &end);
  from = bc_date_to_iso (&start);
  to = bc_date_to_iso (&end);
  for (guint back = 0; back <= (first_to ? BC_DUE_PERIODS_BACK : 1) && g_strcmp0 (to, first_to) >= 0; back++)
    {
      BcDueItem *item = make_item (store, template, calendar, unit, from, to, today);
      gboolean owed = !is_sent (item->status);
      gboolean keep = back == 0 ? !owed || bc_due_item_state (item) != BC_DUE_NOTHING : back == 1 || owed;

      if (first_to == NULL && back == 1)
        keep = item->days_late <= BC_DUE_NOT_STARTED_DAYS;

      if (keep)
        g_ptr_array_add (items, item);
      else
        bc_due_item_free (item);
      step_back (template, &from, &to);
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const BcDueItem *x = *(BcDueItem **) a, *y = *(BcDueItem **) b;
  int by_state = (int) bc_due_item_state (y) - (int) bc_due_item_state (x);

  if (by_state != 0)
    return by_state;
  if (g_strcmp0 (x->deadline, y->deadline) != 0)
    return g_strcmp0 (x->deadline, y->deadline);
  return bc_text_collate (x->unit, y->unit);
}

/* The kinds of unit below a province, which report to it. */
static gboolean
is_district_kind (const char *kind)
{
  static const char * const kinds[] = { "huyện", "thị xã", "quận", "thành phố", "đặc khu", NULL };

  return kind != NULL && g_strv_contains (kinds, kind);
}

/* A template is written by a unit of its kind; a district's template by
 * any unit of a district's kind (a thị xã writes the huyện's report). */
static gboolean
kind_writes (BcTemplate *template,
             const char *kind)
{
  const char *writer = bc_template_get_unit_kind (template);

  if (writer == NULL || kind == NULL)
    return FALSE;
  return g_str_equal (writer, kind) || (is_district_kind (writer) && is_district_kind (kind));
}

static void
expect_unit (GPtrArray   *items,
             GHashTable  *seen,
             BcStore     *store,
             GPtrArray   *templates,
             BcCalendar  *calendar,
             const char  *unit,
             const char  *kind,
             const GDate *today)
{
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      BcTemplate *template = templates->pdata[i];
      g_autofree char *pair = NULL;

      if (!g_str_equal (bc_template_get_kind (template), "report") || !kind_writes (template, kind))
        continue;
      pair = g_strconcat (bc_template_get_id (template), "\t", unit, NULL);
      if (g_hash_table_contains (seen, pair))
        continue;
      add_unit (items, store, template, calendar, unit, NULL, today);
      g_hash_table_add (seen, g_steal_pointer (&pair));
    }
}

/* The units the library expects reports of without having any: its
 * office profiles (each the templates of its kind of unit), and in a
 * province's library the units that report to it (a district's
 * templates). */
static gboolean
add_expected (GPtrArray    *items,
              GHashTable   *seen,
              BcStore      *store,
              GPtrArray    *templates,
              BcCalendar   *calendar,
              const GDate  *today,
              GError      **error)
{
  g_autoptr(GPtrArray) offices = bc_store_list_offices (store, error);
  g_auto(GStrv) units = NULL;

  if (offices == NULL)
    return FALSE;
  for (guint i = 0; i < offices->len; i++)
    {
      g_autofree char *unit = bc_office_dup_unit_name (offices->pdata[i]);
      expect_unit (items, seen, store, templates, calendar, unit, bc_office_get (offices->pdata[i], "unit_kind"),
                   today);
    }
  if ((units = bc_store_list_reporting_units (store, NULL, error)) == NULL)
    return FALSE;
  for (guint i = 0; units[i] != NULL; i++)
    {
      const char *kind = bc_office_kind_from_name (units[i], NULL);
      expect_unit (items, seen, store, templates, calendar, units[i], is_district_kind (kind) ? kind : "huyện",
                   today);
    }
  return TRUE;
}

/**
 * bc_due_list:
 * @templates: (element-type BcTemplate): the templates whose rules apply
 * @today: the day to count from
 *
 * The reports due for the units and templates the library has reports
 * of, and those it expects without having any (see add_expected()):
 * plans, written ahead, are left out; late and due-soon first, then by
 * deadline.
 *
 * Returns: (transfer container) (element-type BcDueItem): the reports
 */
GPtrArray *
bc_due_list (BcStore      *store,
             GPtrArray    *templates,
             BcCalendar   *calendar,
             const GDate  *today,
             GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_due_item_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (store), NULL);
  g_return_val_if_fail (BC_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  stmt = bc_store_prepare (store, "SELECT template_id, unit, min(period_to) FROM report INDEXED BY report_list"
                           " GROUP BY template_id, unit", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *template_id = (const char *) sqlite3_column_text (stmt, 0);
      const char *unit = (const char *) sqlite3_column_text (stmt, 1);
      BcTemplate *template = find_template (templates, template_id);

      g_hash_table_add (seen, g_strconcat (template_id, "\t", unit, NULL));
      if (template != NULL && g_str_equal (bc_template_get_kind (template), "report"))
        add_unit (items, store, template, calendar, unit, (const char *) sqlite3_column_text (stmt, 2), today);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (store, rc, error), NULL;
  if (!add_expected (items, seen, store, templates, calendar, today, error))
    return NULL;
  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

/**
 * bc_due_item_describe_when:
 *
 * Returns: (transfer full): how late @item is, or how near its deadline
 *   ("trễ 1.084 ngày", "còn 3 ngày làm việc"), numbers the Vietnamese way
 */
char *
bc_due_item_describe_when (const BcDueItem *item)
{
  g_autofree char *days = NULL;

  if (item->days_late > 0)
    {
      days = bc_format_int (item->days_late);
      /* Translators: how late a report is; %s is a number of calendar days */
      return g_strdup_printf (ngettext ("%s day late", "%s days late", item->days_late), days);
    }
  if (item->working_days_left == 0)
    return g_strdup (_("due today"));
  days = bc_format_int (item->working_days_left);
  /* Translators: %s is a number of working days to a report's deadline */
  return g_strdup_printf (ngettext ("%s working day left", "%s working days left", item->working_days_left), days);
}

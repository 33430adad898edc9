/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "bc-calendar.h"
#include "bc-cli.h"
#include "bc-cli-consolidate.h"
#include "bc-cli-utils.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-consolidate.h"
#include "bc-store-rollup.h"
#include "bc-template.h"
#include "bc-text-utils.h"

/* "baocao units", "receive", "expected", "consolidate", "parts" and
 * "override": a province's report from its units' reports, from a shell. */

typedef struct
{
  char  *library;
  char  *actor;
  char  *template_id;
  char  *period;
  char  *from;
  char  *to;
  char  *units;
  char  *office;
  char  *key;
  char  *value;
  char  *reason;
  gboolean update;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->library);
  g_free (o->actor);
  g_free (o->template_id);
  g_free (o->period);
  g_free (o->from);
  g_free (o->to);
  g_free (o->units);
  g_free (o->office);
  g_free (o->key);
  g_free (o->value);
  g_free (o->reason);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
failed (GError *error)
{
  return bc_cli_fail (error->domain == G_OPTION_ERROR ? BC_CLI_USAGE : BC_CLI_FAILED, "%s", error->message);
}

static gboolean
parse (const char     *args,
       const char     *summary,
       GOptionEntry   *entries,
       Options        *o,
       int            *argc,
       char         ***argv,
       GError        **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (args);
  GOptionEntry common[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &o->library, N_("The library database to use"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

static char *
one_line (const char *text)
{
  return bc_text_escape_controls (text ? text : "", FALSE);
}

static int
print_units (BcStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean from_profiles = FALSE;
  g_auto(GStrv) units = bc_store_list_reporting_units (store, &from_profiles, &error);

  if (units == NULL)
    return failed (error);
  if (from_profiles)
    g_printerr ("baocao: %s\n", units[0] ? _("the units of the library's district profiles (set a list with “baocao units add”)")
                                         : _("the library knows no unit that reports to it: add them with “baocao units add NAME…”"));
  for (guint i = 0; units[i]; i++)
    {
      g_autofree char *name = one_line (units[i]);
      g_print ("%s\n", name);
    }
  return BC_CLI_OK;
}

/* The list with @names added or removed. */
static GStrv
edited_units (BcStore   *store,
              gboolean   add,
              char     **names,
              GError   **error)
{
  g_auto(GStrv) units = bc_store_list_reporting_units (store, NULL, error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (units == NULL)
    return NULL;
  for (guint i = 0; units[i]; i++)
    if (!g_strv_contains ((const char * const *) names, units[i]))
      g_strv_builder_add (builder, units[i]);
  for (guint i = 0; add && names[i]; i++)
    g_strv_builder_add (builder, names[i]);
  return g_strv_builder_end (builder);
}

/**
 * bc_cli_units:
 *
 * "baocao units [add NAME…|remove NAME…|clear]": the units that report to
 * the library.
 */
int
bc_cli_units (int    argc,
              char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_auto(GStrv) units = NULL;
  const char *action = argc > 2 ? argv[2] : NULL;

  if (!parse (_("[add NAME…|remove NAME…|clear]"), _("The units that report to this library"), NULL, &o,
              &argc, &argv, &error))
    return failed (error);
  action = argc > 2 ? argv[2] : NULL;
  if ((action != NULL && !g_str_equal (action, "add") && !g_str_equal (action, "remove") && !g_str_equal (action, "clear"))
      || (action != NULL && g_str_equal (action, "clear") && argc != 3)
      || (action != NULL && !g_str_equal (action, "clear") && argc < 4))
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao units [add NAME…|remove NAME…|clear]"));
  if ((store = bc_cli_open_library (o.library, &error)) == NULL)
    return failed (error);
  if (action == NULL)
    return print_units (store);
  if (g_str_equal (action, "clear"))
    units = g_new0 (char *, 1);
  else if ((units = edited_units (store, g_str_equal (action, "add"), argv + 3, &error)) == NULL)
    return failed (error);
  if (!bc_store_set_reporting_units (store, (const char * const *) units, &error))
    return failed (error);
  return print_units (store);
}

static const char *
outcome_word (BcReceiveOutcome outcome)
{
  /* Translators: a file's outcome in "baocao receive", first word of its line */
  switch (outcome)
    {
    case BC_RECEIVE_RECEIVED:
      return _("received");
    case BC_RECEIVE_REPLACED:
      return _("replaced");
    case BC_RECEIVE_DUPLICATE:
      return _("duplicate");
    case BC_RECEIVE_REFUSED:
    default:
      return _("refused");
    }
}

/**
 * bc_cli_receive:
 *
 * "baocao receive FILE…|DIR": one line a file, then the counts. Exit
 * status 0 when every file was taken (or was there already), 1 when some
 * were refused, 3 when the library could not be used.
 */
int
bc_cli_receive (int    argc,
                char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint counts[BC_RECEIVE_REFUSED + 1] = { 0 };
  g_autofree char *summary = NULL;

  if (!parse (_("FILE.baocao…|FOLDER"), _("Receive the units' report files"), NULL, &o, &argc, &argv, &error))
    return failed (error);
  if (argc < 3)
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao receive FILE.baocao…|FOLDER"));
  if ((store = bc_cli_open_library (o.library, &error)) == NULL
      || (results = bc_store_receive_files (store, (const char * const *) argv + 2, &error)) == NULL)
    return failed (error);
  for (guint i = 0; i < results->len; i++)
    {
      const BcReceiveResult *r = results->pdata[i];
      g_autofree char *file = one_line (r->file);
      g_autofree char *unit = one_line (r->unit);
      g_autofree char *why = one_line (r->why);

      counts[r->outcome]++;
      if (r->outcome == BC_RECEIVE_REFUSED)
        g_print ("%s\t%s\t%s\n", outcome_word (r->outcome), file, why);
      else
        g_print ("%s\t%s\t%s\t%" G_GINT64_FORMAT "\n", outcome_word (r->outcome), file, unit, r->report_id);
    }
  summary = bc_receive_dup_summary (results);
  summary[strcspn (summary, "\n")] = '\0';
  g_printerr ("baocao: %s\n", summary);
  return counts[BC_RECEIVE_REFUSED] > 0 ? 1 : BC_CLI_OK;
}

/* --period MM/YYYY, or --from and --to: one of @template's periods. */
static gboolean
period_of (BcTemplate  *template,
           Options     *o,
           char       **from,
           char       **to,
           GError     **error)
{
  guint month, year;

  if ((o->period != NULL) == (o->from != NULL || o->to != NULL) || (o->from != NULL) != (o->to != NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("give --period MM/YYYY, or --from and --to"));
      return FALSE;
    }
  if (o->from != NULL)
    return bc_date_parse_display (o->from, from, error) && bc_date_parse_display (o->to, to, error)
           && bc_period_check (bc_template_get_regime (template), bc_template_get_cutoff_day (template), *from, *to,
                               error);
  if (sscanf (o->period, "%2u/%4u", &month, &year) != 2 || month < 1 || month > 12 || year < 1 || year > 9999
      || strlen (o->period) != 7)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a month written MM/YYYY"), o->period);
      return FALSE;
    }
  /* The period that ends in that month: the month it reports. */
  bc_consolidate_period_of_month (template, month, year, from, to);
  return TRUE;
}

static const char *
state_word (const BcExpectedUnit *e)
{
  if (e->state == BC_EXPECTED_MISSING)
    return _("missing");
  return e->state == BC_EXPECTED_LATE ? _("late") : _("received");
}

/**
 * bc_cli_expected:
 *
 * "baocao expected --template ID --period MM/YYYY": each unit expected,
 * received, late or missing. Exit status 1 when one is missing.
 */
int
bc_cli_expected (int    argc,
                 char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcTemplate) template = NULL;
  g_autoptr(BcCalendar) calendar = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *from = NULL, *to = NULL;
  gboolean missing = FALSE;
  GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &o.template_id, N_("The province's template"), N_("ID") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &o.period, N_("The month reported (MM/YYYY)"), N_("MONTH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("First day of the period (dd/mm/yyyy)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("Last day of the period (dd/mm/yyyy)"), N_("DATE") },
    { NULL }
  };

  if (!parse (NULL, _("Which units have reported for a period"), entries, &o, &argc, &argv, &error))
    return failed (error);
  if (o.template_id == NULL || argc != 2)
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao expected --template ID --period MM/YYYY"));
  if ((template = bc_cli_find_template (o.template_id, &error)) == NULL)
    return failed (error);
  if (!period_of (template, &o, &from, &to, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if ((calendar = bc_calendar_load_default (&error)) == NULL
      || (store = bc_cli_open_library (o.library, &error)) == NULL
      || (list = bc_store_list_expected (store, template, to, calendar, &error)) == NULL)
    return failed (error);
  for (guint i = 0; i < list->len; i++)
    {
      const BcExpectedUnit *e = list->pdata[i];
      g_autofree char *unit = one_line (e->unit);
      g_autofree char *sender = one_line (e->sender);
      g_autofree char *deadline = e->deadline ? bc_date_to_display (e->deadline) : g_strdup ("-");

      missing |= e->state == BC_EXPECTED_MISSING;
      if (e->state == BC_EXPECTED_MISSING)
        {
          g_print ("%s\t%s\n", state_word (e), unit);
          continue;
        }
      g_print ("%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s%s\n", state_word (e), unit, e->report_id,
               bc_cli_status_label (e->status), e->received ? e->received : "-", sender, deadline,
               e->after_consolidation ? _("\tsent again after consolidation") : "");
    }
  return missing ? 1 : BC_CLI_OK;
}

static GStrv
split_units (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *name = g_utf8_normalize (parts[i], -1, G_NORMALIZE_NFC);
      if (name != NULL && *g_strstrip (name) != '\0')
        g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

/* The value as a clerk reads it: "1.234" or "(trống)". */
static char *
shown (const char *value)
{
  gint64 n;

  if (value == NULL || *value == '\0')
    return g_strdup ("-");
  if (bc_parse_count (value, BC_COUNT_MAX, &n, NULL))
    return bc_format_int (n);
  return one_line (value);
}

/* The changed values of an existing consolidated report; --update takes
 * them. Exit status 1 when some changed and were not taken. */
static int
follow_units (BcStore  *store,
              gint64    id,
              gboolean  update)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = bc_store_open_report (store, id, &error);
  g_autoptr(GPtrArray) stale = NULL;
  guint n = 0;

  if (report == NULL || (stale = bc_store_rollup_stale (store, report, NULL, &error)) == NULL)
    return failed (error);
  for (guint i = 0; i < stale->len; i++)
    {
      const BcRollupStale *s = stale->pdata[i];
      g_autofree char *then = shown (s->rolled), *now = shown (s->now), *current = shown (s->current);
      g_autofree char *origin = one_line (s->origin);
      g_print ("%s\t%s\t%s\t%s\t%s\n", s->key, then, now, current, origin);
    }
  if (stale->len > 0 && update && !bc_store_rollup_update (store, report, NULL, &n, &error))
    return failed (error);
  if (stale->len > 0 && !update)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_printerr (_("baocao: the province's report %s exists; %u values changed in the units' reports since: "
                    "add --update to take them\n"), id_text, stale->len);
    }
  return stale->len > 0 && !update ? 1 : BC_CLI_OK;
}

static BcOffice *
province_office (BcStore     *store,
                 Options     *o,
                 BcTemplate  *template,
                 GError     **error)
{
  gint64 office_id;

  if (o->office != NULL)
    {
      if (!bc_cli_parse_id (o->office, &office_id))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not the id of an office profile (see baocao office list)"), o->office);
          return NULL;
        }
      return bc_store_get_office (store, office_id, error);
    }
  return bc_store_find_consolidating_office (store, template, error);
}

static void
warn_missing (BcRollup *sums)
{
  g_autoptr(GPtrArray) missing = bc_consolidate_missing (sums);

  for (guint i = 0; i < missing->len; i++)
    {
      g_autofree char *unit = one_line (missing->pdata[i]);
      g_printerr (_("baocao: warning: no report of %s for this period; the sums leave it out\n"), unit);
    }
}

/* The province's report written without its units' reports: --update
 * fills what it leaves empty with their values, and it is followed as a
 * consolidated report from then on. */
static int
fill_written (BcStore            *store,
              gint64              id,
              const char * const *units,
              gboolean            update)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcRollup) sums = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  guint n = 0;

  if (!update)
    return bc_cli_fail (BC_CLI_FAILED,
                        _("the province's report %s exists, written without the units' reports: add --update to "
                          "fill what it leaves empty with their values (the values typed in it stay)"),
                        id_text);
  if ((report = bc_store_open_report (store, id, &error)) == NULL
      || !bc_store_consolidate_into (store, report, units, &n, &sums, &error))
    return failed (error);
  warn_missing (sums);
  g_printerr (ngettext ("baocao: report %s took %u value from the units' reports\n",
                        "baocao: report %s took %u values from the units' reports\n", n),
              id_text, n);
  g_print ("%s\n", id_text);
  return BC_CLI_OK;
}

/**
 * bc_cli_consolidate:
 *
 * "baocao consolidate --template ID --period MM/YYYY [--units A,B…]
 * [--office ID] [--update]": makes the province's report and prints its
 * id; when it exists, lists the values the units' reports changed since
 * (--update takes them).
 */
int
bc_cli_consolidate (int    argc,
                    char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcTemplate) template = NULL;
  g_autoptr(BcOffice) office = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcRollup) sums = NULL;
  g_auto(GStrv) units = NULL;
  g_autofree char *from = NULL, *to = NULL, *unit = NULL;
  gint64 existing;
  GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &o.template_id, N_("The province's template"), N_("ID") },
    { "period", 0, 0, G_OPTION_ARG_STRING, &o.period, N_("The month reported (MM/YYYY)"), N_("MONTH") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("First day of the period (dd/mm/yyyy)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("Last day of the period (dd/mm/yyyy)"), N_("DATE") },
    { "units", 0, 0, G_OPTION_ARG_STRING, &o.units, N_("Only these units, comma-separated"), N_("NAMES") },
    { "office", 'o', 0, G_OPTION_ARG_STRING, &o.office, N_("The province's office profile"), N_("ID") },
    { "update", 0, 0, G_OPTION_ARG_NONE, &o.update, N_("Take what the units' reports changed since"), NULL },
    { NULL }
  };

  if (!parse (NULL, _("Make the province's report from its units' reports"), entries, &o, &argc, &argv, &error))
    return failed (error);
  if (o.template_id == NULL || argc != 2)
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao consolidate --template ID --period MM/YYYY "
                                        "[--units NAMES] [--office ID] [--update]"));
  if ((template = bc_cli_find_template (o.template_id, &error)) == NULL)
    return failed (error);
  if (!period_of (template, &o, &from, &to, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (o.units != NULL && (units = split_units (o.units))[0] == NULL)
    return bc_cli_fail (BC_CLI_USAGE, _("--units names no unit"));
  if ((store = bc_cli_open_library (o.library, &error)) == NULL
      || (office = province_office (store, &o, template, &error)) == NULL)
    return failed (error);
  unit = bc_office_dup_unit_name (office);
  existing = bc_store_find_period_report (store, bc_template_get_id (template), unit, from, to);
  if (existing > 0 && bc_store_is_consolidated (store, existing, NULL, NULL))
    return follow_units (store, existing, o.update);
  if (existing > 0)
    return fill_written (store, existing, (const char * const *) units, o.update);
  report = bc_store_create_consolidated (store, template, office, from, to, (const char * const *) units, &sums, &error);
  if (report == NULL)
    return failed (error);
  warn_missing (sums);
  g_print ("%" G_GINT64_FORMAT "\n", bc_report_get_id (report));
  return BC_CLI_OK;
}

/**
 * bc_cli_parts:
 *
 * "baocao parts ID KEY": a consolidated value, then each unit's part of
 * it: `unit<TAB>value<TAB>report id`, `unit<TAB>-<TAB>missing` for a unit
 * that did not report it.
 */
int
bc_cli_parts (int    argc,
              char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  g_auto(GStrv) units = NULL;
  g_autofree char *total = NULL;
  gint64 id;

  if (!parse (_("ID KEY"), _("Each unit's part of a consolidated value"), NULL, &o, &argc, &argv, &error))
    return failed (error);
  if (argc != 4 || !bc_cli_parse_id (argv[2], &id))
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao parts ID KEY"));
  if ((store = bc_cli_open_library (o.library, &error)) == NULL
      || (report = bc_store_open_report (store, id, &error)) == NULL)
    return failed (error);
  if (!bc_store_is_consolidated (store, id, &units, NULL))
    return bc_cli_fail (BC_CLI_FAILED, _("Report %s was not consolidated from units' reports"), argv[2]);
  if ((parts = bc_store_get_parts (store, id, argv[3], &error)) == NULL)
    return failed (error);
  total = shown (bc_report_get (report, argv[3]));
  g_print ("%s\t%s\n", _("total"), total);
  for (guint u = 0; units[u]; u++)
    {
      g_autofree char *name = one_line (units[u]);
      const BcRollupPart *part = NULL;

      for (guint i = 0; i < parts->len && part == NULL; i++)
        if (g_str_equal (((BcRollupPart *) parts->pdata[i])->unit, units[u]))
          part = parts->pdata[i];
      if (part != NULL)
        {
          g_autofree char *value = shown (part->value);
          g_print ("%s\t%s\t%" G_GINT64_FORMAT "\n", name, value, part->report_id);
        }
      else
        g_print ("%s\t-\t%s\n", name, _("not reported"));
    }
  return BC_CLI_OK;
}

/**
 * bc_cli_override:
 *
 * "baocao override ID --key KEY --value VALUE --reason TEXT".
 */
int
bc_cli_override (int    argc,
                 char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  gint64 id;
  GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_STRING, &o.key, N_("The consolidated value"), N_("KEY") },
    { "value", 0, 0, G_OPTION_ARG_STRING, &o.value, N_("What to write instead"), N_("VALUE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &o.reason, N_("Why (shown to the reviewer)"), N_("TEXT") },
    { "as", 0, 0, G_OPTION_ARG_STRING, &o.actor, N_("Sign as NAME"), N_("NAME") },
    { NULL }
  };

  if (!parse (_("ID"), _("Type over a consolidated value, with a reason"), entries, &o, &argc, &argv, &error))
    return failed (error);
  if (argc != 3 || !bc_cli_parse_id (argv[2], &id) || o.key == NULL || o.value == NULL)
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao override ID --key KEY --value VALUE --reason TEXT"));
  if (o.reason == NULL || *g_strstrip (o.reason) == '\0')
    return bc_cli_fail (BC_CLI_USAGE, _("--reason is required: a consolidated value is typed over only with a reason"));
  if ((store = bc_cli_open_library (o.library, &error)) == NULL
      || (report = bc_store_open_report (store, id, &error)) == NULL)
    return failed (error);
  if (o.actor != NULL && *o.actor != '\0')
    bc_store_set_actor (store, o.actor);
  if (!bc_store_override (store, report, o.key, o.value, o.reason, &error))
    return failed (error);
  return BC_CLI_OK;
}

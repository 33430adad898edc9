/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bc-cli.h"
#include "bc-cli-utils.h"
#include "bc-cli-check.h"
#include "bc-cli-due.h"
#include "bc-cli-plan.h"
#include "bc-trend.h"
#include "bc-cli-office.h"
#include "bc-cli-review.h"
#include "bc-cli-consolidate.h"
#include "bc-cli-rollup.h"
#include "bc-docx.h"
#include "bc-file-utils.h"
#include "bc-keys.h"
#include "bc-number.h"
#include "bc-office.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-template.h"
#include "bc-text-utils.h"
#include "bc-xlsx.h"

/* The headless face of Baocao: the same library the window uses, with one
 * line of error and a non-zero status on failure. */

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  int (*run) (int argc, char **argv);
} Command;

static char *opt_library;

/* A library named on the command line is taken at its word only when it
 * is one: a mistyped name must not quietly start an empty library, nor an
 * empty or foreign file become one. bc_store_open() refuses what is not a
 * library inside. */
static gboolean
check_named_library (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN, _("“%s” is a folder, not a library"), path);
      else if (st.st_size == 0)
        g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_FOREIGN, _("“%s” is an empty file, not a library"), path);
      else
        return TRUE;
      return FALSE;
    }
  /* Unreadable for another reason: bc_store_open() says why. */
  if (errno != ENOENT)
    return TRUE;
  dir = g_path_get_dirname (path);
  if (!g_str_has_suffix (path, ".db"))
    g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                 _("There is no library “%s”, and a new one is made only in a file whose name ends in .db"), path);
  else if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                 _("There is no library “%s”, and its folder “%s” does not exist"), path, dir);
  else
    return TRUE;
  return FALSE;
}

static BcStore *
open_store (GError **error)
{
  return bc_cli_open_library (opt_library, error);
}

static gboolean
parse_options (const char     *args,
               const char     *summary,
               GOptionEntry   *entries,
               int            *argc,
               char         ***argv,
               GError        **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (args);
  GOptionEntry common[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &opt_library, N_("The library database to use"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (context, argc, argv, error);
}

static int
cmd_list (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(GPtrArray) reports = NULL;

  if (!parse_options (NULL, _("List the reports in the library"), NULL, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (argc > 2)
    return bc_cli_fail (BC_CLI_USAGE, _("“list” takes no arguments"));
  if ((store = open_store (&error)) == NULL || (reports = bc_store_list_reports (store, &error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  /* Said apart from the list, which scripts read: nothing there is no
   * answer to a newcomer. */
  if (reports->len == 0)
    g_printerr ("baocao: %s\n", _("the library has no reports yet: make one with “baocao new”, "
                                   "or add one with “baocao import-json” or “baocao open-file”"));
  for (guint i = 0; i < reports->len; i++)
    {
      BcReportSummary *s = reports->pdata[i];
      g_autofree char *from = bc_date_to_display (s->period_from);
      g_autofree char *to = bc_date_to_display (s->period_to);
      g_autofree char *unit = bc_text_escape_controls (s->unit, FALSE);
      g_autofree char *template_id = bc_text_escape_controls (s->template_id, FALSE);
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s–%s\t%s\t%s\t%s\n", s->id, unit, from, to,
               bc_cli_status_label (s->status), template_id, s->modified);
    }
  return BC_CLI_OK;
}

static char *
template_dir (const char *what)
{
  return bc_template_default_dir (what);
}

static int
cmd_templates (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *tdir = template_dir ("templates");
  g_autofree char *cdir = template_dir ("catalogs");

  if (!parse_options (NULL, _("List the templates reports can be made from"), NULL, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if ((templates = bc_template_load_dir (tdir, cdir, &error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  for (guint i = 0; i < templates->len; i++)
    {
      g_autofree char *name = bc_text_escape_controls (bc_template_get_name (templates->pdata[i]), FALSE);
      g_print ("%s\t%s\n", bc_template_get_id (templates->pdata[i]), name);
    }
  return BC_CLI_OK;
}

/* A period that is not one of the template's is a mistyped argument. */
static gboolean
check_period (BcTemplate *template,
              const char *from,
              const char *to)
{
  g_autoptr(GError) error = NULL;

  if (bc_period_check (bc_template_get_regime (template), bc_template_get_cutoff_day (template),
                       from, to, &error))
    return TRUE;
  bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  return FALSE;
}

/* A profile made for a unit typed with --unit: the clerk is told how to
 * complete it (on standard error: standard output is the report's id). */
static void
told_new_office (BcOffice *office)
{
  g_autofree char *name = bc_office_dup_unit_name (office);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, bc_office_get_id (office));

  g_printerr (_("baocao: made office profile %s for “%s”; complete it with "
                "baocao office set %s --supervising-body … --signer-name … (see baocao office show %s)\n"),
              id, name, id, id);
}

static int
cmd_new (int    argc,
         char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcTemplate) template = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *office_text = NULL;
  g_autoptr(BcOffice) office = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 office_id = 0;
  gboolean made = FALSE;
  gboolean from_months = FALSE;
  int year = 0;
  GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template_id, N_("Template id or file"), N_("ID") },
    { "office", 'o', 0, G_OPTION_ARG_STRING, &office_text, N_("The office profile to write for"), N_("ID") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit, N_("Reporting unit (its office profile, made if it has none)"),
      N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day of the period (dd/mm/yyyy)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day of the period (dd/mm/yyyy)"), N_("DATE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("An annual template's period: the reporting year"), N_("YEAR") },
    { "from-months", 0, 0, G_OPTION_ARG_NONE, &from_months,
      N_("Build it from the library's monthly reports of the unit inside the period"), NULL },
    { NULL }
  };

  if (!parse_options (NULL, _("Create a report from a template"), entries, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (template_id == NULL || (unit == NULL) == (office_text == NULL) || argc > 2)
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao new --template ID --office ID|--unit NAME "
                                 "[--from DATE --to DATE | --year YEAR] [--from-months]"));
  if (year != 0 && (from_text != NULL || to_text != NULL))
    return bc_cli_fail (BC_CLI_USAGE, _("give --year, or --from and --to, not both"));
  if (year != 0 && (year < 1 || year > 9999))
    return bc_cli_fail (BC_CLI_USAGE, _("--year must be a year from 1 to 9999"));
  if (office_text != NULL && !bc_cli_parse_id (office_text, &office_id))
    return bc_cli_fail (BC_CLI_USAGE, _("“%s” is not the id of an office profile (see baocao office list)"), office_text);
  if ((from_text == NULL) != (to_text == NULL))
    return bc_cli_fail (BC_CLI_USAGE, _("give both --from and --to, or neither"));
  if (from_text != NULL)
    {
      if (!bc_date_parse_display (from_text, &from, &error)
          || !bc_date_parse_display (to_text, &to, &error))
        return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
    }
  if ((template = bc_cli_find_template (template_id, &error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  if (year != 0 && bc_template_get_regime (template) != BC_REGIME_ANNUAL)
    return bc_cli_fail (BC_CLI_USAGE, _("--year is for an annual template; give --from and --to"));
  if (year != 0)
    bc_period_of_year (BC_REGIME_ANNUAL, bc_template_get_cutoff_day (template), (guint) year, &from, &to);
  if (from_months && bc_template_get_regime (template) == BC_REGIME_MONTHLY)
    return bc_cli_fail (BC_CLI_USAGE, _("--from-months builds a report of a longer period than a month; "
                                 "“%s” is a monthly template"), template_id);
  if (from != NULL && !check_period (template, from, to))
    return BC_CLI_USAGE;
  if (from == NULL)
    {
      GDate today;

      bc_date_today (&today);
      bc_period_default (bc_template_get_regime (template), bc_template_get_cutoff_day (template),
                         g_str_equal (bc_template_get_kind (template), "plan"), &today, &from, &to);
    }
  if ((store = open_store (&error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  office = office_id > 0 ? bc_store_get_office (store, office_id, &error)
                         : bc_cli_find_office (store, unit, bc_template_get_unit_kind (template), &made, &error);
  if (office == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  report = from_months ? bc_cli_new_from_months (store, template, office, from, to, &error)
                       : bc_store_create_report_for_office (store, template, office, from, to, &error);
  if (report == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  if (made)
    told_new_office (office);
  g_print ("%" G_GINT64_FORMAT "\n", bc_report_get_id (report));
  return BC_CLI_OK;
}

static BcReport *
open_report_arg (BcStore    **store,
                 int          argc,
                 char       **argv,
                 const char  *usage,
                 GError     **error)
{
  gint64 id;

  if (argc != 3 || !bc_cli_parse_id (argv[2], &id))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, usage);
      return NULL;
    }
  if ((*store = open_store (error)) == NULL)
    return NULL;
  return bc_store_open_report (*store, id, error);
}

static int
report_failure (GError *error)
{
  return bc_cli_fail (error->domain == G_OPTION_ERROR ? BC_CLI_USAGE : BC_CLI_FAILED, "%s", error->message);
}

/* "Phụ lục II: … (25 rows)"; a table of the body under its section. */
static void
print_table (BcReport         *report,
             const BcTableDef *t,
             const char       *indent)
{
  g_autofree char *table_title = bc_text_escape_controls (t->title, FALSE);
  g_autofree char *caption = bc_text_escape_controls (t->caption ? t->caption : "", FALSE);
  guint applicable = 0;

  for (guint j = 0; j < t->rows->len; j++)
    {
      BcRow *r = t->rows->pdata[j];
      applicable += !r->heading && bc_report_row_applies (report, t->id, r->key);
    }
  g_print ("%s%s: %s (%u %s)\n", indent, table_title, caption, applicable, _("rows"));
}

static void
print_section_tables (BcReport        *report,
                      const BcSection *s,
                      const char      *indent)
{
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (report));
  g_autofree char *deeper = g_strconcat (indent, "  ▸ ", NULL);

  for (guint i = 0; i < tables->len; i++)
    if (g_strcmp0 (((BcTableDef *) tables->pdata[i])->section, s->id) == 0)
      print_table (report, tables->pdata[i], deeper);
}

static void
print_sections (BcReport  *report,
                GPtrArray *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      BcSection *s = sections->pdata[i];
      g_autofree char *indent = g_strnfill (s->depth * 2, ' ');
      g_autofree char *own = bc_report_dup_section_heading (report, s);
      g_autofree char *title = bc_text_escape_controls (own, FALSE);

      /* The report's own heading; a section left out says so. */
      g_print ("%s%s [%s]%s\n", indent, title, bc_section_kind_to_string (s->kind),
               bc_report_section_is_omitted (report, s) ? _(" (left out of this report)") : "");
      for (guint j = 0; j < s->figures->len; j++)
        {
          BcFigure *f = s->figures->pdata[j];
          g_autofree char *key = bc_key_figure (f->id, FALSE);
          const char *value = bc_report_get (report, key);
          g_autofree char *shown = *value ? bc_format_int (g_ascii_strtoll (value, NULL, 10)) : g_strdup ("—");

          g_autofree char *expanded = bc_report_dup_figure_label (report, f);
          g_autofree char *label = bc_text_escape_controls (expanded, FALSE);
          g_autofree char *unit = bc_text_escape_controls (f->unit, FALSE);

          g_print ("%s  · %s: %s %s\n", indent, label, shown, unit);
        }
      print_section_tables (report, s, indent);
      print_sections (report, s->children);
    }
}

static int
cmd_show (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *name = NULL;
  BcTemplate *template;
  GPtrArray *tables;

  if (!parse_options (_("ID"), _("Show a report"), NULL, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if ((report = open_report_arg (&store, argc, argv, _("usage: baocao show ID"), &error)) == NULL)
    return report_failure (error);
  template = bc_report_get_template (report);
  title = bc_report_dup_title (report);
  name = bc_text_escape_controls (bc_template_get_name (template), FALSE);
  escaped_title = bc_text_escape_controls (title, FALSE);
  g_print ("%s\n%s: %s\n%s: %s\n%s: %s\n\n", escaped_title,
           _("Template"), name,
           _("Status"), bc_cli_status_label (bc_report_get_status (report)),
           _("Last change"), bc_report_get_modified (report));
  print_sections (report, bc_template_get_sections (template));
  tables = bc_template_get_tables (template);
  for (guint i = 0; i < tables->len; i++)
    if (((BcTableDef *) tables->pdata[i])->section == NULL)
      print_table (report, tables->pdata[i], "");
  return BC_CLI_OK;
}

static int
cmd_next (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcReport) next = NULL;

  if (!parse_options (_("ID"), _("Create the report for the next period from this one"), NULL, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if ((report = open_report_arg (&store, argc, argv, _("usage: baocao next ID"), &error)) == NULL)
    return report_failure (error);
  if ((next = bc_store_duplicate_next (store, report, NULL, &error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  g_print ("%" G_GINT64_FORMAT "\n", bc_report_get_id (next));
  return BC_CLI_OK;
}

/* From the list rather than by opening the report: a report whose
 * template no longer reads can still be deleted. */
static gboolean
is_approved (BcStore  *store,
             gint64    id,
             GError  **error)
{
  g_autoptr(GPtrArray) reports = bc_store_list_reports (store, error);

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      BcReportSummary *s = reports->pdata[i];
      if (s->id == id)
        return g_str_equal (s->status, "approved");
    }
  return FALSE;
}

static int
cmd_delete (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autofree char *id_text = NULL;
  gboolean force = FALSE;
  gint64 id;
  GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Delete the report even if it is approved"), NULL },
    { NULL }
  };

  if (!parse_options (_("ID"), _("Delete a report"), entries, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (argc != 3 || !bc_cli_parse_id (argv[2], &id))
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao delete ID [--force]"));
  if ((store = open_store (&error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  /* An approved report is what the office sent: a typo must not lose it. */
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (!force && is_approved (store, id, &error))
    return bc_cli_fail (BC_CLI_FAILED, _("report %s is approved: add --force to delete it anyway"), id_text);
  if (error != NULL || !bc_store_delete_report (store, id, &error))
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  return BC_CLI_OK;
}

static int
cmd_export_json (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autofree char *output = NULL;
  g_autofree char *json = NULL;
  int saved_errno = 0;
  gint64 id;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!parse_options (_("ID"), _("Write a report as interchange JSON"), entries, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (argc != 3 || !bc_cli_parse_id (argv[2], &id))
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao export-json ID [-o FILE]"));
  if ((store = open_store (&error)) == NULL || (json = bc_store_export_json (store, id, &error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  if (output == NULL)
    {
      g_print ("%s\n", json);
      return BC_CLI_OK;
    }
  if (!bc_file_replace_contents (output, json, strlen (json), &saved_errno))
    {
      g_autofree char *name = g_filename_display_name (output);

      return bc_cli_fail (BC_CLI_FAILED, _("“%s” could not be written: %s"), name, g_strerror (saved_errno));
    }
  return BC_CLI_OK;
}

static int
cmd_import_json (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  gint64 id;

  if (!parse_options (_("FILE"), _("Add a report from interchange JSON to the library"), NULL, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (argc != 3)
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao import-json FILE"));
  if ((store = open_store (&error)) == NULL
      || (id = bc_store_import_json_file (store, argv[2], &error)) == 0)
    return bc_cli_fail (BC_CLI_FAILED, "%s: %s", argv[2], error->message);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return BC_CLI_OK;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcExportOptions) options = bc_export_options_copy (NULL);
  g_autofree char *docx = NULL;
  g_autofree char *xlsx = NULL;
  gboolean comments = FALSE;
  int trend = 0;
  GOptionEntry entries[] = {
    { "docx", 0, 0, G_OPTION_ARG_FILENAME, &docx, N_("Write the report as DOCX to FILE"), N_("FILE") },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Write the appendices as XLSX to FILE"), N_("FILE") },
    { "trend", 0, 0, G_OPTION_ARG_INT, &trend, N_("Add to the XLSX a sheet of the key figures over the last N periods, with charts"), N_("N") },
    { "comments", 0, 0, G_OPTION_ARG_NONE, &comments, N_("Put the comments into the DOCX as Word comments"), NULL },
    { "resolved", 0, 0, G_OPTION_ARG_NONE, &options->include_resolved,
      N_("With --comments: resolved threads too"), NULL },
    { NULL }
  };

  if (!parse_options (_("ID|FILE.json"), _("Export a report as DOCX and its appendices as XLSX"), entries,
                      &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (argc != 3 || (docx == NULL && xlsx == NULL))
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao export ID|FILE.json [--docx FILE [--comments [--resolved]]] [--xlsx FILE]"));
  if ((comments || options->include_resolved) && docx == NULL)
    return bc_cli_fail (BC_CLI_USAGE, _("--comments and --resolved go with --docx"));
  if (options->include_resolved && !comments)
    return bc_cli_fail (BC_CLI_USAGE, _("--resolved goes with --comments"));
  if (trend != 0 && (xlsx == NULL || trend < 2 || trend > BC_TREND_MAX_PERIODS))
    return bc_cli_fail (BC_CLI_USAGE, _("--trend N goes with --xlsx, N from 2 to 24"));
  if ((docx != NULL && !bc_export_check_name (docx, "docx", &error))
      || (xlsx != NULL && !bc_export_check_name (xlsx, "xlsx", &error))
      || !bc_export_check_epoch (&error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if ((report = bc_cli_open_report (opt_library, argv[2], &store, &error)) == NULL)
    return report_failure (error);
  /* A .json source carries its comments: they are in the throw-away library. */
  if (comments && !bc_export_options_load_comments (options, store, bc_report_get_id (report), &error))
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  /* Said before anything is written: a command never fails after doing
   * part of its work. With --docx too, the DOCX is all there is to write. */
  if (xlsx != NULL && bc_template_get_tables (bc_report_get_template (report))->len == 0)
    {
      if (docx == NULL)
        return bc_cli_fail (BC_CLI_FAILED, "%s", _("This report has no appendix tables: no XLSX written."));
      g_printerr (_("baocao: this report has no appendix tables: only the DOCX is written.\n"));
      g_clear_pointer (&xlsx, g_free);
    }
  if (xlsx != NULL && trend > 0)
    options->trends = bc_trend_new_for_figures (store, report, trend, NULL);
  if (!bc_export_options_load_parts (options, store, bc_report_get_id (report), &error))
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  if (docx != NULL && !bc_docx_export (report, docx, options, &error))
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  if (xlsx != NULL && !bc_xlsx_export (report, xlsx, options, &error))
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  return BC_CLI_OK;
}

static int cmd_help (int argc, char **argv);

/* Translators: the arguments of a command in "baocao help": translate
 * the words in capitals (ID, NAME, DATE, FILE, KEY, TEXT), never the
 * command's options ("--template") or actions ("submit"). */
static const Command commands[] = {
  { "list", "", N_("List the reports in the library"), cmd_list },
  { "templates", "", N_("List the templates"), cmd_templates },
  { "new", N_("--template ID --office ID|--unit NAME [--from DATE --to DATE | --year YEAR] [--from-months]"),
    N_("Create a report for an office (a unit without a profile gets one); without dates, for the last period that has ended (a plan: the current one); --from-months builds it from the unit's monthly reports"), cmd_new },
  { "show", N_("ID"), N_("Show a report's sections and figures"), cmd_show },
  { "next", N_("ID"), N_("Create the next period's report from this one"), cmd_next },
  { "delete", N_("ID [--force]"), N_("Delete a report (an approved one only with --force)"), cmd_delete },
  { "export-json", N_("ID [-o FILE]"), N_("Write a report as interchange JSON"), cmd_export_json },
  { "import-json", N_("FILE"), N_("Add a report from interchange JSON"), cmd_import_json },
  { "export", N_("ID|FILE.json [--docx FILE [--comments [--resolved]]] [--xlsx FILE [--trend N]]"), N_("Export a report as DOCX and XLSX"), cmd_export },
  { "check", N_("ID|FILE.json [--json]"), N_("Check a report's figures, dates and completeness"), bc_cli_check },
  { "due", N_("[--json] [--today DATE]"), N_("The reports due, their deadlines and how far they are"), bc_cli_due },
  { "plan-status", N_("PLAN [--json] [--xlsx FILE] [--today DATE]"),
    N_("A plan's tasks by status, overdue first, with who reported what in each period"), bc_cli_plan_status },
  { "plan-update", N_("ID [--apply]"),
    N_("What the plan in force added, changed or dropped in a report's follow-up since; --apply takes it"),
    bc_cli_plan_update },
  { "save-file", N_("ID FILE.baocao"), N_("Save a report as a report file, to send it"), bc_cli_save_file },
  { "open-file", N_("FILE.baocao [--replace|--keep-both]"), N_("Add a report file to the library"), bc_cli_open_file },
  { "status", N_("ID [submit|return|approve|reopen|withdraw] [--reason TEXT]"),
    N_("Show or change a report's review status (return and reopen need --reason)"), bc_cli_status },
  { "comment", N_("ID --on KEY TEXT | --report TEXT | --reply N TEXT | --resolve N | --reopen N"), N_("Comment on a report"), bc_cli_comment },
  { "comments", N_("ID [--on KEY]"), N_("List a report's comments"), bc_cli_comments },
  { "rollup", N_("ID"), N_("Where each value of a report built from monthly reports came from"), bc_cli_rollup },
  { "rollup-update", N_("ID [--apply] [--key KEY]…"),
    N_("The values the monthly reports have changed since; --apply takes the new ones"), bc_cli_rollup_update },
  { "units", N_("[add NAME…|remove NAME…|clear]"), N_("The units that report to this library (default: its district profiles)"), bc_cli_units },
  { "receive", N_("FILE.baocao…|FOLDER"), N_("Receive the units' report files: each checked as open-file checks it, one line a file"), bc_cli_receive },
  { "expected", N_("--template ID --period MM/YYYY"), N_("Each unit's report for the period: received, late or missing"), bc_cli_expected },
  { "consolidate", N_("--template ID --period MM/YYYY [--units NAMES] [--office ID] [--update]"),
    N_("Make the province's report from its units' reports; when it exists, list what they changed since (--update takes it)"), bc_cli_consolidate },
  { "parts", N_("ID KEY"), N_("Each unit's part of a consolidated value"), bc_cli_parts },
  { "override", N_("ID --key KEY --value VALUE --reason TEXT"), N_("Type over a consolidated value, with a reason"), bc_cli_override },
  { "diff", N_("ID1 ID2"), N_("Compare two reports value by value"), bc_cli_diff },
  { "review", N_("ID [--accept KEY] [--revert KEY] [--accept-all|--revert-all]"), N_("What others changed since the report was submitted"), bc_cli_review },
  { "office", N_("list | show ID | add --unit NAME --kind KIND [--FIELD VALUE…] | set ID --FIELD VALUE… | delete ID"),
    N_("Keep the office profiles reports are written for (fields: baocao office --help)"), bc_cli_office },
  { "help", "", N_("Show this help"), cmd_help },
};

static int
cmd_help (int    argc,
          char **argv)
{
  g_autofree char *text = bc_cli_dup_commands_help ();

  g_print ("%s\n\n%s", _("Usage: baocao [COMMAND] [OPTIONS…]   (no command: start the application)"), text);
  return BC_CLI_OK;
}

/**
 * bc_cli_dup_commands_help:
 *
 * The commands, each with its arguments and what it does, and what every
 * command takes: "baocao help" prints it, "baocao --help" (the window's
 * options) ends with it.
 *
 * Returns: (transfer full): the text, lines ending in newlines
 */
char *
bc_cli_dup_commands_help (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  baocao %s%s%s\n      %s\n", commands[i].name, *commands[i].args ? " " : "",
                            *commands[i].args ? _(commands[i].args) : "", _(commands[i].summary));
  g_string_append_printf (text, "\n%s\n", _("Every command takes --library FILE; BAOCAO_LIBRARY in the environment does the same."));
  g_string_append_printf (text, "%s\n", _("A library named so is made only when FILE ends in .db and its folder exists."));
  g_string_append_printf (text, "%s\n", _("Exit status: 0 success, 3 the command failed, 64 bad arguments; "
                                           "check: 0 no finding, 1 warnings, 2 errors."));
  return g_string_free (text, FALSE);
}

/**
 * bc_cli_is_command:
 * @arg: the first argument
 *
 * Options ("--open ID", "--help") are the window's; any other first
 * argument is a command, known or mistyped: the window opens no files, and
 * "baocao lsit" must say so rather than start it.
 *
 * Returns: %TRUE when bc_cli_run() handles the arguments
 */
gboolean
bc_cli_is_command (const char *arg)
{
  if (arg == NULL)
    return FALSE;
  return arg[0] != '-' || g_str_equal (arg, "--help-commands");
}

/**
 * bc_cli_open_library:
 * @library: (nullable): the --library argument
 *
 * Opens the library named by --library, else by BAOCAO_LIBRARY, else the
 * default one (made with its folder on first use). A library that is
 * named is made only where one is meant: see check_named_library().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
BcStore *
bc_cli_open_library (const char  *library,
                     GError     **error)
{
  const char *env = g_getenv ("BAOCAO_LIBRARY");
  g_autofree char *path = library ? g_strdup (library) : bc_store_default_path ();

  if ((library != NULL || (env != NULL && *env != '\0')) && !check_named_library (path, error))
    return NULL;
  return bc_store_open (path, error);
}

/* The name and role set in the window's Preferences sign what the
 * commands do as well (--as and --role still win). Where the settings
 * schema is not installed there are none: GSettings aborts on a missing
 * schema, so it is looked up first. */
static void
load_preferences (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL)
    return;
  settings = g_settings_new_full (schema, NULL, NULL);
  name = g_strstrip (g_settings_get_string (settings, "user-name"));
  role = g_settings_get_string (settings, "user-role");
  bc_store_set_default_actor (*name != '\0' ? name : NULL, bc_store_role_is_valid (role) ? role : NULL);
}

/* Everything a command prints reaches the terminal through here: text
 * from a file can hold escape sequences (retitle the window, clear the
 * screen), which are written visibly instead. */
static void
print_cb (const char *text)
{
  g_autofree char *escaped = bc_text_escape_controls (text, TRUE);

  fputs (escaped, stdout);
  fflush (stdout);
}

static void
printerr_cb (const char *text)
{
  g_autofree char *escaped = bc_text_escape_controls (text, TRUE);

  fputs (escaped, stderr);
  fflush (stderr);
}

static int
run_command (int    argc,
             char **argv)
{
  load_preferences ();
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      return commands[i].run (argc, argv);
  if (g_strcmp0 (argv[1], "--help-commands") == 0)
    return cmd_help (argc, argv);
  return bc_cli_fail (BC_CLI_USAGE, _("unknown command “%s”; see baocao help"), argv[1]);
}

/**
 * bc_cli_run:
 *
 * Runs the command named by argv[1]. What it prints goes through
 * bc_text_escape_controls(): no control character from a file reaches
 * the terminal.
 *
 * Returns: the exit status: 0 success, 3 failure, 64 bad arguments
 */
int
bc_cli_run (int    argc,
            char **argv)
{
  GPrintFunc old_print = g_set_print_handler (print_cb);
  GPrintFunc old_printerr = g_set_printerr_handler (printerr_cb);
  int status = run_command (argc, argv);

  fflush (stdout);
  g_set_print_handler (old_print);
  g_set_printerr_handler (old_printerr);
  return status;
}

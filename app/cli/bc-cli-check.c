/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bc-checker.h"
#include "bc-store-rollup.h"
#include "bc-cli.h"
#include "bc-cli-utils.h"
#include "bc-cli-check.h"
#include "bc-report.h"
#include "bc-store.h"
#include "bc-text-utils.h"

/* "baocao check": the findings of one report, as text or JSON, and an exit
 * status a script can test. */

static char *
where (BcFinding *f)
{
  guint offset, length;

  if (bc_finding_get_span (f, &offset, &length))
    return g_strdup_printf ("%s:%u", bc_finding_get_location (f), offset);
  return g_strdup (bc_finding_get_location (f));
}

/* Padded to @width characters, not bytes: "cảnh báo" is 8 wide. */
static void
print_cell (const char *text,
            glong       width)
{
  g_autofree char *pad = g_strnfill (MAX (0, width - g_utf8_strlen (text, -1)), ' ');

  g_print ("%s%s  ", text, pad);
}

static void
print_summary (GPtrArray *findings)
{
  guint errors = bc_check_count (findings, BC_SEVERITY_ERROR, TRUE);
  guint warnings = bc_check_count (findings, BC_SEVERITY_WARNING, TRUE);
  guint explained = errors + warnings - bc_check_count (findings, BC_SEVERITY_ERROR, FALSE)
                    - bc_check_count (findings, BC_SEVERITY_WARNING, FALSE);
  g_autofree char *errors_text = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
  g_autofree char *warnings_text = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);

  if (explained == 0)
    /* Translators: the last line of "baocao check": "2 errors, 1 warning" */
    g_print (_("%s, %s"), errors_text, warnings_text);
  else
    /* Translators: the last line of "baocao check": "2 errors, 1 warning, of which 1 is explained" */
    g_print (ngettext ("%s, %s, of which %u is explained", "%s, %s, of which %u are explained", explained),
             errors_text, warnings_text, explained);
  g_print ("\n");
}

/* Three columns: severity, location (value key and character offset),
 * message; an explanation under its message. */
static void
print_text (BcReport  *report,
            GPtrArray *findings)
{
  g_autofree char *raw_title = bc_report_dup_title (report);
  g_autofree char *title = bc_text_escape_controls (raw_title, FALSE);
  /* Translators: the severity column of "baocao check" */
  const char *error_label = _("error");
  const char *warning_label = _("warning");
  glong severity_width = MAX (g_utf8_strlen (error_label, -1), g_utf8_strlen (warning_label, -1));
  glong where_width = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *location = where (findings->pdata[i]);
      where_width = MAX (where_width, g_utf8_strlen (location, -1));
    }

  g_print ("%s\n", title);
  for (guint i = 0; i < findings->len; i++)
    {
      BcFinding *f = findings->pdata[i];
      g_autofree char *location = where (f);
      g_autofree char *message = bc_text_escape_controls (bc_finding_get_message (f), FALSE);

      print_cell (bc_finding_get_severity (f) == BC_SEVERITY_ERROR ? error_label : warning_label, severity_width);
      print_cell (location, where_width);
      g_print ("%s\n", message);
      if (bc_finding_get_explained (f))
        {
          print_cell ("", severity_width);
          print_cell ("", where_width);
          g_autofree char *explanation = bc_text_escape_controls (bc_finding_get_explanation (f), FALSE);
          g_print ("%s %s\n", _("explained:"), explanation);
        }
    }
  print_summary (findings);
}

static void
add_finding (JsonBuilder *b,
             BcFinding   *f)
{
  guint offset, length;
  gboolean span = bc_finding_get_span (f, &offset, &length);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, bc_finding_get_id (f));
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, bc_finding_get_rule (f));
  json_builder_set_member_name (b, "severity");
  json_builder_add_string_value (b, bc_severity_to_string (bc_finding_get_severity (f)));
  json_builder_set_member_name (b, "location");
  json_builder_add_string_value (b, bc_finding_get_location (f));
  json_builder_set_member_name (b, "offset");
  span ? json_builder_add_int_value (b, offset) : json_builder_add_null_value (b);
  json_builder_set_member_name (b, "length");
  span ? json_builder_add_int_value (b, length) : json_builder_add_null_value (b);
  json_builder_set_member_name (b, "group");
  json_builder_add_string_value (b, bc_finding_get_group (f));
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, bc_finding_get_message (f));
  json_builder_set_member_name (b, "explanation");
  bc_finding_get_explained (f) ? json_builder_add_string_value (b, bc_finding_get_explanation (f))
                               : json_builder_add_null_value (b);
  json_builder_end_object (b);
}

static void
print_json (BcReport  *report,
            GPtrArray *findings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "uuid");
  json_builder_add_string_value (b, bc_report_get_uuid (report));
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, bc_report_get_unit (report));
  json_builder_set_member_name (b, "period_from");
  json_builder_add_string_value (b, bc_report_get_period_from (report));
  json_builder_set_member_name (b, "period_to");
  json_builder_add_string_value (b, bc_report_get_period_to (report));
  json_builder_set_member_name (b, "errors");
  json_builder_add_int_value (b, bc_check_count (findings, BC_SEVERITY_ERROR, TRUE));
  json_builder_set_member_name (b, "warnings");
  json_builder_add_int_value (b, bc_check_count (findings, BC_SEVERITY_WARNING, TRUE));
  json_builder_set_member_name (b, "unexplained_errors");
  json_builder_add_int_value (b, bc_check_count (findings, BC_SEVERITY_ERROR, FALSE));
  json_builder_set_member_name (b, "unexplained_warnings");
  json_builder_add_int_value (b, bc_check_count (findings, BC_SEVERITY_WARNING, FALSE));
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < findings->len; i++)
    add_finding (b, findings->pdata[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  g_print ("%s\n", text);
}

/**
 * bc_cli_check:
 *
 * "baocao check ID|FILE.json [--json]".  Explained findings are listed
 * but do not count towards the status.
 *
 * Returns: 0 no finding, 1 warnings only, 2 errors, 3 the report could not
 *   be read, 64 bad arguments
 */
int
bc_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID|FILE.json"));
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(BcReport) previous = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *library = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library, N_("The library database to use"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the findings as JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Check a report's figures, dates and completeness"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (argc != 3)
    return bc_cli_fail (BC_CLI_USAGE, "%s", _("usage: baocao check ID|FILE.json [--json]"));
  if ((report = bc_cli_open_report (library, argv[2], &store, &error)) == NULL)
    return bc_cli_fail (error->domain == G_OPTION_ERROR ? BC_CLI_USAGE : BC_CLI_FAILED, "%s", error->message);
  /* Month over month needs the report this one was made from, if any. */
  if (bc_report_get_previous_id (report) > 0)
    previous = bc_store_open_report (store, bc_report_get_previous_id (report), NULL);

  /* A report of the library is checked against its months too. */
  findings = store != NULL ? bc_store_check_report (store, report, previous) : bc_check_report (report, previous);
  if (json)
    print_json (report, findings);
  else
    print_text (report, findings);
  if (bc_check_count (findings, BC_SEVERITY_ERROR, FALSE) > 0)
    return BC_CLI_CHECK_ERRORS;
  if (bc_check_count (findings, BC_SEVERITY_WARNING, FALSE) > 0)
    return BC_CLI_CHECK_WARNINGS;
  return BC_CLI_CHECK_CLEAN;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bc-calendar.h"
#include "bc-cli.h"
#include "bc-cli-due.h"
#include "bc-cli-utils.h"
#include "bc-due.h"
#include "bc-keys.h"
#include "bc-period.h"
#include "bc-template.h"
#include "bc-text-utils.h"

/* "baocao due": the reports due, late first, as text or JSON, and an
 * exit status a script (a daily reminder) can test. */

static const char *
state_word (const BcDueItem *item)
{
  switch (bc_due_item_state (item))
    {
    case BC_DUE_LATE:
      return "late";
    case BC_DUE_SOON:
      return "soon";
    case BC_DUE_NOTHING:
    default:
      return item->status[0] != '\0' && (g_str_equal (item->status, "submitted")
                                         || g_str_equal (item->status, "approved")) ? "sent" : "later";
    }
}

static void
print_text (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      const BcDueItem *item = items->pdata[i];
      g_autofree char *unit = bc_text_escape_controls (item->unit, FALSE);
      g_autofree char *from = bc_date_to_display (item->period_from);
      g_autofree char *to = bc_date_to_display (item->period_to);
      g_autofree char *deadline = bc_date_to_display (item->deadline);
      g_autofree char *when = bc_due_item_describe_when (item);
      const char *status = item->status[0] != '\0' ? bc_key_status_label (item->status) : _("not started");

      g_print ("%s\t%s\t%s–%s\t%s\t%s\t%s\n", state_word (item), unit, from, to, status, deadline,
               bc_due_item_state (item) == BC_DUE_NOTHING && item->days_late > 0 ? "" : when);
    }
  if (items->len == 0)
    g_printerr ("%s\n", _("No report is due: the library has no monthly reports to follow"));
}

static void
print_json (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const BcDueItem *item = items->pdata[i];
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, state_word (item));
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, item->unit);
      json_builder_set_member_name (builder, "template");
      json_builder_add_string_value (builder, item->template_id);
      json_builder_set_member_name (builder, "period_from");
      json_builder_add_string_value (builder, item->period_from);
      json_builder_set_member_name (builder, "period_to");
      json_builder_add_string_value (builder, item->period_to);
      json_builder_set_member_name (builder, "deadline");
      json_builder_add_string_value (builder, item->deadline);
      json_builder_set_member_name (builder, "report");
      if (item->report_id > 0)
        json_builder_add_int_value (builder, item->report_id);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, item->status[0] != '\0' ? item->status : "not_started");
      json_builder_set_member_name (builder, "working_days_left");
      json_builder_add_int_value (builder, item->working_days_left);
      json_builder_set_member_name (builder, "days_late");
      json_builder_add_int_value (builder, item->days_late);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static gboolean
parse_today (const char  *text,
             GDate       *today,
             GError     **error)
{
  g_autofree char *iso = NULL;

  if (text == NULL)
    {
      bc_date_today (today);
      return TRUE;
    }
  return bc_date_parse_display (text, &iso, error) && bc_date_parse (iso, today);
}

/**
 * bc_cli_due:
 *
 * "baocao due [--json] [--today DD/MM/YYYY]": for each unit and template
 * the library has reports of, the reports of the last ended periods, the
 * deadline and how far it is.
 *
 * Returns: 0 nothing owed within a working week, 1 a report not sent is
 *   due within one, 2 one is late, 3 the library or templates could not
 *   be read, 64 bad arguments
 */
int
bc_cli_due (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcCalendar) calendar = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *library = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *tdir = bc_template_default_dir ("templates");
  g_autofree char *cdir = bc_template_default_dir ("catalogs");
  gboolean json = FALSE;
  GDate today;
  GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library, N_("The library database to use"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the reports due as JSON"), NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Count from this day (dd/mm/yyyy), not today"),
      N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("The reports due, their deadlines and how far they are"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if (argc != 2)
    return bc_cli_fail (BC_CLI_USAGE, "%s", _("usage: baocao due [--json] [--today DD/MM/YYYY]"));
  if (!parse_today (today_text, &today, &error))
    return bc_cli_fail (BC_CLI_USAGE, "%s", error->message);
  if ((store = bc_cli_open_library (library, &error)) == NULL
      || (calendar = bc_calendar_load_default (&error)) == NULL
      || (templates = bc_template_load_dir (tdir, cdir, &error)) == NULL
      || (items = bc_due_list (store, templates, calendar, &today, &error)) == NULL)
    return bc_cli_fail (BC_CLI_FAILED, "%s", error->message);
  if (json)
    print_json (items);
  else
    print_text (items);
  switch (bc_due_worst (items))
    {
    case BC_DUE_LATE:
      return BC_CLI_DUE_LATE;
    case BC_DUE_SOON:
      return BC_CLI_DUE_SOON;
    case BC_DUE_NOTHING:
    default:
      return BC_CLI_DUE_NOTHING;
    }
}

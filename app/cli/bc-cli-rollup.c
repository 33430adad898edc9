/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bc-checker.h"
#include "bc-cli.h"
#include "bc-cli-rollup.h"
#include "bc-cli-utils.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-rollup.h"
#include "bc-text-utils.h"

/* "baocao new --from-months", "rollup" and "rollup-update": a report built
 * from the monthly reports of its period, where its values came from, and
 * taking what the months changed since (never by itself). */

/* The months the values could not come from, on standard error:
 * standard output is the new report's id. A month not over on the
 * report's @date has nothing to give yet. */
static void
warn_months (BcRollup   *rollup,
             const char *date)
{
  for (guint i = 0; i < rollup->months->len; i++)
    {
      const BcRollupMonth *month = rollup->months->pdata[i];
      g_autofree char *label = bc_rollup_month_label (month);

      if (month->report_id == 0)
        {
          if (bc_rollup_month_is_over (month, date))
            g_printerr (_("baocao: warning: no report for month %s; the year's values come from the other months\n"),
                        label);
        }
      else if (g_strcmp0 (month->status, "approved") != 0)
        g_printerr (_("baocao: warning: the report of month %s is not approved yet\n"), label);
    }
}

/**
 * bc_cli_new_from_months:
 *
 * "baocao new --from-months": the report built from the unit's monthly
 * reports, saying on standard error which months are missing or not
 * approved.
 */
BcReport *
bc_cli_new_from_months (BcStore     *store,
                        BcTemplate  *template,
                        BcOffice    *office,
                        const char  *from,
                        const char  *to,
                        GError     **error)
{
  g_autoptr(BcRollup) rollup = NULL;
  BcReport *report = bc_store_create_rollup_report (store, template, office, NULL, from, to, &rollup, error);

  if (report != NULL)
    warn_months (rollup, bc_report_get (report, "header/date"));
  return report;
}

typedef struct
{
  char     *library;
  gboolean  apply;
  char    **keys;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->library);
  g_strfreev (o->keys);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static BcReport *
open_report (int          *argc,
             char       ***argv,
             const char   *summary,
             gboolean      update,
             Options      *o,
             BcStore     **store,
             GError      **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID"));
  GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &o->library, N_("The library database to use"), N_("FILE") },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &o->apply, N_("Take the values the monthly reports give now"), NULL },
    { "key", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o->keys, N_("Only this value (repeat it)"), N_("KEY") },
    { NULL }
  };
  guint64 id;

  if (!update)
    entries[1].long_name = NULL;
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return NULL;
  if (*argc != 3 || !g_ascii_string_to_unsigned ((*argv)[2], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   update ? _("usage: baocao rollup-update ID [--apply] [--key KEY]…") : _("usage: baocao rollup ID"));
      return NULL;
    }
  if (o->keys != NULL && !o->apply)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--key goes with --apply"));
      return NULL;
    }
  if ((*store = bc_cli_open_library (o->library, error)) == NULL)
    return NULL;
  return bc_store_open_report (*store, (gint64) id, error);
}

static int
failed (GError *error)
{
  return bc_cli_fail (error->domain == G_OPTION_ERROR ? BC_CLI_USAGE : BC_CLI_FAILED, "%s", error->message);
}

static GHashTable *
provenance (BcStore   *store,
            BcReport  *report,
            GError   **error)
{
  g_autoptr(GHashTable) stored = bc_store_get_rollup (store, bc_report_get_id (report), error);
  g_autofree char *id = NULL;

  if (stored == NULL || g_hash_table_size (stored) > 0)
    return g_steal_pointer (&stored);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, bc_report_get_id (report));
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
               _("Report %s was not built from monthly reports (baocao new … --from-months)"), id);
  return NULL;
}

static void
print_months (BcRollup *rollup)
{
  for (guint i = 0; rollup != NULL && i < rollup->months->len; i++)
    {
      const BcRollupMonth *month = rollup->months->pdata[i];
      g_autofree char *label = bc_rollup_month_label (month);

      if (month->report_id == 0)
        g_print ("month\t%s\t-\t%s\n", label, _("missing"));
      else
        g_print ("month\t%s\t%" G_GINT64_FORMAT "\t%s\n", label, month->report_id, month->status);
    }
}

/**
 * bc_cli_rollup:
 *
 * "baocao rollup ID": the months of the report's period (label, report
 * id or "-", status), then each value taken from them: key, value, where
 * it came from.
 */
int
bc_cli_rollup (int    argc,
               char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(BcRollup) now = NULL;
  g_autoptr(GList) keys = NULL;

  if ((report = open_report (&argc, &argv, _("Where each value of a report built from monthly reports came from"),
                             FALSE, &o, &store, &error)) == NULL
      || (stored = provenance (store, report, &error)) == NULL)
    return failed (error);
  now = bc_store_compute_report_months (store, report, NULL);
  print_months (now);
  keys = g_list_sort (g_hash_table_get_keys (stored), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const BcRollupEntry *entry = g_hash_table_lookup (stored, l->data);
      g_autofree char *origin = bc_rollup_dup_origin (now, entry);
      g_autofree char *value = bc_text_escape_controls (entry->value, TRUE);

      g_print ("%s\t%s\t%s\n", entry->key, entry->rule == BC_ROLLUP_LIST ? "…" : value, origin);
    }
  return BC_CLI_OK;
}

/**
 * bc_cli_rollup_update:
 *
 * "baocao rollup-update ID [--apply] [--key KEY]…": the values the monthly
 * reports no longer give (key, value taken, value now, the report's
 * value, where the new one comes from); with --apply, takes the new
 * values, all or those named.
 */
int
bc_cli_rollup_update (int    argc,
                      char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GPtrArray) stale = NULL;
  guint updated = 0;

  if ((report = open_report (&argc, &argv, _("The values the monthly reports have changed since the report was built"),
                             TRUE, &o, &store, &error)) == NULL
      || (stored = provenance (store, report, &error)) == NULL
      || (stale = bc_store_rollup_stale (store, report, NULL, &error)) == NULL)
    return failed (error);
  for (guint i = 0; i < stale->len; i++)
    {
      const BcRollupStale *s = stale->pdata[i];
      g_autofree char *rolled = bc_text_escape_controls (s->rolled, TRUE);
      g_autofree char *now = bc_text_escape_controls (s->now, TRUE);
      g_autofree char *current = bc_text_escape_controls (s->current, TRUE);

      if (s->rule == BC_ROLLUP_LIST)
        g_print ("%s\t…\t…\t…\t%s\n", s->key, s->origin);
      else
        g_print ("%s\t%s\t%s\t%s\t%s\n", s->key, rolled, now, current, s->origin);
    }
  if (!o.apply)
    {
      if (stale->len == 0)
        return BC_CLI_OK;
      g_printerr (ngettext ("baocao: %u value is stale; --apply takes the new one\n",
                               "baocao: %u values are stale; --apply takes the new ones\n", stale->len), stale->len);
      return BC_CLI_ROLLUP_STALE;
    }
  if (!bc_store_rollup_update (store, report, (const char * const *) o.keys, &updated, &error))
    return failed (error);
  g_printerr (ngettext ("baocao: updated %u value\n", "baocao: updated %u values\n", updated),
              updated);
  return BC_CLI_OK;
}

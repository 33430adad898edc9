/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bc-cli.h"
#include "bc-cli-utils.h"
#include "bc-cli-review.h"
#include "bc-checker.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-store-review.h"
#include "bc-store-rollup.h"
#include "bc-store.h"
#include "bc-text-utils.h"

/* "baocao save-file", "open-file", "status", "comment", "comments",
 * "diff" and "review": a report's trip to the reviewer and back, from a
 * shell. */

typedef struct
{
  char *library;
  char *actor;
  char *role;
} Common;

static void
common_clear (Common *c)
{
  g_free (c->library);
  g_free (c->actor);
  g_free (c->role);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Common, common_clear)

static int
failed (GError *error)
{
  return bc_cli_fail (error->domain == G_OPTION_ERROR ? BC_CLI_USAGE : BC_CLI_FAILED, "%s", error->message);
}

/* --library for every command; --as and --role for those that sign. */
static gboolean
parse_options (const char     *args,
               const char     *summary,
               GOptionEntry   *entries,
               gboolean        signs,
               Common         *common,
               int            *argc,
               char         ***argv,
               GError        **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (args);
  GOptionEntry library[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &common->library, N_("The library database to use"), N_("FILE") },
    { NULL }
  };
  GOptionEntry signer[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &common->actor, N_("Sign as NAME"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &common->role, N_("Act as a clerk or a reviewer"), N_("ROLE") },
    { NULL }
  };

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, library, GETTEXT_PACKAGE);
  if (signs)
    g_option_context_add_main_entries (context, signer, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (common->role != NULL && !bc_store_role_is_valid (common->role))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a role: use clerk or reviewer"), common->role);
      return FALSE;
    }
  return TRUE;
}

static BcStore *
open_library (Common  *common,
              GError **error)
{
  BcStore *store = bc_cli_open_library (common->library, error);

  if (store == NULL)
    return NULL;
  if (common->actor != NULL && *common->actor != '\0')
    bc_store_set_actor (store, common->actor);
  if (common->role != NULL)
    bc_store_set_role (store, common->role);
  return store;
}

/* "dd/mm/yyyy HH:MM" in local time, from a stored UTC time. */
static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  return local ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup (iso ? iso : "");
}

/* One line per value, whatever it holds. */
static char *
one_line (const char *value)
{
  return bc_text_escape_controls (value ? value : "", FALSE);
}

static const char *
role_label (const char *role)
{
  if (g_strcmp0 (role, BC_ROLE_REVIEWER) == 0)
    return _("reviewer");
  if (g_strcmp0 (role, BC_ROLE_CLERK) == 0)
    return _("clerk");
  return "";
}

/**
 * bc_cli_save_file:
 *
 * "baocao save-file ID FILE.baocao".
 */
int
bc_cli_save_file (int    argc,
                  char **argv)
{
  g_auto(Common) common = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  gint64 id;

  if (!parse_options (_("ID FILE.baocao"), _("Save a report as a report file, to send it"), NULL, FALSE,
                      &common, &argc, &argv, &error))
    return failed (error);
  if (argc != 4 || !bc_cli_parse_id (argv[2], &id))
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao save-file ID FILE.baocao"));
  if ((store = open_library (&common, &error)) == NULL || !bc_store_export_file (store, id, argv[3], &error))
    return failed (error);
  return BC_CLI_OK;
}

static int
already_there (BcStore *store,
               gint64   existing)
{
  g_autoptr(BcReport) report = bc_store_open_report (store, existing, NULL);
  g_autofree char *title = report ? bc_report_dup_title (report) : g_strdup ("?");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, existing);

  return bc_cli_fail (BC_CLI_FAILED,
               _("the library already has a report for %s (id %s): "
                 "add --replace to replace it or --keep-both to keep both"),
               title, id_text);
}

/**
 * bc_cli_open_file:
 *
 * "baocao open-file FILE.baocao [--replace|--keep-both]": prints the
 * report's id in the library.
 */
int
bc_cli_open_file (int    argc,
                  char **argv)
{
  g_auto(Common) common = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  gboolean replace = FALSE, keep_both = FALSE;
  gint64 id, existing = 0;
  GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, N_("Replace the library's version of the report"), NULL },
    { "keep-both", 0, 0, G_OPTION_ARG_NONE, &keep_both, N_("Keep the library's version and add this one as a copy"), NULL },
    { NULL }
  };

  if (!parse_options (_("FILE.baocao"), _("Add a report file to the library"), entries, FALSE,
                      &common, &argc, &argv, &error))
    return failed (error);
  if (argc != 3 || (replace && keep_both))
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao open-file FILE.baocao [--replace|--keep-both]"));
  if ((store = open_library (&common, &error)) == NULL)
    return failed (error);
  id = bc_store_import_file (store, argv[2],
                             replace ? BC_IMPORT_REPLACE : keep_both ? BC_IMPORT_KEEP_BOTH : BC_IMPORT_ASK,
                             &existing, &error);
  if (id == 0 && g_error_matches (error, BC_STORE_ERROR, BC_STORE_ERROR_EXISTS))
    return already_there (store, existing);
  if (id == 0)
    return failed (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return BC_CLI_OK;
}

static const char *
status_for_action (const char *action)
{
  static const char * const actions[][2] = {
    { "submit", "submitted" },
    { "return", "returned" },
    { "approve", "approved" },
    { "reopen", "draft" },
    { "withdraw", "draft" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (action, actions[i][0]))
      return actions[i][1];
  return NULL;
}

static void
print_status_log (BcStore  *store,
                  BcReport *report)
{
  g_autoptr(GPtrArray) log = bc_store_list_status_log (store, bc_report_get_id (report), NULL);

  g_print ("%s\n", bc_cli_status_label (bc_report_get_status (report)));
  for (guint i = 0; log != NULL && i < log->len; i++)
    {
      BcStatusChange *c = log->pdata[i];
      g_autofree char *when = local_time (c->at);
      g_autofree char *reason = one_line (c->reason);
      g_autofree char *actor = one_line (c->actor);

      g_print ("%s\t%s → %s\t%s\t%s\t%s\n", when, bc_cli_status_label (c->from_status), bc_cli_status_label (c->to_status),
               actor, role_label (c->role), reason);
    }
}

/* A report goes to the reviewer with its errors if the clerk wants (an
 * error may be explained in a comment), but never without her knowing. */
static void
warn_errors (BcStore    *store,
             BcReport   *report,
             const char *id)
{
  g_autoptr(BcReport) previous = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  guint errors;

  if (bc_report_get_previous_id (report) > 0)
    previous = bc_store_open_report (store, bc_report_get_previous_id (report), NULL);
  findings = bc_store_check_report (store, report, previous);
  errors = bc_check_count (findings, BC_SEVERITY_ERROR, FALSE);
  if (errors > 0)
    g_printerr (ngettext ("baocao: warning: the report still has %u error not explained (baocao check %s)\n",
                          "baocao: warning: the report still has %u errors not explained (baocao check %s)\n",
                          errors),
                errors, id);
}

/**
 * bc_cli_status:
 *
 * "baocao status ID [submit|return|approve|reopen|withdraw] [--reason TEXT]":
 * without an action, prints the status and its history.
 */
int
bc_cli_status (int    argc,
               char **argv)
{
  g_auto(Common) common = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autofree char *reason = NULL;
  const char *to = NULL;
  gint64 id;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (needed to reopen an approved report)"), N_("TEXT") },
    { NULL }
  };
  const char *usage = _("usage: baocao status ID [submit|return|approve|reopen|withdraw] [--reason TEXT]");

  if (!parse_options (_("ID [ACTION]"), _("Show or change a report's review status"), entries, TRUE,
                      &common, &argc, &argv, &error))
    return failed (error);
  if (argc < 3 || argc > 4 || !bc_cli_parse_id (argv[2], &id) || (argc == 4 && (to = status_for_action (argv[3])) == NULL))
    return bc_cli_fail (BC_CLI_USAGE, "%s", usage);
  /* The clerk reads why a report came back, and the log why it was reopened. */
  if (to != NULL && (g_str_equal (argv[3], "return") || g_str_equal (argv[3], "reopen"))
      && (reason == NULL || *g_strstrip (reason) == '\0'))
    return bc_cli_fail (BC_CLI_USAGE, _("“%s” needs --reason TEXT"), argv[3]);
  if ((store = open_library (&common, &error)) == NULL
      || (report = bc_store_open_report (store, id, &error)) == NULL)
    return failed (error);
  if (to == NULL)
    {
      print_status_log (store, report);
      return BC_CLI_OK;
    }
  /* Both make a draft again: say which one was meant, not do the other. */
  if (g_str_equal (argv[3], "reopen") && !g_str_equal (bc_report_get_status (report), "approved"))
    return bc_cli_fail (BC_CLI_FAILED, _("only an approved report can be reopened; this one’s status is “%s”"),
                 bc_cli_status_label (bc_report_get_status (report)));
  if (g_str_equal (argv[3], "withdraw") && !g_str_equal (bc_report_get_status (report), "submitted"))
    return bc_cli_fail (BC_CLI_FAILED, _("only a submitted report can be withdrawn; this one’s status is “%s”"),
                 bc_cli_status_label (bc_report_get_status (report)));
  if (g_str_equal (argv[3], "submit"))
    warn_errors (store, report, argv[2]);
  if (!bc_store_set_status (store, report, to, reason, &error))
    return failed (error);
  g_print ("%s\n", bc_cli_status_label (bc_report_get_status (report)));
  return BC_CLI_OK;
}

/* A comment id names a comment of the report given, not of another one:
 * a thread of another report is not touched by mistake. */
static gboolean
has_comment (BcStore  *store,
             gint64    report_id,
             gint64    comment_id,
             GError  **error)
{
  g_autoptr(GPtrArray) comments = bc_store_list_comments (store, report_id, NULL, error);
  g_autofree char *report_text = NULL;
  g_autofree char *comment_text = NULL;

  if (comments == NULL)
    return FALSE;
  for (guint i = 0; i < comments->len; i++)
    if (((BcComment *) comments->pdata[i])->id == comment_id)
      return TRUE;
  report_text = g_strdup_printf ("%" G_GINT64_FORMAT, report_id);
  comment_text = g_strdup_printf ("%" G_GINT64_FORMAT, comment_id);
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
               _("report %s has no comment %s (see “baocao comments %s”)"), report_text, comment_text, report_text);
  return FALSE;
}

/**
 * bc_cli_comment:
 *
 * "baocao comment ID --on KEY TEXT", "--reply N TEXT", "--resolve N" or
 * "--reopen N": prints the new comment's id.
 */
int
bc_cli_comment (int    argc,
                char **argv)
{
  g_auto(Common) common = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autofree char *target = NULL;
  gint64 reply = 0, resolve = 0, reopen = 0, thread, id, comment;
  gboolean whole = FALSE;
  guint actions;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &target, N_("The field, finding (expl/ID), section or table commented on"), N_("KEY") },
    { "report", 0, 0, G_OPTION_ARG_NONE, &whole, N_("Comment on the whole report"), NULL },
    { "reply", 0, 0, G_OPTION_ARG_INT64, &reply, N_("Reply to comment N"), N_("N") },
    { "resolve", 0, 0, G_OPTION_ARG_INT64, &resolve, N_("Resolve the thread of comment N"), N_("N") },
    { "reopen", 0, 0, G_OPTION_ARG_INT64, &reopen, N_("Open the thread of comment N again"), N_("N") },
    { NULL }
  };
  const char *usage = _("usage: baocao comment ID (--on KEY|--report|--reply N) TEXT, or ID (--resolve|--reopen) N");

  if (!parse_options (_("ID [TEXT]"), _("Comment on a report"), entries, TRUE, &common, &argc, &argv, &error))
    return failed (error);
  actions = (target != NULL) + whole + (reply > 0) + (resolve > 0) + (reopen > 0);
  if (actions != 1 || reply < 0 || resolve < 0 || reopen < 0
      || !bc_cli_parse_id (argv[2], &id) || argc != ((resolve > 0 || reopen > 0) ? 3 : 4))
    return bc_cli_fail (BC_CLI_USAGE, "%s", usage);
  thread = MAX (reply, MAX (resolve, reopen));
  if ((store = open_library (&common, &error)) == NULL
      || (report = bc_store_open_report (store, id, &error)) == NULL)
    return failed (error);
  if (thread > 0 && !has_comment (store, id, thread, &error))
    return failed (error);
  if (resolve > 0 || reopen > 0)
    return bc_store_resolve_comment (store, thread, resolve > 0, &error) ? BC_CLI_OK : failed (error);
  if (reply > 0)
    comment = bc_store_reply_comment (store, thread, argv[3], &error);
  else
    comment = bc_store_add_comment (store, report, whole ? "" : target, argv[3], &error);
  if (comment == 0)
    return failed (error);
  g_print ("%" G_GINT64_FORMAT "\n", comment);
  return BC_CLI_OK;
}

static void
print_comment (BcComment *c)
{
  g_autofree char *when = local_time (c->created);
  g_autofree char *text = one_line (c->text);
  g_autofree char *author = one_line (c->author);
  g_autofree char *target = one_line (c->target);
  const char *indent = c->parent_id ? "  " : "";

  if (c->parent_id == 0)
    g_print ("#%" G_GINT64_FORMAT " [%s] %s\n", c->id, c->resolved_at ? _("resolved") : _("open"),
             *target ? target : _("(the whole report)"));
  else
    g_print ("  #%" G_GINT64_FORMAT "\n", c->id);
  g_print ("%s  %s (%s), %s: %s\n", indent, author, role_label (c->role), when, text);
}

/**
 * bc_cli_comments:
 *
 * "baocao comments ID [--on KEY]": the comment threads.
 */
int
bc_cli_comments (int    argc,
                 char **argv)
{
  g_auto(Common) common = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autofree char *target = NULL;
  gint64 id;
  GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &target, N_("Only the comments on KEY"), N_("KEY") },
    { NULL }
  };

  if (!parse_options (_("ID"), _("List a report's comments"), entries, FALSE, &common, &argc, &argv, &error))
    return failed (error);
  if (argc != 3 || !bc_cli_parse_id (argv[2], &id))
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao comments ID [--on KEY]"));
  if ((store = open_library (&common, &error)) == NULL
      || (report = bc_store_open_report (store, id, &error)) == NULL
      || (comments = bc_store_list_comments (store, id, target, &error)) == NULL)
    return failed (error);
  for (guint i = 0; i < comments->len; i++)
    print_comment (comments->pdata[i]);
  return BC_CLI_OK;
}

static void
print_diffs (GPtrArray *diffs,
             gboolean   with_actor)
{
  for (guint i = 0; i < diffs->len; i++)
    {
      BcDiff *d = diffs->pdata[i];
      g_autofree char *before = one_line (d->old_value);
      g_autofree char *after = one_line (d->new_value);
      g_autofree char *key = one_line (d->key);

      if (with_actor)
        {
          g_autofree char *when = local_time (d->at);
          g_autofree char *actor = one_line (d->actor);
          g_print ("%s\t%s\t%s\t%s\t%s\n", key, before, after, actor, when);
        }
      else
        g_print ("%s\t%s\t%s\n", key, before, after);
    }
}

/**
 * bc_cli_diff:
 *
 * "baocao diff ID1 ID2": KEY, the value in ID1 and the value in ID2, one
 * line each, tab-separated.
 */
int
bc_cli_diff (int    argc,
             char **argv)
{
  g_auto(Common) common = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  gint64 a, b;

  if (!parse_options (_("ID1 ID2"), _("Compare two reports value by value"), NULL, FALSE,
                      &common, &argc, &argv, &error))
    return failed (error);
  if (argc != 4 || !bc_cli_parse_id (argv[2], &a) || !bc_cli_parse_id (argv[3], &b))
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao diff ID1 ID2"));
  if ((store = open_library (&common, &error)) == NULL
      || (diffs = bc_store_diff (store, a, b, &error)) == NULL)
    return failed (error);
  print_diffs (diffs, FALSE);
  return BC_CLI_OK;
}

/* Keeps the changes @keys names ("all" for every one). */
static GPtrArray *
pick (GPtrArray  *diffs,
      char      **keys,
      gboolean    all)
{
  GPtrArray *picked = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diff_free);

  for (guint i = 0; i < diffs->len; i++)
    {
      BcDiff *d = diffs->pdata[i];
      if (all || (keys != NULL && g_strv_contains ((const char * const *) keys, d->key)))
        g_ptr_array_add (picked, bc_diff_copy (d));
    }
  return picked;
}

/**
 * bc_cli_review:
 *
 * "baocao review ID [--accept KEY]… [--revert KEY]… [--accept-all|--revert-all]":
 * what others changed since the report was last submitted, and dealing
 * with it.
 */
int
bc_cli_review (int    argc,
               char **argv)
{
  g_auto(Common) common = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) store = NULL;
  g_autoptr(BcReport) report = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autoptr(GPtrArray) accept = NULL;
  g_autoptr(GPtrArray) revert = NULL;
  g_auto(GStrv) accept_keys = NULL;
  g_auto(GStrv) revert_keys = NULL;
  gboolean accept_all = FALSE, revert_all = FALSE;
  gint64 id;
  GOptionEntry entries[] = {
    { "accept", 0, 0, G_OPTION_ARG_STRING_ARRAY, &accept_keys, N_("Keep the change of KEY"), N_("KEY") },
    { "revert", 0, 0, G_OPTION_ARG_STRING_ARRAY, &revert_keys, N_("Put back the old value of KEY"), N_("KEY") },
    { "accept-all", 0, 0, G_OPTION_ARG_NONE, &accept_all, N_("Keep every change"), NULL },
    { "revert-all", 0, 0, G_OPTION_ARG_NONE, &revert_all, N_("Put back every old value"), NULL },
    { NULL }
  };

  if (!parse_options (_("ID"), _("List, accept or revert what others changed since the report was submitted"),
                      entries, TRUE, &common, &argc, &argv, &error))
    return failed (error);
  if (argc != 3 || !bc_cli_parse_id (argv[2], &id) || (accept_all && revert_all))
    return bc_cli_fail (BC_CLI_USAGE, _("usage: baocao review ID [--accept KEY]… [--revert KEY]… [--accept-all|--revert-all]"));
  if ((store = open_library (&common, &error)) == NULL
      || (report = bc_store_open_report (store, id, &error)) == NULL
      || (diffs = bc_store_list_changes_by_others (store, id, bc_store_find_status_change (store, id, "submitted"),
                                                   &error)) == NULL)
    return failed (error);
  accept = pick (diffs, accept_keys, accept_all);
  revert = pick (diffs, revert_keys, revert_all);
  if ((!accept_all && accept_keys && accept->len != g_strv_length (accept_keys))
      || (!revert_all && revert_keys && revert->len != g_strv_length (revert_keys)))
    return bc_cli_fail (BC_CLI_FAILED, _("only the keys listed by “baocao review %s” can be accepted or reverted"), argv[2]);
  if (accept->len == 0 && revert->len == 0)
    {
      print_diffs (diffs, TRUE);
      return BC_CLI_OK;
    }
  if (!bc_store_accept_changes (store, report, accept, &error)
      || !bc_store_revert_changes (store, report, revert, &error))
    return failed (error);
  return BC_CLI_OK;
}

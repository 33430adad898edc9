/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-keys.h"
#include "bc-limits.h"
#include "bc-report-private.h"
#include "bc-store-review.h"
#include "bc-store-private.h"
#include "bc-template.h"

/* Review in the library: who moved a report through its statuses, the
 * comment threads, and the values others changed since a point of the
 * change log, to be accepted or reverted one by one. */


typedef struct
{
  const char *from;
  const char *to;
  gboolean    reviewer_only;
  gboolean    needs_reason;
} Transition;

static const Transition transitions[] = {
  { "draft", "submitted", FALSE, FALSE },
  { "returned", "submitted", FALSE, FALSE },
  { "submitted", "draft", FALSE, FALSE },      /* withdrawn before review */
  { "submitted", "returned", TRUE, FALSE },
  { "submitted", "approved", TRUE, FALSE },
  { "approved", "draft", FALSE, TRUE },        /* reopened */
};

static const char * const statuses[] = { "draft", "submitted", "returned", "approved", NULL };

static const char *
status_name (const char *status)
{
  if (g_str_equal (status, "submitted"))
    return _("submitted for review");
  if (g_str_equal (status, "returned"))
    return _("returned with corrections");
  if (g_str_equal (status, "approved"))
    return _("approved");
  return _("a draft");
}

void
bc_status_change_free (BcStatusChange *change)
{
  g_free (change->from_status);
  g_free (change->to_status);
  g_free (change->actor);
  g_free (change->role);
  g_free (change->reason);
  g_free (change->at);
  g_free (change);
}

void
bc_comment_free (BcComment *comment)
{
  g_free (comment->uuid);
  g_free (comment->target);
  g_free (comment->author);
  g_free (comment->role);
  g_free (comment->text);
  g_free (comment->created);
  g_free (comment->resolved_at);
  g_free (comment->resolved_by);
  g_free (comment);
}

/* Typed text as stored: valid UTF-8, NFC, trimmed, not empty. */
static char *
normalize_text (const char  *text,
                const char  *what,
                GError     **error)
{
  g_autofree char *nfc = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL)
      || (nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC)) == NULL)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                   _("The %s is not valid UTF-8 text"), what);
      return NULL;
    }
  g_strstrip (nfc);
  if (*nfc == '\0')
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE, _("The %s is empty"), what);
      return NULL;
    }
  if (g_utf8_strlen (nfc, -1) > BC_LIMIT_COMMENT_LENGTH)
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                   _("The %s is longer than %d characters"), what, BC_LIMIT_COMMENT_LENGTH);
      return NULL;
    }
  return g_steal_pointer (&nfc);
}

gboolean
bc_store_refuse_status_edit (GError **error)
{
  g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_ALLOWED,
                       _("The status of a report changes only by submitting, returning, approving or reopening it"));
  return FALSE;
}

/**
 * bc_status_check_transition:
 * @from: the report's status
 * @to: the status asked for
 * @role: the role of who asks
 * @reason: (nullable): the reason given
 *
 * Says whether the review workflow lets @role move a report from @from to
 * @to, so that the interface offers only what will be accepted.
 *
 * Returns: %TRUE when allowed; else %FALSE with @error saying why
 */
gboolean
bc_status_check_transition (const char  *from,
                            const char  *to,
                            const char  *role,
                            const char  *reason,
                            GError     **error)
{
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  if (!g_strv_contains (statuses, from) || !g_strv_contains (statuses, to))
    {
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                   _("“%s” is not a report status"), g_strv_contains (statuses, from) ? to : from);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      const Transition *t = &transitions[i];

      if (!g_str_equal (t->from, from) || !g_str_equal (t->to, to))
        continue;
      if (t->reviewer_only && g_strcmp0 (role, BC_ROLE_REVIEWER) != 0)
        {
          g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_ALLOWED,
                               g_str_equal (to, "approved") ? _("Only a reviewer can approve a report")
                               : _("Only a reviewer can return a report with corrections"));
          return FALSE;
        }
      if (t->needs_reason && (reason == NULL || *reason == '\0'))
        {
          g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
                               _("Give a reason to reopen an approved report"));
          return FALSE;
        }
      return TRUE;
    }
  if (g_str_equal (from, to))
    g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_ALLOWED,
                 _("The report is already %s"), status_name (to));
  else
    g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_ALLOWED,
                 _("A report that is %s cannot be made %s"), status_name (from), status_name (to));
  return FALSE;
}

static char *
current_status (BcStore  *self,
                gint64    report_id,
                GError  **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self, "SELECT status FROM report WHERE id = ?", error);
  char *status = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    status = bc_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    bc_store_sqlite_error (self, rc, error);
  else if (status == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, report_id);
      g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND,
                   _("There is no report %s in the library"), id_text);
    }
  return status;
}

/* The caller holds a transaction. */
gboolean
bc_store_insert_status_change (BcStore               *self,
                               gint64                 report_id,
                               const BcStatusChange  *change,
                               GError               **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self,
                                         "INSERT INTO status_log (report_id, from_status, to_status,"
                                         " actor, role, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, change->from_status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->to_status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, change->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, change->role ? change->role : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, change->reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, change->at, -1, SQLITE_STATIC);
  return bc_store_step_done (self, stmt, error);
}

static gboolean
write_status (BcStore     *self,
              gint64       id,
              const char  *from,
              const char  *to,
              const char  *reason,
              const char  *now,
              GError     **error)
{
  BcStatusChange change = {
    0, (char *) from, (char *) to, (char *) bc_store_get_actor (self),
    (char *) bc_store_get_role (self), (char *) reason, (char *) now
  };
  sqlite3_stmt *stmt = bc_store_prepare (self, "UPDATE report SET status = ?, modified = ? WHERE id = ?", error);
  gint64 batch;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, id);
  return bc_store_step_done (self, stmt, error)
         && (batch = bc_store_next_batch (self, error)) != 0
         && bc_store_log_change (self, id, batch, "meta/status", from, to, now, error)
         && bc_store_insert_status_change (self, id, &change, error);
}

/**
 * bc_store_set_status:
 * @report: the report; its status and modification time follow
 * @to: "submitted", "returned", "approved" or "draft"
 * @reason: (nullable): why; needed to reopen an approved report
 *
 * Moves @report through the review workflow (see bc_status_check_transition()),
 * from the status on disk, with the store's actor and role. The step is
 * recorded in the status log and, as a change of "meta/status", in the
 * change log.
 *
 * Returns: %TRUE when the new status was committed
 */
gboolean
bc_store_set_status (BcStore     *self,
                     BcReport    *report,
                     const char  *to,
                     const char  *reason,
                     GError     **error)
{
  g_autofree char *why = NULL;
  g_autofree char *from = NULL;
  g_autofree char *now = bc_store_now ();
  gint64 id;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (reason != NULL && *reason != '\0' && (why = normalize_text (reason, _("reason"), error)) == NULL)
    return FALSE;
  id = bc_report_get_id (report);
  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if ((from = current_status (self, id, error)) == NULL
      || !bc_status_check_transition (from, to, bc_store_get_role (self), why, error)
      || !write_status (self, id, from, to, why, now, error)
      || !bc_store_exec (self, "COMMIT", error))
    {
      bc_store_rollback (self);
      return FALSE;
    }
  bc_report_set_modified (report, now);
  bc_report_set_internal (report, "meta/status", to);
  return TRUE;
}

/**
 * bc_store_list_status_log:
 *
 * Returns: (transfer container) (element-type BcStatusChange): the report's
 *   steps through the workflow, oldest first
 */
GPtrArray *
bc_store_list_status_log (BcStore  *self,
                          gint64    report_id,
                          GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_status_change_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self,
                           "SELECT id, from_status, to_status, actor, role, reason, at FROM status_log"
                           " WHERE report_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BcStatusChange *c = g_new0 (BcStatusChange, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->from_status = bc_store_column_dup (stmt, 1);
      c->to_status = bc_store_column_dup (stmt, 2);
      c->actor = bc_store_column_dup (stmt, 3);
      c->role = bc_store_column_dup (stmt, 4);
      c->reason = sqlite3_column_type (stmt, 5) == SQLITE_NULL ? NULL : bc_store_column_dup (stmt, 5);
      c->at = bc_store_column_dup (stmt, 6);
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&list);
}

/**
 * bc_store_find_status_change:
 * @to: a status
 *
 * Finds where in the change log the report last became @to, e.g.
 * "submitted": what others changed after it is what they corrected.
 *
 * Returns: the id of that change, or 0
 */
gint64
bc_store_find_status_change (BcStore    *self,
                             gint64      report_id,
                             const char *to)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (BC_IS_STORE (self), 0);

  stmt = bc_store_prepare (self,
                           "SELECT coalesce(max(id), 0) FROM change"
                           " WHERE report_id = ? AND key = 'meta/status' AND new = ?", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/**
 * bc_review_validate_target:
 * @target: what a comment is about (see bc-review.h)
 *
 * Returns: %TRUE when @target names a field, finding, section, table, row
 *   of @report, or the whole report ("")
 */
gboolean
bc_review_validate_target (BcReport    *report,
                           const char  *target,
                           GError     **error)
{
  BcTemplate *template = bc_report_get_template (report);
  g_auto(BcKey) key = BC_KEY_INIT;

  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);

  if (target == NULL || *target == '\0')
    return TRUE;
  if (!g_utf8_validate (target, -1, NULL) || strlen (target) > 600)
    goto bad;
  bc_key_parse (&key, target);
  if (key.kind == BC_KEY_SECTION)
    {
      if (bc_template_find_section (template, key.id) == NULL)
        goto bad;
      return TRUE;
    }
  if (key.kind == BC_KEY_TABLE || key.kind == BC_KEY_ROW)
    {
      const BcTableDef *table = bc_template_find_table (template, key.id);
      if (table == NULL || (key.kind == BC_KEY_ROW && bc_table_def_find_row (table, key.sub) == NULL))
        goto bad;
      return TRUE;
    }
  if (bc_report_validate_value (report, target, NULL, NULL))
    return TRUE;

bad:
  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_INVALID_VALUE,
               _("A comment cannot be attached to “%s”: it is not part of this report"),
               g_utf8_validate (target, -1, NULL) ? target : "?");
  return FALSE;
}

/* The caller holds a transaction. */
gboolean
bc_store_insert_comment (BcStore          *self,
                         gint64            report_id,
                         const BcComment  *comment,
                         gint64            parent_id,
                         gint64           *id,
                         GError          **error)
{
  sqlite3_stmt *stmt = bc_store_prepare (self,
                                         "INSERT INTO comment (report_id, uuid, parent_id, target, author,"
                                         " role, text, created, resolved_at, resolved_by)"
                                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, comment->uuid, -1, SQLITE_STATIC);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 3, parent_id);
  sqlite3_bind_text (stmt, 4, comment->target ? comment->target : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, comment->author, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, comment->role ? comment->role : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, comment->text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, comment->created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, comment->resolved_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, comment->resolved_by, -1, SQLITE_STATIC);
  if (!bc_store_step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (bc_store_get_db (self));
  return TRUE;
}

static gboolean
no_comment (gint64   comment_id,
            GError **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, comment_id);

  g_set_error (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND, _("There is no comment %s"), id_text);
  return FALSE;
}

static gint64
add_comment (BcStore     *self,
             gint64       report_id,
             gint64       parent_id,
             const char  *target,
             const char  *text,
             GError     **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = bc_store_now ();
  BcComment comment = {
    0, parent_id, uuid, (char *) target, (char *) bc_store_get_actor (self),
    (char *) bc_store_get_role (self), (char *) text, now, NULL, NULL
  };
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return 0;
  if (!bc_store_insert_comment (self, report_id, &comment, parent_id, &id, error))
    goto fail;
  /* A reply reopens a resolved thread: it asks something again. */
  if (parent_id > 0)
    {
      if ((stmt = bc_store_prepare (self, "UPDATE comment SET resolved_at = NULL, resolved_by = NULL"
                                          " WHERE id = ?", error)) == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, parent_id);
      if (!bc_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!bc_store_exec (self, "COMMIT", error))
    goto fail;
  return id;

fail:
  bc_store_rollback (self);
  return 0;
}

/**
 * bc_store_add_comment:
 * @target: (nullable): what the comment is about (see bc-review.h); %NULL
 *   or "" for the whole report
 * @text: the comment
 *
 * Starts a comment thread, signed with the store's actor and role.
 * Comments can be added whatever the report's status.
 *
 * Returns: the new comment's id, or 0 with @error set
 */
gint64
bc_store_add_comment (BcStore     *self,
                      BcReport    *report,
                      const char  *target,
                      const char  *text,
                      GError     **error)
{
  g_autofree char *body = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), 0);
  g_return_val_if_fail (BC_IS_REPORT (report), 0);

  if (!bc_review_validate_target (report, target, error)
      || (body = normalize_text (text, _("comment"), error)) == NULL)
    return 0;
  return add_comment (self, bc_report_get_id (report), 0, target ? target : "", body, error);
}

/**
 * bc_store_reply_comment:
 * @comment_id: a comment of the thread
 *
 * Adds a reply at the end of the comment's thread, about the same target.
 * A resolved thread is open again.
 *
 * Returns: the reply's id, or 0 with @error set
 */
gint64
bc_store_reply_comment (BcStore     *self,
                        gint64       comment_id,
                        const char  *text,
                        GError     **error)
{
  g_autofree char *body = NULL;
  g_autofree char *target = NULL;
  sqlite3_stmt *stmt;
  gint64 report_id = 0, root = 0;

  g_return_val_if_fail (BC_IS_STORE (self), 0);

  if ((body = normalize_text (text, _("reply"), error)) == NULL)
    return 0;
  stmt = bc_store_prepare (self, "SELECT report_id, coalesce(parent_id, id), target FROM comment WHERE id = ?",
                           error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, comment_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      report_id = sqlite3_column_int64 (stmt, 0);
      root = sqlite3_column_int64 (stmt, 1);
      target = bc_store_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (root == 0)
    return no_comment (comment_id, error), 0;
  return add_comment (self, report_id, root, target, body, error);
}

/**
 * bc_store_resolve_comment:
 * @comment_id: a comment of the thread
 * @resolved: %TRUE to resolve the thread, %FALSE to open it again
 *
 * Returns: %TRUE when done
 */
gboolean
bc_store_resolve_comment (BcStore   *self,
                          gint64     comment_id,
                          gboolean   resolved,
                          GError   **error)
{
  g_autofree char *now = resolved ? bc_store_now () : NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);

  stmt = bc_store_prepare (self,
                           "UPDATE comment SET resolved_at = ?1, resolved_by = ?2 WHERE id ="
                           " (SELECT coalesce(parent_id, id) FROM comment WHERE id = ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  if (resolved)
    sqlite3_bind_text (stmt, 2, bc_store_get_actor (self), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, comment_id);
  if (!bc_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (bc_store_get_db (self)) == 0)
    return no_comment (comment_id, error);
  return TRUE;
}

static BcComment *
read_comment (sqlite3_stmt *stmt)
{
  BcComment *c = g_new0 (BcComment, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->parent_id = sqlite3_column_int64 (stmt, 1);
  c->uuid = bc_store_column_dup (stmt, 2);
  c->target = bc_store_column_dup (stmt, 3);
  c->author = bc_store_column_dup (stmt, 4);
  c->role = bc_store_column_dup (stmt, 5);
  c->text = bc_store_column_dup (stmt, 6);
  c->created = bc_store_column_dup (stmt, 7);
  c->resolved_at = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? NULL : bc_store_column_dup (stmt, 8);
  c->resolved_by = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? NULL : bc_store_column_dup (stmt, 9);
  return c;
}

/**
 * bc_store_list_comments:
 * @target: (nullable): only the comments about this target; %NULL: all
 *
 * Returns: (transfer container) (element-type BcComment): the comments,
 *   thread by thread in the order they were started, each thread's
 *   replies after its first comment
 */
GPtrArray *
bc_store_list_comments (BcStore     *self,
                        gint64       report_id,
                        const char  *target,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_comment_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self,
                           "SELECT id, coalesce(parent_id, 0), uuid, target, author, role, text, created,"
                           " resolved_at, resolved_by FROM comment"
                           " WHERE report_id = ?1 AND (?2 IS NULL OR target = ?2)"
                           " ORDER BY coalesce(parent_id, id), id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_text (stmt, 2, target, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_comment (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;
  return g_steal_pointer (&list);
}

/**
 * bc_store_diff:
 * @old_id: the earlier version or period
 * @new_id: the later one
 *
 * Returns: (transfer container) (element-type BcDiff): see bc_diff_reports()
 */
GPtrArray *
bc_store_diff (BcStore  *self,
               gint64    old_id,
               gint64    new_id,
               GError  **error)
{
  g_autoptr(BcReport) old_report = NULL;
  g_autoptr(BcReport) new_report = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  if ((old_report = bc_store_open_report (self, old_id, error)) == NULL
      || (new_report = bc_store_open_report (self, new_id, error)) == NULL)
    return NULL;
  return bc_diff_reports (old_report, new_report);
}

/* One key's changes after the starting point, folded into one. */
static void
fold_change (GHashTable   *net,
             sqlite3_stmt *stmt)
{
  const char *key = (const char *) sqlite3_column_text (stmt, 1);
  BcDiff *diff = g_hash_table_lookup (net, key);

  if (diff == NULL)
    {
      diff = g_new0 (BcDiff, 1);
      diff->key = g_strdup (key);
      diff->old_value = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? NULL : bc_store_column_dup (stmt, 2);
      g_hash_table_insert (net, diff->key, diff);
    }
  g_free (diff->new_value);
  g_free (diff->actor);
  g_free (diff->role);
  g_free (diff->at);
  diff->new_value = sqlite3_column_type (stmt, 3) == SQLITE_NULL ? NULL : bc_store_column_dup (stmt, 3);
  diff->actor = bc_store_column_dup (stmt, 4);
  diff->role = bc_store_column_dup (stmt, 5);
  diff->at = bc_store_column_dup (stmt, 6);
  diff->change_id = sqlite3_column_int64 (stmt, 0);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp ((*(BcDiff * const *) a)->key, (*(BcDiff * const *) b)->key);
}

/**
 * bc_store_list_changes_by_others:
 * @after_change_id: where to start in the change log (e.g.
 *   bc_store_find_status_change (store, id, "submitted")); 0: from the start
 *
 * What others (any actor but the store's) changed after a point of the
 * change log and nobody has dealt with yet: each key's changes are folded
 * into one, from the value before the first to the value after the last,
 * with who made the last one. A key is left out when its value came back
 * to where it was, or when the store's actor changed it last — by
 * accepting (bc_store_accept_changes()), reverting, or editing it again.
 * Status changes are left out.
 *
 * Returns: (transfer container) (element-type BcDiff): the changes, keys
 *   in byte order
 */
GPtrArray *
bc_store_list_changes_by_others (BcStore  *self,
                                 gint64    report_id,
                                 gint64    after_change_id,
                                 GError  **error)
{
  g_autoptr(GHashTable) net = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                     (GDestroyNotify) bc_diff_free);
  GPtrArray *diffs = NULL;
  const char *me = bc_store_get_actor (self);
  GHashTableIter iter;
  BcDiff *diff;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BC_IS_STORE (self), NULL);

  stmt = bc_store_prepare (self,
                           "SELECT id, key, old, new, actor, role, at FROM change"
                           " WHERE report_id = ? AND id > ? AND key NOT LIKE 'meta/%' ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, after_change_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    fold_change (net, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bc_store_sqlite_error (self, rc, error), NULL;

  diffs = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_diff_free);
  g_hash_table_iter_init (&iter, net);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &diff))
    if (!g_str_equal (diff->actor, me) && g_strcmp0 (diff->old_value, diff->new_value) != 0)
      {
        g_hash_table_iter_steal (&iter);
        g_ptr_array_add (diffs, diff);
      }
  g_ptr_array_sort (diffs, compare_keys);
  return diffs;
}

/**
 * bc_store_accept_changes:
 * @diffs: (element-type BcDiff): changes from bc_store_list_changes_by_others()
 *
 * Keeps others' changes as they are and says so in the change log: one
 * entry per key whose old and new value are both the current value, by
 * the store's actor, so that the change is no longer listed. Refused on
 * an approved report.
 *
 * Returns: %TRUE when committed
 */
gboolean
bc_store_accept_changes (BcStore    *self,
                         BcReport   *report,
                         GPtrArray  *diffs,
                         GError    **error)
{
  g_autofree char *now = bc_store_now ();
  gint64 id, batch;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);
  g_return_val_if_fail (diffs != NULL, FALSE);

  if (diffs->len == 0)
    return TRUE;
  id = bc_report_get_id (report);
  if (!bc_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!bc_store_check_writable (self, id, error) || (batch = bc_store_next_batch (self, error)) == 0)
    goto fail;
  for (guint i = 0; i < diffs->len; i++)
    {
      const char *key = ((BcDiff *) diffs->pdata[i])->key;
      const char *value = bc_report_get (report, key);

      if (!bc_store_log_change (self, id, batch, key, *value ? value : NULL, *value ? value : NULL,
                                now, error))
        goto fail;
    }
  if (!bc_store_exec (self, "COMMIT", error))
    goto fail;
  return TRUE;

fail:
  bc_store_rollback (self);
  return FALSE;
}

/**
 * bc_store_revert_changes:
 * @diffs: (element-type BcDiff): changes from bc_store_list_changes_by_others()
 *   or bc_diff_reports()
 *
 * Puts back each key's old value, as one new edit in the change log by the
 * store's actor (see bc_store_apply()).
 *
 * Returns: %TRUE when committed
 */
gboolean
bc_store_revert_changes (BcStore    *self,
                         BcReport   *report,
                         GPtrArray  *diffs,
                         GError    **error)
{
  g_autoptr(GArray) edits = NULL;

  g_return_val_if_fail (BC_IS_STORE (self), FALSE);
  g_return_val_if_fail (BC_IS_REPORT (report), FALSE);
  g_return_val_if_fail (diffs != NULL, FALSE);

  edits = bc_store_revert_edits (diffs);
  return bc_store_apply (self, report, (BcEdit *) edits->data, edits->len, error);
}

/**
 * bc_store_revert_edits:
 * @diffs: (element-type BcDiff): changes to undo
 *
 * The edits that put back each key's old value, for bc_store_apply() or
 * an edit session (bc_edit_session_revert()).
 *
 * Returns: (transfer container) (element-type BcEdit): the edits, whose
 *   strings are @diffs' own
 */
GArray *
bc_store_revert_edits (GPtrArray *diffs)
{
  GArray *edits;

  g_return_val_if_fail (diffs != NULL, NULL);

  edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));
  for (guint i = 0; i < diffs->len; i++)
    {
      BcDiff *diff = diffs->pdata[i];
      BcEdit edit = { diff->key, diff->old_value };
      g_array_append_val (edits, edit);
    }
  return edits;
}

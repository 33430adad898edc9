/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-edit-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bc-edit-session-private.h"
#include "bc-report-private.h"
#include "bc-store-consolidate.h"
#include "bc-store-review.h"
#include "bc-store-rollup.h"
#include "bc-store.h"

/* What the session has the store do at once, on the writer's connection
 * once every edit is saved, rather than as an edit of the model: the
 * review status and the changes of others accepted, the values taken
 * again from the months or typed over a consolidated one. Reverting
 * others' changes is an edit the clerk can undo. */

/* Once every edit is committed the writer waits on its queue, which only
 * this thread feeds: its connection can be used from here until the next
 * edit is handed over. */
static gboolean
writer_idle (BcEditSession  *self,
             GError        **error)
{
  if (self->thread == NULL)
    {
      g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_FAILED, _("The report is closed"));
      return FALSE;
    }
  if (!bc_edit_session_flush (self, error))
    return FALSE;
  bc_store_set_actor (self->wstore, self->actor);
  bc_store_set_role (self->wstore, self->role);
  return TRUE;
}

/**
 * bc_edit_session_set_status:
 * @to: "submitted", "returned", "approved" or "draft"
 * @reason: (nullable): why; needed to reopen an approved report
 *
 * Saves what is pending, then moves the report through the review
 * workflow (bc_store_set_status()) with the session's actor and role. The
 * undo history ends here: a submitted or approved report is not undone
 * into its draft.
 *
 * Returns: %TRUE when the new status was committed
 */
gboolean
bc_edit_session_set_status (BcEditSession  *self,
                            const char     *to,
                            const char     *reason,
                            GError        **error)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (!writer_idle (self, error) || !bc_store_set_status (self->wstore, self->wreport, to, reason, error))
    return FALSE;
  bc_report_set_modified (self->report, bc_report_get_modified (self->wreport));
  bc_report_set_internal (self->report, "meta/status", bc_report_get_status (self->wreport));
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  bc_edit_session_notify_undo (self);
  return TRUE;
}

/**
 * bc_edit_session_revert:
 * @diffs: (element-type BcDiff): changes to undo, e.g. from
 *   bc_store_list_changes_by_others()
 *
 * Puts back each key's old value, as one edit the clerk can undo.
 *
 * Returns: %TRUE when the edit was accepted
 */
gboolean
bc_edit_session_revert (BcEditSession  *self,
                        GPtrArray      *diffs,
                        GError        **error)
{
  g_autoptr(GArray) edits = NULL;

  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (diffs != NULL, FALSE);

  edits = bc_store_revert_edits (diffs);
  return bc_edit_session_apply (self, (BcEdit *) edits->data, edits->len, error);
}

/**
 * bc_edit_session_accept:
 * @diffs: (element-type BcDiff): changes to keep, from
 *   bc_store_list_changes_by_others()
 *
 * Saves what is pending, then records that the session's actor accepted
 * @diffs (bc_store_accept_changes()).
 *
 * Returns: %TRUE when committed
 */
gboolean
bc_edit_session_accept (BcEditSession  *self,
                        GPtrArray      *diffs,
                        GError        **error)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (diffs != NULL, FALSE);

  if (bc_edit_session_is_approved (self))
    return bc_edit_session_refuse_approved (error);
  return writer_idle (self, error) && bc_store_accept_changes (self->wstore, self->wreport, diffs, error);
}

/**
 * bc_edit_session_set_origins:
 * @origins: (nullable) (element-type utf8 utf8): value key -> where the
 *   value came from ("tổng 12 tháng (…)"), for a report built from its
 *   months; %NULL: none
 *
 * What the forms show beside a value taken from the months.
 */
void
bc_edit_session_set_origins (BcEditSession *self,
                             GHashTable    *origins)
{
  g_return_if_fail (BC_IS_EDIT_SESSION (self));

  g_clear_pointer (&self->origins, g_hash_table_unref);
  if (origins != NULL)
    self->origins = g_hash_table_ref (origins);
}

/**
 * bc_edit_session_get_origin:
 *
 * Returns: (nullable): where the value of @key came from, or %NULL
 */
const char *
bc_edit_session_get_origin (BcEditSession *self,
                            const char    *key)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), NULL);
  return self->origins ? g_hash_table_lookup (self->origins, key) : NULL;
}

/* The values the writer's copy has and the model has not (or the other
 * way round), into the model. */
static void
take_writer_values (BcEditSession *self)
{
  GHashTable *written = bc_report_get_values (self->wreport);
  g_autoptr(GList) keys = g_hash_table_get_keys (bc_report_get_values (self->report));
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, written);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (g_strcmp0 (value, bc_report_get (self->report, key)) != 0)
      bc_report_set_internal (self->report, key, value);
  for (GList *l = keys; l != NULL; l = l->next)
    if (!g_hash_table_contains (written, l->data))
      {
        /* The model's own key is freed when it is removed. */
        g_autofree char *gone = g_strdup (l->data);
        bc_report_set_internal (self->report, gone, NULL);
      }
  bc_report_set_modified (self->report, bc_report_get_modified (self->wreport));
}

/**
 * bc_edit_session_rollup_update:
 * @keys: (nullable) (array zero-terminated=1): the stale values to take
 *   again from the months; %NULL: all
 * @n_updated: (out) (optional): how many were
 *
 * Saves what is pending, then takes what the monthly reports give now
 * for the stale values of a report built from them
 * (bc_store_rollup_update()), with the session's actor and role.
 *
 * Returns: %TRUE when committed
 */
gboolean
bc_edit_session_rollup_update (BcEditSession       *self,
                               const char * const  *keys,
                               guint               *n_updated,
                               GError             **error)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);

  if (bc_edit_session_is_approved (self))
    return bc_edit_session_refuse_approved (error);
  if (!writer_idle (self, error) || !bc_store_rollup_update (self->wstore, self->wreport, keys, n_updated, error))
    return FALSE;
  take_writer_values (self);
  return TRUE;
}

/**
 * bc_edit_session_override:
 * @key: a value consolidated from the units' reports
 * @value: what the clerk puts instead
 * @reason: why, shown to the reviewer; required
 *
 * Saves what is pending, then types over a consolidated value with a
 * reason (bc_store_override(), as "baocao override" does), with the
 * session's actor and role.
 *
 * Returns: %TRUE when committed
 */
gboolean
bc_edit_session_override (BcEditSession  *self,
                          const char     *key,
                          const char     *value,
                          const char     *reason,
                          GError        **error)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);

  if (bc_edit_session_is_approved (self))
    return bc_edit_session_refuse_approved (error);
  if (!writer_idle (self, error) || !bc_store_override (self->wstore, self->wreport, key, value, reason, error))
    return FALSE;
  take_writer_values (self);
  return TRUE;
}

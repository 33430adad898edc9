/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-edit-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bc-edit-session-private.h"
#include "bc-report-private.h"
#include "bc-store-consolidate.h"
#include "bc-store.h"

/* An editing session keeps the clerk's report in memory and saves it
 * behind her back: every edit is applied to the model at once, then
 * committed, debounced, by a writer thread with its own connection, so
 * that no fsync ever runs on the frame path. Undo and redo cover every
 * edit of the session; each undo is itself an edit in the change log.
 *
 * Another program may change the report meanwhile (a second window, a
 * report file opened over it). The writer compares each edit with the
 * disk inside its transaction, and whenever the library's data_version
 * moved it reads the report again; what changed elsewhere reaches the
 * model (but for the keys the clerk has edits on the way for) and the
 * "changed-elsewhere" signal. With nothing to write, the main thread does
 * the same check on the writer's connection once a second, and before an
 * edit that the model says changes nothing is dropped.
 *
 * This file holds the session, how an edit is applied and its undo and
 * redo log; bc-edit-session-writer.c the saving and what changed
 * elsewhere; bc-edit-session-store.c what the session has the store do
 * at once (the review status, values taken from other reports). */

#define MERGE_WINDOW_USEC (1500 * G_TIME_SPAN_MILLISECOND)
#define MAX_UNDO 5000

typedef struct
{
  char *key;
  char *old_value;
  char *new_value;
} Step;

typedef struct
{
  GPtrArray *steps;        /* Step */
  gint64     time;
} UndoGroup;

G_DEFINE_FINAL_TYPE (BcEditSession, bc_edit_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (Step *step)
{
  g_free (step->key);
  g_free (step->old_value);
  g_free (step->new_value);
  g_free (step);
}

static void
undo_group_free (UndoGroup *group)
{
  g_ptr_array_unref (group->steps);
  g_free (group);
}

void
bc_edit_session_set_state (BcEditSession *self,
                           BcSaveState    state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
bc_edit_session_notify_undo (BcEditSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Applies edits to the model and queues them; records nothing for undo. */
static void
apply_to_model (BcEditSession *self,
                GPtrArray     *steps,
                gboolean       forward)
{
  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = steps->pdata[i];
      const char *value = forward ? step->new_value : step->old_value;

      g_hash_table_insert (self->pending, g_strdup (step->key), g_strdup (value ? value : ""));
      bc_report_set_internal (self->report, step->key, value);
    }
  self->serial++;
  bc_edit_session_schedule (self);
}

static gboolean
try_merge (BcEditSession *self,
           GPtrArray     *steps,
           gint64         now)
{
  UndoGroup *top;
  Step *old_step, *new_step;

  if (self->undo->len == 0 || steps->len != 1)
    return FALSE;
  top = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (top->steps->len != 1 || now - top->time > MERGE_WINDOW_USEC)
    return FALSE;
  old_step = top->steps->pdata[0];
  new_step = steps->pdata[0];
  if (!g_str_equal (old_step->key, new_step->key))
    return FALSE;
  g_free (old_step->new_value);
  old_step->new_value = g_strdup (new_step->new_value);
  top->time = now;
  return TRUE;
}

static void
bc_edit_session_dispose (GObject *object)
{
  bc_edit_session_close (BC_EDIT_SESSION (object));
  G_OBJECT_CLASS (bc_edit_session_parent_class)->dispose (object);
}

static void
bc_edit_session_finalize (GObject *object)
{
  BcEditSession *self = (BcEditSession *) object;

  g_clear_object (&self->report);
  g_clear_object (&self->wreport);
  g_clear_object (&self->wstore);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->in_flight);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self->error);
  g_free (self->failure);
  g_free (self->actor);
  g_free (self->role);
  g_free (self->received_from);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  g_clear_pointer (&self->origins, g_hash_table_unref);
  G_OBJECT_CLASS (bc_edit_session_parent_class)->finalize (object);
}

static void
bc_edit_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BcEditSession *self = BC_EDIT_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bc_edit_session_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, bc_edit_session_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_edit_session_class_init (BcEditSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_edit_session_dispose;
  object_class->finalize = bc_edit_session_finalize;
  object_class->get_property = bc_edit_session_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, BC_SAVE_STATE_SAVED, BC_SAVE_STATE_FAILED,
                      BC_SAVE_STATE_SAVED, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bc_edit_session_writer_class_init (object_class);
}

static void
bc_edit_session_init (BcEditSession *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_group_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_group_free);
  self->delay_ms = 400;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

/* @model was read before the writer's copy: it takes what changed since. */
static void
catch_up (BcReport *model,
          BcReport *disk)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, bc_report_get_values (disk));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (g_strcmp0 (value, bc_report_get (model, key)) != 0)
      g_ptr_array_add (keys, g_strdup (key));
  g_hash_table_iter_init (&iter, bc_report_get_values (model));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (*value != '\0' && !g_hash_table_contains (bc_report_get_values (disk), key))
      g_ptr_array_add (keys, g_strdup (key));
  for (guint i = 0; i < keys->len; i++)
    bc_report_set_internal (model, keys->pdata[i], bc_report_get (disk, keys->pdata[i]));
  if (keys->len > 0)
    bc_report_set_modified (model, bc_report_get_modified (disk));
}

/**
 * bc_edit_session_new:
 * @library_path: the library @report lives in; the writer opens its own connection
 * @report: the report being edited (the session changes it in memory)
 *
 * Returns: (transfer full): the session, or %NULL with @error set
 */
BcEditSession *
bc_edit_session_new (const char  *library_path,
                     BcReport    *report,
                     GError     **error)
{
  g_autoptr(BcEditSession) self = g_object_new (BC_TYPE_EDIT_SESSION, NULL);
  g_autoptr(BcStore) store = NULL;

  g_return_val_if_fail (library_path != NULL, NULL);
  g_return_val_if_fail (BC_IS_REPORT (report), NULL);

  if ((store = bc_store_open (library_path, error)) == NULL)
    return NULL;
  /* Read before the report: a commit in between is seen again later. */
  self->data_version = bc_store_get_data_version (store);
  if ((self->wreport = bc_store_open_report (store, bc_report_get_id (report), error)) == NULL)
    return NULL;
  catch_up (report, self->wreport);
  if (!bc_store_get_receipt (store, bc_report_get_id (report), &self->received_from, NULL, error))
    return NULL;
  self->actor = g_strdup (bc_store_get_actor (store));
  self->role = g_strdup (bc_store_get_role (store));
  self->wstore = g_steal_pointer (&store);
  self->report = g_object_ref (report);
  bc_edit_session_start_writer (self);
  return g_steal_pointer (&self);
}

BcReport *
bc_edit_session_get_report (BcEditSession *self)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), NULL);
  return self->report;
}

gboolean
bc_edit_session_is_approved (BcEditSession *self)
{
  return g_str_equal (bc_report_get_status (self->report), "approved");
}

gboolean
bc_edit_session_refuse_approved (GError **error)
{
  g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_READ_ONLY,
                       _("This report is approved and cannot be changed. Reopen it first, giving a reason."));
  return FALSE;
}

/* The steps that @edits make from the model; @no_op: one of them changes
 * nothing, as far as the model knows. */
static gboolean
make_steps (BcEditSession  *self,
            const BcEdit   *edits,
            guint           n_edits,
            GPtrArray      *steps,
            gboolean       *no_op,
            GError        **error)
{
  g_autoptr(GPtrArray) values = bc_store_check_edits (self->report, edits, n_edits, error);

  *no_op = FALSE;
  if (values == NULL)
    return FALSE;
  for (guint i = 0; i < n_edits; i++)
    {
      g_autofree char *value = g_steal_pointer (&values->pdata[i]);
      const char *old_value = bc_report_get (self->report, edits[i].key);
      Step *step;

      if (g_strcmp0 (old_value, value ? value : "") == 0)
        {
          *no_op = TRUE;
          continue;
        }
      step = g_new0 (Step, 1);
      step->key = g_strdup (edits[i].key);
      step->old_value = *old_value ? g_strdup (old_value) : NULL;
      step->new_value = g_steal_pointer (&value);
      g_ptr_array_add (steps, step);
    }
  return TRUE;
}

/**
 * bc_edit_session_apply:
 * @edits: (array length=n_edits): edits that form one undo step
 *
 * Checks the edits, applies them to the report at once and queues them to
 * be saved. Nothing is applied when any edit is refused; every edit of an
 * approved report is (%BC_STORE_ERROR_READ_ONLY), and so is one of
 * "meta/status" (see bc_edit_session_set_status()).
 *
 * Returns: %TRUE when the edits were accepted
 */
gboolean
bc_edit_session_apply (BcEditSession  *self,
                       const BcEdit   *edits,
                       guint           n_edits,
                       GError        **error)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  gint64 now = g_get_monotonic_time ();
  gboolean no_op;
  UndoGroup *group;

  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (self->thread != NULL, FALSE);

  if (bc_edit_session_is_approved (self))
    return bc_edit_session_refuse_approved (error);
  if (self->received_from != NULL)
    return bc_store_refuse_received (self->received_from, error);
  if (!bc_store_check_can_write (self->wstore, error))
    return FALSE;
  /* An edit is dropped as changing nothing only against a model that is
   * known to be up to date: one the model says is unchanged may not be
   * on disk, when another program changed the value. */
  if (!make_steps (self, edits, n_edits, steps, &no_op, error))
    return FALSE;
  if (no_op && bc_edit_session_sync (self))
    {
      g_ptr_array_set_size (steps, 0);
      if (!make_steps (self, edits, n_edits, steps, &no_op, error))
        return FALSE;
    }
  /* After the sync: the report may have been approved elsewhere. */
  if (bc_edit_session_is_approved (self))
    return bc_edit_session_refuse_approved (error);
  if (steps->len == 0)
    return TRUE;

  apply_to_model (self, steps, TRUE);
  g_ptr_array_set_size (self->redo, 0);
  if (!try_merge (self, steps, now))
    {
      group = g_new0 (UndoGroup, 1);
      group->steps = g_steal_pointer (&steps);
      group->time = now;
      g_ptr_array_add (self->undo, group);
      if (self->undo->len > MAX_UNDO)
        g_ptr_array_remove_index (self->undo, 0);
    }
  bc_edit_session_notify_undo (self);
  return TRUE;
}

/**
 * bc_edit_session_set:
 * @value: (nullable): the new value; %NULL or "" clears it
 *
 * Returns: %TRUE when the edit was accepted
 */
gboolean
bc_edit_session_set (BcEditSession  *self,
                     const char     *key,
                     const char     *value,
                     GError        **error)
{
  BcEdit edit = { key, value };

  return bc_edit_session_apply (self, &edit, 1, error);
}

static gboolean
move_step (BcEditSession *self,
           GPtrArray     *from,
           GPtrArray     *to,
           gboolean       forward)
{
  UndoGroup *group;

  if (from->len == 0 || bc_edit_session_is_approved (self))
    return FALSE;
  group = g_ptr_array_steal_index (from, from->len - 1);
  apply_to_model (self, group->steps, forward);
  group->time = 0;   /* never merge into an undone step */
  g_ptr_array_add (to, group);
  bc_edit_session_notify_undo (self);
  return TRUE;
}

gboolean
bc_edit_session_undo (BcEditSession *self)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);
  return move_step (self, self->undo, self->redo, FALSE);
}

gboolean
bc_edit_session_redo (BcEditSession *self)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);
  return move_step (self, self->redo, self->undo, TRUE);
}

gboolean
bc_edit_session_can_undo (BcEditSession *self)
{
  return self->undo->len > 0 && !bc_edit_session_is_approved (self);
}

gboolean
bc_edit_session_can_redo (BcEditSession *self)
{
  return self->redo->len > 0 && !bc_edit_session_is_approved (self);
}

BcSaveState
bc_edit_session_get_state (BcEditSession *self)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), BC_SAVE_STATE_SAVED);
  return self->state;
}

/**
 * bc_edit_session_get_error:
 *
 * Returns: (nullable): why the last commit failed
 */
const char *
bc_edit_session_get_error (BcEditSession *self)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), NULL);
  return self->error;
}

/**
 * bc_edit_session_get_serial:
 *
 * Returns: the number of edits (undo and redo included) applied so far
 */
guint64
bc_edit_session_get_serial (BcEditSession *self)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), 0);
  return self->serial;
}

/**
 * bc_edit_session_get_saved_serial:
 *
 * Returns: the serial of the last edit known to be on disk
 */
guint64
bc_edit_session_get_saved_serial (BcEditSession *self)
{
  guint64 serial;

  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), 0);
  g_mutex_lock (&self->lock);
  serial = self->saved_serial;
  g_mutex_unlock (&self->lock);
  return serial;
}

void
bc_edit_session_set_delay (BcEditSession *self,
                           guint          msec)
{
  g_return_if_fail (BC_IS_EDIT_SESSION (self));
  self->delay_ms = msec;
}

/**
 * bc_edit_session_set_actor:
 * @actor: the name stamped on the edits made from now on
 * @role: %BC_ROLE_CLERK or %BC_ROLE_REVIEWER
 */
void
bc_edit_session_set_actor (BcEditSession *self,
                           const char    *actor,
                           const char    *role)
{
  g_return_if_fail (BC_IS_EDIT_SESSION (self));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (bc_store_role_is_valid (role));

  g_free (self->actor);
  self->actor = g_strdup (actor);
  g_free (self->role);
  self->role = g_strdup (role);
}

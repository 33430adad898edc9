/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-edit-session"

#include "config.h"

#include "bc-edit-session-private.h"
#include "bc-report-private.h"
#include "bc-store.h"

/* Saving behind the clerk's back (see bc-edit-session.c): the edits
 * applied to the model wait for the debounce, then go in batches to a
 * writer thread with its own connection, which tells the main thread
 * what it saved, what failed and what it found changed elsewhere. */

/* However fast she types, an edit reaches the disk within this. */
#define MAX_WAIT_USEC (900 * G_TIME_SPAN_MILLISECOND)
/* How often an idle session looks for changes made elsewhere. */
#define WATCH_INTERVAL_MS 1000

typedef struct
{
  GHashTable *edits;       /* key -> value ("" clears) */
  guint64     serial;      /* the last edit it carries */
  char       *actor;       /* who made them, and in which role */
  char       *role;
  gboolean    quit;
} Batch;

enum {
  SAVED,
  CHANGED_ELSEWHERE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->edits, g_hash_table_unref);
  g_free (batch->actor);
  g_free (batch->role);
  g_free (batch);
}

/* Writer thread */

/* What another program changed, as the writer found it. */
typedef struct
{
  GHashTable    *values;     /* key -> value ("" cleared) */
  char          *modified;
  gboolean       replaced;   /* the report on disk is another one now */
} Elsewhere;

typedef struct
{
  GWeakRef       self;     /* the writer never holds the last reference */
  guint64        serial;
  Batch         *failed;   /* given back to the main thread */
  GError        *error;
  Elsewhere      elsewhere;
} Report;

static void
elsewhere_clear (Elsewhere *e)
{
  g_clear_pointer (&e->values, g_hash_table_unref);
  g_clear_pointer (&e->modified, g_free);
}

/* Runs in the writer, or in the main thread while the writer waits: when
 * another connection committed since the last look, reads the report
 * again into the writer's copy. What changed is copied to @out, for the
 * main thread: the writer's copy is the writer's. */
static void
look_elsewhere (BcEditSession *self,
                Elsewhere     *out)
{
  g_autoptr(GPtrArray) keys = NULL;
  gint64 version = bc_store_get_data_version (self->wstore);

  if (version == self->data_version || version < 0)
    return;
  self->data_version = version;
  keys = bc_store_reload_report (self->wstore, self->wreport, &out->replaced, NULL);
  if (keys == NULL || keys->len == 0)
    return;
  out->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < keys->len; i++)
    g_hash_table_insert (out->values, g_strdup (keys->pdata[i]),
                         g_strdup (bc_report_get (self->wreport, keys->pdata[i])));
  out->modified = g_strdup (bc_report_get_modified (self->wreport));
}

/* Main thread: brings the model up to date with what changed elsewhere,
 * but for the keys the clerk's own edits are pending or on the way for:
 * those are newer, and the writer compares them with the disk.
 * Returns: whether the model changed, or must be opened again */
static gboolean
take_elsewhere (BcEditSession   *self,
                const Elsewhere *e)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  const char *key;

  if (e->values != NULL)
    {
      g_hash_table_iter_init (&iter, e->values);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        if (!g_hash_table_contains (self->pending, key) && !g_hash_table_contains (self->in_flight, key))
          g_ptr_array_add (keys, g_strdup (key));
      for (guint i = 0; i < keys->len; i++)
        bc_report_set_internal (self->report, keys->pdata[i], g_hash_table_lookup (e->values, keys->pdata[i]));
      if (keys->len > 0)
        bc_report_set_modified (self->report, e->modified);
    }
  if (keys->len == 0 && !e->replaced)
    return FALSE;
  g_ptr_array_add (keys, NULL);
  g_signal_emit (self, signals[CHANGED_ELSEWHERE], 0, (const char * const *) keys->pdata, e->replaced);
  return TRUE;
}

/* Main thread: the keys of batches up to @serial are on disk, or back in
 * the pending set. */
static void
land_in_flight (BcEditSession *self,
                guint64        serial)
{
  GHashTableIter iter;
  gpointer value;

  self->reported_serial = MAX (self->reported_serial, serial);
  g_hash_table_iter_init (&iter, self->in_flight);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (*(guint64 *) value <= serial)
      g_hash_table_iter_remove (&iter);
}

/* A failed commit is tried again on the debounce's own deadline, however
 * the clerk types: the edits reach the disk within MAX_WAIT_USEC of the
 * space coming back. Not when they never can: the report was approved or
 * deleted elsewhere. */
static void
retry_failed (BcEditSession *self,
              const GError  *error)
{
  if (bc_edit_session_is_approved (self) || g_error_matches (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND))
    return;
  if (self->pending_since == 0)
    self->pending_since = g_get_monotonic_time ();
  bc_edit_session_schedule (self);
}

static gboolean
writer_report_cb (gpointer data)
{
  Report *r = data;
  g_autoptr(BcEditSession) self = g_weak_ref_get (&r->self);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  /* While this batch's keys still count as on the way: its values are
   * newer than what it found elsewhere. */
  take_elsewhere (self, &r->elsewhere);
  land_in_flight (self, r->serial);
  if (r->failed != NULL)
    {
      GHashTableIter iter;
      const char *key, *value;

      /* Keep the edits: newer pending ones win, the rest retry. */
      g_hash_table_iter_init (&iter, r->failed->edits);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
        if (!g_hash_table_contains (self->pending, key))
          g_hash_table_insert (self->pending, g_strdup (key), g_strdup (value));
      g_free (self->error);
      self->error = g_strdup (r->error->message);
      bc_edit_session_set_state (self, BC_SAVE_STATE_FAILED);
      retry_failed (self, r->error);
    }
  else
    {
      g_clear_pointer (&self->error, g_free);
      if (g_hash_table_size (self->pending) == 0 && r->serial >= self->serial)
        bc_edit_session_set_state (self, BC_SAVE_STATE_SAVED);
      else if (self->state == BC_SAVE_STATE_FAILED)
        bc_edit_session_set_state (self, BC_SAVE_STATE_PENDING);
      g_signal_emit (self, signals[SAVED], 0, (guint64) r->serial);
    }
  return G_SOURCE_REMOVE;
}

static void
report_free (Report *r)
{
  g_weak_ref_clear (&r->self);
  if (r->failed)
    batch_free (r->failed);
  g_clear_error (&r->error);
  elsewhere_clear (&r->elsewhere);
  g_free (r);
}

/* Always through an idle source: g_main_context_invoke() would run the
 * callback here, in the writer, whenever the main thread is not iterating
 * its loop. */
static void
report_to_main (BcEditSession *self,
                Report        *r)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, writer_report_cb, r, (GDestroyNotify) report_free);
  g_source_set_static_name (source, "[baocao] saved");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static gpointer
writer_main (gpointer data)
{
  BcEditSession *self = data;

  for (;;)
    {
      Batch *batch = g_async_queue_pop (self->queue);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));
      GHashTableIter iter;
      BcEdit edit;
      Report *r;

      if (batch->quit)
        {
          batch_free (batch);
          break;
        }
      g_hash_table_iter_init (&iter, batch->edits);
      while (g_hash_table_iter_next (&iter, (gpointer *) &edit.key, (gpointer *) &edit.value))
        g_array_append_val (edits, edit);

      r = g_new0 (Report, 1);
      g_weak_ref_init (&r->self, self);
      r->serial = batch->serial;
      look_elsewhere (self, &r->elsewhere);
      bc_store_set_actor (self->wstore, batch->actor);
      bc_store_set_role (self->wstore, batch->role);
      if (bc_store_apply (self->wstore, self->wreport, (BcEdit *) edits->data, edits->len, &error))
        {
          g_mutex_lock (&self->lock);
          self->saved_serial = MAX (self->saved_serial, batch->serial);
          g_cond_broadcast (&self->cond);
          g_mutex_unlock (&self->lock);
          batch_free (batch);
        }
      else
        {
          g_mutex_lock (&self->lock);
          self->failed_serial = batch->serial;
          g_free (self->failure);
          self->failure = g_strdup (error->message);
          g_cond_broadcast (&self->cond);
          g_mutex_unlock (&self->lock);
          r->failed = batch;
          r->error = g_steal_pointer (&error);
        }
      report_to_main (self, r);
    }
  return NULL;
}

/* Main thread */

static void
hand_over (BcEditSession *self)
{
  Batch *batch;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->pending_since = 0;
  if (g_hash_table_size (self->pending) == 0)
    return;
  batch = g_new0 (Batch, 1);
  batch->edits = g_steal_pointer (&self->pending);
  batch->serial = self->serial;
  self->handed_serial = self->serial;
  {
    GHashTableIter iter;
    const char *key;

    g_hash_table_iter_init (&iter, batch->edits);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
      g_hash_table_insert (self->in_flight, g_strdup (key), g_memdup2 (&batch->serial, sizeof batch->serial));
  }
  batch->actor = g_strdup (self->actor);
  batch->role = g_strdup (self->role);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* A retry keeps saying that the edits are not saved yet. */
  if (self->state != BC_SAVE_STATE_FAILED)
    bc_edit_session_set_state (self, BC_SAVE_STATE_SAVING);
  g_async_queue_push (self->queue, batch);
}

static gboolean
debounce_cb (gpointer data)
{
  BcEditSession *self = data;

  self->timeout_id = 0;
  hand_over (self);
  return G_SOURCE_REMOVE;
}

void
bc_edit_session_schedule (BcEditSession *self)
{
  gint64 now = g_get_monotonic_time ();
  guint delay = self->delay_ms;

  if (self->pending_since == 0)
    self->pending_since = now;
  /* Debounce, but never past the deadline of the oldest pending edit,
   * failed ones included. */
  delay = MIN (delay, (guint) MAX (0, (self->pending_since + MAX_WAIT_USEC - now) / 1000));
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay, debounce_cb, self);
  if (self->state != BC_SAVE_STATE_FAILED)
    bc_edit_session_set_state (self, BC_SAVE_STATE_PENDING);
}

/* The signals of the saving, installed by the session's class_init. */
void
bc_edit_session_writer_class_init (GObjectClass *object_class)
{
  /**
   * BcEditSession::saved:
   * @serial: every edit up to this serial is on disk
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT64);

  /**
   * BcEditSession::changed-elsewhere:
   * @keys: the values another program changed, now in the report
   * @replaced: the report on disk is another one now (a report file
   *   replaced it): the report must be opened again
   */
  signals[CHANGED_ELSEWHERE] =
    g_signal_new ("changed-elsewhere", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_BOOLEAN);
}

static gboolean
watch_cb (gpointer data)
{
  bc_edit_session_sync (data);
  return G_SOURCE_CONTINUE;
}

/* The writer's thread, and the watch for changes made elsewhere on the
 * caller's thread-default context. */
void
bc_edit_session_start_writer (BcEditSession *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->queue = g_async_queue_new_full ((GDestroyNotify) batch_free);
  self->thread = g_thread_new ("baocao-writer", writer_main, self);
  self->watch_id = g_timeout_add (WATCH_INTERVAL_MS, watch_cb, self);
}

/**
 * bc_edit_session_sync:
 *
 * Looks now for changes another program made to the report, as the
 * session does by itself every second and before each commit: each
 * value changed elsewhere reaches the report (emitting
 * #BcReport::value-changed) unless the clerk has an edit of it on the
 * way, and #BcEditSession::changed-elsewhere says which. Does nothing
 * while the writer commits: it looks then.
 *
 * Returns: %TRUE when something changed elsewhere
 */
gboolean
bc_edit_session_sync (BcEditSession *self)
{
  Elsewhere elsewhere = { NULL };
  gboolean changed;

  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);

  /* Every batch handed over is reported: the writer waits on its queue,
   * its connection free for this thread, and no older news of it is
   * still on the way here. */
  if (self->thread == NULL || self->reported_serial < self->handed_serial)
    return FALSE;
  look_elsewhere (self, &elsewhere);
  changed = take_elsewhere (self, &elsewhere);
  elsewhere_clear (&elsewhere);
  return changed;
}

/**
 * bc_edit_session_flush:
 *
 * Hands every pending edit to the writer and waits until it is committed.
 *
 * Returns: %FALSE with @error set when the commit failed
 */
gboolean
bc_edit_session_flush (BcEditSession  *self,
                       GError        **error)
{
  guint64 target;
  gboolean ok;

  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);

  if (self->thread == NULL)
    return TRUE;
  hand_over (self);
  target = self->serial;
  g_mutex_lock (&self->lock);
  while (self->saved_serial < target && self->failed_serial < target)
    g_cond_wait (&self->cond, &self->lock);
  ok = self->saved_serial >= target;
  if (!ok)
    g_set_error_literal (error, BC_STORE_ERROR, BC_STORE_ERROR_FAILED, self->failure);
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * bc_edit_session_close:
 *
 * Saves what is pending and stops the writer. Called on dispose too.
 */
void
bc_edit_session_close (BcEditSession *self)
{
  Batch *quit;

  g_return_if_fail (BC_IS_EDIT_SESSION (self));

  if (self->thread == NULL)
    return;
  bc_edit_session_flush (self, NULL);
  quit = g_new0 (Batch, 1);
  quit->quit = TRUE;
  g_async_queue_push (self->queue, quit);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->watch_id, g_source_remove);
}

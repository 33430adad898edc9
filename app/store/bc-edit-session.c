/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-edit-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bc-edit-session.h"
#include "bc-store-consolidate.h"
#include "bc-store-rollup.h"
#include "bc-report-private.h"
#include "bc-store-review.h"
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
 * edit that the model says changes nothing is dropped. */

#define MERGE_WINDOW_USEC (1500 * G_TIME_SPAN_MILLISECOND)
/* However fast she types, an edit reaches the disk within this. */
#define MAX_WAIT_USEC (900 * G_TIME_SPAN_MILLISECOND)
#define MAX_UNDO 5000
/* How often an idle session looks for changes made elsewhere. */
#define WATCH_INTERVAL_MS 1000

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

typedef struct
{
  GHashTable *edits;       /* key -> value ("" clears) */
  guint64     serial;      /* the last edit it carries */
  char       *actor;       /* who made them, and in which role */
  char       *role;
  gboolean    quit;
} Batch;

struct _BcEditSession
{
  GObject       parent_instance;

  /* owned, main thread */
  BcReport     *report;
  GMainContext *context;
  GHashTable   *pending;   /* key -> value, not yet handed to the writer */
  GPtrArray    *undo;      /* UndoGroup */
  GPtrArray    *redo;      /* UndoGroup */
  guint         delay_ms;
  guint         timeout_id;
  gint64        pending_since;
  guint64       serial;
  BcSaveState   state;
  char         *error;
  char         *actor;
  char         *role;
  char         *received_from; /* a report received from a unit: its sender; read-only here */
  GHashTable   *in_flight;   /* key -> serial of the last batch handed over with it */
  guint64       handed_serial;
  guint64       reported_serial;
  guint         watch_id;
  GHashTable   *origins;   /* key -> where its value came from (bc_rollup_dup_origin()), or NULL */

  /* shared with the writer, under lock */
  GMutex        lock;
  GCond         cond;
  guint64       saved_serial;
  guint64       failed_serial;
  char         *failure;

  /* owned by the writer thread once started */
  GThread      *thread;
  GAsyncQueue  *queue;     /* Batch */
  BcStore      *wstore;
  BcReport     *wreport;     /* the report as the writer last saw it on disk */
  gint64        data_version;
};

G_DEFINE_FINAL_TYPE (BcEditSession, bc_edit_session, G_TYPE_OBJECT)

enum {
  SAVED,
  CHANGED_ELSEWHERE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->edits, g_hash_table_unref);
  g_free (batch->actor);
  g_free (batch->role);
  g_free (batch);
}

static void
set_state (BcEditSession *self,
           BcSaveState    state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
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

static void schedule (BcEditSession *self);
static gboolean is_approved (BcEditSession *self);

/* A failed commit is tried again on the debounce's own deadline, however
 * the clerk types: the edits reach the disk within MAX_WAIT_USEC of the
 * space coming back. Not when they never can: the report was approved or
 * deleted elsewhere. */
static void
retry_failed (BcEditSession *self,
              const GError  *error)
{
  if (is_approved (self) || g_error_matches (error, BC_STORE_ERROR, BC_STORE_ERROR_NOT_FOUND))
    return;
  if (self->pending_since == 0)
    self->pending_since = g_get_monotonic_time ();
  schedule (self);
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
      set_state (self, BC_SAVE_STATE_FAILED);
      retry_failed (self, r->error);
    }
  else
    {
      g_clear_pointer (&self->error, g_free);
      if (g_hash_table_size (self->pending) == 0 && r->serial >= self->serial)
        set_state (self, BC_SAVE_STATE_SAVED);
      else if (self->state == BC_SAVE_STATE_FAILED)
        set_state (self, BC_SAVE_STATE_PENDING);
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
    set_state (self, BC_SAVE_STATE_SAVING);
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

static void
schedule (BcEditSession *self)
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
    set_state (self, BC_SAVE_STATE_PENDING);
}

static void
notify_undo (BcEditSession *self)
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
  schedule (self);
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

  /**
   * BcEditSession::saved:
   * @serial: every edit up to this serial is on disk
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT64);

  /**
   * BcEditSession::changed-elsewhere:
   * @keys: the values another program changed, now in the report
   * @replaced: the report on disk is another one now (a report file
   *   replaced it): the report must be opened again
   */
  signals[CHANGED_ELSEWHERE] =
    g_signal_new ("changed-elsewhere", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRV, G_TYPE_BOOLEAN);
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

static gboolean
watch_cb (gpointer data)
{
  bc_edit_session_sync (data);
  return G_SOURCE_CONTINUE;
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
  self->context = g_main_context_ref_thread_default ();
  self->queue = g_async_queue_new_full ((GDestroyNotify) batch_free);
  self->thread = g_thread_new ("baocao-writer", writer_main, self);
  self->watch_id = g_timeout_add (WATCH_INTERVAL_MS, watch_cb, self);
  return g_steal_pointer (&self);
}

BcReport *
bc_edit_session_get_report (BcEditSession *self)
{
  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), NULL);
  return self->report;
}

static gboolean
is_approved (BcEditSession *self)
{
  return g_str_equal (bc_report_get_status (self->report), "approved");
}

static gboolean
refuse_approved (GError **error)
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
  *no_op = FALSE;
  for (guint i = 0; i < n_edits; i++)
    {
      g_autofree char *value = NULL;
      const char *old_value = bc_report_get (self->report, edits[i].key);
      Step *step;

      if (!bc_store_check_edit (self->report, &edits[i], &value, error))
        return FALSE;
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

  if (is_approved (self))
    return refuse_approved (error);
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
  if (is_approved (self))
    return refuse_approved (error);
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
  notify_undo (self);
  return TRUE;
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

  if (from->len == 0 || is_approved (self))
    return FALSE;
  group = g_ptr_array_steal_index (from, from->len - 1);
  apply_to_model (self, group->steps, forward);
  group->time = 0;   /* never merge into an undone step */
  g_ptr_array_add (to, group);
  notify_undo (self);
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
  return self->undo->len > 0 && !is_approved (self);
}

gboolean
bc_edit_session_can_redo (BcEditSession *self)
{
  return self->redo->len > 0 && !is_approved (self);
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
  notify_undo (self);
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
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (BcEdit));

  g_return_val_if_fail (BC_IS_EDIT_SESSION (self), FALSE);
  g_return_val_if_fail (diffs != NULL, FALSE);

  for (guint i = 0; i < diffs->len; i++)
    {
      BcDiff *diff = diffs->pdata[i];
      BcEdit edit = { diff->key, diff->old_value };
      g_array_append_val (edits, edit);
    }
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

  if (is_approved (self))
    return refuse_approved (error);
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

  if (is_approved (self))
    return refuse_approved (error);
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

  if (is_approved (self))
    return refuse_approved (error);
  if (!writer_idle (self, error) || !bc_store_override (self->wstore, self->wreport, key, value, reason, error))
    return FALSE;
  take_writer_values (self);
  return TRUE;
}

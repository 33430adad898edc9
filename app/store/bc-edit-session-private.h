/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-edit-session.h"

G_BEGIN_DECLS

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

/* bc-edit-session.c: the session, applying edits, undo and redo. */
void      bc_edit_session_set_state         (BcEditSession  *self,
                                             BcSaveState     state);
void      bc_edit_session_notify_undo       (BcEditSession  *self);
gboolean  bc_edit_session_is_approved       (BcEditSession  *self);
gboolean  bc_edit_session_refuse_approved   (GError        **error);

/* bc-edit-session-writer.c: saving, and what changed elsewhere. */
void      bc_edit_session_writer_class_init (GObjectClass   *object_class);
void      bc_edit_session_start_writer      (BcEditSession  *self);
void      bc_edit_session_schedule          (BcEditSession  *self);

G_END_DECLS

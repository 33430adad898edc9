/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-store.h"
#include "bc-types.h"

G_BEGIN_DECLS

typedef enum
{
  BC_SAVE_STATE_SAVED,     /* everything shown is on disk */
  BC_SAVE_STATE_PENDING,   /* edits wait for the debounce */
  BC_SAVE_STATE_SAVING,    /* a commit is under way */
  BC_SAVE_STATE_FAILED,    /* the last commit failed; edits are kept and retried */
} BcSaveState;

#define BC_TYPE_EDIT_SESSION (bc_edit_session_get_type ())
G_DECLARE_FINAL_TYPE (BcEditSession, bc_edit_session, BC, EDIT_SESSION, GObject)

BcEditSession *bc_edit_session_new          (const char     *library_path,
                                             BcReport       *report,
                                             GError        **error);
BcReport      *bc_edit_session_get_report   (BcEditSession  *self);
gboolean       bc_edit_session_set          (BcEditSession  *self,
                                             const char     *key,
                                             const char     *value,
                                             GError        **error);
gboolean       bc_edit_session_apply        (BcEditSession  *self,
                                             const BcEdit   *edits,
                                             guint           n_edits,
                                             GError        **error);
gboolean       bc_edit_session_flush        (BcEditSession  *self,
                                             GError        **error);
gboolean       bc_edit_session_sync         (BcEditSession  *self);
BcSaveState    bc_edit_session_get_state    (BcEditSession  *self);
const char    *bc_edit_session_get_error    (BcEditSession  *self);
guint64        bc_edit_session_get_saved_serial (BcEditSession *self);
guint64        bc_edit_session_get_serial   (BcEditSession  *self);
gboolean       bc_edit_session_can_undo     (BcEditSession  *self);
gboolean       bc_edit_session_can_redo     (BcEditSession  *self);
gboolean       bc_edit_session_undo         (BcEditSession  *self);
gboolean       bc_edit_session_redo         (BcEditSession  *self);
void           bc_edit_session_set_delay    (BcEditSession  *self,
                                             guint           msec);
void           bc_edit_session_close        (BcEditSession  *self);
void           bc_edit_session_set_actor    (BcEditSession  *self,
                                             const char     *actor,
                                             const char     *role);
gboolean       bc_edit_session_set_status   (BcEditSession  *self,
                                             const char     *to,
                                             const char     *reason,
                                             GError        **error);
gboolean       bc_edit_session_revert       (BcEditSession  *self,
                                             GPtrArray      *diffs,
                                             GError        **error);
void           bc_edit_session_set_origins  (BcEditSession  *self,
                                             GHashTable     *origins);
const char    *bc_edit_session_get_origin   (BcEditSession  *self,
                                             const char     *key);
gboolean       bc_edit_session_rollup_update (BcEditSession      *self,
                                              const char * const *keys,
                                              guint              *n_updated,
                                              GError            **error);
gboolean       bc_edit_session_override     (BcEditSession  *self,
                                             const char     *key,
                                             const char     *value,
                                             const char     *reason,
                                             GError        **error);
gboolean       bc_edit_session_accept       (BcEditSession  *self,
                                             GPtrArray      *diffs,
                                             GError        **error);

G_END_DECLS

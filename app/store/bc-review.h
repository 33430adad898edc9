/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bc-diff.h"
#include "bc-store.h"
#include "bc-types.h"

G_BEGIN_DECLS

/* Review: the status workflow, comment threads, and what others changed.
 *
 * Statuses: "draft" → "submitted" → "returned" (with corrections) →
 * "submitted" … → "approved"; "submitted" → "draft" withdraws a report
 * before review; "approved" → "draft" reopens it, with a reason. Returning
 * and approving need the reviewer's role. An approved report is read-only.
 *
 * A comment's target is a value key (bc-report.h), "expl/<finding id>"
 * for a finding, "sec/<section>" for a section, "tbl/<table>" or
 * "tbl/<table>/<row>" for a table or a row, or "" for the whole report. */

typedef struct
{
  gint64  id;
  gint64  parent_id;     /* 0: it starts a thread; else the thread's first comment */
  char   *uuid;          /* the same in every library the report travels to */
  char   *target;
  char   *author;
  char   *role;
  char   *text;
  char   *created;
  char   *resolved_at;   /* on a thread's first comment; NULL while open */
  char   *resolved_by;
} BcComment;

typedef struct
{
  gint64  id;
  char   *from_status;
  char   *to_status;
  char   *actor;
  char   *role;
  char   *reason;        /* NULL: none given */
  char   *at;
} BcStatusChange;

gboolean    bc_status_check_transition      (const char   *from,
                                             const char   *to,
                                             const char   *role,
                                             const char   *reason,
                                             GError      **error);
gboolean    bc_store_set_status             (BcStore      *self,
                                             BcReport     *report,
                                             const char   *to,
                                             const char   *reason,
                                             GError      **error);
GPtrArray  *bc_store_list_status_log        (BcStore      *self,
                                             gint64        report_id,
                                             GError      **error);
gint64      bc_store_find_status_change     (BcStore      *self,
                                             gint64        report_id,
                                             const char   *to);

gboolean    bc_review_validate_target       (BcReport     *report,
                                             const char   *target,
                                             GError      **error);
gint64      bc_store_add_comment            (BcStore      *self,
                                             BcReport     *report,
                                             const char   *target,
                                             const char   *text,
                                             GError      **error);
gint64      bc_store_reply_comment          (BcStore      *self,
                                             gint64        comment_id,
                                             const char   *text,
                                             GError      **error);
gboolean    bc_store_resolve_comment        (BcStore      *self,
                                             gint64        comment_id,
                                             gboolean      resolved,
                                             GError      **error);
GPtrArray  *bc_store_list_comments          (BcStore      *self,
                                             gint64        report_id,
                                             const char   *target,
                                             GError      **error);

GPtrArray  *bc_store_diff                   (BcStore      *self,
                                             gint64        old_id,
                                             gint64        new_id,
                                             GError      **error);
GPtrArray  *bc_store_list_changes_by_others (BcStore      *self,
                                             gint64        report_id,
                                             gint64        after_change_id,
                                             GError      **error);
gboolean    bc_store_accept_changes         (BcStore      *self,
                                             BcReport     *report,
                                             GPtrArray    *diffs,
                                             GError      **error);
gboolean    bc_store_revert_changes         (BcStore      *self,
                                             BcReport     *report,
                                             GPtrArray    *diffs,
                                             GError      **error);

void        bc_comment_free                 (BcComment      *comment);
void        bc_status_change_free           (BcStatusChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcComment, bc_comment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcStatusChange, bc_status_change_free)

G_END_DECLS

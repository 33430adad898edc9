/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* Review: the status workflow, comment threads, and what others changed.
 * The store keeps them (bc-store-review.h); this is what they are.
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

gboolean    bc_review_validate_target       (BcReport     *report,
                                             const char   *target,
                                             GError      **error);

void        bc_comment_free                 (BcComment      *comment);
void        bc_status_change_free           (BcStatusChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcComment, bc_comment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcStatusChange, bc_status_change_free)

G_END_DECLS

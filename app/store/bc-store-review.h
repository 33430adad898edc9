/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bc-diff.h"
#include "bc-review.h"
#include "bc-store.h"

G_BEGIN_DECLS

/* The review kept in a library (bc-review.h): status changes, comment
 * threads, and the changes made by others, accepted or reverted. */

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
GArray     *bc_store_revert_edits           (GPtrArray    *diffs);

G_END_DECLS

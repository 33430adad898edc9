/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replacing a whole file without ever leaving half of it: the new content
 * goes to a temporary file beside the real target, and is renamed over it
 * once it is complete and on the disk. Failures give the errno; each
 * caller words it in its own error domain. */
typedef struct _BcFileReplace BcFileReplace;

BcFileReplace *bc_file_replace_new        (const char     *path,
                                           int            *saved_errno);
const char    *bc_file_replace_get_temp   (BcFileReplace  *self);
const char    *bc_file_replace_get_target (BcFileReplace  *self);
gboolean       bc_file_replace_commit     (BcFileReplace  *self,
                                           int            *saved_errno);
void           bc_file_replace_free       (BcFileReplace  *self);
gboolean       bc_file_write_all          (const char     *path,
                                           const void     *data,
                                           gsize           length,
                                           int            *saved_errno);
gboolean       bc_file_replace_contents   (const char     *path,
                                           const void     *data,
                                           gsize           length,
                                           int            *saved_errno);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcFileReplace, bc_file_replace_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "bc-store.h"

G_BEGIN_DECLS

/* Shared between bc-store.c and bc-store-json.c. */
sqlite3_stmt *bc_store_prepare        (BcStore     *self,
                                       const char  *sql,
                                       GError     **error);
gboolean      bc_store_exec           (BcStore     *self,
                                       const char  *sql,
                                       GError     **error);
gboolean      bc_store_sqlite_error   (BcStore     *self,
                                       int          rc,
                                       GError     **error);
gboolean      bc_store_insert_report  (BcStore     *self,
                                       const char  *uuid,
                                       BcTemplate  *template,
                                       GHashTable  *values,
                                       const char  *created,
                                       const char  *modified,
                                       gint64       previous_id,
                                       gint64      *id,
                                       GError     **error);
char         *bc_store_now            (void);

G_END_DECLS

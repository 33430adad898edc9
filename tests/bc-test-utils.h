/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-store.h"
#include "bc-template.h"

G_BEGIN_DECLS

/* A fresh temporary folder, removed by bc_test_rmdir(). */
char       *bc_test_mkdtemp        (void);
void        bc_test_rmdir          (const char *path);
BcTemplate *bc_test_load_template  (const char *id);
BcStore    *bc_test_open_store     (const char *dir,
                                    const char *name);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "bc-store-followup.h"
#include "bc-template.h"

G_BEGIN_DECLS

/* bc-store-followup.c: filling a follow-up from the plan; shared with the
 * update from the plan (bc-store-followup-update.c) and the plan's status
 * (bc-store-plan-status.c). */
GPtrArray       *bc_store_followup_plan_tasks        (BcReport         *plan);
GArray          *bc_store_followup_collect_ids       (BcStore          *self,
                                                      sqlite3_stmt     *stmt,
                                                      GError          **error);
const BcSection *bc_store_followup_section_following (BcReport         *report,
                                                      const char       *plan_uuid);
gboolean         bc_store_followup_is_section_value  (gpointer          key,
                                                      gpointer          value,
                                                      gpointer          section_id);
GHashTable      *bc_store_followup_items_by_ref      (GHashTable       *values,
                                                      const BcSection  *section,
                                                      guint            *next,
                                                      GPtrArray        *order_out);
char            *bc_store_followup_dup_value         (GHashTable       *values,
                                                      const BcSection  *section,
                                                      const char       *item,
                                                      const char       *field);
gboolean         bc_store_followup_fill_with_plan    (BcStore          *self,
                                                      BcTemplate       *template,
                                                      GHashTable       *values,
                                                      BcReport         *plan,
                                                      GError          **error);

G_END_DECLS

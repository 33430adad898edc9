/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-report.h"
#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TYPE_SECTION_SUMMARY (bc_section_summary_get_type ())
G_DECLARE_FINAL_TYPE (BcSectionSummary, bc_section_summary, BC, SECTION_SUMMARY, AdwPreferencesPage)

GtkWidget *bc_section_summary_new_header   (BcReport         *report);
GtkWidget *bc_section_summary_new_section  (BcReport         *report,
                                            const BcSection  *section);
GtkWidget *bc_section_summary_new_table    (BcReport         *report,
                                            const BcTableDef *table);

G_END_DECLS

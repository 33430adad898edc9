/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BC_TYPE_CUT_MARK (bc_cut_mark_get_type ())
G_DECLARE_FINAL_TYPE (BcCutMark, bc_cut_mark, BC, CUT_MARK, GtkWidget)

void bc_entry_row_mark_cut (AdwEntryRow *row);

G_END_DECLS

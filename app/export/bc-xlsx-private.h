/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include <glib.h>

G_BEGIN_DECLS

/* bc-xlsx-trend.c: the "Xu hướng" sheet. */
void  bc_xlsx_write_trends  (lxw_workbook *workbook,
                             GPtrArray    *trends);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <xlsxwriter.h>

#include <glib.h>

#include "bc-report.h"
#include "bc-types.h"

G_BEGIN_DECLS

/* bc-xlsx.c: what every workbook is written with. */
typedef struct
{
  FILE   *saved;
  char   *text;
  size_t  length;
} BcXlsxQuiet;

void      bc_xlsx_quiet_begin   (BcXlsxQuiet   *q);
void      bc_xlsx_quiet_end     (BcXlsxQuiet   *q);
gboolean  bc_xlsx_close         (lxw_workbook  *workbook,
                                 lxw_error      status,
                                 const char    *tmp_path,
                                 const char    *path,
                                 GError       **error);

/* bc-xlsx-trend.c: the "Xu hướng" sheet. */
void  bc_xlsx_write_trends  (lxw_workbook *workbook,
                             GPtrArray    *trends);

/* bc-xlsx-upload.c: a table's plain sheet for upload systems. */
void  bc_xlsx_write_upload  (lxw_workbook     *workbook,
                             BcReport         *report,
                             const BcTableDef *def,
                             const char       *name);
/* bc-xlsx-units.c: a consolidated table by unit. */
typedef struct
{
  lxw_format *title, *header, *text, *integer;
} BcXlsxUnitFormats;

void  bc_xlsx_write_units   (lxw_workbook             *workbook,
                             const char               *name,
                             BcReport                 *report,
                             const BcTableDef         *table,
                             GPtrArray                *unit_names,
                             GHashTable               *parts,
                             const BcXlsxUnitFormats  *formats);

G_END_DECLS

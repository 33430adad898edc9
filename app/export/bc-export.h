/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-types.h"

G_BEGIN_DECLS

#define BC_EXPORT_ERROR (bc_export_error_quark ())

typedef enum
{
  BC_EXPORT_ERROR_FAILED,
  BC_EXPORT_ERROR_NOT_WRITABLE,   /* the folder is missing or read-only */
  BC_EXPORT_ERROR_NO_SPACE,       /* the disk is full */
  BC_EXPORT_ERROR_INVALID_TEXT,   /* a text is not valid UTF-8 */
  BC_EXPORT_ERROR_NO_TABLES,      /* a spreadsheet of a report without appendices */
  BC_EXPORT_ERROR_WRONG_NAME,     /* the file's name says another format */
  BC_EXPORT_ERROR_BAD_EPOCH,      /* $SOURCE_DATE_EPOCH is not a time */
} BcExportError;

/**
 * BcExportOptions:
 * @created: (nullable): the document time written into the file's
 *   properties; %NULL: $SOURCE_DATE_EPOCH when set, else now
 * @comments: (nullable) (element-type BcComment): comment threads to write
 *   into the DOCX as Word comments, as bc_store_list_comments() lists
 *   them; %NULL: none. The XLSX export ignores them. Owned by options made
 *   with bc_export_options_copy() or set with bc_export_options_set_comments()
 * @include_resolved: write resolved threads too, marked done; by default
 *   they are left out
 *
 * Options shared by the exports. A %NULL options pointer means defaults.
 */
typedef struct
{
  GDateTime *created;
  GPtrArray *comments;
  gboolean   include_resolved;
  GPtrArray *trends;             /* BcTrend, read-only: the XLSX's "Xu hướng" sheet; NULL: none */
  GPtrArray *plan_tasks;         /* BcPlanTask, read-only: bc_xlsx_export_plan_status()'s */
  GPtrArray  *unit_names;        /* a consolidated report: its units, for the XLSX's sheets by
                                  * unit; NULL: not one */
  GHashTable *parts;             /* with unit_names: key -> GPtrArray of BcRollupPart */
} BcExportOptions;

GQuark            bc_export_error_quark            (void);
BcExportOptions  *bc_export_options_copy           (const BcExportOptions  *options);
void              bc_export_options_free           (BcExportOptions        *options);
void              bc_export_options_set_comments   (BcExportOptions        *options,
                                                    GPtrArray              *comments);
gboolean          bc_export_options_load_comments  (BcExportOptions        *options,
                                                    BcStore                *store,
                                                    gint64                  report_id,
                                                    GError                **error);
gboolean          bc_export_options_load_parts     (BcExportOptions        *options,
                                                    BcStore                *store,
                                                    gint64                  report_id,
                                                    GError                **error);
gboolean          bc_export_check_name             (const char             *path,
                                                    const char             *extension,
                                                    GError                **error);
gboolean          bc_export_check_epoch            (GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcExportOptions, bc_export_options_free)

G_END_DECLS

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
} BcExportError;

/**
 * BcExportOptions:
 * @created: (nullable): the document time written into the file's
 *   properties; %NULL: $SOURCE_DATE_EPOCH when set, else now
 *
 * Options shared by the exports. A %NULL options pointer means defaults.
 */
typedef struct
{
  GDateTime *created;
} BcExportOptions;

GQuark            bc_export_error_quark   (void);
BcExportOptions  *bc_export_options_copy  (const BcExportOptions *options);
void              bc_export_options_free  (BcExportOptions       *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcExportOptions, bc_export_options_free)

G_END_DECLS

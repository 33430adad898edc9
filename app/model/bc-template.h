/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-types.h"

G_BEGIN_DECLS

#define BC_TEMPLATE_ERROR (bc_template_error_quark ())

typedef enum
{
  BC_TEMPLATE_ERROR_READ,
  BC_TEMPLATE_ERROR_SYNTAX,
  BC_TEMPLATE_ERROR_INVALID,
} BcTemplateError;

#define BC_TYPE_TEMPLATE (bc_template_get_type ())
G_DECLARE_FINAL_TYPE (BcTemplate, bc_template, BC, TEMPLATE, GObject)

GQuark             bc_template_error_quark        (void);
BcTemplate        *bc_template_new_from_file      (const char   *path,
                                                   const char   *catalog_dir,
                                                   GError      **error);
BcTemplate        *bc_template_new_from_data      (const char   *data,
                                                   gssize        length,
                                                   const char   *origin,
                                                   const char   *catalog_dir,
                                                   GError      **error);
GPtrArray         *bc_template_load_dir           (const char   *template_dir,
                                                   const char   *catalog_dir,
                                                   GError      **error);
const char        *bc_template_get_id             (BcTemplate   *self);
const char        *bc_template_get_name           (BcTemplate   *self);
const char        *bc_template_get_kind           (BcTemplate   *self);
const char        *bc_template_get_unit_kind      (BcTemplate   *self);
BcRegime           bc_template_get_regime         (BcTemplate   *self);
guint              bc_template_get_cutoff_day     (BcTemplate   *self);
guint              bc_template_get_due_working_days (BcTemplate *self);
gboolean           bc_template_get_title_period   (BcTemplate   *self);
GHashTable        *bc_template_get_header         (BcTemplate   *self);
GPtrArray         *bc_template_get_sections       (BcTemplate   *self);
GPtrArray         *bc_template_get_tables         (BcTemplate   *self);
GPtrArray         *bc_template_get_rules          (BcTemplate   *self);
const BcSection   *bc_template_find_section       (BcTemplate   *self,
                                                   const char   *id);
const BcFigure    *bc_template_find_figure        (BcTemplate   *self,
                                                   const char   *id,
                                                   const BcSection **section);
const BcTableDef  *bc_template_find_table         (BcTemplate   *self,
                                                   const char   *id);
const char        *bc_template_to_json            (BcTemplate   *self);
char              *bc_template_expand             (const char   *text,
                                                   BcOffice     *office,
                                                   const char   *period_from,
                                                   const char   *period_to);
gboolean           bc_template_header_applies     (BcTemplate   *self,
                                                   const char   *key,
                                                   BcOffice     *office);

const BcColumn    *bc_table_def_find_column       (const BcTableDef *table,
                                                   const char       *id);
const BcRow       *bc_table_def_find_row          (const BcTableDef *table,
                                                   const char       *key);
const char        *bc_section_kind_to_string      (BcSectionKind     kind);

/* Where the shipped templates and catalogs are: $BAOCAO_DATADIR, else the
 * source tree when run uninstalled, else the installed data dir. */
char              *bc_template_default_dir        (const char   *what);

G_END_DECLS

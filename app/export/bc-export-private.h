/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <locale.h>

#include "bc-export.h"
#include "bc-report.h"

G_BEGIN_DECLS

/* What the DOCX and XLSX writers share: the target file, the locale guard,
 * the Vietnamese wording of dates and numbers, and the layout of an
 * appendix table. */

/* Writes the document into @tmp_path, an empty file in the folder of
 * @path; errors name @path. */
typedef gboolean (*BcExportWriteFunc) (BcReport               *report,
                                       const char             *tmp_path,
                                       const char             *path,
                                       const BcExportOptions  *options,
                                       GError                **error);

gboolean    bc_export_run               (BcReport               *report,
                                         const char             *path,
                                         const BcExportOptions  *options,
                                         BcExportWriteFunc       write,
                                         GError                **error);
void        bc_export_run_async         (BcReport               *report,
                                         const char             *path,
                                         const BcExportOptions  *options,
                                         BcExportWriteFunc       write,
                                         gpointer                source_tag,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
gboolean    bc_export_run_finish        (BcReport               *report,
                                         GAsyncResult           *result,
                                         gpointer                source_tag,
                                         GError                **error);
gboolean    bc_export_write_file        (const char             *tmp_path,
                                         GBytes                 *bytes,
                                         const char             *path,
                                         GError                **error);
gboolean    bc_export_set_io_error      (GError                **error,
                                         int                     saved_errno,
                                         const char             *path);
gboolean    bc_export_check_text        (BcReport               *report,
                                         GError                **error);
GDateTime  *bc_export_dup_created       (const BcExportOptions  *options);

/* Wording */
char       *bc_export_date_long         (const char   *iso,
                                         guint         year);
char       *bc_export_date_short        (const char   *iso);
char       *bc_export_percent           (gint64        numerator,
                                         gint64        denominator);
char       *bc_export_format_ratio      (double        ratio);
char       *bc_export_number_symbol     (BcReport     *report);
char       *bc_export_place_date        (BcReport     *report);
char       *bc_export_attachment_line   (BcReport     *report);
char       *bc_export_date_styled       (const char   *iso,
                                         const char   *style);
char       *bc_export_period_line       (BcReport         *report,
                                         const BcTableDef *def);
char       *bc_export_sentence_case     (const char   *text);
const char *bc_export_get_header        (BcReport     *report,
                                         const char   *field);
char      **bc_export_get_lines         (BcReport     *report,
                                         const char   *field);
gboolean    bc_export_get_count         (BcReport     *report,
                                         const char   *key,
                                         gint64       *value);

/* The printed form of an appendix table */
typedef struct
{
  const BcTableDef  *def;
  GPtrArray         *rows;         /* const BcRow *: what is printed, in order */
  gboolean           has_groups;   /* two header rows */
  gboolean           has_notes;    /* a "Ghi chú" column after the template's */
  gboolean           has_totals;
  gint64            *totals;       /* per column: the sum of an integer column,
                                    * -1 when over BC_COUNT_MAX */
  gboolean          *reported;     /* per column: some row has a count in it */
} BcExportTable;

BcExportTable *bc_export_table_new        (BcReport            *report,
                                           const BcTableDef    *def);
void           bc_export_table_free       (BcExportTable       *table);
guint          bc_export_table_n_columns  (const BcExportTable *table);
guint          bc_export_table_group_span (const BcExportTable *table,
                                           guint                column);
char          *bc_export_table_cell_text  (BcExportTable       *table,
                                           BcReport            *report,
                                           const BcRow         *row,
                                           const BcColumn      *column);
char          *bc_export_table_total_text (BcExportTable       *table,
                                           guint                column);
const char    *bc_export_table_name_label (const BcTableDef    *def);
gboolean       bc_export_table_ratio      (BcExportTable       *table,
                                           BcReport            *report,
                                           const BcRow         *row,
                                           const BcColumn      *column,
                                           double              *ratio);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcExportTable, bc_export_table_free)

/* Numbers in the files must not follow the desktop's LC_NUMERIC. */
typedef struct
{
  locale_t c_numeric;
  locale_t previous;
} BcExportLocale;

void        bc_export_locale_enter      (BcExportLocale *guard);
void        bc_export_locale_leave      (BcExportLocale *guard);

#define BC_EXPORT_NOTE_LABEL "Ghi chú"
#define BC_EXPORT_STT_LABEL  "STT"

G_END_DECLS

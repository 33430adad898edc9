/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-xlsx"

/* A plan's tasks and where they stand, as a spreadsheet to hand out at
 * the monthly review: "Theo dõi" (a task a row, overdue first) and
 * "Lịch sử" (every report's word on every task). */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "bc-export-private.h"
#include "bc-inline.h"
#include "bc-period.h"
#include "bc-store-followup.h"
#include "bc-xlsx.h"
#include "bc-xlsx-private.h"

typedef struct
{
  lxw_format *bold;
  lxw_format *head;
  lxw_format *wrap;
  lxw_format *late;
} Formats;

static const char * const follow_headings[] = {
  "STT", "Mục", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn",
  "Tình trạng", "Ngày", "Quá hạn", "Ghi chú",
};
static const double follow_widths[] = { 5, 9, 60, 24, 30, 22, 16, 11, 9, 40 };

static const char * const history_headings[] = {
  "Mục", "Nhiệm vụ", "Kỳ báo cáo", "Đơn vị báo cáo", "Tình trạng", "Ngày", "Ghi chú", "Người cập nhật",
};
static const double history_widths[] = { 9, 50, 24, 28, 16, 11, 40, 20 };

static void
write_headings (lxw_worksheet      *sheet,
                guint               row,
                const char * const *headings,
                const double       *widths,
                guint               n,
                lxw_format         *format)
{
  for (guint c = 0; c < n; c++)
    {
      worksheet_write_string (sheet, row, c, headings[c], format);
      worksheet_set_column (sheet, c, c, widths[c], NULL);
    }
}

static void
write_date (lxw_worksheet *sheet,
            guint          row,
            guint          column,
            const char    *iso,
            lxw_format    *format)
{
  g_autofree char *text = bc_date_to_display (iso);

  if (*text != '\0')
    worksheet_write_string (sheet, row, column, text, format);
}

static void
write_follow (lxw_worksheet *sheet,
              BcReport      *plan,
              GPtrArray     *tasks,
              const Formats *f)
{
  const guint first = 3;

  worksheet_write_string (sheet, 0, 0, "THEO DÕI THỰC HIỆN KẾ HOẠCH", f->bold);
  worksheet_write_string (sheet, 1, 0, bc_report_get (plan, "header/summary"), NULL);
  write_headings (sheet, 2, follow_headings, follow_widths, G_N_ELEMENTS (follow_headings), f->head);
  for (guint i = 0; i < tasks->len; i++)
    {
      const BcPlanTask *task = tasks->pdata[i];
      lxw_format *format = task->overdue ? f->late : f->wrap;
      g_autofree char *content = bc_inline_strip (task->content);

      worksheet_write_number (sheet, first + i, 0, i + 1, format);
      worksheet_write_string (sheet, first + i, 1, task->number, format);
      worksheet_write_string (sheet, first + i, 2, content, format);
      worksheet_write_string (sheet, first + i, 3, task->lead, format);
      worksheet_write_string (sheet, first + i, 4, task->cooperating, format);
      worksheet_write_string (sheet, first + i, 5, task->deadline_text, format);
      worksheet_write_string (sheet, first + i, 6, bc_task_status_printed (task->status), format);
      write_date (sheet, first + i, 7, task->date, format);
      worksheet_write_string (sheet, first + i, 8, task->overdue ? "Quá hạn" : "", format);
      worksheet_write_string (sheet, first + i, 9, task->note, format);
    }
  worksheet_freeze_panes (sheet, first, 0);
  worksheet_autofilter (sheet, 2, 0, first + MAX (tasks->len, 1) - 1, G_N_ELEMENTS (follow_headings) - 1);
}

static void
write_history (lxw_worksheet *sheet,
               GPtrArray     *tasks,
               const Formats *f)
{
  guint row = 1;

  write_headings (sheet, 0, history_headings, history_widths, G_N_ELEMENTS (history_headings), f->head);
  for (guint i = 0; i < tasks->len; i++)
    {
      const BcPlanTask *task = tasks->pdata[i];
      g_autofree char *content = bc_inline_strip (task->content);

      for (guint h = 0; h < task->history->len; h++, row++)
        {
          const BcPlanEntry *entry = task->history->pdata[h];
          g_autofree char *from = bc_date_to_display (entry->period_from);
          g_autofree char *to = bc_date_to_display (entry->period_to);
          g_autofree char *period = g_strdup_printf ("%s – %s", from, to);
          g_autofree char *by = bc_plan_entry_origin_printed (entry);

          worksheet_write_string (sheet, row, 0, task->number, f->wrap);
          worksheet_write_string (sheet, row, 1, content, f->wrap);
          worksheet_write_string (sheet, row, 2, period, f->wrap);
          worksheet_write_string (sheet, row, 3, entry->unit, f->wrap);
          worksheet_write_string (sheet, row, 4, bc_task_status_printed (entry->status), f->wrap);
          write_date (sheet, row, 5, entry->date, f->wrap);
          worksheet_write_string (sheet, row, 6, entry->note, f->wrap);
          worksheet_write_string (sheet, row, 7, by, f->wrap);
        }
    }
  worksheet_freeze_panes (sheet, 1, 0);
}

static void
make_formats (lxw_workbook *workbook,
              Formats      *f)
{
  f->bold = workbook_add_format (workbook);
  format_set_bold (f->bold);
  f->head = workbook_add_format (workbook);
  format_set_bold (f->head);
  format_set_text_wrap (f->head);
  format_set_border (f->head, LXW_BORDER_THIN);
  format_set_align (f->head, LXW_ALIGN_CENTER);
  f->wrap = workbook_add_format (workbook);
  format_set_text_wrap (f->wrap);
  format_set_border (f->wrap, LXW_BORDER_THIN);
  format_set_align (f->wrap, LXW_ALIGN_VERTICAL_TOP);
  f->late = workbook_add_format (workbook);
  format_set_text_wrap (f->late);
  format_set_border (f->late, LXW_BORDER_THIN);
  format_set_align (f->late, LXW_ALIGN_VERTICAL_TOP);
  format_set_font_color (f->late, LXW_COLOR_RED);
}

static gboolean
write_plan_xlsx (BcReport               *plan,
                 const char             *tmp_path,
                 const char             *path,
                 const BcExportOptions  *options,
                 GError                **error)
{
  g_autofree char *dir = g_path_get_dirname (tmp_path);
  g_autoptr(GDateTime) created = bc_export_dup_created (options);
  lxw_workbook_options workbook_options = { .tmpdir = dir };
  lxw_doc_properties properties = { .title = "Theo dõi thực hiện kế hoạch" };
  lxw_workbook *workbook;
  BcXlsxQuiet quiet;
  Formats formats;
  gboolean ok;

  bc_xlsx_quiet_begin (&quiet);
  if ((workbook = workbook_new_opt (tmp_path, &workbook_options)) == NULL)
    {
      int saved_errno = errno ? errno : EIO;

      bc_xlsx_quiet_end (&quiet);
      return bc_export_set_io_error (error, saved_errno, path);
    }
  properties.created = (time_t) g_date_time_to_unix (created);
  workbook_set_properties (workbook, &properties);
  make_formats (workbook, &formats);
  write_follow (workbook_add_worksheet (workbook, "Theo dõi"), plan, options->plan_tasks, &formats);
  write_history (workbook_add_worksheet (workbook, "Lịch sử"), options->plan_tasks, &formats);
  /* The main exporter's close: the package read back. */
  ok = bc_xlsx_close (workbook, LXW_NO_ERROR, tmp_path, path, error);
  bc_xlsx_quiet_end (&quiet);
  return ok;
}

/**
 * bc_xlsx_export_plan_status:
 * @plan: the plan
 * @tasks: (element-type BcPlanTask): bc_store_plan_status()'s tasks
 * @path: the XLSX file to write; replaced only when the export succeeds
 * @options: (nullable): export options (the document time)
 *
 * Returns: %FALSE with @error set (%BC_EXPORT_ERROR or %G_IO_ERROR)
 */
gboolean
bc_xlsx_export_plan_status (BcReport               *plan,
                            GPtrArray              *tasks,
                            const char             *path,
                            const BcExportOptions  *options,
                            GError                **error)
{
  g_autoptr(BcExportOptions) own = bc_export_options_copy (options);

  g_return_val_if_fail (BC_IS_REPORT (plan), FALSE);
  g_return_val_if_fail (tasks != NULL, FALSE);

  g_clear_pointer (&own->plan_tasks, g_ptr_array_unref);
  own->plan_tasks = g_ptr_array_ref (tasks);
  return bc_export_run (plan, path, own, write_plan_xlsx, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bc-export-private.h"
#include "bc-file-utils.h"
#include "bc-keys.h"
#include "bc-store-consolidate.h"
#include "bc-number.h"
#include "bc-period.h"
#include "bc-report-private.h"
#include "bc-store-review.h"
#include "bc-template.h"
#include "bc-text-utils.h"

/* The export pipeline shared by DOCX and XLSX: a temporary file beside
 * the target (bc-file-utils.c), written under the C numeric locale,
 * flushed to disk and renamed over the target, so that a failed export
 * never destroys the previous file. */

typedef struct
{
  BcReport          *snapshot;
  char              *path;
  BcExportOptions   *options;
  BcExportWriteFunc  write;
} ExportJob;

/* 9999-12-31T23:59:59Z, the last second a GDateTime holds */
#define BC_EXPORT_MAX_EPOCH G_GUINT64_CONSTANT (253402300799)

G_DEFINE_QUARK (bc-export-error-quark, bc_export_error)

static BcComment *
comment_copy (const BcComment *comment)
{
  BcComment *copy = g_new0 (BcComment, 1);

  copy->id = comment->id;
  copy->parent_id = comment->parent_id;
  copy->uuid = g_strdup (comment->uuid);
  copy->target = g_strdup (comment->target);
  copy->author = g_strdup (comment->author);
  copy->role = g_strdup (comment->role);
  copy->text = g_strdup (comment->text);
  copy->created = g_strdup (comment->created);
  copy->resolved_at = g_strdup (comment->resolved_at);
  copy->resolved_by = g_strdup (comment->resolved_by);
  return copy;
}

/* A deep copy: the worker thread of an async export must not share them. */
static GPtrArray *
comments_copy (GPtrArray *comments)
{
  GPtrArray *copy = g_ptr_array_new_full (comments->len, (GDestroyNotify) bc_comment_free);

  for (guint i = 0; i < comments->len; i++)
    g_ptr_array_add (copy, comment_copy (comments->pdata[i]));
  return copy;
}

/**
 * bc_export_options_copy:
 * @options: (nullable): options, or %NULL for the defaults
 *
 * Returns: (transfer full): a copy of @options, its comments copied too
 */
BcExportOptions *
bc_export_options_copy (const BcExportOptions *options)
{
  BcExportOptions *copy = g_new0 (BcExportOptions, 1);

  if (options == NULL)
    return copy;
  if (options->created != NULL)
    copy->created = g_date_time_ref (options->created);
  if (options->comments != NULL)
    copy->comments = comments_copy (options->comments);
  copy->include_resolved = options->include_resolved;
  if (options->trends != NULL)
    copy->trends = g_ptr_array_ref (options->trends);
  if (options->plan_tasks != NULL)
    copy->plan_tasks = g_ptr_array_ref (options->plan_tasks);
  if (options->unit_names != NULL)
    copy->unit_names = g_ptr_array_ref (options->unit_names);
  if (options->parts != NULL)
    copy->parts = g_hash_table_ref (options->parts);
  return copy;
}

/**
 * bc_export_options_free:
 * @options: (nullable): options made by bc_export_options_copy() or
 *   g_new0(), their time and comments owned
 */
void
bc_export_options_free (BcExportOptions *options)
{
  if (options == NULL)
    return;
  g_clear_pointer (&options->created, g_date_time_unref);
  g_clear_pointer (&options->comments, g_ptr_array_unref);
  g_clear_pointer (&options->trends, g_ptr_array_unref);
  g_clear_pointer (&options->plan_tasks, g_ptr_array_unref);
  g_clear_pointer (&options->unit_names, g_ptr_array_unref);
  g_clear_pointer (&options->parts, g_hash_table_unref);
  g_free (options);
}

/**
 * bc_export_options_set_comments:
 * @options: options freed with bc_export_options_free()
 * @comments: (nullable) (element-type BcComment) (transfer none): the
 *   comments to write into the DOCX; %NULL: none
 *
 * Copies @comments into @options, replacing those it had.
 */
void
bc_export_options_set_comments (BcExportOptions *options,
                                GPtrArray       *comments)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->comments, g_ptr_array_unref);
  if (comments != NULL)
    options->comments = comments_copy (comments);
}

/**
 * bc_export_options_load_comments:
 * @options: options freed with bc_export_options_free()
 * @store: the library the report lives in
 * @report_id: the report
 * @error: return location for a #BC_STORE_ERROR
 *
 * Reads the report's comment threads from @store into @options, so that
 * the DOCX export writes them as Word comments.
 *
 * Returns: %TRUE when the comments were read
 */
gboolean
bc_export_options_load_comments (BcExportOptions  *options,
                                 BcStore          *store,
                                 gint64            report_id,
                                 GError          **error)
{
  GPtrArray *comments;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (BC_IS_STORE (store), FALSE);

  if ((comments = bc_store_list_comments (store, report_id, NULL, error)) == NULL)
    return FALSE;
  g_clear_pointer (&options->comments, g_ptr_array_unref);
  options->comments = comments;
  return TRUE;
}

/**
 * bc_export_check_name:
 * @path: the file to write
 * @extension: its format's extension, "docx" or "xlsx"
 *
 * A Word document named "report.pdf" opens as nothing at the other end:
 * the name must end in the format's extension (in any case).
 *
 * Returns: %TRUE when it does; else %FALSE with %BC_EXPORT_ERROR_WRONG_NAME
 */
gboolean
bc_export_check_name (const char  *path,
                      const char  *extension,
                      GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *suffix = g_strconcat (".", extension, NULL);

  if (g_str_has_suffix (folded, suffix) && strlen (folded) > strlen (suffix))
    return TRUE;
  g_set_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_WRONG_NAME,
               _("“%s” does not end in .%s: the file would not be what its name says"), name, extension);
  return FALSE;
}

/* Translates errno once, at the boundary, into a message for the clerk. */
gboolean
bc_export_set_io_error (GError     **error,
                        int          saved_errno,
                        const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_NO_SPACE,
                   _("“%s” could not be written: the disk is full. The previous file, if any, is unchanged."),
                   name);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_NOT_WRITABLE,
                   _("“%s” could not be written: you may not write to this folder. Choose another folder."),
                   name);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_NOT_WRITABLE,
                   _("“%s” could not be written: the folder does not exist."), name);
      break;
    default:
      g_set_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_FAILED,
                   _("“%s” could not be written: %s"), name, g_strerror (saved_errno));
      break;
    }
  return FALSE;
}

/**
 * bc_export_write_file:
 * @tmp_path: an existing file, truncated
 * @bytes: what to write
 * @path: the target, named in errors
 *
 * Returns: %TRUE when every byte was written
 */
gboolean
bc_export_write_file (const char  *tmp_path,
                      GBytes      *bytes,
                      const char  *path,
                      GError     **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  int saved_errno = 0;

  if (!bc_file_write_all (tmp_path, data, length, &saved_errno))
    return bc_export_set_io_error (error, saved_errno, path);
  return TRUE;
}

/**
 * bc_export_check_text:
 *
 * Refuses a report holding text that is not UTF-8 before anything is
 * written: a spreadsheet with a broken string does not open.
 *
 * Returns: %TRUE when every value is valid UTF-8
 */
gboolean
bc_export_check_text (BcReport  *report,
                      GError   **error)
{
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    if (!g_utf8_validate (value, -1, NULL))
      {
        g_set_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_INVALID_TEXT,
                     _("The value of “%s” is not valid UTF-8 text; nothing was exported."), key);
        return FALSE;
      }
  return TRUE;
}

/* $SOURCE_DATE_EPOCH: 64-bit seconds, well past 2038, up to the last
 * second a GDateTime holds. Unset or empty: none. */
static gboolean
get_epoch (guint64 *seconds)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  return epoch != NULL && *epoch != '\0'
         && g_ascii_string_to_unsigned (epoch, 10, 0, BC_EXPORT_MAX_EPOCH, seconds, NULL);
}

/**
 * bc_export_check_epoch:
 *
 * Refuses a $SOURCE_DATE_EPOCH that is set but is not a document time:
 * a script that fixes the time must not get files stamped with now.
 *
 * Returns: %TRUE when it is unset, empty or a time; else %FALSE with
 *   %BC_EXPORT_ERROR_BAD_EPOCH
 */
gboolean
bc_export_check_epoch (GError **error)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  if (epoch == NULL || *epoch == '\0' || get_epoch (&seconds))
    return TRUE;
  g_set_error (error, BC_EXPORT_ERROR, BC_EXPORT_ERROR_BAD_EPOCH,
               _("SOURCE_DATE_EPOCH is “%s”: it must be a whole number of seconds since 1970-01-01 UTC, "
                 "at most 253402300799 (the end of year 9999)."), epoch);
  return FALSE;
}

/**
 * bc_export_dup_created:
 *
 * Returns: (transfer full): the document time: the option, else
 * $SOURCE_DATE_EPOCH (reproducible builds: seconds since 1970 in UTC, up
 * to 9999-12-31; one that is not is ignored here, refused by
 * bc_export_check_epoch()), else now
 */
GDateTime *
bc_export_dup_created (const BcExportOptions *options)
{
  guint64 seconds;

  if (options != NULL && options->created != NULL)
    return g_date_time_to_utc (options->created);
  if (get_epoch (&seconds))
    return g_date_time_new_from_unix_utc ((gint64) seconds);
  return g_date_time_new_now_utc ();
}

/* newlocale() with a zero base would reset LC_CTYPE too; keep every other
 * category of the thread's current locale. */
void
bc_export_locale_enter (BcExportLocale *guard)
{
  locale_t base = duplocale (uselocale ((locale_t) 0));

  guard->c_numeric = base ? newlocale (LC_NUMERIC_MASK, "C", base) : (locale_t) 0;
  if (guard->c_numeric == (locale_t) 0)
    {
      if (base)
        freelocale (base);
      g_warning ("Cannot make a C numeric locale: %s", g_strerror (errno));
      guard->previous = (locale_t) 0;
      return;
    }
  guard->previous = uselocale (guard->c_numeric);
}

void
bc_export_locale_leave (BcExportLocale *guard)
{
  if (guard->c_numeric == (locale_t) 0)
    return;
  uselocale (guard->previous);
  freelocale (guard->c_numeric);
  guard->c_numeric = (locale_t) 0;
}

static gboolean
run_job (BcReport               *report,
         const char             *path,
         const BcExportOptions  *options,
         BcExportWriteFunc       write,
         GCancellable           *cancellable,
         GError                **error)
{
  g_autoptr(BcFileReplace) file = NULL;
  BcExportLocale guard;
  int saved_errno = 0;
  gboolean ok;

  if (!bc_export_check_text (report, error))
    return FALSE;
  if ((file = bc_file_replace_new (path, &saved_errno)) == NULL)
    return bc_export_set_io_error (error, saved_errno, path);
  bc_export_locale_enter (&guard);
  ok = write (report, bc_file_replace_get_temp (file), path, options, error);
  bc_export_locale_leave (&guard);
  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!bc_file_replace_commit (file, &saved_errno))
    return bc_export_set_io_error (error, saved_errno, path);
  return TRUE;
}

/**
 * bc_export_run:
 * @path: the target file; replaced only when the export succeeded
 * @write: the format's writer
 *
 * Returns: %TRUE on success
 */
gboolean
bc_export_run (BcReport               *report,
               const char             *path,
               const BcExportOptions  *options,
               BcExportWriteFunc       write,
               GError                **error)
{
  return run_job (report, path, options, write, NULL, error);
}

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->snapshot);
  g_free (job->path);
  bc_export_options_free (job->options);
  g_free (job);
}

/* The worker thread reads a copy: the editor may change the report while
 * the file is being written. */
static BcReport *
snapshot (BcReport *report)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  const char *key, *value;

  g_hash_table_iter_init (&iter, bc_report_get_values (report));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &value))
    g_hash_table_insert (values, g_strdup (key), g_strdup (value));
  return bc_report_new (bc_report_get_id (report), bc_report_get_uuid (report),
                        bc_report_get_template (report), values,
                        bc_report_get_created (report), bc_report_get_modified (report),
                        bc_report_get_previous_id (report));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (run_job (job->snapshot, job->path, job->options, job->write, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
bc_export_run_async (BcReport              *report,
                     const char            *path,
                     const BcExportOptions *options,
                     BcExportWriteFunc      write,
                     gpointer               source_tag,
                     GCancellable          *cancellable,
                     GAsyncReadyCallback    callback,
                     gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (report, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->snapshot = snapshot (report);
  job->path = g_strdup (path);
  job->options = bc_export_options_copy (options);
  job->write = write;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

gboolean
bc_export_run_finish (BcReport      *report,
                      GAsyncResult  *result,
                      gpointer       source_tag,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, report), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Wording */

/**
 * bc_export_date_long:
 * @iso: "2024-02-04"
 * @year: the year printed when @iso is no date, 0 for none
 *
 * Returns: (transfer full): "ngày 04 tháng 02 năm 2024": a zero before
 * days under 10 and months 1 and 2 (Decree 30); blanks to fill in by hand
 * when the document is dated at signing
 */
char *
bc_export_date_long (const char *iso,
                     guint       year)
{
  GDate date;
  guint day, month;

  if (iso == NULL || !bc_date_parse (iso, &date))
    return year ? g_strdup_printf ("ngày     tháng     năm %u", year)
                : g_strdup ("ngày     tháng     năm       ");
  day = g_date_get_day (&date);
  month = g_date_get_month (&date);
  return g_strdup_printf (month <= 2 ? "ngày %02u tháng %02u năm %u" : "ngày %02u tháng %u năm %u",
                          day, month, (guint) g_date_get_year (&date));
}

/**
 * bc_export_date_short:
 * @iso: "2024-04-22"
 *
 * Returns: (transfer full): "22/4/2024" as the reports cite documents, or
 * "" when @iso is no date
 */
char *
bc_export_date_short (const char *iso)
{
  GDate date;

  if (iso == NULL || !bc_date_parse (iso, &date))
    return g_strdup ("");
  return g_strdup_printf ("%u/%u/%u", g_date_get_day (&date), g_date_get_month (&date),
                          (guint) g_date_get_year (&date));
}

/**
 * bc_export_date_styled: (skip)
 * @iso: (nullable): a date, ISO
 * @style: (nullable): a template's `date_style`; NULL: "d/m/yyyy"
 *
 * Returns: (transfer full): the date as the template writes it:
 *   "6/5/2024", "06/5/2024" or "06/05/2024"; "" for no date
 */
char *
bc_export_date_styled (const char *iso,
                       const char *style)
{
  GDate date;

  if (style == NULL)
    style = "d/m/yyyy";
  if (iso == NULL || !bc_date_parse (iso, &date))
    return g_strdup ("");
  return g_strdup_printf (g_str_equal (style, "dd/mm/yyyy") ? "%02u/%02u/%u"
                          : g_str_equal (style, "dd/m/yyyy") ? "%02u/%u/%u" : "%u/%u/%u",
                          g_date_get_day (&date), g_date_get_month (&date), (guint) g_date_get_year (&date));
}

/**
 * bc_export_period_line: (skip)
 *
 * An appendix's own period line, as its template words it: "(Từ ngày
 * {from} đến {to})" with the report's period in the table's date style
 * ("(Từ ngày 15/5/2024 đến 14/6/2024)"); {month} and {year} as in the
 * header.
 *
 * Returns: (transfer full): the line, or %NULL when the table has none
 */
char *
bc_export_period_line (BcReport         *report,
                       const BcTableDef *def)
{
  const char *from = bc_report_get_period_from (report);
  const char *to = bc_report_get_period_to (report);
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autoptr(GString) line = NULL;

  if (def->period_line == NULL || *def->period_line == '\0')
    return NULL;
  from_text = bc_export_date_styled (from, def->date_style);
  to_text = bc_export_date_styled (to, def->date_style);
  line = g_string_new (def->period_line);
  g_string_replace (line, "{from}", from_text, 0);
  g_string_replace (line, "{to}", to_text, 0);
  return bc_template_expand (line->str, NULL, *from ? from : NULL, *to ? to : NULL);
}

/**
 * bc_export_percent:
 *
 * Returns: (transfer full) (nullable): "97,61%", "100%", or %NULL when
 * @denominator is not positive
 */
char *
bc_export_percent (gint64 numerator,
                   gint64 denominator)
{
  if (denominator <= 0)
    return NULL;
  return bc_export_format_ratio ((double) numerator / (double) denominator);
}

/* 0.9761 → "97,61%"; a whole percentage without its ",00": "100%" */
char *
bc_export_format_ratio (double ratio)
{
  char *text = bc_format_percent (ratio, 2);

  if (g_str_has_suffix (text, ",00%"))
    strcpy (text + strlen (text) - 4, "%");
  return text;
}

const char *
bc_export_get_header (BcReport   *report,
                      const char *field)
{
  g_autofree char *key = bc_key_header (field);
  return bc_report_get (report, key);
}

/**
 * bc_export_get_lines:
 *
 * Returns: (transfer full): the non-empty lines of a one-per-line header
 * field, stripped
 */
char **
bc_export_get_lines (BcReport   *report,
                     const char *field)
{
  g_auto(GStrv) lines = g_strsplit (bc_export_get_header (report, field), "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_strv_builder_add (builder, lines[i]);
  return g_strv_builder_end (builder);
}

gboolean
bc_export_get_count (BcReport   *report,
                     const char *key,
                     gint64     *value)
{
  const char *text = bc_report_get (report, key);
  guint64 parsed;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &parsed, NULL))
    return FALSE;
  *value = (gint64) parsed;
  return TRUE;
}

/* "Số: 05/BC-BCĐ": a zero before numbers under 10 (Decree 30); blanks
 * for a number given when the document is signed. */
char *
bc_export_number_symbol (BcReport *report)
{
  const char *number = bc_export_get_header (report, "number");
  const char *symbol = bc_export_get_header (report, "symbol");
  g_autofree char *shown = NULL;
  guint64 n;

  if (*number == '\0')
    shown = g_strdup ("      ");
  else if (g_ascii_string_to_unsigned (number, 10, 0, 9, &n, NULL))
    shown = g_strdup_printf ("%02u", (guint) n);
  else
    shown = g_strdup (number);
  if (*symbol == '\0')
    return g_steal_pointer (&shown);
  return g_strdup_printf ("%s/%s", shown, symbol);
}

/* An undated draft still shows its year, that of the period's end. */
static guint
period_year (BcReport *report)
{
  GDate date;

  if (!bc_date_parse (bc_report_get_period_to (report), &date))
    return 0;
  return g_date_get_year (&date);
}

/* "Bà Rịa - Vũng Tàu, ngày 24 tháng 5 năm 2024" */
char *
bc_export_place_date (BcReport *report)
{
  const char *place = bc_export_get_header (report, "place");
  g_autofree char *date = bc_export_date_long (bc_export_get_header (report, "date"), period_year (report));

  if (*place == '\0')
    return bc_export_sentence_case (date);
  return g_strdup_printf ("%s, %s", place, date);
}

/* "BÁO CÁO" → "Báo cáo" */
char *
bc_export_sentence_case (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  gunichar first = g_utf8_get_char (lower);
  char head[8] = { 0 };

  if (*lower == '\0')
    return g_steal_pointer (&lower);
  g_unichar_to_utf8 (g_unichar_totitle (first), head);
  return g_strconcat (head, g_utf8_next_char (lower), NULL);
}

/* "(Kèm theo Báo cáo số 199/BC-BCĐ ngày 24 tháng 5 năm 2024 của ...)" */
char *
bc_export_attachment_line (BcReport *report)
{
  const char *doc_type = bc_export_get_header (report, "doc_type");
  const char *issuer = bc_export_get_header (report, "issuing_body");
  g_autofree char *type = bc_export_sentence_case (*doc_type ? doc_type : "Văn bản");
  g_autofree char *number = bc_export_number_symbol (report);
  g_autofree char *date = bc_export_date_long (bc_export_get_header (report, "date"), period_year (report));
  g_autoptr(GString) line = g_string_new ("(Kèm theo ");

  g_string_append_printf (line, "%s số %s %s", type, number, date);
  if (*issuer != '\0')
    {
      g_autofree char *flat = g_strdelimit (g_strdup (issuer), "\n", ' ');
      g_string_append_printf (line, " của %s", flat);
    }
  g_string_append_c (line, ')');
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/**
 * bc_export_options_load_parts:
 * @options: options freed with bc_export_options_free()
 *
 * For a report consolidated from its units' reports, its units and each
 * unit's part of every value, for the XLSX's sheets by unit; nothing for
 * any other report.
 *
 * Returns: %FALSE with @error set when the library cannot be read
 */
gboolean
bc_export_options_load_parts (BcExportOptions  *options,
                              BcStore          *store,
                              gint64            report_id,
                              GError          **error)
{
  g_auto(GStrv) units = NULL;

  g_return_val_if_fail (options != NULL, FALSE);

  if (!bc_store_is_consolidated (store, report_id, &units, NULL))
    return TRUE;
  g_clear_pointer (&options->parts, g_hash_table_unref);
  if ((options->parts = bc_store_get_all_parts (store, report_id, error)) == NULL)
    return FALSE;
  g_clear_pointer (&options->unit_names, g_ptr_array_unref);
  options->unit_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; units[i]; i++)
    g_ptr_array_add (options->unit_names, g_strdup (units[i]));
  /* A report consolidated before the units were kept in Vietnamese order. */
  g_ptr_array_sort (options->unit_names, bc_text_compare_names);
  return TRUE;
}

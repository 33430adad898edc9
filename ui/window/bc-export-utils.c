/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-export-utils"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bc-docx.h"
#include "bc-export-utils.h"
#include "bc-period.h"
#include "bc-report.h"
#include "bc-xlsx.h"

/* Export from the window: a native file chooser, the export in a worker
 * thread, a spinner if it takes longer than a blink, and a toast that
 * opens the folder. */

typedef struct
{
  GtkWidget    *parent;      /* owned ref */
  BcReport     *report;      /* owned ref */
  BcExportKind  kind;
  char         *path;
  GtkWidget    *spinner;     /* borrowed, may be NULL */
  guint         spinner_id;
} Job;

static void
job_free (Job *job)
{
  g_clear_handle_id (&job->spinner_id, g_source_remove);
  if (job->spinner != NULL)
    {
      gtk_spinner_stop (GTK_SPINNER (job->spinner));
      gtk_widget_set_visible (job->spinner, FALSE);
    }
  g_object_unref (job->parent);
  g_object_unref (job->report);
  g_free (job->path);
  g_free (job);
}

static void
add_toast (GtkWidget *parent,
           AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
open_folder_cb (AdwToast   *toast,
                const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (folder);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = job->kind != BC_EXPORT_XLSX
                ? bc_docx_export_finish (job->report, result, &error)
                : bc_xlsx_export_finish (job->report, result, &error);
  g_autofree char *base = g_path_get_basename (job->path);
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!ok)
    {
      escaped = g_markup_escape_text (error->message, -1);
      toast = adw_toast_new (escaped);
      adw_toast_set_timeout (toast, 0);
    }
  else
    {
      escaped = g_markup_escape_text (base, -1);
      title = g_strdup_printf (_("Exported “%s”"), escaped);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("Open Folder"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder_cb), g_strdup (job->path),
                             (GClosureNotify) (void (*) (void)) g_free, 0);
    }
  add_toast (job->parent, toast);
  job_free (job);
}

static void
show_error (GtkWidget  *parent,
            const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  add_toast (parent, toast);
}

static gboolean
show_spinner_cb (gpointer data)
{
  Job *job = data;

  job->spinner_id = 0;
  if (job->spinner != NULL)
    {
      gtk_widget_set_visible (job->spinner, TRUE);
      gtk_spinner_start (GTK_SPINNER (job->spinner));
    }
  return G_SOURCE_REMOVE;
}

/* @spinner (nullable) spins when the export takes more than 150 ms. */
static void
export_run (GtkWidget     *parent,
            GtkWidget     *spinner,
            BcStore       *store,
            BcEditSession *session,
            BcExportKind   kind,
            const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcExportOptions) options = bc_export_options_copy (NULL);
  BcReport *report = bc_edit_session_get_report (session);
  Job *job;

  g_return_if_fail (kind != BC_EXPORT_DOCX_COMMENTS || BC_IS_STORE (store));

  if (!bc_export_check_name (path, kind == BC_EXPORT_XLSX ? "xlsx" : "docx", &error))
    {
      show_error (parent, error->message);
      return;
    }
  /* The export reads the report as the clerk sees it, saved. */
  if (!bc_edit_session_flush (session, &error))
    {
      g_warning ("%s", error->message);
      g_clear_error (&error);
    }
  if (kind == BC_EXPORT_DOCX_COMMENTS
      && !bc_export_options_load_comments (options, store, bc_report_get_id (report), &error))
    {
      show_error (parent, error->message);
      return;
    }
  /* A consolidated report: its units' parts, for the sheets and the
   * annex by unit and the units that did not report. */
  if (store != NULL && !bc_export_options_load_parts (options, store, bc_report_get_id (report), &error))
    {
      show_error (parent, error->message);
      return;
    }
  job = g_new0 (Job, 1);
  job->parent = g_object_ref (parent);
  job->report = g_object_ref (report);
  job->kind = kind;
  job->path = g_strdup (path);
  job->spinner = spinner;
  job->spinner_id = g_timeout_add (150, show_spinner_cb, job);
  if (kind == BC_EXPORT_XLSX)
    bc_xlsx_export_async (job->report, path, options, NULL, export_done_cb, job);
  else
    bc_docx_export_async (job->report, path, options, NULL, export_done_cb, job);
}

/**
 * bc_ui_export_run:
 * @parent: the widget the result is told in (a toast in its window)
 * @store: the library the report lives in: its comments, for
 *   %BC_EXPORT_DOCX_COMMENTS
 *
 * Saves pending edits, then exports the session's report to @path in a
 * worker thread.
 */
void
bc_ui_export_run (GtkWidget     *parent,
                  BcStore       *store,
                  BcEditSession *session,
                  BcExportKind   kind,
                  const char    *path)
{
  export_run (parent, NULL, store, session, kind, path);
}

/**
 * bc_ui_export_suggested_name:
 *
 * Returns: (transfer full): "Báo cáo 199 05-2024.docx", "Báo cáo 199
 *   05-2024 (góp ý).docx" with the comments, and the like
 */
char *
bc_ui_export_suggested_name (BcReport     *report,
                             BcExportKind  kind)
{
  GDate to;
  const char *number = bc_report_get (report, "header/number");
  g_autofree char *name = NULL;

  if (!bc_date_parse (bc_report_get_period_to (report), &to))
    g_date_clear (&to, 1);
  name = g_strdup_printf ("%s%s%s %02u-%u%s%s",
                          kind != BC_EXPORT_XLSX ? "Báo cáo" : "Phụ lục",
                          *number ? " " : "", number,
                          g_date_valid (&to) ? g_date_get_month (&to) : 0,
                          g_date_valid (&to) ? g_date_get_year (&to) : 0,
                          kind == BC_EXPORT_DOCX_COMMENTS ? " (góp ý)" : "",
                          kind != BC_EXPORT_XLSX ? ".docx" : ".xlsx");
  g_strdelimit (name, "/\\:", '-');
  return g_steal_pointer (&name);
}

typedef struct
{
  GtkWidget     *parent;
  GtkWidget     *spinner;    /* nullable */
  BcStore       *store;      /* nullable */
  BcEditSession *session;
  BcExportKind   kind;
} Choice;

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *base = path ? g_path_get_basename (path) : NULL;

      /* A name typed without an extension gets the format's. */
      if (base != NULL && strchr (base, '.') == NULL)
        {
          char *named = g_strconcat (path, choice->kind == BC_EXPORT_XLSX ? ".xlsx" : ".docx", NULL);
          g_free (path);
          path = named;
        }

      if (path != NULL)
        export_run (choice->parent, choice->spinner, choice->store, choice->session, choice->kind, path);
    }
  g_object_unref (choice->parent);
  g_clear_object (&choice->spinner);
  g_clear_object (&choice->store);
  g_object_unref (choice->session);
  g_free (choice);
  g_object_unref (chooser);
}

/**
 * bc_ui_export_choose:
 * @spinner: (nullable): spins when the export takes more than 150 ms
 *
 * Asks where to export with a native file chooser, then exports.
 */
void
bc_ui_export_choose (GtkWidget     *parent,
                     GtkWidget     *spinner,
                     BcStore       *store,
                     BcEditSession *session,
                     BcExportKind   kind)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  g_autofree char *name = bc_ui_export_suggested_name (bc_edit_session_get_report (session), kind);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  Choice *choice = g_new0 (Choice, 1);

  chooser = gtk_file_chooser_native_new (kind == BC_EXPORT_XLSX ? _("Export Appendices")
                                         : kind == BC_EXPORT_DOCX_COMMENTS ? _("Export Report with Comments")
                                         : _("Export Report"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (kind != BC_EXPORT_XLSX)
    {
      gtk_file_filter_set_name (filter, _("Word documents"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      gtk_file_filter_add_suffix (filter, "docx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Spreadsheets"));
      gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  choice->parent = g_object_ref (parent);
  choice->spinner = spinner ? g_object_ref (spinner) : NULL;
  choice->store = store ? g_object_ref (store) : NULL;
  choice->session = g_object_ref (session);
  choice->kind = kind;
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

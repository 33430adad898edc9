/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-diff.h"
#include "bc-keys.h"
#include "bc-report.h"
#include "bc-window-private.h"

/* The differences between the library's copy of a report and a file's
 * (a .baocao file opened while the library has that report), listed in
 * a window of their own; the library is not changed. */

/**
 * bc_window_show_diff:
 * @report: the report the keys belong to (for their labels)
 * @diffs: (element-type BcDiff): what differs
 *
 * Shows a list of differences in a window of its own.
 */
void
bc_window_show_diff (BcWindow   *self,
                     const char *title,
                     BcReport   *report,
                     GPtrArray  *diffs)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 560);
  gtk_box_append (GTK_BOX (box), header);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 18);
  gtk_widget_set_margin_bottom (list, 18);
  for (guint i = 0; i < diffs->len; i++)
    {
      BcDiff *diff = diffs->pdata[i];
      g_autofree char *label = bc_key_describe (report, diff->key);
      g_autofree char *old_text = bc_key_describe_value (report, diff->key, diff->old_value);
      g_autofree char *new_text = bc_key_describe_value (report, diff->key, diff->new_value);
      g_autofree char *change = g_strdup_printf ("%s → %s", old_text, new_text);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), change);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  if (diffs->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No differences"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * bc_window_compare_file:
 * @id: the library's copy of the report in @path
 *
 * Shows how the report in @path differs from the library's copy, without
 * changing the library.
 */
void
bc_window_compare_file (BcWindow   *self,
                        const char *path,
                        gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcStore) scratch = NULL;
  g_autoptr(BcReport) ours = NULL;
  g_autoptr(BcReport) theirs = NULL;
  g_autoptr(GPtrArray) diffs = NULL;
  g_autofree char *title = NULL;
  gint64 their_id;

  g_return_if_fail (BC_IS_WINDOW (self));

  if ((scratch = bc_store_open (":memory:", &error)) == NULL
      || (their_id = bc_store_import_file (scratch, path, BC_IMPORT_KEEP_BOTH, NULL, &error)) == 0
      || (theirs = bc_store_open_report (scratch, their_id, &error)) == NULL
      || (ours = bc_store_open_report (bc_window_get_store (self), id, &error)) == NULL)
    {
      bc_window_add_toast (self, error->message);
      return;
    }
  bc_report_page_flush (bc_window_get_report_page (self), NULL);
  diffs = bc_diff_reports (ours, theirs);
  title = g_strdup_printf (_("Differences: the library → the file (%u)"), diffs->len);
  bc_window_show_diff (self, title, ours, diffs);
}

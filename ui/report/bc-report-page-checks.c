/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report-page"

#include "config.h"

#include <adwaita.h>

#include "bc-checker.h"
#include "bc-findings-panel.h"
#include "bc-keys.h"
#include "bc-outline-row.h"
#include "bc-report-page-private.h"
#include "bc-store-rollup.h"
#include "bc-table-editor.h"
#include "bc-ui-utils.h"

/* The checks of the open report: run again after each edit, counted on
 * the outline's parts, marked on the inputs; a finding focuses its input. */

void
bc_report_page_mark_input (BcReportPage *self,
                           const char   *key,
                           GtkWidget    *widget)
{
  g_autoptr(GPtrArray) here = bc_check_findings_at (self->findings, key);
  BcFinding *worst = NULL;
  GtkWidget *target = GTK_IS_TEXT_VIEW (widget) && gtk_widget_get_parent (widget)
                      ? gtk_widget_get_parent (widget) : widget;

  for (guint i = 0; i < here->len; i++)
    if (!bc_finding_get_explained (here->pdata[i])
        && (worst == NULL || bc_finding_get_severity (here->pdata[i]) == BC_SEVERITY_ERROR))
      worst = here->pdata[i];
  gtk_widget_remove_css_class (target, "bc-finding-error");
  gtk_widget_remove_css_class (target, "bc-finding-warning");
  if (worst != NULL)
    gtk_widget_add_css_class (target, bc_finding_get_severity (worst) == BC_SEVERITY_ERROR
                                      ? "bc-finding-error" : "bc-finding-warning");
  if (!gtk_widget_has_css_class (widget, "error"))
    bc_ui_set_tooltip (widget, worst ? bc_finding_get_message (worst) : NULL);
}

void
bc_report_page_mark_inputs (BcReportPage *self)
{
  GHashTableIter iter;
  const char *key;
  GtkWidget *widget;

  g_hash_table_iter_init (&iter, bc_input_registry_get_inputs (self->inputs));
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &widget))
    bc_report_page_mark_input (self, key, widget);
}

/* Each part's badge: its findings not explained. Only the items whose
 * count changed notify, so only their rows are touched. */
static void
count_findings (BcReportPage *self)
{
  GListModel *model = G_LIST_MODEL (self->outline_items);
  guint n = g_list_model_get_n_items (model);
  g_autofree guint *counts = g_new0 (guint, n + 1);

  for (guint i = 0; i < self->findings->len; i++)
    {
      BcFinding *finding = self->findings->pdata[i];
      int index;

      if (!bc_finding_get_explained (finding)
          && (index = bc_report_page_find_part (self, bc_finding_get_location (finding))) >= 0)
        counts[index]++;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcOutlineItem) item = g_list_model_get_item (model, i);
      bc_outline_item_set_count (item, counts[i]);
    }
}

static void
show_findings (BcReportPage *self)
{
  guint errors = bc_check_count (self->findings, BC_SEVERITY_ERROR, FALSE);
  guint warnings = bc_check_count (self->findings, BC_SEVERITY_WARNING, FALSE);
  g_autofree char *count = g_strdup_printf ("%u", errors + warnings);

  if (self->findings_panel != NULL)
    bc_findings_panel_set_findings (BC_FINDINGS_PANEL (self->findings_panel), self->findings);
  gtk_label_set_text (self->findings_count, errors + warnings > 0 ? count : "");
  gtk_image_set_from_icon_name (self->findings_icon, errors ? "dialog-error-symbolic"
                                : warnings ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->findings_button), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->findings_button), "warning");
  if (errors + warnings > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->findings_button), errors ? "error" : "warning");

  count_findings (self);
  bc_report_page_mark_inputs (self);
}

/* The whole report is checked again after each edit: it takes microseconds. */
static gboolean
check_cb (gpointer data)
{
  BcReportPage *self = data;

  self->check_id = 0;
  if (self->report == NULL)
    return G_SOURCE_REMOVE;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  /* Against the months too, for a report built from them. */
  self->findings = bc_store_check_report (self->store, self->report, self->previous);
  show_findings (self);
  bc_report_page_update_rollup (self);
  bc_report_page_update_plan (self);
  return G_SOURCE_REMOVE;
}

void
bc_report_page_schedule_check (BcReportPage *self)
{
  if (self->check_id == 0)
    self->check_id = g_timeout_add (150, check_cb, self);
}

/* Where @input's caret (a text view's) or top (another input) is, from
 * the top of @scrolled's visible part; FALSE while it has no place yet. */
static gboolean
caret_position (GtkWidget         *input,
                GtkScrolledWindow *scrolled,
                double            *y,
                double            *height)
{
  graphene_point_t at = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t shown;

  *height = gtk_widget_get_height (input);
  if (GTK_IS_TEXT_VIEW (input))
    {
      GtkTextView *view = GTK_TEXT_VIEW (input);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter iter;
      GdkRectangle rect;
      int x, wy;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      gtk_text_view_get_iter_location (view, &iter, &rect);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x, &wy);
      at = GRAPHENE_POINT_INIT (x, wy);
      *height = rect.height;
    }
  if (gtk_widget_get_height (input) == 0
      || !gtk_widget_compute_point (input, GTK_WIDGET (scrolled), &at, &shown))
    return FALSE;
  *y = shown.y;
  return TRUE;
}

/* The focused input was just built, or is off screen: once it has its
 * place, the page scrolls to put its caret a third of the way down. A
 * page just built settles over a few frames (text views measure their
 * lines as they go), so the caret is followed until it stays in view. */
static gboolean
bring_into_view_cb (GtkWidget     *input,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  guint *frames = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (input, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  double y, height, page;

  if (scrolled == NULL || ++*frames > 30)
    return G_SOURCE_REMOVE;
  if (!caret_position (input, GTK_SCROLLED_WINDOW (scrolled), &y, &height))
    return G_SOURCE_CONTINUE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adjustment);
  if (y >= 0 && y + height <= page)
    return *frames > 5 ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - page / 3);
  return G_SOURCE_CONTINUE;
}

static void
bring_into_view (GtkWidget *input)
{
  gtk_widget_add_tick_callback (input, bring_into_view_cb, g_new0 (guint, 1), g_free);
}

static void
focus_span (BcReportPage *self,
            const char   *location,
            gboolean      has_span,
            guint         offset,
            guint         length)
{
  g_auto(BcKey) key = BC_KEY_INIT;
  GtkWidget *input;

  if (!bc_report_page_show_key (self, location))
    return;
  bc_key_parse (&key, location);
  if (g_strcmp0 (key.prefix, "tbl") == 0 && BC_IS_TABLE_EDITOR (adw_bin_get_child (self->content)))
    {
      if (key.kind == BC_KEY_CELL)
        bc_table_editor_focus_cell (BC_TABLE_EDITOR (adw_bin_get_child (self->content)), key.sub, key.field);
      return;
    }
  input = bc_input_registry_lookup (self->inputs, location);
  if (input == NULL)
    return;
  gtk_widget_grab_focus (input);
  if (GTK_IS_TEXT_VIEW (input) && has_span)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) (offset + length));
      gtk_text_buffer_select_range (buffer, &start, &end);
    }
  bring_into_view (input);
}

void
bc_report_page_focus_finding (BcReportPage *self,
                              BcFinding    *finding)
{
  guint offset = 0, length = 0;
  gboolean has_span = bc_finding_get_span (finding, &offset, &length);

  focus_span (self, bc_finding_get_location (finding), has_span, offset, length);
}

/**
 * bc_report_page_focus_key:
 *
 * Shows the part holding @key and puts the focus in its input.
 */
void
bc_report_page_focus_key (BcReportPage *self,
                          const char   *key)
{
  g_return_if_fail (BC_IS_REPORT_PAGE (self));
  focus_span (self, key, FALSE, 0, 0);
}

/**
 * bc_report_page_check_now:
 *
 * Checks the report at once instead of after the pause that follows an edit.
 */
void
bc_report_page_check_now (BcReportPage *self)
{
  g_return_if_fail (BC_IS_REPORT_PAGE (self));
  g_clear_handle_id (&self->check_id, g_source_remove);
  check_cb (self);
}

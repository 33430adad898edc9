/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-report-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-checker.h"
#include "bc-export-utils.h"
#include "bc-findings-panel.h"
#include "bc-form-utils.h"
#include "bc-header-form.h"
#include "bc-keys.h"
#include "bc-outline-row.h"
#include "bc-report-page-private.h"
#include "bc-store-rollup.h"
#include "bc-section-form.h"
#include "bc-section-head.h"
#include "bc-section-summary.h"
#include "bc-table-editor.h"
#include "bc-template.h"
#include "bc-ui-utils.h"

/* One open report: its outline (header, sections, appendix tables) in a
 * sidebar, and what the selected part holds beside it. */

G_DEFINE_FINAL_TYPE (BcReportPage, bc_report_page, GTK_TYPE_WIDGET)

/* The table's cells join the registry of inputs as they are built (rows
 * past the first screen come after the first frame), so that findings mark
 * them and a finding focuses its cell. */
static void
cell_added_cb (BcTableEditor *editor,
               const char    *key,
               GtkWidget     *cell,
               BcReportPage  *self)
{
  if (self->session == NULL)
    return;
  bc_input_registry_add (self->inputs, key, cell);
  if (self->findings != NULL)
    bc_report_page_mark_input (self, key, cell);
}

static GtkWidget *
table_editor_new (BcReportPage     *self,
                  const BcTableDef *table)
{
  GtkWidget *editor = bc_table_editor_new (self->session, table);

  bc_table_editor_set_store (BC_TABLE_EDITOR (editor), self->store);
  g_signal_connect_object (editor, "cell-added", G_CALLBACK (cell_added_cb), self, 0);
  return editor;
}

/* A section's item says what the report prints: the clerk's number and
 * heading, and whether the section is left out. */
static void
update_section_item (BcReportPage  *self,
                     BcOutlineItem *item)
{
  const BcSection *section = bc_outline_item_get_section (item);
  g_autofree char *number = bc_report_dup_section_text (self->report, section, "number");
  g_autofree char *title = bc_report_dup_section_text (self->report, section, "title");
  gboolean omitted = bc_report_section_is_omitted (self->report, section);

  bc_outline_item_set_text (item, number, title, omitted ? _("Left out of this report") : NULL, omitted);
}

/* The tables of a section's body, and a catalog section's items, come
 * right under the section they are printed in. */
static void
add_section_tables (BcReportPage    *self,
                    GPtrArray       *items,
                    const BcSection *section)
{
  GPtrArray *tables = bc_template_get_tables (bc_report_get_template (self->report));

  for (guint i = 0; i < tables->len; i++)
    {
      const BcTableDef *table = tables->pdata[i];
      const char *title = table->items ? _("Items") : table->title;

      if (g_strcmp0 (table->section, section->id) == 0)
        g_ptr_array_add (items, bc_outline_item_new_table (table, title, section->depth + 1));
    }
}

static void
add_sections (BcReportPage *self,
              GPtrArray    *items,
              GPtrArray    *sections)
{
  for (guint i = 0; i < sections->len; i++)
    {
      const BcSection *section = sections->pdata[i];
      BcOutlineItem *item = bc_outline_item_new_section (section);

      update_section_item (self, item);
      g_ptr_array_add (items, item);
      add_section_tables (self, items, section);
      add_sections (self, items, section->children);
    }
}

/* Where @kind's part @id is in the outline; -1 if nowhere. A header has no id. */
static int
find_item (BcReportPage  *self,
           BcOutlineKind  kind,
           const char    *id)
{
  GListModel *model = G_LIST_MODEL (self->outline_items);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcOutlineItem) item = g_list_model_get_item (model, i);
      const BcSection *section = bc_outline_item_get_section (item);
      const BcTableDef *table = bc_outline_item_get_table (item);

      if (bc_outline_item_get_kind (item) != kind)
        continue;
      if (kind == BC_OUTLINE_HEADER
          || (section != NULL && g_strcmp0 (section->id, id) == 0)
          || (table != NULL && g_strcmp0 (table->id, id) == 0))
        return (int) i;
    }
  return -1;
}

/* A heading edited or a section left out: that section's row follows. */
static void
section_part_changed_cb (BcReportPage *self,
                         const char   *key)
{
  g_auto(BcKey) parsed = BC_KEY_INIT;
  g_autoptr(BcOutlineItem) item = NULL;
  int index;

  if (bc_key_parse (&parsed, key) != BC_KEY_SECTION_PART
      || !(g_str_equal (parsed.sub, "title") || g_str_equal (parsed.sub, "number") || g_str_equal (parsed.sub, "omit")))
    return;
  if ((index = find_item (self, BC_OUTLINE_SECTION, parsed.id)) < 0)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->outline_items), (guint) index);
  update_section_item (self, item);
}

static GtkListBoxRow *
find_section_row (BcReportPage *self,
                  const char   *section_id)
{
  int index = find_item (self, BC_OUTLINE_SECTION, section_id);

  return index >= 0 ? gtk_list_box_get_row_at_index (self->outline, index) : NULL;
}

static gboolean
is_appendix_row (GtkListBoxRow *row)
{
  const BcTableDef *table;

  if (row == NULL)
    return FALSE;
  table = bc_outline_item_get_table (bc_outline_row_get_item (BC_OUTLINE_ROW (row)));
  return table != NULL && table->section == NULL;
}

/* Header, sections with their tables, appendix tables: one splice, so
 * the list box builds its rows once. */
static void
fill_outline (BcReportPage *self)
{
  BcTemplate *template = bc_report_get_template (self->report);
  GPtrArray *tables = bc_template_get_tables (template);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (items, bc_outline_item_new_header (_("Header"), _("Issuing body, number, recipients, signer")));
  add_sections (self, items, bc_template_get_sections (template));
  for (guint i = 0; i < tables->len; i++)
    {
      const BcTableDef *table = tables->pdata[i];

      if (table->section == NULL)
        g_ptr_array_add (items, bc_outline_item_new_table (table, table->title, 0));
    }
  g_list_store_splice (self->outline_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->outline_items)),
                       items->pdata, items->len);
}

static GtkWidget *
create_outline_row (gpointer item,
                    gpointer user_data)
{
  return bc_outline_row_new (item);
}

/* A small heading above the first appendix table. */
static void
outline_header_cb (GtkListBoxRow *row,
                   GtkListBoxRow *before,
                   gpointer       user_data)
{
  gboolean is_table = is_appendix_row (row);
  gboolean after_table = is_appendix_row (before);
  GtkWidget *label;

  if (!is_table || after_table)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (gtk_list_box_row_get_header (row) != NULL)
    return;
  label = gtk_label_new (_("Appendices"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_header (row, label);
}

static void
summary_section_activated_cb (BcReportPage *self,
                              const char   *section_id)
{
  GtkListBoxRow *row = find_section_row (self, section_id);

  if (row != NULL)
    gtk_list_box_select_row (self->outline, row);
}

/* A group's page: its heading, intro and switch above what it holds. */
static GtkWidget *
group_page_new (BcReportPage    *self,
                const BcSection *section,
                GtkWidget       *summary)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *head = bc_section_head_new (self->inputs, section);

  gtk_widget_set_margin_top (head, 24);
  gtk_widget_set_margin_start (head, 12);
  gtk_widget_set_margin_end (head, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), head);
  gtk_box_append (GTK_BOX (box), clamp);
  gtk_widget_set_vexpand (summary, TRUE);
  gtk_box_append (GTK_BOX (box), summary);
  return box;
}

static void
outline_row_selected_cb (BcReportPage  *self,
                         GtkListBoxRow *row)
{
  GtkWidget *summary = NULL;
  BcOutlineItem *item;
  const BcSection *section;

  /* Rows are removed while the page is torn down. */
  if (self->content == NULL)
    return;
  if (row == NULL || self->report == NULL)
    {
      adw_bin_set_child (self->content, NULL);
      return;
    }
  item = bc_outline_row_get_item (BC_OUTLINE_ROW (row));
  section = bc_outline_item_get_section (item);
  switch (bc_outline_item_get_kind (item))
    {
    case BC_OUTLINE_HEADER:
      summary = bc_header_form_new (self->inputs);
      break;
    case BC_OUTLINE_SECTION:
      if (section->kind == BC_SECTION_GROUP)
        summary = bc_section_summary_new_section (self->report, section);
      else
        summary = bc_section_form_new (self->inputs, section, self->previous, self->store);
      break;
    case BC_OUTLINE_TABLE:
      summary = table_editor_new (self, bc_outline_item_get_table (item));
      break;
    default:
      g_assert_not_reached ();
    }
  if (BC_IS_SECTION_SUMMARY (summary))
    {
      g_signal_connect_object (summary, "section-activated",
                               G_CALLBACK (summary_section_activated_cb), self, G_CONNECT_SWAPPED);
      if (section != NULL)
        summary = group_page_new (self, section, summary);
    }
  adw_bin_set_child (self->content, summary);
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
  if (self->findings != NULL)
    bc_report_page_mark_inputs (self);
  bc_report_page_mark_changes (self);
  /* On a narrow window the outline covers the content: get it out of the way. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
update_save_label (BcReportPage *self)
{
  BcSaveState state = self->session ? bc_edit_session_get_state (self->session) : BC_SAVE_STATE_SAVED;

  gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_label), NULL);
  switch (state)
    {
    case BC_SAVE_STATE_SAVED:
      gtk_label_set_text (self->save_label, self->session ? _("Saved") : "");
      break;
    case BC_SAVE_STATE_PENDING:
    case BC_SAVE_STATE_SAVING:
      gtk_label_set_text (self->save_label, _("Saving…"));
      break;
    case BC_SAVE_STATE_FAILED:
    default:
      {
        /* Translators: why the last save failed, then what happens now */
        g_autofree char *tooltip = g_strdup_printf (_("%s\nThe edits are kept: they are saved by themselves "
                                                      "as soon as this can be done."),
                                                    bc_edit_session_get_error (self->session));
        gtk_label_set_text (self->save_label, _("Not saved yet"));
        gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "error");
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_label), tooltip);
      }
      break;
    }
}

static void
update_actions (BcReportPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.undo",
                                 self->session && bc_edit_session_can_undo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.redo",
                                 self->session && bc_edit_session_can_redo (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.next-period", self->report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export", self->report != NULL);
  bc_report_page_update_review (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);

  if (self->session != NULL)
    bc_edit_session_undo (self->session);
}

/* A field refused what was typed in it (bc_show_field_error()): the
 * reason under the form, until that field is right again, another field
 * refuses something, or the bar is dismissed. */
static void
field_error_cb (BcInputRegistry *inputs,
                const char      *key,
                const char      *message,
                BcReportPage    *self)
{
  if (*message != '\0')
    {
      g_free (self->message_key);
      self->message_key = g_strdup (key);
      gtk_label_set_text (self->message_label, message);
      gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
    }
  else if (g_strcmp0 (key, self->message_key) == 0)
    gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

static void
dismiss_message_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (BC_REPORT_PAGE (widget)->message_revealer, FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);

  if (self->session != NULL)
    bc_edit_session_redo (self->session);
}

static void
next_period_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);

  if (self->report == NULL)
    return;
  bc_report_page_flush (self, NULL);
  gtk_widget_activate_action (widget, "win.duplicate-report", "x", bc_report_get_id (self->report));
}

static void
toggle_findings_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);

  gtk_toggle_button_set_active (self->findings_button, !gtk_toggle_button_get_active (self->findings_button));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BcReportPage *self = BC_REPORT_PAGE (widget);
  const char *kind = g_variant_get_string (parameter, NULL);

  if (self->session == NULL)
    return;
  bc_ui_export_choose (widget, self->export_spinner, self->store, self->session,
                       g_str_equal (kind, "xlsx") ? BC_EXPORT_XLSX
                       : g_str_equal (kind, "docx-comments") ? BC_EXPORT_DOCX_COMMENTS
                       : BC_EXPORT_DOCX);
}

/* Where the part that holds @key is in the outline; -1 if nowhere. */
int
bc_report_page_find_part (BcReportPage *self,
                          const char   *key)
{
  g_auto(BcKey) parsed = BC_KEY_INIT;
  BcOutlineKind kind = BC_OUTLINE_HEADER;
  const char *id = NULL;

  if (self->report == NULL || bc_key_parse (&parsed, key) == BC_KEY_NONE)
    return -1;
  if (g_str_equal (parsed.prefix, "sec") && parsed.id != NULL)
    kind = BC_OUTLINE_SECTION, id = parsed.id;
  else if (g_str_equal (parsed.prefix, "tbl") && parsed.id != NULL)
    kind = BC_OUTLINE_TABLE, id = parsed.id;
  else if (g_str_equal (parsed.prefix, "fig") && parsed.id != NULL)
    {
      const BcSection *section = NULL;
      bc_template_find_figure (bc_report_get_template (self->report), parsed.id, &section);
      if (section == NULL)
        return -1;
      kind = BC_OUTLINE_SECTION, id = section->id;
    }
  else if (!g_str_equal (parsed.prefix, "header") && !g_str_equal (parsed.prefix, "meta"))
    return -1;
  return find_item (self, kind, id);
}

/* The outline row of the part that holds @key. */
static GtkListBoxRow *
row_for_key (BcReportPage *self,
             const char   *key)
{
  int index = bc_report_page_find_part (self, key);

  return index >= 0 ? gtk_list_box_get_row_at_index (self->outline, index) : NULL;
}

void
bc_report_page_ensure_panels (BcReportPage *self)
{
  if (self->side_stack != NULL || self->session == NULL)
    return;
  self->findings_panel = bc_findings_panel_new (self->inputs);
  g_signal_connect_swapped (self->findings_panel, "finding-activated", G_CALLBACK (bc_report_page_focus_finding), self);
  bc_report_page_build_review (self);
  if (self->findings != NULL)
    bc_findings_panel_set_findings (BC_FINDINGS_PANEL (self->findings_panel), self->findings);
}

static void
panel_toggled_cb (BcReportPage *self)
{
  if (gtk_toggle_button_get_active (self->findings_button))
    bc_report_page_ensure_panels (self);
}

static void
close_session (BcReportPage *self)
{
  if (self->session == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->session, self);
  g_signal_handlers_disconnect_by_data (self->report, self);
  g_clear_handle_id (&self->check_id, g_source_remove);
  gtk_revealer_set_child (self->findings_revealer, NULL);
  self->findings_panel = NULL;
  self->changes_panel = NULL;
  self->comments_panel = NULL;
  self->side_stack = NULL;
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_object (&self->inputs);
  bc_edit_session_close (self->session);
  g_clear_object (&self->session);
}

/* Back in the window after working elsewhere (a terminal, another
 * window on the same library): look for changes at once, not within the
 * second. */
static void
window_active_cb (BcReportPage *self,
                  GParamSpec   *pspec,
                  GtkWindow    *window)
{
  if (self->session != NULL && gtk_window_is_active (window))
    bc_edit_session_sync (self->session);
}

static void
bc_report_page_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (bc_report_page_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::is-active", G_CALLBACK (window_active_cb), widget, G_CONNECT_SWAPPED);
}

static void
bc_report_page_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, window_active_cb, widget);
  GTK_WIDGET_CLASS (bc_report_page_parent_class)->unroot (widget);
}

static void
bc_report_page_dispose (GObject *object)
{
  BcReportPage *self = BC_REPORT_PAGE (object);

  /* The forms go before the session they edit through. */
  if (self->content != NULL)
    adw_bin_set_child (self->content, NULL);
  close_session (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_REPORT_PAGE);
  g_clear_object (&self->outline_items);
  g_clear_weak_pointer (&self->followed_root);
  g_clear_object (&self->report);
  g_clear_object (&self->previous);
  g_clear_object (&self->store);
  g_clear_pointer (&self->message_key, g_free);
  g_clear_pointer (&self->input_key, g_free);

  G_OBJECT_CLASS (bc_report_page_parent_class)->dispose (object);
}

static void
bc_report_page_class_init (BcReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_report_page_dispose;
  widget_class->root = bc_report_page_root;
  widget_class->unroot = bc_report_page_unroot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baocao/Baocao/ui/bc-report-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, box);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, flap);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, outline);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, content);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, save_label);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, findings_revealer);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, findings_button);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, findings_icon);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, findings_count);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, status_banner);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, rollup_banner);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, rollup_label);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, plan_banner);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, plan_label);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, review_button);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, review_menu);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, export_menu);
  gtk_widget_class_bind_template_child (widget_class, BcReportPage, message_label);
  bc_report_page_review_class_init (widget_class);
  bc_report_page_rollup_class_init (widget_class);
  bc_report_page_plan_class_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "report.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "report.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "report.dismiss-message", NULL, dismiss_message_action);
  gtk_widget_class_install_action (widget_class, "report.next-period", NULL, next_period_action);
  gtk_widget_class_install_action (widget_class, "report.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "report.toggle-findings", NULL, toggle_findings_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "report.toggle-findings", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "report.export", "s", "docx");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "report.export", "s", "xlsx");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "report.export", "s", "xlsx");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "report.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "report.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "report.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "report.redo", NULL);
}

static void
bc_report_page_init (BcReportPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bc_ui_set_menu_lazily (self->review_button, self->review_menu);
  bc_ui_set_menu_lazily (self->export_button, self->export_menu);
  gtk_list_box_set_header_func (self->outline, outline_header_cb, NULL, NULL);
  self->outline_items = g_list_store_new (BC_TYPE_OUTLINE_ITEM);
  gtk_list_box_bind_model (self->outline, G_LIST_MODEL (self->outline_items), create_outline_row, NULL, NULL);
  g_signal_connect_swapped (self->findings_button, "notify::active", G_CALLBACK (panel_toggled_cb), self);
  update_actions (self);
}

/**
 * bc_report_page_set_report:
 * @store: (nullable): the library @report lives in
 * @report: (nullable): the report to edit
 * @key: (nullable): a value key of @report: the part to show first
 *
 * Shows @report's outline, selects the part that holds @key (or the
 * header) and starts an editing session; the previous report's pending
 * edits are saved first.
 *
 * Returns: %FALSE with @error set when the report cannot be edited
 */
gboolean
bc_report_page_set_report (BcReportPage  *self,
                           BcStore       *store,
                           BcReport      *report,
                           const char    *key,
                           GError       **error)
{
  g_autoptr(BcEditSession) session = NULL;
  GtkListBoxRow *first = NULL;

  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), FALSE);
  g_return_val_if_fail (report == NULL || BC_IS_REPORT (report), FALSE);
  g_return_val_if_fail (report == NULL || BC_IS_STORE (store), FALSE);

  if (report != NULL
      && (session = bc_edit_session_new (bc_store_get_path (store), report, error)) == NULL)
    return FALSE;

  /* Clear first: the rows and forms borrow the old report's template. */
  adw_bin_set_child (self->content, NULL);
  close_session (self);
  g_clear_object (&self->previous);
  g_set_object (&self->report, NULL);
  g_set_object (&self->store, store);
  g_list_store_remove_all (self->outline_items);
  if (report == NULL)
    {
      adw_window_title_set_title (self->window_title, "");
      adw_window_title_set_subtitle (self->window_title, "");
      update_save_label (self);
      update_actions (self);
      return TRUE;
    }
  self->report = g_object_ref (report);
  self->session = g_steal_pointer (&session);
  self->inputs = bc_input_registry_new (self->session);
  g_signal_connect_object (self->inputs, "field-error", G_CALLBACK (field_error_cb), self, 0);
  if (bc_report_get_previous_id (report) > 0)
    self->previous = bc_store_open_report (store, bc_report_get_previous_id (report), NULL);
  g_signal_connect_swapped (self->session, "notify::state", G_CALLBACK (update_save_label), self);
  g_signal_connect_swapped (self->session, "notify::can-undo", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->session, "notify::can-redo", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->session, "changed-elsewhere", G_CALLBACK (bc_report_page_changed_elsewhere), self);
  update_save_label (self);
  update_actions (self);
  bc_edit_session_set_actor (self->session, bc_store_get_actor (store), bc_store_get_role (store));
  /* The side panels are built when first shown, or at once for a report
   * under review, whose changes are highlighted in the forms: opening a
   * draft stays as fast as a bare window. */
  if (!g_str_equal (bc_report_get_status (report), "draft"))
    bc_report_page_ensure_panels (self);
  g_signal_connect_swapped (self->report, "value-changed", G_CALLBACK (bc_report_page_schedule_check), self);
  g_signal_connect_swapped (self->report, "value-changed", G_CALLBACK (section_part_changed_cb), self);

  bc_report_page_load_origins (self);
  bc_report_page_follow_focus (self);
  adw_window_title_set_title (self->window_title, bc_report_get_unit (report));
  /* The period and the status under it. */
  bc_report_page_update_review (self);

  fill_outline (self);
  /* Only one form is built: the part asked for, or the header. */
  if (key != NULL)
    first = row_for_key (self, key);
  if (first == NULL)
    first = gtk_list_box_get_row_at_index (self->outline, 0);
  gtk_list_box_select_row (self->outline, first);
  bc_report_page_check_now (self);
  return TRUE;
}

/**
 * bc_report_page_get_session:
 *
 * Returns: (transfer none) (nullable): the editing session of the report shown
 */
BcEditSession *
bc_report_page_get_session (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  return self->session;
}

/**
 * bc_report_page_get_inputs:
 *
 * Returns: (transfer none) (nullable): the inputs of the report's forms,
 *   by value key
 */
BcInputRegistry *
bc_report_page_get_inputs (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  return self->inputs;
}

/**
 * bc_report_page_flush:
 *
 * Saves every pending edit now.
 */
gboolean
bc_report_page_flush (BcReportPage  *self,
                      GError       **error)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), FALSE);
  return self->session == NULL || bc_edit_session_flush (self->session, error);
}

/**
 * bc_report_page_get_form:
 *
 * Returns: (transfer none) (nullable): the form shown beside the outline
 */
GtkWidget *
bc_report_page_get_form (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  return adw_bin_get_child (self->content);
}


/**
 * bc_report_page_show_key:
 * @key: a value key of the report
 *
 * Selects the part of the report that holds @key.
 *
 * Returns: %TRUE when a part was found
 */
gboolean
bc_report_page_show_key (BcReportPage *self,
                         const char   *key)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), FALSE);
  if ((row = row_for_key (self, key)) == NULL)
    return FALSE;
  gtk_list_box_select_row (self->outline, row);
  return TRUE;
}

/**
 * bc_report_page_get_report:
 *
 * Returns: (transfer none) (nullable): the report shown
 */
BcReport *
bc_report_page_get_report (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  return self->report;
}

/**
 * bc_report_page_get_outline:
 *
 * Returns: (transfer none): the sidebar listing the report's parts
 */
GtkListBox *
bc_report_page_get_outline (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  return self->outline;
}

/**
 * bc_report_page_get_findings:
 *
 * Returns: (transfer none) (nullable) (element-type BcFinding): the last check's findings
 */
GPtrArray *
bc_report_page_get_findings (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  return self->findings;
}

/**
 * bc_report_page_get_findings_panel:
 *
 * Returns: (transfer none) (nullable): the panel listing the findings
 */
GtkWidget *
bc_report_page_get_findings_panel (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  bc_report_page_ensure_panels (self);
  return self->findings_panel;
}

/**
 * bc_report_page_get_message:
 *
 * Returns: (nullable): why a field refused what was typed in it, when
 *   the page shows it
 */
const char *
bc_report_page_get_message (BcReportPage *self)
{
  g_return_val_if_fail (BC_IS_REPORT_PAGE (self), NULL);
  if (!gtk_revealer_get_reveal_child (self->message_revealer))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

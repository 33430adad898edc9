/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-findings-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-checker.h"
#include "bc-finding-row.h"
#include "bc-findings-panel.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-report.h"
#include "bc-template.h"
#include "bc-ui-utils.h"

/* What the checks found, grouped by the part of the report it is in.
 * Activating a finding asks the page to show and focus its field; a clerk
 * can explain a finding that is right after all, and it stays, marked. */
struct _BcFindingsPanel
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkWidget     *box;
  GtkWidget     *list;
  GtkWidget     *empty;

  /* owned */
  GListStore    *items;      /* BcFindingItem, in report order */

  /* borrowed */
  BcInputRegistry *inputs;
  BcEditSession   *session;
};

G_DEFINE_FINAL_TYPE (BcFindingsPanel, bc_findings_panel, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "I. KẾT QUẢ CÁC MẶT CÔNG TÁC › 3. Về việc …": the numbers of nested
 * sections start again in each parent ("1." is in I and in II). Each
 * heading as the report has it: the clerk's own, the template's with its
 * unit filled in ("UBND huyện", not "UBND {unit_kind}"). */
static char *
section_path (BcReport        *report,
              const BcSection *section)
{
  GString *path = g_string_new (NULL);

  for (; section != NULL; section = section->parent)
    {
      g_autofree char *title = bc_report_dup_section_heading (report, section);

      /* Translators: between a section and the section inside it */
      g_string_prepend (path, path->len > 0 ? _(" › ") : "");
      g_string_prepend (path, title);
    }
  return g_string_free (path, FALSE);
}

/* The part of the report a finding belongs to, as a readable heading. */
static char *
part_title (BcReport  *report,
            BcFinding *finding)
{
  BcTemplate *template = bc_report_get_template (report);
  const char *location = bc_finding_get_location (finding);
  g_auto(BcKey) key = BC_KEY_INIT;
  const BcSection *section = NULL;
  const BcTableDef *table;

  if (bc_key_parse (&key, location) == BC_KEY_NONE || key.n_parts < 2)
    return g_strdup (_("Whole report"));
  if (g_str_equal (key.prefix, "sec"))
    section = bc_template_find_section (template, key.id);
  else if (g_str_equal (key.prefix, "fig"))
    bc_template_find_figure (template, key.id, &section);
  else if (g_str_equal (key.prefix, "tbl") && (table = bc_template_find_table (template, key.id)) != NULL)
    return g_strdup (table->title);
  else if (g_str_equal (key.prefix, "header") || g_str_equal (key.prefix, "meta"))
    return g_strdup (_("Header"));
  if (section != NULL)
    return section_path (report, section);
  return g_strdup (_("Whole report"));
}

static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       data)
{
  const char *title = bc_finding_item_get_part (bc_finding_row_get_item (BC_FINDING_ROW (row)));
  const char *previous = before ? bc_finding_item_get_part (bc_finding_row_get_item (BC_FINDING_ROW (before))) : NULL;

  if (previous != NULL && g_strcmp0 (title, previous) == 0)
    gtk_list_box_row_set_header (row, NULL);
  else
    gtk_list_box_row_set_header (row, bc_ui_part_label_new (title));
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  BcFindingsPanel *self)
{
  BcFindingItem *item = bc_finding_row_get_item (BC_FINDING_ROW (row));

  g_signal_emit (self, signals[FINDING_ACTIVATED], 0, bc_finding_item_get_finding (item));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BcFindingsPanel *self = user_data;

  return bc_finding_row_new (self->inputs, item);
}

/* The same finding, found again: it takes the new state (explained or not). */
static gboolean
keep_item (gpointer item,
           gpointer finding,
           gpointer user_data)
{
  BcFinding *old = bc_finding_item_get_finding (item);

  if (g_strcmp0 (bc_finding_get_id (old), bc_finding_get_id (finding)) != 0
      || g_strcmp0 (bc_finding_get_message (old), bc_finding_get_message (finding)) != 0)
    return FALSE;
  bc_finding_item_set_finding (item, finding);
  return TRUE;
}

static gpointer
make_item (gpointer finding,
           gpointer user_data)
{
  BcFindingsPanel *self = user_data;
  g_autofree char *part = part_title (bc_edit_session_get_report (self->session), finding);

  return bc_finding_item_new (finding, part);
}

/**
 * bc_findings_panel_set_findings:
 * @findings: (element-type BcFinding): the findings, in report order
 *
 * Shows @findings. Only the rows of findings that are new or gone are
 * made or removed: one found again takes its new state (explained or
 * not) in its row, which keeps an explanation being typed and its focus.
 */
void
bc_findings_panel_set_findings (BcFindingsPanel *self,
                                GPtrArray       *findings)
{
  g_return_if_fail (BC_IS_FINDINGS_PANEL (self));

  bc_ui_list_store_update (self->items, findings, keep_item, make_item, self);
  gtk_widget_set_visible (self->empty, findings->len == 0);
}

guint
bc_findings_panel_get_n_rows (BcFindingsPanel *self)
{
  g_return_val_if_fail (BC_IS_FINDINGS_PANEL (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/**
 * bc_findings_panel_get_part:
 *
 * Returns: (nullable): the heading of the part of the report the finding
 *   in row @index is in
 */
const char *
bc_findings_panel_get_part (BcFindingsPanel *self,
                            guint            index)
{
  g_autoptr(BcFindingItem) item = NULL;

  g_return_val_if_fail (BC_IS_FINDINGS_PANEL (self), NULL);
  item = g_list_model_get_item (G_LIST_MODEL (self->items), index);
  /* The model holds the item: its part outlives this reference. */
  return item != NULL ? bc_finding_item_get_part (item) : NULL;
}

/**
 * bc_findings_panel_get_model:
 *
 * Returns: (transfer none): the findings shown, as #BcFindingItem
 */
GListModel *
bc_findings_panel_get_model (BcFindingsPanel *self)
{
  g_return_val_if_fail (BC_IS_FINDINGS_PANEL (self), NULL);
  return G_LIST_MODEL (self->items);
}

void
bc_findings_panel_activate_row (BcFindingsPanel *self,
                                guint            index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) index);

  g_return_if_fail (BC_IS_FINDINGS_PANEL (self));
  if (row != NULL)
    row_activated_cb (GTK_LIST_BOX (self->list), row, self);
}

static void
bc_findings_panel_dispose (GObject *object)
{
  BcFindingsPanel *self = BC_FINDINGS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_FINDINGS_PANEL);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (bc_findings_panel_parent_class)->dispose (object);
}

static void
bc_findings_panel_class_init (BcFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_findings_panel_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BcFindingsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, BcFindingsPanel, list);
  gtk_widget_class_bind_template_child (widget_class, BcFindingsPanel, empty);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  /**
   * BcFindingsPanel::finding-activated:
   * @finding: the finding the clerk chose
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, BC_TYPE_FINDING);
}

static void
bc_findings_panel_init (BcFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->list), header_cb, NULL, NULL);
  self->items = g_list_store_new (BC_TYPE_FINDING_ITEM);
}

/**
 * bc_findings_panel_new:
 * @inputs: the report page's inputs, which the explanations join; the
 *   panel edits through their session
 *
 * Returns: (transfer floating): an empty findings panel
 */
GtkWidget *
bc_findings_panel_new (BcInputRegistry *inputs)
{
  BcFindingsPanel *self = g_object_new (BC_TYPE_FINDINGS_PANEL, NULL);

  self->inputs = inputs;
  self->session = bc_input_registry_get_session (inputs);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->list), G_LIST_MODEL (self->items), create_row, self, NULL);
  return GTK_WIDGET (self);
}

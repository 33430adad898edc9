/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-findings-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-checker.h"
#include "bc-findings-panel.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-report.h"
#include "bc-template.h"

/* What the checks found, grouped by the part of the report it is in.
 * Activating a finding asks the page to show and focus its field; a clerk
 * can explain a finding that is right after all, and it stays, marked. */
struct _BcFindingsPanel
{
  GtkWidget      parent_instance;

  /* owned */
  GtkWidget     *box;
  GtkWidget     *list;
  GtkWidget     *empty;
  GPtrArray     *findings;

  /* borrowed */
  BcEditSession *session;
};

G_DEFINE_FINAL_TYPE (BcFindingsPanel, bc_findings_panel, GTK_TYPE_WIDGET)

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "I. KẾT QUẢ CÁC MẶT CÔNG TÁC › 3. Về việc …": the numbers of nested
 * sections start again in each parent ("1." is in I and in II). */
static char *
section_path (const BcSection *section)
{
  GString *path = g_string_new (NULL);

  for (; section != NULL; section = section->parent)
    {
      g_autofree char *title = g_strdup_printf ("%s%s%s", section->number, *section->number ? " " : "",
                                                section->title);

      /* Translators: between a section and the section inside it */
      g_string_prepend (path, path->len > 0 ? _(" › ") : "");
      g_string_prepend (path, title);
    }
  return g_string_free (path, FALSE);
}

/* The part of the report a finding belongs to, as a readable heading. */
static char *
part_title (BcReport *report, BcFinding *finding)
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
    return section_path (section);
  return g_strdup (_("Whole report"));
}

static void
header_cb (GtkListBoxRow *row, GtkListBoxRow *before, gpointer data)
{
  const char *title = g_object_get_data (G_OBJECT (row), "bc-part");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "bc-part") : NULL;
  GtkWidget *label;

  if (previous != NULL && g_strcmp0 (title, previous) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_row_set_header (row, label);
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, BcFindingsPanel *self)
{
  BcFinding *finding = g_object_get_data (G_OBJECT (row), "bc-finding");

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static GtkWidget *
finding_row (BcFindingsPanel *self, BcFinding *finding)
{
  BcReport *report = bc_edit_session_get_report (self->session);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *icon, *message, *expander, *entry;
  g_autofree char *key = bc_finding_dup_explanation_key (finding);
  gboolean error = bc_finding_get_severity (finding) == BC_SEVERITY_ERROR;
  gboolean explained = bc_finding_get_explained (finding);

  icon = gtk_image_new_from_icon_name (explained ? "emblem-ok-symbolic"
                                       : error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, explained ? "dim-label" : error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  explained ? _("Explained") : error ? _("Error") : _("Warning"), -1);

  message = gtk_label_new (bc_finding_get_message (finding));
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  if (explained)
    gtk_widget_add_css_class (message, "dim-label");
  gtk_box_append (GTK_BOX (text), message);

  /* Why the clerk let it stand, for the reviewer. */
  expander = gtk_expander_new (explained ? _("Explained") : _("Explain…"));
  gtk_widget_add_css_class (expander, "caption");
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. 900 dossiers carried over from the last period"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Explanation"), -1);
  if (key != NULL)
    bc_bind_editable (GTK_EDITABLE (entry), self->session, key, BC_FIELD_TEXT);
  gtk_expander_set_child (GTK_EXPANDER (expander), entry);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), explained);
  gtk_box_append (GTK_BOX (text), expander);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "bc-finding", g_object_ref (finding), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "bc-part", part_title (report, finding), g_free);
  g_object_set_data (G_OBJECT (row), "bc-icon", icon);
  return row;
}

static gboolean
same_findings (GPtrArray *a, GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (bc_finding_get_id (a->pdata[i]), bc_finding_get_id (b->pdata[i])) != 0
        || g_strcmp0 (bc_finding_get_message (a->pdata[i]), bc_finding_get_message (b->pdata[i])) != 0)
      return FALSE;
  return TRUE;
}

/* An explanation being typed only changes the icons: the rows, and the
 * entry's focus, stay. */
static void
update_icons (BcFindingsPanel *self, GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) i);
      GtkWidget *icon = row ? g_object_get_data (G_OBJECT (row), "bc-icon") : NULL;
      BcFinding *finding = findings->pdata[i];
      gboolean error = bc_finding_get_severity (finding) == BC_SEVERITY_ERROR;
      gboolean explained = bc_finding_get_explained (finding);

      if (icon == NULL)
        continue;
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), explained ? "emblem-ok-symbolic"
                                    : error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      gtk_widget_remove_css_class (icon, "dim-label");
      gtk_widget_remove_css_class (icon, "error");
      gtk_widget_remove_css_class (icon, "warning");
      gtk_widget_add_css_class (icon, explained ? "dim-label" : error ? "error" : "warning");
      g_object_set_data_full (G_OBJECT (row), "bc-finding", g_object_ref (finding), g_object_unref);
    }
}

/**
 * bc_findings_panel_set_findings:
 * @findings: (element-type BcFinding): the findings, in report order
 *
 * Shows @findings; nothing is rebuilt when they did not change, so an
 * explanation being typed keeps its focus.
 */
void
bc_findings_panel_set_findings (BcFindingsPanel *self,
                                GPtrArray       *findings)
{
  GtkWidget *child;

  g_return_if_fail (BC_IS_FINDINGS_PANEL (self));

  if (same_findings (self->findings, findings))
    {
      update_icons (self, findings);
      g_ptr_array_unref (self->findings);
      self->findings = g_ptr_array_ref (findings);
      return;
    }
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = g_ptr_array_ref (findings);
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (guint i = 0; i < findings->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), finding_row (self, findings->pdata[i]));
  gtk_widget_set_visible (self->empty, findings->len == 0);
}

guint
bc_findings_panel_get_n_rows (BcFindingsPanel *self)
{
  g_return_val_if_fail (BC_IS_FINDINGS_PANEL (self), 0);
  return self->findings ? self->findings->len : 0;
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
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) index);

  g_return_val_if_fail (BC_IS_FINDINGS_PANEL (self), NULL);
  return row ? g_object_get_data (G_OBJECT (row), "bc-part") : NULL;
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

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  G_OBJECT_CLASS (bc_findings_panel_parent_class)->dispose (object);
}

static void
bc_findings_panel_class_init (BcFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_findings_panel_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);

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
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *title = gtk_label_new (_("Findings"));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_size_request (self->box, 320, -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_bottom (title, 6);
  gtk_box_append (GTK_BOX (self->box), title);

  self->empty = gtk_label_new (_("No findings: every figure checked agrees."));
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_margin_top (self->empty, 24);
  gtk_widget_set_margin_start (self->empty, 12);
  gtk_widget_set_margin_end (self->empty, 12);
  gtk_box_append (GTK_BOX (self->box), self->empty);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->list), TRUE);
  gtk_list_box_set_header_func (GTK_LIST_BOX (self->list), header_cb, NULL, NULL);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Findings"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
}

/**
 * bc_findings_panel_new:
 *
 * Returns: (transfer floating): an empty findings panel
 */
GtkWidget *
bc_findings_panel_new (BcEditSession *session)
{
  BcFindingsPanel *self = g_object_new (BC_TYPE_FINDINGS_PANEL, NULL);

  self->session = session;
  return GTK_WIDGET (self);
}

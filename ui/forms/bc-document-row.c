/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-document-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-choice-button.h"
#include "bc-document-row.h"
#include "bc-document-utils.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-list-tools.h"
#include "bc-report.h"

/* A directive document of a documents section: its type, number, date,
 * issuer and what it is about, and under them the sentence the report
 * prints from them. */
struct _BcDocumentRow
{
  GtkBox           parent_instance;

  /* template widgets */
  BcChoiceButton  *type;
  GtkLabel        *type_caption;
  GtkLabel        *number_caption;
  GtkEditable     *number;
  GtkLabel        *date_caption;
  GtkEditable     *date;
  GtkLabel        *issuer_caption;
  GtkEditable     *issuer;
  GtkTextView     *summary;
  GtkLabel        *sentence;
  BcListTools     *tools;

  /* owned */
  char            *item;
  char            *type_key;

  /* borrowed */
  BcEditSession   *session;
  const BcSection *section;
};

G_DEFINE_FINAL_TYPE (BcDocumentRow, bc_document_row, GTK_TYPE_BOX)

static const char * const document_types[] = {
  "Công văn", "Kế hoạch", "Quyết định", "Báo cáo", "Thông báo", "Chỉ thị",
  "Nghị quyết", "Hướng dẫn", "Tờ trình", "Văn bản", NULL
};

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BcDocumentRow         *self)
{
  return bc_list_tools_handle_key (self->tools, keyval, state);
}

static void
type_selected_cb (BcDocumentRow *self)
{
  guint selected = bc_choice_button_get_selected (self->type);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || selected >= G_N_ELEMENTS (document_types) - 1)
    return;
  if (!bc_edit_session_set (self->session, self->type_key, document_types[selected], &error))
    g_warning ("%s", error->message);
}

/* Any field of the document changed: the sentence follows. */
static void
value_changed_cb (BcReport      *report,
                  const char    *key,
                  BcDocumentRow *self)
{
  g_auto(BcKey) changed = BC_KEY_INIT;
  g_autofree char *sentence = NULL;

  if (bc_key_parse (&changed, key) != BC_KEY_ITEM_FIELD
      || !g_str_equal (changed.id, self->section->id) || !g_str_equal (changed.sub, self->item))
    return;
  sentence = bc_document_dup_sentence (report, self->section->id, self->item);
  gtk_label_set_text (self->sentence, sentence);
}

static void
show_type (BcDocumentRow *self,
           BcReport      *report)
{
  const char *current = bc_report_get (report, self->type_key);

  gtk_label_set_text (self->type_caption, bc_key_item_field_label ("type"));
  for (guint i = 0; document_types[i]; i++)
    if (g_str_equal (document_types[i], current))
      bc_choice_button_set_selected (self->type, i);
}

static void
bc_document_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_DOCUMENT_ROW);
  G_OBJECT_CLASS (bc_document_row_parent_class)->dispose (object);
}

static void
bc_document_row_finalize (GObject *object)
{
  BcDocumentRow *self = BC_DOCUMENT_ROW (object);

  g_free (self->item);
  g_free (self->type_key);
  G_OBJECT_CLASS (bc_document_row_parent_class)->finalize (object);
}

static void
bc_document_row_class_init (BcDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_document_row_dispose;
  object_class->finalize = bc_document_row_finalize;
  g_type_ensure (BC_TYPE_CHOICE_BUTTON);
  g_type_ensure (BC_TYPE_LIST_TOOLS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-document-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, type);
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, type_caption);
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, number_caption);
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, number);
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, date_caption);
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, date);
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, issuer_caption);
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, issuer);
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, summary);
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, sentence);
  gtk_widget_class_bind_template_child (widget_class, BcDocumentRow, tools);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
}

static void
bc_document_row_init (BcDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; document_types[i] != NULL; i++)
    bc_choice_button_append (self->type, document_types[i]);
}

/**
 * bc_document_row_new:
 * @index: its place in the section, from 0
 * @n: how many documents the section lists
 *
 * Returns: (transfer floating): the row editing document @item of @section
 */
GtkWidget *
bc_document_row_new (BcInputRegistry *inputs,
                     const BcSection *section,
                     const char      *item,
                     guint            index,
                     guint            n)
{
  BcDocumentRow *self = g_object_new (BC_TYPE_DOCUMENT_ROW, NULL);
  BcEditSession *session = bc_input_registry_get_session (inputs);
  BcReport *report = bc_edit_session_get_report (session);
  /* Translators: names a document of a list in messages, %u its place */
  g_autofree char *whose = g_strdup_printf (_("Document %u"), index + 1);
  g_autofree char *summary_key = bc_key_item_field (section->id, item, "summary");
  g_autofree char *sentence = bc_document_dup_sentence (report, section->id, item);

  self->section = section;
  self->item = g_strdup (item);
  self->type_key = bc_key_item_field (section->id, item, "type");
  show_type (self, report);
  /* Set after the type shown, so that showing it stores nothing. */
  self->session = session;
  bc_list_bind_entry (inputs, section->id, item, "number", whose, self->number_caption, self->number, BC_FIELD_TEXT);
  bc_list_bind_entry (inputs, section->id, item, "date", whose, self->date_caption, self->date, BC_FIELD_DATE);
  bc_list_bind_entry (inputs, section->id, item, "issuer", whose, self->issuer_caption, self->issuer, BC_FIELD_TEXT);
  bc_bind_text_view (self->summary, inputs, summary_key);
  gtk_label_set_text (self->sentence, sentence);
  g_signal_connect_object (report, "value-changed", G_CALLBACK (value_changed_cb), self, 0);
  bc_list_tools_set_item (self->tools, item, index, n);
  return GTK_WIDGET (self);
}

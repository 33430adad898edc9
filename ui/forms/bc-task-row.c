/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-task-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-list-tools.h"
#include "bc-task-row.h"

/* A task of a tasks section: what is to be done, who leads it, who
 * cooperates and by when. */
struct _BcTaskRow
{
  GtkBox       parent_instance;

  /* template widgets */
  GtkTextView *content;
  GtkLabel    *lead_caption;
  GtkEditable *lead;
  GtkLabel    *cooperating_caption;
  GtkEditable *cooperating;
  GtkLabel    *deadline_caption;
  GtkEditable *deadline;
  BcListTools *tools;
};

G_DEFINE_FINAL_TYPE (BcTaskRow, bc_task_row, GTK_TYPE_BOX)

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BcTaskRow             *self)
{
  return bc_list_tools_handle_key (self->tools, keyval, state);
}

static void
bc_task_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_TASK_ROW);
  G_OBJECT_CLASS (bc_task_row_parent_class)->dispose (object);
}

static void
bc_task_row_class_init (BcTaskRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_task_row_dispose;
  g_type_ensure (BC_TYPE_LIST_TOOLS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcTaskRow, content);
  gtk_widget_class_bind_template_child (widget_class, BcTaskRow, lead_caption);
  gtk_widget_class_bind_template_child (widget_class, BcTaskRow, lead);
  gtk_widget_class_bind_template_child (widget_class, BcTaskRow, cooperating_caption);
  gtk_widget_class_bind_template_child (widget_class, BcTaskRow, cooperating);
  gtk_widget_class_bind_template_child (widget_class, BcTaskRow, deadline_caption);
  gtk_widget_class_bind_template_child (widget_class, BcTaskRow, deadline);
  gtk_widget_class_bind_template_child (widget_class, BcTaskRow, tools);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
}

static void
bc_task_row_init (BcTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_task_row_new:
 * @index: its place in the section, from 0
 * @n: how many tasks the section has
 *
 * Returns: (transfer floating): the row editing task @item of @section
 */
GtkWidget *
bc_task_row_new (BcInputRegistry *inputs,
                 const BcSection *section,
                 const char      *item,
                 guint            index,
                 guint            n)
{
  BcTaskRow *self = g_object_new (BC_TYPE_TASK_ROW, NULL);
  /* Translators: names a task of a list in messages, %u its place */
  g_autofree char *whose = g_strdup_printf (_("Task %u"), index + 1);
  g_autofree char *content_key = bc_key_item_field (section->id, item, "content");

  bc_bind_text_view (self->content, inputs, content_key);
  bc_list_bind_entry (inputs, section->id, item, "lead", whose, self->lead_caption, self->lead, BC_FIELD_TEXT);
  bc_list_bind_entry (inputs, section->id, item, "cooperating", whose, self->cooperating_caption,
                      self->cooperating, BC_FIELD_TEXT);
  bc_list_bind_entry (inputs, section->id, item, "deadline", whose, self->deadline_caption, self->deadline,
                      BC_FIELD_TEXT);
  bc_list_tools_set_item (self->tools, item, index, n);
  return GTK_WIDGET (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-override-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-override-dialog.h"

/* Typing over a value consolidated from the units' reports: the value
 * and the units' parts of it, the new value, and the reason the reviewer
 * will read (required: Type Over stays off without one). */
struct _BcOverrideDialog
{
  AdwMessageDialog  parent_instance;

  /* template widgets */
  AdwEntryRow      *value_row;
  AdwEntryRow      *reason_row;

  /* owned */
  char             *key;
};

G_DEFINE_FINAL_TYPE (BcOverrideDialog, bc_override_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
changed_cb (BcOverrideDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "override", *reason != '\0');
}

static void
bc_override_dialog_dispose (GObject *object)
{
  g_clear_pointer (&BC_OVERRIDE_DIALOG (object)->key, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_OVERRIDE_DIALOG);
  G_OBJECT_CLASS (bc_override_dialog_parent_class)->dispose (object);
}

static void
bc_override_dialog_class_init (BcOverrideDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_override_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-override-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BcOverrideDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, BcOverrideDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
bc_override_dialog_init (BcOverrideDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_override_dialog_new:
 * @key: the value's key
 * @label: the value's label ("Phụ lục II, dòng 1, Tổng số hồ sơ")
 * @parts: each unit's part of it, as its tooltip says them
 * @value: the value now
 *
 * Returns: (transfer floating): the dialog, not shown
 */
BcOverrideDialog *
bc_override_dialog_new (GtkWindow  *parent,
                        const char *key,
                        const char *label,
                        const char *parts,
                        const char *value)
{
  BcOverrideDialog *self = g_object_new (BC_TYPE_OVERRIDE_DIALOG, "transient-for", parent, NULL);
  g_autofree char *body = g_strdup_printf ("%s\n%s", label, parts);

  self->key = g_strdup (key);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  return self;
}

void
bc_override_dialog_set_values (BcOverrideDialog *self,
                               const char       *value,
                               const char       *reason)
{
  g_return_if_fail (BC_IS_OVERRIDE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason);
}

const char *
bc_override_dialog_get_key (BcOverrideDialog *self)
{
  g_return_val_if_fail (BC_IS_OVERRIDE_DIALOG (self), NULL);
  return self->key;
}

const char *
bc_override_dialog_get_value (BcOverrideDialog *self)
{
  g_return_val_if_fail (BC_IS_OVERRIDE_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->value_row));
}

const char *
bc_override_dialog_get_reason (BcOverrideDialog *self)
{
  g_return_val_if_fail (BC_IS_OVERRIDE_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-finding-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-finding-row.h"
#include "bc-form-utils.h"

/* One finding of the findings panel's model, with the heading of the part
 * of the report it is in. A later check that finds the same thing again
 * replaces its finding here (it may be explained now): the row follows,
 * and keeps its entry and its focus. */
struct _BcFindingItem
{
  GObject    parent_instance;

  BcFinding *finding;
  char      *part;
};

G_DEFINE_FINAL_TYPE (BcFindingItem, bc_finding_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_FINDING,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

static void
bc_finding_item_finalize (GObject *object)
{
  BcFindingItem *self = BC_FINDING_ITEM (object);

  g_clear_object (&self->finding);
  g_free (self->part);
  G_OBJECT_CLASS (bc_finding_item_parent_class)->finalize (object);
}

static void
bc_finding_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BcFindingItem *self = BC_FINDING_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_FINDING:
      g_value_set_object (value, self->finding);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_finding_item_class_init (BcFindingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bc_finding_item_finalize;
  object_class->get_property = bc_finding_item_get_property;
  item_properties[ITEM_PROP_FINDING] =
    g_param_spec_object ("finding", NULL, NULL, BC_TYPE_FINDING,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
bc_finding_item_init (BcFindingItem *self)
{
}

BcFindingItem *
bc_finding_item_new (BcFinding  *finding,
                     const char *part)
{
  BcFindingItem *self = g_object_new (BC_TYPE_FINDING_ITEM, NULL);

  self->finding = g_object_ref (finding);
  self->part = g_strdup (part);
  return self;
}

BcFinding *
bc_finding_item_get_finding (BcFindingItem *self)
{
  g_return_val_if_fail (BC_IS_FINDING_ITEM (self), NULL);
  return self->finding;
}

/**
 * bc_finding_item_set_finding:
 *
 * Replaces the finding by the same one from a later check.
 */
void
bc_finding_item_set_finding (BcFindingItem *self,
                             BcFinding     *finding)
{
  g_return_if_fail (BC_IS_FINDING_ITEM (self));
  g_return_if_fail (BC_IS_FINDING (finding));

  if (g_set_object (&self->finding, finding))
    g_object_notify_by_pspec (G_OBJECT (self), item_properties[ITEM_PROP_FINDING]);
}

const char *
bc_finding_item_get_part (BcFindingItem *self)
{
  g_return_val_if_fail (BC_IS_FINDING_ITEM (self), NULL);
  return self->part;
}

/* Its row: the icon says how serious, or that it was explained; the
 * entry under "Explain…" stores why. */
struct _BcFindingRow
{
  GtkListBoxRow  parent_instance;

  /* template widgets */
  GtkImage      *icon;
  GtkLabel      *message;
  GtkExpander   *expander;
  GtkEntry      *entry;

  /* owned */
  BcFindingItem *item;
};

G_DEFINE_FINAL_TYPE (BcFindingRow, bc_finding_row, GTK_TYPE_LIST_BOX_ROW)

static void
set_class (GtkWidget  *widget,
           const char *css_class)
{
  static const char * const classes[] = { "dim-label", "error", "warning" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], css_class) != 0)
      gtk_widget_remove_css_class (widget, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}

static void
update (BcFindingRow *self)
{
  BcFinding *finding = self->item->finding;
  gboolean error = bc_finding_get_severity (finding) == BC_SEVERITY_ERROR;
  gboolean explained = bc_finding_get_explained (finding);

  gtk_image_set_from_icon_name (self->icon, explained ? "emblem-ok-symbolic"
                                : error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  set_class (GTK_WIDGET (self->icon), explained ? "dim-label" : error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  explained ? _("Explained") : error ? _("Error") : _("Warning"), -1);
  gtk_label_set_text (self->message, bc_finding_get_message (finding));
  set_class (GTK_WIDGET (self->message), explained ? "dim-label" : NULL);
}

static void
bc_finding_row_dispose (GObject *object)
{
  BcFindingRow *self = BC_FINDING_ROW (object);

  /* The row unparents its child, the template's only widget. */
  g_clear_object (&self->item);
  G_OBJECT_CLASS (bc_finding_row_parent_class)->dispose (object);
}

static void
bc_finding_row_class_init (BcFindingRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_finding_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BcFindingRow, icon);
  gtk_widget_class_bind_template_child (widget_class, BcFindingRow, message);
  gtk_widget_class_bind_template_child (widget_class, BcFindingRow, expander);
  gtk_widget_class_bind_template_child (widget_class, BcFindingRow, entry);
}

static void
bc_finding_row_init (BcFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_finding_row_new:
 * @inputs: the report page's inputs, which the explanation joins
 *
 * Returns: (transfer floating): the row showing @item, following it
 */
GtkWidget *
bc_finding_row_new (BcInputRegistry *inputs,
                    BcFindingItem   *item)
{
  BcFindingRow *self = g_object_new (BC_TYPE_FINDING_ROW, NULL);
  g_autofree char *key = bc_finding_dup_explanation_key (item->finding);
  gboolean explained = bc_finding_get_explained (item->finding);

  self->item = g_object_ref (item);
  gtk_expander_set_label (self->expander, explained ? _("Explained") : _("Explain…"));
  gtk_expander_set_expanded (self->expander, explained);
  if (key != NULL)
    bc_bind_editable (GTK_EDITABLE (self->entry), inputs, key, BC_FIELD_TEXT);
  update (self);
  g_signal_connect_object (item, "notify::finding", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

BcFindingItem *
bc_finding_row_get_item (BcFindingRow *self)
{
  g_return_val_if_fail (BC_IS_FINDING_ROW (self), NULL);
  return self->item;
}

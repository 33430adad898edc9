/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-minimum-width-bin"

#include "config.h"

#include "bc-minimum-width-bin.h"

/* Lays its child out at the child's minimum width, whatever width it is
 * given, and asks for no more. The table editor's header, body and totals
 * are three grids in three viewports: a grid given more than its minimum
 * hands the extra to the columns whose cells would like more (an entry
 * would like 150 px), so the three would each share it out their own
 * way. At their minimum, their columns are the widths the editor sets. */

struct _BcMinimumWidthBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

G_DEFINE_FINAL_TYPE (BcMinimumWidthBin, bc_minimum_width_bin, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
child_width (BcMinimumWidthBin *self)
{
  int width = 0;

  gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
  return width;
}

static void
bc_minimum_width_bin_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  BcMinimumWidthBin *self = BC_MINIMUM_WIDTH_BIN (widget);
  int width;

  *minimum = *natural = 0;
  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;
  width = child_width (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = width;
      return;
    }
  /* The child's height at the only width it will have. */
  gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, width, minimum, natural, NULL, NULL);
}

static void
bc_minimum_width_bin_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  BcMinimumWidthBin *self = BC_MINIMUM_WIDTH_BIN (widget);

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_allocate (self->child, child_width (self), height, -1, NULL);
}

static void
bc_minimum_width_bin_dispose (GObject *object)
{
  BcMinimumWidthBin *self = BC_MINIMUM_WIDTH_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (bc_minimum_width_bin_parent_class)->dispose (object);
}

static void
bc_minimum_width_bin_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BcMinimumWidthBin *self = BC_MINIMUM_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_minimum_width_bin_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BcMinimumWidthBin *self = BC_MINIMUM_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      bc_minimum_width_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_minimum_width_bin_class_init (BcMinimumWidthBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_minimum_width_bin_dispose;
  object_class->get_property = bc_minimum_width_bin_get_property;
  object_class->set_property = bc_minimum_width_bin_set_property;
  widget_class->measure = bc_minimum_width_bin_measure;
  widget_class->size_allocate = bc_minimum_width_bin_size_allocate;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_minimum_width_bin_init (BcMinimumWidthBin *self)
{
}

GtkWidget *
bc_minimum_width_bin_new (void)
{
  return g_object_new (BC_TYPE_MINIMUM_WIDTH_BIN, NULL);
}

/**
 * bc_minimum_width_bin_get_child:
 *
 * Returns: (transfer none) (nullable): the child
 */
GtkWidget *
bc_minimum_width_bin_get_child (BcMinimumWidthBin *self)
{
  g_return_val_if_fail (BC_IS_MINIMUM_WIDTH_BIN (self), NULL);
  return self->child;
}

void
bc_minimum_width_bin_set_child (BcMinimumWidthBin *self,
                                GtkWidget         *child)
{
  g_return_if_fail (BC_IS_MINIMUM_WIDTH_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

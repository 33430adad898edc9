/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-part-heading"

#include "config.h"

#include "bc-part-heading.h"

/* Above the rows of a side panel (findings, changes, comments) that are
 * in one part of the report: the part's name. With a target (a value
 * key), it is a button that asks for that part to be shown. */
struct _BcPartHeading
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkLabel  *label;
  GtkWidget *button;
  GtkLabel  *button_label;

  /* owned */
  char      *title;
  char      *target;
};

G_DEFINE_FINAL_TYPE (BcPartHeading, bc_part_heading, GTK_TYPE_WIDGET)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clicked_cb (BcPartHeading *self)
{
  g_signal_emit (self, signals[ACTIVATED], 0, self->target);
}

static void
bc_part_heading_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_PART_HEADING);
  G_OBJECT_CLASS (bc_part_heading_parent_class)->dispose (object);
}

static void
bc_part_heading_finalize (GObject *object)
{
  BcPartHeading *self = BC_PART_HEADING (object);

  g_free (self->title);
  g_free (self->target);
  G_OBJECT_CLASS (bc_part_heading_parent_class)->finalize (object);
}

static void
bc_part_heading_class_init (BcPartHeadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_part_heading_dispose;
  object_class->finalize = bc_part_heading_finalize;

  /**
   * BcPartHeading::activated:
   * @target: the value key the heading is about
   *
   * The heading's button was clicked.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-part-heading.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPartHeading, label);
  gtk_widget_class_bind_template_child (widget_class, BcPartHeading, button);
  gtk_widget_class_bind_template_child (widget_class, BcPartHeading, button_label);
  gtk_widget_class_bind_template_callback (widget_class, clicked_cb);
}

static void
bc_part_heading_init (BcPartHeading *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_part_heading_new:
 * @title: the part's name
 * @target: (nullable): the value key the heading shows when clicked;
 *   %NULL: the heading is only a label
 *
 * Returns: (transfer floating): a heading
 */
GtkWidget *
bc_part_heading_new (const char *title,
                     const char *target)
{
  BcPartHeading *self = g_object_new (BC_TYPE_PART_HEADING, NULL);

  self->title = g_strdup (title);
  self->target = g_strdup (target);
  gtk_label_set_text (target ? self->button_label : self->label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->label), target == NULL);
  gtk_widget_set_visible (self->button, target != NULL);
  return GTK_WIDGET (self);
}

const char *
bc_part_heading_get_title (BcPartHeading *self)
{
  g_return_val_if_fail (BC_IS_PART_HEADING (self), NULL);
  return self->title;
}

/**
 * bc_part_heading_get_target:
 *
 * Returns: (nullable): what the heading shows when clicked
 */
const char *
bc_part_heading_get_target (BcPartHeading *self)
{
  g_return_val_if_fail (BC_IS_PART_HEADING (self), NULL);
  return self->target;
}

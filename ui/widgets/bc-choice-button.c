/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-choice-button"

#include "config.h"

#include "bc-choice-button.h"

/* A button that shows one of a few strings and opens a list of them: what
 * GtkDropDown does, made for forms that hold dozens of them. A drop-down
 * builds its popover, list view and search entry as soon as it is made;
 * this builds its list the first time it is opened, so a table of thirty
 * rows opens as fast as one of thirty labels. */

struct _BcChoiceButton
{
  GtkWidget  parent_instance;

  GPtrArray *strings;
  guint      selected;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *popover;
  GtkWidget *list;
};

G_DEFINE_FINAL_TYPE (BcChoiceButton, bc_choice_button, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

enum
{
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_list (BcChoiceButton *self)
{
  GtkListBoxRow *row;

  if (self->list == NULL)
    return;
  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), i)) != NULL; i++)
    {
      /* The check mark is last in the row, after the label. */
      GtkWidget *check = gtk_widget_get_last_child (gtk_list_box_row_get_child (row));
      gtk_widget_set_opacity (check, (guint) i == self->selected ? 1 : 0);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED,
                                   (guint) i == self->selected, -1);
    }
}

static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  BcChoiceButton *self)
{
  bc_choice_button_set_selected (self, (guint) gtk_list_box_row_get_index (row));
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
popover_closed_cb (BcChoiceButton *self)
{
  gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static GtkWidget *
list_row_new (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
ensure_popover (BcChoiceButton *self)
{
  if (self->popover != NULL)
    return;
  self->popover = gtk_popover_new ();
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "bc-choice-list");
  for (guint i = 0; i < self->strings->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), list_row_new (self->strings->pdata[i]));
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->list);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);
  update_list (self);
}

/**
 * bc_choice_button_popup:
 *
 * Opens the list of choices, the one selected under the keyboard.
 */
void
bc_choice_button_popup (BcChoiceButton *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (BC_IS_CHOICE_BUTTON (self));
  ensure_popover (self);
  gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_CHECKED, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, TRUE, -1);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), (int) self->selected);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             BcChoiceButton  *self)
{
  if (gtk_widget_contains (GTK_WIDGET (self), x, y))
    bc_choice_button_popup (self);
}

static void
bc_choice_button_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  BcChoiceButton *self = BC_CHOICE_BUTTON (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
bc_choice_button_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  BcChoiceButton *self = BC_CHOICE_BUTTON (widget);

  gtk_widget_size_allocate (self->box, &(GtkAllocation) { 0, 0, width, height }, baseline);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
bc_choice_button_dispose (GObject *object)
{
  BcChoiceButton *self = BC_CHOICE_BUTTON (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  self->list = NULL;
  self->label = NULL;

  G_OBJECT_CLASS (bc_choice_button_parent_class)->dispose (object);
}

static void
bc_choice_button_finalize (GObject *object)
{
  BcChoiceButton *self = BC_CHOICE_BUTTON (object);

  g_ptr_array_unref (self->strings);

  G_OBJECT_CLASS (bc_choice_button_parent_class)->finalize (object);
}

static void
bc_choice_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BcChoiceButton *self = BC_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_choice_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BcChoiceButton *self = BC_CHOICE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      bc_choice_button_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_choice_button_class_init (BcChoiceButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_choice_button_dispose;
  object_class->finalize = bc_choice_button_finalize;
  object_class->get_property = bc_choice_button_get_property;
  object_class->set_property = bc_choice_button_set_property;
  widget_class->measure = bc_choice_button_measure;
  widget_class->size_allocate = bc_choice_button_size_allocate;

  /**
   * BcChoiceButton:selected:
   *
   * The position of the string shown.
   */
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BcChoiceButton::activate:
   *
   * Opens the list: Enter, Space, a mnemonic.
   */
  signals[ACTIVATE] =
    g_signal_new_class_handler ("activate", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_FIRST | G_SIGNAL_ACTION,
                                G_CALLBACK (bc_choice_button_popup),
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_ISO_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Space, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "button");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
}

static void
bc_choice_button_init (BcChoiceButton *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");

  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->label);
  gtk_box_append (GTK_BOX (self->box), arrow);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "bc-choice");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/**
 * bc_choice_button_new:
 * @strings: (array zero-terminated=1) (nullable): the choices
 *
 * Returns: (transfer floating): a button showing the first of @strings
 */
GtkWidget *
bc_choice_button_new (const char * const *strings)
{
  BcChoiceButton *self = g_object_new (BC_TYPE_CHOICE_BUTTON, NULL);

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    g_ptr_array_add (self->strings, g_strdup (strings[i]));
  if (self->strings->len > 0)
    gtk_label_set_text (GTK_LABEL (self->label), self->strings->pdata[0]);
  return GTK_WIDGET (self);
}

/**
 * bc_choice_button_append:
 *
 * Adds @string at the end of the choices.
 */
void
bc_choice_button_append (BcChoiceButton *self,
                         const char     *string)
{
  g_return_if_fail (BC_IS_CHOICE_BUTTON (self));
  g_return_if_fail (string != NULL);

  g_ptr_array_add (self->strings, g_strdup (string));
  if (self->list != NULL)
    gtk_list_box_append (GTK_LIST_BOX (self->list), list_row_new (string));
  if (self->strings->len == 1)
    gtk_label_set_text (GTK_LABEL (self->label), string);
  update_list (self);
}

guint
bc_choice_button_get_n_items (BcChoiceButton *self)
{
  g_return_val_if_fail (BC_IS_CHOICE_BUTTON (self), 0);
  return self->strings->len;
}

/**
 * bc_choice_button_get_string:
 *
 * Returns: (nullable): the choice at @position
 */
const char *
bc_choice_button_get_string (BcChoiceButton *self,
                             guint           position)
{
  g_return_val_if_fail (BC_IS_CHOICE_BUTTON (self), NULL);
  return position < self->strings->len ? self->strings->pdata[position] : NULL;
}

guint
bc_choice_button_get_selected (BcChoiceButton *self)
{
  g_return_val_if_fail (BC_IS_CHOICE_BUTTON (self), 0);
  return self->selected;
}

/**
 * bc_choice_button_set_selected:
 *
 * Shows the choice at @position; a position past the end is ignored.
 */
void
bc_choice_button_set_selected (BcChoiceButton *self,
                               guint           position)
{
  g_return_if_fail (BC_IS_CHOICE_BUTTON (self));

  if (position >= self->strings->len || position == self->selected)
    return;
  self->selected = position;
  gtk_label_set_text (GTK_LABEL (self->label), self->strings->pdata[position]);
  update_list (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

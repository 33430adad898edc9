/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-cut-mark"

#include "config.h"

#include "bc-cut-mark.h"
#include "bc-ui-utils.h"

/* GtkText scrolls a long text instead of ending it with "…": a value
 * wider than its row is cut at the row's edge and looks whole. This mark
 * stands right after the text: it shows "…" while the text is cut and the
 * row is not being edited, and the text's tooltip then holds all of it.
 * It always takes its width, so that showing it lays nothing out again. */
struct _BcCutMark
{
  GtkWidget  parent_instance;

  GtkWidget *label;   /* owned */
  GtkWidget *text;    /* borrowed: the row's GtkText, which outlives us */
};

G_DEFINE_FINAL_TYPE (BcCutMark, bc_cut_mark, GTK_TYPE_WIDGET)

static gboolean
text_is_cut (BcCutMark *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text));
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (*text == '\0' || gtk_widget_has_focus (self->text) || !gtk_widget_get_mapped (self->text))
    return FALSE;
  layout = gtk_widget_create_pango_layout (self->text, text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width > gtk_widget_get_width (self->text);
}

static void
update (BcCutMark *self)
{
  gboolean cut = self->text != NULL && text_is_cut (self);

  gtk_widget_set_opacity (self->label, cut ? 1.0 : 0.0);
  if (self->text != NULL)
    bc_ui_set_tooltip (self->text, cut ? gtk_editable_get_text (GTK_EDITABLE (self->text)) : NULL);
}

static void
bc_cut_mark_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  gtk_widget_measure (BC_CUT_MARK (widget)->label, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* The text is allocated before us: a new width is seen here. */
static void
bc_cut_mark_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  BcCutMark *self = BC_CUT_MARK (widget);

  gtk_widget_allocate (self->label, width, height, baseline, NULL);
  update (self);
}

static void
bc_cut_mark_dispose (GObject *object)
{
  BcCutMark *self = BC_CUT_MARK (object);

  if (self->text != NULL)
    g_signal_handlers_disconnect_by_data (self->text, self);
  self->text = NULL;
  g_clear_pointer (&self->label, gtk_widget_unparent);
  G_OBJECT_CLASS (bc_cut_mark_parent_class)->dispose (object);
}

static void
bc_cut_mark_class_init (BcCutMarkClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_cut_mark_dispose;
  /* No layout manager: GTK would not call size_allocate. */
  widget_class->measure = bc_cut_mark_measure;
  widget_class->size_allocate = bc_cut_mark_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "cutmark");
}

static void
bc_cut_mark_init (BcCutMark *self)
{
  self->label = gtk_label_new ("…");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_opacity (self->label, 0.0);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_BASELINE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  /* The text's tooltip says it all: a screen reader reads the text. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

static void
text_changed_cb (BcCutMark *self)
{
  update (self);
}

/**
 * bc_entry_row_mark_cut:
 *
 * Ends @row's text with "…" while it is cut at the row's edge, and puts
 * the whole text in its tooltip.
 */
void
bc_entry_row_mark_cut (AdwEntryRow *row)
{
  BcCutMark *self;
  GtkWidget *area, *box;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  self = g_object_new (BC_TYPE_CUT_MARK, NULL);
  self->text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (row)));
  g_signal_connect_swapped (self->text, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->text, "notify::has-focus", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->text, "map", G_CALLBACK (text_changed_cb), self);
  /* Right after the text, before the row's edit icon and suffixes. */
  area = gtk_widget_get_parent (self->text);
  box = area != NULL ? gtk_widget_get_parent (area) : NULL;
  if (GTK_IS_BOX (box))
    gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (self), area);
  else
    adw_entry_row_add_suffix (row, GTK_WIDGET (self));
}

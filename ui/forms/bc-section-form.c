/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-section-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-figures-form.h"
#include "bc-followup-form.h"
#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-list-form.h"
#include "bc-section-form.h"
#include "bc-section-head.h"

/* The page of one section: its heading as the report prints it, the
 * template's guidance, and the inputs its kind calls for. */
struct _BcSectionForm
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkWidget   *scrolled;
  GtkBox      *box;
  GtkLabel    *hint;
  GtkLabel    *origin;
  GtkWidget   *figures_heading;
  GtkWidget   *paragraphs_heading;
  GtkWidget   *before;
  GtkTextView *before_text;
  GtkWidget   *after;
  GtkTextView *after_text;
};

G_DEFINE_FINAL_TYPE (BcSectionForm, bc_section_form, GTK_TYPE_WIDGET)

/* The free paragraphs before or after a list (seed 000 §1's "Ngày
 * 22/5/2024, Ban Chỉ đạo …"). */
static void
show_paragraphs (BcSectionForm   *self,
                 BcInputRegistry *inputs,
                 const BcSection *section)
{
  g_autofree char *before = bc_key_section_part (section->id, "before");
  g_autofree char *after = bc_key_section_part (section->id, "after");

  gtk_widget_set_visible (self->before, TRUE);
  gtk_widget_set_visible (self->after, TRUE);
  bc_bind_text_view (self->before_text, inputs, before);
  bc_bind_text_view (self->after_text, inputs, after);
}

/* A list taken from the monthly reports says from which. */
static void
show_origin (BcSectionForm   *self,
             BcEditSession   *session,
             const BcSection *section)
{
  g_autofree char *key = bc_key_section (section->id);
  const char *origin = bc_edit_session_get_origin (session, key);
  g_autofree char *text = NULL;

  if (origin == NULL)
    return;
  text = g_strdup_printf (_("From the monthly reports: %s"), origin);
  gtk_label_set_text (self->origin, text);
  gtk_widget_set_visible (GTK_WIDGET (self->origin), TRUE);
}

static void
bc_section_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_SECTION_FORM);
  G_OBJECT_CLASS (bc_section_form_parent_class)->dispose (object);
}

static void
bc_section_form_class_init (BcSectionFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_section_form_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-section-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BcSectionForm, scrolled);
  gtk_widget_class_bind_template_child (widget_class, BcSectionForm, box);
  gtk_widget_class_bind_template_child (widget_class, BcSectionForm, hint);
  gtk_widget_class_bind_template_child (widget_class, BcSectionForm, origin);
  gtk_widget_class_bind_template_child (widget_class, BcSectionForm, figures_heading);
  gtk_widget_class_bind_template_child (widget_class, BcSectionForm, paragraphs_heading);
  gtk_widget_class_bind_template_child (widget_class, BcSectionForm, before);
  gtk_widget_class_bind_template_child (widget_class, BcSectionForm, before_text);
  gtk_widget_class_bind_template_child (widget_class, BcSectionForm, after);
  gtk_widget_class_bind_template_child (widget_class, BcSectionForm, after_text);
}

static void
bc_section_form_init (BcSectionForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_section_form_new:
 * @previous: (nullable): last period's report
 * @store: (nullable): the library the report is in, for the figures'
 *   history
 *
 * Returns: (transfer floating): a scrolled page editing @section
 */
GtkWidget *
bc_section_form_new (BcInputRegistry *inputs,
                     const BcSection *section,
                     BcReport        *previous,
                     BcStore         *store)
{
  BcSectionForm *self = g_object_new (BC_TYPE_SECTION_FORM, NULL);
  BcEditSession *session = bc_input_registry_get_session (inputs);
  GtkWidget *list;

  gtk_box_prepend (self->box, bc_section_head_new (inputs, section));
  if (section->hint != NULL)
    {
      gtk_label_set_text (self->hint, section->hint);
      gtk_widget_set_visible (GTK_WIDGET (self->hint), TRUE);
    }
  show_origin (self, session, section);
  if (section->kind == BC_SECTION_FIGURES)
    {
      gtk_widget_set_visible (self->figures_heading, TRUE);
      gtk_widget_set_visible (self->paragraphs_heading, TRUE);
      gtk_box_insert_child_after (self->box, bc_figures_form_new (inputs, section, previous, store),
                                  self->figures_heading);
    }
  if (section->kind == BC_SECTION_DOCUMENTS || section->kind == BC_SECTION_TASKS)
    show_paragraphs (self, inputs, section);
  /* A follow-up's tasks come from the plan: set where each stands, never
   * added or removed. */
  if (section->kind == BC_SECTION_FOLLOWUP)
    list = bc_followup_form_new (inputs, section, store);
  else
    list = bc_list_form_new (inputs, section);
  gtk_box_insert_child_after (self->box, list, self->before);
  return GTK_WIDGET (self);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * bc_section_form_get_part:
 *
 * Returns: (transfer none) (nullable): the first widget of @type in @form
 */
GtkWidget *
bc_section_form_get_part (GtkWidget *form,
                          GType      type)
{
  return find_type (form, type);
}

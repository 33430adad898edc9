/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-section-form"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-figures-form.h"
#include "bc-list-form.h"
#include "bc-section-form.h"

/* The page of one section: its heading as the report prints it, the
 * template's guidance, and the inputs its kind calls for. */

static GtkWidget *
label_new (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/**
 * bc_section_form_new:
 * @previous: (nullable): last period's report
 *
 * Returns: (transfer floating): a scrolled page editing @section
 */
GtkWidget *
bc_section_form_new (BcEditSession   *session,
                     const BcSection *section,
                     BcReport        *previous)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *heading = g_strdup_printf ("%s%s%s", section->number, *section->number ? " " : "",
                                              section->title);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), label_new (heading, "title-2"));
  if (section->hint != NULL)
    gtk_box_append (GTK_BOX (box), label_new (section->hint, "dim-label"));
  if (section->intro != NULL)
    {
      GtkWidget *intro = label_new (section->intro, NULL);
      gtk_widget_add_css_class (intro, "bc-intro");
      gtk_widget_set_tooltip_text (intro, _("Printed before the list"));
      gtk_box_append (GTK_BOX (box), intro);
    }
  if (section->kind == BC_SECTION_FIGURES)
    {
      GtkWidget *paragraphs = label_new (_("Paragraphs"), "heading");

      gtk_box_append (GTK_BOX (box), label_new (_("Key Figures"), "heading"));
      gtk_box_append (GTK_BOX (box), bc_figures_form_new (session, section, previous));
      gtk_widget_set_margin_top (paragraphs, 12);
      gtk_box_append (GTK_BOX (box), paragraphs);
    }
  gtk_box_append (GTK_BOX (box), bc_list_form_new (session, section));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
}

static GtkWidget *
find_type (GtkWidget *widget, GType type)
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

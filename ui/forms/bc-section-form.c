/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-section-form"

#include "config.h"

#include <adwaita.h>
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

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The free paragraphs before or after a list (seed 000 §1's "Ngày
 * 22/5/2024, Ban Chỉ đạo …"). */
static GtkWidget *
paragraphs_new (BcEditSession   *session,
                const BcSection *section,
                const char      *part,
                const char      *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = label_new (title, "caption");
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = bc_text_view_new (title, 2);
  g_autofree char *key = bc_key_section_part (section->id, part);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  bc_bind_text_view (GTK_TEXT_VIEW (view), session, key);
  return box;
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
bc_section_form_new (BcEditSession   *session,
                     const BcSection *section,
                     BcReport        *previous,
                     BcStore         *store)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *origin_key = NULL;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), bc_section_head_new (session, section));
  if (section->hint != NULL)
    gtk_box_append (GTK_BOX (box), label_new (section->hint, "dim-label"));
  origin_key = bc_key_section (section->id);
  /* A list taken from the monthly reports says from which. */
  if (bc_edit_session_get_origin (session, origin_key) != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("From the monthly reports: %s"),
                                               bc_edit_session_get_origin (session, origin_key));
      GtkWidget *origin = label_new (text, "dim-label");

      gtk_widget_add_css_class (origin, "caption");
      gtk_widget_set_name (origin, "rollup-origin");
      gtk_box_append (GTK_BOX (box), origin);
    }
  if (section->kind == BC_SECTION_FIGURES)
    {
      GtkWidget *paragraphs = label_new (_("Paragraphs"), "heading");

      gtk_box_append (GTK_BOX (box), label_new (_("Key Figures"), "heading"));
      gtk_box_append (GTK_BOX (box), bc_figures_form_new (session, section, previous, store));
      gtk_widget_set_margin_top (paragraphs, 12);
      gtk_box_append (GTK_BOX (box), paragraphs);
    }
  if (section->kind == BC_SECTION_DOCUMENTS || section->kind == BC_SECTION_TASKS)
    gtk_box_append (GTK_BOX (box), paragraphs_new (session, section, "before",
                                                   _("Paragraphs before the intro and the list, one per line")));
  /* A follow-up's tasks come from the plan: set where each stands, never
   * added or removed. */
  if (section->kind == BC_SECTION_FOLLOWUP)
    gtk_box_append (GTK_BOX (box), bc_followup_form_new (session, section, store));
  else
    gtk_box_append (GTK_BOX (box), bc_list_form_new (session, section));
  if (section->kind == BC_SECTION_DOCUMENTS || section->kind == BC_SECTION_TASKS)
    gtk_box_append (GTK_BOX (box), paragraphs_new (session, section, "after",
                                                   _("Paragraphs after the list, one per line")));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  return scrolled;
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-section-head"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bc-form-utils.h"
#include "bc-keys.h"
#include "bc-report.h"
#include "bc-section-head.h"

/* The top of a section's page: its heading and intro as the report
 * prints them, each edited by clicking it and put back to the template's
 * text with a button, and whether the section is in this report at all.
 * An absent value is the template's text: typing the template's text
 * again removes the value, and emptying a text stores a space (the
 * clerk's empty text; the store keeps no empty value). */
struct _BcSectionHead
{
  GtkBox           parent_instance;

  /* borrowed */
  BcInputRegistry *inputs;
  BcEditSession   *session;
  const BcSection *section;

  /* template widgets */
  GtkStack        *heading_stack;
  GtkLabel        *heading_label;
  GtkEntry        *number_entry;
  GtkEntry        *title_entry;
  GtkWidget       *heading_reset;
  GtkStack        *intro_stack;
  GtkLabel        *intro_label;
  GtkTextView     *intro_view;
  GtkWidget       *intro_reset;
  GtkSwitch       *omit_switch;
  GtkWidget       *omitted_label;

  gboolean         storing;     /* our own edit: the inputs already show it */
  gboolean         refreshing;  /* the inputs take the report's text: no edit */
};

G_DEFINE_FINAL_TYPE (BcSectionHead, bc_section_head, GTK_TYPE_BOX)

static BcReport *
report (BcSectionHead *self)
{
  return bc_edit_session_get_report (self->session);
}

static char *
part_key (BcSectionHead *self,
          const char    *part)
{
  return bc_key_section_part (self->section->id, part);
}

static void
store (BcSectionHead *self,
       const char    *part,
       const char    *typed,
       GtkWidget     *input)
{
  g_autofree char *key = part_key (self, part);
  g_autofree char *fallback = bc_report_dup_section_default (report (self), self->section, part);
  g_autofree char *text = g_strstrip (g_strdup (typed));
  g_autoptr(GError) error = NULL;
  const char *value = text;

  if (g_str_equal (text, fallback))
    value = NULL;
  else if (*text == '\0')
    value = " ";
  self->storing = TRUE;
  if (!bc_edit_session_set (self->session, key, value, &error))
    bc_show_field_error (input, self->inputs, error->message);
  self->storing = FALSE;
}

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
refresh_inputs (BcSectionHead *self)
{
  g_autofree char *number = bc_report_dup_section_text (report (self), self->section, "number");
  g_autofree char *title = bc_report_dup_section_text (report (self), self->section, "title");
  g_autofree char *intro = bc_report_dup_section_text (report (self), self->section, "intro");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->intro_view);
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  self->refreshing = TRUE;
  set_entry_text (self->number_entry, number);
  set_entry_text (self->title_entry, title);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (g_strstrip (shown), intro) != 0)
    gtk_text_buffer_set_text (buffer, intro, -1);
  self->refreshing = FALSE;
}

static void
refresh (BcSectionHead *self)
{
  BcReport *r = report (self);
  g_autofree char *heading = bc_report_dup_section_heading (r, self->section);
  g_autofree char *intro = bc_report_dup_section_text (r, self->section, "intro");
  gboolean omitted = bc_report_section_is_omitted (r, self->section);
  g_autofree char *omit_key = part_key (self, "omit");

  gtk_label_set_text (self->heading_label, *heading ? heading : _("(no heading)"));
  gtk_label_set_text (self->intro_label, *intro ? intro : _("No intro sentence: click to write one"));
  if (*intro)
    gtk_widget_remove_css_class (GTK_WIDGET (self->intro_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->intro_label), "dim-label");
  gtk_widget_set_visible (self->heading_reset,
                          bc_report_has_section_text (r, self->section, "number")
                          || bc_report_has_section_text (r, self->section, "title"));
  gtk_widget_set_visible (self->intro_reset, bc_report_has_section_text (r, self->section, "intro"));
  if (gtk_switch_get_active (self->omit_switch) != !g_str_equal (bc_report_get (r, omit_key), "1"))
    gtk_switch_set_active (self->omit_switch, !g_str_equal (bc_report_get (r, omit_key), "1"));
  /* Left out by a section it is part of: nothing to switch here. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->omit_switch),
                            self->section->parent == NULL
                            || !bc_report_section_is_omitted (r, self->section->parent));
  gtk_widget_set_visible (self->omitted_label, omitted);
  if (!self->storing)
    refresh_inputs (self);
}

static void
value_changed_cb (BcReport      *r,
                  const char    *key,
                  BcSectionHead *self)
{
  g_auto(BcKey) parsed = BC_KEY_INIT;

  /* Its own parts, or a section above it left out or put back. */
  bc_key_parse (&parsed, key);
  if (g_strcmp0 (parsed.prefix, "sec") == 0 && parsed.id != NULL
      && ((parsed.kind == BC_KEY_SECTION_PART && g_str_equal (parsed.sub, "omit"))
          || g_str_has_prefix (parsed.id, self->section->id)))
    refresh (self);
}

static void
number_changed_cb (GtkEditable   *editable,
                   BcSectionHead *self)
{
  if (!self->refreshing)
    store (self, "number", gtk_editable_get_text (editable), GTK_WIDGET (editable));
}

static void
title_changed_cb (GtkEditable   *editable,
                  BcSectionHead *self)
{
  if (!self->refreshing)
    store (self, "title", gtk_editable_get_text (editable), GTK_WIDGET (editable));
}

static void
intro_changed_cb (GtkTextBuffer *buffer,
                  BcSectionHead *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->refreshing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  store (self, "intro", text, GTK_WIDGET (self->intro_view));
}

static void
omit_cb (GtkSwitch     *sw,
         GParamSpec    *pspec,
         BcSectionHead *self)
{
  g_autofree char *key = part_key (self, "omit");
  const char *value = gtk_switch_get_active (sw) ? NULL : "1";
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (bc_report_get (report (self), key), value ? value : "") == 0)
    return;
  if (!bc_edit_session_set (self->session, key, value, &error))
    bc_show_field_error (GTK_WIDGET (sw), self->inputs, error->message);
}

static void
heading_done_cb (BcSectionHead *self)
{
  gtk_stack_set_visible_child_name (self->heading_stack, "show");
}

static void
intro_done_cb (BcSectionHead *self)
{
  gtk_stack_set_visible_child_name (self->intro_stack, "show");
}

static void
heading_clicked_cb (GtkButton     *button,
                    BcSectionHead *self)
{
  bc_section_head_edit (self, "title");
}

static void
intro_clicked_cb (GtkButton     *button,
                  BcSectionHead *self)
{
  bc_section_head_edit (self, "intro");
}

static void
heading_reset_cb (GtkButton     *button,
                  BcSectionHead *self)
{
  bc_section_head_reset (self, "title");
}

static void
intro_reset_cb (GtkButton     *button,
                BcSectionHead *self)
{
  bc_section_head_reset (self, "intro");
}

static void
bc_section_head_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BC_TYPE_SECTION_HEAD);
  G_OBJECT_CLASS (bc_section_head_parent_class)->dispose (object);
}

static void
bc_section_head_class_init (BcSectionHeadClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bc_section_head_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-section-head.ui");
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, heading_stack);
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, heading_label);
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, number_entry);
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, title_entry);
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, heading_reset);
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, intro_stack);
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, intro_label);
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, intro_view);
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, intro_reset);
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, omit_switch);
  gtk_widget_class_bind_template_child (widget_class, BcSectionHead, omitted_label);
  gtk_widget_class_bind_template_callback (widget_class, heading_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, intro_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, heading_reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, intro_reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, heading_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, intro_done_cb);
}

static void
bc_section_head_init (BcSectionHead *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bc_section_head_new:
 * @inputs: the report page's inputs, whose session the head edits through
 *
 * Returns: (transfer floating): the heading, intro and "in this report"
 *   switch of @section
 */
GtkWidget *
bc_section_head_new (BcInputRegistry *inputs,
                     const BcSection *section)
{
  BcSectionHead *self = g_object_new (BC_TYPE_SECTION_HEAD, NULL);

  self->inputs = inputs;
  self->session = bc_input_registry_get_session (inputs);
  self->section = section;
  refresh (self);
  g_signal_connect (self->number_entry, "changed", G_CALLBACK (number_changed_cb), self);
  g_signal_connect (self->title_entry, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->intro_view), "changed", G_CALLBACK (intro_changed_cb), self);
  g_signal_connect (self->omit_switch, "notify::active", G_CALLBACK (omit_cb), self);
  g_signal_connect_object (report (self), "value-changed", G_CALLBACK (value_changed_cb), self, 0);
  return GTK_WIDGET (self);
}

/**
 * bc_section_head_edit:
 * @part: "title" (or "number") or "intro"
 *
 * Shows the input of @part, as a click on it does, and focuses it.
 */
void
bc_section_head_edit (BcSectionHead *self,
                      const char    *part)
{
  g_return_if_fail (BC_IS_SECTION_HEAD (self));

  refresh_inputs (self);
  if (g_str_equal (part, "intro"))
    {
      gtk_stack_set_visible_child_name (self->intro_stack, "edit");
      gtk_widget_grab_focus (GTK_WIDGET (self->intro_view));
      return;
    }
  gtk_stack_set_visible_child_name (self->heading_stack, "edit");
  gtk_widget_grab_focus (GTK_WIDGET (g_str_equal (part, "number") ? self->number_entry : self->title_entry));
}

/**
 * bc_section_head_reset:
 * @part: "title" (the number and words of the heading) or "intro"
 *
 * Puts the template's text back: the report's own value goes.
 */
void
bc_section_head_reset (BcSectionHead *self,
                       const char    *part)
{
  g_autoptr(GError) error = NULL;
  const char *parts[] = { part, g_str_equal (part, "title") ? "number" : NULL };

  g_return_if_fail (BC_IS_SECTION_HEAD (self));

  for (guint i = 0; i < G_N_ELEMENTS (parts) && parts[i]; i++)
    {
      g_autofree char *key = part_key (self, parts[i]);
      if (!bc_edit_session_set (self->session, key, NULL, &error))
        {
          g_warning ("%s", error->message);
          g_clear_error (&error);
        }
    }
  refresh_inputs (self);
}

/**
 * bc_section_head_get_input:
 * @part: "number", "title", "intro" or "omit"
 *
 * Returns: (transfer none): the input of @part, for tests
 */
GtkWidget *
bc_section_head_get_input (BcSectionHead *self,
                           const char    *part)
{
  g_return_val_if_fail (BC_IS_SECTION_HEAD (self), NULL);

  if (g_str_equal (part, "number"))
    return GTK_WIDGET (self->number_entry);
  if (g_str_equal (part, "title"))
    return GTK_WIDGET (self->title_entry);
  if (g_str_equal (part, "intro"))
    return GTK_WIDGET (self->intro_view);
  return GTK_WIDGET (self->omit_switch);
}

/**
 * bc_section_head_get_shown:
 * @part: "title" or "intro"
 *
 * Returns: (transfer none): the heading or intro as the page shows it
 */
const char *
bc_section_head_get_shown (BcSectionHead *self,
                           const char    *part)
{
  g_return_val_if_fail (BC_IS_SECTION_HEAD (self), NULL);
  return gtk_label_get_text (g_str_equal (part, "intro") ? self->intro_label : self->heading_label);
}

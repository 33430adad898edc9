/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-office-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-cut-mark.h"
#include "bc-office-form.h"
#include "bc-ui-utils.h"

/* The form of an office profile, the same on the first-run page and in
 * Preferences. The clerk types the unit once ("Huyện Ninh Hải"); its kind
 * is read from it, and the fields that follow from the unit (supervising
 * body, place) are filled in until the clerk writes something else there. */

struct _BcOfficeForm
{
  AdwBin                parent_instance;

  /* template widgets */
  AdwEntryRow          *unit_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *supervising_row;
  AdwEntryRow          *issuing_row;
  AdwEntryRow          *place_row;
  AdwEntryRow          *symbol_report_row;
  AdwEntryRow          *symbol_plan_row;
  AdwComboRow          *authority_row;
  AdwEntryRow          *signer_body_row;
  AdwEntryRow          *authority_title_row;
  AdwEntryRow          *signer_title_row;
  AdwEntryRow          *signer_title2_row;
  AdwEntryRow          *signer_name_row;
  AdwPreferencesGroup  *recipients_group;
  AdwPreferencesGroup  *cc_group;
  GtkTextView          *recipients_view;
  GtkTextView          *cc_view;
  GtkLabel             *error_label;
  GtkLabel             *unit_note;

  /* owned */
  BcOffice             *office;        /* the profile shown (its id, uuid); NULL: a new one */
  char                 *suggested[3];  /* what follows from the unit: supervising body, place, issuing body */
  gboolean              syncing;       /* the unit and its kind following each other */
};

G_DEFINE_FINAL_TYPE (BcOfficeForm, bc_office_form, ADW_TYPE_BIN)

/* Each field of bc_office_fields() and the widget that edits it. */
static const struct
{
  const char *field;
  gsize       offset;
} field_widgets[] = {
  { "unit", G_STRUCT_OFFSET (BcOfficeForm, unit_row) },
  { "unit_kind", G_STRUCT_OFFSET (BcOfficeForm, kind_row) },
  { "supervising_body", G_STRUCT_OFFSET (BcOfficeForm, supervising_row) },
  { "issuing_body", G_STRUCT_OFFSET (BcOfficeForm, issuing_row) },
  { "place", G_STRUCT_OFFSET (BcOfficeForm, place_row) },
  { "symbol_report", G_STRUCT_OFFSET (BcOfficeForm, symbol_report_row) },
  { "symbol_plan", G_STRUCT_OFFSET (BcOfficeForm, symbol_plan_row) },
  { "signer_authority", G_STRUCT_OFFSET (BcOfficeForm, authority_row) },
  { "signer_body", G_STRUCT_OFFSET (BcOfficeForm, signer_body_row) },
  { "signer_authority_title", G_STRUCT_OFFSET (BcOfficeForm, authority_title_row) },
  { "signer_title", G_STRUCT_OFFSET (BcOfficeForm, signer_title_row) },
  { "signer_title2", G_STRUCT_OFFSET (BcOfficeForm, signer_title2_row) },
  { "signer_name", G_STRUCT_OFFSET (BcOfficeForm, signer_name_row) },
  { "recipients", G_STRUCT_OFFSET (BcOfficeForm, recipients_view) },
  { "cc", G_STRUCT_OFFSET (BcOfficeForm, cc_view) },
};

/* The signing authorities bc_office_set() takes, in the combo row's order. */
static const char * const authorities[] = { "", "TM.", "KT.", "Q.", "TL.", "TUQ.", NULL };

static GtkWidget *
field_widget (BcOfficeForm *self,
              const char   *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    if (g_str_equal (field_widgets[i].field, field))
      return G_STRUCT_MEMBER (GtkWidget *, self, field_widgets[i].offset);
  return NULL;
}

/* The combo row's choices: the first one is "none". */
static const char * const *
choices (BcOfficeForm *self,
         GtkWidget    *widget)
{
  return widget == GTK_WIDGET (self->kind_row) ? bc_office_unit_kinds () : authorities;
}

static guint
choice_offset (BcOfficeForm *self,
               GtkWidget    *widget)
{
  /* The kinds have an item "choose" before them; authorities start with "". */
  return widget == GTK_WIDGET (self->kind_row) ? 1 : 0;
}

static const char *
selected_choice (BcOfficeForm *self,
                 GtkWidget    *widget)
{
  const char * const *list = choices (self, widget);
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));
  guint offset = choice_offset (self, widget);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset
      || selected - offset >= g_strv_length ((char **) list))
    return "";
  return list[selected - offset];
}

static void
select_choice (BcOfficeForm *self,
               GtkWidget    *widget,
               const char   *value)
{
  const char * const *list = choices (self, widget);

  for (guint i = 0; list[i]; i++)
    if (g_str_equal (list[i], value))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (widget), i + choice_offset (self, widget));
        return;
      }
  adw_combo_row_set_selected (ADW_COMBO_ROW (widget), 0);
}

static char *
widget_text (BcOfficeForm *self,
             GtkWidget    *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_TEXT_VIEW (widget))
    {
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  if (ADW_IS_COMBO_ROW (widget))
    return g_strdup (selected_choice (self, widget));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
set_widget_text (BcOfficeForm *self,
                 GtkWidget    *widget,
                 const char   *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else if (ADW_IS_COMBO_ROW (widget))
    select_choice (self, widget, text);
  else if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (widget)), text))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static char *
capitalize (const char *text)
{
  char first[8] = { 0 };

  if (*text == '\0')
    return g_strdup ("");
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

/* The unit's name without its kind ("Ninh Hải"), and its kind. */
static char *
split_unit (BcOfficeForm  *self,
            const char   **kind)
{
  g_autofree char *typed = g_utf8_normalize (gtk_editable_get_text (GTK_EDITABLE (self->unit_row)), -1,
                                             G_NORMALIZE_NFC);
  const char *rest = NULL;
  const char *named;

  *kind = selected_choice (self, GTK_WIDGET (self->kind_row));
  if (typed == NULL)
    return g_strdup ("");
  g_strstrip (typed);
  named = bc_office_kind_from_name (typed, &rest);
  if (named == NULL)
    named = bc_office_kind_after_body (typed, NULL, &rest);
  return g_strdup (named != NULL && g_str_equal (named, *kind) ? rest : typed);
}

static void
mark_error (BcOfficeForm *self,
            GtkWidget    *widget,
            const char   *message)
{
  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      bc_ui_set_tooltip (widget, message);
      /* Brings the field into view, in a form longer than the screen. */
      gtk_widget_grab_focus (widget);
    }
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
clear_error (BcOfficeForm *self,
             GtkWidget    *widget)
{
  if (!gtk_widget_has_css_class (widget, "error"))
    return;
  gtk_widget_remove_css_class (widget, "error");
  bc_ui_set_tooltip (widget, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* A field still empty or as suggested follows the unit; one the clerk
 * wrote is left alone. */
static void
follow (BcOfficeForm *self,
        guint         i,
        GtkWidget    *widget,
        char         *suggestion)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (widget));

  if (*current == '\0' || g_strcmp0 (current, self->suggested[i]) == 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), suggestion ? suggestion : "");
  g_free (self->suggested[i]);
  self->suggested[i] = suggestion;
}

/* An office typed where its unit was asked ("Công an huyện Mường Lát"):
 * the unit is read from it, and the form says so under the field; the
 * office itself, unless it is the People's Committee, is the issuing body.
 * A body of the People's Committee (Ban Chỉ đạo, Tổ công tác) is named
 * without its unit, which the supervising body above it names already
 * ("UBND TỈNH KON TUM / BAN CHỈ ĐẠO ĐỀ ÁN 06", as the templates print). */
static char *
typed_office (BcOfficeForm  *self,
              char         **note)
{
  g_autofree char *typed = g_utf8_normalize (gtk_editable_get_text (GTK_EDITABLE (self->unit_row)), -1,
                                             G_NORMALIZE_NFC);
  g_autofree char *body = NULL;
  g_autofree char *folded = NULL;
  const char *rest = NULL;
  const char *kind = typed ? bc_office_kind_after_body (g_strstrip (typed), &body, &rest) : NULL;
  g_autofree char *title = NULL;

  *note = NULL;
  if (kind == NULL)
    return NULL;
  title = capitalize (kind);
  /* Translators: under the unit's field when an office was typed there:
   * “Công an” is the office, the unit is Huyện Mường Lát */
  *note = g_strdup_printf (_("“%s” is the office, not the unit: the unit is %s %s (its kind chosen above), "
                             "and the office is printed as the issuing body."),
                           body, title, rest);
  folded = g_utf8_strdown (body, -1);
  if (g_str_has_prefix (folded, "ubnd") || strstr (folded, "ban nhân dân") != NULL)
    return g_strdup ("");
  if (g_str_equal (folded, "công an") && !g_str_equal (kind, "tỉnh"))
    {
      /* Translators: added to the note under the unit's field for a police office below a province's */
      char *more = g_strconcat (*note, " ", _("Add the province after “CÔNG AN TỈNH” in the supervising body."), NULL);
      g_free (*note);
      *note = more;
    }
  if (g_str_has_prefix (folded, "ban chỉ đạo") || g_str_has_prefix (folded, "tổ công tác"))
    return g_utf8_strup (body, -1);
  return g_utf8_strup (typed, -1);
}

/* Whether the office is the unit's police (Công an), issuing in its own
 * name: it answers to the police above it, not to the People's Committee. */
static gboolean
is_police (BcOfficeForm *self)
{
  g_autofree char *issuing = g_utf8_strdown (gtk_editable_get_text (GTK_EDITABLE (self->issuing_row)), -1);

  return g_str_has_prefix (g_strstrip (issuing), "công an ");
}

/* The body above a police office: the Ministry above a province's, the
 * province's above the others, whose province the form cannot know. */
static char *
police_above (const char *kind)
{
  if (g_str_equal (kind, "tỉnh"))
    /* Translators: the Ministry of Public Security, above a province's police, in capitals */
    return g_strdup (_("BỘ CÔNG AN"));
  /* Translators: a province's police, above a district's or a commune's, in capitals; the clerk adds the
   * province's name */
  return g_strdup (_("CÔNG AN TỈNH"));
}

/* What follows from the unit: the body above the office (the unit's
 * People's Committee, or the police above a police office) and its
 * place name. */
static gboolean
compute_suggestions (BcOfficeForm  *self,
                     char         **supervising,
                     char         **place)
{
  const char *kind;
  g_autofree char *unit = split_unit (self, &kind);
  g_autofree char *name = NULL;
  g_autofree char *upper = NULL;

  if (*unit == '\0' || *kind == '\0')
    return FALSE;
  name = g_strconcat (kind, " ", unit, NULL);
  upper = g_utf8_strup (name, -1);
  /* Translators: the People's Committee of a unit, as printed at the top
   * left of a document; %s is the unit in capitals */
  *supervising = is_police (self) ? police_above (kind) : g_strdup_printf (_("UBND %s"), upper);
  *place = g_steal_pointer (&unit);
  return TRUE;
}

static void
suggest (BcOfficeForm *self)
{
  char *supervising, *place;
  g_autofree char *note = NULL;
  char *issuing = typed_office (self, &note);

  gtk_label_set_text (self->unit_note, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unit_note), note != NULL);
  if (issuing != NULL || self->suggested[2] != NULL)
    follow (self, 2, GTK_WIDGET (self->issuing_row), issuing);
  if (!compute_suggestions (self, &supervising, &place))
    return;
  follow (self, 0, GTK_WIDGET (self->supervising_row), supervising);
  follow (self, 1, GTK_WIDGET (self->place_row), place);
}

static void
unit_changed_cb (BcOfficeForm *self)
{
  g_autofree char *typed = g_utf8_normalize (gtk_editable_get_text (GTK_EDITABLE (self->unit_row)), -1,
                                             G_NORMALIZE_NFC);
  const char *kind = typed ? bc_office_kind_from_name (g_strstrip (typed), NULL) : NULL;

  if (kind == NULL && typed != NULL)
    kind = bc_office_kind_after_body (typed, NULL, NULL);
  clear_error (self, GTK_WIDGET (self->unit_row));
  if (self->syncing)
    return;
  self->syncing = TRUE;
  if (kind != NULL)
    select_choice (self, GTK_WIDGET (self->kind_row), kind);
  self->syncing = FALSE;
  suggest (self);
}

/* A kind chosen for a name that begins with another: the name follows. */
static void
kind_changed_cb (BcOfficeForm *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->unit_row));
  const char *kind = selected_choice (self, GTK_WIDGET (self->kind_row));
  const char *rest = NULL;
  const char *named = bc_office_kind_from_name (typed, &rest);
  g_autofree char *title = NULL;
  g_autofree char *renamed = NULL;

  clear_error (self, GTK_WIDGET (self->kind_row));
  if (self->syncing)
    return;
  self->syncing = TRUE;
  if (named != NULL && *kind != '\0' && !g_str_equal (named, kind))
    {
      title = capitalize (kind);
      renamed = g_strconcat (title, " ", rest, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->unit_row), renamed);
    }
  self->syncing = FALSE;
  suggest (self);
}

/* A police office written as the issuing body: the body above it follows
 * (unless the clerk wrote it). */
static void
field_changed_cb (BcOfficeForm *self,
                  GtkWidget    *row)
{
  char *supervising, *place;

  clear_error (self, row);
  if (self->syncing || row != GTK_WIDGET (self->issuing_row) || !compute_suggestions (self, &supervising, &place))
    return;
  follow (self, 0, GTK_WIDGET (self->supervising_row), supervising);
  g_free (place);
}

static void
fill_choices (BcOfficeForm *self)
{
  const char * const *kinds = bc_office_unit_kinds ();
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) authority_names = gtk_string_list_new (NULL);

  /* Translators: the unit kind not chosen yet */
  gtk_string_list_append (kind_names, _("Choose…"));
  for (guint i = 0; kinds[i]; i++)
    {
      g_autofree char *title = capitalize (kinds[i]);
      gtk_string_list_append (kind_names, title);
    }
  /* Translators: a signature without TM., KT. or the like */
  gtk_string_list_append (authority_names, _("None"));
  for (guint i = 1; authorities[i]; i++)
    gtk_string_list_append (authority_names, authorities[i]);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
  adw_combo_row_set_model (self->authority_row, G_LIST_MODEL (authority_names));
}

static void
bc_office_form_dispose (GObject *object)
{
  BcOfficeForm *self = BC_OFFICE_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_OFFICE_FORM);
  g_clear_object (&self->office);
  G_OBJECT_CLASS (bc_office_form_parent_class)->dispose (object);
}

static void
bc_office_form_finalize (GObject *object)
{
  BcOfficeForm *self = BC_OFFICE_FORM (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->suggested); i++)
    g_free (self->suggested[i]);
  G_OBJECT_CLASS (bc_office_form_parent_class)->finalize (object);
}

static void
bc_office_form_class_init (BcOfficeFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_office_form_dispose;
  object_class->finalize = bc_office_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baocao/Baocao/ui/bc-office-form.ui");
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, unit_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, supervising_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, issuing_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, place_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, symbol_report_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, symbol_plan_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, authority_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, signer_body_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, authority_title_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, signer_title2_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, recipients_group);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, cc_group);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, recipients_view);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, cc_view);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, BcOfficeForm, unit_note);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
bc_office_form_init (BcOfficeForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_choices (self);
  /* The rows are named by the profile's own field labels. */
  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    {
      GtkWidget *widget = G_STRUCT_MEMBER (GtkWidget *, self, field_widgets[i].offset);
      const char *label = bc_office_field_label (field_widgets[i].field);

      GtkEditable *text = GTK_IS_EDITABLE (widget) ? gtk_editable_get_delegate (GTK_EDITABLE (widget)) : NULL;

      if (ADW_IS_PREFERENCES_ROW (widget))
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), label);
      else
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      /* A screen reader names the entry inside the row by the row's title. */
      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      if (ADW_IS_ENTRY_ROW (widget))
        bc_entry_row_mark_cut (ADW_ENTRY_ROW (widget));
    }
  adw_preferences_group_set_title (self->recipients_group, bc_office_field_label ("recipients"));
  adw_preferences_group_set_title (self->cc_group, bc_office_field_label ("cc"));
}

/**
 * bc_office_form_new:
 *
 * Returns: (transfer floating): an empty form, for a new profile
 */
GtkWidget *
bc_office_form_new (void)
{
  return g_object_new (BC_TYPE_OFFICE_FORM, NULL);
}

/**
 * bc_office_form_set_office:
 * @office: (nullable): the profile to edit; %NULL for a new one
 *
 * Shows @office's fields; the form keeps its own copy.
 */
void
bc_office_form_set_office (BcOfficeForm *self,
                           BcOffice     *office)
{
  g_autoptr(BcOffice) shown = NULL;

  g_return_if_fail (BC_IS_OFFICE_FORM (self));
  g_return_if_fail (office == NULL || BC_IS_OFFICE (office));

  g_clear_object (&self->office);
  self->office = office ? bc_office_copy (office) : NULL;
  shown = office ? bc_office_copy (office) : bc_office_new_guessed ("", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->suggested); i++)
    g_clear_pointer (&self->suggested[i], g_free);
  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    {
      GtkWidget *widget = G_STRUCT_MEMBER (GtkWidget *, self, field_widgets[i].offset);
      g_autofree char *text = g_str_equal (field_widgets[i].field, "unit")
                              ? bc_office_dup_unit_name (shown)
                              : g_strdup (bc_office_get (shown, field_widgets[i].field));

      set_widget_text (self, widget, text);
      clear_error (self, widget);
    }
  self->syncing = FALSE;
  /* What follows from the unit as it is now: renaming the unit renames
   * only the fields that still read so. */
  compute_suggestions (self, &self->suggested[0], &self->suggested[1]);
}

static gboolean
set_field (BcOfficeForm  *self,
           BcOffice      *office,
           guint          i,
           const char    *unit,
           GError       **error)
{
  GtkWidget *widget = G_STRUCT_MEMBER (GtkWidget *, self, field_widgets[i].offset);
  g_autofree char *text = g_str_equal (field_widgets[i].field, "unit") ? g_strdup (unit)
                                                                       : widget_text (self, widget);

  if (bc_office_set (office, field_widgets[i].field, text, error))
    return TRUE;
  mark_error (self, widget, (*error)->message);
  return FALSE;
}

/**
 * bc_office_form_dup_office:
 *
 * The profile as the form has it, checked (bc_office_set(),
 * bc_office_validate()). A refused field is marked and the reason shown
 * under the form.
 *
 * Returns: (transfer full): a new profile, with the id and uuid of the one
 *   shown, or %NULL with @error set
 */
BcOffice *
bc_office_form_dup_office (BcOfficeForm  *self,
                           GError       **error)
{
  g_autoptr(BcOffice) office = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *unit = NULL;
  const char *kind;

  g_return_val_if_fail (BC_IS_OFFICE_FORM (self), NULL);

  office = self->office ? bc_office_copy (self->office) : bc_office_new_guessed ("", NULL);
  unit = split_unit (self, &kind);
  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    if (!set_field (self, office, i, unit, &local_error))
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
        return NULL;
      }
  if (!bc_office_validate (office, &local_error))
    {
      mark_error (self, *unit == '\0' ? GTK_WIDGET (self->unit_row) : GTK_WIDGET (self->kind_row),
                  local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  return g_steal_pointer (&office);
}

/**
 * bc_office_form_set_text:
 * @field: one of bc_office_fields()
 * @text: for a unit kind or a signing authority, one of the choices
 *
 * As if typed (or chosen) in the field's row.
 */
void
bc_office_form_set_text (BcOfficeForm *self,
                         const char   *field,
                         const char   *text)
{
  GtkWidget *widget;

  g_return_if_fail (BC_IS_OFFICE_FORM (self));
  g_return_if_fail (text != NULL);

  widget = field_widget (self, field);
  g_return_if_fail (widget != NULL);
  set_widget_text (self, widget, text);
}

/**
 * bc_office_form_dup_text:
 * @field: one of bc_office_fields()
 *
 * Returns: (transfer full): what the field's row shows
 */
char *
bc_office_form_dup_text (BcOfficeForm *self,
                         const char   *field)
{
  GtkWidget *widget;

  g_return_val_if_fail (BC_IS_OFFICE_FORM (self), NULL);

  widget = field_widget (self, field);
  g_return_val_if_fail (widget != NULL, NULL);
  return widget_text (self, widget);
}

/**
 * bc_office_form_get_unit_note:
 *
 * Returns: (nullable): what the form says under the unit's field of an
 *   office typed there
 */
const char *
bc_office_form_get_unit_note (BcOfficeForm *self)
{
  g_return_val_if_fail (BC_IS_OFFICE_FORM (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->unit_note)) ? gtk_label_get_text (self->unit_note) : NULL;
}

/**
 * bc_office_form_get_error:
 *
 * Returns: (nullable): why the profile was refused, as shown under the form
 */
const char *
bc_office_form_get_error (BcOfficeForm *self)
{
  g_return_val_if_fail (BC_IS_OFFICE_FORM (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

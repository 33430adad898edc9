/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-office"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bc-limits.h"
#include "bc-number.h"
#include "bc-office.h"
#include "bc-text-utils.h"

struct _BcOffice
{
  GObject     parent_instance;

  gint64      id;       /* 0: not in a library yet */
  char       *uuid;
  GHashTable *values;   /* field -> value, only the set ones */
};

G_DEFINE_FINAL_TYPE (BcOffice, bc_office, G_TYPE_OBJECT)
G_DEFINE_QUARK (bc-office-error-quark, bc_office_error)

static const char * const fields[] = {
  "unit", "unit_kind", "supervising_body", "issuing_body", "place",
  "symbol_report", "symbol_plan",
  "signer_authority", "signer_body", "signer_authority_title",
  "signer_title", "signer_title2", "signer_name",
  "recipients", "cc",
  NULL
};

/* The kinds of administrative unit, as printed inside a sentence. */
static const char * const unit_kinds[] = {
  "tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "thị trấn", "đặc khu", NULL
};

static const char * const authorities[] = { "", "TM.", "KT.", "Q.", "TL.", "TUQ.", NULL };

static void
bc_office_finalize (GObject *object)
{
  BcOffice *self = (BcOffice *) object;

  g_free (self->uuid);
  g_hash_table_unref (self->values);
  G_OBJECT_CLASS (bc_office_parent_class)->finalize (object);
}

static void
bc_office_class_init (BcOfficeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_office_finalize;
}

static void
bc_office_init (BcOffice *self)
{
  self->uuid = g_uuid_string_random ();
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static gboolean G_GNUC_PRINTF (3, 4)
refuse (GError        **error,
        BcOfficeError   code,
        const char     *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, BC_OFFICE_ERROR, code, message);
  return FALSE;
}

/* Each line trimmed, blank lines dropped: a list typed with stray spaces
 * or an empty last line prints the same. */
static char *
clean_list (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, lines[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The value as stored: NFC, trimmed; NULL with @error set when refused. */
static char *
clean_value (const char  *field,
             const char  *value,
             GError     **error)
{
  gboolean list = bc_office_field_is_list (field);
  gsize limit = list ? BC_LIMIT_TEXT_LENGTH : BC_LIMIT_LINE_LENGTH;
  g_autofree char *normal = NULL;
  g_autofree char *limit_text = NULL;

  if (strnlen (value, limit + 1) > limit)
    {
      limit_text = bc_format_int (limit);
      refuse (error, BC_OFFICE_ERROR_TOO_LARGE, _("%s: the text is too long (at most %s bytes)"),
              bc_office_field_label (field), limit_text);
      return NULL;
    }
  if (!g_utf8_validate (value, -1, NULL) || (normal = g_utf8_normalize (value, -1, G_NORMALIZE_NFC)) == NULL)
    {
      refuse (error, BC_OFFICE_ERROR_INVALID, _("%s: the text is not valid UTF-8"), bc_office_field_label (field));
      return NULL;
    }
  if (bc_text_has_controls (normal, list))
    {
      refuse (error, BC_OFFICE_ERROR_INVALID,
              list ? _("%s: the text holds a control character")
                   : _("%s: the text must be one line, without control characters"),
              bc_office_field_label (field));
      return NULL;
    }
  return list ? clean_list (normal) : g_strdup (g_strstrip (normal));
}

/* Fields whose value is one of a few. */
static gboolean
check_choice (const char  *field,
              const char  *value,
              GError     **error)
{
  g_autofree char *kinds = NULL;

  if (g_str_equal (field, "unit_kind") && *value && !g_strv_contains (unit_kinds, value))
    {
      kinds = g_strjoinv (", ", (char **) unit_kinds);
      return refuse (error, BC_OFFICE_ERROR_INVALID, _("%s: “%s” is not one of: %s"),
                     bc_office_field_label (field), value, kinds);
    }
  if (g_str_equal (field, "signer_authority") && !g_strv_contains (authorities, value))
    return refuse (error, BC_OFFICE_ERROR_INVALID, _("%s: “%s” is not one of TM., KT., Q., TL., TUQ. or empty"),
                   bc_office_field_label (field), value);
  return TRUE;
}

/**
 * bc_office_new:
 * @unit: the unit's name without its kind: "Ninh Hải"
 * @unit_kind: one of bc_office_unit_kinds()
 *
 * Returns: (transfer full): a profile not yet in a library, or %NULL with @error set
 */
BcOffice *
bc_office_new (const char  *unit,
               const char  *unit_kind,
               GError     **error)
{
  g_autoptr(BcOffice) self = g_object_new (BC_TYPE_OFFICE, NULL);

  g_return_val_if_fail (unit != NULL && unit_kind != NULL, NULL);

  if (!bc_office_set (self, "unit", unit, error)
      || !bc_office_set (self, "unit_kind", unit_kind, error)
      || !bc_office_validate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * bc_office_new_guessed:
 * @unit_name: a unit as typed: "Huyện Ninh Hải", or just "Ninh Hải"
 * @fallback_kind: (nullable): the kind when @unit_name names none
 *
 * A profile made from a unit's name alone, its kind read from the name's
 * first words (else @fallback_kind), its other fields empty. Never fails:
 * a value it cannot take is left out.
 *
 * Returns: (transfer full): a profile not yet in a library
 */
BcOffice *
bc_office_new_guessed (const char *unit_name,
                       const char *fallback_kind)
{
  BcOffice *self = g_object_new (BC_TYPE_OFFICE, NULL);
  g_autofree char *normal = g_utf8_normalize (unit_name ? unit_name : "", -1, G_NORMALIZE_NFC);
  const char *rest = NULL;
  const char *kind;

  if (normal == NULL)
    return self;
  g_strstrip (normal);
  kind = bc_office_kind_from_name (normal, &rest);
  if (kind == NULL)
    {
      kind = fallback_kind;
      rest = normal;
    }
  bc_office_set (self, "unit", rest, NULL);
  if (kind != NULL)
    bc_office_set (self, "unit_kind", kind, NULL);
  return self;
}

/**
 * bc_office_copy:
 *
 * Returns: (transfer full): a profile with the same id, uuid and fields
 */
BcOffice *
bc_office_copy (BcOffice *self)
{
  BcOffice *copy;
  GHashTableIter iter;
  const char *field, *value;

  g_return_val_if_fail (BC_IS_OFFICE (self), NULL);

  copy = g_object_new (BC_TYPE_OFFICE, NULL);
  bc_office_set_identity (copy, self->id, self->uuid);
  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, (gpointer *) &field, (gpointer *) &value))
    g_hash_table_insert (copy->values, g_strdup (field), g_strdup (value));
  return copy;
}

/**
 * bc_office_get_id:
 *
 * Returns: the profile's id in its library, or 0 for one not written yet
 */
gint64
bc_office_get_id (BcOffice *self)
{
  g_return_val_if_fail (BC_IS_OFFICE (self), 0);
  return self->id;
}

/**
 * bc_office_get_uuid:
 *
 * Returns: the profile's uuid, the same in every library and file
 */
const char *
bc_office_get_uuid (BcOffice *self)
{
  g_return_val_if_fail (BC_IS_OFFICE (self), NULL);
  return self->uuid;
}

void
bc_office_set_identity (BcOffice   *self,
                        gint64      id,
                        const char *uuid)
{
  g_return_if_fail (BC_IS_OFFICE (self));
  self->id = id;
  if (uuid != NULL && uuid != self->uuid)
    {
      g_free (self->uuid);
      self->uuid = g_strdup (uuid);
    }
}

/**
 * bc_office_get:
 * @field: one of bc_office_fields()
 *
 * Returns: the field's value, "" when unset
 */
const char *
bc_office_get (BcOffice   *self,
               const char *field)
{
  const char *value;

  g_return_val_if_fail (BC_IS_OFFICE (self), "");
  g_return_val_if_fail (field != NULL, "");

  value = g_hash_table_lookup (self->values, field);
  return value ? value : "";
}

/**
 * bc_office_set:
 * @field: one of bc_office_fields()
 * @value: (nullable): the new value; %NULL or "" unsets the field
 *
 * Sets one field, in NFC and trimmed (a list: each line trimmed, blank
 * lines dropped). Refuses in %BC_OFFICE_ERROR a field that is not one, a
 * line field with a line break or a control character, a value past
 * %BC_LIMIT_LINE_LENGTH (a list: %BC_LIMIT_TEXT_LENGTH) bytes, a unit kind
 * or signing authority not of the list. The unit and its kind may be
 * unset here; bc_office_validate() asks for them.
 *
 * Returns: %TRUE when set
 */
gboolean
bc_office_set (BcOffice    *self,
               const char  *field,
               const char  *value,
               GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (BC_IS_OFFICE (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (!g_strv_contains (fields, field))
    return refuse (error, BC_OFFICE_ERROR_NO_FIELD, _("“%s” is not a field of an office profile"), field);
  if ((clean = clean_value (field, value ? value : "", error)) == NULL
      || !check_choice (field, clean, error))
    return FALSE;
  if (*clean == '\0')
    g_hash_table_remove (self->values, field);
  else
    g_hash_table_insert (self->values, g_strdup (field), g_steal_pointer (&clean));
  return TRUE;
}

/**
 * bc_office_validate:
 *
 * A profile must name its unit and the unit's kind.
 *
 * Returns: %TRUE when the profile may be written to a library
 */
gboolean
bc_office_validate (BcOffice  *self,
                    GError   **error)
{
  g_return_val_if_fail (BC_IS_OFFICE (self), FALSE);

  if (*bc_office_get (self, "unit") == '\0')
    return refuse (error, BC_OFFICE_ERROR_INVALID, _("An office profile needs the unit’s name"));
  if (*bc_office_get (self, "unit_kind") == '\0')
    return refuse (error, BC_OFFICE_ERROR_INVALID, _("An office profile needs the unit’s kind (huyện, tỉnh, …)"));
  return TRUE;
}

/**
 * bc_office_dup_unit_name:
 *
 * Returns: (transfer full): the unit as a report names it: "Huyện Ninh Hải"
 */
char *
bc_office_dup_unit_name (BcOffice *self)
{
  const char *kind;
  const char *unit;
  char first[8] = { 0 };

  g_return_val_if_fail (BC_IS_OFFICE (self), NULL);

  kind = bc_office_get (self, "unit_kind");
  unit = bc_office_get (self, "unit");
  if (*kind == '\0')
    return g_strdup (unit);
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (kind)), first);
  return g_strconcat (first, g_utf8_next_char (kind), " ", unit, NULL);
}

/**
 * bc_office_dup_header_value:
 * @header_field: a report header field: "supervising_body", "symbol"…
 * @template_kind: the template's kind, "report" or "plan": which symbol
 *
 * Returns: (transfer full) (nullable): what the profile puts in that header
 *   field, or %NULL when it leaves it to the template
 */
char *
bc_office_dup_header_value (BcOffice   *self,
                            const char *header_field,
                            const char *template_kind)
{
  static const char * const header_fields[] = {
    "supervising_body", "issuing_body", "place", "signer_authority", "signer_body",
    "signer_authority_title", "signer_title", "signer_title2", "signer_name", "recipients", "cc", NULL
  };
  g_autofree char *symbol_field = NULL;
  const char *value = "";

  g_return_val_if_fail (BC_IS_OFFICE (self), NULL);
  g_return_val_if_fail (header_field != NULL, NULL);

  if (g_str_equal (header_field, "symbol"))
    {
      symbol_field = g_strconcat ("symbol_", template_kind ? template_kind : "report", NULL);
      if (g_strv_contains (fields, symbol_field))
        value = bc_office_get (self, symbol_field);
    }
  else if (g_strv_contains (header_fields, header_field))
    value = bc_office_get (self, header_field);
  return *value ? g_strdup (value) : NULL;
}

/**
 * bc_office_equal:
 *
 * Returns: whether the two profiles have the same fields (id and uuid aside)
 */
gboolean
bc_office_equal (BcOffice *a,
                 BcOffice *b)
{
  g_return_val_if_fail (BC_IS_OFFICE (a) && BC_IS_OFFICE (b), FALSE);

  for (guint i = 0; fields[i]; i++)
    if (!g_str_equal (bc_office_get (a, fields[i]), bc_office_get (b, fields[i])))
      return FALSE;
  return TRUE;
}

/**
 * bc_office_fields:
 *
 * Returns: (transfer none): the fields of a profile, in the order a form shows them
 */
const char * const *
bc_office_fields (void)
{
  return fields;
}

/**
 * bc_office_field_label:
 *
 * Returns: the field's name for people, translated; @field itself when unknown
 */
const char *
bc_office_field_label (const char *field)
{
  static const char * const labels[][2] = {
    { "unit", N_("Unit name") },
    { "unit_kind", N_("Unit kind") },
    { "supervising_body", N_("Supervising body") },
    { "issuing_body", N_("Issuing body") },
    { "place", N_("Place on the date line") },
    { "symbol_report", N_("Number symbol of reports") },
    { "symbol_plan", N_("Number symbol of plans") },
    { "signer_authority", N_("Signing authority (TM., KT., …)") },
    { "signer_body", N_("Body signed for (after TM./KT.)") },
    { "signer_authority_title", N_("Title under the authority") },
    { "signer_title", N_("Signer’s title") },
    { "signer_title2", N_("Title under the signing space") },
    { "signer_name", N_("Signer’s name") },
    /* Translators: the "Kính gửi" list of a document */
    { "recipients", N_("Recipients (one a line)") },
    /* Translators: the "Nơi nhận" list of a document */
    { "cc", N_("Copies to (one a line)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (field, labels[i][0]) == 0)
      return _(labels[i][1]);
  return field;
}

/**
 * bc_office_field_is_list:
 *
 * Returns: whether the field holds one entry a line (Kính gửi, Nơi nhận)
 */
gboolean
bc_office_field_is_list (const char *field)
{
  return g_strcmp0 (field, "recipients") == 0 || g_strcmp0 (field, "cc") == 0;
}

/**
 * bc_office_unit_kinds:
 *
 * Returns: (transfer none): the kinds of unit, lower case as inside a sentence
 */
const char * const *
bc_office_unit_kinds (void)
{
  return unit_kinds;
}

/**
 * bc_office_kind_from_name:
 * @unit_name: "Huyện Ninh Hải", in NFC
 * @rest: (out) (optional): where the name after the kind begins
 *
 * Returns: (nullable): the unit kind the name begins with (any case), or %NULL
 */
const char *
bc_office_kind_from_name (const char  *unit_name,
                          const char **rest)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (unit_name != NULL, NULL);

  folded = g_utf8_strdown (unit_name, -1);
  for (guint i = 0; unit_kinds[i]; i++)
    {
      gsize n = strlen (unit_kinds[i]);
      if (g_str_has_prefix (folded, unit_kinds[i]) && folded[n] == ' ')
        {
          /* Lower-casing Vietnamese keeps each letter's length in bytes. */
          const char *after = unit_name + n;
          while (*after == ' ')
            after++;
          if (*after == '\0' || strlen (folded) != strlen (unit_name))
            continue;
          if (rest != NULL)
            *rest = after;
          return unit_kinds[i];
        }
    }
  return NULL;
}

/* The bodies a clerk may type before the unit, lower case. */
static const char * const bodies[] = {
  "công an", "ubnd", "ủy ban nhân dân", "uỷ ban nhân dân", "ban chỉ đạo", "tổ công tác", NULL
};

/**
 * bc_office_kind_after_body:
 * @unit_name: an office as typed, in NFC: "Công an huyện Mường Lát"
 * @body: (out) (optional) (transfer full): the office's words before the
 *   kind, as typed: "Công an", "Ban Chỉ đạo Đề án 06"
 * @rest: (out) (optional): where the unit's name after the kind begins
 *
 * An office typed where its unit was asked for: a body (Công an, UBND,
 * Ủy ban nhân dân, Ban Chỉ đạo, Tổ công tác), then words, then a kind and
 * the unit's name.
 *
 * Returns: (nullable): the kind after the body, or %NULL
 */
const char *
bc_office_kind_after_body (const char  *unit_name,
                           char       **body,
                           const char **rest)
{
  g_autofree char *folded = NULL;
  const char *start = NULL;

  g_return_val_if_fail (unit_name != NULL, NULL);

  folded = g_utf8_strdown (unit_name, -1);
  /* Lower-casing Vietnamese keeps each letter's length in bytes. */
  if (strlen (folded) != strlen (unit_name))
    return NULL;
  for (guint i = 0; bodies[i] && start == NULL; i++)
    if (g_str_has_prefix (folded, bodies[i]) && folded[strlen (bodies[i])] == ' ')
      start = folded + strlen (bodies[i]);
  for (const char *p = start; p != NULL && (p = strchr (p, ' ')) != NULL; p++)
    {
      const char *after = NULL;
      const char *kind = bc_office_kind_from_name (unit_name + (p + 1 - folded), &after);

      if (kind == NULL)
        continue;
      if (body != NULL)
        *body = g_strstrip (g_strndup (unit_name, (gsize) (p - folded)));
      if (rest != NULL)
        *rest = after;
      return kind;
    }
  return NULL;
}

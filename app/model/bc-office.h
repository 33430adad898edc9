/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bc-types.h"

G_BEGIN_DECLS

#define BC_OFFICE_ERROR (bc_office_error_quark ())

typedef enum
{
  BC_OFFICE_ERROR_INVALID,     /* a field's value is refused */
  BC_OFFICE_ERROR_NO_FIELD,    /* not a field of a profile */
  BC_OFFICE_ERROR_TOO_LARGE,   /* past a limit of bc-limits.h */
} BcOfficeError;

/* An office profile: who writes a library's reports. Its fields, each a
 * string ("" when unset), see bc_office_fields():
 *   unit, unit_kind          "Ninh Hải", "huyện" (one of bc_office_unit_kinds())
 *   supervising_body         "UBND HUYỆN NINH HẢI"
 *   issuing_body             "TỔ CÔNG TÁC ĐỀ ÁN 06"
 *   place                    "Ninh Hải", for the date line
 *   symbol_report,
 *   symbol_plan              the number symbol by template kind: "BC-UBND", "KH-UBND"
 *   signer_authority         "", "TM.", "KT.", "Q.", "TL." or "TUQ."
 *   signer_body              the collective body after TM./KT.
 *   signer_authority_title   "TỔ TRƯỞNG"
 *   signer_title             "PHÓ CHỦ TỊCH"
 *   signer_title2            the line under the signing space
 *   signer_name
 *   recipients, cc           Kính gửi and Nơi nhận: one entry a line
 * A report copies what it needs at its creation (bc_store_create_report_for_office()):
 * changing a profile later leaves the reports already written alone. */

#define BC_TYPE_OFFICE (bc_office_get_type ())
G_DECLARE_FINAL_TYPE (BcOffice, bc_office, BC, OFFICE, GObject)

GQuark              bc_office_error_quark       (void);
BcOffice           *bc_office_new               (const char      *unit,
                                                 const char      *unit_kind,
                                                 GError         **error);
BcOffice           *bc_office_new_guessed       (const char      *unit_name,
                                                 const char      *fallback_kind);
BcOffice           *bc_office_copy              (BcOffice        *self);
gint64              bc_office_get_id            (BcOffice        *self);
const char         *bc_office_get_uuid          (BcOffice        *self);
const char         *bc_office_get               (BcOffice        *self,
                                                 const char      *field);
gboolean            bc_office_set               (BcOffice        *self,
                                                 const char      *field,
                                                 const char      *value,
                                                 GError         **error);
gboolean            bc_office_validate          (BcOffice        *self,
                                                 GError         **error);
char               *bc_office_dup_unit_name     (BcOffice        *self);
char               *bc_office_dup_header_value  (BcOffice        *self,
                                                 const char      *header_field,
                                                 const char      *template_kind);
gboolean            bc_office_equal             (BcOffice        *a,
                                                 BcOffice        *b);

const char * const *bc_office_fields            (void);
const char         *bc_office_field_label       (const char      *field);
gboolean            bc_office_field_is_list     (const char      *field);
const char * const *bc_office_unit_kinds        (void);
const char         *bc_office_kind_from_name    (const char      *unit_name,
                                                 const char     **rest);
const char         *bc_office_kind_after_body   (const char      *unit_name,
                                                 char           **body,
                                                 const char     **rest);

/* For the store: the id and uuid a profile gets when written. */
void                bc_office_set_identity      (BcOffice        *self,
                                                 gint64           id,
                                                 const char      *uuid);

G_END_DECLS

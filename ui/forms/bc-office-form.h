/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bc-office.h"

G_BEGIN_DECLS

#define BC_TYPE_OFFICE_FORM (bc_office_form_get_type ())
G_DECLARE_FINAL_TYPE (BcOfficeForm, bc_office_form, BC, OFFICE_FORM, AdwBin)

GtkWidget  *bc_office_form_new        (void);
void        bc_office_form_set_office (BcOfficeForm  *self,
                                       BcOffice      *office);
BcOffice   *bc_office_form_dup_office (BcOfficeForm  *self,
                                       GError       **error);
void        bc_office_form_set_text   (BcOfficeForm  *self,
                                       const char    *field,
                                       const char    *text);
char       *bc_office_form_dup_text   (BcOfficeForm  *self,
                                       const char    *field);
const char *bc_office_form_get_error  (BcOfficeForm  *self);
const char *bc_office_form_get_unit_note (BcOfficeForm  *self);

G_END_DECLS

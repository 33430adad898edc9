/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BC_NUMBER_ERROR (bc_number_error_quark ())

typedef enum
{
  BC_NUMBER_ERROR_EMPTY,
  BC_NUMBER_ERROR_NOT_A_NUMBER,
  BC_NUMBER_ERROR_NEGATIVE,
  BC_NUMBER_ERROR_FRACTION,
  BC_NUMBER_ERROR_TOO_LARGE,
} BcNumberError;

GQuark    bc_number_error_quark    (void);
char     *bc_format_int            (gint64       value);
char     *bc_format_percent        (double       ratio,
                                    guint        decimals);
gboolean  bc_parse_count           (const char  *text,
                                    gint64       max,
                                    gint64      *value,
                                    GError     **error);

G_END_DECLS

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

/* The largest count a cell, a key figure or a column's total may hold:
 * fifteen digits, which a spreadsheet (a double) still adds exactly. */
#define BC_COUNT_MAX G_GINT64_CONSTANT (999999999999999)

GQuark    bc_number_error_quark    (void);
char     *bc_format_int            (gint64       value);
char     *bc_format_percent        (double       ratio,
                                    guint        decimals);
gboolean  bc_parse_count           (const char  *text,
                                    gint64       max,
                                    gint64      *value,
                                    GError     **error);
gboolean  bc_count_add             (gint64      *sum,
                                    gint64       value);
gboolean  bc_parse_percent         (const char  *text,
                                    gint64       max,
                                    char       **canonical,
                                    GError     **error);
char     *bc_percent_to_display    (const char  *canonical);

G_END_DECLS

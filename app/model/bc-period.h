/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bc-types.h"

G_BEGIN_DECLS

/* Periods are ISO dates ("2024-05-20") in the model and the store. */

#define BC_PERIOD_ERROR (bc_period_error_quark ())

typedef enum
{
  BC_PERIOD_ERROR_INVALID,      /* not dates */
  BC_PERIOD_ERROR_REVERSED,     /* ends before it starts */
  BC_PERIOD_ERROR_REGIME,       /* not one of the template's periods */
  BC_PERIOD_ERROR_FORM,         /* not written as dd/mm/yyyy */
  BC_PERIOD_ERROR_NO_SUCH_DAY,  /* in that form, but no such day: 31/02 */
} BcPeriodError;

GQuark    bc_period_error_quark  (void);

gboolean  bc_date_parse          (const char *text,
                                  GDate      *date);
char     *bc_date_to_iso         (const GDate *date);
char     *bc_date_to_display     (const char  *iso);
char     *bc_date_from_display   (const char  *text);
gboolean  bc_date_parse_display  (const char  *text,
                                  char       **iso,
                                  GError     **error);
void      bc_period_containing   (BcRegime     regime,
                                  guint        cutoff_day,
                                  const GDate *day,
                                  GDate       *from,
                                  GDate       *to);
void      bc_date_today          (GDate       *date);
gboolean  bc_period_in_last_month (BcRegime    regime,
                                  const GDate *to,
                                  const GDate *day);
void      bc_period_default      (BcRegime     regime,
                                  guint        cutoff_day,
                                  gboolean     looks_ahead,
                                  const GDate *today,
                                  char       **from,
                                  char       **to);
gboolean  bc_period_next         (BcRegime     regime,
                                  guint        cutoff_day,
                                  const char  *from,
                                  const char  *to,
                                  char       **next_from,
                                  char       **next_to);
void      bc_period_of_year      (BcRegime     regime,
                                  guint        cutoff_day,
                                  guint        year,
                                  char       **from,
                                  char       **to);
gboolean  bc_period_check        (BcRegime     regime,
                                  guint        cutoff_day,
                                  const char  *from,
                                  const char  *to,
                                  GError     **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BC_CALENDAR_ERROR (bc_calendar_error_quark ())

typedef enum
{
  BC_CALENDAR_ERROR_INVALID,   /* a line of a holidays file */
  BC_CALENDAR_ERROR_READ,
} BcCalendarError;

#define BC_TYPE_CALENDAR (bc_calendar_get_type ())
G_DECLARE_FINAL_TYPE (BcCalendar, bc_calendar, BC, CALENDAR, GObject)

GQuark      bc_calendar_error_quark           (void);
BcCalendar *bc_calendar_new                   (void);
gboolean    bc_calendar_add_data              (BcCalendar   *self,
                                               const char   *data,
                                               const char   *label,
                                               GError      **error);
BcCalendar *bc_calendar_load_default          (GError      **error);
gboolean    bc_calendar_is_working_day        (BcCalendar   *self,
                                               const GDate  *date);
const char *bc_calendar_get_name              (BcCalendar   *self,
                                               const GDate  *date);
void        bc_calendar_add_working_days      (BcCalendar   *self,
                                               GDate        *date,
                                               guint         n);
int         bc_calendar_count_working_days    (BcCalendar   *self,
                                               const GDate  *from,
                                               const GDate  *to);

G_END_DECLS

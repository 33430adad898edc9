/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bc-types.h"

G_BEGIN_DECLS

const char *bc_ui_status_label         (const char    *status);
char       *bc_ui_format_period        (const char    *from_iso,
                                        const char    *to_iso);
char       *bc_ui_format_timestamp     (const char    *iso_utc);
const char *bc_ui_section_kind_label   (BcSectionKind  kind);
const char *bc_ui_section_kind_icon    (BcSectionKind  kind);
const char *bc_ui_header_field_label   (const char    *field);
GSettings  *bc_ui_settings_new         (void);

G_END_DECLS

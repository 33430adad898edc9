/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-diff.h"
#include "bc-keys.h"
#include "bc-types.h"

G_BEGIN_DECLS

char       *bc_ui_format_period        (const char    *from_iso,
                                        const char    *to_iso);
char       *bc_ui_format_timestamp     (const char    *iso_utc);
const char *bc_ui_section_kind_label   (BcSectionKind  kind);
const char *bc_ui_section_kind_icon    (BcSectionKind  kind);
GSettings  *bc_ui_settings_new         (void);
char       *bc_ui_describe_diff        (BcReport      *report,
                                        const BcDiff  *diff);
char       *bc_ui_describe_author      (const char    *name,
                                        const char    *role,
                                        const char    *at);
const char *bc_ui_role_label           (const char    *role);
char       *bc_ui_account_name         (void);
void        bc_ui_set_user             (BcStore       *store,
                                        const char    *name,
                                        const char    *role);
void        bc_ui_load_user            (BcStore       *store);
void        bc_ui_set_tooltip          (GtkWidget     *widget,
                                        const char    *text);
void        bc_ui_set_menu_lazily      (GtkMenuButton *button,
                                        GMenuModel    *model);

G_END_DECLS

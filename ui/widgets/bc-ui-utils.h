/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-diff.h"
#include "bc-keys.h"
#include "bc-types.h"

G_BEGIN_DECLS

/* bc_ui_list_store_update(): whether @item may stay to show @value, and a
 * new item for @value. */
typedef gboolean (*BcUiKeepFunc) (gpointer  item,
                                  gpointer  value,
                                  gpointer  user_data);
typedef gpointer (*BcUiMakeFunc) (gpointer  value,
                                  gpointer  user_data);

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
void        bc_ui_label_set_inline     (GtkLabel      *label,
                                        const char    *text);
void        bc_ui_set_menu_lazily      (GtkMenuButton *button,
                                        GMenuModel    *model);
void        bc_ui_toast                (GtkWidget     *widget,
                                        const char    *message);
GtkWidget  *bc_ui_part_label_new       (const char    *title);
void        bc_ui_list_store_update    (GListStore    *store,
                                        GPtrArray     *values,
                                        BcUiKeepFunc   keep,
                                        BcUiMakeFunc   make,
                                        gpointer       user_data);

G_END_DECLS

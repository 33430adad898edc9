/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bc-review.h"

G_BEGIN_DECLS

#define BC_TYPE_COMMENT_VIEW (bc_comment_view_get_type ())
G_DECLARE_FINAL_TYPE (BcCommentView, bc_comment_view, BC, COMMENT_VIEW, GtkWidget)

GtkWidget *bc_comment_view_new  (const BcComment *comment);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A tiny expression language for template rules:
 *   expr   := term (('+' | '-') term)*
 *   term   := factor (('*' | '/') factor)*
 *   factor := NUMBER | NAME ['.' NAME] | 'sum' '(' NAME '.' NAME ')'
 *           | '(' expr ')' | '-' factor
 * NAME is a figure id, `figure.den` its denominator, and
 * `sum(table.column)` the sum of a table column over applicable rows.
 * An expression is at most BC_EXPR_MAX_LENGTH bytes long, and parentheses
 * and minus signs nest at most BC_EXPR_MAX_DEPTH deep. */

#define BC_EXPR_MAX_LENGTH 1000
#define BC_EXPR_MAX_DEPTH  32

#define BC_EXPR_ERROR (bc_expr_error_quark ())

typedef enum
{
  BC_EXPR_ERROR_INVALID,   /* not an expression, or one too long or too deep */
} BcExprError;

GQuark bc_expr_error_quark (void);

typedef struct _BcExpr BcExpr;

typedef enum
{
  BC_EXPR_REF_FIGURE,   /* a = figure id, b = NULL or "den" */
  BC_EXPR_REF_SUM,      /* a = table id, b = column id */
} BcExprRefKind;

/* Returns FALSE when the name is unknown (validation) or has no value
 * (evaluation). */
typedef gboolean (*BcExprResolveFunc) (BcExprRefKind  kind,
                                       const char    *a,
                                       const char    *b,
                                       double        *value,
                                       gpointer       user_data);

BcExpr   *bc_expr_parse     (const char         *text,
                             GError            **error);
void      bc_expr_free      (BcExpr             *expr);
gboolean  bc_expr_validate  (const BcExpr       *expr,
                             BcExprResolveFunc   resolve,
                             gpointer            user_data,
                             char              **unknown);
gboolean  bc_expr_evaluate  (const BcExpr       *expr,
                             BcExprResolveFunc   resolve,
                             gpointer            user_data,
                             double             *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BcExpr, bc_expr_free)

G_END_DECLS

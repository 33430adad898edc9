/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-expr"

#include "bc-expr.h"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (bc-expr-error-quark, bc_expr_error)

typedef enum { NODE_NUM, NODE_REF, NODE_SUM, NODE_NEG, NODE_BIN } NodeKind;

struct _BcExpr
{
  NodeKind  kind;
  double    num;
  char     *a;
  char     *b;
  char      op;
  BcExpr   *left;
  BcExpr   *right;
};

typedef struct
{
  const char  *text;
  const char  *p;
  guint        depth;   /* open parentheses and minus signs */
  GError     **error;
} Parser;

static BcExpr *parse_expr (Parser *ps);

static BcExpr *
node_new (NodeKind kind)
{
  BcExpr *e = g_new0 (BcExpr, 1);
  e->kind = kind;
  return e;
}

void
bc_expr_free (BcExpr *expr)
{
  if (expr == NULL)
    return;
  bc_expr_free (expr->left);
  bc_expr_free (expr->right);
  g_free (expr->a);
  g_free (expr->b);
  g_free (expr);
}

static void
skip_space (Parser *ps)
{
  while (*ps->p == ' ' || *ps->p == '\t')
    ps->p++;
}

static gboolean
fail (Parser     *ps,
      const char *what)
{
  if (*ps->error == NULL)
    g_set_error (ps->error, BC_EXPR_ERROR, BC_EXPR_ERROR_INVALID,
                 "%s at column %d of “%s”", what,
                 (int) (ps->p - ps->text) + 1, ps->text);
  return FALSE;
}

static char *
parse_name (Parser *ps)
{
  const char *start = ps->p;

  while (g_ascii_isalnum (*ps->p) || *ps->p == '_' || *ps->p == '-')
    ps->p++;
  if (ps->p == start)
    return NULL;
  return g_strndup (start, ps->p - start);
}

/* A parenthesis or a minus sign goes one level deeper into the recursion. */
static gboolean
enter (Parser *ps)
{
  if (++ps->depth <= BC_EXPR_MAX_DEPTH)
    return TRUE;
  if (*ps->error == NULL)
    g_set_error (ps->error, BC_EXPR_ERROR, BC_EXPR_ERROR_INVALID,
                 _("parentheses and minus signs nest more than %d deep at column %d"),
                 BC_EXPR_MAX_DEPTH, (int) (ps->p - ps->text) + 1);
  return FALSE;
}

static BcExpr *
parse_factor (Parser *ps)
{
  BcExpr *e;

  skip_space (ps);
  if ((*ps->p == '(' || *ps->p == '-') && !enter (ps))
    return NULL;
  if (*ps->p == '(')
    {
      ps->p++;
      e = parse_expr (ps);
      ps->depth--;
      skip_space (ps);
      if (e == NULL || *ps->p != ')')
        {
          bc_expr_free (e);
          fail (ps, "expected “)”");
          return NULL;
        }
      ps->p++;
      return e;
    }
  if (*ps->p == '-')
    {
      ps->p++;
      e = node_new (NODE_NEG);
      e->left = parse_factor (ps);
      ps->depth--;
      if (e->left == NULL)
        {
          bc_expr_free (e);
          return NULL;
        }
      return e;
    }
  if (g_ascii_isdigit (*ps->p))
    {
      char *end = NULL;
      e = node_new (NODE_NUM);
      e->num = g_ascii_strtod (ps->p, &end);
      ps->p = end;
      return e;
    }
  if (g_ascii_isalpha (*ps->p) || *ps->p == '_')
    {
      g_autofree char *name = parse_name (ps);

      if (g_str_equal (name, "sum"))
        {
          skip_space (ps);
          if (*ps->p != '(')
            return fail (ps, "expected “(” after sum"), NULL;
          ps->p++;
          skip_space (ps);
          e = node_new (NODE_SUM);
          e->a = parse_name (ps);
          if (e->a == NULL || *ps->p != '.')
            return bc_expr_free (e), fail (ps, "expected table.column"), NULL;
          ps->p++;
          e->b = parse_name (ps);
          skip_space (ps);
          if (e->b == NULL || *ps->p != ')')
            return bc_expr_free (e), fail (ps, "expected table.column)"), NULL;
          ps->p++;
          return e;
        }
      e = node_new (NODE_REF);
      e->a = g_steal_pointer (&name);
      if (*ps->p == '.')
        {
          ps->p++;
          e->b = parse_name (ps);
          if (e->b == NULL || !g_str_equal (e->b, "den"))
            return bc_expr_free (e), fail (ps, "only “.den” may follow a figure id"), NULL;
        }
      return e;
    }
  fail (ps, *ps->p ? "unexpected character" : "unexpected end");
  return NULL;
}

static BcExpr *
parse_binary (Parser *ps, const char *ops, BcExpr *(*next) (Parser *))
{
  BcExpr *left = next (ps);

  while (left != NULL)
    {
      BcExpr *bin;

      skip_space (ps);
      if (*ps->p == '\0' || strchr (ops, *ps->p) == NULL)
        break;
      bin = node_new (NODE_BIN);
      bin->op = *ps->p++;
      bin->left = left;
      bin->right = next (ps);
      if (bin->right == NULL)
        {
          bc_expr_free (bin);
          return NULL;
        }
      left = bin;
    }
  return left;
}

static BcExpr *
parse_term (Parser *ps)
{
  return parse_binary (ps, "*/", parse_factor);
}

static BcExpr *
parse_expr (Parser *ps)
{
  return parse_binary (ps, "+-", parse_term);
}

/**
 * bc_expr_parse:
 * @text: the expression
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the parsed expression, or %NULL on error
 */
BcExpr *
bc_expr_parse (const char  *text,
               GError     **error)
{
  Parser ps = { text, text, 0, error };
  BcExpr *e;

  g_return_val_if_fail (text != NULL, NULL);

  /* Bounds the terms too, and with them the depth of the tree that
   * walk() and bc_expr_free() recurse into. */
  if (strlen (text) > BC_EXPR_MAX_LENGTH)
    {
      g_set_error (error, BC_EXPR_ERROR, BC_EXPR_ERROR_INVALID,
                   _("the expression is longer than %d characters"), BC_EXPR_MAX_LENGTH);
      return NULL;
    }
  e = parse_expr (&ps);
  skip_space (&ps);
  if (e != NULL && *ps.p != '\0')
    {
      bc_expr_free (e);
      fail (&ps, "unexpected text");
      return NULL;
    }
  return e;
}

static gboolean
walk (const BcExpr       *e,
      BcExprResolveFunc   resolve,
      gpointer            user_data,
      gboolean            validate,
      char              **unknown,
      double             *out)
{
  double l = 0, r = 0;

  switch (e->kind)
    {
    case NODE_NUM:
      *out = e->num;
      return TRUE;
    case NODE_REF:
    case NODE_SUM:
      if (!resolve (e->kind == NODE_REF ? BC_EXPR_REF_FIGURE : BC_EXPR_REF_SUM,
                    e->a, e->b, out, user_data))
        {
          if (unknown != NULL)
            *unknown = e->kind == NODE_SUM || e->b
                       ? g_strdup_printf ("%s.%s", e->a, e->b) : g_strdup (e->a);
          return FALSE;
        }
      return TRUE;
    case NODE_NEG:
      if (!walk (e->left, resolve, user_data, validate, unknown, &l))
        return FALSE;
      *out = -l;
      return TRUE;
    case NODE_BIN:
      if (!walk (e->left, resolve, user_data, validate, unknown, &l)
          || !walk (e->right, resolve, user_data, validate, unknown, &r))
        return FALSE;
      switch (e->op)
        {
        case '+': *out = l + r; break;
        case '-': *out = l - r; break;
        case '*': *out = l * r; break;
        default:
          if (r == 0 && !validate)
            return FALSE;
          *out = r == 0 ? 0 : l / r;
          break;
        }
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/**
 * bc_expr_validate:
 * @unknown: (out) (optional) (transfer full): the first name @resolve did not know
 *
 * Returns: %TRUE when @resolve knows every name in @expr
 */
gboolean
bc_expr_validate (const BcExpr       *expr,
                  BcExprResolveFunc   resolve,
                  gpointer            user_data,
                  char              **unknown)
{
  double ignored;

  g_return_val_if_fail (expr != NULL, FALSE);
  return walk (expr, resolve, user_data, TRUE, unknown, &ignored);
}

/**
 * bc_expr_evaluate:
 *
 * Returns: %FALSE when a value is missing or a division by zero occurs
 */
gboolean
bc_expr_evaluate (const BcExpr      *expr,
                  BcExprResolveFunc  resolve,
                  gpointer           user_data,
                  double            *result)
{
  g_return_val_if_fail (expr != NULL, FALSE);
  return walk (expr, resolve, user_data, FALSE, NULL, result);
}

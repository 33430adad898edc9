/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-finding"

#include "config.h"

#include "bc-finding.h"
#include "bc-keys.h"

struct _BcFinding
{
  GObject     parent_instance;

  BcSeverity  severity;
  char       *rule;
  char       *location;
  char       *message;
  char       *id;
  char       *group;
  gboolean    has_span;
  guint       offset;
  guint       length;
  char       *explanation;
};

G_DEFINE_FINAL_TYPE (BcFinding, bc_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_RULE,
  PROP_LOCATION,
  PROP_MESSAGE,
  PROP_ID,
  PROP_GROUP,
  PROP_EXPLAINED,
  PROP_EXPLANATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bc_finding_finalize (GObject *object)
{
  BcFinding *self = (BcFinding *) object;

  g_free (self->rule);
  g_free (self->location);
  g_free (self->message);
  g_free (self->id);
  g_free (self->group);
  g_free (self->explanation);

  G_OBJECT_CLASS (bc_finding_parent_class)->finalize (object);
}

static void
bc_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BcFinding *self = BC_FINDING (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_int (value, self->severity);
      break;
    case PROP_RULE:
      g_value_set_string (value, self->rule);
      break;
    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_EXPLAINED:
      g_value_set_boolean (value, self->explanation != NULL);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_finding_class_init (BcFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = bc_finding_finalize;
  object_class->get_property = bc_finding_get_property;

  /* A BcSeverity: 0 warning, 1 error. */
  properties[PROP_SEVERITY] = g_param_spec_int ("severity", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_RULE] = g_param_spec_string ("rule", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, flags);
  properties[PROP_EXPLAINED] = g_param_spec_boolean ("explained", NULL, NULL, FALSE, flags);
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_finding_init (BcFinding *self)
{
}

/**
 * bc_finding_new:
 * @severity: error or warning
 * @rule: the rule id, "table.processed_le_online"
 * @location: the value key it is about
 * @tag: (nullable): what tells it apart from another finding of the same
 *   rule at the same location
 * @message: what is wrong, in Vietnamese, naming the numbers
 *
 * Returns: (transfer full): a new finding
 */
BcFinding *
bc_finding_new (BcSeverity  severity,
                const char *rule,
                const char *location,
                const char *tag,
                const char *message)
{
  BcFinding *self;

  g_return_val_if_fail (rule != NULL && location != NULL && message != NULL, NULL);

  self = g_object_new (BC_TYPE_FINDING, NULL);
  self->severity = severity;
  self->rule = g_strdup (rule);
  self->location = g_strdup (location);
  self->message = g_strdup (message);
  self->id = tag && *tag ? g_strdup_printf ("%s@%s#%s", rule, location, tag)
                         : g_strdup_printf ("%s@%s", rule, location);
  self->group = bc_key_dup_group (location);
  return self;
}

BcSeverity
bc_finding_get_severity (BcFinding *self)
{
  g_return_val_if_fail (BC_IS_FINDING (self), BC_SEVERITY_WARNING);
  return self->severity;
}

const char *
bc_finding_get_rule (BcFinding *self)
{
  g_return_val_if_fail (BC_IS_FINDING (self), NULL);
  return self->rule;
}

/**
 * bc_finding_get_location:
 *
 * Returns: the value key the finding is about, where the UI jumps to
 */
const char *
bc_finding_get_location (BcFinding *self)
{
  g_return_val_if_fail (BC_IS_FINDING (self), NULL);
  return self->location;
}

const char *
bc_finding_get_message (BcFinding *self)
{
  g_return_val_if_fail (BC_IS_FINDING (self), NULL);
  return self->message;
}

/**
 * bc_finding_get_id:
 *
 * Returns: "<rule>@<location>[#<tag>]", stable while the numbers it is
 *   about stay the same
 */
const char *
bc_finding_get_id (BcFinding *self)
{
  g_return_val_if_fail (BC_IS_FINDING (self), NULL);
  return self->id;
}

/**
 * bc_finding_get_group:
 *
 * Returns: what the findings panel groups by: "header", "meta",
 *   "sec/<section>" (a key figure's own section), "tbl/<table>" or
 *   "report" for a rule over several places
 */
const char *
bc_finding_get_group (BcFinding *self)
{
  g_return_val_if_fail (BC_IS_FINDING (self), NULL);
  return self->group;
}

/**
 * bc_finding_get_span:
 * @offset: (out) (optional): first character (not byte) in the text
 * @length: (out) (optional): number of characters
 *
 * Returns: %TRUE when the finding is about part of a text value
 */
gboolean
bc_finding_get_span (BcFinding *self,
                     guint     *offset,
                     guint     *length)
{
  g_return_val_if_fail (BC_IS_FINDING (self), FALSE);
  if (offset)
    *offset = self->offset;
  if (length)
    *length = self->length;
  return self->has_span;
}

gboolean
bc_finding_get_explained (BcFinding *self)
{
  g_return_val_if_fail (BC_IS_FINDING (self), FALSE);
  return self->explanation != NULL;
}

/**
 * bc_finding_get_explanation:
 *
 * Returns: (nullable): why the clerk let it stand, or %NULL
 */
const char *
bc_finding_get_explanation (BcFinding *self)
{
  g_return_val_if_fail (BC_IS_FINDING (self), NULL);
  return self->explanation;
}

/**
 * bc_finding_dup_explanation_key:
 *
 * Returns: (transfer full): the report key that holds the explanation,
 *   "expl/<id>"; store it with bc_store_set_value()
 */
char *
bc_finding_dup_explanation_key (BcFinding *self)
{
  g_return_val_if_fail (BC_IS_FINDING (self), NULL);
  return bc_key_explanation (self->id);
}

/**
 * bc_finding_set_severity:
 *
 * The checker raises a finding that also stands for a less specific one
 * it dropped (the same mistake found twice) to the graver of the two.
 */
void
bc_finding_set_severity (BcFinding  *self,
                         BcSeverity  severity)
{
  g_return_if_fail (BC_IS_FINDING (self));
  if (self->severity == severity)
    return;
  self->severity = severity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEVERITY]);
}

void
bc_finding_set_span (BcFinding *self,
                     guint      offset,
                     guint      length)
{
  g_return_if_fail (BC_IS_FINDING (self));
  self->has_span = TRUE;
  self->offset = offset;
  self->length = length;
}

void
bc_finding_set_group (BcFinding  *self,
                      const char *group)
{
  g_return_if_fail (BC_IS_FINDING (self));
  if (g_strcmp0 (self->group, group) == 0)
    return;
  g_free (self->group);
  self->group = g_strdup (group);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUP]);
}

/**
 * bc_finding_set_explanation:
 * @explanation: (nullable): the clerk's explanation; %NULL or "": none
 */
void
bc_finding_set_explanation (BcFinding  *self,
                            const char *explanation)
{
  gboolean was_explained;

  g_return_if_fail (BC_IS_FINDING (self));
  if (explanation != NULL && *explanation == '\0')
    explanation = NULL;
  if (g_strcmp0 (self->explanation, explanation) == 0)
    return;
  was_explained = self->explanation != NULL;
  g_free (self->explanation);
  self->explanation = g_strdup (explanation);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLANATION]);
  if (was_explained != (explanation != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLAINED]);
}

/**
 * bc_severity_to_string:
 *
 * Returns: "error" or "warning", for machine-readable output
 */
const char *
bc_severity_to_string (BcSeverity severity)
{
  return severity == BC_SEVERITY_ERROR ? "error" : "warning";
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bc-input-registry"

#include "config.h"

#include "bc-input-registry.h"

/* The inputs of one editing session's forms, by the value key each shows:
 * a finding is marked on its field and focuses it, and the field in focus
 * names what a comment is about. The report page owns the registry and
 * hands it to the forms it builds, which edit the report through its
 * session. An input leaves the registry when it is destroyed.
 *
 * An input that refuses what was typed in it says so through the registry
 * (::field-error), for the page to show the reason under the form. */

typedef struct
{
  char *key;    /* the value it shows; NULL: only named */
  char *name;   /* its name in messages; NULL: its row's title */
} Input;

struct _BcInputRegistry
{
  GObject        parent_instance;

  /* owned */
  BcEditSession *session;
  GHashTable    *by_key;      /* key -> GtkWidget (borrowed) */
  GHashTable    *by_widget;   /* GtkWidget (borrowed) -> Input */
};

G_DEFINE_FINAL_TYPE (BcInputRegistry, bc_input_registry, G_TYPE_OBJECT)

enum
{
  FIELD_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
input_free (Input *input)
{
  g_free (input->key);
  g_free (input->name);
  g_free (input);
}

static void
widget_destroyed_cb (GtkWidget       *widget,
                     BcInputRegistry *self)
{
  Input *input = g_hash_table_lookup (self->by_widget, widget);

  /* Another widget may show the key now. */
  if (input != NULL && input->key != NULL && g_hash_table_lookup (self->by_key, input->key) == widget)
    g_hash_table_remove (self->by_key, input->key);
  g_hash_table_remove (self->by_widget, widget);
}

static Input *
ensure_input (BcInputRegistry *self,
              GtkWidget       *widget)
{
  Input *input = g_hash_table_lookup (self->by_widget, widget);

  if (input == NULL)
    {
      input = g_new0 (Input, 1);
      g_hash_table_insert (self->by_widget, widget, input);
      g_signal_connect_object (widget, "destroy", G_CALLBACK (widget_destroyed_cb), self, 0);
    }
  return input;
}

static void
bc_input_registry_finalize (GObject *object)
{
  BcInputRegistry *self = BC_INPUT_REGISTRY (object);

  g_hash_table_unref (self->by_widget);
  g_hash_table_unref (self->by_key);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (bc_input_registry_parent_class)->finalize (object);
}

static void
bc_input_registry_class_init (BcInputRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_input_registry_finalize;

  /**
   * BcInputRegistry::field-error:
   * @key: the value key of the input, or "" for an input shown for none
   * @message: why what was typed was refused, or "" when the input is
   *   right again
   */
  signals[FIELD_ERROR] = g_signal_new ("field-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
bc_input_registry_init (BcInputRegistry *self)
{
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_widget = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) input_free);
}

/**
 * bc_input_registry_new:
 * @session: the session the registered inputs edit through
 *
 * Returns: (transfer full): an empty registry
 */
BcInputRegistry *
bc_input_registry_new (BcEditSession *session)
{
  BcInputRegistry *self;

  g_return_val_if_fail (BC_IS_EDIT_SESSION (session), NULL);

  self = g_object_new (BC_TYPE_INPUT_REGISTRY, NULL);
  self->session = g_object_ref (session);
  return self;
}

/**
 * bc_input_registry_get_session:
 *
 * Returns: (transfer none): the session the inputs edit through
 */
BcEditSession *
bc_input_registry_get_session (BcInputRegistry *self)
{
  g_return_val_if_fail (BC_IS_INPUT_REGISTRY (self), NULL);
  return self->session;
}

/**
 * bc_input_registry_add:
 *
 * Records that @widget shows the value under @key, until it is destroyed
 * or added again for another key.
 */
void
bc_input_registry_add (BcInputRegistry *self,
                       const char      *key,
                       GtkWidget       *widget)
{
  Input *input;

  g_return_if_fail (BC_IS_INPUT_REGISTRY (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  input = ensure_input (self, widget);
  g_free (input->key);
  input->key = g_strdup (key);
  g_hash_table_insert (self->by_key, g_strdup (key), widget);
}

/**
 * bc_input_registry_lookup:
 *
 * Returns: (transfer none) (nullable): the input shown for @key, if any
 */
GtkWidget *
bc_input_registry_lookup (BcInputRegistry *self,
                          const char      *key)
{
  g_return_val_if_fail (BC_IS_INPUT_REGISTRY (self), NULL);
  return g_hash_table_lookup (self->by_key, key);
}

/**
 * bc_input_registry_find_key:
 *
 * Returns: (nullable): the key @widget was added for, while it shows it
 */
const char *
bc_input_registry_find_key (BcInputRegistry *self,
                            GtkWidget       *widget)
{
  Input *input;

  g_return_val_if_fail (BC_IS_INPUT_REGISTRY (self), NULL);

  input = g_hash_table_lookup (self->by_widget, widget);
  return input != NULL ? input->key : NULL;
}

/**
 * bc_input_registry_get_inputs:
 *
 * Returns: (transfer none) (element-type utf8 GtkWidget): the inputs shown, by key
 */
GHashTable *
bc_input_registry_get_inputs (BcInputRegistry *self)
{
  g_return_val_if_fail (BC_IS_INPUT_REGISTRY (self), NULL);
  return self->by_key;
}

/**
 * bc_input_registry_set_name:
 *
 * Names @widget in the messages about it (bc_show_field_error()).
 */
void
bc_input_registry_set_name (BcInputRegistry *self,
                            GtkWidget       *widget,
                            const char      *name)
{
  Input *input;

  g_return_if_fail (BC_IS_INPUT_REGISTRY (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  input = ensure_input (self, widget);
  g_free (input->name);
  input->name = g_strdup (name);
}

/**
 * bc_input_registry_get_name:
 *
 * Returns: (nullable): the name given to @widget, if any
 */
const char *
bc_input_registry_get_name (BcInputRegistry *self,
                            GtkWidget       *widget)
{
  Input *input;

  g_return_val_if_fail (BC_IS_INPUT_REGISTRY (self), NULL);

  input = g_hash_table_lookup (self->by_widget, widget);
  return input != NULL ? input->name : NULL;
}

/**
 * bc_input_registry_tell_error:
 * @message: (nullable): why what was typed in @widget was refused, or
 *   %NULL when it is right again
 *
 * Emits ::field-error for @widget.
 */
void
bc_input_registry_tell_error (BcInputRegistry *self,
                              GtkWidget       *widget,
                              const char      *message)
{
  const char *key;

  g_return_if_fail (BC_IS_INPUT_REGISTRY (self));

  key = bc_input_registry_find_key (self, widget);
  g_signal_emit (self, signals[FIELD_ERROR], 0, key != NULL ? key : "", message != NULL ? message : "");
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "xinzhi-progress.h"

/* ---- Progress from a thread ----------------------------------------------------------
 *
 * A task's thread tells its progress with xinzhi_progress_relay_report(); the figure
 * goes to the caller's main context through at most one idle source at a time, which
 * takes the latest figure when it runs, so a fast thread cannot flood that context.
 * When the task ends, in the caller's context, xinzhi_progress_relay_stop() drops the
 * figure on its way before the caller's callback runs, no figure is given after, and
 * xinzhi_progress_relay_end() frees the progress data after the callback.  Used by
 * xinzhi_corpus_load_file_async() and xinzhi_import_files_async(). */

struct _XinzhiProgressRelay
{
  GMainContext             *context;          /* the caller's */
  int                       priority;         /* of the idle that brings a figure */
  const char               *name;             /* of that idle (static) */
  XinzhiCorpusProgressFunc  progress;
  gpointer                  progress_data;
  GDestroyNotify            progress_notify;

  GMutex                    mutex;            /* guards what follows */
  double                    fraction;         /* the thread's last figure */
  double                    shown;            /* the last figure given to @progress */
  GSource                  *pending;          /* the idle bringing @fraction, or NULL */
  gboolean                  done;             /* the task has ended: no more figures */
};

/* The last reference may go in the thread. */
static void
relay_clear (gpointer data)
{
  XinzhiProgressRelay *self = data;

  g_assert (self->pending == NULL);
  g_assert (self->progress_notify == NULL);

  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->mutex);
}

/**
 * xinzhi_progress_relay_new:
 * @priority: the priority of the idle that brings a figure; at least
 *   %G_PRIORITY_DEFAULT_IDLE is used
 * @name: (not nullable): a static name for that idle, for profilers
 * @progress: (nullable): told the figures in the thread-default main context of the
 *   caller, each higher than the one before
 * @progress_data: for @progress
 * @progress_notify: (nullable): frees @progress_data in xinzhi_progress_relay_end()
 *
 * Returns: (transfer full): a relay, whose reference count is atomic
 */
XinzhiProgressRelay *
xinzhi_progress_relay_new (int                       priority,
                           const char               *name,
                           XinzhiCorpusProgressFunc  progress,
                           gpointer                  progress_data,
                           GDestroyNotify            progress_notify)
{
  XinzhiProgressRelay *self = g_atomic_rc_box_new0 (XinzhiProgressRelay);

  self->context = g_main_context_ref_thread_default ();
  self->priority = MAX (priority, G_PRIORITY_DEFAULT_IDLE);
  self->name = name;
  self->progress = progress;
  self->progress_data = progress_data;
  self->progress_notify = progress_notify;
  g_mutex_init (&self->mutex);

  return self;
}

static XinzhiProgressRelay *
relay_ref (XinzhiProgressRelay *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
xinzhi_progress_relay_unref (XinzhiProgressRelay *self)
{
  g_atomic_rc_box_release_full (self, relay_clear);
}

/* In the caller's context: gives @progress the latest figure, unless the task has
 * ended. */
static gboolean
relay_idle_cb (gpointer user_data)
{
  XinzhiProgressRelay *self = user_data;
  g_autoptr(GSource) source = NULL;
  gboolean give;
  double fraction;

  g_mutex_lock (&self->mutex);
  source = g_steal_pointer (&self->pending);
  fraction = self->fraction;
  give = !self->done && fraction > self->shown;
  if (give)
    self->shown = fraction;
  g_mutex_unlock (&self->mutex);

  if (give)
    self->progress (fraction, self->progress_data);

  return G_SOURCE_REMOVE;
}

/**
 * xinzhi_progress_relay_report:
 * @fraction: how much is done, from 0 to 1
 * @relay: (type XinzhiProgressRelay): the relay
 *
 * In any thread: sends @fraction to the caller's context, unless it is not more than
 * a figure sent before.  A #XinzhiCorpusProgressFunc, with the relay as its data.
 */
void
xinzhi_progress_relay_report (double   fraction,
                              gpointer relay)
{
  XinzhiProgressRelay *self = relay;

  if (self->progress == NULL)
    return;

  g_mutex_lock (&self->mutex);
  self->fraction = MAX (self->fraction, fraction);
  if (!self->done && self->pending == NULL)
    {
      self->pending = g_idle_source_new ();
      g_source_set_static_name (self->pending, self->name);
      g_source_set_priority (self->pending, self->priority);
      g_source_set_callback (self->pending, relay_idle_cb,
                             relay_ref (self), (GDestroyNotify) xinzhi_progress_relay_unref);
      g_source_attach (self->pending, self->context);
    }
  g_mutex_unlock (&self->mutex);
}

/**
 * xinzhi_progress_relay_finish:
 * @callback: (nullable): the task's callback
 * @result: the task's result
 * @user_data: for @callback
 *
 * In the caller's context, once the task's thread has returned: stops the relay,
 * calls @callback, then frees the progress data.
 */
void
xinzhi_progress_relay_finish (XinzhiProgressRelay *self,
                              GAsyncReadyCallback  callback,
                              GAsyncResult        *result,
                              gpointer             user_data)
{
  xinzhi_progress_relay_stop (self);
  if (callback != NULL)
    callback (NULL, result, user_data);
  xinzhi_progress_relay_end (self);
}

/**
 * xinzhi_progress_relay_stop:
 *
 * In the caller's context, once the task has ended and before its callback runs: the
 * figure on its way is dropped, and none comes after.
 */
void
xinzhi_progress_relay_stop (XinzhiProgressRelay *self)
{
  g_autoptr(GSource) pending = NULL;

  g_mutex_lock (&self->mutex);
  self->done = TRUE;
  pending = g_steal_pointer (&self->pending);
  g_mutex_unlock (&self->mutex);
  if (pending != NULL)
    g_source_destroy (pending);
}

/**
 * xinzhi_progress_relay_end:
 *
 * In the caller's context, after the task's callback has run: frees the progress
 * data.  It stops the relay first if that was not done.
 */
void
xinzhi_progress_relay_end (XinzhiProgressRelay *self)
{
  GDestroyNotify progress_notify;

  xinzhi_progress_relay_stop (self);
  progress_notify = g_steal_pointer (&self->progress_notify);
  if (progress_notify != NULL)
    progress_notify (g_steal_pointer (&self->progress_data));
}

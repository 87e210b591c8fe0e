/**
 * Events for accounts' systems: the outbox written inside the transaction of the change ({@link
 * io.vpbx.admin.service.events.EventOutbox}), what produces events (audited changes, call records, voicemails), the
 * webhook subscriptions and the worker that delivers, signs and retries.
 */
package io.vpbx.admin.service.events;

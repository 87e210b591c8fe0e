/**
 * Text messages for real: queued in the database inside the transaction of the change that sends them ({@link
 * io.vpbx.admin.service.sms.QueuedSmsGateway}), sent by {@link io.vpbx.admin.service.sms.SmsDeliveryWorker} through
 * an SMPP 3.4 SMSC or a provider's HTTP endpoint, retried with backoff. Texts are sealed at rest and never logged.
 */
package io.vpbx.admin.service.sms;

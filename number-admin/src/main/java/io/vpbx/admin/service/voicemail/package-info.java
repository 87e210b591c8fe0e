/**
 * Voicemail: messages the call side recorded, stored with one queued mail per recipient in one transaction
 * (VoicemailService), read, marked heard and deleted through the API and swept after voicemail.retention; the worker
 * that sends the queued mail with backoff (MailDeliveryWorker, RetrySchedule) and the mail itself (VoicemailMail).
 */
package io.vpbx.admin.service.voicemail;

/**
 * Contact phones changed only through one-time codes sent to the old and the new phone, and the SMS and email
 * gateways (the development ones write to outbox tables).
 */
package io.vpbx.admin.service.contacts;

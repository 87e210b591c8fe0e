/**
 * An account's own numbers: settings (forwarding, fallback, comment), bulk changes, forwarding consents between
 * accounts, and what a disconnection releases.
 */
package io.vpbx.admin.service.numbers;

/**
 * The number catalog and its way to an account: import and pricing, search, per-account limits, reservations,
 * idempotent purchases, and the sweeper that returns expired reservations and ended quarantines.
 */
package io.vpbx.admin.service.catalog;

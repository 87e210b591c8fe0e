/**
 * An account's staff: employees with their SIP credentials as digests, departments rung by a strategy, and the
 * caller ID an employee shows.
 */
package io.vpbx.admin.service.staff;

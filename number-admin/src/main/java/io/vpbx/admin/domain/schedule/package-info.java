/**
 * Schedules as the admin side keeps them: the telephony {@code Schedule} with its stored times, and the JSON shape of
 * weekly hours and exceptions, read with the offending field named (ScheduleHoursCodec).
 */
package io.vpbx.admin.domain.schedule;

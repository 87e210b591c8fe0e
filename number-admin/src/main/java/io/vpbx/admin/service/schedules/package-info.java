/** An account's schedules (working hours, holidays): audited create, update, delete; refused while in use. */
package io.vpbx.admin.service.schedules;

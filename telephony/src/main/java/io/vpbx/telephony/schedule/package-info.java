/** Working hours, holidays and one-off dates of an account, in an IANA time zone: pure values and their evaluation. */
package io.vpbx.telephony.schedule;

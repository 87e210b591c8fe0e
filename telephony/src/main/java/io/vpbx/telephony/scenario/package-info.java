/** IVR scenarios as data: named steps (play, menu, collect, time condition, forward, voicemail, hang up) that the admin side validates and the SIP side runs. */
package io.vpbx.telephony.scenario;

/** Built-in sounds (greeting tones, beep) and what is heard in received audio (silence, a tone's frequency). */
package io.vpbx.media.tone;

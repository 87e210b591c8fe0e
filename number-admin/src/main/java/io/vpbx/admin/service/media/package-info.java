/**
 * The media library: an account's recorded messages, uploaded as WAV files, converted once to 8 kHz mono 16-bit
 * and kept in the database for every node; what plays them (a number's voice message or voicemail greeting) must
 * name a clip of the same account, and a clip in use cannot be deleted.
 */
package io.vpbx.admin.service.media;

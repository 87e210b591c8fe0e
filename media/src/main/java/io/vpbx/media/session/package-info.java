/** A call's media session on one event loop: packets paced by its timers, RFC 4733 digits both ways, recording. */
package io.vpbx.media.session;

/**
 * The media library on the call side: {@link io.vpbx.server.media.StoredClips} keeps accounts' converted clips in
 * memory on each node, loads a missing one from the database off the event loop, and forgets a clip when its media
 * is deleted (through this node's change listener or another node's audit log).
 */
package io.vpbx.server.media;

/**
 * Keeps the SIP core and the database the nodes share in step, both ways: admin changes into the routing table and
 * the registrar's credentials (at once on this node, through the audit log on others), the registrar's bindings and
 * the third-party registrations' health out to the database, other nodes' bindings back in. Each class is one such
 * path; {@link io.vpbx.server.VpbxServer}, the composition root, builds and starts them.
 */
package io.vpbx.server.sync;

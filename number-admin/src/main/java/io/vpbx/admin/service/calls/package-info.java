/**
 * What carries and records calls: call detail records written in batches off the SIP event loops and searched by
 * account, and the operator's carrier trunks.
 */
package io.vpbx.admin.service.calls;

/**
 * The audit log: entries written in the transaction of the change they describe (Auditor, Changes), the change
 * listener told after commit (how the SIP routing table follows), and reading, exporting and verifying the log.
 */
package io.vpbx.admin.service.audit;

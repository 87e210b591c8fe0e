/**
 * Accounts and their API keys: creating accounts, the operator's limits per account, issuing, rotating and
 * revoking keys, finding the holder of a bearer key, and the operator key at first start.
 */
package io.vpbx.admin.service.accounts;

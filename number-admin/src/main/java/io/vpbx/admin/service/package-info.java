/**
 * The admin API's use cases, one subpackage per feature. Here only what every feature shares: who asks
 * (RequestContext), a merge-patch (Patch), the write path of resources kept by id (ResourceService,
 * AuditedResource: lock, merge, diff, write, audit), the in-use guard (InUseGuard, NumberUsages), the readers of
 * request inputs (NumberInputs, Wire) and the bounded queue that hot threads hand work to (BatchingWriter).
 */
package io.vpbx.admin.service;

/**
 * Object storage for attachments and backups: one {@link com.makcrm.core.storage.ObjectStorage} interface over the
 * local filesystem and S3 (or an S3-compatible store), with keys namespaced per tenant by
 * {@link com.makcrm.core.storage.TenantStorage}. Content always streams: no implementation holds a whole object in
 * memory, and the SHA-256 of what was stored is computed on the way through.
 */
package com.makcrm.core.storage;

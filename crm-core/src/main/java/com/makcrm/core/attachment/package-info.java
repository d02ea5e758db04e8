/**
 * Files attached to CRM records. Content lives in object storage under the tenant's prefix
 * ({@code tenants/<tenant-id>/attachments/<attachment-id>}); the {@code attachment} row in the tenant schema
 * describes it. Content is stored before the row is written, so a failure never leaves a row without content.
 */
package com.makcrm.core.attachment;

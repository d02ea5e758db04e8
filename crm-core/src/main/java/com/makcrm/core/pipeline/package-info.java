/**
 * Sales pipelines and their ordered stages, the one part of crm-core on JPA (Spring Data JPA over Hibernate);
 * records, search, import and export stay on JDBC.
 *
 * <p><b>Tenancy.</b> One PostgreSQL schema per tenant through Hibernate's multi-tenancy: each
 * {@link com.makcrm.core.pipeline.PipelineService} call binds the schema of its
 * {@link com.makcrm.core.tenant.TenantScope} to the calling thread, opens a session and transaction of its own
 * (whose connection's search_path is that schema, then {@code public}), and unbinds it when the call ends,
 * whatever happens. The session's tenant is checked again inside the transaction. Sessions opened outside a call
 * get the default search_path, where no tenant table exists. Hibernate never generates schema: Flyway owns it.
 *
 * <p><b>Getting the service.</b> Plain Java: {@code Pipelines.over(dataSource).service()} starts Hibernate on first
 * use (it is never started for callers that do not use pipelines). Spring Boot: with Boot's Hibernate JPA
 * auto-configuration present, {@code CrmPipelineAutoConfiguration} adds the entities and settings to Boot's
 * EntityManagerFactory and exposes a {@code PipelineService} bean.
 *
 * <p><b>Rules.</b> A pipeline has a unique name (1-200 characters) and 1-50 stages. A stage key is
 * {@code [A-Z][A-Z0-9_]{0,62}}, unique in its pipeline; probability 0-100; a stage is not both won and lost.
 * Changing a key carries the opportunities in the stage along (ON UPDATE CASCADE). A stage or pipeline that
 * opportunities use (soft-deleted ones included) cannot be removed, nor can the last stage or the default
 * pipeline. Changes take the pipeline's expected version: the pipeline and its stages share one version.
 */
package com.makcrm.core.pipeline;

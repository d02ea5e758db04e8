/**
 * The one-command default: with no {@code CRM_DATABASE_URL} the server runs on an embedded, real PostgreSQL
 * (zonky's bundled binaries) whose data lives in {@code <crm.data-dir>/postgres} and survives restarts; the first
 * start creates a demo tenant and prints how to log in.
 *
 * <p>The database starts lazily, when the data source first asks for its URL (see
 * {@link com.makcrm.server.embedded.EmbeddedDatabasePropertySource}), so configurations that supply their own URL
 * later (tests with {@code @DynamicPropertySource}) never start it.
 */
package com.makcrm.server.embedded;

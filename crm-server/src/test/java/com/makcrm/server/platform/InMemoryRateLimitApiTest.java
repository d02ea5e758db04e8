package com.makcrm.server.platform;

/** Single-node mode: no {@code crm.redis.url}. */
class InMemoryRateLimitApiTest extends RateLimitApiTest {}

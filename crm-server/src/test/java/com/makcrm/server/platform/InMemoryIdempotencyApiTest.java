package com.makcrm.server.platform;

/** Single-node mode: no {@code crm.redis.url}. */
class InMemoryIdempotencyApiTest extends IdempotencyApiTest {

    @Override
    Class<? extends IdempotencyStore> expectedStore() {
        return InMemoryIdempotencyStore.class;
    }
}

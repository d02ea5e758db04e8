package com.makcrm.server.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** POST endpoints that count their calls, fail once, block, answer big or take uploads, for idempotency tests. */
@TestComponent
@RestController
@RequestMapping("/api/v1/test-idempotency")
class IdempotencyTestEndpoints {

    static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> proceed = new ConcurrentHashMap<>();

    static int calls(String id) {
        AtomicInteger n = calls.get(id);
        return n == null ? 0 : n.get();
    }

    private static int count(String id) {
        return calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Fails with 500 on the first call, then creates. */
    @PostMapping("/flaky/{id}")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> flaky(@PathVariable String id) {
        int n = count(id);
        if (n == 1) {
            throw new IllegalStateException("first call fails");
        }
        return Map.of("id", id, "calls", n);
    }

    /** Waits until the test lets it go. */
    @PostMapping("/slow/{id}")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> slow(@PathVariable String id) throws InterruptedException {
        int n = count(id);
        entered.computeIfAbsent(id, k -> new CountDownLatch(1)).countDown();
        if (!proceed.computeIfAbsent(id, k -> new CountDownLatch(1)).await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never let the request go");
        }
        return Map.of("id", id, "calls", n);
    }

    /** Answers with a body of {@code size} characters. */
    @PostMapping("/large/{id}/{size}")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> large(@PathVariable String id, @PathVariable int size) {
        return Map.of("id", id, "calls", count(id), "filler", "x".repeat(size));
    }

    @PostMapping("/upload/{id}")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> upload(@PathVariable String id, @RequestPart("file") MultipartFile file) throws Exception {
        return Map.of(
                "id",
                id,
                "calls",
                count(id),
                "name",
                file.getOriginalFilename(),
                "content",
                new String(file.getBytes()));
    }
}

package com.makcrm.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectStorages;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.StoredObject;
import com.makcrm.core.storage.StoredObjectStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The storage health indicator: present only with object storage, UP when the store answers, DOWN quickly if not. */
class StorageHealthTest {

    /** Generous where the store answers (a loaded machine may be slow), short where it hangs on purpose. */
    private static final Duration ANSWERS = Duration.ofSeconds(30);

    private static final Duration HANGS = Duration.ofMillis(300);

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StorageHealthAutoConfiguration.class));

    @Test
    void isUpWhenTheStoreAnswersEvenWithoutTheProbeObject(@TempDir Path dir) {
        try (ObjectStorage storage = ObjectStorages.fromUrl(dir.toUri().toString());
                StorageHealthIndicator health = new StorageHealthIndicator(storage, ANSWERS)) {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void isDownWhenTheStoreFails() {
        ObjectStorage failing = new StubStorage(key -> {
            throw CrmException.unavailable("cannot reach the store", null);
        });
        try (StorageHealthIndicator health = new StorageHealthIndicator(failing, ANSWERS)) {
            Health result = health.health();
            assertThat(result.getStatus()).isEqualTo(Status.DOWN);
            assertThat(result.getDetails().get("error").toString()).contains("cannot reach the store");
        }
    }

    @Test
    @Timeout(60) // without the indicator's own timeout this would wait forever
    void isDownWithinTheTimeoutWhenTheStoreHangsAndDoesNotStackProbes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ObjectStorage hanging = new StubStorage(key -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        });
        try (StorageHealthIndicator health = new StorageHealthIndicator(hanging, HANGS)) {
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);

            Health again = health.health(); // the first probe still hangs: answered at once
            assertThat(again.getStatus()).isEqualTo(Status.DOWN);
            assertThat(again.getDetails().get("error")).isEqualTo("the previous probe has not answered yet");

            release.countDown();
            for (int i = 0; i < 100 && health.health().getStatus() != Status.UP; i++) {
                Thread.sleep(100); // the released probe finishes; the next one starts afresh
            }
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void isRegisteredOnlyWhereObjectStorageIs() {
        contexts.run(context -> assertThat(context).doesNotHaveBean("storageHealthIndicator"));
        contexts.withBean(ObjectStorage.class, () -> new StubStorage(key -> Optional.empty()))
                .run(context -> {
                    assertThat(context).hasSingleBean(StorageHealthIndicator.class);
                    assertThat(context).hasBean("storageHealthIndicator");
                });
        contexts.withBean(ObjectStorage.class, () -> new StubStorage(key -> Optional.empty()))
                .withPropertyValues("management.health.storage.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(StorageHealthIndicator.class));
    }

    /** A store whose lookups do what the test says; nothing else is called by the indicator. */
    private record StubStorage(Function<String, Optional<StoredObject>> stat) implements ObjectStorage {

        @Override
        public Optional<StoredObject> stat(String key) {
            return stat.apply(key);
        }

        @Override
        public StoredObject put(String key, InputStream content, long length, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StoredObjectStream get(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Stream<ObjectSummary> list(String prefix) {
            throw new UnsupportedOperationException();
        }
    }
}

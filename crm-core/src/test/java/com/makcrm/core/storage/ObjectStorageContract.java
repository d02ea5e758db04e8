package com.makcrm.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link ObjectStorage} must do, run against each implementation. Implementations are configured with a
 * 5 MiB multipart threshold and part size and a listing page of 2 keys, so the large-object and pagination paths
 * run with test-sized data.
 */
abstract class ObjectStorageContract {

    static final int MIB = 1024 * 1024;
    static final int PART_SIZE = 5 * MIB;
    static final int LIST_PAGE_SIZE = 2;

    protected ObjectStorage storage;

    /** A fresh, empty store. */
    protected abstract ObjectStorage newStorage() throws Exception;

    /** Fails if the store holds anything a failed put left behind (temporary files, unfinished uploads). */
    protected abstract void assertNoLeftovers() throws Exception;

    @BeforeEach
    void openStorage() throws Exception {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void roundTripsASmallObjectWithItsMetadata() throws IOException {
        byte[] content = "привет, object storage".getBytes(StandardCharsets.UTF_8);

        StoredObject stored = storage.put("notes/hello.txt", new ByteArrayInputStream(content), "text/plain");

        StoredObject expected =
                new StoredObject("notes/hello.txt", content.length, GeneratedContent.sha256Of(content), "text/plain");
        assertThat(stored).isEqualTo(expected);
        assertThat(storage.stat("notes/hello.txt")).contains(expected);
        try (StoredObjectStream read = storage.get("notes/hello.txt")) {
            assertThat(read.object()).isEqualTo(expected);
            assertThat(read.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void roundTripsALargeStreamOfUnknownLengthWithItsSha256() {
        long length = 40L * MIB + 123;

        StoredObject stored = storage.put("big/unknown-length.bin", GeneratedContent.of(length, 1), null);

        String expectedSha = GeneratedContent.sha256(length, 1);
        assertThat(stored)
                .isEqualTo(new StoredObject(
                        "big/unknown-length.bin", length, expectedSha, ObjectStorage.DEFAULT_CONTENT_TYPE));
        assertThat(storage.stat("big/unknown-length.bin")).contains(stored);
        assertThat(GeneratedContent.sha256Of(storage.get("big/unknown-length.bin")))
                .isEqualTo(expectedSha);
    }

    @Test
    void roundTripsAStreamOfDeclaredLengthSpanningSeveralParts() throws IOException {
        long length = 2L * PART_SIZE + 7;

        StoredObject stored =
                storage.put("big/declared.bin", GeneratedContent.of(length, 2), length, "application/zip");

        assertThat(stored.size()).isEqualTo(length);
        assertThat(stored.sha256Hex()).isEqualTo(GeneratedContent.sha256(length, 2));
        try (StoredObjectStream read = storage.get("big/declared.bin")) {
            assertThat(read.object().contentType()).isEqualTo("application/zip");
            assertThat(GeneratedContent.sha256Of(read)).isEqualTo(stored.sha256Hex());
        }
    }

    @Test
    void storesAnEmptyObject() throws IOException {
        StoredObject stored = storage.put("empty", InputStream.nullInputStream(), 0, null);

        assertThat(stored.size()).isZero();
        assertThat(stored.sha256Hex()).isEqualTo(GeneratedContent.sha256Of(new byte[0]));
        try (StoredObjectStream read = storage.get("empty")) {
            assertThat(read.readAllBytes()).isEmpty();
        }
    }

    @Test
    void replacesAnExistingObject() throws IOException {
        put("doc.txt", "first version");
        put("doc.txt", "second");

        assertThat(read("doc.txt")).isEqualTo("second");
        assertThat(storage.stat("doc.txt").orElseThrow().size()).isEqualTo(6);
    }

    @Test
    void rejectsContentOfAnotherLengthThanDeclaredAndStoresNothing() {
        assertCategory(() -> storage.put("short.bin", GeneratedContent.of(100, 3), 101, null), ErrorCategory.INVALID);
        assertCategory(
                () -> storage.put("long.bin", GeneratedContent.of(PART_SIZE + 1, 3), PART_SIZE, null),
                ErrorCategory.INVALID);

        assertThat(storage.exists("short.bin")).isFalse();
        assertThat(storage.exists("long.bin")).isFalse();
    }

    @Test
    void reportsAMissingObjectAsNotFound() {
        assertThatThrownBy(() -> storage.get("missing/object.txt"))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND))
                .hasMessageContaining("missing/object.txt");
        assertThat(storage.stat("missing/object.txt")).isEmpty();
        assertThat(storage.exists("missing/object.txt")).isFalse();
    }

    @Test
    void deletesAnObjectAndIgnoresAMissingOne() {
        put("to-delete/a.txt", "a");
        put("to-delete/b.txt", "b");

        storage.delete("to-delete/a.txt");
        storage.delete("to-delete/a.txt");
        storage.delete("never/existed.txt");

        assertThat(storage.exists("to-delete/a.txt")).isFalse();
        assertThat(read("to-delete/b.txt")).isEqualTo("b");
    }

    @Test
    void listsByPrefixInKeyOrderAcrossSeveralPages() {
        List<String> keys = List.of("list/e", "list/a", "list/c/deep", "list/b", "list/d", "list-other", "lists/x");
        keys.forEach(key -> put(key, key));

        Instant before = Instant.now().minusSeconds(300); // file times may be coarse, store clocks a little off
        try (Stream<ObjectSummary> listed = storage.list("list/")) {
            List<ObjectSummary> summaries = listed.toList();
            assertThat(summaries)
                    .extracting(ObjectSummary::key, ObjectSummary::size)
                    .containsExactly(
                            tuple("list/a", 6L),
                            tuple("list/b", 6L),
                            tuple("list/c/deep", 11L),
                            tuple("list/d", 6L),
                            tuple("list/e", 6L));
            // prune tells young objects (of a backup still running) from old ones by this time
            assertThat(summaries)
                    .allSatisfy(s -> assertThat(s.lastModified())
                            .isAfter(before)
                            .isBefore(Instant.now().plusSeconds(300)));
        }
        assertThat(keys(storage.list("list")))
                .containsExactly("list-other", "list/a", "list/b", "list/c/deep", "list/d", "list/e", "lists/x");
        assertThat(keys(storage.list("list/c"))).containsExactly("list/c/deep");
        assertThat(keys(storage.list("list/c/"))).containsExactly("list/c/deep");
        assertThat(keys(storage.list("nothing/"))).isEmpty();
        assertThat(keys(storage.list(""))).hasSize(keys.size());
    }

    @Test
    void copiesAnObjectWithItsMetadata() throws IOException {
        StoredObject source = storage.put(
                "source.txt", new ByteArrayInputStream("copy me".getBytes(StandardCharsets.UTF_8)), "text/plain");

        StoredObject copy = storage.copy("source.txt", "copies/target.txt");

        assertThat(copy).isEqualTo(new StoredObject("copies/target.txt", 7, source.sha256Hex(), "text/plain"));
        assertThat(storage.stat("copies/target.txt")).contains(copy);
        assertThat(read("copies/target.txt")).isEqualTo("copy me");
        assertThat(storage.exists("source.txt")).isTrue();
        assertCategory(() -> storage.copy("missing.txt", "elsewhere.txt"), ErrorCategory.NOT_FOUND);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/absolute",
                "trailing/",
                "a//b",
                "../escape",
                "a/../../escape",
                "a/./b",
                ".",
                "back\\slash",
                "new\nline",
                "tab\there",
                "nul\u0000",
                "del\u007F"
            })
    void rejectsInvalidKeys(String key) {
        assertCategory(() -> storage.put(key, InputStream.nullInputStream(), null), ErrorCategory.INVALID);
        assertCategory(() -> storage.get(key), ErrorCategory.INVALID);
        assertCategory(() -> storage.stat(key), ErrorCategory.INVALID);
        assertCategory(() -> storage.delete(key), ErrorCategory.INVALID);
        assertThat(keys(storage.list(""))).isEmpty();
    }

    @Test
    void rejectsKeysLongerThan1024Bytes() {
        String tooLong = "k/" + "é".repeat(512); // 2 + 1024 bytes

        assertCategory(() -> storage.put(tooLong, InputStream.nullInputStream(), null), ErrorCategory.INVALID);
    }

    @Test
    void rejectsListingPrefixesThatClimbOut() {
        assertCategory(() -> storage.list("../"), ErrorCategory.INVALID);
        assertCategory(() -> storage.list("/a"), ErrorCategory.INVALID);
        assertCategory(() -> storage.list("a//"), ErrorCategory.INVALID);
    }

    @Test
    void keepsTenantsApartUnderTheSameRelativeKey() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        TenantStorage firstTenant = TenantStorage.of(storage, first);
        TenantStorage secondTenant = TenantStorage.of(storage, second);

        StoredObject stored = firstTenant.put(
                "attachments/a.txt", new ByteArrayInputStream("first".getBytes(StandardCharsets.UTF_8)), null);
        secondTenant.put(
                "attachments/a.txt", new ByteArrayInputStream("second!".getBytes(StandardCharsets.UTF_8)), null);

        assertThat(stored.key()).isEqualTo("attachments/a.txt");
        assertThat(readFrom(firstTenant, "attachments/a.txt")).isEqualTo("first");
        assertThat(readFrom(secondTenant, "attachments/a.txt")).isEqualTo("second!");
        assertThat(firstTenant.list(""))
                .extracting(ObjectSummary::key, ObjectSummary::size)
                .containsExactly(tuple("attachments/a.txt", 5L));
        assertThat(keys(storage.list("tenants/")))
                .containsExactlyInAnyOrder(
                        "tenants/" + first + "/attachments/a.txt", "tenants/" + second + "/attachments/a.txt");
    }

    @Test
    void tenantKeysCannotReachAnotherTenant() {
        UUID victim = UUID.randomUUID();
        TenantStorage attacker = TenantStorage.of(storage, UUID.randomUUID());
        TenantStorage.of(storage, victim)
                .put("secret.txt", new ByteArrayInputStream("secret".getBytes(StandardCharsets.UTF_8)), null);

        for (String key : List.of(
                "../" + victim + "/secret.txt",
                "a/../../" + victim + "/secret.txt",
                "/tenants/" + victim + "/secret.txt")) {
            assertCategory(() -> attacker.get(key), ErrorCategory.INVALID);
            assertCategory(() -> attacker.put(key, InputStream.nullInputStream(), null), ErrorCategory.INVALID);
            assertCategory(() -> attacker.delete(key), ErrorCategory.INVALID);
            assertCategory(() -> attacker.copy("x", key), ErrorCategory.INVALID);
        }
        assertCategory(() -> attacker.list("../"), ErrorCategory.INVALID);
        assertThat(keys(attacker.list(".."))).isEmpty();
        assertThat(TenantStorage.of(storage, victim).exists("secret.txt")).isTrue();
    }

    @Test
    void leavesNothingBehindWhenAnUploadFailsMidStream() throws Exception {
        long failAfter = 2L * PART_SIZE + 1000; // past the threshold: a large upload is under way

        assertThatThrownBy(() -> storage.put(
                        "failed/upload.bin",
                        new FailingInputStream(GeneratedContent.of(40L * MIB, 4), failAfter),
                        null))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID))
                .hasMessageContaining("failed/upload.bin")
                .hasRootCauseInstanceOf(IOException.class);

        assertThat(storage.exists("failed/upload.bin")).isFalse();
        assertThat(keys(storage.list(""))).isEmpty();
        assertNoLeftovers();
    }

    @Test
    void keepsThePreviousObjectWhenAnOverwriteFails() {
        StoredObject previous = put("report.csv", "id,name\n1,Ada\n");

        assertCategory(
                () -> storage.put("report.csv", new FailingInputStream(GeneratedContent.of(MIB, 5), 1000), null),
                ErrorCategory.INVALID);
        assertCategory(
                () -> storage.put(
                        "report.csv", new FailingInputStream(GeneratedContent.of(20L * MIB, 5), 11L * MIB), null),
                ErrorCategory.INVALID);

        assertThat(storage.stat("report.csv")).contains(previous);
        assertThat(read("report.csv")).isEqualTo("id,name\n1,Ada\n");
    }

    @Test
    void keepsAnObjectInvisibleUntilItsPutCompletes() {
        AtomicReference<String> seenMidway = new AtomicReference<>();
        Runnable look = () -> seenMidway.set(storage.exists("pending.bin") + " " + keys(storage.list("")));

        assertCategory(
                () -> storage.put(
                        "pending.bin",
                        new FailingInputStream(GeneratedContent.of(20L * MIB, 6), 12L * MIB, look),
                        null),
                ErrorCategory.INVALID);

        assertThat(seenMidway.get()).isEqualTo("false []");
    }

    protected StoredObject put(String key, String content) {
        return storage.put(key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), null);
    }

    protected String read(String key) {
        return readFrom(storage, key);
    }

    static String readFrom(ObjectStorage from, String key) {
        try (StoredObjectStream in = from.get(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> keys(Stream<ObjectSummary> listing) {
        try (listing) {
            return listing.map(ObjectSummary::key).toList();
        }
    }

    static void assertCategory(ThrowingCallable call, ErrorCategory category) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CrmException.class,
                        e -> assertThat(e.category()).as(e.getMessage()).isEqualTo(category));
    }
}

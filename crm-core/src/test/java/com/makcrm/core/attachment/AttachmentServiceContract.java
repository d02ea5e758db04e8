package com.makcrm.core.attachment;

import static com.makcrm.core.attachment.TestContent.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.makcrm.core.TenantFixture;
import com.makcrm.core.TestSql;
import com.makcrm.core.db.TenantTransactions;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.error.FieldError;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.record.ObjectKind;
import com.makcrm.core.record.WriteOptions;
import com.makcrm.core.storage.ObjectStorage;
import com.makcrm.core.storage.ObjectSummary;
import com.makcrm.core.storage.TenantStorage;
import com.makcrm.core.tenant.TenantScope;
import com.makcrm.core.testsupport.TestDatabase;
import com.makcrm.core.timeline.TimelineEvent;
import com.makcrm.core.timeline.TimelineEvent.Action;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What attachments must do over every {@link ObjectStorage}, run against each implementation with a real tenant
 * schema. Stores are configured with a 5 MiB multipart threshold and part size, so multi-megabyte uploads take the
 * multipart path where there is one.
 */
abstract class AttachmentServiceContract {

    protected ObjectStorage storage;
    private AttachmentService attachments;
    private TenantFixture fixture;
    private TenantScope tenant;
    private UUID company;

    /** The test class's database. */
    protected abstract TestDatabase database();

    /** crm-core over {@link #database()}, shared by the test class. */
    protected abstract TenantFixture fixture();

    /** A fresh, empty store. */
    protected abstract ObjectStorage newStorage() throws Exception;

    /** Fails if the store holds anything at all, including what a failed put could leave (temp files, parts). */
    protected abstract void assertStoreIsEmpty() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        storage = newStorage();
        fixture = fixture();
        attachments = service(AttachmentService.DEFAULT_MAX_SIZE);
        tenant = fixture.newTenant();
        company = newRecord(tenant, ObjectKind.COMPANY, Map.of("name", "Acme"));
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void roundTripsSeveralMegabytesOfUnknownLengthWithAnIndependentlyComputedSha256() throws IOException {
        long length = 6L * MIB + 123;
        String expectedSha = TestContent.sha256(length, 42);

        Attachment uploaded = attachments.upload(
                tenant,
                ObjectKind.COMPANY,
                company,
                "contract.pdf",
                "application/pdf",
                ObjectStorage.UNKNOWN_LENGTH,
                TestContent.of(length, 42));

        assertThat(uploaded.name()).isEqualTo("contract.pdf");
        assertThat(uploaded.contentType()).isEqualTo("application/pdf");
        assertThat(uploaded.size()).isEqualTo(length);
        assertThat(uploaded.sha256()).isEqualTo(expectedSha);
        assertThat(uploaded.target()).isEqualTo(ObjectKind.COMPANY);
        assertThat(uploaded.targetId()).isEqualTo(company);
        assertThat(uploaded.createdBy()).isEqualTo("tester");
        assertThat(uploaded.createdAt()).isNotNull();
        assertThat(uploaded.version()).isEqualTo(1);
        assertThat(uploaded.deleted()).isFalse();
        assertThat(attachments.get(tenant, uploaded.id())).isEqualTo(uploaded);
        try (AttachmentStream download = attachments.open(tenant, uploaded.id())) {
            assertThat(download.attachment()).isEqualTo(uploaded);
            assertThat(TestContent.sha256Of(download)).isEqualTo(expectedSha);
        }
        assertThat(storage.stat(TenantStorage.prefixOf(tenant.tenantId()) + "attachments/" + uploaded.id()))
                .hasValueSatisfying(object -> {
                    assertThat(object.size()).isEqualTo(length);
                    assertThat(object.sha256Hex()).isEqualTo(expectedSha);
                    assertThat(object.contentType()).isEqualTo("application/pdf");
                });
    }

    @Test
    void storesContentOfDeclaredLengthUnderTheLastSegmentOfAClientPath() throws IOException {
        byte[] content = "привет, attachments".getBytes(StandardCharsets.UTF_8);

        Attachment uploaded = attachments.upload(
                tenant,
                ObjectKind.COMPANY,
                company,
                "C:\\Users\\me\\notes.txt",
                "Text/Plain; charset=UTF-8",
                content.length,
                new ByteArrayInputStream(content));

        assertThat(uploaded.name()).isEqualTo("notes.txt");
        assertThat(uploaded.contentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(uploaded.sha256()).isEqualTo(TestContent.sha256Of(new ByteArrayInputStream(content)));
        try (AttachmentStream download = attachments.open(tenant, uploaded.id())) {
            assertThat(download.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void defaultsToOctetStreamAndAcceptsEmptyFiles() {
        Attachment uploaded = attachments.upload(
                tenant, ObjectKind.COMPANY, company, "empty", null, 0, new ByteArrayInputStream(new byte[0]));

        assertThat(uploaded.contentType()).isEqualTo(ObjectStorage.DEFAULT_CONTENT_TYPE);
        assertThat(uploaded.size()).isZero();
        assertThat(uploaded.sha256()).isEqualTo(TestContent.sha256(0, 1));
    }

    @Test
    void listsTheLiveAttachmentsOfOneRecordNewestFirst() {
        UUID otherCompany = newRecord(tenant, ObjectKind.COMPANY, Map.of("name", "Globex"));
        UUID person = newRecord(tenant, ObjectKind.PERSON, Map.of("firstName", "Ada", "lastName", "Lovelace"));
        Attachment first = upload(tenant, ObjectKind.COMPANY, company, "first.txt");
        Attachment second = upload(tenant, ObjectKind.COMPANY, company, "second.txt");
        Attachment third = upload(tenant, ObjectKind.COMPANY, company, "third.txt");
        Attachment globex = upload(tenant, ObjectKind.COMPANY, otherCompany, "globex.txt");
        Attachment ada = upload(tenant, ObjectKind.PERSON, person, "ada.txt");
        attachments.delete(tenant, second.id(), null);

        assertThat(attachments.list(tenant, ObjectKind.COMPANY, company))
                .extracting(Attachment::id)
                .containsExactly(third.id(), first.id());
        assertThat(attachments.list(tenant, ObjectKind.COMPANY, otherCompany))
                .extracting(Attachment::id)
                .containsExactly(globex.id());
        assertThat(attachments.list(tenant, ObjectKind.PERSON, person))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.id()).isEqualTo(ada.id());
                    assertThat(a.target()).isEqualTo(ObjectKind.PERSON);
                });
        assertCategory(() -> attachments.list(tenant, ObjectKind.COMPANY, person), ErrorCategory.NOT_FOUND);
        assertCategory(() -> attachments.list(tenant, ObjectKind.COMPANY, UUID.randomUUID()), ErrorCategory.NOT_FOUND);
    }

    @Test
    void tenantsCannotReachEachOthersAttachments() {
        TenantScope other = fixture.newTenant();
        UUID otherCompany = newRecord(other, ObjectKind.COMPANY, Map.of("name", "Initech"));
        Attachment mine = upload(tenant, ObjectKind.COMPANY, company, "mine.txt");
        Attachment theirs = upload(other, ObjectKind.COMPANY, otherCompany, "theirs.txt");

        UUID id = mine.id();
        assertCategory(() -> attachments.get(other, id), ErrorCategory.NOT_FOUND);
        assertCategory(() -> attachments.open(other, id), ErrorCategory.NOT_FOUND);
        assertCategory(() -> attachments.rename(other, id, 1, "stolen.txt"), ErrorCategory.NOT_FOUND);
        assertCategory(() -> attachments.delete(other, id, null), ErrorCategory.NOT_FOUND);
        assertCategory(() -> attachments.restore(other, id), ErrorCategory.NOT_FOUND);
        assertCategory(() -> attachments.destroy(other, id), ErrorCategory.NOT_FOUND);
        assertCategory(() -> attachments.list(other, ObjectKind.COMPANY, company), ErrorCategory.NOT_FOUND);
        assertCategory(
                () -> attachments.upload(
                        other, ObjectKind.COMPANY, company, "x.txt", null, 1, new ByteArrayInputStream(new byte[1])),
                ErrorCategory.NOT_FOUND);

        assertThat(attachments.get(tenant, id)).isEqualTo(mine);
        assertThat(keys(TenantStorage.prefixOf(tenant.tenantId())))
                .containsExactly(TenantStorage.prefixOf(tenant.tenantId()) + "attachments/" + mine.id());
        assertThat(keys(TenantStorage.prefixOf(other.tenantId())))
                .containsExactly(TenantStorage.prefixOf(other.tenantId()) + "attachments/" + theirs.id());
    }

    @Test
    void uploadToAMissingRecordIsNotFoundAndStoresNothing() throws Exception {
        assertThatThrownBy(() -> attachments.upload(
                        tenant,
                        ObjectKind.COMPANY,
                        UUID.randomUUID(),
                        "a.txt",
                        null,
                        ObjectStorage.UNKNOWN_LENGTH,
                        TestContent.of(1000, 3)))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND))
                .hasMessageContaining("company");

        assertNothingStored(tenant);
    }

    @Test
    void uploadToADeletedRecordIsNotFoundAndStoresNothing() throws Exception {
        fixture.core().records().delete(tenant, ObjectKind.COMPANY, company, null);

        assertThatThrownBy(() -> upload(tenant, ObjectKind.COMPANY, company, "a.txt"))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.NOT_FOUND))
                .hasMessageContaining("deleted");

        assertNothingStored(tenant);
    }

    @Test
    void recordDeletedWhileUploadingIsNotFoundAndTheStoredContentIsRemoved() throws Exception {
        InputStream content = TestContent.runningAtEnd(
                TestContent.of(2L * MIB, 5),
                () -> fixture.core().records().delete(tenant, ObjectKind.COMPANY, company, null));

        assertCategory(
                () -> attachments.upload(
                        tenant, ObjectKind.COMPANY, company, "late.bin", null, ObjectStorage.UNKNOWN_LENGTH, content),
                ErrorCategory.NOT_FOUND);

        assertNothingStored(tenant);
    }

    @Test
    void contentOverTheLimitIsInvalidNamingTheLimitAndStoresNothing() throws Exception {
        AttachmentService limited = service(MIB);

        assertThatThrownBy(() -> limited.upload(
                        tenant,
                        ObjectKind.COMPANY,
                        company,
                        "big.bin",
                        null,
                        ObjectStorage.UNKNOWN_LENGTH,
                        TestContent.of(3L * MIB, 7)))
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.INVALID);
                    assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("size");
                })
                .hasMessageContaining("big.bin")
                .hasMessageContaining("1 MiB (1048576 bytes)");

        assertNothingStored(tenant);
    }

    @Test
    void contentOverTheLimitIsStoppedEvenAfterWholePartsWentUp() throws Exception {
        AttachmentService limited = service(6L * MIB);

        assertCategory(
                () -> limited.upload(
                        tenant,
                        ObjectKind.COMPANY,
                        company,
                        "bigger.bin",
                        null,
                        ObjectStorage.UNKNOWN_LENGTH,
                        TestContent.of(12L * MIB, 8)),
                ErrorCategory.INVALID);

        assertNothingStored(tenant);
    }

    @Test
    void theSizeLimitReadsInRussian() {
        Messages messages = Messages.fromClasspath();
        CrmException mib = catchThrowableOfType(
                CrmException.class,
                () -> service(2L * MIB)
                        .upload(
                                tenant,
                                ObjectKind.COMPANY,
                                company,
                                "big.bin",
                                null,
                                2L * MIB + 1,
                                TestContent.untouchable()));
        assertThat(mib.getMessage())
                .isEqualTo("size: attachment 'big.bin' is larger than the limit of 2 MiB (2097152 bytes); nothing was"
                        + " stored");
        assertThat(messages.describe(mib, Messages.RUSSIAN))
                .isEqualTo("size: вложение «big.bin» превышает ограничение в 2 МиБ (2097152 байта); ничего не"
                        + " сохранено");

        CrmException bytes = catchThrowableOfType(
                CrmException.class,
                () -> service(1500)
                        .upload(tenant, ObjectKind.COMPANY, company, "a.bin", null, 1501, TestContent.untouchable()));
        assertThat(bytes.getMessage())
                .isEqualTo("size: attachment 'a.bin' is larger than the limit of 1500 bytes; nothing was stored");
        assertThat(messages.describe(bytes, Messages.RUSSIAN))
                .isEqualTo("size: вложение «a.bin» превышает ограничение в 1500 байт; ничего не сохранено");

        UUID absent = UUID.randomUUID();
        CrmException missing = catchThrowableOfType(CrmException.class, () -> attachments.get(tenant, absent));
        assertThat(missing.getMessage()).isEqualTo("attachment " + absent + " not found");
        assertThat(messages.describe(missing, Messages.RUSSIAN)).isEqualTo("вложение " + absent + " не найдено");
    }

    @Test
    void contentExactlyAtTheLimitIsAccepted() {
        AttachmentService limited = service(MIB);

        Attachment uploaded = limited.upload(
                tenant,
                ObjectKind.COMPANY,
                company,
                "exact.bin",
                null,
                ObjectStorage.UNKNOWN_LENGTH,
                TestContent.of(MIB, 9));

        assertThat(uploaded.size()).isEqualTo(MIB);
        assertThat(uploaded.sha256()).isEqualTo(TestContent.sha256(MIB, 9));
    }

    @Test
    void declaredLengthOverTheLimitIsRefusedWithoutReadingTheContent() throws Exception {
        AttachmentService limited = service(MIB);

        assertThatThrownBy(() -> limited.upload(
                        tenant, ObjectKind.COMPANY, company, "big.bin", null, MIB + 1L, TestContent.untouchable()))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INVALID))
                .hasMessageContaining("1 MiB");

        assertNothingStored(tenant);
    }

    @Test
    void contentShorterThanDeclaredIsInvalidAndStoresNothing() throws Exception {
        assertCategory(
                () -> attachments.upload(
                        tenant, ObjectKind.COMPANY, company, "short.bin", null, 1000, TestContent.of(999, 10)),
                ErrorCategory.INVALID);

        assertNothingStored(tenant);
    }

    @Test
    void streamFailingMidUploadFailsAndStoresNothing() throws Exception {
        InputStream content = TestContent.failingAfter(TestContent.of(8L * MIB, 11), 6L * MIB);

        assertThatThrownBy(() -> attachments.upload(
                        tenant, ObjectKind.COMPANY, company, "broken.bin", null, ObjectStorage.UNKNOWN_LENGTH, content))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("connection reset by test");

        assertNothingStored(tenant);
    }

    @Test
    void badNamesAndContentTypesAreInvalidBeforeAnythingIsRead() throws Exception {
        assertCategory(
                () -> attachments.upload(
                        tenant, ObjectKind.COMPANY, company, "a\u0000.txt", null, 1, TestContent.untouchable()),
                ErrorCategory.INVALID);
        assertCategory(
                () -> attachments.upload(
                        tenant, ObjectKind.COMPANY, company, "docs/", null, 1, TestContent.untouchable()),
                ErrorCategory.INVALID);
        assertCategory(
                () -> attachments.upload(
                        tenant, ObjectKind.COMPANY, company, "a.txt", "pdf", 1, TestContent.untouchable()),
                ErrorCategory.INVALID);

        assertNothingStored(tenant);
    }

    @Test
    void destroyRemovesTheRowAndThenTheContent() throws Exception {
        Attachment uploaded = upload(tenant, ObjectKind.COMPANY, company, "gone.txt");

        assertCategory(() -> attachments.destroy(tenant, uploaded.id()), ErrorCategory.CONFLICT);
        attachments.delete(tenant, uploaded.id(), uploaded.version());
        attachments.destroy(tenant, uploaded.id());

        assertCategory(() -> attachments.get(tenant, uploaded.id()), ErrorCategory.NOT_FOUND);
        assertCategory(() -> attachments.open(tenant, uploaded.id()), ErrorCategory.NOT_FOUND);
        assertThat(keys(TenantStorage.prefixOf(tenant.tenantId()))).isEmpty();
        assertStoreIsEmpty();
        assertThat(events(uploaded.id()))
                .extracting(TimelineEvent::action)
                .containsExactly(Action.DESTROYED, Action.DELETED, Action.CREATED);
    }

    @Test
    void writesTimelineEventsWithFieldDiffs() {
        Attachment uploaded = upload(tenant, ObjectKind.COMPANY, company, "draft.txt");
        Attachment renamed = attachments.rename(tenant, uploaded.id(), 1, "final.txt");
        Attachment deleted = attachments.delete(tenant, uploaded.id(), renamed.version());
        Attachment restored = attachments.restore(tenant, uploaded.id());

        assertThat(renamed.version()).isEqualTo(2);
        assertThat(deleted.deleted()).isTrue();
        assertThat(restored.deleted()).isFalse();
        assertThat(restored.version()).isEqualTo(4);
        List<TimelineEvent> events = events(uploaded.id());
        assertThat(events)
                .extracting(TimelineEvent::action)
                .containsExactly(Action.RESTORED, Action.DELETED, Action.UPDATED, Action.CREATED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.object()).isEqualTo("attachment");
            assertThat(e.actor()).isEqualTo("tester");
        });
        Map<String, Object> created = events.get(3).diff();
        assertThat(created.get("name")).isEqualTo(change(null, "draft.txt"));
        assertThat(created.get("sha256")).isEqualTo(change(null, uploaded.sha256()));
        assertThat(created.get("target")).isEqualTo(change(null, "company"));
        assertThat(created.get("targetId")).isEqualTo(change(null, company.toString()));
        assertThat(events.get(2).diff()).isEqualTo(Map.of("name", change("draft.txt", "final.txt")));
        assertThat(events.get(1).diff()).containsOnlyKeys("deletedAt");
        assertThat(events.get(0).diff()).containsOnlyKeys("deletedAt");
    }

    @Test
    void renameChecksTheVersionAndRefusesPaths() {
        Attachment uploaded = upload(tenant, ObjectKind.COMPANY, company, "a.txt");
        attachments.rename(tenant, uploaded.id(), 1, "b.txt");

        assertThatThrownBy(() -> attachments.rename(tenant, uploaded.id(), 1, "c.txt"))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFLICT))
                .hasMessageContaining("version 2")
                .hasMessageContaining("version 1");
        assertCategory(() -> attachments.rename(tenant, uploaded.id(), 2, "dir/c.txt"), ErrorCategory.INVALID);
        assertThat(attachments.get(tenant, uploaded.id()).name()).isEqualTo("b.txt");
    }

    @Test
    void deletedAttachmentCannotBeDownloadedOrRenamedUntilRestored() throws IOException {
        Attachment uploaded = upload(tenant, ObjectKind.COMPANY, company, "later.txt");
        attachments.delete(tenant, uploaded.id(), null);

        assertCategory(() -> attachments.open(tenant, uploaded.id()), ErrorCategory.CONFLICT);
        assertCategory(() -> attachments.rename(tenant, uploaded.id(), 2, "x.txt"), ErrorCategory.CONFLICT);
        assertThat(attachments.get(tenant, uploaded.id()).deleted()).isTrue();

        attachments.restore(tenant, uploaded.id());
        try (AttachmentStream download = attachments.open(tenant, uploaded.id())) {
            assertThat(new String(download.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("content of later.txt");
        }
    }

    @Test
    void downloadOfContentReplacedInStorageFailsAtTheEnd() {
        Attachment uploaded = upload(tenant, ObjectKind.COMPANY, company, "tampered.txt");
        byte[] forged = "CONTENT OF TAMPERED.TXT".getBytes(StandardCharsets.UTF_8);
        assertThat(forged).hasSize((int) uploaded.size());
        replaceContent(uploaded, forged);

        assertThatThrownBy(() -> {
                    try (AttachmentStream download = attachments.open(tenant, uploaded.id())) {
                        download.readAllBytes();
                    }
                })
                .isInstanceOf(IOException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void contentOfAnotherSizeInStorageIsRefusedOnOpen() {
        Attachment uploaded = upload(tenant, ObjectKind.COMPANY, company, "truncated.txt");
        replaceContent(uploaded, "short".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> attachments.open(tenant, uploaded.id()))
                .isInstanceOfSatisfying(
                        CrmException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.INTERNAL))
                .hasMessageContaining("5 bytes");
    }

    // helpers

    private AttachmentService service(long maxSize) {
        return new AttachmentService(new TenantTransactions(database().dataSource()), storage, maxSize);
    }

    private UUID newRecord(TenantScope scope, ObjectKind kind, Map<String, Object> input) {
        return fixture.core()
                .records()
                .create(scope, kind, input, WriteOptions.FAIL)
                .record()
                .id();
    }

    private Attachment upload(TenantScope scope, ObjectKind kind, UUID target, String name) {
        byte[] content = ("content of " + name).getBytes(StandardCharsets.UTF_8);
        return attachments.upload(
                scope, kind, target, name, "text/plain", content.length, new ByteArrayInputStream(content));
    }

    private void replaceContent(Attachment attachment, byte[] content) {
        TenantStorage.of(storage, tenant.tenantId())
                .put("attachments/" + attachment.id(), new ByteArrayInputStream(content), content.length, null);
    }

    private List<TimelineEvent> events(UUID attachment) {
        return fixture.core().timeline().list(tenant, AttachmentService.TIMELINE_OBJECT, attachment, null, 50);
    }

    private List<String> keys(String prefix) {
        try (Stream<ObjectSummary> objects = storage.list(prefix)) {
            return objects.map(ObjectSummary::key).toList();
        }
    }

    /** No object in the store, no leftovers of a failed put, no row and no timeline event in the tenant. */
    private void assertNothingStored(TenantScope scope) throws Exception {
        assertThat(keys(TenantStorage.prefixOf(scope.tenantId()))).isEmpty();
        assertStoreIsEmpty();
        TestSql sql = new TestSql(database().dataSource());
        String schema = "\"" + scope.schema() + "\"";
        assertThat(sql.count("select count(*) from " + schema + ".attachment")).isZero();
        assertThat(sql.count(
                        "select count(*) from " + schema + ".timeline_event where object = ?",
                        AttachmentService.TIMELINE_OBJECT))
                .isZero();
    }

    private static Map<String, Object> change(Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", before);
        change.put("after", after);
        return change;
    }

    static void assertCategory(ThrowingCallable call, ErrorCategory category) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CrmException.class,
                        e -> assertThat(e.category()).as(e.getMessage()).isEqualTo(category));
    }
}

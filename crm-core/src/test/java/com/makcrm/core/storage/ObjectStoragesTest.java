package com.makcrm.core.storage;

import static com.makcrm.core.storage.ObjectStorageContract.assertCategory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.testsupport.S3Service;
import com.makcrm.core.testsupport.TestServices;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoragesTest {

    @TempDir
    Path dir;

    @Test
    void opensAFileUrlAsFilesystemStorage() {
        try (ObjectStorage storage = ObjectStorages.fromUrl(dir.toUri().toString())) {
            assertThat(storage)
                    .isInstanceOfSatisfying(
                            FileSystemObjectStorage.class,
                            files -> assertThat(files.root())
                                    .isEqualTo(dir.toAbsolutePath().normalize()));
        }
    }

    @Test
    void opensAPlainPathAsFilesystemStorage() {
        try (ObjectStorage storage = ObjectStorages.fromUrl(dir.resolve("repo").toString())) {
            assertThat(storage)
                    .isInstanceOfSatisfying(
                            FileSystemObjectStorage.class,
                            files -> assertThat(files.root()).isEqualTo(dir.resolve("repo")));
        }
    }

    @Test
    void readsBucketAndPrefixFromAnS3UrlAndTheRestFromOptions() {
        S3Settings settings = ObjectStorages.s3Settings(
                "s3://crm-backups/prod/eu",
                Map.of(
                        "endpoint", "http://minio:9000",
                        "region", "eu-central-1",
                        "path-style", "true",
                        "access-key", "access",
                        "secret-key", "secret",
                        "checksum-when-required", "false",
                        "multipart-threshold", "32MiB",
                        "part-size", "10 MiB",
                        "max-attempts", "6",
                        "list-page-size", ""));

        assertThat(settings)
                .isEqualTo(S3Settings.builder("crm-backups")
                        .prefix("prod/eu/")
                        .endpoint(URI.create("http://minio:9000"))
                        .region("eu-central-1")
                        .pathStyle(true)
                        .credentials("access", "secret")
                        .checksumWhenRequired(false)
                        .multipartThreshold(32 * S3Settings.MIB)
                        .partSize(10 * S3Settings.MIB)
                        .maxAttempts(6)
                        .build());
    }

    @Test
    void usesTheWholeBucketWhenTheS3UrlHasNoPrefix() {
        assertThat(ObjectStorages.s3Settings("s3://crm-files", Map.of()).prefix())
                .isEmpty();
        assertThat(ObjectStorages.s3Settings("s3://crm-files/", Map.of()).prefix())
                .isEmpty();
    }

    @Test
    void rejectsAnUnknownSchemeListingTheAcceptedForms() {
        assertThatThrownBy(() -> ObjectStorages.fromUrl("ftp://host/dir"))
                .hasMessageContaining("'ftp'")
                .hasMessageContaining(ObjectStorages.ACCEPTED_FORMS);
        assertCategory(() -> ObjectStorages.fromUrl("gs://bucket"), ErrorCategory.INVALID);
    }

    @Test
    void rejectsMalformedUrlsAndOptions() {
        assertCategory(() -> ObjectStorages.fromUrl(" "), ErrorCategory.INVALID);
        assertCategory(() -> ObjectStorages.fromUrl("s3:///prefix-without-bucket"), ErrorCategory.INVALID);
        assertCategory(() -> ObjectStorages.fromUrl("s3://key:secret@bucket/p"), ErrorCategory.INVALID);
        assertCategory(() -> ObjectStorages.fromUrl("s3://bucket/p?region=x"), ErrorCategory.INVALID);
        assertCategory(() -> ObjectStorages.fromUrl("file:relative/path"), ErrorCategory.INVALID);
        assertCategory(() -> ObjectStorages.fromUrl("s3://bucket", Map.of("regoin", "x")), ErrorCategory.INVALID);
        assertCategory(() -> ObjectStorages.fromUrl("s3://bucket", Map.of("path-style", "yes")), ErrorCategory.INVALID);
        assertCategory(() -> ObjectStorages.fromUrl("s3://bucket", Map.of("part-size", "8 MB")), ErrorCategory.INVALID);
        assertCategory(
                () -> ObjectStorages.fromUrl("s3://bucket", Map.of("endpoint", "minio:9000")), ErrorCategory.INVALID);
    }

    @Test
    void opensAWorkingS3StorageFromAUrl() {
        S3Service s3 = TestServices.s3();
        String bucket = s3.createBucket("crm-storage-url");
        Map<String, String> options = Map.of(
                "endpoint", s3.endpoint().toString(),
                "region", s3.region(),
                "path-style", "true",
                "access-key", s3.accessKey(),
                "secret-key", s3.secretKey());

        try (ObjectStorage storage = ObjectStorages.fromUrl("s3://" + bucket + "/attachments", options)) {
            storage.put("a.txt", new ByteArrayInputStream(new byte[] {1, 2, 3}), null);

            assertThat(storage.stat("a.txt"))
                    .hasValueSatisfying(object -> assertThat(object.size()).isEqualTo(3));
        }
    }

    @Test
    void aStorageUrlErrorIsEnglishAndTranslatesToRussian() {
        CrmException e =
                catchThrowableOfType(CrmException.class, () -> ObjectStorages.fromUrl("s3://key:secret@bucket/p"));

        assertThat(e.getMessage())
                .isEqualTo("invalid storage URL 's3://key:secret@bucket/p': credentials do not belong in the URL (it"
                        + " ends up in logs); use the key options; expected " + ObjectStorages.ACCEPTED_FORMS);
        assertThat(Messages.fromClasspath().describe(e, Messages.RUSSIAN))
                .isEqualTo("недопустимый URL хранилища «s3://key:secret@bucket/p»: учётным данным не место в URL (он"
                        + " попадает в журналы); используйте параметры ключей; ожидается file:///absolute/path,"
                        + " обычный путь в файловой системе или s3://bucket[/prefix]");
    }

    @Test
    void s3OptionErrorsKeepTheirEnglishText() {
        assertThatThrownBy(() -> ObjectStorages.fromUrl("s3://bucket", Map.of("path-style", "yes")))
                .hasMessage("storage option path-style must be true or false: 'yes'");
        assertThatThrownBy(() -> ObjectStorages.fromUrl("s3://bucket", Map.of("part-size", "8 MB")))
                .hasMessage("storage option part-size must be a size in bytes, or with KiB, MiB or GiB: '8 MB'");
        assertThatThrownBy(() -> ObjectStorages.fromUrl(" "))
                .hasMessage("storage URL is empty; expected " + ObjectStorages.ACCEPTED_FORMS);
    }
}

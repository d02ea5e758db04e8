package com.makcrm.core.storage;

import static com.makcrm.core.storage.ObjectStorageContract.assertCategory;
import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.core.error.ErrorCategory;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

    @Test
    void defaultsSuitS3CompatibleStores() {
        S3Settings settings = S3Settings.builder("attachments").build();

        assertThat(settings.checksumWhenRequired()).isTrue();
        assertThat(settings.multipartThreshold()).isEqualTo(16 * S3Settings.MIB);
        assertThat(settings.partSize()).isEqualTo(8 * S3Settings.MIB);
        assertThat(settings.maxAttempts()).isEqualTo(S3Settings.DEFAULT_MAX_ATTEMPTS);
        assertThat(settings.listPageSize()).isEqualTo(1000);
        assertThat(settings.prefix()).isEmpty();
        assertThat(settings.accessKey()).isNull();
    }

    @Test
    void endsAPrefixWithASlash() {
        assertThat(S3Settings.builder("b-1").prefix("backups/prod").build().prefix())
                .isEqualTo("backups/prod/");
        assertThat(S3Settings.builder("b-1").prefix("backups/").build().prefix())
                .isEqualTo("backups/");
    }

    @Test
    void rejectsSettingsS3WouldRefuse() {
        assertCategory(() -> S3Settings.builder("Upper_Case").build(), ErrorCategory.INVALID);
        assertCategory(() -> S3Settings.builder("b-1").partSize(S3Settings.MIB).build(), ErrorCategory.INVALID);
        assertCategory(() -> S3Settings.builder("b-1").maxAttempts(0).build(), ErrorCategory.INVALID);
        assertCategory(() -> S3Settings.builder("b-1").listPageSize(1001).build(), ErrorCategory.INVALID);
        assertCategory(() -> S3Settings.builder("b-1").prefix("../up").build(), ErrorCategory.INVALID);
    }

    @Test
    void requiresBothKeysOrNeither() {
        assertCategory(
                () -> S3Settings.builder("b-1").credentials("access", null).build(), ErrorCategory.INVALID);
    }

    @Test
    void keepsTheSecretKeyOutOfItsDescription() {
        S3Settings settings =
                S3Settings.builder("b-1").credentials("access", "s3cr3t").build();

        assertThat(settings.toString()).contains("access").doesNotContain("s3cr3t");
    }

    @Test
    void rebuildsEqualSettingsFromItsBuilder() {
        S3Settings settings = S3Settings.builder("b-1")
                .region("eu-west-1")
                .pathStyle(true)
                .credentials("a", "s")
                .maxAttempts(7)
                .build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }
}

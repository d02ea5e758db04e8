package com.makcrm.cli.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.makcrm.cli.Cli;
import com.makcrm.cli.Cli.Result;
import com.makcrm.core.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code crm backup ...} end to end: real command line, real PostgreSQL, a file repository per test. */
class BackupCommandsTest {

    private static final JsonMapper JSON = new JsonMapper();

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    static Path home;

    @TempDir
    Path repo;

    /** Key files live outside the repository, as they should. */
    @TempDir
    Path keys;

    private Result crm(String... args) {
        return Cli.against(db, home)
                .env("CRM_BACKUP_REPO", repo.toUri().toString())
                .run(args);
    }

    private String backUp(String slug) {
        assertThat(crm("tenant", "create", slug).exitCode()).isZero();
        Result r = crm("backup", "create", "--tenant", slug, "-o", "json");
        assertThat(r.exitCode()).as("%s", r).isZero();
        List<Map<String, Object>> manifests = JSON.readValue(r.out(), new TypeReference<>() {});
        assertThat(manifests).hasSize(1);
        return (String) manifests.get(0).get("backupId");
    }

    @Test
    void createListShowAndVerifyOneTenantBackup() {
        assertThat(crm("tenant", "create", "bk-round").exitCode()).isZero();

        Result create = crm("backup", "create", "--tenant", "bk-round");
        assertThat(create.exitCode()).as("%s", create).isZero();
        // without a terminal: a quiet line per tenant as it finishes, then the table
        assertThat(create.outLines().get(0)).startsWith("bk-round: backup ").contains("tables", "rows");
        assertThat(create.outLines().get(1)).startsWith("TENANT").contains("BACKUP", "TABLES", "ROWS", "BYTES");
        assertThat(create.outLines()).anySatisfy(line -> assertThat(line).startsWith("bk-round"));
        assertThat(create.err()).isEmpty();

        Result list = crm("backup", "list", "-o", "json");
        assertThat(list.exitCode()).as("%s", list).isZero();
        List<Map<String, Object>> backups = JSON.readValue(list.out(), new TypeReference<>() {});
        assertThat(backups)
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .containsEntry("kind", "TENANT")
                        .containsEntry("tenantSlug", "bk-round")
                        .containsKeys("backupId", "finished", "schemaVersion", "sizeBytes"));
        String id = (String) backups.get(0).get("backupId");
        assertThat(create.out()).contains(id);
        assertThat(((Number) backups.get(0).get("sizeBytes")).longValue()).isPositive();

        Result table = crm("backup", "list", "--tenant", "bk-round");
        assertThat(table.outLines().get(0)).startsWith("ID").contains("KIND", "TENANT", "FINISHED", "SIZE");
        assertThat(table.outLines())
                .anySatisfy(line -> assertThat(line).startsWith(id).contains("bk-round"));
        assertThat(crm("backup", "list", "--tenant", "someone-else").outLines()).hasSize(1);

        Result show = crm("backup", "show", id, "-o", "json");
        assertThat(show.exitCode()).as("%s", show).isZero();
        Map<String, Object> manifest = JSON.readValue(show.out(), new TypeReference<>() {});
        assertThat(manifest).containsEntry("backupId", id).containsEntry("formatVersion", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tables = (List<Map<String, Object>>) manifest.get("tables");
        assertThat(tables).isNotEmpty().extracting(t -> t.get("name")).contains("company", "person");
        assertThat(tables).allSatisfy(t -> assertThat(t).containsKeys("rows", "bytes", "compressedBytes", "sha256"));
        assertThat(manifest.get("objects")).isEqualTo(List.of());

        Result showTable = crm("backup", "show", id);
        assertThat(showTable.exitCode()).as("%s", showTable).isZero();
        assertThat(showTable.out()).contains("TABLE", "ROWS", "company", "bk-round");

        Result verify = crm("backup", "verify", id);
        assertThat(verify.exitCode()).as("%s", verify).isZero();
        assertThat(verify.out()).startsWith("backup " + id + " is sound: ");
        assertThat(verify.err()).isEmpty();
    }

    @Test
    void verifyOfADamagedPartExitsSevenAndNamesTheTable() throws IOException {
        String id = backUp("bk-damaged");
        Path part = firstPart(repo.resolve("backups").resolve(id).resolve("tables"));
        String table = part.getFileName().toString().replace(".copy.zst", "");
        byte[] bytes = Files.readAllBytes(part);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(part, bytes);

        Result r = crm("backup", "verify", id);

        assertThat(r.exitCode()).as("%s", r).isEqualTo(7);
        assertThat(r.outLines()).singleElement().asString().startsWith("problem: " + table + " (");
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: backup " + id + " failed verification: 1 of ");

        Result json = crm("backup", "verify", id, "-o", "json");
        assertThat(json.exitCode()).as("%s", json).isEqualTo(7);
        Map<String, Object> report = JSON.readValue(json.out(), new TypeReference<>() {});
        assertThat(report).containsEntry("ok", false);
        assertThat(report.get("problems").toString()).contains("part=" + table);
    }

    @Test
    void unknownBackupIdIsNotFound() {
        String id = UUID.randomUUID().toString();

        Result verify = crm("backup", "verify", id);
        Result show = crm("backup", "show", id);

        assertThat(verify.exitCode()).as("%s", verify).isEqualTo(3);
        assertThat(verify.errLines()).singleElement().asString().startsWith("ERROR: backup " + id + " not found");
        assertThat(show.exitCode()).as("%s", show).isEqualTo(3);
        assertThat(show.out()).isEmpty();
    }

    @Test
    void aBackupIdThatIsNoUuidIsAUsageError() {
        Result r = crm("backup", "show", "not-a-uuid");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("ERROR: ").contains("not-a-uuid");
    }

    @Test
    void createForAnUnknownTenantIsNotFoundAndWritesNothing() throws IOException {
        assertThat(crm("tenant", "create", "bk-known").exitCode()).isZero();

        Result r = crm("backup", "create", "--tenant", "bk-known", "--tenant", "bk-ghost");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(3);
        assertThat(r.errLines()).containsExactly("ERROR: tenant 'bk-ghost' not found");
        assertThat(crm("backup", "list", "-o", "json").out().strip()).isEqualTo("[ ]");
    }

    @Test
    void createNeedsTenantsOrAllTenants() {
        Result r = crm("backup", "create");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("ERROR: ").contains("--tenant", "--all-tenants");
    }

    @Test
    void allTenantsBacksUpEveryLiveTenantInParallel() {
        assertThat(crm("tenant", "create", "bk-all-a").exitCode()).isZero();
        assertThat(crm("tenant", "create", "bk-all-b").exitCode()).isZero();

        Result r = crm("backup", "create", "--all-tenants", "--parallel", "2", "-o", "json");

        assertThat(r.exitCode()).as("%s", r).isZero();
        List<Map<String, Object>> manifests = JSON.readValue(r.out(), new TypeReference<>() {});
        assertThat(manifests).extracting(m -> m.get("tenantSlug")).contains("bk-all-a", "bk-all-b");
        List<Map<String, Object>> listed =
                JSON.readValue(crm("backup", "list", "-o", "json").out(), new TypeReference<>() {});
        assertThat(listed).hasSameSizeAs(manifests);
    }

    @Test
    void keygenWritesAnOwnerOnlyKeyFileAndNeverOverwritesOne() throws IOException {
        Path keyFile = keys.resolve("backup.key");

        Result r = crm("backup", "keygen", "--out", keyFile.toString());

        assertThat(r.exitCode()).as("%s", r).isZero();
        String id = com.makcrm.core.backup.BackupKey.load(keyFile).id();
        assertThat(r.outLines().get(0)).isEqualTo("wrote backup encryption key " + id + " to " + keyFile);
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        byte[] before = Files.readAllBytes(keyFile);

        Result again = crm("backup", "keygen", "--out", keyFile.toString());

        assertThat(again.exitCode()).as("%s", again).isEqualTo(4);
        assertThat(again.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: ")
                .contains(keyFile.toString());
        assertThat(Files.readAllBytes(keyFile)).isEqualTo(before);
    }

    @Test
    void createAndVerifyAnEncryptedBackupWithTheKeyFile() throws IOException {
        Path keyFile = newKey("right");
        String keyId = com.makcrm.core.backup.BackupKey.load(keyFile).id();
        assertThat(crm("tenant", "create", "bk-enc").exitCode()).isZero();

        Result create = crm(
                "backup", "create", "--tenant", "bk-enc", "--encryption-key-file", keyFile.toString(), "-o", "json");
        assertThat(create.exitCode()).as("%s", create).isZero();
        List<Map<String, Object>> manifests = JSON.readValue(create.out(), new TypeReference<>() {});
        String id = (String) manifests.get(0).get("backupId");
        assertThat(manifests.get(0).get("encryption"))
                .isEqualTo(Map.of("algorithm", "AES256_GCM_HKDF_1MB", "keyId", keyId));

        Result show = crm("backup", "show", id);
        assertThat(show.outLines()).contains("encryption: AES256_GCM_HKDF_1MB, key id " + keyId);
        assertThat(Files.readString(repo.resolve("backups").resolve(id).resolve("manifest.json")))
                .contains(keyId)
                .doesNotContain(Files.readString(keyFile).strip());

        Result verify = Cli.against(db, home)
                .env("CRM_BACKUP_REPO", repo.toUri().toString())
                .env("CRM_BACKUP_ENCRYPTION_KEY_FILE", keyFile.toString())
                .run("backup", "verify", id);
        assertThat(verify.exitCode()).as("%s", verify).isZero();
        assertThat(verify.out()).startsWith("backup " + id + " is sound: ");

        Result withoutKey = crm("backup", "verify", id);
        assertThat(withoutKey.exitCode()).as("%s", withoutKey).isEqualTo(8);
        assertThat(withoutKey.errLines())
                .singleElement()
                .asString()
                .isEqualTo("ERROR: backup " + id + " is encrypted with key id " + keyId
                        + "; pass --encryption-key-file or CRM_BACKUP_ENCRYPTION_KEY_FILE");
    }

    @Test
    void verifyWithTheWrongKeyExitsEightWithOneErrorLine() throws IOException {
        Path right = newKey("right");
        Path wrong = newKey("wrong");
        assertThat(crm("tenant", "create", "bk-wrong-key").exitCode()).isZero();
        Result create = crm(
                "backup",
                "create",
                "--tenant",
                "bk-wrong-key",
                "--encryption-key-file",
                right.toString(),
                "-o",
                "json");
        assertThat(create.exitCode()).as("%s", create).isZero();
        String id = (String) JSON.readValue(create.out(), new TypeReference<List<Map<String, Object>>>() {})
                .get(0)
                .get("backupId");

        Result r = crm("backup", "verify", id, "--encryption-key-file", wrong.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(8);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("ERROR: backup " + id + " was encrypted with key id ")
                .contains(com.makcrm.core.backup.BackupKey.load(right).id())
                .endsWith("the key given has id "
                        + com.makcrm.core.backup.BackupKey.load(wrong).id());
    }

    @Test
    void aMalformedKeyFileExitsEightNamingTheFileAndWritesNothing() throws IOException {
        Path bad = Files.writeString(keys.resolve("bad.key"), "not a key\n");
        assertThat(crm("tenant", "create", "bk-bad-key").exitCode()).isZero();

        Result r = crm("backup", "create", "--tenant", "bk-bad-key", "--encryption-key-file", bad.toString());

        assertThat(r.exitCode()).as("%s", r).isEqualTo(8);
        assertThat(r.errLines()).singleElement().asString().startsWith("ERROR: encryption key file " + bad);
        assertThat(crm("backup", "list", "-o", "json").out().strip()).isEqualTo("[ ]");
    }

    @Test
    void aBackupErrorLineIsInRussianWithLangRuAndUnchangedInEnglish() throws IOException {
        Path shortKey = Files.writeString(
                keys.resolve("short.key"), java.util.Base64.getEncoder().encodeToString(new byte[16]) + "\n");
        assertThat(crm("tenant", "create", "bk-lang-key").exitCode()).isZero();

        Result en = crm("backup", "create", "--tenant", "bk-lang-key", "--encryption-key-file", shortKey.toString());
        Result ru = crm(
                "--lang",
                "ru",
                "backup",
                "create",
                "--tenant",
                "bk-lang-key",
                "--encryption-key-file",
                shortKey.toString());

        assertThat(en.exitCode()).as("%s", en).isEqualTo(8);
        assertThat(ru.exitCode()).as("%s", ru).isEqualTo(8);
        assertThat(en.errLines())
                .containsExactly("ERROR: encryption key file " + shortKey
                        + ": an encryption key must be 32 bytes in base64 on one line (this one has 16 bytes)");
        assertThat(ru.errLines())
                .containsExactly(
                        "ERROR: файл ключа шифрования " + shortKey
                                + ": ключ шифрования должен занимать 32 байта в base64 на одной строке (в этом ключе байт: 16)");

        Result parallelEn = crm("backup", "create", "--all-tenants", "--parallel", "0");
        Result parallelRu = crm("--lang", "ru", "backup", "create", "--all-tenants", "--parallel", "0");
        assertThat(parallelRu.exitCode()).isEqualTo(parallelEn.exitCode()).isNotZero();
        assertThat(parallelEn.errLines()).containsExactly("ERROR: --parallel must be between 1 and 64 (got 0)");
        assertThat(parallelRu.errLines()).containsExactly("ERROR: --parallel должен быть от 1 до 64 (указано 0)");
    }

    @Test
    void theKeyFileComesFromTheFlagBeforeTheEnvironmentBeforeTheConfigFile() throws IOException {
        Path right = newKey("right");
        Path wrong = newKey("wrong");
        String rightId = com.makcrm.core.backup.BackupKey.load(right).id();
        Path config = Files.writeString(keys.resolve("config.yaml"), "backup:\n  encryption-key-file: " + right + "\n");
        assertThat(crm("tenant", "create", "bk-key-config").exitCode()).isZero();
        Cli withConfig = Cli.against(db, home)
                .env("CRM_BACKUP_REPO", repo.toUri().toString())
                .env("CRM_CONFIG", config.toString());

        Result create = withConfig.run("backup", "create", "--tenant", "bk-key-config", "-o", "json");
        assertThat(create.exitCode()).as("%s", create).isZero();
        Map<String, Object> manifest = JSON.<List<Map<String, Object>>>readValue(create.out(), new TypeReference<>() {})
                .get(0);
        assertThat(manifest.get("encryption")).isEqualTo(Map.of("algorithm", "AES256_GCM_HKDF_1MB", "keyId", rightId));
        String id = (String) manifest.get("backupId");

        withConfig.env("CRM_BACKUP_ENCRYPTION_KEY_FILE", wrong.toString());
        assertThat(withConfig.run("backup", "verify", id).exitCode()).isEqualTo(8);
        Result flag = withConfig.run("backup", "verify", id, "--encryption-key-file", right.toString());
        assertThat(flag.exitCode()).as("%s", flag).isZero();
    }

    /** A new key file outside the repository, through {@code crm backup keygen}. */
    private Path newKey(String name) {
        Path keyFile = keys.resolve(name + ".key");
        Result r = crm("backup", "keygen", "--out", keyFile.toString());
        assertThat(r.exitCode()).as("%s", r).isZero();
        return keyFile;
    }

    private static Path firstPart(Path tables) throws IOException {
        try (Stream<Path> files = Files.list(tables)) {
            // skip the file store's metadata sidecars (hidden files next to each part)
            return files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().endsWith(".copy.zst"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }
}

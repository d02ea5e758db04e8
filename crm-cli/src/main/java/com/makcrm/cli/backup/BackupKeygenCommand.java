package com.makcrm.cli.backup;

import com.makcrm.cli.ExitCodes;
import com.makcrm.core.backup.BackupKey;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.BackupMessages;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = {
            "Write a new backup encryption key to a new file and print its key id.",
            "The file holds 32 random bytes in base64 and is readable by its owner only.",
            "Keep it outside the backup repository: without it, the backups encrypted",
            "with it cannot be read. Refuses to overwrite an existing file (exit 4)."
        })
final class BackupKeygenCommand implements Callable<Integer> {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The key file to create.")
    private Path out;

    @Override
    public Integer call() {
        BackupKey key = BackupKey.generate();
        write(key);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote backup encryption key " + key.id() + " to " + out);
        stdout.println("use it with --encryption-key-file " + out + " (or " + EncryptionKeyOption.ENV
                + "); keep a copy outside the repository: losing it loses the backups encrypted with it");
        stdout.flush();
        return ExitCodes.OK;
    }

    private void write(BackupKey key) {
        try (OutputStream file = create()) {
            file.write(key.toBase64().getBytes(StandardCharsets.US_ASCII));
        } catch (FileAlreadyExistsException e) {
            throw CrmException.conflict(BackupMessages.KEY_FILE_EXISTS, Map.of("file", String.valueOf(out)));
        } catch (IOException e) {
            throw CrmException.invalid(
                    BackupMessages.KEY_FILE_WRITE_FAILED,
                    Map.of("file", String.valueOf(out), "reason", String.valueOf(e.getMessage())));
        }
    }

    /** The new file, owner-only from its creation, so the key is never readable by others, not even briefly. */
    private OutputStream create() throws IOException {
        try {
            Files.createFile(out, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) { // not a POSIX filesystem: its own access rules apply
            Files.createFile(out);
        }
        return Files.newOutputStream(out, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}

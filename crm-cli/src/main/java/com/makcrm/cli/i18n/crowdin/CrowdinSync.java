package com.makcrm.cli.i18n.crowdin;

import com.makcrm.cli.i18n.crowdin.CrowdinModel.Branch;
import com.makcrm.cli.i18n.crowdin.CrowdinModel.Build;
import com.makcrm.cli.i18n.crowdin.CrowdinModel.Directory;
import com.makcrm.cli.i18n.crowdin.CrowdinModel.LanguageProgress;
import com.makcrm.cli.i18n.crowdin.CrowdinModel.SourceFile;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.error.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The Crowdin side of {@code crm i18n}: push the source catalogs (storage upload, then add or update each file in
 * the configured branch), pull translations (build, poll, download, unpack), and read progress per language.
 */
public final class CrowdinSync {

    private final CrowdinClient client;
    private final CrowdinConfig config;

    public CrowdinSync(CrowdinClient client, CrowdinConfig config) {
        this.client = client;
        this.config = config;
    }

    /** What a push did to one source file. */
    public record Pushed(String crowdinPath, long fileId, boolean added) {}

    public List<Pushed> pushSources() {
        Long branchId = branch(true).map(Branch::id).orElse(null);
        List<SourceFile> existing = new ArrayList<>(client.listFiles(config.projectId(), branchId));
        List<Directory> directories = new ArrayList<>();
        boolean directoriesListed = false;
        List<Pushed> pushed = new ArrayList<>();
        for (FileMapping mapping : config.files()) {
            byte[] content = readSource(mapping);
            List<String> segments = crowdinSegments(mapping);
            Long directoryId = null;
            if (segments.size() > 1) {
                if (!directoriesListed) {
                    directories.addAll(client.listDirectories(config.projectId(), branchId));
                    directoriesListed = true;
                }
                directoryId = ensureDirectories(segments.subList(0, segments.size() - 1), branchId, directories);
            }
            String name = segments.get(segments.size() - 1);
            long storageId = client.uploadToStorage(name, content);
            Optional<SourceFile> file = find(existing, name, directoryId, branchId);
            String crowdinPath = "/" + String.join("/", segments);
            if (file.isPresent()) {
                client.updateFile(config.projectId(), file.get().id(), storageId, mapping.exportPattern());
                pushed.add(new Pushed(crowdinPath, file.get().id(), false));
            } else {
                SourceFile added = client.addFile(
                        config.projectId(), storageId, name, directoryId, branchId, mapping.exportPattern());
                existing.add(added);
                pushed.add(new Pushed(crowdinPath, added.id(), true));
            }
        }
        return pushed;
    }

    /**
     * Builds the translations (of the configured branch), reporting the build's percentage to {@code progress},
     * and returns the archive's bytes.
     */
    public byte[] buildArchive(IntConsumer progress) {
        Long branchId = branch(false).map(Branch::id).orElse(null);
        Build build = client.startBuild(config.projectId(), branchId);
        Duration waited = Duration.ZERO;
        ClientSettings settings = client.settings();
        while (!build.finished()) {
            progress.accept(build.progress());
            if (build.failed()) {
                throw new CrowdinException(
                        ErrorCategory.UNAVAILABLE,
                        200,
                        "Crowdin build " + build.id() + " ended " + build.status()
                                + "; see the project's activity in Crowdin and run the pull again");
            }
            if (waited.compareTo(settings.buildTimeout()) >= 0) {
                throw new CrowdinException(
                        ErrorCategory.UNAVAILABLE,
                        200,
                        "Crowdin build " + build.id() + " did not finish within "
                                + settings.buildTimeout().toMinutes() + " min (at " + build.progress() + "%)");
            }
            client.pause(settings.pollInterval());
            waited = waited.plus(settings.pollInterval());
            build = client.buildStatus(config.projectId(), build.id());
        }
        progress.accept(100);
        return client.download(client.buildDownloadUrl(config.projectId(), build.id()));
    }

    /**
     * Builds, downloads and unpacks the translations of {@code locales} into the catalog folders; the archive's
     * other files and languages are skipped and reported.
     */
    public TranslationArchive.Extracted pullTranslations(Set<String> locales, IntConsumer progress) {
        byte[] archive = buildArchive(progress);
        return TranslationArchive.extract(archive, config.basePath(), config.files(), locales);
    }

    /**
     * Progress per target language: of the configured branch when there is one (which must exist: reading status
     * creates nothing), else of the whole project.
     */
    public List<LanguageProgress> status() {
        Long branchId = branch(false).map(Branch::id).orElse(null);
        return client.languageProgress(config.projectId(), branchId);
    }

    private Optional<Branch> branch(boolean createWhenMissing) {
        String name = config.branch();
        if (name == null) {
            return Optional.empty();
        }
        Optional<Branch> found = client.findBranch(config.projectId(), name);
        if (found.isPresent() || !createWhenMissing) {
            if (found.isEmpty()) {
                throw new CrowdinException(
                        ErrorCategory.NOT_FOUND,
                        404,
                        "branch " + name + " not found in project " + config.projectId() + " (push the sources first)");
            }
            return found;
        }
        return Optional.of(client.createBranch(config.projectId(), name));
    }

    private byte[] readSource(FileMapping mapping) {
        Path file = config.basePath().resolve(mapping.sourcePath());
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw CrmException.invalid(
                    "cannot read source catalog " + mapping.source() + " (" + file + "): " + e.getMessage());
        }
    }

    /**
     * The file's path in Crowdin: the whole source path with preserve_hierarchy, else the path below the folder
     * all the {@code files} sources share. This is not quite the official CLI's rule: it strips, per {@code files}
     * item, the prefix common to that item's own sources, so with several items the two can place files
     * differently (they agree for a single item, and with preserve_hierarchy).
     */
    List<String> crowdinSegments(FileMapping mapping) {
        List<String> segments = split(mapping.sourcePath());
        if (config.preserveHierarchy()) {
            return segments;
        }
        int common = segments.size() - 1;
        for (FileMapping other : config.files()) {
            List<String> otherSegments = split(other.sourcePath());
            int same = 0;
            while (same < Math.min(common, otherSegments.size() - 1)
                    && segments.get(same).equals(otherSegments.get(same))) {
                same++;
            }
            common = same;
        }
        return segments.subList(common, segments.size());
    }

    private static List<String> split(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private Long ensureDirectories(List<String> names, Long branchId, List<Directory> known) {
        Long parent = null;
        for (String name : names) {
            Long parentId = parent;
            Optional<Directory> found = known.stream()
                    .filter(d -> d.name().equals(name)
                            && Objects.equals(d.parentId(), parentId)
                            && inBranch(d.parentId(), d.branchId(), branchId))
                    .findFirst();
            Directory directory = found.orElseGet(() -> {
                Directory created = client.createDirectory(config.projectId(), name, parentId, branchId);
                known.add(created);
                return created;
            });
            parent = directory.id();
        }
        return parent;
    }

    private static Optional<SourceFile> find(List<SourceFile> files, String name, Long directoryId, Long branchId) {
        return files.stream()
                .filter(f -> f.name().equals(name)
                        && Objects.equals(f.directoryId(), directoryId)
                        && inBranch(f.directoryId(), f.branchId(), branchId))
                .findFirst();
    }

    /**
     * Whether a file or directory listed by Crowdin is in {@code branchId} (null: the project outside branches).
     * Without a branch Crowdin lists every branch's too, and at the top level (no parent directory) a branch's item
     * looks like the project's but for its branchId; below a directory, the directory already decides the branch.
     */
    private static boolean inBranch(Long parentId, Long itemBranchId, Long branchId) {
        return parentId != null || Objects.equals(itemBranchId, branchId);
    }
}

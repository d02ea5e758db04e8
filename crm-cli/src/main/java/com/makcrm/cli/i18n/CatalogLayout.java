package com.makcrm.cli.i18n;

import com.makcrm.cli.i18n.crowdin.FileMapping;
import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.Messages;
import com.makcrm.core.i18n.po.PoCatalog;
import com.makcrm.core.i18n.po.PoParser;
import com.makcrm.core.i18n.po.PoWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Where the PO catalogs live: the first {@code files} item of {@code crowdin.yml} (source and translation pattern,
 * against {@code base_path}), or Lingui's layout under crm-core's resources when there is no crowdin.yml. Reading
 * the layout needs no Crowdin credentials, so extract and compile work offline.
 */
record CatalogLayout(Path root, FileMapping mapping) {

    static final String SOURCE_LOCALE = "en";
    static final FileMapping DEFAULT = new FileMapping(
            "/crm-core/src/main/resources/i18n/locales/en/messages.po",
            "/crm-core/src/main/resources/i18n/locales/%two_letters_code%/messages.po");
    private static final YAMLMapper YAML = new YAMLMapper();

    static CatalogLayout resolve(Path crowdinYml) {
        if (!Files.isRegularFile(crowdinYml)) {
            return new CatalogLayout(Path.of("").toAbsolutePath(), DEFAULT);
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(crowdinYml));
        } catch (JacksonException e) {
            throw CrmException.invalid(crowdinYml.getFileName() + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CrmException.invalid("cannot read " + crowdinYml + ": " + e.getMessage());
        }
        Path folder = crowdinYml.toAbsolutePath().getParent();
        String basePath = root == null ? null : root.path("base_path").asString(null);
        Path base = basePath == null || basePath.isBlank()
                ? folder
                : folder.resolve(basePath).normalize();
        JsonNode first = root == null ? null : root.path("files").path(0);
        if (first == null || !first.isObject()) {
            throw CrmException.invalid(
                    crowdinYml.getFileName() + ": files must list the catalog {source, translation}");
        }
        return new CatalogLayout(
                base,
                new FileMapping(
                        first.path("source").asString(null),
                        first.path("translation").asString(null)));
    }

    /** Every catalog by locale, source first: the known locales plus any other locale folder present. */
    Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put(SOURCE_LOCALE, root.resolve(mapping.sourcePath()));
        for (String locale : Messages.LOCALES) {
            files.putIfAbsent(locale, root.resolve(mapping.translationPath(locale)));
        }
        for (String locale : presentLocales()) {
            files.putIfAbsent(locale, root.resolve(mapping.translationPath(locale)));
        }
        return files;
    }

    /** The locales Crowdin translates: every catalog but the source and the generated pseudo-locale. */
    java.util.Set<String> translatedLocales() {
        java.util.Set<String> locales = new TreeSet<>(files().keySet());
        locales.remove(SOURCE_LOCALE);
        locales.remove("pseudo");
        return locales;
    }

    private java.util.Set<String> presentLocales() {
        java.util.Set<String> locales = new TreeSet<>();
        Path folder = root.resolve(mapping.catalogFolder());
        if (!Files.isDirectory(folder)) {
            return locales;
        }
        try (Stream<Path> children = Files.list(folder)) {
            children.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .filter(locale -> Files.isRegularFile(root.resolve(mapping.translationPath(locale))))
                    .forEach(locales::add);
        } catch (IOException e) {
            throw CrmException.unavailable("cannot list " + folder + ": " + e.getMessage(), e);
        }
        return locales;
    }

    /** The catalogs that exist, by locale; a catalog that does not parse fails with its file and line. */
    Map<String, PoCatalog> read() {
        Map<String, PoCatalog> catalogs = new LinkedHashMap<>();
        files().forEach((locale, file) -> {
            if (Files.isRegularFile(file)) {
                catalogs.put(locale, PoParser.parse(file));
            }
        });
        return catalogs;
    }

    /** Writes {@code catalog} when its text differs from the file's; returns whether it did. */
    static boolean writeIfChanged(PoCatalog catalog, Path file) {
        String text = PoWriter.write(catalog);
        try {
            if (Files.isRegularFile(file) && Files.readString(file).equals(text)) {
                return false;
            }
        } catch (IOException e) {
            throw CrmException.unavailable("cannot read " + file + ": " + e.getMessage(), e);
        }
        PoWriter.write(catalog, file);
        return true;
    }

    /** A path as the user should read it: relative to the working directory when below it. */
    static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}

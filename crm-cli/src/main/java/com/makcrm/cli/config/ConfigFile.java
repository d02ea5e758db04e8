package com.makcrm.cli.config;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.StorageMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code ~/.config/crm/config.yaml}: the lowest-precedence source of settings, after flags and {@code CRM_*}
 * variables. Keys are dotted paths into the YAML, e.g. {@code database.url}.
 */
public final class ConfigFile {

    private static final YAMLMapper YAML = new YAMLMapper();
    private final Path path;
    private final JsonNode root;

    private ConfigFile(Path path, JsonNode root) {
        this.path = path;
        this.root = root;
    }

    /**
     * The config file named by {@code explicit} (which must exist), else the default location when it exists.
     */
    public static ConfigFile load(String explicit, Map<String, String> env) {
        Path path = explicit != null ? Path.of(explicit) : defaultPath(env);
        if (!Files.exists(path)) {
            if (explicit != null) {
                throw CrmException.invalid(StorageMessages.CONFIG_MISSING, Map.of("file", path.toString()));
            }
            return new ConfigFile(path, null);
        }
        try {
            JsonNode root = YAML.readTree(path.toFile());
            if (root != null && !root.isNull() && !root.isMissingNode() && !root.isObject()) {
                throw CrmException.invalid(StorageMessages.CONFIG_NOT_MAPPING, Map.of("file", path.toString()));
            }
            return new ConfigFile(path, root);
        } catch (JacksonException e) {
            throw CrmException.invalid(
                    StorageMessages.CONFIG_NOT_YAML,
                    Map.of("file", path.toString(), "reason", oneLine(e.getOriginalMessage()), "line", line(e)));
        }
    }

    static Path defaultPath(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return base.resolve("crm").resolve("config.yaml");
    }

    /** The text value at a dotted path, or null. */
    public String get(String dottedKey) {
        JsonNode node = root;
        for (String part : dottedKey.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(part);
        }
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainer()) {
            throw CrmException.invalid(
                    StorageMessages.CONFIG_NOT_PLAIN, Map.of("file", String.valueOf(path), "key", dottedKey));
        }
        return node.asString();
    }

    public Path path() {
        return path;
    }

    // SnakeYAML explains over several lines with indented excerpts and carets; the CLI reports one line
    private static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .map(String::strip)
                .collect(Collectors.joining("; "));
    }

    /** The line of a parse error, or {@code none} (the select keyword of {@link StorageMessages#CONFIG_NOT_YAML}). */
    private static String line(JacksonException e) {
        // read errors (e.g. a directory) carry a location with line -1
        return e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? "none"
                : String.valueOf(e.getLocation().getLineNr());
    }
}

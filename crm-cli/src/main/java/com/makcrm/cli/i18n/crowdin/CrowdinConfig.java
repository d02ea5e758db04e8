package com.makcrm.cli.i18n.crowdin;

import com.makcrm.core.error.CrmException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code crowdin.yml}, read with the official Crowdin CLI's keys: {@code project_id} / {@code project_id_env},
 * {@code api_token} / {@code api_token_env}, {@code base_url} / {@code base_url_env}, {@code base_path},
 * {@code preserve_hierarchy}, {@code branch} and {@code files: [{source, translation}]}. Keys this tool does not
 * use are ignored, so one file serves both tools.
 *
 * @param tokenSource where the token came from, for error messages: the env variable name, or the config key
 * @param basePath the folder the {@code files} paths are relative to (base_path against the config's folder)
 * @param branch the Crowdin branch, or null for none; without any of the characters Crowdin refuses in its names
 */
public record CrowdinConfig(
        long projectId,
        String apiToken,
        String tokenSource,
        URI baseUrl,
        Path basePath,
        boolean preserveHierarchy,
        String branch,
        List<FileMapping> files) {

    public static final String DEFAULT_BASE_URL = "https://api.crowdin.com";
    /** The characters Crowdin refuses in a branch name. */
    static final String BRANCH_FORBIDDEN_CHARACTERS = "\\/:*?\"<>|";

    private static final YAMLMapper YAML = new YAMLMapper();

    public CrowdinConfig {
        files = List.copyOf(files);
        checkBranch(branch, "Crowdin branch");
    }

    /**
     * Refuses, before any request, a branch name Crowdin would refuse: one with any of {@code \ / : * ? " < > |}.
     *
     * @param source where the name came from, for the error (e.g. {@code --branch}, {@code crowdin.yml: branch})
     * @return {@code branch}
     */
    public static String checkBranch(String branch, String source) {
        if (branch == null) {
            return null;
        }
        Set<String> found = new LinkedHashSet<>();
        for (char c : branch.toCharArray()) {
            if (BRANCH_FORBIDDEN_CHARACTERS.indexOf(c) >= 0) {
                found.add("'" + c + "'");
            }
        }
        if (!found.isEmpty()) {
            throw CrmException.invalid(source + ": branch name '" + branch + "' contains " + String.join(", ", found)
                    + ", which Crowdin refuses in branch names (none of \\ / : * ? \" < > | may appear; e.g. use"
                    + " feature-x for feature/x)");
        }
        return branch;
    }

    public static CrowdinConfig load(Path file, Map<String, String> env) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw CrmException.invalid(name + " not found at " + file + " (the Crowdin configuration)");
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JacksonException e) {
            throw CrmException.invalid(name + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CrmException.invalid("cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw CrmException.invalid(name + " must hold a YAML mapping (key: value)");
        }
        Path folder = file.toAbsolutePath().getParent();
        return new Reader(name, root, env).config(folder);
    }

    /** The reading of one file, so every error names it. */
    private record Reader(String name, JsonNode root, Map<String, String> env) {

        CrowdinConfig config(Path folder) {
            Setting token = setting("api_token", "CROWDIN_PERSONAL_TOKEN", "API token");
            Setting project = setting("project_id", "CROWDIN_PROJECT_ID", "project id");
            long projectId;
            try {
                projectId = Long.parseLong(project.value().strip());
            } catch (NumberFormatException e) {
                throw CrmException.invalid(name + ": project id '" + project.value() + "' (from " + project.source()
                        + ") is not a number");
            }
            String base = optional("base_url");
            URI baseUrl = baseUrl(base == null ? DEFAULT_BASE_URL : base);
            String basePath = optional("base_path");
            Path root = basePath == null ? folder : folder.resolve(basePath).normalize();
            return new CrowdinConfig(
                    projectId,
                    token.value(),
                    token.source(),
                    baseUrl,
                    root,
                    root().path("preserve_hierarchy").asBoolean(false),
                    checkBranch(optional("branch"), name + ": branch"),
                    files());
        }

        private record Setting(String value, String source) {}

        /** {@code key} from the variable {@code key_env} names when set, else {@code key} itself. */
        private Setting setting(String key, String suggestedEnv, String what) {
            String envName = text(key + "_env");
            if (envName != null) {
                String fromEnv = env.get(envName);
                if (fromEnv != null && !fromEnv.isBlank()) {
                    return new Setting(fromEnv, envName);
                }
            }
            String literal = text(key);
            if (literal != null) {
                return new Setting(literal, key + " in " + name);
            }
            if (envName != null) {
                throw CrmException.invalid("no Crowdin " + what + ": set the environment variable " + envName + " ("
                        + name + " names it in " + key + "_env)");
            }
            throw CrmException.invalid("no Crowdin " + what + ": " + name + " needs " + key + "_env (e.g. " + key
                    + "_env: " + suggestedEnv + ") or " + key);
        }

        private String optional(String key) {
            String envName = text(key + "_env");
            if (envName != null && env.get(envName) != null && !env.get(envName).isBlank()) {
                return env.get(envName);
            }
            return text(key);
        }

        private String text(String key) {
            JsonNode node = root.get(key);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isValueNode()) {
                throw CrmException.invalid(name + ": " + key + " must be a single value");
            }
            String value = node.asString();
            return value.isBlank() ? null : value;
        }

        private URI baseUrl(String value) {
            URI uri;
            try {
                uri = URI.create(value.strip());
            } catch (IllegalArgumentException e) {
                throw CrmException.invalid(name + ": base_url '" + value + "' is not a URL");
            }
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw CrmException.invalid(name + ": base_url '" + value
                        + "' must be like https://api.crowdin.com or https://{org}.api.crowdin.com");
            }
            return uri;
        }

        private List<FileMapping> files() {
            JsonNode files = root.get("files");
            if (files == null || !files.isArray() || files.isEmpty()) {
                throw CrmException.invalid(name + ": files must list at least one {source, translation}");
            }
            List<FileMapping> mappings = new ArrayList<>();
            for (JsonNode item : files) {
                if (!item.isObject()) {
                    throw CrmException.invalid(
                            name + ": each files item must be a mapping with source and translation");
                }
                mappings.add(new FileMapping(
                        item.path("source").asString(null),
                        item.path("translation").asString(null)));
            }
            return mappings;
        }
    }
}

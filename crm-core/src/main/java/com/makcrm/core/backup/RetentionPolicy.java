package com.makcrm.core.backup;

import com.makcrm.core.error.CrmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Which backups {@link BackupPruner prune} keeps, read from a YAML file such as {@code backups/policy.yaml}:
 *
 * <pre>
 * keep-last: 3          # the 3 newest backups
 * keep-daily: 7         # the newest backup of each of the 7 newest days (UTC) that have backups
 * keep-weekly: 4        # ... of each of the 4 newest ISO weeks that have backups
 * keep-monthly: 12      # ... of each of the 12 newest months that have backups
 * object-grace: 24h     # content-addressed objects and unfinished backups younger than this are never removed
 * tenants:              # per tenant (slug or id): keys given here replace the ones above for that tenant
 *   acme: {keep-last: 10}
 * cluster: {keep-daily: 14}   # backups of any kind but TENANT; keys not given come from the top level
 * </pre>
 *
 * <p>The rules apply per tenant (and once to all non-tenant backups), to the backups' start times; everything any rule
 * keeps is kept. Unknown keys, bad values and a policy that would keep nothing are INVALID, naming the key and file.
 */
public final class RetentionPolicy {

    static final Duration DEFAULT_OBJECT_GRACE = Duration.ofHours(24);
    static final Duration MIN_OBJECT_GRACE = Duration.ofHours(1);

    private static final String KEEP_LAST = "keep-last";
    private static final String KEEP_DAILY = "keep-daily";
    private static final String KEEP_WEEKLY = "keep-weekly";
    private static final String KEEP_MONTHLY = "keep-monthly";
    private static final String OBJECT_GRACE = "object-grace";
    private static final String TENANTS = "tenants";
    private static final String CLUSTER = "cluster";
    private static final List<String> RULE_KEYS = List.of(KEEP_LAST, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY);
    private static final List<String> TOP_KEYS =
            List.of(KEEP_LAST, KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, OBJECT_GRACE, TENANTS, CLUSTER);
    private static final int MAX_KEEP = 1_000_000;
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*([smhdw])");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * How many backups of one tenant (or of the cluster) to keep by each rule; 0 switches a rule off.
     *
     * @param keepLast the newest N backups
     * @param keepDaily the newest backup of each of the N newest UTC days that have backups
     * @param keepWeekly the newest backup of each of the N newest ISO weeks (UTC, Monday first) that have backups
     * @param keepMonthly the newest backup of each of the N newest UTC months that have backups
     */
    public record Rules(int keepLast, int keepDaily, int keepWeekly, int keepMonthly) {

        public Rules {
            for (int n : new int[] {keepLast, keepDaily, keepWeekly, keepMonthly}) {
                if (n < 0) {
                    throw new IllegalArgumentException("keep counts must not be negative");
                }
            }
        }

        public boolean keepsNothing() {
            return keepLast == 0 && keepDaily == 0 && keepWeekly == 0 && keepMonthly == 0;
        }
    }

    private final Rules defaults;
    private final Map<String, Rules> tenants;
    private final Rules cluster;
    private final Duration objectGrace;

    /**
     * @param tenants rules for single tenants, keyed by slug or tenant id
     * @param cluster rules for backups of any kind but TENANT; null for the defaults
     */
    public RetentionPolicy(Rules defaults, Map<String, Rules> tenants, Rules cluster, Duration objectGrace) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.tenants = Map.copyOf(tenants);
        this.cluster = cluster == null ? defaults : cluster;
        this.objectGrace = Objects.requireNonNull(objectGrace, "objectGrace");
        requireKeepsSomething(this.defaults, "the policy");
        this.tenants.forEach((tenant, rules) -> requireKeepsSomething(rules, "the rules of tenant '" + tenant + "'"));
        requireKeepsSomething(this.cluster, "the rules for cluster backups");
        if (objectGrace.compareTo(MIN_OBJECT_GRACE) < 0) {
            throw CrmException.invalid(OBJECT_GRACE + " must be at least 1h (got " + objectGrace
                    + "): a backup still running must never lose its objects");
        }
    }

    /** Reads a policy file; INVALID when it is missing, not YAML, or breaks a rule, naming the file and key. */
    public static RetentionPolicy load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CrmException.invalid("policy file " + file + " does not exist");
        } catch (IOException e) {
            throw CrmException.invalid("policy file " + file + " cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses a policy; {@code source} names it in error messages. */
    public static RetentionPolicy parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw CrmException.invalid(
                    "policy file " + source + " is not valid YAML: " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        Parser parser = new Parser(source);
        parser.requireMapping(root, "the top level");
        parser.requireKnownKeys(root, "", TOP_KEYS);
        Rules defaults = parser.rules(root, "", new Rules(0, 0, 0, 0));
        Duration grace =
                root.has(OBJECT_GRACE) ? parser.duration(root.get(OBJECT_GRACE), OBJECT_GRACE) : DEFAULT_OBJECT_GRACE;
        Map<String, Rules> tenants = new LinkedHashMap<>();
        JsonNode tenantsNode = root.get(TENANTS);
        if (tenantsNode != null && !tenantsNode.isNull()) {
            parser.requireMapping(tenantsNode, TENANTS);
            for (Map.Entry<String, JsonNode> tenant : tenantsNode.properties()) {
                String path = TENANTS + "." + tenant.getKey() + ".";
                parser.requireMapping(tenant.getValue(), TENANTS + "." + tenant.getKey());
                parser.requireKnownKeys(tenant.getValue(), path, RULE_KEYS);
                tenants.put(tenant.getKey(), parser.rules(tenant.getValue(), path, defaults));
            }
        }
        Rules cluster = null;
        JsonNode clusterNode = root.get(CLUSTER);
        if (clusterNode != null && !clusterNode.isNull()) {
            parser.requireMapping(clusterNode, CLUSTER);
            parser.requireKnownKeys(clusterNode, CLUSTER + ".", RULE_KEYS);
            cluster = parser.rules(clusterNode, CLUSTER + ".", defaults);
        }
        try {
            return new RetentionPolicy(defaults, tenants, cluster, grace);
        } catch (CrmException e) {
            throw CrmException.invalid("policy file " + source + ": " + e.getMessage());
        }
    }

    public Rules defaults() {
        return defaults;
    }

    /** Rules for single tenants, keyed by slug or id as the policy names them. */
    public Map<String, Rules> tenants() {
        return tenants;
    }

    public Rules cluster() {
        return cluster;
    }

    /** Objects and unfinished backups younger than this are never removed. */
    public Duration objectGrace() {
        return objectGrace;
    }

    /** The rules for a backup: its tenant's (by id, else slug), else the defaults; the cluster rules for other kinds. */
    public Rules rulesFor(BackupManifest backup) {
        if (backup.kind() != BackupManifest.Kind.TENANT) {
            return cluster;
        }
        Rules byId =
                backup.tenantId() == null ? null : tenants.get(backup.tenantId().toString());
        if (byId != null) {
            return byId;
        }
        Rules bySlug = backup.tenantSlug() == null ? null : tenants.get(backup.tenantSlug());
        return bySlug != null ? bySlug : defaults;
    }

    private static void requireKeepsSomething(Rules rules, String what) {
        if (rules.keepsNothing()) {
            throw CrmException.invalid(what + " keeps nothing: set at least one of " + String.join(", ", RULE_KEYS)
                    + " above 0 (to delete all backups, delete them, not by policy)");
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }

    /** Walks the YAML tree with error messages that name the file and the dotted key. */
    private record Parser(String source) {

        void requireMapping(JsonNode node, String where) {
            if (!node.isObject()) {
                throw invalid(where + " must be a mapping (key: value), not " + describe(node));
            }
        }

        void requireKnownKeys(JsonNode node, String path, List<String> known) {
            for (String key : node.propertyNames()) {
                if (!known.contains(key)) {
                    throw invalid(
                            "unknown key '" + path + key + "' (known keys here: " + String.join(", ", known) + ")");
                }
            }
        }

        Rules rules(JsonNode node, String path, Rules inherited) {
            return new Rules(
                    count(node, path, KEEP_LAST, inherited.keepLast()),
                    count(node, path, KEEP_DAILY, inherited.keepDaily()),
                    count(node, path, KEEP_WEEKLY, inherited.keepWeekly()),
                    count(node, path, KEEP_MONTHLY, inherited.keepMonthly()));
        }

        private int count(JsonNode node, String path, String key, int inherited) {
            JsonNode value = node.get(key);
            if (value == null) {
                return inherited;
            }
            if (!value.isIntegralNumber()
                    || !value.canConvertToInt()
                    || value.intValue() < 0
                    || value.intValue() > MAX_KEEP) {
                throw invalid("'" + path + key + "' must be a whole number from 0 to " + MAX_KEEP + ", not "
                        + describe(value));
            }
            return value.intValue();
        }

        Duration duration(JsonNode value, String key) {
            String text = value.isString() ? value.stringValue().strip() : null;
            if (text != null) {
                Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
                if (m.matches()) {
                    long n = Long.parseLong(m.group(1));
                    return switch (m.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        default -> Duration.ofDays(7 * n);
                    };
                }
                try {
                    return Duration.parse(text);
                } catch (DateTimeParseException e) {
                    // falls through to the error below
                }
            }
            throw invalid("'" + key + "' must be a duration such as 24h, 90m, 2d or PT24H, not " + describe(value));
        }

        private CrmException invalid(String message) {
            return CrmException.invalid("policy file " + source + ": " + message);
        }

        private static String describe(JsonNode node) {
            if (node.isObject()) {
                return "a mapping";
            }
            if (node.isArray()) {
                return "a list";
            }
            if (node.isNull()) {
                return "an empty value";
            }
            return node.isString() ? "'" + node.stringValue() + "'" : node.toString();
        }
    }
}

package com.makcrm.core.backup;

import com.makcrm.core.error.CrmException;
import com.makcrm.core.i18n.BackupMessages;
import com.makcrm.core.i18n.Message;
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
        requireKeepsSomething(this.defaults, "policy", "");
        this.tenants.forEach((tenant, rules) -> requireKeepsSomething(rules, "tenant", tenant));
        requireKeepsSomething(this.cluster, "cluster", "");
        if (objectGrace.compareTo(MIN_OBJECT_GRACE) < 0) {
            throw CrmException.invalid(
                    BackupMessages.POLICY_GRACE_TOO_SHORT,
                    Map.of("file", "none", "key", OBJECT_GRACE, "grace", objectGrace.toString()));
        }
    }

    /** Reads a policy file; INVALID when it is missing, not YAML, or breaks a rule, naming the file and key. */
    public static RetentionPolicy load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CrmException.invalid(BackupMessages.POLICY_MISSING, Map.of("file", file.toString()));
        } catch (IOException e) {
            throw CrmException.invalid(
                    BackupMessages.POLICY_UNREADABLE,
                    Map.of("file", file.toString(), "reason", String.valueOf(e.getMessage())));
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
                    BackupMessages.POLICY_NOT_YAML,
                    Map.of("file", String.valueOf(source), "reason", oneLine(e.getOriginalMessage())));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        Parser parser = new Parser(source);
        parser.requireMapping(root, "top");
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
            if (e.message() != null && e.messageArgs().containsKey("file")) {
                Map<String, Object> args = new LinkedHashMap<>(e.messageArgs());
                args.put("file", source);
                throw CrmException.invalid(e.message(), args);
            }
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

    /** @param scope policy, tenant or cluster: the keywords of {@link BackupMessages#POLICY_KEEPS_NOTHING} */
    private static void requireKeepsSomething(Rules rules, String scope, String tenant) {
        if (rules.keepsNothing()) {
            throw CrmException.invalid(
                    BackupMessages.POLICY_KEEPS_NOTHING,
                    Map.of("file", "none", "scope", scope, "tenant", tenant, "keys", String.join(", ", RULE_KEYS)));
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }

    /** Walks the YAML tree with error messages that name the file and the dotted key. */
    private record Parser(String source) {

        void requireMapping(JsonNode node, String where) {
            if (!node.isObject()) {
                throw invalid(BackupMessages.POLICY_NOT_MAPPING, node, Map.of("where", where));
            }
        }

        void requireKnownKeys(JsonNode node, String path, List<String> known) {
            for (String key : node.propertyNames()) {
                if (!known.contains(key)) {
                    throw CrmException.invalid(
                            BackupMessages.POLICY_UNKNOWN_KEY,
                            Map.of(
                                    "file",
                                    String.valueOf(source),
                                    "key",
                                    path + key,
                                    "known",
                                    String.join(", ", known)));
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
                throw invalid(
                        BackupMessages.POLICY_BAD_COUNT,
                        value,
                        Map.of("key", path + key, "max", String.valueOf(MAX_KEEP)));
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
            throw invalid(BackupMessages.POLICY_BAD_DURATION, value, Map.of("key", key));
        }

        /** {@code message} naming the file and describing {@code node} ({kind} and {value}), with {@code args}. */
        private CrmException invalid(Message message, JsonNode node, Map<String, String> args) {
            Map<String, Object> all = new LinkedHashMap<>(args);
            all.put("file", source);
            if (node.isObject()) {
                all.put("kind", "mapping");
            } else if (node.isArray()) {
                all.put("kind", "list");
            } else if (node.isNull()) {
                all.put("kind", "empty");
            } else if (node.isString()) {
                all.put("kind", "string");
                all.put("value", node.stringValue());
            } else {
                all.put("kind", "value");
                all.put("value", node.toString());
            }
            return CrmException.invalid(message, all);
        }
    }
}

package com.makcrm.core.schema;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * The tenant migration set, scanned once per process. Flyway would otherwise rescan the class path for every
 * tenant schema, which dominates provisioning and fan-out over hundreds of tenants.
 */
final class MigrationResources implements ResourceProvider {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9._]+)__.*\\.sql");

    private final Scanner<JavaMigration> scanner;
    private final List<MigrationVersion> versions;
    private final String latestVersion;

    private MigrationResources(Scanner<JavaMigration> scanner) {
        this.scanner = scanner;
        this.versions = versionsOf(scanner.getResources("V", ".sql"));
        this.latestVersion =
                versions.isEmpty() ? null : versions.get(versions.size() - 1).getVersion();
    }

    static MigrationResources scan(List<String> locations) {
        Configuration config = Flyway.configure().locations(locations.toArray(String[]::new));
        Location[] parsed = locations.stream().map(l -> new Location(l)).toArray(Location[]::new);
        return new MigrationResources(new Scanner<>(JavaMigration.class, config, parsed));
    }

    String latestVersion() {
        return latestVersion;
    }

    /** Whether the set has a versioned migration with exactly this version. */
    boolean knows(String version) {
        try {
            return version != null && versions.contains(MigrationVersion.fromVersion(version));
        } catch (RuntimeException e) { // not a version at all
            return false;
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return scanner.getResource(name);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
        return scanner.getResources(prefix, suffixes);
    }

    private static List<MigrationVersion> versionsOf(Collection<LoadableResource> resources) {
        return resources.stream()
                .map(r -> VERSIONED.matcher(r.getFilename()))
                .filter(Matcher::matches)
                .map(m -> MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                .sorted()
                .toList();
    }
}

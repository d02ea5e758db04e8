package com.makcrm.core.backup;

/** crm-core's version as recorded in backup manifests: from the jar manifest, "dev" when run from classes. */
final class ToolVersion {

    private ToolVersion() {}

    static String current() {
        String version = ToolVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}

package com.makcrm.cli.config;

import java.util.Map;

/**
 * Resolves one setting from its three sources, highest precedence first: command-line flag, {@code CRM_*}
 * environment variable, config file.
 */
public final class Settings {

    private final Map<String, String> env;
    private final ConfigFile file;

    public Settings(Map<String, String> env, ConfigFile file) {
        this.env = env;
        this.file = file;
    }

    public String resolve(String flagValue, String envName, String fileKey, String fallback) {
        if (flagValue != null) {
            return flagValue;
        }
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        String fromFile = file.get(fileKey);
        return fromFile != null ? fromFile : fallback;
    }

    public Map<String, String> env() {
        return env;
    }
}

package com.makcrm.cli.i18n;

import com.makcrm.cli.i18n.crowdin.ClientSettings;
import com.makcrm.cli.i18n.crowdin.CrowdinClient;
import com.makcrm.cli.i18n.crowdin.CrowdinConfig;
import com.makcrm.cli.i18n.crowdin.CrowdinSync;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of the commands talking to Crowdin: its configuration and the branch. */
final class CrowdinOptions {

    @Option(
            names = "--crowdin-config",
            paramLabel = "FILE",
            defaultValue = "crowdin.yml",
            description = "The Crowdin configuration (default: ${DEFAULT-VALUE} in the working directory).")
    Path crowdinConfig;

    @Option(
            names = "--branch",
            paramLabel = "BRANCH",
            description = "The Crowdin branch (default: crowdin.yml's branch, else none).")
    String branch;

    CrowdinSync sync(Map<String, String> env) {
        if (branch != null && !branch.isBlank()) {
            CrowdinConfig.checkBranch(branch.strip(), "--branch");
        }
        CrowdinConfig config = CrowdinConfig.load(crowdinConfig, env);
        if (branch != null && !branch.isBlank()) {
            config = new CrowdinConfig(
                    config.projectId(),
                    config.apiToken(),
                    config.tokenSource(),
                    config.baseUrl(),
                    config.basePath(),
                    config.preserveHierarchy(),
                    branch.strip(),
                    config.files());
        }
        return new CrowdinSync(CrowdinClient.of(config, ClientSettings.defaults()), config);
    }
}

package com.makcrm.cli.i18n.crowdin;

/** The parts of Crowdin API v2 resources this tool uses. */
public final class CrowdinModel {

    private CrowdinModel() {}

    public record Branch(long id, String name) {}

    public record Directory(long id, String name, Long parentId, Long branchId) {}

    public record SourceFile(long id, String name, Long directoryId, Long branchId, String path) {}

    /** A translations build: status is {@code created}, {@code inProgress}, {@code finished}, {@code failed} or {@code canceled}. */
    public record Build(long id, String status, int progress) {

        public boolean finished() {
            return "finished".equals(status);
        }

        public boolean failed() {
            return "failed".equals(status) || "canceled".equals(status);
        }
    }

    /** Per target language: percentages of words translated and approved. */
    public record LanguageProgress(
            String languageId,
            String languageName,
            int translationProgress,
            int approvalProgress,
            long wordsTotal,
            long wordsTranslated,
            long wordsApproved) {}
}

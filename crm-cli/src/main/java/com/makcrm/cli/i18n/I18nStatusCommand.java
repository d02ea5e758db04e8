package com.makcrm.cli.i18n;

import com.makcrm.cli.CrmCommand;
import com.makcrm.cli.ExitCodes;
import com.makcrm.cli.i18n.crowdin.CrowdinModel.LanguageProgress;
import com.makcrm.cli.i18n.crowdin.CrowdinSync;
import com.makcrm.cli.output.OutputOption;
import com.makcrm.cli.output.Printer;
import com.makcrm.cli.output.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show translation and approval progress per language in Crowdin (of --branch when given). Changes"
                + " nothing.")
final class I18nStatusCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private OutputOption output;

    @Mixin
    private CrowdinOptions crowdin;

    @Override
    public Integer call() {
        CrowdinSync sync = crowdin.sync(CrmCommand.from(spec).settings().env());
        List<LanguageProgress> languages = sync.status();
        Printer.print(
                spec.commandLine().getOut(),
                output.format(),
                languages.stream().map(I18nStatusCommand::view).toList(),
                () -> table(languages));
        return ExitCodes.OK;
    }

    /** The stable machine view of one language. */
    private static Map<String, Object> view(LanguageProgress p) {
        Map<String, Object> words = new LinkedHashMap<>();
        words.put("total", p.wordsTotal());
        words.put("translated", p.wordsTranslated());
        words.put("approved", p.wordsApproved());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("language", p.languageId());
        view.put("name", p.languageName());
        view.put("translationProgress", p.translationProgress());
        view.put("approvalProgress", p.approvalProgress());
        view.put("words", words);
        return view;
    }

    private static Table table(List<LanguageProgress> languages) {
        Table table = new Table("LANGUAGE", "NAME", "TRANSLATED", "APPROVED", "WORDS");
        languages.forEach(p -> table.row(
                p.languageId(),
                p.languageName(),
                p.translationProgress() + "%",
                p.approvalProgress() + "%",
                p.wordsTranslated() + "/" + p.wordsTotal()));
        return table;
    }
}

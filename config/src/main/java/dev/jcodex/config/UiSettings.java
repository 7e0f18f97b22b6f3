package dev.jcodex.config;

import dev.jcodex.protocol.WireEnum;
import java.util.List;

/**
 * Behaviour and presentation keys at the top level (spec §8.3 "UI / behaviour").
 *
 * @param notifyCommand {@code notify} argv (spec §12.4), or null
 * @param hideAgentReasoning {@code hide_agent_reasoning}
 * @param showRawAgentReasoning {@code show_raw_agent_reasoning} (forced on by {@code exec --oss})
 * @param fileOpener {@code file_opener} (default vscode)
 * @param disablePasteBurst {@code disable_paste_burst}
 * @param checkForUpdateOnStartup {@code check_for_update_on_startup} (default true)
 * @param suppressUnstableFeaturesWarning {@code suppress_unstable_features_warning}
 * @param commitAttribution {@code commit_attribution} (co-author trailer; empty disables), or null (default)
 */
public record UiSettings(
        List<String> notifyCommand,
        boolean hideAgentReasoning,
        boolean showRawAgentReasoning,
        FileOpener fileOpener,
        boolean disablePasteBurst,
        boolean checkForUpdateOnStartup,
        boolean suppressUnstableFeaturesWarning,
        String commitAttribution) {

    public UiSettings {
        notifyCommand = notifyCommand == null ? null : List.copyOf(notifyCommand);
    }

    /** {@code file_opener}: how file citations become links. */
    public enum FileOpener implements WireEnum {
        VSCODE, VSCODE_INSIDERS, WINDSURF, CURSOR, NONE;

        @Override
        public String wire() {
            return WireEnum.kebab(this);
        }
    }

    static UiSettings parse(TableReader root, ParseContext ctx) {
        List<String> notify = root.stringList("notify");
        if (notify != null && notify.isEmpty()) {
            notify = null;
        }
        FileOpener opener = root.enumValue("file_opener", FileOpener.class);
        boolean rawReasoning = root.bool("show_raw_agent_reasoning", false);
        if (ctx.overrides().showRawAgentReasoning() != null) {
            rawReasoning = ctx.overrides().showRawAgentReasoning();
        }
        return new UiSettings(notify,
                root.bool("hide_agent_reasoning", false),
                rawReasoning,
                opener == null ? FileOpener.VSCODE : opener,
                root.bool("disable_paste_burst", false),
                root.bool("check_for_update_on_startup", true),
                root.bool("suppress_unstable_features_warning", false),
                root.string("commit_attribution"));
    }
}

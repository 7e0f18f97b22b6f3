package dev.jcodex.execpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterBash;

/**
 * Compares {@link BashCommandParser#parsePlainCommands} with the reference's own method — tree-sitter-bash
 * 0.23.3 plus its allow-list of node kinds — re-implemented here on the JNI bindings as a test oracle.
 * Safety property: whatever the reference grammar rejects, we reject too; when both accept a script without
 * backslashes (the reference keeps escapes verbatim), both produce the same words. Scripts only the reference
 * accepts must fall in the documented stricter classes (globs, a leading {@code ~}, reserved words).
 */
class TreeSitterDifferentialTest {

    private static final Set<String> ALLOWED_KINDS = Set.of("program", "list", "pipeline", "command", "command_name",
            "word", "string", "string_content", "raw_string", "number", "concatenation");
    private static final Set<String> ALLOWED_PUNCTUATION = Set.of("&&", "||", ";", "|", "\"", "'");

    private static final List<String> CORPUS = List.of(
            "ls -1", "ls && pwd; echo 'hi there' | wc -l", "echo \"hello world\"", "git commit -m \"line1\nline2\"",
            "echo \"/usr\"'/'\"local\"/bin", "echo 123 456", "rg -n \"foo\" -g\"*.py\"", "grep -n 'pattern' -g'*.txt'",
            "ls\npwd", "ls &&\n pwd", "ls;", "(ls)", "ls || (pwd && echo hi)", "ls > out.txt", "echo hi & echo bye",
            "echo $(pwd)", "echo `pwd`", "echo $HOME", "echo \"hi $USER\"", "FOO=bar ls", "ls &&", "&& ls",
            "ls ;; pwd", "ls | | wc", "ls *.txt", "cd ~", "echo {a,b}", "if true; then ls; fi", "cat <<EOF\nx\nEOF",
            "ls # c", "echo a#b", "'if' x", "echo '' \"\"", "! ls", "time ls", "{ ls; }", "ls |& wc", "echo $'x'",
            "ls 2>&1", "echo \"héllo\" ünï", "a=1", "echo =x", "echo x=1", "ls -la --color=auto", "echo %s", "echo @",
            "echo ,", "echo ^x", "echo ]", "for x in a; do ls; done", "case a in a) ls;; esac", "[ -f x ]", "[[ -f x ]]",
            "ls\n\n\npwd", "echo \"a'b\" 'c\"d'", "echo x\"y\"z'w'", "echo -", "echo --", "true || false && ls",
            "echo x=1", "echo a=~/x", "ls | 2", "7z x a.7z", "echo 0x1F", "ls\\ x", "echo a\\ b");

    private static Optional<List<List<String>>> reference(TSParser parser, String script) {
        byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
        TSTree tree = parser.parseString(null, script);
        TSNode root = tree.getRootNode();
        if (root.hasError()) {
            return Optional.empty();
        }
        List<TSNode> commands = new ArrayList<>();
        Deque<TSNode> stack = new ArrayDeque<>(List.of(root));
        while (!stack.isEmpty()) {
            TSNode node = stack.pop();
            String kind = node.getType();
            if (node.isNamed()) {
                if (!ALLOWED_KINDS.contains(kind)) {
                    return Optional.empty();
                }
                if (kind.equals("command")) {
                    commands.add(node);
                }
            } else if (!ALLOWED_PUNCTUATION.contains(kind) && !kind.isBlank()) {
                return Optional.empty();
            }
            for (int i = 0; i < node.getChildCount(); i++) {
                stack.push(node.getChild(i));
            }
        }
        commands.sort((a, b) -> Integer.compare(a.getStartByte(), b.getStartByte()));
        List<List<String>> out = new ArrayList<>();
        for (TSNode command : commands) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < command.getNamedChildCount(); i++) {
                TSNode child = command.getNamedChild(i);
                Optional<String> word = switch (child.getType()) {
                    case "command_name" -> child.getNamedChildCount() > 0
                            && child.getNamedChild(0).getType().equals("word")
                            ? Optional.of(text(child.getNamedChild(0), bytes)) : Optional.empty();
                    case "concatenation" -> concatenation(child, bytes);
                    default -> part(child, bytes);
                };
                if (word.isEmpty()) {
                    return Optional.empty();
                }
                words.add(word.get());
            }
            out.add(words);
        }
        return Optional.of(out);
    }

    private static Optional<String> concatenation(TSNode node, byte[] bytes) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            Optional<String> part = part(node.getNamedChild(i), bytes);
            if (part.isEmpty()) {
                return Optional.empty();
            }
            joined.append(part.get());
        }
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined.toString());
    }

    private static Optional<String> part(TSNode node, byte[] bytes) {
        String text = text(node, bytes);
        return switch (node.getType()) {
            case "word", "number" -> Optional.of(text);
            case "raw_string" -> Optional.of(text.substring(1, text.length() - 1));
            case "string" -> {
                for (int i = 0; i < node.getNamedChildCount(); i++) {
                    if (!node.getNamedChild(i).getType().equals("string_content")) {
                        yield Optional.empty();
                    }
                }
                yield Optional.of(text.substring(1, text.length() - 1));
            }
            default -> Optional.empty();
        };
    }

    private static String text(TSNode node, byte[] bytes) {
        return new String(bytes, node.getStartByte(), node.getEndByte() - node.getStartByte(), StandardCharsets.UTF_8);
    }

    /**
     * Hand-written scripts only the reference accepts: it treats globs, braces, {@code ~}, {@code #} inside
     * words, escaped command names and some reserved words as plain words.
     */
    private static boolean isDocumentedStricterCase(String script) {
        return script.matches("(?s).*[*?\\[~{}#\\\\].*") || script.matches("(?s)^\\s*(time|!|\\[\\[|coproc|in|select)\\b.*")
                || script.isBlank();
    }

    private static void compare(TSParser parser, String script, Set<String> onlyReferenceAccepts) {
        Optional<List<List<String>>> ours = BashCommandParser.parsePlainCommands(script);
        Optional<List<List<String>>> theirs = reference(parser, script);
        if (theirs.isEmpty()) {
            assertThat(ours).as("reference rejects %s", script).isEmpty();
        } else if (ours.isPresent()) {
            if (!script.contains("\\")) {
                assertThat(ours).as("words of %s", script).isEqualTo(theirs);
            }
        } else if (!theirs.get().isEmpty()) {
            onlyReferenceAccepts.add(script);
        }
    }

    @Test
    void handWrittenCorpus() {
        TSParser parser = new TSParser();
        parser.setLanguage(new TreeSitterBash());
        Set<String> onlyReference = new TreeSet<>();
        for (String script : CORPUS) {
            compare(parser, script, onlyReference);
        }
        assertThat(onlyReference).allMatch(TreeSitterDifferentialTest::isDocumentedStricterCase);
        assertThat(onlyReference).contains("ls *.txt", "cd ~");
    }

    @Test
    void generatedScriptsNeverAcceptMoreThanTheReference() {
        TSParser parser = new TSParser();
        parser.setLanguage(new TreeSitterBash());
        String[] pieces = {"ls", "echo", "-la", "a", "b c", " ", " ", " ", "&&", "||", ";", "|", "&", "\n", "'", "\"",
            "'x y'", "\"p q\"", "$", "$x", "(", ")", "{", "}", "<", ">", "#", "=", "*", "~", "`", "\\", "!", "if", "then",
            "fi", "2", ":", ",", "é", "a#", "x=", "-", "7z", "\t"};
        Random random = new Random(Long.getLong("execpolicy.fuzz.seed", 20261121L));
        Set<String> onlyReference = new TreeSet<>();
        for (int i = 0, n = Integer.getInteger("execpolicy.fuzz.iterations", 5000); i < n; i++) {
            StringBuilder script = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                script.append(pieces[random.nextInt(pieces.length)]);
            }
            compare(parser, script.toString(), onlyReference);
        }
        // Being stricter is allowed (e.g. a lone `fi` or `a#b` as a command name); only the two properties
        // checked in compare() must hold for random input.
        assertThat(onlyReference).isNotEmpty();
    }
}

package dev.orderflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mermaid {@code stateDiagram-v2} from the docs, compared with a state machine's transition table
 * read through its public API, so a changed table fails the build until the picture follows. The
 * block is found by its marker comment, e.g. {@code %% table: OrderStatus}.
 */
public record StateDiagram(Set<Transition> transitions, Set<String> initial, Set<String> terminal) {

    public record Transition(String from, String to, String label) {}

    private static final Pattern FENCE = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern ARROW = Pattern.compile("^\\s*(\\[\\*]|\\w+)\\s*-->\\s*(\\[\\*]|\\w+)\\s*(?::\\s*(.*))?$");

    /** The diagram in {@code markdown} whose block carries {@code %% table: <tableName>}. */
    public static StateDiagram in(Path markdown, String tableName) {
        String text;
        try {
            text = Files.readString(markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher block = FENCE.matcher(text);
        while (block.find()) {
            String body = block.group(1);
            if (body.lines().anyMatch(l -> l.strip().equals("%% table: " + tableName))) {
                return parse(body);
            }
        }
        throw new IllegalArgumentException("no mermaid block marked '%% table: " + tableName + "' in " + markdown);
    }

    static StateDiagram parse(String body) {
        Set<Transition> transitions = new LinkedHashSet<>();
        Set<String> initial = new TreeSet<>();
        Set<String> terminal = new TreeSet<>();
        for (String line : body.lines().toList()) {
            Matcher arrow = ARROW.matcher(line);
            if (!arrow.matches()) {
                continue;
            }
            String from = arrow.group(1);
            String to = arrow.group(2);
            if (from.equals("[*]")) {
                initial.add(to);
            } else if (to.equals("[*]")) {
                terminal.add(from);
            } else {
                transitions.add(new Transition(from, to, arrow.group(3) == null ? "" : arrow.group(3).strip()));
            }
        }
        return new StateDiagram(transitions, initial, terminal);
    }

    /**
     * Every way this picture and the table disagree, in words (empty when they agree): a transition
     * drawn that the table refuses or one the table allows that is not drawn, a terminal state drawn
     * or not, an initial state that something moves into.
     */
    public <S extends Enum<S>> List<String> differencesFrom(Class<S> states, BiPredicate<S, S> canMoveTo, Predicate<S> isTerminal) {
        List<String> differences = new ArrayList<>();
        Set<String> drawn = new TreeSet<>();
        transitions.forEach(t -> drawn.add(t.from() + " --> " + t.to()));
        Set<String> allowed = new TreeSet<>();
        Set<String> tableTerminal = new TreeSet<>();
        Set<String> movedInto = new TreeSet<>();
        for (S from : EnumSet.allOf(states)) {
            for (S to : EnumSet.allOf(states)) {
                if (canMoveTo.test(from, to)) {
                    allowed.add(from.name() + " --> " + to.name());
                    movedInto.add(to.name());
                }
            }
            if (isTerminal.test(from)) {
                tableTerminal.add(from.name());
            }
        }
        drawn.stream().filter(t -> !allowed.contains(t)).forEach(t -> differences.add("drawn but not in the table: " + t));
        allowed.stream().filter(t -> !drawn.contains(t)).forEach(t -> differences.add("in the table but not drawn: " + t));
        terminal.stream().filter(s -> !tableTerminal.contains(s)).forEach(s -> differences.add("drawn terminal but is not: " + s));
        tableTerminal.stream().filter(s -> !terminal.contains(s)).forEach(s -> differences.add("terminal but not drawn so: " + s));
        if (initial.isEmpty()) {
            differences.add("no initial state drawn ([*] --> STATE)");
        }
        initial.stream().filter(movedInto::contains).forEach(s -> differences.add("drawn initial but the table moves into it: " + s));
        Set<String> names = new TreeSet<>();
        EnumSet.allOf(states).forEach(s -> names.add(s.name()));
        Set<String> mentioned = new TreeSet<>(initial);
        mentioned.addAll(terminal);
        transitions.forEach(t -> {
            mentioned.add(t.from());
            mentioned.add(t.to());
        });
        mentioned.stream().filter(s -> !names.contains(s)).forEach(s -> differences.add("not a state of the table: " + s));
        names.stream().filter(s -> !mentioned.contains(s)).forEach(s -> differences.add("state not drawn: " + s));
        return differences;
    }
}

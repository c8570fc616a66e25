package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command's help as a reader meets it: examples that run, the exit codes, and lines that never wrap
 * inside a file name, an option or a CSV header.
 */
class HelpTextTest {
  private static final int WIDTH = 80;
  private static final Splitter SPACES = Splitter.on(CharMatcher.whitespace()).omitEmptyStrings();

  static Stream<String> commands() {
    return EngagementCli.SUBCOMMANDS.stream().filter(name -> !name.equals("help"));
  }

  private static CommandLine command(String name) {
    return EngagementCli.commandLine(EngagementCli.SUBCOMMANDS).getSubcommands().get(name);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyWordOfTheHelpStaysWholeOnOneLine(String name) {
    CommandLine command = command(name);
    String help = command.getUsageMessage();
    List<String> renderedWords = SPACES.splitToList(help);
    for (String word : words(command.getCommandSpec())) {
      assertThat(renderedWords).as("%s help: the word '%s' is cut across lines:%n%s", name, word, help)
          .contains(word);
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void linesFitEightyColumnsAndCarryNoGlue(String name) {
    String help = command(name).getUsageMessage();
    assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(WIDTH));
    assertThat(help).doesNotContain(String.valueOf(HelpLayout.GLUE));
    String[] synopsis = command(name).getCommandSpec().usageMessage().customSynopsis();
    assertThat(help).as("the synopsis is not wrapped").startsWith("Usage: " + String.join("\n", synopsis));
  }

  /**
   * picocli runs every help text of the annotations through {@link String#format}; a text that is not a valid
   * format (a lone {@code %}, as in "90% of") is shown raw and picocli prints a two-line warning on standard
   * error, on every run of {@code mix} as well as on its help. The texts are read from the annotations, since the
   * model hands them out already formatted.
   */
  @ParameterizedTest
  @MethodSource("commands")
  void everyHelpTextIsAFormatPicocliCanApply(String name) {
    for (String text : annotatedTexts(command(name).getCommandSpec().userObject().getClass())) {
      assertThatCode(() -> String.format(Locale.ROOT, text)).as("%s help: '%s'", name, text)
          .doesNotThrowAnyException();
    }
  }

  /** The description and footer of {@code type}'s command and the descriptions of its options and mixins'. */
  private static List<String> annotatedTexts(Class<?> type) {
    List<String> texts = new ArrayList<>();
    Command command = type.getAnnotation(Command.class);
    if (command != null) {
      texts.addAll(Arrays.asList(command.description()));
      texts.addAll(Arrays.asList(command.footer()));
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        Option option = field.getAnnotation(Option.class);
        if (option != null) {
          texts.addAll(Arrays.asList(option.description()));
        }
        if (field.isAnnotationPresent(Mixin.class)) {
          texts.addAll(annotatedTexts(field.getType()));
        }
      }
    }
    return texts;
  }

  @ParameterizedTest
  @MethodSource("commands")
  void listsExitCodesAndExamplesThatParse(String name) {
    CommandLine command = command(name);
    String help = command.getUsageMessage();
    assertThat(help).contains("Exit codes:", " 0 ", " 1 ", " 2 ", "Examples:");
    List<String> examples = examples(command.getCommandSpec());
    assertThat(examples).as(name + " examples").isNotEmpty();
    assertThat(help.lines()).as("footer lines are laid out by hand")
        .containsSubsequence(command.getCommandSpec().usageMessage().footer());
    for (String example : examples) {
      String[] args = SPACES.splitToList(example).toArray(new String[0]);
      assertThat(args[0]).isEqualTo(name);
      assertThat(SPACES.splitToList(example)).doesNotContain("\\");
      CommandLine fresh = EngagementCli.commandLine(List.of(name));
      assertThatCode(() -> fresh.parseArgs(args)).as(example).doesNotThrowAnyException();
    }
  }

  @ParameterizedTest
  @MethodSource("commands")
  void rendersWithoutWarnings(String name) {
    // picocli formats descriptions with String.format and, where that fails (a bare "90% of"), warns on
    // standard error each time the help is shown, so every command's output would start with its warning
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      command(name).getUsageMessage();
      EngagementCli.commandLine(EngagementCli.SUBCOMMANDS).getUsageMessage();
    } finally {
      System.setErr(saved);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).as(name).isEmpty();
  }

  @Test
  void theHelpCommandShowsACommandsHelp() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = EngagementCli.execute("help", "attribute");
    } finally {
      System.setOut(saved);
    }
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: engagement attribute")
        .contains("--interactions=FILE");
  }

  @Test
  void theRootHelpListsTheHelpCommandAndExitCodes() {
    String help = EngagementCli.commandLine(EngagementCli.SUBCOMMANDS).getUsageMessage();
    assertThat(help).contains("  help ", "Exit codes:", "engagement help attribute");
    String clv = help.substring(help.indexOf("  clv "), help.indexOf("  mix "));
    assertThat(clv).as("the root help's line of clv names every model it fits").contains("BG/NBD", "MBG/NBD",
        "Pareto/NBD", "Gamma-Gamma", "BG/BB");
  }

  /** The words of a command's description, footer and option descriptions, as written in the source. */
  private static List<String> words(CommandSpec spec) {
    List<String> texts = new ArrayList<>();
    texts.addAll(Arrays.asList(spec.usageMessage().description()));
    texts.addAll(Arrays.asList(spec.usageMessage().footer()));
    for (OptionSpec option : spec.options()) {
      texts.addAll(Arrays.asList(option.description()));
    }
    List<String> words = new ArrayList<>();
    for (String text : texts) {
      for (String word : SPACES.split(HelpLayout.unglue(text))) {
        if (!word.isEmpty() && !word.contains("${") && !word.contains("%n")) {
          words.add(word);
        }
      }
    }
    return words;
  }

  private static List<String> examples(CommandSpec spec) {
    List<String> examples = new ArrayList<>();
    StringBuilder example = new StringBuilder();
    for (String line : spec.usageMessage().footer()) {
      String plain = HelpLayout.unglue(line).strip();
      boolean continued = plain.endsWith("\\");
      example.append(continued ? plain.substring(0, plain.length() - 1) : plain);
      if (!continued) {
        String command = example.toString().strip();
        if (command.startsWith("engagement ")) {
          examples.add(command.substring("engagement ".length()));
        }
        example.setLength(0);
      }
    }
    return examples;
  }
}

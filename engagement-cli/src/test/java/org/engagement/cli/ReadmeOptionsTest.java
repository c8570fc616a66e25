package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README's table of every command's options ("Every command") against the commands themselves: an option a
 * command has is in its row, and an option its row names exists, so the table cannot drift as options are added.
 * {@code compare} takes {@code attribute}'s options but those its row names as left out, so its options may be
 * found in either row. {@code --debug}, {@code --help} and {@code --version} are stated once above the table.
 */
class ReadmeOptionsTest {
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\| (.*) \\| [^|]+ \\|$");
  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");
  private static final Set<String> EVERYWHERE = Set.of("--debug", "--help", "--version");

  static Stream<String> commands() {
    return EngagementCli.SUBCOMMANDS.stream().filter(name -> !name.equals("help"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyOptionIsInTheTableAndEveryOptionInTheTableExists(String name) throws IOException {
    Map<String, Set<String>> table = table();
    Set<String> row = table.get(name);
    assertThat(row).as("README 'Every command' has a row for " + name).isNotNull();
    Set<String> own = options(name);
    Set<String> documented = new LinkedHashSet<>(row);
    Set<String> known = new LinkedHashSet<>(own);
    if (name.equals("compare")) {
      documented.addAll(table.get("attribute"));
      known.addAll(options("attribute"));
    }
    assertThat(documented).as("the README's row of %s names every option it has", name).containsAll(own);
    assertThat(known).as("every option the README's row of %s names exists", name).containsAll(row);
  }

  private static Set<String> options(String name) {
    Set<String> out = new LinkedHashSet<>();
    for (OptionSpec option : EngagementCli.commandLine(List.of(name)).getSubcommands().get(name).getCommandSpec()
        .options()) {
      if (!option.hidden()) {
        out.add(option.longestName());
      }
    }
    out.removeAll(EVERYWHERE);
    return out;
  }

  /** Each command's row of the README's options table: the options it names. */
  private static Map<String, Set<String>> table() throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8)) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        Set<String> named = new LinkedHashSet<>();
        Matcher option = OPTION.matcher(row.group(2));
        while (option.find()) {
          named.add(option.group());
        }
        out.put(row.group(1), named);
      }
    }
    return out;
  }
}

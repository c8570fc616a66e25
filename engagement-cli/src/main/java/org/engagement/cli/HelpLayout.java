package org.engagement.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The layout every command's help shares: the exit codes, and lines that wrap only at spaces.
 *
 * <p>Why the gluing: picocli wraps help text with {@link java.text.BreakIterator#getLineInstance()}, which
 * breaks after a full stop, a comma or a hyphen inside a word, so {@code interactions.csv} became
 * {@code interactions.} and {@code csv} on two lines, and a CSV header split at a comma. Before layout, every
 * such place inside a word gets a zero-width no-break space (U+FEFF, which the break iterator honours); after
 * layout, each help section removes it again, so no reader or script ever sees it. Footers (the examples) are
 * laid out by hand and left alone: the glue would count towards the line width. Placeholders such as
 * {@code ${DEFAULT-VALUE}} are left as they are, since picocli expands them after this.
 *
 * <p>Not thread-safe: it changes the command models it is given, once, before they are used.
 */
final class HelpLayout {
  /** The zero-width no-break space that glues a word for the line breaker. */
  static final char GLUE = '\uFEFF';

  private HelpLayout() {}

  /** Lays out {@code root}'s help and every subcommand's. */
  static void apply(CommandLine root) {
    apply(root.getCommandSpec(), root);
    for (CommandLine sub : root.getSubcommands().values()) {
      apply(sub);
    }
  }

  private static void apply(CommandSpec spec, CommandLine cli) {
    UsageMessageSpec usage = spec.usageMessage();
    usage.description(glue(usage.description()));
    usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(Exit.DESCRIPTIONS);
    for (OptionSpec option : List.copyOf(spec.options())) {
      // the builder's description is the text as written; the option's own is already interpolated, and
      // formatting it again at render time would read a written "%%" as a format specifier
      OptionSpec.Builder builder = option.toBuilder();
      String[] glued = glue(builder.description());
      if (!List.of(glued).equals(List.of(builder.description()))) {
        spec.remove(option);
        spec.addOption(builder.description(glued).build());
      }
    }
    Map<String, IHelpSectionRenderer> sections = cli.getHelpSectionMap();
    sections.replaceAll((key, renderer) -> help -> unglue(renderer.render(help)));
    cli.setHelpSectionMap(sections);
  }

  /** {@code lines} with every break opportunity inside a word glued. */
  static String[] glue(String[] lines) {
    String[] glued = new String[lines.length];
    for (int i = 0; i < lines.length; i++) {
      glued[i] = glue(lines[i]);
    }
    return glued;
  }

  /**
   * {@code text} with {@link #GLUE} after each {@code .}, {@code ,}, {@code -}, {@code /} or {@code =} that is
   * followed by a character other than a space, and before each {@code [} or {@code (} that follows one,
   * outside picocli's {@code ${...}} placeholders.
   */
  static String glue(String text) {
    StringBuilder glued = new StringBuilder(text.length() + 16);
    int placeholderDepth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (placeholderDepth == 0 && breaksBefore(c) && i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
        glued.append(GLUE);
      }
      glued.append(c);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        placeholderDepth++;
      } else if (c == '}' && placeholderDepth > 0) {
        placeholderDepth--;
      } else if (placeholderDepth == 0 && breaksInsideWord(c) && i + 1 < text.length()
          && !Character.isWhitespace(text.charAt(i + 1))) {
        glued.append(GLUE);
      }
    }
    return glued.toString();
  }

  private static boolean breaksBefore(char c) {
    return c == '[' || c == '(';
  }

  private static boolean breaksInsideWord(char c) {
    return c == '.' || c == ',' || c == '-' || c == '/' || c == '=';
  }

  /** {@code text} without the glue. */
  static String unglue(String text) {
    return text.indexOf(GLUE) < 0 ? text : text.replace(String.valueOf(GLUE), "");
  }
}

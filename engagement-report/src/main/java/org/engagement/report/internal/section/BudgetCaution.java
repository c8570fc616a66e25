package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.report.html.Html;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.internal.text.TerminalText;

/**
 * What the budget section's cautious plan ({@link org.engagement.roi.mix.BudgetRequest}'s default, as {@code
 * engagement mix} makes it) holds back and why, in the words of a budget: the channels kept at today's spend
 * because the fit cannot pin their ROI down, grouped by reason; the fit's warnings in plain words; and, when
 * caution leaves no move, the moves an uncautious split would make, named as what a lift test should check
 * rather than as moves to make. Immutable and thread-safe.
 *
 * @param held the channels the cautious plan keeps at today's spend, in the page's channel order
 * @param warnings what a reader should know before acting on the fit, one sentence each, in plain words
 * @param untested the gaining moves of the uncautious split ({@code engagement mix --no-caution}), largest
 *     expected gain first; empty when the cautious plan moves money or the uncautious one does not
 * @since 0.1.0
 */
public record BudgetCaution(List<Held> held, List<String> warnings, List<BudgetSection.Move> untested) {
  /** Nothing held, no warning. */
  public static final BudgetCaution NONE = new BudgetCaution(List.of(), List.of(), List.of());

  /** Copies the lists. */
  public BudgetCaution {
    held = List.copyOf(held);
    warnings = List.copyOf(warnings);
    untested = List.copyOf(untested);
  }

  /**
   * A channel the cautious plan keeps at today's spend: the fit cannot pin its ROI down ({@link
   * org.engagement.roi.mix.ChannelIdentification}) and no lift test backs it. Immutable and thread-safe.
   *
   * @param channel the channel id
   * @param name its display name
   * @param noEffect whether the fit found no effect of its spend (so there is no ROI to pin down)
   * @param notRuledOut the ROIs the data fit about as well as the estimate: "half", "twice", "half or twice",
   *     or empty when both are ruled out
   * @param collinearity the share of its carried-over spend's variation the model's other columns explain (R²)
   * @since 0.1.0
   */
  public record Held(String channel, String name, boolean noEffect, String notRuledOut, double collinearity) {
    /** Requires every part. */
    public Held {
      requireNonNull(channel, "channel");
      requireNonNull(name, "name");
      requireNonNull(notRuledOut, "notRuledOut");
    }

    /** Whether its spend moves with the model's other columns too closely for its effect to be told apart. */
    boolean collinear() {
      return collinearity > org.engagement.roi.mix.ChannelIdentification.COLLINEARITY;
    }

    /** Why it is held, in words shared by every channel held for the same reasons (its group's key). */
    String reason() {
      List<String> parts = new ArrayList<>();
      if (noEffect) {
        parts.add("no effect of the spend found, so no ROI to pin down");
      } else if (!notRuledOut.isEmpty()) {
        parts.add("the weekly figures fit about as well with " + notRuledOut + " the estimated ROI");
      }
      if (collinear()) {
        parts.add("spend that rises and falls with the rest of the model (trend, season, other channels) too "
            + "closely to tell its effect from theirs");
      }
      return parts.isEmpty() ? "the fit cannot rule out a different ROI at 90%" : String.join("; and ", parts);
    }
  }

  /** The held channels and why, grouped by reason, and what frees them; nothing when none is held. */
  void writeHeld(Html html, int channels) {
    html.paragraph("The split is the cautious one, as " + BudgetSection.COMMAND + " makes it by default: a channel "
        + "whose ROI the data cannot pin down is held at today's spend, each change is valued at a pessimistic "
        + "reading of the model's refits rather than their average, and the split is scaled back towards today's "
        + "until it gains in 90% of them.");
    if (held.isEmpty()) {
      return;
    }
    html.paragraph("note", "Held at today's spend: " + held.size() + " of " + channels + " channels, because the "
        + "data cannot pin their ROI down. A lift test on a channel settles its ROI and frees its budget.");
    html.list("held", byReason().entrySet().stream().map(e -> names(e.getValue()) + ": " + e.getKey() + ".")
        .toList());
  }

  /** The held channels' names by reason, reasons in the order of their first channel. */
  private Map<String, List<String>> byReason() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    held.forEach(h -> groups.computeIfAbsent(h.reason(), r -> new ArrayList<>()).add(h.name()));
    return groups;
  }

  /** The fit's warnings, when there are any. */
  void writeWarnings(Html html) {
    if (!warnings.isEmpty()) {
      html.paragraph("warning", "Before acting on these figures, what the fit could not settle:");
      html.list("warnings", warnings);
    }
  }

  /**
   * Why there is no move, and what would unlock one: with channels held, a lift test, first on the channels an
   * uncautious split would move, whose moves are named as what the test should check.
   */
  void writeNoMove(Html html, double revenuePerWeek, String currency) {
    if (held.isEmpty()) {
      html.paragraph("note", "No move of the cautious split is expected to bring more revenue by the fitted "
          + "model: keep today's split until a test says otherwise.");
      return;
    }
    html.paragraph("note", "No move: with " + (held.size() == 1 ? "one channel" : held.size() + " channels")
        + " held, the cautious split finds no change of today's that gains in 90% of the model's refits. Keep "
        + "today's split. What would unlock moves: a lift test (a hold-out, or a geographic split) on "
        + names(testFirst()) + "; with its result (" + BudgetSection.COMMAND + " --lift FILE) the model may move "
        + (testFirst().size() == 1 ? "that channel's" : "their") + " money.");
    if (!untested.isEmpty()) {
      html.paragraph("note", "Without caution (" + BudgetSection.COMMAND + " --no-caution) the optimiser would "
          + String.join("; ", untested.stream().map(m -> m.words() + " (" + NumberText.wholeMoney(m.perWeek(),
              currency) + " a week, " + BudgetSection.Gain.share(m.gain().perWeek(), revenuePerWeek)
              + " expected revenue by the model)").toList()) + ". These rest on channels the data cannot pin "
          + "down: they say what a lift test should check, not what to do.");
    }
  }

  /**
   * The channels a lift test should look at first: those the uncautious split would move, or, when it moves
   * none, every held channel.
   */
  List<String> testFirst() {
    if (untested.isEmpty()) {
      return held.stream().map(Held::name).toList();
    }
    List<String> names = new ArrayList<>();
    untested.forEach(m -> {
      if (!names.contains(m.fromName())) {
        names.add(m.fromName());
      }
      if (!names.contains(m.toName())) {
        names.add(m.toName());
      }
    });
    return names;
  }

  /** The terminal summary's lines: the held channels, and no move when there is none. */
  List<String> summary(boolean noMove) {
    List<String> lines = new ArrayList<>();
    if (!held.isEmpty()) {
      lines.add("held at today's spend (the data cannot pin their ROI down; a lift test would free them): "
          + names(held.stream().map(h -> TerminalText.safe(h.name())).toList()));
    }
    if (noMove && !held.isEmpty()) {
      lines.add("no budget move: a lift test on " + names(testFirst().stream().map(TerminalText::safe).toList())
          + " would unlock moves");
    }
    return lines;
  }

  /** "A", "A and B", "A, B and C". */
  static String names(List<String> names) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}

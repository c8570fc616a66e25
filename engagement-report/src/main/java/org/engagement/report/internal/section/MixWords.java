package org.engagement.report.internal.section;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.engagement.roi.mix.ChannelIdentification;
import org.engagement.roi.mix.MixModel;
import org.engagement.roi.mix.MixWarning;

/**
 * The mix model's findings about its own fit, in the words of the budget section: which channels the cautious
 * plan holds at today's spend and why ({@link MixModel#identification()}), and the fit's warnings ({@link
 * MixModel#warnings()}) by display name, channels with the same finding named together, without the fit's
 * internal figures. {@code engagement mix} prints the same findings as {@code warning:} lines for analysts; the
 * page says what they mean for a budget. Stateless and thread-safe.
 */
final class MixWords {
  private MixWords() {}

  /** The channels a cautious plan holds (neither pinned down nor lift-tested), by display name. */
  static List<BudgetCaution.Held> held(MixModel model, Map<String, String> names) {
    Set<String> noEffect = model.warnings().stream().filter(w -> w.kind() == MixWarning.Kind.NO_EFFECT)
        .map(MixWarning::channel).collect(Collectors.toSet());
    List<BudgetCaution.Held> held = new ArrayList<>();
    for (ChannelIdentification id : model.identification()) {
      if (!id.movable()) {
        held.add(new BudgetCaution.Held(id.channel(), names.getOrDefault(id.channel(), id.channel()),
            noEffect.contains(id.channel()), notRuledOut(id), id.collinearity()));
      }
    }
    held.sort(java.util.Comparator.comparing(BudgetCaution.Held::name));
    return held;
  }

  /** The ROIs the data cannot rule out at 90%: "half", "twice", "half or twice", or empty. */
  static String notRuledOut(ChannelIdentification id) {
    boolean half = !(id.halfRoiRise() >= ChannelIdentification.PROFILE_RISE);
    boolean twice = !Double.isNaN(id.doubleRoiRise()) && !(id.doubleRoiRise() >= ChannelIdentification.PROFILE_RISE);
    return half && twice ? "half or twice" : half ? "half" : twice ? "twice" : "";
  }

  /**
   * The fit's warnings in plain words by display name, one sentence per kind of finding (one per channel for
   * an estimate at a limit, which names the estimate), but the channels the data cannot pin down, which {@link
   * #held} explains with the plan.
   */
  static List<String> warnings(MixModel model, Map<String, String> names) {
    Map<MixWarning.Kind, List<String>> byKind = new LinkedHashMap<>();
    Map<String, List<String>> limits = new LinkedHashMap<>();
    for (MixWarning warning : model.warnings()) {
      String name = names.getOrDefault(warning.channel(), warning.channel());
      if (warning.kind() == MixWarning.Kind.AT_LIMIT) {
        limits.computeIfAbsent(name, n -> new ArrayList<>()).add(limit(warning));
      } else if (warning.kind() != MixWarning.Kind.NOT_IDENTIFIED) {
        byKind.computeIfAbsent(warning.kind(), k -> new ArrayList<>()).add(name);
      }
    }
    List<String> out = new ArrayList<>();
    byKind.forEach((kind, channels) -> {
      String which = BudgetCaution.names(channels);
      boolean one = channels.size() == 1;
      out.add(switch (kind) {
        case NO_EFFECT -> which + ": the model found no effect of " + (one ? "its" : "their") + " spend (none "
            + "told apart from the week-to-week noise), so " + (one ? "its" : "their") + " ROI and marginal ROI "
            + "read 0. That is no proof of no effect: a lift test would settle it.";
        case CONSTANT_SPEND -> which + ": " + (one ? "its spend is" : "their spend is each") + " the same every "
            + "week, so the model cannot tell " + (one ? "its" : "their") + " effect from the baseline; the "
            + "figures come from the model's assumptions, not from the data.";
        default -> which + ": " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".";
      });
    });
    limits.forEach((name, estimates) -> out.add(name + ": " + BudgetCaution.names(estimates) + " stopped at "
        + "the edge of what the model searched, so the data would have gone further and the intervals are cut "
        + "there: read this channel's figures as less settled than they look."));
    return out;
  }

  /** An estimate at a limit as {@code MixModel} names it: "half-life 52.0 (the most searched)". */
  private static final Pattern LIMIT =
      Pattern.compile("(half-life|width|half-saturation|shape|delay) (\\S+) \\(the (most|least) searched\\)");

  /**
   * The estimate at its limit in words ("its carry-over half-life (52.0 weeks, the longest searched)"), from the
   * warning's naming of it ("half-life 52.0 (the most searched)"); "an estimate" for one it does not name so.
   */
  static String limit(MixWarning warning) {
    Matcher m = LIMIT.matcher(warning.message());
    if (!m.find()) {
      return "an estimate";
    }
    boolean most = m.group(3).equals("most");
    String value = m.group(2);
    return switch (m.group(1)) {
      case "half-life" -> "its carry-over half-life (" + value + " weeks, the " + (most ? "longest" : "shortest")
          + " searched)";
      case "width" -> "its carry-over (" + value + " weeks long, the " + (most ? "longest" : "shortest")
          + " searched)";
      case "delay" -> "its delay (" + value + " weeks, the " + (most ? "longest" : "shortest") + " searched)";
      case "half-saturation" -> "the spend at which it gives half its most (" + value + ", the "
          + (most ? "highest" : "lowest") + " searched)";
      default -> "the steepness of its saturation curve (" + value + ", the " + (most ? "steepest" : "gentlest")
          + " searched)";
    };
  }
}

package org.engagement.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ChannelAdapters;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.roi.lift.LiftEstimate;
import org.engagement.roi.lift.Proportion;
import org.engagement.roi.lift.ProportionDifference;

/**
 * One call into each product, from a module that requires only engagement modules: discovering adapters
 * (which loads SLF4J), importing this module's own sample through its own adapter, attributing journeys by
 * model name, a BG/NBD prediction (Hipparchus special functions) and a lift estimate (Hipparchus
 * distributions). Each step prints one line, so a test can read what ran.
 *
 * <p>Stateless; not instantiable.
 */
public final class ConsumerTour {
  private static final String SAMPLE = "tour.psv";

  private ConsumerTour() {}

  /**
   * Runs the tour and prints it to standard output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the tour.
   *
   * @param out where each step prints its line
   */
  public static void run(PrintStream out) {
    Module module = ConsumerTour.class.getModule();
    out.println("module: " + module.getName() + (module.isNamed() ? " (named)" : " (unnamed)"));
    out.println("slf4j resolved: " + ModuleLayer.boot().findModule("org.slf4j").isPresent());
    ChannelAdapters adapters = ChannelAdapters.builder().discover().build();
    out.println("adapters: " + adapters.names());
    List<Interaction> interactions = new ArrayList<>();
    out.println("import: " + importSample(adapters, interactions).summary());
    out.println("interactions: " + interactions.size());
    out.println("linear credit: " + linearCredit());
    BgNbdModel cdnow = new BgNbdModel(0.243, 4.414, 0.793, 2.426, PeriodUnit.WEEK);
    out.printf(Locale.ROOT, "bg/nbd: P(0 purchases in 39 weeks) = %.4f%n", cdnow.probabilityOfPurchases(0, 39));
    LiftEstimate lift = ProportionDifference.test(Proportion.of(60, 400), Proportion.of(40, 400));
    out.printf(Locale.ROOT, "lift: %+.3f, p = %.4f%n", lift.absoluteLift(), lift.pValue());
  }

  private static ImportReport importSample(ChannelAdapters adapters, List<Interaction> sink) {
    try (InputStream in = Objects.requireNonNull(ConsumerTour.class.getResourceAsStream(SAMPLE), SAMPLE)) {
      return InteractionImporter.defaults().run(adapters.get("social-pipe"), in, sink::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String linearCredit() {
    JourneySet journeys = JourneySet.builder()
        .add(List.of("mastodon", "linkedin"), 2, 200, 1)
        .add(List.of("linkedin"), 1, 50, 3)
        .build();
    AttributionResult result = AttributionModels.defaults().create("linear").attribute(journeys);
    StringBuilder credit = new StringBuilder();
    for (String channel : result.channelNames()) {
      credit.append(credit.length() == 0 ? "" : ", ")
          .append(String.format(Locale.ROOT, "%s=%.2f", channel, result.conversions(channel)));
    }
    return credit.toString();
  }
}

package org.engagement.examples.quickstart;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.profile.CustomerProfiles;
import org.engagement.core.profile.Purchases;
import org.engagement.core.segment.Segment;
import org.engagement.core.value.ValueConcentration;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.core.value.tier.ValueTier;
import org.engagement.core.value.tier.ValueTiers;

/**
 * Quick start: micro-segmentation. Build a profile per customer of the bundled sample (value to date,
 * engagement, days since last seen), check the 80/20 rule, put everyone in a value tier (retain, grow,
 * maintain, re-engage), and count a custom segment.
 *
 * <p>Run it with {@code java -cp engagement-examples/target/engagement.jar
 * org.engagement.examples.quickstart.SegmentCustomers}.
 */
public final class SegmentCustomers {
  private SegmentCustomers() {}

  /** Runs the example on the bundled sample and prints to {@code out}. */
  public static void run(PrintStream out) {
    List<Interaction> interactions = BundledSample.load().interactions();
    Instant asOf = interactions.stream().map(Interaction::timestamp).max(Comparator.naturalOrder()).orElseThrow();
    List<CustomerProfile> profiles = CustomerProfiles.defaults().profiles(interactions, asOf);

    Purchases purchases = Purchases.of(interactions, ConversionRule.purchases());
    ValueConcentration concentration = purchases.concentration().orElseThrow();
    out.printf(Locale.ROOT, "The top 20%% of %d buyers bring %.1f%% of the value (Gini %.2f)%n",
        concentration.customers(), concentration.topShare(0.20) * 100, concentration.gini());

    Map<ValueTier, Integer> counts = ValueTiers.of(ValuePredictor.none(), profiles).counts(profiles);
    counts.forEach((tier, count) -> out.println("  " + tier.label() + ": " + count));

    Segment engagedProspects = Segment.metricAtLeast(MetricNames.ENGAGEMENT, 5)
        .and(Segment.metricAtLeast(MetricNames.VALUE, 0.01).not()).named("engaged prospects");
    out.println("Segment '" + engagedProspects.name() + "': "
        + profiles.stream().filter(engagedProspects).count() + " customers");
  }

  /**
   * Runs the example on the bundled sample.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }
}

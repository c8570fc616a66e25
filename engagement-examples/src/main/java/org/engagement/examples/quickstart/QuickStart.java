package org.engagement.examples.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.profile.CustomerProfiles;
import org.engagement.core.segment.Segment;
import org.engagement.core.value.tier.MetricNames;

/**
 * The quick start on the bundled sample: import interactions from CSV with a full account of every
 * record, see where the customers are, and find a segment.
 *
 * <p>Run it with {@code java -cp engagement-examples/target/examples.jar
 * org.engagement.examples.quickstart.QuickStart}.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the quick start on the bundled sample and prints to {@code out}. */
  public static void run(PrintStream out) {
    run(BundledSample.load(), out);
  }

  /** Runs the quick start on the CSV in {@code csv} and prints to {@code out}. */
  public static void run(InputStream csv, PrintStream out) throws IOException {
    run(BundledSample.read(csv), out);
  }

  private static void run(BundledSample sample, PrintStream out) {
    // 1. Import: every record is accepted, rejected with its reason, or counted as a duplicate.
    List<Interaction> interactions = sample.interactions();
    ImportReport report = sample.report();
    out.println("Import: " + report.summary());
    report.rejections().forEach(rejection -> out.println("  " + rejection));

    // 2. Where are your customers? Distinct customers per channel group.
    Map<ChannelGroup, Set<String>> customersByGroup = interactions.stream().collect(Collectors.groupingBy(
        i -> i.channel().group(), TreeMap::new, Collectors.mapping(Interaction::customerId, Collectors.toCollection(TreeSet::new))));
    out.println("Customers per channel group:");
    customersByGroup.forEach((group, customers) ->
        out.printf(java.util.Locale.ROOT, "  %-16s %4d%n", group.displayName(), customers.size()));

    // 3. A segment: customers whose purchases to date add up to at least 500 EUR.
    Instant asOf = interactions.stream().map(Interaction::timestamp).max(Instant::compareTo).orElse(Instant.EPOCH);
    List<CustomerProfile> profiles = CustomerProfiles.defaults().profiles(interactions, asOf);
    Segment bigSpenders = Segment.metricAtLeast(MetricNames.VALUE, 500).named("spent 500 EUR or more");
    out.println("Segment '" + bigSpenders.name() + "': " + profiles.stream().filter(bigSpenders).count() + " of "
        + profiles.size() + " customers");
  }

  /**
   * Runs the quick start on the bundled sample.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }
}

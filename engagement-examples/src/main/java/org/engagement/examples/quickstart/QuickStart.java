package org.engagement.examples.quickstart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * The quick start on the bundled sample world: import interactions from CSV with a full account of every
 * record (and what the account says about bad ones), see where the customers are, and find a segment.
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
    showBadRecords(out);

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

  /** What an import says about bad records: three of them, each with its line, column, value and rule. */
  private static void showBadRecords(PrintStream out) {
    String csv = "customer_id,timestamp,type,channel,value,currency,source_id\n"
        + "c-1,2024-03-05T09:00:00Z,click,newsletter,,,evt-1\n"
        + "c-2,2024-03-05T09:00:00,click,newsletter,,,evt-2\n"
        + "c-3,2024-03-06T10:00:00Z,purchase,direct,-49.00,EUR,evt-3\n"
        + "c-1,2024-03-07T11:00:00Z,click,newsletter,,,evt-1\n";
    try {
      BundledSample bad = BundledSample.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
      out.println("Import of four records, three of them bad: " + bad.report().summary());
      bad.report().rejections().forEach(rejection -> out.println("  " + rejection));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

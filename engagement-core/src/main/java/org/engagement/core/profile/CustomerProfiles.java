package org.engagement.core.profile;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.value.tier.MetricNames;

/**
 * Turns interactions into one {@link CustomerProfile} per customer: the entry point from raw interactions
 * to segments, value tiers and value predictors.
 *
 * <p>Every profile describes the customer at an explicit as-of instant; interactions after it are left
 * out, so profiles built from a growing log at a fixed instant do not change. Each customer seen at or
 * before the as-of instant gets a profile, ordered by id, whose customer was first seen at their earliest
 * interaction, with the metrics
 *
 * <ul>
 *   <li>{@value MetricNames#VALUE}: their purchase value to date ({@link Purchases} under the settings'
 *       conversion rule and currency), 0 for a prospect;
 *   <li>{@value MetricNames#ENGAGEMENT}: the settings' engagement score at the as-of instant
 *       ({@link EngagementScorer#score});
 *   <li>{@value MetricNames#RECENCY_DAYS}: whole days from the UTC date of their last interaction to the
 *       UTC date of the as-of instant;
 * </ul>
 *
 * plus the metrics of each {@link ProfileMetrics} contributor added with {@link #withMetrics}. A metric
 * name given twice (by two contributors, or by a contributor and a built-in metric) is refused.
 *
 * <p>Immutable and thread-safe if the settings and the contributors are.
 *
 * @since 0.1.0
 */
public final class CustomerProfiles {
  /** The built-in metrics, in the order each profile's metrics are completed with them. */
  private static final List<String> BUILT_IN_ORDER = List.of(MetricNames.VALUE, MetricNames.ENGAGEMENT,
      MetricNames.RECENCY_DAYS);
  private static final Set<String> BUILT_IN = Set.copyOf(BUILT_IN_ORDER);

  private final ProfileSettings settings;
  private final List<ProfileMetrics> contributors;

  private CustomerProfiles(ProfileSettings settings, List<ProfileMetrics> contributors) {
    this.settings = settings;
    this.contributors = contributors;
  }

  /** Profiles with {@link ProfileSettings#defaults()} and no extra metrics. */
  public static CustomerProfiles defaults() {
    return of(ProfileSettings.defaults());
  }

  /** Profiles with {@code settings} and no extra metrics. */
  public static CustomerProfiles of(ProfileSettings settings) {
    return new CustomerProfiles(requireNonNull(settings, "settings"), List.of());
  }

  /** The settings. */
  public ProfileSettings settings() {
    return settings;
  }

  /** These profiles with other settings, keeping the contributors. */
  public CustomerProfiles withSettings(ProfileSettings settings) {
    return new CustomerProfiles(requireNonNull(settings, "settings"), contributors);
  }

  /** These profiles with the metrics of {@code contributor} added to each. */
  public CustomerProfiles withMetrics(ProfileMetrics contributor) {
    List<ProfileMetrics> more = new ArrayList<>(contributors);
    more.add(requireNonNull(contributor, "contributor"));
    return new CustomerProfiles(settings, List.copyOf(more));
  }

  /**
   * The profile of every customer seen in {@code interactions} at or before {@code asOf}, ordered by id: an
   * immutable list that keeps them by column (about 80 bytes a profile), each profile made when read.
   *
   * @throws InvalidFieldException if a contributor gives a metric twice or a metric that is not finite
   */
  public List<CustomerProfile> profiles(Iterable<Interaction> interactions, Instant asOf) {
    requireNonNull(interactions, "interactions");
    requireNonNull(asOf, "asOf");
    InteractionColumns seen = InteractionColumns.of(interactions).notAfter(asOf);
    Purchases purchases = settings.purchases(seen);
    // Looked up once per customer: Guava's maps spread String.hashCode, whose low bits cluster for ids of digits
    // ("c0000002"), so a HashMap of a million of them turns its bins into trees (issue 16: 15 % of the profiles).
    Map<String, Map<String, Double>> extra =
        ImmutableMap.copyOf(contributed(new ProfileInput(seen, asOf, settings.conversionRule(), purchases)));
    List<Buyer> buyers = purchases.buyers();
    int nextBuyer = 0;
    LocalDate asOfDate = asOf.atOffset(ZoneOffset.UTC).toLocalDate();
    EngagementScorer scorer = settings.scorer();
    double[] builtIn = new double[BUILT_IN_ORDER.size()];
    // Straight into columns (issue 16): no metrics map, profile or boxed number per customer.
    ProfileColumns.Builder profiles = ProfileColumns.builder();
    for (List<Interaction> list : seen.perCustomer()) {
      String id = list.get(0).customerId();
      Instant first = list.get(0).timestamp();
      Instant last = first;
      for (Interaction interaction : list) {
        Instant at = interaction.timestamp();
        first = at.isBefore(first) ? at : first;
        last = at.isAfter(last) ? at : last;
      }
      // Both in id order: the buyers are a subset of the customers seen.
      while (nextBuyer < buyers.size() && buyers.get(nextBuyer).customerId().compareTo(id) < 0) {
        nextBuyer++;
      }
      boolean bought = nextBuyer < buyers.size() && buyers.get(nextBuyer).customerId().equals(id);
      builtIn[0] = bought ? buyers.get(nextBuyer).value() : 0.0;
      builtIn[1] = scorer.score(list, asOf);
      builtIn[2] = ChronoUnit.DAYS.between(last.atOffset(ZoneOffset.UTC).toLocalDate(), asOfDate);
      profiles.add(id, first, extra.getOrDefault(id, Map.of()), BUILT_IN_ORDER, builtIn);
    }
    return profiles.build();
  }

  /** Every contributor's metrics per customer, refusing a name given twice. */
  private Map<String, Map<String, Double>> contributed(ProfileInput input) {
    if (contributors.size() == 1) {
      // One contributor cannot give a name twice: its maps are taken as they are, not copied (issue 16).
      ProfileMetrics contributor = contributors.get(0);
      Map<String, Map<String, Double>> metrics = requireNonNull(contributor.metrics(input), "metrics");
      metrics.forEach((customer, named) -> named.forEach((name, v) -> {
        requireOwnName(contributor, name);
        requireNonNull(v, name);
      }));
      return metrics;
    }
    Map<String, Map<String, Double>> all = new HashMap<>();
    for (ProfileMetrics contributor : contributors) {
      Map<String, Map<String, Double>> metrics = requireNonNull(contributor.metrics(input), "metrics");
      metrics.forEach((customer, named) -> named.forEach((name, v) -> {
        requireOwnName(contributor, name);
        Map<String, Double> own = all.computeIfAbsent(customer, c -> new HashMap<>());
        if (own.putIfAbsent(name, requireNonNull(v, name)) != null) {
          throw new InvalidFieldException("metric", name, "must be given by one contributor only (customer "
              + customer + ")");
        }
      }));
    }
    return all;
  }

  private static void requireOwnName(ProfileMetrics contributor, String name) {
    if (BUILT_IN.contains(name)) {
      throw new InvalidFieldException("metric", name, "is a built-in profile metric; a contributor ("
          + contributor.getClass().getName() + ") must use another name");
    }
  }

  @Override
  public String toString() {
    return "CustomerProfiles[" + settings + ", " + contributors.size() + " contributors]";
  }
}

package org.engagement.core;

import java.util.Collection;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.engagement.EngagementScores;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.ChannelAdapters;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.core.profile.CustomerProfiles;
import org.engagement.core.profile.Purchases;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.core.value.tier.ValueTiers;

/**
 * Where a host starts with engagement-core: each method returns the default starting point of one concept,
 * so a first program needs this class, the domain model ({@link org.engagement.core.domain}) and segments
 * ({@link org.engagement.core.segment.Segment}) and nothing else.
 *
 * <pre>{@code
 * List<Interaction> interactions = new ArrayList<>();
 * ImportReport report = Engagement.importer().run(Engagement.csv(), Path.of("interactions.csv"), interactions::add);
 * List<CustomerProfile> profiles = Engagement.profiles().profiles(interactions, asOf);
 * Map<String, ValueTier> tiers = Engagement.valueTiers(profiles).assign(profiles);
 * }</pre>
 *
 * <p>Every method delegates to the concept's own factory, named in its javadoc; use those directly to
 * configure more. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Engagement {
  private Engagement() {}

  /** The importer with the default rules ({@link InteractionImporter#defaults()}): every record accounted for. */
  public static InteractionImporter importer() {
    return InteractionImporter.defaults();
  }

  /** The reference CSV adapter ({@link CsvInteractionAdapter}) with its default columns and rules. */
  public static ChannelAdapter csv() {
    return new CsvInteractionAdapter();
  }

  /** Every channel adapter on the class or module path, by name ({@link ChannelAdapters#defaults()}). */
  public static ChannelAdapters adapters() {
    return ChannelAdapters.defaults();
  }

  /** The default engagement scorer ({@link EngagementScorer#defaults()}: default weights, 30-day half-life). */
  public static EngagementScorer scorer() {
    return EngagementScorer.defaults();
  }

  /** Per-customer engagement scores with the default scorer, ready to {@code add} interactions to. */
  public static EngagementScores scores() {
    return EngagementScores.of(EngagementScorer.defaults());
  }

  /**
   * Customer profiles with value, engagement and recency ({@link CustomerProfiles#defaults()}); other
   * modules add metrics with {@link CustomerProfiles#withMetrics}.
   */
  public static CustomerProfiles profiles() {
    return CustomerProfiles.defaults();
  }

  /**
   * The buyers among {@code interactions}, with value concentration and RFM
   * ({@link Purchases#of(Iterable, ConversionRule)} with purchases as conversions).
   */
  public static Purchases purchases(Iterable<Interaction> interactions) {
    return Purchases.of(interactions, ConversionRule.purchases());
  }

  /**
   * The value tiers of {@code population} with no predicted value, so only engagement makes a customer
   * "grow" ({@link ValueTiers#of(ValuePredictor, Collection)}); the CLV module's predictor adds it.
   */
  public static ValueTiers valueTiers(Collection<CustomerProfile> population) {
    return ValueTiers.of(ValuePredictor.none(), population);
  }
}

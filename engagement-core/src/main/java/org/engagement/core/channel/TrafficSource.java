package org.engagement.core.channel;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where one touch came from: the UTM parameters of the landing URL and the referrer, exactly the
 * inputs a {@link ChannelClassifier} needs and nothing else.
 *
 * <p>Values are normalised on construction: leading and trailing white space is stripped and a
 * blank value becomes {@code null}, because exports write a missing parameter as an empty cell, a
 * space or nothing at all, and all three mean the same. Case is kept as given, so the values can
 * still be shown as the marketer typed them; classification ignores case.
 *
 * <p>Equal values give equal instances, so a {@code TrafficSource} works as a cache key for
 * classification results.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the {@code utm_source}, for example {@code google} or {@code newsletter}
 * @param medium the {@code utm_medium}, for example {@code cpc} or {@code email}
 * @param campaign the {@code utm_campaign}, for example {@code spring-sale}
 * @param referrer the referring URL, used only when there is no source
 * @since 0.1.0
 */
public record TrafficSource(
    @Nullable String source,
    @Nullable String medium,
    @Nullable String campaign,
    @Nullable String referrer) {

  private static final TrafficSource DIRECT = new TrafficSource("(direct)", "(none)", null, null);

  /** Strips every field and turns blank fields into {@code null}. */
  public TrafficSource {
    source = clean(source);
    medium = clean(medium);
    campaign = clean(campaign);
    referrer = clean(referrer);
  }

  /**
   * A touch known only by source and medium, the pair most exports carry.
   *
   * @param source the {@code utm_source}, or {@code null} if missing
   * @param medium the {@code utm_medium}, or {@code null} if missing
   */
  public static TrafficSource of(@Nullable String source, @Nullable String medium) {
    return new TrafficSource(source, medium, null, null);
  }

  /**
   * A touch with every field; same as the canonical constructor, for symmetry with the other
   * factories.
   *
   * @param source the {@code utm_source}, or {@code null} if missing
   * @param medium the {@code utm_medium}, or {@code null} if missing
   * @param campaign the {@code utm_campaign}, or {@code null} if missing
   * @param referrer the referring URL, or {@code null} if missing
   */
  public static TrafficSource of(
      @Nullable String source,
      @Nullable String medium,
      @Nullable String campaign,
      @Nullable String referrer) {
    return new TrafficSource(source, medium, campaign, referrer);
  }

  /**
   * A typed-in or bookmarked visit, written the way analytics tools write it: source {@code
   * (direct)}, medium {@code (none)}.
   */
  public static TrafficSource direct() {
    return DIRECT;
  }

  /**
   * A visit that arrived by following a link without UTM parameters; the classifier derives the
   * channel from the host of {@code url}.
   *
   * @param url the referring URL, with or without scheme
   * @throws NullPointerException if {@code url} is {@code null}
   */
  public static TrafficSource referrer(String url) {
    return new TrafficSource(null, null, null, requireNonNull(url, "url"));
  }

  /**
   * The host of the {@linkplain #referrer() referrer}, lower case and without a {@code www.},
   * {@code m.}, {@code l.} or {@code lm.} prefix, exactly as the default rules read it; {@code
   * null} if there is no referrer or it has no host. Useful to name a channel after the referring
   * site.
   */
  public @Nullable String referrerHost() {
    if (referrer == null) {
      return null;
    }
    String host = KnownSites.hostOf(referrer.toLowerCase(Locale.ROOT));
    return host == null ? null : KnownSites.stripPrefix(host);
  }

  private static @Nullable String clean(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }
}

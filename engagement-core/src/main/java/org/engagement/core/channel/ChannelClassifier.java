package org.engagement.core.channel;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Maps the {@linkplain TrafficSource UTM parameters and referrer} of a touch to a {@link
 * ChannelGroup}, so that touches tagged in many different ways can be reported and attributed side
 * by side.
 *
 * <p>Implementations from {@link #defaultRules()} and {@link #builder()} are immutable and
 * thread-safe: build one when the application starts and share it between import threads. They
 * never return {@code null}; a touch that no rule recognises is {@link ChannelGroup#UNASSIGNED}, so
 * nothing is dropped for lack of a group.
 *
 * @since 0.1.0
 */
public interface ChannelClassifier {

  /**
   * The group of {@code traffic}.
   *
   * @param traffic the touch to classify
   * @return its group, {@link ChannelGroup#UNASSIGNED} if no rule matches
   * @throws NullPointerException if {@code traffic} is {@code null}
   */
  ChannelGroup classify(TrafficSource traffic);

  /**
   * The built-in rules: the Google Analytics 4 default channel group, as far as UTM parameters and
   * the referrer can express it, followed by this SDK's own groups for relationship channels.
   *
   * <p>Following GA4 means a team's existing tagging conventions land where their analytics tool
   * already puts them. Rules are tried in the order below and the first match wins. All comparisons
   * ignore case. <em>paid</em> stands for GA4's paid medium test, medium matches {@code
   * ^(.*cp.*|ppc|retargeting|paid.*)$}; <em>shopping campaign</em> for campaign matches {@code
   * ^(.*(([^a-df-z]|^)shop|shopping).*)$}. The search, social, video and shopping <em>sites</em>
   * are lists of well-known names and hosts ({@code google}, {@code facebook}, {@code youtube},
   * {@code amazon}, ...); a host matches by its name ({@code www.google.co.uk} is {@code google}).
   *
   * <p>When there is no source, the host of the referrer stands in for it and a missing medium
   * counts as {@code referral} (so {@code https://l.facebook.com/...} is Organic Social, {@code
   * https://www.google.com/} Organic Search and any other site Referral). UTM parameters win over
   * the referrer, as in GA4.
   *
   * <table class="striped">
   *   <caption>Default rules, in order</caption>
   *   <thead>
   *     <tr><th scope="col">Group</th><th scope="col">Rule</th></tr>
   *   </thead>
   *   <tbody>
   *     <tr><td>Direct</td><td>source is {@code (direct)} (or missing, with no referrer either),
   *         and medium is {@code (none)}, {@code (not set)} or missing</td></tr>
   *     <tr><td>Cross-network</td><td>campaign contains {@code cross-network}</td></tr>
   *     <tr><td>Paid Shopping</td><td>(shopping site or shopping campaign) and paid</td></tr>
   *     <tr><td>Paid Search</td><td>search site and paid</td></tr>
   *     <tr><td>Paid Social</td><td>social site and paid</td></tr>
   *     <tr><td>Paid Video</td><td>video site and paid</td></tr>
   *     <tr><td>Display</td><td>medium is {@code display}, {@code banner}, {@code expandable},
   *         {@code interstitial} or {@code cpm}</td></tr>
   *     <tr><td>Paid Other</td><td>paid</td></tr>
   *     <tr><td>Organic Shopping</td><td>shopping site or shopping campaign</td></tr>
   *     <tr><td>Organic Social</td><td>social site, or medium is {@code social}, {@code
   *         social-network}, {@code social-media}, {@code sm}, {@code social network} or {@code
   *         social media}</td></tr>
   *     <tr><td>Organic Video</td><td>video site, or medium contains {@code video}</td></tr>
   *     <tr><td>Organic Search</td><td>search site, or medium is {@code organic}</td></tr>
   *     <tr><td>Referral</td><td>medium is {@code referral}, {@code app} or {@code link}</td></tr>
   *     <tr><td>Email</td><td>source or medium is {@code email}, {@code e-mail}, {@code e_mail} or
   *         {@code e mail}</td></tr>
   *     <tr><td>Affiliates</td><td>medium is {@code affiliate}</td></tr>
   *     <tr><td>Audio</td><td>medium is {@code audio}</td></tr>
   *     <tr><td>SMS</td><td>source or medium is {@code sms}</td></tr>
   *     <tr><td>Mobile Push Notifications</td><td>medium ends with {@code push} or contains {@code
   *         mobile} or {@code notification}, or source is {@code firebase}</td></tr>
   *     <tr><td>Events <em>(extension)</em></td><td>medium is {@code event}, {@code events}, {@code
   *         webinar} or {@code conference}</td></tr>
   *     <tr><td>PR <em>(extension)</em></td><td>medium is {@code pr} or {@code press}</td></tr>
   *     <tr><td>Support <em>(extension)</em></td><td>medium is {@code support}</td></tr>
   *     <tr><td>Offline <em>(extension)</em></td><td>medium is {@code offline}, {@code print} or
   *         {@code direct-mail}</td></tr>
   *     <tr><td>Unassigned</td><td>anything else</td></tr>
   *   </tbody>
   * </table>
   *
   * <p>The extensions come last, so they only claim touches GA4 would leave Unassigned: a touch is
   * never in a different group here than in GA4, except that GA4's Unassigned is split further. The
   * GA4 rules that need data a touch does not carry (Google Ads network type, DV360 creative
   * format) are left out.
   *
   * @return the shared classifier with only the built-in rules
   */
  static ChannelClassifier defaultRules() {
    return DefaultChannelRules.INSTANCE;
  }

  /**
   * A builder for a classifier that tries custom rules before the {@linkplain #defaultRules()
   * default rules}.
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Collects custom rules for a {@link ChannelClassifier}. Custom rules are tried in the order they
   * were added, all before the default rules, and the first rule that claims a touch decides its
   * group.
   *
   * <p>A builder is not thread-safe; the classifier it builds is. Building does not reset the
   * builder, so one builder can make several classifiers that share a prefix of rules.
   *
   * @since 0.1.0
   */
  final class Builder {
    private final List<ClassificationRule> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a rule after the ones already added.
     *
     * @param rule the rule; see {@link ClassificationRule} for its contract
     * @return this builder
     */
    public Builder rule(ClassificationRule rule) {
      rules.add(requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Adds a rule that puts every touch with this {@code utm_source} in {@code group}, whatever its
     * medium; for sources that only ever carry one kind of traffic, such as an own partner portal.
     *
     * @param source the source, compared ignoring case and surrounding white space
     * @param group the group for matching touches
     * @return this builder
     * @throws InvalidFieldException if {@code source} is blank
     */
    public Builder sourceIs(String source, ChannelGroup group) {
      String expected = requireValue("source", source);
      return rule(
          new MatchRule("source", expected, group, t -> expected.equalsIgnoreCase(t.source())));
    }

    /**
     * Adds a rule that puts every touch with this {@code utm_medium} in {@code group}, whatever its
     * source; for in-house medium names such as {@code partner} or {@code qr}.
     *
     * @param medium the medium, compared ignoring case and surrounding white space
     * @param group the group for matching touches
     * @return this builder
     * @throws InvalidFieldException if {@code medium} is blank
     */
    public Builder mediumIs(String medium, ChannelGroup group) {
      String expected = requireValue("medium", medium);
      return rule(
          new MatchRule("medium", expected, group, t -> expected.equalsIgnoreCase(t.medium())));
    }

    /**
     * Adds a rule that puts every touch whose {@code utm_campaign} matches {@code campaignRegex} in
     * {@code group}; for campaign naming conventions such as {@code ^partner-.*}.
     *
     * <p>The whole campaign must match, as in GA4's "matches regex" (wrap the pattern in {@code .*}
     * for a partial match), and case is ignored. Touches without a campaign never match.
     *
     * @param campaignRegex a {@link Pattern} regular expression
     * @param group the group for matching touches
     * @return this builder
     * @throws InvalidFieldException if {@code campaignRegex} is not a valid regular expression
     */
    public Builder campaignMatches(String campaignRegex, ChannelGroup group) {
      requireNonNull(campaignRegex, "campaignRegex");
      Pattern pattern;
      try {
        pattern = Pattern.compile(campaignRegex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      } catch (PatternSyntaxException e) {
        String problem = e.getDescription() + " near index " + e.getIndex();
        throw new InvalidFieldException(
            "campaignRegex", campaignRegex, "must be a valid regular expression (" + problem + ")");
      }
      return rule(
          new MatchRule(
              "campaign matching",
              campaignRegex,
              group,
              t -> {
                String campaign = t.campaign();
                return campaign != null && pattern.matcher(campaign).matches();
              }));
    }

    /**
     * Creates the classifier from the rules added so far.
     *
     * @return an immutable, thread-safe classifier
     */
    public ChannelClassifier build() {
      return rules.isEmpty() ? DefaultChannelRules.INSTANCE : new RuleBasedClassifier(rules);
    }

    private static String requireValue(String field, String value) {
      requireNonNull(value, field);
      String stripped = value.strip();
      if (stripped.isEmpty()) {
        throw new InvalidFieldException(field, value, "must not be blank");
      }
      return stripped.toLowerCase(Locale.ROOT);
    }
  }
}

package org.engagement.core.channel;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.engagement.core.domain.ChannelGroup;

/** Custom rules in order, then the {@linkplain DefaultChannelRules default rules}. */
final class RuleBasedClassifier implements ChannelClassifier {
  private final ClassificationRule[] rules;

  RuleBasedClassifier(List<ClassificationRule> rules) {
    this.rules = rules.toArray(new ClassificationRule[0]);
  }

  @Override
  public ChannelGroup classify(TrafficSource traffic) {
    requireNonNull(traffic, "traffic");
    for (ClassificationRule rule : rules) {
      Optional<ChannelGroup> group = rule.classify(traffic);
      if (group == null) {
        throw new NullPointerException(
            "rule " + rule + " returned null instead of Optional.empty() for " + traffic);
      }
      if (group.isPresent()) {
        return group.get();
      }
    }
    return DefaultChannelRules.INSTANCE.classify(traffic);
  }

  @Override
  public String toString() {
    return "ChannelClassifier" + Arrays.toString(rules) + " then default rules";
  }
}

package org.engagement.core.channel;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Predicate;
import org.engagement.core.domain.ChannelGroup;

/**
 * A rule made by one of the {@link ChannelClassifier.Builder} shortcuts: a test on one field and
 * the group it leads to. It describes itself in {@link #toString()}, so a classifier's rules can be
 * logged and debugged.
 */
final class MatchRule implements ClassificationRule {
  private final String field;
  private final String value;
  private final ChannelGroup group;
  private final Optional<ChannelGroup> result;
  private final Predicate<TrafficSource> test;

  MatchRule(String field, String value, ChannelGroup group, Predicate<TrafficSource> test) {
    this.field = field;
    this.value = value;
    this.group = requireNonNull(group, "group");
    this.result = Optional.of(group);
    this.test = test;
  }

  @Override
  public Optional<ChannelGroup> classify(TrafficSource traffic) {
    return test.test(traffic) ? result : Optional.empty();
  }

  @Override
  public String toString() {
    return field + " '" + value + "' -> " + group.displayName();
  }
}

package org.engagement.roi.selfreport;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How many survey answers name each channel: the raw material of self-reported attribution.
 *
 * <p>{@code answers = mapped + unmapped}; shares are of the mapped answers, so they sum to 1 whenever
 * any answer was mapped. A customer who answered twice counts twice: deduplicate upstream if that is
 * not wanted. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SelfReportedAttribution {
  private final Map<String, Long> countsByChannel;
  private final long answers;
  private final long mapped;

  private SelfReportedAttribution(Map<String, Long> countsByChannel, long answers, long mapped) {
    this.countsByChannel = countsByChannel;
    this.answers = answers;
    this.mapped = mapped;
  }

  /**
   * Maps every answer with {@code mapping} and counts the channels named. Each distinct answer text is mapped once
   * (issue 16: a survey's answers repeat a few phrases, and mapping one normalises it and searches every phrase).
   */
  public static SelfReportedAttribution of(Iterable<SurveyAnswer> answers, AnswerMapping mapping) {
    requireNonNull(answers, "answers");
    requireNonNull(mapping, "mapping");
    TreeMap<String, Long> counts = new TreeMap<>();
    Map<String, Optional<String>> channelOfAnswer = new HashMap<>();
    long total = 0;
    long mapped = 0;
    for (SurveyAnswer answer : answers) {
      total++;
      String channel = channelOfAnswer.computeIfAbsent(answer.answer(), mapping::channelOf).orElse(null);
      if (channel != null) {
        mapped++;
        counts.merge(channel, 1L, Long::sum);
      }
    }
    return new SelfReportedAttribution(Collections.unmodifiableMap(counts), total, mapped);
  }

  /** Every answer read. */
  public long answers() {
    return answers;
  }

  /** The answers that named a channel. */
  public long mapped() {
    return mapped;
  }

  /** The answers that named no channel (blank, vague or unknown). */
  public long unmapped() {
    return answers - mapped;
  }

  /** The number of answers naming each channel, channels in name order; channels never named are absent. */
  public Map<String, Long> countsByChannel() {
    return countsByChannel;
  }

  /** The share of the mapped answers that name {@code channel}; 0 when no answer was mapped. */
  public double share(String channel) {
    return mapped == 0 ? 0 : countsByChannel.getOrDefault(channel, 0L) / (double) mapped;
  }

  @Override
  public String toString() {
    return "SelfReportedAttribution[" + mapped + " of " + answers + " answers mapped: " + countsByChannel + "]";
  }
}

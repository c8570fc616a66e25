package org.engagement.core.conversation.service;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Service metrics over a set of cases. Times run from a case's opening (its first inbound interaction)
 * to its first response (the first outbound interaction in the thread from the opening on) and to its
 * resolution (the first resolution mark from the opening on). Means and medians are over the cases that
 * have the time; a median of an even number is the mean of the middle two. Immutable and thread-safe.
 *
 * @param cases cases counted
 * @param answered cases with a response: at most {@code cases}
 * @param answeredWithinTarget cases whose first response came within the target: at most {@code answered}
 * @param resolved cases with a resolution mark: at most {@code cases}
 * @param meanFirstResponse the mean first-response time, or {@code null} if no case was answered
 * @param medianFirstResponse the median first-response time, or {@code null} if no case was answered
 * @param meanResolution the mean resolution time, or {@code null} if no case was resolved
 * @param medianResolution the median resolution time, or {@code null} if no case was resolved
 * @since 0.1.0
 */
public record ServiceStats(
    long cases, long answered, long answeredWithinTarget, long resolved,
    @Nullable Duration meanFirstResponse, @Nullable Duration medianFirstResponse,
    @Nullable Duration meanResolution, @Nullable Duration medianResolution) {
  /**
   * Validates the counts.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public ServiceStats {
    if (answeredWithinTarget < 0 || answered < answeredWithinTarget || cases < answered || resolved < 0 || cases < resolved) {
      throw new InvalidFieldException("counts", cases + ", " + answered + ", " + answeredWithinTarget + ", " + resolved,
          "must satisfy 0 <= answeredWithinTarget <= answered <= cases and 0 <= resolved <= cases");
    }
  }

  /** {@code resolved / cases}; 0 without cases. */
  public double resolutionRate() {
    return cases == 0 ? 0.0 : (double) resolved / cases;
  }

  /** {@code answered / cases}; 0 without cases. */
  public double answerRate() {
    return cases == 0 ? 0.0 : (double) answered / cases;
  }

  /** {@code answeredWithinTarget / cases}: unanswered cases count as missing the target; 0 without cases. */
  public double withinTargetShare() {
    return cases == 0 ? 0.0 : (double) answeredWithinTarget / cases;
  }

  static ServiceStats of(List<ThreadState.Case> cases, Duration target) {
    List<Duration> responses = new ArrayList<>();
    List<Duration> resolutions = new ArrayList<>();
    long within = 0;
    for (ThreadState.Case c : cases) {
      if (c.firstResponse() != null) {
        Duration wait = Duration.between(c.opening().at(), c.firstResponse());
        responses.add(wait);
        if (wait.compareTo(target) <= 0) {
          within++;
        }
      }
      if (c.resolved() != null) {
        resolutions.add(Duration.between(c.opening().at(), c.resolved()));
      }
    }
    return new ServiceStats(cases.size(), responses.size(), within, resolutions.size(),
        mean(responses), median(responses), mean(resolutions), median(resolutions));
  }

  private static @Nullable Duration mean(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    Duration sum = Duration.ZERO;
    for (Duration d : values) {
      sum = sum.plus(requireNonNull(d));
    }
    return sum.dividedBy(values.size());
  }

  private static @Nullable Duration median(List<Duration> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
  }
}

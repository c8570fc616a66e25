package org.engagement.spark.aggregate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.churn.ActivityHistory;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.core.funnel.Funnel;
import org.engagement.core.funnel.FunnelDefinition;
import org.engagement.core.presence.ChannelPresence;
import org.engagement.core.value.CustomerValues;
import org.engagement.spark.ingest.CustomerInteractions;
import org.engagement.spark.ingest.InteractionRows;
import org.engagement.spark.internal.CustomerChunks;
import org.engagement.spark.internal.Shipped;

/**
 * Any of the core's {@link Mergeable} aggregates on Spark: built per chunk of whole customers in the
 * partitions, merged there, and merged across partitions in a tree ({@code treeReduce}), so the driver
 * receives one aggregate per partition and never an event. Built with equal settings and each customer
 * whole in one partition, the result equals the aggregate built in-process from all the interactions (the
 * mergeable contract), which the tests check for each aggregate named here.
 *
 * <p>Stateless and thread-safe; every method runs a Spark job on the Dataset's session.
 *
 * @since 0.1.0
 */
public final class SparkAggregates {
  private SparkAggregates() {}

  /**
   * The aggregate {@code aggregator} builds, over all of {@code interactions} (in
   * {@link InteractionRows#SCHEMA}): each partition starts from {@code empty} and merges each chunk's
   * aggregate into it.
   *
   * @param empty the aggregate of no interaction, with the settings every chunk uses (the merge identity)
   */
  public static <A extends Mergeable<A>> A aggregate(Dataset<Row> interactions, A empty,
      ChunkAggregator<A> aggregator) {
    return aggregate(CustomerInteractions.of(interactions), empty, aggregator);
  }

  /**
   * {@link #aggregate(Dataset, Mergeable, ChunkAggregator)} on interactions already partitioned by customer:
   * no shuffle of its own.
   */
  public static <A extends Mergeable<A>> A aggregate(CustomerInteractions interactions, A empty,
      ChunkAggregator<A> aggregator) {
    requireNonNull(empty, "empty");
    requireNonNull(aggregator, "aggregator");
    return requireNonNull(interactions, "interactions").rows().javaRDD()
        .mapPartitions(rows -> {
          CustomerChunks chunks = CustomerChunks.of(rows);
          A part = empty;
          while (chunks.hasNext()) {
            part = part.merge(aggregator.of(chunks.next()));
          }
          return List.of(part).iterator();
        })
        .treeReduce(Mergeable::merge);
  }

  /**
   * Channel presence, reach and overlap in {@code [from, to)}, as {@code ChannelPresence.of(from, to,
   * rule).addAll(interactions)}.
   *
   * @throws InvalidFieldException if {@code to} is not after {@code from}
   */
  public static ChannelPresence presence(Dataset<Row> interactions, Instant from, Instant to, ConversionRule rule) {
    return presence(CustomerInteractions.of(interactions), from, to, rule);
  }

  /** {@link #presence(Dataset, Instant, Instant, ConversionRule)} with no shuffle of its own. */
  public static ChannelPresence presence(CustomerInteractions interactions, Instant from, Instant to,
      ConversionRule rule) {
    Shipped.requireSerializable(rule);
    return aggregate(interactions, ChannelPresence.of(from, to, rule),
        chunk -> ChannelPresence.of(from, to, rule).addAll(chunk));
  }

  /** The funnel of {@code definition}, as {@code Funnel.of(definition).addAll(interactions)}. */
  public static Funnel funnel(Dataset<Row> interactions, FunnelDefinition definition) {
    return funnel(CustomerInteractions.of(interactions), definition);
  }

  /** {@link #funnel(Dataset, FunnelDefinition)} with no shuffle of its own. */
  public static Funnel funnel(CustomerInteractions interactions, FunnelDefinition definition) {
    requireNonNull(definition, "definition");
    return aggregate(interactions, Funnel.of(definition), chunk -> Funnel.of(definition).addAll(chunk));
  }

  /**
   * Each customer's activity by month, the input of churn and cohort retention
   * ({@code CohortRetention.of(history, zone, through)}), as {@code ActivityHistory.of(interactions)}.
   */
  public static ActivityHistory activity(Dataset<Row> interactions) {
    return activity(CustomerInteractions.of(interactions));
  }

  /** {@link #activity(Dataset)} with no shuffle of its own. */
  public static ActivityHistory activity(CustomerInteractions interactions) {
    return aggregate(interactions, ActivityHistory.empty(), ActivityHistory::of);
  }

  /**
   * Each buyer's total value in {@code currency}: the conversions of {@code rule} valued in that currency
   * (others left out), the exact input of value concentration ({@link CustomerValues#concentration()}: the
   * exact top-k share and Gini).
   */
  public static CustomerValues customerValues(Dataset<Row> interactions, ConversionRule rule, Currency currency) {
    return customerValues(CustomerInteractions.of(interactions), rule, currency);
  }

  /** {@link #customerValues(Dataset, ConversionRule, Currency)} with no shuffle of its own. */
  public static CustomerValues customerValues(CustomerInteractions interactions, ConversionRule rule,
      Currency currency) {
    Shipped.requireSerializable(rule);
    requireNonNull(currency, "currency");
    return aggregate(interactions, CustomerValues.of(currency), chunk -> {
      CustomerValues values = CustomerValues.of(currency);
      for (Interaction i : chunk) {
        Money value = i.value();
        if (rule.isConversion(i) && (value == null || value.currency().equals(currency))) {
          values.add(i.customerId(), value == null ? Money.zero(currency) : value);
        }
      }
      return values;
    });
  }
}

package org.engagement.spark.ingest;

import static java.util.Objects.requireNonNull;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;

/**
 * The columnar form of accepted interactions in Spark ({@link #SCHEMA}) and the exact conversion between
 * it and {@link Interaction}: what {@link SparkIngestion} produces and every other operation of the module
 * reads.
 *
 * <p>Columns are typed so that a data team can filter and join them in SQL: {@code timestamp} is a Spark
 * {@code TIMESTAMP} (microseconds since the epoch, UTC), money is kept exactly as the core keeps it, in
 * minor units of its currency ({@code value_minor}, {@code currency}), so a row converts back to the very
 * interaction it came from. Attributes and content are not carried: no operation of this module reads
 * them. An instant finer than a microsecond cannot be a Spark timestamp; {@link #toRow} refuses it rather
 * than round it (the ingestion reports such a row as rejected).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class InteractionRows {
  /** The customer id column, by which every per-customer operation partitions. */
  public static final String CUSTOMER_ID = "customer_id";
  /** The instant column ({@code TIMESTAMP}). */
  public static final String TIMESTAMP = "timestamp";

  /** The schema of accepted interactions. */
  public static final StructType SCHEMA = new StructType()
      .add(CUSTOMER_ID, DataTypes.StringType, false)
      .add("channel", DataTypes.StringType, false)
      .add("channel_name", DataTypes.StringType, false)
      .add("channel_group", DataTypes.StringType, false)
      .add(TIMESTAMP, DataTypes.TimestampType, false)
      .add("type", DataTypes.StringType, false)
      .add("direction", DataTypes.StringType, false)
      .add("value_minor", DataTypes.LongType, true)
      .add("currency", DataTypes.StringType, true)
      .add("source_id", DataTypes.StringType, true);

  private InteractionRows() {}

  /**
   * The row of {@code interaction} in {@link #SCHEMA}.
   *
   * @throws InvalidFieldException if the instant is finer than a microsecond (field {@code timestamp})
   */
  public static Row toRow(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    Money value = interaction.value();
    Channel channel = interaction.channel();
    return RowFactory.create(interaction.customerId(), channel.id(), channel.displayName(), channel.group().id(),
        timestamp(interaction.timestamp()), interaction.type().id(), interaction.direction().name(),
        value == null ? null : value.minorUnits(), value == null ? null : value.currency().getCurrencyCode(),
        interaction.sourceId());
  }

  /**
   * The interaction of a row in {@link #SCHEMA} (a timestamp read as {@link Timestamp} or, with Spark's
   * Java 8 time API on, as {@link Instant}).
   *
   * @throws InvalidFieldException if a field breaks a rule of the model
   */
  public static Interaction toInteraction(Row row) {
    requireNonNull(row, "row");
    InteractionType type = InteractionType.parse("type", row.getString(5));
    Channel channel = Channel.of(row.getString(1), row.getString(2), ChannelGroup.parse("channel_group",
        row.getString(3)));
    return new Interaction(row.getString(0), channel, instant(row.get(4)), type,
        Direction.valueOf(row.getString(6)), money(row), nullable(row, 9), Attributes.empty());
  }

  /** The customer id of a row in {@link #SCHEMA}. */
  public static String customerId(Row row) {
    return row.getString(0);
  }

  private static @Nullable Money money(Row row) {
    if (row.isNullAt(7)) {
      return null;
    }
    String code = nullable(row, 8);
    if (code == null) {
      throw new InvalidFieldException("currency", null, "is required when value_minor is given");
    }
    return Money.ofMinor(row.getLong(7), Money.currency("currency", code));
  }

  private static @Nullable String nullable(Row row, int index) {
    return row.isNullAt(index) ? null : row.getString(index);
  }

  private static Timestamp timestamp(Instant instant) {
    if (!instant.truncatedTo(ChronoUnit.MICROS).equals(instant)) {
      throw new InvalidFieldException("timestamp", instant, "must have at most microsecond precision (Spark's)");
    }
    return Timestamp.from(instant);
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new InvalidFieldException("timestamp", value, "must be a TIMESTAMP");
  }
}

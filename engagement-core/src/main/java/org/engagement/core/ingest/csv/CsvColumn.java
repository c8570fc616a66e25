package org.engagement.core.ingest.csv;

import java.util.Locale;

/**
 * The columns the CSV adapter understands. Header names are matched ignoring case and surrounding
 * space; any other column becomes a string attribute of the interaction. The columns from {@link #TEXT}
 * on make up the interaction's {@link org.engagement.core.domain.Content Content}; a row that leaves all
 * of them empty has none.
 *
 * <p>Immutable and thread-safe, like every enum.
 *
 * @since 0.1.0
 */
public enum CsvColumn {
  /** Required. Who: the customer's stable id. */
  CUSTOMER_ID,
  /**
   * Required. When: an ISO-8601 date-time with a zone offset, such as {@code 2024-03-01T10:15:30Z} or
   * {@code 2024-03-01T11:15:30.250+01:00}. A local time without offset is rejected as ambiguous.
   */
  TIMESTAMP,
  /** Required. What: an interaction type such as {@code click} or {@code support_request}. */
  TYPE,
  /** Optional. {@code inbound} or {@code outbound}; empty means the type's default. */
  DIRECTION,
  /**
   * The channel id. Either this column or at least one of the UTM / referrer columns is required; when
   * a row leaves it empty, the channel is classified from the UTM fields and referrer.
   */
  CHANNEL,
  /** Optional. The display name for a channel the adapter does not know yet. */
  CHANNEL_NAME,
  /** Optional. The channel group (for example {@code organic_social}) of a channel the adapter does not know yet. */
  CHANNEL_GROUP,
  /** Optional. {@code utm_source} of the touch, for classification. */
  UTM_SOURCE,
  /** Optional. {@code utm_medium} of the touch, for classification. */
  UTM_MEDIUM,
  /** Optional. {@code utm_campaign} of the touch, for classification. */
  UTM_CAMPAIGN,
  /** Optional. The referring URL, for classification when there is no UTM source. */
  REFERRER,
  /** Optional. The value, a plain decimal number not below zero; needs {@link #CURRENCY}. */
  VALUE,
  /** Optional. ISO 4217 currency code of {@link #VALUE}. */
  CURRENCY,
  /** Optional. The record's id in its source system; repeated ids are reported as duplicates. */
  SOURCE_ID,
  /** Optional content. The message text, read as it is (not trimmed); empty means none. */
  TEXT,
  /** Optional content. Topic tags separated by {@code |}. */
  TAGS,
  /** Optional content. Hashtags separated by {@code |}, with or without their {@code #}. */
  HASHTAGS,
  /** Optional content. Links separated by {@code |}. */
  LINKS,
  /** Optional content. The brand mentioned. */
  BRAND,
  /** Optional content. A sentiment score from -1 to 1, such as {@code 0.35}. */
  SENTIMENT,
  /** Optional content. The author's audience size (followers, list size), a whole number not below 0. */
  AUDIENCE,
  /** Optional content. The thread or case id linking a support request to its replies. */
  THREAD_ID,
  /** Optional content. Who handled the interaction (an agent or team id). */
  OWNER,
  /** Optional content. {@code true} if the interaction marks its thread resolved; empty or {@code false} if not. */
  RESOLVED;

  /** The header name, for example {@code customer_id}. */
  public String header() {
    return name().toLowerCase(Locale.ROOT);
  }
}

/**
 * JSON forms of the SDK's results and saved models.
 *
 * <p>{@link org.engagement.json.EngagementJson} writes and reads each form; {@link
 * org.engagement.json.EngagementJsonModule} registers them with a host's own Jackson {@code ObjectMapper}.
 * The rules every form keeps:
 * <ul>
 *   <li>field names in {@code snake_case}; enum values as their name in lower case ({@code converged},
 *       {@code attributed_revenue});
 *   <li>doubles as JSON numbers written as the shortest decimal that reads back to the same double, so a
 *       round trip is exact; a double that is not finite (a log-likelihood of a failed search, say) as the
 *       string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}, since JSON has no such numbers;
 *   <li>money as {@code {"amount": "12.34", "currency": "EUR"}}, the amount a decimal string (exact);
 *       months as {@code "2024-06"}; instants as ISO-8601 text in UTC ({@code "2024-06-30T00:00:00Z"});
 *   <li>lists in the order of the value (channels in name order); absent optional values as {@code null};
 *   <li>readers ignore fields they do not know, so a later version of a form may add fields; a missing or
 *       wrong field is an {@link org.engagement.core.domain.InvalidFieldException} naming its path (for
 *       example {@code channels[2].value}), the value and the rule;
 *   <li>figures derived from others (an ROI line's {@code roi}, a fit's {@code standard_error}) are written
 *       for the reader's convenience and ignored when read: the value is rebuilt from its own fields.
 * </ul>
 *
 * <p>The marketing mix: a channel's effect {@code {"channel", "spend", "contribution", "share", "roi",
 * "roi_interval": {"lower", "upper", "level"}, "marginal_roi", "marginal_roi_interval", "half_life"}} and a
 * budget plan {@code {"budget", "allocations": [{"channel", "current", "recommended", "current_outcome",
 * "recommended_outcome"}], "gain", "gain_interval"}}, amounts per period.
 *
 * <p>The forms of results that carry their inputs, written from the result and read as its view
 * ({@link org.engagement.json.view}):
 * <ul>
 *   <li>journey credits ({@code attribute --per-journey}):
 *       {@code {"model", "spread", "result": <attribution result>, "journeys": [{"customer_id", "conversion_at"
 *       (null if it did not convert), "value", "credits": [{"channel", "conversions", "value"}]}]}}, the journeys
 *       that earned a credit in the credits' order, their channels in name order;
 *   <li>a lifetime-value outcome: {@code {"fitted" (derived), "reason" (null when fitted), "degeneracies": [...],
 *       "zero_spend_buyers", "purchase_search": <fit> | null, "spend_search": <fit> | null, "value_basis":
 *       {"unit", "horizon": {"amount", "unit"}, "annual_discount_rate", "buyers", "repeat_buyers"} | null}};
 *       the buyers' predictions are a list of customer values;
 *   <li>an ROI result: {@code {"report": <ROI report>, "measured": <attribution result>, "survey": {"weight",
 *       "counts": {"<channel>": n}, "unmapped"}, "value_per_customer"}}.
 * </ul>
 *
 * <p>Saved models ({@link org.engagement.json.saved.SavedClvModel},
 * {@link org.engagement.json.saved.SavedAttributionModel}) are envelopes with a {@code format} and a {@code version}; a format or version this library does not
 * know is refused with the value and the supported ones.
 */
@NullMarked
package org.engagement.json;

import org.jspecify.annotations.NullMarked;

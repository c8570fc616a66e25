/**
 * The sample world: a seeded simulation of a CRM world (customers and prospects, ten channels, two years of
 * interactions, a funnel, purchases, churn, costs and survey answers) in which every channel's true effect on
 * conversion is known, so that attribution models can be judged against the truth.
 *
 * <p>{@link org.engagement.examples.world.WorldGenerator} makes a world from a
 * {@link org.engagement.examples.world.WorldSpec} (the simulation is described there), in memory
 * ({@link org.engagement.examples.world.World}) or streamed person by person to a
 * {@link org.engagement.examples.world.WorldVisitor}; {@link org.engagement.examples.world.WorldWriter} writes it
 * as the files below; {@link org.engagement.examples.world.SampleWorld} is the small world bundled on the class
 * path. The same spec always gives the same world, byte for byte, on every JVM.
 *
 * <h2>The default channels</h2>
 * Lift is the additive lift in the weekly funnel hazard while a touch is remembered
 * ({@link org.engagement.examples.world.ChannelSpec}); the base hazard is 0.0005.
 * <table>
 *   <caption>Default channels</caption>
 *   <tr><th>id</th><th>group</th><th>owner</th><th>reach</th><th>touches / month</th><th>timing</th>
 *       <th>lift</th><th>cost / month (EUR)</th></tr>
 *   <tr><td>linkedin</td><td>organic_social</td><td>social team</td><td>0.20</td><td>0.15</td><td>steady</td>
 *       <td>0.060</td><td>2,500</td></tr>
 *   <tr><td>x</td><td>organic_social</td><td>social team</td><td>0.15</td><td>0.15</td><td>steady</td>
 *       <td>0.010</td><td>1,500</td></tr>
 *   <tr><td>facebook-ads</td><td>paid_social</td><td>performance marketing</td><td>0.20</td><td>0.15</td>
 *       <td>steady</td><td>0.015</td><td>6,000</td></tr>
 *   <tr><td>newsletter</td><td>email</td><td>CRM team</td><td>0.20</td><td>0.20</td><td>steady</td>
 *       <td>0.030</td><td>800</td></tr>
 *   <tr><td>google-ads</td><td>paid_search</td><td>performance marketing</td><td>0.20</td><td>0.15</td>
 *       <td>steady</td><td>0.060</td><td>8,000</td></tr>
 *   <tr><td>blog</td><td>referral</td><td>content team</td><td>0.15</td><td>0.15</td><td>steady</td>
 *       <td>0.080</td><td>3,000</td></tr>
 *   <tr><td>partner-referral</td><td>referral</td><td>partnerships</td><td>0.10</td><td>one touch</td>
 *       <td>early</td><td>0.150</td><td>2,000</td></tr>
 *   <tr><td>trade-show</td><td>events</td><td>events team</td><td>0.10</td><td>one touch</td><td>early</td>
 *       <td>0.180</td><td>12,000</td></tr>
 *   <tr><td>press</td><td>public_relations</td><td>PR agency</td><td>0.10</td><td>one touch</td><td>early</td>
 *       <td>0.120</td><td>4,000</td></tr>
 *   <tr><td>direct</td><td>direct</td><td>web team</td><td>0.25</td><td>0.40</td><td>steady</td>
 *       <td>0.002</td><td>0</td></tr>
 * </table>
 * Trade shows, press and partner referrals touch once, early, and cause most first purchases, yet are rarely
 * the last touch; direct visits come often and late, collect many last touches and cause almost nothing.
 *
 * <h2>Files</h2>
 * All files are UTF-8 CSV (RFC 4180, LF line ends) with a header row; instants are ISO-8601 in UTC
 * ({@code 2024-03-07T23:36:43Z}); money amounts are plain decimal text with the currency's decimal places.
 * <table>
 *   <caption>World files</caption>
 *   <tr><th>file</th><th>columns</th><th>rows</th></tr>
 *   <tr><td>{@code interactions.csv}</td>
 *       <td>{@code customer_id,timestamp,type,direction,channel,channel_name,channel_group,value,currency,
 *       source_id,purchase_number}: the format of
 *       {@link org.engagement.core.ingest.csv.CsvInteractionAdapter}, written by
 *       {@link org.engagement.core.ingest.csv.CsvInteractionWriter}, so the importer reads it as is.
 *       {@code source_id} is empty; {@code purchase_number} is {@code 1} for a first purchase, {@code 2},
 *       {@code 3}, ... for repeat purchases and empty otherwise</td>
 *       <td>every interaction, person by person in id order, each person's in time order</td></tr>
 *   <tr><td>{@code customers.csv}</td><td>{@code customer_id,first_seen,segment,churned_at}: segment is
 *       {@code smb}, {@code mid-market} or {@code enterprise}; {@code churned_at} is the instant a customer left
 *       (empty for prospects and for customers still live at the end)</td><td>every person, in id order</td></tr>
 *   <tr><td>{@code costs.csv}</td><td>{@code month,channel,owner,amount,currency}: month as {@code yyyy-MM},
 *       amount as decimal text ({@code 2723.04})</td><td>every month, then every channel in the spec's
 *       order</td></tr>
 *   <tr><td>{@code survey.csv}</td><td>{@code customer_id,answer}: free text, one of a channel's survey phrases
 *       ("saw you at a conference", "a friend told me", ...); see {@link
 *       org.engagement.examples.world.WorldGenerator} for who answers and how often wrongly</td>
 *       <td>the buyers who answered, in id order</td></tr>
 *   <tr><td>{@code truth.csv}</td><td>{@code channel,true_incremental_conversions,true_share}: the first
 *       purchases each channel caused ({@link org.engagement.examples.world.GroundTruth}) and their share of
 *       the sum over channels, as exact decimal text with six places</td>
 *       <td>every channel in the spec's order</td></tr>
 * </table>
 */
@NullMarked
package org.engagement.examples.world;

import org.jspecify.annotations.NullMarked;

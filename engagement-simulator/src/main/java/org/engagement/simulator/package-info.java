/**
 * The sample world: a seeded simulation of a CRM world (customers and prospects, ten channels, two years of
 * interactions, a funnel, purchases, churn, costs, survey answers and a social conversation feed) in which every
 * channel's true effect on conversion and every customer's true buying rates are known, so that attribution
 * and lifetime-value models can be judged against the truth, on worlds made by several causal mechanisms.
 *
 * <p>{@link org.engagement.simulator.WorldGenerator} makes a world from a
 * {@link org.engagement.simulator.WorldSpec} (the simulation is described there), in memory
 * ({@link org.engagement.simulator.World}) or streamed person by person to a
 * {@link org.engagement.simulator.WorldVisitor}; {@link org.engagement.simulator.WorldWriter} writes it
 * as the files below; {@link org.engagement.simulator.SampleWorld} is the small world bundled on the class
 * path. The same spec always gives the same world, byte for byte, on every JVM.
 *
 * <h2>Mechanisms</h2>
 * {@link org.engagement.simulator.WorldSpec#mechanism()} chooses how channels cause first purchases
 * ({@link org.engagement.simulator.WorldMechanism}; {@code engagement world --mechanism NAME}). {@code k(a)} is
 * the carry-over of a touch {@code a} days old, {@code 2^(-a / h)} with the half-life {@code h} of
 * {@link org.engagement.simulator.WorldSpec#carryOverDays()} (120 days by default). Roles go by channel group, so
 * any channel list works; the truth ({@code truth.csv}) is always the counterfactual replay on the same draws.
 * <table>
 *   <caption>Mechanisms</caption>
 *   <tr><th>name</th><th>weekly hazard or process</th><th>what it tests</th><th>truth</th></tr>
 *   <tr><td>{@code additive}</td><td>{@code base + Σ lift_c · k(a_c)}</td><td>the plain case; early channels
 *       cause, late ones collect last touches</td><td>never negative</td></tr>
 *   <tr><td>{@code synergy}</td><td>additive, plus 3 × (lift_a + lift_b) · k_a · k_b for the first paid-social
 *       and paid-search channels together; the whole hazard times {@code 1 - 0.6 · k(a_e)} for the first email
 *       channel (over-mailing)</td><td>non-additive effects and a harmful channel</td><td>email negative</td></tr>
 *   <tr><td>{@code confounded}</td><td>{@code intent · (base + Σ lift_c · k(a_c))} over the other channels, with
 *       intent ~ Gamma(0.5, mean 1); paid social retargets leads (probability {@code min(1, intent / 2)},
 *       weekly until the purchase), direct (0.7) and paid search (0.5) visit in the three days before each
 *       funnel step</td><td>exposure that follows intent: close to purchases, no effect</td><td>0 for
 *       retargeting and navigational channels</td></tr>
 *   <tr><td>{@code slow}</td><td>additive, but early-timed channels act through
 *       {@code k(a) = (a / 60) · e^(1 - a / 60)}: nothing at first, most after two months, half of that after
 *       five</td><td>relationship effects that convert months later</td><td>never negative</td></tr>
 *   <tr><td>{@code markov}</td><td>a walk over channels: first channel by reach; from {@code c}, conversion
 *       with probability {@code lift_c}, null 0.3, else a channel by reach; steps 7 days apart on average, up
 *       to the end of the time in the market</td><td>the world a Markov model assumes</td><td>each buyer's
 *       channels are all incremental (removal leads to null)</td></tr>
 * </table>
 * Repeat purchases follow BG/NBD and spend Gamma-Gamma in every mechanism
 * ({@link org.engagement.simulator.RepeatBuying}); a {@link org.engagement.simulator.Holdout} keeps a random share
 * of people away from a channel in any mechanism.
 *
 * <h2>The default channels</h2>
 * Lift is the additive lift in the weekly funnel hazard right after a touch, carried over with a half-life of
 * 120 days ({@link org.engagement.simulator.ChannelSpec}); the base hazard is 0.0005. Costs are for 5,000
 * people and scale with the world's size.
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
 * Repeat purchases are all recorded on direct.
 *
 * <h2>Drawn channel tables</h2>
 * That table flatters first touch: its strongest channels touch first. To judge models on more than one
 * table, {@link org.engagement.simulator.WorldSpec#drawnChannels(long)} deals the ten lifts out among the ten
 * channels at random and draws each channel's timing: early (days 0-60 after arrival), steady (all along) or
 * late (days 60-150, {@link org.engagement.simulator.TouchTiming#LATE}: closing channels, near the purchases they
 * cause). The recovery tests run every mechanism on such tables as well as on the default one; the bundled world
 * keeps the default table.
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
 *       {@code smb}, {@code mid-market} or {@code enterprise} (a label; spend does not depend on it);
 *       {@code churned_at} is the instant of the purchase after which a customer dropped out (empty for
 *       prospects and for customers still live at the end)</td><td>every person, in id order</td></tr>
 *   <tr><td>{@code costs.csv}</td><td>{@code month,channel,owner,amount,currency}: month as {@code yyyy-MM},
 *       amount as decimal text ({@code 2723.04})</td><td>every month, then every channel in the spec's
 *       order</td></tr>
 *   <tr><td>{@code survey.csv}</td><td>{@code customer_id,answer}: free text, one of a channel's survey phrases
 *       ("saw you at a conference", "a friend told me", ...); see {@link
 *       org.engagement.simulator.WorldGenerator} for who answers and how often wrongly</td>
 *       <td>the buyers who answered, in id order</td></tr>
 *   <tr><td>{@code truth.csv}</td><td>{@code channel,true_incremental_conversions,true_share}: the first
 *       purchases each channel caused, negative for a harmful channel
 *       ({@link org.engagement.simulator.GroundTruth}), and their signed share of the sum of the counts'
 *       absolute values, as exact decimal text with six places</td>
 *       <td>every channel in the spec's order</td></tr>
 *   <tr><td>{@code customer_truth.csv}</td><td>{@code customer_id,purchase_rate_per_week,dropout_probability,
 *       mean_spend,alive_at_end,holdout_purchases}: each buyer's true BG/NBD rate and dropout probability and
 *       Gamma-Gamma mean spend (eight decimal places), whether they were alive at the end ({@code true} or
 *       {@code false}) and their purchases in the {@link org.engagement.simulator.WorldSpec#holdoutWeeks()}
 *       (52 by default) after the end, which are not in the interactions
 *       ({@link org.engagement.simulator.CustomerTruth})</td><td>every buyer, in id order</td></tr>
 *   <tr><td>{@code holdout.csv}</td><td>{@code customer_id,channel}: the people a
 *       {@link org.engagement.simulator.Holdout} keeps away from a channel (header only without holdouts)</td>
 *       <td>person by person in id order, channels in the spec's order</td></tr>
 *   <tr><td>{@code conversations.csv}</td>
 *       <td>{@code customer_id,timestamp,type,direction,channel,channel_name,channel_group,value,currency,
 *       source_id,text,tags,hashtags,links,brand,sentiment,audience,thread_id,owner,resolved}: the format of
 *       {@link org.engagement.core.ingest.csv.CsvInteractionWriter#openWithContent} (no attribute columns),
 *       which {@link org.engagement.core.ingest.csv.CsvInteractionAdapter} reads back with content. Rows are
 *       inbound {@code mention}s and {@code share}s on the social channels (text, hashtags and links joined
 *       by {@code |}, brand as written by the author, sentiment from -1 to 1 with two decimals, audience),
 *       inbound {@code support_request}s on the organic social channels (text, our brand, sentiment,
 *       {@code thread_id} {@code case-NNNNNNN-k}) and outbound {@code reply} rows (text, thread id,
 *       {@code owner}, {@code resolved} {@code true} on the reply that solves the case, else empty).
 *       {@code customer_id} is a person's id, or {@code anon-NNNNNNN} for an anonymous author; the value,
 *       currency, source id and tags are empty</td>
 *       <td>slot by slot in id order (each person's posts and threads with the anonymous posts drawn with
 *       them), each slot's in time order</td></tr>
 *   <tr><td>{@code messages.csv}</td><td>{@code message,phrase,kind}: one row per matcher of a key message;
 *       kind is {@code phrase}, {@code hashtag} (without {@code #}) or {@code link} (a link pattern such as
 *       {@code brightloop.example/dots}); see {@link org.engagement.core.conversation.message.KeyMessage}</td>
 *       <td>the spec's messages in order, each message's phrases, hashtags, then links</td></tr>
 *   <tr><td>{@code brands.csv}</td><td>{@code brand,role}: role {@code ours} or {@code competitor}</td>
 *       <td>our brand, then the competitors in the spec's order</td></tr>
 * </table>
 *
 * <h2>The conversation feed</h2>
 * Drawn per slot from a stream of its own (seed, index and a constant), after the person's life, so the
 * other files are the same with or without it. The brands, key messages and service owners come from
 * {@link org.engagement.simulator.ConversationSpec}; by default Brightloop (ours) against Crestline and
 * Élan Systems, four key messages, three agents.
 * <ul>
 *   <li>Mentions: a person talks about brands with probability 0.2 (0.35 for buyers); a talker posts at 0.08
 *       per month (a Poisson process) from arrival until they leave or the world ends, on a social channel drawn
 *       in proportion to its reach; 30% of posts are shares. A customer names our brand with probability 0.8,
 *       a prospect 0.6, else a competitor drawn uniformly (sometimes written in capitals without accents).
 *       Each slot also brings a Poisson number (mean 0.25) of anonymous posts at uniform instants, naming our
 *       brand with probability 0.45. Audiences are log-normal: median 250 (σ = 1) for people, 600 (σ = 1.5)
 *       for anonymous authors.
 *   <li>Tone: sentiment scores are normal (σ = 0.4), clipped to [−1, 1] and rounded to two decimals; around
 *       our brand the mean rises linearly from 0.05 to 0.40 over the world; around competitors it is 0.15.
 *   <li>Key messages: a post about our brand carries each message independently (probabilities halved for
 *       anonymous authors): the first with probability 0.20; the second, a campaign launched halfway, 0.02
 *       before and 0.20 after; the third 0.08; the fourth and any further 0.06. The text then holds one of its phrases, as written, in
 *       lower or upper case, or without accents; a hashtag goes among the hashtags or into the text as
 *       {@code #tag}; a link pattern becomes a link ({@code https://www.} pattern {@code ?utm_source=social}).
 *       Other posts carry nothing, some coming close ("connect the dot").
 *   <li>Service: a buyer asks for help at 0.03 per month between the first purchase and leaving (or the end),
 *       and a buyer who leaves asks once more with probability 0.5, 1 to 45 days before leaving. A request is
 *       answered with probability 0.9, 0.55 if the customer leaves within 60 days; by an owner drawn uniformly,
 *       after a log-normal delay (σ = 1) with median 2, 5 or 12 hours for the first three owners (20 for any
 *       further one), times 0.6 on X. An answered request is resolved with probability 0.8, 0.35 if the
 *       customer leaves within 60 days: half the time by the first reply, otherwise by a second reply after a
 *       log-normal delay of median 30 hours (σ = 0.8). Replies falling after the world's end are not written.
 *       Churn itself does not depend on service (that would change the other files): the association runs from
 *       leaving to poor service, which a retention comparison finds and should call an association, not an
 *       effect.
 * </ul>
 */
@NullMarked
package org.engagement.simulator;

import org.jspecify.annotations.NullMarked;

/**
 * Lift analysis: did engagement or conversion rise after (or because of) a campaign, a new channel or a
 * programme, and by how much, with a confidence interval and a test.
 *
 * <p>Two-group comparisons return a {@link org.engagement.roi.lift.LiftEstimate}:
 *
 * <ul>
 *   <li>proportions (converted customers out of customers): {@link
 *       org.engagement.roi.lift.ProportionDifference};
 *   <li>per-customer values such as interactions per customer: {@link
 *       org.engagement.roi.lift.MeanDifference} for two groups, {@link
 *       org.engagement.roi.lift.PairedDifference} for the same customers before and after;
 *   <li>counts over exposure (events per customer-week): {@link
 *       org.engagement.roi.lift.RateRatio};
 *   <li>pre/post with a control group: {@link org.engagement.roi.lift.DifferenceInDifferences};
 *   <li>planning: {@link org.engagement.roi.lift.SampleSize}.
 * </ul>
 *
 * <p>A model-based baseline ({@link org.engagement.roi.lift.ModelBasedLift}) compares each
 * customer's actual post-period activity with what a repeat-buying model fitted on the pre-period expects
 * ({@link org.engagement.roi.lift.ActivityBaseline}), so the lift of a new channel can be measured
 * without a randomised holdout, and with one (adopters against non-adopters) in a difference-in-differences
 * style.
 *
 * <p>Conventions: "treatment" is the group or period where the change happened (treated customers, the
 * post-period), "control" the comparison (control customers, the pre-period, the counterfactual). Absolute
 * lift is {@code treatment - control}; relative lift is {@code (treatment - control) / control} and is
 * {@code NaN} whenever the control is 0. All p-values are two-sided. A pre/post comparison of different
 * customers (or of counts over exposure) uses the two-group tests with the post-period as treatment and
 * the pre-period as control.
 */
@NullMarked
package org.engagement.roi.lift;

import org.jspecify.annotations.NullMarked;

/**
 * Maximum-likelihood fitting for the lifetime-value models: the two-stage search ({@link
 * org.engagement.clv.internal.fit.MaximumLikelihood}, Nelder-Mead then BOBYQA, both from Hipparchus) over
 * parameters on the transformed scale of their {@link org.engagement.clv.internal.fit.Domain}, and the
 * central-difference Hessians behind the standard errors; Newton's method on an analytic gradient ({@link
 * org.engagement.clv.internal.fit.NewtonPolish}) for a fit that starts near the maximum (a bootstrap refit).
 * Implementation: not exported, free to change in
 * any release; the API is {@code org.engagement.clv.fit}.
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package org.engagement.clv.internal.fit;

/**
 * Maximum-likelihood fitting for the customer-lifetime-value models: a model supplies its
 * {@link org.engagement.attribution.clv.fit.LogLikelihood} (over whatever compressed data it uses) and
 * its {@link org.engagement.attribution.clv.fit.Parameter}s; {@link
 * org.engagement.attribution.clv.fit.MaximumLikelihood} maximises it on transformed (log or logit)
 * parameters with Hipparchus optimisers and returns a {@link org.engagement.attribution.clv.fit.FitResult}
 * with the convergence status and standard errors from the numerical Hessian.
 */
@NullMarked
package org.engagement.attribution.clv.fit;

import org.jspecify.annotations.NullMarked;
